"""Filters for the theme's templates. Page titles and descriptions reach the templates
HTML-escaped (render/text.py `meta_text`); JSON-LD wants the plain text back, with its French
non-breaking spaces, which Jinja's `striptags` would turn into ordinary ones."""
from __future__ import annotations

import html

from mkdocs.plugins import BasePlugin


class TemplateFilters(BasePlugin):
    """Registered by publish/mkdocs_build.py for every build."""

    def on_env(self, env, **kwargs):
        env.filters["unescape"] = html.unescape
        return env
