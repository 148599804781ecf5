"""phrase — the agent says one of the criterion's phrases.

Passes when at least ``min_hits`` phrases from the criterion's ``phrases`` list (for any of
the rubric's languages: agents switch between them) occur in the speaker's turns, optionally
only within the first or last N of that speaker's turns. Fails otherwise, and the failure
carries the rubric's ``say_instead`` so a trainer can show what would have earned it; with a
``first``/``last`` window its evidence is the turn where the phrase was due (what was said
instead).

Matching is done once per contact for every phrase of the rubric (one Aho-Corasick
automaton): text and phrases are NFKC-folded (full-width forms), case-folded and converted
from Traditional to Simplified Chinese; English phrases must sit on word boundaries
("hi" does not match inside "this"), Chinese phrases match as substrings. A phrase
ending in ``*`` matches any ending of its last word ("apologi*" finds apologise,
apologized, apologies; "refund*" finds refunded). A phrase that directly follows a
negation is not counted ("not my fault", "i won't complain",
"不是我们的问题"); phrases that begin with one ("no problem", "不好意思") are unaffected.

Options:
  speaker   agent (default) | customer | any
  first     only the speaker's first N turns count (greetings)
  last      only the speaker's last N turns count (farewells); with ``first`` either counts
  after_agent  only the speaker's turns after the agent's first turn count — with
            ``speaker: customer``, the customer's reaction ("thanks, that fixed it");
            not applicable when the customer never replied
  min_hits  how many matches are needed (default 1)

Example:
  - id: COU-01
    dimension: assurance
    title: Greets the customer
    kind: phrase
    options: {first: 2}
    points: 2
    phrases:
      en: ["thank you for calling", "how can i help"]
      zh: ["您好", "很高兴为您服务"]
    say_instead:
      en: "Thank you for calling Northwind, this is Dana. How can I help you today?"
"""

from __future__ import annotations

from sqaudit.checks.base import (WINDOW_OPTIONS, ContactContext, Option, Pointer, Verdict, describe_window, failed,
                                 is_positive_count, is_speaker, not_applicable, passed, window, window_hits)
from sqaudit.rubric.model import Criterion

NAME = "phrase"
PHRASES = "required"
OPTIONS = {
    "speaker": Option("whose turns count: agent, customer or any", "agent", is_speaker),
    **WINDOW_OPTIONS,
    "min_hits": Option("matches needed to pass", 1, is_positive_count),
}


def check(criterion: Criterion, ctx: ContactContext) -> Verdict:
    hits = window_hits(criterion, ctx)
    if isinstance(hits, str):
        return not_applicable(hits)
    need = int(criterion.options.get("min_hits") or 1)  # type: ignore[call-overload]
    where = describe_window(criterion)
    if len(hits) >= need:
        shown = sorted({h.phrase for h in hits})[:3]
        return passed(f"said {', '.join(repr(p) for p in shown)}{where}", hits[:2])
    if hits:
        return failed(f"{len(hits)} of {need} required phrases{where}", hits[:2])
    return failed(f"none of the {sum(len(p) for p in criterion.phrases.values())} phrases was said{where}",
                  said_instead(criterion, ctx))


def said_instead(criterion: Criterion, ctx: ContactContext) -> list[Pointer]:
    """With a first/last window, the turn where the phrase was due: what a trainer plays back."""
    options = criterion.options
    if not (options.get("first") or options.get("last")) or options.get("after_agent"):
        return []
    turns = window(criterion, ctx)
    if isinstance(turns, str) or not turns:
        return []
    return [Pointer(turns[0] if options.get("first") else turns[-1])]
