"""``sqaudit report`` as a QA lead meets it: every agent with n and interval, worst first."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from helpers import invoke as run

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
MONTH = EXAMPLES / "month"
MONTH_AGENTS = ["a31", "a32", "a33", "a34", "a41", "a42", "a43", "a44"]


@pytest.fixture(scope="module")
def month_json() -> dict:
    result = run("report", str(MONTH), "-f", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_table_lists_every_agent_with_n_and_interval_worst_first(month_json: dict) -> None:
    result = run("report", str(MONTH), "--by", "agent")
    assert result.exit_code == 0
    out = result.stdout
    for agent in month_json["agents"]:
        n, mean = agent["score"]["n"], agent["score"]["value"]
        # the JSON mean is rounded to 2 decimals, so its 1-decimal form may differ from the table's (57.95)
        shown = {f"{mean - 0.005:.1f} ±", f"{mean + 0.005:.1f} ±"}
        assert agent["agent"] in out and any(s in out for s in shown) and f"(n={n})" in out
    positions = {a: out.index(f"| {a} ") for a in MONTH_AGENTS}
    means = {a["agent"]: a["score"]["value"] for a in month_json["agents"]}
    assert sorted(MONTH_AGENTS, key=positions.get) == sorted(MONTH_AGENTS, key=lambda a: (means[a], a))
    assert "\x1b[" not in out  # piped: no colour codes
    assert "170 contact(s) scored, 0 skipped" in result.stderr


def test_insufficient_agents_are_flagged_and_unranked(month_json: dict) -> None:
    agents = {a["agent"]: a for a in month_json["agents"]}
    for key in ("a34", "a44"):
        assert agents[key]["insufficient_evidence"] and agents[key]["rank"] is None
        assert any("< 10 contacts" in r for r in agents[key]["insufficient_reasons"])
    ranked = sorted((a for a in agents.values() if a["rank"]), key=lambda a: a["rank"])
    assert [a["score"]["value"] for a in ranked] == sorted((a["score"]["value"] for a in ranked), reverse=True)
    out = run("report", str(MONTH)).stdout
    line = next(line for line in out.splitlines() if "| a34 " in line)
    assert "| —" in line and "n=4 < 10" in line


def test_json_report_adds_agents_and_teams_keeping_schema_1(month_json: dict) -> None:
    assert month_json["schema_version"] == 1 and month_json["by"] == "agent"
    assert [a["agent"] for a in month_json["agents"]] == MONTH_AGENTS
    assert {t["team"] for t in month_json["teams"]} == {"billing", "tech-support"}
    assert sum(t["contacts"] for t in month_json["teams"]) == 170
    a33 = next(a for a in month_json["agents"] if a["agent"] == "a33")
    assert a33["vs_peers"]["verdict"] == "lower" and a33["score"]["method"] == "t"
    assert a33["pass_rate"]["method"] == "wilson"


def test_score_json_document_carries_the_same_agents(month_json: dict) -> None:
    scored = json.loads(run("score", str(MONTH), "-f", "json").stdout)
    assert scored["agents"] == month_json["agents"] and scored["teams"] == month_json["teams"]
    assert "periods" not in scored


def test_period_gives_a_trend_table_and_periods_array() -> None:
    result = run("report", str(MONTH), "--period", "week", "-f", "json")
    periods = json.loads(result.stdout)["periods"]
    overall = [p for p in periods if "agents" in p and "team" not in p and "agent" not in p]
    assert [p["period"] for p in overall] == ["2026-W19", "2026-W20", "2026-W21", "2026-W22"]
    assert sum(p["contacts"] for p in overall) == 170
    table = run("report", str(MONTH), "--period", "week").stdout
    assert "Trend by period" in table and "2026-W22" in table


def test_by_team_csv_has_numbers_and_two_interval_columns() -> None:
    result = run("report", str(MONTH), "--by", "team", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["team"] for r in rows] == ["tech-support", "billing"]  # worst first
    for r in rows:
        assert float(r["ci_low"]) <= float(r["mean_score"]) <= float(r["ci_high"])


def test_markdown_escapes_and_marks(tmp_path: Path) -> None:
    (tmp_path / "c.json").write_text(json.dumps({
        "id": "x1", "agent": "[a](http://evil)|<b>", "team": "t", "channel": "chat", "language": "en",
        "turns": [{"speaker": "agent", "text": "Hello, how can I help?"},
                  {"speaker": "customer", "text": "Thanks, bye."}]}), encoding="utf-8")
    out = run("report", str(tmp_path), "-f", "markdown").stdout
    assert "\\[a\\](http://evil)\\|\\<b\\>" in out and "[a](http://evil)" not in out
    assert out.startswith("# Service quality report")


def test_output_suffix_picks_the_format(tmp_path: Path) -> None:
    for name, probe in [("r.html", "<!DOCTYPE html"), ("r.md", "# "), ("r.json", "{")]:
        result = run("report", str(MONTH), "-o", str(tmp_path / name))
        assert result.exit_code == 0 and result.stdout == ""
        assert (tmp_path / name).read_text(encoding="utf-8").lstrip().startswith(probe)
    assert run("report", str(MONTH), "-o", str(tmp_path / "r.xlsx")).exit_code == 0
    assert (tmp_path / "r.xlsx").read_bytes()[:2] == b"PK"


def test_chinese_contacts_get_chinese_labels_and_lang_overrides() -> None:
    zh = EXAMPLES / "calls" / "c-3101_broadband_outage_complaint_bad_zh.txt"
    assert "平均分" in run("report", str(zh)).stdout
    assert "Mean score" in run("report", str(zh), "--lang", "en").stdout


def test_no_contacts_is_no_verdict_and_gates_exit_1(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    result = run("report", str(tmp_path))
    assert result.exit_code == 2 and "bad.json" in result.stderr
    assert run("report", str(MONTH), "--min-score", "99").exit_code == 1
    assert run("report", str(MONTH), "--fail-on-critical").exit_code == 1


def test_rubric_refused_before_input_and_unknown_format() -> None:
    assert run("report", str(MONTH), "-r", "nope").exit_code == 2
    assert run("report", str(MONTH), "-f", "pdf").exit_code == 2
