"""The scorecard as a :class:`~mockinterview.ui.doc.Doc`: what the Markdown and HTML
exports show, section by section, in the same order and words as the terminal.

Sentences the terminal view shares live here as functions, so every format says the
same thing the same way.
"""

from __future__ import annotations

from collections.abc import Sequence

from mockinterview.scoring.scorecard import DERIVED_MARK, DERIVED_NOTE, Insight, Scorecard
from mockinterview.ui.doc import Bullets, Doc, Inline, Item, Notes, Para, Section, Span, Table

__all__ = [
    "DIFFERS",
    "EVIDENCE_COLUMN",
    "EVIDENCE_HEADING",
    "GRADES",
    "MISSED_SHOWN",
    "Marks",
    "build_doc",
    "calibration_sentence",
    "local_date",
    "missed_lines",
    "rubric_sentence",
    "thresholds_sentence",
    "unscored_sentence",
]

#: An estimate's grade in words.
GRADES = {"on_target": ("on target (within 2x)", "good"), "order_of_magnitude": ("right order of magnitude", "warn"),
          "off": ("off by more than 10x", "bad")}  # fmt: skip


class Marks:
    """Hands out the derived mark and remembers whether one was shown, so the page
    explains it once, at the end, and only when it was used."""

    def __init__(self) -> None:
        self.used = False

    def after(self, derived: bool) -> list[Inline]:
        if not derived:
            return []
        self.used = True
        return [" ", Span(DERIVED_MARK, "mark", DERIVED_NOTE)]

    def footnote(self) -> str:
        return f"{DERIVED_MARK} {DERIVED_NOTE}."


#: The mark beside a self-score that is a point or more from what the notes suggest.
DIFFERS = "≠"
#: What the notes column beside the self-scores holds.
EVIDENCE_COLUMN = f"key points covered → the score that share suggests; {DIFFERS} a point or more from yours"
EVIDENCE_HEADING = "What your notes show"
#: How many missed points a terminal line lists (the exports list them all), and how long each may be.
MISSED_SHOWN = 3
MISSED_WIDTH = 72


def missed_lines(points: Sequence[str], shown: int = MISSED_SHOWN, width: int = MISSED_WIDTH) -> list[str]:
    """The first ``shown`` missed points, each cut to ``width`` characters, and "and N more"."""
    out = []
    for text in points[:shown]:
        text = " ".join(text.split())
        out.append(text if len(text) <= width else text[: width - 1].rstrip() + "…")
    if len(points) > shown:
        out.append(f"and {len(points) - shown} more")
    return out


def local_date(card: Scorecard) -> str:
    return card.session.started_at.astimezone().strftime("%Y-%m-%d %H:%M")


def thresholds_sentence(card: Scorecard) -> str:
    return f"Verdict from the /100 bands: {card.thresholds}."


def rubric_sentence(card: Scorecard) -> str:
    r = card.result
    assert r is not None
    groups = [g.name for g in card.rubric.groups if g.in_score_50]
    return (
        f"Rubric score {r.score_50}/50 ({r.percent_50:g}%): the sum of the {' and '.join(groups)} criteria, "
        "as document 000 counts its Overall Score. It is a measure, not a second verdict."
    )


def calibration_sentence(*, short: bool = False) -> str:
    column = "doc =" if short else "The “document's candidate” column shows"
    return (
        f"{column} how the source document scored the candidate in its own transcript, for calibration: "
        "a gap is a reason to reread its evaluation, not a judgement of you."
    )


def unscored_sentence(card: Scorecard) -> str:
    return f"Not scored yet. Score it with: mockinterview score {card.session.id}"


def _tone(label: str) -> str:
    return "-".join(label.lower().split())


def build_doc(card: Scorecard) -> Doc:
    s, r = card.session, card.result
    marks = Marks()
    doc = Doc(f"Scorecard: {s.scenario_title}")
    meta = f"{s.level} level · {local_date(card)} · interview {s.id} · {'timed' if s.timed else 'scored without run'}"
    if r is not None:
        doc.lead.append(
            Para.of(
                Span(r.verdict.label, "verdict", _tone(r.verdict.label)), " ", Span(f"{r.total_100}/100"), " — ",
                card.verdict_meaning, *marks.after(card.verdict_meaning_derived), role="lead",
            )
        )  # fmt: skip
        doc.lead.append(Para.of(thresholds_sentence(card), role="muted"))
    else:
        doc.lead.append(Para.of(Span("Not scored yet"), " — score it with ", Span(f"mockinterview score {s.id}", "code"), role="lead"))
    doc.lead.append(Para.of(meta, role="muted"))

    _timing(doc, card)
    if r is not None:
        _rubric(doc, card, marks)
        _evidence(doc, card)
        _bands(doc, card, marks)
        _insights(doc.section("Strengths"), card.strengths, marks, good=True)
        _insights(doc.section("Areas to improve"), card.improvements, marks, good=False)
    _estimates(doc, card)
    _hints(doc, card)
    if any(card.checklist.values()):
        sec = doc.section("Debrief checklist")
        items = [Item.of(Span("✓ ", "good"), t) for t in card.checklist.get("strong_indicators", [])]
        items += [Item.of(Span("! ", "bad"), "Concern: ", t) for t in card.checklist.get("concerns", [])]
        sec.add(Para.of("What you ticked from the interviewer's debrief", *marks.after(card.checklist_derived), role="muted"))
        sec.add(Bullets(tuple(items)))
    if card.follow_ups:
        sec = doc.section(f"Follow-up questions to practise ({card.follow_up_difficulty})", "follow-ups")
        fu_items = []
        for f in card.follow_ups:
            children: tuple[Item, ...] = ()
            if f.answer:  # the space outside the emphasis: Markdown does not close "*A strong answer: *"
                children = (Item.of(Span("A strong answer:", "em"), " ", f.answer, *marks.after(f.answer_derived)),)
            fu_items.append(Item.of(f.question, *marks.after(f.derived), children=children))
        sec.add(Bullets(tuple(fu_items)))
    if card.notes:
        sec = doc.section("Your notes", "notes")
        for n in card.notes:
            sec.add(Notes(n.title, n.notes))
    if r is None:
        _evidence(doc, card)
        doc.section("Scores", "scores").add(Para.of(unscored_sentence(card)))
    if marks.used:
        doc.footnotes.append(Para.of(marks.footnote(), role="footnote"))
    return doc


def _timing(doc: Doc, card: Scorecard) -> None:
    if not card.timings:
        return
    sec = doc.section("Time", "time")
    rows: list[list[Inline | list[Inline]]] = []
    for t in card.timings:
        over = f"+{t.overtime_minutes:g}" if t.overtime_minutes > 0 else "–"
        added = f"+{t.added_minutes:g}" if t.added_minutes > 0 else "–"
        rows.append([t.title, f"{t.planned_minutes:g}", added, f"{t.actual_minutes:g}", over, str(t.hints)])
    planned = sum(t.planned_minutes for t in card.timings)
    added_total = sum(t.added_minutes for t in card.timings)
    actual = sum(t.actual_minutes for t in card.timings)
    rows.append([Span("total"), f"{planned:g}", f"+{added_total:g}" if added_total else "–", f"{actual:.1f}", "", str(sum(t.hints for t in card.timings))])
    sec.add(Table.of(["phase", "planned", "added", "used", "over", "hints"], rows, "lrrrrr", "minutes per phase", stack=False))


def _rubric(doc: Doc, card: Scorecard, marks: Marks) -> None:
    r = card.result
    assert r is not None
    sec = doc.section("Rubric", "rubric")
    sec.add(Para.of(rubric_sentence(card)))
    doc_scores = {c.criterion: c.document for c in card.calibration}
    ev = card.evidence
    header = ["criterion", "score"] + (["your notes"] if ev else []) + (["document's candidate"] if doc_scores else [])
    pad: list[Inline | list[Inline]] = [""] * (bool(ev) + bool(doc_scores))
    rows: list[list[Inline | list[Inline]]] = []
    for g in card.rubric.groups:
        note = "" if g.in_score_50 else " (not in /50)"
        rows.append([[Span(g.name), f" {r.subtotals[g.id]}/25{note}"], "", *pad])
        for c in card.rubric.criteria_in(g.id):
            row: list[Inline | list[Inline]] = [c.name, f"{r.scores[c.id]}/5"]
            if ev:
                row.append(_evidence_cell(card, c.id))
            if doc_scores:
                row.append(str(doc_scores[c.id]) if c.id in doc_scores else "–")
            rows.append(row)
    if card.extra_scores:
        names = {c.id: c.name for c in card.scenario.rubric.extra_criteria}
        rows.append([[Span(f"For this scenario ({card.scenario.focus})"), " (not in /50 or /100)"], "", *pad])
        for cid, score in card.extra_scores.items():
            rows.append([names.get(cid, cid), f"{score}/5", *(["–"] * len(pad))])
    sec.add(Table.of(header, rows, "lr" + ("l" if ev else "") + ("r" if doc_scores else "")))
    if ev:
        sec.add(Para.of(f"Your notes: {EVIDENCE_COLUMN} (see {EVIDENCE_HEADING.lower()}, below).", role="muted"))
    if doc_scores:
        sec.add(Para.of(calibration_sentence(), role="muted"))
    if card.document_overall is not None:
        sec.add(Para.of(card.document_overall.sentence(), role="muted"))


def _evidence_cell(card: Scorecard, cid: str) -> Inline | list[Inline]:
    v = card.evidence.get(cid)
    if v is None:
        return "–"
    if v.differs:
        return [Span(f"{v.short} {DIFFERS}", "warn")]
    return v.short


def _evidence(doc: Doc, card: Scorecard) -> None:
    """Per criterion with key points: what the notes show beside the self-score, the points
    covered and missed; where the two differ, said so. Or why there is no evidence."""
    note = card.evidence_note
    if note is None:
        return
    sec = doc.section(EVIDENCE_HEADING, "evidence")
    sec.add(Para.of(note, role="muted"))
    if not card.evidence:
        return
    if card.result is not None:
        gaps = card.evidence_gaps
        if gaps:
            sec.add(Para.of(Span(f"{DIFFERS} Your score and your notes differ on {len(gaps)} of {len(card.evidence)} criteria.", "warn")))
        else:
            sec.add(Para.of("Your scores and your notes agree within a point on every criterion."))
    items = []
    for v in card.evidence.values():
        children = [Item.of(Span("covered: ", "good"), p) for p in v.covered_points]
        children += [Item.of(Span("missed: ", "bad"), p) for p in v.missed_points]
        head: list[Inline] = [Span(v.name), ": ", v.sentence]
        if v.differs:
            head += [" ", Span(f"{DIFFERS} differs", "warn")]
        items.append(Item.of(*head, children=tuple(children)))
    sec.add(Bullets(tuple(items)))


def _bands(doc: Doc, card: Scorecard, marks: Marks) -> None:
    r = card.result
    assert r is not None
    sec = doc.section("Point bands", "bands")
    names = {c.id: c.name for c in card.rubric.criteria}
    rows: list[list[Inline | list[Inline]]] = []
    for b in card.bands:
        br = b.result
        level: list[Inline] = [Span(br.level.name)]
        if br.points != br.suggested:
            level.append(f" (suggested {br.suggested})")
        rows.append([br.band.name, f"{br.points}/{br.band.points}", level, f"{br.subtotal}/{br.subtotal_max}"])
    rows.append([Span("Total"), Span(f"{r.total_100}/100"), [Span(r.verdict.label, "verdict", _tone(r.verdict.label))], ""])
    sec.add(Table.of(["band", "points", "level", "from criteria"], rows, "lrlr"))
    for b in card.bands:
        br = b.result
        fed = ", ".join(names.get(c, c) for c in br.criteria)
        sec.add(
            Para.of(
                Span(f"{br.band.name}, {br.level.name}"), f" ({br.level.min}–{br.level.max} points)",
                *marks.after(b.derived), ": ",
            ),
            Bullets(tuple(Item.of(line) for line in b.descriptors)),
            Para.of(f"Suggested from {fed}: {br.subtotal}/{br.subtotal_max} × {br.band.points} points.", role="muted"),
        )  # fmt: skip
    sec.add(Para.of(thresholds_sentence(card), role="muted"))


def _insights(sec: Section, items: list[Insight], marks: Marks, *, good: bool) -> None:
    out = []
    for i in items:
        children = [Item.of(i.descriptor, *marks.after(True))]
        if i.note:
            children.append(Item.of(Span("In this scenario: ", "em"), i.note))
        children += [
            Item.of(Span("The reference interview: ", "em"), f, *marks.after(i.feedback_derived)) for f in i.feedback
        ]
        if not good:
            for m in i.mistakes:
                sub = [Item.of(Span("Interviewer: ", "em"), f"“{m.interviewer_response}”")]
                if m.answer:
                    sub.append(Item.of(Span("Instead: ", "em"), m.answer))
                children.append(
                    Item.of(Span("Common mistake: ", "em"), f"{m.title}. {m.problem}", *marks.after(m.derived), children=sub)
                )
        out.append(Item.of(Span(i.name), f" ({i.score}/5)", children=children))
    sec.add(Bullets(tuple(out)))


def _estimates(doc: Doc, card: Scorecard) -> None:
    if not card.session.estimates:
        return
    sec = doc.section("Capacity estimates", "estimates")
    rows: list[list[Inline | list[Inline]]] = []
    for e in card.session.estimates:
        word, tone = GRADES.get(e.grade or "", ("skipped", "muted"))
        rows.append([e.label, "–" if e.answer is None else f"{e.answer:,.4g}", f"{e.reference:,.4g}", Span(word, tone)])
    sec.add(Table.of(["figure", "yours", "reference", "grade"], rows, "lrrl"))


def _hints(doc: Doc, card: Scorecard) -> None:
    if not card.hints:
        return
    sec = doc.section(f"Hints used ({len(card.hints)})", "hints")
    sec.add(
        Bullets(
            tuple(
                Item.of(Span(h.phase), f", {h.at_minutes:g} min in, {'a probe' if h.kind == 'probe' else 'a hint'}: ", h.text)
                for h in card.hints
            )
        )
    )
