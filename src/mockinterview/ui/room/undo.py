"""The notes' undo history, capped.

prompt_toolkit keeps one copy of the whole text per keystroke on a buffer's undo
stack, without a limit: with 2,000 lines of notes that is about 100 KB a keystroke.
It has no public setting for the depth, so :func:`cap` trims its private
``Buffer._undo_stack``; this is the only place that touches it, and
``tests/unit/test_room_undo.py`` fails loudly if prompt_toolkit changes it. If the
attribute is ever gone or no longer a list, :func:`cap` does nothing (the room keeps
working; only the memory cap is lost).
"""

from __future__ import annotations

from prompt_toolkit.buffer import Buffer

DEPTH = 200  # undo steps kept in the notes


def cap(buffer: Buffer, depth: int = DEPTH) -> None:
    """Keep the newest ``depth`` states of ``buffer``'s undo stack (called on each text change)."""
    stack = getattr(buffer, "_undo_stack", None)
    if isinstance(stack, list) and len(stack) > depth:
        del stack[: len(stack) - depth]
