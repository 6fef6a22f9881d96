"""Tests for mockinterview.estimation: formulas, quantities, derivations, grading, vary."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from mockinterview import estimation as est_mod
from mockinterview.content.scenario import Estimation, Unit
from mockinterview.errors import MockInterviewError
from mockinterview.estimation import (
    EstimationResult,
    FigureResult,
    FormulaError,
    Grade,
    QuantityError,
    check_estimation,
    compile_formula,
    compute,
    derivation,
    format_quantity,
    grade,
    grade_answers,
    parse_quantity,
    suggested_scalability,
    vary,
)

U = Unit


def make_est(**overrides: Any) -> Estimation:
    """A small URL-shortener style estimation."""
    data: dict[str, Any] = {
        "assumptions": [
            {"name": "urls_per_day", "label": "New URLs per day", "value": 1e8, "unit": "per_day", "vary": [5e7, 5e8]},
            {"name": "read_ratio", "label": "Reads per write", "value": 100, "unit": "ratio", "vary": [10, 1000]},
            {"name": "years", "label": "Retention", "value": 5, "unit": "years", "vary": [3, 10]},
            {"name": "bytes_per_url", "label": "Bytes per URL", "value": 500, "unit": "bytes"},
        ],
        "figures": [
            {
                "name": "write_qps",
                "label": "Write QPS",
                "formula": "urls_per_day / 86400",
                "unit": "per_second",
                "stated": "~1,160/s",
                "stated_value": 1160,
            },
            {"name": "peak_write_qps", "label": "Peak write QPS", "formula": "write_qps * 2", "unit": "per_second"},
            {"name": "read_qps", "label": "Read QPS", "formula": "write_qps * read_ratio", "unit": "per_second"},
            {
                "name": "total_urls",
                "label": "URLs over retention",
                "formula": "urls_per_day * 365 * years",
                "unit": "count",
                "ask": False,
            },
            {
                "name": "storage",
                "label": "Storage",
                "formula": "total_urls * bytes_per_url",
                "unit": "bytes",
                "stated": "91 TB",
                "stated_value": 91.25e12,
            },
        ],
    }
    data.update(overrides)
    return Estimation.model_validate(data)


# ----------------------------------------------------------------------------------
# Module hygiene
# ----------------------------------------------------------------------------------


ESTIMATION_MODULES = sorted(Path(est_mod.__file__).parent.glob("*.py"))


def test_estimation_is_one_idea_per_module() -> None:
    assert [p.name for p in ESTIMATION_MODULES] == [
        "__init__.py", "dimensions.py", "display.py", "figures.py", "formula.py", "grading.py", "quantity.py",
        "variation.py",
    ]


@pytest.mark.parametrize("path", ESTIMATION_MODULES, ids=lambda p: p.name)
def test_core_module_imports_no_ui_libraries(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    for lib in ("typer", "rich", "questionary", "prompt_toolkit"):
        assert f"import {lib}" not in source and f"from {lib}" not in source
    for call in ("eval(", "exec(", "compile("):
        assert f" {call}" not in source.replace("ast.parse", "")


def test_vary_is_the_function_not_a_module() -> None:
    import mockinterview.estimation as package

    assert callable(package.vary) and package.vary.__module__ == "mockinterview.estimation.variation"


def test_errors_are_mockinterview_errors() -> None:
    assert issubclass(FormulaError, MockInterviewError)
    assert issubclass(QuantityError, MockInterviewError)


# ----------------------------------------------------------------------------------
# Formulas
# ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "values", "expected"),
    [
        ("a + b", {"a": 1, "b": 2}, 3),
        ("a - b", {"a": 1, "b": 2}, -1),
        ("a * b", {"a": 3, "b": 2}, 6),
        ("a / b", {"a": 3, "b": 2}, 1.5),
        ("a ** 2", {"a": 3}, 9),
        ("-a", {"a": 3}, -3),
        ("+a", {"a": 3}, 3),
        ("(a + b) * 2", {"a": 1, "b": 2}, 6),
        ("1e6 / 86400", {}, 1e6 / 86400),
        ("2 ** 10", {}, 1024),
        ("urls_per_day / 86400", {"urls_per_day": 1e8}, 1e8 / 86400),
    ],
)
def test_formula_evaluates(text: str, values: dict[str, float], expected: float) -> None:
    f = compile_formula(text)
    assert f.text == text
    assert f.evaluate(values) == pytest.approx(expected)


def test_formula_names() -> None:
    f = compile_formula("total_urls * bytes_per_url + 2 * total_urls")
    assert f.names == frozenset({"total_urls", "bytes_per_url"})
    assert isinstance(f.names, frozenset)


def test_unknown_name_is_named_with_known_ones() -> None:
    f = compile_formula("a * zeta")
    with pytest.raises(FormulaError) as exc:
        f.evaluate({"a": 1.0, "b": 2.0})
    assert "'zeta'" in exc.value.message
    assert "a, b" in exc.value.message


def test_compile_with_known_names() -> None:
    with pytest.raises(FormulaError, match=r"unknown name 'c'.*known names: a, b"):
        compile_formula("a + c", known=["a", "b"])
    assert compile_formula("a + b", known=["a", "b"]).names == {"a", "b"}


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("a.b", "attribute access"),
        ("a.__class__", "attribute access"),
        ("__import__('os')", "function calls"),
        ("__import__('os').system('true')", "not allowed"),
        ("pow(2, 3)", "function calls"),
        ("abs(-1)", "function calls"),
        ("a[0]", "subscripts"),
        ("a[1:2]", "subscripts"),
        ("[x for x in a]", "comprehensions"),
        ("{x: 1 for x in a}", "comprehensions"),
        ("(x for x in a)", "generator"),
        ("lambda: 1", "lambdas"),
        ("'hello'", "strings"),
        ("b'x'", "strings"),
        ("f'{a}'", "f-strings"),
        ("True", "True"),
        ("None", "None"),
        ("a < b", "comparisons"),
        ("a == b", "comparisons"),
        ("a and b", "boolean operators"),
        ("not a", "not"),
        ("a if b else 1", "conditional"),
        ("a // b", "//"),
        ("a % b", "%"),
        ("a @ b", "@"),
        ("a << 2", "<<"),
        ("a | b", "|"),
        ("~a", "~"),
        ("[1, 2]", "lists"),
        ("(1, 2)", "tuples"),
        ("{1: 2}", "dicts"),
        ("1j", "complex"),
    ],
)
def test_forbidden_constructs(text: str, fragment: str) -> None:
    with pytest.raises(FormulaError) as exc:
        compile_formula(text)
    assert fragment in exc.value.message
    assert "not allowed" in exc.value.message


@pytest.mark.parametrize(
    "text",
    ["import os", "a = 1", "(x := 1)", "a +", "", "   ", "del a", "a; b", "def f(): pass"],
)
def test_invalid_syntax_and_statements(text: str) -> None:
    with pytest.raises(FormulaError):
        compile_formula(text)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("10**10**10", {}),
        ("9**999", {}),
        ("2 ** -200", {}),
        ("a ** b", {"a": 10.0, "b": 1000.0}),
        ("1e999", {}),
        ("10 ** 31", {}),
        ("a * a", {"a": 1e20}),
        ("1" * 40, {}),
        ("1 / 0", {}),
        ("a / (b - b)", {"a": 1.0, "b": 2.0}),
        ("(-8) ** 0.5", {}),
        ("0 ** -1", {}),
    ],
)
def test_huge_or_undefined_values_are_errors(text: str, values: dict[str, float]) -> None:
    with pytest.raises(FormulaError):
        compile_formula(text).evaluate(values)


def test_huge_exponent_message() -> None:
    with pytest.raises(FormulaError, match=r"exponent .* too large"):
        compile_formula("9**999").evaluate({})


def test_deep_nesting_and_long_formulas_refused_cleanly() -> None:
    with pytest.raises(FormulaError):
        compile_formula("(" * 300 + "1" + ")" * 300)
    with pytest.raises(FormulaError, match="too long"):
        compile_formula("a + " * 200 + "a")
    with pytest.raises(FormulaError):
        compile_formula("-" * 120 + "1")


# ----------------------------------------------------------------------------------
# check_estimation
# ----------------------------------------------------------------------------------


def test_check_clean_estimation() -> None:
    assert check_estimation(make_est()) == []


def test_check_forward_reference() -> None:
    est = make_est()
    data = est.model_dump()
    data["figures"][1]["formula"] = "read_qps / 50"  # read_qps is figure 2
    problems = check_estimation(Estimation.model_validate(data))
    assert problems, problems
    loc, message = problems[0]
    assert loc == ("estimation", "figures", 1, "formula")
    assert "'read_qps'" in message and "later" in message


def test_check_unknown_name_and_self_reference() -> None:
    data = make_est().model_dump()
    data["figures"][0]["formula"] = "url_per_day / 86400"
    data["figures"][2]["formula"] = "read_qps * 2"
    problems = dict(check_estimation(Estimation.model_validate(data)))
    assert "unknown name 'url_per_day'" in problems[("estimation", "figures", 0, "formula")]
    assert "itself" in problems[("estimation", "figures", 2, "formula")]
    # Figures depending on the broken write_qps are not reported again.
    assert ("estimation", "figures", 1, "formula") not in problems


def test_check_forbidden_syntax() -> None:
    data = make_est().model_dump()
    data["figures"][0]["formula"] = "__import__('os').getcwd()"
    problems = check_estimation(Estimation.model_validate(data))
    assert problems[0][0] == ("estimation", "figures", 0, "formula")
    assert "not allowed" in problems[0][1]


def test_check_stated_value_out_of_tolerance() -> None:
    data = make_est().model_dump()
    data["figures"][4]["stated_value"] = 120e12  # the formula gives 91.25 TB
    problems = check_estimation(Estimation.model_validate(data))
    assert len(problems) == 1
    loc, message = problems[0]
    assert loc == ("estimation", "figures", 4, "stated_value")
    assert "91.3 TB" in message and "120 TB" in message
    assert "tolerance" in message


def test_check_stated_value_within_tolerance() -> None:
    data = make_est().model_dump()
    data["figures"][4]["stated_value"] = 91e12  # 0.3% off, default tolerance 5%
    assert check_estimation(Estimation.model_validate(data)) == []
    data["figures"][4]["stated_value"] = 80e12  # 12% off
    data["figures"][4]["tolerance"] = 0.15
    assert check_estimation(Estimation.model_validate(data)) == []


def test_check_division_by_zero() -> None:
    data = make_est().model_dump()
    data["figures"][1]["formula"] = "write_qps / (read_ratio - 100)"
    problems = check_estimation(Estimation.model_validate(data))
    assert problems[0][0] == ("estimation", "figures", 1, "formula")
    assert "division by zero" in problems[0][1]


# ----------------------------------------------------------------------------------
# compute and derivation
# ----------------------------------------------------------------------------------


def test_compute() -> None:
    values = compute(make_est())
    assert values["urls_per_day"] == 1e8
    assert values["write_qps"] == pytest.approx(1157.407, rel=1e-6)
    assert values["peak_write_qps"] == pytest.approx(2314.815, rel=1e-6)
    assert values["read_qps"] == pytest.approx(115740.7, rel=1e-6)
    assert values["total_urls"] == pytest.approx(182.5e9)
    assert values["storage"] == pytest.approx(91.25e12)
    assert list(values)[:4] == ["urls_per_day", "read_ratio", "years", "bytes_per_url"]


def test_compute_with_overrides() -> None:
    values = compute(make_est(), {"urls_per_day": 864e6})
    assert values["write_qps"] == pytest.approx(10_000)
    with pytest.raises(FormulaError, match="not an assumption"):
        compute(make_est(), {"write_qps": 1.0})


def test_derivation_lines() -> None:
    est = make_est()
    lines = derivation(est, "peak_write_qps", compute(est))
    assert lines == [
        "write_qps = urls_per_day / 86400 = 100M/day / 86,400 = 1,157/s",
        "peak_write_qps = write_qps * 2 = 1,157/s * 2 = 2,315/s",
    ]


def test_derivation_includes_each_dependency_once_in_order() -> None:
    est = make_est()
    data = est.model_dump()
    data["figures"].append(
        {"name": "both", "label": "Both", "formula": "peak_write_qps + read_qps + write_qps", "unit": "per_second"}
    )
    est = Estimation.model_validate(data)
    lines = derivation(est, "both", compute(est))
    names = [line.split(" = ")[0] for line in lines]
    assert names == ["write_qps", "peak_write_qps", "read_qps", "both"]
    assert "100x" in lines[2]  # the ratio assumption, substituted


def test_derivation_storage_shows_units() -> None:
    est = make_est()
    lines = derivation(est, "storage", compute(est))
    assert lines[0] == "total_urls = urls_per_day * 365 * years = 100M/day * 365 * 5 years = 182.5B"
    assert lines[1] == "storage = total_urls * bytes_per_url = 182.5B * 500 B = 91.3 TB"


def test_derivation_uses_given_values() -> None:
    est = make_est()
    values = compute(est, {"urls_per_day": 2e8})
    lines = derivation(est, "write_qps", values)
    assert lines == ["write_qps = urls_per_day / 86400 = 200M/day / 86,400 = 2,315/s"]
    # Only assumptions given: figures are computed on the way.
    only = {k: v for k, v in values.items() if k in {a.name for a in est.assumptions}}
    assert derivation(est, "peak_write_qps", only)[-1].endswith("= 4,630/s")


def test_derivation_unknown_figure() -> None:
    est = make_est()
    with pytest.raises(FormulaError, match="unknown figure 'nope'"):
        derivation(est, "nope", compute(est))


# ----------------------------------------------------------------------------------
# Parsing quantities
# ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        # counts
        ("1200", U.count, 1200),
        ("1,200", U.count, 1200),
        ("1_200", U.count, 1200),
        ("1.2k", U.count, 1200),
        ("1.2K", U.count, 1200),
        ("115K", U.count, 115_000),
        ("10B", U.count, 10e9),
        ("10b", U.count, 10e9),
        ("10 bn", U.count, 10e9),
        ("3M", U.count, 3e6),
        ("3m", U.count, 3e6),
        ("2T", U.count, 2e12),
        ("2.4e3", U.count, 2400),
        ("2.4E3", U.count, 2400),
        ("~1,200", U.count, 1200),
        ("~ 1,200", U.count, 1200),
        ("about 58K", U.count, 58_000),
        ("roughly 1.5 million", U.count, 1.5e6),
        ("approximately 2 billion", U.count, 2e9),
        ("182.5B", U.count, 182.5e9),
        ("100M urls", U.count, 1e8),
        ("  1,234,567  ", U.count, 1_234_567),
        (".5K", U.count, 500),
        # rates (count per time)
        ("350", U.per_second, 350),
        ("1.2K", U.per_second, 1200),
        ("350/s", U.per_second, 350),
        ("350 /s", U.per_second, 350),
        ("350/sec", U.per_second, 350),
        ("350 per second", U.per_second, 350),
        ("350 per sec", U.per_second, 350),
        ("58K QPS", U.per_second, 58_000),
        ("58k qps", U.per_second, 58_000),
        ("1200 rps", U.per_second, 1200),
        ("174k msg/s", U.per_second, 174_000),
        ("115K writes per second", U.per_second, 115_000),
        ("1.2K req/s", U.per_second, 1200),
        ("100M/day", U.per_second, 1e8 / 86400),
        ("100M/day", U.per_day, 1e8),
        ("100M per day", U.per_day, 1e8),
        ("100M/d", U.per_day, 1e8),
        ("5B/day", U.per_day, 5e9),
        ("5B/day", U.per_second, 5e9 / 86400),
        ("1,157/s", U.per_day, 1157 * 86400),
        ("60/min", U.per_second, 1),
        ("3600/h", U.per_second, 1),
        ("3600/hour", U.per_second, 1),
        ("7/week", U.per_day, 1),
        ("30/month", U.per_day, 1),
        ("365/year", U.per_day, 1),
        ("36.5B/year", U.per_day, 1e8),
        ("100M/day", U.per_year, 365e8),
        ("36.5B", U.per_year, 36.5e9),
        # bytes (decimal)
        ("500", U.bytes, 500),
        ("10B", U.bytes, 10),
        ("10 bytes", U.bytes, 10),
        ("1KB", U.bytes, 1e3),
        ("1 kB", U.bytes, 1e3),
        ("1kb", U.bytes, 1e3),
        ("500GB", U.bytes, 500e9),
        ("500 GB", U.bytes, 500e9),
        ("91TB", U.bytes, 91e12),
        ("91 TB", U.bytes, 91e12),
        ("91T", U.bytes, 91e12),
        ("1.5M", U.bytes, 1.5e6),
        ("2 PB", U.bytes, 2e15),
        ("2 terabytes", U.bytes, 2e12),
        ("~91 TB", U.bytes, 91e12),
        # bytes (binary, only when explicit)
        ("1KiB", U.bytes, 1024),
        ("1 MiB", U.bytes, 2**20),
        ("2 GiB", U.bytes, 2 * 2**30),
        ("1TiB", U.bytes, 2**40),
        ("1 PiB", U.bytes, 2**50),
        # byte rates
        ("17.4MB/s", U.bytes_per_second, 17.4e6),
        ("35 MB/sec", U.bytes_per_second, 35e6),
        ("35 MB per second", U.bytes_per_second, 35e6),
        ("17.4M", U.bytes_per_second, 17.4e6),
        ("500GB/day", U.bytes_per_day, 500e9),
        ("500GB/day", U.bytes_per_second, 500e9 / 86400),
        ("500 GB", U.bytes_per_day, 500e9),
        ("180TB/year", U.bytes_per_year, 180e12),
        ("540TB/year", U.bytes_per_year, 540e12),
        ("540TB/year", U.bytes_per_second, 540e12 / (365 * 86400)),
        ("10B/s", U.bytes_per_second, 10),
        # durations
        ("5", U.years, 5),
        ("5 years", U.years, 5),
        ("5y", U.years, 5),
        ("5 yrs", U.years, 5),
        ("18 months", U.years, 18 * 30 / 365),
        ("2 h", U.hours, 2),
        ("90 min", U.hours, 1.5),
        ("2 days", U.hours, 48),
        ("30 days", U.days, 30),
        ("2 weeks", U.days, 14),
        ("1 year", U.days, 365),
        ("30 s", U.seconds, 30),
        ("2 min", U.seconds, 120),
        # ratios
        ("100", U.ratio, 100),
        ("100x", U.ratio, 100),
        ("100 x", U.ratio, 100),
        ("100:1", U.ratio, 100),
        ("1:4", U.ratio, 0.25),
        ("80%", U.ratio, 0.8),
    ],
)
def test_parse_quantity_accepts(text: str, unit: Unit, expected: float) -> None:
    assert parse_quantity(text, unit) == pytest.approx(expected, rel=1e-12)


def test_parse_unit_as_string() -> None:
    assert parse_quantity("1.2K/s", "per_second") == 1200  # type: ignore[arg-type]


def test_per_day_per_second_round_trip() -> None:
    qps = parse_quantity("100M/day", U.per_second)
    assert qps == pytest.approx(1157.407407, rel=1e-9)
    assert parse_quantity(f"{qps}/s", U.per_day) == pytest.approx(1e8, rel=1e-12)
    assert parse_quantity("100M/day", U.per_day) == 1e8  # exact, no float drift


@pytest.mark.parametrize(
    ("text", "unit", "fragments"),
    [
        ("", U.count, ["nothing was typed", "1.2K"]),
        ("abc", U.count, ["cannot read 'abc'", "expected a count", "1,200", "1.2K", "10B"]),
        ("12 gigs", U.count, ["expected a count"]),
        ("1,2", U.count, ["expected a count"]),
        ("1200,000", U.count, ["expected a count"]),
        ("1..2", U.count, ["expected a count"]),
        ("1.2.3", U.count, ["expected a count"]),
        ("k", U.count, ["expected a count"]),
        ("0", U.count, ["greater than zero"]),
        ("-5", U.count, ["greater than zero"]),
        ("-1.2K/s", U.per_second, ["greater than zero"]),
        ("0 GB", U.bytes, ["greater than zero"]),
        ("1e999", U.count, ["too large"]),
        # a rate for a non-rate figure
        ("58K QPS", U.count, ["is a rate", "expected a count"]),
        ("100M/day", U.count, ["is a rate"]),
        ("100M/day", U.bytes, ["is a rate", "expected a size in bytes"]),
        ("5 years/day", U.years, ["is a rate"]),
        # bytes for a count or a count-rate
        ("10GB", U.count, ["size in bytes", "expected a count"]),
        ("10 bytes", U.count, ["size in bytes"]),
        ("17.4MB/s", U.per_second, ["size in bytes", "expected a rate per second"]),
        # durations where they do not belong, and vice versa
        ("5 years", U.count, ["duration"]),
        ("5 GB", U.years, ["not a duration"]),
        ("5M", U.years, ["not a duration"]),
        # bad rate units
        ("350/fortnight", U.per_second, ["not a time unit", "350 per second", "58K QPS"]),
        ("350 per parsec", U.per_second, ["not a time unit"]),
        ("1 Xb", U.bytes, ["expected a size in bytes"]),
        ("1 iB", U.bytes, ["not a unit"]),
        ("1:0", U.ratio, ["positive"]),
        ("a:b", U.ratio, ["expected a ratio", "100x"]),
    ],
)
def test_parse_quantity_rejects(text: str, unit: Unit, fragments: list[str]) -> None:
    with pytest.raises(QuantityError) as exc:
        parse_quantity(text, unit)
    for fragment in fragments:
        assert fragment in exc.value.message


@pytest.mark.parametrize(
    ("unit", "examples"),
    [
        (U.count, ["1,200", "1.2K", "10B", "2.4e3"]),
        (U.per_second, ["1.2K/s", "350 per second", "58K QPS", "100M/day", "taken per second"]),
        (U.per_day, ["100M/day", "taken per day"]),
        (U.bytes, ["91TB", "500 GB", "decimal", "1 KB = 1,000 bytes", "KiB"]),
        (U.bytes_per_second, ["17.4MB/s", "35 MB/sec", "decimal"]),
        (U.years, ["5 years"]),
        (U.ratio, ["100x", "100:1"]),
    ],
)
def test_parse_error_shows_examples(unit: Unit, examples: list[str]) -> None:
    with pytest.raises(QuantityError) as exc:
        parse_quantity("lots", unit)
    for example in examples:
        assert example in exc.value.message
    for example in est_mod.unit_examples(unit):
        # Every advertised example parses for its unit.
        assert parse_quantity(example, unit) > 0


def test_every_unit_has_examples_that_parse() -> None:
    for unit in Unit:
        examples = est_mod.unit_examples(unit)
        assert examples
        for example in examples:
            assert parse_quantity(example, unit) > 0


# ----------------------------------------------------------------------------------
# Formatting
# ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (1157.407, U.per_second, "1,157/s"),
        (115_740.7, U.per_second, "115.7K/s"),
        (350, U.per_second, "350/s"),
        (0.5, U.per_second, "0.5/s"),
        (91.25e12, U.bytes, "91.3 TB"),
        (500e9, U.bytes, "500 GB"),
        (512, U.bytes, "512 B"),
        (1.157e3, U.bytes, "1.16 KB"),
        (500e9, U.bytes_per_day, "500 GB/day"),
        (17.4e6, U.bytes_per_second, "17.4 MB/s"),
        (180e12, U.bytes_per_year, "180 TB/year"),
        (182.5e9, U.count, "182.5B"),
        (1.5e6, U.count, "1.5M"),
        (1.157e6, U.count, "1.16M"),
        (9_999, U.count, "9,999"),
        (10_000, U.count, "10K"),
        (999_960, U.count, "1M"),
        (2e12, U.count, "2T"),
        (2.5, U.count, "2.5"),
        (0, U.count, "0"),
        (1e8, U.per_day, "100M/day"),
        (36.5e9, U.per_year, "36.5B/year"),
        (5, U.years, "5 years"),
        (1, U.years, "1 year"),
        (2.5, U.hours, "2.5 hours"),
        (30, U.days, "30 days"),
        (45, U.seconds, "45 seconds"),
        (100, U.ratio, "100x"),
        (0.8, U.ratio, "0.8"),
        (1.3, U.ratio, "1.3x"),
    ],
)
def test_format_quantity(value: float, unit: Unit, expected: str) -> None:
    assert format_quantity(value, unit) == expected


@pytest.mark.parametrize(
    ("value", "unit"),
    [
        (1157.407, U.per_second),
        (115_740.7, U.per_second),
        (91.25e12, U.bytes),
        (17.4e6, U.bytes_per_second),
        (182.5e9, U.count),
        (1e8, U.per_day),
        (5, U.years),
        (100, U.ratio),
    ],
)
def test_formatted_values_parse_back(value: float, unit: Unit) -> None:
    assert parse_quantity(format_quantity(value, unit), unit) == pytest.approx(value, rel=0.01)


# ----------------------------------------------------------------------------------
# Grading
# ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "reference", "expected"),
    [
        (1000, 1000, Grade.ON_TARGET),
        (2000, 1000, Grade.ON_TARGET),  # exactly 2x
        (500, 1000, Grade.ON_TARGET),  # exactly 0.5x
        (2001, 1000, Grade.ORDER_OF_MAGNITUDE),  # just over 2x
        (499, 1000, Grade.ORDER_OF_MAGNITUDE),  # just under 0.5x
        (10_000, 1000, Grade.ORDER_OF_MAGNITUDE),  # exactly 10x
        (100, 1000, Grade.ORDER_OF_MAGNITUDE),  # exactly 0.1x
        (10_001, 1000, Grade.OFF),  # just over 10x
        (99.9, 1000, Grade.OFF),
        (2 * 1157.4074074074074, 1157.4074074074074, Grade.ON_TARGET),
        (10 * (1e8 / 86400), 1e8 / 86400, Grade.ORDER_OF_MAGNITUDE),
        (-1000, 1000, Grade.OFF),
        (1, 0, Grade.OFF),
    ],
)
def test_grade_boundaries(answer: float, reference: float, expected: Grade) -> None:
    assert grade(answer, reference) is expected


def test_grade_values_and_labels() -> None:
    assert Grade.ON_TARGET.value == "on_target"
    assert "2x" in Grade.ON_TARGET.label
    assert "10x" in Grade.ORDER_OF_MAGNITUDE.label


def test_grade_answers() -> None:
    est = make_est()
    values = compute(est)
    result = grade_answers(est, {"write_qps": 2000, "read_qps": 1e6, "storage": 1e12, "total_urls": 5.0}, values)
    assert isinstance(result, EstimationResult)
    # total_urls is not asked; peak_write_qps is skipped.
    assert [f.name for f in result.figures] == ["write_qps", "peak_write_qps", "read_qps", "storage"]
    by = {f.name: f for f in result.figures}
    assert by["write_qps"].grade is Grade.ON_TARGET
    assert by["write_qps"].ratio == pytest.approx(2000 / values["write_qps"])
    assert by["peak_write_qps"].answer is None and by["peak_write_qps"].grade is None
    assert by["peak_write_qps"].ratio is None
    assert by["read_qps"].grade is Grade.ORDER_OF_MAGNITUDE
    assert by["storage"].grade is Grade.OFF
    assert by["storage"].label == "Storage" and by["storage"].unit is U.bytes
    assert by["storage"].reference == pytest.approx(91.25e12)
    assert by["storage"].derivation[-1].endswith("= 91.3 TB")
    assert result.counts == {"on_target": 1, "order_of_magnitude": 1, "off": 1, "skipped": 1}
    assert (result.asked, result.answered, result.skipped) == (4, 3, 1)
    with pytest.raises(AttributeError):
        result.figures[0].answer = 1.0  # type: ignore[misc]


def test_grade_answers_to_dict_is_json() -> None:
    est = make_est()
    result = grade_answers(est, {"write_qps": 1200}, compute(est))
    data = json.loads(json.dumps(result.to_dict()))
    assert data["summary"]["on_target"] == 1
    assert data["summary"]["skipped"] == 3
    first = data["figures"][0]
    assert first["grade"] == "on_target"
    assert first["unit"] == "per_second"
    assert first["reference_text"] == "1,157/s"
    assert first["answer_text"] == "1,200/s"
    assert first["derivation"] == ["write_qps = urls_per_day / 86400 = 100M/day / 86,400 = 1,157/s"]
    assert data["suggested_scalability"] == suggested_scalability(result)
    assert isinstance(result.figures[0], FigureResult)
    assert json.loads(json.dumps(result.figures[0].to_dict())) == first


def _result(*grades: Grade | None) -> EstimationResult:
    return EstimationResult(
        tuple(
            FigureResult(
                name=f"f{i}",
                label=f"F{i}",
                unit=U.count,
                reference=1.0,
                answer=None if g is None else 1.0,
                ratio=None if g is None else 1.0,
                grade=g,
                derivation=(),
            )
            for i, g in enumerate(grades)
        )
    )


ON, NEAR, OFF = Grade.ON_TARGET, Grade.ORDER_OF_MAGNITUDE, Grade.OFF


@pytest.mark.parametrize(
    ("grades", "expected"),
    [
        ((ON, ON, ON, ON), 5),
        ((ON, ON, ON, NEAR), 4),
        ((ON, ON, ON, None), 4),
        ((ON, ON, NEAR, OFF), 3),
        ((ON, NEAR, NEAR, NEAR), 2),
        ((NEAR, NEAR, NEAR, NEAR), 2),
        ((ON, OFF, OFF, OFF), 1),
        ((OFF, OFF, OFF, OFF), 1),
        ((ON, None, None, None), 1),
        ((None, None), None),
        ((), None),
    ],
)
def test_suggested_scalability(grades: tuple[Grade | None, ...], expected: int | None) -> None:
    assert suggested_scalability(_result(*grades)) == expected


# ----------------------------------------------------------------------------------
# vary
# ----------------------------------------------------------------------------------


def _sig_figs(x: float) -> int:
    digits = f"{x:.15e}".split("e")[0].replace(".", "").rstrip("0")
    return len(digits)


def test_vary_is_reproducible_and_in_range() -> None:
    est = make_est()
    assert vary(est, 42) == vary(est, 42)
    ranges = {a.name: a.vary for a in est.assumptions}
    draws = [vary(est, seed) for seed in range(50)]
    assert len({d["urls_per_day"] for d in draws}) > 5  # it does vary
    for d in draws:
        assert set(d) == set(ranges)
        assert d["bytes_per_url"] == 500  # no vary: unchanged
        for name, rng in ranges.items():
            if rng is not None:
                lo, hi = rng
                assert lo <= d[name] <= hi
                assert _sig_figs(d[name]) <= 2
        assert d["years"] == int(d["years"])  # whole-number assumption stays whole


def test_vary_feeds_compute() -> None:
    est = make_est()
    drawn = vary(est, 7)
    values = compute(est, drawn)
    assert values["write_qps"] == pytest.approx(drawn["urls_per_day"] / 86400)


def test_vary_narrow_and_degenerate_ranges() -> None:
    est = Estimation.model_validate(
        {
            "assumptions": [
                {"name": "a", "label": "A", "value": 1234, "unit": "count", "vary": [1234, 1236]},
                {"name": "b", "label": "B", "value": 7, "unit": "count", "vary": [7, 7]},
            ],
            "figures": [{"name": "c", "label": "C", "formula": "a + b", "unit": "count"}],
        }
    )
    for seed in range(20):
        d = vary(est, seed)
        assert 1234 <= d["a"] <= 1236
        assert d["b"] == 7


# ----------------------------------------------------------------------------------
# Bundled scenarios: every reference figure against the document's stated figure
# ----------------------------------------------------------------------------------

SCENARIO_DIR = Path(__file__).resolve().parents[2] / "scenarios"
SCENARIO_FILES = sorted(SCENARIO_DIR.glob("*.yaml"))


def test_the_five_seed_scenarios_are_bundled() -> None:
    assert {"chat-system", "global-cdn", "recommendation-system", "social-media-feed", "url-shortener"} <= {
        p.stem for p in SCENARIO_FILES
    }


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p.name)
def test_bundled_scenario_figures_match_the_document(path: Path) -> None:
    from mockinterview.content import yamlio
    from mockinterview.content.scenario import Scenario

    scenario = yamlio.load(Scenario, path)
    assert scenario.estimation is not None, "every scenario carries its capacity estimation"
    assert check_estimation(scenario.estimation) == []
    values = compute(scenario.estimation)
    for fig in scenario.estimation.figures:
        assert math.isfinite(values[fig.name])
        assert derivation(scenario.estimation, fig.name, values)
        if fig.stated_value is not None:
            assert abs(values[fig.name] - fig.stated_value) <= fig.tolerance * abs(fig.stated_value), fig.name
        else:
            assert fig.derived, f"{fig.name}: a figure without the document's value must be marked derived"


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p.name)
def test_varied_assumptions_stay_plausible(path: Path) -> None:
    """Drawn assumptions never make a part bigger than its whole (e.g. DAU > users)."""
    from mockinterview.content import yamlio
    from mockinterview.content.scenario import Scenario

    est = yamlio.load(Scenario, path).estimation
    assert est is not None
    for seed in range(30):
        values = compute(est, vary(est, seed))
        assert all(math.isfinite(v) and v > 0 for v in values.values())
        if "daily_active_users" in values and "total_members" in values:
            assert values["daily_active_users"] <= values["total_members"]


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p.name)
def test_no_sentence_is_cut_short_by_a_yaml_comment(path: Path) -> None:
    """An unquoted ' #' starts a comment; a quote left open is the tell-tale sign."""
    import yaml

    def scalars(node):  # type: ignore[no-untyped-def]
        if isinstance(node, yaml.ScalarNode):
            yield node
        elif isinstance(node, yaml.SequenceNode):
            for n in node.value:
                yield from scalars(n)
        elif isinstance(node, yaml.MappingNode):
            for _k, v in node.value:
                yield from scalars(v)

    root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    cut = [
        f"line {n.start_mark.line + 1}: {n.value[:60]}"
        for n in scalars(root)
        if n.style is None and n.value.count('"') % 2 == 1
    ]
    assert cut == []
