"""pii — the agent does not read out sensitive numbers or ask for a password.

Fails when an agent turn contains a full bank card number (Luhn-valid), a Chinese resident
ID number (valid checksum) or a full phone number, or when the agent says one of the
criterion's phrases (asking for a password, PIN or verification code: "what's your
password", "请告诉我您的密码"). Seed 001: customers' data must not leak. The quotes in the
evidence are masked like every quote sqaudit writes, so the report itself leaks nothing.

Usually ``critical: fail_contact``.

Options:
  detect   which number kinds count (default [card, cn_id, phone]); phone numbers read back
           to confirm a call-back are common, so teams may drop ``phone``
  speaker  agent (default) | customer | any

Example:
  - id: PII-01
    dimension: assurance
    title: Never reads out a full card number or asks for a password
    kind: pii
    critical: fail_contact
    points: 5
    phrases:
      en: ["your password", "your pin"]
      zh: ["您的密码", "告诉我密码"]
"""

from __future__ import annotations

import re

from sqaudit.checks.base import ContactContext, Hit, Option, Pointer, Verdict, failed, is_speaker, not_applicable, passed, speaker_of
from sqaudit.redact import find_pii
from sqaudit.rubric.model import Criterion

NAME = "pii"
SEVEN_DIGITS = re.compile(r"(?:\d\D{0,3}){7}")
PHRASES = "optional"
KINDS = ("card", "cn_id", "phone")


def _detect_error(value: object) -> str | None:
    if not isinstance(value, list) or not all(v in KINDS for v in value):
        return f"must be a list drawn from {', '.join(KINDS)}"
    return None


OPTIONS = {
    "detect": Option("number kinds that count: " + ", ".join(KINDS), list(KINDS), _detect_error),
    "speaker": Option("whose turns are checked: agent, customer or any", "agent", is_speaker),
}


def check(criterion: Criterion, ctx: ContactContext) -> Verdict:
    speaker = speaker_of(criterion)
    turns = ctx.turns_of(speaker) if speaker else range(len(ctx.transcript.turns))
    if not turns:
        return not_applicable(f"no {speaker} turns")
    wanted = set(criterion.options.get("detect", KINDS))  # type: ignore[arg-type]  # [] = phrases only
    evidence: list[Pointer | Hit] = []
    kinds: set[str] = set()
    for index in turns:
        text = ctx.transcript.turns[index].text
        if not SEVEN_DIGITS.search(text):  # every number kind checked here has at least 7 digits
            continue
        spans = [s for s in find_pii(text) if s.kind in wanted]
        if spans:
            kinds.update(s.kind for s in spans)
            evidence.append(Pointer(index))
    asked = ctx.hits_for(criterion.id, speaker)
    if asked:
        kinds.add("asked for a secret")
        evidence.extend(asked)
    if evidence:
        labels = {"card": "card number", "cn_id": "ID number", "phone": "phone number"}
        said = ", ".join(sorted(labels.get(k, k) for k in kinds))
        return failed(f"exposed sensitive data: {said}", sorted(evidence, key=lambda e: e.turn)[:3])
    return passed("no card, ID or phone number read out, no secret asked for")
