"""One test per splitting rule, each in Arabic and in English."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Split = Callable[[str, str | None], list[str]]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ar", "قال عمر: إن الوضع خطير، وعلينا العمل؛ ونحن هنا منذ سنوات."),
        (
            "en",
            "Omar added: the situation is serious, and we must act; we have been here for years.",
        ),
    ],
)
def test_segment_comma_semicolon_colon_never_end(lang: str, text: str, sentences: Split) -> None:
    assert sentences(text, lang) == [text]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "ar",
            "هل انتهت الحرب؟ لا! عاد الناس. ثم غادروا.",
            ["هل انتهت الحرب؟", "لا!", "عاد الناس.", "ثم غادروا."],
        ),
        (
            "en",
            "Did the war end? No! People came back. Then they left.",
            ["Did the war end?", "No!", "People came back.", "Then they left."],
        ),
    ],
)
def test_segment_enders_end(lang: str, text: str, expected: list[str], sentences: Split) -> None:
    assert sentences(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "ar",
            "تحدث د. عبد الكريم عمر عن المرحلة. ثم غادر.",
            ["تحدث د. عبد الكريم عمر عن المرحلة.", "ثم غادر."],
        ),
        (
            "ar",
            "التقى م. أحمد مع أ.د. سامي في المقر. ثم غادرا.",
            ["التقى م. أحمد مع أ.د. سامي في المقر.", "ثم غادرا."],
        ),
        (
            "en",
            "Dr. Abdul Karim Omar spoke about the phase. He left.",
            ["Dr. Abdul Karim Omar spoke about the phase.", "He left."],
        ),
        (
            "en",
            "Gen. Mazloum Abdi met Lt. Col. Smith. They spoke.",
            ["Gen. Mazloum Abdi met Lt. Col. Smith.", "They spoke."],
        ),
    ],
)
def test_segment_title_abbreviations_do_not_end(
    lang: str, text: str, expected: list[str], sentences: Split
) -> None:
    assert sentences(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # An Arabic paragraph quoting a Latin acronym keeps the English abbreviation list.
        (
            "ar",
            "قاد التحالف U.S.-led الهجوم. ثم انسحب.",
            ["قاد التحالف U.S.-led الهجوم.", "ثم انسحب."],
        ),
        (
            "en",
            "The U.S.-led coalition struck. It withdrew.",
            ["The U.S.-led coalition struck.", "It withdrew."],
        ),
        (
            "en",
            "Aid came from the U.S. The coalition agreed.",
            ["Aid came from the U.S.", "The coalition agreed."],
        ),
        (
            "en",
            "U.S. Army units and U.N. staff left on Jan. 5 at 10 a.m. local time.",
            ["U.S. Army units and U.N. staff left on Jan. 5 at 10 a.m. local time."],
        ),
    ],
)
def test_segment_dotted_acronyms(
    lang: str, text: str, expected: list[str], sentences: Split
) -> None:
    assert sentences(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ar", "يقع المخيم على بعد 3.5 كم من المدينة."),
        ("en", "The camp lies 3.5 km from the city."),
    ],
)
def test_segment_decimals_do_not_end(lang: str, text: str, sentences: Split) -> None:
    assert sentences(text, lang) == [text]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # Arabic: an ellipsis is a pause, never an end (no capitals to tell otherwise).
        ("ar", "وقال... إن الوضع خطير… ونحن هنا.", ["وقال... إن الوضع خطير… ونحن هنا."]),
        # English: it ends a sentence before a capital, not before a lowercase word.
        ("en", "It burned… Then it fell... and rose.", ["It burned…", "Then it fell... and rose."]),
        ("en", "We waited... The convoy came.", ["We waited...", "The convoy came."]),
    ],
)
def test_segment_ellipsis(lang: str, text: str, expected: list[str], sentences: Split) -> None:
    assert sentences(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("ar", "قال” نحن هنا.” وأضاف أن الوضع خطير.", ["قال” نحن هنا.”", "وأضاف أن الوضع خطير."]),
        ("ar", "قال «نحن هنا.» وأضاف أن الوضع خطير.", ["قال «نحن هنا.»", "وأضاف أن الوضع خطير."]),
        (
            "en",
            "He said the situation was “cautious.” He said more.",
            ["He said the situation was “cautious.”", "He said more."],
        ),
        ("en", 'He said: "We stay." Then he left.', ['He said: "We stay."', "Then he left."]),
        ("en", "It was over.) Then it began.", ["It was over.)", "Then it began."]),
    ],
)
def test_segment_closing_quote_belongs_to_sentence(
    lang: str, text: str, expected: list[str], sentences: Split
) -> None:
    assert sentences(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # Seed 001's style: the opening quote typed as ”, the quote spanning two sentences.
        (
            "ar",
            "وأضاف” على المجتمع الدولي زيادة الدعم. وذلك لسد الطريق أمام داعش من جديد”. "
            "وغادر الوفد.",
            [
                "وأضاف” على المجتمع الدولي زيادة الدعم.",
                "وذلك لسد الطريق أمام داعش من جديد”.",
                "وغادر الوفد.",
            ],
        ),
        (
            "en",
            'Omar added: "The community should act. It must help." Then he left.',
            ['Omar added: "The community should act.', 'It must help."', "Then he left."],
        ),
    ],
)
def test_segment_boundary_inside_quotation(
    lang: str, text: str, expected: list[str], sentences: Split
) -> None:
    assert sentences(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # A spaced mark that closes an open quote ends the sentence before it.
        (
            "ar",
            "ونوه عمر ” أن الوضع خطير. ” والسفير قال ذلك.",
            ["ونوه عمر ” أن الوضع خطير. ”", "والسفير قال ذلك."],
        ),
        (
            "en",
            'He said: " We stay here. " Then he left.',
            ['He said: " We stay here. "', "Then he left."],
        ),
        # With no quote open, the same mark opens the next sentence.
        ("ar", "انتهى الاجتماع. ”نحن هنا” قال عمر.", ["انتهى الاجتماع.", "”نحن هنا” قال عمر."]),
        (
            "en",
            'The meeting ended. "We stay" he said.',
            ["The meeting ended.", '"We stay" he said.'],
        ),
    ],
)
def test_segment_quote_mark_does_not_start_sentence_it_closes(
    lang: str, text: str, expected: list[str], sentences: Split
) -> None:
    assert sentences(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("ar", "وصفه بأنه ”إرهاب”. ثم غادر.", ["وصفه بأنه ”إرهاب”.", "ثم غادر."]),
        (
            "en",
            "He called it “terrorism”. Then he left.",
            ["He called it “terrorism”.", "Then he left."],
        ),
    ],
)
def test_segment_punctuation_stays_with_its_quote(
    lang: str, text: str, expected: list[str], sentences: Split
) -> None:
    assert sentences(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # Arabic has no case: a question mark before any word ends the sentence.
        ("ar", "”لماذا؟” سأل عمر.", ["”لماذا؟”", "سأل عمر."]),
        # English: a lowercase word after it continues the sentence.
        (
            "en",
            "“Why?” he asked. The community is negligent”. in this regard.",
            ["“Why?” he asked.", "The community is negligent”. in this regard."],
        ),
    ],
)
def test_segment_lowercase_word_continues(
    lang: str, text: str, expected: list[str], sentences: Split
) -> None:
    assert sentences(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "ar",
            "انتهى الاجتماع\nوعاد الوفد إلى قامشلو",
            ["انتهى الاجتماع", "وعاد الوفد إلى قامشلو"],
        ),
        (
            "en",
            "The meeting ended\nThe delegation returned",
            ["The meeting ended", "The delegation returned"],
        ),
        (
            "en",
            "The meeting ended and\nthe delegation returned.",
            ["The meeting ended and\nthe delegation returned."],
        ),
    ],
)
def test_segment_line_break_inside_paragraph(
    lang: str, text: str, expected: list[str], sentences: Split
) -> None:
    assert sentences(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "ar",
            "انتهت الحرب في عام 2019 م. ثم عاد الناس.",
            ["انتهت الحرب في عام 2019 م.", "ثم عاد الناس."],
        ),
        (
            "en",
            "It ended in the year 2019. Then people returned.",
            ["It ended in the year 2019.", "Then people returned."],
        ),
    ],
)
def test_segment_year_then_era_marker_may_end(
    lang: str, text: str, expected: list[str], sentences: Split
) -> None:
    assert sentences(text, lang) == expected


@pytest.mark.parametrize("lang", ["ar", "en", None])
@pytest.mark.parametrize("text", ["", "   ", "\n \u200f\n", "\t"])
def test_segment_empty_text_has_no_sentences(lang: str | None, text: str, sentences: Split) -> None:
    assert sentences(text, lang) == []


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("ar", "  عاد الناس.  \u200f ثم غادروا.\u200f  ", ["عاد الناس.", "ثم غادروا."]),
        (
            "en",
            " \u00a0People came back.   Then they left. ",
            ["People came back.", "Then they left."],
        ),
    ],
)
def test_segment_sentences_stripped(
    lang: str, text: str, expected: list[str], sentences: Split
) -> None:
    assert sentences(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Arabic rules: “ may close a quote, so it stays with the first sentence.
        ("قال “نحن هنا.“ وأضاف أن الوضع خطير.", ["قال “نحن هنا.“", "وأضاف أن الوضع خطير."]),
        # English rules: an ellipsis before a capital ends the sentence.
        ("It burned… Then it fell.", ["It burned…", "Then it fell."]),
    ],
)
def test_segment_unknown_language_picks_rules_by_script(
    text: str, expected: list[str], sentences: Split
) -> None:
    assert sentences(text, None) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fa", "قال “نحن هنا.“ وأضاف.", ["قال “نحن هنا.“", "وأضاف."]),  # Persian: Arabic rules
        ("fr", "Il brûlait… Puis il tomba.", ["Il brûlait…", "Puis il tomba."]),  # Latin: English
    ],
)
def test_segment_other_languages_follow_their_script(
    lang: str, text: str, expected: list[str], sentences: Split
) -> None:
    assert sentences(text, lang) == expected
