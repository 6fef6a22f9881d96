"""A follow-up whose question is the seed's own and whose answer is ours (``answer_derived``):
the model's rule, its plain-text form, and where the scorecard puts the one quiet mark in
the terminal, Markdown, HTML and JSON (issue 12 item 4)."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from pydantic import ValidationError
from tests.unit.test_scorecard import render_text

from mockinterview.content.catalogue import Catalogue
from mockinterview.content.loader import load_rubric
from mockinterview.content.scenario import FollowUp, FollowUps
from mockinterview.interview.session import Assessment, start_session
from mockinterview.scoring import scorecard
from mockinterview.ui import scorecard_view
from mockinterview.vocab import CRITERION_IDS
from mockinterview.wording import DERIVED_MARK, DERIVED_NOTE

SEED_003 = "How would you implement global timeline consistency?"  # word for word in document 003


def feed_card() -> scorecard.Scorecard:
    """A Pass at mid level: the feed's advanced follow-ups, the script's own questions."""
    scenario = Catalogue().get("social-media-feed")
    s = start_session(scenario, mode="manual")
    s.assessment = Assessment(scores={c: 4 for c in CRITERION_IDS}, bands={})
    return scorecard.build(s, scenario, load_rubric(), require_scores=False)


def words(text: str) -> str:
    return " ".join(text.split())


# --------------------------------------------------------------------------- the model


def test_a_follow_up_without_an_answer_or_flags_is_still_written_as_plain_text() -> None:
    assert FollowUp.model_validate("Plain?").model_dump(mode="json") == "Plain?"
    marked = FollowUp.model_validate({"question": "Q?", "answer": "A.", "answer_derived": True})
    assert marked.model_dump(mode="json") == {"question": "Q?", "answer": "A.", "derived": False, "answer_derived": True}
    assert FollowUp.model_validate(marked.model_dump(mode="json")) == marked  # and read back the same


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ({"question": "Q?", "answer_derived": True}, "answer_derived marks the answer, but the follow-up has no answer"),
        ({"question": "Q?", "answer": "A.", "derived": True, "answer_derived": True},
         "derived already marks the whole follow-up, its answer included: leave out answer_derived"),
    ],
    ids=["no answer", "with derived"],
)
def test_answer_derived_needs_an_answer_and_not_derived(item: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError) as info:
        FollowUps.model_validate({"advanced": ["Fine?", item]})
    (error,) = info.value.errors()
    assert error["loc"] == ("advanced", 1) and message in error["msg"]


def test_the_feeds_follow_ups_are_the_scripts_questions_with_our_answers() -> None:
    fu = Catalogue().get("social-media-feed").follow_ups
    items = [*fu.medium, *fu.advanced, *fu.expert]
    assert len(items) == 11 and not fu.derived
    assert all(f.answer_derived and not f.derived for f in items)


# --------------------------------------------------------------------------- the scorecard


def test_the_scorecard_marks_the_answer_not_the_question() -> None:
    card = feed_card()
    first = card.follow_ups[0]
    assert (first.question, first.derived, first.answer_derived) == (SEED_003, False, True)
    assert first.answer is not None
    end = " ".join(first.answer.split()[-4:])  # "a feed does not need."

    raw = (render_text(card), scorecard_view.to_markdown(card))
    terminal, markdown = (words(text) for text in raw)
    for text in (terminal, markdown):
        assert f"{SEED_003} {DERIVED_MARK}" not in text  # the question is the seed's own
        assert f"{end} {DERIVED_MARK}" in text  # the answer is ours
    for text in raw:  # one mark, never doubled, explained once
        assert text.count(DERIVED_NOTE) == 1
        assert not any(f"{DERIVED_MARK} {DERIVED_MARK}" in line for line in text.splitlines())
    assert f"{SEED_003} A strong answer: Decide what must agree" in terminal
    assert f"- {SEED_003} - *A strong answer:* Decide what must agree" in markdown


def test_the_html_scorecard_puts_the_mark_inside_the_answers_item() -> None:
    class Items(HTMLParser):
        """The text of each <li>, its own words only, and whether a mark sits in it."""

        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.stack: list[list[str]] = []
            self.items: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "li":
                self.stack.append([])

        def handle_endtag(self, tag: str) -> None:
            if tag == "li":
                self.items.append(words("".join(self.stack.pop())))

        def handle_data(self, data: str) -> None:
            if self.stack:
                self.stack[-1].append(data)

    page = Items()
    page.feed(scorecard_view.to_html(feed_card()))
    assert SEED_003 in page.items  # the question's own item: no mark
    answer = next(i for i in page.items if i.startswith("A strong answer: Decide what must agree"))
    assert answer.endswith(f"does not need. {DERIVED_MARK}")


def test_json_says_which_part_is_ours() -> None:
    data = feed_card().to_dict()
    items = data["follow_ups"]["items"]
    assert items and all(i["answer_derived"] and not i["derived"] for i in items)
    assert '"answer_derived": true: its answer only' in data["derived_note"]
    ours = scorecard.pick_follow_ups(Catalogue().get("url-shortener"), "medium")[1]
    assert ours and all(f.derived and not f.answer_derived for f in ours)  # all ours: the question is marked


def test_a_section_marked_as_a_whole_never_marks_an_answer_as_well() -> None:
    item = FollowUp(question="Q?", answer="A.", answer_derived=True)
    assert scorecard._follow_up(item, True) == scorecard.FollowUpView("Q?", "A.", True, False)
    assert scorecard._follow_up(item, False) == scorecard.FollowUpView("Q?", "A.", False, True)


def test_markdown_emphasis_closes_before_a_trailing_space() -> None:
    from mockinterview.ui.doc import Item, Span, _md_items

    line = _md_items([Item.of(Span("Common mistake: ", "em"), "No cache"), Item.of(Span(" Verdict ", "strong"), "x")], False)
    assert line == ["- *Common mistake:* No cache", "-  **Verdict** x"]
