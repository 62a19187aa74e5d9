"""One MkDocs + Material build of one language's generated tree, strict, with its warnings kept
so that a failure can say what went wrong."""
from __future__ import annotations

import json
import logging
import os
import shutil
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life banner, on stderr

from mkdocs.commands.build import build as mkdocs_build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from mkdocs.exceptions import Abort, ConfigurationError  # noqa: E402

from ..pipeline import BuildFailed  # noqa: E402
from ..render.glossary import LETTER_PAGES  # noqa: E402
from ..render.i18n import t  # noqa: E402
from ..render.text import meta_text  # noqa: E402
from .mkdocs_glue import NAME as GLUE, CurriculumGlue  # noqa: E402
from .sanitize import ContentSanitizer  # noqa: E402
from .search_accents import fold_search_accents  # noqa: E402
from .template_filters import TemplateFilters  # noqa: E402

# Pages reached from their module's pages, not in the reading order: "Next" after a module's
# exercise leads to the next module, not to its printable editions.
# A large glossary's letter pages are reached from the glossary page.
NOT_IN_NAV = f"modules/*/print.md\nmodules/*/brief.md\n{LETTER_PAGES}\n"


class _Collector(logging.Handler):
    """Keeps MkDocs' warnings so that a strict failure can say what went wrong."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def language_config(root: Path, lang: str, nav: list, site_dir: Path, plugins: list | None = None):
    overrides = {"plugins": plugins} if plugins is not None else {}
    config = load_config(str(root / "mkdocs.yml"), docs_dir=str(root / "build" / "src" / lang),
                         site_dir=str(site_dir), nav=nav, strict=True, not_in_nav=NOT_IN_NAV, **overrides)
    site_root = config["site_url"].rstrip("/") + "/"
    config["site_url"] = f"{site_root}{lang}/"
    config["extra"]["site_root"] = site_root
    # the theme prints these as they are: escaped, with the language's typography
    for key in ("site_name", "site_description", "copyright"):
        config[key] = meta_text(lang, t(lang, key))
    config["extra"]["not_found"] = {key: meta_text(lang, t(lang, f"not_found_{key}")) for key in ("title", "text", "home")}
    config.theme["language"] = lang
    social = config.plugins.get("material/social")
    if social is not None:
        # each language its own cards, cache and manifest: otherwise each invalidates the other's
        social.config.cache_dir = str(social_cache(root, lang))
        social.manifest = {}  # the plugin's default is one dict shared by every instance
    search = config.plugins.get("material/search")
    if search is not None:
        # MkDocs keeps one instance of a plugin per process for every build, and Material's search
        # merges the index of its last dirty build (the preview's) into the next one, whatever its
        # language or site: each build starts from its own pages (live.py merges the preview's).
        search.search_index_prev = None
    if lang == "fr":  # non-breaking spaces in page text, headings, tooltips and alt text
        config["markdown_extensions"].append("build_tools.publish.markdown_typography")
    config.plugins[GLUE] = CurriculumGlue(root / "build" / "cache" / "jinja")
    config.plugins["curriculum-sanitize"] = ContentSanitizer()  # last, so it sees every page's final content
    config.plugins["curriculum-template-filters"] = TemplateFilters()
    # glossary tooltips: Markdown's abbr extension marks every glossary term on every page
    config["markdown_extensions"].append("abbr")
    config["mdx_configs"]["abbr"] = {"glossary": read_abbreviations(root, lang)}
    return config


def abbreviations_path(root: Path, lang: str) -> Path:
    """Where the render stage leaves a language's glossary terms for MkDocs (written by site.py)."""
    return root / "build" / "abbreviations" / f"{lang}.json"


def read_abbreviations(root: Path, lang: str) -> dict[str, str]:
    path = abbreviations_path(root, lang)
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def run_mkdocs(config, what: str, dirty: bool = False) -> None:
    """A strict build; `dirty` renders only the pages whose Markdown is newer than their HTML."""
    collector = _Collector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        # what the `mkdocs build` command does around a build: plugins start their thread pools here
        config.plugins.on_startup(command="build", dirty=dirty)
        try:
            mkdocs_build(config, dirty=dirty)
        finally:
            config.plugins.on_shutdown()
    except (Abort, ConfigurationError) as error:
        details = [f"  {message}" for message in collector.messages] or [f"  {error}"]
        raise BuildFailed([f"{what}: MkDocs stopped the build:"] + details) from None
    finally:
        logger.removeHandler(collector)


def social_cache(root: Path, lang: str) -> Path:
    return root / "build" / "cache" / "social" / lang


def _fill_social_font_cache(root: Path, lang: str) -> None:
    """The social plugin downloads its font from Google Fonts unless its cache holds it: we fill
    the cache with the DejaVu fonts that matplotlib ships, so the build asks no one for anything."""
    import matplotlib

    fonts = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    cache = social_cache(root, lang) / "fonts" / "DejaVu Sans"
    for style, name in (("Regular", "DejaVuSans.ttf"), ("Bold", "DejaVuSans-Bold.ttf")):
        target = cache / f"{style}.ttf"
        if not target.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(fonts / name, target)


def build_language(root: Path, lang: str, nav: list, site_dir: Path) -> None:
    _fill_social_font_cache(root, lang)
    try:
        config = language_config(root, lang, nav, site_dir)
    except ConfigurationError as error:
        raise BuildFailed([f"mkdocs.yml: {error}"]) from None
    run_mkdocs(config, f"site ({lang})")
    fold_search_accents(site_dir, lang)
