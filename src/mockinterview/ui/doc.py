"""A small document model for exports, and its Markdown form.

Reports (the scorecard, the progress summary) are built once as a :class:`Doc` of
headings, paragraphs, lists, tables, notes and charts; :func:`to_markdown` and
:func:`mockinterview.ui.html.to_html` render the same document, so every format carries
the same content. Text is always plain text here: each renderer escapes it (Markdown
and HTML metacharacters, control characters), so text from files can never become
markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from mockinterview.textsafe import clean

__all__ = [
    "Bullets",
    "Chart",
    "Doc",
    "Heading",
    "Inline",
    "Item",
    "Notes",
    "Para",
    "Section",
    "Span",
    "Table",
    "inline_text",
    "md_escape",
    "md_fenced",
    "to_markdown",
]


@dataclass(frozen=True)
class Span:
    """Inline text with a role: ``strong``, ``em``, ``muted``, ``code``, ``mark`` (the
    derived mark, ``tone`` its explanation), ``good`` / ``warn`` / ``bad`` (a judgement,
    always also said in words), ``verdict`` (``tone``: the verdict), or ``svg`` (a chart
    made by :mod:`mockinterview.ui.charts` in ``tone``, its words in ``text``; only that
    module makes these, never from file text)."""

    text: str
    role: str = "strong"
    tone: str = ""


Inline = str | Span


def _inlines(content: Inline | Sequence[Inline]) -> tuple[Inline, ...]:
    if isinstance(content, str | Span):
        return (content,)
    return tuple(content)


@dataclass(frozen=True)
class Para:
    content: tuple[Inline, ...]
    role: str = ""  # "" | "muted" | "lead" | "footnote"

    @classmethod
    def of(cls, *content: Inline, role: str = "") -> Para:
        return cls(tuple(content), role)


@dataclass(frozen=True)
class Item:
    content: tuple[Inline, ...]
    children: tuple[Item, ...] = ()

    @classmethod
    def of(cls, *content: Inline, children: Sequence[Item] = ()) -> Item:
        return cls(tuple(content), tuple(children))


@dataclass(frozen=True)
class Bullets:
    items: tuple[Item, ...]
    ordered: bool = False


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[tuple[Inline, ...], ...], ...]
    align: str = ""  # one l or r per column
    caption: str = ""
    stack: bool = True  # on a phone, each row may become a block of "header: value" lines

    @classmethod
    def of(
        cls,
        header: Sequence[str],
        rows: Sequence[Sequence[Inline | Sequence[Inline]]],
        align: str = "",
        caption: str = "",
        *,
        stack: bool = True,
    ) -> Table:
        return cls(tuple(header), tuple(tuple(_inlines(c) for c in r) for r in rows), align, caption, stack)


@dataclass(frozen=True)
class Notes:
    """Text the candidate wrote, shown verbatim (a fenced block, a ``<pre>``)."""

    title: str
    text: str


@dataclass(frozen=True)
class Chart:
    """An inline SVG chart (HTML only) and what it shows in words (every other format)."""

    svg: str
    alt: str


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 3


Block = Para | Bullets | Table | Notes | Chart | Heading


@dataclass
class Section:
    title: str
    blocks: list[Block] = field(default_factory=list)
    anchor: str = ""

    def add(self, *blocks: Block) -> Section:
        self.blocks += blocks
        return self


@dataclass
class Doc:
    title: str
    lead: list[Para] = field(default_factory=list)  # under the title: the headline
    sections: list[Section] = field(default_factory=list)
    footnotes: list[Para] = field(default_factory=list)

    def section(self, title: str, anchor: str = "") -> Section:
        s = Section(title, anchor=anchor or re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-"))
        self.sections.append(s)
        return s


# --------------------------------------------------------------------------- Markdown

_MD_ESCAPES = str.maketrans({c: "\\" + c for c in "\\`*_[]|"})


def md_escape(text: str) -> str:
    """File text as inline Markdown that reads as written: control characters shown,
    HTML escaped (``<script>`` is text, not a tag), backslashes, backticks, emphasis
    marks, link brackets and table bars escaped, and line breaks folded so a line
    cannot start a heading, a list or a table row."""
    text = html.escape(clean(text), quote=False).translate(_MD_ESCAPES)
    return re.sub(r"[ \t]*\n\s*", " ", text)


def md_fenced(notes: str) -> str:
    """Notes for a ```text block: shown verbatim by every renderer (``<`` and ``->`` too),
    so only control characters are made visible and no line can close the fence."""
    return clean(notes).replace("```", "'''")


def inline_text(content: Sequence[Inline]) -> str:
    """The plain words of inline content (for alt text and the terminal)."""
    return "".join(c if isinstance(c, str) else c.text for c in content)


def _md_wrapped(text: str, marker: str) -> str:
    """``text`` emphasised, its outer spaces outside the markers (``*Instead:* ``): Markdown
    does not close an emphasis that ends in a space."""
    body = text.strip()
    if not body:
        return md_escape(text)
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    return f"{lead}{marker}{md_escape(body)}{marker}{trail}"


def _md_inline(content: Sequence[Inline]) -> str:
    out: list[str] = []
    for c in content:
        if isinstance(c, str):
            out.append(md_escape(c))
        elif c.role in ("strong", "verdict"):
            out.append(_md_wrapped(c.text, "**"))
        elif c.role == "em":
            out.append(_md_wrapped(c.text, "*"))
        elif c.role == "code":
            out.append(f"`{clean(c.text).replace('`', '')}`")
        else:  # muted, mark, good, warn, bad: the words carry the meaning
            out.append(md_escape(c.text))
    return "".join(out)


def _md_items(items: Sequence[Item], ordered: bool, depth: int = 0) -> list[str]:
    lines: list[str] = []
    for i, item in enumerate(items, 1):
        bullet = f"{i}." if ordered else "-"
        lines.append(f"{'  ' * depth}{bullet} {_md_inline(item.content)}")
        lines += _md_items(item.children, False, depth + 1)
    return lines


def _md_block(block: Block) -> list[str]:
    if isinstance(block, Para):
        text = _md_inline(block.content)
        return [f"*{text}*" if block.role == "muted" and text else text, ""]
    if isinstance(block, Heading):
        return [f"{'#' * block.level} {md_escape(block.text)}", ""]
    if isinstance(block, Bullets):
        return [*_md_items(block.items, block.ordered), ""]
    if isinstance(block, Table):
        align = block.align.ljust(len(block.header), "l")
        lines = [
            "| " + " | ".join(md_escape(h) for h in block.header) + " |",
            "|" + "|".join("---:" if a == "r" else "---" for a in align[: len(block.header)]) + "|",
        ]
        lines += ["| " + " | ".join(_md_inline(c) for c in row) + " |" for row in block.rows]
        return [*([f"*{md_escape(block.caption)}*", ""] if block.caption else []), *lines, ""]
    if isinstance(block, Notes):
        return [f"### {md_escape(block.title)}", "", "```text", md_fenced(block.text), "```", ""]
    return [f"*{md_escape(block.alt)}*", ""]  # a chart: its words


def to_markdown(doc: Doc) -> str:
    lines = [f"# {md_escape(doc.title)}", ""]
    for p in doc.lead:
        lines += _md_block(p)
    for s in doc.sections:
        lines += [f"## {md_escape(s.title)}", ""]
        for b in s.blocks:
            lines += _md_block(b)
    if doc.footnotes:
        lines += ["---", ""]
        for p in doc.footnotes:
            lines += _md_block(p)
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"
