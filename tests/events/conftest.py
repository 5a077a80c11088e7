"""The seeds through the real pipeline once per session, shared by the events tests."""

from __future__ import annotations

import pytest

import marsad
from marsad.events.stage import EventsStage
from marsad.pipeline import Pipeline
from marsad.types import Article


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The default pipeline (events included), for short texts."""
    return marsad.load_pipeline()


@pytest.fixture(scope="session")
def seed_events(seed_texts: dict[str, str], pipeline: Pipeline) -> dict[str, Article]:
    stage = EventsStage()
    out = {}
    for key, text in seed_texts.items():
        article = pipeline(text)
        stage(article)
        out[key] = article
    return out
