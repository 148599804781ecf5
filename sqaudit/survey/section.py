"""The survey as a section of the HTML team report (``sqaudit report --survey FILE --instrument REF``).

The team report scores its contacts once; :meth:`SurveySection.collect` is handed each
scored contact as the report streams (as ``build_report(on_contact=...)``), keeping only
what the join needs, and :meth:`SurveySection.section` then analyses the survey joined to
them and returns the view ``templates/_survey.html.j2`` renders. ``result`` is kept for
the CLI, which lists the survey's skipped rows on stderr.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from sqaudit.model import ContactResult, RunHeader
from sqaudit.survey.linkage import ContactLink
from sqaudit.survey.load import SurveyData
from sqaudit.survey.model import Instrument
from sqaudit.survey.result import SurveyResult, SurveySettings, analyse


@dataclass
class SurveySection:
    data: SurveyData
    instrument: Instrument
    settings: SurveySettings
    contacts: list[ContactLink] = field(default_factory=list)
    result: SurveyResult | None = None

    def collect(self, result: ContactResult) -> None:
        self.contacts.append(ContactLink.of(result))

    def section(self, header: RunHeader, language: str) -> dict[str, object]:
        from sqaudit.survey.formats.html import view

        rubric = {"id": header.rubric_id, "version": header.rubric_version, "sha256": header.rubric_sha256}
        self.result = analyse(self.data, self.instrument, replace(self.settings, language=language), self.contacts,
                              rubric)
        return view(self.result)
