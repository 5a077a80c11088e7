"""The ``link`` stage: one identity per entity, across articles and scripts.

Every mention gets ``entity_id`` and ``name`` (the canonical name), in four steps:

1. **KB**: the knowledge base looks the name up in any script and common spelling (titles
   off a person's name, "X (Y) prison" tried as "X prison" and "Y prison"); one entry is
   taken, several are told apart by ``kbchoice.choose``; a name the KB lists under another
   spelling is found by sound (``KBMatcher``). A mention the recogniser already linked to a
   KB entry keeps it.
2. **Coreference** within the article (``coref``): a part of a name takes the identity of
   the fuller name it stands for; spelling variants go together; definite descriptions
   ("the organization", "التنظيم") that clearly refer back to an organisation are added as
   mentions of it (backend ``coref``).
3. **Local entities**: names no KB knows get ids from the ``EntityRegistry``, shared across
   the articles a registry sees (one per stage instance unless one is given).
4. **Canonical names**: the KB's English label; for local entities the registry's
   canonical name.

The stage imports no store: whoever runs it passes the registry and saves
``registry.new_since(mark)`` after a batch.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache, cached_property

from marsad.entities.coref import Linked, Named, cluster, refer_back
from marsad.entities.kbchoice import KBMatcher, choose
from marsad.entities.lexicon import kind_cues, strip_title
from marsad.entities.matching import DEFAULT_CONFIG, MatchConfig
from marsad.entities.registry import EntityRegistry
from marsad.errors import DataFileError
from marsad.kb import KBEntry, KnowledgeBase, default_kb, normalise_name
from marsad.kb.normalize import strip_possessive
from marsad.langs import writes_arabic_script
from marsad.names import is_arabic, name_key
from marsad.pipeline import register
from marsad.resources import data_path
from marsad.types import Article, Mention

log = logging.getLogger(__name__)

BACKEND = "kb+registry"
# A description resolved by rule is less certain than a name read in the text.
REFERENCE_SCORE = 0.8
# Nationality words of the KB's countries (marsad/kb/data/demonyms.tsv).
DEMONYMS_FILE = "demonyms.tsv"
# Languages written in Arabic script: a Latin name in their articles is filed as "und".

# "Al-Hasakah (Al-Sina'a) prison": a name, another in brackets, the words after both.
_BRACKETED = re.compile(r"^(?P<outer>[^()]+?)\s*\((?P<inner>[^()]+)\)\s*(?P<tail>[^()]*)$")


@cache
def _default_matcher(kb: KnowledgeBase) -> KBMatcher:
    return KBMatcher(kb)


@dataclass(slots=True)
class Links:
    """What ``predict`` found: (entity id, name) per mention position (None for a mention
    that names nothing: no letters, offsets outside the text), and mentions to add."""

    identities: list[tuple[str, str] | None]
    added: list[Mention]


@register("link")
class LinkStage:
    """Fills ``Mention.entity_id`` and ``Mention.name``; adds ``coref`` mentions for
    definite descriptions."""

    name: str = "link"
    requires: tuple[str, ...] = ("mentions", "text", "lang")
    assigns: tuple[str, ...] = ("mentions",)
    backend: str = BACKEND

    def __init__(
        self,
        kb: KnowledgeBase | None = None,
        registry: EntityRegistry | None = None,
        config: MatchConfig = DEFAULT_CONFIG,
    ) -> None:
        self.kb = kb if kb is not None else default_kb()
        self.registry = registry if registry is not None else EntityRegistry(config)
        self.config = config

    @cached_property
    def _matcher(self) -> KBMatcher:
        # Built on first need (0.1 s over the shipped KB), once per process for the default.
        if self.config == DEFAULT_CONFIG:
            return _default_matcher(self.kb)
        return KBMatcher(self.kb, self.config)

    def __call__(self, article: Article) -> None:
        self.set_annotations(article, self.predict(article))

    def predict(self, article: Article) -> Links:
        """The identities of ``article``'s mentions. Names no KB knows are resolved through
        the registry, which learns them: predicting is not free of effects on it."""
        text = article.text
        valid = [
            i
            for i, m in enumerate(article.mentions)
            if 0 <= m.start < m.end <= len(text) and normalise_name(text[m.start : m.end])
        ]
        if len(valid) < len(article.mentions):
            log.debug(
                "%s: %d mentions name nothing (no letters, or offsets outside the text)",
                article.source,
                len(article.mentions) - len(valid),
            )
        names = {i: self._name(article.mentions[i], text) for i in valid}
        entries = self._kb_entries(article, valid, names)
        named = [
            Named(
                article.mentions[i].start,
                article.mentions[i].label,
                name_key(names[i]),
                normalise_name(names[i]),
                entries[i].id if entries.get(i) else None,
            )
            for i in valid
        ]
        roots = cluster(named, self.config)
        identities: list[tuple[str, str] | None] = [None] * len(article.mentions)
        members: dict[int, list[int]] = {}
        for position, root in enumerate(roots):
            members.setdefault(root, []).append(valid[position])
        for group in members.values():
            identity = self._identity(article, group, names, entries)
            for i in group:
                identities[i] = identity
        added = self._references(article, identities, entries)
        return Links(identities, added)

    @staticmethod
    def set_annotations(article: Article, links: Links) -> None:
        for mention, identity in zip(article.mentions, links.identities, strict=True):
            if identity is not None:
                mention.entity_id, mention.name = identity
        if links.added:
            article.mentions = sorted(
                [*article.mentions, *links.added], key=lambda m: (m.start, m.end)
            )

    # --- step 1: the KB ---------------------------------------------------------------

    @staticmethod
    def _name(mention: Mention, text: str) -> str:
        surface = strip_possessive(text[mention.start : mention.end].strip())
        return strip_title(surface) if mention.label == "PER" else surface

    def _kb_entries(
        self, article: Article, valid: list[int], names: dict[int, str]
    ) -> dict[int, KBEntry]:
        """KB entries of the mentions that have one: unambiguous ones first, so that they
        are the context that ambiguous ones are chosen by."""
        text = article.text
        found: dict[int, KBEntry] = {}
        ambiguous: dict[int, list[KBEntry]] = {}
        for i in valid:
            mention = article.mentions[i]
            given = self.kb.get(mention.entity_id) if mention.entity_id else None
            if given is not None:
                found[i] = given
                continue
            demonym = self._demonym(names[i]) if mention.label == "NORP" else None
            if demonym is not None:
                found[i] = demonym
                continue
            candidates = self._lookup(text[mention.start : mention.end], names[i])
            if len(candidates) == 1:
                found[i] = candidates[0]
            elif candidates:
                ambiguous[i] = candidates
            else:
                match = self._matcher.match(names[i], mention.label)
                if match is not None:
                    found[i] = match
        context = list({e.id: e for e in found.values()}.values())
        for i, candidates in ambiguous.items():
            mention = article.mentions[i]
            cues = kind_cues(text, mention.start, mention.end)
            chosen = choose(candidates, mention.label, cues, context)
            if chosen is not None:
                found[i] = chosen
        return found

    def _demonym(self, name: str) -> KBEntry | None:
        # "Turkish", "الروسية": a nationality word stands for its state, not a place.
        country = demonyms().get(normalise_name(name))
        return self.kb.get(country) if country else None

    def _lookup(self, surface: str, name: str) -> list[KBEntry]:
        for form in _forms(surface, name):
            hits = self.kb.lookup(form)
            if hits:
                return hits
        return []

    # --- steps 3 and 4: identities ----------------------------------------------------

    def _identity(
        self,
        article: Article,
        group: list[int],
        names: dict[int, str],
        entries: dict[int, KBEntry],
    ) -> tuple[str, str]:
        entry = next((entries[i] for i in group if i in entries), None)
        if entry is not None:
            return entry.id, entry.label
        # The fullest name stands for the cluster (the first of the most parts).
        ordered = sorted(group, key=lambda i: (-len(name_key(names[i]).tokens), i))
        head = ordered[0]
        aliases = list(dict.fromkeys(names[i] for i in ordered[1:] if names[i] != names[head]))
        label = article.mentions[head].label
        lang = _name_lang(names[head], article.lang)
        return self.registry.resolve(
            names[head], label, lang, aliases=aliases, scope=article.id or None
        )

    # --- step 2, continued: definite descriptions ----------------------------------------

    def _references(
        self,
        article: Article,
        identities: list[tuple[str, str] | None],
        entries: dict[int, KBEntry],
    ) -> list[Mention]:
        linked: list[Linked] = []
        for i, mention in enumerate(article.mentions):
            identity = identities[i]
            entry = entries.get(i)
            is_org = entry.type == "ORG" if entry is not None else mention.label == "ORG"
            linked.append(
                Linked(
                    mention.start,
                    mention.end,
                    identity[0] if identity else None,
                    identity[1] if identity else None,
                    is_org,
                    entry.kind if entry is not None else None,
                )
            )
        linked.sort(key=lambda m: m.start)
        spans = [(m.start, m.end) for m in article.mentions]

        def taken(start: int, end: int) -> bool:
            return any(s < end and start < e for s, e in spans)

        references = refer_back(article.text, article.lang or "", linked, taken)
        return [
            Mention(
                r.start,
                r.end,
                "ORG",
                entity_id=r.entity_id,
                name=r.name,
                backend="coref",
                score=REFERENCE_SCORE,
            )
            for r in references
        ]


@cache
def demonyms() -> dict[str, str]:
    """Folded demonym -> KB country id, from ``marsad/kb/data/demonyms.tsv``; an Arabic
    nisba (تركي) also stands for its feminine and sound plurals (التركية، السوريين)."""
    path = data_path("marsad.kb", DEMONYMS_FILE)
    table: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.rstrip("\n").split("\t")
            if len(cells) != 3 or cells[1] not in ("en", "ar"):
                raise DataFileError(path, "expected: id<TAB>en|ar<TAB>form|form", number)
            entry_id, lang, forms = cells
            for form in forms.split("|"):
                variants = [form]
                if lang == "ar" and form.endswith("ي"):
                    variants += [form + "ة", form + "ون", form + "ين"]
                for variant in variants:
                    key = normalise_name(variant)
                    if table.setdefault(key, entry_id) != entry_id:
                        raise DataFileError(path, f"{variant!r} names two countries", number)
    return table


def _forms(surface: str, name: str) -> list[str]:
    """The spellings of a mention to look up, in order: as written, without titles, and for
    "X (Y) prison" both "X prison" and "Y prison"."""
    forms = [surface.strip(), name]
    match = _BRACKETED.match(name)
    if match:
        tail = match["tail"].strip()
        forms += [f"{match['inner']} {tail}".strip(), f"{match['outer']} {tail}".strip()]
    return list(dict.fromkeys(f for f in forms if f))


def _name_lang(name: str, article_lang: str | None) -> str:
    """The language a name is filed under: the article's, unless the name is in the other
    script ("und" for a Latin name in an Arabic article, "ar" for the reverse)."""
    arabic_article = writes_arabic_script(article_lang)
    if is_arabic(name):
        return article_lang if arabic_article and article_lang else "ar"
    if article_lang and not arabic_article:
        return article_lang
    return "und"


__all__ = ["BACKEND", "LinkStage", "Links"]
