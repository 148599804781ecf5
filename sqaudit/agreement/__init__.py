"""Inter-rater agreement: how far human reviewers (and sqaudit) agree on the same contacts.

``read_raters`` reads each file as one rater (a review CSV/xlsx in long, wide or per-contact
form, or sqaudit's scored JSON/JSONL), ``analyse`` joins them on contact id and returns a frozen
:class:`AgreementReport`: per criterion Cohen's κ (two raters) or Fleiss' κ (three or more)
and Krippendorff's nominal α; per pair κ pooled over criteria, Spearman's ρ and the mean
(absolute) score difference; Krippendorff's interval α over contact scores; and each rater's
score and pass rate against the others. Every interval is a 95 % percentile bootstrap over
contacts with a seeded generator (:mod:`sqaudit.agreement.kappa`).
"""

from sqaudit.agreement.analyse import analyse
from sqaudit.agreement.raters import read_raters
from sqaudit.agreement.ratings import ContactRating, Rater, RaterSet
from sqaudit.agreement.result import AgreementReport, Settings

__all__ = ["AgreementReport", "ContactRating", "Rater", "RaterSet", "Settings", "analyse", "read_raters"]
