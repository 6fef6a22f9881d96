"""The session store: every interview, its phases, assessments and estimates, in one SQLite file.

Core package: stdlib ``sqlite3`` only, no terminal libraries. It is the only place in
the program that holds SQL or touches a ``sqlite3`` connection.

* :mod:`.connection`: opening the file (WAL, identity check, read-only fallback),
  transactions, the integrity check before the first write, and what sqlite3 errors
  mean to the user (every one becomes a :class:`~mockinterview.errors.StoreError`).
* :mod:`.migrations`: the schema, as numbered migrations keyed by ``user_version``.
* :mod:`.sessions`: :class:`Store`, reading and writing sessions; :mod:`.rows` maps
  its rows to the interview's records.
* :mod:`.progress_queries`: the aggregates of ``progress`` and ``next`` (``Store.progress``).
* :mod:`.records`: whole sessions as the plain records ``export`` and ``import`` use.
"""

from __future__ import annotations

from mockinterview.store.migrations import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from mockinterview.store.progress_queries import Filters
from mockinterview.store.rows import HistoryRow
from mockinterview.store.sessions import MIN_PREFIX, ImportCounts, Store

__all__ = [
    "APPLICATION_ID",
    "MIGRATIONS",
    "MIN_PREFIX",
    "SCHEMA_VERSION",
    "Filters",
    "HistoryRow",
    "ImportCounts",
    "Store",
]
