"""``report -f xlsx``: the workbook read back with openpyxl agrees with the JSON report, cell by cell.

The bundled examples are scored together with a contact whose ids start like spreadsheet
formulas, and an unreadable file; the tests check sheets and headers, numbers stored as
numbers (intervals in two columns), no formula anywhere, one row per contact, the
periods sheet with a period setting, and parts that do not change between two writes.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from sqaudit.formatters.safe import defuse_cell
from sqaudit.groups import Settings
from sqaudit.parsers import iter_contacts
from sqaudit.reports import REPORT_FORMATS, json_, xlsx
from sqaudit.rubric.compile import CompiledRubric, compile_rubric
from sqaudit.rubric.loader import load_rubric
from sqaudit.run import start_run

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
HYPERLINK = '=HYPERLINK("http://x")'
STATS = ["contacts", "mean_score", "ci_low", "ci_high", "pass_rate", "pass_ci_low", "pass_ci_high",
         "critical_failures", "complaints", "complaints_passed_rate", "insufficient_evidence", "reasons", "rank",
         "vs_peers", "p_adjusted"]
DIMS = ["mean_reliability", "mean_assurance", "mean_tangibles", "mean_empathy", "mean_responsiveness"]


def hostile_contact(contact_id: str) -> dict[str, object]:
    turns = [("agent", f"{HYPERLINK} hello, thanks for calling, how can I help?"), ("customer", "+1 my bill is wrong"),
             ("agent", "-2 I'm sorry about that, let me check the account for you"), ("customer", "@SUM(A1) ok thanks")]
    return {"id": contact_id, "agent": HYPERLINK, "team": "+1", "channel": "chat", "language": "en",
            "started_at": "2026-05-06T10:00:00Z",
            "turns": [{"speaker": s, "text": t, "start": 10.0 * i} for i, (s, t) in enumerate(turns)]}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.json").write_text(json.dumps([hostile_contact("-2"), hostile_contact("@SUM(A1)")]),
                                         encoding="utf-8")
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    return [EXAMPLES, folder]


@pytest.fixture(scope="module")
def compiled() -> CompiledRubric:
    return compile_rubric(load_rubric("servqual"))


def xlsx_bytes(paths: list[Path], compiled: CompiledRubric, by: str = "agent",
               settings: Settings | None = None) -> bytes:
    out = io.BytesIO()
    xlsx.write(start_run(iter_contacts(paths), compiled, settings=settings), out, by=by)
    return out.getvalue()


@pytest.fixture(scope="module")
def workbook(inputs: list[Path], compiled: CompiledRubric) -> Workbook:
    return load_workbook(io.BytesIO(xlsx_bytes(inputs, compiled)))


@pytest.fixture(scope="module")
def document(inputs: list[Path], compiled: CompiledRubric) -> dict:  # type: ignore[type-arg]
    out = io.StringIO()
    json_.write(start_run(iter_contacts(inputs), compiled), out)
    return json.loads(out.getvalue())


def records(wb: Workbook, sheet: str) -> list[dict[str, object]]:
    header, *rows = wb[sheet].iter_rows(values_only=True)
    return [dict(zip(header, row)) for row in rows]


def test_registered_as_a_binary_report_format() -> None:
    assert REPORT_FORMATS["xlsx"] is xlsx and xlsx.BINARY is True


def test_sheets_in_reading_order(workbook: Workbook) -> None:
    assert workbook.sheetnames == ["agents", "teams", "criteria", "dimensions", "contacts", "errors", "about"]


def test_header_rows_styled_frozen_and_filtered(workbook: Workbook) -> None:
    headers = {ws.title: [c.value for c in ws[1]] for ws in workbook}
    assert headers["agents"] == ["agent", "team", *STATS, *DIMS]
    assert headers["teams"] == ["team", "agents", *STATS, *DIMS]
    assert headers["criteria"] == ["id", "dimension", "title", "detector", "met", "missed", "not_applicable",
                                   "missed_rate"]
    assert headers["dimensions"] == ["agent", "team", "dimension", "mean", "ci_low", "ci_high", "n"]
    assert headers["contacts"] == ["id", "agent", "team", "channel", "language", "started_at", "score", "passed",
                                   "complaint", "critical_failures", "missed_criteria", "source"]
    assert headers["errors"] == ["source", "message", "hint"]
    assert headers["about"] == ["field", "value"]
    for ws in workbook:
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}"
        assert all(c.font.bold and c.fill.fgColor.rgb.endswith("D9E1F2") for c in ws[1])


def test_every_agent_with_its_figures_as_numbers(workbook: Workbook, document: dict) -> None:  # type: ignore[type-arg]
    rows = {r["agent"]: r for r in records(workbook, "agents")}
    expected = {a["agent"]: a for a in document["agents"]}
    assert {k: r["contacts"] for k, r in rows.items()} == {defuse_cell(k): a["contacts"] for k, a in expected.items()}
    assert {"a11", "a12", "'" + HYPERLINK} <= set(rows)  # the hostile agent, defused
    for key, a in expected.items():
        row = rows[defuse_cell(key)]
        for column, estimate in (("mean_score", a["score"]), ("pass_rate", a["pass_rate"])):
            value = row[column]
            assert isinstance(value, (int, float)) and not isinstance(value, bool)
            assert value == pytest.approx(estimate["value"], abs=0.006)
        if a["score"]["ci95"][0] is not None:
            low, high = row["ci_low"], row["ci_high"]
            assert isinstance(low, (int, float)) and isinstance(high, (int, float))
            assert low <= row["mean_score"] <= high
            assert [low, high] == pytest.approx(a["score"]["ci95"], abs=0.006)
            assert row["pass_ci_low"] <= row["pass_rate"] <= row["pass_ci_high"]
        assert row["insufficient_evidence"] is a["insufficient_evidence"]
        assert row["rank"] == a["rank"] and row["vs_peers"] == a["vs_peers"]["verdict"]
        assert row["critical_failures"] == a["critical_failures"] and row["complaints"] == a["complaints"]["n"]
        for dim in DIMS:
            assert row[dim] == pytest.approx(a["dimensions"][dim[5:]]["value"], abs=0.006)


def test_number_formats(workbook: Workbook) -> None:
    ws = workbook["agents"]
    header = [c.value for c in ws[1]]
    row = ws[2]
    assert row[header.index("mean_score")].number_format == "0.0"
    assert row[header.index("pass_rate")].number_format == "0.0%"
    assert row[header.index("insufficient_evidence")].data_type == "b"


def test_teams_and_criteria_match_the_json_report(workbook: Workbook, document: dict) -> None:  # type: ignore[type-arg]
    teams = {r["team"]: (r["contacts"], r["agents"]) for r in records(workbook, "teams")}
    assert teams == {defuse_cell(t["team"]): (t["contacts"], t["agents"]) for t in document["teams"]}
    assert "'+1" in teams
    criteria = {r["id"]: (r["met"], r["missed"], r["not_applicable"]) for r in records(workbook, "criteria")}
    assert criteria == {k: (v["pass"], v["fail"], v["not_applicable"])
                        for k, v in document["summary"]["criteria"].items()}


def test_no_formula_anywhere_and_hostile_text_defused(workbook: Workbook) -> None:
    for ws in workbook:
        for row in ws.iter_rows():
            assert not any(c.data_type == "f" for c in row), ws.title
    contacts = {r["id"]: r for r in records(workbook, "contacts")}
    assert {"'-2", "'@SUM(A1)"} <= set(contacts)
    assert contacts["'-2"]["agent"] == "'" + HYPERLINK and contacts["'-2"]["team"] == "'+1"
    cells = [c for row in workbook["contacts"].iter_rows(min_row=2) for c in row[:3]
             if isinstance(c.value, str) and c.value.startswith("'")]
    assert len(cells) == 6 and all(c.data_type == "s" for c in cells)


def test_one_contact_row_per_scored_contact(workbook: Workbook, document: dict) -> None:  # type: ignore[type-arg]
    rows = records(workbook, "contacts")
    assert len(rows) == document["summary"]["contacts"] == sum(a["contacts"] for a in document["agents"])
    assert all(r["score"] is None or isinstance(r["score"], (int, float)) for r in rows)
    assert all(isinstance(r["passed"], bool) or r["score"] is None for r in rows)
    dims = records(workbook, "dimensions")
    assert len(dims) == 5 * len(document["agents"])


def test_errors_and_about(workbook: Workbook, document: dict) -> None:  # type: ignore[type-arg]
    errors = records(workbook, "errors")
    assert [e["source"] for e in errors] == [e["source"] for e in document["errors"]]
    assert any("broken.json:" in e["source"] for e in errors)
    about = {r["field"]: r["value"] for r in records(workbook, "about")}
    assert about["rubric_sha256"] == document["rubric"]["sha256"]
    assert about["tool_version"] == document["tool"]["version"]
    assert about["min_contacts"] == 10 and about["period"] is None
    assert "Mann-Whitney" in about["method_note"]


def test_by_team_and_period_week(inputs: list[Path], compiled: CompiledRubric) -> None:
    wb = load_workbook(io.BytesIO(xlsx_bytes(inputs, compiled, by="team",
                                             settings=Settings(period="week", min_contacts=3))))
    assert wb.sheetnames == ["teams", "agents", "criteria", "dimensions", "periods", "contacts", "errors", "about"]
    periods = records(wb, "periods")
    assert [c.value for c in wb["periods"][1]][:5] == ["period", "level", "key", "team", "agents"]
    weeks = [r for r in periods if r["level"] == "period"]
    assert weeks and all(str(r["period"]).startswith("2026-W") for r in weeks)
    # a contact without a date (a caption file, a Contact Lens export) is in no period
    assert sum(r["contacts"] for r in weeks) == len([r for r in records(wb, "contacts") if r["started_at"]])
    assert {r["level"] for r in periods} == {"period", "team", "agent"}


def test_same_parts_on_every_write(tmp_path: Path, inputs: list[Path], compiled: CompiledRubric) -> None:
    small = [inputs[1]]  # the hostile file and the broken one: enough to fill every sheet
    first, second = (zipfile.ZipFile(io.BytesIO(xlsx_bytes(small, compiled))) for _ in range(2))
    assert first.namelist() == second.namelist()
    assert all(first.read(n) == second.read(n) for n in first.namelist())
    assert b"1980-01-01" in first.read("docProps/core.xml")


def test_contacts_continue_on_a_second_sheet_past_the_row_limit(inputs: list[Path], compiled: CompiledRubric,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx, "MAX_ROWS", 2)  # a header and one contact per sheet
    wb = load_workbook(io.BytesIO(xlsx_bytes([inputs[1]], compiled)))
    assert wb.sheetnames[-4:] == ["contacts", "contacts_2", "errors", "about"]
    assert [r["id"] for r in records(wb, "contacts") + records(wb, "contacts_2")] == ["'-2", "'@SUM(A1)"]


def test_text_cells_are_safe_for_xml_and_excel() -> None:
    assert xlsx.text("=1+1") == "'=1+1"
    assert xlsx.text("a\x01b\x0b") == "a\ufffdb\ufffd"  # openpyxl refuses XML-illegal characters
    assert len(xlsx.text("=" * 40_000)) == xlsx.MAX_CELL
