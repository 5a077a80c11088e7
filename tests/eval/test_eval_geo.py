"""The geocoding eval: reading the corpora (offsets that drift included), the metric, and
the floors our geocoder must hold on the public gold sets."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.eval.geo import _align, evaluate_geo, read_corpus

# Measured on the full corpora, geocoding the gold spans (acc@161km; median error km):
# LGL 0.8236 (0.2 km), TR-News 0.7718 (0.0 km), GeoVirus 0.7776 (23.8 km).
# Floors move down only on purpose.
FLOOR = {"lgl": 0.81, "TR-News": 0.76, "GeoVirus": 0.765}
MEDIAN_KM = {"lgl": 5.0, "TR-News": 5.0, "GeoVirus": 40.0}

# Our own tiny corpus, in the two layouts: LGL/TR-News (gaztag, 0-based offsets) and
# GeoVirus (flat fields, offsets counted from 1).
TEXTS = {
    "en": ("Shelling hit Raqqa and Qamishli, then Hasakah.", ["Raqqa", "Qamishli", "Hasakah"]),
    "ar": ("طال القصف الرقة وقامشلو ثم الحسكة.", ["الرقة", "قامشلو", "الحسكة"]),
}
POINTS = {
    "Raqqa": (35.95, 39.02),
    "Qamishli": (37.05, 41.23),
    "Hasakah": (36.50, 40.75),
    "الرقة": (35.95, 39.02),
    "قامشلو": (37.05, 41.23),
    "الحسكة": (36.50, 40.75),
}


def _lgl_article(text: str, names: list[str], shift: int = 0) -> str:
    tops = []
    for name in names:
        start = text.index(name) + shift
        lat, lon = POINTS[name]
        tops.append(
            f"<toponym><start>{start}</start><end>{start + len(name)}</end>"
            f"<phrase>{name}</phrase><gaztag geonameid='1'><lat>{lat}</lat><lon>{lon}</lon>"
            "</gaztag></toponym>"
        )
    tops.append("<toponym><start>0</start><end>3</end><phrase>Nowhere</phrase></toponym>")
    return f"<article docid='1'><text>{text}</text><toponyms>{''.join(tops)}</toponyms></article>"


def _geovirus_article(text: str, names: list[str]) -> str:
    locs = []
    for name in names:
        start = text.index(name) + 1  # GeoVirus counts from 1
        lat, lon = POINTS[name]
        locs.append(
            f"<location><name>{name}</name><start>{start}</start><end>{start + len(name)}</end>"
            f"<lat>{lat}</lat><lon>{lon}</lon><page>x</page></location>"
        )
    body = f"<source>x</source><text>{text}</text><locations>{''.join(locs)}</locations>"
    return f"<article>{body}</article>"


@pytest.fixture()
def tiny_corpora(tmp_path: Path) -> Path:
    folder = tmp_path / "geoparsing"
    folder.mkdir()
    articles = [TEXTS["en"], TEXTS["ar"]]
    lgl = "".join(_lgl_article(t, n) for t, n in articles)
    # TR-News: spans drift by a few characters
    drifted = "".join(_lgl_article(t, n, shift=-2) for t, n in articles)
    virus = "".join(_geovirus_article(t, n) for t, n in articles)
    for name, body in (("lgl", lgl), ("TR-News", drifted), ("GeoVirus", virus)):
        (folder / f"{name}.xml").write_text(f"<articles>{body}</articles>", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_eval_geo_align_finds_the_nearest_occurrence(lang: str) -> None:
    text, names = TEXTS[lang]
    name = names[1]
    at = text.index(name)
    assert _align(text, at, name) == at
    assert _align(text, at + 1, name) == at
    assert _align(text, max(0, at - 3), name) == at
    assert _align(text, at, "غير موجود" if lang == "ar" else "Absent") is None


@pytest.mark.parametrize("corpus", ["lgl", "TR-News", "GeoVirus"])
def test_eval_geo_reads_each_layout(tiny_corpora: Path, corpus: str) -> None:
    articles, dropped = read_corpus(tiny_corpora / "geoparsing" / f"{corpus}.xml")
    assert dropped == 0  # the toponym without coordinates is not scored, not dropped
    assert [len(a.toponyms) for a in articles] == [3, 3]
    for article in articles:
        for top in article.toponyms:
            assert article.text[top.start : top.end] == top.phrase


def test_eval_geo_scores_the_tiny_corpora(tiny_corpora: Path) -> None:
    report = evaluate_geo(tiny_corpora, with_recogniser=False)
    assert set(report["corpora"]) == {"lgl", "TR-News", "GeoVirus"}
    for corpus in report["corpora"].values():
        assert corpus["given_spans"] == {
            "toponyms": 6,
            "acc_161km": 1.0,
            "median_km": corpus["given_spans"]["median_km"],
            "placed": 1.0,
        }
        assert corpus["given_spans"]["median_km"] < 5
        assert corpus["end_to_end"] == {"skipped": "not asked for"}


def test_eval_geo_limit_takes_the_first_articles(tiny_corpora: Path) -> None:
    report = evaluate_geo(tiny_corpora, limit=1, with_recogniser=False)
    assert report["corpora"]["lgl"]["articles"] == 1
    assert report["corpora"]["lgl"]["given_spans"]["toponyms"] == 3


@pytest.fixture(scope="module")
def gold_report(shared_data: Path) -> dict:
    return evaluate_geo(shared_data, with_recogniser=False)


@pytest.mark.parametrize("corpus", sorted(FLOOR))
def test_eval_geo_floor_on_gold(gold_report: dict, corpus: str) -> None:
    given = gold_report["corpora"][corpus]["given_spans"]
    assert given["acc_161km"] >= FLOOR[corpus]
    assert given["median_km"] <= MEDIAN_KM[corpus]
    assert gold_report["corpora"][corpus]["unaligned_spans"] <= 5


def test_eval_geo_end_to_end_runs_or_says_why(tiny_corpora: Path) -> None:
    """With the recogniser (when it is there) the report counts what it found."""
    report = evaluate_geo(tiny_corpora)
    for corpus in report["corpora"].values():
        e2e = corpus["end_to_end"]
        if "skipped" in e2e:
            assert isinstance(e2e["skipped"], str) and e2e["skipped"]
        else:
            assert e2e["toponyms"] == 6
            assert 0.0 <= e2e["found_acc_161km"] <= e2e["found"] <= 1.0
