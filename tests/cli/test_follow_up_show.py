"""`show --reveal` and `validate` on follow-ups whose question is the seed's own and whose
answer is ours (``answer_derived``): the one quiet mark goes after the answer, a follow-up
that is ours as a whole is marked after its question, and a wrong flag is reported at
its own line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from mockinterview.wording import DERIVED_MARK, DERIVED_NOTE

GOLDEN = Path(__file__).parent / "golden"
FOOTNOTE = f"{DERIVED_MARK} {DERIVED_NOTE}"


def reveal(invoke, *args: str) -> list[str]:
    result = invoke(*args, "--reveal")
    assert result.exit_code == 0, result.output
    return [line.rstrip() for line in result.stdout.splitlines()]


def answer_lines(lines: list[str], question: str) -> list[str]:
    """The lines of the strong answer under the bullet ``• question``."""
    at = lines.index(f"  • {question}")
    end = next(i for i in range(at + 1, len(lines)) if not lines[i].startswith("    "))
    assert lines[at + 1].startswith("    Strong answer: "), lines[at + 1]
    return lines[at + 1 : end]


def test_the_feeds_follow_ups_are_marked_after_their_answers(invoke) -> None:
    lines = reveal(invoke, "show", "social-media-feed")
    start = lines.index("Follow-up questions")  # the heading itself is the script's: no mark
    end = lines.index("Debrief checklist", start)
    questions = [line[4:] for line in lines[start:end] if line.startswith("  • ")]
    assert len(questions) == 11  # the script's four medium, four advanced and three expert questions
    assert "How would you migrate from push to hybrid model with zero downtime?" in questions
    for question in questions:
        assert not question.endswith(DERIVED_MARK), question  # the question is the script's own
        assert answer_lines(lines, question)[-1].endswith(f" {DERIVED_MARK}"), question
    assert lines.count(FOOTNOTE) == 1 and lines[-1] == FOOTNOTE


def test_each_follow_up_is_marked_where_it_is_ours(invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = reveal(invoke, "--scenarios", str(GOLDEN), "show", "show-golden")
    # The seed's question, our answer: the mark at the answer's end, never on the question.
    consistency = answer_lines(lines, "How would you implement global timeline consistency?")
    assert consistency[-1].endswith(f"does not need. {DERIVED_MARK}")
    assert [line for line in consistency if DERIVED_MARK in line] == [consistency[-1]]
    # Ours as a whole: the mark after the question, the answer not marked again.
    ours = "How would you rebuild the timeline caches after losing a whole region?"
    assert f"  • {ours} {DERIVED_MARK}" in lines
    assert not any(DERIVED_MARK in line for line in answer_lines(lines, f"{ours} {DERIVED_MARK}"))
    # The seed's question on its own, as plain text: nothing to mark.
    plain = lines.index("  • What if we needed to support video tweets?")
    assert lines[plain + 1].startswith("  • ")
    assert lines.count(FOOTNOTE) == 1


def test_json_carries_answer_derived_on_each_follow_up(invoke) -> None:
    result = invoke("--scenarios", str(GOLDEN), "show", "show-golden", "--reveal", "--json")
    data = json.loads(result.stdout)
    advanced = data["follow_ups"]["advanced"]
    assert advanced[0] == "What if we needed to support video tweets?"  # plain text stays plain text
    assert advanced[1]["answer_derived"] is True and advanced[1]["derived"] is False
    assert data["follow_ups"]["expert"][1] | {"answer": ""} == {
        "question": "How would you rebuild the timeline caches after losing a whole region?",
        "answer": "", "derived": True, "answer_derived": False,
    }
    assert "follow-up" in data["derived_note"] and "answer_derived" in data["derived_note"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"answer": None}, "answer_derived marks the answer, but the follow-up has no answer"),
        ({"derived": True}, "derived already marks the whole follow-up, its answer included: leave out answer_derived"),
    ],
    ids=["no answer", "with derived"],
)
def test_a_wrong_answer_derived_is_reported_at_the_follow_ups_line(invoke, tmp_path: Path,
                                                                   change: dict[str, object], message: str) -> None:
    data = yaml.safe_load((GOLDEN / "show-golden.yaml").read_text(encoding="utf-8"))
    item = data["follow_ups"]["advanced"][1]
    item.update(change)
    if item["answer"] is None:
        del item["answer"]
    path = tmp_path / "show-golden.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    line = 1 + next(i for i, text in enumerate(path.read_text(encoding="utf-8").splitlines())
                    if text.endswith("question: How would you implement global timeline consistency?"))
    result = invoke("validate", str(path))
    assert result.exit_code == 1
    assert f"{path}:{line}:5: follow_ups.advanced.1: {message}" in result.stderr
