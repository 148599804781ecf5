"""A PII-seeded corpus, written in each input format, and a search for its values in any output.

Every seeded value sits in agent and customer turns, in English and Chinese contacts, in
metadata, in a turn that rubric criteria quote as evidence (greeting, apology, the PII
check itself, the complaint detector), and in broken input whose error message quotes it.

``WRITERS`` maps an input format to a function writing the corpus in it; a new reader (VTT,
CSV, ...) gets one more function there, and every command and output format is then run on
it too. ``leaks(text)`` lists the seeded values found in a text, in several spellings.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ZH_DIGITS = dict(zip("零〇一二三四五六七八九幺两", "0012345678912"))


@dataclass(frozen=True)
class Seed:
    value: str  # as written in the corpus
    kind: str

    @property
    def digits(self) -> str:
        """Its digits in order (an ID's check letter X included); none for an e-mail address."""
        if self.kind == "email":
            return ""
        folded = unicodedata.normalize("NFKC", self.value)
        return "".join(ZH_DIGITS.get(c, c) for c in folded if c.isdigit() or c in ZH_DIGITS or c in "Xx")


SEEDS = (
    Seed("4111 1111 1111 1111", "card"),
    Seed("5555-5555-5555-4444", "card"),
    Seed("４０１２ ８８８８ ８８８８ １８８１", "card"),  # full-width digits
    Seed("6222 0212 3456 7890 128", "card"),  # 19-digit UnionPay
    Seed("11010519491231002X", "cn_id"),
    Seed("440524188001010014", "cn_id"),
    Seed("+86 139-1234-5678", "phone"),
    Seed("13700137000", "phone"),
    Seed("+44 20 7946 0958", "phone"),
    Seed("li.wei@163.com", "email"),
    Seed("john.doe@example.org", "email"),
    Seed("7 3 9 2 5 1 8 4", "secret"),  # spoken digits after "card number"
    Seed("739251", "secret"),  # 密码是
    Seed("四八二九一三", "secret"),  # 验证码, Chinese numerals
    Seed("918273", "secret"),  # security code
)
S = {seed.value: seed.value for seed in SEEDS}

_EN = [
    ("agent", "Thank you for calling Northwind, this is Dana. How can I help you today?"),
    ("customer", "I want to make a complaint, this is unacceptable! I was charged twice on card "
                 "4111 1111 1111 1111 and again on 5555-5555-5555-4444."),
    ("agent", "I'm sorry to hear that. So your card number is 7 3 9 2 5 1 8 4, and the security code is "
              "918273, correct? I understand how frustrating that is."),
    ("customer", "Call me back on +44 20 7946 0958 or write to john.doe@example.org, my ID is 11010519491231002X."),
    ("agent", "Let me confirm: the card ４０１２ ８８８８ ８８８８ １８８１ and the phone +86 139-1234-5678. "
              "Is there anything else I can help you with? Thank you for calling."),
]
_ZH = [
    ("agent", "您好，很高兴为您服务，我是小王。请问有什么可以帮您？"),
    ("customer", "我要投诉！太过分了，卡号 6222 0212 3456 7890 128 被扣了两次，手机 13700137000。"),
    ("agent", "非常抱歉给您带来不便。请您提供身份证 440524188001010014，密码是 739251 对吗？"),
    ("customer", "验证码 四八二九一三，邮箱 li.wei@163.com。"),
    ("agent", "好的，我已经为您登记，请问还有其他可以帮您的吗？感谢您的来电，再见。"),
]
METADATA = {"callback": "+86 139-1234-5678", "email": "li.wei@163.com", "card_on_file": 4111111111111111,
            "note": "密码是 739251，验证码 四八二九一三"}


def contacts() -> list[dict[str, object]]:
    """The corpus as native contacts (ARCHITECTURE §4.1): two agents, two teams, en and zh."""
    out: list[dict[str, object]] = []
    for i in range(4):
        zh = i % 2 == 1
        turns = _ZH if zh else _EN
        out.append({
            "id": f"pii-{i:02d}", "agent": f"a{1 + i % 3}", "team": "billing" if i < 2 else "support",
            "channel": "chat" if zh else "call", "language": "zh" if zh else "en",
            "started_at": f"2026-05-0{1 + i}T09:30:00Z",
            "turns": [{"speaker": s, "text": t, "start": 5.0 * n, "end": 5.0 * n + 4}
                      for n, (s, t) in enumerate(turns)],
            "metadata": METADATA,
        })
    return out


def _plain(contact: dict[str, object]) -> str:
    head = "".join(f"{k}: {contact[k]}\n" for k in ("id", "agent", "team", "channel", "language"))
    speakers = {"agent": "Agent", "customer": "Customer"}
    body = "".join(f"[00:{int(t['start']):02d}] {speakers[t['speaker']]}: {t['text']}\n"  # type: ignore[index]
                   for t in contact["turns"])  # type: ignore[attr-defined]
    return head + "\n" + body


def write_native(directory: Path) -> None:
    """A .jsonl batch (with a broken line), a .json list, and .json contacts whose errors quote PII."""
    items = contacts()
    lines = [json.dumps(c, ensure_ascii=False) for c in items[:2]]
    lines.insert(1, '{"id": "broken", "turns": [{"speaker": "agent", "text": "card 4111 1111 1111 1111"')
    (directory / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (directory / "more.json").write_text(json.dumps(items[2:], ensure_ascii=False, indent=2), encoding="utf-8")
    bad_speaker = {"id": "bad-speaker", "turns": [{"speaker": "13700137000", "text": "hi"}]}
    bad_time = {"id": "bad-time", "turns": [{"speaker": "agent", "text": "hi", "start": "li.wei@163.com"}]}
    bad_channel = {"id": "bad-channel", "channel": "4111 1111 1111 1111", "turns": [{"speaker": "agent", "text": "x"}]}
    for name, doc in (("bad-speaker", bad_speaker), ("bad-time", bad_time), ("bad-channel", bad_channel)):
        (directory / f"{name}.json").write_text(json.dumps(doc), encoding="utf-8")


def write_plaintext(directory: Path) -> None:
    """One .txt file per contact, and two whose first line is broken and holds a card or an ID."""
    for contact in contacts():
        (directory / f"{contact['id']}.txt").write_text(_plain(contact), encoding="utf-8")
    (directory / "broken-card.txt").write_text("卡号 6222 0212 3456 7890 128 坏了\nAgent: hi\n", encoding="utf-8")
    (directory / "broken-id.txt").write_text("身份证 11010519491231002X\nAgent: hi\n", encoding="utf-8")


def _stamp(seconds: float, comma: bool = False) -> str:
    text = f"00:{int(seconds) // 60:02d}:{int(seconds) % 60:02d}.000"
    return text.replace(".", ",") if comma else text


def write_captions(directory: Path) -> None:
    """A WebVTT (voice tags) and a SubRip (``Speaker:`` prefixes) file per contact; odd voices; a broken cue."""
    for contact in contacts():
        turns = contact["turns"]  # type: ignore[index]
        vtt = "WEBVTT\n\n" + "".join(f"{n + 1}\n{_stamp(t['start'])} --> {_stamp(t['end'])}\n"
                                      f"<v {t['speaker'].title()}>{t['text']}\n\n" for n, t in enumerate(turns))
        srt = "".join(f"{n + 1}\n{_stamp(t['start'], True)} --> {_stamp(t['end'], True)}\n"
                      f"{t['speaker'].title()}: {t['text']}\n\n" for n, t in enumerate(turns))
        (directory / f"{contact['id']}.vtt").write_text(vtt, encoding="utf-8")
        (directory / f"{contact['id']}.srt").write_text(srt, encoding="utf-8")
    # voices named by a phone number and an e-mail address: the reader's notice on who the agent is names them
    (directory / "voices.vtt").write_text("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v 13700137000>thank you for "
                                          "calling, how can I help?\n\n00:00:04.000 --> 00:00:06.000\n"
                                          "<v li.wei@163.com>my bill is wrong\n", encoding="utf-8")
    broken_cue = "00:00:01.000 --> 00:00:00.500\nAgent: 卡号 6222 0212 3456 7890 128\n"  # ends before it starts
    (directory / "broken.vtt").write_text("WEBVTT\n\n" + broken_cue, encoding="utf-8")


def _chat_rows() -> list[list[object]]:
    rows: list[list[object]] = [["conversation_id", "time", "sender_role", "message", "agent_id", "team", "note"]]
    for contact in contacts():
        for t in contact["turns"]:  # type: ignore[attr-defined]
            rows.append([f"{contact['id']}-chat", f"2026-05-01 09:30:{int(t['start']):02d}", t["speaker"], t["text"],
                         contact["agent"], contact["team"], METADATA["note"]])
    rows.append(["pii-99-chat", "2026-05-01 09:30:00", "13700137000", "a row whose speaker is a phone", "a1", "x", ""])
    return rows


def write_chat_tables(directory: Path) -> None:
    """The contacts as chat exports: a CSV and an xlsx table, one row per message."""
    from openpyxl import Workbook

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(_chat_rows())
    (directory / "chats.csv").write_text(buffer.getvalue(), encoding="utf-8")
    wb = Workbook()
    for row in _chat_rows():
        wb.active.append(row)
    wb.save(directory / "chats.xlsx")


WRITERS: dict[str, Callable[[Path], None]] = {"native": write_native, "plaintext": write_plaintext,
                                              "captions": write_captions, "chat-tables": write_chat_tables}


def write_corpus(directory: Path) -> Path:
    """Every format's version of the corpus, each in its own subdirectory of ``directory``."""
    for name, write in WRITERS.items():
        (directory / name).mkdir(parents=True, exist_ok=True)
        write(directory / name)
    return directory


SURVEY_EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "survey" / "servqual-en.csv"


def pii_survey_rows(rows: list[list[str]]) -> set[int]:
    """PII in a survey export's rows (header first): comments, an answer, a contact id; the rows
    whose comment now holds PII.

    Not in the agent column: agent, team and contact ids are shown as they are by design
    (they are how a QA lead finds the contact), in surveys as in transcripts."""
    column = {name: i for i, name in enumerate(rows[0])}
    rows[1][column["comment"]] = "call me on 13700137000 or li.wei@163.com, 卡号 6222 0212 3456 7890 128"
    rows[2][column["e1"]] = "john.doe@example.org"  # not a number: the problem quotes it
    rows[4][column["contact_id"]] = "4111 1111 1111 1111"
    rows[5][column["comment"]] = "身份证 11010519491231002X，密码是 739251，验证码 四八二九一三"
    return {1, 5}


def survey_example_rows() -> list[list[str]]:
    return list(csv.reader(io.StringIO(SURVEY_EXAMPLE.read_text(encoding="utf-8-sig"))))


def _digit_pattern(digits: str) -> re.Pattern[str]:
    # the digits in order, with at most two spaces, dashes or dots between any two of them
    body = r"[\s\-.]{0,2}".join(re.escape(d) for d in digits)
    return re.compile(rf"(?<![0-9]){body}(?![0-9])" if len(digits) < 11 else body, re.I)


_PATTERNS = [(seed, re.compile(re.escape(seed.value), re.I), _digit_pattern(seed.digits) if seed.digits else None)
             for seed in SEEDS]
_U_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


def spellings(text: str) -> list[str]:
    """The text as written, and with HTML entities, ``\\u`` escapes and full-width forms undone."""
    unescaped = _U_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), html.unescape(text))
    folded = unicodedata.normalize("NFKC", unescaped)
    numerals = "".join(ZH_DIGITS.get(c, c) for c in folded)
    return [text, unescaped, folded, numerals]


def leaks(text: str) -> list[str]:
    """The seeded values found in ``text``, however spelled."""
    found: list[str] = []
    variants = spellings(text)
    for seed, exact, digits in _PATTERNS:
        local = seed.value.split("@")[0] if seed.kind == "email" else None
        if any(exact.search(v) or (digits and digits.search(v)) or (local and local in v) for v in variants):
            found.append(seed.value)
    return found
