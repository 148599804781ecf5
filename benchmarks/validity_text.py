"""Single-text validity: complaint detector (complaints), courtesy sub-score (politeness-*), empathy
criteria and their evidence (empathy). Part of benchmarks/validity.py."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from validity_data import (
    array,
    cache_get,
    courtesy_ids,
    courtesy_subscore,
    marker_criteria,
    passed_evidence,
    read_labels,
)
from validity_dialogue import PRIMARY, present
from validity_report import Report
from validity_stats import (
    auc,
    cluster_resamples,
    independent_delta,
    mean,
    meets,
    paired_delta,
    prf,
    resamples,
    rho,
    token_f1,
    verdict,
    within_interval,
)

POLITENESS_SETS = ("politeness-en", "politeness-zh", "politeness-stanford")
EMPATHY_LABELS = {"emotional_reactions": "emotional_reaction", "interpretations": "interpretation",
                  "explorations": "exploration"}  # label -> mechanism named in a courtesy criterion's markers
REFERENCE = {"politeness-stanford": "single human ρ 0.55 Wikipedia / 0.37 Stack Exchange"}


def complaints(data: Path, rubrics: dict, report: Report, cache: dict) -> list[str]:
    if not present(data, "complaints"):
        report.note("complaints: absent, skipped")
        report.missing_target("complaints", "set absent")
        return []
    labels = read_labels(data / "complaints" / "labels.csv")
    report.heading("complaints: complaint detector vs human label `complaint`")
    rows, readings = [], []
    with_detector = {rid: c for rid, c in rubrics.items() if c.detectors}
    for rid in rubrics:
        if rid not in with_detector:
            report.say(f"`{rid}` has no complaint detector (kind: complaint); not evaluated here.")
    for rid, compiled in with_detector.items():
        results = [r for r in cache_get(cache, data / "complaints", rid, compiled, report.note) if r.id in labels]
        if not results:
            continue
        y = np.array([int(labels[r.id]["complaint"]) for r in results])
        pred = np.array([r.complaint for r in results])
        hits = np.array([r.complaint_hits for r in results], float)
        length = np.array([r.n_chars for r in results], float)
        idx = resamples(len(y), f"complaints/{rid}")
        m = prf(pred, y, idx)
        tp, fp, fn = int((pred & (y == 1)).sum()), int((pred & (y == 0)).sum()), int((~pred & (y == 1)).sum())
        a_hits, a_flag, a_len = auc(hits, y, idx), auc(pred.astype(float), y, idx), auc(length, y, idx)
        d = paired_delta(a_hits, a_len, 0.5)
        rows.append([rid, str(len(y)), f"{int(y.sum())}", f"{tp}/{fp}/{fn}", m["precision"].fmt_plain(),
                     m["recall"].fmt_plain(), m["f1"].fmt_plain(), a_hits.fmt_plain(), a_flag.fmt_plain(),
                     a_len.fmt_plain(), d.fmt()])
        if rid == PRIMARY or (PRIMARY not in with_detector and rid == next(iter(with_detector))):
            report.target("complaints/f1", value=f"{m['f1'].fmt_plain()} (P {m['precision'].value:.2f}, "
                          f"R {m['recall'].value:.2f}, n={len(y)})", met=meets(m["f1"], 0.75),
                          statistic=f"F1 of the complaint detector ({rid})")
            report.target("complaints/auc", value=a_hits.fmt_plain(), length=a_len.fmt_plain(),
                          met=f"no target; {verdict(d, 'length')} (Δ {d.fmt()})",
                          statistic=f"ROC AUC of the complaint detector ({rid}, phrase hits)")
        if not np.all((hits > 0) == pred):
            report.note(f"complaints × {rid}: graded hit count > 0 does not always match result.complaint "
                        f"(min_hits > 1, or the detector's speaker option)")
        readings.append(f"complaints × {rid}: the detector finds {tp} of {tp + fn} human-labelled complaints "
                        f"(recall {m['recall'].value:.2f}, precision {m['precision'].value:.2f}, "
                        f"F1 {m['f1'].fmt_plain()}); AUC {a_hits.value:.2f}, {verdict(d, 'tweet length')} "
                        f"(AUC {a_len.value:.2f})")
    report.missing_target("complaints", "no rubric has a complaint detector")
    if rows:
        report.table(["rubric", "n", "complaints", "TP/FP/FN", "precision", "recall", "F1",
                      "AUC (phrase hits)", "AUC (binary flag)", "AUC length (baseline)", "Δ AUC hits − length"], rows)
        report.say("Graded score for the AUC: number of complaint-phrase hits in customer turns, counted with the "
                   "compiled rubric's own matcher (`CompiledRubric.scan`) on the detector criteria's phrases. "
                   "Δ takes the baseline in its better direction (AUC below 0.5 flipped), paired bootstrap.")
    return readings


def politeness(data: Path, rubrics: dict, report: Report, cache: dict) -> list[str]:
    compiled = rubrics.get(PRIMARY)
    names = [n for n in POLITENESS_SETS if present(data, n)]
    for n in sorted(set(POLITENESS_SETS) - set(names)):
        report.note(f"{n}: absent, skipped")
        report.missing_target(n, "set absent")
    if compiled is None or not names:
        report.missing_target("politeness", "needs servqual and the sets")
        return []
    ids = courtesy_ids(compiled)
    what = (f"courtesy sub-score ({len(ids)} `courtesy` criteria: {', '.join(sorted(ids))})" if ids else
            "assurance dimension (fallback: servqual has no `courtesy` criterion yet)")
    report.heading("Politeness sets: courtesy sub-score vs politeness `score` (Spearman ρ)")
    rows, readings, found = [], [], {}
    for name in names:
        labels = read_labels(data / name / "labels.csv")
        results = [r for r in cache_get(cache, data / name, PRIMARY, compiled, report.note) if r.id in labels]
        if not results:
            report.missing_target(name, "nothing scored")
            continue
        subsets = {"": results}
        if name == "politeness-stanford":
            subsets["Wikipedia"] = [r for r in results if labels[r.id].get("community") == "Wikipedia"]
            subsets["Stack Exchange"] = [r for r in results if labels[r.id].get("community") != "Wikipedia"]
        by_subset = {}
        for subset, part in subsets.items():
            y = np.array([float(labels[r.id]["score"]) for r in part])
            has, v = array([courtesy_subscore(r.result, ids) if ids else r.dims.get("assurance") for r in part])
            idx = resamples(len(v), f"{name}{subset}/courtesy")
            r_v, r_len = rho(v, y[has], idx), rho(np.array([r.n_chars for r in part], float)[has], y[has], idx)
            has_a, va = array([r.dims.get("assurance") for r in part])
            has_o, vo = array([r.score for r in part])
            r_a = r_v if not ids else rho(va, y[has_a], resamples(len(va), f"{name}{subset}/assurance"))
            d = paired_delta(r_v, r_len)
            by_subset[subset] = (r_v, r_len, d)
            rows.append([f"{name} ({subset})" if subset else name, str(len(y)), str(int((~has).sum())), r_v.fmt(),
                         r_a.fmt(), rho(vo, y[has_o], resamples(len(vo), f"{name}{subset}/overall")).fmt(),
                         r_len.fmt(), d.fmt(), "" if subset else REFERENCE.get(name, "")])
        r_v, r_len, d = by_subset[""]
        found[name] = r_v
        wiki = f"; Wikipedia only {by_subset['Wikipedia'][0].fmt()}" if "Wikipedia" in by_subset else ""
        report.target(name, value=f"{r_v.fmt()} (n={r_v.n}{wiki})", length=r_len.fmt(), met=meets(r_v, 0.45),
                      statistic=f"ρ({what}, politeness score)")
        readings.append(f"{name}: {what.split(' (')[0]} ρ {r_v.fmt()} — {verdict(d, 'length')} "
                        f"(length ρ {r_len.value:+.2f})")
    report.table(["set", "n", "sub-score None", "ρ sub-score", "ρ assurance", "ρ overall", "ρ length (baseline)",
                  "Δ sub-score − length", "reference"], rows)
    report.say(f"Sub-score: {what}; earned ÷ possible points over those criteria that applied, per text. Primary: ρ "
               "over texts where it was measured; length ρ and Δ on the same texts, paired.")
    if "politeness-zh" in found and "politeness-en" in found:
        gap = independent_delta(found["politeness-zh"], found["politeness-en"])
        half = (gap.high - gap.low) / 2 if gap.has_ci else float("nan")
        met = within_interval(gap)
        report.target("politeness/gap", value=f"{gap.fmt()} (interval half-width {half:.2f})",
                      met=met + {"yes": " (the interval contains 0)", "no": " (the interval excludes 0)"}.get(met, ""))
        report.say(f"zh − en gap: ρ(zh) − ρ(en) = {gap.fmt()}, from the two sets' independent bootstraps "
                   "(resample r of zh minus resample r of en); the gap is smaller than its interval when the "
                   f"interval contains 0: {met}.")
    else:
        report.missing_target("politeness/gap", "needs politeness-zh and politeness-en")
    return readings


def empathy(data: Path, rubrics: dict, report: Report, cache: dict) -> list[str]:
    compiled = rubrics.get(PRIMARY)
    if compiled is None or not present(data, "empathy"):
        report.note("empathy: absent (or servqual did not load), skipped")
        report.missing_target("empathy", "set absent" if compiled else "servqual did not load")
        return []
    labels = read_labels(data / "empathy" / "labels.csv")
    results = [r for r in cache_get(cache, data / "empathy", PRIMARY, compiled, report.note) if r.id in labels]
    if not results:
        report.missing_target("empathy", "nothing scored")
        return []
    report.heading("empathy: servqual's empathy criteria vs level ≥ 1 (ROC AUC) and their evidence (token F1)")
    reply_len = np.array([r.agent_chars for r in results], float)
    _, dim = array([r.dims.get("empathy") for r in results], fill=0.0)
    fallback_ids = {c.id for c in compiled.scored if c.dimension == "empathy"}
    rows, f1_rows, readings = [], [], []
    pooled: list[tuple[str, float, float]] = []  # (reply id, F1 of the quotes, F1 of the whole reply)
    for label, mechanism in EMPATHY_LABELS.items():
        crits = marker_criteria(compiled, mechanism)
        ids = {c.id for c in crits} or fallback_ids
        source = (", ".join(sorted(ids)) if crits else
                  f"empathy-dimension criteria (fallback: no `courtesy` criterion with `{mechanism}` markers yet)")
        evidence = [passed_evidence(r.result, ids) for r in results]
        passed = np.array([p for p, _ in evidence], float)
        count = np.array([len(q) for _, q in evidence], float)
        y = np.array([int(labels[r.id][label] or 0) >= 1 for r in results])
        idx = resamples(len(y), f"empathy/{label}")
        a_count, a_pass, a_dim, a_len = (auc(x, y, idx) for x in (count, passed, dim, reply_len))
        d = paired_delta(a_count, a_len, 0.5)
        rows.append([label, source, str(len(y)), str(int(y.sum())), f"{passed.mean():.2f}", a_count.fmt_plain(),
                     a_pass.fmt_plain(), a_dim.fmt_plain(), a_len.fmt_plain(), d.fmt()])
        report.target(f"empathy/{label}", value=f"{a_count.fmt_plain()} (n={len(y)}, {int(y.sum())} positive)",
                      length=f"{a_len.fmt_plain()} (reply length)", met=meets(a_count, 0.75),
                      statistic=f"AUC for {label} ≥ 1 of the number of evidence quotes of {source}")
        readings.append(f"empathy {label}: AUC {a_count.fmt_plain()} ({source}) — {verdict(d, 'reply length')} "
                        f"(AUC {a_len.value:.2f})")
        f1s, whole, ids_f1, quoted = [], [], [], []
        for r, (_, quotes) in zip(results, evidence):
            spans = [s for s in (labels[r.id].get(f"{label}_rationales") or "").split("|") if s.strip()]
            score = token_f1(quotes, spans)
            if score is None:
                continue
            reply = [t.text for t in r.transcript.turns if t.speaker == "agent"]
            f1s.append(score)
            quoted.append(bool(quotes))
            whole.append(token_f1(reply, spans) or 0.0)
            ids_f1.append(r.id)
        pooled += list(zip(ids_f1, f1s, whole))
        f1s_a, whole_a = np.array(f1s, float), np.array(whole, float)
        idx_f = resamples(len(f1s_a), f"empathy/f1/{label}")
        some = f1s_a[np.array(quoted, bool)]
        f1_rows.append([label, str(len(f1s_a)), mean(f1s_a, idx_f).fmt_plain(), str(int((f1s_a > 0).sum())),
                        mean(some, resamples(len(some), f"empathy/f1q/{label}")).fmt_plain(),
                        mean(whole_a, idx_f).fmt_plain()])
    groups = [p[0] for p in pooled]
    idx_p = cluster_resamples(groups, "empathy/f1/pooled")
    f1_all, whole_all = (mean(np.array([p[i] for p in pooled], float), idx_p) for i in (1, 2))
    report.target("empathy/f1", value=f"{f1_all.fmt_plain()} ({len(pooled)} reply × label pairs)",
                  length=f"{whole_all.fmt_plain()} (quote the whole reply)", met="no target")
    report.table(["label (level ≥ 1)", "criteria", "n", "positives", "pass rate", "AUC evidence count (primary)",
                  "AUC pass (binary)", "AUC empathy dim (None→0)", "AUC reply length (baseline)",
                  "Δ AUC evidence count − length"], rows)
    report.say("AUC over every reply; a criterion that did not apply, or passed only by its `na_policy`, quotes "
               "nothing and does not count as a pass (count 0). Evidence "
               "count = the agent-turn evidence items of the passing criteria; the engine quotes a turn at most once "
               "per finding, and here the reply is one agent turn, so the count is the number of passing criteria "
               "(with a single matching criterion it is the binary pass again). Δ takes the baseline in its better "
               "direction (AUC below 0.5 flipped), paired bootstrap.")
    report.table(["label", "replies with a rationale", "token F1 [CI]", "replies with F1 > 0",
                  "token F1 where something was quoted", "whole-reply quote (baseline)"], f1_rows)
    report.say("Token F1: lowercase word tokens (`\\w+`); per reply with at least one rationale span (`|`-separated), "
               "F1 of the union of the tokens the passing criteria quoted against the union of the rationale "
               "tokens; 0 when nothing was quoted; averaged, bootstrap over replies (pooled row in the targets "
               "table: cluster bootstrap by reply). Quotes are what ContactResult carries (`Evidence.quote`): the "
               "whole turn, redacted, cut to about 160 characters around the match — not the matched phrase; the "
               "baseline quotes the whole reply (every agent turn, unredacted, uncut) for every reply.")
    return readings
