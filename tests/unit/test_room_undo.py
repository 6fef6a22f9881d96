"""The notes' undo cap (ui/room/undo.py) leans on prompt_toolkit's private
``Buffer._undo_stack``. These tests fail loudly when prompt_toolkit changes it, so the
cap is fixed before the room's memory grows without bound again."""

from __future__ import annotations

from prompt_toolkit.buffer import Buffer
from prompt_toolkit.document import Document

from mockinterview.ui.room import undo


def typed(buffer: Buffer, keys: int) -> None:
    """What a keystroke does: save the state for undo (as the key processor does), then change the text."""
    for i in range(keys):
        buffer.save_to_undo_stack()
        buffer.insert_text("abcdefghij"[i % 10])


def test_prompt_toolkit_still_keeps_its_undo_states_in_a_private_list() -> None:
    buffer = Buffer()
    typed(buffer, 3)
    stack = getattr(buffer, "_undo_stack", None)
    assert isinstance(stack, list), "prompt_toolkit changed Buffer._undo_stack: fix mockinterview/ui/room/undo.py"
    assert len(stack) == 3 and all(isinstance(s, tuple) and isinstance(s[0], str) for s in stack)


def test_the_cap_keeps_the_newest_states_and_undo_still_works() -> None:
    buffer = Buffer()
    buffer.on_text_changed += lambda b: undo.cap(b, 5)
    typed(buffer, 50)
    assert len(buffer._undo_stack) <= 5
    before = buffer.text
    buffer.undo()
    assert buffer.text == before[:-1]  # the last keystroke undone
    for _ in range(10):
        buffer.undo()
    assert len(buffer.text) >= 50 - 6  # only as far back as the cap: the older states are gone


def test_the_room_caps_at_its_depth_and_a_buffer_without_the_list_is_left_alone() -> None:
    buffer = Buffer(document=Document("x" * 10))
    buffer.on_text_changed += lambda b: undo.cap(b)
    typed(buffer, undo.DEPTH + 50)
    assert len(buffer._undo_stack) == undo.DEPTH

    class Odd:
        _undo_stack = None

    undo.cap(Odd())  # type: ignore[arg-type]  # no list: nothing to trim, no error
