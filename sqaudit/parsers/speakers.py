"""Who is the agent: speaker labels of exports mapped to agent, customer or system.

A label that names a role is mapped by a fixed table (``Agent``, ``客服``, ``visitor``,
``bot``, ``系统`` ...; a mapping file's ``speakers:`` adds to it). Other labels — people's
names from a meeting tool, ``spk_0`` / ``Speaker 1`` from an ASR — are mapped per contact:

1. ``--agent-speaker LABEL`` (repeatable) names the agent; every other such label is then
   the customer.
2. Otherwise a heuristic, always reported as a notice: the label whose first turns sound like
   an agent opening a contact ("thank you for calling", "how can I help", "请问有什么可以帮您",
   "工号" ...) is the agent; if no label or more than one does, the label that speaks first is
   (calls open with the agent's greeting). Every other label is the customer. When a role
   label already names the agent, the other labels are the customer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

ROLE_WORDS = {
    "agent": ("agent", "human agent", "human_agent", "representative", "rep", "advisor", "adviser", "staff",
              "operator", "csr", "support", "service", "客服", "人工客服", "客服人员", "坐席", "座席", "客服代表",
              "客服專員", "客服专员", "服务人员", "服務人員"),
    "customer": ("customer", "client", "caller", "visitor", "user", "end user", "end_user", "guest", "consumer",
                 "member", "客户", "顾客", "用户", "访客", "来电人", "客戶", "顧客", "用戶", "訪客", "來電人", "买家",
                 "買家"),
    "system": ("system", "bot", "robot", "chatbot", "virtual agent", "automated agent", "automated_agent", "ivr",
               "系统", "机器人", "智能客服", "系統", "機器人", "自动回复", "自動回覆"),
}
_ROLES = {unicodedata.normalize("NFKC", w).casefold(): role for role, words in ROLE_WORDS.items() for w in words}
DIARIZED = re.compile(r"^(?:spk|speaker|spkr|s|说话人|說話人|发言人|發言人)[\s_#-]*\d{1,3}$", re.IGNORECASE)
OPENING = re.compile(
    r"thank(?:s| you) for (?:calling|contacting|choosing|holding)|how (?:can|may) i (?:help|assist)|"
    r"what can i do for you|welcome to|my name is \w+,? (?:and )?(?:i'm|i am|how)|speaking,? how|"
    r"有什么可以帮|有什麼可以幫|很高兴为您服务|很高興為您服務|为您服务|為您服務|感谢来电|感謝來電|感谢您的来电|工号|工號",
    re.IGNORECASE)


OPENING_TURNS = 3


def _key(label: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", label).casefold().split())


def role_of(label: str, speaker_map: Sequence[tuple[str, str]] = ()) -> str | None:
    """agent / customer / system for a label that names a role (or is mapped), else None."""
    key = _key(label)
    for value, role in speaker_map:
        if _key(value) == key:
            return role
    return _ROLES.get(key)


def is_diarized(label: str) -> bool:
    """``spk_0``, ``Speaker 1``, ``说话人2``: an ASR's numbered speaker, not a role or a name."""
    return bool(DIARIZED.match(label.strip()))


def assign(turns: Iterable[tuple[str, str]], agent_speaker: Sequence[str] = (),
           speaker_map: Sequence[tuple[str, str]] = ()) -> tuple[dict[str, str], str | None]:
    """Map every label of one contact (``turns`` = (label, text) in order) to a role.

    Returns the mapping and, when a heuristic decided, the sentence that reports it."""
    mapping: dict[str, str] = {}
    unknown: list[str] = []
    opening: dict[str, list[str]] = {}  # a label's first few turns: enough for a greeting split over cues
    for label, text in turns:
        if label in mapping:
            continue
        if label in opening:
            if len(opening[label]) < OPENING_TURNS:
                opening[label].append(text)
            continue
        role = role_of(label, speaker_map)
        if role is not None:
            mapping[label] = role
        else:
            unknown.append(label)
            opening[label] = [text]
    if not unknown:
        return mapping, None
    chosen = {_key(a) for a in agent_speaker}
    if chosen:
        mapping.update({label: "agent" if _key(label) in chosen else "customer" for label in unknown})
        return mapping, None
    if "agent" in mapping.values():
        mapping.update({label: "customer" for label in unknown})
        return mapping, (f"{_quoted(unknown)} taken as the customer (another speaker is the agent; "
                         "--agent-speaker overrides)")
    openers = [label for label in unknown if OPENING.search(" ".join(opening[label]))]
    agent = openers[0] if len(openers) == 1 else unknown[0]
    why = "opens like an agent" if len(openers) == 1 else "spoke first"
    mapping.update({label: "agent" if label == agent else "customer" for label in unknown})
    others = [label for label in unknown if label != agent]
    rest = f", {_quoted(others)} as the customer" if others else ""
    return mapping, f"'{agent}' taken as the agent ({why}; --agent-speaker overrides){rest}"


def _quoted(labels: Sequence[str]) -> str:
    return ", ".join(f"'{label}'" for label in labels)
