"""Helpers shared by the benchmark scripts: rubric loading, provenance, RESULTS.md sections."""

from __future__ import annotations

import datetime as _dt
import fcntl
import os
import platform
import subprocess
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
RESULTS = BENCH_DIR / "RESULTS.md"
SECTIONS = ("throughput", "scale", "validity", "report", "survey")
HEADER = """# sqaudit benchmarks

Written by `benchmarks/throughput.py`, `benchmarks/validity.py`, `benchmarks/scale.py`, `benchmarks/report_cost.py` and `benchmarks/survey.py`; each script rewrites only
its own section (between its `<!-- name:start -->` / `<!-- name:end -->` markers).
Re-run with `PYTHONPATH=. python benchmarks/throughput.py` and `PYTHONPATH=. python benchmarks/validity.py`.
"""

if str(REPO) not in sys.path:  # running `python benchmarks/x.py` from anywhere
    sys.path.insert(0, str(REPO))


def git_revision() -> str:
    """Short HEAD, with a note when sqaudit/ or rubrics/ differ from it (others edit concurrently)."""
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                             text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "sqaudit", "rubrics"], cwd=REPO,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{rev} + uncommitted changes in sqaudit/ or rubrics/" if dirty else rev


def provenance(machine_note: str = "2 cores") -> str:
    now = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return (f"revision `{git_revision()}` · {now} · machine: {machine_note} "
            f"(os.cpu_count()={os.cpu_count()}), Python {platform.python_version()}")


def load_builtin(name: str, rubric_dir: str | None = None):
    """(CompiledRubric, None) or (None, reason). ``rubric_dir`` overrides where built-ins are looked up."""
    try:  # the library is edited concurrently: an import that fails is reported, not raised
        from sqaudit.errors import RubricError
        from sqaudit.rubric.compile import compile_rubric
        from sqaudit.rubric.loader import builtin_names, load_rubric
    except Exception as exc:
        return None, f"sqaudit does not import: {type(exc).__name__}: {exc}"
    try:
        if rubric_dir:
            path = Path(rubric_dir) / f"{name}.yml"
            if not path.is_file():
                return None, f"rubric '{name}' not found in {rubric_dir}"
            ref: str | Path = path
        else:
            if name not in builtin_names():
                return None, f"built-in rubric '{name}' not available yet (built-ins now: {builtin_names() or 'none'})"
            ref = name
        return compile_rubric(load_rubric(ref)), None
    except RubricError as exc:
        problems = getattr(exc, "problems", None) or [exc]
        shown = "; ".join(str(p) for p in problems[:5])
        more = f" (+{len(problems) - 5} more)" if len(problems) > 5 else ""
        return None, f"rubric '{name}' does not load: {shown}{more}"
    except Exception as exc:  # a loader bug must not stop the benchmark
        return None, f"rubric '{name}' crashed the loader: {type(exc).__name__}: {exc}"


def update_section(name: str, body: str) -> None:
    """Replace the ``name`` section of RESULTS.md, keeping every other section."""
    assert name in SECTIONS
    RESULTS.touch(exist_ok=True)
    with RESULTS.open("r+", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)  # the two scripts may finish at the same time
        text = handle.read() or HEADER
        for section in SECTIONS:  # make sure both marker pairs exist, in order
            if f"<!-- {section}:start -->" not in text:
                text = text.rstrip("\n") + f"\n\n<!-- {section}:start -->\n_(not run yet)_\n<!-- {section}:end -->\n"
        start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
        before, rest = text.split(start, 1)
        _, after = rest.split(end, 1)
        text = before + start + "\n" + body.strip("\n") + "\n" + end + after
        handle.seek(0)
        handle.truncate()
        handle.write(text)


def md_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def text_table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    return "\n".join([fmt.format(*header), fmt.format(*("-" * w for w in widths))]
                     + [fmt.format(*map(str, row)) for row in rows])
