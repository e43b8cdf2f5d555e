//! Actor matching throughput (bytes/s) and the cost of building the matcher
//! and the whole analyzer (must stay under 100 ms: every worker builds one).
#![allow(missing_docs)]
use claimscope::actors::ActorMatcher;
use claimscope::{Analyzer, Lang, sentence, tokenize};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const SAMPLES: &[(Lang, &str)] = &[
    (
        Lang::Pl,
        "Jak przekazał rzecznik Kremla, Dmitrij Pieskow, prezydent Władimir Putin spotka się z Aleksandrem \
         Łukaszenką w Mińsku. Według ISW Rosja i Białoruś przygotowują ćwiczenia, a NATO wzmacnia wschodnią \
         flankę. Minister Jan Kowalski powiedział, że Polska i Unia Europejska są gotowe. W Stanach \
         Zjednoczonych i w Niemczech komentowano słowa Zełenskiego o Kijowie.\n\n",
    ),
    (
        Lang::Ru,
        "Пресс-секретарь президента России Дмитрий Песков заявил, что Владимир Путин обсудит с Александром \
         Лукашенко ситуацию в Белоруссии. По данным ISW, Москва и Минск готовят учения. Министр иностранных \
         дел Сергей Лавров встретился с генсеком НАТО в Брюсселе, сообщает ТАСС.\n\n",
    ),
    (
        Lang::Uk,
        "Речник Кремля Дмитро Пєсков заявив, що Володимир Путін не планує зустрічі з Володимиром Зеленським. \
         У Києві та Варшаві наголосили, що Росія порушує домовленості, повідомляє Укрінформ.\n\n",
    ),
    (
        Lang::En,
        "Kremlin spokesman Dmitry Peskov said President Vladimir Putin would meet Alexander Lukashenko in \
         Minsk. The Institute for the Study of War said Russia's forces and Belarus's army were preparing \
         drills, while NATO and the European Union watched, Reuters reported.\n\n",
    ),
];

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("actors");
    g.sample_size(10);
    g.bench_function("build_matcher", |b| {
        b.iter(|| ActorMatcher::builtin().expect("matcher"))
    });
    g.bench_function("build_analyzer", |b| {
        b.iter(|| Analyzer::new().expect("analyzer"))
    });
    g.finish();

    let m = ActorMatcher::builtin().expect("matcher");
    let mut g = c.benchmark_group("actors_find");
    for &(lang, sample) in SAMPLES {
        let text = sample.repeat(40);
        let toks = tokenize(&text, lang);
        let sents = sentence::split(&text, &toks, lang);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(lang.code(), |b| {
            b.iter(|| m.find(&text, &toks, &sents, lang))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
