"""From raters to the report: join on contact id, then agreement per criterion and per pair.

Per criterion scored by two or more raters: Cohen's κ for two raters, Fleiss' κ for three or
more (over the contacts every one of them rated), Krippendorff's nominal α (every contact
with two or more ratings), the pairwise Cohen's κ, the observed agreement and the pass rate.
N/A is excluded by default (``--na exclude``): contacts where one rater said N/A and another
pass/fail are counted as *applicability disagreements* instead; ``--na category`` makes N/A a
third category. A κ is flagged unstable when it rests on fewer than 20 contacts, when the pass
rate is below 10 % or above 90 % (the prevalence paradox: high agreement, low κ), or when no
interval could be estimated.

Per pair: κ pooled over all criteria (contacts resampled with all their criteria), and for
contact scores Spearman's ρ and the mean (absolute) difference. Over all score-giving raters:
Krippendorff's α with the interval metric. Rater standing lives in :mod:`.standing`.
"""

from __future__ import annotations

from itertools import combinations

import numpy as np

from sqaudit.agreement import kappa as k
from sqaudit.agreement.ratings import Rater, RaterSet
from sqaudit.agreement.result import (
    AgreementReport,
    CriterionAgreement,
    PairAgreement,
    PairKappa,
    ScoreAgreement,
    Settings,
)
from sqaudit.agreement.standing import coverage, standings, verdict

MIN_N = 20
RARE = 0.10
CODES = {"pass": 0, "fail": 1, "na": 2}


def analyse(data: RaterSet, settings: Settings) -> AgreementReport:
    raters = data.raters
    boot = k.Bootstrap(settings.bootstrap, settings.seed)
    views = [{r.contact: dict(r.outcomes) for r in rater.ratings} for rater in raters]
    criteria = sorted({c for rater in raters for c in rater.criteria})
    results = []
    for criterion in criteria:
        who = [i for i, rater in enumerate(raters) if criterion in rater.criteria]
        if len(who) >= 2:
            results.append(_criterion(criterion, [raters[i] for i in who], [views[i] for i in who], settings, boot))
    pairs = tuple(_pair(raters[i], raters[j], views[i], views[j], settings, boot)
                  for i, j in combinations(range(len(raters)), 2))
    stand = standings(raters, views, boot)
    return AgreementReport(settings, stand, coverage(raters, criteria), tuple(results), pairs,
                           _scores(raters, boot), verdict(stand), data.problems, data.notices)


def _codes(views: list[dict[str, dict[str, str]]], contacts: list[str], criterion: str, na: str) -> np.ndarray:
    """(raters, contacts) outcome codes, −1 for not rated (and for N/A when N/A is excluded)."""
    out = np.full((len(views), len(contacts)), -1)
    for i, view in enumerate(views):
        for j, contact in enumerate(contacts):
            outcome = view.get(contact, {}).get(criterion)
            if outcome is not None and (outcome != "na" or na == "category"):
                out[i, j] = CODES[outcome]
    return out


def _criterion(criterion: str, raters: list[Rater], views: list[dict[str, dict[str, str]]], settings: Settings,
               boot: k.Bootstrap) -> CriterionAgreement:
    contacts = sorted({c for v in views for c, o in v.items() if criterion in o})
    cats = 3 if settings.na == "category" else 2
    codes = _codes(views, contacts, criterion, settings.na)
    full = _codes(views, contacts, criterion, "category")
    rated = full >= 0
    applicability = int(sum(1 for j in range(len(contacts))
                            if rated[:, j].sum() >= 2 and len({full[i, j] == 2 for i in np.flatnonzero(rated[:, j])}) > 1))
    all_rated = (codes >= 0).all(axis=0)
    counts = np.stack([(codes[:, all_rated] == c).sum(axis=0) for c in range(cats)], axis=1)
    m = len(raters)
    if m == 2:
        rows = k.confusion_rows(codes[0, all_rated], codes[1, all_rated], cats)
        kappa = k.estimate(rows, k.cohen_from_sums, boot)
        observed = float(k.observed_from_sums(rows.sum(axis=0))) if len(rows) else None
    else:
        rows = k.fleiss_rows(counts)
        kappa = k.estimate(rows, lambda s: k.fleiss_from_sums(s, m), boot)
        observed = float(k.fleiss_observed(rows.sum(axis=0), m)) if len(rows) else None
    every = np.stack([(codes == c).sum(axis=0) for c in range(cats)], axis=1)
    pairable = every.sum(axis=1) >= 2
    alpha = k.estimate(k.alpha_nominal_rows(every[pairable]), k.alpha_nominal_from_sums, boot)
    decided = counts[:, :2].sum()
    pass_rate = float(counts[:, 0].sum() / decided) if decided else None
    pairwise = ()
    if m > 2:
        pairwise = tuple(_pair_kappa(raters[a].name, raters[b].name, codes[a], codes[b], cats, boot)
                         for a, b in combinations(range(m), 2))
    notes = _notes(kappa, observed, pass_rate, codes, all_rated)
    return CriterionAgreement(criterion, tuple(r.name for r in raters), "cohen_kappa" if m == 2 else "fleiss_kappa",
                              int(all_rated.sum()), observed, kappa, alpha, pass_rate, applicability, tuple(notes),
                              pairwise, _gate(settings.min_kappa, kappa, observed))


def _pair_kappa(a: str, b: str, x: np.ndarray, y: np.ndarray, cats: int, boot: k.Bootstrap) -> PairKappa:
    both = (x >= 0) & (y >= 0)
    rows = k.confusion_rows(x[both], y[both], cats)
    observed = float(k.observed_from_sums(rows.sum(axis=0))) if len(rows) else None
    return PairKappa(a, b, int(both.sum()), observed, k.estimate(rows, k.cohen_from_sums, boot))


def _notes(kappa: k.Stat, observed: float | None, pass_rate: float | None, codes: np.ndarray,
           used: np.ndarray) -> list[str]:
    n = int(used.sum())
    if n == 0:
        return ["no contact was rated by every one of these raters: nothing to compare"]
    notes = []
    if kappa.value is None and observed == 1.0:
        only = {0: "pass", 1: "fail", 2: "N/A"}[int(codes[:, used].flat[0])]
        notes.append(f"κ undefined: every rating was {only} (agreement 100 %)")
    if n < MIN_N:
        notes.append(f"unstable: only {n} contact(s)")
    if pass_rate is not None and kappa.value is not None and (pass_rate < RARE or pass_rate > 1 - RARE):
        notes.append(f"unstable: pass rate {pass_rate:.0%} (with few {'fails' if pass_rate > .5 else 'passes'} "
                     "κ can be low despite high agreement)")
    if kappa.value is not None and kappa.low is None:
        notes.append("no interval: too few resamples define κ")
    return notes


def _gate(min_kappa: float | None, kappa: k.Stat, observed: float | None) -> str | None:
    if min_kappa is None:
        return None
    if kappa.n == 0 or observed is None:
        return "not_evaluated"
    if kappa.value is None:
        return "pass" if observed == 1.0 else "not_evaluated"
    return "fail" if kappa.value < min_kappa else "pass"


def _pair(a: Rater, b: Rater, va: dict[str, dict[str, str]], vb: dict[str, dict[str, str]], settings: Settings,
          boot: k.Bootstrap) -> PairAgreement:
    cats = 3 if settings.na == "category" else 2
    per_contact = []
    for contact in sorted(va.keys() & vb.keys()):
        row = np.zeros(cats * cats)
        for criterion in va[contact].keys() & vb[contact].keys():
            x, y = CODES[va[contact][criterion]], CODES[vb[contact][criterion]]
            if x < cats and y < cats:
                row[x * cats + y] += 1
        if row.any():
            per_contact.append(row)
    rows = np.array(per_contact).reshape(-1, cats * cats)
    observed = float(k.observed_from_sums(rows.sum(axis=0))) if len(rows) else None
    kappa = k.estimate(rows, k.cohen_from_sums, boot)
    sa, sb = a.contacts, b.contacts
    both = [(sa[c].score, sb[c].score) for c in sorted(sa.keys() & sb.keys())
            if sa[c].score is not None and sb[c].score is not None]
    rho = mad = diff = None
    if both:
        x, y = np.array(both, float).T
        rho, mad, diff = k.spearman(x, y, boot), k.mean_of(np.abs(x - y), boot), k.mean_of(x - y, boot)
    return PairAgreement(a.name, b.name, int(rows.sum()), observed, kappa, len(both), rho, mad, diff)


def _scores(raters: tuple[Rater, ...], boot: k.Bootstrap) -> ScoreAgreement | None:
    scoring = [r for r in raters if r.has_scores]
    if len(scoring) < 2:
        return None
    maps = [r.contacts for r in scoring]
    contacts = sorted({c for m in maps for c in m})
    values = np.array([[np.nan if (s := m.get(c)) is None or s.score is None else s.score for m in maps]
                       for c in contacts], float)
    pairable = np.isfinite(values).sum(axis=1) >= 2
    alpha = k.estimate(k.alpha_interval_rows(values[pairable]), k.alpha_interval_from_sums, boot)
    tops = {r.name: max(s.score for s in r.ratings if s.score is not None) for r in scoring}
    notes = []
    if min(tops.values()) <= 10 < max(tops.values()):
        notes.append("the raters' scores look like different scales (highest: "
                     + ", ".join(f"{n} {v:g}" for n, v in tops.items()) + "): put every rater on the same scale "
                     "(sqaudit scores are 0–100)")
    if 0 < alpha.n < MIN_N:
        notes.append(f"unstable: only {alpha.n} contact(s) with two or more scores")
    return ScoreAgreement(tuple(r.name for r in scoring), alpha, tuple(notes))
