"""The scorecard as data: everything a candidate reads after an interview, computed
from the scenario, the session and the rubric, before any rendering (the terminal,
Markdown, HTML and JSON all render this one object).

An interview without scores has a scorecard too (``result`` is None): its timings,
notes, hints and estimates, so ``report`` can show it and say how to score it.

Content the seed documents do not state (``derived: true`` in the scenario, the
rubric's own wording) is flagged per item, so every view can mark it once; see
:data:`DERIVED_NOTE`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from mockinterview.coach.evidence import EVIDENCE_NOTE, CriterionEvidence
from mockinterview.interview.session import Session, iso
from mockinterview.scoring.arithmetic import (
    BandResult,
    Result,
    evaluate,
    meaning_for,
    percent_50,
    thresholds_text,
)
from mockinterview.scoring.evidence import EvidenceView
from mockinterview.scoring.suggest import Suggestion, suggest_scalability, suggest_time_management, suggestions
from mockinterview.wording import DERIVED_MARK, DERIVED_NOTE  # re-exported: the views import them from here

if TYPE_CHECKING:
    from mockinterview.coach.engine import Coach
    from mockinterview.content.rubric import Rubric
    from mockinterview.content.scenario import Scenario

__all__ = [
    "DERIVED_MARK",
    "DERIVED_NOTE",
    "DIFFICULTIES",
    "BandView",
    "Calibration",
    "DocumentOverall",
    "EvidenceView",
    "FollowUpView",
    "HintView",
    "Insight",
    "MistakeView",
    "PhaseNotes",
    "PhaseTiming",
    "Scorecard",
    "Suggestion",
    "build",
    "follow_up_level",
    "pick_follow_ups",
    "pick_insights",
    "suggest_scalability",
    "suggest_time_management",
    "suggestions",
    "timings",
    "with_evidence",
    "with_notes_evidence",
]

DIFFICULTIES = ("medium", "advanced", "expert")


@dataclass(frozen=True)
class MistakeView:
    title: str
    problem: str
    interviewer_response: str
    answer: str | None  # what a strong candidate does instead
    criteria: tuple[str, ...]
    derived: bool


@dataclass(frozen=True)
class FollowUpView:
    """A follow-up to practise. ``derived``: ours as a whole (the mark goes after the
    question); ``answer_derived``: the question is the source's, the answer ours (the
    mark goes after the answer). Never both."""

    question: str
    answer: str | None  # what a strong answer says
    derived: bool
    answer_derived: bool = False


@dataclass(frozen=True)
class Insight:
    """A strength or an area to improve, tied to what the scenario says about it."""

    criterion: str
    name: str
    score: int
    descriptor: str  # the rubric's wording for this score (ours: always derived)
    feedback: list[str] = field(default_factory=list)  # the document's strengths / improvements that match
    mistakes: list[MistakeView] = field(default_factory=list)
    note: str | None = None  # the scenario's note on this criterion
    feedback_derived: bool = False


@dataclass(frozen=True)
class BandView:
    """One point band as scored, with what its level looks like in this scenario."""

    result: BandResult
    descriptors: tuple[str, ...]
    own: bool  # the scenario's own descriptors (else the rubric's, the feed document's words)
    derived: bool


@dataclass(frozen=True)
class PhaseTiming:
    title: str
    kind: str
    planned_minutes: float  # the plan, before ^T extensions
    added_minutes: float  # ^T extensions
    actual_minutes: float
    overtime_minutes: float  # past the plan and its extensions
    notes_chars: int
    hints: int

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class HintView:
    phase: str
    kind: str  # probe | hint
    text: str
    at_minutes: float


@dataclass(frozen=True)
class PhaseNotes:
    title: str
    kind: str
    notes: str


@dataclass(frozen=True)
class Calibration:
    criterion: str
    name: str
    yours: int
    document: int

    @property
    def difference(self) -> int:
        return self.yours - self.document


@dataclass(frozen=True)
class DocumentOverall:
    """The document's stated overall for its own candidate, and whether its arithmetic holds."""

    score: float
    out_of: int
    percent: float
    label: str
    criteria_sum: int | None  # what its criterion scores add up to (None: it does not score all of them)
    criteria_count: int

    @property
    def slips(self) -> bool:
        return self.criteria_sum is not None and self.criteria_sum != self.score

    def sentence(self) -> str:
        text = f"The document scored its candidate {self.score:g}/{self.out_of} ({self.percent:g}%) {self.label}."
        if self.slips and self.criteria_sum is not None:
            text += (
                f" Its {self.criteria_count} criterion scores add up to {self.criteria_sum} "
                f"({percent_50(self.criteria_sum):g}%), not {self.score:g}: the doc column uses the scores as given."
            )
        return text


@dataclass(frozen=True)
class Scorecard:
    session: Session
    scenario: Scenario
    rubric: Rubric
    result: Result | None  # None: not scored yet
    strengths: list[Insight]
    improvements: list[Insight]
    follow_up_difficulty: str
    follow_ups: list[FollowUpView]
    calibration: list[Calibration]
    timings: list[PhaseTiming]
    checklist: dict[str, list[str]]
    extra_scores: dict[str, int]
    bands: list[BandView] = field(default_factory=list)
    verdict_meaning: str = ""
    verdict_meaning_derived: bool = False
    thresholds: str = ""
    document_overall: DocumentOverall | None = None
    notes: list[PhaseNotes] = field(default_factory=list)
    hints: list[HintView] = field(default_factory=list)
    checklist_derived: bool = False
    #: What the notes show per criterion with key points (rubric order), beside each
    #: self-score; empty when the interview has no notes or the coach was not asked.
    evidence: Mapping[str, EvidenceView] = field(default_factory=dict)
    #: Why there is no evidence although the scenario has key points (no notes), else None.
    evidence_absent: str | None = None

    @property
    def scored(self) -> bool:
        return self.result is not None

    @property
    def evidence_note(self) -> str | None:
        """The one sentence that explains the evidence (or says why there is none)."""
        return EVIDENCE_NOTE if self.evidence else self.evidence_absent

    @property
    def evidence_gaps(self) -> list[EvidenceView]:
        """The criteria whose self-score and evidence differ by a point or more, in rubric order."""
        return [v for v in self.evidence.values() if v.differs]

    def to_dict(self) -> dict[str, Any]:
        s = self.session
        a = s.assessment
        data: dict[str, Any] = {
            "session_id": s.id,
            "scenario": s.scenario_id,
            "title": s.scenario_title,
            "level": s.level,
            "date": iso(s.started_at),
            "mode": s.mode,
            "state": s.state,
            "scored": self.scored,
        }
        if self.result is not None:
            data |= self.result.to_dict()
            for b in self.bands:
                data["bands"][b.result.band.id] |= {"descriptors": list(b.descriptors), "derived": b.derived}
        else:
            data |= {k: None for k in ("scores", "groups", "score_50", "percent_50", "label_50", "bands")}
            data |= {"total_100": None, "verdict": None}
        data["verdict_meaning"] = self.verdict_meaning or None
        data["verdict_meaning_derived"] = self.verdict_meaning_derived
        data["thresholds"] = self.thresholds
        data |= {
            "extra_scores": dict(self.extra_scores),
            "checklist": self.checklist,
            "strengths": [_insight_dict(i) for i in self.strengths],
            "improvements": [_insight_dict(i) for i in self.improvements],
            "follow_ups": {
                "difficulty": self.follow_up_difficulty,
                "questions": [f.question for f in self.follow_ups],
                "items": [{"question": f.question, "answer": f.answer, "derived": f.derived,
                           "answer_derived": f.answer_derived} for f in self.follow_ups],
            },
            "calibration": [
                {"criterion": c.criterion, "yours": c.yours, "document": c.document, "difference": c.difference}
                for c in self.calibration
            ],
            "document_overall": (
                self.scenario.evaluation.overall.model_dump()
                if self.scenario.evaluation and self.scenario.evaluation.overall
                else None
            ),
        }
        if self.document_overall is not None:
            data["document_overall_note"] = self.document_overall.sentence()
            data["document_criteria_sum"] = self.document_overall.criteria_sum
        data |= {
            "timing": [t.to_dict() for t in self.timings],
            "hints": [h.__dict__ for h in self.hints],
            "notes": [n.__dict__ for n in self.notes],
            "estimates": [e.__dict__ for e in s.estimates],
            "scored_at": iso(a.created_at) if a else None,
            "derived_note": f"{DERIVED_MARK} {DERIVED_NOTE}: items with \"derived\": true "
                            f"(a follow-up with \"answer_derived\": true: its answer only)",
        }
        data["evidence"] = {k: v.to_dict() for k, v in self.evidence.items()}
        data["evidence_note"] = self.evidence_note
        return data


def _insight_dict(i: Insight) -> dict[str, Any]:
    return {
        "criterion": i.criterion,
        "score": i.score,
        "descriptor": i.descriptor,
        "note": i.note,
        "feedback": list(i.feedback),
        "mistakes": [
            {
                "title": m.title,
                "problem": m.problem,
                "interviewer_response": m.interviewer_response,
                "answer": m.answer,
                "criteria": list(m.criteria),
                "derived": m.derived,
            }
            for m in i.mistakes
        ],
    }


# --------------------------------------------------------------------------- picking


def _matches(text: str, keywords: list[str]) -> bool:
    low = f" {text.lower()} "
    return any(k.lower() in low for k in keywords)


def mistakes_for(scenario: Scenario, cid: str, n: int = 2) -> list[MistakeView]:
    """The scenario's common mistakes that name ``cid`` in their criteria, those that name
    it first before those that name it later (the data ties each mistake to the criteria
    it is evidence for; nothing is matched by words)."""
    tied = [m for m in scenario.common_mistakes if cid in m.criteria]
    tied.sort(key=lambda m: list(m.criteria).index(cid))
    return [
        MistakeView(
            m.title, m.problem, m.interviewer_response, getattr(m, "answer", None), tuple(m.criteria), bool(m.derived)
        )
        for m in tied[:n]
    ]


def _insight(rubric: Rubric, scenario: Scenario, cid: str, score: int, feedback: list[str]) -> Insight:
    c = rubric.criterion(cid)
    ev = scenario.evaluation
    return Insight(
        criterion=cid,
        name=c.name,
        score=score,
        descriptor=c.descriptors.for_score(score),
        feedback=[f for f in feedback if _matches(f, c.keywords)][:2],
        mistakes=mistakes_for(scenario, cid),
        note=scenario.rubric.notes.get(cid),
        feedback_derived=bool(ev and ev.derived),
    )


def pick_insights(
    rubric: Rubric, scenario: Scenario, scores: dict[str, int], n: int = 3
) -> tuple[list[Insight], list[Insight]]:
    """Highest criteria (4+) as strengths, lowest (3-) as areas to improve.

    Ties keep rubric order, so the result is stable. When every score is high the
    lowest ones are still shown as the next things to work on, and vice versa.
    """
    order = {c.id: i for i, c in enumerate(rubric.criteria)}
    ev = scenario.evaluation
    strengths_fb = list(ev.strengths) if ev else []
    improve_fb = list(ev.improvements) if ev else []
    lowest = sorted(scores.items(), key=lambda kv: (kv[1], order[kv[0]]))
    bottom = [kv for kv in lowest if kv[1] <= 3][:n] or lowest[:2]
    rest = sorted((kv for kv in scores.items() if kv not in bottom), key=lambda kv: (-kv[1], order[kv[0]]))
    top = [kv for kv in rest if kv[1] >= 4][:n] or [kv for kv in rest[:2] if kv[1] > bottom[-1][1]]
    return (
        [_insight(rubric, scenario, c, s, strengths_fb) for c, s in top],
        [_insight(rubric, scenario, c, s, improve_fb) for c, s in bottom],
    )


def follow_up_level(level: str, verdict: str) -> str:
    """Medium / advanced / expert from the verdict, shifted one step by the level."""
    base = {"No Pass": 0, "Weak Pass": 0, "Pass": 1, "Strong Pass": 2}.get(verdict, 1)
    shift = {"entry": -1, "mid": 0, "senior": 1, "staff": 1}.get(level, 0)
    if verdict in ("No Pass", "Weak Pass"):
        shift = min(shift, 0)
    return DIFFICULTIES[max(0, min(2, base + shift))]


def _follow_up(item: object, derived_all: bool) -> FollowUpView:
    """A follow-up as the scenario gives it: plain text, or a question with its answer.
    ``derived_all``: the whole section is ours, so the answer needs no mark of its own."""
    if isinstance(item, str):
        return FollowUpView(item, None, derived_all)
    question = str(getattr(item, "question", item))
    answer = getattr(item, "answer", None)
    derived = derived_all or bool(getattr(item, "derived", False))
    answer_derived = not derived and answer is not None and bool(getattr(item, "answer_derived", False))
    return FollowUpView(question, answer, derived, answer_derived)


def pick_follow_ups(scenario: Scenario, difficulty: str, n: int = 3) -> tuple[str, list[FollowUpView]]:
    fu = scenario.follow_ups
    pools: dict[str, Sequence[object]] = {"medium": fu.medium, "advanced": fu.advanced, "expert": fu.expert}
    i = DIFFICULTIES.index(difficulty)
    for j in (i, i - 1, i + 1, i - 2, i + 2):
        if 0 <= j < 3 and pools[DIFFICULTIES[j]]:
            return DIFFICULTIES[j], [_follow_up(q, bool(fu.derived)) for q in pools[DIFFICULTIES[j]][:n]]
    return difficulty, []


# --------------------------------------------------------------------------- the record


def timings(session: Session) -> list[PhaseTiming]:
    if not session.timed:
        return []
    return [
        PhaseTiming(
            title=p.title,
            kind=p.kind,
            planned_minutes=round(p.planned_seconds / 60, 1),
            added_minutes=round(p.extra_seconds / 60, 1),
            actual_minutes=round(p.used_seconds / 60, 1),
            overtime_minutes=round(p.overtime_seconds / 60, 1),
            notes_chars=len(p.notes),
            hints=len(getattr(p, "hints", ())),
        )
        for p in session.phases
    ]


def hints_of(session: Session) -> list[HintView]:
    """Every ^G that gave something, phase by phase (empty for sessions that record none)."""
    out: list[HintView] = []
    for p in session.phases:
        for h in getattr(p, "hints", ()):
            out.append(HintView(p.title, str(h.kind), str(h.text), round(float(h.at_seconds) / 60, 1)))
    return out


def notes_of(session: Session) -> list[PhaseNotes]:
    return [PhaseNotes(p.title, p.kind, p.notes) for p in session.phases if p.notes.strip()]


def document_overall(scenario: Scenario, rubric: Rubric) -> DocumentOverall | None:
    """The document's stated overall, with the sum of its criterion scores when it scores
    every criterion of the /50 (the URL shortener's add up to 39 against a stated 38)."""
    ev = scenario.evaluation
    if ev is None or ev.overall is None:
        return None
    ov = ev.overall
    core = [c.id for g in rubric.groups if g.in_score_50 for c in rubric.criteria_in(g.id)]
    total = sum(ev.scores[c] for c in core) if all(c in ev.scores for c in core) else None
    return DocumentOverall(ov.score, ov.out_of, ov.percent, ov.label, total, len(core))


def _band_views(scenario: Scenario, result: Result) -> list[BandView]:
    from mockinterview.content.descriptors import band_descriptors

    views = []
    for b in result.bands:
        text = band_descriptors(scenario, b.band, b.level)
        views.append(BandView(b, tuple(text.lines), text.own, text.derived))
    return views


def with_evidence(
    card: Scorecard, evidence: Mapping[str, CriterionEvidence] | None, absent: str | None = None
) -> Scorecard:
    """``card`` with the coach's evidence per criterion beside each self-score.

    ``evidence``: criterion id -> evidence (``coach.sessions.session_evidence``); criteria
    without key points are left out. ``absent``: why there is none (``coach.sessions.absence``).
    """
    names = {c.id: c.name for c in card.rubric.criteria}
    scores = card.result.scores if card.result is not None else {}
    views = {
        cid: EvidenceView.of(ev, names.get(cid, cid), scores.get(cid))
        for cid, ev in (evidence or {}).items()
        if ev.total and cid in names
    }
    return replace(card, evidence=views, evidence_absent=None if views else absent)


def with_notes_evidence(card: Scorecard, coach: Coach) -> Scorecard:
    """``card`` with the evidence ``coach`` (its scenario's) reads from the interview's notes."""
    from mockinterview.coach.sessions import absence, session_evidence

    return with_evidence(card, session_evidence(coach, card.session), absence(coach, card.session))


def build(
    session: Session,
    scenario: Scenario,
    rubric: Rubric,
    *,
    require_scores: bool = True,
    evidence: Mapping[str, CriterionEvidence] | None = None,
    evidence_absent: str | None = None,
) -> Scorecard:
    """The scorecard of ``session``. Without scores: an error, unless ``require_scores``
    is False, which gives the record alone (timings, notes, hints, estimates).
    ``evidence`` / ``evidence_absent``: see :func:`with_evidence`."""
    card = _build(session, scenario, rubric, require_scores=require_scores)
    if evidence is None and evidence_absent is None:
        return card
    return with_evidence(card, evidence, evidence_absent)


def _build(session: Session, scenario: Scenario, rubric: Rubric, *, require_scores: bool) -> Scorecard:
    a = session.assessment
    phases = timings(session)
    notes, hints = notes_of(session), hints_of(session)
    cutoffs = thresholds_text(rubric)
    stated = document_overall(scenario, rubric)
    if a is None:
        if require_scores:
            raise ValueError("session has no assessment")
        return Scorecard(
            session=session, scenario=scenario, rubric=rubric, result=None, strengths=[], improvements=[],
            follow_up_difficulty="", follow_ups=[], calibration=[], timings=phases, checklist={}, extra_scores={},
            thresholds=cutoffs, document_overall=stated, notes=notes, hints=hints,
        )  # fmt: skip
    core = {c.id: a.scores[c.id] for c in rubric.criteria}
    extra = {k: v for k, v in a.scores.items() if k not in core}
    result = evaluate(rubric, core, a.bands)
    strengths, improvements = pick_insights(rubric, scenario, core)
    difficulty, questions = pick_follow_ups(scenario, follow_up_level(session.level, result.verdict.label))
    ev = scenario.evaluation
    calibration = (
        [Calibration(cid, rubric.criterion(cid).name, core[cid], doc) for cid, doc in ev.scores.items() if cid in core]
        if ev
        else []
    )
    meaning, meaning_derived = meaning_for(result.verdict, session.level)
    return Scorecard(
        session=session,
        scenario=scenario,
        rubric=rubric,
        result=result,
        strengths=strengths,
        improvements=improvements,
        follow_up_difficulty=difficulty,
        follow_ups=questions,
        calibration=calibration,
        timings=phases,
        checklist=dict(a.checklist),
        extra_scores=extra,
        bands=_band_views(scenario, result),
        verdict_meaning=meaning,
        verdict_meaning_derived=meaning_derived,
        thresholds=cutoffs,
        document_overall=stated,
        notes=notes,
        hints=hints,
        checklist_derived=bool(scenario.debrief.derived),
    )
