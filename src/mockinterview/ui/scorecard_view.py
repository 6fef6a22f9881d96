"""Scorecard renderers: the core ``Scorecard`` -> rich renderables for the terminal;
Markdown and HTML through the shared document (:mod:`mockinterview.ui.scorecard_doc`).

Fits 80 columns; with NO_COLOR the bars and labels still read (they are characters,
not colours). Every piece of user or scenario text goes through ``Text``. Content the
seed documents do not state carries one quiet ``†``, explained once at the end.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from mockinterview.scoring.scorecard import Insight, Scorecard
from mockinterview.ui.console import VERDICT_STYLE
from mockinterview.ui.marks import Marks
from mockinterview.ui.scorecard_doc import (
    DIFFERS,
    EVIDENCE_COLUMN,
    EVIDENCE_HEADING,
    GRADES,
    build_doc,
    calibration_sentence,
    local_date,
    missed_lines,
    rubric_sentence,
    thresholds_sentence,
    unscored_sentence,
)

__all__ = ["bar", "print_card", "render", "to_html", "to_markdown"]


def bar(score: int, out_of: int = 5, width: int = 5) -> Text:
    filled = round(score / out_of * width)
    style = "good" if score / out_of >= 0.8 else "warn" if score / out_of >= 0.6 else "bad"
    return Text("█" * filled, style=style) + Text("░" * (width - filled), style="muted")


def _indent(renderable: RenderableType, n: int = 4) -> Padding:
    return Padding(renderable, (0, 0, 0, n))


def header(card: Scorecard, marks: Marks) -> RenderableType:
    s, r = card.session, card.result
    title = Text(s.scenario_title, style="bold") + Text(f"  {s.level}", style="accent")
    title.append(f" · {local_date(card)} · interview {s.id}", style="muted")
    if r is None:
        return Panel(
            Group(title, Text("Not scored yet", style="bold warn"), Text(f"Score it with: mockinterview score {s.id}")),
            title="Scorecard",
            title_align="left",
            border_style="accent",
        )
    verdict = Text(r.verdict.label, style=VERDICT_STYLE.get(r.verdict.label, "bold"))
    verdict.append(f"  {r.total_100}/100", style="bold")
    verdict.append("  ")
    verdict.append_text(marks.after(Text(card.verdict_meaning), card.verdict_meaning_derived))
    return Panel(Group(title, verdict), title="Scorecard", title_align="left", border_style="accent")


def timing_table(card: Scorecard) -> Table | None:
    if not card.timings:
        return None
    t = Table(title="Time", title_justify="left", title_style="bold", box=None, pad_edge=False)
    t.add_column("phase", ratio=1)
    t.add_column("planned", justify="right")
    t.add_column("used", justify="right")
    t.add_column("over", justify="right")
    t.add_column("hints", justify="right")
    for pt in card.timings:
        over = Text(f"+{pt.overtime_minutes:g}", style="bad") if pt.overtime_minutes > 0 else Text("–", style="muted")
        planned = f"{pt.planned_minutes:g}" + (f" +{pt.added_minutes:g}" if pt.added_minutes > 0 else "")
        hints = str(pt.hints) if pt.hints else Text("–", style="muted")
        t.add_row(Text(pt.title), planned, f"{pt.actual_minutes:g}", over, hints)
    planned_total = sum(pt.planned_minutes + pt.added_minutes for pt in card.timings)
    actual = sum(pt.actual_minutes for pt in card.timings)
    t.add_row(Text("total", style="bold"), f"{planned_total:g}", f"{actual:.1f}", "", str(sum(pt.hints for pt in card.timings)))
    return t


def criteria_table(card: Scorecard) -> Table:
    r = card.result
    assert r is not None
    rubric, scores = card.rubric, r.scores
    doc = {c.criterion: c.document for c in card.calibration}
    ev = card.evidence
    t = Table(box=None, pad_edge=False, show_header=True, header_style="muted")
    t.add_column("criterion", ratio=1)
    t.add_column("score", justify="right")
    t.add_column("", no_wrap=True)
    if ev:
        t.add_column("notes", no_wrap=True)
    if doc:
        t.add_column("doc", justify="right")
    pad = [""] * (bool(ev) + bool(doc))
    for g in rubric.groups:
        sub = r.subtotals[g.id]
        label = Text(g.name, style="bold") + Text(f"  {sub}/25", style="bold accent")
        if not g.in_score_50:
            label.append("  (not in /50)", style="muted")
        t.add_row(label, "", "", *pad)
        for c in rubric.criteria_in(g.id):
            row: list[RenderableType] = [Text(f"  {c.name}"), f"{scores[c.id]}", bar(scores[c.id])]
            if ev:
                row.append(evidence_cell(card, c.id))
            if doc:
                row.append(Text(str(doc[c.id]), style="muted") if c.id in doc else Text("–", style="muted"))
            t.add_row(*row)
    if card.extra_scores:
        t.add_row(Text(f"For this scenario ({card.scenario.focus})", style="bold") + Text("  (not in /50 or /100)", style="muted"), "", "", *pad)
        names = {c.id: c.name for c in card.scenario.rubric.extra_criteria}
        for cid, score in card.extra_scores.items():
            t.add_row(Text(f"  {names.get(cid, cid)}"), str(score), bar(score), *pad)
    return t


def evidence_cell(card: Scorecard, cid: str) -> Text:
    """Beside a self-score: "3 of 5 → 4", with "≠" where the two are a point or more apart."""
    v = card.evidence.get(cid)
    if v is None:
        return Text("–", style="muted")
    cell = Text(v.short, style="warn" if v.differs else "muted")
    if v.differs:
        cell.append(f" {DIFFERS}", style="bold warn")
    return cell


def evidence_view(card: Scorecard) -> Iterator[RenderableType]:
    """Below the rubric (or alone on an unscored card): what the notes column means, where
    score and notes differ (with the points missed), or why there is no evidence."""
    note = card.evidence_note
    if note is None:
        return
    if card.result is None:
        yield Text(EVIDENCE_HEADING, style="bold")
    if not card.evidence:
        yield Text(note, style="muted")
        return
    if card.result is None:
        yield Text(note, style="muted")
        for v in card.evidence.values():
            yield _indent(Text(f"{v.name}: ", style="bold") + Text(v.sentence), 2)
        return
    yield Text(f"notes = {EVIDENCE_COLUMN}. {note}", style="muted")
    gaps = card.evidence_gaps
    if not gaps:
        yield Text("Your scores and your notes agree within a point on every criterion.", style="muted")
        return
    yield Text("")
    yield Text(f"{DIFFERS} Your score and your notes differ", style="bold warn")
    for v in gaps:
        yield _indent(Text(f"{v.name}: ", style="bold") + Text(v.sentence), 2)
        for i, line in enumerate(missed_lines(v.missed_points)):
            yield _indent(Text("missed: " if i == 0 else "        ", style="muted") + Text(line), 4)


def bands_view(card: Scorecard, marks: Marks) -> Iterator[RenderableType]:
    r = card.result
    assert r is not None
    names = {c.id: c.name for c in card.rubric.criteria}
    width = max(len(b.result.band.name) for b in card.bands) + 2
    for b in card.bands:
        br = b.result
        line = Text(br.band.name.ljust(width))
        line.append(f"{br.points:>3}/{br.band.points:<3}", style="bold")
        line.append(f" {br.level.name}", style="bold")
        line.append(f" ({br.level.min}–{br.level.max})", style="muted")
        if br.points != br.suggested:
            line.append(f"  (suggested {br.suggested})", style="muted")
        yield line
        fed = ", ".join(names.get(c, c) for c in br.criteria)
        yield _indent(Text(f"from {fed}: {br.subtotal}/{br.subtotal_max}", style="muted"))
        yield _indent(marks.after(Text("; ".join(b.descriptors)), b.derived))
    total = Text("Total".ljust(width), style="bold")
    total.append(f"{r.total_100:>3}/100", style="bold")
    total.append(f" {r.verdict.label}", style=VERDICT_STYLE.get(r.verdict.label, "bold"))
    yield total


def insight(i: Insight, good: bool, marks: Marks) -> Iterator[RenderableType]:
    yield Text(f"{'+' if good else '-'} {i.name} ({i.score}/5)", style="good" if good else "warn")
    yield _indent(marks.after(Text(i.descriptor, style="muted"), True))
    if i.note:
        yield _indent(Text("In this scenario: ", style="accent") + Text(i.note))
    for f in i.feedback:
        yield _indent(marks.after(Text("The reference interview: ", style="accent") + Text(f), i.feedback_derived))
    if not good:
        for m in i.mistakes:
            yield _indent(marks.after(Text("Common mistake: ", style="bad") + Text(f"{m.title}. {m.problem}"), m.derived))
            yield _indent(Text("Interviewer: ", style="accent") + Text(f"“{m.interviewer_response}”"), 6)
            if m.answer:
                yield _indent(Text("Instead: ", style="good") + Text(m.answer), 6)


def render(card: Scorecard) -> Iterator[RenderableType]:
    marks = Marks()
    r = card.result
    yield header(card, marks)
    if r is not None:
        yield Text(thresholds_sentence(card), style="muted")
    tt = timing_table(card)
    if tt is not None:
        yield tt
    if r is not None:
        yield Text("")
        yield Text("Rubric", style="bold")
        yield Text(rubric_sentence(card), style="muted")
        yield criteria_table(card)
        yield from evidence_view(card)
        if card.calibration:
            yield Text(calibration_sentence(short=True), style="muted")
        if card.document_overall is not None:
            yield Text(card.document_overall.sentence(), style="muted")
        yield Text("")
        yield Text("Point bands", style="bold") + Text("  the verdict's source", style="muted")
        yield from bands_view(card, marks)
        yield Text("")
        yield Text("Strengths", style="bold good")
        for i in card.strengths:
            yield from insight(i, True, marks)
        yield Text("")
        yield Text("Areas to improve", style="bold warn")
        for i in card.improvements:
            yield from insight(i, False, marks)
    if card.session.estimates:
        yield Text("")
        yield Text("Capacity estimates", style="bold")
        for e in card.session.estimates:
            word, style = GRADES.get(e.grade or "", ("skipped", "muted"))
            yield Padding(Text(f"{e.label}: ") + Text(word, style=style), (0, 0, 0, 2))
    if card.hints:
        yield Text("")
        yield Text(f"Hints used ({len(card.hints)})", style="bold")
        for h in card.hints:
            what = "probe" if h.kind == "probe" else "hint"
            yield Padding(Text(f"{h.phase}, {h.at_minutes:g} min, {what}: ", style="muted") + Text(h.text), (0, 0, 0, 2))
    if any(card.checklist.values()):
        yield Text("")
        yield marks.after(Text("Debrief checklist", style="bold"), card.checklist_derived)
        for item in card.checklist.get("strong_indicators", []):
            yield Padding(Text("✓ ", style="good") + Text(item), (0, 0, 0, 2))
        for item in card.checklist.get("concerns", []):
            yield Padding(Text("! ", style="bad") + Text(item), (0, 0, 0, 2))
    if card.follow_ups:
        yield Text("")
        yield Text(f"Follow-up questions to practise ({card.follow_up_difficulty})", style="bold")
        for q in card.follow_ups:
            yield Padding(marks.after(Text("• ", style="muted") + Text(q.question), q.derived), (0, 0, 0, 2))
            if q.answer:
                line = Text("A strong answer: ", style="accent") + Text(q.answer, style="muted")
                yield Padding(marks.after(line, q.answer_derived), (0, 0, 0, 4))
    if card.notes:
        yield Text("")
        yield Text("Your notes", style="bold")
        for n in card.notes:
            yield Padding(Text(n.title, style="accent"), (0, 0, 0, 2))
            yield Padding(Text(n.notes), (0, 0, 0, 4))
    if r is None:
        if card.evidence_note is not None:
            yield Text("")
            yield from evidence_view(card)
        yield Text("")
        yield Text(unscored_sentence(card))
    if marks.used:
        yield Text("")
        yield from marks.footnote()


def print_card(console: Console, card: Scorecard) -> None:
    for part in render(card):
        console.print(part)


# Exports ------------------------------------------------------------------------------
def to_markdown(card: Scorecard) -> str:
    """The scorecard as Markdown. Every piece of text from a file (scenario, rubric,
    session) is escaped; the notes go in a fenced block that they cannot close, where a
    Markdown renderer shows everything literally."""
    from mockinterview.ui.doc import to_markdown as render_markdown

    return render_markdown(build_doc(card))


def to_html(card: Scorecard) -> str:
    """The scorecard as a standalone HTML page (semantic markup, embedded stylesheet)."""
    from mockinterview.ui.html import to_html as render_html

    return render_html(build_doc(card))
