"""``mockinterview review``: a notes file's checklist, diagram check and figure check, as rich renderables.

Pure renderers (nothing is printed here). Every piece of the notes and of the scenario
goes through ``Text`` (never markup), so a ``[bold]`` or an escape in the notes shows as
written. Covered points show their first lines of evidence with the matched words
highlighted; marks are a symbol and a word, so the output reads without colour.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from rich.console import RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from mockinterview import estimation
from mockinterview.coach.checklist import ChecklistItem, Match
from mockinterview.coach.diagram import DiagramCheck
from mockinterview.coach.evidence import CriterionEvidence
from mockinterview.coach.figures import FigureCheck
from mockinterview.coach.review import PhaseReview, ReviewResult
from mockinterview.ui.estimate_view import mark, ratio_text
from mockinterview.wording import plural

__all__ = ["checklist_item", "curveball_heading", "diagram", "evidence", "evidence_line", "figures", "phase", "render"]

#: Lines of evidence shown under a covered point (the JSON has them all).
EVIDENCE_LINES = 2
#: Matched phrases quoted beside a covered point (the words matched; a figure's only when no words did).
PHRASES = 2
HIGHLIGHT = "bold underline"


def evidence_line(line: int, text: str, spans: Sequence[tuple[int, int]]) -> Text:
    """``  12│ the line`` with the ``[start, end)`` spans highlighted."""
    out = Text(f"{line:>6}│ ", style="muted")
    body = Text(text)
    for start, end in spans:
        if 0 <= start < end <= len(text):
            body.stylize(HIGHLIGHT, start, end)
    return out + body


def _by_line(matches: Sequence[Match]) -> list[tuple[int, str, list[tuple[int, int]]]]:
    texts: dict[int, str] = {}
    spans: dict[int, set[tuple[int, int]]] = {}
    for m in matches:
        texts.setdefault(m.line, m.text)
        spans.setdefault(m.line, set()).update(m.spans)
    return [(no, texts[no], sorted(spans[no])) for no in sorted(texts)]


def _quoted(phrases: Sequence[str]) -> Text:
    out = Text("")
    for i, p in enumerate(phrases):
        out.append(", " if i else "", style="muted")
        out.append(f"“{p}”", style="muted")
    return out


def _hanging(marker: Text, body: Text, indent: int = 2) -> Table:
    """``marker`` then ``body``, the body's wrapped lines kept under its first word."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True, width=indent + marker.cell_len)
    grid.add_column()
    grid.add_row(Text(" " * indent) + marker, body)
    return grid


def checklist_item(item: ChecklistItem, pointer: str, answer: tuple[str, str] | None = None) -> Iterator[RenderableType]:
    """One point: ``✓`` with what matched and where, or ``✗`` with a pointer into the reference."""
    marker = Text("✓" if item.covered else "✗", style="good" if item.covered else "bad")
    head = Text(item.text)
    if item.covered:
        words = [m.phrase for m in item.evidence if m.route != "figure"]
        phrases = list(dict.fromkeys(words or [m.phrase for m in item.evidence]))
        if phrases:
            head.append("  ")
            head.append_text(_quoted(phrases[:PHRASES]))
    yield _hanging(marker, head)
    if item.covered:
        for no, text, spans in _by_line(item.evidence)[:EVIDENCE_LINES]:
            yield evidence_line(no, text, spans)
    else:
        yield _hanging(Text("→", style="muted"), Text(pointer, style="muted"), indent=6)
        if answer is not None:  # the question that would have drawn it out, and a strong answer to it
            question, text = answer
            yield Padding(Text("Interviewer: ", style="warn") + Text(question), (0, 0, 0, 6))
            yield Padding(Text("Strong answer: ", style="good") + Text(text.rstrip("\n")), (0, 0, 0, 6))


def curveball_heading(announce: str | None) -> Text:
    """The line above a curveball's points: what the interviewer announced."""
    out = Text("  Curveball: ", style="bold warn")
    return out + (Text(f"“{announce}”") if announce else Text("a requirement change", style="muted"))


def _pointer(item: ChecklistItem, index: int, title: str) -> str:
    where = f"{index}. {title}"
    return f"see the reference: {item.reference} ({where})" if item.reference else f"see the reference answer of {where}"


def phase(
    review: PhaseReview,
    index: int,
    answers: Mapping[str, tuple[str, str]] | None = None,
    curveballs: Mapping[str, str] | None = None,
) -> Iterator[RenderableType]:
    """A phase's heading line and its checklist; a curveball's points under what it announced
    (``curveballs``: id -> announcement)."""
    checklist = review.checklist
    head = Text(f"{index}. ", style="bold accent") + Text(review.title, style="bold accent")
    if checklist.total:
        head.append(f"  {checklist.covered} of {plural(checklist.total, 'point')} covered", style="bold")
    if review.headings:
        lines = ", ".join(str(n) for n in review.headings)
        head.append(f"  (heading at line {lines})" if len(review.headings) == 1 else f"  (headings at lines {lines})",
                    style="muted")
    if not checklist.total:
        yield head + Text("  no key points", style="muted")
        return
    yield head
    shown: str | None = None
    for item in checklist.items:
        if item.curveball is not None and item.curveball != shown:
            shown = item.curveball
            yield curveball_heading((curveballs or {}).get(item.curveball))
        yield from checklist_item(item, _pointer(item, index, review.title), (answers or {}).get(item.id))


def _flow(flow: tuple[str, str]) -> str:
    return f"{flow[0]} → {flow[1]}"


def _listed(label: str, names: Sequence[str], style: str = "") -> Table:
    """``  label: a, b, c``, the names' wrapped lines kept under the first name."""
    return _hanging(Text(f"{label}:", style="muted"), Text(", ".join(names), style=style))


def diagram(check: DiagramCheck | None, has_architecture: bool) -> Iterator[RenderableType]:
    """Components and flows named and missing, against the reference architecture."""
    yield Text("Diagram", style="bold accent")
    if not has_architecture or check is None:
        yield Text("  This scenario has no reference architecture to check a diagram against.", style="muted")
        return
    if not check.has_diagram:
        yield Text("  No diagram found. Draw one as arrows, one edge per arrow: Client -> LB -> API -> Cache",
                   style="muted")
        return
    total_components = len(check.components) + len(check.missing_components)
    total_flows = len(check.flows) + len(check.missing_flows)
    lines = ", ".join(str(n) for n in check.lines)
    yield Text(f"  read from {plural(len(check.lines), 'line')} ({lines})", style="muted")
    yield Text(f"  {len(check.components)} of {total_components} components named; "
               f"{len(check.flows)} of {plural(total_flows, 'flow')} drawn", style="bold")
    if check.missing_components:
        yield _listed("missing components", check.missing_components, "bad")
    if check.missing_flows:
        yield _listed("missing flows", [_flow(f) for f in check.missing_flows], "bad")
    if check.reversed_flows:
        yield _listed("drawn the other way", [_flow(f) for f in check.reversed_flows], "warn")
    if check.extra_flows:
        yield _listed("flows not in the reference", [_flow(f) for f in check.extra_flows])
    if check.unknown:
        yield _listed("not in the reference architecture", check.unknown, "warn")


def figures(check: FigureCheck | None) -> Iterator[RenderableType]:
    """Each figure found in the notes, graded as the estimation drill grades it."""
    yield Text("Figures", style="bold accent")
    if check is None:
        yield Text("  This scenario has no estimation figures.", style="muted")
        return
    asked = check.result.asked
    if not check.evidence:
        yield Text(f"  None of the {plural(asked, 'figure')} found in the notes "
                   "(write them with a unit and a name: write QPS ~1.2K/s).", style="muted")
        return
    t = Table(box=None, pad_edge=False, header_style="muted", show_edge=False)
    t.add_column("figure")
    t.add_column("line", justify="right", no_wrap=True, style="muted")
    t.add_column("you wrote", no_wrap=True)
    t.add_column("reference", justify="right", no_wrap=True)
    t.add_column("ratio", justify="right", no_wrap=True)
    t.add_column("grade", no_wrap=True)
    results = {f.name: f for f in check.result.figures}
    for name, ev in check.evidence.items():
        f = results.get(name)
        t.add_row(
            Text(ev.label),
            Text(str(ev.quantity.line)),
            Text(ev.quantity.written),
            Text(estimation.format_quantity(ev.reference, ev.unit)),
            Text(ratio_text(None if f is None else f.ratio)),
            mark(ev.grade),
        )
    yield Padding(t, (0, 0, 0, 2), expand=False)
    counts = check.result.counts
    summary = Text(f"  {len(check.evidence)} of {plural(asked, 'figure')} found: ", style="bold")
    summary.append(f"{counts['on_target']} on target, {counts['order_of_magnitude']} within 10x, {counts['off']} off")
    yield summary
    if check.unattached:
        yield Text(f"  {plural(len(check.unattached), 'other number')} in the notes stated no figure", style="muted")


def evidence(items: Mapping[str, CriterionEvidence], names: Mapping[str, str]) -> Iterator[RenderableType]:
    """Per criterion with key points: covered out of total, and the suggested score."""
    rows = [ev for ev in items.values() if ev.total]
    yield Text("Evidence per criterion", style="bold accent") + Text(
        "  (a suggestion beside your own score, which still decides)", style="muted"
    )
    if not rows:
        yield Text("  No key points to count.", style="muted")
        return
    t = Table(box=None, pad_edge=False, header_style="muted", show_edge=False)
    t.add_column("criterion")
    t.add_column("covered", justify="right", no_wrap=True)
    t.add_column("suggested", justify="right", no_wrap=True)
    for ev in rows:
        t.add_row(
            Text(names.get(ev.criterion, ev.criterion)),
            Text(f"{len(ev.covered)} of {ev.total}"),
            Text("–" if ev.suggested is None else f"{ev.suggested}/5", style="bold"),
        )
    yield Padding(t, (0, 0, 0, 2), expand=False)


def render(
    result: ReviewResult,
    *,
    title: str,
    notes_name: str,
    criterion_names: Mapping[str, str],
    has_architecture: bool,
    answers: Mapping[str, tuple[str, str]] | None = None,
    curveballs: Mapping[str, str] | None = None,
) -> list[RenderableType]:
    """The whole review, top to bottom (``curveballs``: id -> what the interviewer announces)."""
    head = Text(title, style="bold") + Text("  review of ", style="muted") + Text(notes_name)
    named = sum(1 for p in result.phases if p.headings)
    how = (
        f"{plural(named, 'phase')} named by ## headings"
        if result.split
        else "no ## heading names a phase: the whole file is checked against every phase"
    )
    sub = Text(how, style="muted")
    if result.total:
        sub.append(" · ", style="muted")
        sub.append(f"{result.covered} of {plural(result.total, 'key point')} covered", style="bold")
    parts: list[RenderableType] = [head, sub]
    for i, p in enumerate(result.phases, 1):
        parts.append(Text(""))
        parts.extend(phase(p, i, answers, curveballs))
    parts.append(Text(""))
    parts.extend(diagram(result.diagram, has_architecture))
    parts.append(Text(""))
    parts.extend(figures(result.figures))
    parts.append(Text(""))
    parts.extend(evidence(result.evidence, criterion_names))
    return parts
