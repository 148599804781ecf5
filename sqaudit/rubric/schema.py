"""Validate a rubric document and build the frozen :class:`Rubric` from it.

Every problem is collected (never the first one only) with the place it was written, so a
rubric author fixes them all in one go. String places refuse YAML 1.1 booleans such as an
unquoted ``no`` or ``on``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from sqaudit.checks import KINDS, is_detector
from sqaudit.errors import did_you_mean
from sqaudit.model import CHANNELS, DIMENSIONS
from sqaudit.rubric.model import CRITICAL_LEVELS, NA_POLICIES, AppliesWhen, Criterion, Rubric, Section
from sqaudit.rubric.checker import Checker
from sqaudit.rubric.yamlsrc import KeyPath
from sqaudit.text import language_family

TOP_KEYS = ("id", "version", "title", "description", "languages", "dimensions", "sections", "criteria",
            "pass_score", "min_contacts", "extends", "overrides")
CRITERION_KEYS = ("id", "dimension", "section", "title", "description", "kind", "options", "points",
                  "applies_when", "na_policy", "critical", "phrases", "say_instead", "examples")
OVERRIDE_ONLY_KEYS = ("enabled", "add_phrases")
APPLIES_KEYS = ("channel", "language", "complaint_only", "min_turns")
ID_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,63}$")


def parse_criterion(check: Checker, data: object, path: KeyPath, *, sections: set[str] | None,
                    allowed_extra: tuple[str, ...] = ()) -> Criterion | None:
    if not isinstance(data, dict):
        check.report(path, "a criterion must be a mapping")
        return None
    check.keys(data, path, CRITERION_KEYS + allowed_extra)
    cid = check.string(data, "id", path, required=True)
    if cid and not ID_RE.match(cid):
        check.report(path + ("id",), f"'{cid}' is not a valid id", "use letters, digits, '-', '_' or '.', e.g. EMP-01")
    dimension = check.choice(data, "dimension", path, DIMENSIONS, None)
    if "dimension" not in data:
        check.report(path, "missing required key 'dimension'", f"one of {', '.join(DIMENSIONS)}")
    kind = check.string(data, "kind", path, required=True)
    module = KINDS.get(kind)
    if kind and module is None:
        check.report(path + ("kind",), f"unknown kind '{kind}'", did_you_mean(kind, KINDS) or f"kinds: {', '.join(KINDS)}")
    options = _options(check, data.get("options"), path + ("options",), kind)
    default_points = 0.0 if is_detector(kind) else 1.0
    points = check.number(data, "points", path, default_points, low=0)
    if is_detector(kind):
        if points:
            check.report(path + ("points",), "a complaint detector earns no points", "remove 'points' or set it to 0")
        for key in ("na_policy", "critical"):
            if data.get(key) not in (None, "exclude"):
                check.report(path + (key,), f"a complaint detector takes no '{key}'",
                             "it decides whether the contact is a complaint; it is never scored", key=True)
    section = check.string(data, "section", path) or None
    if section and sections is not None and section not in sections:
        check.report(path + ("section",), f"unknown section '{section}'", did_you_mean(section, sections))
    critical = check.choice(data, "critical", path, CRITICAL_LEVELS, None)
    if critical == "fail_section" and not section:
        check.report(path + ("critical",), "fail_section needs the criterion to name its 'section'")
    phrases = check.per_language(data["phrases"], path + ("phrases",)) if "phrases" in data else {}
    wants = getattr(module, "PHRASES", "unused")
    if module and wants == "required" and not any(phrases.values()):
        check.report(path, f"kind '{kind}' needs 'phrases' (a mapping language -> list)")
    if module and wants == "unused" and phrases:
        check.report(path + ("phrases",), f"kind '{kind}' does not use 'phrases'", key=True)
    titles = _localized(check, data.get("title"), path + ("title",))
    if "title" not in data:
        check.report(path, "missing required key 'title'", "text, or a mapping language -> text")
    return Criterion(
        id=cid, dimension=dimension or "reliability", title=titles.get("en") or next(iter(titles.values()), ""),
        titles=titles,
        kind=kind, points=points, description=check.string(data, "description", path), section=section,
        options=options, applies_when=_applies(check, data.get("applies_when"), path + ("applies_when",)),
        na_policy=check.choice(data, "na_policy", path, NA_POLICIES, "exclude") or "exclude",
        critical=critical, phrases={k: tuple(v) for k, v in phrases.items() if v},
        say_instead=_localized(check, data.get("say_instead"), path + ("say_instead",)),
        examples_pass=_examples(check, data, path, "pass"), examples_fail=_examples(check, data, path, "fail"),
        line=check.doc.where(path)[0], raw=data,
    )


def _options(check: Checker, value: object, path: KeyPath, kind: str) -> dict[str, object]:
    module = KINDS.get(kind)
    if value is None:
        value = {}
    if not isinstance(value, dict):
        check.report(path, "must be a mapping of the kind's options")
        return {}
    if module is None:
        return dict(value)
    specs = module.OPTIONS
    check.keys(value, path, tuple(specs))
    out: dict[str, object] = {}
    for name, spec in specs.items():
        if name not in value or value[name] is None:
            if spec.required:
                check.report(path if value else path[:-1], f"kind '{kind}' needs option '{name}': {spec.doc}")
            if spec.default is not None:
                out[name] = spec.default
            continue
        problem = spec.check(value[name]) if spec.check else None
        if problem:
            check.report(path + (name,), problem)
        else:
            out[name] = value[name]
    return out


def _applies(check: Checker, value: object, path: KeyPath) -> AppliesWhen:
    if value is None:
        return AppliesWhen()
    if not isinstance(value, dict):
        check.report(path, "must be a mapping with channel, language, complaint_only, min_turns")
        return AppliesWhen()
    check.keys(value, path, APPLIES_KEYS)
    channels = check.text_list(value["channel"], path + ("channel",)) if "channel" in value else None
    for i, channel in enumerate(channels or []):
        if channel not in CHANNELS:
            check.report(path + ("channel", i), f"unknown channel '{channel}'", did_you_mean(channel, CHANNELS))
    languages = check.text_list(value["language"], path + ("language",)) if "language" in value else None
    complaint_only = value.get("complaint_only", False)
    if not isinstance(complaint_only, bool):
        check.report(path + ("complaint_only",), "must be true or false")
        complaint_only = False
    min_turns = check.number(value, "min_turns", path, 0, low=0)
    return AppliesWhen(tuple(channels) if channels else None,
                       tuple(sorted({language_family(x) for x in languages})) if languages else None,
                       complaint_only, int(min_turns))


def _localized(check: Checker, value: object, path: KeyPath) -> dict[str, str]:
    """Text for every language ("*"), or a mapping language -> text (titles, say_instead)."""
    if value is None:
        return {}
    word = check.doc.bool_words.get(path)
    if isinstance(value, bool) and word:
        check.report(path, f"'{word}' here is a YAML 1.1 boolean, not text", f"quote it: \"{word}\"")
        return {}
    if isinstance(value, str):
        if not value.strip():
            check.report(path, "must be non-empty text")
            return {}
        return {"*": value}
    if not isinstance(value, dict):
        check.report(path, "must be text, or a mapping language -> text")
        return {}
    out = {}
    for lang, text in value.items():
        if not isinstance(text, str) or not text.strip():
            check.report(path + (lang,), "must be non-empty text")
        else:
            out[language_family(lang)] = text
    if not value:
        check.report(path, "must name at least one language", "e.g. {en: ..., zh: ...}")
    return out


def _examples(check: Checker, data: Mapping[str, object], path: KeyPath, which: str) -> tuple[str, ...]:
    value = data.get("examples")
    if value is None:
        return ()
    if not isinstance(value, dict):
        if which == "pass":
            check.report(path + ("examples",), "must be a mapping {pass: [...], fail: [...]}")
        return ()
    if which == "pass":
        check.keys(value, path + ("examples",), ("pass", "fail"))
    texts = check.text_list(value.get(which, []), path + ("examples", which))
    from sqaudit.parsers.plaintext import parse_text

    for i, text in enumerate(texts):
        try:
            parse_text(text, source=f"example {which}[{i}]")
        except Exception as exc:  # an InputError names the line inside the example
            check.report(path + ("examples", which, i), f"example does not parse: {exc}",
                         "write turns as 'Agent: ...' / 'Customer: ...', one per line")
    return tuple(texts)


def parse_sections(check: Checker, value: object, path: KeyPath) -> tuple[Section, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        check.report(path, "must be a list of {id, title}")
        return ()
    out = []
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            check.report(path + (i,), "must be a mapping {id, title, description}")
            continue
        check.keys(item, path + (i,), ("id", "title", "description"))
        sid = check.string(item, "id", path + (i,), required=True)
        out.append(Section(sid, check.string(item, "title", path + (i,), default=sid),
                           check.string(item, "description", path + (i,))))
    return tuple(out)


def parse_dimensions(check: Checker, value: object, path: KeyPath) -> dict[str, float] | None:
    """``dimensions:`` maps each SERVQUAL id to ``{weight: w}`` (or to a bare weight)."""
    if value is None:
        return None
    if isinstance(value, list):
        value = {name: None for name in value} if all(isinstance(v, str) for v in value) else value
    if not isinstance(value, dict):
        check.report(path, "must map dimension ids to {weight: ...}")
        return None
    weights: dict[str, float] = {}
    for name, spec in value.items():
        if name not in DIMENSIONS:
            check.report(path + (name,), f"unknown dimension '{name}' (the five SERVQUAL ids are fixed)",
                         did_you_mean(name, DIMENSIONS), key=True)
            continue
        if isinstance(spec, dict):
            check.keys(spec, path + (name,), ("weight", "title", "description"))
            if "weight" in spec:
                weights[name] = check.number(spec, "weight", path + (name,), 1.0, low=0)
        elif isinstance(spec, (int, float)) and not isinstance(spec, bool):
            weights[name] = float(spec)
        elif spec is not None:
            check.report(path + (name,), "must be {weight: number} or a number")
    return weights or None


def build_rubric(check: Checker, data: Mapping[str, object], criteria: list[Criterion], sha256: str) -> Rubric:
    root: KeyPath = ()
    languages = check.text_list(data.get("languages", ["en", "zh"]), ("languages",))
    return Rubric(
        id=check.string(data, "id", root, required=True), version=check.string(data, "version", root, default="1"),
        title=check.string(data, "title", root, required=True), criteria=tuple(criteria),
        description=check.string(data, "description", root), languages=tuple(languages),
        dimension_weights=parse_dimensions(check, data.get("dimensions"), ("dimensions",)),
        sections=parse_sections(check, data.get("sections"), ("sections",)),
        pass_score=check.number(data, "pass_score", root, 80.0, low=0, high=100),
        min_contacts=int(check.number(data, "min_contacts", root, 10, low=1)),
        source=check.doc.path, sha256=sha256,
    )
