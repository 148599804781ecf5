"""sqaudit as a rater: the scored document of ``sqaudit score -f json`` or ``-f jsonl``.

Reads the fields ARCHITECTURE §4.2 promises while ``schema_version`` is 1: each contact's
``id``, ``score`` (0–100 or null) and ``criteria[].id/outcome``. ``not_applicable`` becomes
``na``; an ``error`` outcome is "not rated" (counted in a notice). A JSONL line, or a contact
of the document, that is not a contact object is a problem naming ``file:line`` (JSONL) or
``file:contacts[i]``; the contacts the tool itself skipped (``errors``) are noted.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from sqaudit.agreement.ratings import RaterBuilder
from sqaudit.agreement.sheets import SheetRead
from sqaudit.errors import InputError
from sqaudit.model import InputNotice, InputProblem

OUTCOME = {"pass": "pass", "fail": "fail", "not_applicable": "na"}
HINT = "give the output of sqaudit score -f json (or -f jsonl) unchanged"


def looks_scored(text: str) -> bool:
    return text.lstrip("\ufeff \t\r\n").startswith("{")


def read_scored(text: str, path: str, rater: str) -> SheetRead:
    read = SheetRead()
    builder = RaterBuilder(rater, path, "sqaudit")
    read.builders[rater] = builder
    errored = 0
    for where, contact in _contacts(text, path, read):
        read.rows += 1
        if not isinstance(contact, dict) or not isinstance(contact.get("id"), (str, int)) or contact["id"] == "":
            read.skipped += 1
            read.problems.append(InputProblem(where, "not a scored contact (no id); skipped", HINT))
            continue
        cid = str(contact["id"])
        builder.contact(cid, where)
        score = contact.get("score")
        if isinstance(score, (int, float)) and not isinstance(score, bool):
            builder.add_score(cid, float(score), where)
        criteria = contact.get("criteria")
        for item in criteria if isinstance(criteria, list) else ():
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                continue
            outcome = OUTCOME.get(str(item.get("outcome")))
            if outcome is None:
                errored += 1
                continue
            problem = builder.add_outcome(cid, item["id"], outcome, where)
            if problem:
                read.problems.append(problem)
    if errored:
        read.notices.append(InputNotice(path, f"{errored} criterion result(s) with outcome error are left out"))
    if read.rows == 0 and not read.problems:
        raise InputError(f"{path}:1", "no scored contact in the file", HINT)
    return read


def _contacts(text: str, path: str, read: SheetRead) -> Iterator[tuple[str, object]]:
    body = text.lstrip("\ufeff")
    try:
        document = json.loads(body)
    except json.JSONDecodeError:
        document = None
    if isinstance(document, dict) and "contacts" in document:
        contacts = document["contacts"]
        if not isinstance(contacts, list):
            raise InputError(f"{path}:1", "'contacts' is not a list", HINT)
        rubric = document.get("rubric")
        if isinstance(rubric, dict) and rubric.get("id"):
            read.notices.append(InputNotice(path, f"scored with rubric {rubric.get('id')} {rubric.get('version', '')}"
                                            .rstrip()))
        errors = document.get("errors")
        if isinstance(errors, list) and errors:
            read.notices.append(InputNotice(path, f"sqaudit could not score {len(errors)} contact(s) of this run"))
        for i, contact in enumerate(contacts):
            yield f"{path}:contacts[{i}]", contact
        return
    if isinstance(document, dict):  # a JSONL file of one line
        yield f"{path}:1", document
        return
    for number, line in enumerate(body.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield f"{path}:{number}", json.loads(line)
        except json.JSONDecodeError as exc:
            read.rows += 1
            read.skipped += 1
            read.problems.append(InputProblem(f"{path}:{number}", f"not JSON ({exc.msg}); skipped", HINT))
