"""Startup benchmark: how long `mockinterview --help`, `mockinterview list` and
`mockinterview show ID --reveal` take, against a bare Typer hello-world on the same
interpreter, plus `list` over 1,000 scenario files, which modules the fast paths import,
and the slowest imports of `list`.

`show --reveal` is timed twice: as a user sees it the second time (the view comes from
`<data dir>/cache/views`, filled by the warm-up runs) and rendered every time (a data
folder whose `cache` is a file, so no view is ever kept: the models are built, the YAML
read and the reveal laid out on every run).

Prints figures only; it asserts nothing. Run it with the project's interpreter:

    .venv/bin/python bench/bench_startup.py            # 3 warm-up + 20 timed runs each, round-robin
    .venv/bin/python bench/bench_startup.py -n 50      # more runs
    .venv/bin/python bench/bench_startup.py --profile  # also cProfile `list` over 1,000 files

Every run is a fresh subprocess of ``sys.executable`` with stdout/stderr captured
(a pipe, not a terminal, so rich renders at COLUMNS=100 without colour), with
MOCKINTERVIEW_HOME pointing at an empty temp folder and MOCKINTERVIEW_SCENARIOS unset.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PY = sys.executable

HELLO = """\
import typer

app = typer.Typer()


@app.command()
def hello(name: str = "x"):
    print(name)


if __name__ == "__main__":
    app()
"""

TARGET_HELP = 1.3  # --help within 1.3x of the bare Typer app
TARGET_LIST = 1.5  # list within 1.5x of the bare Typer app
TARGET_SHOW = 1.5  # show ID --reveal within 1.5x of the bare Typer app running its command
SHOW_ID = "social-media-feed"
SHOW_COLD = "  the same, rendered every time"
TARGET_LIST_1000 = 1.0  # seconds
WATCHED = ("questionary", "prompt_toolkit", "pydantic", "yaml", "sqlite3", "rich", "platformdirs")


def bundled_dir() -> Path:
    try:
        from mockinterview import paths

        return paths.bundled_dir()
    except ImportError:  # not run with the project's venv
        return REPO / "scenarios"


def make_scenarios(folder: Path, count: int) -> int:
    """``count`` copies of the bundled scenarios, each with a fresh id equal to its file name."""
    sources = sorted(bundled_dir().glob("*.yaml"))
    if not sources:
        raise SystemExit(f"no bundled scenarios found in {bundled_dir()}")
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sources]
    id_line = re.compile(r"^id:[^\n]*$", re.MULTILINE)
    for i in range(count):
        stem, text = texts[i % len(texts)]
        new_id = f"bench{i:04d}-{stem}"
        new_text, n = id_line.subn(f"id: {new_id}", text, count=1)
        if n != 1:
            raise SystemExit(f"no top-level `id:` line in {stem}.yaml")
        (folder / f"{new_id}.yaml").write_text(new_text, encoding="utf-8")
    return len(sources)


def run_once(cmd: list[str], env: dict[str, str]) -> tuple[float, float, subprocess.CompletedProcess[bytes]]:
    """Wall time and CPU time (user + system) of one run of ``cmd``."""
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, stdin=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime), proc


def bench(cmds: dict[str, list[str]], env: dict[str, str], warmup: int, runs: int,
          envs: dict[str, dict[str, str]] | None = None) -> dict[str, dict[str, float]]:
    """Warm up each command, then time them round-robin (one run of each per round), so a
    change in background load hits every command alike and the ratios stay fair.
    ``envs``: a command's own environment, by label (else ``env``)."""
    envs = envs or {}
    for label, cmd in cmds.items():
        for _ in range(warmup):
            _, _, proc = run_once(cmd, envs.get(label, env))
            if proc.returncode != 0:
                raise SystemExit(
                    f"command failed (exit {proc.returncode}): {' '.join(cmd)}\n{proc.stderr.decode(errors='replace')}"
                )
    times: dict[str, list[float]] = {label: [] for label in cmds}
    cpu: dict[str, list[float]] = {label: [] for label in cmds}
    for _ in range(runs):
        for label, cmd in cmds.items():
            wall, used, _ = run_once(cmd, envs.get(label, env))
            times[label].append(wall)
            cpu[label].append(used)
    return {
        label: {"median": statistics.median(t), "min": min(t), "max": max(t), "cpu": statistics.median(cpu[label])}
        for label, t in times.items()
    }


def importtime(args: list[str], env: dict[str, str]) -> list[tuple[str, int, int, int]]:
    """(module, self µs, cumulative µs, nesting depth) for every import, from ``-X importtime``."""
    proc = subprocess.run(
        [PY, "-X", "importtime", *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL, text=True,
    )
    rows = []
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+)\s+\|\s+(\d+)\s+\|\s?( *)(\S+)", line)
        if m:
            rows.append((m.group(4), int(m.group(1)), int(m.group(2)), len(m.group(3)) // 2))
    return rows


def importtime_median(args: list[str], env: dict[str, str], repeats: int) -> dict[str, tuple[float, float, int]]:
    """Median self and cumulative µs per module over ``repeats`` runs (importtime is noisy)."""
    samples: dict[str, list[tuple[int, int, int]]] = {}
    for _ in range(repeats):
        run: dict[str, tuple[int, int, int]] = {}
        for name, self_us, cum_us, depth in importtime(args, env):
            # A name can show twice (a ``from pkg import mod`` that re-enters); keep the real import.
            if name not in run or cum_us > run[name][1]:
                run[name] = (self_us, cum_us, depth)
        for name, sample in run.items():
            samples.setdefault(name, []).append(sample)
    return {
        name: (statistics.median(s[0] for s in v), statistics.median(s[1] for s in v), v[0][2])
        for name, v in samples.items()
    }


def breakdown(folder: Path, home: Path) -> None:
    """Where `list` over the generated files spends its time, step by step, in this process.

    Uses libyaml and the model directly (not mockinterview's private helpers), so it keeps
    working while the loader is being optimised; the last lines time the real code paths.
    """
    import gc
    import io

    os.environ["MOCKINTERVIEW_HOME"] = str(home)
    try:
        import yaml

        from mockinterview.content.catalogue import Catalogue
        from mockinterview.content.queries import list_scenarios
        from mockinterview.content.scenario import Scenario
        from mockinterview.ui import console
        from mockinterview.ui.lists import scenario_table
    except ImportError as exc:
        print(f"\n(breakdown skipped: {exc})")
        return
    files = sorted(folder.glob("*.yaml"))
    texts = [p.read_text(encoding="utf-8") for p in files]
    n = len(files)
    size = sum(len(t.encode()) for t in texts)
    print(f"\nWhere `list` over {n} files goes (in this process, one pass each; {size / n / 1000:.0f} KB per file)")

    def step(label: str, fn) -> object:  # type: ignore[no-untyped-def]
        gc.collect()
        t0 = time.perf_counter()
        out = fn()
        dt = time.perf_counter() - t0
        print(f"  {dt * 1000:8.1f} ms  {dt / n * 1000:6.2f} ms/file  {label}")
        return out

    loader_cls = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    def compose_only() -> None:
        for t in texts:
            ld = loader_cls(t)
            try:
                ld.get_single_node()
            finally:
                ld.dispose()

    step(f"YAML compose to nodes ({loader_cls.__name__}, parser in C)", compose_only)
    datas = step(f"yaml.load ({loader_cls.__name__}: compose + Python constructor)",
                 lambda: [yaml.load(t, Loader=loader_cls) for t in texts])
    step("pydantic Scenario.model_validate", lambda data=datas: [Scenario.model_validate(d) for d in data])  # type: ignore[union-attr]
    del datas
    gc_time = [0.0]
    started = [0.0]

    def on_gc(phase: str, info: dict) -> None:  # type: ignore[type-arg]
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            gc_time[0] += time.perf_counter() - started[0]

    gc.callbacks.append(on_gc)
    try:
        rows, _ = step("list_scenarios(Catalogue(...)): the real load path, all files", lambda: list_scenarios(Catalogue([folder])))  # type: ignore[misc]
    finally:
        gc.callbacks.remove(on_gc)
    print(f"  {gc_time[0] * 1000:8.1f} ms  {gc_time[0] / n * 1000:6.2f} ms/file    of which cyclic GC (the loaded scenarios stay alive)")
    out = console.stdout()
    out.file = io.StringIO()
    try:
        table = scenario_table(rows, out.width)  # type: ignore[call-arg]
    except TypeError:
        table = scenario_table(rows)
    step(f"rich: render scenario_table of {len(rows)} rows", lambda: out.print(table))


def top_level(mods: set[str], prefix: str) -> bool:
    return any(m == prefix or m.startswith(prefix + ".") for m in mods)


def fmt_ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", "--runs", type=int, default=20, help="timed runs per command (default 20)")
    ap.add_argument("-w", "--warmup", type=int, default=3, help="warm-up runs per command (default 3)")
    ap.add_argument("--runs-many", type=int, default=5, help="timed runs of `list` over the generated files (default 5, after 1 warm-up)")
    ap.add_argument("--scenarios", type=int, default=1000, help="generated scenario files (default 1000)")
    ap.add_argument("--importtime-runs", type=int, default=5, help="-X importtime runs to take the median of")
    ap.add_argument("--profile", action="store_true", help="also cProfile `list` over the generated scenarios")
    ap.add_argument("--no-breakdown", action="store_true", help="skip the in-process breakdown of `list` over the files")
    ap.add_argument("--no-pyc", action="store_true", help="run without a bytecode cache (PYTHONDONTWRITEBYTECODE=1)")
    opts = ap.parse_args()

    if not Path(PY).resolve().is_relative_to(REPO) and ".venv" not in PY:
        print(f"note: {PY} is not the project venv; run .venv/bin/python bench/bench_startup.py", file=sys.stderr)

    with tempfile.TemporaryDirectory(prefix="mi-bench-") as tmp:
        tmpd = Path(tmp)
        home = tmpd / "home"
        home.mkdir()
        many = tmpd / "many"
        many.mkdir()
        hello = tmpd / "hello.py"
        hello.write_text(HELLO, encoding="utf-8")
        n_bundled = make_scenarios(many, opts.scenarios)

        env = {k: v for k, v in os.environ.items() if not k.startswith("MOCKINTERVIEW_")}
        env.update({"MOCKINTERVIEW_HOME": str(home), "COLUMNS": "100", "NO_COLOR": "1"})
        env.pop("PYTHONPROFILEIMPORTTIME", None)
        if opts.no_pyc:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
            pyc_note = "no bytecode cache: every module compiled from source on every run (--no-pyc)"
        else:
            # Measure what an installed user sees: compiled bytecode cached. The cache goes to a
            # temp folder (PYTHONPYCACHEPREFIX), so nothing is written into the checkout, and it
            # works even where PYTHONDONTWRITEBYTECODE=1 is set (which would otherwise make every
            # run compile mockinterview's own modules from source: tens of ms more per run).
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(tmpd / "pycache")
            pyc_note = "bytecode cached (PYTHONPYCACHEPREFIX in a temp folder; filled by the warm-up runs)"

        # Sanity: `list` over the generated folder sees every file and skips none.
        proc = subprocess.run([PY, "-m", "mockinterview", "--scenarios", str(many), "list", "--json"],
                              env=env, capture_output=True, text=True)
        if proc.returncode != 0 or proc.stderr.strip():
            raise SystemExit(f"list over the generated scenarios failed:\n{proc.stderr}")
        listed = len(json.loads(proc.stdout))
        expected = opts.scenarios + n_bundled
        if listed != expected:
            raise SystemExit(f"list showed {listed} scenarios, expected {expected}")

        cmds = {
            "bare Typer app --help": [PY, str(hello), "--help"],
            "bare Typer app, running its command": [PY, str(hello), "--name", "y"],
            "mockinterview --help": [PY, "-m", "mockinterview", "--help"],
            "mockinterview list": [PY, "-m", "mockinterview", "list"],
            f"mockinterview show {SHOW_ID} --reveal": [PY, "-m", "mockinterview", "show", SHOW_ID, "--reveal"],
            SHOW_COLD: [PY, "-m", "mockinterview", "show", SHOW_ID, "--reveal"],
        }
        cold_home = tmpd / "cold-home"
        cold_home.mkdir()
        (cold_home / "cache").write_text("a file, so no view is ever kept\n", encoding="utf-8")
        cold_env = env | {"MOCKINTERVIEW_HOME": str(cold_home)}
        many_label = f"mockinterview list ({opts.scenarios} files)"
        many_cmd = [PY, "-m", "mockinterview", "--scenarios", str(many), "list"]
        print(f"Python {platform.python_version()} ({PY})")
        print(f"{platform.system()} {platform.release()} {platform.machine()}, {os.cpu_count()} CPU(s)")
        print(f"{opts.warmup} warm-up + {opts.runs} timed runs per command ({opts.runs_many} after 1 warm-up for the "
              f"{opts.scenarios}-file list); wall time of the whole subprocess")
        print(pyc_note)
        print(f"list over {opts.scenarios} generated files: {listed} rows (incl. {n_bundled} bundled), no skipped files\n")

        print("load average before: " + ", ".join(f"{x:.2f}" for x in os.getloadavg())
              + "  (other work on the machine inflates the times; the min is the least disturbed figure)\n")
        res = bench(cmds, env, opts.warmup, opts.runs, envs={SHOW_COLD: cold_env})
        res |= bench({many_label: many_cmd}, env, 1, opts.runs_many)
        print(f"{'command':<40} {'median':>10} {'min':>10} {'max':>10} {'CPU median':>11}")
        for label, r in res.items():
            print(f"{label:<40} {fmt_ms(r['median']):>10} {fmt_ms(r['min']):>10} {fmt_ms(r['max']):>10} {fmt_ms(r['cpu']):>11}")
        print("load average after:  " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))

        bare = res["bare Typer app --help"]
        helpr = res["mockinterview --help"]
        listr = res["mockinterview list"]
        manyr = res[many_label]

        def verdict(ok: bool) -> str:
            return "MET" if ok else "NOT MET"

        print("\nTargets, judged on the median wall time (in brackets: ratio of the mins, ratio of CPU medians)")
        r_help = helpr["median"] / bare["median"]
        r_help_min = helpr["min"] / bare["min"]
        r_help_cpu = helpr["cpu"] / bare["cpu"]
        print(f"  --help / bare app        {r_help:5.2f}x  ({r_help_min:4.2f}x, {r_help_cpu:4.2f}x)   target <= {TARGET_HELP}x   "
              f"{verdict(r_help <= TARGET_HELP)}")
        r_list = listr["median"] / bare["median"]
        r_list_min = listr["min"] / bare["min"]
        r_list_cpu = listr["cpu"] / bare["cpu"]
        print(f"  list / bare app          {r_list:5.2f}x  ({r_list_min:4.2f}x, {r_list_cpu:4.2f}x)   target <= {TARGET_LIST}x   "
              f"{verdict(r_list <= TARGET_LIST)}")
        print(f"  list, {opts.scenarios} files        {manyr['median']:6.3f} s ({manyr['min']:5.3f} s min)    target < {TARGET_LIST_1000:g} s     "
              f"{verdict(manyr['median'] < TARGET_LIST_1000)}")
        per_file = (manyr["median"] - listr["median"]) / opts.scenarios
        print(f"  marginal cost per scenario file: {per_file * 1e3:.2f} ms")
        bare_run = res["bare Typer app, running its command"]
        showr = res[f"mockinterview show {SHOW_ID} --reveal"]
        r_show = showr["median"] / bare_run["median"]
        r_show_min = showr["min"] / bare_run["min"]
        r_show_cpu = showr["cpu"] / bare_run["cpu"]
        print(f"  show --reveal / bare run {r_show:5.2f}x  ({r_show_min:4.2f}x, {r_show_cpu:4.2f}x)   target <= {TARGET_SHOW}x   "
              f"{verdict(r_show <= TARGET_SHOW)}")
        cold = res[SHOW_COLD]
        print(f"    rendered every time    {cold['median'] / bare_run['median']:5.2f}x  ({cold['min'] / bare_run['min']:4.2f}x, "
              f"{cold['cpu'] / bare_run['cpu']:4.2f}x)   (the first show of a scenario, or with no writable data folder)")
        print(f"  context: list / bare app running its command {listr['median'] / bare_run['median']:5.2f}x "
              f"(Typer coerces parameters with pydantic TypeAdapters, so any command invocation imports pydantic)")

        print("\nHeavy modules imported (from -X importtime)")
        print(f"  {'module':<16} {'--help':>8} {'list':>8}")
        help_mods = {m[0] for m in importtime(["-m", "mockinterview", "--help"], env)}
        list_mods = {m[0] for m in importtime(["-m", "mockinterview", "list"], env)}
        bare_mods = {m[0] for m in importtime([str(hello), "--help"], env)}
        for mod in WATCHED:
            print(f"  {mod:<16} {('yes' if top_level(help_mods, mod) else 'no'):>8} {('yes' if top_level(list_mods, mod) else 'no'):>8}")
        print(f"  modules imported: bare app {len(bare_mods)}, --help {len(help_mods)}, list {len(list_mods)}")
        extra_help = sorted({m.split('.')[0] for m in help_mods - bare_mods})
        print(f"  top-level packages --help imports beyond the bare app: {', '.join(extra_help) or 'none'}")

        stats = importtime_median(["-m", "mockinterview", "list"], env, opts.importtime_runs)
        print(f"\nSlowest imports of `list`, by self time (median of {opts.importtime_runs} -X importtime runs)")
        print(f"  {'self':>9} {'cumulative':>11}  module")
        for name, (s, c, _) in sorted(stats.items(), key=lambda kv: -kv[1][0])[:10]:
            print(f"  {s / 1000:6.1f} ms {c / 1000:8.1f} ms  {name}")
        print("\nTop-level imports of `list`, by cumulative time (these do not overlap: each line includes")
        print("everything it pulled in; the ones done while a command runs are the lazy imports)")
        print(f"  {'cumulative':>11}  module")
        top = [(name, c) for name, (s, c, depth) in stats.items() if depth == 0 and name not in ("encodings", "site")]
        for name, c in sorted(top, key=lambda kv: -kv[1])[:10]:
            print(f"  {c / 1000:8.1f} ms  {name}")
        total = sum(c for _, c in top)
        print(f"  {total / 1000:8.1f} ms  (all top-level imports together, under -X importtime)")

        if not opts.no_breakdown:
            try:
                breakdown(many, home)
            except Exception as exc:  # the product's internals moved: keep the figures above
                print(f"\n(breakdown failed: {type(exc).__name__}: {exc})")

        if opts.profile:
            import io
            import pstats

            prof = tmpd / "list.prof"
            subprocess.run([PY, "-m", "cProfile", "-o", str(prof), "-m", "mockinterview", "--scenarios", str(many), "list"],
                           env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            buf = io.StringIO()
            pstats.Stats(str(prof), stream=buf).sort_stats("cumulative").print_stats(25)
            print(f"\ncProfile of `list` over {opts.scenarios} files (top 25 by cumulative time)")
            print(buf.getvalue())


if __name__ == "__main__":
    main()
