"""The ``sqaudit`` command line: one module per command, all registered on one click group.

The library stops at a finished run object; these modules only parse arguments, call it,
pick the output and return the exit code (see :mod:`sqaudit.cli.app`).
"""

from sqaudit.cli import agree, calibrate, check, coach, diff, formats, instrument, plan, redact, report, rubric, rubric_test, score, survey  # noqa: F401  (registers the commands)
from sqaudit.cli.app import EXIT_BUG, EXIT_NO_VERDICT, EXIT_NOT_MET, EXIT_OK, cli, main

__all__ = ["EXIT_BUG", "EXIT_NO_VERDICT", "EXIT_NOT_MET", "EXIT_OK", "cli", "main"]
