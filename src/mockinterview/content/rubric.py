"""The rubric as data: validated like scenarios, loaded from ``scenarios/rubric/rubric.yaml``.

Two scoring systems live side by side, both from the seed documents:

* fifteen 1-5 criteria in three groups; the "Overall Score N/50" is the sum of the
  technical and communication groups, with a percentage and a label;
* three point bands (technical depth 50, system design 30, communication and
  process 20) that add up to 100, and the verdict thresholds over that total.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from mockinterview.content.base import Flag, Ident, Number, Strict, Text, Whole
from mockinterview.vocab import BAND_IDS, BAND_LEVELS, CRITERION_IDS, GROUP_IDS, BandId, GroupId, Level


def level_slug(name: str) -> str:
    """A band level's name as a key: ``"Needs Improvement"`` -> ``needs_improvement``."""
    return "_".join(name.casefold().replace("-", " ").split())


class Descriptors(Strict):
    """What a score of 1, 3 and 5 looks like (2 and 4 lie between).

    The keys are ``"1"``, ``"3"`` and ``"5"``. An unquoted ``1:`` is read by YAML as the
    integer 1; it is accepted as the key "1" (JSON Schema validators such as
    check-jsonschema accept it too), and ``validate`` warns, since some editors flag it.
    """

    one: Text = Field(alias="1")
    three: Text = Field(alias="3")
    five: Text = Field(alias="5")

    @model_validator(mode="before")
    @classmethod
    def _int_keys(cls, data: object) -> object:
        if isinstance(data, dict):
            return {str(k) if isinstance(k, int) else k: v for k, v in data.items()}
        return data

    def for_score(self, score: int) -> str:
        if score <= 1:
            return self.one
        if score == 2:
            return f"Partly there: {self.three}"
        if score == 3:
            return self.three
        if score == 4:
            return f"Nearly there: {self.five}"
        return self.five


class Criterion(Strict):
    id: Ident
    name: Text
    group: GroupId
    description: Text
    descriptors: Descriptors
    keywords: list[Text] = Field(
        default=[], description="lowercase word stems that tie scenario feedback and mistakes to this criterion"
    )


class Group(Strict):
    id: GroupId
    name: Text
    band: BandId
    in_score_50: Flag


class BandLevel(Strict):
    name: Text
    min: Whole = Field(ge=0)
    max: Whole = Field(ge=0)
    descriptors: list[Text] = Field(min_length=1)

    @property
    def slug(self) -> str:
        """The level's key in a scenario's ``band_descriptors`` (``needs_improvement``)."""
        return level_slug(self.name)


class Band(Strict):
    id: BandId
    name: Text
    points: Whole = Field(gt=0)
    levels: list[BandLevel] = Field(min_length=1)
    criteria: list[Ident] = Field(
        default=[],
        description="the criteria whose scores suggest this band's points, each criterion in one band "
        "(none: the criteria of the group whose band this is)",
    )

    @model_validator(mode="after")
    def _levels_cover_range(self) -> Band:
        slugs = sorted(lv.slug for lv in self.levels)
        if slugs != sorted(BAND_LEVELS):
            names = ", ".join(lv.name for lv in self.levels)
            raise ValueError(
                f"levels must be named Excellent, Good, Needs Improvement and Poor, once each (scenarios' "
                f"band_descriptors use them as keys); found: {names}"
            )
        covered = sorted((lv.min, lv.max) for lv in self.levels)
        expected = 0
        for lo, hi in covered:
            if lo != expected or hi < lo:
                raise ValueError(
                    f"levels must cover 0..{self.points} without gaps or overlaps (problem near {lo}-{hi})"
                )
            expected = hi + 1
        if expected != self.points + 1:
            raise ValueError(f"levels must reach {self.points} points, they stop at {expected - 1}")
        return self

    def level_for(self, points: int) -> BandLevel:
        for lv in self.levels:
            if lv.min <= points <= lv.max:
                return lv
        raise ValueError(f"{points} is outside 0..{self.points} for {self.name}")


class Threshold(Strict):
    """A label reached at ``min`` or above (points out of 100, or percent of 50)."""

    label: Text
    min: Number = Field(ge=0)
    meaning: Text
    meanings: dict[Level, Text] = Field(
        default={}, description="the meaning for scenarios of this level, where it differs from `meaning` (ours)"
    )
    derived: Flag = False


class Rubric(Strict):
    version: Whole = 1
    source: Text
    criteria: list[Criterion]
    groups: list[Group]
    bands: list[Band]
    verdicts: list[Threshold] = Field(min_length=1)
    labels_50: list[Threshold] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> Rubric:
        ids = [c.id for c in self.criteria]
        if tuple(ids) != CRITERION_IDS:
            missing = [c for c in CRITERION_IDS if c not in ids]
            unknown = [c for c in ids if c not in CRITERION_IDS]
            raise ValueError(
                "criteria must be the fifteen public ids in order"
                + (f"; missing: {', '.join(missing)}" if missing else "")
                + (f"; unknown: {', '.join(unknown)}" if unknown else "")
            )
        if sorted(g.id for g in self.groups) != sorted(GROUP_IDS):
            raise ValueError("groups must be technical, communication and overall, once each")
        if sorted(b.id for b in self.bands) != sorted(BAND_IDS):
            raise ValueError("bands must be technical_depth, system_design and communication_process")
        if sum(b.points for b in self.bands) != 100:
            raise ValueError("band points must add up to 100")
        fed = [c for b in self.bands for c in b.criteria]
        if fed:
            unknown = sorted({c for c in fed if c not in CRITERION_IDS})
            twice = sorted({c for c in fed if fed.count(c) > 1})
            unfed = [c for c in CRITERION_IDS if c not in fed]
            if unknown or twice or unfed or any(not b.criteria for b in self.bands):
                raise ValueError(
                    "bands' criteria must name each of the fifteen criteria once, and every band some"
                    + (f"; unknown: {', '.join(unknown)}" if unknown else "")
                    + (f"; in two bands: {', '.join(twice)}" if twice else "")
                    + (f"; in no band: {', '.join(unfed)}" if unfed else "")
                )
        for name, items in (("verdicts", self.verdicts), ("labels_50", self.labels_50)):
            if not any(t.min == 0 for t in items):
                raise ValueError(f"{name} need a label with min 0, so every score gets one")
        return self

    # Lookups --------------------------------------------------------------------------
    def criterion(self, cid: str) -> Criterion:
        for c in self.criteria:
            if c.id == cid:
                return c
        raise KeyError(cid)

    def group(self, gid: str) -> Group:
        return next(g for g in self.groups if g.id == gid)

    def band(self, bid: str) -> Band:
        return next(b for b in self.bands if b.id == bid)

    def criteria_in(self, gid: str) -> list[Criterion]:
        return [c for c in self.criteria if c.group == gid]
