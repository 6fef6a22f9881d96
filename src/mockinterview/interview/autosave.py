"""Saving the notes while the candidate types: when a save is due, and what it writes.

A save is due every ``CHANGED_EVERY`` seconds while the text changes, and at least
every ``ALWAYS_EVERY`` seconds for the clock. It writes the phase's notes and time
(:meth:`LivePhase.snapshot`) with one small store call.

By default the call is made at once. Given a :class:`StoreThread`, it runs on that
thread instead, with its own connection, so a slow or locked database (SQLite waits
up to its busy timeout) never stalls the screen, the clock or the probes. Either way
:meth:`Autosave.poll` raises what the store raised (a background save's error at the
poll after it failed), and the marks stay where they were, so the next poll tries
again; the caller decides what to show.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from typing import Protocol

from mockinterview.interview.clock import TimeSource
from mockinterview.interview.phase import LivePhase
from mockinterview.interview.session import PhaseRecord

CHANGED_EVERY = 3.0  # seconds between saves while the text changes
ALWAYS_EVERY = 10.0  # and at least this often, for the clock


class PhaseWriter(Protocol):
    """The one store call autosave needs (``Store`` has it)."""

    def save_phase(self, session_id: str, phase: PhaseRecord) -> None: ...


class ClosingPhaseWriter(PhaseWriter, Protocol):
    def close(self) -> None: ...


class StoreThread:
    """One worker thread that owns its own store connection (SQLite connections stay
    in the thread that made them) and writes phases in the order they were given."""

    def __init__(self, open_store: Callable[[], ClosingPhaseWriter]) -> None:
        self._open = open_store
        self._store: ClosingPhaseWriter | None = None  # made and used on the worker only
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mockinterview-autosave")

    def submit(self, session_id: str, phase: PhaseRecord) -> Future[None]:
        return self._pool.submit(self._save, session_id, phase)

    def _save(self, session_id: str, phase: PhaseRecord) -> None:
        if self._store is None:
            self._store = self._open()
        self._store.save_phase(session_id, phase)

    def close(self) -> None:
        """Wait for the writes still queued, then close the worker's connection."""
        self._pool.submit(self._close_store)
        self._pool.shutdown(wait=True)

    def _close_store(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


class Autosave:
    def __init__(
        self,
        store: PhaseWriter,
        session_id: str,
        live: LivePhase,
        *,
        changed_every: float = CHANGED_EVERY,
        always_every: float = ALWAYS_EVERY,
        time_source: TimeSource = time.monotonic,
        thread: StoreThread | None = None,
    ) -> None:
        self._store = store
        self._session_id = session_id
        self._live = live
        self._changed_every = changed_every
        self._always_every = always_every
        self._now = time_source
        self._thread = thread
        self._last_text = live.notes
        self._last_save = time_source()
        self._in_flight: tuple[str, float, Future[None]] | None = None  # (text, when, the write)
        #: False from a failed save until a save succeeds again.
        self.clean = True

    @property
    def saving(self) -> bool:
        """A background save is under way."""
        return self._in_flight is not None and not self._in_flight[2].done()

    def due(self, text: str) -> bool:
        since = self._now() - self._last_save
        return (text != self._last_text and since >= self._changed_every) or since >= self._always_every

    def save(self, text: str) -> None:
        """Write ``text`` and the phase's time now, and wait (raises what the store raises)."""
        self.close()
        self._start(text)
        self.close(raise_error=True)

    def poll(self, text: str) -> bool:
        """Save if due (and no save is under way); True when a save was made or started.

        Raises what the store raised, for this save or for a background one that failed.
        """
        self._collect()
        if self._in_flight is not None or not self.due(text):
            return False
        self._start(text)
        return True

    def close(self, *, raise_error: bool = False) -> None:
        """Wait for a background save still under way. Its error is raised only with
        ``raise_error``: otherwise the caller saves the phase itself next."""
        if self._in_flight is None:
            return
        self._in_flight[2].exception()  # waits
        if raise_error:
            self._collect()
        self._in_flight = None

    def _start(self, text: str) -> None:
        now = self._now()
        rec = self._live.snapshot(text)
        if self._thread is None:
            try:
                self._store.save_phase(self._session_id, rec)
            except BaseException:
                self.clean = False  # the marks stay: the next poll tries again
                raise
            self._last_text, self._last_save, self.clean = text, now, True
            return
        # A copy: the worker reads it while the phase goes on.
        copy = replace(rec, hints=list(rec.hints))
        self._in_flight = (text, now, self._thread.submit(self._session_id, copy))

    def _collect(self) -> None:
        """Take the outcome of a finished save: move the marks, or raise its error."""
        if self._in_flight is None or not self._in_flight[2].done():
            return
        text, when, future = self._in_flight
        self._in_flight = None
        error = future.exception()
        if error is not None:
            self.clean = False
            raise error
        self._last_text, self._last_save, self.clean = text, when, True
