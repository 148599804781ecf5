"""``sqaudit survey`` and ``report --survey`` as a QA lead meets them: stdout, stderr and exit codes apart."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from helpers import invoke
from openpyxl import load_workbook

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SURVEY = EXAMPLES / "survey"
EN, ZH = SURVEY / "servqual-en.csv", SURVEY / "servqual-zh-gb18030.csv"
DIMENSIONS = ("Reliability", "Assurance", "Tangibles", "Empathy", "Responsiveness")


@pytest.fixture(scope="module")
def linked() -> dict:
    result = invoke("survey", str(SURVEY), "--by", "agent", "--contacts", str(EXAMPLES / "month"), "-f", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_the_tour_shows_five_gaps_with_intervals_alpha_and_nps() -> None:
    result = invoke("survey", str(EN), "--instrument", "servqual-22")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for name in DIMENSIONS:
        line = next(line for line in out.splitlines() if line.startswith(f"| {name} "))
        assert " to " in line and "t(" in line  # the gap's interval and the paired test
    assert "α perceptions" in out and "α gaps" in out and "Reliability: Cronbach's α (listwise)" in out
    assert "NPS (" in out and "promoters" in out and "SERVQUAL index" in out
    assert "paired t-test of P against E" in out and "Holm" in out  # the correction is named
    assert "\x1b[" not in out
    assert "56 respondent(s) used of 56 row(s), 0 row(s) skipped" in result.stderr
    assert out.count("Instrument: servqual-22") == 1 and "respondent(s) used" not in out  # diagnostics on stderr


def test_the_gb18030_export_reads_with_a_note_on_stderr() -> None:
    result = invoke("survey", str(ZH), "--lang", "zh")
    assert result.exit_code == 0, result.stderr
    assert f"note: {ZH}: read as gb18030 (detected)" in " ".join(result.stderr.split())
    assert "信赖度" in result.stdout and "差距" in result.stdout and "57 respondent(s) used" in result.stderr


def test_json_document(linked: dict) -> None:
    assert linked["schema_version"] == 1 and linked["document"] == "survey"
    assert linked["instrument"]["id"] == "servqual-22" and len(linked["instrument"]["sha256"]) == 64
    assert linked["respondents"] == {"rows": 113, "used": 113, "skipped": 0}
    assert [d["dimension"] for d in linked["dimensions"]] == ["reliability", "assurance", "tangibles", "empathy",
                                                               "responsiveness"]
    gap = linked["dimensions"][0]["gap"]
    assert gap["value"] < 0 and gap["ci95"][0] < gap["value"] < gap["ci95"][1] and gap["n"] == 113
    assert linked["dimensions"][0]["test"]["p_adjusted"] < 0.001
    assert linked["index"]["weights_source"] == "respondents"
    assert {r["basis"] for r in linked["reliability"]} == {"perception", "expectation", "gap"}
    assert linked["nps"]["method"].startswith("Wald") and linked["nps"]["n"] == 113
    assert {f["encoding"] for f in linked["inputs"]} == {"utf-8-sig", "gb18030"}


def test_contacts_put_each_agents_gaps_beside_their_transcript_scores(linked: dict) -> None:
    link = linked["linkage"]
    assert link["rubric"]["id"] == "servqual" and link["contacts"] == 170 and link["joined"] == 113
    assert link["unmatched"]["count"] == 0
    agents = {a["key"]: a for a in link["agents"]}
    assert set(agents) == {"a31", "a32", "a33", "a34", "a41", "a42", "a43", "a44"}
    strong, weak = agents["a31"], agents["a33"]
    assert strong["transcript_score"]["value"] > weak["transcript_score"]["value"]
    assert strong["survey"]["index"]["value"] > weak["survey"]["index"]["value"]
    assert set(strong["transcript_dimensions"]) == set(strong["survey"]["dimensions"])
    rho = link["dimensions"]["reliability"]
    assert rho["r"] > 0.3 and rho["n"] == 113 and "spearman" in rho["method"]
    segments = {s["key"]: s for s in linked["segments"]["rows"]}
    assert segments["a34"]["insufficient_evidence"] and not segments["a31"]["insufficient_evidence"]


def test_table_with_contacts_has_the_side_by_side_agents_table() -> None:
    result = invoke("survey", str(EN), "--by", "agent", "--contacts", str(EXAMPLES / "month"))
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Agents: transcripts beside the survey" in out and "Reliability (transcript ·" in out
    a31 = [line for line in out.splitlines() if line.startswith("| a31 ")][-1]  # the last table: linkage
    assert "94.7 (n=30)" in a31 and a31.count(" · ") == 5  # transcript score, then five dimensions side by side
    assert "56 survey row(s) joined to a scored contact of 170" in out
    assert "170 contact(s) scored with servqual, 0 skipped" in result.stderr


def test_a_bad_row_is_named_on_stderr_and_the_rest_reported(tmp_path: Path) -> None:
    lines = EN.read_text(encoding="utf-8-sig").splitlines()
    cells = lines[5].split(",")
    cells[7] = "99"  # e3 on line 6
    lines[5] = ",".join(cells)
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = invoke("survey", str(bad))
    assert result.exit_code == 0
    stderr = " ".join(result.stderr.split())
    assert f"{bad}:6: column 'e3': 99 is outside the scale 1–7: left out, the rest of the row is used" in stderr
    assert "56 respondent(s) used of 56 row(s), 0 row(s) skipped, 1 row(s) with answers left out" in stderr
    assert "Reliability" in result.stdout
    strict = invoke("survey", str(bad), "--strict")
    assert strict.exit_code == 2 and "--strict" in strict.stderr


def test_no_respondent_or_bad_instrument_is_no_verdict(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("respondent,e1,p1\n", encoding="utf-8")
    result = invoke("survey", str(empty))
    assert result.exit_code == 2 and "no respondent could be read" in result.stderr and result.stdout == ""
    bad = tmp_path / "bad.yml"
    bad.write_text("id: x\ntitle: X\ncolumns: {perception: 'p{n}'}\nitems:\n  - {id: Q1, dimension: reliabilty, text: q}\n",
                   encoding="utf-8")
    result = invoke("survey", str(EN), "--instrument", str(bad))
    assert result.exit_code == 2 and result.stdout == ""
    assert f"{bad}:5:25: items[0].dimension: 'reliabilty' is not one of" in result.stderr
    assert "instrument refused: 1 problem(s)" in result.stderr
    assert invoke("survey", str(tmp_path / "absent.csv")).exit_code == 2
    unknown_by = invoke("survey", str(EN), "--by", "coment")
    assert unknown_by.exit_code == 2 and "did you mean 'comment'?" in unknown_by.stderr


@pytest.mark.parametrize("fmt", ["markdown", "csv", "html", "json"])
def test_every_text_format_redacts_and_escapes(tmp_path: Path, fmt: str) -> None:
    hostile = tmp_path / "hostile.csv"
    hostile.write_text(
        "agent,comment," + ",".join(f"p{i}" for i in range(1, 23)) + "\n"
        + "\n".join(f"[bold]a{i % 2}[/bold],=HYPERLINK(\"x\") call 138 0013 8000 <script>,"
                    + ",".join(str(1 + (i + j) % 7) for j in range(22)) for i in range(6)) + "\n", encoding="utf-8")
    result = invoke("survey", str(hostile), "-i", "servperf-22", "--by", "comment", "-f", fmt)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "138 0013 8000" not in out and "0013" not in out
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        assert any(cell.startswith("'=HYPERLINK") for row in rows for cell in row)
        assert not any(cell.startswith("=") for row in rows for cell in row)
    if fmt == "html":
        assert "<script>" not in out.split("<script>", 1)[0] and "&lt;script&gt;" in out


def test_table_prints_markup_as_written(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("agent," + ",".join(f"p{i}" for i in range(1, 23)) + "\n"
                    + "\n".join("[red]a1[/red]," + ",".join(str(1 + (i + j) % 7) for j in range(22))
                                for i in range(4)) + "\n", encoding="utf-8")
    result = invoke("survey", str(path), "-i", "servperf-22", "--by", "agent")
    assert result.exit_code == 0 and "[red]a1[/red]" in result.stdout


def test_xlsx_output_has_the_sections(tmp_path: Path) -> None:
    out = tmp_path / "survey.xlsx"
    result = invoke("survey", str(EN), "-o", str(out), "--by", "agent")
    assert result.exit_code == 0 and result.stdout == ""
    wb = load_workbook(out, read_only=True)
    assert wb.sheetnames[:6] == ["dimensions", "overall", "reliability", "items", "drivers", "segments"]
    rows = list(wb["dimensions"].iter_rows(values_only=True))
    assert rows[0][:5] == ("section", "group", "dimension", "item", "measure")
    gap = next(r for r in rows if r[2] == "reliability" and r[4] == "gap")
    assert isinstance(gap[5], float) and gap[8] == 56


def test_csat_nps_instrument_per_team(tmp_path: Path) -> None:
    path = tmp_path / "post.csv"
    path.write_text("agent,team,csat,nps,ces\n" + "\n".join(
        f"a{i % 3},{'billing' if i % 2 else 'tech'},{1 + i % 5},{i % 11},{1 + i % 7}" for i in range(40)) + "\n",
        encoding="utf-8")
    result = invoke("survey", str(path), "-i", "csat-nps", "--by", "team", "-f", "json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["csat"]["top_box"]["n"] == 40 and doc["csat"]["top_box"]["method"] == "wilson"
    assert doc["ces"]["mean"]["n"] == 40 and doc["dimensions"] == [] and doc["reliability"] == []
    assert {s["key"] for s in doc["segments"]["rows"]} == {"billing", "tech"}


def test_report_html_gets_a_survey_section_joined_to_its_contacts(tmp_path: Path) -> None:
    survey = tmp_path / "post.csv"
    survey.write_text("contact_id,csat,nps\nc-1001,5,10\nc-1101,1,2\nc-3201,2,4\nc-9999,3,7\n", encoding="utf-8")
    page = tmp_path / "team.html"
    result = invoke("report", str(EXAMPLES / "calls"), str(EXAMPLES / "chats"), "-o", str(page),
                    "--survey", str(survey), "--instrument", "csat-nps")
    assert result.exit_code == 0, result.stderr
    html = page.read_text(encoding="utf-8")
    assert 'id="survey"' in html and "Survey and transcripts" not in html  # headings are per table
    assert "3 survey row(s) joined to a scored contact of 21; 1 row(s) name a contact not in the batch" in html
    assert "Agents: transcripts beside the survey" in html
    plain = invoke("report", str(EXAMPLES / "calls"), "-o", str(tmp_path / "plain.html"))
    assert 'id="survey"' not in (tmp_path / "plain.html").read_text(encoding="utf-8") and plain.exit_code == 0
    wrong = invoke("report", str(EXAMPLES / "calls"), "--survey", str(survey), "-f", "json")
    assert wrong.exit_code == 2 and "--survey adds a section to the HTML report" in wrong.stderr
