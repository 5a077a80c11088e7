"""User files: they override, extend and merge into the shipped KB, and survive in MARSAD_HOME."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.errors import DataFileError
from marsad.kb import KBEntry, add_user_entry, load_kb, user_kb_dir

USER_FILE = """\
- id: Q858
  type: GPE
  kind: country
  names:
    en: [Syrian Arab Republic (user)]
    ar: [سوريا]
- id: user:org/example-council
  type: ORG
  kind: civil_council
  names:
    en: [Example Civil Council]
    ar: [مجلس المثال المدني]
  part_of: [marsad:org/aanes]
- id: marsad:place/qamishli
  merge: true
  names:
    en: [Qamichli-sur-Jaghjagh]
    ar: [قامشلو الجديدة]
"""


def _write_user_file(home: Path, text: str, name: str = "mine.yaml") -> Path:
    path = home / "kb" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_kb_user_dir_follows_marsad_home(marsad_home: Path) -> None:
    assert user_kb_dir() == marsad_home / "kb"


def test_kb_user_dir_defaults_to_dot_marsad(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MARSAD_HOME", raising=False)
    assert user_kb_dir() == Path("~/.marsad/kb").expanduser()


@pytest.mark.parametrize(("lang", "name"), [("en", "Syrian Arab Republic (user)"), ("ar", "سوريا")])
def test_kb_user_entry_replaces_shipped_one(marsad_home: Path, lang: str, name: str) -> None:
    _write_user_file(marsad_home, USER_FILE)
    syria = load_kb().get("Q858")
    assert syria is not None
    assert syria.names[lang] == (name,)
    assert syria.origin.endswith("mine.yaml")


@pytest.mark.parametrize("surface", ["Example Civil Council", "مجلس المثال المدني"])
def test_kb_user_entry_extends_the_kb(marsad_home: Path, surface: str) -> None:
    _write_user_file(marsad_home, USER_FILE)
    kb = load_kb()
    assert [e.id for e in kb.lookup(surface)] == ["user:org/example-council"]
    assert len(kb) == len(load_kb(user_dir=marsad_home / "elsewhere")) + 1


@pytest.mark.parametrize(
    "surface", ["Qamichli-sur-Jaghjagh", "قامشلو الجديدة", "Qamishlo", "القامشلي"]
)
def test_kb_user_merge_adds_names_and_keeps_the_rest(marsad_home: Path, surface: str) -> None:
    _write_user_file(marsad_home, USER_FILE)
    kb = load_kb()
    assert [e.id for e in kb.lookup(surface)] == ["marsad:place/qamishli"]
    qamishli = kb.get("marsad:place/qamishli")
    assert qamishli is not None
    assert (qamishli.geonames_id, qamishli.type) == (173377, "GPE")


def test_kb_user_extra_paths_load_after_the_user_dir(marsad_home: Path, tmp_path: Path) -> None:
    _write_user_file(marsad_home, USER_FILE)
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "- id: Q858\n  type: GPE\n  names:\n    en: [Syria (extra)]\n    ar: [سوريا]\n",
        encoding="utf-8",
    )
    syria = load_kb([extra]).get("Q858")
    assert syria is not None and syria.label == "Syria (extra)"


def test_kb_user_files_never_touch_the_shipped_kb(marsad_home: Path) -> None:
    _write_user_file(marsad_home, USER_FILE)
    load_kb()
    syria = load_kb(user_dir=marsad_home / "elsewhere").get("Q858")
    assert syria is not None and syria.label == "Syria"


@pytest.mark.parametrize(
    ("names", "surface"),
    [({"en": ("Tell Baydar",)}, "Tal Baydar"), ({"ar": ("تل بيدر",)}, "تل بيدر")],
)
def test_kb_add_user_entry_appends_and_loads(
    marsad_home: Path, names: dict[str, tuple[str, ...]], surface: str
) -> None:
    entry = KBEntry(
        id="user:place/tal-baydar",
        type="GPE",
        kind="town",
        names=names,
        lat=36.63,
        lon=40.96,
        country="SY",
    )
    path = add_user_entry(entry)
    assert path == marsad_home / "kb" / "user.yaml"
    assert [e.id for e in load_kb().lookup(surface)] == ["user:place/tal-baydar"]


def test_kb_add_user_entry_keeps_what_the_file_had(marsad_home: Path) -> None:
    path = _write_user_file(marsad_home, "# my notes\n" + USER_FILE, name="user.yaml")
    add_user_entry(KBEntry(id="user:org/x", type="ORG", names={"en": ("X Brigade",)}))
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# my notes\n" + USER_FILE)
    kb = load_kb()
    assert "user:org/x" in kb and "user:org/example-council" in kb


def test_kb_add_user_entry_refuses_an_id_already_in_the_file(marsad_home: Path) -> None:
    path = _write_user_file(marsad_home, USER_FILE, name="user.yaml")
    with pytest.raises(DataFileError) as caught:
        add_user_entry(KBEntry(id="user:org/example-council", type="ORG", names={"en": ("Y",)}))
    assert caught.value.line == 7
    assert path.read_text(encoding="utf-8") == USER_FILE


def test_kb_add_user_entry_leaves_the_file_as_it_was_when_refused(marsad_home: Path) -> None:
    path = _write_user_file(marsad_home, USER_FILE, name="user.yaml")
    bad = KBEntry(id="user:org/bad", type="ORG", names={"en": ("Z",)}, lat=95.0, lon=10.0)
    with pytest.raises(DataFileError, match="lat"):
        add_user_entry(bad)
    assert path.read_text(encoding="utf-8") == USER_FILE


def test_kb_add_user_entry_rewrites_an_empty_flow_list(marsad_home: Path) -> None:
    path = _write_user_file(marsad_home, "[]\n", name="user.yaml")
    add_user_entry(KBEntry(id="user:org/y", type="ORG", names={"ar": ("لواء واي",)}))
    assert [e.id for e in load_kb().lookup("لواء واي")] == ["user:org/y"]
    assert "[]" not in path.read_text(encoding="utf-8")
