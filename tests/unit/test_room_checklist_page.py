"""The checklist page's pure parts: the words of each state, Space, and the layout."""

from __future__ import annotations

from rich.text import Text

from mockinterview.coach.checklist import Checklist, ChecklistItem, Match
from mockinterview.ui.room import checklist_page as page


def item(pid: str, detected: bool, *, curveball: str | None = None, reference: str | None = None) -> ChecklistItem:
    evidence = (Match(pid, "term", "push model", 3, "a push model for most users", ((2, 6), (7, 12))),) if detected else ()
    return ChecklistItem(pid, f"point {pid}", ("trade_off_analysis",), reference, curveball, detected, evidence)


CHECKLIST = Checklist("fan-out", (item("a", True), item("b", False, reference="Hybrid Approach"), item("c", False, curveball="celeb")))


def plain(lines: page.Lines) -> list[str]:
    return ["".join(text for _, text, *_ in line).rstrip() for line in lines]


def test_space_flips_a_point_and_back_to_the_coachs_reading() -> None:
    ticked = page.flipped(CHECKLIST, "b")
    assert ticked.item("b").confirmed is True and page.state(ticked.item("b"))[0] == "✓ ticked by you"
    unticked = page.flipped(ticked, "a")
    assert unticked.item("a").confirmed is False and page.state(unticked.item("a"))[0] == "✗ unticked by you"
    back = page.flipped(page.flipped(unticked, "a"), "b")
    assert [i.confirmed for i in back.items] == [None, None, None]
    assert [page.state(i)[0] for i in back.items] == ["✓ covered", "✗ missed", "✗ missed"]


def test_what_space_would_do_is_said_for_the_chosen_point() -> None:
    assert page.space_means(CHECKLIST.item("a")) == "Space: that match is wrong"
    assert page.space_means(CHECKLIST.item("b")) == "Space: I covered this in other words"
    assert page.space_means(page.flipped(CHECKLIST, "b").item("b")) == "Space: back to the coach's reading"


def test_the_layout_shows_evidence_pointers_and_curveballs_and_knows_where_each_point_is() -> None:
    sheet = page.Sheet("Phase 5/7 · Fan-out", CHECKLIST, curveballs={"celeb": "A celebrity joins."}, below=[Text("Diagram")])
    lines, ranges = page.layout(sheet, CHECKLIST, 1, 80)
    text = plain(lines)
    assert text[0].startswith("1 of 3 points covered")
    assert any("✓ covered" in t and "point a" in t for t in text)
    assert any("line 3: a push model for most users" in t for t in text)
    assert any(t.startswith("›") and "✗ missed" in t and "point b" in t for t in text)  # the chosen one
    assert any("→ in the reference: Hybrid Approach" in t for t in text)
    assert any("→ see the reference answer of this phase" in t for t in text)
    heading = next(n for n, t in enumerate(text) if t == "Requirement change: A celebrity joins.")
    assert ranges[0][0] == 0 and ranges[-1][1] == len(lines)  # first from the top, last to the end
    assert ranges[2][0] < heading < ranges[2][1]  # a curveball's heading belongs to its first point
    assert text[-1] == "Diagram"
    assert [a for a, _ in ranges] == sorted(a for a, _ in ranges)


def test_the_matched_words_are_emphasised() -> None:
    shown = page.evidence(CHECKLIST.item("a"))
    assert shown is not None and shown.plain == "line 3: a push model for most users"
    styled = {shown.plain[s.start : s.end] for s in shown.spans if "underline" in str(s.style)}
    assert styled == {"push", "model"}


def test_page_down_moves_about_a_screen() -> None:
    ranges = [(0, 4), (4, 7), (7, 10), (10, 13), (13, 20)]
    assert page.page_step(ranges, 0, 10, 1) == 3
    assert page.page_step(ranges, 4, 10, -1) == 1
    assert page.page_step(ranges, 4, 10, 1) == 4
