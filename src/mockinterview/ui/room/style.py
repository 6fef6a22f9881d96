"""The room's colours. With ``NO_COLOR`` prompt_toolkit drops every colour by itself
(keeping bold); the bars are then drawn in reverse video so they still stand apart,
and overtime is bold (its ``OVER`` says the rest)."""

from __future__ import annotations

from prompt_toolkit.styles import Style

COLOUR = {
    "header.title": "bg:#1c3a4a #ffffff bold",
    "header.goal": "bg:#1c3a4a #c6d8e0",
    "pane.title": "#5f8787",
    "pane.title.focused": "#5fd7ff bold",
    "status": "bg:#303030 #d0d0d0",
    "status.time": "bg:#303030 #5fd75f bold",
    "status.over": "bg:#af0000 #ffffff bold",
    "status.paused": "bg:#af8700 #000000 bold",
    "status.message": "bg:#303030 #ffd75f",
    "status.warn": "bg:#5f0000 #ffd75f bold",
    "status.keys": "bg:#262626 #a8a8a8",
    "status.wait": "bg:#af8700 #000000 bold",
    "brief": "bg:#121212",
    "notice": "bold",
    "page.title": "bg:#1c3a4a #ffffff bold",
    "page.keys": "bg:#262626 #a8a8a8",
}

MONO = {
    **{k: "" for k in COLOUR},
    "header.title": "reverse bold",
    "header.goal": "reverse",
    "pane.title.focused": "bold",
    "status": "reverse",
    "status.time": "reverse",
    "status.over": "reverse bold",
    "status.paused": "reverse bold",
    "status.message": "reverse",
    "status.warn": "bold",
    "status.keys": "",
    "status.wait": "reverse bold",
    "notice": "bold",
    "page.title": "reverse bold",
}


def room_style(*, no_color: bool) -> Style:
    return Style.from_dict(MONO if no_color else COLOUR)
