"""Names shared by the models and the light code paths (no pydantic import here)."""

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
IDENT_PATTERN = r"^[a-z_][a-z0-9_]*$"
#: Scenario levels, easiest first.
LEVELS: tuple[str, ...] = ("entry", "mid", "senior")
