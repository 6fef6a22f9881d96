"""Rendered views kept for next time: ``show ID`` and ``show ID --reveal``.

Laying out a scenario's reveal takes longer than starting the program: importing and
building the scenario models (pydantic), reading the YAML, and laying out some 500
lines. What ``show`` prints depends only on the scenario file, the program and the
width, so the printed lines (text and style of each segment, not colour codes: the
console turns styles into colours as it prints, so ``NO_COLOR`` and the terminal's
colours still apply) are kept in ``<data dir>/cache/views/``, one JSON file per view,
under a key made of:

* the file's path and a hash of its bytes (an edited file is a new key);
* the program's version, the newest modification time of its modules and rich's
  (an upgraded or edited program is a new key);
* what is shown (brief or reveal), the width and the console's layout options.

A file is only ever cached after it was read and validated, so a view shown from the
cache is one of a valid file. The cache is a cache: deleting it is harmless, a data
directory that cannot be written only makes ``show`` slower, and an unreadable entry is
rendered again. At most :data:`MAX_ENTRIES` views are kept; the oldest go first.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Final

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from mockinterview import __version__, paths
from mockinterview.ui.flow import as_printed

__all__ = ["MAX_ENTRIES", "Replay", "key", "load", "record", "save"]

FORMAT: Final = 1
MAX_ENTRIES: Final = 64
#: Largest scenario file hashed for a key (bigger ones are rendered every time).
MAX_BYTES: Final = 8 * 1024 * 1024


def folder() -> Path:
    return paths.data_dir() / "cache" / "views"


class Replay:
    """Printed lines, as segments, shown again exactly as they were laid out."""

    __slots__ = ("lines",)

    def __init__(self, lines: list[list[Segment]]) -> None:
        self.lines = lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in self.lines:
            yield from line


def _newest(top: Path) -> tuple[int, int]:
    """The newest modification time of the ``.py`` files under ``top``, and how many there are."""
    newest = count = 0
    stack = [str(top)]
    while stack:
        with os.scandir(stack.pop()) as it:
            for entry in it:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        stack.append(entry.path)
                elif entry.name.endswith(".py"):
                    count += 1
                    newest = max(newest, entry.stat().st_mtime_ns)
    return newest, count


@lru_cache(maxsize=1)
def _program() -> list[object]:
    import rich

    import mockinterview

    return [__version__, *_newest(Path(mockinterview.__file__).parent), *_newest(Path(rich.__file__).parent)]


def key(path: Path, out: Console, what: str) -> str | None:
    """The cache key of ``what`` (``brief``, ``reveal``) for the scenario file at ``path``
    printed on ``out``; None when the file cannot be read (rendering reports why)."""
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
        program = _program()
    except OSError:
        return None
    if len(data) > MAX_BYTES:
        return None
    opts = out.options
    parts = [FORMAT, *program, str(path), hashlib.sha256(data).hexdigest(), what, out.width, opts.ascii_only,
             opts.legacy_windows, out.tab_size]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:32]


@lru_cache(maxsize=256)
def _style(text: str | None) -> Style | None:
    return None if text is None else Style.parse(text)


def load(cache_key: str | None) -> Replay | None:
    """The view kept under ``cache_key``, or None (never kept, or unreadable)."""
    if cache_key is None:
        return None
    try:
        data = json.loads((folder() / f"{cache_key}.json").read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            return None
        return Replay([[Segment(text, _style(style)) for text, style in line] for line in data["lines"]])
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def record(out: Console, parts: Iterable[RenderableType]) -> Replay:
    """``parts`` laid out as ``out.print`` lays each out, as lines of segments."""
    lines: list[list[Segment]] = []
    for part in parts:
        shown = as_printed(part) if isinstance(part, Text) else part
        for line in Segment.split_and_crop_lines(out.render(shown, out.options), out.width, pad=False):
            lines.append(list(Segment.simplify(line)))  # one segment per run of one style
    return Replay(lines)


def _encoded(replay: Replay) -> Iterator[list[list[str | None]]]:
    for line in replay.lines:
        row: list[list[str | None]] = []
        for seg in line:
            if seg.control:
                raise ValueError("a control segment is not kept")
            row.append([seg.text, None if seg.style is None or not seg.style else str(seg.style)])
        yield row


def save(cache_key: str | None, replay: Replay) -> None:
    """Keep ``replay`` under ``cache_key``; any problem only means it is not kept."""
    if cache_key is None:
        return
    from mockinterview.files import atomic_write

    try:
        text = json.dumps({"format": FORMAT, "lines": list(_encoded(replay))}, ensure_ascii=False,
                          separators=(",", ":"))
        where = folder()
        atomic_write(where / f"{cache_key}.json", text)
        kept = sorted(where.glob("*.json"), key=lambda p: p.stat().st_mtime_ns)
        for old in kept[:-MAX_ENTRIES]:
            old.unlink(missing_ok=True)
    except (OSError, ValueError):
        return
