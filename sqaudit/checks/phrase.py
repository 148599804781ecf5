"""phrase — the agent says one of the criterion's phrases.

Passes when at least ``min_hits`` phrases from the criterion's ``phrases`` list (for any of
the rubric's languages: agents switch between them) occur in the speaker's turns, optionally
only within the first or last N of that speaker's turns. Fails otherwise, and the failure
carries the rubric's ``say_instead`` so a trainer can show what would have earned it.

Matching is done once per contact for every phrase of the rubric (one Aho-Corasick
automaton): text and phrases are NFKC-folded (full-width forms), case-folded and converted
from Traditional to Simplified Chinese; English phrases must sit on word boundaries
("hi" does not match inside "this"), Chinese phrases match as substrings. A phrase
that directly follows a negation is not counted ("not my fault", "i won't complain",
"不是我们的问题"); phrases that begin with one ("no problem", "不好意思") are unaffected.

Options:
  speaker   agent (default) | customer | any
  first     only the speaker's first N turns count (greetings)
  last      only the speaker's last N turns count (farewells); with ``first`` either counts
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

from sqaudit.checks.base import (ContactContext, Option, Verdict, failed, is_count, is_positive_count,
                                 is_speaker, not_applicable, passed, speaker_of, within_turns)
from sqaudit.rubric.model import Criterion

NAME = "phrase"
PHRASES = "required"
OPTIONS = {
    "speaker": Option("whose turns count: agent, customer or any", "agent", is_speaker),
    "first": Option("only the speaker's first N turns count", None, is_count),
    "last": Option("only the speaker's last N turns count", None, is_count),
    "min_hits": Option("matches needed to pass", 1, is_positive_count),
}


def check(criterion: Criterion, ctx: ContactContext) -> Verdict:
    speaker = speaker_of(criterion)
    if speaker and not ctx.turns_of(speaker):
        return not_applicable(f"no {speaker} turns")
    allowed = within_turns(ctx, speaker or "any", criterion.options.get("first"), criterion.options.get("last"))  # type: ignore[arg-type]
    hits = [h for h in ctx.hits_for(criterion.id, speaker) if allowed is None or h.turn in allowed]
    need = int(criterion.options.get("min_hits") or 1)  # type: ignore[call-overload]
    where = _where(criterion)
    if len(hits) >= need:
        shown = sorted({h.phrase for h in hits})[:3]
        return passed(f"said {', '.join(repr(p) for p in shown)}{where}", hits[:2])
    if hits:
        return failed(f"{len(hits)} of {need} required phrases{where}", hits[:2])
    return failed(f"none of the {_count(criterion)} phrases was said{where}")


def _where(criterion: Criterion) -> str:
    first, last = criterion.options.get("first"), criterion.options.get("last")
    parts = ([f"first {first}"] if first else []) + ([f"last {last}"] if last else [])
    return f" (in the {' or '.join(parts)} turns)" if parts else ""


def _count(criterion: Criterion) -> int:
    return sum(len(p) for p in criterion.phrases.values())
