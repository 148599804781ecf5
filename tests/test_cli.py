"""The command line as users and CI jobs meet it: stdout for the report, stderr for diagnostics."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import invoke as run

from sqaudit import __version__
from sqaudit.checks import KINDS

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CARD = "4111111111111111"
CONTACT_KEYS = ["id", "agent", "team", "channel", "language", "score", "passed", "complaint", "critical_failures",
                "dimensions", "criteria", "metrics"]
CRITERION_KEYS = ["id", "dimension", "outcome", "points", "max_points", "message", "evidence"]


@pytest.fixture(scope="module")
def document() -> dict:
    result = run("score", str(EXAMPLES), "-f", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.stdout


def test_python_dash_m_works_the_same() -> None:
    proc = subprocess.run([sys.executable, "-m", "sqaudit", "--version"], capture_output=True, text=True, check=False)
    assert proc.returncode == 0 and __version__ in proc.stdout


def test_json_matches_the_contract(document: dict) -> None:
    assert list(document)[:5] == ["schema_version", "tool", "rubric", "contacts", "errors"]
    assert document["schema_version"] == 1
    assert document["tool"] == {"name": "sqaudit", "version": __version__}
    assert document["rubric"]["id"] == "servqual" and len(document["rubric"]["sha256"]) == 64
    assert document["errors"] == []
    contacts = document["contacts"]
    assert len(contacts) >= 16
    for contact in contacts:
        assert list(contact)[: len(CONTACT_KEYS)] == CONTACT_KEYS
        assert contact["score"] is None or 0 <= contact["score"] <= 100
        assert set(contact["dimensions"]) == {"reliability", "assurance", "tangibles", "empathy", "responsiveness"}
        for criterion in contact["criteria"]:
            assert list(criterion)[: len(CRITERION_KEYS)] == CRITERION_KEYS
            assert criterion["outcome"] in {"pass", "fail", "not_applicable", "error"}
            for evidence in criterion["evidence"]:
                assert set(evidence) == {"turn", "speaker", "start", "quote"}


def test_good_agents_outscore_weak_ones(document: dict) -> None:
    scores: dict[str, list[float]] = {}
    for c in document["contacts"]:
        if c["score"] is not None:
            scores.setdefault(c["agent"], []).append(c["score"])
    mean = {agent: sum(v) / len(v) for agent, v in scores.items()}
    assert min(mean["a11"], mean["a13"], mean["a21"]) > max(mean["a12"], mean["a22"], mean["a23"]), mean


def test_card_read_out_is_a_critical_failure_and_never_printed(document: dict) -> None:
    pan = next(c for c in document["contacts"] if c["id"] == "c-1102")
    assert pan["critical_failures"] and pan["passed"] is False and pan["score"] == 0
    for fmt in ("json", "jsonl", "csv", "markdown", "table"):
        result = run("score", str(EXAMPLES), "-f", fmt)
        flat = (result.stdout + result.stderr).replace(" ", "").replace("-", "")
        assert CARD not in flat, fmt


def test_jsonl_is_one_contact_per_line(document: dict) -> None:
    result = run("score", str(EXAMPLES), "-f", "jsonl")
    lines = result.stdout.splitlines()
    assert len(lines) == len(document["contacts"])
    parsed = [json.loads(line) for line in lines]
    assert [{k: v for k, v in p.items() if k != "rubric"} for p in parsed] == document["contacts"]
    assert all(p["rubric"]["sha256"] == document["rubric"]["sha256"] for p in parsed)


def test_csv_rows_and_formula_defusal(tmp_path: Path) -> None:
    (tmp_path / "evil.txt").write_text("id: =HYPERLINK(1)\nAgent: =cmd|' /C calc'!A0\nCustomer: +1 thanks\n",
                                       encoding="utf-8")
    result = run("score", str(tmp_path), "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and all(r["contact_id"] == "'=HYPERLINK(1)" for r in rows)
    assert not any(str(v).startswith(("=", "+", "@")) for r in rows for v in r.values())


def test_table_escapes_markup(tmp_path: Path) -> None:
    (tmp_path / "m.txt").write_text("id: [bold]x[/bold]\nAgent: hello [inaudible]\n", encoding="utf-8")
    result = run("score", str(tmp_path), "-f", "table")
    assert "[bold]x[/bold]" in result.stdout


def test_markdown_has_tables() -> None:
    result = run("score", str(EXAMPLES), "-f", "markdown")
    assert result.exit_code == 0
    assert "| contact" in result.stdout and "## Criteria" in result.stdout


def test_output_file_keeps_stdout_clean(tmp_path: Path) -> None:
    out = tmp_path / "run.json"
    result = run("score", str(EXAMPLES), "-r", "complaint-handling", "-f", "json", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert "scored" in result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["rubric"]["id"] == "complaint-handling"
    assert sum(c["complaint"] for c in data["contacts"]) >= 4


def test_bad_rubric_exit_2_lists_every_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text("id: b\ntitle: B\ncriteria:\n  - id: A-1\n    dimension: empathyy\n    title: x\n"
                   "    kind: phrse\n    wieght: 2\n", encoding="utf-8")
    result = run("score", str(tmp_path / "no-such-input"), "-r", str(bad))
    assert result.exit_code == 2 and result.stdout == ""
    located = [line for line in result.stderr.splitlines() if line.startswith(f"{bad}:")]
    assert len(located) == 3, result.stderr
    assert "no such file" not in result.stderr  # refused before any input is read


def test_corrupt_line_still_scores_the_rest(tmp_path: Path) -> None:
    good = (EXAMPLES / "chats" / "tech_support_contacts.jsonl").read_text(encoding="utf-8").splitlines()
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join([good[0], '{"id": "broken", "turns": [', *good[1:]]) + "\n", encoding="utf-8")
    result = run("score", str(batch), "-f", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert len(data["contacts"]) == len(good)
    assert data["errors"][0]["source"] == f"{batch}:2"
    assert "1 skipped" in result.stderr and f"{batch}:2" in result.stderr
    strict = run("score", str(batch), "-f", "json", "--strict")
    assert strict.exit_code == 2


def test_gates_exit_1_when_standard_not_met() -> None:
    result = run("score", str(EXAMPLES), "-f", "json", "--min-score", "99")
    assert result.exit_code == 1
    assert "standard not met" in result.stderr
    gates = json.loads(result.stdout)["gates"]
    assert gates[0]["name"] == "mean score" and gates[0]["status"] == "fail"
    assert run("score", str(EXAMPLES), "-f", "json", "--fail-on-critical").exit_code == 1
    assert run("score", str(EXAMPLES), "-f", "json", "--min-score", "1").exit_code == 0


@pytest.mark.parametrize("args", [["score"], ["score", "x", "--min-score", "101"], ["score", "x", "-f", "pdf"],
                                  ["nope"], ["score", "/no/such/dir"]])
def test_usage_and_missing_input_exit_2(args: list[str]) -> None:
    assert run(*args).exit_code == 2


def test_internal_error_exit_3_says_bug(monkeypatch: pytest.MonkeyPatch) -> None:
    from sqaudit.formatters import FORMATS

    def boom(run, out):  # type: ignore[no-untyped-def]
        raise RuntimeError("kaboom")

    monkeypatch.setattr(FORMATS["json"], "write", boom)
    result = run("score", str(EXAMPLES), "-f", "json")
    assert result.exit_code == 3 and "this is a bug" in result.stderr and "kaboom" not in result.stderr
    debug = run("--debug", "score", str(EXAMPLES), "-f", "json")
    assert debug.exit_code == 3 and "kaboom" in debug.stderr


def test_failing_check_is_an_error_outcome_and_exit_3(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(criterion, ctx):  # type: ignore[no-untyped-def]
        raise ZeroDivisionError("x")

    monkeypatch.setattr(KINDS["timing"], "check", boom)
    result = run("score", str(EXAMPLES), "-f", "json")
    assert result.exit_code == 3 and "bug" in result.stderr
    data = json.loads(result.stdout)
    assert len(data["contacts"]) >= 16  # the batch is not lost
    assert any(f["outcome"] == "error" for c in data["contacts"] for f in c["criteria"])


def test_rubric_list_and_explain() -> None:
    listing = run("rubric", "list")
    assert listing.exit_code == 0
    for name in ("servqual", "complaint-handling", "three-voices"):
        assert name in listing.stdout
    for kind, module in KINDS.items():
        explained = run("rubric", "explain", kind)
        assert explained.exit_code == 0 and explained.stdout.strip() == (module.__doc__ or "").strip()
    assert run("rubric", "explain", "NOPE-1").exit_code == 2


def test_explain_a_criterion_shows_titles_phrases_advice_and_examples() -> None:
    from helpers import rubric

    criterion = rubric("complaint-handling").criteria[3]
    out = run("rubric", "explain", criterion.id, "-r", "complaint-handling").stdout
    assert out.startswith(f"{criterion.id} — {criterion.title}")
    assert f"title (zh): {criterion.title_for('zh')}" in out
    for example in criterion.examples_pass + criterion.examples_fail:
        assert example.strip().splitlines()[0] in out
    for text in criterion.say_instead.values():
        assert text in out


def test_error_messages_are_redacted_too(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_text("my card 4111 1111 1111 1111 please\n", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("Agent: hello\n", encoding="utf-8")
    result = run("score", str(tmp_path), "-f", "json")
    data = json.loads(result.stdout)
    assert data["errors"] and data["errors"][0]["source"] == f"{tmp_path / 'bad.txt'}:1"
    for text in (result.stdout, result.stderr):
        assert CARD not in text.replace(" ", "")


def test_gate_without_any_score_is_no_verdict(tmp_path: Path) -> None:
    (tmp_path / "system-only.txt").write_text("System: call recorded\n", encoding="utf-8")
    result = run("score", str(tmp_path), "-f", "json", "--min-score", "50")
    assert result.exit_code == 2 and "not evaluated" in result.stderr


def test_output_is_byte_identical_whatever_the_argument_order() -> None:
    calls, chats = str(EXAMPLES / "calls"), str(EXAMPLES / "chats")
    for fmt in ("json", "csv", "jsonl"):
        first = run("score", calls, chats, "-f", fmt).stdout
        assert first == run("score", chats, calls, calls, "-f", fmt).stdout, fmt


def test_table_lists_only_the_lowest_scores_of_a_big_batch(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"c{i:03d}", "turns": [{"speaker": "customer", "text": "hi"},
                                                      {"speaker": "agent", "text": "Hello, how can I help?"}]})
             for i in range(60)]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines), encoding="utf-8")
    for fmt in ("table", "markdown"):
        result = run("score", str(tmp_path), "-f", fmt)
        assert "The 50 lowest-scoring of 60 contacts" in result.stdout
        assert "c049" in result.stdout and "c050" not in result.stdout
