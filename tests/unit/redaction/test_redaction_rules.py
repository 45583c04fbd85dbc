"""What each audience sees of an entry: sharing, names, sources, opinions, grading."""

from __future__ import annotations

import datetime as dt

import pytest

from fftimeline.domain.entries import Grading, Handling, Kind, Nature
from fftimeline.domain.people import Linked, LinkKind
from fftimeline.domain.sharing import Audience, Sharing
from fftimeline.domain.sources import Source, WithheldReason
from fftimeline.redaction.audiences import (
    AudienceField,
    UnknownAudience,
    custom_from_json,
    custom_to_json,
    find_profile,
    make_custom,
)
from fftimeline.redaction.manual import ManualRedactions, ManualSpan
from fftimeline.redaction.redact import (
    LEFT_OUT_RETRACTED,
    LEFT_OUT_SHARING,
    Filters,
    redact_chronology,
)
from fftimeline.redaction.values import Redacted, as_text
from tests.factories import make_case
from tests.unit.redaction.case_builder import saved, saved_person

STRATEGY = find_profile("strategy-meeting")
PARENTS = find_profile("parents-carers")
POLICE = find_profile("police")
ALL_AUDIENCES = frozenset(Audience)


def _one(entry, register=(), profile=STRATEGY, **kw):
    chron = redact_chronology(make_case(), [entry], list(register), profile, **kw)
    assert len(chron.entries) == 1
    return chron, chron.entries[0]


def test_only_entries_shared_with_the_audience_go():
    shared = saved(1)
    private = saved(2, sharing=Sharing(audiences=frozenset({Audience.SAFEGUARDING_TEAM})))
    chron = redact_chronology(make_case(), [shared, private], [], STRATEGY)
    assert [e.entry_id for e in chron.entries] == [1]
    assert chron.left_out == {LEFT_OUT_SHARING: 1}


def test_withdrawn_entries_never_go():
    entry = saved(1).model_copy(
        update={"retracted_at": dt.datetime(2025, 6, 2, tzinfo=dt.UTC), "retraction_reason": "x"}
    )
    chron = redact_chronology(make_case(), [entry], [], STRATEGY)
    assert chron.entries == []
    assert chron.left_out == {LEFT_OUT_RETRACTED: 1}


def test_withheld_source_shows_reason_never_name():
    source = Source(
        name="Tina Wexford", withheld=True, withheld_reason=WithheldReason.RISK_TO_SOURCE
    )
    entry = saved(1, source=source, account="Tina Wexford told us at the shop.")
    _, shown = _one(entry)
    assert isinstance(shown.source, Redacted)
    assert as_text(shown.source) == "Source withheld (Naming them would put the source at risk)"
    assert "Wexford" not in shown.what_happened
    assert "A source told us" in shown.what_happened


def test_redacted_value_cannot_be_formatted_by_accident():
    with pytest.raises(TypeError):
        f"{Redacted('Source withheld')}"
    with pytest.raises(TypeError):
        str(Redacted("Source withheld"))


@pytest.mark.parametrize(
    "text",
    ["Seen with Marcus Bell", "seen with MARCUS", "Bugsy's car was there", "bugsy drove off"],
)
def test_third_party_names_and_nicknames_become_the_role(text):
    person = saved_person(7)
    entry = saved(1, account=text)
    _, shown = _one(entry, [person])
    assert "marcus" not in shown.what_happened.casefold()
    assert "bugsy" not in shown.what_happened.casefold()
    assert "an adult male" in shown.what_happened.casefold()


def test_possessive_keeps_its_meaning():
    _, shown = _one(saved(1, account="Bugsy's car"), [saved_person(7)])
    assert shown.what_happened.endswith("An adult male's car")


def test_whole_words_only():
    person = saved_person(7, name="Ann Lee", nicknames=())
    _, shown = _one(saved(1, account="Ann gave an announcement"), [person])
    assert shown.what_happened.endswith("An adult male gave an announcement")


def test_replacement_mid_sentence_stays_lower_case():
    _, shown = _one(saved(1, account="He met Bugsy. Bugsy left."), [saved_person(7)])
    assert shown.what_happened.endswith("He met an adult male. An adult male left.")


def test_person_linked_to_an_entry_is_protected_even_if_not_third_party():
    cousin = Linked(id=4, kind=LinkKind.PERSON, name="Dwayne Carter", role="a cousin")
    entry = saved(1, account="Went to Dwayne's flat", link_ids=frozenset({4}))
    _, shown = _one(entry, [cousin])
    assert "Went to a cousin's flat" in shown.what_happened


def test_child_shown_by_initials_to_strategy_meeting_and_by_name_to_parents():
    entry = saved(1, sharing=Sharing(audiences=ALL_AUDIENCES))
    chron, shown = _one(entry)
    assert chron.child == "J. O."
    assert "Jayden" not in shown.what_happened and "J. O. was seen" in shown.what_happened
    chron, shown = _one(entry, profile=PARENTS)
    assert chron.child == "Jayden Okafor"
    assert "Jayden was seen" in shown.what_happened


def test_key_worker_can_choose_names_for_strategy_meeting():
    chron, _ = _one(saved(1), profile=STRATEGY.with_child_name(True))
    assert chron.child == "Jayden Okafor"


def test_opinion_says_whose():
    entry = saved(1, nature=Nature.OPINION, opinion_of="Dr Patel, CAMHS")
    _, shown = _one(entry)
    assert shown.nature == "Opinion of Dr Patel, CAMHS"


def _intel():
    grading = Grading(
        source=2, information="B", handling=Handling.C, conditions="Not to leave the MASH office"
    )
    return saved(
        1,
        kind=Kind.INTELLIGENCE,
        nature=Nature.INTELLIGENCE,
        grading=grading,
        sharing=Sharing(audiences=ALL_AUDIENCES),
    )


def test_grading_and_conditions_only_for_audiences_that_may_see_them():
    _, police = _one(_intel(), profile=POLICE)
    assert as_text(police.grading) == "2B C: Not to leave the MASH office"
    _, strategy = _one(_intel(), profile=STRATEGY)
    assert as_text(strategy.grading) == ""  # only when the key worker chooses it
    _, strategy = _one(_intel(), profile=STRATEGY.with_grading(True))
    assert as_text(strategy.grading) == "2B C"
    _, parents = _one(_intel(), profile=PARENTS)
    assert as_text(parents.grading) == ""


def test_manual_redaction_applies_only_to_that_entry_and_audience():
    manual = ManualRedactions().added(
        ManualSpan(entry_id=1, audience="strategy-meeting", text="grey car")
    )
    entry = saved(1, sharing=Sharing(audiences=ALL_AUDIENCES))
    _, shown = _one(entry, manual=manual)
    assert "grey car" not in shown.what_happened and "[redacted]" in shown.what_happened
    _, police = _one(entry, profile=POLICE, manual=manual)
    assert "grey car" in police.what_happened


def test_identifiers_hidden_from_parents():
    plate = Linked(id=9, kind=LinkKind.VEHICLE, name="VX19 ABC")
    entry = saved(1, account="Car VX19 ABC seen", sharing=Sharing(audiences=ALL_AUDIENCES))
    _, parents = _one(entry, [plate], profile=PARENTS)
    assert "Car (registration not shown) seen" in parents.what_happened  # not glued on "Car"
    _, police = _one(entry, [plate], profile=POLICE)
    assert "VX19 ABC" in police.what_happened


def test_an_excluded_entry_text_goes_nowhere():
    shared = saved(1, summary="Missed the appointment at the clinic")
    private = saved(
        2,
        summary="Disclosed the stash house on Elm Road",
        account="",
        sharing=Sharing(audiences=frozenset({Audience.SAFEGUARDING_TEAM})),
    )
    chron = redact_chronology(make_case(), [shared, private], [], STRATEGY)
    assert [e.entry_id for e in chron.entries] == [1] and chron.included == [shared]
    assert all("stash house" not in e.what_happened for e in chron.entries)


def test_filters_leave_out_dates_and_kinds():
    early = saved(1)
    chron = redact_chronology(
        make_case(), [early], [], STRATEGY, Filters(start=dt.date(2025, 4, 1))
    )
    assert chron.entries == [] and chron.left_out_total == 1
    chron = redact_chronology(
        make_case(), [early], [], STRATEGY, Filters(kinds=frozenset({Kind.MISSING}))
    )
    assert chron.entries == []


def test_custom_audience_round_trips_and_unknown_is_refused():
    yot = make_custom("Youth Offending Team", Audience.POLICE, frozenset({AudienceField.ACCOUNT}))
    assert yot.slug == "custom-youth-offending-team"
    back = custom_from_json(custom_to_json([yot]))
    assert find_profile(yot.slug, back) == yot
    with pytest.raises(UnknownAudience):
        find_profile("nobody")


def test_notes_typed_into_a_name_do_not_become_protected_words():
    from fftimeline.redaction.terms import name_parts

    assert name_parts("Ryan (surname not known)") == ["Ryan (surname not known)", "Ryan"]
    assert name_parts("Marcus Bell") == ["Marcus Bell", "Marcus", "Bell"]


def test_a_withheld_person_is_hidden_by_surname_title_or_odd_spacing_too():
    source = Source(
        name="Margaret Hale", withheld=True, withheld_reason=WithheldReason.RISK_TO_SOURCE
    )
    told = saved(1, source=source, sharing=Sharing(audiences=ALL_AUDIENCES))
    other = saved(
        2,
        sharing=Sharing(audiences=ALL_AUDIENCES),
        account="Donna thinks Mrs Hale next door talks to the police. Margaret  Hale\nagrees.",
    )
    chron = redact_chronology(make_case(), [told, other], [], STRATEGY)
    text = chron.entries[1].what_happened
    assert "Hale" not in text and "Margaret" not in text
    assert "thinks a source next door" in text


def test_any_apostrophe_or_dash_matches_a_protected_name():
    person = saved_person(7, name="Tyrese O'Neill", nicknames=("Lil' T", "Jay-Dee"))
    entry = saved(
        1,
        account="Seen with Lil’ T and Jay–Dee near the shop. O’Neill’s car was there.",
        link_ids=frozenset({7}),
    )
    _, shown = _one(entry, [person])
    assert "T " not in shown.what_happened.replace("The ", "")
    assert "O’Neill" not in shown.what_happened and "Dee" not in shown.what_happened
    assert "An adult male's car was there" in shown.what_happened


def test_short_and_former_names_of_the_child_are_hidden_from_initials_audiences():
    from fftimeline.redaction.terms import Former

    case = make_case(child_name="Jo Ng", known_as="")
    before = make_case(child_name="Jordan Ng", known_as="Jords")
    entry = saved(1, account="Jo was seen by Ms Ng's neighbour. Jords said Jordan left.")
    chron = redact_chronology(case, [entry], [], STRATEGY, former=Former(cases=(before,)))
    text = chron.entries[0].what_happened
    for name in ("Jo ", "Ng", "Jords", "Jordan"):
        assert name not in text
    assert "J. N. was seen" in text


def test_sharp_s_names_are_replaced_not_left_to_block_the_export():
    person = saved_person(7, name="Lukas Weiß", nicknames=())
    entry = saved(1, account="Herr Weiß drove.", link_ids=frozenset({7}))
    _, shown = _one(entry, [person])
    assert "Weiß" not in shown.what_happened


def test_a_manual_span_across_summary_and_account_is_applied():
    entry = saved(1, sharing=Sharing(audiences=ALL_AUDIENCES))
    span = "outside school\nAt 15:20"  # as selected in the preview, one line break
    manual = ManualRedactions().added(ManualSpan(entry_id=1, audience=STRATEGY.slug, text=span))
    _, shown = _one(entry, manual=manual)
    assert "15:20" not in shown.what_happened and "[redacted]" in shown.what_happened


def test_date_filters_take_before_and_after_at_their_word():
    from fftimeline.domain.dates import Certainty, EventDate, Precision

    year = Precision.YEAR
    before_2026 = saved(
        1,
        event_date=EventDate(certainty=Certainty.BEFORE, start=dt.date(2026, 1, 1), precision=year),
    )
    after_march = saved(
        2,
        event_date=EventDate(
            certainty=Certainty.AFTER, start=dt.date(2025, 3, 1), precision=Precision.MONTH
        ),
    )
    in_2025 = Filters(start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31))
    chron = redact_chronology(make_case(), [before_2026, after_march], [], STRATEGY, in_2025)
    assert [e.entry_id for e in chron.entries] == [1, 2]
    first_quarter = Filters(start=dt.date(2025, 1, 1), end=dt.date(2025, 3, 31))
    chron = redact_chronology(make_case(), [before_2026, after_march], [], STRATEGY, first_quarter)
    assert [e.entry_id for e in chron.entries] == [1]
    assert chron.reasons == {2: "outside the dates chosen"}


def test_an_agency_named_as_its_own_source_is_named_once():
    police = Source(name="Westbridge Police", agency="Westbridge Police", professional=True)
    told = saved(
        1, source=police, account="From the police.", sharing=Sharing(audiences=ALL_AUDIENCES)
    )
    _, shown = _one(told, profile=POLICE)
    assert as_text(shown.source) == "Westbridge Police"
