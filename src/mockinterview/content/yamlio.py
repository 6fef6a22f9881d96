"""Safe, bounded YAML reading with located errors.

A file is opened only if it is a regular file of at most :data:`MAX_FILE_BYTES` (a named
pipe would block, ``/dev/zero`` would never end). Its text is composed once into a node
tree (with the C loader where available) and walked once by
:func:`~mockinterview.content.yamlcheck.walk`: duplicate keys, caps on size, depth and
numbers (aliases counted), and warnings for terminal control characters. Only then is
the data built. The tree also lets a pydantic error location (``phases.2.minutes``) be
turned back into ``file:line:column``. Only the safe loaders are ever used: a
``!!python/object`` tag is an error, never an object.

Plain scalars are resolved as **YAML 1.2** (its core schema) reads them, which is what
editors and JSON Schema tools (yaml-language-server, check-jsonschema) do, not as
PyYAML's YAML 1.1: only ``true``/``false`` are booleans (``yes``, ``no``, ``on``, ``off``
are text), ``10:1`` is text (not 601 in base 60), ``1e8`` is a number, and a date is
text. Two YAML 1.1 habits are kept, as check-jsonschema's reader keeps them: ``_`` in
numbers (``1_000``) and merge keys (``<<: *base``).

Parser failures are explained in words with the fix (:mod:`~mockinterview.content.yamlhelp`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from mockinterview.content import problems as problems_of
from mockinterview.content.folder import kind_of, not_regular, open_error
from mockinterview.content.yamlcheck import INT_TAG, MAX_DEPTH, walk, yaml12_int
from mockinterview.content.yamlhelp import describe_error, explain_parser_error
from mockinterview.errors import ContentError, Problem

try:  # the C loader is several times faster; fall back to the pure-Python one.
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]


class _Loader(_SafeLoader):
    """The safe loader with YAML 1.2 core-schema resolution (see the module docstring)."""

    yaml_implicit_resolvers: dict[Any, list[tuple[str, re.Pattern[str]]]] = {}


for _tag, _pattern, _first in (
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9][0-9_]*|0o[0-7][0-7_]*|0x[0-9a-fA-F][0-9a-fA-F_]*)$", "-+0123456789"),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9][0-9_]*|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+.0123456789",
    ),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:merge", r"^(?:<<)$", "<"),
):
    _Loader.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))


def _construct_int(loader: _Loader, node: yaml.Node) -> int:
    if not isinstance(node, yaml.ScalarNode):  # pragma: no cover - only scalars resolve as int
        raise yaml.constructor.ConstructorError(None, None, "expected a whole number", node.start_mark)
    return yaml12_int(node.value)


_Loader.add_constructor(INT_TAG, _construct_int)

M = TypeVar("M", bound=BaseModel)

#: Largest content file read (the bundled scenarios are about 30 KB).
MAX_FILE_BYTES: Final = 8 * 1024 * 1024


class Document:
    """A parsed YAML file: its data, its node tree for locating problems, and its warnings."""

    def __init__(self, path: str, data: Any, node: yaml.Node | None, warnings: Sequence[Problem] = ()) -> None:
        self.path = path
        self.data = data
        self.node = node
        self.warnings = list(warnings)

    def locate(self, loc: Sequence[str | int], *, at_key: bool = False) -> tuple[int | None, int | None]:
        """1-based line and column of the deepest node along ``loc`` that exists.

        The value's position by default; with ``at_key`` the position of the last key
        (for an unknown field, the key itself is what is wrong).
        """
        node = self.node
        best = node
        for i, part in enumerate(loc):
            if isinstance(node, yaml.MappingNode):
                nxt = None
                for key, value in node.value:
                    if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                        nxt = value
                        best = key if (at_key and i == len(loc) - 1) else value
                        break
                if nxt is None:
                    break
                node = nxt
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                if not 0 <= part < len(node.value):
                    break
                node = best = node.value[part]
            else:
                break
        if best is None:
            return (1, 1) if self.node is None else (None, None)
        return best.start_mark.line + 1, best.start_mark.column + 1

    def problem(self, loc: Sequence[str | int], message: str, *, at_key: bool = False) -> Problem:
        line, col = self.locate(loc, at_key=at_key)
        return Problem(self.path, line, col, problems_of.dotted(loc), message)


def _mark_problem(path: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    message = " ".join(str(p) for p in (exc.context, exc.problem) if p) or str(exc)
    if "could not determine a constructor" in message or "!!python" in message:
        message = f"{message} (tags that build objects are not allowed)"
    if mark is None:
        return Problem(path, None, None, "", message)
    context = exc.context_mark
    explained = explain_parser_error(
        text,
        message,
        (mark.line + 1, mark.column + 1),
        None if context is None else (context.line + 1, context.column + 1),
    )
    if explained is not None:
        (line, column), message = explained
        return Problem(path, line, column, "", message)
    return Problem(path, mark.line + 1, mark.column + 1, "", message)


def parse(text: str, path: str = "<string>") -> Document:
    """Parse YAML text (YAML 1.2 scalars); raise ContentError with every located problem."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        warnings: list[Problem] = []
        if node is not None:
            found = walk(path, node)
            if found.problems:
                raise ContentError(found.problems)
            warnings = found.warnings
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        raise ContentError([_mark_problem(path, exc, text)]) from exc
    except yaml.YAMLError as exc:
        raise ContentError([Problem(path, None, None, "", str(exc))]) from exc
    except RecursionError as exc:  # the pure-Python composer recurses once per level
        raise ContentError([Problem(path, None, None, "", f"nested more than {MAX_DEPTH} levels deep")]) from exc
    finally:
        loader.dispose()
    return Document(path, data, node, warnings)


def read_text(path: Path) -> str:
    """A content file's text, refusing what is not a regular file, too large, or not UTF-8.

    The file is opened without blocking and checked *after* opening (``fstat``), so a
    named pipe or a device is refused at once instead of being read.
    """
    where = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except IsADirectoryError as exc:
        raise ContentError([Problem(where, None, None, "", "is a directory, not a file")]) from exc
    except OSError as exc:
        raise ContentError([Problem(where, None, None, "", open_error(path, exc))]) from exc
    try:
        kind = kind_of(os.fstat(fd).st_mode)
        if kind == "a directory":
            raise ContentError([Problem(where, None, None, "", "is a directory, not a file")])
        if kind is not None:
            raise ContentError([Problem(where, None, None, "", not_regular(kind))])
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ContentError([Problem(where, None, None, "", exc.strerror or str(exc))]) from exc
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        raise ContentError([Problem(where, None, None, "", f"is too large to be a content file (more than {limit} MB)")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError([Problem(where, None, None, "", f"not UTF-8 text ({exc.reason})")]) from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")  # as ``Path.read_text`` reads lines


def read(path: Path) -> Document:
    return parse(read_text(path), str(path))


def validate(model: type[M], doc: Document, *, context: Mapping[str, Any] | None = None) -> M:
    """Validate a document against a model; every problem is reported at once.

    ``context`` is passed to the model's validators (``scenario.DEFER_RULES``).
    """
    if doc.data is None:
        raise ContentError([Problem(doc.path, 1, 1, "", "the file is empty")])
    try:
        return model.model_validate(doc.data, context=None if context is None else dict(context))
    except ValidationError as exc:
        found = problems_of.located(
            exc, doc.path, locate=lambda loc, at_key: doc.locate(loc, at_key=at_key), describe=describe_error
        )
        found.sort(key=lambda p: (p.line or 0, p.column or 0))
        raise ContentError(found) from exc


def load(model: type[M], path: Path) -> M:
    return validate(model, read(path))
