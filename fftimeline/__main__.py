"""Run fftimeline with ``python -m fftimeline``."""

import sys

from fftimeline.cli import main

if __name__ == "__main__":
    sys.exit(main())
