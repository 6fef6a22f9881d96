"""Checking notes written elsewhere: review."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Final

import typer

from mockinterview.cli.app import ScenarioIdArg, app, catalogue, print_json, state

if TYPE_CHECKING:
    from mockinterview.coach.review import ReviewResult, Sections
    from mockinterview.content.scenario import Scenario
    from mockinterview.interview.session import Session

#: The largest notes file read (5,000 lines of notes are about 300 KB).
MAX_NOTES_BYTES: Final = 1024 * 1024

_NOTES_HINT = "--notes takes a Markdown or text file of your notes, such as --notes feed-notes.md"


def read_notes(path: Path) -> str:
    """The notes file's text: a regular UTF-8 file of at most :data:`MAX_NOTES_BYTES`.

    Opened without blocking and checked after opening, so a named pipe or a device is
    refused at once rather than read; line ends are normalised and a leading BOM dropped.
    """
    import os

    from mockinterview.content.folder import kind_of, not_regular, open_error
    from mockinterview.errors import MockInterviewError

    def fail(why: str, hint: str = _NOTES_HINT) -> MockInterviewError:
        return MockInterviewError(f"cannot read the notes file {path}: {why}", hint=hint)

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except IsADirectoryError:
        raise fail("it is a directory, not a file") from None
    except OSError as exc:
        raise fail(open_error(path, exc)) from None
    try:
        kind = kind_of(os.fstat(fd).st_mode)
        if kind == "a directory":
            raise fail("it is a directory, not a file")
        if kind is not None:
            raise fail(f"it {not_regular(kind)}")
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(MAX_NOTES_BYTES + 1)
    except OSError as exc:
        raise fail(exc.strerror or str(exc)) from None
    finally:
        os.close(fd)
    if len(data) > MAX_NOTES_BYTES:
        raise fail(f"it is too large (more than {MAX_NOTES_BYTES // (1024 * 1024)} MB)",
                   "Review the notes of one interview at a time.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise fail(f"it is not UTF-8 text ({exc.reason} at byte {exc.start})",
                   "Save it as UTF-8 (most editors offer the encoding when saving) and run review again.") from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


@app.command()
def review(
    ctx: typer.Context,
    scenario_id: ScenarioIdArg,
    notes: Annotated[
        Path,
        typer.Option(
            "--notes",
            help="Your notes, a Markdown file; headings (## Estimation) that name a phase split it into phases.",
            metavar="FILE",
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as one JSON document.")] = False,
    save: Annotated[
        bool,
        typer.Option(
            "--save", help="Also save it as an interview (its notes and checklists) that `mockinterview score` can score."
        ),
    ] = False,
) -> None:
    """Check notes written elsewhere (on paper, in an editor) against a scenario's key points.

    Prints, per phase, the points covered (with the line that shows it) and missed (with a
    pointer into the reference), then the diagram check (arrows like `Client -> LB -> API`),
    the figures found (graded as the drill grades them) and the evidence per criterion.
    `--save` keeps it as an interview that `mockinterview score SESSION` then scores.
    """
    from mockinterview.coach.engine import Coach
    from mockinterview.coach.review import review as check
    from mockinterview.coach.review import split_notes

    scenario = catalogue(ctx).get(scenario_id)
    text = read_notes(notes)
    coach = Coach(scenario)
    result = check(coach, text)
    saved: str | None = None
    if save:
        from mockinterview.store import Store

        session = _session(scenario, result, split_notes(text, coach.phases), notes.name)
        with Store() as store:
            store.create(session)  # the session, its phases (notes, checklists) and estimates: one transaction
        saved = session.id

    if as_json:
        data: dict[str, Any] = {"notes": str(notes), **result.to_dict(), "session": saved}
        print_json(data)
    else:
        _print(ctx, scenario, result, notes)
    if saved is not None:
        from rich.text import Text

        from mockinterview.ui import console

        err = console.stderr()
        err.print(Text(f"Saved as interview {saved} (its notes and checklists, not scored yet)."), soft_wrap=True)
        err.print(Text(f"Score it with: mockinterview score {saved}", style="bold"), soft_wrap=True)


def _print(ctx: typer.Context, scenario: Scenario, result: ReviewResult, notes: Path) -> None:
    from rich.console import RenderableType
    from rich.text import Text

    from mockinterview.content.loader import load_rubric
    from mockinterview.ui import console
    from mockinterview.ui.pager import page
    from mockinterview.ui.review_view import render

    names = {c.id: c.name for c in load_rubric().criteria}
    parts: list[RenderableType] = render(
        result,
        title=scenario.title,
        notes_name=notes.name,
        criterion_names=names,
        has_architecture=scenario.architecture is not None,
        answers=_model_answers(scenario),
        curveballs={cb.id: cb.announce for ph in scenario.phases for cb in ph.curveballs},
    )
    parts.append(Text(""))
    parts.append(Text(f"The reference answers: mockinterview show {scenario.id} --reveal", style="muted"))
    page(console.stdout(), parts, enabled=state(ctx).pager)


def _model_answers(scenario: Scenario) -> dict[str, tuple[str, str]]:
    """Key point id -> (the interviewer's probe for it, what a strong answer says), where the
    point's probe is one of its phase's probes with a model answer."""
    answers: dict[str, tuple[str, str]] = {}
    for phase in scenario.phases:
        by_question = {p.question: p.answer for p in phase.probes if p.answer}
        for point in phase.key_points:
            if point.probe and point.probe in by_question:
                answers[point.id] = (point.probe, by_question[point.probe])
    return answers


def _phase_notes(sections: Sections, phase_id: str, first: bool) -> str:
    """What a saved phase keeps as its notes: its own sections (the first phase also the lines
    before the first heading); the whole file in the first phase when no heading names a phase."""
    if not sections.split:
        lines = sections.all_lines if first else ()
    else:
        lines = (*(sections.preamble if first else ()), *sections.by_phase.get(phase_id, ()))
    return "\n".join(line for _, line in lines).strip("\n")


def _session(scenario: Scenario, result: ReviewResult, sections: Sections, notes_name: str) -> Session:
    """The interview ``--save`` records: manual, every phase with its notes and checklist,
    and the figures found as the estimation drill's answers."""
    from mockinterview.interview.drill import to_answers
    from mockinterview.interview.session import start_session

    session = start_session(scenario, mode="manual", settings={"review": {"notes": notes_name}})
    by_phase = {p.phase: p for p in result.phases}
    for i, record in enumerate(session.phases):
        record.notes = _phase_notes(sections, record.phase_id, i == 0)
        reviewed = by_phase.get(record.phase_id)
        if reviewed is not None:
            record.checklist = reviewed.checklist
        record.status = "done"
    if result.figures is not None and result.figures.answers:
        session.estimates = to_answers(result.figures.result)
    return session
