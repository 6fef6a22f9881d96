"""docs/scenario-format.md stays true: its example loads, and it names every field of the format."""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from mockinterview.content import coaching as coaching_model
from mockinterview.content import scenario as scenario_model
from mockinterview.content import yamlio
from mockinterview.content.loader import load_scenario
from mockinterview.content.rubric import Descriptors
from mockinterview.errors import ContentError
from mockinterview.vocab import CRITERION_IDS, LEVELS

DOC = Path(__file__).resolve().parents[2] / "docs" / "scenario-format.md"
YAML_BLOCK = re.compile(r"^```yaml\n(.*?)^```", re.MULTILINE | re.DOTALL)


def doc_text() -> str:
    return DOC.read_text(encoding="utf-8")


def yaml_blocks() -> list[str]:
    blocks = YAML_BLOCK.findall(doc_text())
    assert blocks, "the doc has no ```yaml block"
    return blocks


def load(text: str) -> Any:
    """YAML as the program reads it (1.2: ``12.7e9`` is a number, as it is not to ``yaml.safe_load``)."""
    return yamlio.parse(text).data


def write_example(folder: Path) -> Path:
    example = yaml_blocks()[0]
    scenario_id = load(example)["id"]
    path = folder / f"{scenario_id}.yaml"
    path.write_text(example, encoding="utf-8")
    return path


def format_models() -> list[type[BaseModel]]:
    models = [
        obj
        for module in (scenario_model, coaching_model)
        for obj in vars(module).values()
        if inspect.isclass(obj) and issubclass(obj, BaseModel) and obj.__module__ == module.__name__
    ]
    return [*models, Descriptors]


def test_the_example_loads(tmp_path: Path) -> None:
    path = write_example(tmp_path)
    scenario = load_scenario(path)
    assert scenario.id == path.stem
    assert scenario.estimation is not None and scenario.common_mistakes


@pytest.mark.parametrize("index", range(1, len(yaml_blocks())))
def test_each_snippet_is_valid_in_the_example(tmp_path: Path, index: int) -> None:
    """The later ```yaml blocks are top-level fragments: merged into the example, it still loads."""
    path = write_example(tmp_path)
    data = load(path.read_text(encoding="utf-8"))
    fragment = load(yaml_blocks()[index])
    assert isinstance(fragment, dict) and set(fragment) <= set(scenario_model.Scenario.model_fields)
    path.write_text(yaml.safe_dump(data | fragment, sort_keys=False), encoding="utf-8")
    load_scenario(path)


@pytest.mark.parametrize("model", format_models(), ids=lambda m: m.__name__)
def test_every_field_is_documented(model: type[BaseModel]) -> None:
    text = doc_text()
    missing = [
        key
        for name, field in model.model_fields.items()
        if f"`{(key := field.alias or name)}`" not in text
    ]
    assert not missing, f"{model.__name__} fields missing from {DOC.name}: {missing}"


@pytest.mark.parametrize(
    "values",
    [
        [k.value for k in scenario_model.PhaseKind],
        [u.value for u in scenario_model.Unit],
        list(CRITERION_IDS),
        list(LEVELS),
    ],
    ids=["phase kinds", "units", "criterion ids", "levels"],
)
def test_every_enumerated_value_is_documented(values: list[str]) -> None:
    text = doc_text()
    missing = [v for v in values if f"`{v}`" not in text]
    assert not missing, f"missing from {DOC.name}: {missing}"


# How each error line in the doc's "Common errors" section was produced: a file name
# and (old, new) replacements applied to the example.
BROKEN_COPIES = {
    "misspelt key": ("pastebin.yaml", [("    prompts:\n      - Let's size it", "    prompt:\n      - Let's size it")]),
    "duplicate key": (
        "pastebin.yaml",
        [("    title: Capacity estimation\n", "    title: Capacity estimation\n    title: Estimation\n")],
    ),
    "minutes": ("pastebin.yaml", [("    minutes: 8\n", "    minutes: 10\n")]),
    "formulas": (
        "pastebin.yaml",
        [
            ("formula: pastes_per_day / 86400", "formula: pastes_per_day / 86400 + read_qps * 0"),
            ("formula: write_qps * read_write_ratio", "formula: write_qps * reads_per_write"),
        ],
    ),
    "stated value": ("pastebin.yaml", [("stated_value: 120\n", "stated_value: 1200\n")]),
    "number with a suffix": ("pastebin.yaml", [("      value: 1000000\n", "      value: 1M\n")]),
    "number in quotes": ("pastebin.yaml", [("      value: 1000000\n", '      value: "1000000"\n')]),
    "yes and no": ("pastebin.yaml", [("      stated_value: 11e12\n", "      stated_value: 11e12\n      ask: no\n")]),
    "unknown criterion": ("pastebin.yaml", [("criteria: [edge_cases]", "criteria: [edge_case]")]),
    "vary range": ("pastebin.yaml", [("vary: [5, 100]", "vary: [100, 5]")]),
    "block indentation": (
        "pastebin.yaml",
        [("        code: |\n          [Client]", "        code: |\n                [Users]\n                   |\n          [Client]")],
    ),
    "colon in a value": (
        "pastebin.yaml",
        [('    title: "Deep dive: generating paste keys"', "    title: Deep dive: generating paste keys")],
    ),
    "colon in a list item": (
        "pastebin.yaml",
        [("  - Do users need accounts, or are pastes anonymous?", "  - Accounts: do users need them, or are pastes anonymous?")],
    ),
    "tab": ("pastebin.yaml", [("    goal: Agree on features", "\tgoal: Agree on features")]),
    "file name": ("paste-bin.yaml", []),
}


@pytest.mark.parametrize("case", list(BROKEN_COPIES))
def test_common_errors_are_real(tmp_path: Path, case: str) -> None:
    """Every error line the doc shows is what the loader says about that broken copy."""
    file_name, edits = BROKEN_COPIES[case]
    text = yaml_blocks()[0]
    for old, new in edits:
        assert text.count(old) == 1, f"{case}: {old!r} is not once in the example"
        text = text.replace(old, new)
    path = tmp_path / file_name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_scenario(path)
    doc = doc_text()
    for problem in info.value.problems:
        line = str(problem).replace(str(path), file_name)
        assert f"\n{line}\n" in doc, f"{case}: the doc does not show the loader's line {line!r}"


def test_the_fixes_the_doc_gives_work(tmp_path: Path) -> None:
    """The fixes the doc teaches load: `|2` for the diagram, quotes for the `: `, and an
    unquoted `10:1`, which YAML 1.2 reads as text."""
    text = yaml_blocks()[0]
    text = text.replace("        code: |\n          [Client]", "        code: |2\n                [Users]\n                   |\n          [Client]")
    text = text.replace("  - Do users need accounts, or are pastes anonymous?", '  - "Accounts: do users need them?"\n  - 10:1')
    path = tmp_path / "pastebin.yaml"
    path.write_text(text, encoding="utf-8")
    scenario = load_scenario(path)
    assert scenario.clarify[-2:] == ["Accounts: do users need them?", "10:1"]
    diagram = scenario.phase("high-level-design").reference[0].code or ""
    assert diagram.startswith("      [Users]\n         |\n[Client]")


def test_the_month_example_reproduces_the_primer(tmp_path: Path) -> None:
    from mockinterview.content.scenario import Estimation
    from mockinterview.estimation import compute, parse_quantity

    fragment = next(load(b)["estimation"] for b in yaml_blocks()[1:] if "seconds_per_month" in b)
    est = Estimation.model_validate(fragment)
    values = compute(est)
    assert values["write_qps"] == 4
    assert values["content_per_month"] == 12.7e9 and values["content_3_years"] == pytest.approx(457.2e9)
    assert parse_quantity("10M/month", est.figures[0].unit, month=est.seconds_per_month) == 4
    assert parse_quantity("12.7GB/month", est.figures[1].unit, month=est.seconds_per_month) == 12.7e9
