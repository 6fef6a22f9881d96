"""Small pieces of English shared by messages and views."""

from __future__ import annotations

from typing import Final

#: The one mark every view puts after content the seed documents do not state, and
#: the one sentence that explains it (shown once per view, only if a mark is shown).
DERIVED_MARK: Final = "†"
DERIVED_NOTE: Final = "written for this coach; not in the source interview"


def plural(n: int, word: str) -> str:
    """``1 interview``, ``3 interviews``."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def article(word: str) -> str:
    """``a`` or ``an`` for ``word``."""
    return "an" if word[:1].lower() in "aeiou" else "a"


def ago(days: float | None) -> str:
    """``today``, ``yesterday``, ``5 days ago``; ``never`` for ``None``."""
    if days is None:
        return "never"
    d = int(days)
    return "today" if d == 0 else "yesterday" if d == 1 else f"{d} days ago"
