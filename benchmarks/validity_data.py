"""Data for benchmarks/validity.py: labels read in place, contacts and transcript prefixes scored
through the library, and the sub-scores the targets need (courtesy, empathy evidence).

Imported by validity.py after it has put benchmarks/ (and, through ``common``, the repo) on sys.path.
"""

from __future__ import annotations

import csv
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np


@dataclass
class Scored:
    id: str
    score: float | None
    dims: dict[str, float | None]
    complaint: bool
    n_turns: int
    n_chars: int
    agent_chars: int
    complaint_hits: int
    outcomes: dict[str, str] = field(default_factory=dict)  # criterion id -> pass | fail (judged only)
    result: object = None  # the ContactResult
    transcript: object = None  # the Transcript it came from


def read_labels(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["id"]: row for row in csv.DictReader(handle)}


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def score_set(path: Path, compiled) -> tuple[list[Scored], list[str], int]:
    """Every contact of ``path`` through the library; (results, input problems, internal errors)."""
    from sqaudit.model import Outcome, Transcript
    from sqaudit.parsers import iter_contacts
    from sqaudit.run import start_run
    from sqaudit.text import normalize

    detector_ids = {c.id for c in compiled.detectors}
    detector_speaker = {c.id: c.options.get("speaker", "customer") for c in compiled.detectors}
    seen: dict[str, tuple[object, int]] = {}

    def watch(items) -> Iterator[object]:
        for item in items:
            if isinstance(item, Transcript):
                hits = 0
                if detector_ids:
                    found = compiled.scan([normalize(t.text) for t in item.turns])
                    for owner in detector_ids:
                        hits += sum(1 for h in found.get(owner, ())
                                    if detector_speaker[owner] == "any" or item.turns[h.turn].speaker == "customer")
                seen[item.id] = (item, hits)
            yield item

    run = start_run(watch(iter_contacts([path])), compiled)
    out, internal = [], []
    for result in run.contacts():
        transcript, hits = seen[result.id]
        turns = transcript.turns
        judged = {f.criterion_id: f.outcome.value for f in result.findings
                  if f.outcome in (Outcome.PASS, Outcome.FAIL) and f.max_points > 0}
        out.append(Scored(result.id, result.score, dict(result.dimensions), bool(result.complaint), len(turns),
                          sum(len(t.text) for t in turns), sum(len(t.text) for t in turns if t.speaker == "agent"),
                          hits, judged, result, transcript))
        internal += [f"{result.id} {f.criterion_id}: {f.message}" for f in result.findings if f.outcome is Outcome.ERROR]
    return out, [str(e) for e in run.errors] + internal, len(internal)


def cache_get(cache: dict, folder: Path, rid: str, compiled, note: Callable[[str], None]) -> list[Scored]:
    """``score_set`` once per (set, rubric); a library crash is noted and gives no results."""
    key = (folder.name, rid)
    if key not in cache:
        began = time.perf_counter()
        try:
            results, problems, internal = score_set(folder / "transcripts.jsonl", compiled)
        except Exception as exc:  # noqa: BLE001 - the library is edited concurrently: report, go on with the other sets
            note(f"{folder.name} × {rid}: the scoring path CRASHED: {type(exc).__name__}: {exc}\n"
                 + traceback.format_exc(limit=-3))
            results, problems, internal = [], [], 0
        if problems:
            note(f"{folder.name} × {rid}: {len(problems)} input problems / internal errors ({internal} internal), "
                 f"e.g. {problems[:3]}")
        print(f"  scored {folder.name} with {rid}: {len(results)} contacts in {time.perf_counter() - began:.1f} s",
              file=sys.stderr)
        cache[key] = results
    return cache[key]


# ----------------------------------------------------------------------------- turn level

@dataclass
class Prefix:
    """The transcript before one labelled customer turn: turns[0:turn], the rated turn left out."""

    id: str
    turn: int
    label: float
    score: float | None  # None: no agent turn yet, or nothing in the rubric applied
    n_chars: int
    n_turns: int
    has_agent: bool


def score_prefixes(results: list[Scored], rows: list[dict[str, str]], column: str, compiled,
                   note: Callable[[str], None]) -> list[Prefix]:
    """Score turns[0:t] for every labelled customer turn t with ``sqaudit.engine.evaluate``.
    Prefixes without an agent turn are returned unscored (``has_agent`` False)."""
    from sqaudit.engine import evaluate

    by_id = {r.id: r.transcript for r in results}
    out, mismatched = [], 0
    for row in rows:
        transcript = by_id.get(row["id"])
        if transcript is None or row.get(column) in (None, ""):
            continue
        t = int(row["turn"])
        if t >= len(transcript.turns) or transcript.turns[t].speaker != "customer":
            mismatched += 1
            continue
        turns = transcript.turns[:t]
        has_agent = any(x.speaker == "agent" for x in turns)
        score = None
        if has_agent:
            score = evaluate(replace(transcript, turns=turns), compiled).score
        out.append(Prefix(row["id"], t, float(row[column]), score, sum(len(x.text) for x in turns), len(turns),
                          has_agent))
    if mismatched:
        note(f"{mismatched} turn labels do not point at a customer turn of a scored contact; left out")
    return out


# ----------------------------------------------------------------------------- sub-scores

def courtesy_ids(compiled) -> set[str]:
    """The politeness criteria: kind ``courtesy`` counting no empathy mechanism (EMP-0x measure
    empathy, scored against the empathy set instead)."""
    from sqaudit.checks.courtesy import selected
    from sqaudit.lexicons.courtesy import SETS

    empathy = set(SETS["empathy"])
    return {c.id for c in compiled.scored if c.kind == "courtesy" and not empathy & set(selected(c))}


def courtesy_subscore(result, ids: set[str]) -> float | None:
    """Earned ÷ possible points × 100 over the ``ids`` criteria that applied and were judged (pass or
    fail; an ``na_policy`` assumption is not an observation and is left out); None when none applied."""
    earned = possible = 0.0
    for f in result.findings:
        if f.criterion_id in ids and f.max_points > 0 and f.outcome.value in ("pass", "fail") and not f.assumed:
            earned += f.points
            possible += f.max_points
    return 100.0 * earned / possible if possible else None


def marker_criteria(compiled, mechanism: str) -> list:
    """Criteria of kind ``courtesy`` whose ``markers`` option names ``mechanism`` (e.g. ``exploration``)."""
    found = []
    for c in compiled.scored:
        markers = c.options.get("markers") if c.kind == "courtesy" else None
        if markers is None:
            continue
        names = [markers] if isinstance(markers, str) else [str(m) for m in markers]
        if any(mechanism in name for name in names):
            found.append(c)
    return found


def passed_evidence(result, ids: set[str], speaker: str = "agent") -> tuple[bool, list[str]]:
    """(any of ``ids`` passed on its own evidence — an ``na_policy`` pass does not count —, the quotes of
    their evidence in ``speaker`` turns). Quotes are what
    ContactResult carries: the whole turn, redacted, cut to about 160 characters around the match."""
    passed, quotes = False, []
    for f in result.findings:
        if f.criterion_id in ids and f.outcome.value == "pass" and f.max_points > 0 and not f.assumed:
            passed = True
            quotes += [e.quote for e in f.evidence if e.speaker == speaker]
    return passed, quotes


def array(values, fill: float | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(mask of values that are not None, the values as floats; None -> ``fill`` if given, else dropped)."""
    has = np.array([v is not None for v in values], bool)
    if fill is None:
        return has, np.array([v for v in values if v is not None], float)
    return has, np.array([fill if v is None else v for v in values], float)
