//! Whole-pipeline throughput (tokens → sentences → actors → claims), in
//! bytes/s, single-threaded, on a multilingual news-style corpus with quotes,
//! reported speech and attributions in every language.
#![allow(missing_docs)]
use claimscope::{AnalyzeOptions, Analyzer, Lang};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const DOCS: &[(Lang, &str)] = &[
    (
        Lang::En,
        "Kremlin spokesman Dmitry Peskov said that President Vladimir Putin would meet Alexander Lukashenko \
         in Minsk on Friday. “There are no plans to change the format of the talks,” Peskov told reporters. \
         According to the Institute for the Study of War, Russian forces are regrouping near the border, \
         while NATO officials said the alliance was watching closely.\n\n\
         The talks, the minister explained, would focus on energy and security. “We will not give up an inch \
         of our land,” Zelensky said, adding that Kyiv expected more air defence systems before winter.\n\n",
    ),
    (
        Lang::Pl,
        "Rzecznik Kremla Dmitrij Pieskow stwierdził, że prezydent Władimir Putin spotka się z Aleksandrem \
         Łukaszenką w Mińsku. \"Nie ma planów zmiany formatu rozmów\" - zauważa ISW. Według PAP rozmowy \
         potrwają do piątku.\n\n\
         - Polska wspiera Ukrainę i będzie ją wspierać tak długo, jak będzie trzeba - powiedział minister \
         obrony. Zdaniem ekspertów, sankcje nie przyniosą szybkich efektów. Przyznał, że sytuacja na froncie \
         jest trudna, wskazując, iż pomoc musi dotrzeć przed zimą.\n\n",
    ),
    (
        Lang::Ru,
        "Пресс-секретарь президента России Дмитрий Песков заявил, что Владимир Путин обсудит с Александром \
         Лукашенко ситуацию в Белоруссии. «Форматы уже все есть — есть «нормандский формат», есть Контактная \
         группа», — цитирует РБК Карасина. По словам дипломата, Москва открыта для диалога.\n\n\
         Переговоры зашли в тупик. Об этом заявил министр иностранных дел Сергей Лавров, передает ТАСС. \
         Он отметил, что санкции не работают, добавив, что Россия готова к переговорам.\n\n",
    ),
    (
        Lang::Uk,
        "Речник Кремля Дмитро Пєсков заявив, що Володимир Путін не планує зустрічі з Володимиром Зеленським. \
         «Ми не відступимо», – заявив Зеленський. За його словами, ситуація на фронті залишається складною.\n\n\
         Уночі ворог атакував Київ ударними дронами. Про це повідомив речник Повітряних сил Юрій Ігнат, \
         передає Укрінформ. Як повідомляє Reuters, делегації зустрінуться в Стамбулі.\n\n",
    ),
];

fn bench(c: &mut Criterion) {
    let analyzer = Analyzer::new().expect("analyzer");
    let mut g = c.benchmark_group("pipeline");
    g.sample_size(10);
    let mut all = Vec::new();
    for &(lang, sample) in DOCS {
        // An article of a few KB, as a news page gives.
        let text = sample.repeat(6);
        g.throughput(Throughput::Bytes(text.len() as u64));
        let opts = AnalyzeOptions {
            id: None,
            lang: Some(lang),
        };
        g.bench_function(lang.code(), |b| {
            b.iter(|| analyzer.analyze(&text, &opts).expect("analyze"))
        });
        all.push((text, opts));
    }
    // The multilingual corpus: every document, languages mixed, one thread.
    let total: usize = all.iter().map(|(t, _)| t.len()).sum();
    g.throughput(Throughput::Bytes(total as u64));
    g.bench_function("multilingual", |b| {
        b.iter(|| {
            let mut claims = 0;
            for (t, o) in &all {
                claims += analyzer.analyze(t, o).expect("analyze").claims.len();
            }
            claims
        })
    });
    // With language detection, as the CLI runs by default.
    g.bench_function("multilingual_detect", |b| {
        b.iter(|| {
            let mut claims = 0;
            for (t, _) in &all {
                claims += analyzer
                    .analyze(t, &AnalyzeOptions::default())
                    .expect("analyze")
                    .claims
                    .len();
            }
            claims
        })
    });
    g.finish();

    // The claim stage alone, on the same documents already tokenized and with actors.
    let extractor = claimscope::claims::ClaimExtractor::builtin().expect("claims");
    let mut g = c.benchmark_group("claims_stage");
    g.sample_size(10);
    let docs: Vec<_> = all
        .iter()
        .map(|(t, o)| analyzer.analyze(t, o).expect("analyze"))
        .collect();
    g.throughput(Throughput::Bytes(total as u64));
    g.bench_function("multilingual", |b| {
        b.iter(|| {
            let mut n = 0;
            for d in &docs {
                let view = claimscope::claims::DocView {
                    text: &d.text,
                    lang: d.lang,
                    tokens: &d.tokens,
                    sentences: &d.sentences,
                    actors: &d.actors,
                };
                n += extractor.extract(&view).len();
            }
            n
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
