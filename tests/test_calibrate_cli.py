"""``sqaudit calibrate`` under CliRunner: report on stdout, diagnostics on stderr, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from helpers import invoke
from test_calibrate import contacts, tiny_rubric, write_jsonl

from sqaudit.rubric.loader import load_rubric


def case(tmp_path: Path, n: int = 80) -> tuple[Path, Path, Path]:
    rubric = tiny_rubric(tmp_path)
    items, said = contacts(n, 9)
    score = said.astype(float) @ [0.5, 3.0, 1.0, 0.2]
    labels = tmp_path / "labels.csv"
    labels.write_text("id,S\n" + "".join(f"{x['id']},{s - 2:.2f}\n" for x, s in zip(items, score))
                      + "stranger,1\nzz,oops\n", encoding="utf-8")
    return write_jsonl(tmp_path / "calls.jsonl", items), rubric, labels


def test_calibrate_writes_the_tuned_rubric_and_reports(tmp_path: Path) -> None:
    calls, rubric, labels = case(tmp_path)
    out = tmp_path / "tuned.yml"
    result = invoke("calibrate", str(calls), "-r", str(rubric), "--labels", str(labels), "--label-column", "S",
                    "-o", str(out), "--seed", "1")
    assert result.exit_code == 0, result.stderr
    assert "Spearman rho" in result.stdout and "Points changed" in result.stdout
    assert "1 label(s) matched no contact" in result.stdout and "wrote" not in result.stdout
    assert "80 contact(s) scored, 0 skipped" in result.stderr
    assert f"skipped label {labels}:83: 'oops' in column 'S' is not a number" in " ".join(result.stderr.split())
    assert f"wrote {out}" in result.stderr and "version 2.3 -> 2.4" in result.stderr
    tuned = load_rubric(out)
    assert tuned.version == "2.4" and tuned.criterion("APO").points > tuned.criterion("BYE").points
    assert out.read_text(encoding="utf-8").startswith("# Calibrated by `sqaudit calibrate`")


def test_calibrate_json_is_one_document(tmp_path: Path) -> None:
    calls, rubric, labels = case(tmp_path)
    result = invoke("calibrate", str(calls), "-r", str(rubric), "--labels", str(labels), "--label-column", "S",
                    "-o", str(tmp_path / "t.yml"), "-f", "json", "--folds", "4")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    cv = doc["cross_validation"]
    assert cv["folds"] == 4 and cv["n"] == 80
    assert cv["after"]["spearman"]["value"] > cv["before"]["spearman"]["value"]
    assert doc["labels"]["skipped"][0]["source"].endswith("labels.csv:83")
    assert set(doc["points"]) == {"GRT", "APO", "FIX", "BYE"}
    assert doc["changes"] == sorted(doc["changes"], key=lambda c: -abs(c["new"] - c["old"]))


def test_refused_with_too_few_contacts(tmp_path: Path) -> None:
    calls, rubric, labels = case(tmp_path, n=30)
    out = tmp_path / "t.yml"
    result = invoke("calibrate", str(calls), "-r", str(rubric), "--labels", str(labels), "--label-column", "S",
                    "-o", str(out))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "calibration refused: too few labelled contacts: 30 matched and scored" in " ".join(result.stderr.split())
    assert "has 4 scored criteria and calibrating needs at least 40 (10 per criterion)" in " ".join(result.stderr.split())
    assert not out.exists()


def test_refused_outputs(tmp_path: Path) -> None:
    calls, rubric, labels = case(tmp_path)
    before = rubric.read_text(encoding="utf-8")
    same = invoke("calibrate", str(calls), "-r", str(rubric), "--labels", str(labels), "-o", str(rubric))
    assert same.exit_code == 2 and "is the rubric being calibrated" in same.stderr
    assert rubric.read_text(encoding="utf-8") == before
    column = invoke("calibrate", str(calls), "-r", str(rubric), "--labels", str(labels), "-o", str(tmp_path / "x.yml"))
    assert column.exit_code == 2 and "no column 'score'" in column.stderr and "--label-column" in column.stderr
    missing = invoke("calibrate", str(calls), "-r", str(rubric), "--labels", str(tmp_path / "nope.csv"),
                     "-o", str(tmp_path / "x.yml"))
    assert missing.exit_code == 2 and "no such labels file" in missing.stderr
    constant = tmp_path / "constant.csv"
    constant.write_text("id,score\n" + "".join(f"c{i:03d},4\n" for i in range(80)), encoding="utf-8")
    flat = invoke("calibrate", str(calls), "-r", str(rubric), "--labels", str(constant), "-o", str(tmp_path / "x.yml"))
    assert flat.exit_code == 2 and "constant labels" in flat.stderr and flat.stdout == ""
    assert not (tmp_path / "x.yml").exists()


def test_per_criterion_reviews_report_kappa(tmp_path: Path) -> None:
    calls, rubric, _ = case(tmp_path)
    items, said = contacts(80, 9)
    rng = np.random.default_rng(5)
    rows = ["id,criterion,outcome"]
    for item, row in zip(items, said):
        for cid, passed in zip(("GRT", "APO", "FIX", "BYE"), row):
            flip = rng.random() < 0.1  # the reviewer disagrees with the tool now and then
            rows.append(f"{item['id']},{cid},{'pass' if passed != flip else 'fail'}")
    reviews = tmp_path / "qa.csv"
    reviews.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = invoke("calibrate", str(calls), "-r", str(rubric), "--labels", str(reviews),
                    "-o", str(tmp_path / "t.yml"), "-f", "json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    kappa = {k["criterion"]: k for k in doc["cross_validation"]["kappa"]}
    assert set(kappa) == {"GRT", "APO", "FIX", "BYE"}
    assert all(0.5 < k["kappa"]["value"] <= 1 and k["n"] == 80 for k in kappa.values())
    assert doc["labels"]["mode"] == "criterion"
