"""The learned event-type decision: thresholds per language, how rule triggers are kept,
and training the heads end to end on a tiny gold set."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pytest

from marsad.errors import PipelineError
from marsad.events.lexicon import EVENT_TYPES
from marsad.events.stage import _typed_hits
from marsad.events.triggers import Hit
from marsad.events.typer import EventTyper, TypeScores, threshold_vector
from marsad.train.events import train_events


def _scores(lang: str = "en", **by_type: float) -> TypeScores:
    row = np.zeros(len(EVENT_TYPES), dtype=np.float32)
    for type_, score in by_type.items():
        row[EVENT_TYPES.index(type_)] = score
    return TypeScores(row, threshold_vector({"en": 0.3, "ar": 0.7}, lang))


def _hit(type_: str, start: int, mode: str | None = None) -> Hit:
    return Hit(type_, mode, start, start + 5, 1.0, False, False)


def test_typer_arabic_threshold_only_for_the_types_arabic_gold_judges() -> None:
    assert _scores("ar", ASSAULT=0.6).main is None  # under the Arabic ASSAULT threshold
    assert _scores("en", ASSAULT=0.6).main == "ASSAULT"
    assert _scores("ar", REQUEST=0.6).main == "REQUEST"  # the English threshold applies


def test_typer_decides_type_and_keeps_triggers_in_text_order() -> None:
    hits = [_hit("REQUEST", 0), _hit("ACCUSE", 20), _hit("CONSULT", 40, mode="visit")]
    typed = _typed_hits(hits, _scores(ACCUSE=0.9, REQUEST=0.5, CONSULT=0.1))
    assert [(h.type, h.start) for h in typed] == [("REQUEST", 0), ("ACCUSE", 20)]
    assert max(typed, key=lambda h: h.weight).type == "ACCUSE"
    assert _typed_hits(hits, _scores(ACCUSE=0.2)) == []  # nothing clears: no event


def test_typer_type_without_its_trigger_anchors_on_the_rules_main_trigger() -> None:
    (typed,) = _typed_hits([_hit("CONSULT", 3, mode="visit")], _scores(COOPERATE=0.8))
    assert (typed.type, typed.start, typed.mode) == ("COOPERATE", 3, None)


def test_typer_missing_weights_say_how_to_rebuild(tmp_path: Path) -> None:
    with pytest.raises(PipelineError, match="make models"):
        EventTyper(tmp_path / "absent.npz")


def _tiny_gold(root: Path) -> None:
    en = [
        {"id": f"en-{i}", "event": t, "text": text}
        for i, (t, text) in enumerate(
            [("ASSAULT", "Rebels attacked the town."), ("PROTEST", "Thousands protested.")] * 15
        )
    ]
    (root / "plover_gsr_en").mkdir()
    (root / "plover_gsr_en" / "dev.json").write_text(json.dumps(en), encoding="utf-8")
    (root / "plover_gsr_ar").mkdir()
    for type_, yes, no in [
        ("assault", "هاجم المسلحون البلدة.", "قتل الخبر الجدل."),
        ("protest", "تظاهر الآلاف في المدينة.", "تظاهر بالمرض."),
    ]:
        with open(root / "plover_gsr_ar" / f"{type_}_dev.csv", "w", encoding="utf-8") as fh:
            out = csv.DictWriter(fh, fieldnames=["id", "label", "text"])
            out.writeheader()
            for i in range(20):
                out.writerow({"id": f"{type_}-{i}-1", "label": "yes" if i % 2 else "easy no",
                              "text": yes if i % 2 else no})  # fmt: skip


class _WordEmbedder:
    """A deterministic stand-in for E5 (an outside model): one dimension per word."""

    name = "words"

    def embed(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in text.split():
                out[i, hash(word) % 384] = 1.0
        return out


def test_typer_trains_end_to_end_and_loads(tmp_path: Path) -> None:
    _tiny_gold(tmp_path)
    out = tmp_path / "typer.npz"
    embedder = _WordEmbedder()
    meta = train_events(tmp_path, out=out, embed=embedder.embed)
    assert meta["rows"] > 0 and set(meta["thresholds"]) == {"en", "ar"}
    typer = EventTyper(out, embedder=embedder)
    assert typer.weights.shape == (len(EVENT_TYPES), 384 + len(typer.bias) * 2 + 3)
