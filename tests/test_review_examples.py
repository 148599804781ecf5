"""examples/reviews: the committed sheets match their generator, and agree / calibrate read them."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.review_examples import OUT, render
from tests.helpers import invoke

MONTH = Path(__file__).resolve().parents[1] / "examples" / "month"


def test_regenerating_gives_the_committed_bytes() -> None:
    for name, data in render().items():
        assert (OUT / name).read_bytes() == data, f"examples/reviews/{name} is out of date: python -m benchmarks.review_examples"


def test_agree_names_the_stricter_reviewer() -> None:
    result = invoke("agree", str(OUT / "alice.csv"), str(OUT / "wang.csv"), "-f", "json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    text = json.dumps(doc, ensure_ascii=False)
    assert "王芳" in text and "alice" in text
    assert "raters named by the column '质检员'" in result.stderr
    table = invoke("agree", str(OUT / "alice.csv"), str(OUT / "wang.csv")).stdout
    # the long sheet's score column (beside outcomes) is the contact's score: strictness is judged on scores
    assert "strictest: 王芳 (score" in table and "most lenient: alice (score" in table


def test_calibrate_reads_the_agreed_scores_and_says_whether_tuning_helped(tmp_path: Path) -> None:
    out = tmp_path / "tuned.yml"
    result = invoke("calibrate", str(MONTH), "-r", "three-voices", "--labels", str(OUT / "qa-scores.csv"), "-f", "json",
                    "-o", str(out))
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["labels"]["matched"] == 170 and doc["verdict"] in ("better", "worse", "unclear")
    d = doc["cross_validation"]["difference"]["spearman"]
    expected = "better" if d["low"] > 0 else "worse" if d["high"] < 0 else "unclear"
    assert doc["verdict"] == expected and out.exists()


def test_calibrating_servqual_on_170_contacts_is_refused(tmp_path: Path) -> None:
    result = invoke("calibrate", str(MONTH), "-r", "servqual", "--labels", str(OUT / "qa-scores.csv"),
                    "-o", str(tmp_path / "tuned.yml"))
    assert result.exit_code == 2 and result.stdout == "" and not (tmp_path / "tuned.yml").exists()
    assert "170 matched and scored, but rubric servqual has" in " ".join(result.stderr.split())


def test_calibrate_without_output_reports_and_writes_nothing(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("calibrate", str(MONTH), "-r", "three-voices", "--labels", str(OUT / "qa-scores.csv"))
    assert result.exit_code == 0 and "Spearman rho" in result.stdout
    assert "not written: 3 criteria would change; add -o FILE" in result.stderr
    assert list(tmp_path.iterdir()) == []
