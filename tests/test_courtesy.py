"""The courtesy kind: every marker family in English and Chinese, position and negation rules,
option validation, evidence spans and the lexicon's own consistency.

Cases are data: (name, markers option, min, agent text, expected outcome, message substring).
Each one builds a real rubric file, loads it through validation and scores the text as the
agent's turn, exactly as ``sqaudit score`` would. tests/cases/courtesy.yml holds the
whole-transcript cases (windows, N/A, rubric phrases).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sqaudit.checks import KINDS, courtesy
from sqaudit.checks.base import ContactContext
from sqaudit.errors import RubricError
from sqaudit.lexicons.courtesy import EXCEPT, LABELS, MARKERS, POLARITY, SETS, WHERE
from sqaudit.model import Outcome
from sqaudit.parsers.plaintext import parse_text
from sqaudit.rubric.compile import compile_rubric
from sqaudit.rubric.loader import load_rubric
from sqaudit.rubric.model import Criterion
from sqaudit.text import language_family, normalize

P, F = "pass", "fail"

# name, markers, min, agent text, expected outcome, a substring of the message (or None)
CASES: list[tuple[str, object, int, str, str, str | None]] = [
    # --- politeness, positive, English
    ("en_gratitude", "politeness", 1, "Thanks for your patience.", P, "gratitude 'thanks'"),
    ("en_gratitude_stem_to_word_end", ["gratitude"], 1, "I am thankful for the update.", P, "gratitude 'thankful'"),
    ("en_apology", "politeness", 1, "Sorry for the delay.", P, "apology 'sorry'"),
    ("en_apology_negated", ["apology"], 1, "I'm not sorry about that.", F, "no positive markers"),
    ("en_deference", "politeness", 1, "Good point, I will change it.", P, "deference 'good point'"),
    ("en_greeting", "politeness", 1, "Hello there, this is Dana.", P, "greeting 'hello'"),
    ("en_please_mid_sentence", ["please"], 1, "Send it over, please.", P, "please 'please'"),
    ("en_please_after_bare_imperative_still_fails", "politeness", 1, "Send it over, please.", F,
     "negative: bare imperative 'send'"),
    ("en_please_start_polite_request", "politeness", 1, "Please let me know if it works.", P, "please 'please'"),
    ("en_hedge", ["hedge"], 1, "Perhaps the form timed out.", P, "hedge 'perhaps'"),
    ("en_hedge_not_inside_indirect", ["hedge", "indirect"], 1, "Could you resend the file?", P,
     "net +1 (needs 1): indirect request 'could you'"),
    ("en_indirect", "politeness", 1, "Would you mind resending the file?", P, "indirect request 'would you mind'"),
    ("en_honorific", ["honorific"], 1, "Yes sir, it is booked.", P, "honorific 'sir'"),
    ("en_agreement_inclusive", "politeness", 1, "Fair enough, let's try that.", P, "agreement 'fair enough'"),
    # --- politeness, negative, English
    ("en_direct_question_start", "politeness", 1, "Why did you cancel it?", F, "negative: direct question 'why'"),
    ("en_direct_question_mid_sentence_not_counted", ["direct_question"], 0, "I wonder why it failed.", P,
     "net +0"),
    ("en_direct_question_after_sentence_end", ["direct_question"], 0, "It failed. Why?", F, "direct question 'why'"),
    ("en_imperative_start", "politeness", 1, "Check the cable.", F, "bare imperative 'check'"),
    ("en_imperative_mid_sentence_not_counted", ["imperative"], 0, "I will check the cable.", P, "net +0"),
    ("en_imperative_exception_dont_worry", ["imperative"], 0, "Don't worry, it is fixed.", P, "net +0"),
    ("en_please_before_demand", "politeness", 1, "Please stop calling this number.", F,
     "please at the start 'please stop'"),
    ("en_second_person_start", "politeness", 1, "You need to restart it.", F,
     "second person at the start 'you need'"),
    ("en_second_person_youre_right_is_deference", "politeness", 1, "You're right, my mistake.", P,
     "deference 'you're right'"),
    ("en_factuality", "politeness", 1, "Actually, the fee was refunded.", F, "factuality 'actually'"),
    ("en_rude", "politeness", 1, "That is a stupid question.", F, "rude word 'stupid'"),
    ("en_disagreement", "politeness", 1, "That is simply wrong.", F, "disagreement"),
    ("en_exclamation", ["exclamation"], 0, "It is done!!", F, "exclamation '!!'"),
    ("en_impoliteness_min_0_clean", "impoliteness", 0, "I will look into it for you.", P, "net +0"),
    ("en_first_person_start", ["first_person_start"], 1, "I have added the missing invoice.", P,
     "first person at the start 'i have'"),
    ("en_friendly_smiley", ["friendly"], 1, "All sorted now :)", P, "positive word ':)'"),
    ("en_direct_start", ["direct_start"], 0, "So can you fix it or not?", F, "direct start 'so'"),
    ("en_direct_start_mid_sentence_not_counted", ["direct_start"], 0, "It is fixed, so you can log in.", P,
     "net +0"),
    ("en_rhetorical_question", "impoliteness", 0, "Do you want to pay or not?", F, "rhetorical question 'or not'"),
    ("en_rhetorical_question_needs_question_mark", ["rhetorical_question"], 0,
     "I don't know whether it will work or not.", P, "net +0"),
    ("en_negative_lexicon_not_impolite", "impoliteness", 0, "The old form was confusing.", P, "net +0"),
    ("en_negative_lexicon", ["negative_lexicon"], 0, "That edit was sloppy.", F, "negative word 'sloppy'"),
    # --- politeness, Chinese (Simplified and Traditional)
    ("zh_gratitude", "politeness", 1, "好的，谢谢。", P, "gratitude '谢谢'"),
    ("zh_gratitude_traditional", "politeness", 1, "好的，謝謝您。", P, "gratitude '谢谢'"),
    ("zh_apology", "politeness", 1, "抱歉让您久等了。", P, "apology '抱歉'"),
    ("zh_apology_negated", ["apology"], 1, "我们不道歉。", F, "no positive markers"),
    ("zh_greeting", "politeness", 1, "您好，很高兴为您服务。", P, "greeting '您好'"),
    ("zh_honorific", ["honorific"], 1, "请您稍等。", P, "honorific '请'"),
    ("zh_honorific_not_in_shenqing", ["honorific"], 1, "你的申请已经提交。", F, "no positive markers"),
    ("zh_hedge", ["hedge"], 1, "可能是网络的问题。", P, "hedge '可能'"),
    ("zh_indirect", ["indirect"], 1, "能否提供一下订单号？", P, "indirect request '能否'"),
    ("zh_indirect_mafan", "politeness", 1, "麻烦您提供一下订单号。", P, "indirect request '麻烦您'"),
    ("zh_direct_question", "politeness", 1, "为什么不早点说？", F, "direct question '为什么'"),
    ("zh_direct_question_clause_start", "politeness", 1, "好，你为什么不看邮件？", F, "direct question '你为什么'"),
    ("zh_direct_question_traditional", "politeness", 1, "憑什麼收我錢？", F, "direct question '凭什么'"),
    ("zh_imperative_start", "politeness", 1, "马上把订单号发过来。", F, "bare imperative '马上'"),
    ("zh_imperative_service_phrase_exempt", ["imperative"], 0, "马上为您处理。", P, "net +0"),
    ("zh_imperative_exception_bie_danxin", ["imperative"], 0, "别担心，已经处理好了。", P, "net +0"),
    ("zh_please_before_demand", "politeness", 1, "请不要再打电话了。", F, "please at the start '请不要'"),
    ("zh_second_person_start", "politeness", 1, "你必须先付款。", F, "second person at the start '你必须'"),
    ("zh_factuality", "politeness", 1, "你明明没有付款。", F, "factuality '明明'"),
    ("zh_rude", "politeness", 1, "别说废话了。", F, "rude word '废话'"),
    ("zh_informal_you", ["informal_you"], 0, "这个要你自己去营业厅办。", F, "plain second person '你'"),
    ("zh_informal_you_not_in_greeting", "politeness", 1, "你好，我来帮您查一下。", P, "greeting '你好'"),
    ("zh_polite_you_not_informal", ["informal_you"], 0, "您的订单已经发出。", P, "net +0"),
    ("zh_humble_self_reference", ["honorific"], 1, "敝人以为此处可以再斟酌。", P, "honorific '敝人'"),
    ("zh_rhetorical_question", "impoliteness", 0, "这有什么不对？", F, "rhetorical question '有什么不对'"),
    ("zh_hedge_downtoner", ["hedge"], 1, "这个说法不太准确。", P, "hedge '不太'"),
    # --- empathy (EPITOME), English
    ("en_emotional_reaction", "emotional_reaction", 1, "I'm so sorry to hear that.", P,
     "emotional reaction 'so sorry'"),
    ("en_emotional_reaction_must_be_hard", "emotional_reaction", 1, "That must be hard for you.", P,
     "emotional reaction"),
    ("en_encouragement", "emotional_reaction", 1, "Hang in there.", P, "encouragement 'hang in there'"),
    ("en_emotional_reaction_missing", "emotional_reaction", 1, "The refund is processed.", F, "no positive markers"),
    ("en_interpretation", "interpretation", 1, "It sounds like the week has been exhausting.", P,
     "interpretation 'it sounds like'"),
    ("en_interpretation_understand", "interpretation", 1, "I understand that you feel let down.", P,
     "interpretation"),
    ("en_shared_experience", "interpretation", 1, "I've been through the same thing.", P,
     "shared experience 'i've been through'"),
    ("en_exploration", "exploration", 1, "Could you tell me more about what happened?", P, "exploration"),
    ("en_exploration_open_question", "exploration", 1, "How long has it been down?", P,
     "exploration 'how long', question 'has it'"),
    ("en_open_question_needs_question_mark", ["open_question"], 1, "How it works is simple.", F,
     "no positive markers"),
    ("en_emotional_reaction_offer_of_support", "emotional_reaction", 1, "PM me if you want to talk.", P,
     "emotional reaction 'pm me'"),
    ("en_emotional_reaction_not_bare_feeling_word", "emotional_reaction", 1, "The dream was scary.", F,
     "no positive markers"),
    ("en_interpretation_must_be", ["interpretation"], 1, "That must be terrifying.", P, "interpretation 'must be'"),
    ("en_interpretation_not_a_question_about_feeling", ["interpretation"], 1, "Why do you feel like that?", F,
     "no positive markers"),
    ("en_dismissive", "empathy", 1, "Calm down, it is not a big deal.", F, "negative: dismissive 'calm down'"),
    # --- empathy, Chinese
    ("zh_emotional_reaction", "emotional_reaction", 1, "听到这个我很难过。", P, "emotional reaction"),
    ("zh_encouragement", "emotional_reaction", 1, "加油，会好起来的。", P, "encouragement '加油'"),
    ("zh_interpretation", "interpretation", 1, "听起来您这周很辛苦。", P, "interpretation '听起来'"),
    ("zh_interpretation_understand", "interpretation", 1, "我能理解您的心情。", P, "interpretation '我能理解'"),
    ("zh_interpretation_traditional", "interpretation", 1, "聽起來您很著急。", P, "interpretation '听起来'"),
    ("zh_exploration", "exploration", 1, "能具体说说吗？", P, "exploration '能具体说说'"),
    ("zh_exploration_what_happened", "exploration", 1, "发生了什么？", P, "exploration '发生了什么'"),
    ("zh_open_question_without_mark", ["open_question"], 1, "您那边还能上网吗", P, "question '吗'"),
    ("zh_dismissive", "empathy", 1, "至于吗？这有什么。", F, "dismissive"),
]


def _criterion(markers: object, minimum: int, **extra: object) -> dict[str, object]:
    return {"id": "CRT-01", "dimension": "assurance", "title": "Courtesy", "kind": "courtesy",
            "options": {"markers": markers, "min": minimum}, **extra}


@pytest.mark.parametrize(("name", "markers", "minimum", "text", "expect", "message"), CASES,
                         ids=[c[0] for c in CASES])
def test_marker_case(name: str, markers: object, minimum: int, text: str, expect: str, message: str | None,
                     make_rubric, score_text) -> None:
    compiled = make_rubric([_criterion(markers, minimum)], languages=["en", "zh"])
    language = "zh" if name.startswith("zh") else "en"
    result = score_text(f"language: {language}\nAgent: {text}\n", compiled)
    finding = next(f for f in result.findings if f.criterion_id == "CRT-01")
    shown = f"outcome={finding.outcome.value} message={finding.message!r}"
    assert finding.outcome is Outcome(expect), shown
    if message:
        assert message in finding.message, shown


def _context(tmp_path: Path, text: str, markers: object = "politeness",
             language: str = "en") -> tuple[ContactContext, Criterion]:
    """The context the engine would build for one agent turn, to look at the hits themselves."""
    path = tmp_path / "r.yml"
    path.write_text(yaml.safe_dump({"id": "t", "title": "T", "criteria": [_criterion(markers, 1)]},
                                   allow_unicode=True), encoding="utf-8")
    compiled = compile_rubric(load_rubric(path))
    transcript = parse_text(f"language: {language}\nAgent: {text}\n", source="case.txt")
    normalized = [normalize(t.text) for t in transcript.turns]
    ctx = ContactContext(transcript=transcript, language=language, family=language_family(language),
                         normalized=normalized, hits=compiled.scan(normalized), metrics={},
                         criteria=compiled.by_id, agent_turns=[0])
    return ctx, compiled.by_id["CRT-01"]


@pytest.mark.parametrize(("text", "language", "markers", "spans"), [
    ("Hello, could you send it? Thanks!", "en", "politeness",
     [("greeting", "hello"), ("indirect", "could you"), ("gratitude", "thanks")]),
    ("Why? You need it. Read it.", "en", "politeness",
     [("direct_question", "why"), ("second_person_start", "you need"), ("imperative", "read")]),
    ("您好，麻烦您稍等，谢谢。", "zh", "politeness",
     [("greeting", "您好"), ("indirect", "麻烦您"), ("gratitude", "谢谢")]),
    ("I'm so sorry to hear that. What happened?", "en", "empathy",
     [("emotional_reaction", "so sorry"), ("emotional_reaction", "sorry to hear"), ("exploration", "what happened")]),
])
def test_evidence_spans_point_at_the_marker(tmp_path: Path, text: str, language: str, markers: str,
                                            spans: list[tuple[str, str]]) -> None:
    ctx, criterion = _context(tmp_path, text, markers, language)
    pairs = courtesy.marker_hits(criterion, ctx, [0])
    found = [(m, ctx.normalized[h.turn][h.start:h.end]) for m, h in pairs]
    for wanted in spans:
        assert wanted in found, found


def test_each_marker_counts_once_per_turn(tmp_path: Path) -> None:
    ctx, criterion = _context(tmp_path, "Thanks. Thank you. Many thanks, maybe, perhaps.", ["gratitude", "hedge"])
    pairs = courtesy.marker_hits(criterion, ctx, [0])
    assert len(pairs) >= 4
    assert courtesy.net_score(pairs) == POLARITY["gratitude"] + POLARITY["hedge"]


def test_verdict_evidence_and_message_are_deterministic(make_rubric, score_text) -> None:
    compiled = make_rubric([_criterion("politeness", 1)])
    text = "Agent: Hi. Why is it late? Perhaps the courier. Thanks.\nCustomer: ok\nAgent: Sorry again.\n"
    first, second = score_text(text, compiled), score_text(text, compiled)
    a, b = first.findings[0], second.findings[0]
    assert (a.message, a.evidence) == (b.message, b.evidence)
    assert [e.turn for e in a.evidence] == [0, 2]
    assert a.message.startswith("net ")
    assert "negative: direct question 'why'" in a.message


def test_sentence_start_helpers() -> None:
    assert courtesy.at_sentence_start("why not", 0)
    assert courtesy.at_sentence_start('ok. "why not', 5)
    assert not courtesy.at_sentence_start("and why not", 4)
    assert courtesy.at_sentence_start("好,为什么", 2, cjk=True)
    assert not courtesy.at_sentence_start("ok, why", 4, cjk=False)
    assert courtesy.in_question("how long? fine.", 3)
    assert not courtesy.in_question("how it works. ok?", 3)
    assert courtesy.in_question("还能上网吗", 2)


HEAD = "id: t\ntitle: T\ncriteria:\n  - id: CRT-01\n    dimension: assurance\n    title: C\n    kind: courtesy\n"


def _refuse(tmp_path: Path, options: str) -> list[str]:
    path = tmp_path / "r.yml"
    path.write_text(HEAD + f"    options: {options}\n", encoding="utf-8")
    with pytest.raises(RubricError) as caught:
        load_rubric(path)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(("options", "wanted"), [
    ("{markers: gratitud}", "unknown marker 'gratitud' (did you mean 'gratitude'?)"),
    ("{markers: [hedge, politness]}", "did you mean 'politeness'?"),
    ("{markers: []}", "must be a marker set name or a non-empty list"),
    ("{markers: 3}", "must be a marker set name or a non-empty list"),
    ("{min: two}", "must be a whole number"),
    ("{min: true}", "must be a whole number"),
    ("{min: 1.5}", "must be a whole number"),
    ("{speaker: boss}", "must be agent, customer or any"),
    ("{first: -1}", "must be a whole number >= 0"),
    ("{minimum: 2}", "unknown key 'minimum'"),
])
def test_option_errors(tmp_path: Path, options: str, wanted: str) -> None:
    problems = _refuse(tmp_path, options)
    assert len(problems) == 1 and wanted in problems[0], problems
    assert "r.yml:" in problems[0]


def test_valid_options_load(tmp_path: Path) -> None:
    path = tmp_path / "r.yml"
    path.write_text(HEAD + "    options: {markers: [empathy, gratitude], min: -1, speaker: any, last: 2}\n",
                    encoding="utf-8")
    criterion = load_rubric(path).criteria[0]
    assert courtesy.selected(criterion)[:2] == ("emotional_reaction", "encouragement")
    assert "gratitude" in courtesy.selected(criterion)
    assert criterion.options["min"] == -1


def test_defaults(tmp_path: Path) -> None:
    path = tmp_path / "r.yml"
    path.write_text(HEAD, encoding="utf-8")
    criterion = load_rubric(path).criteria[0]
    assert criterion.options["min"] == 1 and criterion.options["speaker"] == "agent"
    assert courtesy.selected(criterion) == SETS["politeness"]


def test_docstring_documents_markers_sets_and_options() -> None:
    doc = KINDS["courtesy"].__doc__ or ""
    assert doc.startswith("courtesy — ")
    for name in [*MARKERS, *SETS, *courtesy.OPTIONS]:
        assert name in doc, f"'{name}' is not in the courtesy docstring"


def test_lexicon_is_consistent() -> None:
    assert set(POLARITY) == set(MARKERS) == set(LABELS)
    assert all(set(members) <= set(MARKERS) for members in SETS.values())
    assert set(WHERE) <= set(MARKERS) and set(EXCEPT) <= set(MARKERS)
    assert set(WHERE.values()) <= {"start", "question"}
    for marker, by_language in [*MARKERS.items(), *EXCEPT.items()]:
        assert set(by_language) <= {"en", "zh"}, marker
        for language, phrases in by_language.items():
            assert len(set(phrases)) == len(phrases), f"{marker}/{language}: duplicate phrases"
            for phrase in phrases:
                # written already normalised: lower case, Simplified Chinese, half-width punctuation
                assert phrase == normalize(phrase).strip() and phrase, f"{marker}/{language}: {phrase!r}"
    for marker in MARKERS:
        assert MARKERS[marker]["en"], f"{marker}: no English phrases"
        if marker not in ("please",):
            assert MARKERS[marker].get("zh"), f"{marker}: no Chinese phrases"
