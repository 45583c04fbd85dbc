"""Arbitrary passphrases round-trip; a passphrase change is proved (new works, old fails)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fftimeline.domain.errors import WeakPassphrase, WrongPassphraseOrDamaged
from fftimeline.services.vault import OpenVault, create_vault, open_vault
from tests.factories import make_case, make_entry, passphrase

ACTOR = "Sam Key"

_TEXT = st.text(
    alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00"),
    min_size=12,
    max_size=80,
).filter(lambda s: len(set(s)) > 3)
_TRICKY = st.sampled_from(["'", '"', "\\", "';--", "x'00'", "é", "鍵", "🙂", " "])


@st.composite
def passphrases(draw: st.DrawFn) -> str:
    """Long passphrases with quotes, backslashes, SQL-ish and non-ASCII text."""
    return draw(_TRICKY) + draw(_TEXT) + draw(_TRICKY)


@pytest.mark.slow
@settings(max_examples=15, deadline=None, database=None)
@given(secret=passphrases())
def test_any_passphrase_round_trips_and_a_changed_one_fails(secret: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "v.fft"
        v = create_vault(path, bytearray(secret.encode()), actor=ACTOR)
        v.cases.add(make_case())
        v.close()
        again = open_vault(path, bytearray(secret.encode()), actor=ACTOR)
        assert len(again.cases.summaries()) == 1
        again.close()
        changed = secret[:-1] + ("a" if secret[-1] != "a" else "b")
        with pytest.raises(WrongPassphraseOrDamaged):
            open_vault(path, bytearray(changed.encode()), actor=ACTOR)


def test_passphrase_change_new_works_old_fails(vault: OpenVault) -> None:
    case = vault.cases.add(make_case())
    vault.entries.add_many(case.id, [make_entry(summary=f"E{i}") for i in range(50)])
    new = "a completely different passphrase"
    vault.change_passphrase(passphrase(new), current=passphrase())
    # Still usable straight away, with everything in it.
    assert len(vault.entries.entries(case.id)) == 50
    vault.entries.add(case.id, make_entry(summary="after the change"))
    assert vault.check().ok
    vault.close()
    with pytest.raises(WrongPassphraseOrDamaged):
        open_vault(vault.path, passphrase(), actor=ACTOR)
    again = open_vault(vault.path, passphrase(new), actor=ACTOR)
    try:
        assert len(again.entries.entries(case.id)) == 51
        actions = [r.action.value for r in again.audit.records()]
        assert "passphrase-changed" in actions
    finally:
        again.close()


def test_passphrase_change_without_old_is_still_proved(vault: OpenVault) -> None:
    vault.cases.add(make_case())
    vault.change_passphrase(passphrase("another good long passphrase"))
    vault.close()
    with pytest.raises(WrongPassphraseOrDamaged):
        open_vault(vault.path, passphrase(), actor=ACTOR)
    open_vault(vault.path, passphrase("another good long passphrase"), actor=ACTOR).close()


def test_weak_new_passphrase_is_refused_and_nothing_changes(vault: OpenVault) -> None:
    with pytest.raises(WeakPassphrase):
        vault.change_passphrase(passphrase("abc"))
    vault.cases.add(make_case())
    vault.close()
    open_vault(vault.path, passphrase(), actor=ACTOR).close()


def test_caller_can_zero_its_buffer(vault_path: Path) -> None:
    vault_path.parent.mkdir()
    secret = passphrase()
    v = create_vault(vault_path, secret, actor=ACTOR)
    secret[:] = bytes(len(secret))
    v.cases.add(make_case())
    v.close()
    open_vault(vault_path, passphrase(), actor=ACTOR).close()


def test_wrong_current_passphrase_changes_nothing(vault: OpenVault) -> None:
    case = vault.cases.add(make_case())
    with pytest.raises(WrongPassphraseOrDamaged):
        vault.change_passphrase(
            passphrase("a completely different passphrase"), current=passphrase("not it at all")
        )
    assert not vault.closed
    vault.entries.add(case.id, make_entry())
    vault.close()
    open_vault(vault.path, passphrase(), actor=ACTOR).close()


def test_key_check_agrees_with_sqlcipher(vault: OpenVault) -> None:
    from fftimeline.store.kdf import key_matches, read_first_page
    from fftimeline.store.rekey import current_key_matches

    vault.cases.add(make_case())
    with vault._store.read() as conn:  # checked without opening the held file
        assert current_key_matches(conn, passphrase())
        assert not current_key_matches(conn, passphrase("correct horse battery staple 43"))
    vault.close()
    page = read_first_page(vault.path)
    assert key_matches(page, passphrase())
    assert not key_matches(page, passphrase("correct horse battery staple 43"))


def test_a_failure_after_the_rekey_says_which_passphrase_to_use(
    vault: OpenVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlcipher3 import dbapi2 as sqlcipher

    from fftimeline.domain.records import AuditAction
    from fftimeline.store import audit, rekey

    real_append = audit.append

    def disk_full(conn: object, actor: str, events: list[audit.AuditEvent]) -> None:
        # Only the rekey's own audit row fails: the backup made before it is written fine.
        if any(e.action is AuditAction.PASSPHRASE_CHANGED for e in events):
            raise sqlcipher.OperationalError("database or disk is full")
        real_append(conn, actor, events)

    monkeypatch.setattr(audit, "append", disk_full)
    new = "a brand new passphrase for this vault"
    with pytest.raises(rekey.PassphraseNotChanged) as caught:
        vault.change_passphrase(passphrase(new))
    assert "if it no longer works, use the new one" in caught.value.message
    monkeypatch.undo()
    again = open_vault(vault.path, passphrase(new), actor="Sam Key")
    again.close()


def test_a_new_passphrase_made_of_case_names_is_refused(vault: OpenVault) -> None:
    vault.cases.add(make_case(child_name="Jordan Reid"))
    weak = "jordan reid lantern 2025"
    assert vault.new_passphrase_problems(weak)
    with pytest.raises(WeakPassphrase) as caught:
        vault.change_passphrase(passphrase(weak), current=passphrase())
    assert "name of anyone in your cases" in caught.value.message
    vault.close(backup=False)
    open_vault(vault.path, passphrase(), actor=ACTOR).close(backup=False)
