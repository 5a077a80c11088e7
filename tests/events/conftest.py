"""The seeds through the real pipeline once per session, shared by the events tests."""

from __future__ import annotations

import pytest

from marsad.events.stage import EventsStage
from marsad.types import Article


@pytest.fixture(scope="session")
def seed_events(seed_texts: dict[str, str]) -> dict[str, Article]:
    import marsad

    pipeline = marsad.load_pipeline()
    stage = EventsStage()
    out = {}
    for key, text in seed_texts.items():
        article = pipeline(text)
        stage(article)
        out[key] = article
    return out
