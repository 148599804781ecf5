"""Evaluate one contact against a compiled rubric: findings with evidence, then scores.

Pure: a transcript in, a ContactResult out. Complaint detectors run first, because
complaint-only criteria depend on them. A criterion whose check raises is recorded with
outcome ``error`` (and counted by the run as an internal error) rather than losing the
batch.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqaudit.checks import KINDS
from sqaudit.checks.base import ContactContext, Hit, Pointer, Verdict
from sqaudit.metrics import contact_metrics
from sqaudit.model import ContactResult, Evidence, Finding, Outcome, Transcript
from sqaudit.redact import redact_after
from sqaudit.rubric.compile import CompiledRubric
from sqaudit.rubric.model import Criterion
from sqaudit.scoring import score_findings
from sqaudit.text import detect_language, language_family, normalize

QUOTE_CHARS = 160


def evaluate(transcript: Transcript, compiled: CompiledRubric) -> ContactResult:
    normalized = [normalize(t.text) for t in transcript.turns]
    language = transcript.language or detect_language(" ".join(t.text for t in transcript.turns[:12]))
    ctx = ContactContext(
        transcript=transcript, language=language, family=language_family(language), normalized=normalized,
        hits=compiled.scan(normalized), metrics=contact_metrics(transcript), criteria=compiled.by_id,
        agent_turns=[i for i, t in enumerate(transcript.turns) if t.speaker == "agent"],
        customer_turns=[i for i, t in enumerate(transcript.turns) if t.speaker == "customer"],
    )
    detected = {c.id: _judge(c, ctx) for c in compiled.detectors}
    ctx.complaint = any(f.outcome is Outcome.PASS for f in detected.values())
    rubric = compiled.rubric
    findings = [detected.get(c.id) or _judge(c, ctx) for c in rubric.criteria]
    score = score_findings(findings, rubric.dimension_weights, rubric.pass_score)
    return ContactResult(
        id=transcript.id, agent=transcript.agent, team=transcript.team, channel=transcript.channel,
        language=language, score=score.overall, passed=score.passed, complaint=ctx.complaint,
        critical_failures=score.critical_failures, dimensions=score.dimensions, findings=score.findings,
        metrics=tuple(sorted(ctx.metrics.items())), source=transcript.source, started_at=transcript.started_at,
    )


def why_not_applicable(criterion: Criterion, ctx: ContactContext) -> str | None:
    """The reason the criterion does not apply to this contact, or None when it does."""
    when = criterion.applies_when
    transcript = ctx.transcript
    if when.channels and (transcript.channel or "other") not in when.channels:
        return f"applies to {', '.join(when.channels)} only, not {transcript.channel or 'unknown channel'}"
    if when.languages and ctx.family not in when.languages:
        return f"applies to {', '.join(when.languages)} only, not {ctx.language}"
    if when.complaint_only and not ctx.complaint:
        return "complaints only, and this contact is not a complaint"
    if when.min_turns and len(transcript.turns) < when.min_turns:
        return f"needs at least {when.min_turns} turns, the contact has {len(transcript.turns)}"
    if getattr(KINDS[criterion.kind], "PHRASES", "") == "required" and ctx.family not in criterion.phrases:
        return f"the rubric has no {ctx.family} phrases for it"
    return None


def _judge(criterion: Criterion, ctx: ContactContext) -> Finding:
    reason = why_not_applicable(criterion, ctx)
    if reason is None:
        try:
            verdict = KINDS[criterion.kind].check(criterion, ctx)
        except Exception as exc:  # a bug in a kind must not lose the batch; the run reports it
            return _finding(criterion, ctx, Verdict(Outcome.ERROR, f"internal error: {type(exc).__name__}: {exc}"))
    else:
        verdict = Verdict(Outcome.NOT_APPLICABLE, reason)
    if verdict.outcome is Outcome.NOT_APPLICABLE and criterion.na_policy != "exclude":
        outcome = Outcome.PASS if criterion.na_policy == "pass" else Outcome.FAIL
        verdict = Verdict(outcome, f"not applicable ({verdict.message}); counted as {outcome.value} by na_policy")
        return _finding(criterion, ctx, verdict, assumed=True)
    return _finding(criterion, ctx, verdict)


def _finding(criterion: Criterion, ctx: ContactContext, verdict: Verdict, assumed: bool = False) -> Finding:
    scored = verdict.outcome in (Outcome.PASS, Outcome.FAIL)
    return Finding(
        criterion_id=criterion.id, dimension=criterion.dimension, section=criterion.section,
        outcome=verdict.outcome, points=criterion.points if verdict.outcome is Outcome.PASS else 0.0,
        max_points=criterion.points if scored else 0.0, message=verdict.message,
        evidence=tuple(_evidence(verdict.evidence, ctx)),
        say_instead=criterion.say_instead_for(ctx.family) if verdict.outcome is Outcome.FAIL else None,
        critical=criterion.critical, assumed=assumed,
    )


def _evidence(pointers: Sequence[Pointer | Hit], ctx: ContactContext) -> list[Evidence]:
    out = []
    seen: set[int] = set()
    for pointer in pointers:
        if pointer.turn in seen:  # two phrases in one turn: one quote is enough
            continue
        seen.add(pointer.turn)
        turn = ctx.transcript.turns[pointer.turn]
        span = (pointer.start, pointer.end) if pointer.start is not None else None
        safe = ctx.redacted.get(pointer.turn)
        if safe is None:  # each turn is redacted at most once per contact
            # with the turn before as context: "What is your PIN?" makes the bare "4829" a secret
            before = ctx.transcript.turns[pointer.turn - 1].text if pointer.turn > 0 else ""
            safe = ctx.redacted[pointer.turn] = redact_after(turn.text, before)
        out.append(Evidence(pointer.turn, turn.speaker, quote(safe, ctx.normalized[pointer.turn], span), turn.start))
    return out


def quote(safe: str, normalized: str, span: tuple[int, int | None] | None) -> str:
    """The (already redacted) turn, cut to about QUOTE_CHARS around the matched span."""
    if len(safe) <= QUOTE_CHARS:
        return safe
    centre = 0
    if span is not None and normalized:
        # spans index the normalised text; its length differs from the original only rarely
        centre = int(span[0] * len(safe) / max(len(normalized), 1))
    begin = max(0, min(centre - QUOTE_CHARS // 3, len(safe) - QUOTE_CHARS))
    cut = safe[begin:begin + QUOTE_CHARS]
    return ("…" if begin > 0 else "") + cut + ("…" if begin + QUOTE_CHARS < len(safe) else "")
