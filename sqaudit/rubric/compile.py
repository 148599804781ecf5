"""Compile a rubric once: every phrase of every criterion into one Aho-Corasick automaton.

Scanning a contact is then one pass per turn whatever the number of phrases. Phrases and
text go through the same :func:`sqaudit.text.normalize`; an English phrase must sit on word
boundaries ("hi" is not found in "this"), a Chinese one matches as a substring, and a phrase
right after a negation ("not", "never", "don't", 不, 没, 别...) is not counted, and a phrase
ending in ``*`` matches any word ending ("apologi*" finds apologise, apologised, apologies).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from itertools import accumulate
from dataclasses import dataclass

import ahocorasick

from sqaudit.checks import KINDS, is_detector
from sqaudit.checks.base import Hit
from sqaudit.rubric.model import Criterion, Rubric
from sqaudit.text import normalize

# owner key, phrase as written, left and right word-boundary checks needed
Entry = tuple[str, str, bool, bool]


# A phrase right after a negation does not count: "not my fault" is no admission of fault,
# "不是我们的问题" no "是我们的问题", "i won't complain" no complaint. Phrases that start with
# the negation themselves ("no problem", "不好意思") are unaffected: only what precedes a hit is read.
NEGATED_EN = re.compile(
    r"(?:^|[^a-z'])(?:not|never|no|nor|neither|without|hardly|cannot|don't|dont|didn't|doesn't|won't|can't|"
    r"isn't|wasn't|aren't|weren't|wouldn't|shouldn't|couldn't|hasn't|haven't|hadn't|mustn't)"
    r"(?:\s+[a-z']+)?\s+$")  # the negation, and at most one word between it and the phrase
NEGATORS_ZH = frozenset("不没别未非无")
NEGATIONS_ZH = frozenset({"没有", "不能", "不会", "不用", "不要", "不是", "不可", "不必", "不再", "不太", "无法", "没法",
                          "未能", "并未", "尚未", "从未", "别再"})
LOOKBACK = 24  # characters read before a phrase when looking for a negation


def negated(text: str, start: int, floor: int = 0) -> bool:
    """Is the phrase at ``start`` right after a negation? Looks back no further than ``floor``
    (the start of its turn), so a negation in the turn before never counts."""
    if start <= floor:
        return False
    before = text[start - 1]
    if before in NEGATORS_ZH:
        return True
    if start - 2 >= floor and text[start - 2:start] in NEGATIONS_ZH:
        # 能不能 / 是不是 ask a question (A-not-A); they negate nothing
        return not (start - 3 >= floor and text[start - 3] == before)
    return before.isspace() and NEGATED_EN.search(text[max(floor, start - LOOKBACK):start]) is not None


def _wordish(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch == "_")


@dataclass(frozen=True)
class CompiledRubric:
    rubric: Rubric
    detectors: tuple[Criterion, ...]
    scored: tuple[Criterion, ...]
    automaton: object | None  # ahocorasick.Automaton, None when the rubric has no phrases
    by_id: Mapping[str, Criterion]

    def scan(self, texts: Sequence[str]) -> dict[str, list[Hit]]:
        """Owner key -> hits, over the normalised turn texts, in turn and position order.

        The turns are joined with newlines (no phrase holds one, and a newline is a word
        boundary) so the automaton runs once per contact rather than once per turn."""
        found: dict[str, list[Hit]] = {}
        if self.automaton is None:
            return found
        joined = "\n".join(texts)
        starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
        for last, (length, entries) in self.automaton.iter(joined):  # type: ignore[attr-defined]
            start = last - length + 1
            turn = bisect_right(starts, start) - 1
            if negated(joined, start, starts[turn]):
                continue
            for owner, phrase, left, right in entries:
                # entries of one key differ in their right boundary ("refund" vs "refund*")
                if left and start > 0 and _wordish(joined[start - 1]):
                    continue
                if right and last + 1 < len(joined) and _wordish(joined[last + 1]):
                    continue
                found.setdefault(owner, []).append(Hit(turn, start - starts[turn], last + 1 - starts[turn], phrase))
        return found


def phrase_groups(criterion: Criterion) -> dict[str, dict[str, list[str]]]:
    """Owner key -> language -> phrases that this criterion asks the matcher to find."""
    groups: dict[str, dict[str, list[str]]] = {}
    if criterion.phrases and getattr(KINDS.get(criterion.kind), "PHRASES", "unused") != "unused":
        groups[criterion.id] = {k: list(v) for k, v in criterion.phrases.items()}
    # a kind may bring phrases of its own (inline sequence steps, built-in lexicons), under its own owner keys
    extra = getattr(KINDS.get(criterion.kind), "extra_phrases", None)
    if extra is not None:
        groups.update(extra(criterion))
    return groups


def compile_rubric(rubric: Rubric) -> CompiledRubric:
    table: dict[str, list[Entry]] = {}
    for criterion in rubric.criteria:
        for owner, by_language in phrase_groups(criterion).items():
            for phrases in by_language.values():
                for phrase in phrases:
                    key = normalize(phrase).strip()
                    stem = key.endswith("*")  # "apologi*": any word ending
                    key = key.rstrip("*").rstrip()
                    if not key:
                        continue
                    entries = table.setdefault(key, [])
                    if all(e[0] != owner for e in entries):  # 对不起 / 對不起 are one phrase once folded
                        entries.append((owner, phrase, _wordish(key[0]), _wordish(key[-1]) and not stem))
    automaton = None
    if table:
        automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
        for key, entries in table.items():
            automaton.add_word(key, (len(key), tuple(entries)))
        automaton.make_automaton()
    detectors = tuple(c for c in rubric.criteria if is_detector(c.kind))
    scored = tuple(c for c in rubric.criteria if not is_detector(c.kind))
    return CompiledRubric(rubric, detectors, scored, automaton, {c.id: c for c in rubric.criteria})
