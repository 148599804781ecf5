"""Scoring on several processes (``--jobs N``), with exactly the output of one.

The parent reads and parses the inputs in their usual order — reading is a small share of
the work next to scoring — and sends the contacts to the workers in batches. Each worker
holds the compiled rubric (sent once, when it starts) and sends back the scored results;
errors and notices ride along in their place. Batches are taken back in the order they
were sent, so contacts, errors and notices come out in the same order as with one process
and every output is byte-identical whatever N is.

At most ``2 × N`` batches are in flight, so memory stays bounded however large the input
and however slow the writer. Workers are started with ``spawn`` (no forked locks or
threads), which costs about a second; it pays off from a few hundred contacts.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from sqaudit.engine import evaluate
from sqaudit.errors import InputError
from sqaudit.model import ContactResult, InputNotice, Transcript
from sqaudit.rubric.compile import CompiledRubric

Item = Transcript | InputError | InputNotice
Scored = ContactResult | InputError | InputNotice | Transcript  # a Transcript only when it has no turns
BATCH = 64  # contacts per message: large enough that pickling overhead is small, small enough to balance

_compiled: CompiledRubric | None = None  # the worker's rubric, set once by _start_worker


def _start_worker(compiled: CompiledRubric) -> None:
    global _compiled
    _compiled = compiled


def _score_batch(batch: list[Item]) -> list[Scored]:
    assert _compiled is not None, "worker started without a rubric"
    return [evaluate(item, _compiled) if isinstance(item, Transcript) and item.turns else item for item in batch]


def _batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def score_in_parallel(items: Iterable[Item], compiled: CompiledRubric, jobs: int,
                      batch: int = BATCH) -> Iterator[Scored]:
    """Score ``items`` on ``jobs`` worker processes; yield results in input order."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker, initargs=(compiled,)) as pool:
        in_flight: deque[Future[list[Scored]]] = deque()
        for chunk in _batches(items, batch):
            in_flight.append(pool.submit(_score_batch, chunk))
            if len(in_flight) >= 2 * jobs:
                yield from in_flight.popleft().result()
        while in_flight:
            yield from in_flight.popleft().result()
