"""A :class:`~mockinterview.ui.doc.Doc` as a standalone HTML page.

One file, nothing fetched: semantic markup (``header``, ``main``, ``section``, real
tables with header cells, lists, ``pre`` for notes), a small embedded stylesheet that
reads from 375 px phones to 1,400 px screens and in print, and no script. Colour is
never the only signal: every verdict and judgement is also a word or a symbol. Every
piece of text is cleaned of control characters, then HTML-escaped.
"""

from __future__ import annotations

import html as _html
from collections.abc import Sequence

from mockinterview import __version__
from mockinterview.textsafe import clean
from mockinterview.ui.doc import Block, Bullets, Chart, Doc, Heading, Inline, Item, Notes, Para, Table, inline_text

__all__ = ["STYLESHEET", "esc", "to_html"]

STYLESHEET = """
:root {
  --ink: #1d1f23; --muted: #5b616b; --line: #d9dce1; --paper: #ffffff; --tint: #f4f5f7;
  --good: #1b6e35; --warn: #8a5a00; --bad: #a8231d; --accent: #1c5d99;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root { --ink: #e6e7ea; --muted: #a3a8b1; --line: #3a3e45; --paper: #16181c; --tint: #20232a;
          --good: #6fcf8e; --warn: #e0b050; --bad: #f08a84; --accent: #7ab3ea; }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: var(--paper); color: var(--ink);
       font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 1.25rem 1rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .25rem; overflow-wrap: anywhere; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; padding-bottom: .2rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .35rem; overflow-wrap: anywhere; }
p, ul, ol { margin: .35rem 0 .75rem; }
ul, ol { padding-left: 1.25rem; }
li { margin: .2rem 0; overflow-wrap: anywhere; }
li > ul { margin: .2rem 0; }
header.top { border-bottom: 2px solid var(--line); padding-bottom: .75rem; }
.lead { font-size: 1.1rem; }
.muted, .footnote { color: var(--muted); }
.footnote { font-size: .9rem; }
.verdict { font-weight: 700; padding: 0 .35em; border: 1px solid currentColor; border-radius: .3em; white-space: nowrap; }
.tone-strong-pass, .good { color: var(--good); }
.tone-pass { color: var(--good); }
.tone-weak-pass, .warn { color: var(--warn); }
.tone-no-pass, .bad { color: var(--bad); }
.mark { color: var(--muted); font-weight: 400; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .92em;
       background: var(--tint); padding: 0 .25em; border-radius: .2em; }
td code { white-space: nowrap; }
.table-wrap { overflow-x: auto; margin: .5rem 0 1rem; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
caption { text-align: left; color: var(--muted); font-size: .9rem; padding-bottom: .25rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid var(--line); }
thead th { font-weight: 600; background: var(--tint); }
tbody th { font-weight: 400; }
td.num, th.num { text-align: right; }
td.num { white-space: nowrap; }
tr.group td { font-weight: 600; background: var(--tint); }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--tint); border: 1px solid var(--line);
      border-radius: .3rem; padding: .6rem .75rem; font: .9rem/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
figure { margin: .75rem 0 1.25rem; }
figure svg { display: block; width: 100%; height: auto; max-width: 44rem; }
figcaption { color: var(--muted); font-size: .9rem; }
svg text { fill: var(--muted); font: 11px system-ui, sans-serif; }
svg .axis { stroke: var(--line); }
svg .series { stroke: var(--accent); fill: none; stroke-width: 2; }
svg .dot { fill: var(--accent); }
svg .cut { stroke: var(--muted); stroke-dasharray: 3 3; }
footer { margin-top: 2.5rem; border-top: 1px solid var(--line); padding-top: .5rem; }
@media (max-width: 30rem) {
  main { padding: .75rem .6rem 2rem; }
  h1 { font-size: 1.35rem; }
  th, td { padding: .25rem .3rem; }
  table { font-size: .9rem; }
  body { font-size: .95rem; }
  table.stack thead { position: absolute; left: -9999px; }
  table.stack, table.stack tbody, table.stack tr, table.stack th, table.stack td { display: block; width: auto; }
  table.stack tr { border-bottom: 1px solid var(--line); padding: .3rem 0; }
  table.stack tbody th { font-weight: 600; }
  table.stack th, table.stack td { border: 0; padding: .05rem .3rem; text-align: left; white-space: normal; }
  table.stack td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); }
  table.stack td:empty { display: none; }
}
@media print {
  :root { --ink: #000; --muted: #444; --line: #999; --paper: #fff; --tint: #fff; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
  table, figure, pre, li { break-inside: avoid; }
  .table-wrap { overflow: visible; }
}
"""


def esc(text: str) -> str:
    """Text from anywhere, safe between tags: control characters shown, then escaped."""
    return _html.escape(clean(text), quote=True)


def _tone(text: str) -> str:
    return "-".join(text.lower().split())


def _inline(content: Sequence[Inline]) -> str:
    out: list[str] = []
    for c in content:
        if isinstance(c, str):
            out.append(esc(c))
            continue
        text = esc(c.text)
        if c.role == "strong":
            out.append(f"<strong>{text}</strong>")
        elif c.role == "em":
            out.append(f"<em>{text}</em>")
        elif c.role == "code":
            out.append(f"<code>{text}</code>")
        elif c.role == "verdict":
            out.append(f'<strong class="verdict tone-{esc(_tone(c.tone or c.text))}">{text}</strong>')
        elif c.role == "svg":  # a chart from mockinterview.ui.charts (its words are in ``text``)
            out.append(c.tone)
        elif c.role == "mark":
            out.append(f'<span class="mark" title="{esc(c.tone)}">{text}</span>' if c.tone else f'<span class="mark">{text}</span>')
        else:  # muted, good, warn, bad
            out.append(f'<span class="{esc(c.role)}">{text}</span>')
    return "".join(out)


def _items(items: Sequence[Item], ordered: bool) -> str:
    tag = "ol" if ordered else "ul"
    parts = []
    for item in items:
        inner = _inline(item.content)
        if item.children:
            inner += _items(item.children, False)
        parts.append(f"<li>{inner}</li>")
    return f"<{tag}>{''.join(parts)}</{tag}>"


def _table(t: Table) -> str:
    align = t.align.ljust(len(t.header), "l")
    cls = [' class="num"' if a == "r" else "" for a in align]
    head = "".join(f'<th scope="col"{cls[i]}>{esc(h)}</th>' for i, h in enumerate(t.header))
    rows = []
    for row in t.rows:
        if len(row) > 1 and all(not inline_text(cell) for cell in row[1:]):  # a group's heading row
            rows.append(f'<tr class="group"><td colspan="{len(t.header)}">{_inline(row[0])}</td></tr>')
            continue
        cells = []
        for i, cell in enumerate(row):
            c = cls[i] if i < len(cls) else ""
            tag = "th" if i == 0 else "td"
            scope = ' scope="row"' if i == 0 else ""
            label = f' data-label="{esc(t.header[i])}"' if i and i < len(t.header) and t.header[i] else ""
            cells.append(f"<{tag}{scope}{c}{label}>{_inline(cell)}</{tag}>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    caption = f"<caption>{esc(t.caption)}</caption>" if t.caption else ""
    stacked = ' class="stack"' if t.stack and len(t.header) >= 4 else ""
    return (
        f'<div class="table-wrap"><table{stacked}>{caption}<thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _block(block: Block) -> str:
    if isinstance(block, Para):
        role = f' class="{esc(block.role)}"' if block.role else ""
        return f"<p{role}>{_inline(block.content)}</p>"
    if isinstance(block, Heading):
        level = max(3, min(6, block.level))
        return f"<h{level}>{esc(block.text)}</h{level}>"
    if isinstance(block, Bullets):
        return _items(block.items, block.ordered)
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Notes):
        return f"<h3>{esc(block.title)}</h3><pre>{esc(block.text)}</pre>"
    if isinstance(block, Chart):
        return f'<figure role="img" aria-label="{esc(block.alt)}">{block.svg}<figcaption>{esc(block.alt)}</figcaption></figure>'
    raise TypeError(f"unknown block {block!r}")  # pragma: no cover - every Block is handled above


def to_html(doc: Doc) -> str:
    """The whole page: one string, UTF-8, no external requests."""
    lead = "".join(_block(p) for p in doc.lead)
    sections = []
    for s in doc.sections:
        anchor = esc(s.anchor)
        body = "".join(_block(b) for b in s.blocks)
        sections.append(f'<section id="{anchor}" aria-labelledby="{anchor}-h"><h2 id="{anchor}-h">{esc(s.title)}</h2>{body}</section>')
    notes = "".join(_block(p) for p in doc.footnotes)
    made = f'<p class="footnote">Made with mockinterview {esc(__version__)}.</p>'
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="mockinterview {esc(__version__)}">\n'
        f"<title>{esc(doc.title)}</title>\n<style>{STYLESHEET}</style>\n</head>\n<body>\n<main>\n"
        f'<header class="top"><h1>{esc(doc.title)}</h1>{lead}</header>\n'
        + "\n".join(sections)
        + f"\n<footer>{notes}{made}</footer>\n</main>\n</body>\n</html>\n"
    )
