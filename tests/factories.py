"""Factories for valid domain objects, shared by every test layer (no Qt, no I/O)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fftimeline.domain.cases import CaseDraft, FamilyMember, TeamMember
from fftimeline.domain.dates import EventDate
from fftimeline.domain.entries import EntryDraft, Kind, Nature
from fftimeline.domain.meetings import (
    Attendee,
    AttendeeKind,
    Challenge,
    Decision,
    Meeting,
    MeetingKind,
)
from fftimeline.domain.people import Linked, LinkKind
from fftimeline.domain.safety_plans import (
    Measure,
    MeasureReview,
    PlanReview,
    SafetyPlan,
    SafetyPlanDraft,
    Working,
)
from fftimeline.domain.sharing import Audience, Sharing
from fftimeline.domain.sources import Source
from fftimeline.domain.support import SupportOffer, TakenUp
from fftimeline.domain.tasks import TaskDraft
from fftimeline.domain.views import PersonView, ViewHolder, ViewPosition

PASSPHRASE = "correct horse battery staple 42"


def passphrase(text: str = PASSPHRASE) -> bytearray:
    """A fresh mutable passphrase buffer, as the UI and CLI hand them over."""
    return bytearray(text.encode("utf-8"))


def make_case(**overrides: Any) -> CaseDraft:
    """A valid case draft; override any field."""
    fields: dict[str, Any] = {
        "child_name": "Jayden Okafor",
        "known_as": "JJ",
        "date_of_birth": dt.date(2010, 4, 2),
        "pronouns": "he/him",
        "key_worker": "Sam Key",
        "family": (FamilyMember(name="Grace Okafor", relationship="Mother"),),
        "team": (TeamMember(name="Rita Hughes", agency="Park School", role="Head of Year"),),
    }
    fields.update(overrides)
    return CaseDraft(**fields)


def make_entry(**overrides: Any) -> EntryDraft:
    """A valid entry draft: a reported concern from a named professional; override any field."""
    fields: dict[str, Any] = {
        "kind": Kind.CONCERN,
        "event_date": EventDate.exact(dt.date(2025, 3, 14)),
        "summary": "Seen getting into a car outside school",
        "account": "At 15:20 Jayden was seen getting into a grey car outside the gates.",
        "nature": Nature.REPORTED,
        "source": Source(
            name="Rita Hughes", role="Head of Year", agency="Park School", professional=True
        ),
        "views": (
            PersonView(
                holder=ViewHolder.FAMILY,
                position=ViewPosition.AGREE,
                text="Mum says he told her it was a friend.",
            ),
        ),
        "sharing": Sharing(
            audiences=frozenset({Audience.SAFEGUARDING_TEAM, Audience.STRATEGY_MEETING})
        ),
    }
    fields.update(overrides)
    return EntryDraft(**fields)


def make_person(**overrides: Any) -> Linked:
    """A third-party adult linked to a case; override any field."""
    fields: dict[str, Any] = {
        "kind": LinkKind.PERSON,
        "name": "Marcus Bell",
        "role": "an adult male",
        "nicknames": ("Bugsy",),
        "third_party": True,
    }
    fields.update(overrides)
    return Linked(**fields)


def make_task(**overrides: Any) -> TaskDraft:
    """An open task with an owner and due date; override any field."""
    fields: dict[str, Any] = {
        "what": "Return home interview",
        "owner": "R. Hughes",
        "due": dt.date(2025, 3, 20),
    }
    fields.update(overrides)
    return TaskDraft(**fields)


def family_view(
    text: str = "", position: ViewPosition = ViewPosition.NOT_ASKED
) -> tuple[PersonView, ...]:
    """An entry's views holding one view of the family as a whole (as views were before)."""
    view = PersonView(holder=ViewHolder.FAMILY, position=position, text=text)
    return (view,) if view.is_recorded else ()


def family_text(entry: EntryDraft) -> str:
    """The words of the family's view as a whole ('' when none)."""
    return next((v.text for v in entry.views if v.holder is ViewHolder.FAMILY), "")


def make_meeting(**overrides: Any) -> Meeting:
    """A strategy meeting the mother attended, with one decision she challenged."""
    fields: dict[str, Any] = {
        "kind": MeetingKind.STRATEGY,
        "attendees": (
            Attendee(name="Rita Hughes", kind=AttendeeKind.TEAM, role="Head of Year"),
            Attendee(name="Grace Okafor", kind=AttendeeKind.FAMILY, role="Mother"),
            Attendee(
                name="DS Price", kind=AttendeeKind.PROFESSIONAL, role="Police", attended=False
            ),
        ),
        "parents_invited": True,
        "decisions": (
            Decision(
                text="Jayden stays with his aunt at weekends",
                challenge=Challenge(
                    by="Grace Okafor",
                    on=dt.date(2024, 5, 4),
                    words="She wants Jayden home at weekends.",
                    response="The team will look again at the next review.",
                    response_on=dt.date(2024, 5, 6),
                ),
            ),
            Decision(text="A safety plan is agreed with the family"),
        ),
    }
    fields.update(overrides)
    return Meeting(**fields)


def make_meeting_entry(*, discussed: frozenset[int] = frozenset(), **overrides: Any) -> EntryDraft:
    """A meeting entry (a strategy meeting on 3 May 2024); override any entry field."""
    fields: dict[str, Any] = {
        "kind": Kind.MEETING,
        "event_date": EventDate.exact(dt.date(2024, 5, 3)),
        "summary": "Strategy meeting about weekends",
        "nature": Nature.FACT,
        "source": None,
        "meeting": make_meeting(discussed=discussed),
        "parents_told": True,
        "no_source_reason": "Recorded at the meeting",
        "views": family_view("Grace agrees with the plan, not the weekends.", ViewPosition.PARTLY),
    }
    fields.update(overrides)
    return make_entry(**fields)


def make_support_entry(**overrides: Any) -> EntryDraft:
    """Support offered to the mother, not yet taken up; override any entry field."""
    fields: dict[str, Any] = {
        "kind": Kind.SUPPORT,
        "event_date": EventDate.exact(dt.date(2024, 5, 2)),
        "summary": "Pace offered to Grace",
        "nature": Nature.FACT,
        "source": None,
        "no_source_reason": "The key worker offered it",
        "support": SupportOffer(
            organisation="Pace (Parents Against Child Exploitation)",
            offered_to="Grace Okafor",
            taken_up=TakenUp.NOT_YET,
        ),
    }
    fields.update(overrides)
    return make_entry(**fields)


def make_plan(**overrides: Any) -> SafetyPlanDraft:
    """A first safety plan of two measures, agreed with the mother; override any field."""
    fields: dict[str, Any] = {
        "measures": (
            Measure(what="Jayden home by 9pm", who="Grace Okafor"),
            Measure(what="School checks in each morning", who="Rita Hughes"),
        ),
        "agreed_with": "Grace Okafor and Jayden",
        "agreed_on": dt.date(2024, 5, 4),
        "review_on": dt.date(2024, 6, 1),
    }
    fields.update(overrides)
    return SafetyPlanDraft(**fields)


def make_review(plan: SafetyPlan, **overrides: Any) -> SafetyPlanDraft:
    """The next version of ``plan`` after a review: the first measure not working, changed."""
    day = overrides.pop("reviewed_on", plan.review_on)
    review = PlanReview(
        reviewed_on=day,
        measures=tuple(
            MeasureReview(
                measure=m.what, working=Working.NO if i == 0 else Working.YES, note="Late twice"
            )
            for i, m in enumerate(plan.measures)
        ),
        changes="Home by 8pm on school nights",
        family_view="Grace thinks 8pm is fair.",
        child_view="Jayden says 8pm is too early.",
    )
    fields: dict[str, Any] = {
        "measures": (Measure(what="Jayden home by 8pm", who="Grace Okafor"), *plan.measures[1:]),
        "agreed_with": plan.agreed_with,
        "agreed_on": day,
        "review_on": day + dt.timedelta(days=28),
        "sharing": plan.sharing,
        "review": review,
    }
    fields.update(overrides)
    return SafetyPlanDraft(**fields)
