"""The scorecard as data and in every format: one verdict, the document's arithmetic,
the derived mark, mistakes tied to criteria, hints, timings and notes, an unscored
interview, the time-management suggestion and the score file template (issue 12)."""

from __future__ import annotations

from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
import yaml

from mockinterview.content.catalogue import Catalogue
from mockinterview.content.loader import load_rubric
from mockinterview.interview.session import Assessment, HintUse, Session, start_session
from mockinterview.scoring import scorecard
from mockinterview.scoring.inputs import load_score_file
from mockinterview.scoring.suggest import suggest_time_management
from mockinterview.scoring.template import score_template
from mockinterview.ui import scorecard_view
from mockinterview.vocab import CRITERION_IDS

RUBRIC = load_rubric()
URL_DOC = dict(  # document 000, Mock Interview #1, as evaluated there (39 by their sum, 38 as stated)
    system_design_knowledge=4, scalability_understanding=4, database_design=4, api_design=3,
    trade_off_analysis=3, problem_clarification=5, structured_thinking=4, clear_explanation=4,
    collaboration=4, time_management=4,
)


def card_for(sid: str, scores: dict[str, int] | None, *, session: Session | None = None) -> scorecard.Scorecard:
    scenario = Catalogue().get(sid)
    s = session or start_session(scenario, mode="manual")
    if scores is not None:
        s.assessment = Assessment(scores=scores, bands={})
    return scorecard.build(s, scenario, RUBRIC, require_scores=False)


def full(base: dict[str, int], rest: int = 4) -> dict[str, int]:
    return {c: base.get(c, rest) for c in CRITERION_IDS}


def timed_session(sid: str = "url-shortener") -> Session:
    s = start_session(Catalogue().get(sid))
    for p in s.phases:
        p.status = "done"
        p.used_seconds = p.planned_seconds
    s.phases[0].notes = "users, 100M/day <b>bold?</b>"
    s.phases[0].extra_seconds = 120
    s.phases[1].hints.append(HintUse(at_seconds=90, kind="hint", text="Divide by 86,400"))
    s.state = "finished"
    return s


# --------------------------------------------------------------------------- one verdict


def test_the_documents_url_shortener_candidate_gets_one_verdict_and_the_39_38_note() -> None:
    card = card_for("url-shortener", full(URL_DOC))
    assert card.result is not None and card.result.verdict.label == "Pass" and card.result.total_100 == 78
    assert card.verdict_meaning == "good foundation with room for growth"
    assert card.document_overall is not None and card.document_overall.criteria_sum == 39
    assert card.document_overall.sentence() == (
        "The document scored its candidate 38/50 (76%) PASS. Its 10 criterion scores add up to 39 (78%), "
        "not 38: the doc column uses the scores as given."
    )
    text = " ".join(render_text(card).split())
    assert "Pass 78/100 good foundation with room for growth" in text
    assert "Strong Pass 85+ · Pass 70–84 · Weak Pass 55–69 · No Pass below 55" in text
    assert "Rubric score 39/50 (78%)" in text
    assert "PASS" not in text.split("The document scored")[0]  # no second verdict beside the first
    assert "add up to 39 (78%), not 38" in text


def test_a_document_whose_sum_holds_gets_no_arithmetic_note() -> None:
    card = card_for("chat-system", full({}))
    assert card.document_overall is not None and not card.document_overall.slips
    assert card.document_overall.sentence() == "The document scored its candidate 47/50 (94%) STRONG PASS."


@pytest.mark.parametrize(
    ("sid", "total", "meaning", "derived"),
    [
        ("url-shortener", 90, "ready for entry-level system design roles", True),
        ("chat-system", 90, "ready for mid-level distributed systems roles", False),
        ("global-cdn", 90, "ready for senior-level distributed systems roles", True),
        ("global-cdn", 40, "not ready for senior-level system design roles", True),
        ("global-cdn", 60, "needs improvement in key areas", False),
    ],
)
def test_the_verdict_meaning_names_the_scenarios_level(sid: str, total: int, meaning: str, derived: bool) -> None:
    scores = full({}, rest=5 if total > 85 else 1 if total < 55 else 3)
    card = card_for(sid, scores)
    assert card.result is not None
    assert (card.verdict_meaning, card.verdict_meaning_derived) == (meaning, derived)
    if derived:
        assert "†" in render_text(card).split("\n", 5)[2]  # the headline line carries the mark


def test_mid_wording_is_never_shown_for_another_level() -> None:
    for sid in ("url-shortener", "global-cdn"):
        for rest in (1, 5):
            out = render_text(card_for(sid, full({}, rest=rest)))
            assert "mid-level" not in out


# --------------------------------------------------------------------------- the derived mark


def render_text(card: scorecard.Scorecard) -> str:
    import io

    from mockinterview.ui.console import THEME, SafeConsole

    buf = io.StringIO()
    out = SafeConsole(file=buf, width=130, color_system=None, theme=THEME)
    scorecard_view.print_card(out, card)
    return buf.getvalue()


def test_the_derived_mark_is_explained_once_and_never_doubled() -> None:
    card = card_for("url-shortener", full(URL_DOC, rest=2))
    page = Outline()
    page.feed(scorecard_view.to_html(card))
    visible = "".join(page.text)  # the page's words (each mark's tooltip is an attribute)
    for text in (render_text(card), scorecard_view.to_markdown(card), visible):
        assert text.count("written for this coach; not in the source interview") == 1
        assert text.count("†") > 1
        assert "(derived)" not in text and "††" not in text and "† †" not in text
        assert "Discrepancy" not in text
    md = scorecard_view.to_markdown(card)
    mistake = next(m for i in card.improvements for m in i.mistakes)
    assert mistake.derived and f"{mistake.title}. " in md
    data = card.to_dict()
    assert data["derived_note"].startswith("† written for this coach")
    assert all(m["derived"] for i in data["improvements"] for m in i["mistakes"])
    assert data["follow_ups"]["items"] and all(f["derived"] for f in data["follow_ups"]["items"])


def test_the_feed_document_keeps_its_own_words_unmarked() -> None:
    card = card_for("social-media-feed", full({}, rest=4))
    band = next(b for b in card.bands if b.result.band.id == "technical_depth")
    assert not band.derived  # document 003's descriptors
    assert card.verdict_meaning == "good foundation with room for growth" and not card.verdict_meaning_derived


# --------------------------------------------------------------------------- mistakes and follow-ups


def test_mistakes_are_the_ones_the_data_ties_to_the_criterion() -> None:
    card = card_for("social-media-feed", full({"operational_awareness": 1, "database_design": 2}, rest=5))
    by = {i.criterion: i for i in card.improvements}
    assert by["operational_awareness"].mistakes == []  # no feed mistake is evidence for it
    assert [m.title for m in by["database_design"].mistakes] == ["Poor Database Design"]
    scenario = Catalogue().get("social-media-feed")
    for m in scenario.common_mistakes:
        assert m.criteria, f"{m.title} names no criterion"


def test_follow_ups_and_mistakes_carry_their_answers_when_the_scenario_gives_them() -> None:
    scenario = Catalogue().get("url-shortener")
    with_answers = SimpleNamespace(question="Q?", answer="A strong answer.", derived=False)
    difficulty, picked = scorecard.pick_follow_ups(
        scenario.model_copy(update={"follow_ups": scenario.follow_ups.model_copy(update={"medium": [with_answers]})}),
        "medium",
    )
    assert difficulty == "medium" and picked[0].answer == "A strong answer."
    assert picked[0].derived  # the follow-ups section is marked derived as a whole
    assert scorecard._follow_up("Plain?", False) == scorecard.FollowUpView("Plain?", None, False)


# --------------------------------------------------------------------------- timings, hints, notes


def test_timings_hints_and_notes_are_in_every_format() -> None:
    s = timed_session()
    card = card_for("url-shortener", full(URL_DOC), session=s)
    assert card.timings[0].added_minutes == 2 and card.timings[1].hints == 1
    assert card.hints == [scorecard.HintView(s.phases[1].title, "hint", "Divide by 86,400", 1.5)]
    text, md, page = render_text(card), scorecard_view.to_markdown(card), scorecard_view.to_html(card)
    data = card.to_dict()
    for out in (text, md, page):
        assert "Divide by 86,400" in out and "Hints used (1)" in out
    assert "users, 100M/day <b>bold?</b>" in text and "users, 100M/day <b>bold?</b>" in md  # fenced verbatim
    assert "users, 100M/day &lt;b&gt;bold?&lt;/b&gt;" in page
    assert data["notes"][0]["notes"].startswith("users") and data["hints"][0]["at_minutes"] == 1.5
    assert data["timing"][0]["added_minutes"] == 2 and data["timing"][1]["hints"] == 1


def test_an_unscored_interview_has_a_scorecard_of_what_it_has() -> None:
    card = card_for("url-shortener", None, session=timed_session())
    assert card.result is None and not card.scored
    text = render_text(card)
    assert "Not scored yet" in text and f"mockinterview score {card.session.id}" in text
    assert "Divide by 86,400" in text and "Your notes" in text
    data = card.to_dict()
    assert data["scored"] is False and data["total_100"] is None and data["verdict"] is None
    assert scorecard_view.to_markdown(card).startswith("# Scorecard: Design a URL Shortener")


# --------------------------------------------------------------------------- HTML as a document


class Outline(HTMLParser):
    """What a parser sees: tags in order, text, and every attribute that could fetch."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.open: list[str] = []
        self.text: list[str] = []
        self.fetching: list[str] = []
        self.th_scopes: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag not in ("meta", "br", "line", "circle", "path"):
            self.open.append(tag)
        a = dict(attrs)
        for key in ("src", "href", "srcset", "action"):
            if key in a:
                self.fetching.append(f"{tag}[{key}]")
        if tag == "th":
            self.th_scopes.append(a.get("scope"))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("line", "circle", "path"):
            return
        assert self.open and self.open[-1] == tag, f"</{tag}> closes <{self.open[-1] if self.open else None}>"
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_the_html_export_is_a_well_formed_semantic_page_that_fetches_nothing() -> None:
    card = card_for("url-shortener", full(URL_DOC, rest=2), session=timed_session())
    page = scorecard_view.to_html(card)
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
    parser = Outline()
    parser.feed(page)
    parser.close()
    assert parser.open == []  # every element closed, in order
    tags = parser.tags
    assert tags.count("h1") == 1 and {"header", "main", "section", "footer", "table", "thead", "tbody", "style"} <= set(tags)
    assert "script" not in tags and "link" not in tags and "img" not in tags and parser.fetching == []
    assert all(scope in ("col", "row") for scope in parser.th_scopes)
    assert 'name="viewport"' in page and "@media print" in page and "@media (max-width: 30rem)" in page
    words = " ".join("".join(parser.text).split())
    assert "Strong Pass 85+ · Pass 70–84 · Weak Pass 55–69 · No Pass below 55" in words
    assert "Your notes" in words and "Hints used (1)" in words


def test_markdown_escapes_html_in_every_piece_of_scenario_text() -> None:
    scenario = Catalogue().get("url-shortener")
    hostile = "<script>alert(1)</script> *bold* [x](http://e)"
    mistakes = [m.model_copy(update={"title": hostile, "problem": hostile, "interviewer_response": hostile}) for m in scenario.common_mistakes]
    bad = scenario.model_copy(update={"common_mistakes": mistakes, "title": hostile})
    s = start_session(bad, mode="manual")
    s.assessment = Assessment(scores=full({}, rest=2), bands={})
    md = scorecard_view.to_markdown(scorecard.build(s, bad, RUBRIC))
    assert "<script>" not in md and "&lt;script&gt;alert(1)&lt;/script&gt; \\*bold\\* \\[x\\](http://e)" in md


# --------------------------------------------------------------------------- time management


@pytest.mark.parametrize(
    ("share", "score"),
    [(0.16, 1), (0.45, 2), (0.60, 3), (0.80, 4), (0.95, 5), (1.0, 5), (1.10, 4), (1.25, 3), (1.45, 2), (1.8, 1)],
)
def test_time_management_tells_16_45_95_percent_and_overtime_apart(share: float, score: int) -> None:
    s = start_session(Catalogue().get("url-shortener"))
    for p in s.phases:
        p.status = "done"
        p.used_seconds = p.planned_seconds * share
    sug = suggest_time_management(s)
    assert sug is not None and sug.score == score, sug
    assert f"({share:.0%})" in sug.reason


def test_one_phase_far_over_costs_a_five_its_last_point() -> None:
    s = start_session(Catalogue().get("url-shortener"))
    for p in s.phases:
        p.status = "done"
        p.used_seconds = p.planned_seconds * 0.9
    s.phases[0].used_seconds = s.phases[0].planned_seconds * 1.8
    sug = suggest_time_management(s)
    assert sug is not None and sug.score == 4 and "one phase ran 80% over" in sug.reason


# --------------------------------------------------------------------------- the template


def test_the_template_names_every_criterion_and_refuses_to_be_sent_back_empty(tmp_path) -> None:
    scenario = Catalogue().get("url-shortener")
    text = score_template(RUBRIC, scenario)
    for c in RUBRIC.criteria:
        assert f"\n{c.id}:" in text and c.description.split()[0] in text
    assert "mockinterview score url-shortener --scores FILE" in text
    assert "#     # 1. " + scenario.debrief.strong_indicators[0] in text
    path = tmp_path / "empty.yaml"
    path.write_text(text, encoding="utf-8")
    from mockinterview.errors import ContentError

    with pytest.raises(ContentError) as info:
        load_score_file(path, scenario, RUBRIC)
    assert len(info.value.problems) == 15
    filled = "\n".join(line.replace(":", ": 3", 1) if line.split(":")[0] in CRITERION_IDS else line for line in text.splitlines())
    path.write_text(filled, encoding="utf-8")
    scores, bands, checklist = load_score_file(path, scenario, RUBRIC)
    assert scores == dict.fromkeys(CRITERION_IDS, 3) and bands == {} and checklist == {}
    assert yaml.safe_load(filled)["api_design"] == 3


def test_a_scenarios_own_band_descriptors_are_shown_and_marked() -> None:
    from mockinterview.content.scenario import BandDescriptors, LevelDescriptors

    scenario = Catalogue().get("url-shortener")
    own = BandDescriptors(
        technical_depth=LevelDescriptors(good=["Base62 of an id, with the code space sized for five years"]),
        derived=True,
    )
    mine = scenario.model_copy(update={"band_descriptors": own})
    s = start_session(mine, mode="manual")
    s.assessment = Assessment(scores=full(URL_DOC, rest=4), bands={})
    card = scorecard.build(s, mine, RUBRIC)
    td = next(b for b in card.bands if b.result.band.id == "technical_depth")
    sd = next(b for b in card.bands if b.result.band.id == "system_design")
    assert td.result.level.name == "Good" and td.own and td.derived
    assert td.descriptors == ("Base62 of an id, with the code space sized for five years",)
    assert not sd.own and sd.descriptors == tuple(sd.result.level.descriptors)  # left out: the rubric's
    text = render_text(card)
    assert "Base62 of an id, with the code space sized for five years †" in text
    assert "fan-out" not in text.split("Point bands")[1].split("System Design Skills")[0]
    assert card.to_dict()["bands"]["technical_depth"]["derived"] is True
