"""Every bundled scenario runs end to end: `run ID --speed` through every phase, with the
drill declined and no comparison, finishes and keeps each phase's notes (issue 13, item 6).

In-process, keys from a prompt_toolkit pipe, so the whole library takes seconds."""

from __future__ import annotations

from pathlib import Path

import pytest

from mockinterview.store import Store

CTRL_D = "\x04"
BUNDLED = sorted(p.stem for p in (Path(__file__).resolve().parents[2] / "scenarios").glob("*.yaml"))


def _keys_for(scenario_id: str) -> tuple[str, list[str]]:
    from mockinterview.content.catalogue import Catalogue

    scenario = Catalogue().get(scenario_id)
    notes = [f"{phase.id}: notes for {phase.title}" for phase in scenario.phases]
    out = []
    for phase, text in zip(scenario.phases, notes, strict=True):
        out.append(text + CTRL_D)
        if phase.kind == "estimation" and scenario.estimation is not None:
            out.append("n")  # check the numbers now? no
        out.append("\r")  # the coach's checklist: keep it as it is
        out.append("n")  # compare with the reference? no
    return "".join(out), notes


@pytest.mark.parametrize("scenario_id", BUNDLED)
def test_every_bundled_scenario_runs_to_the_end(invoke, keys, scenario_id: str) -> None:
    typed, notes = _keys_for(scenario_id)
    with keys("\r", typed):
        result = invoke("run", scenario_id, "--speed", "200", "--no-score")
    assert result.exit_code == 0, result.output
    with Store() as store:
        session = store.latest()
    assert session is not None and session.scenario_id == scenario_id and session.finished
    assert [p.notes for p in session.phases] == notes
