"""PII detection and masking for everything sqaudit writes out.

Transcripts routinely contain card numbers, national IDs, phone numbers and
one-time codes.  An audit report must never become a second copy of them, so
every evidence quote, table cell, CSV and JSON string goes through
:func:`redact`, and the ``pii`` check uses :func:`find_pii` (and
:data:`SECRET_TRIGGER_RE`) to flag an agent reading out a full number or
asking for a secret.

Kinds and their masked form (always the same form, whatever the separators).
Number masks are bracketed so that their remaining digits can never join the
digits around them into a new number (which also keeps ``redact`` idempotent):

* ``card``   13-19 digits, optionally grouped by single spaces/dashes, first
  digit non-zero, Luhn-valid                          -> ``[card ****1111]``
* ``cn_id``  Chinese resident ID: 6-digit region, birth date 18xx-20xx with a
  plausible month/day, 3 digits, check char 0-9/X, ISO 7064 MOD 11-2 valid
  (grouping 6-8-4 allowed)                            -> ``[ID ****002X]``
* ``phone``  Chinese mobile ``1[3-9]x xxxx xxxx`` (optional +86/0086), E.164
  (``+`` then 8-15 digits, separators allowed), North American
  ``(555) 123-4567`` / ``555-123-4567``: first 3 digits, stars, last 4
  -> ``[phone 138****8000]``, ``[phone +86 138****8000]``, ``[phone +1 555***4567]``
* ``email``  first char of the local part kept, domain kept -> ``j***@example.com``
* ``secret`` the value right after a trigger ("password", "PIN", "CVV",
  "security code", "verification code", "OTP", "card/account number", 卡号,
  密码, 验证码, 身份证(号), 安全码, ...), allowing a few filler words and
  punctuation ("is", ":", "是", "为", "："); digits spoken with spaces
  ("4 1 1 1") and Chinese numerals (四八二九) count   -> ``[redacted]``.
  Values must contain a digit, except after password/passcode/密码, where any
  token that is not a common word ("wrong", "expired", ...) is masked.

Trade-offs: long digit strings favour recall.  Any bare 11-digit number
starting with 13-19 is a phone; any Luhn-valid 13-19 digit run (about 1 in 10
random ones) is a card.  Overlapping detections are merged, so nothing is ever
half-masked.  Not detected: bare 10-digit numbers, landlines, 7-digit local
numbers, digits glued to letters (``SO4111...`` is treated as an identifier),
numbers spelled in English words.  Times (10:30), money (¥1,299.00), dates
(2026-05-04), short numbers and ticket numbers such as ``8812-4471`` stay.

Detection runs on a length-preserving fold of full-width ASCII (``４１１１``),
odd spaces and Unicode dashes to ASCII (the digit part of NFKC), so spans
index the original string.  Every pattern is linear: bounded repeats and no
ambiguous splits (no possessive quantifiers, so it also runs on Python 3.10).
Text with no digit, no ``@`` and no trigger word returns immediately.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import accumulate
from dataclasses import dataclass

__all__ = ["KINDS", "PiiSpan", "SECRET_TRIGGER_RE", "find_pii", "mask", "redact", "redact_after", "spans_after"]


@dataclass(frozen=True, slots=True)
class PiiSpan:
    kind: str  # "card" | "cn_id" | "phone" | "email" | "secret"
    start: int
    end: int  # text[start:end] is the sensitive part


_FOLD: dict[int, int] = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FOLD.update(dict.fromkeys((0x3000, 0xA0, 0x2007, 0x202F), 0x20))
_FOLD.update(dict.fromkeys((0x2010, 0x2011, 0x2012, 0x2013, 0x2212), 0x2D))
_FOLD[0x2019] = 0x27
_NEEDS_FOLD = re.compile("[\uff01-\uff5e\u3000\u00a0\u2007\u202f\u2010-\u2013\u2019\u2212]")

_L = r"(?<![0-9A-Za-z_])"  # not glued to a word on the left
_DIGIT_RE = re.compile(r"[0-9]")
_RUN_RE = re.compile(_L + r"[0-9]+(?:[ -][0-9]+)*")
_GROUP_RE = re.compile(r"[0-9]+")
_LONG_DIGITS_RE = re.compile(r"[0-9]{5,}")
_CN_ID_RE = re.compile(
    _L + r"[1-9][0-9]{5}[ -]?(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])"
    r"(?:0[1-9]|[12][0-9]|3[01])[ -]?[0-9]{3}[0-9Xx](?![0-9A-Za-z_])"
)
_PL = r"(?<![0-9A-Za-z_+])"
_PHONE_RES = (
    re.compile(_PL + r"(?:(?:\+|00)86[ -]?)?1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4}(?![0-9])"),
    re.compile(_PL + r"\+[1-9](?:[ .()-]{0,2}[0-9]){7,14}(?![0-9])"),
    re.compile(
        r"(?:" + _PL + r"\+?1[ .-]?)?(?:\([2-9][0-9]{2}\) ?|" + _PL + r"[2-9][0-9]{2}[ .-])[0-9]{3}[ .-][0-9]{4}(?![0-9])"
    ),
)
_EMAIL_RE = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
    r"\.[A-Za-z]{2,}(?![A-Za-z0-9-])"
)

_EN_TRIG = (
    r"\b(?:(?:card|account)\s?(?:number|num|no)|security\s+code|cvv2?|cvc2?|pin|"
    r"pass\s?(?:word|code)|verification\s+code|otp|one[\s-]time\s+(?:password|passcode|code))\b"
)
_ZH_TRIG = "银行卡号|卡号|卡號|账号|帐号|密码|密碼|验证码|驗證碼|身份证号码|身份证号|身份证|身份證|安全码|安全碼"
SECRET_TRIGGER_RE = re.compile(f"{_EN_TRIG}|{_ZH_TRIG}", re.I | re.A)
_FILLERS = ("is", "was", "are", "be", "would", "will", "should", "it's", "it", "'s",
            "number", "num", "no", "code", "of", "as", "please")  # fmt: skip
_SEP = r"[\s:=#.,?，：、？\-]{0,4}"
_FILL = "(?:(?:" + "|".join(_FILLERS) + r")\b|是|为|為|号码|号|就是|多少|什么|什麼)"  # 验证码是多少？ 482913
_TOKEN = "A-Za-z0-9_!#$%^&+=~/@.-"
_VALUE = (  # a token is taken whole, never cut short; "138****8000" (a mask) is no value
    f"(?:[0-9]+ (?=[0-9]))*[A-Za-z0-9][{_TOKEN}]*(?![*{_TOKEN}])"  # 4 8 2 9 1 3, hunter2, p@ss
    "|[零〇一二三四五六七八九幺两]{3,}"  # 四八二九一三
)
_SECRET_RE = re.compile(
    f"(?P<t>{_EN_TRIG}|{_ZH_TRIG})(?:{_SEP}{_FILL}){{0,3}}{_SEP}(?P<v>{_VALUE})", re.I | re.A
)
_PASSWORD_TRIGGERS = frozenset({"password", "passcode", "密码", "密碼"})
_NOT_A_PASSWORD = frozenset(_FILLERS) | frozenset(
    "the a an not wrong correct incorrect invalid reset changed expired locked required "
    "needed too still same different working ok okay fine set sent saved case being been "
    "and or to for my your you this that what weak strong empty blank missing forgotten "
    "lost yes here there on in at with now also just very right updated again so but "
    "if when by from hidden secure valid".split()
)
_ASSIGN_RE = re.compile(r"[:=：]|\b(?:is|was|be)\b|是|为|為", re.I | re.A)
_ZH_NUMERALS = frozenset("零〇一二三四五六七八九幺两")

_LUHN_DOUBLE = (0, 2, 4, 6, 8, 1, 3, 5, 7, 9)
_KINDS = ("email", "cn_id", "phone", "card", "secret")  # merge priority, best first
KINDS = _KINDS


def _cn_id_ok(chars: str) -> bool:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(w * (ord(c) - 48) for w, c in zip(weights, chars))
    return "10X98765432"[total % 11] == chars[17].upper()


def _cards(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """Every Luhn-valid 13-19 digit window of whole groups in a run.

    All of them, not just leftmost-longest: in "555 123 4567 4111 1111 1111 1111"
    a greedy choice could swallow the card's first group and leave the rest.
    Overlaps are merged by the caller.
    """
    groups = [(m.start(), m.end()) for m in _GROUP_RE.finditer(norm, start, end)]
    if start >= 2 and norm[start - 1] == "." and "0" <= norm[start - 2] <= "9":
        groups = groups[1:]  # decimal fraction, e.g. 3.1415926535897932
    if end < len(norm) and norm[end].isascii() and (norm[end].isalpha() or norm[end] == "_"):
        groups = groups[:-1]  # glued to letters: an identifier
    digits = [ord(c) - 48 for c in "".join(norm[a:b] for a, b in groups)]
    if len(digits) < 13:
        return []
    offs = [0, *accumulate(b - a for a, b in groups)]  # digit offset of each group
    # Luhn prefix sums: for a window ending at digit offset e, digit t is doubled
    # iff t % 2 == e % 2, so its sum is luhn[e % 2][e] - luhn[e % 2][s]: O(1).
    doubled = [_LUHN_DOUBLE[n] for n in digits]
    even, odd = digits[:], digits[:]
    even[0::2], odd[1::2] = doubled[0::2], doubled[1::2]
    luhn = ([0, *accumulate(even)], [0, *accumulate(odd)])
    found: list[tuple[int, int]] = []
    for i in range(len(groups)):
        s = offs[i]
        for j in range(i, len(groups)):
            e = offs[j + 1]
            if e - s > 19:
                break
            p = e % 2
            if e - s >= 13 and digits[s] and (luhn[p][e] - luhn[p][s]) % 10 == 0:
                if len(set(digits[s:e])) > 1:
                    found.append((groups[i][0], groups[j][1]))
    return found


def _secret_ok(trigger: str, gap: str, value: str) -> bool:
    if len(value) < 3:
        return False
    if any(c.isdigit() or c in _ZH_NUMERALS for c in value):
        return True
    if "".join(trigger.lower().split()) not in _PASSWORD_TRIGGERS:
        return False
    if not value.isalpha():
        return True  # p@ss!, pass.word
    # a plain word only after an explicit "is" / ":" ("password is sunshine"),
    # not "password has expired" / "password is wrong"
    return _ASSIGN_RE.search(gap) is not None and value.lower() not in _NOT_A_PASSWORD


def _scan(text: str) -> tuple[str, list[PiiSpan]]:
    if not text:
        return text, []
    norm = text.translate(_FOLD) if not text.isascii() and _NEEDS_FOLD.search(text) else text
    has_digit = _DIGIT_RE.search(norm) is not None
    has_at = "@" in norm
    if not has_digit and not has_at and SECRET_TRIGGER_RE.search(norm) is None:
        return norm, []
    cands: list[tuple[int, int, int]] = []  # start, end, index into _KINDS
    if has_at:
        cands += [(m.start(), m.end(), 0) for m in _EMAIL_RE.finditer(norm)]
    if has_digit:
        for m in _CN_ID_RE.finditer(norm):
            if _cn_id_ok(re.sub("[ -]", "", m.group())):
                cands.append((m.start(), m.end(), 1))
        for rx in _PHONE_RES:
            cands += [(m.start(), m.end(), 2) for m in rx.finditer(norm)]
        for m in _RUN_RE.finditer(norm):
            if m.end() - m.start() >= 13:  # cheap pre-filter; _cards counts digits
                cands += [(s, e, 3) for s, e in _cards(norm, m.start(), m.end())]
    for m in _SECRET_RE.finditer(norm):
        value = m.group("v").rstrip(".-")
        if _secret_ok(m.group("t"), norm[m.end("t") : m.start("v")], value):
            cands.append((m.start("v"), m.start("v") + len(value), 4))
    return norm, _merge(cands)


def _merge(cands: list[tuple[int, int, int]]) -> list[PiiSpan]:
    cands.sort()
    merged: list[list[int]] = []
    for s, e, k in cands:
        if merged and s < merged[-1][1]:  # overlap: union, keep the best kind
            merged[-1][1] = max(merged[-1][1], e)
            merged[-1][2] = min(merged[-1][2], k)
        else:
            merged.append([s, e, k])
    return [PiiSpan(_KINDS[k], s, e) for s, e, k in merged]


def find_pii(text: str) -> list[PiiSpan]:
    """Sorted, non-overlapping PII spans, indexed on the original ``text``."""
    return _scan(text)[1]


def _keep_ends(d: str) -> str:
    lead = max(0, min(3, len(d) - 7))
    return d[:lead] + "*" * max(3, len(d) - lead - 4) + d[-4:] if len(d) > 4 else "****"


def _mask_phone(s: str) -> str:
    d = "".join(c for c in s if c.isdigit())
    plus = s.startswith("+")
    for cc, n, need_plus in (("0086", 11, False), ("86", 11, True), ("1", 10, True)):
        if len(d) == len(cc) + n and d.startswith(cc) and (plus or not need_plus):
            return f"+{cc.lstrip('0')} {_keep_ends(d[len(cc):])}"
    return ("+" if plus else "") + _keep_ends(d)


def _mask_email(s: str) -> str:
    local, at, domain = s.partition("@")
    domain = _LONG_DIGITS_RE.sub(lambda m: "*" * len(m.group()), domain)  # keeps 163.com
    return f"{local[:1]}***@{domain}" if at and local else "[redacted]"


_RENDER: dict[str, Callable[[str], str]] = {
    "card": lambda s: "[card ****" + "".join(c for c in s if c.isdigit())[-4:] + "]",
    "cn_id": lambda s: "[ID ****" + "".join(c for c in s if c.isalnum())[-4:].upper() + "]",
    "phone": lambda s: f"[phone {_mask_phone(s)}]",
    "email": _mask_email,
    "secret": lambda s: "[redacted]",
}


def redact(text: str) -> str:
    """Return ``text`` with every PII span replaced by its masked form."""
    norm, spans = _scan(text)
    return _render(text, norm, spans)


def spans_after(text: str, before: str, skip: int = 0) -> list[PiiSpan]:
    """PII spans of ``text[skip:]`` that only show with the text before it as context: a
    trigger ending ``before`` ("What is your PIN?", "密码是") makes the value that opens
    ``text`` a secret. Positions index ``text``."""
    if not before:
        return []
    offset = len(before) + 1 - skip
    return [PiiSpan(sp.kind, sp.start - offset, sp.end - offset)
            for sp in find_pii(f"{before}\n{text[skip:]}") if sp.start - offset >= skip]


def redact_after(text: str, before: str) -> str:
    """:func:`redact`, and also mask what the previous turn's trigger asks for (the bare "4829"
    answering "What is your PIN?")."""
    extra = spans_after(text, before)
    return mask(text, find_pii(text) + extra) if extra else redact(text)


def mask(text: str, spans: Iterable[PiiSpan]) -> str:
    """Replace the given spans of ``text`` by their masked forms; overlapping spans are merged first.

    For callers that find spans with more context than one string (``sqaudit redact`` also
    looks at the previous line: "密码是" on one subtitle line, the digits on the next).
    """
    merged = _merge([(sp.start, sp.end, _KINDS.index(sp.kind)) for sp in spans])
    norm = text.translate(_FOLD) if merged and not text.isascii() and _NEEDS_FOLD.search(text) else text
    return _render(text, norm, merged)


def _render(text: str, norm: str, spans: list[PiiSpan]) -> str:
    if not spans:
        return text
    out: list[str] = []
    pos = 0
    for sp in spans:
        out.append(text[pos : sp.start])
        out.append(_RENDER[sp.kind](norm[sp.start : sp.end]))
        pos = sp.end
    out.append(text[pos:])
    return "".join(out)
