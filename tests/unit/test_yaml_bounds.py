"""Bounded YAML reading: one visit per node, caps on size, depth and numbers, and files
that are not regular files refused before they are opened for reading (issue 14, #2, #5)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from mockinterview.content import problems as problems_of
from mockinterview.content import yamlcheck, yamlio
from mockinterview.content.folder import yaml_files
from mockinterview.errors import ContentError


def alias_bomb(levels: int = 11, width: int = 9) -> str:
    """The 350-byte document of issue 14: ``levels`` lists each holding ``width`` aliases of the last."""
    lines = ["a0: &a0 [" + ", ".join(["x"] * width) + "]"]
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def problems(text: str, path: str = "f.yaml") -> list[str]:
    with pytest.raises(ContentError) as info:
        yamlio.parse(text, path)
    return [str(p) for p in info.value.problems]


# -- each node once ----------------------------------------------------------------------


def test_the_walk_visits_a_shared_node_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = yamlcheck._duplicates

    def spy(path: str, node: yaml.MappingNode, trail: yamlcheck.Trail, into: list[Any]) -> None:
        calls.append(id(node))
        real(path, node, trail, into)

    monkeypatch.setattr(yamlcheck, "_duplicates", spy)
    text = "a0: &a0 {k: v}\n" + "".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 5))
    doc = yamlio.parse(text, "f.yaml")  # 9**4 = 6,561 copies of the a0 mapping once expanded
    assert len(calls) == 2  # the document and a0, each once
    assert doc.data["a4"][8][8][8][8] == {"k": "v"}


def test_alias_bomb_is_refused_with_a_located_message() -> None:
    (message,) = problems(alias_bomb())
    assert message.startswith("f.yaml:6:5: a5: this expands to more than 100,000 values")
    assert "aliases (*name)" in message


def test_merge_key_bomb_is_refused() -> None:
    lines = ["a0: &a0 {k: 1}"] + [
        f"a{i}: &a{i} {{<<: [{', '.join([f'*a{i - 1}'] * 9)}]}}" for i in range(1, 12)
    ]
    (message,) = problems("\n".join(lines) + "\n")
    assert "expands to more than 100,000 values" in message


def test_a_few_aliases_are_fine() -> None:
    doc = yamlio.parse("base: &b [one, two]\nfirst: *b\nsecond: *b\n")
    assert doc.data == {"base": ["one", "two"], "first": ["one", "two"], "second": ["one", "two"]}


def test_recursive_alias_is_refused() -> None:
    assert problems("a: &a [1, *a]\n") == [
        "f.yaml:1:4: a.1: an alias (*name) here refers to a value that contains it; recursive structures are not allowed"
    ]
    assert "recursive structures are not allowed" in problems("a: &a {b: *a}\n")[0]


def test_duplicate_key_in_an_aliased_mapping_is_reported_once() -> None:
    assert problems("base: &b {x: 1, x: 2}\nc: *b\nd: *b\n") == [
        "f.yaml:1:17: base.x: duplicate key (first defined on line 1)"
    ]


# -- depth and size ----------------------------------------------------------------------


def test_deep_nesting_is_refused_at_the_level_that_is_too_deep() -> None:
    (message,) = problems("a: " + "[" * 60 + "]" * 60 + "\n")
    assert message.startswith("f.yaml:1:53: a.0.0.0.")
    assert message.endswith(": this is nested more than 50 levels deep")


def test_deep_nesting_through_aliases_is_refused() -> None:
    text = "a0: &a0 [x]\n" + "".join(f"a{i}: &a{i} [*a{i - 1}]\n" for i in range(1, 60))
    (message,) = problems(text)
    assert message.endswith("this nests more than 50 levels deep once its aliases (*name) are followed")


def test_far_deeper_nesting_stops_in_the_parser_with_a_location() -> None:
    (message,) = problems("[" * 5000 + "]" * 5000)
    assert message.startswith("f.yaml:1:") and "nesting depth" in message


def test_too_many_values_is_refused(tmp_path: Path) -> None:
    node = yamlio._Loader("[" + ", ".join(["1"] * 50) + "]").get_single_node()
    assert node is not None
    with pytest.raises(ContentError, match="holds more than 20 values"):
        yamlcheck.walk("f.yaml", node, max_values=20)


def test_a_file_over_the_size_cap_is_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * 2000 + "\n", encoding="utf-8")
    monkeypatch.setattr(yamlio, "MAX_FILE_BYTES", 1024)
    with pytest.raises(ContentError) as info:
        yamlio.read(path)
    assert str(info.value) == f"{path}: is too large to be a content file (more than 0 MB)"


# -- numbers -----------------------------------------------------------------------------


def test_a_5000_digit_integer_names_the_file_and_field() -> None:
    (message,) = problems("minutes: " + "9" * 5000 + "\n", "s.yaml")
    assert message == (
        "s.yaml:1:10: minutes: the number 999999999999… (5000 characters) is too large "
        "(whole numbers are limited to 10^18 in magnitude)"
    )


@pytest.mark.parametrize("text", ["10000000000000000001", "-10000000000000000001", "0x" + "f" * 30, "0o" + "7" * 30])
def test_integers_beyond_the_cap_are_refused(text: str) -> None:
    (message,) = problems(f"n: {text}\n")
    assert "is too large (whole numbers are limited to 10^18 in magnitude)" in message


def test_integers_up_to_the_cap_are_read() -> None:
    assert yamlio.parse("a: 1000000000000000000\nb: -1_000\nc: 0x1F\n").data == {"a": 10**18, "b": -1000, "c": 31}


@pytest.mark.parametrize("text", [".inf", "-.inf", "+.INF", ".nan", ".NaN"])
def test_infinity_and_nan_are_refused(text: str) -> None:
    assert problems(f"value: {text}\n") == [
        f"f.yaml:1:8: value: {text} is not a finite number (infinity and NaN are not allowed)"
    ]


def test_a_float_beyond_range_is_refused() -> None:
    (message,) = problems("value: 1.0e+400\n")
    assert message == "f.yaml:1:8: value: the number 1.0e+400 is too large (beyond the range of a floating-point number)"


def test_a_non_finite_number_written_as_text_is_refused_by_the_model() -> None:
    from mockinterview.content.scenario import Assumption

    # YAML 1.2 reads 1e400 as a number (refused by the walk); in quotes it is text, never a number.
    assert problems("value: 1e400\n") == [
        "f.yaml:1:8: value: the number 1e400 is too large (beyond the range of a floating-point number)"
    ]
    doc = yamlio.parse('name: a\nlabel: A\nvalue: "1e400"\nunit: count\n', "s.yaml")
    with pytest.raises(ContentError) as info:
        yamlio.validate(Assumption, doc)
    assert str(info.value).startswith("s.yaml:3:8: value: Input should be a valid number")


def test_bad_explicit_tags_and_impossible_dates_are_located() -> None:
    assert problems("a: !!int abc\n") == ["f.yaml:1:4: a: abc is not a whole number"]
    assert problems("a: !!float abc\n") == ["f.yaml:1:4: a: abc is not a number"]
    assert problems("when: !!timestamp 2024-13-45\n") == [
        "f.yaml:1:7: when: 2024-13-45 is not a valid date or time; put it in quotes if it is text"
    ]


# -- control characters ------------------------------------------------------------------


def test_control_characters_are_warnings_with_their_location() -> None:
    doc = yamlio.parse('title: "hi \\e[2J \\x9b31m"\nitems: ["\\a", plain]\n"\\e": 1\n', "s.yaml")
    assert doc.data["title"] == "hi \x1b[2J \x9b31m"  # the data is kept as written
    assert [str(w) for w in doc.warnings] == [
        "s.yaml:1:8: title: control characters ^[ (U+001B), <9b> (U+009B): a terminal would act on them, "
        "so they are shown as ^[, <9b> instead",
        "s.yaml:2:9: items.0: control character ^G (U+0007): a terminal would act on it, so it is shown as ^G instead",
        "s.yaml:3:1: ^[: control character ^[ (U+001B): a terminal would act on it, so it is shown as ^[ instead",
    ]


def test_newlines_and_tabs_are_not_control_characters_here() -> None:
    assert yamlio.parse('a: "one\\ttwo\\nthree"\nb: |\n  line\n  line\n').warnings == []


# -- files that are not regular files ----------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with pytest.raises(ContentError) as info:
        yamlio.read(fifo)  # would wait for a writer forever if it were opened for reading
    assert str(info.value) == f"{fifo}: is a named pipe (FIFO), not a regular file; only regular files are read"


def test_a_device_is_refused(tmp_path: Path) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    link = tmp_path / "zero.yaml"
    link.symlink_to("/dev/zero")
    with pytest.raises(ContentError, match="is a character device, not a regular file"):
        yamlio.read(link)


def test_symlink_loop_broken_link_and_directory(tmp_path: Path) -> None:
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    broken = tmp_path / "broken.yaml"
    broken.symlink_to(tmp_path / "gone.yaml")
    folder = tmp_path / "dir.yaml"
    folder.mkdir()
    messages = []
    for path in (loop, broken, folder, tmp_path / "missing.yaml"):
        with pytest.raises(ContentError) as info:
            yamlio.read(path)
        messages.append(str(info.value))
    assert messages == [
        f"{loop}: is a symbolic link loop (a link that leads back to itself)",
        f"{broken}: is a broken symbolic link (to {tmp_path / 'gone.yaml'}, which does not exist)",
        f"{folder}: is a directory, not a file",
        f"{tmp_path / 'missing.yaml'}: no such file",
    ]


def test_a_symlink_to_a_regular_file_is_read(tmp_path: Path) -> None:
    target = tmp_path / "real.yaml"
    target.write_text("a: 1\n", encoding="utf-8")
    (tmp_path / "link.yaml").symlink_to(target)
    assert yamlio.read(tmp_path / "link.yaml").data == {"a": 1}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_folder_listing_keeps_regular_files_and_refuses_the_rest(tmp_path: Path) -> None:
    (tmp_path / "b.yaml").write_text("a: 1\n", encoding="utf-8")
    (tmp_path / "a.yml").write_text("a: 1\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    (tmp_path / "sub.yaml").mkdir()  # a folder named like a file: passed over, as before
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "loop.yaml").symlink_to(tmp_path / "loop.yaml")
    (tmp_path / "link.yaml").symlink_to(tmp_path / "b.yaml")
    listing = yaml_files(tmp_path)
    assert [p.name for p in listing.files] == ["a.yml", "b.yaml", "link.yaml"]
    assert [str(p) for p in listing.refused] == [
        f"{tmp_path / 'loop.yaml'}: is a symbolic link loop (a link that leads back to itself)",
        f"{tmp_path / 'pipe.yaml'}: is a named pipe (FIFO), not a regular file; only regular files are read",
    ]
    assert yaml_files(tmp_path / "absent").files == []


# -- pydantic errors, located for any source ---------------------------------------------


def test_validation_errors_located_for_a_json_line() -> None:
    from pydantic import BaseModel, ValidationError

    class Phase(BaseModel):
        index: int

    class Line(BaseModel):
        phases: list[Phase]

    with pytest.raises(ValidationError) as info:
        Line.model_validate({"phases": [{"index": 0}, {"index": "x"}]})
    found = problems_of.located(info.value, "export.jsonl", line=12, field=problems_of.bracketed)
    assert [str(p) for p in found] == [
        "export.jsonl:12: phases[1].index: Input should be a valid integer, unable to parse string as an integer"
    ]
    assert problems_of.bracketed(("scores", "bad key", "[key]")) == "scores.bad key"
    assert problems_of.dotted(("phases", 2, "minutes")) == "phases.2.minutes"
