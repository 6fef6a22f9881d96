"""The scenario format: every loader error is located and reported at once."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from mockinterview.content import yamlio
from mockinterview.content.catalogue import Catalogue, check_id
from mockinterview.content.loader import load_scenario
from mockinterview.errors import ContentError, InvalidId

MINIMAL = textwrap.dedent(
    """\
    id: tiny
    title: Design a tiny thing
    level: entry
    focus: general
    minutes: 10
    summary: A small scenario for tests.
    source:
      document: tests
      section: none
    opening: Design a tiny thing.
    clarify:
      - How big?
    phases:
      - id: reqs
        kind: requirements
        title: Requirements
        minutes: 4
        goal: Agree on scope.
      - id: design
        kind: high_level_design
        title: Design
        minutes: 6
        goal: Draw boxes.
    """
)


def write(tmp_path: Path, text: str, name: str = "tiny.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(ContentError) as info:
        load_scenario(path)
    return [str(p) for p in info.value.problems]


def test_minimal_scenario_loads(tmp_path: Path) -> None:
    s = load_scenario(write(tmp_path, MINIMAL))
    assert s.id == "tiny"
    assert [p.minutes for p in s.phases] == [4, 6]


def test_bad_yaml_syntax_points_at_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL + "tags: [a, b\n")
    (msg,) = problems(path)
    assert msg.startswith(f"{path}:")
    line = int(msg.split(":")[1])
    assert line >= MINIMAL.count("\n")  # at or after the broken flow sequence


def test_wrong_type_names_file_line_column_and_field(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL.replace("minutes: 4", "minutes: four"))
    (msg,) = problems(path)
    assert msg.startswith(f"{path}:17:14: phases.0.minutes: ")
    assert "number" in msg


def test_unknown_field_is_named_at_its_key(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL.replace("focus: general", "focus: general\nfocsu: typo"))
    (msg,) = problems(path)
    assert msg == f"{path}:5:1: focsu: unknown field (not part of the format; check the spelling)"


def test_missing_field_points_at_the_enclosing_mapping(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL.replace("    goal: Draw boxes.\n", ""))
    (msg,) = problems(path)
    assert msg.startswith(f"{path}:19:5: ")
    assert "phases.1.goal: required field is missing" in msg


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = MINIMAL.replace("level: entry", "level: expert").replace("minutes: 4", "minutes: -1")
    text = text.replace("focus: general", "focus: general\ncolour: blue")
    found = problems(write(tmp_path, text))
    fields = [m.split(": ")[1] for m in found]
    assert fields == ["level", "colour", "phases.0.minutes"]


def test_duplicate_keys_are_errors(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL + "title: Again\n")
    (msg,) = problems(path)
    assert msg == f"{path}:24:1: title: duplicate key (first defined on line 2)"


def test_python_object_tag_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL.replace("summary: A small", 'summary: !!python/object/apply:os.system ["true"]\nx: A small'))
    (msg,) = problems(path)
    assert "tags that build objects are not allowed" in msg
    assert msg.startswith(f"{path}:6:")


def test_missing_file(tmp_path: Path) -> None:
    assert problems(tmp_path / "nope.yaml") == [f"{tmp_path / 'nope.yaml'}: no such file"]


def test_empty_file(tmp_path: Path) -> None:
    assert problems(write(tmp_path, "# nothing\n")) == [f"{tmp_path / 'tiny.yaml'}:1:1: the file is empty"]


def test_phase_minutes_must_add_up(tmp_path: Path) -> None:
    (msg,) = problems(write(tmp_path, MINIMAL.replace("minutes: 10", "minutes: 12")))
    assert "phase minutes add up to 10, but minutes is 12" in msg


def test_id_must_match_file_name(tmp_path: Path) -> None:
    (msg,) = problems(write(tmp_path, MINIMAL, name="other.yaml"))
    assert "id 'tiny' must match the file name 'other'" in msg
    assert ":1:5: id:" in msg


def test_unknown_criterion_in_mistakes(tmp_path: Path) -> None:
    text = MINIMAL + textwrap.dedent(
        """\
        common_mistakes:
          - title: T
            problem: P
            interviewer_response: R
            criteria: [api_desing]
        """
    )
    path = write(tmp_path, text)
    (msg,) = problems(path)
    # located at the id itself (the mistake's criteria list, line 28), with the likely fix
    assert msg == f"{path}:28:16: common_mistakes.0.criteria.0: unknown criterion id 'api_desing'; did you mean 'api_design'?"


@pytest.mark.parametrize("bad", ["../etc/passwd", "..", "a/b", "Chat", "chat system", "chat.yaml", "", "-x"])
def test_ids_are_slugs(bad: str) -> None:
    with pytest.raises(InvalidId):
        check_id(bad)


def test_path_as_id_suggests_scenarios_flag() -> None:
    with pytest.raises(InvalidId) as info:
        Catalogue().get("./my-scenario.yaml")
    assert "--scenarios DIR" in info.value.message


def test_user_scenario_overrides_bundled(tmp_path: Path, isolated_home: Path) -> None:
    user = isolated_home / "scenarios"
    user.mkdir(parents=True)
    write(user, MINIMAL.replace("id: tiny", "id: url-shortener").replace("Design a tiny thing", "Mine"), "url-shortener.yaml")
    entry = Catalogue().entry("url-shortener")
    assert entry.source.kind == "user"
    assert entry.load().title == "Mine"
    assert [o.source.kind for o in entry.overrides] == ["bundled"]


def test_yaml_reader_never_builds_objects() -> None:
    with pytest.raises(ContentError):
        yamlio.parse("!!python/name:os.system\n")


def test_phase_kinds_and_rubric_ids_are_the_vocabulary() -> None:
    from typing import get_args

    from mockinterview import vocab
    from mockinterview.content.rubric import Band, Criterion, Group
    from mockinterview.content.scenario import PhaseKind

    assert tuple(k.value for k in PhaseKind) == vocab.PHASE_KINDS
    assert get_args(Group.model_fields["id"].annotation) == vocab.GROUP_IDS
    assert get_args(Criterion.model_fields["group"].annotation) == vocab.GROUP_IDS
    assert get_args(Group.model_fields["band"].annotation) == vocab.BAND_IDS
    assert get_args(Band.model_fields["id"].annotation) == vocab.BAND_IDS


def test_rubric_loads_from_content(tmp_path: Path) -> None:
    from mockinterview.content.loader import load_rubric

    rubric = load_rubric()
    assert [c.id for c in rubric.criteria][:2] == ["system_design_knowledge", "scalability_understanding"]
    with pytest.raises(ContentError) as info:
        load_rubric(write(tmp_path, "criteria: []\n", "rubric.yaml"))
    assert str(info.value.problems[0]).startswith(f"{tmp_path / 'rubric.yaml'}:")


def test_scenario_warnings_do_not_make_it_invalid(tmp_path: Path) -> None:
    from mockinterview.content.queries import validate_paths

    path = write(tmp_path, MINIMAL.replace("title: Design a tiny thing", 'title: "Design \\e]0;pwned\\a a thing"'))
    (checked,) = validate_paths([path])
    assert checked.what == "scenario tiny" and checked.problems == []
    assert [str(w) for w in checked.warnings] == [
        f"{path}:2:8: title: control characters ^G (U+0007), ^[ (U+001B): a terminal would act on them, "
        "so they are shown as ^G, ^[ instead"
    ]
