"""How well places are placed, on the geoparsing corpora of Gritta et al. ("A Pragmatic Guide
to Geoparsing Evaluation", 2019): LGL (local US news), TR-News (world news) and GeoVirus
(WikiNews on epidemics), each an XML file of articles with toponym spans and their true
coordinates.

Two figures per corpus:

- ``given_spans``: geocoding alone. Each gold span becomes a GPE mention of the article and
  the ``geo`` stage places them all, each read in the light of the others. Reported: the
  share of gold toponyms placed within 161 km (100 miles: ``acc_161km``; an unplaced one
  counts as a miss), the median error of those placed, and the share placed at all.
- ``end_to_end``: our own recogniser finds the names (the ``mentions`` stage, and the
  linker when there is one), then the ``geo`` stage places them. Reported: the share of
  gold toponyms that a place mention of ours overlaps (``found``), and the share found
  and placed within 161 km. Skipped, with the reason, when the recogniser is not there.

The corpora's offsets are not all exact: GeoVirus counts from 1, and some TR-News spans
drift by a few characters. A span whose text is not the gold phrase is moved to the
nearest occurrence of the phrase; one with no occurrence is dropped (and counted).
"""

from __future__ import annotations

import importlib
import logging
import statistics
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.errors import MarsadError
from marsad.geo.distance import haversine_km
from marsad.geo.locate import PLACE_LABELS
from marsad.geo.stage import GeoStage
from marsad.types import Article, Mention

log = logging.getLogger(__name__)

SUBDIR = "geoparsing"
CORPORA = ("lgl", "TR-News", "GeoVirus")
ACCURACY_KM = 161.0  # 100 miles, the field's customary threshold
# Modules that register the recogniser and linker stages (``marsad.entities``).
_ENTITY_MODULES = ("marsad.entities.recognize.stage", "marsad.entities.link")
_E2E_STAGES = ("clean", "lang", "sentences", "mentions")


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    phrase: str
    lat: float
    lon: float


@dataclass(slots=True)
class GoldArticle:
    id: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


@dataclass(slots=True)
class _Tally:
    gold: int = 0
    placed: int = 0
    within: int = 0
    errors: list[float] = field(default_factory=list)
    found: int = 0
    found_within: int = 0

    def given_spans(self) -> dict[str, Any]:
        return {
            "toponyms": self.gold,
            "acc_161km": _share(self.within, self.gold),
            "median_km": round(statistics.median(self.errors), 1) if self.errors else None,
            "placed": _share(self.placed, self.gold),
        }

    def end_to_end(self) -> dict[str, Any]:
        return {
            "toponyms": self.gold,
            "found": _share(self.found, self.gold),
            "found_acc_161km": _share(self.found_within, self.gold),
        }


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def corpus_files(path: Path) -> list[Path]:
    """The corpus files under ``path``: a data folder holding ``geoparsing/``, that folder,
    or one XML file."""
    if path.is_file():
        return [path]
    folder = path / SUBDIR if (path / SUBDIR).is_dir() else path
    return [folder / f"{name}.xml" for name in CORPORA if (folder / f"{name}.xml").is_file()]


def read_corpus(path: Path, limit: int | None = None) -> tuple[list[GoldArticle], int]:
    """Articles of one corpus file with their toponyms (those with coordinates), and how
    many spans could not be found in their text."""
    root = ET.parse(path).getroot()
    articles: list[GoldArticle] = []
    dropped = 0
    for number, node in enumerate(root.iter("article")):
        if limit is not None and len(articles) >= limit:
            break
        text = node.findtext("text") or ""
        article = GoldArticle(node.get("docid") or f"{path.stem}-{number}", text)
        for top in _toponym_nodes(node):
            gold = _toponym(top, text)
            if gold is None:
                dropped += _has_coordinates(top)
                continue
            article.toponyms.append(gold)
        articles.append(article)
    return articles, dropped


def _toponym_nodes(article: ET.Element) -> Iterator[ET.Element]:
    for container in ("toponyms", "locations"):
        holder = article.find(container)
        if holder is not None:
            yield from holder


def _has_coordinates(node: ET.Element) -> int:
    return int(_coordinates(node) is not None)


def _coordinates(node: ET.Element) -> tuple[float, float] | None:
    lat = node.findtext("gaztag/lat") or node.findtext("lat")
    lon = node.findtext("gaztag/lon") or node.findtext("lon")
    if lat is None or lon is None:
        return None
    try:
        return float(lat), float(lon)
    except ValueError:
        return None


def _toponym(node: ET.Element, text: str) -> GoldToponym | None:
    point = _coordinates(node)
    phrase = node.findtext("phrase") or node.findtext("name")
    start, end = node.findtext("start"), node.findtext("end")
    if point is None or not phrase or start is None or end is None:
        return None
    at = _align(text, int(start), phrase)
    if at is None:
        return None
    return GoldToponym(at, at + len(phrase), phrase, point[0], point[1])


def _align(text: str, start: int, phrase: str) -> int | None:
    """``start`` if the phrase is there, else its nearest occurrence, else None."""
    if text[start : start + len(phrase)] == phrase:
        return start
    best: int | None = None
    at = text.find(phrase)
    while at != -1:
        if best is None or abs(at - start) < abs(best - start):
            best = at
        at = text.find(phrase, at + 1)
    return best


def _score(tally: _Tally, gold: GoldToponym, placed: Iterable[tuple[float, float] | None]) -> None:
    """Record one gold toponym against the points given to it (the first counts)."""
    point = next(iter(placed), None)
    tally.gold += 1
    if point is None:
        return
    km = haversine_km(gold.lat, gold.lon, point[0], point[1])
    tally.placed += 1
    tally.errors.append(km)
    tally.within += km <= ACCURACY_KM


def given_spans(articles: list[GoldArticle], stage: GeoStage) -> tuple[_Tally, float]:
    """Place the gold spans, as GPE mentions of their article; the tally and the seconds
    the stage took."""
    tally = _Tally()
    seconds = 0.0
    for gold in articles:
        article = Article(id=gold.id, source=gold.id, raw=b"", raw_text=gold.text, text=gold.text)
        article.mentions = [Mention(t.start, t.end, "GPE") for t in gold.toponyms]
        started = time.perf_counter()
        stage(article)
        seconds += time.perf_counter() - started
        for top, mention in zip(gold.toponyms, article.mentions, strict=True):
            geo = mention.geo
            _score(tally, top, [(geo.lat, geo.lon)] if geo is not None else [])
    return tally, seconds


def end_to_end_pipeline() -> tuple[Any, str | None]:
    """The pipeline from text to placed mentions, or None and why it cannot be built."""
    from marsad.pipeline import Pipeline, registered

    for module in _ENTITY_MODULES:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name is None or not module.startswith(exc.name):
                return None, f"{module} needs {exc.name}, which is not installed"
        except Exception as exc:  # a recogniser being written must not stop the geocoding figures
            log.warning("cannot import %s: %r", module, exc)
            return None, f"importing {module} failed: {exc!r}"
    names = registered()
    if "mentions" not in names:
        return None, "no 'mentions' stage is registered (marsad.entities is not there yet)"
    stages = [*_E2E_STAGES, *(["link"] if "link" in names else []), "geo"]
    try:
        return Pipeline.from_names(stages), None
    except MarsadError as exc:
        return None, f"cannot build {stages}: {exc}"


def end_to_end(articles: list[GoldArticle], pipeline: Any, tally: _Tally) -> None:
    """Recognise, link and place; count the gold toponyms a place mention of ours overlaps,
    and those it also places within 161 km."""
    for gold in articles:
        article = Article(
            id=gold.id, source=gold.id, raw=gold.text.encode(), raw_text=gold.text, format="clean"
        )
        result = pipeline.run_one(article)
        mentions = [m for m in getattr(result, "mentions", []) if m.label in PLACE_LABELS]
        for top in gold.toponyms:
            hits = [m for m in mentions if m.start < top.end and top.start < m.end]
            if not hits:
                continue
            tally.found += 1
            placed = [m.geo for m in hits if m.geo is not None]
            if placed and any(
                haversine_km(top.lat, top.lon, g.lat, g.lon) <= ACCURACY_KM for g in placed
            ):
                tally.found_within += 1


def evaluate_geo(
    path: Path, limit: int | None = None, *, with_recogniser: bool = True
) -> dict[str, Any]:
    """Both figures on every corpus under ``path``; ``limit`` takes the first articles of
    each corpus. ``with_recogniser=False`` skips the end-to-end figure (the recogniser
    takes most of the time)."""
    stage = GeoStage()
    started = time.perf_counter()
    stage.geocoder.warm()
    load_seconds = time.perf_counter() - started
    if with_recogniser:
        pipeline, why_not = end_to_end_pipeline()
    else:
        pipeline, why_not = None, "not asked for"
    corpora: dict[str, Any] = {}
    for file in corpus_files(path):
        articles, dropped = read_corpus(file, limit)
        tally, seconds = given_spans(articles, stage)
        report: dict[str, Any] = {
            "articles": len(articles),
            "unaligned_spans": dropped,
            "given_spans": tally.given_spans(),
            "stage_articles_per_s": round(len(articles) / seconds, 1) if seconds else None,
        }
        if pipeline is not None:
            e2e = _Tally(gold=tally.gold)
            end_to_end(articles, pipeline, e2e)
            report["end_to_end"] = e2e.end_to_end()
        else:
            report["end_to_end"] = {"skipped": why_not}
        corpora[file.stem] = report
    return {
        "data": "geoparsing (Gritta et al. 2019): LGL, TR-News, GeoVirus",
        "metric": f"share of gold toponyms placed within {ACCURACY_KM:g} km; median error km",
        "load_seconds": round(load_seconds, 2),
        "corpora": corpora,
    }
