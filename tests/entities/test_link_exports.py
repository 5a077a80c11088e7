"""The linker modules' public names: listed in ``__all__``, present, and nothing private."""

from __future__ import annotations

import importlib

import pytest

MODULES = ["blocking", "coref", "kbchoice", "lexicon", "link", "matching", "registry"]


@pytest.mark.parametrize("name", MODULES)
def test_link_exports_are_listed_and_present(name: str) -> None:
    module = importlib.import_module(f"marsad.entities.{name}")
    exported = module.__all__
    assert len(set(exported)) == len(exported)
    for attr in exported:
        assert not attr.startswith("_")
        assert hasattr(module, attr), f"{name}.{attr}"


def test_link_exports_stage_and_registry_signatures() -> None:
    from marsad.entities.link import LinkStage
    from marsad.entities.registry import EntityRegistry, LocalEntity

    entity = LocalEntity("L-PER-x", "PER", {"en": ["A B"]}, "A B")  # the store's positional order
    assert (entity.id, entity.label, entity.names, entity.canonical) == (
        "L-PER-x",
        "PER",
        {"en": ["A B"]},
        "A B",
    )
    registry = EntityRegistry.from_entities([entity])
    stage = LinkStage(kb=None, registry=registry)
    assert stage.registry is registry and stage.name == "link"
