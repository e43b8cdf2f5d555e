//! Polish attribution patterns, on news-style sentences written for this suite.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod claims_support;
use claims_support::{check, claims};
use claimscope::Lang;

const L: Lang = Lang::Pl;

#[test]
fn speaker_cue_complementizer() {
    let c = claims(
        "Rzecznik rządu stwierdził, że decyzja zapadnie w przyszłym tygodniu.",
        L,
    );
    check(
        &c,
        "decyzja zapadnie w przyszłym tygodniu",
        Some("Rzecznik"),
        Some("stwierdził"),
        "indirect",
    );
}

#[test]
fn dropped_subject_has_no_span() {
    let c = claims(
        "Minister Sikorski spotkał się w poniedziałek z ambasadorem. Przyznał, że rozmowy utknęły w martwym punkcie.",
        L,
    );
    check(
        &c,
        "rozmowy utknęły w martwym punkcie",
        None,
        Some("Przyznał"),
        "indirect",
    );
}

#[test]
fn dash_quote_with_cue_and_speaker_after() {
    let c = claims(
        "- Nie zgodzimy się na takie warunki - powiedział wicepremier.",
        L,
    );
    check(
        &c,
        "Nie zgodzimy się na takie warunki",
        Some("wicepremier"),
        Some("powiedział"),
        "direct",
    );
}

#[test]
fn quote_dash_cue_organisation() {
    let c = claims(
        "\"Sytuacja na froncie pozostaje stabilna\" - zauważa ISW.",
        L,
    );
    check(
        &c,
        "Sytuacja na froncie pozostaje stabilna",
        Some("ISW"),
        Some("zauważa"),
        "direct",
    );
}

#[test]
fn impersonal_report_wording() {
    let c = claims(
        "Analitycy ISW opublikowali nowy raport.\n\n\"Rosja nie ma rezerw na nową ofensywę\" - czytamy w analizie.",
        L,
    );
    check(
        &c,
        "Rosja nie ma rezerw na nową ofensywę",
        None,
        Some("czytamy w analizie"),
        "direct",
    );
}

#[test]
fn headline_with_cue_and_colon() {
    let c = claims(
        "Premier przyznaje: sytuacja jest bardzo trudna\n\nRząd zbierze się w środę.",
        L,
    );
    check(
        &c,
        "sytuacja jest bardzo trudna",
        Some("Premier"),
        Some("przyznaje"),
        "direct",
    );
}

#[test]
fn headline_name_colon() {
    let c = claims(
        "Czaputowicz: gazociąg jest szkodliwy dla regionu\n\nMinister mówił o tym w Berlinie.",
        L,
    );
    check(
        &c,
        "gazociąg jest szkodliwy dla regionu",
        Some("Czaputowicz"),
        None,
        "direct",
    );
}

#[test]
fn wedlug_without_comma() {
    let c = claims("Według PAP rozmowy potrwają do piątku.", L);
    check(
        &c,
        "rozmowy potrwają do piątku",
        Some("PAP"),
        Some("Według"),
        "according_to",
    );
}

#[test]
fn zdaniem_with_comma() {
    let c = claims(
        "Zdaniem ekspertów, sankcje nie przyniosą szybkich efektów.",
        L,
    );
    check(
        &c,
        "sankcje nie przyniosą szybkich efektów",
        Some("ekspertów"),
        Some("Zdaniem"),
        "according_to",
    );
}

#[test]
fn jak_podaje_outlet() {
    let c = claims(
        "Jak podaje Reuters, w rozmowach wezmą udział przedstawiciele obu stron.",
        L,
    );
    check(
        &c,
        "w rozmowach wezmą udział przedstawiciele obu stron",
        Some("Reuters"),
        Some("Jak podaje"),
        "according_to",
    );
}

#[test]
fn participle_secondary_cue() {
    let c = claims(
        "Minister podkreślił, że Polska wspiera Ukrainę, wskazując, iż pomoc będzie kontynuowana.",
        L,
    );
    check(
        &c,
        "Polska wspiera Ukrainę",
        Some("Minister"),
        Some("podkreślił"),
        "indirect",
    );
    check(
        &c,
        "pomoc będzie kontynuowana",
        Some("Minister"),
        Some("wskazując"),
        "indirect",
    );
}

#[test]
fn wedlug_in_mid_clause() {
    let c = claims("Rozmowy, według PAP, zostaną wznowione w piątek.", L);
    check(
        &c,
        "Rozmowy, według PAP, zostaną wznowione w piątek",
        Some("PAP"),
        Some("według"),
        "according_to",
    );
}

#[test]
fn outlet_tag_after_dash() {
    let c = claims("Rosyjskie wojska wycofały się z miasta - podaje PAP.", L);
    check(
        &c,
        "Rosyjskie wojska wycofały się z miasta",
        Some("PAP"),
        Some("podaje"),
        "indirect",
    );
}

#[test]
fn nested_attribution() {
    let c = claims(
        "ISW zauważa, że Putin ogłosił, iż ćwiczenia potrwają do końca roku.",
        L,
    );
    check(
        &c,
        "Putin ogłosił, iż ćwiczenia potrwają do końca roku",
        Some("ISW"),
        Some("zauważa"),
        "indirect",
    );
    check(
        &c,
        "ćwiczenia potrwają do końca roku",
        Some("Putin"),
        Some("ogłosił"),
        "indirect",
    );
}

#[test]
fn back_reference() {
    let c = claims(
        "Polska wyśle kolejne czołgi na Ukrainę. Poinformował o tym minister obrony.",
        L,
    );
    check(
        &c,
        "Polska wyśle kolejne czołgi na Ukrainę",
        Some("minister"),
        Some("Poinformował"),
        "indirect",
    );
}

#[test]
fn directives_and_asides_are_no_claims() {
    assert!(claims("Prezydent zaapelował do obywateli o spokój.", L).is_empty());
    assert!(claims("Jak wiadomo, rozmowy trwają od tygodnia.", L).is_empty());
    assert!(
        claims(
            "Wszystko wskazuje na to, że rozmowy zakończą się fiaskiem.",
            L
        )
        .is_empty()
    );
}

#[test]
fn mixed_quote_with_polish_marks() {
    let c = claims(
        "Zełenski ostrzegł, że Rosja szykuje „kolejną prowokację” na granicy.",
        L,
    );
    check(
        &c,
        "Rosja szykuje „kolejną prowokację” na granicy",
        Some("Zełenski"),
        Some("ostrzegł"),
        "mixed",
    );
}

#[test]
fn user_cue_files_extend_the_lexicon() {
    use claimscope::{AnalyzeOptions, Analyzer, Error};
    let text = "Minister zaćwierkał, że rozmowy zakończyły się sukcesem.";
    let opts = AnalyzeOptions {
        id: None,
        lang: Some(L),
    };
    let plain = Analyzer::new().expect("analyzer");
    assert!(plain.analyze(text, &opts).expect("doc").claims.is_empty());
    let user = Analyzer::builder()
        .cues_str(
            L,
            "moje.tsv",
            "lemma\tform\ttags\nzaćwierkać\tzaćwierkał\tpos=VERB;form=past;gend=m1.m2.m3;class=write\n",
        )
        .build()
        .expect("analyzer with user cues");
    let doc = user.analyze(text, &opts).expect("doc");
    assert_eq!(doc.claims.len(), 1);
    assert_eq!(
        doc.claims[0].content.slice(&doc.text),
        "rozmowy zakończyły się sukcesem"
    );
    let bad = Analyzer::builder()
        .cues_str(L, "zle.tsv", "lemma\tform\ttags\nmówić\n")
        .build();
    match bad {
        Err(Error::Data { file, line, .. }) => {
            assert_eq!(file, "zle.tsv");
            assert_eq!(line, 2);
        }
        other => panic!("expected a data error, got {other:?}"),
    }
}
