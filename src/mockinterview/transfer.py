"""Export and import every interview as JSON lines: the user owns the data.

Core module, no terminal libraries. The format is documented in docs/data-format.md:
one JSON object per line and per session, each carrying
``"format": "mockinterview-session"`` and ``"version": 1``, with the session, its
phases (notes and timings), *every* assessment (not only the current one) with its
scores, bands, checklist and summary, and its estimates. The store reads and writes
the records (:mod:`mockinterview.store.records`); this module owns the file: the
envelope, and checking every line before anything is written.

Import is all or nothing: every line is validated first (a problem is reported with
its line number and field), then all new sessions are written in one transaction
(:meth:`Store.import_records`). Sessions whose id is already in the store are skipped
and counted, so importing the same file twice adds nothing. A line is read with
bounds, the same as for YAML files: whole numbers up to 10^18 in magnitude, finite
decimals, nesting up to 50 deep, so a hostile file gets a located message, never a
crash.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, ValidationError
from pydantic_core import ErrorDetails

from mockinterview.content.problems import bracketed
from mockinterview.dates import try_parse_iso
from mockinterview.errors import ImportFileError, MockInterviewError
from mockinterview.vocab import BAND_IDS, IDENT_PATTERN, LEVELS, SLUG_PATTERN

if TYPE_CHECKING:
    from mockinterview.store import Store

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
#: Deepest nesting of arrays and objects in a line (a real one is 5 deep); as for YAML files.
MAX_DEPTH = 50
#: Largest whole number in magnitude, as for YAML files (SQLite's integers stop at about 9.2 * 10^18).
MAX_INT = 10**18
_MAX_INT_TEXT = 40  # digits a whole number may have before it is refused unread


# --------------------------------------------------------------------------- export


def records(store: Store) -> Iterator[dict[str, Any]]:
    """Every session as an export record, oldest first, read in one consistent snapshot."""
    for record in store.records():
        yield {"format": FORMAT, "version": VERSION, **record}


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
        return {
            "path": str(self.path) if self.path else None,
            "sessions": self.sessions,
            "assessments": self.assessments,
        }


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


# --------------------------------------------------------------------------- reading a line


class _Refused(ValueError):
    """A value the JSON reader will not take (the message says why)."""


def _constant(name: str) -> Any:
    raise _Refused(f"{name} is not a finite number (infinity and NaN are not allowed)")


def _decimal(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Refused(f"the number {_cut(text)} is too large (beyond the range of a floating-point number)")
    return value


def _whole_number(text: str) -> int:
    if len(text) > _MAX_INT_TEXT or abs(value := int(text)) > MAX_INT:
        raise _Refused(f"the number {_cut(text)} is too large (whole numbers are limited to 10^18 in magnitude)")
    return value


def _cut(text: str) -> str:
    return text if len(text) <= 24 else f"{text[:12]}… ({len(text)} characters)"


def _too_deep(value: Any) -> bool:
    """Whether arrays/objects nest deeper than :data:`MAX_DEPTH` (iteratively: no recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            continue
        if depth > MAX_DEPTH:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def _load_line(line: str) -> Any:
    """A line's JSON value; ``ValueError`` with a message (not a traceback) for anything refused."""
    try:
        data = json.loads(line, parse_constant=_constant, parse_float=_decimal, parse_int=_whole_number)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON: {exc.msg} (column {exc.colno})") from None
    except _Refused as exc:
        raise ValueError(str(exc)) from None
    except RecursionError:
        raise ValueError(f"arrays or objects nested more than {MAX_DEPTH} deep") from None
    if _too_deep(data):
        raise ValueError(f"arrays or objects nested more than {MAX_DEPTH} deep")
    return data


# --------------------------------------------------------------------------- validation
# One strict model per part of a line, as for every other file a user can write.
# Validation only: the decoded dict is what gets inserted, so the models need not
# mirror the store. Rules across records (phase order, one current assessment,
# unique figures, ids unique in the file) are checked after the models pass.


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


def _iso(value: str) -> str:
    if try_parse_iso(value) is None:
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
    model_config = ConfigDict(strict=True, extra="ignore", allow_inf_nan=False)


class _Session(_Part):
    id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,64}$")]
    scenario_id: Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
    scenario_title: Text
    level: Literal[LEVELS]  # type: ignore[valid-type]  # a Literal built from the vocabulary's tuple
    focus: Text
    mode: Literal["timed", "manual"]
    state: Literal["in_progress", "finished"]
    started_at: IsoTime
    ended_at: IsoTime | None = None
    updated_at: IsoTime | None = None
    planned_minutes: Annotated[float, Field(ge=0)]
    current_phase: Annotated[int, Field(ge=0)]
    settings: dict[str, Any]


class _Hint(_Part):
    at_seconds: Seconds
    kind: Literal["probe", "hint"]
    text: str


class _Asked(_Part):
    at_seconds: Seconds
    kind: Literal["probe", "deeper", "curveball"]
    ref: Text
    text: str


class _Match(_Part):
    route: Literal["term", "all_of", "figure"]
    phrase: str
    line: Annotated[int, Field(ge=1)]
    text: str
    spans: list[Annotated[list[Annotated[int, Field(ge=0)]], Field(min_length=2, max_length=2)]] = []  # [start, end)


class _Point(_Part):
    id: Text
    text: str
    criteria: list[str] = []
    reference: str | None = None
    curveball: str | None = None
    detected: bool
    confirmed: bool | None = None
    evidence: list[_Match] = []


class _Checklist(_Part):
    """A phase's checklist as ``coach.checklist.Checklist.to_dict()`` writes it (its counts
    are derived, so ignored here)."""

    phase: Text
    points: list[_Point]


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
    hints: list[_Hint] = []  # absent in exports made before hints were recorded
    checklist: _Checklist | None = None  # absent in exports made before checklists were stored
    asked: list[_Asked] = []  # absent in exports made before the adaptive interviewer


class _Assessment(_Part):
    created_at: IsoTime
    source: Text
    current: bool
    scores: dict[
        Annotated[str, StringConstraints(pattern=IDENT_PATTERN)], Annotated[Any, _whole(1, 5, "a whole number")]
    ]
    bands: dict[Literal[BAND_IDS], Annotated[Any, _whole(0, 100, "whole points")]]  # type: ignore[valid-type]  # as level
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


def _message(err: ErrorDetails) -> str:
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
    version = data.get("version")
    if type(version) is not int or version != VERSION:  # true and 1.0 equal 1 in Python, not in the format
        return [("version", f"this mockinterview reads version {VERSION}, got {_shown(version)}")]
    try:
        line = _Line.model_validate(data)
    except ValidationError as exc:
        return [(bracketed(tuple(e["loc"])), _message(e)) for e in exc.errors()]
    problems: list[tuple[str, str]] = []
    if line.session.current_phase > len(line.phases):
        problems.append(
            (
                "session.current_phase",
                f"expected 0 to {len(line.phases)} (the number of phases), got {line.session.current_phase}",
            )
        )
    for i, phase in enumerate(line.phases):
        if phase.index != i:
            problems.append(
                (f"phases[{i}].index", f"expected {i} (phases are listed in order from 0), got {phase.index}")
            )
        if phase.checklist is not None and phase.checklist.phase != phase.phase_id:
            problems.append(
                (f"phases[{i}].checklist.phase", f"expected {phase.phase_id!r} (the phase's id), got {phase.checklist.phase!r}")
            )
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
    found: list[_Record] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = _load_line(line)
        except ValueError as exc:
            problems.append(f"{path}:{number}: {exc}")
            continue
        wrong = _check_record(data)
        if wrong:
            problems += [f"{path}:{number}: {where}: {message}" for where, message in wrong]
            continue
        record = _Record(number, data)
        if record.id in seen:
            problems.append(
                f"{path}:{number}: session.id: {record.id!r} appears twice in this file (first on line {seen[record.id]})"
            )
            continue
        seen[record.id] = number
        found.append(record)
    if problems:
        shown = problems[:MAX_PROBLEMS]
        more = f"\n... and {len(problems) - MAX_PROBLEMS} more problem(s)" if len(problems) > MAX_PROBLEMS else ""
        raise ImportFileError(
            "cannot import: " + "\n".join(shown) + more,
            hint="Nothing was imported. Fix the line(s) above and run the import again.",
        )
    return found


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


def import_file(store: Store, path: Path, parsed: list[_Record] | None = None) -> ImportResult:
    """Validate the whole file, then add every session not already present, in one transaction.

    ``parsed`` is :func:`parse`'s result when the caller has already validated the file.
    """
    found = parse(path) if parsed is None else parsed
    counts = store.import_records(rec.data for rec in found)
    return ImportResult(Path(path), len(found), len(counts.imported), len(counts.skipped), counts.skipped)
