"""A participle after a comma is an act of its own by the main clause's subject."""

from __future__ import annotations

import pytest

from marsad.events.stage import EventsStage
from marsad.pipeline import Pipeline


@pytest.mark.parametrize(
    "text",
    [
        "Aid to the camps\n\nThe AANES called for more humanitarian aid, accusing the Syrian "
        "government of curbing aid access.",
        "المساعدات للمخيمات\n\nودعت الإدارة الذاتية إلى زيادة المساعدات الإنسانية، متهمةً الحكومة "
        "السورية بعرقلة وصول المساعدات.",
    ],
)
def test_participles_accusation_after_a_demand(pipeline: Pipeline, text: str) -> None:
    events = EventsStage().code(pipeline(text))
    pairs = {(e.type, e.source_entity_id, e.target) for e in events}
    assert ("REQUEST", "marsad:org/aanes", None) in pairs
    # the accusation is no content of the demand: it is coded, the AANES's, at the government
    assert ("ACCUSE", "marsad:org/aanes", "Syrian government") in pairs


@pytest.mark.parametrize(
    "text",
    [
        "Aid to the camps\n\nThe AANES called for an end to accusations against the camps.",
        "المساعدات للمخيمات\n\nودعت الإدارة الذاتية إلى وقف الاتهامات ضد المخيمات.",
    ],
)
def test_participles_framed_content_stays_content(pipeline: Pipeline, text: str) -> None:
    # without the comma and participle, what is demanded is no event of its own
    assert [e.type for e in EventsStage().code(pipeline(text))] == ["REQUEST"]
