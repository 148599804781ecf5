"""``survey -f json``: the ``survey`` document (``schema_version`` 1, ``"document": "survey"``).

Keys keep a fixed order and lists a stable one, so the same files give the same bytes.
Every string from a survey file is redacted in the result already. A figure that is not a
finite number (it should never happen) is written as ``null``, never as ``NaN``, so the
document is always valid JSON.
"""

from __future__ import annotations

import json
import math
from typing import TextIO

from sqaudit.survey.result import SurveyResult


def finite(value: object) -> object:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [finite(v) for v in value]
    return value


def write(result: SurveyResult, out: TextIO, items: bool = False) -> None:
    out.write(json.dumps(finite(result.to_dict()), ensure_ascii=False, allow_nan=False, indent=1) + "\n")
