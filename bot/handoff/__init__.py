"""Handing conversations to CWII advisors and carrying them both ways until the case is closed.

One job per module: `cases` (lifecycle and atomic claims), `hours` (office hours), `wait` (the expected
wait and what a person is told), `summary` (what the advisor sees first), `relay` (advisors' actions from
any desk and what waits to be carried), `bus` (in-process news that wakes the carriers). Channel-specific
carrying lives with each channel (bot/channels/telegram/advisors.py, the web chat, the console).
See docs/HANDOFF.md.
"""
