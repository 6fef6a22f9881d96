"""What F1 shows in the room: the brief, and what has been agreed and stated so far.

The candidate's side only: the scenario's difficulty and target experience (when it
gives them), the interviewer's opening, what to clarify, the phases
with their minutes as this interview runs them (``--minutes`` and ^T included), the
assumptions once the estimation phase has begun, the figures the drill graded, and
the notes of the requirements and estimation phases already done. Never the
interviewer's notes, the references or what a strong answer covers.
"""

from __future__ import annotations

from rich.console import RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from mockinterview.interview.flow import Interview
from mockinterview.interview.phase import LivePhase
from mockinterview.interview.session import PhaseRecord
from mockinterview.ui.room.bars import minutes_text
from mockinterview.ui.scenario_view import bullets, heading

AGREED_KINDS = ("requirements", "estimation")  # phases whose notes are what was agreed and stated
NOTES_SHOWN = 40  # lines of such notes shown per phase (the rest: "... N more lines")


def brief(interview: Interview, live: LivePhase) -> list[RenderableType]:
    scenario, session = interview.scenario, interview.session
    current = live.record
    total = sum(_allowed(rec, live) for rec in session.phases) / 60
    out: list[RenderableType] = []
    head = Text(scenario.title, style="bold")
    head.append(f"  {scenario.level} · {scenario.focus} · {minutes_text(total)} min", style="dim")
    out += [head, Text(scenario.summary, style="dim")]
    pitch = [f"{label}: {value}" for label, value in (("Difficulty", scenario.difficulty), ("Target experience", scenario.target_experience)) if value]
    if pitch:
        out.append(Text(" · ".join(pitch), style="dim"))
    out.append(Text(""))
    out += [heading("The interviewer's opening"), Padding(Text(scenario.opening), (0, 0, 0, 2)), Text("")]
    out += [heading("Clarify before designing"), bullets(scenario.clarify), Text("")]
    out += [heading("Phases"), Padding(_phases(interview, live), (0, 0, 0, 2))]

    est = scenario.estimation
    reached = any(p.kind == "estimation" and p.index <= current.index for p in session.phases)
    if est is not None and reached:
        from mockinterview.estimation import format_quantity

        out += [Text(""), heading("Assumptions")]
        out.append(bullets(f"{a.label}: {format_quantity(float(a.value), a.unit)}" for a in est.assumptions))
    if session.estimates:
        from mockinterview.content.scenario import Unit
        from mockinterview.estimation import format_quantity

        out += [Text(""), heading("Your estimates (the drill)")]
        out.append(
            bullets(
                f"{e.label}: {'skipped' if e.answer is None else format_quantity(e.answer, Unit(e.unit))}"
                for e in session.estimates
            )
        )
    for rec in session.phases:
        if rec.kind in AGREED_KINDS and rec.status == "done" and rec.index < current.index and rec.notes.strip():
            lines = rec.notes.rstrip("\n").split("\n")
            shown = "\n".join(lines[:NOTES_SHOWN])
            out += [Text(""), heading(f"Your notes: {rec.title}"), Padding(Text(shown), (0, 0, 0, 2))]
            if len(lines) > NOTES_SHOWN:
                out.append(Padding(Text(f"... {len(lines) - NOTES_SHOWN} more lines", style="dim"), (0, 0, 0, 2)))
    return out


def _allowed(rec: PhaseRecord, live: LivePhase) -> float:
    """A phase's planned seconds with its ^T extensions (the running phase's from its clock)."""
    return live.clock.allowed if rec.index == live.record.index else rec.allowed_seconds


def _phases(interview: Interview, live: LivePhase) -> Table:
    current = live.record
    table = Table(box=None, pad_edge=False, show_header=True, header_style="dim")
    table.add_column("#", justify="right", style="dim")
    table.add_column("phase")
    table.add_column("min", justify="right")
    table.add_column("", style="dim")
    for rec in interview.session.phases:
        state = "now" if rec.index == current.index else "done" if rec.status == "done" else ""
        table.add_row(str(rec.index + 1), Text(rec.title), minutes_text(_allowed(rec, live) / 60), state)
    return table
