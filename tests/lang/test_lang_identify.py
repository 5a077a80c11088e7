from __future__ import annotations

from collections.abc import Callable

import pytest

from marsad.lang.identify import LangConfig, LangGuess, article_language, normalise_code
from marsad.lang.script import Script
from marsad.lang.stage import LangStage
from marsad.types import Article

BuildArticle = Callable[..., Article]

AR = [
    "وصل اليوم الجمعة وفد طاجيكستاني برئاسة السفير إلى دائرة العلاقات الخارجية في قامشلو.",
    "وأكد الرئيس المشترك لدائرة العلاقات الخارجية أهمية توحيد الجهود الدولية لمكافحة الإرهاب.",
]
EN = [
    "The statement called on the international community to support the autonomous administration.",
    "The delegation discussed the situation in the camps and prisons of north and east Syria.",
]
SORANI = "هێزەکانی ئاسایش ڕایانگەیاند کە چەند چەکدارێکی داعش لە نزیک شاری حەسەکە دەستگیر کراون."
PERSIAN = "وزارت امور خارجه ایران روز سه‌شنبه اعلام کرد که مذاکرات در هفته آینده ادامه خواهد یافت."
KURMANJI = (
    "Rêveberiya Xweser a Bakur û Rojhilatê Sûriyê daxuyaniyek belav kir "
    "û got ku êrîş berdewam dikin."
)


@pytest.mark.parametrize(
    ("seed", "lang"), [("000", "en"), ("001", "ar"), ("002", "en"), ("003", "ar"), ("004", "en")]
)
def test_lang_seed_language(
    seed: str, lang: str, seed_article: Callable[[str], Article], lang_stage: LangStage
) -> None:
    article = seed_article(seed)
    lang_stage(article)
    assert article.lang == lang
    # Navigation lines and dates included: no paragraph of a seed drifts to fa, ckb or de.
    assert {p.lang for p in article.paragraphs} == {lang}


@pytest.mark.parametrize(
    ("paragraphs", "article_lang", "quoted_lang"),
    [
        (["عنوان الخبر", AR[0], EN[0], AR[1]], "ar", "en"),  # English quoted in Arabic
        (["News title", EN[0], AR[0], EN[1]], "en", "ar"),  # Arabic quoted in English
    ],
)
def test_lang_mixed_article_keeps_quoted_paragraph_language(
    paragraphs: list[str],
    article_lang: str,
    quoted_lang: str,
    make_article: BuildArticle,
    lang_stage: LangStage,
) -> None:
    article = make_article(paragraphs)
    lang_stage(article)
    assert article.lang == article_lang
    assert [p.lang for p in article.paragraphs] == [article_lang] * 2 + [quoted_lang, article_lang]


@pytest.mark.parametrize(
    ("paragraph", "lang"), [(SORANI, "ckb"), (PERSIAN, "fa"), (KURMANJI, "ku")]
)
def test_lang_kurdish_and_persian_not_forced_to_arabic(
    paragraph: str, lang: str, make_article: BuildArticle, lang_stage: LangStage
) -> None:
    article = make_article(["عنوان", AR[0], paragraph, AR[1]])
    lang_stage(article)
    assert article.paragraphs[2].lang == lang
    assert article.lang == "ar"


def test_lang_sorani_article_is_sorani(make_article: BuildArticle, lang_stage: LangStage) -> None:
    # The short heading has no model answer to trust: it takes its Sorani neighbours'.
    article = make_article(["هەواڵی زیاتر", SORANI, SORANI])
    lang_stage(article)
    assert article.lang == "ckb"
    assert [p.lang for p in article.paragraphs] == ["ckb"] * 3


@pytest.mark.parametrize(
    ("paragraphs", "lang"),
    [
        (["عنوان", AR[0], "اظهر المزيد", AR[1]], "ar"),
        (["Title", EN[0], "Other news", EN[1]], "en"),
        (["عنوان", AR[0], "2022-04-05", AR[1]], "ar"),  # no letters: any neighbour
        (["Title", EN[0], "2022-04-05", EN[1]], "en"),
        (["عنوان", AR[0], "ANHA", AR[1]], "ar"),  # no Latin neighbour: the article's
    ],
)
def test_lang_short_paragraph_inherits_neighbours(
    paragraphs: list[str], lang: str, make_article: BuildArticle, lang_stage: LangStage
) -> None:
    article = make_article(paragraphs)
    lang_stage(article)
    assert article.paragraphs[2].lang == lang


@pytest.mark.parametrize("hint", ["ar", "en", None])
def test_lang_empty_text_takes_hint(
    hint: str | None, make_article: BuildArticle, lang_stage: LangStage
) -> None:
    article = make_article([], hint=hint)
    lang_stage(article)
    assert article.lang == hint
    assert article.paragraphs == []


@pytest.mark.parametrize(("text", "hint"), [("Hello", "de"), ("مرحبا", "fa")])
def test_lang_very_short_text_takes_hint(
    text: str, hint: str, make_article: BuildArticle, lang_stage: LangStage
) -> None:
    article = make_article([text], hint=hint)
    lang_stage(article)
    assert article.lang == hint
    assert article.paragraphs[0].lang == hint


@pytest.mark.parametrize(("seed", "hint", "lang"), [("001", "en", "ar"), ("000", "ar", "en")])
def test_lang_sure_detection_beats_wrong_hint(
    seed: str,
    hint: str,
    lang: str,
    seed_article: Callable[[str], Article],
    lang_stage: LangStage,
) -> None:
    article = seed_article(seed)
    article.hints.lang = hint
    lang_stage(article)
    assert article.lang == lang


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("AR-sy", "ar"),
        ("ar_SY", "ar"),
        ("eng", "en"),
        ("English", "en"),
        ("", None),
        ("ckb", "ckb"),
    ],
)
def test_lang_hint_codes_normalised(code: str, expected: str | None) -> None:
    assert normalise_code(code) == expected


class _Scripted:
    """A stand-in model that answers one fixed ranking, to test the decision alone."""

    def __init__(self, ranked: list[tuple[str, float]]) -> None:
        self.ranked = ranked

    def predict(self, text: str, k: int = 3) -> list[tuple[str, float]]:
        return self.ranked[:k]


@pytest.mark.parametrize(
    ("text", "ranked", "lang"),
    [
        (AR[0], [("fa", 0.45), ("ar", 0.40)], "ar"),  # unsure Persian: Arabic
        (AR[0], [("ckb", 0.95)], "ckb"),  # confident Sorani stays Sorani
        (AR[0], [("en", 0.99)], "ar"),  # a Latin-script answer for Arabic script
        (EN[0], [("en", 0.55)], "en"),  # unsure but the only guess
        (EN[0], [("de", 0.20)], None),  # no guess at all
    ],
)
def test_lang_decision_trusts_model_by_script(
    text: str,
    ranked: list[tuple[str, float]],
    lang: str | None,
    make_article: BuildArticle,
) -> None:
    article = make_article([text])
    LangStage(model=_Scripted(ranked))(article)
    assert article.paragraphs[0].lang == lang


@pytest.mark.parametrize(
    ("guesses", "hint", "expected"),
    [
        # Arabic has more letters in the body than English: Arabic.
        ([("en", 50, True), ("ar", 300, True), ("en", 100, True)], None, "ar"),
        # Too few letters to be sure: the hint wins.
        ([("en", 5, False), ("en", 20, True)], "ar", "ar"),
        # Sure and long enough: detection wins over the hint.
        ([("en", 5, False), ("ar", 200, True)], "en", "ar"),
    ],
)
def test_lang_article_language_by_body_letters(
    guesses: list[tuple[str, int, bool]], hint: str | None, expected: str
) -> None:
    scripts: dict[str, Script] = {"ar": "arabic", "en": "latin"}
    parsed = [LangGuess(lang, n, scripts[lang], sure) for lang, n, sure in guesses]
    assert article_language(parsed, hint, LangConfig()) == expected
