"""Highlighted HTML from offsets: escaped text, balanced tags, spans where the offsets say."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from marsad.types import Article, Mention, Quote, Sentence
from marsad.web.highlight import Span, article_spans, entity_href, highlight, sentence_window

CASES = {
    "en": ('Omar said: "<b>We</b> & ISIS" in Qamishli.', "Omar", "ISIS", "Qamishli"),
    "ar": ("قال عمر: «<b>نحن</b> & داعش» في قامشلو.", "عمر", "داعش", "قامشلو"),
}


class _Tags(HTMLParser):
    """Checks nesting and collects the text and the text inside each kind of tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.text = ""
        self.inside: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append((tag, dict(attrs).get("class") or ""))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1][0] == tag, (tag, self.stack)
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text += data
        for _, classes in self.stack:
            kind = classes.split()[1] if len(classes.split()) > 1 else classes
            self.inside[kind] = self.inside.get(kind, "") + data


def _parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    assert parser.stack == []
    return parser


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_highlight_escapes_every_piece_and_keeps_the_text(lang: str) -> None:
    text, speaker, org, place = CASES[lang]
    spans = [Span(text.index(w), text.index(w) + len(w), "mention", "PER", "/entities/x")
             for w in (speaker, org, place)]  # fmt: skip
    html = str(highlight(text, spans))
    assert "<b>" not in html and "&lt;b&gt;" in html and "&amp;" in html
    assert _parse(html).text == text


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_highlight_nests_overlapping_spans(lang: str) -> None:
    text, speaker, org, _ = CASES[lang]
    quote_start = text.index("<b>")
    quote_end = text.index(org) + len(org)
    spans = [
        Span(0, len(text), "event", "CONSULT"),
        Span(quote_start, quote_end, "quote"),
        Span(text.index(org), quote_end, "mention", "ORG", "/entities/isis"),
        Span(text.index(speaker), text.index(speaker) + len(speaker), "mention", "PER"),
    ]
    parsed = _parse(str(highlight(text, spans)))
    assert parsed.text == text
    assert parsed.inside["hl-quote"] == text[quote_start:quote_end]
    assert parsed.inside["hl-event"] == text
    assert org in parsed.inside["hl-mention"] and speaker in parsed.inside["hl-mention"]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_highlight_window_clips_spans_to_it(lang: str) -> None:
    text, _, org, place = CASES[lang]
    start = text.index(org)
    spans = [Span(0, len(text), "quote"), Span(start, start + len(org), "mention", "ORG")]
    parsed = _parse(str(highlight(text, spans, start, len(text))))
    assert parsed.text == text[start:]
    assert parsed.inside["hl-quote"] == text[start:]
    assert place in parsed.text


def test_highlight_attributes_cannot_break_out() -> None:
    hostile = Span(0, 4, "mention", 'PER" onmouseover="x', '/e/"><script>', '"><script>')
    html = str(highlight("Omar", [hostile]))
    assert "<script>" not in html and 'onmouseover="' not in html
    assert _parse(html).text == "Omar"


@pytest.mark.parametrize(
    ("entity_id", "href"),
    [("marsad:org/isis", "/entities/marsad:org/isis"), ("L-PER-a b?", "/entities/L-PER-a%20b%3F")],
)
def test_highlight_entity_links_keep_ids_readable(entity_id: str, href: str) -> None:
    assert entity_href(entity_id) == href


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_highlight_article_spans_cover_every_fact(lang: str) -> None:
    text, speaker, org, _ = CASES[lang]
    s = text.index(speaker)
    article = Article(id="t", source="t", raw=b"", raw_text=text, text=text, lang=lang,
                      sentences=[Sentence(0, len(text))])  # fmt: skip
    article.mentions = [Mention(s, s + len(speaker), "PER", "marsad:per/x", "X")]
    article.quotes = [Quote(text.index(org), text.index(org) + len(org), True, s, s + 1)]
    kinds = sorted(span.kind for span in article_spans(article))
    assert kinds == ["cue", "mention", "quote"]
    assert sentence_window(article, s, s + 1) == (0, len(text))
