"""Random bytes and random structure never crash a parser or the engine (hypothesis)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sqaudit.engine import evaluate
from sqaudit.errors import InputError
from sqaudit.model import InputNotice, Transcript
from sqaudit.parsers import read_file
from sqaudit.rubric.compile import compile_rubric
from sqaudit.rubric.loader import load_rubric

COMPILED = compile_rubric(load_rubric("servqual"))
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
turn = st.fixed_dictionaries({"speaker": st.sampled_from(["agent", "customer", "system", "bot", 3]),
                              "text": st.text(max_size=80) | st.integers()},
                             optional={"start": st.floats(-5, 1e6) | st.none(), "end": st.floats(-5, 1e6)})
contact = st.fixed_dictionaries({"id": st.text(min_size=1, max_size=10), "turns": st.lists(turn, max_size=6)},
                                optional={"channel": st.sampled_from(["call", "chat", "fax"]),
                                          "language": st.sampled_from(["en", "zh", "zh-Hant", "xx", ""])})


def _read(name: str, data: bytes) -> list[Transcript | InputError | InputNotice]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        return list(read_file(path))


@FAST
@given(data=st.binary(max_size=400), name=st.sampled_from(["a.json", "a.jsonl", "a.txt"]))
def test_random_bytes_give_contacts_or_input_errors(data: bytes, name: str) -> None:
    items = _read(name, data)
    assert all(isinstance(i, (Transcript, InputError, InputNotice)) for i in items)
    for item in items:
        if isinstance(item, Transcript) and item.turns:
            assert evaluate(item, COMPILED).id == item.id


@FAST
@given(value=json_values)
def test_random_json_structure_never_escapes_as_an_exception(value: object) -> None:
    items = _read("a.jsonl", (json.dumps(value) + "\n").encode())
    assert len(items) == 1 and isinstance(items[0], (Transcript, InputError))


@FAST
@given(contacts=st.lists(contact, max_size=3))
def test_plausible_contacts_score_without_internal_errors(contacts: list[dict]) -> None:
    items = _read("a.jsonl", "\n".join(json.dumps(c) for c in contacts).encode())
    assert len(items) == len(contacts)
    for item in items:
        if isinstance(item, Transcript) and item.turns:
            result = evaluate(item, COMPILED)
            assert all(f.outcome.value != "error" for f in result.findings), result.findings
            assert result.score is None or 0 <= result.score <= 100
