"""Settings: defaults < config file < environment < flags, each value with its source."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from marsad import config
from marsad.config import ConfigError


def test_config_later_sources_win(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('db = "team.db"\nworkers = 2\nbatch_size = 50\n')
    env = {"MARSAD_HOME": str(tmp_path), "MARSAD_WORKERS": "3"}
    settings = config.load({"workers": None, "batch_size": 10}, env=env)
    assert (settings.db, settings.workers, settings.batch_size) == ("team.db", 3, 10)
    assert settings.home == tmp_path
    where = {name: source for name, _, source in settings.shown()}
    assert where == {"db": str(tmp_path / "config.toml"), "home": "$MARSAD_HOME",
                     "workers": "$MARSAD_WORKERS", "batch_size": "--batch-size"}  # fmt: skip


def test_config_defaults_without_file_or_environment(tmp_path: Path) -> None:
    settings = config.load(env={"MARSAD_HOME": str(tmp_path)})
    assert (settings.db, settings.workers, settings.batch_size) == ("marsad.db", None, 200)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("workers = 0\n", "whole number of 1 or more"),
        ('batch_size = "many"\n', "whole number of 1 or more"),
        ("colour = 1\n", "unknown setting"),
        ("home = '/x'\n", "unknown setting"),
        ("db = \n", "not valid TOML"),
    ],
)
def test_config_bad_file_says_what_to_fix(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "config.toml").write_text(text)
    with pytest.raises(ConfigError, match=message):
        config.load(env={"MARSAD_HOME": str(tmp_path)})


def test_config_command_shows_values_and_hides_passwords(tmp_path: Path) -> None:
    path = tmp_path / "marsad.toml"
    path.write_text('db = "postgresql://analyst:secret@db.example.org/marsad"\n')
    done = subprocess.run(
        [sys.executable, "-m", "marsad", "config"],
        capture_output=True, text=True, check=True, timeout=120,
        env={**os.environ, "MARSAD_CONFIG": str(path), "MARSAD_HOME": str(tmp_path),
             "MARSAD_DB": ""},
    )  # fmt: skip
    assert "postgresql://analyst:***@db.example.org/marsad" in done.stdout
    assert "secret" not in done.stdout and str(path) in done.stdout
