"""The MkDocs events the build hooks into, in process (no plugin to install):

- every page carries a navigation of constant size: in the sections on the reader's path, long
  lists (a track's modules, the mentor guides) show only the section's own page, the current
  entry and its two neighbours; the section's page lists them all. With `navigation.prune`,
  Material then renders the same handful of links whatever the size of the track.
- Material's templates are compiled once and kept in build/cache/jinja, not at every build.
- a `dirty` build (the preview's, see live.py) renders only the pages that changed; the others
  are still read, so that menus and next/previous links show their titles.
- tables are framed for scrolling by the build, not by Material's script (tables.py).
- no page carries Material's `<link rel="alternate" hreflang>` tags. They name each language's
  home page, on every page: a search engine reads that as "this page's French version is the
  French home page", and Material's script fetches and parses the sitemap of every language they
  name, on every page view, to redirect the language switcher (whose links already go to the twin
  page; page-aids.js keeps Material's handler off them). The twins are named in the site root's
  sitemap instead (sitemaps.py).
- the glossary page shows no glossary tooltips: every term is defined a few lines away, and a
  tooltip repeating each definition would double the weight of the longest page.
- Material's social plugin keeps every layer it rendered (a title, a description: a megabyte or
  two each) until the build ends, several gigabytes at a thousand modules; here each layer is let
  go once every card that asked for it has been put together.
"""
from __future__ import annotations

import copy
import re
from collections import Counter
from pathlib import Path
from threading import Lock

from jinja2 import FileSystemBytecodeCache
from mkdocs.plugins import BasePlugin
from mkdocs.structure.nav import Navigation, Section

from ..render.glossary import is_glossary_page
from .tables import frame_tables

NAME = "curriculum/glue"
ABBREVIATION = re.compile(r'<abbr title="[^"]*">(.*?)</abbr>', re.S)  # as Markdown's abbr writes it
# as Material writes it. Not preceded by `\s*`: at 1,000 modules Material's menus leave runs of
# 16,000 blank characters in a page, and a pattern that starts with one retries each run from every
# position in it (0.4 s a page, an hour per language)
HOME_ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
LONG = 12  # a section with more entries than this (a long track) shows a window of them; a module has fewer


class CurriculumGlue(BasePlugin):
    def __init__(self, template_cache: Path) -> None:
        super().__init__()
        self.load_config({})
        self.template_cache = template_cache
        self.dirty = False

    def on_startup(self, *, command, dirty):
        self.dirty = dirty

    def on_nav(self, nav, *, config, files):
        if self.dirty:
            for page in nav.pages:
                if page.markdown is None and not page.file.is_modified():
                    page.read_source(config)
        return nav

    def on_config(self, config):
        social = config.plugins.get("material/social")
        if social is not None and isinstance(getattr(social, "card_layer_pool_jobs", None), dict):
            social.card_layer_pool_jobs = LayerFutures()  # set by its on_startup, which ran before
        return config

    def on_env(self, env, *, config, files):
        self.template_cache.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(self.template_cache))
        return env

    def on_page_content(self, html, *, page, config, files):
        if is_glossary_page(page.file.src_uri):
            html = ABBREVIATION.sub(r"\1", html)
        return frame_tables(html)

    def on_post_page(self, output, *, page, config):
        return without_home_alternates(output)

    def on_post_template(self, output_content, *, template_name, config):  # 404.html
        return without_home_alternates(output_content) if template_name.endswith(".html") else output_content

    def on_page_context(self, context, *, page, config, nav):
        context["nav"] = Navigation([windowed(item) for item in nav.items], nav.pages)
        return context


def without_home_alternates(html: str) -> str:
    return HOME_ALTERNATE.sub("", html)


def windowed(item):
    """`item`, with the long lists on the reader's path cut to a window around the current entry."""
    if not isinstance(item, Section) or not item.active:
        return item
    children = item.children
    if len(children) > LONG:
        current = next((index for index, child in enumerate(children) if child.active), 0)
        keep = {0, current - 1, current, current + 1} & set(range(len(children)))  # 0: the section's page
        children = [child for index, child in enumerate(children) if index in keep]
    trimmed = copy.copy(item)
    trimmed.children = [windowed(child) for child in children]
    return trimmed


class LayerFutures(dict):
    """The social plugin's rendered layers by digest. The plugin asks for a layer with `setdefault`
    (once per card that uses it) and reads it with `[digest]` when it composes that card: the
    layer goes when every card that asked for it has read it. A later card that needs it again
    (the shared background) renders it again, which costs little."""

    def __init__(self) -> None:
        super().__init__()
        self._waiting: Counter[str] = Counter()
        self._lock = Lock()

    def setdefault(self, key, default=None):
        with self._lock:
            self._waiting[key] += 1
            return super().setdefault(key, default)

    def __getitem__(self, key):
        with self._lock:
            value = super().__getitem__(key)
            self._waiting[key] -= 1
            if self._waiting[key] <= 0:
                del self._waiting[key]
                super().__delitem__(key)
            return value
