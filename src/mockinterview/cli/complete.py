"""Shell completion of scenario and interview ids (``mockinterview --install-completion``).

Each function is called by the shell on Tab with what was typed so far; it must be
quick and must never fail: any problem (no data folder yet, a damaged database) just
means no suggestions.
"""

from __future__ import annotations

__all__ = ["scenario_ids", "session_ids", "targets"]

_LIMIT = 50


def scenario_ids(incomplete: str) -> list[tuple[str, str]]:
    """Scenario ids starting with ``incomplete``: the file names, nothing parsed."""
    from mockinterview.content.catalogue import Catalogue
    from mockinterview.errors import MockInterviewError

    try:
        ids = Catalogue().ids()
    except (MockInterviewError, OSError):
        return []
    return [(sid, "scenario") for sid in ids if sid.startswith(incomplete)]


def session_ids(incomplete: str) -> list[tuple[str, str]]:
    """The newest interview ids starting with ``incomplete``, with their scenario and date."""
    from mockinterview import paths
    from mockinterview.errors import MockInterviewError

    if not paths.database_path().is_file():  # never create a database to complete a word
        return []
    from mockinterview.store import Store

    try:
        with Store() as store:
            rows = store.history(limit=500)
    except (MockInterviewError, OSError):
        return []
    out = []
    for r in rows:
        if r.id.startswith(incomplete):
            when = r.started_at.astimezone().strftime("%Y-%m-%d")
            out.append((r.id, f"{r.scenario_id}, {when}" + ("" if r.verdict is None else f", {r.verdict}")))
        if len(out) >= _LIMIT:
            break
    return out


def targets(incomplete: str) -> list[tuple[str, str]]:
    """What ``score`` takes: a scenario id or an interview id."""
    return scenario_ids(incomplete) + session_ids(incomplete)
