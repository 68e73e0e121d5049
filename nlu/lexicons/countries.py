"""Other countries (and their best-known cities) in uk, ru, en and pl, and the words that place a message
in Poland.

A message about residence, work, benefits or schools *in Germany, Czechia, Canada...* shares nearly every
word with a real topic, but the guide does not answer it. The classifier gets one extra feature for "another
country is named and Poland is not" (nlu.features), learnt mostly from out-of-scope examples, so that it
carries over to countries and phrasings the examples do not spell out. Countries people come *from*
(Ukraine, Belarus, Georgia, India...) are deliberately absent: "диплом з України" is an in-scope question.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

ABROAD: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "abroad": (
            # Germany, Austria, Switzerland
            "німеччин*", "германи*", "niemc*", "niemiec", "germany", "берлін*", "берлин*", "berlin*",
            "мюнхен*", "monachium", "munich", "гамбург*", "hamburg*", "австрі*", "австри*", "austri*",
            "відні", "відень", "wiedeń", "wiedniu", "vienna", "швейцарі*", "швейцари*", "szwajcari*",
            "switzerland", "цюрих*", "zurich",
            # Czechia, Slovakia, Hungary, the Baltics
            "чехі*", "чехи*", "чехия", "czech*", "czechy", "czechach", "прага", "празі", "праге", "pradze",
            "praga", "prague", "словаччин*", "словаки*", "słowacj*", "slovakia", "угорщин*", "венгри*",
            "węgr*", "hungary", "литв*", "litw*", "lithuania", "вільн*", "вильнюс*", "wilno", "wilnie",
            "vilnius", "латві*", "латви*", "łotw*", "latvia", "рига", "ризі", "риге", "ryga", "rydze", "riga",
            "естоні*", "эстони*", "estoni*", "таллін*", "таллин*", "tallinn*",
            # Western and Northern Europe
            "нідерланд*", "нидерланд*", "голланд*", "holandi*", "niderland*", "netherlands", "holland",
            "амстердам*", "amsterdam*", "бельгі*", "бельги*", "belgi*", "брюссел*", "bruksel*", "brussels",
            "франці*", "франци*", "francj*", "france", "париж*", "paryż*", "paris", "італі*", "итали*",
            "włoch*", "italy", "рим", "римі", "риме", "rzym*", "rome", "іспані*", "испани*", "hiszpani*",
            "spain", "мадрид*", "madryt*", "madrid", "барселон*", "barcelon*", "португалі*", "португали*",
            "portugali*", "portugal", "лісабон*", "лиссабон*", "lizbon*", "lisbon", "британі*", "британи*",
            "brytani*", "britain", "англія", "англії", "англію", "англия", "англии", "англию", "anglii",
            "anglia",
            "anglię", "england", "uk", "шотланді*", "шотланди*",
            "szkocj*", "scotland", "лондон*", "londyn*", "london", "ірланді*", "ирланди*", "irlandi*",
            "ireland", "дублін*", "дублин*", "dublin*", "норвегі*", "норвеги*", "norwegi*", "norway",
            "осло", "oslo", "швеці*", "швеци*", "szwecj*", "sweden", "стокгольм*", "sztokholm*",
            "stockholm", "фінлянді*", "финлянди*", "finlandi*", "finland", "данія", "данію", "дания", "данию",
            "denmark", "копенгаген*", "kopenhag*", "copenhagen", "ісланді*", "исланди*", "islandi*",
            "iceland", "люксембург*", "luksemburg*", "luxembourg",
            # elsewhere
            "сша", "usa", "америк*", "amerik*", "america", "united states", "stanach zjednoczonych",
            "нью-йорк*",
            "нью йорк*", "nowy jork", "new york", "канад*", "kanad*", "canada", "торонто", "toronto",
            "австралі*", "австрали*", "australi*", "туреччин*", "турци*", "turcj*", "turkey", "стамбул*",
            "stambuł*", "istanbul", "ізраїл*", "израил*", "izrael*", "israel", "японі*", "япони*",
            "japoni*", "japan", "китаї", "китае", "китай", "chinach", "chiny", "china", "дубаї", "дубае",
            "dubaj*", "dubai", "емірат*", "эмират*", "emirat*", "єгипт*", "египт*", "egipt*", "egypt",
            "кіпр*", "кипр*", "cypr*", "cyprus", "греці*", "греци*", "grecj*", "greece", "хорваті*",
            "хорвати*", "chorwacj*", "croatia", "болгарі*", "болгари*", "bułgari*", "bulgaria", "румуні*",
            "румыни*", "rumuni*", "romania", "чорногорі*", "черногори*", "czarnogór*", "montenegro",
            "сербі*", "серби*", "serbi*", "serbia",
        ),
    }
)  # fmt: skip

# Words that place a message in Poland (a Pomeranian town is also one: nlu.features asks the gazetteer).
POLAND: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "poland": (
            "польщ*", "польш*", "польськ*", "польск*", "polsk*", "polsc*", "poland", "polish", "pl",
            "гданськ*", "гданьск*", "gdańsk*", "gdansk*", "гдин*", "gdyni*", "сопот*", "sopot*",
            "слупськ*", "слупск*", "słupsk*", "slupsk*", "мальборк*", "malbork*", "варшав*", "warszaw*",
            "warsaw", "краків*", "краков*", "krak*", "wrocław*", "вроцлав*", "poznań*", "познан*", "łódź",
            "лодз*", "pomorz*", "помор*", "pomerani*", "трімісто", "тримісто", "трехград*", "trójmiast*",
            "tricity",
        ),
    }
)  # fmt: skip
