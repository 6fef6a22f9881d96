"""``mockinterview score --template``: a score file to fill in.

Every criterion id with its one-line meaning, grouped as the rubric groups them, the
band each one feeds, and (for a scenario) its extra criteria and debrief checklist. The
values are left empty on purpose: a file given back unfilled is refused, naming each
criterion, rather than stored as made-up scores.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mockinterview.scoring.arithmetic import band_criteria

if TYPE_CHECKING:
    from mockinterview.content.rubric import Rubric
    from mockinterview.content.scenario import Scenario

__all__ = ["score_template"]


def _comment(text: str) -> str:
    return " ".join(text.split())


def score_template(rubric: Rubric, scenario: Scenario | None = None) -> str:
    band_of = {c: b.name for b in rubric.bands for c in band_criteria(rubric, b.id)}
    width = max(len(c.id) for c in rubric.criteria) + 1
    about = f" for {scenario.id} ({_comment(scenario.title)})" if scenario is not None else ""
    target = scenario.id if scenario is not None else "SCENARIO|SESSION"
    lines = [
        f"# A score file{about}.",
        f"# Use it with: mockinterview score {target} --scores FILE",
        "# Give every criterion a whole number from 1 (weak) to 5 (strong); the rubric's wording",
        "# for 1, 3 and 5 is in: mockinterview help scoring. Lines starting with # are comments.",
    ]
    for g in rubric.groups:
        note = "" if g.in_score_50 else " (not in the /50 rubric score; still feeds the point bands)"
        lines += ["", f"# {g.name}{note}"]
        for c in rubric.criteria_in(g.id):
            lines.append(f"{(c.id + ':').ljust(width)}    # {_comment(c.description)} [{band_of.get(c.id, '')}]")
    if scenario is not None and scenario.rubric.extra_criteria:
        lines += ["", f"# For this scenario ({scenario.focus}); optional, counted in neither /50 nor /100"]
        for x in scenario.rubric.extra_criteria:
            lines.append(f"# {x.id}:    # {_comment(x.description)}")
    lines += [
        "",
        "# Optional: band points that replace the suggestion (each band is suggested from the",
        "# criteria marked [band] above). Remove the # to use a line.",
        "# bands:",
    ]
    bw = max(len(b.id) for b in rubric.bands) + 1
    lines += [f"#   {(b.id + ':').ljust(bw)} {b.points:<3}  # 0..{b.points}, {b.name}" for b in rubric.bands]
    if scenario is not None and (scenario.debrief.strong_indicators or scenario.debrief.concerns):
        lines += ["", "# Optional: the debrief checklist, by number (or exact text). Remove the # to use it.", "# checklist:"]
        for key, items in (("strong_indicators", scenario.debrief.strong_indicators), ("concerns", scenario.debrief.concerns)):
            if items:
                lines.append(f"#   {key}: []")
                lines += [f"#     # {i}. {_comment(item)}" for i, item in enumerate(items, 1)]
    elif scenario is None:
        lines += ["", "# Optional: the scenario's debrief checklist; see: mockinterview score SCENARIO --template"]
    return "\n".join(lines) + "\n"
