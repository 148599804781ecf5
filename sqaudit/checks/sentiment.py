"""sentiment — how the customer feels at the start and at the end of the contact.

A lexicon-based sentiment trajectory in English and Chinese (sqaudit/lexicons/sentiment.py):
each of the speaker's turns gets a polarity, the sum of its hits (positive words +1, strong
ones such as "excellent" / "太感谢" +2; negative -1, strong ones such as "ridiculous" / "垃圾"
-2), clipped to -3..+3. A positive word right after a negation ("not good", "不满意" is listed
as negative itself) does not count as positive. ``start`` is the mean polarity of the
speaker's first ``turns`` turns; ``end`` of their last ``turns`` turns after the agent's first
turn, i.e. their reaction to the service. Evidence is every sentiment word in those turns.

Options:
  measure  end (default): pass when end >= min; the customer does not finish unhappy
           change: pass when end - start >= min; the mood did not get worse (or improved)
  min      the threshold (default 0)
  turns    how many turns make the start and the end (default 1)
  speaker  customer (default) | agent

Not applicable when the speaker said nothing after the agent's first turn (for ``change``,
also when the speaker has only that one turn: there is no trajectory).

Example:
  - id: SEN-01
    dimension: empathy
    title: The customer does not end the contact unhappy
    kind: sentiment
    points: 3
    options: {measure: end, min: 0}
"""

from __future__ import annotations

from sqaudit.checks.base import (
    ContactContext,
    Hit,
    Option,
    Verdict,
    failed,
    is_positive_count,
    not_applicable,
    passed,
)
from sqaudit.lexicons.sentiment import SENTIMENT, WEIGHTS
from sqaudit.rubric.model import Criterion

NAME = "sentiment"
PHRASES = "unused"
SPEAKER = "customer"
CLIP = 3
MEASURES = ("end", "change")


def _measure_error(value: object) -> str | None:
    return None if value in MEASURES else "must be end or change"


def _number_error(value: object) -> str | None:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and -6 <= value <= 6
    return None if ok else "must be a number from -6 to 6"


def _speaker_error(value: object) -> str | None:
    return None if value in ("customer", "agent") else "must be customer or agent"


OPTIONS = {
    "measure": Option("end (the final mood) or change (end minus start)", "end", _measure_error),
    "min": Option("threshold the measure must reach", 0, _number_error),
    "turns": Option("turns that make the start and the end", 1, is_positive_count),
    "speaker": Option("whose mood: customer or agent", "customer", _speaker_error),
}


def extra_phrases(criterion: Criterion) -> dict[str, dict[str, list[str]]]:
    return {f"{criterion.id}#{tone}": {lang: list(p) for lang, p in by_lang.items()}
            for tone, by_lang in SENTIMENT.items()}


def polarity(criterion: Criterion, ctx: ContactContext) -> tuple[dict[int, int], dict[int, list[tuple[Hit, int]]]]:
    """Turn -> clipped polarity and turn -> (hit, weight), for every turn with a sentiment word.

    Overlapping hits count once, the longest: "thank you so much" is one strong thanks, not
    also a "thank*"."""
    weight_of = {}
    for tone, weight in WEIGHTS.items():
        for hit in ctx.hits.get(f"{criterion.id}#{tone}", ()):
            weight_of[hit] = weight
    score: dict[int, int] = {}
    hits: dict[int, list[tuple[Hit, int]]] = {}
    for hit in sorted(weight_of, key=lambda h: (h.turn, h.start, h.start - h.end)):
        kept = hits.get(hit.turn)
        if kept and hit.start < kept[-1][0].end:
            continue  # inside (or overlapping) a longer phrase already counted
        score[hit.turn] = score.get(hit.turn, 0) + weight_of[hit]
        hits.setdefault(hit.turn, []).append((hit, weight_of[hit]))
    return {t: max(-CLIP, min(CLIP, s)) for t, s in score.items()}, hits


def check(criterion: Criterion, ctx: ContactContext) -> Verdict:
    speaker = str(criterion.options.get("speaker") or "customer")
    if not ctx.agent_turns:
        return not_applicable("no agent turns")
    own = ctx.turns_of(speaker)
    after = [i for i in own if i > ctx.agent_turns[0]]
    if not after:
        return not_applicable(f"the {speaker} said nothing after the agent's first turn")
    size = int(criterion.options.get("turns") or 1)  # type: ignore[call-overload]
    score, hits = polarity(criterion, ctx)
    end_turns = after[-size:]
    end = sum(score.get(t, 0) for t in end_turns) / len(end_turns)
    threshold = float(criterion.options.get("min") or 0)  # type: ignore[arg-type]
    measure = criterion.options.get("measure") or "end"
    if measure == "change":
        start_turns = [t for t in own[:size] if t not in end_turns]
        if not start_turns:
            return not_applicable(f"the {speaker} has one turn only; no trajectory")
        start = sum(score.get(t, 0) for t in start_turns) / len(start_turns)
        value, shown = end - start, start_turns + end_turns
        message = f"{speaker} sentiment {start:+.1f} -> {end:+.1f} (change {value:+.1f}, needs >= {threshold:+g})"
    else:
        value, shown = end, end_turns
        message = f"{speaker} sentiment at the end {end:+.1f} (needs >= {threshold:+g})"
    evidence = [h for t in shown for h, _ in hits.get(t, ())][:4]
    words = sorted({h.phrase for h in evidence})[:4]
    if words:
        message += ": " + ", ".join(repr(w) for w in words)
    return passed(message, evidence) if value >= threshold else failed(message, evidence)
