"""Rendering replies for Telegram: escaped HTML Telegram accepts, long replies split at paragraphs."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.channels.telegram.render import MAX_TEXT, render, render_reply, split_html, visible_length
from bot.core.types import Button, Outcome, Reply
from content.markup import to_telegram_html
from tests.telegram.emulator import parse_html

WORDS = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=12
)


def test_user_written_characters_are_shown_as_typed() -> None:
    [message] = render_reply(
        Reply('Ask <b>me</b> & "you" <script>x</script> **bold** [site](https://a.pl/?q=1&r=2)')
    )
    assert parse_html(message["text"]) == 'Ask <b>me</b> & "you" <script>x</script> bold site'
    assert "<b>bold</b>" in message["text"] and 'href="https://a.pl/?q=1&amp;r=2"' in message["text"]


def test_buttons_go_under_the_last_part_and_previews_are_off() -> None:
    paragraphs = "\n\n".join(f"Paragraph {i}: " + "word " * 150 for i in range(12))
    buttons = ((Button("👍", "1|fb|x|up"), Button("Site", url="https://example.pl")),)
    messages = render(Outcome("en", (Reply(paragraphs, buttons), Reply("Short."))))
    assert len(messages) == 4, "three parts of 4,096 characters at most, then the next reply"
    assert (
        "keyboard" not in messages[0]
        and "keyboard" not in messages[1]
        and messages[2]["keyboard"]
        == [[{"text": "👍", "callback_data": "1|fb|x|up"}, {"text": "Site", "url": "https://example.pl"}]]
    )
    assert all(message["preview"] is False for message in messages)
    assert messages[0]["text"].endswith("word") and messages[1]["text"].startswith("Paragraph"), (
        "split between"
    )
    assert all(visible_length(message["text"]) <= MAX_TEXT for message in messages)


def test_a_long_paragraph_is_split_between_lines_then_words() -> None:
    lines = "\n".join("line " + "x" * 50 for _ in range(100))
    parts = split_html(lines, 500)
    assert all(part.startswith("line") for part in parts)
    words = split_html("word " * 300, 100)
    assert all(len(part) <= 100 and not part.startswith(" ") for part in words)
    assert sum(len(part.split()) for part in words) == 300, "every word kept, none cut"


def test_tags_are_closed_and_reopened_across_a_split() -> None:
    parts = split_html("<b>" + "bold " * 50 + '</b> <a href="https://a.pl">' + "link " * 50 + "</a>", 60)
    for part in parts:
        parse_html(part)  # balanced, as Telegram requires
    assert parts[1].startswith("<b>") and any(part.startswith('<a href="https://a.pl">') for part in parts)


def test_telegram_counts_utf16_units() -> None:
    text = "😀" * 3000  # 6,000 UTF-16 units
    parts = split_html(text)
    assert len(parts) == 2 and all(visible_length(part) <= MAX_TEXT for part in parts)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["", "**", "- "]), st.lists(WORDS, min_size=1, max_size=30)),
        min_size=1,
        max_size=40,
    ),
    st.integers(min_value=20, max_value=400),
)
def test_any_markup_splits_into_valid_parts_that_keep_every_word(
    blocks: list[tuple[str, list[str]]], limit: int
) -> None:
    markup = "\n\n".join(
        f"**{' '.join(words)}**" if style == "**" else style + " ".join(words) for style, words in blocks
    )
    html = to_telegram_html(markup)
    parts = split_html(html, limit)
    visible = [parse_html(part) for part in parts]
    assert all(len(text.encode("utf-16-le")) // 2 <= limit or _one_char(text) for text in visible)
    assert _squash("".join(visible)) == _squash(parse_html(html)), "nothing lost but whitespace"


def _one_char(text: str) -> bool:
    return len(text) == 1


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)
