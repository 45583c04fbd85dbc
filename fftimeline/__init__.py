"""fftimeline: an offline, encrypted chronology keeper for a child's key person."""

__version__ = "0.1.0"
