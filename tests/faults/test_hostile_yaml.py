"""Hostile YAML files given to every command that reads one (issue 14, findings 2 and 5).

An alias bomb (350 bytes standing for billions of values), huge numbers, deep nesting,
named pipes and symbolic-link loops among the scenarios, and terminal control codes.
Each command must answer at once with a clear message that names the file (and the
place in it), the right exit code, and nothing written.

Commands that used to hang are run as real processes with a timeout, so a regression
fails this test instead of stalling the suite.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mockinterview.vocab import CRITERION_IDS

REPO = Path(__file__).resolve().parents[2]
BUNDLED = REPO / "scenarios"
TIMEOUT = 60  # seconds; each command takes well under one


def alias_bomb() -> str:
    """11 levels of 9 aliases: 9**12 values once expanded, 565 bytes on disk."""
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for i in range(1, 12):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


BOMB_PROBLEM = "bomb.yaml:6:5: a5: this expands to more than 100,000 values once its aliases (*name) are counted"
HUGE = "9" * 5000
HUGE_PROBLEM = "the number 999999999999… (5000 characters) is too large (whole numbers are limited to 10^18 in magnitude)"


def mi(*args: str) -> subprocess.CompletedProcess[str]:
    """``mockinterview ARGS`` as a process (the test's data folder is in the environment)."""
    return subprocess.run(
        [sys.executable, "-m", "mockinterview", *args],
        capture_output=True, text=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL, env=os.environ.copy(),
    )


def assert_no_bug(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr and "This is a bug" not in result.stderr, result.stderr


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A scenarios folder holding one good scenario and the alias bomb."""
    path = tmp_path / "hostile"
    path.mkdir()
    shutil.copy(BUNDLED / "url-shortener.yaml", path / "url-shortener.yaml")
    (path / "bomb.yaml").write_text(alias_bomb(), encoding="utf-8")
    return path


def test_alias_bomb_list_names_the_file_and_lists_the_rest(folder: Path) -> None:
    result = mi("--scenarios", str(folder), "list", "--json")
    assert_no_bug(result)
    assert result.returncode == 0
    assert "url-shortener" in [row["id"] for row in json.loads(result.stdout)]
    assert f"skipped: {folder / BOMB_PROBLEM}" in result.stderr


def test_alias_bomb_validate_is_a_located_error(folder: Path) -> None:
    result = mi("validate", str(folder))
    assert_no_bug(result)
    assert result.returncode == 1
    assert str(folder / BOMB_PROBLEM) in result.stderr
    assert "1 of 2 file(s) valid" in result.stderr


def test_alias_bomb_show_and_estimate_fail_with_the_file_named(folder: Path) -> None:
    for args in (["show", "bomb"], ["show", "bomb", "--reveal"], ["estimate", "bomb", "--answers", "x.yaml"]):
        result = mi("--scenarios", str(folder), *args)
        assert_no_bug(result)
        assert result.returncode == 1, args
        assert result.stderr.startswith(f"Error: {folder / BOMB_PROBLEM}"), (args, result.stderr)


def test_alias_bomb_next_leaves_the_file_out(folder: Path) -> None:
    result = mi("--scenarios", str(folder), "next", "--json")
    assert_no_bug(result)
    assert result.returncode == 0, result.stderr
    assert "bomb" not in result.stdout


def test_alias_bomb_as_a_score_file_writes_nothing(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(alias_bomb(), encoding="utf-8")
    result = mi("score", "url-shortener", "--scores", str(bomb))
    assert_no_bug(result)
    assert result.returncode == 1
    assert result.stderr.startswith(f"Error: {tmp_path / BOMB_PROBLEM}")
    history = mi("history", "--json")
    assert history.returncode == 0 and json.loads(history.stdout) == []


def test_alias_bomb_as_an_answers_file(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(alias_bomb(), encoding="utf-8")
    result = mi("estimate", "url-shortener", "--answers", str(bomb), "--json")
    assert_no_bug(result)
    assert result.returncode == 1
    assert result.stderr.startswith(f"Error: {tmp_path / BOMB_PROBLEM}")


# -- huge numbers and deep nesting (in-process: these never hung) ------------------------


def test_huge_integer_in_a_scenario_is_named_by_list_and_show(invoke, scenario_copy, tmp_path: Path) -> None:
    path = scenario_copy("url-shortener")
    path.write_text(path.read_text(encoding="utf-8").replace("minutes: 45", f"minutes: {HUGE}", 1), encoding="utf-8")
    listed = invoke("--scenarios", str(path.parent), "list")
    assert listed.exit_code == 0
    assert f"skipped: {path}:" in listed.stderr and f"minutes: {HUGE_PROBLEM}" in listed.stderr
    shown = invoke("--scenarios", str(path.parent), "show", "url-shortener")
    assert shown.exit_code == 1 and shown.stderr.startswith(f"Error: {path}:") and HUGE_PROBLEM in shown.stderr


def test_huge_numbers_in_answers_and_score_files(invoke, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(f"write_qps: {HUGE}\nstorage_5y: .inf\n", encoding="utf-8")
    result = invoke("estimate", "url-shortener", "--answers", str(answers))
    assert result.exit_code == 1
    assert f"{answers}:1:12: write_qps: {HUGE_PROBLEM}" in result.stderr
    scores = tmp_path / "scores.yaml"
    scores.write_text("".join(f"{c}: 3\n" for c in CRITERION_IDS).replace("api_design: 3", f"api_design: {HUGE}"),
                      encoding="utf-8")
    result = invoke("score", "url-shortener", "--scores", str(scores))
    assert result.exit_code == 1
    assert f"{scores}:4:13: api_design: {HUGE_PROBLEM}" in result.stderr
    assert invoke("history", "--json").stdout.strip() == "[]"


def test_non_finite_assumption_is_refused(invoke, scenario_copy) -> None:
    path = scenario_copy("url-shortener")
    text = path.read_text(encoding="utf-8")
    assert "value: 100000000\n" in text
    path.write_text(text.replace("value: 100000000\n", "value: .inf\n", 1), encoding="utf-8")
    result = invoke("validate", str(path))
    assert result.exit_code == 1
    assert "value: .inf is not a finite number (infinity and NaN are not allowed)" in result.stderr


def test_deep_nesting_is_a_located_error(invoke, tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("id: deep\ntitle: " + "[" * 200 + "]" * 200 + "\n", encoding="utf-8")
    result = invoke("validate", str(path))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{path}:2:") and "nested more than 50 levels deep" in result.stderr


# -- files that are not regular files ----------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_named_pipe_and_link_loop_among_the_scenarios(folder: Path) -> None:
    (folder / "bomb.yaml").unlink()
    os.mkfifo(folder / "pipe.yaml")
    (folder / "loop.yaml").symlink_to(folder / "loop.yaml")
    pipe_problem = f"{folder / 'pipe.yaml'}: is a named pipe (FIFO), not a regular file; only regular files are read"
    loop_problem = f"{folder / 'loop.yaml'}: is a symbolic link loop (a link that leads back to itself)"

    listed = mi("--scenarios", str(folder), "list")
    assert_no_bug(listed)
    assert listed.returncode == 0 and "url-shortener" in listed.stdout
    assert f"skipped: {pipe_problem}" in listed.stderr and f"skipped: {loop_problem}" in listed.stderr

    checked = mi("validate", str(folder))
    assert checked.returncode == 1
    assert pipe_problem in checked.stderr and loop_problem in checked.stderr
    assert "1 of 3 file(s) valid" in checked.stderr

    given = mi("validate", str(folder / "pipe.yaml"))  # named on the command line
    assert given.returncode == 1 and pipe_problem in given.stderr

    answers = mi("estimate", "url-shortener", "--answers", str(folder / "pipe.yaml"))
    assert answers.returncode == 1 and answers.stderr.startswith(f"Error: {pipe_problem}")


# -- terminal control codes --------------------------------------------------------------


def test_validate_warns_about_control_codes_with_their_location(invoke, scenario_copy) -> None:
    path = scenario_copy("url-shortener")
    text = path.read_text(encoding="utf-8")
    first_title = next(line for line in text.splitlines() if line.startswith("title: "))
    line_no = text.splitlines().index(first_title) + 1
    text = text.replace(first_title, 'title: "Design \\e]52;c;aGVsbG8=\\a\\e[2J a URL shortener \\x9b31m"', 1)
    path.write_text(text, encoding="utf-8")
    result = invoke("validate", str(path))
    assert result.exit_code == 0  # a warning: the file is valid, and its text is shown cleaned
    assert (
        f"warning: {path}:{line_no}:8: title: control characters ^G (U+0007), ^[ (U+001B), <9b> (U+009B): "
        "a terminal would act on them, so they are shown as ^G, ^[, <9b> instead"
    ) in result.stderr
    assert "\x1b" not in result.stderr and "\x9b" not in result.stderr
    assert "1 of 1 file(s) valid; 1 warning(s)" in result.stdout
