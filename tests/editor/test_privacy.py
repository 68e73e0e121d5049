"""Masking personal data: every kind in the forms users type it, and ordinary text left alone."""

from __future__ import annotations

import pytest

from bot.privacy import mask, strip_masked


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # phones: Polish, Ukrainian, with spaces, dashes, dots, brackets, 00 prefix
        ("мій номер +48 512 345 678", "мій номер [phone]"),
        ("zadzwoń 512-345-678 wieczorem", "zadzwoń [phone] wieczorem"),
        ("tel. 512345678", "tel. [phone]"),
        ("+380 67 123 45 67 это мой", "[phone] это мой"),
        ("(58) 123 45 67", "[phone]"),
        ("0048 58.123.45.67", "[phone]"),
        ("067 123 4567", "[phone]"),
        # e-mails
        ("пишіть на olena.k+bot@gmail.com будь ласка", "пишіть на [email] будь ласка"),
        ("adres: jan_kowalski@poczta.onet.pl.", "adres: [email]."),
        # PESEL
        ("мій песель 85010112345 не працює", "мій песель [PESEL] не працює"),
        ("PESEL:02270803628", "PESEL:[PESEL]"),
        # passports, ID cards, residence cards
        ("паспорт FX123456, карта побиту RP1234567", "паспорт [document no.], карта побиту [document no.]"),
        ("dowód ABC 123456", "dowód [document no.]"),
        ("паспорт серії МН 123456", "паспорт серії [document no.]"),
        ("passport no. ea1234567", "passport no. [document no.]"),
        # bank accounts
        ("IBAN PL61 1090 1014 0000 0712 1981 2874 dla czynszu", "IBAN [IBAN] dla czynszu"),
        ("konto 61109010140000071219812874", "konto [IBAN]"),
        ("rachunek 61 1090 1014 0000 0712 1981 2874", "rachunek [IBAN]"),
        ("UA213223130000026007233566001", "[IBAN]"),
        ("картка 4111 1111 1111 1111", "картка [card]"),
        # other long numbers (case files, ID card numbers)
        ("номер справи 1234567/23", "номер справи [number]/23"),
        ("ID-картка 004512378", "ID-картка [phone]"),
    ],
)
def test_personal_data_is_masked(text: str, expected: str) -> None:
    assert mask(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "як отримати песель для дитини",
        "ile kosztuje karta pobytu? 440 zł",
        "800+ i 500 zł na dziecko od 2024 roku",
        "приїхав 12.03.2024, що робити далі",
        "kod pocztowy 80-001 Gdańsk, ul. Długa 5/7",
        "wniosek z 2023 i 2024",
        "мені 35 років, я з Харкова",
        "B1 level Polish course, 120 hours",
        "ab12 hello worlds",
    ],
)
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert mask(text) == text


def test_a_custom_tag_and_stripping_tags_for_training() -> None:
    assert mask("call 512 345 678", lambda kind: f"<{kind}>") == "call <phone>"
    assert strip_masked(mask("мій песель 85010112345 не працює")) == "мій песель не працює"
    assert strip_masked(mask("+48 512 345 678")) == ""
