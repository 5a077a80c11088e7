"""The trigger patterns of each language, compiled once per process.

``patterns.<lang>.yaml`` holds, per PLOVER type, regular expressions for the words that
signal the event (with the PLOVER mode they imply), and the cue words of the auxiliary
modes. Arabic patterns are written for the bare stem: the clitics a word may carry
(و ف ب ل ك ال لل, and the future prefix س) are added here, once, so the files stay readable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from marsad.errors import DataFileError
from marsad.langs import full_pipeline_langs, writes_arabic_script
from marsad.resources import data_path, load_yaml

EVENT_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
AUX_MODES = ("historical", "future", "hypothetical", "negation")
LANGS = full_pipeline_langs()

# A word edge that works for both scripts (\b treats Arabic letters as word characters too,
# but we want the clitics inside the match, so Arabic gets its own prefix group).
_EN_WRAP = r"(?<![\w-])(?:{})(?![\w])"
_AR_PREFIX = r"(?:[وف]?(?:لل|[بلك]|س)?(?:ال)?)"  # "لل": ل before ال drops its alef
_AR_WRAP = r"(?<!\w)" + _AR_PREFIX + r"(?:{})"


@dataclass(frozen=True, slots=True)
class Trigger:
    """One trigger pattern: the PLOVER type and mode it signals.

    ``target_before``: the target is named before the trigger ("Turkey's trafficking is
    evidence of ..."), not after it. ``frames``: the trigger reports another act as its
    content ("demanded that Israel withdraw"), so triggers right after it are not events
    of their own.
    """

    type: str
    pattern: re.Pattern[str]
    mode: str | None
    weight: float
    target_before: bool
    frames: bool
    noun: bool = False
    guest_before: bool = False  # "X was received by Y": the guest X is named before


@dataclass(frozen=True, slots=True)
class Lexicon:
    lang: str
    triggers: tuple[Trigger, ...]
    aux: dict[str, re.Pattern[str]]
    aux_window: dict[str, int]
    today: re.Pattern[str] | None
    pronoun_subject: re.Pattern[str] | None
    # Per type: the finite-verb cues that make a sentence report the event; a ``noun``
    # trigger of that type counts only when one stands in its sentence.
    report: dict[str, re.Pattern[str]] = field(default_factory=dict)
    # Contexts (condemnation, negation, plans) that stop a ``noun`` trigger right after them.
    noun_block: re.Pattern[str] | None = None
    noun_block_window: int = 0
    # A relative pronoun right before a verb trigger ("الذي اغتيل عام 1999", "who was
    # killed"): the act describes a person or thing named in passing, not the news.
    background: re.Pattern[str] | None = None
    # The items of a list of demands (``list_items`` in the data file): a number or bullet
    # that opens an item, and the opening of a sentence that goes on with the list.
    item_marker: re.Pattern[str] | None = None
    item_continuation: re.Pattern[str] | None = None
    # Per type: words that, anywhere in the sentence, show the type's words are used in
    # another sense ("خطفت الأنظار" catches the eye, "هجوم إعلامي", a football attack).
    veto: dict[str, re.Pattern[str]] = field(default_factory=dict)


def _compile(pattern: str, lang: str, path: str) -> re.Pattern[str]:
    wrap = _AR_WRAP if writes_arabic_script(lang) else _EN_WRAP  # word edges by script
    try:
        return re.compile(wrap.format(pattern), re.IGNORECASE)
    except re.error as exc:
        raise DataFileError(path, f"bad pattern {pattern!r}: {exc}") from exc


def _alternation(words: list[str], lang: str, path: str) -> re.Pattern[str] | None:
    if not words:
        return None
    return _compile("|".join(f"(?:{w})" for w in words), lang, path)


@cache
def lexicon(lang: str) -> Lexicon:
    """The compiled patterns of ``lang`` (``en`` or ``ar``); other languages get English
    patterns' shape but no triggers, so the stage simply finds nothing."""
    name = f"patterns.{lang}.yaml"
    path = data_path("marsad.events", name)
    raw: dict[str, Any] = load_yaml("marsad.events", name)
    triggers: list[Trigger] = []
    for type_, entries in (raw.get("types") or {}).items():
        if type_ not in EVENT_TYPES:
            raise DataFileError(path, f"unknown PLOVER type {type_!r}")
        for entry in entries:
            if isinstance(entry, str):
                entry = {"pattern": entry}
            triggers.append(
                Trigger(
                    type=type_,
                    pattern=_compile(entry["pattern"], lang, path),
                    mode=entry.get("mode"),
                    weight=float(entry.get("weight", 1.0)),
                    target_before=bool(entry.get("target_before", False)),
                    frames=bool(entry.get("frames", type_ in _FRAMING_TYPES)),
                    noun=bool(entry.get("noun", False)),
                    guest_before=bool(entry.get("guest_before", False)),
                )
            )
    aux: dict[str, re.Pattern[str]] = {}
    windows: dict[str, int] = {}
    for mode, spec in (raw.get("aux") or {}).items():
        if mode not in AUX_MODES:
            raise DataFileError(path, f"unknown auxiliary mode {mode!r}")
        pattern = _alternation(spec["cues"], lang, path)
        if pattern is not None:
            aux[mode] = pattern
            windows[mode] = int(spec.get("window", 40))
    report: dict[str, re.Pattern[str]] = {}
    for type_, cues in (raw.get("report") or {}).items():
        if type_ not in EVENT_TYPES:
            raise DataFileError(path, f"unknown PLOVER type {type_!r}")
        pattern = _alternation(cues, lang, path)
        if pattern is not None:
            report[type_] = pattern
    block = raw.get("noun_block") or {}
    veto: dict[str, re.Pattern[str]] = {}
    for type_, cues in (raw.get("veto") or {}).items():
        if type_ not in EVENT_TYPES:
            raise DataFileError(path, f"unknown PLOVER type {type_!r}")
        pattern = _alternation(cues, lang, path)
        if pattern is not None:
            veto[type_] = pattern
    items = raw.get("list_items") or {}
    return Lexicon(
        lang=lang,
        triggers=tuple(triggers),
        aux=aux,
        aux_window=windows,
        today=_alternation(raw.get("today") or [], lang, path),
        pronoun_subject=_alternation(raw.get("pronoun_subject") or [], lang, path),
        report=report,
        noun_block=_alternation(block.get("cues") or [], lang, path),
        noun_block_window=int(block.get("window", 0)),
        background=_background(raw.get("background") or [], path),
        item_marker=_raw(items.get("marker"), path),
        item_continuation=_raw(items.get("continuation"), path),
        veto=veto,
    )


def _raw(pattern: str | None, path: str) -> re.Pattern[str] | None:
    # Matched at a sentence or item start as written: no word edges or clitics added.
    if not pattern:
        return None
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise DataFileError(path, f"bad pattern {pattern!r}: {exc}") from exc


def _background(words: list[str], path: str) -> re.Pattern[str] | None:
    # Anchored at the end of the text before a trigger: the pronoun, then at most an
    # auxiliary ("قد", "was"), then the trigger itself.
    if not words:
        return None
    try:
        return re.compile(r"(?<!\w)(?:{})\s+$".format("|".join(words)), re.IGNORECASE)
    except re.error as exc:
        raise DataFileError(path, f"bad background pattern: {exc}") from exc


# Types whose trigger usually reports another act as its content: "demanded that X
# withdraw", "threatened to shell", "agreed to a ceasefire", "rejected calls to ...".
_FRAMING_TYPES = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN", "ACCUSE", "CONCEDE"})
