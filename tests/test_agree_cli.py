"""``sqaudit agree`` under CliRunner: stdout and stderr apart, exit codes 0 / 1 / 2, escaping."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.helpers import invoke

DATA = Path(__file__).parent / "data" / "agree"
CALLS = Path(__file__).resolve().parents[1] / "examples" / "calls"
FAST = ("--bootstrap", "300")


@pytest.fixture(scope="module")
def tool_json(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """sqaudit itself as a rater: ``sqaudit score examples/calls -f json``."""
    path = tmp_path_factory.mktemp("agree") / "sqaudit.json"
    result = invoke("score", str(CALLS), "-f", "json", "-o", str(path))
    assert result.exit_code in (0, 1), result.stderr
    return path


def test_two_review_sheets_table(tmp_path: Path) -> None:
    result = invoke("agree", str(DATA / "alice.csv"), str(DATA / "bob_zh.csv"), *FAST)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Agreement per criterion" in out and "Cohen's κ" in out and "EMP-01" in out
    assert "Strictness:" in out and "N/A excluded" in out
    assert "\x1b[" not in out  # no colour on a pipe
    assert "2 rater(s) read from 54 row(s): 0 row(s) skipped" in result.stderr
    assert "bob_zh.csv: read as gb18030 (detected)" in result.stderr
    assert "Agreement per criterion" not in result.stderr


def test_sqaudit_json_as_a_rater(tool_json: Path) -> None:
    result = invoke("agree", str(DATA / "alice.csv"), str(DATA / "bob_zh.csv"), str(tool_json), "-f", "json", *FAST)
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["document"] == "agreement" and doc["schema_version"] == 1
    kinds = {r["name"]: r["kind"] for r in doc["raters"]}
    assert kinds == {"alice": "review", "bob_zh": "review", "sqaudit": "sqaudit"}
    scored = json.loads(tool_json.read_text(encoding="utf-8"))
    tool_ids = {c["id"] for c in scored["contacts"]}
    tool_criteria = {x["id"] for c in scored["contacts"] for x in c["criteria"] if x["outcome"] != "error"}
    human = {"c-1001", "c-1002", "c-1101", "c-1102", "c-2001", "c-2002", "c-3001", "c-3101", "c-3201"}
    assert doc["coverage"]["shared_by_all"] == len(human & tool_ids) > 0
    for criterion in doc["criteria"]:  # three raters: Fleiss' κ; two: Cohen's
        expected = "fleiss_kappa" if len(criterion["raters"]) == 3 else "cohen_kappa"
        assert criterion["statistic"] == expected
        assert len(criterion["pairwise"]) == (3 if expected == "fleiss_kappa" else 0)
    assert doc["scores"]["raters"] == ["bob_zh", "sqaudit"]
    partial = {p["criterion"]: p["raters"] for p in doc["coverage"]["criteria_not_scored_by_all"]}
    assert partial.get("PII-01") == (["alice", "sqaudit"] if "PII-01" in tool_criteria else ["alice"])
    only_tool = tool_criteria - {"GRT-01", "EMP-01", "OWN-01", "CLS-01", "PII-01"}
    assert {c for c, who in partial.items() if who == ["sqaudit"]} == only_tool
    assert "scored with rubric servqual" in result.stderr


def test_min_kappa_gate_exits_1(tmp_path: Path) -> None:
    a = tmp_path / "a.csv"
    b = tmp_path / "b.csv"
    a.write_text("id,Q1,Q2\n1,pass,pass\n2,pass,fail\n3,fail,pass\n4,pass,pass\n", encoding="utf-8")
    b.write_text("id,Q1,Q2\n1,pass,pass\n2,fail,fail\n3,fail,pass\n4,pass,pass\n", encoding="utf-8")
    result = invoke("agree", str(a), str(b), "--min-kappa", "0.6", *FAST)  # Q1: κ = 0.5
    assert result.exit_code == 1
    assert "standard not met: Q1 κ = 0.50, needs 0.6" in result.stderr and "Q2" not in result.stderr
    assert "Agreement per criterion" in result.stdout  # the report is written all the same
    passed = invoke("agree", str(a), str(b), "--min-kappa", "0.5", *FAST)
    assert passed.exit_code == 0, passed.stderr


def test_bad_row_is_reported_and_the_rest_used() -> None:
    result = invoke("agree", str(DATA / "panel.csv"), "-f", "csv", *FAST)
    assert result.exit_code == 0, result.stderr
    assert "panel.csv:8: Q9: 'maybe' is not an outcome; row skipped" in result.stderr
    assert "1 row(s) skipped" in result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["section"] for r in rows} >= {"criterion", "pair", "rater", "verdict", "errors"}
    fleiss = [r for r in rows if r["measure"] == "fleiss_kappa"]
    assert [r["n"] for r in fleiss] == ["6", "6", "6", "6", "5"]  # Q5: two raters said N/A on c1
    assert fleiss[-1]["value"] == "" and "every rating was pass" in fleiss[-1]["note"]
    assert invoke("agree", str(DATA / "panel.csv"), "--strict", *FAST).exit_code == 2


def test_nothing_to_compare_exits_2(tmp_path: Path) -> None:
    one = invoke("agree", str(DATA / "alice.csv"))
    assert one.exit_code == 2 and "nothing to compare" in one.stderr and one.stdout == ""
    other = tmp_path / "other.csv"
    other.write_text("id,GRT-01\nx-1,pass\nx-2,fail\n", encoding="utf-8")
    disjoint = invoke("agree", str(DATA / "alice.csv"), str(other))
    assert disjoint.exit_code == 2 and "no contact id is rated by two raters" in disjoint.stderr


def test_unreadable_file_and_usage_errors_exit_2(tmp_path: Path) -> None:
    missing = invoke("agree", str(DATA / "alice.csv"), str(tmp_path / "nope.csv"))
    assert missing.exit_code == 2 and "nope.csv" in missing.stderr and "could not be read" in missing.stderr
    headless = tmp_path / "notes.csv"
    headless.write_text("who,what\nme,that\n", encoding="utf-8")
    bad = invoke("agree", str(DATA / "alice.csv"), str(headless))
    assert bad.exit_code == 2 and "no contact id column" in bad.stderr
    names = invoke("agree", str(DATA / "alice.csv"), str(DATA / "bob_zh.csv"), "--name", "only-one")
    assert names.exit_code == 2 and "--name" in names.stderr
    same = invoke("agree", str(DATA / "alice.csv"), str(DATA / "bob_zh.csv"), "--name", "x", "--name", "x")
    assert same.exit_code == 2 and "rater 'x'" in same.stderr
    assert invoke("agree", str(DATA / "alice.csv"), str(DATA / "bob_zh.csv"), "--min-kappa", "2").exit_code == 2


def test_rater_names_are_escaped_everywhere(tmp_path: Path) -> None:
    names = ("--name", "[bold]x[/bold]", "--name", "=HYPERLINK(\"http://e\")|*y*")
    files = (str(DATA / "alice.csv"), str(DATA / "bob_zh.csv"))
    table = invoke("agree", *files, *names, *FAST)
    assert table.exit_code == 0, table.stderr
    assert "[bold]x[/bold]" in table.stdout
    md = invoke("agree", *files, *names, "-f", "markdown", *FAST)
    assert "\\[bold\\]x\\[/bold\\]" in md.stdout and "\\|\\*y\\*" in md.stdout
    out = invoke("agree", *files, *names, "-f", "csv", *FAST)
    cells = [cell for row in csv.reader(io.StringIO(out.stdout)) for cell in row]
    assert not any(cell.startswith("=") for cell in cells)
    assert any(cell.startswith("'=HYPERLINK") for cell in cells)


def test_output_file_and_format_from_suffix(tmp_path: Path) -> None:
    target = tmp_path / "calibration.md"
    result = invoke("agree", str(DATA / "alice.csv"), str(DATA / "bob_zh.csv"), "-o", str(target), *FAST)
    assert result.exit_code == 0 and result.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("# Inter-rater agreement")
    assert f"wrote {target}" in result.stderr


def test_same_seed_same_bytes() -> None:
    args = ("agree", str(DATA / "panel.csv"), "-f", "json", *FAST)
    assert invoke(*args).stdout == invoke(*args).stdout
