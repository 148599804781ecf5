"""--jobs N: the same bytes as one process, errors and notices in their place."""

from __future__ import annotations

import io
import pickle

from helpers import compiled

from sqaudit.errors import InputError
from sqaudit.formatters import FORMATS
from sqaudit.model import InputNotice
from sqaudit.parallel import score_in_parallel
from sqaudit.parsers import iter_contacts
from sqaudit.run import start_run


def _output(paths: list[str], jobs: int, fmt: str) -> str:
    out = io.StringIO()
    FORMATS[fmt].write(start_run(iter_contacts(paths), compiled("servqual"), jobs=jobs), out)
    return out.getvalue()


def test_two_jobs_give_the_same_json_and_csv_bytes_as_one(tmp_path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "ok", "turns": [{"speaker": "agent", "text": "Hello"}]}\n{"id": \n'
                   '{"id": "empty", "turns": []}\n', encoding="utf-8")
    paths = ["examples/month", "examples/chats", str(bad)]
    for fmt in ("json", "csv"):
        one = _output(paths, 1, fmt)
        assert "bad.jsonl:2" in one or fmt == "csv"
        assert _output(paths, 2, fmt) == one


def test_small_batches_keep_input_order_with_errors_and_notices_in_place() -> None:
    items = [InputNotice("a.csv", "read as gb18030 (detected)"), *iter_contacts(["examples/chats"]),
             InputError("x.jsonl:3", "invalid JSON")]
    out = list(score_in_parallel(items, compiled("servqual"), jobs=2, batch=3))
    assert out[0] == items[0] and isinstance(out[-1], InputError) and out[-1].source == "x.jsonl:3"
    assert [r.id for r in out[1:-1]] == [t.id for t in items[1:-1]]


def test_input_errors_survive_pickling_between_processes() -> None:
    error = pickle.loads(pickle.dumps(InputError("f.json:2", "bad", "a hint")))
    assert (error.source, error.message, error.hint) == ("f.json:2", "bad", "a hint")


def test_cli_jobs_option_changes_no_byte_of_the_json_document() -> None:
    from helpers import invoke

    one = invoke("score", "examples/month", "examples/exports", "-f", "json")
    two = invoke("score", "examples/exports", "examples/month", "-f", "json", "--jobs", "2")
    assert one.exit_code == two.exit_code == 0, two.stderr
    assert one.stdout == two.stdout  # listed in another order too
    assert one.stderr == two.stderr
