"""Find, read and validate a survey instrument: a built-in name (``servqual-22``) or a YAML path.

An instrument says what was asked and where each answer sits in an export::

    id: my-survey
    title: {en: Post-contact survey, zh: 服务后调查}
    scale: [1, 7]                       # default scale of the items
    columns:                            # candidate header names, first found wins
      expectation: ["e{n}", "期望{n}"]   # {n}: the item's number, {id}: its id
      perception: ["p{n}", "感知{n}"]
      weights: "w_{dimension}"          # the respondent's 100 importance points
      agent: [agent, 客服工号]            # also respondent, contact, team, date, comments
    dimensions: {reliability: {weight: 32}, ...}   # optional; default: the five SERVQUAL ids
    items:
      - {id: REL-1, dimension: reliability, text: {en: ..., zh: ...}, reverse: false}
    csat: {column: csat, scale: [1, 5], top_box: 2}
    nps: {column: nps, scale: [0, 10]}  # any 11-point scale: an export coding 0-10 as 1-11 says [1, 11]
    ces: {column: ces, scale: [1, 7], higher_is: easier}
    satisfaction: {column: overall, scale: [1, 7]}  # overall satisfaction: what drives it

``extends: servqual-22`` starts from another instrument and replaces the top-level keys it
gives (typically ``columns``). The YAML machinery is the rubric loader's, so every problem
is listed as ``file:line:col: key.path: message (hint)``, duplicate keys and unquoted
``no``/``yes`` are caught, and alias bombs are refused; :class:`InstrumentError` carries them all.
"""

from __future__ import annotations

import hashlib
import re
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from sqaudit.errors import Problem, RubricError, did_you_mean
from sqaudit.i18n import DIMENSION_NAMES
from sqaudit.model import DIMENSIONS
from sqaudit.rubric.checker import Checker
from sqaudit.rubric.schema import ID_RE
from sqaudit.rubric.yamlsrc import KeyPath, load_yaml
from sqaudit.survey.model import (
    ROLES,
    SINGLES,
    Dimension,
    Instrument,
    Item,
    Scale,
    Single,
)
from sqaudit.text import language_family

TOP_KEYS = ("id", "version", "title", "description", "languages", "scale", "columns", "dimensions", "items",
            "extends", *SINGLES)
ITEM_KEYS = ("id", "number", "dimension", "text", "reverse", "scale", "columns")
COLUMN_KEYS = ("expectation", "perception", "weights", *ROLES, "comments")
SINGLE_KEYS = {"satisfaction": ("column", "scale"), "csat": ("column", "scale", "top_box"),
               "nps": ("column", "scale"), "ces": ("column", "scale", "higher_is")}
MAX_EXTENDS_DEPTH = 5
WEIGHT_TOTAL, WEIGHT_SLACK = 100.0, 0.5
PLACEHOLDER_RE = re.compile(r"\{([a-z]*)\}")


class InstrumentError(RubricError):
    """An instrument that cannot be used: every problem found, refused like a rubric (exit 2)."""

    what = "instrument"


def builtin_dir() -> Traversable:
    return resources.files("sqaudit") / "instruments"


def builtin_names() -> list[str]:
    return sorted(p.name[:-4] for p in builtin_dir().iterdir() if p.name.endswith(".yml"))


def load_instrument(ref: str | Path, _depth: int = 0) -> Instrument:
    """Load by built-in name or path; raise InstrumentError listing every problem."""
    text, shown = _read(ref)
    doc = load_yaml(text, shown)
    if doc.problems and doc.data is None:
        raise InstrumentError(doc.problems)
    check = Checker(doc)
    data = doc.data
    if not isinstance(data, dict):
        raise InstrumentError([Problem(shown, 1, 1, "", "an instrument must be a mapping with id, title and items")])
    check.keys(data, (), TOP_KEYS)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    parent_raw: dict[str, object] = {}
    extends = None
    if "extends" in data:
        extends = check.string(data, "extends", ())
        parent = _parent(check, extends, shown, _depth) if extends else None
        if parent is not None:
            parent_raw, sha = parent[0], hashlib.sha256((parent[1] + sha).encode()).hexdigest()
    merged = {**parent_raw, **{k: v for k, v in data.items() if k != "extends"}}
    instrument = build(check, merged, shown, sha, extends)
    if doc.problems:
        raise InstrumentError(doc.problems)
    return instrument


def _read(ref: str | Path) -> tuple[str, str]:
    path = Path(ref)
    if not path.suffix and str(ref) in builtin_names():
        return (builtin_dir() / f"{ref}.yml").read_text(encoding="utf-8"), f"<built-in>/{ref}.yml"
    try:
        return path.read_text(encoding="utf-8-sig"), str(ref)
    except FileNotFoundError:
        hint = did_you_mean(str(ref), builtin_names()) or f"built-in instruments: {', '.join(builtin_names())}"
        raise InstrumentError([Problem(str(ref), 1, 1, "", "no such instrument file or built-in instrument",
                                       hint)]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InstrumentError([Problem(str(ref), 1, 1, "", f"cannot read the instrument: {exc}",
                                       "save it as UTF-8 text")]) from None


def _parent(check: Checker, name: str, shown: str, depth: int) -> tuple[dict[str, object], str] | None:
    """The raw top-level mapping and sha256 of the instrument this one extends (validated first)."""
    if depth >= MAX_EXTENDS_DEPTH:
        check.report(("extends",), f"more than {MAX_EXTENDS_DEPTH} levels of 'extends' (a cycle?)")
        return None
    ref: str | Path = name if name in builtin_names() else Path(shown).parent / name
    try:
        parent = load_instrument(ref, depth + 1)
    except InstrumentError as exc:
        check.doc.problems.extend(exc.problems)
        check.report(("extends",), f"the instrument it extends, '{name}', has problems (listed above)")
        return None
    raw = load_yaml(_read(ref)[0], str(ref)).data
    return (dict(raw) if isinstance(raw, dict) else {}), parent.sha256


def build(check: Checker, data: dict[str, object], shown: str, sha: str, extends: str | None) -> Instrument:
    root: KeyPath = ()
    default_scale = scale(check, data.get("scale", [1, 7]), ("scale",)) or Scale(1, 7)
    dimensions = _dimensions(check, data.get("dimensions"))
    columns = data.get("columns") or {}
    if not isinstance(columns, dict):
        check.report(("columns",), "must map expectation, perception, weights, respondent, contact, agent, team, "
                     "date, comments to column names")
        columns = {}
    check.keys(columns, ("columns",), COLUMN_KEYS)
    col = {key: _names(check, columns.get(key), ("columns", key)) for key in COLUMN_KEYS}
    broken = set()
    for key, need in (("expectation", ("n", "id")), ("perception", ("n", "id")), ("weights", ("dimension",))):
        for pattern in col[key]:
            if not _placeholders(check, pattern, ("columns", key), need):
                broken.add(key)
    items = _items(check, data.get("items"), {d.id for d in dimensions}, default_scale, col, broken)
    used = {item.dimension for item in items}
    singles = {kind: s for kind in SINGLES if kind in data
               for s in (_single(check, kind, data[kind], default_scale),) if s is not None}
    if not items and not singles:
        check.report(root, "the instrument asks nothing: give 'items' or one of satisfaction, csat, nps, ces")
    if col["weights"] and not items:
        check.report(("columns", "weights"), "importance weights need items with dimensions")
    titles = _texts(check, data.get("title"), ("title",))
    if "title" not in data:
        check.report(root, "missing required key 'title'", "text, or a mapping language -> text")
    iid = check.string(data, "id", root, required=True)
    if iid and not ID_RE.match(iid):
        check.report(("id",), f"'{iid}' is not a valid id", "use letters, digits, '-', '_' or '.'")
    return Instrument(
        id=iid, version=check.string(data, "version", root, default="1"),
        title=titles.get("en") or next(iter(titles.values()), iid), titles=titles,
        description=check.string(data, "description", root),
        languages=tuple(check.text_list(data.get("languages", ["en", "zh"]), ("languages",))),
        dimensions=tuple(d for d in dimensions if d.id in used), items=tuple(items),
        roles={role: col[role] for role in ROLES}, comments=col["comments"],
        weight_columns={d.id: tuple(dict.fromkeys(p.replace("{dimension}", name) for p in col["weights"]
                                                  for name in (d.id, *d.titles.values())))
                        for d in dimensions if d.id in used},
        singles=singles, source=shown, sha256=sha, extends=extends)


def scale(check: Checker, value: object, path: KeyPath) -> Scale | None:
    if isinstance(value, dict):
        check.keys(value, path, ("min", "max"))
        value = [value.get("min"), value.get("max")]
    if (not isinstance(value, list) or len(value) != 2
            or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)):
        check.report(path, "must be [lowest, highest], e.g. [1, 7] or [0, 10]")
        return None
    if value[0] >= value[1]:
        check.report(path, f"the lowest point ({value[0]:g}) must be below the highest ({value[1]:g})")
        return None
    return Scale(float(value[0]), float(value[1]))


def _names(check: Checker, value: object, path: KeyPath) -> tuple[str, ...]:
    if value is None:
        return ()
    return tuple(check.text_list(value, path))


def _placeholders(check: Checker, pattern: str, path: KeyPath, allowed: tuple[str, ...]) -> bool:
    """True when the column pattern has a placeholder and only known ones."""
    found = PLACEHOLDER_RE.findall(pattern)
    for name in found:
        if name not in allowed:
            check.report(path, f"'{{{name}}}' in '{pattern}' is not a placeholder here",
                         f"use {' or '.join('{' + a + '}' for a in allowed)}")
    if not found:
        check.report(path, f"'{pattern}' has no placeholder, so every item would read the same column",
                     f"add {' or '.join('{' + a + '}' for a in allowed)}, e.g. 'p{{n}}'" if "n" in allowed
                     else "add {dimension}, e.g. 'w_{dimension}'")
    return bool(found) and all(name in allowed for name in found)


def _texts(check: Checker, value: object, path: KeyPath) -> dict[str, str]:
    if value is None:
        return {}
    word = check.doc.bool_words.get(path)
    if isinstance(value, bool) and word:
        check.report(path, f"'{word}' here is a YAML 1.1 boolean, not text", f"quote it: \"{word}\"")
        return {}
    if isinstance(value, str):
        return {"en": value} if value.strip() else {}
    if not isinstance(value, dict) or not value:
        check.report(path, "must be text, or a mapping language -> text, e.g. {en: ..., zh: ...}")
        return {}
    out = {}
    for lang, text in value.items():
        if not isinstance(text, str) or not text.strip():
            check.report(path + (lang,), "must be non-empty text")
        else:
            out[language_family(lang)] = text
    return out


def _dimensions(check: Checker, value: object) -> list[Dimension]:
    if value is None:
        return [Dimension(d, _servqual_titles(d), None) for d in DIMENSIONS]
    path: KeyPath = ("dimensions",)
    if not isinstance(value, dict) or not value:
        check.report(path, "must map dimension ids to {title, weight}", "e.g. {reliability: {weight: 32}}")
        return [Dimension(d, _servqual_titles(d), None) for d in DIMENSIONS]
    out = []
    for name, spec in value.items():
        if not ID_RE.match(name):
            check.report(path + (name,), f"'{name}' is not a valid dimension id", key=True)
            continue
        spec = {} if spec is None else spec
        if isinstance(spec, (int, float)) and not isinstance(spec, bool):
            spec = {"weight": spec}
        if not isinstance(spec, dict):
            check.report(path + (name,), "must be {title: ..., weight: ...}, a weight, or empty")
            continue
        check.keys(spec, path + (name,), ("title", "weight"))
        weight = check.number(spec, "weight", path + (name,), -1.0, low=0, high=WEIGHT_TOTAL)
        titles = _texts(check, spec.get("title"), path + (name, "title")) or _servqual_titles(name)
        out.append(Dimension(name, titles, None if weight < 0 else weight))
    weighted = [d for d in out if d.weight is not None]
    if weighted and len(weighted) != len(out):
        missing = ", ".join(d.id for d in out if d.weight is None)
        check.report(path, f"weights are given for some dimensions but not for {missing}",
                     "give every dimension a weight (100 points in all), or none")
    elif weighted and abs(sum(d.weight or 0 for d in weighted) - WEIGHT_TOTAL) > WEIGHT_SLACK:
        check.report(path, f"the weights add up to {sum(d.weight or 0 for d in weighted):g}, not 100",
                     "importance weights share 100 points between the dimensions")
    return out


def _servqual_titles(dimension: str) -> dict[str, str]:
    """The five SERVQUAL ids are named in English and Chinese (seed 003's 信赖度, 专业度 ...)."""
    return {lang: names[dimension] for lang, names in DIMENSION_NAMES.items() if dimension in names}


def _items(check: Checker, value: object, dimensions: set[str], default: Scale,
           col: dict[str, tuple[str, ...]], broken: set[str]) -> list[Item]:
    if value is None:
        return []
    if not isinstance(value, list):
        check.report(("items",), "must be a list of items")
        return []
    items: list[Item] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(value):
        path: KeyPath = ("items", i)
        if not isinstance(raw, dict):
            check.report(path, "an item must be a mapping with id, dimension and text")
            continue
        check.keys(raw, path, ITEM_KEYS)
        iid = check.string(raw, "id", path, required=True)
        if iid in seen:
            check.report(path + ("id",), f"duplicate item id '{iid}' (first at items[{seen[iid]}])")
        seen.setdefault(iid, i)
        dimension = check.string(raw, "dimension", path, required=True)
        if dimension and dimension not in dimensions:
            check.report(path + ("dimension",), f"'{dimension}' is not one of {', '.join(sorted(dimensions))}",
                         did_you_mean(dimension, dimensions) or "declare it under 'dimensions'")
        texts = _texts(check, raw.get("text"), path + ("text",))
        if "text" not in raw:
            check.report(path, "missing required key 'text'", "the wording, e.g. {en: ..., zh: ...}")
        number = int(check.number(raw, "number", path, i + 1, low=1))
        reverse = raw.get("reverse", False)
        if not isinstance(reverse, bool):
            check.report(path + ("reverse",), "must be true or false")
            reverse = False
        item_scale = scale(check, raw["scale"], path + ("scale",)) if "scale" in raw else default
        own = raw.get("columns") or {}
        if not isinstance(own, dict):
            check.report(path + ("columns",), "must be {expectation: name, perception: name}")
            own = {}
        check.keys(own, path + ("columns",), ("expectation", "perception"))
        columns = {key: _names(check, own[key], path + ("columns", key)) if key in own
                   else tuple(p.replace("{n}", str(number)).replace("{id}", iid) for p in col[key])
                   for key in ("expectation", "perception")}
        if not columns["perception"]:
            check.report(path, "no perception column: give columns.perception (e.g. 'p{n}') at the top "
                         "or columns.perception on the item")
        items.append(Item(iid, number, dimension, texts, item_scale or default, reverse,
                          columns["expectation"], columns["perception"], check.doc.where(path)[0]))
    if not items:
        check.report(("items",), "the list is empty")
    readers: dict[tuple[str, ...], str] = {}
    for i, item in enumerate(items):
        for key, cols in (("expectation", item.expectation), ("perception", item.perception)):
            if key in broken or not cols:
                continue  # the pattern itself was reported
            if cols in readers and readers[cols] != item.id:
                check.report(("items", i), f"items {readers[cols]} and {item.id} read the same column '{cols[0]}'",
                             "give each item its own 'number' or columns")
            readers.setdefault(cols, item.id)
    return items


def _single(check: Checker, kind: str, value: object, default: Scale) -> Single | None:
    path: KeyPath = (kind,)
    if isinstance(value, str):
        value = {"column": value}
    if not isinstance(value, dict):
        check.report(path, "must be {column: ..., scale: [low, high]}")
        return None
    check.keys(value, path, SINGLE_KEYS[kind])
    columns = _names(check, value.get("column"), path + ("column",))
    if not columns:
        check.report(path, "missing required key 'column'", "the header of the answer's column")
    fallback = {"nps": Scale(0, 10), "csat": Scale(1, 5)}.get(kind, default)
    found = scale(check, value["scale"], path + ("scale",)) if "scale" in value else fallback
    if kind == "nps" and found is not None and found.span != 10:
        check.report(path + ("scale",), f"an NPS question has 11 points (0-10), not {found}",
                     "an export that codes 0-10 as 1-11 says scale: [1, 11]")
        found = None
    top_box = int(check.number(value, "top_box", path, 2, low=1))
    if found is not None and top_box > found.span:
        check.report(path + ("top_box",), f"top {top_box} box is the whole {found} scale")
    higher_is = check.choice(value, "higher_is", path, ("easier", "harder"), "easier")
    return Single(kind, columns, found or fallback, top_box, higher_is == "easier")
