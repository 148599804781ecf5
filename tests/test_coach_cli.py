"""``sqaudit coach`` as a trainer meets it: one page per agent, their own quotes, advice from the rubric."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import invoke as run

from sqaudit.cli.coach import file_name
from sqaudit.redact import find_pii
from sqaudit.rubric.loader import load_rubric

MONTH = Path(__file__).resolve().parents[1] / "examples" / "month"
CALLS = Path(__file__).resolve().parents[1] / "examples" / "calls"


def test_one_agent_markdown_to_stdout() -> None:
    result = run("coach", str(MONTH), "--agent", "a33")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# Coaching scorecard: a33")
    servqual = load_rubric("servqual")
    advice = [c.say_instead_for("en") for c in servqual.criteria if c.say_instead]
    assert any(a in result.stdout for a in advice)
    assert "170 contact(s) scored" in result.stderr


def test_json_card_quotes_only_that_agents_contacts() -> None:
    card = json.loads(run("coach", str(MONTH), "--agent", "a43", "-f", "json").stdout)
    scored = json.loads(run("score", str(MONTH), "-f", "json").stdout)
    own = {c["id"] for c in scored["contacts"] if c["agent"] == "a43"}
    quotes = [q for item in card["to_work_on"] + card["strengths"] for q in item["quotes"]]
    quotes += card["critical_failures"]
    assert quotes and {q["contact"] for q in quotes} <= own
    assert card["language"] == "zh" and card["critical_failures"]
    assert not find_pii(json.dumps(card, ensure_ascii=False))


def test_all_agents_html_one_file_each(tmp_path: Path) -> None:
    result = run("coach", str(MONTH), "--all", "-f", "html", "-o", str(tmp_path / "coaching"))
    assert result.exit_code == 0 and result.stdout == ""
    names = sorted(p.name for p in (tmp_path / "coaching").iterdir())
    assert names == [f"a{n}.html" for n in (31, 32, 33, 34, 41, 42, 43, 44)]
    assert 'lang="zh"' in (tmp_path / "coaching" / "a41.html").read_text(encoding="utf-8")
    assert "wrote 8 coaching page(s)" in result.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["--agent", "a3"], "did you mean"),
    ([], "--agent ID, or use --all"),
    (["--agent", "a31", "--all"], "--agent ID, or use --all"),
    (["--all", "-f", "html"], "-o DIR"),
])
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    result = run("coach", str(MONTH), *args)
    assert result.exit_code == 2 and message in result.stderr and result.stdout == ""


def test_insufficient_evidence_is_said_up_front() -> None:
    out = run("coach", str(CALLS), "--agent", "a12").stdout
    first_section = out.index("\n## ")
    assert "insufficient evidence" in out[:first_section].lower()


def test_contacts_without_agents_are_no_verdict(tmp_path: Path) -> None:
    (tmp_path / "c.json").write_text(json.dumps({"id": "x", "turns": [{"speaker": "agent", "text": "hi"}]}))
    result = run("coach", str(tmp_path), "--all")
    assert result.exit_code == 2 and "nothing to coach" in result.stderr


@pytest.mark.parametrize(("agent", "expected"), [
    ("a17", "a17.md"), ("../etc/passwd", "etc_passwd-"), ("张三", "agent-"), ("a b", "a_b-"), ("", "agent-"),
])
def test_file_names_are_safe_and_distinct(agent: str, expected: str) -> None:
    name = file_name(agent, ".md")
    assert name.startswith(expected) and "/" not in name and name.endswith(".md")
    assert file_name("a/b", ".md") != file_name("a_b", ".md")
