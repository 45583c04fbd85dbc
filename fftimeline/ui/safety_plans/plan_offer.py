"""The "add the safety plan" tick of the print and export dialogs (ui layer).

Offered only when the case has a plan and its current version may go to the audience
chosen; otherwise it is unticked and greyed, and says why when the plan is not shared.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox

from fftimeline.domain.sharing import Audience

if TYPE_CHECKING:
    from fftimeline.services.vault import OpenVault


def plan_tick(text: str) -> QCheckBox:
    """The tick, unticked and greyed until `offer_plan` says the plan may go."""
    tick = QCheckBox(text)
    tick.setEnabled(False)
    return tick


def offer_plan(tick: QCheckBox, vault: OpenVault, case_id: int, audience: Audience) -> None:
    """Enable ``tick`` only when the current plan may go to ``audience``."""
    plan = vault.safety_plans.current(case_id)
    goes = plan is not None and plan.sharing.allows(audience)
    tick.setEnabled(goes)
    if not goes:
        tick.setChecked(False)
    not_shared = QCoreApplication.translate(
        "PlanOffer", "The safety plan is not marked as safe to share with this audience."
    )
    tick.setToolTip("" if goes or plan is None else not_shared)
