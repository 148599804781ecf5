"""Tests for sqaudit.text: normalisation for phrase matching, and language detection."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sqaudit import text as T
from sqaudit.text import detect_language, has_cjk, language_family, normalize


def nfkc(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


# --- width folding, case folding, quotes ---------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("ＯＫ", "ok"),
    ("，", ","),
    ("Ｈｅｌｌｏ　Ｗｏｒｌｄ", "hello world"),
    ("１２３４５", "12345"),
    ("（退款）", "(退款)"),
    ("好的！谢谢？", "好的!谢谢?"),
    ("订单号：ＡＢ１２３", "订单号:ab123"),
    ("ｶﾀｶﾅ", "カタカナ"),
    ("请稍等　一下", "请稍等 一下"),
    ("ﬁle", "file"),
])
def test_width_and_compat_folding(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("HELLO", "hello"),
    ("Thank You For Calling", "thank you for calling"),
    ("Straße", "strasse"),
    ("ΣΊΣΥΦΟΣ", "σίσυφοσ"),
    ("我的IPHONE坏了", "我的iphone坏了"),
    ("ＲＥＦＵＮＤ", "refund"),
])
def test_case_folding(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("I’m sorry", "i'm sorry"),
    ("‘OK’", "'ok'"),
    ("“Refund”", '"refund"'),
    ("„low“ ‚quotes‘", "\"low\" 'quotes'"),
    ("您说的“退款”是指", '您说的"退款"是指'),
    ("請問‘帳戶’", "请问'账户'"),
    ("We don’t—café", "we don't—café"),
])
def test_curly_quotes(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize("raw", [
    "Hello, thank you for calling Acme. How can I help you today?",
    "I'm sorry for the inconvenience; let me check order #A-1234.",
    "Is there anything else I can help you with?",
    "   leading and  double  spaces\tand tabs\n",
    "",
])
def test_english_unchanged_except_case(raw: str) -> None:
    assert normalize(raw) == raw.lower()


def test_english_with_curly_quotes_only_changes_case_and_quotes() -> None:
    raw = "I’m really sorry about that—we’ll “fix” it."
    assert normalize(raw) == "i'm really sorry about that—we'll \"fix\" it."


# --- Traditional → Simplified ----------------------------------------------------------

TRAD_SIMP = [
    ("您好，請問有什麼可以幫您？", "您好，请问有什么可以帮您？"),
    ("請問有甚麼可以幫到您", "请问有什么可以帮到您"),
    ("謝謝您的耐心等待", "谢谢您的耐心等待"),
    ("非常抱歉給您帶來不便", "非常抱歉给您带来不便"),
    ("對不起，讓您久等了", "对不起，让您久等了"),
    ("不好意思，打擾您了", "不好意思，打扰您了"),
    ("我理解您的心情", "我理解您的心情"),
    ("我馬上為您處理", "我马上为您处理"),
    ("我們會立即為您處理", "我们会立即为您处理"),
    ("請您稍等一下", "请您稍等一下"),
    ("請稍等，我幫您確認一下", "请稍等，我帮您确认一下"),
    ("請提供您的訂單號碼", "请提供您的订单号码"),
    ("您的退款已經處理完成", "您的退款已经处理完成"),
    ("退款會在三到五個工作日內到賬", "退款会在三到五个工作日内到账"),
    ("我想投訴你們的服務", "我想投诉你们的服务"),
    ("我要找你們經理", "我要找你们经理"),
    ("請幫我轉接主管", "请帮我转接主管"),
    ("我現在幫您轉接到相關部門", "我现在帮您转接到相关部门"),
    ("我們會盡快回覆您", "我们会尽快回复您"),
    ("我們已經答覆了您的郵件", "我们已经答复了您的邮件"),
    ("我們會在二十四小時內聯繫您", "我们会在二十四小时内联系您"),
    ("請問還有其他問題嗎？", "请问还有其他问题吗？"),
    ("您的問題已經解決了嗎", "您的问题已经解决了吗"),
    ("還有其他可以幫您的嗎", "还有其他可以帮您的吗"),
    ("感謝您的來電，再見", "感谢您的来电，再见"),
    ("祝您生活愉快", "祝您生活愉快"),
    ("感謝您選擇我們的服務", "感谢您选择我们的服务"),
    ("請確認您的帳戶資料", "请确认您的账户资料"),
    ("您的賬戶已被凍結", "您的账户已被冻结"),
    ("您的帳號已經解鎖", "您的账号已经解锁"),
    ("發票會通過電子郵件寄給您", "发票会通过电子邮件寄给您"),
    ("我查詢了您的交易記錄", "我查询了您的交易记录"),
    ("請核對一下您的手機號碼", "请核对一下您的手机号码"),
    ("這個問題我們會跟進", "这个问题我们会跟进"),
    ("我會把您的意見反饋給相關部門", "我会把您的意见反馈给相关部门"),
    ("為了保障您的賬戶安全", "为了保障您的账户安全"),
    ("請問您貴姓？", "请问您贵姓？"),
    ("您的包裹已經發貨了", "您的包裹已经发货了"),
    ("我們會為您補發一份", "我们会为您补发一份"),
    ("給您造成的困擾，我們深表歉意", "给您造成的困扰，我们深表歉意"),
    ("請問您需要換貨還是退貨", "请问您需要换货还是退货"),
    ("您的會員積分已經更新", "您的会员积分已经更新"),
    ("密碼重設郵件已發送到您的信箱", "密码重设邮件已发送到您的信箱"),
    ("我們已經為您申請了補償", "我们已经为您申请了补偿"),
    ("請您放心，我們一定會負責到底", "请您放心，我们一定会负责到底"),
    ("麵條裡有頭髮的問題我們會處理", "面条里有头发的问题我们会处理"),
    ("您這邊還有什麼疑問嗎", "您这边还有什么疑问吗"),
    ("我們的營業時間是週一到週五", "我们的营业时间是周一到周五"),
    ("這筆費用會從您的帳戶裏扣除", "这笔费用会从您的账户里扣除"),
    ("謝謝您的理解與支持", "谢谢您的理解与支持"),
    ("請您瞭解一下我們的退貨政策", "请您了解一下我们的退货政策"),
    ("請您耐心等著，我馬上回來", "请您耐心等着，我马上回来"),
    ("藉此機會向您致歉", "借此机会向您致歉"),
    ("我們會注意衞生問題", "我们会注意卫生问题"),
    ("祝您有愉快的一天，再見！", "祝您有愉快的一天，再见！"),
]


def test_at_least_forty_phrases() -> None:
    assert len(TRAD_SIMP) >= 40


@pytest.mark.parametrize("trad, simp", TRAD_SIMP)
def test_traditional_phrase_to_simplified(trad: str, simp: str) -> None:
    out = normalize(trad)
    assert out == nfkc(simp)
    assert normalize(simp) == out  # the Simplified rubric phrase has the same key
    assert len(out) == len(trad)


def test_reference_sentence() -> None:
    trad = "我理解您的心情，給您帶來不便非常抱歉，我馬上為您處理，還有其他可以幫您的嗎"
    simp = "我理解您的心情,给您带来不便非常抱歉,我马上为您处理,还有其他可以帮您的吗"
    assert normalize(trad) == simp
    assert len(normalize(trad)) == len(trad)


@pytest.mark.parametrize("simp", [s for _, s in TRAD_SIMP])
def test_simplified_only_width_folded(simp: str) -> None:
    assert normalize(simp) == nfkc(simp)


@pytest.mark.parametrize("raw, expected", [
    ("⾺上", "马上"),            # Kangxi radical → 馬 by NFKC, then → 马
    ("\uf9b1", "铃"),            # compatibility ideograph U+F9B1 → 鈴 (NFKC) → 铃
    ("薴", "苎"),                # OpenCC chain 薴→苧→苎 resolved
    ("帳篷", "账篷"),            # matching fold: harmless, applied to both sides
    ("帐篷", "账篷"),
])
def test_fold_edge_cases(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_table_invariants() -> None:
    table = T._table()
    assert not any(ord(v) in table for v in table.values())  # idempotent: no chains
    assert all(len(v) == 1 for v in table.values())  # length preserving
    for src, dst in T._WIDTH.items():  # the pre-pass equals what NFKC would do
        assert nfkc(chr(src)) == chr(dst)


# --- idempotence -----------------------------------------------------------------------

@pytest.mark.parametrize("raw", [
    "ＯＫ，謝謝！", "I’m “fine”", "Straße ﬁ ①", "⾺上處理……", "ǰ̌ ᴬ İstanbul",
    *[t for t, _ in TRAD_SIMP[:10]],
])
def test_idempotent_examples(raw: str) -> None:
    once = normalize(raw)
    assert normalize(once) == once


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_idempotent_property(x: str) -> None:
    once = normalize(x)
    assert normalize(once) == once


CJK_ALPHABET = st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.sampled_from("們會這個說請對還給帶麼麽著覆瞭藉帳帐乾於薴苧衞甚，。！？「」“”‘’　ＡＺａｚ０９"),
)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=CJK_ALPHABET))
def test_cjk_idempotent_and_length_preserving(x: str) -> None:
    once = normalize(x)
    assert normalize(once) == once
    assert len(once) == len(x)


# --- has_cjk, language detection, language family --------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("", False), ("hello", False), ("ＯＫ，", False), ("カタカナ", False),
    ("我", True), ("iPhone坏了", True), ("\U00020000", True), ("\uf9b1", True),
])
def test_has_cjk(raw: str, expected: bool) -> None:
    assert has_cjk(raw) is expected


@pytest.mark.parametrize("raw, expected", [
    ("Hello, thank you for calling. How can I help?", "en"),
    ("I’m sorry for the inconvenience", "en"),
    ("ＯＫ ＴＨＡＮＫＳ", "en"),
    ("您好，请问有什么可以帮您？", "zh"),
    ("我理解您的心情", "zh"),  # same in both scripts → zh
    ("您好，請問有什麼可以幫您？", "zh-Hant"),
    ("謝謝您的來電，再見", "zh-Hant"),
    ("我的iPhone坏了", "zh"),
    ("我的iPhone和MacBook都壞了", "zh-Hant"),
    ("帮我查一下order status", "zh"),
    ("Hello, my name is 王小明 and I want a refund for my order", "en"),
    ("My 订单 is late", "en"),
    ("这个订单還沒有发货", "zh"),  # one Traditional char among Simplified ones
    ("", "und"),
    ("   ", "und"),
    ("12345 !!! ...", "und"),
])
def test_detect_language(raw: str, expected: str) -> None:
    assert detect_language(raw) == expected


def test_detect_language_default() -> None:
    assert detect_language("", default="en") == "en"
    assert detect_language("hello", default="zh") == "en"


@pytest.mark.parametrize("tag, expected", [
    ("zh", "zh"), ("zh-CN", "zh"), ("zh-Hans", "zh"), ("zh-Hant", "zh"), ("zh-TW", "zh"),
    ("zh-HK", "zh"), ("cmn", "zh"), ("cmn-Hans-CN", "zh"), ("ZH_tw", "zh"),
    ("en", "en"), ("en-US", "en"), ("en-GB", "en"), ("EN", "en"), (" en-us ", "en"),
    ("fr-CA", "fr"), ("ja", "ja"), ("yue-HK", "yue"),
    (None, "und"), ("", "und"), ("und", "und"),
])
def test_language_family(tag: str | None, expected: str) -> None:
    assert language_family(tag) == expected
