"""Safe YAML reading with located errors.

The file is composed once into a node tree (with the C loader where available);
the tree gives duplicate-key errors and lets a pydantic error location
(``phases.2.minutes``) be turned back into ``file:line:column``. Only the safe
loaders are ever used: a ``!!python/object`` tag is an error, never an object.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from mockinterview.errors import ContentError, Problem

try:  # the C loader is several times faster; fall back to the pure-Python one.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

M = TypeVar("M", bound=BaseModel)


class Document:
    """A parsed YAML file: its data, and its node tree for locating problems."""

    def __init__(self, path: str, data: Any, node: yaml.Node | None) -> None:
        self.path = path
        self.data = data
        self.node = node

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
        return Problem(self.path, line, col, ".".join(str(p) for p in loc), message)


def _mark_problem(path: str, exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    message = " ".join(str(p) for p in (exc.context, exc.problem) if p) or str(exc)
    if "could not determine a constructor" in message or "!!python" in message:
        message = f"{message} (tags that build objects are not allowed)"
    if mark is None:
        return Problem(path, None, None, "", message)
    return Problem(path, mark.line + 1, mark.column + 1, "", message)


def _duplicate_keys(path: str, node: yaml.Node | None, into: list[Problem], trail: tuple[str | int, ...] = ()) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, yaml.Node] = {}
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                if key.value in seen and key.value != "<<":
                    first = seen[key.value].start_mark.line + 1
                    into.append(
                        Problem(
                            path,
                            key.start_mark.line + 1,
                            key.start_mark.column + 1,
                            ".".join(str(p) for p in (*trail, key.value)),
                            f"duplicate key (first defined on line {first})",
                        )
                    )
                seen[key.value] = key
                _duplicate_keys(path, value, into, (*trail, key.value))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _duplicate_keys(path, item, into, (*trail, i))


def parse(text: str, path: str = "<string>") -> Document:
    """Parse YAML text; raise ContentError with every located problem."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        problems: list[Problem] = []
        _duplicate_keys(path, node, problems)
        if problems:
            raise ContentError(problems)
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        raise ContentError([_mark_problem(path, exc)]) from exc
    except yaml.YAMLError as exc:
        raise ContentError([Problem(path, None, None, "", str(exc))]) from exc
    finally:
        loader.dispose()
    return Document(path, data, node)


def read(path: Path) -> Document:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ContentError([Problem(str(path), None, None, "", "no such file")]) from exc
    except IsADirectoryError as exc:
        raise ContentError([Problem(str(path), None, None, "", "is a directory, not a file")]) from exc
    except UnicodeDecodeError as exc:
        raise ContentError([Problem(str(path), None, None, "", f"not UTF-8 text ({exc.reason})")]) from exc
    except OSError as exc:
        raise ContentError([Problem(str(path), None, None, "", exc.strerror or str(exc))]) from exc
    return parse(text, str(path))


def _message(err: dict[str, Any]) -> str:
    msg = str(err["msg"])
    if err["type"] == "extra_forbidden":
        return "unknown field (not part of the format; check the spelling)"
    if err["type"] == "missing":
        return "required field is missing"
    return msg.removeprefix("Value error, ")


def validate(model: type[M], doc: Document) -> M:
    """Validate a document against a model; every problem is reported at once."""
    if doc.data is None:
        raise ContentError([Problem(doc.path, 1, 1, "", "the file is empty")])
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = [p for p in err["loc"] if isinstance(p, (str, int))]
            problems.append(doc.problem(loc, _message(err), at_key=err["type"] == "extra_forbidden"))
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        raise ContentError(problems) from exc


def load(model: type[M], path: Path) -> M:
    return validate(model, read(path))
