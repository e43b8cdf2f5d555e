//! The paradigm oracle: every case form of a name from the dictionary-generated
#![allow(clippy::expect_used, clippy::unwrap_used)]
//! table must be found and linked to its actor (≥ 98 %).

use std::collections::BTreeMap;

use claimscope::actors::ActorMatcher;
use claimscope::actors::gazetteer::{Alias, Entry};
use claimscope::{ActorType, Lang, sentence, tokenize};

const ORACLE: &str = include_str!("data/name_forms_pl_ru_uk.tsv");

struct Row {
    lang: Lang,
    id: String,
    form: String,
}

fn load() -> (Vec<Entry>, Vec<Row>) {
    let mut entries: BTreeMap<String, Entry> = BTreeMap::new();
    let mut rows = Vec::new();
    for line in ORACLE.lines().skip(1) {
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 5 {
            continue;
        }
        let lang = Lang::from_code(c[0]).expect("lang");
        let person = c[3].contains("Surn") || c[4].contains("nazwisko");
        let female = person && c[3].contains("femn");
        let id = format!("{}-{}{}", c[0], c[1], if female { "-f" } else { "" });
        entries.entry(id.clone()).or_insert_with(|| Entry {
            id: id.clone(),
            kind: if person {
                ActorType::Person
            } else {
                ActorType::Gpe
            },
            qid: None,
            female,
            name: c[1].to_string(),
            aliases: vec![Alias {
                text: c[1].to_string(),
                lang,
                indecl: false,
                cs: false,
                form: false,
            }],
            roles: vec![],
        });
        rows.push(Row {
            lang,
            id,
            form: c[2].to_string(),
        });
    }
    (entries.into_values().collect(), rows)
}

#[test]
fn paradigm_oracle_found_and_linked() {
    let (entries, rows) = load();
    let m = ActorMatcher::from_entries(&entries).expect("build");
    let mut ok = 0;
    let mut misses = Vec::new();
    for r in &rows {
        let text = match r.lang {
            Lang::Pl => format!("Wczoraj mówiono o tym, co {} zrobił.", r.form),
            _ => format!("Вчера говорили о том, что {} сделал.", r.form),
        };
        let toks = tokenize(&text, r.lang);
        let sents = sentence::split(&text, &toks, r.lang);
        let actors = m.find(&text, &toks, &sents, r.lang);
        // A form shared by a man's and a woman's paradigm (Путина) may link to either.
        let base = r.id.trim_end_matches("-f");
        let hit = actors.iter().any(|a| {
            (a.id == r.id || a.id.trim_end_matches("-f") == base)
                && a.mentions.iter().any(|mm| mm.span.slice(&text) == r.form)
        });
        if hit {
            ok += 1;
        } else {
            let t = text.as_str();
            let got: Vec<String> = actors
                .iter()
                .flat_map(|a| {
                    a.mentions
                        .iter()
                        .map(move |mm| format!("{}={}", mm.span.slice(t), a.id))
                })
                .collect();
            misses.push(format!("{} {} {} (got {got:?})", r.lang, r.id, r.form));
        }
    }
    let rate = f64::from(ok) / rows.len() as f64;
    println!(
        "paradigm oracle: {ok}/{} = {:.1} % found and linked",
        rows.len(),
        rate * 100.0
    );
    for m in &misses {
        println!("  miss: {m}");
    }
    assert!(
        rate >= 0.98,
        "only {:.1} % ({} misses)",
        rate * 100.0,
        misses.len()
    );
}
