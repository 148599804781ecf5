"""The survey as long-format records: one row per figure, for CSV and the xlsx sheets.

Columns (stable English identifiers, whatever the label language): ``section``
(dimensions, overall, reliability, items, drivers, segments, linkage), ``group`` (the
``--by`` key, the linked agent or team, empty for the whole survey), ``dimension``,
``item``, ``measure`` (gap, perception, alpha_perception, nps, ...), ``value``,
``ci_low``, ``ci_high``, ``n`` and ``method``. One shape for every figure means a pivot
table or a ``groupby`` reads all of them the same way.
"""

from __future__ import annotations

from collections.abc import Iterator

from sqaudit.stats import Estimate
from sqaudit.survey.reliability import Correlation
from sqaudit.survey.result import SurveyResult
from sqaudit.survey.segments import Segment

COLUMNS = ("section", "group", "dimension", "item", "measure", "value", "ci_low", "ci_high", "n", "method")
Record = tuple[object, ...]


def _est(section: str, group: str | None, dimension: str | None, item: str | None, measure: str,
         e: Estimate | None) -> Iterator[Record]:
    if e is not None:
        yield (section, group, dimension, item, measure, e.value, e.low, e.high, e.n, e.method)


def _corr(section: str, group: str | None, dimension: str | None, measure: str, c: Correlation | None) -> Iterator[Record]:
    if c is not None:
        yield (section, group, dimension, None, measure, c.r, c.low, c.high, c.n, c.method)


def _segment(section: str, s: Segment, key: str | None) -> Iterator[Record]:
    yield (section, key, None, None, "respondents", s.respondents, None, None, s.respondents, None)
    for d, e in s.dimensions:
        yield from _est(section, key, d, None, s.basis, e)
    yield from _est(section, key, None, None, "index", s.index)
    if s.nps is not None and s.nps.score is not None:
        yield (section, key, None, None, "nps", s.nps.score, s.nps.low, s.nps.high, s.nps.n, s.nps.method)
    if s.csat is not None:
        yield from _est(section, key, None, None, "csat_top_box", s.csat.top_box)
        yield from _est(section, key, None, None, "csat_mean", s.csat.mean)
    if s.ces is not None:
        yield from _est(section, key, None, None, "ces_mean", s.ces.mean)
    if s.satisfaction is not None:
        yield from _est(section, key, None, None, "satisfaction_mean", s.satisfaction.mean)
    yield (section, key, None, None, "insufficient_evidence", s.insufficient, None, None, s.respondents, None)


def records(result: SurveyResult) -> Iterator[Record]:
    for d in result.dimensions:
        yield from _est("dimensions", None, d.dimension, None, "expectation", d.expectation)
        yield from _est("dimensions", None, d.dimension, None, "perception", d.perception)
        yield from _est("dimensions", None, d.dimension, None, "gap", d.gap)
        yield from _est("dimensions", None, d.dimension, None, "negative_share", d.negative)
        if d.test is not None:
            yield ("dimensions", None, d.dimension, None, "paired_t", d.test.statistic, None, None, d.test.n,
                   d.test.name)
            yield ("dimensions", None, d.dimension, None, "p_adjusted", d.test.p_adjusted, None, None, d.test.n,
                   "Holm")
            yield ("dimensions", None, d.dimension, None, "effect_dz", d.test.dz, None, None, d.test.n, None)
    x = result.index
    if x is not None:
        yield from _est("overall", None, None, None, "servqual_unweighted", x.unweighted)
        yield from _est("overall", None, None, None, "servqual_weighted", x.weighted)
        if x.weighted is not None:
            yield ("overall", None, None, None, "weights_source", x.weights_source, None, None, x.weighted.n, None)
        yield from _est("overall", None, None, None, "servperf", x.servperf)
    whole = Segment(None, None, result.respondents, "", (), None, result.nps, result.csat, result.ces,
                    result.satisfaction, False)
    yield from (r for r in _segment("overall", whole, None) if r[4] not in ("respondents", "insufficient_evidence"))
    for rel in result.reliability:
        for scale in (*rel.dimensions, rel.overall):
            dim = None if scale.scope == "overall" else scale.scope
            yield ("reliability", None, dim, None, f"alpha_{rel.basis}", scale.alpha, None, None, scale.n,
                   f"cronbach {scale.method}" + (f" (n up to {scale.n_max})" if scale.method == "pairwise" else ""))
            for it in scale.items if scale.scope != "overall" else ():
                yield ("reliability", None, dim, it.item, f"item_total_r_{rel.basis}", it.item_total, None, None,
                       scale.n, "corrected item-total")
                yield ("reliability", None, dim, it.item, f"alpha_if_deleted_{rel.basis}", it.alpha_if_deleted, None,
                       None, scale.n, "cronbach")
    for flag in result.flags:
        yield ("reliability", None, None, flag.item, f"flag_{flag.kind}", flag.message, None, None, None, flag.basis)
    for score in result.items:
        yield from _est("items", None, score.dimension, score.item, "expectation", score.expectation)
        yield from _est("items", None, score.dimension, score.item, "perception", score.perception)
        yield from _est("items", None, score.dimension, score.item, "gap", score.gap)
    if result.drivers is not None:
        for row in result.drivers.rows:
            yield from _corr("drivers", None, row.dimension, f"r_perception_{result.drivers.outcome}", row.perception)
            yield from _corr("drivers", None, row.dimension, f"r_gap_{result.drivers.outcome}", row.gap)
            yield ("drivers", None, row.dimension, None, "beta", row.beta, None, None, result.drivers.n_regression,
                   "standardised least squares")
        yield ("drivers", None, None, None, "r_squared", result.drivers.r_squared, None, None,
               result.drivers.n_regression, "standardised least squares")
    for s in result.segments:
        yield from _segment(f"segments:{result.settings.by}", s, s.key)
    link = result.linkage
    if link is not None:
        for d, c in link.dimensions:
            yield from _corr("linkage", None, d, f"rho_transcript_vs_{link.basis}", c)
        for name, c in link.overall:
            yield from _corr("linkage", None, None, f"rho_score_vs_{name}", c)
        for kind, rows in (("agent", link.agents), ("team", link.teams)):
            for g in rows:
                key = f"{kind}:{g.key}"
                yield ("linkage", key, None, None, "contacts", g.contacts, None, None, g.contacts, None)
                yield ("linkage", key, None, None, "surveyed_contacts", g.surveyed, None, None, g.surveyed, None)
                yield from _est("linkage", key, None, None, "transcript_score", g.score)
                for d, e in g.transcript:
                    yield from _est("linkage", key, d, None, "transcript_dimension", e)
                if g.survey is not None:
                    for d, e in g.survey.dimensions:
                        yield from _est("linkage", key, d, None, f"survey_{g.survey.basis}", e)
