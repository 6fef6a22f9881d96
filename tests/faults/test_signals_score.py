"""SIGTERM and SIGHUP during `score` (issue 14, Deliver item 6): the interactive
self-assessment is stopped at its first question. Every write of `score` is one
transaction, so whatever the signal interrupts, the database holds either nothing of
this assessment or all of it: never half an assessment. (SIGTERM and SIGHUP during
`run` are in tests/e2e/test_terminal.py.)"""

from __future__ import annotations

import os
import signal
import sqlite3
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_signal_during_score_leaves_no_half_assessment(isolated_home: Path, signum: int) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOCKINTERVIEW")}
    env.update(MOCKINTERVIEW_HOME=str(isolated_home), TERM="xterm-256color", PROMPT_TOOLKIT_NO_CPR="1")
    child = pexpect.spawn(
        sys.executable, ["-m", "mockinterview", "score", "url-shortener"], env=env,
        dimensions=(24, 80), timeout=60, encoding="utf-8", codec_errors="replace",
    )
    child.expect(r"\(1-5\)")  # the first criterion's question
    child.send("4\r")
    child.expect(r"\(1-5\)")  # one answer given, the second question up
    child.kill(signum)
    child.expect(pexpect.EOF)
    child.close()
    assert not child.isalive()
    assert child.exitstatus not in (0, None) or child.signalstatus == signum  # it stopped, not finished

    from mockinterview import paths

    db = paths.database_path()  # MOCKINTERVIEW_HOME is this test's folder (the autouse fixture)
    if not db.exists():
        return  # nothing was written at all
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assessments = conn.execute("SELECT COUNT(*) FROM assessments").fetchone()[0]
        scores = conn.execute("SELECT COUNT(*) FROM scores").fetchone()[0] if _has(conn, "scores") else 0
        sessions = conn.execute("SELECT COUNT(*) FROM sessions").fetchone()[0]
    finally:
        conn.close()
    assert assessments == 0 and scores == 0  # no half-recorded assessment
    assert sessions <= 1  # at most the interview the self-assessment was for, unscored


def _has(conn: sqlite3.Connection, table: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (table,)).fetchone() is not None
