"""The family's and the child's timeline as content: what a parent reads, and what never."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from fftimeline.domain.entries import Kind, Nature
from fftimeline.domain.meetings import ShownChallenge, ShownDecision
from fftimeline.domain.support import SupportOrganisation
from fftimeline.domain.views import ShownView, ViewHolder, ViewPosition
from fftimeline.domain.wording import SOURCE_NOT_NAMED, Voice
from fftimeline.export.document import LARGE_PRINT_PT, EntryCard, Heading, Paragraph
from fftimeline.export.family_document import (
    FamilyEntry,
    FirstPage,
    SourceShown,
    build_family_document,
)

FIRST = FirstPage(
    voice=Voice.FAMILY,
    child="Jayden Okafor",
    key_worker="Sam Key",
    organisation="Westbridge Children's Services",
    phone="01632 960 100",
    email="sam.key@westbridge.example",
    written_on=dt.date(2026, 3, 3),
    something_left_out=True,
    may_go_to=("Strategy meeting", "Police"),
    shared=(("Strategy meeting", dt.date(2026, 3, 3)), ("you", dt.date(2026, 3, 4))),
)
SUPPORT = (
    SupportOrganisation(name="Childline", helps_with="Help for children", phone="0800 1111"),
)


def entry(entry_id: int, **changes: object) -> FamilyEntry:
    base = FamilyEntry(
        entry_id=entry_id,
        sort_date=dt.date(2025, 3, 14),
        period="March 2025",
        date_words="14 March 2025",
        kind=Kind.CONCERN,
        positive=False,
        what_happened="Seen getting into a car with an adult male after school",
        nature=Nature.REPORTED,
        whose="",
        source=SourceShown.WITHHELD,
        source_text="Source withheld (Naming them would put the source at risk)",
        family_views=(
            ShownView(ViewHolder.FAMILY, "", ViewPosition.DISPUTE, "He was at home that evening."),
        ),
        next_steps="Next: Strategy meeting today (Sam Key)",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def text(document) -> str:
    return "\n".join(document.texts())


def test_first_page_says_who_wrote_it_how_to_reach_them_and_how_it_is_shared() -> None:
    doc = build_family_document(FIRST, [entry(1)], SUPPORT)
    words = text(doc)
    assert "Sam Key wrote it on 3 March 2026." in words
    assert "Westbridge Children's Services" in words
    assert "Phone: 01632 960 100" in words and "Email: sam.key@westbridge.example" in words
    assert "shared with the strategy meeting and the police" in words
    assert "We shared this chronology with the strategy meeting on 3 March 2026." in words
    assert "We shared this chronology with you on 4 March 2026." in words
    assert "some information is not included, to keep someone safe" in words.lower()
    assert "If something is wrong or missing" in words


def test_nothing_left_out_is_not_claimed_and_no_count_is_given() -> None:
    doc = build_family_document(replace(FIRST, something_left_out=False), [entry(1)], SUPPORT)
    assert "not included" not in text(doc)
    left_out = build_family_document(FIRST, [entry(1)], SUPPORT)
    assert "left out" not in text(left_out).lower()


def test_every_entry_has_how_we_know_who_told_us_and_the_familys_view() -> None:
    doc = build_family_document(FIRST, [entry(1)], SUPPORT)
    card = next(b for b in doc.blocks if isinstance(b, EntryCard))
    lines = {line.label: line for line in card.lines}
    assert card.title == "14 March 2025 — A worry"
    assert lines["How we know"].text == "What we were told"
    assert lines["Who told us"].text == SOURCE_NOT_NAMED
    view = lines["Your family's view"]
    assert view.text.startswith("Your family does not agree with this.")
    assert "He was at home that evening." in view.text
    assert view.strong  # a dispute is as prominent as the entry itself
    assert "does not agree" in card.tag
    assert lines["What was done or agreed next"].text.startswith("Next: Strategy meeting")


def test_positive_events_are_shown_as_good_news() -> None:
    agrees = (ShownView(ViewHolder.FAMILY, "", ViewPosition.AGREE, ""),)
    good = entry(2, kind=Kind.POSITIVE, positive=True, family_views=agrees)
    card = next(
        b for b in build_family_document(FIRST, [good], SUPPORT).blocks if isinstance(b, EntryCard)
    )
    assert card.tag == "Good news"
    assert card.title.endswith("Something good")


def test_months_head_the_timeline_in_date_order() -> None:
    later = entry(2, sort_date=dt.date(2025, 5, 2), period="May 2025", date_words="2 May 2025")
    doc = build_family_document(FIRST, [entry(1), later], SUPPORT)
    headings = [b.text for b in doc.blocks if isinstance(b, Heading) and b.level == 3]
    assert headings[:2] == ["March 2025", "May 2025"]
    assert "from March 2025 to May 2025" in text(doc)


def test_no_professional_jargon_reaches_the_family() -> None:
    hand_redacted = entry(1, what_happened="Seen with [redacted] after school")
    words = text(build_family_document(FIRST, [hand_redacted], SUPPORT))
    for jargon in ("OFFICIAL", "Handle as", "[redacted]", "Significance", "Impact", "Sortable"):
        assert jargon not in words
    assert "Seen with … after school" in words


def test_glossary_explains_only_the_terms_used() -> None:
    nrm = entry(1, what_happened="An NRM referral was made after the strategy meeting.")
    words = text(build_family_document(FIRST, [nrm], SUPPORT))
    assert "Words we use" in words
    assert "NRM (National Referral Mechanism)" in words
    assert "County lines" not in words  # not used, so not explained


def test_support_organisations_close_the_document() -> None:
    doc = build_family_document(FIRST, [entry(1)], SUPPORT)
    paragraphs = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert "Phone: 0800 1111" in paragraphs
    assert any(isinstance(b, Heading) and b.text == "Where to get support" for b in doc.blocks)


def test_readable_on_paper_and_private() -> None:
    doc = build_family_document(FIRST, [entry(1)], SUPPORT)
    assert doc.body_pt >= 11
    assert build_family_document(FIRST, [entry(1)], SUPPORT, large_print=True).body_pt >= 16
    assert LARGE_PRINT_PT >= 16
    assert doc.footer == "This is private information about your family."
    assert doc.header == ""  # no protective marking banner
    assert doc.page_label == "Page {page} of {pages}"


def test_the_childs_version_speaks_to_the_young_person() -> None:
    child = replace(FIRST, voice=Voice.CHILD)
    entries = [entry(1, nature=Nature.FAMILY_ACCOUNT), entry(2, nature=Nature.CHILD_ACCOUNT)]
    words = text(build_family_document(child, entries, SUPPORT))
    assert "Your timeline" in words
    assert "important things that have happened in your life" in words
    assert "What your family told us" in words  # the child's own account is apart:
    assert "What you told us" in words
    assert "This is private information about you." in words


def test_an_account_that_repeats_its_summary_is_printed_once() -> None:
    repeated = entry(
        1,
        what_happened="Spent the weekend with grandparents\n\n"
        "Spent the weekend with grandparents. He was happy.",
    )
    card = next(
        b
        for b in build_family_document(FIRST, [repeated], SUPPORT).blocks
        if isinstance(b, EntryCard)
    )
    assert card.lines[0].text == "Spent the weekend with grandparents. He was happy."
    different = entry(2, what_happened="Missing overnight\n\nFound in Leeds by police at 06:00.")
    card = next(
        b
        for b in build_family_document(FIRST, [different], SUPPORT).blocks
        if isinstance(b, EntryCard)
    )
    assert card.lines[0].text == "Missing overnight\nFound in Leeds by police at 06:00."


def test_what_the_child_or_family_said_is_not_put_in_a_workers_mouth() -> None:
    said = entry(1, nature=Nature.FAMILY_ACCOUNT, source=SourceShown.NOT_SHOWN)
    child = text(build_family_document(replace(FIRST, voice=Voice.CHILD), [said], SUPPORT))
    family = text(build_family_document(FIRST, [said], SUPPORT))
    assert "Someone who works with" not in child and "Someone who works with" not in family
    assert "You or your family" in child and "Your family" in family
    worker = entry(1, nature=Nature.REPORTED, source=SourceShown.NOT_SHOWN)
    child = text(build_family_document(replace(FIRST, voice=Voice.CHILD), [worker], SUPPORT))
    assert "Someone who works with you" in child


def test_the_childs_glossary_speaks_to_the_young_person() -> None:
    used = entry(1, what_happened="A safety plan was agreed at the strategy meeting; an NRM.")
    child = text(build_family_document(replace(FIRST, voice=Voice.CHILD), [used], SUPPORT))
    glossary = child[child.index("Words we use") :]
    assert "Safety plan" in glossary and "Strategy meeting" in glossary
    assert "your child" not in glossary and "keep you safe" in glossary
    family = text(build_family_document(FIRST, [used], SUPPORT))
    assert "keep your child safe" in family[family.index("Words we use") :]


def test_each_persons_view_is_beside_the_entry_and_disputes_stand_out() -> None:
    views = (
        ShownView(ViewHolder.MEMBER, "Grace Okafor", ViewPosition.DISPUTE, "He was home."),
        ShownView(ViewHolder.MEMBER, "Tunde Okafor", ViewPosition.AGREE, ""),
    )
    child = ShownView(ViewHolder.CHILD, "", ViewPosition.PARTLY, "Only the first part.")
    both = entry(3, family_views=views, child_view=child, child_wish="I want to tell Dad myself")
    card = next(
        b for b in build_family_document(FIRST, [both], SUPPORT).blocks if isinstance(b, EntryCard)
    )
    family = [line for line in card.lines if line.label == "Your family's view"]
    assert [(line.text.split(":")[0], line.strong) for line in family] == [
        ("Grace Okafor", True),
        ("Tunde Okafor", False),
    ]
    assert "He was home." in family[0].text
    [child_line] = [line for line in card.lines if line.label == "Your child's view"]
    assert child_line.strong and "Only the first part." in child_line.text
    wish = [line for line in card.lines if line.label == "Your child's wishes about sharing"]
    assert [line.text for line in wish] == ["I want to tell Dad myself"]
    assert "Your family does not agree with all of this" in card.tag
    assert "Your child does not agree with all of this" in card.tag


def _card(one: FamilyEntry, first: FirstPage = FIRST) -> EntryCard:
    blocks = build_family_document(first, [one], SUPPORT).blocks
    return next(b for b in blocks if isinstance(b, EntryCard))


def test_a_meetings_decisions_and_the_familys_challenge_are_in_plain_words() -> None:
    answered = ShownChallenge(
        by="Grace Okafor",
        on=dt.date(2025, 3, 1),
        words="Jayden should be home at weekends.",
        response="We will look again at the review in [redacted].",
        response_on=dt.date(2025, 3, 3),
    )
    waiting = ShownChallenge("Tunde Okafor", dt.date(2025, 3, 2), "No curfew.", "", None)
    decisions = (
        ShownDecision("Jayden stays with his aunt at weekends", answered),
        ShownDecision("A curfew of 9pm", waiting),
        ShownDecision("A safety plan is agreed"),
    )
    meeting = entry(4, kind=Kind.MEETING, decisions=decisions, next_steps="Outcome: Agreed")
    lines = [(line.label, line.text, line.strong) for line in _card(meeting).lines]
    decided = [(label, text) for label, text, _ in lines if label != "Your family's view"][3:]
    assert decided == [
        ("What was decided", "Jayden stays with his aunt at weekends"),
        (
            "Challenge to this decision",
            "Grace Okafor challenged this decision on 1 March 2025. They said: Jayden should "
            "be home at weekends.\nThe team answered on 3 March 2025: We will look again at "
            "the review in ….",
        ),
        ("What was decided", "A curfew of 9pm"),
        (
            "Challenge to this decision",
            "Tunde Okafor challenged this decision on 2 March 2025. They said: No curfew.\n"
            "The team has not answered yet.",
        ),
        ("What was decided", "A safety plan is agreed"),
        ("What was done or agreed next", "Outcome: Agreed"),
    ]
    assert all(strong for label, _, strong in lines if label == "Challenge to this decision")


def test_a_challenge_is_printed_even_where_the_decisions_are_not() -> None:
    """An audience that sees the family's view but not the actions still reads the challenge."""
    only = ShownChallenge("Grace Okafor", dt.date(2025, 3, 1), "Not fair.", "", None)
    meeting = entry(5, kind=Kind.MEETING, decisions=(ShownDecision("", only),), next_steps="")
    child = replace(FIRST, voice=Voice.CHILD)
    [line] = [line for line in _card(meeting, child).lines if line.label.startswith("Challenge")]
    assert line.text.startswith("Grace Okafor challenged a decision of this meeting on 1 March")
    assert not [line for line in _card(meeting).lines if line.label == "What was decided"]
