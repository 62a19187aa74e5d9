"""SVG charts are files of their own: a reader may open one directly, where a script in it would
run. Only drawing survives: no script, no foreign HTML, no event handler, no link to anything
but an anchor in the same file, no entity declarations (which could expand without bound)."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
_FORBIDDEN = {"script", "foreignObject", "iframe", "object", "embed", "handler", "listener", "animate", "set"}
_LINKS = {"href", f"{{{XLINK}}}href"}


_PLAIN_DOCTYPE = re.compile(r"<!DOCTYPE[^\[>]*>", re.I)  # matplotlib's: no internal subset
_FETCHES = re.compile(r"url\s*\(|@import", re.I)


def sanitize_svg(text: str) -> str | None:
    """The SVG without anything that could run or fetch; None when it is not a plain SVG."""
    text = _PLAIN_DOCTYPE.sub("", text, count=1)
    if "<!DOCTYPE" in text.upper() or "<!ENTITY" in text.upper():
        return None
    try:
        root = ET.fromstring(text)
    except ET.ParseError:
        return None
    if _local(root.tag) != "svg":
        return None
    for parent in root.iter():
        for child in list(parent):
            if _local(child.tag) in _FORBIDDEN or (_local(child.tag) == "style" and _FETCHES.search(child.text or "")):
                parent.remove(child)
        for name in list(parent.attrib):
            value = parent.attrib[name].strip()
            if (_local(name).lower().startswith("on") or (name in _LINKS and not value.startswith("#"))
                    or _FETCHES.search(value) and not value.startswith("url(#")):
                del parent.attrib[name]
    ET.register_namespace("", SVG)
    ET.register_namespace("xlink", XLINK)
    return ET.tostring(root, encoding="unicode")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
