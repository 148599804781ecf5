"""Customer surveys: SERVQUAL expectation–perception gaps, reliability, NPS / CSAT / CES.

The flow mirrors transcript scoring::

    instrument YAML ──instrument.load_instrument──► Instrument (validated, file:line:col)
    CSV / xlsx ──load.read_survey──► SurveyData (responses, problems, guessed encodings)
    scored contacts (optional) ─┐
                                 └► result.analyse ─► SurveyResult ──survey.formats──► table | json | ...

The library stops at :class:`~sqaudit.survey.result.SurveyResult`; ``sqaudit survey`` (in
:mod:`sqaudit.cli.survey`) parses arguments, calls these and picks the exit code.
"""

from sqaudit.survey.instrument import InstrumentError, builtin_names, load_instrument
from sqaudit.survey.load import SurveyData, read_survey
from sqaudit.survey.result import SurveyResult, SurveySettings, analyse

__all__ = ["InstrumentError", "SurveyData", "SurveyResult", "SurveySettings", "analyse", "builtin_names",
           "load_instrument", "read_survey"]
