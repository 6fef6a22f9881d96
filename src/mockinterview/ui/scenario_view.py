"""Scenario renderers: model -> rich renderables. User and scenario text is always
``Text`` (never markup), so ``[red]`` or ``:smile:`` in a file prints as written."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rich.console import RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from mockinterview.content.scenario import Block, Citation, FollowUp, Phase, Scenario
from mockinterview.content.units import DEFAULT_SECONDS_PER_MONTH
from mockinterview.ui.console import LEVEL_STYLE


def minutes(m: float) -> str:
    return f"{m:g} min"


def derived_mark(derived: bool) -> Text:
    return Text(" (derived)", style="derived") if derived else Text("")


def bullets(items: Iterable[str], style: str = "") -> RenderableType:
    """A bulleted list whose wrapped lines hang under the text, not the bullet."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="muted", no_wrap=True)
    grid.add_column(ratio=1)
    for item in items:
        grid.add_row("•", Text(item, style=style))
    return Padding(grid, (0, 0, 0, 2))


def heading(text: str, derived: bool = False) -> Text:
    return Text(text, style="bold accent") + derived_mark(derived)


def phases_table(scenario: Scenario, scale: float = 1.0) -> Table:
    """The phases with their minutes (times ``scale``: ``run --minutes``)."""
    table = Table(box=None, pad_edge=False, show_header=True, header_style="muted")
    table.add_column("#", justify="right", style="muted")
    table.add_column("phase")
    table.add_column("min", justify="right")
    table.add_column("goal", ratio=1)
    for i, p in enumerate(scenario.phases, 1):
        table.add_row(str(i), Text(p.title) + derived_mark(p.derived), f"{round(p.minutes * scale, 1):g}", Text(p.goal, style="muted"))
    return table


def brief(scenario: Scenario, *, scale: float = 1.0) -> Iterator[RenderableType]:
    """The brief: what a candidate hears before the clock starts. No reference answers.
    ``scale`` rescales the minutes shown (``run --minutes``)."""
    head = Text(scenario.title, style="title")
    head.append(f"  {scenario.level}", style=LEVEL_STYLE.get(scenario.level, ""))
    head.append(f" · {scenario.focus} · {round(scenario.minutes * scale, 1):g} min", style="muted")
    yield head
    yield Text(scenario.summary, style="muted")
    pitch = [f"{label}: {value}" for label, value in (("Difficulty", scenario.difficulty), ("Target experience", scenario.target_experience)) if value]
    if pitch:
        yield Text(" · ".join(pitch), style="muted")
    yield Text("")
    yield Panel(Text(scenario.opening), title="Interviewer", title_align="left", border_style="accent")
    if scenario.preparation:
        yield heading("Before you start")
        yield bullets(scenario.preparation)
    yield heading("Clarify before designing")
    yield bullets(scenario.clarify)
    yield heading("Phases")
    yield Padding(phases_table(scenario, scale), (0, 0, 0, 2))


def block(b: Block) -> Iterator[RenderableType]:
    yield Text(b.title, style="bold") + derived_mark(b.derived)
    if b.text:
        yield Padding(Text(b.text), (0, 0, 0, 2))
    if b.items:
        yield bullets(b.items)
    if b.code:
        yield Text(b.code.rstrip("\n"), style="accent" if b.language == "diagram" else "", no_wrap=True, overflow="ignore")


def answer(text: str | None, label: str = "Strong answer: ") -> Iterator[RenderableType]:
    """What a strong answer says, indented under its question (nothing when there is none)."""
    if text:
        yield Padding(Text(label, style="good") + Text(text.rstrip("\n")), (0, 0, 0, 2))


def follow_up_list(items: Iterable[FollowUp]) -> RenderableType:
    """Follow-up questions as bullets, each with its model answer under it."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="muted", no_wrap=True)
    grid.add_column(ratio=1)
    for item in items:
        grid.add_row("•", Text(item.question) + derived_mark(item.derived))
        if item.answer:
            grid.add_row("", Text("Strong answer: ", style="good") + Text(item.answer.rstrip("\n")))
    return Padding(grid, (0, 0, 0, 2))


def sources(items: Iterable[Citation]) -> Iterator[RenderableType]:
    """The public sources a scenario's facts come from: title and licence, then the address
    on a line of its own, never cut or folded (so it can be copied)."""
    cited = list(items)
    if not cited:
        return
    yield Text("")
    yield heading("Sources")
    for c in cited:
        yield Text("  • ", style="muted") + Text(c.title, style="bold") + Text(f"  ({c.licence})", style="muted")
        if c.url:
            yield Text(f"    {c.url}", style="accent", no_wrap=True, overflow="ignore")


def phase_reference(phase: Phase, *, probes: bool = False) -> Iterator[RenderableType]:
    """What a strong answer to ``phase`` covers and its reference blocks; with ``probes``,
    also the interviewer's questions and what a strong answer to each says (the comparison
    screen between phases, where the candidate has just heard them)."""
    if phase.covers:
        yield Text("A strong answer covers", style="bold")
        yield bullets(phase.covers)
    for b in phase.reference:
        yield from block(b)
    if probes:
        for probe in (p for p in phase.probes if p.answer):
            yield Text("Interviewer: ", style="warn") + Text(probe.question) + derived_mark(probe.derived)
            yield from answer(probe.answer)


def reveal(scenario: Scenario) -> Iterator[RenderableType]:
    """Everything behind the brief: references, estimation, evaluation, mistakes, follow-ups."""
    if scenario.interviewer_notes:
        yield Text("")
        yield heading("What the interviewer knows")
        yield bullets(scenario.interviewer_notes)
    for i, p in enumerate(scenario.phases, 1):
        yield Text("")
        yield Text(f"{i}. {p.title} — {minutes(p.minutes)}", style="bold accent") + derived_mark(p.derived)
        for prompt in p.prompts:
            yield Text("Interviewer: ", style="accent") + Text(prompt)
        for probe in p.probes:
            yield Text("Probe: ", style="warn") + Text(probe.question) + derived_mark(probe.derived)
            yield from answer(probe.answer)
        yield from phase_reference(p)
    if scenario.estimation:
        yield Text("")
        yield from estimation_view(scenario)
    if scenario.evaluation:
        ev = scenario.evaluation
        yield Text("")
        yield heading("The document's evaluation", ev.derived)
        if ev.overall:
            o = ev.overall
            yield Text(f"  Overall {o.score:g}/{o.out_of} ({o.percent:g}%) — {o.label}", style="bold")
        for cid, score in ev.scores.items():
            line = Text(f"  {cid}: {score}/5", style="")
            if cid in ev.comments:
                line.append(f"  {ev.comments[cid]}", style="muted")
            yield line
        if ev.strengths:
            yield Text("Strengths", style="good")
            yield bullets(ev.strengths)
        if ev.improvements:
            yield Text("Areas for improvement", style="warn")
            yield bullets(ev.improvements)
        if ev.notes:
            yield Text("Notes on this evaluation", style="muted")
            yield bullets(ev.notes, style="muted")
    if scenario.common_mistakes:
        yield Text("")
        yield heading("Common mistakes")
        for m in scenario.common_mistakes:
            yield Text(m.title, style="bold") + derived_mark(m.derived)
            yield Padding(Text(m.problem), (0, 0, 0, 2))
            yield Padding(Text("Interviewer: ", style="accent") + Text(m.interviewer_response), (0, 0, 0, 2))
            yield from answer(m.answer, "Instead: ")
    fu = scenario.follow_ups
    if fu.medium or fu.advanced or fu.expert:
        yield Text("")
        yield heading("Follow-up questions", fu.derived)
        for name, qs in (("Medium", fu.medium), ("Advanced", fu.advanced), ("Expert", fu.expert)):
            if qs:
                yield Text(name, style="bold")
                yield follow_up_list(qs)
    db = scenario.debrief
    if db.strong_indicators or db.concerns:
        yield Text("")
        yield heading("Debrief checklist", db.derived)
        yield Text("Strong performance indicators", style="good")
        yield bullets(db.strong_indicators)
        yield Text("Areas of concern", style="bad")
        yield bullets(db.concerns)
    yield from sources(scenario.sources)


def estimation_view(scenario: Scenario) -> Iterator[RenderableType]:
    from mockinterview import estimation as est_mod

    est = scenario.estimation
    assert est is not None
    values = est_mod.compute(est)
    yield heading("Capacity estimation")
    yield Text("Assumptions", style="bold")
    for a in est.assumptions:
        yield Text(f"  {a.label}: ") + Text(est_mod.format_quantity(a.value, a.unit), style="bold") + derived_mark(
            a.derived
        )
    yield Text("Figures", style="bold")
    for f in est.figures:
        line = Text(f"  {f.label}: ") + Text(est_mod.format_quantity(values[f.name], f.unit), style="bold")
        if f.stated:
            line.append(f"  (document: {f.stated})", style="muted")
        line += derived_mark(f.derived)
        yield line
        formula = f"      = {f.formula}"
        if f.rounded is not None:
            formula += f", rounded to {est_mod.format_quantity(f.rounded, f.unit)} for the figures after it"
        yield Text(formula, style="muted")
    if est.seconds_per_month != DEFAULT_SECONDS_PER_MONTH:
        yield Text(f"  A month here is {est.seconds_per_month:,.0f} seconds (seconds_per_month).", style="muted")
    for note in est.notes:
        yield Text(f"  {note}", style="muted")
