"""The scenario format: one mock interview, as a user can write it in YAML.

Every model forbids unknown fields, so a typo is an error that names the field.
Content that the seed documents do not give and that was derived from what they
do give carries ``derived: true``. Numbers and booleans are strict (see
:mod:`~mockinterview.content.base`). The rules that span several fields are
:func:`scenario_problems`, which locates each problem at its own key.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    GetJsonSchemaHandler,
    SerializerFunctionWrapHandler,
    StringConstraints,
    ValidationInfo,
    model_serializer,
    model_validator,
)
from pydantic import Strict as StrictInput
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from mockinterview.content.base import Flag, Ident, Number, Slug, Strict, Text, Whole, integral
from mockinterview.content.coaching import Architecture, Curveball, KeyPoint, coaching_problems
from mockinterview.content.rubric import Descriptors
from mockinterview.content.units import DEFAULT_SECONDS_PER_MONTH, Unit
from mockinterview.vocab import CRITERION_IDS, Level

__all__ = [
    "Assumption",
    "BandDescriptors",
    "Block",
    "Citation",
    "Debrief",
    "Estimation",
    "Evaluation",
    "ExtraCriterion",
    "Figure",
    "FollowUp",
    "FollowUps",
    "LevelDescriptors",
    "Mistake",
    "Phase",
    "PhaseKind",
    "Probe",
    "RuleProblem",
    "Scenario",
    "ScenarioRubric",
    "Source",
    "StatedOverall",
    "Unit",
    "scenario_problems",
]

#: ``Scenario.model_validate(data, context=DEFER_RULES)`` leaves the cross-field rules to
#: the caller, which reports them located (:func:`scenario_problems`).
DEFER_RULES: dict[str, Any] = {"rules": "deferred"}


# The kinds of phase, in interview order: exactly ``vocab.PHASE_KINDS`` (a test holds
# them equal). An enum rather than the ``Literal`` keeps the schema's named PhaseKind and
# a comment rather than a docstring keeps the schema unchanged.
class PhaseKind(StrEnum):
    opening = "opening"
    requirements = "requirements"
    estimation = "estimation"
    high_level_design = "high_level_design"
    deep_dive = "deep_dive"
    database_design = "database_design"
    scaling = "scaling"
    wrap_up = "wrap_up"


class Source(Strict):
    document: Text
    section: Text


#: An address: a web URL, or a DOI (``doi:10.1145/1294261.1294281`` or ``10.1145/...``).
Address = Annotated[str, StringConstraints(pattern=r"^(?:https?://\S+|(?:doi:)?10\.\d{4,9}/\S+)$", max_length=2000)]


class Citation(Strict):
    """A public source the scenario's facts and figures come from."""

    title: Text
    url: Address | None = Field(default=None, description="a web address, or a DOI; leave it out for a paper without one")
    licence: Text = Field(description="the source's licence, as it states it (CC BY 4.0, ...)")


class Block(Strict):
    """A piece of reference material: prose, a list, a diagram or code."""

    title: Text
    text: str | None = None
    items: list[Text] = []
    code: str | None = None
    language: str | None = None  # go, python, sql, diagram, text
    derived: Flag = False

    @model_validator(mode="after")
    def _has_content(self) -> Block:
        if not (self.text or self.items or self.code):
            raise ValueError("a block needs text, items or code")
        return self

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        schema = handler(core_schema)
        schema["anyOf"] = [
            {"required": ["text"], "properties": {"text": {"type": "string", "minLength": 1}}},
            {"required": ["items"], "properties": {"items": {"minItems": 1}}},
            {"required": ["code"], "properties": {"code": {"type": "string", "minLength": 1}}},
        ]
        return schema


#: What ``answer_derived`` means, on a probe and on a follow-up alike.
_ANSWER_DERIVED = "the question is the source's own, the answer is not (needs an answer)"


def _check_answer_derived(what: str, answer: str | None, *, derived: bool, answer_derived: bool) -> None:
    """The rule for ``answer_derived`` on a question with a model answer (a probe, a
    follow-up): it marks the answer, so there must be one, and ``derived`` already marks
    the question and its answer both. Raises ``ValueError``, which pydantic locates at
    the item."""
    if answer_derived and answer is None:
        raise ValueError(f"answer_derived marks the answer, but the {what} has no answer")
    if answer_derived and derived:
        raise ValueError(f"derived already marks the whole {what}, its answer included: leave out answer_derived")


class Probe(Strict):
    """An interviewer's interjection during a phase."""

    question: Text
    at: Number = Field(default=0.5, gt=0, lt=1, description="when to interject, as a fraction of the phase")
    answer: Text | None = Field(default=None, description="what a strong answer says")
    derived: Flag = Field(default=False, description="the probe is not in the source (its answer neither)")
    answer_derived: Flag = Field(default=False, description=_ANSWER_DERIVED)

    @model_validator(mode="after")
    def _answer_derived_has_an_answer(self) -> Probe:
        _check_answer_derived("probe", self.answer, derived=self.derived, answer_derived=self.answer_derived)
        return self


class Phase(Strict):
    id: Slug
    kind: PhaseKind
    title: Text
    minutes: Number = Field(gt=0, le=180)
    goal: Text
    prompts: list[Text] = Field(default=[], description="what the interviewer says to open the phase")
    probes: list[Probe] = []
    covers: list[Text] = Field(default=[], description="what a strong answer covers (used for hints)")
    reference: list[Block] = []
    key_points: list[KeyPoint] = Field(default=[], description="what a strong answer covers, as the coach matches it")
    curveballs: list[Curveball] = Field(default=[], description="requirement changes announced mid-phase")
    derived: Flag = Field(default=False, description="minutes or prompts derived rather than scripted")


def _vary_order(pair: tuple[float, float]) -> tuple[float, float]:
    if pair[0] > pair[1]:
        raise ValueError("vary must be [low, high] with 0 < low <= high")
    return pair


Positive = Annotated[Number, Field(gt=0)]
VaryRange = Annotated[tuple[Positive, Positive], AfterValidator(_vary_order)]


class Assumption(Strict):
    name: Ident
    label: Text
    value: Number
    unit: Unit
    vary: VaryRange | None = Field(default=None, description="range for `estimate --vary`: [low, high], 0 < low <= high")
    derived: Flag = False


class Figure(Strict):
    name: Ident
    label: Text
    formula: Text
    unit: Unit
    stated: str | None = Field(default=None, description="the figure as the document writes it")
    stated_value: Number | None = None
    rounded: Number | None = Field(
        default=None, description="the rounded value later formulas use, as the source rounds it (10.18 KB -> 10000)"
    )
    tolerance: Number = Field(default=0.05, gt=0, le=1, description="relative; the document's rounding")
    ask: Flag = True
    aliases: list[Text] = Field(
        default=[], description="other names candidates write for the figure in their notes (write QPS); the coach reads them"
    )
    derived: Flag = False


class Estimation(Strict):
    assumptions: list[Assumption] = Field(min_length=1)
    figures: list[Figure] = Field(min_length=1)
    seconds_per_month: Number = Field(
        default=DEFAULT_SECONDS_PER_MONTH,
        ge=2_000_000,
        le=2_800_000,
        description="the month that /month answers and per-month units use: 2592000 (30 days) unless set; "
        "the System Design Primer uses 2500000",
    )
    notes: list[Text] = []


class StatedOverall(Strict):
    score: Number
    out_of: Whole = 50
    percent: Number
    label: Text


Score = Annotated[int, Field(ge=1, le=5), BeforeValidator(integral), StrictInput()]


class Evaluation(Strict):
    """The seed document's own evaluation of this interview, for calibration."""

    scores: dict[str, Score] = {}
    comments: dict[str, Text] = {}
    overall: StatedOverall | None = None
    strengths: list[Text] = []
    improvements: list[Text] = []
    notes: list[Text] = []
    derived: Flag = False


class Mistake(Strict):
    title: Text
    problem: Text
    interviewer_response: Text
    criteria: list[Ident] = Field(default=[], description="criteria this mistake costs")
    answer: Text | None = Field(default=None, description="what a strong candidate does instead")
    derived: Flag = False


class FollowUp(Strict):
    """A follow-up question, with what a strong answer says.

    Written as plain text (the question alone) or as a mapping; either way it is a
    ``FollowUp`` once read, and one without an answer is written back as plain text.
    """

    question: Text
    answer: Text | None = Field(default=None, description="what a strong answer says")
    derived: Flag = Field(default=False, description="the follow-up is not in the source (its answer neither)")
    answer_derived: Flag = Field(default=False, description=_ANSWER_DERIVED)

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: object) -> object:
        return {"question": data} if isinstance(data, str) else data

    @model_validator(mode="after")
    def _answer_derived_has_an_answer(self) -> FollowUp:
        _check_answer_derived("follow-up", self.answer, derived=self.derived, answer_derived=self.answer_derived)
        return self

    @model_serializer(mode="wrap")
    def _as_text(self, handler: SerializerFunctionWrapHandler) -> object:
        if self.answer is None and not (self.derived or self.answer_derived):
            return self.question
        return handler(self)

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        schema = handler(core_schema)
        return {
            "title": schema.pop("title", cls.__name__),
            "description": schema.pop("description", ""),
            "anyOf": [{"type": "string", "minLength": 1}, schema],
        }


class FollowUps(Strict):
    medium: list[FollowUp] = []
    advanced: list[FollowUp] = []
    expert: list[FollowUp] = []
    derived: Flag = False


class Debrief(Strict):
    strong_indicators: list[Text] = []
    concerns: list[Text] = []
    derived: Flag = False


class ExtraCriterion(Strict):
    """A criterion a scenario adds for its focus. Scored and shown; not part of /50 or /100."""

    id: Ident
    name: Text
    description: Text
    descriptors: Descriptors


class ScenarioRubric(Strict):
    notes: dict[str, Text] = Field(default={}, description="criterion id -> what it means in this scenario")
    extra_criteria: list[ExtraCriterion] = []


Lines = Annotated[list[Text], Field(min_length=1)]


class LevelDescriptors(Strict):
    """What each level of one band looks like in this scenario; a level left out keeps the rubric's."""

    excellent: Lines | None = None
    good: Lines | None = None
    needs_improvement: Lines | None = None
    poor: Lines | None = None


class BandDescriptors(Strict):
    """The scenario's own descriptors for the rubric's point bands, by band and level."""

    technical_depth: LevelDescriptors | None = None
    system_design: LevelDescriptors | None = None
    communication_process: LevelDescriptors | None = None
    derived: Flag = False


class Scenario(Strict):
    id: Slug
    title: Text
    level: Level
    focus: Slug
    tags: list[Slug] = []
    minutes: Whole = Field(gt=0, le=240)
    summary: Text
    source: Source
    sources: list[Citation] = Field(default=[], description="the public sources of the facts and figures")
    difficulty: str | None = None
    target_experience: str | None = None
    opening: Text
    interviewer_notes: list[Text] = []
    preparation: list[Text] = []
    clarify: list[Text] = Field(min_length=1, description="what a candidate should ask about")
    phases: list[Phase] = Field(min_length=1)
    estimation: Estimation | None = None
    architecture: Architecture | None = Field(default=None, description="the reference design's components and flows")
    evaluation: Evaluation | None = None
    common_mistakes: list[Mistake] = []
    follow_ups: FollowUps = FollowUps()
    debrief: Debrief = Debrief()
    rubric: ScenarioRubric = ScenarioRubric()
    band_descriptors: BandDescriptors | None = Field(
        default=None, description="what each band level looks like for this problem"
    )

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> Scenario:
        if isinstance(info.context, dict) and info.context.get("rules") == "deferred":
            return self
        problems = scenario_problems(self)
        if problems:
            raise ValueError("; ".join(p.message for p in problems))
        return self

    # Convenience ---------------------------------------------------------------------
    def phase(self, pid: str) -> Phase:
        return next(p for p in self.phases if p.id == pid)


# ----------------------------------------------------------------------------------
# The rules that span fields, each problem located at the key it is about
# ----------------------------------------------------------------------------------

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class RuleProblem:
    """A problem with a whole scenario: where (a field path; ``at_key`` for a mapping key) and why."""

    loc: Loc
    message: str
    at_key: bool = False


def _unknown_criterion(cid: str, known: list[str]) -> str:
    import difflib  # only when there is a problem to report

    close = difflib.get_close_matches(cid, known, n=1, cutoff=0.75)
    hint = f"; did you mean {close[0]!r}?" if close else "; mockinterview help scenario-format lists the ids"
    return f"unknown criterion id {cid!r}{hint}"


def _criterion_problems(s: Scenario) -> Iterator[RuleProblem]:
    known = [*CRITERION_IDS, *(c.id for c in s.rubric.extra_criteria)]
    if s.evaluation:
        for field in ("scores", "comments"):
            for key in getattr(s.evaluation, field):
                if key not in known:
                    yield RuleProblem(("evaluation", field, key), _unknown_criterion(key, known), at_key=True)
    for i, m in enumerate(s.common_mistakes):
        for j, cid in enumerate(m.criteria):
            if cid not in known:
                yield RuleProblem(("common_mistakes", i, "criteria", j), _unknown_criterion(cid, known))
    for key in s.rubric.notes:
        if key not in known:
            yield RuleProblem(("rubric", "notes", key), _unknown_criterion(key, known), at_key=True)


def _estimation_problems(est: Estimation) -> Iterator[RuleProblem]:
    seen: dict[str, Loc] = {}
    named: list[tuple[Loc, str]] = [(("estimation", "assumptions", i, "name"), a.name) for i, a in enumerate(est.assumptions)]
    named += [(("estimation", "figures", i, "name"), f.name) for i, f in enumerate(est.figures)]
    for loc, name in named:
        if name == "seconds_per_month":
            yield RuleProblem(loc, "seconds_per_month is the estimation's month, which formulas can use as it is; "
                                   "set estimation.seconds_per_month instead of naming an assumption or figure so")
        elif name in seen:
            first = ".".join(str(p) for p in seen[name][1:3])
            yield RuleProblem(loc, f"the name {name!r} is used twice (first by {first}); names are shared by assumptions and figures")
        else:
            seen[name] = loc


_QUOTED_ID = re.compile(r"^(key point|curveball)(?: id)? '([^']+)'")


def _coaching_locs(s: Scenario) -> dict[tuple[str, str], Loc]:
    """Where each key point and curveball id is (its last use, where a duplicate is found)."""
    where: dict[tuple[str, str], Loc] = {}
    for i, phase in enumerate(s.phases):
        for k, kp in enumerate(phase.key_points):
            where["key point", kp.id] = ("phases", i, "key_points", k, "id")
        for c, cb in enumerate(phase.curveballs):
            where["curveball", cb.id] = ("phases", i, "curveballs", c, "id")
            for k, kp in enumerate(cb.key_points):
                where["key point", kp.id] = ("phases", i, "curveballs", c, "key_points", k, "id")
    return where


def scenario_problems(s: Scenario) -> list[RuleProblem]:
    """Every rule that spans fields, in file order where it can be: phase ids unique, phase
    minutes adding up, criterion ids known, estimation names unique, key points and
    curveballs consistent (:func:`~mockinterview.content.coaching.coaching_problems`)."""
    problems: list[RuleProblem] = []
    first_phase: dict[str, int] = {}
    for i, p in enumerate(s.phases):
        if p.id in first_phase:
            problems.append(RuleProblem(("phases", i, "id"), f"phase id {p.id!r} is already used by phase {first_phase[p.id]}; phase ids must be unique"))
        first_phase.setdefault(p.id, i)
    total = sum(p.minutes for p in s.phases)
    if abs(total - s.minutes) > 1e-6:
        problems.append(RuleProblem(("minutes",), f"phase minutes add up to {total:g}, but minutes is {s.minutes}"))
    problems += _criterion_problems(s)
    if s.estimation is not None:
        problems += _estimation_problems(s.estimation)
    figure_names = None if s.estimation is None else [f.name for f in s.estimation.figures]
    coaching = coaching_problems(s.phases, figure_names)
    if coaching:
        where = _coaching_locs(s)
        for message in coaching:
            m = _QUOTED_ID.match(message)
            loc = where.get((m.group(1), m.group(2)), ("phases",)) if m else ("phases",)
            if m and "figure" in message and loc[-1] == "id":
                loc = (*loc[:-1], "figure")
            problems.append(RuleProblem(loc, message))
    return problems
