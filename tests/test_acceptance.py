"""The issue's acceptance cases, end to end through the built-in servqual rubric."""

from __future__ import annotations

import pytest

from sqaudit.engine import evaluate
from sqaudit.model import Outcome
from sqaudit.parsers.plaintext import parse_text
from sqaudit.rubric.compile import compile_rubric
from sqaudit.rubric.loader import load_rubric

ENGLISH = """channel: chat
Customer: This is unacceptable, you charged my card twice for the same order.
Agent: I'm so sorry about the double charge, that should not have happened.
Agent: I'll take care of this for you right now.
Customer: Fine.
Agent: I've refunded the second payment; you'll see it back on your card within 3 days.
"""
SIMPLIFIED = """channel: chat
客户：太过分了，同一个订单扣了我两次钱！
客服：非常抱歉，给您带来不便了。
客服：这个问题我来帮您处理。
客户：好吧。
客服：已经为您退回了重复扣的款项，3天内到账。
"""
TRADITIONAL = """channel: chat
客戶：太過分了，同一個訂單扣了我兩次錢！
客服：非常抱歉，給您帶來不便了。
客服：這個問題我來幫您處理。
客戶：好吧。
客服：已經為您退回了重複扣的款項，3天內到賬。
"""

# criterion -> the words its evidence must quote, per language
EXPECTED = {
    "APO-01": {"en": "I'm so sorry", "zh": "非常抱歉", "zh-Hant": "非常抱歉"},
    "OWN-01": {"en": "I'll take care of this", "zh": "我来帮您处理", "zh-Hant": "我來幫您處理"},
    "FUP-01": {"en": "I've refunded", "zh": "已经为您退回", "zh-Hant": "已經為您退回"},
}


@pytest.fixture(scope="module")
def compiled():  # type: ignore[no-untyped-def]
    return compile_rubric(load_rubric("servqual"))


@pytest.mark.parametrize(("language", "text"), [("en", ENGLISH), ("zh", SIMPLIFIED), ("zh-Hant", TRADITIONAL)])
def test_apology_ownership_and_result_earn_their_criteria(compiled, language: str, text: str) -> None:  # type: ignore[no-untyped-def]
    result = evaluate(parse_text(text, f"{language}.txt"), compiled)
    assert result.language == language and result.complaint
    findings = {f.criterion_id: f for f in result.findings}
    for criterion_id, quotes in EXPECTED.items():
        finding = findings[criterion_id]
        assert finding.outcome is Outcome.PASS, (criterion_id, finding.message)
        assert any(quotes[language] in e.quote for e in finding.evidence), (criterion_id, finding.evidence)
        assert finding.points == finding.max_points > 0
