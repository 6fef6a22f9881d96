"""Authoring errors that teach: the common YAML mistakes explained in words, with the fix.

Two kinds of help, both pure functions over text:

* :func:`explain_parser_error` turns a parser failure into a sentence located at the
  line that is really wrong: a block scalar (``|`` or ``>``, a diagram) whose first line
  is indented more than the rest (the fix: an explicit indentation such as ``|2``), a
  ``: `` inside a plain value (the fix: quotes), a tab used for indentation, a quote
  never closed;
* :func:`describe_error` words a pydantic error for content files, explaining what YAML
  made of the value when that is the cause: text where a number or a boolean is
  expected (``"1000"``, ``yes``), a mapping where text is expected (an unquoted
  ``Note: this`` in a list), a number where text is expected.

Imports nothing heavy: pydantic's types are named for the type checker only.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mockinterview.content import problems as problems_of

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

__all__ = ["describe_error", "explain_parser_error"]

Position = tuple[int, int]  # 1-based line and column

# A line that opens a block scalar without an explicit indentation: `key: |`, `- |-`, `key: >+ # c`.
_BLOCK_HEADER = re.compile(r"^(?P<indent> *)(?P<lead>(?:- +)*)(?P<key>[^#\s][^#]*?:[ \t]+|)[|>][+-]?[ \t]*(?:#.*)?$")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _block_indentation(lines: list[str], error_line: int) -> tuple[Position, str] | None:
    """A block scalar before ``error_line`` whose first line is indented more than a later one."""
    for h in range(min(error_line, len(lines)) - 1, -1, -1):
        m = _BLOCK_HEADER.match(lines[h])
        if not m:
            continue
        parent = len(m.group("indent")) + len(m.group("lead"))  # the key's column (0-based)
        body: list[int] = []
        for i in range(h + 1, len(lines)):
            if not lines[i].strip():
                continue
            if _indent(lines[i]) <= parent:
                break
            body.append(i)
        if len(body) < 2:
            continue
        first = _indent(lines[body[0]])
        shallower = next((i for i in body[1:] if _indent(lines[i]) < first), None)
        if shallower is None or shallower + 1 > error_line + 1:
            continue
        least = min(_indent(lines[i]) for i in body)
        step = least - parent
        indicator = re.search(r"[|>][+-]?(?=[ \t]*(?:#.*)?$)", lines[h].rstrip())
        mark = indicator.group(0) if indicator else "|"
        shallow = _indent(lines[shallower])
        why = (f"this line belongs to the block ({mark[0]}) that starts on line {h + 1}, but YAML takes a block's "
               f"indentation from its first line ({first} spaces, line {body[0] + 1}), so this less indented line "
               f"({shallow} spaces) ends the block")
        if 1 <= step <= 9:
            fix = (f"write {mark[0]}{step}{mark[1:]} for {mark} on line {h + 1}: the block's lines are then indented "
                   f"{step} spaces beyond its key, and line {body[0] + 1} keeps its extra spaces")
        else:
            fix = "indent every line of the block by the same amount first, then add the extra spaces inside it"
        return (shallower + 1, shallow + 1), f"{why}. Fix: {fix}"
    return None


def _quoted(line: str) -> str | None:
    """``title: Deep dive: keys`` -> ``title: "Deep dive: keys"`` (the first ``: `` splits key and value)."""
    m = re.match(r"^(?P<lead> *(?:- +)*)(?P<key>[^:#\s][^:#]*?):[ \t]+(?P<value>.+?)\s*$", line)
    if not m:
        return None
    value = m.group("value").replace("\\", "\\\\").replace('"', '\\"')
    return f'{m.group("lead")}{m.group("key")}: "{value}"'.strip()


def _tab(lines: list[str], line: int) -> Position | None:
    """Where a tab stands in the indentation of ``line`` (1-based), or None."""
    if not 1 <= line <= len(lines):
        return None
    text = lines[line - 1]
    lead = text[: len(text) - len(text.lstrip(" \t-"))]
    col = lead.find("\t")
    return None if col < 0 else (line, col + 1)


def explain_parser_error(
    text: str, message: str, problem: Position, context: Position | None
) -> tuple[Position, str] | None:
    """A parser failure in words, at the line that is wrong; None when there is nothing to add.

    ``message`` is the parser's (``while parsing a block mapping did not find expected
    key``), ``problem`` and ``context`` its marks.
    """
    lines = text.split("\n")
    line, _col = problem
    if "tab" in message or "cannot start any token" in message:
        for candidate in (line, line - 1, line + 1):
            where = _tab(lines, candidate)
            if where is not None:
                return where, ("a tab is used for indentation here; YAML allows only spaces for indentation: "
                               "replace the tab with spaces")
    block = _block_indentation(lines, line)
    if block is not None:
        return block
    if "mapping values are not allowed" in message and 1 <= line <= len(lines):
        fixed = _quoted(lines[line - 1])
        example = f": {fixed}" if fixed else ""
        return problem, ("a ': ' (colon and space) inside a plain value starts a mapping, so YAML cannot read "
                         f"this line; put the whole value in quotes{example}")
    if "quoted scalar" in message and "end of stream" in message and context is not None:
        return context, "this quoted value is never closed: add the closing quote (and write \\\" for a quote inside it)"
    if "did not find expected key" in message or "expected <block end>" in message:
        return problem, (f"this line's indentation does not fit the block around it ({message}); the entries of one "
                         "mapping or list must start in the same column, and text that continues a value must be "
                         "indented more than its key, or quoted")
    return None


# ----------------------------------------------------------------------------------
# Validation errors, worded for content files
# ----------------------------------------------------------------------------------

_TRUE_WORDS = frozenset({"yes", "y", "on"})
_FALSE_WORDS = frozenset({"no", "n", "off"})


def _is_number_text(value: str) -> bool:
    try:
        float(value.replace("_", ""))
    except ValueError:
        return False
    return True


def _as_yaml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def describe_error(err: ErrorDetails) -> str:
    """A pydantic error's message for a content file: :func:`problems.message`, plus why."""
    kind = err["type"]
    value = err.get("input")
    base = problems_of.message(err)
    if kind == "bool_type" and isinstance(value, str):
        word = value.strip().lower()
        if word in _TRUE_WORDS | _FALSE_WORDS:
            fix = "true" if word in _TRUE_WORDS else "false"
            return (f"{value!r} is text, not a boolean: write {fix} (only true and false are booleans in YAML 1.2, "
                    "which editors and this program follow)")
        return f"{base}: write true or false"
    if kind in ("float_type", "int_type") and isinstance(value, str):
        if _is_number_text(value):
            return f"{base}: {value!r} is in quotes, so it is text; write it without quotes"
        return (f"{base}: {value!r} is text; write a plain number such as 1000000 or 1e6 (100M, 10 KB and 1,000 are "
                "text; put the human-readable form in a figure's `stated`)")
    if kind == "string_type":
        if isinstance(value, dict) and len(value) == 1:
            ((key, inner),) = value.items()
            if isinstance(key, str) and not isinstance(inner, dict | list):
                text = f"{key}: {_as_yaml(inner)}".replace('"', '\\"')
                return (f"{base}: YAML read this as a mapping ({key!r}: ...) because of the ': ' in it; put the "
                        f'whole text in quotes: "{text}"')
        if isinstance(value, bool | int | float) and value is not None:
            shown = _as_yaml(value)
            return f"{base}: YAML read {shown} as a {'boolean' if isinstance(value, bool) else 'number'}; put it in quotes if it is text: \"{shown}\""
        if isinstance(value, dict):
            return f"{base}: YAML read this as a mapping because of a ': ' in it; put the whole text in quotes"
    return base
