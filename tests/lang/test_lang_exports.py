from __future__ import annotations

import importlib

import pytest

PUBLIC = {
    "marsad.lang": {
        "FastTextLite",
        "LangConfig",
        "LangStage",
        "LanguageModel",
        "ScriptCounts",
        "count_scripts",
        "default_model",
    },
    "marsad.segment": {"SentenceRules", "SentenceStage", "rules_for", "split_sentences"},
}


@pytest.mark.parametrize("module", sorted(PUBLIC))
def test_lang_public_api_does_not_drift(module: str) -> None:
    mod = importlib.import_module(module)
    assert set(mod.__all__) == PUBLIC[module]
    assert all(hasattr(mod, name) for name in mod.__all__)
