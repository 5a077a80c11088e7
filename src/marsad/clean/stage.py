"""The ``clean`` pipeline stage: raw page -> ``text``, ``title``, ``paragraphs``, ``removed``.

By ``Article.format``:

* ``text``: a scrape like the seeds goes through the line filter (``clean_lines``);
* ``html``: trafilatura finds the main text and fills empty hints from the page's
  metadata, then the same line filter runs;
* ``clean``: the text is kept verbatim (the stateless filter's offsets must refer to the
  string the caller gave), only paragraphs are found in it.
"""

from __future__ import annotations

import logging

from marsad.clean.assemble import assemble, split_paragraphs
from marsad.clean.html import HtmlResult, extract_html
from marsad.clean.lines import clean_lines
from marsad.pipeline import register
from marsad.types import Article, Removed, SourceHints

log = logging.getLogger(__name__)


@register("clean")
class CleanStage:
    name: str = "clean"
    requires: tuple[str, ...] = ("raw_text", "format")
    assigns: tuple[str, ...] = ("text", "title", "paragraphs", "removed")
    backend: str = "rules+trafilatura"

    def __call__(self, article: Article) -> None:
        if article.format == "clean":
            article.text = article.raw_text
            article.title = article.hints.title
            article.paragraphs = split_paragraphs(article.text)
            article.removed = []
            return
        removed: list[Removed] = []
        if article.format == "html":
            page = extract_html(article.raw_text, url=article.url)
            _fill_hints(article.hints, page)
            source = page.text
            removed.append(Removed(kind="html_chrome", text=page.chrome_summary()))
        elif article.format == "text":
            source = article.raw_text
        else:
            raise ValueError(f"unknown article format {article.format!r}")
        result = clean_lines(source, title_hint=article.hints.title)
        article.text, article.paragraphs = assemble(result.title, result.paragraphs)
        article.title = result.title
        article.removed = removed + result.removed
        if not article.text:
            log.warning("%s: nothing left after cleaning", article.source)


def _fill_hints(hints: SourceHints, page: HtmlResult) -> None:
    """The page's own metadata fills only what the container left empty."""
    hints.title = hints.title or page.title
    hints.published = hints.published or page.published
    hints.byline = hints.byline or page.author
    hints.outlet = hints.outlet or page.sitename
