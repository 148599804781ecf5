"""Chat exports as tables (CSV, XLSX): columns found by name, rows grouped into contacts.

The header names the columns; each is found by common names in English and Chinese (case,
spaces, ``_`` and full-width forms do not matter), or named with ``--map FIELD=COLUMN``:

    id        conversation_id, chat_id, session_id, ticket_id, 会话ID, 会话编号, 对话ID, 工单号 ...
    time      time, timestamp, sent_at, created_at, 时间, 发送时间, 消息时间 ...
    speaker   sender_role, role, speaker, sender, from, author, 发送方, 角色, 发言人 ...   (required)
    text      text, message, content, body, 内容, 消息内容, 聊天内容 ...                   (required)
    agent     agent, agent_id, agent_name, 客服, 客服工号, 坐席, 工号 ...
    team      team, group, queue, department, 团队, 技能组, 部门 ...
    channel   channel, 渠道;   language  language, lang, 语言

Rows with the same conversation id are one contact (without an id column the file is one
contact named after it); row order is kept within a conversation, and rows are sorted by
time only when every row of the conversation has a time that parses (ISO dates and times,
``2026/05/01 09:30``, seconds or epoch milliseconds, ``mm:ss``). Each turn's start is
seconds from the conversation's first message. The channel is ``chat`` unless a channel
column says otherwise; agent, team and language come from the first row that has them.
Every other column is kept in the contact's metadata when it has one value across the
conversation (a queue, a customer tier), and dropped when it varies (a message id).

Speaker values: agent / customer / system and their usual names (客服, 客户, 系统, visitor,
bot ...) or a mapping file's ``speakers:``; numbered ASR speakers (``spk_0``) follow
``--agent-speaker`` or the reported heuristic. A row with another speaker value, or with no
text or no conversation id, is an error naming its line (row); the conversation's other rows
still make the contact.

Memory: the file is read twice, streamed. The first pass keeps only each conversation id's
last row number; the second keeps a conversation's rows until its last row is read, then
scores it. Contiguous exports hold one conversation at a time; an id that reappears later is
still merged, at the cost of holding its rows (and those of conversations open beside it).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from sqaudit.errors import InputError
from sqaudit.model import CHANNELS, InputNotice
from sqaudit.parsers.assemble import MAX_CONTACT_S, RawTurn, build
from sqaudit.parsers.base import TABLE_FIELDS, Item, ReadOptions
from sqaudit.parsers.speakers import is_diarized, role_of
from sqaudit.parsers.timeparse import parse_time
from sqaudit.redact import redact

ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("conversation_id", "conversation", "conversationid", "chat_id", "session_id", "session", "ticket_id",
           "ticket", "case_id", "contact_id", "thread_id", "dialog_id", "dialogue_id", "会话ID", "会话编号", "会话",
           "对话ID", "对话编号", "聊天ID", "工单号", "工单编号", "會話ID", "會話編號", "對話ID"),
    "time": ("time", "timestamp", "datetime", "sent_at", "sent_time", "created_at", "message_time", "date", "时间",
             "发送时间", "消息时间", "时间戳", "時間", "發送時間"),
    "speaker": ("sender_role", "role", "speaker_role", "speaker", "sender_type", "sender", "from", "author_role",
                "author", "participant", "发送方", "发送者", "角色", "发言人", "说话人", "身份", "發送方", "發送者",
                "發言人"),
    "text": ("text", "message", "message_text", "content", "body", "msg", "utterance", "transcript", "内容",
             "消息", "消息内容", "聊天内容", "文本", "內容", "訊息", "訊息內容"),
    "agent": ("agent", "agent_id", "agent_name", "staff", "operator", "客服", "客服工号", "客服ID", "客服姓名",
              "客服名称", "坐席", "坐席工号", "工号", "客服工號", "工號"),
    "team": ("team", "group", "queue", "department", "skill_group", "团队", "技能组", "部门", "班组", "團隊", "部門"),
    "channel": ("channel", "渠道", "通道"),
    "language": ("language", "lang", "语言", "語言"),
}
HINT_COLUMNS = "name them with --map speaker=COLUMN,text=COLUMN (or a --mapping file)"
Cell = object  # str (CSV); str, int, float, datetime or None (XLSX)
Row = tuple[int, Sequence[Cell]]  # (line or sheet row, cells)
RowSource = Callable[[], Iterator[Row | InputError | InputNotice]]


def key(name: object) -> str:
    return re.sub(r"[\s_\-./()（）]+", "", unicodedata.normalize("NFKC", str(name or "")).casefold())


def text_of(cell: Cell) -> str:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))  # a spreadsheet's 1001.0 is the id 1001
    return "" if cell is None else str(cell).strip()


def find_columns(header: Sequence[Cell], column_map: Sequence[tuple[str, str]]) -> dict[str, int]:
    """field -> column index; only the fields found (a --map naming a missing column raises)."""
    keys = [key(h) for h in header]
    found: dict[str, int] = {}
    mapped = dict(column_map)
    for name in TABLE_FIELDS:
        if name in mapped:
            if key(mapped[name]) not in keys:
                raise ValueError(f"--map {name}={mapped[name]}: no such column")
            found[name] = keys.index(key(mapped[name]))
            continue
        for alias in ALIASES[name]:
            if key(alias) in keys and keys.index(key(alias)) not in found.values():
                found[name] = keys.index(key(alias))
                break
    return found


def looks_like_header(cells: Sequence[Cell], column_map: Sequence[tuple[str, str]]) -> bool:
    try:
        found = find_columns(cells, column_map)
    except ValueError:
        return False
    return "text" in found and "speaker" in found


@dataclass
class _Conversation:
    line: int  # of its first row
    turns: list[tuple[int, str, str, object]] = field(default_factory=list)  # line, speaker, text, time cell
    first: dict[str, str] = field(default_factory=dict)  # agent, team, channel, language: first value
    extra: dict[str, str | None] = field(default_factory=dict)  # other columns; None once they vary


def read_table(where: str, default_id: str, rows: RowSource, options: ReadOptions) -> Iterator[Item]:
    """Contacts from a table whose rows ``rows()`` yields (called twice: two streamed passes).

    ``where`` is the path errors name; ``default_id`` the contact's id when there is no id column."""
    columns, header = None, None
    last: dict[str, int] = {}
    for item in rows():  # pass 1: where each conversation ends
        if isinstance(item, (InputError, InputNotice)) or not any(text_of(c) for c in item[1]):
            continue
        if header is None:
            header = item
            try:
                columns = find_columns(item[1], options.column_map)
            except ValueError:
                break
            if "id" not in columns:
                break
            continue
        cid = text_of(_cell(item[1], columns["id"])) if columns else ""
        if cid:
            last[cid] = item[0]
    yield from _pass_two(where, default_id, rows, options, last)


def _pass_two(where: str, default_id: str, rows: RowSource, options: ReadOptions,
              last: dict[str, int]) -> Iterator[Item]:
    header: Row | None = None
    columns: dict[str, int] = {}
    extras: list[tuple[int, str]] = []
    open_: dict[str, _Conversation] = {}
    messages = 0  # rows under the header, readable or not
    unreadable = False  # the file itself could not be read: that error says it all
    for item in rows():
        if isinstance(item, (InputError, InputNotice)):
            unreadable = unreadable or (header is None and isinstance(item, InputError))
            yield item
            continue
        line, cells = item
        if not any(text_of(c) for c in cells):
            continue  # a blank row
        if header is None:
            header = item
            try:
                columns = find_columns(cells, options.column_map)
            except ValueError as exc:
                yield InputError(f"{where}:{line}", f"{exc}; the header has {_listing(cells)}", HINT_COLUMNS)
                return
            missing = [f for f in ("speaker", "text") if f not in columns]
            if missing:
                yield InputError(f"{where}:{line}", f"no {' or '.join(missing)} column found among {_listing(cells)}",
                                 HINT_COLUMNS)
                return
            extras = [(i, text_of(h)) for i, h in enumerate(cells) if i not in columns.values() and text_of(h)]
            continue
        messages += 1
        cid = text_of(_cell(cells, columns["id"])) if "id" in columns else default_id
        problem = _row_problem(cells, columns, cid, options)
        if problem:
            yield InputError(f"{where}:{line}", problem[0], problem[1])
        else:
            conv = open_.setdefault(cid, _Conversation(line))
            conv.turns.append((line, text_of(_cell(cells, columns["speaker"])), text_of(_cell(cells, columns["text"])),
                               _cell(cells, columns.get("time"))))
            for name in ("agent", "team", "channel", "language"):
                value = text_of(_cell(cells, columns.get(name)))
                if value and name not in conv.first:
                    conv.first[name] = value
            for i, name in extras:
                value = text_of(_cell(cells, i))
                if value and conv.extra.setdefault(name, value) != value:
                    conv.extra[name] = None
        if "id" in columns and cid and last.get(cid) == line and cid in open_:
            yield from _finish(where, cid, open_.pop(cid), options)
    if header is None and not unreadable:
        yield InputError(f"{where}:1", "no header row: the file is empty", HINT_COLUMNS)
    elif header is not None and not messages:
        yield InputError(f"{where}:{header[0]}", "no message rows under the header",
                         "one message per row, under a header naming the columns")
    for cid, conv in open_.items():  # no id column (one contact), or the file changed between passes
        yield from _finish(where, cid, conv, options)


def _cell(cells: Sequence[Cell], index: int | None) -> Cell:
    return cells[index] if index is not None and index < len(cells) else None


def _listing(cells: Iterable[Cell]) -> str:
    names = [text_of(c) for c in cells if text_of(c)]
    return ", ".join(repr(n) for n in names[:12]) + (" ..." if len(names) > 12 else "") if names else "no names"


def _row_problem(cells: Sequence[Cell], columns: dict[str, int], cid: str,
                 options: ReadOptions) -> tuple[str, str] | None:
    if not cid:
        return "row has no conversation id", "every row names its conversation"
    speaker = text_of(_cell(cells, columns["speaker"]))
    if not speaker:
        return "row has no speaker", "every row says who wrote it: agent, customer or system"
    if role_of(speaker, options.speaker_map) is None and not is_diarized(speaker) and not options.agent_speaker:
        return (f"unknown speaker {speaker!r}",  # the run redacts messages, not hints: the value stays out of the hint
                "name the agent with --agent-speaker LABEL, or map values in a --mapping file's 'speakers:'")
    if not text_of(_cell(cells, columns["text"])):
        return "row has no text", "an empty message (an image, a file) has nothing to score"
    return None


def _finish(where: str, cid: str, conv: _Conversation, options: ReadOptions) -> Iterator[Item]:
    source = f"{where}:{conv.line}"
    times = [parse_time(t) for _, _, _, t in conv.turns]
    order = list(range(len(conv.turns)))
    starts: list[float | None] = [None] * len(order)
    started_at = None
    if all(t is not None for t in times) and len({t.kind for t in times if t is not None}) == 1:
        order.sort(key=lambda i: times[i].seconds)  # type: ignore[union-attr]  # stable: ties keep row order
        zero = times[order[0]]
        starts = [t.seconds - zero.seconds for t in times]  # type: ignore[union-attr]
        started_at = zero.iso  # type: ignore[union-attr]
        if max(starts) > MAX_CONTACT_S:  # type: ignore[type-var]
            yield InputNotice(source, f"contact {cid}: messages span more than {MAX_CONTACT_S / 86400:.0f} days: "
                                      "times ignored (is the conversation id reused?)")
            starts, started_at = [None] * len(order), None
    elif any(text_of(t) for _, _, _, t in conv.turns):
        yield InputNotice(source, f"contact {cid}: some message times are missing or unreadable: times ignored, "
                                  "rows kept in file order (timing criteria not applicable)")
    turns = [RawTurn(conv.turns[i][1], conv.turns[i][2], starts[i], None, conv.turns[i][0]) for i in order]
    channel = conv.first.get("channel", "chat").lower()
    if channel not in CHANNELS:
        yield InputNotice(source, redact(f"contact {cid}: channel {channel!r} is not one of {', '.join(CHANNELS)}: "
                                         "taken as 'other'"))
        channel = "other"
    metadata = [(name, value) for name, value in conv.extra.items() if value is not None]
    yield from build(source, cid, turns, options, agent=conv.first.get("agent"), team=conv.first.get("team"),
                     channel=channel, language=conv.first.get("language"), started_at=started_at,
                     metadata=metadata)
