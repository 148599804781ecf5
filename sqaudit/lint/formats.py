"""Lint output: ``text`` (file:line:col: CODE message), ``github`` (workflow commands), ``json``."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from sqaudit.lint import Finding


def text(findings: Sequence[Finding]) -> str:
    return "".join(f"{f}\n" for f in findings)


def _escape(value: str, *, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if prop else value


def github(findings: Sequence[Finding]) -> str:
    """``::error file=F,line=L,col=C,title=L004::message`` — annotations in a GitHub Actions run."""
    out = []
    for f in findings:
        props = f"file={_escape(f.path, prop=True)},line={f.line},col={f.col},title={f.code}"
        message = f.message + (f" (hint: {f.hint})" if f.hint else "")
        out.append(f"::{f.severity} {props}::{_escape(message)}\n")
    return "".join(out)


def json_(findings: Sequence[Finding]) -> str:
    errors = sum(f.severity == "error" for f in findings)
    document = {"schema_version": 1, "errors": errors, "warnings": len(findings) - errors,
                "findings": [f.to_dict() for f in findings]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


FORMATS: dict[str, Callable[[Sequence[Finding]], str]] = {"text": text, "github": github, "json": json_}
