"""What a lint rule sees: the loaded rubric, its YAML document, and where each criterion is written.

A rule is a function ``(LintContext) -> Iterable[Issue]``; an issue names a key path in the
document, and :func:`sqaudit.lint.lint` turns it into a :class:`~sqaudit.lint.Finding` with
the file, line and column of that path. Criteria inherited through ``extends`` and not
overridden here are not written in this file: their issues point at the ``extends`` line.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from sqaudit.checks import KINDS, is_detector
from sqaudit.rubric.model import Criterion, Rubric
from sqaudit.rubric.yamlsrc import KeyPath, YamlDoc
from sqaudit.text import language_family


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem a rule found, at a key path of the document (``key``: point at the key, not its value)."""

    path: KeyPath
    message: str
    hint: str = ""
    key: bool = False
    severity: str | None = None  # None: the rule's own severity


@dataclass
class LintContext:
    rubric: Rubric
    doc: YamlDoc
    bases: dict[str, KeyPath] = field(default_factory=dict)  # criterion id -> ("criteria", i) | ("overrides", id)

    def __post_init__(self) -> None:
        data = self.doc.data if isinstance(self.doc.data, dict) else {}
        overrides = data.get("overrides")
        for cid in overrides if isinstance(overrides, dict) else ():
            self.bases[str(cid)] = ("overrides", cid)
        items = data.get("criteria")
        for i, item in enumerate(items if isinstance(items, list) else ()):
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                self.bases[item["id"]] = ("criteria", i)

    def base(self, criterion: Criterion) -> KeyPath:
        """Where the criterion is written in this file; the ``extends`` line when only inherited."""
        return self.bases.get(criterion.id, ("extends",) if "extends" in self.raw() else ())

    def at(self, criterion: Criterion, *keys: str | int) -> KeyPath:
        """A key of the criterion when this file writes it, else the criterion itself."""
        base = self.base(criterion)
        path = base + keys
        return path if keys and path in self.doc.marks else base

    def raw(self) -> dict[str, object]:
        return self.doc.data if isinstance(self.doc.data, dict) else {}

    def scored(self) -> list[Criterion]:
        """Criteria that earn points (detectors and 0-point criteria left out)."""
        return [c for c in self.rubric.criteria if not is_detector(c.kind) and c.points > 0]

    def phrase_sites(self, criterion: Criterion) -> Iterator[tuple[str, str, KeyPath]]:
        """(language family, phrase, key path) of every phrase of the criterion, as written."""
        written: dict[tuple[str, str], KeyPath] = {}
        base = self.base(criterion)
        for key in ("phrases", "add_phrases"):
            node = _get(self.raw(), base + (key,))
            for lang, items in node.items() if isinstance(node, dict) else ():
                items = items if isinstance(items, list) else [items]
                for j, phrase in enumerate(items):
                    path = base + (key, lang) + ((j,) if base + (key, lang, j) in self.doc.marks else ())
                    written.setdefault((language_family(str(lang)), str(phrase)), path)
        for lang, phrases in criterion.phrases.items():
            for phrase in phrases:
                yield lang, phrase, written.get((lang, phrase), self.at(criterion, "phrases"))


def uses_phrases(criterion: Criterion) -> bool:
    """Its kind requires ``phrases`` (phrase, prohibited, complaint)."""
    return getattr(KINDS.get(criterion.kind), "PHRASES", "unused") == "required"


def languages_of(rubric: Rubric, criterion: Criterion) -> list[str]:
    """The declared language families the criterion applies to."""
    families = sorted({language_family(x) for x in rubric.languages})
    only = criterion.applies_when.languages
    return [f for f in families if only is None or f in only]


def _get(data: object, path: KeyPath) -> object:
    for part in path:
        if (isinstance(part, int) and isinstance(data, list) and part < len(data)) or (
                isinstance(data, dict) and part in data):
            data = data[part]  # type: ignore[index]
        else:
            return None
    return data
