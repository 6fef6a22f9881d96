"""The Typer application, its global options and the single error boundary."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup, TyperOption

from mockinterview import __version__
from mockinterview.errors import ExitCode, MockInterviewError

if TYPE_CHECKING:
    # The context type TyperGroup's methods take: typer (>= 0.29) ships click as
    # ``typer._click`` and ``typer.Context`` is a subclass of it, too narrow to override with.
    from typer._click import Context as ClickContext

    from mockinterview.content.catalogue import Catalogue

DEBUG_ENV = "MOCKINTERVIEW_DEBUG"


class State:
    """Options given before the command, shared with every command."""

    def __init__(self) -> None:
        self.debug = os.environ.get(DEBUG_ENV, "").strip().lower() not in ("", "0", "false", "no", "off")
        self.scenario_dirs: list[Path] = []
        self.pager = True  # --no-pager turns it off


def state(ctx: typer.Context) -> State:
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State()
    return root.obj


def _report(message: str, hint: str | None, prefix: str = "Error: ") -> None:
    """One error on stderr. The message may quote a file (a scenario title, a field's
    value): it is printed as ``Text`` on the safe console, so control codes show, not act."""
    from rich.text import Text

    from mockinterview.ui import console

    err = console.stderr()
    # An error is bold red; a message without a prefix (Interrupted: "saved at phase 2
    # of 6") is not an error and is printed plain.
    line = Text(prefix, style="bold red") if prefix else Text()
    line.append(message)
    err.print(line, soft_wrap=True)
    if hint:
        err.print(Text(hint, style="dim"), soft_wrap=True)


class Boundary(TyperGroup):
    """Catches every MockInterviewError once: one line on stderr, the enum's exit code.

    ``--debug`` (or MOCKINTERVIEW_DEBUG=1) re-raises, so the traceback shows.
    """

    def list_commands(self, ctx: ClickContext) -> list[str]:
        return list(self.commands)  # keep the order commands were defined in

    def invoke(self, ctx: ClickContext) -> Any:
        try:
            return super().invoke(ctx)
        except MockInterviewError as exc:
            if isinstance(ctx.obj, State) and ctx.obj.debug:
                raise
            from mockinterview.errors import ContentError

            if isinstance(exc, ContentError) and len(exc.problems) > 1:
                for problem in exc.problems:  # every located problem, one per line
                    _report(str(problem), None, exc.prefix)
                _report(f"{len(exc.problems)} problems", exc.hint, "")
            else:
                _report(exc.message, exc.hint, exc.prefix)
            ctx.exit(int(exc.exit_code))
        except KeyboardInterrupt:
            if isinstance(ctx.obj, State) and ctx.obj.debug:
                raise
            _report("interrupted", None, "")
            ctx.exit(int(ExitCode.INTERRUPTED))
        except (SystemExit, typer.Exit, typer.Abort):
            raise
        except BrokenPipeError:  # `mockinterview export -o - | head`: the reader left; not an error
            import sys

            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(0)
        except Exception as exc:  # a bug: say so in one line; --debug shows where
            if (isinstance(ctx.obj, State) and ctx.obj.debug) or type(exc).__module__.startswith("typer"):
                raise
            _report(f"unexpected {type(exc).__name__}: {exc}", "This is a bug in mockinterview; run again with --debug to see the traceback.")
            ctx.exit(int(ExitCode.ERROR))


app = typer.Typer(
    cls=Boundary,
    name="mockinterview",
    help=(
        "A terminal coach for system-design mock interviews.\n\n"
        "Pick a scenario with `list`, read its brief with `show`, practise it with `run`, "
        "then see your scorecard, `history` and `progress`."
    ),
    invoke_without_command=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _flag_type(self: TyperOption, ctx: ClickContext) -> str | None:
    """No ``<bool>`` beside a flag in ``--help``: a flag takes no value."""
    if self.is_flag and self.metavar is None:
        return None
    return _option_type(self, ctx)


_option_type = TyperOption.display_type_rich
setattr(TyperOption, "display_type_rich", _flag_type)  # noqa: B010 - a method replaced on the class, on purpose


def _complete_scenarios(incomplete: str) -> list[tuple[str, str]]:
    from mockinterview.cli.complete import scenario_ids

    return scenario_ids(incomplete)


#: The positional scenario id shared by the commands that take one.
ScenarioIdArg = Annotated[
    str, typer.Argument(metavar="ID", help="The scenario id, as `list` shows it.", autocompletion=_complete_scenarios)
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"mockinterview {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    scenarios: Annotated[
        list[Path] | None,
        typer.Option(
            "--scenarios",
            help="Also read scenarios from this folder (repeatable; overrides bundled and user ones with the same id). "
            "Same as $MOCKINTERVIEW_SCENARIOS.",
            metavar="DIR",
        ),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show the full traceback on errors.")] = False,
    no_pager: Annotated[
        bool, typer.Option("--no-pager", help="Never send long output through a pager (as MOCKINTERVIEW_PAGER=cat).")
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """A terminal coach for system-design mock interviews."""
    st = state(ctx)
    st.debug = st.debug or debug
    st.scenario_dirs = list(scenarios or [])
    st.pager = not no_pager
    if ctx.invoked_subcommand is None:  # no command: the help, and success
        typer.echo(ctx.get_help())
        raise typer.Exit(0)


def catalogue(ctx: typer.Context) -> Catalogue:
    """The scenario catalogue for this invocation (bundled + user + --scenarios)."""
    from mockinterview.content.catalogue import Catalogue
    from mockinterview.errors import UsageError

    cat = Catalogue(state(ctx).scenario_dirs)
    if cat.missing:
        raise UsageError(
            f"no such scenario folder: {cat.missing[0]}",
            hint="--scenarios and $MOCKINTERVIEW_SCENARIOS take folders of *.yaml scenario files",
        )
    return cat


def safe_json(text: str) -> str:
    """JSON text with the control characters ``json.dumps(ensure_ascii=False)`` leaves raw
    (C1 ones such as the 8-bit CSI ``\\x9b``, and DEL) written as ``\\u`` escapes: the
    same document, and safe on a terminal. Outside strings JSON text is ASCII, so
    escaping them wherever they are is exact."""
    from mockinterview.textsafe import CONTROL_RE

    return CONTROL_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def json_text(data: object) -> str:
    """``data`` as indented JSON, “quotes” and é kept readable, control characters escaped."""
    import json

    return safe_json(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def print_json(data: object) -> None:
    """Exactly one JSON document on stdout, nothing else."""
    typer.echo(json_text(data))
