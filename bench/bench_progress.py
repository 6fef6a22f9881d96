"""Benchmark: `progress`, `next` and `history` at 1,000 and 10,000 scored interviews.

A script, not a test. For each size it builds a store in a temporary
MOCKINTERVIEW_HOME (directly with SQL, in one transaction: a couple of seconds for
10,000 interviews), then runs each command in a fresh subprocess several times and
reports the median and minimum wall time and the median CPU time (user + system),
in seconds and as a ratio to ``mockinterview --help``
measured in the same run (round-robin, after two warm-up runs of each, with bytecode
cached in a temporary PYTHONPYCACHEPREFIX as for an installed user). Target: every command within 2x of ``--help`` at 10,000.

    .venv/bin/python bench/bench_progress.py            # 1,000 and 10,000, 7 runs each
    .venv/bin/python bench/bench_progress.py --runs 11 --sizes 1000 10000 50000
    .venv/bin/python bench/bench_progress.py --keep     # keep the stores, print their folders

The generated history is a plausible one: every bundled scenario, two years of
practice (several interviews a day), 70% timed runs with phase timings that over-
and under-run, one in five interviews rescored (so older assessments exist), scores
drifting upwards over time with per-criterion strengths and weaknesses.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXE = Path(sys.executable).with_name("mockinterview")
COMMANDS: list[tuple[str, list[str]]] = [
    ("--help", ["--help"]),
    ("history", ["history"]),
    ("progress", ["progress"]),
    ("next", ["next"]),
]


def build(home: Path, n: int, seed: int = 7) -> float:
    """Create a store of ``n`` scored interviews in ``home``; return the seconds it took."""
    os.environ["MOCKINTERVIEW_HOME"] = str(home)
    from mockinterview.content.catalogue import Catalogue
    from mockinterview.interview.session import iso, new_id
    from mockinterview.scoring.arithmetic import evaluate, load_rubric
    from mockinterview.store import BAND_COLUMNS, Store

    t0 = time.perf_counter()
    rng = random.Random(seed)
    rubric = load_rubric()
    entries, _ = Catalogue().load_all()
    scenarios = [e.load() for e in entries]
    talent = {c.id: rng.uniform(-1.2, 1.0) for c in rubric.criteria}
    end = datetime.now(UTC).replace(microsecond=0)
    span = timedelta(days=730)
    starts = sorted(end - span * rng.random() for _ in range(n))
    sessions, phases, assessments, scores, estimates = [], [], [], [], []
    ids: set[str] = set()
    aid = 0
    for k, started in enumerate(starts):
        sid = new_id()
        while sid in ids:
            sid = new_id()
        ids.add(sid)
        sc = rng.choice(scenarios)
        timed = rng.random() < 0.7
        growth = 1.2 * k / max(1, n - 1)
        used_total = 0.0
        for i, ph in enumerate(sc.phases):
            planned = ph.minutes * 60
            used = planned * rng.uniform(0.7, 1.45) if timed else 0.0
            used_total += used
            phases.append(
                (sid, i, ph.id, ph.kind.value, ph.title, planned, used, 0.0,
                 f"notes for {ph.title}" if timed else "", "done" if timed else "pending",
                 iso(started + timedelta(seconds=used_total - used)) if timed else None,
                 iso(started + timedelta(seconds=used_total)) if timed else None)
            )
        ended = started + timedelta(seconds=used_total or 60)
        n_assess = 2 if rng.random() < 0.2 else 1
        final = None
        for j in range(n_assess):
            aid += 1
            crit = {
                c.id: max(1, min(5, round(3 + talent[c.id] + growth + rng.gauss(0, 0.7) - (0.5 if j < n_assess - 1 else 0))))
                for c in rubric.criteria
            }
            extra = {x.id: rng.randint(2, 4) for x in sc.rubric.extra_criteria}
            result = evaluate(rubric, crit)
            created = ended + timedelta(minutes=5 + 60 * j)
            current = j == n_assess - 1
            bands = {b.band.id: b.points for b in result.bands}
            assessments.append(
                (aid, sid, iso(created), "file", 1 if current else 0, *(bands[b] for b in BAND_COLUMNS),
                 json.dumps({"strong_indicators": [], "concerns": []}),
                 result.score_50, result.percent_50, result.label_50.label, result.total_100, result.verdict.label)
            )
            for pos, (c, v) in enumerate({**crit, **extra}.items()):
                scores.append((aid, c, v, pos))
            if current:
                final = (result, created)
        assert final is not None
        result, created = final
        sessions.append(
            (sid, sc.id, sc.title, sc.level, sc.focus, "timed" if timed else "manual", "finished",
             iso(started), iso(ended), iso(created), sc.minutes, len(sc.phases) - 1, json.dumps({"speed": 1.0}),
             result.score_50, result.percent_50, result.label_50.label, result.total_100, result.verdict.label, iso(created))
        )
        if sc.estimation is not None and rng.random() < 0.3:
            for pos, fig in enumerate(f for f in sc.estimation.figures if f.ask):
                ref = fig.stated_value or 1.0
                estimates.append((sid, fig.name, fig.label, fig.unit.value, ref * rng.uniform(0.5, 2), ref,
                                  rng.choice(["on_target", "order_of_magnitude", "off"]), pos))

    with Store() as store:
        conn = store.conn
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            """INSERT INTO sessions (id, scenario_id, scenario_title, level, focus, mode, state, started_at,
               ended_at, updated_at, planned_minutes, current_phase, settings, score_50, percent_50, label_50,
               total_100, verdict, scored_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            sessions,
        )
        conn.executemany("INSERT INTO phases VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", phases)
        conn.executemany(
            f"""INSERT INTO assessments (id, session_id, created_at, source, is_current, {", ".join(BAND_COLUMNS)},
                checklist, score_50, percent_50, label_50, total_100, verdict)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            assessments,
        )
        conn.executemany("INSERT INTO criterion_scores VALUES (?,?,?,?)", scores)
        conn.executemany("INSERT INTO estimates VALUES (?,?,?,?,?,?,?,?)", estimates)
        conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return time.perf_counter() - t0


def environment(home: Path, pycache: Path) -> dict[str, str]:
    """As for an installed user: bytecode cached (this environment sets
    PYTHONDONTWRITEBYTECODE=1, which would recompile mockinterview on every run),
    no colour, 80 columns, output to a pipe."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(MOCKINTERVIEW_HOME=str(home), NO_COLOR="1", COLUMNS="80", PYTHONPYCACHEPREFIX=str(pycache))
    return env


def run_once(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one run of the command."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([str(EXE), *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"mockinterview {' '.join(args)} failed: {proc.stderr.read().decode() if proc.stderr else ''}")
    return wall, usage.ru_utime + usage.ru_stime


def timed_runs(env: dict[str, str], runs: int) -> dict[str, dict[str, float]]:
    """Median and minimum wall time, and median CPU time, of each command.

    Runs go round-robin so that background load hits every command alike.
    """
    for _, args in COMMANDS:  # warm-up: bytecode cache, page cache, SQLite file, scenario caches
        for _ in range(2):
            run_once(args, env)
    walls: dict[str, list[float]] = {name: [] for name, _ in COMMANDS}
    cpus: dict[str, list[float]] = {name: [] for name, _ in COMMANDS}
    for _ in range(runs):
        for name, args in COMMANDS:
            wall, cpu = run_once(args, env)
            walls[name].append(wall)
            cpus[name].append(cpu)
    return {
        name: {"median": statistics.median(walls[name]), "min": min(walls[name]), "cpu": statistics.median(cpus[name])}
        for name, _ in COMMANDS
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--keep", action="store_true", help="keep the generated stores")
    opts = ap.parse_args()
    if not EXE.exists():
        print(f"cannot find {EXE}; run with the project's venv python", file=sys.stderr)
        return 2
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"python {sys.version.split()[0]} · {os.cpu_count()} cores · {opts.runs} runs per command, median"
          f" · load average {load:.2f}")
    results: dict[int, dict[str, dict[str, float]]] = {}
    pycache = Path(tempfile.mkdtemp(prefix="mi-bench-pycache-"))
    for n in opts.sizes:
        home = Path(tempfile.mkdtemp(prefix=f"mi-bench-{n}-"))
        secs = build(home, n)
        db = home / "mockinterview.db"
        print(f"\n{n:,} interviews: built in {secs:.1f} s, database {db.stat().st_size / 1e6:.1f} MB ({home})")
        results[n] = timed_runs(environment(home, pycache), opts.runs)
        base = results[n]["--help"]
        print(f"  {'command':10} {'median':>7} {'x --help':>8} {'min':>7} {'x --help':>8} {'CPU':>7} {'x --help':>8}")
        for name, _ in COMMANDS:
            r = results[n][name]
            ratios = [r[k] / base[k] for k in ("median", "min", "cpu")]
            flag = "" if ratios[0] <= 2 else "  (median over 2x)"
            print(
                f"  {name:10} {r['median']:7.3f} {ratios[0]:8.2f} {r['min']:7.3f} {ratios[1]:8.2f}"
                f" {r['cpu']:7.3f} {ratios[2]:8.2f}{flag}"
            )
        if not opts.keep:
            shutil.rmtree(home, ignore_errors=True)
    shutil.rmtree(pycache, ignore_errors=True)
    if len(opts.sizes) > 1:
        a, b = opts.sizes[0], opts.sizes[-1]
        print(f"\ngrowth from {a:,} to {b:,} interviews (median seconds, ratio):")
        for name, _ in COMMANDS:
            ta, tb = results[a][name]["median"], results[b][name]["median"]
            print(f"  {name:10} {ta:.3f} -> {tb:.3f}  x{tb / ta:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
