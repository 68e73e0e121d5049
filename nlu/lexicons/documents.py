"""Names of documents people ask about, by document id (Entities.documents)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

DOCUMENTS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "pesel": ("pesel*", "песел*", "пезел*"),
        "karta_pobytu": (
            "kart* pobyt*", "карт* побит*", "карт* побыт*", "residence card*", "посвідк* на прожив*",
            "вид на жительств*", "внж", "посвідк* на тимчасов*", "karta stałego pobytu",
        ),
        "cukr": ("cukr", "цукр", "цукр-карт*"),
        "passport": ("passport*", "paszport*", "паспорт*", "pasport*", "закордонн* паспорт*"),
        "visa": (
            "visa", "visas", "віза", "візу", "візи", "візою", "візові", "візов*", "виза", "визу", "визы",
            "визой", "визов*", "wiza", "wizy", "wizę", "wizą", "wizow*",
        ),
        "zaswiadczenie": ("zaświadczen*", "засвядчен*", "довідк*", "справк*", "certificate"),
        "oswiadczenie": ("oświadczen*", "освядчен*", "освядчення", "declaration of entrust*"),
        "work_permit": (
            "zezwolen* na prac*", "pozwolen* na prac*", "дозв* на робот*", "разрешен* на работ*",
            "work permit*", "зезволен* на прац*",
        ),
        "residence_permit": (
            "zezwolen* na pobyt*", "дозв* на прожив*", "дозв* на тимчасов*", "разрешен* на прожив*",
            "разрешен* на временн*", "residence permit*", "зезволен* на побит*", "pobyt czasow*",
            "побит часов*", "побыт часов*",
        ),
        "meldunek": ("meldun*", "zameldowan*", "мельдун*", "мелдун*", "замельдуван*", "прописк*"),
        "contract": (
            "umow* o prac*", "umow* zleceni*", "umow* o dzieło", "umow* najm*", "zleceni*", "злецен*",
            "трудов* договор*", "трудов* догов*", "employment contract*", "contract*", "контракт*",
        ),
        "driving_licence": (
            "prawo jazdy", "prawa jazdy", "праві водія", "водійськ* посвідч*", "водійськ* прав*",
            "водительск* прав*", "driving licen*", "driver* licen*",
        ),
        "birth_certificate": (
            "akt* urodzen*", "свідоцтв* про народж*", "свидетельств* о рожден*", "birth certificate*",
        ),
        "diploma": ("dyplom*", "диплом*", "diplom*"),
    }
)  # fmt: skip
