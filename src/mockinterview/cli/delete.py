"""The `delete` command: remove an interview and everything of it."""

from __future__ import annotations

from typing import Annotated

import typer

from mockinterview.cli.app import app, print_json


def _complete_sessions(incomplete: str) -> list[tuple[str, str]]:
    from mockinterview.cli.complete import session_ids

    return session_ids(incomplete)


@app.command()
def delete(
    session_id: Annotated[
        str,
        typer.Argument(
            metavar="SESSION",
            help="An interview id (or a unique prefix), from `history`.",
            autocompletion=_complete_sessions,
        ),
    ],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Delete without asking.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Report what was deleted as JSON.")] = False,
) -> None:
    """Delete an interview and everything of it; asks first (--yes skips the question).

    Its phases, notes, timings, every assessment and its estimates go in one
    transaction; `progress` and `next` stop counting it. Keep a copy first with
    `mockinterview export -o FILE` if in doubt.
    """
    from rich.text import Text

    from mockinterview.dates import iso
    from mockinterview.errors import MockInterviewError
    from mockinterview.store import Store
    from mockinterview.ui import console, prompter

    with Store() as store:
        session = store.get(session_id)
        when = session.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
        what = f"interview {session.id} ({session.scenario_title}, {when}"
        if session.assessment is not None:
            total = session.assessment.bands
            what += f", {sum(total.values())}/100" if total else ", scored"
        what += ")"
        if not yes:
            if not prompter.interactive():
                raise MockInterviewError(
                    f"{what} would be deleted for good; pass --yes to delete it without asking",
                    hint="Keep a copy first with: mockinterview export -o backup.jsonl",
                )
            if not prompter.confirm(f"Delete {what}? This cannot be undone.", default=False):
                console.stderr().print(Text("Nothing deleted."))
                raise typer.Exit(0)
        store.delete(session.id)
    if as_json:
        print_json({"deleted": session.id, "scenario": session.scenario_id, "started_at": iso(session.started_at)})
        return
    console.stdout().print(Text(f"Deleted {what}."), soft_wrap=True)
