"""``report -f html``: one self-contained page a QA lead can open offline or mail on.

The page is rendered from ``templates/report.html.j2`` with autoescaping always on, so
agent ids, team names and every other string that came from a transcript are text, never
markup. Charts are inline SVG from :mod:`sqaudit.svg`; styles are inline; the only script
sorts tables on a click and is allowed by hash in the page's Content-Security-Policy, so
nothing else could run even if some text slipped through unescaped. No network, no fonts,
no CDN. The same run gives the same bytes.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, TextIO

from markupsafe import Markup

from sqaudit import i18n, svg
from sqaudit.model import DIMENSIONS
from sqaudit.report import TeamReport, build_report, worst_first
from sqaudit.run import AuditRun
from sqaudit.templating import DASH, environment, fixed, percent, sortkey  # noqa: F401 - re-exported

if TYPE_CHECKING:
    from sqaudit.survey.section import SurveySection

MOST_MISSED_CHARTED = 10  # the chart shows the top ten; the table below it lists them all


def write(run: AuditRun, out: TextIO, by: str = "agent", language: str | None = None,
          survey: SurveySection | None = None) -> None:
    """``survey`` (``report --survey``) sees every scored contact and adds its section to the page."""
    report = build_report(run, by, on_contact=survey.collect if survey is not None else None, language=language)
    out.write(render(report, survey.section(run.header, report.language) if survey is not None else None))


def render(report: TeamReport, survey: Mapping[str, object] | None = None) -> str:
    t = i18n.labels(report.language)
    script = sort_script()
    return environment().get_template("report.html.j2").render(
        report=report, t=t, dim=lambda name: i18n.dimension(name, report.language),
        reasons=lambda found: i18n.reasons_text(found, report.language),
        charts=charts(report, t), script=Markup(script), csp=csp(script),  # noqa: S704 - our own file, no data
        pass_score=report.rubric.pass_score, dimensions=DIMENSIONS,
        other=sorted(report.teams if report.by == "agent" else report.agents, key=worst_first),
        missed=[c for c in report.criteria if c.miss_rate is not None], survey=survey,
    )


@cache
def sort_script() -> str:
    text = files("sqaudit").joinpath("templates/sortable.js").read_text(encoding="utf-8")
    if "</" in text:  # it is written raw inside <script>: nothing may close the element early
        raise RuntimeError("templates/sortable.js must not contain '</'")
    return text


def csp(script: str) -> str:
    """The page may load nothing, and may run only its own sorting script (by hash)."""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return (f"default-src 'none'; script-src 'sha256-{digest}'; style-src 'unsafe-inline'; img-src data:; "
            "base-uri 'none'; form-action 'none'")


def charts(report: TeamReport, t: Mapping[str, str]) -> dict[str, Markup]:
    empty = t["no_data"]
    name = (lambda key: t["none"] if key is None else key)
    teams = sorted(report.teams, key=lambda g: g.key or "")
    dimensions = [i18n.dimension(d, report.language) for d in DIMENSIONS]
    series = [svg.Series(name(g.key), tuple(g.dimensions[d].value for d in DIMENSIONS)) for g in teams]
    agents = [g for g in sorted(report.agents, key=worst_first) if g.score.value is not None]
    intervals = [svg.Interval(name(g.key), g.score.value or 0.0, g.score.low, g.score.high, muted=bool(g.insufficient),
                              note=t["insufficient"] if g.insufficient else "") for g in agents]
    missed = [(f"{c.criterion.id} {c.criterion.title_for(report.language)}", 100 * (c.miss_rate or 0.0))
              for c in report.criteria if c.miss_rate is not None][:MOST_MISSED_CHARTED]
    stacks = [svg.Stack(name(g.key), passed, g.complaints - passed) for g in teams
              for passed in (round((g.complaint_pass_rate.value or 0.0) * g.complaint_pass_rate.n),)]
    pass_score = report.rubric.pass_score
    return {
        "dimensions": svg.grouped_bars(t["dimension_chart"], dimensions, series, empty, pass_score),
        "histogram": svg.histogram(t["score_distribution"], report.histogram, t["contact_score"], t["contacts"],
                                   empty, pass_score),
        "agents": svg.interval_plot(t["agent_means"], intervals, empty, pass_score),
        "missed": svg.hbars(t["most_missed"], missed, empty),
        "complaints": svg.stacked_bars(t["complaint_outcomes"], stacks,
                                       (t["complaints_passed"], t["complaints_not_passed"]), empty),
    }
