"""outlets: names and aliases in both scripts mapped to one spelling."""

from __future__ import annotations

import gzip
import tempfile
from pathlib import Path

import pytest

from marsad.meta.outlets import outlet_key, outlets


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("HAWARNEWS", "ANHA"),
        ("هاوار", "ANHA"),
        ("وكالة أنباء هاوار", "ANHA"),
        ("north press", "North Press"),
        ("نورث برس", "North Press"),
        ("Al Monitor", "Al-Monitor"),
        ("المرصد السوري لحقوق الإنسان", "SOHR"),
        ("المرصد السوري لحقوق الانسان", "SOHR"),  # hamza left off
        ("فرانس برس", "AFP"),
        ("Kurdistan 24", "Kurdistan24"),
    ],
)
def test_outlets_maps_aliases_to_one_name(written: str, canonical: str) -> None:
    assert outlets().canonical(written) == canonical
    assert outlets().normalise(written) == canonical


@pytest.mark.parametrize("written", ["Qamishlo Daily  Post", "صحيفة  جديدة"])
def test_outlets_keeps_an_unknown_name_as_written(written: str) -> None:
    assert outlets().canonical(written) is None
    assert outlets().normalise(written) == " ".join(written.split())


@pytest.mark.parametrize(
    ("suffix", "outlet"),
    [("ANHA | HAWARNEWS", "ANHA"), ("هاوار | ANHA", "ANHA"), ("Some Paper | Home", "Some Paper")],
)
def test_outlets_from_a_title_suffix(suffix: str, outlet: str) -> None:
    assert outlets().from_suffix(suffix) == outlet


@pytest.mark.parametrize(
    ("words", "found"),
    [
        (["نورث", "برس", "أكد"], ("North Press", 2)),
        (["North", "Press", "said"], ("North Press", 2)),
    ],
)
def test_outlets_leading_words(words: list[str], found: tuple[str, int]) -> None:
    assert outlets().leading(words) == found


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://hawarnews.com/ar/haber/x.html", "ANHA"),
        ("https://english.aawsat.com/node/1", "Asharq Al-Awsat"),
        ("https://www.npasyria.com/en/75000/", "North Press"),
        ("https://example.org/", None),
        ("http://[bad", None),
    ],
)
def test_outlets_from_url(url: str, outlet: str | None) -> None:
    assert outlets().from_url(url) == outlet


def test_outlets_keys_ignore_case_punctuation_and_spelling() -> None:
    assert outlet_key("Al-Monitor") == outlet_key("al  monitor")
    assert outlet_key("إندبندنت عربية") == outlet_key("اندبندنت عربيه")


@pytest.mark.parametrize(
    ("written", "outlet"),
    [
        ("Copyright 2014", None),  # a "copyright" meta tag read as the site's name
        ("Hosted", None),  # hosted.ap.org's og:site_name
        ("© 2019 Foo Media. All rights reserved.", "Foo Media"),
        ("جميع الحقوق محفوظة © 2020 نورث برس", "North Press"),
        ("https://www.hawaiinewsnow.com", "hawaiinewsnow.com"),
        ("الرئيسية", None),
        ("The Hosted Times", "The Hosted Times"),  # a word of a real name stays
        ("Channel 4 News", "Channel 4 News"),
    ],
)
def test_outlets_names_no_one_for_notices_and_placeholders(
    written: str, outlet: str | None
) -> None:
    assert outlets().normalise(written) == outlet


@pytest.mark.parametrize(
    ("page", "outlet"),
    [
        # og:site_name "Hosted", title "... | Hosted", dateline "WASHINGTON (AP) —"
        ("a9eb5835b7615f028edb9a574", "AP"),
        # <meta name="copyright" content="Copyright 2014">, nothing else names the site
        ("8bbc8284e771f6896bdccf57f", None),
    ],
)
def test_outlets_of_real_pages_skip_what_names_no_publisher(
    shared_data: Path, page: str, outlet: str | None
) -> None:
    from marsad.ingest.sources import iter_inputs
    from marsad.pipeline import Pipeline
    from marsad.types import Article

    html = shared_data / "article_extraction" / "html"
    path = next(p for p in html.iterdir() if page in p.name)
    gz = tempfile.mkdtemp()
    plain = Path(gz) / path.name.removesuffix(".gz")
    plain.write_bytes(gzip.decompress(path.read_bytes()))
    (article,) = iter_inputs([str(plain)])
    assert isinstance(article, Article)
    for stage in Pipeline.from_names(["clean", "metadata"]).stages:
        stage(article)
    assert article.outlet == outlet
