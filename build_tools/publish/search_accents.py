"""French search that finds words typed without their accents ("referencement" finds
"référencement"), online and in the offline edition.

Material's search worker builds its index in the browser with lunr and the language's plugin
(`lunr.fr`, loaded from assets/javascripts/lunr/min/lunr.fr.min.js). We add to that file, in the
built site only, a few lines that index each accented word a second time without its accents."""
from __future__ import annotations

from pathlib import Path

FOLDING_SCRIPT = Path(__file__).with_name("js") / "fold-accents.js"
FOLDED_LANGUAGES = ("fr",)
MARKER = "/* rm-fold-accents */"


def fold_search_accents(site_dir: Path, lang: str) -> None:
    if lang not in FOLDED_LANGUAGES:
        return
    plugin = site_dir / "assets" / "javascripts" / "lunr" / "min" / f"lunr.{lang}.min.js"
    code = plugin.read_text(encoding="utf-8")
    if MARKER not in code:
        addition = FOLDING_SCRIPT.read_text(encoding="utf-8").replace("LANGUAGE", lang)
        plugin.write_text(f"{code}\n{MARKER}\n{addition}", encoding="utf-8")
