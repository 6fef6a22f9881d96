"""Benchmark: `progress`, `next` and `history` at 1,000 and 10,000 scored interviews.

A script, not a test. For each size it builds a store in a temporary
MOCKINTERVIEW_HOME (through the store's import, in one transaction: a few seconds for
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
    from mockinterview.content.loader import load_rubric
    from mockinterview.dates import iso
    from mockinterview.interview.session import new_id
    from mockinterview.scoring.arithmetic import evaluate
    from mockinterview.store import Store

    t0 = time.perf_counter()
    rng = random.Random(seed)
    rubric = load_rubric()
    catalogue = Catalogue()
    scenarios = [catalogue.get(sid) for sid in catalogue.ids()]
    talent = {c.id: rng.uniform(-1.2, 1.0) for c in rubric.criteria}
    end = datetime.now(UTC).replace(microsecond=0)
    span = timedelta(days=730)
    starts = sorted(end - span * rng.random() for _ in range(n))
    records = []  # in the export format's shape (docs/data-format.md), inserted as `import` does
    ids: set[str] = set()
    for k, started in enumerate(starts):
        sid = new_id()
        while sid in ids:
            sid = new_id()
        ids.add(sid)
        sc = rng.choice(scenarios)
        timed = rng.random() < 0.7
        growth = 1.2 * k / max(1, n - 1)
        used_total = 0.0
        phases = []
        for i, ph in enumerate(sc.phases):
            planned = ph.minutes * 60
            used = planned * rng.uniform(0.7, 1.45) if timed else 0.0
            used_total += used
            phases.append({
                "index": i, "phase_id": ph.id, "kind": ph.kind.value, "title": ph.title,
                "planned_seconds": planned, "used_seconds": used, "extra_seconds": 0.0,
                "notes": f"notes for {ph.title}" if timed else "", "status": "done" if timed else "pending",
                "started_at": iso(started + timedelta(seconds=used_total - used)) if timed else None,
                "ended_at": iso(started + timedelta(seconds=used_total)) if timed else None,
            })  # fmt: skip
        ended = started + timedelta(seconds=used_total or 60)
        n_assess = 2 if rng.random() < 0.2 else 1
        assessments = []
        for j in range(n_assess):
            crit = {
                c.id: max(1, min(5, round(3 + talent[c.id] + growth + rng.gauss(0, 0.7) - (0.5 if j < n_assess - 1 else 0))))
                for c in rubric.criteria
            }
            extra = {x.id: rng.randint(2, 4) for x in sc.rubric.extra_criteria}
            result = evaluate(rubric, crit)
            assessments.append({
                "created_at": iso(ended + timedelta(minutes=5 + 60 * j)), "source": "file",
                "current": j == n_assess - 1, "scores": {**crit, **extra},
                "bands": {b.band.id: b.points for b in result.bands},
                "checklist": {"strong_indicators": [], "concerns": []},
                "score_50": result.score_50, "percent_50": result.percent_50, "label_50": result.label_50.label,
                "total_100": result.total_100, "verdict": result.verdict.label,
            })  # fmt: skip
        estimates = []
        if sc.estimation is not None and rng.random() < 0.3:
            for fig in (f for f in sc.estimation.figures if f.ask):
                ref = fig.stated_value or 1.0
                estimates.append({
                    "figure": fig.name, "label": fig.label, "unit": fig.unit.value, "answer": ref * rng.uniform(0.5, 2),
                    "reference": ref, "grade": rng.choice(["on_target", "order_of_magnitude", "off"]),
                })  # fmt: skip
        session = {
            "id": sid, "scenario_id": sc.id, "scenario_title": sc.title, "level": sc.level, "focus": sc.focus,
            "mode": "timed" if timed else "manual", "state": "finished", "started_at": iso(started),
            "ended_at": iso(ended), "updated_at": assessments[-1]["created_at"], "planned_minutes": sc.minutes,
            "current_phase": len(sc.phases) - 1, "settings": {"speed": 1.0},
        }  # fmt: skip
        records.append({"session": session, "phases": phases, "assessments": assessments, "estimates": estimates})

    with Store() as store:
        store.import_records(records)  # one transaction
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
