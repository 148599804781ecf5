"""How a chat export maps to sqaudit's fields: ``--map`` values and ``--mapping`` files.

A mapping file (YAML) names the columns of a table export and what its speaker values mean::

    columns:            # field: column (fields: id, time, speaker, text, agent, team, channel, language)
      id: thread
      speaker: author_role
      text: body
    speakers:           # speaker value: agent | customer | system
      Support Bot: system
      Member: customer

``--map speaker=author_role,text=body`` (repeatable) names columns the same way and wins
over the file. Anything else in the file, or a value that is not a field or a role, is refused
before any input is read.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


from sqaudit.errors import UsageError
from sqaudit.model import SPEAKERS
from sqaudit.parsers.base import TABLE_FIELDS, ReadOptions
from sqaudit.rubric.yamlsrc import load_yaml, read_yaml_file

Pairs = tuple[tuple[str, str], ...]
FIELDS_HINT = f"fields: {', '.join(TABLE_FIELDS)}"


def parse_map(values: Iterable[str]) -> Pairs:
    """``["speaker=author_role,text=body"]`` -> (("speaker", "author_role"), ("text", "body"))."""
    pairs: dict[str, str] = {}
    for value in values:
        for part in value.split(","):
            if not part.strip():
                continue
            name, sep, column = part.partition("=")
            name, column = name.strip().lower(), column.strip()
            if not sep or name not in TABLE_FIELDS or not column:
                raise UsageError(f"--map {part.strip()!r}: write FIELD=COLUMN ({FIELDS_HINT})")
            pairs[name] = column
    return tuple(pairs.items())


def load_mapping(path: Path) -> tuple[Pairs, Pairs]:
    """(columns, speakers) from a mapping file; UsageError naming the file for anything wrong."""
    try:  # the rubrics' reader: size and alias expansion bounded, a bomb is refused at once
        doc = load_yaml(read_yaml_file(path), str(path))
    except OSError as exc:
        raise UsageError(f"{path}: cannot read the mapping file ({exc.strerror or exc})") from None
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path}: not a UTF-8 YAML mapping file ({exc})") from None
    if doc.problems:
        raise UsageError("not a YAML mapping file: " + "; ".join(str(p) for p in doc.problems))
    data = doc.data or {}
    if not isinstance(data, dict) or set(data) - {"columns", "speakers"}:
        raise UsageError(f"{path}: a mapping file has 'columns:' and 'speakers:' only")
    columns, speakers = data.get("columns") or {}, data.get("speakers") or {}
    if not isinstance(columns, dict) or not isinstance(speakers, dict):
        raise UsageError(f"{path}: 'columns' and 'speakers' map names to names")
    for name, column in columns.items():
        if str(name).lower() not in TABLE_FIELDS or column is None or isinstance(column, (dict, list)):
            raise UsageError(f"{path}: columns: {name}: {column!r}: write FIELD: COLUMN ({FIELDS_HINT})")
    for value, role in speakers.items():
        if str(role).lower() not in SPEAKERS:
            raise UsageError(f"{path}: speakers: {value}: {role!r} must be agent, customer or system")
    return (tuple((str(k).lower(), str(v)) for k, v in columns.items()),
            tuple((str(k), str(v).lower()) for k, v in speakers.items()))


def read_options_from(input_format: str | None, encoding: str | None, maps: Iterable[str], mapping: Path | None,
                      agent_speaker: Iterable[str]) -> ReadOptions:
    """The ReadOptions the command line asks for (``--map`` over the mapping file's columns)."""
    columns, speakers = load_mapping(mapping) if mapping is not None else ((), ())
    merged = dict(columns)
    merged.update(parse_map(maps))
    return ReadOptions(input_format=input_format, encoding=encoding, column_map=tuple(merged.items()),
                       agent_speaker=tuple(a for a in agent_speaker if a.strip()), speaker_map=speakers)
