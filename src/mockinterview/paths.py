"""Where mockinterview keeps its data, resolved when asked, never at import time."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

HOME_ENV = "MOCKINTERVIEW_HOME"
SCENARIOS_ENV = "MOCKINTERVIEW_SCENARIOS"


def data_dir() -> Path:
    """The data directory: ``$MOCKINTERVIEW_HOME``, else the platform's user data dir."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return platformdirs.user_data_path("mockinterview", appauthor=False)


def user_scenarios_dir() -> Path:
    """The user's own scenarios: ``<data dir>/scenarios``."""
    return data_dir() / "scenarios"


def database_path() -> Path:
    return data_dir() / "mockinterview.db"


def bundled_dir() -> Path:
    """The scenarios shipped with the program.

    In a wheel they live inside the package (``mockinterview/_bundled``); in a
    source checkout (editable install, tests) they are the top-level ``scenarios/``.
    """
    packaged = Path(str(resources.files("mockinterview"))) / "_bundled"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "scenarios"


def rubric_path() -> Path:
    return bundled_dir() / "rubric" / "rubric.yaml"


def schema_dir() -> Path:
    return bundled_dir() / "schema"
