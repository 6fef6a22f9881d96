"""The render boundary: every console the product writes to shows control characters
from content (``^[``, ``<9b>``) instead of sending them, through every rich output path,
while rich's own colours and cursor control still reach a terminal. Also the Markdown,
HTML and JSON exports, and a guard that no module makes a console of its own."""

from __future__ import annotations

import ast
import io
import json
import re
from pathlib import Path

import pytest
from rich.console import Group
from rich.live import Live
from rich.markdown import Markdown
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from mockinterview.ui import console
from mockinterview.ui.console import SafeConsole, clean_text

SRC = Path(__file__).resolve().parents[2] / "src" / "mockinterview"
HOSTILE = "A\x1b]52;c;aGVsbG8=\x07\x1b[2J B\x9b31m C\x1b]0;title\x07 D\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ E\x7f"
SGR = re.compile(r"\x1b\[[0-9;]*m")
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def terminal(width: int = 80) -> tuple[io.StringIO, SafeConsole]:
    buf = io.StringIO()
    made = SafeConsole(
        file=buf, force_terminal=True, color_system="truecolor", no_color=False, width=width, theme=console.THEME,
        log_path=False,  # (the path would be rich's own OSC 8 link)
    )
    return buf, made


def assert_clean(output: str) -> None:
    """Nothing but rich's SGR colours may hold an escape; no other control character."""
    rest = SGR.sub("", output)
    assert not CONTROLS.search(rest), repr(output)
    assert "^[]52;c;aGVsbG8=" in rest or "\\u001b]52;c;aGVsbG8=" in rest, rest
    assert "<9b>31m" in rest or "\\u009b31m" in rest, rest


def table() -> Table:
    t = Table(title=HOSTILE)
    t.add_column("a", header_style="bold")
    t.add_column(HOSTILE)
    t.add_row(Text(HOSTILE, style="red"), HOSTILE)
    return t


@pytest.mark.parametrize(
    "show",
    [
        pytest.param(lambda c: c.print(Text(HOSTILE, style="bold")), id="text"),
        pytest.param(lambda c: c.print(HOSTILE, markup=False), id="str"),
        pytest.param(lambda c: c.print(Text(HOSTILE), soft_wrap=True), id="soft-wrap"),
        pytest.param(lambda c: c.print(Text(HOSTILE), style="accent", end=""), id="style"),
        pytest.param(lambda c: c.print(table()), id="table"),
        pytest.param(lambda c: c.print(Panel(Text(HOSTILE), title=Text(HOSTILE), subtitle=HOSTILE)), id="panel"),
        pytest.param(lambda c: c.print(Padding(Group(Text(HOSTILE), Text(HOSTILE)), (0, 0, 0, 4))), id="group"),
        pytest.param(lambda c: c.print(Markdown(f"# {HOSTILE}\n\n- {HOSTILE}\n\n```\n{HOSTILE}\n```")), id="markdown"),
        pytest.param(lambda c: c.out(HOSTILE, HOSTILE), id="out"),
        pytest.param(lambda c: c.log(HOSTILE), id="log"),
        pytest.param(lambda c: c.rule(HOSTILE), id="rule"),
        pytest.param(lambda c: c.print_json(data={"k": HOSTILE}), id="print_json"),
    ],
)
def test_every_print_path_shows_control_codes(show) -> None:  # type: ignore[no-untyped-def]
    buf, out = terminal()
    show(out)
    assert_clean(buf.getvalue())


def test_richs_own_colours_and_cursor_control_survive() -> None:
    buf, out = terminal()
    out.print(Text("ok", style="bold red") + Text(HOSTILE, style="green"))
    out.show_cursor(False)
    got = buf.getvalue()
    assert "\x1b[1;31mok" in got and "\x1b[1;32mA" in got  # colours
    assert "\x1b[?25l" in got  # a control segment is rich's own, and passes
    assert_clean(got.replace("\x1b[?25l", ""))


def test_live_capture_pager_and_exports() -> None:
    buf, out = terminal()
    with Live(Text(HOSTILE), console=out, auto_refresh=False) as live:
        live.update(Text(HOSTILE + "!"), refresh=True)
    live_out = re.sub(r"\x1b\[(\?25[lh]|2K|1A|\d*[ABCDGK])|\r", "", buf.getvalue())  # Live's cursor moves
    assert_clean(live_out)

    _, out = terminal()
    with out.capture() as captured:
        out.print(Text(HOSTILE))
    assert_clean(captured.get())

    class Pager:
        shown = ""

        def show(self, content: str) -> None:
            Pager.shown = content

    with out.pager(Pager(), styles=True):
        out.print(Text(HOSTILE, style="bold"))
    assert_clean(Pager.shown)

    rec = console.recorder(io.StringIO())
    rec.print(Text("<b>" + HOSTILE))
    html = rec.export_html(inline_styles=True)
    assert "&lt;b&gt;" in html and "<b>A" not in html
    import html as html_mod

    assert_clean(html_mod.unescape(re.sub(r"<[^>]+>", "", html)))
    rec.print(Text(HOSTILE))
    assert_clean(rec.export_text())


def test_the_factories_make_safe_consoles() -> None:
    for made in (console.stdout(), console.stderr(), console.recorder(io.StringIO())):
        assert isinstance(made, SafeConsole)


def test_clean_text_keeps_styles_and_measures_the_visible_form() -> None:
    t = Text("ab") + Text("\x1b[2J", style="red") + Text("cd\x9b", style="bold")
    c = clean_text(t)
    assert c.plain == "ab^[[2Jcd<9b>"
    assert c.cell_len == len(c.plain)
    assert t.plain == "ab\x1b[2Jcd\x9b"  # the original is untouched

    def styles_at(i: int) -> set[str]:
        return {str(s.style) for s in c.spans if s.start <= i < s.end}

    assert all(styles_at(i) == {"red"} for i in range(2, 7))  # ^[[2J
    assert all(styles_at(i) == {"bold"} for i in range(7, 13))  # cd<9b>
    same = Text("plain")
    assert clean_text(same) is same  # no copy when there is nothing to clean


def test_a_table_cell_wraps_the_visible_form_instead_of_cropping_it() -> None:
    buf, out = terminal(width=40)
    t = Table(box=None, show_header=False)
    t.add_column(ratio=1)
    t.add_row(Text("x" * 30 + " " + "\x1b" * 5))  # 31 cells raw, 41 shown: more than the 40 there are
    out.print(t)
    assert SGR.sub("", buf.getvalue()).split() == ["x" * 30, "^[" * 5]


def test_the_scenario_list_keeps_its_columns_with_a_hostile_title() -> None:
    from mockinterview.content.queries import ScenarioRow
    from mockinterview.ui.lists import scenario_table

    def row(sid: str, title: str) -> ScenarioRow:
        return ScenarioRow(
            id=sid, title=title, level="mid", focus="general", tags=(), minutes=45, phases=6,
            source="bundled", path="", overrides=(),
        )

    lines = scenario_table([row("a", "T\x1b[2J\x9b"), row("b", "plain title")]).plain.splitlines()
    assert "T^[[2J<9b>" in lines[1]
    assert lines[1].index("mid") == lines[2].index("mid") == lines[0].index("level")


# --------------------------------------------------------------------------- exports and JSON


def test_json_text_escapes_controls_and_keeps_other_text() -> None:
    from mockinterview.cli.app import json_text, safe_json

    data = {"t\x9b": "“quotes” é \x1b[2J \x9b31m \x7f \x85 tab\tnl\n"}
    text = json_text(data)
    assert not CONTROLS.search(text.replace("\n", "")), repr(text)
    assert "“quotes” é" in text and "\\u009b31m" in text and "\\u001b[2J" in text and "\\u007f" in text
    assert json.loads(text) == data
    line = json.dumps(data, ensure_ascii=False)
    assert json.loads(safe_json(line)) == data and "\x9b" not in safe_json(line)


def _card(notes: str, title: str):  # type: ignore[no-untyped-def]
    from mockinterview.content.catalogue import Catalogue
    from mockinterview.content.loader import load_rubric
    from mockinterview.interview.session import Assessment, start_session
    from mockinterview.scoring import scorecard
    from mockinterview.vocab import CRITERION_IDS

    scenario = Catalogue().get("chat-system")
    session = start_session(scenario)
    session.scenario_title = title
    session.phases[0].notes = notes
    session.phases[0].title = title
    session.assessment = Assessment(scores=dict.fromkeys(CRITERION_IDS, 2), bands={})
    return scorecard.build(session, scenario, load_rubric())  # type: ignore[no-untyped-call]


def test_markdown_escapes_file_text_and_fences_the_notes() -> None:
    from mockinterview.ui import scorecard_view

    title = "T <script>x</script> [link](http://x) ![img](http://x/p.png) a|b `c` \\ \x1b[2J\x9b\nline two\n# heading"
    notes = "a -> b <script>x</script>\n```\n~~~\n# not a heading\n\x1b]52;c;aGVsbG8=\x07"
    md = scorecard_view.to_markdown(_card(notes, title))
    assert not CONTROLS.search(md.replace("\n", ""))
    head = md.splitlines()[0]
    assert head == (
        "# Scorecard: T &lt;script&gt;x&lt;/script&gt; \\[link\\](http://x) !\\[img\\](http://x/p.png) "
        "a\\|b \\`c\\` \\\\ ^\\[\\[2J&lt;9b&gt; line two # heading"
    )
    fence = md.split("```text\n", 1)[1].split("\n```\n", 1)[0]
    assert fence == "a -> b <script>x</script>\n'''\n~~~\n# not a heading\n^[]52;c;aGVsbG8=^G"
    assert "### T &lt;script&gt;" in md


def test_html_export_escapes_and_cleans() -> None:
    from mockinterview.ui import scorecard_view

    html = scorecard_view.to_html(_card("n", "T <script>x</script> \x1b]0;t\x07\x9b"))
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
    assert "\x1b]" not in html and "\x9b" not in html and "^[]0;t" in html and "&lt;9b&gt;" in html


def test_compare_view_shows_notes_with_control_codes() -> None:
    from mockinterview.content.catalogue import Catalogue
    from mockinterview.ui.run_flow import compare

    buf, out = terminal(width=120)
    compare(out, Catalogue().get("chat-system").phases[0], "notes \x1b]52;c;aGVsbG8=\x07\x1b[2J \x9b31m")
    assert_clean(buf.getvalue())


# --------------------------------------------------------------------------- the guard


def _calls(tree: ast.AST, name: str) -> list[int]:
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and ((isinstance(node.func, ast.Name) and node.func.id == name)
             or (isinstance(node.func, ast.Attribute) and node.func.attr == name))
    ]


def test_every_console_is_made_in_ui_console() -> None:
    """A view that made ``rich.console.Console(...)`` itself would skip the cleaning."""
    offenders = []
    for path in SRC.rglob("*.py"):
        if path == SRC / "ui" / "console.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        offenders += [f"{path.relative_to(SRC)}:{line}" for line in _calls(tree, "Console")]
    assert not offenders, f"make consoles with mockinterview.ui.console: {offenders}"
