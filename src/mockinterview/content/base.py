"""Shared building blocks for the content models (scenarios, rubric, score files).

Numbers and booleans are **strict**, as the JSON Schema says: ``"1000"`` (text) is not
the number 1000 and ``"yes"`` is not ``true``. The one conversion kept is the one JSON
Schema makes too: a whole number written with a zero fraction (``60.0``) is an integer.
Every number and boolean field of the format uses :data:`Number`, :data:`Whole` or
:data:`Flag` (a test holds them to it).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, StringConstraints
from pydantic import Strict as StrictInput

from mockinterview.vocab import IDENT_PATTERN, SLUG_PATTERN

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=64)]
Ident = Annotated[str, StringConstraints(pattern=IDENT_PATTERN, max_length=64)]
Text = Annotated[str, StringConstraints(min_length=1)]


def integral(value: object) -> object:
    """``60.0`` -> ``60``: JSON Schema's ``integer`` accepts a number with a zero fraction."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


#: A number: an integer or a float, never text or a boolean.
Number = Annotated[float, StrictInput()]
#: A whole number (``60`` or ``60.0``), never text, a fraction or a boolean.
Whole = Annotated[int, BeforeValidator(integral), StrictInput()]
#: ``true`` or ``false``, never ``"yes"``, ``1`` or text.
Flag = Annotated[bool, StrictInput()]
# (Constraints on a whole number inside another type go before the validator, so the
# schema shows them: ``Annotated[int, Field(ge=1), BeforeValidator(integral), StrictInput()]``.)


class Strict(BaseModel):
    """Content written by people: unknown fields are errors, values are immutable, and a
    number must be finite (``"inf"``, ``"nan"`` or ``"1e400"`` in a number field is an error)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False, allow_inf_nan=False)
