"""SIGTERM and SIGHUP while a full-screen screen runs: handled in its own event loop
(never in the middle of a redraw), then the handlers from before are put back."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from collections.abc import Callable
from typing import Any

STOP_SIGNALS: tuple[int, ...] = tuple(
    s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s is not None
)


def is_hangup(signum: int) -> bool:
    return signum == getattr(signal, "SIGHUP", None)


def silence_the_terminal() -> None:
    """The terminal is gone (SIGHUP): what is still written goes nowhere instead of failing."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    for fd in (1, 2):
        with contextlib.suppress(OSError):
            os.dup2(devnull, fd)
    os.close(devnull)


class LoopSignals:
    """Call :meth:`catch` from inside the running event loop (an Application's
    ``pre_run``) and :meth:`restore` after it."""

    def __init__(self, handler: Callable[[int], None]) -> None:
        self._handler = handler
        self._previous: dict[int, Any] = {}

    def catch(self) -> None:
        with contextlib.suppress(ValueError, RuntimeError, NotImplementedError):  # not the main thread
            loop = asyncio.get_running_loop()
            for signum in STOP_SIGNALS:
                self._previous[signum] = signal.getsignal(signum)
                loop.add_signal_handler(signum, self._handler, signum)

    def restore(self) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)
        self._previous.clear()
