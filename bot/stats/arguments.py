"""Command-line options of `firststeps stats` and `firststeps demo-data`.

Kept apart from the commands so that building the `firststeps` parser imports nothing heavy.
"""

from __future__ import annotations

import argparse

from bot.stats.period import KINDS


def add_stats_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--period", choices=KINDS, default="week", help="day, week, month or custom")
    parser.add_argument("--date", help="a day in the period (default today), YYYY-MM-DD")
    parser.add_argument("--from", dest="first", help="first day of a custom period")
    parser.add_argument("--to", dest="last", help="last day of a custom period")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="every table as JSON")
    output.add_argument("--csv", metavar="TABLE", help="one table as CSV (summary, domains, topics, …)")
    output.add_argument("--conversations", action="store_true", help="one CSV row per conversation")
    parser.add_argument(
        "--rebuild", action="store_true", help="recount all rollups from the events first (after an import)"
    )


def add_demo_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--events", type=int, default=100_000, help="about how many events (default 100000)")
    parser.add_argument("--days", type=int, default=120, help="over how many days up to today (default 120)")
    parser.add_argument("--seed", type=int, default=7, help="random seed: the same seed, the same data")
