"""The entry editor's form state, as plain JSON-able values (UI layer, no widgets).

The editor keeps everything the user typed in a flat ``FormState`` dict. From it we build
an `EntryDraft` (validated on every keystroke), save it as an encrypted draft across a
lock, and fill it back from a saved entry. Errors from pydantic are mapped back to the
form key that should show them.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from fftimeline.domain.dates import EventDate
from fftimeline.domain.entries import EntryDraft, check_before_saving
from fftimeline.domain.errors import DomainError
from fftimeline.domain.sharing import Audience
from fftimeline.domain.views import ChildWish, PersonView, ViewHolder
from fftimeline.domain.wording_check import marks_from_json, marks_to_json

FormValue = str | bool | list[int]
FormState = dict[str, FormValue]

_SOURCE_TEXT = ("name", "role", "agency")

#: Rule codes raised by a whole-model validator, and the form key that should show them.
_CODE_KEYS: dict[str, str] = {
    "opinion_needs_whose": "opinion_of",
    "whose_without_opinion": "opinion_of",
    "grading_only_intelligence": "kind",
    "action_needs_owner": "next_action_owner",
    "serious_needs_action": "next_action",
    "learned_in_future": "learned_on",
    "learned_before_event": "learned_on",
    "withheld_needs_reason": "source_withheld_reason",
    "reason_without_withholding": "source_withheld_reason",
    "professional_withheld_needs_override": "source_override",
    "handling_c_needs_conditions": "grading_conditions",
    "reason_for_shared_audience": "sharing",
    "no_source_needs_reason": "no_source_reason",
    "source_and_no_source_reason": "no_source_reason",
    "source_needs_name": "source_name",
    "unknown_not_withheld": "source_unknown",
    "unknown_with_name": "source_unknown",
    "wish_needs_words": "wish_text",
    "wish_needs_audience": "wish_text",
    "wish_not_the_child": "wish_text",
    "due_without_action": "next_action_due",
    "view_twice": "views",
    "view_needs_whose": "views",
    "view_name_not_member": "views",
}

VIEW_POSITION = "view_pos:"
"""Prefix of the form key of a person's position: ``view_pos:child``, ``view_pos:member:Donna``."""
VIEW_TEXT = "view_text:"
"""Prefix of the form key of a person's words (the holder's key follows it)."""
WISH_NOT = "wish_not_"
"""Prefix of the tick for an audience the child asked us not to tell: ``wish_not_police``."""
WISH_AUDIENCES = tuple(a for a in Audience if a is not Audience.CHILD)
"""Who the child may ask us not to tell (never themselves)."""

_REQUIRED_WORDS: dict[str, str] = {
    "summary": "Say in a line what happened.",
    "source_name": "Give the name, role or agency of who told us, or clear 'Who told us'.",
}
_WITHHELD_NEEDS_NAME = (
    "Give the name of who told us: ticking 'Withhold' keeps it out of anything shared. "
    "If we do not know who it is, tick 'Unknown to us'; if no one told us, untick 'Withhold'."
)
_CHOOSE: dict[str, str] = {
    "nature": "Choose how we know it: nothing is chosen for you.",
}


def text(state: FormState, key: str) -> str:
    """A text value from the state ('' when absent)."""
    value = state.get(key, "")
    return value if isinstance(value, str) else ""


def flag(state: FormState, key: str) -> bool:
    """A tick-box value from the state."""
    return state.get(key) is True


def draft_data(
    state: FormState, event_date: EventDate, learned: Any, due: Any = None
) -> dict[str, Any]:
    """The raw fields of an `EntryDraft` built from the form state.

    Hidden fields are left out so a value the user cannot see never blocks saving:
    'whose opinion' only for opinions, grading only for intelligence, why there is no
    source only when there is none, the next action's due date only with a next action.
    """
    data: dict[str, Any] = {
        "kind": text(state, "kind"),
        "event_date": event_date,
        "learned_on": learned,
        "summary": text(state, "summary"),
        "account": text(state, "account"),
        "nature": text(state, "nature"),
        "source": _source(state),
        "views": views_from(state),
        "child_wish": _wish(state),
        "significance": text(state, "significance"),
        "impact": text(state, "impact"),
        "next_action": text(state, "next_action"),
        "next_action_owner": text(state, "next_action_owner"),
        "next_action_due": due,
        "no_action_reason": text(state, "no_action_reason"),
        "outcome": text(state, "outcome"),
        "sharing": _sharing(state),
        "link_ids": state.get("links", []),
        "wording_marks": marks_from_json(text(state, "wording_marks")),
    }
    if data["nature"] == "professional-opinion":
        data["opinion_of"] = text(state, "opinion_of")
    if data["source"] is None:
        data["no_source_reason"] = text(state, "no_source_reason")
    if not data["next_action"]:
        data["next_action_due"] = None
    if data["kind"] == "intelligence" and flag(state, "graded"):
        data["grading"] = {
            "source": int(text(state, "grading_source") or 0),
            "information": text(state, "grading_information"),
            "handling": text(state, "grading_handling"),
            "conditions": text(state, "grading_conditions"),
        }
    return data


def has_source(state: FormState) -> bool:
    """Whether anything is typed or ticked about who told us."""
    typed = any(text(state, f"source_{k}").strip() for k in _SOURCE_TEXT)
    return typed or flag(state, "source_withheld") or flag(state, "source_unknown")


def _source(state: FormState) -> dict[str, Any] | None:
    if not has_source(state):
        return None
    withheld = flag(state, "source_withheld")
    reason = text(state, "source_withheld_reason") if withheld else ""
    return {
        "kind": text(state, "source_kind") or "person",
        "name": text(state, "source_name"),
        "role": text(state, "source_role"),
        "agency": text(state, "source_agency"),
        "professional": flag(state, "source_professional"),
        "withheld": withheld,
        "unknown": flag(state, "source_unknown"),
        "withheld_reason": reason or None,
        "professional_override": (
            text(state, "source_override")
            if withheld and flag(state, "source_professional")
            else ""
        ),
    }


def view_keys(state: FormState) -> list[str]:
    """The holders' keys the form has a view row for, in the form's order."""
    return [k.removeprefix(VIEW_POSITION) for k in state if k.startswith(VIEW_POSITION)]


def _holder(key: str) -> dict[str, str]:
    if key.startswith("member:"):
        return {"holder": ViewHolder.MEMBER.value, "name": key.removeprefix("member:")}
    return {"holder": key}


def views_from(state: FormState) -> list[dict[str, Any]]:
    """Each person's view typed in the form; rows left at 'not yet asked' with no words are none."""
    views = []
    for key in view_keys(state):
        position = text(state, VIEW_POSITION + key)
        words = text(state, VIEW_TEXT + key)
        if position == "not-yet-asked" and not words.strip():
            continue
        views.append({**_holder(key), "position": position, "text": words})
    return views


def _wish(state: FormState) -> dict[str, Any] | None:
    not_told = [a.value for a in WISH_AUDIENCES if flag(state, WISH_NOT + a.value)]
    words = text(state, "wish_text")
    if not words.strip() and not not_told:
        return None
    return {"text": words, "not_told": not_told}


def _sharing(state: FormState) -> dict[str, Any]:
    audiences = [a.value for a in Audience if flag(state, f"share_{a.value}")]
    reasons = {
        a.value: text(state, f"why_not_{a.value}").strip()
        for a in Audience
        if not flag(state, f"share_{a.value}") and text(state, f"why_not_{a.value}").strip()
    }
    return {"audiences": audiences, "reasons_not": reasons}


def state_from_draft(draft: EntryDraft) -> FormState:
    """The form state that shows an existing entry (or draft) for amending."""
    state: FormState = {
        "date": draft.event_date.wording(),
        "kind": draft.kind.value,
        "summary": draft.summary,
        "account": draft.account,
        "nature": draft.nature.value,
        "opinion_of": draft.opinion_of,
        "no_source_reason": draft.no_source_reason,
        "significance": draft.significance.value,
        "impact": draft.impact.value,
        "next_action": draft.next_action,
        "next_action_owner": draft.next_action_owner,
        "next_action_due": _day(draft.next_action_due),
        "no_action_reason": draft.no_action_reason,
        "outcome": draft.outcome,
        "learned_on": _day(draft.learned_on),
        "links": sorted(draft.link_ids),
        "wording_marks": marks_to_json(draft.wording_marks),
    }
    state.update(_source_state(draft))
    state.update(_views_state(draft.views, draft.child_wish))
    for audience in Audience:
        state[f"share_{audience.value}"] = audience in draft.sharing.audiences
        state[f"why_not_{audience.value}"] = draft.sharing.reasons_not.get(audience, "")
    if draft.grading is not None:
        state.update(
            graded=True,
            grading_source=str(draft.grading.source),
            grading_information=draft.grading.information,
            grading_handling=draft.grading.handling.value,
            grading_conditions=draft.grading.conditions,
        )
    return state


def _day(day: Any) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def _views_state(views: tuple[PersonView, ...], wish: ChildWish | None) -> FormState:
    state: FormState = {}
    for view in views:
        state[VIEW_POSITION + view.key] = view.position.value
        state[VIEW_TEXT + view.key] = view.text
    if wish is not None:
        state["wish_text"] = wish.text
        state.update({WISH_NOT + a.value: a in wish.not_told for a in WISH_AUDIENCES})
    return state


def _source_state(draft: EntryDraft) -> FormState:
    src = draft.source
    if src is None:
        return {}
    return {
        "source_name": src.name,
        "source_role": src.role,
        "source_agency": src.agency,
        "source_kind": src.kind.value,
        "source_professional": src.professional,
        "source_withheld": src.withheld,
        "source_unknown": src.unknown,
        "source_withheld_reason": src.withheld_reason.value if src.withheld_reason else "",
        "source_override": src.professional_override,
    }


def field_key(loc: tuple[str | int, ...], code: str) -> str:
    """The form key that should show an error with this pydantic location and code."""
    if code in _CODE_KEYS:
        return _CODE_KEYS[code]
    parts = [str(p) for p in loc]
    if not parts:
        return "form"
    head = parts[0]
    if head == "source" and len(parts) > 1:
        return f"source_{parts[1]}"
    if head == "views":
        return "views"
    if head == "child_wish":
        return "wish_text"
    if head == "grading":
        return f"grading_{parts[1]}" if len(parts) > 1 else "grading_conditions"
    if head in ("sharing", "link_ids"):
        return "sharing" if head == "sharing" else "form"
    return {"event_date": "date"}.get(head, head)


def errors_by_field(error: ValidationError, state: FormState | None = None) -> dict[str, str]:
    """The first plain message for each form key that has a problem.

    With the form `state`, a missing name under a ticked 'Withhold' (and nothing else
    typed about the source) says to untick it, not to clear fields that are empty.
    """
    found: dict[str, str] = {}
    for item in error.errors():
        key = field_key(tuple(item["loc"]), str(item["type"]))
        found.setdefault(key, _plain(key, item))
    if found.get("source_name") == _REQUIRED_WORDS["source_name"] and _only_withheld(state):
        found["source_name"] = _WITHHELD_NEEDS_NAME
    return found


def _only_withheld(state: FormState | None) -> bool:
    """'Withhold' is ticked but nothing is typed about who told us."""
    if state is None or not flag(state, "source_withheld"):
        return False
    return not any(text(state, f"source_{k}").strip() for k in _SOURCE_TEXT)


def _plain(key: str, item: Any) -> str:
    """Pydantic's built-in messages reworded for people; our own rules already are."""
    code = str(item["type"])
    ctx = item.get("ctx") or {}
    if key in _CHOOSE and code in ("enum", "missing"):
        return _CHOOSE[key]
    if code == "string_too_short" and key in _REQUIRED_WORDS:
        return _REQUIRED_WORDS[key]
    if code == "string_too_long":
        return f"This is too long: keep it to {ctx.get('max_length')} characters."
    if code in ("enum", "missing", "literal_error", "int_parsing", "greater_than_equal"):
        return "Choose one of the options."
    if code == "string_pattern_mismatch":
        return "Choose one of the options."
    return str(item["msg"])


def validate(state: FormState, event_date: EventDate, learned: Any, due: Any = None) -> EntryDraft:
    """Build the draft; raises ValidationError when a rule is broken."""
    return EntryDraft.model_validate(draft_data(state, event_date, learned, due))


def saving_problems(draft: EntryDraft) -> dict[str, str]:
    """The rules for a version written from now on, by the form key that shows each."""
    try:
        check_before_saving(draft)
    except DomainError as error:
        return {_CODE_KEYS.get(error.code, "form"): error.message}
    return {}
