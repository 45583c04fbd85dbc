"""Reading passphrases and passwords for the command line, and wiping them afterwards.

A secret comes, in this order, from a file named on the command line (``-`` for standard
input), from an environment variable, or from a prompt that does not echo. It is kept in
a ``bytearray`` so it can be overwritten with zeros as soon as it has been used; it is
never printed or logged. (Text typed at a prompt or held in the environment passes through
an immutable ``str`` first; we drop our references to it straight away and remove the
environment variable so child processes do not inherit it.)
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from fftimeline.domain.errors import DomainError

MAX_SECRET_BYTES = 4096
"""Longest passphrase file we read: a passphrase is a line, not a document."""


class SecretError(DomainError):
    """A passphrase or password could not be read, or was typed differently twice."""


def wipe(secret: bytearray) -> None:
    """Overwrite a secret in place with zeros."""
    secret[:] = bytes(len(secret))


@contextmanager
def wiped(secret: bytearray) -> Iterator[bytearray]:
    """Use a secret in a ``with`` block and zero it afterwards, whatever happens."""
    try:
        yield secret
    finally:
        wipe(secret)


def _strip_line_end(buf: bytearray) -> bytearray:
    """A copy of `buf` without one trailing newline; `buf` itself is wiped."""
    end = len(buf)
    if end and buf[end - 1] == 0x0A:
        end -= 1
        if end and buf[end - 1] == 0x0D:
            end -= 1
    out = bytearray(memoryview(buf)[:end])
    wipe(buf)
    return out


def _read_stream(stream: object) -> bytearray:
    """Read one secret from a binary stream into a bytearray, without an extra copy."""
    buf = bytearray(MAX_SECRET_BYTES + 1)
    readinto = getattr(stream, "readinto", None)
    if readinto is None:
        raise SecretError("secret_unreadable", "Could not read the passphrase.")
    size = readinto(buf) or 0
    if size > MAX_SECRET_BYTES:
        wipe(buf)
        raise SecretError("secret_too_long", "The passphrase file is too long to be a passphrase.")
    out = bytearray(memoryview(buf)[:size])
    wipe(buf)
    return _strip_line_end(out)


def read_secret_file(name: str) -> bytearray:
    """Read a secret from a file, or from standard input when `name` is ``-``."""
    if name == "-":
        return _read_stream(sys.stdin.buffer)
    try:
        with Path(name).open("rb", buffering=0) as fh:
            return _read_stream(fh)
    except FileNotFoundError:
        raise SecretError(
            "secret_file_missing", f"There is no passphrase file at {name}."
        ) from None
    except OSError as exc:
        reason = exc.strerror or "it could not be opened"
        raise SecretError(
            "secret_file_unreadable", f"Could not read the passphrase file: {reason}."
        ) from None


def take_env(variable: str) -> bytearray | None:
    """Take a secret from the environment and remove it there, or None when unset."""
    value = os.environ.pop(variable, None)
    if value is None:
        return None
    secret = bytearray(value, "utf-8")
    del value
    return _strip_line_end(secret)


def prompt(text: str) -> bytearray:
    """Ask for a secret at the terminal without echoing it."""
    if not sys.stdin.isatty():
        raise SecretError(
            "no_passphrase",
            "No passphrase given. Type it at a terminal, or use --passphrase-file "
            "or the FFTIMELINE_PASSPHRASE environment variable.",
        )
    typed = getpass.getpass(text)
    secret = bytearray(typed, "utf-8")
    del typed
    return secret


@dataclass(frozen=True)
class SecretSource:
    """Where one secret comes from: a file option, an environment variable, then a prompt.

    Attributes:
        file: the value of the ``--...-file`` option, if given.
        env: the environment variable to look in.
        label: what to call it at the prompt ("Passphrase", "New passphrase").
    """

    file: str | None
    env: str
    label: str

    @property
    def interactive(self) -> bool:
        """Whether the secret will be typed by a person (no file and no environment variable)."""
        return self.file is None and self.env not in os.environ

    def read(self) -> bytearray:
        """The secret, from a file, the environment or one prompt."""
        return self._read()[0]

    def read_confirmed(self) -> bytearray:
        """A new secret: taken as it is from a file or the environment, else typed twice."""
        first, prompted = self._read()
        if not prompted:
            return first
        with wiped(prompt(f"{self.label} again: ")) as second:
            if second != first:
                wipe(first)
                raise SecretError(
                    "secrets_differ", "The two passphrases you typed are different. Try again."
                )
        return first

    def _read(self) -> tuple[bytearray, bool]:
        """The secret and whether a person typed it at a prompt."""
        if self.file is not None:
            return read_secret_file(self.file), False
        from_env = take_env(self.env)
        if from_env is not None:
            return from_env, False
        return prompt(f"{self.label}: "), True
