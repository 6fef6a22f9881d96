"""Hostile text in shared files never reaches the terminal, a pager or an export as
control codes (issue 14, finding 1).

A scenario folder whose title, a probe, a reference block and a common mistake hold a
clipboard write (OSC 52) and a clear-screen, an 8-bit CSI, a window-title change and an
OSC 8 link; an import file whose notes and titles hold the same. Every command that
prints them is run through a pipe (CliRunner), with colour forced on, and once on a real
pseudo-terminal: no ESC, C1 or BEL from the files comes out, and the visible form
(``^[``, ``<9b>``, as ``cat -v`` and prompt_toolkit show them) does.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pytest
import yaml

from mockinterview.vocab import CRITERION_IDS

REPO = Path(__file__).resolve().parents[2]

OSC52_CLEAR = "\x1b]52;c;aGVsbG8=\x07\x1b[2J"
CSI8 = "\x9b31m"
WINDOW_TITLE = "\x1b]0;title\x07"
OSC8_LINK = "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\"
HOSTILE = " ".join((OSC52_CLEAR, CSI8, WINDOW_TITLE, OSC8_LINK))

#: How the terminal shows them. (rich drops BEL, BS, VT, FF and CR from ``Text`` before
#: the render boundary sees them; the exports, cleaned directly, show BEL as ``^G``.)
SHOWN_CLIPBOARD = "^[]52;c;aGVsbG8="
SHOWN_CLEAR = "^[[2J"
SHOWN_CSI8 = "<9b>31m"
SHOWN_LINK = "^[]8;;http://x^[\\link"

SGR = re.compile(r"\x1b\[[0-9;]*m")  # rich's own colours: the only escape it may write here


def assert_safe(text: str, *, sgr_allowed: bool = False) -> None:
    """No control character from a file: no ESC (except rich's SGR colours when allowed),
    no C1, no BEL, no other C0 but newline and tab."""
    rest = SGR.sub("", text) if sgr_allowed else text
    bad = sorted({f"{ord(c):#04x}" for c in rest if (ord(c) < 0x20 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F})
    assert not bad, f"control characters in the output: {bad}\n{text!r}"


def assert_shown(text: str) -> None:
    for shown in (SHOWN_CLIPBOARD, SHOWN_CLEAR, SHOWN_CSI8, SHOWN_LINK):
        assert shown in text, f"{shown!r} not shown in:\n{text}"


def strings(data: object) -> list[str]:
    """Every string in a JSON document."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for k, v in data.items() for s in strings(k) + strings(v)]
    if isinstance(data, list):
        return [s for v in data for s in strings(v)]
    return []


def holds_hostile(data: object) -> bool:
    return any(HOSTILE in s for s in strings(data))


def scores_args() -> list[str]:
    return [a for c in CRITERION_IDS for a in ("--set", f"{c}=2")]


@pytest.fixture
def hostile_dir(tmp_path: Path) -> Path:
    """A copy of url-shortener (id ``hostile``) with control codes in four kinds of field,
    written the way a YAML file can hold them: escapes in double-quoted strings."""
    data = yaml.safe_load((REPO / "scenarios" / "url-shortener.yaml").read_text(encoding="utf-8"))
    data["id"] = "hostile"
    data["title"] = "Hostile " + HOSTILE
    data["phases"][0]["probes"][0]["question"] = "Probe " + HOSTILE
    data["phases"][0]["reference"][0]["title"] = "Reference " + HOSTILE
    data["common_mistakes"][0]["title"] = "Mistake " + HOSTILE
    data["follow_ups"]["medium"][0] = "Follow-up <script>alert(1)</script> " + HOSTILE
    folder = tmp_path / "hostile-scenarios"
    folder.mkdir()
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6)
    assert "\x1b" not in text and "\\e]52" in text  # the file itself is plain text
    (folder / "hostile.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def cli(invoke, hostile_dir: Path):
    def _cli(*args: str):
        result = invoke("--scenarios", str(hostile_dir), *args)
        return result

    return _cli


def test_the_hostile_scenario_is_a_valid_scenario(cli) -> None:
    result = cli("show", "hostile", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["title"] == "Hostile " + HOSTILE  # the data is kept as written


@pytest.mark.parametrize(
    "args",
    [
        ("list",),
        ("list", "--tag", "base62"),
        ("show", "hostile"),
        ("show", "hostile", "--reveal"),
        ("estimate", "hostile", "--answers", "ANSWERS"),
        ("score", "hostile", *scores_args()),
    ],
    ids=["list", "list-tag", "show", "show-reveal", "estimate", "score"],
)
def test_commands_show_control_codes_and_never_send_them(cli, tmp_path: Path, args: tuple[str, ...]) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("write_qps: 1.2K/s\n", encoding="utf-8")
    args = tuple(str(answers) if a == "ANSWERS" else a for a in args)
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    assert_safe(result.stdout)
    assert_safe(result.stderr)
    if args[0] == "list":
        assert "Hostile ^[]52;c;" in result.stdout  # the list truncates the long title
    else:
        assert_shown(result.stdout)
    if args[0] == "score":  # the scorecard names the common mistake of a weak criterion
        assert "Mistake " + SHOWN_CLIPBOARD in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("show", "hostile", "--json"),
        ("show", "hostile", "--reveal", "--json"),
        ("list", "--json"),
        ("estimate", "hostile", "--answers", "ANSWERS", "--json"),
        ("score", "hostile", *scores_args(), "--json"),
    ],
    ids=["show", "show-reveal", "list", "estimate", "score"],
)
def test_json_escapes_c0_and_c1_and_keeps_the_data(cli, tmp_path: Path, args: tuple[str, ...]) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("write_qps: 1.2K/s\n", encoding="utf-8")
    args = tuple(str(answers) if a == "ANSWERS" else a for a in args)
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    assert_safe(result.stdout)
    data = json.loads(result.stdout)
    if args[0] == "estimate":  # names the scenario by id only
        return
    assert "\\u001b]52;c;" in result.stdout and "\\u009b31m" in result.stdout
    assert holds_hostile(data)  # the same data, escaped


def test_colour_on_keeps_richs_own_styling_and_nothing_else(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    result = cli("show", "hostile", "--reveal")
    assert result.exit_code == 0
    assert SGR.search(result.stdout), "colours are on"
    assert_safe(result.stdout, sgr_allowed=True)
    assert_shown(SGR.sub("", result.stdout))


def test_error_messages_quoting_a_file_are_cleaned(invoke, tmp_path: Path) -> None:
    data = yaml.safe_load((REPO / "scenarios" / "url-shortener.yaml").read_text(encoding="utf-8"))
    data["id"] = "broken"
    data["ti\x1b[2Jtle\x9b31m"] = 1  # an unknown field: the message names it
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "bro\x1b]0;x\x07ken.yaml").write_text(yaml.safe_dump(data, sort_keys=False, width=10**6), encoding="utf-8")
    for args in (("list",), ("validate", str(folder)), ("show", "broken")):
        result = invoke("--scenarios", str(folder), *args)
        assert_safe(result.stdout)
        assert_safe(result.stderr)
        assert "ti^[[2Jtle<9b>31m" in result.stderr or "bro^[]0;x" in result.stderr, (args, result.stderr)
    result = invoke("--scenarios", str(folder), "validate", str(folder))
    assert result.exit_code == 1 and "ti^[[2Jtle<9b>31m: unknown field" in result.stderr


# --------------------------------------------------------------------------- imported notes


@pytest.fixture
def hostile_session(cli, invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A scored interview of the hostile scenario, exported, given hostile notes and
    phase titles, and imported into a fresh data folder: the id of that interview."""
    result = cli("score", "hostile", *scores_args(), "--json")
    sid = json.loads(result.stdout)["session_id"]
    exported = tmp_path / "export.jsonl"
    assert invoke("export", "-o", str(exported)).exit_code == 0
    records = [json.loads(line) for line in exported.read_text(encoding="utf-8").splitlines()]
    for record in records:
        record["phases"][0]["notes"] = "client -> <script>alert(1)</script>\n```\n# out of the fence? " + HOSTILE
        record["phases"][0]["title"] = "Phase " + HOSTILE
    hostile_export = tmp_path / "hostile.jsonl"
    hostile_export.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    monkeypatch.setenv("MOCKINTERVIEW_HOME", str(tmp_path / "fresh-home"))
    result = invoke("import", str(hostile_export))
    assert result.exit_code == 0, result.stderr
    assert_safe(result.stdout + result.stderr)
    return str(sid)


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_report_exports_are_cleaned_and_escaped(cli, hostile_session: str, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"card.{fmt}"
    result = cli("report", hostile_session, "--format", fmt, "--output", str(out))
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert_safe(text)
    if fmt == "json":
        assert "\\u009b31m" in text and holds_hostile(json.loads(text))
        return
    if fmt == "md":
        # the visible form, itself escaped as Markdown: it renders as ^[]52... and <9b>
        assert text.startswith("# Scorecard: Hostile ^\\[\\]52;c;aGVsbG8=^G^\\[\\[2J &lt;9b&gt;31m ^\\[\\]0;title^G ")
        assert "Follow-up &lt;script&gt;alert(1)&lt;/script&gt;" in text
        assert "### Phase ^\\[\\]52;c;" in text
        # the notes stay verbatim inside their fence, which they cannot close
        fence = text.split("```text\n", 1)[1].split("\n```\n", 1)[0]
        assert fence.startswith("client -> <script>alert(1)</script>\n'''\n# out of the fence? ")
        assert_shown(fence)
    else:
        import html

        assert "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
        assert_shown(html.unescape(text))


def test_report_to_stdout_and_the_other_views_of_imported_data(cli, hostile_session: str) -> None:
    for args in (
        ("report", hostile_session),
        ("report", hostile_session, "--format", "md"),
        ("report", hostile_session, "--format", "html"),
        ("report", hostile_session, "--format", "json"),
        ("history",),
        ("history", "--json"),
        ("progress",),
        ("progress", "--json"),
        ("export", "-o", "-"),
    ):
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stderr)
        assert_safe(result.stdout)
        assert_safe(result.stderr)
    exported = cli("export", "-o", "-").stdout
    assert "\\u009b31m" in exported and holds_hostile(json.loads(exported.splitlines()[0]))
    assert "Hostile " + SHOWN_CLIPBOARD in cli("report", hostile_session).stdout


# --------------------------------------------------------------------------- a real terminal


def test_on_a_real_terminal(hostile_dir: Path, tmp_path: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOCKINTERVIEW")}
    env.update(MOCKINTERVIEW_HOME=str(tmp_path / "tty-home"), TERM="xterm-256color", COLUMNS="100", LINES="40")
    env.pop("NO_COLOR", None)
    env["MOCKINTERVIEW_PAGER"] = "cat -"  # 40 rows overflow: the output goes through a pager that does not wait
    output, status = pexpect.run(
        f"{sys.executable} -m mockinterview --scenarios {hostile_dir} show hostile --reveal",
        env=env, timeout=60, withexitstatus=True, encoding="utf-8", codec_errors="strict",
    )
    assert status == 0, output
    assert SGR.search(output), "a terminal gets colours"
    assert_safe(output.replace("\r\n", "\n"), sgr_allowed=True)
    assert_shown(SGR.sub("", output))
