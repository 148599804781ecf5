"""``sqaudit diff``: one month scored under two rubrics, checked against contacts scored one by one."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from helpers import compiled
from helpers import invoke as run

from sqaudit.diff import RubricDiff, build_diff, load_ref
from sqaudit.engine import evaluate
from sqaudit.errors import UsageError
from sqaudit.model import ContactResult
from sqaudit.parsers import iter_contacts
from sqaudit.rubric.compile import CompiledRubric, compile_rubric
from sqaudit.run import start_run

MONTH = Path(__file__).resolve().parents[1] / "examples" / "month" / "northwind-2026-05.jsonl"
MONTH_AGENTS = ["a31", "a32", "a33", "a34", "a41", "a42", "a43", "a44"]
# dropping APO-01 (na_policy: pass) lowers most means a little; at pass_score 80.5 a32 crosses (80.8 -> 80.3)
NO_APOLOGY = ('id: servqual\nversion: "2.0"\nextends: servqual\npass_score: 80.5\noverrides:\n'
              '  APO-01: {enabled: false}\n')
NARROW_APOLOGY = ('extends: servqual\noverrides:\n  APO-01:\n    phrases:\n      en: ["i apologi*", "we apologi*"]\n'
                  '      zh: ["对不起", "抱歉"]\n')


def _scored(rubric: CompiledRubric) -> list[ContactResult]:
    return [evaluate(t, rubric) for t in iter_contacts([MONTH]) if not isinstance(t, Exception) and t.turns]


def _diff(old: CompiledRubric, new: CompiledRubric, gate: float | None = None) -> RubricDiff:
    return build_diff(start_run(iter_contacts([MONTH]), old), start_run(iter_contacts([MONTH]), new),
                      "old", "new", gate)


@pytest.fixture(scope="module")
def no_apology(tmp_path_factory: pytest.TempPathFactory) -> CompiledRubric:
    path = tmp_path_factory.mktemp("rubrics") / "v2.yml"
    path.write_text(NO_APOLOGY, encoding="utf-8")
    return compile_rubric(load_ref(str(path)))


@pytest.fixture(scope="module")
def old_results() -> list[ContactResult]:
    return _scored(compiled("servqual"))


@pytest.fixture(scope="module")
def new_results(no_apology: CompiledRubric) -> list[ContactResult]:
    return _scored(no_apology)


@pytest.fixture(scope="module")
def diff(no_apology: CompiledRubric) -> RubricDiff:
    return _diff(compiled("servqual"), no_apology)


def test_removed_criterion_keeps_its_old_counts_and_the_rest_are_unchanged(
        diff: RubricDiff, old_results: list[ContactResult]) -> None:
    assert diff.contacts == len(old_results) == 170
    by_id = {c.id: c for c in diff.criteria}
    apo = by_id["APO-01"]
    outcomes = [f.outcome.value for r in old_results for f in r.findings if f.criterion_id == "APO-01"]
    assert apo.status == "removed" and apo.new is None and apo.change_pp is None
    assert (apo.old.met, apo.old.missed, apo.old.not_applicable) == (
        outcomes.count("pass"), outcomes.count("fail"), outcomes.count("not_applicable"))
    assert apo.old.missed > 0
    others = [c for c in diff.criteria if c.id != "APO-01"]
    assert others and all(c.status == "unchanged" and c.old == c.new and c.change_pp in (0.0, None) for c in others)


def test_flips_and_biggest_changes_match_contacts_scored_one_by_one(
        diff: RubricDiff, old_results: list[ContactResult], new_results: list[ContactResult]) -> None:
    expected = [(o.id, o.agent, o.score, n.score, "pass→fail" if o.passed else "fail→pass")
                for o, n in zip(old_results, new_results) if o.passed is not None and n.passed is not None
                and o.passed != n.passed]
    assert expected  # dropping a mostly-met criterion moves some contacts across the pass score
    assert [(f.contact_id, f.agent, f.old_score, f.new_score, f.direction) for f in diff.flips] == expected
    counts = diff.flip_counts()
    assert counts["pass→fail"] == sum(e[4] == "pass→fail" for e in expected)
    assert counts["fail→pass"] == sum(e[4] == "fail→pass" for e in expected)
    largest = max(abs(n.score - o.score) for o, n in zip(old_results, new_results))
    assert len(diff.biggest) == 10 and abs(diff.biggest[0].change) == pytest.approx(largest)
    changes = [abs(c.change) for c in diff.biggest]
    assert changes == sorted(changes, reverse=True)


def test_agents_match_separate_runs_and_gate_crossings_follow_the_means(
        diff: RubricDiff, no_apology: CompiledRubric) -> None:
    separate = []
    for rubric in (compiled("servqual"), no_apology):
        audit = start_run(iter_contacts([MONTH]), rubric)
        audit.collect()
        separate.append({g.key: g for g in audit.breakdown.agents()})
    assert [a.agent for a in diff.agents] == MONTH_AGENTS
    for a in diff.agents:
        old, new = separate[0][a.agent], separate[1][a.agent]
        assert (a.old, a.new, a.old_rank, a.new_rank) == (old.score, new.score, old.rank, new.rank)
        assert a.change == pytest.approx(new.score.value - old.score.value)
        gate = diff.gate
        expected = ("below" if old.score.value >= gate > new.score.value
                    else "above" if old.score.value < gate <= new.score.value else None)
        assert a.crossing == expected
    assert diff.gate == no_apology.rubric.pass_score
    assert [a.agent for a in diff.crossings("below")] == ["a32"]  # 80.8 -> 80.3 against 80.5
    assert [a.agent for a in _diff(compiled("servqual"), no_apology, gate=77).crossings("below")] == ["a42"]


def test_identical_rubrics_change_nothing() -> None:
    same = _diff(compiled("servqual"), compiled("servqual"))
    assert not same.flips and not same.changed
    assert all(c.status == "unchanged" and c.old == c.new for c in same.criteria)
    assert all(a.change == 0 and a.crossing is None and a.old_rank == a.new_rank for a in same.agents)
    result = run("diff", "--old", "servqual", "--new", "servqual", str(MONTH), "-f", "json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["flips"] == {"counts": {"pass→fail": 0, "fail→pass": 0}, "contacts": []}
    assert doc["score"]["change"] == 0 and all(c["miss_rate_change_pp"] in (0, None) for c in doc["criteria"])


def test_a_redefined_criterion_is_marked_and_misses_more(tmp_path: Path) -> None:
    path = tmp_path / "narrow.yml"
    path.write_text(NARROW_APOLOGY, encoding="utf-8")
    result = run("diff", "--old", "servqual", "--new", str(path), str(MONTH), "-f", "json")
    assert result.exit_code == 0, result.stderr
    apo = next(c for c in json.loads(result.stdout)["criteria"] if c["id"] == "APO-01")
    assert apo["status"] == "redefined"
    assert apo["new"]["missed"] > apo["old"]["missed"] and apo["miss_rate_change_pp"] > 0
    assert apo["old"]["met"] + apo["old"]["missed"] + apo["old"]["not_applicable"] == 170


def test_table_and_markdown_show_the_key_figures(tmp_path: Path, diff: RubricDiff) -> None:
    v2 = tmp_path / "v2.yml"
    v2.write_text(NO_APOLOGY, encoding="utf-8")
    table = run("diff", "--old", "servqual", "--new", str(v2), str(MONTH))
    assert table.exit_code == 0, table.stderr
    assert "APO-01" in table.stdout and "removed" in table.stdout and "\x1b[" not in table.stdout
    assert "170 contact(s) scored under both rubrics, 0 skipped" in table.stderr
    md_file = tmp_path / "diff.md"
    result = run("diff", "--old", "servqual", "--new", str(v2), str(MONTH), "-o", str(md_file))
    assert result.exit_code == 0 and result.stdout == ""
    md = md_file.read_text(encoding="utf-8")
    assert md.startswith("## Rubric change: servqual → ")
    counts = diff.flip_counts()
    assert f"Flips: {counts['pass→fail']} pass→fail, {counts['fail→pass']} fail→pass" in md
    for flip in diff.flips:
        assert f"| {flip.contact_id} " in md and f"{flip.old_score:.1f}" in md and f"{flip.new_score:.1f}" in md
    for agent in diff.agents:
        assert f"| {agent.agent} " in md and f"{agent.old.value:.1f} ±{agent.old.half:.1f}" in md
    assert "would fall below 80.5: a32" in md
    header = next(line for line in md.splitlines() if line.startswith("| Criterion"))
    assert header.count("|") == 9  # the github table is well formed
    doc = json.loads(run("diff", "--old", "servqual", "--new", str(v2), str(MONTH), "-f", "json").stdout)
    assert doc["contacts"] == 170 and doc["gate_crossings"] == {"below": ["a32"], "above": []}
    assert doc["score"]["old"]["value"] == round(diff.old_score.value, 2)
    assert len(doc["flips"]["contacts"]) == len(diff.flips)


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=QA", "-c", "user.email=qa@example.com", *args], cwd=repo, check=True,
                   capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "rubrics").mkdir()
    qa = tmp_path / "rubrics" / "qa.yml"
    _git(tmp_path, "init", "-q")
    qa.write_text("extends: servqual\n", encoding="utf-8")
    _git(tmp_path, "add", "rubrics/qa.yml")
    _git(tmp_path, "commit", "-q", "-m", "v1")
    qa.write_text(NO_APOLOGY, encoding="utf-8")
    _git(tmp_path, "commit", "-q", "-am", "v2")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_git_refs_read_the_rubric_at_a_revision(repo: Path) -> None:
    result = run("diff", "--old", "git:HEAD~1:rubrics/qa.yml", "--new", "git:HEAD:rubrics/qa.yml", str(MONTH),
                 "-f", "json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["old_rubric"]["ref"] == "git:HEAD~1:rubrics/qa.yml" and doc["new_rubric"]["version"] == "2.0"
    assert [c["id"] for c in doc["criteria"] if c["status"] != "unchanged"] == ["APO-01"]
    assert doc["gate_crossings"]["below"] == ["a32"]
    # the working-tree file against its committed self: nothing changes
    same = json.loads(run("diff", "--old", "git:HEAD:rubrics/qa.yml", "--new", "rubrics/qa.yml", str(MONTH),
                          "-f", "json").stdout)
    assert same["flips"]["contacts"] == [] and all(c["status"] == "unchanged" for c in same["criteria"])


@pytest.mark.parametrize("ref, says", [
    ("git:HEAD~5:rubrics/qa.yml", "git:HEAD~5:rubrics/qa.yml: git show HEAD~5:rubrics/qa.yml failed"),
    ("git:HEAD:rubrics/missing.yml", "git:HEAD:rubrics/missing.yml: git show HEAD:rubrics/missing.yml failed"),
    ("git:HEAD", "a git rubric reference reads git:REV:path"),
])
def test_a_bad_git_ref_exits_2_naming_it(repo: Path, ref: str, says: str) -> None:
    result = run("diff", "--old", ref, "--new", "servqual", str(MONTH))
    assert result.exit_code == 2 and result.stdout == ""
    assert says in " ".join(result.stderr.split())


def test_problems_in_a_git_rubric_name_the_git_ref(repo: Path) -> None:
    (repo / "rubrics" / "qa.yml").write_text("extends: servqual\noverrides:\n  APO-1: {enabled: false}\n",
                                             encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "typo")
    result = run("diff", "--old", "servqual", "--new", "git:HEAD:rubrics/qa.yml", str(MONTH))
    assert result.exit_code == 2 and result.stdout == ""
    assert "git:HEAD:rubrics/qa.yml:3:" in result.stderr and "APO-1" in result.stderr
    assert "sqaudit-diff-" not in result.stderr  # not the temporary copy


def test_outside_a_repository_git_refs_are_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    with pytest.raises(UsageError, match="git:HEAD:r.yml: git show HEAD:r.yml failed"):
        load_ref("git:HEAD:r.yml")


def test_no_input_or_a_bad_rubric_exits_2(tmp_path: Path) -> None:
    empty = run("diff", "--old", "servqual", "--new", "servqual", str(tmp_path))
    assert empty.exit_code == 2 and "no contact could be scored" in empty.stderr
    bad = run("diff", "--old", "servqual", "--new", str(tmp_path / "nope.yml"), str(MONTH))
    assert bad.exit_code == 2 and "rubric refused" in bad.stderr and bad.stdout == ""
