"""``coach -f markdown``: a coaching scorecard as a Markdown page, for a wiki, a ticket or a chat.

The page reads top to bottom the way a one-to-one goes: who and how many contacts (and,
when they are too few, a warning up front), critical failures, the things to work on with
the agent's own words and what to say instead, what went well, then the dimension profile
as a GitHub table. Quotes and ids come from transcripts, so every piece of data goes
through :func:`md_escape`: a quote cannot turn into a link, an image, HTML or a heading
when the page is rendered, nor break out of its blockquote or table cell.
"""

from __future__ import annotations

import re

from tabulate import tabulate

from sqaudit.coaching import CoachingCard, CoachingItem
from sqaudit.coaching import views as v
from sqaudit.groups import Quote

SUFFIX = ".md"

# backslash first in the class is irrelevant: re.sub escapes each character once, left to right
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def md_escape(text: str) -> str:
    """One line of literal text: whitespace runs (newlines too) become one space, and every
    character Markdown gives a meaning to (``\\ ` * _ [ ] < > | # ~``) gets a backslash."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def render(card: CoachingCard) -> str:
    t = v.text(card)
    out = [f"# {md_escape(v.title(card))}", "", md_escape(v.intro(card)), "", md_escape(v.score(card)), ""]
    warning = v.warning(card)
    if warning:
        out += [f"> **{md_escape(warning)}**", ""]
    out += [f"## {md_escape(t['critical_first'])}", ""]
    if card.critical:
        for quote, criterion_title in card.critical:
            head = f"- **{md_escape(criterion_title)}** ({md_escape(quote.criterion_id)}){v.colon(card)}"
            out += _quote(card, quote, head)
    else:
        out += [md_escape(t["no_critical"]), ""]
    out += [f"## {md_escape(t['to_work_on'])}", ""]
    out += _items(card, card.to_work_on, missed=True) if card.to_work_on else [md_escape(t["nothing_missed"]), ""]
    out += [f"## {md_escape(t['strengths'])}", ""]
    out += _items(card, card.strengths, missed=False) if card.strengths else [md_escape(t["none"]), ""]
    out += [f"## {md_escape(t['profile'])}", "", _profile(card)]
    return "\n".join(out) + "\n"


def _items(card: CoachingCard, items: tuple[CoachingItem, ...], missed: bool) -> list[str]:
    out: list[str] = []
    for number, item in enumerate(items, 1):
        out += [f"### {number}. {md_escape(v.criterion_heading(item))}", "", md_escape(v.tally(card, item, missed)), ""]
        for quote in item.quotes:
            out += _quote(card, quote, f"- {md_escape(v.text(card)['example'])}{v.colon(card)}")
        if item.say_instead:
            out += [f"**{md_escape(v.say_instead_label(card).strip())}** {md_escape(item.say_instead)}", ""]
    return out


def _quote(card: CoachingCard, quote: Quote, head: str) -> list[str]:
    """A list item naming the contact and time, then the agent's words as an indented blockquote."""
    if quote.evidence is None:
        return [f"{head}{md_escape(v.where(card, quote))}{v.SEP}{md_escape(v.no_quote(card, quote))}", ""]
    return [f"{head}{md_escape(v.where(card, quote))}", "", f"  > {md_escape(quote.evidence.quote)}", ""]


def _profile(card: CoachingCard) -> str:
    rows = [[md_escape(cell) for cell in row] for row in v.profile_rows(card)]
    headers = [md_escape(h) for h in v.profile_headers(card)]
    return tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True,
                    colalign=("left", "right", "right", "right"))
