"""Turn errors from the services into plain words for the user (UI layer).

Known errors carry a code and a message already written for people; this module picks the
text, translated where a translation exists, and never shows a traceback.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from fftimeline.domain.errors import DomainError

if TYPE_CHECKING:
    from pydantic import ValidationError

_CONTEXT = "errors"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def plain_message(error: BaseException) -> str:
    """The message to show for ``error``: its own plain words, or a calm generic sentence."""
    from pydantic import ValidationError  # here, not at the top: the start screen needs no pydantic

    if isinstance(error, DomainError):
        return _tr(error.message)
    if isinstance(error, ValidationError):
        errors = error.errors()
        if errors:
            return _tr(str(errors[0]["msg"]))
    if isinstance(error, OSError):
        return _tr("The file could not be read or written. Check the place and try again.")
    return _tr("Something went wrong. Nothing was changed.")


def validation_messages(error: ValidationError) -> list[tuple[tuple[str | int, ...], str, str]]:
    """Each broken rule as (field location, stable code, plain message)."""
    return [(tuple(e["loc"]), str(e["type"]), _tr(str(e["msg"]))) for e in error.errors()]
