"""The command line. Commands are thin: parse, call one core function, render.

This package is the only place that knows Typer. Heavy modules (pydantic models,
yaml, sqlite, questionary, prompt_toolkit) are imported inside the commands that
need them, so ``--help`` and ``list`` start fast.
"""

from __future__ import annotations

from mockinterview.cli.app import app


def main() -> None:
    app(prog_name="mockinterview")


__all__ = ["app", "main"]

# Register the commands (each module adds its commands to ``app``); `--help` lists
# them in the order they are registered, so this line is in that order, not sorted.
# isort: off
from mockinterview.cli import show, run, score, review, delete, estimate, progress, export, data, help  # noqa: E402,F401
# isort: on

if __name__ == "__main__":  # pragma: no cover
    main()
