"""Find, read and validate a rubric: a built-in name (``servqual``) or a YAML path.

``extends: servqual`` starts from another rubric; ``overrides:`` changes its criteria by id
(any criterion key, ``enabled: false`` to drop one, ``add_phrases`` to extend its phrase
lists) and ``criteria:`` adds new ones. The whole file is checked before anything is
scored; :class:`RubricError` carries every problem.
"""

from __future__ import annotations

import hashlib
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from sqaudit.errors import Problem, RubricError, did_you_mean
from sqaudit.rubric.model import Criterion, Rubric
from sqaudit.rubric.schema import OVERRIDE_ONLY_KEYS, TOP_KEYS, Checker, build_rubric, parse_criterion
from sqaudit.rubric.yamlsrc import FileTooLarge, load_yaml, read_yaml_file

MAX_EXTENDS_DEPTH = 5


def builtin_dir() -> Traversable:
    """Built-in rubrics: inside the installed package, or ``rubrics/`` of a source checkout."""
    packaged = resources.files("sqaudit") / "rubrics"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "rubrics"


def builtin_names() -> list[str]:
    return sorted(p.name[:-4] for p in builtin_dir().iterdir() if p.name.endswith(".yml"))


def load_rubric(ref: str | Path, _depth: int = 0) -> Rubric:
    """Load by built-in name or path; raise RubricError listing every problem."""
    text, shown = _read(ref)
    doc = load_yaml(text, shown)
    if doc.problems and doc.data is None:
        raise RubricError(doc.problems)
    check = Checker(doc)
    data = doc.data
    if not isinstance(data, dict):
        raise RubricError([Problem(shown, 1, 1, "", "a rubric must be a mapping with id, title and criteria")])
    check.keys(data, (), TOP_KEYS)
    parent = _parent(check, data, shown, _depth)
    sections = {s.id for s in parent.sections} if parent else set()
    if isinstance(data.get("sections"), list):
        sections |= {s.get("id") for s in data["sections"] if isinstance(s, dict) and isinstance(s.get("id"), str)}
    criteria = list(parent.criteria) if parent else []
    if parent is not None:
        criteria = _apply_overrides(check, data.get("overrides"), criteria, sections)
    elif "overrides" in data:
        check.report(("overrides",), "'overrides' needs 'extends' naming the rubric to change")
    raw_criteria = data.get("criteria", [] if "extends" in data else None)
    if raw_criteria is None:
        check.report((), "missing required key 'criteria'")
    elif not isinstance(raw_criteria, list):
        check.report(("criteria",), "must be a list of criteria")
    else:
        for i, item in enumerate(raw_criteria):
            criterion = parse_criterion(check, item, ("criteria", i), sections=sections or None)
            if criterion is not None:
                criteria.append(criterion)
    _cross_checks(check, criteria, data)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if parent is not None:
        sha = hashlib.sha256((parent.sha256 + sha).encode()).hexdigest()
        data = {**_inherited(parent), **data}
    rubric = build_rubric(check, data, criteria, sha)
    if parent is not None and "sections" not in doc.data:  # type: ignore[operator]
        rubric = _with(rubric, sections=parent.sections)
    if doc.problems:
        raise RubricError(doc.problems)
    return rubric


def _read(ref: str | Path) -> tuple[str, str]:
    path = Path(ref)
    if not path.suffix and str(ref) in builtin_names():
        return (builtin_dir() / f"{ref}.yml").read_text(encoding="utf-8"), f"<built-in>/{ref}.yml"
    try:
        return read_yaml_file(path), str(ref)
    except FileTooLarge as exc:
        raise RubricError([Problem(str(ref), 1, 1, "", f"refused: {exc}",
                                   "a rubric is a few KB of YAML: is this the right file?")]) from None
    except FileNotFoundError:
        hint = did_you_mean(str(ref), builtin_names()) or f"built-in rubrics: {', '.join(builtin_names())}"
        raise RubricError([Problem(str(ref), 1, 1, "", "no such rubric file or built-in rubric", hint)]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RubricError([Problem(str(ref), 1, 1, "", f"cannot read the rubric: {exc}",
                                   "save it as UTF-8 text")]) from None


def _parent(check: Checker, data: dict[str, object], shown: str, depth: int) -> Rubric | None:
    if "extends" not in data:
        return None
    name = check.string(data, "extends", ())
    if not name:
        return None
    if depth >= MAX_EXTENDS_DEPTH:
        check.report(("extends",), f"more than {MAX_EXTENDS_DEPTH} levels of 'extends' (a cycle?)")
        return None
    ref: str | Path = name
    if name not in builtin_names():
        ref = Path(shown).parent / name
    try:
        return load_rubric(ref, depth + 1)
    except RubricError as exc:
        for problem in exc.problems:
            check.doc.problems.append(problem)
        check.report(("extends",), f"the rubric it extends, '{name}', has problems (listed above)")
        return None


def _apply_overrides(check: Checker, value: object, criteria: list[Criterion], sections: set[str]) -> list[Criterion]:
    if value is None:
        return criteria
    if not isinstance(value, dict):
        check.report(("overrides",), "must map criterion ids to the keys to change")
        return criteria
    by_id = {c.id: c for c in criteria}
    for cid, change in value.items():
        path = ("overrides", cid)
        if cid not in by_id:
            check.report(path, f"no criterion '{cid}' to override", did_you_mean(cid, by_id), key=True)
            continue
        if not isinstance(change, dict):
            check.report(path, "must be a mapping of criterion keys")
            continue
        if change.get("enabled") is False:
            del by_id[cid]
            continue
        merged = {**by_id[cid].raw, **{k: v for k, v in change.items() if k not in OVERRIDE_ONLY_KEYS}}
        merged["id"] = cid
        if "add_phrases" in change:
            merged["phrases"] = _added(check, by_id[cid].raw.get("phrases"), change["add_phrases"], path)
        updated = parse_criterion(check, merged, path, sections=sections or None, allowed_extra=())
        if updated is not None:
            by_id[cid] = updated
    return [by_id[c.id] for c in criteria if c.id in by_id]


def _added(check: Checker, base: object, extra: object, path: tuple[str, ...]) -> object:
    if not isinstance(extra, dict):
        check.report(path + ("add_phrases",), "must be a mapping language -> list of phrases")
        return base
    merged = {k: list(v) for k, v in (base or {}).items()} if isinstance(base, dict) else {}
    for lang, items in extra.items():
        merged[lang] = merged.get(lang, []) + (list(items) if isinstance(items, list) else [items])
    return merged


def _cross_checks(check: Checker, criteria: list[Criterion], data: dict[str, object]) -> None:
    seen: dict[str, Criterion] = {}
    for i, criterion in enumerate(criteria):
        if criterion.id in seen and criterion.id:
            check.report(("criteria",), f"duplicate criterion id '{criterion.id}' (line {criterion.line}, "
                         f"first at line {seen[criterion.id].line})", "ids must be unique; use 'overrides' to change "
                         "an inherited one")
        seen.setdefault(criterion.id, criterion)
    for criterion in criteria:
        for step in criterion.options.get("steps") or []:  # type: ignore[union-attr]
            ref = step if isinstance(step, str) else step.get("criterion") if isinstance(step, dict) else None
            if ref is not None and ref not in seen:
                check.doc.problems.append(Problem(check.doc.path, criterion.line, 1, f"{criterion.id}.options.steps",
                                                  f"step refers to unknown criterion '{ref}'",
                                                  did_you_mean(str(ref), seen)))
    if not criteria and "criteria" in data:
        check.report(("criteria",), "the rubric has no criteria")


def _inherited(parent: Rubric) -> dict[str, object]:
    return {"id": parent.id, "version": parent.version, "title": parent.title, "description": parent.description,
            "languages": list(parent.languages), "pass_score": parent.pass_score, "min_contacts": parent.min_contacts,
            "dimensions": {k: {"weight": v} for k, v in (parent.dimension_weights or {}).items()} or None}


def _with(rubric: Rubric, **changes: object) -> Rubric:
    from dataclasses import replace

    return replace(rubric, **changes)  # type: ignore[arg-type]
