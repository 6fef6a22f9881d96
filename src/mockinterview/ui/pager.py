"""Long output through a pager, as git does it.

Output goes through a pager only when standard output is a terminal and the output is
taller than it; never into a pipe or a file. The pager is ``$MOCKINTERVIEW_PAGER``, else
``$PAGER``, else ``less`` (or ``more``). An empty value or ``cat`` turns paging off, as
does ``mockinterview --no-pager``. ``less`` is given ``LESS=FRX`` unless ``LESS`` is set,
so colours show and a screenful or less is printed as it is.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterable

from rich.console import Console, RenderableType

__all__ = ["PAGER_ENV", "page", "pager_command", "should_page", "show_in_pager"]

PAGER_ENV = "MOCKINTERVIEW_PAGER"


def pager_command() -> list[str] | None:
    """The pager to run, as argv, or None when paging is off or no pager exists."""
    for name in (PAGER_ENV, "PAGER"):
        value = os.environ.get(name)
        if value is not None:
            value = value.strip()
            if value in ("", "cat"):
                return None
            try:
                argv = shlex.split(value)
            except ValueError:
                return None
            return argv if argv and shutil.which(argv[0]) else None
    for fallback in ("less", "more"):
        found = shutil.which(fallback)
        if found:
            return [found]
    return None


def should_page(out: Console, lines: int, *, enabled: bool = True) -> bool:
    """Page ``lines`` of output? Only to a terminal, only when taller than it."""
    if not enabled or not out.is_terminal or not sys.stdout.isatty():
        return False
    return lines > max(1, out.height - 1)


def show_in_pager(argv: list[str], text: str) -> bool:
    """Send ``text`` to the pager; False if it could not be started (print it instead)."""
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    env.setdefault("LV", "-c")
    try:
        proc = subprocess.Popen(argv, stdin=subprocess.PIPE, env=env)
    except OSError:
        return False
    assert proc.stdin is not None
    try:
        proc.stdin.write(text.encode(sys.stdout.encoding or "utf-8", errors="replace"))
        proc.stdin.close()
    except BrokenPipeError:  # the reader quit before the end: that is what q is for
        pass
    while True:
        try:
            proc.wait()
            break
        except KeyboardInterrupt:  # ^C belongs to the pager (less ignores it); wait for it to end
            continue
    return True


def page(out: Console, parts: Iterable[RenderableType], *, enabled: bool = True, soft_wrap: bool = False) -> None:
    """Print ``parts`` on ``out``, through the pager when it is a terminal they overflow."""
    argv = pager_command() if enabled and out.is_terminal else None
    if argv is None:
        for part in parts:
            out.print(part, soft_wrap=soft_wrap)
        return
    with out.capture() as captured:
        for part in parts:
            out.print(part, soft_wrap=soft_wrap)
    text = captured.get()
    if should_page(out, text.count("\n"), enabled=enabled) and show_in_pager(argv, text):
        return
    out.file.write(text)
    out.file.flush()
