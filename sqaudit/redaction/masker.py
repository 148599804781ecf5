"""One string in, the same string with its PII masked out, and a count per kind.

Every file kind of ``sqaudit redact`` hands its text units (a JSON string, a line, a cell)
to one :class:`Masker` per file. It masks what :func:`sqaudit.redact.find_pii` finds,
optionally also what it finds with the previous line as context (a subtitle line ending in
"密码是" and the next one holding the digits), and any *leftover*: a value that sqaudit's
own reader still found in a first redacted copy (a secret split across a turn's lines),
masked wherever it stands as a whole token.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

from sqaudit.redact import KINDS, PiiSpan, find_pii, mask, spans_after

__all__ = ["Masker", "describe_counts"]


class Masker:
    """Callable ``text -> masked text``; ``counts`` says how many values of each kind it masked."""

    def __init__(self, leftovers: Mapping[str, str] | None = None):
        self.counts: Counter[str] = Counter()
        self.leftovers = dict(leftovers or {})
        self._leftover_re = None
        if self.leftovers:  # longest first, so a value is never cut short by a shorter one inside it
            alternatives = "|".join(re.escape(v) for v in sorted(self.leftovers, key=len, reverse=True))
            self._leftover_re = re.compile(f"(?<![0-9A-Za-z])(?:{alternatives})(?![0-9A-Za-z])")

    def __call__(self, text: str, before: str = "", skip: int = 0) -> str:
        """Mask ``text``. With ``before`` (the previous line), a trigger there also masks a value
        here, read from ``text[skip:]`` (after a speaker label such as ``Customer:``)."""
        spans = find_pii(text) + spans_after(text, before, skip)
        if self._leftover_re is not None:
            spans += [PiiSpan(self.leftovers[m.group()], m.start(), m.end())
                      for m in self._leftover_re.finditer(text)]
        if not spans:
            return text
        masked = mask(text, spans)
        if masked != text:
            self.counts.update(_merged_kinds(spans))
        return masked

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _merged_kinds(spans: list[PiiSpan]) -> list[str]:
    """The kind of each masked value once overlapping spans are merged (the best kind wins)."""
    kinds: list[str] = []
    end = -1
    for sp in sorted(spans, key=lambda s: (s.start, s.end)):
        if sp.start < end:
            if KINDS.index(sp.kind) < KINDS.index(kinds[-1]):
                kinds[-1] = sp.kind
            end = max(end, sp.end)
        else:
            kinds.append(sp.kind)
            end = sp.end
    return kinds


LABELS = {"card": "card", "cn_id": "ID", "phone": "phone", "email": "e-mail", "secret": "secret"}


def describe_counts(counts: Mapping[str, int]) -> str:
    """``3 card, 2 phone`` in a fixed kind order."""
    return ", ".join(f"{counts[kind]} {LABELS[kind]}" for kind in ("card", "cn_id", "phone", "email", "secret")
                     if counts.get(kind))
