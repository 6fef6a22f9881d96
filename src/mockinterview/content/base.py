"""Shared building blocks for the content models (scenarios, rubric, score files)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

from mockinterview.vocab import IDENT_PATTERN, SLUG_PATTERN

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=64)]
Ident = Annotated[str, StringConstraints(pattern=IDENT_PATTERN, max_length=64)]
Text = Annotated[str, StringConstraints(min_length=1)]


class Strict(BaseModel):
    """Content written by people: unknown fields are errors, values are immutable, and a
    number must be finite (``"inf"``, ``"nan"`` or ``"1e400"`` in a number field is an error)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False, allow_inf_nan=False)
