"""Scoring: points, N/A, critical failures, dimension and overall scores (sqaudit.scoring).

Unit tests on hand-made findings first, then the same rules end to end: rubric YAML ->
loader -> engine -> ContactResult (and its §4.2 dictionary).
"""

from __future__ import annotations

import pytest

from sqaudit.model import DIMENSIONS, Finding, Outcome
from sqaudit.scoring import score_findings

PASS, FAIL, NA, ERROR = Outcome.PASS, Outcome.FAIL, Outcome.NOT_APPLICABLE, Outcome.ERROR


def finding(cid: str, outcome: Outcome, points: float = 1.0, dimension: str = "reliability",
            section: str | None = None, critical: str | None = None) -> Finding:
    """A finding as the engine builds it: points on pass, max_points only when scored."""
    scored = outcome in (PASS, FAIL)
    return Finding(criterion_id=cid, dimension=dimension, section=section, outcome=outcome,
                   points=points if outcome is PASS else 0.0, max_points=points if scored else 0.0,
                   message=f"{cid} {outcome.value}", critical=critical)


def dims(score) -> dict[str, float | None]:  # type: ignore[no-untyped-def]
    return dict(score.dimensions)


# --- unit: score_findings -------------------------------------------------------------------


def test_points_earned_over_points_possible() -> None:
    score = score_findings([finding("A", PASS, 3), finding("B", FAIL, 1)], None, 80)
    assert score.overall == pytest.approx(75.0)
    assert score.passed is False
    assert score.critical_failures == ()


def test_not_applicable_leaves_the_denominator() -> None:
    with_na = score_findings([finding("A", PASS, 2), finding("B", FAIL, 2), finding("C", NA, 10)], None, 80)
    without = score_findings([finding("A", PASS, 2), finding("B", FAIL, 2)], None, 80)
    assert with_na.overall == pytest.approx(50.0) == without.overall
    assert dims(with_na)["reliability"] == pytest.approx(50.0)


def test_error_outcome_leaves_the_denominator() -> None:
    score = score_findings([finding("A", PASS, 2), finding("B", ERROR, 2)], None, 80)
    assert score.overall == pytest.approx(100.0)


def test_all_not_applicable_but_one_pass_scores_full() -> None:
    score = score_findings([finding("A", NA), finding("B", PASS), finding("C", NA)], None, 80)
    assert score.overall == pytest.approx(100.0)
    assert score.passed is True


def test_every_dimension_is_listed_and_unmeasured_ones_are_none_not_zero() -> None:
    score = score_findings([finding("A", PASS, dimension="empathy"), finding("B", NA, dimension="assurance")],
                           None, 80)
    assert [name for name, _ in score.dimensions] == list(DIMENSIONS)
    assert dims(score)["empathy"] == pytest.approx(100.0)
    assert dims(score)["assurance"] is None  # only a N/A criterion
    assert dims(score)["tangibles"] is None  # no criterion at all
    assert dims(score)["reliability"] is None


def test_dimension_with_only_failures_is_zero_not_none() -> None:
    score = score_findings([finding("A", FAIL, dimension="tangibles"), finding("B", PASS, dimension="empathy")],
                           None, 80)
    assert dims(score)["tangibles"] == 0.0
    assert dims(score)["empathy"] == pytest.approx(100.0)


def test_zero_point_criteria_measure_nothing() -> None:
    score = score_findings([finding("D", PASS, 0, dimension="reliability"), finding("A", FAIL, 1, "empathy")],
                           None, 80)
    assert dims(score)["reliability"] is None
    assert score.overall == 0.0


@pytest.mark.parametrize("outcomes", [[], [NA], [NA, NA, ERROR]])
def test_score_is_none_when_nothing_applies(outcomes: list[Outcome]) -> None:
    score = score_findings([finding(f"C{i}", o) for i, o in enumerate(outcomes)], None, 80)
    assert score.overall is None
    assert score.passed is None
    assert all(value is None for _, value in score.dimensions)


def test_score_is_none_with_weights_when_nothing_applies() -> None:
    score = score_findings([finding("A", NA, dimension="empathy")], {"empathy": 2.0}, 80)
    assert score.overall is None
    assert score.passed is None


def test_fail_contact_sets_score_zero_and_fails() -> None:
    findings = [finding("A", PASS, 10), finding("B", PASS, 10), finding("PII-01", FAIL, 1, critical="fail_contact")]
    score = score_findings(findings, None, 80)
    assert score.overall == 0.0
    assert score.passed is False
    assert score.critical_failures == ("PII-01",)
    # the other findings keep their own points: the report still shows what went well
    assert [f.points for f in score.findings] == [10, 10, 0]


def test_fail_contact_with_weights_sets_score_zero() -> None:
    findings = [finding("A", PASS, 1, "empathy"), finding("PII-01", FAIL, 1, "assurance", critical="fail_contact")]
    score = score_findings(findings, {"empathy": 3.0, "assurance": 1.0}, 50)
    assert score.overall == 0.0
    assert score.passed is False


def test_fail_contact_passing_or_not_applicable_changes_nothing() -> None:
    findings = [finding("A", PASS), finding("PII-01", PASS, critical="fail_contact"),
                finding("PII-02", NA, critical="fail_contact")]
    score = score_findings(findings, None, 80)
    assert score.overall == pytest.approx(100.0)
    assert score.passed is True
    assert score.critical_failures == ()


def test_critical_failures_are_sorted_and_include_fail_section() -> None:
    findings = [finding("Z-1", FAIL, critical="fail_contact"), finding("A-1", FAIL, section="s", critical="fail_section"),
                finding("M-1", FAIL)]
    assert score_findings(findings, None, 80).critical_failures == ("A-1", "Z-1")


def test_fail_contact_worth_zero_points_still_fails_the_contact() -> None:
    score = score_findings([finding("PII-01", FAIL, 0, critical="fail_contact"), finding("A", NA)], None, 80)
    assert score.critical_failures == ("PII-01",)
    assert score.passed is False


def test_fail_section_zeroes_only_its_own_section() -> None:
    findings = [
        finding("OPEN-1", PASS, 2, "assurance", section="opening"),
        finding("PAY-1", PASS, 2, "reliability", section="payment"),
        finding("PAY-2", PASS, 3, "assurance", section="payment"),
        finding("PAY-3", NA, 4, "reliability", section="payment"),
        finding("PAY-PCI", FAIL, 1, "assurance", section="payment", critical="fail_section"),
        finding("FREE-1", PASS, 1, "empathy"),
    ]
    score = score_findings(findings, None, 0)
    by_id = {f.criterion_id: f for f in score.findings}
    assert by_id["OPEN-1"].points == 2
    assert by_id["FREE-1"].points == 1
    assert by_id["PAY-1"].points == 0 and by_id["PAY-2"].points == 0
    assert by_id["PAY-1"].max_points == 2  # still counted as possible: zeroed, not excluded
    assert "section 'payment' zeroed by a critical failure" in by_id["PAY-1"].message
    assert by_id["PAY-1"].outcome is PASS  # the behaviour itself happened
    assert by_id["PAY-3"].outcome is NA and by_id["PAY-3"].max_points == 0
    assert by_id["OPEN-1"].message == "OPEN-1 pass"
    # possible 2+2+3+1+1 = 9, earned 2 (opening) + 1 (free) = 3
    assert score.overall == pytest.approx(100 * 3 / 9)
    assert dims(score)["reliability"] == 0.0
    assert dims(score)["assurance"] == pytest.approx(100 * 2 / 6)
    assert dims(score)["empathy"] == pytest.approx(100.0)
    assert score.critical_failures == ("PAY-PCI",)


def test_fail_section_alone_does_not_fail_the_contact() -> None:
    findings = [finding("A", PASS, 9, section="a"), finding("B", PASS, 1, section="b"),
                finding("B-CRIT", FAIL, 0.5, section="b", critical="fail_section")]
    score = score_findings(findings, None, 80)
    assert score.overall == pytest.approx(100 * 9 / 10.5)
    assert score.passed is True


def test_fail_section_passing_zeroes_nothing() -> None:
    findings = [finding("A", PASS, 1, section="a"), finding("A-CRIT", PASS, 1, section="a", critical="fail_section")]
    score = score_findings(findings, None, 80)
    assert score.overall == pytest.approx(100.0)
    assert all("zeroed" not in f.message for f in score.findings)


def test_weights_give_the_weighted_mean_of_measured_dimensions() -> None:
    findings = [
        finding("E1", PASS, 1, "empathy"), finding("E2", FAIL, 1, "empathy"),  # empathy 50
        finding("R1", PASS, 5, "reliability"),  # reliability 100
        finding("T1", NA, 1, "tangibles"),  # not measured: its weight does not count
    ]
    score = score_findings(findings, {"empathy": 3.0, "reliability": 1.0, "tangibles": 10.0}, 80)
    assert score.overall == pytest.approx((3 * 50 + 1 * 100) / 4)
    assert score.passed is False
    # without weights the same findings give points over points
    assert score_findings(findings, None, 80).overall == pytest.approx(100 * 6 / 7)


def test_dimension_without_a_weight_weighs_one() -> None:
    findings = [finding("E1", FAIL, 1, "empathy"), finding("R1", PASS, 1, "reliability")]
    score = score_findings(findings, {"empathy": 3.0}, 80)
    assert score.overall == pytest.approx((3 * 0 + 1 * 100) / 4)


def test_zero_weight_dimension_is_left_out() -> None:
    findings = [finding("E1", FAIL, 1, "empathy"), finding("R1", PASS, 1, "reliability")]
    score = score_findings(findings, {"empathy": 0.0, "reliability": 1.0}, 80)
    assert score.overall == pytest.approx(100.0)
    assert dims(score)["empathy"] == 0.0  # still reported per dimension


def test_only_zero_weight_dimensions_measured_gives_none() -> None:
    score = score_findings([finding("E1", PASS, 1, "empathy")], {"empathy": 0.0}, 80)
    assert score.overall is None
    assert score.passed is None


@pytest.mark.parametrize(("earned", "possible", "pass_score", "passed"), [
    (4, 5, 80, True),  # exactly at the threshold passes
    (3, 4, 80, False),
    (4, 5, 81, False),
    (0, 1, 0, True),  # pass_score 0: any scored contact passes
    (1, 1, 100, True),
])
def test_pass_score_threshold(earned: int, possible: int, pass_score: float, passed: bool) -> None:
    findings = [finding(f"P{i}", PASS) for i in range(earned)] + [finding(f"F{i}", FAIL) for i in range(possible - earned)]
    score = score_findings(findings, None, pass_score)
    assert score.overall == pytest.approx(100 * earned / possible)
    assert score.passed is passed


def test_points_as_floats() -> None:
    findings = [finding("A", PASS, 0.5), finding("B", PASS, 1.25), finding("C", FAIL, 0.75)]
    score = score_findings(findings, None, 70)
    assert score.overall == pytest.approx(100 * 1.75 / 2.5)
    assert score.passed is True
    assert findings[1].to_dict()["points"] == 1.25 and findings[2].to_dict()["max_points"] == 0.75


def test_float_points_exactly_at_the_threshold_pass() -> None:
    findings = [finding("A", PASS, 0.2), finding("B", PASS, 0.7), finding("C", FAIL, 0.3)]
    score = score_findings(findings, None, 75)
    assert score.overall == pytest.approx(75.0)
    assert score.passed is True


def test_score_findings_does_not_change_its_input() -> None:
    findings = [finding("A", PASS, 1, section="s"), finding("S", FAIL, 1, section="s", critical="fail_section")]
    before = list(findings)
    score_findings(findings, None, 80)
    assert findings == before


# --- end to end: rubric YAML -> engine -> ContactResult ------------------------------------

GREET = {"id": "GRT-01", "dimension": "assurance", "title": "Greets", "kind": "phrase", "points": 2,
         "options": {"first": 1}, "phrases": {"en": ["thank you for calling"], "zh": ["您好"]}}
SORRY = {"id": "EMP-01", "dimension": "empathy", "title": "Apologises", "kind": "phrase", "points": 3,
         "phrases": {"en": ["sorry"], "zh": ["抱歉"]}}
FAST = {"id": "RES-01", "dimension": "responsiveness", "title": "Answers fast", "kind": "timing", "points": 1,
        "options": {"metric": "first_response", "max": {"call": "10s"}}}
PII = {"id": "PII-01", "dimension": "assurance", "title": "No card numbers", "kind": "pii", "points": 5,
       "critical": "fail_contact"}

UNTIMED_CALL = """\
channel: call
Customer: I was charged twice.
Agent: Sorry about that, let me fix it.
"""


def test_engine_not_applicable_timing_leaves_denominator_and_dimension_none(make_rubric, score_text) -> None:
    result = score_text(UNTIMED_CALL, make_rubric([GREET, SORRY, FAST]))
    outcomes = {f.criterion_id: f.outcome for f in result.findings}
    assert outcomes == {"GRT-01": FAIL, "EMP-01": PASS, "RES-01": NA}
    assert result.score == pytest.approx(100 * 3 / 5)
    assert dict(result.dimensions)["responsiveness"] is None
    assert dict(result.dimensions)["assurance"] == 0.0
    assert result.to_dict()["dimensions"]["responsiveness"] is None  # type: ignore[index]
    assert result.passed is False


def test_engine_na_policy_fail_counts_in_the_denominator(make_rubric, score_text) -> None:
    result = score_text(UNTIMED_CALL, make_rubric([SORRY, {**FAST, "na_policy": "fail"}]))
    assert {f.criterion_id: f.outcome for f in result.findings} == {"EMP-01": PASS, "RES-01": FAIL}
    assert result.score == pytest.approx(75.0)
    assert dict(result.dimensions)["responsiveness"] == 0.0


def test_engine_na_policy_pass_counts_as_earned(make_rubric, score_text) -> None:
    result = score_text(UNTIMED_CALL, make_rubric([SORRY, {**FAST, "na_policy": "pass"}], pass_score=100))
    assert result.score == pytest.approx(100.0)
    assert result.passed is True


def test_engine_nothing_applies_gives_no_score(make_rubric, score_text) -> None:
    result = score_text("Customer: Hello? Is anyone there?\n", make_rubric([GREET, SORRY, FAST]))
    assert all(f.outcome is NA for f in result.findings)
    assert result.score is None
    assert result.passed is None
    data = result.to_dict()
    assert data["score"] is None and data["passed"] is None
    assert set(data["dimensions"].values()) == {None}  # type: ignore[union-attr]


def test_engine_fail_contact(make_rubric, score_text) -> None:
    text = UNTIMED_CALL + "Customer: It's 4111 1111 1111 1111.\nAgent: So that's 4111 1111 1111 1111, sorry.\n"
    result = score_text(text, make_rubric([GREET, SORRY, PII]))
    assert result.score == 0.0
    assert result.passed is False
    assert result.critical_failures == ("PII-01",)
    pii = next(f for f in result.findings if f.criterion_id == "PII-01")
    assert pii.critical == "fail_contact"
    assert "4111 1111 1111 1111" not in str(result.to_dict())


def test_engine_fail_section(make_rubric, score_text) -> None:
    sections = [{"id": "opening", "title": "Opening"}, {"id": "payment", "title": "Payment"}]
    greet = {**GREET, "section": "opening", "options": {}}
    sorry = {**SORRY, "section": "payment"}
    pii = {**PII, "section": "payment", "critical": "fail_section", "points": 1}
    text = "Customer: Card 4111 1111 1111 1111.\nAgent: Thank you for calling. 4111 1111 1111 1111, sorry.\n"
    result = score_text(text, make_rubric([greet, sorry, pii], sections=sections, pass_score=10))
    by_id = {f.criterion_id: f for f in result.findings}
    assert by_id["GRT-01"].points == 2
    assert by_id["EMP-01"].outcome is PASS and by_id["EMP-01"].points == 0
    assert result.critical_failures == ("PII-01",)
    assert result.score == pytest.approx(100 * 2 / 6)
    assert result.passed is True
    assert dict(result.dimensions)["empathy"] == 0.0


def test_engine_dimension_weights(make_rubric, score_text) -> None:
    rubric = make_rubric([GREET, SORRY, FAST], dimensions={"empathy": {"weight": 3}, "assurance": 1,
                                                           "responsiveness": {"weight": 5}})
    result = score_text(UNTIMED_CALL, rubric)
    # empathy 100 (w 3), assurance 0 (w 1), responsiveness not measured (its weight 5 drops out)
    assert result.score == pytest.approx(75.0)
    assert result.passed is False


def test_engine_pass_score_from_rubric(make_rubric, score_text) -> None:
    result = score_text(UNTIMED_CALL, make_rubric([GREET, SORRY], pass_score=60))
    assert result.score == pytest.approx(60.0)
    assert result.passed is True


def test_engine_float_points(make_rubric, score_text) -> None:
    result = score_text(UNTIMED_CALL, make_rubric([{**GREET, "points": 0.5}, {**SORRY, "points": 1.5}]))
    assert result.score == pytest.approx(75.0)
    data = result.to_dict()
    points = {c["id"]: (c["points"], c["max_points"]) for c in data["criteria"]}  # type: ignore[union-attr]
    assert points == {"GRT-01": (0, 0.5), "EMP-01": (1.5, 1.5)}


def test_engine_complaint_only_criterion_leaves_denominator_without_complaint(make_rubric, score_text) -> None:
    detector = {"id": "CMP-00", "dimension": "reliability", "title": "Complaint", "kind": "complaint",
                "phrases": {"en": ["unacceptable"]}}
    only = {**SORRY, "id": "CMP-01", "applies_when": {"complaint_only": True}}
    rubric = make_rubric([detector, only, {**GREET, "options": {}}])
    calm = score_text("Customer: Change my plan.\nAgent: Thank you for calling, done.\n", rubric)
    assert calm.complaint is False
    assert calm.score == pytest.approx(100.0)
    assert dict(calm.dimensions)["empathy"] is None
    angry = score_text("Customer: Unacceptable!\nAgent: Thank you for calling, done.\n", rubric)
    assert angry.complaint is True
    assert angry.score == pytest.approx(100 * 2 / 5)
    # the detector itself earns and costs nothing
    assert dict(angry.dimensions)["reliability"] is None


def test_only_na_policy_assumptions_give_no_score() -> None:
    from dataclasses import replace

    assumed = [replace(finding("APO-01", PASS, 3), assumed=True), finding("GRT-01", NA)]
    score = score_findings(assumed, None, 80)
    assert score.overall is None and score.passed is None
    assert len(score.findings) == 2  # the findings are still reported
    observed = assumed + [finding("GRT-02", FAIL, 1)]
    assert score_findings(observed, None, 80).overall == 75.0
