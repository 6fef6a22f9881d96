"""`score X`: X is a scenario, else an interview; anything else is said plainly."""

from __future__ import annotations

import pytest

from mockinterview.store import Store


def test_score_of_neither_a_scenario_nor_an_interview(invoke) -> None:
    result = invoke("score", "nope-nope", "--set", "api_design=4")
    assert result.exit_code == 1
    assert "Error: 'nope-nope' is neither a scenario nor an interview" in result.stderr
    assert "mockinterview list shows scenarios; mockinterview history shows interviews" in result.stderr
    assert result.stdout == ""
    with Store() as store:
        assert store.count() == 0  # nothing was created


def test_score_of_neither_asks_nothing_even_in_a_terminal(invoke, keys) -> None:
    with keys(""):
        result = invoke("score", "nope-nope")
    assert result.exit_code == 1
    assert "is neither a scenario nor an interview" in result.stderr


@pytest.mark.parametrize("bad", ["../x", "chat-system.yaml", "Has Spaces"])
def test_score_of_something_that_is_not_an_id_says_what_an_id_is(invoke, bad: str) -> None:
    result = invoke("score", bad, "--set", "api_design=4")
    assert result.exit_code == 1
    assert f"{bad!r} is not a scenario id" in result.stderr
    assert "neither" not in result.stderr


def test_score_with_nothing_to_score(invoke) -> None:
    result = invoke("score", "--set", "api_design=4")
    assert result.exit_code == 1
    assert "no unscored interview to score" in result.stderr
    assert "mockinterview score SCENARIO" in result.stderr
