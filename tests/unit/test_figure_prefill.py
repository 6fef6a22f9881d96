"""Figures in notes, as the drill's pre-fill; numbers written as they are shown read back."""

from __future__ import annotations

import pytest
from coach_fixture import SCENARIO

from mockinterview.coach.engine import Coach
from mockinterview.coach.figures import FigureCheck, NotedFigure, noted_answers
from mockinterview.content.scenario import Unit
from mockinterview.errors import QuantityError
from mockinterview.estimation import format_quantity, parse_quantity


def check(notes: str) -> FigureCheck:
    result = Coach(SCENARIO).check_figures(notes)
    assert result is not None
    return result


def test_noted_answers_are_the_asked_figures_as_written_with_their_lines() -> None:
    notes = (
        "Estimates:\n"
        "tweets: 100M/day -> ~1.2K/s avg, peak 3.6K/s\n"
        "2B timeline requests/day\n"
        "fan-out: 1.2K * 200 = 240K writes/s\n"
    )
    assert noted_answers(check(notes)) == {
        "tweets_per_second": NotedFigure("~1.2K/s", 2),
        "peak_tweets_per_second": NotedFigure("3.6K/s", 2),
        "timeline_requests_per_day": NotedFigure("2B/day", 3),  # "timeline requests" is no noun the drill reads
        "fanout_writes_per_second": NotedFigure("240K writes/s", 4),  # a noun it reads stays
    }


def test_noted_answers_follow_the_estimation_order_and_read_back_to_the_same_value() -> None:
    result = check("fan-out writes 2,400/s\ndaily storage 100GB/day\ntweets per second ~1,157\n")
    noted = noted_answers(result)
    assert list(noted) == ["tweets_per_second", "daily_storage", "fanout_writes_per_second"]
    for name, (text, _line) in noted.items():
        ev = result.evidence[name]
        assert parse_quantity(text, ev.unit) == pytest.approx(ev.value)


def test_nothing_noted_nothing_offered() -> None:
    assert noted_answers(check("we will use a cache\n")) == {}


@pytest.mark.parametrize(
    "line",
    ["write QPS ~1.2K/s, peak 2.4K/s", "write QPS ~1.2K/s peak 2.4K/s", "peak 2.4K/s write QPS ~1.2K/s"],
)
def test_each_number_goes_to_the_figure_its_own_label_names(line: str) -> None:
    found = {k: ev.quantity.written for k, ev in check(line).evidence.items()}
    assert found == {"tweets_per_second": "~1.2K/s", "peak_tweets_per_second": "2.4K/s"}


VALUES = [v * m for v in (1, 1.157, 2.5, 9.99, 12.7, 99.95, 123.4) for m in (1e-2, 1, 10, 1e3, 1e4, 1e6, 1e9, 1e13, 1e16)]


@pytest.mark.parametrize("unit", list(Unit), ids=lambda u: u.value)
def test_every_value_written_back_reads_back(unit: Unit) -> None:
    """What the drill shows ("30Kx", "12.5K years", "91.3 TB") can be typed back in."""
    for value in VALUES:
        shown = format_quantity(value, unit)
        assert parse_quantity(shown, unit) == pytest.approx(value, rel=0.006), shown


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("30Kx", Unit.ratio, 30_000),
        ("2.5M x", Unit.ratio, 2.5e6),
        ("3 thousand times", Unit.ratio, 3000),
        ("100x", Unit.ratio, 100),
        ("12.5K years", Unit.years, 12_500),
        ("1.2M seconds", Unit.seconds, 1.2e6),
    ],
)
def test_magnitudes_before_a_ratio_or_a_duration(text: str, unit: Unit, value: float) -> None:
    assert parse_quantity(text, unit) == pytest.approx(value)


@pytest.mark.parametrize(("text", "unit"), [("30Kx", Unit.count), ("5K years", Unit.per_second), ("Kx", Unit.ratio)])
def test_they_are_still_refused_where_they_do_not_belong(text: str, unit: Unit) -> None:
    with pytest.raises(QuantityError):
        parse_quantity(text, unit)
