"""The built-in rubrics (``rubrics/*.yml``) as data: every criterion's own examples must score as written.

Each criterion carries ``examples: {pass: [...], fail: [...]}`` in the plain-text mini-format.
Every example is parsed and scored with the whole rubric, exactly as ``sqaudit score`` would,
and the criterion's finding must be the expected outcome (a complaint detector's "fail"
examples must leave it not applicable). Further tests hold the rubrics to their authoring
rules: pass and fail examples for every criterion, both languages for phrase-based kinds,
every SERVQUAL dimension covered, no phrase that double-counts, and a few known traps
(negated phrases, Chinese substrings) that must not trigger a criterion.
"""

from __future__ import annotations

import re

import pytest
from helpers import compiled, rubric

from sqaudit.checks import KINDS, is_detector
from sqaudit.checks.base import speaker_name
from sqaudit.engine import evaluate
from sqaudit.lexicons.courtesy import POLARITY
from sqaudit.model import DIMENSIONS, ContactResult, Outcome
from sqaudit.parsers.plaintext import parse_text
from sqaudit.rubric.compile import phrase_groups
from sqaudit.rubric.loader import builtin_names
from sqaudit.rubric.model import Criterion
from sqaudit.text import detect_language, language_family, normalize

NAMES = builtin_names()
PHRASE_KINDS = {name for name, module in KINDS.items() if getattr(module, "PHRASES", "unused") != "unused"}


def score(name: str, text: str, source: str = "example") -> ContactResult:
    return evaluate(parse_text(text, source=source), compiled(name))


def finding(result: ContactResult, criterion_id: str):  # type: ignore[no-untyped-def]
    return next(f for f in result.findings if f.criterion_id == criterion_id)


def _criteria() -> list[object]:
    return [pytest.param(name, c, id=f"{name}::{c.id}") for name in NAMES for c in rubric(name).criteria]


def _examples() -> list[object]:
    params = []
    for name in NAMES:
        for c in rubric(name).criteria:
            for want, texts in (("pass", c.examples_pass), ("fail", c.examples_fail)):
                for i, text in enumerate(texts):
                    params.append(pytest.param(name, c.id, want, text, id=f"{name}::{c.id}::{want}[{i}]"))
    return params


def _groups(criterion: Criterion) -> list[dict[str, list[str]]]:
    """The phrase lists matched separately: the criterion's own, each inline sequence step's and
    its kind's built-in lexicons, exactly as the compiler sees them."""
    return [group for group in phrase_groups(criterion).values() if group]


def _phrases(criterion: Criterion, positive_only: bool = False) -> dict[str, list[str]]:
    """Language -> every phrase the criterion is matched with. ``positive_only``: the phrases whose
    presence is good (a courtesy criterion's negative markers such as "calm down", and its
    exception lists, left out)."""
    out: dict[str, list[str]] = {}
    for owner, group in phrase_groups(criterion).items():
        marker = owner.partition("#")[2]
        if positive_only and criterion.kind == "courtesy" and (marker.endswith("!") or POLARITY.get(marker, 1) < 0):
            continue
        for lang, items in group.items():
            out.setdefault(lang, []).extend(items)
    return out


def _contains(big: str, small: str) -> bool:
    """``small`` occurs in ``big`` the way the matcher finds it (word boundaries for ASCII edges)."""
    if small not in big:  # the cheap test first: building ~10^5 regexes is what makes this slow
        return False
    for match in re.finditer(re.escape(small), big):
        i, j = match.start(), match.end()
        left = not small[0].isascii() or i == 0 or not (big[i - 1].isascii() and big[i - 1].isalnum())
        right = not small[-1].isascii() or j == len(big) or not (big[j].isascii() and big[j].isalnum())
        if left and right:
            return True
    return False


# ---------------------------------------------------------------------------------------------
# every example scores as its criterion says


@pytest.mark.parametrize(("name", "criterion_id", "want", "text"), _examples())
def test_example_scores_as_written(name: str, criterion_id: str, want: str, text: str) -> None:
    criterion = rubric(name).criterion(criterion_id)
    assert criterion is not None
    found = finding(score(name, text, f"{name}:{criterion_id}:{want}"), criterion_id)
    expected = "not_applicable" if is_detector(criterion.kind) and want == "fail" else want
    assert found.outcome.value == expected, f"{found.outcome.value}: {found.message}"


# ---------------------------------------------------------------------------------------------
# authoring rules


def test_the_three_builtin_rubrics_exist() -> None:
    assert {"servqual", "complaint-handling", "three-voices"} <= set(NAMES)


@pytest.mark.parametrize(("name", "criterion"), _criteria())
def test_criterion_is_documented_and_has_examples(name: str, criterion: Criterion) -> None:
    assert criterion.examples_pass, "needs at least one pass example"
    assert criterion.examples_fail, "needs at least one fail example"
    assert criterion.description.strip(), "needs a description of what it checks and why"
    assert criterion.section or is_detector(criterion.kind), "a scored criterion belongs to a section"
    if not is_detector(criterion.kind):
        assert 1 <= criterion.points <= 5
        assert {"en", "zh"} <= set(criterion.say_instead), "say_instead needs en and zh"


@pytest.mark.parametrize(("name", "criterion"), _criteria())
def test_criterion_has_an_english_and_a_chinese_title(name: str, criterion: Criterion) -> None:
    assert set(criterion.titles) == {"en", "zh"}, "title needs {en: ..., zh: ...}"
    assert criterion.title == criterion.titles["en"] == criterion.title_for("en")
    assert criterion.title_for("zh") != criterion.title
    assert re.search(r"[\u4e00-\u9fff]", criterion.title_for("zh")), "the zh title must be Chinese"


@pytest.mark.parametrize(("name", "criterion"), _criteria())
def test_phrase_based_criteria_speak_both_languages(name: str, criterion: Criterion) -> None:
    phrases = _phrases(criterion)
    if criterion.kind not in PHRASE_KINDS and criterion.kind != "sequence":
        return
    assert phrases.get("en") and phrases.get("zh"), "phrases need en and zh lists"
    for want, texts in (("pass", criterion.examples_pass), ("fail", criterion.examples_fail)):
        languages = {language_family(detect_language(text)) for text in texts}
        assert {"en", "zh"} <= languages, f"{want} examples need both an English and a Chinese contact"


def test_rubric_languages() -> None:
    for name in NAMES:
        assert set(rubric(name).languages) == {"en", "zh"}


def test_servqual_covers_every_dimension_twice() -> None:
    scored = [c for c in rubric("servqual").criteria if not is_detector(c.kind)]
    for dimension in DIMENSIONS:
        assert sum(c.dimension == dimension for c in scored) >= 2, dimension


def test_complaint_only_criteria_have_a_detector() -> None:
    for name in NAMES:
        criteria = rubric(name).criteria
        if any(c.applies_when.complaint_only for c in criteria):
            assert any(is_detector(c.kind) for c in criteria), name


def test_complaint_detectors_agree_across_rubrics() -> None:
    """servqual and complaint-handling flag the same contacts as complaints."""
    detectors = [next(c for c in rubric(n).criteria if is_detector(c.kind)) for n in ("servqual", "complaint-handling")]
    assert detectors[0].phrases == detectors[1].phrases


@pytest.mark.parametrize(("name", "criterion"), _criteria())
def test_no_duplicate_or_double_counting_phrases(name: str, criterion: Criterion) -> None:
    for lang, items in ((lang, items) for group in _groups(criterion) for lang, items in group.items()):
        keys = [normalize(p).strip() for p in items]
        assert len(keys) == len(set(keys)), f"{lang}: duplicate phrases {sorted({k for k in keys if keys.count(k) > 1})}"
        assert all(p == p.strip() for p in items), f"{lang}: phrase with surrounding spaces"
    if int(criterion.options.get("min_hits") or 1) > 1:  # type: ignore[call-overload]
        for lang, items in criterion.phrases.items():
            keys = [normalize(p) for p in items]
            nested = [(a, b) for a in keys for b in keys if a != b and _contains(a, b)]
            assert not nested, f"{lang}: one utterance would count twice toward min_hits: {nested}"


@pytest.mark.parametrize("name", NAMES)
def test_no_positive_phrase_contains_a_prohibited_one(name: str) -> None:
    """Saying a good phrase must never trigger a prohibited or pii criterion of the same rubric."""
    criteria = rubric(name).criteria
    bad = [(c.id, speaker_name(c), normalize(p)) for c in criteria if c.kind in ("prohibited", "pii")
           for items in c.phrases.values() for p in items]
    for c in criteria:
        if c.kind in ("prohibited", "pii", "complaint"):
            continue
        speaker = speaker_name(c)  # a customer's words never trip an agent rule
        for items in _phrases(c, positive_only=True).values():
            for phrase in items:
                key = normalize(phrase)
                clashes = [(bid, b) for bid, who, b in bad if who in (speaker, "any") and _contains(key, b)]
                assert not clashes, f"{c.id} {phrase!r} would trigger {clashes}"


# ---------------------------------------------------------------------------------------------
# known traps: a criterion must not fire on these


ROUTINE_EN = """Agent: Thank you for calling, my name is Alex. How can I help?
Customer: Hi, I'd like to upgrade my phone. I love the one I have.
Agent: Lovely! For security, we will never ask for your password or PIN.
Customer: Do I need my password for the app?
Agent: You'll need your password to log in to the app, yes. I've sent a verification code to your phone, please don't share it with anyone.
Customer: Got it.
Agent: I'll deal with it for you and make sure the order goes out today. I'll call you back later to confirm.
Customer: Thanks.
Agent: You're welcome, have a great day."""

ROUTINE_ZH = """客服：您好，很高兴为您服务，请问有什么可以帮您？
客户：你好，我想用工商银行的卡交一下话费，现在的套餐是多少钱？
客服：好的，您现在的套餐是每月68元。请您不要把验证码告诉任何人，我们不会索取您的密码。
客户：明白了，那我还不太懂怎么绑定。
客服：没关系，我晚点再打给您，一步一步教您。请问您有另外一个号码吗？
客户：没有。我去找一下设置里的绑卡入口就行是吧？
客服：是的，您去找一下“我的-银行卡”。还有其他可以帮您的吗？
客户：没有了，谢谢。
客服：不客气，祝您生活愉快，再见！"""


@pytest.mark.parametrize("text", [ROUTINE_EN, ROUTINE_ZH], ids=["en", "zh"])
@pytest.mark.parametrize("name", ["servqual", "complaint-handling"])
def test_routine_contact_is_no_complaint_and_breaks_no_rule(name: str, text: str) -> None:
    result = score(name, text)
    assert not result.complaint
    for f in result.findings:
        criterion = rubric(name).criterion(f.criterion_id)
        assert criterion is not None
        if criterion.kind in ("prohibited", "pii"):
            assert f.outcome is not Outcome.FAIL, f"{f.criterion_id}: {f.message}"


@pytest.mark.parametrize(("text", "admit", "buck"), [
    ("Customer: This is unacceptable, you charged me twice.\nAgent: That's not our fault, it's not our mistake.",
     Outcome.FAIL, Outcome.FAIL),
    ("客户：你们乱扣费，我要投诉！\n客服：这不是我们的问题，也不是我们的错。", Outcome.FAIL, Outcome.FAIL),
    ("客户：你们乱扣费，我要投诉！\n客服：非常抱歉，这确实是我们的失误。", Outcome.PASS, Outcome.PASS),
])
def test_negated_admission_is_not_an_admission(text: str, admit: Outcome, buck: Outcome) -> None:
    """"不是我们的问题" contains "是我们的问题": the admission list must not include such substrings."""
    result = score("complaint-handling", text)
    assert result.complaint
    assert finding(result, "CMP-07").outcome is admit
    assert finding(result, "CMP-15").outcome is buck


def test_servqual_reads_out_card_number_fails_the_contact() -> None:
    result = score("servqual", "Customer: I'll pay by card.\nAgent: So that's 4111 1111 1111 1111, correct?")
    assert finding(result, "PII-01").outcome is Outcome.FAIL
    assert result.score == 0 and result.passed is False
