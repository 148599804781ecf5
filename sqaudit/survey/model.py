"""The survey model: an instrument (what was asked, and where each answer sits) and one response.

Frozen dataclasses holding tuples, like the transcript model. An :class:`Instrument` comes
from YAML (:mod:`sqaudit.survey.instrument`); a :class:`Response` is one row of a survey
export after its cells were checked against the instrument's scales (reverse-coded items are
already reversed, unreadable answers are ``None``). Column names are matched after
:func:`column_key`: NFKC (full-width letters and digits fold), case-folded, spaces squeezed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

ROLES = ("respondent", "contact", "agent", "team", "date")  # metadata columns every instrument may map
SINGLES = ("satisfaction", "csat", "nps", "ces")  # one-question blocks


def column_key(name: str) -> str:
    """How a header is compared: ``" E1 "``, ``"e1"`` and ``"ｅ１"`` are the same column."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", name)).strip().casefold()


@dataclass(frozen=True, slots=True)
class Scale:
    low: float
    high: float

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high

    def reverse(self, value: float) -> float:
        return self.low + self.high - value

    @property
    def span(self) -> float:
        return self.high - self.low

    def __str__(self) -> str:
        return f"{self.low:g}–{self.high:g}"


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    number: int  # {n} in a column pattern
    dimension: str
    texts: dict[str, str]  # language -> wording
    scale: Scale
    reverse: bool  # negatively worded: the reader turns x into low + high - x
    expectation: tuple[str, ...]  # candidate column names (empty: the instrument asks no expectations)
    perception: tuple[str, ...]
    line: int = 0

    def text_for(self, language: str | None) -> str:
        return self.texts.get(language or "en") or self.texts.get("en") or next(iter(self.texts.values()), "")


@dataclass(frozen=True, slots=True)
class Single:
    """One question outside the item battery: overall satisfaction, CSAT, NPS or CES."""

    kind: str  # one of SINGLES
    columns: tuple[str, ...]
    scale: Scale
    top_box: int = 2  # CSAT: the top this-many scale points count as satisfied
    higher_is_easier: bool = True  # CES: direction of the scale, printed beside the mean


@dataclass(frozen=True, slots=True)
class Dimension:
    id: str
    titles: dict[str, str]
    weight: float | None  # 100-point importance from the instrument, if given


@dataclass(frozen=True)
class Instrument:
    id: str
    version: str
    title: str
    titles: dict[str, str]
    description: str
    languages: tuple[str, ...]
    dimensions: tuple[Dimension, ...]  # only those with items, in declared order
    items: tuple[Item, ...]
    roles: dict[str, tuple[str, ...]]  # respondent/contact/agent/team/date -> candidate columns
    comments: tuple[str, ...]  # free-text columns (always redacted)
    weight_columns: dict[str, tuple[str, ...]]  # dimension -> candidate columns of the respondent's 100 points
    singles: dict[str, Single]
    source: str = ""
    sha256: str = ""
    extends: str | None = None

    @property
    def has_expectations(self) -> bool:
        return any(item.expectation for item in self.items)

    @property
    def dimension_ids(self) -> tuple[str, ...]:
        return tuple(d.id for d in self.dimensions)

    def items_of(self, dimension: str) -> tuple[int, ...]:
        """Positions (into ``items``) of a dimension's items."""
        return tuple(i for i, item in enumerate(self.items) if item.dimension == dimension)

    @property
    def weights(self) -> dict[str, float] | None:
        found = {d.id: d.weight for d in self.dimensions if d.weight is not None}
        return found if found and len(found) == len(self.dimensions) else None

    def title_for(self, language: str | None) -> str:
        return self.titles.get(language or "en") or self.title

    def dimension_title(self, dimension: str, language: str | None) -> str:
        for d in self.dimensions:
            if d.id == dimension:
                return d.titles.get(language or "en") or d.titles.get("en") or d.id
        return dimension


@dataclass(frozen=True, slots=True)
class Response:
    """One respondent's answers, on the instrument's scales (None: not answered or unreadable)."""

    source: str  # "file.csv:12" (the record's first line) or "file.xlsx:Sheet1:12"
    respondent: str | None
    contact: str | None
    agent: str | None
    team: str | None
    date: str | None
    expectation: tuple[float | None, ...]  # per item, reverse-coded items already reversed
    perception: tuple[float | None, ...]
    weights: tuple[float | None, ...]  # per dimension: the respondent's importance points
    singles: tuple[tuple[str, float | None], ...]  # kind -> answer (NPS as 0-10)
    metadata: tuple[tuple[str, str], ...] = field(default=())  # other columns, redacted

    def single(self, kind: str) -> float | None:
        return dict(self.singles).get(kind)

    def meta(self, column: str) -> str | None:
        key = column_key(column)
        return next((v for k, v in self.metadata if column_key(k) == key), None)
