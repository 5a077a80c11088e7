"""The last checks between a reader and the pipeline: is this an article at all, and can the
store hold it? And a net under every reader, so one hostile record costs one report.

Readers are written for the inputs they expect; a hostile input (a lone surrogate escaped
in JSON, nesting a thousand deep, a library's own bug on damaged bytes) can still make one
raise. ``guarded`` turns that into an ``InputError`` for the record or the input, logged
with its traceback for us, and the run goes on.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import fields
from typing import TypeVar

from marsad.errors import InputError
from marsad.types import Article

log = logging.getLogger(__name__)

# A page of real news has far more; two words and six letters keep one-line briefs
# ("Headline\n\nA body.", "نص قديم") while "ok", "{}", "null" or a 7-byte scrap are no article.
MIN_LETTERS = 6
MIN_WORDS = 2

_LETTERS = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W_]{2,}|[^\W\d_]")  # a word of letters/digits, or a lone letter
_TAG = re.compile(r"<[^>]*>")
_HIDDEN_BLOCK = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_SURROGATE = re.compile("[\ud800-\udfff]")

T = TypeVar("T")


def junk_reason(text: str, fmt: str) -> str | None:
    """Why ``text`` is no article (too little real text), or None when it may be one."""
    visible = text
    if fmt == "html":
        visible = html.unescape(_TAG.sub(" ", _HIDDEN_BLOCK.sub(" ", text)))
    letters = len(_LETTERS.findall(visible))
    words = len(_WORD.findall(visible))
    if letters < MIN_LETTERS or words < MIN_WORDS:
        return (
            f"too little text to be an article ({letters} letter(s) in {words} word(s); at"
            f" least {MIN_LETTERS} letters in {MIN_WORDS} words)"
        )
    return None


def has_surrogate(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def surrogate_error(source: str, field: str) -> InputError:
    return InputError(
        source, f"field {field!r} holds a lone surrogate (invalid Unicode); fix the text"
    )


def surrogate_field(article: Article) -> str | None:
    """The name of a field holding a lone UTF-16 surrogate, which no UTF-8 store can hold.
    Strict decoders never make one; ``\\ud800`` escaped in JSON or a feed can."""
    if _SURROGATE.search(article.raw_text):
        return "text"
    if article.url and _SURROGATE.search(article.url):
        return "url"
    for field in fields(article.hints):
        value = getattr(article.hints, field.name)
        if isinstance(value, str) and _SURROGATE.search(value):
            return field.name
    return None


def checked(article: Article) -> Article | InputError:
    """``article``, or the reason it must not reach the pipeline."""
    bad = surrogate_field(article)
    if bad is not None:
        return surrogate_error(article.source, bad)
    junk = junk_reason(article.raw_text, article.format)
    if junk is not None:
        return InputError(article.source, junk)
    return article


def _unexpected(where: str, exc: Exception) -> InputError:
    log.error("%s: unexpected %s while reading", where, type(exc).__name__, exc_info=exc)
    return InputError(
        where, f"could not be read ({type(exc).__name__}); skipped, the server log has details"
    )


def guarded(
    where: str, read: Callable[[], T], passes: tuple[type[Exception], ...] = ()
) -> T | InputError:
    """``read()``, or an ``InputError`` for ``where`` when it raises anything but one of
    ``passes`` (what the caller handles itself, such as the end of a truncated file)."""
    try:
        return read()
    except InputError as exc:
        return exc
    except passes:
        raise
    except Exception as exc:  # RecursionError and ValueError included
        return _unexpected(where, exc)


def guarded_iter(where: str, items: Iterator[T]) -> Iterator[T | InputError]:
    """The items of a reader; if it raises, one ``InputError`` for the rest of ``where``."""
    try:
        yield from items
    except InputError as exc:
        yield exc
    except Exception as exc:
        yield _unexpected(where, exc)
