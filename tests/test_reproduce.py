"""``score -f json`` records its inputs and options; ``score --reproduce`` rebuilds and compares."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import invoke

CALLS = Path(__file__).resolve().parents[1] / "examples" / "calls"


@pytest.fixture
def saved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(CALLS, tmp_path / "calls")
    (tmp_path / "mine.yml").write_text("extends: servqual\nid: mine\nversion: '1'\ntitle: Mine\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke("score", "calls", "-r", "mine.yml", "--min-score", "50", "-f", "json", "-o", "run.json")
    assert result.exit_code in (0, 1), result.stderr
    return tmp_path / "run.json"


def test_document_records_inputs_with_sha256_and_options(saved: Path) -> None:
    run = json.loads(saved.read_text(encoding="utf-8"))["run"]
    assert run["arguments"] == ["calls"] and run["options"]["rubric"] == "mine.yml"
    assert run["options"]["min_score"] == 50
    paths = [entry["path"] for entry in run["inputs"]]
    assert paths == sorted(paths) and len(paths) == len(list(CALLS.glob("*.txt")))
    assert all(len(entry["sha256"]) == 64 and entry["bytes"] > 0 for entry in run["inputs"])


def test_unchanged_inputs_reproduce_identically(saved: Path) -> None:
    result = invoke("score", "--reproduce", str(saved))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("identical: 9 contact(s)")


def test_a_changed_input_cannot_be_reproduced(saved: Path) -> None:
    target = next((saved.parent / "calls").glob("c-1001*"))
    target.write_text(target.read_text(encoding="utf-8") + "\nAgent: one more line.\n", encoding="utf-8")
    result = invoke("score", "--reproduce", str(saved))
    assert result.exit_code == 2 and "changed" in result.stderr and "c-1001" in result.stderr


def test_a_changed_rubric_is_not_identical(saved: Path) -> None:
    (saved.parent / "mine.yml").write_text(
        "extends: servqual\nid: mine\nversion: '1'\ntitle: Mine\noverrides:\n  EMP-01: {points: 9}\n", encoding="utf-8")
    result = invoke("score", "--reproduce", str(saved))
    assert result.exit_code == 1 and "differs: rubric" in result.stderr


def test_an_edited_document_is_not_identical(saved: Path) -> None:
    document = json.loads(saved.read_text(encoding="utf-8"))
    document["contacts"][0]["score"] = 12.34
    saved.write_text(json.dumps(document), encoding="utf-8")
    result = invoke("score", "--reproduce", str(saved))
    assert result.exit_code == 1 and f"first: {document['contacts'][0]['id']}" in result.stderr


@pytest.mark.parametrize("args", [["--reproduce", "nope.json"], ["calls", "--reproduce", "run.json"], []])
def test_usage_errors(saved: Path, args: list[str]) -> None:
    result = invoke("score", *args)
    assert result.exit_code == 2 and result.stdout == ""


@pytest.mark.parametrize("command", [["report", "calls", "-f", "json"],
                                     ["diff", "--old", "servqual", "--new", "mine.yml", "calls", "-f", "json"]])
def test_report_and_diff_documents_record_their_inputs(saved: Path, command: list[str]) -> None:
    result = invoke(*command)
    document = json.loads(result.stdout)
    assert document["tool"]["name"] == "sqaudit"
    assert document["run"]["command"] == command[0] and document["run"]["arguments"] == ["calls"]
    assert len(document["run"]["inputs"]) == 9 and all(len(i["sha256"]) == 64 for i in document["run"]["inputs"])
