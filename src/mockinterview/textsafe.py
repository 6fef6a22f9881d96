"""Terminal-safe text: the one definition of a control character we refuse to print.

Text from files (scenarios, rubrics, notes, imported data) may hold C0 or C1 control
characters that a terminal obeys: ``ESC [ 2 J`` clears the screen, ``ESC ] 52`` writes
the clipboard, ``\\x9b`` is an 8-bit CSI. :data:`CONTROL_RE` matches every such
character except newline and tab; :func:`clean` shows each one visibly instead, the way
``cat -v`` does, so nothing is hidden and nothing is obeyed:

- C0 characters and DEL in caret notation: ``\\x1b`` -> ``^[``, ``\\x07`` -> ``^G``,
  ``\\r`` -> ``^M``, ``\\x00`` -> ``^@``, ``\\x7f`` -> ``^?``;
- C1 characters (U+0080..U+009F) as their code in angle brackets: ``\\x9b`` -> ``<9b>``.

This module imports nothing but ``re``: start-up paths and the core may use it freely.
"""

from __future__ import annotations

import re
from typing import Final

#: One C0 control (except ``\\n`` and ``\\t``), DEL, or one C1 control.
CONTROL_RE: Final = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(char: str) -> str:
    """The visible form of one control character (see the module docstring)."""
    code = ord(char)
    if code < 0x20:
        return "^" + chr(code + 0x40)
    if code == 0x7F:
        return "^?"
    return f"<{code:02x}>"


def has_control(text: str) -> bool:
    """Whether ``text`` holds a character :func:`clean` would replace."""
    return CONTROL_RE.search(text) is not None


def clean(text: str) -> str:
    """``text`` with every control character (other than newline and tab) made visible."""
    if CONTROL_RE.search(text) is None:
        return text
    return CONTROL_RE.sub(lambda m: visible(m.group()), text)
