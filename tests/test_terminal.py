"""`firststeps chat`: buttons are numbered and a typed number presses one."""

from __future__ import annotations

from bot.channels.terminal import render, to_incoming
from bot.core.types import Button, Outcome, Reply


def test_buttons_are_numbered_across_replies_and_a_number_presses_one() -> None:
    outcome = Outcome(
        language="en",
        replies=(
            Reply("**PESEL** at the [office](https://gov.pl/x)", ((Button("More", "1|more|legal.pesel"),),)),
            Reply(
                "Was it helpful?",
                ((Button("Yes", "1|fb|legal.pesel|up"), Button("No", "1|fb|legal.pesel|down")),),
            ),
        ),
    )
    text, buttons = render(outcome)
    assert "PESEL at the office (https://gov.pl/x)" in text
    assert "[1] More" in text and "[2] Yes   [3] No" in text
    assert to_incoming("3", buttons, "me").payload == "1|fb|legal.pesel|down"
    assert to_incoming("4", buttons, "me").text == "4"
    assert to_incoming("pesel?", buttons, "me").text == "pesel?"
