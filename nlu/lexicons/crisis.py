"""Signals of violence, trafficking / forced labour and self-harm, for the recall-first crisis detector.

Recall comes first: a missed signal costs far more than an advisor reading a false alarm. Still, words with
an everyday meaning are only listed inside phrases ("б'є" alone is also the skeleton of English "be";
"bił" shares one with "bill"; "pobita" with "побыта"), and "!w" blocks a phrase before an innocent
continuation. Phrases allow two words in between ("забрали у мене паспорт" matches "забрали паспорт*").
Transliterated Russian/Ukrainian needs no separate entries: the skeleton of "muzh b'et" is that of "муж бьет".

Violence against a person is mostly said as "who does what to whom", so those phrases are generated from
word lists: a perpetrator before a hitting verb ("чоловік б'є", "szef uderzył"), or a hitting verb before a
victim ("бьет меня", "hits my child").
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from nlu.normalize import skeleton_word

_PERPETRATORS = (
    "чоловік", "муж", "mąż", "maz", "husband", "партнер", "partner", "співмешканець", "сожитель", "konkubent",
    "хлопець", "парень", "chłopak", "boyfriend", "батько", "отец", "ojciec", "father", "dad", "тато", "папа",
    "вітчим", "отчим", "ojczym", "stepfather", "син", "сын", "syn", "son", "брат", "brat", "brother", "сусід",
    "сосед", "sąsiad", "neighbour", "neighbor", "шеф", "szef", "boss", "начальник", "бригадир", "brygadzista",
    "роботодавець", "работодатель", "pracodawca", "employer", "колишній", "бывший", "były", "ex", "хтось",
    "кто", "ktoś", "someone", "somebody", "він", "он", "on", "he", "вона", "она", "ona", "she", "вони",
    "они", "oni", "they", "свекор", "свекруха", "теща", "тесть",
)  # fmt: skip

_VICTIMS = (
    "мене", "меня", "mnie", "me", "нас", "nas", "us", "дитину", "ребенка", "ребёнка", "dziecko", "child",
    "дітей", "детей", "dzieci", "kids", "children", "маму", "mamę", "mom", "mum", "mother", "жінку", "жену",
    "żonę", "wife", "сина", "сына", "syna", "доньку", "дочь", "дочку", "córkę", "daughter", "її", "ее", "её",
    "ją", "her", "його", "его", "jego", "him", "сусідку", "соседку", "sąsiadkę",
)  # fmt: skip

# Third-person and past forms of "to hit/beat/choke"; the ones with an everyday double meaning are only
# ever used in the generated phrases.
_HIT_VERBS = (
    "б'є", "бив", "била", "били", "б'ють", "вдарив", "вдарила", "вдарили", "ударив", "лупить", "душить",
    "душив", "штовхає", "штовхнув", "толкает", "толкнул", "popycha", "popchnął", "pushes", "pushed",
    "szarpie", "szarpał", "grabbed", "гамселить", "товче", "мутузить", "бьет", "бьёт", "бил", "бьют",
    "ударил", "ударила", "ударили", "лупит", "колотит", "душит", "душил", "bije", "bił", "biła", "biją",
    "uderzył", "uderzyła", "uderza", "leje", "tłucze", "dusi", "dusił", "hit", "hits", "hitting", "beat",
    "beats", "beating", "slaps", "slapped", "kicks", "kicked", "punches", "punched", "chokes", "choked",
    "strangled",
)  # fmt: skip

_VIOLENCE_WORDS = (
    # violence and abuse named as such
    "насил*", "насилие", "насилля", "przemoc*", "violence", "violent*", "abuse*", "abusing", "abusive",
    "побої", "побоїв", "побоями", "побои", "побоев", "избиени*", "избива*", "избил*", "побиття", "pobicie",
    "pobił*", "побив", "побила", "побили", "beaten", "б'ють", "бьют", "лупцю*", "знущ*", "издева*", "znęca*",
    "znęcan*", "тиран*", "aggressive", "агресивн*", "агрессивн*", "agresywn*", "синці", "синяки", "синяк",
    "siniaki", "siniak*", "bruise*", "розпуска* руки", "распуска* руки", "піднімає руку", "поднимает руку",
    "podnosi rękę", "podnosi na mnie rękę", "put his hands on me", "gets physical", "рукоприкладств*",
    "кулаками", "кулаком", "pięściami", "pięścią", "with his fists", "зламав мені", "сломал мне", "złamał mi",
    "broke my arm", "broke my nose", "broke my ribs", "broke my jaw", "боюся його", "боюсь его",
    "boję się go", "afraid of him", "scared of him", "bije", "biją", "лупцює", "лупцюють", "мордобо*",
    "боюся за своє життя", "боюсь за свою жизнь", "boję się o swoje życie", "fear for my life",
    "afraid for my life", "кидається на мене", "кидается на меня", "rzuca się na mnie", "за волосся",
    "за волосы", "za włosy", "by my hair", "by the hair", "погрози вбивства", "угрозы убийством",
    "groźby śmierci", "death threats", "отримую погрози", "получаю угрозы", "dostaję groźby", "мене вб'є",
    "меня убьет", "меня убьёт", "mnie zabije", "вигнав на вулицю", "выгнал на улицу", "wyrzucił na ulicę",
    # sexual violence and harassment
    "згвалтув*", "зґвалтув*", "изнасил*", "zgwałc*", "gwałt", "gwałtu", "gwałcił*", "rape", "raped", "raping",
    "rapist", "sexual assault*", "sexually assault*", "sexual harass*", "molest*", "domagan*", "домагання",
    "домогательств*", "приставан*", "пристає до мене", "пристает ко мне", "lapie mnie", "лапа*", "obmacuj*",
    "=touches me", "=touched me", "вимага* секс*", "требу* секс*", "domaga* seks*", "demand* sex",
    "примушу* до сексу", "заставля* спать", "заставля* секс*", "zmusza* do seksu", "forced me to have sex",
    "forces me to have sex", "forced sex",
    # threats to life, attacks, weapons, kidnapping, stalking
    "вбити мене", "вб'є мене", "вб'ю", "убить меня", "убьет меня", "убьёт меня", "zabić mnie", "zabije mnie",
    "kill me", "kill us", "killed me", "kill my", "погрожу* мені", "погрожу* вбити", "погрожу* нам",
    "погрожують йому", "погрожують їй", "угрожа* мне", "угрожа* убить", "угрожа* нам", "угрожают ему",
    "угрожают ей", "grozi* zabi*", "grozi mi śmiercią", "grozi mi pobiciem", "grożą mi", "grożą mu",
    "grożą jej", "=threatened me", "=threatens me", "=threatening me", "=threaten me", "threaten* to kill",
    "=threaten us", "=threatened us", "=threaten him", "=threaten her", "=threatened him", "=threatened her",
    "напали", "напал", "напала", "napadł*", "napadli", "napad*", "attacked", "assault*", "assaulted", "ножем",
    "ножом", "nożem", "knife", "stabbed", "пістолет*", "пистолет*", "gun", "викрали", "похитил*", "porwal*",
    "porwany", "porwana", "kidnap*", "stalk*", "переслідує мене", "преследует меня", "nęka*", "nękan*",
    # fear of a partner, hiding, the domestic violence procedures
    "боюся чоловіка", "боюсь мужа", "боюся свого чоловіка", "боюсь своего мужа", "boję się męża",
    "boję się partnera", "afraid of my husband", "вигнати чоловіка", "выгнать мужа", "wyrzucić męża",
    "remove my husband", "nakaz opuszczenia", "заборона наближ*", "запрет приближ*", "zakaz zbliżania",
    "restraining order", "ukryć przed", "сховатися від", "спрятаться от", "afraid of my partner",
    "scared of my husband", "scared of my partner", "боюся йти додому", "боюсь идти домой",
    "боюся повертатися додому", "боюсь возвращаться домой", "boję się wrócić do domu", "boję się iść do domu",
    "afraid to go home", "scared to go home", "сховатися від", "спрятаться от", "ukryć się przed",
    "hide from my", "hide from him", "втекти від чоловіка", "сбежать от мужа", "uciec od męża",
    "escape from my husband", "domestic abuse", "зачинив мене", "запер меня", "zamknął mnie", "locked me",
    "принижує", "унижает", "poniża", "humiliates", "hurt me", "hurts me", "hurting me", "hurt my child",
    "hurts my child", "hurts the kids", "hurts my kids",
)  # fmt: skip


def _pairs(firsts: tuple[str, ...], seconds: tuple[str, ...]) -> tuple[str, ...]:
    """ "first second" phrases written with alternatives, covering every pair except two very short
    skeletons ("б'є її" is "be i"), which would fire on ordinary English ("I will be ... I")."""

    def short(word: str) -> bool:
        return len(skeleton_word(word)) < 3

    long_firsts = [w for w in firsts if not short(w)]
    short_firsts = [w for w in firsts if short(w)]
    long_seconds = [w for w in seconds if not short(w)]
    phrases = [f"{'|'.join(long_firsts)} {'|'.join(seconds)}"]
    if short_firsts and long_seconds:
        phrases.append(f"{'|'.join(short_firsts)} {'|'.join(long_seconds)}")
    return tuple(phrases)


_VIOLENCE = (
    *_VIOLENCE_WORDS,
    *_pairs(_PERPETRATORS, _HIT_VERBS),
    *_pairs(_HIT_VERBS, _VICTIMS),
    *_pairs(_VICTIMS, _HIT_VERBS),
)

_TRAFFICKING = (
    # named as such, the national hotline
    "торгівл* людьми", "торговл* людьми", "handel ludźmi", "handlu ludźmi", "human trafficking",
    "trafficking", "trafficked", "traffickers", "forced labour", "forced labor", "примусов* прац*",
    "принудительн* труд*", "praca przymusowa", "pracy przymusowej", "debt bondage", "kcik", "кцік", "кцик",
    "рабств*", "slavery", "slave*", "невільн*", "niewolnic*", "кабал*", "раб", "раби", "рабы", "рабами",
    "рабов", "рабів", "вербов*", "вербувал*", "працю* за борг*", "работа* за долг*", "pracuj* za dług*",
    "work* for debt*", "=has my passport", "=have my passport", "=has our passports", "=has my documents",
    "паспорт у начальник*", "паспорт у роботодав*", "паспорт у бригадир*", "паспорт у работодател*",
    "документ* у начальник*", "документ* у роботодав*", "документ* у работодател*", "документ* у бригадир*",
    "paszport u szefa", "paszport ma szef", "dokumenty u szefa", "dokumenty ma szef", "мене тримають",
    "меня держат", "trzymają mnie", "нас тримають", "нас держат", "nas trzymają", "holding me",
    "keep me here", "keeping me here", "тримають нас", "держат нас", "trzymają nas", "keeping us",
    "не можемо вийти", "не можем выйти", "nie możemy wyjść", "не вільні", "не свободны", "nie jesteśmy wolni",
    "not free to leave", "кажуть що я винен", "кажуть що ми винні", "говорят что я должен",
    "говорят что мы должны", "mówią że jestem winien", "mówią że jestem winna", "say i owe", "says i owe",
    "я їм винен", "я им должен", "jestem im winien", "i owe them", "перепродал*", "інтим*", "интим*",
    "escort", "wykorzyst* seksual*", "сексуальн* експлуатац*", "сексуальн* эксплуатац*",
    "sexual exploitation", "експлуатац*", "эксплуатац*", "wyzysk*", "exploit*", "документ* забрал*",
    "документ* відібрал*", "документ* отобрал*", "dokument* zabrał*", "dokument* zabrali", "паспорт* в залог",
    "паспорт* у заставу", "паспорт* в заставу", "paszport* w zastaw", "passport* as collateral",
    "passport* as a deposit",
    # passport, documents or phone taken / withheld
    "забрал* паспорт*", "забрав паспорт*", "відібрал* паспорт*", "відібрав паспорт*", "отобрал* паспорт*",
    "паспорт* забрал*", "паспорт* забрав", "паспорт* отобрал*", "паспорт* відібрал*", "трима* паспорт*",
    "держ* паспорт*", "не відда* паспорт*", "не отда* паспорт*", "забрал* документ*", "забрав документ*",
    "отобрал* документ*", "відібрал* документ*", "трима* документ*", "трима* мої документ*",
    "держ* документ*", "держ* мои документ*", "не відда* документ*", "не отда* документ*",
    "zabrał* paszport*", "zabrali paszport*", "odebrał* paszport*", "paszport* zabrał*", "trzyma* paszport*",
    "nie oddaj* paszport*", "nie odda* paszport*", "zabrał* dokument*", "zabrali dokument*",
    "trzyma* dokument*", "trzyma* moje dokument*", "nie oddaj* dokument*", "took my passport*",
    "took our passport*", "taken my passport*", "takes our passport*", "keeps my passport*",
    "keep our passport*", "keeps passport*", "keeps my documents", "keeps our documents", "keeps documents",
    "holding my passport*", "holds my passport*", "won't give back my passport*", "took my documents",
    "took our documents", "passport was taken", "passports were taken", "confiscated my", "confiscated our",
    "забрали телефон", "отобрали телефон", "відібрали телефон", "zabrali telefon", "took my phone",
    "took our phones",
    # not allowed to leave, locked in
    "не відпуска* !у !в !на !відпустку", "не отпуска* !в !на !отпуск", "не випуска*", "не выпуска*",
    "nie wypuszcza*", "nie pozwala* wyjść", "nie pozwala* odejść", "nie pozwala* wychodzić",
    "nie można wychodzić", "not allowed to leave", "not allowed to go out", "won't let me leave",
    "won't let us leave", "wont let me leave", "don't let me leave", "dont let me leave",
    "don't let us leave", "dont let us leave", "cannot go out", "can't go out", "cant go out",
    "не дають піти", "не дають поїхати", "не дають виходити", "не дают уйти", "не дают уехать",
    "не дают выходить", "тримають під замком", "держат взаперти", "запира*", "замика* нас", "замика* мене",
    "заперли нас", "заперли меня", "замкнули нас", "замкнули мене", "зачинили нас", "зачинили мене",
    "зачиняють нас", "locked in", "locked us", "locked at", "locked on", "zamknęli nas", "zamykaj* nas",
    "zamknięci", "не може* піти з робот*", "не может уйти с работ*", "nie moż* odejść z prac*",
    "can't leave his job", "cant leave his job", "can't leave her job", "can't leave my job",
    "cant leave my job", "cannot leave my job",
    # forced work, debts to work off, sold, forced prostitution
    "примушу* працю*", "змушу* працю*", "заставля* работ*", "принужда* работ*", "zmusza* do prac*",
    "zmuszaj* do prac*", "forced to work", "force me to work", "force us to work", "forcing us to work",
    "відпрацю* борг*", "відпрацюва* борг*", "отработ* долг*", "odpracow* dług*", "work off debt*",
    "work off the debt*", "work off a debt*", "work off our debt*", "work off my debt*", "відпрацюю",
    "отработаю", "odpracuję", "odpracuje", "борг за дорогу", "долг за дорогу", "винен за житло",
    "должен за жиль*", "winny za mieszkanie", "winna za mieszkanie", "owe them", "мене продали",
    "нас продали", "меня продали", "продали мене", "продали меня", "sprzedali mnie", "sprzedali nas",
    "sold me", "sold us", "проститу*", "prostytu*", "prostitut*", "секс за гроші", "секс за деньги",
    "увезли на работ*", "вивезли на робот*", "wywieźli do pracy",
)  # fmt: skip

_SELF_HARM = (
    "суїцид*", "суицид*", "suicid*", "самогубств*", "самоубийств*", "samobój*", "самоушкодж*", "самоповрежд*",
    "samookalecz*", "self harm", "self-harm", "selfharm", "unalive", "kys", "роскомнадзор*", "выпилит*",
    "випилит*",
    # wanting to die, not wanting to live
    "не хочу жити !в !у !з !із !разом !тут !там !сам !сама !одна !один",
    "не хочу жить !в !у !с !со !вместе !здесь !там !одна !один", "не хочеться жити", "не хочется жить",
    "не хочу більше жити", "не хочу больше жить", "nie chcę żyć", "nie chce mi się żyć", "nie chcę już żyć",
    "don't want to live !in !with !here !there !alone", "dont want to live !in !with !here !there !alone",
    "do not want to live !in !with !here !there !alone", "don't want to be alive", "dont want to be alive",
    "хочу померти", "хочу вмерти", "хочу умереть", "chcę umrzeć", "chce umrzeć", "want to die", "wanna die",
    "wish i was dead", "wish i were dead", "better off dead", "better off without me", "краще без мене",
    "лучше без меня", "lepiej beze mnie", "no reason to live", "немає сенсу жити", "нема сенсу жити",
    "нет смысла жить", "не бачу сенсу жити", "не вижу смысла жить", "nie widzę sensu życia",
    "nie ma sensu żyć", "жити не хочу", "жить не хочу", "жить не хочется", "жити не хочеться",
    "не можу так жити", "не могу так жить", "nie mogę tak żyć", "can't go on", "cant go on",
    "не хочу прокидатися", "не хочу просыпаться", "nie chcę się obudzić", "don't want to wake up",
    "dont want to wake up", "заснути і не прокинутися", "уснуть и не проснуться", "zasnąć i się nie obudzić",
    "хочу зникнути назавжди", "хочу исчезнуть навсегда", "zniknąć na zawsze", "disappear forever",
    "прощальн* лист*", "прощальн* письм*", "list pożegnaln*", "suicide note", "goodbye letter",
    "хочу зникнути", "хочу исчезнуть", "chcę zniknąć", "want to disappear", "краще б я померла",
    "краще б я помер", "краще б мене не було", "лучше бы я умерла", "лучше бы я умер",
    "лучше бы меня не было", "lepiej żebym umarła", "lepiej żebym umarł", "lepiej żeby mnie nie było",
    "wish i wasn't here", "wish i wasnt here", "wish i had never been born", "без мене всім буде краще",
    "без меня всем будет лучше", "всім буде краще без мене", "всем будет лучше без меня",
    "wszystkim będzie lepiej beze mnie", "everyone would be better without me", "я тягар", "я для всіх тягар",
    "я обуза", "я для всех обуза", "jestem ciężarem", "i'm a burden", "i am a burden", "втомилася жити",
    "втомився жити", "устала жить", "устал жить", "zmęczona życiem", "zmęczony życiem", "tired of living",
    "tired of life", "нема для чого жити", "немає для чого жити", "нема заради чого жити", "незачем жить",
    "не для чего жить", "не ради чего жить", "nie mam po co żyć", "nothing to live for", "життя не має сенсу",
    "жизнь не имеет смысла", "życie nie ma sensu", "life has no meaning", "life is meaningless",
    "life is pointless", "no point in living", "no point living", "покінчити з усім", "покінчити з життям",
    "покончить со всем", "покончить с жизнью", "skończyć ze wszystkim", "skończyć z życiem",
    "targnąć się na życie", "targnąć się na swoje życie", "заснути назавжди", "уснуть навсегда",
    "заснуть навсегда", "zasnąć na zawsze", "sleep forever", "думаю про смерть", "думки про смерть",
    "думаю о смерти", "мысли о смерти", "myślę o śmierci", "myśli o śmierci", "thinking about death",
    "thoughts of death", "thinking about dying", "суїцидальн*", "суицидальн*", "myśli samobójcze", "suicidal",
    "різати себе", "ріжу руки", "режу руки", "tnę ręce", "cutting my arms", "з даху", "с крыши", "z dachu",
    "off the roof", "в петлю", "у петлю", "петлю", "pętl*", "noose", "прощавайте всі", "прощайте все",
    "żegnajcie wszyscy", "goodbye everyone", "goodbye forever", "самовыпил*", "выйти в окно", "вийти у вікно",
    "вийти в вікно", "i'm done with life", "done with life", "done with everything", "want to end it",
    "end it", "don't want to exist", "dont want to exist", "не хочу існувати", "не хочу существовать",
    "nie chcę istnieć", "не хочу більше", "не хочу больше", "nie chcę już", "не можу більше",
    "не могу больше", "nie mogę już", "can't do this anymore", "cant do this anymore",
    "can't take it anymore", "cant take it anymore", "mam dość życia", "mam dosyć życia", "dość życia",
    "nie widzę wyjścia", "не бачу виходу", "не вижу выхода", "no way out", "się zabić", "się zabiję",
    "się zabije", "skończ* z tym wszystkim", "z tym wszystkim skończ*", "położyć kres",
    "odejść z tego świata", "zniknąć z tego świata", "okalecz*", "sobie krzywd*", "nie dam rady dłużej",
    "nie daję już rady", "żegnam was", "jak mnie nie będzie", "gdy mnie nie będzie", "gdyby mnie nie było",
    "skocz* z mostu", "skocz* z okna", "skocz* z dachu", "skoczę pod", "rzuc* się pod", "po co żyć",
    "po co mam żyć", "odejść na zawsze", "chciał* umrzeć", "wolę umrzeć", "lepiej umrzeć", "umrzeć",
    "набридло жити", "нема сил жити", "немає сил жити", "нет сил жить", "надоело жить", "покінчити з цим",
    "покончить с этим", "піти з життя", "уйти из жизни", "піти з цього світу", "уйти из этого мира",
    "вкоротити собі віку", "вкоротити віку", "щось із собою", "щось з собою", "что-то с собой",
    "что нибудь с собой", "что-нибудь с собой", "убити себе", "себе вбити", "себе убити", "себя убить",
    "таблеток наковтатися", "наковта* пігулок", "всі пігулки", "поріза* себе", "різа* себе", "поріза* руки",
    "поріза* вени", "выпилюсь", "выпилиться", "таблеток наглотаться", "порезала себя", "порезал себя",
    "останнє повідомлення", "последнее сообщение", "ostatnia wiadomość", "померти", "вмерти", "умереть",
    "kill my self", "off myself", "harm myself", "harming myself", "take my life", "don't want to be here",
    "dont want to be here", "jump off", "jump from the", "ready to die", "wish i could die", "better to die",
    "rather be dead", "rather die", "better without me", "без мене буде краще", "без меня будет лучше",
    "beze mnie będzie lepiej",
    # ending one's life, hurting oneself
    "покінчити з собою", "покінчу з собою", "покончить с собой", "покончу с собой", "накласти на себе руки",
    "наложить на себя руки", "накла* на себе руки", "налож* на себя руки", "руки на себе накла*",
    "руки на себя налож*", "меня не станет", "мене не стане", "всі таблетки", "все таблетки",
    "wszystkie tabletki", "накоп* таблет*", "пачку таблеток", "упаковку таблеток", "całe opakowanie tabletek",
    "сенсу жити", "смысла жить", "sensu żyć", "point of living", "point in living", "reason to live",
    "і не прокинутися", "і не прокинутись", "и не проснуться", "i się nie obudzić", "i nie obudzić się",
    "never wake up", "and not wake up", "kms", "skończ* ze sobą", "ze sobą skończ*", "się tnę", "się ciąć",
    "odbior* sobie życie", "odebr* sobie życie", "odbier* sobie życie", "вбити себе", "вб'ю себе",
    "убить себя", "убью себя", "zabić się", "zabiję się", "zabije się", "odebrać sobie życie",
    "skończyć ze sobą", "skończę ze sobą", "kill myself", "killing myself", "end my life", "ending my life",
    "take my own life", "end it all", "hurt myself", "hurting myself", "cut myself", "cutting myself",
    "порізати себе", "ріжу себе", "режу себя", "порезать себя", "tnę się", "ciąć się", "zrobić sobie krzywdę",
    "заподіяти собі шкоду", "причинить себе вред", "свести счеты с жизнью", "звести рахунки з життям",
    "повіситися", "повешусь", "повеситься", "повішусь", "powiesić się", "powieszę się", "hang myself",
    "порізати вени", "перерізати вени", "різати вени", "вскрыть вены", "порезать вены", "резать вены",
    "вскроюсь", "podciąć żyły", "podetnę żyły", "cut my wrists", "slit my wrists", "стрибнути з мосту",
    "скочити з мосту", "прыгнуть с моста", "skoczyć z mostu", "jump off a bridge", "jump off the bridge",
    "вистрибнути з вікна", "стрибнути з вікна", "выпрыгнуть из окна", "прыгнуть из окна", "шагнуть из окна",
    "wyskoczyć z okna", "wyskoczyć przez okno", "skoczyć z okna", "jump out of the window",
    "jump out the window", "кинутися під потяг", "броситься под поезд", "rzucić się pod pociąg",
    "jump in front of a train", "overdose", "передозув*", "передозир*", "przedawkow*", "наковтатися таблеток",
    "наглотаться таблеток", "nałykać się tabletek", "випити всі таблетки", "выпить все таблетки",
    "połknąć wszystkie tabletki", "all my pills", "all the pills",
)  # fmt: skip

CRISIS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {"self_harm": _SELF_HARM, "trafficking": _TRAFFICKING, "violence": _VIOLENCE}
)
# When several kinds match, the first in this order is reported: the most urgent and the most specific.
PRIORITY: tuple[str, ...] = ("self_harm", "trafficking", "violence")
