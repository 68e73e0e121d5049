"""The most frequent short chat words that belong to one of uk, ru, en, pl only, by language.

Language id reads one or two words badly from character statistics: "де" looks Russian to them, "plz" and
"dunno" look like transliterated Russian, and both pymorphy3 dictionaries know "де" (the Russian one as an
old particle) while the Ukrainian one also lists Russian chat spellings. Yet the words people send alone or
in pairs are few: greetings, thanks, please, yes/no, question words, pronouns, "help", "understood", and the
abbreviations of these ("спс", "пж", "thx", "plz"). Each list holds such words as they are written in chats,
Cyrillic and Latin (transliterated Ukrainian and Russian, Polish without diacritics); nlu.language gives a
message strong odds for each word found here.

A word belongs in a list only if a writer of another of the four languages would not send it in the same
script: "так", "tak", "ok", "ne", "vse", "kto" (Polish "who"), "ale" (Polish "but", Ukrainian "але" typed in
Latin), "my" (English, and Russian "мы" in Latin), "to" and "no" (Polish) are in none. Words are matched
folded (lower case, "ё" as "е"), with letters repeated three times or more taken once ("дякууую"), and
Latin words also without Polish diacritics, so the Polish list is written without them.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

CHAT_WORDS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "uk": frozenset(
            {
                # thanks, please, greetings, yes/no
                "дякую", "дякуємо", "дяк", "дякс", "дякі", "дяки", "вдячна", "вдячний", "спасибі",
                "привіт", "привітик", "вітаю", "вітання", "добрий", "добридень", "бувайте", "бувай",
                "ласка", "будьласка", "будласка", "ні", "гаразд", "звісно", "добре", "зрозуміло",
                "зрозумів", "зрозуміла", "допоможіть", "допомога", "допомогти",
                # question words, pronouns, small words
                "де", "що", "як", "чи", "коли", "чому", "хто", "скільки", "куди", "навіщо", "який", "яка",
                "яке", "які", "це", "ці", "мені", "мене", "ви", "ти", "вона", "вони", "ще", "вже", "треба",
                "потрібно", "можна", "нема", "немає", "або", "бо",
                # the same typed in Latin letters
                "dyakuyu", "dyakuiu", "diakuiu", "diakuju", "dyakuju", "dyakuyemo", "spasybi", "pryvit",
                "vitayu", "vitaiu", "vitaju", "dobroho", "bud", "budlaska", "ni", "harazd",
                "zrozumilo", "zrozumiv", "zrozumila", "dopomozhit", "dopomoha", "dopomohy",
                "shcho", "shco", "scho", "yak", "de", "koly", "chomu", "khto", "hto", "skilky", "kudy",
                "treba", "mozhna", "meni", "tse", "potribno", "nema",
            }
        ),
        "ru": frozenset(
            {
                "спасибо", "спасиб", "спасибки", "пасиб", "пасиба", "спс", "благодарю", "пожалуйста",
                "пжлст", "пж", "привет", "приветик", "здравствуйте", "здрасте", "здрасьте", "пока", "да",
                "нет", "неа", "ладно", "хорошо", "понятно", "понял", "поняла", "помогите", "помощь",
                "где", "что", "чо", "че", "как", "кто", "когда", "почему", "зачем", "сколько", "куда",
                "какой", "какая", "какие", "мне", "меня", "она", "они", "сейчас", "уже", "еще", "тоже",
                "или", "если", "есть", "нету", "нужно", "надо", "можно", "щас", "ща",
                "spasibo", "spasib", "pasib", "spasiba", "blagodaryu", "pozhaluysta", "pozhalujsta",
                "pozhalusta", "privet", "privetik", "zdravstvuyte", "zdravstvujte", "zdrastvuyte",
                "zdraste", "poka", "net", "khorosho", "horosho", "ponyatno", "ponyal", "ponyala",
                "pomogite", "pomoshch", "pomosch", "chto", "shto", "gde", "kak", "kogda", "pochemu",
                "skolko", "kuda", "mne", "nuzhno", "nado", "mozhno", "eto",
            }
        ),
        "en": frozenset(
            {
                "hi", "hello", "hey", "hiya", "thanks", "thank", "thx", "thnx", "tnx", "thanx", "pls",
                "plz", "please", "yes", "yeah", "yep", "nope", "sorry", "bye", "goodbye", "good",
                "morning", "evening", "great", "cool", "sure", "fine", "understood", "dunno", "help",
                "what", "whats", "where", "when", "why", "how", "who", "which", "need", "want", "is", "are",
                "the", "you", "your", "me", "can", "could", "dont", "it", "this", "that", "there", "here",
                "have", "get", "and", "with", "for", "of",
            }
        ),
        "pl": frozenset(
            {
                "dzieki", "dziekuje", "dziekujemy", "prosze", "czesc", "witam", "witaj", "witajcie", "hej",
                "siema", "dzien", "dobranoc", "nie", "gdzie", "co", "czy", "jest", "kiedy",
                "dlaczego", "ile", "ktory", "mam", "mnie", "sie", "pomocy", "pomoc", "potrzebuje", "chce",
                "moge", "wiem", "rozumiem", "dobrze", "spoko", "okej", "jasne", "jestem", "mozna",
                "trzeba", "teraz", "juz", "tez", "pani",
            }
        ),
    }
)  # fmt: skip
