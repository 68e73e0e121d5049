"""Every table of the dashboard, built once and shown three ways: on pages, as CSV, by `firststeps stats`.

The "<5" rule is applied here, when counts become cells (`bot.stats.cells`), so the three outputs cannot
differ. Rows are ordered by what may be shown (`ranked`): the order never tells a "<5" from another.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Literal

from bot.stats.cells import Cell, Column, ColumnKind, Duration, Row, Table, ranked
from bot.stats.definitions import OUTCOME_ORDER, UNKNOWN
from bot.stats.names import Names, _, language_keys
from bot.stats.privacy import Change, Count, Share, Timing
from bot.stats.report import Detail, Figures, Report


def _columns(names: Names, *specs: tuple[str, str, ColumnKind]) -> tuple[Column, ...]:
    return tuple(Column(cid, names.label(label), kind) for cid, label, kind in specs)


COMPARED: tuple[tuple[str, str, ColumnKind], ...] = (
    ("questions", _("Questions"), "count"),
    ("previous", _("Previous period"), "count"),
    ("change_percent", _("Change, %"), "change"),
)


def _compared(now: int, before: int) -> tuple[Cell, ...]:
    return Count(now), Count(before), Change(now, before)


# --- overview tables ----------------------------------------------------------------------------------


def summary_table(report: Report, names: Names) -> Table:
    """The headline figures, against the previous period (the dashboard's cards, the command's summary)."""
    now, before = report.current, report.previous
    (up, down), (up_before, down_before) = now.feedback_totals, before.feedback_totals
    counts = {
        "questions": (_("Questions"), now.questions, before.questions),
        "unanswered": (_("Unanswered"), now.unanswered, before.unanswered),
        "conversations": (_("Conversations"), now.conversations, before.conversations),
        "escalations": (_("Escalations to advisors"), now.escalations.count, before.escalations.count),
        "thumbs_up": (_("Helpful"), up, up_before),
        "thumbs_down": (_("Not helpful"), down, down_before),
    }
    rows = [Row((key, names.label(label), *_compared(a, b))) for key, (label, a, b) in counts.items()]
    shares = {
        "unanswered_percent": (
            _("Unanswered, %"),
            (now.unanswered, now.questions),
            (before.unanswered, before.questions),
        ),
        "helpful_percent": (_("Helpful, %"), (up, up + down), (up_before, up_before + down_before)),
    }
    rows += [
        Row((key, names.label(label), Share(*a), Share(*b), "")) for key, (label, a, b) in shares.items()
    ]
    timings = {
        "first_response": (
            _("First reply"),
            now.escalations.first_response(),
            before.escalations.first_response(),
        ),
        "resolution": (_("Resolution"), now.escalations.resolution(), before.escalations.resolution()),
    }
    for key, (label, a, b) in timings.items():
        rows.append(
            Row(
                (
                    f"{key}_median_minutes",
                    names.label(label) + ", " + names.label(_("median")),
                    Duration(a.median),
                    Duration(b.median),
                    "",
                )
            )
        )
        rows.append(
            Row(
                (
                    f"{key}_p90_minutes",
                    names.label(label) + ", " + names.label(_("90% within")),
                    Duration(a.p90),
                    Duration(b.p90),
                    "",
                )
            )
        )
    columns = _columns(
        names,
        ("figure", _("Figure"), "key"),
        ("name", _("Figure"), "name"),
        ("value", _("This period"), "count"),
        ("previous", _("Previous period"), "count"),
        ("change_percent", _("Change, %"), "change"),
    )
    return Table("summary", names.label(_("Summary")), columns, rows)


def outcomes_table(report: Report, names: Names) -> Table:
    now, before = report.current.outcomes(), report.previous.outcomes()
    columns = _columns(
        names,
        ("outcome", _("Outcome"), "key"),
        ("name", _("What happened"), "name"),
        *COMPARED,
        ("share_percent", _("Share of questions, %"), "share"),
    )
    total = report.current.questions
    rows = [
        Row((key, names.outcome(key), *_compared(now[key], before[key]), Share(now[key], total)))
        for key in OUTCOME_ORDER
        if now[key] or before[key] or key != "more"
    ]
    return Table("outcomes", names.label(_("What happened to the questions")), columns, rows)


def domains_table(report: Report, names: Names) -> Table:
    now, before = report.current.domains(), report.previous.domains()
    columns = _columns(
        names,
        ("domain", _("Domain"), "key"),
        ("name", _("Domain"), "name"),
        *COMPARED,
        ("share_percent", _("Share of questions, %"), "share"),
    )
    total = report.current.questions
    rows = [
        Row(
            (key, names.domain(key), *_compared(now[key], before[key]), Share(now[key], total)),
            ("domain", key) if key else None,
        )
        for key in ranked(now, [*names.domains(), *before])
    ]
    return Table("domains", names.label(_("Questions by domain")), columns, rows)


def topics_table(report: Report, names: Names, domain: str | None = None) -> Table:
    """Answered questions by topic (all topics, or one domain's), with near misses and thumbs."""
    current = report.current
    now, before, misses = current.topics(), report.previous.topics(), current.near_misses()
    domains = {**report.previous.topic_domains(), **current.topic_domains()}
    votes = current.feedback()
    keys = [k for k in ranked(now, [*before, *misses, *votes]) if domain is None or domains.get(k) == domain]
    columns = _columns(
        names,
        ("topic", _("Topic"), "key"),
        ("name", _("Topic"), "name"),
        ("domain", _("Domain"), "key"),
        *COMPARED,
        ("offered_when_unsure", _("Offered when unsure"), "count"),
        ("thumbs_up", _("Helpful"), "count"),
        ("thumbs_down", _("Not helpful"), "count"),
        ("helpful_percent", _("Helpful, %"), "share"),
    )
    rows = []
    for key in keys:
        up, down = votes.get(key, (0, 0))
        cells = (key, names.topic(key), domains.get(key, ""), *_compared(now[key], before[key]))
        rows.append(
            Row((*cells, Count(misses[key]), Count(up), Count(down), Share(up, up + down)), ("topic", key))
        )
    title = _("Topics") if domain is None else _("Topics in this domain")
    return Table("topics", names.label(title), columns, rows)


def helpfulness_table(report: Report, names: Names, domain: str | None = None) -> Table:
    """Thumbs up and down by topic, for the topics that got any."""
    domains = report.current.topic_domains()
    votes = {k: v for k, v in report.current.feedback().items() if domain is None or domains.get(k) == domain}
    columns = _columns(
        names,
        ("topic", _("Topic"), "key"),
        ("name", _("Topic"), "name"),
        ("thumbs_up", _("Helpful"), "count"),
        ("thumbs_down", _("Not helpful"), "count"),
        ("helpful_percent", _("Helpful, %"), "share"),
    )
    totals = Counter({k: up + down for k, (up, down) in votes.items()})
    rows = [
        Row(
            (k, names.topic(k), Count(votes[k][0]), Count(votes[k][1]), Share(votes[k][0], totals[k])),
            ("topic", k),
        )
        for k in ranked(totals)
    ]
    return Table("helpfulness", names.label(_("Helpfulness by topic")), columns, rows)


def _with_unanswered(
    table_id: str,
    title: str,
    key_column: tuple[str, str, ColumnKind],
    keys: Sequence[str],
    name: Callable[[str], str],
    sides: tuple[Figures, Figures],
    pick: Callable[[Figures, bool], Counter[str]],
    names: Names,
    link: str | None,
) -> Table:
    current, previous = sides
    now, before, missed = pick(current, False), pick(previous, False), pick(current, True)
    columns = _columns(
        names,
        key_column,
        ("name", key_column[1], "name"),
        *COMPARED,
        ("unanswered", _("Unanswered"), "count"),
        ("unanswered_percent", _("Unanswered, %"), "share"),
    )
    rows = [
        Row(
            (k, name(k), *_compared(now[k], before[k]), Count(missed[k]), Share(missed[k], now[k])),
            (link, k) if link and k else None,
        )
        for k in keys
    ]
    return Table(table_id, names.label(title), columns, rows)


def languages_table(report: Report, names: Names) -> Table:
    found = [*report.current.languages(), *report.previous.languages()]
    return _with_unanswered(
        "languages",
        _("Questions by language"),
        ("language", _("Language"), "key"),
        language_keys(found),
        names.spoken,
        (report.current, report.previous),
        Figures.languages,
        names,
        None,
    )


def districts_table(report: Report, names: Names) -> Table:
    now = report.current.districts()
    return _with_unanswered(
        "districts",
        _("Questions by district"),
        ("district", _("District"), "key"),
        ranked(now, [*names.districts(), *report.previous.districts()]),
        names.district,
        (report.current, report.previous),
        Figures.districts,
        names,
        "district",
    )


def district_languages_table(report: Report, names: Names) -> Table:
    """Districts by language: the cross-table where "<5" matters most."""
    counts = report.current.district_languages
    languages = language_keys([language for _, language, _ in counts])
    districts = ranked(report.current.districts(), names.districts())
    columns = (
        Column("district", names.label(_("District")), "key"),
        Column("name", names.label(_("District")), "name"),
        *(Column(lang or "unknown", names.spoken(lang), "count") for lang in languages),
    )
    rows = [
        Row(
            (d, names.district(d), *(Count(counts[(d, lang, "")]) for lang in languages)),
            ("district", d) if d else None,
        )
        for d in districts
    ]
    return Table("district_languages", names.label(_("Districts by language")), columns, rows)


def escalations_table(report: Report, names: Names) -> Table:
    now, before = report.current.escalations, report.previous.escalations
    columns = _columns(
        names,
        ("reason", _("Reason"), "key"),
        ("name", _("Reason"), "name"),
        ("cases", _("Cases"), "count"),
        ("previous", _("Previous period"), "count"),
        ("change_percent", _("Change, %"), "change"),
        ("waiting", _("Waiting for a first reply"), "count"),
        ("first_response_median_minutes", _("First reply, median"), "duration"),
        ("first_response_p90_minutes", _("First reply, 90% within"), "duration"),
        ("resolution_median_minutes", _("Resolution, median"), "duration"),
        ("resolution_p90_minutes", _("Resolution, 90% within"), "duration"),
    )
    counts, previous = now.by_reason(), before.by_reason()
    reasons: list[str | None] = [*ranked(counts, previous), None]
    rows = []
    for reason in reasons:
        first, done = now.first_response(reason), now.resolution(reason)
        n = counts[reason] if reason else now.count
        m = previous[reason] if reason else before.count
        key = reason if reason is not None else "all"
        name = names.reason(reason) if reason is not None else names.label(_("All escalations"))
        rows.append(
            Row(
                (
                    key,
                    name,
                    Count(n),
                    Count(m),
                    Change(n, m),
                    Count(now.waiting(reason)),
                    *_durations(first),
                    *_durations(done),
                )
            )
        )
    return Table("escalations", names.label(_("Escalations to advisors")), columns, rows)


def _durations(timing: Timing) -> tuple[Duration, Duration]:
    return Duration(timing.median), Duration(timing.p90)


def timeline_table(report: Report, names: Names) -> Table:
    domains = [d for d in (*names.domains(), *sorted(report.current.domains())) if d]
    domains = [*dict.fromkeys(domains), UNKNOWN]
    columns = (
        *_columns(
            names,
            ("start", _("From"), "key"),
            ("questions", _("Questions"), "count"),
            ("unanswered", _("Unanswered"), "count"),
            ("unanswered_percent", _("Unanswered, %"), "share"),
            ("escalations", _("Escalations"), "count"),
        ),
        *(Column(f"domain_{d or 'none'}", names.domain(d), "count") for d in domains),
    )
    rows = []
    for bucket in report.timeline:
        start = bucket.start.isoformat() + (f" {bucket.hour:02d}:00" if bucket.hour is not None else "")
        cells: tuple[Cell, ...] = (
            start,
            Count(bucket.questions),
            Count(bucket.unanswered),
            Share(bucket.unanswered, bucket.questions),
            Count(bucket.escalations),
            *(Count(bucket.domains[d]) for d in domains),
        )
        rows.append(Row(cells))
    return Table("timeline", names.label(_("Over time")), columns, rows)


# --- one topic, one district --------------------------------------------------------------------------


def split_table(detail: Detail, names: Names, by: Literal["district", "topic"]) -> Table:
    """A topic's districts or a district's topics, against the previous period."""
    name = names.district if by == "district" else names.topic
    keys = ranked(detail.split, names.districts() if by == "district" else detail.previous_split)
    columns = _columns(
        names,
        (by, _("District") if by == "district" else _("Topic"), "key"),
        ("name", _("District") if by == "district" else _("Topic"), "name"),
        *COMPARED,
    )
    rows = [
        Row((k, name(k), *_compared(detail.split[k], detail.previous_split[k])), (by, k) if k else None)
        for k in keys
    ]
    title = _("Where this topic was asked") if by == "district" else _("Topics asked in this district")
    return Table(f"{by}s", names.label(title), columns, rows)


def detail_languages_table(detail: Detail, names: Names) -> Table:
    columns = _columns(
        names,
        ("language", _("Language"), "key"),
        ("name", _("Language"), "name"),
        ("questions", _("Questions"), "count"),
        ("share_percent", _("Share of questions, %"), "share"),
    )
    total = sum(detail.languages.values())
    rows = [
        Row((k, names.spoken(k), Count(detail.languages[k]), Share(detail.languages[k], total)))
        for k in language_keys(list(detail.languages))
    ]
    return Table("languages", names.label(_("Questions by language")), columns, rows)


#: The overview's tables by id (the CSV export looks them up here).
OVERVIEW_TABLES: dict[str, Callable[[Report, Names], Table]] = {
    "summary": summary_table,
    "timeline": timeline_table,
    "outcomes": outcomes_table,
    "domains": domains_table,
    "topics": topics_table,
    "helpfulness": helpfulness_table,
    "languages": languages_table,
    "districts": districts_table,
    "district_languages": district_languages_table,
    "escalations": escalations_table,
}
