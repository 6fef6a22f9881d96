"""Scenario files are read as YAML 1.2 reads them, and authoring mistakes are explained.

YAML 1.2 (what editors and check-jsonschema follow): only true/false are booleans,
``10:1`` and dates are text, ``1e8`` is a number. Parser failures come with the fix,
located at the line that is wrong; type errors say what YAML made of the value.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from mockinterview.content import yamlio
from mockinterview.content.loader import load_scenario
from mockinterview.errors import ContentError


def parsed(text: str) -> object:
    return yamlio.parse(text, "f.yaml").data


def parse_problem(text: str) -> str:
    with pytest.raises(ContentError) as info:
        yamlio.parse(text, "f.yaml")
    (problem,) = info.value.problems
    return str(problem)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("yes", "yes"),
        ("no", "no"),
        ("on", "on"),
        ("Off", "Off"),
        ("y", "y"),
        ("true", True),
        ("False", False),
        ("TRUE", True),
        ("10:1", "10:1"),
        ("1:30:00", "1:30:00"),
        ("2024-05-01", "2024-05-01"),
        ("1e8", 1e8),
        ("1.5E-3", 1.5e-3),
        (".5", 0.5),
        ("1_000", 1000),
        ("010", 10),
        ("0o17", 15),
        ("0x1F", 31),
        ("-7", -7),
        ("~", None),
        ("null", None),
        ("0b101", "0b101"),
        ("=", "="),
    ],
)
def test_plain_scalars_are_read_as_yaml_1_2(text: str, value: object) -> None:
    assert parsed(f"a: {text}\n") == {"a": value}


def test_merge_keys_still_work() -> None:
    assert parsed("base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n") == {"base": {"x": 1}, "other": {"x": 1, "y": 2}}


def test_a_number_as_a_key_is_a_warning_not_an_error() -> None:
    doc = yamlio.parse('d:\n  1: one\n  "3": three\n', "f.yaml")
    assert doc.data == {"d": {1: "one", "3": "three"}}
    assert [str(w) for w in doc.warnings] == [
        "f.yaml:2:3: d.1: the key 1 is a number to YAML; it is read as the text '1', but editors that check "
        'the schema (yaml-language-server) flag a number as a key: write "1": in quotes'
    ]


# -- parser failures, in words --------------------------------------------------------------------


DIAGRAM = textwrap.dedent(
    """\
    reference:
      - title: Diagram
        language: diagram
        code: |
              [Users]
                 |
          [Client] -> [Server]
        derived: true
    """
)


def test_a_block_indented_more_on_its_first_line_says_to_write_an_indentation() -> None:
    message = parse_problem(DIAGRAM)
    assert message.startswith("f.yaml:7:7: this line belongs to the block (|) that starts on line 4")
    assert "write |2 for | on line 4" in message
    fixed = yamlio.parse(DIAGRAM.replace("code: |", "code: |2"), "f.yaml").data
    assert isinstance(fixed, dict)
    assert fixed["reference"][0]["code"] == "    [Users]\n       |\n[Client] -> [Server]\n"


def test_the_indentation_fix_keeps_a_chomping_indicator() -> None:
    assert "write |2- for |- on line 4" in parse_problem(DIAGRAM.replace("code: |", "code: |-"))


def test_a_colon_in_a_plain_value_says_to_quote_it() -> None:
    message = parse_problem("phases:\n  - title: Deep dive: keys\n    minutes: 5\n")
    assert message == (
        "f.yaml:2:21: a ': ' (colon and space) inside a plain value starts a mapping, so YAML cannot read "
        'this line; put the whole value in quotes: - title: "Deep dive: keys"'
    )


@pytest.mark.parametrize("text", ["a:\n\tb: 1\n", "a:\n  - x\n  -\ty\n", "a:\n  b: 1\n\tc: 2\n"])
def test_a_tab_in_the_indentation_says_to_use_spaces(text: str) -> None:
    message = parse_problem(text)
    assert "a tab is used for indentation here; YAML allows only spaces" in message
    line = next(i for i, ln in enumerate(text.split("\n"), 1) if "\t" in ln)
    assert message.startswith(f"f.yaml:{line}:")


def test_a_quote_never_closed_is_located_where_it_opens() -> None:
    assert parse_problem('a: 1\nb: "unclosed\nc: 2\n').startswith("f.yaml:2:4: this quoted value is never closed")


def test_a_misindented_entry_is_explained() -> None:
    message = parse_problem("items:\n  - a\n - b\n")
    assert message.startswith("f.yaml:3:2: this line's indentation does not fit the block around it")


# -- type errors, explained ----------------------------------------------------------------------


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
        probes:
          - question: How many?
            at: 0.5
      - id: design
        kind: high_level_design
        title: Design
        minutes: 6
        goal: Draw boxes.
    """
)


def problems_of(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "tiny.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_scenario(path)
    return [str(p).replace(str(path), "tiny.yaml") for p in info.value.problems]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("    at: 0.5\n", '    at: "0.5"\n',
         "tiny.yaml:21:13: phases.0.probes.0.at: Input should be a valid number: '0.5' is in quotes, so it is text; "
         "write it without quotes"),
        ("minutes: 10\n", 'minutes: "10"\n', "tiny.yaml:5:10: minutes: Input should be a valid integer: '10' is in "
         "quotes, so it is text; write it without quotes"),
        ("  - How big?\n", "  - 2024\n", 'tiny.yaml:12:5: clarify.0: Input should be a valid string: YAML read 2024 '
         'as a number; put it in quotes if it is text: "2024"'),
        ("  - How big?\n", "  - Scale: how big?\n", "tiny.yaml:12:5: clarify.0: Input should be a valid string: YAML "
         "read this as a mapping ('Scale': ...) because of the ': ' in it; put the whole text in quotes: "
         '"Scale: how big?"'),
        ("    at: 0.5\n", "    at: 0.5\n        derived: yes\n", "tiny.yaml:22:18: phases.0.probes.0.derived: 'yes' is "
         "text, not a boolean: write true (only true and false are booleans in YAML 1.2, which editors and this "
         "program follow)"),
    ],
)
def test_type_errors_say_what_yaml_read(tmp_path: Path, old: str, new: str, expected: str) -> None:
    assert MINIMAL.count(old) == 1
    assert problems_of(tmp_path, MINIMAL.replace(old, new)) == [expected]


def test_an_unquoted_ratio_in_text_is_text(tmp_path: Path) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(MINIMAL.replace("  - How big?\n", "  - How big?\n  - 10:1\n"), encoding="utf-8")
    assert load_scenario(path).clarify == ["How big?", "10:1"]


def test_a_whole_number_with_a_zero_fraction_is_an_integer(tmp_path: Path) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(MINIMAL.replace("minutes: 10\n", "minutes: 10.0\n"), encoding="utf-8")
    assert load_scenario(path).minutes == 10
    assert problems_of(tmp_path, MINIMAL.replace("minutes: 10\n", "minutes: 10.5\n")) == [
        "tiny.yaml:5:10: minutes: Input should be a valid integer"
    ]


# -- rule errors, at the key they are about ---------------------------------------------------------


def test_rule_errors_are_located_at_their_key(tmp_path: Path) -> None:
    text = MINIMAL.replace("minutes: 10\n", "minutes: 11\n") + textwrap.dedent(
        """\
        estimation:
          assumptions:
            - name: users
              label: Users
              value: 100
              unit: count
              vary: [200, 100]
          figures:
            - name: users
              label: Users again
              formula: users * 1
              unit: count
        evaluation:
          scores:
            api_desing: 3
        rubric:
          notes:
            edge_case: Corner cases.
        """
    )
    # a field's own problem comes first (the rules that span fields run once the fields are right)
    assert problems_of(tmp_path, text) == [
        "tiny.yaml:33:13: estimation.assumptions.0.vary: vary must be [low, high] with 0 < low <= high",
    ]
    text = text.replace("vary: [200, 100]", "vary: [100, 200]")
    assert problems_of(tmp_path, text) == [
        "tiny.yaml:5:10: minutes: phase minutes add up to 10, but minutes is 11",
        "tiny.yaml:35:13: estimation.figures.0.name: the name 'users' is used twice (first by assumptions.0); "
        "names are shared by assumptions and figures",
        "tiny.yaml:41:5: evaluation.scores.api_desing: unknown criterion id 'api_desing'; did you mean 'api_design'?",
        "tiny.yaml:44:5: rubric.notes.edge_case: unknown criterion id 'edge_case'; did you mean 'edge_cases'?",
    ]


def test_duplicate_phase_ids_point_at_the_second(tmp_path: Path) -> None:
    assert problems_of(tmp_path, MINIMAL.replace("  - id: design\n", "  - id: reqs\n")) == [
        "tiny.yaml:22:9: phases.1.id: phase id 'reqs' is already used by phase 0; phase ids must be unique"
    ]


def test_key_point_problems_point_at_the_key_point(tmp_path: Path) -> None:
    text = MINIMAL.replace(
        "    goal: Draw boxes.\n",
        "    goal: Draw boxes.\n"
        "    key_points:\n"
        "      - {id: one, text: One, criteria: [api_design], terms: [api]}\n"
        "      - {id: one, text: Again, criteria: [api_design], figure: write_qps}\n",
    )
    assert problems_of(tmp_path, text) == [
        "tiny.yaml:29:14: phases.1.key_points.1.id: key point id 'one' is used in phase 'design' and 'design'",
        "tiny.yaml:29:64: phases.1.key_points.1.figure: key point 'one' names figure 'write_qps', but there is no "
        "estimation",
    ]
