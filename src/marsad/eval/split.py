"""The fixed split of every gold set: which records train or tune, which are held out.

A record's part is decided by a hash of its id alone, so the split is the same on every
machine, in every file order, and cannot be moved by reading results. Held-out records
are never trained on and their errors are never read; their figures are reported first.

- PLOVER English and Arabic events: by the record's ``id``, held out when crc32 % 3 == 0
  (fixed before the model work); the rest tunes.
- CoNLL-2003 ``dev.conll`` (testa): by ``conll2003_en/dev.conll#<first sentence of its
  40-sentence block>`` (the file has no document marks), held out when sha256 % 2 == 0;
  the rest tunes.
- ANERcorp ``dev.txt``, NewsFANE, WikiFANE: by ``<file>#<first sentence of its 40-sentence
  block>``, held out when sha256 % 4 == 0.

CoNLL-2003's own training file (``eng.train``) trains whole. In the sets whose parts also
train, one block in four besides the held-out ones is ``tune`` (sha256 % 4 == 1): used to
pick the epoch, never trained on.

Why two hashes: the events split was fixed with crc32 before this module existed and stays
as it was (moving records the team had read into held-out would spoil it). crc32 is linear,
so ids that differ in one digit ("#0", "#2") fall on the same side too often; the newer
splits use sha256.
"""

from __future__ import annotations

import hashlib
import zlib

PARTS = ("all", "train", "tune", "held-out")
BLOCK_SENTENCES = 40
"""Sentences per record where a file has no documents (ANERcorp, FANE): neighbouring
sentences share names, so they stay on one side of the split together."""

_EVERY = {"events": 3, "conll2003_en/dev.conll": 2}
_DEFAULT_EVERY = 4


def part_of(dataset: str, record_id: str) -> str:
    """``held-out``, ``tune`` or ``train`` for one record of ``dataset``.

    Events and CoNLL dev have no training part (what is not held out tunes); ANERcorp
    and FANE blocks split four ways: held-out, tune, train, train.
    """
    every = _EVERY.get(dataset, _DEFAULT_EVERY)
    raw = record_id.encode("utf-8")
    if dataset == "events":
        bucket = zlib.crc32(raw) % every
    else:
        bucket = int.from_bytes(hashlib.sha256(raw).digest()[:8], "big") % every
    if bucket == 0:
        return "held-out"
    if dataset in _EVERY or bucket == 1:
        return "tune"
    return "train"


def in_part(dataset: str, record_id: str, part: str) -> bool:
    """Whether the record belongs to ``part`` (``all`` holds every record)."""
    if part not in PARTS:
        raise ValueError(f"part must be one of {PARTS}, not {part!r}")
    return part == "all" or part_of(dataset, record_id) == part
