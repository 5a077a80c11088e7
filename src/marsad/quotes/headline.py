"""Headline attributions: "Omar: Turkey's trafficking … is evidence …", "بدران جيا كرد: …".

News sites title a statement with the speaker's name and a colon, with no speech verb. A
line (paragraph) that begins with a person or organisation mention, followed at once by a
colon and a clause of several words, is that speaker's reported statement. Nothing else
is read as one: a colon after a place ("HASAKAH: …") or a label ("Other news:") names no
speaker, so only PER and ORG mentions count.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from marsad.types import Mention, Paragraph, Quote

BACKEND = "rules"
_HEADLINE_SPEAKERS = frozenset({"PER", "ORG"})
# The colon right after the name; the statement after it.
_COLON = re.compile(r"\s*[:：]\s*")
_TRAILING = " \t\n,;:.،؛"


def headline_quotes(
    text: str,
    paragraphs: Sequence[Paragraph],
    mentions: Sequence[Mention],
    taken: Sequence[Quote],
    min_words: int,
) -> list[Quote]:
    """One quote per line of the form "<speaker>: <statement>", unless another quote
    already covers the statement."""
    by_start = {m.start: m for m in mentions if m.label in _HEADLINE_SPEAKERS}
    found: list[Quote] = []
    for para in paragraphs:
        lead = len(text[para.start : para.end]) - len(text[para.start : para.end].lstrip())
        mention = by_start.get(para.start + lead)
        if mention is None or mention.end >= para.end:
            continue
        colon = _COLON.match(text, mention.end, para.end)
        if colon is None:
            continue
        start, end = colon.end(), para.end
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        if len(text[start:end].split()) < min_words:
            continue
        if any(q.start < end and start < q.end for q in taken):
            continue
        found.append(
            Quote(
                start=start,
                end=end,
                direct=False,
                speaker=mention.name or text[mention.start : mention.end],
                speaker_entity_id=mention.entity_id,
                speaker_start=mention.start,
                speaker_end=mention.end,
                backend=BACKEND,
            )
        )
    return found
