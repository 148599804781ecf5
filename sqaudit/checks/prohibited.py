"""prohibited — the agent never says any of the criterion's phrases.

Passes when none of the phrases occurs in the speaker's turns; fails with every turn that
contained one (up to three quoted). Use it for buck-passing ("that's not my department",
"这不归我们管"), blaming the customer, rude or dismissive words, and promises the company
forbids. Matching follows the same rules as ``phrase`` (case-, width- and script-folded,
word boundaries for English).

Options:
  speaker   agent (default) | customer | any
  first / last / after_agent   the turn window, as for ``phrase``: e.g. ``speaker: customer,
            last: 1, after_agent: true`` fails when the customer's final word is still a complaint
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

from sqaudit.checks.base import (WINDOW_OPTIONS, ContactContext, Option, Verdict, describe_window, failed, is_count,
                                 is_speaker, not_applicable, passed, window_hits)
from sqaudit.rubric.model import Criterion

NAME = "prohibited"
PHRASES = "required"
OPTIONS = {
    "speaker": Option("whose turns are checked: agent, customer or any", "agent", is_speaker),
    **WINDOW_OPTIONS,
    "max_hits": Option("matches tolerated before failing", 0, is_count),
}


def check(criterion: Criterion, ctx: ContactContext) -> Verdict:
    hits = window_hits(criterion, ctx)
    if isinstance(hits, str):
        return not_applicable(hits)
    tolerated = int(criterion.options.get("max_hits") or 0)  # type: ignore[call-overload]
    if len(hits) > tolerated:
        said = sorted({h.phrase for h in hits})[:3]
        return failed(f"said {', '.join(repr(p) for p in said)}{describe_window(criterion)}", hits[:3])
    return passed(f"none of the {sum(len(p) for p in criterion.phrases.values())} prohibited phrases was said"
                  + describe_window(criterion))
