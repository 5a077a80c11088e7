"""Golden quotes on the sample articles: what a careful reader marks, nothing invented."""

from __future__ import annotations

import pytest

from marsad.types import Article

OMAR = "marsad:per/abdul-karim-omar"
ZABIDOV = "L-PER-a923e2aa43db"  # a local entity: no KB entry, one id across both scripts
AANES = "marsad:org/aanes"
BADRAN = "marsad:per/badran-jia-kurd"

# seed -> [(direct, speaker entity id, first words of the quote)] in text order
GOLDEN = {
    "000": [
        (False, OMAR, "the sensitivity of the current phase"),
        (False, OMAR, "the urgent need to militarily support"),
        (True, OMAR, "The international community should increase"),
        (True, OMAR, "the AA, after the defeat"),
        (True, ZABIDOV, "It is important that"),
        (False, ZABIDOV, "the situation in prisons"),
    ],
    "001": [
        (False, OMAR, "حساسية المرحلة الحالية"),
        (False, OMAR, "الحاجة الملحة"),
        (True, OMAR, "على المجتمع الدولي زيادة"),
        (True, OMAR, "أن الإدارة الذاتية وبعد"),
        (True, ZABIDOV, "من المهم أن"),
        (False, ZABIDOV, "الوضع في المعتقلات"),
    ],
    "002": [
        (False, AANES, "Tuesday, the recent assault"),
        (False, AANES, "international assistance"),
        (False, AANES, "The issue of ISIS members"),
        (True, AANES, "a new stage"),
        (True, AANES, "as attempts to hit"),
        (False, AANES, "an increase of the military support"),
        (True, AANES, "establishing an international court"),
        (False, AANES, "those countries whose nationals"),
        (False, AANES, "supporting northeast Syria"),
        (False, AANES, "increasing the humanitarian"),
        (False, AANES, "the necessity of politically"),
    ],
}


def _seen(article: Article) -> list[tuple[bool, str | None, str]]:
    return [(q.direct, q.speaker_entity_id, article.text[q.start : q.end]) for q in article.quotes]


@pytest.mark.parametrize("number", sorted(GOLDEN))
def test_quotes_seed_golden(seed_articles: dict[str, Article], number: str) -> None:
    seen = _seen(seed_articles[number])
    assert len(seen) == len(GOLDEN[number]), seen
    for (direct, speaker, text), (want_direct, want_speaker, head) in zip(
        seen, GOLDEN[number], strict=True
    ):
        assert text.startswith(head), (text, head)
        assert (direct, speaker) == (want_direct, want_speaker), text


@pytest.mark.parametrize(("number", "lang"), [("000", "en"), ("001", "ar")])
def test_quotes_same_story_same_quotes(
    seed_articles: dict[str, Article], number: str, lang: str
) -> None:
    # The English and Arabic pages of one story attribute the same quotes to the same people.
    article = seed_articles[number]
    assert article.lang == lang
    speakers = [q.speaker_entity_id for q in article.quotes]
    assert speakers == [OMAR] * 4 + [ZABIDOV] * 2
    assert [q.direct for q in article.quotes] == [False, False, True, True, True, False]


def test_quotes_seed_003_reported_by_badran(seed_articles: dict[str, Article]) -> None:
    article = seed_articles["003"]
    assert len(article.quotes) >= 12
    assert all(not q.direct for q in article.quotes)
    assert {q.speaker_entity_id for q in article.quotes} == {BADRAN}
    cues = [
        article.text[q.cue_start : q.cue_end] for q in article.quotes if q.cue_start is not None
    ]
    for cue in ("أكد", "أشار", "لفت", "أوضح", "نوه", "مشيراً", "قال"):
        assert cue in cues


def test_quotes_seed_004_omar_and_no_names(seed_articles: dict[str, Article]) -> None:
    article = seed_articles["004"]
    texts = [article.text[q.start : q.end] for q in article.quotes]
    assert sum(q.direct for q in article.quotes) == 8
    # 9 reported in the body, the headline's "Omar: ...", and "the official Turkish media
    # ... revealed that ...", whose speaker is named by those words (no KB entity)
    assert sum(not q.direct for q in article.quotes) == 11
    assert {q.speaker_entity_id for q in article.quotes} == {OMAR, None}
    assert all(q.speaker is not None for q in article.quotes)
    media = [q for q in article.quotes if q.speaker_entity_id is None]
    assert [q.speaker for q in media] == ["official Turkish media"]
    assert article.text[media[0].cue_start or 0 : media[0].cue_end or 0] == "revealed"
    for name in ("Natalia Barkal", "al-Hisbah", "MIT"):
        assert name not in texts


@pytest.mark.parametrize("number", ["000", "001", "002", "003", "004"])
def test_quotes_seed_spans_are_sound(seed_articles: dict[str, Article], number: str) -> None:
    article = seed_articles[number]
    for q in article.quotes:
        assert 0 <= q.start < q.end <= len(article.text)
        assert article.text[q.start : q.end] == article.text[q.start : q.end].strip()
        if q.speaker_start is not None:
            # a mention of the speaker's entity, or the words that name it
            words = article.text[q.speaker_start : q.speaker_end]
            assert words and (q.speaker_entity_id is not None or q.speaker == words)


@pytest.mark.parametrize(
    ("seed", "speaker", "said"),
    [
        ("004", OMAR, "Turkey's trafficking of ISIS from al-Hol is irrefutable evidence"),
        ("003", BADRAN, "الجهود العسكرية وحدها لا تكفي"),
    ],
)
def test_quotes_seed_headline_attribution(
    seed_articles: dict[str, Article], seed: str, speaker: str, said: str
) -> None:
    # "Omar: ...", "بدران جيا كرد: ...": a name and a colon attribute the line.
    article = seed_articles[seed]
    heads = [
        q for q in article.quotes if q.cue_start is None and said in article.text[q.start : q.end]
    ]
    assert heads, [article.text[q.start : q.end] for q in article.quotes]
    assert heads[0].speaker_entity_id == speaker
    assert not heads[0].direct
