"""Saving the notes while the candidate types: when a save is due, and what it writes.

A save is due every ``CHANGED_EVERY`` seconds while the text changes, and at least
every ``ALWAYS_EVERY`` seconds for the clock. It writes the phase's notes and time
(:meth:`LivePhase.snapshot`) with one small store call. When the store raises, the
marks stay where they were, so the next poll tries again; the caller decides what
to show.
"""

from __future__ import annotations

import time
from typing import Protocol

from mockinterview.interview.clock import TimeSource
from mockinterview.interview.phase import LivePhase
from mockinterview.interview.session import PhaseRecord

CHANGED_EVERY = 3.0  # seconds between saves while the text changes
ALWAYS_EVERY = 10.0  # and at least this often, for the clock


class PhaseWriter(Protocol):
    """The one store call autosave needs (``Store`` has it)."""

    def save_phase(self, session_id: str, phase: PhaseRecord) -> None: ...


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
    ) -> None:
        self._store = store
        self._session_id = session_id
        self._live = live
        self._changed_every = changed_every
        self._always_every = always_every
        self._now = time_source
        self._last_text = live.notes
        self._last_save = time_source()

    def due(self, text: str) -> bool:
        since = self._now() - self._last_save
        return (text != self._last_text and since >= self._changed_every) or since >= self._always_every

    def save(self, text: str) -> None:
        """Write ``text`` and the phase's time now (raises what the store raises)."""
        self._store.save_phase(self._session_id, self._live.snapshot(text))
        self._last_text, self._last_save = text, self._now()

    def poll(self, text: str) -> bool:
        """Save if due; returns True when it saved."""
        if not self.due(text):
            return False
        self.save(text)
        return True
