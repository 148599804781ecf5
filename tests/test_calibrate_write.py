"""Writing a calibrated rubric: only points (and version) change, comments and order stay, it loads and lints."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from sqaudit.calibrate.pipeline import bump_version
from sqaudit.calibrate.write import refuse_same_file, rubric_source, tuned_text
from sqaudit.errors import UsageError
from sqaudit.lint import lint_ref
from sqaudit.rubric.loader import load_rubric

BASE = """\
# Base rubric: a comment that must survive.
id: base
version: "2.3"
title: Base
languages: [en]
criteria:
  - id: GRT   # greeting
    dimension: assurance
    title: Greets
    kind: phrase
    points: 1
    phrases: {en: ["hello there"]}
  - {id: FIX, dimension: reliability, title: Fixes it, kind: phrase, points: 1, phrases: {en: ["it is fixed"]}}
  - {id: APO, dimension: empathy, title: Apologises, kind: phrase, phrases: {en: ["so sorry"]}}
  - id: BYE
    dimension: responsiveness
    title: Says goodbye
    kind: phrase
    phrases:
      en: ["have a nice day"]
"""


def changed_lines(old: str, new: str) -> list[str]:
    return [line for line in difflib.ndiff(old.splitlines(), new.splitlines()) if line[:1] in "+-"]


def points_of(path: Path) -> dict[str, float]:
    return {c.id: c.points for c in load_rubric(path).criteria}


def test_file_rubric_changes_only_points_version_and_header(tmp_path: Path) -> None:
    new = tuned_text(BASE, "base.yml", {"GRT": 2.5, "FIX": 0, "APO": 3.25, "BYE": 0.4}, "2.4",
                     ["Calibrated by a test", "second\nline"])
    out = tmp_path / "tuned.yml"
    out.write_text(new, encoding="utf-8")
    assert points_of(out) == {"GRT": 2.5, "FIX": 0, "APO": 3.25, "BYE": 0.4}
    assert load_rubric(out).version == "2.4"
    assert new.startswith("# Calibrated by a test\n# second line\n#\n# Base rubric: a comment that must survive.\n")
    body = new.split("#\n", 1)[1]
    diff = [line[2:].strip() for line in changed_lines(BASE, body)]
    assert diff == ['version: "2.3"', 'version: "2.4"', "points: 1", "points: 2.5",
                    ("- {id: FIX, dimension: reliability, title: Fixes it, kind: phrase, points: 1, "
                     'phrases: {en: ["it is fixed"]}}'),
                    ("- {id: FIX, dimension: reliability, title: Fixes it, kind: phrase, points: 0, "
                     'phrases: {en: ["it is fixed"]}}'),
                    '- {id: APO, dimension: empathy, title: Apologises, kind: phrase, phrases: {en: ["so sorry"]}}',
                    ("- {id: APO, dimension: empathy, title: Apologises, points: 3.25, kind: phrase, "
                     'phrases: {en: ["so sorry"]}}'),
                    "points: 0.4"]


@pytest.mark.parametrize("overrides", [
    "",  # no overrides at all: a new mapping at the end
    "overrides:\n  GRT: {points: 3}\n",  # flow entry with points
    "overrides:\n  GRT:\n    add_phrases: {en: [hiya]}\n",  # block entry without points
    "overrides: {}\n",  # empty flow mapping
])
def test_extends_writes_overrides_and_fixes_the_relative_path(tmp_path: Path, overrides: str) -> None:
    (tmp_path / "base").mkdir()
    (tmp_path / "team").mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "base" / "base.yml").write_text(BASE, encoding="utf-8")
    child = tmp_path / "team" / "child.yml"
    child.write_text("# our team's rubric\nextends: ../base/base.yml\n" + overrides + "criteria:\n"
                     "  - {id: OWN, dimension: assurance, title: Owns it, kind: phrase, phrases: {en: [i will]}}\n",
                     encoding="utf-8")
    original = load_rubric(child)
    text, source = rubric_source(str(child))
    new = tuned_text(text, str(child), {"GRT": 1.75, "BYE": 0.5, "OWN": 2}, bump_version(original.version), ["x"],
                     source.parent, tmp_path / "out")
    out = tmp_path / "out" / "child.yml"
    out.write_text(new, encoding="utf-8")
    tuned = load_rubric(out)
    assert {c.id: c.points for c in tuned.criteria} == {"GRT": 1.75, "FIX": 1, "APO": 1, "BYE": 0.5, "OWN": 2}
    assert tuned.version == "2.4"
    assert "# our team's rubric" in new and 'extends: "../base/base.yml"' in new
    if "add_phrases" in overrides:
        assert "hiya" in tuned.criterion("GRT").phrases["en"]


def test_builtin_rubric_is_copied_edited_and_still_lints(tmp_path: Path) -> None:
    text, source = rubric_source("servqual")
    rubric = load_rubric("servqual")
    scored = [c for c in rubric.criteria if c.kind != "complaint"]
    points = {c.id: round(c.points * 1.5 + 0.25, 2) for c in scored[:6]}
    out = tmp_path / "servqual-tuned.yml"
    out.write_text(tuned_text(text, rubric.source, points, bump_version(rubric.version), ["calibrated"],
                              source.parent, tmp_path), encoding="utf-8")
    tuned = load_rubric(out)
    assert all(tuned.criterion(cid).points == p for cid, p in points.items())
    assert [c.id for c in tuned.criteria] == [c.id for c in rubric.criteria]
    assert tuned.dimension_weights == rubric.dimension_weights
    written = out.read_text(encoding="utf-8")
    assert len(changed_lines(text, written)) == 2 * (len(points) + 1) + 2  # points, version; header lines added
    errors = [f for f in lint_ref(str(out)) if f.severity == "error"]
    assert errors == []


def test_never_overwrites_the_rubric_it_calibrates(tmp_path: Path) -> None:
    path = tmp_path / "r.yml"
    path.write_text(BASE, encoding="utf-8")
    with pytest.raises(UsageError, match="is the rubric being calibrated"):
        refuse_same_file(tmp_path / "." / "r.yml", path)
    refuse_same_file(tmp_path / "other.yml", path)


@pytest.mark.parametrize("old, new", [("1.0", "1.1"), ("3", "4"), ("2024.1-qa", "2024.2-qa"), ("draft", "draft.1")])
def test_bump_version(old: str, new: str) -> None:
    assert bump_version(old) == new
