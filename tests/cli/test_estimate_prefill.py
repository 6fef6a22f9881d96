"""The drill's derived marks, and the drill pre-filled from the candidate's notes."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from mockinterview.wording import DERIVED_MARK, DERIVED_NOTE

FOOTNOTE = f"{DERIVED_MARK} {DERIVED_NOTE}"


def test_derived_assumptions_and_figures_are_marked_and_explained_once(invoke, tmp_path: Path) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text("requests_per_edge: 250K/s\n", encoding="utf-8")
    result = invoke("estimate", "global-cdn", "--answers", str(answers))
    assert result.exit_code == 0, result.output
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert any(line.startswith("Average object size served †") for line in lines)  # a derived assumption
    assert any(line.startswith("Requests per second globally") and DERIVED_MARK not in line for line in lines)
    assert any(line.startswith("Requests per second per edge location †") for line in lines)  # a derived figure
    assert "(derived)" not in result.stdout
    assert lines.count(FOOTNOTE) == 1 and lines[-1] == FOOTNOTE


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """Prompts read what the test sends through a prompt_toolkit pipe."""
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    monkeypatch.setattr("mockinterview.ui.prompter.interactive", lambda: True)
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        yield inp


def run_drill(terminal, keys: str, prefill):  # type: ignore[no-untyped-def]
    from rich.console import Console

    from mockinterview.content.catalogue import Catalogue
    from mockinterview.ui import console, estimate_view

    scenario = Catalogue([]).get("url-shortener")
    terminal.send_text(keys)
    buf = io.StringIO()
    out = Console(file=buf, width=80, no_color=True, theme=console.THEME)
    answers = estimate_view.drill(out, scenario, prefill=prefill)
    return {a.figure: a for a in answers}, buf.getvalue()


def test_figures_from_the_notes_are_offered_and_kept_with_enter(terminal) -> None:
    # write_qps and read_qps come from the notes; Enter keeps them. The rest: skipped.
    answers, out = run_drill(terminal, "\r" * 7, {"write_qps": ("~1.2K/s", 12), "read_qps": "115K/s"})
    assert answers["write_qps"].answer == 1200 and answers["write_qps"].grade == "on_target"
    assert answers["read_qps"].answer == 115_000 and answers["read_qps"].grade == "on_target"
    assert all(answers[name].answer is None for name in answers if name not in ("write_qps", "read_qps"))
    assert "2 of 7 are filled in from your notes: Enter keeps one, Ctrl-U clears it." in out
    assert "from your notes: line 12" in out  # the line, when the pre-fill says it
    assert out.count("from your notes") == 3  # the introduction and the two figures
    assert "read as 1,200/s" in out


def test_a_prefilled_answer_can_be_changed_or_cleared(terminal) -> None:
    # write_qps: cleared (Ctrl-U) and changed to 5K/s; peak_write_qps: cleared, so skipped.
    answers, out = run_drill(terminal, "\x155K/s\r\x15\r" + "\r" * 5,
                             {"write_qps": "1.2K/s", "peak_write_qps": "3.6K/s"})
    assert answers["write_qps"].answer == 5_000 and answers["write_qps"].grade == "order_of_magnitude"
    assert answers["peak_write_qps"].answer is None
    assert "read as 5,000/s" in out and "read as 1,200/s" not in out


def test_an_answer_the_drill_cannot_read_is_not_offered(terminal) -> None:
    answers, out = run_drill(terminal, "\r" * 7, {"write_qps": "lots", "total_storage": "1.2K/s", "nope": "1"})
    assert all(a.answer is None for a in answers.values())
    assert "from your notes" not in out


def test_notes_prefill_the_drill_end_to_end(terminal) -> None:
    """What the room does: the estimation notes, read by the coach, pre-fill the drill."""
    from mockinterview.coach.engine import Coach
    from mockinterview.coach.figures import noted_answers
    from mockinterview.content.catalogue import Catalogue

    scenario = Catalogue([]).get("url-shortener")
    notes = "writes: 100M/day = ~1.2K writes/s\npeak writes 3x: 3.5K/s\nstorage over 5 years: 91 TB\n"
    check = Coach(scenario).check_figures(notes)
    assert check is not None
    prefill = noted_answers(check, month=scenario.estimation.seconds_per_month)
    assert prefill["write_qps"] == ("~1.2K writes/s", 1)
    answers, out = run_drill(terminal, "\r" * 7, prefill)
    assert answers["write_qps"].grade == "on_target"
    assert answers["total_storage"].answer == 91e12
    assert "from your notes: line 3" in out
