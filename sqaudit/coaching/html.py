"""``coach -f html``: a coaching scorecard as one self-contained page, to mail to a trainer.

Rendered from ``templates/coaching.html.j2`` with the team report's jinja Environment
(:mod:`sqaudit.templating`: autoescape always on) and its stylesheet, so the two kinds of
page look alike and every quote, id and team name is text, never markup. The dimension
profile is drawn as inline SVG by :mod:`sqaudit.svg` (this agent's bars next to the
team's). The page needs no script, and its Content-Security-Policy allows none: nothing
could run even if some text slipped through unescaped. No network, no fonts, no CDN.
"""

from __future__ import annotations

from markupsafe import Markup

from sqaudit import __version__, svg
from sqaudit.coaching import CoachingCard
from sqaudit.coaching import views as v
from sqaudit.i18n import dimension
from sqaudit.templating import environment

SUFFIX = ".html"
CSP = ("default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
       "form-action 'none'")  # the page needs no script and loads nothing


def render(card: CoachingCard) -> str:
    t = v.text(card)
    return environment().get_template("coaching.html.j2").render(
        card=card, t=t, v=v, chart=profile_chart(card), csp=CSP, version=__version__)


def profile_chart(card: CoachingCard) -> Markup:
    """Bars per dimension: this agent's mean next to the team's (the team's left out when unknown)."""
    t = v.text(card)
    names = [dimension(p.dimension, card.language) for p in card.profile]
    series = [svg.Series(v.name(card.agent.key, t), tuple(p.agent.value for p in card.profile))]
    if card.team is not None:
        series.append(svg.Series(f"{t['team_mean']} {v.name(card.team.key, t)}",
                                 tuple(p.team.value if p.team else None for p in card.profile)))
    return svg.grouped_bars(t["profile"], names, series, t["no_data"])
