"""Deciding the language of each paragraph, and of the article, from model and script.

Four passes, all pure:

1. ``guess_paragraph``: the model's answer for one paragraph, checked against its script.
   A paragraph of a few words is not given to the model's judgement alone.
2. ``resolve_paragraphs``: a paragraph the first pass was unsure of takes the language of
   its nearest sure neighbour written in the same script (a short heading inside an Arabic
   article is Arabic), else keeps its own best guess.
3. ``article_language``: the language with the most letters over the body paragraphs; the
   publisher's hint wins where that count is too small to be sure of.
4. ``settle_paragraphs``: what is still undecided takes the article's language.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace

from marsad.lang.detect import LanguageModel, arabic_script_languages
from marsad.lang.script import Script, count_scripts
from marsad.langs import profiles
from marsad.resources import load_yaml

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LangConfig:
    """Thresholds of the decision; the defaults were set on the seed articles and on
    Sorani, Persian and Kurmanji paragraphs (see tests/lang)."""

    min_letters: int = 24
    """Paragraphs with fewer letters are too short for the model to be trusted alone."""
    confident: float = 0.60
    """A model probability at or above this makes a paragraph's language sure."""
    min_score: float = 0.30
    """Below this the model's answer is no guess at all."""
    short_confident: float = 0.90
    """A short paragraph with no same-script neighbour keeps the model's answer this sure."""
    min_article_letters: int = 60
    """An article body with fewer letters has an unsure language: the hint wins."""


@dataclass(frozen=True, slots=True)
class LangGuess:
    """What the passes know about one paragraph."""

    lang: str | None
    letters: int
    script: Script
    sure: bool
    borrowed: bool = False
    """The language came from a sure neighbour (``resolve_paragraphs``)."""


def guess_paragraph(text: str, model: LanguageModel, config: LangConfig) -> LangGuess:
    counts = count_scripts(text)
    script = counts.dominant
    if counts.letters == 0:
        return LangGuess(None, 0, script, sure=False)
    ranked = model.predict(text, k=3)
    top, score = ranked[0] if ranked else (None, 0.0)
    if counts.letters < config.min_letters:
        # A few words: only a near-certain model answer counts, and only until a sure
        # neighbour in the same script says otherwise.
        if top is not None and score >= config.short_confident and _fits(top, script):
            return LangGuess(top, counts.letters, script, sure=False)
        return LangGuess(_letter_default(text, script), counts.letters, script, sure=False)
    if script == "arabic":
        return _guess_arabic_script(top, score, counts.letters, config)
    if top is None or score < config.min_score:
        return LangGuess(None, counts.letters, script, sure=False)
    return LangGuess(top, counts.letters, script, sure=score >= config.confident)


def _guess_arabic_script(
    top: str | None, score: float, letters: int, config: LangConfig
) -> LangGuess:
    # Sorani, Persian and Urdu share the script, and the model knows them well: their own
    # letters (ڕ ڵ ۆ ێ پ گ ی) weigh heavily. Arabic is the default only when the model
    # is not confident of another Arabic-script language.
    if top == "ar":
        return LangGuess("ar", letters, "arabic", sure=score >= config.confident)
    if top in arabic_script_languages() and score >= config.confident:
        return LangGuess(top, letters, "arabic", sure=True)
    log.debug("Arabic-script paragraph read as %s (p=%.2f); taking Arabic", top, score)
    return LangGuess("ar", letters, "arabic", sure=False)


def _fits(lang: str, script: Script) -> bool:
    """Whether ``lang`` is written in ``script``, as far as Arabic-or-not goes."""
    return (lang in arabic_script_languages()) == (script == "arabic")


def _letter_default(text: str, script: Script) -> str | None:
    """The script's default, unless two or more letters only one language of the script
    uses say which (fastText has too little to go on in a few words; letters do not lie)."""
    for lang in profiles().values():
        letters = lang.distinctive_letters
        if lang.script == script and letters and sum(text.count(c) for c in letters) >= 2:
            return lang.code
    return _script_default(script)


def _script_default(script: Script) -> str | None:
    # Arabic script on a news page is overwhelmingly Arabic; Latin script could be any of
    # dozens of languages, so it gets no default.
    return "ar" if script == "arabic" else None


def resolve_paragraphs(guesses: Sequence[LangGuess]) -> list[LangGuess]:
    """Give each unsure paragraph the language of its nearest sure same-script neighbour.

    Paragraphs without letters (a date line, a number) take the nearest sure paragraph
    of any script. Ties go to the paragraph before. Linear in the number of paragraphs.
    """
    n = len(guesses)
    nearest: list[tuple[int, str | None] | None] = [None] * n  # (distance, language)
    for order in (range(n), range(n - 1, -1, -1)):  # paragraphs before, then after
        last: dict[Script, int] = {}
        for i in order:
            guess = guesses[i]
            if guess.sure:
                last[guess.script] = i
                last["none"] = i
                continue
            j = last.get(guess.script)
            if j is None:
                continue
            found = nearest[i]
            if found is None or abs(i - j) < found[0]:
                nearest[i] = (abs(i - j), guesses[j].lang)
    resolved = []
    for guess, found in zip(guesses, nearest, strict=True):
        if guess.sure or found is None:
            resolved.append(guess)
        else:
            resolved.append(replace(guess, lang=found[1], borrowed=True))
    return resolved


def settle_paragraphs(guesses: Sequence[LangGuess], article_lang: str | None) -> list[str | None]:
    """Final paragraph languages.

    A paragraph nothing decided (no letters, or a few words with no sure neighbour, left
    with its script's default) is in the article's language when that fits its script:
    a short Arabic-script line in a Persian article is Persian.
    """
    return [article_lang if _takes_article_language(g, article_lang) else g.lang for g in guesses]


def _takes_article_language(guess: LangGuess, article_lang: str | None) -> bool:
    if guess.sure or guess.borrowed or article_lang is None:
        return False
    if guess.lang is None:
        return True
    return guess.lang == _script_default(guess.script) and _fits(article_lang, guess.script)


def article_language(
    guesses: Sequence[LangGuess], hint: str | None, config: LangConfig
) -> str | None:
    """The language with most letters in the body (the paragraphs after the title).

    The hint, the language a feed or JSONL record declared, wins when the body is too
    short to be sure of or no body paragraph of the winning language was sure.
    """
    hint = normalise_code(hint)
    body = list(guesses[1:]) if len(guesses) > 1 else list(guesses)
    if sum(g.letters for g in body) == 0:
        body = list(guesses)  # only the title has letters
    letters: dict[str, int] = {}
    for guess in body:
        if guess.lang is not None:
            letters[guess.lang] = letters.get(guess.lang, 0) + guess.letters
    if not letters:
        return hint
    winner = max(letters, key=lambda lang: letters[lang])
    total = sum(g.letters for g in body)
    sure = total >= config.min_article_letters and any(g.sure and g.lang == winner for g in body)
    if not sure and hint is not None:
        return hint
    if hint is not None and hint != winner:
        log.debug("detected %s (sure) over the hint %s", winner, hint)
    return winner


def normalise_code(code: str | None) -> str | None:
    """``"AR-sy"`` -> ``"ar"``, ``"eng"`` -> ``"en"``, ``""`` -> ``None``."""
    if code is None:
        return None
    primary = code.strip().replace("_", "-").split("-")[0].lower()
    if not primary:
        return None
    table = load_yaml("marsad.lang", "languages.yaml")
    return str(table["hint_codes"].get(primary) or table["label_codes"].get(primary) or primary)
