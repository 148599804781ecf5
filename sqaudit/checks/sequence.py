"""sequence — behaviours happen in the right order.

"Handle the emotion first, then the problem": the agent acknowledges the customer's
feelings *before* offering a solution; the complaint loop closes when the agent accepts
the case, it is resolved, and the agent tells the customer the result. Each step is a group
of phrases; the check looks for the earliest match of step 1, then the earliest match of
step 2 at or after it, and so on.

A step is either the id of another criterion (its phrases and speaker are reused), or a
mapping ``{label: ..., speaker: agent|customer|any, phrases: {en: [...], zh: [...]}}``.

Options:
  steps   two or more steps, in the order they must happen (required)
  mode    all (default): every step must happen, in order;
          order: only the steps that happen must be in order (not applicable when fewer
          than two happen) — "if you apologise and solve, apologise first"

Example:
  - id: CMP-SEQ
    dimension: empathy
    title: Emotion first, then the problem
    kind: sequence
    applies_when: {complaint_only: true}
    options:
      mode: order
      steps:
        - EMP-01
        - label: offers a solution
          phrases: {en: ["what i can do", "i can offer"], zh: ["为您处理", "给您办理"]}
"""

from __future__ import annotations

from collections.abc import Mapping

from sqaudit.checks.base import ContactContext, Hit, Option, Verdict, failed, not_applicable, passed, speaker_of
from sqaudit.rubric.model import Criterion

NAME = "sequence"
PHRASES = "unused"
STEP_KEYS = ("label", "speaker", "phrases", "criterion")


def _steps_error(value: object) -> str | None:
    if not isinstance(value, list) or len(value) < 2:
        return "must be a list of two or more steps"
    for i, step in enumerate(value):
        if isinstance(step, str) and step:
            continue
        if not isinstance(step, dict):
            return f"step {i + 1} must be a criterion id or a mapping with 'phrases'"
        unknown = sorted(set(step) - set(STEP_KEYS))
        if unknown:
            return f"step {i + 1}: unknown key '{unknown[0]}' (keys: {', '.join(STEP_KEYS)})"
        if "criterion" not in step:
            phrases = step.get("phrases")
            if not isinstance(phrases, dict) or not any(isinstance(v, list) and v for v in phrases.values()):
                return f"step {i + 1} needs 'phrases' as a mapping language -> list, or 'criterion'"
        if step.get("speaker", "agent") not in ("agent", "customer", "any"):
            return f"step {i + 1}: speaker must be agent, customer or any"
    return None


def _mode_error(value: object) -> str | None:
    return None if value in ("all", "order") else "must be all or order"


OPTIONS = {
    "steps": Option("the steps, in order: criterion ids or {label, speaker, phrases}", None, _steps_error, required=True),
    "mode": Option("all: every step, in order; order: the steps that happen are in order", "all", _mode_error),
}


def step_owners(criterion: Criterion, criteria: Mapping[str, Criterion]) -> list[tuple[str, str | None, str]]:
    """(owner key in the phrase index, speaker or None for any, label) per step.

    A step naming another criterion reuses that criterion's speaker unless it sets its own."""
    owners = []
    for i, step in enumerate(criterion.options.get("steps") or []):  # type: ignore[union-attr]
        spec: Mapping[str, object] = {"criterion": step} if isinstance(step, str) else step
        owner = str(spec["criterion"]) if "criterion" in spec else f"{criterion.id}#{i + 1}"
        referenced = criteria.get(owner)
        speaker = spec.get("speaker") or (speaker_of(referenced) or "any" if referenced else "agent")
        owners.append((owner, None if speaker == "any" else str(speaker), str(spec.get("label") or owner)))
    return owners


def extra_phrases(criterion: Criterion) -> dict[str, dict[str, list[str]]]:
    """Owner key -> language -> phrases for the steps written inline."""
    found: dict[str, dict[str, list[str]]] = {}
    for i, step in enumerate(criterion.options.get("steps") or []):  # type: ignore[union-attr]
        if isinstance(step, Mapping) and "criterion" not in step:
            found[f"{criterion.id}#{i + 1}"] = {str(k): [str(p) for p in v] for k, v in step["phrases"].items()}
    return found


def check(criterion: Criterion, ctx: ContactContext) -> Verdict:
    steps = step_owners(criterion, ctx.criteria)
    if not ctx.agent_turns:
        return not_applicable("no agent turns")
    found: list[tuple[str, list[Hit]]] = [(label, ctx.hits_for(owner, speaker)) for owner, speaker, label in steps]
    if criterion.options.get("mode") == "order":
        found = [(label, hits) for label, hits in found if hits]
        if len(found) < 2:
            return not_applicable("fewer than two of the steps happened")
    chain: list[Hit] = []
    for label, hits in found:
        after = [h for h in hits if not chain or (h.turn, h.start) >= (chain[-1].turn, chain[-1].start)]
        if not after:
            if not hits:
                return failed(f"step '{label}' never happened", chain)
            return failed(f"step '{label}' came too early (turn {hits[0].turn}, before turn {chain[-1].turn})",
                          chain + hits[:1])
        chain.append(after[0])
    return passed(" → ".join(f"{label} (turn {h.turn})" for (label, _), h in zip(found, chain)), chain)
