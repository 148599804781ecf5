"""No seeded PII value reaches any output: every command, every output format, stdout, stderr, files.

The corpus (tests/pii_corpus.py) is written in every input format sqaudit reads and run by
every command that reads transcripts, in every choice of its ``-f/--format`` option
(tests/corpus_runs.py reads them from the command itself, so a new format is covered without
touching this file). Every byte each run writes — stdout, stderr, every file, every XML part
inside an xlsx — is searched for every seeded value, as written and respelled (digits only,
spaces or dashes between them, full-width folded, HTML entities and ``\\u`` escapes undone).
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import click
import pytest

from sqaudit.cli import cli
from sqaudit.parsers import read_file
from sqaudit.redaction import KINDS
from tests.corpus_runs import CASES, RUNNERS, corpus, run
from tests.helpers import invoke
from tests.pii_corpus import WRITERS, contacts, leaks


def _commands(group: click.Group, prefix: str = "") -> dict[str, click.Command]:
    found: dict[str, click.Command] = {}
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found.update(_commands(command, f"{prefix}{name} "))
        else:
            found[f"{prefix}{name}"] = command
    return found


def test_every_command_that_reads_transcripts_is_run_on_the_corpus() -> None:
    readers = {name for name, command in _commands(cli).items()
               if any(isinstance(p, click.Argument) and p.name == "inputs" for p in command.params)}
    missing = readers - set(RUNNERS)
    assert not missing, f"add a runner for {sorted(missing)} to RUNNERS in tests/corpus_runs.py"


def test_the_corpus_is_read_and_its_broken_input_reported() -> None:
    """Guards the other tests against passing on an empty corpus."""
    for name in WRITERS:
        items = [item for path in sorted((corpus() / name).iterdir()) for item in read_file(path)]
        assert sum(type(i).__name__ == "Transcript" for i in items) >= len(contacts()), name
        assert any(type(i).__name__ == "InputError" for i in items), name
    assert all(leaks(json.dumps(c, ensure_ascii=False)) for c in contacts())


def written(path: Path) -> list[tuple[str, str]]:
    """(name, text) of a file, or of every part of a zip (xlsx); bytes decoded leniently."""
    data = path.read_bytes()
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return [(f"{path}!{n}", archive.read(n).decode("utf-8", "replace")) for n in archive.namelist()]
    for encoding in ("utf-8", "utf-16", "gb18030"):
        try:
            return [(str(path), data.decode(encoding))]
        except UnicodeDecodeError:
            continue
    return [(str(path), data.decode("utf-8", "replace"))]


@pytest.mark.parametrize("name, fmt", CASES)
def test_no_seeded_value_in_any_output(name: str, fmt: str | None) -> None:
    result = run(name, fmt)
    assert result.exit_code in (0, 1), result.stderr  # scored: a verdict, not a refusal or a bug
    outputs = [("stdout", result.stdout), ("stderr", result.stderr)]
    outputs += [part for path in result.files for part in written(path)]
    assert sum(len(text) for _, text in outputs) > 200, "the run wrote (almost) nothing: the test would prove nothing"
    found = {where: seeds for where, text in outputs for seeds in (leaks(text),) if seeds}
    assert not found, f"seeded PII in the output of {name} {fmt or ''}: {found}"


def test_errors_quoting_broken_input_are_in_the_output_and_masked() -> None:
    errors = json.loads(run("score", "json").files[0].read_text(encoding="utf-8"))["errors"]
    messages = " ".join(e["message"] + e.get("hint", "") for e in errors)
    assert "[card ****0128]" in messages and "[ID ****002X]" in messages  # the broken .txt lines, masked
    assert "[phone 137****7000]" in messages  # a speaker that is a phone number
    notices = json.loads(run("score", "json").files[0].read_text(encoding="utf-8"))["notices"]
    assert any("[phone 137****7000]" in n["message"] for n in notices)  # a voice named by its phone


def test_redacted_corpus_read_back_holds_no_seeded_value() -> None:
    copies = [p for p in run("redact", None).files]
    assert len(copies) == sum(1 for p in corpus().rglob("*") if p.suffix in KINDS)
    for path in copies:
        for item in read_file(path):
            assert not leaks(repr(item)), (path, item)


def test_a_number_cut_by_an_error_message_is_not_half_quoted(tmp_path: Path) -> None:
    line = "Customer read it out twice: 4111 1111 1111 1111"  # the 40th character is inside the number
    assert line[:40].endswith("4111 1111 11")
    (tmp_path / "cut.txt").write_text(line + "\nAgent: hi\n", encoding="utf-8")
    result = invoke("score", str(tmp_path / "cut.txt"), "-f", "json")
    assert "4111 1111" not in result.stdout + result.stderr
