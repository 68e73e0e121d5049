"""The reply markup: every channel shows the same answer, and nothing typed becomes markup."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from content.markup import escape, to_html, to_plain, to_telegram_html, validate, visible_length

ANSWER = "Call **112**.\n\n- Blue Line: 800 120 002\n- [gov.pl](https://www.gov.pl/web/gov)\n\nA < B & C"


def test_telegram_html_uses_only_bold_and_links_and_escapes_the_rest() -> None:
    html = to_telegram_html(ANSWER)
    assert "<b>112</b>" in html
    assert '• <a href="https://www.gov.pl/web/gov">gov.pl</a>' in html
    assert "A &lt; B &amp; C" in html


def test_web_html_escapes_and_opens_links_safely() -> None:
    html = to_html('<script>alert(1)</script> [x](https://a.pl/?q="1") **b**')
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'rel="noopener noreferrer"' in html and "&quot;1&quot;" in html
    assert "<strong>b</strong>" in html


def test_plain_text_writes_links_out() -> None:
    assert "gov.pl (https://www.gov.pl/web/gov)" in to_plain(ANSWER)


def test_visible_length_counts_labels_not_urls() -> None:
    assert visible_length("[gov](https://www.gov.pl/a/very/long/path/that/is/not/shown)") == 3


def test_validate_finds_unclosed_bold_and_plain_http() -> None:
    assert validate("a **b")
    assert validate("[x](http://insecure.example)")
    assert validate(ANSWER) == []


@given(st.text(max_size=300))
def test_user_text_never_becomes_telegram_markup(text: str) -> None:
    rendered = to_telegram_html(escape(text))
    assert "<b>" not in rendered and "<a " not in rendered.replace("&lt;a ", "")
