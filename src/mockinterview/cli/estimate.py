"""The back-of-the-envelope drill on its own: estimate."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from mockinterview.cli.app import ScenarioIdArg, app, catalogue, print_json

if TYPE_CHECKING:
    from mockinterview.content.scenario import Estimation

ANSWERS_HINT = "Give the answers in a file instead: --answers FILE.yaml (figure name: answer, like write_qps: 1.2K/s)."


def load_answers(path: Path, est: Estimation) -> dict[str, float]:
    """Read an answers file: figure name -> answer (``1.2K/s``, ``91 TB``, ``62^7`` or a number).

    Every problem (unknown figure, unreadable answer) comes back at once, located
    as file:line:column. A figure left out, or given no value, is skipped.
    """
    from mockinterview.content import yamlio
    from mockinterview.errors import ContentError, Problem, QuantityError
    from mockinterview.estimation.quantity import parse_quantity, unit_examples

    doc = yamlio.read(path)
    data = doc.data
    example = "expected a mapping of figure name to answer, like write_qps: 1.2K/s"
    if data is None:
        raise ContentError([Problem(doc.path, 1, 1, "", f"the file is empty; {example}")])
    if not isinstance(data, dict):
        raise ContentError([doc.problem([], example)])
    figures = {f.name: f for f in est.figures}
    asked = [f.name for f in est.figures if f.ask]
    assumptions = {a.name for a in est.assumptions}
    problems: list[Problem] = []
    answers: dict[str, float] = {}
    for key, value in data.items():
        name = str(key)
        fig = figures.get(name)
        if fig is None or not fig.ask:
            if name in assumptions:
                why = "is an assumption, not a figure to estimate"
            elif fig is not None:
                why = "is not asked (it restates an assumption)"
            else:
                why = "unknown figure"
            problems.append(doc.problem([name], f"{why}; the figures are: {', '.join(asked)}", at_key=True))
            continue
        if value is None:
            continue  # written down but not answered: skipped
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            problems.append(doc.problem([name], "expected an answer such as "
                                        + ", ".join(unit_examples(fig.unit)[:3])))
            continue
        try:
            answers[name] = parse_quantity(str(value), fig.unit, month=est.seconds_per_month)
        except QuantityError as exc:
            problems.append(doc.problem([name], exc.message))
    if problems:
        raise ContentError(problems)
    return answers


@app.command()
def estimate(
    ctx: typer.Context,
    scenario_id: ScenarioIdArg,
    vary_: Annotated[
        bool, typer.Option("--vary", help="Draw new assumptions (the seed is printed so you can replay the drill).")
    ] = False,
    seed: Annotated[
        int | None, typer.Option("--seed", help="Replay a --vary drill with this seed (implies --vary).", metavar="N")
    ] = None,
    answers_file: Annotated[
        Path | None,
        typer.Option("--answers", help="A YAML file: figure name -> answer (like write_qps: 1.2K/s); no prompts.",
                     metavar="FILE.yaml"),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as one JSON document (needs --answers).")] = False,
) -> None:
    """Drill the scenario's back-of-the-envelope numbers: QPS, storage, bandwidth.

    Shows the assumptions, asks each figure (answers like 1.2K/s, 100M/day, 91 TB),
    then grades them: within 2x is on target, within 10x the right order of
    magnitude. For each miss it shows the derivation step by step.
    """
    from mockinterview.errors import UsageError
    from mockinterview.estimation.variation import vary
    from mockinterview.ui import estimate_view, prompter

    scenario = catalogue(ctx).get(scenario_id)
    est = estimate_view.estimation_of(scenario)
    if answers_file is None:
        prompter.require_terminal(ANSWERS_HINT)
        if as_json:
            raise UsageError("--json needs --answers FILE.yaml: the interactive drill prints to the terminal",
                             hint=ANSWERS_HINT)
    values: dict[str, float] | None = None
    if vary_ or seed is not None:
        if seed is None:
            import random

            seed = random.SystemRandom().randrange(1000, 10000)
        values = vary(est, seed)

    if answers_file is not None:
        answers = load_answers(answers_file, est)
        result = estimate_view.grade(scenario, answers, values)
        if as_json:
            data: dict[str, Any] = {
                "scenario": scenario.id,
                "seed": seed,
                "assumptions": estimate_view.assumption_values(est, values),
            }
            data.update(result.to_dict())
            print_json(data)
            return
        from mockinterview.ui import console

        out = console.stdout()
        for part in estimate_view.header(scenario, seed):
            out.print(part)
        out.print()
        from mockinterview.ui.marks import Marks

        marks = Marks()  # the assumptions and the report share one footnote
        out.print(estimate_view.assumptions_table(est, values, marks))
        for part in estimate_view.report(result, estimate_view.derived_figures(est), marks):
            out.print(part)
        return

    from mockinterview.ui import console

    out = console.stdout()
    for part in estimate_view.header(scenario, seed):
        out.print(part)
    out.print()
    estimate_view.drill(out, scenario, values)
