"""A rule-based sentence splitter for Arabic and English news paragraphs.

Why not a library (numbers from ``bench/sentences_bench.py``, one core, Python 3.11):

- pysbd 0.3.4 takes 8-15 ms for seed 004 on the 2-core dev machine (about 19 ms on
  others): 130-170 English articles/s at best, against an ingest target of 300/s for the
  whole pipeline; this splitter takes about 0.1 ms an article (9,000/s). On Arabic
  pysbd splits at every "،" and ":" (it cuts 1,251 of 1,814 PLOVER Arabic gold
  sentences; this splitter none), severing "وقال:" from what was said.
- PyICU builds from source (about five minutes). A third-party repack, pyicu-wheels
  2.15.2, ships an 18 MB manylinux wheel; its BreakIterator is faster still (0.02 ms an
  article) but splits "Dr. Abdul Karim Omar" even with the ``ss=standard`` suppressions
  and cuts 77 of the 1,814 Arabic gold sentences, so it would need this module's
  abbreviation and quote rules on top: not worth a binary dependency.

How it reads a paragraph, in one left-to-right pass (linear time, no backtracking):

- A sentence may end at a run of enders (``. ! ? ؟ ۔ …``) or at a line break. ``،``,
  ``؛``, ``;`` and ``:`` never end one.
- Closing quotes and brackets right after the run belong to the sentence
  (``…cautious.” He said`` splits after ``”``). Quote marks that do not say whether they
  open or close (``"`` everywhere; ``“ ”`` on Arabic sites, which type the opening mark
  as ``”``) open or close by parity within the paragraph, so a spaced ``”`` that closes
  the quote still ends the sentence before it instead of starting the next one.
- A dot is not an end when no space follows (``3.5``, ``U.S.-led``, ``...what``), when the
  next word is lowercase (``“Why?” he asked``), or after an abbreviation from the
  data files (``Dr. Abdul Karim Omar``; ``د. عبد الكريم``). After an ambiguous one
  (``U.S.``, ``Jan.``) it ends only if a usual sentence opener follows.
- An ellipsis ends an English sentence only before a capital; never an Arabic one
  (see ``ellipsis`` in the data files).
- A fragment with no letter or digit (a stray quote mark) joins the sentence before it.
"""

from __future__ import annotations

from marsad.segment.rules import CLOSING_BRACKETS, SentenceRules, rules_for
from marsad.types import Sentence

# Invisible format characters that scraped Arabic pages leave around sentences.
_INVISIBLE = frozenset(
    "\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
)
# Words longer than this are no abbreviation and no sentence opener; looking no further
# keeps the pass linear on a 5,000-character run with no space.
_MAX_WORD = 24


def split_sentences(text: str, start: int, end: int, lang: str | None) -> list[Sentence]:
    """Split ``text[start:end]`` (one paragraph) into sentences with offsets into ``text``.

    Sentences are stripped of surrounding whitespace and never empty. ``lang`` picks the
    punctuation policy; ``None`` picks it by the paragraph's script.
    """
    start, end = max(start, 0), min(end, len(text))
    if start >= end:
        return []
    rules = rules_for(lang, text[start:end])
    spans: list[tuple[int, int]] = []
    begin = start
    for cut in [*_boundaries(text, start, end, rules), end]:
        span = _strip(text, begin, cut)
        begin = cut
        if span is None:
            continue
        if spans and not _has_word(text, *span):
            spans[-1] = (spans[-1][0], span[1])  # a stray mark joins the sentence before
        else:
            spans.append(span)
    if len(spans) > 1 and not _has_word(text, *spans[0]):
        spans[1] = (spans[0][0], spans[1][1])  # ... or, first in the paragraph, the next
        del spans[0]
    return [Sentence(s, e) for s, e in spans]


def _boundaries(text: str, start: int, end: int, rules: SentenceRules) -> list[int]:
    """Offsets where a sentence ends (exclusive), in order."""
    cuts: list[int] = []
    quote_open = False  # parity of the toggle quotes seen so far in this paragraph
    consumed = start  # marks before this were already read while closing a sentence
    for match in rules.scan.finditer(text, start, end):
        if match.start() < consumed:
            continue
        kind = match.lastgroup
        if kind == "q":
            quote_open = not quote_open
            continue
        if kind == "nl":
            # A line break inside a paragraph ends a sentence unless the next line goes
            # on in lowercase (hard-wrapped English).
            if not _next_word(text, match.end(), end, rules)[:1].islower():
                cuts.append(match.end())
            continue
        cut, quote_open, closed = _close_marks(text, match.end(), end, rules, quote_open)
        consumed = cut
        after = _skip_space(text, cut, end)
        if after == end:
            continue  # the paragraph ends here anyway
        if after == cut and not _may_touch(text[cut], closed, quote_open, rules):
            continue  # no space after: 3.5, U.S.-led, example.com, wait...what
        if after > cut and _closes_quote(text, after, end, rules, quote_open):
            # A spaced closing mark ("…صفوفه. ” والسفير") ends this sentence too.
            cut, quote_open, _ = _close_marks(text, after, end, rules, quote_open)
            consumed = cut
            after = _skip_space(text, cut, end)
            if after == end:
                continue
        if _ends_sentence(text, start, match.start(), match.group(), after, end, rules):
            cuts.append(cut)
    return cuts


def _close_marks(
    text: str, pos: int, end: int, rules: SentenceRules, quote_open: bool
) -> tuple[int, bool, bool]:
    """Read the closing quotes and brackets at ``pos``; return where they stop, the new
    quote parity, and whether any were read."""
    closed = False
    while pos < end:
        ch = text[pos]
        if ch in rules.toggles:
            # Glued to the punctuation and followed by a space, it closes, even when the
            # parity says no quote is open (an opening mark of another kind, or a typo).
            if not (quote_open or _followed_by_space(text, pos + 1, end)):
                break
            quote_open = False
        elif not (ch in rules.closers or ch in rules.apostrophes or ch in CLOSING_BRACKETS):
            break
        pos += 1
        closed = True
    return pos, quote_open, closed


def _closes_quote(text: str, pos: int, end: int, rules: SentenceRules, quote_open: bool) -> bool:
    ch = text[pos]
    if ch in rules.closers:
        return True
    return ch in rules.toggles and quote_open and _followed_by_space(text, pos + 1, end)


def _may_touch(ch: str, closed: bool, quote_open: bool, rules: SentenceRules) -> bool:
    """Whether a sentence may end with no space before the next one: after a closing
    quote glued to a word (``جديد.”والسفير``), or before an opening quote (``."The``)."""
    if closed and ch.isalpha():
        return True
    return ch in rules.openers or (ch in rules.toggles and not quote_open)


def _ends_sentence(
    text: str, para_start: int, run_start: int, run: str, after: int, end: int, rules: SentenceRules
) -> bool:
    """Whether the ender run at ``run_start`` ends a sentence; the next one starts at ``after``."""
    word = _next_word(text, after, end, rules)
    if word[:1].islower():
        return False  # "“Why?” he asked", "negligent”. in this regard"
    if any(ch not in ".…" for ch in run):
        return True  # ! ? ؟ ۔ end a sentence whatever comes before them
    if "…" in run or len(run) > 1:
        if rules.ellipsis == "never":
            return False
        return rules.ellipsis == "always" or word[:1].isupper()
    token = _word_before(text, para_start, run_start, rules)
    if not token:
        return True
    abbr = rules.abbreviations
    if token in abbr.era_markers and _number_before(text, para_start, run_start - len(token)):
        return True  # "عام 2019 م." : the year's era, not an abbreviated title
    if token in abbr.always or (abbr.always_shape and abbr.always_shape.fullmatch(token)):
        return False  # "Dr. Abdul Karim Omar", "د. عبد الكريم"
    if token in abbr.ambiguous or (abbr.ambiguous_shape and abbr.ambiguous_shape.fullmatch(token)):
        # "the U.S. The coalition" but "the U.S. Army"; "He's" is an opener as "He" is.
        return word.split("'")[0].split("’")[0] in abbr.starters
    return True


def _word_before(text: str, para_start: int, pos: int, rules: SentenceRules) -> str:
    """The token that ends at ``pos``, without the quotes or brackets opening it."""
    i = pos
    floor = max(para_start, pos - _MAX_WORD)
    while i > floor and not text[i - 1].isspace():
        i -= 1
    if i == floor and floor > para_start and not text[i - 1].isspace():
        return ""  # longer than any abbreviation
    return text[i:pos].lstrip(rules.leading_marks)


def _number_before(text: str, para_start: int, pos: int) -> bool:
    """Whether the token before ``pos`` (skipping spaces) ends in a digit: ``2019 م``."""
    i = pos
    while i > para_start and text[i - 1].isspace():
        i -= 1
    return i > para_start and text[i - 1].isdigit()


def _next_word(text: str, pos: int, end: int, rules: SentenceRules) -> str:
    """The word starting at ``pos``, past opening quotes and brackets."""
    while pos < end and text[pos] in rules.leading_marks:
        pos += 1
    stop = pos
    limit = min(end, pos + _MAX_WORD)
    while stop < limit and (text[stop].isalnum() or text[stop] in "'’-"):
        stop += 1
    return text[pos:stop]


def _followed_by_space(text: str, pos: int, end: int) -> bool:
    return pos >= end or text[pos].isspace() or text[pos] in _INVISIBLE


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and (text[pos].isspace() or text[pos] in _INVISIBLE):
        pos += 1
    return pos


def _strip(text: str, begin: int, stop: int) -> tuple[int, int] | None:
    while begin < stop and (text[begin].isspace() or text[begin] in _INVISIBLE):
        begin += 1
    while stop > begin and (text[stop - 1].isspace() or text[stop - 1] in _INVISIBLE):
        stop -= 1
    return (begin, stop) if begin < stop else None


def _has_word(text: str, begin: int, stop: int) -> bool:
    return any(ch.isalnum() for ch in text[begin:stop])
