from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli.main import cli


@pytest.mark.parametrize(("query", "lang"), [("الادارة", "ar"), ("Qamishli", "ar"), ("ISIS", "en")])
def test_search_cli_json_lists_hits(seed_db: Path, query: str, lang: str) -> None:
    result = CliRunner().invoke(
        cli, ["search", query, "--db", str(seed_db), "--lang", lang, "--json"]
    )
    assert result.exit_code == 0, result.output
    page = json.loads(result.output)
    assert page["total"] >= 1
    assert {h["lang"] for h in page["hits"]} == {lang}
    assert all(h["snippet"]["highlights"] for h in page["hits"])


@pytest.mark.parametrize("query", ["قامشلو", "delegation"])
def test_search_cli_text_marks_matches(seed_db: Path, query: str) -> None:
    result = CliRunner().invoke(cli, ["search", query, "--db", str(seed_db)])
    assert result.exit_code == 0, result.output
    assert "article(s) match" in result.output
    assert "«" in result.output


@pytest.mark.parametrize("args", [["--since", "last week"], ["--limit", "0"]])
def test_search_cli_bad_filters_say_what_to_do(seed_db: Path, args: list[str]) -> None:
    result = CliRunner().invoke(cli, ["search", "ISIS", "--db", str(seed_db), *args])
    assert result.exit_code == 2
    assert "ISO date" in result.output or "0" in result.output


def test_search_cli_missing_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["search", "ISIS", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "marsad ingest" in result.output
