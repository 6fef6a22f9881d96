"""Numbers in the notes, attached to the estimation's figures and graded like the drill.

A *quantity* is a number as people write it, with what follows it: a magnitude
(``1.2K``, ``100M``), a unit (``91TB``, ``6.4 Gbps``, ``30 days``, ``80%``), a noun
(``240K writes``) and a rate (``/s``, ``per day``, ``QPS``). Its *clause* is its line cut
at ``,`` ``;`` ``|``, full stops and derivation arrows (``->``, ``=>``, ``→``: "100M
tweets/day -> write QPS ~1.2K/s" names two numbers); its *context* is the clause's words, without the
other quantities and without its own magnitude, unit and rate (a unit is compared as a
unit, below, not as a word). Its *heading* is the last line above it that ends with a
colon or is a Markdown heading ("Read Operations:").

A figure can take a quantity only if the quantity reads in the figure's unit (the
estimation parser decides: ``1.2K/s`` is no byte count), and a byte or bit figure only
one written with a byte or bit unit (elsewhere ``K``, ``M`` and ``B`` are thousand,
million and billion). The pairs are ranked by:

1. the *score*: the words the context shares with the figure's best phrase (its label,
   its name with ``_`` as spaces, its ``aliases``, and the terms of the key points that name it), each
   weighing 1 / the number of figures whose phrases have it; less 1 for each context word
   that only *other* figures' phrases have ("peak" counts against an average, "tweets"
   against timeline reads); plus 1 when the unit is written as the figure's (a rate per
   second for a per-second figure, bytes for bytes), 0 for a bare number, less 1 when it
   is converted (``/day`` written for a per-second figure). A pair needs a positive score,
   or zero for a quantity with a unit or a rate whose words name no other figure; on a
   tie, the figure whose phrase the context covers more of comes first ("write QPS" is
   all of one figure's "write QPS" and part of another's "peak write QPS");
2. the shared words' weight over the whole line (no deduction: the line's other clauses
   are about other numbers), then over its heading;
3. the shared words' weight among the words *next to* the quantity: those between it and
   the quantity before it in its clause, or, if none, those between it and the next one
   ("write QPS ~1.2K/s peak 2.4K/s": "peak" labels the second number, not the first);
4. the unit agreement alone, then a number after ``=`` or ``->`` (a result rather than
   an input), then the later line and position (a correction), then the earlier figure.

Each figure takes one quantity and each quantity states one figure, best-ranked pairs
first. The value never decides: a wrong number is graded where it belongs, not moved to
a figure it happens to fit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final, NamedTuple

from mockinterview.coach.matcher import FigureHit, Lines, Phrase, Vocabulary
from mockinterview.coach.quantities import _CLAUSE_END, Quantity, has_number, is_heading, quantities_in_line
from mockinterview.content.coaching import FigureTarget
from mockinterview.content.scenario import Estimation
from mockinterview.content.units import DEFAULT_SECONDS_PER_MONTH, Unit
from mockinterview.errors import QuantityError
from mockinterview.estimation import (
    EstimationResult,
    Grade,
    compute,
    format_quantity,
    grade,
    grade_answers,
    parse_quantity,
)

__all__ = ["FigureCheck", "FigureEvidence", "FigureMatcher", "NotedFigure", "Quantity", "noted_answers"]

_HEADING: Final = 1
_NUMBERS: Final = 2
_PERIOD_SUFFIXES: Final = (("per_second", "second"), ("per_day", "day"), ("per_month", "month"), ("per_year", "year"))


def _unit_period(unit: Unit) -> str | None:
    """The period of a rate unit ("second" for ``per_second``, ``bytes_per_second``, ...)."""
    return next((period for suffix, period in _PERIOD_SUFFIXES if unit.value.endswith(suffix)), None)


def _is_data(unit: Unit) -> bool:
    """Bytes or bits (``bytes``, ``bytes_per_day``, ``bits_per_second``, ...)."""
    return unit.value.startswith(("bytes", "bits"))


_TIME_UNITS: Final = frozenset({Unit.seconds, Unit.hours, Unit.days, Unit.years})


@dataclass(frozen=True)
class FigureEvidence:
    """The quantity attached to one figure, and its grade."""

    name: str
    label: str
    unit: Unit
    reference: float
    value: float
    quantity: Quantity
    grade: Grade

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "label": self.label,
            "unit": self.unit.value,
            "reference": self.reference,
            "reference_text": format_quantity(self.reference, self.unit),
            "value": self.value,
            "value_text": format_quantity(self.value, self.unit),
            "written": self.quantity.written,
            "line": self.quantity.line,
            "text": self.quantity.text,
            "span": list(self.quantity.span),
            "grade": self.grade.value,
        }


@dataclass(frozen=True)
class FigureCheck:
    """The figures found in notes: a pre-filled answers map for the drill, the evidence for
    each, the drill's grading of them, and the numbers that stated no figure."""

    answers: dict[str, float]
    evidence: dict[str, FigureEvidence]
    result: EstimationResult
    unattached: tuple[Quantity, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "answers": dict(self.answers),
            "evidence": {k: v.to_dict() for k, v in self.evidence.items()},
            "result": self.result.to_dict(),
            "unattached": [q.to_dict() for q in self.unattached],
        }


class NotedFigure(NamedTuple):
    """A figure's answer as the notes write it, and the line it is on: what the drill offers."""

    text: str
    line: int


def noted_answers(check: FigureCheck, *, month: float = DEFAULT_SECONDS_PER_MONTH) -> dict[str, NotedFigure]:
    """The drill's pre-fill from a figure check: for each figure the drill asks that the
    notes state, the answer as the candidate wrote it and its line number, in the
    estimation's order.

    The text is the one the drill reads as the same value: the quantity as written
    ("~1.2K/s", "240K writes/s"), else without its noun ("2B/day" for "2B timeline
    requests/day"), else the value written back (``month``: the scenario's, for the
    monthly units).
    """
    out: dict[str, NotedFigure] = {}
    for fig in check.result.figures:  # the asked figures, in order
        ev = check.evidence.get(fig.name)
        if ev is None:
            continue
        q = ev.quantity
        text = next((t for t in (q.written, q.bare) if _reads_as(t, ev.unit, ev.value, month)),
                    format_quantity(ev.value, ev.unit))
        out[fig.name] = NotedFigure(text, q.line)
    return out


def _reads_as(text: str, unit: Unit, value: float, month: float) -> bool:
    try:
        return abs(parse_quantity(text, unit, month=month) - value) <= 1e-9 * abs(value)
    except QuantityError:
        return False


_Candidate = tuple[tuple[float, float, float], tuple[float, ...], int, float]


def _rank(c: tuple[tuple[float, ...], int, float, Quantity]) -> tuple[float, ...]:
    return c[0]


@dataclass(frozen=True, slots=True)
class _Entry:
    quantity: Quantity
    candidates: tuple[_Candidate, ...]


@dataclass(frozen=True)
class _Figure:
    order: int
    name: str
    label: str
    unit: Unit
    reference: float
    asked: bool
    phrases: tuple[Phrase, ...]


class FigureMatcher:
    """A scenario's estimation figures, compiled for finding them in notes.

    ``aliases``: more phrases per figure name (the terms of the key points that name it).
    Without an estimation it only reads quantities (for key points with a value figure).
    """

    def __init__(
        self, vocab: Vocabulary, estimation: Estimation | None, aliases: Mapping[str, Iterable[str]] | None = None
    ) -> None:
        self.vocab = vocab
        self.estimation = estimation
        self.values = {} if estimation is None else compute(estimation)
        self._month = DEFAULT_SECONDS_PER_MONTH if estimation is None else estimation.seconds_per_month
        aliases = aliases or {}
        self._figures = tuple(
            _Figure(
                order=i,
                name=f.name,
                label=f.label,
                unit=f.unit,
                reference=self.values[f.name],
                asked=f.ask,
                phrases=tuple(
                    vocab.phrase(p) for p in (f.label, f.name.replace("_", " "), *f.aliases, *aliases.get(f.name, ()))
                ),
            )
            for i, f in enumerate(estimation.figures if estimation is not None else ())
        )
        own = [frozenset(i for p in f.phrases for alt in p.alternatives for i in alt) for f in self._figures]
        every: frozenset[int] = frozenset().union(*own)
        #: Per figure, the words of the other figures' phrases that are not in its own.
        self._foreign = tuple(every - mine for mine in own)
        #: A word's weight: 1 / the number of figures whose phrases have it.
        self._weight = {i: 1 / sum(1 for mine in own if i in mine) for i in every}
        self._own = tuple(own)
        self._lines: dict[tuple[int, str], tuple[_Entry, ...]] = {}
        self._kinds: dict[str, int] = {}  # line text -> _HEADING | _NUMBERS
        self._scores: dict[tuple[frozenset[int], int], float] = {}
        self._parsed: dict[tuple[str, Unit], float | None] = {}
        self._generation = vocab.generation

    def clear_caches(self) -> None:
        """Forget the quantities and parsed values worked out so far."""
        self._lines.clear()
        self._kinds.clear()
        self._scores.clear()
        self._parsed.clear()

    # Reading ---------------------------------------------------------------------------
    def _entries(self, lines: Lines) -> list[tuple[_Entry, frozenset[int]]]:
        """Every quantity in ``lines`` with the figures it may state (cached by line number
        and text), and the word ids of the heading it is under."""
        cache = self._lines
        if self._generation != self.vocab.generation:
            cache.clear()
            self._kinds.clear()
            self._scores.clear()
            self._generation = self.vocab.generation
        kinds = self._kinds
        heading: frozenset[int] = frozenset()
        out: list[tuple[_Entry, frozenset[int]]] = []
        for no, line in lines:
            kind = kinds.get(line)
            if kind is None:
                kind = (_HEADING if is_heading(line) else 0) | (_NUMBERS if has_number(line) else 0)
                if len(kinds) > 100_000:
                    kinds.clear()
                kinds[line] = kind
            if not kind:
                continue
            under = heading
            if kind & _HEADING:
                heading = self.vocab.line_ids(line)
            if not kind & _NUMBERS:
                continue
            got = cache.get((no, line))
            if got is None:
                found = quantities_in_line(self.vocab, no, line)
                near = self._near(line, found)
                got = tuple(_Entry(q, self._candidates(q, ids)) for q, ids in zip(found, near, strict=True))
                if len(cache) > 50_000:
                    cache.clear()
                cache[(no, line)] = got
            out.extend((e, under) for e in got)
        return out

    def quantities(self, lines: Lines) -> list[Quantity]:
        """Every quantity in ``lines``, in order."""
        return [e.quantity for e, _ in self._entries(lines)]

    def _near(self, line: str, found: list[Quantity]) -> list[frozenset[int]]:
        """For each quantity of ``line``, the word ids next to it (rule 3 of the module)."""
        if len(found) < 2:
            return [frozenset()] * len(found)  # one number: its clause's words are its label
        contributions = self.vocab.contributions(line)
        cuts = [m.end() for m in _CLAUSE_END.finditer(line)]
        out: list[frozenset[int]] = []
        for i, q in enumerate(found):
            start, end = q.span
            prev_end = max([0, *(c for c in cuts if c <= start)] + ([found[i - 1].span[1]] if i else []))
            next_start = min([len(line), *(c for c in cuts if c > end)] + ([found[i + 1].span[0]] if i + 1 < len(found) else []))
            ids: set[int] = set()
            for lo, hi in ((prev_end, start), (end, next_start)):
                for (a, b), got in contributions:
                    if a >= lo and b <= hi:
                        ids.update(got)
                if ids:
                    break
            out.append(frozenset(ids))
        return out

    def _candidates(self, q: Quantity, near: frozenset[int] = frozenset()) -> tuple[_Candidate, ...]:
        """``(rank head, rank tail, figure order, value)`` for each figure ``q`` may state
        (see the module's rules; the heading's score goes between head and tail)."""
        out: list[_Candidate] = []
        for fig in self._figures:
            if _is_data(fig.unit) and q.measure != "bytes":
                continue  # K, M, B and T mean bytes only with a byte unit written
            own = self._own[fig.order]
            agree = _agreement(q, fig.unit)
            shared = self._score(q.context & own, fig) - len(q.context & self._foreign[fig.order]) + agree - 1
            if shared < 0 or (shared == 0 and (not q.marked or q.context & self._foreign[fig.order])):
                continue  # a zero score only for a number with a unit whose words name no other figure
            value = self.read(q, fig.unit)
            if value is None:
                continue
            line_shared = self._score(q.line_context & own, fig)
            whole = self._completeness(q.context & own, fig)
            tail = (self._score(near & own, fig), agree, float(q.result), q.line, q.span[0], -fig.order)
            out.append(((round(shared, 9), whole, line_shared), tail, fig.order, value))
        return tuple(out)

    def read(self, q: Quantity, unit: Unit) -> float | None:
        """``q``'s value in ``unit``'s terms, or None if it does not read as one."""
        value = self._parse(q.written, unit)
        if value is None and q.has_noun:
            value = self._parse(q.bare, unit)
        return value

    def _parse(self, text: str, unit: Unit) -> float | None:
        key = (text, unit)
        if key in self._parsed:
            return self._parsed[key]
        try:
            value: float | None = parse_quantity(text, unit, month=self._month)
        except QuantityError:
            value = None
        if len(self._parsed) > 100_000:
            self._parsed.clear()
        self._parsed[key] = value
        return value

    # Attaching ---------------------------------------------------------------------------
    def check(self, lines: Lines) -> FigureCheck:
        """Attach the quantities in ``lines`` to figures and grade them (needs an estimation)."""
        if self.estimation is None:
            raise ValueError("no estimation to check figures against")
        entries = self._entries(lines)
        # Each rank is unique (it holds the line and the position), so the sort never
        # compares further than the rank.
        ranked: list[tuple[tuple[float, ...], int, float, Quantity]] = []
        heading_scores: dict[tuple[frozenset[int], int], float] = {}
        for e, heading in entries:
            for head, tail, fi, value in e.candidates:
                h = 0.0
                if heading:
                    key = (heading, fi)
                    got = heading_scores.get(key)
                    if got is None:
                        got = heading_scores[key] = self._score(heading & self._own[fi], self._figures[fi])
                    h = got
                ranked.append(((*head, h, *tail), fi, value, e.quantity))
        ranked.sort(key=_rank, reverse=True)
        taken: dict[int, tuple[Quantity, float]] = {}
        used: set[int] = set()
        for _, fi, value, q in ranked:
            if fi in taken or id(q) in used:
                continue
            taken[fi] = (q, value)
            used.add(id(q))
            if len(taken) == len(self._figures):
                break
        evidence: dict[str, FigureEvidence] = {}
        for fig in self._figures:
            if fig.order in taken:
                q, value = taken[fig.order]
                evidence[fig.name] = FigureEvidence(
                    fig.name, fig.label, fig.unit, fig.reference, value, q, grade(value, fig.reference)
                )
        answers = {name: ev.value for name, ev in evidence.items()}
        result = grade_answers(self.estimation, answers, self.values)
        unattached = tuple(e.quantity for e, _ in entries if id(e.quantity) not in used)
        return FigureCheck(answers, evidence, result, unattached)

    def _score(self, context: frozenset[int], fig: _Figure) -> float:
        """The weights of the words ``context`` shares with ``fig``'s best phrase."""
        if not context:
            return 0.0
        key = (context, fig.order)
        got = self._scores.get(key)
        if got is None:
            weight = self._weight
            best = 0.0
            for p in fig.phrases:
                for alt in p.alternatives:
                    best = max(best, sum(weight[i] for i in alt & context))
            got = round(best, 9)
            if len(self._scores) > 100_000:
                self._scores.clear()
            self._scores[key] = got
        return got

    def _completeness(self, context: frozenset[int], fig: _Figure) -> float:
        """How much of ``fig``'s best-matched phrase ``context`` has, as a share of its
        weight (1.0: every word): "write QPS" is all of one figure's "write QPS" and only
        part of another's "peak write QPS", so a tie on the words shared goes to the first."""
        if not context:
            return 0.0
        weight = self._weight
        best = (0.0, 0.0)
        for p in fig.phrases:
            for alt in p.alternatives:
                total = sum(weight.get(i, 0.0) for i in alt)
                got = sum(weight[i] for i in alt & context)
                if total and (got, got / total) > best:
                    best = (got, got / total)
        return round(best[1], 9)

    def finder(self, check: FigureCheck | None) -> _Finder:
        """A :data:`~mockinterview.coach.matcher.FigureFinder`: named targets are looked up in
        ``check`` (never found without one), value targets in the lines' quantities."""
        return _Finder(self, check)

    def figure_label(self, name: str) -> str | None:
        return next((f.label for f in self._figures if f.name == name), None)

    def reference(self, name: str) -> tuple[float, Unit] | None:
        fig = next((f for f in self._figures if f.name == name), None)
        return None if fig is None else (fig.reference, fig.unit)


class _Finder:
    """Finds figure targets' evidence: named ones in a figure check, value ones in the
    quantities of the lines (read once per finder: make one per check)."""

    def __init__(self, matcher: FigureMatcher, check: FigureCheck | None) -> None:
        self._matcher = matcher
        self._check = check
        self._quantities: list[Quantity] | None = None

    def __call__(self, target: FigureTarget, lines: Lines) -> FigureHit | None:
        if target.name is not None:
            ev = None if self._check is None else self._check.evidence.get(target.name)
            if ev is None or ev.grade is not Grade.ON_TARGET:
                return None
            q = ev.quantity
            phrase = f"{target.name} ≈ {format_quantity(ev.reference, ev.unit)}"
            return FigureHit(q.line, q.text, q.span, phrase)
        if target.value is None or target.unit is None:  # pragma: no cover - the model forbids it
            return None
        if self._quantities is None:
            self._quantities = self._matcher.quantities(lines)
        for q in self._quantities:
            value = self._matcher.read(q, target.unit)
            if value is not None and grade(value, target.value) is Grade.ON_TARGET:
                return FigureHit(q.line, q.text, q.span, f"≈ {format_quantity(target.value, target.unit)}")
        return None


def _agreement(q: Quantity, unit: Unit) -> int:
    """2: written in the figure's own terms; 1: a bare number; 0: converted (``/day`` for ``/s``)."""
    period = _unit_period(unit)
    if q.period is None and q.measure is None:
        return 1
    if q.period is not None and q.period != period:
        return 0
    if q.measure == "bytes" and not _is_data(unit):
        return 0
    if q.measure == "time" and unit not in _TIME_UNITS:
        return 0
    if q.period is None and period is not None:
        return 0
    return 2
