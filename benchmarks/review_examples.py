"""QA review sheets for the Northwind month: two reviewers, and the team's agreed scores.

    python -m benchmarks.review_examples            # rewrites examples/reviews/*.csv (the same bytes)
    python -m benchmarks.review_examples --check    # exit 1 if the committed files differ

Why: ``sqaudit agree`` needs sheets from more than one reviewer of the same contacts, and
``sqaudit calibrate`` needs human scores for contacts it can score. Both read the contacts of
``examples/month`` (m-0001 ... m-0170).

* ``alice.csv`` (English headers, one row per contact and criterion) and ``wang.csv`` (a
  Chinese QA tool's export: 会话ID, one column per criterion, 通过/不通过, 得分) review the same
  60 contacts on the three-voices criteria (WEN-01 greeting, YING-01 acknowledging, SONG-01
  closing). Each reviewer starts from what is in the transcript, the three-voices rubric's
  verdict, and disagrees with it now and then: Alice on 8 % of items either way, Wang Fang is
  stricter (she fails 25 % of what the rubric passes, and passes 4 % of what it fails). Their
  0-100 ``score`` follows the same hidden quality as ``qa-scores.csv`` below, Wang's 8 points lower.
* ``qa-scores.csv``: the team's agreed 0-100 score for every contact of the month. It follows
  how the contact went for the customer (their last words in the transcript: thanked, neutral,
  still unhappy) and the agent's level (strong, average, weak, new starter; team_month's
  ``LEVELS``), plus reviewer noise, and not the rubric's points: that is what ``calibrate``
  has to find.

One seeded random.Random: the same seed, the same bytes. The three-voices rubric is read at
generation time, so a change to its phrase lists can change the files (the test says so).
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import sys
from pathlib import Path

from benchmarks.survey_examples import month, mood
from benchmarks.team_month import AGENTS

OUT = Path(__file__).resolve().parents[1] / "examples" / "reviews"
SEED = 20260601
REVIEWED = 60
CRITERIA = ("WEN-01", "YING-01", "SONG-01")
MOOD_SCORE = {"happy": 88.0, "neutral": 74.0, "unhappy": 52.0}
LEVEL_SHIFT = (8.0, 0.0, -14.0, -6.0)  # strong, average, weak, new starter
FLIPS = {"alice": (0.08, 0.08), "wang": (0.25, 0.04)}  # (pass -> fail, fail -> pass)
STRICTER = {"alice": 0.0, "wang": -8.0}


def rubric_outcomes(contacts: list[dict[str, object]]) -> dict[str, dict[str, str]]:
    """Contact id -> criterion -> pass/fail/na, from the three-voices rubric."""
    from sqaudit.engine import evaluate
    from sqaudit.parsers.native import transcript_from_dict
    from sqaudit.rubric.compile import compile_rubric
    from sqaudit.rubric.loader import load_rubric

    rubric = compile_rubric(load_rubric("three-voices"))
    out = {}
    for raw in contacts:
        result = evaluate(transcript_from_dict(raw, "month"), rubric)
        out[str(raw["id"])] = {f.criterion_id: f.outcome.value for f in result.findings if f.criterion_id in CRITERIA}
    return out


def quality(rng: random.Random, contact: dict[str, object], level: int) -> float:
    return MOOD_SCORE[mood(contact)] + LEVEL_SHIFT[level] + rng.gauss(0, 6)


def judge(rng: random.Random, outcome: str, reviewer: str) -> str:
    to_fail, to_pass = FLIPS[reviewer]
    if outcome == "pass" and rng.random() < to_fail:
        return "fail"
    if outcome == "fail" and rng.random() < to_pass:
        return "pass"
    return outcome


def clip(value: float) -> int:
    return int(min(100, max(0, round(value))))


def render(seed: int = SEED) -> dict[str, bytes]:
    rng = random.Random(seed)
    contacts = month()
    level = {a.id: a.level for a in AGENTS}
    outcomes = rubric_outcomes(contacts)
    hidden = {str(c["id"]): quality(rng, c, level[str(c["agent"])]) for c in contacts}
    reviewed = sorted(rng.sample(sorted(hidden), REVIEWED))
    alice = [["contact_id", "criterion", "outcome", "score"]]
    wang = [["会话ID", *CRITERIA, "得分", "质检员"]]
    zh = {"pass": "通过", "fail": "不通过", "na": "不适用"}
    for cid in reviewed:
        score_a = clip(hidden[cid] + STRICTER["alice"] + rng.gauss(0, 4))
        for criterion in CRITERIA:
            alice.append([cid, criterion, judge(rng, outcomes[cid].get(criterion, "na"), "alice"), score_a])
        marks = [zh[judge(rng, outcomes[cid].get(criterion, "na"), "wang")] for criterion in CRITERIA]
        wang.append([cid, *marks, clip(hidden[cid] + STRICTER["wang"] + rng.gauss(0, 4)), "王芳"])
    agreed = [["id", "score"]] + [[cid, clip(hidden[cid])] for cid in sorted(hidden)]
    return {"alice.csv": _csv(alice), "wang.csv": _csv(wang), "qa-scores.csv": _csv(agreed)}


def _csv(rows: list[list[object]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed files differ")
    args = parser.parse_args(argv)
    files = render()
    if args.check:
        stale = [name for name, data in files.items() if not (OUT / name).exists() or (OUT / name).read_bytes() != data]
        for name in stale:
            print(f"examples/reviews/{name} is out of date", file=sys.stderr)
        return 1 if stale else 0
    OUT.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (OUT / name).write_bytes(data)
        print(f"wrote examples/reviews/{name} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
