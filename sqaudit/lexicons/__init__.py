"""Built-in phrase lists of our own, in English and Simplified Chinese, used by criterion kinds
that bring their own vocabulary (courtesy, customer_outcome, sentiment).

Each module holds plain data: ``{marker name: {language family: (phrases, ...)}}``. Phrases
follow rubric phrase rules (see :mod:`sqaudit.rubric.compile`): matched after normalisation,
English on word boundaries, ``*`` for any word ending, Traditional Chinese folded to Simplified,
and a phrase right after a negation does not count. Written as general service language, not
copied from any dataset.
"""

from __future__ import annotations

Lexicon = dict[str, dict[str, tuple[str, ...]]]
