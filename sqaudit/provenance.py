"""What a run was made from, so any score can be rebuilt later and checked.

``describe_run`` lists every input file with its size and sha256 (in the order the run
reads them) and the options that shape the scores. ``score -f json`` writes it as the
document's ``run`` object; ``score --reproduce run.json`` reads it back, re-scores the same
files with the same rubric and options, and says whether the result is identical.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sqaudit.errors import UsageError
from sqaudit.parsers import expand_paths

# parts of a score document that must come out the same when nothing has changed
COMPARED = ("rubric", "contacts", "errors", "summary", "gates", "agents", "teams")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def describe_run(command: str, inputs: Iterable[str | Path], options: Mapping[str, object]) -> dict[str, object]:
    inputs = list(inputs)
    files = []
    for item in expand_paths(inputs):
        if isinstance(item, Path):
            try:
                files.append({"path": str(item), "bytes": item.stat().st_size, "sha256": file_sha256(item)})
            except OSError:
                files.append({"path": str(item), "bytes": None, "sha256": None})  # the run reports why
    # sorted like the run reads them, so the order they were listed in changes nothing
    return {"command": command, "arguments": sorted({str(p) for p in inputs}), "options": dict(options),
            "inputs": files}


@dataclass(frozen=True)
class Recorded:
    """A score document read back for --reproduce."""

    document: dict[str, object]
    arguments: list[str]
    options: dict[str, object]
    inputs: list[dict[str, object]]

    @classmethod
    def load(cls, path: Path) -> Recorded:
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
            run = document["run"]
            return cls(document, list(run["arguments"]), dict(run["options"]), list(run["inputs"]))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise UsageError(f"{path}: not a score document written by `sqaudit score -f json` "
                             f"with its 'run' record ({type(exc).__name__}: {exc})") from None

    def changed_inputs(self) -> list[str]:
        """Input files that are missing or whose bytes differ from when the document was written."""
        changed = []
        recorded = {entry["path"]: entry["sha256"] for entry in self.inputs}
        now = {entry["path"]: entry["sha256"] for entry in describe_run("", self.arguments, {})["inputs"]}  # type: ignore[union-attr, index]
        for path in sorted(set(recorded) | set(now)):
            if recorded.get(path) != now.get(path):
                state = "missing" if path not in now else "new" if path not in recorded else "changed"
                changed.append(f"{path} ({state})")
        return changed


def differences(recorded: Mapping[str, object], fresh: Mapping[str, object]) -> list[str]:
    """Which compared parts of two score documents differ (the tool version is reported apart)."""
    found = [key for key in COMPARED if recorded.get(key) != fresh.get(key)]
    if "contacts" in found:
        old = {c["id"]: c for c in recorded.get("contacts", [])}  # type: ignore[union-attr, index]
        new = {c["id"]: c for c in fresh.get("contacts", [])}  # type: ignore[union-attr, index]
        changed = sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))
        found[found.index("contacts")] = f"contacts ({len(changed)} differ, first: {changed[0]})" if changed \
            else "contacts (order)"
    return found
