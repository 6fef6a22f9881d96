"""The ``progress`` summary as a :class:`~mockinterview.ui.doc.Doc`, for
``mockinterview progress --format html``: the same sections as the terminal, with the
score over time and every criterion's trend drawn as inline SVG charts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from mockinterview.progress import Progress
from mockinterview.progress.readiness import average_text
from mockinterview.progress.records import (
    AGAINST_DOCUMENT,
    AGAINST_NOTES,
    NOTES_CALIBRATION_HOW,
    TENDENCY_WORDS,
    notes_calibration_empty,
)
from mockinterview.ui.charts import line_chart, spark_svg
from mockinterview.ui.doc import Bullets, Chart, Doc, Inline, Item, Para, Span, Table
from mockinterview.wording import plural

__all__ = ["build_progress_doc"]

Cell = Inline | list[Inline]


def _avg(x: float | None) -> str:
    return "–" if x is None else average_text(x)


def _num(x: float | None, fmt: str = ".1f") -> str:
    return "–" if x is None else format(x, fmt)


def _verdict(label: str | None) -> Cell:
    return [Span(label, "verdict", label)] if label else "–"


def build_progress_doc(p: Progress, cutoffs: Sequence[tuple[float, str]] = ()) -> Doc:
    """``cutoffs``: the verdicts' (minimum, label), drawn as dashed lines on the score chart."""
    doc = Doc("Progress")
    if p.empty:
        doc.lead.append(Para.of("No scored interviews to summarise yet.", role="lead"))
        return doc
    span = ""
    if p.first and p.last:
        a, b = p.first.astimezone().date(), p.last.astimezone().date()
        span = f", {a.isoformat()} to {b.isoformat()}" if a != b else f", {a.isoformat()}"
    doc.lead.append(
        Para.of(
            Span(f"{_num(p.score_50)}/50"), f" ({_num(None if p.score_50 is None else p.score_50 * 2, '.0f')}%) · ",
            Span(f"{_avg(p.total_100)}/100"), " ", *([Span(p.verdict, "verdict", p.verdict)] if p.verdict else []),
            f" — the average of {plural(p.scored, 'scored interview')}{span}", role="lead",
        )
    )  # fmt: skip
    if p.thresholds:
        doc.lead.append(Para.of(f"Verdicts from the /100 bands: {p.thresholds}.", role="muted"))
    filters = []
    if p.filters.scenario:
        filters.append(f"scenario {p.filters.scenario}")
    if p.filters.since:
        filters.append(f"since {p.filters.since.isoformat()}")
    if filters:
        doc.lead.append(
            Para.of(f"Only {', '.join(filters)}; readiness and the practice calendar cover your whole history.", role="muted")
        )

    _score_chart(doc, p, cutoffs)
    _recent(doc, p)
    _averages(doc, p)
    _readiness(doc, p)
    _trends(doc, p)
    _strengths(doc, p)
    _pacing(doc, p)
    _notes_calibration(doc, p)
    _calibration(doc, p)
    _practice(doc, p)
    return doc


def _score_chart(doc: Doc, p: Progress, cutoffs: Sequence[tuple[float, str]]) -> None:
    t = p.trend
    if t is None:
        return
    sec = doc.section("Score over time", "score")
    unit = "per interview" if t.unit == "interview" else "per week (the week's average)"
    totals = list(t.total_100) or [None] * len(t.labels)
    cut = [(lo, label) for lo, label in cutoffs if lo > 0]
    alt = (
        f"Points out of 100, {unit}, {t.labels[0]} to {t.labels[-1]}: "
        + ", ".join("no interview" if v is None else f"{v:.0f}" for v in totals)
        + "."
    )
    svg = line_chart(totals, t.labels, lo=0, hi=100, title="Points /100 over time", cutoffs=cut, ticks=(0, 50, 100))
    sec.add(Chart(svg, alt))
    sec.add(Para.of("Dashed lines: the verdict thresholds.", role="muted"))
    percent = [None if v is None else v * 2 for v in t.score_50]
    alt50 = f"Rubric score /50 as a percentage, {unit}: " + ", ".join("–" if v is None else f"{v:.0f}%" for v in percent) + "."
    sec.add(Chart(line_chart(percent, t.labels, lo=0, hi=100, title="Rubric score over time (%)", ticks=(0, 50, 100), height=160), alt50))


def _recent(doc: Doc, p: Progress) -> None:
    sec = doc.section("Recent interviews", "recent")
    rows: list[list[Cell]] = [
        [
            r.started_at.astimezone().strftime("%Y-%m-%d"),
            [Span(r.id, "code")],
            r.scenario_id,
            r.level,
            "–" if r.score_50 is None else str(r.score_50),
            "–" if r.total_100 is None else str(r.total_100),
            _verdict(r.verdict),
        ]
        for r in p.recent
    ]
    sec.add(Table.of(["date", "id", "scenario", "level", "/50", "/100", "verdict"], rows, "llllrrl"))


def _averages(doc: Doc, p: Progress) -> None:
    sec = doc.section("Averages", "averages")
    rows: list[list[Cell]] = []
    for a in p.by_level:
        rows.append([f"level {a.key}", str(a.interviews), _num(a.score_50), _avg(a.total_100), _verdict(a.verdict)])
    for a in p.by_scenario:
        rows.append([a.key, str(a.interviews), _num(a.score_50), _avg(a.total_100), _verdict(a.verdict)])
    sec.add(Table.of(["", "n", "/50", "/100", "verdict"], rows, "lrrrl"))


def _readiness(doc: Doc, p: Progress) -> None:
    mark = f"{p.readiness[0].pass_mark:g}" if p.readiness else "70"
    sec = doc.section("Readiness", "readiness")
    sec.add(Para.of(f"Your last 3 scored interviews of each level; ready at an average of {mark} or more.", role="muted"))
    rows: list[list[Cell]] = []
    for r in p.readiness:
        tone = {"ready": "good", "not_yet": "warn"}.get(r.status, "muted")
        rows.append([r.level, [Span(r.label, tone)], r.reason, [Span(r.advice, "em")] if r.advice else ""])
    sec.add(Table.of(["level", "readiness", "why", "next"], rows, "llll"))


def _trends(doc: Doc, p: Progress) -> None:
    t = p.trend
    if t is None:
        return
    unit = "per interview" if t.unit == "interview" else "per week"
    sec = doc.section(f"Trends, {unit}", "trends")
    sec.add(Para.of(f"{t.labels[0]} to {t.labels[-1]}, oldest on the left; every line on the same 1–5 scale.", role="muted"))

    def avg(xs: list[float | None]) -> float | None:
        vals = [x for x in xs if x is not None]
        return sum(vals) / len(vals) if vals else None

    def latest(xs: list[float | None]) -> float | None:
        return next((x for x in reversed(xs) if x is not None), None)

    def words(name: str, xs: list[float | None]) -> str:
        return f"{name}: " + ", ".join("–" if x is None else f"{x:.1f}" for x in xs)

    rows: list[list[Cell]] = []
    for gid, series in t.groups.items():
        name = p.names.get(gid, gid)
        rows.append([[Span(name)], [Span(words(name, series), "svg", spark_svg(series, title=words(name, series)))], _num(avg(series)), _num(latest(series))])
        for cid, cseries in t.criteria.items():
            if p.group_of.get(cid) == gid:
                cname = p.names.get(cid, cid)
                chart = spark_svg(cseries, title=words(cname, cseries))
                rows.append([cname, [Span(words(cname, cseries), "svg", chart)], _num(avg(cseries)), _num(latest(cseries))])
    sec.add(Table.of(["criterion", "trend", "avg", "last"], rows, "llrr"))


def _strengths(doc: Doc, p: Progress) -> None:
    n = max((c.interviews for c in p.criteria), default=0)
    sec = doc.section("Strengths and weaknesses", "strengths")
    if n < 2:
        sec.add(Para.of("One interview is not a pattern yet; check back after the next one.", role="muted"))
        return
    sec.add(Para.of(f"Over your last {plural(n, 'interview')}.", role="muted"))
    items = [Item.of(Span("Strong: ", "good"), Span(c.name), f" {c.average:.1f}, 4+ in {c.high} of {c.interviews}") for c in p.strengths[:4]]
    items += [Item.of(Span("Weak: ", "bad"), Span(c.name), f" {c.average:.1f}, 3 or lower in {c.low} of {c.interviews}") for c in p.weaknesses[:4]]
    if not items:
        items = [Item.of("No consistent strength or weakness yet.")]
    sec.add(Bullets(tuple(items)))


def _pacing(doc: Doc, p: Progress) -> None:
    pace = p.pacing
    sec = doc.section("Pacing", "pacing")
    if not pace.interviews:
        sec.add(Para.of("No finished timed interviews yet: ", Span("mockinterview run SCENARIO", "code"), " times each phase.", role="muted"))
        return
    sec.add(Para.of(f"Your last {plural(pace.interviews, 'finished timed interview')}; minutes per kind of phase.", role="muted"))
    rows: list[list[Cell]] = []
    for ph in pace.phases:
        diff = ph.difference_minutes
        tone = "bad" if diff > 0.5 else "good" if diff < -0.5 else ""
        rows.append([ph.kind.replace("_", " ").capitalize(), f"{ph.planned_minutes:.1f}", f"{ph.actual_minutes:.1f}", [Span(f"{diff:+.1f}", tone or "muted")], f"{ph.over} of {ph.phases}"])
    sec.add(Table.of(["phase", "planned", "used", "difference", "over plan"], rows, "lrrrr"))
    over = pace.average_overrun_minutes or 0.0
    if abs(over) < 0.05:
        summary = "On average you finish right on time"
    elif over > 0:
        summary = f"On average you run {over:.1f} min over"
    else:
        summary = f"On average you finish {-over:.1f} min early"
    sec.add(Para.of(f"{summary}; {pace.over_interviews} of {pace.interviews} ran over."))


def _calibration(doc: Doc, p: Progress) -> None:
    cal = p.calibration
    sec = doc.section(AGAINST_DOCUMENT, "calibration")
    if not cal.interviews:
        sec.add(Para.of("None of these interviews is on a scenario whose source document scores its own candidate.", role="muted"))
        return
    sec.add(
        Para.of(
            f"Your last {plural(cal.interviews, 'interview')} of {', '.join(cal.scenarios)}: your self-score minus "
            "the score the source document gave the candidate in its own transcript. A gap is a prompt to reread "
            "that evaluation, not a verdict on you.",
            role="muted",
        )
    )
    rows: list[list[Cell]] = []
    for r in cal.rows:
        rows.append([r.name, str(r.interviews), f"{r.yours:.1f}", f"{r.document:.1f}", f"{r.mean_difference:+.1f}", _tendency(r.tendency)])
    sec.add(Table.of(["criterion", "n", "yours", "document's candidate", "difference", ""], rows, "lrrrrl"))
    for line in cal.summary():
        sec.add(Para.of(line))


def _tendency(tendency: str) -> list[Inline]:
    tone = "warn" if tendency in ("over", "under") else "muted"
    return [Span(TENDENCY_WORDS[tendency], tone)]


def _notes_calibration(doc: Doc, p: Progress) -> None:
    cal = p.notes_calibration
    if cal is None:
        return
    sec = doc.section(AGAINST_NOTES, "calibration-notes")
    if not cal.rows:
        sec.add(Para.of(notes_calibration_empty(cal), role="muted"))
        return
    sec.add(Para.of(f"Your last {plural(cal.interviews, 'scored interview')} with notes. {NOTES_CALIBRATION_HOW}", role="muted"))
    rows: list[list[Cell]] = [
        [r.name, str(r.interviews), f"{r.mean_difference:+.1f}", _tendency(r.tendency)] for r in cal.rows
    ]
    sec.add(Table.of(["criterion", "n", "difference", ""], rows, "lrrl"))
    for line in cal.summary():
        sec.add(Para.of(line))


def _practice(doc: Doc, p: Progress) -> None:
    pr = p.practice
    sec = doc.section(f"Practice, last {pr.weeks} weeks", "practice")
    first = pr.first_day
    practised = set(pr.days)
    mondays = [first + timedelta(weeks=i) for i in range(pr.weeks)]
    rows: list[list[Cell]] = []
    for wd, name in enumerate(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")):
        row: list[Cell] = [name]
        for m in mondays:
            d = m + timedelta(days=wd)
            row.append("" if d > pr.today else [Span("■", "good")] if d in practised else [Span("·", "muted")])
        rows.append(row)
    sec.add(Para.of("■ practised · not", role="muted"))
    sec.add(Table.of(["week of", *(m.strftime("%m-%d") for m in mondays)], rows, "l" + "l" * len(mondays), stack=False))
    sec.add(
        Para.of(
            f"Current streak: {plural(pr.current_streak, 'day')} · longest: {plural(pr.longest_streak, 'day')}; "
            f"{plural(len(pr.days), 'day')} practised, {plural(pr.interviews_in_window, 'interview')} in these {pr.weeks} weeks."
        )
    )
