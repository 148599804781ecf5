"""courtesy — politeness strategies and empathy mechanisms, counted as evidence.

Finds the markers of polite and empathetic language in the speaker's turns, from a built-in
English and Chinese lexicon (:mod:`sqaudit.lexicons.courtesy`), and passes when the net
score reaches ``min``. Politeness markers follow Brown & Levinson as operationalised by
Danescu-Niculescu-Mizil et al. (2013): gratitude, apology, deference and greeting count +2;
please, hedge ("i think", "perhaps", 可能, 也许), indirect request ("could you", "would you
mind", 能否, 麻烦您), honorific (您, 请, 烦请, sir, and humble or respectful forms of address:
敝人, 在下, 各位), agreement ("fair enough", 有道理), inclusive "we" (我们, 咱们), friendly
positive words and smileys ("glad", ":)", 很高兴) and first person at the start ("I have
added…", 我已经…) count +1; direct question ("why…" starting a sentence, 为什么, 凭什么),
rhetorical question ("don't you think…?", "…or not?", 难道…吗？, 有什么不对？), bare imperative
at a sentence start ("stop…", "read…", 不要…, 马上…), please before a demand at the start
("please stop…", 请不要…), second person at the start ("you need to…", 你必须), factuality
("actually", "in fact", 明明, 根本), disagreement ("you're wrong", 不对), repeated "!!"/"?!" and
rude or dismissive words count -2 (one blunt "why…?" is not undone by one hedge); a direct
start (a sentence opening on "so", "and", "but", 所以呢), the plain second person where the
deferential one is due (你 / 你们 rather than 您; "u", "you people") and judging words short of
an insult ("sloppy", "bizarre", 草率, 敷衍: negative_lexicon) count -1. Empathy markers follow
Sharma et al. (2020, EPITOME): emotional reaction ("i'm so sorry to hear", "that must be hard",
听到这个我很难过, offers of support such as "pm me if you want to talk") and encouragement ("hang in
there", 加油), interpretation ("it sounds like", "i understand", "that must be terrifying", "a lot
of people feel", 听起来, 我能理解; not a question about the feeling: "why do you feel like that?") and
shared experience ("i've been through", 我也经历过), exploration ("tell me more", 能具体说说, 发生了什么) and
questions ("how long…?", …吗？) count +1; dismissive phrases
("calm down", 至于吗) count -1.

Scoring: each marker counts its weight at most once per turn (three hedges in one turn are
one hedge strategy, not three), and net = the weights of the markers found, summed over the
turns in the window (positive minus negative). Where matches overlap, the longer reading
wins ("could you" is an indirect request, not also a hedge "could"; "you're right" is
deference, not a second person start). Position rules: direct questions, imperatives,
please-before-a-demand, second person, first person and direct starts count only at the start
of a sentence (in Chinese, of a clause); questions and rhetorical questions only in a sentence
ending with "?" (in Chinese, also 吗/呢).
A marker right after a negation does not count ("not sorry", "不抱歉"), as for every phrase;
a marker inside a longer word or idiom listed as its exception does not count either (请 in
申请, "don't" in "don't worry"). Traditional Chinese input is folded to Simplified first.

The criterion's own ``phrases`` (optional) are company-specific positive markers, counted
like the others under the name "rubric phrase".

Options:
  markers   which markers count: a named set or a list of marker and set names
            (default politeness). Sets: politeness (all politeness markers, both signs),
            courtesy_forms (gratitude apology greeting please indirect honorific),
            impoliteness (the negative ones that weigh -2: with min 0 "no impolite
            markers"; direct_start, informal_you and negative_lexicon count in politeness
            only), empathy,
            emotional_reaction (+ encouragement), interpretation (+ shared_experience),
            exploration (+ open_question). Markers: gratitude apology deference greeting
            please hedge indirect honorific agreement inclusive friendly first_person_start
            direct_question rhetorical_question imperative please_start second_person_start
            direct_start informal_you factuality rude negative_lexicon disagreement exclamation
            emotional_reaction encouragement interpretation shared_experience exploration
            open_question dismissive
  min       net score needed to pass (default 1; 0 or less allowed, e.g. "no more
            negative than positive markers")
  speaker   agent (default) | customer | any
  first     only the speaker's first N turns count
  last      only the speaker's last N turns count; with ``first`` either counts
  after_agent  only turns after the agent's first turn count

Outcome: pass or fail with each marker found as evidence and listed in the message
("net +1 (needs 1): gratitude 'thank you', hedge 'perhaps'; negative: direct question
'why'"; markers in first-found order); not applicable when the speaker has no turns in the window, or the contact's
language has no lexicon (English and Chinese do) and no rubric phrases.

Example:
  - id: CRT-01
    dimension: assurance
    title: Uses polite forms
    kind: courtesy
    options: {markers: politeness, min: 2}
    points: 2
"""

from __future__ import annotations

from collections.abc import Sequence

from sqaudit.checks.base import (
    WINDOW_OPTIONS,
    ContactContext,
    Hit,
    Option,
    Verdict,
    describe_window,
    failed,
    is_speaker,
    not_applicable,
    passed,
    window,
)
from sqaudit.errors import did_you_mean
from sqaudit.lexicons.courtesy import EXCEPT, LABELS, MARKERS, POLARITY, SETS, WHERE
from sqaudit.rubric.model import Criterion

NAME = "courtesy"
PHRASES = "optional"
RUBRIC_MARKER = "rubric phrase"  # the criterion's own phrases: positive, owner key = the criterion id
LANGUAGES = frozenset(lang for phrases in MARKERS.values() for lang, found in phrases.items() if found)
MAX_EVIDENCE = 12


def _markers_error(value: object) -> str | None:
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not names or not all(isinstance(n, str) and n for n in names):
        return "must be a marker set name or a non-empty list of marker and set names"
    for name in names:
        if name not in MARKERS and name not in SETS:
            hint = did_you_mean(name, [*MARKERS, *SETS])
            return (f"unknown marker '{name}'" + (f" ({hint})" if hint else "")
                    + f"; sets: {', '.join(SETS)}; markers: {', '.join(MARKERS)}")
    return None


def _is_whole_number(value: object) -> str | None:
    ok = isinstance(value, int) and not isinstance(value, bool)
    return None if ok else "must be a whole number (the net marker score needed; may be 0 or negative)"


OPTIONS = {
    "markers": Option("which markers count: a set (politeness, empathy, emotional_reaction, interpretation, "
                      "exploration, courtesy_forms, impoliteness) or a list of marker and set names",
                      "politeness", _markers_error),
    "min": Option("net score (marker weights, each marker once per turn, positive minus negative) needed to pass", 1,
                  _is_whole_number),
    "speaker": Option("whose turns count: agent, customer or any", "agent", is_speaker),
    **WINDOW_OPTIONS,
}


def selected(criterion: Criterion) -> tuple[str, ...]:
    """The marker names the criterion counts, sets expanded, in first-mentioned order."""
    value = criterion.options.get("markers") or "politeness"
    names = [value] if isinstance(value, str) else list(value)  # type: ignore[call-overload]
    out: dict[str, None] = {}
    for name in names:
        for marker in SETS.get(str(name), (str(name),)):
            if marker in MARKERS:
                out[marker] = None
    return tuple(out)


def extra_phrases(criterion: Criterion) -> dict[str, dict[str, list[str]]]:
    """Owner key -> language -> phrases: each selected marker (``ID#marker``) and its exceptions (``ID#marker!``)."""
    found: dict[str, dict[str, list[str]]] = {}
    for marker in selected(criterion):
        found[f"{criterion.id}#{marker}"] = {lang: list(p) for lang, p in MARKERS[marker].items() if p}
        if any(EXCEPT.get(marker, {}).values()):
            found[f"{criterion.id}#{marker}!"] = {lang: list(p) for lang, p in EXCEPT[marker].items() if p}
    return found


# Sentence boundaries in normalised text (full-width ？！；： are folded to ASCII by normalize).
_ENDS = frozenset(".!?;:。\n…")
_CLAUSE = frozenset(",、")  # a Chinese clause starts after these too
_SKIP = frozenset(" \t\"'()[]{}<>*-–—_~「」『』《》【】“”‘’")


def _cjk(phrase: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in phrase)


def at_sentence_start(text: str, start: int, cjk: bool = False) -> bool:
    """Does ``start`` begin a sentence (for Chinese, a clause), ignoring quotes, brackets and dashes?"""
    i = start - 1
    while i >= 0 and text[i] in _SKIP:
        i -= 1
    return i < 0 or text[i] in _ENDS or (cjk and text[i] in _CLAUSE)


def in_question(text: str, end: int) -> bool:
    """Does the sentence holding the span ending at ``end`` end with a question mark?"""
    i = end
    while i < len(text) and text[i] not in ".!?。\n;":
        i += 1
    if i < len(text) and text[i] == "?":
        return True
    sentence = text[:i].rstrip(" \"')」』")
    return bool(sentence) and sentence[-1] in "吗呢"  # a Chinese question written without its mark


def _place_ok(marker: str, hit: Hit, text: str) -> bool:
    rule = WHERE.get(marker)
    if rule is None:
        return True
    if rule == "question":
        return in_question(text, hit.end)
    start = at_sentence_start(text, hit.start, _cjk(hit.phrase))
    return start if rule == "start" else not start


def _word_end(text: str, hit: Hit) -> Hit:
    """A stem hit ("thank*") stretched to the end of its word ("thanks")."""
    if not hit.phrase.endswith("*"):
        return hit
    end = hit.end
    while end < len(text) and (text[end].isalnum() or text[end] == "'") and text[end].isascii():
        end += 1
    return Hit(hit.turn, hit.start, end, hit.phrase)


def marker_hits(criterion: Criterion, ctx: ContactContext, turns: Sequence[int]) -> list[tuple[str, Hit]]:
    """(marker, hit) pairs that count, in turn and text order, after position, exception and overlap rules."""
    allowed = set(turns)
    found: list[tuple[str, Hit]] = []
    for marker in selected(criterion):
        vetoes = [h for h in ctx.hits.get(f"{criterion.id}#{marker}!", ()) if h.turn in allowed]
        for hit in ctx.hits.get(f"{criterion.id}#{marker}", ()):
            if hit.turn not in allowed:
                continue
            text = ctx.normalized[hit.turn]
            if not _place_ok(marker, hit, text):
                continue
            if any(v.turn == hit.turn and v.start < hit.end and hit.start < v.end for v in vetoes):
                continue
            found.append((marker, _word_end(text, hit)))
    found += [(RUBRIC_MARKER, _word_end(ctx.normalized[h.turn], h))
              for h in ctx.hits.get(criterion.id, ()) if h.turn in allowed]
    # overlapping matches: the longer reading wins ("could you" over the hedge "could")
    kept = [(m, h) for m, h in found
            if not any(o.turn == h.turn and o.start <= h.start and h.end <= o.end
                       and o.end - o.start > h.end - h.start for _, o in found)]
    return sorted(kept, key=lambda mh: (mh[1].turn, mh[1].start, mh[1].end, mh[0]))


def _polarity(marker: str) -> int:
    return POLARITY.get(marker, 1)


def net_score(pairs: Sequence[tuple[str, Hit]]) -> int:
    """Positive minus negative markers, each marker counted at most once per turn."""
    return sum(_polarity(marker) for marker, _ in {(m, h.turn): h for m, h in pairs})


def check(criterion: Criterion, ctx: ContactContext) -> Verdict:
    if ctx.family not in LANGUAGES and ctx.family not in criterion.phrases:
        return not_applicable(f"no courtesy lexicon for {ctx.language}")
    turns = window(criterion, ctx)
    if isinstance(turns, str):
        return not_applicable(turns)
    pairs = marker_hits(criterion, ctx, turns)
    net = net_score(pairs)
    need = int(criterion.options.get("min", 1))  # type: ignore[call-overload]
    first: dict[str, Hit] = {}
    for marker, hit in pairs:
        first.setdefault(marker, hit)

    def said(marker: str) -> str:
        hit = first[marker]
        return f"{LABELS.get(marker, marker)} '{ctx.normalized[hit.turn][hit.start:hit.end]}'"

    good = [said(m) for m in first if _polarity(m) > 0]
    bad = [said(m) for m in first if _polarity(m) < 0]
    found = ", ".join(good) if good else "no positive markers"
    found += f"; negative: {', '.join(bad)}" if bad else ""
    message = f"net {net:+d} (needs {need}){describe_window(criterion)}: {found}"
    evidence = [hit for _, hit in pairs][:MAX_EVIDENCE]
    return passed(message, evidence) if net >= need else failed(message, evidence)
