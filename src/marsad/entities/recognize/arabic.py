"""Arabic person names, and the facilities and bodies named after places, by rule.

No Arabic NER model ships with weights, and Arabic has no capitals to tell a name by,
so people are found where the text announces them (the word lists are data:
``recognize.ar.yaml`` and ``recognize.names.tsv``):

- after a title: "السفير زبيدوف", "الدكتور عبد الكريم عمر" (the title is the role);
- after a role phrase, at the first given name or known name after it: "الرئيس المشترك
  لدائرة العلاقات الخارجية عبد الكريم عمر" (the phrase is the role);
- after a verb of saying: "ونوه عمر", "قال محمد …";
- at a given name from the list, with the name parts after it;
- joined by و to a person: "عبير إيليا وفنر الكعيط" (sharing the role);
- again later in the article, by the full name or the family name already found.

A name is one to four parts, a part being a word, a compound ("عبد الكريم", "زبيد الله")
or a particle with its word ("أبو بكر", "بن علي"). It stops at punctuation, a stopword,
a common word, a title, a role head, a verb of saying, or a known place or body.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.entities.recognize.lexicon import ArabicLexicon, arabic_lexicon, fold, light
from marsad.entities.recognize.spans import Candidate
from marsad.entities.recognize.tokens import Token, joined, tokenize
from marsad.textnorm import ARABIC_MARKS as _MARKS

MAX_PARTS = 4
# How many words a role phrase may run before its name.
MAX_ROLE_WORDS = 9
# Adjectives that may follow "<head> <place>" in a body's name: "مجلس منبج العسكري".
_BODY_ADJECTIVE_ENDINGS = ("ي", "يه", "ية")


@dataclass
class _Sentence:
    """The state of one pass over an article's Arabic words."""

    text: str
    tokens: list[Token]
    known: dict[int, Candidate]  # token index -> gazetteer mention covering it
    found: list[Candidate] = field(default_factory=list)
    taken: set[int] = field(default_factory=set)  # token indices inside found people


class ArabicRules:
    """People (and facilities and bodies built on known places) in Arabic text."""

    def __init__(self, lexicon: ArabicLexicon | None = None) -> None:
        self.lex = lexicon or arabic_lexicon()

    # -- word classes -------------------------------------------------------------

    def _in(self, tok: Token, words: frozenset[str], clitics: bool = True) -> bool:
        if tok.key in words:
            return True
        if not clitics:
            return False
        if any(k in words for k in tok.folds()[1:]):
            return True
        # A one-letter proclitic on a short word ("بأن", "وهو"): the tokenizer keeps
        # three letters after a proclitic, function words are shorter.
        return len(tok.key) >= 3 and tok.key[0] in "وفبلك" and tok.key[1:] in words

    def is_title(self, tok: Token) -> bool:
        """A title with its article ("السفير", "والسيد") or one written without ("د.")."""
        for cut, key in tok.variants:
            if key in self.lex.bare_titles:
                return True
            if key in self.lex.titles and tok.text[cut:].startswith("ال"):
                return True
        return False

    def not_name_shape(self, tok: Token, first: bool = False) -> bool:
        """Word shapes that are no name part, whatever the lists say: future and
        imperfect verbs (سيقوم, يشكل), feminine past verbs (تناولت), plurals (الإجراءات,
        دبلوماسيون), attached pronouns (هويته, عائلاتهم), a preposition or conjunction
        with the article (والتجارة, بالمنطقة), and, after the first part, accusatives
        with tanween (هجوما عنيفا)."""
        if self.is_given(tok):
            return False
        raw = _MARKS.sub("", tok.text)
        if len(raw) < 4:
            return False
        if raw.startswith(("سي", "ست", "سن")):
            return True
        if raw.startswith("ي") and not raw.endswith(("ي", "ة")):
            return True  # يشكل, يقوم; not the nisba يزيدي
        if raw.endswith("ات") or raw.endswith(("يون", "يين", "وا")):
            return True
        if raw.endswith("ت") or raw.endswith(("ه", "ها", "هم", "هما", "كم")):
            return True
        if raw.startswith(("وال", "فال", "بال", "كال", "لل")):
            return True
        if raw[0] in "بلك" and self._in_everyday(raw[1:]):
            return True  # "بوجود", "لمحطة", "بمطار": a preposition and an everyday word
        if not first and raw.startswith("ت"):
            return True  # "… تجاوز", "… تزعم": a verb after the name
        return not first and raw.endswith("ا") and not raw.endswith("يا")

    def _in_everyday(self, word: str) -> bool:
        lex = self.lex
        key = fold(word)
        return any(
            key in words
            for words in (
                lex.common,
                lex.facility_heads,
                lex.org_heads,
                lex.place_cues,
                lex.role_heads,
            )
        )

    def _conj_key(self, tok: Token) -> str | None:
        """The word after a glued و / ف, or None when it has none."""
        for cut, key in tok.variants[1:]:
            if cut == 1 and tok.text[0] in "وف":
                return key
        return None

    def is_given(self, tok: Token, strong_only: bool = False) -> bool:
        key = tok.key
        if key not in self.lex.names.arabic or tok.text.startswith("ال"):
            return False  # "العبيد" (the slaves) is no "عبيد"
        if tok.text.endswith("ى") and key not in self.lex.names.final_alef_maqsura:
            return False  # "على" is not "علي"
        return not (strong_only and key in self.lex.names.common)

    def is_stopword(self, tok: Token) -> bool:
        """A function word as written, or behind a glued و ف ب ل ك ("وفي", "بأن")."""
        word = light(tok.text)
        words = self.lex.stopwords_light
        return word in words or (len(word) >= 3 and word[0] in "وفبلك" and word[1:] in words)

    def is_function(self, tok: Token) -> bool:
        lex = self.lex
        return (
            self.is_stopword(tok)
            or self._in(tok, lex.speech_verbs)
            or self._in(tok, lex.titles)
            or self._in(tok, lex.role_heads)
        )

    def name_like(self, tok: Token) -> bool:
        """Could this word be part of a name?"""
        if not tok.arabic or len(tok.key) < 2 or tok.text[:1].isdigit():
            return False
        if self.is_given(tok):
            return True
        lex = self.lex
        return not (
            self.is_function(tok)
            or self._in(tok, lex.common)
            or self._in(tok, lex.org_heads, clitics=False)
            or self._in(tok, lex.facility_heads, clitics=False)
            or self._in(tok, lex.place_cues, clitics=False)
            or self._in(tok, lex.norp)
            or self._in(tok, lex.role_words, clitics=False)
        )

    # -- reading a name -----------------------------------------------------------

    def read_name(self, s: _Sentence, i: int, cut: int = 0) -> tuple[int, int] | None:
        """The name starting at token ``i`` (after ``cut`` characters of a proclitic):
        ``(first, last)`` token indices, or None."""
        tokens = s.tokens
        parts, j, last = 0, i, -1
        while j < len(tokens) and parts < MAX_PARTS:
            if j > i and not joined(s.text, tokens[j - 1], tokens[j]):
                break
            end = self._read_part(s, j, first=j == i, cut=cut if j == i else 0, parts=parts)
            if end is None:
                break
            last, j = end, end + 1
            parts += 1
        if last < i:
            return None
        return i, last

    def _read_part(self, s: _Sentence, j: int, first: bool, cut: int, parts: int) -> int | None:
        """Last token of the name part starting at ``j``: a word, "عبد الكريم",
        "زبيد الله", "أبو بكر", "أبو عبد الله", or a regnal number after a given name."""
        tokens, lex = s.tokens, self.lex
        tok = tokens[j]
        if (j in s.known and (not first or s.known[j].label != "PER")) or j in s.taken:
            return None
        if not first and tok.text[:1] == "و" and not self.is_given(tok):
            return None  # "… وفنر": و joins the next person (unless the word is وليد …)

        def glued(k: int) -> bool:
            return k + 1 < len(tokens) and joined(s.text, tokens[k], tokens[k + 1])

        if tok.key in lex.ordinals:
            given_before = j > 0 and self.is_given(tokens[j - 1])
            return j if not first and given_before else None
        k = j
        if tok.key in lex.particles and glued(k):
            k += 1  # "أبو بكر": the particle binds the next word
            tok = tokens[k]
        if tok.key in lex.compound_first and glued(k):
            return k + 1  # "عبد الكريم"
        if k == j and first and cut:
            key = next((v for c, v in tok.variants if c == cut), "")
            if not key or not self.name_like_key(key):
                return None
        elif k == j and not (self.name_like(tok) and not self.not_name_shape(tok, first=parts < 2)):
            return None
        if glued(k) and tokens[k + 1].key in lex.compound_second:
            k += 1  # "زبيد الله", "نور الدين"
        return k

    def name_like_key(self, key: str) -> bool:
        lex = self.lex
        if key in lex.names.arabic:
            return True
        return not any(
            key in words
            for words in (lex.stopwords, lex.common, lex.titles, lex.role_heads, lex.speech_verbs)
        )

    def _add(
        self,
        s: _Sentence,
        first: int,
        last: int,
        cut: int = 0,
        role: tuple[int, int] | None = None,
        score: float = 0.8,
    ) -> Candidate | None:
        if any(k in s.taken for k in range(first, last + 1)):
            return None
        if any(k in s.known for k in range(first, last + 1)):
            # A known person keeps the KB's span; it gets the role found here.
            for k in range(first, last + 1):
                known = s.known.get(k)
                if known is not None and known.label == "PER" and role is not None:
                    s.known[k] = known.with_role(*role)
            return None
        start = s.tokens[first].start + cut
        cand = Candidate(start, s.tokens[last].end, "PER", "pattern", score=score)
        if role is not None:
            cand = cand.with_role(*role)
        s.found.append(cand)
        s.taken.update(range(first, last + 1))
        return cand

    # -- triggers -----------------------------------------------------------------

    def _role_span(self, s: _Sentence, first: int, last: int) -> tuple[int, int]:
        tok = s.tokens[first]
        cut = self._clitic_cut(tok)
        return tok.start + cut, s.tokens[last].end

    def _clitic_cut(self, tok: Token) -> int:
        """Characters of a glued و / ف before a title or role word ("والسفير")."""
        words = self.lex.titles | self.lex.role_heads | self.lex.speech_verbs
        if tok.key in words:
            return 0
        for cut, key in tok.variants[1:]:
            if key in words:
                return cut
        return 0

    def _after_title(self, s: _Sentence, t: int) -> bool:
        k = t + 1
        if k >= len(s.tokens) or not joined(s.text, s.tokens[t], s.tokens[k]):
            return False
        nxt = s.tokens[k]
        if k in s.known:
            known = s.known[k]
            if known.label == "PER" and known.start == nxt.start:
                self._add(s, k, k, role=self._role_span(s, t, t))
                return True
            return False
        # A definite word after a title is an adjective or a complement, not a name
        # ("الرئيس الأمريكي …"), unless it is a given name.
        if nxt.text.startswith("ال") and not self.is_given(nxt):
            return False
        if not self.name_like(nxt) and nxt.key not in self.lex.compound_first | self.lex.particles:
            return False
        span = self.read_name(s, k)
        if span is None:
            return False
        lone = not self._starts_name(s, k) and span[0] == span[1]
        if lone and (not self._name_ends_cleanly(s, span[1]) or self.not_name_shape(nxt)):
            return False  # one unknown word after a title ("اللاعب طعن …") must end the clause
        return self._add(s, *span, role=self._role_span(s, t, t)) is not None

    def _after_role(self, s: _Sentence, t: int) -> bool:
        tokens, lex = s.tokens, self.lex
        k = t + 1
        definite_before = tokens[t].text.startswith("ال")
        while k < len(tokens) and k - t <= MAX_ROLE_WORDS:
            if not joined(s.text, tokens[k - 1], tokens[k]):
                return False
            tok = tokens[k]
            known = s.known.get(k)
            if known is not None and known.label == "PER":
                self._add(s, k, k, role=self._role_span(s, t, k - 1))
                return True
            if self._starts_name(s, k):
                span = self.read_name(s, k)
                if span is None:
                    return False
                return self._add(s, *span, role=self._role_span(s, t, k - 1)) is not None
            material = (
                known is not None
                or self._in(tok, lex.role_words)
                or self._in(tok, lex.common)
                or self._in(tok, lex.norp)
                or self._in(tok, lex.role_heads)
                or self.is_stopword(tok)
                or tok.text.startswith("ال")
            )
            if not material:
                # An unknown word right after a definite complement starts a name:
                # "رئيس الاتحاد برند جوتشولك".
                if definite_before and k > t + 1 and self._weak_start(tok):
                    span = self.read_name(s, k)
                    if span is not None and self._name_ends_cleanly(s, span[1]):
                        role = self._role_span(s, t, k - 1)
                        return self._add(s, *span, role=role, score=0.6) is not None
                return False
            definite_before = known is not None or tok.text.startswith(("ال", "لل"))
            k += 1
        return False

    def _starts_name(self, s: _Sentence, k: int) -> bool:
        tok = s.tokens[k]
        if self.is_given(tok, strong_only=True):
            return True
        if tok.key in self.lex.compound_first and k + 1 < len(s.tokens):
            return True
        if self.is_given(tok) and k + 1 < len(s.tokens):
            # An everyday word that is also a name (علي, أمل) needs a second name part.
            nxt = s.tokens[k + 1]
            if not joined(s.text, tok, nxt):
                return False
            # "نور الدين", "علي حسين", "علي بن …"; not "علي مقر" (على with a dotted ya).
            return (
                self.is_given(nxt, strong_only=True)
                or nxt.key in self.lex.compound_second
                or nxt.key in self.lex.particles
            )
        return False

    def _weak_start(self, tok: Token) -> bool:
        """May an unknown word start a name that no given name announces?"""
        raw = _MARKS.sub("", tok.text)
        # A preposition glued to a verbal noun ("بتشكيل", "لمواصلة", "لانفاق") is no name.
        if raw[:1] in "بلك" and raw[1:2] in "تماو" and len(raw) > 4:
            return False
        return (
            self.name_like(tok)
            and not raw.startswith(("ال", "و", "ف", "ت"))
            and not self.not_name_shape(tok, first=False)
        )

    def _name_ends_cleanly(self, s: _Sentence, last: int) -> bool:
        """A guessed name must end at punctuation, the text's end or a function word."""
        if last + 1 >= len(s.tokens):
            return True
        nxt = s.tokens[last + 1]
        return (
            not joined(s.text, s.tokens[last], nxt)
            or self.is_function(nxt)
            or self.not_name_shape(nxt)
        )

    def _after_speech(self, s: _Sentence, t: int, surnames: set[tuple[str, ...]]) -> bool:
        k = t + 1
        tokens = s.tokens
        if k >= len(tokens) or not joined(s.text, tokens[t], tokens[k]) or k in s.known:
            return False
        tok = tokens[k]
        if self.is_function(tok) or k in s.taken:
            return False  # a title or role word: its own rule reads the name
        if self._starts_name(s, k) or self._known_name_at(s, k, surnames):
            span = self.read_name(s, k)
            return span is not None and self._add(s, *span, score=0.7) is not None
        if not self._weak_start(tok):
            return False
        span = self.read_name(s, k)
        if span is not None and span[1] - span[0] < 3 and self._name_ends_cleanly(s, span[1]):
            return self._add(s, *span, score=0.5) is not None
        return False

    def _known_name_at(self, s: _Sentence, k: int, surnames: set[tuple[str, ...]]) -> bool:
        keys = [t.key for t in s.tokens[k : k + 3]]
        return any(tuple(keys[:n]) in surnames for n in (1, 2, 3))

    def _conjoined(self, s: _Sentence) -> None:
        """ "عبير إيليا وفنر الكعيط": a person joined by و to a person."""
        people = sorted(
            [*s.found, *(c for c in s.known.values() if c.label == "PER")],
            key=lambda c: c.start,
        )
        ends = {tok.end: i for i, tok in enumerate(s.tokens)}
        for person in people:
            last = ends.get(person.end)
            if last is None or last + 1 >= len(s.tokens):
                continue
            k = last + 1
            tok = s.tokens[k]
            if not joined(s.text, s.tokens[last], tok) or k in s.taken:
                continue
            if k in s.known:
                self._share_role(s, person, s.known[k])
                continue
            key = self._conj_key(tok)
            if key is None or not tok.text.startswith("و") or not self.name_like_key(key):
                continue
            after = tokenize(tok.text[1:])
            if not after or not self.name_like(after[0]) or self.not_name_shape(after[0], True):
                continue  # "ويصطادون", "وأسرته": a verb or a noun after و
            if self._in(tok, self.lex.role_heads) or self._in(tok, self.lex.common):
                continue  # "وزير …" is a minister, not و + زير
            span = self.read_name(s, k, cut=1)
            if span is None:
                continue
            given = key in self.lex.names.arabic
            rest = tok.text[1:]
            plausible = not rest.startswith(("ال", "ب", "ل", "ك")) and span[1] > span[0]
            if given or (plausible and self._name_ends_cleanly(s, span[1])):
                role = (
                    (person.role_start, person.role_end)
                    if person.role_start is not None and person.role_end is not None
                    else None
                )
                self._add(s, span[0], span[1], cut=1, role=role, score=0.7)

    def _share_role(self, s: _Sentence, person: Candidate, known: Candidate) -> None:
        """ "نائبا الرئاسة المشتركة عبير إيليا وفنر الكعيط": a known person joined by و to
        a person with a role shares it."""
        if known.label != "PER" or person.role_start is None or person.role_end is None:
            return
        if known.role_start is not None or s.text[person.end : known.start].strip() != "و":
            return
        updated = known.with_role(person.role_start, person.role_end)
        for k, c in list(s.known.items()):
            if c.start == known.start and c.end == known.end:
                s.known[k] = updated

    def _given_names(self, s: _Sentence) -> None:
        names = self.lex.names
        for i, tok in enumerate(s.tokens):
            if i in s.taken or i in s.known:
                continue
            if i > 0 and s.tokens[i - 1].key in self.lex.compound_first | self.lex.particles:
                continue
            if self._starts_name(s, i):
                span = self.read_name(s, i)
                if span is not None:
                    self._add(s, *span, score=0.6)
                continue
            # "… ومصطفى جعفر": a given name after a glued و.
            key = self._conj_key(tok)
            if tok.text.startswith("و") and key in names.arabic and key not in names.common:
                span = self.read_name(s, i, cut=1)
                if span is not None:
                    self._add(s, *span, cut=1, score=0.6)

    def _propagate(self, s: _Sentence, names: set[tuple[str, ...]]) -> None:
        """A full name or family name already found names the person again."""
        for i in range(len(s.tokens)):
            if i in s.taken or i in s.known:
                continue
            for n in (3, 2, 1):
                keys = tuple(t.key for t in s.tokens[i : i + n])
                if len(keys) == n and keys in names and self._contiguous(s, i, i + n - 1):
                    self._add(s, i, i + n - 1, score=0.7)
                    break

    def _given_first(self, s: _Sentence, cand: Candidate) -> bool:
        first = next((t for t in s.tokens if t.end > cand.start), None)
        return first is not None and self.is_given(first, strong_only=True)

    def _contiguous(self, s: _Sentence, first: int, last: int) -> bool:
        return all(joined(s.text, s.tokens[k], s.tokens[k + 1]) for k in range(first, last))

    def _surnames(self, people: list[Candidate], s: _Sentence) -> set[tuple[str, ...]]:
        """Keys of full names and of family names (last part, unless an everyday word)."""
        lex = self.lex
        out: set[tuple[str, ...]] = set()
        by_start = {t.start: i for i, t in enumerate(s.tokens)}
        for person in people:
            first = next(
                (i for st, i in by_start.items() if st <= person.start < s.tokens[i].end), None
            )
            if first is None:
                continue
            words = [t for t in s.tokens[first:] if t.end <= person.end]
            keys = tuple(t.key for t in words)
            if not keys:
                continue
            if len(keys) > 1:
                out.add(keys)
                tail = keys[-1]
                if (
                    len(tail) > 2
                    and tail not in lex.ordinals
                    and tail not in lex.names.common
                    and tail not in lex.common
                    and tail not in lex.stopwords
                    and words[-2].key not in lex.compound_first
                ):
                    out.add((tail,))
                if len(keys) >= 3 and keys[0] not in lex.compound_first:
                    out.add(keys[1:])
        return out

    def _roles_after(self, s: _Sentence) -> None:
        """A role phrase written after a name replaces a bare title before it:
        "الدكتور زبيد الله زبيدوف سفير دولة طاجيكستان في الكويت"."""
        ends = {t.end: i for i, t in enumerate(s.tokens)}
        people = [(c, False) for c in s.found] + [
            (c, True) for c in {id(c): c for c in s.known.values() if c.label == "PER"}.values()
        ]
        for person, known in people:
            last = ends.get(person.end)
            if last is None:
                continue
            role = self._role_phrase_after(s, last)
            if role is None:
                continue
            updated = person.with_role(*role)
            if known:
                for k, c in list(s.known.items()):
                    if c.start == person.start and c.end == person.end:
                        s.known[k] = updated
            else:
                s.found[s.found.index(person)] = updated

    def _role_phrase_after(self, s: _Sentence, last: int) -> tuple[int, int] | None:
        tokens, lex = s.tokens, self.lex
        k = last + 1
        if k >= len(tokens) or not joined(s.text, tokens[last], tokens[k]):
            return None
        head = tokens[k]
        if head.key not in lex.role_heads or head.text.startswith("و"):
            return None
        end = k
        j = k + 1
        while j < len(tokens) and j - k < MAX_ROLE_WORDS:
            tok = tokens[j]
            if not joined(s.text, tokens[j - 1], tok) or j in s.taken:
                break
            known = s.known.get(j)
            if known is not None and known.label == "PER":
                break
            if self._in(tok, lex.speech_verbs) or self.is_title(tok):
                break
            if tok.text.startswith("و") and self._conj_key(tok) is not None:
                break  # "…، والسيد": the next person or clause
            end = j
            j += 1
        # A trailing preposition belongs to what follows, not to the role.
        while end > k and self.is_stopword(tokens[end]):
            end -= 1
        return head.start, tokens[end].end

    # -- facilities and bodies ----------------------------------------------------

    def _named_after_places(self, s: _Sentence) -> list[Candidate]:
        """ "سجن الحسكة (الصناعة)", "مخيم الهول", "جامعة دمشق": a facility or body head
        followed by a known place."""
        out: list[Candidate] = []
        lex = self.lex
        for i, tok in enumerate(s.tokens[:-1]):
            is_fac = tok.key in lex.facility_heads or self._conj_key(tok) in lex.facility_heads
            is_org = tok.key in lex.org_heads or self._conj_key(tok) in lex.org_heads
            if not (is_fac or is_org) or tok.text.startswith("ال") or i in s.known:
                continue
            nxt = s.known.get(i + 1)
            if (
                nxt is None
                or nxt.label not in {"GPE", "LOC"}
                or not joined(s.text, tok, s.tokens[i + 1])
            ):
                continue
            end = nxt.end
            ends = {t.end: j for j, t in enumerate(s.tokens)}
            last = ends.get(end)
            if last is not None and is_org:
                # Adjectives of the body: "مجلس منبج العسكري".
                while (
                    last + 1 < len(s.tokens)
                    and joined(s.text, s.tokens[last], s.tokens[last + 1])
                    and s.tokens[last + 1].text.startswith("ال")
                    and s.tokens[last + 1].text.endswith(_BODY_ADJECTIVE_ENDINGS)
                    and last + 1 not in s.known
                ):
                    last += 1
                end = s.tokens[last].end
            cut = 1 if tok.key not in (lex.facility_heads | lex.org_heads) else 0
            label = "FAC" if is_fac else "ORG"
            out.append(Candidate(tok.start + cut, end, label, "pattern", priority=5))
        return out

    # -- the pass -----------------------------------------------------------------

    def find(self, text: str, tokens: list[Token], known: list[Candidate]) -> list[Candidate]:
        """People, facilities and bodies in ``tokens``; ``known`` are the gazetteer's
        mentions (KB people among them get the roles found here)."""
        index: dict[int, Candidate] = {}
        j = 0
        for i, tok in enumerate(tokens):
            while j < len(known) and known[j].end <= tok.start:
                j += 1
            if j < len(known) and known[j].start < tok.end and tok.start < known[j].end:
                index[i] = known[j]
        s = _Sentence(text, tokens, index)
        lex = self.lex
        # Titles and role phrases first: they carry the role.
        for t, tok in enumerate(tokens):
            if t in s.taken or t in s.known:
                continue
            title = self.is_title(tok)
            head = self._in(tok, lex.role_heads)
            if title and self._after_title(s, t):
                continue
            if head or title:
                self._after_role(s, t)
        people = [*s.found, *(c for c in s.known.values() if c.label == "PER")]
        surnames = self._surnames(people, s)
        for t, tok in enumerate(tokens):
            if t not in s.taken and t not in s.known and self._in(tok, lex.speech_verbs):
                self._after_speech(s, t, surnames)
        self._conjoined(s)
        self._given_names(s)
        self._conjoined(s)
        strong = [c for c in s.found if c.score >= 0.8 or self._given_first(s, c)]
        people = [*strong, *(c for c in s.known.values() if c.label == "PER")]
        self._propagate(s, self._surnames(people, s))
        self._roles_after(s)
        updated = {id(c) for c in known}
        roles = [c for c in s.known.values() if id(c) not in updated]
        return [*s.found, *roles, *self._named_after_places(s)]
