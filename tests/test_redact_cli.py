"""``sqaudit redact``: same format, same encoding and layout, PII gone, inputs never overwritten."""

from __future__ import annotations

import codecs
import io
import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment

from sqaudit.errors import InputError
from sqaudit.model import Transcript
from sqaudit.parsers import SUFFIXES as READABLE
from sqaudit.parsers import read_file
from sqaudit.redact import PiiSpan, find_pii, mask
from sqaudit.redaction import KINDS
from tests.helpers import invoke
from tests.pii_corpus import leaks

CARD, PHONE, MAIL, CN_ID = "4111 1111 1111 1111", "+86 139-1234-5678", "li.wei@163.com", "11010519491231002X"


def _leaked(text: str) -> list[str]:
    """Seeded values in ``text`` (tests/pii_corpus.py spells them several ways), and two more used here."""
    return leaks(text) + [v for v in ("13912345678", "482913") if v in text]


def _xlsx(rows: list[list[object]], other: bool = True) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "chat"
    for row in rows:
        ws.append(row)
    if other:
        wb.create_sheet("notes")["A1"] = "kept as it was"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


# a file of each kind without PII (copied byte for byte) and one with PII (every seeded value masked)
CLEAN: dict[str, bytes] = {
    ".json": json.dumps({"id": "c-1", "turns": [{"speaker": "agent", "text": "您好, order 8812-4471, 10:30"}]},
                        indent=4, ensure_ascii=False).encode() + b"\r\n",
    ".jsonl": b'{"id": "c-1", "turns": [{"speaker": "agent", "text": "hello"}]}\n\n{"broken": \n',
    ".txt": "id: c-1\n\n[00:01] Agent: 您好，请问有什么可以帮您？\r\n[00:04] Customer: 12 items, ¥1,299.00\n".encode(),
    ".vtt": b"WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000 align:start\n<v Agent>Hello\n",
    ".srt": b"1\r\n00:00:01,000 --> 00:00:04,000\r\nAgent: Hello\r\n\r\n",
    ".csv": b'time,speaker,text\r\n"00:01","agent","hello, there"\r\n',
    ".tsv": b"time\tspeaker\ttext\n00:01\tagent\thello\n",
    ".xlsx": _xlsx([["time", "speaker", "text"], ["00:01", "agent", "hello"], ["00:02", "customer", 12]]),
}
DIRTY: dict[str, bytes] = {
    ".json": json.dumps({"id": "c-1", "agent": "a1", "turns": [
        {"speaker": "customer", "text": f"card {CARD}, phone {PHONE}"},
        {"speaker": "agent", "text": f"身份证 {CN_ID}，邮箱 {MAIL}"}],
        "metadata": {"callback": 13912345678, "note": "验证码 四八二九一三"}}, indent=2,
        ensure_ascii=False).encode(),
    ".jsonl": (f'{{"id": "c-1", "turns": [{{"speaker": "customer", "text": "密码是 739251, {MAIL}"}}]}}\n'
               f'{{"id": "c-2", "turns": [{{"speaker": "agent", "text": "card {CARD}\n').encode(),
    ".txt": f"id: c-1\n\n[00:01] Agent: card number?\n[00:04] Customer: {CARD}\nCustomer: {PHONE}, {MAIL}\n"
            f"Agent: 验证码是\n# note\n482913\nCustomer: 身份证 {CN_ID} 密码是 739251\n".encode(),
    ".vtt": f"WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\n<v Customer>my card number is\n\n2\n"
            f"00:00:04.000 --> 00:00:09.000\n<v Customer>{' '.join('4111111111111111')}\n\n3\n"
            f"00:00:09.000 --> 00:00:12.000\n<v Agent>{MAIL} 13912345678 {CN_ID} 验证码 482913 密码是 739251\n".encode(),
    ".srt": f"1\n00:00:01,000 --> 00:00:04,000\n密码是\n\n2\n00:00:04,000 --> 00:00:06,000\n739251\n\n3\n"
            f"00:00:06,000 --> 00:00:08,000\n{CARD} {PHONE} {MAIL} {CN_ID} 验证码 482913\n".encode(),
    ".csv": f'time,speaker,text\n00:01,customer,"{CARD}\n{PHONE}"\n00:02,agent,{MAIL} {CN_ID}\n'
            f'00:03,customer,密码是 739251 验证码 482913\n'.encode(),
    ".tsv": f"time\tspeaker\ttext\n00:01\tcustomer\t{CARD} {PHONE} {MAIL} {CN_ID} 密码是 739251 验证码 482913\n".encode(),
    ".xlsx": _xlsx([["time", "speaker", "text"], ["00:01", "customer", f"{CARD} {MAIL} {CN_ID}"],
                    ["00:02", "customer", 13912345678], ["00:03", "agent", "密码是 739251 验证码 482913"]]),
}
for same, like in ((".ndjson", ".jsonl"), (".xlsm", ".xlsx")):
    CLEAN[same], DIRTY[same] = CLEAN[like], DIRTY[like]


def test_every_kind_has_samples() -> None:
    assert set(CLEAN) == set(DIRTY) == set(KINDS), "a new kind of file needs a clean and a dirty sample here"


def test_mask_merges_overlapping_spans_from_several_searches() -> None:
    text = "密码是\n 4 8 2 9 1 3 and 4111 1111 1111 1111"
    spans = find_pii(text) + [PiiSpan("secret", 5, 16), PiiSpan("secret", 21, 30)]
    assert mask(text, spans) == "密码是\n [redacted] and [card ****1111]"  # the card wins its overlap
    assert mask(text, []) == text


def test_every_format_sqaudit_reads_can_be_redacted() -> None:
    assert set(READABLE) <= set(KINDS), f"add a kind to sqaudit/redaction for {set(READABLE) - set(KINDS)}"


def _text_of(suffix: str, data: bytes) -> str:
    if not suffix.startswith(".xls"):
        return data.decode("utf-8")
    wb = load_workbook(io.BytesIO(data))
    return "\n".join(str(c.value) + (c.comment.text if c.comment else "")
                     for ws in wb.worksheets for row in ws.iter_rows() for c in row)


@pytest.mark.parametrize("suffix", sorted(KINDS))
def test_file_without_pii_is_copied_byte_for_byte(tmp_path: Path, suffix: str) -> None:
    src = tmp_path / f"c{suffix}"
    src.write_bytes(CLEAN[suffix])
    result = invoke("redact", str(src), "-o", str(tmp_path / f"out{suffix}"))
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / f"out{suffix}").read_bytes() == CLEAN[suffix]
    assert f"no PII found in {src}" in result.stderr


@pytest.mark.parametrize("suffix", sorted(KINDS))
def test_every_seeded_value_is_masked_in_every_kind(tmp_path: Path, suffix: str) -> None:
    src = tmp_path / f"c{suffix}"
    src.write_bytes(DIRTY[suffix])
    out = tmp_path / "out" / f"c{suffix}"
    result = invoke("redact", str(src), "-o", str(tmp_path / "out") + "/")
    assert result.exit_code == 0, result.stderr
    text = _text_of(suffix, out.read_bytes())
    assert not _leaked(text), text
    assert "redacted " in result.stderr and f" in {src}" in result.stderr
    if suffix in READABLE:  # read back by sqaudit's own reader: no field holds a seeded value
        for item in read_file(out):
            fields = [item.message] if isinstance(item, InputError) else (
                [t.text for t in item.turns] + [v for _, v in item.metadata] if isinstance(item, Transcript) else [])
            assert not any(_leaked(f) for f in fields), fields


def test_json_keeps_keys_layout_and_escape_style(tmp_path: Path) -> None:
    src = tmp_path / "c.json"
    src.write_text('{\n\t"id": "c-1",  "13912345678": "key kept",\n\t"turns": [{"speaker": "agent", '
                   '"text": "\\u5bc6\\u7801\\u662f 739251"}],\n\t"metadata": {"n": 4111111111111111, "t": 1.5}\n}',
                   encoding="utf-8")
    result = invoke("redact", str(src))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ('{\n\t"id": "c-1",  "13912345678": "key kept",\n\t"turns": [{"speaker": "agent", '
                             '"text": "\\u5bc6\\u7801\\u662f [redacted]"}],\n\t"metadata": {"n": "[card ****1111]", '
                             '"t": 1.5}\n}')
    assert "redacted 1 card, 1 secret in" in result.stderr


def test_vtt_timings_and_cue_numbers_never_change(tmp_path: Path) -> None:
    src = tmp_path / "c.vtt"
    src.write_text("WEBVTT\n\nNOTE called from 13912345678\n\n4111111111111111\n00:00:01.000 --> 00:00:04.000\n"
                   "<v Agent>the card number?\n\n739251\n00:00:04.000 --> 00:00:06.000 line:0\n<v Customer>739251\n",
                   encoding="utf-8")
    result = invoke("redact", str(src))
    lines = result.stdout.splitlines()
    assert lines[2] == "NOTE called from [phone 139****5678]"
    assert lines[4:6] == ["4111111111111111", "00:00:01.000 --> 00:00:04.000"]  # a cue number, however odd
    assert lines[8:11] == ["739251", "00:00:04.000 --> 00:00:06.000 line:0", "<v Customer>[redacted]"]


def test_jsonl_bad_line_is_masked_as_text_and_reported(tmp_path: Path) -> None:
    src = tmp_path / "c.jsonl"
    src.write_bytes(b'{"id": "a", "turns": [{"speaker": "agent", "text": "hi"}]}\r\n\r\n'
                    b"{not json 4111-1111-1111-1111\r\n")
    result = invoke("redact", str(src))
    assert result.stdout_bytes == (b'{"id": "a", "turns": [{"speaker": "agent", "text": "hi"}]}\r\n\r\n'
                                   b"{not json [card ****1111]\r\n")
    assert f"{src}:3: not valid JSON: masked as text" in result.stderr


@pytest.mark.parametrize("encoding, bom", [("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
                                           ("utf-16-be", codecs.BOM_UTF16_BE), ("gb18030", b"")])
@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".csv"])
def test_output_keeps_the_encoding_and_bom(tmp_path: Path, encoding: str, bom: bytes, suffix: str) -> None:
    body = {".txt": "Agent: 您好，卡号 {}\r\nCustomer: 好的，谢谢\r\n",
            ".jsonl": '{{"id": "c", "turns": [{{"speaker": "agent", "text": "您好，卡号 {}"}}]}}\r\n',
            ".csv": "speaker,text\r\nagent,您好，卡号 {}\r\n"}[suffix]
    src = tmp_path / f"c{suffix}"
    src.write_bytes(bom + body.format(CARD).encode(encoding))
    args = ["--encoding", encoding] if not bom else []
    result = invoke("redact", str(src), "-o", str(tmp_path / f"out{suffix}"), *args)
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / f"out{suffix}").read_bytes() == bom + body.format("[card ****1111]").encode(encoding)


def test_csv_rewrites_only_the_records_with_pii(tmp_path: Path) -> None:
    src = tmp_path / "c.csv"
    src.write_bytes(b'time;speaker;text\r\n"00:01";"agent";"hello; there"\r\n00:02;customer;"card\n'
                    b'4111 1111 1111 1111"\r\n 00:03 ;customer;fine\r\n')
    result = invoke("redact", str(src))
    assert result.stdout_bytes == (b'time;speaker;text\r\n"00:01";"agent";"hello; there"\r\n00:02;customer;"card\n'
                                   b'[card ****1111]"\r\n 00:03 ;customer;fine\r\n')


def test_xlsx_keeps_other_sheets_and_masks_numbers_and_comments(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["speaker", "text"])
    ws.append(["customer", 13912345678])
    ws.append(["agent", "=notes!A1"])
    ws["B1"].comment = Comment(f"ask {MAIL}", "qa")
    wb.create_sheet("notes")["A1"] = "kept"
    src = tmp_path / "c.xlsx"
    wb.save(src)
    assert invoke("redact", str(src), "-o", str(tmp_path / "out.xlsx")).exit_code == 0
    out = load_workbook(tmp_path / "out.xlsx")
    assert out.sheetnames == ["Sheet", "notes"] and out["notes"]["A1"].value == "kept"
    assert out["Sheet"]["B2"].value == "[phone 139****5678]" and out["Sheet"]["B3"].value == "=notes!A1"
    assert out["Sheet"]["B1"].comment.text == "ask l***@163.com"


def test_split_secret_found_by_the_reader_is_masked_in_a_second_pass(tmp_path: Path) -> None:
    # the reader joins "验证码是" and "482913" into one turn across a comment line; the line pass does not
    src = tmp_path / "c.txt"
    src.write_text("Agent: 请告诉我验证码是\n# typed by QA\n482913\nCustomer: ok 482913\n", encoding="utf-8")
    result = invoke("redact", str(src))
    assert result.stdout == "Agent: 请告诉我验证码是\n# typed by QA\n[redacted]\nCustomer: ok [redacted]\n"


def test_directory_is_mirrored_and_other_files_are_left_out(tmp_path: Path) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "sub" / "c.json").write_bytes(DIRTY[".json"])
    (tmp_path / "in" / "c.txt").write_bytes(CLEAN[".txt"])
    (tmp_path / "in" / "audio.wav").write_bytes(b"RIFF")
    (tmp_path / "in" / ".hidden.json").write_bytes(DIRTY[".json"])
    result = invoke("redact", str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    written = sorted(str(p.relative_to(tmp_path / "out")) for p in (tmp_path / "out").rglob("*"))
    assert written == ["c.txt", "sub", "sub/c.json"]
    assert f"redacted 1 card, 1 ID, 2 phone, 1 e-mail, 1 secret in {tmp_path / 'in' / 'sub' / 'c.json'}" \
        in result.stderr
    assert "not copied: 1 file(s)" in result.stderr and "audio.wav" in result.stderr
    assert "2 file(s) written to" in result.stderr


@pytest.mark.parametrize("out", ["in", "in/copies"])
def test_output_inside_or_equal_to_an_input_directory_is_refused(tmp_path: Path, out: str) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "c.json").write_bytes(DIRTY[".json"])
    result = invoke("redact", str(tmp_path / "in"), "-o", str(tmp_path / out))
    assert result.exit_code == 2 and "copies must go elsewhere" in result.stderr
    assert [p.name for p in (tmp_path / "in").iterdir()] == ["c.json"]
    assert (tmp_path / "in" / "c.json").read_bytes() == DIRTY[".json"]


def test_an_input_is_never_overwritten(tmp_path: Path) -> None:
    src = tmp_path / "c.json"
    src.write_bytes(DIRTY[".json"])
    result = invoke("redact", str(src), "-o", str(src))
    assert result.exit_code == 2 and "would overwrite an input" in result.stderr
    # a file and a directory copied into the directory that holds the file
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "c.json").write_bytes(DIRTY[".json"])
    result = invoke("redact", str(tmp_path / "d" / "c.json"), str(tmp_path / "d" / "c.json"), "-o", str(tmp_path / "d"))
    assert result.exit_code == 2
    assert src.read_bytes() == DIRTY[".json"] == (tmp_path / "d" / "c.json").read_bytes()


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_bytes(CLEAN[".json"])
    (tmp_path / "b.json").write_bytes(CLEAN[".json"])
    several = invoke("redact", str(tmp_path / "a.json"), str(tmp_path / "b.json"))
    assert several.exit_code == 2 and "need -o DIR" in several.stderr
    renamed = invoke("redact", str(tmp_path / "a.json"), "-o", str(tmp_path / "a.txt"))
    assert renamed.exit_code == 2 and "ending in '.json'" in renamed.stderr
    assert invoke("redact", str(tmp_path / "a.json"), "--encoding", "klingon").exit_code == 2


def test_unreadable_files_are_skipped_and_named(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "in" / "bad.xlsx").write_bytes(b"not a zip")
    (tmp_path / "in" / "ok.txt").write_bytes(CLEAN[".txt"])
    result = invoke("redact", str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert f"skipped {tmp_path / 'in' / 'bin.txt'}:1: binary data" in result.stderr
    assert "bad.xlsx:1: not an xlsx workbook" in result.stderr and "(hint: " in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["ok.txt"]
    (tmp_path / "in" / "ok.txt").unlink()
    nothing = invoke("redact", str(tmp_path / "in"), "-o", str(tmp_path / "out2"))
    assert nothing.exit_code == 2 and "nothing was written" in nothing.stderr
    missing = invoke("redact", str(tmp_path / "nope.json"))
    assert missing.exit_code == 2 and "no such file" in missing.stderr
