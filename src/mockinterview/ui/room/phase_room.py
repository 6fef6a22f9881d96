"""The interview room: one phase, full screen.

One prompt_toolkit ``Application(full_screen=True)`` per phase. From the top: the
header (scenario, phase n/N, title, minutes, goal); the interviewer pane (what the
interviewer said in this phase, newest at the bottom, scrolling on its own) and the
notes editor, stacked, or side by side from :data:`~.bars.WIDE` columns; the status
bar (phase countdown, interview time left, PAUSED, a failed save) and the keys.
A resumed phase shows where it was in two status lines and waits for Enter before
its clock starts. Floats: F1's brief, and below 80x24 a notice that hides the room until the window is larger (the notes are kept
and saved meanwhile, and nothing typed goes anywhere unseen).

The room only displays and forwards keys. A background task wakes every
:data:`TICK` seconds, or sooner when a probe or 0:00 is due, and asks the core
(:meth:`LivePhase.tick`) what happened and whether to save (:class:`Autosave`); the
keys call :class:`LivePhase` and :class:`Interview`. The notes pane's badge (the
coach's live count) is worked out on a thread of its own, at most every
:data:`BADGE_SECONDS` while the notes change, never on a keystroke; the title shows
the last count. A failed save is one line in the
status bar and a retry, never the end of the room. SIGTERM and SIGHUP save and end
the room as ^C's "save and quit" does.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from enum import Enum
from typing import Any

from prompt_toolkit.application import Application, run_in_terminal
from prompt_toolkit.application.current import get_app_session
from prompt_toolkit.document import Document
from prompt_toolkit.filters import Condition, has_focus
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.keys import Keys
from prompt_toolkit.layout import (
    ConditionalContainer,
    DynamicContainer,
    Float,
    FloatContainer,
    HSplit,
    Layout,
    VSplit,
    Window,
)
from prompt_toolkit.layout.containers import AnyContainer
from prompt_toolkit.layout.controls import FormattedTextControl
from prompt_toolkit.layout.dimension import Dimension
from prompt_toolkit.widgets import Frame, TextArea
from rich.console import RenderableType
from rich.text import Text

from mockinterview.errors import EditorFailed, StoreError
from mockinterview.interview.autosave import Autosave
from mockinterview.interview.clock import TimeSource
from mockinterview.interview.flow import Interview
from mockinterview.interview.phase import LivePhase
from mockinterview.ui.room import bars, editor, undo
from mockinterview.ui.room.rendering import Lines, ScrollView, to_lines
from mockinterview.ui.room.signals import LoopSignals, is_hangup, silence_the_terminal
from mockinterview.ui.room.style import room_style
from mockinterview.wording import DERIVED_MARK, DERIVED_NOTE

TICK = 0.5  # seconds between wake-ups while nothing is due
MESSAGE_SECONDS = 5.0  # how long a reply to a key stays in the status bar
BADGE_SECONDS = 1.0  # the notes badge is worked out again at most this often
#: Seconds after the first frame before the first count (which builds the coach, about
#: 0.2 s of CPU): time for the terminal, on the same cores, to paint that frame.
FIRST_COUNT_AFTER = 0.25
#: The keys that act while the room is too small (the rest are swallowed).
WHILE_SMALL = (Keys.ControlC, Keys.ControlD, Keys.ControlP, Keys.ControlT, Keys.ControlG)
NO_MORE_HINTS = "No more hints for this phase: wrap up and press ^D when you are done."


class Outcome(Enum):
    DONE = "done"  # ^D: the phase is ended and saved
    TIME_UP = "time_up"  # 0:00 under --strict: ended and saved
    INTERRUPT = "interrupt"  # ^C: saved; ask save-or-discard next
    UNSAVED = "unsaved"  # ^C twice while the store refused every save
    SIGNAL = "signal"  # SIGTERM / SIGHUP: saved (unless ``problem`` says otherwise)


@dataclass(frozen=True)
class RoomResult:
    outcome: Outcome
    notes: str
    signum: int | None = None
    problem: str | None = None  # why the last save failed, when the room ended unsaved


#: notes -> a few words for the notes pane's title. Called on a worker thread (it may
#: take a while the first time), never twice at once.
NotesBadge = Callable[[str], str | None]


class PhaseRoom:
    """One phase of ``interview`` on the screen. ``waiting`` (a resumed phase) is the
    line shown above "Press Enter to start the clock." (nothing is typed before); without it the clock
    starts with the room. ``brief`` gives what F1 shows. ``notes_badge`` may add a few
    words to the notes pane's title (the coach's live count), worked out off the event
    loop (see :data:`NotesBadge`)."""

    def __init__(
        self,
        interview: Interview,
        live: LivePhase,
        autosave: Autosave,
        *,
        brief: Callable[[], list[RenderableType]],
        waiting: str | None = None,
        notes_badge: NotesBadge | None = None,
        wall: TimeSource = time.monotonic,
    ) -> None:
        self.interview, self.live, self.autosave = interview, live, autosave
        self.phase = interview.phase(live.record)
        self.waiting = waiting
        self.brief_open = False
        self.save_problem: str | None = None
        self._quit_armed = False  # ^C once with the store refusing: a second ^C quits unsaved
        self._message: tuple[str, float] | None = None
        self._no_more_hints_at: int | None = None  # where "no more hints" goes in the pane
        self._badge = notes_badge
        self._badge_text: str | None = None  # the last count shown
        self._badge_of: tuple[str, int] | None = None  # what it counted: the notes, and the cues given so far
        self._badge_at = -BADGE_SECONDS
        self._badge_from = float("inf")  # no count before the room runs (see _ticker)
        self._badge_pool: ThreadPoolExecutor | None = None
        self._badge_busy = False
        self._coach_frozen = False
        self._lines_of: tuple[str, int] = ("", 0)  # the notes' line count, by the text it counted
        self._wall = wall
        self._shown_status: object = None
        self._focus_before_brief: Any = None
        self._signals = LoopSignals(self._on_signal)

        self._output = get_app_session().output  # the terminal (a test's DummyOutput); known before the app
        size = self._output.get_size()
        self._frame_size = (size.columns, size.rows)  # the size of the frame last drawn (see _before_render)
        self.notes = TextArea(
            text=live.notes, multiline=True, wrap_lines=True, scrollbar=False, focus_on_click=True,
            height=Dimension(min=5, preferred=1000, weight=2),  # preferred: share the room by weight, not by content
        )  # fmt: skip
        self.notes.buffer.cursor_position = len(live.notes)
        self.notes.buffer.on_text_changed += lambda buffer: undo.cap(buffer, undo.DEPTH)
        self.said = ScrollView(self._render_said, follow=True)
        self.said_window = Window(self.said, height=Dimension(min=3, preferred=1000, weight=1), wrap_lines=False)
        self.brief_view = ScrollView(lambda width: to_lines(brief(), width))
        self.brief_window = Window(self.brief_view, wrap_lines=False)
        self.app: Application[RoomResult] = Application(
            layout=Layout(self._root(), focused_element=self.notes),
            key_bindings=self._keys(),
            style=room_style(no_color=bool(os.environ.get("NO_COLOR"))),
            full_screen=True,
            mouse_support=False,
            output=self._output,
        )
        self.app.before_render += self._before_render

    # ------------------------------------------------------------------ running
    def run(self) -> RoomResult:
        """Show the room until the phase ends or the candidate stops; EOFError when the input closes."""

        def pre_run() -> None:
            self._signals.catch()
            if self.waiting is None:
                self.live.start()
            self.app.create_background_task(self._ticker())

        # Everything alive now (modules, the scenario, the layout) lives as long as the
        # room: out of the garbage collector's sight, a full collection no longer walks
        # it, which kept a keystroke waiting up to 60 ms with long notes.
        gc.freeze()
        try:
            return self.app.run(pre_run=pre_run)
        finally:
            self._signals.restore()
            self.autosave.close()
            if self._badge_pool is not None:
                self._badge_pool.shutdown(wait=False)

    async def _ticker(self) -> None:
        try:
            self._badge_from = self._wall() + FIRST_COUNT_AFTER  # the first frame is drawn: let it be painted first
            asyncio.get_running_loop().call_later(FIRST_COUNT_AFTER, self._count_badge)
            while True:
                due = self.live.next_event_in()
                await asyncio.sleep(TICK if due is None else min(TICK, max(due, 0.005)))
                self._tick()
        except Exception as exc:  # a bug: end the room with it, so the CLI reports it (the event loop would only log it)
            self._exit(exception=exc)

    def _tick(self) -> None:
        tick = self.live.tick(self.text)
        if tick.said:
            self.said.changed(show_newest=True)
            self.app.invalidate()
        if tick.bell:
            self.app.output.bell()
            self.app.output.flush()
        if tick.time_up:
            self._finish(Outcome.TIME_UP)
            return
        try:
            self.autosave.poll(self.text)
        except StoreError as exc:
            self.save_problem = exc.message
        else:
            if self.autosave.clean:
                self.save_problem = None
        self._count_badge()
        self._refresh_status()

    def _count_badge(self) -> None:
        """Work the badge out again on its thread, when the notes (or the cues given)
        changed and the last count is at least :data:`BADGE_SECONDS` old."""
        if self._badge is None or self._badge_busy:
            return
        text = self.text
        counting = (text, len(self.live.record.asked))
        now = self._wall()
        if counting == self._badge_of or now - self._badge_at < BADGE_SECONDS or now < self._badge_from:
            return
        if self._badge_pool is None:
            self._badge_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="notes-badge")
        self._badge_of, self._badge_at, self._badge_busy = counting, now, True
        done = self._badge_pool.submit(self._badge, text)
        loop = asyncio.get_running_loop()

        def back_on_the_loop(f: Future[str | None]) -> None:
            with contextlib.suppress(RuntimeError):  # the room has closed meanwhile: nothing to show
                loop.call_soon_threadsafe(self._badge_counted, f)

        done.add_done_callback(back_on_the_loop)

    def _badge_counted(self, done: Future[str | None]) -> None:
        """Back on the event loop: show the new count. A count that fails is a bug in the
        coach: it is said in the status bar and the count stops, while the interview (and
        every note) goes on; ending the phase for a title's few words would cost more."""
        self._badge_busy = False
        try:
            text = done.result()
        except Exception as exc:
            self._badge = None
            text = None
            self._say(f"The live count of points stopped (a bug: {type(exc).__name__}); your notes are safe.")
        if not self._coach_frozen:  # the coach the first count built lives as long as the room: out of the collector's walk
            self._coach_frozen = True
            gc.freeze()
        if text != self._badge_text:
            self._badge_text = text
            self.app.invalidate()

    def _refresh_status(self) -> None:
        """Redraw only when what the status bar shows has changed (the idle cost is a redraw a second)."""
        shown = (self._status_info(), self.save_problem, self._too_small())
        if shown != self._shown_status:
            self._shown_status = shown
            self.app.invalidate()

    # ------------------------------------------------------------------ what it shows
    @property
    def text(self) -> str:
        return self.notes.buffer.text

    def _size(self) -> tuple[int, int]:
        """The size the room is drawn at: the terminal's when the frame last began (see :meth:`_before_render`)."""
        return self._frame_size

    def _before_render(self, app: Application[RoomResult]) -> None:
        """Take the terminal's size for this frame. Until a frame is drawn at a new size,
        keys act as at the old one: keys typed while the room was too small and read only
        after the window grew are still swallowed. When it grows out of too small, keys
        still waiting to be read were typed at the notice: they are read now and dropped
        (those in :data:`WHILE_SMALL` still act)."""
        size = self._output.get_size()
        new = (size.columns, size.rows)
        if new == self._frame_size:
            return
        was_small = self._too_small()
        self._frame_size = new
        if was_small and not self._too_small():
            pending = [*app.input.read_keys(), *app.input.flush_keys()]
            kept = [k for k in pending if k.key in WHILE_SMALL]
            if kept:
                app.key_processor.feed_multiple(kept)
                asyncio.get_running_loop().call_soon(app.key_processor.process_keys)

    def _too_small(self) -> bool:
        cols, rows = self._size()
        return cols < bars.MIN_COLS or rows < bars.MIN_ROWS

    def _wide(self) -> bool:
        return self._size()[0] >= bars.WIDE

    def _message_text(self) -> str | None:
        if self._message is None:
            return None
        text, since = self._message
        if self._wall() - since > MESSAGE_SECONDS:
            self._message = None
            return None
        return text

    def _say(self, text: str) -> None:
        self._message = (text, self._wall())
        self.app.invalidate()

    def _status_info(self) -> bars.StatusInfo:
        clock = self.live.clock
        return bars.StatusInfo(
            remaining=round(clock.remaining),
            interview_left=round(self.interview.time_left(self.live)),
            paused=clock.paused,
            waiting=self.waiting is not None,
            message=self._message_text(),
        )

    def _header(self) -> StyleAndTextTuples:
        at, of = self.interview.position
        rec = self.live.record
        minutes = (rec.planned_seconds + self.live.clock.extra) / 60
        return bars.header(self.interview.session.scenario_title, at, of, self.phase.title, minutes, self.phase.goal, self._size()[0])

    def _render_said(self, width: int) -> Lines:
        items: list[RenderableType] = []
        marked = False
        for i, said in enumerate(self.live.said):
            if i == self._no_more_hints_at:
                items += [Text(NO_MORE_HINTS, style="dim"), Text("")]
            if said.kind == "probe":
                line = Text.assemble(("Interviewer: ", "bold yellow"), f"“{said.text}”")
                if said.asked_by_hint:
                    line.append("  (hint)", style="dim")
            elif said.kind == "hint":
                line = Text.assemble(("Hint: ", "bold cyan"), said.text)
            elif said.kind == "curveball":
                line = Text.assemble(("Requirement change: ", "bold magenta"), said.text)
            else:
                line = Text.assemble(("Interviewer: ", "bold cyan"), said.text)
            if said.derived:
                marked = True
                line.append(f" {DERIVED_MARK}", style="dim")
            items += [line, Text("")]
        if self._no_more_hints_at is not None and self._no_more_hints_at >= len(self.live.said):
            items.append(Text(NO_MORE_HINTS, style="dim"))
        while items and isinstance(items[-1], Text) and not items[-1].plain:
            items.pop()
        if marked:  # explained once, under the newest
            items += [Text(""), Text(f"{DERIVED_MARK} {DERIVED_NOTE}", style="dim")]
        return to_lines(items, width)

    def _said_title(self) -> StyleAndTextTuples:
        focused = self.app.layout.has_focus(self.said_window)
        extra = "↑↓ PgUp PgDn scroll, Tab back" if focused else ""
        return bars.pane_title("Interviewer", self._size()[0], focused=focused, extra=extra,
                               above=self.said.above, below=self.said.below)  # fmt: skip

    def _notes_title(self) -> StyleAndTextTuples:
        text = self.text
        if text is not self._lines_of[0]:
            self._lines_of = (text, text.count("\n") + 1 if text else 0)
        lines = self._lines_of[1]
        extra = f"{lines} line{'' if lines == 1 else 's'}"
        if self._badge_text:
            extra += " · " + self._badge_text
        focused = self.app.layout.has_focus(self.notes)
        return bars.pane_title("Your notes", self._size()[0], focused=focused, extra=extra)

    def _status(self) -> StyleAndTextTuples:
        return bars.status_line(self._status_info(), self._size()[0])

    def _waiting_text(self) -> StyleAndTextTuples:
        width = self._size()[0]
        return [("class:status.wait", bars.cut(" " + bars.one_line(self.waiting or ""), width).ljust(width))]

    def _keys_text(self) -> StyleAndTextTuples:
        width = self._size()[0]
        if self.waiting is not None:
            return [("class:status.wait", bars.cut(" Press Enter to start the clock.   F1 brief  ^C quit", width).ljust(width))]
        return [("class:status.keys", bars.keys_line(width).ljust(width))]

    def _too_small_text(self) -> StyleAndTextTuples:
        return [("class:notice", bars.too_small(*self._size()))]

    # ------------------------------------------------------------------ layout
    def _root(self) -> AnyContainer:
        def line(get: Callable[[], StyleAndTextTuples], height: int = 1, style: str = "") -> Window:
            return Window(FormattedTextControl(get), height=height, style=style, wrap_lines=False)

        said_title = line(self._said_title)
        notes_title = line(self._notes_title)
        narrow = HSplit([said_title, self.said_window, notes_title, self.notes])
        wide = VSplit(
            [
                HSplit([notes_title, self.notes], width=Dimension(weight=3)),
                Window(width=1, char="│", style="class:pane.title"),
                HSplit([said_title, self.said_window], width=Dimension(weight=2)),
            ]
        )
        failing = Condition(lambda: self.save_problem is not None)
        waiting = Condition(lambda: self.waiting is not None)
        status = HSplit(
            [
                line(self._status, style="class:status"),
                ConditionalContainer(
                    line(lambda: bars.save_failure_line(self.save_problem or "", self._size()[0])), filter=failing
                ),
                ConditionalContainer(line(self._waiting_text), filter=waiting),
                line(self._keys_text),
            ]
        )
        main = HSplit([line(self._header, height=2), DynamicContainer(lambda: wide if self._wide() else narrow), status])
        brief = Frame(self.brief_window, title="Brief · F1 or Esc closes · ↑↓ PgUp PgDn scroll", style="class:brief")
        notice = Window(FormattedTextControl(self._too_small_text), wrap_lines=True, style="class:notice")
        return FloatContainer(
            main,
            floats=[
                Float(ConditionalContainer(brief, filter=Condition(lambda: self.brief_open)), top=2, bottom=2, left=2, right=2),
                Float(ConditionalContainer(notice, filter=Condition(self._too_small)), top=0, bottom=0, left=0, right=0),
            ],
        )

    # ------------------------------------------------------------------ keys
    def _keys(self) -> KeyBindings:
        kb = KeyBindings()
        waiting = Condition(lambda: self.waiting is not None)
        small = Condition(self._too_small)
        brief = Condition(lambda: self.brief_open)
        in_said = has_focus(self.said_window)

        @kb.add("c-c")
        def _interrupt(event: KeyPressEvent) -> None:
            self._interrupt()

        @kb.add("c-d", filter=~waiting)
        def _done(event: KeyPressEvent) -> None:
            self._finish(Outcome.DONE)

        @kb.add("c-p", filter=~waiting)
        def _pause(event: KeyPressEvent) -> None:
            paused = self.live.toggle_pause()
            self._say("Paused: ^P to resume." if paused else "Resumed.")

        @kb.add("c-t", filter=~waiting)
        def _extend(event: KeyPressEvent) -> None:
            self.live.extend()
            self._say("+2 minutes for this phase.")

        @kb.add("c-g", filter=~waiting)
        def _hint(event: KeyPressEvent) -> None:
            if self.live.hint(self.text) is None:
                self._no_more_hints_at = len(self.live.said)
            self.said.changed(show_newest=True)

        @kb.add("c-e", filter=~waiting & ~small & ~brief)
        def _editor(event: KeyPressEvent) -> None:
            self._edit()

        @kb.add("f1", filter=~small)
        def _brief(event: KeyPressEvent) -> None:
            self._toggle_brief()

        @kb.add("escape", filter=brief)
        def _close_brief(event: KeyPressEvent) -> None:
            self._toggle_brief()

        @kb.add("tab", filter=~waiting & ~small & ~brief)
        @kb.add("s-tab", filter=~waiting & ~small & ~brief)
        def _pane(event: KeyPressEvent) -> None:
            layout = self.app.layout
            layout.focus(self.notes if layout.has_focus(self.said_window) else self.said_window)

        @kb.add("enter", filter=waiting & ~small)
        def _start(event: KeyPressEvent) -> None:
            self.waiting = None
            self.live.start()
            self._refresh_status()

        @kb.add(Keys.Any, filter=waiting | small)
        def _swallow(event: KeyPressEvent) -> None:
            """Nothing typed goes into notes the candidate cannot see."""

        @kb.add(Keys.Any, filter=in_said & ~waiting & ~small & ~brief)
        def _type_in_notes(event: KeyPressEvent) -> None:
            """Typing while the interviewer pane has the focus: back to the notes, typed there."""
            self.app.layout.focus(self.notes)
            if event.data.isprintable():
                self.notes.buffer.insert_text(event.data)

        return kb

    def _toggle_brief(self) -> None:
        layout = self.app.layout
        if self.brief_open:
            self.brief_open = False
            layout.focus(self._focus_before_brief or self.notes)
        else:
            self._focus_before_brief = self.said_window if layout.has_focus(self.said_window) else self.notes
            self.brief_open = True
            self.brief_view.changed()  # what has been stated so far may have grown
            layout.focus(self.brief_window)

    def _edit(self) -> None:
        text = self.text

        async def edit() -> None:
            try:
                edited = await run_in_terminal(lambda: editor.edit(text))
            except EditorFailed as exc:
                self._say(exc.message)
                return
            self.notes.buffer.document = Document(edited, len(edited))
            self._say("Notes back from the editor.")

        self.app.create_background_task(edit())

    # ------------------------------------------------------------------ ending
    def _exit(self, result: RoomResult | None = None, exception: BaseException | None = None) -> None:
        if not self.app.is_running or self.app.future is None or self.app.future.done():
            return
        if exception is not None:
            self.app.exit(exception=exception)
        elif result is not None:
            self.app.exit(result=result)

    def _finish(self, outcome: Outcome) -> None:
        """^D or 0:00 under --strict: end the phase (saved), or say why it could not be."""
        text = self.text
        self.autosave.close()
        try:
            self.interview.end_phase(self.live, text)
        except StoreError as exc:
            self.save_problem = exc.message
            self._say("Could not save the end of the phase: ^D tries again.")
            return
        self._exit(RoomResult(outcome, text))

    def _save_for_quit(self) -> str | None:
        """Save the phase as it is (the clock stops); the store's complaint, if it refused."""
        self.live.notes = self.text
        self.autosave.close()
        try:
            self.interview.interrupt(self.live)
        except StoreError as exc:
            return exc.message
        return None

    def _interrupt(self) -> None:
        was_running = self.live.clock.running
        problem = self._save_for_quit()
        if problem is None:
            self._exit(RoomResult(Outcome.INTERRUPT, self.text))
        elif self._quit_armed:
            self._exit(RoomResult(Outcome.UNSAVED, self.text, problem=problem))
        else:
            self._quit_armed = True
            self.save_problem = problem
            self._say("Could not save. ^C again quits anyway (your notes are printed); or wait and retry.")
            if was_running:
                self.live.clock.start()

    def _on_signal(self, signum: int) -> None:
        problem = self._save_for_quit()
        if is_hangup(signum):
            silence_the_terminal()
        self._exit(RoomResult(Outcome.SIGNAL, self.text, signum=signum, problem=problem))
