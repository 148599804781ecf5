"""The sentences and figures a coaching scorecard shows, shared by its Markdown and HTML pages.

Both pages must say the same thing in the same words, so the wording lives here once:
labels come from :mod:`sqaudit.i18n` in the card's language, figures are formatted one way
(a mean reads ``49.1 ±12.4 (n=26)``). Everything returned is plain text, not yet escaped:
the Markdown renderer escapes it with ``md_escape``, the HTML template autoescapes it.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqaudit.coaching import CoachingCard, CoachingItem, ProfileLine
from sqaudit.groups import Quote
from sqaudit.i18n import dimension, format_time, labels, reasons_text
from sqaudit.stats import Estimate
from sqaudit.templating import DASH

SEP = " · "  # between a quote's label, contact and time: reads the same in English and Chinese


def text(card: CoachingCard) -> Mapping[str, str]:
    return labels(card.language)


def colon(card: CoachingCard) -> str:
    """A label's colon: full-width after Chinese labels."""
    return "：" if card.language == "zh" else ": "


def name(key: str | None, t: Mapping[str, str]) -> str:
    return t["none"] if key is None else key


def title(card: CoachingCard) -> str:
    t = text(card)
    return t["coaching_title"].format(agent=name(card.agent.key, t))


def intro(card: CoachingCard) -> str:
    """Who, which team, how many contacts (the n a reader weighs everything else by), which rubric."""
    t = text(card)
    return t["coaching_for"].format(agent=name(card.agent.key, t), team=name(card.agent.team, t),
                                    n=card.agent.contacts, rubric=card.rubric_title)


def score(card: CoachingCard) -> str:
    return text(card)["mean_score"] + colon(card) + mean_text(card.agent.score)


def warning(card: CoachingCard) -> str | None:
    """The insufficient-evidence warning with its reasons, or None when the evidence is enough."""
    if not card.agent.insufficient:
        return None
    return text(card)["warning_insufficient"].format(reasons=reasons_text(card.agent.insufficient, card.language))


def where(card: CoachingCard, quote: Quote) -> str:
    """"contact m-0001 · at 0:34": the contact, and the time when the transcript has one."""
    t = text(card)
    parts = [t["in_contact"].format(contact=quote.contact_id)]
    if quote.evidence is not None and quote.evidence.start is not None:
        parts.append(t["at_time"].format(time=format_time(quote.evidence.start)))
    return SEP.join(parts)


SAID_KINDS = ("phrase", "sequence")


def example(card: CoachingCard, quote: Quote) -> str:
    """The line above a quote: "Example: contact m-0001 · at 0:34"."""
    return text(card)["example"] + colon(card) + where(card, quote)


def no_quote(card: CoachingCard, quote: Quote) -> str:
    """What stands in for words when the finding was that nothing was said.

    A missed phrase is simply "not said" (the engine's "none of the 93 phrases" is for
    rubric authors); other kinds keep their message, which says what was measured.
    """
    if card.kinds.get(quote.criterion_id) in SAID_KINDS:
        return text(card)["not_said"]
    return text(card)["no_quote"].format(message=quote.message)


def criterion_heading(item: CoachingItem) -> str:
    return f"{item.title} ({item.criterion.id})"


def tally(card: CoachingCard, item: CoachingItem, missed: bool) -> str:
    t = text(card)
    if missed:
        return t["missed_in"].format(missed=item.missed, judged=item.judged)
    return t["met_in"].format(met=item.met, judged=item.judged)


def say_instead_label(card: CoachingCard) -> str:
    return text(card)["say_instead"] + colon(card)


def mean_text(est: Estimate) -> str:
    if est.value is None:
        return f"{DASH} (n=0)"
    half = f" ±{est.half:.1f}" if est.half is not None else ""
    return f"{est.value:.1f}{half} (n={est.n})"


def value_text(est: Estimate | None) -> str:
    return DASH if est is None or est.value is None else f"{est.value:.1f}"


def difference_text(line: ProfileLine) -> str:
    return DASH if line.difference is None else f"{line.difference:+.1f}"


def profile_headers(card: CoachingCard) -> list[str]:
    t = text(card)
    return [t["dimension"], t["this_agent"], t["team_mean"], t["difference"]]


def profile_rows(card: CoachingCard) -> list[list[str]]:
    """Per dimension: its name, this agent's mean ±half (n), the team's mean, agent minus team."""
    return [[dimension(p.dimension, card.language), mean_text(p.agent), value_text(p.team), difference_text(p)]
            for p in card.profile]
