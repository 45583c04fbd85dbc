"""The fftimeline command line: ``fftimeline [COMMAND] VAULT [options]`` (see `main`)."""

from fftimeline.cli.main import main

__all__ = ["main"]
