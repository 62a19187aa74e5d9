"""Text helpers shared by the page renderers."""
from __future__ import annotations

import re


def plain(markdown: str, limit: int = 160) -> str:
    """Markdown reduced to one line of plain text, cut at a word, for meta descriptions."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", markdown)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`#>|]|^!!!.*$|^\s*[-\d]+\.?\s", " ", text, flags=re.M)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
