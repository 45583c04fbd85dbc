"""Record a meeting: who came, the parents' invitation, decisions, challenges, tasks (ui layer).

One form for a strategy meeting, core group, review or family meeting. It asks what Parents
asked to be part of: whether they were invited (and, if not, why not), the family's view,
any challenge to a decision with the team's response and its date, and whether the parents
were told. The tasks that follow are typed as rows and created as real tasks, with the
meeting, in one transaction (`MeetingService`). The meeting is an entry of kind "meeting or
decision": it appears in the chronology at its date, and changing it later (the team's
response, say) asks for a reason and keeps the earlier version.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from fftimeline.domain.dates import EventDate
from fftimeline.domain.entries import (
    Entry,
    EntryDraft,
    Kind,
    Nature,
)
from fftimeline.domain.errors import DomainError
from fftimeline.domain.meetings import MEETING_KIND_LABELS, Meeting, MeetingKind
from fftimeline.domain.sharing import Audience
from fftimeline.domain.tasks import TaskDraft
from fftimeline.domain.views import PersonView
from fftimeline.services.meetings import SavedMeeting
from fftimeline.ui.meetings import meeting_tables as rows
from fftimeline.ui.models.entry_text import date_text, day_text
from fftimeline.ui.widgets.editor_fields import FieldRegistry
from fftimeline.ui.widgets.editor_state import views_from, views_state
from fftimeline.ui.widgets.editor_views import ViewsBox, holders_of
from fftimeline.ui.widgets.form_dialog import FormDialog, kept_entry
from fftimeline.ui.widgets.form_helpers import chosen_date, optional_date_edit, show_date
from fftimeline.ui.widgets.form_tables import RowsTable
from fftimeline.ui.widgets.sharing_ticks import SharingTicks
from fftimeline.ui.wording.editor_hook import EditorWording
from fftimeline.ui.wording.marks import WordingMarks

if TYPE_CHECKING:
    from fftimeline.services.vault import OpenVault

Draft = tuple[EntryDraft, list[TaskDraft]]
_DEFAULT_SHARING = (Audience.SAFEGUARDING_TEAM, Audience.STRATEGY_MEETING)


class MeetingDialog(FormDialog):
    """The meeting form; `ask` saves it (with its tasks) and returns what was saved."""

    draft_kind = "meeting"

    def __init__(
        self, vault: OpenVault, case_id: int, entry: Entry | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._vault, self._case_id, self._entry = vault, case_id, entry
        self._case = vault.cases.get(case_id)
        self.setWindowTitle(self.tr("Meeting") if entry is None else self.tr("Change the meeting"))
        self._build_fields()
        if entry is not None and entry.meeting is not None:
            self._fill(entry)
        self._connect()
        self._check_wording(entry)
        context = {"entry_id": entry.id if entry is not None else None}
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._scrolled(), 1)
        column.addWidget(self.wording.summary)
        self.finish(body, vault, case_id, context)
        self.resize(1040, 860)

    def _check_wording(self, entry: Entry | None) -> None:
        """Underline the wording check's findings in the meeting's own words, as typed."""
        self.marks = WordingMarks(self)
        self.marks.load(entry.wording_marks if entry is not None else ())
        self.marks.changed.connect(self.check)
        fields = {self.summary: "summary", self.notes: "account"}
        fields[self.not_invited_because] = "not-invited-because"
        self.wording = EditorWording(
            self,
            {key: widget for widget, key in fields.items()},
            self.marks,
            self._vault.wording,
            self._case,
            self._event_date,
            fields={key: key for key in fields.values()},
        )
        self.when.edited.connect(self.wording.date_changed)
        self.finished.connect(self.wording.close)

    def _event_date(self) -> EventDate | None:
        day = chosen_date(self.when)
        return EventDate.exact(day) if day is not None else None

    @classmethod
    @override
    def from_draft(
        cls, parent: QWidget, vault: OpenVault, case_id: int | None, context: dict[str, Any]
    ) -> MeetingDialog | None:
        """The form again after a lock: the same meeting, or a new one."""
        if case_id is None:
            return None
        return cls(vault, case_id, kept_entry(vault, context), parent)

    # Building -----------------------------------------------------------------------
    def _line(self, name: str, hint: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        edit.setPlaceholderText(hint)
        return edit

    def _build_fields(self) -> None:
        self.when = optional_date_edit(self.tr("When was the meeting?"), self.tr("Say when"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("What kind of meeting"))
        for kind in MeetingKind:
            self.kind.addItem(self.tr(MEETING_KIND_LABELS[kind]), kind.value)
        self.summary = self._line(self.tr("What was it about?"), self.tr("One line"))
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(self.tr("Notes of the meeting"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 3 + 14)
        self.people = RowsTable(
            self.tr("Who was invited and who came"),
            [
                self.tr("Name"),
                self.tr("Who they are"),
                self.tr("Role or relationship"),
                self.tr("Invited"),
                self.tr("Came"),
            ],
            choices={1: rows.who_answers(), 3: rows.yes_no(), 4: rows.yes_no()},
        )
        self.add_team = QPushButton(self.tr("Add the team"))
        self.add_family = QPushButton(self.tr("Add the family"))
        self.parents_invited = QCheckBox(self.tr("The parents were invited"))
        self.parents_invited.setChecked(True)
        self.not_invited_because = self._line(
            self.tr("Why the parents were not invited"), self.tr("Why not? Parents will ask.")
        )
        self.decisions = RowsTable(
            self.tr("What was decided"),
            [
                self.tr("Decision"),
                self.tr("Challenged by"),
                self.tr("When"),
                self.tr("What they said"),
                self.tr("The team's response"),
                self.tr("Responded on"),
            ],
        )
        self.views = FieldRegistry(self)  # everyone's view, as in the entry editor
        self.views_box = ViewsBox(self.views, holders_of(self._case))
        self.discussed = QListWidget()
        self.discussed.setAccessibleName(self.tr("Entries discussed"))
        self._fill_discussed()
        self.tasks = RowsTable(
            self.tr("Tasks that follow"),
            [self.tr("What is to be done"), self.tr("Who owns it"), self.tr("Due")],
        )
        self.existing_tasks = QLabel()
        self.existing_tasks.setWordWrap(True)
        self.parents_told = QCheckBox(self.tr("The parents were told what was decided"))
        self.sharing = SharingTicks(_DEFAULT_SHARING)

    def _fill_discussed(self) -> None:
        for entry in reversed(self._vault.entries.entries(self._case_id)):
            if self._entry is not None and entry.id == self._entry.id:
                continue
            item = QListWidgetItem(f"{date_text(entry)} — {entry.summary}")
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.discussed.addItem(item)
        self.discussed.setMaximumHeight(110)

    def _scrolled(self) -> QScrollArea:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("When was it?"), self.when)
        form.addRow(self.tr("What kind?"), self.kind)
        form.addRow(self.tr("What was it about?"), self.summary)
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow(self.tr("Who was invited\nand who came"), self._people_box())
        form.addRow(self.tr("The parents"), self._parents_box())
        form.addRow(self.tr("What was decided,\nand any challenge"), self.decisions)
        form.addRow(self.tr("Views: the child's\nand the family's"), self.views_box)
        form.addRow(self.tr("Entries discussed"), self.discussed)
        form.addRow(self.tr("Tasks that follow"), self._tasks_box())
        form.addRow("", self.parents_told)
        form.addRow(self.tr("Safe to share with"), self.sharing)
        inner = QWidget()
        inner.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(inner)
        return scroll

    def _people_box(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.people)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_team)
        buttons.addWidget(self.add_family)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return box

    def _parents_box(self) -> QWidget:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.parents_invited)
        layout.addWidget(self.not_invited_because, 1)
        return box

    def _tasks_box(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.existing_tasks)
        layout.addWidget(self.tasks)
        return box

    def _connect(self) -> None:
        self.watch(self.kind, self.summary, self.notes, self.people.table, self.parents_invited)
        self.watch(self.not_invited_because, self.decisions.table)
        self.watch(self.discussed, self.tasks.table, self.parents_told)
        self.views.edited.connect(self.check)
        self.watch(*self.sharing.ticks.values())
        self.watch_date(self.when, self.tr("When was it?"))
        self.add_team.clicked.connect(lambda: self._add_people(team=True))
        self.add_family.clicked.connect(lambda: self._add_people(team=False))
        self.parents_invited.toggled.connect(self._invited_changed)
        self._invited_changed(self.parents_invited.isChecked())

    def _add_people(self, *, team: bool) -> None:
        for row in rows.team_and_family_rows(self._case, team=team):
            self.people.add_row(row)

    def _invited_changed(self, invited: bool) -> None:
        self.not_invited_because.setEnabled(not invited)
        if invited:
            self.not_invited_because.clear()

    def _fill(self, entry: Entry) -> None:
        meeting = entry.meeting
        assert meeting is not None
        show_date(self.when, entry.event_date.start)
        self.kind.setCurrentIndex(self.kind.findData(meeting.kind.value))
        self.summary.setText(entry.summary)
        self.notes.setPlainText(entry.account)
        for row in rows.attendee_rows(meeting.attendees):
            self.people.add_row(row)
        self.parents_invited.setChecked(meeting.parents_invited)
        self.not_invited_because.setText(meeting.parents_not_invited_because)
        for row in rows.decision_rows(meeting.decisions):
            self.decisions.add_row(row)
        state = views_state(entry.views)
        self.views.load(state)
        self.views_box.show_rows_for(state)
        ticked_items = []
        for i in range(self.discussed.count()):
            item = self.discussed.item(i)
            ticked = int(item.data(Qt.ItemDataRole.UserRole)) in meeting.discussed
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            ticked_items += [item] if ticked else []
        if ticked_items:  # the entries discussed are in view, not the newest
            self.discussed.scrollToItem(ticked_items[0], QListWidget.ScrollHint.PositionAtTop)
        following = self._vault.meetings.tasks_of(entry.id)
        if following:
            lines = [f"{t.what} — {t.owner} — {day_text(t.due)}" for t in following]
            self.existing_tasks.setText(self.tr("Already set:") + "\n" + "\n".join(lines))
        self.parents_told.setChecked(entry.parents_told)
        self.sharing.set_audiences(entry.sharing.audiences)

    # The draft ---------------------------------------------------------------------
    def _discussed_ids(self) -> frozenset[int]:
        items = (self.discussed.item(i) for i in range(self.discussed.count()))
        return frozenset(
            int(i.data(Qt.ItemDataRole.UserRole))
            for i in items
            if i.checkState() == Qt.CheckState.Checked
        )

    def _meeting(self) -> Meeting:
        return Meeting(
            kind=MeetingKind(self.kind.currentData()),
            attendees=rows.attendees_from(self.people.rows()),
            parents_invited=self.parents_invited.isChecked(),
            parents_not_invited_because=self.not_invited_because.text(),
            decisions=rows.decisions_from(self.decisions.rows()),
            discussed=self._discussed_ids(),
        )

    @override
    def draft(self) -> Draft:
        """The meeting entry and its new tasks as typed; raises the domain's errors."""
        day = chosen_date(self.when)
        if day is None:
            raise DomainError("meeting_needs_date", self.tr("Say when the meeting was."))
        before = self._entry.draft() if self._entry is not None else None
        fields: dict[str, Any] = (
            dict(before)
            if before is not None
            else {"nature": Nature.FACT, "no_source_reason": self.tr("Recorded at the meeting")}
        )
        fields.update(
            kind=Kind.MEETING,
            event_date=EventDate.exact(day),
            summary=self.summary.text(),
            account=self.notes.toPlainText(),
            views=tuple(PersonView(**v) for v in views_from(self.views.state())),
            sharing=self.sharing.sharing(before.sharing if before is not None else None),
            meeting=self._meeting(),
            parents_told=self.parents_told.isChecked(),
            wording_marks=self.marks.marks,
        )
        return EntryDraft(**fields), rows.tasks_from(self.tasks.rows())

    @override
    def labels(self) -> dict[str, str]:
        """The fields by name, for messages."""
        return {"summary": self.tr("What was it about?"), "text": self.tr("Decision")}

    @override
    def persist(self, draft: Draft) -> SavedMeeting:
        """Record the meeting with its tasks, or save its next version with a reason."""
        entry, tasks = draft
        if self._entry is None:
            return self._vault.meetings.record(self._case_id, entry, tasks)
        reason = self.amendment_reason(entry == self._entry.draft() and not tasks)
        return self._vault.meetings.amend(self._entry.id, entry, reason, tasks)

    @classmethod
    def ask(
        cls, parent: QWidget, vault: OpenVault, case_id: int, entry: Entry | None = None
    ) -> Entry | None:
        """Show the form; the saved meeting entry, or None when nothing was saved."""
        saved: SavedMeeting | None = cls(vault, case_id, entry, parent).run()
        return saved.entry if saved is not None else None
