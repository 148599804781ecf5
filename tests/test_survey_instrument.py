"""Instrument YAML is validated like a rubric: every problem listed as file:line:col, with a hint."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import invoke

from sqaudit.survey.instrument import InstrumentError, load_instrument

GOOD = """\
id: my-survey
title: {en: My survey, zh: 我的调查}
scale: [1, 5]
columns: {expectation: "exp_{n}", perception: "per_{n}", agent: [agent, 客服工号]}
items:
  - {id: R1, dimension: reliability, text: {en: Keeps promises, zh: 信守承诺}}
  - {id: R2, dimension: reliability, text: {en: Right first time, zh: 一次做对}, reverse: true}
  - {id: E1, dimension: empathy, text: {en: Listens, zh: 倾听}, scale: [0, 10]}
csat: {column: csat, scale: [1, 5], top_box: 2}
"""


def load(tmp_path: Path, text: str, name: str = "i.yml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_instrument(path)


def problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(InstrumentError) as caught:
        load(tmp_path, text)
    return [str(p) for p in caught.value.problems]


def test_a_good_instrument(tmp_path: Path) -> None:
    inst = load(tmp_path, GOOD)
    assert [i.id for i in inst.items] == ["R1", "R2", "E1"]
    assert inst.items[0].expectation == ("exp_1",) and inst.items[2].perception == ("per_3",)
    assert inst.items[1].reverse and inst.items[2].scale.high == 10
    assert inst.dimension_ids == ("reliability", "empathy")  # only dimensions with items
    assert inst.roles["agent"] == ("agent", "客服工号") and set(inst.singles) == {"csat"}


def test_every_problem_is_listed_with_file_line_col_and_a_hint(tmp_path: Path) -> None:
    text = """\
id: bad
title: Bad
scale: [7, 1]
colums: {perception: "p{n}"}
columns: {perception: "p", expectation: "e{x}"}
items:
  - {id: Q1, dimension: empathyy, text: {en: one}}
  - {id: Q2, dimension: reliability, text: no, wieght: 2}
  - {id: Q2, dimension: reliability}
nps: {column: nps, scale: [1, 10]}
csat: {column: csat, top_box: 9}
"""
    found = problems(tmp_path, text)
    path = str(tmp_path / "i.yml")
    expected = [
        f"{path}:3:8: scale: the lowest point (7) must be below the highest (1)",
        f"{path}:4:1: colums: unknown key 'colums' (did you mean 'columns'?)",
        "columns.perception: 'p' has no placeholder, so every item would read the same column",
        "columns.expectation: '{x}' in 'e{x}' is not a placeholder here",
        f"{path}:5:23: columns.perception: 'p' has no placeholder, so every item would read the same column",
        f"{path}:7:25: items[0].dimension: 'empathyy' is not one of",
        "(did you mean 'empathy'?)",
        f"{path}:8:44: items[1].text: 'no' here is a YAML 1.1 boolean, not text (quote it: \"no\")",
        "items[1].wieght: unknown key 'wieght'",
        f"{path}:9:10: items[2].id: duplicate item id 'Q2' (first at items[1])",
        f"{path}:9:5: items[2]: missing required key 'text'",
        ("nps.scale: an NPS question has 11 points (0-10), not 1–10 (an export that codes 0-10 as 1-11 says "
         "scale: [1, 11])"),
        "csat.top_box: top 9 box is the whole 1–5 scale",
    ]
    for piece in expected:
        assert any(piece in p for p in found), (piece, found)
    assert all(p.startswith(path + ":") for p in found)
    assert not any("items Q1 and Q2" in p for p in found)  # the broken patterns are reported once, above
    assert len(found) == len(set(found))


def test_duplicate_keys_and_weights_that_do_not_add_up(tmp_path: Path) -> None:
    text = GOOD.replace("scale: [1, 5]\n", "scale: [1, 5]\nscale: [1, 7]\n") + \
        "dimensions: {reliability: {weight: 70}, empathy: {weight: 20}}\n"
    found = problems(tmp_path, text)
    assert any(":4:1: scale: duplicate key 'scale' (first defined at line 3)" in p for p in found), found
    assert any("dimensions: the weights add up to 90, not 100" in p for p in found), found


def test_not_yaml_or_not_a_mapping(tmp_path: Path) -> None:
    assert "YAML syntax error" in problems(tmp_path, "id: [unclosed\n")[0]
    assert "an instrument must be a mapping" in problems(tmp_path, "- a list\n")[0]
    with pytest.raises(InstrumentError) as caught:
        load_instrument("servqual-2")
    assert "did you mean 'servqual-22'?" in str(caught.value)


def test_extends_replaces_the_top_level_keys_it_gives(tmp_path: Path) -> None:
    inst = load(tmp_path, 'extends: servqual-22\nid: ours\ncolumns: {expectation: "exp{n}", perception: "perc{n}"}\n')
    assert inst.id == "ours" and inst.extends == "servqual-22" and len(inst.items) == 22
    assert inst.items[0].expectation == ("exp1",) and "nps" in inst.singles
    found = problems(tmp_path, "extends: servqual-22\nitems: []\n")
    assert any("items: the list is empty" in p for p in found), found


def test_cli_validate_lists_problems_and_exits_2(tmp_path: Path) -> None:
    (tmp_path / "good.yml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.yml").write_text(GOOD.replace("dimension: empathy", "dimension: empaty"), encoding="utf-8")
    result = invoke("instrument", "validate", str(tmp_path / "good.yml"), str(tmp_path / "bad.yml"))
    assert result.exit_code == 2
    assert "good.yml: ok (my-survey v1, 3 items, 1 other question(s))" in result.stdout
    assert f"{tmp_path / 'bad.yml'}:8:25: items[2].dimension: 'empaty' is not one of" in result.stderr
    assert "instrument refused: 1 problem(s)" in result.stderr


def test_cli_list_and_show() -> None:
    listed = invoke("instrument", "list")
    assert listed.exit_code == 0
    for name in ("servqual-22", "servperf-22", "csat-nps"):
        assert name in listed.stdout
    shown = invoke("instrument", "show", "servqual-22", "--lang", "zh")
    assert shown.exit_code == 0 and "信赖度" in shown.stdout and "承诺在某个时间前完成的事" in shown.stdout
    assert "e5 / 期望5" in shown.stdout and "w_reliability" in shown.stdout
    missing = invoke("instrument", "show", "nope")
    assert missing.exit_code == 2 and "no such instrument" in missing.stderr


def test_every_survey_label_exists_in_both_languages() -> None:
    from sqaudit.survey.labels import SURVEY_LABELS

    assert set(SURVEY_LABELS["en"]) == set(SURVEY_LABELS["zh"])
    assert all(text.strip() for catalogue in SURVEY_LABELS.values() for text in catalogue.values())
