"""Who acted, on whom, where and when: the arguments of one trigger, from the mentions and
dates of its sentence.

English is subject-verb-object: the source is the first actor of the trigger's clause, the
target the first actor after the trigger. Arabic news prose is mostly verb-subject-object:
an actor right after the verb is its source, else the actor before it (a fronted
subject). A nominal trigger takes its agent from "of"/"by" ("the assault of ISIS on the
prison"; "هجوم داعش على"). Nothing is guessed: an argument the sentence does not give is null.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.events.triggers import Hit
from marsad.types import Article, DateMention, Mention

ACTOR_LABELS = frozenset({"PER", "ORG", "GPE", "NORP"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

# A clause ends at a dash of a dateline or a semicolon; the subject of the trigger is after it.
_CLAUSE_BREAK = re.compile(r"\s[–—-]\s|;|؛")
# The agent of a nominal or passive trigger: "assault of", "attacked by".
_AGENT_GAP = {
    "en": re.compile(r"^\s*(?:of|by)\s+(?:the\s+)?$", re.IGNORECASE),
    "ar": re.compile(r"^\s*(?:من\s+(?:قبل|جانب)\s+|على\s+يد\s+)?$"),
}
# A target is introduced by these; preferred over the next actor named.
_TARGET_GAP = {
    "en": re.compile(r"(?:\b(?:on|against|to|with|at|into)\s+(?:the\s+)?)$", re.IGNORECASE),
    "ar": re.compile(r"(?:(?:^|\s)(?:إلى|الى|على|ضد|مع|تجاه|بحق)\s+)$"),
}
_PLACE_GAP = {
    "en": re.compile(r"(?:\b(?:in|at|near|outside|inside|from)\s+(?:the\s+)?)$", re.IGNORECASE),
    "ar": re.compile(r"(?:(?:^|\s)(?:في|فى|بمدينة|قرب|داخل|بـ?)\s*)$"),
}
# Arabic VSO: how close after the verb its subject must start.
_AR_SUBJECT_REACH = 40
# ... and what may not stand between them: a preposition ("دعت إلى إنشاء محكمة لمقاتلي
# التنظيم" names the group as the object's complement, not as the one who called).
_AR_VERB_SUBJECT_GAP = re.compile(r"^(?!.*(?:^|\s)(?:إلى|الى|على|عن|في|من|ضد|مع|حول)\s)", re.DOTALL)
_AGENT_REACH = 12
# Arabic SVO: a subject written before its verb, at the head of its clause or after the
# particle that fronts it ("وكانت تركيا قد اتهمت قسد", "إن تركيا تقصف", a headline's
# "تركيا تتهم قسد"), with at most "قد" between it and the verb. Its verb's object then
# stands where a VSO subject would, so reading that one as the source swaps the roles.
_FRONTING = re.compile(
    r"(?:^|[،,:؛]|(?:^|\s)[وف]?(?:كان|كانت|كانوا|كن|إن|أن|ان|بأن|لأن|لكن|إذ|بينما))\s*$"
)
_BEFORE_VERB = re.compile(r"^\s*(?:(?:قد|لقد)\s+)?$")
# An object is not separated from its verb by a comma or a preposition: "At the beginning
# of the attacks, the Turkish occupation ..." names the attacker, "دعت إلى إنشاء محكمة
# لمقاتلي التنظيم" a group the demand is about.
_OBJECT_GAP_BREAK = {
    "en": re.compile(r"[,;:]|\b(?:for|of|from|in|about|with|to|by)\b", re.IGNORECASE),
    "ar": re.compile(r"[,،;؛:]|(?:^|\s)(?:إلى|الى|في|من|عن|حول|ل\S+)(?=\s)"),
}
# "the Turkish occupation's attacks": the possessor of a nominal trigger is its agent.
_POSSESSIVE_GAP = re.compile(r"^['’]s\s+(?:\w+\s+)?$")
# The subject of a verb is in its own comma-delimited stretch when one names an actor
# ("During the campaigns of the SDF against ISIS, Turkey begins launching attacks").
_SEGMENT_BREAK = re.compile(r"[,،]\s")
# The object stands right after its verb (or after the verb's subject, in Arabic VSO):
# "accused Turkey", "طالبت الإدارة الذاتية المجتمع الدولي". An actor farther along with no
# preposition introducing it belongs to another phrase ("a tribunal for the organisation's
# fighters", "support provided to the SDF"); one introduced by "on"/"على" may stand a bit
# farther ("the assault of ISIS and its supporters on ..."). A framing trigger's target is
# its addressee, which always stands close ("called on X", "appealed to X"). Arabic
# subjects carry long appositions ("وفد برئاسة الدكتور ... سفير ... في الكويت، والسيد ...،
# إلى دائرة"), so a marked target may stand farther there.
_OBJECT_REACH = 25
# A relative clause between the trigger and a marked actor: the preposition belongs to the
# clause ("الهجمات ... والتي كان يستهدف التنظيم من خلالها ... السيطرة على مدينة الحسكة").
_RELATIVE = {
    "en": re.compile(r"\b(?:who|whom|which|whose)\b", re.IGNORECASE),
    "ar": re.compile(r"(?:^|\s)و?(?:الذي|التي|الذين|اللذين|اللتين|اللواتي)(?=\s)"),
}
_MARKED_REACH = {"en": 60, "ar": 160}


@dataclass(frozen=True, slots=True)
class Roles:
    source: Mention | None
    target: Mention | None
    place: Mention | None


def find_roles(
    article: Article,
    hit: Hit,
    sent_start: int,
    sent_end: int,
    mentions: list[Mention],
    lang: str,
) -> Roles:
    """Source, target and place of the trigger ``hit`` (offsets into ``article.text``),
    chosen among ``mentions`` of the sentence."""
    text = article.text
    actors = [m for m in mentions if m.label in ACTOR_LABELS]
    before = [m for m in actors if m.end <= hit.start]
    after = [m for m in actors if m.start >= hit.end]
    clause_start = _clause_start(text, sent_start, hit.start)
    # Inside a quote the act's subject is named inside the quote, not before it.
    for quote in article.quotes:
        if quote.start <= hit.start < quote.end and quote.start > clause_start:
            clause_start = quote.start
    agent_gap = _AGENT_GAP.get(lang, _AGENT_GAP["en"])
    source: Mention | None = None
    target: Mention | None = None
    near_agent = after and after[0].start - hit.end <= _AGENT_REACH
    agent_marked = near_agent and text[hit.end : after[0].start].strip() != ""
    if lang == "ar" and not hit.noun and not agent_marked:
        # "وكانت تركيا قد اتهمت قسد": the subject before the verb; قسد is the object
        source = _fronted_subject(text, before, clause_start, hit.start)
    if source is None and near_agent and agent_gap.match(text[hit.end : after[0].start]):
        source = after[0]
    if source is None and before and _POSSESSIVE_GAP.match(text[before[-1].end : hit.start]):
        source = before[-1]
    if source is None and hit.target_before:
        in_clause = [m for m in before if m.start >= clause_start] or before
        if in_clause:
            source = in_clause[0]
            target = next((m for m in in_clause[1:] if not _same(m, source)), None)
    # Only a verb has its subject after it; after a noun ("ضرورة ... داعش") stands its object.
    if source is None and lang == "ar" and not hit.noun:
        near = [m for m in after if m.start - hit.end <= _AR_SUBJECT_REACH]
        if near and _AR_VERB_SUBJECT_GAP.match(text[hit.end : near[0].start]):
            source = near[0]
    if source is None:
        in_clause = [m for m in before if m.start >= clause_start]
        segment = _segment_start(text, clause_start, hit.start)
        in_segment = [m for m in in_clause if m.start >= segment]
        if in_segment or in_clause:
            source = (in_segment or in_clause)[0]
    if target is None:
        anchor = source.end if source is not None and source.start >= hit.end else hit.end
        target = _pick_target(
            text,
            after,
            source,
            lang,
            anchor,
            marked_reach=_OBJECT_REACH if hit.frames else _MARKED_REACH.get(lang, 60),
            marked_only=hit.noun and lang == "ar",
        )
    place = _pick_place(text, mentions, (source, target), lang)
    return Roles(source, target, place)


def _fronted_subject(
    text: str, before: list[Mention], clause_start: int, trigger_start: int
) -> Mention | None:
    """The actor written right before an Arabic verb as its fronted subject, if any."""
    if not before or before[-1].start < clause_start:
        return None
    last = before[-1]
    if not _BEFORE_VERB.match(text[last.end : trigger_start]):
        return None
    # a name of several mentions ("وزير الخارجية التركي هاكان فيدان") heads at its first
    head = last
    for m in reversed(before[:-1]):
        if m.start < clause_start or text[m.end : head.start].strip():
            break
        head = m
    return last if _FRONTING.search(text[clause_start : head.start]) else None


def _pick_target(
    text: str,
    after: list[Mention],
    source: Mention | None,
    lang: str,
    anchor: int,
    marked_reach: int = _OBJECT_REACH,
    marked_only: bool = False,
) -> Mention | None:
    """The first actor after ``anchor`` (the trigger, or its subject after it) introduced
    as a target ("على", "against") within ``marked_reach``, else the actor right after it;
    after an Arabic noun only a marked one ("اجتماع ... داعش" is a meeting about ISIS, not
    with it)."""
    candidates = [
        m
        for m in after
        if m.start >= anchor
        and m.start - anchor <= marked_reach
        and (source is None or (m is not source and not _same(m, source)))
    ]
    if not candidates:
        return None
    gap = _TARGET_GAP.get(lang, _TARGET_GAP["en"])
    relative = _RELATIVE.get(lang, _RELATIVE["en"])
    for m in candidates:
        if gap.search(text[max(0, m.start - 20) : m.start]):
            if relative.search(text, anchor, m.start) is not None:
                break
            return m
    first = candidates[0]
    if marked_only or first.start - anchor > _OBJECT_REACH:
        return None
    gap_break = _OBJECT_GAP_BREAK.get(lang, _OBJECT_GAP_BREAK["en"])
    if gap_break.search(text, anchor, first.start):
        return None
    return first


def _pick_place(
    text: str, mentions: list[Mention], used: tuple[Mention | None, ...], lang: str
) -> Mention | None:
    places = [m for m in mentions if m.label in PLACE_LABELS and all(m is not u for u in used)]
    if not places:
        return None
    gap = _PLACE_GAP.get(lang, _PLACE_GAP["en"])
    marked = [m for m in places if gap.search(text[max(0, m.start - 20) : m.start])]
    # "visited the Department ... in Qamishlo": the place after the target is the event's;
    # one before it often belongs to an actor's title ("ambassador in Kuwait").
    target = used[1]
    if target is not None:
        marked = [m for m in marked if m.start >= target.end] or marked
    # A GPE named as an actor ("Turkey accused ...") is not a place; one after "in" is.
    return marked[0] if marked else next((m for m in places if m.label != "GPE"), None)


def _clause_start(text: str, sent_start: int, trigger_start: int) -> int:
    start = sent_start
    for match in _CLAUSE_BREAK.finditer(text, sent_start, trigger_start):
        start = match.end()
    return start


def _segment_start(text: str, clause_start: int, trigger_start: int) -> int:
    start = clause_start
    for match in _SEGMENT_BREAK.finditer(text, clause_start, trigger_start):
        start = match.end()
    return start


def _same(a: Mention, b: Mention) -> bool:
    return a.entity_id is not None and a.entity_id == b.entity_id


def event_date(
    article: Article, dates: list[DateMention], sentence_text: str, today_said: bool
) -> str | None:
    """The ISO date of the event: a resolved date of its sentence, else the article's
    date when the sentence says the event is today; else null."""
    for d in dates:
        if d.value is not None:
            return d.value
        if d.relative == "0d" and article.published:
            return article.published[:10]
    if today_said and article.published:
        return article.published[:10]
    return None


def actor_name(article: Article, m: Mention | None) -> str | None:
    if m is None:
        return None
    return m.name or article.text[m.start : m.end]
