"""The scenario format: one mock interview, as a user can write it in YAML.

Every model forbids unknown fields, so a typo is an error that names the field.
Content that the seed documents do not give and that was derived from what they
do give carries ``derived: true``.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, field_validator, model_validator

from mockinterview.content.base import Ident, Slug, Strict, Text
from mockinterview.content.rubric import Descriptors
from mockinterview.vocab import CRITERION_IDS, Level


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


class Unit(StrEnum):
    """What a quantity measures. Bytes are decimal (1 KB = 1,000 B), as in the documents."""

    # A public name in scenario files; as a member it hides ``str.count``, which no caller uses.
    count = "count"  # type: ignore[assignment]
    ratio = "ratio"
    bytes = "bytes"
    seconds = "seconds"
    hours = "hours"
    days = "days"
    years = "years"
    per_second = "per_second"
    per_day = "per_day"
    per_year = "per_year"
    bytes_per_second = "bytes_per_second"
    bytes_per_day = "bytes_per_day"
    bytes_per_year = "bytes_per_year"


class Source(Strict):
    document: Text
    section: Text


class Block(Strict):
    """A piece of reference material: prose, a list, a diagram or code."""

    title: Text
    text: str | None = None
    items: list[Text] = []
    code: str | None = None
    language: str | None = None  # go, python, sql, diagram, text
    derived: bool = False

    @model_validator(mode="after")
    def _has_content(self) -> Block:
        if not (self.text or self.items or self.code):
            raise ValueError("a block needs text, items or code")
        return self


class Probe(Strict):
    """An interviewer's interjection during a phase."""

    question: Text
    at: float = Field(default=0.5, gt=0, lt=1, description="when to interject, as a fraction of the phase")
    derived: bool = False


class Phase(Strict):
    id: Slug
    kind: PhaseKind
    title: Text
    minutes: float = Field(gt=0, le=180)
    goal: Text
    prompts: list[Text] = Field(default=[], description="what the interviewer says to open the phase")
    probes: list[Probe] = []
    covers: list[Text] = Field(default=[], description="what a strong answer covers (used for hints)")
    reference: list[Block] = []
    derived: bool = Field(default=False, description="minutes or prompts derived rather than scripted")


class Assumption(Strict):
    name: Ident
    label: Text
    value: float
    unit: Unit
    vary: tuple[float, float] | None = Field(default=None, description="range for `estimate --vary`")
    derived: bool = False

    @model_validator(mode="after")
    def _vary_range(self) -> Assumption:
        if self.vary is not None:
            lo, hi = self.vary
            if not (0 < lo <= hi):
                raise ValueError("vary must be [low, high] with 0 < low <= high")
        return self


class Figure(Strict):
    name: Ident
    label: Text
    formula: Text
    unit: Unit
    stated: str | None = Field(default=None, description="the figure as the document writes it")
    stated_value: float | None = None
    tolerance: float = Field(default=0.05, gt=0, le=1, description="relative; the document's rounding")
    ask: bool = True
    derived: bool = False


class Estimation(Strict):
    assumptions: list[Assumption] = Field(min_length=1)
    figures: list[Figure] = Field(min_length=1)
    notes: list[Text] = []

    @model_validator(mode="after")
    def _unique_names(self) -> Estimation:
        seen: set[str] = set()
        for name in [a.name for a in self.assumptions] + [f.name for f in self.figures]:
            if name in seen:
                raise ValueError(f"the name {name!r} is used twice")
            seen.add(name)
        return self


class StatedOverall(Strict):
    score: float
    out_of: int = 50
    percent: float
    label: Text


class Evaluation(Strict):
    """The seed document's own evaluation of this interview, for calibration."""

    scores: dict[str, int] = {}
    comments: dict[str, Text] = {}
    overall: StatedOverall | None = None
    strengths: list[Text] = []
    improvements: list[Text] = []
    notes: list[Text] = []
    derived: bool = False

    @field_validator("scores")
    @classmethod
    def _range(cls, v: dict[str, int]) -> dict[str, int]:
        for k, s in v.items():
            if not 1 <= s <= 5:
                raise ValueError(f"{k}: {s} is outside 1..5")
        return v


class Mistake(Strict):
    title: Text
    problem: Text
    interviewer_response: Text
    criteria: list[Ident] = Field(default=[], description="criteria this mistake costs")
    derived: bool = False


class FollowUps(Strict):
    medium: list[Text] = []
    advanced: list[Text] = []
    expert: list[Text] = []
    derived: bool = False


class Debrief(Strict):
    strong_indicators: list[Text] = []
    concerns: list[Text] = []
    derived: bool = False


class ExtraCriterion(Strict):
    """A criterion a scenario adds for its focus. Scored and shown; not part of /50 or /100."""

    id: Ident
    name: Text
    description: Text
    descriptors: Descriptors


class ScenarioRubric(Strict):
    notes: dict[str, Text] = Field(default={}, description="criterion id -> what it means in this scenario")
    extra_criteria: list[ExtraCriterion] = []


class Scenario(Strict):
    id: Slug
    title: Text
    level: Level
    focus: Slug
    tags: list[Slug] = []
    minutes: int = Field(gt=0, le=240)
    summary: Text
    source: Source
    difficulty: str | None = None
    target_experience: str | None = None
    opening: Text
    interviewer_notes: list[Text] = []
    preparation: list[Text] = []
    clarify: list[Text] = Field(min_length=1, description="what a candidate should ask about")
    phases: list[Phase] = Field(min_length=1)
    estimation: Estimation | None = None
    evaluation: Evaluation | None = None
    common_mistakes: list[Mistake] = []
    follow_ups: FollowUps = FollowUps()
    debrief: Debrief = Debrief()
    rubric: ScenarioRubric = ScenarioRubric()

    @model_validator(mode="after")
    def _consistent(self) -> Scenario:
        ids = [p.id for p in self.phases]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"phase ids must be unique: {', '.join(dupes)}")
        total = sum(p.minutes for p in self.phases)
        if abs(total - self.minutes) > 1e-6:
            raise ValueError(f"phase minutes add up to {total:g}, but minutes is {self.minutes}")
        known = set(CRITERION_IDS) | {c.id for c in self.rubric.extra_criteria}
        bad: list[str] = []
        if self.evaluation:
            bad += [k for k in list(self.evaluation.scores) + list(self.evaluation.comments) if k not in known]
        for m in self.common_mistakes:
            bad += [c for c in m.criteria if c not in known]
        bad += [k for k in self.rubric.notes if k not in known]
        if bad:
            raise ValueError(f"unknown criterion id(s): {', '.join(sorted(set(bad)))}")
        return self

    # Convenience ---------------------------------------------------------------------
    def phase(self, pid: str) -> Phase:
        return next(p for p in self.phases if p.id == pid)
