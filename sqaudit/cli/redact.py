"""``sqaudit redact``: a copy of transcripts with card numbers, IDs, phones, e-mails and secrets masked.

Where the copies go:

* one file, and no ``-o`` or ``-o -``: to stdout;
* one file and ``-o FILE``: to that file, which keeps the input's suffix (its format);
* a directory, several inputs, or ``-o`` naming an existing directory (or ending in ``/``):
  OUT is a directory, created if needed. A directory's files are written under OUT by their
  path inside it (the tree is mirrored), a file named directly as ``OUT/NAME``. Only the
  kinds sqaudit redacts are copied (:data:`sqaudit.redaction.KINDS`); other files are
  counted and left out, never copied unredacted.

Inputs are never overwritten: OUT equal to or inside a directory being redacted is refused
(exit 2) before anything is written, and a copy that would land on an input, or on another
copy, is skipped and named.

Reports go to stderr: per file, ``redacted 3 card, 2 phone in calls/c-1.json`` (or ``no PII
found``), lines masked as text because they did not parse, encodings that were guessed, and
files skipped with the reason and a hint. Exit codes: 0 at least one copy was written
(skipped files are named on stderr); 2 nothing was written (usage, or no input could be read
or made safe); 3 internal error.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import click

from sqaudit.cli.app import EXIT_NO_VERDICT, EXIT_OK, State, cli
from sqaudit.encodings import check_name
from sqaudit.errors import InputError, UsageError
from sqaudit.redact import redact as mask_text
from sqaudit.redaction import KINDS, Redacted, redact_file
from sqaudit.redaction.masker import describe_counts

KNOWN = ", ".join(sorted(KINDS))


@dataclass(frozen=True, slots=True)
class Copy:
    src: Path
    dest: Path | None  # None: stdout


@dataclass
class Plan:
    copies: list[Copy] = field(default_factory=list)
    problems: list[InputError] = field(default_factory=list)
    left_out: list[Path] = field(default_factory=list)  # files in directories of kinds not redacted


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(allow_dash=True), default=None, metavar="OUT",
              help="A file (one input) or a directory, mirrored [default: stdout for one file].")
@click.option("--encoding", help="Read the inputs in this encoding (e.g. gb18030) [default: detected]; "
                                 "the copies keep the input's encoding either way.")
@click.pass_obj
def redact(state: State, inputs: tuple[Path, ...], output: str | None, encoding: str | None) -> None:
    """Write a copy of transcripts with PII masked, in the same format, for sharing with trainers.

    \b
    Masks card numbers (Luhn-valid), Chinese resident IDs, phone numbers, e-mail addresses and
    the value after "card number", "security code", "password", 密码, 验证码, 身份证... (spoken
    digits and Chinese numerals too) in .json, .jsonl, .txt, .vtt, .srt, .csv, .tsv and .xlsx
    files: the same masking as every report of sqaudit. Everything else is kept as it was,
    encoding and line ends included; a file without PII is copied byte for byte.

    \b
    Examples:
      sqaudit redact calls/c-1.json > c-1.redacted.json
      sqaudit redact calls/ chats/ -o shared/
    \b
    Exit codes: 0 copies written (skipped files named on stderr) · 2 nothing written · 3 a bug.
    """
    if encoding:
        try:
            encoding = check_name(encoding)
        except ValueError as exc:
            raise UsageError(f"--encoding: {exc}") from None
    plan = plan_copies(inputs, output)
    totals: Counter[str] = Counter()
    written = 0
    for copy in plan.copies:
        try:
            result = write_copy(copy, encoding)
        except InputError as exc:
            plan.problems.append(exc)
            continue
        except OSError as exc:
            plan.problems.append(InputError(str(copy.src), f"cannot write the copy: {exc.strerror or exc}"))
            continue
        written += 1
        totals.update(result.counts)
        _report(state, copy, result)
    for problem in plan.problems:
        hint = f" (hint: {problem.hint})" if problem.hint else ""
        state.err.print(mask_text(f"skipped {problem}{hint}"), markup=False, highlight=False, soft_wrap=True)
    if plan.left_out:
        state.err.print(f"not copied: {len(plan.left_out)} file(s) of kinds sqaudit does not redact "
                        f"(e.g. {plan.left_out[0]}); it redacts {KNOWN}", markup=False, highlight=False, soft_wrap=True)
    where = "" if output in (None, "-") else f" to {output}"
    masked = describe_counts(totals) or "no PII found"
    state.err.print(f"{written} file(s) written{where}, {len(plan.problems)} skipped; masked: {masked}",
                    markup=False, highlight=False, soft_wrap=True)
    if not written:
        state.err.print("[red]nothing was written[/]")
    click.get_current_context().exit(EXIT_OK if written else EXIT_NO_VERDICT)


def _report(state: State, copy: Copy, result: Redacted) -> None:
    shown = str(copy.src)
    if result.guessed:
        state.err.print(f"read {shown} as {result.encoding} (detected; --encoding overrides)",
                        markup=False, highlight=False, soft_wrap=True)
    for line, message in result.notes:
        state.err.print(f"{shown}:{line}: {message}", markup=False, highlight=False, soft_wrap=True)
    done = f"redacted {describe_counts(result.counts)} in" if result.masked else "no PII found in"
    state.err.print(f"{done} {shown}", markup=False, highlight=False, soft_wrap=True)


def write_copy(copy: Copy, encoding: str | None) -> Redacted:
    if copy.dest is not None:
        copy.dest.parent.mkdir(parents=True, exist_ok=True)
        return redact_file(copy.src, copy.dest, encoding)
    with tempfile.TemporaryDirectory(prefix="sqaudit-redact-") as tmp:
        dest = Path(tmp) / f"copy{copy.src.suffix}"
        result = redact_file(copy.src, dest, encoding)
        sys.stdout.flush()
        sys.stdout.buffer.write(dest.read_bytes())  # bytes: the copy keeps its encoding and BOM
        sys.stdout.buffer.flush()
    return result


def plan_copies(inputs: tuple[Path, ...], output: str | None) -> Plan:
    """Where each input's copy goes; UsageError for a request that could overwrite inputs."""
    plan = Plan()
    if output in (None, "-"):
        if len(inputs) != 1 or inputs[0].is_dir():
            raise UsageError("several inputs or a directory need -o DIR (the copies mirror the input tree)")
        src = inputs[0]
        if src.suffix.lower() in KINDS and getattr(KINDS[src.suffix.lower()], "BINARY", False) \
                and sys.stdout.isatty():
            raise UsageError(f"{src.suffix} is binary: give -o FILE")
        _add(plan, src, None, set())
        return plan
    out = Path(output)
    as_dir = (len(inputs) > 1 or any(p.is_dir() for p in inputs) or out.is_dir()
              or output.endswith(("/", os.sep)))
    if not as_dir:
        src = inputs[0]
        if out.suffix.lower() != src.suffix.lower():
            raise UsageError(f"the copy keeps the input's format: give -o a name ending in '{src.suffix}'")
        _add(plan, src, out, {_key(src)})
        return plan
    if out.exists() and not out.is_dir():
        raise UsageError(f"-o {out}: not a directory (several inputs or a directory are copied into one)")
    for given in inputs:
        if given.is_dir() and (_key(out) == _key(given) or Path(_key(given)) in Path(_key(out)).parents):
            raise UsageError(f"-o {out} is inside the input {given}: copies must go elsewhere "
                             "(they would be read as input next time, or overwrite it)")
    pairs: list[tuple[Path, Path]] = []
    for given in sorted(set(inputs)):
        if given.is_dir():
            for src in _walk(given, plan):
                pairs.append((src, out / src.relative_to(given)))
        else:
            pairs.append((given, out / given.name))
    sources = {_key(src) for src, _ in pairs}
    taken: dict[str, Path] = {}
    for src, dest in pairs:
        key = _key(dest)
        if key in taken:
            plan.problems.append(InputError(str(src), f"its copy {dest} would replace the copy of {taken[key]}",
                                            "redact them into different directories"))
            continue
        taken[key] = src
        _add(plan, src, dest, sources)
    return plan


def _add(plan: Plan, src: Path, dest: Path | None, sources: set[str]) -> None:
    if not src.exists():
        plan.problems.append(InputError(str(src), "no such file or directory"))
    elif not src.is_file():
        plan.problems.append(InputError(str(src), "not a regular file"))
    elif src.suffix.lower() not in KINDS:
        plan.problems.append(InputError(str(src), f"not a kind sqaudit redacts ('{src.suffix or src.name}')",
                                        f"it redacts {KNOWN}"))
    elif dest is not None and (_key(dest) in sources or (dest.exists() and os.path.samefile(src, dest))):
        plan.problems.append(InputError(str(src), f"its copy {dest} would overwrite an input",
                                        "give -o a place outside the inputs"))
    else:
        plan.copies.append(Copy(src, dest))


def _walk(directory: Path, plan: Plan) -> list[Path]:
    """The files of kinds sqaudit redacts, sorted; hidden files and symlinked directories skipped."""
    found: list[Path] = []
    for root, dirs, files in os.walk(directory, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root) / name
            (found if path.suffix.lower() in KINDS else plan.left_out).append(path)
    return found


def _key(path: Path) -> str:
    return os.path.normcase(str(path.resolve()))
