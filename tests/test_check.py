"""``sqaudit check``: config discovery and validation, gates on examples/month, JUnit/GitHub/summary output."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from helpers import invoke

from sqaudit.config import ConfigError, find_config, load_config
from sqaudit.gates import GateSpec, evaluate_gates

ROOT = Path(__file__).resolve().parent.parent
MONTH = ROOT / "examples" / "month" / "northwind-2026-05.jsonl"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def small_team(tmp_path: Path) -> Path:
    """The month's contacts, with 3 billing contacts (no critical failure) moved to a team 'vip'."""
    lines = MONTH.read_text(encoding="utf-8").splitlines()
    moved, out = 0, []
    for line in lines:
        contact = json.loads(line)
        if moved < 3 and contact["team"] == "billing":
            contact["team"] = "vip"
            moved += 1
        out.append(json.dumps(contact, ensure_ascii=False))
    return write(tmp_path / "batch" / "batch.jsonl", "\n".join(out) + "\n")


# -- config -------------------------------------------------------------------------------------

def test_config_found_in_a_parent_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = write(tmp_path / "sqaudit.toml", "[gates]\nmin_score = 60\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    assert find_config() == config.resolve()
    result = invoke("check", str(MONTH))
    assert result.exit_code == 0, result.stderr
    assert f"config: {config.resolve()}" in result.stderr
    assert "mean score" in result.stdout and "pass" in result.stdout


def test_pyproject_tool_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.sqaudit.gates]\nmin_score = 80\n')
    monkeypatch.chdir(tmp_path)
    result = invoke("check", str(MONTH))
    assert result.exit_code == 1
    assert "pyproject.toml" in result.stderr and "standard not met" in result.stderr


def test_pyproject_without_our_table_is_passed_over(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "sqaudit.toml", "[gates]\nmin_score = 60\n")
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    monkeypatch.chdir(tmp_path / "sub")
    assert find_config() == (tmp_path / "sqaudit.toml").resolve()


def test_config_problems_with_places_exit_2_before_reading_input(tmp_path: Path) -> None:
    config = write(tmp_path / "sqaudit.toml",
                   'rubric = "servqual"\n\n[gates]\nmin_scroe = 70\nmax_critical = "0"\n'
                   "min_pass_rate = 55\nmin_dimension = {empathy = 70, empathyy = 60}\n\n"
                   "[gates.teams.billing]\nmin_score = true\n")
    missing = tmp_path / "not-there.jsonl"  # never read: the config is refused first
    result = invoke("check", str(missing), "--config", str(config))
    assert result.exit_code == 2 and result.stdout == ""
    err = result.stderr
    assert f"{config}:4:1: gates.min_scroe: unknown key 'min_scroe' (did you mean 'min_score'?)" in err
    assert f"{config}:5:16: gates.max_critical: must be a whole number" in err and "without quotes" in err
    assert f"{config}:6:17: gates.min_pass_rate: 55 is out of range" in err and "0.55 for 55 %" in err
    assert f"{config}:7:32: gates.min_dimension.empathyy: unknown dimension" in err
    assert f"{config}:10:13: gates.teams.billing.min_score: must be a number" in err
    assert "config refused: 5 problem(s)" in err
    assert "not-there" not in err


def test_invalid_toml_has_its_place(tmp_path: Path) -> None:
    config = write(tmp_path / "sqaudit.toml", "[gates]\nmin_score = \n")
    with pytest.raises(ConfigError) as caught:
        load_config(config)
    assert str(caught.value).startswith(f"{config}:2:")


def test_options_override_config_and_rubric_comes_from_config(tmp_path: Path) -> None:
    config = write(tmp_path / "sqaudit.toml", 'rubric = "no-such-rubric"\n[gates]\nmin_score = 80\n')
    refused = invoke("check", str(MONTH), "--config", str(config))
    assert refused.exit_code == 2 and "no-such-rubric" in refused.stderr
    result = invoke("check", str(MONTH), "--config", str(config), "-r", "servqual", "--min-score", "60")
    assert result.exit_code == 0, result.stderr
    assert ">= 60" in result.stdout and ">= 80" not in result.stdout


def test_no_gates_is_a_usage_error() -> None:
    result = invoke("check", str(MONTH), "--no-config")
    assert result.exit_code == 2 and "no gates to check" in result.stderr


# -- gates on examples/month (170 contacts, mean 75.3, 4 with a critical failure) ------------------

@pytest.mark.parametrize(("args", "code"), [
    (["--min-score", "60"], 0),
    (["--min-score", "80"], 1),
    (["--min-pass-rate", "0.4"], 0),
    (["--min-pass-rate", "0.7"], 1),
    (["--max-critical", "4"], 0),
    (["--max-critical", "0"], 1),
    (["--min-dimension", "empathy=60"], 0),
    (["--min-dimension", "empathy=90"], 1),
])
def test_batch_gates(args: list[str], code: int) -> None:
    result = invoke("check", str(MONTH), "--no-config", *args)
    assert result.exit_code == code, result.stdout + result.stderr


def test_observed_carries_the_interval() -> None:
    result = invoke("check", str(MONTH), "--no-config", "--min-score", "80")
    assert re.search(r"75\.3 \(95% CI \d+\.\d–\d+\.\d, n=170\)", result.stdout)
    assert "fail" in result.stdout


def test_team_with_few_contacts_is_not_evaluated(small_team: Path, tmp_path: Path) -> None:
    config = write(tmp_path / "sqaudit.toml",
                   "[gates]\nmin_score = 60\n\n[gates.teams.vip]\nmin_score = 99\n")
    result = invoke("check", str(small_team), "--config", str(config))
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "team:vip" in result.stdout and "not evaluated: n=3 < 10" in result.stdout
    assert "1 not evaluated (not a failure)" in result.stderr


def test_per_team_gates_and_min_n(small_team: Path, tmp_path: Path) -> None:
    config = write(tmp_path / "sqaudit.toml",
                   "[gates]\nmin_score = 72\nper_team = true\n\n[gates.teams.vip]\nmin_n = 2\nmin_score = 10\n")
    result = invoke("check", str(small_team), "--config", str(config), "--junit", str(tmp_path / "j.xml"))
    assert result.exit_code == 1  # tech-support's mean is 71.4 (a43 pulls it down)
    root = ET.parse(tmp_path / "j.xml").getroot()
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert list(suites) == ["batch", "team:billing", "team:tech-support", "team:vip"]
    assert [s.get("failures") for s in suites.values()] == ["0", "0", "1", "0"]
    assert suites["team:vip"].get("skipped") == "0"  # n=3 >= its min_n of 2: evaluated


def test_named_team_absent_from_the_batch_is_not_evaluated(tmp_path: Path) -> None:
    config = write(tmp_path / "sqaudit.toml", "[gates]\nmin_score = 60\n\n[gates.teams.billling]\nmin_score = 70\n")
    result = invoke("check", str(MONTH), "--config", str(config))
    assert result.exit_code == 0
    assert "team not in the batch" in result.stdout


def test_score_gates_unchanged() -> None:
    from sqaudit.run import RunSummary
    from sqaudit.stats import Estimate

    est = Estimate(70.0, 65.0, 75.0, 20, "t")
    summary = RunSummary(20, 20, 0, est, est, 1, 0, 0, {}, {})
    gates = evaluate_gates(GateSpec(80, True), summary)
    assert [g.to_dict() for g in gates] == [
        {"name": "mean score", "observed": "70.0 (95% CI 65.0–75.0, n=20)", "threshold": ">= 80", "status": "fail"},
        {"name": "critical failures", "observed": "1 contact(s)", "threshold": "0", "status": "fail"},
    ]


# -- outputs -------------------------------------------------------------------------------------

def test_junit_counts(small_team: Path, tmp_path: Path) -> None:
    config = write(tmp_path / "sqaudit.toml",
                   "[gates]\nmin_score = 60\nmax_critical = 0\n\n[gates.teams.vip]\nmin_score = 99\n")
    out = tmp_path / "gates.xml"
    result = invoke("check", str(small_team), "--config", str(config), "--junit", str(out))
    assert result.exit_code == 1
    root = ET.parse(out).getroot()
    assert root.tag == "testsuites"
    batch, vip = root.findall("testsuite")
    assert (batch.get("name"), vip.get("name")) == ("batch", "team:vip")
    # batch: 2 gates (mean passes, critical fails) + 4 critical contacts
    assert (batch.get("tests"), batch.get("failures"), batch.get("skipped")) == ("6", "5", "0")
    assert len(batch.findall("testcase")) == 6
    # vip: the mean gate on n=3 is skipped; the critical count is evaluated at any n (and passes)
    assert (vip.get("tests"), vip.get("failures"), vip.get("skipped")) == ("2", "0", "1")
    skipped = vip.find("testcase/skipped")
    assert skipped is not None and "n=3 < 10" in skipped.get("message", "")
    assert root.get("tests") == "8" and root.get("failures") == "5" and root.get("skipped") == "1"
    contact = next(c for c in batch.findall("testcase") if c.get("classname") == "sqaudit.critical")
    failure = contact.find("failure")
    assert "PII-01" in failure.get("message") and "batch.jsonl:" in failure.text
    assert contact.get("file", "").endswith("batch.jsonl") and contact.get("line", "").isdigit()


def test_github_annotations(tmp_path: Path) -> None:
    result = invoke("check", str(MONTH), "--no-config", "--max-critical", "0", "--annotations", "github")
    assert result.exit_code == 1
    errors = [line for line in result.stdout.splitlines() if line.startswith("::error file=")]
    assert len(errors) == 4
    found = re.match(r"::error file=([^,]+),line=(\d+),title=[^:]+::PII-01", errors[0])
    assert found and found[1].endswith("northwind-2026-05.jsonl")
    line = int(found[2])
    assert json.loads(MONTH.read_text(encoding="utf-8").splitlines()[line - 1])["id"] in errors[0]
    assert "::error::standard not met (batch): critical failures 4 contact(s)" in result.stdout


def test_github_warning_for_not_evaluated(small_team: Path, tmp_path: Path) -> None:
    config = write(tmp_path / "sqaudit.toml", "[gates]\nmin_score = 60\n\n[gates.teams.vip]\nmin_score = 99\n")
    result = invoke("check", str(small_team), "--config", str(config), "--annotations", "github")
    assert result.exit_code == 0
    assert "::warning::gate not evaluated (team:vip): mean score: n=3 < 10" in result.stdout


def test_summary_is_a_markdown_table(tmp_path: Path) -> None:
    out = tmp_path / "summary.md"
    result = invoke("check", str(MONTH), "--no-config", "--min-score", "80", "--summary", str(out))
    assert result.exit_code == 1
    text = out.read_text(encoding="utf-8")
    assert text.startswith("### sqaudit check: standard not met")
    rows = [line for line in text.splitlines() if line.startswith("|")]
    assert rows[0].split("|")[1].strip() == "gate" and set(rows[1]) <= set("|-: ")
    assert "mean score" in rows[2] and "fail" in rows[2]


def test_nothing_scored_is_no_verdict(tmp_path: Path) -> None:
    empty = write(tmp_path / "empty.jsonl", "not json\n")
    result = invoke("check", str(empty), "--no-config", "--min-score", "60")
    assert result.exit_code == 2 and "no contact could be scored" in result.stderr


def test_junit_module_counts_every_status_and_cleans_text(tmp_path: Path) -> None:
    from sqaudit import junit

    suites = [junit.Suite("s", [junit.Case("ok", "c"), junit.Case("bad\x01", "c", "fail", "m\x00", "t"),
                                junit.Case("skip", "c", "skipped", "why"), junit.Case("err", "c", "error", "boom")])]
    junit.write(suites, tmp_path / "j.xml")
    root = ET.parse(tmp_path / "j.xml").getroot()
    suite = root.find("testsuite")
    assert [suite.get(k) for k in ("tests", "failures", "skipped", "errors")] == ["4", "1", "1", "1"]
    assert root.get("tests") == "4"
    assert suite.findall("testcase")[1].get("name") == "bad\ufffd"


def test_critical_contacts_without_a_critical_gate_are_warnings(tmp_path: Path) -> None:
    out = tmp_path / "j.xml"
    result = invoke("check", str(MONTH), "--no-config", "--min-score", "60", "--annotations", "github",
                    "--junit", str(out))
    assert result.exit_code == 0
    assert result.stdout.count("::warning file=") == 4 and "::error" not in result.stdout
    assert ET.parse(out).getroot().get("failures") == "0"
