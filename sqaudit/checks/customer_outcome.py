"""customer_outcome — what the customer's own words say about how the contact went.

Reliability and responsiveness are judged by outcomes as much as by wording. This kind reads
the customer's turns *after the agent's first turn* (their reaction to the service) for one
``signal``, with a built-in English and Chinese lexicon (sqaudit/lexicons/outcome.py; add your
own phrases with ``phrases``):

  resolved     the customer confirms it worked or thanks the agent ("that fixed it", "好的，谢谢")
               in their last ``last`` turns (default 2). Pass when found, fail when not.
  unresolved   the customer's last ``last`` turns (default 1) still say it is not solved
               ("still not working", "还是不行", "算了"). Fail when found.
  repeat       the customer had to ask again (seed 004): they say so ("I already told you",
               "我都说了", "第三次") or restate one of their earlier turns almost word for word
               (character-bigram overlap >= ``similarity``, default 0.8, on turns of at least
               12 Chinese characters or 30 letters, with an agent turn in between). Fail when found.
  escalation   the customer asks for a manager or supervisor ("找你们领导"). Fail when found.
  threat       the customer threatens to complain elsewhere or to leave ("12315", "cancel my
               account", "差评"). Fail when found.

For every signal, the contact is not applicable when the customer said nothing after the
agent's first turn (a one-shot message shows no reaction). Evidence is the customer's words;
for a restatement, the earlier and the later turn.

Options:
  signal      resolved | unresolved | repeat | escalation | threat (required)
  last        how many of the customer's final turns count (resolved: 2, unresolved: 1,
              others: all turns after the agent's first)
  similarity  repeat only: bigram overlap that counts as a restatement (0.3-1.0, default 0.8;
              1.0 = only turns with the same bigrams)

Example:
  - id: OUT-03
    dimension: reliability
    title: The customer did not have to ask again
    kind: customer_outcome
    points: 3
    options: {signal: repeat}
"""

from __future__ import annotations

from sqaudit.checks.base import (
    ContactContext,
    Hit,
    Option,
    Pointer,
    Verdict,
    failed,
    is_positive_count,
    not_applicable,
    passed,
)
from sqaudit.lexicons.outcome import OUTCOME
from sqaudit.rubric.model import Criterion

NAME = "customer_outcome"
PHRASES = "optional"
SPEAKER = "customer"
SIGNALS = tuple(OUTCOME)
DEFAULT_LAST = {"resolved": 2, "unresolved": 1}
# A restatement must be long enough to be a request, not "yes that's fine": Chinese packs
# about as much into 12 characters as English into 30 letters.
MIN_RESTATED_CHARS = {"zh": 12, "other": 30}
LOOK_BACK = 20  # earlier customer turns compared with each later one; bounds the cost of long chats


def _signal_error(value: object) -> str | None:
    return None if value in SIGNALS else f"must be one of {', '.join(SIGNALS)}"


def _share_error(value: object) -> str | None:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and 0.3 <= value <= 1.0
    return None if ok else "must be a number from 0.3 to 1.0"


OPTIONS = {
    "signal": Option("which outcome to look for: " + ", ".join(SIGNALS), None, _signal_error, required=True),
    "last": Option("how many of the customer's final turns count", None, is_positive_count),
    "similarity": Option("repeat: bigram overlap that counts as restating an earlier turn", 0.8, _share_error),
}


def extra_phrases(criterion: Criterion) -> dict[str, dict[str, list[str]]]:
    signal = criterion.options.get("signal")
    if signal not in OUTCOME:
        return {}
    return {f"{criterion.id}#{signal}": {lang: list(p) for lang, p in OUTCOME[str(signal)].items()}}


def reaction_turns(criterion: Criterion, ctx: ContactContext) -> list[int] | str:
    """The customer's turns after the agent's first, cut to the signal's ``last`` window."""
    if not ctx.agent_turns:
        return "no agent turns"
    after = [i for i in ctx.customer_turns if i > ctx.agent_turns[0]]
    if not after:
        return "the customer said nothing after the agent's first turn"
    signal = str(criterion.options.get("signal"))
    last = criterion.options.get("last") or DEFAULT_LAST.get(signal)
    return after[-int(last):] if last else after  # type: ignore[call-overload]


def check(criterion: Criterion, ctx: ContactContext) -> Verdict:
    turns = reaction_turns(criterion, ctx)
    if isinstance(turns, str):
        return not_applicable(turns)
    signal = str(criterion.options.get("signal"))
    allowed = set(turns)
    hits = [h for key in (f"{criterion.id}#{signal}", criterion.id) for h in ctx.hits.get(key, ()) if h.turn in allowed]
    hits.sort(key=lambda h: (h.turn, h.start))
    said = ", ".join(repr(p) for p in sorted({h.phrase for h in hits})[:3])
    if signal == "resolved":
        if hits:
            return passed(f"the customer confirmed: {said}", hits[:2])
        return failed(f"no confirmation in the customer's last {len(turns)} turn(s)", [Pointer(turns[-1])])
    evidence: list[Hit | Pointer] = list(hits[:2])
    if signal == "repeat" and not hits:
        pair = restated(ctx, turns, float(criterion.options.get("similarity") or 0.8))  # type: ignore[arg-type]
        if pair:
            return failed(f"the customer restated turn {pair[0] + 1} in turn {pair[1] + 1}", [Pointer(t) for t in pair])
    if hits:
        return failed(f"{signal.replace('_', ' ')}: the customer said {said}", evidence)
    return passed(f"no sign of {signal} in the customer's reaction")


def bigrams(text: str) -> set[str]:
    squeezed = "".join(ch for ch in text if ch.isalnum())
    return {squeezed[i:i + 2] for i in range(len(squeezed) - 1)}


def restated(ctx: ContactContext, later: list[int], threshold: float) -> tuple[int, int] | None:
    """(earlier, later) customer turns where the later one says the earlier again, or None.

    Overlap is the Dice coefficient of character bigrams of the normalised text, which treats
    English and Chinese alike and survives small edits ("still cant login" / "still can't log in")."""
    grams = {i: bigrams(ctx.normalized[i]) for i in ctx.customer_turns}
    shortest = MIN_RESTATED_CHARS["zh" if ctx.family == "zh" else "other"]
    earlier_turns = [i for i in ctx.customer_turns if len(grams[i]) + 1 >= shortest]
    for turn in later:
        if turn not in grams:
            continue
        for before in [i for i in earlier_turns if i < turn][-LOOK_BACK:]:
            if not any(before < a < turn for a in ctx.agent_turns):
                continue  # two customer messages in a row are one request, not a repeat
            a, b = grams[before], grams[turn]
            if a and b and 2 * len(a & b) / (len(a) + len(b)) >= threshold:
                return before, turn
    return None
