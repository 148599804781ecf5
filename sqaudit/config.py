"""The project's service standard in a file: ``sqaudit.toml`` or ``[tool.sqaudit]`` in ``pyproject.toml``.

``find_config`` looks in the working directory and then each parent, taking the first
``sqaudit.toml``, or the first ``pyproject.toml`` that has a ``[tool.sqaudit]`` table::

    rubric = "servqual"            # a built-in name, or a YAML file relative to this file

    [gates]
    min_score = 70                 # mean contact score, 0-100
    min_pass_rate = 0.5            # share of contacts that passed, 0-1
    max_critical = 0               # contacts with a critical failure
    min_dimension = {empathy = 65, reliability = 70}
    min_n = 10                     # fewer contacts: a mean/rate gate is not evaluated [default: rubric's min_contacts]
    per_team = true                # every team in the batch also gets these gates

    [gates.teams.billing]          # this team's contacts: the gates above, with these overrides
    min_score = 80

The whole file is validated before any input is read, and every problem is reported as
``file:line:col``. ``tomllib`` gives no positions, so the place is found by scanning the text
for the key inside its table (headers, dotted keys and inline tables are understood; a key
that cannot be found points at its table, or at 1:1): good enough to jump to, not a parser.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqaudit.errors import Problem, RubricError, did_you_mean
from sqaudit.gates import GatePlan, GateSpec
from sqaudit.model import DIMENSIONS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_NAME = "sqaudit.toml"
TOP_KEYS = ("rubric", "gates")
GATE_KEYS = ("min_score", "min_pass_rate", "max_critical", "min_dimension", "min_n")
GATES_KEYS = (*GATE_KEYS, "per_team", "teams")

Key = tuple[str, ...]


class ConfigError(RubricError):
    """A config file that cannot be used; every problem found, refused like a rubric (exit 2)."""

    what = "config"


@dataclass(frozen=True)
class GateValues:
    """The gate keys one table set (None: not set there)."""

    min_score: float | None = None
    min_pass_rate: float | None = None
    max_critical: int | None = None
    min_dimension: Mapping[str, float] = field(default_factory=dict)
    min_n: int | None = None

    def over(self, base: GateValues) -> GateValues:
        """These values where set, ``base``'s elsewhere; dimension floors merge per dimension."""
        return GateValues(
            min_score=base.min_score if self.min_score is None else self.min_score,
            min_pass_rate=base.min_pass_rate if self.min_pass_rate is None else self.min_pass_rate,
            max_critical=base.max_critical if self.max_critical is None else self.max_critical,
            min_dimension={**base.min_dimension, **self.min_dimension},
            min_n=base.min_n if self.min_n is None else self.min_n,
        )

    def spec(self, default_min_n: int) -> GateSpec:
        return GateSpec(min_score=self.min_score, min_pass_rate=self.min_pass_rate, max_critical=self.max_critical,
                        min_dimension=tuple((d, self.min_dimension[d]) for d in DIMENSIONS if d in self.min_dimension),
                        min_n=self.min_n if self.min_n is not None else default_min_n)


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    rubric: str | None = None
    gates: GateValues = field(default_factory=GateValues)
    per_team: bool = False
    teams: Mapping[str, GateValues] = field(default_factory=dict)

    def with_options(self, **options: object) -> Config:
        """Command-line gate options (None: not given) override the ``[gates]`` table."""
        given = {k: v for k, v in options.items() if v is not None and k != "min_dimension"}
        dims = options.get("min_dimension") or {}
        gates = replace(self.gates, **given, min_dimension={**self.gates.min_dimension, **dims})  # type: ignore[arg-type]
        return replace(self, gates=gates)

    def plan(self, default_min_n: int) -> GatePlan:
        batch = self.gates.spec(default_min_n)
        teams = {name: values.over(self.gates).spec(default_min_n) for name, values in self.teams.items()}
        return GatePlan(batch, teams, self.per_team, batch if self.per_team else None)


# -- finding the file ---------------------------------------------------------------------------

def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``sqaudit.toml``, or ``pyproject.toml`` with ``[tool.sqaudit]``, from ``start`` up."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(pyproject: Path) -> bool:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        # a broken pyproject.toml that may hold our table: read it, so its problem is reported
        try:
            return "[tool.sqaudit" in pyproject.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False
    return isinstance(data.get("tool"), dict) and "sqaudit" in data["tool"]


# -- reading and validating -------------------------------------------------------------------

def load_config(path: Path) -> Config:
    """Read and validate a config file; :class:`ConfigError` lists every problem."""
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError([Problem(shown, 1, 1, "", f"cannot read the config: {getattr(exc, 'strerror', None) or exc}")]) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line, col = (int(found[1]), int(found[2])) if found else (1, 1)
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc)) or "invalid TOML"
        raise ConfigError([Problem(shown, line, col, "", f"invalid TOML: {message}")]) from None
    prefix: Key = ()
    if path.name == "pyproject.toml":
        prefix = ("tool", "sqaudit")
        data = data.get("tool", {}).get("sqaudit", {})
    checker = _Checker(shown, _Locator(text), prefix)
    config = checker.config(data)
    if checker.problems:
        raise ConfigError(checker.problems)
    return replace(config, path=path)


class _Checker:
    def __init__(self, path: str, locator: _Locator, prefix: Key):
        self.path, self.locator, self.prefix = path, locator, prefix
        self.problems: list[Problem] = []

    def problem(self, key: Key, message: str, hint: str | None = None, at_value: bool = True) -> None:
        line, col = self.locator.find(self.prefix + key, at_value)
        self.problems.append(Problem(self.path, line, col, ".".join(self.prefix + key), message, hint))

    def unknown(self, table: Mapping[str, object], where: Key, allowed: tuple[str, ...], note: str = "") -> None:
        for key in table:
            if key not in allowed:
                hint = did_you_mean(key, allowed) or f"known keys: {', '.join(allowed)}{note}"
                self.problem((*where, key), f"unknown key '{key}'", hint, at_value=False)

    def config(self, data: Mapping[str, object]) -> Config:
        self.unknown(data, (), TOP_KEYS)
        rubric = data.get("rubric")
        if rubric is not None and (not isinstance(rubric, str) or not rubric.strip()):
            self.problem(("rubric",), f"must be text (a built-in rubric name or a YAML file), got {_kind(rubric)}")
            rubric = None
        gates = data.get("gates", {})
        if not isinstance(gates, dict):
            self.problem(("gates",), f"must be a table ([gates]), got {_kind(gates)}")
            return Config(rubric=rubric)  # type: ignore[arg-type]
        self.unknown(gates, ("gates",), GATES_KEYS)
        per_team = gates.get("per_team", False)
        if not isinstance(per_team, bool):
            self.problem(("gates", "per_team"), f"must be true or false, got {_kind(per_team)}")
            per_team = False
        teams: dict[str, GateValues] = {}
        raw_teams = gates.get("teams", {})
        if not isinstance(raw_teams, dict):
            self.problem(("gates", "teams"), f"must be a table of teams ([gates.teams.NAME]), got {_kind(raw_teams)}")
        else:
            for name, table in raw_teams.items():
                where = ("gates", "teams", name)
                if not isinstance(table, dict):
                    self.problem(where, f"must be a table of gates ([gates.teams.{name}]), got {_kind(table)}")
                    continue
                self.unknown(table, where, GATE_KEYS, " (per_team and teams belong in [gates])")
                teams[name] = self.gate_values(table, where)
        return Config(rubric=rubric, gates=self.gate_values(gates, ("gates",)),  # type: ignore[arg-type]
                      per_team=per_team, teams=teams)

    def gate_values(self, table: Mapping[str, object], where: Key) -> GateValues:
        dims: dict[str, float] = {}
        raw_dims = table.get("min_dimension", {})
        if not isinstance(raw_dims, dict):
            self.problem((*where, "min_dimension"), f"must be a table of dimension = floor, got {_kind(raw_dims)}",
                         "write min_dimension = {empathy = 70}")
        else:
            for name, value in raw_dims.items():
                if name not in DIMENSIONS:
                    hint = did_you_mean(name, DIMENSIONS) or f"dimensions: {', '.join(DIMENSIONS)}"
                    self.problem((*where, "min_dimension", name), f"unknown dimension '{name}'", hint, at_value=False)
                    continue
                floor = self.number((*where, "min_dimension", name), value, 0, 100, "a score 0-100")
                if floor is not None:
                    dims[name] = floor
        min_n = self.number((*where, "min_n"), table.get("min_n"), 1, None, "a number of contacts", integer=True)
        max_critical = self.number((*where, "max_critical"), table.get("max_critical"), 0, None,
                                   "a number of contacts", integer=True)
        rate = table.get("min_pass_rate")
        rate_hint = (f"a rate is 0-1: {rate / 100:g} for {rate:g} %"
                     if isinstance(rate, (int, float)) and not isinstance(rate, bool) and 1 < rate <= 100 else None)
        return GateValues(
            min_score=self.number((*where, "min_score"), table.get("min_score"), 0, 100, "a score 0-100"),
            min_pass_rate=self.number((*where, "min_pass_rate"), rate, 0, 1, "a rate 0-1", hint=rate_hint),
            max_critical=int(max_critical) if max_critical is not None else None,
            min_dimension=dims,
            min_n=int(min_n) if min_n is not None else None,
        )

    def number(self, key: Key, value: object, low: float, high: float | None, what: str,
               integer: bool = False, hint: str | None = None) -> float | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or (integer and not isinstance(value, int)):
            kind = "a whole number" if integer else "a number"
            extra = " (write it without quotes)" if isinstance(value, str) and _numeric(value) else ""
            self.problem(key, f"must be {kind} ({what}), got {_kind(value)}{extra}")
            return None
        if value < low or (high is not None and value > high):
            bounds = f"between {low:g} and {high:g}" if high is not None else f"at least {low:g}"
            self.problem(key, f"{value!r} is out of range: must be {bounds} ({what})", hint)
            return None
        return float(value)


def _kind(value: object) -> str:
    names = {bool: "a boolean", str: "text", int: "a number", float: "a number", dict: "a table", list: "a list"}
    shown = repr(value) if not isinstance(value, (dict, list)) else ""
    return f"{names.get(type(value), type(value).__name__)}{' ' + shown if shown else ''}"


def _numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


# -- positions --------------------------------------------------------------------------------

_HEADER = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")
_BARE = r'(?:"{k}"|\'{k}\'|{k})'


def _split_key(text: str) -> Key:
    return tuple(part.strip().strip("\"'") for part in text.split("."))


class _Locator:
    """Finds the line and column of a key path in TOML text, by scanning (see the module docstring)."""

    def __init__(self, text: str):
        self.lines = text.splitlines()
        self.sections: list[tuple[Key, int, int]] = []  # header, first line index, header line index
        header: Key = ()
        start, header_line = 0, 0
        for i, line in enumerate(self.lines):
            found = _HEADER.match(line)
            if found:
                self.sections.append((header, start, header_line))
                header, start, header_line = _split_key(found[1]), i + 1, i
        self.sections.append((header, start, header_line))
        self.ends = [s[1] for s in self.sections[1:]] + [len(self.lines) + 1]

    def find(self, key: Key, at_value: bool = True) -> tuple[int, int]:
        for split in range(1, len(key) + 1):
            table, dotted = key[: len(key) - split], key[len(key) - split:]
            pattern = re.compile(r"^\s*(" + r"\s*\.\s*".join(_BARE.format(k=re.escape(k)) for k in dotted)
                                 + r")\s*=\s*")
            for (header, start, _), end in zip(self.sections, self.ends):
                if header != table:
                    continue
                for i in range(start, min(end - 1, len(self.lines))):
                    found = pattern.match(self.lines[i])
                    if found:
                        return i + 1, (found.end() if at_value else found.start(1)) + 1
        # a key inside an inline table: on the line of the key that holds it
        if len(key) > 1:
            line, _ = self.find(key[:-1])
            text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
            found = re.search(r"[{,]\s*(" + _BARE.format(k=re.escape(key[-1])) + r")\s*=\s*", text)
            if found:
                return line, (found.end() if at_value else found.start(1)) + 1
        for header, _, header_line in self.sections:
            if header and header == key:
                return header_line + 1, 1
        return (self.find(key[:-1], at_value=False) if len(key) > 1 else (1, 1))
