"""Criterion titles in more than one language: ``title: text`` or ``title: {en: ..., zh: ...}``.

``Criterion.title`` stays the English (primary) text; ``title_for(family)`` gives the title a
report in that language shows. Bad titles are refused with file:line:col, like every other
rubric problem, and ``extends`` / ``overrides`` carry mapping titles through. The HTML and
xlsx reports of a Chinese run show the Chinese titles.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from sqaudit.errors import RubricError
from sqaudit.parsers import iter_contacts
from sqaudit.reports import html, xlsx
from sqaudit.rubric.compile import compile_rubric
from sqaudit.rubric.loader import load_rubric
from sqaudit.rubric.model import Criterion
from sqaudit.run import start_run

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ZH_CALLS = ("c-2001_plan_change_complaint_zh.txt", "c-2002_e_invoice_zh_fullwidth.txt",
            "c-3101_broadband_outage_complaint_bad_zh.txt")


def rubric_text(title: str) -> str:
    return f"""id: t
title: Test
criteria:
  - id: EMP-01
    dimension: empathy
    title: {title}
    kind: phrase
    phrases: {{en: ["sorry"], zh: ["抱歉"]}}
"""


def load(tmp_path: Path, title: str) -> Criterion:
    path = tmp_path / "r.yml"
    path.write_text(rubric_text(title), encoding="utf-8")
    rubric = load_rubric(path)
    return rubric.criteria[0]


def refuse(tmp_path: Path, title: str) -> list[str]:
    path = tmp_path / "r.yml"
    path.write_text(rubric_text(title), encoding="utf-8")
    with pytest.raises(RubricError) as caught:
        load_rubric(path)
    return [str(p) for p in caught.value.problems]


def test_mapping_title_gives_each_language_its_own(tmp_path: Path) -> None:
    criterion = load(tmp_path, "{en: A, zh: 乙}")
    assert criterion.title == "A"  # the primary (English) text
    assert criterion.title_for("zh") == "乙"
    assert criterion.title_for("en") == "A"
    assert criterion.title_for("fr") == "A"  # a language without its own title gets the English one


def test_block_mapping_title_and_language_tags(tmp_path: Path) -> None:
    criterion = load(tmp_path, "\n      en: \"Apologises\"\n      zh-CN: \"致歉\"")
    assert criterion.title == "Apologises"
    assert criterion.title_for("zh") == "致歉"  # zh-CN is keyed by its family


def test_chinese_only_title_is_also_the_primary(tmp_path: Path) -> None:
    criterion = load(tmp_path, "{zh: 致歉}")
    assert criterion.title == "致歉"
    assert criterion.title_for("en") == "致歉"


@pytest.mark.parametrize("lang", ["en", "zh", "fr", "und"])
def test_plain_text_title_serves_every_language(tmp_path: Path, lang: str) -> None:
    criterion = load(tmp_path, "Apologises when something went wrong")
    assert criterion.title == "Apologises when something went wrong"
    assert criterion.title_for(lang) == "Apologises when something went wrong"


@pytest.mark.parametrize(("title", "where", "message"), [
    pytest.param('{en: ""}', "6:17: criteria[0].title.en:", "must be non-empty text", id="empty-en"),
    pytest.param('{en: A, zh: "  "}', "6:24: criteria[0].title.zh:", "must be non-empty text", id="blank-zh"),
    pytest.param("{en: A, zh: [x]}", "6:24: criteria[0].title.zh:", "must be non-empty text", id="list-zh"),
    pytest.param("5", "6:12: criteria[0].title:", "must be text, or a mapping language -> text", id="number"),
    pytest.param("[A, B]", "6:12: criteria[0].title:", "must be text, or a mapping language -> text", id="list"),
    pytest.param("no", "6:12: criteria[0].title:", "'no' here is a YAML 1.1 boolean, not text", id="yaml11-no"),
    pytest.param('""', "6:12: criteria[0].title:", "must be non-empty text", id="empty-text"),
])
def test_bad_title_is_refused_with_its_place(tmp_path: Path, title: str, where: str, message: str) -> None:
    problems = refuse(tmp_path, title)
    path = str(tmp_path / "r.yml")
    assert any(p.startswith(f"{path}:{where} {message}") for p in problems), problems


def test_missing_title_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "r.yml"
    path.write_text(rubric_text("x").replace("    title: x\n", ""), encoding="utf-8")
    with pytest.raises(RubricError) as caught:
        load_rubric(path)
    assert "criteria[0]: missing required key 'title'" in str(caught.value)


# --- extends and overrides ------------------------------------------------------------------


def test_extends_keeps_mapping_titles_and_overrides_change_them(tmp_path: Path) -> None:
    base = load_rubric("servqual")
    first, second, third = [c for c in base.criteria if c.points > 0][:3]
    path = tmp_path / "team.yml"
    path.write_text(f"""extends: servqual
id: team-servqual
title: Our standard
overrides:
  {first.id}: {{points: 4}}
  {second.id}:
    title: {{en: "Our own greeting", zh: "我们的问候"}}
  {third.id}: {{title: {{zh: "只改中文"}}}}
criteria:
  - id: OUR-01
    dimension: empathy
    title: {{en: "Uses our sign-off", zh: "使用我们的结束语"}}
    kind: phrase
    phrases: {{en: ["northwind cares"], zh: ["北风关心您"]}}
""", encoding="utf-8")
    rubric = load_rubric(path)
    changed = rubric.criterion(first.id)
    assert changed is not None and changed.points == 4
    assert changed.title == first.title and changed.title_for("zh") == first.title_for("zh")  # untouched titles
    renamed = rubric.criterion(second.id)
    assert renamed is not None
    assert (renamed.title, renamed.title_for("zh")) == ("Our own greeting", "我们的问候")
    replaced = rubric.criterion(third.id)
    assert replaced is not None
    assert replaced.title_for("zh") == "只改中文"  # an override replaces the whole title, as any other key
    added = rubric.criterion("OUR-01")
    assert added is not None
    assert (added.title, added.title_for("zh")) == ("Uses our sign-off", "使用我们的结束语")
    untouched = [c for c in rubric.criteria if c.id not in (first.id, second.id, third.id, "OUR-01")]
    for c in untouched:
        original = base.criterion(c.id)
        assert original is not None and dict(c.titles) == dict(original.titles)


def test_bad_title_in_an_override_is_located(tmp_path: Path) -> None:
    path = tmp_path / "team.yml"
    path.write_text("extends: servqual\nid: x\ntitle: X\noverrides:\n  GRT-01: {title: {en: ''}}\n", encoding="utf-8")
    with pytest.raises(RubricError) as caught:
        load_rubric(path)
    problems = [str(p) for p in caught.value.problems]
    assert any(p.startswith(f"{path}:5:") and "overrides.GRT-01.title.en: must be non-empty text" in p
               for p in problems), problems


# --- reports ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def zh_calls(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("zh")
    for name in ZH_CALLS:
        shutil.copy(EXAMPLES / "calls" / name, folder / name)
    return folder


def run_of(folder: Path, rubric: str = "servqual"):  # type: ignore[no-untyped-def]
    return start_run(iter_contacts([folder]), compile_rubric(load_rubric(rubric)))


@pytest.mark.parametrize("rubric", ["servqual", "complaint-handling"])
def test_html_report_of_a_chinese_run_shows_chinese_titles(zh_calls: Path, rubric: str) -> None:
    out = io.StringIO()
    html.write(run_of(zh_calls, rubric), out)
    page = out.getvalue()
    assert '<html lang="zh">' in page
    missed_table = page.split('<table class="sortable" id="criteria">', 1)[1].split("</table>", 1)[0]
    rows = [c for c in load_rubric(rubric).criteria if f'<th scope="row">{c.id}</th>' in missed_table]
    assert rows, "the run should judge some criteria"
    for c in rows:
        assert f"<td>{c.title_for('zh')}</td>" in missed_table, c.id
        assert f"<td>{c.title}</td>" not in missed_table, c.id
    # the "most missed" chart labels carry the Chinese title too (the tooltip has it whole)
    chart = page.split('id="criteria"', 1)[0]
    assert any(f"<title>{c.id} {c.title_for('zh')}: " in chart for c in rows)


def test_html_report_of_an_english_run_keeps_english_titles() -> None:
    out = io.StringIO()
    html.write(run_of(EXAMPLES / "chats"), out)
    page = out.getvalue()
    grt = load_rubric("servqual").criterion("GRT-01")
    assert grt is not None
    assert f"<td>{grt.title}</td>" in page.replace("&#39;", "'")
    assert grt.title_for("zh") not in page


def test_xlsx_criteria_sheet_of_a_chinese_run_shows_chinese_titles(zh_calls: Path) -> None:
    out = io.BytesIO()
    xlsx.write(run_of(zh_calls), out)
    wb = load_workbook(io.BytesIO(out.getvalue()))
    header, *rows = wb["criteria"].iter_rows(values_only=True)
    titles = {row[header.index("id")]: row[header.index("title")] for row in rows}
    rubric = load_rubric("servqual")
    assert titles == {c.id: c.title_for("zh") for c in rubric.criteria}
