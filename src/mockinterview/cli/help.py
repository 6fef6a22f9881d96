"""The `help` command: the documentation that ships with the program, by topic."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Annotated

import typer

from mockinterview.cli.app import app, state

#: Topic -> what it covers, in the order `mockinterview help` lists them.
TOPICS = {
    "commands": "every command and option, with examples",
    "scoring": "the rubric, the point bands, the verdict and the score file",
    "scenario-format": "writing your own scenario files",
    "data-format": "the export file and what is stored",
    "performance": "how fast the commands are, and how that is measured",
}
ALIASES = {"score": "scoring", "scores": "scoring", "rubric": "scoring", "verdict": "scoring",
           "scenarios": "scenario-format", "scenario": "scenario-format", "export": "data-format",
           "import": "data-format", "data": "data-format"}  # fmt: skip


def topics() -> dict[str, str]:
    """The topics: the known ones in their order, then any other page that ships, about
    what its first heading says."""
    found = dict(TOPICS)
    folder = docs_dir()
    if folder.is_dir():
        for page in sorted(folder.glob("*.md")):
            if page.stem not in found:
                first = next((line for line in page.read_text(encoding="utf-8").splitlines() if line.startswith("# ")), "")
                found[page.stem] = first.lstrip("# ").strip() or page.stem
    return found


def docs_dir() -> Path:
    """The shipped docs: inside the package in a wheel (``mockinterview/_docs``), the
    top-level ``docs/`` in a source checkout."""
    packaged = Path(str(resources.files("mockinterview"))) / "_docs"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "docs"


def _complete_topics(incomplete: str) -> list[tuple[str, str]]:
    return [(t, about) for t, about in topics().items() if t.startswith(incomplete)]


@app.command("help")
def help_(
    ctx: typer.Context,
    topic: Annotated[
        str | None,
        typer.Argument(
            metavar="[TOPIC]",
            help="A topic (commands, scoring, scenario-format, data-format, performance) or a command name.",
            autocompletion=_complete_topics,
        ),
    ] = None,
) -> None:
    """Print the documentation installed with mockinterview: a topic such as `scoring`, or a
    command's help. Without a topic, list the topics."""
    from rich.text import Text

    from mockinterview.errors import UsageError
    from mockinterview.ui import console, pager

    out = console.stdout()
    known = topics()
    if topic is None:
        out.print(Text("Topics (mockinterview help TOPIC):", style="bold"))
        width = max(len(t) for t in known)
        for name, about in known.items():
            out.print(Text(f"  {name.ljust(width)}  ") + Text(about, style="muted"))
        out.print(Text("Commands: mockinterview help COMMAND, or mockinterview COMMAND --help.", style="muted"))
        return
    key = topic.strip().lower()
    root = ctx.find_root().command
    commands = getattr(root, "commands", {})
    if key not in known and key not in ALIASES and key in commands:
        sub = commands[key]
        with typer.Context(sub, info_name=key, parent=ctx.find_root()) as sub_ctx:
            typer.echo(sub.get_help(sub_ctx))
        return
    name = ALIASES.get(key, key)
    if name not in known:
        raise UsageError(
            f"no help topic {topic!r}; topics: {', '.join(known)}",
            hint="a command's own help: mockinterview COMMAND --help",
        )
    path = docs_dir() / f"{name}.md"
    if not path.is_file():
        raise UsageError(
            f"the {name} documentation is not installed here ({path})",
            hint="it is also online with the source: docs/" + f"{name}.md",
        )
    text = path.read_text(encoding="utf-8")
    if not out.is_terminal:  # a pipe or a file: the Markdown itself
        typer.echo(text, nl=not text.endswith("\n"))
        return
    from rich.markdown import Markdown

    pager.page(out, [Markdown(text, code_theme="ansi_dark", hyperlinks=False)], enabled=state(ctx).pager)
