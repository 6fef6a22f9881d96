"""Turning a pydantic ``ValidationError`` into located problems, whatever the source.

A YAML document locates a field by its node (``file:line:col: phases.2.minutes:``);
a JSON line knows only its file and line number (``file:12: phases[2].minutes:``).
Both go through :func:`located`, which takes the source's way of locating a field and
of writing its path; the wording of pydantic's messages is shared (:func:`message`)
unless the caller brings its own.

Imports nothing heavy: pydantic's types are named for the type checker only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from mockinterview.errors import Problem

if TYPE_CHECKING:
    from pydantic import ValidationError
    from pydantic_core import ErrorDetails

Loc = Sequence[str | int]
#: Where a field is: ``(loc, at_key) -> (line, column)``, 1-based, None when unknown.
Locator = Callable[[Loc, bool], tuple[int | None, int | None]]


def message(err: ErrorDetails) -> str:
    """A pydantic error's message, as content files word it."""
    if err["type"] == "extra_forbidden":
        return "unknown field (not part of the format; check the spelling)"
    if err["type"] == "missing":
        return "required field is missing"
    return str(err["msg"]).removeprefix("Value error, ")


def dotted(loc: Loc) -> str:
    """``("phases", 2, "minutes")`` -> ``phases.2.minutes`` (the form content problems use)."""
    return ".".join(str(p) for p in loc)


def bracketed(loc: Loc) -> str:
    """``("assessments", 0, "scores", "api_design")`` -> ``assessments[0].scores.api_design``.

    Pydantic's ``[key]`` marker (an invalid dictionary key) is left out.
    """
    parts: list[str] = []
    for p in loc:
        if p == "[key]":
            continue
        if isinstance(p, int) and parts:
            parts[-1] += f"[{p}]"
        else:
            parts.append(str(p))
    return ".".join(parts)


def located(
    exc: ValidationError,
    path: str,
    *,
    locate: Locator | None = None,
    line: int | None = None,
    field: Callable[[Loc], str] = dotted,
    describe: Callable[[ErrorDetails], str] = message,
) -> list[Problem]:
    """One :class:`Problem` per error in ``exc``, in pydantic's order.

    ``locate`` finds a field's line and column (a YAML node tree does); without it every
    problem is placed at ``line`` (a JSON line's number, or None). An unknown field is
    located at its key, everything else at its value.
    """
    problems: list[Problem] = []
    for err in exc.errors():
        loc = tuple(p for p in err["loc"] if isinstance(p, str | int))
        where: tuple[int | None, int | None] = (line, None)
        if locate is not None:
            where = locate(loc, err["type"] == "extra_forbidden")
        problems.append(Problem(path, where[0], where[1], field(loc), describe(err)))
    return problems
