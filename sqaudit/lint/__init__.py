"""``sqaudit rubric lint``: domain checks on a rubric that loads but may not mean what it says.

Validation (:mod:`sqaudit.rubric.loader`) refuses a rubric that cannot be used; lint reads one
that can and reports what is probably a mistake: a score that can never reach 100, a
critical criterion that can quietly stop applying, a phrase rewarded and punished at once.
Each rule is a small function in :data:`RULES` under a stable code; its docstring is its
documentation. A line holding ``# sqaudit: noqa L003`` (or a bare ``# sqaudit: noqa``)
silences findings on that line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from sqaudit.lint import rules_phrases, rules_scoring
from sqaudit.lint.context import Issue, LintContext
from sqaudit.rubric.loader import builtin_dir, builtin_names, load_rubric
from sqaudit.rubric.model import Rubric
from sqaudit.rubric.yamlsrc import YamlDoc, format_path, load_yaml

SEVERITIES = ("error", "warning")
NOQA_RE = re.compile(r"#\s*sqaudit:\s*noqa\b(?::?[ \t]*(?P<codes>L\d{3}(?:[ \t,]+L\d{3})*))?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    line: int  # 1-based
    col: int  # 1-based
    code: str
    severity: str  # error | warning
    message: str
    hint: str = ""
    key_path: str = ""

    def __str__(self) -> str:
        hint = f" (hint: {self.hint})" if self.hint else ""
        return f"{self.path}:{self.line}:{self.col}: {self.code} {self.message}{hint}"

    def to_dict(self) -> dict[str, object]:
        return {"file": self.path, "line": self.line, "col": self.col, "code": self.code, "severity": self.severity,
                "message": self.message, "hint": self.hint or None, "key_path": self.key_path}


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    severity: str
    check: Callable[[LintContext], Iterable[Issue]]

    @property
    def doc(self) -> str:
        return (self.check.__doc__ or "").strip()


RULES: dict[str, Rule] = {
    code: Rule(code, severity, check)
    for module in (rules_scoring, rules_phrases)
    for code, (severity, check) in module.RULES.items()
}
RULES = dict(sorted(RULES.items()))


def lint(rubric: Rubric, doc: YamlDoc, source: str | None = None) -> list[Finding]:
    """Every rule's findings, sorted by place; ``source`` (the YAML text) enables ``noqa`` comments."""
    ctx = LintContext(rubric, doc)
    silenced = noqa_lines(source) if source is not None else {}
    found: set[Finding] = set()
    for rule in RULES.values():
        for issue in rule.check(ctx):
            line, col = doc.where(issue.path, key=issue.key)
            codes = silenced.get(line, ())
            if codes is None or rule.code in codes:
                continue
            found.add(Finding(doc.path, line, col, rule.code, issue.severity or rule.severity, issue.message,
                              issue.hint, format_path(issue.path)))
    return sorted(found, key=lambda f: (f.path, f.line, f.col, f.code, f.message))


def noqa_lines(source: str) -> dict[int, frozenset[str] | None]:
    """Line -> the codes silenced there (None: every code)."""
    out: dict[int, frozenset[str] | None] = {}
    for number, text in enumerate(source.splitlines(), 1):
        match = NOQA_RE.search(text)
        if match:
            codes = match.group("codes")
            out[number] = frozenset(re.findall(r"L\d{3}", codes.upper())) if codes else None
    return out


def lint_ref(ref: str) -> list[Finding]:
    """Load a built-in name or a file (RubricError if it does not load) and lint it."""
    rubric = load_rubric(ref)
    if not Path(ref).suffix and ref in builtin_names():
        text = (builtin_dir() / f"{ref}.yml").read_text(encoding="utf-8")
    else:
        text = Path(ref).read_text(encoding="utf-8-sig")
    return lint(rubric, load_yaml(text, rubric.source), text)
