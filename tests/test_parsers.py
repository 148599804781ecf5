"""Inputs: native JSON / JSONL and plain text; a bad file or line is reported, never fatal."""

from __future__ import annotations

from pathlib import Path

import pytest

from sqaudit.errors import InputError
from sqaudit.model import Transcript
from sqaudit.parsers import iter_contacts
from sqaudit.parsers.plaintext import parse_text

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
GOOD = '{"id": "c1", "turns": [{"speaker": "agent", "text": "Hello"}]}'


def split(items: list[Transcript | InputError]) -> tuple[list[Transcript], list[InputError]]:
    return [i for i in items if isinstance(i, Transcript)], [i for i in items if isinstance(i, InputError)]


def test_examples_all_read() -> None:
    contacts, errors = split(list(iter_contacts([EXAMPLES])))
    assert not errors, [str(e) for e in errors]
    assert len(contacts) >= 16
    assert len({c.id for c in contacts}) == len(contacts)
    assert {c.team for c in contacts} >= {"billing", "tech-support"}
    txt = [c for c in contacts if c.source.startswith(str(EXAMPLES / "calls"))]
    assert txt and all(c.agent and c.channel for c in txt), "plain-text headers must be read as headers"


def test_plain_text_header_times_and_chinese_speakers() -> None:
    text = ("id: c-9\nagent: a1\nchannel: call\nlanguage: zh\n\n"
            "[00:01-00:04] 客服：您好\n[1:02:03] 顾客: 我要投诉\n  接着说\n# a comment\nAgent: Hello there\n")
    t = parse_text(text, "x.txt")
    assert (t.id, t.agent, t.channel, t.language) == ("c-9", "a1", "call", "zh")
    assert [x.speaker for x in t.turns] == ["agent", "customer", "agent"]
    assert (t.turns[0].start, t.turns[0].end, t.turns[1].start) == (1.0, 4.0, 3723.0)
    assert t.turns[1].text == "我要投诉\n接着说"
    assert t.turns[2].line == 10


@pytest.mark.parametrize(
    ("name", "content", "where", "message"),
    [
        ("truncated.json", '{"id": "c1", "turns": [', "truncated.json:1", "invalid JSON"),
        ("nolist.json", '{"id": "c1", "turns": "hi"}', "nolist.json:1", "'turns' must be a list"),
        ("speaker.json", '{"id": "c1", "turns": [{"speaker": "bot", "text": "x"}]}', "speaker.json:1",
         "speaker must be agent, customer or system"),
        ("negative.json", '{"id": "c1", "turns": [{"speaker": "agent", "text": "x", "start": -3}]}',
         "negative.json:1", "must be seconds"),
        ("backwards.json", '{"id": "c1", "turns": [{"speaker": "agent", "text": "x", "start": 5, "end": 2}]}',
         "backwards.json:1", "ends"),
        ("empty.txt", "", "empty.txt:1", "no turns found"),
        ("prose.txt", "just some words\n", "prose.txt:1", "expected a header"),
        ("binary.txt", "\x00\x01\x02", "binary.txt:1", "binary data"),
        ("deep.json", "[" * 100000, "deep.json:1", "nested too deeply"),
        ("unknown.docx", "x", "unknown.docx:1", "unknown input format"),
    ],
)
def test_bad_file_is_an_error_entry(tmp_path: Path, name: str, content: str, where: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    contacts, errors = split(list(iter_contacts([path])))
    assert not contacts
    assert len(errors) == 1
    assert errors[0].source.endswith(where) and message in errors[0].message, str(errors[0])


def test_bad_jsonl_line_costs_only_itself(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_bytes(b"\n".join([GOOD.encode(), b'{"id": "c2", "turns": [', b"\xff\xfe garbage",
                                 GOOD.replace("c1", "c3").encode(), b""]))
    contacts, errors = split(list(iter_contacts([path])))
    assert [c.id for c in contacts] == ["c1", "c3"]
    assert [e.source for e in errors] == [f"{path}:2", f"{path}:3"]
    assert all(e.hint for e in errors)


def test_utf16_and_bom(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_bytes(GOOD.encode("utf-16"))
    (tmp_path / "b.jsonl").write_bytes(b"\xef\xbb\xbf" + GOOD.replace("c1", "c2").encode())
    contacts, errors = split(list(iter_contacts([tmp_path])))
    assert not errors and sorted(c.id for c in contacts) == ["c1", "c2"]


def test_missing_path_and_directory_walk_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.json").write_text(GOOD.replace("c1", "z"), encoding="utf-8")
    (tmp_path / "a.json").write_text(GOOD.replace("c1", "a"), encoding="utf-8")
    (tmp_path / "notes.md").write_text("not a transcript", encoding="utf-8")
    (tmp_path / "b" / "loop").symlink_to(tmp_path, target_is_directory=True)
    items = list(iter_contacts([tmp_path, tmp_path / "missing.json"]))
    contacts, errors = split(items)
    assert [c.id for c in contacts] == ["a", "z"]
    assert len(errors) == 1 and "no such file" in errors[0].message
