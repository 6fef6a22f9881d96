"""A timed interview on the terminal, phase by phase: the room for each phase, then
what follows it (:data:`PHASE_END`), each step its own screen. The interview's
state and its saving are :class:`mockinterview.interview.flow.Interview`'s; the store
is written from the first second: at the start, every few seconds while typing, at
every phase end, on Ctrl-C and on SIGTERM / SIGHUP."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import FrameType

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from mockinterview.content.scenario import Phase, PhaseKind, Scenario
from mockinterview.errors import Interrupted, NotATerminalError, SignalExit, StoreError
from mockinterview.interview.autosave import ClosingPhaseWriter, StoreThread
from mockinterview.interview.clock import mmss
from mockinterview.interview.flow import Interview, phase_of
from mockinterview.interview.phase import LivePhase
from mockinterview.interview.session import PhaseRecord, Session
from mockinterview.ui import prompter, scenario_view
from mockinterview.ui.room import brief as brief_view
from mockinterview.ui.room import pages
from mockinterview.ui.room.bars import minutes_text
from mockinterview.ui.room.phase_room import NotesBadge, Outcome, PhaseRoom, RoomResult
from mockinterview.ui.room.signals import STOP_SIGNALS, is_hangup, silence_the_terminal
from mockinterview.wording import plural

OpenWriter = Callable[[], ClosingPhaseWriter]  # a second store connection, for autosave's own thread


# ---------------------------------------------------------------------------- the room


def notes_badge(interview: Interview, rec: PhaseRecord) -> NotesBadge:
    """The coach's live count for the notes pane's title: ``3 of 7 points`` (the
    phase's key points and those of the curveballs announced so far; never the points
    themselves, which wait for the phase's end). None for a phase without key points.
    The room calls it off the event loop; the first call builds the coach."""

    def badge(notes: str) -> str | None:
        if not interview.has_key_points(rec):
            return None
        found, total = interview.coach.count(rec.phase_id, notes, curveballs=rec.announced)
        return f"{found} of {plural(total, 'point')}" if total else None

    return badge


def run_room(interview: Interview, live: LivePhase, *, waiting: str | None, writer: OpenWriter | None) -> RoomResult:
    """One phase in the room (the seam the command tests replace)."""
    thread = StoreThread(writer) if writer is not None else None
    try:
        room = PhaseRoom(
            interview,
            live,
            interview.autosave(live, thread=thread),
            brief=lambda: brief_view.brief(interview, live),
            waiting=waiting,
            notes_badge=notes_badge(interview, live.record),
        )
        return room.run()
    finally:
        if thread is not None:
            thread.close()


def where_you_were(interview: Interview, live: LivePhase) -> str:
    """The line a resumed phase opens with, above "Press Enter to start the clock."."""
    clock = live.clock
    if not clock.elapsed:
        return "Resuming: this phase has not started yet."
    left = f"{mmss(clock.remaining)} left" if clock.remaining >= 0 else f"{mmss(-clock.remaining)} over"
    return f"Resuming: {mmss(clock.elapsed)} already used in this phase ({left})."


# ---------------------------------------------------------------------------- after a phase


@dataclass(frozen=True)
class PhaseEnd:
    """A phase just ended (its notes and time saved): what the steps after it work on."""

    out: Console
    interview: Interview
    phase: Phase
    record: PhaseRecord


PhaseEndStep = Callable[[PhaseEnd], None]


def offer_estimation(out: Console, interview: Interview, notes: str = "") -> None:
    """After the estimation phase: the drill, if the scenario has figures and the candidate
    wants it, each answer pre-filled with the figure ``notes`` state (Enter keeps it)."""
    if interview.scenario.estimation is None:
        return
    if not prompter.confirm("Check your capacity numbers against the reference now?", default=True):
        return
    from mockinterview.ui.estimate_view import drill

    prefill = interview.noted_figures(notes) if notes.strip() else {}
    interview.record_estimates(drill(out, interview.scenario, prefill=prefill))


def estimation_step(end: PhaseEnd) -> None:
    if end.phase.kind.value == "estimation":
        offer_estimation(end.out, end.interview, end.record.notes)


def checklist_step(end: PhaseEnd) -> None:
    """The coach's checklist of the phase's key points, on its own page; the candidate's
    ticks and unticks (or, with none, the coach's reading) are saved on Enter. Under
    ``--no-peek`` it waits for the end (:func:`deferred_checklists`): the missed points'
    texts say what a strong answer covers."""
    if end.interview.peek:
        show_checklist(end)


def deferred_checklists(out: Console, interview: Interview) -> None:
    """``--no-peek``: after the last phase, each phase's checklist not kept yet, in order.
    Ctrl-C stops here; the interview is finished and saved, and scoring still reads the
    notes for the points not reviewed."""
    left = [rec for rec in interview.session.phases if rec.checklist is None and interview.has_key_points(rec)]
    for n, rec in enumerate(left, 1):
        go_on = "the next phase's checklist" if n < len(left) else "the review"
        try:
            show_checklist(PhaseEnd(out, interview, interview.phase(rec), rec), go_on=go_on)
        except (KeyboardInterrupt, EOFError):
            session = interview.session
            raise Interrupted(
                f"interview {session.id} is finished and saved",
                hint=f"Score it with: mockinterview score {session.id}",
            ) from None


def show_checklist(end: PhaseEnd, *, go_on: str | None = None) -> None:
    """The checklist page for ``end``'s phase (see :func:`checklist_step`)."""
    interview, rec, phase = end.interview, end.record, end.phase
    checklist = interview.checklist(rec)
    if checklist is None or not checklist.total:
        return
    # imported here: loaded before the first room, they would be walked by its garbage collections
    from mockinterview.ui import review_view
    from mockinterview.ui.room import checklist_page

    below: list[RenderableType] = []
    if phase.kind == PhaseKind.high_level_design:
        check = interview.coach.check_diagram(rec.notes)
        if check is not None and check.has_diagram:
            below = list(review_view.diagram(check, has_architecture=True))
    at, of = rec.index + 1, len(interview.session.phases)
    sheet = checklist_page.Sheet(
        title=f"Phase {at}/{of} · {phase.title}",
        checklist=checklist,
        curveballs={cb.id: cb.announce for cb in phase.curveballs},
        below=below,
        go_on=go_on or "continue",
    )
    interview.save_checklist(rec, checklist_page.review(sheet))


def comparison_step(end: PhaseEnd) -> None:
    """Unless ``--no-peek``: the notes beside the reference, on a page that waits for Enter."""
    if not (end.interview.peek and prompter.confirm("Compare your notes with the reference?", default=False)):
        return
    at, of = end.record.index + 1, len(end.interview.session.phases)
    last = at == of
    pages.show(
        pages.Page(
            title=f"Phase {at}/{of} · {end.phase.title} · your notes beside the reference",
            body=lambda width: comparison(end.phase, end.record.notes, width),
            go_on="finish the interview" if last else "next phase (its clock starts)",
        )
    )


#: What follows each phase, in order; the next phase (and its clock) starts after the
#: last. Each step may show its own screen and may raise KeyboardInterrupt (Ctrl-C:
#: save or discard). The checklist comes after the drill, whose answers it would give
#: away (a missed point's text states the figure), and before the comparison.
PHASE_END: list[PhaseEndStep] = [estimation_step, checklist_step, comparison_step]


# ---------------------------------------------------------------------------- the phases


def run_phases(out: Console, interview: Interview, *, resumed: bool = False, writer: OpenWriter | None = None) -> None:
    """Run the phases from ``session.current_phase`` to the end, saving as it goes.

    A resumed interview's first phase waits for Enter; before it, the checklist of the
    phase done last, if the interview stopped before the candidate kept it (Enter).
    ``writer`` opens a second store connection for autosave's thread (without it,
    autosave writes in the event loop).
    """
    if resumed and (left := checklist_left(interview)) is not None:
        after_phase(PhaseEnd(out, interview, interview.phase(left), left), [checklist_step])  # --no-peek: at the end
    for n, rec in enumerate(interview.phases_to_run()):
        phase = interview.phase(rec)
        live = interview.start_phase(rec)
        waiting = where_you_were(interview, live) if resumed and n == 0 else None
        try:
            result = run_room(interview, live, waiting=waiting, writer=writer)
        except EOFError:  # the input went away (closed pipe, lost terminal): keep everything
            interview.interrupt(live)
            raise input_closed(interview) from None
        if result.outcome is Outcome.INTERRUPT:
            raise interrupted(out, interview)
        if result.outcome is Outcome.UNSAVED:
            rescue(out, live.title, result.notes)
            raise StoreError(f"{result.problem}; your notes of this phase are printed above", hint=SAVE_HINT)
        if result.outcome is Outcome.SIGNAL:
            if result.problem:
                rescue(out, live.title, result.notes)
            raise stopped(interview, result.signum or 0, result.problem)

        if live.ended_by == "time_up":
            out.print(Text(f"Time is up for {phase.title}: your notes are kept.", style="warn"))
        over = rec.overtime_seconds
        summary = f"{phase.title}: {rec.used_seconds / 60:.1f} of {minutes_text(rec.allowed_seconds / 60)} min"
        out.print(Text(summary + (f" (+{over / 60:.1f} over)" if over > 0 else ""), style="bad" if over > 0 else "muted"))
        after_phase(PhaseEnd(out, interview, phase, rec), PHASE_END)

    interview.finish()


def after_phase(end: PhaseEnd, steps: list[PhaseEndStep]) -> None:
    """Run ``steps`` for a phase just ended: Ctrl-C offers save-or-discard, a signal
    stops as it does, a closed input keeps everything."""
    interview = end.interview
    try:
        for step in steps:
            step(end)
    except KeyboardInterrupt as exc:
        if isinstance(exc, SignalExit):
            raise stopped(interview, exc.signum) from None
        raise interrupted(end.out, interview) from None
    except EOFError:
        raise input_closed(interview) from None


def checklist_left(interview: Interview) -> PhaseRecord | None:
    """The phase done last, when its checklist was never kept (the interview stopped at
    the checklist page, or before it): shown again on ``resume``."""
    session = interview.session
    if session.current_phase == 0:
        return None
    rec = session.phases[session.current_phase - 1]
    if rec.status != "done" or rec.checklist is not None or not interview.has_key_points(rec):
        return None
    return rec


SAVE_HINT = "free some space or close the program holding the database, then run the interview again"


def interrupted(out: Console, interview: Interview) -> Interrupted:
    """Ctrl-C: everything is already saved; offer to keep it (default) or discard it."""
    out.print()
    session = interview.session
    choice = "save"
    try:
        choice = prompter.select(
            "Interview paused. What now?",
            [("save", "Save and quit (resume later)"), ("discard", "Discard this interview")],
            default="save",
        )
        if choice == "discard" and not prompter.confirm("Discard it for good? Its notes will be deleted.", default=False):
            choice = "save"
    except (KeyboardInterrupt, EOFError, NotATerminalError):  # a second Ctrl-C, or no answer: keep everything
        choice = "save"
    if choice == "discard":
        interview.discard()
        return Interrupted(f"interview {session.id} discarded")
    at, of = interview.position
    return Interrupted(
        f"interview {session.id} saved at phase {at} of {of}",
        hint=f"Resume it with: mockinterview resume {session.id}",
    )


def input_closed(interview: Interview) -> Interrupted:
    session = interview.session
    at, of = interview.position
    return Interrupted(
        f"input closed; interview {session.id} saved at phase {at} of {of}",
        hint=f"Resume it with: mockinterview resume {session.id}",
    )


def stopped(interview: Interview, signum: int, problem: str | None = None) -> Interrupted | StoreError:
    """SIGTERM or SIGHUP: saved (as Ctrl-C's "save and quit"), without asking."""
    session = interview.session
    name = signal.Signals(signum).name if signum else "a signal"
    if problem:
        return StoreError(f"stopped by {name}, and the interview could not be saved: {problem}", hint=SAVE_HINT)
    at, of = interview.position
    return Interrupted(
        f"stopped by {name}; interview {session.id} saved at phase {at} of {of}",
        hint=f"Resume it with: mockinterview resume {session.id}",
    )


def rescue(out: Console, title: str, notes: str) -> None:
    """The store refused the notes: print them, so they are in the terminal's scrollback."""
    out.print(Rule(Text(f" Your notes: {title} (not saved) ", style="bold warn"), style="warn"))
    out.print(Text(notes))
    out.print(Rule(style="warn"))


@contextlib.contextmanager
def stop_signals() -> Iterator[None]:
    """While ``run`` or ``resume`` goes on: SIGTERM and SIGHUP stop it as Ctrl-C's "save
    and quit" does (:class:`SignalExit`). The room and the pages catch them in their
    own event loop; this covers the steps between them."""

    def handler(signum: int, frame: FrameType | None) -> None:
        if is_hangup(signum):
            silence_the_terminal()
        raise SignalExit(signum)

    previous = {}
    try:
        for signum in STOP_SIGNALS:
            previous[signum] = signal.signal(signum, handler)
    except ValueError:  # not the main thread: leave the signals alone
        pass
    try:
        yield
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)


# ---------------------------------------------------------------------------- comparison


def comparison(phase: Phase, notes: str, width: int) -> list[RenderableType]:
    """Your notes beside the reference from 110 columns, stacked below that."""
    has_reference = phase.reference or phase.covers or any(p.answer for p in phase.probes)
    ref = Group(*scenario_view.phase_reference(phase, probes=True)) if has_reference else Text("No reference for this phase.", style="muted")
    mine = Text(notes) if notes.strip() else Text("(no notes)", style="muted")
    if width >= 110:
        t = Table(show_lines=False, expand=True, box=None, padding=(0, 2))
        t.add_column("Your notes", ratio=1, style="")
        t.add_column("Reference", ratio=1)
        t.add_row(mine, ref)
        return [t]
    return [Text("Your notes", style="bold"), Padding(mine, (0, 0, 0, 2)), Text("Reference", style="bold"), Padding(ref, (0, 0, 0, 2))]


def compare(out: Console, phase: Phase, notes: str) -> None:
    """:func:`comparison`, printed."""
    for part in comparison(phase, notes, out.width):
        out.print(part)


def review(out: Console, session: Session, scenario: Scenario) -> None:
    """``--no-peek``: every phase's notes beside its reference, at the end."""
    for rec in session.phases:
        phase = phase_of(scenario, rec)
        out.print(Rule(Text(f" {phase.title} ", style="bold"), style="muted"))
        compare(out, phase, rec.notes)
