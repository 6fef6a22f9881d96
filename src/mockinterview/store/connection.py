"""The database file: opening it, its transactions, and what its errors mean to the user.

* One file, WAL journal, a busy timeout (:data:`BUSY_TIMEOUT`) and foreign keys on.
  Connections run in autocommit mode (``isolation_level=None``); every write is one
  explicit ``BEGIN IMMEDIATE`` ... ``COMMIT`` (:meth:`Database.write`), rolled back on
  any error, so two processes writing at once serialise instead of losing data.
* Opening looks before it touches: a file from a newer program, another program's
  SQLite file, a damaged file or an impossible ``user_version`` is refused and left
  byte-for-byte untouched. An older schema is migrated (:mod:`.migrations`).
* Before the first write of a :class:`Database`, ``PRAGMA quick_check`` reads the whole
  file (about 10 ms per 1,000 interviews), so a damaged file is never written into.
* A file or folder this process may not write is opened read-only (``mode=ro``, or
  ``immutable=1`` when the folder cannot hold WAL's ``-shm`` file): reading commands
  work, and a write is refused with the reason.
* Every ``sqlite3`` error leaves here as a :class:`StoreError` naming the file, saying
  what happened in the user's words (locked, read-only, disk full, damaged) and
  whether anything was written.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mockinterview.errors import StoreError
from mockinterview.paths import HOME_ENV
from mockinterview.store.migrations import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, TABLES

__all__ = ["BUSY_TIMEOUT", "Database", "transaction", "writable"]

#: Seconds a statement waits for another process's lock before giving up.
BUSY_TIMEOUT = 10.0

#: Free bytes below which a "disk I/O error" is reported as a full disk.
LOW_SPACE = 1_000_000

_TO_SAVE = f"to save, make it writable or set ${HOME_ENV} to a folder you can write"
_READ_ONLY_HINT = f"history, report, progress, next and export still work; {_TO_SAVE}"


def writable(path: Path) -> bool:
    """May this process write ``path``? (The seam the tests patch: root may write anything.)"""
    return os.access(path, os.W_OK)


@contextmanager
def transaction(conn: sqlite3.Connection, begin: str = "BEGIN IMMEDIATE") -> Iterator[sqlite3.Connection]:
    """``begin`` ... ``COMMIT``; ``ROLLBACK`` on any error (or interruption)."""
    conn.execute(begin)
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


class Database:
    """One open connection to the store's file, with the rules above."""

    def __init__(self, path: Path) -> None:
        self.path = path
        #: Why writes are refused (``None``: they are not).
        self.read_only: str | None = None
        self._conn: sqlite3.Connection | None = None
        self._wrote = False  # a write committed through this connection
        self._checked = False  # quick_check passed
        self._conn = self._open()

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"the interview store {self.path} is closed")
        return self._conn

    def close(self) -> None:
        """Close the connection (idempotent)."""
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()

    # ----------------------------------------------------------------- transactions

    @contextmanager
    def read(self, *, snapshot: bool = True) -> Iterator[sqlite3.Connection]:
        """Reads; with ``snapshot`` inside one read transaction (nested reads join it)."""
        conn = self.conn
        try:
            if snapshot and not conn.in_transaction:
                with transaction(conn, "BEGIN DEFERRED"):
                    yield conn
            else:
                yield conn
        except sqlite3.Error as exc:
            raise self.error(exc) from exc

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """The one way to write: a ``BEGIN IMMEDIATE`` transaction, rolled back on error."""
        if self.read_only is not None:
            raise StoreError(f"cannot save to {self.path}: {self.read_only}; {self.not_saved()}", hint=_READ_ONLY_HINT)
        conn = self.conn
        try:
            with transaction(conn):
                if not self._checked:
                    self._quick_check(conn)
                yield conn
        except sqlite3.Error as exc:
            raise self.error(exc, writing=True) from exc
        self._wrote = True

    def not_saved(self) -> str:
        """What a failed write leaves behind, in words."""
        if self._wrote:
            return "this last change was not saved (earlier changes by this command were)"
        return "nothing was written"

    def _quick_check(self, conn: sqlite3.Connection) -> None:
        """Refuse to write into a file with a damaged page or a missing table."""
        rows = conn.execute("PRAGMA quick_check(1)").fetchall()
        problem = " ".join(str(rows[0][0]).replace("*** in database main ***", "").split()) if rows else "no answer"
        if problem != "ok":
            raise self.damaged(f"PRAGMA quick_check found: {problem[:120]}", writing=True)
        present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        missing = [t for t in TABLES if t not in present]
        if missing:
            tables = f"table {missing[0]} is" if len(missing) == 1 else f"tables {', '.join(missing)} are"
            raise self.damaged(f"its {tables} missing", writing=True)
        self._checked = True

    # ----------------------------------------------------------------- errors

    def damaged(self, detail: str | None = None, *, writing: bool = False) -> StoreError:
        """The file is damaged (``detail`` says how) or not ours (no detail)."""
        untouched = "" if self._wrote else "; it was left untouched"  # a read found it: nothing touched the file
        outcome = f"; {self.not_saved()}" if writing else untouched
        what = f"is damaged ({detail})" if detail else "is not a mockinterview database or is damaged"
        return StoreError(
            f"{self.path} {what}{outcome}. Move it aside to start afresh.",
            hint=f"for example: mv '{self.path}' '{self.path}.damaged'; then `mockinterview import FILE`"
            " brings back the interviews of an export (written by `mockinterview export -o FILE`)",
        )

    def error(self, exc: sqlite3.Error, *, writing: bool = False) -> StoreError:
        """A ``sqlite3`` error as the user should read it."""
        text = str(exc)
        low = text.lower()
        outcome = self.not_saved() if writing else None

        def said(message: str, hint: str | None = None) -> StoreError:
            return StoreError(f"{message}; {outcome}" if outcome else message, hint=hint)

        if isinstance(exc, sqlite3.IntegrityError):
            return said(f"the interview store {self.path} refused a change: {text}")
        if "locked" in low or "busy" in low:
            return said(
                f"{self.path} is locked by another program (waited {BUSY_TIMEOUT:g} s)",
                "another mockinterview, or another program, is using the database; try again when it has finished",
            )
        verb = "save to" if writing else "read"
        if "readonly" in low or "read-only" in low:
            reason = self._read_only_reason() or "the file system is read-only"
            return said(f"cannot {verb} {self.path}: {reason}", _READ_ONLY_HINT)
        if (
            "disk is full" in low
            or "disk full" in low
            or ("disk i/o error" in low and _free_bytes(self.path.parent) < LOW_SPACE)
        ):
            return said(
                f"cannot {verb} {self.path}: the disk is full",
                "free some space (SQLite needs a little even to read) and run the command again",
            )
        if "disk i/o error" in low:
            return said(f"cannot use {self.path}: the disk reported an I/O error", "check the disk, then try again")
        if "no such table" in low or "no such column" in low or not isinstance(exc, sqlite3.OperationalError):
            return self.damaged(text, writing=writing)
        return said(f"cannot use the interview store {self.path}: {text}")

    # ----------------------------------------------------------------- opening

    def _open(self) -> sqlite3.Connection:
        folder = self.path.parent
        if folder.exists() and not folder.is_dir():
            raise StoreError(
                f"the data folder {folder} is a file, not a folder",
                hint=f"set ${HOME_ENV} to a folder, or move the file aside",
            )
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            if exc.errno not in (errno.EACCES, errno.EPERM, errno.EROFS):
                raise StoreError(f"cannot create the folder for {self.path}: {exc.strerror or exc}") from exc
            self.read_only = f"its folder {folder} cannot be created ({exc.strerror or exc})"
            return self._empty()  # no folder, so no interviews: reading commands say so
        self.read_only = self._read_only_reason()
        if self.read_only is not None and not self.path.exists():
            return self._empty()  # nothing to read, and nowhere to create the file
        try:
            conn = self._connect()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open {self.path}: {exc}") from exc
        try:
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
            version = self._check_identity(conn)  # reads only: never writes a byte
            if self.read_only is None:
                _enable_wal(conn)
                conn.execute("PRAGMA synchronous = NORMAL")  # safe with WAL; keeps save_phase cheap
            conn.execute("PRAGMA foreign_keys = ON")
            if self.read_only is None:
                _migrate(conn)
            elif version < SCHEMA_VERSION:
                if version == 0:  # an empty file: as good as none
                    conn.close()
                    return self._empty()
                raise StoreError(
                    f"{self.path} needs upgrading to this version's format, which needs write access"
                    f" ({self.read_only}); it was left untouched",
                    hint=_TO_SAVE,
                )
        except StoreError:
            conn.close()
            raise
        except sqlite3.Error as exc:
            conn.close()
            if isinstance(exc, sqlite3.OperationalError) and "no such" not in str(exc):
                raise self.error(exc) from exc  # locked, read-only, disk full, I/O ...
            raise self.damaged() from exc  # not a database / malformed
        except BaseException:
            conn.close()
            raise
        return conn

    def _side_files(self) -> tuple[Path, Path]:
        """WAL's ``-wal`` (committed writes not yet in the file) and ``-shm`` (its index)."""
        return self.path.with_name(self.path.name + "-wal"), self.path.with_name(self.path.name + "-shm")

    def _read_only_reason(self) -> str | None:
        """Why this process cannot write the store, in words; ``None`` if it can."""
        if self.path.exists() and not writable(self.path):
            return "the file is read-only"
        if not writable(self.path.parent):
            return f"its folder {self.path.parent} is read-only"
        for side in self._side_files():
            if side.exists() and not writable(side):
                return f"{side} is read-only"
        return None

    def _connect(self) -> sqlite3.Connection:
        if self.read_only is None:
            return sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None)
        wal, shm = self._side_files()
        if wal.exists() and wal.stat().st_size > 0 and (shm.exists() or writable(self.path.parent)):
            # Committed writes wait in the -wal file: read them through its index (-shm).
            mode = "mode=ro"
        else:
            # Everything is in the file: read it as it is, leaving no -shm behind (one made
            # now would be as read-only as the file, and block writes once it is not).
            mode = "immutable=1"
        uri = self.path.absolute().as_uri()
        return sqlite3.connect(f"{uri}?{mode}", uri=True, timeout=BUSY_TIMEOUT, isolation_level=None)

    def _empty(self) -> sqlite3.Connection:
        """An empty store in memory: reading commands show no interviews."""
        conn = sqlite3.connect(":memory:", isolation_level=None)
        conn.row_factory = sqlite3.Row
        _migrate(conn)
        return conn

    def _check_identity(self, conn: sqlite3.Connection) -> int:
        """Refuse a newer schema or a foreign/damaged file without writing a byte; the version."""
        try:
            # One read transaction: the three readings must come from the same moment, or
            # another process's first migration committing between them looks like a
            # foreign file (tables present, application id not yet).
            with transaction(conn, "BEGIN"):
                version = int(conn.execute("PRAGMA user_version").fetchone()[0])
                app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
                objects = int(conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])
        except sqlite3.OperationalError:
            raise
        except sqlite3.DatabaseError as exc:
            raise self.damaged() from exc
        if version < 0:
            raise self.damaged(f"its database version is {version}, which no mockinterview writes")
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer mockinterview (database version {version};"
                f" this version knows up to {SCHEMA_VERSION}); it was left untouched.",
                hint="upgrade mockinterview to use it",
            )
        ours = app_id == APPLICATION_ID and version > 0
        empty = app_id in (0, APPLICATION_ID) and version == 0 and objects == 0
        if not (ours or empty):
            raise self.damaged()
        return version


def _enable_wal(conn: sqlite3.Connection, patience: float = 10.0) -> None:
    """Put the file in WAL mode (it stays so: later opens find it set).

    Switching needs a moment with no other connection on the file, and SQLite
    answers "locked" at once instead of waiting (the busy timeout does not apply),
    so a new file opened by several processes together retries for a while.
    """
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


def _migrate(conn: sqlite3.Connection) -> None:
    """Apply every migration the file has not had, each in its own write transaction."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    for number, migration in enumerate(MIGRATIONS, start=1):
        if number <= version:
            continue
        with transaction(conn):
            # Re-read under the write lock: another process may have migrated meanwhile.
            if conn.execute("PRAGMA user_version").fetchone()[0] >= number:
                continue
            migration(conn)
            conn.execute(f"PRAGMA user_version = {number:d}")


def _free_bytes(folder: Path) -> int:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return LOW_SPACE  # unknown: do not claim the disk is full
