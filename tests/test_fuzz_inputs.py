"""Random bytes and random structure never crash a parser or the engine (hypothesis).

Every format of the registry gets both: the only thing a reader may give back is a contact,
an InputError or an InputNotice, and the CLI never exits 3 on input."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sqaudit.cli import cli
from sqaudit.engine import evaluate
from sqaudit.errors import InputError
from sqaudit.model import InputNotice, Transcript
from sqaudit.parsers import DEFAULT_OPTIONS, FORMATS, SUFFIXES, ReadOptions, read_file
from sqaudit.rubric.compile import compile_rubric
from sqaudit.rubric.loader import load_rubric

COMPILED = compile_rubric(load_rubric("servqual"))
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
turn = st.fixed_dictionaries({"speaker": st.sampled_from(["agent", "customer", "system", "bot", 3]),
                              "text": st.text(max_size=80) | st.integers()},
                             optional={"start": st.floats(-5, 1e6) | st.none(), "end": st.floats(-5, 1e6)})
contact = st.fixed_dictionaries({"id": st.text(min_size=1, max_size=10), "turns": st.lists(turn, max_size=6)},
                                optional={"channel": st.sampled_from(["call", "chat", "fax"]),
                                          "language": st.sampled_from(["en", "zh", "zh-Hant", "xx", ""])})


def _read(name: str, data: bytes) -> list[Transcript | InputError | InputNotice]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        return list(read_file(path))


@FAST
@given(data=st.binary(max_size=400), name=st.sampled_from(["a.json", "a.jsonl", "a.txt"]))
def test_random_bytes_give_contacts_or_input_errors(data: bytes, name: str) -> None:
    items = _read(name, data)
    assert all(isinstance(i, (Transcript, InputError, InputNotice)) for i in items)
    for item in items:
        if isinstance(item, Transcript) and item.turns:
            assert evaluate(item, COMPILED).id == item.id


@FAST
@given(value=json_values)
def test_random_json_structure_never_escapes_as_an_exception(value: object) -> None:
    items = _read("a.jsonl", (json.dumps(value) + "\n").encode())
    assert len(items) == 1 and isinstance(items[0], (Transcript, InputError))


@FAST
@given(contacts=st.lists(contact, max_size=3))
def test_plausible_contacts_score_without_internal_errors(contacts: list[dict]) -> None:
    items = _read("a.jsonl", "\n".join(json.dumps(c) for c in contacts).encode())
    assert len(items) == len(contacts)
    for item in items:
        if isinstance(item, Transcript) and item.turns:
            result = evaluate(item, COMPILED)
            assert all(f.outcome.value != "error" for f in result.findings), result.findings
            assert result.score is None or 0 <= result.score <= 100


# -- every format of the registry ------------------------------------------------------------------

ITEMS = (Transcript, InputError, InputNotice)
SUFFIX_OF = {name: fmt.suffixes[0] for name, fmt in FORMATS.items()}
labels = st.sampled_from(["Agent", "Customer", "客服", "客户", "spk_0", "spk_1", "Speaker 1", "Dana Smith", "bot", "",
                          "13700137000", "<b>", ":"])
texts = st.text(max_size=40) | st.sampled_from(["Hello, how can I help?", "我要投诉", "", "-->", "WEBVTT", "\x00"])


def _checked(name: str, data: bytes, options: ReadOptions = DEFAULT_OPTIONS) -> list[Transcript | InputError | InputNotice]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        items = list(read_file(path, options))
    assert all(isinstance(i, ITEMS) for i in items), items
    for item in items:
        if isinstance(item, Transcript) and item.turns:
            assert all(t.speaker in ("agent", "customer", "system") for t in item.turns)
            assert all(t.start is None or 0 <= t.start for t in item.turns)
            assert evaluate(item, COMPILED).id == item.id
    return items


@FAST
@given(data=st.binary(max_size=600), fmt=st.sampled_from(sorted(FORMATS)))
def test_random_bytes_in_every_format(data: bytes, fmt: str) -> None:
    _checked("a" + SUFFIX_OF[fmt], data)
    _checked("a.bin", data, ReadOptions(input_format=fmt))


@FAST
@given(prefix=st.sampled_from([b"WEBVTT\n\n", b"\xef\xbb\xbfWEBVTT\n", b"1\n00:00:01,000 --> 00:00:02,000\n",
                               b'{"Transcript": [', b'{"entries": [', b"conversation_id,sender,text\n", b"\xff\xfe"]),
       data=st.binary(max_size=300), suffix=st.sampled_from([".vtt", ".srt", ".json", ".csv", ".txt", ".tsv"]))
def test_plausible_starts_with_random_rest(prefix: bytes, data: bytes, suffix: str) -> None:
    _checked("a" + suffix, prefix + data)


cue = st.tuples(st.integers(0, 90000), st.integers(-5, 90000), labels, texts, st.booleans())


@FAST
@given(cues=st.lists(cue, max_size=8), header=st.sampled_from(["WEBVTT", "WEBVTT\nLanguage: zh", "WEBVT", ""]))
def test_random_captions(cues: list[tuple[int, int, str, str, bool]], header: str) -> None:
    def stamp(seconds: int, comma: bool) -> str:
        h, rest = divmod(abs(seconds), 3600)
        text = f"{h:02d}:{rest // 60:02d}:{rest % 60:02d}{',' if comma else '.'}250"
        return text if seconds >= 0 else "-" + text

    for comma, name in ((False, "a.vtt"), (True, "a.srt")):
        blocks = [f"{i}\n{stamp(a, comma)} --> {stamp(b, comma)}\n" + (f"<v {who}>{said}" if voice and not comma
                                                                        else f"{who}: {said}")
                  for i, (a, b, who, said, voice) in enumerate(cues, start=1)]
        body = "\n\n".join(blocks)
        _checked(name, ((header + "\n\n" if not comma else "") + body).encode())


json_entry = st.fixed_dictionaries({}, optional={
    "ParticipantRole": st.sampled_from(["AGENT", "CUSTOMER", "ROBOT", 3, None]),
    "ParticipantId": st.sampled_from(["AGENT", "a1", None]), "Content": texts | st.integers(),
    "BeginOffsetMillis": st.integers(-10, 10**20) | st.floats() | st.text(max_size=3),
    "EndOffsetMillis": st.integers(-10, 10**20) | st.none(), "Sentiment": json_values,
    "role": st.sampled_from(["AGENT", "END_USER", "AUTOMATED_AGENT", "HUMAN_AGENT", "x", 0]), "text": texts,
    "start_timestamp_usec": st.integers(-10, 10**20) | st.text(max_size=5) | st.none()})


@FAST
@given(entries=st.lists(json_entry | json_values, max_size=6), extra=json_values,
       fmt=st.sampled_from(["contact-lens", "dialogflow"]))
def test_random_service_json(entries: list[object], extra: object, fmt: str) -> None:
    key = "Transcript" if fmt == "contact-lens" else "entries"
    document = {key: entries, "Participants": extra, "ConversationCharacteristics": extra,
                "conversation_info": extra, "Categories": extra, "Channel": extra, "LanguageCode": extra}
    _checked("a.json", json.dumps(document).encode(), ReadOptions(input_format=fmt))


cell = texts | st.sampled_from(["2026-05-04 10:00:00", "10:05", "1714815600000", "nan", "-3", "9" * 30])


@FAST
@given(header=st.lists(st.sampled_from(["conversation_id", "会话ID", "time", "时间", "sender", "发送方", "text",
                                        "内容", "agent", "team", "channel", "x", ""]), max_size=7),
       rows=st.lists(st.lists(cell, max_size=8), max_size=8), delimiter=st.sampled_from([",", "\t", ";"]),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"]))
def test_random_chat_tables(header: list[str], rows: list[list[str]], delimiter: str, encoding: str) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows([header, *rows])
    try:
        data = buffer.getvalue().encode(encoding)
    except UnicodeEncodeError:
        return
    _checked("a.csv", data)
    _checked("a.txt", data, ReadOptions(agent_speaker=("spk_0",), column_map=(("text", "x"),)))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.lists(cell | st.integers() | st.floats() | st.none() | st.datetimes(), max_size=6),
                     max_size=6))
def test_random_workbooks(rows: list[list[object]]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["会话ID", "时间", "发送方", "内容", "客服", "extra"])
    for row in rows:
        try:
            book.active.append([v.replace("\x00", "") if isinstance(v, str) else v for v in row])
        except Exception:  # noqa: BLE001  openpyxl refuses some control characters: not what is tested here
            return
    buffer = io.BytesIO()
    book.save(buffer)
    _checked("a.xlsx", buffer.getvalue())


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=300), suffix=st.sampled_from(SUFFIXES))
def test_the_cli_never_exits_3_on_input(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / f"a{suffix}").write_bytes(data)
        (Path(tmp) / "good.txt").write_text("Agent: Hello, how can I help?\n", encoding="utf-8")
        result = CliRunner().invoke(cli, ["score", tmp, "-f", "json"])
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.stderr)
