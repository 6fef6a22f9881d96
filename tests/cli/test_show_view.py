"""What `show` prints: the same text as before its layout was rewritten (golden files),
one quiet derived mark explained once, and the same view again from its cache.

The golden files are `show` of ``golden/show-golden.yaml`` at 100 and 72 columns with
NO_COLOR. When the output is meant to change, regenerate them with
``MOCKINTERVIEW_UPDATE_GOLDEN=1 python -m pytest tests/cli/test_show_view.py`` and read the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from mockinterview.wording import DERIVED_MARK, DERIVED_NOTE

GOLDEN = Path(__file__).parent / "golden"
FOOTNOTE = f"{DERIVED_MARK} {DERIVED_NOTE}"


def show(invoke, *args: str, folder: Path = GOLDEN) -> str:
    result = invoke("--scenarios", str(folder), "show", *args)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return str(result.stdout)


@pytest.mark.parametrize("width", [100, 72])
@pytest.mark.parametrize("what", ["brief", "reveal"])
def test_show_prints_what_it_printed_before(invoke, monkeypatch: pytest.MonkeyPatch, width: int, what: str) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    args = ["show-golden", *(["--reveal"] if what == "reveal" else [])]
    out = show(invoke, *args)
    golden = GOLDEN / f"show-golden.{what}.{width}.txt"
    if os.environ.get("MOCKINTERVIEW_UPDATE_GOLDEN"):
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")
    # The second time comes from the view cache: the very same text.
    assert show(invoke, *args) == out


def test_one_quiet_mark_explained_once_at_the_end(invoke) -> None:
    out = show(invoke, "show-golden", "--reveal")
    lines = out.splitlines()
    assert "(derived)" not in out and f"{DERIVED_MARK} {DERIVED_MARK}" not in out
    assert out.count(FOOTNOTE) == 1 and lines[-1] == FOOTNOTE
    assert "1. Opening — 5 min †" in lines  # a derived phase
    assert "  Daily active users: 200M †" in lines  # a derived assumption
    brief = show(invoke, "show-golden").splitlines()
    assert brief.count(FOOTNOTE) == 1  # the phases table has a derived phase
    assert brief[-1].startswith("Practise it: mockinterview run show-golden")


def test_a_seed_question_with_our_answer_marks_the_answer_only(invoke) -> None:
    lines = show(invoke, "show-golden", "--reveal").splitlines()
    question = lines.index("Probe: How do we handle celebrity users with millions of followers?")
    answer_end = next(i for i in range(question + 1, len(lines)) if not lines[i].startswith("  "))
    marked = [line.rstrip() for line in lines[question + 1 : answer_end] if line.rstrip().endswith(DERIVED_MARK)]
    assert marked == ["  tweet now costs one write instead of millions, and a read costs a handful of extra lookups. †"]


def test_the_bundled_feed_marks_the_answers_to_the_scripts_own_probes(invoke) -> None:
    lines = [line.rstrip() for line in invoke("show", "social-media-feed", "--reveal").stdout.splitlines()]
    for question in ("What about tweet ordering in the timeline?", "Should we support real-time updates?",
                     "How do we handle celebrity users with millions of followers?",
                     "How would you optimize queries for timeline generation?"):
        at = [i for i, line in enumerate(lines) if line == f"Probe: {question}"]
        assert at, question  # never marked on the question line
    assert "Probe: At the 3x peak, what does the fan-out rate become? †" in lines  # the probe is ours


def test_items_under_a_marked_heading_do_not_repeat_the_mark(invoke) -> None:
    lines = [line.rstrip() for line in invoke("show", "url-shortener", "--reveal").stdout.splitlines()]
    start = lines.index("Follow-up questions †")
    end = lines.index("", start)
    assert not any(line.endswith(DERIVED_MARK) for line in lines[start + 1 : end])


def test_json_says_what_derived_means(invoke) -> None:
    data = json.loads(show(invoke, "show-golden", "--json"))
    assert data["derived_note"].startswith(FOOTNOTE)
    assert [p["derived"] for p in data["phases"]] == [True, False, False, False]
    revealed = json.loads(show(invoke, "show-golden", "--reveal", "--json"))
    probe = revealed["phases"][3]["probes"][0]
    assert probe["answer_derived"] is True and probe["derived"] is False


@pytest.mark.parametrize(
    ("probe", "message"),
    [
        ({"answer": None}, "answer_derived marks the answer, but the probe has no answer"),
        ({"derived": True}, "derived already marks the whole probe"),
    ],
    ids=["no answer", "with derived"],
)
def test_answer_derived_is_checked_where_it_is_written(invoke, tmp_path: Path, probe: dict[str, object],
                                                       message: str) -> None:
    import yaml

    data = yaml.safe_load((GOLDEN / "show-golden.yaml").read_text(encoding="utf-8"))
    data["phases"][3]["probes"][0].update(probe)
    path = tmp_path / "show-golden.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    result = invoke("validate", str(path))
    assert result.exit_code == 1
    assert "phases.3.probes.0" in result.stderr and message in result.stderr


def test_an_edited_file_is_shown_as_it_is_now(invoke, tmp_path: Path) -> None:
    folder = tmp_path / "s"
    folder.mkdir()
    source = (GOLDEN / "show-golden.yaml").read_text(encoding="utf-8")
    target = folder / "show-golden.yaml"
    target.write_text(source, encoding="utf-8")
    assert "Golden Feed" in show(invoke, "show-golden", folder=folder)
    stat = target.stat()
    target.write_text(source.replace("Golden Feed", "Silver Feed"), encoding="utf-8")  # same size
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the same time
    out = show(invoke, "show-golden", folder=folder)
    assert "Silver Feed" in out and "Golden Feed" not in out


def test_a_broken_or_unwritable_cache_only_costs_time(invoke, isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    expected = (GOLDEN / "show-golden.reveal.100.txt").read_text(encoding="utf-8")
    assert show(invoke, "show-golden", "--reveal") == expected
    views = isolated_home / "cache" / "views"
    (entry,) = views.glob("*.json")
    entry.write_text("{not json", encoding="utf-8")
    assert show(invoke, "show-golden", "--reveal") == expected  # rendered again, and kept again
    assert json.loads(entry.read_text(encoding="utf-8"))["format"] == 1
    for f in views.glob("*.json"):
        f.unlink()
    views.rmdir()
    views.write_text("a file where the folder goes", encoding="utf-8")
    assert show(invoke, "show-golden", "--reveal") == expected


def test_the_cache_keeps_a_bounded_number_of_views(invoke, isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mockinterview.ui import view_cache

    monkeypatch.setattr(view_cache, "MAX_ENTRIES", 2)
    for width in (60, 70, 80):
        monkeypatch.setenv("COLUMNS", str(width))
        show(invoke, "show-golden")
    assert len(list((isolated_home / "cache" / "views").glob("*.json"))) == 2
