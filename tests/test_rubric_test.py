"""``sqaudit rubric test``: examples and golden transcripts, reported like a test run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import compiled, invoke

from sqaudit.rubric.testing import example_cases, golden_cases

REPO = Path(__file__).resolve().parents[1]
CALLS = REPO / "examples" / "calls"
GOOD, CARD = "c-1001_double_charge.txt", "c-1102_card_payment_full_pan.txt"
EXPECTED = """rubric: servqual
c-1001:
  criteria: {APO-01: pass, PII-01: pass, INT-01: na}
  score: [95, 100]
  passed: true
c-1102:
  criteria: {PII-01: fail}
  score: 0
  passed: false
"""
# the apology criterion with "sorry" quietly dropped from its English phrases
NO_SORRY = """extends: servqual
id: servqual
version: "1.1"
title: SERVQUAL without sorry
overrides:
  APO-01: {phrases: {en: ["i apologise", "my apologies"], zh: ["抱歉", "对不起"]}}
"""


@pytest.fixture
def golden(tmp_path: Path) -> Path:
    directory = tmp_path / "golden"
    directory.mkdir()
    for name in (GOOD, CARD):
        shutil.copy(CALLS / name, directory / name)
    (directory / "expected.yml").write_text(EXPECTED, encoding="utf-8")
    return directory


def test_every_builtin_example_passes() -> None:
    result = invoke("rubric", "test", str(REPO / "rubrics"))
    assert result.exit_code == 0, result.stdout
    assert "0 failed" in result.stderr and result.stdout == ""


def test_golden_set_passes_and_counts_each_expectation(golden: Path) -> None:
    cases = list(golden_cases(compiled("servqual"), golden))
    assert len(cases) == 3 + 1 + 1 + 1 + 1 + 1 and all(c.ok for c in cases)
    result = invoke("rubric", "test", "servqual", "--golden", str(golden), "-v")
    assert result.exit_code == 0 and "ok   servqual" in result.stdout


def test_golden_set_for_another_rubric_is_skipped(golden: Path) -> None:
    assert list(golden_cases(compiled("complaint-handling"), golden)) == []


def test_dropping_an_apology_phrase_is_caught(golden: Path, tmp_path: Path) -> None:
    (tmp_path / "v2.yml").write_text(NO_SORRY, encoding="utf-8")
    result = invoke("rubric", "test", str(tmp_path / "v2.yml"), "--golden", str(golden))
    assert result.exit_code == 1
    assert "FAIL servqual examples :: APO-01 pass" in result.stdout
    assert "expected pass, got fail" in result.stdout and "v2.yml:" in result.stdout


@pytest.mark.parametrize(("expected", "needle"), [
    ("c-9999: {passed: true}\n", "c-9999: expected scored, got missing"),
    ("c-1001: {criteria: {APO-1: pass}}\n", "did you mean 'APO-01'"),
    ("c-1001: {criteria: {APO-01: maybe}}\n", "got 'maybe'"),
    ("c-1001: {score: [0, 10]}\n", "c-1001 score: expected 0–10, got 100.00"),
    ("c-1001: {passed: false}\n", "c-1001 passed: expected false, got true"),
])
def test_wrong_expectations_fail_with_a_reason(golden: Path, expected: str, needle: str) -> None:
    (golden / "expected.yml").write_text(expected, encoding="utf-8")
    result = invoke("rubric", "test", "servqual", "--golden", str(golden))
    assert result.exit_code == 1 and needle in result.stdout, result.stdout


def test_broken_expected_file_is_a_usage_error(golden: Path) -> None:
    (golden / "expected.yml").write_text("c-1001: [unclosed\n", encoding="utf-8")
    result = invoke("rubric", "test", "servqual", "--golden", str(golden))
    assert result.exit_code == 2 and "expected.yml:" in result.stderr


def test_detector_fail_examples_mean_not_detected() -> None:
    cases = [c for c in example_cases(compiled("servqual")) if c.name.startswith("CMP-00 fail")]
    assert cases and all(c.ok and c.actual == "fail" for c in cases)


def test_junit_output_has_a_failure_per_failed_case(golden: Path, tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    (tmp_path / "v2.yml").write_text(NO_SORRY, encoding="utf-8")
    report = tmp_path / "junit.xml"
    result = invoke("rubric", "test", str(tmp_path / "v2.yml"), "--golden", str(golden), "--junit", str(report))
    root = ET.parse(report).getroot()
    failures = root.findall(".//failure")
    assert result.exit_code == 1 and failures
    assert len(failures) == result.stdout.count("FAIL ")
    assert int(root.get("tests")) == len(root.findall(".//testcase"))
