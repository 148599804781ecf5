"""Lint rules about phrase lists: duplicates, contradictions, missing languages, phrases that match too much."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sqaudit.checks import is_detector
from sqaudit.checks.base import speaker_name
from sqaudit.lint.context import Issue, LintContext, languages_of, uses_phrases
from sqaudit.rubric.model import Criterion
from sqaudit.rubric.yamlsrc import KeyPath
from sqaudit.text import has_cjk, normalize

MIN_STEM = 3  # letters a '*' stem needs before it stops matching inside common words
_LAST_WORD = re.compile(r"[a-z0-9']+$")

Site = tuple[Criterion, str, KeyPath]  # criterion, phrase as written, where


def _by_key(ctx: LintContext) -> dict[str, list[Site]]:
    """Matching key (normalised phrase, '*' kept) -> where it is written, scored criteria only."""
    out: dict[str, list[Site]] = {}
    for c in ctx.rubric.criteria:
        if is_detector(c.kind) or not uses_phrases(c):
            continue
        seen: set[str] = set()
        for _lang, phrase, path in ctx.phrase_sites(c):
            key = normalize(phrase).strip()
            if key and key not in seen:  # 对不起 / 對不起 in one criterion are one phrase
                seen.add(key)
                out.setdefault(key, []).append((c, phrase, path))
    return out


def _same_turns(a: Criterion, b: Criterion) -> bool:
    """Could both criteria read the same turn? Same speaker (or any), and not an opening-only
    window (``first``) against a closing-only one (``last``)."""
    sa, sb = speaker_name(a), speaker_name(b)
    if sa != sb and "any" not in (sa, sb):
        return False
    ends = {_window_end(a), _window_end(b)}
    return ends != {"first", "last"}


def _window_end(c: Criterion) -> str:
    first, last = bool(c.options.get("first")), bool(c.options.get("last"))
    return "first" if first and not last else "last" if last and not first else "all"


def duplicate_phrase(ctx: LintContext) -> Iterator[Issue]:
    """L003 (warning): the same phrase (once normalised) in two criteria of the same kind.

    One sentence then earns (or costs) points twice, and the two criteria are no longer
    independent evidence. Only when both can read the same turns: the same speaker, and not
    an opening window (``first``) against a closing one (``last``). Complaint detectors are
    left out. Fix: keep the phrase in the criterion it describes best.
    """
    for sites in _by_key(ctx).values():
        for i, (c, phrase, path) in enumerate(sites):
            first = next((s for s in sites[:i] if s[0].kind == c.kind and _same_turns(s[0], c)), None)
            if first is not None:
                yield Issue(path, f"phrase '{phrase}' of {c.id} is also in {first[0].id} ({c.kind}): "
                            "one sentence counts twice", f"keep it in one of {first[0].id}, {c.id}")


def rewarded_and_punished(ctx: LintContext) -> Iterator[Issue]:
    """L004 (error): the same phrase in a ``phrase`` criterion and a ``prohibited`` one.

    Saying it earns the points of one and loses the points of the other: the rubric
    contradicts itself. Only when both can read the same turns (as for L003).
    Fix: remove it from one of them.
    """
    for sites in _by_key(ctx).values():
        for c, phrase, path in sites:
            if c.kind != "prohibited":
                continue
            for other, _, _ in sites:
                if other.kind == "phrase" and _same_turns(c, other):
                    yield Issue(path, f"phrase '{phrase}' is prohibited by {c.id} but rewarded by {other.id}",
                                f"remove it from {c.id} or from {other.id}")


def language_without_phrases(ctx: LintContext) -> Iterator[Issue]:
    """L005 (warning): a declared language with no phrases in a criterion that needs phrases.

    Contacts in that language can never pass a ``phrase`` criterion (and never fail a
    ``prohibited`` one, never count as a complaint). Languages the criterion's
    ``applies_when.language`` excludes are not asked for.
    Fix: add ``phrases.<lang>``, or narrow the rubric's ``languages``.
    """
    for c in ctx.rubric.criteria:
        if not uses_phrases(c):
            continue
        for lang in languages_of(ctx.rubric, c):
            if not c.phrases.get(lang):
                yield Issue(ctx.at(c, "phrases"), f"{c.id} ({c.kind}) has no phrases for declared language '{lang}'",
                            f"add phrases.{lang}", key=True)


def phrase_matches_too_much(ctx: LintContext) -> Iterator[Issue]:
    """L009 (warning): a phrase that will match inside many unrelated words.

    English phrases match on word boundaries, except after a trailing ``*``: a stem of one
    or two letters ("hi*", "ok*") then finds his, history, okay, oklahoma... A Chinese phrase
    matches as a substring, so a single character (坑, 嗨) is found inside many words.
    Fix: spell the word out, or give the stem at least three letters / the phrase two characters.
    """
    for c in ctx.rubric.criteria:
        if not uses_phrases(c):
            continue
        for _lang, phrase, path in ctx.phrase_sites(c):
            key = normalize(phrase).strip()
            if key.endswith("*"):
                last = _LAST_WORD.search(key.rstrip("*").rstrip())
                if last and len(last.group()) < MIN_STEM:
                    yield Issue(path, f"stem '{phrase}' of {c.id} is too short: it matches inside common words",
                                f"spell the word out, or use a stem of at least {MIN_STEM} letters")
            elif len(key) == 1 and has_cjk(key):
                yield Issue(path, f"single-character phrase '{phrase}' of {c.id} matches inside many words",
                            "use a word of two or more characters")


RULES = {
    "L003": ("warning", duplicate_phrase),
    "L004": ("error", rewarded_and_punished),
    "L005": ("warning", language_without_phrases),
    "L009": ("warning", phrase_matches_too_much),
}
