"""Times as the product stores and shows them: UTC, ISO 8601 with a ``Z``."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    """Now, in UTC, to the second (what the store records)."""
    return datetime.now(UTC).replace(microsecond=0)


def iso(dt: datetime) -> str:
    """``2024-05-01T09:00:00Z``."""
    return dt.astimezone(UTC).isoformat().replace("+00:00", "Z")


def iso_or_none(dt: datetime | None) -> str | None:
    return iso(dt) if dt else None


def parse_iso(text: str) -> datetime:
    """The inverse of :func:`iso`; raises ``ValueError`` on anything else."""
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def parse_iso_or_none(text: str | None) -> datetime | None:
    return parse_iso(text) if text else None


def try_parse_iso(text: str) -> datetime | None:
    """:func:`parse_iso`, or ``None`` when ``text`` is not an ISO-8601 time."""
    try:
        return parse_iso(text)
    except ValueError:
        return None
