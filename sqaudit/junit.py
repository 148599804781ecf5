"""JUnit XML, the report format CI servers show as test results.

A caller builds suites of cases, each case passed, failed or skipped (with a message and
an optional longer text), and :func:`write` serialises them with ``xml.etree.ElementTree``.
Every count is written on every suite and on the root (tests, failures, errors, skipped):
a file that counts only failures reads as "all green" in some viewers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

STATUSES = ("pass", "fail", "skipped", "error")
# characters XML 1.0 cannot hold at all, even escaped (a transcript may carry them)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


@dataclass(frozen=True, slots=True)
class Case:
    name: str
    classname: str
    status: str = "pass"  # pass | fail | skipped | error
    message: str = ""  # one line: the failure/skip reason
    text: str = ""  # the details, shown under it
    file: str | None = None
    line: int | None = None

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"unknown case status {self.status!r}")


@dataclass(frozen=True, slots=True)
class Suite:
    name: str
    cases: Sequence[Case]


def _counts(cases: Sequence[Case]) -> dict[str, str]:
    def count(status: str) -> str:
        return str(sum(c.status == status for c in cases))
    return {"tests": str(len(cases)), "failures": count("fail"), "errors": count("error"),
            "skipped": count("skipped"), "time": "0"}


def to_element(suites: Sequence[Suite], name: str = "sqaudit") -> ET.Element:
    root = ET.Element("testsuites", {"name": name, **_counts([c for s in suites for c in s.cases])})
    for suite in suites:
        node = ET.SubElement(root, "testsuite", {"name": _clean(suite.name), **_counts(suite.cases)})
        for case in suite.cases:
            attrs = {"name": _clean(case.name), "classname": _clean(case.classname), "time": "0"}
            if case.file:
                attrs["file"] = _clean(case.file)
            if case.line is not None:
                attrs["line"] = str(case.line)
            element = ET.SubElement(node, "testcase", attrs)
            tag = {"fail": "failure", "skipped": "skipped", "error": "error"}.get(case.status)
            if tag:
                child = ET.SubElement(element, tag, {"message": _clean(case.message)})
                if case.text:
                    child.text = _clean(case.text)
    return root


def write(suites: Sequence[Suite], path: Path, name: str = "sqaudit") -> None:
    """Write the suites to ``path`` (UTF-8, with an XML declaration)."""
    tree = ET.ElementTree(to_element(suites, name))
    ET.indent(tree)
    tree.write(path, encoding="utf-8", xml_declaration=True)
