"""Read a team's human scores: one number per contact, or a reviewer's outcome per criterion.

Two shapes of CSV (UTF-8, header row; ``id`` or ``contact_id`` names the contact):

* **per contact**: ``id,score`` (``--label-column`` picks the numeric column, e.g. ``S``),
  any scale (-2..2, 1..5, 0..100); only the order and an affine map to it are used.
* **per contact x criterion** (a QA review form): ``id,criterion,outcome`` where outcome is
  ``pass`` / ``fail`` / ``na`` or the points the reviewer awarded (0 up to the criterion's
  written points; partial credit counts as that share of the points). The human's contact
  score is then the rubric score recomputed from the reviewer's outcomes with the rubric as
  written (:func:`human_scores`; criteria the reviewer did not judge are left out, ``na``
  follows the criterion's ``na_policy``). Calibration changes points, and points cannot change
  an outcome: where tool and reviewer disagree on an outcome only a smaller weight helps,
  so the per-criterion Cohen's kappa is reported beside the fit.

A bad row is skipped and reported as ``file:line`` with a hint; the rest are used.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqaudit.checks import is_detector
from sqaudit.errors import SqauditError, did_you_mean
from sqaudit.model import Finding, InputProblem, Outcome
from sqaudit.redact import redact
from sqaudit.rubric.model import Rubric
from sqaudit.scoring import score_findings

ID_COLUMNS = ("id", "contact_id")
WORDS = {"pass": "pass", "passed": "pass", "met": "pass", "yes": "pass", "y": "pass", "true": "pass",
         "fail": "fail", "failed": "fail", "missed": "fail", "no": "fail", "n": "fail", "false": "fail",
         "na": "na", "n/a": "na", "not_applicable": "na", "not applicable": "na", "-": "na"}
Judgement = str | float  # "pass" | "fail" | "na", or points awarded


class LabelError(SqauditError):
    """Labels that cannot be used at all (exit 2). The message may quote a header or cell: masked."""

    def __init__(self, message: str):
        super().__init__(redact(message))


@dataclass(frozen=True)
class LabelSet:
    source: str
    mode: str  # "contact" | "criterion"
    column: str
    rows: int
    values: Mapping[str, float] = field(default_factory=dict)  # per contact mode
    reviews: Mapping[str, Mapping[str, Judgement]] = field(default_factory=dict)  # contact -> criterion -> outcome
    problems: tuple[InputProblem, ...] = ()

    @property
    def ids(self) -> list[str]:
        return list(self.values if self.mode == "contact" else self.reviews)


def read_labels(path: str | Path, rubric: Rubric, column: str = "score") -> LabelSet:
    """Read a labels CSV; raise LabelError when it cannot be used at all."""
    shown = str(path)
    try:
        with Path(path).open(encoding="utf-8-sig", newline="") as handle:
            return _read(csv.DictReader(handle), shown, rubric, column)
    except FileNotFoundError:
        raise LabelError(f"{shown}: no such labels file") from None
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise LabelError(f"{shown}: cannot read the labels ({exc}); save them as UTF-8 CSV with a header row") from None


def _read(reader: csv.DictReader, shown: str, rubric: Rubric, column: str) -> LabelSet:
    header = [h.strip() for h in reader.fieldnames or []]
    if not header:
        raise LabelError(f"{shown}: the file is empty; expected a header row such as 'id,score'")
    reader.fieldnames = header
    id_column = next((c for c in ID_COLUMNS if c in header), None)
    if id_column is None:
        raise LabelError(f"{shown}:1: no 'id' or 'contact_id' column (columns: {', '.join(header)})")
    per_criterion = "criterion" in header
    if per_criterion:
        column = column if column in header and column not in (id_column, "criterion") else "outcome"
    if column not in header:
        numeric = [h for h in header if h not in (id_column, "criterion")]
        raise LabelError(f"{shown}:1: no column '{column}' (columns: {', '.join(header)}); "
                         f"pick one with --label-column, e.g. --label-column {numeric[0] if numeric else 'score'}")
    problems: list[InputProblem] = []
    values: dict[str, float] = {}
    reviews: dict[str, dict[str, Judgement]] = {}
    first: dict[tuple[str, str], int] = {}
    rows = 0
    for row in reader:
        rows += 1
        where = f"{shown}:{reader.line_num}"
        cid = (row.get(id_column) or "").strip()
        if not cid:
            problems.append(InputProblem(where, f"no contact id in column '{id_column}'", "every row names its contact"))
            continue
        raw = (row.get(column) or "").strip()
        key = (cid, (row.get("criterion") or "").strip() if per_criterion else "")
        if key in first:
            what = f"contact {cid}" + (f", criterion {key[1]}," if per_criterion else "")
            problems.append(InputProblem(where, f"{what} labelled twice (first at line {first[key]})",
                                         "one row each; the first is used"))
            continue
        if per_criterion:
            judged = _judgement(key[1], raw, rubric, where, problems)
            if judged is None:
                continue
            reviews.setdefault(cid, {})[key[1]] = judged
        else:
            value = _number(raw)
            if value is None:
                problems.append(InputProblem(where, f"'{raw}' in column '{column}' is not a number",
                                             "write a plain number such as 3 or -0.5, or delete the row"))
                continue
            values[cid] = value
        first[key] = reader.line_num
    if not values and not reviews:
        raise LabelError(f"{shown}: no usable label in {rows} row(s)" + (f" ({problems[0]})" if problems else ""))
    return LabelSet(shown, "criterion" if per_criterion else "contact", column, rows, values, reviews, tuple(problems))


def _number(raw: str) -> float | None:
    try:
        value = float(raw)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _judgement(criterion_id: str, raw: str, rubric: Rubric, where: str, problems: list[InputProblem]) -> Judgement | None:
    criterion = rubric.criterion(criterion_id)
    scored = [c.id for c in rubric.criteria if not is_detector(c.kind)]
    if criterion is None or is_detector(criterion.kind):
        what = "is a complaint detector, never scored" if criterion else f"is not in rubric {rubric.id}"
        problems.append(InputProblem(where, f"criterion '{criterion_id}' {what}",
                                     did_you_mean(criterion_id, scored) or f"scored criteria: {', '.join(scored)}"))
        return None
    word = WORDS.get(raw.lower())
    if word is not None:
        return word
    value = _number(raw)
    if value is None or not 0 <= value <= criterion.points:
        problems.append(InputProblem(where, f"outcome '{raw}' of {criterion_id} is not pass, fail, na or points "
                                     f"0..{criterion.points:g}", "write pass, fail or na, or the points awarded"))
        return None
    return value


def human_scores(labels: LabelSet, rubric: Rubric) -> dict[str, float]:
    """Contact id -> the human's score: the label itself, or the rubric (as written) recomputed from the
    reviewer's outcomes. Contacts where nothing the reviewer judged applies are left out."""
    if labels.mode == "contact":
        return dict(labels.values)
    out = {}
    for cid, judged in labels.reviews.items():
        findings = [_finding(rubric, criterion_id, outcome) for criterion_id, outcome in judged.items()]
        score = score_findings(findings, rubric.dimension_weights, rubric.pass_score).overall
        if score is not None:
            out[cid] = score
    return out


def category(outcome: Judgement, full: float) -> str:
    """pass / fail / na of a reviewer's outcome; points awarded count as a pass from half the criterion's points."""
    if isinstance(outcome, str):
        return outcome
    return "pass" if full and outcome >= full / 2 else "fail"


def _finding(rubric: Rubric, criterion_id: str, outcome: Judgement) -> Finding:
    c = rubric.criterion(criterion_id)
    assert c is not None
    assumed = outcome == "na" and c.na_policy != "exclude"
    if outcome == "na":
        outcome = c.na_policy if assumed else "na"
    state = {"pass": Outcome.PASS, "fail": Outcome.FAIL, "na": Outcome.NOT_APPLICABLE}.get(
        outcome if isinstance(outcome, str) else ("pass" if outcome > 0 else "fail"), Outcome.NOT_APPLICABLE)
    earned = c.points if state is Outcome.PASS and isinstance(outcome, str) else (
        float(outcome) if not isinstance(outcome, str) else 0.0)
    scored = state in (Outcome.PASS, Outcome.FAIL)
    return Finding(c.id, c.dimension, c.section, state, earned, c.points if scored else 0.0, "reviewer",
                   critical=c.critical, assumed=assumed)
