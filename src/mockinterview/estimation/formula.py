"""The safe formula evaluator: a whitelist over Python's ``ast``.

A figure's formula (``urls_per_day / 86400``) is parsed with :func:`ast.parse` and every
node checked against a whitelist: numbers, names, ``+ - * / **``, unary ``-``/``+`` and
parentheses. Nothing is ever passed to ``eval``/``exec``/``compile``; values are computed
by walking the tree, with caps on length, depth, exponents and magnitude.
"""

from __future__ import annotations

import ast
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from mockinterview.errors import FormulaError

__all__ = ["MAX_EXPONENT", "MAX_MAGNITUDE", "Formula", "compile_formula", "compiled"]

MAX_MAGNITUDE = 1e30
"""Largest absolute value any literal, intermediate or result may have."""
MAX_EXPONENT = 100
"""Largest absolute exponent allowed on the right of ``**``."""
MAX_FORMULA_LENGTH = 500
MAX_DEPTH = 50

_ALLOWED_HELP = "allowed: numbers, names, + - * / ** and parentheses"

_BINOPS: dict[type[ast.operator], str] = {
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
    ast.Pow: "**",
}
_UNARYOPS: dict[type[ast.unaryop], str] = {ast.USub: "-", ast.UAdd: "+"}

_OPERATOR_NAMES: dict[type[ast.AST], str] = {
    ast.FloorDiv: "//",
    ast.Mod: "%",
    ast.MatMult: "@",
    ast.LShift: "<<",
    ast.RShift: ">>",
    ast.BitOr: "|",
    ast.BitXor: "^",
    ast.BitAnd: "&",
    ast.Invert: "~",
    ast.Not: "not",
}

_NODE_NAMES: dict[type[ast.AST], str] = {
    ast.Call: "function calls are",
    ast.Attribute: "attribute access is",
    ast.Subscript: "subscripts (indexing) are",
    ast.Slice: "slices are",
    ast.ListComp: "comprehensions are",
    ast.SetComp: "comprehensions are",
    ast.DictComp: "comprehensions are",
    ast.GeneratorExp: "generator expressions are",
    ast.Lambda: "lambdas are",
    ast.Compare: "comparisons are",
    ast.BoolOp: "boolean operators (and/or) are",
    ast.IfExp: "conditional expressions are",
    ast.JoinedStr: "f-strings are",
    ast.FormattedValue: "f-strings are",
    ast.List: "lists are",
    ast.Tuple: "tuples are",
    ast.Set: "sets are",
    ast.Dict: "dicts are",
    ast.Starred: "starred expressions are",
    ast.NamedExpr: "assignment expressions (:=) are",
    ast.Await: "await is",
    ast.Yield: "yield is",
    ast.YieldFrom: "yield is",
}


def _not_allowed(what: str, text: str) -> FormulaError:
    return FormulaError(f"{what} not allowed in formula {text!r} ({_ALLOWED_HELP})")


def _check_magnitude(x: float, text: str) -> float:
    if not math.isfinite(x) or abs(x) > MAX_MAGNITUDE:
        raise FormulaError(f"formula {text!r} gives a value too large (beyond {MAX_MAGNITUDE:g} in magnitude)")
    return x


def _validate(tree: ast.Expression, text: str) -> frozenset[str]:
    """Check every node against the whitelist (iteratively); return the names used."""
    names: set[str] = set()
    stack: list[tuple[ast.AST, int]] = [(tree.body, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise FormulaError(f"formula {text!r} is nested too deeply (more than {MAX_DEPTH} levels)")
        if isinstance(node, ast.Constant):
            value = node.value
            if isinstance(value, bool) or value is None:
                raise _not_allowed(f"the constant {value!r} is", text)
            if isinstance(value, (str, bytes)):
                raise _not_allowed("strings are", text)
            if isinstance(value, complex):
                raise _not_allowed("complex numbers are", text)
            if not isinstance(value, (int, float)):
                raise _not_allowed(f"the constant {value!r} is", text)
            if isinstance(value, int) and abs(value) > MAX_MAGNITUDE:
                raise FormulaError(f"the number {value} in formula {text!r} is too large")
            _check_magnitude(float(value), text)
        elif isinstance(node, ast.Name):
            if not isinstance(node.ctx, ast.Load):  # pragma: no cover - not reachable in eval mode
                raise _not_allowed("assignment is", text)
            names.add(node.id)
        elif isinstance(node, ast.BinOp):
            if type(node.op) not in _BINOPS:
                op = _OPERATOR_NAMES.get(type(node.op), type(node.op).__name__)
                raise _not_allowed(f"the operator {op} is", text)
            stack.append((node.left, depth + 1))
            stack.append((node.right, depth + 1))
        elif isinstance(node, ast.UnaryOp):
            if type(node.op) not in _UNARYOPS:
                op = _OPERATOR_NAMES.get(type(node.op), type(node.op).__name__)
                raise _not_allowed(f"the operator {op} is", text)
            stack.append((node.operand, depth + 1))
        else:
            what = _NODE_NAMES.get(type(node), f"{type(node).__name__} expressions are")
            raise _not_allowed(what, text)
    return frozenset(names)


def _eval(node: ast.AST, values: Mapping[str, float], text: str) -> float:
    if isinstance(node, ast.Constant):
        if not isinstance(node.value, int | float):  # pragma: no cover - refused by _validate
            raise _not_allowed(f"the constant {node.value!r} is", text)
        return float(node.value)
    if isinstance(node, ast.Name):
        try:
            return float(values[node.id])
        except KeyError:
            known = ", ".join(sorted(values)) or "(none)"
            raise FormulaError(f"unknown name {node.id!r} in formula {text!r}; known names: {known}") from None
    if isinstance(node, ast.UnaryOp):
        x = _eval(node.operand, values, text)
        return -x if isinstance(node.op, ast.USub) else x
    if isinstance(node, ast.BinOp):
        a = _eval(node.left, values, text)
        b = _eval(node.right, values, text)
        op = type(node.op)
        try:
            if op is ast.Add:
                r = a + b
            elif op is ast.Sub:
                r = a - b
            elif op is ast.Mult:
                r = a * b
            elif op is ast.Div:
                if b == 0:
                    raise FormulaError(f"division by zero in formula {text!r}")
                r = a / b
            else:  # ast.Pow
                if abs(b) > MAX_EXPONENT:
                    raise FormulaError(
                        f"exponent {b:g} in formula {text!r} is too large (at most {MAX_EXPONENT} in magnitude)"
                    )
                if a == 0 and b < 0:
                    raise FormulaError(f"zero raised to a negative power in formula {text!r}")
                r = math.pow(a, b)
        except OverflowError:
            raise FormulaError(f"formula {text!r} gives a value too large") from None
        except ValueError:
            raise FormulaError(f"formula {text!r} has no real value (a negative number to a fractional power)") from None
        return _check_magnitude(r, text)
    raise _not_allowed(f"{type(node).__name__} expressions are", text)  # pragma: no cover - validated


@dataclass(frozen=True)
class Formula:
    """A validated formula. Build with :func:`compile_formula`."""

    text: str
    names: frozenset[str]
    _body: ast.AST = field(repr=False, compare=False)

    def evaluate(self, values: Mapping[str, float]) -> float:
        """The formula's value, with names taken from ``values``.

        Raises :class:`FormulaError` for a name missing from ``values`` (naming it and
        listing the known ones), division by zero, or a value beyond ``MAX_MAGNITUDE``.
        """
        return _check_magnitude(_eval(self._body, values, self.text), self.text)


def compile_formula(text: str, known: Iterable[str] | None = None) -> Formula:
    """Parse and validate ``text``; never compiles it to code.

    Allowed: int and float literals (``86400``, ``1e6``), names, ``+ - * / **``,
    unary ``-``/``+`` and parentheses. Anything else — calls, attribute access,
    subscripts, comprehensions, lambdas, comparisons, strings, booleans, other
    operators — is a :class:`FormulaError` naming what is not allowed. If ``known``
    is given, a name outside it is an error too.
    """
    if not isinstance(text, str) or not text.strip():
        raise FormulaError("a formula is empty")
    if len(text) > MAX_FORMULA_LENGTH:
        raise FormulaError(f"a formula is too long ({len(text)} characters; at most {MAX_FORMULA_LENGTH})")
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError as exc:
        detail = exc.msg or "invalid syntax"
        raise FormulaError(f"formula {text!r} is not valid: {detail} ({_ALLOWED_HELP})") from None
    except (ValueError, RecursionError, MemoryError):
        raise FormulaError(f"formula {text!r} is not valid ({_ALLOWED_HELP})") from None
    names = _validate(tree, text)
    if known is not None:
        known_set = set(known)
        unknown = sorted(names - known_set)
        if unknown:
            listing = ", ".join(sorted(known_set)) or "(none)"
            raise FormulaError(f"unknown name {unknown[0]!r} in formula {text!r}; known names: {listing}")
    return Formula(text=text, names=names, _body=tree.body)


_CACHE: dict[str, Formula] = {}


def compiled(text: str) -> Formula:
    """:func:`compile_formula`, remembered (formulas repeat across checks, computes and derivations)."""
    formula = _CACHE.get(text)
    if formula is None:
        formula = compile_formula(text)
        if len(_CACHE) < 4096:
            _CACHE[text] = formula
    return formula
