"""The interview room's speed: first frame, idle CPU and keystroke latency.

Three measurements, each against a bare prompt_toolkit reference measured in the same
run (a full-screen ``Application`` holding one ``TextArea``, started the same way):

1. **Time to the first full frame.** Both programs print a line, wait for Enter, then
   build their full-screen screen. Timed from sending Enter to the moment the
   emulated screen (pyte) shows the screen's last line (the room's keys line; the
   bare app's status line). For ``mockinterview run url-shortener`` that includes
   creating the interview in the database and starting its first phase. Target: the
   room within 1.5x of the bare app (medians).
2. **CPU while waiting for keys, with 2,000 lines of notes**: ``mockinterview resume``
   of an interview whose phase holds 2,000 lines (written into a temporary store
   beforehand), Enter, then ``utime + stime`` of the child from ``/proc`` over
   ``--idle`` seconds while nobody types. Target: at most 1% of one core. Before
   Enter, the time from the resumed room's first frame until the coach's count
   (``n of 6 points``) is in the notes pane's title: the coach built and the 2,000
   lines checked on the room's own thread.
3. **Keystroke-to-screen latency with 2,000 lines**: one character at a time at the
   end of those notes, timed from writing it to the pty until the frame that draws it
   arrives on the pty (what a terminal then paints), and until the emulated screen
   (pyte, in this process) shows it; and, for the program's own share, in-process from
   the key fed to the app's input to the frame written (the room as ``run`` builds it,
   with the coach's live count). Median and 95th percentile.
   Target: 95th percentile under 16 ms.

Prints figures only; asserts nothing. Linux only (``/proc``). Run it with the
project's interpreter::

    .venv/bin/python bench/bench_room.py              # about 2 minutes
    .venv/bin/python bench/bench_room.py --rounds 5 --idle 10 --keys 100
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import select
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pexpect
import pyte

PY = sys.executable
CLK_TCK = os.sysconf("SC_CLK_TCK")
COLS, ROWS = 80, 24
NOTES_LINES = 2000

BARE = """\
import sys
from prompt_toolkit.application import Application
from prompt_toolkit.layout import HSplit, Layout, Window
from prompt_toolkit.layout.controls import FormattedTextControl
from prompt_toolkit.widgets import TextArea

lines = int(sys.argv[1])
text = "\\n".join(f"note {i}: reads outnumber writes, cache the hot keys" for i in range(lines))
input("Press Enter to start the clock. ")
area = TextArea(text=text, multiline=True, wrap_lines=True)
area.buffer.cursor_position = len(text)
status = Window(FormattedTextControl(" READY bare full-screen app"), height=1)
Application(layout=Layout(HSplit([area, status]), focused_element=area), full_screen=True,
            refresh_interval=0.5 if len(sys.argv) > 2 else None).run()
"""


class Term:
    """A child in a pty whose output feeds a pyte screen (answering cursor requests)."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.child = pexpect.spawn(PY, args, env=env, dimensions=(ROWS, COLS), timeout=60)
        self.child.delaybeforesend = None  # pexpect sleeps 50 ms before every send by default
        self.screen = _Answering(COLS, ROWS, lambda data: self.child.send(data.encode()))
        self.stream = pyte.ByteStream(self.screen)

    def pump(self, timeout: float = 0.001) -> None:
        with contextlib.suppress(pexpect.TIMEOUT):
            self.stream.feed(self.child.read_nonblocking(65536, timeout=timeout))

    def shows(self, text: str) -> bool:
        return any(text in line for line in self.screen.display)

    def wait(self, text: str, timeout: float = 60.0) -> float:
        """Pump until ``text`` is on screen; the monotonic time it was seen."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.pump()
            if self.shows(text):
                return time.monotonic()
        raise SystemExit(f"never saw {text!r}; the screen:\n" + "\n".join(self.screen.display))

    def drain(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.pump(0.05)

    def stop(self) -> None:
        if self.child.isalive():
            self.child.terminate(force=True)
        self.child.close(force=True)


class _Answering(pyte.Screen):
    def __init__(self, cols: int, rows: int, reply: Callable[[str], object]) -> None:
        super().__init__(cols, rows)
        self._reply = reply

    def write_process_input(self, data: str) -> None:
        self._reply(data)


def cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat", encoding="ascii") as f:
        stat = f.read()
    fields = stat[stat.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def first_frame_mockinterview(env: dict[str, str]) -> float:
    t = Term(["-m", "mockinterview", "run", "url-shortener", "--no-score"], env)
    try:
        t.wait("Press Enter to start the clock")
        t.drain(0.3)
        sent = time.monotonic()
        t.child.send("\r")
        seen = t.wait("Tab pane")
        t.child.send("\x03")  # ^C, then discard the interview
        t.wait("What now")
        t.child.send("\x1b[B")
        t.drain(0.2)
        t.child.send("\r")
        t.wait("for good")
        t.child.send("y")
        t.child.expect(pexpect.EOF)
        return seen - sent
    finally:
        t.stop()


def first_frame_bare(env: dict[str, str], script: Path, lines: int = 0) -> float:
    t = Term([str(script), str(lines)], env)
    try:
        t.wait("Press Enter")
        t.drain(0.3)
        sent = time.monotonic()
        t.child.send("\r")
        return t.wait("READY") - sent
    finally:
        t.stop()


def prepare_long_notes(home: Path) -> str:
    """An unfinished interview of url-shortener whose first phase holds 2,000 lines."""
    os.environ["MOCKINTERVIEW_HOME"] = str(home)
    from mockinterview.content.catalogue import Catalogue
    from mockinterview.interview.flow import Interview
    from mockinterview.store import Store

    with Store() as store:
        interview = Interview.begin(store, Catalogue().get("url-shortener"))
        rec = interview.session.phases[0]
        interview.start_phase(rec)
        rec.notes = "\n".join(f"note {i}: reads outnumber writes, cache the hot keys" for i in range(NOTES_LINES))
        store.save_phase(interview.session.id, rec)
        return interview.session.id


def idle_and_typing(
    env: dict[str, str], idle: float, keys: int, args: list[str], ready: str, *, count_badge: bool = False
) -> tuple[float, list[float], list[float], float | None]:
    """Idle CPU (% of a core), then per keystroke: ms until the frame that shows it
    reaches the terminal (its bytes on the pty), and ms until the emulated screen shows it.
    With ``count_badge``: also ms from the first frame until the coach's count is in the
    notes pane's title (the coach built and the 2,000 lines checked, on the room's thread)."""
    t = Term(args, env)
    try:
        drawn = t.wait("Press Enter to start the clock")  # the resumed room, waiting for Enter
        badge = (t.wait(" points ") - drawn) * 1000 if count_badge else None
        t.drain(0.3)
        t.child.send("\r")
        t.wait(ready)
        t.drain(2.0)
        cpu0, wall0 = cpu_seconds(t.child.pid), time.monotonic()
        t.drain(idle)
        pct = (cpu_seconds(t.child.pid) - cpu0) / (time.monotonic() - wall0) * 100
        to_bytes, to_screen = [], []
        fd = t.child.child_fd
        typed = ""
        t.child.send("\r")  # a line of its own, so what is typed is found exactly
        t.drain(0.3)
        for i in range(keys):
            if len(typed) == 30:  # a new line now and then, so the line never wraps
                t.child.send("\r")
                t.drain(0.1)
                typed = ""
            typed += "abcdefghijklmnopqrstuvwxyz"[i % 26]
            sent = time.monotonic()
            os.write(fd, typed[-1].encode())
            got = b""
            while typed[-1].encode() not in got:
                ready_fds, _, _ = select.select([fd], [], [], 10)
                if not ready_fds:
                    raise SystemExit("a keystroke was never drawn")
                got += os.read(fd, 65536)
            to_bytes.append((time.monotonic() - sent) * 1000)
            t.stream.feed(got)
            while not any(line.rstrip() == typed for line in t.screen.display):
                t.pump(0.0005)
                if time.monotonic() - sent > 10:
                    raise SystemExit("a keystroke never showed; the screen:\n" + "\n".join(t.screen.display))
            to_screen.append((time.monotonic() - sent) * 1000)
            t.drain(0.02)
        return pct, to_bytes, to_screen, badge
    finally:
        t.stop()


INPROC = """\
import asyncio, gc, io, json, sys, time
from prompt_toolkit.application import Application, create_app_session
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.layout import HSplit, Layout, Window
from prompt_toolkit.layout.controls import FormattedTextControl
from prompt_toolkit.output.vt100 import Vt100_Output
from prompt_toolkit.widgets import TextArea

which, lines, keys = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
text = "\\n".join(f"note {i}: reads outnumber writes, cache the hot keys" for i in range(lines))
out = Vt100_Output(io.StringIO(), lambda: Size(24, 80), term="xterm-256color")
with create_pipe_input() as inp, create_app_session(input=inp, output=out):
    if which == "room":
        from mockinterview.content.catalogue import Catalogue
        from mockinterview.interview.flow import Interview
        from mockinterview.store import Store
        from mockinterview.ui.room import brief
        from mockinterview.ui.room.phase_room import PhaseRoom
        from mockinterview.ui.run_flow import notes_badge

        store = Store()
        iv = Interview.begin(store, Catalogue().get("url-shortener"))
        live = iv.start_phase(iv.session.phases[0])
        live.notes = text
        room = PhaseRoom(iv, live, iv.autosave(live), brief=lambda: brief.brief(iv, live),
                         notes_badge=notes_badge(iv, live.record))
        app, run = room.app, room.run  # as run_flow runs it: ticker, signals, gc.freeze, the coach's count
    else:
        area = TextArea(text=text, multiline=True, wrap_lines=True)
        area.buffer.cursor_position = len(text)
        status = Window(FormattedTextControl(" READY"), height=1)
        app = Application(layout=Layout(HSplit([area, status]), focused_element=area), full_screen=True)
        gc.freeze()
        run = app.run
    lat, sent = [], [None]

    def after(_):
        if sent[0] is not None:
            lat.append((time.perf_counter() - sent[0]) * 1000)
            sent[0] = None

    app.after_render += after

    async def drive():
        await asyncio.sleep(0.5)
        for i in range(keys):
            sent[0] = time.perf_counter()
            inp.send_text("abcdefghij"[i % 10])
            await asyncio.sleep(0.02)
        app.exit(result=None)

    app.pre_run_callables.append(lambda: app.create_background_task(drive()))
    run()
    print(json.dumps(lat))
"""


def in_process(env: dict[str, str], tmp: Path, which: str, keys: int) -> list[float]:
    """Key fed to the app's input -> its frame written (no pty, no emulator)."""
    import json
    import subprocess

    script = tmp / "inproc.py"
    script.write_text(INPROC, encoding="utf-8")
    out = subprocess.run([PY, str(script), which, str(NOTES_LINES), str(keys)], env=env, capture_output=True, text=True, check=True)
    return [float(x) for x in json.loads(out.stdout.strip().splitlines()[-1])]


def pctl(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=10, help="first-frame runs of each program (default 10)")
    ap.add_argument("--idle", type=float, default=30.0, help="seconds of idle CPU measured (default 30)")
    ap.add_argument("--keys", type=int, default=200, help="keystrokes timed (default 200)")
    opts = ap.parse_args()
    if not Path("/proc/self/stat").exists():
        raise SystemExit("this benchmark reads /proc/PID/stat (Linux only)")
    print(f"Python {platform.python_version()} ({PY}); {platform.system()} {platform.machine()}, {os.cpu_count()} CPU(s)")
    print("load average before: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    with tempfile.TemporaryDirectory(prefix="mi-room-") as tmp:
        tmpd = Path(tmp)
        script = tmpd / "bare.py"
        script.write_text(BARE, encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if not k.startswith("MOCKINTERVIEW_")}
        env.update(MOCKINTERVIEW_HOME=str(tmpd / "home"), TERM="xterm-256color")
        for name in ("NO_COLOR", "COLUMNS", "LINES", "PROMPT_TOOLKIT_NO_CPR"):
            env.pop(name, None)

        room, bare = [], []
        for _ in range(opts.rounds):  # alternate, so background load hits both alike
            room.append(first_frame_mockinterview(env))
            bare.append(first_frame_bare(env, script))
        r, b = statistics.median(room), statistics.median(bare)
        print(f"\n1. first full frame after Enter ({opts.rounds} runs each, {COLS}x{ROWS})")
        print(f"   mockinterview run (room)      median {r * 1000:6.1f} ms  min {min(room) * 1000:6.1f} ms")
        print(f"   bare Application + TextArea   median {b * 1000:6.1f} ms  min {min(bare) * 1000:6.1f} ms")
        print(f"   ratio {r / b:.2f}x (of the minima {min(room) / min(bare):.2f}x)   target <= 1.5x: {'MET' if r / b <= 1.5 else 'NOT MET'}")

        prepare_long_notes(tmpd / "home")
        print(f"\n2./3. {NOTES_LINES:,} lines of notes: idle {opts.idle:g} s, then {opts.keys} keystrokes at the end")
        pct, lat, seen, badge = idle_and_typing(
            env, opts.idle, opts.keys, ["-m", "mockinterview", "resume", "--no-score"], "Tab pane", count_badge=True
        )
        bpct, blat, bseen, _ = idle_and_typing(env, opts.idle, opts.keys, [str(script), str(NOTES_LINES), "refresh"], "READY")

        def row(name: str, cpu: float, values: list[float], shown: list[float]) -> None:
            print(f"   {name:<30} idle CPU {cpu:5.2f}% of a core")
            print(f"   {'':<30} keystroke -> frame on the pty   median {statistics.median(values):5.1f} ms  p95 {pctl(values, 0.95):5.1f} ms  max {max(values):5.1f} ms")
            print(f"   {'':<30} keystroke -> emulated screen    median {statistics.median(shown):5.1f} ms  p95 {pctl(shown, 0.95):5.1f} ms  max {max(shown):5.1f} ms")

        print(f"   the coach's count in the notes title {badge or 0:.0f} ms after the room's first frame")
        row("mockinterview resume (room)", pct, lat, seen)
        row("bare app, refresh 0.5 s", bpct, blat, bseen)
        print(f"   target idle <= 1%: {'MET' if pct <= 1.0 else 'NOT MET'};  target p95 < 16 ms (to the pty): {'MET' if pctl(lat, 0.95) < 16 else 'NOT MET'}")
        ilat = in_process(env, tmpd, "room", opts.keys)
        iblat = in_process(env, tmpd, "bare", opts.keys)
        print("   in-process, key fed to the input -> frame written (no pty, no emulator):")
        print(f"   room   median {statistics.median(ilat):5.1f} ms  p95 {pctl(ilat, 0.95):5.1f} ms  max {max(ilat):5.1f} ms")
        print(f"   bare   median {statistics.median(iblat):5.1f} ms  p95 {pctl(iblat, 0.95):5.1f} ms  max {max(iblat):5.1f} ms")


if __name__ == "__main__":
    main()
