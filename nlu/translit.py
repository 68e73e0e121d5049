"""Chat-style Latin transliteration of Ukrainian and Russian, used to teach language id what
"kak poluchit pesel" and "yak otrymaty pesel" look like.

People without a Cyrillic keyboard write Russian and Ukrainian in Latin letters, each in their own way. The
two schemes below span the common habits (a passport-like one and a loose chat one); training the language
model on both lets it recognise transliterated messages as Russian or Ukrainian, which is what they are:
the reply then goes in that language.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

_COMMON = MappingProxyType(
    {
        "а": "a",
        "б": "b",
        "в": "v",
        "д": "d",
        "е": "e",
        "ж": "zh",
        "з": "z",
        "к": "k",
        "л": "l",
        "м": "m",
        "н": "n",
        "о": "o",
        "п": "p",
        "р": "r",
        "с": "s",
        "т": "t",
        "у": "u",
        "ф": "f",
        "ч": "ch",
        "ш": "sh",
        "'": "",
    }
)

_SCHEMES: Mapping[str, tuple[Mapping[str, str], ...]] = MappingProxyType(
    {
        "uk": (
            MappingProxyType(
                {
                    **_COMMON,
                    "г": "h",
                    "ґ": "g",
                    "є": "ie",
                    "и": "y",
                    "і": "i",
                    "ї": "i",
                    "й": "i",
                    "х": "kh",
                    "ц": "ts",
                    "щ": "shch",
                    "ь": "",
                    "ю": "iu",
                    "я": "ia",
                }
            ),
            MappingProxyType(
                {
                    **_COMMON,
                    "г": "h",
                    "ґ": "g",
                    "є": "ye",
                    "и": "y",
                    "і": "i",
                    "ї": "yi",
                    "й": "y",
                    "х": "h",
                    "ц": "c",
                    "щ": "sch",
                    "ь": "'",
                    "ю": "yu",
                    "я": "ya",
                }
            ),
        ),
        "ru": (
            MappingProxyType(
                {
                    **_COMMON,
                    "г": "g",
                    "ё": "e",
                    "и": "i",
                    "й": "y",
                    "х": "kh",
                    "ц": "ts",
                    "щ": "shch",
                    "ъ": "",
                    "ы": "y",
                    "ь": "",
                    "э": "e",
                    "ю": "yu",
                    "я": "ya",
                }
            ),
            MappingProxyType(
                {
                    **_COMMON,
                    "г": "g",
                    "ё": "yo",
                    "и": "i",
                    "й": "j",
                    "х": "h",
                    "ц": "c",
                    "щ": "sch",
                    "ъ": "",
                    "ы": "y",
                    "ь": "'",
                    "э": "e",
                    "ю": "ju",
                    "я": "ja",
                }
            ),
        ),
    }
)


def schemes(language: str) -> int:
    """How many transliteration schemes exist for `language` (0 for languages written in Latin)."""
    return len(_SCHEMES.get(language, ()))


def to_latin(text: str, language: str, scheme: int = 0) -> str:
    """Transliterate lower-case Cyrillic `text` of `language` (uk|ru) with one of its schemes."""
    table = _SCHEMES[language][scheme]
    return "".join(table.get(char, char) for char in text)
