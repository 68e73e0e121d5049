"""Towns and districts of Pomorskie named in a message, from content/directory/districts.yml.

Every listed form (places[].forms, place names, the seat, the district's names in four languages) is
indexed by its skeleton, so "Gdyni", "Гдині" and "gdyni" meet. Forms the directory does not list fall back
to a light stemmer that strips one case ending on both sides ("w Gdyni", "в Гдыне", "z Wejherowa" all
reduce to the stem of the listed "Gdynia"/"Wejherowo"). Stems shorter than four letters never match, so that
"hello" is not the town of Hel.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from nlu.normalize import skeleton

log = logging.getLogger(__name__)

# libyaml's loader reads the directory ten times faster than the pure-Python one (start-up time).
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_MAX_PHRASE = 4
_MIN_STEM = 4
# Case endings of Polish, Ukrainian and Russian place names, as skeletons, longest first.
_ENDINGS: tuple[str, ...] = (
    "iami", "ami", "iach", "ach", "omu", "emu", "ogo", "ego", "ich", "imi", "ovi", "om", "em", "im", "ei",
    "oi", "ia", "iu", "ie", "ov", "ev", "a", "e", "i", "o", "u",
)  # fmt: skip
# Words around a district name that are not part of its identity ("powiat gdański", "Gdańsk County").
_DISTRICT_WORDS = frozenset(
    skeleton("powiat powiatu powiecie повіт повіту повіті повят повята county").split()
)


@dataclass(frozen=True)
class Place:
    """A gazetteer hit: the district id and the place as the directory writes it (None for a district)."""

    district: str
    place: str | None


def stem(word: str) -> str:
    """Strip one case ending from a skeleton word; words that would get too short are kept whole."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            return word[: -len(ending)]
    return word


def _district_forms(district: dict[str, Any]) -> Iterator[tuple[str, Place]]:
    district_id = str(district["id"])
    for place in district.get("places") or ():
        name = str(place["name"])
        for form in (name, *(place.get("forms") or ())):
            yield str(form), Place(district_id, name)
    if district.get("seat"):
        yield str(district["seat"]), Place(district_id, str(district["seat"]))
    for name in (district.get("names") or {}).values():
        yield str(name), Place(district_id, None)
        core = [w for w in skeleton(str(name)).split() if w not in _DISTRICT_WORDS]
        if core and len(core) < len(skeleton(str(name)).split()):
            yield " ".join(core), Place(district_id, None)


class Gazetteer:
    """Exact skeleton phrases first (longest wins), then single-word stems."""

    def __init__(self, districts: Sequence[dict[str, Any]]) -> None:
        self._phrases: dict[str, Place] = {}
        self._stems: dict[str, Place] = {}
        for district in districts:
            for form, place in _district_forms(district):
                key = skeleton(form)
                if key:
                    self._phrases.setdefault(key, place)
        for key, place in self._phrases.items():
            if " " not in key and len(key) >= _MIN_STEM:
                self._stems.setdefault(stem(key), place)

    @property
    def size(self) -> int:
        """How many distinct forms are indexed (0 when the directory is missing)."""
        return len(self._phrases)

    def find(self, tokens: Sequence[str]) -> Place | None:
        """The first place or district named in the skeleton tokens, or None.

        At each position the longest listed phrase wins; an unlisted single word is tried by its stem.
        """
        for start, token in enumerate(tokens):
            for length in range(min(_MAX_PHRASE, len(tokens) - start), 0, -1):
                place = self._phrases.get(" ".join(tokens[start : start + length]))
                if place is not None:
                    return place
            if len(token) >= _MIN_STEM and (place := self._stems.get(stem(token))) is not None:
                return place
        return None


def load_gazetteer(path: Path) -> Gazetteer:
    """The gazetteer of the directory file; a missing or broken file gives an empty one and a warning,
    because the bot must keep answering (it only loses local contacts)."""
    try:
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader) or {}
        districts = document.get("districts") or []
        return Gazetteer([d for d in districts if isinstance(d, dict) and d.get("id")])
    except FileNotFoundError:
        log.warning("directory file %s not found: no places will be recognised", path)
    except (yaml.YAMLError, AttributeError, KeyError, TypeError) as exc:
        log.warning("directory file %s could not be read (%s): no places will be recognised", path, exc)
    return Gazetteer([])
