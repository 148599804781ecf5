"""A bad rubric is refused whole, every problem listed as file:line:col, before any input is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from sqaudit.errors import RubricError
from sqaudit.rubric.loader import builtin_names, load_rubric

HEAD = "id: t\ntitle: Test\n"
GOOD_CRITERION = """  - id: EMP-01
    dimension: empathy
    title: Apologises
    kind: phrase
    phrases: {en: ["sorry"], zh: ["抱歉"]}
"""


def refuse(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "r.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RubricError) as caught:
        load_rubric(path)
    return [str(p) for p in caught.value.problems]


def test_three_mistakes_give_three_located_problems(tmp_path: Path) -> None:
    text = HEAD + """criteria:
  - id: EMP-01
    dimension: empathy
    title: Acknowledges feelings
    kind: phrase
    wieght: 3
    phrases: {en: ["i understand"]}
  - id: EMP-02
    dimension: empathyy
    title: Apologises
    kind: phrase
    phrases: {en: ["sorry"]}
  - id: RES-01
    dimension: responsiveness
    title: Fast
    kind: timing
    options: {metric: first_respons, max: 10s}
"""
    problems = refuse(tmp_path, text)
    assert len(problems) == 3, problems
    path = str(tmp_path / "r.yml")
    assert problems[0].startswith(f"{path}:8:5: criteria[0].wieght: unknown key 'wieght'")
    assert "did you mean 'points'" in problems[0]
    assert problems[1].startswith(f"{path}:11:16: criteria[1].dimension: 'empathyy'")
    assert "did you mean 'empathy'?" in problems[1]
    assert problems[2].startswith(f"{path}:19:23: criteria[2].options.metric:")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param("criteria:\n" + GOOD_CRITERION + "    title: again\n", "duplicate key 'title' (first defined at line 6)",
                     id="duplicate-key"),
        pytest.param("criteria:\n" + GOOD_CRITERION.replace('title: Apologises', 'title: no'),
                     "criteria[0].title: 'no' here is a YAML 1.1 boolean", id="yaml11-boolean-no"),
        pytest.param("criteria:\n" + GOOD_CRITERION.replace('["sorry"]', '[on]'),
                     "criteria[0].phrases.en[0]: 'on' here is a YAML 1.1 boolean", id="yaml11-boolean-on"),
        pytest.param("criteria:\n" + GOOD_CRITERION.replace("kind: phrase", "kind: phrse"),
                     "unknown kind 'phrse' (did you mean 'phrase'?)", id="unknown-kind"),
        pytest.param("criteria:\n" + GOOD_CRITERION + GOOD_CRITERION, "duplicate criterion id 'EMP-01'",
                     id="duplicate-id"),
        pytest.param("criteria:\n" + GOOD_CRITERION.replace("    phrases: {en: [\"sorry\"], zh: [\"抱歉\"]}\n", ""),
                     "kind 'phrase' needs 'phrases'", id="phrases-missing"),
        pytest.param("criteria:\n" + GOOD_CRITERION + "    critical: fail_section\n",
                     "fail_section needs the criterion to name its 'section'", id="fail-section-without-section"),
        pytest.param("criteria:\n" + GOOD_CRITERION + "    na_policy: skip\n", "'skip' is not one of exclude, pass, fail",
                     id="bad-na-policy"),
        pytest.param("criteria:\n" + GOOD_CRITERION + "    examples: {pass: ['hello there']}\n",
                     "example does not parse", id="example-not-a-transcript"),
        pytest.param("criteria:\n" + GOOD_CRITERION.replace("kind: phrase", "kind: regex\n    options: {pattern: '(a)\\1'}")
                     .replace("    phrases: {en: [\"sorry\"], zh: [\"抱歉\"]}\n", ""),
                     "does not compile under RE2", id="regex-not-re2"),
        pytest.param("dimensions: {empathy: {wieght: 2}}\ncriteria:\n" + GOOD_CRITERION,
                     "did you mean 'weight'?", id="dimension-weight-typo"),
        pytest.param("dimensions: {kindness: {weight: 2}}\ncriteria:\n" + GOOD_CRITERION,
                     "unknown dimension 'kindness'", id="unknown-dimension"),
        pytest.param("criteria: [\n", "YAML syntax error", id="syntax-error"),
        pytest.param("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                     "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                     "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
                     "criteria: [*f]\n", "alias bomb", id="billion-laughs"),
        pytest.param("criteria:\n" + GOOD_CRITERION.replace("kind: phrase", "kind: complaint") + "    na_policy: pass\n",
                     "a complaint detector takes no 'na_policy'", id="detector-with-na-policy"),
        pytest.param("overrides: {EMP-01: {points: 2}}\ncriteria:\n" + GOOD_CRITERION, "'overrides' needs 'extends'",
                     id="overrides-without-extends"),
    ],
)
def test_problem_is_reported(tmp_path: Path, body: str, expected: str) -> None:
    problems = refuse(tmp_path, HEAD + body)
    assert any(expected in p for p in problems), problems
    assert all(p.startswith(str(tmp_path / "r.yml") + ":") for p in problems)


def test_unknown_rubric_name_suggests_builtin() -> None:
    with pytest.raises(RubricError) as caught:
        load_rubric("servqaul")
    assert "did you mean 'servqual'?" in str(caught.value)


def test_extends_and_overrides(tmp_path: Path) -> None:
    base = load_rubric("servqual")
    first, second = [c for c in base.criteria if c.points > 0][:2]
    path = tmp_path / "team.yml"
    path.write_text(f"""extends: servqual
id: team-servqual
version: "7"
title: Our standard
overrides:
  {first.id}: {{points: 9}}
  {second.id}: {{enabled: false}}
criteria:
  - id: OUR-01
    dimension: empathy
    title: Uses our sign-off
    kind: phrase
    phrases: {{en: ["northwind cares"]}}
""", encoding="utf-8")
    rubric = load_rubric(path)
    ids = [c.id for c in rubric.criteria]
    assert rubric.id == "team-servqual" and rubric.version == "7"
    assert rubric.criterion(first.id).points == 9  # type: ignore[union-attr]
    assert second.id not in ids and ids[-1] == "OUR-01"
    assert len(ids) == len(base.criteria)
    assert rubric.sha256 != base.sha256


def test_override_of_unknown_criterion_is_located(tmp_path: Path) -> None:
    problems = refuse(tmp_path, "extends: servqual\nid: x\ntitle: X\noverrides:\n  NOPE-99: {points: 1}\n")
    assert any(":5:3: overrides.NOPE-99: no criterion 'NOPE-99' to override" in p for p in problems), problems


@pytest.mark.parametrize("name", builtin_names())
def test_builtin_rubrics_load(name: str) -> None:
    rubric = load_rubric(name)
    assert rubric.id == name and rubric.criteria and len(rubric.sha256) == 64
