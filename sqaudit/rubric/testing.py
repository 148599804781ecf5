"""``rubric test``: a rubric's own examples and a golden set of transcripts, run like tests.

Every criterion's ``examples`` (pass and fail) is scored on its own and must come out as
declared (for a complaint detector, "fail" means "not detected"). A golden directory holds transcripts in any input format plus ``expected.yml``::

    rubric: servqual            # optional: the golden set applies only to this rubric id
    c-1001:                     # a contact id
      criteria: {APO-01: pass, NBP-01: fail, INT-01: na}
      score: [80, 100]          # inclusive range
      passed: true

A contact named in ``expected.yml`` but missing from the transcripts, an unknown criterion
id, or an unreadable transcript is a failed case, never a silent pass.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqaudit.engine import evaluate
from sqaudit.errors import InputError, UsageError, did_you_mean
from sqaudit.model import ContactResult, Outcome, Transcript
from sqaudit.parsers import iter_contacts
from sqaudit.parsers.plaintext import parse_text
from sqaudit.redact import redact
from sqaudit.rubric.compile import CompiledRubric
from sqaudit.rubric.yamlsrc import FileTooLarge, load_yaml, read_yaml_file

EXPECTED_FILE = "expected.yml"
OUTCOMES = {"pass": Outcome.PASS, "fail": Outcome.FAIL, "na": Outcome.NOT_APPLICABLE,
            "n/a": Outcome.NOT_APPLICABLE, "not_applicable": Outcome.NOT_APPLICABLE}


@dataclass(frozen=True)
class CaseResult:
    suite: str  # "servqual examples" or "servqual golden/"
    name: str  # "APO-01 fail[0]" or "c-1001 APO-01"
    expected: str
    actual: str
    detail: str = ""  # the finding's message and evidence, for a failure
    source: str = ""  # where the case is written: rubric file:line or transcript path:line

    @property
    def ok(self) -> bool:
        return self.expected == self.actual


def _detail(result: ContactResult, criterion_id: str) -> tuple[str, str]:
    finding = next((f for f in result.findings if f.criterion_id == criterion_id), None)
    if finding is None:
        return "missing", "the criterion produced no finding"
    quotes = "; ".join(f"turn {e.turn}: {e.quote}" for e in finding.evidence[:2])
    return finding.outcome.value, finding.message + (f" — {quotes}" if quotes else "")


def example_cases(compiled: CompiledRubric) -> Iterator[CaseResult]:
    rubric = compiled.rubric
    suite = f"{rubric.id} examples"
    for criterion in rubric.criteria:
        where = f"{rubric.source}:{criterion.line}"
        for want, texts in (("pass", criterion.examples_pass), ("fail", criterion.examples_fail)):
            for i, text in enumerate(texts):
                result = evaluate(parse_text(text, source=f"{criterion.id} example"), compiled)
                actual, detail = _detail(result, criterion.id)
                if criterion in compiled.detectors and actual == Outcome.NOT_APPLICABLE.value:
                    actual = "fail"  # a detector's "fail" example is one it must not detect

                yield CaseResult(suite, f"{criterion.id} {want}[{i}]", want, actual, detail, where)


def load_expected(directory: Path) -> dict[str, object]:
    """``expected.yml``, read like a rubric: size and alias expansion bounded, duplicate ids refused."""
    path = directory / EXPECTED_FILE
    try:
        doc = load_yaml(read_yaml_file(path), str(path))
    except FileTooLarge as exc:
        raise UsageError(f"{path}: refused: {exc}") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot read the golden expectations ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path}: not UTF-8 text") from None
    if doc.problems:
        raise UsageError("; ".join(str(p) for p in doc.problems))
    data = doc.data
    if not isinstance(data, dict):
        raise UsageError(f"{path}: must map contact ids to their expected outcomes")
    return data


def golden_cases(compiled: CompiledRubric, directory: Path) -> Iterator[CaseResult]:
    expected = load_expected(directory)
    wanted_rubric = expected.pop("rubric", None)
    if wanted_rubric is not None and wanted_rubric != compiled.rubric.id:
        return
    suite = f"{compiled.rubric.id} {directory}"
    ids = {c.id for c in compiled.rubric.criteria}
    results: dict[str, ContactResult] = {}
    for item in iter_contacts([directory]):
        if isinstance(item, InputError):
            # the message may quote the bad line, and the line may hold a card number
            yield CaseResult(suite, f"read {item.source}", "readable", "unreadable", redact(item.message), item.source)
        elif isinstance(item, Transcript) and item.turns:  # a reader's notice (a guessed encoding) is no case
            results[item.id] = evaluate(item, compiled)
    for contact_id, spec in expected.items():
        contact_id = str(contact_id)
        result = results.get(contact_id)
        if result is None:
            hint = did_you_mean(contact_id, results) or "no transcript in the directory has this id"
            yield CaseResult(suite, contact_id, "scored", "missing", hint, str(directory / EXPECTED_FILE))
            continue
        yield from _contact_cases(suite, result, spec, ids)


def _contact_cases(suite: str, result: ContactResult, spec: object, ids: set[str]) -> Iterator[CaseResult]:
    if not isinstance(spec, dict):
        yield CaseResult(suite, result.id, "a mapping", type(spec).__name__, "criteria / score / passed", result.source)
        return
    for criterion_id, want in (spec.get("criteria") or {}).items():
        name = f"{result.id} {criterion_id}"
        if criterion_id not in ids:
            yield CaseResult(suite, name, "a criterion of the rubric", "unknown",
                             did_you_mean(str(criterion_id), ids) or "", result.source)
            continue
        outcome = OUTCOMES.get(str(want).lower())
        actual, detail = _detail(result, criterion_id)
        expected = outcome.value if outcome else f"one of {', '.join(OUTCOMES)} (got {want!r})"
        yield CaseResult(suite, name, expected, actual, detail, result.source)
    if "score" in spec:
        low, high = _range(spec["score"])
        inside = result.score is not None and low <= result.score <= high
        shown = "none" if result.score is None else f"{result.score:.2f}"
        yield CaseResult(suite, f"{result.id} score", f"{low:g}–{high:g}", f"{low:g}–{high:g}" if inside else shown,
                         "", result.source)
    if "passed" in spec:
        yield CaseResult(suite, f"{result.id} passed", str(bool(spec["passed"])).lower(),
                         str(result.passed).lower(), "", result.source)


def _range(value: object) -> tuple[float, float]:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value), float(value)
    if isinstance(value, list) and len(value) == 2 and all(isinstance(v, (int, float)) for v in value):
        return float(value[0]), float(value[1])
    raise UsageError(f"score must be a number or [low, high], not {value!r}")
