"""Loading the guide from its YAML seed files (or database bodies) into one read-only `Guide`.

The conversation core reads only this object; where it came from (files for `ask`, the database copy for
the running service) does not matter to it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from content.model import Directory, District, Domain, Topic


class ContentError(Exception):
    """A content file cannot be loaded; the message names the file and the field."""


def read_yaml(path: Path) -> Any:
    """Parse one YAML file, naming the file in any error."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ContentError(f"{path}: {exc}") from exc


def describe_validation(error: ValidationError) -> list[str]:
    """One line per problem, with the dotted path of the field."""
    return [f"{'.'.join(str(p) for p in item['loc']) or '(file)'}: {item['msg']}" for item in error.errors()]


def body_hash(body: Mapping[str, Any]) -> str:
    """A stable fingerprint of a topic document, to tell whether a seed file changed."""
    return hashlib.sha256(json.dumps(body, sort_keys=True, default=str).encode()).hexdigest()


def parse_topic(body: Any, origin: str) -> Topic:
    """Validate one topic document."""
    try:
        return Topic.model_validate(body)
    except ValidationError as exc:
        raise ContentError(f"{origin}: " + "; ".join(describe_validation(exc))) from exc


def topic_files(topics_dir: Path) -> list[Path]:
    return sorted(topics_dir.glob("*.yml"))


def load_topic_bodies(topics_dir: Path) -> dict[str, dict[str, Any]]:
    """Raw topic documents by id, as they are in the files."""
    bodies: dict[str, dict[str, Any]] = {}
    for path in topic_files(topics_dir):
        body = read_yaml(path)
        if not isinstance(body, dict) or "id" not in body:
            raise ContentError(f"{path}: expected a topic document with an id")
        if path.stem != body["id"]:
            raise ContentError(f"{path}: the file name must be the topic id ({body['id']}.yml)")
        # JSON-safe (dates as ISO strings): the same document goes into the database unchanged.
        bodies[str(body["id"])] = json.loads(json.dumps(body, default=str))
    return bodies


def load_directory(directory_dir: Path) -> Directory:
    """The district directory; missing files mean an empty directory (the guide still answers)."""
    districts_file, regional_file = directory_dir / "districts.yml", directory_dir / "regional.yml"
    raw: dict[str, Any] = {"districts": [], "regional": []}
    if districts_file.exists():
        raw["districts"] = (read_yaml(districts_file) or {}).get("districts", [])
    if regional_file.exists():
        raw["regional"] = (read_yaml(regional_file) or {}).get("contacts", [])
    try:
        return Directory.model_validate(raw)
    except ValidationError as exc:
        raise ContentError(f"{directory_dir}: " + "; ".join(describe_validation(exc)[:10])) from exc


def load_domains(domains_file: Path) -> tuple[Domain, ...]:
    raw = read_yaml(domains_file) or {}
    try:
        return tuple(Domain.model_validate({"id": key, **value}) for key, value in raw["domains"].items())
    except (ValidationError, KeyError, AttributeError, TypeError) as exc:
        raise ContentError(f"{domains_file}: expected `domains:` with titles per language ({exc})") from exc


@dataclass(frozen=True)
class Guide:
    """Everything the core answers from: topics, domains in menu order, and the directory."""

    topics: Mapping[str, Topic]
    domains: tuple[Domain, ...]
    directory: Directory = field(default_factory=Directory)

    @classmethod
    def from_bodies(
        cls, bodies: Iterable[tuple[str, Any]], domains: tuple[Domain, ...], directory: Directory
    ) -> Guide:
        topics = {}
        for origin, body in bodies:
            topic = parse_topic(body, origin)
            topics[topic.id] = topic
        return cls(topics=topics, domains=domains, directory=directory)

    @classmethod
    def from_files(cls, topics_dir: Path, domains_file: Path, directory_dir: Path) -> Guide:
        bodies = load_topic_bodies(topics_dir)
        return cls.from_bodies(
            ((f"{topics_dir / key}.yml", body) for key, body in bodies.items()),
            load_domains(domains_file),
            load_directory(directory_dir),
        )

    def topics_in(self, domain: str) -> list[Topic]:
        return [topic for topic in self.topics.values() if topic.domain == domain]

    def domain(self, domain_id: str) -> Domain | None:
        return next((d for d in self.domains if d.id == domain_id), None)

    def district(self, district_id: str | None) -> District | None:
        return self.directory.district(district_id)
