"""The core never imports the terminal libraries: data flows scenario -> session -> scores -> scorecard."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE = [
    "mockinterview.content.scenario", "mockinterview.content.loader", "mockinterview.content.catalogue",
    "mockinterview.content.queries", "mockinterview.content.index", "mockinterview.content.rubric",
    "mockinterview.scoring.arithmetic", "mockinterview.scoring.inputs", "mockinterview.interview.session", "mockinterview.interview.clock",
    "mockinterview.estimation", "mockinterview.store", "mockinterview.progress", "mockinterview.scoring.scorecard",
    "mockinterview.scoring.record", "mockinterview.transfer", "mockinterview.content.yamlio", "mockinterview.paths",
]
UI_LIBS = ("typer", "rich", "questionary", "prompt_toolkit")


@pytest.mark.parametrize("module", CORE)
def test_core_module_imports_no_ui_library(module: str) -> None:
    code = f"import sys, {module}; print(sorted(m for m in {UI_LIBS!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
