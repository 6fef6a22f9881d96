"""Architecture diagrams written as arrows in the notes, checked against the reference.

Notation (one diagram edge per arrow; a line may chain them)::

    Client -> LB -> API -> Cache
    API -> [Tweet DB]
    Fan-out Service → Timeline Cache
    Write path: API --> Queue => Fan-out Service
    Cache <-> DB              (both ways)      Cache <- Fan-out Service   (backwards)

Arrows: ``->``, ``-->``, ``--->``, ``=>``, ``==>``, ``→``, ``⟶``, ``⇒``, ``➔``, ``➜``;
backwards ``<-``, ``<--``, ``←``; both ways ``<->``, ``<=>``, ``↔``. Square brackets and
braces around a name are dropped (``[Tweet DB]`` is "Tweet DB"); a parenthesised part is
a detail (``Cache (Redis)``: the name "Cache", also tried as "Cache Redis"). A leading
list marker (``-``, ``*``, ``1.``) and a label ending in ``:`` before the first name are
skipped, as is a note after ``:`` behind the last name (``API -> Queue: publish``).

A line is a diagram only if *every* part between its arrows is a name: 1 to
MAX_NAME_WORDS words, each starting with a letter, made of letters, digits and
``- _ / & . + '`` only, and not only stop words. So ``latency -> must be < 200ms`` and
``reads -> 100:1 ratio`` are prose, never errors: they are simply not diagrams.

Names are mapped onto the reference components with the key points' matching (stems,
abbreviations, compounds, typos): a name is a component if all the words of the
component's name or of one of its aliases are in it; the alias with most words wins,
then the first component. A name that maps to none is *unknown*: shown, not an error.
A reference flow is found when an edge joins its two components in either direction.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from mockinterview.coach.matcher import Lines, Phrase, Vocabulary
from mockinterview.coach.normalize import Kind, lexeme, tokens
from mockinterview.content.coaching import Architecture

__all__ = ["MAX_NAME_WORDS", "DiagramCheck", "DiagramMatcher", "Edge", "NamePart", "Node", "parse_line"]

#: A diagram name has at most this many words.
MAX_NAME_WORDS: Final = 5

_ARROW_RE: Final = re.compile(r"<-{1,2}>|<={1,2}>|[↔⟷⇔]|-{1,3}>|={1,2}>|[→⟶⇒➔➜➝⟹]|<-{1,2}|[←⟵]")
_BOTH: Final = frozenset({"↔", "⟷", "⇔"})
_BACK: Final = frozenset({"←", "⟵"})
_MARKER_RE: Final = re.compile(r"^\s*(?:#{1,6}\s+|[-*+•]\s+|\d+[.)]\s+)?")
_DETAIL_RE: Final = re.compile(r"\(([^()]*)\)")
_ARROW_CHARS: Final = frozenset("↔⟷⇔→⟶⇒➔➜➝⟹←⟵")
_NAME_RE: Final = re.compile(r"[^\W\d_][\w\-/&.+'’]*(?:\s+[^\W\d_][\w\-/&.+'’]*)*")


def _direction(arrow: str) -> str:
    if arrow in _BOTH or (arrow.startswith("<") and arrow.endswith(">")):
        return "both"
    if arrow in _BACK or arrow.startswith("<"):
        return "back"
    return "forward"


@dataclass(frozen=True)
class NamePart:
    """One name of a diagram line: as written (cleaned), its parenthesised detail, and where it is."""

    name: str
    detail: str | None
    span: tuple[int, int]


def _clean(raw: str, start: int) -> NamePart | None:
    """The name in ``raw`` (found at ``start`` of the line), or None if it is no name."""
    detail_bits = [d.strip() for d in _DETAIL_RE.findall(raw) if d.strip()]
    text = _DETAIL_RE.sub(" ", raw)
    text = re.sub(r"[\[\]{}\"`*]", " ", text)
    stripped = text.strip().rstrip(".,;:!?").strip()
    if not stripped or not _NAME_RE.fullmatch(stripped):
        return None
    words = stripped.split()
    if len(words) > MAX_NAME_WORDS:
        return None
    if not any(lexeme(t).kind is Kind.CONTENT for t in tokens(stripped)):
        return None
    lead = len(raw) - len(raw.lstrip())
    end = start + len(raw.rstrip())
    detail = " ".join(detail_bits) or None
    return NamePart(" ".join(words), detail, (start + lead, end))


def parse_line(line: str) -> list[tuple[NamePart, NamePart]] | None:
    """The edges ``(source, target)`` of a diagram line, or None if it is not one."""
    arrows = list(_ARROW_RE.finditer(line))
    if not arrows:
        return None
    head = _MARKER_RE.match(line)
    pos = head.end() if head else 0
    parts: list[NamePart] = []
    bounds = [(pos, arrows[0].start())]
    bounds += [(a.end(), b.start()) for a, b in itertools.pairwise(arrows)]
    bounds.append((arrows[-1].end(), len(line)))
    for i, (a, b) in enumerate(bounds):
        raw = line[a:b]
        if i == 0 and ":" in raw:
            cut = raw.rindex(":") + 1
            a, raw = a + cut, raw[cut:]
        elif i == len(bounds) - 1 and ":" in raw:
            raw = raw[: raw.index(":")]
        part = _clean(raw, a)
        if part is None:
            return None
        parts.append(part)
    edges: list[tuple[NamePart, NamePart]] = []
    for arrow, (src, dst) in zip(arrows, itertools.pairwise(parts), strict=True):
        direction = _direction(arrow.group(0))
        if direction in ("forward", "both"):
            edges.append((src, dst))
        if direction in ("back", "both"):
            edges.append((dst, src))
    return edges


@dataclass(frozen=True)
class Node:
    """A name written in a diagram, and the reference component it maps to (None: unknown)."""

    written: str
    component: str | None
    line: int
    span: tuple[int, int]

    def to_dict(self) -> dict[str, Any]:
        return {"written": self.written, "component": self.component, "line": self.line, "span": list(self.span)}


@dataclass(frozen=True)
class Edge:
    source: Node
    target: Node
    line: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source.to_dict(), "target": self.target.to_dict(), "line": self.line, "text": self.text}


@dataclass(frozen=True)
class DiagramCheck:
    """The diagrams in some notes against the reference architecture."""

    lines: tuple[int, ...]  # the numbers of the lines read as diagrams
    edges: tuple[Edge, ...]
    components: tuple[str, ...]  # reference components named, in the reference's order
    missing_components: tuple[str, ...]
    flows: tuple[tuple[str, str], ...]  # reference flows drawn (either direction)
    reversed_flows: tuple[tuple[str, str], ...]  # of those, drawn only the other way
    missing_flows: tuple[tuple[str, str], ...]
    extra_flows: tuple[tuple[str, str], ...]  # between reference components, not in the reference
    unknown: tuple[str, ...]  # names that are no reference component, as first written

    @property
    def has_diagram(self) -> bool:
        return bool(self.lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "has_diagram": self.has_diagram,
            "lines": list(self.lines),
            "edges": [e.to_dict() for e in self.edges],
            "components": list(self.components),
            "missing_components": list(self.missing_components),
            "flows": [list(f) for f in self.flows],
            "reversed_flows": [list(f) for f in self.reversed_flows],
            "missing_flows": [list(f) for f in self.missing_flows],
            "extra_flows": [list(f) for f in self.extra_flows],
            "unknown": list(self.unknown),
        }


class DiagramMatcher:
    """A reference architecture compiled for checking diagrams in notes."""

    def __init__(self, vocab: Vocabulary, architecture: Architecture) -> None:
        self.vocab = vocab
        self.architecture = architecture
        self._names = tuple(c.name for c in architecture.components)
        self._phrases: tuple[tuple[Phrase, ...], ...] = tuple(
            tuple(vocab.phrase(label) for label in (c.name, *c.aliases)) for c in architecture.components
        )
        self._mapped: dict[str, str | None] = {}
        self._parsed: dict[tuple[int, str], tuple[Edge, ...]] = {}
        self._generation = vocab.generation

    def component(self, name: str) -> str | None:
        """The reference component ``name`` stands for, or None."""
        if name in self._mapped:
            return self._mapped[name]
        ids = self.vocab.line_ids(name)
        best: tuple[int, int] | None = None  # (words, -order)
        for order, phrases in enumerate(self._phrases):
            for p in phrases:
                for alt in p.alternatives:
                    if alt <= ids:
                        cand = (len(alt), -order)
                        if best is None or cand > best:
                            best = cand
        got = None if best is None else self._names[-best[1]]
        self._mapped[name] = got
        return got

    def _node(self, part: NamePart, line: int) -> Node:
        component = self.component(part.name)
        if component is None and part.detail:
            component = self.component(f"{part.name} {part.detail}")
        return Node(part.name, component, line, part.span)

    def check(self, lines: Lines) -> DiagramCheck:
        """Every diagram line in ``lines``, against the reference."""
        if self._generation != self.vocab.generation:
            self._parsed.clear()
            self._mapped.clear()
            self._generation = self.vocab.generation
        edges: list[Edge] = []
        diagram_lines: list[int] = []
        cache = self._parsed
        for no, text in lines:
            got = cache.get((no, text))
            if got is None:
                if ">" not in text and "<" not in text and (text.isascii() or _ARROW_CHARS.isdisjoint(text)):
                    continue
                parsed = parse_line(text) or []
                got = tuple(Edge(self._node(src, no), self._node(dst, no), no, text) for src, dst in parsed)
                if len(cache) > 50_000:
                    cache.clear()
                cache[(no, text)] = got
            if got:
                diagram_lines.append(no)
                edges.extend(got)
        return self._report(diagram_lines, edges)

    def _report(self, diagram_lines: Sequence[int], edges: Sequence[Edge]) -> DiagramCheck:
        named: set[str] = set()
        unknown: dict[str, str] = {}
        drawn: set[tuple[str, str]] = set()
        for e in edges:
            for node in (e.source, e.target):
                if node.component is not None:
                    named.add(node.component)
                else:
                    unknown.setdefault(node.written.casefold(), node.written)
            if e.source.component is not None and e.target.component is not None:
                drawn.add((e.source.component, e.target.component))
        flows: list[tuple[str, str]] = []
        reversed_flows: list[tuple[str, str]] = []
        missing: list[tuple[str, str]] = []
        reference: set[tuple[str, str]] = set()
        for a, b in self.architecture.flows:
            reference.add((a, b))
            if (a, b) in drawn:
                flows.append((a, b))
            elif (b, a) in drawn:
                flows.append((a, b))
                reversed_flows.append((a, b))
            else:
                missing.append((a, b))
        extra = sorted(
            (a, b) for a, b in drawn if a != b and (a, b) not in reference and (b, a) not in reference
        )
        return DiagramCheck(
            lines=tuple(diagram_lines),
            edges=tuple(edges),
            components=tuple(n for n in self._names if n in named),
            missing_components=tuple(n for n in self._names if n not in named),
            flows=tuple(flows),
            reversed_flows=tuple(reversed_flows),
            missing_flows=tuple(missing),
            extra_flows=tuple(extra),
            unknown=tuple(unknown.values()),
        )

