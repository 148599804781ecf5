"""Read YAML safely and remember where every key and value came from.

PyYAML's safe composer gives nodes with marks; we build plain Python values from them
ourselves so that we can (1) keep a ``key path -> (line, col)`` map for error messages,
(2) refuse duplicate keys, which PyYAML silently collapses to the last one, (3) notice
YAML 1.1 booleans written as words (``no``, ``on``, ``yes``...) so a validator can refuse
them where a string is expected (Norway's ``NO`` problem), and (4) bound the work an
alias bomb ("billion laughs") or a huge file can cause.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from sqaudit.errors import Problem

KeyPath = tuple[str | int, ...]
MAX_BYTES = 2_000_000
MAX_NODES = 200_000
BOOL_WORDS = frozenset({"yes", "no", "on", "off", "y", "n"})
# libyaml's parser when PyYAML has it (the same safe resolver, node marks included): a rubric is
# read by every command, and the pure-Python parser took most of a small batch's time
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class YamlDoc:
    path: str
    data: object
    marks: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    bool_words: dict[KeyPath, str] = field(default_factory=dict)  # path -> the word as written
    problems: list[Problem] = field(default_factory=list)

    def where(self, path: KeyPath, *, key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of a value, or of its key; falls back to the parent."""
        table = self.key_marks if key else self.marks
        probe = path
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.marks:
                return self.marks[probe]
            probe = probe[:-1]
        return self.marks.get((), (1, 1))

    def problem(self, path: KeyPath, message: str, hint: str | None = None, *, key: bool = False) -> Problem:
        line, col = self.where(path, key=key)
        return Problem(self.path, line, col, format_path(path), message, hint)


def format_path(path: KeyPath) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class _Builder:
    def __init__(self, doc: YamlDoc):
        self.doc = doc
        self.nodes = 0
        self.constructor = yaml.constructor.SafeConstructor()

    def build(self, node: yaml.Node, path: KeyPath) -> object:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _TooBig(f"more than {MAX_NODES} YAML nodes (an alias bomb?)")
        self.doc.marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        value = self.constructor.construct_object(node, deep=True)
        # a plain scalar's style is None from PyYAML's parser and "" from libyaml's
        if isinstance(value, bool) and not node.style and node.value.lower() in BOOL_WORDS:
            self.doc.bool_words[path] = node.value
        if isinstance(value, (bytes, bytearray)):
            return node.value
        return value

    def _mapping(self, node: yaml.MappingNode, path: KeyPath) -> dict[str, object]:
        out: dict[str, object] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.doc.problems.append(self.doc.problem(path, "YAML merge keys ('<<') are not supported"))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.doc.problems.append(self.doc.problem(path, "a key must be a plain string"))
                continue
            key = str(key_node.value)
            child = path + (key,)
            mark = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in out:
                first = self.doc.key_marks[child]
                self.doc.problems.append(
                    Problem(self.doc.path, mark[0], mark[1], format_path(child),
                            f"duplicate key '{key}' (first defined at line {first[0]})",
                            "YAML keeps only the last one; remove or rename one of them"))
                continue
            self.doc.key_marks[child] = mark
            out[key] = self.build(value_node, child)
        return out


class _TooBig(Exception):
    pass


class FileTooLarge(OSError):
    """A YAML file past :data:`MAX_BYTES`, found without reading the rest of it."""


def read_yaml_file(path: str | Path) -> str:
    """The text of a YAML file (UTF-8, BOM or not), reading at most MAX_BYTES + 1 bytes: a
    multi-gigabyte file, or ``/dev/zero``, is refused at once instead of filling the memory."""
    with Path(path).open("rb") as handle:
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise FileTooLarge(f"file is larger than {MAX_BYTES // 1_000_000} MB")
    return data.decode("utf-8-sig")


def load_yaml(text: str, path: str) -> YamlDoc:
    """Parse one YAML document; syntax errors become problems, never exceptions."""
    doc = YamlDoc(path=path, data=None)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        doc.problems.append(Problem(path, 1, 1, "", f"file is larger than {MAX_BYTES // 1_000_000} MB"))
        return doc
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        doc.problems.append(Problem(path, line, col, "", f"YAML syntax error: {exc.problem or exc}"))
        return doc
    except yaml.YAMLError as exc:
        doc.problems.append(Problem(path, 1, 1, "", f"YAML error: {exc}"))
        return doc
    if node is None:
        doc.problems.append(Problem(path, 1, 1, "", "the file is empty"))
        return doc
    try:
        doc.data = _Builder(doc).build(node, ())
    except _TooBig as exc:
        doc.problems.append(Problem(path, 1, 1, "", f"refused: {exc}"))
        doc.data = None
    except yaml.YAMLError as exc:
        doc.problems.append(Problem(path, 1, 1, "", f"YAML error: {exc}"))
        doc.data = None
    return doc
