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
from fftimeline.domain.entries import EntryDraft
from fftimeline.domain.sharing import Audience
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
}

_REQUIRED_WORDS: dict[str, str] = {
    "summary": "Say in a line what happened.",
    "source_name": "Give the name, role or agency of who told us, or clear 'Who told us'.",
}
_WITHHELD_NEEDS_NAME = (
    "Give the name of who told us: ticking 'Withhold' keeps it out of anything shared. "
    "If no one told us, untick 'Withhold'."
)


def text(state: FormState, key: str) -> str:
    """A text value from the state ('' when absent)."""
    value = state.get(key, "")
    return value if isinstance(value, str) else ""


def flag(state: FormState, key: str) -> bool:
    """A tick-box value from the state."""
    return state.get(key) is True


def draft_data(state: FormState, event_date: EventDate, learned: Any) -> dict[str, Any]:
    """The raw fields of an `EntryDraft` built from the form state.

    Hidden fields are left out so a value the user cannot see never blocks saving:
    'whose opinion' only for opinions, grading only for intelligence.
    """
    data: dict[str, Any] = {
        "kind": text(state, "kind"),
        "event_date": event_date,
        "learned_on": learned,
        "summary": text(state, "summary"),
        "account": text(state, "account"),
        "nature": text(state, "nature"),
        "source": _source(state),
        "family_view": {
            "position": text(state, "family_position"),
            "text": text(state, "family_text"),
        },
        "significance": text(state, "significance"),
        "impact": text(state, "impact"),
        "next_action": text(state, "next_action"),
        "next_action_owner": text(state, "next_action_owner"),
        "no_action_reason": text(state, "no_action_reason"),
        "outcome": text(state, "outcome"),
        "sharing": _sharing(state),
        "link_ids": state.get("links", []),
        "wording_marks": marks_from_json(text(state, "wording_marks")),
    }
    if data["nature"] == "professional-opinion":
        data["opinion_of"] = text(state, "opinion_of")
    if data["kind"] == "intelligence" and flag(state, "graded"):
        data["grading"] = {
            "source": int(text(state, "grading_source") or 0),
            "information": text(state, "grading_information"),
            "handling": text(state, "grading_handling"),
            "conditions": text(state, "grading_conditions"),
        }
    return data


def _source(state: FormState) -> dict[str, Any] | None:
    withheld = flag(state, "source_withheld")
    if not withheld and not any(text(state, f"source_{k}").strip() for k in _SOURCE_TEXT):
        return None
    reason = text(state, "source_withheld_reason") if withheld else ""
    return {
        "kind": text(state, "source_kind") or "person",
        "name": text(state, "source_name"),
        "role": text(state, "source_role"),
        "agency": text(state, "source_agency"),
        "professional": flag(state, "source_professional"),
        "withheld": withheld,
        "withheld_reason": reason or None,
        "professional_override": (
            text(state, "source_override")
            if withheld and flag(state, "source_professional")
            else ""
        ),
    }


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
        "family_text": draft.family_view.text,
        "family_position": draft.family_view.position.value,
        "significance": draft.significance.value,
        "impact": draft.impact.value,
        "next_action": draft.next_action,
        "next_action_owner": draft.next_action_owner,
        "no_action_reason": draft.no_action_reason,
        "outcome": draft.outcome,
        "learned_on": draft.learned_on.strftime("%d/%m/%Y") if draft.learned_on else "",
        "links": sorted(draft.link_ids),
        "wording_marks": marks_to_json(draft.wording_marks),
    }
    state.update(_source_state(draft))
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
    if head == "family_view":
        return "family_text"
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
    if code == "string_too_short" and key in _REQUIRED_WORDS:
        return _REQUIRED_WORDS[key]
    if code == "string_too_long":
        return f"This is too long: keep it to {ctx.get('max_length')} characters."
    if code in ("enum", "missing", "literal_error", "int_parsing", "greater_than_equal"):
        return "Choose one of the options."
    if code == "string_pattern_mismatch":
        return "Choose one of the options."
    return str(item["msg"])


def validate(state: FormState, event_date: EventDate, learned: Any) -> EntryDraft:
    """Build the draft; raises ValidationError when a rule is broken."""
    return EntryDraft.model_validate(draft_data(state, event_date, learned))
