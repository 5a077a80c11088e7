"""Cleaning: from a scraped page or HTML to the article's text, title and paragraphs.

The stage (``marsad.clean.stage.CleanStage``, registered as ``"clean"``) wraps these
plain functions, which benchmarks and the extraction eval call directly.
"""

from __future__ import annotations

from marsad.clean.assemble import assemble, split_paragraphs
from marsad.clean.html import HtmlResult, extract_html
from marsad.clean.lines import CleanResult, clean_lines
from marsad.clean.title import split_title_suffix

__all__ = [
    "CleanResult",
    "HtmlResult",
    "assemble",
    "clean_lines",
    "extract_html",
    "split_paragraphs",
    "split_title_suffix",
]
