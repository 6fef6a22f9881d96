"""The database schema, as numbered migrations keyed by ``PRAGMA user_version``.

Migration *n* (1-based position in :data:`MIGRATIONS`) takes a file from version n-1
to n. :func:`mockinterview.store.connection.migrate` runs each one in its own
``BEGIN IMMEDIATE`` transaction that also sets ``user_version``. Append only; never
edit or reorder a released migration. A migration runs inside an open transaction and
must not commit (so no ``executescript``, which commits first).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from mockinterview.vocab import BAND_IDS

__all__ = [
    "APPLICATION_ID",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "TABLES",
    "Migration",
    "m001_initial",
    "m002_phase_hints",
    "m003_phase_checklists",
    "m004_phase_asked",
]

#: ``PRAGMA application_id`` of a mockinterview database ("MKIV"): tells our file
#: from any other SQLite file.
APPLICATION_ID = 0x4D4B4956

# The band columns of ``assessments`` are named after ``vocab.BAND_IDS``; a released
# migration must not change when the vocabulary grows, so they are spelled out here
# and checked against it at import (a new band needs a new migration).
_M001_BANDS = ("technical_depth", "system_design", "communication_process")
assert BAND_IDS == _M001_BANDS, "a new band needs a migration that adds its column"

_M001_INITIAL: tuple[str, ...] = (
    f"PRAGMA application_id = {APPLICATION_ID}",
    """
    CREATE TABLE sessions (
        id              TEXT PRIMARY KEY NOT NULL,
        scenario_id     TEXT NOT NULL,
        scenario_title  TEXT NOT NULL,
        level           TEXT NOT NULL,
        focus           TEXT NOT NULL,
        mode            TEXT NOT NULL,
        state           TEXT NOT NULL,
        started_at      TEXT NOT NULL,
        ended_at        TEXT,
        updated_at      TEXT NOT NULL,
        planned_minutes REAL NOT NULL,
        current_phase   INTEGER NOT NULL DEFAULT 0,
        settings        TEXT NOT NULL DEFAULT '{}',
        -- the CURRENT assessment, denormalised; all NULL while unscored
        score_50        INTEGER,
        percent_50      REAL,
        label_50        TEXT,
        total_100       INTEGER,
        verdict         TEXT,
        scored_at       TEXT
    )
    """,
    "CREATE INDEX sessions_by_started ON sessions (started_at)",
    "CREATE INDEX sessions_by_scenario ON sessions (scenario_id, started_at)",
    # latest(unfinished=True) / latest(unscored=True): tiny partial indexes
    "CREATE INDEX sessions_unfinished ON sessions (started_at) WHERE state = 'in_progress'",
    "CREATE INDEX sessions_unscored ON sessions (started_at) WHERE scored_at IS NULL",
    """
    CREATE TABLE phases (
        session_id      TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        idx             INTEGER NOT NULL,
        phase_id        TEXT NOT NULL,
        kind            TEXT NOT NULL,
        title           TEXT NOT NULL,
        planned_seconds REAL NOT NULL,
        used_seconds    REAL NOT NULL DEFAULT 0,
        extra_seconds   REAL NOT NULL DEFAULT 0,
        notes           TEXT NOT NULL DEFAULT '',
        status          TEXT NOT NULL DEFAULT 'pending',
        started_at      TEXT,
        ended_at        TEXT,
        PRIMARY KEY (session_id, idx)
    )
    """,
    """
    CREATE TABLE assessments (
        id                    INTEGER PRIMARY KEY,
        session_id            TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        created_at            TEXT NOT NULL,
        source                TEXT NOT NULL,
        is_current            INTEGER NOT NULL DEFAULT 1 CHECK (is_current IN (0, 1)),
        technical_depth       INTEGER,
        system_design         INTEGER,
        communication_process INTEGER,
        checklist             TEXT NOT NULL DEFAULT '{}',
        score_50              INTEGER,
        percent_50            REAL,
        label_50              TEXT,
        total_100             INTEGER,
        verdict               TEXT
    )
    """,
    "CREATE INDEX assessments_by_session ON assessments (session_id, created_at)",
    # at most one current assessment per session; also the index for joins on current ones
    "CREATE UNIQUE INDEX assessments_current ON assessments (session_id) WHERE is_current = 1",
    """
    CREATE TABLE criterion_scores (
        assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        criterion     TEXT NOT NULL,
        score         INTEGER NOT NULL,
        position      INTEGER NOT NULL,
        PRIMARY KEY (assessment_id, criterion)
    ) WITHOUT ROWID
    """,
    # per-criterion trends: covering index (criterion -> assessment, score)
    "CREATE INDEX criterion_scores_by_criterion ON criterion_scores (criterion, assessment_id, score)",
    """
    CREATE TABLE estimates (
        session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        figure     TEXT NOT NULL,
        label      TEXT NOT NULL,
        unit       TEXT NOT NULL,
        answer     REAL,
        reference  REAL NOT NULL,
        grade      TEXT,
        position   INTEGER NOT NULL,
        PRIMARY KEY (session_id, figure)
    )
    """,
)


def m001_initial(conn: sqlite3.Connection) -> None:
    """Version 1: sessions, phases, assessments, criterion_scores, estimates."""
    for statement in _M001_INITIAL:
        conn.execute(statement)


def m002_phase_hints(conn: sqlite3.Connection) -> None:
    """Version 2: ``phases.hints``, the hints ^G gave in the phase (JSON: a list of
    ``{"at_seconds", "kind", "text"}``, oldest first)."""
    conn.execute("ALTER TABLE phases ADD COLUMN hints TEXT NOT NULL DEFAULT '[]'")


def m003_phase_checklists(conn: sqlite3.Connection) -> None:
    """Version 3: ``phases.checklist``, the coach's checklist of the phase's key points
    (JSON: ``coach.checklist.Checklist.to_dict()``, each point's detected and confirmed
    state and its evidence); NULL when the phase was not checked."""
    conn.execute("ALTER TABLE phases ADD COLUMN checklist TEXT")


def m004_phase_asked(conn: sqlite3.Connection) -> None:
    """Version 4: ``phases.asked``, what the adaptive interviewer said in the phase: key
    points' probes and deeper follow-ups, and curveballs announced (JSON: a list of
    ``{"at_seconds", "kind", "ref", "text"}``, oldest first)."""
    conn.execute("ALTER TABLE phases ADD COLUMN asked TEXT NOT NULL DEFAULT '[]'")


Migration = Callable[[sqlite3.Connection], None]

#: Migration *n* (1-based) takes a file from ``user_version`` n-1 to n.
MIGRATIONS: list[Migration] = [m001_initial, m002_phase_hints, m003_phase_checklists, m004_phase_asked]

SCHEMA_VERSION = len(MIGRATIONS)

#: The tables a file at :data:`SCHEMA_VERSION` has (a missing one means the file is damaged).
TABLES = ("sessions", "phases", "assessments", "criterion_scores", "estimates")
