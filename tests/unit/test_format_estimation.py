"""The estimation format, completed: months, rounded figures, bits, exabytes, expressions.

The System Design Primer's calculations are the reference: a month of 2.5 million
seconds, 1.27 KB pastes giving 12.7 GB a month, and the Twitter timeline's 10.18 KB
tweets rounded to 10 KB so that a month of them is 150 TB, not 152.7 TB.
"""

from __future__ import annotations

from typing import Any

import pytest

from mockinterview.content.scenario import Estimation, Unit
from mockinterview.errors import QuantityError
from mockinterview.estimation import (
    check_estimation,
    compute,
    derivation,
    format_quantity,
    grade_answers,
    parse_quantity,
    vary,
)
from mockinterview.estimation.figures import round_like

U = Unit
PRIMER_MONTH = 2_500_000.0


def primer_pastebin(**extra: Any) -> Estimation:
    return Estimation.model_validate(
        {
            "seconds_per_month": PRIMER_MONTH,
            "assumptions": [
                {"name": "writes_per_month", "label": "Pastes a month", "value": 1e7, "unit": "per_month", "vary": [1e6, 1e8]},
                {"name": "bytes_per_paste", "label": "Bytes per paste", "value": 1271, "unit": "bytes"},
            ],
            "figures": [
                {"name": "write_qps", "label": "Write rate", "formula": "writes_per_month / seconds_per_month",
                 "unit": "per_second", "stated": "4 paste writes per second", "stated_value": 4},
                {"name": "content_per_month", "label": "Content a month", "formula": "writes_per_month * bytes_per_paste",
                 "unit": "bytes_per_month", "stated": "12.7 GB of new paste content per month", "stated_value": 12.7e9},
            ],
            **extra,
        }
    )


def primer_twitter() -> Estimation:
    """Size per tweet 8 + 32 + 140 bytes + 10 KB media = 10.18 KB, which the primer carries as 10 KB."""
    return Estimation.model_validate(
        {
            "assumptions": [
                {"name": "tweets_per_day", "label": "Tweets a day", "value": 5e8, "unit": "per_day", "vary": [1e8, 1e9]},
                {"name": "media_bytes", "label": "Media per tweet", "value": 10_000, "unit": "bytes"},
            ],
            "figures": [
                {"name": "tweet_size", "label": "Bytes per tweet", "formula": "8 + 32 + 140 + media_bytes",
                 "unit": "bytes", "stated": "~10 KB", "rounded": 10_000},
                {"name": "content_per_month", "label": "New content a month", "formula": "tweet_size * tweets_per_day * 30",
                 "unit": "bytes_per_month", "stated": "150 TB of new tweet content per month", "stated_value": 150e12,
                 "tolerance": 0.001},
            ],
        }
    )


# -- months -------------------------------------------------------------------------------------


def test_the_default_month_is_thirty_days() -> None:
    assert Estimation.model_validate({"assumptions": [{"name": "a", "label": "A", "value": 1, "unit": "count"}],
                                      "figures": [{"name": "b", "label": "B", "formula": "a", "unit": "count"}]}
                                     ).seconds_per_month == 30 * 86_400
    assert parse_quantity("10M/month", U.per_second) == pytest.approx(3.858, rel=1e-3)


def test_a_primer_month_reproduces_the_primer() -> None:
    est = primer_pastebin()
    assert check_estimation(est) == []
    values = compute(est)
    assert values["write_qps"] == 4
    assert format_quantity(values["content_per_month"], U.bytes_per_month) == "12.7 GB/month"
    assert "seconds_per_month" not in values  # the month is a setting, not an assumption


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("10M/month", U.per_second, 4.0),
        ("4/s", U.per_month, 1e7),
        ("10M", U.per_month, 1e7),
        ("12.7GB/month", U.bytes_per_month, 12.7e9),
        ("12.7 GB", U.bytes_per_month, 12.7e9),
        ("423MB/day", U.bytes_per_month, 423e6 * PRIMER_MONTH / 86_400),
        ("100M/month", U.per_day, 1e8 * 86_400 / PRIMER_MONTH),
    ],
)
def test_answers_per_month_use_the_scenarios_month(text: str, unit: Unit, expected: float) -> None:
    assert parse_quantity(text, unit, month=PRIMER_MONTH) == pytest.approx(expected)


def test_the_drill_grades_a_monthly_answer_on_target() -> None:
    est = primer_pastebin()
    answers = {
        "write_qps": parse_quantity("10M/month", U.per_second, month=est.seconds_per_month),
        "content_per_month": parse_quantity("12.7GB/month", U.bytes_per_month, month=est.seconds_per_month),
    }
    result = grade_answers(est, answers, compute(est))
    assert [(f.name, f.ratio, f.grade and f.grade.value) for f in result.figures] == [
        ("write_qps", 1.0, "on_target"),
        ("content_per_month", pytest.approx(12.7 / 12.71), "on_target"),
    ]
    assert [f.stated for f in result.figures] == ["4 paste writes per second", "12.7 GB of new paste content per month"]
    assert result.to_dict()["figures"][0]["stated"] == "4 paste writes per second"


def test_a_rate_for_a_total_size_says_what_it_is() -> None:
    with pytest.raises(QuantityError) as info:
        parse_quantity("12.7GB/month", U.bytes)
    assert "that is a rate, but this figure is a total size" in info.value.message


def test_the_month_is_a_reserved_name_and_a_bounded_setting() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        primer_pastebin(seconds_per_month=30)  # days, not seconds


# -- rounded figures ----------------------------------------------------------------------------


def test_a_rounded_figure_carries_forward_as_the_source_does() -> None:
    est = primer_twitter()
    assert check_estimation(est) == []
    values = compute(est)
    assert values["tweet_size"] == 10_000 and values["content_per_month"] == 150e12
    lines = derivation(est, "content_per_month", values)
    assert lines[0] == "tweet_size = 8 + 32 + 140 + media_bytes = 8 + 32 + 140 + 10 KB = 10.2 KB ≈ 10 KB (rounded)"
    assert lines[1].endswith("= 10 KB * 500M/day * 30 = 150 TB/month")


def test_without_rounding_the_source_is_not_reproduced() -> None:
    data = primer_twitter().model_dump()
    data["figures"][0]["rounded"] = None
    problems = check_estimation(Estimation.model_validate(data))
    assert [loc for loc, _ in problems] == [("estimation", "figures", 1, "stated_value")]
    assert "152.7 TB/month" in problems[0][1]


def test_a_rounded_value_far_from_the_formula_is_refused() -> None:
    data = primer_twitter().model_dump()
    data["figures"][0]["rounded"] = 20_000
    ((loc, message), *_rest) = check_estimation(Estimation.model_validate(data))
    assert loc == ("estimation", "figures", 0, "rounded")
    assert message.startswith("the formula gives 10.2 KB (10180) but rounded is 20 KB (20000): 49.1% off")


def test_varied_inputs_are_rounded_like_the_source() -> None:
    est = primer_twitter()
    values = compute(est, {"media_bytes": 12_345})
    assert values["tweet_size"] == 13_000  # 12,525 to two significant figures
    assert values["content_per_month"] == 13_000 * 5e8 * 30
    assert compute(est, vary(est, seed=7))["tweet_size"] == 10_000  # tweets varied, size not


@pytest.mark.parametrize(("x", "like", "expected"), [(10_180, 10_000, 10_000), (152.7e12, 150e12, 150e12),
                                                     (3.86, 4, 3.9), (12_712, 12_700, 12_700), (0.0, 5, 0.0)])
def test_round_like(x: float, like: float, expected: float) -> None:
    assert round_like(x, like) == expected


# -- bits, exabytes, expressions ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("6.4 Gbps", U.bits_per_second, 6.4e9),
        ("6.4Gbit/s", U.bits_per_second, 6.4e9),
        ("800 MB/s", U.bits_per_second, 6.4e9),
        ("6.4G", U.bits_per_second, 6.4e9),
        ("6.4 Gbps", U.bytes_per_second, 8e8),
        ("100 Mbps", U.bytes_per_day, 1.25e7 * 86_400),
        ("8 gigabits", U.bytes, 1e9),
        ("2 EB", U.bytes, 2e18),
        ("1 EiB", U.bytes, 2.0**60),
        ("3 exabytes", U.bytes, 3e18),
        ("10Gb", U.bytes, 10e9),  # a lone b is bytes, never bits
    ],
)
def test_bits_and_exabytes(text: str, unit: Unit, expected: float) -> None:
    assert parse_quantity(text, unit) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [(6.4e9, U.bits_per_second, "6.4 Gbps"), (800, U.bits_per_second, "800 bps"), (2e18, U.bytes, "2 EB"),
     (1e7, U.per_month, "10M/month"), (12.7e9, U.bytes_per_month, "12.7 GB/month")],
)
def test_new_units_are_shown_compactly(value: float, unit: Unit, shown: str) -> None:
    assert format_quantity(value, unit) == shown


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("62^7", U.count, 62.0**7),
        ("62**7", U.count, 62.0**7),
        ("~62^7", U.count, 62.0**7),
        ("100M/86400", U.per_second, 1e8 / 86_400),
        ("100M / 86,400", U.per_second, 1e8 / 86_400),
        ("(10M * 12) * 3", U.count, 3.6e8),
        ("1.27KB * 10M", U.bytes_per_month, 12.7e9),
        ("500B * 365", U.bytes, 182_500),  # B is bytes in a byte unit
        ("2B * 365", U.count, 730e9),  # and billion elsewhere
        ("10 × 3", U.count, 30),
    ],
)
def test_answers_may_be_expressions(text: str, unit: Unit, expected: float) -> None:
    assert parse_quantity(text, unit) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("62^", "the expression is not valid"),
        ("10/0", "division by zero in the expression"),
        ("2**7 foo", "'foo' cannot be read in an expression"),
        ("__import__('os')", "expected a count"),
        ("(10 - 20)", "it must be greater than zero"),
        ("10 - 20", "expected a count"),  # a range, not an expression
        ("9^999", "exponent 999 in the expression is too large"),
    ],
)
def test_bad_expressions_say_why(text: str, why: str) -> None:
    with pytest.raises(QuantityError) as info:
        parse_quantity(text, U.count)
    assert why in info.value.message
