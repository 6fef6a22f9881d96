"""Rendering of `progress`, `next` and `data path`: fixed-width columns and sparklines
that fit 80 columns and read without colour (every mark is a character, never only a
style).

Columns are laid out here (:func:`columns`) rather than with ``rich.table.Table``:
the report has a dozen small tables, and measuring them through rich cost more than
all the SQL behind them (see docs/performance.md). User text (scenario ids and titles,
labels from the store) always goes in as ``Text``, never as markup."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from rich.console import Console
from rich.text import Text

from mockinterview.progress import (
    Calibration,
    Pacing,
    Practice,
    Progress,
    Recommendation,
    Trend,
    sparkline,
)
from mockinterview.progress.readiness import average_text
from mockinterview.progress.records import (
    AGAINST_DOCUMENT,
    AGAINST_NOTES,
    NOTES_CALIBRATION_HOW,
    TENDENCY_WORDS,
    NotesCalibration,
    notes_calibration_empty,
)
from mockinterview.ui.console import VERDICT_STYLE
from mockinterview.wording import ago, plural

FIRST_COMMAND = "mockinterview run url-shortener"
READY_STYLE = {"ready": "good", "not_yet": "warn", "not_enough_data": "muted"}
INDENT = "  "

Cell = str | Text


# --------------------------------------------------------------------------- layout


def _text(cell: Cell) -> Text:
    return cell.copy() if isinstance(cell, Text) else Text(cell)


def columns(
    rows: Sequence[Sequence[Cell]],
    *,
    align: str = "",
    max_widths: Sequence[int | None] = (),
    header: Sequence[str] | None = None,
    wrap_last: int | None = None,
    indent: str = INDENT,
) -> list[Text]:
    """Lay ``rows`` out in columns one space apart.

    ``align`` has an ``l`` or ``r`` per column (default left); ``max_widths`` truncates a
    column with an ellipsis; ``wrap_last`` is the total width within which the last
    column wraps, its continuation lines aligned under it.
    """
    body = [[_text(c) for c in r] for r in rows]
    if header is not None:
        body.insert(0, [Text(h, style="bold") for h in header])
    if not body:
        return []
    n = max(len(r) for r in body)
    for r in body:
        for i, cell in enumerate(r):
            limit = max_widths[i] if i < len(max_widths) else None
            if limit is not None and cell.cell_len > limit:
                cell.truncate(limit, overflow="ellipsis")
    widths = [max((r[i].cell_len for r in body if i < len(r)), default=0) for i in range(n)]
    lead = len(indent) + sum(widths[:-1]) + (n - 1)
    out: list[Text] = []
    for r in body:
        line = Text(indent)
        for i, cell in enumerate(r):
            last = i == len(r) - 1
            pad = widths[i] - cell.cell_len
            if i < len(align) and align[i] == "r":
                line.append(" " * pad)
                line.append_text(cell)
            elif last and wrap_last is not None and i == n - 1 and cell.cell_len > wrap_last - lead:
                parts = textwrap.wrap(cell.plain, max(20, wrap_last - lead)) or [""]
                style = cell.style
                line.append(parts[0], style=style)
                for more in parts[1:]:
                    out.append(line)
                    line = Text(" " * lead)
                    line.append(more, style=style)
            else:
                line.append_text(cell)
                if not last:
                    line.append(" " * pad)
            if not last:
                line.append(" ")
        line.rstrip()
        out.append(line)
    return out


def _wrap(text: str, width: int, *, first: str = "", rest: str = "", style: str = "") -> list[Text]:
    lines = textwrap.wrap(text, max(20, width - len(first)), subsequent_indent="") or [""]
    out = []
    for i, part in enumerate(lines):
        t = Text(first if i == 0 else rest or " " * len(first))
        t.append(part, style=style)
        out.append(t)
    return out


class _Page:
    """Lines collected for one print call (one rich render for the whole report)."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.lines: list[Text] = []

    def add(self, *lines: Text | str) -> None:
        self.lines += [_text(x) for x in lines]

    def extend(self, lines: Sequence[Text]) -> None:
        self.lines += lines

    def heading(self, text: str, note: str = "") -> None:
        self.lines.append(Text())
        line = Text(text, style="title")
        if note:
            line.append(f"  {note}", style="muted")
        self.lines.append(line)

    def wrap(self, text: str, *, style: str = "", first: str = "", rest: str = "") -> None:
        self.lines += _wrap(text, self.width, first=first, rest=rest, style=style)

    def show(self, out: Console, *, page: bool = False) -> None:
        from mockinterview.ui.pager import page as paged

        paged(out, [Text("\n").join(self.lines)], enabled=page, soft_wrap=True)


def _width(out: Console) -> int:
    return max(40, min(out.width, 100))


def _verdict(label: str | None) -> Text:
    return Text(label or "", style=VERDICT_STYLE.get(label or "", ""))


def _num(x: float | None, fmt: str = ".1f") -> str:
    return "–" if x is None else format(x, fmt)


def _avg(x: float | None) -> str:
    """An average /100 beside its verdict: one decimal, never rounded up across a threshold."""
    return "–" if x is None else average_text(x)


def _kind(kind: str) -> str:
    return kind.replace("_", " ").capitalize()


# --------------------------------------------------------------------------- progress


def empty_message(p: Progress) -> list[str]:
    """What to say when there is nothing to summarise, and what to do first."""
    if p.scored_all == 0:
        lines = [f"No scored interviews yet. Start with: {FIRST_COMMAND}"]
        if p.sessions:
            lines.append(
                f"You have {plural(p.sessions, 'unscored interview')}; score the latest with: mockinterview score"
            )
        return lines
    what = []
    if p.filters.scenario:
        what.append(f"of {p.filters.scenario}")
    if p.filters.since:
        what.append(f"since {p.filters.since.isoformat()}")
    lines = [f"No scored interviews {' '.join(what)} (you have {p.scored_all} in all)."]
    if p.filters.scenario and not p.filters.since:
        lines.append(f"Practise it with: mockinterview run {p.filters.scenario}")
    else:
        lines.append("Try an earlier --since, or leave out --since/--scenario.")
    return lines


def print_progress(out: Console, p: Progress, *, use_pager: bool = False) -> None:
    page = _Page(_width(out))
    if p.empty:
        for line in empty_message(p):
            page.wrap(line)
        page.show(out)
        return
    span = ""
    if p.first and p.last:
        a, b = p.first.astimezone().date(), p.last.astimezone().date()
        span = f", {a.isoformat()} to {b.isoformat()}" if a != b else f", {a.isoformat()}"
    page.add(Text(f"Progress: {plural(p.scored, 'scored interview')}{span}", style="bold"))
    if p.filters.scenario or p.filters.since:
        only = Text("Only ", style="muted")
        if p.filters.scenario:
            only.append("scenario ")
            only.append(Text(p.filters.scenario))
        if p.filters.since:
            only.append(", " if p.filters.scenario else "")
            only.append(f"since {p.filters.since.isoformat()}")
        page.add(only)
    avg = Text("Average ")
    avg.append(f"{_num(p.score_50)}/50 ({_num(None if p.score_50 is None else p.score_50 * 2, '.0f')}%)", style="bold")
    avg.append(" · ")
    avg.append(f"{_avg(p.total_100)}/100 ", style="bold")
    avg.append_text(_verdict(p.verdict))
    page.add(avg)
    if p.thresholds:
        page.wrap(f"Verdicts from the /100 bands: {p.thresholds}.", style="muted")

    _recent(page, p)
    _averages(page, p)
    _readiness(page, p)
    if p.trend:
        _trends(page, p.trend, p)
    _strengths(page, p)
    _pacing(page, p.pacing)
    _notes_calibration(page, p.notes_calibration)
    _calibration(page, p.calibration)
    _practice(page, p.practice)
    if p.filters.since or p.filters.scenario:
        page.add(Text())
        page.wrap("Readiness and the practice calendar always cover your whole history.", style="muted")
    page.show(out, page=use_pager)


def _recent(page: _Page, p: Progress) -> None:
    page.heading("Recent interviews", f"last {len(p.recent)}, newest first")
    rows: list[list[Cell]] = [
        [
            r.started_at.astimezone().strftime("%Y-%m-%d"),
            Text(r.id, style="accent"),
            Text(r.scenario_id),
            Text(r.level),
            "–" if r.score_50 is None else str(r.score_50),
            "–" if r.total_100 is None else str(r.total_100),
            _verdict(r.verdict),
        ]
        for r in p.recent
    ]
    page.extend(
        columns(rows, header=["date", "id", "scenario", "level", "/50", "/100", "verdict"], align="llllrrl", max_widths=[None, 10, 24])
    )


def _averages(page: _Page, p: Progress) -> None:
    page.heading("Averages")
    rows: list[list[Cell]] = []
    for i, a in enumerate(p.by_level):
        rows.append(["by level" if i == 0 else "", Text(a.key), str(a.interviews), _num(a.score_50), _avg(a.total_100), _verdict(a.verdict), ""])
    for i, a in enumerate(p.by_scenario):
        last = a.last.astimezone().strftime("%Y-%m-%d") if a.last else ""
        rows.append(["by scenario" if i == 0 else "", Text(a.key), str(a.interviews), _num(a.score_50), _avg(a.total_100), _verdict(a.verdict), last])
    page.extend(columns(rows, header=["", "", "n", "/50", "/100", "verdict", "last"], align="llrrrll", max_widths=[None, 24]))


def _readiness(page: _Page, p: Progress) -> None:
    mark = f"{p.readiness[0].pass_mark:g}" if p.readiness else "70"
    page.heading("Readiness", f"your last 3 scored interviews of each level; ready at {mark}+")
    level_w = max((len(r.level) for r in p.readiness), default=0)
    label_w = max((len(r.label) for r in p.readiness), default=0)
    for r in p.readiness:
        label = Text(r.label.ljust(label_w), style=READY_STYLE.get(r.status, ""))
        page.extend(columns([[Text(r.level.ljust(level_w)), label, Text(r.reason)]], wrap_last=page.width))
        if r.advice and (r.status != "not_enough_data" or r.totals):
            lead = " " * (len(INDENT) + level_w + label_w + 2)
            page.wrap(r.advice, first=lead + "→ ", rest=lead + "  ", style="muted")


def _trends(page: _Page, trend: Trend, p: Progress) -> None:
    names = p.names
    unit = "per interview" if trend.unit == "interview" else "per week"
    page.heading(f"Trends, {unit}", f"{trend.labels[0]} to {trend.labels[-1]}, oldest on the left")

    def avg(xs: list[float | None]) -> float | None:
        vals = [x for x in xs if x is not None]
        return sum(vals) / len(vals) if vals else None

    def latest(xs: list[float | None]) -> float | None:
        return next((x for x in reversed(xs) if x is not None), None)

    rows: list[list[Cell]] = [[Text("Score /50", style="bold"), sparkline(trend.score_50, 10, 50), _num(avg(trend.score_50)), _num(latest(trend.score_50))]]
    for gid, series in trend.groups.items():
        rows.append([Text(names.get(gid, gid), style="bold"), sparkline(series), _num(avg(series)), _num(latest(series))])
        for cid, cseries in trend.criteria.items():
            if p.group_of.get(cid) == gid:
                rows.append([Text("  " + names.get(cid, cid)), sparkline(cseries), _num(avg(cseries)), _num(latest(cseries))])
    page.extend(columns(rows, header=["", "", "avg", "last"], align="llrr", max_widths=[30]))
    gap = "; · = no interview that week" if trend.unit == "week" else ""
    page.add(Text(f"Scale: ▁ = 1 ... █ = 5 (score /50: 10 ... 50){gap}.", style="muted"))


def _strengths(page: _Page, p: Progress) -> None:
    n = max((c.interviews for c in p.criteria), default=0)
    page.heading("Strengths and weaknesses", f"over your last {plural(n, 'interview')}")
    if n < 2:
        page.wrap("One interview is not a pattern yet; check back after the next one.", style="muted")
        return
    rows: list[list[Cell]] = []
    for i, c in enumerate(p.strengths[:4]):
        rows.append([Text("strong" if i == 0 else "", style="good"), Text(c.name), f"{c.average:.1f}", f"4+ in {c.high} of {c.interviews}"])
    for i, c in enumerate(p.weaknesses[:4]):
        rows.append([Text("weak" if i == 0 else "", style="bad"), Text(c.name), f"{c.average:.1f}", f"3 or lower in {c.low} of {c.interviews}"])
    page.extend(columns(rows, align="llrl", max_widths=[None, 28]))
    if not p.strengths:
        best = max(p.criteria, key=lambda c: c.average)
        page.wrap(f"No consistent strength yet (4+ in two thirds of them); best so far: {best.name} {best.average:.1f}.")
    if not p.weaknesses:
        worst = min(p.criteria, key=lambda c: c.average)
        page.wrap(f"No consistent weakness (3 or lower in two thirds of them); lowest: {worst.name} {worst.average:.1f}.")


def _pacing(page: _Page, pace: Pacing) -> None:
    page.heading("Pacing", f"your last {plural(pace.interviews, 'finished timed interview')}" if pace.interviews else "")
    if not pace.interviews:
        page.wrap("No finished timed interviews yet: `mockinterview run SCENARIO` times each phase.", style="muted")
        return
    rows: list[list[Cell]] = []
    for ph in pace.phases:
        diff = ph.difference_minutes
        style = "bad" if diff > 0.5 else "good" if diff < -0.5 else ""
        rows.append([Text(_kind(ph.kind)), f"{ph.planned_minutes:.1f}", f"{ph.actual_minutes:.1f}", Text(f"{diff:+.1f}", style=style), f"{ph.over} of {ph.phases}"])
    page.extend(columns(rows, header=["phase (minutes)", "planned", "actual", "diff", "over plan"], align="lrrrr"))
    over = pace.average_overrun_minutes or 0.0
    if abs(over) < 0.05:
        summary = "On average you finish right on time"
    elif over > 0:
        summary = f"On average you run {over:.1f} min over"
    else:
        summary = f"On average you finish {-over:.1f} min early"
    summary += f" ({_num(pace.actual_minutes)} of {_num(pace.planned_minutes)} planned minutes)"
    summary += f"; {pace.over_interviews} of {pace.interviews} ran over."
    worst = max(pace.phases, key=lambda ph: ph.difference_minutes, default=None)
    if worst is not None and worst.difference_minutes > 0.5:
        summary += f" Most time lost in: {_kind(worst.kind).lower()} ({worst.difference_minutes:+.1f} min)."
    page.wrap(summary)


def _calibration(page: _Page, cal: Calibration) -> None:
    page.heading(AGAINST_DOCUMENT)
    if not cal.interviews:
        page.wrap(
            "None of these interviews is on a scenario that carries the document's own "
            "evaluation, so there is nothing to compare your scores with yet.",
            style="muted",
        )
        return
    page.wrap(
        f"Your last {plural(cal.interviews, 'interview')} of {', '.join(cal.scenarios)}; "
        "doc = the score the source document gave the candidate in its own transcript; "
        "diff = yours minus doc; recent = the last 5.",
        style="muted",
    )
    rows: list[list[Cell]] = []
    for r in cal.rows:
        style = "warn" if r.tendency in ("over", "under") else ""
        rows.append(
            [
                Text(r.name),
                str(r.interviews),
                f"{r.yours:.1f}",
                f"{r.document:.1f}",
                Text(f"{r.mean_difference:+.1f}", style=style),
                "–" if r.recent_difference is None else f"{r.recent_difference:+.1f}",
                Text(_tendency(r.tendency), style=style),
            ]
        )
    page.extend(columns(rows, header=["criterion", "n", "yours", "doc", "diff", "recent", ""], align="lrrrrrl", max_widths=[28]))
    for sentence in cal.summary():
        page.wrap(sentence)
    page.wrap(
        "The documents score the candidate in their own transcript: read a gap as a prompt "
        "to compare your answers with that evaluation (mockinterview show SCENARIO --reveal), not as a verdict.",
        style="muted",
    )
    if len(cal.gap_trend) >= 2:
        line = Text("Gap per interview (mean |diff|, ▁ = 0, █ = 2): ")
        line.append(sparkline(cal.gap_trend, 0, 2))
        line.append(f"  {cal.gap_trend[0]:.1f} → {cal.gap_trend[-1]:.1f}")
        page.add(line)


def _tendency(tendency: str) -> str:
    """The words of a tendency; "close" is left blank in the terminal's tables (it is the usual case)."""
    return "" if tendency == "calibrated" else TENDENCY_WORDS[tendency]


def _notes_calibration(page: _Page, cal: NotesCalibration | None) -> None:
    if cal is None:
        return
    n = cal.interviews
    page.heading(AGAINST_NOTES, f"your last {plural(n, 'scored interview')} with notes" if n else "")
    if not cal.rows:
        page.wrap(notes_calibration_empty(cal), style="muted")
        return
    page.wrap(NOTES_CALIBRATION_HOW, style="muted")
    rows: list[list[Cell]] = []
    for r in cal.rows:
        style = "warn" if r.tendency in ("over", "under") else ""
        rows.append([Text(r.name), str(r.interviews), Text(f"{r.mean_difference:+.1f}", style=style), Text(_tendency(r.tendency), style=style)])
    page.extend(columns(rows, header=["criterion", "n", "diff", ""], align="lrrl", max_widths=[28]))
    for sentence in cal.summary():
        page.wrap(sentence)


def _practice(page: _Page, pr: Practice) -> None:
    page.heading(f"Practice, last {pr.weeks} weeks", "■ practised  · not")
    first = pr.first_day
    practised = set(pr.days)
    mondays = [first + timedelta(weeks=i) for i in range(pr.weeks)]
    header = Text("     ", style="muted")
    for m in mondays:
        header.append(f" {m.strftime('%m-%d')}")
    page.add(header)
    for wd, name in enumerate(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")):
        row = Text(f"  {name}")
        for m in mondays:
            d = m + timedelta(days=wd)
            cell = " " if d > pr.today else "■" if d in practised else "·"
            row.append(f"   {cell}  ", style="good" if cell == "■" else "muted")
        row.rstrip()
        page.add(row)
    streak = f"Current streak: {plural(pr.current_streak, 'day')} · longest: {plural(pr.longest_streak, 'day')}"
    if pr.longest_from and pr.longest_to and pr.longest_streak > 1:
        streak += f" ({pr.longest_from.isoformat()} to {pr.longest_to.isoformat()})"
    page.wrap(streak)
    page.wrap(f"{plural(len(pr.days), 'day')} practised, {plural(pr.interviews_in_window, 'interview')} in these {pr.weeks} weeks.")


# --------------------------------------------------------------------------- next


def print_next(out: Console, rec: Recommendation) -> None:
    page = _Page(_width(out))
    if rec.scenario is not None:
        s = rec.scenario
        head = Text("Next: ", style="bold")
        head.append(Text(s.id, style="bold accent"))
        rest = Text(s.title)
        rest.append(f" ({s.level}, {s.minutes} min)")
        if head.cell_len + 3 + rest.cell_len <= page.width:
            page.add(head + Text(" · ") + rest)
        else:
            page.add(head)
            page.extend(_wrap(rest.plain, page.width, first="      ", rest="      "))
        start = Text("Start it with: ") + Text(rec.command or "", style="bold")
        if start.cell_len <= page.width:
            page.add(start)
        else:  # a command cannot be wrapped: give it a line of its own
            page.add(Text("Start it with:"), Text("  ") + Text(rec.command or "", style="bold"))
    if rec.focus:
        page.heading("Focus on")
        for i, f in enumerate(rec.focus, start=1):
            line = Text(f"{i}. ")
            line.append(Text(f.name, style="bold"))
            stats = f"average {f.average:.1f} · practised {ago(f.days)} · priority {f.priority:.1f}"
            if line.cell_len + 2 + len(stats) <= page.width:
                line.append(f"  {stats}", style="muted")
                page.add(line)
            else:
                page.add(line)
                page.add(Text(f"   {stats}", style="muted"))
            if f.aim:
                page.wrap(f"Aim for a 5: {f.aim}", first="   ", rest="   ")
            for m in f.in_scenario[:3]:
                page.wrap(f"In this scenario: {m}", first="   ", rest="   ")
    page.heading("Why" if rec.scenario is not None else "No recommendation")
    for why in rec.explanation:
        page.wrap(why, first="- ", rest="  ")
    page.show(out)


# --------------------------------------------------------------------------- data


def print_paths(out: Console, places: list[tuple[str, Any, str]]) -> None:
    rows: list[list[Cell]] = []
    for label, path, note in places:
        cell = Text(str(path))
        if note:
            cell.append(f"  ({note})", style="muted")
        rows.append([Text(label, style="bold"), cell])
    page = _Page(_width(out))
    page.extend(columns(rows, indent=""))
    page.show(out)
