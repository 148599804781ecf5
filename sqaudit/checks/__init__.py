"""Criterion kinds: one module each, registered by name. A module's docstring is its documentation."""

from __future__ import annotations

from types import ModuleType

from sqaudit.checks import complaint, interruption, phrase, pii, prohibited, regex, sequence, timing
from sqaudit.checks import customer_outcome, sentiment
from sqaudit.checks import courtesy

KINDS: dict[str, ModuleType] = {
    module.NAME: module
    for module in (phrase, prohibited, regex, sequence, timing, interruption, pii, complaint)
    + (customer_outcome, sentiment)
    + (courtesy,)
}


def is_detector(kind: str) -> bool:
    return bool(getattr(KINDS.get(kind), "DETECTOR", False))
