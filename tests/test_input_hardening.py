"""Malformed input: an error entry naming file:line with a hint, the rest scored, nothing lost, never exit 3."""

from __future__ import annotations

import json
import os
import shutil
import time
import tracemalloc
from pathlib import Path

import pytest

from sqaudit.errors import InputError
from sqaudit.model import InputNotice, Transcript
from sqaudit.parsers import iter_contacts, read_file
from sqaudit.parsers.source import MAX_LINE
from tests.helpers import invoke

INPUTS = Path(__file__).parent / "inputs"
GOOD = '{"id": "c1", "turns": [{"speaker": "agent", "text": "Hello, how can I help?"}]}'


def split(items: list) -> tuple[list[Transcript], list[InputError], list[InputNotice]]:
    return ([i for i in items if isinstance(i, Transcript)], [i for i in items if isinstance(i, InputError)],
            [i for i in items if isinstance(i, InputNotice)])


@pytest.mark.parametrize(("name", "content", "line", "message"), [
    ("truncated.json", '{"entries": [{"role": "AGENT", "text": "hi"', 1, "invalid JSON"),
    ("truncated_lens.json", '{"Transcript": [{"ParticipantRole": "AGENT",\n "Content": "hi"', 2, "invalid JSON"),
    ("no_header.vtt", "00:01.000 --> 00:02.000\n<v Agent>hi\n", 1, "not a WebVTT file"),
    ("empty.vtt", "WEBVTT\n", 1, "no turns found"),
    ("empty.srt", "", 1, "no turns found"),
    ("empty.csv", "", 1, "no header row"),
    ("header_only.csv", "conversation_id,sender,text\n", 1, "no message rows"),
    ("binary.csv", "\x00\x01\x02\x03 PK", 1, "binary data"),
    ("binary.vtt", "WEBVTT\n\x00\x01\x02", 2, "binary data"),
    ("no_entries.json", '{"entries": "x", "role": "AGENT"}', 1, "no 'entries' list"),
])
def test_broken_file_is_one_error_naming_its_line(tmp_path: Path, name: str, content: str, line: int,
                                                 message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    contacts, errors, _ = split(list(read_file(path)))
    assert not contacts and len(errors) == 1, errors
    assert errors[0].source == f"{path}:{line}" and message in errors[0].message, str(errors[0])
    assert errors[0].hint or message in ("invalid JSON", "no turns found")


def test_a_cue_with_no_text_or_bad_timings_costs_only_itself(tmp_path: Path) -> None:
    path = tmp_path / "c.vtt"
    path.write_text("WEBVTT\n\n00:01.000 --> 00:02.000\n<v Agent>Hello, how can I help?\n\n00:03.000 --> 00:04.000\n\n"
                    "00:05.000 --> 00:99.000\n<v Customer>bad time\n\n00:06.000 --> 00:07.000\nnobody: but a label\n\n"
                    "stray words\n\n25:00:00.000 --> 25:00:01.000\n<v Agent>a day later\n\n"
                    "00:08.000 --> 00:09.000\n<v Customer>My bill is wrong\n", encoding="utf-8")
    contacts, errors, _ = split(list(read_file(path)))
    assert [e.source for e in errors] == [f"{path}:{n}" for n in (6, 8, 14, 16)]
    assert ["no text" in errors[0].message, "cannot be read" in errors[1].message,
            "outside a cue" in errors[2].message, "beyond 24 h" in errors[3].message] == [True] * 4
    assert [t.text for t in contacts[0].turns] == ["Hello, how can I help?", "but a label", "My bill is wrong"]


def test_turns_out_of_time_order_keep_their_order_and_lose_their_times(tmp_path: Path) -> None:
    path = tmp_path / "c.srt"
    path.write_text("1\n00:00:05,000 --> 00:00:06,000\nAgent: Hello\n\n2\n00:00:01,000 --> 00:00:02,000\n"
                    "Customer: hi\n", encoding="utf-8")
    contacts, errors, notices = split(list(read_file(path)))
    assert not errors and [t.text for t in contacts[0].turns] == ["Hello", "hi"]
    assert all(t.start is None for t in contacts[0].turns)
    assert "turn on line 6 starts before the turn before it" in notices[0].message


def test_negative_and_absurd_times_are_errors_by_entry(tmp_path: Path) -> None:
    base = {"role": "CUSTOMER", "text": "hi"}
    data = {"entries": [dict(base, start_timestamp_usec=1_000_000), dict(base, start_timestamp_usec=-5),
                        dict(base, start_timestamp_usec=1_000_000 + 40 * 86400 * 10**6),
                        dict(base, role="AGENT", text="Hello", start_timestamp_usec=2_000_000)]}
    path = tmp_path / "c.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    contacts, errors, _ = split(list(read_file(path)))
    assert [e.source.rsplit(" ", 1)[1] for e in errors] == ["1]", "2]"]
    assert "not microseconds" in errors[0].message and "beyond" in errors[1].message
    assert [t.start for t in contacts[0].turns] == [0.0, 1.0]


def test_a_100_mb_line_is_refused_by_number_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("wb") as out:
        out.write(GOOD.encode() + b"\n")
        out.write(b'{"id": "huge", "turns": [{"speaker": "agent", "text": "')
        block = b"x" * (1 << 20)
        for _ in range(100):
            out.write(block)
        out.write(b'"}]}\n' + GOOD.replace("c1", "c3").encode() + b"\n")
    started = time.perf_counter()
    tracemalloc.start()
    contacts, errors, _ = split(list(read_file(path)))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [c.id for c in contacts] == ["c1", "c3"]
    assert len(errors) == 1 and errors[0].source == f"{path}:2" and "longer than 16 MB" in errors[0].message
    assert peak < MAX_LINE + (8 << 20), f"peak {peak >> 20} MB: the long line was held whole"
    assert time.perf_counter() - started < 20


def test_a_long_line_in_a_utf16_file_is_refused_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sqaudit.parsers.source.MAX_LINE", 4096)
    path = tmp_path / "u.jsonl"
    path.write_bytes(("\n".join([GOOD, '{"id": "x' + "y" * 5000 + '"}', GOOD.replace("c1", "c3")]) + "\n")
                     .encode("utf-16"))
    contacts, errors, _ = split(list(read_file(path)))
    assert [c.id for c in contacts] == ["c1", "c3"] and errors[0].source == f"{path}:2"


def test_a_large_csv_streams(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write("conversation_id,sender,text\n")
        for i in range(20000):
            out.write(f"c{i // 4},{'customer' if i % 2 == 0 else 'agent'},message {i}\n")
        out.write("c0,agent,the first conversation comes back at the end\n")
    tracemalloc.start()
    count = 0
    for item in read_file(path):
        assert not isinstance(item, InputError), item
        count += isinstance(item, Transcript)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == 5000 and peak < 16 << 20


def test_symlink_loop_in_a_directory_neither_hangs_nor_crashes(tmp_path: Path) -> None:
    (tmp_path / "calls").mkdir()
    shutil.copy(INPUTS / "asr_call_en.srt", tmp_path / "calls")
    os.symlink(tmp_path, tmp_path / "calls" / "loop")
    os.symlink(tmp_path / "calls" / "self.vtt", tmp_path / "calls" / "self.vtt")  # a link to itself
    contacts, errors, _ = split(list(iter_contacts([tmp_path])))
    assert len(contacts) == 1
    assert len(errors) == 1 and errors[0].source.startswith(str(tmp_path / "calls" / "self.vtt"))


def _broken_directory(root: Path) -> None:
    """Good contacts in six formats, and broken files of five kinds (and more) next to them."""
    for name in ("teams_call_en.vtt", "asr_call_en.srt", "chats_en.csv", "ccai_chat_en.json", "tca_call_en.json"):
        shutil.copy(INPUTS / name, root / name)
    (root / "batch.jsonl").write_text("\n".join([GOOD, '{"id": "c2", "turns": [', GOOD.replace("c1", "c3")]),
                                      encoding="utf-8")  # a bad line in JSONL
    (root / "truncated.json").write_text('{"id": "t", "turns": [{"speaker": "agent", "te', encoding="utf-8")
    (root / "empty.vtt").write_text("WEBVTT\n\n00:01.000 --> 00:02.000\n\n", encoding="utf-8")  # a cue, no text
    (root / "binary.srt").write_bytes(bytes(range(256)) * 8)
    (root / "bad_rows.csv").write_text("conversation_id,sender,text\nb1,customer,hi\nb1,alien,??\n", encoding="utf-8")


def test_directory_with_five_kinds_of_broken_files(tmp_path: Path) -> None:
    _broken_directory(tmp_path)
    result = invoke("score", str(tmp_path), "-f", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    ids = sorted(c["id"] for c in document["contacts"])
    assert ids == sorted(["teams_call_en", "asr_call_en", "ch-0101", "ch-0102", "ccai_chat_en", "tca_call_en",
                          "c1", "c3", "b1"])
    sources = sorted(e["source"].replace(str(tmp_path) + os.sep, "") for e in document["errors"])
    assert sources == sorted(["batch.jsonl:2", "truncated.json:1", "empty.vtt:3", "empty.vtt:1", "binary.srt:1",
                              "bad_rows.csv:3"])
    for error in document["errors"]:
        assert error["message"]
        assert error.get("hint") or error["message"].startswith(("invalid JSON", "contact empty: no turns"))
        assert f"skipped {error['source']}" in result.stderr.replace("\n", " ")
    assert f", {len(sources)} skipped" in result.stderr and len(document["contacts"]) == len(ids)
    strict = invoke("score", str(tmp_path), "-f", "json", "--strict")
    assert strict.exit_code == 2


@pytest.mark.parametrize("fmt", ["vtt", "srt", "contact-lens", "dialogflow", "chat-csv", "chat-xlsx", "native",
                                 "jsonl", "plaintext"])
def test_cli_never_exits_3_on_input_whatever_the_format(tmp_path: Path, fmt: str) -> None:
    _broken_directory(tmp_path)
    result = invoke("score", str(tmp_path), "-f", "json", "--input-format", fmt)
    assert result.exit_code in (0, 2), result.stderr
    assert "internal error" not in result.stderr
