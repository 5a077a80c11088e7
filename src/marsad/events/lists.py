"""Lists of demands: one REQUEST per item, whether or not the item has a verb of its own.

"The statement demanded: 1) an inquiry 2) the release of detainees" asks for two things;
"It called for X. And provide the AANES with Y." asks for Y too, though the second sentence
has no demand verb. An item only counts right after a request: a numbered list elsewhere
(a timeline, the names of the dead) is no demand.
"""

from __future__ import annotations

from dataclasses import replace

from marsad.events.lexicon import Lexicon
from marsad.types import Event, Sentence

# An item takes its requester from the request that opened the list: less certain than a
# request with its own verb.
_ITEM_WEIGHT = 0.9


def inline_items(text: str, lex: Lexicon, request: Event) -> list[Event]:
    """A request whose sentence lists two or more numbered or bulleted items after its
    trigger: one request per item, each with its item as evidence. Otherwise the request
    alone."""
    if lex.item_marker is None or request.trigger_end is None:
        return [request]
    marks = list(lex.item_marker.finditer(text, request.trigger_end, request.end))
    if len(marks) < 2:
        return [request]
    items: list[Event] = []
    for mark, following in zip(marks, [*marks[1:], None], strict=True):
        end = following.start() if following is not None else request.end
        start = mark.end()
        while end > start and text[end - 1] in " \t\n،,;؛":
            end -= 1
        if end > start:
            items.append(_item(request, start, end))
    return items or [request]


def continues_list(text: str, lex: Lexicon, sent: Sentence) -> bool:
    """Whether ``sent`` opens as a further item of a list: a number or bullet, or a
    conjunction and a bare verb ("And provide ...", "وتقديم ...")."""
    start = sent.start
    while start < sent.end and text[start].isspace():
        start += 1
    for pattern in (lex.item_marker, lex.item_continuation):
        if pattern is not None and pattern.match(text, start, sent.end) is not None:
            return True
    return False


def list_item(previous: Event, sent: Sentence) -> Event:
    """The request an item sentence makes: the previous request's requester and addressee,
    this sentence as evidence."""
    return _item(previous, sent.start, sent.end)


def _item(request: Event, start: int, end: int) -> Event:
    return replace(
        request,
        start=start,
        end=end,
        trigger_start=None,
        trigger_end=None,
        aux=[a for a in request.aux if a != "negation"],
        place=None,
        place_entity_id=None,
        score=round(request.score * _ITEM_WEIGHT, 3),
    )
