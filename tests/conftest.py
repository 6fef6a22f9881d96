"""Shared fixtures. Every test gets its own data directory: nothing touches the real one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mockinterview import paths

REPO = Path(__file__).resolve().parents[1]
BUNDLED = REPO / "scenarios"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv(paths.HOME_ENV, str(home))
    monkeypatch.delenv(paths.SCENARIOS_ENV, raising=False)
    monkeypatch.delenv("MOCKINTERVIEW_DEBUG", raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    return home


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def invoke(runner: CliRunner):
    """Run the CLI in-process; returns the result (exit_code, stdout, stderr)."""
    from mockinterview.cli import app

    def _invoke(*args: str, input: str | None = None):
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return _invoke


@pytest.fixture
def scenario_copy(tmp_path: Path):
    """Copy a bundled scenario into a temp folder so a test can break it."""

    def _copy(sid: str, folder: Path | None = None) -> Path:
        folder = folder or tmp_path / "extra"
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{sid}.yaml"
        shutil.copy(BUNDLED / f"{sid}.yaml", target)
        return target

    return _copy
