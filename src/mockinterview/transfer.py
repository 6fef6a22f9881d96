"""Export and import every interview as JSON lines: the user owns the data.

Core module: stdlib only, no terminal libraries. The format is documented in
docs/data-format.md: one JSON object per line and per session, each carrying
``"format": "mockinterview-session"`` and ``"version": 1``, with the session, its
phases (notes and timings), *every* assessment (not only the current one) with its
scores, bands, checklist and summary, and its estimates.

Import is all or nothing: every line is validated first (a problem is reported with
its line number and field), then all new sessions are written in one ``BEGIN
IMMEDIATE`` transaction. Sessions whose id is already in the store are skipped and
counted, so importing the same file twice adds nothing.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from mockinterview.errors import MockInterviewError, StoreError
from mockinterview.store import BAND_COLUMNS, Store

__all__ = [
    "FORMAT",
    "VERSION",
    "ExportResult",
    "ImportFileError",
    "ImportResult",
    "export",
    "export_lines",
    "import_file",
    "parse",
    "records",
]

FORMAT = "mockinterview-session"
VERSION = 1

LEVELS = ("entry", "mid", "senior")
MODES = ("timed", "manual")
STATES = ("in_progress", "finished")
PHASE_STATUSES = ("pending", "active", "done")
MAX_PROBLEMS = 10

_IDENT = re.compile(r"^[a-z_][a-z0-9_]*$")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")

_SESSION_FIELDS = (
    "id", "scenario_id", "scenario_title", "level", "focus", "mode", "state", "started_at",
    "ended_at", "updated_at", "planned_minutes", "current_phase", "settings",
)
_SUMMARY_FIELDS = ("score_50", "percent_50", "label_50", "total_100", "verdict")
_PHASE_FIELDS = (
    "index", "phase_id", "kind", "title", "planned_seconds", "used_seconds", "extra_seconds",
    "notes", "status", "started_at", "ended_at",
)
_ESTIMATE_FIELDS = ("figure", "label", "unit", "answer", "reference", "grade")


class ImportFileError(MockInterviewError):
    """An import file that cannot be imported; nothing was written."""


# --------------------------------------------------------------------------- export


def _session_record(conn: sqlite3.Connection, row: sqlite3.Row) -> dict[str, Any]:
    sid = row["id"]
    session = {k: row[k] for k in _SESSION_FIELDS}
    session["settings"] = json.loads(row["settings"])
    # derived from the current assessment; kept for readers, ignored on import
    session["scored_at"] = row["scored_at"]
    for k in _SUMMARY_FIELDS:
        session[k] = row[k]
    phases = [
        {
            "index": p["idx"],
            "phase_id": p["phase_id"],
            "kind": p["kind"],
            "title": p["title"],
            "planned_seconds": p["planned_seconds"],
            "used_seconds": p["used_seconds"],
            "extra_seconds": p["extra_seconds"],
            "notes": p["notes"],
            "status": p["status"],
            "started_at": p["started_at"],
            "ended_at": p["ended_at"],
        }
        for p in conn.execute("SELECT * FROM phases WHERE session_id = ? ORDER BY idx", (sid,))
    ]
    arows = conn.execute(
        "SELECT * FROM assessments WHERE session_id = ? ORDER BY created_at, id", (sid,)
    ).fetchall()
    scores: dict[int, dict[str, int]] = {a["id"]: {} for a in arows}
    if arows:
        marks = ", ".join("?" for _ in arows)
        for c in conn.execute(
            f"SELECT assessment_id, criterion, score FROM criterion_scores WHERE assessment_id IN ({marks})"
            " ORDER BY assessment_id, position",
            [a["id"] for a in arows],
        ):
            scores[c["assessment_id"]][c["criterion"]] = c["score"]
    assessments = [
        {
            "created_at": a["created_at"],
            "source": a["source"],
            "current": bool(a["is_current"]),
            "scores": scores[a["id"]],
            "bands": {b: a[b] for b in BAND_COLUMNS if a[b] is not None},
            "checklist": json.loads(a["checklist"]),
            **{k: a[k] for k in _SUMMARY_FIELDS},
        }
        for a in arows
    ]
    estimates = [
        {k: e[k] for k in _ESTIMATE_FIELDS}
        for e in conn.execute("SELECT * FROM estimates WHERE session_id = ? ORDER BY position", (sid,))
    ]
    return {
        "format": FORMAT,
        "version": VERSION,
        "session": session,
        "phases": phases,
        "assessments": assessments,
        "estimates": estimates,
    }


def _store_error(store: Store, exc: sqlite3.Error) -> StoreError:
    return StoreError(f"cannot use the interview store {store.path}: {exc}")


def records(store: Store) -> Iterator[dict[str, Any]]:
    """Every session as an export record, oldest first, read in one consistent snapshot."""
    conn = store.conn
    try:
        conn.execute("BEGIN DEFERRED")
        try:
            for row in conn.execute("SELECT * FROM sessions ORDER BY started_at, rowid").fetchall():
                yield _session_record(conn, row)
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")
    except sqlite3.Error as exc:
        raise _store_error(store, exc) from exc


def export_lines(store: Store) -> Iterator[str]:
    """One JSON line (without the newline) per session, oldest first."""
    for record in records(store):
        yield json.dumps(record, ensure_ascii=False)


@dataclass(frozen=True)
class ExportResult:
    path: Path | None
    sessions: int
    assessments: int

    def to_dict(self) -> dict[str, Any]:
        return {"path": str(self.path) if self.path else None, "sessions": self.sessions, "assessments": self.assessments}


def export(store: Store, output: Path) -> ExportResult:
    """Write every session to ``output`` (atomically) as JSON lines."""
    from mockinterview.fileio import atomic_write

    lines: list[str] = []
    n_assessments = 0
    for record in records(store):
        n_assessments += len(record["assessments"])
        lines.append(json.dumps(record, ensure_ascii=False))
    try:
        atomic_write(output, "".join(line + "\n" for line in lines))
    except OSError as exc:
        raise MockInterviewError(f"cannot write {output}: {exc.strerror or exc}") from exc
    return ExportResult(output, len(lines), n_assessments)


# --------------------------------------------------------------------------- validation


class _Checker:
    """Validates one decoded line, collecting ``(field, message)`` problems."""

    def __init__(self) -> None:
        self.problems: list[tuple[str, str]] = []

    def add(self, where: str, message: str) -> None:
        self.problems.append((where, message))

    def obj(self, value: Any, where: str) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.add(where, f"expected an object, got {_kind(value)}")
            return None
        return value

    def get(self, data: dict[str, Any], key: str, where: str, kind: str, *, optional: bool = False, choices: tuple[str, ...] = ()) -> Any:
        path = f"{where}.{key}" if where else key
        if key not in data:
            if not optional:
                self.add(path, "missing")
            return None
        value = data[key]
        if value is None and optional:
            return None
        ok = {
            "str": isinstance(value, str),
            "text": isinstance(value, str) and value != "",
            "int": isinstance(value, int) and not isinstance(value, bool),
            "number": isinstance(value, int | float) and not isinstance(value, bool),
            "bool": isinstance(value, bool),
            "object": isinstance(value, dict),
            "list": isinstance(value, list),
            "time": isinstance(value, str) and _time(value) is not None,
        }[kind]
        if not ok:
            expected = {
                "str": "text",
                "text": "non-empty text",
                "int": "a whole number",
                "number": "a number",
                "bool": "true or false",
                "object": "an object",
                "list": "a list",
                "time": "an ISO-8601 time like 2024-05-01T09:00:00Z",
            }[kind]
            self.add(path, f"expected {expected}, got {_shown(value)}")
            return None
        if choices and value not in choices:
            self.add(path, f"{value!r} is not one of {', '.join(choices)}")
            return None
        return value


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false", type(None): "null"}.get(
        type(value), "a number" if isinstance(value, int | float) else type(value).__name__
    )


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


def _time(text: str) -> datetime | None:
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt if dt.tzinfo is not None else None


def _check_record(data: Any) -> list[tuple[str, str]]:
    ck = _Checker()
    top = ck.obj(data, "line")
    if top is None:
        return ck.problems
    if top.get("format") != FORMAT:
        ck.add("format", f"expected {FORMAT!r}, got {_shown(top.get('format'))}")
        return ck.problems
    if top.get("version") != VERSION:
        ck.add("version", f"this mockinterview reads version {VERSION}, got {_shown(top.get('version'))}")
        return ck.problems

    s = ck.get(top, "session", "", "object")
    if s is not None:
        sid = ck.get(s, "id", "session", "text")
        if sid is not None and not _SESSION_ID.match(sid):
            ck.add("session.id", f"{sid!r} is not an interview id (letters, digits, - and _)")
        scen = ck.get(s, "scenario_id", "session", "text")
        if scen is not None and not _SLUG.match(scen):
            ck.add("session.scenario_id", f"{scen!r} is not a scenario id")
        ck.get(s, "scenario_title", "session", "text")
        ck.get(s, "level", "session", "text", choices=LEVELS)
        ck.get(s, "focus", "session", "text")
        ck.get(s, "mode", "session", "text", choices=MODES)
        ck.get(s, "state", "session", "text", choices=STATES)
        ck.get(s, "started_at", "session", "time")
        ck.get(s, "ended_at", "session", "time", optional=True)
        ck.get(s, "updated_at", "session", "time", optional=True)
        pm = ck.get(s, "planned_minutes", "session", "number")
        if pm is not None and pm < 0:
            ck.add("session.planned_minutes", f"{pm} is negative")
        cp = ck.get(s, "current_phase", "session", "int")
        if cp is not None and cp < 0:
            ck.add("session.current_phase", f"{cp} is negative")
        ck.get(s, "settings", "session", "object")

    phases = ck.get(top, "phases", "", "list")
    for i, p in enumerate(phases or []):
        where = f"phases[{i}]"
        p = ck.obj(p, where)
        if p is None:
            continue
        idx = ck.get(p, "index", where, "int")
        if idx is not None and idx != i:
            ck.add(f"{where}.index", f"expected {i} (phases are listed in order from 0), got {idx}")
        ck.get(p, "phase_id", where, "text")
        kind = ck.get(p, "kind", where, "text")
        if kind is not None and not _IDENT.match(kind):
            ck.add(f"{where}.kind", f"{kind!r} is not a phase kind")
        ck.get(p, "title", where, "text")
        for key in ("planned_seconds", "used_seconds", "extra_seconds"):
            v = ck.get(p, key, where, "number")
            if v is not None and v < 0:
                ck.add(f"{where}.{key}", f"{v} is negative")
        ck.get(p, "notes", where, "str")
        ck.get(p, "status", where, "text", choices=PHASE_STATUSES)
        ck.get(p, "started_at", where, "time", optional=True)
        ck.get(p, "ended_at", where, "time", optional=True)

    assessments = ck.get(top, "assessments", "", "list")
    current = 0
    for i, a in enumerate(assessments or []):
        where = f"assessments[{i}]"
        a = ck.obj(a, where)
        if a is None:
            continue
        ck.get(a, "created_at", where, "time")
        ck.get(a, "source", where, "text")
        if ck.get(a, "current", where, "bool"):
            current += 1
        scores = ck.get(a, "scores", where, "object")
        for c, v in (scores or {}).items():
            if not _IDENT.match(c):
                ck.add(f"{where}.scores", f"{c!r} is not a criterion id")
            elif isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= 5:
                ck.add(f"{where}.scores.{c}", f"expected a whole number from 1 to 5, got {_shown(v)}")
        bands = ck.get(a, "bands", where, "object")
        for b, v in (bands or {}).items():
            if b not in BAND_COLUMNS:
                ck.add(f"{where}.bands", f"{b!r} is not a band (bands: {', '.join(BAND_COLUMNS)})")
            elif isinstance(v, bool) or not isinstance(v, int) or not 0 <= v <= 100:
                ck.add(f"{where}.bands.{b}", f"expected whole points from 0 to 100, got {_shown(v)}")
        checklist = ck.get(a, "checklist", where, "object")
        for k, items in (checklist or {}).items():
            if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
                ck.add(f"{where}.checklist.{k}", "expected a list of texts")
        ck.get(a, "score_50", where, "int", optional=True)
        ck.get(a, "percent_50", where, "number", optional=True)
        ck.get(a, "label_50", where, "str", optional=True)
        ck.get(a, "total_100", where, "int", optional=True)
        ck.get(a, "verdict", where, "str", optional=True)
    if assessments and current != 1:
        ck.add("assessments", f"exactly one assessment must be current, found {current}")

    estimates = ck.get(top, "estimates", "", "list")
    figures: set[str] = set()
    for i, e in enumerate(estimates or []):
        where = f"estimates[{i}]"
        e = ck.obj(e, where)
        if e is None:
            continue
        fig = ck.get(e, "figure", where, "text")
        if fig is not None:
            if fig in figures:
                ck.add(f"{where}.figure", f"{fig!r} appears twice")
            figures.add(fig)
        ck.get(e, "label", where, "str")
        ck.get(e, "unit", where, "text")
        ck.get(e, "answer", where, "number", optional=True)
        ck.get(e, "reference", where, "number")
        ck.get(e, "grade", where, "str", optional=True)
    return ck.problems


@dataclass(frozen=True)
class _Record:
    line: int
    data: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.data["session"]["id"])


def parse(path: Path) -> list[_Record]:
    """Read and validate every line of an export; raise :class:`ImportFileError` on any problem."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise ImportFileError(f"no file {path}", hint="export one with: mockinterview export --output FILE") from None
    except OSError as exc:
        raise ImportFileError(f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(f"{path} is not UTF-8 text (byte {exc.start}); nothing was imported") from None
    problems: list[str] = []
    records: list[_Record] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{path}:{number}: not valid JSON: {exc.msg} (column {exc.colno})")
            continue
        found = _check_record(data)
        if found:
            problems += [f"{path}:{number}: {where}: {message}" for where, message in found]
            continue
        record = _Record(number, data)
        if record.id in seen:
            problems.append(
                f"{path}:{number}: session.id: {record.id!r} appears twice in this file (first on line {seen[record.id]})"
            )
            continue
        seen[record.id] = number
        records.append(record)
    if problems:
        shown = problems[:MAX_PROBLEMS]
        more = f"\n... and {len(problems) - MAX_PROBLEMS} more problem(s)" if len(problems) > MAX_PROBLEMS else ""
        raise ImportFileError(
            "cannot import: " + "\n".join(shown) + more,
            hint="Nothing was imported. Fix the line(s) above and run the import again.",
        )
    return records


# --------------------------------------------------------------------------- import


@dataclass(frozen=True)
class ImportResult:
    path: Path
    lines: int  # sessions in the file
    imported: int
    skipped: int  # already in the store (same id)
    skipped_ids: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "sessions_in_file": self.lines,
            "imported": self.imported,
            "skipped": self.skipped,
            "skipped_ids": self.skipped_ids,
        }


def _insert(conn: sqlite3.Connection, data: dict[str, Any]) -> None:
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
            s["planned_minutes"], s["current_phase"], json.dumps(s["settings"], ensure_ascii=False),
        ),
    )
    conn.executemany(
        """
        INSERT INTO phases (session_id, idx, phase_id, kind, title, planned_seconds, used_seconds,
                            extra_seconds, notes, status, started_at, ended_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        [
            (
                sid, p["index"], p["phase_id"], p["kind"], p["title"], p["planned_seconds"],
                p["used_seconds"], p["extra_seconds"], p["notes"], p["status"],
                p.get("started_at"), p.get("ended_at"),
            )
            for p in data["phases"]
        ],
    )
    for a in data["assessments"]:
        cur = conn.execute(
            f"""
            INSERT INTO assessments (session_id, created_at, source, is_current, {", ".join(BAND_COLUMNS)},
                                     checklist, score_50, percent_50, label_50, total_100, verdict)
            VALUES (?, ?, ?, ?, {", ".join("?" for _ in BAND_COLUMNS)}, ?, ?, ?, ?, ?, ?)
            """,
            (
                sid, a["created_at"], a["source"], 1 if a["current"] else 0,
                *(a["bands"].get(b) for b in BAND_COLUMNS),
                json.dumps(a["checklist"], ensure_ascii=False),
                *(a.get(k) for k in _SUMMARY_FIELDS),
            ),
        )
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
                (*(a.get(k) for k in _SUMMARY_FIELDS), a["created_at"], sid),
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


def import_file(store: Store, path: Path, parsed: list[_Record] | None = None) -> ImportResult:
    """Validate the whole file, then add every session not already present, in one transaction.

    ``parsed`` is :func:`parse`'s result when the caller has already validated the file.
    """
    records = parse(path) if parsed is None else parsed
    conn = store.conn
    imported = 0
    skipped: list[str] = []
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            for rec in records:
                if conn.execute("SELECT 1 FROM sessions WHERE id = ?", (rec.id,)).fetchone():
                    skipped.append(rec.id)
                    continue
                _insert(conn, rec.data)
                imported += 1
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    except sqlite3.Error as exc:
        raise _store_error(store, exc) from exc
    return ImportResult(Path(path), len(records), imported, len(skipped), skipped)
