"""Article metadata: outlet, byline, dateline place, date mentions, publication day.

    >>> from marsad.meta import find_dates
    >>> [(m.text, m.relative) for m in find_dates("عُقد اجتماع دولي، أول أمس، في قامشلو")]
    [('أول أمس', '-2d')]

``MetadataStage`` (registered as ``metadata``) fills an ``Article``; ``find_dates`` and
``parse_date_string`` serve anyone who needs dates from text or from a metadata field.
Word lists are in ``data/`` (see ``data/README.md``).
"""

from __future__ import annotations

import logging

from marsad.meta.dates import find_dates, resolve_mentions
from marsad.meta.parse import parse_date_string
from marsad.meta.resolve import resolve
from marsad.meta.stage import MetadataStage

__all__ = ["MetadataStage", "find_dates", "parse_date_string", "resolve", "resolve_mentions"]

logging.getLogger(__name__).addHandler(logging.NullHandler())
