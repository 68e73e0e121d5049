"""`firststeps content check` and `content list`: is the guide complete, sourced, current and showable?

Errors stop a publish and fail CI; warnings are for editors' attention. Every message names the file (or
topic) and the language, so an editor can fix it without a developer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from content.guide import ContentError, load_directory, load_domains, load_topic_bodies, parse_topic
from content.markup import to_telegram_html, validate, visible_length
from content.model import LANGUAGES, Answer, Topic

if TYPE_CHECKING:
    from bot.config import ContentSettings

SPEC_FILE = Path("spec/topics.yml")
MAX_TEXT = 1200
MAX_MORE = 2400
TELEGRAM_LIMIT = 4096
DISTRICT_COUNT = 20


@dataclass
class Report:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    topics: int = 0

    def render(self) -> str:
        lines = [f"error: {message}" for message in self.errors]
        lines += [f"warning: {message}" for message in self.warnings]
        verdict = "FAILED" if self.errors else "ok"
        lines.append(
            f"content check {verdict}: {self.topics} topics, {len(self.errors)} errors, "
            f"{len(self.warnings)} warnings"
        )
        return "\n".join(lines)


def load_spec(spec_file: Path) -> dict[str, Any]:
    """The topic catalogue: topic ids with their escalate flag, the domains and the conversation intents."""
    raw = yaml.safe_load(spec_file.read_text(encoding="utf-8"))
    return {
        "topics": {item["id"]: item.get("escalate", "never") for item in raw["topics"]},
        "domains": list(raw["domains"]),
        "intents": list(raw.get("intents", [])),
    }


def check_answer(where: str, answer: Answer, report: Report) -> None:
    """Length limits, markup, and the date checked of one language version."""
    for name, text, limit in (("text", answer.text, MAX_TEXT), ("more", answer.more, MAX_MORE)):
        if text is None:
            continue
        length = visible_length(text)
        if length > limit:
            report.errors.append(f"{where}: {name} is {length} characters as shown (at most {limit})")
        report.errors.extend(f"{where}: {name}: {problem}" for problem in validate(text))
        if len(to_telegram_html(text)) > TELEGRAM_LIMIT:
            report.errors.append(f"{where}: {name} is longer than one Telegram message")
    if answer.checked > date.today():
        report.errors.append(f"{where}: checked date {answer.checked} is in the future")


def check_topic(topic: Topic, spec: dict[str, Any], known_ids: set[str], report: Report) -> None:
    """Everything about one topic that can be wrong beyond its schema."""
    where = f"topic {topic.id}"
    expected = spec["topics"].get(topic.id)
    if expected is None:
        report.warnings.append(f"{where}: not in the topic catalogue (a new topic)")
    elif expected != topic.escalate:
        report.errors.append(f"{where}: escalate is {topic.escalate!r}, the catalogue says {expected!r}")
    if topic.domain not in spec["domains"]:
        report.errors.append(f"{where}: unknown domain {topic.domain!r}")
    for group, mapping in (("answers", topic.answers), ("titles", topic.titles)):
        missing = [language for language in LANGUAGES if language not in mapping]
        if missing:
            report.errors.append(f"{where}: {group} missing for {', '.join(missing)}")
    for related in topic.related:
        if related not in known_ids:
            report.errors.append(f"{where}: related topic {related!r} does not exist")
    for source in topic.sources:
        if source.url.scheme != "https":
            report.errors.append(f"{where}: source is not https: {source.url}")
    for language, answer in topic.answers.items():
        check_answer(f"{where} [{language}]", answer, report)
    for index, variant in enumerate(topic.variants):
        missing = [language for language in LANGUAGES if language not in variant.answers]
        if missing:
            report.errors.append(f"{where}: variant {index + 1} missing {', '.join(missing)}")
        for language, answer in variant.answers.items():
            check_answer(f"{where} variant {index + 1} [{language}]", answer, report)
    report.warnings.extend(
        f"{where} [{language}]: translation checked before the {topic.source_language} version last changed"
        for language in stale_languages(topic)
    )


def stale_languages(topic: Topic) -> list[str]:
    """Translations checked before their source language's last change."""
    source = topic.answers.get(topic.source_language)
    if source is None or source.updated is None:
        return []
    return [
        language
        for language, answer in topic.answers.items()
        if language != topic.source_language and answer.checked < source.updated
    ]


def _check_directory(settings: ContentSettings, report: Report) -> None:
    directory = load_directory(settings.directory_dir)
    if len(directory.districts) != DISTRICT_COUNT:
        report.errors.append(f"directory: {len(directory.districts)} districts, expected {DISTRICT_COUNT}")
    for district in directory.districts:
        for contact in district.contacts:
            if (contact.phone or contact.address) and contact.source is None and contact.url is None:
                report.errors.append(
                    f"directory {district.id}: {contact.name}: phone/address without a source"
                )


def check_content(settings: ContentSettings, spec_file: str | Path | None = None) -> Report:
    """Run every check over content/ against the topic catalogue."""
    report = Report()
    spec = load_spec(Path(spec_file) if spec_file else SPEC_FILE)
    try:
        bodies = load_topic_bodies(settings.topics_dir)
        domains = load_domains(settings.domains_file)
        _check_directory(settings, report)
    except ContentError as exc:
        report.errors.append(str(exc))
        return report
    missing_domains = set(spec["domains"]) - {domain.id for domain in domains}
    if missing_domains:
        report.errors.append(f"domains file misses {', '.join(sorted(missing_domains))}")
    topics = []
    for topic_id, body in bodies.items():
        try:
            topics.append(parse_topic(body, f"{settings.topics_dir / topic_id}.yml"))
        except ContentError as exc:
            report.errors.append(str(exc))
    known = set(bodies)
    for topic in topics:
        check_topic(topic, spec, known, report)
    for topic_id in spec["topics"]:
        if topic_id not in known:
            report.errors.append(f"topic {topic_id}: missing (no {settings.topics_dir / topic_id}.yml)")
    report.topics = len(topics)
    return report


def list_content(settings: ContentSettings) -> list[dict[str, Any]]:
    """Every topic with its languages, sources, checked dates and stale flags (for tools and dashboards)."""
    listing = []
    for topic_id, body in load_topic_bodies(settings.topics_dir).items():
        topic = parse_topic(body, topic_id)
        stale = set(stale_languages(topic))
        listing.append(
            {
                "id": topic.id,
                "domain": topic.domain,
                "escalate": topic.escalate,
                "languages": {
                    language: {
                        "checked": answer.checked.isoformat(),
                        "stale": language in stale,
                        "characters": visible_length(answer.text),
                        "has_more": answer.more is not None,
                    }
                    for language, answer in topic.answers.items()
                },
                "sources": [{"title": s.title, "url": str(s.url)} for s in topic.sources],
                "related": list(topic.related),
            }
        )
    return listing
