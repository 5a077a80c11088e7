"""Finding known names in the text: the knowledge base plus the recogniser's own lists.

Names are matched word by word over folded tokens (a set of word tuples and of their
prefixes, built once): the longest match starting at a word wins, transliterated articles
inside a name are skipped ("Ras al-Ain" = "Ras Ain" as the KB folds it), and an Arabic
name may start after a glued proclitic ("وقامشلو", "للإدارة الذاتية", "بالحسكة"); the
mention then starts after the proclitic. A KB match is confirmed with
``KnowledgeBase.lookup`` on the surface, which checks that acronyms such as "IS" or "AA"
are in capitals.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from marsad.entities.recognize.lexicon import Phrase, arabic_lexicon
from marsad.entities.recognize.spans import Candidate
from marsad.entities.recognize.tokens import Token, joined
from marsad.kb import KBEntry, KnowledgeBase
from marsad.textnorm import ARABIC_MARKS as _MARKS

# A name longer than this many words is not looked for (the longest KB names are ~12).
MAX_WORDS = 16


@dataclass(frozen=True, slots=True)
class _Match:
    first: int  # token index
    last: int
    cut: int  # characters of a proclitic skipped at the start of the first token
    key: Phrase


class Gazetteer:
    """Known names: the KB's (typed by their entry) and ``extra`` ones (key -> label)."""

    def __init__(self, kb: KnowledgeBase, extra: Mapping[Phrase, str] | None = None) -> None:
        self.kb = kb
        self._kb_keys: set[Phrase] = set()
        for key, _entry in kb.names():
            words = tuple(key.split())
            if words and len(words) <= MAX_WORDS:
                self._kb_keys.add(words)
        self._extra: dict[Phrase, str] = {k: v for k, v in (extra or {}).items() if k}
        self._prefixes: set[Phrase] = set()
        for words in (*self._kb_keys, *self._extra):
            for n in range(1, len(words) + 1):
                self._prefixes.add(words[:n])
        self._ar = arabic_lexicon()

    def __len__(self) -> int:
        return len(self._kb_keys) + len(self._extra)

    def find(self, text: str, tokens: list[Token]) -> list[Candidate]:
        """Known names in ``tokens`` (words of ``text``), leftmost-longest, not overlapping."""
        out: list[Candidate] = []
        i = 0
        while i < len(tokens):
            found = None
            if not tokens[i].article:
                for match in self._matches(text, tokens, i):
                    found = self._confirm(text, tokens, match)
                    if found is not None:
                        break
            if found is None:
                i += 1
                continue
            cand, last = found
            out.append(cand)
            i = last + 1
        return out

    def _matches(self, text: str, tokens: list[Token], i: int) -> list[_Match]:
        """Every known name starting at token ``i``, longest first (the word as written
        before the word without a proclitic, at equal length)."""
        matches: list[_Match] = []
        for cut, first in tokens[i].variants:
            if not first or (first,) not in self._prefixes:
                continue
            key: Phrase = (first,)
            j = i
            while True:
                if key in self._kb_keys or key in self._extra:
                    matches.append(_Match(i, j, cut, key))
                k = j + 1
                # Articles inside a name ("Ras al-Ain") are no part of its key.
                while (
                    k < len(tokens) and tokens[k].article and joined(text, tokens[k - 1], tokens[k])
                ):
                    k += 1
                if k >= len(tokens) or not joined(text, tokens[k - 1], tokens[k]):
                    break
                longer = (*key, tokens[k].key)
                if longer not in self._prefixes:
                    break
                key, j = longer, k
        matches.sort(key=lambda m: (-(m.last - m.first), m.cut))
        return matches

    def _confirm(self, text: str, tokens: list[Token], m: _Match) -> tuple[Candidate, int] | None:
        first, last = tokens[m.first], tokens[m.last]
        start, end = first.start + m.cut, last.end
        surface = text[start:end]
        if not first.arabic and not _capitalised(tokens[m.first : m.last + 1]):
            return None  # "is", "mare", "hat": lower-case words, not names
        if first.arabic and m.first == m.last and not self._arabic_single_ok(tokens, m):
            return None
        if m.key in self._kb_keys:
            entries = self.kb.lookup(surface)
            if entries and first.arabic and m.first == m.last:
                entries = [e for e in entries if _article_fits(surface, e)]
            if entries:
                entries = self._prefer_place(tokens, m, entries)
                label = entries[0].type
                if first.arabic and m.first == m.last and self._arabic_adjective(first, m):
                    return Candidate(start, end, "NORP", "gazetteer"), m.last
                unique = entries[0] if len(entries) == 1 else None
                start = _with_latin_article(text, tokens, m.first, start)
                return (
                    Candidate(
                        start,
                        end,
                        label,
                        "kb",
                        entity_id=unique.id if unique else None,
                        name=unique.label if unique else None,
                    ),
                    m.last,
                )
        extra = self._extra.get(m.key)
        if extra is None:
            return None
        start = _with_latin_article(text, tokens, m.first, start)
        return Candidate(start, end, extra, "gazetteer"), m.last

    def _prefer_place(
        self, tokens: list[Token], m: _Match, entries: list[KBEntry]
    ) -> list[KBEntry]:
        """A name that is a place and a body (الشرق الأوسط the region and the paper,
        الجزيرة the Jazira and the channel) is the place unless a word before it says
        it is a paper, a channel or an agency."""
        types = {e.type for e in entries}
        if len(types) < 2 or entries[0].type not in {"ORG"}:
            return entries
        before = tokens[m.first - 1] if m.first > 0 else None
        if before is not None and any(k in self._ar.org_heads for k in before.folds()):
            return entries
        places = [e for e in entries if e.type in {"GPE", "LOC"}]
        return places + [e for e in entries if e not in places] if places else entries

    def _arabic_single_ok(self, tokens: list[Token], m: _Match) -> bool:
        """One Arabic word that is also an everyday word (الباب, الثورة) names a place only
        after a place cue ("مدينة الباب")."""
        if m.key[0] not in self._ar.needs_place_cue:
            return True
        if m.first == 0:
            return False
        before = tokens[m.first - 1]
        return any(k in self._ar.place_cues for k in before.folds())

    def _arabic_adjective(self, token: Token, m: _Match) -> bool:
        """ "السورية" is the adjective, "سورية" the country: a nisba with the article is
        a NORP word even when the bare form is a KB name."""
        word = token.text[m.cut :]
        return word.startswith("ال") and m.key[0] in self._ar.norp


def _article_fits(surface: str, entry: KBEntry) -> bool:
    """ "ورقة" (paper) must not be "و" + "رقة" for الرقة: a one-word Arabic name written
    without the article matches only an entry that has a name without it."""
    word = _MARKS.sub("", surface)
    if word.startswith("ال"):
        return True
    names = [_MARKS.sub("", n) for n in entry.names.get("ar", ())]
    single = [n for n in names if " " not in n]
    return not single or any(not n.startswith("ال") for n in single)


def _capitalised(tokens: list[Token]) -> bool:
    words = [t for t in tokens if not t.article]
    if not any(t.capitalised or t.text[:1].isdigit() for t in words):
        return False
    # A one-word name must be capitalised itself ("Mare" the town, never "mare").
    return len(words) > 1 or words[0].capitalised


def _with_latin_article(text: str, tokens: list[Token], i: int, start: int) -> int:
    """Take a transliterated article glued before a Latin name into the mention
    ("al-Hol", "Al-Hasakah"), but never the English "the"."""
    if i == 0 or tokens[i].arabic:
        return start
    before = tokens[i - 1]
    if not before.article or before.text.casefold() == "the":
        return start
    between = text[before.end : tokens[i].start]
    if between == "-" or (between == " " and before.capitalised):
        return before.start
    return start
