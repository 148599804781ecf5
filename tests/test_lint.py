"""``sqaudit rubric lint``: each rule as data (a rubric that triggers it, at the right place, and
its fix), noqa comments, output formats, exit codes, and the built-in rubrics."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import invoke

from sqaudit.lint import RULES, Finding, lint_ref
from sqaudit.rubric.loader import builtin_names

HEAD = "id: t\ntitle: Test\nlanguages: [en]\n"


def criterion(cid: str = "GRT-01", *, kind: str = "phrase", phrases: str = '["good morning", "hello"]',
              extra: str = "", say: str = '    say_instead: "Good morning, how can I help?"\n',
              examples: str = '      pass: ["Agent: Good morning."]\n      fail: ["Agent: What do you want?"]\n',
              dimension: str = "assurance", points: str = "2") -> str:
    return (f"  - id: {cid}\n    dimension: {dimension}\n    title: Greets\n    kind: {kind}\n    points: {points}\n"
            f"{extra}    phrases:\n      en: {phrases}\n{say}    examples:\n{examples}")


CLEAN = HEAD + "criteria:\n" + criterion()
CMP = criterion("CMP-00", kind="complaint", points="0", dimension="empathy", phrases='["unacceptable"]', say="",
                examples="      pass: []\n")
FIVE = "dimensions: {reliability: 1, assurance: 1, tangibles: 0, empathy: 0, responsiveness: 0}\n"

# code, rubric that triggers it, the token the finding points at, the fixed rubric
CASES = {
    "L001-all-zero": ("L001", HEAD + "criteria:\n" + criterion(points="0"), "criteria:",
                      CLEAN),
    "L001-weight": ("L001", HEAD + FIVE + "criteria:\n" + criterion()
                    + criterion("REL-01", dimension="reliability", points="0", phrases='["i will"]'),
                    "reliability: 1", HEAD + FIVE + "criteria:\n" + criterion()
                    + criterion("REL-01", dimension="reliability", phrases='["i will"]')),
    "L002-applies": ("L002", HEAD + "criteria:\n" + criterion(
        kind="prohibited", extra="    critical: fail_contact\n    applies_when: {channel: [call]}\n"),
        "applies_when:", HEAD + "criteria:\n" + criterion(kind="prohibited", extra="    critical: fail_contact\n")),
    "L002-na-pass": ("L002", HEAD + "criteria:\n" + criterion(
        kind="prohibited", extra="    critical: fail_contact\n    na_policy: pass\n"),
        "pass\n", HEAD + "criteria:\n" + criterion(kind="prohibited", extra="    critical: fail_contact\n")),
    "L003": ("L003", CLEAN + criterion("GRT-02", phrases='["hello there", "Hello"]'), '"Hello"',
             CLEAN + criterion("GRT-02", phrases='["hello there"]')),
    "L004": ("L004", CLEAN + criterion("NRD-01", kind="prohibited", phrases='["whatever", "HELLO"]'), '"HELLO"',
             CLEAN + criterion("NRD-01", kind="prohibited", phrases='["whatever"]')),
    "L005": ("L005", CLEAN.replace("[en]", "[en, zh]"), "phrases:",
             CLEAN.replace("[en]", "[en, zh]").replace('      en: ["good', '      zh: ["早上好"]\n      en: ["good')),
    "L006": ("L006", HEAD + FIVE.replace("empathy: 0", "empathy: 1") + "criteria:\n" + criterion(),
             "reliability: 1",
             HEAD + FIVE.replace("reliability: 1", "reliability: 0") + "criteria:\n" + criterion()),
    "L007": ("L007", CLEAN.replace('      fail: ["Agent: What do you want?"]\n', ""), "examples:", CLEAN),
    "L009-stem": ("L009", CLEAN.replace('"hello"', '"hi*"'), '"hi*"', CLEAN.replace('"hello"', '"hiya*"')),
    "L009-zh": ("L009", CLEAN.replace('"hello"]', '"hello"]\n      zh: ["嗨"]'), '"嗨"',
                CLEAN.replace('"hello"]', '"hello"]\n      zh: ["你好"]')),
    "L010-missing": ("L010", CLEAN.replace('    say_instead: "Good morning, how can I help?"\n', ""), "id: GRT-01",
                     CLEAN),
    "L010-language": ("L010", CLEAN.replace("[en]", "[en, zh]").replace('"hello"]', '"hello"]\n      zh: ["你好"]')
                      .replace('say_instead: "Good', 'say_instead:\n      en: "Good'), "say_instead:",
                      CLEAN.replace("[en]", "[en, zh]").replace('"hello"]', '"hello"]\n      zh: ["你好"]')),
}


def lint_text(tmp_path: Path, text: str, name: str = "r.yml") -> list[Finding]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return lint_ref(str(path))


def place(text: str, token: str) -> tuple[int, int]:
    index = text.index(token)
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def test_the_clean_rubric_has_no_findings(tmp_path: Path) -> None:
    assert lint_text(tmp_path, CLEAN) == []


@pytest.mark.parametrize("name", sorted(CASES))
def test_rule_triggers_at_its_place_and_the_fix_clears_it(tmp_path: Path, name: str) -> None:
    code, bad, token, fixed = CASES[name]
    found = [f for f in lint_text(tmp_path, bad) if f.code == code]
    assert found, f"{name}: expected {code}"
    assert (found[0].line, found[0].col) == place(bad, token), str(found[0])
    assert found[0].severity == RULES[code].severity
    assert found[0].hint
    assert [str(f) for f in lint_text(tmp_path, fixed) if f.code == code] == []


def test_critical_for_complaints_without_a_detector_is_an_error(tmp_path: Path) -> None:
    extra = "    critical: fail_contact\n    applies_when: {complaint_only: true}\n"
    bad = HEAD + "criteria:\n" + criterion(kind="prohibited", extra=extra)
    [finding] = [f for f in lint_text(tmp_path, bad) if f.code == "L002"]
    assert finding.severity == "error" and (finding.line, finding.col) == place(bad, "true}")
    fixed = HEAD + "criteria:\n" + CMP + criterion(kind="prohibited", extra=extra)
    with_detector = [f for f in lint_text(tmp_path, fixed) if f.code == "L002"]
    assert [f.severity for f in with_detector] == ["warning"]


def test_phrases_for_different_speakers_or_windows_are_not_duplicates(tmp_path: Path) -> None:
    customer = criterion("OUT-01", phrases='["hello"]', extra="    options: {speaker: customer}\n")
    closing = criterion("CLS-01", phrases='["hello"]', extra="    options: {last: 1}\n")
    opening = CLEAN.replace("    points: 2\n", "    points: 2\n    options: {first: 1}\n", 1)
    assert lint_text(tmp_path, CLEAN + customer) == []
    assert lint_text(tmp_path, opening + closing) == []
    punished = criterion("NRD-01", kind="prohibited", phrases='["hello"]', extra="    options: {speaker: customer}\n")
    assert lint_text(tmp_path, CLEAN + punished) == []


def test_missing_dimensions_count_only_when_the_rubric_covers_servqual(tmp_path: Path) -> None:
    three = CLEAN + criterion("EMP-01", dimension="empathy", phrases='["i understand"]') + criterion(
        "REL-01", dimension="reliability", phrases='["i will"]')
    assert sorted(f.message.split("'")[1] for f in lint_text(tmp_path, three) if f.code == "L006") == [
        "responsiveness", "tangibles"]
    two = CLEAN + criterion("EMP-01", dimension="empathy", phrases='["i understand"]')
    assert [f for f in lint_text(tmp_path, two) if f.code == "L006"] == []


def test_inherited_criteria_point_at_extends(tmp_path: Path) -> None:
    write(tmp_path, CLEAN.replace('"hello"', '"hi*"'), "base.yml")
    child = "id: child\ntitle: Child\nextends: base.yml\ncriteria:\n" + criterion("GRT-02", phrases='["welcome"]')
    [finding] = lint_text(tmp_path, child, "child.yml")
    assert (finding.code, finding.line, finding.path.endswith("child.yml")) == ("L009", 3, True)


def test_noqa_silences_its_line_only(tmp_path: Path) -> None:
    bad = CLEAN.replace('"hello"]', '"hi*"]')
    assert [f.code for f in lint_text(tmp_path, bad)] == ["L009"]
    assert lint_text(tmp_path, bad.replace('"hi*"]', '"hi*"]  # sqaudit: noqa L009')) == []
    assert lint_text(tmp_path, bad.replace('"hi*"]', '"hi*"]  # sqaudit: noqa')) == []
    assert lint_text(tmp_path, bad.replace('"hi*"]', '"hi*"]  # sqaudit: noqa L003, L004')) != []
    assert lint_text(tmp_path, bad.replace("title: Greets", "title: Greets  # sqaudit: noqa")) != []


def test_every_rule_is_documented_under_its_code() -> None:
    assert list(RULES) == sorted(RULES)
    for code, rule in RULES.items():
        assert rule.doc.startswith(f"{code} ({rule.severity}"), code
        assert rule.severity in ("error", "warning")


@pytest.mark.parametrize("name", builtin_names())
def test_builtin_rubrics_lint_without_errors(name: str) -> None:
    assert [str(f) for f in lint_ref(name) if f.severity == "error"] == []


def test_builtin_rubric_directory_exits_0() -> None:
    result = invoke("rubric", "lint", str(Path(__file__).resolve().parents[1] / "rubrics"))
    assert result.exit_code == 0, result.stderr
    assert "0 error(s)" in result.stderr


def write(tmp_path: Path, text: str, name: str = "r.yml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_text_format_and_exit_codes(tmp_path: Path) -> None:
    error = write(tmp_path, CASES["L004"][1], "error.yml")
    warning = write(tmp_path, CASES["L007"][1], "warning.yml")
    result = invoke("rubric", "lint", error)
    assert result.exit_code == 1
    line, col = place(CASES["L004"][1], '"HELLO"')
    assert result.stdout.startswith(f"{error}:{line}:{col}: L004 phrase 'HELLO' is prohibited by NRD-01")
    assert "(hint: remove it from NRD-01 or from GRT-01)" in result.stdout
    assert "1 error(s), 0 warning(s)" in result.stderr
    assert invoke("rubric", "lint", warning).exit_code == 0
    assert invoke("rubric", "lint", warning, "--strict").exit_code == 1
    assert invoke("rubric", "lint", write(tmp_path, CLEAN, "clean.yml"), "--strict").exit_code == 0


def test_a_directory_is_walked(tmp_path: Path) -> None:
    write(tmp_path, CASES["L004"][1], "a.yaml")
    write(tmp_path, CLEAN, "b.yml")
    (tmp_path / "notes.txt").write_text("not a rubric", encoding="utf-8")
    result = invoke("rubric", "lint", str(tmp_path))
    assert result.exit_code == 1 and result.stdout.count("L004") == 1


def test_github_format(tmp_path: Path) -> None:
    path = write(tmp_path, CASES["L004"][1] + criterion("GRT-09", phrases='["hi*"]'))
    result = invoke("rubric", "lint", path, "-f", "github")
    lines = result.stdout.splitlines()
    line, col = place(CASES["L004"][1], '"HELLO"')
    assert lines[0] == (f"::error file={path},line={line},col={col},title=L004::phrase 'HELLO' is "
                        "prohibited by NRD-01 but rewarded by GRT-01 (hint: remove it from NRD-01 or from GRT-01)")
    assert any(x.startswith("::warning ") and "title=L009::" in x for x in lines)
    assert result.exit_code == 1


def test_json_format(tmp_path: Path) -> None:
    result = invoke("rubric", "lint", write(tmp_path, CASES["L009-stem"][1]), "-f", "json")
    document = json.loads(result.stdout)
    assert document["errors"] == 0 and document["warnings"] == 1
    [finding] = document["findings"]
    assert finding["code"] == "L009" and finding["severity"] == "warning"
    assert (finding["line"], finding["col"]) == place(CASES["L009-stem"][1], '"hi*"')
    assert finding["key_path"] == "criteria[0].phrases.en[1]"
    assert result.exit_code == 0


def test_a_rubric_that_does_not_load_exits_2(tmp_path: Path) -> None:
    broken = write(tmp_path, CLEAN.replace("kind: phrase", "kind: phrse"), "broken.yml")
    result = invoke("rubric", "lint", broken, write(tmp_path, CASES["L004"][1], "error.yml"))
    assert result.exit_code == 2
    assert "unknown kind 'phrse'" in result.stderr and "rubric refused" in result.stderr
    assert result.stdout == ""


def test_a_regex_that_re2_cannot_compile_is_refused_by_the_schema(tmp_path: Path) -> None:
    """L008 is not a lint rule: the rubric loader already refuses the pattern (exit 2)."""
    regex = ("  - id: TAN-01\n    dimension: tangibles\n    title: Reference\n    kind: regex\n"
             "    options: {pattern: '(?<=ticket) \\d+'}\n")
    result = invoke("rubric", "lint", write(tmp_path, CLEAN + regex))
    assert result.exit_code == 2 and "does not compile under RE2" in result.stderr
    assert "L008" not in RULES
