"""Coaching scorecards in Markdown, HTML and JSON, built from the example month.

examples/month holds 170 contacts for a31-a34 (English, billing) and a41-a44 (Chinese, tech
support): a33 is weak, a43 asks for passwords (critical failures), a34 and a44 have too few
contacts for a verdict. A hostile contact, copied from a good one with a rude phrase and a
script tag added to an agent turn, checks that quotes stay text in every format.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from sqaudit.coaching import CoachingCard, coaching_card
from sqaudit.coaching import html, json_, markdown, views
from sqaudit.coaching.formats import COACH_FORMATS
from sqaudit.i18n import dimension, labels, reason_text
from sqaudit.model import ContactResult
from sqaudit.parsers import iter_contacts
from sqaudit.redact import find_pii
from sqaudit.report import TeamReport, build_report
from sqaudit.rubric.compile import CompiledRubric, compile_rubric
from sqaudit.rubric.loader import load_rubric
from sqaudit.run import start_run

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
MONTH = EXAMPLES / "month" / "northwind-2026-05.jsonl"
SCRIPT = "<script>alert(1)</script>"
LINK = "[click here](http://evil.example/) ![x](http://evil.example/x.png)"
RUDE = "Calm down"  # in servqual.yml's NRD-01 prohibited phrases
ENGLISH, CHINESE = ("a31", "a32", "a33", "a34"), ("a41", "a42", "a43", "a44")
HEADINGS = ("critical_first", "to_work_on", "strengths", "profile")


@pytest.fixture(scope="module")
def compiled() -> CompiledRubric:
    return compile_rubric(load_rubric("servqual"))


@pytest.fixture(scope="module")
def month(compiled: CompiledRubric) -> tuple[TeamReport, dict[str, ContactResult]]:
    results: dict[str, ContactResult] = {}
    report = build_report(start_run(iter_contacts([EXAMPLES]), compiled),
                          on_contact=lambda r: results.__setitem__(r.id, r))
    return report, results


@pytest.fixture(scope="module")
def report(month: tuple[TeamReport, dict[str, ContactResult]]) -> TeamReport:
    return month[0]


def card_of(report: TeamReport, agent: str) -> CoachingCard:
    return coaching_card(report, agent)


def all_quotes(card: CoachingCard) -> list:
    return ([q for q, _ in card.critical] + [q for i in card.to_work_on for q in i.quotes]
            + [q for i in card.strengths for q in i.quotes])


def md_to_html(text: str) -> str:
    """What a Markdown viewer makes of the page (raw HTML allowed, as GitHub-style renderers may)."""
    return MarkdownIt("commonmark", {"html": True}).enable("table").render(text)


def test_registry() -> None:
    assert COACH_FORMATS == {"markdown": markdown, "html": html, "json": json_}
    assert {name: m.SUFFIX for name, m in COACH_FORMATS.items()} == {
        "markdown": ".md", "html": ".html", "json": ".json"}


def test_unknown_agent(report: TeamReport) -> None:
    with pytest.raises(KeyError):
        coaching_card(report, "nope")


@pytest.mark.parametrize("agent", ENGLISH + CHINESE)
def test_quotes_come_from_the_agents_own_contacts(month: tuple[TeamReport, dict[str, ContactResult]],
                                                 agent: str) -> None:
    report, results = month
    quotes = all_quotes(card_of(report, agent))
    assert quotes
    assert {results[q.contact_id].agent for q in quotes} == {agent}


def test_weak_agent_gets_rubric_advice_in_english(report: TeamReport) -> None:
    card = card_of(report, "a33")
    assert card.language == "en"
    assert 1 <= len(card.to_work_on) <= 3
    rubric = load_rubric("servqual")
    page = markdown.render(card)
    for item in card.to_work_on:
        expected = rubric.criterion(item.criterion.id).say_instead_for("en")  # type: ignore[union-attr]
        assert expected and item.say_instead == expected
        assert f"**Say instead:** {markdown.md_escape(expected)}" in page
        assert views.tally(card, item, missed=True) in page  # "missed in X of Y contacts"
        assert item.quotes and all(q.outcome.value == "fail" for q in item.quotes)
    en = labels("en")
    assert page.startswith("# Coaching scorecard: a33\n")
    for key in HEADINGS:
        assert f"\n## {en[key]}\n" in page
    assert en["no_critical"] in page


@pytest.mark.parametrize("render", [markdown.render, html.render, json_.render],
                         ids=["markdown", "html", "json"])
def test_chinese_agent_card_is_chinese_critical_first_and_redacted(
        report: TeamReport, render: Callable[[CoachingCard], str]) -> None:
    card = card_of(report, "a43")
    assert card.language == "zh" and card.critical
    page = render(card)
    # html.unescape: find_pii must see the words, not "&#39;" entities (which it can mistake for a secret)
    assert find_pii(html_lib.unescape(page)) == []
    if render is json_.render:
        return
    zh = labels("zh")
    positions = [page.index(zh[key]) for key in HEADINGS]
    assert positions == sorted(positions)  # critical failures before what to work on, profile last
    for key in ("coaching_title", "profile"):
        assert labels("en")[key].split(":")[0] not in page


def test_chinese_html_page_language(report: TeamReport) -> None:
    page = html.render(card_of(report, "a43"))
    assert '<html lang="zh">' in page
    assert "<title>辅导评分卡：a43</title>" in page
    critical = page.index('<h2 id="critical">')
    assert critical < page.index('<h2 id="to-work-on">') < page.index('<h2 id="strengths">')


@pytest.mark.parametrize(("agent", "warned"), [("a34", True), ("a44", True), ("a31", False), ("a41", False)])
def test_insufficient_evidence_warning_up_front(report: TeamReport, agent: str, warned: bool) -> None:
    card = card_of(report, agent)
    assert bool(card.agent.insufficient) is warned
    warning = labels(card.language)["warning_insufficient"].split("{")[0]
    md, page = markdown.render(card), html.render(card)
    assert (warning in md) is warned and (warning in page) is warned
    if warned:
        first_section = md.index("\n## ")
        assert md.index(warning) < first_section
        for found in card.agent.insufficient:
            reason = reason_text(found, card.language)  # worded in the card's language
            assert markdown.md_escape(reason) in md and html_lib.escape(reason) in page


@pytest.mark.parametrize("agent", ["a31", "a33", "a34", "a43"])
def test_profile_table_against_team_means(report: TeamReport, agent: str) -> None:
    card = card_of(report, agent)
    group = next(g for g in report.agents if g.key == agent)
    team = report.team_of(group)
    assert team is not None
    rows = {}
    for line in markdown.render(card).splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if line.startswith("|") and len(cells) == 4:
            rows[cells[0]] = cells
    for p in card.profile:
        assert p.team is not None and p.team.value == team.dimensions[p.dimension].value
        name, mine, team_cell, diff = rows[dimension(p.dimension, card.language)]
        assert team_cell == f"{team.dimensions[p.dimension].value:.1f}"
        assert mine.startswith(f"{group.dimensions[p.dimension].value:.1f}") and mine.endswith(f"(n={p.agent.n})")
        assert float(diff) == pytest.approx(p.agent.value - p.team.value, abs=0.051)  # type: ignore[operator]


def test_quote_times_and_missing_words(report: TeamReport) -> None:
    card = card_of(report, "a33")
    md = markdown.render(card)
    quotes = all_quotes(card)
    assert any(q.evidence is None for q in quotes) and any(q.evidence and q.evidence.start for q in quotes)
    for q in quotes:
        if q.evidence is None:
            assert markdown.md_escape(views.no_quote(card, q)) in md
        else:
            assert f"  > {markdown.md_escape(q.evidence.quote)}" in md
            if q.evidence.start is not None:
                assert re.search(rf"{re.escape(q.contact_id)} · at \d+:\d\d\n", md)


def test_json_is_the_card(report: TeamReport) -> None:
    card = card_of(report, "a43")
    text = json_.render(card)
    assert json.loads(text) == json.loads(json.dumps(card.to_dict()))
    assert "宽带" in text  # ensure_ascii=False: Chinese stays readable


def test_html_is_self_contained(report: TeamReport) -> None:
    page = html.render(card_of(report, "a33"))
    assert "<script" not in page and "<link" not in page and " src=" not in page
    assert re.findall(r"https?://[^\s\"']+", page) == ["http://www.w3.org/2000/svg"]
    assert "script-src 'none'" in html_lib.unescape(page)
    assert page.count("<svg") == 1 and "<style>" in page


@pytest.fixture(scope="module")
def hostile(compiled: CompiledRubric, month: tuple[TeamReport, dict[str, ContactResult]],
            tmp_path_factory: pytest.TempPathFactory) -> CoachingCard:
    """The best-scoring English contact that avoided NRD-01, for a new agent, now rude and hostile."""
    _, results = month
    best = max((r for r in results.values() if r.language == "en" and r.score is not None
                and any(f.criterion_id == "NRD-01" and f.outcome.value == "pass" for f in r.findings)),
               key=lambda r: (r.score, r.id))
    raw = next(json.loads(line) for line in MONTH.read_text(encoding="utf-8").splitlines()
               if json.loads(line)["id"] == best.id)
    agent_turns = [t for t in raw["turns"] if t["speaker"] == "agent"]
    turn = agent_turns[len(agent_turns) // 2]
    turn["text"] += f" {RUDE}, {SCRIPT} {LINK}"
    raw.update(id="c-<i>evil</i>", agent="a-<b>99</b>")
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.json").write_text(json.dumps(raw), encoding="utf-8")
    report = build_report(start_run(iter_contacts([folder]), compiled))
    card = coaching_card(report, "a-<b>99</b>")
    nrd = next((i for i in card.to_work_on if i.criterion.id == "NRD-01"), None)
    assert nrd is not None and nrd.quotes[0].evidence is not None, "the rude turn must be quoted"
    assert SCRIPT in nrd.quotes[0].evidence.quote
    return card


def test_html_escapes_hostile_quote(hostile: CoachingCard) -> None:
    page = html.render(hostile)
    assert SCRIPT not in page and "<script" not in page
    assert html_lib.escape(SCRIPT) in page
    assert "<b>99</b>" not in page and "<i>evil</i>" not in page
    assert html_lib.escape("c-<i>evil</i>") in page


def test_markdown_escapes_hostile_quote(hostile: CoachingCard) -> None:
    md = markdown.render(hostile)
    assert SCRIPT not in md and "<b>" not in md
    hostile_lines = [line.removeprefix("  > ") for line in md.splitlines() if "evil" in line or "alert" in line]
    assert len(hostile_lines) >= 3  # title, intro, quote
    assert not any(re.search(r"(?<!\\)[\[\]<>]", line) for line in hostile_lines)  # every bracket escaped
    rendered = md_to_html(md)
    for tag in ("<script", "<a ", "<img", "<b>", "<i>"):
        assert tag not in rendered
    assert html_lib.escape(SCRIPT, quote=False) in rendered  # the words survive, as text
    assert "[click here](http://evil.example/)" in html_lib.unescape(rendered)


@pytest.mark.parametrize(("text", "expected"), [
    ("a *b* _c_", r"a \*b\* \_c\_"),
    ("[x](y) ![i](j)", r"\[x\](y) !\[i\](j)"),
    ("<b>|#`~\\", r"\<b\>\|\#\`\~\\"),
    ("two\nlines\r\n> quote", r"two lines \> quote"),
    ("宽带账号，谢谢。", "宽带账号，谢谢。"),
])
def test_md_escape(text: str, expected: str) -> None:
    assert markdown.md_escape(text) == expected
