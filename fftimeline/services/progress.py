"""How long work reports its progress and hears a Cancel, without knowing about Qt (services).

The UI runs long work (a hand-over, importing one) on a worker thread and hands it a
`Progress` whose ``report`` posts to the progress bar and whose ``cancelled`` reads the
Cancel button; the command line passes none. Work calls `Progress.step` between batches: a
Cancel raises `Cancelled` there, so the work stops at a point where nothing is half-done.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from fftimeline.domain.errors import DomainError


class Cancelled(DomainError):
    """The key worker pressed Cancel; whatever was under way was undone."""

    def __init__(self) -> None:
        super().__init__("cancelled", "Stopped. Nothing was changed.")


def _ignore(_done: int, _total: int, _stage: str) -> None:
    return None


def _never() -> bool:
    return False


@dataclass(frozen=True)
class Progress:
    """Where a piece of long work has got to, and whether to stop.

    Attributes:
        report: called with (done, total, stage words) as the work goes on.
        cancelled: True once the key worker has asked to stop.
    """

    report: Callable[[int, int, str], None] = _ignore
    cancelled: Callable[[], bool] = _never

    def step(self, done: int, total: int, stage: str) -> None:
        """Say how far the work has got; raise Cancelled if asked to stop."""
        if self.cancelled():
            raise Cancelled()
        self.report(done, total, stage)
