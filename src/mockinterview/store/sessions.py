"""The :class:`Store`: saved interviews, their phases, assessments and estimates.

Timestamps are stored as ISO-8601 UTC text (:func:`mockinterview.dates.iso`) so they
sort as text. The CURRENT assessment's summary is denormalised onto ``sessions``
(``score_50`` ... ``scored_at``) so history and progress listings need no join;
per-criterion scores live in their own narrow table for aggregate queries.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from mockinterview import paths
from mockinterview.dates import iso, iso_or_none, parse_iso, parse_iso_or_none, utcnow
from mockinterview.errors import SessionNotFound, StoreError
from mockinterview.interview.session import Assessment, EstimateAnswer, PhaseRecord, Session
from mockinterview.store.connection import Database
from mockinterview.store.progress_queries import ProgressQueries
from mockinterview.store.records import assessment_scores, read_all
from mockinterview.store.records import exists as record_exists
from mockinterview.store.records import insert as insert_record
from mockinterview.store.rows import (
    HistoryRow,
    assessment_from_row,
    dump,
    estimate_from_row,
    history_from_row,
    label_text,
    phase_from_row,
    phase_values,
)
from mockinterview.vocab import BAND_IDS, SUMMARY_KEYS

__all__ = ["MIN_PREFIX", "ImportCounts", "Store"]

#: Shortest id prefix :meth:`Store.get` accepts.
MIN_PREFIX = 3

_LIST_HINT = "mockinterview history lists them"


@dataclass(frozen=True)
class ImportCounts:
    """What :meth:`Store.import_records` did: ids added, and ids skipped as already present."""

    imported: list[str]
    skipped: list[str]


class Store:
    """All saved interviews, in one SQLite file. Use as a context manager, or call :meth:`close`.

    ``Store()`` opens (creating it, and its folder, if need be) the default database;
    ``Store(path)`` another file. Opening migrates an older schema in place; a file
    written by a newer mockinterview, a damaged file or a file that is not a
    mockinterview database raises :class:`StoreError` and is left untouched. A file
    or folder that may not be written is opened read-only: reads work, and writes
    raise :class:`StoreError` saying why.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path: Path = Path(path) if path is not None else paths.database_path()
        self._db = Database(self.path)
        #: The aggregate queries behind ``progress`` and ``next``.
        self.progress = ProgressQueries(self._db)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    def close(self) -> None:
        """Close the connection (idempotent)."""
        self._db.close()

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Every read inside sees the same moment of the file (one read transaction)."""
        with self._db.read():
            yield

    # ----------------------------------------------------------------- writes

    def create(self, session: Session) -> None:
        """Insert a new session, its phases and its estimates (if it has any), in one transaction.

        ``updated_at`` is kept if set (imports), else set to now; either way it is
        written back onto ``session``.
        """
        updated = session.updated_at or utcnow()
        with self._db.write() as conn:
            self._insert_session(conn, session, updated)
        session.updated_at = updated

    def save_phase(self, session_id: str, phase: PhaseRecord) -> None:
        """Save one phase's notes, used/extra seconds, status, times, hints, checklist and what was
        asked; bump ``updated_at``.

        Called every few seconds while the user types: one small transaction, two
        single-row updates by primary key.
        """
        with self._db.write() as conn:
            cur = conn.execute(
                """
                UPDATE phases SET notes = ?, used_seconds = ?, extra_seconds = ?, status = ?,
                                  started_at = ?, ended_at = ?, hints = ?, checklist = ?, asked = ?
                WHERE session_id = ? AND idx = ?
                """,
                (*phase_values(phase), session_id, phase.index),
            )
            if cur.rowcount == 0:
                _require(conn, session_id)
                raise StoreError(f"interview '{session_id}' has no phase {phase.index}")
            conn.execute("UPDATE sessions SET updated_at = ? WHERE id = ?", (iso(utcnow()), session_id))

    def update_session(self, session: Session) -> None:
        """Save state, ended_at, current_phase, settings, planned_minutes and every phase.

        Sets ``session.updated_at`` to now.
        """
        updated = utcnow()
        with self._db.write() as conn:
            _update_session(conn, session, updated)
        session.updated_at = updated

    def add_assessment(self, session_id: str, assessment: Assessment, *, summary: Mapping[str, Any]) -> int:
        """Add an assessment and make it the current one; return its id.

        Earlier assessments of the session stay (history) but are no longer current.
        ``summary`` (keys ``vocab.SUMMARY_KEYS``, e.g. from ``scoring.Result.to_dict()``)
        is stored with the assessment and copied onto the session's listing columns.
        All in one transaction.
        """
        _check_assessment(assessment, summary)
        with self._db.write() as conn:
            _require(conn, session_id)
            return _insert_assessment(conn, session_id, assessment, summary)

    def save_score(
        self, session: Session, assessment: Assessment, *, summary: Mapping[str, Any], create: bool = False
    ) -> None:
        """Make ``assessment`` the session's current one and save the session, in ONE transaction.

        With ``create`` the session is inserted first (``score SCENARIO``: practice done
        elsewhere, recorded and scored at once), so a failure leaves nothing behind.
        Sets ``session.assessment`` (with its new id) and ``session.updated_at``.
        """
        _check_assessment(assessment, summary)
        updated = utcnow()
        with self._db.write() as conn:
            if create:
                self._insert_session(conn, session, updated)
            else:
                _require(conn, session.id)
            new_id = _insert_assessment(conn, session.id, assessment, summary)
            _update_session(conn, session, updated)
        session.assessment = replace(assessment, id=new_id)
        session.updated_at = updated

    def save_estimates(self, session_id: str, answers: Sequence[EstimateAnswer]) -> None:
        """Replace the session's estimates with ``answers`` (order kept)."""
        with self._db.write() as conn:
            _require(conn, session_id)
            conn.execute("DELETE FROM estimates WHERE session_id = ?", (session_id,))
            _insert_estimates(conn, session_id, answers)
            conn.execute("UPDATE sessions SET updated_at = ? WHERE id = ?", (iso(utcnow()), session_id))

    def delete(self, session_id: str) -> None:
        """Delete a session and everything under it (phases, assessments, scores, estimates)."""
        with self._db.write() as conn:
            cur = conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,))
            if cur.rowcount == 0:
                raise SessionNotFound(f"no interview '{session_id}'", hint=_LIST_HINT)

    def _insert_session(self, conn: sqlite3.Connection, session: Session, updated: datetime) -> None:
        try:
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
                    iso_or_none(session.ended_at),
                    iso(updated),
                    session.planned_minutes,
                    session.current_phase,
                    dump(session.settings),
                ),
            )
        except sqlite3.IntegrityError as exc:
            if "sessions.id" in str(exc):
                raise StoreError(f"an interview with id '{session.id}' already exists; {self._db.not_saved()}") from exc
            raise
        _insert_phases(conn, session.id, session.phases)
        _insert_estimates(conn, session.id, session.estimates)

    # ----------------------------------------------------------------- reads

    def get(self, session_id_or_prefix: str) -> Session:
        """The full session (phases, current assessment, estimates) by id or unique prefix.

        A prefix needs at least :data:`MIN_PREFIX` characters. Raises
        :class:`SessionNotFound` for an unknown id, a too-short or an ambiguous prefix
        (listing the matches).
        """
        with self._db.read() as conn:
            session = _load(conn, _resolve(conn, session_id_or_prefix))
        assert session is not None
        return session

    def latest(self, *, unscored: bool = False, unfinished: bool = False) -> Session | None:
        """The newest session by ``started_at``, optionally only unscored and/or unfinished ones."""
        where: list[str] = []
        if unscored:
            where.append("scored_at IS NULL")
        if unfinished:
            where.append("state = 'in_progress'")
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        with self._db.read() as conn:
            row = conn.execute(
                f"SELECT id FROM sessions {clause} ORDER BY started_at DESC, rowid DESC LIMIT 1"
            ).fetchone()
            return _load(conn, row["id"]) if row else None

    def history(self, *, scenario: str | None = None, limit: int | None = 20, offset: int = 0) -> list[HistoryRow]:
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
        with self._db.read(snapshot=False) as conn:
            rows = conn.execute(sql, (*params, -1 if limit is None else limit, offset)).fetchall()
        return [history_from_row(r) for r in rows]

    def count(self, *, scenario: str | None = None) -> int:
        """How many sessions there are (of one scenario, if given)."""
        with self._db.read(snapshot=False) as conn:
            if scenario is None:
                row = conn.execute("SELECT count(*) FROM sessions").fetchone()
            else:
                row = conn.execute("SELECT count(*) FROM sessions WHERE scenario_id = ?", (scenario,)).fetchone()
        return int(row[0])

    # ----------------------------------------------------------------- export / import

    def records(self) -> Iterator[dict[str, Any]]:
        """Every session as a plain record (see :mod:`.records`), oldest first, from one snapshot."""
        with self._db.read() as conn:
            yield from read_all(conn)

    def import_records(self, items: Iterable[Mapping[str, Any]]) -> ImportCounts:
        """Insert every record whose session id is not in the store yet, all in ONE transaction.

        Any failure rolls the whole import back: the store is as it was.
        """
        imported: list[str] = []
        skipped: list[str] = []
        with self._db.write() as conn:
            for item in items:
                sid = str(item["session"]["id"])
                if record_exists(conn, sid):
                    skipped.append(sid)
                    continue
                insert_record(conn, item)
                imported.append(sid)
        return ImportCounts(imported, skipped)


# --------------------------------------------------------------------------- statements


def _require(conn: sqlite3.Connection, session_id: str) -> None:
    if conn.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone() is None:
        raise SessionNotFound(f"no interview '{session_id}'", hint=_LIST_HINT)


def _insert_phases(conn: sqlite3.Connection, session_id: str, phases: Sequence[PhaseRecord]) -> None:
    conn.executemany(
        """
        INSERT INTO phases (session_id, idx, phase_id, kind, title, planned_seconds,
                            notes, used_seconds, extra_seconds, status, started_at, ended_at, hints,
                            checklist, asked)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (session_id, idx) DO UPDATE SET
            phase_id = excluded.phase_id, kind = excluded.kind, title = excluded.title,
            planned_seconds = excluded.planned_seconds, notes = excluded.notes,
            used_seconds = excluded.used_seconds, extra_seconds = excluded.extra_seconds,
            status = excluded.status, started_at = excluded.started_at,
            ended_at = excluded.ended_at, hints = excluded.hints, checklist = excluded.checklist,
            asked = excluded.asked
        """,
        [(session_id, p.index, p.phase_id, p.kind, p.title, p.planned_seconds, *phase_values(p)) for p in phases],
    )


def _insert_estimates(conn: sqlite3.Connection, session_id: str, answers: Sequence[EstimateAnswer]) -> None:
    conn.executemany(
        """
        INSERT INTO estimates (session_id, figure, label, unit, answer, reference, grade, position)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """,
        [(session_id, a.figure, a.label, a.unit, a.answer, a.reference, a.grade, i) for i, a in enumerate(answers)],
    )


def _update_session(conn: sqlite3.Connection, session: Session, updated: datetime) -> None:
    cur = conn.execute(
        """
        UPDATE sessions SET state = ?, ended_at = ?, current_phase = ?, settings = ?,
                            planned_minutes = ?, updated_at = ?
        WHERE id = ?
        """,
        (
            session.state,
            iso_or_none(session.ended_at),
            session.current_phase,
            dump(session.settings),
            session.planned_minutes,
            iso(updated),
            session.id,
        ),
    )
    if cur.rowcount == 0:
        raise SessionNotFound(f"no interview '{session.id}'", hint=_LIST_HINT)
    _insert_phases(conn, session.id, session.phases)
    conn.execute("DELETE FROM phases WHERE session_id = ? AND idx >= ?", (session.id, len(session.phases)))


def _check_assessment(assessment: Assessment, summary: Mapping[str, Any]) -> None:
    missing = [k for k in SUMMARY_KEYS if k not in summary]
    if missing:
        raise ValueError(f"assessment summary lacks {', '.join(missing)}")
    unknown = sorted(set(assessment.bands) - set(BAND_IDS))
    if unknown:
        raise StoreError(f"unknown band(s) {', '.join(unknown)} (bands: {', '.join(BAND_IDS)})")


def _insert_assessment(
    conn: sqlite3.Connection, session_id: str, assessment: Assessment, summary: Mapping[str, Any]
) -> int:
    """The new current assessment of ``session_id`` (checked by :func:`_check_assessment`)."""
    s50, p50, total = summary["score_50"], summary["percent_50"], summary["total_100"]
    label, verdict = label_text(summary["label_50"]), label_text(summary["verdict"])
    created = iso(assessment.created_at)
    conn.execute("UPDATE assessments SET is_current = 0 WHERE session_id = ? AND is_current = 1", (session_id,))
    cur = conn.execute(
        f"""
        INSERT INTO assessments (session_id, created_at, source, is_current, {", ".join(BAND_IDS)}, checklist,
                                 score_50, percent_50, label_50, total_100, verdict)
        VALUES (?, ?, ?, 1, {", ".join("?" for _ in BAND_IDS)}, ?, ?, ?, ?, ?, ?)
        """,
        (
            session_id,
            created,
            assessment.source,
            *(assessment.bands.get(b) for b in BAND_IDS),
            dump(assessment.checklist),
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


def _resolve(conn: sqlite3.Connection, text: str) -> str:
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


def _load(conn: sqlite3.Connection, session_id: str) -> Session | None:
    row = conn.execute("SELECT * FROM sessions WHERE id = ?", (session_id,)).fetchone()
    if row is None:
        return None
    phases = [
        phase_from_row(r) for r in conn.execute("SELECT * FROM phases WHERE session_id = ? ORDER BY idx", (session_id,))
    ]
    assessment = None
    arow = conn.execute("SELECT * FROM assessments WHERE session_id = ? AND is_current = 1", (session_id,)).fetchone()
    if arow is not None:
        assessment = assessment_from_row(arow, assessment_scores(conn, [arow["id"]])[arow["id"]])
    estimates = [
        estimate_from_row(r)
        for r in conn.execute("SELECT * FROM estimates WHERE session_id = ? ORDER BY position", (session_id,))
    ]
    return Session(
        id=row["id"],
        scenario_id=row["scenario_id"],
        scenario_title=row["scenario_title"],
        level=row["level"],
        focus=row["focus"],
        mode=row["mode"],
        state=row["state"],
        started_at=parse_iso(row["started_at"]),
        planned_minutes=row["planned_minutes"],
        phases=phases,
        settings=json.loads(row["settings"]),
        ended_at=parse_iso_or_none(row["ended_at"]),
        current_phase=row["current_phase"],
        assessment=assessment,
        estimates=estimates,
        updated_at=parse_iso_or_none(row["updated_at"]),
    )
