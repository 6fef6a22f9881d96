"""The derived mark in terminal views: one quiet ``†`` after content the seed documents
do not state, and the line that explains it, printed once per view if a mark was shown."""

from __future__ import annotations

from collections.abc import Iterator

from rich.text import Text

from mockinterview.wording import DERIVED_MARK, DERIVED_NOTE

__all__ = ["Marks"]


class Marks:
    """Hands out the mark and remembers whether one was shown, so the view can end with
    the footnote only then. One per view: a view made of parts shares one."""

    __slots__ = ("used",)

    def __init__(self) -> None:
        self.used = False

    def after(self, text: Text, derived: bool) -> Text:
        """``text`` with `` †`` appended when ``derived`` (changed in place, and returned)."""
        if derived:
            self.used = True
            text.append(f" {DERIVED_MARK}", style="derived")
        return text

    def footnote(self) -> Iterator[Text]:
        """The explanation: nothing if no mark was shown."""
        if self.used:
            yield Text(f"{DERIVED_MARK} {DERIVED_NOTE}", style="derived")
