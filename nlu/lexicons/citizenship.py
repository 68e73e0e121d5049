"""Countries, nationalities and citizenships, by ISO 3166 alpha-2 code (Entities.citizenship).

Names of countries in the cases that follow "from"/"citizen of" ("з Грузії", "из Грузии", "obywatel
Białorusi"), demonyms ("грузин", "Hindus", "I'm Indian") and adjectives. Words that also mean something else
are listed as exact forms, not prefixes ("грузити" is "to load", so Georgia is not "груз*").
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

CITIZENSHIPS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "ua": ("україн*", "украин*", "ukrain*", "ukraiń*", "юкрейн*"),
        "by": (
            "білорус*", "белорус*", "беларус*", "belarus*", "białoru*", "bialorus*", "bielorus*", "byelorus*",
        ),
        "ge": (
            "грузія", "грузії", "грузію", "грузією", "грузин*", "грузия", "грузии", "грузию", "грузией",
            "gruzja", "gruzji", "gruzję", "gruzją", "gruzin*", "gruziya", "gruziyi", "georgia", "georgian*",
            "sakartvelo",
        ),
        "md": ("молдов*", "молдав*", "moldov*", "mołdaw*", "moldav*", "moldaw*"),
        "in": (
            "індія", "індії", "індію", "індією", "індієць", "індійц*", "індійськ*", "индия", "индии", "индию",
            "индией", "индиец", "индийц*", "индийск*", "india", "indian", "indians", "indie", "indii",
            "indiach", "hindus", "hinduska", "hindusi", "indyjsk*", "hindusk*",
        ),
        "am": ("вірмен*", "армян*", "армени*", "armenia*", "armenian*", "ormian*", "armeni*"),
        "ru": (
            "росія", "росії", "росію", "росією", "росіян*", "россия", "россии", "россию", "россией",
            "россиян*", "российск* гражд*", "громадян* рф", "гражданин рф", "гражданка рф", "russia",
            "russian citizen*", "i am russian", "i'm russian", "rosja", "rosji", "rosję", "rosją", "rosjan*",
            "rossiya", "rossii",
        ),
        "uz": ("узбек*", "uzbek*", "ozbek*"),
        "kz": ("казах*", "казаш*", "kazakh*", "kazach*", "kazakstan*"),
        "ph": ("філіппін*", "филиппин*", "philippin*", "filipin*", "pinoy"),
        "np": ("непал*", "nepal*"),
        "co": ("колумбі*", "колумби*", "colombia*", "kolumbi*", "kolumbij*"),
        "tr": (
            "туреччин*", "турці*", "турция", "турции", "турцию", "турок", "турчанк*", "турецьк*", "турецк*",
            "turkey", "turkish", "türkiye", "turkiye", "turcja", "turcji", "turek", "turczynk*", "turecki*",
        ),
        "vn": ("в'єтнам*", "вьетнам*", "vietnam*", "wietnam*", "viet nam"),
        "az": ("азербайджан*", "azerbaijan*", "azerbejdżan*", "azerbajdzhan*"),
        "tj": ("таджик*", "tajik*", "tadżyk*", "tadzhik*"),
        "kg": ("киргиз*", "кыргыз*", "kyrgyz*", "kirgiz*"),
        "bd": ("бангладеш*", "bangladesh*", "bangladesz*"),
        "pk": ("пакистан*", "pakistan*"),
        "tm": ("туркмен*", "turkmen*"),
        "ng": ("нігері*", "нигери*", "nigeria*", "nigerian*"),
    }
)  # fmt: skip
