"""Turn-level validity: the running servqual score before a labelled customer turn vs that turn's
label (jddc ``sat3``, uss-* ``rating_mean``). Part of benchmarks/validity.py.

For each labelled customer turn t the transcript prefix turns[0:t] (the agent turns so far and the
customer's earlier turns, not the rated turn itself) is scored with ``sqaudit.engine.evaluate``.
Intervals: cluster bootstrap, whole dialogues resampled so that the turns of one dialogue stay
together. Baselines: prefix length in characters and prefix turn count, same statistic, paired.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
from validity_data import cache_get, read_rows, score_prefixes
from validity_dialogue import PRIMARY, present
from validity_report import Report
from validity_stats import auc, beats, cluster_resamples, meets, paired_delta, rho

TURN_SETS = (("jddc", "sat3"), ("uss-sgd", "rating_mean"), ("uss-mwoz", "rating_mean"))


def turn_level(data: Path, rubrics: dict, report: Report, cache: dict) -> list[str]:
    compiled = rubrics.get(PRIMARY)
    rows, readings, counts = [], [], []
    for name, column in TURN_SETS:
        key = f"{name}/turn"
        if compiled is None or not present(data, name, "turn_labels.csv"):
            report.note(f"{name}: turn labels absent (or servqual did not load), turn level skipped")
            report.missing_target(key, "set absent" if compiled else "servqual did not load")
            continue
        began = time.perf_counter()
        results = cache_get(cache, data / name, PRIMARY, compiled, report.note)
        labelled = read_rows(data / name / "turn_labels.csv")
        try:
            prefixes = score_prefixes(results, labelled, column, compiled, lambda t, n=name: report.note(f"{n}: {t}"))
        except Exception as exc:  # noqa: BLE001 - the library is edited concurrently
            report.note(f"{name}: scoring the prefixes CRASHED: {type(exc).__name__}: {exc}")
            report.missing_target(key, "scoring crashed")
            continue
        no_agent = sum(not p.has_agent for p in prefixes)
        unscored = sum(p.has_agent and p.score is None for p in prefixes)
        used = [p for p in prefixes if p.score is not None]
        seconds = time.perf_counter() - began
        counts.append([name, column, str(len(prefixes)), str(len({p.id for p in prefixes})), str(no_agent),
                       str(unscored), str(len(used)), str(len({p.id for p in used})), f"{seconds:.1f} s"])
        if not used:
            report.missing_target(key, "no scored prefix")
            continue
        score = np.array([p.score for p in used], float)
        label = np.array([p.label for p in used], float)
        length = np.array([p.n_chars for p in used], float)
        turns = np.array([p.n_turns for p in used], float)
        idx = cluster_resamples([p.id for p in used], f"{name}/turns")
        stats = []  # (statistic, score, length, turns, centre)
        if name == "jddc":
            dissatisfied = label == 0
            stats.append(("AUC for sat3 = 0 (score: 100 − running score)", auc(100 - score, dissatisfied, idx),
                          auc(length, dissatisfied, idx), auc(turns, dissatisfied, idx), 0.5))
        stats.append((f"Spearman ρ with {column}", rho(score, label, idx), rho(length, label, idx),
                      rho(turns, label, idx), 0.0))
        for i, (what, s, ln, tn, centre) in enumerate(stats):
            d_len, d_turns = paired_delta(s, ln, centre), paired_delta(s, tn, centre)
            fmt = (lambda st: st.fmt_plain()) if centre else (lambda st: st.fmt())
            rows.append([name, what, str(len(used)), fmt(s), fmt(ln), fmt(tn), d_len.fmt(), d_turns.fmt()])
            if i == 0:
                met = beats(d_len) + f" (Δ vs length {d_len.fmt()})" if name == "jddc" else meets(s, 0.30)
                report.target(key, value=f"{fmt(s)} (n={len(used)} turns, {len({p.id for p in used})} dialogues)",
                              length=fmt(ln), turns=fmt(tn), met=met)
                readings.append(f"{name} turn level: {what} {fmt(s)} over {len(used)} turns; length {fmt(ln)}, "
                                f"turn count {fmt(tn)}")
    if not counts:
        return readings
    report.heading("Turn level: running servqual score before a labelled customer turn vs its label")
    report.say("Each labelled customer turn t is scored on the prefix turns[0:t] — the agent turns so far and the "
               "customer's earlier turns, never the rated turn itself — with `sqaudit.engine.evaluate` and the "
               "compiled servqual rubric (prefixes built with `dataclasses.replace` on the Transcript). Prefixes "
               "with no agent turn yet are left out, as are prefixes where nothing in the rubric applied (score "
               "None). **Intervals: cluster bootstrap** — 1,000 resamples of whole dialogues, the turns of a "
               "dialogue kept together (they are not independent), shared by every statistic of a set (paired).")
    report.table(["set", "label", "labelled turns", "dialogues", "no agent turn yet (left out)",
                  "score None (left out)", "turns used", "dialogues used", "scoring time"], counts)
    report.table(["set", "statistic", "n turns", "running score", "prefix length (chars)", "prefix turn count",
                  "Δ vs length", "Δ vs turns"], rows)
    report.say("Baselines: the same statistic computed from the prefix length in characters and the prefix turn "
               "count, shown as they come (an AUC below 0.5 means longer prefixes go with *less* dissatisfaction). "
               "Δ = score − baseline, the baseline taken in its better direction (AUC flipped around 0.5, ρ around "
               "0), paired over the same cluster resamples.")
    return readings
