"""Survey exports as they arrive: GB18030, BOMs, xlsx, bad rows, missing columns, unreversed items.

A bad answer names the file, the row (CSV line or sheet row) and the column, and the rest
of the row and the file are still used; nothing in an input ever raises.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from openpyxl import Workbook

from sqaudit.survey import SurveySettings, analyse, load_instrument, read_survey

SMALL = """\
id: small
title: {en: Small, zh: 小}
scale: [1, 5]
columns: {expectation: ["e{n}", "期望{n}"], perception: ["p{n}", "感知{n}"], agent: [agent, 客服工号],
          contact: [contact_id, 接触编号], date: [date, 提交答卷时间], comments: [comment, 意见建议]}
nps: {column: [nps, 推荐意愿]}
items:
  - {id: R1, dimension: reliability, text: {en: one, zh: 一}}
  - {id: R2, dimension: reliability, text: {en: two, zh: 二}}
  - {id: R3, dimension: reliability, text: {en: three, zh: 三}}
"""


@pytest.fixture
def small(tmp_path: Path):
    (tmp_path / "small.yml").write_text(SMALL, encoding="utf-8")
    return load_instrument(tmp_path / "small.yml")


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_gb18030_chinese_export_reads_with_a_reported_guess(tmp_path: Path, small) -> None:
    text = ("序号,提交答卷时间,客服工号,接触编号,期望1,期望2,期望3,感知1,感知2,感知3,推荐意愿,意见建议\n"
            "1,2026/5/4 10:22:01,a41,m-0002,5,5,4,4,(跳过),3,9,客服很耐心，谢谢。回电请打 138 0013 8000\n"
            "2,2026/5/6 8:05:00,a42,m-0003,4,5,5,3,3,3,6,说好回电的，一直没有回。\n")
    data = read_survey([write(tmp_path, "zh.csv", text, "gb18030")], small)
    assert data.problems == ()
    assert [n.message for n in data.notices] == ["read as gb18030 (detected)"]
    first, second = data.responses
    assert (first.agent, first.contact, first.date) == ("a41", "m-0002", "2026-05-04T10:22:01")
    assert first.perception == (4.0, None, 3.0)  # (跳过) is no answer, not an error
    assert first.single("nps") == 9.0
    comment = first.meta("意见建议")
    assert comment.startswith("客服很耐心") and "138 0013 8000" not in comment and "8000" in comment  # redacted
    assert second.date == "2026-05-06T08:05:00"


@pytest.mark.parametrize("encoding,prefix", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16", b"")])
def test_utf8_bom_and_utf16_read_the_same(tmp_path: Path, small, encoding: str, prefix: bytes) -> None:
    text = "agent,e1,e2,e3,p1,p2,p3,nps\na1,5,5,5,4,4,4,10\n"
    path = tmp_path / "r.csv"
    path.write_bytes(prefix + text.encode(encoding))
    data = read_survey([path], small)
    assert data.problems == () and data.notices == ()
    assert data.responses[0].agent == "a1" and data.responses[0].expectation == (5.0, 5.0, 5.0)


def test_semicolon_delimiter_and_case_and_width_of_headers(tmp_path: Path, small) -> None:
    text = "Agent;E1;E2;Ｅ３;P1;P2;P3\na1;5;5;5;4;4;4\n"
    data = read_survey([write(tmp_path, "r.csv", text)], small)
    assert data.problems == () and data.responses[0].expectation == (5.0, 5.0, 5.0)


def test_bad_row_names_file_row_and_column_and_the_rest_is_scored(tmp_path: Path, small) -> None:
    text = ("agent,e1,e2,e3,p1,p2,p3,nps\n"
            "a1,5,5,5,4,4,4,10\n"
            "a1,5,9,5,4,great,4,12\n"       # line 3: out of scale, text, NPS out of 0-10
            "a2,5,5,5,4,4,4,8,extra\n"      # line 4: more fields than the header: skipped whole
            ",,,,,,,\n"                     # a blank row is no respondent and no problem
            "a2,,,,,,,\n"                   # line 6: no answer at all: skipped
            "a2,4,4,4,3,3,3,2\n")
    path = write(tmp_path, "r.csv", text)
    data = read_survey([path], small)
    problems = {p.source: p for p in data.problems}
    assert set(problems) == {f"{path}:3", f"{path}:4", f"{path}:6"}
    bad = problems[f"{path}:3"].message
    assert "column 'e2': 9 is outside the scale 1–5" in bad and "column 'p2': 'great' is not a number" in bad
    assert "column 'nps': 12 is outside the scale 0–10" in bad and "the rest of the row is used" in bad
    assert "the row has 9 or more fields but the header has 8" in problems[f"{path}:4"].message
    assert "no answer in this row" in problems[f"{path}:6"].message
    assert (data.rows, len(data.responses), data.skipped_rows) == (5, 3, 2)
    partly = data.responses[1]
    assert partly.source == f"{path}:3" and partly.expectation == (5.0, None, 5.0) and partly.perception[1] is None
    result = analyse(data, small)
    assert result.dimensions[0].gap.n == 3 and result.nps.n == 2


def test_line_numbers_count_physical_lines_of_multiline_answers(tmp_path: Path, small) -> None:
    text = 'agent,e1,e2,e3,p1,p2,p3,comment\na1,5,5,5,4,4,4,"line one\nline two"\na2,5,5,x,4,4,4,ok\n'
    path = write(tmp_path, "r.csv", text)
    data = read_survey([path], small)
    assert [p.source for p in data.problems] == [f"{path}:4"]  # the third record starts on line 4


def test_missing_column_is_a_problem_at_the_header_and_the_rest_goes_on(tmp_path: Path, small) -> None:
    text = "agent,e1,e2,e3,p1,p_2,p3\na1,5,5,5,4,4,4\n"
    path = write(tmp_path, "r.csv", text)
    data = read_survey([path], small)
    (problem,) = data.problems
    assert problem.source == f"{path}:1"
    assert "column 'p2' (or '感知2') for item R2 is not in the header" in problem.message
    assert problem.hint == "did you mean 'p_2'?"
    assert data.responses[0].perception == (4.0, None, 4.0)
    assert any("no NPS column" in n.message for n in data.notices)


def test_wrong_instrument_or_unreadable_file_is_a_problem_not_a_crash(tmp_path: Path, small) -> None:
    wrong = write(tmp_path, "csat.csv", "agent,csat\na1,5\n")
    binary = tmp_path / "binary.csv"
    binary.write_bytes(bytes(range(256)) * 4)
    data = read_survey([wrong, binary, tmp_path / "absent.csv"], small)
    messages = {p.source.split(":")[0].rsplit("/", 1)[-1]: p for p in data.problems}
    assert "none of the columns of instrument 'small' is in the header" in messages["csat.csv"].message
    assert "is this the right --instrument?" in messages["csat.csv"].hint
    assert "binary" in messages["binary.csv"].message or "encoding" in messages["binary.csv"].message
    assert "no such file" in messages["absent.csv"].message
    assert data.responses == () and data.unreadable_files == 3


def test_xlsx_rows_and_column_letters(tmp_path: Path, small) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Responses"
    ws.append(["survey export"])  # a title row above the header is not a respondent
    ws.append([])
    ws.append(["agent", "e1", "e2", "e3", "p1", "p2", "p3"])
    ws.append(["a1", 5, 5, 5, 4, 4, 4])
    ws.append([1017.0, 5, 5, "five", 4, 4, 4])
    wb.save(tmp_path / "r.xlsx")
    data = read_survey([tmp_path / "r.xlsx"], small)
    (problem,) = [p for p in data.problems]
    assert problem.source == f"{tmp_path / 'r.xlsx'}:5" and "column D ('e3'): 'five' is not a number" in problem.message
    assert [r.agent for r in data.responses] == ["a1", "1017"]  # an id typed as a number stays an id


def test_header_on_first_row_of_xlsx_title_row_is_treated_as_header(tmp_path: Path, small) -> None:
    wb = Workbook()
    wb.active.append(["agent", "e1", "e2", "e3", "p1", "p2", "p3"])
    wb.active.append(["a1", 5, 5, 5, 4, 4, 4])
    wb.create_sheet("other")
    wb.save(tmp_path / "r.xlsx")
    assert len(read_survey([tmp_path / "r.xlsx"], small).responses) == 1
    missing = read_survey([tmp_path / "r.xlsx"], small, sheet="Sheet2")
    assert "no sheet 'Sheet2'" in missing.problems[0].message


def test_a_reverse_coded_item_left_unreversed_is_flagged(tmp_path: Path, small) -> None:
    rng = random.Random(3)
    lines = ["agent,e1,e2,e3,p1,p2,p3"]
    for _ in range(40):
        level = rng.randint(1, 5)
        answers = [min(5, max(1, level + rng.choice((-1, 0, 0, 1)))) for _ in range(3)]
        answers[2] = 6 - answers[2]  # item R3 is worded negatively: "They never keep their promises"
        lines.append("a1,5,5,5," + ",".join(map(str, answers)))
    path = write(tmp_path, "r.csv", "\n".join(lines) + "\n")
    result = analyse(read_survey([path], small), small)
    flags = [f for f in result.flags if f.kind == "negative_item_total"]
    assert [f.item for f in flags] == ["R3"]
    assert "should be reverse-coded (reverse: true)?" in flags[0].message
    # marked reverse: the reader reverses it, the correlation turns positive and the flag goes away
    fixed_yaml = SMALL.replace("{id: R3, dimension: reliability, text: {en: three, zh: 三}}",
                               "{id: R3, dimension: reliability, text: {en: three, zh: 三}, reverse: true}")
    (tmp_path / "fixed.yml").write_text(fixed_yaml, encoding="utf-8")
    fixed = load_instrument(tmp_path / "fixed.yml")
    result = analyse(read_survey([path], fixed), fixed)
    assert not [f for f in result.flags if f.kind == "negative_item_total"]
    assert result.reliability[0].dimensions[0].alpha > 0.7


def test_segments_by_agent_period_and_any_column(tmp_path: Path, small) -> None:
    text = ("agent,date,channel,e1,e2,e3,p1,p2,p3,nps\n"
            "a1,2026-05-04,call,5,5,5,4,4,4,10\n"
            "a1,2026-05-12,chat,5,5,5,5,5,5,9\n"
            "a2,2026-06-01,call,5,5,5,2,2,2,3\n")
    data = read_survey([write(tmp_path, "r.csv", text)], small)
    by_agent = analyse(data, small, SurveySettings(by="agent", min_respondents=2)).segments
    assert [(s.key, s.respondents, s.insufficient) for s in by_agent] == [("a2", 1, True), ("a1", 2, False)]
    assert by_agent[1].index.value == pytest.approx(-0.5) and by_agent[1].nps.score == 100
    by_week = analyse(data, small, SurveySettings(by="period", period="week")).segments
    assert sorted(s.key for s in by_week) == ["2026-W19", "2026-W20", "2026-W23"]
    by_channel = analyse(data, small, SurveySettings(by="channel")).segments
    assert {s.key: s.respondents for s in by_channel} == {"call": 2, "chat": 1}
