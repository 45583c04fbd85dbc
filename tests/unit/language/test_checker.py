"""The wording check on real sentences: spans, negation, quotes, innocent senses, forms, age.

Each pitfall in the language guidance (negation, quoted words, innocent senses, the child's
age, word forms and Unicode) has its own tests here; the rules' own examples are run by
``test_rules_file``.
"""

from __future__ import annotations

import datetime as dt

import pytest

from fftimeline.domain.dates import EventDate
from fftimeline.domain.wording_check import MarkKind, WordingMark
from fftimeline.language import (
    CheckContext,
    Severity,
    WordingFinding,
    age_on,
    apply_marks,
    builtin_rules,
    check,
    context_for,
)
from tests.factories import make_case

BOOK = builtin_rules()
JORDAN = CheckContext(("Jordan Ellis", "Jordan", "JJ"), ("Kerry Ellis", "Kerry"))
ISSUE = (
    "Head of Year thinks Jordan is choosing to hang around with older boys "
    "and is putting himself at risk"
)


def found(text: str, context: CheckContext = JORDAN) -> list[tuple[str, str, Severity]]:
    """(rule id, flagged words, severity) for each finding, checking every span."""
    findings = check(text, BOOK, context)
    for f in findings:
        assert text[f.start : f.end] == f.words
    return [(f.rule_id, f.words, f.severity) for f in findings]


def rules(text: str, context: CheckContext = JORDAN) -> set[str]:
    return {rule for rule, _words, severity in found(text, context) if severity != Severity.NOTE}


def test_the_sentence_from_the_issue_is_flagged_three_times_with_exact_spans() -> None:
    findings = check(ISSUE, BOOK, JORDAN)
    assert [(f.rule_id, f.words) for f in findings] == [
        ("chose-to", "choosing to hang"),
        ("associating", "hang around with older boys"),
        ("self-risk", "putting himself at risk"),
    ]
    first = findings[0]
    assert ISSUE[first.start : first.end] == "choosing to hang"
    assert first.severity is Severity.HIGH
    assert "[" in first.alternatives[0]  # placeholders for the author to fill in
    assert first.reason


def test_the_check_never_changes_the_text() -> None:
    text = ISSUE + " Mum is hostile."
    before = str(text)
    check(text, BOOK, JORDAN)
    assert text == before


def test_empty_and_blank_texts_have_no_findings() -> None:
    assert check("", BOOK) == []
    assert check("  \n\t ", BOOK) == []


# Negation ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "She had no choice.",
        "A child cannot consent.",
        "A child can't consent.",
        "A child can’t consent.",  # a curly apostrophe
        "She is unable to consent to this.",
        "This is not a lifestyle choice.",
        "He did not choose to go back.",
        "She never chose to stay there.",
        "It was not by choice.",
        "Rather than putting herself at risk, she is being forced to go.",
    ],
)
def test_a_negation_just_before_clears_the_finding(text: str) -> None:
    assert rules(text) == set()


def test_a_negation_far_away_or_in_another_clause_does_not_clear_it() -> None:
    assert "chose-to" in rules("She did not want to talk, but she chose to go missing.")
    assert "consent" in rules("There was no answer at the door and the sex was consensual.")


def test_where_the_negated_form_is_the_problem_negation_does_not_clear_it() -> None:
    assert "child-not-engaging" in rules("Jordan is not engaging.")
    assert "parent-not-engaging" in rules("Mum won't engage.")
    assert "didnt-resist" in rules("She didn't resist.")
    assert "online-blame" in rules("She didn't block him.")


# Quotes --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        'Jordan said "I chose to go back there".',
        "Jordan said “I chose to go back there”.",
        "Jordan said 'I chose to go back there'.",
        "Jordan said ‘I chose to go back there’.",
        "Jordan said «I chose to go back there».",
    ],
)
def test_quoted_words_become_a_gentle_note(text: str) -> None:
    (finding,) = check(text, BOOK, JORDAN)
    assert finding.rule_id == "chose-to"
    assert finding.severity is Severity.NOTE
    assert finding.quoted
    assert not finding.open
    assert "own words" in finding.note


def test_apostrophes_are_not_taken_for_quotes() -> None:
    text = "She's said Jones' car was there and she chose to go back to the flat."
    assert ("chose-to", "chose to go", Severity.HIGH) in found(text)


def test_a_quote_left_open_ends_with_its_sentence() -> None:
    text = 'Mum said "she is out. Jordan is choosing to stay at the flat.'
    assert ("chose-to", "choosing to stay", Severity.HIGH) in found(text)


def test_a_quote_can_run_over_several_sentences() -> None:
    text = 'She said "I went there. I chose to go." Then she left.'
    assert found(text) == [("chose-to", "chose to go", Severity.NOTE)]


def test_the_preference_note_about_victim_is_silent_inside_quotes() -> None:
    assert found("Jordan is a victim of exploitation.") == [
        ("victim-wording", "victim of exploitation", Severity.NOTE)
    ]
    assert found('Police called him "a victim of exploitation".') == []


# Innocent senses -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Police contacted mum at 22:00.",
        "Mum's contact details were updated.",
        "DNA evidence was recovered from the car.",
        "Jordan is Black and British.",
        "The place was dark and there was a lack of food.",
        "He was taken to a place of safety.",
        "Jordan is a keen cross-country runner.",
        "Mum's job means she works nights.",
        "A Gang Injunction was granted against the men.",
        "She was referred to Parents Against Child Sexual Exploitation.",
        "The Child Sexual Exploitation Team met on Monday.",
        "She has been self-harming.",
        "The perpetrator refused to engage with probation.",
        "Dad's partner collected the children.",
        "Mum consented to the referral.",
        "She is below the age of consent.",
        "Jordan starts a work placement at the garage.",
        "The flat is hard to reach by bus.",
        "He plugged his phone in to charge; no drugs were found.",
        "The match kicked off at three.",
        "Police carried out a safe and well check.",  # a named police procedure
    ],
)
def test_innocent_senses_are_not_flagged(text: str) -> None:
    assert rules(text) == set()


def test_a_sense_needing_context_is_flagged_only_with_it() -> None:
    assert rules("Jordan has a boyfriend.") == set()
    assert "boyfriend-adult" in rules("Jordan has a boyfriend. He is 24 and drives.")
    assert "did-not-attend" in rules("DNA dental appointment.")
    assert "drinking-blame" not in rules("She had been drinking at a party.")
    assert "drinking-blame" in rules("She had been drinking before she was assaulted.")


def test_the_childs_and_parents_names_come_from_the_case() -> None:
    amira = CheckContext(("Amira Khan", "Amira"), ("Nadia Khan", "Nadia"))
    assert "child-not-engaging" in rules("Amira refused to engage.", amira)
    assert "parent-not-engaging" in rules("Nadia refused to engage.", amira)
    assert rules("Amira refused to engage.", CheckContext()) == set()


def test_names_underline_only_the_words_that_are_the_problem() -> None:
    assert found("Kerry refused to engage with the worker.") == [
        ("parent-not-engaging", "refused to engage", Severity.MEDIUM)
    ]


# Word forms, spelling, apostrophes, dashes and Unicode ----------------------------------
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("She chose to go.", "chose to go"),
        ("She chooses to go.", "chooses to go"),
        ("She has chosen to stay there.", "chosen to stay"),
        ("Risky behaviour again.", "Risky behaviour"),
        ("Risky behavior again.", "Risky behavior"),
        ("Risk-taking behaviour again.", "Risk-taking behaviour"),
        ("Risk taking behaviour again.", "Risk taking behaviour"),
        ("Risk–taking behaviour again.", "Risk–taking behaviour"),  # an en dash
        ("RISKY BEHAVIOUR AGAIN.", "RISKY BEHAVIOUR"),
        ("Putting herself at significant risk.", "Putting herself at significant risk"),
        ("Putting herself, again, at real risk.", "Putting herself, again, at real risk"),
        ("Jordan DNA’d his dental appointment.", "DNA’d"),
        ("Jordan DNAd the appointment.", "DNAd"),
        ("Mum’s demands are unreasonable.", "unreasonable"),
    ],
)
def test_word_forms_spellings_and_punctuation(text: str, words: str) -> None:
    assert words in {w for _rule, w, _severity in found(text)}


@pytest.mark.parametrize(
    "text",
    [
        "It was non-consensual.",  # a hyphenated compound is another word
        "She was consensually unconscious.",  # "consensually" is not "consensual"
        "Élodie est streetwiseness.",  # letters either side: not a whole word
        "Jordan was seen at the sex-education lesson.",
    ],
)
def test_words_only_match_whole_words(text: str) -> None:
    assert rules(text) == set()


def test_unicode_letters_count_as_letters() -> None:
    assert rules("Zoë is naïve.") == {"naive"}
    assert rules("Zoë is naïveté itself.") == set()


# The child's age on the date of the event -----------------------------------------------
def test_age_changes_the_severity_and_the_alternatives() -> None:
    at_12 = check("M is sexually active.", BOOK, JORDAN.at_age(12))[0]
    at_17 = check("M is sexually active.", BOOK, JORDAN.at_age(17))[0]
    unknown = check("M is sexually active.", BOOK, JORDAN)[0]
    assert (at_12.severity, at_17.severity, unknown.severity) == (
        Severity.HIGH,
        Severity.MEDIUM,
        Severity.HIGH,
    )
    assert "rape" in at_12.note
    assert any("raped" in a for a in at_12.alternatives)
    assert not any("raped" in a for a in at_17.alternatives)


def test_adult_words_are_fine_once_the_person_is_an_adult() -> None:
    assert "adult-descriptors" in rules("She is a young woman now.", JORDAN.at_age(15))
    assert "adult-descriptors" not in rules("She is a young woman now.", JORDAN.at_age(18))


def test_the_age_comes_from_the_date_of_birth_and_the_event_date() -> None:
    case = make_case(date_of_birth=dt.date(2012, 6, 1))
    assert context_for(case, EventDate.exact(dt.date(2025, 5, 31))).age == 12
    assert context_for(case, EventDate.exact(dt.date(2025, 6, 1))).age == 13
    assert context_for(case, EventDate.month(2025, 6)).age == 13
    vague = EventDate.between(dt.date(2025, 5, 1), dt.date(2025, 7, 1))
    assert context_for(case, vague).age == 12  # the younger age when the date is vague
    assert context_for(case, None).age is None
    assert context_for(make_case(date_of_birth=None), vague).age is None


def test_the_same_entry_reads_differently_at_12_and_at_17() -> None:
    case_12 = make_case(date_of_birth=dt.date(2013, 1, 1))
    case_17 = make_case(date_of_birth=dt.date(2008, 1, 1))
    when = EventDate.exact(dt.date(2025, 3, 1))
    text = "Jayden is sexually active."
    assert check(text, BOOK, context_for(case_12, when))[0].severity is Severity.HIGH
    assert check(text, BOOK, context_for(case_17, when))[0].severity is Severity.MEDIUM


def test_age_on_counts_whole_years() -> None:
    assert age_on(dt.date(2010, 2, 28), dt.date(2025, 2, 27)) == 14
    assert age_on(dt.date(2010, 2, 28), dt.date(2025, 2, 28)) == 15
    assert age_on(dt.date(2012, 2, 29), dt.date(2025, 2, 28)) == 12
    assert age_on(dt.date(2012, 2, 29), dt.date(2025, 3, 1)) == 13


def test_context_for_reads_the_names_of_the_child_and_the_parents() -> None:
    context = context_for(make_case())
    assert context.child_names == ("Jayden Okafor", "Jayden", "JJ")
    assert context.parent_names == ("Grace Okafor", "Grace")


# Marks -----------------------------------------------------------------------------------
def test_a_mark_keeps_the_finding_but_closes_it() -> None:
    text = "Jordan says the man is his boyfriend (24)."
    (finding,) = check(text, BOOK, JORDAN)
    mark = WordingMark(
        field="account",
        rule_id=finding.rule_id,
        words="BOYFRIEND",
        kind=MarkKind.OWN_WORDS,
        reason="His word for him",
    )
    (marked,) = apply_marks([finding], [mark], "account")
    assert marked.mark == mark
    assert not marked.open
    (other_field,) = apply_marks([finding], [mark], "summary")
    assert other_field.open


def test_findings_in_a_long_text_are_in_order_and_do_not_overlap_within_a_rule() -> None:
    text = " ".join([ISSUE + "."] * 50)
    findings: list[WordingFinding] = check(text, BOOK, JORDAN)
    assert len(findings) == 150
    assert [f.start for f in findings] == sorted(f.start for f in findings)
