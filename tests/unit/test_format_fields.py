"""The fields the library needs: sources, model answers, follow-ups with answers, band
descriptors per scenario (with the rubric as the fallback), the staff level, and strict
numbers and booleans in every model of the format."""

from __future__ import annotations

import inspect
from typing import Any, get_args

import pytest
from pydantic import BaseModel, ValidationError
from pydantic import Strict as StrictInput

from mockinterview.content import coaching, rubric, scenario
from mockinterview.content.coaching import FigureTarget, KeyPoint
from mockinterview.content.descriptors import band_descriptors, own_band_descriptors
from mockinterview.content.loader import load_rubric
from mockinterview.content.rubric import level_slug
from mockinterview.content.scenario import BandDescriptors, Citation, FollowUp, FollowUps, Mistake, Probe, Scenario
from mockinterview.vocab import BAND_IDS, BAND_LEVELS, LEVELS


def base(**extra: Any) -> dict[str, Any]:
    return {
        "id": "tiny",
        "title": "Tiny",
        "level": "staff",
        "focus": "general",
        "minutes": 10,
        "summary": "S.",
        "source": {"document": "d", "section": "s"},
        "opening": "O.",
        "clarify": ["C?"],
        "phases": [{"id": "p", "kind": "requirements", "title": "P", "minutes": 10, "goal": "G."}],
        **extra,
    }


def test_staff_is_a_level_above_senior() -> None:
    assert LEVELS == ("entry", "mid", "senior", "staff")
    assert Scenario.model_validate(base()).level == "staff"


@pytest.mark.parametrize(
    "url",
    ["https://example.org/a", "http://x.org", "doi:10.1145/1294261.1294281", "10.1145/1294261.1294281", None],
)
def test_a_source_has_an_address_or_a_doi_or_neither(url: str | None) -> None:
    c = Citation.model_validate({"title": "T", "url": url, "licence": "CC BY 4.0"})
    assert c.url == url


@pytest.mark.parametrize("url", ["example.org", "ftp://x.org/a", "doi:11.1/x", "https://a b"])
def test_a_source_address_must_be_a_url_or_a_doi(url: str) -> None:
    with pytest.raises(ValidationError):
        Citation.model_validate({"title": "T", "url": url, "licence": "CC BY 4.0"})


def test_a_source_needs_its_licence() -> None:
    with pytest.raises(ValidationError) as info:
        Citation.model_validate({"title": "T", "url": "https://x.org"})
    assert info.value.errors()[0]["loc"] == ("licence",)


def test_probes_and_mistakes_carry_a_model_answer() -> None:
    assert Probe.model_validate({"question": "Q?", "answer": "A."}).answer == "A."
    assert Probe.model_validate({"question": "Q?"}).answer is None
    mistake = {"title": "T", "problem": "P", "interviewer_response": "R", "answer": "Do this."}
    assert Mistake.model_validate(mistake).answer == "Do this."


def test_follow_ups_are_text_or_question_and_answer() -> None:
    fu = FollowUps.model_validate(
        {"medium": ["Plain?", {"question": "Q?", "answer": "A.", "derived": True}], "expert": [{"question": "E?"}]}
    )
    assert fu.medium == [FollowUp(question="Plain?"), FollowUp(question="Q?", answer="A.", derived=True)]
    assert fu.expert[0].question == "E?" and fu.expert[0].answer is None
    assert fu.model_dump(mode="json") == {
        "medium": ["Plain?", {"question": "Q?", "answer": "A.", "derived": True, "answer_derived": False}],
        "advanced": [],
        "expert": ["E?"],
        "derived": False,
    }
    with pytest.raises(ValidationError):
        FollowUps.model_validate({"medium": [{"answer": "No question."}]})
    with pytest.raises(ValidationError):
        FollowUps.model_validate({"medium": [""]})


def test_a_key_point_figure_may_be_a_name() -> None:
    kp = KeyPoint.model_validate({"id": "k", "text": "T", "criteria": ["api_design"], "figure": "write_qps"})
    assert kp.figure == FigureTarget(name="write_qps")
    assert FigureTarget.model_validate({"value": 5, "unit": "per_second"}).value == 5
    with pytest.raises(ValidationError):
        FigureTarget.model_validate("Write QPS")


def test_key_points_and_curveballs_and_architecture_are_part_of_a_scenario() -> None:
    s = Scenario.model_validate(
        base(
            phases=[{
                "id": "p", "kind": "requirements", "title": "P", "minutes": 10, "goal": "G.",
                "key_points": [{"id": "k", "text": "T", "criteria": ["api_design"], "terms": ["rest api"]}],
                "curveballs": [{"id": "c", "at": 0.5, "announce": "10x!",
                                "key_points": [{"id": "k2", "text": "T", "criteria": ["handles_scale"], "terms": ["shard"]}]}],
            }],
            architecture={"components": [{"name": "API"}, {"name": "DB"}], "flows": [["API", "DB"]]},
        )
    )
    assert s.phases[0].key_points[0].id == "k" and s.phases[0].curveballs[0].key_points[0].id == "k2"
    assert s.architecture is not None and s.architecture.flows == [("API", "DB")]


def test_the_model_alone_refuses_what_spans_fields() -> None:
    with pytest.raises(ValidationError) as info:
        Scenario.model_validate(base(minutes=12, common_mistakes=[
            {"title": "T", "problem": "P", "interviewer_response": "R", "criteria": ["nope"]}]))
    message = str(info.value)
    assert "phase minutes add up to 10, but minutes is 12" in message and "unknown criterion id 'nope'" in message


# -- band descriptors ---------------------------------------------------------------------------


def test_the_rubric_levels_are_the_vocabulary() -> None:
    rub = load_rubric()
    for band in rub.bands:
        assert sorted(lv.slug for lv in band.levels) == sorted(BAND_LEVELS)
    assert level_slug("Needs Improvement") == "needs_improvement"
    assert tuple(BandDescriptors.model_fields) == (*BAND_IDS, "derived")
    assert tuple(scenario.LevelDescriptors.model_fields) == BAND_LEVELS


def test_a_rubric_with_other_level_names_is_refused() -> None:
    rub = load_rubric().model_dump(mode="json", by_alias=True)
    rub["bands"][0]["levels"][0]["name"] = "Outstanding"
    with pytest.raises(ValidationError) as info:
        rubric.Rubric.model_validate(rub)
    assert "levels must be named Excellent, Good, Needs Improvement and Poor" in str(info.value)


def test_descriptors_come_from_the_scenario_with_the_rubric_as_fallback() -> None:
    rub = load_rubric()
    s = Scenario.model_validate(base(band_descriptors={
        "technical_depth": {"needs_improvement": ["Confused about fan-out."]}, "derived": True}))
    depth = rub.band("technical_depth")
    weak = next(lv for lv in depth.levels if lv.slug == "needs_improvement")
    best = next(lv for lv in depth.levels if lv.slug == "excellent")
    own = band_descriptors(s, depth, weak)
    assert own.lines == ("Confused about fan-out.",) and own.own and own.derived
    fallback = band_descriptors(s, depth, best)
    assert fallback.lines == tuple(best.descriptors) and not fallback.own and not fallback.derived
    other = rub.band("system_design")
    assert band_descriptors(s, other, other.levels[0]).lines == tuple(other.levels[0].descriptors)
    assert band_descriptors(None, depth, weak).lines == tuple(weak.descriptors)
    assert own_band_descriptors(s, "technical_depth", "Needs Improvement") == ["Confused about fan-out."]


@pytest.mark.parametrize(
    "bad",
    [{"technical_depth": {"weak": ["x"]}}, {"depth": {"good": ["x"]}}, {"technical_depth": {"good": []}},
     {"technical_depth": {"good": "one line"}}],
)
def test_band_descriptors_use_the_rubrics_ids_and_level_names(bad: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        Scenario.model_validate(base(band_descriptors=bad))


# -- strict numbers and booleans ------------------------------------------------------------------


def format_models() -> list[type[BaseModel]]:
    return [
        obj
        for module in (scenario, coaching, rubric)
        for obj in vars(module).values()
        if inspect.isclass(obj) and issubclass(obj, BaseModel) and obj.__module__ == module.__name__
    ]


def _number_types(annotation: Any) -> list[Any]:
    """The float/int/bool parts of a field's annotation, each with its metadata."""
    found: list[Any] = []
    stack = [annotation]
    while stack:
        t = stack.pop()
        args = get_args(t)
        if t in (float, int, bool):
            found.append((t, ()))
        elif hasattr(t, "__metadata__"):
            found.append((t.__origin__, t.__metadata__))
            stack.extend(get_args(t.__origin__))
        else:
            stack.extend(a for a in args if not isinstance(a, str | int))
    return found


@pytest.mark.parametrize("model", format_models(), ids=lambda m: m.__name__)
def test_every_number_and_boolean_field_is_strict(model: type[BaseModel]) -> None:
    lax = []
    for name, field in model.model_fields.items():
        metadata = list(field.metadata)
        for t, meta in _number_types(field.annotation):
            if t in (float, int, bool) and not any(isinstance(m, StrictInput) for m in (*metadata, *meta)):
                lax.append(name)
    assert lax == [], f"{model.__name__}: use content.base.Number / Whole / Flag for {lax}"
