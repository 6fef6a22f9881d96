"""Matching notes against phrases and key points: deterministic and explainable.

A phrase matches a line when every content word of the phrase is on that one line,
in any order, compared as keys (:mod:`~mockinterview.coach.normalize`): same stem,
abbreviations expanded, a negated word only matching a negated word. Compounds are
met both ways: a phrase's neighbouring words are also tried joined ("fan out" ->
"fanout") and a line's neighbouring tokens are also joined ("web socket" ->
"websocket"). A line word of at least TYPO_MIN_LENGTH letters that is no known word
may stand for a phrase word it is within TYPO_THRESHOLD of (same first letter).

:class:`Vocabulary` holds every key the coach looks for, as small integers, and the
caches that keep re-checking fast: a token's meaning is worked out once, a line's set
of keys once. :class:`PhraseIndex` finds, for each phrase, the first line it matches.
:class:`PointMatcher` turns that into a :class:`~mockinterview.coach.checklist.Checklist`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from mockinterview.coach.checklist import Checklist, ChecklistItem, Match, Route
from mockinterview.coach.normalize import Kind, lexeme, phrase_units, token_spans, tokens
from mockinterview.coach.words import NEGATION_WINDOW, NOT_TYPOS, TYPO_MIN_LENGTH, TYPO_THRESHOLD
from mockinterview.content.coaching import FigureTarget, KeyPoint

__all__ = [
    "FigureFinder",
    "FigureHit",
    "FirstLines",
    "Lines",
    "Phrase",
    "PhraseIndex",
    "PointMatcher",
    "Vocabulary",
    "numbered",
    "unmatchable_phrases",
]

#: Notes as numbered lines: ``(line number, text)``.
Lines = Sequence[tuple[int, str]]


@dataclass(frozen=True)
class FigureHit:
    """A number in the notes that is on target for a key point's figure."""

    line: int
    text: str
    span: tuple[int, int]
    phrase: str  # what to show as the matched "phrase", e.g. "tweets_per_second ~ 1,157/s"


#: Finds the evidence that a figure target is on target in some lines (see figures.py).
FigureFinder = Callable[[FigureTarget, Lines], FigureHit | None]

_MAX_ALTERNATIVES = 64
_MAX_LINES_CACHED = 50_000
_CONTENT = Kind.CONTENT
_STOP = Kind.STOP
_NEGATOR = Kind.NEGATOR


def numbered(notes: str | Lines, first_line: int = 1) -> Lines:
    """``notes`` as numbered lines: a string is split into lines numbered from ``first_line``;
    numbered lines are returned as they are."""
    if isinstance(notes, str):
        return [(first_line + i, line) for i, line in enumerate(notes.splitlines())]
    return notes


@dataclass(slots=True)
class _Tok:
    """A token as this vocabulary sees it: the key ids it gives, plain and negated."""

    kind: Kind
    lower: str
    pos: tuple[int, ...]
    neg: tuple[int, ...]
    left: bool  # may be the first half of a compound ("web" of "web socket")
    cancels: bool
    pair_next: str | None


@dataclass(frozen=True)
class Phrase:
    """A compiled phrase: the sets of key ids, any one of which on a line matches it."""

    text: str
    alternatives: tuple[frozenset[int], ...]


@dataclass(frozen=True, slots=True)
class _Word:
    word: str
    key: str
    negated: bool
    adjacent: bool
    joinable: bool


@dataclass
class Vocabulary:
    """Every key the coach looks for, with the caches that make checking fast.

    ``known_words`` are real words never read as typos (besides words.NOT_TYPOS).
    Add every phrase (:meth:`phrase`) before scanning; adding one later clears the caches.
    """

    known_words: Collection[str] = ()
    _ids: dict[str, int] = field(default_factory=dict)
    _left: set[str] = field(default_factory=set)
    _typo_choices: dict[str, dict[str, str]] = field(default_factory=dict)
    _known: set[str] = field(default_factory=set)
    _toks: dict[str, _Tok] = field(default_factory=dict)
    _lines: dict[str, frozenset[int]] = field(default_factory=dict)
    _spans: dict[tuple[str, frozenset[int]], tuple[tuple[int, int], ...]] = field(default_factory=dict)
    #: Counts the phrases added: caches built on this vocabulary's ids check it.
    generation: int = 0

    def __post_init__(self) -> None:
        self._known = set(NOT_TYPOS) | {w.lower() for w in self.known_words}

    def clear_caches(self) -> None:
        """Forget every token and line worked out (the caches built on this vocabulary follow)."""
        self._toks.clear()
        self._lines.clear()
        self._spans.clear()
        self.generation += 1

    # Compiling ---------------------------------------------------------------------
    def _id(self, key: str) -> int:
        got = self._ids.get(key)
        if got is None:
            got = self._ids[key] = len(self._ids)
        return got

    def phrase(self, text: str) -> Phrase:
        """Compile ``text``; its keys join the vocabulary."""
        self.clear_caches()
        words: list[_Word] = []
        for unit in phrase_units(text):
            for j, (word, key) in enumerate(zip(unit.words, unit.keys, strict=True)):
                joinable = not unit.number and word.isalpha()
                words.append(_Word(word, key, unit.negated, unit.adjacent if j == 0 else True, joinable))
        alternatives: list[frozenset[int]] = []
        for keys in self._alternatives(words):
            alt = frozenset(self._id(k) for k in keys)
            if alt not in alternatives:
                alternatives.append(alt)
        for w in words:
            if w.joinable and len(w.word) >= 6:
                self._left.update(w.word[:n] for n in range(2, len(w.word) - 1))
            self._typo_choice(w.word, w.key)
        return Phrase(text, tuple(alternatives))

    def _typo_choice(self, word: str, key: str) -> None:
        if len(word) >= TYPO_MIN_LENGTH and word.isalpha():
            self._typo_choices.setdefault(word[0], {})[word] = key

    def _alternatives(self, words: list[_Word]) -> Iterator[tuple[str, ...]]:
        """Every way of joining neighbouring words into compounds (no overlaps)."""
        out: list[tuple[str, ...]] = []

        def walk(i: int, acc: tuple[str, ...]) -> None:
            if len(out) >= _MAX_ALTERNATIVES:
                return
            if i == len(words):
                out.append(acc)
                return
            w = words[i]
            walk(i + 1, (*acc, _mark(w.key, w.negated)))
            if i + 1 < len(words):
                nxt = words[i + 1]
                if w.joinable and nxt.joinable and nxt.adjacent and w.negated == nxt.negated:
                    joined = w.word + nxt.word
                    lx = lexeme(joined)
                    if lx.kind is _CONTENT:
                        self._left.add(w.word)
                        if len(lx.keys) == 1:
                            self._typo_choice(joined, lx.keys[0])
                        walk(i + 2, (*acc, *(_mark(k, w.negated) for k in lx.keys)))

        walk(0, ())
        yield from out

    # Scanning ----------------------------------------------------------------------
    def _tok(self, token: str) -> _Tok:
        lx = lexeme(token)
        if lx.kind is not _CONTENT:
            t = _Tok(lx.kind, lx.lower, (), (), False, lx.cancels, lx.pair_next)
        else:
            ids = self._ids
            pos: list[int] = []
            neg: list[int] = []
            for word, key in zip(lx.words, lx.keys, strict=True):
                keys = [key]
                if key not in ids and "!" + key not in ids and not lx.number:
                    keys = self._typo_keys(word) or keys
                for k in keys:
                    if k in ids:
                        pos.append(ids[k])
                    if "!" + k in ids:
                        neg.append(ids["!" + k])
            t = _Tok(lx.kind, lx.lower, tuple(pos), tuple(neg), lx.lower in self._left, False, None)
        self._toks[token] = t
        return t

    def _typo_keys(self, word: str) -> list[str]:
        """The keys of the phrase words ``word`` may be a typo of (the best-scoring ones)."""
        if len(word) < TYPO_MIN_LENGTH or not word.isalpha() or word in self._known:
            return []
        choices = self._typo_choices.get(word[0])
        if not choices:
            return []
        found = process.extract(word, list(choices), scorer=fuzz.ratio, score_cutoff=TYPO_THRESHOLD, limit=None)
        if not found:
            return []
        best = max(score for _, score, _ in found)
        return sorted({choices[choice] for choice, score, _ in found if score == best})

    def _scan(self, toks: list[str], contrib: list[tuple[int, int, tuple[int, ...]]] | None) -> set[int]:
        """The key ids on a line of tokens (see normalize.negation_walk for the rule this
        loop follows); with ``contrib``, also which tokens gave which ids."""
        found: set[int] = set()
        cache = self._toks
        neg = 0
        pending: str | None = None
        prev: _Tok | None = None
        for i, s in enumerate(toks):
            t = cache.get(s)
            if t is None:
                t = self._tok(s)
            if pending is not None:
                if t.lower == pending:
                    neg, pending, prev = NEGATION_WINDOW, None, None
                    continue
                pending = None
            kind = t.kind
            if kind is _CONTENT:
                negated = neg > 0
                if negated:
                    neg -= 1
                ids = t.neg if negated else t.pos
                if ids:
                    found.update(ids)
                    if contrib is not None:
                        contrib.append((i, i, ids))
                if prev is not None and prev.left:
                    joined = prev.lower + t.lower
                    j = cache.get(joined)
                    if j is None:
                        j = self._tok(joined)
                    jids = j.neg if negated else j.pos
                    if jids:
                        found.update(jids)
                        if contrib is not None:
                            contrib.append((i - 1, i, jids))
                prev = t
                continue
            prev = None
            if kind is _STOP:
                if t.cancels and neg == NEGATION_WINDOW:
                    neg = 0
            elif kind is _NEGATOR:
                neg = NEGATION_WINDOW
            else:
                neg = 0
                pending = t.pair_next
        return found

    def line_ids(self, line: str) -> frozenset[int]:
        """The key ids on ``line`` (cached by its text)."""
        got = self._lines.get(line)
        if got is None:
            got = frozenset(self._scan(tokens(line), None))
            if len(self._lines) >= _MAX_LINES_CACHED:
                self._lines.clear()
            self._lines[line] = got
        return got

    def contributions(self, line: str) -> list[tuple[tuple[int, int], frozenset[int]]]:
        """Each ``[start, end)`` character span of ``line`` that gives key ids, with the ids."""
        toks = tokens(line)
        contrib: list[tuple[int, int, tuple[int, ...]]] = []
        self._scan(toks, contrib)
        if not contrib:
            return []
        spans = token_spans(line)
        return [((spans[a][0], spans[b][1]), frozenset(ids)) for a, b, ids in contrib]

    def spans(self, line: str, wanted: frozenset[int]) -> tuple[tuple[int, int], ...]:
        """The spans of ``line`` that gave any of ``wanted`` (sorted, merged when nested; cached)."""
        key = (line, wanted)
        got = self._spans.get(key)
        if got is None:
            got = self._spans_of(line, wanted)
            if len(self._spans) >= _MAX_LINES_CACHED:
                self._spans.clear()
            self._spans[key] = got
        return got

    def _spans_of(self, line: str, wanted: frozenset[int]) -> tuple[tuple[int, int], ...]:
        hits = sorted({span for span, ids in self.contributions(line) if not ids.isdisjoint(wanted)})
        merged: list[tuple[int, int]] = []
        for start, end in hits:
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return tuple(merged)

    def key_ids(self, keys: Iterable[str]) -> frozenset[int]:
        """The ids of ``keys`` that are in the vocabulary (for tests and explanations)."""
        return frozenset(self._ids[k] for k in keys if k in self._ids)


def _mark(key: str, negated: bool) -> str:
    return "!" + key if negated else key


class PhraseIndex:
    """Finds, for each of a list of phrases, the first line that matches it.

    Each alternative is filed under its rarest key id, so a line only tests the
    alternatives anchored at ids it has.
    """

    def __init__(self, phrases: Sequence[Phrase]) -> None:
        self.phrases = tuple(phrases)
        counts = Counter(i for p in self.phrases for alt in p.alternatives for i in alt)
        self._anchors: dict[int, list[tuple[int, frozenset[int]]]] = {}
        for n, p in enumerate(self.phrases):
            for alt in p.alternatives:
                anchor = min(alt, key=lambda i: (counts[i], i))
                self._anchors.setdefault(anchor, []).append((n, alt))
        self._matchable = sum(1 for p in self.phrases if p.alternatives)
        self._hits: dict[str, tuple[tuple[int, frozenset[int]], ...]] = {}
        self._generation = -1

    def line_hits(self, vocab: Vocabulary, text: str) -> tuple[tuple[int, frozenset[int]], ...]:
        """Every ``(phrase index, alternative)`` that matches the line ``text`` (cached)."""
        if self._generation != vocab.generation:
            self._hits.clear()
            self._generation = vocab.generation
        got = self._hits.get(text)
        if got is None:
            ids = vocab.line_ids(text)
            out: list[tuple[int, frozenset[int]]] = []
            if ids:
                anchors = self._anchors
                for i in ids:
                    for n, alt in anchors.get(i, ()):
                        if alt <= ids:
                            out.append((n, alt))
            got = tuple(sorted(out, key=lambda h: h[0]))
            if len(self._hits) >= _MAX_LINES_CACHED:
                self._hits.clear()
            self._hits[text] = got
        return got

    def first_lines(self, vocab: Vocabulary, lines: Lines) -> dict[int, tuple[int, str, frozenset[int]]]:
        """Phrase index -> (line number, line text, the alternative that matched), for each
        phrase that matches some line (the first such line)."""
        found: dict[int, tuple[int, str, frozenset[int]]] = {}
        if not self._anchors:
            return found
        want = self._matchable
        self.line_hits(vocab, "")  # brings the cache up to the vocabulary's generation
        cache = self._hits
        for no, text in lines:
            hits = cache.get(text)
            if hits is None:
                hits = self.line_hits(vocab, text)
            if not hits:
                continue
            for n, alt in hits:
                if n not in found:
                    found[n] = (no, text, alt)
            if len(found) == want:
                break
        return found


#: Phrase index -> (line number, line text, the alternative that matched).
FirstLines = dict[int, tuple[int, str, frozenset[int]]]


@dataclass(frozen=True)
class _Point:
    phase: str
    point: KeyPoint
    curveball: str | None
    terms: tuple[int, ...]  # phrase indexes
    all_of: tuple[tuple[int, ...], ...]  # per entry, the phrase indexes of its alternatives


class PointMatcher:
    """Key points (each with its phase, and its curveball if it is one's), compiled against a
    vocabulary into one phrase index, so that one pass over the notes serves every phase."""

    def __init__(self, vocab: Vocabulary, points: Iterable[tuple[str, KeyPoint, str | None]]) -> None:
        self.vocab = vocab
        phrases: list[Phrase] = []

        def add(text: str) -> int:
            phrases.append(vocab.phrase(text.strip()))
            return len(phrases) - 1

        compiled: list[_Point] = []
        for phase, kp, curveball in points:
            terms = tuple(add(t) for t in kp.terms)
            all_of = tuple(tuple(add(alt) for alt in entry.split("|") if alt.strip()) for entry in kp.all_of)
            compiled.append(_Point(phase, kp, curveball, terms, all_of))
        self._points = tuple(compiled)
        self.index = PhraseIndex(phrases)

    def points(self, phase: str) -> tuple[KeyPoint, ...]:
        """``phase``'s key points, its curveballs' included, in order."""
        return tuple(p.point for p in self._points if p.phase == phase)

    def first_lines(self, lines: Lines) -> FirstLines:
        """Where each phrase first matches in ``lines`` (pass it to :meth:`check` to reuse it)."""
        return self.index.first_lines(self.vocab, lines)

    def check(
        self,
        phase: str,
        lines: Lines,
        *,
        figures: FigureFinder | None = None,
        curveballs: Collection[str] | None = None,
        first: FirstLines | None = None,
    ) -> Checklist:
        """The checklist of ``phase``'s points against ``lines``.

        ``curveballs``: the ids of the curveballs whose points to include (None: all).
        ``figures``: how to find a figure target's evidence; without it, figure
        routes never match. ``first``: :meth:`first_lines` of the same lines, if known.
        """
        points = [
            p
            for p in self._points
            if p.phase == phase and (p.curveball is None or curveballs is None or p.curveball in curveballs)
        ]
        if first is None:
            first = self.first_lines(lines)
        return Checklist(phase, tuple(self._item(p, lines, first, figures) for p in points))

    def _item(self, p: _Point, lines: Lines, first: FirstLines, figures: FigureFinder | None) -> ChecklistItem:
        kp = p.point
        phrases = self.index.phrases
        evidence: list[Match] = []

        def found(n: int, route: Route) -> bool:
            hit = first.get(n)
            if hit is None:
                return False
            no, text, alt = hit
            evidence.append(Match(kp.id, route, phrases[n].text, no, text, self.vocab.spans(text, alt)))
            return True

        by_term = [found(n, "term") for n in p.terms]
        parts: list[bool] = []
        for entry in p.all_of:
            hits = sorted((first[n][0], n) for n in entry if n in first)
            parts.append(bool(hits) and found(hits[0][1], "all_of"))
        by_all = bool(parts) and all(parts)
        by_figure = False
        if kp.figure is not None and figures is not None:
            hit = figures(kp.figure, lines)
            if hit is not None:
                evidence.append(Match(kp.id, "figure", hit.phrase, hit.line, hit.text, (hit.span,)))
                by_figure = True
        evidence.sort(key=lambda m: (m.line, _ROUTE_ORDER[m.route]))
        return ChecklistItem(
            id=kp.id,
            text=kp.text,
            criteria=tuple(kp.criteria),
            reference=kp.reference,
            curveball=p.curveball,
            detected=any(by_term) or by_all or by_figure,
            evidence=tuple(evidence),
        )


_ROUTE_ORDER: dict[Route, int] = {"term": 0, "all_of": 1, "figure": 2}


def unmatchable_phrases(points: Iterable[KeyPoint]) -> list[str]:
    """``"point-id: phrase"`` for each term or all_of phrase made only of stop words
    (it can never match); for the scenario checker."""
    out: list[str] = []
    for kp in points:
        for phrase in [*kp.terms, *(alt for entry in kp.all_of for alt in entry.split("|") if alt.strip())]:
            if not phrase_units(phrase):
                out.append(f"{kp.id}: {phrase!r} has only stop words, so it can never match")
    return out

