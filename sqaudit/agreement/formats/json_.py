"""``agree -f json``: the ``agreement`` document (``schema_version`` 1, ``"document": "agreement"``).

Keys keep a fixed order and lists a stable one, so the same files and seed give the same
bytes. A figure that is not a finite number is written as ``null``, never ``NaN``.
"""

from __future__ import annotations

import json
from typing import TextIO

from sqaudit.agreement.result import AgreementReport
from sqaudit.survey.formats.json_ import finite


def write(report: AgreementReport, out: TextIO) -> None:
    out.write(json.dumps(finite(report.to_dict()), ensure_ascii=False, allow_nan=False, indent=1) + "\n")
