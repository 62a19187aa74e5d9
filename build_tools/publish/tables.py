"""Tables leave the build already in the scrolling frame that Material's script would put them in.

Material's script moves every plain table (`table:not([class])`) into that frame once the page has
loaded. On a page with many tables (the authors' guide, the editorial status) this moved most of
the page after its first paint: one long task, and the largest paint came late. Written here, the
frame is there from the start; the table's class tells the script to leave it alone, and site.css
gives `table.rm-table` the theme's table look. The outer frame keeps room, on a phone, for the
line that says a wide table scrolls, so that adding it moves nothing.
"""
from __future__ import annotations

import re

PLAIN_TABLE = re.compile(r"<table>(.*?)</table>", re.S)  # as Markdown writes a table; nested ones cannot occur
# The outer frame holds, on a phone, the line where page-aids.js says that a wide table scrolls.
FRAMED = (r'<div class="rm-table-frame"><div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
          r'<table class="rm-table">\1</table></div></div></div>')


def frame_tables(html: str) -> str:
    return PLAIN_TABLE.sub(FRAMED, html)
