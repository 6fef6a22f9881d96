"""The session store: round trips, rescoring history, listings, lookups, refusals, concurrency."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mockinterview import paths
from mockinterview.errors import SessionNotFound, StoreError
from mockinterview.interview.session import Assessment, EstimateAnswer, PhaseRecord, Session
from mockinterview.store import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, HistoryRow, Store
from mockinterview.store.connection import BUSY_TIMEOUT
from mockinterview.vocab import BAND_IDS

T0 = datetime(2024, 5, 1, 9, 0, 0, tzinfo=UTC)


def make_session(
    sid: str,
    *,
    scenario: str = "url-shortener",
    started: datetime = T0,
    state: str = "in_progress",
    used: tuple[float, float] = (0.0, 0.0),
) -> Session:
    phases = [
        PhaseRecord(index=0, phase_id="reqs", kind="requirements", title="Requirements", planned_seconds=300),
        PhaseRecord(index=1, phase_id="hld", kind="high_level_design", title="High-level design", planned_seconds=900),
    ]
    phases[0].used_seconds, phases[1].used_seconds = used
    return Session(
        id=sid,
        scenario_id=scenario,
        scenario_title=f"Design {scenario}",
        level="mid",
        focus="general",
        mode="timed",
        state=state,  # type: ignore[arg-type]
        started_at=started,
        planned_minutes=20.0,
        phases=phases,
        settings={"speed": 1.0, "strict": False},
    )


def make_assessment(base: int = 3, *, created: datetime = T0, source: str = "interactive") -> Assessment:
    return Assessment(
        scores={"system_design_knowledge": base, "api_design": base + 1, "collaboration": base - 1},
        bands={"technical_depth": 30, "system_design": 20, "communication_process": 15},
        checklist={"strong_indicators": ["asks clarifying questions"], "concerns": []},
        source=source,
        created_at=created,
    )


def summary(score: int, total: int = 65) -> dict[str, object]:
    return {
        "score_50": score,
        "percent_50": round(score / 50 * 100, 1),
        "label_50": "Good",
        "total_100": total,
        "verdict": "Hire",
    }


def sql(db: Path, query: str, *params: object) -> list[tuple[object, ...]]:
    """Look inside the file with a connection of the test's own (the store exposes none)."""
    conn = sqlite3.connect(db)
    try:
        return [tuple(r) for r in conn.execute(query, params)]
    finally:
        conn.close()


def assessments_of(store: Store, session_id: str) -> list[dict[str, object]]:
    """Every assessment of a session, oldest first, as the export reads them."""
    return next(r["assessments"] for r in store.records() if r["session"]["id"] == session_id)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "store.db"


@pytest.fixture
def store(db: Path):
    with Store(db) as s:
        yield s


# --------------------------------------------------------------------------- opening


def test_default_path_and_parent_created(isolated_home: Path) -> None:
    assert not isolated_home.exists()
    with Store() as s:
        assert s.path == paths.database_path()
        assert s.count() == 0
    assert paths.database_path().is_file()


def test_pragmas(store: Store, db: Path) -> None:
    conn = store._db.conn  # the store's own connection, inspected (nothing outside the store may use it)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == BUSY_TIMEOUT * 1000 == 10000
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == len(MIGRATIONS)
    assert conn.isolation_level is None
    assert sql(db, "PRAGMA journal_mode") == [("wal",)]  # the file stays in WAL mode
    assert sql(db, "PRAGMA application_id") == [(APPLICATION_ID,)]


def test_band_columns_match_the_vocabulary(store: Store, db: Path) -> None:
    columns = {r[1] for r in sql(db, "PRAGMA table_info(assessments)")}
    assert set(BAND_IDS) <= columns


def test_store_does_not_import_terminal_libraries() -> None:
    code = (
        "import sys, mockinterview.store\n"
        "bad = [m for m in ('typer', 'rich', 'questionary', 'prompt_toolkit') if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_migrates_an_empty_file(db: Path) -> None:
    db.write_bytes(b"")
    with Store(db) as s:
        assert sql(db, "PRAGMA user_version") == [(len(MIGRATIONS),)]
        s.create(make_session("abcdef"))
        assert s.get("abcdef").id == "abcdef"
    with Store(db) as s:  # reopening is a no-op
        assert s.count() == 1


def test_refuses_a_newer_database_untouched(db: Path) -> None:
    with Store(db) as s:
        s.create(make_session("abcdef"))
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    before = db.read_bytes()
    with pytest.raises(StoreError) as info:
        Store(db)
    message = str(info.value)
    assert "newer mockinterview" in message
    assert str(len(MIGRATIONS) + 5) in message and str(len(MIGRATIONS)) in message
    assert "untouched" in message
    assert db.read_bytes() == before


def test_refuses_a_corrupt_file_untouched(db: Path) -> None:
    content = b"not a database" * 100
    db.write_bytes(content)
    with pytest.raises(StoreError) as info:
        Store(db)
    message = str(info.value)
    assert str(db) in message
    assert "not a mockinterview database or is damaged" in message
    assert "untouched" in message and "move it aside" in message.lower()
    assert db.read_bytes() == content
    assert sorted(p.name for p in db.parent.iterdir()) == [db.name]


def test_refuses_another_programs_database_untouched(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE sessions (x)")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    with pytest.raises(StoreError, match="not a mockinterview database"):
        Store(db)
    assert db.read_bytes() == before


# --------------------------------------------------------------------------- round trips


def test_full_round_trip(store: Store) -> None:
    session = make_session("rt2345", state="finished", used=(290.5, 1000.0))
    session.ended_at = T0 + timedelta(minutes=25)
    session.current_phase = 1
    session.phases[0].notes = "Größe: 10⁹ Nutzer — 短链接 🚀\n[red]not markup[/red] [bold]"
    session.phases[0].status = "done"
    session.phases[0].started_at = T0
    session.phases[0].ended_at = T0 + timedelta(seconds=290)
    session.phases[1].extra_seconds = 120.0
    session.phases[1].status = "done"
    store.create(session)
    assessment = make_assessment(4)
    aid = store.add_assessment(session.id, assessment, summary=summary(40))
    estimates = [
        EstimateAnswer("qps", "Writes per second", "req/s", 1200.0, 1157.4, "on_target"),
        EstimateAnswer("storage", "Storage over 5 years", "TB", None, 15.0, None),
    ]
    store.save_estimates(session.id, estimates)

    got = store.get(session.id)
    assert got.phases == session.phases
    assert got.phases[0].notes == session.phases[0].notes
    assert got.settings == {"speed": 1.0, "strict": False}
    assert got.ended_at == session.ended_at
    assert got.current_phase == 1
    assert got.state == "finished"
    assert got.estimates == estimates
    assert got.assessment is not None
    assert got.assessment.id == aid
    assert got.assessment.scores == assessment.scores
    assert list(got.assessment.scores) == list(assessment.scores)  # order kept
    assert got.assessment.bands == assessment.bands
    assert got.assessment.checklist == assessment.checklist
    assert got.assessment.created_at == assessment.created_at
    assert got.assessment.source == "interactive"
    assert got.updated_at is not None
    # everything but the stored-only fields compares equal
    session.assessment = got.assessment
    session.estimates = estimates
    session.updated_at = got.updated_at
    assert got == session


def test_create_duplicate_id(store: Store) -> None:
    store.create(make_session("dup234"))
    with pytest.raises(StoreError, match="already exists"):
        store.create(make_session("dup234"))
    assert store.count() == 1


def test_save_phase_updates_notes_and_updated_at(store: Store) -> None:
    session = make_session("ph2345")
    session.updated_at = T0
    store.create(session)
    phase = session.phases[1]
    phase.notes = "load balancer → app servers → cache"
    phase.used_seconds = 42.5
    phase.extra_seconds = 120
    phase.status = "active"
    phase.started_at = T0 + timedelta(minutes=5)
    store.save_phase(session.id, phase)
    got = store.get(session.id)
    assert got.phases[1] == phase
    assert got.phases[0] == session.phases[0]
    assert got.updated_at is not None and got.updated_at > T0


def test_save_phase_unknown(store: Store) -> None:
    store.create(make_session("ph2345"))
    with pytest.raises(SessionNotFound):
        store.save_phase("nope99", make_session("x").phases[0])
    bad = PhaseRecord(index=7, phase_id="x", kind="x", title="x", planned_seconds=1)
    with pytest.raises(StoreError, match="no phase 7"):
        store.save_phase("ph2345", bad)


def test_update_session(store: Store) -> None:
    session = make_session("up2345")
    store.create(session)
    session.state = "finished"
    session.ended_at = T0 + timedelta(minutes=19)
    session.current_phase = 1
    session.settings["strict"] = True
    session.planned_minutes = 30.0
    session.phases[0].notes = "done"
    session.phases[1].used_seconds = 600
    store.update_session(session)
    got = store.get(session.id)
    assert got.state == "finished"
    assert got.ended_at == session.ended_at
    assert got.current_phase == 1
    assert got.settings == {"speed": 1.0, "strict": True}
    assert got.planned_minutes == 30.0
    assert got.phases == session.phases
    with pytest.raises(SessionNotFound):
        store.update_session(make_session("zzz999"))


def test_rescoring_keeps_history(store: Store) -> None:
    store.create(make_session("rs2345"))
    first = store.add_assessment("rs2345", make_assessment(2, created=T0), summary=summary(20, 40))
    second = store.add_assessment(
        "rs2345", make_assessment(4, created=T0 + timedelta(hours=1), source="file"), summary=summary(41, 80)
    )
    assert second != first
    history = assessments_of(store, "rs2345")
    assert [a["current"] for a in history] == [False, True]
    assert history[0]["scores"]["system_design_knowledge"] == 2
    assert history[1]["scores"]["system_design_knowledge"] == 4
    current = store.get("rs2345").assessment
    assert current is not None and current.id == second and current.source == "file"
    (row,) = store.history()
    assert (row.score_50, row.total_100, row.percent_50) == (41, 80, 82.0)
    assert sql(store.path, "SELECT id, is_current FROM assessments ORDER BY id") == [(first, 0), (second, 1)]


def test_add_assessment_is_atomic(store: Store) -> None:
    store.create(make_session("at2345"))
    store.add_assessment("at2345", make_assessment(3), summary=summary(30))
    broken = Assessment(scores={"a": 1}, bands={"nonsense": 3})
    with pytest.raises(StoreError, match="unknown band"):
        store.add_assessment("at2345", broken, summary=summary(10))
    with pytest.raises(SessionNotFound):
        store.add_assessment("nope99", make_assessment(), summary=summary(10))
    with pytest.raises(ValueError, match="verdict"):
        store.add_assessment("at2345", make_assessment(), summary={"score_50": 1})
    assert len(assessments_of(store, "at2345")) == 1
    assert store.history()[0].score_50 == 30


def test_save_estimates_replaces(store: Store) -> None:
    store.create(make_session("es2345"))
    store.save_estimates("es2345", [EstimateAnswer("qps", "QPS", "req/s", 1.0, 2.0, "off")])
    new = [EstimateAnswer("storage", "Storage", "TB", 3.0, 3.0, "on_target")]
    store.save_estimates("es2345", new)
    assert store.get("es2345").estimates == new
    with pytest.raises(SessionNotFound):
        store.save_estimates("nope99", new)


# --------------------------------------------------------------------------- listings


def test_latest(store: Store) -> None:
    assert store.latest() is None
    store.create(make_session("old234", started=T0, state="in_progress"))
    store.create(make_session("mid234", started=T0 + timedelta(hours=1), state="finished"))
    store.create(make_session("new234", started=T0 + timedelta(hours=2), state="finished"))
    store.add_assessment("new234", make_assessment(), summary=summary(30))
    latest = store.latest()
    assert latest is not None and latest.id == "new234"
    unscored = store.latest(unscored=True)
    assert unscored is not None and unscored.id == "mid234"
    unfinished = store.latest(unfinished=True)
    assert unfinished is not None and unfinished.id == "old234"
    both = store.latest(unscored=True, unfinished=True)
    assert both is not None and both.id == "old234"
    store.add_assessment("old234", make_assessment(), summary=summary(30))
    assert store.latest(unscored=True, unfinished=True) is None


def test_latest_same_second_prefers_last_created(store: Store) -> None:
    store.create(make_session("zzz234"))
    store.create(make_session("aaa234"))
    latest = store.latest()
    assert latest is not None and latest.id == "aaa234"


def test_history_order_filter_paging_used_minutes(store: Store) -> None:
    for i in range(5):
        scenario = "chat" if i % 2 else "url-shortener"
        store.create(make_session(f"h{i}abcd", scenario=scenario, started=T0 + timedelta(days=i), used=(60.0 * i, 30.0)))
    store.add_assessment("h4abcd", make_assessment(), summary=summary(33, 70))

    rows = store.history()
    assert [r.id for r in rows] == ["h4abcd", "h3abcd", "h2abcd", "h1abcd", "h0abcd"]
    assert all(isinstance(r, HistoryRow) for r in rows)
    assert rows[0].used_minutes == pytest.approx(4.5)
    assert rows[-1].used_minutes == pytest.approx(0.5)
    assert rows[0].started_at == T0 + timedelta(days=4)
    assert (rows[0].score_50, rows[0].total_100, rows[0].verdict, rows[0].label_50) == (33, 70, "Hire", "Good")
    assert rows[1].score_50 is None and rows[1].verdict is None

    assert [r.id for r in store.history(scenario="chat")] == ["h3abcd", "h1abcd"]
    assert [r.id for r in store.history(limit=2)] == ["h4abcd", "h3abcd"]
    assert [r.id for r in store.history(limit=2, offset=2)] == ["h2abcd", "h1abcd"]
    assert [r.id for r in store.history(limit=None, offset=3)] == ["h1abcd", "h0abcd"]
    assert store.history(scenario="nothing") == []
    assert store.count() == 5
    assert store.count(scenario="chat") == 2

    d = rows[0].to_dict()
    assert d["started_at"] == "2024-05-05T09:00:00Z"
    assert d["used_minutes"] == pytest.approx(4.5)
    assert set(d) == {f.name for f in HistoryRow.__dataclass_fields__.values()}


def test_history_is_one_query(store: Store) -> None:
    for i in range(30):
        store.create(make_session(f"q{i:02d}xyz", started=T0 + timedelta(minutes=i)))
    statements: list[str] = []
    conn = store._db.conn  # traced from inside: nothing outside the store may use it
    conn.set_trace_callback(statements.append)
    try:
        rows = store.history(limit=10, offset=5)
    finally:
        conn.set_trace_callback(None)
    assert len(rows) == 10
    assert len(statements) == 1 and "LIMIT" in statements[0]


# --------------------------------------------------------------------------- lookups


def test_prefix_lookup(store: Store) -> None:
    store.create(make_session("abc234"))
    store.create(make_session("abd567"))
    store.create(make_session("abd589"))
    assert store.get("abc234").id == "abc234"  # exact
    assert store.get("abc").id == "abc234"  # unique prefix
    with pytest.raises(SessionNotFound) as info:
        store.get("abd")
    assert "abd567" in str(info.value) and "abd589" in str(info.value)
    assert store.get("abd56").id == "abd567"
    with pytest.raises(SessionNotFound) as info:
        store.get("xyz")
    assert str(info.value) == "no interview 'xyz'"
    assert info.value.hint == "mockinterview history lists them"
    with pytest.raises(SessionNotFound) as info:
        store.get("ab")  # too short, even though it would be unique-ish
    assert "at least 3" in (info.value.hint or "")
    with pytest.raises(SessionNotFound):
        store.get("")
    with pytest.raises(SessionNotFound):
        store.get("abc%")  # no wildcard semantics


def test_ambiguous_prefix_of_four(store: Store) -> None:
    store.create(make_session("abd567"))
    store.create(make_session("abd589"))
    with pytest.raises(SessionNotFound, match="abd567, abd589"):
        store.get("abd5")


# --------------------------------------------------------------------------- delete / export


def test_delete_cascades(store: Store) -> None:
    store.create(make_session("del234"))
    store.create(make_session("keep23"))
    store.add_assessment("del234", make_assessment(), summary=summary(30))
    store.add_assessment("del234", make_assessment(4), summary=summary(35))
    store.save_estimates("del234", [EstimateAnswer("qps", "QPS", "req/s", 1.0, 2.0, "off")])
    store.delete("del234")
    with pytest.raises(SessionNotFound):
        store.get("del234")
    for table in ("phases", "assessments", "criterion_scores", "estimates"):
        column = "assessment_id" if table == "criterion_scores" else "session_id"
        assert sql(store.path, f"SELECT count(*) FROM {table} WHERE {column} != 'keep23'") == [(0,)], table
    assert sql(store.path, "SELECT count(*) FROM phases") == [(2,)]
    assert store.count() == 1
    with pytest.raises(SessionNotFound):
        store.delete("del234")


def test_records_oldest_first(store: Store) -> None:
    store.create(make_session("it3abc", started=T0 + timedelta(days=3)))
    store.create(make_session("it1abc", started=T0 + timedelta(days=1)))
    store.create(make_session("it2abc", started=T0 + timedelta(days=2)))
    store.add_assessment("it2abc", make_assessment(), summary=summary(30))
    records = list(store.records())
    assert [r["session"]["id"] for r in records] == ["it1abc", "it2abc", "it3abc"]
    assert len(records[1]["assessments"]) == 1 and len(records[0]["phases"]) == 2


def test_closed_store(db: Path) -> None:
    s = Store(db)
    s.close()
    s.close()  # idempotent
    with pytest.raises(StoreError, match="closed"):
        s.count()


# --------------------------------------------------------------------------- concurrency

_WORKER = textwrap.dedent(
    """
    import sys, time
    from datetime import UTC, datetime, timedelta
    from pathlib import Path
    from mockinterview.interview.session import Assessment, PhaseRecord, Session
    from mockinterview.store import Store

    db, tag, go = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    deadline = time.monotonic() + 30
    while not go.exists() and time.monotonic() < deadline:
        time.sleep(0.005)
    t0 = datetime(2024, 1, 1, tzinfo=UTC)
    with Store(db) as store:
        for i in range(200):
            sid = f"{tag}{i:04d}"
            store.create(Session(
                id=sid, scenario_id="s", scenario_title="S", level="mid", focus="f",
                mode="timed", state="finished", started_at=t0 + timedelta(seconds=i),
                planned_minutes=10.0,
                phases=[PhaseRecord(index=j, phase_id=f"p{j}", kind="k", title="T",
                                    planned_seconds=60.0, notes=f"{tag} {i} {j}") for j in range(2)],
            ))
            store.add_assessment(
                sid,
                Assessment(scores={"a": 3, "b": 4}, bands={"technical_depth": 25}),
                summary={"score_50": 30, "percent_50": 60.0, "label_50": "ok",
                         "total_100": 60, "verdict": "Hire"},
            )
    """
)


def test_two_processes_writing_at_once_lose_nothing(db: Path, tmp_path: Path) -> None:
    script = tmp_path / "worker.py"
    script.write_text(_WORKER)
    go = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, str(script), str(db), tag, str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for tag in ("a", "b")
    ]
    time.sleep(0.3)  # let both import before they race
    go.touch()
    for p in procs:
        _out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    with Store(db) as store:
        assert store.count() == 400
    assert sql(db, "SELECT count(*) FROM assessments") == [(400,)]
    assert sql(db, "SELECT count(*) FROM phases") == [(800,)]
    assert sql(db, "SELECT count(*) FROM criterion_scores") == [(800,)]
    assert sql(db, "SELECT count(*) FROM sessions WHERE score_50 IS NULL") == [(0,)]


_OPENER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from mockinterview.store import Store

    go = Path(sys.argv[2])
    while not go.exists():
        time.sleep(0.001)
    for db in sys.argv[3:]:
        with Store(Path(db)) as store:
            store.count()
    """
)


def test_processes_creating_a_new_database_at_once_all_succeed(tmp_path: Path) -> None:
    """The first open of a new file races its migration in another process; both must succeed."""
    script = tmp_path / "opener.py"
    script.write_text(_OPENER)
    dbs = [str(tmp_path / f"new{i}.db") for i in range(25)]  # 25 fresh files, opened by all at once
    go = tmp_path / "go"
    procs = [
        subprocess.Popen([sys.executable, str(script), "x", str(go), *dbs], stderr=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    time.sleep(0.5)
    go.touch()
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], "\n".join(errors)


# --------------------------------------------------------------------------- one transaction per command


def test_save_score_creates_and_scores_in_one_transaction(db: Path) -> None:
    session = make_session("sc2345", state="finished")
    session.settings["draft"] = {"scores": {"api_design": 2}}
    with Store(db) as store:
        store.save_score(session, make_assessment(4), summary=summary(40), create=True)
        got = store.get("sc2345")
    assert got.assessment is not None and session.assessment is not None
    assert got.assessment.id == session.assessment.id and got.assessment.scores == make_assessment(4).scores
    assert got.settings == session.settings and session.updated_at is not None
    (row,) = Store(db).history()
    assert (row.id, row.score_50) == ("sc2345", 40)


def test_save_score_leaves_nothing_when_it_fails_halfway(db: Path) -> None:
    with Store(db):
        pass
    conn = sqlite3.connect(db)  # an assessment the database refuses, after the session went in
    conn.execute("CREATE TRIGGER refuse BEFORE INSERT ON assessments BEGIN SELECT RAISE(ABORT, 'refused'); END")
    conn.close()
    with Store(db) as store, pytest.raises(StoreError) as info:
        store.save_score(make_session("hf2345"), make_assessment(), summary=summary(30), create=True)
    assert str(info.value) == f"the interview store {db} refused a change: refused; nothing was written"
    assert sql(db, "SELECT count(*) FROM sessions") == [(0,)]
    assert sql(db, "SELECT count(*) FROM phases") == [(0,)]


def test_a_failure_after_a_write_says_what_was_saved(store: Store) -> None:
    store.create(make_session("fw2345"))
    with pytest.raises(StoreError) as info:
        store.create(make_session("fw2345"))
    assert str(info.value) == (
        "an interview with id 'fw2345' already exists;"
        " this last change was not saved (earlier changes by this command were)"
    )


def test_import_records_is_all_or_nothing(store: Store, db: Path) -> None:
    store.create(make_session("keep23"))
    store.add_assessment("keep23", make_assessment(), summary=summary(30))
    (record,) = store.records()
    fresh = [{**record, "session": {**record["session"], "id": f"new{i}23"}} for i in range(3)]
    broken = {**fresh[2], "assessments": [{**record["assessments"][0], "bands": {"technical_depth": 2**70}}]}
    before = sql(db, "SELECT id FROM sessions")
    with pytest.raises(OverflowError):  # the file's checks refuse such values; the store still rolls back
        store.import_records([fresh[0], fresh[1], broken])
    assert sql(db, "SELECT id FROM sessions") == before
    counts = store.import_records([record, *fresh])
    assert (counts.imported, counts.skipped) == (["new023", "new123", "new223"], ["keep23"])


# --------------------------------------------------------------------------- read-only


def test_a_read_only_file_is_read_and_refuses_writes(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mockinterview.store import connection

    with Store(db) as s:
        s.create(make_session("ro2345"))
    monkeypatch.setattr(connection, "writable", lambda path: Path(path) != db)
    with Store(db) as store:
        assert store.get("ro2345").id == "ro2345" and store.count() == 1 and len(list(store.records())) == 1
        with pytest.raises(StoreError) as info:
            store.delete("ro2345")
        assert str(info.value) == f"cannot save to {db}: the file is read-only; nothing was written"
        assert info.value.hint is not None and "history, report, progress, next and export still work" in info.value.hint
    assert sql(db, "SELECT id FROM sessions") == [("ro2345",)]


def test_a_read_only_folder_without_a_store_reads_as_empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mockinterview.store import connection

    folder = tmp_path / "ro"
    folder.mkdir()
    monkeypatch.setattr(connection, "writable", lambda path: False)
    with Store(folder / "store.db") as store:
        assert store.count() == 0 and store.history() == [] and store.latest() is None
        assert store.progress.counts() == (0, 0)
        with pytest.raises(StoreError, match=f"its folder {folder} is read-only; nothing was written"):
            store.create(make_session("xx2345"))
    assert list(folder.iterdir()) == []
