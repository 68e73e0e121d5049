"""Chat-style Latin transliteration of Ukrainian and Russian, used to teach language id what
"kak poluchit pesel" and "yak otrymaty pesel" look like.

People without a Cyrillic keyboard write Russian and Ukrainian in Latin letters, each in their own way. The
two schemes below span the common habits (a passport-like one and a loose chat one); training the language
model on both lets it recognise transliterated messages as Russian or Ukrainian, which is what they are:
the reply then goes in that language. The way back (`cyrillic_readings`) lets the uk and ru dictionaries
tell which of the two a transliterated word is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
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


# Chat transliteration read back into Cyrillic, one guess per language (longest letter groups first). Only
# used to ask the uk and ru dictionaries whether a Latin word is one of theirs ("horosho" -> "хорошо").
_BACK: Mapping[str, tuple[tuple[str, str], ...]] = MappingProxyType(
    {
        "uk": (
            ("shch", "щ"), ("sch", "щ"), ("zh", "ж"), ("kh", "х"), ("ch", "ч"), ("sh", "ш"), ("ts", "ц"),
            ("yi", "ї"), ("ye", "є"), ("ie", "є"), ("ya", "я"), ("ia", "я"), ("yu", "ю"), ("iu", "ю"),
            ("ja", "я"), ("ju", "ю"), ("je", "є"), ("'", "ь"), ("a", "а"), ("b", "б"), ("v", "в"), ("w", "в"),
            ("h", "г"), ("g", "ґ"), ("d", "д"), ("e", "е"), ("z", "з"), ("y", "и"), ("i", "і"), ("j", "й"),
            ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"),
            ("t", "т"), ("u", "у"), ("f", "ф"), ("c", "ц"), ("x", "х"),
        ),
        "ru": (
            ("shch", "щ"), ("sch", "щ"), ("zh", "ж"), ("kh", "х"), ("ch", "ч"), ("sh", "ш"), ("ts", "ц"),
            ("yu", "ю"), ("iu", "ю"), ("ya", "я"), ("ia", "я"), ("ja", "я"), ("ju", "ю"), ("yo", "ё"),
            ("'", "ь"), ("a", "а"), ("b", "б"), ("v", "в"), ("w", "в"), ("h", "х"), ("g", "г"), ("d", "д"),
            ("e", "е"), ("z", "з"), ("y", "ы"), ("i", "и"), ("j", "й"), ("k", "к"), ("l", "л"), ("m", "м"),
            ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"),
            ("c", "ц"), ("x", "х"),
        ),
    }
)  # fmt: skip
_VOWELS = "aeiouy"
_LONE_H = re.compile(r"(?<![sczk])h")


def to_cyrillic(word: str, language: str) -> str:
    """One Cyrillic reading of a transliterated uk or ru word ("dyakuyu" -> "дякую", "privet" -> "привет");
    "y" after a vowel and before no vowel is "й", "-yi"/"-yy" at the end an adjective ending."""
    table = _BACK[language]
    ending = {"uk": {"yi": "ий", "yy": "ий", "iy": "ій"}, "ru": {"yi": "ый", "yy": "ый", "iy": "ий"}}
    stem, tail = word, ""
    if len(word) > 3 and word[-2:] in ending[language]:
        stem, tail = word[:-2], ending[language][word[-2:]]
    out: list[str] = []
    i = 0
    while i < len(stem):
        after_vowel = i > 0 and stem[i - 1] in _VOWELS
        before_vowel = i + 1 < len(stem) and stem[i + 1] in "aeiu"
        if stem[i] == "y" and after_vowel and not before_vowel:
            out.append("й")
            i += 1
            continue
        for latin, cyrillic in table:
            if stem.startswith(latin, i):
                out.append(cyrillic)
                i += len(latin)
                break
        else:
            out.append(stem[i])
            i += 1
    return "".join(out) + tail


@lru_cache(maxsize=8_192)  # a Latin message asks this of each word twice; reading one costs ≈ 50 µs
def cyrillic_readings(word: str, language: str) -> tuple[str, ...]:
    """The Cyrillic readings worth asking a dictionary about: in Ukrainian "h" is typed for both "г" and
    "х" ("hochu", "hroshi")."""
    first = to_cyrillic(word, language)
    if language == "uk" and "h" in word:
        return first, to_cyrillic(_LONE_H.sub("x", word.replace("kh", "x")), language)
    return (first,)
