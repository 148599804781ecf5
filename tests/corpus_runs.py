"""Every command that reads transcripts, in every ``-f/--format`` it offers, run once on one corpus.

The corpus is the PII corpus (tests/pii_corpus.py) with the hostile batch beside it
(tests/hostile_corpus.py) and a survey export holding both. ``run(name, fmt)`` runs a case
once per test session and keeps everything it wrote, so the PII search
(tests/test_pii_corpus.py) and the injection checks (tests/test_injection.py) read the same
outputs. Format choices are read from each command's ``--format`` option, so a new format is
run without touching this file; a new command that reads transcripts is caught by a test.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import click
import pytest

from sqaudit.cli import cli
from sqaudit.model import Transcript
from sqaudit.parsers import iter_contacts
from sqaudit.rubric.loader import load_rubric
from tests.helpers import invoke
from tests.hostile_corpus import hostile_survey_rows, write_hostile
from tests.pii_corpus import pii_survey_rows, survey_example_rows, write_corpus

Args = Callable[[Path, Path, str | None], list[str]]  # (corpus, output dir, format) -> command line


def format_choices(*path: str) -> list[str | None]:
    command: click.Command = cli
    for name in path:
        command = command.commands[name]  # type: ignore[attr-defined]
    for param in command.params:
        if isinstance(param, click.Option) and "--format" in param.opts:
            return sorted(param.type.choices)  # type: ignore[attr-defined]
    return [None]


def _golden(corpus: Path, out: Path) -> str:
    """A golden set for ``rubric test``: the corpus, and expectations that fail, so details are printed."""
    golden = out / "golden"
    shutil.copytree(corpus, golden)
    ids = sorted({item.id for item in iter_contacts([corpus]) if isinstance(item, Transcript)})
    wrong = {cid: {"criteria": {"PII-01": "pass", "APO-01": "fail", "CMP-01": "fail"}, "score": 100} for cid in ids}
    (golden / "expected.yml").write_text(json.dumps(wrong), encoding="utf-8")
    return str(golden)


@cache
def _calibration(corpus: Path) -> tuple[str, str]:
    """A one-criterion rubric and a label for every corpus contact (and one unknown id), so that
    ``calibrate`` fits, reports and writes a tuned copy rather than refusing. Beside the corpus,
    not in a run's output directory: they are inputs."""
    folder = corpus.parent / "calibration"
    folder.mkdir(exist_ok=True)
    rubric, labels = folder / "rubric.yml", folder / "labels.csv"
    rubric.write_text(
        "extends: servqual\nid: corpus\nversion: '1'\noverrides:\n"
        + "".join(f"  {c.id}: {{enabled: false}}\n" for c in load_rubric("servqual").criteria
                  if c.id not in ("CMP-00", "PII-01")), encoding="utf-8")
    ids = sorted({item.id for item in iter_contacts([corpus]) if isinstance(item, Transcript)})
    rows = [[cid, str(i % 5)] for i, cid in enumerate(ids)] + [["no-such-contact", "1"]]
    with labels.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["id", "score"], *rows])
    return str(rubric), str(labels)


# the arguments that make each command write everything it can; the survey export is beside the corpus
RUNNERS: dict[str, Args] = {
    "score": lambda c, o, f: ["score", str(c), "-f", f, "-o", str(o / f"score.{f}"), "--fail-on-critical",
                              "--min-score", "99"],
    "report": lambda c, o, f: ["report", str(c), "-f", f, "-o", str(o / f"report.{f}"), "--min-contacts", "1",
                               "--period", "week"],
    "coach": lambda c, o, f: ["coach", str(c), "--all", "-f", f, "-o", str(o / "coach"), "--min-contacts", "1"],
    "check": lambda c, o, f: ["check", str(c), "--no-config", "--max-critical", "0", "--min-score", "99",
                              "--min-dimension", "empathy=99", "--min-n", "1", "--junit", str(o / "junit.xml"),
                              "--annotations", "github", "--summary", str(o / "summary.md")],
    "diff": lambda c, o, f: ["diff", str(c), "--old", "servqual", "--new", "complaint-handling", "-f", f,
                             "-o", str(o / f"diff.{f}"), "--min-contacts", "1"],
    "plan": lambda c, o, f: ["plan", str(c), "--margin", "5", "--json"],
    "rubric test": lambda c, o, f: ["rubric", "test", "servqual", "--golden", _golden(c, o), "-v",
                                    "--junit", str(o / "rubric-test.xml")],
    "redact": lambda c, o, f: ["redact", str(c), "-o", str(o / "redacted")],
    "calibrate": lambda c, o, f: ["calibrate", str(c), "-r", _calibration(c)[0], "--labels", _calibration(c)[1],
                                  "--folds", "2", "-f", f, "-o", str(o / "tuned.yml")],
    "survey": lambda c, o, f: ["survey", str(c.parent / "survey.csv"), "--contacts", str(c), "--by", "agent",
                               "--items", "--min-respondents", "1", "-f", f, "-o", str(o / f"survey.{f}")],
}
CASES = [pytest.param(name, fmt, id=f"{name}-{fmt}" if fmt else name)
         for name in RUNNERS for fmt in format_choices(*name.split())]


@dataclass(frozen=True)
class Run:
    exit_code: int
    stdout: str
    stderr: str
    files: tuple[Path, ...]  # everything written, the golden copy of the corpus left out


@cache
def _root() -> Path:
    holder = tempfile.TemporaryDirectory(prefix="sqaudit-corpus-")
    _root.holder = holder  # type: ignore[attr-defined]  # removed when the session's interpreter exits
    return Path(holder.name)


@cache
def corpus() -> Path:
    """The corpus directory (built once): a subdirectory per input format, and the hostile batch."""
    root = _root()
    write_corpus(root / "corpus")
    (root / "corpus" / "hostile").mkdir()
    write_hostile(root / "corpus" / "hostile")
    rows = survey_example_rows()
    hostile_survey_rows(rows, skip=pii_survey_rows(rows))
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    (root / "survey.csv").write_text(buffer.getvalue(), encoding="utf-8")
    return root / "corpus"


@cache
def run(name: str, fmt: str | None) -> Run:
    out = _root() / "out" / f"{name}-{fmt}".replace(" ", "-")
    out.mkdir(parents=True)
    result = invoke(*RUNNERS[name](corpus(), out, fmt))
    files = tuple(sorted(p for p in out.rglob("*") if p.is_file() and "golden" not in p.relative_to(out).parts))
    return Run(result.exit_code, result.stdout_bytes.decode("utf-8", "replace"), result.stderr, files)
