"""A small, deterministic corpus for the examples, notebooks and benchmarks.

``seed_documents()`` reads the seed texts in ``examples/data``;
``synthetic_documents(n)`` writes ``n`` short news-like documents in English,
Polish, Russian and Ukrainian from templates (people quoted in inflected forms,
direct and reported speech, "according to"). Generated text, so the examples
never depend on data outside this repository.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Dict, List

DATA = Path(__file__).resolve().parent / "data"

# (nominative, genitive) forms of a few public figures per language.
_PEOPLE = {
    "en": [("Vladimir Putin", "Vladimir Putin"), ("Volodymyr Zelensky", "Volodymyr Zelensky"),
           ("Alexander Lukashenko", "Alexander Lukashenko"), ("Donald Tusk", "Donald Tusk"),
           ("Dmitry Peskov", "Dmitry Peskov"), ("Olaf Scholz", "Olaf Scholz")],
    "pl": [("Władimir Putin", "Władimira Putina"), ("Wołodymyr Zełenski", "Wołodymyra Zełenskiego"),
           ("Aleksandr Łukaszenko", "Aleksandra Łukaszenki"), ("Donald Tusk", "Donalda Tuska"),
           ("Dmitrij Pieskow", "Dmitrija Pieskowa"), ("Olaf Scholz", "Olafa Scholza")],
    "ru": [("Владимир Путин", "Владимира Путина"), ("Владимир Зеленский", "Владимира Зеленского"),
           ("Александр Лукашенко", "Александра Лукашенко"), ("Дональд Туск", "Дональда Туска"),
           ("Дмитрий Песков", "Дмитрия Пескова"), ("Олаф Шольц", "Олафа Шольца")],
    "uk": [("Володимир Путін", "Володимира Путіна"), ("Володимир Зеленський", "Володимира Зеленського"),
           ("Олександр Лукашенко", "Олександра Лукашенка"), ("Дональд Туск", "Дональда Туска"),
           ("Дмитро Пєсков", "Дмитра Пєскова"), ("Олаф Шольц", "Олафа Шольца")],
}

_CONTENT = {
    "en": ["the talks had failed", "the army would stay near the border", "sanctions were hurting Moscow",
           "Warsaw was ready to help", "the negotiations would resume next week", "the grain deal was over"],
    "pl": ["rozmowy zakończyły się fiaskiem", "wojsko pozostanie przy granicy", "sankcje szkodzą Moskwie",
           "Warszawa jest gotowa pomóc", "negocjacje zostaną wznowione w przyszłym tygodniu",
           "umowa zbożowa wygasła"],
    "ru": ["переговоры провалились", "армия останется у границы", "санкции вредят Москве",
           "Варшава готова помочь", "переговоры возобновятся на следующей неделе", "зерновая сделка закончилась"],
    "uk": ["переговори провалилися", "армія залишиться біля кордону", "санкції шкодять Москві",
           "Варшава готова допомогти", "переговори відновляться наступного тижня", "зернова угода завершилася"],
}

_TEMPLATES = {
    "en": ["{nom} said that {c}.", "\u201c{C},\u201d {nom} told reporters.", "According to {gen}, {c}.",
           "{nom} denied that {c}.", "On Monday {nom} met officials in Minsk \U0001F91D."],
    "pl": ["{nom} powiedział, że {c}.", "\u201e{C}\u201d \u2013 oświadczył {nom}.", "Według {gen} {c}.",
           "{nom} zaprzeczył, że {c}.", "W poniedziałek {nom} spotkał się z urzędnikami w Mińsku \U0001F91D."],
    "ru": ["{nom} заявил, что {c}.", "\u00ab{C}\u00bb, \u2014 сказал {nom}.", "По словам {gen}, {c}.",
           "{nom} опроверг, что {c}.", "В понедельник {nom} встретился с чиновниками в Минске \U0001F91D."],
    "uk": ["{nom} заявив, що {c}.", "\u00ab{C}\u00bb, \u2014 сказав {nom}.", "За словами {gen}, {c}.",
           "{nom} заперечив, що {c}.", "У понеділок {nom} зустрівся з чиновниками в Мінську \U0001F91D."],
}


def seed_documents() -> List[Dict[str, str]]:
    """The seed texts in ``examples/data`` as ``{"id", "text"}`` dicts."""
    return [
        {"id": p.name, "text": p.read_text(encoding="utf-8")}
        for p in sorted(DATA.glob("*.txt"))
    ]


def synthetic_documents(n: int, seed: int = 0) -> List[Dict[str, str]]:
    """``n`` generated documents (``{"id", "lang", "text"}``), the same for the same ``seed``."""
    rng = random.Random(seed)
    langs = list(_PEOPLE)
    docs = []
    for i in range(n):
        lang = langs[i % len(langs)]
        day = 1 + rng.randrange(28)
        lines = [f"date 2023-{1 + rng.randrange(12):02d}-{day:02d}", ""]
        for _ in range(rng.randrange(4, 12)):
            nom, gen = rng.choice(_PEOPLE[lang])
            c = rng.choice(_CONTENT[lang])
            t = rng.choice(_TEMPLATES[lang])
            lines.append(t.format(nom=nom, gen=gen, c=c, C=c[0].upper() + c[1:]))
        text = lines[0] + "\n\n" + " ".join(lines[2:])
        docs.append({"id": f"{lang}-{i:05d}", "lang": lang, "text": text})
    return docs


def corpus(n: int, seed: int = 0) -> List[Dict[str, str]]:
    """The seed documents followed by ``n`` synthetic ones."""
    return seed_documents() + synthetic_documents(n, seed)
