"""Dialogue-level validity: overall score vs satisfaction (stc3, jddc, uss), stc3 parallel pairs and
the calibrated stc3 row. Part of benchmarks/validity.py."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from validity_calibrate import cross_validated_scores
from validity_data import array, cache_get, read_labels
from validity_report import Report
from validity_stats import (
    MIN_N,
    SEED,
    beats,
    make_stat,
    meets,
    paired_delta,
    resamples,
    rho,
    verdict,
)

PRIMARY = "servqual"
DIALOGUE_SETS = (("stc3-zh", "S"), ("stc3-en", "S"), ("jddc", "overall_sat3"),
                 ("uss-sgd", "overall_mean"), ("uss-mwoz", "overall_mean"))
REFERENCE = {"stc3-zh": "single human ρ 0.49; length ρ −0.28 (full set)",
             "stc3-en": "single human ρ 0.51; length ρ −0.32 (full set)"}
STC3_DIMENSIONS = ("reliability", "assurance", "tangibles", "empathy", "responsiveness")


def present(data: Path, name: str, labels: str = "labels.csv") -> bool:
    return (data / name / "transcripts.jsonl").is_file() and (data / name / labels).is_file()


def dialogue_sets(data: Path, rubrics: dict, report: Report, cache: dict) -> list[tuple[str, str, str, str]]:
    report.heading("Dialogue sets: overall score vs human satisfaction (Spearman ρ, 95 % bootstrap CI)")
    rows, readings, dim_rows, crit_rows, baseline_rows = [], [], [], [], []
    for name, column in DIALOGUE_SETS:
        if not present(data, name):
            report.note(f"{name}: absent, skipped")
            report.missing_target(name, "set absent")
            continue
        labels = read_labels(data / name / "labels.csv")
        first = True
        for rid, compiled in rubrics.items():
            results = [r for r in cache_get(cache, data / name, rid, compiled, report.note)
                       if r.id in labels and labels[r.id].get(column) not in (None, "")]
            if not results:
                report.note(f"{name} × {rid}: no labelled contacts scored")
                continue
            y = np.array([float(labels[r.id][column]) for r in results])
            length = np.array([r.n_chars for r in results], float)
            turns = np.array([r.n_turns for r in results], float)
            if first:  # baselines on every labelled contact, once per set
                idx_all = resamples(len(y), f"{name}/all")
                baseline_rows.append([name, column, str(len(y)), rho(length, y, idx_all).fmt(),
                                      rho(turns, y, idx_all).fmt(), REFERENCE.get(name, "")])
                first = False
            has, s = array([r.score for r in results])
            n_none = int((~has).sum())
            idx = resamples(int(has.sum()), f"{name}/scored/{rid}")
            r_score = rho(s, y[has], idx)
            r_len, r_turns = rho(length[has], y[has], idx), rho(turns[has], y[has], idx)
            med = float(np.median(s)) if len(s) else float("nan")
            r_med = rho(np.array([med if r.score is None else r.score for r in results], float), y,
                        resamples(len(y), f"{name}/all"))
            d_len, d_turns = paired_delta(r_score, r_len), paired_delta(r_score, r_turns)
            rows.append([name, rid, f"{len(s)}", f"{n_none}", r_score.fmt(), r_med.fmt(), r_len.fmt(), r_turns.fmt(),
                         d_len.fmt(), d_turns.fmt()])
            readings.append((name, rid, f"ρ {r_score.fmt()} (n={len(s)}, {n_none} None); "
                             + verdict(d_len, f"length (ρ {r_len.value:+.2f})"),
                             verdict(d_turns, f"turn count (ρ {r_turns.value:+.2f})")))
            if rid == PRIMARY and name in ("stc3-zh", "stc3-en", "jddc"):
                met = meets(r_score, 0.40) if name.startswith("stc3") else beats(d_len)
                report.target(name, value=f"{r_score.fmt()} (n={len(s)})", length=r_len.fmt(), turns=r_turns.fmt(),
                              met=met + ("" if name.startswith("stc3") else f" (Δ vs length {d_len.fmt()})"))
            if name.startswith("stc3"):
                crit_rows += criterion_rows(name, rid, compiled, results, y)
                dim_rows += dimension_rows(name, rid, results, y, labels)
    report.say("Baselines on every labelled contact (not rubric-dependent):")
    report.table(["set", "label", "n", "ρ length (chars)", "ρ turns", "reference (README, full sets)"], baseline_rows)
    report.say("Per rubric. **Primary: ρ score** over contacts with a score (None = nothing applied; counted in "
               "'None'). 'ρ None→median' puts the median score on those and uses every contact. Baselines in "
               "this table are on the same scored contacts. Δ = ρ score − ρ baseline, with the baseline taken "
               "in its better direction (−length if length correlates negatively), paired bootstrap; Δ > 0 "
               "with the CI above 0 means the score beats that baseline.")
    report.table(["set", "rubric", "n scored", "None", "ρ score", "ρ None→median", "ρ length", "ρ turns",
                  "Δ vs length", "Δ vs turns"], rows)
    if dim_rows:
        report.say("stc3, per dimension (ρ over contacts where the dimension was measured; None = not measured):")
        report.table(["set", "rubric", "dimension", "n", "None", "ρ vs S (satisfaction)", "ρ vs A (accomplished)"],
                     dim_rows)
    if crit_rows:
        report.say("stc3, per scored criterion: pass (1) / fail (0) against S over the contacts where it was judged "
                   "(pass or fail; not applicable left out). A negative ρ means passing goes with *lower* "
                   "satisfaction.")
        report.table(["set", "rubric", "criterion", "kind", "dimension", "judged", "pass rate", "ρ pass vs S"],
                     crit_rows)
    return readings


def criterion_rows(name: str, rid: str, compiled, results: list, y: np.ndarray) -> list[list[str]]:
    rows = []
    for crit in compiled.scored:
        judged = [(r.outcomes[crit.id] == "pass", yy) for r, yy in zip(results, y) if crit.id in r.outcomes]
        if len(judged) < MIN_N:
            continue
        p_arr = np.array([j for j, _ in judged], float)
        y_arr = np.array([yy for _, yy in judged])
        rows.append([name, rid, crit.id, crit.kind, crit.dimension, str(len(judged)), f"{p_arr.mean():.2f}",
                     rho(p_arr, y_arr, resamples(len(judged), f"{name}/{rid}/{crit.id}")).fmt()])
    return rows


def dimension_rows(name: str, rid: str, results: list, y: np.ndarray, labels: dict) -> list[list[str]]:
    rows = []
    a = np.array([float(labels[r.id]["A"]) for r in results]) if "A" in next(iter(labels.values())) else None
    for dim in STC3_DIMENSIONS:
        has_d, v = array([r.dims.get(dim) for r in results])
        if has_d.sum() < MIN_N:
            rows.append([name, rid, dim, str(int(has_d.sum())), str(int((~has_d).sum())), "n/a", "n/a"])
            continue
        idx_d = resamples(len(v), f"{name}/{rid}/{dim}")
        rows.append([name, rid, dim, str(len(v)), str(int((~has_d).sum())), rho(v, y[has_d], idx_d).fmt(),
                     rho(v, a[has_d], idx_d).fmt() if a is not None else "n/a"])
    return rows


def parallel_pairs(data: Path, rubrics: dict, report: Report, cache: dict) -> list[str]:
    """stc3-en is a translation of part of stc3-zh, same ids: does a dialogue score the same in both?"""
    compiled = rubrics.get(PRIMARY)
    if compiled is None or not (present(data, "stc3-zh") and present(data, "stc3-en")):
        report.missing_target("stc3/parallel", "needs stc3-zh, stc3-en and servqual")
        return []
    zh = {r.id: r for r in cache_get(cache, data / "stc3-zh", PRIMARY, compiled, report.note)}
    en = {r.id: r for r in cache_get(cache, data / "stc3-en", PRIMARY, compiled, report.note)}
    common_ids = sorted(set(zh) & set(en))
    pairs = [(zh[i], en[i]) for i in common_ids if zh[i].score is not None and en[i].score is not None]
    report.heading("stc3 parallel pairs: servqual score of a zh dialogue vs its en translation")
    if len(pairs) < 10:
        report.say(f"Only {len(pairs)} pairs with a score in both languages; nothing measured.")
        report.missing_target("stc3/parallel", f"{len(pairs)} scored pairs")
        return []
    sz = np.array([a.score for a, _ in pairs], float)
    se = np.array([b.score for _, b in pairs], float)
    lz, le = (np.array([p.n_chars for p in side], float) for side in zip(*pairs))
    tz, te = (np.array([p.n_turns for p in side], float) for side in zip(*pairs))
    idx = resamples(len(pairs), "stc3/parallel")
    r_score, r_len, r_turns = rho(sz, se, idx), rho(lz, le, idx), rho(tz, te, idx)
    diff = np.abs(sz - se)
    mad = make_stat(float(diff.mean()), diff[idx].mean(axis=1), len(diff))
    report.target("stc3/parallel",
                  value=f"{r_score.fmt()} (n={len(pairs)}; mean absolute difference {mad.fmt_plain(1)} points)",
                  length=f"{r_len.fmt()} (ρ of the two lengths)", turns=f"{r_turns.fmt()} (ρ of the two turn counts)",
                  met=meets(r_score, 0.8))
    dims = []
    for dim in STC3_DIMENSIONS:
        both = [(a.dims[dim], b.dims[dim]) for a, b in pairs
                if a.dims.get(dim) is not None and b.dims.get(dim) is not None]
        dz, de = np.array([p for p, _ in both], float), np.array([q for _, q in both], float)
        dims.append([dim, str(len(both)), rho(dz, de, resamples(len(both), f"stc3/parallel/{dim}")).fmt()])
    report.table(["statistic", "n pairs", "value [95 % CI]"],
                 [["ρ servqual score zh vs en", str(len(pairs)), r_score.fmt()],
                  ["mean absolute difference of the scores (points of 100)", str(len(pairs)), mad.fmt_plain(1)],
                  ["ρ length zh vs en (chars)", str(len(pairs)), r_len.fmt()],
                  ["ρ turn count zh vs en", str(len(pairs)), r_turns.fmt()]])
    report.say(f"{len(common_ids)} ids in both sets, {len(common_ids) - len(pairs)} without a score in one of them. "
               "Per dimension (pairs where both sides measured it):")
    report.table(["dimension", "n pairs", "ρ zh vs en"], dims)
    return [(f"stc3 parallel pairs: ρ(zh, en) {r_score.fmt()}, mean absolute difference {mad.value:.1f} points "
             f"(lengths correlate at ρ {r_len.value:+.2f})")]


def calibrated(data: Path, rubrics: dict, report: Report, cache: dict) -> list[str]:
    """The "stc3 calibrated" rows: ρ of the out-of-fold scores of ``sqaudit.calibrate`` with S."""
    compiled = rubrics.get(PRIMARY)
    rows, readings = [], []
    for name in ("stc3-zh", "stc3-en"):
        key = f"{name}/cal"
        if compiled is None or not present(data, name):
            report.missing_target(key, "needs the set and servqual")
            continue
        labels = read_labels(data / name / "labels.csv")
        results = [r for r in cache_get(cache, data / name, PRIMARY, compiled, report.note)
                   if r.id in labels and labels[r.id].get("S") not in (None, "") and r.score is not None]
        y = np.array([float(labels[r.id]["S"]) for r in results])
        scores, how = cross_validated_scores([r.result for r in results], y, compiled, SEED)
        if scores is None:
            report.target(key, value=how, met="—")
            continue
        has = ~np.isnan(scores)
        idx = resamples(int(has.sum()), f"{name}/calibrated")
        written = np.array([r.score for r in results], float)[has]
        length = np.array([r.n_chars for r in results], float)[has]
        turns = np.array([r.n_turns for r in results], float)[has]
        r_cal, r_raw = rho(scores[has], y[has], idx), rho(written, y[has], idx)
        r_len, r_turns = rho(length, y[has], idx), rho(turns, y[has], idx)
        d_raw, d_len = paired_delta(r_cal, r_raw), paired_delta(r_cal, r_len)
        report.target(key, value=f"{r_cal.fmt()} (n={int(has.sum())}; {how})", length=r_len.fmt(),
                      turns=r_turns.fmt(), met=meets(r_cal, 0.49))
        rows.append([name, how, str(int(has.sum())), r_raw.fmt(), r_cal.fmt(), d_raw.fmt(), r_len.fmt(), d_len.fmt()])
        readings.append(f"{name} calibrated ({how}): ρ {r_cal.fmt()} vs {r_raw.fmt()} as written")
        need = 10 * len(compiled.scored)
        if int(has.sum()) < need:
            readings.append(f"{name}: {int(has.sum())} labelled contacts is fewer than `sqaudit calibrate` accepts for "
                            f"{len(compiled.scored)} scored criteria ({need}); the command would refuse, the library "
                            "function is called here to show the figure anyway")
    if rows:
        report.heading("stc3 calibrated: cross-validated servqual points (sqaudit.calibrate) vs S")
        report.table(["set", "fit", "n", "ρ as written", "ρ calibrated (out-of-fold)", "Δ calibrated − written",
                      "ρ length", "Δ calibrated − length"], rows)
        report.say("Each contact's calibrated score comes from points fitted on the other folds. Intervals: bootstrap "
                   "over contacts of the held-out scores, the fit not re-run per resample (so they leave out the "
                   "fit's own variance); Δ paired on the same resamples.")
    return readings
