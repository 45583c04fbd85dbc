"""Secrets read by the command line are overwritten with zeros after use."""

from __future__ import annotations

import pytest

from fftimeline.cli.secrets import wipe, wiped


def test_wipe_overwrites_the_secret_in_place() -> None:
    secret = bytearray(b"correct horse battery staple")
    same = secret
    wipe(secret)
    assert same is secret and secret == bytearray(len(b"correct horse battery staple"))


def test_wiped_zeroes_the_secret_even_when_the_work_fails() -> None:
    secret = bytearray(b"a passphrase")
    with pytest.raises(RuntimeError), wiped(secret) as inside:
        assert inside == b"a passphrase"
        raise RuntimeError
    assert secret == bytes(12)
