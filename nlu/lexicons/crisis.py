"""Signals of violence, trafficking / forced labour and self-harm, for the recall-first crisis detector.

Recall comes first: a missed signal costs far more than an advisor reading a false alarm. Still, words with
an everyday meaning are only listed inside phrases ("б'є" alone is also the skeleton of English "be";
"bił" shares one with "bill"; "pobita" with "побыта"), "!w" blocks a phrase before an innocent
continuation, "$" keeps a phrase to the end of a sentence ("не можу більше." but not "не можу більше
чекати"), and "-w" vetoes it when w is in the sentence (nlu.matcher). Phrases allow two words in between
("забрали у мене паспорт" matches "забрали паспорт*"). Transliterated Russian/Ukrainian needs no separate
entries: the skeleton of "muzh b'et" is that of "муж бьет".

Three kinds of entries:

* `CRISIS`: phrases that signal a crisis on their own ("покінчити з собою", "took my passport").
* `RULES`: co-occurrences of concepts that signal a crisis only together, within a few words of one sentence:
  a self-reference with a harm verb ("ріже собі руки", "kill herself"), pills with "all"/"saving up"/"not
  wake up", a jump with a bridge/roof/window, documents with a withholding verb, a debt with an agency or
  working it off, unpaid work with threats or confinement. Each concept is a list of phrases.
* `IDIOMS`: figurative phrases ("умираю от скуки", "dying to know", "побиття рекорду"); a crisis match that
  overlaps one is dropped.

Violence against a person is mostly said as "who does what to whom", so those phrases are generated from
word lists: a perpetrator before or after a hitting verb ("чоловік б'є", "бьет муж"), or a hitting verb
before or after a victim ("бьет меня", "mnie bije").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from nlu.normalize import skeleton_word

# ---------------------------------------------------------------------------------------------- word lists

_PERPETRATORS = (
    "чоловік", "муж", "mąż", "maz", "husband", "партнер", "partner", "співмешканець", "сожитель", "konkubent",
    "хлопець", "парень", "chłopak", "boyfriend", "bf", "батько", "отец", "ojciec", "father", "dad", "тато",
    "папа", "вітчим", "отчим", "ojczym", "stepfather", "stepdad", "син", "сын", "syn", "son", "брат", "brat",
    "brother", "сусід", "сосед", "sąsiad", "neighbour", "neighbor", "шеф", "szef", "boss", "начальник",
    "бригадир", "brygadzista", "роботодавець", "работодатель", "pracodawca", "employer", "колишній",
    "бывший", "były", "ex", "хтось", "кто", "ktoś", "someone", "somebody", "він", "он", "on", "he", "вона",
    "она", "ona", "she", "вони", "они", "oni", "they", "свекор", "свекруха", "теща", "тесть", "власник",
    "хозяин", "właściciel", "landlord", "охоронець", "охранник", "ochroniarz", "guard", "поліцейський",
    "полицейский", "policjant", "cop", "officer", "вчитель", "учитель", "nauczyciel", "teacher", "тренер",
    "trener", "coach", "мужик", "facet", "guy", "колега", "kolega", "coworker", "colleague", "дядько",
    "дядя", "wujek", "uncle", "незнайомець", "незнакомец", "nieznajomy", "stranger", "сожитель", "жінка",
    "жена", "żona", "wife", "мати", "мать", "matka", "mother",
)  # fmt: skip

# Objects that can stand before the verb ("мене б'є", "mnie bije"): no English, no nominative look-alikes.
_VICTIMS_BEFORE = (
    "мене", "меня", "mnie", "нас", "nas", "дитину", "ребенка", "ребёнка", "дітей", "детей", "маму", "mamę",
    "жінку", "жену", "żonę", "сина", "сына", "syna", "доньку", "дочку", "córkę", "її", "ее", "её", "ją",
    "його", "его", "jego", "сусідку", "соседку", "sąsiadkę", "подругу", "koleżankę", "сестру", "siostrę",
    "брата", "brata",
)  # fmt: skip
_VICTIMS = (
    "мене", "меня", "mnie", "me", "нас", "nas", "us", "дитину", "ребенка", "ребёнка", "dziecko", "child",
    "дітей", "детей", "dzieci", "kids", "children", "маму", "mamę", "mom", "mum", "mother", "жінку", "жену",
    "żonę", "wife", "сина", "сына", "syna", "доньку", "дочь", "дочку", "córkę", "daughter", "її", "ее", "её",
    "ją", "her", "його", "его", "jego", "him", "сусідку", "соседку", "sąsiadkę", "подругу", "koleżankę",
    "friend", "сестру", "siostrę", "sister", "брата", "brata", "son", "kid", "мамку", "матір", "мать",
    "matkę", "бабусю", "бабушку", "babcię",
)  # fmt: skip

# Third-person and past forms of "to hit/beat/choke/kick"; the ones with an everyday double meaning are
# only ever used in the generated phrases.
_HIT_VERBS = (
    "б'є", "бив", "б'ють", "вдарив", "вдарила", "вдарили", "ударив", "лупить", "душить",
    "душив", "штовхає", "штовхнув", "толкает", "толкнул", "popycha", "popchnął", "pushes", "pushed",
    "szarpie", "szarpał", "grabbed", "гамселить", "товче", "мутузить", "бьет", "бьёт", "бьют",
    "ударил", "ударила", "ударили", "лупит", "колотит", "душит", "душил", "bije", "biją",
    "uderzył", "uderzyła", "uderzyli", "uderza", "tłucze", "hit", "hits", "hitting",
    "beat",
    "beats", "beating", "slaps", "slapped", "slap", "kicks", "kicked", "punches", "punched", "punch",
    "chokes",
    "choked", "strangled", "пинає", "копає", "копнув", "пинает", "пинал", "пнул", "kopie", "kopnął", "kopał",
    "kick", "штовхнули", "штовхнула", "штрикнув", "штрикнули", "пырнул", "пырнули", "dźgnął", "dźgnęli",
    "відгамселив", "відгамселила", "гамселив", "отмудохал", "отмудохали", "отпиздил", "отметелил",
    "измордовал", "sprał", "sprali", "walnął", "walnal", "walnęła", "zdzielił", "przyłożył", "roughed",
    "knocked", "задушив", "задушил", "задушила", "udusił", "udusiła", "smacks", "smacked", "smack", "shoves",
    "shoved", "byot", "b'yot", "b'jot", "bjot", "побив",
    "побил", "pobił", "pobiła", "pobili", "избивает", "избил", "избили", "побиває",
    "б'є", "бʼє", "лупцює", "лупцював", "душат", "душать", "udusić", "udusi", "zadusić", "задушити",
    "задушить", "придушив", "придушил", "strangle", "strangles", "choke", "spoliczkował", "trzasnął",
    "ляснув", "врезал", "вмазал", "вріз", "зарядив", "grabs", "whips", "whipped", "whipping", "шмагає",
    "хлещет", "attacks", "attacking", "choking", "strangling", "punching", "slapping", "нападає", "нападает",
    "napada", "tłukł", "tłukła", "tłukli", "stłukł",
    "zlał", "zlała", "zlali", "skopał", "skopała", "skopali", "katuje", "katują", "katował", "katowała",
    "skatował", "skatowali", "катує", "катують", "катував", "истязает", "истязал", "истязают",
)  # fmt: skip

# Words that make a study, a film or the news out of a named crisis ("a school project about trafficking").
_STUDY = (
    "-реферат*", "-доповід*", "-доклад*", "-проєкт*", "-проект*", "-projekt*", "-project*", "-essay*",
    "-esej*", "-wypracowan*", "-твір", "-сочинени*", "-presentation*", "-презентац*", "-prezentacj*",
    "-курсов*", "-дипломн*", "-thesis", "-lesson*", "-урок*", "-lekcj*", "-film*", "-фільм*", "-фильм*",
    "-movie*", "-серіал*", "-сериал*", "-serial*", "-series", "-книг*", "-book*", "-książk*", "-статт*",
    "-стать*", "-artykuł*", "-article*", "-research*", "-дослідж*", "-исследован*", "-badani*",
    "-статистик*", "-statystyk*", "-statistic*", "-профілакт*", "-профилакт*", "-profilakty*", "-prevent*",
    "-запобіг*", "-предотвращ*", "-documentary", "-документальн*", "-dokumentaln*", "-новин*", "-новост*",
    "-news", "-семінар*", "-семинар*", "-seminar*", "-тренінг*", "-тренинг*", "-training*", "-szkoleni*",
    "-волонтер*", "-volunteer*", "-wolontari*", "-вебінар*", "-вебинар*", "-webinar*", "-конференц*",
    "-konferencj*", "-conference*", "-лекці*", "-лекци*", "-wykład*", "-lecture*", "-workshop*",
    "-warsztat*", "-кампані*", "-кампани*", "-kampani*", "-campaign*", "-соцпрацівник*", "-соцработник*",
    "-курси", "-курсы", "-kursy", "-kurs", "-курсів", "-курсов", "-course*", "-podcast*", "-подкаст*",
)  # fmt: skip
_LAUGHTER = ("-хаха*", "-ахах*", "-хах", "-haha*", "-hah", "-lol", "-xd", "-хд", "-jk", "-жартую", "-шучу",
             "-żartuję", "-kidding", "-joking")  # fmt: skip


# A bruise from a fall, a sleepless night or a sport is not violence.
_NOT_BY_SOMEONE = " ".join((
    "-упал*", "-упав", "-впал*", "-впав", "-upadł*", "-przewrócił*", "-fell", "-fall*", "-недосип*",
    "-недосып*", "-niewyspan*", "-колін*", "-колен*", "-kolan*", "-knee*", "-спорт*", "-sport*",
    "-тренуван*", "-трениров*", "-trening*", "-training", "-очима", "-глазами", "-oczami", "-eyes",
    "-spadł*", "-spadl*", "-звалил*", "-свалил*", "-zleciał*", "-гірк*", "-горк*", "-zjeżdżal*", "-slide",
    "-качел*", "-гойдал*", "-huśtaw*", "-swing*", "-велосипед*", "-rower*", "-bike", "-bicycle", "-самокат*",
    "-hulajnog*", "-scooter*", "-ковзан*", "-коньк*", "-łyżw*", "-skat*", "-майданчик*", "-площадк*",
    "-playground", "-zabaw*", "-ударился", "-ударилась", "-вдарився", "-вдарилась", "-bumped", "-bumps",
    "-obił*", "-stuknął", "-stuknęła",
))  # fmt: skip
# A cut from glass, a kitchen knife or a fall is no self-injury.
_ACCIDENT = (
    "-скл*", "-стекл*", "-szkł*", "-szkl*", "-glass", "-випадков*", "-случайн*", "-przypadk*",
    "-accident*", "-готув*", "-готов*", "-gotow*", "-cook*", "-кухн*", "-kuchn*", "-kitchen", "-папер*",
    "-бумаг*", "-paper*", "-травмпункт*", "-упал*", "-впал*", "-впав", "-fell", "-fall*", "-upadł*",
    "-хліб*", "-хлеб*", "-chleb*", "-bread", "-овоч*", "-warzyw*", "-vegetable*", "-операц*", "-operac*",
    "-surgery", "-волосс*", "-волос*", "-włos*", "-hair", "-нігт*", "-ногт*", "-paznok*", "-nails",
)  # fmt: skip


# A match, a record or a ball: "beaten at chess", "дитину вдарили м'ячем", "pobiła rekord"; a cough or
# envy that "chokes" ("мене душить кашель", "жаба душить").
_NOT_A_BLOW = " ".join((
    "-шахмат*", "-szach*", "-chess", "-game*", "-match*", "-матч*", "-mecz*", "-турнір*", "-турнир*",
    "-turniej*", "-tournament*", "-футбол*", "-football*", "-soccer", "-теніс*", "-теннис*", "-tenis*",
    "-tennis", "-poker*", "-покер*", "-змаган*", "-соревнован*", "-competition*", "-марафон*", "-maraton*",
    "-marathon*", "-рекорд*", "-rekord*", "-record*", "-м'яч*", "-piłk*", "-ball", "-balls", "-кашел*",
    "-кашл*", "-kaszel*", "-kaszl*", "-cough*", "-астм*", "-astm*", "-asthma*", "-жаба", "-фізкульт*",
    "-физкульт*", "-egg*", "-яйц*", "-jajk*",
))  # fmt: skip


# Leaving a chat, a mailing list or a social network, or going away for a weekend, is no wish to disappear.
_ONLINE = " ".join((
    "-розсилк*", "-рассылк*", "-newsletter*", "-чат*", "-chat*", "-czat*", "-канал*", "-kanał*",
    "-channel*", "-груп*", "-group*", "-grup*", "-соцмереж*", "-соцсет*", "-social*", "-instagram*",
    "-інстаграм*", "-инстаграм*", "-facebook*", "-фейсбук*", "-tiktok*", "-тікток*", "-тикток*",
    "-telegram*", "-телеграм*", "-viber*", "-вайбер*", "-акаунт*", "-аккаунт*", "-account*", "-konto",
    "-konta", "-профіл*", "-профил*", "-profil*", "-unsubscrib*", "-відпис*", "-отпис*", "-wypis*",
    "-subscri*", "-підписк*", "-подписк*", "-бот*", "-bot*", "-онлайн*", "-online", "-мережі", "-сети",
    "-sieci", "-internet*", "-інтернет*", "-интернет*", "-вихідн*", "-выходн*", "-weekend*", "-відпуст*",
    "-отпуск*", "-urlop*", "-vacation*", "-holiday*", "-wakacj*", "-канікул*", "-каникул*",
))  # fmt: skip


def _study(*phrases: str) -> tuple[str, ...]:
    """Phrases that name a crisis, vetoed when the sentence is about studying or watching it."""
    veto = " ".join(_STUDY)
    return tuple(f"{phrase} {veto}" for phrase in phrases)


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
    # "syn pobił się w szkole" is a fight between children; a ball, a match or a cough is no blow.
    # "kicking us out" is an eviction.
    return tuple(f"{phrase} !się !out {_NOT_A_BLOW}" for phrase in phrases)


# A debt for a uniform, tools, a course, a phone or a fine is a dispute about pay, not debt bondage.
_ORDINARY_DEBT = " ".join((
    "-форм*", "-спецодяг*", "-спецодежд*", "-одяг*", "-одежд*", "-odzież*", "-ubrani*", "-uniform*",
    "-clothes", "-інструмент*", "-инструмент*", "-narzędz*", "-tools", "-курс*", "-kurs*", "-course*",
    "-телефон*", "-telefon*", "-phone*", "-штраф*", "-mandat*", "-fine", "-кредит*", "-kredyt*", "-loan*",
    "-банк*", "-bank*",
))  # fmt: skip


def _unless_words(phrases: tuple[str, ...], vetoes: str) -> tuple[str, ...]:
    """The phrases, each vetoed by the words of `vetoes` (one string of "-w" words)."""
    return tuple(f"{phrase} {vetoes}" for phrase in phrases)


def _alt(*words: str) -> str:
    return "|".join(words)


# ------------------------------------------------------------------------------------------------ violence

_VIOLENCE_WORDS = (
    # violence and abuse named as such
    *_study(
        "насильств*", "насилля", "насилие", "насилия", "насилию", "насилием", "насилии", "przemoc*",
        "violence", "domestic abuse", "домашн* насил*",
    ),
    "violent*", "abuse*", "abusing", "abusive", "побої", "побоїв", "побоями", "побои", "побоев", "избиени*",
    "избива*", "избил*", f"побиття {_NOT_A_BLOW}", f"pobicie {_NOT_A_BLOW}", f"pobił* !się {_NOT_A_BLOW}",
    f"побив {_NOT_A_BLOW}", f"побила {_NOT_A_BLOW}", f"побили {_NOT_A_BLOW}", f"beaten {_NOT_A_BLOW}",
    f"б'ють {_NOT_A_BLOW}", f"бьют {_NOT_A_BLOW}", "лупцю*", "налупц*", "отлупил*", "відлупц*",
    "знущ*", "издева*", "znęca*", "znęcan*", "тиран*", "aggressive", "агресивн*", "агрессивн*", "agresywn*",
    *(f"{b} {_NOT_BY_SOMEONE}" for b in ("синці", "синяки", "синяк", "siniaki", "siniak*", "bruise*")),
    "ховаю|приховую|замазую синці|синяки", "прячу|скрываю|замазываю синяки",
    "ukrywam|zakrywam|maskuję siniaki",
    "hide|hiding|cover|covering my|the bruises",
    "розпуска* руки", "распуска* руки", "піднімає руку", "поднимает руку", "podnosi rękę",
    "podnosi na mnie rękę", "put his hands on me", "gets physical", "рукоприкладств*", "кулаками", "кулаком",
    "pięściami", "pięścią", "with his fists", "зламав мені", "сломал мне", "złamał mi", "мені зламав",
    "ламав|ламає мені|їй|йому", "ломал|ломает мне|ей|ему", "łamał|łamie mi|jej|mu",
    "ганя* нас|мене|дітей по", "гоня* нас|меня|детей по", "goni* nas|mnie|dzieci po",
    "chases|chased|chasing me|us|the kids around",
    "мне сломал", "he|she|they|husband|partner|boyfriend broke my", "боюся його", "боюсь его",
    "boję się go", "afraid of him", "scared of him", f"bije !się -myśl* -serc* -zegar* -dzwon* {_NOT_A_BLOW}",
    f"biją !się -myśl* -serc* -zegar* -dzwon* {_NOT_A_BLOW}", "лупцює", "лупцюють", "мордобо*",
    "боюся за своє життя", "боюсь за свою жизнь", "boję się o swoje życie", "fear for my life",
    "afraid for my life", "кидається на мене", "кидается на меня", "rzuca się na mnie", "rzucił się na mnie",
    "за волосся", "за волосы", "za włosy", "by my hair", "by the hair", "погрози вбивства",
    "угрозы убийством", "groźby śmierci", "death threats", "отримую погрози", "получаю угрозы",
    "dostaję groźby", "фінгал*", "фингал*", "black eye", "podbi* oko|oczy", "podbite oko", "limo pod okiem",
    "синець під око|оком", "синяк под глаз|глазом", "проти моєї волі", "против моей воли", "wbrew mojej woli",
    "against my will", "held captive", "held hostage", "been held", "being held", "held here", "kept here",
    f"мене вб'є {' '.join(_LAUGHTER)}", f"меня убьет {' '.join(_LAUGHTER)}",
    f"меня убьёт {' '.join(_LAUGHTER)}", f"mnie zabije {' '.join(_LAUGHTER)}", "вигнав на вулицю",
    "выгнал на улицу", "wyrzucił na ulicę", "raises his hand", "raised his hand", "raise his hand",
    "бьет $ -you -a -the -my -your -safe -good -best", "бьют $ -you -a -the", "б'ють $ -you -a -the",
    "bije $ -zegar -serce", "biją $ -dzwony -zegary", "не дає дзвонити", "не дають дзвонити",
    "не дает звонить", "nie pozwala dzwonić",
    "nie daje dzwonić", "won't let me call", "wont let me call", "doesn't let me call",
    "не дає виходити з дому", "не дает выходить из дома", "nie pozwala wychodzić z domu", "jest bit*",
    "jestem bit*", "są bici", f"being beaten {_NOT_A_BLOW}",
    f"get beaten {_NOT_A_BLOW}", f"getting beaten {_NOT_A_BLOW}", f"was beaten {_NOT_A_BLOW}",
    f"were beaten {_NOT_A_BLOW}", "got beaten", "beat me up", "beat him up", "beat her up", "beat us up",
    "beat up my",
    "spoliczkowa*", "strangl*", "ляпас*", "пощечин*", "ляпаси", "дав ляпаса", "дал пощечину",
    "кину* у|в мене|нас|дитину", "брос* в меня|нас|ребенка", "швырнул* в меня", "rzuci* we|w mnie|nas",
    "rzuca* we|w mnie|nas", "threw at me|us", "throws at me|us", "throwing at me|us",
    # sexual violence and harassment
    "згвалтув*", "зґвалтув*", "zhvaltuv*", "ґвалту*", "гвалтує", "гвалтував", "изнасил*", "насилует",
    "насилуют",
    "насиловал*", "zgwałc*", "gwałt", "gwałtu", "gwałcił*", "gwałci", "gwałcą", "rape", "rapes", "raped",
    "raping", "rapist",
    "sexual assault*", "sexually assault*", "sexual harass*", "sexually harass*", "molest*",
    "домагання -się", "домагань -się", "домаганнями -się", "домогательств*", "приставан*",
    "пристає до мене", "пристает ко мне", "обмацу*", "лапа* мене|меня|її|ее|дочку|доньку|дитину|ребенка",
    "obmacuj*", "=touches me", "=touched me", "вимага* секс*", "требу* секс*", "domaga* seks*",
    "demand* sex", "примушу* до сексу", "змушу* до сексу", "змушу* мене до сексу", "заставля* спать",
    "заставля* секс*", "принужда* к сексу|интиму", "zmusza* do seksu", "zmusza* mnie do seksu",
    "forced me to have sex", "forces me to have sex", "forced sex", "forced himself on me",
    "forces|forcing himself on me|her", "grop*",
    f"вб'є|вбʼє|убьет|убьёт нас {' '.join(_LAUGHTER)}", f"нас вб'є|вбʼє|убьет|убьёт {' '.join(_LAUGHTER)}",
    f"zabije nas {' '.join(_LAUGHTER)}", f"nas zabije {' '.join(_LAUGHTER)}", "will kill us", "gonna kill us",
    "harass* me|her|my|us", "dobiera się do", "dobiera do mnie",
    "napastowan*", "molestowan*",
    # threats to life, attacks, weapons, kidnapping, stalking
    "вбити мене", "вб'є мене", "вб'ю тебе", "убить меня", "убьет меня", "убьёт меня", "убью тебя",
    "zabić mnie", "zabije mnie", "zabiję cię", f"kill me {' '.join(_LAUGHTER)}", "kill us", "killed me",
    "kill my wife|kids|children|family|son|daughter|mom|mum|husband|baby", "kill the kids",
    "погрожу* мені", "погрожу* вбити", "погрожу* нам", "погрожують йому", "погрожують їй",
    "угрожа* мне !штраф* !депортац* !выселен* !увольнен* !суд* !опасност* !ответственност* !отключ*",
    "угрожа* убить", "угрожа* нам", "угрожают ему", "угрожают ей", "grozi* zabi*", "grozi mi śmiercią",
    "grozi mi pobiciem",
    "grożą mi !mandat* !kar* !grzywn* !eksmisj* !odcię* !odłącz* !komornik* !sąd* !windyk*", "grożą mu",
    "grożą jej",
    "=threatened me", "=threatens me", "=threatening me", "=threaten me", "threaten* to kill",
    "=threaten us", "=threatened us", "=threaten him", "=threaten her", "=threatened him", "=threatened her",
    "напали", "напал", "напала !хандра !тоска", "напав на", "napadł* mnie|nas|na", "napadli mnie|nas|na",
    "napadnięt*", "mnie|nas napadł*|napadli|napadła", "napad na mnie|nas", "attacked", "assault*",
    "накину* на мене|неї|нас|дитину|доньку|сина", "накинул* на меня|нее|неё|нас|ребенка|дочь|сына",
    "кинувся на мене|неї|нас", "кинулся на меня|нее|нас", "got|get|getting|was|were jumped",
    "jumped me|us|him|her",
    "jumped by", "избит|избита|избиты|избитый|избитая|избитую|избитой|избитого|избитым -фраз* -тем* -истин*",
    "лапає|лапають|лапав|лапала|лапали|лапает|лапают|лапал",
    "мацає|мацають|мацав|мацала|мацали", "obmacał*|obmacywał*",
    "ліз|лізе|лізуть|лазить|лізла під спідницю|ковдру|одяг|кофту|футболку",
    "лез|лезет|лезут|лазит под юбку|одеяло|одежду|кофту|футболку", "wkłada* rękę|ręce pod spódnicę|bluzkę",
    "pod spódnicę|bluzkę mi", "up my skirt|shirt", "under my skirt|shirt", "зажима* мене|меня в|у кут*|угл*",
    "=break my|your|her|his legs|arms|neck|bones|ribs|face -ice -лід* -лед* -lód* -ski* -лиж* -лыж* -narty",
    "ноги|руки|шию повириваю|поламаю|переламаю|зламаю|відірву",
    "ноги|руки|шею вырву|переломаю|сломаю|поломаю|оторву",
    "połamie|połamię|złamie|złamię|urwie|urwę nogi|ręce|kark",
    "поламаю|переламаю|зламаю тобі|їй ноги|руки|шию", "переломаю|сломаю тебе|ей ноги|руки|шею",
    "assaulted", "stabbed", "kidnap*",
    "викрали мене|дитину|доньку|сина|людину|дівчину|жінку",
    "похитили меня|ребенка|дочь|сына|человека|девушку",
    "porwali mnie|dziecko|córkę|syna", "porwany", "porwana", "stalk*", "переслідує мене", "преследует меня",
    "nęka|nękają|nękał*|nękać|nękan*",
    # fear of a partner, hiding, the domestic violence procedures
    "боюся чоловіка", "боюсь мужа", "боюся свого чоловіка", "боюсь своего мужа", "boję się męża",
    "boję się partnera", "afraid of my husband", "вигнати чоловіка", "выгнать мужа", "wyrzucić męża",
    "remove my husband", "nakaz opuszczenia", "заборона наближ*", "запрет приближ*", "zakaz zbliżania",
    "restraining order", "ukryć przed", "сховатися від", "спрятаться от", "afraid of my partner",
    "scared of my husband", "scared of my partner", "боюся йти додому", "боюсь идти домой",
    "боюся повертатися додому", "боюсь возвращаться домой", "boję się wrócić do domu", "boję się iść do domu",
    "afraid to go home", "scared to go home", "ukryć się przed", "hid* from my|him|her|them",
    "втекти від чоловіка", "сбежать от мужа", "uciec od męża", "escape from my husband",
    "зачинив мене", "запер меня", "zamknął mnie", "locked me", "locks me", "lock me", "замикає мене|нас",
    "мене|нас замика*", "мене|нас зачинили", "меня|нас заперли", "mnie|nas zamknęli",
    "мене|нас замкнули", "доньку|дитину|сина|дочку викрали", "дочь|ребенка|сына похитили",
    "закриває мене|нас", "запирает меня|нас", "зачиня* мене|нас", "закрыва* меня|нас !от",
    "запира* меня|нас|мене", "zamyka mnie|nas", "zamyka* nas",
    "принижує", "унижает", "poniża", "humiliates", "hurt me", "hurts me", "hurting me", "hurt my child",
    "hurts my child", "hurts the kids", "hurts my kids", "струс мозку", "сотрясени*", "wstrząs mózgu",
    "concussion",
)  # fmt: skip

# Past forms of "to beat" whose skeletons are those of Russian "был/была/были" (was/were): "бил", "била",
# "bił"... They are used only after a perpetrator of their own language and before a victim ("бил меня" is
# not "был меня"), never with "он"/"кто"/"mnie" ("кто был", "мне был").
_PAST_HITS = ("бил", "била", "били", "bił", "biła", "bili")
_AMBIGUOUS_HITS = ("leje", "lał", "dusi", "dusił", "dusiła")  # also "pours", "stews": never after "on"
_PAST_HIT_PERPETRATORS = (
    "чоловік", "вітчим", "батько", "колишній", "хлопець", "співмешканець", "роботодавець", "він", "вона",
    "вони", "хтось", "свекруха", "mąż", "maz", "ojciec", "ojczym", "chłopak", "konkubent", "szef",
    "brygadzista", "pracodawca", "sąsiad", "były", "ktoś", "partner", "teściowa", "matka",
)  # fmt: skip
_PAST_HIT_VICTIMS = tuple(v for v in _VICTIMS if v not in ("mnie", "nas", "me", "us", "him", "her"))
_PAST_HIT_VICTIMS_BEFORE = (
    "мене", "меня", "дитину", "ребенка", "дітей", "детей", "маму", "жінку", "жену", "сина", "сына", "доньку",
    "дочку", "її",
)  # fmt: skip

_VIOLENCE = (
    *_VIOLENCE_WORDS,
    f"{'|'.join(_PAST_HIT_PERPETRATORS)} {'|'.join((*_PAST_HITS, *_AMBIGUOUS_HITS))}",
    f"{'|'.join(_PAST_HITS)} {'|'.join(_PAST_HIT_VICTIMS)}",
    f"{'|'.join(_PAST_HIT_VICTIMS_BEFORE)} {'|'.join(_PAST_HITS)}",
    *_pairs(_AMBIGUOUS_HITS, _VICTIMS_BEFORE),
    *_pairs(_VICTIMS_BEFORE, _AMBIGUOUS_HITS),
    *_pairs(_PERPETRATORS, _HIT_VERBS),
    *_pairs(_HIT_VERBS, _PERPETRATORS),
    *_pairs(_HIT_VERBS, _VICTIMS),
    *_pairs(_VICTIMS_BEFORE, _HIT_VERBS),
)

# --------------------------------------------------------------------------------------------- trafficking

_TRAFFICKING = (
    # named as such, the national hotline
    *_study(
        "торгівл* людьми", "торговл* людьми", "handel ludźmi", "handlu ludźmi", "human trafficking",
        "trafficking", "trafficked", "traffickers", "forced labour", "forced labor", "примусов* прац*",
        "принудительн* труд*", "praca przymusowa", "pracy przymusowej", "debt bondage",
    ),
    "kcik", "кцік", "кцик",
    *_study(
        "рабств*", "slavery", "slave*", "невільн*", "niewolnic*", "niewolnik*", "niewola", "niewoli",
        "кабал*",
        "раб", "раби", "рабы", "рабами", "рабов", "рабів",
    ),
    "працю* за борг*",
    "работа* за долг*", "pracuj* za dług*", "work* for debt*", "работ* за долг*", "робот* за борг*",
    "prac* za dług*", "=has my passport", "=have my passport", "=has our passports", "=has my documents",
    "паспорт*|пасик* у|в начальник*|роботодав*|бригадир*|работодател*|хазя*|хозя*|господар*|власник*|шеф*",
    "паспорт*|пасик* у|в координатор*|агенц*|агентств*|пана|пані",
    "документ* у|в начальник*|роботодав*|работодател*|бригадир*|хазя*|хозя*|господар*|власник*|шеф*",
    "документ* у|в координатор*|агенц*|агентств*",
    "паспорт* у|в них", "паспорт* у|в робото*", "паспорт* у|в посередник*|посредник*",
    "paszport* u|ma szef*|właściciel*|brygadzist*|koordynator*|pracodaw*|agencj*",
    "dokument* u|ma szef*|właściciel*|brygadzist*|koordynator*|pracodaw*|agencj*",
    "=has|keeps|took|holds my|our|his|her|their id|ids", "=keeps his|her|their papers|documents|passport*",
    "paszport u szefa", "paszport ma szef", "dokumenty u szefa", "dokumenty ma szef", "paszport* ma",
    "mają mój paszport", "mają moje dokumenty", "they have my passport", "have my passport",
    "мене тримають !в !на", "меня держат !в !на", "trzymają mnie -bieżąco -kontakcie", "нас тримають !в !на",
    "нас держат !в !на",
    "nas trzymają -bieżąco -kontakcie", "holding me !back", "keep me here", "keeping me here", "тримають нас",
    "держат нас",
    "trzymają nas -bieżąco -kontakcie", "keeping us !informed !updated !posted", "keep us here",
    "przetrzymyw*", "не можемо вийти !на", "не можем выйти !на",
    "nie możemy wyjść !do", "не вільні", "не свободны", "nie jesteśmy wolni", "not free to leave",
    # a debt to "them" (not for a uniform, tools or a fine: those are disputes about pay)
    *_unless_words(
        (
            "кажуть що я винен", "кажуть що ми винні", "говорят что я должен", "говорят что мы должны",
            "mówią że jestem winien|winna|winny", "say i owe", "says i owe", "я їм винен|винна|винний",
            "я им должен|должна", "jestem im winien|winna|winny", "jesteśmy im winni", "ми їм винні",
            "мы им должны", "я винна|винен|винний їм", "я должна|должен им", "i owe them", "in debt to them",
            "in their debt", "в боргу перед ними", "в долгу перед ними", "кажуть що я винна|винний",
            "говорят что я должна",
        ),
        _ORDINARY_DEBT,
    ), "перепродал*", "перепродали", "продасть мене|нас",
    "продаст меня|нас", "sprzeda mnie|nas",
    "sell me|us to", "selling me|us to", "sold me|us to", "sold me|us like", "їм належу", "належу їм",
    "им принадлежу", "принадлежу им",
    "należę|należymy do nich|niego|niej|szefa|firmy", "belong to them|him|her", "belong to the boss",
    "бордел*",
    "burdel*", "brothel*", "належу|належимо йому|їй|шефу", "принадлежу|принадлежим ему|ей|хозяину",
    "ми|ми всі належимо", "мы принадлежим",
    "продал* нас|мене|меня|людей", "sprzedał* nas|mnie|ludzi", "odsprzeda*",
    "resold", "escort agenc*", "as an escort", "wykorzyst* seksual*", "сексуальн* експлуатац*",
    "сексуальн* эксплуатац*", "трудов* експлуатац*", "трудов* эксплуатац*", "sexual exploitation",
    "labour exploitation", "labor exploitation", "експлуатують нас|мене", "эксплуатируют нас|меня",
    "wyzysk*", "exploit* us|me|workers|them", "being exploited", "документ* забрал*", "документ* відібрал*",
    "документ* отобрал*", "dokument* zabrał*", "dokument* zabrali", "паспорт* в залог", "паспорт* у заставу",
    "паспорт* в заставу", "paszport* w zastaw", "passport* as collateral", "passport* as a deposit",
    "під охороною", "под охраной", "pod strażą", "under guard",
    # passport, documents or phone taken / withheld (more in RULES)
    "забрал* паспорт* -консул* -вклей* -посольств* -ужонд* -urz* -konsulat* -ambasad* -кордон* -границ*",
    "забрав паспорт* -консул* -вклей* -посольств* -ужонд* -urz*", "відібрал* паспорт*", "відібрав паспорт*",
    "отобрал* паспорт*",
    "паспорт* забрал* -консул* -вклей* -посольств* -ужонд* -urz* -konsulat* -кордон* -границ*",
    "паспорт* забрав -консул* -вклей* -посольств*", "паспорт* отобрал*", "паспорт* відібрал*",
    "не відда* паспорт*", "не отда* паспорт*", "забрал* документ* -консул* -ужонд* -urz*",
    "забрав документ* -консул* -ужонд*", "отобрал* документ*", "відібрал* документ*",
    "не відда* документ*", "не отда* документ*",
    "zabrał* paszport* -konsulat* -urz* -ambasad* -granic* -straż*",
    "zabrali paszport* -konsulat* -urz* -ambasad* -granic* -straż*", "odebrał* paszport*",
    "paszport* zabrał* -konsulat*",
    "nie oddaj* paszport*", "nie odda* paszport*", "zabrał* dokument* -urz* -konsulat*",
    "zabrali dokument* -urz* -konsulat*", "nie oddaj* dokument*",
    "took my passport* -consulate -embassy -border* -airport",
    "took his|her|their passport*", "keep my passport*",
    "keep our passport*", "keep my documents", "keep our documents", "keep my card", "keep my residence card",
    "took our passport*", "taken my passport*", "takes our passport*", "keeps my passport*",
    "keep our passport*", "keeps passport*", "keeps my documents", "keeps our documents", "keeps documents",
    "holding my passport*", "holds my passport*", "won't give back my passport*", "took my documents",
    "took our documents", "passport was taken", "passports were taken", "confiscated my", "confiscated our",
    "confiscat* passport*", "confiscat* everyone", "забрали телефон* і|и паспорт*", "отобрали телефон*",
    "відібрали телефон*", "zabrali telefon* i paszport*", "took our phones",
    # not allowed to leave, locked in, cut off from help
    "не пускають до лікаря", "не пускают к врачу", "nie puszczają do lekarza", "don't let us see a doctor",
    "не знаємо де ми", "не знаем где мы", "nie wiemy gdzie jesteśmy", "don't know where we are",
    "не відпуска* !у !в !на !відпустку !раніше !рано -кінця -попередж* -школ* -вчител* -садоч* -садік*",
    "не отпуска* !в !на !отпуск !раньше !рано -конца -предупрежд* -школ* -учител* -садик*",
    "не випуска* -україн* -кордон* -границ* -країн*", "не выпуска* -украин* -границ* -стран*",
    "nie wypuszcza* -ukrain* -granic* -kraj*", "nie pozwala* wyjść", "nie pozwala* odejść",
    "nie pozwala* wychodzić", "nie można wychodzić", "not allowed to leave", "not allowed to go out",
    "won't let me leave", "won't let us leave", "wont let me leave", "wont let us leave",
    "don't let me leave", "dont let me leave", "don't let us leave", "dont let us leave",
    "won't let us go", "wont let us go", "won't let me go", "don't let us out", "dont let us out",
    "not let us out", "не дають піти", "не дають поїхати", "не дають виходити", "не дают уйти",
    "не дают уехать", "не дают выходить", "не дозволяють виходити", "не разрешают выходить",
    "nie pozwalają nam wychodzić", "тримають під замком", "тримає нас|мене !в !на", "держит нас|меня !в !на",
    "trzyma nas|mnie !po !na !do -bieżąco -kontakcie -nadgodzin*",
    "nas|mnie trzyma !po !na !do -bieżąco -kontakcie -nadgodzin*",
    "keeps us !busy !informed !updated !waiting !on !late !till !until !after",
    "keeps me !busy !informed !updated !waiting !on !late !till !until !after", "держат взаперти",
    "під замком", "под замком",
    "взаперти", "замика* нас", "замкнули нас", "замкнули мене", "заперли нас", "заперли меня",
    "зачинили нас", "зачинили мене", "зачиняють нас", "locked in -contract* -rate* -price* -deal*",
    "locked us", "lock us", "locks us", "keeps us locked", "locked up", "zamknęli nas", "zamykaj* nas",
    "zamknięci", "zamknięt* kontener*", "locked container", "не може* піти з робот*",
    "не может уйти с работ*", "nie moż* odejść z prac*", "can't leave his job", "cant leave his job",
    "can't leave her job", "can't leave my job", "cant leave my job", "cannot leave my job",
    "не пускають додому", "не пускают домой", "nie puszczają do domu", "nie puszczają nas",
    # forced work, debts to work off, sold, forced prostitution
    "примушу* працю*", "змушу* працю*", "змусил* працю*", "заставля* работ*", "заставил* работ*",
    "принужда* работ*", "zmusza* do prac*", "zmuszaj* do prac*", "zmusili do prac*", "zmusili nas",
    "forced to work", "force me to work", "force us to work", "forcing us to work", "forced us to work",
    "відпрацю* борг*", "відпрацюва* борг*", "отработ* долг*", "odpracow* dług*", "work off debt*",
    "work off the debt*", "work off a debt*", "work off our debt*", "work off my debt*",
    "борг за дорогу", "долг за дорогу", "винен за житло", "должен за жиль*", "winny za mieszkanie",
    "winna za mieszkanie", f"owe them {_ORDINARY_DEBT}", "мене продали", "нас продали", "меня продали",
    "продали мене",
    "продали меня", "sprzedali mnie", "sprzedali nas", "i was sold", "we were sold",
    "проститу*", "prostytu*", "prostitut*", "секс за гроші", "секс за деньги", "увезли на работ*",
    "вивезли на робот*", "wywieźli do pracy", "жебрак*", "попрошайнич*",
    "żebrać|żebrzę|żebrze|żebrzą|żebrak*|żebraczk*", "forced to beg",
    "перевоз*|возять|возят з|с місця|места на місце|место", "przewoż*|wożą z miejsca na miejsce",
    "move|moved|moving us from place to place",
    "force us to beg", "zmuszaj* do żebr*",
)  # fmt: skip

# ------------------------------------------------------------------------------------------------ self-harm

_SELF_HARM = (
    *_study(
        "суїцид*", "суицид*", "suicid~", "самогубств~", "самоубийств~", "samobójstw~", "samobójcz*",
        "самогубц*", "самоубийц*", "samobójc*",
    ),
    "самоушкодж*", "самоповрежд*", "samookalecz*", "self harm*", "self-harm*", "selfharm*", "unaliv*",
    "kys", "роскомнадзор*", "выпили*", "випили*", "выпилюсь", "випилюсь", "sewer slide", "sewerslide",
    # wanting to die, not wanting to live
    "не хочу жити !в !у !з !із !разом !тут !там !сам !сама !одна !один !на !без",
    "не хочу жить !в !у !с !со !вместе !здесь !там !одна !один !на !без", "не хочеться жити",
    "не хочется жить", "не хочу більше жити", "не хочу больше жить", "nie chcę żyć !w !z !tu !tam !sam !sama",
    "nie chce mi się żyć", "nie chcę już żyć", "жити не хоче", "жить не хочет", "не хоче жити !в !у !з",
    "не хочет жить !в !у !с", "не хочуть жити !в !у", "nie chce już żyć",
    "don't want to live !in !with !here !there !alone !on !near",
    "dont want to live !in !with !here !there !alone",
    "do not want to live !in !with !here !there !alone", "doesn't want to live !in !with !here !there",
    "doesnt want to live !in !with !here !there", "don't want to be alive", "dont want to be alive",
    "хочу померти", "хочу вмерти", "хочу умереть", "chcę umrzeć", "chce umrzeć", "want to die", "wanna die",
    "wish i was dead", "wish i were dead", "better off dead", "better off without me", "краще без мене",
    "лучше без меня", "lepiej beze mnie", "легше без мене", "легче без меня", "łatwiej beze mnie",
    "easier without me", "no reason to live", "немає сенсу жити", "нема сенсу жити", "нет смысла жить",
    "не бачу сенсу жити", "не вижу смысла жить", "nie widzę sensu życia", "nie widzę sensu żyć",
    "nie ma sensu żyć", "жити не хочу", "жить не хочу", "жить не хочется", "жити не хочеться",
    "не можу так жити", "не могу так жить", "nie mogę tak żyć", "can't go on", "cant go on",
    "не хочу прокидатися", "не хочу просыпаться", "nie chcę się obudzić", "don't want to wake up",
    "dont want to wake up", "заснути і не прокинутися", "уснуть и не проснуться", "zasnąć i się nie obudzić",
    "хочу зникнути назавжди", "хочу исчезнуть навсегда", "zniknąć na zawsze", "disappear forever",
    "прощальн* лист*|письм*|записк*|повідомл*|сообщ*|смс*|sms*|месседж*|відео|видео", "предсмертн*",
    "передсмертн*", "przedśmiertn*", "list* pożegnaln*", "pożegnaln* wiadomo*|sms*|list*|nagrani*",
    "suicide note", "goodbye letter*|note*|message*|text*|video*", "farewell note*|letter*|message*|text*",
    f"хочу зникнути {_ONLINE}", f"хочу исчезнуть {_ONLINE}", f"chcę zniknąć {_ONLINE}",
    f"want to disappear {_ONLINE}", f"want to vanish {_ONLINE}", f"хочу щезнути {_ONLINE}",
    f"хочу пропасти {_ONLINE}", f"хочу пропасть {_ONLINE}", "never be found", "щоб ніхто не знайшов",
    "щоб мене ніхто не знайшов", "чтобы никто не нашел", "чтобы меня никто не нашел",
    "żeby nikt mnie nie znalazł", "żeby mnie nikt nie znalazł",
    "якщо я зникну", "если я исчезну", "jeśli zniknę", "jak zniknę", "if i disappear", "краще б я померла",
    "краще б я помер", "краще б мене не було", "лучше бы я умерла", "лучше бы я умер",
    "лучше бы меня не было", "lepiej żebym umarła", "lepiej żebym umarł", "lepiej żeby mnie nie było",
    "краще б я не народжувал*", "краще б я не народил*", "лучше бы я не родил*", "żebym się nie urodził*",
    "wish i wasn't here", "wish i wasnt here", "wish i had never been born", "wish i was never born",
    "wish i'd never been born", "без мене всім буде краще", "без меня всем будет лучше",
    "всім буде краще без мене", "всем будет лучше без меня", "всім буде легше", "всем будет легче",
    "wszystkim będzie lepiej beze mnie", "wszystkim będzie łatwiej", "everyone would be better without me",
    "everyone would be better off", "я тягар", "я для всіх тягар", "я обуза", "я для всех обуза",
    "jestem ciężarem", "i'm a burden", "i am a burden", "im a burden", "just a burden", "тільки тягар",
    "только обуза", "tylko ciężarem", "втомилася жити", "втомився жити", "устала жить", "устал жить",
    "zmęczona życiem", "zmęczony życiem", "tired of living", "tired of life", "нема для чого жити",
    "немає для чого жити", "нема заради чого жити", "незачем жить", "не для чего жить", "не ради чего жить",
    "nie mam po co żyć", "nothing to live for", "nothing left to live for", "життя не має сенсу",
    "жизнь не имеет смысла", "życie nie ma sensu", "life has no meaning", "life is meaningless",
    "life is pointless", "no point in living", "no point living", "not worth living", "не варто жити",
    "не стоит жить", "nie warto żyć", "життя втратило сенс", "жизнь потеряла смысл", "życie straciło sens",
    "lost its meaning", "покінчити з усім", "покінчити з життям", "покончить со всем", "покончить с жизнью",
    "skończyć ze wszystkim", "skończyć z życiem", "targn* się na życie", "targn* się na swoje życie",
    "заснути назавжди", "уснуть навсегда", "заснуть навсегда", "zasnąć na zawsze", "sleep forever",
    "думаю про смерть", "думки про смерть", "думаю о смерти", "мысли о смерти", "myślę o śmierci",
    "myśli o śmierci", "thinking about death", "thoughts of death", "thinking about dying",
    *_study("суїцидальн*", "суицидальн*", "myśli samobójcze", "suicidal"), "різати себе", "ріжу руки",
    "режу руки",
    "tnę ręce", "cutting my arms", "в петлю", "у петлю", "петлю на шию", "петлю на шею", "noose",
    "прощавайте всі", "прощайте все", "żegnajcie wszyscy", "goodbye everyone", "goodbye forever",
    "самовыпил*", "выйти в окно", "вийти у вікно", "вийти в вікно", "i'm done with life", "done with life",
    "done with everything", "want to end it", "end it all", "end* it all", "end things", "ending things",
    "don't want to exist", "dont want to exist", "не хочу існувати", "не хочу существовать",
    "nie chcę istnieć", "stop existing", "перестати існувати", "перестать существовать", "przestać istnieć",
    "не хочу більше $", "не хочу больше $", "nie chcę już $", "не можу більше $", "не могу больше $",
    "nie mogę już $", "більше не витримую", "больше не выдерживаю", "не витримую більше $",
    "can't do this anymore", "cant do this anymore", "can't take it anymore", "cant take it anymore",
    "mam dość życia", "mam dosyć życia", "dość życia", "nie widzę wyjścia", "не бачу виходу",
    "не вижу выхода", "no way out", "się zabić", "się zabiję", "się zabije", "skończ* z tym wszystkim",
    "z tym wszystkim skończ*", "położyć kres", "odejść z tego świata", "zniknąć z tego świata",
    "okalecz*", "sobie krzywd*", "nie dam rady dłużej", "nie daję już rady", "żegnam was",
    "jak mnie nie będzie", "gdy mnie nie będzie", "gdyby mnie nie było", "skocz* z mostu", "skocz* z okna",
    "skocz* z dachu", "skoczę pod", "rzuc* się pod", "po co żyć", "po co mam żyć", "розда* свої|всі|все речі",
    "розда* речі",
    "разда* свои|все вещи", "разда* вещи", "rozda* rzeczy", "rozda* swoje|wszystkie rzeczy",
    "gave|give|giving away my|all stuff|things|belongings", "роздаю свої речі",
    "if i wasn't|wasnt|weren't|werent around|here|alive", "якби мене не було|не стало",
    "если бы меня не было|не стало", "коли мене не стане", "when i'm|im gone",
    "це|то моя остання ніч -готел* -хостел* -гуртож* -квартир* -тут -там -місті -польщ* -україн* -робот*",
    "это моя последняя ночь -гостиниц* -отел* -хостел* -общеж* -квартир* -здесь -тут -там -городе -польш*"
    " -работ*",
    "to moja ostatnia noc -hotel* -hostel* -mieszkan* -tutaj -tu -tam -mieście -polsc* -prac*",
    "this is my last night -hotel* -hostel* -flat -apartment* -here -there -city -town -poland -work* -job",
    "режусь|ріжусь !в !у !во",
    "різала|різав|порізала|порізав|ріжу|режу|резала|резал|порезала|порезал себе|себя",
    "роздала свої речі", "роздаю речі", "раздаю вещи",
    "раздала вещи", "раздаю свои вещи", "rozdaję swoje rzeczy", "rozdałam swoje rzeczy",
    "giving away my things", "giving away my stuff", "gave away my things", "не буду більше заважати",
    "більше не буду заважати", "не буду больше мешать", "больше не буду мешать", "nie będę już przeszkadzać",
    "won't bother anyone anymore", "wont bother anyone anymore", "хочу до мами на небо", "к маме на небо",
    "do mamy do nieba", "join my mom in heaven", "be with my mom in heaven", "туди де немає болю",
    "туда где нет боли", "tam gdzie nie ma bólu", "where there is no pain", "спати вічно", "спать вечно",
    "spać wiecznie", "як померти", "как умереть", "jak umrzeć", "how to die", "how do i die",
    "how can i die", "ways to die", "способ* умереть", "способи померти", "sposob* na śmierć",
    "нічого не тримає", "ничего не держит", "nic mnie nie trzyma", "nic mnie już nie trzyma",
    "nothing keeps me", "nothing holds me", "нікому не потрібна", "нікому не потрібен", "никому не нужна",
    "никому не нужен", "nikomu nie jestem potrzebn*", "nikt mnie nie potrzebuje", "no one needs me",
    "nobody needs me", "nobody would miss me", "no one would miss me", "ніхто не помітить якщо",
    "никто не заметит если", "nikt nie zauważy jeśli", "більше не можу $", "больше не могу $",
    "już nie mogę $", "can't anymore $", "cant anymore $", "i can't anymore", "i cant anymore", "навіщо жити",
    "нащо жити", "зачем жить", "для чого жити", "для чего жить",
    "why live", "why should i live", "why am i alive", "why am i still alive", "why even live",
    "не можу більше жити !в !у !з !тут !там !на", "не могу больше жить !в !у !с !здесь !там !на",
    "nie mogę dłużej żyć !w !z !tu !tam", "can't live like this", "cant live like this",
    "жити з цим болем", "жити в цьому болю", "жити в цьому болі", "жить с этой болью", "żyć z tym bólem",
    "live with this pain", "мене скоро не буде", "скоро мене не буде", "меня скоро не будет",
    "скоро меня не будет", "wkrótce mnie nie będzie", "niedługo mnie nie będzie", "won't be here much longer",
    "odejść na zawsze", "leave|leaving this world", "leave this life",
    "життя нічого не варте", "жизнь ничего не стоит", "życie nic nie jest warte", "życie nic nie warte",
    "life is worth nothing", "life is worthless", "моє життя нічого не варте", "моя жизнь ничего не стоит",
    "припіка*|обпіка* себе -зелен* -йод* -сонц*", "прижига*|обжига* себя -зелен* -йод* -солнц*",
    "przypala* się|siebie -słońc* -jod* -kuchen*", "=burning myself -sun* -cook* -kitchen* -oven* -iron*",
    "=burn myself -sun* -cook* -kitchen* -oven* -iron*",
    "chciał* umrzeć", "wolę umrzeć", "lepiej umrzeć", "краще померти", "лучше умереть", "набридло жити",
    "нема сил жити", "немає сил жити", "нет сил жить", "надоело жить", "покінчити з цим", "покончить с этим",
    "піти з життя", "уйти из жизни", "піти з цього світу", "уйти из этого мира", "піти назавжди",
    "уйти навсегда", "вкоротити собі віку", "вкоротити віку", "щось із собою", "щось з собою",
    "что-то с собой", "что нибудь с собой", "что-нибудь с собой", "убити себе", "себе вбити", "себе убити",
    "себя убить", "таблеток наковтатися", "наковта* пігулок", "всі пігулки", "поріза* себе", "різа* себе",
    "поріза* руки", "поріза* вен*", "порез* вен*", "перерізал* вен*", "вскры* вен*", "вскрыл*",
    "таблеток наглотаться", "порезала себя", "порезал себя", "последнее сообщение $",
    "останнє повідомлення $", "моє останнє повідомлення", "мое последнее сообщение",
    "moja ostatnia wiadomość",
    "my last message", "kill my self", "off myself", "harm myself",
    "harming myself", "take my life !back", "tak* my life !back", "tak* my own life",
    "take|takes|taking|took her|his|their life|own life !savings !back",
    "вибачте|пробачте мене всі|усі -спам* -помилк* -запізн*",
    "простите меня все|всех -спам* -ошибк* -опоздан*",
    "wybaczcie mi wszyscy -spam* -błąd* -spóźn*", "forgive me everyone|all -spam -mistake* -typo* -late",
    "скоро її|його не буде $", "її|його скоро не буде $", "скоро ее|её|его не будет $",
    "ее|её|его скоро не будет $", "niedługo|wkrótce jej|go nie będzie $",
    "jej|go niedługo|wkrótce nie będzie $",
    "don't want to be here anymore", "dont want to be here anymore", "won't be here tomorrow",
    "wont be here tomorrow", "won't be around", "wont be around", "мене не буде $", "мене вже не буде $",
    "меня не будет $", "меня уже не будет $", "mnie nie będzie $", "mnie już nie będzie $",
    "jump off a bridge", "jump off the bridge", "ready to die", "wish i could die", "better to die",
    "rather be dead", "rather die", "better without me", "без мене буде краще", "без меня будет лучше",
    "beze mnie będzie lepiej", "hochu pomeryty", "не хочу більше нічого $", "ничего больше не хочу $",
    "больше ничего не хочу $", "nic już nie chcę $", "don't want anything anymore", "темні думки",
    "погані думки", "черные мысли", "чёрные мысли", "плохие мысли", "czarne myśli", "złe myśli",
    "dark thoughts", "tired of being alive", "sick of living", "sick of life", "втомилась бути живою",
    "устала быть живой", "mam dość bycia", "поки я ще жив*", "пока я еще жив*", "póki jeszcze żyję",
    "dopóki jeszcze żyję", "while i'm still alive", "while im still alive", "while i am still alive",
    "вскритися", "вскритись", "вскрыться", "вскрылась", "вскрылся", "вздернуться", "вздёрнуться",
    "вздернусь", "end myself", "ending myself", "sobie w łeb", "w łeb sobie", "kulę w łeb", "пулю в лоб",
    "кулю в лоб", "bullet in my head",
    # ending one's life, hurting oneself
    "покінчити з собою", "покінчу з собою", "покінчить з собою", "покончить с собой", "покончу с собой",
    "покончит с собой", "накласти на себе руки", "наложить на себя руки", "накла* на себе руки",
    "налож* на себя руки", "руки на себе накла*", "руки на себя налож*", "меня не станет", "мене не стане",
    "всі таблетки", "все таблетки", "wszystkie tabletki", "накоп* таблет*", "пачку таблеток",
    "упаковку таблеток", "całe opakowanie tabletek", "сенсу жити", "смысла жить", "sensu żyć",
    "point of living", "point in living", "reason to live", "і не прокинутися", "і не прокинутись",
    "и не проснуться", "i się nie obudzić", "i nie obudzić się", "never wake up", "and not wake up",
    "kms -from -away -far -drive -distance -km -miles -away", "skończ* ze sobą", "ze sobą skończ*",
    "się tnę", "się ciąć", "odbior* sobie życie", "odebr* sobie życi*", "odbier* sobie życi*", "вбити себе",
    "вб'ю себе", "убить себя", "убью себя", "zabić się", "zabiję się", "zabije się", "odebrać sobie życie",
    "skończyć ze sobą", "skończę ze sobą", "kill myself", "killing myself", "end my life", "ending my life",
    "take my own life", "end it all", "hurt myself", "hurting myself", "cut myself", "cutting myself",
    "порізати себе", "ріжу себе", "режу себя", "порезать себя", "tnę się", "ciąć się", "zrobić sobie krzywdę",
    "заподіяти собі шкоду", "причинить себе вред", "свести счеты с жизнью", "звести рахунки з життям",
    "повіситися", "повіситись", "повішусь", "повішуся", "повісилась", "повісився", "повешусь",
    "повеситься", "повесилась", "повесился", "вешаться", "вішатися", "вішатись", "powiesić się",
    "powieszę się", "powiesiła się", "powiesił się", "się powiesić", "się powieszę", "hang myself",
    "hanging myself", "втопитися", "втопитись", "втоплюсь", "утопиться", "утоплюсь", "utopić się",
    "się utopić", "drown myself", "отруїтися", "отруїтись", "отравиться", "отравлюсь", "otruć się",
    "się otruć", "poison myself", "застрелитися", "застрелитись", "застрелиться", "застрелюсь",
    "zastrzelić się", "się zastrzelić", "shoot myself", "самоубиться", "порізати вени", "перерізати вени",
    "різати вени", "вскрыть вены", "порезать вены", "резать вены", "вскроюсь", "podciąć żyły",
    "podetnę żyły", "podcięł* sobie żył*", "podcięł* żył*", "cut my wrists", "slit my wrists",
    "slit* my wrist*", "стрибнути з мосту", "скочити з мосту", "прыгнуть с моста", "skoczyć z mostu",
    "jump off a bridge", "jump off the bridge", "вистрибнути з вікна", "стрибнути з вікна",
    "выпрыгнуть из окна", "прыгнуть из окна", "шагнуть из окна", "wyskoczyć z okna", "wyskoczyć przez okno",
    "skoczyć z okna", "jump out of the window", "jump out the window", "кинутися під потяг",
    "броситься под поезд", "rzucić się pod pociąg", "jump in front of a train", "кинутися під",
    "броситься под", "rzucić się pod", "in front of a train", "under a train", "під потяг", "под поезд",
    "pod pociąg", "overdose", "передозув*", "передозир*", "przedawkow*", "наковтатися таблеток",
    "наглотаться таблеток", "nałykać się tabletek", "випити всі таблетки", "выпить все таблетки",
    "połknąć wszystkie tabletki", "all my pills", "all the pills", "bunch of pills", "купу таблеток",
    "кучу таблеток", "garść tabletek",
)  # fmt: skip

CRISIS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {"self_harm": _SELF_HARM, "trafficking": _TRAFFICKING, "violence": _VIOLENCE}
)
# When several kinds match, the first in this order is reported: the most urgent and the most specific.
PRIORITY: tuple[str, ...] = ("self_harm", "trafficking", "violence")

# ------------------------------------------------------------------------------------ co-occurrence rules


@dataclass(frozen=True)
class Rule:
    """A crisis kind signalled when one phrase of every concept occurs within `window` words of one
    sentence, in any order (at least one word apart when `distinct`)."""

    kind: str
    name: str
    concepts: tuple[tuple[str, ...], ...]
    window: int = 5


_SELF = ("собі", "себе", "себя", "sobie", "myself", "himself", "herself", "themselves", "yourself", "się")
_HARM = (
    "шкоди", "шкоду", "шкодити", "шкоджу", "нашкодити", "вред", "вреда", "вредить", "врежу", "біль", "болі",
    "боль", "порізи", "порізів", "порезы", "порезов", "рани", "раны", "krzywd*", "ból", "bólu", "rany",
    "harm*", "hurt*", "cut", "cuts", "cutting", "injur*", "ріже", "ріжу", "ріжуть", "різала", "різав",
    "різати", "порізала", "порізав", "порізати", "режу", "режет", "режут", "резал*", "резать", "поріза*",
    "порез*", "tnie", "tnę", "ciąć", "ciął", "cięła", "pocięł*", "pociął", "pociąć", "okalecz*", "kill*",
    "вбити", "вб'ю", "вб'є", "убить", "убью", "убьет", "убьёт", "zabić", "zabije*", "zabiję", "zabił*",
    "повіс*", "повес*", "вешат*", "вішат*", "powies*", "otru*", "отру*", "отрав*", "utop*", "втоп*",
    "утоп*", "zastrzel*", "застрел*", "shoot", "hang", "hanging", "poison*", "drown*", "покінчи*",
    "покончи*", "покінчу", "покончу",
)  # fmt: skip
_WANT = (
    "хочу", "хоче", "хочеться", "хотілося", "хочется", "хотелось", "хочет", "хочуть", "хотят", "chcę", "chce",
    "chciał*", "chcesz", "want*", "wanna", "wish", "готов*", "готова", "gotow*", "ready", "збираюсь",
    "збираюся", "собираюсь", "zamierzam", "планую", "планирую", "planuj*", "planning",
    "думаю", "думає", "думает", "myślę", "myśli", "thinking", "thought", "краще", "лучше", "lepiej",
    "better", "wolę", "rather", "мрію", "мечтаю", "marzę", "dream*", "вирішила", "вирішив", "решила", "решил",
    "postanowił*", "decided",
)  # fmt: skip
_DIE = (
    "померти", "вмерти", "помру", "вмру", "помирати", "вмирати", "умереть", "умру", "умирать",
    "umrzeć", "umrę", "umrzec", "umierać", "to die", "just die", "will die", "could die", "dying", "dead",
    "смерті", "смерть", "смерти", "śmierć",
    "śmierci", "death",
)  # fmt: skip
_END = (
    "закінчити", "закінчилось", "закінчилося", "закінчилася", "закончить", "закончилось", "закончилась",
    "покінчити", "покончить", "скінчити", "скінчилось", "zakończyć", "zakończy*", "skończyć", "skończyło",
    "skończy", "end", "ended", "ending",
)  # fmt: skip
_FOREVER = ("назавжди", "навсегда", "na zawsze", "forever", "for good", "all")
_NOT_ABOUT_LIFE = (
    "-курс*", "-course*", "-studi*", "-навчання", "-учеб*", "-школ*", "-szkoł*", "-school*", "-contract*",
    "-umow*", "-договір*", "-договор*", "-ремонт*", "-remont*", "-оренд*", "-аренд*", "-najem", "-lease",
    "-subscription*", "-підписк*", "-подписк*", "-abonament*", "-семестр*", "-semestr*", "-semester*",
    "-university", "-університет*", "-университет*", "-uczeln*", "-робот*", "-работ*", "-prac*", "-job*",
    "-work*", "-гру", "-игру", "-grę", "-game*", "-книг*", "-book*", "-фільм*", "-фильм*", "-film*",
    "-movie*", "-серіал*", "-сериал*", "-serial*", "-series", "-проект*", "-проєкт*", "-projekt*",
    "-project*", "-звіт*", "-отчет*", "-raport*", "-report*", "-справ*", "-sprawy", "-sprawę", "-зміну",
    "-смену", "-zmian*", "-shift*", "-черг*", "-очеред*", "-kolejk*", "-queue*", "-волокит*", "-бюрократ*",
    "-biurokrac*", "-bureaucra*", "-папер*", "-бумаг*", "-papier*", "-paperwork", "-борг*", "-долг*",
    "-dług*", "-debt*", "-кредит*", "-kredyt*", "-loan*", "-документ*", "-dokument*", "-document*",
)  # fmt: skip
_PILLS = (
    "meds", "medication*", "medicine*", "препарат*",
    "таблет*", "пігул*", "пигул*", "tablet*", "pills", "ліки", "ліків", "лекарств*", "leki", "leków",
    "лекі", "снодійн*", "снотворн*", "nasenn*", "sleeping pills", "антидепресант*", "antidepres*",
    "парацетамол*", "paracetamol*", "ібупрофен*", "ибупрофен*", "ibuprofen*",
)  # fmt: skip
_PILLS_EXCESS = (
    "всі", "все", "усі", "всю", "wszystkie", "all", "whole", "całe", "całą", "цілу", "целую", "пачк*",
    "упаковк*", "opakowan*", "bunch", "handful", "жмен*", "горст*", "garść", "купу", "кучу", "коплю",
    "накопич*", "накоп*", "збираю", "собираю", "зібрала", "собрала", "зібрав", "собрал", "zbieram",
    "uzbiera*", "saving", "stockpil*", "hoard*", "collecting", "наковта*", "наглота*", "nałyka*",
    "вмира*", "умира*", "помер*", "умер*", "смерт*", "śmier*", "to die", "dying", "death", "umrzeć", "umr*",
    "прокину*", "просну*", "obudz*", "obudzi*", "wake", "передоз*", "otru*", "отру*", "отрав*",
    "overdos*", "lethal", "смертельн*", "śmierteln*", "летальн*",
)  # fmt: skip
_HOW_MANY = ("скільки", "сколько", "ile", "how many", "how much")
_LETHAL = (
    "прокину*", "просну*", "obudz*", "obudzi*", "wake", "вмер*", "умер*", "помер*", "умр*", "to die", "dying",
    "death", "dead", "смерт*", "śmier*", "lethal", "смертельн*", "śmierteln*", "overdos*", "передоз*",
    "przedawk*", "летальн*", "kill",
)  # fmt: skip
_JUMP = (
    "викину*", "выброс*", "wyrzuc*",
    "стрибну*", "стрибат*", "скочи*", "вистрибну*", "прыгну*", "прыгат*", "выпрыгну*", "шагну*", "skocz*",
    "skakać", "wyskocz*", "jump*", "кину*", "брос*", "rzuc*", "leap*",
)  # fmt: skip
_HEIGHT = (
    "мост*", "мосту", "міст", "moście", "most", "mostu", "bridge*", "дах*", "даху", "крыш*", "dach*",
    "roof*", "вікн*", "вікна", "окн*", "окна", "okn*", "okno", "window*", "поверх*", "этаж*", "piętr*",
    "floor", "балкон*", "balkon*", "balcony", "скел*", "cliff*", "багатоповерх*", "высотк*", "wieżowc*",
)  # fmt: skip
_ROPE = ("петл*", "pętl*", "noose", "верёвк*", "веревк*", "мотузк*", "sznur", "sznura", "sznurze", "rope")
_ROPE_USE = (
    "повіс*", "повес*", "wiesz*", "powies*", "zawiąz*", "зав'яз*", "завяз*", "приготув*", "приготов*",
    "купил*", "купила", "купив", "kupił*", "bought", "buy", "шию", "шею", "szyję", "szyi", "neck", "для себе",
    "для себя", "dla siebie", "for myself", "на себе", "на себя",
)  # fmt: skip
_NO_STRENGTH = ("сил", "сили", "siły", "strength", "will", "бажання", "желания", "ochoty", "energy", "sense")
_TO_LIVE = ("жити", "жить", "żyć", "to live", "living", "для життя", "для жизни", "do życia")
_NONE_LEFT = (
    "нема", "немає", "нет", "nie mam", "no", "lost", "втратила", "втратив", "потеряла", "потерял",
    "straciłam", "straciłem", "не маю", "не залишилось", "не осталось", "не лишилось", "zero", "brak",
)  # fmt: skip
_PLAN = ("план", "plan", "спосіб", "способ", "sposób", "way")
_METHOD = (
    *_PILLS, *_ROPE, *_HEIGHT, "вен*", "żył*", "wrist*", "міст", "most", "bridge", "потяг", "поезд", "pociąg",
    "train",
)  # fmt: skip
_NOT_LIVE_WORLD = (
    "не хочу жити", "не хочу жить", "nie chcę żyć", "don't want to live", "dont want to live",
    "don't wanna live", "dont wanna live", "не хочеться жити", "не хочется жить",
)  # fmt: skip
_WORLD = (
    "світі", "мире", "свете", "świecie", "world", "планеті", "планете", "planet", "землі", "земле", "ziemi",
)  # fmt: skip
_DECIDED = (
    "вирішила", "вирішив", "решила", "решил", "postanowiłam", "postanowiłem", "decided", "made up my mind",
    "все вирішено", "все решено", "wszystko postanowione",
)  # fmt: skip
_IT_ENDS = (
    "ends", "will end", "is over", "закінчиться", "закончится", "skończy się",
    "закінч*", "законч*", "кінець", "конец", "skończy*", "koniec", "over", "end", "скінч*", "кончит*",
    "кончил*",
)  # fmt: skip
_WRIST_CUT = (
    "cut", "cuts", "cutting", "slit", "slits", "slitting", "поріза*", "поріже*", "перерізал*", "перерізат*",
    "порез*", "вскры*", "різа*", "ріже", "режет", "резал*", "podcię*", "podciąć", "pocię*", "przecię*",
    "przeciąć",
)  # fmt: skip
_WRISTS = (
    "wrist*", "vein*", "вени", "вен", "вены", "żyły", "żył", "żyłę", "nadgarst*", "зап'яст*", "запяст*",
)  # fmt: skip
_HEAVEN = (
    "на небо", "на небеса", "do nieba", "to heaven", "в рай", "do raju", "до бога", "к богу", "do boga",
    "to god", "на той світ", "на тот свет", "na tamten świat", "к маме", "до мами", "do mamy",
)  # fmt: skip
_NOT_EXIST = (
    "was gone", "were gone", "be gone", "i'm gone", "im gone", "не стало", "не стане",
    "мене не було", "мене не стало", "меня не было", "меня не стало", "mnie nie było", "not exist",
    "not to exist", "wasn't here", "wasnt here", "weren't here", "not be here", "не існувати",
    "не встать", "не встати", "nie wstać", "never get up", "not get up",
    "не существовать", "nie istnieć", "not be alive", "not to be alive", "not wake up", "не прокинутися",
    "не прокинутись", "не проснуться", "się nie obudzić", "nie obudzić się", f"disappear {_ONLINE}",
    f"vanish {_ONLINE}",
)  # fmt: skip
_NEVER_WAKE = ("прокида*", "просипа*", "прокину*", "просну*", "просыпа*", "budzić", "obudzić", "wake")
_NEGATED = ("не хочу", "не хочеться", "не хочется", "nie chcę", "don't want", "dont want", "never want")
_NEVER = (
    "ніколи", "никогда", "nigdy", "never", "more", "again", "anymore", "більше", "больше", "już", "взагалі",
    "вообще", "w ogóle", "at all",
)  # fmt: skip
_PAINLESS = (
    "безболісно", "безболезненно", "bezboleśnie", "painless*", "швидко", "быстро", "szybko", "quickly",
    "легко", "łatwo", "easily", "тихо", "cicho", "quietly",
)  # fmt: skip
_WILL = (
    "заповіт*", "завещани*", "testament*", "my will", "a will", "wrote my will", "writing my will",
)  # fmt: skip
_WILL_WHY = (
    "лист*", "письм*", "list*", "letter*", "вирішен*", "решен*", "postanowion*", "decided", "прощ*",
    "żegna*", "goodbye", "рідним", "родным", "bliskich", "family", "дітям", "детям", "dzieciom", "kids",
)  # fmt: skip
_NOT_HERE = (
    "мене тут не буде", "мене тут скоро не буде", "меня тут не будет", "меня здесь не будет",
    "мене не буде", "мене вже не буде", "мене не стане", "меня не будет", "меня уже не будет",
    "mnie nie będzie", "mnie już nie będzie", "won't be here", "wont be here", "won't be around",
    "not be here", "не буде мене", "не будет меня",
)  # fmt: skip
_FAREWELL = (
    "прощ*", "простіть", "простите", "прости", "wybacz*", "forgive", "goodbye", "żegna*", "назавжди",
    "навсегда", "na zawsze", "forever", "люблю", "kocham", "love", "вибачте всі", "вибачте всіх",
    "простите все", "простите всех", "przepraszam wszystkich", "sorry everyone", "sorry to everyone",
)  # fmt: skip
_LAST_MESSAGE = (
    "останн* повідомл*", "последн* сообщени*", "ostatni* wiadomo*", "last message", "last text",
)  # fmt: skip

_DOCUMENTS = (
    "пасик*", "papers", "papiery", "papierów", "бумаги", "папери", "id", "ids",
    "паспорт*", "документ*", "карт* побит*", "карт* побыт*", "kart* pobyt*", "paszport*", "dokument*",
    "passport*", "documents", "residence card", "id card", "ід картк*", "id-картк*", "id-карт*",
    "посвідк*", "вид на жительство", "pasport*",
)  # fmt: skip
_WITHHOLD = (
    "не віддасть", "не отдаст", "won't give it back", "wont give it back",
    "у|в хозя*|хазя*|господар*|власник*",
    "u właściciel*|brygadzist*|koordynator*", "у|в бригадир*|координатор*", "в роботодав*|шефа|них",
    "забрал*", "забрав", "відібрал*", "відібрав", "отобрал*", "сховав", "сховал*", "спрятал*", "schował*",
    "schowali", "тримає", "тримають", "тримав", "держит", "держат", "держал*", "trzyma*", "keeps",
    "keeping", "kept", "holds", "holding", "confiscat*",
    "не віддає", "не віддають", "не віддав", "не віддадуть", "не отдает", "не отдают", "не отдал*",
    "nie oddaj*", "nie odda*", "nie chcą oddać", "nie chce oddać", "won't give", "wont give",
    "won't return", "wont return", "doesn't return", "never see", "не побачу", "не увижу", "nie zobaczę",
    "у них", "u nich", "у роботодавця", "у работодателя", "u pracodawcy", "у шефа", "u szefa",
    "не дають", "не дают", "nie dają", "не повертають", "не возвращают", "nie zwraca*",
    "віддадуть тільки", "отдадут только", "oddadzą dopiero", "back only", "haven't returned",
    "havent returned", "have not returned", "hasn't returned", "not returned", "didn't return",
    "don't return", "dont return", "not give back", "не повернули", "не повертають", "не вернули",
    "не возвращают", "nie oddali", "nie zwrócili", "nie oddają", "taken", "zabrane", "забрані", "забраны",
)  # fmt: skip
_NOT_TRAFFICKING_DOCS = (
    "-контроле", "-контролі", "-kontroli", "-lotnisk*", "-airport*", "-аеропорт*", "-аэропорт*",
    "-консул*", "-вклей*", "-посольств*", "-ужонд*", "-уженд*", "-urz*", "-konsulat*", "-ambasad*",
    "-consulate*", "-embassy", "-office", "-sticker", "-загуби*", "-потеря*", "-zgubi*", "-lost", "-lose",
    "-вкрали", "-украли", "-ukradli", "-stolen", "-stole", "-поліці*", "-полици*", "-policj*", "-police",
    "-кордон*", "-границ*", "-straż*", "-border*", "-банк*", "-bank*", "-нотаріус*", "-нотариус*",
    "-notariusz*", "-notary", "-фото*", "-photo*", "-zdjęci*", "-копі*", "-копи*", "-kopi*", "-copy",
    "-copies", "-скан*", "-skan*", "-scan*", "-готел*", "-гостиниц*", "-hotel*", "-reception",
)  # fmt: skip
_DEBT = (
    # exact forms: "долго" and "długo" (a long time) start like "долг", "dług"
    "борг*", "долг|долга|долгу|долгом|долге|долги|долгов|долгам|долгами|долгах",
    "dług|długu|długiem|długów|długami|długach|długi", "debt*", "owe", "owes", "owing", "винен", "винна",
    "винні", "винний",
    "должен", "должна", "должны", "winien", "winna", "winni", "zadłuż*", "заборгован*", "задолженн*",
    "віддам гроші", "отдам деньги", "oddam pieniądze", "віддам борг", "отдам долг", "oddam dług",
    "oddam za", "віддам за", "отдам за", "pay for the visa", "pay off", "spłacę", "сплачу", "поверну гроші",
    "верну деньги", "pay back", "pay them back",
)  # fmt: skip
_DEBT_CONTEXT = (
    "агенц*", "агентств*", "agencj*", "agenc*", "посередник*", "посредник*", "pośrednik*", "middleman",
    "recruiter*", "вербувальник*", "вербовщик*", "werbownik*", "відпрацю*", "отработ*", "odpracow*",
    "odpracuj*", "work off", "work it off", "за дорогу", "за проїзд", "за проезд", "za przejazd",
    "za podróż", "for the trip", "for travel", "for the journey", "for transport", "за візу", "за визу",
    "за поїздку", "за поездку", "za wyjazd", "for the ride", "за бус", "за автобус", "za busa", "for the bus",
    "за квиток", "за билет", "za bilet", "for the ticket", "for the flight", "за переліт", "за перелет",
    "za lot",
    "za wizę", "for the visa", "візу", "визу", "wizę", "visa", "не можу піти", "не могу уйти",
    "nie mogę odejść", "can't leave", "cant leave", "cannot leave", "не пускають", "не пускают",
    "nie puszczają", "don't let", "dont let", "won't let", "не відпускають", "не отпускают", "паспорт*",
    "paszport*", "passport*", "work* to pay", "працю* щоб віддати", "работа* чтобы отдать",
    "pracuj* żeby spłacić", "pracuj* żeby oddać",
)  # fmt: skip
_WORK_OFF = (
    "відпрацю*", "відробит*", "відробл*", "відроблю", "відпрацьову*", "отработ*", "отрабатыва*",
    "odpracow*", "odpracuj*", "odrabia*", "odrobi*", "work off", "work it off", "working off",
)  # fmt: skip
_NOT_LET_OUT = (
    "не дає", "не дають", "не дает", "не дают", "doesn't let", "does not let", "don't let", "dont let",
    "won't let", "wont let", "nie pozwala*", "nie daje", "nie dają", "не дозволя*", "не разреша*",
)  # fmt: skip
_GO_OUT = (
    "вийти", "выйти", "wyjść", "wychodzić", "виходити", "выходить", "піти", "уйти", "odejść", "leave",
    "go out", "get out", "out",
)  # fmt: skip
_NOT_LET_VETO = (
    "-раніше", "-раньше", "-wcześniej", "-early", "-перерв*", "-przerw*", "-break*", "-обід*", "-обед*",
    "-lunch", "-відпустк*", "-отпуск*", "-urlop*", "-holiday*", "-vacation",
)  # fmt: skip
_DOOR_BREAK = (
    "wali w", "walił w", "грюка*", "гатить в", "ломится|ломился|ломилась|ломились|ломятся",
    "ламає", "ламають", "ломает", "ломают", "ломится", "вибиває", "выбивает", "wyważa", "wyważają",
    "breaking", "breaks down", "broke down", "kicking in", "kicked in", "bangs on", "banging on",
    "dobija się", "dobijał się", "вломився", "вломился", "ломився", "виламав", "выломал",
)  # fmt: skip
_DOOR = ("двері", "дверей", "дверь", "двери", "drzwi", "door", "doors")
_FOR_FOOD = ("за їжу", "за еду", "za jedzenie", "for food", "за харчі", "за миску", "за жратву", "for a meal")
_COMPLAIN = (
    "скарж*", "поскарж*", "жалу*", "пожалу*", "skarż*", "poskarż*", "complain*", "report*", "zgłos*",
    "go to the police", "go to police", "звернемося в поліцію", "пойдем в полицию", "pójdziemy na policję",
    "заявимо", "заявим", "звернемось", "обратимся", "піде* в поліц*", "пойд* в полиц*",
)  # fmt: skip
_DEPORT_US = (
    "депорту*", "депортиру*", "deportuj*", "deport*", "вишлють", "вышлют", "wyślą", "wydalą", "видворять",
    "выдворят",
)  # fmt: skip
_TRAPPED = (
    "в пастці", "в ловушке", "w pułapce", "trapped", "в капкані", "в западне", "controls everything",
    "все контролює", "все контролирует", "wszystko kontroluje",
)  # fmt: skip
_WORK_OFF_WHAT = (
    "квартир*", "кімнат*", "комнат*", "pokój", "pokoju", "flat", "room", "bed", "ліжко", "койк*", "łóżko",
    "дорог*", "проїзд*", "проезд*", "переїзд*", "переезд*", "квит*", "билет*", "bilet*", "ticket*",
    "przejazd*", "podróż*", "travel", "trip", "journey", "transport*", "віз*", "виз*", "wiz*", "visa*",
    "житло", "жилье", "жильё", "mieszkani*", "housing", "accommodation", "nocleg*", "борг*",
    "долг|долга|долгу|долгом|долге|долги|долгов|долгам|долгами|долгах",
    "dług|długu|długiem|długów|długami|długach|długi", "debt*", "cost*", "вартість", "стоимость", "koszt*",
    "агенц*", "агентств*", "agencj*",
    "agency",
)  # fmt: skip
_GET_BACK = (
    "повернути", "повернуть", "вернуть", "вернути", "odzyskać", "odebrać", "get back", "get it back",
    "get them back", "back", "забрати", "забрать", "викупити", "выкупить", "wykupić", "buy back",
)  # fmt: skip
_PAY = (
    "заплатити", "заплатить", "zapłacić", "pay", "платити", "платить", "płacić", "гроші", "деньги",
    "pieniądze", "money",
)  # fmt: skip
_PENALTY = ("штраф*", "kara|kary|karę|karą|karami", "penalt*", "fine", "неустойк*", "відступн*", "отступн*")
_LEAVE = (
    "піти", "уйти", "odejść", "leave", "leaving", "звільн*", "уволи*", "zwoln*", "quit", "quitting",
    "підемо", "уйдем", "odejdziemy", "піду", "уйду", "odejdę", "втечемо", "сбежим", "uciekniemy",
)  # fmt: skip
_BANK_CARD = (
    "карт* банків*", "карт* банковск*", "карт* зарплатн*",
    "банківськ* картк*", "банковск* карт*", "kart* bankow*", "bank card*", "картк* і пін", "карт* и пин",
    "pin", "пін", "пин", "salary card", "зарплатн* картк*", "зарплатн* карт*",
)  # fmt: skip
_TOOK = (
    "забрав", "забрала", "забрали", "забрал", "відібрав", "відібрали", "отобрал*", "zabrał*", "zabrali",
    "took", "takes", "take", "тримає", "держит", "trzyma", "keeps", "has", "має", "ma", "holds", "holding",
)  # fmt: skip
_FORBIDDEN = (
    "забороня*", "запреща*", "nie wolno", "not allowed", "нельзя", "не можна", "не дозволя*", "не разреша*",
    "nie pozwala*", "don't let", "dont let", "won't let",
)  # fmt: skip
_CONTACT = (
    "розмовля*", "разговарива*", "rozmawiać", "talk*", "спілкува*", "общаться", "kontaktować", "contact*",
    "дзвонити", "звонить", "dzwonić", "call*", "писати", "писать", "pisać", "text*",
)  # fmt: skip
_PHONE_CONTROL = (
    "збира*", "собира*", "zbiera*", "collect*",
    "забира*", "відбира*", "отбира*", "zabiera*", "take", "took", "перевіря*", "проверя*", "sprawdza*",
    "check*", "контролю*", "контролиру*", "kontroluj*", "control*", "читають", "читают", "czytają", "read",
)  # fmt: skip
_PHONES = ("телефон*", "telefon*", "phone*", "мобільн*", "мобильн*", "komórk*")
_OUR = (
    "нас", "наші", "наши", "nasze", "nam", "our", "us", "всіх", "всех", "wszystkim", "everyone's", "у всіх",
    "у всех",
)  # fmt: skip
_PROMISED = (
    "обіцяли", "обещали", "obiecali", "promised", "обіцяв", "обещал", "obiecał", "казали що буде",
    "говорили что будет",
)  # fmt: skip
_DECEIVED = (
    "клуб*", "club*", "klub*", "бордел*", "burdel*", "escort*", "ескорт*", "эскорт*", "інтим*", "интим*",
    "масаж*", "массаж*", "masaż*", "massage*", "відпрацьову*", "відпрацю*", "отрабатыва*", "отработ*",
    "odpraco*", "work it off", "work off", "не платять", "не платят", "nie płacą", "don't pay", "забрали",
    "zabrali", "took our", "took my", "натомість", "вместо", "zamiast", "instead",
)  # fmt: skip
_PRISON = (
    "тюрм*", "тюрьм*", "в'язниц*", "вʼязниц*", "więzieni*", "prison", "jail", "концтабір", "концлагер*",
    "obóz pracy", "labour camp", "labor camp", "галер*", "galer*", "кріпак*", "крепостн*", "pańszczyzn*",
)  # fmt: skip
_LIVE_WORK = (
    "живемо", "живем", "живём", "żyjemy", "mieszkamy", "live", "living", "працюємо", "работаем", "pracujemy",
    "work", "working", "тримають", "держат", "trzymają", "як", "как", "jak", "like",
)  # fmt: skip
_WITHOUT_MINDER = ("без", "bez", "without")
_MINDER = (
    "бригадир*", "brygadzist*", "foreman", "шеф*", "szef*", "boss", "охорон*", "охран*", "ochron*", "guard*",
    "supervisor*", "наглядач*", "надсмотрщик*", "nadzorc*", "дозвол*", "разрешени*", "pozwoleni*",
    "permission",
)  # fmt: skip
_NOWHERE = (
    "нікуди", "никуда", "nigdzie", "anywhere", "не можна", "нельзя", "nie wolno", "can't go", "cant go",
    "not allowed", "не випуска*", "не выпуска*", "не пуска*", "nie puszcza*",
)  # fmt: skip
_REPORT_US = (
    "здадуть нас|мене", "сдадут нас|меня", "здасть нас|мене", "сдаст нас|меня", "zgłoszą nas|mnie",
    "zgłosi nas|mnie", "wyda nas|mnie", "wydadzą nas|mnie", "report us|me", "turn us|me in",
    "донесе на нас|мене", "донесет на нас|меня", "донесуть", "донесут", "doniesie", "donos*",
    "call immigration", "call the police on us", "зателефонує в поліцію", "позвонит в полицию",
    "zadzwoni na policję", "нас|мене здасть|здадуть", "нас|меня сдаст|сдадут",
    "nas|mnie wyda|wydadzą|zgłosi|zgłoszą",
)  # fmt: skip
_REPORT_WHY = (
    *_COMPLAIN, *_LEAVE, "нелегал*", "nielegal*", "illegal*", "міграційн*", "миграционн*", "imigracyjn*",
    "immigration", "якщо", "если", "jeśli", "jak", "if",
)  # fmt: skip
_RELATIVE = (
    "сина", "сына", "syna", "доньку", "дочку", "дочь", "córkę", "брата", "brata", "сестру", "siostrę",
    "чоловіка", "мужа", "męża",
    "сестра", "брат", "донька", "дочка", "дочь", "син", "сын", "подруга", "друг", "жінка", "жена", "чоловік",
    "муж", "мама", "siostra", "brat", "córka", "syn", "przyjaciółka", "koleżanka", "kolega", "żona", "mąż",
    "sister", "brother", "daughter", "son", "friend", "wife", "husband", "mom", "mother", "cousin",
    "кузина", "двоюрідн*", "двоюродн*", "kuzyn*", "племінниц*", "племянниц*", "siostrzenic*", "niece",
)  # fmt: skip
_MISSING = (
    "нема|немає зв'язку|звʼязку", "зв'язку|звʼязку нема|немає", "связи нет", "нет связи", "brak kontaktu",
    "не дзвонить", "не звонит", "nie dzwoni",
    "зникла", "зник", "пропала", "пропал", "zniknęła", "zniknął", "vanished", "disappeared", "missing",
    "не виходить на зв'язок", "не выходит на связь", "nie odzywa się", "не відповідає", "не отвечает",
    "nie odbiera", "not answering", "no contact", "без зв'язку", "без связи", "bez kontaktu",
    "відповідає якийсь", "отвечает какой", "odbiera jakiś", "answers her phone", "answers his phone",
)  # fmt: skip
_RESTRICT_QUIT = (
    "звільнитись не дають", "звільнитися не дають", "не дають звільнитися", "не дають звільнитись",
    "уволиться не дают", "не дают уволиться", "nie dają się zwolnić", "nie pozwala* się zwolnić",
    "won't let me quit", "wont let me quit", "don't let me quit", "not allowed to quit",
    "не відпускають з роботи", "не отпускают с работы", "nie puszczają z pracy",
)  # fmt: skip
_DEDUCT = (
    "вирахову*", "вирахують", "вираховують", "вычита*", "вычитают", "potrąca*", "deduct*", "забирають все",
    "забирают все", "zabierają wszystko", "нічого не лишається", "ничего не остается", "nic mi nie zostaje",
    "left with nothing", "не платять", "не платят", "nie płacą", "don't pay", *_DEBT,
)  # fmt: skip
_THEM_WITHHELD = (
    "їх не дають", "їх не віддають", "не дають їх", "не віддають їх", "их не дают", "их не отдают",
    "не дают их", "не отдают их", "nie chcą ich dać", "nie chcą ich oddać", "nie oddają ich", "nie dają ich",
    "won't give them", "wont give them", "don't give them", "not give them", "won't return them",
)  # fmt: skip
_SAFE = ("сейф*", "sejf*", "safe", "під замком", "под замком", "pod kluczem", "locked away")
_MONEY_TAKEN = (
    "гроші забирає", "гроші забирають", "забирає гроші", "забирають гроші", "деньги забирает",
    "деньги забирают", "забирает деньги", "забирают деньги", "zabiera pieniądze", "zabierają pieniądze",
    "pieniądze zabiera", "pieniądze zabierają", "takes the money", "take the money", "takes our money",
    "takes all the money", "кинули на гроші", "кинули на деньги", "oszukali nas",
)  # fmt: skip
_BLADE = ("лезо", "лезвие", "бритв*", "żyletk*", "razor", "blade", "ніж", "нож", "nóż", "knife")
_IN_HAND = ("в руці", "в руке", "w ręce", "in my hand", "в руках", "w rękach", "в руку", "до рук")
_SNATCH = (
    "затягл*", "затягну*", "затащил*", "заштовхал*", "запихнул*", "затолкал*", "wciągnęl*", "wciągnął",
    "wepchnęl*", "wepchnął", "dragged", "pulled", "pushed", "shoved", "forced",
)  # fmt: skip
_VEHICLE = ("машин*", "авто", "автомобіл*", "автомобил*", "car", "van", "бус*", "samochod*", "auta", "busa")
_UNPAID = (
    "no pay", "no salary", "no wages",
    "without salary|wages", "bez pensji|wynagrodzenia", "без копійки", "без копейки",
    "pays|pay me|us|him|her|them nothing", "pays|pay nothing", "nic nie płaci|płacą",
    "нічого не платить|платять",
    "ничего не платит|платят", "не платить|платять нічого", "не платит|платят ничего", "ні копійки",
    "ни копейки", "ani grosza", "not a cent|penny|dime",
    "без грошей", "без оплати", "без зарплати", "без зарплатні", "без денег", "без оплаты", "без зарплаты",
    "bez wypłaty", "bez pieniędzy", "bez zapłaty", "za darmo", "za nic", "безкоштовно", "бесплатно",
    "for free", "for nothing", "no money", "without pay", "without money", "not paid", "не платять",
    "не платят", "nie płacą", "unpaid", "не платит", "не платить", "nie płaci",
)  # fmt: skip
_COERCION = (
    "погрож*", "угрож*", "grożą", "grozi mi", "grozili", "threat*", "змуш*", "змусил*", "заставл*",
    "заставил*",
    "примуш*", "принужд*", "zmusz*", "zmusil*", "forc*", "не можна піти", "нельзя уйти", "nie można odejść",
    "cannot leave", "can't leave", "cant leave", "не можемо піти", "не можем уйти", "nie możemy odejść",
    "нікуди не можна", "никуда нельзя", "nigdzie nie można", "не відпуск*", "не отпуск*", "nie puszcza*",
    "nie wypuszcza*", "тримають", "держат", "trzymają", "keep us", "held", "охорон*", "охран*",
    "ochron*", "guard*", "під замком", "под замком", "locked !out", "замика*", "запира*", "zamyka*",
    "не можу піти", "не могу уйти", "nie mogę odejść", "не можемо вийти", "не можем выйти",
    "nie możemy wyjść",
)  # fmt: skip
_WORK = (
    "робот*", "работ*", "prac*", "work*", "job", "ферм*", "farm*", "будов*", "стройк*", "budow*",
    "construction", "склад*", "magazyn*", "warehouse", "завод*", "fabryk*", "factory", "плантац*",
    "plantacj*", "plantation", "ресторан*", "restaurac*", "restaurant", "кухн*", "kuchni", "kitchen",
    "шеф*", "szef*", "boss", "бригадир*", "brygadzist*", "foreman", "роботодав*", "работодат*",
    "pracodaw*", "employer", "агенц*", "агентств*", "agencj*", "agency", "змін*", "смен*", "zmian*",
    "shift",
)  # fmt: skip
_RESTRICT_STRONG = (
    "не можу піти", "не могу уйти", "nie mogę odejść", "can't leave", "cant leave", "cannot leave",
    "не можемо піти", "не можем уйти", "nie możemy odejść", "нікуди не можна", "никуда нельзя",
    "nigdzie nie można", "не можна піти", "нельзя уйти", "не пускають", "не пускают", "nie puszczają",
    "не дозволяють", "не разрешают", "nie pozwalają", "not allowed", "don't let", "dont let", "won't let",
    "wont let", "не дають піти", "не дают уйти", "не відпускають", "не отпускают", "не дають поїхати",
    "не пускають до лікаря", "не пускают к врачу", "nie puszczają do lekarza", "don't let us see a doctor",
    "не знаємо де ми", "не знаем где мы", "nie wiemy gdzie jesteśmy", "don't know where we are",
    "виїхати не можна", "уехать нельзя", "nie można wyjechać", "wyjechać nie można", "can't go anywhere",
    "не дают уехать", "can't go home", "не можу поїхати", "не могу уехать", "nie mogę wyjechać",
)  # fmt: skip
_RESTRICT = (
    "уехать|уйти|выехать|сбежать не могу|можем", "піти|поїхати|виїхати|втекти не можу|можемо",
    "odejść|wyjechać|uciec nie mogę|możemy",
    "не можу піти", "не могу уйти", "nie mogę odejść", "can't leave", "cant leave", "cannot leave",
    "не можемо піти", "не можем уйти", "nie możemy odejść", "нікуди не можна", "никуда нельзя",
    "nigdzie nie można", "не можна піти", "нельзя уйти", "не пускають", "не пускают", "nie puszczają",
    "не дозволяють", "не разрешают", "nie pozwalają", "not allowed", "don't let", "dont let", "won't let",
    "wont let", "не можу звільнитися", "не могу уволиться", "nie mogę się zwolnić", "can't quit", "cant quit",
    "cannot quit", "звільнитись не можна", "звільнитися не можна", "уволиться нельзя",
    "nie mogę się zwolnić", "не можна звільнитися", "не можу втекти", "не могу сбежать", "nie mogę uciec",
    "can't escape", "не можу поїхати", "не могу уехать", "nie mogę wyjechać", "can't go home",
    "не дають піти", "не дают уйти", "не відпускають", "не отпускают", "nie puszczają", "втекти", "втечу",
    "втекли", "сбежать", "сбегу", "сбежали", "uciec", "ucieknę", "uciekli", "run away", "escape",
    "не дають поїхати", "не дают уехать",
)  # fmt: skip
_CONFINE = (
    "замкнули", "заперли", "зачинили", "zamknęli", "zamknięci", "locked !out", "lock !out", "замика*",
    "запира*", "zamyka*",
)  # fmt: skip
_PLACE = (
    "складі", "складе", "magazynie", "warehouse", "кімнат*", "комнат*", "pokoj*", "pokoju", "room",
    "гуртожит*", "общежит*", "hostel*", "dorm*", "контейнер*", "kontener*", "container*", "підвал*",
    "подвал*", "piwnic*", "basement", "бараку", "бараке", "baraku", "hotelu pracowniczym", "hotelu",
    "hostelu", "нас", "nas", "us", "мене", "меня", "mnie", "me", "території", "территории", "terenu",
    "site", "ферм*", "farm*",
)  # fmt: skip
_FAMILY = (
    "сім'я", "сім'ю", "сім'ї", "родин*", "семья", "семью", "семье", "семьи", "rodzin*", "family",
    "рідних", "родных", "bliskich", "дітей", "детей", "dzieci", "kids",
)  # fmt: skip
_KNOW_WHERE = ("знають де", "знают где", "wiedzą gdzie", "know where")
_THREAT = ("погрож*", "угрож*", "grożą", "grożąc", "grozili", "groził*", "threat*")
# Anyone who gives the orders at work, for "a boss threatens with the police".
_BOSSES = (
    "шеф*", "szef*", "boss", "бригадир*", "brygadzist*", "foreman", "координатор*", "koordynator*",
    "coordinator*", "роботодав*", "работодат*", "pracodaw*", "employer", "агенц*", "агентств*", "agencj*",
    "agency", "власник*", "хозяин*", "хазя*", "właściciel*", "owner", "recruiter*", "вербувальник*",
    "вербовщик*", "manager*", "менеджер*", "kierownik*", "начальник*", "майстер*", "мастер*",
)  # fmt: skip
_AUTHORITIES = (
    "поліці*", "полици*", "policj*", "police", "cops", "straż*", "border guard*", "прикордонн*",
    "пограничн*", "погранич*", "депорт*", "deport*", "вишлють", "вышлют", "wydal*", "міграційн*",
    "миграционн*", "imigracyjn*", "immigration", "udsc", "удсц",
)  # fmt: skip
_DEPORT = ("депортаціє*", "депортацие*", "deportacją", "deport*", "висилкою", "высылкой", "wydaleniem")
_POLICE = ("поліціє*", "полицие*", "policją", "police", "міграційн*", "миграционн*", "immigration")
_FORCE = (
    "змуш*", "змусил*", "змусив", "примуш*", "примусил*", "заставля*", "заставил*", "принужда*",
    "принудил*", "zmusza*", "zmusil*", "zmusił*", "zmuszon*", "forced", "force", "forcing", "forces",
    "make me", "make us", "makes me", "makes us", "made me", "made us", "making us", "making me",
    "make|makes|made|making her|him|them",
)  # fmt: skip
_FORCED_INTO = (
    "милостин*", "милостын*", "подаян*",
    "працю*", "працювати", "работ*", "prac*", "work*", "жебрак*", "попрошайнич*", "żebr*", "beg",
    "begging", "проституц*", "prostytu*", "prostitut*", "інтим*", "интим*", "spać z", "спати з", "спать с",
    "sleep with", "sex", "секс*", "seks*", "клуб*", "club*", "klub*", "клієнт*", "клиент*", "klient*",
    "client*", "обслуговува*", "обслужива*", "obsługiwa*", "serve",
)  # fmt: skip
_HELD = (
    "тримають", "тримали", "держат", "держали", "trzymają", "trzymali", "przetrzymuj*", "held", "kept",
    "keep us", "keeps us", "keeping us", "keep me", "keeps me", "hold us", "holds us", "holding us",
)  # fmt: skip
_HELD_HOW_AT_WORK: tuple[str, ...] = (
    "силою", "силой", "siłą", "by force", "на роботі", "на работе", "w pracy", "at work", "на фермі",
    "на ферме", "na farmie", "on the farm", "на будові", "на стройке", "na budowie", "site",
    "як рабів", "как рабов", "jak niewolników", "like slaves", "під замком", "под замком", "locked",
    "не відпускають", "не отпускают", "nie puszczają", "won't let", "тут", "здесь", "tutaj", "here",
    "на кухні", "на кухне", "w kuchni", "kitchen", "не платять", "не платят", "nie płacą", "not paid",
)  # fmt: skip
_HELD_HOW = (
    *(w for w in _HELD_HOW_AT_WORK if w not in ("тут", "здесь", "tutaj", "here")),
    *(
        "підвал*",
        "подвал*",
        "piwnic*",
        "basement",
        "сара*",
        "szopie|szopa|szopy",
        "shed",
        "барак*",
        "barak*",
        "barrack*",
        "контейнер*",
        "kontener*",
        "container*",
        "складі",
        "складе",
        "magazynie",
        "warehouse",
    ),
)
_WATCH = (
    "наглядач*", "надсмотрщик*", "nadzorc*", "охорон*", "охран*", "ochron*", "guards", "guard",
    "supervisor*", "стеж*", "следи*", "пильну*", "pilnuj*", "watch*",
)  # fmt: skip
_ESCAPE = (
    "втекли", "втечемо", "втекти", "втечу", "сбежали", "сбежим", "сбежать", "сбегу", "uciekli", "uciekniemy",
    "uciec", "ucieknę", "run away", "escape", "runs away", "втік", "сбежал",
)  # fmt: skip

_NECK = (
    "за шкірку", "за шкирку", "by the collar", "by the scruff", "za kark", "za fraki",
    "за шию", "за шею", "za szyję", "за горло", "za gardło", "by the neck", "by the throat", "my throat",
    "my neck", "за волосся", "за волосы", "za włosy",
)  # fmt: skip
_SAYS_KILL = (
    "пише", "пишет", "pisze", "writes", "texts", "texted", "написав", "написал", "написала", "napisał*",
    "wrote",
    "погрож*", "угрож*", "grozi*", "threat*", "каже", "казав", "сказав", "говорит", "сказал", "mówi",
    "powiedział", "says", "said", "кричить", "кричит", "krzyczy", "yells", "shouts", "обіцяє", "обещает",
    "obiecuje", "promises", "обіцяв", "обещал", "obiecał", "promised", "поклявся", "поклялся", "przysiągł",
    "swore",
)  # fmt: skip
_KILL = (
    "поріже", "порежет", "покалічи*", "покалечи*", "okaleczy", "cripple", "hurt me|us|you", "make me pay",
    "pożału*", "пожалеешь", "пожалею", "пошкодуєш", "пошкодую", "regret it", "skrzywdzi", "скривдить",
    "закопає", "закопает", "zakopie", "урою", "уроет",
    "вб'є", "вб'ю", "вбити", "вбʼє", "убьет", "убьёт", "убью", "убить", "прибʼє", "приб'є", "прибьет",
    "zabije", "zabiję", "zabić", "kill", "will kill", "ll kill", "'ll kill", "gonna kill", "зарже",
    "зарежет", "zadźga", "задушу", "задушить", "udusi", "stab",
)  # fmt: skip
_HIT_CONTEXT = (
    "отрима*", "получи*", "получа*", "dosta*", "got", "get", "вдарив", "ударил", "uderzył", "hit",
)  # fmt: skip
_HEAD = (
    "по голові", "по голове", "po głowie", "w głowę", "по обличчю", "по лицу", "po twarzy", "w twarz",
    "по морді", "по морде", "w mordę", "по зубах", "по зубам", "in the face", "in the head", "по пиці",
    "по роже", "w łeb",
)  # fmt: skip
_HIDE = (
    "хова*", "ховаю*", "прячу*", "прячем*", "прятат*", "сховал*", "спрятал*", "ukrywa*",
    "ukrył*|ukryw*|ukryć|ukryję|ukryjemy", "hid*",
    "hiding", "втекли від", "сбежали от", "uciekliśmy od", "uciekłam od", "ran away from", "втекла від",
    "сбежала от",
)  # fmt: skip
_FROM_ABUSER = (
    "чоловіка", "мужа", "męża", "mężem", "партнера", "partnera", "partnerem", "нього", "него", "nim", "him",
    "husband", "partner", "колишнього", "бывшего", "byłego", "byłym", "ex", "батька", "отца", "ojca", "ojcem",
    "father", "dad", "вітчима", "отчима", "ojczyma", "stepfather", "співмешканця", "сожителя",
    "konkubenta", "boyfriend", "хлопця", "парня", "chłopaka",
)  # fmt: skip
_NOT_A_THREAT = (
    "!mandat*", "!kar*", "!grzywn*", "!zwoln*", "!eksmisj*", "!deportacj*", "!wydaleni*", "!zakaz*",
    "!więzieni*", "!odpowiedzialno*", "!utrat*", "!штраф*", "!депортац*", "!выдворен*", "!увольнен*",
    "!выселен*", "!опасност*", "!уголовн*", "!ответственност*", "!звільнен*", "!fire", "!firing",
    "!виселен*", "!відключ*", "!отключ*", "!odłącz*", "!odcię*", "!evict*", "!суд*", "!sąd*", "!court",
    "!коморник*", "!komornik*", "!bailiff*", "!колектор*", "!коллектор*", "!windyk*", "!пен*", "!odsetk*",
)  # fmt: skip
_THREATENING = tuple(
    f"{w} {' '.join(_NOT_A_THREAT)}"
    for w in (
        "погрожує",
        "погрожував",
        "погрожують",
        "погрожуе",
        "угрожает",
        "угрожал",
        "угрожают",
        "grozi mi|nam|jej|mu|dzieciom",
        "grozi że",
        "grozi $",
        "groził",
        "grożą",
        "threatens",
        "threatened",
        "threatening",
        "преследует",
        "переслідує",
        "nęka",
        "stalks",
        "stalking",
        "караулит",
        "чатує",
    )
)
_ABUSER = (
    "колишній", "колишня", "бывший", "бывшая", "były", "była", "ex", "чоловік", "муж", "mąż", "husband",
    "партнер", "partner", "співмешканець", "сожитель", "konkubent", "хлопець", "парень", "chłopak",
    "boyfriend", "вітчим", "отчим", "ojczym", "stepfather",
)  # fmt: skip
_WEAPON = (
    "ніж", "ножем", "ножа", "нож", "ножом", "nóż", "nożem", "noża", "knife", "пістолет*", "пистолет*",
    "pistolet*", "gun", "broń", "bronią", "зброя", "зброю", "оружие", "оружием", "weapon", "сокир*",
    "топор*", "siekier*", "axe",
)  # fmt: skip
_WEAPON_USE = (
    *_THREAT, "grozi mi|nam|jej|mu", "grozi", "грозит", "грозится", "напав", "напал", "напала", "napadł*",
    "attack*", "кинув*", "кинулся", "кинулась",
    "rzucił*", "came at", "поранив", "ранил", "ranił", "stabbed", "пырнул", "різонув", "мене", "меня",
    "mnie", "me", "нас", "nas", "us", "приставив", "приставил", "przyłożył", "held a", "pointed",
)  # fmt: skip
_TOUCH = (
    "чіпа* !з", "торка* !до", "трога* !до", "лапа*", "мацає", "мацав", "лапал*",
    "zaczepia*", "dotyka* !do", "macał*", "maca", "obmacuj*", "touch* !with !base !on", "grop*", "fondl*",
    "molest*", "домагає*", "домогает*", "пристає", "пристает", "пристают", "пристають", "приставал*",
    "dobiera", "nagabuj*", "harass*", "молест*", "пристава*",
)  # fmt: skip
_TOUCH_VICTIM = (
    *_VICTIMS, "мені", "мне", "mi", "дочці", "дочке", "доньці", "córce", "дитині", "ребенку", "dziecku",
    "до мене", "ко мне", "do mnie", "до неї", "к ней", "do niej", "до доньки", "к дочке", "do córki",
    "до дочки", "до дитини", "к ребенку", "do dziecka", "дочке", "до нас", "к нам", "do nas",
)  # fmt: skip

_SEX_DEMAND = (
    "секс*", "seks*", "sex", "інтим*", "интим*", "спати з ним", "спать с ним", "spać z nim", "sleep with him",
    "переспати", "переспать", "przespać się",
)  # fmt: skip
_SEX_DEMANDER = (
    "шеф*", "szef*", "boss", "начальник*", "бригадир*", "brygadzist*", "foreman", "supervisor*",
    "роботодав*", "работодат*", "pracodaw*", "employer", "власник*", "хозяин*", "właściciel*", "landlord",
    "вимага*", "требу*", "żąda*", "demand*",
)  # fmt: skip


_TO_ME = ("мені", "мне", "mi", "nam", "нам", "me", "us")
# "grożą mi eksmisją": the word after the victim says what is threatened.
_TO_ME_THREATENED = tuple(f"{w} {' '.join(_NOT_A_THREAT)}" for w in _TO_ME)
_NOT_A_DISMISSAL = ("-звільн*", "-увольн*", "-zwoln*", "-fire", "-firing", "-fired", "-dismiss*")
_GRABBED = (
    "трясе", "трясет", "potrząsa", "shakes", "shaking", "бере", "берет", "bierze", "grabs", "hapa*", "хапа*",
    "схопив", "схватил", "złapał", "grabbed", "тряс", "трусив", "szarpał", "shook", "тягав", "таскал",
    "ciągnął", "dragged",
)  # fmt: skip


_INJURE = (
    "розбив", "розбила", "розбили", "разбил", "разбила", "разбили", "rozbił", "rozbiła", "rozbili",
    "rozciął", "rozcięła", "split", "busted", "bust", "зламав", "сломал", "złamał", "broke", "вибив",
    "выбил", "wybił", "knocked out",
)  # fmt: skip
_TO_MY = ("мені", "мне", "mi", "my")
_FACE = (
    "губу", "ніс", "голову", "брову", "обличчя", "щелепу", "зуб*", "губы", "нос", "бровь", "лицо", "челюсть",
    "wargę", "wargi", "nos", "głowę", "brew", "twarz", "szczękę", "zęby|zęba|zębów", "lip", "nose", "head",
    "eyebrow",
    "face", "jaw", "teeth", "tooth",
)  # fmt: skip
_NOT_BY_SOMEONE_WORDS = tuple(_NOT_BY_SOMEONE.split())
_ME = ("мене", "меня", "mną", "mnie", "me", "ее", "её", "ją", "her")
_AGAINST_WALL = (
    "об стіну", "об стінку", "об двері", "об підлогу", "об шафу", "на стіну", "на підлогу", "об стену",
    "об стенку", "об дверь", "об пол", "об шкаф", "на пол", "o ścianę", "o drzwi", "o podłogę", "o szafę",
    "na podłogę", "against the wall", "against the door", "into the wall", "into the door", "to the floor",
    "ob stinu", "ob stenu",
)  # fmt: skip
_DRUGGED = (
    "напоїли", "напоили", "upili", "got me drunk", "підсипали", "подсыпали", "dosypali", "drugged",
    "spiked", "підмішали", "подмешали",
)  # fmt: skip
_AFTERWARDS = (
    "зробили що хотіли", "сделали что хотели", "zrobili co chcieli", "did what they wanted",
    "did what he wanted", "не памʼятаю", "не пам'ятаю", "не помню", "nie pamiętam", "don't remember",
    "dont remember", "barely remember", "woke up", "прокинулась", "проснулась", "obudziłam", "роздягнена",
    "раздетая", "rozebrana", "naked", "зґвалт*", "згвалт*", "изнасил*", "zgwałc*",
)  # fmt: skip
_OUTSIDE_MY_HOME = (
    "під вікнами", "под окнами", "pod oknami", "under my window*", "outside my window*", "outside my flat",
    "outside my house", "outside my door", "під дверима", "под дверью", "pod drzwiami", "під підʼїздом",
    "під під'їздом", "у подъезда", "pod klatką", "біля роботи", "у работы", "pod pracą", "outside my work",
)  # fmt: skip
_SITTING = (
    "сиджу", "сижу", "siedzę", "sitting", "лежу", "leżę", "lying", "стою", "stoję", "standing", "ванн*",
    "wann*", "bath*",
)  # fmt: skip
_WITH_BLADE = (
    "з лезом", "з бритвою", "з ножем", "с лезвием", "с бритвой", "с ножом", "z żyletką", "z brzytwą",
    "z nożem", "with a blade", "with a razor", "with a knife",
)  # fmt: skip
_ENOUGH = (
    "має вистачити", "повинно вистачити", "мало б вистачити", "должно хватить", "должно хватит",
    "powinno wystarczyć", "powinno starczyć", "should be enough", "will be enough", "is enough to",
    "вистачить щоб", "хватит чтобы", "wystarczy żeby", "enough to",
)  # fmt: skip
_FOR_EVERY = (
    "за кожну скаргу", "за каждую жалобу", "za każdą skargę", "for every complaint", "за кожне слово",
    "за каждое слово", "za każde słowo", "for every word", "every time someone speaks up",
)  # fmt: skip
_NOT_OUT = (
    "не можна виходити", "заборонено виходити", "нельзя выходить", "запрещено выходить",
    "nie wolno wychodzić",
    "nie można wychodzić", "not allowed out", "not allowed outside", "can't go outside", "cant go outside",
    "cannot go outside", "can't go out", "cant go out", "не можемо виходити", "не можем выходить",
    "nie możemy wychodzić", "не випускають", "не выпускают", "nie wypuszczają",
)  # fmt: skip
_BOUNDARY = (
    "паркан*", "забор*", "огорож*", "ogrodzeni*", "płot*", "fence*", "ворота", "ворот", "brama", "bramę",
    "gate|gates", "територі*", "территори*", "teren*", "site", "camp", "табір", "лагер*", "obóz",
)  # fmt: skip
_TOLD_TO = (
    "każą", "kazali", "kaza", "kazał", "кажуть", "велять", "велят", "велел*", "tell her|him|me|us to",
    "told her|him|me|us to", "makes her|him", "made her|him",
)  # fmt: skip
_SEX_WORK = (
    "spać z", "sypiać z", "sleep with", "спати з", "спать с", "seks*", "sex", "інтим*", "интим*",
)  # fmt: skip
_HEARD = (
    "чути", "чую", "слышно", "слышу", "słychać", "słyszę", "hear", "крики", "крик", "кричить", "кричит",
    "krzyki", "krzyczy", "screams", "screaming", "плач", "плаче", "плачет", "płacz", "crying",
)  # fmt: skip
_BLOWS = (
    "удари", "удары", "ударів", "ударов", "ciosy", "uderzenia", "uderzeń", "blows", "hitting", "beating",
    "бʼє", "б'є", "бьет", "бьёт", "bije", "бʼють", "б'ють", "бьют", "biją", "побої", "побои",
)  # fmt: skip
_BEGGING = ("żebr*", "жебрак*", "попрошайнич*", "beg", "begging", "милостин*", "милостын*")
_NO_DAYS_OFF = (
    "без вихідних", "без выходных", "bez dni wolnych", "bez wolnego", "no days off", "no day off",
    "nie dostajemy|mamy|dają dni wolnych",
    "не дають вихідних", "не дают выходных", "nie dostajemy wolnego", "nie dają wolnego", "7 днів на тиждень",
    "7 дней в неделю", "7 dni w tygodniu", "seven days a week", "7 days a week", "сім днів на тиждень",
    "семь дней в неделю", "siedem dni w tygodniu", "без жодного вихідного",
    "ни одного выходного", "ani jednego dnia wolnego",
)  # fmt: skip
_FAMILY_OBJECT = (
    "доньку", "дочку", "дочь", "córkę", "daughter", "сина", "сына", "syna", "son", "дітей", "детей", "dzieci",
    "kids", "children", "маму", "мать", "mamę", "mom", "mother", "родину", "семью", "rodzinę", "family",
    "рідних", "родных", "bliskich",
)  # fmt: skip
_WILL_FIND = (
    "знайдуть", "знайдемо", "найдут", "найдем", "znajdą", "znajdziemy", "will find", "find", "дістануть",
    "достанут", "dopadną",
)  # fmt: skip
_ILLEGAL = ("нелегал*", "nielegal*", "illegal*", "без документів", "без документов", "bez dokumentów")
_PROTECTS = (
    "захища*", "защища*", "chroni*", "protect*", "ховає", "прячет", "ukrywa", "кришує", "крышует",
    "прикрива*", "kryje",
)  # fmt: skip
_OUT_ONLY = (
    "вийти можна тільки", "виходити можна тільки", "выйти можно только", "выходить можно только",
    "wyjść można tylko", "wychodzić można tylko", "can only go out", "only go out", "allowed out only",
    "виходимо тільки", "выходим только", "wychodzimy tylko",
)  # fmt: skip
_PERMISSION = (
    "з дозволу", "з дозволом", "с разрешения", "с разрешением", "za pozwoleniem", "z pozwoleniem",
    "with permission", "by permission",
)  # fmt: skip
_MALE_RELATIVE = (
    "вітчим", "отчим", "ojczym", "stepdad", "stepfather", "дядько", "дядя", "wujek", "uncle", "свекор",
    "свекр", "teść", "tesc", "father in law", "брат чоловіка", "брат мужа", "szwagier", "brother in law",
    "сусід", "сосед", "sąsiad", "neighbour", "neighbor", "хазяїн", "хозяин", "właściciel", "landlord",
)  # fmt: skip
_AT_MY_BED = (
    "лягає поруч", "лягає до мене", "ложится рядом", "ложится ко мне", "kładzie się obok",
    "lies down next to",
    "lies next to me", "лізе в ліжко", "лезет в кровать", "wchodzi do łóżka", "gets into my bed",
    "заходить до мене в кімнату вночі", "заходит ко мне в комнату ночью",
    "przychodzi w nocy do mojego pokoju",
    "comes into my room at night",
)  # fmt: skip
_BURN = (
    "спалити", "спалить", "сжечь", "підпалити", "поджечь", "podpalić", "podpali", "spali", "burn", "set fire",
    "set on fire", "on fire", "burn down", "облити бензином", "облить бензином", "oblać benzyną",
)  # fmt: skip
_PUSHED = ("виштовхнув", "вытолкнул", "wypchnął", "pushed", "shoved", "вишвирнув", "вышвырнул")
_OUT_OF_CAR = (
    "з машини", "з авто", "из машины", "из авто", "z samochodu", "z auta", "out of the car", "on the move",
    "на ходу", "moving car", "jadącego",
)  # fmt: skip
_WIFE = ("дружина", "жінка", "жена", "żona", "żoną", "zona", "wife")
_MUST = (
    "мушу", "муси*", "повинна", "должна", "обязана", "muszę", "musi", "must", "has to", "have to", "обовʼяз*",
    "обов'яз*", "обязан*", "obowiąz*", "duty",
)  # fmt: skip
_FORCED = (
    "змушує", "змушують", "заставляет", "zmusza*", "forces", "forcing", "ґвалтує", "гвалтує", "насилует",
    "gwałci", "rapes", "силою", "силой", "siłą", "by force",
)  # fmt: skip
_INSTRUMENT = (
    "паском", "ременем", "ремнем", "pasem", "with a belt", "палкою", "палкой", "kijem", "with a stick",
    "шнуром", "проводом", "кабелем", "kablem", "with a cable", "whips", "whipped", "whipping",
)  # fmt: skip
_RUN_OVER = (
    "переїхала", "переїхав", "збила", "збив", "сбила", "сбил", "задавила", "задавил", "переехала", "переехал",
    "potrącił", "potrąciła", "przejechał", "przejechała", "hit me", "run me over", "ran me over",
)  # fmt: skip
_VEHICLES = (
    "машина", "авто", "поїзд", "потяг", "поезд", "car", "samochód", "auto", "truck", "вантажівка",
    "грузовик", "ciężarówka", "bus", "автобус", "pociąg", "train", "трамвай", "tramwaj", "tram",
)  # fmt: skip
_SLEEP = ("заснути", "заснуть", "уснуть", "zasnąć", "fall asleep", "sleep")
_FOREVER_WORDS = ("назавжди", "навсегда", "na zawsze", "forever", "вічно", "вечно", "wiecznie", "for good")
_PUNISHED_WHO = (
    "хто", "кто", "kto", "who", "whoever", "кожен", "кожного", "каждый", "каждого", "każdy", "każdego",
    "тому", "того", "тим", "тем", "tego", "temu", "anyone", "everyone",
)  # fmt: skip
_COMPLAINS = (
    "відмовля*", "отказыва*", "odmówi*", "odmawia*", "refuse*", "не погоджу*", "не соглаша*",
    "скарж*", "поскарж*", "жалу*", "пожалу*", "skarż*", "poskarż*", "complain*", "просить гроші",
    "просит деньги", "prosi o pieniądze", "asks for money", "asks for pay",
)  # fmt: skip
_PUNISH = (
    "без їжі", "без еды", "без ужина", "без вечері", "gets no food", "no dinner", "bez kolacji",
    "штраф*", "kara|kary|karę|karą|karami", "penalt*", "fine", "fined", "fines", "б'ють", "бьют", "biją",
    "beat*", "поб'ють", "побьют", "pobiją", "карають", "наказують", "наказывают", "karzą", "punish*",
    "вирахову*", "вычита*", "potrąca*", "deduct*", "б'є", "бьет", "bije", "hit", "hits", "зачиняють",
    "запирают", "zamykają", "locked", "їжі не дають", "еды не дают", "bez jedzenia", "no food",
)  # fmt: skip
_PAY_WORDS = (
    "зарплат*", "гроші", "деньги", "pieniądze", "wypłat*", "salary", "wages", "pay", "pensj*", "заробіт*",
    "заработ*",
)  # fmt: skip
_TAKES = (
    "знімає", "знімають", "снимает", "снимают", "wypłaca*", "withdraws", "withdrew", "cashes",
    "забира*", "отбира*", "zabiera*", "takes", "took", "keeps", "тримає", "держит", "trzyma*", "присвою*",
    "присваива*", "забрав", "забрал*", "zabrał*",
)  # fmt: skip
_MIDDLEMEN = (
    "посередник*", "посредник*", "pośrednik*", "middleman", "recruiter*", "вербувальник*", "вербовщик*",
    "бригадир*", "brygadzist*", "foreman", "координатор*", "koordynator*", "coordinator*",
)  # fmt: skip
_GROWS = (
    "росте", "зростає", "виріс", "растет", "растёт", "вырос", "rośnie", "urósł", "grows", "growing",
    "keeps growing", "increases", "більшає", "только больше", "тільки більший", "coraz większy",
)  # fmt: skip
_BANK_LOAN = (
    "-кредит*", "-kredyt*", "-credit*", "-loan*", "-банк*", "-bank*", "-позик*", "-займ*", "-pożycz*",
    "-ipotek*", "-іпотек*", "-ипотек*", "-mortgage", "-raty", "-rata", "-розстроч*", "-рассроч*",
)  # fmt: skip
_TO_WAKE_ON = tuple(
    f"{w} !рано !раньше !early !wcześnie !о !в !o !at !на !na !for !до !do"
    for w in (
        "прокидатись", "прокидатися", "просыпаться", "budzić się", "wake up", "вставати", "вставать",
        "wstawać", "get up",
    )
)  # fmt: skip
_WHY = ("навіщо", "нащо", "зачем", "для чого", "для чего", "po co", "dlaczego", "czemu", "why")
_STILL_ALIVE = (
    "я ще живу", "я еще живу", "ja jeszcze żyję", "ще живу", "еще живу", "jeszcze żyję", "żyję jeszcze",
    "am i alive", "am i still alive", "do i still live", "am i still here",
    "я живу !в !у !тут !там !здесь !с !з !на !в", "ja żyję !w !tu !z !na",
    "живу !в !у !тут !там !здесь !с !з !на",
)  # fmt: skip
_SCRATCH = (
    "scratch*", "дряпа*", "подряпа*", "царапа*", "drapi*", "rozdrapu*", "розчісу*", "расчесыва*",
    "бʼю себе", "б'ю себе", "бью себя", "biję się", "hit myself", "punch myself", "кусаю себе",
    "кусаю себя", "gryzę się", "bite myself", "обпікаю себе", "прижига*", "przypala*", "burn myself",
    "burning myself",
)  # fmt: skip
_BLEEDING = (
    "до крові", "до крови", "do krwi", "bleed*", "кров*", "krwi", "krew", "blood", "шрам*", "scar*",
    "blizn*", "опік*", "ожог*", "oparzen*", "burns", "синці", "синяки", "siniaki", "bruises",
)  # fmt: skip
_ITCH = (
    "-алерг*", "-allerg*", "-экзем*", "-екзем*", "-ekzem*", "-eczema", "-свербі*", "-сверб*", "-чеш*",
    "-swędz*", "-itch*", "-комар*", "-mosquit*", "-укус*", "-bite", "-bites", "-ukąsz*", "-дитин*",
    "-ребен*", "-dzieck*", "-child*", "-kid*", "-кіт", "-кошк*", "-кот*", "-kot*", "-cat", "-cats",
    "-собак*", "-pies", "-psa", "-dog*", "-сковорід*", "-сковород*", "-patel*", "-pan", "-oven",
    "-духовк*", "-piekarnik*", "-праск*", "-утюг*", "-żelazk*", "-iron",
)  # fmt: skip
_I_WORK = (
    "працюю", "працюємо", "працювала", "працював", "робимо", "роблю", "работаю", "работаем", "работала",
    "работал", "pracuję", "pracujemy", "pracowałam", "pracowałem", "work", "working", "worked", "пашу",
    "пашем", "пашемо", "пахаю", "вкалываю", "вкалываем", "orzę", "haruj*", "горбачу",
)  # fmt: skip
# "в магазин тільки з бригадиром", "we can only go to the shop with the foreman"
_ONLY_WITH = ("тільки", "лише", "лиш", "только", "tylko", "only")
_MINDER_PERSON = (
    "бригадир*", "brygadzist*", "foreman", "шеф*", "szef*", "boss", "охорон*", "охран*", "ochron*",
    "guard*", "supervisor*", "наглядач*", "надсмотрщик*", "nadzorc*", "координатор*", "koordynator*",
    "coordinator*", "присмотр*", "наглядом", "nadzorem", "конвой*", "escort*", "хазя*", "хозя*",
    "właściciel*", "owner",
)  # fmt: skip
_OUT_PLACES = (
    "магазин*", "sklep*", "store", "shop*", "місто", "місті", "города", "город", "miasto", "mieście",
    "town", "city", "вулиц*", "улиц*", "ulic*", "outside", "на вулицю", "на улицу", "na zewnątrz",
    "виходити", "выходить", "wychodzić", "виходимо", "выходим", "wychodzimy", "go out", "лікар*", "врач*",
    "lekarz*", "doctor", "церкв*", "церков*", "kości*", "church", "аптек*", "apte*", "pharmacy",
)  # fmt: skip
_THREAT_ANY = (
    *_THREAT, "grozi", "грозится|грозился|грозилась|грозит|грозят|грозятся", "straszy*", "лякає", "лякають",
    "пугает", "пугают", "запугу*", "залякує",
    "залякують", "шантаж*", "szantaż*", "blackmail*",
)  # fmt: skip
_STANDING_ON = (
    "стою", "стоїть", "стоит", "stoję", "stoi", "standing", "сиджу", "сижу", "siedzę", "sitting",
    "i'm on", "im on", "i am on", "зараз на", "сейчас на", "teraz na", "вилізла", "вилізла", "виліз",
    "залізла", "заліз", "залезла", "залез", "wlazłam", "wlazłem", "weszłam", "climbed",
)  # fmt: skip
_NOT_ON_EDGE = (
    "-пробк*", "-пробц*", "-корк*", "-korku", "-korek", "-traffic", "-затор*", "-автобус*", "-bus",
    "-трамва*",
    "-tram*", "-поїзд*", "-поезд*", "-pociąg*", "-train*", "-фото*", "-photo*", "-zdjęci*", "-view*",
    "-widok*", "-екскурс*", "-экскурс*", "-wycieczk*", "-tour*", "-ремонт*", "-remont*", "-repair*",
    "-черепиц*", "-dachówk*", "-монтаж*", "-montaż*", "-концерт*", "-koncert*", "-concert*", "-черг*",
    "-очеред*", "-kolejk*", "-queue", "-selfie*", "-селфі", "-селфи", "-салют*", "-fajerwerk*",
    "-firework*",
)  # fmt: skip
_EDGE = (
    "мості", "mości", "windowsill", "window sill", "sill", "krawędzi", "krawędź", "карниз*", "gzyms*",
    "мосту", "мосте", "moście", "bridge", "даху", "крыше", "dachu", "roof", "краю", "edge",
    "підвіконні", "подоконнике", "parapecie", "ledge", "railing", "парапет*", "поручн*", "перил*",
    "barierk*",
)  # fmt: skip
_CUT = (
    "cut", "cuts", "cutting", "slit", "поріза*", "ріжу", "ріже", "різала", "різав", "режу", "режет",
    "резала", "резал", "порез*", "pocię*", "pociął", "tnę", "tnie", "cięła", "podcię*",
)  # fmt: skip
_LIMBS = (
    "руки", "руку", "ноги", "ногу", "стегна", "стегно", "бедра", "бедро", "ręce", "rękę", "nogi", "nogę",
    "uda", "udo", "arms", "arm", "legs", "leg", "thighs", "thigh", "wrists", "wrist", "зап'ястя",
    "запястья", "nadgarstki", "nadgarstek", "вени", "вены", "żyły",
)  # fmt: skip
_NO_POINT = (
    "незачем", "нема навіщо", "немає навіщо", "нема для чого", "немає для чого", "нема сенсу", "немає сенсу",
    "нет смысла", "не вижу смысла", "не бачу сенсу", "nie ma po co", "nie ma sensu", "nie widzę sensu",
    "no reason", "no point", "pointless", "бессмысленно", "безглуздо", "bez sensu", "нема заради чого",
    "нема нащо", "не маю для чого", "не для чего", "nie mam po co", "не вижу причин*", "не бачу причин*",
)  # fmt: skip
_LIVE_BLOCKS = "!в !у !тут !там !з !із !на !разом !здесь !с !со !вместе !w !tu !tam !z !na !razem !in !here"
_TO_LIVE_ON = tuple(
    f"{w} {_LIVE_BLOCKS} !there !with !on !together"
    for w in (
        "жити", "жить", "żyć", "to live", "keep living", "go on living", "carry on living",
        "дальше жить", "далі жити", "dalej żyć", "жити далі", "жить дальше", "żyć dalej",
    )
)  # fmt: skip
_WISH_NOT = (
    "думаю як", "думаю как", "myślę jak", "thinking how", "how to make it", "як зробити щоб",
    "как сделать чтобы",
    "jak zrobić żeby",
    "краще б", "краще би", "лучше бы", "хоч би", "хоча б", "хоть бы", "oby", "obym", "żebym",
    "lepiej żebym", "hope", "hoping", "wish", "хочу", "хочеться", "хочется", "chcę", "want", "мрію",
    "мечтаю", "marzę", "dream", "молюсь", "молюся", "modlę", "pray", "щоб", "чтобы", "шоб",
)  # fmt: skip
_WAKE_BLOCKS = (
    "!late !early !too !before !at !in !on !za !zbyt !o !пізно !поздно !рано !зарано !від !от !od !by "
    "!from !вночі !ночью !w !в !у !when !коли !когда !kiedy !till !until !до"
)
_NOT_WAKE = tuple(
    f"{w} {_WAKE_BLOCKS}"
    for w in (
        "не прокинулась", "не прокинувся", "не прокинутись", "не прокинутися", "не прокинусь",
        "не прокинуся", "не проснулась", "не проснулся", "не проснуться", "не проснусь", "nie obudził*",
        "nie obudzę", "nie obudzić", "się nie obudz*", "don't|dont|not|never|won't|wont|didn't|didnt wake up",
        "do not wake up", "not to wake up", "не прокидатися", "не просыпаться", "не прокидатись",
    )
)  # fmt: skip
_FIND_ME = (
    "знайде мене|нас", "знайдуть мене|нас", "мене|нас знайде|знайдуть", "найдет меня|нас",
    "найдут меня|нас", "меня|нас найдет|найдут", "znajdzie mnie|nas", "znajdą mnie|nas",
    "mnie|nas znajdzie|znajdą", "find me|us", "track me|us down", "hunt me|us down",
)  # fmt: skip
_BRUISES = ("синці", "синців", "синяки", "синяк*", "siniak*", "bruise*", "синець", "фінгал*", "фингал*")
_I_SAY = (
    "кажу", "говорю", "mówię", "tell", "telling", "say", "saying", "told", "пояснюю", "объясняю", "tłumaczę",
    "брешу", "вру", "kłamię", "lie", "lying", "сказала", "сказал", "powiedziałam",
)  # fmt: skip
_FELL = (
    "впала", "впав", "упала", "упал", "przewróciłam", "przewróciłem", "przewróciła", "przewrócił",
    "upadłam", "upadłem", "fell", "вдарилась", "ударилась", "uderzyłam", "walked into", "об двері",
    "о дверь", "o drzwi", "спіткнулась", "споткнулась", "potknęłam",
)  # fmt: skip
_TELL = (
    "розкажу", "розповім", "скажу", "розкажеш", "скажеш", "расскажу", "расскажешь", "скажешь", "powiem",
    "powiesz", "opowiem", "tell", "say", "пожалуюсь", "поскаржусь", "poskarżę", "report",
)  # fmt: skip
_ANYONE = (
    "комусь", "нікому", "кому-небудь", "кому-то", "кому нибудь", "кому", "никому", "komuś", "nikomu",
    "anyone", "anybody", "someone", "somebody", "no one", "nobody", "поліції", "полиции", "policji",
    "police",
)  # fmt: skip
_SILENCE_THREAT = (
    "звільнить", "уволит", "zwolni", "fire me", "fire", "вижене", "выгонит", "wyrzuci", "kick me out",
    "депортують", "депортируют", "deportuj*", "deport", "вб'є", "убьет", "zabije",
)  # fmt: skip


def _unless(phrases: tuple[str, ...], vetoes: tuple[str, ...]) -> tuple[str, ...]:
    """The phrases, each vetoed by any of `vetoes` in the sentence."""
    veto = " ".join(vetoes)
    return tuple(f"{phrase} {veto}" for phrase in phrases)


def _rules() -> tuple[Rule, ...]:
    s, t, v = "self_harm", "trafficking", "violence"
    return (
        Rule(s, "self-reference + harm", (_SELF, _HARM), 3),
        Rule(s, "want + die", (_WANT, _DIE), 4),
        Rule(s, "want + end (not a course or a contract)", (_WANT, _unless(_END, _NOT_ABOUT_LIFE)), 4),
        Rule(s, "end + forever", (_END, _FOREVER), 4),
        Rule(s, "want to go to heaven", (_WANT, _HEAVEN), 5),
        Rule(s, "want + not exist", (_WANT, _NOT_EXIST), 6),
        Rule(s, "never want to wake up", (_NEGATED, _NEVER_WAKE, _NEVER), 6),
        Rule(s, "painless death", (_PAINLESS, (*_DIE, "піти з життя", "уйти из жизни", "odejść")), 3),
        Rule(s, "a will and farewell letters", (_WILL, _WILL_WHY), 8),
        Rule(s, "no strength to live", (_NONE_LEFT, _NO_STRENGTH, _TO_LIVE), 5),
        Rule(s, "a plan with a method", (_PLAN, ("зробити", "сделать", "zrobić", "do it"), _METHOD), 12),
        Rule(s, "not live in this world", (_NOT_LIVE_WORLD, _WORLD), 7),
        Rule(s, "decided that it ends", (_DECIDED, _unless(_IT_ENDS, _NOT_ABOUT_LIFE)), 6),
        Rule(s, "cut wrists", (_WRIST_CUT, _WRISTS), 3),
        Rule(s, "a blade in the hand", (_BLADE, _IN_HAND), 6),
        Rule(s, "pills + all / saving up / not waking", (_PILLS, _PILLS_EXCESS), 5),
        Rule(s, "how many pills to die", (_HOW_MANY, _PILLS, _LETHAL), 10),
        Rule(s, "jump + height", (_JUMP, _HEIGHT), 7),
        Rule(s, "standing on a bridge or a roof", (_unless(_STANDING_ON, _NOT_ON_EDGE), _EDGE), 5),
        Rule(s, "in the bath with a blade", (_SITTING, _WITH_BLADE), 6),
        Rule(s, "enough pills", (_PILLS, _ENOUGH), 6),
        Rule(s, "cut one's own arms or legs", (_unless(_CUT, _ACCIDENT), _LIMBS), 3),
        Rule(s, "no point in living", (_NO_POINT, (*_TO_LIVE_ON, *_TO_WAKE_ON)), 7),
        Rule(s, "why am I still alive", (_WHY, _STILL_ALIVE), 5),
        Rule(s, "wanting to be run over", (_WANT, _RUN_OVER, _VEHICLES), 8),
        Rule(s, "sleep forever", (_SLEEP, _FOREVER_WORDS), 8),
        Rule(s, "hurting the skin till it bleeds", (_unless(_SCRATCH, _ITCH), _BLEEDING), 6),
        Rule(s, "wishing not to wake up", (_WISH_NOT, _NOT_WAKE), 9),
        Rule(
            s,
            "rope + use (not laundry)",
            (
                tuple(f"{r} -білизн* -белья -бельё -prani* -laundry -clothes -сушк* -suszen*" for r in _ROPE),
                _ROPE_USE,
            ),
            5,
        ),
        Rule(s, "not here + farewell", (_NOT_HERE, _FAREWELL), 6),
        Rule(s, "last message", (_LAST_MESSAGE, _FAREWELL), 8),
        Rule(s, "farewell words", (("прощавайте", "прощайте", "żegnajcie", "farewell"), _FAREWELL), 6),
        Rule(
            t,
            "documents withheld",
            (
                tuple(f"{d} {' '.join(_NOT_TRAFFICKING_DOCS)}" for d in _DOCUMENTS),
                _WITHHOLD,
            ),
            6,
        ),
        Rule(t, "debt to an agency / to work off", (_unless_words(_DEBT, _ORDINARY_DEBT), _DEBT_CONTEXT), 7),
        Rule(
            t,
            "unpaid + coercion (not a dismissal)",
            (
                _UNPAID,
                _unless(_COERCION, _NOT_A_DISMISSAL),
            ),
            8,
        ),
        Rule(t, "restricted + debt or documents", (_RESTRICT, (*_DEBT, *_DOCUMENTS, *_WATCH)), 10),
        Rule(t, "working off the trip, the visa, the housing", (_WORK_OFF, _WORK_OFF_WHAT), 6),
        Rule(t, "not let out", (_NOT_LET_OUT, tuple(f"{g} {' '.join(_NOT_LET_VETO)}" for g in _GO_OUT)), 5),
        Rule(t, "deported if we complain", (_COMPLAIN, _DEPORT_US), 8),
        Rule(t, "trapped by an employer", (_TRAPPED, _WORK), 8),
        Rule(t, "held and forced", (_HELD, _FORCE), 6),
        Rule(t, "pay to get the passport back", (_GET_BACK, _DOCUMENTS, _PAY), 8),
        Rule(t, "a penalty for leaving", (_PENALTY, _LEAVE), 12),
        Rule(t, "bank card taken", (_TOOK, _BANK_CARD), 5),
        Rule(t, "not allowed to talk to anyone", (_FORBIDDEN, _CONTACT), 6),
        Rule(t, "phones taken or checked", (_PHONE_CONTROL, _PHONES, _OUR), 5),
        Rule(t, "a promised job that was not", (_PROMISED, _WORK, _DECEIVED), 16),
        Rule(t, "living like in a prison", (_LIVE_WORK, _PRISON), 4),
        Rule(t, "nowhere without the minder", (_WITHOUT_MINDER, _MINDER, _NOWHERE), 9),
        Rule(t, "not allowed past the fence", (_NOT_OUT, _BOUNDARY), 6),
        Rule(t, "told to sleep with clients or to beg", (_TOLD_TO, (*_SEX_WORK, *_BEGGING)), 4),
        Rule(t, "no days off and no pay", (_NO_DAYS_OFF, _UNPAID), 12),
        Rule(t, "the family found if I leave", (_LEAVE, _FAMILY_OBJECT, _WILL_FIND), 10),
        Rule(t, "illegal and protected only by the boss", (_ILLEGAL, _PROTECTS, _BOSSES), 10),
        Rule(t, "out only with permission", (_OUT_ONLY, (*_PERMISSION, *_MINDER_PERSON)), 6),
        Rule(t, "reported if we complain or leave", (_REPORT_US, _REPORT_WHY), 10),
        Rule(t, "a relative vanished at work", (_RELATIVE, _MISSING, _WORK), 14),
        Rule(t, "cannot quit and nothing left", (_RESTRICT_QUIT, _DEDUCT), 14),
        Rule(t, "documents kept, not given", (_DOCUMENTS, _THEM_WITHHELD), 14),
        Rule(t, "documents in a safe", (_DOCUMENTS, _SAFE), 7),
        Rule(t, "kept until worked off", (_WITHHOLD, _WORK_OFF), 8),
        Rule(t, "the pay taken by a middleman", (_PAY_WORDS, _TAKES, _MIDDLEMEN), 5),
        Rule(t, "a debt growing while working", (_I_WORK, _unless(_DEBT, _BANK_LOAN), _GROWS), 12),
        Rule(t, "punished for complaining", (_PUNISHED_WHO, _COMPLAINS, _PUNISH), 6),
        Rule(t, "punished for every word", (_FOR_EVERY, (*_PUNISH, "мінус", "минус", "minus")), 6),
        Rule(t, "working unpaid against a debt", (_I_WORK, _UNPAID, _DEBT), 12),
        Rule(t, "out only with the minder", (_ONLY_WITH, _MINDER_PERSON, _OUT_PLACES), 8),
        Rule(
            t,
            "a boss threatens with the authorities",
            (_BOSSES, tuple(f"{w} {' '.join(_NOT_A_THREAT)}" for w in _THREAT_ANY), _AUTHORITIES),
            6,
        ),
        Rule(t, "work for food", (_WORK, _FOR_FOOD), 3),
        Rule(t, "work it off unpaid", (_WORK_OFF, _UNPAID), 6),
        Rule(t, "restricted at work", (_RESTRICT_STRONG, _WORK, (*_UNPAID, *_MONEY_TAKEN)), 10),
        Rule(t, "cheated and documents kept", (_MONEY_TAKEN, _DOCUMENTS), 10),
        Rule(t, "confined in a place", (_CONFINE, _PLACE), 4),
        Rule(t, "they know where the family is", (_KNOW_WHERE, _FAMILY), 6),
        Rule(t, "threat of deportation", (_THREAT, _DEPORT), 5),
        Rule(t, "threat of the police at work", (_THREAT, _POLICE, _WORK), 8),
        Rule(t, "threat to the family if we leave", (_THREAT, _FAMILY, _ESCAPE), 10),
        Rule(t, "forced into work, begging, prostitution", (_FORCE, _FORCED_INTO), 4),
        Rule(t, "held by force / at work", (_HELD, _HELD_HOW), 5),
        Rule(t, "watched so that we don't run away", (_WATCH, _ESCAPE), 6),
        Rule(t, "escape + documents", (_ESCAPE, _DOCUMENTS), 6),
        Rule(v, "hit on the head / face", (_HIT_CONTEXT, _HEAD), 5),
        Rule(v, "breaking the door in", (_DOOR_BREAK, _DOOR), 4),
        Rule(v, "pulled into a car", (_SNATCH, _VEHICLE), 5),
        Rule(v, "grabbed by the neck or hair", (_NECK, (*_TOUCH_VICTIM, *_GRABBED)), 4),
        Rule(v, "says he will kill", (tuple(f"{w} {' '.join(_LAUGHTER)}" for w in _SAYS_KILL), _KILL), 5),
        Rule(v, "a man at her bed at night", (_MALE_RELATIVE, _AT_MY_BED), 12),
        Rule(v, "threatens to set on fire", (_THREAT_ANY, _BURN), 8),
        Rule(v, "pushed out of a car", (_PUSHED, _ME, _OUT_OF_CAR), 5),
        Rule(v, "a wife's duty forced", (_WIFE, _MUST, _FORCED), 12),
        Rule(v, "hit with a belt or a stick", (_INSTRUMENT, _HIT_VERBS), 4),
        Rule(v, "hiding from the abuser", (_HIDE, _FROM_ABUSER), 4),
        Rule(v, "screams and blows heard", (_HEARD, _BLOWS), 5),
        Rule(v, "an injury to my face", (_unless(_INJURE, _NOT_BY_SOMEONE_WORDS), _TO_MY, _FACE), 4),
        Rule(v, "thrown against the wall", (_ME, _unless(_AGAINST_WALL, _NOT_BY_SOMEONE_WORDS)), 4),
        Rule(v, "drugged or made drunk and abused", (_unless(_DRUGGED, _LAUGHTER), _AFTERWARDS), 10),
        Rule(v, "an ex waits under the windows", (_ABUSER, _OUTSIDE_MY_HOME), 5),
        Rule(v, "will find me and harm me", (_FIND_ME, _KILL), 6),
        Rule(v, "a fall as the cover story for bruises", (_BRUISES, _I_SAY, _FELL), 14),
        Rule(v, "silenced with a threat", (_TELL, _ANYONE, (*_KILL, *_SILENCE_THREAT)), 8),
        Rule(v, "an ex / partner threatens or stalks", (_ABUSER, _THREATENING), 6),
        Rule(v, "weapon + threat or attack", (_WEAPON, _WEAPON_USE), 4),
        Rule(v, "unwanted touching", (_TOUCH, _TOUCH_VICTIM), 3),
        Rule(v, "sex demanded by a boss or landlord", (_SEX_DEMANDER, _SEX_DEMAND), 4),
        Rule(v, "threatened with the victim", (_THREATENING, _TO_ME_THREATENED), 2),
    )


RULES: tuple[Rule, ...] = _rules()

# Figurative uses of crisis words: a match overlapping one of these is dropped.
IDIOMS: tuple[str, ...] = (
    "померти від сміху", "помру від сміху", "вмираю від сміху", "вмираю від нудьги", "помру від нудьги",
    "умереть со смеху", "умру со смеху", "умираю со смеху", "умираю от скуки", "умру от скуки",
    "umrzeć ze śmiechu", "umrę ze śmiechu", "umieram ze śmiechu", "umieram z nudów", "umrę z nudów",
    "die laughing", "dying laughing", "dying to know", "dying to see", "dying to try", "dying of boredom",
    "die of boredom", "bored to death", "dying for a", "вмираю як хочу", "умираю как хочу",
    "umieram z ciekawości", "umieram z głodu", "умираю с голоду", "вмираю з голоду", "starving to death",
    "побиття рекорду", "побити рекорд", "побить рекорд", "pobić rekord", "pobicie rekordu", "beat the record",
    "kill time", "killing time", "убить время", "вбити час", "zabić czas", "kill the process",
    "kill process", "kill a process", "убить процесс", "вбити процес", "zabić proces", "kill bill",
    "убийственн*", "вбивч*", "zabójcz*", "deadline", "dead line", "мертв* зон*", "martw* stref*",
    "dead zone", "my phone is dead", "phone died", "battery died", "battery is dead", "pętla tramwajow*",
    "pętla autobusow*", "pętli tramwajow*", "na pętli", "петля трамва*", "петлі трамва*", "петля автобус*",
    "трамвайн* петл*", "cut my hair", "cut myself a", "hurt myself at work", "hurt myself playing",
    "beat the traffic", "beat the queue", "beat the heat", "beat the price", "б'є рекорд*", "бьет рекорд*",
    "бьют рекорд*", "б'ють рекорд*", "bije rekord*", "biją rekord*", "beat* everyone", "beat* me at",
    # "вбити PESEL у застосунок": to type data in, not to kill
    "вбити|вбить|вбиваю|вбивати|вбила|вбив|вбий|вбей pesel*|песел*|номер*|дан*|дат*|парол*|код*|адрес*",
    "вбити|вбить|вбиваю|вбивати|вбила|вбив|вбий|вбей цифр*|логін*|логин*|email*|мейл*|nip|iban|рахун*|счет*",
    "вбити|вбить|вбиваю|вбивати|вбила|вбив|вбий|вбей застосун*|додат*|приложен*|програм*|формуляр*|анкет*",
    "bije|biję|bijesz|biła|bił się z myśl*", "pobił*|pobili|pobiła|bije|biją|bił|biła|bili się",
    "się pobił*|pobili|bije|biją|bił|bili z|ze", "бʼюся головою об стіну", "б'юся головою об стіну",
    "бьюсь головой об стену",
    "beat myself up",
    "beat* us at", "beat* him at", "beat* her at", "beat* them at", "pobił rekord*", "побив рекорд*",
    "побил рекорд*", "beat* the record*",
)  # fmt: skip

# ------------------------------------------------------------------------------------------ weak cues

_NOT_A_CRISIS_CONTEXT = (
    "-колектор*", "-коллектор*", "-windyk*", "-collector*", "-кредит*", "-kredyt*", "-loan*", "-ужонд*",
    "-уженд*", "-urzęd*", "-urząd*", "-office", "-консульств*", "-konsulat*", "-consulate", "-посольств*",
    "-ambasad*", "-embassy", "-курсі", "-курсе", "-bieżąco", "-informed", "-updated", "-рекорд*",
    "-rekord*", "-record*", "-м'яч*", "-мяч*", "-piłk*", "-ball", "-chess", "-шахмат*", "-szach*",
    "-кордоні", "-границе", "-granicy", "-airport*", "-аеропорт*", "-аэропорт*", "-lotnisk*", "-myśl*",
    *_STUDY,
)  # fmt: skip
_VIOLENCE_CUES = (
    *_HIT_VERBS, "побив*", "побил*", "pobił*|pobili|pobije|pobiją|pobić", "bije", "бити", "бить", "bić",
    "hit*", "beat*", "б'ють",
    "бьют", "насил*", "przemoc*", "violen*", "abus*", "агресив*", "агрессив*", "agresywn*", "aggressive",
    "п'яний", "пьяный", "pijany", "drunk", "боюся", "боюсь", "boję", "afraid", "scared", "fear",
    "погрож*", "угрож*", "groz*", "groż*", "threat*", "кривд*", "ображає", "обижает", "krzywdzi",
    "синці", "синяк*", "siniak*", "bruise*", "кричить", "кричит", "krzyczy", "yells", "screams",
    "згвалт*", "изнасил*", "gwałt*", "rape*", "домага*", "домогат*", "molest*", "harass*",
    "nęka|nękają|nękał*|nękać|nękan*",
    "знущ*", "издева*", "znęca*", "тиран*", "контролює", "контролирует", "kontroluje", "controls",
    "ревну*", "zazdros*", "jealous*", "поліці*", "полици*", "policj*", "police", "niebieska karta",
    "синя картка", "синяя карта", "blue card",
)  # fmt: skip
_TRAFFICKING_CUES = (
    *_COERCION, *_RESTRICT, *_HELD, *_UNPAID, *_DEBT, *_ESCAPE, *_WATCH, *_WITHHOLD, *_FORCE, *_PRISON,
    *_TRAPPED, *_WORK_OFF, *_NOT_LET_OUT, *_FORBIDDEN, *_PENALTY, "рабств*", "раб", "раби", "рабы",
    "slave*", "niewol*", "продал*", "sold", "sprzedal*", "sprzedał*", "вербу*", "вербов*", "werbow*",
    "recruit*", "посередник*", "посредник*", "pośrednik*", "middleman", "агенц*", "агентств*", "agencj*",
    "agency", "без оплати", "без оплаты", "bez wypłaty", "не платять", "не платят", "nie płacą",
)  # fmt: skip

# Words without which a confident classification as a crisis topic is not taken as a crisis signal: "мій
# паспорт прострочений" is classified near trafficking (passports are its commonest word) but says nothing
# of coercion; a study, a film, an office or a bank in the message rules the intent net out as well.
CUES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        kind: tuple(f"{cue} {' '.join(_NOT_A_CRISIS_CONTEXT)}" for cue in cues)
        for kind, cues in (("violence", _VIOLENCE_CUES), ("trafficking", _TRAFFICKING_CUES))
    }
)
