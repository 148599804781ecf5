"""Rows of text shared by the human-readable survey outputs (terminal, Markdown, HTML).

A figure reads ``-1.16`` with its interval ``-1.40 to -0.92`` and its ``n`` in their own
columns: gaps are negative as often as not, and "−1.4–−0.9" would be unreadable. Every
string that came from a survey file (agent ids, column values) is already redacted in the
result; the terminal escapes nothing itself because every cell is a ``rich.text.Text``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqaudit.stats import Estimate
from sqaudit.survey.labels import survey_labels
from sqaudit.survey.nps import NPS
from sqaudit.survey.reliability import Correlation, ScaleReliability
from sqaudit.survey.result import SurveyResult
from sqaudit.survey.segments import Segment

DASH = "–"
Table = tuple[str, list[str], list["Row"]]  # title, headers, rows


@dataclass(frozen=True)
class Row:
    cells: list[str]
    muted: bool = False  # insufficient evidence
    negative: bool = False  # below expectation, or a flag


def num(value: float | None, decimals: int = 2) -> str:
    return DASH if value is None else f"{value:.{decimals}f}"


def ci(est: Estimate | None, decimals: int = 2) -> str:
    if est is None or est.low is None or est.high is None:
        return DASH
    return f"{est.low:.{decimals}f} to {est.high:.{decimals}f}"


def with_ci(est: Estimate | None, decimals: int = 2) -> str:
    """``-1.16 (95% CI -1.40 to -0.92, n=117)`` for a one-line figure."""
    if est is None or est.value is None:
        return f"{DASH} (n={0 if est is None else est.n})"
    if est.low is None or est.high is None:
        return f"{est.value:.{decimals}f} (n={est.n})"
    return f"{est.value:.{decimals}f} (95% CI {ci(est, decimals)}, n={est.n})"


def share(est: Estimate | None) -> str:
    if est is None or est.value is None:
        return DASH
    bounds = "" if est.low is None or est.high is None else f" [{est.low * 100:.0f}–{est.high * 100:.0f}]"
    return f"{est.value * 100:.0f}%{bounds}"


def p_text(p: float | None) -> str:
    return DASH if p is None else "<0.001" if p < 0.001 else f"{p:.3f}"


def nps_text(n: NPS | None) -> str:
    if n is None or n.score is None:
        return DASH
    return f"{n.score:+.0f} (95% CI {n.low:+.0f} to {n.high:+.0f}, n={n.n})"


def corr_text(c: Correlation | None) -> list[str]:
    if c is None:
        return [DASH, DASH, "0", DASH]
    return [num(c.r), DASH if c.low is None else f"{c.low:.2f} to {c.high:.2f}", str(c.n), p_text(c.p_value)]


def summary_lines(result: SurveyResult) -> list[str]:
    t = survey_labels(result.settings.language)
    i = result.instrument
    files = ", ".join(f"{f.path} ({f.encoding}{', ' + t['detected'] if f.guessed else ''})" if f.encoding
                      else f"{f.path} ({f.kind})" for f in result.files)
    return [f"{t['instrument']}: {i.id} v{i.version} — {i.title_for(result.settings.language)}",
            f"{t['respondents']}: " + t["respondents_line"].format(used=result.respondents, rows=result.rows,
                                                                    skipped=result.skipped_rows),
            f"{t['files']}: {files}"]


def dimension_table(result: SurveyResult) -> Table:
    t, lang = survey_labels(result.settings.language), result.settings.language
    rel = {r.basis: {s.scope: s for s in r.dimensions} for r in result.reliability}
    alpha = (lambda basis, d: _alpha(rel.get(basis, {}).get(d)))
    if result.has_gaps:
        headers = [t["dimension"], t["items"], t["expectation"], t["perception"], t["gap"], t["ci95"], t["n"],
                   t["below"], t["paired_test"], t["alpha_p"], t["alpha_gap"]]
        rows = [Row([result.instrument.dimension_title(d.dimension, lang), str(d.items),
                     num(d.expectation.value if d.expectation else None), num(d.perception.value),
                     num(d.gap.value if d.gap else None), ci(d.gap), str(d.gap.n if d.gap else 0), share(d.negative),
                     _test(d.test), alpha("perception", d.dimension), alpha("gap", d.dimension)],
                    negative=bool(d.gap and d.gap.value is not None and d.gap.value < 0))
                for d in result.dimensions]
        return t["dimensions_title"], headers, rows
    headers = [t["dimension"], t["items"], t["perception"], t["ci95"], t["n"], t["alpha_p"]]
    rows = [Row([result.instrument.dimension_title(d.dimension, lang), str(d.items), num(d.perception.value),
                 ci(d.perception), str(d.perception.n), alpha("perception", d.dimension)]) for d in result.dimensions]
    return t["perceptions_title"], headers, rows


def _alpha(scale: ScaleReliability | None) -> str:
    if scale is None or scale.alpha is None:
        return DASH
    n = f"n={scale.n}" if scale.method == "listwise" else f"n={scale.n}–{scale.n_max}"
    return f"{scale.alpha:.2f} ({n})"


def _test(test: object) -> str:
    from sqaudit.survey.scores import GapTest

    if not isinstance(test, GapTest) or test.statistic is None:
        return DASH
    p = test.p_adjusted
    return f"t({test.df})={test.statistic:.2f}, " + ("p<0.001" if p is not None and p < 0.001 else f"p={p_text(p)}")


def index_table(result: SurveyResult) -> Table:
    t = survey_labels(result.settings.language)
    rows = []
    x = result.index
    if x is not None:
        if x.unweighted is not None:
            rows.append(Row([t["servqual_unweighted"], num(x.unweighted.value), ci(x.unweighted), str(x.unweighted.n)]))
        if x.weighted is not None:
            source = {"respondents": t["weights_respondents"], "instrument": t["weights_instrument"]}.get(
                x.weights_source, t["weights_mixed"].format(own=x.own_weights, other=x.instrument_weights))
            rows.append(Row([t["servqual_weighted"].format(source=source), num(x.weighted.value), ci(x.weighted),
                             str(x.weighted.n)]))
        if x.servperf is not None:
            rows.append(Row([t["servperf"], num(x.servperf.value), ci(x.servperf), str(x.servperf.n)]))
    rows += single_rows(result, t)
    return t["index_title"], [t["measure"], t["value"], t["ci95"], t["n"]], rows


def single_rows(result: SurveyResult, t: Mapping[str, str]) -> list[Row]:
    rows = []
    if result.nps is not None and result.nps.score is not None:
        n = result.nps
        note = t["nps_detail"].format(promoters=n.promoters, passives=n.passives, detractors=n.detractors)
        if n.rough:
            note += "; " + t["rough"].format(n=n.n)
        rows.append(Row([f"{t['nps']} ({note})", f"{n.score:+.1f}", f"{n.low:+.1f} to {n.high:+.1f}", str(n.n)]))
    if result.csat is not None:
        c = result.csat
        top = c.top_box
        rows.append(Row([t["csat_top"].format(boxes=c.boxes, scale=c.scale), share(top).split(" ")[0],
                         DASH if top.low is None else f"{top.low * 100:.0f}% to {top.high * 100:.0f}%", str(top.n)]))
        rows.append(Row([t["csat_mean"], num(c.mean.value), ci(c.mean), str(c.mean.n)]))
    if result.ces is not None:
        m = result.ces
        rows.append(Row([t["ces"].format(scale=m.scale, direction=t["easier"] if m.higher_is_better else t["harder"]),
                         num(m.mean.value), ci(m.mean), str(m.mean.n)]))
    if result.satisfaction is not None:
        m = result.satisfaction
        rows.append(Row([t["satisfaction"].format(scale=m.scale), num(m.mean.value), ci(m.mean), str(m.mean.n)]))
    return rows


def reliability_table(result: SurveyResult) -> Table:
    t, lang = survey_labels(result.settings.language), result.settings.language
    by_basis = {r.basis: r for r in result.reliability}
    bases = [b for b in ("perception", "expectation", "gap") if b in by_basis]
    headers = [t["scale"], t["items"]] + [t[{"perception": "alpha_p", "expectation": "alpha_e", "gap": "alpha_gap"}[b]]
                                          for b in bases]
    rows = []
    scopes = [*result.instrument.dimension_ids, "overall"]
    for scope in scopes:
        scales = [next(s for s in (*by_basis[b].dimensions, by_basis[b].overall) if s.scope == scope) for b in bases]
        name = t["overall"] if scope == "overall" else result.instrument.dimension_title(scope, lang)
        low = any(s.alpha is not None and s.alpha < 0.7 and s.k > 1 for s in scales)
        rows.append(Row([name, str(scales[0].k), *(_alpha(s) for s in scales)], negative=low))
    method = "pairwise" if result.settings.pairwise else "listwise"
    return t["reliability_title"].format(method=method), headers, rows


def item_table(result: SurveyResult) -> Table:
    t, lang = survey_labels(result.settings.language), result.settings.language
    perception = next((r for r in result.reliability if r.basis == "perception"), None)
    stats = {i.item: i for s in (perception.dimensions if perception else ()) for i in s.items}
    headers = [t["item"], t["dimension"], t["wording"], t["expectation"], t["perception"]] + (
        [t["gap"], t["ci95"]] if result.has_gaps else []) + [t["n"], t["item_total"], t["alpha_if_deleted"]]
    rows = []
    for score, item in zip(result.items, result.instrument.items):
        own = stats.get(item.id)
        wording = item.text_for(lang) + (f" ({t['reverse']})" if item.reverse else "")
        n = score.gap.n if score.gap is not None else score.perception.n
        rows.append(Row([item.id, result.instrument.dimension_title(item.dimension, lang), wording,
                         num(score.expectation.value if score.expectation else None), num(score.perception.value),
                         *([num(score.gap.value if score.gap else None), ci(score.gap)] if result.has_gaps else []),
                         str(n), num(own.item_total if own else None), num(own.alpha_if_deleted if own else None)],
                        negative=bool(own and own.item_total is not None and own.item_total < 0)))
    return t["items_title"], headers, rows


def driver_table(result: SurveyResult) -> Table | None:
    d = result.drivers
    if d is None:
        return None
    t, lang = survey_labels(result.settings.language), result.settings.language
    headers = [t["dimension"], t["r_perception"], t["ci95"], t["n"]] + ([t["r_gap"], t["ci95"]] if result.has_gaps
                                                                         else []) + [t["beta"]]
    rows = sorted(d.rows, key=lambda r: -(r.perception.r if r.perception.r is not None else -2))
    out = [Row([result.instrument.dimension_title(r.dimension, lang), *corr_text(r.perception)[:3],
                *(corr_text(r.gap)[:2] if result.has_gaps else []), num(r.beta)]) for r in rows]
    return t["drivers_title"].format(outcome=t["outcome_" + d.outcome]), headers, out


def driver_note(result: SurveyResult) -> str | None:
    d = result.drivers
    if d is None or d.r_squared is None:
        return None
    return survey_labels(result.settings.language)["r_squared"].format(r2=f"{d.r_squared:.2f}", n=d.n_regression)


def segment_table(result: SurveyResult, segments: tuple[Segment, ...] | None = None, by: str | None = None) -> Table:
    t, lang = survey_labels(result.settings.language), result.settings.language
    segments = result.segments if segments is None else segments
    by = by or result.settings.by or ""
    dims = result.instrument.dimension_ids
    headers = [{"agent": t["agent"], "team": t["team"]}.get(by, by), t["respondents"]]
    headers += [result.instrument.dimension_title(d, lang) for d in dims] + ([t["index"]] if dims else [])
    singles = [k for k in ("nps", "csat", "ces", "satisfaction") if k in result.instrument.singles]
    headers += [{"nps": t["nps"], "csat": t["csat_mean"], "ces": "CES", "satisfaction": t["outcome_satisfaction"]}[k]
                for k in singles] + [t["insufficient"]]
    rows = []
    for s in segments:
        cells = [s.key if s.key is not None else t["none"], str(s.respondents)]
        cells += [_short(s.dimension(d)) for d in dims] + ([_short(s.index)] if dims else [])
        for k in singles:
            cells.append(nps_text(s.nps) if k == "nps" else _short(s.csat.mean if s.csat else None) if k == "csat"
                         else _short(getattr(s, k).mean if getattr(s, k) else None))
        cells.append(t["insufficient_n"].format(n=s.respondents, min=result.settings.min_respondents)
                     if s.insufficient else "")
        rows.append(Row(cells, muted=s.insufficient,
                        negative=bool(s.index and s.index.value is not None and s.index.value < 0 and s.basis == "gap")))
    title = t["segments_title"].format(by={"agent": t["agent"], "team": t["team"]}.get(by, by))
    return title, headers, rows


def _short(est: Estimate | None) -> str:
    """``-0.81 ±0.32 (n=19)``: a figure in a crowded table."""
    if est is None or est.value is None:
        return DASH
    half = f" ±{est.half:.2f}" if est.half is not None else ""
    return f"{est.value:.2f}{half} (n={est.n})"


def linkage_tables(result: SurveyResult) -> tuple[list[str], list[Table]]:
    link = result.linkage
    if link is None:
        return [], []
    t, lang = survey_labels(result.settings.language), result.settings.language
    basis = t["basis_" + link.basis]
    lines = [t["linkage_line"].format(joined=link.joined, contacts=link.contacts, unmatched=link.unmatched_count,
                                      without=result.respondents - link.rows_with_contact)]
    if link.unmatched:
        lines.append("  " + ", ".join(link.unmatched) + (" …" if link.unmatched_count > len(link.unmatched) else ""))
    tables: list[Table] = []
    rows = [Row([result.instrument.dimension_title(d, lang), *corr_text(c)]) for d, c in link.dimensions]
    rows += [Row([f"{t['link_overall']} {name}", *corr_text(c)]) for name, c in link.overall]
    tables.append((t["link_dimensions_title"].format(basis=basis), [t["dimension"], t["rho"], t["ci95"], t["n"],
                                                                      t["p_value"]], rows))
    dims = [d for d, _ in (link.agents[0].transcript if link.agents else ())]
    for title, groups, kind in ((t["link_agents_title"], link.agents, "agent"), (t["link_teams_title"], link.teams,
                                                                                   "team")):
        headers = [t[kind], t["contacts"], t["surveyed"], t["transcript_score"]] + [
            t["transcript_vs_survey"].format(dimension=result.instrument.dimension_title(d, lang), basis=basis)
            for d in dims]
        body = []
        for g in groups:
            survey = g.survey
            cells = [g.key if g.key is not None else t["none"], str(g.contacts), str(g.surveyed),
                     num(g.score.value, 1) + (f" (n={g.score.n})" if g.score.n else "")]
            for d, est in g.transcript:
                gap = survey.dimension(d) if survey else None
                cells.append(f"{num(est.value, 1)} · {num(gap.value if gap else None)}"
                             f" (n={gap.n if gap else 0})")
            body.append(Row(cells, muted=survey is None or survey.insufficient))
        tables.append((title, headers, body))
    return lines, tables


def problem_rows(result: SurveyResult) -> list[Row]:
    return [Row([p.source, p.message + (f" (hint: {p.hint})" if p.hint else "")]) for p in result.problems]


def notes(result: SurveyResult) -> list[str]:
    from sqaudit.survey.result import method_notes

    return [f"{k}: {v}" for k, v in method_notes(result).items()]
