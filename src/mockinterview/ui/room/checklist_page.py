"""The coach's checklist at a phase's end: a full-screen page of the phase's key points.

Each point shows what the coach decided and why: a covered point its matching line
(``line 12: ...``, the matched words emphasised), a missed one its pointer into the
reference; a curveball's points come under what the interviewer announced. The
candidate moves with Up/Down (or j/k) and flips a point with Space: a point the coach
missed is *ticked* ("I covered this in other words"), a wrong match *unticked*; Space
again gives the coach's reading back. Enter keeps the verdicts. Every state is a
symbol and words (``✓ covered``, ``✗ missed``, ``✓ ticked by you``, ``✗ unticked by
you``), so nothing relies on colour. The page scrolls to keep the chosen point in view.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from mockinterview.coach.checklist import Checklist, ChecklistItem
from mockinterview.ui.review_view import HIGHLIGHT
from mockinterview.ui.room import pages
from mockinterview.ui.room.rendering import Lines, ScrollView, to_lines
from mockinterview.wording import plural

STATE_WIDTH = len("✗ unticked by you")  # the widest state, so the point texts line up
CURVEBALL = ("Requirement change: ", "bold magenta")  # as the interviewer pane says it


@dataclass(frozen=True)
class Sheet:
    """What the page shows: the checklist, the curveballs' announcements (id -> text),
    and anything shown below the points (the diagram check)."""

    title: str
    checklist: Checklist
    curveballs: Mapping[str, str] = field(default_factory=dict)
    below: Sequence[RenderableType] = ()
    go_on: str = "continue"  # what Enter leads to, for the keys line


# ---------------------------------------------------------------------------- verdicts


def state(item: ChecklistItem) -> tuple[str, str]:
    """The point's state in words, with its style: ``✓ covered``, ``✗ missed``,
    ``✓ ticked by you``, ``✗ unticked by you``."""
    if item.corrected:
        return ("✓ ticked by you", "bold green") if item.covered else ("✗ unticked by you", "bold red")
    return ("✓ covered", "green") if item.covered else ("✗ missed", "red")


def flipped(checklist: Checklist, point_id: str) -> Checklist:
    """Space: the point's covered state the other way. The candidate's verdict is kept
    only where it differs from the coach's (else the point is back to unreviewed)."""
    item = checklist.item(point_id)
    covered = not item.covered
    return checklist.confirm(point_id, None if covered == item.detected else covered)


def space_means(item: ChecklistItem) -> str:
    if item.corrected:
        return "Space: back to the coach's reading"
    if item.detected:
        return "Space: that match is wrong"
    return "Space: I covered this in other words"


# ---------------------------------------------------------------------------- the body


def evidence(item: ChecklistItem) -> Text | None:
    """``line 12: the line`` for the point's first matching line, the matched words emphasised."""
    if not item.evidence:
        return None
    first = min(item.evidence, key=lambda m: m.line)
    spans = sorted({s for m in item.evidence if m.line == first.line for s in m.spans})
    body = Text(first.text)
    for start, end in spans:
        if 0 <= start < end <= len(first.text):
            body.stylize(HIGHLIGHT, start, end)
    return Text.assemble((f"line {first.line}: ", "dim"), body)


def detail(item: ChecklistItem) -> Text:
    """The line under a point: why the coach thinks so, and what the candidate said."""
    found = evidence(item)
    if item.corrected and item.covered:
        return Text("you covered it in other words (the coach found no match)", style="dim")
    if item.corrected:
        return Text.assemble(found or "", ("  · you said this match is wrong", "dim"))
    if item.covered and found is not None:
        return found
    pointer = f"→ in the reference: {item.reference}" if item.reference else "→ see the reference answer of this phase"
    return Text(pointer, style="dim")


def entry(item: ChecklistItem, *, selected: bool) -> Table:
    words, style = state(item)
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(width=1, no_wrap=True)
    grid.add_column(width=STATE_WIDTH, no_wrap=True)
    grid.add_column(ratio=1)
    cursor = Text("›", style="bold reverse") if selected else Text(" ")
    grid.add_row(cursor, Text(words, style=style + (" reverse" if selected else "")), Text(item.text, style="bold" if selected else ""))
    grid.add_row(Text(" "), Text(""), detail(item))
    return grid


def layout(sheet: Sheet, checklist: Checklist, selected: int, width: int) -> tuple[Lines, list[tuple[int, int]]]:
    """The page's lines at ``width``, and each point's ``[start, end)`` lines: its
    heading (a curveball's) and what follows it, the first from the top and the last
    to the end, so choosing them shows the intro and what is below."""
    lines: Lines = []
    ranges: list[tuple[int, int]] = []
    intro = Text.assemble(
        (f"{checklist.covered} of {plural(checklist.total, 'point')} covered", "bold"),
        (" in your notes of this phase, as the coach reads them. Space ticks a point you covered in "
         "other words or unticks a wrong match; Enter keeps your verdicts.", "dim"),
    )  # fmt: skip
    lines += to_lines([intro, Text("")], width)
    shown: str | None = None
    for n, item in enumerate(checklist.items):
        start = 0 if n == 0 else len(lines)
        parts: list[RenderableType] = []
        if item.curveball is not None and item.curveball != shown:
            shown = item.curveball
            announce = sheet.curveballs.get(item.curveball, "a change of requirements")
            parts += [Text(""), Text.assemble(CURVEBALL, announce)]
        parts.append(entry(item, selected=n == selected))
        lines += to_lines(parts, width)
        ranges.append((start, len(lines)))
    if sheet.below:
        lines += to_lines([Text(""), *sheet.below], width)
    if ranges:
        ranges[-1] = (ranges[-1][0], len(lines))
    return lines, ranges


# ---------------------------------------------------------------------------- the page


def page_step(ranges: Sequence[tuple[int, int]], selected: int, height: int, direction: int) -> int:
    """PageDown / PageUp: the point about a screen's height of lines away."""
    n = selected
    travelled = 0
    while 0 <= n + direction < len(ranges) and travelled < max(1, height - 2):
        n += direction
        start, end = ranges[n]
        travelled += end - start
    return n


@dataclass
class _Reviewing:
    checklist: Checklist
    selected: int = 0
    ranges: list[tuple[int, int]] = field(default_factory=list)  # each point's lines, as last drawn

    @property
    def item(self) -> ChecklistItem:
        return self.checklist.items[self.selected]

    def in_view(self) -> tuple[int, int]:
        return self.ranges[self.selected] if self.selected < len(self.ranges) else (0, 0)


def review(sheet: Sheet) -> Checklist:
    """Show ``sheet`` until Enter; the checklist as the candidate left it (unchanged
    when nothing was flipped). ^C raises KeyboardInterrupt, a closed input EOFError."""
    now = _Reviewing(sheet.checklist)

    def render(width: int) -> Lines:
        lines, now.ranges = layout(sheet, now.checklist, now.selected, width)
        return lines

    view = ScrollView(render, keep_in_view=now.in_view, keys=False)
    kb = KeyBindings()
    last = len(sheet.checklist.items) - 1

    def select(n: int) -> None:
        now.selected = min(max(n, 0), last)
        view.changed()

    @kb.add("up")
    @kb.add("k")
    def _up(event: KeyPressEvent) -> None:
        select(now.selected - 1)

    @kb.add("down")
    @kb.add("j")
    def _down(event: KeyPressEvent) -> None:
        select(now.selected + 1)

    @kb.add("pageup")
    def _page_up(event: KeyPressEvent) -> None:
        select(page_step(now.ranges, now.selected, view.height, -1))

    @kb.add("pagedown")
    def _page_down(event: KeyPressEvent) -> None:
        select(page_step(now.ranges, now.selected, view.height, 1))

    @kb.add("home")
    def _first(event: KeyPressEvent) -> None:
        select(0)

    @kb.add("end")
    def _last(event: KeyPressEvent) -> None:
        select(last)

    @kb.add("space")
    def _flip(event: KeyPressEvent) -> None:
        now.checklist = flipped(now.checklist, now.item.id)
        view.changed()

    @kb.add("enter")
    def _keep(event: KeyPressEvent) -> None:
        event.app.exit()

    pages.run(
        view,
        title=lambda: f"{now.checklist.covered} of {now.checklist.total} key points covered · {sheet.title}",
        keys=lambda: f"↑↓ choose  {space_means(now.item)}  Enter: {sheet.go_on}  ^C: stop",
        bindings=kb,
    )
    return now.checklist
