"""Words as the coach compares them: tokens, stems, abbreviations, negation.

A line is cut into *tokens* by :data:`TOKEN_RE`: runs of letters and digits (an
apostrophe inside a word is kept, ``don't``; a decimal or thousands number is one token,
``1.2K``, ``1,200``), and single punctuation marks that end a clause. Hyphens, slashes
and spaces only separate words, so "fan-out", "fan/out" and "fan out" give the same
two tokens; "fanout" is one token, which the matcher meets by also joining neighbours.

Each token's *lexeme* says what it is (stop word, negator, clause end, content) and,
for content, its *keys*: the words it stands for, each stemmed (Snowball English, via
PyStemmer). An abbreviation stands for its expansion (``LB`` -> ``load``, ``balanc``);
a number stands for its value (``1.2K`` -> ``1200``; ``200ms`` -> ``200``, ``ms``).
Lexemes depend only on the token's text, so they are cached for the whole process.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import IntEnum
from typing import Final, Protocol

from mockinterview.coach.words import (
    ABBREVIATIONS,
    NEGATION_CANCELS,
    NEGATION_WINDOW,
    NEGATOR_PAIRS,
    NEGATORS,
    SCOPE_ENDS,
    STOP_WORDS,
    WORD_FORMS,
)

__all__ = [
    "TOKEN_RE",
    "Kind",
    "Lexeme",
    "PhraseUnit",
    "clear_caches",
    "lexeme",
    "negation_walk",
    "phrase_units",
    "stem",
    "token_spans",
    "tokens",
]

#: Tokens: a number with decimals or thousands separators (and a suffix: ``1.2K``), a
#: word (letters and digits, with inner apostrophes), or one clause-ending mark.
TOKEN_RE: Final = re.compile(r"[^\W_]+(?:(?:['’]|(?<=\d)[.,](?=\d))[^\W_]+)*|[,;:.!?()\[\]{}<>=|→⇒—–]")

_NUMBER_RE: Final = re.compile(r"(\d+(?:[.,]\d+)*)([^\W\d_]*)")
_THOUSANDS_RE: Final = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
#: Suffixes that belong to a number: thousand, million, billion, trillion.
_MAGNITUDES: Final[dict[str, float]] = {"k": 1e3, "m": 1e6, "mm": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9, "t": 1e12}
_NEGATOR_PAIR_NEXT: Final[dict[str, str]] = dict(NEGATOR_PAIRS)


class Kind(IntEnum):
    """What a token is to the matcher."""

    BOUNDARY = 0  # , ; : . ! ? brackets: ends a negation's reach and a compound
    STOP = 1  # dropped
    NEGATOR = 2  # no, not, without, never, n't ...
    SCOPE_END = 3  # and, but, so ... : ends a negation's reach, otherwise dropped
    CONTENT = 4  # a word that counts


class _StemmerLike(Protocol):
    def stemWord(self, word: str) -> str: ...  # PyStemmer's name


def _load_stemmer() -> _StemmerLike:
    # PyStemmer ships no type hints; the one method used is described by the Protocol.
    module = importlib.import_module("Stemmer")
    stemmer: _StemmerLike = module.Stemmer("english")
    return stemmer


_STEMMER: Final = _load_stemmer()
_STEMS: dict[str, str] = {}


def stem(word: str) -> str:
    """``word`` (lowercase) as the stemmer reduces it, after the irregular forms table."""
    got = _STEMS.get(word)
    if got is None:
        base = WORD_FORMS.get(word, word)
        got = _STEMMER.stemWord(base)
        if len(_STEMS) > 200_000:
            _STEMS.clear()
        _STEMS[word] = got
    return got


@dataclass(frozen=True, slots=True)
class Lexeme:
    """One token's meaning. ``words`` are the lowercase words it stands for and ``keys``
    their stems (the same length); both empty unless ``kind`` is CONTENT."""

    kind: Kind
    lower: str
    words: tuple[str, ...] = ()
    keys: tuple[str, ...] = ()
    number: bool = False
    abbreviation: bool = False
    cancels: bool = False  # "only" in "not only": cancels a negation just begun
    pair_next: str | None = None  # "instead" negates when followed by "of"


def _canonical_number(digits: str) -> float:
    if "," in digits:
        digits = digits.replace(",", "") if _THOUSANDS_RE.fullmatch(digits) else digits.replace(",", ".")
    try:
        return float(digits)
    except ValueError:  # "1.2.3": keep the digits only
        return float(re.sub(r"\D", "", digits) or 0)


def _number_text(value: float) -> str:
    return f"{value:.12g}"


def _content_words(low: str) -> tuple[tuple[str, ...], bool, bool]:
    """The words a content token stands for, and whether it is a number / an abbreviation."""
    expansion = ABBREVIATIONS.get(low)
    if expansion is None and low.endswith("s") and len(low) > 2:
        expansion = ABBREVIATIONS.get(low[:-1])
    if expansion is not None:
        words = tuple(w for w in expansion.split() if w not in STOP_WORDS)
        return words, False, True
    m = _NUMBER_RE.fullmatch(low)
    if m:
        digits, suffix = m.groups()
        value = _canonical_number(digits)
        if suffix in _MAGNITUDES:
            return (_number_text(value * _MAGNITUDES[suffix]),), True, False
        if suffix:
            return (_number_text(value), suffix), True, False
        return (_number_text(value),), True, False
    return (low,), False, False


_LEXEMES: dict[str, Lexeme] = {}


def lexeme(token: str) -> Lexeme:
    """What ``token`` (as :data:`TOKEN_RE` cut it) means; cached."""
    got = _LEXEMES.get(token)
    if got is None:
        got = _make_lexeme(token)
        if len(_LEXEMES) > 200_000:
            _LEXEMES.clear()
        _LEXEMES[token] = got
    return got


def _make_lexeme(token: str) -> Lexeme:
    low = token.lower().replace("’", "'")
    if not (low[0].isalnum()):
        return Lexeme(Kind.BOUNDARY, low)
    if low.endswith("'s"):
        low = low[:-2]
    if low in NEGATORS or low.endswith("n't"):
        return Lexeme(Kind.NEGATOR, low)
    if low in _NEGATOR_PAIR_NEXT:
        return Lexeme(Kind.SCOPE_END, low, pair_next=_NEGATOR_PAIR_NEXT[low])
    if low in SCOPE_ENDS:
        return Lexeme(Kind.SCOPE_END, low)
    low = low.replace("'", "")
    if low in STOP_WORDS or not low:
        return Lexeme(Kind.STOP, low, cancels=low in NEGATION_CANCELS)
    words, number, abbreviation = _content_words(low)
    keys = tuple(w if number and i == 0 else stem(w) for i, w in enumerate(words))
    return Lexeme(Kind.CONTENT, low, words, keys, number=number, abbreviation=abbreviation)


def clear_caches() -> None:
    """Forget every cached stem and lexeme (for benchmarks that measure a cold start)."""
    _STEMS.clear()
    _LEXEMES.clear()


def tokens(text: str) -> list[str]:
    """``text`` cut into tokens (strings), in order."""
    return TOKEN_RE.findall(text)


def token_spans(text: str) -> list[tuple[int, int]]:
    """Where each token of :func:`tokens` is in ``text`` (``[start, end)``), in the same order."""
    return [m.span() for m in TOKEN_RE.finditer(text)]


@dataclass(frozen=True, slots=True)
class PhraseUnit:
    """One content token of a phrase: its words and keys, whether it is negated, and
    whether it directly follows the previous unit (no stop word or mark between)."""

    lower: str
    words: tuple[str, ...]
    keys: tuple[str, ...]
    negated: bool
    adjacent: bool
    number: bool
    abbreviation: bool


def negation_walk(toks: list[str]) -> Iterator[tuple[int, Lexeme, bool, bool]]:
    """Each content token of ``toks``: its index, lexeme, whether it is negated, and
    whether it directly follows the previous content token.

    The negation rule (docs/coach.md): a negator (no, not, without, never, any n't
    word, "instead of", "rather than") negates the next NEGATION_WINDOW content words,
    up to a clause end (a punctuation mark or a word in SCOPE_ENDS). "not only" / "not
    just" negate nothing. This generator is the reference the matcher's fast loop follows.
    """
    neg = 0
    pending: str | None = None
    adjacent = False
    for i, tok in enumerate(toks):
        lx = lexeme(tok)
        if pending is not None:
            if lx.lower == pending:
                neg, pending, adjacent = NEGATION_WINDOW, None, False
                continue
            pending = None
        kind = lx.kind
        if kind is Kind.CONTENT:
            negated = neg > 0
            if negated:
                neg -= 1
            yield i, lx, negated, adjacent
            adjacent = True
            continue
        adjacent = False
        if kind is Kind.STOP:
            if lx.cancels and neg == NEGATION_WINDOW:
                neg = 0
        elif kind is Kind.NEGATOR:
            neg = NEGATION_WINDOW
        else:
            neg = 0
            pending = lx.pair_next


def phrase_units(phrase: str) -> list[PhraseUnit]:
    """A key point phrase's content words, in order (empty if it has only stop words,
    which can never match: :func:`mockinterview.coach.matcher.unmatchable_phrases`)."""
    return [
        PhraseUnit(lx.lower, lx.words, lx.keys, negated, adjacent, lx.number, lx.abbreviation)
        for _, lx, negated, adjacent in negation_walk(tokens(phrase))
    ]
