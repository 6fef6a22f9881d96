"""The interactive self-assessment: criteria, then bands, then the debrief checklist.

Each answer is handed to ``save_draft`` as it is given, so Ctrl-C loses nothing:
the next ``mockinterview score SESSION`` starts from the saved answers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from mockinterview.coach.evidence import EVIDENCE_NOTE, CriterionEvidence
from mockinterview.content.loader import load_rubric
from mockinterview.content.rubric import Rubric
from mockinterview.content.scenario import Scenario
from mockinterview.errors import Interrupted
from mockinterview.interview.session import Session
from mockinterview.scoring import answers
from mockinterview.scoring.arithmetic import suggest_bands
from mockinterview.scoring.record import make_assessment, record
from mockinterview.scoring.scorecard import Scorecard, Suggestion, suggestions, with_evidence
from mockinterview.store import Store
from mockinterview.ui import console, prompter
from mockinterview.ui.scorecard_doc import missed_lines

if TYPE_CHECKING:
    from mockinterview.coach.engine import Coach

def assess_interactively(
    store: Store, session: Session, scenario: Scenario, rubric: Rubric | None = None, *, coach: Coach | None = None
) -> Scorecard:
    """Ask the self-assessment (answers saved as they are given), store it, build the card.

    Each criterion is shown with what the notes show for it (``coach``, the scenario's;
    one is built when not given), and the card carries the same evidence."""
    from mockinterview.coach.sessions import absence, session_evidence

    if coach is None:
        from mockinterview.coach.engine import Coach

        coach = Coach(scenario)
    rubric = rubric or load_rubric()
    evidence = session_evidence(coach, session)
    try:
        scores, bands, checklist = self_assessment(
            console.stdout(),
            rubric,
            scenario,
            suggestions=suggestions(session),
            draft=answers.draft_of(session),
            save_draft=lambda draft: answers.save_draft(store, session, draft),
            evidence=evidence,
        )
    except KeyboardInterrupt:
        raise Interrupted(
            "self-assessment interrupted; your answers so far are saved",
            hint=f"Finish it with: mockinterview score {session.id}",
        ) from None
    assessment = make_assessment(rubric, scenario, scores, bands, checklist, "interactive")
    return with_evidence(record(store, session, scenario, rubric, assessment), evidence, absence(coach, session))


def evidence_lines(ev: CriterionEvidence, name: str) -> list[Text]:
    """What the question shows before asking: the notes' count and suggestion, and the
    points missed (short); nothing for a criterion without key points."""
    if not ev.total:
        return []
    lines = [Text(ev.line(name), style="accent")]
    for i, point in enumerate(missed_lines(ev.missing_texts)):
        line = Text("  missed: " if i == 0 else "          ", style="muted") + Text(point)
        line.no_wrap, line.overflow = True, "ellipsis"  # one line each, cut at the terminal's edge
        lines.append(line)
    return lines


def self_assessment(
    out: Console,
    rubric: Rubric,
    scenario: Scenario,
    *,
    suggestions: dict[str, Suggestion],
    draft: answers.Draft,
    save_draft: Callable[[answers.Draft], None],
    evidence: Mapping[str, CriterionEvidence] | None = None,
) -> tuple[dict[str, int], dict[str, int], dict[str, list[str]]]:
    """Ask every criterion, then the bands, then the debrief checklist. ``evidence``: what
    the notes show per criterion, shown before its question (its suggestion is the value
    Enter accepts when there is no draft answer or other suggestion); the candidate decides."""
    scores: dict[str, int] = dict(draft.get("scores", {}))
    found = {k: ev for k, ev in (evidence or {}).items() if ev.total}
    out.print(Text("Self-assessment", style="bold accent"))
    out.print(
        Text(
            "Score yourself 1-5 on each criterion as an interviewer would. Enter accepts the value shown.",
            style="muted",
        )
    )
    if found:
        out.print(Text(EVIDENCE_NOTE, style="muted"))
    criteria = [(c.id, c.name, c.description, c.descriptors, c.group) for c in rubric.criteria] + [
        (c.id, c.name, c.description, c.descriptors, "extra") for c in scenario.rubric.extra_criteria
    ]
    group_names = {g.id: g.name for g in rubric.groups} | {"extra": f"For this scenario ({scenario.focus})"}
    total = len(criteria)
    current_group = None
    for i, (cid, name, description, descriptors, group) in enumerate(criteria, 1):
        if group != current_group:
            current_group = group
            out.print()
            out.print(Text(group_names[group], style="bold"))
        out.print(Text(f"\n[{i}/{total}] {name}", style="bold") + Text(f" — {description}", style="muted"))
        lines = [
            Text("1 ", style="bad") + Text(descriptors.one),
            Text("3 ", style="warn") + Text(descriptors.three),
            Text("5 ", style="good") + Text(descriptors.five),
        ]
        note = scenario.rubric.notes.get(cid)
        if note:
            lines.append(Text("In this scenario: ", style="accent") + Text(note))
        default = scores.get(cid)
        sug = suggestions.get(cid)
        if sug:
            lines.append(Text(f"Suggested {sug.score}: ", style="accent") + Text(sug.reason))
            default = default or sug.score
        ev = found.get(cid)
        if ev is not None:
            lines += evidence_lines(ev, name)
            default = default or ev.suggested
        for line in lines:
            out.print(Padding(line, (0, 0, 0, 2)))
        scores[cid] = prompter.ask_int(f"{name} (1-5):", 1, 5, default=default)
        save_draft({"scores": scores})

    from mockinterview.content.descriptors import band_descriptors
    from mockinterview.scoring.arithmetic import band_criteria, thresholds_text

    core = {c.id: scores[c.id] for c in rubric.criteria}
    suggested = suggest_bands(rubric, core)
    bands: dict[str, int] = dict(draft.get("bands", {}))
    out.print()
    out.print(Text("Point bands (out of 100): these decide the verdict", style="bold accent"))
    out.print(Text("Each band is suggested from the criteria that feed it; adjust it within the band's range. "
                   f"Verdicts: {thresholds_text(rubric)}.", style="muted"))
    for band in rubric.bands:
        fed = band_criteria(rubric, band.id)
        names = ", ".join(rubric.criterion(c).name for c in fed)
        out.print(Text(f"\n{band.name} (0-{band.points})", style="bold") + Text(f"  suggested {suggested[band.id]}", style="accent"))
        out.print(Text(f"  from {names}: {sum(core[c] for c in fed)}/{5 * len(fed)}", style="muted"))
        for lv in band.levels:
            here = lv.min <= suggested[band.id] <= lv.max
            head = Text(f"  {lv.name} {lv.min}-{lv.max}: ", style="bold" if here else "muted")
            out.print(head + Text("; ".join(band_descriptors(scenario, band, lv).lines), style="" if here else "muted"))
        bands[band.id] = prompter.ask_int(
            f"{band.name} points:", 0, band.points, default=bands.get(band.id, suggested[band.id])
        )
        save_draft({"scores": scores, "bands": bands})

    checklist: dict[str, list[str]] = {}
    db = scenario.debrief
    if db.strong_indicators or db.concerns:
        out.print()
        out.print(Text("Debrief checklist", style="bold accent"))
        previous = draft.get("checklist", {})
        checklist["strong_indicators"] = prompter.checklist(
            "Strong performance indicators you showed:", db.strong_indicators, previous.get("strong_indicators", ())
        )
        checklist["concerns"] = prompter.checklist(
            "Areas of concern that apply:", db.concerns, previous.get("concerns", ())
        )
    return scores, bands, checklist
