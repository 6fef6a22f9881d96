"""Scenario renderers: model -> rich renderables. User and scenario text is always
``Text`` (never markup), so ``[red]`` or ``:smile:`` in a file prints as written.

Content the seed documents do not state carries one quiet ``†`` (:class:`~mockinterview.ui.marks.Marks`),
explained once at the end of the view. A view made of parts (``show --reveal``: the brief,
then the rest) passes one ``Marks`` to each part and prints its footnote itself.

Long views are laid out by :class:`~mockinterview.ui.flow.Flow`: one renderable per
section (``show --reveal`` prints some 500 lines).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from rich.console import RenderableType
from rich.text import Text

from mockinterview.content.units import DEFAULT_SECONDS_PER_MONTH
from mockinterview.ui.console import LEVEL_STYLE
from mockinterview.ui.flow import Flow
from mockinterview.ui.marks import Marks

if TYPE_CHECKING:
    from mockinterview.content.scenario import Block, Citation, FollowUp, Phase, Scenario

__all__ = ["Flow", "brief", "bullets", "heading", "phase_reference", "phases_table", "reveal"]


def minutes(m: float) -> str:
    return f"{m:g} min"


def bullets(items: Iterable[str], style: str = "", flow: Flow | None = None) -> Flow:
    """A bulleted list whose wrapped lines hang under the text, not the bullet (added to
    ``flow`` when given)."""
    flow = flow if flow is not None else Flow()
    for item in items:
        flow.bullet(Text(item, style=style))
    return flow


def heading(text: str, derived: bool = False, marks: Marks | None = None) -> Text:
    return (marks or Marks()).after(Text(text, style="bold accent"), derived)


def phases_table(scenario: Scenario, scale: float = 1.0, marks: Marks | None = None) -> RenderableType:
    """The phases with their minutes (times ``scale``: ``run --minutes``)."""
    from rich.table import Table

    marks = marks or Marks()
    table = Table(box=None, pad_edge=False, show_header=True, header_style="muted")
    table.add_column("#", justify="right", style="muted")
    table.add_column("phase")
    table.add_column("min", justify="right")
    table.add_column("goal", ratio=1)
    for i, p in enumerate(scenario.phases, 1):
        table.add_row(str(i), marks.after(Text(p.title), p.derived), f"{round(p.minutes * scale, 1):g}",
                      Text(p.goal, style="muted"))
    return table


def brief(scenario: Scenario, *, scale: float = 1.0, marks: Marks | None = None) -> Iterator[RenderableType]:
    """The brief: what a candidate hears before the clock starts. No reference answers.
    ``scale`` rescales the minutes shown (``run --minutes``). With ``marks`` the caller
    prints the footnote for the derived marks; without, the brief ends with it."""
    from rich.padding import Padding
    from rich.panel import Panel

    own = marks is None
    marks = marks or Marks()
    flow = Flow()
    head = Text(scenario.title, style="title")
    head.append(f"  {scenario.level}", style=LEVEL_STYLE.get(scenario.level, ""))
    head.append(f" · {scenario.focus} · {round(scenario.minutes * scale, 1):g} min", style="muted")
    flow.text(head).text(Text(scenario.summary, style="muted"))
    pitch = [f"{label}: {value}" for label, value in (("Difficulty", scenario.difficulty),
                                                    ("Target experience", scenario.target_experience)) if value]
    if pitch:
        flow.text(Text(" · ".join(pitch), style="muted"))
    flow.text(Text(""))
    flow.add(Panel(Text(scenario.opening), title="Interviewer", title_align="left", border_style="accent"))
    if scenario.preparation:
        flow.text(heading("Before you start"))
        bullets(scenario.preparation, flow=flow)
    flow.text(heading("Clarify before designing"))
    bullets(scenario.clarify, flow=flow)
    flow.text(heading("Phases"))
    flow.add(Padding(phases_table(scenario, scale, marks), (0, 0, 0, 2)))
    yield flow
    if own:
        yield from marks.footnote()


def block(b: Block, flow: Flow, marks: Marks) -> None:
    """A reference block: its title, then its text, items or code."""
    flow.text(marks.after(Text(b.title, style="bold"), b.derived))
    if b.text:
        flow.text(Text(b.text), 2)
    if b.items:
        bullets(b.items, flow=flow)
    if b.code:
        flow.text(Text(b.code.rstrip("\n"), style="accent" if b.language == "diagram" else "", no_wrap=True,
                       overflow="ignore"))


def answer(flow: Flow, text: str | None, label: str = "Strong answer: ", *, marks: Marks | None = None,
           derived: bool = False) -> None:
    """What a strong answer says, indented under its question (nothing when there is none);
    ``derived``: the answer, not its question, is ours."""
    if text:
        line = Text(label, style="good") + Text(text.rstrip("\n"))
        flow.text((marks or Marks()).after(line, derived), 2)


def follow_up_list(items: Iterable[FollowUp], flow: Flow, marks: Marks, *, marked: bool = True) -> None:
    """Follow-up questions as bullets, each with its model answer under it; ``marked``:
    each carries its own derived mark (not when its heading already says so), after the
    question when the follow-up is ours, after the answer when only the answer is."""
    for item in items:
        flow.bullet(marks.after(Text(item.question), marked and item.derived))
        if item.answer:
            line = Text("Strong answer: ", style="good") + Text(item.answer.rstrip("\n"))
            flow.bullet(marks.after(line, marked and item.answer_derived), marker="")


def sources(items: Iterable[Citation], flow: Flow) -> None:
    """The public sources a scenario's facts come from: title and licence, then the address
    on a line of its own."""
    cited = list(items)
    if not cited:
        return
    flow.text(Text(""))
    flow.text(heading("Sources"))
    for c in cited:
        flow.text(Text("  • ", style="muted") + Text(c.title, style="bold") + Text(f"  ({c.licence})", style="muted"))
        if c.url:
            flow.text(Text(f"    {c.url}", style="accent", no_wrap=True, overflow="ignore"))


def phase_reference(phase: Phase, *, probes: bool = False, marks: Marks | None = None) -> Iterator[RenderableType]:
    """What a strong answer to ``phase`` covers and its reference blocks; with ``probes``,
    also the interviewer's questions and what a strong answer to each says (the comparison
    screen between phases, where the candidate has just heard them). Laid out to sit inside
    another renderable; without ``marks`` it ends with the footnote for its marks."""
    own = marks is None
    marks = marks or Marks()
    flow = Flow(top=False)
    _phase_reference(phase, flow, marks)
    if probes:
        for probe in (p for p in phase.probes if p.answer):
            flow.text(marks.after(Text("Interviewer: ", style="warn") + Text(probe.question), probe.derived))
            answer(flow, probe.answer, marks=marks, derived=probe.answer_derived)
    yield flow
    if own:
        yield from marks.footnote()


def _phase_reference(phase: Phase, flow: Flow, marks: Marks) -> None:
    if phase.covers:
        flow.text(Text("A strong answer covers", style="bold"))
        bullets(phase.covers, flow=flow)
    for b in phase.reference:
        block(b, flow, marks)


def reveal(scenario: Scenario, *, marks: Marks | None = None) -> Iterator[RenderableType]:
    """Everything behind the brief: references, estimation, evaluation, mistakes, follow-ups.
    With ``marks`` the caller prints the footnote; without, the view ends with it."""
    own = marks is None
    marks = marks or Marks()
    if scenario.interviewer_notes:
        flow = Flow().text(Text("")).text(heading("What the interviewer knows"))
        yield bullets(scenario.interviewer_notes, flow=flow)
    for i, p in enumerate(scenario.phases, 1):
        flow = Flow().text(Text(""))
        flow.text(marks.after(Text(f"{i}. {p.title} — {minutes(p.minutes)}", style="bold accent"), p.derived))
        for prompt in p.prompts:
            flow.text(Text("Interviewer: ", style="accent") + Text(prompt))
        for probe in p.probes:
            flow.text(marks.after(Text("Probe: ", style="warn") + Text(probe.question), probe.derived))
            answer(flow, probe.answer, marks=marks, derived=probe.answer_derived)
        _phase_reference(p, flow, marks)
        yield flow
    if scenario.estimation:
        flow = Flow().text(Text(""))
        estimation_view(scenario, flow, marks)
        yield flow
    flow = Flow()
    if scenario.evaluation:
        ev = scenario.evaluation
        flow.text(Text("")).text(heading("The document's evaluation", ev.derived, marks))
        if ev.overall:
            o = ev.overall
            flow.text(Text(f"  Overall {o.score:g}/{o.out_of} ({o.percent:g}%) — {o.label}", style="bold"))
        for cid, score in ev.scores.items():
            line = Text(f"  {cid}: {score}/5", style="")
            if cid in ev.comments:
                line.append(f"  {ev.comments[cid]}", style="muted")
            flow.text(line)
        if ev.strengths:
            flow.text(Text("Strengths", style="good"))
            bullets(ev.strengths, flow=flow)
        if ev.improvements:
            flow.text(Text("Areas for improvement", style="warn"))
            bullets(ev.improvements, flow=flow)
        if ev.notes:
            flow.text(Text("Notes on this evaluation", style="muted"))
            bullets(ev.notes, style="muted", flow=flow)
    if scenario.common_mistakes:
        flow.text(Text("")).text(heading("Common mistakes"))
        for m in scenario.common_mistakes:
            flow.text(marks.after(Text(m.title, style="bold"), m.derived))
            flow.text(Text(m.problem), 2)
            flow.text(Text("Interviewer: ", style="accent") + Text(m.interviewer_response), 2)
            answer(flow, m.answer, "Instead: ")
    fu = scenario.follow_ups
    if fu.medium or fu.advanced or fu.expert:
        flow.text(Text("")).text(heading("Follow-up questions", fu.derived, marks))
        for name, qs in (("Medium", fu.medium), ("Advanced", fu.advanced), ("Expert", fu.expert)):
            if qs:
                flow.text(Text(name, style="bold"))
                follow_up_list(qs, flow, marks, marked=not fu.derived)
    db = scenario.debrief
    if db.strong_indicators or db.concerns:
        flow.text(Text("")).text(heading("Debrief checklist", db.derived, marks))
        flow.text(Text("Strong performance indicators", style="good"))
        bullets(db.strong_indicators, flow=flow)
        flow.text(Text("Areas of concern", style="bad"))
        bullets(db.concerns, flow=flow)
    sources(scenario.sources, flow)
    yield flow
    if own:
        yield from marks.footnote()


def estimation_view(scenario: Scenario, flow: Flow, marks: Marks) -> None:
    from mockinterview.estimation.display import format_quantity
    from mockinterview.estimation.figures import compute

    est = scenario.estimation
    assert est is not None
    values = compute(est)
    flow.text(heading("Capacity estimation"))
    flow.text(Text("Assumptions", style="bold"))
    for a in est.assumptions:
        flow.text(marks.after(Text(f"  {a.label}: ") + Text(format_quantity(a.value, a.unit), style="bold"), a.derived))
    flow.text(Text("Figures", style="bold"))
    for f in est.figures:
        line = Text(f"  {f.label}: ") + Text(format_quantity(values[f.name], f.unit), style="bold")
        if f.stated:
            line.append(f"  (document: {f.stated})", style="muted")
        flow.text(marks.after(line, f.derived))
        formula = f"      = {f.formula}"
        if f.rounded is not None:
            formula += f", rounded to {format_quantity(f.rounded, f.unit)} for the figures after it"
        flow.text(Text(formula, style="muted"))
    if est.seconds_per_month != DEFAULT_SECONDS_PER_MONTH:
        flow.text(Text(f"  A month here is {est.seconds_per_month:,.0f} seconds (seconds_per_month).", style="muted"))
    for note in est.notes:
        flow.text(Text(f"  {note}", style="muted"))
