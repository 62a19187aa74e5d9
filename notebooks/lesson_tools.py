"""Helpers for notebook lessons: charts with alt text, tables that the site styles.

The build hides code cells, so what a reader sees is what these functions display.
"""
from __future__ import annotations

import base64
import io

import matplotlib
import matplotlib.pyplot as plt
from IPython.display import Markdown, display

matplotlib.rcParams.update({
    "figure.figsize": (7, 4),
    "figure.dpi": 100,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "font.size": 11,
    "svg.fonttype": "none",  # text stays text in SVG: smaller and searchable
})


def show_chart(figure: plt.Figure, alt: str) -> None:
    """Displays a chart as PNG and SVG (the build keeps the smaller), with its alt text."""
    if not alt or not alt.strip():
        raise ValueError("every chart needs alt text that says what it shows")
    png, svg = io.BytesIO(), io.BytesIO()
    figure.savefig(png, format="png", bbox_inches="tight")
    figure.savefig(svg, format="svg", bbox_inches="tight")
    plt.close(figure)
    display({"image/png": base64.b64encode(png.getvalue()).decode("ascii"),
             "image/svg+xml": svg.getvalue().decode("utf-8"),
             "text/plain": alt}, raw=True, metadata={"alt": alt})


def show_table(frame, floatfmt: str = ",.0f") -> None:
    """Displays a DataFrame as a Markdown table, which the site styles like any other table."""
    display(Markdown(frame.to_markdown(index=False, floatfmt=floatfmt)))
