"""A hostile batch: terminal markup, HTML, spreadsheet formulas, Markdown links and a GitHub
workflow command, in contact ids, agent and team names, metadata, turn text and survey rows.

tests/test_injection.py checks that no output interprets them; tests/corpus_runs.py puts
them beside the PII corpus so each command runs once for both checks.
"""

from __future__ import annotations

import json
from pathlib import Path

# a marker word inside terminal markup: the word without its tags means the markup ran (short, so
# that no table wraps them)
MARKED = {"IDMK": "[b]IDMK[/]", "AGMK": "[i]AGMK[/i]", "TMMK": "[u]TMMK[/]"}
RICH_LINK = "[link=http://evil]click[/link]"
SCRIPT = "<script>alert(1)</script>"
FORMULAS = ['=HYPERLINK("http://evil","x")', "+cmd", "-1+2", "@SUM(A1)", "\tcmd", "\rcmd", "ok\r=1+1"]
LINK = "[click](http://evil)"
CI_COMMAND = "::error::pwned"
TEXT = (f"Thank you for calling, I'm sorry.\n{CI_COMMAND}\n{MARKED['IDMK']} {RICH_LINK} {SCRIPT} {LINK} "
        + " ".join(FORMULAS) + " [inaudible]")
AGENTS = [MARKED["AGMK"], SCRIPT, FORMULAS[0], FORMULAS[3]]
TEAMS = [MARKED["TMMK"], FORMULAS[1], SCRIPT]


def contacts() -> list[dict[str, object]]:
    ids = [MARKED["IDMK"], SCRIPT, LINK, *FORMULAS]
    return [{"id": cid, "agent": AGENTS[i % len(AGENTS)], "team": TEAMS[i % len(TEAMS)], "channel": "chat",
             "language": "en", "metadata": {"queue": SCRIPT, "tier": FORMULAS[0]},
             "turns": [{"speaker": "customer", "text": f"I want to complain! {TEXT}", "start": 0.0, "end": 3.0},
                       {"speaker": "agent", "text": TEXT, "start": 4.0, "end": 9.0}]}
            for i, cid in enumerate(ids)]


def write_hostile(directory: Path) -> None:
    """The hostile contacts as one .json list, and a contact whose error message quotes HTML."""
    (directory / "hostile.json").write_text(json.dumps(contacts(), ensure_ascii=False), encoding="utf-8")
    bad = {"id": "bad", "turns": [{"speaker": SCRIPT, "text": "x"}]}
    (directory / "bad-hostile.json").write_text(json.dumps(bad), encoding="utf-8")


def hostile_survey_rows(rows: list[list[str]], skip: set[int]) -> None:
    """Hostile agents, teams and comments in a survey export's rows (header first), except ``skip``."""
    column = {name: i for i, name in enumerate(rows[0])}
    hostile = [MARKED["AGMK"], SCRIPT, *FORMULAS]
    for n, row in enumerate(rows[1:], start=1):
        row[column["agent"]] = hostile[n % len(hostile)]
        row[column["team"]] = MARKED["TMMK"] if n % 2 else FORMULAS[0]
        if n not in skip:
            row[column["comment"]] = TEXT
    rows[3][column["e1"]] = SCRIPT  # not a number: the problem quotes it
