"""Each rule, in Arabic and English, on short texts run through the whole pipeline."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from marsad.types import Article

OMAR = "marsad:per/abdul-karim-omar"
AANES = "marsad:org/aanes"
Annotate = Callable[[str], Article]


def _quotes(article: Article) -> list[tuple[bool, str | None, str, str | None]]:
    t = article.text
    return [
        (q.direct, q.speaker_entity_id, t[q.start : q.end],
         t[q.cue_start : q.cue_end] if q.cue_start is not None else None)
        for q in article.quotes
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "said", "cue"),
    [
        ("Talks in Qamishli\n\nAbdul Karim Omar added: “The international community must act now.”",
         "The international community must act now", "added"),
        ("محادثات في قامشلو\n\nوقال عبد الكريم عمر” على المجتمع الدولي أن يتحرك الآن”.",
         "على المجتمع الدولي أن يتحرك الآن", "قال"),
        ("محادثات في قامشلو\n\nوقال عبد الكريم عمر «على المجتمع الدولي أن يتحرك الآن».",
         "على المجتمع الدولي أن يتحرك الآن", "قال"),
    ],
)  # fmt: skip
def test_quotes_direct_with_cue_and_speaker(
    annotate: Annotate, text: str, said: str, cue: str
) -> None:
    assert _quotes(annotate(text)) == [(True, OMAR, said, cue)]


@pytest.mark.parametrize(
    ("text", "clause", "cue"),
    [
        ("Talks in Qamishli\n\nAbdul Karim Omar stressed that the camps are a danger to the world.",
         "the camps are a danger to the world", "stressed"),
        ("محادثات في قامشلو\n\nوأكد عبد الكريم عمر أن المخيمات تشكل خطراً على العالم.",
         "المخيمات تشكل خطراً على العالم", "أكد"),
    ],
)  # fmt: skip
def test_quotes_reported_clause(annotate: Annotate, text: str, clause: str, cue: str) -> None:
    assert _quotes(annotate(text)) == [(False, OMAR, clause, cue)]


@pytest.mark.parametrize(
    "text",
    [
        "Talks in Qamishli\n\nAbdul Karim Omar said that the camps are dangerous. "
        "He said that the world must help.",
        "محادثات في قامشلو\n\nوقال عبد الكريم عمر إن المخيمات خطيرة.\n\n"
        "وأشار إلى أن العالم يجب أن يساعد.",
    ],
)
def test_quotes_subjectless_cue_takes_previous_speaker(annotate: Annotate, text: str) -> None:
    quotes = annotate(text).quotes
    assert len(quotes) == 2
    assert [q.speaker_entity_id for q in quotes] == [OMAR, OMAR]


@pytest.mark.parametrize(
    "text",
    [
        "AANES talks\n\nThe AANES said that the attack was a message. "
        "The camps are a danger to the region and the world, the statement read.",
        "مؤتمر صحفي\n\nوقالت الإدارة الذاتية إن الهجوم رسالة واضحة.\n\n"
        "وأكد البيان أن المخيمات تشكل خطراً على المنطقة.",
    ],
)
def test_quotes_statement_speaks_for_its_organisation(annotate: Annotate, text: str) -> None:
    quotes = annotate(text).quotes
    assert [q.speaker_entity_id for q in quotes] == [AANES, AANES]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Talks in Qamishli\n\nAbdul Karim Omar added: “The world must act now to help the camps."
         "\n\nThe weather was cold.", "The world must act now to help the camps."),
        ("محادثات في قامشلو\n\nوأضاف عبد الكريم عمر” على العالم أن يتحرك الآن لمساعدة المخيمات."
         "\n\nوكان الطقس بارداً.", "على العالم أن يتحرك الآن لمساعدة المخيمات"),
    ],
)  # fmt: skip
def test_quotes_unclosed_quote_ends_with_paragraph(
    annotate: Annotate, text: str, said: str
) -> None:
    quotes = _quotes(annotate(text))
    assert len(quotes) == 1
    assert quotes[0][2].rstrip(".") == said.rstrip(".")


@pytest.mark.parametrize(
    "text",
    [
        'Talks\n\nThe group, known as "al-Hisbah", and a woman called "Natalia Barkal" left.',
        "محادثات\n\nالجماعة المعروفة باسم «الحسبة» والمرأة المسماة «ناتاليا باركال» غادرتا.",
    ],
)
def test_quotes_short_quoted_names_are_not_speech(annotate: Annotate, text: str) -> None:
    assert annotate(text).quotes == []


@pytest.mark.parametrize(
    "text",
    [
        "Talks\n\nThe crowd chanted: “We want our children back from the camps.”",
        "محادثات\n\nوهتف الحشد «نريد عودة أطفالنا من المخيمات الآن».",
    ],
)
def test_quotes_no_speaker_is_null(annotate: Annotate, text: str) -> None:
    quotes = annotate(text).quotes
    assert len(quotes) == 1 and quotes[0].direct
    assert quotes[0].speaker is None and quotes[0].speaker_entity_id is None


@pytest.mark.parametrize(
    ("text", "speaker", "said"),
    [
        ("Smuggling from the camp\n\nThe official Turkish media revealed that the intelligence "
         "service smuggled a woman out of the camp.",
         "official Turkish media", "the intelligence service smuggled a woman out of the camp"),
        ("Shelling in the east\n\nThe village was shelled overnight again, local sources said.",
         "local sources", "The village was shelled overnight again"),
        ("تهريب من المخيم\n\nوكشفت وسائل الإعلام التركية الرسمية أن المخابرات هربت امرأة "
         "من المخيم.",
         "وسائل الإعلام التركية الرسمية", "المخابرات هربت امرأة من المخيم"),
        ("قصف في الريف\n\nوقالت مصادر محلية لنورث برس إن القصف استهدف القرية ليلاً.",
         "مصادر محلية", "القصف استهدف القرية ليلاً"),
    ],
)  # fmt: skip
def test_quotes_collective_subject_is_named_not_linked(
    annotate: Annotate, text: str, speaker: str, said: str
) -> None:
    # Media or sources with no KB entity speak under the words that name them; the
    # speaker before them (none here) is not borrowed.
    quotes = [q for q in annotate(text).quotes if not q.direct]
    assert [(q.speaker, q.speaker_entity_id) for q in quotes] == [(speaker, None)]
    article_text = annotate(text).text
    assert article_text[quotes[0].start : quotes[0].end].rstrip(".") == said
