"""Text normalisation for phrase matching, and language detection.

``normalize`` produces a *matching key*: rubric phrases and transcript text both go
through it and are compared afterwards, so it only has to be consistent on both
sides, not pretty. It is never shown to users; quotes come from the original text.
The steps are:

1. Pure ASCII text (the common English case) only gets ``str.lower()``. For ASCII
   this is the same as the slow path, which is skipped.
2. Otherwise NFKC (this folds full- and half-width forms: "ＯＫ"→"OK", "，"→",",
   U+3000→" ", compatibility ideographs→unified ones), then ``casefold``, then NFKC
   again only if casefolding left the text unnormalised. This order makes the
   result idempotent.
3. Curly quotes ‘ ’ ‚ ‛ / “ ” „ ‟ become ' / ".
4. Traditional→Simplified, character by character, through one ``str.translate``
   table. The table comes from OpenCC's own character dictionary (official ``opencc``
   package, config ``t2s``): each CJK ideograph is converted alone, once, on first
   use (about 40 ms, cached). ``_FOLDS`` adds a few HK/TW variants and Traditional
   usages that OpenCC resolves only at phrase level or not at all, e.g. 回覆→回复,
   瞭解→了解, 帳戶→账户, 看著→看着. These folds also change some Simplified words
   (帐篷→账篷, 显著→显着). That is harmless because both sides are folded alike.
   Chains (薴→苧→苎) are resolved to their end, so the table is idempotent.
   OpenCC's phrase-level conversion is not used here. It is not idempotent
   (乾清宮→乾清宫→干清宫), and its results depend on the surrounding text.
   ``_PHRASE_FIXES`` holds the few same-length phrase fixes that the tests need.
   Regional *vocabulary* (資訊/信息, 連結/链接, 軟體/软件) is not folded.

Length: step 4 maps one character to one character, and so do the quote folds and
the width folding of full-width ASCII and ideographic punctuation. NFKC and
casefold can change length: "…"→"...", "ﬁ"→"fi", "①"→"1", "ß"→"ss", half-width
katakana with a voicing mark (2→1), and combining sequences. Code that maps
offsets back to the original must handle these cases.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'",
                         "“": '"', "”": '"', "„": '"', "‟": '"'})
# Applied after OpenCC's t2s character table, to both rubric and transcript.
_FOLDS = {
    "衞": "卫", "衹": "只", "敍": "叙", "枱": "台", "粧": "妆", "痺": "痹", "簷": "檐",
    "覆": "复", "瞭": "了", "藉": "借", "著": "着", "帐": "账",
}
# Same-length, applied after the table; no output contains a key, so idempotent.
_PHRASE_FIXES = {"甚么": "什么"}
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
    """Convert every non-compatibility CJK ideograph alone with OpenCC ``config``."""
    import opencc  # imported lazily: English-only runs never load it

    chars = [chr(c) for a, b in _CJK_RANGES if a != 0xF900 for c in range(a, b + 1)]
    out = opencc.OpenCC(config).convert("\n".join(chars)).split("\n")
    if len(out) != len(chars):  # pragma: no cover - would mean an OpenCC change
        raise RuntimeError(f"opencc {config}: unexpected output length")
    return {c: o for c, o in zip(chars, out) if o != c and len(o) == 1}


@cache
def _t2s_chars() -> dict[str, str]:
    return _convert_each("t2s")


@cache
def _table() -> dict[int, str]:
    """Traditional→Simplified fold plus quote fold, with chains resolved to their end."""
    raw = {**_t2s_chars(), **_FOLDS}
    table: dict[int, str] = dict(_QUOTES)
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


def normalize(text: str) -> str:
    """Return the matching key of ``text``. Idempotent; see the module docstring."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKC", text).casefold()
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    if not has_cjk(text):
        return text.translate(_QUOTES)
    text = text.translate(_table())
    for old, new in _PHRASE_FIXES.items():
        if old in text:
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
