"""The back-of-the-envelope drill: ask the figures, grade them, explain the misses.

Used by ``mockinterview estimate`` and, through :func:`drill`, by ``mockinterview
run`` in its estimation phase. The grading is :mod:`mockinterview.interview.drill`'s;
the renderers are pure (they return rich renderables); only :func:`ask_figures` and
:func:`drill` print and prompt. Every piece of scenario or user text goes through
``Text``; grades are marked with a symbol and a word, so they read without colour.
Assumptions and figures the seed documents do not state carry the derived mark ``†``,
explained once at the end of the report. Fits 80 columns.

Inside ``run`` the drill can be pre-filled from the estimation phase's notes
(``prefill``, from :func:`mockinterview.coach.figures.noted_answers`): each figure found
there is offered as the answer, to keep with Enter or to change.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from mockinterview import estimation
from mockinterview.content.scenario import Estimation, Scenario, Unit
from mockinterview.content.units import DEFAULT_SECONDS_PER_MONTH
from mockinterview.estimation import UNIT_DESCRIPTIONS, EstimationResult, FigureResult, Grade, QuantityError

# ``estimate`` reaches these through this module (``estimate_view.grade``): exported by name.
from mockinterview.interview.drill import assumption_values as assumption_values
from mockinterview.interview.drill import estimation_of as estimation_of
from mockinterview.interview.drill import grade as grade
from mockinterview.interview.drill import to_answers
from mockinterview.interview.session import EstimateAnswer
from mockinterview.ui import prompter
from mockinterview.ui.marks import Marks

#: A figure's pre-filled answer: the text, or the text and the line of the notes it is on.
Prefill = str | tuple[str, int]

# symbol, short word for the table, style
GRADE_MARKS: dict[Grade | None, tuple[str, str, str]] = {
    Grade.ON_TARGET: ("✓", "on target", "good"),
    Grade.ORDER_OF_MAGNITUDE: ("≈", "within 10x", "warn"),
    Grade.OFF: ("✗", "off", "bad"),
    None: ("–", "skipped", "muted"),
}


# ----------------------------------------------------------------------------------
# Pure renderers
# ----------------------------------------------------------------------------------


def mark(g: Grade | None) -> Text:
    """A grade as a symbol and a word (``✓ on target``), readable without colour."""
    symbol, word, style = GRADE_MARKS[g]
    return Text(f"{symbol} {word}", style=style)


def ratio_text(ratio: float | None) -> str:
    """``answer / reference`` compactly: ``1.04x``, ``0.10x``, ``12x``; ``–`` when skipped."""
    if ratio is None:
        return "–"
    if not math.isfinite(ratio):
        return "∞"
    if ratio >= 100:
        return f"{ratio:,.0f}x"
    if ratio >= 10:
        return f"{ratio:.1f}x"
    if ratio >= 0.1:
        return f"{ratio:.2f}x"
    return f"{ratio:.2g}x"


def header(scenario: Scenario, seed: int | None = None) -> list[RenderableType]:
    parts: list[RenderableType] = [
        Text(scenario.title, style="bold") + Text("  back-of-the-envelope estimation", style="accent")
    ]
    if seed is not None:
        parts.append(Text(f"seed {seed}: replay with --vary --seed {seed}", style="muted"))
    return parts


def derived_figures(est: Estimation) -> frozenset[str]:
    """The names of the figures the seed documents do not state (``derived: true``)."""
    return frozenset(f.name for f in est.figures if f.derived)


def assumptions_table(est: Estimation, values: Mapping[str, float] | None = None, marks: Marks | None = None) -> Table:
    """The assumptions with their values in play; a ``document`` column when any differ."""
    marks = marks or Marks()
    current = assumption_values(est, values)
    varied = any(current[a.name] != float(a.value) for a in est.assumptions)
    t = Table(title="Assumptions", title_justify="left", title_style="bold", box=None, pad_edge=False,
              header_style="muted", show_header=varied)
    t.add_column("assumption", ratio=1)
    t.add_column("value", justify="right", no_wrap=True)
    if varied:
        t.add_column("document", justify="right", no_wrap=True, style="muted")
    for a in est.assumptions:
        value = current[a.name]
        row: list[RenderableType] = [marks.after(Text(a.label), a.derived),
                                     Text(estimation.format_quantity(value, a.unit), style="bold")]
        if varied:
            same = value == float(a.value)
            row.append(Text("same" if same else estimation.format_quantity(float(a.value), a.unit)))
        t.add_row(*row)
    return t


def results_table(result: EstimationResult, derived: frozenset[str] = frozenset(), marks: Marks | None = None) -> Table:
    """One row per asked figure: your answer, the reference, answer/reference and the grade
    (``derived``: the figures to mark)."""
    marks = marks or Marks()
    t = Table(title="Your estimates", title_justify="left", title_style="bold", box=None, pad_edge=False,
              header_style="muted")
    t.add_column("figure", ratio=1)
    t.add_column("you", justify="right", no_wrap=True)
    t.add_column("reference", justify="right", max_width=24, overflow="fold")
    t.add_column("ratio", justify="right", no_wrap=True)
    t.add_column("grade", no_wrap=True)
    for f in result.figures:
        answer = Text("–", style="muted") if f.answer is None else Text(estimation.format_quantity(f.answer, f.unit))
        t.add_row(
            marks.after(Text(f.label), f.name in derived),
            answer,
            reference_text(f),
            Text(ratio_text(f.ratio), style="muted" if f.ratio is None else ""),
            mark(f.grade),
        )
    return t


def reference_text(f: FigureResult) -> Text:
    """The computed reference, with the source's own wording under it when it states the figure."""
    text = Text(estimation.format_quantity(f.reference, f.unit))
    if f.stated:
        text.append("\n")
        text.append(f"source: {f.stated}", style="muted")
    return text


def legend() -> Text:
    line = Text("")
    for i, g in enumerate(Grade):
        if i:
            line.append("  ·  ", style="muted")
        symbol, _, style = GRADE_MARKS[g]
        line.append(symbol, style=style)
        line.append(" " + {Grade.ON_TARGET: "within 2x", Grade.ORDER_OF_MAGNITUDE: "within 10x",
                           Grade.OFF: "beyond 10x"}[g], style="muted")
    line.append("  ·  ratio = yours / reference", style="muted")
    return line


def _verdict(f: FigureResult) -> Text:
    """What went wrong with one figure, in words: '12K/s is 10x too high (reference 1,157/s)'."""
    ref = estimation.format_quantity(f.reference, f.unit)
    if f.stated:
        ref += f" (the source: {f.stated})"
    if f.answer is None:
        return Text("skipped", style="muted") + Text(f"; the reference is {ref}")
    yours = estimation.format_quantity(f.answer, f.unit)
    ratio = f.ratio if f.ratio is not None else math.inf
    if ratio > 0 and math.isfinite(ratio):
        factor = max(ratio, 1 / ratio)
        how = "high" if ratio > 1 else "low"
        shown = f"{factor:,.0f}x" if factor >= 100 else f"{factor:.1f}x"
        text = Text(f"{yours} is {shown} too {how}")
    else:
        text = Text(yours)
    return text + Text(f"; the reference is {ref}") + Text("  ") + mark(f.grade)


def derivation_steps(lines: Iterable[str], answered: Mapping[str, FigureResult] | None = None,
                     target: str | None = None) -> Table:
    """Derivation lines (``name = formula = substituted = value``) as an aligned grid.

    Each step's ``=`` parts go one per row under each other, so long lines fit 80
    columns. A step for another figure the user answered shows that answer too.
    """
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, style="accent")
    grid.add_column()
    for line in lines:
        name, *split = line.split(" = ")
        parts = [p for i, p in enumerate(split) if i == 0 or p != split[i - 1]]  # "= 64 MB/s = 64 MB/s"
        for i, part in enumerate(parts):
            cell = Text("= ") + Text(part, style="bold" if i == len(parts) - 1 else "")
            if i == len(parts) - 1 and answered and name != target and name in answered:
                other = answered[name]
                if other.answer is not None:
                    cell.append(f"  (you: {estimation.format_quantity(other.answer, other.unit)} ", style="muted")
                    cell.append_text(Text(GRADE_MARKS[other.grade][0], style=GRADE_MARKS[other.grade][2]))
                    cell.append(")", style="muted")
            grid.add_row(Text(name) if i == 0 else Text(""), cell)
    return grid


def derivations(result: EstimationResult, derived: frozenset[str] = frozenset(),
                marks: Marks | None = None) -> list[RenderableType]:
    """For every figure not on target (skipped included): what happened, then how it is derived."""
    marks = marks or Marks()
    misses = [f for f in result.figures if f.grade is not Grade.ON_TARGET]
    if not misses:
        return []
    by_name = {f.name: f for f in result.figures}
    parts: list[RenderableType] = [Text(""), Text("How the figures you missed are derived", style="bold")]
    for f in misses:
        head = marks.after(Text(f.label, style="bold") + Text(f" ({f.name})", style="muted"), f.name in derived)
        verdict = Padding(_verdict(f), (0, 0, 0, 2), expand=False)
        steps = Padding(derivation_steps(f.derivation, by_name, f.name), (0, 0, 0, 2), expand=False)
        parts.append(Group(Text(""), head, verdict, steps))
    return parts


def summary(result: EstimationResult) -> list[RenderableType]:
    c = result.counts
    answered = Text(f"{result.answered} of {result.asked} figures answered", style="bold")
    line = Text("")
    bits = [
        (f"{c[Grade.ON_TARGET.value]} on target", GRADE_MARKS[Grade.ON_TARGET]),
        (f"{c[Grade.ORDER_OF_MAGNITUDE.value]} right order of magnitude", GRADE_MARKS[Grade.ORDER_OF_MAGNITUDE]),
        (f"{c[Grade.OFF.value]} off", GRADE_MARKS[Grade.OFF]),
        (f"{c['skipped']} skipped", GRADE_MARKS[None]),
    ]
    for i, (words, (symbol, _, style)) in enumerate(bits):
        if i:
            line.append("   ")
        line.append(symbol + " ", style=style)
        line.append(words)
    score = estimation.suggested_scalability(result)
    if score is None:
        suggestion = Text("Suggested scalability_understanding score: none (nothing was answered)", style="muted")
    else:
        suggestion = Text("Suggested scalability_understanding score: ") + Text(f"{score}/5", style="bold accent")
        suggestion.append(" (skips count as misses)", style="muted")
    return [answered, line, suggestion]


def report(result: EstimationResult, derived: frozenset[str] = frozenset(), marks: Marks | None = None) -> list[RenderableType]:
    """The whole grading: table, legend, derivations of the misses, summary, and the
    footnote for the derived marks of the view (``marks``: shared with the parts shown
    before it, such as :func:`assumptions_table`)."""
    marks = marks or Marks()
    parts: list[RenderableType] = [Text(""), results_table(result, derived, marks), legend()]
    parts.extend(derivations(result, derived, marks))
    parts.append(Text(""))
    parts.extend(summary(result))
    parts.extend(marks.footnote())
    return parts


# ----------------------------------------------------------------------------------
# Interactive
# ----------------------------------------------------------------------------------


def short_error(exc: QuantityError, unit: Unit) -> str:
    """The QuantityError's message, cut to fit the prompt's one-line error bar.

    The full message lists every example; the drill prints them above the prompt
    already, so keep the reason (or two examples when there is no other reason).
    """
    head, sep, _ = exc.message.partition("expected ")
    if not sep:
        return exc.message
    head = head.rstrip("; ")
    if head.endswith(":"):  # no reason given: say what is expected
        examples = estimation.unit_examples(unit)[:2]
        return f"{head} expected {UNIT_DESCRIPTIONS[unit]}, e.g. {' or '.join(examples)}"
    return head


def _validator(unit: Unit, month: float = DEFAULT_SECONDS_PER_MONTH) -> Callable[[str], bool | str]:
    def validate(text: str) -> bool | str:
        if not text.strip():
            return True  # empty: skip
        try:
            estimation.parse_quantity(text, unit, month=month)
        except QuantityError as exc:
            message = short_error(exc, unit)
            prefix = f"cannot read {text!r}: "
            if len(message) > 76 and message.startswith(prefix):  # what was typed is on screen
                message = message[len(prefix):]
            return message
        return True

    return validate


def _offered(prefill: Mapping[str, Prefill] | None, name: str, unit: Unit, month: float) -> tuple[str, int | None] | None:
    """The pre-filled answer for figure ``name`` and its line, if there is one the drill reads."""
    noted = (prefill or {}).get(name)
    if noted is None:
        return None
    text, line = (noted, None) if isinstance(noted, str) else noted
    if _validator(unit, month)(text) is not True or not text.strip():
        return None  # offered only if Enter would accept it
    return text.strip(), line


def ask_figures(out: Console, est: Estimation, prefill: Mapping[str, Prefill] | None = None,
                marks: Marks | None = None) -> dict[str, float]:
    """Ask every figure with ``ask``, one by one; an empty answer skips it.

    A figure in ``prefill`` starts with that answer in the field (Enter keeps it; Ctrl-U
    clears it). Bad input is re-asked (the prompt shows why). Ctrl-C raises KeyboardInterrupt.
    """
    marks = marks or Marks()
    asked = [f for f in est.figures if f.ask]
    offers = {f.name: o for f in asked if (o := _offered(prefill, f.name, f.unit, est.seconds_per_month))}
    answers: dict[str, float] = {}
    out.print(Text("Estimate each figure from the assumptions. Enter skips a figure.", style="muted"))
    if offers:
        out.print(Text(f"{len(offers)} of {len(asked)} are filled in from your notes: Enter keeps one, "
                       "Ctrl-U clears it.", style="muted"))
    for i, fig in enumerate(asked, 1):
        out.print()
        out.print(Text(f"[{i}/{len(asked)}] ", style="muted") + marks.after(Text(fig.label, style="bold"), fig.derived)
                  + Text(f"  ({UNIT_DESCRIPTIONS[fig.unit]})", style="muted"))
        out.print(Text("  e.g. " + ", ".join(estimation.unit_examples(fig.unit)), style="muted"))
        default, line = offers.get(fig.name, ("", None))
        if default:
            out.print(Text("  from your notes" + ("" if line is None else f": line {line}"), style="accent"))
        typed = prompter.text("Your estimate:", default=default,
                              validate=_validator(fig.unit, est.seconds_per_month)).strip()
        if not typed:
            out.print(Text("  skipped", style="muted"))
            continue
        value = estimation.parse_quantity(typed, fig.unit, month=est.seconds_per_month)
        answers[fig.name] = value
        out.print(Text(f"  read as {estimation.format_quantity(value, fig.unit)}", style="muted"))
    return answers


def drill(
    out: Console,
    scenario: Scenario,
    values: Mapping[str, float] | None = None,
    *,
    show_assumptions: bool = True,
    prefill: Mapping[str, Prefill] | None = None,
) -> list[EstimateAnswer]:
    """The interactive drill: (the assumptions,) the figures one by one, then the grading.

    ``values`` overrides assumptions (what :func:`estimation.vary` returns; computed
    figures in it are ignored). ``prefill``: figure name -> the answer the candidate
    wrote in their notes (text, or text and line number, as
    :func:`mockinterview.coach.figures.noted_answers` gives them), offered as each
    question's answer; one the drill cannot read is not offered. Needs a terminal:
    callers check with ``prompter.require_terminal`` first. Returns one record per asked
    figure.
    """
    est = estimation_of(scenario)
    marks = Marks()
    if show_assumptions:
        out.print(assumptions_table(est, values, marks))
        out.print()
    answers = ask_figures(out, est, prefill, marks)
    result = grade(scenario, answers, values)
    for part in report(result, derived_figures(est), marks):
        out.print(part)
    return to_answers(result)
