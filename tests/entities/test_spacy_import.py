"""spaCy is imported without torch (start-up), and torch still works after it."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds"

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("torch") is None, reason="torch is not installed: nothing to hide"
)

_RUN = """
import sys
from click.testing import CliRunner
from marsad.cli.main import cli
result = CliRunner().invoke(cli, ["extract", sys.argv[1]])
assert result.exit_code == 0, result.output
assert '"entities"' in result.output or '"mentions"' in result.output, result.output[:500]
print("thinc" in sys.modules, "torch" in sys.modules)
import torch  # the transformer backend can still import it after spaCy
print(torch.tensor([1.0]).sum().item())
"""


def test_spacy_import_extract_runs_ner_without_importing_torch() -> None:
    seed = sorted(p for p in SEED.iterdir() if p.is_file())[0]
    out = subprocess.run(
        [sys.executable, "-c", _RUN, str(seed)], capture_output=True, text=True, timeout=600
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split("\n")[:2] == ["True False", "1.0"]
