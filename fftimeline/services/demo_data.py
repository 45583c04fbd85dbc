"""Building blocks and people for the fictional demo vault (services layer, pure data).

Everything here is invented: the town of Westbridge, its schools and agencies, the children,
their families and the adults who harm them. Phone numbers are in Ofcom's drama range
(07700 900xxx) and vehicle plates use letters the DVLA never issues (I, Q, Z), so nothing
can match a real person, phone or car. Dates are relative to today so the demo always looks
current. This module holds the building blocks and the two hand-written storylines; the
everyday entries that fill the gaps are generated in `demo`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from fftimeline.domain.cases import Allocation, CaseDraft, FamilyMember, TeamMember
from fftimeline.domain.dates import Certainty, EventDate, Precision
from fftimeline.domain.entries import (
    EntryDraft,
    FamilyPosition,
    FamilyView,
    Grading,
    Handling,
    Impact,
    Kind,
    Nature,
    Significance,
)
from fftimeline.domain.people import Linked, LinkKind
from fftimeline.domain.sharing import Audience, Sharing
from fftimeline.domain.sources import Source, SourceKind, WithheldReason
from fftimeline.domain.tasks import TaskDraft, TaskStatus


@dataclass(frozen=True)
class DemoEntry:
    """An entry draft plus the register keys it links to (ids exist only once saved)."""

    draft: EntryDraft
    links: tuple[str, ...] = ()


@dataclass(frozen=True)
class DemoTask:
    """A task draft plus the positions (in the case's entry list) it arises from."""

    draft: TaskDraft
    entries: tuple[int, ...] = ()


@dataclass(frozen=True)
class DemoCase:
    """One fictional case: the case itself, its register, entries and tasks."""

    case: CaseDraft
    links: dict[str, Linked] = field(default_factory=dict)
    entries: tuple[DemoEntry, ...] = ()
    tasks: tuple[DemoTask, ...] = ()


@dataclass(frozen=True)
class Dater:
    """Turns 'so many days ago' into event dates of every certainty, relative to today."""

    today: dt.date

    def day(self, ago: int) -> dt.date:
        """The date `ago` days before today."""
        return self.today - dt.timedelta(days=ago)

    def exact(self, ago: int, hhmm: str | None = None) -> EventDate:
        """An exact date, with a time of day when `hhmm` ('23:15') is given."""
        time = dt.time.fromisoformat(hhmm) if hhmm else None
        return EventDate.exact(self.day(ago), time)

    def around(self, ago: int) -> EventDate:
        """Around a day."""
        return EventDate.around(self.day(ago))

    def around_month(self, ago: int) -> EventDate:
        """Around the month that contains the day `ago` days back."""
        d = self.day(ago)
        return EventDate.around_month(d.year, d.month)

    def month(self, ago: int) -> EventDate:
        """Some time in the month that contains the day `ago` days back."""
        d = self.day(ago)
        return EventDate.month(d.year, d.month)

    def year(self, ago: int) -> EventDate:
        """Some time in the year that contains the day `ago` days back."""
        return EventDate.year(self.day(ago).year)

    def before(self, ago: int, precision: Precision = Precision.DAY) -> EventDate:
        """Before a day, month or year."""
        return EventDate(
            certainty=Certainty.BEFORE, start=self._point(ago, precision), precision=precision
        )

    def after(self, ago: int, precision: Precision = Precision.DAY) -> EventDate:
        """After a day, month or year."""
        return EventDate(
            certainty=Certainty.AFTER, start=self._point(ago, precision), precision=precision
        )

    def between(self, first_ago: int, last_ago: int) -> EventDate:
        """Some time between two days (inclusive)."""
        return EventDate.between(self.day(first_ago), self.day(last_ago))

    def birthday(self, years: int, extra_days: int) -> dt.date:
        """A date of birth making the child `years` old plus `extra_days`."""
        born = self.today.replace(year=self.today.year - years, day=1)
        return born - dt.timedelta(days=extra_days)

    def _point(self, ago: int, precision: Precision) -> dt.date:
        d = self.day(ago)
        if precision is Precision.MONTH:
            return d.replace(day=1)
        if precision is Precision.YEAR:
            return d.replace(month=1, day=1)
        return d


# Sharing presets -------------------------------------------------------------------------

_PRO = frozenset({Audience.SAFEGUARDING_TEAM, Audience.STRATEGY_MEETING, Audience.POLICE})

EVERYONE = Sharing(audiences=frozenset(Audience))
"""Safe for every audience, including the child."""

FAMILY = Sharing(
    audiences=frozenset(Audience) - {Audience.POLICE},
    reasons_not={Audience.POLICE: "Family matter with no bearing on police enquiries"},
)
"""Safe for the family and the team; not relevant to police."""

PROFESSIONALS = Sharing(
    audiences=_PRO | {Audience.PARENTS},
    reasons_not={
        Audience.CHILD: "Too distressing to put in writing for the child; talk it through"
    },
)
"""Professionals and parents, but talked through with the child rather than written for them."""

POLICE_ASKED = Sharing(
    audiences=_PRO,
    reasons_not={
        Audience.PARENTS: "Police asked that this is not shared with the family until "
        "their enquiries are complete",
        Audience.CHILD: "Would alert those harming the child",
    },
)
"""Professionals only, at the police's request."""

TEAM_ONLY = Sharing(
    audiences=frozenset({Audience.SAFEGUARDING_TEAM, Audience.POLICE}),
    reasons_not={
        Audience.STRATEGY_MEETING: "The detail would identify the source; police will summarise",
        Audience.PARENTS: "Would identify a source who could be harmed",
        Audience.CHILD: "Would identify a source who could be harmed",
    },
)
"""The safeguarding team and police only, to protect a source."""


def view(position: FamilyPosition, text: str = "") -> FamilyView:
    """A family's view in one call."""
    return FamilyView(position=position, text=text)


def grade(source: int, information: str, conditions: str = "") -> Grading:
    """A 3x5x2 grading; handling C when conditions are given, else P."""
    return Grading(
        source=source,
        information=information,
        handling=Handling.C if conditions else Handling.P,
        conditions=conditions,
    )


def entry(
    kind: Kind,
    when: EventDate,
    summary: str,
    account: str,
    nature: Nature,
    *,
    source: Source | None = None,
    links: tuple[str, ...] = (),
    learned: dt.date | None = None,
    opinion_of: str = "",
    family: FamilyView | None = None,
    significance: Significance = Significance.ROUTINE,
    impact: Impact = Impact.NEUTRAL,
    next_action: str = "",
    owner: str = "",
    no_action_reason: str = "",
    outcome: str = "",
    sharing: Sharing = PROFESSIONALS,
    grading: Grading | None = None,
) -> DemoEntry:
    """Build one demo entry, validated by the same rules as the entry editor."""
    draft = EntryDraft(
        kind=kind,
        event_date=when,
        learned_on=learned,
        summary=summary,
        account=account,
        nature=nature,
        opinion_of=opinion_of,
        source=source,
        family_view=family or FamilyView(),
        significance=significance,
        impact=impact,
        next_action=next_action,
        next_action_owner=owner,
        no_action_reason=no_action_reason,
        outcome=outcome,
        sharing=sharing,
        grading=grading,
    )
    return DemoEntry(draft=draft, links=links)


def person(name: str, role: str, *nicknames: str, third_party: bool = True) -> Linked:
    """A person in the register; third parties carry the role label shown instead of a name."""
    return Linked(
        kind=LinkKind.PERSON, name=name, role=role, nicknames=nicknames, third_party=third_party
    )


def thing(kind: LinkKind, name: str, role: str, notes: str = "") -> Linked:
    """A place, vehicle, phone number or online handle in the register."""
    return Linked(kind=kind, name=name, role=role, notes=notes)


def pro(name: str, role: str, agency: str) -> Source:
    """A named professional source."""
    return Source(name=name, role=role, agency=agency, professional=True)


def agency(name: str) -> Source:
    """An agency as a source."""
    return Source(kind=SourceKind.AGENCY, name=name, agency=name, professional=True)


def relative(name: str, role: str) -> Source:
    """A family member as a source."""
    return Source(name=name, role=role)


# Case 1: Jordan, 15, criminally exploited through a county line ---------------------------

KW_JORDAN = pro("Sam Okoro", "Key worker", "Westbridge Children's Services")
SCHOOL_JORDAN = pro("Priya Shah", "Head of Year 10", "Westbridge Academy")
SW_JORDAN = pro("Anna Kowalski", "Social worker", "Westbridge Children's Services")
YOUTH_JORDAN = pro("Dev Patel", "Youth worker", "Safe Steps")
POLICE = agency("Westbridge Police")
MUM_JORDAN = relative("Donna Reid", "Mother")
NEIGHBOUR = Source(
    name="Margaret Hale",
    role="Neighbour",
    withheld=True,
    withheld_reason=WithheldReason.RISK_TO_SOURCE,
)
OTHER_PARENT = Source(
    name="Lisa Grant",
    role="Parent of another pupil",
    withheld=True,
    withheld_reason=WithheldReason.ANONYMITY_ASKED,
)
OTHER_CHILD_RECORD = Source(
    kind=SourceKind.DOCUMENT,
    name="Return home interview record of another child",
    agency="Westbridge Children's Services",
    withheld=True,
    withheld_reason=WithheldReason.THIRD_PARTY,
)
POLICE_INTEL = Source(
    kind=SourceKind.AGENCY,
    name="Westbridge Police intelligence unit",
    agency="Westbridge Police",
    professional=True,
    withheld=True,
    withheld_reason=WithheldReason.WOULD_ALERT,
    professional_override="Police asked that the unit is not named: the adults exploiting "
    "Jordan check his phone and would learn that police are watching the line",
)


def jordan_case(d: Dater) -> CaseDraft:
    """Jordan Reid, 15, with his family, team and key-person history."""
    return CaseDraft(
        child_name="Jordan Reid",
        known_as="Jords",
        date_of_birth=d.birthday(15, 130),
        pronouns="he/him",
        key_worker="Sam Okoro",
        key_worker_organisation="Westbridge Children's Services",
        key_worker_phone="01632 960 100",
        key_worker_email="sam.okoro@westbridge.example",
        family=(
            FamilyMember(name="Donna Reid", relationship="Mother", contact="07700 900101"),
            FamilyMember(name="Mia Reid", relationship="Sister, aged 9"),
            FamilyMember(name="Peter Reid", relationship="Grandfather", contact="07700 900102"),
        ),
        team=(
            TeamMember(
                name="Anna Kowalski", agency="Westbridge Children's Services", role="Social worker"
            ),
            TeamMember(name="Priya Shah", agency="Westbridge Academy", role="Head of Year 10"),
            TeamMember(name="Dev Patel", agency="Safe Steps", role="Youth worker"),
            TeamMember(
                name="PC Tom Walsh", agency="Westbridge Police", role="Missing person coordinator"
            ),
            TeamMember(name="Dr Helen Ward", agency="Eastfield Surgery", role="GP"),
        ),
        allocations=(
            Allocation(worker="Chris Lane", start=d.day(700), end=d.day(301)),
            Allocation(worker="Sam Okoro", start=d.day(300)),
        ),
    )


def jordan_links() -> dict[str, Linked]:
    """The people, places, vehicles, phones and handles in Jordan's chronology."""
    return {
        "bugsy": person("Marcus Bell", "an adult male aged about 24", "Bugsy", "Bugs"),
        "lee": person("Leon Carter", "an older teenager", "Lee"),
        "kerry": person("Kerry Doyle", "an adult woman whose flat is used by others"),
        "ryan": person("Ryan", "a boy of about 16"),
        "cedar": thing(LinkKind.PLACE, "Flat 12, Cedar Court, Eastfield", "a flat in Westbridge"),
        "bus": thing(LinkKind.PLACE, "Westbridge bus station", "a public place in Westbridge"),
        "saltmouth": thing(
            LinkKind.PLACE, "Flat 3, 41 Harbour Road, Saltmouth", "a flat about 80 miles away"
        ),
        "audi": thing(LinkKind.VEHICLE, "QZ19 IQX", "a grey Audi A3", "Fictional plate"),
        "merc": thing(LinkKind.VEHICLE, "ZQ67 QIQ", "a black Mercedes", "Fictional plate"),
        "line": thing(LinkKind.PHONE, "07700 900412", "a phone used to run a drug line"),
        "phone2": thing(LinkKind.PHONE, "07700 900873", "a phone used to contact Jordan"),
        "snap": thing(LinkKind.HANDLE, "Snapchat: bugsy.wb", "an account used to contact Jordan"),
    }


def jordan_entries(d: Dater) -> list[DemoEntry]:
    """Jordan's storyline: grooming, a drug line, missing episodes and, slowly, safety."""
    k, n, fp, sig, imp = Kind, Nature, FamilyPosition, Significance, Impact
    return [
        entry(
            k.INFORMATION,
            d.year(700),
            "Jordan's dad moved out of the family home",
            "Donna told the school that Jordan's dad had moved out earlier that year. Jordan "
            "was upset and his sleep was poor for some months.",
            n.FAMILY_ACCOUNT,
            source=MUM_JORDAN,
            learned=d.day(690),
            family=view(fp.AGREE, "Donna asked that this is recorded."),
            sharing=FAMILY,
        ),
        entry(
            k.CONCERN,
            d.before(650, Precision.MONTH),
            "New trainers, clothes and a second phone the family did not buy",
            "Donna noticed Jordan had new trainers, a jacket and a second phone. Jordan said "
            "'a mate' gave them to him. Donna could not find out who.",
            n.FAMILY_ACCOUNT,
            source=MUM_JORDAN,
            learned=d.day(640),
            significance=sig.SIGNIFICANT,
            impact=imp.NEGATIVE,
            family=view(fp.AGREE),
        ),
        entry(
            k.INCIDENT,
            d.around_month(620),
            "An adult known as 'Bugsy' approached Jordan at the bus station",
            "Jordan later told his mum that an adult called 'Bugsy' first spoke to him at the "
            "bus station, bought him food and offered him lifts home.",
            n.REPORTED,
            source=MUM_JORDAN,
            links=("bugsy", "bus"),
            learned=d.day(560),
            significance=sig.SIGNIFICANT,
            impact=imp.NEGATIVE,
            family=view(fp.AGREE),
        ),
        entry(
            k.INFORMATION,
            d.month(590),
            "Attendance fell to 71% this month",
            "Most absences were afternoons. Jordan was seen leaving the site after lunch twice.",
            n.REPORTED,
            source=SCHOOL_JORDAN,
            impact=imp.NEGATIVE,
            family=view(
                fp.PARTLY,
                "Donna agrees he missed school but says two absences "
                "were for a dentist appointment.",
            ),
            sharing=EVERYONE,
        ),
        entry(
            k.MISSING,
            d.exact(580, "23:15"),
            "Jordan not home; Donna reported him missing",
            "Jordan was not home by 22:00 as agreed and did not answer his phone. Donna called "
            "police at 23:15. Jordan came home at 07:30 the next morning, tired and hungry.",
            n.REPORTED,
            source=MUM_JORDAN,
            significance=sig.SIGNIFICANT,
            impact=imp.NEGATIVE,
            family=view(fp.AGREE),
        ),
        entry(
            k.ACTION,
            d.exact(577, "16:00"),
            "Return home conversation with Jordan",
            "Jordan said he had been at a flat in Eastfield with older teenagers. He did not "
            "want to say more. He said he feels able to talk at the youth club.",
            n.FACT,
            source=KW_JORDAN,
            links=("cedar",),
            family=view(fp.AGREE),
            outcome="Jordan agreed to meet Dev Patel at the youth club weekly.",
        ),
        entry(
            k.INCIDENT,
            d.around(560),
            "Jordan came home with a cut to his hand",
            "Donna saw a deep cut on Jordan's right hand. He would not say how it happened. "
            "Donna took him to the walk-in centre.",
            n.FAMILY_ACCOUNT,
            source=MUM_JORDAN,
            impact=imp.NEGATIVE,
            significance=sig.SIGNIFICANT,
            family=view(fp.AGREE),
        ),
        entry(
            k.CONCERN,
            d.exact(545, "15:20"),
            "Seen getting into a grey Audi outside school",
            "Staff saw Jordan get into a grey Audi, plate QZ19 IQX, driven by an adult male. "
            "The car drove off towards Eastfield.",
            n.REPORTED,
            source=SCHOOL_JORDAN,
            links=("audi", "bugsy"),
            significance=sig.SIGNIFICANT,
            impact=imp.NEGATIVE,
            family=view(fp.NOT_ASKED),
        ),
        entry(
            k.INTELLIGENCE,
            d.exact(540),
            "Phone 07700 900412 is a drug line into Saltmouth",
            "Intelligence that the number is used to run a drug line from Westbridge to "
            "Saltmouth, and that children are being made to carry drugs for it.",
            n.INTELLIGENCE,
            source=POLICE_INTEL,
            links=("line", "bugsy", "saltmouth"),
            significance=sig.SIGNIFICANT,
            impact=imp.NEGATIVE,
            family=view(fp.NOT_SAFE),
            sharing=POLICE_ASKED,
            grading=grade(
                2,
                "B",
                "Not to be shared beyond the strategy meeting without the "
                "agreement of the police intelligence unit",
            ),
        ),
        entry(
            k.MEETING,
            d.exact(535, "10:00"),
            "Strategy meeting: Jordan is being exploited",
            "Agreed that Jordan is a victim of criminal exploitation and at significant risk. "
            "Plan: National Referral Mechanism referral, safety plan with Donna, youth work.",
            n.FACT,
            source=SW_JORDAN,
            significance=sig.SIGNIFICANT,
            next_action="Make a National Referral Mechanism referral",
            owner="Anna Kowalski",
            family=view(fp.AGREE, "Donna was told the outcome the same day and agrees."),
        ),
        entry(
            k.ACTION,
            d.exact(533),
            "National Referral Mechanism referral made",
            "Referral made for Jordan as a child victim of criminal exploitation.",
            n.FACT,
            source=SW_JORDAN,
            impact=imp.POSITIVE,
            family=view(fp.AGREE),
            outcome="Reasonable grounds decision received 12 days later.",
        ),
        entry(
            k.MISSING,
            d.between(520, 517),
            "Missing for three nights; found in Saltmouth",
            "Jordan was missing for three nights. Police found him at a flat in Saltmouth with "
            "two phones and £340 in cash. Officers treated him as a victim of exploitation.",
            n.REPORTED,
            source=POLICE,
            links=("saltmouth", "phone2"),
            learned=d.day(517),
            significance=sig.SERIOUS,
            impact=imp.NEGATIVE,
            next_action="Strategy meeting within 24 hours and a return home interview",
            owner="Anna Kowalski",
            family=view(fp.AGREE, "Donna drove to Saltmouth to collect him."),
        ),
        entry(
            k.INFORMATION,
            d.exact(516),
            "Social worker's view on how Jordan is exploited",
            "Adults are moving Jordan between towns and making him carry drugs. The cash and "
            "phones found with him belong to those adults.",
            n.OPINION,
            opinion_of="Anna Kowalski, social worker",
            source=SW_JORDAN,
            family=view(
                fp.PARTLY,
                "Donna agrees, but believes it started before the summer, when his dad left.",
            ),
        ),
        entry(
            k.FAMILY_CONTACT,
            d.exact(515, "18:30"),
            "Donna is frightened for Jordan and Mia",
            "Donna said a black Mercedes has waited outside the house at night. She is "
            "frightened for Jordan and for his sister Mia.",
            n.FAMILY_ACCOUNT,
            source=MUM_JORDAN,
            links=("merc",),
            impact=imp.NEGATIVE,
            family=view(fp.AGREE),
            sharing=FAMILY,
        ),
        entry(
            k.INCIDENT,
            d.exact(512, "22:45"),
            "A neighbour says an adult threatened Jordan",
            "A neighbour says a man got out of a black Mercedes, pushed Jordan against a wall "
            "and told him he had to pay back £300 for drugs police had taken.",
            n.ALLEGATION,
            source=NEIGHBOUR,
            links=("merc", "bugsy"),
            significance=sig.SIGNIFICANT,
            impact=imp.NEGATIVE,
            sharing=TEAM_ONLY,
            family=view(fp.NOT_ASKED, "Police are making enquiries first."),
        ),
        entry(
            k.NOT_SHARED,
            d.exact(510),
            "Decision not to share the neighbour's name",
            "The neighbour who saw the threat could be harmed if named. Decided not to share "
            "her name with the family or the strategy meeting. Agreed with Anna Kowalski.",
            n.FACT,
            source=KW_JORDAN,
            sharing=TEAM_ONLY,
            family=view(fp.NOT_SAFE),
        ),
        entry(
            k.INTELLIGENCE,
            d.exact(480),
            "Bugsy is said to use Kerry Doyle's flat",
            "Information that 'Bugsy' uses the Cedar Court flat to store drugs and to keep "
            "children overnight.",
            n.INTELLIGENCE,
            source=OTHER_CHILD_RECORD,
            links=("bugsy", "kerry", "cedar"),
            sharing=POLICE_ASKED,
            family=view(fp.NOT_SAFE),
            grading=grade(3, "C"),
        ),
        entry(
            k.POSITIVE,
            d.around_month(450),
            "Jordan started boxing at the youth club",
            "Jordan goes to boxing every Tuesday with Dev Patel. He says it helps him sleep.",
            n.REPORTED,
            source=YOUTH_JORDAN,
            impact=imp.POSITIVE,
            sharing=EVERYONE,
            family=view(fp.AGREE, "Donna says he comes home happier on Tuesdays."),
        ),
        entry(
            k.CONCERN,
            d.after(430),
            "Adults kept contacting Jordan through a new Snapchat",
            "After police took his phone, adults kept contacting Jordan through a new "
            "Snapchat account, asking where he was and who he had spoken to.",
            n.FAMILY_ACCOUNT,
            source=MUM_JORDAN,
            links=("snap", "bugsy"),
            significance=sig.SIGNIFICANT,
            impact=imp.NEGATIVE,
            family=view(fp.AGREE),
        ),
        entry(
            k.INCIDENT,
            d.exact(400, "02:10"),
            "Jordan assaulted in Saltmouth",
            "Police found Jordan in Saltmouth town centre at 02:10 with bruising to his face. "
            "He said an adult hit him. He was taken to hospital and Donna went with him.",
            n.REPORTED,
            source=POLICE,
            links=("saltmouth",),
            significance=sig.SERIOUS,
            impact=imp.NEGATIVE,
            learned=d.day(400),
            next_action="Strategy meeting today; plan a safer place with family",
            owner="Anna Kowalski",
            family=view(fp.AGREE),
        ),
        entry(
            k.INFORMATION,
            d.exact(399),
            "GP's view of the injuries",
            "The bruising is consistent with being punched several times.",
            n.OPINION,
            opinion_of="Dr Helen Ward, GP",
            source=pro("Helen Ward", "GP", "Eastfield Surgery"),
            family=view(fp.AGREE),
        ),
        entry(
            k.MEETING,
            d.exact(398, "09:30"),
            "Strategy meeting after the assault",
            "Agreed: Jordan to stay with his grandfather Peter for two weeks; police to "
            "pursue the assault; referral to the Child Exploitation Panel.",
            n.FACT,
            source=SW_JORDAN,
            significance=sig.SIGNIFICANT,
            next_action="Refer to the Child Exploitation Panel",
            owner="Sam Okoro",
            family=view(fp.AGREE, "Peter is glad to have him."),
        ),
        entry(
            k.CONCERN,
            d.exact(390, "20:00"),
            "Bugsy seen near the house again",
            "Donna saw the black Mercedes in the street for ten minutes.",
            n.FAMILY_ACCOUNT,
            source=MUM_JORDAN,
            links=("merc", "bugsy"),
            significance=sig.SERIOUS,
            impact=imp.NEGATIVE,
            family=view(fp.AGREE),
            no_action_reason="The safety plan agreed at the strategy meeting already covers "
            "this: police patrols are in place and Donna has the direct number.",
        ),
        entry(
            k.INFORMATION,
            d.exact(370),
            "Marcus Bell arrested and released on bail",
            "Marcus Bell ('Bugsy') was arrested for offences linked to the drug line and "
            "released on bail with conditions not to contact Jordan.",
            n.REPORTED,
            source=POLICE,
            links=("bugsy",),
            impact=imp.POSITIVE,
            family=view(fp.AGREE),
        ),
        entry(
            k.INFORMATION,
            d.month(340),
            "Attendance rose to 88% this month",
            "Jordan has been in every afternoon since the timetable changed.",
            n.REPORTED,
            source=SCHOOL_JORDAN,
            impact=imp.POSITIVE,
            sharing=EVERYONE,
            family=view(fp.AGREE),
        ),
        entry(
            k.FAMILY_CONTACT,
            d.exact(300, "17:00"),
            "Hand-over visit: Chris Lane to Sam Okoro",
            "Joint visit so Jordan and Donna could meet Sam before Chris left. Jordan chose "
            "where to meet (the youth club) and asked Sam to text rather than call.",
            n.FACT,
            source=KW_JORDAN,
            family=view(fp.AGREE),
            sharing=FAMILY,
        ),
        entry(
            k.MISSING,
            d.exact(280, "19:00"),
            "Jordan late home after football",
            "Jordan was not home by 19:00 after football. He came home at 01:30 and said an "
            "older teenager he calls 'Lee' gave him a lift.",
            n.REPORTED,
            source=MUM_JORDAN,
            links=("lee",),
            significance=sig.SIGNIFICANT,
            impact=imp.NEGATIVE,
            family=view(fp.AGREE),
        ),
        entry(
            k.INTELLIGENCE,
            d.exact(270),
            "Leon Carter is collecting Jordan after football",
            "Police say Leon Carter ('Lee') is collecting children after football and driving "
            "them to Cedar Court.",
            n.INTELLIGENCE,
            source=POLICE,
            links=("lee", "cedar"),
            sharing=POLICE_ASKED,
            family=view(fp.NOT_SAFE),
            grading=grade(1, "A"),
        ),
        entry(
            k.CONCERN,
            d.exact(255),
            "Jordan seemed frightened at the bus stop after school",
            "A parent of another pupil told the school that Jordan looked frightened at the "
            "bus stop and walked home the long way instead of catching the bus.",
            n.REPORTED,
            source=OTHER_PARENT,
            family=view(fp.AGREE, "Donna had noticed he was avoiding the bus."),
            next_action="Check in with Jordan about the journey home",
            owner="Priya Shah",
        ),
        entry(
            k.CONCERN,
            d.exact(250),
            "Older teenagers taking Year 8 pupils to Cedar Court",
            "A parent says older teenagers have been taking younger pupils to the Cedar Court "
            "flat after school.",
            n.ALLEGATION,
            source=OTHER_PARENT,
            links=("cedar", "ryan"),
            sharing=TEAM_ONLY,
            family=view(fp.NOT_ASKED),
        ),
        entry(
            k.POSITIVE,
            d.exact(220),
            "Jordan completed a college taster day",
            "Jordan spent a day at Westbridge College in the motor vehicle workshop and asked "
            "about the course starting next year.",
            n.FACT,
            source=YOUTH_JORDAN,
            impact=imp.POSITIVE,
            sharing=EVERYONE,
            family=view(fp.AGREE, "Donna is proud of him."),
        ),
        entry(
            k.INFORMATION,
            d.before(200, Precision.YEAR),
            "Jordan says older teenagers made him hold drugs at school",
            "Jordan told Dev that, before this year, older teenagers made him keep packages "
            "in his school bag and threatened to hurt Mia if he told anyone.",
            n.REPORTED,
            source=YOUTH_JORDAN,
            links=("ryan",),
            significance=sig.SIGNIFICANT,
            impact=imp.NEGATIVE,
            family=view(fp.NOT_ASKED, "Jordan wants to tell Donna himself, with Dev."),
        ),
        entry(
            k.INTELLIGENCE,
            d.exact(150),
            "Unconfirmed report that Jordan carries a knife",
            "An unconfirmed report says Jordan carries a knife. Police assess it as probably "
            "false and possibly spread to frighten him.",
            n.INTELLIGENCE,
            source=POLICE,
            sharing=POLICE_ASKED,
            grading=grade(3, "E"),
            family=view(fp.DISPUTE, "Donna says this is untrue and has searched his room."),
        ),
        entry(
            k.ACTION,
            d.exact(120, "16:30"),
            "Safety plan reviewed with Jordan and Donna",
            "Jordan added his grandad and Dev as people he can call. Donna has the police "
            "direct number and the out-of-hours line.",
            n.FACT,
            source=KW_JORDAN,
            impact=imp.POSITIVE,
            sharing=EVERYONE,
            family=view(fp.AGREE),
        ),
        entry(
            k.MISSING,
            d.exact(90, "21:40"),
            "Missing for four hours; found at the bus station",
            "Jordan did not come home after the youth club. PC Walsh found him at the bus "
            "station at 01:50. He said someone he did not know had messaged him to meet.",
            n.REPORTED,
            source=POLICE,
            links=("bus",),
            significance=sig.SIGNIFICANT,
            impact=imp.NEGATIVE,
            family=view(fp.AGREE),
        ),
        entry(
            k.INTELLIGENCE,
            d.exact(60),
            "A new number is contacting Jordan",
            "Information that 07700 900873 is now used to contact Jordan and other children.",
            n.INTELLIGENCE,
            source=POLICE,
            links=("phone2",),
            sharing=POLICE_ASKED,
            family=view(fp.NOT_SAFE),
            grading=grade(2, "D"),
        ),
        entry(
            k.MEETING,
            d.exact(30, "14:00"),
            "Exploitation panel review: risk now medium",
            "The panel agreed the risk to Jordan has reduced from high to medium. Plan "
            "continues; review in three months.",
            n.FACT,
            source=SW_JORDAN,
            impact=imp.POSITIVE,
            family=view(fp.AGREE, "Donna agrees but is still worried about the bail ending."),
        ),
        entry(
            k.POSITIVE,
            d.exact(10),
            "Jordan says he feels safer",
            "Jordan told Sam he feels safer walking home and wants to apply for college.",
            n.REPORTED,
            source=KW_JORDAN,
            impact=imp.POSITIVE,
            sharing=EVERYONE,
            family=view(fp.AGREE),
        ),
        entry(
            k.CONCERN,
            d.exact(3),
            "Bugsy's bail conditions end next week",
            "Police say Marcus Bell's bail conditions end next week. Donna is worried he will "
            "try to contact Jordan again.",
            n.REPORTED,
            source=POLICE,
            links=("bugsy",),
            significance=sig.SIGNIFICANT,
            next_action="Update the safety plan with Jordan and Donna",
            owner="Sam Okoro",
            family=view(fp.AGREE),
        ),
    ]


def jordan_tasks(d: Dater) -> tuple[DemoTask, ...]:
    """Jordan's tasks: some done, one cancelled, some open and overdue."""
    return (
        DemoTask(
            TaskDraft(
                what="Make National Referral Mechanism referral",
                owner="Anna Kowalski",
                due=d.day(530),
                status=TaskStatus.DONE,
                outcome="Referral made; reasonable grounds decision received.",
            ),
            (9, 10),
        ),
        DemoTask(
            TaskDraft(
                what="Return home interview after Saltmouth",
                owner="Sam Okoro",
                due=d.day(514),
                status=TaskStatus.DONE,
                outcome="Held at the youth club with Dev Patel present.",
            ),
            (11,),
        ),
        DemoTask(
            TaskDraft(
                what="Ask school for a reduced timetable review",
                owner="Priya Shah",
                due=d.day(500),
                status=TaskStatus.CANCELLED,
                outcome="Not needed: attendance improved with the new timetable.",
            ),
            (),
        ),
        DemoTask(
            TaskDraft(
                what="Refer to the Child Exploitation Panel",
                owner="Sam Okoro",
                due=d.day(395),
                status=TaskStatus.DONE,
                outcome="Accepted at the next panel.",
            ),
            (21,),
        ),
        DemoTask(
            TaskDraft(
                what="Return home interview after the bus station", owner="Sam Okoro", due=d.day(87)
            ),
            (33,),
        ),
        DemoTask(
            TaskDraft(
                what="Update the safety plan before bail ends", owner="Sam Okoro", due=d.day(-4)
            ),
            (37,),
        ),
        DemoTask(
            TaskDraft(what="Send college application form", owner="Dev Patel", due=d.day(2)), (36,)
        ),
    )


# Case 2: Leah, 14, at risk of sexual exploitation -----------------------------------------

KW_LEAH = pro("Alex Rowe", "Key worker", "Westbridge Children's Services")
SCHOOL_LEAH = pro("Farah Ali", "Designated safeguarding lead", "Northgate High School")
SW_LEAH = pro("Jo Turner", "Social worker", "Westbridge Children's Services")
SPECIALIST_LEAH = pro("Bea Clarke", "Specialist exploitation worker", "Safe Steps")
CSE_POLICE = pro("DC Emma Price", "Detective constable, exploitation team", "Westbridge Police")
MUM_LEAH = relative("Karen Morgan", "Mother")
DAD_LEAH = relative("Steve Morgan", "Father")
PUPIL = Source(
    name="Chloe Barnes",
    role="A pupil in Leah's year",
    withheld=True,
    withheld_reason=WithheldReason.ANONYMITY_ASKED,
)
HOTEL_STAFF = Source(
    name="Gary Pike",
    role="Night manager",
    agency="The Anchor Hotel, Saltmouth",
    professional=True,
    withheld=True,
    withheld_reason=WithheldReason.RISK_TO_SOURCE,
    professional_override="He lives above the hotel, which the adults concerned still use; "
    "police advise he would be at risk if named before the trial",
)


def leah_case(d: Dater) -> CaseDraft:
    """Leah Morgan, 14, with her family, team and key-person history."""
    return CaseDraft(
        child_name="Leah Morgan",
        known_as="",
        date_of_birth=d.birthday(14, 45),
        pronouns="she/her",
        key_worker="Alex Rowe",
        key_worker_organisation="Westbridge Children's Services",
        key_worker_phone="01632 960 140",
        key_worker_email="alex.rowe@westbridge.example",
        family=(
            FamilyMember(name="Karen Morgan", relationship="Mother", contact="07700 900201"),
            FamilyMember(
                name="Steve Morgan", relationship="Father (lives nearby)", contact="07700 900202"
            ),
            FamilyMember(name="Josh Morgan", relationship="Brother, aged 19"),
        ),
        team=(
            TeamMember(
                name="Jo Turner", agency="Westbridge Children's Services", role="Social worker"
            ),
            TeamMember(
                name="Farah Ali",
                agency="Northgate High School",
                role="Designated safeguarding lead",
            ),
            TeamMember(
                name="Bea Clarke", agency="Safe Steps", role="Specialist exploitation worker"
            ),
            TeamMember(name="DC Emma Price", agency="Westbridge Police", role="Exploitation team"),
            TeamMember(name="Nadia Hussain", agency="Westbridge NHS Trust", role="School nurse"),
        ),
        allocations=(
            Allocation(worker="Maya Singh", start=d.day(650), end=d.day(251)),
            Allocation(worker="Alex Rowe", start=d.day(250)),
        ),
    )


def leah_links() -> dict[str, Linked]:
    """The people, places, vehicles, phones and handles in Leah's chronology."""
    return {
        "tiny": person("Craig Hollis", "an adult male aged about 26", "Tiny", "Hollsy"),
        "dunny": person("Ricky Dunn", "an adult male who drives for others", "Dunny"),
        "shannon": person("Shannon Lowe", "a girl of about 17"),
        "mill": thing(LinkKind.PLACE, "Flat 2, 3 Mill Lane, Northgate", "a flat in Westbridge"),
        "retail": thing(LinkKind.PLACE, "Northgate retail park car park", "a car park"),
        "hotel": thing(LinkKind.PLACE, "The Anchor Hotel, Saltmouth", "a hotel in another town"),
        "bmw": thing(LinkKind.VEHICLE, "ZQ21 IQZ", "a white BMW 1 Series", "Fictional plate"),
        "unknown": thing(LinkKind.PHONE, "07700 900155", "an unknown number"),
        "tinyphone": thing(LinkKind.PHONE, "07700 900968", "a phone used to contact Leah"),
        "tinysnap": thing(LinkKind.HANDLE, "Snapchat: tinyh.26", "an account used to contact Leah"),
        "parties": thing(
            LinkKind.HANDLE,
            "Instagram: @westbridge.parties",
            "an account inviting pupils to parties",
        ),
    }


def leah_entries(d: Dater) -> list[DemoEntry]:
    """Leah's storyline: grooming by an adult, missing episodes, disruption and recovery."""
    k, n, fp, sig, imp = Kind, Nature, FamilyPosition, Significance, Impact
    return [
        entry(
            k.INFORMATION,
            d.year(720),
            "Leah moved to Northgate High after bullying",
            "Leah changed school after months of bullying at her last school. Karen says she "
            "lost confidence and most of her friends.",
            n.FAMILY_ACCOUNT,
            source=MUM_LEAH,
            sharing=FAMILY,
            family=view(fp.AGREE),
        ),
        entry(
            k.CONCERN,
            d.around_month(640),
            "Leah collected from school in a white BMW",
            "Staff saw Leah collected from the school gate several times in a white BMW "
            "driven by an adult male.",
            n.REPORTED,
            source=SCHOOL_LEAH,
            links=("bmw", "dunny"),
            learned=d.day(600),
            significance=sig.SIGNIFICANT,
            impact=imp.NEGATIVE,
            family=view(fp.NOT_ASKED),
        ),
        entry(
            k.FAMILY_CONTACT,
            d.exact(610, "17:30"),
            "Karen found new clothes and vapes",
            "Karen found new clothes and vapes in Leah's room. Leah said an adult she calls "
            "'Tiny' gave them to her.",
            n.FAMILY_ACCOUNT,
            source=MUM_LEAH,
            links=("tiny",),
            impact=imp.NEGATIVE,
            significance=sig.SIGNIFICANT,
            family=view(fp.AGREE),
            sharing=FAMILY,
        ),
        entry(
            k.CONCERN,
            d.after(580, Precision.MONTH),
            "Adults messaging Leah late at night",
            "Since then, adults have been contacting Leah on Snapchat after midnight, "
            "including the account tinyh.26.",
            n.FAMILY_ACCOUNT,
            source=MUM_LEAH,
            links=("tinysnap", "tiny"),
            significance=sig.SIGNIFICANT,
            impact=imp.NEGATIVE,
            family=view(fp.AGREE),
        ),
        entry(
            k.MISSING,
            d.exact(560, "23:50"),
            "Leah missing; found in a car at the retail park",
            "Karen reported Leah missing at 23:50. Police found her at 03:00 in a white BMW "
            "in the retail park car park with two adult males, who drove off.",
            n.REPORTED,
            source=CSE_POLICE,
            links=("bmw", "retail", "tiny", "dunny"),
            significance=sig.SERIOUS,
            impact=imp.NEGATIVE,
            next_action="Strategy meeting and a return home interview within 72 hours",
            owner="Jo Turner",
            family=view(fp.AGREE),
        ),
        entry(
            k.ACTION,
            d.exact(558, "15:45"),
            "Return home interview with Leah",
            "Leah met Maya at a café she picked. She said adults gave her vodka in the car and "
            "that she was scared of 'getting Tiny in trouble'.",
            n.FACT,
            source=pro("Maya Singh", "Key worker", "Westbridge Children's Services"),
            links=("tiny",),
            family=view(fp.AGREE),
            outcome="Leah agreed to meet a specialist worker from Safe Steps.",
        ),
        entry(
            k.MEETING,
            d.exact(555, "10:00"),
            "Strategy meeting: Leah at risk of sexual exploitation",
            "Agreed Leah is at high risk of sexual exploitation by Craig "
            "Hollis. Police to disrupt; Safe Steps to offer specialist support.",
            n.FACT,
            source=SW_LEAH,
            links=("tiny",),
            significance=sig.SIGNIFICANT,
            next_action="Serve a Child Abduction Warning Notice on Craig Hollis",
            owner="DC Emma Price",
            family=view(fp.AGREE, "Karen and Steve attended."),
        ),
        entry(
            k.INTELLIGENCE,
            d.exact(540),
            "Craig Hollis targets girls aged 13 to 15",
            "Intelligence that Craig Hollis contacts girls aged 13 to 15 through Snapchat and "
            "offers them lifts and gifts.",
            n.INTELLIGENCE,
            source=agency("Westbridge Police intelligence unit"),
            links=("tiny", "tinysnap"),
            sharing=POLICE_ASKED,
            family=view(fp.NOT_SAFE),
            grading=grade(2, "B"),
        ),
        entry(
            k.ACTION,
            d.exact(530),
            "Child Abduction Warning Notice served on Craig Hollis",
            "The notice tells him not to contact Leah or have her in his car or home.",
            n.REPORTED,
            source=CSE_POLICE,
            links=("tiny",),
            impact=imp.POSITIVE,
            family=view(fp.AGREE),
        ),
        entry(
            k.INFORMATION,
            d.exact(520),
            "School nurse's view: Leah needs a health check",
            "Leah's weight loss and tiredness may be signs of harm; a health assessment is needed.",
            n.OPINION,
            opinion_of="Nadia Hussain, school nurse",
            source=pro("Nadia Hussain", "School nurse", "Westbridge NHS Trust"),
            family=view(fp.AGREE),
        ),
        entry(
            k.FAMILY_CONTACT,
            d.exact(505, "18:00"),
            "Steve says weekends at his flat go well",
            "Steve says Leah stays with him most weekends and seems settled and calm there.",
            n.FAMILY_ACCOUNT,
            source=DAD_LEAH,
            impact=imp.POSITIVE,
            sharing=FAMILY,
            family=view(fp.AGREE),
        ),
        entry(
            k.MISSING,
            d.between(490, 488),
            "Missing for two nights; found at a Saltmouth hotel",
            "Police found Leah at The Anchor Hotel in Saltmouth with an adult male aged about "
            "26. With Karen, she was taken to the sexual assault referral centre.",
            n.REPORTED,
            source=CSE_POLICE,
            links=("hotel", "tiny"),
            learned=d.day(488),
            significance=sig.SERIOUS,
            impact=imp.NEGATIVE,
            next_action="Investigate the hotel booking and hold a strategy meeting",
            owner="DC Emma Price",
            family=view(fp.AGREE),
        ),
        entry(
            k.INFORMATION,
            d.exact(488),
            "Hotel night manager's account",
            "The night manager says an adult booked the room for 'him and his sister' and "
            "paid cash.",
            n.REPORTED,
            source=HOTEL_STAFF,
            links=("hotel", "tiny"),
            sharing=TEAM_ONLY,
            family=view(fp.NOT_ASKED),
        ),
        entry(
            k.INCIDENT,
            d.exact(487, "21:15"),
            "Karen received threatening messages",
            "Karen received messages from an unknown number telling her to 'stop talking to "
            "the police'.",
            n.FAMILY_ACCOUNT,
            source=MUM_LEAH,
            links=("unknown",),
            significance=sig.SIGNIFICANT,
            impact=imp.NEGATIVE,
            family=view(fp.AGREE),
        ),
        entry(
            k.NOT_SHARED,
            d.exact(486),
            "Decision not to tell Leah yet about the phone data",
            "Police are examining Leah's phone. Decided not to tell Leah yet, because it could "
            "reach the adults through her. Reviewed with Jo Turner and DC Price.",
            n.FACT,
            source=KW_LEAH,
            sharing=POLICE_ASKED,
            family=view(fp.NOT_SAFE),
        ),
        entry(
            k.CONCERN,
            d.exact(470),
            "A pupil says Shannon takes girls to Mill Lane parties",
            "A pupil says Shannon Lowe invites younger girls to parties at a flat on Mill "
            "Lane where adult men are present.",
            n.ALLEGATION,
            source=PUPIL,
            links=("shannon", "mill"),
            sharing=TEAM_ONLY,
            family=view(fp.NOT_ASKED),
        ),
        entry(
            k.INFORMATION,
            d.month(450),
            "Attendance was 54% this month",
            "Most absences were Mondays and Fridays.",
            n.REPORTED,
            source=SCHOOL_LEAH,
            impact=imp.NEGATIVE,
            sharing=EVERYONE,
            family=view(fp.AGREE),
        ),
        entry(
            k.INFORMATION,
            d.exact(430),
            "Specialist worker's view: Leah is being groomed",
            "Leah calls Craig Hollis her 'boyfriend' and defends him. This is what grooming "
            "looks like; he is 26 and she is 14.",
            n.OPINION,
            opinion_of="Bea Clarke, specialist exploitation worker",
            source=SPECIALIST_LEAH,
            links=("tiny",),
            family=view(
                fp.PARTLY,
                "Karen agrees Leah is being groomed; she wants to be at some sessions too.",
            ),
        ),
        entry(
            k.POSITIVE,
            d.exact(410),
            "Leah performed in the winter drama show",
            "Leah joined the drama group and had a speaking part in the winter show.",
            n.FACT,
            source=SCHOOL_LEAH,
            impact=imp.POSITIVE,
            sharing=EVERYONE,
            family=view(fp.AGREE, "Karen and Steve both went."),
        ),
        entry(
            k.INCIDENT,
            d.around(390),
            "Josh saw the white BMW outside the house",
            "Josh saw the white BMW parked outside the house late in the evening.",
            n.FAMILY_ACCOUNT,
            source=relative("Josh Morgan", "Brother"),
            links=("bmw",),
            significance=sig.SIGNIFICANT,
            impact=imp.NEGATIVE,
            family=view(fp.AGREE),
        ),
        entry(
            k.INTELLIGENCE,
            d.exact(370),
            "Ricky Dunn drives girls to Saltmouth",
            "Information that Ricky Dunn drives girls from Westbridge to Saltmouth for Craig "
            "Hollis.",
            n.INTELLIGENCE,
            source=CSE_POLICE,
            links=("dunny", "tiny", "hotel"),
            sharing=POLICE_ASKED,
            family=view(fp.NOT_SAFE),
            grading=grade(
                1, "B", "Only for the strategy meeting; do not name the source in minutes"
            ),
        ),
        entry(
            k.MEETING,
            d.exact(350, "13:00"),
            "Child protection conference: plan agreed",
            "Leah became the subject of a child protection plan. Her views were read out by "
            "Bea Clarke.",
            n.FACT,
            source=SW_LEAH,
            family=view(fp.AGREE),
        ),
        entry(
            k.INCIDENT,
            d.before(330),
            "Money sent from Leah's card to an unknown account",
            "Karen found that £150 had been sent from Leah's bank card to an account Leah did "
            "not recognise.",
            n.FAMILY_ACCOUNT,
            source=MUM_LEAH,
            impact=imp.NEGATIVE,
            family=view(fp.AGREE),
        ),
        entry(
            k.ACTION,
            d.exact(300, "16:00"),
            "New phone set up with safety settings",
            "Alex, Karen and Leah set up Leah's new phone together with private accounts and "
            "blocked numbers.",
            n.FACT,
            source=KW_LEAH,
            impact=imp.POSITIVE,
            sharing=EVERYONE,
            family=view(fp.AGREE),
        ),
        entry(
            k.MISSING,
            d.exact(260, "22:05"),
            "Leah late home; Karen found her at the retail park",
            "Leah was not home by 21:00. Karen found her at 22:05 at the retail park, "
            "upset, with Shannon.",
            n.FAMILY_ACCOUNT,
            source=MUM_LEAH,
            links=("retail", "shannon"),
            significance=sig.SIGNIFICANT,
            impact=imp.NEGATIVE,
            family=view(fp.AGREE),
        ),
        entry(
            k.FAMILY_CONTACT,
            d.exact(250, "17:00"),
            "Hand-over visit: Maya Singh to Alex Rowe",
            "Joint visit so Leah and Karen could meet Alex. Leah asked that sessions are after "
            "school and not at home.",
            n.FACT,
            source=KW_LEAH,
            sharing=FAMILY,
            family=view(fp.AGREE),
        ),
        entry(
            k.INFORMATION,
            d.exact(230),
            "Craig Hollis charged",
            "Craig Hollis has been charged with offences against children, and remanded.",
            n.REPORTED,
            source=CSE_POLICE,
            links=("tiny",),
            impact=imp.POSITIVE,
            family=view(fp.AGREE),
        ),
        entry(
            k.INCIDENT,
            d.exact(200, "15:30"),
            "Ricky Dunn tried to meet Leah after school",
            "Staff saw Ricky Dunn wait by the bus stop and call to Leah. She went back into "
            "school and told staff.",
            n.FACT,
            source=SCHOOL_LEAH,
            links=("dunny",),
            significance=sig.SERIOUS,
            impact=imp.NEGATIVE,
            next_action="Police to visit Ricky Dunn; staff to walk Leah to the bus",
            owner="DC Emma Price",
            family=view(fp.AGREE),
        ),
        entry(
            k.POSITIVE,
            d.exact(150),
            "Leah says she feels safe at home",
            "Leah told Alex she is sleeping better and feels safe at home.",
            n.REPORTED,
            source=KW_LEAH,
            impact=imp.POSITIVE,
            sharing=EVERYONE,
            family=view(fp.AGREE),
        ),
        entry(
            k.INFORMATION,
            d.exact(120),
            "Social worker's view: step down the plan",
            "The risk has reduced enough for the child protection plan to become a child in "
            "need plan.",
            n.OPINION,
            opinion_of="Jo Turner, social worker",
            source=SW_LEAH,
            family=view(
                fp.DISPUTE,
                "Karen disagrees: the trial has not happened and she thinks it is too soon.",
            ),
        ),
        entry(
            k.INTELLIGENCE,
            d.exact(90),
            "New account inviting pupils to parties",
            "An Instagram account is inviting Northgate pupils to parties in Saltmouth.",
            n.INTELLIGENCE,
            source=agency("Westbridge Police intelligence unit"),
            links=("parties",),
            sharing=POLICE_ASKED,
            family=view(fp.NOT_SAFE),
            grading=grade(3, "D"),
        ),
        entry(
            k.MEETING,
            d.exact(45, "10:00"),
            "Review: the plan stays as it is",
            "Karen's view was heard; the child protection plan stays until after the trial.",
            n.FACT,
            source=SW_LEAH,
            family=view(fp.AGREE, "Karen is relieved."),
        ),
        entry(
            k.POSITIVE,
            d.exact(14),
            "Leah started work experience at a nursery",
            "Leah is enjoying her work experience week at Little Acorns nursery.",
            n.REPORTED,
            source=SCHOOL_LEAH,
            impact=imp.POSITIVE,
            sharing=EVERYONE,
            family=view(fp.AGREE),
        ),
        entry(
            k.CONCERN,
            d.exact(5, "20:30"),
            "Message request from an unknown adult account",
            "Leah got a message request from an account she did not know and told Karen "
            "straight away. They blocked and reported it.",
            n.FAMILY_ACCOUNT,
            source=MUM_LEAH,
            links=("tinyphone",),
            impact=imp.POSITIVE,
            family=view(fp.AGREE),
        ),
    ]


def leah_tasks(d: Dater) -> tuple[DemoTask, ...]:
    """Leah's tasks: some done, one cancelled, some open and overdue."""
    return (
        DemoTask(
            TaskDraft(
                what="Return home interview after the retail park",
                owner="Maya Singh",
                due=d.day(557),
                status=TaskStatus.DONE,
                outcome="Held at a café Leah chose.",
            ),
            (4, 5),
        ),
        DemoTask(
            TaskDraft(
                what="Serve a Child Abduction Warning Notice",
                owner="DC Emma Price",
                due=d.day(540),
                status=TaskStatus.DONE,
                outcome="Served.",
            ),
            (6, 8),
        ),
        DemoTask(
            TaskDraft(
                what="Arrange a health assessment",
                owner="Nadia Hussain",
                due=d.day(500),
                status=TaskStatus.DONE,
                outcome="Seen by the paediatrician; follow-up booked.",
            ),
            (9,),
        ),
        DemoTask(
            TaskDraft(
                what="Offer Karen a parents' support group",
                owner="Bea Clarke",
                due=d.day(420),
                status=TaskStatus.CANCELLED,
                outcome="Karen preferred one-to-one support from Safe Steps.",
            ),
            (),
        ),
        DemoTask(
            TaskDraft(what="Ask police about the Mill Lane flat", owner="Alex Rowe", due=d.day(20)),
            (15,),
        ),
        DemoTask(
            TaskDraft(
                what="Prepare Leah for giving evidence", owner="DC Emma Price", due=d.day(-30)
            ),
            (26,),
        ),
        DemoTask(
            TaskDraft(
                what="Check the blocked account was reported", owner="Alex Rowe", due=d.day(1)
            ),
            (33,),
        ),
    )
