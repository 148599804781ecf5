"""Shared fixtures: build a rubric from plain dicts the way a user would (YAML file, loader, validation)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from sqaudit.engine import evaluate
from sqaudit.model import ContactResult
from sqaudit.parsers.plaintext import parse_text
from sqaudit.rubric.compile import CompiledRubric, compile_rubric
from sqaudit.rubric.loader import load_rubric

RubricBuilder = Callable[..., CompiledRubric]

# benchmarks/ is not installed; the example-month test imports its generator. Appended, so the
# installed sqaudit (not the source tree) is still the one under test.
REPO = str(Path(__file__).resolve().parents[1])
if REPO not in sys.path:
    sys.path.append(REPO)


@pytest.fixture
def make_rubric(tmp_path: Path) -> RubricBuilder:
    """``make_rubric(criteria, **top_level_keys)`` -> compiled rubric, loaded (and validated) from a temp file."""
    counter = iter(range(1_000_000))

    def build(criteria: list[dict[str, object]], **top: object) -> CompiledRubric:
        document = {"id": "test", "title": "Test rubric", **top, "criteria": criteria}
        path = tmp_path / f"rubric-{next(counter)}.yml"
        path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return compile_rubric(load_rubric(path))

    return build


@pytest.fixture
def score_text() -> Callable[[str, CompiledRubric], ContactResult]:
    """``score_text(transcript_text, compiled)`` -> ContactResult, through the plain-text parser and the engine."""

    def run(text: str, compiled: CompiledRubric) -> ContactResult:
        return evaluate(parse_text(text, source="case.txt"), compiled)

    return run
