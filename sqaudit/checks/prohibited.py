"""prohibited — the agent never says any of the criterion's phrases.

Passes when none of the phrases occurs in the speaker's turns; fails with every turn that
contained one (up to three quoted). Use it for buck-passing ("that's not my department",
"这不归我们管"), blaming the customer, rude or dismissive words, and promises the company
forbids. Matching follows the same rules as ``phrase`` (case-, width- and script-folded,
word boundaries for English).

Options:
  speaker   agent (default) | customer | any
  max_hits  how many matches are tolerated before it fails (default 0)

Example:
  - id: OWN-02
    dimension: reliability
    title: Never passes the buck
    kind: prohibited
    points: 3
    phrases:
      en: ["not my department", "you'll have to call"]
      zh: ["这不归我们管", "你自己去问"]
    say_instead:
      en: "I'll take care of this for you and make sure the right team follows up."
"""

from __future__ import annotations

from sqaudit.checks.base import ContactContext, Option, Verdict, failed, is_count, is_speaker, not_applicable, passed, speaker_of
from sqaudit.rubric.model import Criterion

NAME = "prohibited"
PHRASES = "required"
OPTIONS = {
    "speaker": Option("whose turns are checked: agent, customer or any", "agent", is_speaker),
    "max_hits": Option("matches tolerated before failing", 0, is_count),
}


def check(criterion: Criterion, ctx: ContactContext) -> Verdict:
    speaker = speaker_of(criterion)
    if speaker and not ctx.turns_of(speaker):
        return not_applicable(f"no {speaker} turns")
    hits = ctx.hits_for(criterion.id, speaker)
    tolerated = int(criterion.options.get("max_hits") or 0)  # type: ignore[call-overload]
    if len(hits) > tolerated:
        said = sorted({h.phrase for h in hits})[:3]
        return failed(f"said {', '.join(repr(p) for p in said)}", hits[:3])
    return passed(f"none of the {sum(len(p) for p in criterion.phrases.values())} prohibited phrases was said")
