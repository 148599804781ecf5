"""Inline SVG charts for the HTML team report: plain markup strings, no JavaScript.

The HTML report must open offline and be safe to mail around, so charts are drawn here
as SVG elements written straight into the page: no chart library, no fonts, no CDN.
Every element is built by :func:`el`, which escapes every attribute value and every text
label (agent and team ids come from transcripts and are data, never markup). Numbers are
written with fixed decimals, so the same report gives the same bytes. Each chart has
``role="img"``, a ``<title>`` and a ``viewBox``, so it scales and a screen reader names it.
Labels (headings, legends, "no data") come from the caller, already in the report's language.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 640  # viewBox width of every chart; CSS scales it to the page
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")  # Okabe-Ito
GOOD, BAD, MUTED, INK, GRID = "#0072B2", "#D55E00", "#9a9a9a", "#333333", "#dddddd"
LABEL_CELLS = 22  # longer ids are cut in charts (a CJK character counts 2); tables and tooltips keep them whole

# the interval chart's x axis: tests check error-bar ends against these
INTERVAL_LEFT, INTERVAL_RIGHT, INTERVAL_ROW = 150.0, 500.0, 22.0


@dataclass(frozen=True)
class Series:
    """One coloured set of bars in a grouped bar chart: a value (or None) per category."""

    name: str
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class Interval:
    """One row of the interval chart: a mean and its 95 % interval (ends None when n < 2)."""

    label: str
    value: float
    low: float | None
    high: float | None
    muted: bool = False  # insufficient evidence: grey and dashed
    note: str = ""  # said at the row's right end, e.g. "insufficient evidence"


@dataclass(frozen=True)
class Stack:
    """One stacked bar: how many were handled to standard and how many were not."""

    label: str
    good: int
    bad: int


def num(x: float) -> str:
    """A coordinate with one fixed decimal: deterministic bytes, no float noise."""
    return f"{x:.1f}"


def el(name: str, *children: str | Markup, **attrs: object) -> Markup:
    """``<name attrs>children</name>``: attribute values and plain-str children are escaped.

    ``class_`` becomes ``class`` and underscores become hyphens (``stroke_width``); an
    attribute whose value is None is left out. Floats are written with :func:`num`.
    """
    parts = []
    for key, value in attrs.items():
        if value is None:
            continue
        text = num(value) if isinstance(value, float) else str(value)
        parts.append(Markup(' {}="{}"').format(Markup(key.rstrip("_").replace("_", "-")), text))
    opening = Markup("<{}{}").format(Markup(name), Markup("").join(parts))
    if not children:
        return opening + Markup("/>")
    return opening + Markup(">") + Markup("").join(escape(c) for c in children) + Markup("</{}>").format(Markup(name))


def clip(label: str, cells: int = LABEL_CELLS) -> str:
    """One line of at most ``cells`` half-width cells, cut with an ellipsis: labels must not overrun the axis."""
    flat = " ".join(label.split())
    widths = [2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in flat]
    if sum(widths) <= cells:
        return flat
    used, keep = 0, 0
    while used + widths[keep] <= cells - 1:  # leave one cell for the ellipsis
        used += widths[keep]
        keep += 1
    return flat[:keep] + "…"


def scale(value: float, top: float, start: float, end: float) -> float:
    """Map 0..top linearly onto start..end (a zero top maps everything to start)."""
    return start + (end - start) * (value / top if top else 0.0)


def frame(title: str, height: float, *body: Markup) -> Markup:
    return el("svg", el("title", title), *body, xmlns="http://www.w3.org/2000/svg",
              viewBox=f"0 0 {WIDTH} {num(height)}", width=str(WIDTH), height=num(height), role="img",
              aria_label=title, class_="chart", font_family="sans-serif", font_size="12", fill=INK)


def no_data(title: str, message: str) -> Markup:
    """A valid, labelled chart that says there is nothing to draw."""
    return frame(title, 60.0, el("text", message, x=float(WIDTH / 2), y=34.0, text_anchor="middle", fill=MUTED))


def text(x: float, y: float, label: str, anchor: str = "start", **attrs: object) -> Markup:
    return el("text", label, x=x, y=y, text_anchor=anchor, **attrs)


def line(x1: float, y1: float, x2: float, y2: float, stroke: str = GRID, **attrs: object) -> Markup:
    return el("line", x1=x1, y1=y1, x2=x2, y2=y2, stroke=stroke, **attrs)


def rect(x: float, y: float, w: float, h: float, fill: str, tip: str) -> Markup:
    # the <title> child is the hover tooltip: the exact figure behind the bar
    return el("rect", el("title", tip), x=x, y=y, width=w, height=h, fill=fill, class_="bar")


def legend(names: Sequence[str], colours: Sequence[str], y: float, per_row: int = 4) -> tuple[list[Markup], float]:
    """Swatches in rows of ``per_row`` from the left; returns the marks and the y below them."""
    column = (WIDTH - 50.0) / per_row
    cells = int(column / 6.5) - 3  # about 6.5 units per Latin letter at font-size 12
    marks: list[Markup] = []
    for i, (name, colour) in enumerate(zip(names, colours)):
        x, row_y = 40.0 + (i % per_row) * column, y + (i // per_row) * 18.0
        marks += [el("rect", el("title", name), x=x, y=row_y - 10.0, width=10.0, height=10.0, fill=colour),
                  text(x + 14.0, row_y, clip(name, cells))]
    return marks, y + ((len(names) + per_row - 1) // per_row) * 18.0


def grouped_bars(title: str, categories: Sequence[str], series: Sequence[Series], empty: str,
                 marker: float | None = None) -> Markup:
    """Bars of 0-100 scores: one group per category (dimension), one colour per series (team)."""
    if not series or all(v is None for s in series for v in s.values):
        return no_data(title, empty)
    colours = [PALETTE[i % len(PALETTE)] for i in range(len(series))]
    marks, top = legend([s.name for s in series], colours, 18.0)
    left, right, bottom = 40.0, WIDTH - 10.0, top + 200.0
    for tick in (0, 25, 50, 75, 100):
        y = scale(tick, 100, bottom, top)
        marks += [line(left, y, right, y), text(left - 4, y + 4, str(tick), "end")]
    group_w = (right - left) / len(categories)
    bar_w = group_w * 0.8 / len(series)
    for ci, category in enumerate(categories):
        x0 = left + ci * group_w + group_w * 0.1
        marks.append(text(x0 + group_w * 0.4, bottom + 16, clip(category, 16), "middle"))
        for si, s in enumerate(series):
            value = s.values[ci]
            if value is None:
                continue
            y = scale(value, 100, bottom, top)
            marks.append(rect(x0 + si * bar_w, y, bar_w, bottom - y, colours[si], f"{s.name}: {category} {value:.1f}"))
    if marker is not None:
        y = scale(marker, 100, bottom, top)
        marks.append(line(left, y, right, y, BAD, stroke_dasharray="4 3"))
    return frame(title, bottom + 26, *marks)


def histogram(title: str, counts: Sequence[int], x_label: str, y_label: str, empty: str,
              marker: float | None = None) -> Markup:
    """Contacts per score bin; bins split 0-100 evenly, bar heights proportional to counts."""
    if not counts or sum(counts) == 0:
        return no_data(title, empty)
    left, right, top, bottom = 40.0, WIDTH - 10.0, 28.0, 228.0
    peak = max(counts)
    step = max(1, -(-peak // 4))  # about four integer gridlines
    ceiling = step * -(-peak // step)
    marks: list[Markup] = [text(4.0, 14.0, clip(y_label, 30))]
    for tick in range(0, ceiling + 1, step):
        y = scale(tick, ceiling, bottom, top)
        marks += [line(left, y, right, y), text(left - 4, y + 4, str(tick), "end")]
    width = 100 / len(counts)
    bin_w = (right - left) / len(counts)
    for i, count in enumerate(counts):
        low, high = i * width, (i + 1) * width
        marks.append(text(left + i * bin_w, bottom + 16, f"{low:g}", "middle"))
        if count:
            y = scale(count, ceiling, bottom, top)
            marks.append(rect(left + i * bin_w + 1, y, bin_w - 2, bottom - y, GOOD, f"{low:g}-{high:g}: {count}"))
    marks.append(text(right, bottom + 16, "100", "middle"))
    marks.append(text((left + right) / 2, bottom + 34, x_label, "middle"))
    if marker is not None:
        x = scale(marker, 100, left, right)
        marks.append(line(x, top, x, bottom, BAD, stroke_dasharray="4 3"))
    return frame(title, bottom + 42, *marks)


def interval_plot(title: str, rows: Sequence[Interval], empty: str, marker: float | None = None) -> Markup:
    """A dot at each mean and a line from the interval's low end to its high end, on 0-100."""
    if not rows:
        return no_data(title, empty)
    left, right, top = INTERVAL_LEFT, INTERVAL_RIGHT, 10.0
    bottom = top + INTERVAL_ROW * len(rows)
    marks: list[Markup] = []
    for tick in (0, 25, 50, 75, 100):
        x = scale(tick, 100, left, right)
        marks += [line(x, top, x, bottom), text(x, bottom + 16, str(tick), "middle")]
    if marker is not None:
        x = scale(marker, 100, left, right)
        marks.append(line(x, top, x, bottom, BAD, stroke_dasharray="4 3"))
    for i, row in enumerate(rows):
        y = top + INTERVAL_ROW * (i + 0.5)
        colour = MUTED if row.muted else GOOD
        dash = "4 3" if row.muted else None
        marks.append(text(left - 8, y + 4, clip(row.label), "end"))
        if row.low is not None and row.high is not None:
            x1, x2 = scale(row.low, 100, left, right), scale(row.high, 100, left, right)
            marks += [line(x1, y, x2, y, colour, stroke_width="2", stroke_dasharray=dash),
                      line(x1, y - 5, x1, y + 5, colour, stroke_width="2"),
                      line(x2, y - 5, x2, y + 5, colour, stroke_width="2")]
        tip = f"{row.label}: {row.value:.1f}" + (f" ({row.low:.1f}-{row.high:.1f})" if row.low is not None
                                                  and row.high is not None else "")
        marks.append(el("circle", el("title", tip), cx=scale(row.value, 100, left, right), cy=y, r=4.5,
                        fill="#ffffff" if row.muted else colour, stroke=colour, stroke_width="2"))
        if row.note:
            marks.append(text(right + 8, y + 4, row.note, fill=MUTED, font_style="italic"))
    return frame(title, bottom + 24, *marks)


def hbars(title: str, rows: Sequence[tuple[str, float]], empty: str, top_value: float = 100.0,
          unit: str = "%") -> Markup:
    """Horizontal bars, longest first as given, with the value written after each bar."""
    if not rows:
        return no_data(title, empty)
    left, right, row_h = 220.0, WIDTH - 60.0, 22.0
    marks: list[Markup] = []
    for i, (label, value) in enumerate(rows):
        y = 8.0 + i * row_h
        end = scale(value, top_value, left, right)
        marks += [text(left - 8, y + 11, clip(label, 30), "end"),
                  rect(left, y, end - left, 14.0, BAD, f"{label}: {value:.1f}{unit}"),
                  text(end + 4, y + 11, f"{value:.1f}{unit}")]
    return frame(title, 16.0 + row_h * len(rows), *marks)


def stacked_bars(title: str, rows: Sequence[Stack], names: tuple[str, str], empty: str) -> Markup:
    """One horizontal bar per row, as long as its total: the good part, then the bad part."""
    rows = [r for r in rows if r.good + r.bad]
    if not rows:
        return no_data(title, empty)
    marks, top = legend(names, (GOOD, BAD), 18.0, per_row=2)
    left, right, row_h = 150.0, WIDTH - 60.0, 24.0
    most = max(r.good + r.bad for r in rows)
    for i, row in enumerate(rows):
        y = top + i * row_h
        mid = scale(row.good, most, left, right)
        end = scale(row.good + row.bad, most, left, right)
        marks.append(text(left - 8, y + 12, clip(row.label), "end"))
        if row.good:
            marks.append(rect(left, y, mid - left, 16.0, GOOD, f"{row.label}: {names[0]} {row.good}"))
        if row.bad:
            marks.append(rect(mid, y, end - mid, 16.0, BAD, f"{row.label}: {names[1]} {row.bad}"))
        marks.append(text(end + 4, y + 12, f"{row.good}/{row.good + row.bad}"))
    return frame(title, top + row_h * len(rows) + 4, *marks)
