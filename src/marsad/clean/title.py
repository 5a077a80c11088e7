"""Telling a headline from prose, and cutting a publisher's name off the end of a title.

"A Tajik delegation visits ... in Qamishlo – ANHA | HAWARNEWS" is a headline and a
suffix naming the outlet; "Turkey shells Ain Issa - Kurdish forces respond" is one
headline with a dash clause and must stay whole. We cut only when the tail is short and
looks like a publisher: a known outlet, a web address, a name with a publisher word
("... News", "وكالة ..."), or capitalised names after a pipe, which headlines never use.
"""

from __future__ import annotations

import re

from marsad.clean.dates import is_date_only
from marsad.clean.lexicon import lexicon
from marsad.clean.normalize import fold

# Headlines on the sites we read run up to about 25 words; a lead paragraph is longer or
# ends with a full stop.
MAX_HEADLINE_WORDS = 30
# A publisher suffix is a few words ("Syrian Observatory for Human Rights" is five).
MAX_SUFFIX_WORDS = 6
# What is left of the headline after a cut must still be one.
MIN_HEAD_WORDS = 3

_SENTENCE_END = (".", "。", "۔", ":", "：")
# Dashes count only with spaces around them: "al-Hol" and "Deir ez-Zor" are names.
_SEPARATOR = re.compile(r"\s+[–—-]\s+|\s*[|｜]\s*")
_PIPE = re.compile(r"[|｜]")
_WEB_ADDRESS = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$", re.IGNORECASE)
# Small words that may stay lower case inside a capitalised name.
_NAME_PARTICLES = frozenset({"of", "the", "for", "and", "al", "el", "de", "on", "in"})


def looks_like_headline(line: str) -> bool:
    """Short, with letters, not ending like a sentence or a lead-in, and not a date."""
    words = line.split()
    if not words or len(words) > MAX_HEADLINE_WORDS:
        return False
    if line.endswith(_SENTENCE_END) or not any(ch.isalpha() for ch in line):
        return False
    return not is_date_only(line)


def split_title_suffix(title: str) -> tuple[str, str | None]:
    """``(headline, suffix)``; ``suffix`` is None when nothing looks like a publisher.

    Separators are tried from the left, so "X – ANHA | HAWARNEWS" loses both names; a dash
    inside the headline is passed over because what follows it is no publisher.
    """
    for match in _SEPARATOR.finditer(title):
        head = title[: match.start()].rstrip()
        tail = title[match.end() :].strip()
        if len(head.split()) < MIN_HEAD_WORDS or not tail:
            continue
        if _is_publisher(tail, after_pipe=bool(_PIPE.search(match.group()))):
            return head, tail
    return title, None


def _is_publisher(tail: str, after_pipe: bool) -> bool:
    if len(tail.split()) > MAX_SUFFIX_WORDS:
        return False
    segments = [s for s in _SEPARATOR.split(tail) if s.strip()]
    chained = len(segments) > 1 or after_pipe  # "ANHA | HAWARNEWS": a site's title chain
    return all(_is_publisher_segment(s.strip(), chained) for s in segments)


def _is_publisher_segment(segment: str, chained: bool) -> bool:
    lex = lexicon()
    folded = fold(segment)
    if folded in lex.outlets or _WEB_ADDRESS.match(segment):
        return True
    words = segment.split()
    if any(fold(w) in lex.outlet_words for w in words):
        # "Kurdistan News Network", "وكالة الفرات": a publisher word, in a name (Arabic
        # has no capitals to check).
        return _is_capitalised(words) or not _has_latin(segment)
    # Unknown capitalised names are trusted only in a pipe chain: after a dash they may be
    # the end of the headline ("... – SDF", "... - Hasakah").
    return chained and _is_capitalised(words)


def _is_capitalised(words: list[str]) -> bool:
    named = [w for w in words if w.lower() not in _NAME_PARTICLES]
    return bool(named) and all(w[0].isupper() or w[0].isdigit() for w in named)


def _has_latin(text: str) -> bool:
    return any("a" <= ch.lower() <= "z" for ch in text)
