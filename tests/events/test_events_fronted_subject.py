"""Arabic word order: who accuses whom. Verb first (VSO), the actor right after the verb
is its subject; subject first (SVO: a headline, or "وكانت X قد اتهمت Y"), the actor after
the verb is its object. Reading the object as the subject coded accusations backwards, and
a headline that repeats the body's event stood as a second event of the story."""

from __future__ import annotations

import pytest

from marsad.events.stage import EventsStage
from marsad.pipeline import Pipeline

TURKEY, SDF = "Turkey", "Syrian Democratic Forces"


@pytest.mark.parametrize(
    ("body", "source", "target"),
    [
        # VSO: the accuser right after the verb
        ("اتهمت تركيا قوات سوريا الديمقراطية بالوقوف وراء الهجوم على نقطة عسكرية.", TURKEY, SDF),
        # SVO after كان ... قد: the accuser before the verb, the accused after it
        ("وكانت تركيا قد اتهمت قوات سوريا الديمقراطية بالوقوف وراء الهجوم.", TURKEY, SDF),
        ("وكانت قوات سوريا الديمقراطية قد اتهمت تركيا بقصف القرى الحدودية.", SDF, TURKEY),
        # SVO after إن (reported speech): the accuser is the subject of the clause
        ("وقال مسؤول إن تركيا اتهمت قوات سوريا الديمقراطية بالوقوف وراء الهجوم.", TURKEY, SDF),
        # VSO after the conjunction: the actor after the verb is still its subject
        ("واتهمت قوات سوريا الديمقراطية تركيا بقصف القرى الحدودية.", SDF, TURKEY),
    ],
)
def test_events_arabic_accusation_roles(
    pipeline: Pipeline, body: str, source: str, target: str | None
) -> None:
    text = f"اتهامات بشأن الهجوم\n\n{body}"
    accusations = [e for e in EventsStage().code(pipeline(text)) if e.type == "ACCUSE"]
    assert [(e.source, e.target) for e in accusations] == [(source, target)]


@pytest.mark.parametrize(
    "text",
    [
        "تركيا تتهم قسد بالوقوف وراء الهجوم\n\nوكانت تركيا قد اتهمت قوات سوريا الديمقراطية"
        " بالوقوف وراء الهجوم الذي استهدف نقطة عسكرية قرب الحدود.",
        "Turkey accuses SDF over attack\n\nTurkey accused the Syrian Democratic Forces of"
        " carrying out the attack on a military post near the border.",
    ],
)
def test_events_headline_repeating_the_body_is_one_event(pipeline: Pipeline, text: str) -> None:
    accusations = [e for e in EventsStage().code(pipeline(text)) if e.type == "ACCUSE"]
    assert len(accusations) == 1
    assert (accusations[0].source, accusations[0].target) == (TURKEY, SDF)
    assert accusations[0].start > text.index("\n")  # the body's sentence is the evidence


def test_events_headline_alone_is_kept(pipeline: Pipeline) -> None:
    # a headline whose event the body does not code again is the only report of it
    text = "Turkey accuses SDF over attack\n\nThe border crossing reopened on Monday."
    assert [e.type for e in EventsStage().code(pipeline(text))] == ["ACCUSE"]
