"""The store under faults (issue 14, findings 3, 4, 6 and 7; issue 9's untested paths).

A full disk, a lock held past the busy timeout by another process, a damaged page, a
dropped table, impossible and foreign files, a duplicate id, a read-only folder or
file. Each test runs the commands a user would, and asserts the message, the exit code
and that nothing was lost or half-written: the file's content (its SQL dump, or its
bytes when it is damaged) is as before.

How the faults are made, so that every one is fast and certain:

* *Disk full*: every connection is opened with ``PRAGMA max_page_count`` at the file's
  current size, so a write that needs one more page gets SQLite's own
  ``SQLITE_FULL`` ("database or disk is full"), exactly what a full disk gives.
* *Lock*: another process holds the lock; the busy timeout is lowered to 0.2 s.
* *Damaged page*: bytes of a copy of a real database are overwritten.
* *Read-only*: the tests run as root, for whom ``chmod`` stops nothing, so the
  in-process tests patch the store's one permission check (``connection.writable``,
  which is ``os.access``); :func:`test_real_read_only_permissions` then checks the
  real thing in a subprocess, as a normal user would see it (``chmod`` when not root;
  as root, with the capability to ignore permissions dropped by ``setpriv``).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from mockinterview import paths
from mockinterview.store import connection
from mockinterview.store.migrations import SCHEMA_VERSION
from mockinterview.vocab import CRITERION_IDS

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def scores(tmp_path: Path) -> Path:
    path = tmp_path / "scores.yaml"
    path.write_text("".join(f"{c}: 3\n" for c in CRITERION_IDS), encoding="utf-8")
    return path


@pytest.fixture
def seeded(invoke, scores: Path) -> list[str]:
    """Two scored interviews; their ids, newest first."""
    for _ in range(2):
        result = invoke("score", "url-shortener", "--scores", str(scores))
        assert result.exit_code == 0, result.output
    return [line.split()[0] for line in invoke("history").stdout.splitlines()[1:3]]


def db() -> Path:
    return paths.database_path()


def dump(path: Path) -> str:
    """The file's whole content as SQL, read with a connection of the test's own."""
    conn = sqlite3.connect(path)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


def count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM sessions").fetchone()[0])
    finally:
        conn.close()


# ----------------------------------------------------------------------------------
# disk full
# ----------------------------------------------------------------------------------


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on no connection may grow the file by a single page (SQLITE_FULL)."""
    real = sqlite3.connect

    def connect(*args: object, **kwargs: object) -> sqlite3.Connection:
        conn = real(*args, **kwargs)  # type: ignore[arg-type]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {max(int(pages), 1)}")
        return conn

    monkeypatch.setattr(sqlite3, "connect", connect)


def long_title_scenario(scenario_copy) -> Path:
    """url-shortener with a 30,000-character title: saving an interview of it needs new pages."""
    path = scenario_copy("url-shortener")
    text = path.read_text(encoding="utf-8")
    start = text.index("\ntitle:")
    end = text.index("\n", start + 1)
    path.write_text(text[:start] + f"\ntitle: {'Long ' * 6000}" + text[end:], encoding="utf-8")
    return path.parent


def test_score_on_a_full_disk_writes_nothing(invoke, seeded, scores: Path, scenario_copy, request) -> None:
    folder = long_title_scenario(scenario_copy)
    before = dump(db())
    request.getfixturevalue("full_disk")
    result = invoke("--scenarios", str(folder), "score", "url-shortener", "--scores", str(scores))
    assert result.exit_code == 1
    assert f"cannot save to {db()}: the disk is full; nothing was written" in result.stderr
    assert "free some space" in result.stderr
    assert dump(db()) == before  # no half-made interview...
    again = invoke("score", "--scores", str(scores))  # ...for a bare `score` to pick up
    assert again.exit_code == 1 and "no unscored interview to score" in again.stderr


def test_reads_still_work_on_a_full_disk(invoke, seeded, full_disk) -> None:
    assert invoke("history").exit_code == 0
    assert invoke("progress").exit_code == 0
    assert invoke("report", seeded[0]).exit_code == 0


def test_a_disk_io_error_with_no_space_left_says_the_disk_is_full(isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mockinterview.store import Store

    with Store() as store:
        monkeypatch.setattr(connection, "_free_bytes", lambda folder: 4096)
        message = str(store._db.error(sqlite3.OperationalError("disk I/O error")))
        assert message == f"cannot read {db()}: the disk is full"
        monkeypatch.setattr(connection, "_free_bytes", lambda folder: 10**10)
        message = str(store._db.error(sqlite3.OperationalError("disk I/O error"), writing=True))
        assert message == f"cannot use {db()}: the disk reported an I/O error; nothing was written"


# ----------------------------------------------------------------------------------
# a lock held by another process
# ----------------------------------------------------------------------------------

_HOLDER = textwrap.dedent(
    """
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    if sys.argv[2] == "exclusive":  # readers are shut out too
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
    else:  # a writer: readers go on, other writers wait
        conn.execute("BEGIN IMMEDIATE")
    print("held", flush=True)
    time.sleep(60)
    """
)


@pytest.fixture
def lock_held(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """``lock_held(kind)``: another process holds the store's lock until the test ends."""
    monkeypatch.setattr(connection, "BUSY_TIMEOUT", 0.2)
    procs: list[subprocess.Popen[str]] = []

    def hold(kind: str) -> None:
        proc = subprocess.Popen(
            [sys.executable, "-c", _HOLDER, str(db()), kind], stdout=subprocess.PIPE, text=True
        )
        procs.append(proc)
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"

    yield hold
    for proc in procs:
        proc.kill()
        proc.wait(timeout=10)


def test_a_writer_past_the_busy_timeout_stops_score_and_nothing_is_written(
    invoke, seeded, scores: Path, lock_held
) -> None:
    before = dump(db())
    lock_held("write")
    assert invoke("history").exit_code == 0  # WAL: reading goes on beside a writer
    result = invoke("score", "url-shortener", "--scores", str(scores))
    assert result.exit_code == 1
    assert f"{db()} is locked by another program (waited 0.2 s); nothing was written" in result.stderr
    assert "try again when it has finished" in result.stderr
    assert dump(db()) == before


def test_an_exclusive_lock_stops_even_opening(invoke, seeded, lock_held) -> None:
    lock_held("exclusive")
    result = invoke("history")
    assert result.exit_code == 1
    assert f"Error: {db()} is locked by another program (waited 0.2 s)" in result.stderr
    assert "unexpected" not in result.stderr


# ----------------------------------------------------------------------------------
# damaged files
# ----------------------------------------------------------------------------------


def damaged_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, table: str = "phases") -> Path:
    """A copy of the store with the first page of ``table`` overwritten; the data folder now holds it."""
    conn = sqlite3.connect(db())
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    home = tmp_path / "damaged-home"
    home.mkdir()
    copy = home / db().name
    shutil.copy(db(), copy)
    with copy.open("r+b") as fh:
        fh.seek((root - 1) * page)
        fh.write(b"\xff" * 64)
    monkeypatch.setenv(paths.HOME_ENV, str(home))
    return copy


def test_a_damaged_page_is_reported_and_never_written_into(
    invoke, seeded, scores: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = damaged_copy(tmp_path, monkeypatch)
    before = copy.read_bytes()
    for args in (["history"], ["report", seeded[0]], ["export", "-o", "-"]):
        result = invoke(*args)
        assert result.exit_code == 1, args
        assert f"Error: {copy} is damaged (database disk image is malformed); it was left untouched" in result.stderr
        assert f"mv '{copy}' '{copy}.damaged'" in result.stderr and "mockinterview import FILE" in result.stderr
        assert "unexpected" not in result.stderr and "bug" not in result.stderr
    result = invoke("score", "url-shortener", "--scores", str(scores))
    assert result.exit_code == 1
    assert f"{copy} is damaged (PRAGMA quick_check found: Page " in result.stderr
    assert "; nothing was written. Move it aside" in result.stderr
    assert copy.read_bytes() == before


def test_a_dropped_table_is_reported_and_never_written_into(invoke, seeded, scores: Path) -> None:
    conn = sqlite3.connect(db())
    conn.execute("DROP TABLE estimates")
    conn.close()
    before = dump(db())
    report = invoke("report", seeded[0])
    assert report.exit_code == 1
    assert f"{db()} is damaged (no such table: estimates); it was left untouched" in report.stderr
    result = invoke("score", "url-shortener", "--scores", str(scores))
    assert result.exit_code == 1
    assert f"{db()} is damaged (its table estimates is missing); nothing was written" in result.stderr
    assert dump(db()) == before


@pytest.mark.parametrize(
    ("pragma", "expected"),
    [
        ("user_version = -1", "is damaged (its database version is -1, which no mockinterview writes); it was left untouched"),
        ("user_version = 99", f"was written by a newer mockinterview (database version 99; this version knows up to {SCHEMA_VERSION}); it was left untouched"),
        ("application_id = 1234", "is not a mockinterview database or is damaged; it was left untouched"),
    ],
)
def test_impossible_newer_and_foreign_files_are_refused_untouched(invoke, seeded, pragma: str, expected: str) -> None:
    conn = sqlite3.connect(db())
    conn.execute(f"PRAGMA {pragma}")
    conn.execute("PRAGMA journal_mode = DELETE")  # so the file's bytes say everything
    conn.close()
    before = db().read_bytes()
    for args in (["history"], ["progress"], ["next"]):
        result = invoke(*args)
        assert result.exit_code == 1, args
        assert f"Error: {db()} {expected}" in result.stderr
    assert db().read_bytes() == before


def test_a_data_folder_that_is_a_file(invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "not-a-folder"
    home.write_text("x", encoding="utf-8")
    monkeypatch.setenv(paths.HOME_ENV, str(home))
    result = invoke("history")
    assert result.exit_code == 1
    assert f"Error: the data folder {home} is a file, not a folder" in result.stderr
    assert "set $MOCKINTERVIEW_HOME to a folder" in result.stderr
    assert home.read_text(encoding="utf-8") == "x"


# ----------------------------------------------------------------------------------
# a duplicate session id
# ----------------------------------------------------------------------------------


def test_a_duplicate_session_id_writes_nothing(invoke, seeded, scores: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = dump(db())
    monkeypatch.setattr("mockinterview.interview.session.new_id", lambda: seeded[0])
    result = invoke("score", "url-shortener", "--scores", str(scores))
    assert result.exit_code == 1
    assert f"Error: an interview with id '{seeded[0]}' already exists; nothing was written" in result.stderr
    assert dump(db()) == before


# ----------------------------------------------------------------------------------
# read-only data
# ----------------------------------------------------------------------------------

READS = (["history"], ["progress"], ["next"], ["export", "-o", "-"])


def side_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(("-wal", "-shm")))


@pytest.mark.parametrize("what", ["folder", "file"])
def test_a_read_only_folder_or_file_is_read_and_writes_say_why(
    invoke, seeded, scores: Path, monkeypatch: pytest.MonkeyPatch, what: str
) -> None:
    store_file, folder = db(), db().parent
    locked = folder if what == "folder" else store_file
    monkeypatch.setattr(connection, "writable", lambda p: Path(p) != locked)
    before = dump(store_file)
    for args in ([*READS, ["report", seeded[0]]]):
        result = invoke(*args)
        assert result.exit_code == 0, (args, result.stderr)
    assert seeded[0] in invoke("history").stdout
    assert len(invoke("export", "-o", "-").stdout.splitlines()) == 2
    reason = f"its folder {folder} is read-only" if what == "folder" else "the file is read-only"
    result = invoke("score", "url-shortener", "--scores", str(scores))
    assert result.exit_code == 1
    assert f"Error: cannot save to {store_file}: {reason}; nothing was written" in result.stderr
    assert "history, report, progress, next and export still work" in result.stderr
    assert dump(store_file) == before
    assert side_files(folder) == []  # read as it is: no -shm left behind to block later writes


def test_a_data_folder_that_cannot_be_created_reads_as_empty(
    invoke, scores: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = tmp_path / "shared"
    parent.mkdir()
    home = parent / "mine"
    monkeypatch.setenv(paths.HOME_ENV, str(home))

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "mkdir", refuse)
    result = invoke("history")
    assert result.exit_code == 0 and "No interviews yet" in result.stdout
    result = invoke("score", "url-shortener", "--scores", str(scores))
    assert result.exit_code == 1
    assert f"cannot save to {home / 'mockinterview.db'}: its folder {home} cannot be created (Permission denied)" in result.stderr


def _unprivileged() -> list[str] | None:
    """A command prefix under which permissions apply, or None if there is none."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"]
    probe = subprocess.run([*prefix, "true"], capture_output=True)
    return prefix if probe.returncode == 0 else None


@pytest.fixture
def read_only_home(seeded) -> Iterator[Path]:
    folder = db().parent
    for path in folder.iterdir():
        if path.is_dir():
            shutil.rmtree(path)  # caches: only the database stays
    db().chmod(0o444)
    folder.chmod(0o555)
    try:
        yield folder
    finally:
        folder.chmod(0o755)
        db().chmod(0o644)


def test_real_read_only_permissions(read_only_home: Path, scores: Path, seeded) -> None:
    prefix = _unprivileged()
    if prefix is None:
        pytest.skip("running as root without setpriv: permissions cannot be made to apply")
    before = db().read_bytes()

    def mi(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*prefix, sys.executable, "-m", "mockinterview", *args],
            capture_output=True, text=True, timeout=60, env=os.environ.copy(), cwd=REPO,
        )  # fmt: skip

    history = mi("history")
    assert history.returncode == 0, history.stderr
    assert seeded[0] in history.stdout and seeded[1] in history.stdout
    for args in (["progress"], ["export", "-o", "-"], ["report", seeded[0]]):
        assert mi(*args).returncode == 0, args
    result = mi("score", "url-shortener", "--scores", str(scores))
    assert result.returncode == 1
    assert f"cannot save to {db()}: the file is read-only; nothing was written" in result.stderr
    assert db().read_bytes() == before
    assert side_files(read_only_home) == []
