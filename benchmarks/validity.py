"""Do sqaudit's scores mean something? Built-in rubrics against human labels in ../shared/evaldata.

    PYTHONPATH=. python benchmarks/validity.py            # every set found, every built-in rubric
    PYTHONPATH=. python benchmarks/validity.py --data /path/to/evaldata --no-write

Reads the sets in place (never copies them; their licences forbid it) and skips absent ones.
Writes the ``validity`` section of benchmarks/RESULTS.md (unless ``--no-write``), opening with the
issue-8 targets table: one row per target, our value with its 95 % interval, the single-human
level, the length and turn-count baselines, the target and whether it is met (computed: yes when
the whole interval clears the target, no when it misses it entirely, "not distinguishable" when
the interval straddles it). The primary rubric is ``servqual``; the others are in the detail tables.

Modules (benchmarks/):

* ``validity_stats``   seeded (cluster) bootstrap, Spearman ρ, ROC AUC, F1, token F1, verdicts
* ``validity_data``    labels, contacts and transcript prefixes scored through the library, sub-scores
* ``validity_dialogue`` stc3 / jddc / uss overall score vs satisfaction, stc3 parallel pairs, calibrated row
* ``validity_turns``   jddc / uss turn level: running score before a labelled customer turn vs its label
* ``validity_text``    complaints (detector), politeness-* (courtesy sub-score, zh − en gap), empathy
* ``validity_calibrate`` the hook to ``sqaudit.calibrate`` for the "stc3 calibrated" rows
* ``validity_report``  sections, the targets table

Intervals: 95 % percentile bootstrap, 1,000 resamples drawn with a seeded
``numpy.random.default_rng`` (not scipy.stats.bootstrap); one resample set per set and subset,
shared by every statistic on it, so differences from the baselines are paired. Turn-level
statistics resample whole dialogues (cluster bootstrap).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # puts the repo on sys.path
from validity_dialogue import calibrated, dialogue_sets, parallel_pairs
from validity_report import TARGET_HEADER, Report, reading_text
from validity_stats import B
from validity_text import complaints, empathy, politeness
from validity_turns import turn_level

EXPECTED_RUBRICS = ("servqual", "complaint-handling", "three-voices")


def load_rubrics(args: argparse.Namespace, report: Report) -> dict:
    from sqaudit.rubric.loader import builtin_names

    names = args.rubrics or sorted(set(EXPECTED_RUBRICS) | (set() if args.rubric_dir else set(builtin_names())))
    rubrics = {}
    for name in names:
        compiled, problem = common.load_builtin(name, args.rubric_dir)
        if compiled is None:
            report.note(problem)
            continue
        rubrics[name] = compiled
        kinds = sorted({c.kind for c in compiled.rubric.criteria})
        print(f"rubric {name}: v{compiled.rubric.version}, {len(compiled.rubric.criteria)} criteria "
              f"(kinds {', '.join(kinds)}), {len(compiled.detectors)} complaint detector(s)")
    return rubrics


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(common.REPO.parent / "shared" / "evaldata"),
                    help="evaldata folder (default: ../shared/evaldata relative to the repo)")
    ap.add_argument("--rubric-dir", help="look rubrics up as DIR/NAME.yml instead of the built-ins")
    ap.add_argument("--rubrics", nargs="*", default=None, help="rubric names (default: every built-in)")
    ap.add_argument("--no-write", action="store_true", help="do not update benchmarks/RESULTS.md")
    args = ap.parse_args(argv)
    began, cpu = time.perf_counter(), time.process_time()
    data = Path(args.data)
    report = Report()
    provenance = common.provenance()  # taken at the start: HEAD moves while others commit
    print(f"provenance: {provenance}")
    if not data.is_dir():
        report.note(f"no evaldata at {data}; nothing to measure")
    rubrics = load_rubrics(args, report)
    if "servqual" not in rubrics:
        report.note("servqual (the primary rubric of the targets table) did not load")
    readings: list[str] = []
    dialogue_readings: list[tuple[str, str, str, str]] = []
    timings: list[str] = []
    if rubrics and data.is_dir():
        cache: dict = {}
        for step in (dialogue_sets, turn_level, parallel_pairs, calibrated, complaints, politeness, empathy):
            t0 = time.perf_counter()
            out = step(data, rubrics, report, cache)
            if step is dialogue_sets:
                dialogue_readings = out
            elif out:
                readings += out
            timings.append(f"{step.__name__} {time.perf_counter() - t0:.0f} s")
    elapsed, cpu = time.perf_counter() - began, time.process_time() - cpu

    targets = report.target_rows()
    print("\n=== targets (issue 8) ===\n" + common.text_table(TARGET_HEADER, targets))
    summary = reading_text(dialogue_readings, readings)
    print("\n=== reading ===\n" + summary)
    if report.notes:
        print("\n=== problems met ===\n" + "\n".join(f"- {n}" for n in report.notes))
    print(f"\n(validity run took {elapsed:.0f} s wall, {cpu:.0f} s CPU: {', '.join(timings)})")
    if not args.no_write:
        rubric_text = ", ".join(f"`{k}` v{c.rubric.version} (sha256 `{c.rubric.sha256[:12]}`)"
                                for k, c in rubrics.items()) or "none loaded"
        body = ["## Validity", "", provenance, "",
                (f"Data: `{data}` (read in place, never copied). Rubrics: {rubric_text}. Intervals: 95 % percentile "
                 f"bootstrap over contacts (turn level: over dialogues), {B:,} resamples, seeded numpy generator "
                 "(not scipy.stats.bootstrap); statistics on one set share resamples (paired). "
                 f"Run time {elapsed:.0f} s wall, {cpu:.0f} s CPU in this process ({', '.join(timings)}; wall "
                 "times depend on what else the machine runs). "
                 "Command: `PYTHONPATH=. python benchmarks/validity.py`."), "",
                "### Targets (issue 8)", "",
                ("Primary rubric: `servqual`. **met?** is computed from the 95 % interval: *yes* when the whole "
                 "interval clears the target, *no* when it lies entirely short of it, *not distinguishable* when it "
                 "straddles the target; for \"beat length\" the interval is the paired difference score − length "
                 "(length in its better direction); for the zh − en gap, *yes* when the gap's interval contains 0. "
                 "Single human = one annotator against the mean of the others (README, full sets); baselines are "
                 "computed here, on the same items and resamples as our value."), "",
                common.md_table(TARGET_HEADER, targets), "",
                "**Reading — does the score beat length?**", "", summary]
        body += report.md
        if report.notes:
            body += ["", "**Problems met on this run:**", ""] + [f"- {n.splitlines()[0]}" for n in report.notes]
        common.update_section("validity", "\n".join(body))
        print(f"wrote the validity section of {common.RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
