"""Two kinds of real text the strict decoders refused, found by a tester's corpus:

- UTF-16 without a byte-order mark (saved by some Windows tools): full of NUL bytes, so it
  looked binary. It is recognised by NULs in one byte position only, and accepted only when
  what it decodes to reads as text (letters, digits, spaces and punctuation of the scripts
  we cover), so random binary data, which UTF-16 decodes to CJK noise, is still refused;
- UTF-8 with a few bad bytes (a truncated copy-paste, one damaged sector): one byte
  rejected a whole article. It is accepted when valid multi-byte characters outnumber the
  bad bytes by far, so a windows-125x file with one accented letter still goes to the
  code-page guess. The bad bytes become U+FFFD, and the caller logs how many.
"""

from __future__ import annotations

import re

_SAMPLE_BYTES = 8192
_MIN_NUL_SHARE = 0.1  # of the bytes in the NUL position: spaces alone give more in Arabic
_MIN_TEXT_SHARE = 0.95  # of the decoded sample: characters that plain text is made of
_MIN_WIDE_PER_BAD = 50  # valid multi-byte characters per bad byte in near-UTF-8
# Latin with its accents, Arabic (with its presentation forms), general punctuation.
_TEXT_CHAR = re.compile(
    "[\t\n\r\x20-\x7e\u00a0-\u024f\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff"
    "\u2000-\u206f\ufb50-\ufdff\ufe70-\ufeff]"
)


def utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """(text, codec) when ``data`` is UTF-16 without a byte-order mark, else None."""
    head = data[:_SAMPLE_BYTES]
    if len(data) % 2 or len(head) < 8:
        return None
    half = len(head) // 2
    even, odd = head[0::2].count(0), head[1::2].count(0)
    for nuls, others, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if others == 0 and nuls >= _MIN_NUL_SHARE * half:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            sample = text[: _SAMPLE_BYTES // 2]
            if len(_TEXT_CHAR.findall(sample)) >= _MIN_TEXT_SHARE * len(sample):
                return text, codec
    return None


def near_utf8(data: bytes) -> tuple[str, int] | None:
    """(text, bad bytes replaced) when ``data`` is UTF-8 with a few bad bytes, else None."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())  # U+FFFD written on purpose
    if bad <= 0:
        return None
    wide = sum(1 for char in text if char > "\x7f" and char != "\ufffd")
    return (text, bad) if wide >= _MIN_WIDE_PER_BAD * bad else None
