"""Errors raised by the pure domain layer, each with a stable code (domain layer).

Validation inside pydantic models uses `rule_error`, which raises a `PydanticCustomError`
whose `type` is the stable code and whose message tells the user what to do. Code outside
models raises `DomainError`. The UI maps codes to translated text where it needs to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic_core import PydanticCustomError


class DomainError(Exception):
    """A rule of the chronology was broken.

    Attributes:
        code: stable machine-readable code, e.g. ``"opinion_needs_whose"``.
        message: plain-words explanation that says what to do.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def rule_error(code: str, message: str) -> PydanticCustomError:
    """Build the error a model validator raises when a chronology rule is broken."""
    from pydantic_core import PydanticCustomError  # loaded with the models, not before

    return PydanticCustomError(code, message)


class VaultError(DomainError):
    """A vault could not be opened, created or changed. The message is for the user."""


class WrongPassphraseOrDamaged(VaultError):
    """The passphrase is wrong, or the file is damaged: SQLCipher cannot tell these apart."""

    def __init__(self) -> None:
        super().__init__(
            "wrong_passphrase_or_damaged",
            "Wrong passphrase, or the file is damaged. Nothing was changed.",
        )


class NotAVault(VaultError):
    """The file is not an fftimeline vault (empty, plain SQLite, a spreadsheet, random bytes)."""

    def __init__(self) -> None:
        super().__init__(
            "not_a_vault", "This file is not an fftimeline vault. Nothing was changed."
        )


class VaultNotFound(VaultError):
    """There is no file at the given path."""

    def __init__(self) -> None:
        super().__init__("vault_not_found", "There is no vault at that place.")


class VaultTooNew(VaultError):
    """The vault was written by a newer fftimeline."""

    def __init__(self) -> None:
        super().__init__(
            "vault_too_new",
            "This vault was made by a newer version of fftimeline. Update fftimeline to open it.",
        )


class VaultInUse(VaultError):
    """Another fftimeline window or computer has the vault open."""

    def __init__(self) -> None:
        super().__init__(
            "vault_in_use",
            "This vault is already open in another fftimeline window. Close that one first.",
        )


class VaultExists(VaultError):
    """Creating a vault would replace an existing file."""

    def __init__(self) -> None:
        super().__init__(
            "vault_exists", "A file with that name already exists. Choose another name."
        )


class WeakPassphrase(VaultError):
    """The chosen passphrase is empty or too easy to guess."""


class NotFound(VaultError):
    """An id asked for is not in this vault (added for the store services)."""

    def __init__(self, what: str = "item") -> None:
        super().__init__("not_found", f"That {what} is not in this vault.")


class VaultNotSaved(VaultError):
    """A write failed (disk full, file gone, device error); the transaction rolled back."""

    def __init__(self) -> None:
        super().__init__(
            "not_saved",
            "The change could not be saved, so nothing was changed. Check there is space "
            "on the disk and that the vault's folder is still there, then try again.",
        )


class DiskFull(VaultNotSaved):
    """The disk (or the file system holding the vault) has no space left."""

    def __init__(self) -> None:
        VaultError.__init__(
            self,
            "disk_full",
            "The disk is full, so nothing was changed. Free some space on the disk (or "
            "choose another place) and try again.",
        )


class VaultClosed(VaultError):
    """The vault was closed (locked) before this call."""

    def __init__(self) -> None:
        super().__init__("vault_closed", "The vault is locked. Unlock it to carry on.")


class VaultReadOnly(VaultError):
    """The vault file or its folder cannot be written to, so it cannot be opened for work."""

    def __init__(self) -> None:
        super().__init__(
            "vault_read_only",
            "This vault cannot be opened here because the file or its folder is read-only. "
            "Nothing was changed. Move it to a folder you can save to, or ask for access.",
        )
