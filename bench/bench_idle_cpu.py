"""Idle CPU benchmark: how much CPU `mockinterview run` uses while a phase waits for typing.

The notes prompt redraws its countdown toolbar every 0.5 s and a background ticker
wakes every 0.5 s; nobody typing should cost next to nothing (target: at most 2% of
one core). For scale, the same is measured for two bare prompt_toolkit prompts: one
with a two-line bottom toolbar and ``refresh_interval=0.5`` (what the library itself
costs for a live toolbar), and one plain multiline prompt with no refresh.

Prints figures only; it asserts nothing. Linux only (reads /proc/PID/stat). Run it
with the project's interpreter:

    .venv/bin/python bench/bench_idle_cpu.py              # 30 s per measurement
    .venv/bin/python bench/bench_idle_cpu.py -d 60        # longer
    .venv/bin/python bench/bench_idle_cpu.py --only mockinterview

Each program runs in a pseudo-terminal (pexpect, 24x80, TERM=xterm-256color) with
MOCKINTERVIEW_HOME in a temp folder. The benchmark keeps reading the pty the whole
time, so the child never blocks on a full buffer, and counts the bytes it draws.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

import pexpect

PY = sys.executable
CLK_TCK = os.sysconf("SC_CLK_TCK")
TARGET_PCT = 2.0

REF_TOOLBAR = """\
import time
from prompt_toolkit import PromptSession
from prompt_toolkit.styles import Style

start = time.monotonic()


def toolbar():
    left = max(0.0, 45 * 60 - (time.monotonic() - start))
    return [
        ("class:t", " Requirements "),
        ("class:t", f" {int(left // 60):02d}:{int(left % 60):02d} left "),
        ("class:t", "\\n ^D done  ^P pause  ^T +2 min  ^G hint  ^E editor  ^C quit "),
    ]


PromptSession().prompt(
    "notes> ", multiline=True, bottom_toolbar=toolbar, refresh_interval=0.5,
    style=Style.from_dict({"bottom-toolbar": "noreverse bg:#303030 #d0d0d0", "t": "bold"}),
)
"""

REF_PLAIN = """\
from prompt_toolkit import PromptSession

PromptSession().prompt("notes> ", multiline=True)
"""


def cpu_seconds(pid: int) -> float:
    """utime + stime of the process (all its threads), in seconds, from /proc/PID/stat."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as f:
        stat = f.read()
    fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (comm) "; fields[0] is field 3 (state)
    return (int(fields[11]) + int(fields[12])) / CLK_TCK  # fields 14 utime, 15 stime


def ctx_switches(pid: int) -> int:
    """Voluntary + involuntary context switches over all threads: a proxy for wake-ups."""
    total = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/status", encoding="ascii") as f:
                for line in f:
                    if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                        total += int(line.split()[1])
        except FileNotFoundError:  # a thread that just ended
            pass
    return total


def drain(child: pexpect.spawn, seconds: float) -> int:
    """Read (and discard) everything the child writes for ``seconds``; return the byte count."""
    end = time.monotonic() + seconds
    nbytes = 0
    while (left := end - time.monotonic()) > 0:
        with contextlib.suppress(pexpect.TIMEOUT):
            nbytes += len(child.read_nonblocking(65536, timeout=min(left, 0.25)))
    return nbytes


def measure(child: pexpect.spawn, duration: float, settle: float, window: float) -> dict[str, float]:
    drain(child, settle)  # let start-up work (first draw, first autosave) finish
    pid = child.pid
    cpu0, sw0, t0 = cpu_seconds(pid), ctx_switches(pid), time.monotonic()
    nbytes, windows = 0, []
    while (elapsed := time.monotonic() - t0) < duration:
        w_cpu, w_t = cpu_seconds(pid), time.monotonic()
        nbytes += drain(child, min(window, duration - elapsed))
        windows.append((cpu_seconds(pid) - w_cpu) / (time.monotonic() - w_t) * 100)
        if not child.isalive():
            raise SystemExit("the child ended during the measurement")
    wall = time.monotonic() - t0
    cpu = cpu_seconds(pid) - cpu0
    return {
        "wall": wall,
        "cpu": cpu,
        "pct": cpu / wall * 100,
        "max_window_pct": max(windows),
        "bytes_per_s": nbytes / wall,
        "switches_per_s": (ctx_switches(pid) - sw0) / wall,
    }


def spawn(args: list[str], env: dict[str, str], log: Path) -> pexpect.spawn:
    child = pexpect.spawn(PY, args, env=env, dimensions=(24, 80), encoding="utf-8", codec_errors="replace", timeout=30)
    child.logfile_read = open(log, "w", encoding="utf-8")  # noqa: SIM115 - closed in stop()
    return child


def stop(child: pexpect.spawn) -> None:
    if child.isalive():
        child.terminate(force=True)
    child.close(force=True)
    if child.logfile_read:
        child.logfile_read.close()


def bench_mockinterview(env: dict[str, str], tmp: Path, opts: argparse.Namespace) -> dict[str, float]:
    child = spawn(["-m", "mockinterview", "run", opts.scenario], env, tmp / "mockinterview.log")
    try:
        child.expect("Press Enter to start the clock")
        child.send("\r")
        child.expect("Tab pane")  # the interview room's keys line (bench_room.py measures the room itself)
        result = measure(child, opts.duration, opts.settle, opts.window)
        # Leave the way a person would: Ctrl-C, then "Discard this interview", then confirm.
        child.send("\x03")
        try:
            child.expect("What now", timeout=10)
            child.send("\x1b[B")  # down to "Discard this interview"
            time.sleep(0.3)
            child.send("\r")
            child.expect("for good", timeout=10)
            child.send("y")
            child.expect(pexpect.EOF, timeout=10)
            result["discarded"] = 1.0
        except (pexpect.TIMEOUT, pexpect.EOF):
            result["discarded"] = 0.0
        return result
    except (pexpect.TIMEOUT, pexpect.EOF) as exc:
        raise SystemExit(f"mockinterview run did not reach the notes prompt ({type(exc).__name__}); "
                         f"see what it printed in {tmp / 'mockinterview.log'}") from None
    finally:
        stop(child)


def bench_script(name: str, source: str, env: dict[str, str], tmp: Path, opts: argparse.Namespace) -> dict[str, float]:
    script = tmp / f"{name}.py"
    script.write_text(source, encoding="utf-8")
    child = spawn([str(script)], env, tmp / f"{name}.log")
    try:
        child.expect("notes>")
        result = measure(child, opts.duration, opts.settle, opts.window)
        child.send("\x04")  # ^D on the empty buffer ends the prompt (stop() terminates it otherwise)
        return result
    except (pexpect.TIMEOUT, pexpect.EOF) as exc:
        raise SystemExit(f"{name} did not show its prompt ({type(exc).__name__})") from None
    finally:
        stop(child)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-d", "--duration", type=float, default=30.0, help="seconds of idle time measured (default 30)")
    ap.add_argument("--settle", type=float, default=2.0, help="seconds to wait at the prompt before measuring (default 2)")
    ap.add_argument("--window", type=float, default=5.0, help="window for the busiest-window figure (default 5 s)")
    ap.add_argument("--scenario", default="url-shortener", help="scenario to run (default url-shortener)")
    ap.add_argument("--only", choices=["mockinterview", "toolbar", "plain"], action="append",
                    help="measure only these (repeatable); default: all three")
    opts = ap.parse_args()
    if not Path("/proc/self/stat").exists():
        raise SystemExit("this benchmark reads /proc/PID/stat (Linux only)")
    which = opts.only or ["mockinterview", "toolbar", "plain"]

    print(f"Python {platform.python_version()} ({PY})")
    print(f"{platform.system()} {platform.release()} {platform.machine()}, {os.cpu_count()} CPU(s)")
    print(f"idle at the prompt for {opts.duration:g} s of wall time (after {opts.settle:g} s to settle); pty 24x80")
    print("load average before: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()) + "\n")

    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="mi-idle-") as tmp:
        tmpd = Path(tmp)
        env = {k: v for k, v in os.environ.items() if not k.startswith("MOCKINTERVIEW_")}
        env.update({"MOCKINTERVIEW_HOME": str(tmpd / "home"), "TERM": "xterm-256color", "LINES": "24", "COLUMNS": "80"})
        env.pop("NO_COLOR", None)
        labels = {
            "mockinterview": f"mockinterview run {opts.scenario} (notes prompt)",
            "toolbar": "prompt_toolkit prompt + toolbar, refresh 0.5 s",
            "plain": "prompt_toolkit prompt, no toolbar/refresh",
        }
        for key in which:
            print(f"measuring: {labels[key]} ...", flush=True)
            if key == "mockinterview":
                results[key] = bench_mockinterview(env, tmpd, opts)
            elif key == "toolbar":
                results[key] = bench_script("ref_toolbar", REF_TOOLBAR, env, tmpd, opts)
            else:
                results[key] = bench_script("ref_plain", REF_PLAIN, env, tmpd, opts)

    print(f"\n{'program':<50} {'CPU % of one core':>17} {f'busiest {opts.window:g} s':>13} {'pty out':>10} {'ctx sw/s':>9}")
    for key, r in results.items():
        print(f"{labels[key]:<50} {r['pct']:16.2f}% {r['max_window_pct']:12.2f}% {r['bytes_per_s']:7.0f} B/s {r['switches_per_s']:9.1f}")
    if "mockinterview" in results:
        r = results["mockinterview"]
        verdict = "MET" if r["pct"] <= TARGET_PCT else "NOT MET"
        print(f"\nTarget: mockinterview idle at the notes prompt <= {TARGET_PCT:g}% of one core: "
              f"{r['pct']:.2f}% ({r['cpu']:.2f} s CPU in {r['wall']:.1f} s)  {verdict}")
        if "toolbar" in results and results["toolbar"]["pct"] > 0:
            print(f"mockinterview / bare toolbar prompt: {r['pct'] / results['toolbar']['pct']:.2f}x")
        print("left the interview with ^C → discard: " + ("ok" if r.get("discarded") else "no (child terminated instead)"))


if __name__ == "__main__":
    main()
