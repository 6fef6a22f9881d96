"""The session store: every interview, its phases, assessments and estimates, in one SQLite file.

Core module: stdlib ``sqlite3`` only, no terminal libraries.

Design notes
------------
* One file (``paths.database_path()`` unless told otherwise), WAL journal, a 10 s busy
  timeout and foreign keys on. Connections are opened in autocommit mode
  (``isolation_level=None``); every write runs in exactly one explicit
  ``BEGIN IMMEDIATE`` ... ``COMMIT`` transaction (:meth:`Store._write`), rolled back on
  any error, so two processes writing at once serialise instead of losing data.
* The schema is versioned by ``PRAGMA user_version``. :data:`MIGRATIONS` is an ordered
  list; migration *n* brings the file from version *n-1* to *n*, in its own
  transaction that also sets ``user_version``. A file from a newer program, a damaged
  file, or another program's SQLite file is refused and left byte-for-byte untouched.
* Timestamps are stored as ISO-8601 UTC text (:func:`mockinterview.interview.session.iso`) so
  they sort as text. The CURRENT assessment's summary is denormalised onto
  ``sessions`` (``score_50`` ... ``scored_at``) so history and progress listings need no
  join; per-criterion scores live in their own narrow table for aggregate queries.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from mockinterview import paths
from mockinterview.errors import SessionNotFound, StoreError
from mockinterview.interview.session import (
    Assessment,
    EstimateAnswer,
    PhaseRecord,
    Session,
    iso,
    parse_iso,
    utcnow,
)

__all__ = [
    "APPLICATION_ID",
    "BAND_COLUMNS",
    "MIGRATIONS",
    "MIN_PREFIX",
    "SCHEMA_VERSION",
    "HistoryRow",
    "Store",
]

#: ``PRAGMA application_id`` of a mockinterview database ("MKIV"): tells our file
#: from any other SQLite file.
APPLICATION_ID = 0x4D4B4956

#: Band point columns of ``assessments``; mirrors ``rubric.model.BAND_IDS``.
BAND_COLUMNS: tuple[str, ...] = ("technical_depth", "system_design", "communication_process")

#: Shortest id prefix :meth:`Store.get` accepts.
MIN_PREFIX = 3

_SUMMARY_KEYS: tuple[str, ...] = ("score_50", "percent_50", "label_50", "total_100", "verdict")
_LIST_HINT = "mockinterview history lists them"

# --------------------------------------------------------------------------- schema

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


Migration = Callable[[sqlite3.Connection], None]

#: Migration *n* (1-based) takes a file from ``user_version`` n-1 to n. Append only;
#: never edit or reorder a released migration. Each runs inside an open transaction
#: and must not commit (so no ``executescript``, which commits first).
MIGRATIONS: list[Migration] = [m001_initial]

SCHEMA_VERSION = len(MIGRATIONS)

# --------------------------------------------------------------------------- rows


@dataclass(frozen=True)
class HistoryRow:
    """One line of ``mockinterview history``: a session without its phases and notes."""

    id: str
    scenario_id: str
    scenario_title: str
    level: str
    mode: str
    state: str
    started_at: datetime
    planned_minutes: float
    used_minutes: float
    score_50: int | None
    percent_50: float | None
    label_50: str | None
    total_100: int | None
    verdict: str | None

    @property
    def scored(self) -> bool:
        return self.score_50 is not None or self.total_100 is not None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``started_at`` as ISO-8601 UTC text."""
        return {
            "id": self.id,
            "scenario_id": self.scenario_id,
            "scenario_title": self.scenario_title,
            "level": self.level,
            "mode": self.mode,
            "state": self.state,
            "started_at": iso(self.started_at),
            "planned_minutes": self.planned_minutes,
            "used_minutes": self.used_minutes,
            "score_50": self.score_50,
            "percent_50": self.percent_50,
            "label_50": self.label_50,
            "total_100": self.total_100,
            "verdict": self.verdict,
        }


# --------------------------------------------------------------------------- helpers

P = ParamSpec("P")
R = TypeVar("R")


def _translated(fn: Callable[P, R]) -> Callable[P, R]:
    """Turn stray ``sqlite3`` errors of a public method into one-line :class:`StoreError`."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except sqlite3.Error as exc:
            store = args[0]
            assert isinstance(store, Store)
            raise store._store_error(exc) from exc

    return wrapper


def _label(value: Any) -> Any:
    """A label or verdict: accept a ``Threshold``-like object as well as its text."""
    return getattr(value, "label", value)


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _phase_values(phase: PhaseRecord) -> tuple[Any, ...]:
    return (
        phase.notes,
        phase.used_seconds,
        phase.extra_seconds,
        phase.status,
        iso(phase.started_at),
        iso(phase.ended_at),
    )


def _phase_from_row(row: sqlite3.Row) -> PhaseRecord:
    return PhaseRecord(
        index=row["idx"],
        phase_id=row["phase_id"],
        kind=row["kind"],
        title=row["title"],
        planned_seconds=row["planned_seconds"],
        used_seconds=row["used_seconds"],
        extra_seconds=row["extra_seconds"],
        notes=row["notes"],
        status=row["status"],
        started_at=parse_iso(row["started_at"]),
        ended_at=parse_iso(row["ended_at"]),
    )


def _assessment_from_row(row: sqlite3.Row, scores: dict[str, int]) -> Assessment:
    bands = {band: row[band] for band in BAND_COLUMNS if row[band] is not None}
    created = parse_iso(row["created_at"])
    assert created is not None
    return Assessment(
        scores=scores,
        bands=bands,
        checklist=json.loads(row["checklist"]),
        source=row["source"],
        created_at=created,
        id=row["id"],
    )


def _estimate_from_row(row: sqlite3.Row) -> EstimateAnswer:
    return EstimateAnswer(
        figure=row["figure"],
        label=row["label"],
        unit=row["unit"],
        answer=row["answer"],
        reference=row["reference"],
        grade=row["grade"],
    )


def _history_from_row(row: sqlite3.Row) -> HistoryRow:
    started = parse_iso(row["started_at"])
    assert started is not None
    return HistoryRow(
        id=row["id"],
        scenario_id=row["scenario_id"],
        scenario_title=row["scenario_title"],
        level=row["level"],
        mode=row["mode"],
        state=row["state"],
        started_at=started,
        planned_minutes=row["planned_minutes"],
        used_minutes=row["used_minutes"],
        score_50=row["score_50"],
        percent_50=row["percent_50"],
        label_50=row["label_50"],
        total_100=row["total_100"],
        verdict=row["verdict"],
    )


# --------------------------------------------------------------------------- the store


class Store:
    """All saved interviews, in one SQLite file. Use as a context manager, or call :meth:`close`.

    ``Store()`` opens (creating it, and its folder, if need be) the default database;
    ``Store(path)`` another file. Opening migrates an older schema in place; a file
    written by a newer mockinterview, a damaged file or a file that is not a
    mockinterview database raises :class:`StoreError` and is left untouched.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path: Path = Path(path) if path is not None else paths.database_path()
        self._conn: sqlite3.Connection | None = None
        self._conn = self._open()

    # ----------------------------------------------------------------- lifecycle

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    def close(self) -> None:
        """Close the connection (idempotent)."""
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()

    @property
    def conn(self) -> sqlite3.Connection:
        """The open connection (for read-only queries such as progress aggregates)."""
        if self._conn is None:
            raise StoreError(f"the interview store {self.path} is closed")
        return self._conn

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder for {self.path}: {exc.strerror or exc}") from exc
        try:
            conn = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open {self.path}: {exc}") from exc
        try:
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA busy_timeout = 10000")
            # Look before touching anything: these reads never write to the file.
            self._check_identity(conn)
            self._enable_wal(conn)
            conn.execute("PRAGMA synchronous = NORMAL")  # safe with WAL; keeps save_phase cheap
            conn.execute("PRAGMA foreign_keys = ON")
            self._migrate(conn)
        except StoreError:
            conn.close()
            raise
        except sqlite3.OperationalError as exc:  # locked, read-only, disk full, I/O ...
            conn.close()
            raise StoreError(f"cannot open {self.path}: {exc}") from exc
        except sqlite3.DatabaseError as exc:  # not a database / malformed
            conn.close()
            raise self._damaged() from exc
        except BaseException:
            conn.close()
            raise
        return conn

    @staticmethod
    def _enable_wal(conn: sqlite3.Connection, patience: float = 10.0) -> None:
        """Put the file in WAL mode (it stays so: later opens find it set).

        Switching needs a moment with no other connection on the file, and SQLite
        answers "locked" at once instead of waiting (the busy timeout does not apply),
        so a new file opened by several processes together retries for a while.
        """
        import time

        deadline = time.monotonic() + patience
        while True:
            try:
                if str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
                    return
                conn.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.02)

    def _damaged(self) -> StoreError:
        return StoreError(
            f"{self.path} is not a mockinterview database or is damaged; it was left untouched."
            " Move it aside to start afresh.",
            hint=f"for example: mv '{self.path}' '{self.path}.bak'",
        )

    def _check_identity(self, conn: sqlite3.Connection) -> None:
        """Refuse a newer schema or a foreign/damaged file without writing a byte."""
        try:
            # One read transaction: the three readings must come from the same moment, or
            # another process's first migration committing between them looks like a
            # foreign file (tables present, application id not yet).
            with self._transaction(conn, "BEGIN"):
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                app_id = conn.execute("PRAGMA application_id").fetchone()[0]
                objects = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        except sqlite3.OperationalError:
            raise
        except sqlite3.DatabaseError as exc:
            raise self._damaged() from exc
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer mockinterview (database version {version};"
                f" this version knows up to {SCHEMA_VERSION}); it was left untouched.",
                hint="upgrade mockinterview to use it",
            )
        foreign = app_id not in (0, APPLICATION_ID) or (
            app_id == 0 and (version > 0 or objects > 0)
        )
        if foreign:
            raise self._damaged()

    def _migrate(self, conn: sqlite3.Connection) -> None:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        for number, migration in enumerate(MIGRATIONS, start=1):
            if number <= version:
                continue
            with self._transaction(conn):
                # Re-read under the write lock: another process may have migrated meanwhile.
                if conn.execute("PRAGMA user_version").fetchone()[0] >= number:
                    continue
                migration(conn)
                conn.execute(f"PRAGMA user_version = {number:d}")

    @staticmethod
    @contextmanager
    def _transaction(conn: sqlite3.Connection, begin: str = "BEGIN IMMEDIATE") -> Iterator[sqlite3.Connection]:
        conn.execute(begin)
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """The one way to write: a ``BEGIN IMMEDIATE`` transaction, rolled back on error."""
        with self._transaction(self.conn) as conn:
            yield conn

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: several SELECTs see one consistent snapshot."""
        with self._transaction(self.conn, "BEGIN DEFERRED") as conn:
            yield conn

    def _store_error(self, exc: sqlite3.Error) -> StoreError:
        if isinstance(exc, sqlite3.OperationalError):
            return StoreError(f"cannot use the interview store {self.path}: {exc}")
        if isinstance(exc, sqlite3.IntegrityError):
            return StoreError(f"the interview store {self.path} refused a change: {exc}")
        if isinstance(exc, sqlite3.DatabaseError):
            return self._damaged()
        return StoreError(f"the interview store {self.path} failed: {exc}")

    @staticmethod
    def _require(conn: sqlite3.Connection, session_id: str) -> None:
        if conn.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone() is None:
            raise SessionNotFound(f"no interview '{session_id}'", hint=_LIST_HINT)

    # ----------------------------------------------------------------- writes

    @_translated
    def create(self, session: Session) -> None:
        """Insert a new session and its phases.

        ``updated_at`` is kept if set (imports), else set to now; either way it is
        written back onto ``session``.
        """
        updated = session.updated_at or utcnow()
        try:
            with self._write() as conn:
                conn.execute(
                    """
                    INSERT INTO sessions (id, scenario_id, scenario_title, level, focus, mode, state,
                                          started_at, ended_at, updated_at, planned_minutes,
                                          current_phase, settings)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    (
                        session.id,
                        session.scenario_id,
                        session.scenario_title,
                        session.level,
                        session.focus,
                        session.mode,
                        session.state,
                        iso(session.started_at),
                        iso(session.ended_at),
                        iso(updated),
                        session.planned_minutes,
                        session.current_phase,
                        _dump(session.settings),
                    ),
                )
                self._insert_phases(conn, session.id, session.phases)
        except sqlite3.IntegrityError as exc:
            if "sessions.id" in str(exc):
                raise StoreError(f"an interview with id '{session.id}' already exists") from exc
            raise
        session.updated_at = updated

    @staticmethod
    def _insert_phases(conn: sqlite3.Connection, session_id: str, phases: Sequence[PhaseRecord]) -> None:
        conn.executemany(
            """
            INSERT INTO phases (session_id, idx, phase_id, kind, title, planned_seconds,
                                notes, used_seconds, extra_seconds, status, started_at, ended_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (session_id, idx) DO UPDATE SET
                phase_id = excluded.phase_id, kind = excluded.kind, title = excluded.title,
                planned_seconds = excluded.planned_seconds, notes = excluded.notes,
                used_seconds = excluded.used_seconds, extra_seconds = excluded.extra_seconds,
                status = excluded.status, started_at = excluded.started_at,
                ended_at = excluded.ended_at
            """,
            [
                (session_id, p.index, p.phase_id, p.kind, p.title, p.planned_seconds, *_phase_values(p))
                for p in phases
            ],
        )

    @_translated
    def save_phase(self, session_id: str, phase: PhaseRecord) -> None:
        """Save one phase's notes, used/extra seconds, status and times; bump ``updated_at``.

        Called every few seconds while the user types: one small transaction, two
        single-row updates by primary key.
        """
        with self._write() as conn:
            cur = conn.execute(
                """
                UPDATE phases SET notes = ?, used_seconds = ?, extra_seconds = ?, status = ?,
                                  started_at = ?, ended_at = ?
                WHERE session_id = ? AND idx = ?
                """,
                (*_phase_values(phase), session_id, phase.index),
            )
            if cur.rowcount == 0:
                self._require(conn, session_id)
                raise StoreError(f"interview '{session_id}' has no phase {phase.index}")
            conn.execute("UPDATE sessions SET updated_at = ? WHERE id = ?", (iso(utcnow()), session_id))

    @_translated
    def update_session(self, session: Session) -> None:
        """Save state, ended_at, current_phase, settings, planned_minutes and every phase.

        Sets ``session.updated_at`` to now.
        """
        updated = utcnow()
        with self._write() as conn:
            cur = conn.execute(
                """
                UPDATE sessions SET state = ?, ended_at = ?, current_phase = ?, settings = ?,
                                    planned_minutes = ?, updated_at = ?
                WHERE id = ?
                """,
                (
                    session.state,
                    iso(session.ended_at),
                    session.current_phase,
                    _dump(session.settings),
                    session.planned_minutes,
                    iso(updated),
                    session.id,
                ),
            )
            if cur.rowcount == 0:
                raise SessionNotFound(f"no interview '{session.id}'", hint=_LIST_HINT)
            self._insert_phases(conn, session.id, session.phases)
            conn.execute(
                "DELETE FROM phases WHERE session_id = ? AND idx >= ?",
                (session.id, len(session.phases)),
            )
        session.updated_at = updated

    @_translated
    def add_assessment(self, session_id: str, assessment: Assessment, *, summary: Mapping[str, Any]) -> int:
        """Add an assessment and make it the current one; return its id.

        Earlier assessments of the session stay (history) but are no longer current.
        ``summary`` (keys ``score_50``, ``percent_50``, ``label_50``, ``total_100``,
        ``verdict``, e.g. ``scoring.Result.to_dict()``) is stored with the assessment
        and copied onto the session's listing columns. All in one transaction.
        """
        missing = [k for k in _SUMMARY_KEYS if k not in summary]
        if missing:
            raise ValueError(f"assessment summary lacks {', '.join(missing)}")
        unknown = sorted(set(assessment.bands) - set(BAND_COLUMNS))
        if unknown:
            raise StoreError(f"unknown band(s) {', '.join(unknown)} (bands: {', '.join(BAND_COLUMNS)})")
        s50, p50, total = summary["score_50"], summary["percent_50"], summary["total_100"]
        label, verdict = _label(summary["label_50"]), _label(summary["verdict"])
        created = iso(assessment.created_at)
        with self._write() as conn:
            self._require(conn, session_id)
            conn.execute(
                "UPDATE assessments SET is_current = 0 WHERE session_id = ? AND is_current = 1",
                (session_id,),
            )
            cur = conn.execute(
                f"""
                INSERT INTO assessments (session_id, created_at, source, is_current,
                                         {", ".join(BAND_COLUMNS)}, checklist,
                                         score_50, percent_50, label_50, total_100, verdict)
                VALUES (?, ?, ?, 1, {", ".join("?" for _ in BAND_COLUMNS)}, ?, ?, ?, ?, ?, ?)
                """,
                (
                    session_id,
                    created,
                    assessment.source,
                    *(assessment.bands.get(b) for b in BAND_COLUMNS),
                    _dump(assessment.checklist),
                    s50,
                    p50,
                    label,
                    total,
                    verdict,
                ),
            )
            new_id = cur.lastrowid
            assert new_id is not None
            conn.executemany(
                "INSERT INTO criterion_scores (assessment_id, criterion, score, position) VALUES (?, ?, ?, ?)",
                [(new_id, c, s, i) for i, (c, s) in enumerate(assessment.scores.items())],
            )
            conn.execute(
                """
                UPDATE sessions SET score_50 = ?, percent_50 = ?, label_50 = ?, total_100 = ?,
                                    verdict = ?, scored_at = ?, updated_at = ?
                WHERE id = ?
                """,
                (s50, p50, label, total, verdict, created, iso(utcnow()), session_id),
            )
        return new_id

    @_translated
    def save_estimates(self, session_id: str, answers: Sequence[EstimateAnswer]) -> None:
        """Replace the session's estimates with ``answers`` (order kept)."""
        with self._write() as conn:
            self._require(conn, session_id)
            conn.execute("DELETE FROM estimates WHERE session_id = ?", (session_id,))
            conn.executemany(
                """
                INSERT INTO estimates (session_id, figure, label, unit, answer, reference, grade, position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    (session_id, a.figure, a.label, a.unit, a.answer, a.reference, a.grade, i)
                    for i, a in enumerate(answers)
                ],
            )
            conn.execute("UPDATE sessions SET updated_at = ? WHERE id = ?", (iso(utcnow()), session_id))

    @_translated
    def delete(self, session_id: str) -> None:
        """Delete a session and everything under it (phases, assessments, scores, estimates)."""
        with self._write() as conn:
            cur = conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,))
            if cur.rowcount == 0:
                raise SessionNotFound(f"no interview '{session_id}'", hint=_LIST_HINT)

    # ----------------------------------------------------------------- reads

    def _resolve(self, conn: sqlite3.Connection, text: str) -> str:
        key = text.strip()
        if key and conn.execute("SELECT 1 FROM sessions WHERE id = ?", (key,)).fetchone():
            return key
        if len(key) < MIN_PREFIX:
            raise SessionNotFound(
                f"no interview '{text}'",
                hint=f"give at least {MIN_PREFIX} characters of the id; {_LIST_HINT}",
            )
        # Prefix match as an index range scan (no LIKE/GLOB escaping issues).
        rows = conn.execute(
            "SELECT id FROM sessions WHERE id >= ? AND id < ? ORDER BY id LIMIT 11",
            (key, key + "\U0010ffff"),
        ).fetchall()
        if not rows:
            raise SessionNotFound(f"no interview '{text}'", hint=_LIST_HINT)
        if len(rows) > 1:
            ids = [r["id"] for r in rows[:10]]
            more = ", ..." if len(rows) > 10 else ""
            raise SessionNotFound(
                f"'{key}' matches several interviews: {', '.join(ids)}{more}",
                hint="give more characters of the id",
            )
        return str(rows[0]["id"])

    def _scores(self, conn: sqlite3.Connection, assessment_ids: Sequence[int]) -> dict[int, dict[str, int]]:
        out: dict[int, dict[str, int]] = {a: {} for a in assessment_ids}
        if not assessment_ids:
            return out
        marks = ", ".join("?" for _ in assessment_ids)
        for row in conn.execute(
            f"SELECT assessment_id, criterion, score FROM criterion_scores"
            f" WHERE assessment_id IN ({marks}) ORDER BY assessment_id, position",
            tuple(assessment_ids),
        ):
            out[row["assessment_id"]][row["criterion"]] = row["score"]
        return out

    def _load(self, conn: sqlite3.Connection, session_id: str) -> Session | None:
        row = conn.execute("SELECT * FROM sessions WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            return None
        phases = [
            _phase_from_row(r)
            for r in conn.execute("SELECT * FROM phases WHERE session_id = ? ORDER BY idx", (session_id,))
        ]
        assessment = None
        arow = conn.execute(
            "SELECT * FROM assessments WHERE session_id = ? AND is_current = 1", (session_id,)
        ).fetchone()
        if arow is not None:
            assessment = _assessment_from_row(arow, self._scores(conn, [arow["id"]])[arow["id"]])
        estimates = [
            _estimate_from_row(r)
            for r in conn.execute(
                "SELECT * FROM estimates WHERE session_id = ? ORDER BY position", (session_id,)
            )
        ]
        started = parse_iso(row["started_at"])
        assert started is not None
        return Session(
            id=row["id"],
            scenario_id=row["scenario_id"],
            scenario_title=row["scenario_title"],
            level=row["level"],
            focus=row["focus"],
            mode=row["mode"],
            state=row["state"],
            started_at=started,
            planned_minutes=row["planned_minutes"],
            phases=phases,
            settings=json.loads(row["settings"]),
            ended_at=parse_iso(row["ended_at"]),
            current_phase=row["current_phase"],
            assessment=assessment,
            estimates=estimates,
            updated_at=parse_iso(row["updated_at"]),
        )

    @_translated
    def get(self, session_id_or_prefix: str) -> Session:
        """The full session (phases, current assessment, estimates) by id or unique prefix.

        A prefix needs at least :data:`MIN_PREFIX` characters. Raises
        :class:`SessionNotFound` for an unknown id, a too-short or an ambiguous prefix
        (listing the matches).
        """
        with self._read() as conn:
            session = self._load(conn, self._resolve(conn, session_id_or_prefix))
        assert session is not None
        return session

    @_translated
    def resolve(self, session_id_or_prefix: str) -> str:
        """The full id for an id or unique prefix (same rules and errors as :meth:`get`)."""
        with self._read() as conn:
            return self._resolve(conn, session_id_or_prefix)

    @_translated
    def assessments(self, session_id: str) -> list[Assessment]:
        """Every assessment of a session, oldest first (the last one is the current one)."""
        with self._read() as conn:
            self._require(conn, session_id)
            rows = conn.execute(
                "SELECT * FROM assessments WHERE session_id = ? ORDER BY created_at, id", (session_id,)
            ).fetchall()
            scores = self._scores(conn, [r["id"] for r in rows])
        return [_assessment_from_row(r, scores[r["id"]]) for r in rows]

    @_translated
    def latest(self, *, unscored: bool = False, unfinished: bool = False) -> Session | None:
        """The newest session by ``started_at``, optionally only unscored and/or unfinished ones."""
        where: list[str] = []
        if unscored:
            where.append("scored_at IS NULL")
        if unfinished:
            where.append("state = 'in_progress'")
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        with self._read() as conn:
            row = conn.execute(
                f"SELECT id FROM sessions {clause} ORDER BY started_at DESC, rowid DESC LIMIT 1"
            ).fetchone()
            return self._load(conn, row["id"]) if row else None

    @_translated
    def history(
        self, *, scenario: str | None = None, limit: int | None = 20, offset: int = 0
    ) -> list[HistoryRow]:
        """Sessions newest first, one SQL query with LIMIT/OFFSET; ``limit=None`` for all."""
        if (limit is not None and limit < 0) or offset < 0:
            raise ValueError("limit and offset must not be negative")
        clause, params = ("WHERE s.scenario_id = ?", [scenario]) if scenario is not None else ("", [])
        sql = f"""
            SELECT s.id, s.scenario_id, s.scenario_title, s.level, s.mode, s.state, s.started_at,
                   s.planned_minutes,
                   COALESCE((SELECT SUM(p.used_seconds) FROM phases AS p WHERE p.session_id = s.id), 0)
                       / 60.0 AS used_minutes,
                   s.score_50, s.percent_50, s.label_50, s.total_100, s.verdict
            FROM sessions AS s
            {clause}
            ORDER BY s.started_at DESC, s.rowid DESC
            LIMIT ? OFFSET ?
        """
        rows = self.conn.execute(sql, (*params, -1 if limit is None else limit, offset)).fetchall()
        return [_history_from_row(r) for r in rows]

    @_translated
    def count(self, *, scenario: str | None = None) -> int:
        """How many sessions there are (of one scenario, if given)."""
        if scenario is None:
            row = self.conn.execute("SELECT count(*) FROM sessions").fetchone()
        else:
            row = self.conn.execute("SELECT count(*) FROM sessions WHERE scenario_id = ?", (scenario,)).fetchone()
        return int(row[0])

    def iter_sessions(self) -> Iterator[Session]:
        """Every session, oldest first, loaded one at a time (for export).

        Sessions deleted while iterating are skipped.
        """
        try:
            with closing(self.conn.execute("SELECT id FROM sessions ORDER BY started_at, rowid")) as cur:
                ids = [r["id"] for r in cur]
        except sqlite3.Error as exc:
            raise self._store_error(exc) from exc
        for session_id in ids:
            try:
                with self._read() as conn:
                    session = self._load(conn, session_id)
            except sqlite3.Error as exc:
                raise self._store_error(exc) from exc
            if session is not None:
                yield session
