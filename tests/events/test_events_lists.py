"""Lists of demands: one REQUEST per item, with or without a demand verb of its own."""

from __future__ import annotations

import pytest

from marsad.events.stage import EventsStage
from marsad.pipeline import Pipeline
from marsad.types import Article, Event

AANES = "marsad:org/aanes"


def _requests(pipeline: Pipeline, text: str) -> tuple[Article, list[Event]]:
    article = pipeline(text)
    events = EventsStage().code(article)
    return article, [e for e in events if e.type == "REQUEST"]


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("News from Qamishli\n\nThe AANES demanded: 1) an international court for the "
         "detainees 2) more support for the camps 3) the reopening of the crossing.", 3),
        ("أخبار من قامشلو\n\nوطالبت الإدارة الذاتية بـ: 1- محكمة دولية للمعتقلين 2- دعم المخيمات "
         "3- إعادة فتح المعبر.", 3),
    ],
)  # fmt: skip
def test_lists_numbered_items_inside_a_sentence(pipeline: Pipeline, text: str, items: int) -> None:
    article, requests = _requests(pipeline, text)
    assert len(requests) == items
    assert all(e.source_entity_id == AANES for e in requests)
    # each item is its own evidence, none holds another's number
    bodies = [article.text[e.start : e.end] for e in requests]
    assert len(set(bodies)) == items and not any(b[:1].isdigit() for b in bodies)


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("News from Qamishli\n\nThe AANES called for supporting the region economically. "
         "And provide the camps with proper support to build rehabilitation centres.",
         "And provide the camps"),
        ("أخبار من قامشلو\n\nودعت الإدارة الذاتية إلى دعم المنطقة اقتصادياً. "
         "وتقديم الدعم اللازم لبناء مراكز إعادة تأهيل الأطفال في المخيمات.",
         "وتقديم الدعم"),
    ],
)  # fmt: skip
def test_lists_sentence_without_verb_continues_the_list(
    pipeline: Pipeline, text: str, item: str
) -> None:
    article, requests = _requests(pipeline, text)
    assert len(requests) == 2
    second = requests[1]
    assert article.text[second.start : second.end].startswith(item)
    assert second.source_entity_id == AANES and second.trigger_start is None


@pytest.mark.parametrize(
    "text",
    [
        "Clashes in Raqqa\n\nThe SDF said the town was calm on Monday. "
        "And provide figures later, the spokesman added.",
        "Victims in Raqqa\n\nThe victims were: 1) Ahmed Ali 2) Omar Hassan 3) Khalil Ibrahim.",
        "اشتباكات في الرقة\n\nوقالت قسد إن المدينة هادئة. وتقديم الأرقام سيتم لاحقاً.",
        "ضحايا في الرقة\n\nوالضحايا هم: 1- أحمد علي 2- عمر حسن 3- خليل إبراهيم.",
    ],
)
def test_lists_no_request_before_no_item(pipeline: Pipeline, text: str) -> None:
    # A numbered list or a verbless opening that follows no request is no demand.
    assert _requests(pipeline, text)[1] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks in Ankara\n\nIraqi President Barham Salih was received by Turkish President "
         "Erdogan in Ankara.", ("Q43", "Q796")),
        ("Smuggling\n\nThe woman, called Natalia Barkal, was received by senior officials of "
         "the Turkish authorities.", None),
    ],
)  # fmt: skip
def test_stage_passive_reception_needs_a_political_guest(
    pipeline: Pipeline, text: str, expected: tuple[str, str] | None
) -> None:
    # English only: Arabic news writes receptions actively ("استقبل ... وفداً").
    events = [e for e in EventsStage().code(pipeline(text)) if e.type == "CONSULT"]
    if expected is None:
        assert events == []
    else:
        assert [(e.source_entity_id, e.target_entity_id) for e in events] == [expected]
