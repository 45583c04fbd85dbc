"""Each person's view as each audience sees it: the child's apart, family names protected."""

from __future__ import annotations

from fftimeline.domain.sharing import Audience, Sharing
from fftimeline.domain.views import ChildWish, PersonView, ViewHolder, ViewPosition
from fftimeline.redaction.audiences import find_profile
from fftimeline.redaction.redact import redact_chronology
from fftimeline.redaction.values import RedactedEntry, as_text
from tests.factories import make_case
from tests.unit.redaction.case_builder import saved

EVERYONE = Sharing(audiences=frozenset(Audience))
CHILD = PersonView(
    holder=ViewHolder.CHILD, position=ViewPosition.DISPUTE, text="I was never in that car."
)
GRACE = PersonView(
    holder=ViewHolder.MEMBER,
    name="Grace Okafor",
    position=ViewPosition.PARTLY,
    text="Grace Okafor says he was home by nine.",
)
WISH = ChildWish(text="I want to tell Mum myself", not_told=frozenset({Audience.PARENTS}))


def _shown(audience: str) -> RedactedEntry:
    entry = saved(1, views=(GRACE, CHILD), child_wish=WISH, sharing=EVERYONE)
    chron = redact_chronology(make_case(), [entry], [], find_profile(audience))
    [shown] = chron.entries
    return shown


def test_the_parents_see_the_familys_views_but_not_the_childs_own() -> None:
    shown = _shown("parents-carers")
    assert "Grace Okafor: Partly agrees: Grace Okafor says he was home by nine." in as_text(
        shown.family_view
    )
    assert "never in that car" not in as_text(shown.family_view) + as_text(shown.child_view)
    assert "tell Mum myself" not in as_text(shown.child_view) + shown.child_wish
    assert [v.holder for v in shown.views] == [ViewHolder.MEMBER]


def test_the_child_sees_their_own_view_and_wish_apart_from_the_familys() -> None:
    shown = _shown(Audience.CHILD.value)
    assert "I was never in that car." in as_text(shown.child_view)
    assert "never in that car" not in as_text(shown.family_view)
    assert shown.child_wish == "I want to tell Mum myself"
    assert {v.holder for v in shown.views} == {ViewHolder.CHILD, ViewHolder.MEMBER}


def test_a_family_members_name_in_a_view_is_protected_like_the_familys() -> None:
    shown = _shown("strategy-meeting")  # sees initials, not the family's names
    words = as_text(shown.family_view)
    assert "Grace" not in words and "Okafor" not in words
    assert "The child's mother: Partly agrees: The child's mother says he was home" in words
