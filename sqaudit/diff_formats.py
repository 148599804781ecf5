"""Formats of ``sqaudit diff``: a terminal table, Markdown for a pull-request comment, JSON.

Each takes only the finished :class:`~sqaudit.diff.RubricDiff`. The table and Markdown
share their rows (:func:`sections`); JSON carries every figure (:func:`to_dict`).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from typing import TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text
from tabulate import tabulate

from sqaudit import __version__
from sqaudit.diff import ContactChange, Counts, RubricDiff
from sqaudit.reports.markdown import cell
from sqaudit.reports.views import mean_text, rate_text
from sqaudit.stats import Estimate

LISTED = 50  # flips shown in the table and Markdown (JSON lists them all)
Section = tuple[str, list[str], list[list[str]], str]  # title, headers, rows, note under the table


def _num(x: float | None, signed: bool = False) -> str:
    if x is None:
        return "—"
    return f"{x:+.1f}" if signed else f"{x:.1f}"


def _change(old: Estimate, new: Estimate) -> float | None:
    return None if old.value is None or new.value is None else new.value - old.value


def _counts(c: Counts | None) -> str:
    return "—" if c is None else f"{c.met} / {c.missed} / {c.not_applicable}"


def _missed(c: Counts | None) -> str:
    return "—" if c is None or c.miss_rate is None else f"{c.miss_rate * 100:.0f} %"


def _pp(x: float | None) -> str:
    return "—" if x is None else f"{x:+.1f} pp"


def summary_lines(diff: RubricDiff) -> list[str]:
    old, new = diff.old_rubric, diff.new_rubric
    counts = diff.flip_counts()
    return [
        f"Old rubric: {old.ref} — {old.id} v{old.version} (pass at {old.pass_score:g})",
        f"New rubric: {new.ref} — {new.id} v{new.version} (pass at {new.pass_score:g})",
        (f"Contacts: {diff.contacts} · Mean score: {mean_text(diff.old_score)} → {mean_text(diff.new_score)} "
         f"({_num(_change(diff.old_score, diff.new_score), signed=True)})"),
        (f"Passed: {rate_text(diff.old_pass_rate)} → {rate_text(diff.new_pass_rate)} · Flips: "
         f"{counts['pass→fail']} pass→fail, {counts['fail→pass']} fail→pass"),
    ]


def gate_lines(diff: RubricDiff) -> list[str]:
    lines = []
    for direction, verb in (("below", "would fall below"), ("above", "would rise to or above")):
        agents = diff.crossings(direction)
        names = ", ".join(f"{a.agent or '(none)'} ({_num(a.old.value)} → {_num(a.new.value)})" for a in agents)
        lines.append(f"Agents whose mean {verb} {diff.gate:g}: {names or 'none'}")
    return lines


def _contact_row(c: ContactChange) -> list[str]:
    return [c.contact_id, c.agent or "—", _num(c.old_score), _num(c.new_score), _num(c.change, signed=True),
            c.direction or ""]


def sections(diff: RubricDiff) -> list[Section]:
    changed = [c for c in diff.criteria if c.changed]
    criteria = [[c.id, c.title, c.status, _counts(c.old), _missed(c.old), _counts(c.new), _missed(c.new),
                 _pp(c.change_pp)] for c in changed]
    same = len(diff.criteria) - len(changed)
    flips = [_contact_row(c) for c in diff.flips[:LISTED]]
    more = len(diff.flips) - LISTED
    agents = [[a.agent or "—", a.team or "—", mean_text(a.old), mean_text(a.new), _num(a.change, signed=True),
               f"{a.old_rank or '—'} → {a.new_rank or '—'}",
               {"below": f"falls below {diff.gate:g}", "above": f"reaches {diff.gate:g}"}.get(a.crossing or "", "")]
              for a in diff.agents]
    contact_headers = ["Contact", "Agent", "Old score", "New score", "Change", "Pass/fail"]
    return [
        ("Criteria that change", ["Criterion", "Title", "Definition", "Old met / missed / n/a", "Old missed",
                                  "New met / missed / n/a", "New missed", "Change"], criteria,
         f"{same} criteria with the same definition and the same counts are not listed." if same else ""),
        ("Pass/fail flips", contact_headers, flips, f"… and {more} more (see -f json)" if more > 0 else ""),
        ("Biggest score changes", contact_headers, [_contact_row(c) for c in diff.biggest], ""),
        ("Agents", ["Agent", "Team", "Old mean", "New mean", "Change", "Rank", f"Gate {diff.gate:g}"], agents,
         "Ranks only for agents with enough evidence under that rubric (—: not ranked)."),
    ]


def write_table(diff: RubricDiff, out: TextIO, no_color: bool = False) -> None:
    console = Console(file=out, highlight=False, soft_wrap=False, no_color=no_color,
                      width=None if out.isatty() else 160)
    for line in summary_lines(diff):
        console.print(Text(line))
    console.print()
    for title, headers, rows, note in sections(diff):
        if not rows:
            console.print(Text(f"{title}: none", style="bold"))
            continue
        table = Table(title=Text(title), title_justify="left", header_style="bold",
                      box=box.HEAVY_HEAD if console.is_terminal else box.ASCII)
        for header in headers:
            table.add_column(Text(header), overflow="fold")
        for row in rows:
            style = "red" if "pass→fail" in row or any(c.startswith("falls below") for c in row) else None
            table.add_row(*(Text(c) for c in row), style=style)
        console.print(table)
        if note:
            console.print(Text(note, style="dim"))
    for line in gate_lines(diff):
        console.print(Text(line))
    _skipped(diff, lambda line: console.print(Text(line, style="yellow")))


def write_markdown(diff: RubricDiff, out: TextIO, no_color: bool = False) -> None:
    old, new = diff.old_rubric, diff.new_rubric
    out.write(f"## Rubric change: {cell(old.ref)} → {cell(new.ref)}\n\n")
    for line in summary_lines(diff)[2:]:
        out.write(f"- {cell(line)}\n")
    for line in gate_lines(diff):
        out.write(f"- {cell(line)}\n")
    for title, headers, rows, note in sections(diff):
        out.write(f"\n### {title}\n\n")
        if not rows:
            out.write("None.\n")
            continue
        out.write(tabulate([[cell(c) for c in row] for row in rows], headers=[cell(h) for h in headers],
                           tablefmt="github", disable_numparse=True) + "\n")
        if note:
            out.write(f"\n_{cell(note)}_\n")
    _skipped(diff, lambda line: out.write(f"\n{cell(line)}\n"))


def _skipped(diff: RubricDiff, emit: Callable[[str], None]) -> None:
    if diff.errors:
        emit(f"{len(diff.errors)} input(s) skipped (unreadable): not in either score")


def to_dict(diff: RubricDiff) -> dict[str, object]:
    """The JSON document of a diff: every figure, rounded to 2 decimals, rates in percent."""
    r = (lambda x: None if x is None else round(x, 2))

    def counts(c: Counts | None) -> dict[str, object] | None:
        return None if c is None else {"met": c.met, "missed": c.missed, "not_applicable": c.not_applicable,
                                       "miss_rate": r(None if c.miss_rate is None else c.miss_rate * 100)}

    def contact(c: ContactChange) -> dict[str, object]:
        return {"id": c.contact_id, "agent": c.agent, "old_score": r(c.old_score), "new_score": r(c.new_score),
                "change": r(c.change), "old_passed": c.old_passed, "new_passed": c.new_passed,
                "direction": c.direction}

    return {
        "old_rubric": dataclasses.asdict(diff.old_rubric), "new_rubric": dataclasses.asdict(diff.new_rubric),
        "gate": diff.gate, "contacts": diff.contacts,
        "score": {"old": diff.old_score.to_dict(), "new": diff.new_score.to_dict(),
                  "change": r(_change(diff.old_score, diff.new_score))},
        "pass_rate": {"old": diff.old_pass_rate.to_dict(), "new": diff.new_pass_rate.to_dict()},
        "criteria": [{"id": c.id, "title": c.title, "dimension": c.dimension, "status": c.status,
                      "old": counts(c.old), "new": counts(c.new), "miss_rate_change_pp": r(c.change_pp)}
                     for c in diff.criteria],
        "flips": {"counts": diff.flip_counts(), "contacts": [contact(c) for c in diff.flips]},
        "biggest_changes": [contact(c) for c in diff.biggest],
        "agents": [{"agent": a.agent, "team": a.team, "old": a.old.to_dict(), "new": a.new.to_dict(),
                    "change": r(a.change), "old_rank": a.old_rank, "new_rank": a.new_rank,
                    "insufficient_evidence": a.insufficient, "crossing": a.crossing} for a in diff.agents],
        "gate_crossings": {"below": [a.agent for a in diff.crossings("below")],
                           "above": [a.agent for a in diff.crossings("above")]},
        "skipped": [{"source": e.source, "message": e.message} for e in diff.errors],
    }


def write_json(diff: RubricDiff, out: TextIO, no_color: bool = False) -> None:
    document = {"tool": {"name": "sqaudit", "version": __version__}, **to_dict(diff)}
    if diff.run:
        document["run"] = dict(diff.run)
    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")


FORMATS: dict[str, Callable[[RubricDiff, TextIO, bool], None]] = {
    "table": write_table, "markdown": write_markdown, "json": write_json}
SUFFIXES = {".md": "markdown", ".json": "json", ".txt": "table"}
