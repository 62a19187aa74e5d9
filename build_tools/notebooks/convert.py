"""Converting an executed notebook to a light Markdown page: images as files, HTML sanitised."""
from __future__ import annotations

import base64
import copy
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import nh3
from PIL import Image

from .svg import sanitize_svg

TEMPLATES = Path(__file__).parent / "templates"

# Tables survive (DataFrames), scripts, event handlers and javascript: URLs do not.
ALLOWED_TAGS = {"table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "p", "div", "span", "br",
                "b", "strong", "i", "em", "code", "pre", "ul", "ol", "li", "h2", "h3", "h4", "a", "sub", "sup"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"colspan", "rowspan", "scope"}, "td": {"colspan", "rowspan"}}
DROPPED_TYPES = ("application/javascript", "text/javascript", "application/vnd.jupyter.widget-view+json",
                 "application/vnd.jupyter.widget-state+json")
# nbconvert's Markdown template pastes these as they are: they become text before conversion
AS_TEXT_TYPES = ("text/latex",)


@dataclass
class NotebookPage:
    markdown: str
    images: dict[str, bytes] = field(default_factory=dict)  # file name beside the page -> bytes
    images_without_alt: list[int] = field(default_factory=list)  # cell numbers in the source notebook


def sanitize_html(html: str) -> str:
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes={"http", "https", "mailto"},
                     link_rel="noopener noreferrer")


def _prepare(notebook: nbformat.NotebookNode) -> None:
    """Keeps one image format (the smaller), drops scripts, sanitises HTML, hides code."""
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        if "show-code" not in cell.metadata.get("tags", []):
            cell.metadata.setdefault("transient", {})["remove_source"] = True
        kept = []
        for output in cell.get("outputs", []):
            data = output.get("data")
            if data is not None:
                for mime in DROPPED_TYPES:
                    data.pop(mime, None)
                for mime in AS_TEXT_TYPES:
                    if mime in data:
                        text = data.pop(mime)
                        data.setdefault("text/plain", text)
                if "image/svg+xml" in data:
                    svg = sanitize_svg(data["image/svg+xml"])
                    if svg is None:
                        data.pop("image/svg+xml")
                    else:
                        data["image/svg+xml"] = svg
                if "image/png" in data and "image/svg+xml" in data:
                    png_size = len(data["image/png"]) * 3 // 4  # base64 text to bytes
                    svg_size = len(data["image/svg+xml"].encode("utf-8"))
                    data.pop("image/png" if svg_size <= png_size else "image/svg+xml")
                size = image_size(data)
                if size:  # width and height on <img>: the page keeps its layout while the chart loads
                    output.setdefault("metadata", {})["size"] = size
                if "text/html" in data:
                    data["text/html"] = sanitize_html(data["text/html"])
                if "text/markdown" in data and "<" in data["text/markdown"]:
                    data["text/markdown"] = sanitize_html(data["text/markdown"])
                if not data:
                    continue
            if output.get("output_type") == "error":
                continue
            kept.append(output)
        cell.outputs = kept


def image_size(data: dict) -> tuple[int, int] | None:
    """The displayed size in CSS pixels of the image in an output's data, when it has one."""
    if "image/svg+xml" in data:
        svg = data["image/svg+xml"]
        width, height = (re.search(rf'<svg[^>]*\s{name}="([\d.]+)(pt|px)?"', svg) for name in ("width", "height"))
        if width and height:  # matplotlib writes points: 72 to the inch, CSS pixels are 96
            scale = 4 / 3 if width.group(2) == "pt" else 1
            return round(float(width.group(1)) * scale), round(float(height.group(1)) * scale)
        return None
    for mime in ("image/png", "image/jpeg"):
        if mime in data:
            try:
                with Image.open(io.BytesIO(base64.b64decode(data[mime]))) as image:
                    return image.size
            except (OSError, ValueError):
                return None
    return None


def convert(notebook: nbformat.NotebookNode, prefix: str) -> NotebookPage:
    """Markdown for the page, and its images named `<prefix>-<cell>-<n>.<ext>`."""
    # nbconvert takes most of a second to import: only when a page is converted, not on a cache hit
    from nbconvert import MarkdownExporter
    from traitlets.config import Config

    notebook = copy.deepcopy(notebook)
    _prepare(notebook)
    config = Config({"ExtractOutputPreprocessor": {"output_filename_template": "{unique_key}-{cell_index}-{index}{extension}"}})
    exporter = MarkdownExporter(config=config, extra_template_basedirs=[str(TEMPLATES)], template_name="lesson",
                                exclude_input_prompt=True, exclude_output_prompt=True)
    resources = {"unique_key": prefix}
    body, resources = exporter.from_notebook_node(notebook, resources=resources)
    images = {name: data for name, data in resources.get("outputs", {}).items()}
    return NotebookPage(_tidy(body), images, _images_without_alt(notebook))


def _images_without_alt(notebook: nbformat.NotebookNode) -> list[int]:
    return [cell.metadata.get("source_cell", index + 1) for index, cell in enumerate(notebook.cells)
            if cell.cell_type == "code"
            for output in cell.get("outputs", [])
            if any(mime.startswith("image/") for mime in output.get("data", {}))
            and not str(output.get("metadata", {}).get("alt", "")).strip()]


def _tidy(markdown: str) -> str:
    lines = [line.rstrip() for line in markdown.splitlines()]
    tidy: list[str] = []
    for line in lines:
        if line == "" and tidy and tidy[-1] == "":
            continue
        tidy.append(line)
    return "\n".join(tidy).strip() + "\n"
