"""Exit codes and one-line messages for errors on the command line.

Each error the user can meet maps to a documented exit code (see `fftimeline.cli`) and one
plain line for standard error. Anything unexpected becomes "Something went wrong: ..." and
exit code 1, never a traceback. `say` and `warn` write the command line's output lines.
"""

from __future__ import annotations

import sys

from pydantic import ValidationError

from fftimeline.domain.errors import (
    DiskFull,
    DomainError,
    NotAVault,
    NotFound,
    VaultExists,
    VaultInUse,
    VaultNotFound,
    VaultTooNew,
    WeakPassphrase,
    WrongPassphraseOrDamaged,
)

OK = 0
OTHER = 1
INTEGRITY_FAILED = 3
CIPHER_FAILED = 4
AUDIT_BROKEN = 5
STOPPED = 130

_BY_CLASS: tuple[tuple[type[DomainError], int], ...] = (
    (WrongPassphraseOrDamaged, 10),
    (NotAVault, 11),
    (VaultNotFound, 12),
    (VaultInUse, 13),
    (VaultTooNew, 14),
    (WeakPassphrase, 15),
    (VaultExists, 16),
    (NotFound, 19),
    (DiskFull, 24),
)

_BY_CODE: dict[str, int] = {
    "usage": 2,
    "secrets_differ": 17,
    "no_passphrase": 18,
    "secret_unreadable": 18,
    "secret_too_long": 18,
    "secret_file_missing": 18,
    "secret_file_unreadable": 18,
    "export_leak": 20,
    "unknown_audience": 20,
    "protection_failed": 20,
    "export_not_written": 20,
    "weak_password": 20,
    "backup_not_made": 25,
    "backup_stopped": 25,
    "nothing_to_print": 20,
    "support_list_unreadable": 20,
    "grading_not_for_audience": 20,
    "handover_wrong_passphrase": 21,
    "not_a_handover": 21,
    "handover_too_new": 21,
    "handover_damaged": 21,
    "handover_already_imported": 22,
    "handover_needs_worker": 2,
    "case_closed": 23,
    "child_wish_not_confirmed": 26,
}


def exit_code_for(exc: BaseException) -> int:
    """The documented exit code for an error."""
    if isinstance(exc, DomainError):
        for cls, code in _BY_CLASS:
            if isinstance(exc, cls):
                return code
        return _BY_CODE.get(exc.code, OTHER)
    return OTHER


def one_line(exc: BaseException) -> str:
    """The error as one plain line: its own message for known errors."""
    if isinstance(exc, DomainError):
        return " ".join(exc.message.split())
    if isinstance(exc, ValidationError) and exc.errors():
        error = exc.errors()[0]
        field = " ".join(str(p) for p in error["loc"]).replace("_", " ")
        return f"{field}: {error['msg']}." if field else f"{error['msg']}."
    if isinstance(exc, OSError) and exc.strerror:
        return f"Something went wrong: {exc.strerror}."
    # Never the exception's text: it can quote case content (a cell, a field value).
    return f"Something went wrong ({type(exc).__name__})."


def say(text: str) -> None:
    """Write one line of normal output to standard output."""
    sys.stdout.write(text + "\n")


def warn(text: str) -> None:
    """Write one plain line to standard error."""
    sys.stderr.write(text + "\n")
