"""Make transcript text safe for the place it is written to.

Transcript text is data: it must never be interpreted as terminal markup or as a
spreadsheet formula. Quotes are already redacted by the engine; these helpers handle
the syntax of each destination.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def defuse_cell(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe.

    A carriage return inside the text becomes a line feed: the csv module quotes a field only
    for the characters of its line end ("\n" here), so a bare CR went out unquoted, and a
    spreadsheet reads it as a row break, starting a new cell (``x\r=HYPERLINK(...)``) that
    no apostrophe defused."""
    if not isinstance(value, str):
        return value
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
        return "'" + value if value.startswith((*FORMULA_STARTS, "\n")) else value
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def one_line(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
