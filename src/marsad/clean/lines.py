"""The line filter: from a scraped page (or text extracted from HTML) to title and paragraphs.

Every non-empty line of a scrape is one block. Blocks go, each with a ``Removed`` record
saying why, when they are

* navigation: other stories' headlines, each followed by a date-only line;
* a page date: a date-only line on its own above or below the prose (kept as a record);
* a widget: "Share", "Tags: ...", "اظهر المزيد", and the headline list after "Other news";
* repeated: the same paragraph, or run of blocks, a second time on one page.

Stray marks (a geresh wrapping a subheading) are stripped from block edges. The title is
the publisher's if given, else the first block when it reads as a headline; an outlet
suffix is cut off it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from marsad.clean.dates import is_date_only
from marsad.clean.lexicon import lexicon
from marsad.clean.normalize import fold, normalize_line
from marsad.clean.title import looks_like_headline, split_title_suffix
from marsad.types import Removed

log = logging.getLogger(__name__)

# A block this long seen twice is a duplicated paragraph, not a recurring prompt.
MIN_REPEATED_WORDS = 25


@dataclass(slots=True)
class CleanResult:
    title: str | None
    paragraphs: list[str]  # body blocks, in page order, without the title
    removed: list[Removed]  # in page order


@dataclass(slots=True)
class _Block:
    text: str
    marks: list[str] = field(default_factory=list)  # stray marks stripped from its edges
    kind: str | None = None  # why it was removed; None while it is kept
    is_title: bool = False


def clean_lines(raw: str, title_hint: str | None = None) -> CleanResult:
    """Clean a text scrape. ``title_hint`` is the publisher's title, when known: it wins
    over the first line, and a first line repeating it is taken as the title line."""
    blocks, removed = _split_blocks(raw)
    removed += _drop_navigation(blocks)
    removed += _drop_widgets(blocks)
    title, title_at, suffix = _take_title(blocks, title_hint)
    removed += _drop_repeated(blocks, title)
    if suffix is not None:
        removed.append((title_at, Removed(kind="title_suffix", text=suffix)))
    for i, block in enumerate(blocks):
        if block.kind is None:
            removed.extend((i, Removed(kind="stray_mark", text=m)) for m in block.marks)
    removed.sort(key=lambda pair: pair[0])  # stable: page order, then rule order
    paragraphs = [b.text for b in blocks if b.kind is None and not b.is_title]
    log.debug("cleaned %d blocks into %d paragraphs", len(blocks), len(paragraphs))
    return CleanResult(title=title, paragraphs=paragraphs, removed=[r for _, r in removed])


_Found = list[tuple[int, Removed]]  # (index of the first block concerned, record)


def _split_blocks(raw: str) -> tuple[list[_Block], _Found]:
    blocks: list[_Block] = []
    found: _Found = []
    for line in raw.splitlines():
        text, marks = _strip_marks(normalize_line(line))
        if text:
            blocks.append(_Block(text, marks))
        elif marks:  # a line of nothing but marks
            found.extend((len(blocks), Removed(kind="stray_mark", text=m)) for m in marks)
    return blocks, found


def _strip_marks(text: str) -> tuple[str, list[str]]:
    stray = lexicon().stray_marks
    marks: list[str] = []
    while text and text[0] in stray:
        marks.append(text[0])
        text = text[1:].lstrip()
    while text and text[-1] in stray:
        marks.append(text[-1])
        text = text[:-1].rstrip()
    return text, marks


def _kept(blocks: list[_Block]) -> list[int]:
    return [i for i, b in enumerate(blocks) if b.kind is None]


def _drop_navigation(blocks: list[_Block]) -> _Found:
    """Links to other stories: headline + date pairs.

    Two or more pairs in a row are navigation wherever they stand. A single pair counts
    only outside the prose (above the first paragraph or below the last): between
    paragraphs, a short line and a date are the article's own (an event and its dates).
    A lone pair heading the page is this article's title and date. Dates left over in
    the header or footer are the page's date (``page_date``), never prose.
    """
    dates = [i for i, b in enumerate(blocks) if is_date_only(b.text)]
    paired: list[tuple[int, int]] = []
    for d in dates:
        h = d - 1
        if h >= 0 and looks_like_headline(blocks[h].text) and (not paired or paired[-1][1] < h):
            paired.append((h, d))
    runs: list[list[tuple[int, int]]] = []
    for pair in paired:
        if runs and runs[-1][-1][1] + 1 == pair[0]:
            runs[-1].append(pair)
        else:
            runs.append([pair])
    prose = [i for i, b in enumerate(blocks) if _is_prose(b.text)]
    first_prose, last_prose = (prose[0], prose[-1]) if prose else (len(blocks), -1)

    def outside_prose(i: int) -> bool:
        return i < first_prose or i > last_prose

    found: _Found = []
    for run in runs:
        head, tail = run[0][0], run[-1][1]
        if len(run) == 1 and (head == 0 or not outside_prose(head)):
            continue  # this article's title and date, or an event and its dates
        indices = list(range(head, tail + 1))
        for i in indices:
            blocks[i].kind = "navigation"
        text = "\n".join(blocks[i].text for i in indices)
        found.append((head, Removed(kind="navigation", text=text)))
    for d in dates:
        if blocks[d].kind is None and outside_prose(d):
            blocks[d].kind = "page_date"
            found.append((d, Removed(kind="page_date", text=blocks[d].text)))
    return found


def _is_prose(text: str) -> bool:
    return not looks_like_headline(text) and not is_date_only(text)


def _drop_widgets(blocks: list[_Block]) -> _Found:
    lex = lexicon()
    found: _Found = []
    kept = _kept(blocks)
    pos = 0
    while pos < len(kept):
        i = kept[pos]
        folded = fold(blocks[i].text)
        if not lex.is_widget(folded, fold(blocks[i].text, trim=False)):
            pos += 1
            continue
        group = [i]
        pos += 1
        if folded in lex.list_headers:
            # The list under "Other news" / "اقرأ أيضاً": headlines (and their dates) up to
            # the next line of prose.
            while pos < len(kept) and _is_list_item(blocks[kept[pos]].text):
                group.append(kept[pos])
                pos += 1
        for j in group:
            blocks[j].kind = "widget"
        found.append((i, Removed(kind="widget", text="\n".join(blocks[j].text for j in group))))
    return found


def _is_list_item(text: str) -> bool:
    lex = lexicon()
    return (
        looks_like_headline(text)
        or is_date_only(text)
        or lex.is_widget(fold(text), fold(text, trim=False))
    )


def _take_title(blocks: list[_Block], title_hint: str | None) -> tuple[str | None, int, str | None]:
    """``(title, index of the title block or 0, cut suffix)``; marks the title block."""
    kept = _kept(blocks)
    first = kept[0] if kept else None
    if title_hint and normalize_line(title_hint):
        title, suffix = split_title_suffix(normalize_line(title_hint))
        if first is not None and _same_title(blocks[first].text, title):
            blocks[first].is_title = True
            return title, first, suffix
        return title, 0, suffix
    # A lone line is the article, not its headline.
    if first is not None and len(kept) > 1 and looks_like_headline(blocks[first].text):
        blocks[first].is_title = True
        title, suffix = split_title_suffix(blocks[first].text)
        return title, first, suffix
    return None, 0, None


def _same_title(line: str, title: str) -> bool:
    return fold(split_title_suffix(line)[0]) == fold(title) or fold(line) == fold(title)


def _drop_repeated(blocks: list[_Block], title: str | None) -> _Found:
    """Blocks the page shows twice go (the first copy stays): a body line repeating the
    title, a paragraph-length block, or a run of two or more repeated blocks (a menu or a
    whole story printed again). A short line repeated alone stays: interview questions,
    table headers and separators recur on purpose."""
    title_key = fold(title) if title else None
    seen: set[str] = set()
    candidates: list[int] = []
    for i in _kept(blocks):
        if blocks[i].is_title:
            continue
        key = fold(blocks[i].text)
        has_words = any(ch.isalnum() for ch in key)  # "-" and "___" separate on purpose
        if has_words and (key in seen or key == title_key):
            candidates.append(i)
        seen.add(key)
    kept = _kept(blocks)
    position = {block: pos for pos, block in enumerate(kept)}
    repeated = set(candidates)
    found: _Found = []
    for i in candidates:
        pos = position[i]
        in_run = (pos > 0 and kept[pos - 1] in repeated) or (
            pos + 1 < len(kept) and kept[pos + 1] in repeated
        )
        text = blocks[i].text
        if fold(text) == title_key or in_run or len(text.split()) >= MIN_REPEATED_WORDS:
            found.append((i, Removed(kind="repeated", text=text)))
    for i, _ in found:
        blocks[i].kind = "repeated"
    return found
