"""Rule tests as data (ARCHITECTURE §3): one YAML file of named cases per criterion kind.

Each ``tests/cases/<kind>.yml`` holds::

    criterion: {...}            # the criterion under test, written as in a rubric
    extra_criteria: [...]       # optional: other criteria it needs (a referenced step, a complaint detector)
    rubric: {...}               # optional: extra top-level rubric keys (pass_score, dimensions, ...)
    cases:
      - name: some_case         # test id: <kind>::<name>
        transcript: |           # the plain-text mini-format, header lines allowed
          channel: call
          [00:00] Agent: ...
        expect: pass | fail | not_applicable
        criterion_overrides: {options: {first: 2}}   # optional; mapping values are merged one level deep
        evidence_turns: [0, 2]  # optional: turn indices of the evidence, in order
        message_contains: "..." # optional: a substring of the finding's message
        quote_excludes: [...]   # optional: strings no evidence quote may contain (redaction)
        complaint: true         # optional: the contact's complaint flag
        finding: OTHER-ID       # optional: check this criterion's finding instead (e.g. a complaint-only one)
        repeat: {"<A20K>": [a, 20000]}  # optional: placeholders in the transcript -> text x count
        xfail: "reason"         # optional: a known bug (strict xfail)

In ``criterion_overrides`` a mapping value is merged into the criterion's mapping of the
same key (``options``, ``phrases``, ``applies_when``) and a null inside it removes that key;
any other value replaces the criterion's.

The test writes a real rubric file and loads it with ``load_rubric``, so every case also
goes through rubric validation, then compiles it, parses the transcript with the plain-text
parser and evaluates it with the engine, exactly as ``sqaudit score`` would.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from sqaudit.checks import KINDS
from sqaudit.model import Outcome

CASES_DIR = Path(__file__).parent / "cases"
CASE_KEYS = {"name", "transcript", "expect", "criterion_overrides", "evidence_turns", "message_contains",
             "quote_excludes", "complaint", "finding", "repeat", "xfail"}
FILE_KEYS = {"criterion", "extra_criteria", "rubric", "cases"}


def _merge(base: dict[str, object], overrides: dict[str, object]) -> dict[str, object]:
    merged = copy.deepcopy(base)
    for key, value in overrides.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            inner = {**merged[key], **value}  # type: ignore[dict-item]
            merged[key] = {k: v for k, v in inner.items() if v is not None}
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def _load_cases() -> list[object]:
    params: list[object] = []
    for path in sorted(CASES_DIR.glob("*.yml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        unknown = set(spec) - FILE_KEYS
        assert not unknown, f"{path.name}: unknown top-level keys {sorted(unknown)}"
        names: set[str] = set()
        for case in spec["cases"]:
            unknown = set(case) - CASE_KEYS
            assert not unknown, f"{path.name}::{case.get('name')}: unknown keys {sorted(unknown)}"
            assert case["name"] not in names, f"{path.name}: duplicate case name {case['name']}"
            names.add(case["name"])
            marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
            params.append(pytest.param(path.stem, spec, case, id=f"{path.stem}::{case['name']}", marks=marks))
    return params


CASES = _load_cases()


@pytest.mark.parametrize(("kind", "spec", "case"), CASES)
def test_case(kind: str, spec: dict[str, object], case: dict[str, object], make_rubric, score_text) -> None:
    criterion = _merge(spec["criterion"], case.get("criterion_overrides") or {})  # type: ignore[arg-type]
    compiled = make_rubric([*spec.get("extra_criteria", []), criterion], **spec.get("rubric", {}))  # type: ignore[arg-type]
    text = str(case["transcript"])
    for placeholder, (chunk, times) in (case.get("repeat") or {}).items():  # type: ignore[union-attr]
        text = text.replace(placeholder, chunk * times)
    result = score_text(text, compiled)
    wanted = case.get("finding", criterion["id"])
    finding = next(f for f in result.findings if f.criterion_id == wanted)
    shown = f"outcome={finding.outcome.value} message={finding.message!r} evidence={finding.evidence!r}"

    assert finding.outcome is Outcome(case["expect"]), shown
    if "evidence_turns" in case:
        assert [e.turn for e in finding.evidence] == case["evidence_turns"], shown
    if "message_contains" in case:
        assert str(case["message_contains"]) in finding.message, shown
    for secret in case.get("quote_excludes") or ():
        for evidence in finding.evidence:
            assert secret not in evidence.quote, shown
    if "complaint" in case:
        assert result.complaint is case["complaint"], shown


def test_every_kind_has_a_case_file_covering_every_outcome() -> None:
    files = {p.stem for p in CASES_DIR.glob("*.yml")}
    assert set(KINDS) <= files, f"kinds without tests/cases/<kind>.yml: {sorted(set(KINDS) - files)}"
    for kind in KINDS:
        spec = yaml.safe_load((CASES_DIR / f"{kind}.yml").read_text(encoding="utf-8"))
        assert spec["criterion"]["kind"] == kind
        expected = {c["expect"] for c in spec["cases"]}
        wanted = {"pass", "not_applicable"} if kind == "complaint" else {"pass", "fail", "not_applicable"}
        assert wanted <= expected, f"{kind}.yml lacks cases expecting {sorted(wanted - expected)}"


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_documents_itself(kind: str) -> None:
    doc = KINDS[kind].__doc__ or ""
    assert doc.startswith(f"{kind} — "), f"{kind}: the docstring should start with '{kind} — <what it checks>'"
    assert "Options:" in doc or "Example:" in doc, f"{kind}: the docstring needs 'Options:' or 'Example:'"
    for name in KINDS[kind].OPTIONS:
        assert name in doc, f"{kind}: option '{name}' is not documented in the module docstring"
