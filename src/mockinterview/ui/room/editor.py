"""^E: the notes in the candidate's own editor, and back.

The file is written with a final newline (an editor, and ``cat``, expect one) and
the one newline an editor adds at the end is taken off again, so a round trip
without changes gives back exactly the same notes. The editor is ``$VISUAL``, else
``$EDITOR`` (either may hold arguments: ``code --wait``), else the first of the
usual ones found.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path

from mockinterview.errors import EditorFailed

FALLBACKS = ("/usr/bin/editor", "/usr/bin/nano", "/usr/bin/pico", "/usr/bin/vi", "/usr/bin/emacs")


def editors() -> list[list[str]]:
    """The editor commands to try, in order."""
    found = [shlex.split(os.environ[name]) for name in ("VISUAL", "EDITOR") if os.environ.get(name, "").strip()]
    return found + [[path] for path in FALLBACKS]


def edit(text: str) -> str:
    """Open ``text`` in the editor; return what was saved. Raises :class:`EditorFailed`."""
    fd, name = tempfile.mkstemp(prefix="mockinterview-notes-", suffix=".txt")
    path = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text + "\n")
        for command in editors():
            try:
                code = subprocess.call([*command, str(path)])
            except OSError:  # not installed, not executable: try the next one
                continue
            if code != 0:
                raise EditorFailed(f"the editor {command[0]} exited with status {code}; your notes are unchanged")
            edited = path.read_text(encoding="utf-8", errors="replace")
            return edited[:-1] if edited.endswith("\n") else edited
        raise EditorFailed("no editor found: set $EDITOR (for example EDITOR=nano)")
    finally:
        path.unlink(missing_ok=True)
