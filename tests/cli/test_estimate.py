"""`mockinterview estimate`: the back-of-the-envelope drill, from a file and interactively."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mockinterview.errors import ContentError

# url-shortener's document figures: write 1,157/s, peak write 2,315/s, reads 10B/day,
# read 115.7K/s, peak read 231.5K/s, 182.5B URLs, 91.3 TB.
GOOD = """\
write_qps: 1.2K/s
peak_write_qps: 24K/s   # 10x too high: off
reads_per_day: 10B
read_qps: 50000
total_urls: 182.5B
total_storage: 91 TB
"""

TINY = """\
id: tiny
title: A tiny scenario
level: entry
focus: basics
minutes: 10
summary: Nothing to estimate here.
source: {document: test, section: test}
opening: Design something small.
clarify: [What is it for?]
phases:
  - {id: design, kind: high_level_design, title: Design, minutes: 10, goal: Sketch it.}
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ----------------------------------------------------------------------------------
# --answers
# ----------------------------------------------------------------------------------


def test_answers_file_prints_the_graded_table_and_the_summary(invoke, tmp_path: Path) -> None:
    result = invoke("estimate", "url-shortener", "--answers", str(write(tmp_path, "a.yaml", GOOD)))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Design a URL Shortener" in out
    assert "URLs shortened per day" in out and "100M/day" in out  # the assumptions
    rows = {line.split("  ")[0]: line for line in out.splitlines() if line.strip()}
    assert "1,200/s" in rows["Average write QPS"] and "✓ on target" in rows["Average write QPS"]
    assert "24K/s" in rows["Peak write QPS"] and "2,315/s" in rows["Peak write QPS"]
    assert "✗ off" in rows["Peak write QPS"] and "10.4x" in rows["Peak write QPS"]
    assert "≈ within 10x" in rows["Average read QPS"]
    assert "– skipped" in rows["Peak read QPS"]  # missing from the file
    assert "6 of 7 figures answered" in out
    assert "4 on target" in out and "1 right order of magnitude" in out and "1 off" in out and "1 skipped" in out
    assert "Suggested scalability_understanding score: 4/5" in out
    assert "seed" not in out  # nothing varied


def test_an_off_by_10x_answer_shows_its_derivation_step_by_step(invoke, tmp_path: Path) -> None:
    result = invoke("estimate", "url-shortener", "--answers", str(write(tmp_path, "a.yaml", GOOD)))
    out = result.stdout
    derived = out[out.index("How the figures you missed are derived"):]
    assert "Peak write QPS (peak_write_qps)" in derived
    assert "24K/s is 10.4x too high; the reference is 2,315/s" in derived
    assert "write_qps      = urls_per_day / (24 * 3600)" in derived
    assert "= 100M/day / (24 * 3,600)" in derived
    assert "= 1,157/s  (you: 1,200/s ✓)" in derived  # the earlier step the user got right
    assert "= 1,157/s * 2x" in derived
    # on-target figures are not explained; misses and skips are
    assert "Average write QPS (write_qps)" not in derived
    assert "Average read QPS (read_qps)" in derived and "Peak read QPS (peak_read_qps)" in derived


def test_output_fits_80_columns(invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    answers = write(tmp_path, "a.yaml", "{}")
    for sid in ("url-shortener", "chat-system", "global-cdn", "recommendation-system", "social-media-feed"):
        result = invoke("estimate", sid, "--answers", str(answers), "--vary", "--seed", "3")
        assert result.exit_code == 0, result.output
        assert max(len(line.rstrip()) for line in result.stdout.splitlines()) <= 80, sid


def test_json_is_one_document_with_the_result(invoke, tmp_path: Path) -> None:
    result = invoke("estimate", "url-shortener", "--answers", str(write(tmp_path, "a.yaml", GOOD)), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"scenario", "seed", "assumptions", "figures", "summary", "suggested_scalability"}
    assert data["scenario"] == "url-shortener"
    assert data["seed"] is None
    assert data["assumptions"]["urls_per_day"] == 100_000_000
    figures = {f["name"]: f for f in data["figures"]}
    assert len(figures) == 7
    assert figures["write_qps"]["answer"] == 1200 and figures["write_qps"]["grade"] == "on_target"
    assert figures["peak_write_qps"]["grade"] == "off"
    assert figures["peak_write_qps"]["derivation"][-1].startswith("peak_write_qps = write_qps * peak_factor")
    assert figures["peak_read_qps"]["answer"] is None and figures["peak_read_qps"]["grade"] is None
    assert data["summary"] == {
        "asked": 7, "answered": 6, "on_target": 4, "order_of_magnitude": 1, "off": 1, "skipped": 1,
    }
    assert data["suggested_scalability"] == 4


def test_numbers_and_empty_values_in_the_answers_file(invoke, tmp_path: Path) -> None:
    path = write(tmp_path, "a.yaml", "write_qps: 1157\nreads_per_day: 1.0e10\npeak_read_qps:\n")
    data = json.loads(invoke("estimate", "url-shortener", "--answers", str(path), "--json").stdout)
    figures = {f["name"]: f for f in data["figures"]}
    assert figures["write_qps"]["grade"] == "on_target"
    assert figures["reads_per_day"]["answer"] == 1e10
    assert figures["peak_read_qps"]["grade"] is None  # no value: skipped
    assert data["summary"]["answered"] == 2


# ----------------------------------------------------------------------------------
# --vary / --seed
# ----------------------------------------------------------------------------------


def _assumptions(invoke, answers: Path, *extra: str) -> dict[str, float]:
    result = invoke("estimate", "chat-system", "--answers", str(answers), "--json", "--vary", *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_vary_with_a_seed_is_reproducible(invoke, tmp_path: Path) -> None:
    answers = write(tmp_path, "a.yaml", "message_qps: 58K/s\n")
    first, again, other = (_assumptions(invoke, answers, "--seed", s) for s in ("4821", "4821", "4822"))
    assert first == again
    assert first["seed"] == 4821
    assert other["assumptions"] != first["assumptions"]
    doc = _assumptions(invoke, answers, "--seed", "4821")  # and the references follow the assumptions
    ref = {f["name"]: f["reference"] for f in doc["figures"]}
    a = doc["assumptions"]
    assert ref["messages_per_day"] == pytest.approx(a["daily_active_users"] * a["messages_per_user_per_day"])


def test_vary_without_a_seed_prints_one_to_replay(invoke, tmp_path: Path) -> None:
    answers = write(tmp_path, "a.yaml", "{}")
    result = invoke("estimate", "url-shortener", "--answers", str(answers), "--vary")
    assert result.exit_code == 0, result.output
    line = next(line for line in result.stdout.splitlines() if line.startswith("seed "))
    seed = line.split()[1].rstrip(":")
    assert line == f"seed {seed}: replay with --vary --seed {seed}"
    assert "document" in result.stdout  # the varied values next to the document's
    replay = invoke("estimate", "url-shortener", "--answers", str(answers), "--vary", "--seed", seed)
    assert replay.stdout == result.stdout
    data = json.loads(invoke("estimate", "url-shortener", "--answers", str(answers), "--vary", "--json").stdout)
    assert isinstance(data["seed"], int)


# ----------------------------------------------------------------------------------
# Errors
# ----------------------------------------------------------------------------------


def test_unknown_figure_names_the_file_line_and_figure(invoke, tmp_path: Path) -> None:
    path = write(tmp_path, "a.yaml", "write_qps: 1.2K/s\nwrite_qpss: 2K/s\n")
    result = invoke("estimate", "url-shortener", "--answers", str(path))
    assert result.exit_code == 1
    assert f"{path}:2:1: write_qpss: unknown figure" in result.stderr
    assert "write_qps" in result.stderr and result.stdout == ""


def test_unparseable_answer_names_the_file_line_and_figure(invoke, tmp_path: Path) -> None:
    path = write(tmp_path, "a.yaml", "write_qps: 1.2K/s\n\ntotal_storage: lots\n")
    result = invoke("estimate", "url-shortener", "--answers", str(path))
    assert result.exit_code == 1
    assert f"{path}:3:16: total_storage: cannot read 'lots'" in result.stderr
    assert "91TB" in result.stderr  # the unit's examples


def test_every_problem_in_the_answers_file_is_reported_at_once(tmp_path: Path) -> None:
    from mockinterview.cli.estimate import load_answers
    from mockinterview.content.catalogue import Catalogue

    est = Catalogue([]).get("url-shortener").estimation
    path = write(tmp_path, "a.yaml", "nope: 1\nwrite_qps: 5 GB\nurls_per_day: 100M\nread_qps: [1]\n")
    with pytest.raises(ContentError) as info:
        load_answers(path, est)
    got = [str(p) for p in info.value.problems]
    assert got[0].startswith(f"{path}:1:1: nope: unknown figure")
    assert got[1].startswith(f"{path}:2:12: write_qps: cannot read '5 GB'")
    assert got[2].startswith(f"{path}:3:1: urls_per_day: is an assumption, not a figure")
    assert got[3].startswith(f"{path}:4:11: read_qps: expected an answer")
    assert len(got) == 4


@pytest.mark.parametrize(("text", "message"), [("", "the file is empty"), ("- 1\n- 2\n", "expected a mapping")])
def test_answers_file_that_is_not_a_mapping(invoke, tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, "a.yaml", text)
    result = invoke("estimate", "url-shortener", "--answers", str(path))
    assert result.exit_code == 1
    assert str(path) in result.stderr and message in result.stderr


def test_missing_answers_file(invoke, tmp_path: Path) -> None:
    result = invoke("estimate", "url-shortener", "--answers", str(tmp_path / "none.yaml"))
    assert result.exit_code == 1
    assert "none.yaml: no such file" in result.stderr


def test_scenario_without_estimation(invoke, tmp_path: Path) -> None:
    folder = tmp_path / "extra"
    folder.mkdir()
    write(folder, "tiny.yaml", TINY)
    answers = write(tmp_path, "a.yaml", "{}")
    result = invoke("--scenarios", str(folder), "estimate", "tiny", "--answers", str(answers))
    assert result.exit_code == 1
    assert "'tiny' has no estimation section" in result.stderr
    result = invoke("--scenarios", str(folder), "estimate", "tiny")  # said before asking for a terminal
    assert result.exit_code == 1 and "no estimation section" in result.stderr


def test_unknown_scenario(invoke) -> None:
    result = invoke("estimate", "nope", "--answers", "x.yaml")
    assert result.exit_code == 1 and "no scenario 'nope'" in result.stderr


def test_no_terminal_without_answers_names_the_alternative(invoke) -> None:
    result = invoke("estimate", "url-shortener")
    assert result.exit_code == 2
    assert "needs a terminal" in result.stderr
    assert "--answers FILE.yaml" in result.stderr


def test_json_without_answers_in_a_terminal_is_a_usage_error(invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("mockinterview.ui.prompter.interactive", lambda: True)
    result = invoke("estimate", "url-shortener", "--json")
    assert result.exit_code == 2
    assert "--json needs --answers" in result.stderr and result.stdout == ""


# ----------------------------------------------------------------------------------
# Interactive
# ----------------------------------------------------------------------------------


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch):
    """A fake terminal: prompts read what the test sends through a prompt_toolkit pipe."""
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    monkeypatch.setattr("mockinterview.ui.prompter.interactive", lambda: True)
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        yield inp


def test_interactive_drill_grades_reasks_and_skips(invoke, terminal, monkeypatch: pytest.MonkeyPatch) -> None:
    from mockinterview.ui import estimate_view

    checked: list[tuple[str, bool | str]] = []
    make = estimate_view._validator

    def spy(unit, month=2_592_000.0):  # type: ignore[no-untyped-def]
        validate = make(unit, month)

        def check(text: str) -> bool | str:
            checked.append((text, validate(text)))
            return checked[-1][1]

        return check

    monkeypatch.setattr(estimate_view, "_validator", spy)
    # write_qps: "lots" is refused and stays in the field to be edited; Ctrl-U clears it,
    # then 1200; peak_write_qps: 24K/s (10x off); reads_per_day: 10B; read_qps: skipped;
    # peak_read_qps: 100M/day is read as 1,157/s (off); total_urls: 180B; total_storage: 91 TB.
    terminal.send_text("lots\r\x151200\r24K/s\r10B\r\r100M/day\r180B\r91 TB\r")
    result = invoke("estimate", "url-shortener")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "URLs shortened per day" in out  # the assumptions came first
    assert "[1/7] Average write QPS  (a rate per second)" in out
    assert "e.g. 1200, 1.2K/s, 350 per second, 58K QPS, 100M/day" in out
    assert "read as 1,200/s" in out  # after the bad "lots" was re-asked
    assert "read as 1,157/s" in out  # 100M/day for a per-second figure
    assert out.count("skipped") >= 2  # the echo and the table
    rows = {line.split("  ")[0]: line for line in out.splitlines() if line.strip()}
    assert "✓ on target" in rows["Average write QPS"]
    assert "✗ off" in rows["Peak write QPS"]
    assert "– skipped" in rows["Average read QPS"]
    assert "✗ off" in rows["Peak read QPS"]
    assert "How the figures you missed are derived" in out
    assert "Peak write QPS (peak_write_qps)" in out
    refused = [msg for text, msg in checked if text == "lots"]
    assert refused and refused[-1] == "cannot read 'lots': expected a rate per second, e.g. 1200 or 1.2K/s"
    assert "6 of 7 figures answered" in out
    assert "Suggested scalability_understanding score: 4/5" in out  # 4 of 7 on target: more than half


def test_ctrl_c_in_the_drill_exits_130(invoke, terminal) -> None:
    terminal.send_text("1200\r\x03")
    result = invoke("estimate", "url-shortener")
    assert result.exit_code == 130
    assert "interrupted" in result.stderr


def test_drill_returns_estimate_answers_for_the_session(terminal) -> None:
    import io

    from rich.console import Console

    from mockinterview import estimation
    from mockinterview.content.catalogue import Catalogue
    from mockinterview.interview.session import EstimateAnswer
    from mockinterview.ui import console, estimate_view

    scenario = Catalogue([]).get("url-shortener")
    values = estimation.vary(scenario.estimation, 11)
    terminal.send_text("\r" * 6 + "1 PB\r")  # skip six, answer the storage
    buf = io.StringIO()
    out = Console(file=buf, width=80, no_color=True, theme=console.THEME)
    answers = estimate_view.drill(out, scenario, values)
    assert [a.figure for a in answers] == [f.name for f in scenario.estimation.figures if f.ask]
    assert all(isinstance(a, EstimateAnswer) for a in answers)
    storage = answers[-1]
    reference = estimation.compute(scenario.estimation, values)["total_storage"]
    assert (storage.label, storage.unit, storage.answer) == ("Total storage", "bytes", 1e15)
    assert storage.reference == pytest.approx(reference)
    assert storage.grade == estimation.grade(1e15, reference).value
    assert all(a.answer is None and a.grade is None for a in answers[:-1])
    assert "document" in buf.getvalue()  # the varied assumptions were shown


# -- a month-based scenario, written as a user would from the System Design Primer -------------

PRIMER = """\
id: primer-pastebin
title: Pastebin, as the primer sizes it
level: entry
focus: general
minutes: 10
summary: The primer's Pastebin numbers.
source: {document: System Design Primer, section: Design Pastebin.com}
sources:
  - title: "System Design Primer: Design Pastebin.com (or Bit.ly)"
    url: https://github.com/donnemartin/system-design-primer
    licence: CC BY 4.0
opening: Design Pastebin.
clarify: [How many pastes a month?]
phases:
  - {id: estimation, kind: estimation, title: Estimation, minutes: 10, goal: Size it.}
estimation:
  seconds_per_month: 2500000
  assumptions:
    - {name: writes_per_month, label: Paste writes per month, value: 10000000, unit: per_month}
    - {name: bytes_per_paste, label: Bytes per paste, value: 1270, unit: bytes}
  figures:
    - name: write_qps
      label: Paste writes per second
      formula: writes_per_month / seconds_per_month
      unit: per_second
      stated: 4 paste writes per second on average
      stated_value: 4
    - name: content_per_month
      label: New paste content per month
      formula: writes_per_month * bytes_per_paste
      unit: bytes_per_month
      stated: 12.7 GB of new paste content per month
      stated_value: 12.7e9
    - name: links_in_3_years
      label: Shortlinks in 3 years
      formula: writes_per_month * 36
      unit: count
      stated: 360 million shortlinks in 3 years
      stated_value: 360e6
"""


def test_a_month_based_scenario_takes_monthly_answers_and_expressions(invoke, tmp_path: Path) -> None:
    folder = tmp_path / "primer"
    folder.mkdir()
    write(folder, "primer-pastebin.yaml", PRIMER)
    answers = write(tmp_path, "a.yaml", "write_qps: 10M/month\ncontent_per_month: 12.7GB/month\nlinks_in_3_years: 10M*36\n")
    result = invoke("--scenarios", str(folder), "estimate", "primer-pastebin", "--answers", str(answers), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [(f["answer"], f["reference"], f["grade"]) for f in data["figures"]] == [
        (4.0, 4.0, "on_target"), (12.7e9, 12.7e9, "on_target"), (360e6, 360e6, "on_target")
    ]
    assert data["figures"][1]["reference_text"] == "12.7 GB/month"
    assert data["figures"][1]["stated"] == "12.7 GB of new paste content per month"


def test_the_drill_shows_the_sources_wording_beside_the_reference(invoke, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    folder = tmp_path / "primer"
    folder.mkdir()
    write(folder, "primer-pastebin.yaml", PRIMER)
    answers = write(tmp_path, "a.yaml", "write_qps: 40/s\n")
    result = invoke("--scenarios", str(folder), "estimate", "primer-pastebin", "--answers", str(answers))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "source: 4 paste writes per second on average" in " ".join(out.split())
    assert "the reference is 4/s (the source: 4 paste writes per second on average)" in " ".join(out.split())
    assert all(len(line) <= 80 for line in out.splitlines())
