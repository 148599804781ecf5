from __future__ import annotations

import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from sqaudit.redact import SECRET_TRIGGER_RE, PiiSpan, find_pii, redact

# (input, expected redact output)
REDACT_CASES: list[tuple[str, str]] = [
    # cards
    ("card 4111 1111 1111 1111 thanks", "card [card ****1111] thanks"),
    ("4111-1111-1111-1111", "[card ****1111]"),
    ("pay with 4111111111111111.", "pay with [card ****1111]."),
    ("Amex 3782 822463 10005 ok", "Amex [card ****0005] ok"),
    ("卡号6222 0212 3456 7890 128。", "卡号[card ****0128]。"),
    ("我的卡是５５５５ ５５５５ ５５５５ ４４４４吗", "我的卡是[card ****4444]吗"),
    ("card no. 5555-5555-5555-4444", "card no. [card ****4444]"),
    # Chinese resident IDs
    ("身份证号是11010519491231002X", "身份证号是[ID ****002X]"),
    ("ID 110105 19491231 002x please", "ID [ID ****002X] please"),
    ("他的证件１１０１０５１９４９１２３１００２Ｘ", "他的证件[ID ****002X]"),
    # phones
    ("call 13800138000 now", "call [phone 138****8000] now"),
    ("手机138 0013 8000。", "手机[phone 138****8000]。"),
    ("call 138-0013-8000", "call [phone 138****8000]"),
    ("+86 138-0013-8000", "[phone +86 138****8000]"),
    ("拨打008613800138000", "拨打[phone +86 138****8000]"),
    ("(555) 123-4567", "[phone 555***4567]"),
    ("ring 555-123-4567 today", "ring [phone 555***4567] today"),
    ("+1 555 123 4567", "[phone +1 555***4567]"),
    ("UK office +44 20 7946 0958.", "UK office [phone +442*****0958]."),
    # e-mail
    ("email john.doe@example.com now", "email j***@example.com now"),
    ("邮箱是13800138000@qq.com", "邮箱是1***@qq.com"),
    ("write to li.wei@163.com", "write to l***@163.com"),
    ("odd a@4111111111111111.com", "odd a***@****************.com"),
    ("Ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ", "J***@example.com"),
    # secrets
    ("my password is hunter2", "my password is [redacted]"),
    ("My Password: p@ssw0rd!", "My Password: [redacted]"),  # "!" may be part of it
    ("the password is sunshine", "the password is [redacted]"),
    ("验证码是 482913", "验证码是 [redacted]"),
    ("验证码：四八二九一三", "验证码：[redacted]"),
    ("密码是abc123，谢谢", "密码是[redacted]，谢谢"),
    ("安全码为 123", "安全码为 [redacted]"),
    ("security code 123", "security code [redacted]"),
    ("What's the CVV? It's 737.", "What's the CVV? It's [redacted]."),
    ("PIN number is 1234", "PIN number is [redacted]"),
    ("your OTP: 889 123", "your OTP: [redacted]"),
    ("verification code 4 8 2 9 1 3.", "verification code [redacted]."),
    ("account number is 8812-4471", "account number is [redacted]"),
    ("passcode 2468 ok", "passcode [redacted] ok"),
    ("卡号 0 8812-4471 是吗", "卡号 [redacted] 是吗"),
    # regressions found by hypothesis
    ("4111 1111 1111 1111，4111 1111 1111 1111", "[card ****1111]，[card ****1111]"),
    ("13800138000 8812-4471 (555) 123-4567", "[phone 138****8000] 8812-4471 [phone 555***4567]"),
]

# Text with no PII: must come back byte-identical.
UNCHANGED: list[str] = [
    "",
    "Thanks for calling, how can I help?",
    "您好，请问有什么可以帮您？",
    "The call started at 10:30 and ended at 11:05.",
    "Your refund of ¥1,299.00 and $45.10 was issued on 2026-05-04.",
    "ticket 8812-4471 is closed",
    "工单号 8812-4471 已关闭",
    "order 20260504 shipped, 3 items, 12 kg",
    "order 1234567890123 shipped",  # 13 digits, not Luhn-valid
    "4111 1111 1111 1112",  # Luhn-invalid
    "110105194912310021",  # bad ID checksum, not Luhn either
    "ref SO4111111111111111",  # glued to letters: an identifier
    "card number ending in 1234",
    "password is wrong",
    "your password has expired",
    "我忘记密码了",
    "验证码已发送",
    "The OTP is valid for 5 minutes",
    "pin it to the top",
    "version 3.14159265358979",
    "pi is 3.1415926535897932",
    "from 2026-05-04 to 2026-05-09",
    "extension 4471, room 1201",
    "contact us at support dot example",
    "user@localhost",
    "12:30-13:45, 08:00",
    "今天是2026年5月4日，金额１，２９９元",
]

# (input, expected kinds in order)
KIND_CASES: list[tuple[str, list[str]]] = [
    ("4111 1111 1111 1111 and 13800138000", ["card", "phone"]),
    ("身份证11010519491231002X，手机13800138000", ["cn_id", "phone"]),
    ("mail a@b.co, my PIN is 4321", ["email", "secret"]),
    ("卡号是6222021234567890128", ["card"]),  # card + secret merged, card wins
    ("+86 138 0013 8000", ["phone"]),
    ("验证码 482913，密码 hunter2", ["secret", "secret"]),
    ("Can you tell me your password?", []),
]


@pytest.mark.parametrize(("text", "expected"), REDACT_CASES)
def test_redact_cases(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize("text", UNCHANGED)
def test_non_pii_unchanged(text: str) -> None:
    assert find_pii(text) == []
    assert redact(text) == text


@pytest.mark.parametrize(("text", "kinds"), KIND_CASES)
def test_kinds(text: str, kinds: list[str]) -> None:
    assert [s.kind for s in find_pii(text)] == kinds


@pytest.mark.parametrize("text", [t for t, _ in REDACT_CASES] + [t for t, _ in KIND_CASES])
def test_idempotent(text: str) -> None:
    once = redact(text)
    assert redact(once) == once


def test_span_positions_on_original_string() -> None:
    text = "卡号：４１１１ １１１１ １１１１ １１１１，谢谢"
    (span,) = find_pii(text)
    assert span == PiiSpan("card", 3, 22)
    assert text[span.start : span.end] == "４１１１ １１１１ １１１１ １１１１"


def test_spans_sorted_and_disjoint() -> None:
    text = "a@b.com 4111111111111111 13800138000 password is x9y8 身份证11010519491231002X"
    spans = find_pii(text)
    assert len(spans) == 5
    for a, b in zip(spans, spans[1:]):
        assert a.end <= b.start


def test_span_is_frozen() -> None:
    span = PiiSpan("card", 0, 16)
    with pytest.raises(AttributeError):
        span.start = 1  # type: ignore[misc]


def test_trigger_regex_exported() -> None:
    assert SECRET_TRIGGER_RE.search("could you read me the CVV")
    assert SECRET_TRIGGER_RE.search("请提供您的密码")
    assert not SECRET_TRIGGER_RE.search("shipping address please")


# --- property tests -------------------------------------------------------


def _luhn_complete(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        n = int(ch)
        if i % 2 == 0:  # these get doubled once the check digit is appended
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return body + str((10 - total % 10) % 10)


@st.composite
def luhn_cards(draw: st.DrawFn) -> str:
    length = draw(st.integers(13, 19))
    first = draw(st.sampled_from("123456789"))
    rest = draw(st.text("0123456789", min_size=length - 2, max_size=length - 2))
    card = _luhn_complete(first + rest)
    assume(len(set(card)) > 1)
    return card


NO_DIGITS = st.text(st.characters(blacklist_categories=("Nd", "Cs")), max_size=40)
JOINTS = st.sampled_from([" ", "\n", ": ", "，", "是", " card ", "卡号", "(", ") "])
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@settings(max_examples=400, deadline=None)
@given(
    card=luhn_cards(),
    before=NO_DIGITS,
    after=NO_DIGITS,
    left=JOINTS,
    right=JOINTS,
    data=st.data(),
)
def test_card_never_survives(
    card: str, before: str, after: str, left: str, right: str, data: st.DataObject
) -> None:
    seps = data.draw(st.lists(st.sampled_from(["", "", " ", "-"]), min_size=len(card) - 1, max_size=len(card) - 1))
    shown = card[0] + "".join(s + c for s, c in zip(seps, card[1:]))
    if data.draw(st.booleans()):
        shown = shown.translate(FULLWIDTH)
    out = redact(before + left + shown + right + after)
    flat = re.sub(r"[\s\-－]", "", out).translate({ord(f): ord(a) for a, f in zip("0123456789", "０１２３４５６７８９")})
    assert card not in flat


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_never_raises_and_spans_valid(text: str) -> None:
    spans = find_pii(text)
    prev_end = 0
    for s in spans:
        assert prev_end <= s.start < s.end <= len(text)
        prev_end = s.end
    assert isinstance(redact(text), str)


FRAGMENTS = [
    "4111 1111 1111 1111", "13800138000", "john@example.com", "password is hunter2",
    "验证码 482913", "11010519491231002X", "(555) 123-4567", "PIN", "密码", "10:30",
    "+86", "8812-4471", "卡号", " ", "，", "is", "@", "-", "0", "7",
]  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=5)), max_size=12),
    st.sampled_from([" ", "，", ": ", "\n", "。"]),
)
def test_idempotent_property(parts: list[str], joiner: str) -> None:
    # Tokens are separated as in real transcripts; a card glued onto the digits
    # of another number ("11114111 1111 ...") is out of scope.
    text = joiner.join(parts)
    once = redact(text)
    assert redact(once) == once


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Nd", "Cs"), blacklist_characters="@")))
def test_digitless_text_without_triggers_unchanged(text: str) -> None:
    assume(SECRET_TRIGGER_RE.search(text) is None)
    assert redact(text) == text


@pytest.mark.parametrize(("question", "answer", "secret"), [
    ("What is your PIN?", "4829", "4829"),
    ("Your password please", "hunter2", "hunter2"),
    ("密码是", "abc12345", "abc12345"),
])
def test_a_quoted_turn_is_redacted_with_the_turn_before_as_context(make_rubric, score_text, question: str,
                                                                  answer: str, secret: str) -> None:
    """The bare answer to "What is your PIN?" is a secret in every quote, though the turn alone holds no trigger."""
    compiled = make_rubric([{"id": "ANS", "dimension": "assurance", "title": "t", "kind": "customer_outcome",
                             "points": 1, "options": {"signal": "resolved"},
                             "phrases": {"en": [answer], "zh": [answer]}}])
    result = score_text(f"Customer: I can't log in.\nAgent: {question}\nCustomer: {answer}\n", compiled)
    finding = next(f for f in result.findings if f.criterion_id == "ANS")
    assert finding.evidence and finding.evidence[0].turn == 2
    assert secret not in finding.evidence[0].quote and "[redacted]" in finding.evidence[0].quote


def test_redact_after_leaves_an_unrelated_number_alone() -> None:
    from sqaudit.redact import redact_after

    assert redact_after("482913 is my order number", "How are you?") == "482913 is my order number"
    assert redact_after("4829", "What is your PIN?") == "[redacted]"


def test_a_chinese_question_for_the_code_masks_the_bare_answer() -> None:
    from sqaudit.redact import redact_after

    assert redact_after("482913", "请问验证码是多少？") == "[redacted]"
    assert redact_after("我忘了", "密码是什么？") == "我忘了"
