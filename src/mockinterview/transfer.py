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
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from mockinterview.errors import MockInterviewError, StoreError
from mockinterview.store import BAND_COLUMNS, Store
from mockinterview.vocab import IDENT_PATTERN, LEVELS, SLUG_PATTERN

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

MAX_PROBLEMS = 10

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
    from mockinterview.files import atomic_write

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
# One strict model per part of a line, as for every other file a user can write.
# Validation only: the decoded dict is what gets inserted, so the models need not
# mirror the store. Rules across records (phase order, one current assessment,
# unique figures, ids unique in the file) are checked after the models pass.


def _time(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


def _iso(value: str) -> str:
    if _time(value) is None:
        raise ValueError(f"expected an ISO-8601 time like 2024-05-01T09:00:00Z, got {_shown(value)}")
    return value


def _whole(lo: int, hi: int, what: str) -> AfterValidator:
    def check(value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            raise ValueError(f"expected {what} from {lo} to {hi}, got {_shown(value)}")
        return value

    return AfterValidator(check)


IsoTime = Annotated[str, AfterValidator(_iso)]
Text = Annotated[str, StringConstraints(min_length=1)]
Seconds = Annotated[float, Field(ge=0)]


class _Part(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore")


class _Session(_Part):
    id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,64}$")]
    scenario_id: Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
    scenario_title: Text
    level: Literal[LEVELS]  # type: ignore[valid-type]
    focus: Text
    mode: Literal["timed", "manual"]
    state: Literal["in_progress", "finished"]
    started_at: IsoTime
    ended_at: IsoTime | None = None
    updated_at: IsoTime | None = None
    planned_minutes: Annotated[float, Field(ge=0)]
    current_phase: Annotated[int, Field(ge=0)]
    settings: dict[str, Any]


class _Phase(_Part):
    index: int
    phase_id: Text
    kind: Annotated[str, StringConstraints(pattern=IDENT_PATTERN)]
    title: Text
    planned_seconds: Seconds
    used_seconds: Seconds
    extra_seconds: Seconds
    notes: str
    status: Literal["pending", "active", "done"]
    started_at: IsoTime | None = None
    ended_at: IsoTime | None = None


class _Assessment(_Part):
    created_at: IsoTime
    source: Text
    current: bool
    scores: dict[Annotated[str, StringConstraints(pattern=IDENT_PATTERN)], Annotated[Any, _whole(1, 5, "a whole number")]]
    bands: dict[Literal[BAND_COLUMNS], Annotated[Any, _whole(0, 100, "whole points")]]  # type: ignore[valid-type]
    checklist: dict[str, list[str]]
    score_50: int | None = None
    percent_50: float | None = None
    label_50: str | None = None
    total_100: int | None = None
    verdict: str | None = None


class _Estimate(_Part):
    figure: Text
    label: str
    unit: Text
    answer: float | None = None
    reference: float
    grade: str | None = None


class _Line(_Part):
    session: _Session
    phases: list[_Phase]
    assessments: list[_Assessment]
    estimates: list[_Estimate]


def _where(loc: tuple[Any, ...]) -> str:
    """``("assessments", 0, "scores", "api_design")`` -> ``assessments[0].scores.api_design``."""
    parts: list[str] = []
    for p in loc:
        if p == "[key]":
            continue
        if isinstance(p, int) and parts:
            parts[-1] += f"[{p}]"
        else:
            parts.append(str(p))
    return ".".join(parts)


def _message(err: dict[str, Any]) -> str:
    kind = err["type"]
    if kind == "missing":
        return "missing"
    if kind == "string_pattern_mismatch":
        return f"{_shown(err['input'])} is not a valid {err['loc'][-1] if err['loc'][-1] != '[key]' else 'key'}"
    return str(err["msg"]).removeprefix("Value error, ")


def _check_record(data: Any) -> list[tuple[str, str]]:
    if not isinstance(data, dict):
        return [("line", f"expected an object, got {_shown(data)}")]
    if data.get("format") != FORMAT:
        return [("format", f"expected {FORMAT!r}, got {_shown(data.get('format'))}")]
    if data.get("version") != VERSION:
        return [("version", f"this mockinterview reads version {VERSION}, got {_shown(data.get('version'))}")]
    try:
        line = _Line.model_validate(data)
    except ValidationError as exc:
        return [(_where(tuple(e["loc"])), _message(e)) for e in exc.errors()]
    problems: list[tuple[str, str]] = []
    for i, phase in enumerate(line.phases):
        if phase.index != i:
            problems.append((f"phases[{i}].index", f"expected {i} (phases are listed in order from 0), got {phase.index}"))
    current = sum(a.current for a in line.assessments)
    if line.assessments and current != 1:
        problems.append(("assessments", f"exactly one assessment must be current, found {current}"))
    seen: set[str] = set()
    for i, e in enumerate(line.estimates):
        if e.figure in seen:
            problems.append((f"estimates[{i}].figure", f"{e.figure!r} appears twice"))
        seen.add(e.figure)
    return problems


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
