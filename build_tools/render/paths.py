"""Where each generated page sits in a language's tree, and relative links between pages."""
from __future__ import annotations

import posixpath

from ..sources.model import LoadedModule, LoadedTool

# the offline edition (every language in one zip), from the site's root, beside the language folders
OFFLINE_DOWNLOAD = "downloads/curriculum-offline.zip"


def module_dir(module: LoadedModule | str) -> str:
    return f"modules/{module if isinstance(module, str) else module.id}"


def mentor_page(module: LoadedModule | str) -> str:
    return f"mentors/{module if isinstance(module, str) else module.id}.md"


def tool_page(tool: LoadedTool | str) -> str:
    return f"tools/{tool if isinstance(tool, str) else tool.model.id}.md"


def link(source: str, target: str) -> str:
    """A relative Markdown link from page `source` to page `target` (anchors kept)."""
    path, _, anchor = target.partition("#")
    relative = posixpath.relpath(path, posixpath.dirname(source) or ".")
    return relative + (f"#{anchor}" if anchor else "")
