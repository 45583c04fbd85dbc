"""A custom audience's name is typed by the key worker and printed on every output for it:
one that names a protected person is refused at save, in plain words, and nothing is saved;
one saved before this check is redacted where it is printed, and scanned there.
"""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from fftimeline.domain.errors import DomainError
from fftimeline.domain.sharing import Audience, Sharing
from fftimeline.domain.sources import Source, WithheldReason
from fftimeline.redaction.audiences import (
    CUSTOM_AUDIENCES_KEY,
    AudienceField,
    custom_to_json,
    make_custom,
)
from fftimeline.services.audience_labels import LabelNamesSomeone
from fftimeline.services.export import (
    ExportRequest,
    audiences,
    export_xlsx,
    save_custom_audience,
)
from fftimeline.services.printing import default_pdf_name
from fftimeline.services.vault import create_vault
from tests.factories import make_case, make_entry, make_person, passphrase

EVERYONE = Sharing(audiences=frozenset(Audience))
WITHHELD = Source(name="Dawn Young", withheld=True, withheld_reason=WithheldReason.RISK_TO_SOURCE)


@pytest.fixture
def vault(tmp_path):
    v = create_vault(tmp_path / "work.fft", passphrase(), actor="Sam Key")
    case = v.cases.add(make_case())
    person = v.links.save(case.id, make_person())  # Marcus Bell, "Bugsy"
    v.entries.add(
        case.id,
        make_entry(account="Seen at home.", source=WITHHELD, sharing=EVERYONE,
                   link_ids=frozenset({person.id or 0})),
    )  # fmt: skip
    other = v.cases.add(make_case(child_name="Kayleigh Mäkinen", family=()))
    v.entries.add(other.id, make_entry(account="Seen at school.", sharing=EVERYONE))
    yield v
    v.close()


@pytest.mark.parametrize(
    "label",
    ["Dawn Young's school panel", "Panel for dawn young", "Bugsy's youth team",
     "Marcus Bell review", "Kayleigh's grandparents", "Вugsy panel"],
)  # fmt: skip
def test_a_label_naming_a_protected_person_is_refused_and_nothing_is_saved(vault, label):
    before = [a.slug for a in audiences(vault)]
    with pytest.raises(LabelNamesSomeone) as refused:
        save_custom_audience(vault, make_custom(label, Audience.PARENTS, frozenset()))
    assert isinstance(refused.value, DomainError)
    assert "name" in str(refused.value) and "protect" in str(refused.value)
    assert label not in str(refused.value)  # the message does not repeat the name
    assert [a.slug for a in audiences(vault)] == before


@pytest.mark.parametrize(
    "label", ["Youth justice", "School panel", "Will and testament team", "The young carers group"]
)
def test_a_label_in_ordinary_words_is_saved(vault, label):
    save_custom_audience(vault, make_custom(label, Audience.STRATEGY_MEETING, frozenset()))
    assert label in [a.label for a in audiences(vault)]


def test_a_label_saved_before_the_check_is_redacted_on_the_cover(vault, tmp_path):
    old = make_custom("Dawn Young's panel", Audience.STRATEGY_MEETING,
                      frozenset({AudienceField.ACCOUNT}))  # fmt: skip
    vault.preferences.set(CUSTOM_AUDIENCES_KEY, custom_to_json([old]))
    case_id = vault.cases.summaries()[0].case.id
    out = tmp_path / "panel.xlsx"
    request = ExportRequest(audience=old.slug, recipients="The panel", purpose="Review")
    export_xlsx(vault, case_id, request, out)
    cover = [str(c.value) for row in load_workbook(out)["Cover"].iter_rows() for c in row]
    assert not any("Dawn" in v or "Young" in v for v in cover), cover


def test_the_pdf_file_name_never_carries_a_custom_audience_name():
    custom = make_custom("Dawn Young's school panel", Audience.STRATEGY_MEETING, frozenset())
    name = default_pdf_name(custom.slug)
    assert name.startswith("timeline-custom-") and name.endswith(".pdf")
    assert not any(w in name for w in ("dawn", "young", "school", "panel"))
    assert default_pdf_name("parents-carers").startswith("timeline-parents-carers-")
