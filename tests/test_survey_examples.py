"""examples/survey: the committed exports match their generator, are big enough, and join the month."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.survey_examples import OUT, render
from sqaudit.survey import SurveySettings, analyse, load_instrument, read_survey

MONTH = Path(__file__).resolve().parents[1] / "examples" / "month" / "northwind-2026-05.jsonl"


def test_regenerating_gives_the_committed_bytes() -> None:
    for name, data in render().items():
        assert (OUT / name).read_bytes() == data, f"examples/survey/{name} is out of date: python -m benchmarks.survey_examples"


def test_each_export_has_fifty_respondents_who_join_the_month() -> None:
    instrument = load_instrument("servqual-22")
    month = {c["id"]: c for c in map(json.loads, MONTH.read_text(encoding="utf-8").splitlines())}
    for name, encoding in (("servqual-en.csv", "utf-8-sig"), ("servqual-zh-gb18030.csv", "gb18030")):
        data = read_survey([OUT / name], instrument)
        assert data.problems == () and len(data.responses) >= 50
        assert data.files[0].encoding == encoding
        for r in data.responses:
            assert r.contact in month and month[r.contact]["agent"] == r.agent
    assert (OUT / "servqual-zh-gb18030.csv").read_bytes()[:4] != b"\xef\xbb\xbf"  # a BOM-less Chinese export
    result = analyse(read_survey([OUT], instrument), instrument, SurveySettings(by="agent"))
    assert all(d.gap.value < 0 for d in result.dimensions) and not result.flags
    agents = {s.key: s.index.value for s in result.segments}
    assert agents["a31"] > agents["a32"] > agents["a33"] and agents["a41"] > agents["a42"] > agents["a43"]
