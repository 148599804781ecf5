"""The report of benchmarks/validity.py: markdown/console sections and the issue-8 targets table.

Every row of the targets table exists from the start (``TARGETS``), so a set that is absent or a
measurement that failed still shows as a row saying why, instead of silently disappearing.
"""

from __future__ import annotations

from dataclasses import dataclass

import common


@dataclass
class TargetRow:
    set: str
    statistic: str
    human: str  # "single human": one annotator vs the mean of the others (README, full sets)
    target: str
    value: str = ""
    length: str = "—"
    turns: str = "—"
    met: str = ""


# key -> row, in the order of issue 8's table
TARGETS: dict[str, TargetRow] = {row_key: TargetRow(*cells) for row_key, *cells in (
    ("stc3-zh", "stc3-zh", "Spearman ρ(servqual score, S)", "0.49", "≥ 0.40"),
    ("stc3-en", "stc3-en", "Spearman ρ(servqual score, S)", "0.51", "≥ 0.40"),
    ("stc3-zh/cal", "stc3-zh calibrated", "ρ(cross-validated calibrated score, S)", "0.49", "≥ 0.49"),
    ("stc3-en/cal", "stc3-en calibrated", "ρ(cross-validated calibrated score, S)", "0.51", "≥ 0.49"),
    ("jddc", "jddc", "Spearman ρ(servqual score, overall_sat3)", "—", "beat length by more than the interval"),
    ("jddc/turn", "jddc (turns)", "ROC AUC of 100 − running score for sat3 = 0 (dissatisfied)", "—",
     "beat length by more than the interval"),
    ("uss-sgd/turn", "uss-sgd (turns)", "ρ(running score, rating_mean of the next customer turn)", "0.34", "≥ 0.30"),
    ("uss-mwoz/turn", "uss-mwoz (turns)", "ρ(running score, rating_mean of the next customer turn)", "0.28",
     "≥ 0.30"),
    ("complaints/f1", "complaints", "F1 of the complaint detector (servqual)", "—", "≥ 0.75"),
    ("complaints/auc", "complaints", "ROC AUC of the complaint detector (phrase hits)", "—", "— (reported)"),
    ("politeness-en", "politeness-en", "ρ(courtesy sub-score, politeness score)", "—", "≥ 0.45"),
    ("politeness-zh", "politeness-zh", "ρ(courtesy sub-score, politeness score)", "—", "≥ 0.45"),
    ("politeness-stanford", "politeness-stanford", "ρ(courtesy sub-score, politeness score)", "0.55 (Wikipedia)",
     "≥ 0.45"),
    ("politeness/gap", "politeness zh − en", "ρ(zh) − ρ(en), independent bootstraps", "—",
     "gap smaller than the interval"),
    ("empathy/emotional_reactions", "empathy", "AUC for emotional_reactions ≥ 1", "—", "≥ 0.75"),
    ("empathy/interpretations", "empathy", "AUC for interpretations ≥ 1", "—", "≥ 0.75"),
    ("empathy/explorations", "empathy", "AUC for explorations ≥ 1", "—", "≥ 0.75"),
    ("empathy/f1", "empathy", "token F1 of quoted evidence vs rationale spans", "—", "— (reported)"),
    ("stc3/parallel", "stc3 parallel pairs", "ρ(servqual score of zh dialogue, of its en translation)", "—",
     "≥ 0.8"),
)}
TARGET_HEADER = ["set", "statistic", "our value [95 % CI]", "single human", "length baseline [CI]",
                 "turn-count baseline [CI]", "target", "met?"]


class Report:
    def __init__(self) -> None:
        self.md: list[str] = []
        self.notes: list[str] = []  # problems met on the way (rubrics, crashes, input errors)
        self.targets = {k: TargetRow(**vars(v)) for k, v in TARGETS.items()}

    def heading(self, text: str) -> None:
        print(f"\n=== {text} ===")
        self.md += ["", f"### {text}", ""]

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        print(common.text_table(header, rows))
        self.md += [common.md_table(header, rows), ""]

    def say(self, text: str) -> None:
        print(text)
        self.md += [text, ""]

    def note(self, text: str) -> None:
        print(f"NOTE: {text}")
        self.notes.append(text)

    def target(self, key: str, **cells: str) -> None:
        """Fill the target row ``key`` (cells: value, length, turns, met, statistic)."""
        row = self.targets[key]
        for name, text in cells.items():
            setattr(row, name, text)

    def missing_target(self, prefix: str, why: str) -> None:
        """Every still empty target row whose key starts with ``prefix``: not measured, and why."""
        for key, row in self.targets.items():
            if key.startswith(prefix) and not row.value:
                row.value, row.met = f"not measured ({why})", "—"

    def target_rows(self) -> list[list[str]]:
        rows = []
        for row in self.targets.values():
            value, met = (row.value, row.met) if row.value else ("not measured (this run)", "—")
            rows.append([row.set, row.statistic, value, row.human, row.length, row.turns, row.target, met])
        return rows


def reading_text(dialogue: list[tuple[str, str, str, str]], other: list[str]) -> str:
    if not dialogue and not other:
        return "Nothing measured (no rubric loaded, or no data)."
    lines = []
    if dialogue:
        beats = sum("; beats" in v for _, _, v, _ in dialogue)
        worse = sum("; worse" in v for _, _, v, _ in dialogue)
        cant = sum("can't tell" in v for _, _, v, _ in dialogue)
        lines.append(f"Across {len(dialogue)} set × rubric pairs the overall score beats dialogue length in {beats}, "
                     f"is clearly worse in {worse}, is not distinguishable from it in "
                     f"{len(dialogue) - beats - worse - cant}, and can't be compared in {cant} (too few scored "
                     f"contacts); paired 95 % bootstrap on ρ.")
        lines += [f"- {s} × {r}: {v}; {t}." for s, r, v, t in dialogue]
    lines += [f"- {x}" for x in other]
    return "\n".join(lines)
