"""The bundled sample corpus: five real articles from north-east Syria (ANHA, North Press,
Hawar), two in Arabic and three in English; 000 and 001 are one story in two languages.
They are kept byte for byte as scraped, navigation junk included, because that mess is
what Marsad exists to clean."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def sample_dir() -> Path:
    return Path(str(resources.files(__package__).joinpath("data")))
