"""Whether an event is reported as happening: ``real``, ``negated`` or ``hypothetical``.

Read from the auxiliary modes the events stage records (``Event.aux``): a negation cue
before the trigger ("did not attack", "لم يهاجم") makes it ``negated``; a hypothetical cue
(a condition, a question) or a future one ("will meet", "سيزور") makes it
``hypothetical``: it has not happened (yet), so an ACLED-style table of what happened
leaves it out by default. Negation wins over the others ("will not attack" is negated).
``historical`` is real: it happened, before the article.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

Status = Literal["real", "negated", "hypothetical"]
STATUSES: tuple[Status, ...] = ("real", "negated", "hypothetical")
# The auxiliary modes that make an event not (yet) real, by the status they give.
_HYPOTHETICAL = frozenset({"hypothetical", "future"})


def event_status(aux: Iterable[str]) -> Status:
    modes = set(aux)
    if "negation" in modes:
        return "negated"
    if modes & _HYPOTHETICAL:
        return "hypothetical"
    return "real"
