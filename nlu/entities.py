"""Entities of a message: where the user is (district, place), their citizenship, documents named.

All three read the same skeleton tokens as the crisis detector, so they work in every language and
script; none depends on the intent classifier or on the chosen backend.
"""

from __future__ import annotations

from collections.abc import Sequence

from nlu.gazetteer import Gazetteer
from nlu.lexicons.citizenship import CITIZENSHIPS
from nlu.lexicons.documents import DOCUMENTS
from nlu.matcher import build_matcher
from nlu.types import Entities


class EntityExtractor:
    """The gazetteer plus the citizenship and document lexicons."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._gazetteer = gazetteer
        self._citizenship = build_matcher(CITIZENSHIPS)
        self._documents = build_matcher(DOCUMENTS)

    def extract(self, tokens: Sequence[str]) -> Entities:
        """Entities of one message; the first mention wins for district and citizenship."""
        place = self._gazetteer.find(tokens)
        citizenship = self._citizenship.find(tokens)
        documents = dict.fromkeys(match.label for match in self._documents.find(tokens))
        return Entities(
            district=place.district if place else None,
            place=place.place if place else None,
            citizenship=citizenship[0].label if citizenship else None,
            documents=tuple(documents),
        )
