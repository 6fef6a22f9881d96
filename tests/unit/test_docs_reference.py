"""docs/commands.md and docs/scoring.md stay true to the program.

* every command registered on the Typer app (and every subcommand of a group, such as
  ``data path``) has a help text and a section in docs/commands.md, and every option
  of every command is named in that command's section (global options in "Global
  options");
* the score file example of docs/scoring.md (its first ```yaml block) is accepted by
  ``mockinterview score chat-system --scores FILE --json`` and gives the numbers the
  doc's worked example states.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import typer
import yaml

from mockinterview.cli import app

DOCS = Path(__file__).resolve().parents[2] / "docs"
COMMANDS_DOC = DOCS / "commands.md"
SCORING_DOC = DOCS / "scoring.md"
YAML_BLOCK = re.compile(r"^```yaml\n(.*?)^```", re.MULTILINE | re.DOTALL)


# -- the commands ---------------------------------------------------------------------


def root_command() -> Any:
    return typer.main.get_command(app)


def walk(group: Any, prefix: str = "") -> list[tuple[str, Any]]:
    """(full name, command) for every command, groups and their subcommands included."""
    found: list[tuple[str, Any]] = []
    for name, cmd in group.commands.items():
        full = f"{prefix}{name}"
        found.append((full, cmd))
        if hasattr(cmd, "commands"):  # a group, such as `data`
            found += walk(cmd, prefix=f"{full} ")
    return found


COMMANDS = walk(root_command())


def long_options(cmd: Any) -> list[str]:
    names: list[str] = []
    for param in cmd.params:
        names += [o for o in [*param.opts, *getattr(param, "secondary_opts", [])] if o.startswith("--")]
    return names


def short_options(cmd: Any) -> list[str]:
    names: list[str] = []
    for param in cmd.params:
        names += [o for o in [*param.opts, *getattr(param, "secondary_opts", [])] if re.fullmatch(r"-\w", o)]
    return names


def commands_doc() -> str:
    return COMMANDS_DOC.read_text(encoding="utf-8")


def headings(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("#")]


def named(name: str, text: str) -> bool:
    """``name`` as a whole word in ``text`` (``--scenario`` is not found in ``--scenarios``)."""
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) is not None


def section(text: str, title_word: str) -> str:
    """The text under the first heading naming ``title_word``, up to the next heading of
    the same or a higher level (its subsections included)."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        m = re.match(r"(#+) ", line)
        if m and named(title_word, line):
            level = len(m.group(1))
            end = next(
                (j for j in range(i + 1, len(lines)) if re.match(rf"#{{1,{level}}} ", lines[j])),
                len(lines),
            )
            return "\n".join(lines[i:end])
    raise AssertionError(f"docs/commands.md has no heading naming {title_word!r}")


def test_the_walk_finds_the_commands() -> None:
    names = [name for name, _ in COMMANDS]
    for expected in ("list", "show", "validate", "run", "resume", "score", "history", "report", "estimate"):
        assert expected in names


@pytest.mark.parametrize("name,cmd", COMMANDS, ids=[name for name, _ in COMMANDS])
def test_every_command_has_help(name: str, cmd: Any) -> None:
    assert (cmd.help or "").strip() or (cmd.short_help or "").strip(), f"`{name}` has no help text"


@pytest.mark.parametrize("name,cmd", COMMANDS, ids=[name for name, _ in COMMANDS])
def test_every_command_is_documented(name: str, cmd: Any) -> None:
    text = commands_doc()
    in_heading = any(named(name, h) for h in headings(text))
    in_backticks = re.search(rf"`{re.escape(name)}(?:`| [^`\n]*`)", text) is not None
    assert in_heading or in_backticks, f"docs/commands.md never mentions `{name}` as a heading or in backticks"


@pytest.mark.parametrize("name,cmd", COMMANDS, ids=[name for name, _ in COMMANDS])
def test_every_option_is_documented(name: str, cmd: Any) -> None:
    text = commands_doc()
    options = long_options(cmd) + short_options(cmd)
    if not options:
        return
    assert all(named(o, text) for o in long_options(cmd)), [o for o in long_options(cmd) if not named(o, text)]
    own = section(text, name)
    missing = [o for o in options if not named(o, own)]
    assert not missing, f"the section of `{name}` in docs/commands.md does not name {missing}"


def test_global_options_are_documented() -> None:
    root = root_command()
    own = section(commands_doc(), "Global options")
    missing = [o for o in long_options(root) if not named(o, own)]
    assert long_options(root), "the app has no global options?"
    assert not missing, f"Global options in docs/commands.md does not name {missing}"


# -- the score file example ---------------------------------------------------------------

# The numbers of the worked example in docs/scoring.md ("Worked example", steps 1-5, and
# the JSON excerpt below the file): technical 23, communication 24, overall 20; 47/50,
# 94.0%, STRONG PASS; bands suggested 44/25/19 from the criteria that feed each band,
# system_design adjusted to 22; 85/100, Strong Pass; expert follow-ups.
EXPECTED = {
    "groups": {"technical": 23, "communication": 24, "overall": 20},
    "score_50": 47,
    "percent_50": 94.0,
    "label_50": "STRONG PASS",
    "total_100": 85,
    "verdict": "Strong Pass",
}
EXPECTED_BANDS = {  # band id -> (points, suggested, level)
    "technical_depth": (44, 44, "Good"),
    "system_design": (22, 25, "Good"),
    "communication_process": (19, 19, "Excellent"),
}


def scoring_doc() -> str:
    return SCORING_DOC.read_text(encoding="utf-8")


def score_file_example() -> str:
    blocks = YAML_BLOCK.findall(scoring_doc())
    assert blocks, "docs/scoring.md has no ```yaml block"
    return blocks[0]


def score_json(invoke, path: Path) -> dict[str, Any]:
    result = invoke("score", "chat-system", "--scores", str(path), "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_doc_states_the_expected_numbers() -> None:
    text = scoring_doc()
    for key in ("score_50", "percent_50", "total_100"):
        assert f'"{key}": {EXPECTED[key]}' in text, key
    for key in ("label_50", "verdict"):
        assert f'"{key}": "{EXPECTED[key]}"' in text, key
    assert "44 + 22 + 19 = **85**" in text and "44 + 25 + 19 = **88**" in text


def test_the_score_file_example_gives_the_stated_result(invoke, tmp_path: Path) -> None:
    path = tmp_path / "my-scores.yaml"
    path.write_text(score_file_example(), encoding="utf-8")
    data = score_json(invoke, path)
    for key, value in EXPECTED.items():
        assert data[key] == value, (key, data[key])
    bands = {bid: (b["points"], b["suggested"], b["level"]) for bid, b in data["bands"].items()}
    assert bands == EXPECTED_BANDS
    assert data["follow_ups"]["difficulty"] == "expert"
    # the checklist items, given by number and by text, resolve to the scenario's texts
    assert len(data["checklist"]["strong_indicators"]) == 3
    assert "Discussed WebSocket vs HTTP trade-offs explicitly" in data["checklist"]["strong_indicators"]
    assert len(data["checklist"]["concerns"]) == 2


def test_the_other_numbers_of_the_worked_example(invoke, tmp_path: Path) -> None:
    example = yaml.safe_load(score_file_example())

    # "Without the bands: entry the same file gives total_100: 88"
    plain = {k: v for k, v in example.items() if k != "bands"}
    path = tmp_path / "plain.yaml"
    path.write_text(yaml.safe_dump(plain), encoding="utf-8")
    data = score_json(invoke, path)
    assert (data["score_50"], data["total_100"], data["verdict"]) == (47, 88, "Strong Pass")

    # "Measure and verdict can differ": Overall Performance all 3 -> 40 + 22 + 19 = 81 Pass
    for cid in ("meets_requirements", "handles_scale", "edge_cases", "operational_awareness", "innovation"):
        plain[cid] = 3
    path.write_text(yaml.safe_dump(plain), encoding="utf-8")
    data = score_json(invoke, path)
    assert (data["score_50"], data["label_50"]) == (47, "STRONG PASS")
    assert data["bands"]["technical_depth"]["points"] == 40
    assert data["bands"]["system_design"]["points"] == 22
    assert data["bands"]["system_design"]["level"] == "Good"
    assert (data["total_100"], data["verdict"]) == (81, "Pass")
    assert data["follow_ups"]["difficulty"] == "advanced"
