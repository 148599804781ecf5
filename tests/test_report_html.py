"""The HTML team report: self-contained, escaped, in the contacts' language; and its SVG charts.

Runs are built from the bundled examples plus a hostile transcript whose agent id, team and
a turn hold HTML that would run script if written raw. The last test opens the page in
headless Chromium (skipped when it is not installed) to see what a browser makes of it.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sqaudit import svg
from sqaudit.groups import Settings
from sqaudit.parsers import iter_contacts
from sqaudit.report import build_report
from sqaudit.reports import REPORT_FORMATS, html
from sqaudit.rubric.compile import CompiledRubric, compile_rubric
from sqaudit.rubric.loader import load_rubric
from sqaudit.run import start_run

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
EVIL_AGENT = "<script>alert(1)</script>"
EVIL_TEAM = "<img src=x onerror=alert(2)>"
SVG_NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def compiled() -> CompiledRubric:
    return compile_rubric(load_rubric("servqual"))


@pytest.fixture(scope="module")
def evil_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("evil")
    contact = {"id": "c-evil", "agent": EVIL_AGENT, "team": EVIL_TEAM, "channel": "chat", "language": "en",
               "started_at": "2026-05-05T10:00:00Z",
               "turns": [{"speaker": "customer", "text": f"My bill is wrong {EVIL_AGENT}", "start": 0.0},
                         {"speaker": "agent", "text": f"Sorry to hear that {EVIL_TEAM}, let me check.", "start": 5.0}]}
    (folder / "evil.json").write_text(json.dumps(contact), encoding="utf-8")
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    return folder


def render(compiled: CompiledRubric, *inputs: Path, by: str = "agent", settings: Settings | None = None) -> str:
    out = io.StringIO()
    html.write(start_run(iter_contacts(list(inputs)), compiled, settings=settings), out, by=by)
    return out.getvalue()


@pytest.fixture(scope="module")
def page(compiled: CompiledRubric, evil_dir: Path) -> str:
    return render(compiled, EXAMPLES, evil_dir, settings=Settings(min_contacts=3, period="week"))


def table(page: str, table_id: str) -> str:
    found = re.search(rf'<table class="sortable" id="{table_id}">.*?</table>', page, re.S)
    assert found, f"no table #{table_id}"
    return found.group(0)


def test_registered_as_report_format() -> None:
    assert REPORT_FORMATS["html"] is html


def test_agent_table_lists_every_agent_worst_first(compiled: CompiledRubric, evil_dir: Path, page: str) -> None:
    report = build_report(start_run(iter_contacts([EXAMPLES, evil_dir]), compiled,
                                    settings=Settings(min_contacts=3, period="week")))
    agents = table(page, "groups")
    rows = re.findall(r'<tr class="[^"]*">\s*<th scope="row">(.*?)(?: <span|</th>)', agents)
    assert rows == [html_escape(g.key) if g.key is not None else "(none)" for g in report.groups]  # exports without an agent id
    assert len(rows) == len(report.agents) >= 7
    assert "<th scope=\"col\">Team</th>" in agents and "vs peers" in agents
    assert 'id="other-groups"' in page  # the teams table
    assert 'lang="en"' in page


def html_escape(text: str | None) -> str:
    from markupsafe import escape

    return str(escape(text))


def test_insufficient_rows_dimmed_and_failing_rows_marked(page: str) -> None:
    agents = table(page, "groups")
    for row in re.findall(r"<tr class=.*?</tr>", agents, re.S):
        assert ("insufficient" in row.split('"')[1]) == ("insufficient evidence</span>" in row)
        if "failing" in row.split('"')[1]:
            assert "below the pass score of 75" in row
    assert re.search(r'<tr class="insufficient failing">', agents)
    assert re.search(r'<tr class="enough">', agents)


def test_charts_sections_and_method(page: str) -> None:
    assert page.count("<svg") == 5
    for tag in ("<rect", "<circle", "<line", "<title>", 'role="img"', "viewBox="):
        assert tag in page
    for section in ('id="criteria"', 'id="periods"', 'id="errors"', "Trend by period", "Skipped input",
                    "broken.json", "Mann-Whitney"):
        assert section in page


def test_no_trend_or_skipped_sections_when_empty(compiled: CompiledRubric) -> None:
    page = render(compiled, EXAMPLES / "chats")
    assert 'id="periods"' not in page and 'id="errors"' not in page


def test_no_contacts_still_renders(compiled: CompiledRubric, tmp_path: Path) -> None:
    page = render(compiled, tmp_path)
    assert page.count("No data") == 5 and page.rstrip().endswith("</html>")


def test_contact_without_agent_or_team(compiled: CompiledRubric, tmp_path: Path) -> None:
    (tmp_path / "anonymous.json").write_text(json.dumps({"id": "x1", "turns": [{"speaker": "agent", "text": "Hello"}]}))
    assert "<th scope=\"row\">(none)" in table(render(compiled, tmp_path), "groups")


def test_self_contained(page: str) -> None:
    assert not re.search(r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert not re.search(r"url\(|@import|<link|<iframe|<object|<embed", page, re.I)
    # the only http URL is the SVG namespace, which is a name and never fetched
    assert set(re.findall(r"https?://[^\s\"'<>]+", page)) == {"http://www.w3.org/2000/svg"}


def test_transcript_html_is_text(page: str) -> None:
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page
    assert "<img" not in page and "&lt;img src=x onerror=alert(2)&gt;" in page
    assert page.count("<script") == 1  # ours: the table sorter


def test_only_our_script_may_run(page: str) -> None:
    script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)  # type: ignore[union-attr]
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    meta = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert meta
    csp = meta.group(1)
    assert f"script-src &#39;sha256-{digest}&#39;" in csp and "default-src &#39;none&#39;" in csp
    assert "fetch" not in script and "XMLHttpRequest" not in script


def test_same_input_same_bytes(compiled: CompiledRubric, evil_dir: Path, page: str) -> None:
    assert render(compiled, EXAMPLES, evil_dir, settings=Settings(min_contacts=3, period="week")) == page


def test_chinese_contacts_get_chinese_headings(compiled: CompiledRubric, tmp_path: Path) -> None:
    for name in ("c-2001_plan_change_complaint_zh.txt", "c-2002_e_invoice_zh_fullwidth.txt",
                 "c-3101_broadband_outage_complaint_bad_zh.txt"):
        shutil.copy(EXAMPLES / "calls" / name, tmp_path / name)
    page = render(compiled, tmp_path, by="team")
    assert '<html lang="zh">' in page
    for heading in ("服务质量报告", "<h2 id=\"by-table\">团队</h2>", "各团队维度得分", "最常未达成的标准", "方法说明", "信赖度"):
        assert heading in page
    assert "Service quality report" not in page


# --- SVG charts on small fixed data ---------------------------------------------------------


def parse(markup: str) -> ET.Element:
    root = ET.fromstring(markup)  # well-formed XML, or this raises
    assert root.tag == SVG_NS + "svg" and root.get("role") == "img" and root.get("viewBox")
    assert root.find(SVG_NS + "title") is not None
    return root


def heights(root: ET.Element) -> list[float]:
    return [float(r.get("height", 0)) for r in root.iter(SVG_NS + "rect") if r.get("class") == "bar"]


def test_histogram_bars_proportional_to_counts() -> None:
    root = parse(svg.histogram("Scores", [1, 2, 4, 0, 0, 0, 0, 0, 0, 0], "score", "contacts", "no data"))
    bars = heights(root)
    assert len(bars) == 3
    assert bars[1] == pytest.approx(2 * bars[0], abs=0.11) and bars[2] == pytest.approx(4 * bars[0], abs=0.11)


def test_grouped_bars_proportional_to_scores() -> None:
    root = parse(svg.grouped_bars("Dims", ["A", "B"], [svg.Series("t1", (25.0, 50.0)), svg.Series("t2", (100.0, None))],
                                  "no data"))
    assert heights(root) == [50.0, 200.0, 100.0]  # 200 units for 0-100, category by category; None not drawn


def test_error_bar_ends_at_interval() -> None:
    rows = [svg.Interval("a1", 50.0, 20.0, 80.0), svg.Interval("a2", 40.0, 0.0, 100.0, muted=True, note="thin")]
    root = parse(svg.interval_plot("Means", rows, "no data"))
    span = svg.INTERVAL_RIGHT - svg.INTERVAL_LEFT
    bars = [ln for ln in root.iter(SVG_NS + "line") if ln.get("stroke-width") and ln.get("y1") == ln.get("y2")]
    assert [(float(b.get("x1")), float(b.get("x2"))) for b in bars] == [  # type: ignore[arg-type]
        (svg.INTERVAL_LEFT + 0.2 * span, svg.INTERVAL_LEFT + 0.8 * span), (svg.INTERVAL_LEFT, svg.INTERVAL_RIGHT)]
    assert bars[1].get("stroke-dasharray") and bars[1].get("stroke") == svg.MUTED
    assert not bars[0].get("stroke-dasharray")
    dots = list(root.iter(SVG_NS + "circle"))
    assert float(dots[0].get("cx")) == svg.INTERVAL_LEFT + 0.5 * span  # type: ignore[arg-type]
    assert "thin" in "".join(root.itertext())


def test_empty_data_gives_a_valid_chart_saying_so() -> None:
    charts = [svg.histogram("H", [0] * 10, "x", "y", "nothing here"), svg.grouped_bars("G", ["A"], [], "nothing here"),
              svg.interval_plot("I", [], "nothing here"), svg.hbars("B", [], "nothing here"),
              svg.stacked_bars("S", [svg.Stack("t", 0, 0)], ("ok", "not ok"), "nothing here")]
    for chart in charts:
        root = parse(chart)
        assert "nothing here" in "".join(root.itertext())
        assert not heights(root)


def test_chart_labels_are_escaped() -> None:
    chart = svg.hbars("<b>t</b>", [(EVIL_AGENT, 50.0)], "none")
    stacked = svg.stacked_bars("s", [svg.Stack(EVIL_TEAM, 2, 1)], ('"a"', "b&c"), "none")
    for markup in (chart, stacked):
        parse(markup)
        assert "<script" not in markup and "<img" not in markup and "<b>" not in markup
    assert "&lt;script&gt;" in chart and "2/3" in stacked


def test_clip_counts_wide_characters() -> None:
    assert svg.clip("a1") == "a1"
    assert svg.clip("x" * 30, 10) == "x" * 9 + "…"
    assert svg.clip("服务质量报告", 6) == "服务…"


# --- a real browser -----------------------------------------------------------------------------


def test_headless_chromium_renders_page_without_running_injected_script(page: str, tmp_path: Path) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        pytest.skip("chromium not installed: .ci/run installs it with apt-get; install package 'chromium' to run this test")
    report = tmp_path / "report.html"
    report.write_text(page, encoding="utf-8")
    flags = [browser, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([*flags, "--dump-dom", report.as_uri()], capture_output=True, text=True, timeout=60,
                         check=True).stdout
    assert 'id="groups"' in dom and "<svg" in dom
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom  # a text node, as the browser serialises it
    assert "<script>alert(1)" not in dom and "<img" not in dom
    # our script ran (the CSP hash matches it) and made every table sortable
    assert dom.count('data-sortable="ready"') == page.count('<table class="sortable"') == 5
    shot = tmp_path / "report.png"
    subprocess.run([*flags, f"--screenshot={shot}", "--window-size=1280,2000", report.as_uri()],
                   capture_output=True, timeout=60, check=True)
    assert shot.exists() and shot.stat().st_size > 20_000
