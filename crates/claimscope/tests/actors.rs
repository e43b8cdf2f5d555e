//! Actor matching through the analyzer: homographs, cross-lingual ids,
#![allow(clippy::expect_used, clippy::unwrap_used)]
//! possessives, roles, unknown names, user dictionaries, offsets.

use std::collections::BTreeSet;

use claimscope::{AnalyzeOptions, Analyzer, Document, Error, Lang};

const HEAD: &str = "id\ttype\tqid\tgender\ten\tpl\tru\tuk\tbe\tde\tfr\troles\n";
const ROWS: &[&str] = &[
    "t-putin\tperson\tQ7747\tm\tVladimir Putin | Putin\tWładimir Putin | Putin\tВладимир Путин | Путин\tВолодимир Путін | Путін\t\tWladimir Putin\t\tpresident@russia:2012-05-07..",
    "t-lukashenko\tperson\t\tm\tAlexander Lukashenko | Lukashenko\tAleksandr Łukaszenka | Łukaszenko | Łukaszenka\tАлександр Лукашенко | Лукашенко\tОлександр Лукашенко | Лукашенко\tАляксандр Лукашэнка | Лукашэнка\t\t\t",
    "t-zelensky\tperson\t\tm\tVolodymyr Zelensky | Zelensky | Zelenskyy\tWołodymyr Zełenski | Zełenski\tВладимир Зеленский | Зеленский\tВолодимир Зеленський | Зеленський\t\t\t\t",
    "t-peskov\tperson\t\tm\tDmitry Peskov | Peskov\tDmitrij Pieskow | Pieskow\tДмитрий Песков | Песков\tДмитро Пєсков | Пєсков\t\t\t\t",
    "t-duda\tperson\t\tm\tAndrzej Duda | Duda\tAndrzej Duda | Duda\tАнджей Дуда | Дуда\tАнджей Дуда | Дуда\t\t\t\t",
    "t-russia\tgpe\t\t\tRussia\tRosja\tРоссия | РФ\tРосія\t\t\t\t",
    "t-poland\tgpe\t\t\tPoland\tPolska\tПольша\tПольща\t\t\t\t",
    "t-moscow\tgpe\t\t\tMoscow\tMoskwa\tМосква\tМосква\t\t\t\t",
    "t-nato\torg\t\t\tNATO\tNATO\tНАТО\tНАТО\t\t\t\t",
    "t-kremlin\torg\t\t\tKremlin\tKreml\tКремль\tКремль\t\t\t\t",
    "t-eu\tgpe\t\t\tEuropean Union | EU\tUnia Europejska | UE\tЕвропейский союз | ЕС\tЄвропейський Союз | ЄС\t\t\t\t",
    "t-izmir\tgpe\t\t\tİzmir\t\t\t\t\tGroßbritannien-Test\t\t",
];

fn analyzer() -> Analyzer {
    let tsv = format!("{HEAD}{}\n", ROWS.join("\n"));
    Analyzer::builder()
        .actors_str("test.tsv", tsv)
        .build()
        .expect("analyzer")
}

fn run(a: &Analyzer, text: &str, lang: Lang) -> Document {
    a.analyze(
        text,
        &AnalyzeOptions {
            id: None,
            lang: Some(lang),
        },
    )
    .expect("analyze")
}

/// (surface, id) of every mention, in text order.
fn mentions(doc: &Document) -> Vec<(String, String)> {
    let mut v: Vec<(u32, String, String)> = doc
        .actors
        .iter()
        .flat_map(|a| {
            a.mentions.iter().map(|m| {
                (
                    m.span.start,
                    m.span.slice(&doc.text).to_string(),
                    a.id.clone(),
                )
            })
        })
        .collect();
    v.sort();
    v.into_iter().map(|(_, s, i)| (s, i)).collect()
}

fn has(doc: &Document, surface: &str, id: &str) -> bool {
    mentions(doc).iter().any(|(s, i)| s == surface && i == id)
}

fn has_surface(doc: &Document, surface: &str) -> bool {
    mentions(doc).iter().any(|(s, _)| s == surface)
}

#[test]
fn homographs() {
    let a = analyzer();
    let d = run(
        &a,
        "Prezydent Andrzej Duda przyjechał na festiwal. Na scenie grały dudy i skrzypce, a Duda słuchał.",
        Lang::Pl,
    );
    assert!(has(&d, "Andrzej Duda", "t-duda"), "{:?}", mentions(&d));
    assert!(has(&d, "Duda", "t-duda"));
    assert!(!has_surface(&d, "dudy"), "{:?}", mentions(&d));

    let d = run(
        &a,
        "Polski rząd zdecydował o wysłaniu pomocy. Władze Polski nie komentują. Moskwa milczy.",
        Lang::Pl,
    );
    let m = mentions(&d);
    assert_eq!(
        m.iter().filter(|(s, _)| s == "Polski").count(),
        1,
        "adjective at sentence start must not match: {m:?}"
    );
    assert!(has(&d, "Polski", "t-poland"));
    assert!(has(&d, "Moskwa", "t-moscow"));

    let d = run(
        &a,
        "Песков заявил журналистам, что на берегу много песков и камней.",
        Lang::Ru,
    );
    assert!(has(&d, "Песков", "t-peskov"));
    assert!(!has_surface(&d, "песков"), "{:?}", mentions(&d));

    let d = run(
        &a,
        "Генсек НАТО заявив, що Альянс посилить східний фланг. Ната, його сестра, мовчала.",
        Lang::Uk,
    );
    assert!(has(&d, "НАТО", "t-nato"), "{:?}", mentions(&d));
    assert!(
        !mentions(&d)
            .iter()
            .any(|(s, i)| s == "Ната" && i == "t-nato")
    );
}

#[test]
fn demonyms_never_match() {
    let a = analyzer();
    for (t, l) in [
        ("Rosyjskie wojska i rosyjskiej armii nie widać.", Lang::Pl),
        ("Российский МИД и российские войска.", Lang::Ru),
        ("Russian troops and the Russian army.", Lang::En),
        ("Польський уряд і польські війська.", Lang::Uk),
    ] {
        let d = run(&a, t, l);
        assert!(
            !d.actors
                .iter()
                .any(|x| x.id == "t-russia" || x.id == "t-poland"),
            "{t}: {:?}",
            mentions(&d)
        );
    }
}

#[test]
fn same_ten_actors_in_three_languages() {
    let a = analyzer();
    let en = "Vladimir Putin met Alexander Lukashenko in Moscow. Zelensky said Russia lies. \
              Peskov spoke for the Kremlin. Andrzej Duda said Poland backs NATO.";
    let pl = "Władimir Putin spotkał się z Aleksandrem Łukaszenką w Moskwie. Zełenski stwierdził, że Rosja kłamie. \
              Pieskow wypowiadał się w imieniu Kremla. Andrzej Duda powiedział, że Polska wspiera NATO.";
    let ru = "Владимир Путин встретился с Александром Лукашенко в Москве. Зеленский заявил, что Россия лжёт. \
              Песков говорил от имени Кремля. Анджей Дуда сказал, что Польша поддерживает НАТО.";
    let mut all = BTreeSet::new();
    for (t, l) in [(en, Lang::En), (pl, Lang::Pl), (ru, Lang::Ru)] {
        let d = run(&a, t, l);
        let ids: BTreeSet<String> = d
            .actors
            .iter()
            .filter(|x| x.id.starts_with("t-"))
            .map(|x| x.id.clone())
            .collect();
        assert_eq!(ids.len(), 10, "{l}: {ids:?} {:?}", mentions(&d));
        all.extend(ids);
    }
    assert_eq!(all.len(), 10, "{all:?}");
}

#[test]
fn possessives_and_articles_outside_the_span() {
    let a = analyzer();
    let d = run(
        &a,
        "Russia’s army and Putin's words worried the Kremlin.",
        Lang::En,
    );
    assert!(has(&d, "Russia", "t-russia"), "{:?}", mentions(&d));
    assert!(has(&d, "Putin", "t-putin"));
    assert!(has(&d, "Kremlin", "t-kremlin"));
}

#[test]
fn roles_are_recorded_outside_the_name() {
    let a = analyzer();
    let t = "Jak przekazał rzecznik Kremla, Dmitrij Pieskow, prezydent Władimir Putin nie planuje wizyty.";
    let d = run(&a, t, Lang::Pl);
    let peskov = d
        .actors
        .iter()
        .find(|x| x.id == "t-peskov")
        .expect("peskov");
    let m = &peskov.mentions[0];
    assert_eq!(m.span.slice(t), "Dmitrij Pieskow");
    assert_eq!(m.role.map(|r| r.slice(t)), Some("rzecznik Kremla"));
    let putin = d.actors.iter().find(|x| x.id == "t-putin").expect("putin");
    assert_eq!(putin.mentions[0].span.slice(t), "Władimir Putin");
    assert_eq!(
        putin.mentions[0].role.map(|r| r.slice(t)),
        Some("prezydent")
    );

    let t = "President Vladimir Putin and пресс-секретарь Дмитрий Песков.";
    let d = run(&a, t, Lang::En);
    let putin = d.actors.iter().find(|x| x.id == "t-putin").expect("putin");
    assert_eq!(
        putin.mentions[0].role.map(|r| r.slice(t)),
        Some("President")
    );
}

#[test]
fn unknown_names() {
    let a = analyzer();
    let t = "Jak oświadczył szef administracji obwodowej Ołeksandr Prokudin, sytuacja jest trudna. \
             Eksperci uważają, że to prawda. Według Prokudina ewakuacja trwa. \
             Jan Kowalski powiedział, że nie wie. Słowa Kowalskiego potwierdził Instytut Badań Strategicznych.";
    let d = run(&a, t, Lang::Pl);
    let m = mentions(&d);
    let prok: Vec<&(String, String)> = m
        .iter()
        .filter(|(s, _)| s.starts_with("Prokudin") || s.contains("Prokudin"))
        .collect();
    assert_eq!(prok.len(), 2, "{m:?}");
    assert_eq!(prok[0].1, prok[1].1, "{m:?}");
    assert_eq!(prok[0].0, "Ołeksandr Prokudin");
    let kow: Vec<&(String, String)> = m.iter().filter(|(s, _)| s.contains("Kowalsk")).collect();
    assert_eq!(kow.len(), 2, "{m:?}");
    assert_eq!(kow[0].1, kow[1].1);
    assert_eq!(kow[0].1, "unk:pl:person:jan-kowalski");
    assert!(!has_surface(&d, "Eksperci"), "{m:?}");
    assert!(!has_surface(&d, "Jak"));
    let org = d
        .actors
        .iter()
        .find(|x| x.name.contains("Instytut"))
        .expect("org");
    assert_eq!(org.kind.as_str(), "org");
    assert!(!org.known);

    // Same person, other document, other case: same id.
    let d2 = run(&a, "Rozmawialiśmy z Janem Kowalskim o wojnie.", Lang::Pl);
    assert!(
        d2.actors
            .iter()
            .any(|x| x.id == "unk:pl:person:jan-kowalski"),
        "{:?}",
        mentions(&d2)
    );

    let d = run(
        &a,
        "Rozmowy odbyły się w Greifswaldzie, a potem w Greifswaldzie znowu.",
        Lang::Pl,
    );
    let g: Vec<_> = d
        .actors
        .iter()
        .filter(|x| x.kind.as_str() == "gpe")
        .collect();
    assert_eq!(g.len(), 1, "{:?}", mentions(&d));
    assert_eq!(g[0].mentions.len(), 2);

    let t = "Представитель госдепа Джефф Раттке заявил, что всё в порядке. Как напомнил Раттке, встреча прошла.";
    let d = run(&a, t, Lang::Ru);
    let m = mentions(&d);
    let r: Vec<&(String, String)> = m.iter().filter(|(s, _)| s.contains("Раттке")).collect();
    assert_eq!(r.len(), 2, "{m:?}");
    assert_eq!(r[0].1, r[1].1);
}

#[test]
fn offsets_are_original_bytes() {
    let a = analyzer();
    let t = "W İzmir i w ROSJI, a także Großbritannien-Test.";
    let d = run(&a, t, Lang::Pl);
    assert!(has(&d, "İzmir", "t-izmir"), "{:?}", mentions(&d));
    assert!(has(&d, "ROSJI", "t-russia"), "{:?}", mentions(&d));
    assert!(
        has(&d, "Großbritannien-Test", "t-izmir"),
        "{:?}",
        mentions(&d)
    );
    for a in &d.actors {
        for m in &a.mentions {
            assert!(t.is_char_boundary(m.span.start()) && t.is_char_boundary(m.span.end()));
        }
    }
}

#[test]
fn mentions_sorted_and_disjoint() {
    let a = analyzer();
    let t = "Unia Europejska i UE. Putin, Putina, Putinowi; Rosja i Rosji. Kreml, NATO.";
    let d = run(&a, t, Lang::Pl);
    let mut all: Vec<(u32, u32)> = Vec::new();
    let mut firsts = Vec::new();
    for a in &d.actors {
        assert!(
            a.mentions
                .windows(2)
                .all(|w| w[0].span.start < w[1].span.start)
        );
        firsts.push(a.mentions[0].span.start);
        all.extend(a.mentions.iter().map(|m| (m.span.start, m.span.end)));
    }
    assert!(
        firsts.windows(2).all(|w| w[0] < w[1]),
        "actors by first mention"
    );
    all.sort_unstable();
    assert!(all.windows(2).all(|w| w[0].1 <= w[1].0), "overlap: {all:?}");
    assert_eq!(
        d.actors
            .iter()
            .find(|x| x.id == "t-putin")
            .map(|x| x.mentions.len()),
        Some(3)
    );
}

#[test]
fn user_dictionary_errors_name_file_and_line() {
    let bad = format!("{HEAD}ok\tgpe\t\t\tOkland\n# comment\nbad\tplanet\t\t\tMars\n");
    match Analyzer::builder().actors_str("mine.tsv", bad).build() {
        Err(Error::Data { file, line, .. }) => {
            assert_eq!(file, "mine.tsv");
            assert_eq!(line, 4);
        }
        other => panic!("expected a data error, got {other:?}"),
    }
}

#[test]
fn user_dictionary_adds_actors() {
    let tsv = format!(
        "{HEAD}kowalczyk-inc\torg\t\t\tKowalczyk Industries\tKowalczyk Industries\t\t\t\t\t\t\n"
    );
    let a = Analyzer::builder()
        .actors_str("u.tsv", tsv)
        .build()
        .expect("build");
    let d = run(&a, "Kowalczyk Industries ogłosiło wyniki.", Lang::Pl);
    assert!(
        has(&d, "Kowalczyk Industries", "kowalczyk-inc"),
        "{:?}",
        mentions(&d)
    );
}

#[test]
fn dictionary_row_with_an_unknown_name_id_joins_its_mentions() {
    // A user row whose id is the one the unknown-name rules give a new name:
    // its mentions and the rules' are one actor.
    let text = "MZ-Group, the firm of Marek Zawadzkiewicz, met Vladimir Putin. \
                Putin said Marek Zawadzkiewicz would follow.";
    let plain = Analyzer::new().expect("analyzer");
    let d = run(&plain, text, Lang::En);
    let unk = d
        .actors
        .iter()
        .find(|a| a.name == "Marek Zawadzkiewicz")
        .map(|a| a.id.clone())
        .expect("an unknown actor for Marek Zawadzkiewicz");
    assert!(unk.starts_with("unk:"), "{unk}");
    let a = Analyzer::builder()
        .actors_str(
            "u.tsv",
            format!("{HEAD}{unk}\torg\t\t\tMZ-Group\t\t\t\t\t\t\t\n"),
        )
        .build()
        .expect("build");
    let d = run(&a, text, Lang::En);
    let surfaces = |id: &str| -> Vec<&str> {
        let found: Vec<_> = d.actors.iter().filter(|a| a.id == id).collect();
        assert_eq!(found.len(), 1, "{id}: {:?}", mentions(&d));
        found[0]
            .mentions
            .iter()
            .map(|m| m.span.slice(&d.text))
            .collect()
    };
    assert_eq!(surfaces("putin"), ["Vladimir Putin", "Putin"]);
    assert_eq!(
        surfaces(&unk),
        ["MZ-Group", "Marek Zawadzkiewicz", "Marek Zawadzkiewicz"]
    );
    // The gazetteer row is mentioned first, so it names the actor.
    assert!(d.actors.iter().any(|a| a.id == unk && a.known));
}

#[test]
fn compile_time_forms_match_run_time_generation() {
    use claimscope::actors::ActorMatcher;
    use claimscope::actors::gazetteer::parse;
    let mut entries = Vec::new();
    for (f, c) in [
        ("countries", include_str!("../data/actors/countries.tsv")),
        ("places", include_str!("../data/actors/places.tsv")),
        ("orgs", include_str!("../data/actors/orgs.tsv")),
        ("people", include_str!("../data/actors/people.tsv")),
        ("extra", include_str!("../data/actors/extra.tsv")),
    ] {
        entries.extend(parse(f, c).expect("parse"));
    }
    let runtime = ActorMatcher::from_entries(&entries).expect("runtime");
    let builtin = ActorMatcher::builtin().expect("builtin");
    assert_eq!(runtime.len(), builtin.len());
    assert_eq!(runtime.pattern_count(), builtin.pattern_count());
}

#[test]
fn lower_case_starts_find_only_lower_case_aliases() {
    // Where the text has a lower-case letter, the matcher looks only at forms
    // that some reading lets start with one: lower-case aliases, lower-case
    // `@cs` aliases; never a capitalized alias or an acronym.
    let tsv = format!(
        "{HEAD}euro-area\tgpe\t\t\teuro area\tstrefa euro\t\t\t\t\t\t\n\
         iphone\torg\t\t\tiPhone@cs\t\t\t\t\t\t\t\n\
         warsaw\tgpe\t\t\tWarsaw\tWarszawa\t\t\t\t\t\t\n\
         nbp\torg\t\t\tNBP\tNBP\t\t\t\t\t\t\n"
    );
    let a = Analyzer::builder()
        .actors_str("lower.tsv", tsv)
        .build()
        .expect("build");
    let d = run(
        &a,
        "W strefie euro, w warszawie i w nbp; nowy iPhone i Iphone.",
        Lang::Pl,
    );
    let m = mentions(&d);
    assert!(has(&d, "strefie euro", "euro-area"), "{m:?}");
    assert!(has(&d, "iPhone", "iphone"), "{m:?}");
    assert!(!has_surface(&d, "Iphone"), "{m:?}");
    assert!(!has_surface(&d, "warszawie"), "{m:?}");
    assert!(!has_surface(&d, "nbp"), "{m:?}");
    let d = run(&a, "Strefa euro i Warszawa, NBP.", Lang::Pl);
    let m = mentions(&d);
    assert!(has(&d, "Strefa euro", "euro-area"), "{m:?}");
    assert!(has(&d, "Warszawa", "warsaw"), "{m:?}");
    assert!(has(&d, "NBP", "nbp"), "{m:?}");
}
