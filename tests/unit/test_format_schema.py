"""One truth for the format: the shipped JSON Schema, an independent validator and `validate` agree.

check-jsonschema (its own YAML 1.2 reader, ruamel.yaml, and the jsonschema library)
validates every bundled file and a set of broken copies against the shipped schema;
the program's own `validate` must give the same verdict. The only files where they may
differ are those that break a rule spanning several fields, which JSON Schema cannot
say (phase minutes, criterion ids, ...): the schema accepts them and `validate` names
the rule. The shipped schema is also checked to be a valid draft 2020-12 schema.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import jsonschema
import pytest

from mockinterview import paths
from mockinterview.content.queries import validate_paths

SCHEMA = paths.schema_dir() / "scenario.schema.json"
RUBRIC_SCHEMA = paths.schema_dir() / "rubric.schema.json"

BASE = textwrap.dedent(
    """\
    id: tiny
    title: Design a tiny thing
    level: staff
    focus: general
    minutes: 10
    summary: A small scenario for tests.
    source:
      document: tests
      section: none
    sources:
      - title: A public page
        url: https://example.org/page
        licence: CC BY 4.0
      - title: A paper
        url: doi:10.1145/1294261.1294281
        licence: ACM
    opening: Design a tiny thing.
    clarify:
      - How big?
      - 10:1
    phases:
      - id: reqs
        kind: requirements
        title: Requirements
        minutes: 4
        goal: Agree on scope.
        probes:
          - question: How many users?
            at: 0.5
            answer: Ten million, mostly reading.
        key_points:
          - id: scale
            text: Ask for the scale
            criteria: [problem_clarification]
            terms: [how many users]
          - id: rate
            text: Write rate
            criteria: [scalability_understanding]
            figure: write_qps
      - id: design
        kind: high_level_design
        title: Design
        minutes: 6.0
        goal: Draw boxes.
        reference:
          - title: Diagram
            language: diagram
            code: |2
                  [Client]
                [Server]
        curveballs:
          - id: ten-x
            at: 0.6
            announce: Traffic just became 10x.
            key_points:
              - id: cache
                text: Add a cache
                criteria: [handles_scale]
                terms: [cache]
    estimation:
      seconds_per_month: 2500000
      assumptions:
        - name: writes_per_month
          label: Writes per month
          value: 10_000_000
          unit: per_month
          vary: [1e6, 1e8]
      figures:
        - name: write_qps
          label: Write rate
          formula: writes_per_month / seconds_per_month
          unit: per_second
          stated_value: 4
          rounded: 4
        - name: link
          label: Egress
          formula: write_qps * 1e6 * 8
          unit: bits_per_second
          ask: false
    architecture:
      components:
        - name: Server
          aliases: [API]
        - name: Cache
      flows:
        - [Server, Cache]
    common_mistakes:
      - title: No numbers
        problem: Designs without estimating.
        interviewer_response: How much traffic is that?
        criteria: [scalability_understanding]
        answer: Estimate first.
    follow_ups:
      medium:
        - Plain text question?
        - question: A question with an answer?
          answer: The answer.
      advanced:
        - question: Only a question?
      expert: []
    evaluation:
      scores:
        api_design: 3
    rubric:
      extra_criteria:
        - id: extra
          name: Extra
          description: An extra criterion.
          descriptors:
            1: Poor.
            "3": Fair.
            "5": Great.
    band_descriptors:
      technical_depth:
        excellent: [Deep.]
        poor: [Shallow.]
      derived: true
    """
)

# name -> ((old, new) replacements on BASE, valid for `validate`, valid for the schema)
BOTH_REFUSE = {
    "unknown field": [("    focus: general\n", "    focus: general\n    colour: red\n")],
    "missing field": [("    opening: Design a tiny thing.\n", "")],
    "unknown level": [("level: staff", "level: principal")],
    "number in quotes": [("          value: 10_000_000\n", '          value: "10000000"\n')],
    "fraction in quotes": [("            at: 0.5\n", '            at: "0.5"\n')],
    "yes for a boolean": [("          ask: false\n", "          ask: no\n")],
    "fractional integer": [("    minutes: 10\n", "    minutes: 10.5\n")],
    "score out of range": [("        api_design: 3\n", "        api_design: 6\n")],
    "score in quotes": [("        api_design: 3\n", '        api_design: "3"\n')],
    "block without content": [("            language: diagram\n            code: |2\n              "
                               "    [Client]\n                [Server]\n", "            language: diagram\n")],
    "empty text": [("    summary: A small scenario for tests.\n", '    summary: ""\n')],
    "vary below zero": [("vary: [1e6, 1e8]", "vary: [0, 1e8]")],
    "vary of three": [("vary: [1e6, 1e8]", "vary: [1, 2, 3]")],
    "follow-up without question": [("        - question: Only a question?\n", "        - answer: Only an answer.\n")],
    "bad address": [("url: https://example.org/page", "url: example.org/page")],
    "unknown band level": [("        poor: [Shallow.]\n", "        weak: [Shallow.]\n")],
    "empty band level": [("        poor: [Shallow.]\n", "        poor: []\n")],
    "unknown band": [("      technical_depth:\n", "      depth:\n")],
    "unknown unit": [("          unit: per_month\n", "          unit: per_fortnight\n")],
    "month too short": [("seconds_per_month: 2500000", "seconds_per_month: 30")],
    "key point without criteria": [("            criteria: [problem_clarification]\n", "            criteria: []\n")],
    "bad figure name": [("            figure: write_qps\n", "            figure: Write QPS\n")],
    "descriptor by name": [('            "3": Fair.\n', "            three: Fair.\n")],
    "text read as a mapping": [("      - How big?\n", "      - Scale: how big?\n")],
}
# Rules that span fields: the schema cannot say them, `validate` does.
RULES_ONLY = {
    "phase minutes": [("    minutes: 10\n", "    minutes: 12\n")],
    "unknown criterion id": [("        api_design: 3\n", "        api_desing: 3\n")],
    "vary the wrong way round": [("vary: [1e6, 1e8]", "vary: [1e8, 1e6]")],
    "unknown figure in a key point": [("            figure: write_qps\n", "            figure: read_qps\n")],
    "reserved name": [("        - name: link\n", "        - name: seconds_per_month\n")],
}


def check_jsonschema(schema: Path, files: list[Path]) -> dict[str, list[str]]:
    """check-jsonschema's errors by file (an empty list: valid), run as its own program."""
    run = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "-o", "json", "--schemafile", str(schema), *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(run.stdout)
    assert not report.get("parse_errors"), report["parse_errors"]
    found: dict[str, list[str]] = {str(f): [] for f in files}
    for err in report["errors"]:
        found[err["filename"]].append(f"{err['path']}: {err['message']}")
    return found


def _undent(text: str) -> str:
    """The cases are written indented as BASE is in this file; BASE itself is dedented."""
    return "\n".join(line.removeprefix("    ") for line in text.split("\n"))


def broken_copies(folder: Path, cases: dict[str, list[tuple[str, str]]]) -> dict[str, Path]:
    out: dict[str, Path] = {}
    for i, (name, edits) in enumerate(cases.items()):
        text = BASE
        for indented_old, indented_new in edits:
            old, new = _undent(indented_old), _undent(indented_new)
            assert text.count(old) == 1, f"{name}: {old!r} is not once in BASE"
            text = text.replace(old, new)
        sub = folder / f"case{i:02d}"
        sub.mkdir()
        out[name] = sub / "tiny.yaml"
        out[name].write_text(text, encoding="utf-8")
    return out


def verdicts(files: dict[str, Path]) -> dict[str, list[str]]:
    return {name: [str(p) for p in validate_paths([path])[0].problems] for name, path in files.items()}


def test_the_shipped_schemas_are_valid_json_schema() -> None:
    for path in (SCHEMA, RUBRIC_SCHEMA):
        jsonschema.Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))


def test_every_bundled_file_is_valid_for_both() -> None:
    bundled = sorted(paths.bundled_dir().glob("*.yaml"))
    assert len(bundled) >= 5
    schema_says = check_jsonschema(SCHEMA, bundled)
    assert all(not errors for errors in schema_says.values()), schema_says
    assert [c.problems for c in validate_paths(bundled)] == [[]] * len(bundled)
    rubric = paths.rubric_path()
    assert check_jsonschema(RUBRIC_SCHEMA, [rubric]) == {str(rubric): []}
    assert validate_paths([rubric])[0].problems == []


def test_the_base_scenario_is_valid_for_both(tmp_path: Path) -> None:
    (path,) = broken_copies(tmp_path, {"base": []}).values()
    assert check_jsonschema(SCHEMA, [path]) == {str(path): []}
    (checked,) = validate_paths([path])
    assert checked.problems == [] and checked.what == "scenario tiny"
    # the unquoted descriptor key 1: is accepted by both, with a warning from validate
    assert [w.message for w in checked.warnings] == [
        'the key 1 is a number to YAML; it is read as the text \'1\', but editors that check the schema '
        '(yaml-language-server) flag a number as a key: write "1": in quotes'
    ]


def test_broken_files_are_refused_by_both(tmp_path: Path) -> None:
    files = broken_copies(tmp_path, BOTH_REFUSE)
    schema_says = check_jsonschema(SCHEMA, list(files.values()))
    ours = verdicts(files)
    disagree = {
        name: {"schema": schema_says[str(path)], "validate": ours[name]}
        for name, path in files.items()
        if not schema_says[str(path)] or not ours[name]
    }
    assert not disagree, disagree


def test_rules_beyond_the_schema_are_refused_by_validate_only(tmp_path: Path) -> None:
    files = broken_copies(tmp_path, RULES_ONLY)
    schema_says = check_jsonschema(SCHEMA, list(files.values()))
    ours = verdicts(files)
    assert {name: schema_says[str(path)] for name, path in files.items()} == {name: [] for name in files}
    assert all(len(problems) == 1 for problems in ours.values()), ours


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("yes for a boolean", "'no' is text, not a boolean: write false"),
        ("number in quotes", "'10000000' is in quotes, so it is text; write it without quotes"),
        ("text read as a mapping", 'put the whole text in quotes: "Scale: how big?"'),
        ("descriptor by name", "unknown field"),
    ],
)
def test_refusals_say_what_to_write(tmp_path: Path, case: str, expected: str) -> None:
    files = broken_copies(tmp_path, {case: BOTH_REFUSE[case]})
    problems = verdicts(files)[case]
    assert any(expected in p for p in problems), problems
