"""One bounded walk over a composed YAML node tree, before anything is built from it.

PyYAML shares an aliased node (``*name``) with its anchor (``&name``) instead of copying
it, so the tree is really a graph: 350 bytes of nested aliases stand for billions of
values. This walk visits every node **once** and, in that one pass,

* refuses a document that is too big or too deep *once each alias is counted as a copy
  of what it refers to*, since that is what the constructor, pydantic and every later
  reader will see (:data:`MAX_VALUES`, :data:`MAX_DEPTH`), and an alias inside its own
  anchor (a recursive structure);
* finds duplicate keys in every mapping;
* refuses numbers the program cannot use: whole numbers beyond :data:`MAX_INT` in
  magnitude (before Python tries to convert 5,000 digits), infinities and NaN, and
  dates or numbers with an explicit tag that do not read;
* collects *warnings* for text holding terminal control characters
  (:data:`mockinterview.textsafe.CONTROL_RE`), so ``validate`` can point at them, and
  for mapping keys that YAML reads as numbers (``1:``), which the models accept as text
  but some editors flag.

Every finding is a :class:`~mockinterview.errors.Problem` located as
``file:line:col: field.path: message``; a node reached through several aliases is
located on the first path that reaches it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Final

import yaml
from yaml.constructor import SafeConstructor

from mockinterview.errors import ContentError, Problem
from mockinterview.textsafe import CONTROL_RE, visible

#: Most values (scalars, lists, mappings) a document may expand to, aliases counted as copies.
#: The bundled scenarios hold under a thousand; the cap keeps pydantic's work bounded.
MAX_VALUES: Final = 100_000
#: Deepest nesting, aliases followed (the bundled files nest 7 levels).
MAX_DEPTH: Final = 50
#: Largest whole number in magnitude (SQLite's integers stop at about 9.2 * 10^18).
MAX_INT: Final = 10**18
_MAX_INT_TEXT: Final = 40  # characters a whole number may have before it is refused unread

INT_TAG: Final = "tag:yaml.org,2002:int"
_INT_TAG = INT_TAG
_FLOAT_TAG = "tag:yaml.org,2002:float"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_CHECKED_TAGS = frozenset({_INT_TAG, _FLOAT_TAG, _TIMESTAMP_TAG})
_NUMBER_KEY_TAGS = frozenset({_INT_TAG, _FLOAT_TAG})
_NON_FINITE = frozenset({".inf", "+.inf", "-.inf", ".nan"})

_scalars = SafeConstructor()  # builds single int / float / timestamp scalars, nothing else

Trail = tuple[str | int, ...]


def yaml12_int(text: str) -> int:
    """A YAML 1.2 core-schema integer (``12``, ``-3``, ``0o17``, ``0x1F``; ``_`` separators allowed).

    Unlike YAML 1.1 a leading zero does not mean octal (``010`` is ten), and there is no
    base 60 (``10:1`` is text). Raises ValueError for anything else.
    """
    value = text.replace("_", "")
    sign = 1
    if value[:1] in "+-" and value:
        sign = -1 if value[0] == "-" else 1
        value = value[1:]
    if value.startswith("0o"):
        return sign * int(value[2:], 8)
    if value.startswith("0x"):
        return sign * int(value[2:], 16)
    if not value.isdigit():
        raise ValueError(f"{text!r} is not a whole number")
    return sign * int(value)


@dataclass
class Findings:
    """What one walk found: problems make the file invalid, warnings do not."""

    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def _field(trail: Trail) -> str:
    return ".".join(str(p) for p in trail)


def _at(path: str, node: yaml.Node, trail: Trail, message: str) -> Problem:
    return Problem(path, node.start_mark.line + 1, node.start_mark.column + 1, _field(trail), message)


def _shown(text: str) -> str:
    return text if len(text) <= 24 else f"{text[:12]}… ({len(text)} characters)"


def _number_problem(node: yaml.ScalarNode) -> str | None:
    """Why a scalar the resolver took for a number or a date cannot be used, or None."""
    text = node.value
    if node.tag == _INT_TAG:
        if sum(c.isalnum() for c in text) > _MAX_INT_TEXT:
            return f"the number {_shown(text)} is too large (whole numbers are limited to 10^18 in magnitude)"
        try:
            number = yaml12_int(text)
        except ValueError:
            return f"{_shown(text)} is not a whole number"
        if abs(number) > MAX_INT:
            return f"the number {_shown(text)} is too large (whole numbers are limited to 10^18 in magnitude)"
    elif node.tag == _FLOAT_TAG:
        if text.strip().lower().replace("_", "") in _NON_FINITE:
            return f"{text} is not a finite number (infinity and NaN are not allowed)"
        try:
            value = _scalars.construct_yaml_float(node)
        except ValueError:
            return f"{_shown(text)} is not a number"
        if not math.isfinite(value):
            return f"the number {_shown(text)} is too large (beyond the range of a floating-point number)"
    elif node.tag == _TIMESTAMP_TAG:
        try:
            _scalars.construct_yaml_timestamp(node)
        except (ValueError, TypeError, AttributeError):  # AttributeError: an explicit tag on text that does not match
            return f"{_shown(text)} is not a valid date or time; put it in quotes if it is text"
    return None


def _control_warning(text: str) -> str:
    chars = sorted(set(CONTROL_RE.findall(text)))
    listed = ", ".join(f"{visible(c)} (U+{ord(c):04X})" for c in chars)
    shown = ", ".join(visible(c) for c in chars)
    if len(chars) == 1:
        return f"control character {listed}: a terminal would act on it, so it is shown as {shown} instead"
    return f"control characters {listed}: a terminal would act on them, so they are shown as {shown} instead"


def _number_key_warning(key: yaml.ScalarNode) -> str:
    return (
        f"the key {key.value} is a number to YAML; it is read as the text {key.value!r}, but editors that check "
        f'the schema (yaml-language-server) flag a number as a key: write "{key.value}": in quotes'
    )


def _duplicates(path: str, node: yaml.MappingNode, trail: Trail, into: list[Problem]) -> None:
    seen: dict[str, yaml.Node] = {}
    for key, _value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            continue
        if key.value in seen and key.value != "<<":
            first = seen[key.value].start_mark.line + 1
            into.append(_at(path, key, (*trail, key.value), f"duplicate key (first defined on line {first})"))
        seen[key.value] = key


def _children(node: yaml.Node, trail: Trail) -> list[tuple[yaml.Node, Trail]]:
    """A node's children in document order (a mapping's key then its value), with their trails."""
    out: list[tuple[yaml.Node, Trail]] = []
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name: str | int = key.value if isinstance(key, yaml.ScalarNode) else "?"
            child_trail = (*trail, name)
            out.append((key, child_trail))
            out.append((value, child_trail))
    elif isinstance(node, yaml.SequenceNode):
        out = [(item, (*trail, i)) for i, item in enumerate(node.value)]
    return out


def walk(path: str, root: yaml.Node, *, max_values: int = MAX_VALUES, max_depth: int = MAX_DEPTH) -> Findings:
    """Check the tree under ``root`` visiting each node once (see the module docstring).

    A limit (size, depth, a recursive alias) raises :class:`ContentError` at once;
    problems with keys and numbers are all collected and returned with the warnings.
    A document without aliases is a plain tree, fully checked in this one pass; one with
    aliases also has its expanded size and depth counted by :func:`_check_expansion`.
    Scalars are checked where they stand (most nodes are scalars: this keeps the pass a
    fraction of the cost of composing); collections go on an explicit stack, never recursion.
    """
    found = Findings()
    seen: set[int] = set()  # collections already walked
    reported: set[int] = set()  # scalars already reported (an aliased scalar is checked once)
    count = 0
    shared = False
    search = CONTROL_RE.search

    def scalar(node: yaml.ScalarNode, trail: Trail) -> None:
        if node.tag in _CHECKED_TAGS:
            problem = _number_problem(node)
            if problem is not None and id(node) not in reported:
                reported.add(id(node))
                found.problems.append(_at(path, node, trail, problem))
        elif CONTROL_RE.search(node.value) and id(node) not in reported:
            reported.add(id(node))
            found.warnings.append(_at(path, node, trail, _control_warning(node.value)))

    if isinstance(root, yaml.ScalarNode):
        scalar(root, ())
        return found
    stack: list[tuple[yaml.Node, Trail, int]] = [(root, (), 1)]
    while stack:
        node, trail, depth = stack.pop()
        if id(node) in seen:
            shared = True  # reached again through an alias: checked once already
            continue
        seen.add(id(node))
        count += 1
        if count > max_values:
            raise ContentError([_at(path, node, trail, f"the file holds more than {max_values:,} values")])
        if depth > max_depth:
            raise ContentError([_at(path, node, trail, f"this is nested more than {max_depth} levels deep")])
        pending: list[tuple[yaml.Node, Trail, int]] = []
        if isinstance(node, yaml.MappingNode):
            _duplicates(path, node, trail, found.problems)
            count += 2 * len(node.value)
            for key, value in node.value:
                name: str | int = key.value if isinstance(key, yaml.ScalarNode) else "?"
                if isinstance(key, yaml.ScalarNode) and key.tag in _NUMBER_KEY_TAGS and not key.style:
                    found.warnings.append(_at(path, key, (*trail, name), _number_key_warning(key)))
                for child in (key, value):
                    if not isinstance(child, yaml.ScalarNode):
                        count -= 1  # counted when it is walked
                        pending.append((child, (*trail, name), depth + 1))
                    elif child.tag in _CHECKED_TAGS or search(child.value):
                        scalar(child, (*trail, name))
        elif isinstance(node, yaml.SequenceNode):
            count += len(node.value)
            for i, item in enumerate(node.value):
                if not isinstance(item, yaml.ScalarNode):
                    count -= 1
                    pending.append((item, (*trail, i), depth + 1))
                elif item.tag in _CHECKED_TAGS or search(item.value):
                    scalar(item, (*trail, i))
        if count > max_values:
            raise ContentError([_at(path, node, trail, f"the file holds more than {max_values:,} values")])
        stack.extend(reversed(pending))
    if shared:
        _check_expansion(path, root, max_values=max_values, max_depth=max_depth)
    found.problems.sort(key=_position)
    found.warnings.sort(key=_position)
    return found


def _position(problem: Problem) -> tuple[int, int]:
    return problem.line or 0, problem.column or 0


def _check_expansion(path: str, root: yaml.Node, *, max_values: int, max_depth: int) -> None:
    """Refuse a document whose aliases, expanded, exceed the caps or refer to their own anchor.

    Post-order over the node graph, each node once: a node's expanded size is one plus
    its children's, its height one plus its tallest child's.
    """
    size: dict[int, int] = {}
    height: dict[int, int] = {}
    on_path: set[int] = set()
    # (node, trail, depth, parent, leaving): a ``leaving`` entry totals a node after its children.
    stack: list[tuple[yaml.Node, Trail, int, yaml.Node | None, bool]] = [(root, (), 1, None, False)]
    while stack:
        node, trail, depth, parent, leaving = stack.pop()
        key = id(node)
        if leaving:
            on_path.discard(key)
            children = [c for c, _ in _children(node, trail)]
            size[key] = 1 + sum(size[id(c)] for c in children)
            height[key] = 1 + max((height[id(c)] for c in children), default=0)
            if size[key] > max_values:
                raise ContentError([_at(path, node, trail, (
                    f"this expands to more than {max_values:,} values once its aliases (*name) are counted as "
                    "copies of what they refer to; write the values out, or use fewer aliases"))])
            if depth + height[key] - 1 > max_depth:
                raise ContentError([_at(path, node, trail, (
                    f"this nests more than {max_depth} levels deep once its aliases (*name) are followed"))])
            continue
        if key in size:
            continue  # shared through an alias, and already counted
        if key in on_path:
            raise ContentError([_at(path, parent or node, trail, (
                "an alias (*name) here refers to a value that contains it; recursive structures are not allowed"))])
        on_path.add(key)
        stack.append((node, trail, depth, parent, True))
        for child, child_trail in reversed(_children(node, trail)):
            stack.append((child, child_trail, depth + 1, node, False))
