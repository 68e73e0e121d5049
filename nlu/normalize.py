"""Text normalisation shared by language id, the classifier features and every lexicon matcher.

Users write the same word in many ways: with or without Polish diacritics ("pracę" / "prace"), with any of
three Ukrainian apostrophes (ʼ ' ’), in Cyrillic or in Latin transliteration ("песель" / "pesel",
"карта побиту" / "karta pobytu"), with stretched letters ("привііііт"). Two forms are produced here:

* `fold` keeps the script: lower case, one apostrophe, NFC, "ё" as "е". Used where the script itself is
  evidence (language id) or where a lemmatizer needs real words.
* `skeleton` is a lossy phonetic key in plain ASCII: Cyrillic is transliterated, Polish diacritics and
  digraphs are folded, and spelling variants that users mix up are merged (y/i, w/v, ie/e, doubled letters).
  Two spellings of one word usually share a skeleton, so matching and character n-grams work across scripts.
  It is never shown to anyone.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from types import MappingProxyType

APOSTROPHES = "'ʼ’‘`´ʹ′"
_APOSTROPHE_RE = re.compile(f"[{APOSTROPHES}]")
_WORD_RE = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*|\d+", re.UNICODE)
_SPACE_RE = re.compile(r"\s+")

# Cyrillic letters of Ukrainian and Russian to Latin, close to how people transliterate in chats.
_CYRILLIC = MappingProxyType(
    {
        "а": "a",
        "б": "b",
        "в": "v",
        "г": "g",
        "ґ": "g",
        "д": "d",
        "е": "e",
        "є": "ie",
        "ж": "zh",
        "з": "z",
        "и": "i",
        "і": "i",
        "ї": "i",
        "й": "i",
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
        "х": "h",
        "ц": "c",
        "ч": "ch",
        "ш": "sh",
        "щ": "sch",
        "ъ": "",
        "ы": "i",
        "ь": "",
        "э": "e",
        "ю": "iu",
        "я": "ia",
        "ё": "e",
        "'": "",
    }
)

# Polish letters whose plain-ASCII spelling users type; ż/ź/ł/... lose their marks first.
_POLISH = MappingProxyType(
    {"ą": "a", "ć": "c", "ę": "e", "ł": "l", "ń": "n", "ó": "o", "ś": "s", "ź": "z", "ż": "z"}
)

# Applied in order on the ASCII string: merge the transliteration variants of one sound.
_LATIN_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"shch", "sch"),
        (r"sz", "sh"),
        (r"cz", "ch"),
        (r"zh", "z"),
        (r"kh", "h"),
        (r"ts(?=[aeiouyj])", "c"),  # "tsentr" ~ "centr", "khochetsja" ~ "хочется"; English plurals keep "ts"
        (r"w", "v"),
        (r"[yj]", "i"),
        (r"ie", "e"),
    )
)
# Doubled letters merge ("привііііт", "zzameldowanie"); kept out of the table above because a callable is
# much faster than a "\1" template, which Python parses again on every call.
_DOUBLED = re.compile(r"(.)\1+")


def fold(text: str) -> str:
    """Lower-case, NFC-composed text with one apostrophe form and "ё" as "е"; the script is kept."""
    text = unicodedata.normalize("NFC", text).lower()
    text = _APOSTROPHE_RE.sub("'", text)
    return text.replace("ё", "е")


def strip_polish_diacritics(text: str) -> str:
    """Polish letters to the ASCII letters people type without a Polish keyboard ("pracę" -> "prace")."""
    return "".join(_POLISH.get(char, char) for char in text)


def _to_ascii(word: str) -> str:
    chars = []
    for char in word:
        mapped = _CYRILLIC.get(char) or _POLISH.get(char)
        if mapped is not None:
            chars.append(mapped)
        elif char.isascii():
            chars.append(char)
        else:
            decomposed = unicodedata.normalize("NFD", char)
            chars.append("".join(c for c in decomposed if c.isascii()))
    return "".join(chars)


@lru_cache(maxsize=100_000)
def skeleton_word(word: str) -> str:
    """The skeleton of one word (already folded or not): "Гдині" -> "gdini", "Gdyni" -> "gdini".

    Cached: chat vocabulary repeats, and every parse needs the skeletons of all its words several times.
    """
    ascii_word = _to_ascii(fold(word).replace("'", ""))
    for pattern, replacement in _LATIN_RULES:
        ascii_word = pattern.sub(replacement, ascii_word)
    return _DOUBLED.sub(_first_letter, ascii_word)


def _first_letter(match: re.Match[str]) -> str:
    return match.group(1)


def words(text: str) -> list[str]:
    """The words of folded text; an apostrophe inside a word keeps it whole ("м'ясо", "b'yut")."""
    return _WORD_RE.findall(fold(text))


def skeleton(text: str) -> str:
    """The skeleton of a text: skeleton words joined by single spaces, punctuation dropped."""
    return " ".join(filter(None, (skeleton_word(word) for word in words(text))))


def squeeze_spaces(text: str) -> str:
    """Collapse runs of whitespace, so that long pasted messages compare and log compactly."""
    return _SPACE_RE.sub(" ", text).strip()


def is_cyrillic(char: str) -> bool:
    """True for the Cyrillic block, the only non-Latin script the four languages use."""
    return "\u0400" <= char <= "\u04ff"
