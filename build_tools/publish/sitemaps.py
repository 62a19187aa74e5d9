"""The site root's sitemap and robots.txt: what search engines need to know about every language.

Each language's own sitemap (overrides/sitemap.xml) lists its pages and nothing else, because
Material's script parses it on every page view. The root sitemap names every page of every
language with its twin in each language (hreflang alternates; the language trees share their
paths), and the language chooser as the page for readers whose language the site does not have
(x-default). robots.txt points to it. Both are written from the language sitemaps of a built
site, so that a build and an assembled site (`curriculum assemble`) give the same files.

A sitemap holds at most 50,000 addresses: about 2,500 modules in two languages. Beyond that, the
root sitemap would have to become a sitemap index.
"""
from __future__ import annotations

import re
from html import escape, unescape
from pathlib import Path

from .. import LANGUAGES
from ..pipeline import BuildFailed

LOC = re.compile(r"<loc>(.*?)</loc>")
X_DEFAULT = "x-default"


def language_pages(site: Path, lang: str) -> tuple[str, list[str]]:
    """The site's public address (ending in /) and the paths of `lang`'s pages, read from
    <lang>/sitemap.xml, whose addresses all start with the address of `lang`'s home page."""
    sitemap = site / lang / "sitemap.xml"
    locs = [unescape(loc) for loc in LOC.findall(sitemap.read_text(encoding="utf-8"))]
    home = min(locs, key=len, default="")
    if not home.endswith(f"/{lang}/") or not all(loc.startswith(home) for loc in locs):
        raise BuildFailed([f"{sitemap}: expected every address to start with the address of the {lang} home "
                           f"page, …/{lang}/; is site_url in mkdocs.yml (or SITE_URL) a full address?"])
    return home.removesuffix(f"{lang}/"), [loc.removeprefix(home) for loc in locs]


def root_sitemap(site: Path, languages: tuple[str, ...] = LANGUAGES) -> tuple[str, str]:
    """The public address of `site`, whose language folders are built, and its sitemap: one line per address."""
    roots, pages = {}, {}
    for lang in languages:
        roots[lang], pages[lang] = language_pages(site, lang)
    root = roots[languages[0]]
    if any(other != root for other in roots.values()):
        raise BuildFailed([f"the languages were built for different addresses ({', '.join(sorted(set(roots.values())))}): "
                           "build every part with the same SITE_URL"])

    def entry(address: str, alternates: dict[str, str]) -> str:
        links = "".join(f'<xhtml:link rel="alternate" hreflang="{code}" href="{escape(href)}"/>'
                        for code, href in alternates.items())
        return f"<url><loc>{escape(address)}</loc>{links}</url>"

    home = {lang: f"{root}{lang}/" for lang in languages} | {X_DEFAULT: root}
    lines = [entry(root, home)]
    present = {lang: set(paths) for lang, paths in pages.items()}
    for lang in languages:
        for path in pages[lang]:
            twins = {other: f"{root}{other}/{path}" for other in languages if path in present[other]}
            lines.append(entry(f"{root}{lang}/{path}", twins | ({X_DEFAULT: root} if path == "" else {})))
    head = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">')
    return root, "\n".join([head, *lines, "</urlset>"]) + "\n"


def write_root_sitemap(site: Path) -> None:
    """site/sitemap.xml, and site/robots.txt naming it (read by crawlers when the site is a domain's root)."""
    root, sitemap = root_sitemap(site)
    (site / "sitemap.xml").write_text(sitemap, encoding="utf-8")
    (site / "robots.txt").write_text(f"User-agent: *\nDisallow:\n\nSitemap: {root}sitemap.xml\n", encoding="utf-8")
