"""A hostile rubric is refused quickly, never run: YAML bombs, huge files, Python tags, catastrophic regexes.

Where a regression would hang rather than fail (an alias bomb expanded, a backtracking regex),
the command runs in a subprocess with a generous timeout: the timeout is a hang guard that
turns a hang into a failure, not a performance assertion.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from sqaudit.checks import KINDS
from sqaudit.errors import RubricError, UsageError
from sqaudit.rubric.loader import load_rubric
from sqaudit.rubric.testing import load_expected
from sqaudit.rubric.yamlsrc import MAX_BYTES

HANG_GUARD_S = 60
SQAUDIT = Path(__file__).resolve().parents[1] / "sqaudit"
# nine levels of nine aliases: 9**9 (387 million) strings once expanded
BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi"))


def _sqaudit(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sqaudit", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=HANG_GUARD_S, check=False)


def test_billion_laughs_rubric_is_refused_without_expanding(tmp_path: Path) -> None:
    (tmp_path / "bomb.yml").write_text("id: bomb\ntitle: Bomb\n" + BOMB + "criteria: [*i]\n", encoding="utf-8")
    proc = _sqaudit("rubric", "validate", "bomb.yml", cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert "bomb.yml:1:1:" in proc.stderr and "alias bomb" in proc.stderr


def test_billion_laughs_golden_expectations_are_refused(tmp_path: Path) -> None:
    (tmp_path / "expected.yml").write_text(BOMB + "c-1: {criteria: *i}\n", encoding="utf-8")
    with pytest.raises(UsageError, match="alias bomb"):
        load_expected(tmp_path)


@pytest.mark.parametrize("name", ["huge.yml", "/dev/zero"])
def test_oversized_rubric_file_is_refused_with_its_name(tmp_path: Path, name: str) -> None:
    if name.startswith("/"):
        if not Path(name).exists():
            pytest.skip(f"no {name} here")
        path = Path(name)  # endless: read whole, it would never finish
    else:
        path = tmp_path / name
        path.write_text("# padding\n" * (MAX_BYTES // 10 + 1), encoding="utf-8")
    with pytest.raises(RubricError) as caught:
        load_rubric(path)
    assert str(caught.value).startswith(f"{path}:1:1:") and "larger than 2 MB" in str(caught.value)


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system", "!!python/name:os.system",
                                 "!!python/object/new:subprocess.Popen"])
def test_python_tags_are_refused_not_constructed(tmp_path: Path, tag: str) -> None:
    marker = tmp_path / "pwned"
    path = tmp_path / "r.yml"
    path.write_text(f"id: x\ntitle: {tag} [\"touch {marker}\"]\ncriteria: []\n", encoding="utf-8")
    with pytest.raises(RubricError) as caught:
        load_rubric(path)
    assert f"{path}:2:" in str(caught.value) and "python" in str(caught.value)
    assert not marker.exists()


def test_catastrophic_regex_on_a_long_line_finishes(tmp_path: Path) -> None:
    (tmp_path / "r.yml").write_text("""id: redos
title: Catastrophic pattern
criteria:
  - id: RGX-01
    dimension: reliability
    title: Matches a run of a's at the end
    kind: regex
    options: {pattern: '(a+)+$', speaker: any}
    points: 1
""", encoding="utf-8")
    # the 100k line is cut at regex.MAX_TEXT; the second line fails to match inside the cut, which is
    # where a backtracking engine takes 2**19990 steps
    turns = [{"speaker": "agent", "text": "a" * 100_000 + "!"}, {"speaker": "customer", "text": "a" * 19_990 + "!"}]
    (tmp_path / "c.json").write_text(json.dumps({"id": "c-1", "turns": turns}), encoding="utf-8")
    proc = _sqaudit("score", "c.json", "-r", "r.yml", "-f", "json", cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    [contact] = json.loads(proc.stdout)["contacts"]
    # a verdict either way: turns are cut at regex.MAX_TEXT characters, so '$' may match at the cut
    assert [c["outcome"] for c in contact["criteria"]] in (["pass"], ["fail"])


def test_every_pattern_option_compiles_under_re2() -> None:
    """A backreference is valid for Python's re and refused by RE2: every option that takes a
    pattern must refuse it, or it is not compiled with RE2."""
    pattern_options = [(kind, name, option) for kind, module in KINDS.items()
                       for name, option in getattr(module, "OPTIONS", {}).items()
                       if any(word in f"{name} {option.doc}".lower() for word in ("pattern", "regex", "regular exp"))]
    assert pattern_options, "no kind takes a pattern any more: update this test"
    for kind, name, option in pattern_options:
        assert option.check is not None, (kind, name)
        assert "RE2" in (option.check("(a)\\1") or ""), (kind, name)


# Python re calls whose pattern is built at run time from something else than module constants, each
# reviewed: what goes in is re.escape'd. A new one fails the test until it is reviewed and listed here.
REVIEWED_DYNAMIC_PATTERNS = {
    ("config.py", "find"): "config keys, each through re.escape (to find a key's line in sqaudit.toml)",
    ("redaction/masker.py", "__init__"): "leftover PII values, each through re.escape",
}


def _dynamic_re_calls(path: Path) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    constants = {t.id for node in tree.body if isinstance(node, (ast.Assign, ast.AnnAssign))
                 for t in (node.targets if isinstance(node, ast.Assign) else [node.target]) if isinstance(t, ast.Name)}
    found: list[tuple[str, int]] = []

    def visit(node: ast.AST, function: str) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            function = node.name
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                and node.func.attr in {"compile", "search", "match", "fullmatch", "finditer", "findall", "sub",
                                       "subn", "split"}):
            escaped = {id(n) for call in ast.walk(node.args[0]) if isinstance(call, ast.Call)
                       and ast.unparse(call.func) == "re.escape" for n in ast.walk(call)}
            names = {n.id for n in ast.walk(node.args[0]) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
                     and id(n) not in escaped}
            if names - constants - {"re"}:
                found.append((function, node.lineno))
        for child in ast.iter_child_nodes(node):
            visit(child, function)

    visit(tree, "<module>")
    return found


def test_no_user_supplied_pattern_reaches_python_re() -> None:
    unreviewed = []
    for path in sorted(SQAUDIT.rglob("*.py")):
        where = str(path.relative_to(SQAUDIT))
        for function, line in _dynamic_re_calls(path):
            if (where, function) not in REVIEWED_DYNAMIC_PATTERNS:
                unreviewed.append(f"sqaudit/{where}:{line} in {function}()")
    assert not unreviewed, ("a Python re pattern built at run time: use google-re2 for user patterns, or "
                            f"review it and add it to REVIEWED_DYNAMIC_PATTERNS: {unreviewed}")


def test_billion_laughs_mapping_file_is_refused(tmp_path: Path) -> None:
    from sqaudit.parsers.mapping import load_mapping

    six_levels = "".join(line + "\n" for line in BOMB.splitlines()[:6])  # 9**6 strings: fails fast, not hangs
    path = tmp_path / "mapping.yml"
    path.write_text(six_levels + "columns: {id: *f}\n", encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        load_mapping(path)
    assert "alias" in str(caught.value) and len(str(caught.value)) < 2000
