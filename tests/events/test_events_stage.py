from __future__ import annotations

import pytest

from marsad.events.lexicon import EVENT_TYPES, lexicon
from marsad.events.stage import EventsStage
from marsad.events.triggers import find_triggers, primary
from marsad.types import Article, Event, Sentence


def _article(text: str, lang: str) -> Article:
    article = Article(
        id="t", source="t", raw=b"", raw_text=text, format="clean", text=text, lang=lang
    )
    article.sentences = [Sentence(0, len(text))]
    return article


def _main(text: str, lang: str) -> str | None:
    hit = primary(find_triggers(text, lexicon(lang)))
    return hit.type if hit else None


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "The two sides agreed to a ceasefire on Monday.", "AGREE"),
        ("en", "The minister visited Damascus on Sunday.", "CONSULT"),
        ("en", "The president praised the army's efforts.", "SUPPORT"),
        ("en", "The government lifted the state of emergency in the province.", "CONCEDE"),
        ("en", "Zambia extradited the suspect to Britain.", "COOPERATE"),
        ("en", "Peru granted asylum to five officers.", "AID"),
        ("en", "The army completed its withdrawal from the town.", "RETREAT"),
        ("en", "The council demanded that the militia release the hostages.", "REQUEST"),
        ("en", "The ministry accused Turkey of shelling the villages.", "ACCUSE"),
        ("en", "The rebels rejected the peace plan.", "REJECT"),
        ("en", "Iran threatened to cut off electricity to the region.", "THREATEN"),
        ("en", "Thousands of students staged demonstrations in the capital.", "PROTEST"),
        ("en", "Japan halted economic aid to Serbia.", "SANCTION"),
        ("en", "Britain mobilized army reservists.", "MOBILIZE"),
        ("en", "Police arrested twelve people after the clashes.", "COERCE"),
        ("en", "Gunmen opened fire on a checkpoint.", "ASSAULT"),
        ("ar", "وقعت الحكومة والمعارضة على اتفاق لوقف إطلاق النار.", "AGREE"),
        ("ar", "زار وزير الخارجية دمشق أمس.", "CONSULT"),
        ("ar", "رحب الرئيس بقرار مجلس الأمن.", "SUPPORT"),
        ("ar", "أفرجت السلطات عن عشرين معتقلا.", "CONCEDE"),
        ("ar", "طالبت الإدارة الذاتية المجتمع الدولي بدعم قواتها.", "REQUEST"),
        ("ar", "اتهمت الوزارة تركيا بقصف القرى.", "ACCUSE"),
        ("ar", "رفضت الحكومة المقترح الأمريكي.", "REJECT"),
        ("ar", "هددت الجماعة بقطع الطريق الدولي.", "THREATEN"),
        ("ar", "تظاهر المئات أمام مقر البرلمان.", "PROTEST"),
        ("ar", "فرضت واشنطن عقوبات على الشركة.", "SANCTION"),
        ("ar", "انسحبت القوات من البلدة.", "RETREAT"),
        ("ar", "اعتقلت الشرطة ثلاثة أشخاص.", "COERCE"),
        ("ar", "قتل خمسة أشخاص في انفجار سيارة مفخخة في بغداد.", "ASSAULT"),
    ],
)
def test_triggers_main_type(lang: str, text: str, expected: str) -> None:
    assert _main(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The weather was mild and the markets were calm."),
        ("ar", "كان الطقس معتدلا والأسواق هادئة."),
    ],
)
def test_triggers_nothing_in_neutral_text(lang: str, text: str) -> None:
    assert find_triggers(text, lexicon(lang)) == []


@pytest.mark.parametrize(
    ("lang", "text", "aux"),
    [
        ("en", "The rebels did not attack the town.", "negation"),
        ("en", "The army will raid the town tomorrow.", "future"),
        ("en", "The army may attack the town if talks fail.", "hypothetical"),
        ("ar", "لم يهاجم المسلحون البلدة.", "negation"),
        ("ar", "سوف يهاجم المسلحون البلدة.", "future"),
    ],
)
def test_stage_aux_modes(lang: str, text: str, aux: str) -> None:
    events = EventsStage().code(_article(text, lang))
    assert any(e.type == "ASSAULT" and aux in e.aux for e in events)


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n ",
        "“" * 50 + "attack" + "”" * 3,
        "“He said ‘they attacked « the » town’ and “left" * 3,
        ("The army attacked the town and demanded that " * 120),
        ("هاجم المسلحون البلدة وطالبوا " * 200),
        "« » “ ” ‘ ’ \" ' " * 100,
    ],
)
def test_stage_odd_input_never_crashes(lang: str, text: str) -> None:
    events = EventsStage().code(_article(text, lang))
    assert all(isinstance(e, Event) and e.type in EVENT_TYPES for e in events)
    assert all(0 <= e.start <= e.end <= len(text) for e in events)


def test_stage_unsupported_language_finds_nothing() -> None:
    assert EventsStage().code(_article("The army attacked the town.", "fr")) == []


def test_stage_registered_with_contract() -> None:

    import marsad.events.stage  # noqa: F401  (registers the stage)
    from marsad.pipeline import _REGISTRY

    stage = _REGISTRY["events"]()
    assert stage.requires == ("text", "sentences", "mentions", "lang", "dates")
    assert stage.assigns == ("events",)
    assert stage.backend == "rules"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a participle noun or a talked-about event is no report of one happening
        ("ar", "وقالت الشرطة إن المتظاهرين غادروا الساحة بعد الظهر.", None),
        ("ar", "ودعت الحكومة إلى حماية المتظاهرين السلميين.", "REQUEST"),
        ("ar", "وأدانت الوزارة عملية الاغتيال التي استهدفت المسؤول.", "ACCUSE"),
        ("ar", "وتناول البيان خطر الهجمات على المنشآت النفطية.", None),
        # a finite verb, or a noun with a report verb beside it, is one
        ("ar", "وتظاهر مئات الطلاب في وسط العاصمة.", "PROTEST"),
        ("ar", "وخرج المتظاهرون إلى الشوارع مرددين هتافات ضد الحكومة.", "PROTEST"),
        ("ar", "قتل ثلاثة من رجال الشرطة في هجوم انتحاري ببغداد.", "ASSAULT"),
        ("ar", "وأسفر الانفجار عن مقتل خمسة أشخاص.", "ASSAULT"),
        ("ar", "وتحدث التقرير عن أوضاع معتقلي التنظيم في السجون.", None),  # detainees
        ("ar", "وتم وضع الوفد في صورة الهجمات الأخيرة.", None),  # "تم" reports no attack
        ("ar", "وتعرضت القافلة للهجوم قرب المدينة.", "ASSAULT"),  # "لل" is ل + ال
        ("ar", "وقتل عشرة من مقاتلي طالبان في غارة جوية.", "ASSAULT"),  # Taliban, no demand
        ("ar", "وقالت مصادر في وزارتي الداخلية والدفاع إن الوضع هادئ.", None),  # no visit
        ("en", "The ministry condemned the assassination of the mayor.", "ACCUSE"),
        ("en", "Hundreds of students protested in the capital.", "PROTEST"),
        ("en", "Gunmen killed three policemen in Baghdad.", "ASSAULT"),
    ],
)
def test_triggers_report_reading_gates_nouns(lang: str, text: str, expected: str | None) -> None:
    assert _main(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The journalist who was kidnapped in Pakistan wrote a book."),
        ("ar", "ساعد في اخراج الفيلم الذي يصور حياة الصحافي الذي اختطف في باكستان."),
    ],
)
def test_triggers_relative_clause_is_background(lang: str, text: str) -> None:
    from marsad.events.lexicon import lexicon
    from marsad.events.triggers import find_triggers

    assert not [h for h in find_triggers(text, lexicon(lang)) if h.type == "ASSAULT"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Could Israel have attacked the convoy?"),
        ("ar", "قد تكون اسرائيل من اغتالت الحريري؟"),
    ],
)
def test_triggers_question_is_hypothetical(lang: str, text: str) -> None:
    from marsad.events.lexicon import lexicon
    from marsad.events.triggers import aux_modes, find_triggers

    hit = next(h for h in find_triggers(text, lexicon(lang)) if h.type == "ASSAULT")
    assert "hypothetical" in aux_modes(text, hit, lexicon(lang), 0, len(text))
