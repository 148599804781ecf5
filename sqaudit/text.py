"""Text normalisation for phrase matching, and language detection.

``normalize`` produces a *matching key*: rubric phrases and transcript text both go
through it and are compared afterwards, so it only has to be consistent on both
sides, not pretty. It is never shown to users; quotes come from the original text.
The result equals NFKC → casefold → NFKC → curly quotes ‘ ’ ‚ ‛ / “ ” „ ‟ to ' / " →
Traditional→Simplified, computed cheaply:

* Pure ASCII text (the common English case) only gets ``str.lower()``.
* Text with CJK ideographs first goes through one ``str.translate`` table. The table
  folds full-width ASCII and U+3000 (to exactly their NFKC forms: "ＯＫ"→"OK", "，"→","),
  curly quotes, and Traditional→Simplified. After that the NFKC quick check usually
  passes. Otherwise the full-width punctuation in almost every Chinese turn would force a
  full NFKC, which costs about 5 µs of the 9 µs a 40-character turn would otherwise take.
  NFKC and casefold then run only where needed, and if NFKC did change something, the
  table is applied again, because NFKC can create ideographs (⾺→馬, compatibility ideographs).
* Traditional→Simplified works character by character. The table comes from OpenCC's own
  character dictionary (official ``opencc`` package, config ``t2s``): each CJK ideograph
  is converted alone, once, at first use (about 50 ms, cached). ``_FOLDS`` adds a few
  HK/TW variants and Traditional usages that OpenCC resolves only at phrase level or not
  at all, e.g. 回覆→回复, 瞭解→了解, 帳戶→账户, 看著→看着. These folds also change some
  Simplified words (帐篷→账篷, 显著→显着). That is harmless because both sides are folded
  alike. Chains (薴→苧→苎) are resolved to their end, so the table is idempotent.
  OpenCC's phrase-level conversion is not used here. It is not idempotent
  (乾清宮→乾清宫→干清宫), and its results depend on the surrounding text.
  ``_PHRASE_FIXES`` holds the few same-length phrase fixes that the tests need.
  Regional *vocabulary* (資訊/信息, 連結/链接, 軟體/软件) is not folded.

Length: the table maps one character to one character, and so do the quote folds and
the width folding of full-width ASCII and ideographic punctuation. NFKC and
casefold can change length: "…"→"...", "ﬁ"→"fi", "①"→"1", "ß"→"ss", half-width
katakana with a voicing mark (2→1), and combining sequences. Code that maps
offsets back to the original must handle these cases.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache

_QUOTES = {"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'}
# Exactly NFKC's mappings for full-width ASCII and the ideographic space (see tests).
_WIDTH = {**{c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}, 0x3000: 0x20}
# Applied after OpenCC's t2s character table, to both rubric and transcript.
_FOLDS = {
    "衞": "卫", "衹": "只", "敍": "叙", "枱": "台", "粧": "妆", "痺": "痹", "簷": "檐",
    "覆": "复", "瞭": "了", "藉": "借", "著": "着", "帐": "账",
}
# Same-length, applied after the table; no output contains a key, so idempotent.
_PHRASE_FIXES = {"甚么": "什么"}  # all keys start with 甚 (checked in normalize)
# CJK Unified Ideographs: Ext A, URO, compatibility, Ext B-F + compat supplement, Ext G-H.
_CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
               (0x20000, 0x2FA1F), (0x30000, 0x323AF))
_CJK_CLASS = "".join(f"{chr(a)}-{chr(b)}" for a, b in _CJK_RANGES)
_CJK_RE = re.compile(f"[{_CJK_CLASS}]")
_WORD_RE = re.compile(r"[^\W\d_]+")  # a run of letters (CJK ideographs removed first)

#: Share of CJK ideographs among letter units (ideographs + words) for "zh".
ZH_THRESHOLD = 0.5
#: "zh-Hant" when Traditional-only chars outnumber Simplified-only ones this much.
HANT_RATIO = 2.0
_ZH_FAMILY = {"zh", "cmn"}


def _convert_each(config: str) -> dict[str, str]:
    """Convert every unified CJK ideograph alone with OpenCC ``config``."""
    import opencc  # imported lazily: English-only runs never load it

    chars = [chr(c) for a, b in _CJK_RANGES for c in range(a, b + 1)
             if not (0xF900 <= c <= 0xFAFF or 0x2F800 <= c <= 0x2FA1F)]  # NFKC handles these
    out = opencc.OpenCC(config).convert("\n".join(chars)).split("\n")
    if len(out) != len(chars):  # pragma: no cover - would mean an OpenCC change
        raise RuntimeError(f"opencc {config}: unexpected output length")
    return {c: o for c, o in zip(chars, out) if o != c and len(o) == 1}


@cache
def _t2s_chars() -> dict[str, str]:
    return _convert_each("t2s")


@cache
def _table() -> dict[int, str]:
    """Width, quote and Traditional→Simplified folds in one table, chains resolved."""
    raw = {**_t2s_chars(), **_FOLDS}
    table: dict[int, str] = {k: chr(v) for k, v in _WIDTH.items()}
    table.update(str.maketrans(_QUOTES))
    for src, dst in raw.items():
        for _ in range(8):  # chains are at most 2 long; the bound guards against cycles
            if dst not in raw:
                break
            dst = raw[dst]
        table[ord(src)] = dst
    return table


@cache
def _script_sets() -> tuple[frozenset[str], frozenset[str]]:
    """(Traditional-only, Simplified-only) characters, from OpenCC's t2s/s2t tables."""
    trad = frozenset(_t2s_chars())
    simp = frozenset(c for c in _convert_each("s2t") if c not in trad)
    return trad, simp


def has_cjk(text: str) -> bool:
    """True if ``text`` contains at least one CJK unified or compatibility ideograph."""
    return _CJK_RE.search(text) is not None


def _fold_quotes(text: str) -> str:
    for curly, straight in _QUOTES.items():
        if curly in text:
            text = text.replace(curly, straight)
    return text


def normalize(text: str) -> str:
    """Return the matching key of ``text``. Idempotent; see the module docstring."""
    if text.isascii():
        return text.lower()
    cjk = has_cjk(text)
    if cjk:  # one pass folds width, quotes and script, so the NFKC quick check usually passes
        text = text.translate(_table())
    nfkc_ran = not unicodedata.is_normalized("NFKC", text)
    if nfkc_ran:
        text = unicodedata.normalize("NFKC", text)
    text = text.casefold()
    if not unicodedata.is_normalized("NFKC", text):
        text, nfkc_ran = unicodedata.normalize("NFKC", text), True
    if nfkc_ran or not cjk:
        if nfkc_ran:  # NFKC may create ideographs (⾺→馬, compatibility forms)
            cjk = has_cjk(text)
        text = text.translate(_table()) if cjk else _fold_quotes(text)
    if "甚" in text:
        for old, new in _PHRASE_FIXES.items():
            text = text.replace(old, new)
    return text


def detect_language(text: str, *, default: str = "und") -> str:
    """Return "zh", "zh-Hant", "en", or ``default`` ("und") when ``text`` has no letters.

    A letter unit is one CJK ideograph or one run of other letters, such as an English
    word. Counting a hanzi against a whole word, not against a Latin letter, keeps
    "我的iPhone和MacBook都坏了" Chinese. The text is Chinese when ideographs are at least
    ``ZH_THRESHOLD`` of the units. Within Chinese, the result is "zh-Hant" when
    Traditional-only characters (changed by OpenCC t2s) number at least one and at
    least ``HANT_RATIO`` times the Simplified-only ones (changed by s2t). Characters
    common to both scripts do not count. Only English and Chinese are told apart:
    other languages give "en".
    """
    cjk = _CJK_RE.findall(text)
    rest = _CJK_RE.sub(" ", text) if cjk else text
    units = len(cjk) + len(_WORD_RE.findall(rest))
    if units == 0:
        return default
    if len(cjk) / units < ZH_THRESHOLD:
        return "en"
    trad, simp = _script_sets()
    n_trad = sum(c in trad for c in cjk)
    n_simp = sum(c in simp for c in cjk)
    return "zh-Hant" if n_trad >= 1 and n_trad >= HANT_RATIO * n_simp else "zh"


def language_family(tag: str | None) -> str:
    """Map a BCP-47 tag to the rubric phrase-list key.

    zh, cmn and any of their subtags (zh-CN, zh-Hant-TW, ...) give "zh". Other tags
    give their primary subtag, lower-cased ("en-GB"→"en"). None or "" gives "und".
    "_" is accepted as a separator.
    """
    primary = (tag or "").strip().replace("_", "-").split("-")[0].lower()
    if not primary:
        return "und"
    return "zh" if primary in _ZH_FAMILY else primary
