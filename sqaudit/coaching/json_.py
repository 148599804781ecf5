"""``coach -f json``: a coaching scorecard as JSON, for an LMS or a dashboard to import.

Exactly :meth:`CoachingCard.to_dict`, so the fields are defined once, next to the card.
``ensure_ascii=False`` keeps Chinese quotes readable; quotes are already redacted.
"""

from __future__ import annotations

import json

from sqaudit.coaching import CoachingCard

SUFFIX = ".json"


def render(card: CoachingCard) -> str:
    return json.dumps(card.to_dict(), ensure_ascii=False, indent=1) + "\n"
