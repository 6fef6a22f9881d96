"""Scoring arithmetic, as pure functions over the rubric and a set of 1-5 scores.

* group subtotal: the sum of a group's five criteria (5..25);
* score /50: technical + communication subtotals, as in the first document's
  "Overall Score N/50"; its percentage and label;
* band points: each band is suggested in proportion to the criteria the rubric says
  feed it (``round(their sum / (5 x how many) * band points)``, halves up), and the
  user may adjust it anywhere within 0..band points; the total /100 decides the
  verdict, the one headline verdict of a scorecard.

See docs/scoring.md (``mockinterview help scoring``) for the reasons and a worked example.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from mockinterview.content.rubric import Band, BandLevel, Rubric, Threshold
from mockinterview.errors import InvalidScores
from mockinterview.vocab import CRITERION_IDS


def round_half_up(x: float) -> int:
    return int(Decimal(str(x)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def check_scores(
    scores: Mapping[str, Any], *, extra_ids: tuple[str, ...] = (), require_all: bool = True
) -> dict[str, int]:
    """Validate criterion scores; every problem is named in one error. Returns clean ints."""
    known = set(CRITERION_IDS) | set(extra_ids)
    problems: list[str] = []
    clean: dict[str, int] = {}
    for cid, value in scores.items():
        if cid not in known:
            import difflib

            close = difflib.get_close_matches(str(cid), sorted(known), n=1)
            problems.append(f"unknown criterion {cid!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
            continue
        if isinstance(value, bool) or not isinstance(value, int | str | float):
            problems.append(f"{cid}: {value!r} is not a whole number from 1 to 5")
            continue
        try:
            number = int(str(value).strip())
        except ValueError:
            problems.append(f"{cid}: {value!r} is not a whole number from 1 to 5")
            continue
        if isinstance(value, float) and value != number:
            problems.append(f"{cid}: {value!r} is not a whole number from 1 to 5")
            continue
        if not 1 <= number <= 5:
            problems.append(f"{cid}: {number} is outside 1..5")
            continue
        clean[cid] = number
    if require_all:
        missing = [c for c in CRITERION_IDS if c not in scores]
        if missing:
            problems.append(f"missing score(s) for: {', '.join(missing)}")
    if problems:
        raise InvalidScores("; ".join(problems))
    return clean


def group_subtotals(rubric: Rubric, scores: Mapping[str, int]) -> dict[str, int]:
    return {g.id: sum(scores[c.id] for c in rubric.criteria_in(g.id)) for g in rubric.groups}


def score_50(rubric: Rubric, scores: Mapping[str, int]) -> int:
    subtotals = group_subtotals(rubric, scores)
    return sum(subtotals[g.id] for g in rubric.groups if g.in_score_50)


def percent_50(score: float) -> float:
    return round(score / 50 * 100, 1)


def threshold_for(thresholds: list[Threshold], value: float) -> Threshold:
    """The label with the highest ``min`` that ``value`` reaches."""
    return max((t for t in thresholds if value >= t.min), key=lambda t: t.min)


def label_50(rubric: Rubric, score: float) -> Threshold:
    return threshold_for(rubric.labels_50, percent_50(score))


def band_criteria(rubric: Rubric, band_id: str) -> list[str]:
    """The criteria whose scores suggest a band's points, in rubric order.

    The rubric's ``bands[].criteria``; a rubric that names none falls back to the
    criteria of the group whose ``band`` this is.
    """
    band = rubric.band(band_id)
    named = set(band.criteria) or {c.id for g in rubric.groups if g.band == band_id for c in rubric.criteria_in(g.id)}
    return [c.id for c in rubric.criteria if c.id in named]


def band_subtotal(rubric: Rubric, scores: Mapping[str, int], band_id: str) -> tuple[int, int]:
    """(sum, maximum) of the scores that feed a band: (18, 25) for five criteria."""
    ids = band_criteria(rubric, band_id)
    return sum(scores[c] for c in ids), 5 * len(ids)


def suggest_bands(rubric: Rubric, scores: Mapping[str, int]) -> dict[str, int]:
    """Band points in proportion to the scores of the criteria that feed each band."""
    out: dict[str, int] = {}
    for band in rubric.bands:
        total, most = band_subtotal(rubric, scores, band.id)
        out[band.id] = round_half_up(total / most * band.points) if most else 0
    return out


def check_bands(rubric: Rubric, bands: Mapping[str, Any]) -> dict[str, int]:
    problems: list[str] = []
    clean: dict[str, int] = {}
    for bid, value in bands.items():
        try:
            band = rubric.band(bid)
        except StopIteration:
            problems.append(f"unknown band {bid!r} (bands: {', '.join(b.id for b in rubric.bands)})")
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            problems.append(f"{bid}: {value!r} is not a whole number of points")
            continue
        if not 0 <= value <= band.points:
            problems.append(f"{bid}: {value} is outside 0..{band.points}")
            continue
        clean[bid] = value
    if problems:
        raise InvalidScores("; ".join(problems))
    return clean


def verdict(rubric: Rubric, total: float) -> Threshold:
    return threshold_for(rubric.verdicts, total)


def meaning_for(threshold: Threshold, level: str | None) -> tuple[str, bool]:
    """What a verdict means for a scenario of ``level``, and whether the wording is ours.

    The rubric's ``meaning`` is document 003's (a mid-level interview); ``meanings`` holds
    our wording for the levels where the document's would name the wrong one.
    """
    own: Mapping[str, str] = getattr(threshold, "meanings", None) or {}
    if level is not None and level in own:
        return own[level], True
    return threshold.meaning, threshold.derived


def thresholds_text(rubric: Rubric) -> str:
    """``Strong Pass 85+ · Pass 70–84 · Weak Pass 55–69 · No Pass below 55``: the verdict cut-offs."""
    ordered = sorted(rubric.verdicts, key=lambda t: -t.min)
    parts: list[str] = []
    for i, t in enumerate(ordered):
        lo = f"{t.min:g}"
        if i == 0:
            parts.append(f"{t.label} {lo}+")
        elif t.min == 0:
            parts.append(f"{t.label} below {ordered[i - 1].min:g}")
        else:
            parts.append(f"{t.label} {lo}–{ordered[i - 1].min - 1:g}")
    return " · ".join(parts)


@dataclass(frozen=True)
class BandResult:
    band: Band
    points: int
    suggested: int
    level: BandLevel
    criteria: tuple[str, ...] = ()  # the criteria that fed the suggestion
    subtotal: int = 0  # their sum
    subtotal_max: int = 0


@dataclass(frozen=True)
class Result:
    """Everything the scorecard needs, computed once."""

    scores: dict[str, int]
    subtotals: dict[str, int]
    score_50: int
    percent_50: float
    label_50: Threshold
    bands: list[BandResult]
    total_100: int
    verdict: Threshold

    def to_dict(self) -> dict[str, Any]:
        return {
            "scores": dict(self.scores),
            "groups": dict(self.subtotals),
            "score_50": self.score_50,
            "percent_50": self.percent_50,
            "label_50": self.label_50.label,
            "bands": {
                b.band.id: {
                    "points": b.points,
                    "max": b.band.points,
                    "suggested": b.suggested,
                    "level": b.level.name,
                    "criteria": list(b.criteria),
                    "subtotal": b.subtotal,
                    "subtotal_max": b.subtotal_max,
                }
                for b in self.bands
            },
            "total_100": self.total_100,
            "verdict": self.verdict.label,
        }


def evaluate(rubric: Rubric, scores: Mapping[str, int], bands: Mapping[str, int] | None = None) -> Result:
    """Score a complete set of criteria; ``bands`` overrides the suggested band points."""
    suggested = suggest_bands(rubric, scores)
    chosen = {**suggested, **(bands or {})}
    band_results = []
    for b in rubric.bands:
        fed, most = band_subtotal(rubric, scores, b.id)
        band_results.append(
            BandResult(
                b, chosen[b.id], suggested[b.id], b.level_for(chosen[b.id]),
                tuple(band_criteria(rubric, b.id)), fed, most,
            )
        )  # fmt: skip
    total = sum(br.points for br in band_results)
    s50 = score_50(rubric, scores)
    return Result(
        scores={c: scores[c] for c in scores},
        subtotals=group_subtotals(rubric, scores),
        score_50=s50,
        percent_50=percent_50(s50),
        label_50=label_50(rubric, s50),
        bands=band_results,
        total_100=total,
        verdict=verdict(rubric, total),
    )
