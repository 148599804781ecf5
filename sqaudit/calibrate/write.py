"""Write a calibrated rubric: the original YAML text with only ``points:`` values changed.

The text is edited in place at the line:col marks the project's YAML reader keeps
(:mod:`sqaudit.rubric.yamlsrc`), so comments, key order, quoting and layout all stay as
written. A criterion that relied on the default 1 point gets a ``points:`` line after its
``kind:``; a criterion inherited through ``extends`` gets (or updates) an ``overrides:``
entry. ``version`` is bumped (or added), a relative ``extends`` path is rewritten for the
new file's folder, and a header comment says when and on what the rubric was calibrated.
A built-in rubric (``-r servqual``) is edited the same way from its shipped YAML text.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from sqaudit.errors import UsageError
from sqaudit.rubric.loader import builtin_dir, builtin_names
from sqaudit.rubric.yamlsrc import KeyPath, YamlDoc, load_yaml, read_yaml_file

Edit = tuple[int, int, int, str]  # 1-based line, 1-based column, characters replaced, new text
TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\']|\'\')*\'|[^\s,}\]#]+')
UNSAFE = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]+")


def rubric_source(ref: str) -> tuple[str, Path]:
    """The rubric's YAML text and its file (a built-in's shipped file)."""
    path = Path(ref)
    if not path.suffix and ref in builtin_names():
        path = Path(str(builtin_dir() / f"{ref}.yml"))
    return read_yaml_file(path), path


def refuse_same_file(output: Path, source: Path) -> None:
    """The calibrated rubric never overwrites the one it came from."""
    same = output.resolve() == source.resolve() or (output.exists() and source.exists() and output.samefile(source))
    if same:
        raise UsageError(f"-o {output} is the rubric being calibrated: write the calibrated copy to a new file")


def number(points: float) -> str:
    return f"{round(points, 2):g}"


def comment(text: str) -> str:
    """One header line: no line breaks or control characters can end the comment early."""
    return "# " + UNSAFE.sub(" ", text).rstrip() + "\n"


def tuned_text(text: str, shown: str, points: Mapping[str, float], version: str, header: Sequence[str],
               source_dir: Path | None = None, output_dir: Path | None = None) -> str:
    """``text`` with the given criteria's points (and the version) changed, and ``header`` on top."""
    text = text.lstrip("\ufeff")
    if not text.endswith("\n"):
        text += "\n"
    doc = load_yaml(text, shown)
    data = doc.data
    if not isinstance(data, dict) or doc.problems:
        raise ValueError(f"{shown} does not load as a rubric: {doc.problems[:1]}")
    lines = text.splitlines(keepends=True)
    edits: list[Edit] = []
    defined = {c.get("id"): i for i, c in enumerate(data.get("criteria") or []) if isinstance(c, dict)}
    overrides = data.get("overrides")
    missing = []
    for cid, value in points.items():
        if cid in defined:
            edits.append(_criterion(doc, lines, ("criteria", defined[cid]), value))
        elif isinstance(overrides, dict) and isinstance(overrides.get(cid), dict):
            edits.append(_override(doc, lines, cid, overrides[cid], value))
        else:
            missing.append(f"{cid}: {{points: {number(value)}}}")
    if missing:
        edits.append(_new_overrides(doc, lines, missing))
    edits.append(_version(doc, lines, version))
    if "extends" in data and str(data["extends"]) not in builtin_names() and source_dir and output_dir:
        target = os.path.relpath((source_dir / str(data["extends"])).resolve(), output_dir.resolve())
        edits.append(_replace(doc, lines, ("extends",), f'"{Path(target).as_posix()}"'))
    for line, col, length, new in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        if line > len(lines):
            lines.append(new)
            continue
        row = lines[line - 1]
        lines[line - 1] = row[:col - 1] + new + row[col - 1 + length:]
    return "".join(comment(h) for h in header) + "#\n" + "".join(lines)


def _replace(doc: YamlDoc, lines: list[str], path: KeyPath, new: str) -> Edit:
    line, col = doc.marks[path]
    token = TOKEN.match(lines[line - 1], col - 1)
    return line, col, len(token.group()) if token else 0, new


def _flow(lines: list[str], doc: YamlDoc, path: KeyPath) -> bool:
    line, col = doc.marks[path]
    return lines[line - 1][col - 1:col] == "{"


def _criterion(doc: YamlDoc, lines: list[str], path: KeyPath, value: float) -> Edit:
    if path + ("points",) in doc.marks:
        return _replace(doc, lines, path + ("points",), number(value))
    line, col = doc.key_marks[path + ("kind",)]
    if _flow(lines, doc, path):
        return line, col, 0, f"points: {number(value)}, "
    return line + 1, 1, 0, " " * (col - 1) + f"points: {number(value)}\n"


def _override(doc: YamlDoc, lines: list[str], cid: str, change: dict[str, object], value: float) -> Edit:
    """Change (or add) ``points`` in the existing ``overrides:`` entry of an inherited criterion."""
    entry = ("overrides", cid)
    if "points" in change:
        return _replace(doc, lines, entry + ("points",), number(value))
    if _flow(lines, doc, entry):
        line, col = doc.marks[entry]
        return line, col + 1, 0, f"points: {number(value)}" + (", " if change else "")
    line, col = doc.key_marks[entry + (next(iter(change)),)]
    return line, 1, 0, " " * (col - 1) + f"points: {number(value)}\n"


def _new_overrides(doc: YamlDoc, lines: list[str], entries: list[str]) -> Edit:
    """``overrides:`` entries for inherited criteria that have none: into the mapping, or a new one at the end."""
    data = doc.data
    assert isinstance(data, dict)
    if "overrides" not in data:
        body = "".join(f"  {e}\n" for e in entries)
        return len(lines) + 1, 1, 0, f"overrides:  # points fitted by sqaudit calibrate\n{body}"
    overrides = data["overrides"]
    if isinstance(overrides, dict) and _flow(lines, doc, ("overrides",)):
        line, col = doc.marks[("overrides",)]
        return line, col + 1, 0, ", ".join(entries) + (", " if overrides else "")
    line, _ = doc.key_marks[("overrides",)]
    indent = doc.key_marks[("overrides", next(iter(overrides)))][1] - 1 if isinstance(overrides, dict) and overrides \
        else 2
    return line + 1, 1, 0, "".join(" " * indent + e + "\n" for e in entries)


def _version(doc: YamlDoc, lines: list[str], version: str) -> Edit:
    quoted = '"' + version.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if ("version",) in doc.marks:
        return _replace(doc, lines, ("version",), quoted)
    data = doc.data
    assert isinstance(data, dict)
    if "id" in data:
        return doc.key_marks[("id",)][0] + 1, 1, 0, f"version: {quoted}\n"
    line, _ = doc.key_marks[(next(iter(data)),)]
    return line, 1, 0, f"version: {quoted}\n"
