"""SERVQUAL survey exports for the Northwind month: one in English, one a Chinese GB18030 export.

    python -m benchmarks.survey_examples            # rewrites examples/survey/*.csv (the same bytes)
    python -m benchmarks.survey_examples --check    # exit 1 if the committed files differ

Why: ``sqaudit survey`` needs a SERVQUAL survey whose respondents are customers of the
contacts in ``examples/month`` (contact ids m-0001 ... m-0170), so ``--contacts`` can join
them and put each agent's survey gaps beside their transcript scores.

Each surveyed contact (about seven in ten) gets one respondent. Expectations are high and
much the same for everyone (about 6 of 7, reliability highest). Perceptions start from the
expectation and fall by the agent's profile (the ``LEVELS`` column in team_month: strong,
average, weak, new starter), most on the dimensions an agent drives (reliability,
responsiveness, empathy, assurance) and hardly on tangibles (the app, the line, the bills:
not the agent's doing); then by how the contact ended (the customer's last words in the
transcript: thanked, neutral, or still unhappy), then respondent and item noise. Overall
satisfaction (1-7) and NPS (0-10) follow the respondent's perceptions; each respondent
shares 100 importance points between the five dimensions. About 2 % of answers are left
blank (``(跳过)`` in the Chinese export, as survey platforms there write them), and some
rows carry a comment (one with the example phone number 138 0013 8000, which every output
masks).

The billing contacts (English) go to ``servqual-en.csv`` (UTF-8 with a BOM, English
headers); the tech-support contacts (Chinese) to ``servqual-zh-gb18030.csv`` (GB18030, the
headers and date format of a Chinese survey platform: 序号, 提交答卷时间 2026/5/4 10:22:01,
期望1 ... 感知22, 权重_信赖度 ...). One seeded random.Random: the same seed, the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import sys
from datetime import datetime, timedelta
from pathlib import Path

from benchmarks.team_month import AGENTS, POOLS

SEED = 20260601
ROOT = Path(__file__).resolve().parents[1]
MONTH = ROOT / "examples" / "month" / "northwind-2026-05.jsonl"
OUT = ROOT / "examples" / "survey"
RESPONSE_RATE, BLANK_RATE, COMMENT_RATE = 0.7, 0.02, 0.25
ITEMS = (("tangibles", 4), ("reliability", 5), ("responsiveness", 4), ("assurance", 4), ("empathy", 5))
EXPECT = {"tangibles": 5.6, "reliability": 6.5, "responsiveness": 6.2, "assurance": 6.2, "empathy": 5.9}
# how far perception falls below expectation, by level (strong, average, weak, new starter)
FALL = {"tangibles": (0.7, 0.8, 0.9, 0.8), "reliability": (0.2, 1.2, 2.6, 1.6),
        "responsiveness": (0.3, 1.1, 2.8, 1.2), "assurance": (0.2, 0.9, 2.0, 1.3), "empathy": (0.2, 1.0, 2.6, 0.9)}
MOOD = {"happy": 0.5, "neutral": 0.0, "unhappy": -0.9}
IMPORTANCE = {"reliability": 30, "responsiveness": 22, "assurance": 19, "empathy": 16, "tangibles": 13}
ZH_DIMENSION = {"reliability": "信赖度", "assurance": "专业度", "tangibles": "有形度", "empathy": "同理度",
                "responsiveness": "反应度"}
COMMENTS = {"en": ["Quick and friendly, thank you.", "Still waiting for the refund I was promised.",
                   "Had to explain everything twice.", "The agent really listened.",
                   "Please call me back on 138 0013 8000 about the bill.", "The app kept logging me out.",
                   "Polite, but nothing was fixed."],
            "zh": ["客服很耐心，谢谢。", "说好回电的，一直没有回。", "同样的问题说了好几遍。", "处理得很快，很满意。",
                   "麻烦回电 138 0013 8000，账单还是不对。", "App 老是闪退。", "态度还行，就是没解决问题。"]}


def month() -> list[dict[str, object]]:
    return [json.loads(line) for line in MONTH.read_text(encoding="utf-8").splitlines() if line.strip()]


def mood(contact: dict[str, object]) -> str:
    """How the contact ended, from the customer's words (the team_month pools)."""
    pools = POOLS[str(contact["language"])]
    said = " ".join(str(t["text"]) for t in contact["turns"] if t["speaker"] == "customer")  # type: ignore[index, union-attr]
    for name in ("unhappy", "happy"):
        if any(phrase in said for phrase in pools["c_" + name]):
            return name
    return "neutral"


def clip(value: float, low: int, high: int) -> int:
    return int(min(high, max(low, round(value))))


def respondent(rng: random.Random, contact: dict[str, object], level: int) -> dict[str, object]:
    shift = MOOD[mood(contact)]
    person = rng.gauss(0, 0.45)  # some people answer higher than others, on both E and P
    e, p = [], []
    for dimension, count in ITEMS:
        fall = FALL[dimension][level] - (shift if dimension != "tangibles" else 0.0)
        wants, saw = rng.gauss(0, 0.4), rng.gauss(0, 0.5)  # this respondent on this dimension
        for _ in range(count):
            expected = EXPECT[dimension] + person * 0.5 + wants + rng.gauss(0, 0.4)
            e.append(clip(expected, 1, 7))
            p.append(clip(expected - fall + person * 0.5 + saw + rng.gauss(0, 0.6), 1, 7))
    e = [None if rng.random() < BLANK_RATE else v for v in e]
    p = [None if rng.random() < BLANK_RATE else v for v in p]
    gaps = [b - a for a, b in zip(e, p) if a is not None and b is not None]
    mean_gap = sum(gaps) / len(gaps) if gaps else 0.0
    satisfaction = clip(6.3 + 0.9 * mean_gap + rng.gauss(0, 0.6), 1, 7)
    nps = clip(8.8 + 1.6 * mean_gap + rng.gauss(0, 1.1), 0, 10)
    raw = {d: max(1.0, IMPORTANCE[d] + rng.gauss(0, 5)) for d in IMPORTANCE}
    weights = {d: round(100 * v / sum(raw.values())) for d, v in raw.items()}
    weights["reliability"] += 100 - sum(weights.values())  # integers that add up to 100
    submitted = datetime.fromisoformat(str(contact["started_at"]).replace("Z", "")) + timedelta(
        minutes=rng.randrange(20, 600))
    comment = rng.choice(COMMENTS[str(contact["language"])]) if rng.random() < COMMENT_RATE else ""
    return {"contact": contact["id"], "agent": contact["agent"], "team": contact["team"], "submitted": submitted,
            "e": e, "p": p, "weights": weights, "satisfaction": satisfaction, "nps": nps, "comment": comment}


def rows(seed: int = SEED) -> dict[str, list[dict[str, object]]]:
    rng = random.Random(seed)
    level = {a.id: a.level for a in AGENTS}
    out: dict[str, list[dict[str, object]]] = {"en": [], "zh": []}
    for contact in month():
        if rng.random() < RESPONSE_RATE:
            out[str(contact["language"])].append(respondent(rng, contact, level[str(contact["agent"])]))
    for rows_ in out.values():
        rows_.sort(key=lambda r: (r["submitted"], r["contact"]))
    return out


def _csv(header: list[str], body: list[list[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(body)
    return buffer.getvalue()


def render_en(data: list[dict[str, object]]) -> bytes:
    order = list(IMPORTANCE)
    header = (["respondent", "submitted_at", "contact_id", "agent", "team"] + [f"e{i}" for i in range(1, 23)]
              + [f"p{i}" for i in range(1, 23)] + [f"w_{d}" for d in order] + ["overall_satisfaction", "nps", "comment"])
    body = [[f"R{n:03d}", r["submitted"].strftime("%Y-%m-%dT%H:%M:%S"), r["contact"], r["agent"], r["team"],  # type: ignore[union-attr]
             *("" if v is None else v for v in r["e"]), *("" if v is None else v for v in r["p"]),  # type: ignore[union-attr]
             *(r["weights"][d] for d in order), r["satisfaction"], r["nps"], r["comment"]]  # type: ignore[index]
            for n, r in enumerate(data, 1)]
    return b"\xef\xbb\xbf" + _csv(header, body).encode("utf-8")


def render_zh(data: list[dict[str, object]]) -> bytes:
    order = list(IMPORTANCE)
    header = (["序号", "提交答卷时间", "接触编号", "客服工号", "团队"] + [f"期望{i}" for i in range(1, 23)]
              + [f"感知{i}" for i in range(1, 23)] + [f"权重_{ZH_DIMENSION[d]}" for d in order]
              + ["总体满意度", "推荐意愿", "意见建议"])
    when = (lambda t: f"{t.year}/{t.month}/{t.day} {t:%H:%M:%S}")
    body = [[n, when(r["submitted"]), r["contact"], r["agent"], r["team"],
             *("(跳过)" if v is None else v for v in r["e"]), *("(跳过)" if v is None else v for v in r["p"]),  # type: ignore[union-attr]
             *(r["weights"][d] for d in order), r["satisfaction"], r["nps"], r["comment"]]  # type: ignore[index]
            for n, r in enumerate(data, 1)]
    return _csv(header, body).encode("gb18030")


def render(seed: int = SEED) -> dict[str, bytes]:
    data = rows(seed)
    return {"servqual-en.csv": render_en(data["en"]), "servqual-zh-gb18030.csv": render_zh(data["zh"])}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed files differ")
    args = parser.parse_args(argv)
    stale = []
    for name, data in render().items():
        path = OUT / name
        if args.check:
            if not path.is_file() or path.read_bytes() != data:
                stale.append(name)
        else:
            OUT.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            print(f"wrote {path.relative_to(ROOT)} ({len(data)} bytes)", file=sys.stderr)
    if stale:
        print("out of date: " + ", ".join(stale), file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
