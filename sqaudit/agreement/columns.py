"""Review-sheet columns found by name, and cell values read as outcomes and scores.

Headers are matched by common names in English and Chinese; case, spaces, ``_``, ``-`` and
full-width forms do not matter (the key of :func:`sqaudit.parsers.chat_table.key`):

    id         contact_id, id, conversation_id, call_id, chat_id, ticket_id, 会话ID, 联络ID, 通话ID, 工单号 ...
    rater      rater, reviewer, evaluator, auditor, 评审员, 质检员, 评分人, 审核员 ...
    criterion  criterion, criterion_id, item, check, 指标, 条目, 评分项, 检查项 ...   (long form)
    outcome    outcome, result, verdict, 结果, 判定, 结论 ...                          (long form)
    points     points, score (long form: the criterion's points); max_points, 满分
    score      score, total, qa_score, 评分, 得分, 总分, 分数 ...   (the contact's score)

Outcomes: pass / fail / na, 1 / 0, yes / no, true / false, y / n, met / not met,
通过 / 不通过 / 不适用, 是 / 否, 合格 / 不合格 (and ✓ ✗). An empty cell is "not rated".
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence

from sqaudit.parsers.chat_table import key

ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("contact_id", "contact", "id", "conversation_id", "call_id", "chat_id", "ticket_id", "case_id",
           "interaction_id", "session_id", "会话ID", "会话编号", "联络ID", "联络编号", "通话ID", "通话编号", "工单号",
           "工单编号", "录音ID", "會話ID", "聯絡ID", "通話ID"),
    "rater": ("rater", "reviewer", "evaluator", "assessor", "auditor", "scorer", "qa", "评审员", "质检员", "评分人",
              "审核员", "评估员", "評審員", "質檢員", "評分人"),
    "criterion": ("criterion", "criterion_id", "criteria", "item", "item_id", "check", "rule", "question", "指标",
                  "条目", "评分项", "检查项", "质检项", "指標", "條目", "評分項"),
    "outcome": ("outcome", "result", "verdict", "judgement", "judgment", "pass_fail", "结果", "判定", "结论",
                "結果", "結論"),
    "points": ("points", "points_awarded", "awarded", "分值", "得分点"),
    "max_points": ("max_points", "max", "possible", "满分", "滿分"),
    "score": ("score", "qa_score", "contact_score", "total", "total_score", "overall", "overall_score", "评分", "得分",
              "总分", "分数", "評分", "總分", "分數"),
}
# wide sheets: columns that describe the contact, never a criterion
METADATA = {key(n) for n in ("agent", "agent_id", "agent_name", "team", "queue", "channel", "language", "date",
                             "time", "started_at", "comment", "comments", "note", "notes", "remark", "remarks",
                             "passed", "duration", "客服", "坐席", "工号", "团队", "渠道", "日期", "时间", "备注",
                             "评语", "说明", "備註")}
OUTCOME_WORDS: dict[str, str] = {}
for _outcome, _words in (
        ("pass", ("pass", "passed", "p", "yes", "y", "true", "t", "1", "met", "ok", "✓", "✔", "通过", "是", "合格",
                  "达标", "符合", "通過", "達標")),
        ("fail", ("fail", "failed", "f", "no", "n", "false", "0", "missed", "notmet", "✗", "✘", "x", "不通过",
                  "否", "不合格", "未达标", "不符合", "不通過", "未達標")),
        ("na", ("na", "n/a", "n.a.", "notapplicable", "not_applicable", "none", "-", "—", "不适用", "不適用",
                "无需", "無需"))):
    for _word in _words:
        OUTCOME_WORDS[_word] = _outcome
OUTCOME_HINT = "use pass, fail or na (also 1/0, yes/no, 通过/不通过/不适用)"


def _norm(cell: object) -> str:
    text = unicodedata.normalize("NFKC", text_of(cell)).casefold()
    return "".join(text.split())


def text_of(cell: object) -> str:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, bool):
        return "true" if cell else "false"
    return "" if cell is None else str(cell).strip()


def parse_outcome(cell: object) -> str | None:
    """pass | fail | na; None for an empty cell; ValueError for anything else."""
    text = _norm(cell)
    if not text:
        return None
    if text in OUTCOME_WORDS:
        return OUTCOME_WORDS[text]
    try:
        number = float(text)
    except ValueError:
        raise ValueError(f"'{text_of(cell)}' is not an outcome") from None
    if number in (0.0, 1.0):
        return "pass" if number else "fail"
    raise ValueError(f"'{text_of(cell)}' is not an outcome")


def parse_number(cell: object, what: str) -> float | None:
    """A number (``85``, ``85.5``, ``85%``, ``85,5``); None for an empty or N/A cell; ValueError otherwise."""
    text = _norm(cell).rstrip("%")
    if not text or OUTCOME_WORDS.get(text) == "na":
        return None
    try:
        number = float(text.replace(",", ".") if text.count(",") == 1 and "." not in text else text)
    except ValueError:
        raise ValueError(f"{what} '{text_of(cell)}' is not a number") from None
    if not math.isfinite(number):
        raise ValueError(f"{what} '{text_of(cell)}' is not a number")
    return number


def find_columns(header: Sequence[object]) -> dict[str, int]:
    """role -> column index, for the roles found; each column serves one role."""
    keys = [key(h) for h in header]
    found: dict[str, int] = {}
    for role, aliases in ALIASES.items():
        for alias in aliases:
            k = key(alias)
            if k in keys and keys.index(k) not in found.values():
                found[role] = keys.index(k)
                break
    if "criterion" in found and "points" not in found and "outcome" not in found and "score" in found:
        # long form without outcomes: a per-row score is the criterion's points; beside an outcome
        # column it is the contact's score, repeated on each of its rows
        found["points"] = found.pop("score")
        for alias in ("total", "total_score", "contact_score", "总分", "總分"):
            if key(alias) in keys and keys.index(key(alias)) not in found.values():
                found["score"] = keys.index(key(alias))
                break
    return found


def is_metadata(name: object) -> bool:
    return key(name) in METADATA
