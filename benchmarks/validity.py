"""Do sqaudit's scores mean something? Built-in rubrics against human labels in ../shared/evaldata.

    PYTHONPATH=. python benchmarks/validity.py            # every set found, every built-in rubric
    PYTHONPATH=. python benchmarks/validity.py --data /path/to/evaldata --no-write

Reads the sets in place (never copies them; their licences forbid it) and skips absent ones.

* Dialogue sets (stc3-zh, stc3-en: ``S``; jddc: ``overall_sat3``; uss-sgd, uss-mwoz:
  ``overall_mean``): Spearman rho of the overall score against the label, beside the same rho for
  two trivial baselines, dialogue length in characters and number of turns, and the paired
  difference "score minus the better-oriented baseline". **Primary:** rho over the contacts that
  have a score (``score`` None = nothing in the rubric applied; their count is reported);
  secondary: None replaced by the median of the scored contacts, over all contacts. Per-dimension
  rho for stc3 (against S, and against A, task accomplished).
* complaints: the rubric's complaint detector (``result.complaint``) against ``complaint``:
  precision, recall, F1; ROC AUC of a graded score (number of complaint-phrase hits in the
  customer's turns, from the compiled rubric's own matcher) and of the binary flag.
* politeness-en/-zh/-stanford: rho of servqual's ``assurance`` dimension and overall score
  against the politeness ``score``.
* empathy: ROC AUC of servqual's ``empathy`` dimension for level >= 1 of emotional_reactions,
  interpretations and explorations.

Intervals: 95 % percentile bootstrap over contacts, 1,000 resamples drawn with a seeded
``numpy.random.default_rng`` (one resample set per set and contact subset, shared by every
statistic on it, so differences are paired). Not scipy.stats.bootstrap.
Writes the ``validity`` section of benchmarks/RESULTS.md unless ``--no-write``.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402  (puts the repo on sys.path)
import numpy as np  # noqa: E402
from scipy import stats as sps  # noqa: E402

B = 1000
MIN_N = 10  # fewer contacts than this: no correlation reported
SEED = 20260501
EXPECTED_RUBRICS = ("servqual", "complaint-handling", "three-voices")
DIALOGUE_SETS = (("stc3-zh", "S"), ("stc3-en", "S"), ("jddc", "overall_sat3"),
                 ("uss-sgd", "overall_mean"), ("uss-mwoz", "overall_mean"))
POLITENESS_SETS = ("politeness-en", "politeness-zh", "politeness-stanford")
EMPATHY_LABELS = ("emotional_reactions", "interpretations", "explorations")
# README "useful reference points" (full sets), printed beside our numbers for context
REFERENCE = {"stc3-zh": "single human ρ 0.49; length ρ −0.28 (full set)",
             "stc3-en": "single human ρ 0.51; length ρ −0.32 (full set)",
             "politeness-stanford": "single human ρ 0.55 Wikipedia / 0.37 Stack Exchange"}


# ----------------------------------------------------------------------------- statistics

def resamples(n: int, key: str) -> np.ndarray:
    rng = np.random.default_rng([SEED, zlib.crc32(key.encode())])
    return rng.integers(0, n, size=(B, n))


def _rowwise_pearson(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    a = a - a.mean(axis=1, keepdims=True)
    b = b - b.mean(axis=1, keepdims=True)
    den = np.sqrt((a * a).sum(axis=1) * (b * b).sum(axis=1))
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, (a * b).sum(axis=1) / np.where(den > 0, den, 1), np.nan)


def spearman_boot(x: np.ndarray, y: np.ndarray, idx: np.ndarray) -> np.ndarray:
    """Spearman rho of every resample (rows of idx): Pearson of ranks with ties averaged."""
    return _rowwise_pearson(sps.rankdata(x[idx], axis=1), sps.rankdata(y[idx], axis=1))


def auc_boot(score: np.ndarray, label: np.ndarray, idx: np.ndarray) -> np.ndarray:
    """ROC AUC (Mann-Whitney, ties count 1/2) of every resample."""
    s, lab = score[idx], label[idx].astype(bool)
    ranks = sps.rankdata(s, axis=1)
    n1 = lab.sum(axis=1)
    n0 = lab.shape[1] - n1
    with np.errstate(invalid="ignore", divide="ignore"):
        u = (ranks * lab).sum(axis=1) - n1 * (n1 + 1) / 2
        return np.where((n1 > 0) & (n0 > 0), u / np.where((n1 > 0) & (n0 > 0), n1 * n0, 1), np.nan)


@dataclass
class Stat:
    value: float
    low: float
    high: float
    n: int
    boot: np.ndarray = field(repr=False, default_factory=lambda: np.empty(0))
    why: str = ""  # why there is no value

    def fmt(self, digits: int = 2) -> str:
        if np.isnan(self.value):
            return f"n/a ({self.why})" if self.why else "n/a"
        ci = " [CI n/a]" if np.isnan(self.low) else f" [{self.low:+.{digits}f}, {self.high:+.{digits}f}]"
        return f"{self.value:+.{digits}f}{ci}"

    def fmt_plain(self, digits: int = 2) -> str:  # for AUC, precision...: no sign
        if np.isnan(self.value):
            return f"n/a ({self.why})" if self.why else "n/a"
        ci = " [CI n/a]" if np.isnan(self.low) else f" [{self.low:.{digits}f}, {self.high:.{digits}f}]"
        return f"{self.value:.{digits}f}{ci}"


def _stat(value: float, boot: np.ndarray, n: int) -> Stat:
    ok = boot[~np.isnan(boot)]
    if len(ok) < 0.9 * len(boot) or np.isnan(value):  # >10 % degenerate (constant) resamples: no interval
        return Stat(float(value), float("nan"), float("nan"), n, boot)
    low, high = np.percentile(ok, [2.5, 97.5])
    return Stat(float(value), float(low), float(high), n, boot)


def rho(x: np.ndarray, y: np.ndarray, idx: np.ndarray) -> Stat:
    if len(x) < MIN_N:
        return Stat(float("nan"), float("nan"), float("nan"), len(x), why=f"n={len(x)}")
    if np.all(x == x[0]) or np.all(y == y[0]):
        return Stat(float("nan"), float("nan"), float("nan"), len(x), why=f"constant {x[0]:g}"
                    if np.all(x == x[0]) else "constant label")
    value = sps.spearmanr(x, y).statistic
    return _stat(value, spearman_boot(x, y, idx), len(x))


def auc(score: np.ndarray, label: np.ndarray, idx: np.ndarray) -> Stat:
    full = auc_boot(score, label, np.arange(len(score))[None, :])[0]
    return _stat(full, auc_boot(score, label, idx), len(score))


def prf_boot(pred: np.ndarray, label: np.ndarray, idx: np.ndarray) -> dict[str, Stat]:
    def prf(p: np.ndarray, t: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        tp = (p & t).sum(axis=-1).astype(float)
        fp = (p & ~t).sum(axis=-1).astype(float)
        fn = (~p & t).sum(axis=-1).astype(float)
        with np.errstate(invalid="ignore", divide="ignore"):
            prec = np.where(tp + fp > 0, tp / np.maximum(tp + fp, 1), np.nan)
            rec = np.where(tp + fn > 0, tp / np.maximum(tp + fn, 1), np.nan)
            f1 = np.where(2 * tp + fp + fn > 0, 2 * tp / np.maximum(2 * tp + fp + fn, 1), np.nan)
        return prec, rec, f1

    p, t = pred.astype(bool), label.astype(bool)
    full = prf(p, t)
    boots = prf(p[idx], t[idx])
    return {name: _stat(float(full[i]), boots[i], len(p)) for i, name in enumerate(("precision", "recall", "f1"))}


# ----------------------------------------------------------------------------- data

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


def read_labels(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["id"]: row for row in csv.DictReader(handle)}


def score_set(path: Path, compiled) -> tuple[list[Scored], list[str], int]:
    """Every contact of ``path`` through the library; (results, input problems, internal errors)."""
    from sqaudit.model import Outcome, Transcript
    from sqaudit.parsers import iter_contacts
    from sqaudit.run import start_run
    from sqaudit.text import normalize

    detector_ids = {c.id for c in compiled.detectors}
    detector_speaker = {c.id: c.options.get("speaker", "customer") for c in compiled.detectors}
    shape: dict[str, tuple[int, int, int, int]] = {}

    def watch(items) -> Iterator[object]:
        for item in items:
            if isinstance(item, Transcript):
                hits = 0
                if detector_ids:
                    found = compiled.scan([normalize(t.text) for t in item.turns])
                    for owner in detector_ids:
                        hits += sum(1 for h in found.get(owner, ())
                                    if detector_speaker[owner] == "any" or item.turns[h.turn].speaker == "customer")
                shape[item.id] = (len(item.turns), sum(len(t.text) for t in item.turns),
                                  sum(len(t.text) for t in item.turns if t.speaker == "agent"), hits)
            yield item

    run = start_run(watch(iter_contacts([path])), compiled)
    out = []
    internal = []
    for result in run.contacts():
        n_turns, n_chars, agent_chars, hits = shape[result.id]
        judged = {f.criterion_id: f.outcome.value for f in result.findings
                  if f.outcome in (Outcome.PASS, Outcome.FAIL) and f.max_points > 0}
        out.append(Scored(result.id, result.score, dict(result.dimensions), bool(result.complaint), n_turns,
                          n_chars, agent_chars, hits, judged))
        internal += [f"{result.id} {f.criterion_id}: {f.message}" for f in result.findings if f.outcome is Outcome.ERROR]
    problems = [str(e) for e in run.errors]
    return out, problems + internal, len(internal)


# ----------------------------------------------------------------------------- reports

class Report:
    def __init__(self) -> None:
        self.md: list[str] = []
        self.notes: list[str] = []  # problems met on the way (rubrics, crashes, input errors)

    def heading(self, text: str) -> None:
        print(f"\n=== {text} ===")
        self.md += ["", f"### {text}", ""]

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        print(common.text_table(header, rows))
        self.md += [common.md_table(header, rows), ""]

    def say(self, text: str) -> None:
        print(text)
        self.md += [text, ""]

    def note(self, text: str) -> None:
        print(f"NOTE: {text}")
        self.notes.append(text)


def verdict(delta: Stat, what: str) -> str:
    if np.isnan(delta.value) or np.isnan(delta.low):
        return f"can't tell vs {what}"
    if delta.low > 0:
        return f"beats {what}"
    if delta.high < 0:
        return f"worse than {what}"
    return f"no clear difference from {what}"


def dialogue_sets(data: Path, rubrics: dict, report: Report, cache: dict) -> list[tuple[str, str, str, str]]:
    report.heading("Dialogue sets: overall score vs human satisfaction (Spearman ρ, 95 % bootstrap CI)")
    rows, readings, dim_rows, crit_rows = [], [], [], []
    baseline_rows = []
    for name, column in DIALOGUE_SETS:
        folder = data / name
        if not (folder / "transcripts.jsonl").is_file() or not (folder / "labels.csv").is_file():
            report.note(f"{name}: absent, skipped")
            continue
        labels = read_labels(folder / "labels.csv")
        first = True
        for rid, compiled in rubrics.items():
            results = cache_get(cache, folder, rid, compiled, report)
            results = [r for r in results if r.id in labels and labels[r.id].get(column) not in (None, "")]
            if not results:
                report.note(f"{name}: no labelled contacts scored")
                continue
            y = np.array([float(labels[r.id][column]) for r in results])
            length = np.array([r.n_chars for r in results], float)
            turns = np.array([r.n_turns for r in results], float)
            if first:  # baselines on every labelled contact, once per set
                idx_all = resamples(len(y), f"{name}/all")
                baseline_rows.append([name, column, str(len(y)), rho(length, y, idx_all).fmt(),
                                      rho(turns, y, idx_all).fmt(), REFERENCE.get(name, "")])
                first = False
            has = np.array([r.score is not None for r in results])
            n_none = int((~has).sum())
            s = np.array([r.score for r in results if r.score is not None], float)
            idx = resamples(int(has.sum()), f"{name}/scored/{rid}")
            ys, ls, ts = y[has], length[has], turns[has]
            r_score = rho(s, ys, idx)
            r_len, r_turns = rho(ls, ys, idx), rho(ts, ys, idx)
            med = float(np.median(s)) if len(s) else float("nan")
            filled = np.array([r.score if r.score is not None else med for r in results], float)
            r_med = rho(filled, y, resamples(len(y), f"{name}/all"))
            deltas = []
            for base, label in ((r_len, "length"), (r_turns, "turns")):
                if np.isnan(r_score.value) or np.isnan(base.value):
                    deltas.append(Stat(float("nan"), float("nan"), float("nan"), len(s)))
                    continue
                sign = 1.0 if base.value >= 0 else -1.0  # the baseline in its better direction
                d = r_score.boot - sign * base.boot
                deltas.append(_stat(r_score.value - sign * base.value, d, len(s)))
            rows.append([name, rid, f"{len(s)}", f"{n_none}", r_score.fmt(), r_med.fmt(), r_len.fmt(), r_turns.fmt(),
                         deltas[0].fmt(), deltas[1].fmt()])
            readings.append((name, rid, f"ρ {r_score.fmt()} (n={len(s)}, {n_none} None); "
                             + verdict(deltas[0], f"length (ρ {r_len.fmt().split(' [')[0]})"),
                             verdict(deltas[1], f"turn count (ρ {r_turns.fmt().split(' [')[0]})")))
            if name.startswith("stc3"):
                for crit in compiled.scored:
                    judged = [(r.outcomes[crit.id] == "pass", yy) for r, yy in zip(results, y) if crit.id in r.outcomes]
                    if len(judged) < MIN_N:
                        continue
                    p_arr = np.array([j for j, _ in judged], float)
                    y_arr = np.array([yy for _, yy in judged])
                    crit_rows.append([name, rid, crit.id, crit.dimension, str(len(judged)), f"{p_arr.mean():.2f}",
                                      rho(p_arr, y_arr, resamples(len(judged), f"{name}/{rid}/{crit.id}")).fmt()])
                a = np.array([float(labels[r.id]["A"]) for r in results]) if "A" in next(iter(labels.values())) else None
                for dim in ("reliability", "assurance", "tangibles", "empathy", "responsiveness"):
                    has_d = np.array([r.dims.get(dim) is not None for r in results])
                    if has_d.sum() < MIN_N:
                        dim_rows.append([name, rid, dim, str(int(has_d.sum())), str(int((~has_d).sum())), "n/a", "n/a"])
                        continue
                    v = np.array([r.dims[dim] for r in results if r.dims.get(dim) is not None], float)
                    idx_d = resamples(len(v), f"{name}/{rid}/{dim}")
                    dim_rows.append([name, rid, dim, str(len(v)), str(int((~has_d).sum())),
                                     rho(v, y[has_d], idx_d).fmt(),
                                     rho(v, a[has_d], idx_d).fmt() if a is not None else "n/a"])
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
        report.table(["set", "rubric", "criterion", "dimension", "judged", "pass rate", "ρ pass vs S"], crit_rows)
    return readings


def cache_get(cache: dict, folder: Path, rid: str, compiled, report: Report) -> list[Scored]:
    key = (folder.name, rid)
    if key not in cache:
        began = time.perf_counter()
        try:
            results, problems, internal = score_set(folder / "transcripts.jsonl", compiled)
        except Exception as exc:  # a library crash: report it, go on with the other sets
            import traceback

            report.note(f"{folder.name} × {rid}: the scoring path CRASHED: {type(exc).__name__}: {exc}\n"
                        + traceback.format_exc(limit=-3))
            results, problems, internal = [], [], 0
        if problems:
            report.note(f"{folder.name} × {rid}: {len(problems)} input problems / internal errors "
                        f"({internal} internal), e.g. {problems[:3]}")
        print(f"  scored {folder.name} with {rid}: {len(results)} contacts in {time.perf_counter() - began:.1f} s",
              file=sys.stderr)
        cache[key] = results
    return cache[key]


def paired_delta(a: Stat, b: Stat, center: float = 0.0) -> Stat:
    """a − b with b in its better direction (around ``center``: 0 for ρ, 0.5 for AUC); paired resamples."""
    if np.isnan(a.value) or np.isnan(b.value) or a.boot.shape != b.boot.shape or not a.boot.size:
        return Stat(float("nan"), float("nan"), float("nan"), a.n)
    flip = b.value < center
    b_val = 2 * center - b.value if flip else b.value
    b_boot = 2 * center - b.boot if flip else b.boot
    return _stat(a.value - b_val, a.boot - b_boot, a.n)


def complaints(data: Path, rubrics: dict, report: Report, cache: dict) -> list[str]:
    folder = data / "complaints"
    if not (folder / "transcripts.jsonl").is_file():
        report.note("complaints: absent, skipped")
        return []
    labels = read_labels(folder / "labels.csv")
    report.heading("complaints: complaint detector vs human label `complaint`")
    rows, readings = [], []
    with_detector = {rid: c for rid, c in rubrics.items() if c.detectors}
    for rid in rubrics:
        if rid not in with_detector:
            report.say(f"`{rid}` has no complaint detector (kind: complaint); not evaluated here.")
    for rid, compiled in with_detector.items():
        results = [r for r in cache_get(cache, folder, rid, compiled, report) if r.id in labels]
        if not results:
            continue
        y = np.array([int(labels[r.id]["complaint"]) for r in results])
        pred = np.array([r.complaint for r in results])
        hits = np.array([r.complaint_hits for r in results], float)
        length = np.array([r.n_chars for r in results], float)
        idx = resamples(len(y), f"complaints/{rid}")
        m = prf_boot(pred, y, idx)
        tp, fp = int((pred & (y == 1)).sum()), int((pred & (y == 0)).sum())
        fn = int((~pred & (y == 1)).sum())
        a_hits, a_flag, a_len = auc(hits, y, idx), auc(pred.astype(float), y, idx), auc(length, y, idx)
        d = paired_delta(a_hits, a_len, 0.5)
        rows.append([rid, str(len(y)), f"{int(y.sum())}", f"{tp}/{fp}/{fn}", m["precision"].fmt_plain(),
                     m["recall"].fmt_plain(), m["f1"].fmt_plain(), a_hits.fmt_plain(), a_flag.fmt_plain(),
                     a_len.fmt_plain(), d.fmt()])
        if not np.all((hits > 0) == pred):
            report.note(f"complaints × {rid}: graded hit count > 0 does not always match result.complaint "
                        f"(min_hits > 1, or the detector's speaker option)")
        readings.append(f"complaints × {rid}: the detector finds {tp} of {tp + fn} human-labelled complaints "
                        f"(recall {m['recall'].value:.2f}, precision {m['precision'].value:.2f}, "
                        f"F1 {m['f1'].fmt_plain()}); its AUC {a_hits.value:.2f} is "
                        + verdict(d, "tweet length").replace("beats", "better than") + f" (AUC {a_len.value:.2f})")
    if rows:
        report.table(["rubric", "n", "complaints", "TP/FP/FN", "precision", "recall", "F1",
                      "AUC (phrase hits)", "AUC (binary flag)", "AUC length (baseline)", "Δ AUC hits − length"], rows)
        report.say("Graded score for the AUC: number of complaint-phrase hits in customer turns, counted with the "
                   "compiled rubric's own matcher (`CompiledRubric.scan`) on the detector criteria's phrases. "
                   "Δ takes the baseline in its better direction (AUC below 0.5 flipped), paired bootstrap.")
    return readings


def politeness(data: Path, rubrics: dict, report: Report, cache: dict) -> list[str]:
    compiled = rubrics.get("servqual")
    present = [n for n in POLITENESS_SETS if (data / n / "transcripts.jsonl").is_file()]
    for n in POLITENESS_SETS:
        if n not in present:
            report.note(f"{n}: absent, skipped")
    if compiled is None or not present:
        if present:
            report.note("politeness sets need servqual, which did not load")
        return []
    report.heading("Politeness sets: servqual assurance / overall vs politeness `score` (Spearman ρ)")
    rows, readings = [], []
    for name in present:
        labels = read_labels(data / name / "labels.csv")
        results = [r for r in cache_get(cache, data / name, "servqual", compiled, report) if r.id in labels]
        if not results:
            continue
        y = np.array([float(labels[r.id]["score"]) for r in results])
        length = np.array([r.n_chars for r in results], float)
        cells = [name, str(len(y))]
        found: dict[str, tuple[Stat, Stat]] = {}
        for key in ("assurance", "overall"):
            vals = [(r.score if key == "overall" else r.dims.get(key)) for r in results]
            has = np.array([v is not None for v in vals])
            v = np.array([x for x in vals if x is not None], float)
            idx = resamples(len(v), f"{name}/{key}")
            r_v, r_len = rho(v, y[has], idx), rho(length[has], y[has], idx)
            found[key] = (r_v, r_len)
            cells += [str(int((~has).sum())), r_v.fmt()]
        r_a, r_len = found["assurance"]
        d = paired_delta(r_a, r_len)
        cells += [r_len.fmt(), d.fmt(), REFERENCE.get(name, "")]
        rows.append(cells)
        readings.append(f"{name}: assurance ρ {r_a.fmt()} — {verdict(d, 'length')} (length ρ {r_len.value:+.2f})")
    report.table(["set", "n", "assurance None", "ρ assurance", "overall None", "ρ overall", "ρ length (baseline)",
                  "Δ assurance − length", "reference"], rows)
    report.say("Primary: ρ over texts where the dimension (or the score) was measured. Length ρ and Δ are on the "
               "assurance-measured texts, paired.")
    return readings


def empathy(data: Path, rubrics: dict, report: Report, cache: dict) -> list[str]:
    folder = data / "empathy"
    compiled = rubrics.get("servqual")
    if not (folder / "transcripts.jsonl").is_file():
        report.note("empathy: absent, skipped")
        return []
    if compiled is None:
        report.note("empathy needs servqual, which did not load")
        return []
    labels = read_labels(folder / "labels.csv")
    results = [r for r in cache_get(cache, folder, "servqual", compiled, report) if r.id in labels]
    if not results:
        return []
    report.heading("empathy: servqual empathy dimension vs level ≥ 1 (ROC AUC)")
    nan = Stat(float("nan"), float("nan"), float("nan"), 0)
    has = np.array([r.dims.get("empathy") is not None for r in results])
    emp = np.array([r.dims["empathy"] for r in results if r.dims.get("empathy") is not None], float)
    overall_has = np.array([r.score is not None for r in results])
    overall = np.array([r.score for r in results if r.score is not None], float)
    reply_len = np.array([r.agent_chars for r in results], float)
    filled = np.array([r.dims["empathy"] if r.dims.get("empathy") is not None else 0.0 for r in results], float)
    rows, readings = [], []
    for label in EMPATHY_LABELS:
        y = np.array([int(labels[r.id][label] or 0) >= 1 for r in results])
        idx_d = resamples(int(has.sum()), f"empathy/dim/{label}")
        idx_all = resamples(len(y), f"empathy/all/{label}")
        enough = has.sum() >= MIN_N
        a_dim = auc(emp, y[has], idx_d) if enough else nan
        a_len = auc(reply_len[has], y[has], idx_d) if enough else nan
        a_all = (auc(overall, y[overall_has], resamples(int(overall_has.sum()), f"empathy/overall/{label}"))
                 if overall_has.sum() >= MIN_N else nan)
        d = paired_delta(a_dim, a_len, 0.5)
        rows.append([label, str(len(y)), f"{int(y.sum())}", str(int((~has).sum())), a_dim.fmt_plain(),
                     auc(filled, y, idx_all).fmt_plain(), a_all.fmt_plain(), a_len.fmt_plain(), d.fmt()])
        readings.append(f"empathy {label}: empathy-dimension AUC {a_dim.fmt_plain()} — {verdict(d, 'reply length')} "
                        f"(AUC {a_len.value:.2f})")
    report.table(["label (level ≥ 1)", "n", "positives", "empathy None", "AUC empathy dim",
                  "AUC empathy (None→0)", "AUC overall", "AUC reply length (baseline)", "Δ AUC empathy − length"],
                 rows)
    report.say("Primary: AUC over replies where the empathy dimension was measured; 'None→0' counts an "
               "unmeasured dimension as no empathy, over every reply. Reply length = characters of the agent "
               "turn(s); Δ takes it in its better direction (AUC below 0.5 flipped), paired bootstrap.")
    return readings


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(common.REPO.parent / "shared" / "evaldata"),
                    help="evaldata folder (default: ../shared/evaldata relative to the repo)")
    ap.add_argument("--rubric-dir", help="look rubrics up as DIR/NAME.yml instead of the built-ins")
    ap.add_argument("--rubrics", nargs="*", default=None, help="rubric names (default: every built-in)")
    ap.add_argument("--no-write", action="store_true", help="do not update benchmarks/RESULTS.md")
    args = ap.parse_args(argv)
    began = time.perf_counter()
    data = Path(args.data)
    report = Report()
    args.provenance = common.provenance()  # taken at the start: HEAD moves while others commit
    print(f"provenance: {args.provenance}")
    if not data.is_dir():
        report.note(f"no evaldata at {data}; nothing to measure")
    from sqaudit.rubric.loader import builtin_names

    names = args.rubrics or sorted(set(EXPECTED_RUBRICS) | (set() if args.rubric_dir else set(builtin_names())))
    rubrics = {}
    for name in names:
        compiled, problem = common.load_builtin(name, args.rubric_dir)
        if compiled is None:
            report.note(problem)
        else:
            rubrics[name] = compiled
            print(f"rubric {name}: v{compiled.rubric.version}, {len(compiled.rubric.criteria)} criteria, "
                  f"{len(compiled.detectors)} complaint detector(s)")
    readings: list[str] = []
    dialogue_readings: list[tuple[str, str, str, str]] = []
    if rubrics and data.is_dir():
        cache: dict = {}
        dialogue_readings = dialogue_sets(data, rubrics, report, cache)
        readings += complaints(data, rubrics, report, cache)
        readings += politeness(data, rubrics, report, cache)
        readings += empathy(data, rubrics, report, cache)
    elapsed = time.perf_counter() - began

    summary = reading_text(dialogue_readings, readings)
    print("\n=== reading ===\n" + summary)
    if report.notes:
        print("\n=== problems met ===\n" + "\n".join(f"- {n}" for n in report.notes))
    print(f"\n(validity run took {elapsed:.0f} s)")
    if not args.no_write:
        body = ["## Validity", "", args.provenance, "",
                f"Data: `{data}` (read in place, never copied). Rubrics: "
                + (", ".join(f"`{k}` v{c.rubric.version} (sha256 `{c.rubric.sha256[:12]}`)" for k, c in rubrics.items())
                   or "none loaded")
                + f". Intervals: 95 % percentile bootstrap over contacts, {B:,} resamples, seeded numpy generator "
                "(not scipy.stats.bootstrap); statistics on one set share resamples (paired). "
                f"Run time {elapsed:.0f} s.", "",
                "**Reading — does the score beat length?**", "", summary]
        body += report.md
        if report.notes:
            body += ["", "**Problems met on this run:**", ""] + [f"- {n.splitlines()[0]}" for n in report.notes]
        common.update_section("validity", "\n".join(body))
        print(f"wrote the validity section of {common.RESULTS}")
    return 0


def reading_text(dialogue: list[tuple[str, str, str, str]], other: list[str]) -> str:
    if not dialogue and not other:
        return "Nothing measured (no rubric loaded, or no data)."
    lines = []
    if dialogue:
        beats = sum("; beats" in v for _, _, v, _ in dialogue)
        worse = sum("; worse" in v for _, _, v, _ in dialogue)
        negative = [f"{s} × {r}" for s, r, v, _ in dialogue if v.startswith("ρ -") and "[-" in v
                    and v.split("[", 1)[1].split(",")[1].strip().startswith("-")]
        cant = sum("can't tell" in v for _, _, v, _ in dialogue)
        lines.append(f"Across {len(dialogue)} set × rubric pairs the overall score beats dialogue length in {beats}, "
                     f"is clearly worse in {worse}, is not distinguishable from it in "
                     f"{len(dialogue) - beats - worse - cant}, and can't be compared in {cant} (too few scored "
                     f"contacts); paired 95 % bootstrap on ρ.")
        if negative:
            lines.append(f"The score correlates *negatively* with satisfaction (whole CI below 0) in "
                         f"{len(negative)}: {', '.join(negative)}.")
        lines += [f"- {s} × {r}: {v}; {t}." for s, r, v, t in dialogue]
    lines += [f"- {x}" for x in other]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
