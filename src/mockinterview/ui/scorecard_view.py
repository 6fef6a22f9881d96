"""Scorecard renderers: the core ``Scorecard`` -> rich renderables, Markdown, HTML.

Fits 80 columns; with NO_COLOR the bars and labels still read (they are characters,
not colours). Every piece of user or scenario text goes through ``Text``.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from mockinterview.interview.session import Session
from mockinterview.scoring.scorecard import Insight, Scorecard
from mockinterview.textsafe import clean
from mockinterview.ui.console import VERDICT_STYLE


def bar(score: int, out_of: int = 5, width: int = 5) -> Text:
    filled = round(score / out_of * width)
    style = "good" if score / out_of >= 0.8 else "warn" if score / out_of >= 0.6 else "bad"
    return Text("█" * filled, style=style) + Text("░" * (width - filled), style="muted")


def local(session: Session) -> str:
    return session.started_at.astimezone().strftime("%Y-%m-%d %H:%M")


def header(card: Scorecard) -> RenderableType:
    s, r = card.session, card.result
    title = Text(s.scenario_title, style="bold") + Text(f"  {s.level}", style="accent")
    title.append(f" · {local(s)} · interview {s.id}", style="muted")
    verdict = Text(f"{r.verdict.label}", style=VERDICT_STYLE.get(r.verdict.label, "bold"))
    verdict.append(f"  {r.total_100}/100", style="bold")
    verdict.append(f"   ·   {r.score_50}/50 ({r.percent_50:g}%) {r.label_50.label}", style="bold")
    meaning = Text(r.verdict.meaning, style="muted")
    return Panel(Group(title, verdict, meaning), title="Scorecard", title_align="left", border_style="accent")


def timing_table(card: Scorecard) -> Table | None:
    if not card.timings:
        return None
    t = Table(title="Time", title_justify="left", title_style="bold", box=None, pad_edge=False)
    t.add_column("phase", ratio=1)
    t.add_column("planned", justify="right")
    t.add_column("actual", justify="right")
    t.add_column("over", justify="right")
    for pt in card.timings:
        over = Text(f"+{pt.overtime_minutes:g}", style="bad") if pt.overtime_minutes > 0 else Text("–", style="muted")
        t.add_row(Text(pt.title), f"{pt.planned_minutes:g}", f"{pt.actual_minutes:g}", over)
    planned = sum(pt.planned_minutes for pt in card.timings)
    actual = sum(pt.actual_minutes for pt in card.timings)
    t.add_row(Text("total", style="bold"), f"{planned:g}", f"{actual:.1f}", "")
    return t


def criteria_table(card: Scorecard) -> Table:
    rubric, scores = card.rubric, card.result.scores
    doc = {c.criterion: c.document for c in card.calibration}
    t = Table(box=None, pad_edge=False, show_header=True, header_style="muted")
    t.add_column("criterion", ratio=1)
    t.add_column("score", justify="right")
    t.add_column("", no_wrap=True)
    if doc:
        t.add_column("doc", justify="right")
    for g in rubric.groups:
        sub = card.result.subtotals[g.id]
        label = Text(g.name, style="bold") + Text(f"  {sub}/25", style="bold accent")
        if not g.in_score_50:
            label.append("  (not in /50)", style="muted")
        t.add_row(label, "", "", *([""] if doc else []))
        for c in rubric.criteria_in(g.id):
            row: list[RenderableType] = [Text(f"  {c.name}"), f"{scores[c.id]}", bar(scores[c.id])]
            if doc:
                row.append(Text(str(doc[c.id]), style="muted") if c.id in doc else Text("–", style="muted"))
            t.add_row(*row)
    if card.extra_scores:
        t.add_row(Text(f"For this scenario ({card.scenario.focus})", style="bold"), "", "", *([""] if doc else []))
        names = {c.id: c.name for c in card.scenario.rubric.extra_criteria}
        for cid, score in card.extra_scores.items():
            t.add_row(Text(f"  {names.get(cid, cid)}"), str(score), bar(score), *([""] if doc else []))
    return t


def bands_view(card: Scorecard) -> Iterator[RenderableType]:
    width = max(len(b.band.name) for b in card.result.bands) + 2
    for b in card.result.bands:
        line = Text(b.band.name.ljust(width))
        line.append(f"{b.points:>3}/{b.band.points:<3}", style="bold")
        line.append(f" {b.level.name}", style="bold")
        if b.points != b.suggested:
            line.append(f"  (suggested {b.suggested})", style="muted")
        yield line
        yield Padding(Text("; ".join(b.level.descriptors), style="muted"), (0, 0, 0, 4))
    total = Text("Total".ljust(width), style="bold")
    total.append(f"{card.result.total_100:>3}/100", style="bold")
    total.append(f" {card.result.verdict.label}", style=VERDICT_STYLE.get(card.result.verdict.label, "bold"))
    yield total


def insight(i: Insight, good: bool) -> Iterator[RenderableType]:
    yield Text(f"{'+' if good else '-'} {i.name} ({i.score}/5)", style="good" if good else "warn")
    yield Padding(Text(i.descriptor, style="muted"), (0, 0, 0, 4))
    if i.note:
        yield Padding(Text("In this scenario: ", style="accent") + Text(i.note), (0, 0, 0, 4))
    for f in i.feedback:
        yield Padding(Text("The reference interview: ", style="accent") + Text(f), (0, 0, 0, 4))
    if not good:
        for m in i.mistakes:
            yield Padding(Text("Common mistake: ", style="bad") + Text(f"{m.title}. {m.problem}"), (0, 0, 0, 4))
            yield Padding(Text("Interviewer: ", style="accent") + Text(f"“{m.interviewer_response}”"), (0, 0, 0, 6))


def render(card: Scorecard) -> Iterator[RenderableType]:
    yield header(card)
    tt = timing_table(card)
    if tt is not None:
        yield tt
        yield Text("")
    yield Text("Rubric", style="bold")
    yield criteria_table(card)
    if card.calibration:
        yield Text("doc = the document's own evaluation of this interview, for calibration", style="muted")
        ov = card.scenario.evaluation.overall if card.scenario.evaluation else None
        if ov:
            yield Text(f"The document scored it {ov.score:g}/{ov.out_of} ({ov.percent:g}%) {ov.label}.", style="muted")
    yield Text("")
    yield Text("Point bands", style="bold")
    yield from bands_view(card)
    yield Text("")
    yield Text("Strengths", style="bold good")
    for i in card.strengths:
        yield from insight(i, True)
    yield Text("")
    yield Text("Areas to improve", style="bold warn")
    for i in card.improvements:
        yield from insight(i, False)
    if card.session.estimates:
        yield Text("")
        yield Text("Capacity estimates", style="bold")
        for e in card.session.estimates:
            grade = {"on_target": ("on target", "good"), "order_of_magnitude": ("right order of magnitude", "warn"), "off": ("off", "bad")}.get(e.grade or "", ("skipped", "muted"))
            yield Padding(Text(f"{e.label}: ") + Text(grade[0], style=grade[1]), (0, 0, 0, 2))
    if any(card.checklist.values()):
        yield Text("")
        yield Text("Debrief checklist", style="bold")
        for item in card.checklist.get("strong_indicators", []):
            yield Padding(Text("✓ ", style="good") + Text(item), (0, 0, 0, 2))
        for item in card.checklist.get("concerns", []):
            yield Padding(Text("! ", style="bad") + Text(item), (0, 0, 0, 2))
    if card.follow_ups:
        yield Text("")
        yield Text(f"Follow-up questions to practise ({card.follow_up_difficulty})", style="bold")
        for q in card.follow_ups:
            yield Padding(Text("• ", style="muted") + Text(q), (0, 0, 0, 2))


def print_card(console: Console, card: Scorecard) -> None:
    for part in render(card):
        console.print(part)


# Exports ------------------------------------------------------------------------------
def to_markdown(card: Scorecard) -> str:
    """The scorecard as Markdown. Every piece of text from a file (scenario, rubric,
    session) goes through :func:`_md`; the notes go in a fenced block that they cannot
    close, where a Markdown renderer shows everything literally."""
    s, r = card.session, card.result
    md: list[str] = [
        f"# Scorecard: {_md(s.scenario_title)}",
        "",
        f"- Level: {_md(s.level)}",
        f"- Date: {local(s)}",
        f"- Interview: {_md(s.id)}",
        f"- Verdict: **{_md(r.verdict.label)}** ({r.total_100}/100) — {_md(r.verdict.meaning)}",
        f"- Rubric: {r.score_50}/50 ({r.percent_50:g}%) {_md(r.label_50.label)}",
        "",
    ]
    if card.timings:
        md += ["## Time", "", "| phase | planned | actual | over |", "|---|---:|---:|---:|"]
        md += [f"| {_md(t.title)} | {t.planned_minutes:g} | {t.actual_minutes:g} | {t.overtime_minutes:g} |" for t in card.timings]
        md.append("")
    doc = {c.criterion: c.document for c in card.calibration}
    md += ["## Rubric", "", "| criterion | score | document |", "|---|---:|---:|"]
    for g in card.rubric.groups:
        md.append(f"| **{_md(g.name)}** | **{r.subtotals[g.id]}/25** | |")
        for c in card.rubric.criteria_in(g.id):
            md.append(f"| {_md(c.name)} | {r.scores[c.id]} | {doc.get(c.id, '')} |")
    md += ["", "## Point bands", "", "| band | points | level |", "|---|---:|---|"]
    md += [f"| {_md(b.band.name)} | {b.points}/{b.band.points} | {_md(b.level.name)} |" for b in r.bands]
    md += [f"| **Total** | **{r.total_100}/100** | **{_md(r.verdict.label)}** |", ""]
    for title, items in (("Strengths", card.strengths), ("Areas to improve", card.improvements)):
        md += [f"## {title}", ""]
        for i in items:
            md.append(f"- **{_md(i.name)}** ({i.score}/5): {_md(i.descriptor)}")
            md += [f"  - The reference interview: {_md(f)}" for f in i.feedback]
            if title != "Strengths":
                md += [f"  - Common mistake: {_md(m.title)}. Interviewer: “{_md(m.interviewer_response)}”" for m in i.mistakes]
        md.append("")
    if card.follow_ups:
        md += [f"## Follow-up questions ({_md(card.follow_up_difficulty)})", ""] + [f"- {_md(q)}" for q in card.follow_ups] + [""]
    notes = [p for p in s.phases if p.notes.strip()]
    if notes:
        md += ["## Your notes", ""]
        for p in notes:
            md += [f"### {_md(p.title)}", "", "```text", _fenced(p.notes), "```", ""]
    return "\n".join(md)


_MD_ESCAPES = str.maketrans({c: "\\" + c for c in "\\`[]|"})


def _md(text: str) -> str:
    """File text as inline Markdown that reads as written: control characters shown,
    HTML escaped (``<script>`` is text, not a tag), backslashes, backticks, link brackets
    and table bars escaped, and line breaks folded so a line cannot start a heading,
    a list or a table row."""
    import html
    import re

    text = html.escape(clean(text), quote=False).translate(_MD_ESCAPES)
    return re.sub(r"[ \t]*\n\s*", " ", text)


def _fenced(notes: str) -> str:
    """Notes for a ```text block: shown verbatim by every renderer (``<`` and ``->`` too),
    so only control characters are made visible and no line can close the fence."""
    return clean(notes).replace("```", "'''")


def to_html(card: Scorecard) -> str:
    import io

    from mockinterview.ui.console import recorder

    console = recorder(io.StringIO())
    print_card(console, card)
    return console.export_html(inline_styles=True)
