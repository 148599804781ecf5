"""Exports as QA leads have them: WebVTT, SRT, Contact Lens, CCAI, chat tables (CSV, XLSX), in en and zh.

The fixtures in tests/inputs/ are small hand-written files; the Contact Lens and Transcribe
Call Analytics ones use the field names of AWS's published example output, the CCAI ones
those of Google's conversation data format.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook

from sqaudit.errors import InputError
from sqaudit.model import InputNotice, Transcript
from sqaudit.parsers import DEFAULT_OPTIONS, FORMATS, ReadOptions, choose_format, iter_contacts, read_file
from tests.helpers import invoke

INPUTS = Path(__file__).parent / "inputs"
EXPORTS = Path(__file__).resolve().parents[1] / "examples" / "exports"


def items(path: Path, options: ReadOptions = DEFAULT_OPTIONS) -> tuple[list[Transcript], list[InputError], list[str]]:
    found = list(read_file(path, options))
    return ([i for i in found if isinstance(i, Transcript)], [i for i in found if isinstance(i, InputError)],
            [i.message for i in found if isinstance(i, InputNotice)])


def one(path: Path, options: ReadOptions = DEFAULT_OPTIONS) -> tuple[Transcript, list[str]]:
    contacts, errors, notices = items(path, options)
    assert not errors, [str(e) for e in errors]
    assert len(contacts) == 1, contacts
    return contacts[0], notices


def roles(t: Transcript) -> list[str]:
    return [turn.speaker for turn in t.turns]


# -- which format reads a file --------------------------------------------------------------------

@pytest.mark.parametrize(("name", "fmt"), [
    ("teams_call_en.vtt", "vtt"), ("asr_call_en.srt", "srt"), ("cl-0142_analysis_2026-05-04T09_30_00Z.json",
                                                             "contact-lens"),
    ("tca_call_en.json", "contact-lens"), ("ccai_chat_en.json", "dialogflow"), ("chats_en.csv", "chat-csv"),
    ("chats_unicode_text.txt", "chat-csv"), ("chats_zh_gb18030.csv", "chat-csv"),
])
def test_format_is_chosen_by_suffix_then_content(name: str, fmt: str) -> None:
    chosen, by_content = choose_format(INPUTS / name)
    assert chosen is not None and chosen.name == fmt and not by_content


def test_json_and_txt_fall_back_to_the_native_and_plain_text_readers(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text('{"id": "x", "turns": []}', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Agent: hello\n", encoding="utf-8")
    assert choose_format(tmp_path / "a.json")[0].name == "native"  # type: ignore[union-attr]
    assert choose_format(tmp_path / "a.txt")[0].name == "plaintext"  # type: ignore[union-attr]


def test_unknown_suffix_is_sniffed_and_the_choice_reported(tmp_path: Path) -> None:
    shutil.copy(INPUTS / "teams_call_en.vtt", tmp_path / "call.captions")
    contacts, errors, notices = items(tmp_path / "call.captions")
    assert len(contacts) == 1 and not errors
    assert any("read as vtt (by its content" in n for n in notices)


def test_input_format_overrides_the_suffix(tmp_path: Path) -> None:
    shutil.copy(INPUTS / "asr_call_en.srt", tmp_path / "call.txt")
    contacts, errors, _ = items(tmp_path / "call.txt")
    assert errors and not contacts  # as plain text, "1" / "00:00:00,500 --> ..." lines are not turns
    t, _ = one(tmp_path / "call.txt", ReadOptions(input_format="srt"))
    assert len(t.turns) == 7


def test_every_format_documents_itself() -> None:
    listing = invoke("formats")
    assert listing.exit_code == 0
    for fmt in FORMATS.values():
        assert fmt.name in listing.stdout and fmt.summary in listing.stdout
        assert all(s in listing.stdout for s in fmt.suffixes)
        explained = invoke("formats", fmt.name)
        assert explained.exit_code == 0 and explained.stdout.strip() == fmt.doc.strip()
        assert len(fmt.doc.strip().splitlines()) >= 5, f"{fmt.name}: the module docstring documents the format"
    wrong = invoke("formats", "vvt")
    assert wrong.exit_code == 2 and "did you mean 'vtt'" in wrong.stderr


# -- captions -------------------------------------------------------------------------------------

def test_vtt_voice_tags_names_mapped_by_the_reported_heuristic() -> None:
    t, notices = one(INPUTS / "teams_call_en.vtt")
    assert (t.id, t.channel, t.language) == ("teams_call_en", "call", "en")
    assert roles(t) == ["agent", "customer"] * 3 + ["agent"]
    assert (t.turns[0].start, t.turns[0].end, t.turns[0].line) == (0.8, 5.2, 7)
    assert t.turns[0].text.startswith("Thank you for calling") and "<v" not in t.turns[0].text
    assert notices == [("contact teams_call_en: 'Dana Smith' taken as the agent (opens like an agent; "
                        "--agent-speaker overrides), 'Priya Raman' as the customer")]


def test_vtt_speaker_prefixes_in_chinese() -> None:
    t, notices = one(INPUTS / "zoom_call_zh.vtt")
    assert roles(t) == ["agent", "customer"] * 3 + ["agent"]
    assert t.turns[1].text == "我的宽带从昨天晚上开始就断了。"
    assert "'王芳' taken as the agent" in notices[0]


def test_agent_speaker_overrides_the_heuristic() -> None:
    t, notices = one(INPUTS / "teams_call_en.vtt", ReadOptions(agent_speaker=("Priya Raman",)))
    assert roles(t)[:2] == ["customer", "agent"] and not notices


def test_first_speaker_is_the_agent_when_nobody_opens_like_one(tmp_path: Path) -> None:
    (tmp_path / "a.vtt").write_text("WEBVTT\n\n00:01.000 --> 00:02.000\n<v Speaker 1>Hello?\n\n"
                                    "00:03.000 --> 00:04.000\n<v Speaker 2>Hi, my bill is wrong\n", encoding="utf-8")
    t, notices = one(tmp_path / "a.vtt")
    assert roles(t) == ["agent", "customer"] and "'Speaker 1' taken as the agent (spoke first" in notices[0]


def test_vtt_cue_with_several_voices_and_a_cue_without_one(tmp_path: Path) -> None:
    (tmp_path / "a.vtt").write_text("WEBVTT\n\n00:01.000 --> 00:03.000\n<v Agent>Good morning, how can I help?\n"
                                    "<v Customer>My card was charged twice\n\n00:04.000 --> 00:05.000\n"
                                    "<i>and I want it back</i>\n", encoding="utf-8")
    t, notices = one(tmp_path / "a.vtt")
    assert [(x.speaker, x.text) for x in t.turns] == [("agent", "Good morning, how can I help?"),
                                                      ("customer", "My card was charged twice"),
                                                      ("customer", "and I want it back")]
    assert not notices  # role names need no guess


def test_srt_with_asr_speakers_and_with_chinese_roles() -> None:
    t, notices = one(INPUTS / "asr_call_en.srt")
    assert roles(t) == ["agent", "customer"] * 3 + ["agent"] and (t.turns[1].start, t.turns[1].end) == (4.8, 9.2)
    assert "'spk_0' taken as the agent" in notices[0]
    zh, notices = one(INPUTS / "call_zh.srt")
    assert roles(zh)[:2] == ["agent", "customer"] and zh.turns[0].text.startswith("您好") and not notices


# -- service JSON ---------------------------------------------------------------------------------

def test_contact_lens_roles_times_and_the_services_analytics() -> None:
    t, notices = one(INPUTS / "cl-0142_analysis_2026-05-04T09_30_00Z.json")
    assert (t.id, t.channel, t.language) == ("cl-0142", "call", "en-US") and not notices
    assert roles(t) == ["agent", "customer", "agent", "customer", "agent", "customer", "agent"]
    assert (t.turns[1].start, t.turns[1].end) == (4.9, 11.8)
    meta = dict(t.metadata)
    assert json.loads(meta["aws_turn_sentiment"])[1] == "NEGATIVE"
    assert json.loads(meta["aws_overall_sentiment"]) == {"AGENT": 2.5, "CUSTOMER": 0.8}
    assert json.loads(meta["aws_categories"]) == ["billing-dispute"]
    assert json.loads(meta["aws_interruptions"])["TotalCount"] == 0


def test_transcribe_call_analytics_participant_role_and_interruptions() -> None:
    t, _ = one(INPUTS / "tca_call_en.json")
    assert t.id == "tca_call_en" and roles(t)[:3] == ["agent", "customer", "agent"]
    interruptions = json.loads(dict(t.metadata)["aws_interruptions"])
    assert interruptions["InterruptionsByInterrupter"]["AGENT"][0]["BeginOffsetMillis"] == 9800


def test_ccai_entries_roles_and_times_from_the_first_entry() -> None:
    t, _ = one(INPUTS / "ccai_chat_en.json")
    assert roles(t) == ["system", "customer", "agent", "agent", "customer", "agent"]  # AUTOMATED_AGENT is a bot
    assert [x.start for x in t.turns] == [0.0, 12.0, 40.0, 95.0, 130.0, 150.0]
    assert t.started_at == "2026-05-04T09:30:00+00:00" and dict(t.metadata)["categories"] == '["Billing"]'
    zh, _ = one(INPUTS / "ccai_chat_zh.json")
    assert roles(zh)[:2] == ["customer", "agent"]  # END_USER, HUMAN_AGENT


def test_a_bad_entry_costs_only_itself(tmp_path: Path) -> None:
    data = json.loads((INPUTS / "tca_call_en.json").read_text(encoding="utf-8"))
    data["Transcript"][2]["ParticipantRole"] = "ROBOT"
    data["Transcript"][3]["BeginOffsetMillis"] = -5
    (tmp_path / "x.json").write_text(json.dumps(data), encoding="utf-8")
    contacts, errors, _ = items(tmp_path / "x.json")
    assert len(contacts) == 1 and len(contacts[0].turns) == 4
    assert [e.source for e in errors] == [f"{tmp_path / 'x.json'}:1 [Transcript 2]",
                                          f"{tmp_path / 'x.json'}:1 [Transcript 3]"]
    assert all(e.hint for e in errors)


# -- chat tables ----------------------------------------------------------------------------------

def test_csv_groups_interleaved_rows_into_conversations() -> None:
    contacts, errors, notices = items(INPUTS / "chats_en.csv")
    assert not errors and not notices
    first, second = contacts
    assert (first.id, first.agent, first.team, first.channel) == ("ch-0101", "a51", "billing", "chat")
    assert [t.line for t in first.turns] == [2, 3, 5, 7, 8] and [t.start for t in first.turns] == [0, 29, 79, 119, 139]
    assert roles(second) == ["customer", "agent", "customer", "system"]  # visitor, agent, visitor, bot
    assert dict(first.metadata) == {"queue": "billing"} and first.started_at == "2026-05-04T10:02:11+00:00"


def test_gb18030_csv_with_chinese_column_names_reports_the_guess() -> None:
    contacts, errors, notices = items(INPUTS / "chats_zh_gb18030.csv")
    assert not errors and notices == ["read as gb18030 (detected; --encoding overrides)"]
    assert [c.id for c in contacts] == ["zh-0201", "zh-0202"]
    assert (contacts[0].agent, contacts[0].team) == ("a53", "技术支持")
    assert roles(contacts[1]) == ["customer", "system", "agent", "agent", "customer"]  # 访客, 机器人, 坐席
    assert dict(contacts[1].metadata) == {"渠道来源": "微信"}


def test_utf16_unicode_text_and_big5() -> None:
    t, notices = one(INPUTS / "chats_unicode_text.txt")
    assert (t.id, t.agent, t.team) == ("ut-0301", "Ana Li", "billing") and not notices  # a BOM is no guess
    assert [x.start for x in t.turns] == [0, 45, 120, 150, 170]
    tw, notices = one(INPUTS / "chats_zh_hant_big5.csv")
    assert tw.turns[1].text.startswith("您好，很高興為您服務") and "big5" in notices[0]


def test_encoding_option_overrides_detection(tmp_path: Path) -> None:
    t, notices = one(INPUTS / "chats_zh_hant_big5.csv", ReadOptions(encoding="big5"))
    assert not notices and tw_ok(t)


def tw_ok(t: Transcript) -> bool:
    return t.id == "tw-0401" and t.turns[0].text == "您好，我的帳單金額不對"


def test_column_map_and_mapping_file_speakers(tmp_path: Path) -> None:
    (tmp_path / "export.csv").write_text("thread,who,said,posted\nt1,Member,my bill is wrong,5\n"
                                         "t1,Support Bot,Please wait,6\nt1,Staff,Sorry! I'll fix it now.,30\n",
                                         encoding="utf-8")
    _, errors, _ = items(tmp_path / "export.csv")
    assert errors and "no speaker or text column" in errors[0].message and "--map" in (errors[0].hint or "")
    (tmp_path / "map.yml").write_text("columns: {id: thread, speaker: who}\n"
                                      "speakers: {Member: customer, Support Bot: system}\n", encoding="utf-8")
    result = invoke("score", str(tmp_path / "export.csv"), "-f", "json", "--mapping", str(tmp_path / "map.yml"),
                    "--map", "text=said,time=posted")
    assert result.exit_code == 0, result.stderr
    contact = json.loads(result.stdout)["contacts"][0]
    assert contact["id"] == "t1" and contact["metrics"]["first_response_s"] == 25


def test_unknown_speaker_value_or_missing_text_costs_only_its_row(tmp_path: Path) -> None:
    (tmp_path / "c.csv").write_text("conversation_id,sender,text\nc1,customer,hi\nc1,someone,??\nc1,agent,\n"
                                    "c1,agent,Hello, how can I help?\n,agent,lost\n", encoding="utf-8")
    contacts, errors, _ = items(tmp_path / "c.csv")
    assert [e.source.rsplit(":", 1)[1] for e in errors] == ["3", "4", "6"]
    assert "unknown speaker 'someone'" in errors[0].message and "no text" in errors[1].message
    assert len(contacts) == 1 and roles(contacts[0]) == ["customer", "agent"]
    assert contacts[0].turns[1].text == "Hello"  # an unquoted comma splits the cell: CSV as written


def test_rows_keep_file_order_unless_every_time_parses(tmp_path: Path) -> None:
    (tmp_path / "c.csv").write_text("conversation_id,time,sender,text\nc1,10:05:00,agent,second\n"
                                    "c1,10:01:00,customer,first\nc2,10:05:00,agent,b\nc2,,customer,a\n", encoding="utf-8")
    contacts, errors, notices = items(tmp_path / "c.csv")
    assert not errors
    assert [t.text for t in contacts[0].turns] == ["first", "second"] and contacts[0].turns[1].start == 240
    assert [t.text for t in contacts[1].turns] == ["b", "a"] and contacts[1].turns[0].start is None
    assert notices == [("contact c2: some message times are missing or unreadable: times ignored, rows kept in file "
                        "order (timing criteria not applicable)")]


def test_diarized_labels_in_a_table_follow_the_heuristic(tmp_path: Path) -> None:
    (tmp_path / "asr.csv").write_text("call_id,speaker,text\nk1,spk_1,hi\nk1,spk_0,Thank you for calling, how can "
                                      "I help?\n".replace("call_id", "contact_id"), encoding="utf-8")
    t, notices = one(tmp_path / "asr.csv")
    assert roles(t) == ["customer", "agent"] and "'spk_0' taken as the agent (opens like an agent" in notices[0]


def test_xlsx_chat_export(tmp_path: Path) -> None:
    from datetime import datetime

    book = Workbook()
    sheet = book.active
    sheet.append(["会话ID", "时间", "发送方", "内容", "客服"])
    sheet.append([1001, datetime(2026, 5, 4, 9, 0, 0), "客户", "我要投诉", None])
    sheet.append([1001, datetime(2026, 5, 4, 9, 0, 30), "客服", "非常抱歉，我马上为您处理", "a60"])
    sheet.append([None, None, None, None, None])
    sheet.append([1002, datetime(2026, 5, 4, 9, 5, 0), "客户", "你好", None])
    book.save(tmp_path / "chats.xlsx")
    contacts, errors, _ = items(tmp_path / "chats.xlsx")
    assert not errors and [c.id for c in contacts] == ["1001", "1002"]
    assert contacts[0].agent == "a60" and contacts[0].turns[1].start == 30 and contacts[0].turns[1].line == 3
    assert contacts[1].source.endswith("chats.xlsx:5")


def test_other_tables_in_a_directory_are_noted_not_read(tmp_path: Path) -> None:
    (tmp_path / "survey.csv").write_text("respondent,e1,p1\nr1,5,4\n", encoding="utf-8")
    shutil.copy(INPUTS / "chats_en.csv", tmp_path)
    found = list(iter_contacts([tmp_path]))
    assert len([i for i in found if isinstance(i, Transcript)]) == 2
    assert not [i for i in found if isinstance(i, InputError)]
    assert any(isinstance(i, InputNotice) and "not read: not a chat-csv file" in i.message for i in found)
    named = list(iter_contacts([tmp_path / "survey.csv"]))  # named directly: read, and the problem said
    assert isinstance(named[0], InputError) and "no speaker or text column" in named[0].message


# -- the done-when: each export scores with nothing but its file name --------------------------------

@pytest.mark.parametrize("name", ["meeting_call_en.vtt", "c-4101_analysis_2026-05-06T10_12_00Z.json",
                                  "chats_zh_gb18030.csv", "chats_unicode_text.txt"])
def test_examples_exports_score_with_no_flags(name: str) -> None:
    result = invoke("score", str(EXPORTS / name), "-f", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert not document["errors"] and document["contacts"]
    assert all(c["score"] is not None for c in document["contacts"])


def test_read_options_go_into_the_record_and_reproduce(tmp_path: Path) -> None:
    out = tmp_path / "run.json"
    shutil.copy(INPUTS / "teams_call_en.vtt", tmp_path / "call.vtt")
    result = invoke("score", str(tmp_path / "call.vtt"), "-f", "json", "-o", str(out), "--agent-speaker", "Priya Raman")
    assert result.exit_code == 0, result.stderr
    recorded = json.loads(out.read_text(encoding="utf-8"))["run"]["options"]["read"]
    assert recorded["agent_speaker"] == ["Priya Raman"]
    again = invoke("score", "--reproduce", str(out))
    assert again.exit_code == 0 and "identical" in again.stdout, again.stderr
    assert invoke("score", "--reproduce", str(out), "--agent-speaker", "x").exit_code == 2


@pytest.mark.parametrize("command", [["score", "-f", "json"], ["report", "-f", "json"], ["check", "--no-config",
                                     "--min-score", "1"], ["coach", "--all"], ["plan", "--margin", "5"],
                                     ["diff", "--old", "servqual", "--new", "servqual"]])
def test_every_reading_command_takes_the_input_options(command: list[str], tmp_path: Path) -> None:
    bad = invoke(*command, str(INPUTS), "--encoding", "klingon")
    assert bad.exit_code == 2 and "unknown encoding" in bad.stderr
    bad_map = invoke(*command, str(INPUTS), "--map", "colour=x")
    assert bad_map.exit_code == 2 and "FIELD=COLUMN" in bad_map.stderr
    assert invoke(*command, str(INPUTS / "asr_call_en.srt"), "--agent-speaker", "spk_0",
                  "--input-format", "srt").exit_code != 3
