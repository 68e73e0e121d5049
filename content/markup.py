"""The small markup every reply is written in, and its renderers for each channel.

Guide answers and UI strings are written once in this markup (paragraphs, `- ` bullets, `**bold**`,
`[label](https://…)`, bare https links) and each channel renders it: Telegram HTML, web HTML, plain text.
Keeping the model this small is what lets every channel show every answer, and lets us escape all text
in one place: nothing written by a user or an editor can become markup in Telegram or in a browser.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

_INLINE = re.compile(
    r"\*\*(?P<bold>[^*\n]+?)\*\*"
    r"|\[(?P<label>[^\]\n]+)\]\((?P<url>https?://[^)\s]+)\)"
    r"|(?P<bare>https?://[^\s<>()\[\]]+[^\s<>()\[\].,;:!?\"'])"
)


@dataclass(frozen=True)
class Span:
    """A run of inline text: plain, bold, or a link (`url` set)."""

    text: str
    bold: bool = False
    url: str | None = None


@dataclass(frozen=True)
class Block:
    """A paragraph (its lines) or a bullet item; each line is a tuple of spans."""

    lines: tuple[tuple[Span, ...], ...]
    bullet: bool = False


class MarkupError(ValueError):
    """The text uses markup this format does not have (e.g. an unclosed `**`)."""


def parse_inline(line: str) -> tuple[Span, ...]:
    """Split one line into spans; text outside markup is kept exactly as written."""
    spans: list[Span] = []
    position = 0
    for match in _INLINE.finditer(line):
        if match.start() > position:
            spans.append(Span(line[position : match.start()]))
        if match.group("bold"):
            spans.append(Span(match.group("bold"), bold=True))
        elif match.group("label"):
            spans.append(Span(match.group("label"), url=match.group("url")))
        else:
            spans.append(Span(match.group("bare"), url=match.group("bare")))
        position = match.end()
    if position < len(line):
        spans.append(Span(line[position:]))
    return tuple(spans)


def parse(text: str) -> tuple[Block, ...]:
    """Parse markup into blocks. Lenient: anything unknown is shown as the characters typed."""
    blocks: list[Block] = []
    paragraph: list[tuple[Span, ...]] = []

    def flush() -> None:
        if paragraph:
            blocks.append(Block(tuple(paragraph)))
            paragraph.clear()

    for raw in text.replace("\r\n", "\n").split("\n"):
        line = raw.rstrip()
        if not line.strip():
            flush()
        elif line.lstrip().startswith(("- ", "• ")):
            flush()
            blocks.append(Block((parse_inline(line.lstrip()[2:].strip()),), bullet=True))
        else:
            paragraph.append(parse_inline(line))
    flush()
    return tuple(blocks)


def validate(text: str) -> list[str]:
    """Problems an editor must fix: markup left over after parsing (unclosed bold, broken links)."""
    problems = []
    for block in parse(text):
        for line in block.lines:
            for span in line:
                if span.url is None and "**" in span.text:
                    problems.append(f"unclosed or empty **bold** near {span.text.strip()[:40]!r}")
                if span.url is None and re.search(r"\]\(", span.text):
                    problems.append(f"broken link (use [label](https://…)) near {span.text.strip()[:40]!r}")
                if span.url is not None and not span.url.startswith("https://"):
                    problems.append(f"link is not https: {span.url}")
    return problems


def _render(blocks: tuple[Block, ...], span_renderer: Callable[[Span], str], bullet: str) -> str:
    parts = []
    for block in blocks:
        lines = ["".join(span_renderer(span) for span in line) for line in block.lines]
        parts.append((bullet if block.bullet else "") + "\n".join(lines))
    # Bullets of one list stay together; paragraphs are separated by an empty line.
    out: list[str] = []
    for index, (block, part) in enumerate(zip(blocks, parts, strict=True)):
        if index:
            out.append("\n" if block.bullet and blocks[index - 1].bullet else "\n\n")
        out.append(part)
    return "".join(out)


def _telegram_span(span: Span) -> str:
    text = html.escape(span.text, quote=False)
    if span.url is not None:
        return f'<a href="{html.escape(span.url, quote=True)}">{text}</a>'
    return f"<b>{text}</b>" if span.bold else text


def _plain_span(span: Span) -> str:
    if span.url is not None and span.text != span.url:
        return f"{span.text} ({span.url})"
    return span.text


def _visible_span(span: Span) -> str:
    return span.text


def to_telegram_html(text: str) -> str:
    """Telegram's HTML parse mode: only <b> and <a>, every other character escaped."""
    return _render(parse(text), _telegram_span, "• ")


def to_plain(text: str) -> str:
    """For the terminal and logs: links written out after their label."""
    return _render(parse(text), _plain_span, "• ")


def visible_length(text: str) -> int:
    """Characters a reader sees (link labels, not URLs): the measure of the length limits."""
    return len(_render(parse(text), _visible_span, "• "))


def to_html(text: str) -> str:
    """Web pages: paragraphs and lists, links opening in a new tab, every character escaped."""
    out: list[str] = []
    in_list = False
    for block in parse(text):
        if block.bullet and not in_list:
            out.append("<ul>")
            in_list = True
        elif not block.bullet and in_list:
            out.append("</ul>")
            in_list = False
        inner = "<br>".join("".join(_web_span(span) for span in line) for line in block.lines)
        out.append(f"<li>{inner}</li>" if block.bullet else f"<p>{inner}</p>")
    if in_list:
        out.append("</ul>")
    return "".join(out)


def _web_span(span: Span) -> str:
    text = html.escape(span.text, quote=True)
    if span.url is not None:
        url = html.escape(span.url, quote=True)
        return f'<a href="{url}" target="_blank" rel="noopener noreferrer">{text}</a>'
    return f"<strong>{text}</strong>" if span.bold else text


def escape(text: str) -> str:
    """Make user-written text safe to embed in markup: it is shown as typed, never as bold or a link."""
    return text.replace("**", "*\u200b*").replace("](", "]\u200b(")
