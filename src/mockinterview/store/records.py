"""Whole sessions as plain records: what ``export`` writes and ``import`` reads back.

A record is the body of one export line (docs/data-format.md) without its
``format``/``version`` envelope::

    {"session": {...}, "phases": [...], "assessments": [...], "estimates": [...]}

Values are kept as stored (times as their ISO text, JSON columns decoded), so an
import followed by an export gives the same text. Every assessment is included, not
only the current one. :func:`insert` trusts its input: ``mockinterview.transfer``
validates a file completely before anything reaches it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from mockinterview.vocab import BAND_IDS, SUMMARY_KEYS

__all__ = ["assessment_scores", "exists", "insert", "read_all"]

_SESSION_FIELDS = (
    "id", "scenario_id", "scenario_title", "level", "focus", "mode", "state", "started_at",
    "ended_at", "updated_at", "planned_minutes", "current_phase", "settings",
)  # fmt: skip
_PHASE_FIELDS = (
    "index", "phase_id", "kind", "title", "planned_seconds", "used_seconds", "extra_seconds",
    "notes", "status", "started_at", "ended_at", "hints", "checklist", "asked",
)  # fmt: skip
_ESTIMATE_FIELDS = ("figure", "label", "unit", "answer", "reference", "grade")


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def assessment_scores(conn: sqlite3.Connection, assessment_ids: Sequence[int]) -> dict[int, dict[str, int]]:
    """Per assessment, its criterion scores in the order they were given."""
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


def read_all(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Every session's record, oldest first (the caller holds one read transaction)."""
    for row in conn.execute("SELECT * FROM sessions ORDER BY started_at, rowid").fetchall():
        yield _record(conn, row)


def _record(conn: sqlite3.Connection, row: sqlite3.Row) -> dict[str, Any]:
    sid = row["id"]
    session = {k: row[k] for k in _SESSION_FIELDS}
    session["settings"] = json.loads(row["settings"])
    # derived from the current assessment; kept for readers, ignored on import
    session["scored_at"] = row["scored_at"]
    for k in SUMMARY_KEYS:
        session[k] = row[k]
    phases = [
        {k: p["idx" if k == "index" else k] for k in _PHASE_FIELDS}
        for p in conn.execute("SELECT * FROM phases WHERE session_id = ? ORDER BY idx", (sid,))
    ]
    for p in phases:
        p["hints"] = json.loads(p["hints"])
        p["asked"] = json.loads(p["asked"])
        p["checklist"] = None if p["checklist"] is None else json.loads(p["checklist"])
    arows = conn.execute("SELECT * FROM assessments WHERE session_id = ? ORDER BY created_at, id", (sid,)).fetchall()
    scores = assessment_scores(conn, [a["id"] for a in arows])
    assessments = [
        {
            "created_at": a["created_at"],
            "source": a["source"],
            "current": bool(a["is_current"]),
            "scores": scores[a["id"]],
            "bands": {b: a[b] for b in BAND_IDS if a[b] is not None},
            "checklist": json.loads(a["checklist"]),
            **{k: a[k] for k in SUMMARY_KEYS},
        }
        for a in arows
    ]
    estimates = [
        {k: e[k] for k in _ESTIMATE_FIELDS}
        for e in conn.execute("SELECT * FROM estimates WHERE session_id = ? ORDER BY position", (sid,))
    ]
    return {"session": session, "phases": phases, "assessments": assessments, "estimates": estimates}


def exists(conn: sqlite3.Connection, session_id: str) -> bool:
    return conn.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone() is not None


def insert(conn: sqlite3.Connection, data: Mapping[str, Any]) -> None:
    """Insert one record (session, phases, every assessment, estimates) inside the caller's transaction."""
    s = data["session"]
    sid = s["id"]
    conn.execute(
        """
        INSERT INTO sessions (id, scenario_id, scenario_title, level, focus, mode, state,
                              started_at, ended_at, updated_at, planned_minutes, current_phase, settings)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        (
            sid, s["scenario_id"], s["scenario_title"], s["level"], s["focus"], s["mode"], s["state"],
            s["started_at"], s.get("ended_at"), s.get("updated_at") or s["started_at"],
            s["planned_minutes"], s["current_phase"], _dump(s["settings"]),
        ),
    )  # fmt: skip
    conn.executemany(
        """
        INSERT INTO phases (session_id, idx, phase_id, kind, title, planned_seconds, used_seconds,
                            extra_seconds, notes, status, started_at, ended_at, hints, checklist, asked)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        [
            (
                sid, p["index"], p["phase_id"], p["kind"], p["title"], p["planned_seconds"],
                p["used_seconds"], p["extra_seconds"], p["notes"], p["status"],
                p.get("started_at"), p.get("ended_at"), _dump(p.get("hints", [])),
                None if p.get("checklist") is None else _dump(p["checklist"]),
                _dump(p.get("asked", [])),
            )
            for p in data["phases"]
        ],
    )  # fmt: skip
    for a in data["assessments"]:
        cur = conn.execute(
            f"""
            INSERT INTO assessments (session_id, created_at, source, is_current, {", ".join(BAND_IDS)},
                                     checklist, score_50, percent_50, label_50, total_100, verdict)
            VALUES (?, ?, ?, ?, {", ".join("?" for _ in BAND_IDS)}, ?, ?, ?, ?, ?, ?)
            """,
            (
                sid, a["created_at"], a["source"], 1 if a["current"] else 0,
                *(a["bands"].get(b) for b in BAND_IDS),
                _dump(a["checklist"]),
                *(a.get(k) for k in SUMMARY_KEYS),
            ),
        )  # fmt: skip
        conn.executemany(
            "INSERT INTO criterion_scores (assessment_id, criterion, score, position) VALUES (?, ?, ?, ?)",
            [(cur.lastrowid, c, v, i) for i, (c, v) in enumerate(a["scores"].items())],
        )
        if a["current"]:
            conn.execute(
                """
                UPDATE sessions SET score_50 = ?, percent_50 = ?, label_50 = ?, total_100 = ?,
                                    verdict = ?, scored_at = ?
                WHERE id = ?
                """,
                (*(a.get(k) for k in SUMMARY_KEYS), a["created_at"], sid),
            )
    conn.executemany(
        """
        INSERT INTO estimates (session_id, figure, label, unit, answer, reference, grade, position)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """,
        [
            (sid, e["figure"], e["label"], e["unit"], e.get("answer"), e["reference"], e.get("grade"), i)
            for i, e in enumerate(data["estimates"])
        ],
    )
