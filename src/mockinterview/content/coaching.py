"""The coaching part of the scenario format: key points, curveballs and the reference architecture.

A *key point* is one thing a strong answer to a phase covers, with the words (or the
figure) that count as covering it; the coach (``mockinterview.coach``) matches a
candidate's notes against them. A *curveball* is a requirement change the interviewer
announces mid-phase, with the key points a good response covers. The *architecture* is
the reference design's components and flows, for checking a diagram written in the notes.

The scenario models add them with one field each::

    class Phase(Strict):
        ...
        key_points: list[KeyPoint] = []
        curveballs: list[Curveball] = []

    class Scenario(Strict):
        ...
        architecture: Architecture | None = None

and check what spans the whole scenario (ids unique across phases, figure names known
to the estimation) with :func:`coaching_problems` from their model validator.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from typing import Protocol

from pydantic import Field, GetJsonSchemaHandler, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from mockinterview.content.base import Flag, Ident, Number, Slug, Strict, Text
from mockinterview.content.units import Unit
from mockinterview.vocab import CRITERION_IDS, IDENT_PATTERN

__all__ = [
    "Architecture",
    "CoachedPhase",
    "Component",
    "Curveball",
    "FigureTarget",
    "KeyPoint",
    "coaching_problems",
]

_HAS_WORD = re.compile(r"[^\W_]")


def _check_phrases(field: str, phrases: Iterable[str]) -> None:
    for phrase in phrases:
        if not _HAS_WORD.search(phrase):
            raise ValueError(f"{field}: {phrase!r} has no letter or digit to match")


class FigureTarget(Strict):
    """A number that covers a key point: an estimation figure by name, or a value in a unit.

    A number in the notes covers it when it is *on target*, within 2x either way, as
    the estimation drill grades an answer.
    """

    name: Ident | None = Field(default=None, description="an estimation figure's name")
    value: Number | None = Field(default=None, gt=0, description="the reference value, in unit's own terms")
    unit: Unit | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_name(cls, data: object) -> object:
        # ``figure: write_qps`` is short for ``figure: {name: write_qps}``.
        return {"name": data} if isinstance(data, str) else data

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        schema = handler(core_schema)
        name = {"type": "string", "pattern": IDENT_PATTERN, "maxLength": 64}
        return {"title": schema.pop("title", cls.__name__), "anyOf": [name, schema]}

    @model_validator(mode="after")
    def _one_form(self) -> FigureTarget:
        if self.name is not None:
            if self.value is not None or self.unit is not None:
                raise ValueError("give either name, or value and unit, not both")
        elif self.value is None or self.unit is None:
            raise ValueError("give a figure name, or both value and unit")
        return self


class KeyPoint(Strict):
    """One point a strong answer covers, and what counts as covering it.

    Covered when ANY phrase in ``terms`` is found, or when EVERY phrase in ``all_of`` is
    found (each on some line; an ``all_of`` entry may list alternatives as
    ``"push | fan-out on write"``), or when a number in the notes is on target for
    ``figure``. A phrase is found when all its words (stop words aside) are on one line.
    """

    id: Slug = Field(description="unique within the scenario")
    text: Text = Field(description="what the candidate reads in the checklist")
    criteria: list[Ident] = Field(min_length=1, description="the criteria this point is evidence for")
    terms: list[Text] = Field(default=[], description="phrases, any of which covers the point; list the common variants")
    all_of: list[Text] = Field(default=[], description="phrases that must all appear; `a | b` lists alternatives")
    figure: FigureTarget | None = Field(default=None, description="a number on target for this covers the point")
    probe: Text | None = Field(default=None, description="asked when the point is still missing past ask_after")
    ask_after: Number = Field(default=0.5, gt=0, lt=1, description="fraction of the phase after which to probe")
    deeper: Text | None = Field(default=None, description="asked instead of the probe when the point is covered")
    reference: Text | None = Field(default=None, description="a one-line pointer into the reference")
    derived: Flag = False

    @model_validator(mode="after")
    def _valid(self) -> KeyPoint:
        unknown = [c for c in self.criteria if c not in CRITERION_IDS]
        if unknown:
            raise ValueError(f"unknown criterion id(s): {', '.join(unknown)}; known: {', '.join(CRITERION_IDS)}")
        if len(set(self.criteria)) != len(self.criteria):
            raise ValueError("criteria: an id is listed twice")
        if not (self.terms or self.all_of or self.figure):
            raise ValueError("a key point needs terms, all_of or figure to be matched by")
        _check_phrases("terms", self.terms)
        for entry in self.all_of:
            alternatives = entry.split("|")
            _check_phrases("all_of", alternatives)
        return self


class Curveball(Strict):
    """A requirement change the interviewer announces mid-phase, and what a good response covers."""

    id: Slug = Field(description="unique within the scenario")
    at: Number = Field(gt=0, lt=1, description="when to announce it, as a fraction of the phase")
    announce: Text = Field(description="what the interviewer says")
    key_points: list[KeyPoint] = Field(min_length=1, description="what a good response covers")
    derived: Flag = False


class Component(Strict):
    """One box of the reference architecture."""

    name: Text
    aliases: list[Text] = Field(default=[], description="other names a candidate may write for it")

    @model_validator(mode="after")
    def _wordy(self) -> Component:
        _check_phrases("name", [self.name])
        _check_phrases("aliases", self.aliases)
        return self


class Architecture(Strict):
    """The reference design: its components and the flows between them (``[from, to]`` names)."""

    components: list[Component] = Field(min_length=1)
    flows: list[tuple[Text, Text]] = []
    derived: Flag = False

    @model_validator(mode="after")
    def _consistent(self) -> Architecture:
        seen: dict[str, str] = {}
        for comp in self.components:
            for label in (comp.name, *comp.aliases):
                key = " ".join(label.casefold().split())
                if key in seen:
                    raise ValueError(f"{label!r} names both {seen[key]!r} and {comp.name!r}")
                seen[key] = comp.name
        names = [c.name for c in self.components]
        bad = sorted({end for flow in self.flows for end in flow if end not in names})
        if bad:
            raise ValueError(f"flows name unknown component(s): {', '.join(bad)}; components: {', '.join(names)}")
        pairs = [tuple(f) for f in self.flows]
        if len(set(pairs)) != len(pairs):
            raise ValueError("flows: a flow is listed twice")
        if any(a == b for a, b in self.flows):
            raise ValueError("flows: a flow must join two different components")
        return self

    def component(self, name: str) -> Component:
        return next(c for c in self.components if c.name == name)


class CoachedPhase(Protocol):
    """What :func:`coaching_problems` reads from a phase (``Phase`` once it has the fields)."""

    @property
    def id(self) -> str: ...

    @property
    def key_points(self) -> Sequence[KeyPoint]: ...

    @property
    def curveballs(self) -> Sequence[Curveball]: ...


def coaching_problems(phases: Iterable[CoachedPhase], figure_names: Collection[str] | None) -> list[str]:
    """What spans the whole scenario: key point and curveball ids unique across all phases,
    and every ``figure.name`` an estimation figure (``figure_names`` is None without one).

    One message per problem; the scenario's validator raises them together.
    """
    problems: list[str] = []
    where: dict[str, str] = {}
    curveballs: dict[str, str] = {}
    for phase in phases:
        points = list(phase.key_points)
        for cb in phase.curveballs:
            if cb.id in curveballs:
                problems.append(f"curveball id {cb.id!r} is used in phase {curveballs[cb.id]!r} and {phase.id!r}")
            curveballs.setdefault(cb.id, phase.id)
            points.extend(cb.key_points)
        for kp in points:
            if kp.id in where:
                problems.append(f"key point id {kp.id!r} is used in phase {where[kp.id]!r} and {phase.id!r}")
            where.setdefault(kp.id, phase.id)
            if kp.figure is not None and kp.figure.name is not None:
                if figure_names is None:
                    problems.append(f"key point {kp.id!r} names figure {kp.figure.name!r}, but there is no estimation")
                elif kp.figure.name not in figure_names:
                    known = ", ".join(sorted(figure_names))
                    problems.append(f"key point {kp.id!r} names unknown figure {kp.figure.name!r}; figures: {known}")
    return problems
