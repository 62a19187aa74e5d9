"""Helpers for notebook lessons: charts with alt text, tables that the site styles, and numbers
written the way each language writes them (Babel: `2.5` and `3,5 %`, `12,000` and `12 000`).

The build hides code cells, so what a reader sees is what these functions display.
"""
from __future__ import annotations

import base64
import io

import matplotlib
import matplotlib.pyplot as plt
from babel import Locale
from babel.numbers import format_decimal, format_percent
from IPython.display import Markdown, display
from matplotlib.ticker import FuncFormatter

matplotlib.rcParams.update({
    "figure.figsize": (7, 4),
    "figure.dpi": 100,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "font.size": 11,
    "svg.fonttype": "none",  # text stays text in SVG: smaller and searchable
    "svg.hashsalt": "curriculum",  # the same ids in every build: the SVG files are reproducible
})

LOCALES = {"en": "en_GB", "fr": "fr_FR"}


def number(value: float, lang: str, decimals: int = 0) -> str:
    """`12,000` / `12 000`, `2.5` / `2,5`: a number as the reader's language writes it."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALES[lang])


def percent(share: float, lang: str, decimals: int = 1) -> str:
    """A share (0.035) as a percentage: `3.5%` / `3,5 %` (the locale's own pattern and spacing)."""
    pattern = Locale.parse(LOCALES[lang]).percent_formats[None].pattern
    if decimals:
        pattern = pattern.replace("0", "0." + "0" * decimals, 1) if "." not in pattern else pattern
    return format_percent(share, format=pattern, locale=LOCALES[lang])


def number_axis(axis, lang: str, decimals: int = 0, share: bool = False) -> None:
    """Tick labels of a chart axis (`ax.yaxis`) as numbers, or shares as percentages, by language."""
    if share:
        axis.set_major_formatter(FuncFormatter(lambda value, _: percent(value, lang, decimals)))
    else:
        axis.set_major_formatter(FuncFormatter(lambda value, _: number(value, lang, decimals)))


def show_chart(figure: plt.Figure, alt: str) -> None:
    """Displays a chart as PNG and SVG (the build keeps the smaller), with its alt text."""
    if not alt or not alt.strip():
        raise ValueError("every chart needs alt text that says what it shows")
    png, svg = io.BytesIO(), io.BytesIO()
    figure.savefig(png, format="png", bbox_inches="tight")
    figure.savefig(svg, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(figure)
    display({"image/png": base64.b64encode(png.getvalue()).decode("ascii"),
             "image/svg+xml": svg.getvalue().decode("utf-8"),
             "text/plain": alt}, raw=True, metadata={"alt": alt})


def show_table(frame, floatfmt: str = ",.0f") -> None:
    """Displays a DataFrame as a Markdown table, which the site styles like any other table.
    Format numbers for the reader's language first (`number`, `percent`) when they have decimals
    or thousands."""
    display(Markdown(frame.to_markdown(index=False, floatfmt=floatfmt)))
