"""The one jinja2 Environment every HTML page is rendered with, and its number filters.

The team report (:mod:`sqaudit.reports.html`) and the coaching scorecard
(:mod:`sqaudit.coaching.html`) both render templates from ``sqaudit/templates`` that hold
text from transcripts. Sharing one Environment means both get the same guarantees:
autoescaping on for every template and every string template (no way to render unescaped
by accident), undefined names are errors, and figures print the same way on every page.
The shared stylesheet is ``templates/_style.css``, pulled in with ``{% include %}``.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

DASH = "–"  # a figure that does not exist (no score, no interval)


@cache
def environment() -> Environment:
    # autoescape on for every template name, and for strings too: no way to render unescaped by accident
    env = Environment(loader=PackageLoader("sqaudit", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(fixed=fixed, percent=percent, sortkey=sortkey)
    return env


def fixed(value: float | None, decimals: int = 1) -> str:
    return DASH if value is None else f"{value:.{decimals}f}"


def percent(value: float | None) -> str:
    return DASH if value is None else f"{100 * value:.0f}%"


def sortkey(value: float | None) -> str:
    """A ``data-sort`` value: the exact figure, or empty so the script sorts it last."""
    return "" if value is None else f"{value:.4f}"
