"""Groups of fields in the entry editor: who told us, the child's wishes, sharing, grading (UI).

Each function builds one row's widgets and registers its inputs in the form's
`FieldRegistry`, so `editor_form` reads as the order of the questions. Words are translated
in the entry form's own context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QWidget

from fftimeline.domain.sharing import AUDIENCE_LABELS, Audience
from fftimeline.domain.sources import SourceKind
from fftimeline.ui.widgets.editor_fields import FieldRegistry
from fftimeline.ui.widgets.editor_state import WISH_AUDIENCES, WISH_NOT

_SOURCE_KIND_LABELS = {
    SourceKind.PERSON: "A person",
    SourceKind.AGENCY: "An agency",
    SourceKind.DOCUMENT: "A document",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("EntryForm", text)


def source_box(fields: FieldRegistry) -> QWidget:
    """Who told us: name, role, agency, what it is, professional, withheld, unknown to us."""
    f, box = fields, QWidget()
    grid = QGridLayout(box)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.addWidget(f.line("source_name", _tr("Who told us: name"), _tr("Name")), 0, 0)
    grid.addWidget(f.line("source_role", _tr("Who told us: role"), _tr("Role")), 0, 1)
    grid.addWidget(f.line("source_agency", _tr("Who told us: agency"), _tr("Agency")), 0, 2)
    grid.addWidget(
        f.combo(
            "source_kind",
            _tr("Who told us: a person, agency or document"),
            _SOURCE_KIND_LABELS,
        ),
        1,
        0,
    )
    grid.addWidget(f.check("source_professional", _tr("A professional")), 1, 1)
    grid.addWidget(f.check("source_withheld", _tr("Withhold: not safe to name")), 1, 2)
    unknown = f.check("source_unknown", _tr("Unknown to us"))
    unknown.setToolTip(
        _tr(
            "We were not told who the source is (for example police intelligence from an "
            "informant): it is withheld and needs no name."
        )
    )
    grid.addWidget(unknown, 2, 2)
    grid.addWidget(fields.error_label("source_unknown"), 3, 0, 1, 3)
    return box


def wish_box(fields: FieldRegistry) -> QWidget:
    """The child's wish in their words, and who they asked us not to tell."""
    f, box = fields, QWidget()
    grid = QGridLayout(box)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.addWidget(
        f.line(
            "wish_text",
            _tr("The child's wishes about sharing"),
            _tr("In their words, for example: I want to tell Mum myself"),
        ),
        0,
        0,
        1,
        len(WISH_AUDIENCES) + 1,
    )
    grid.addWidget(QLabel(_tr("Asked us not to tell:")), 1, 0)
    for column, audience in enumerate(WISH_AUDIENCES, start=1):
        label = _tr(AUDIENCE_LABELS[audience])
        tick = f.check(f"{WISH_NOT}{audience.value}", label)
        tick.setAccessibleName(_tr("The child asked us not to tell %1").replace("%1", label))
        grid.addWidget(tick, 1, column)
    return box


def sharing_box(fields: FieldRegistry) -> QWidget:
    """A tick for each audience it is safe to share with, and why not beside it."""
    f, box = fields, QWidget()
    grid = QGridLayout(box)
    grid.setContentsMargins(0, 0, 0, 0)
    for row, audience in enumerate(Audience):
        label = _tr(AUDIENCE_LABELS[audience])
        tick = f.check(f"share_{audience.value}", label)
        tick.setChecked(audience is Audience.SAFEGUARDING_TEAM)
        why = f.line(
            f"why_not_{audience.value}",
            _tr("Why not share with %1?").replace("%1", label),
            _tr("Why not? (optional)"),
        )
        grid.addWidget(tick, row, 0)
        grid.addWidget(why, row, 1)
    grid.setColumnStretch(1, 1)
    return box


def grading_box(fields: FieldRegistry) -> QWidget:
    """The 3x5x2 grading of intelligence: graded or not, and its three parts."""
    f, box = fields, QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(f.check("graded", _tr("Graded (3x5x2)")))
    row.addWidget(
        f.combo(
            "grading_source",
            _tr("Source evaluation"),
            {"1": "1 Reliable", "2": "2 Untested", "3": "3 Not reliable"},
        )
    )
    row.addWidget(
        f.combo(
            "grading_information",
            _tr("Information assessment"),
            {
                "A": "A Known directly",
                "B": "B Known indirectly, corroborated",
                "C": "C Known indirectly",
                "D": "D Not known",
                "E": "E Suspected false",
            },
        )
    )
    row.addWidget(
        f.combo(
            "grading_handling",
            _tr("Handling code"),
            {"P": "P Lawful sharing permitted", "C": "C With conditions"},
        )
    )
    return box


# Behaviour -------------------------------------------------------------------
