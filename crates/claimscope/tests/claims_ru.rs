//! Russian attribution patterns, on news-style sentences written for this suite.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod claims_support;
use claims_support::{check, claims};
use claimscope::Lang;

const L: Lang = Lang::Ru;

#[test]
fn speaker_cue_complementizer() {
    let c = claims("Песков заявил, что переговоры зашли в тупик.", L);
    check(
        &c,
        "переговоры зашли в тупик",
        Some("Песков"),
        Some("заявил"),
        "indirect",
    );
}

#[test]
fn inverted_unquoted_with_dash() {
    let c = claims("Переговоры зашли в тупик, — заявил Песков.", L);
    check(
        &c,
        "Переговоры зашли в тупик",
        Some("Песков"),
        Some("заявил"),
        "indirect",
    );
}

#[test]
fn guillemet_quote_with_role_speaker() {
    let c = claims(
        "«Мы не видим никакого прогресса», — сказал пресс-секретарь президента.",
        L,
    );
    check(
        &c,
        "Мы не видим никакого прогресса",
        Some("секретарь"),
        Some("сказал"),
        "direct",
    );
}

#[test]
fn po_slovam() {
    let c = claims("По словам Лаврова, Москва готова к диалогу.", L);
    check(
        &c,
        "Москва готова к диалогу",
        Some("Лаврова"),
        Some("По словам"),
        "according_to",
    );
}

#[test]
fn po_ego_slovam_pronoun_speaker() {
    let c = claims("По его словам, решение будет принято в понедельник.", L);
    check(
        &c,
        "решение будет принято в понедельник",
        Some("его"),
        Some("По его словам"),
        "according_to",
    );
}

#[test]
fn back_reference_to_previous_sentence() {
    let c = claims(
        "Россия не будет участвовать в саммите. Об этом заявил Дмитрий Песков.",
        L,
    );
    check(
        &c,
        "Россия не будет участвовать в саммите",
        Some("Песков"),
        Some("заявил"),
        "indirect",
    );
}

#[test]
fn dropped_subject() {
    let c = claims(
        "Министр выступил в Москве. Заявил, что санкции не работают.",
        L,
    );
    check(&c, "санкции не работают", None, Some("Заявил"), "indirect");
}

#[test]
fn outlet_tag() {
    let c = claims("Взрывы прогремели в центре города, передает Интерфакс.", L);
    check(
        &c,
        "Взрывы прогремели в центре города",
        Some("Интерфакс"),
        Some("передает"),
        "indirect",
    );
}

#[test]
fn relayed_quote_is_two_claims() {
    let c = claims("«Решение уже принято», — цитирует РБК Карасина.", L);
    let same: Vec<_> = c
        .iter()
        .filter(|x| x.content == "Решение уже принято")
        .collect();
    assert_eq!(same.len(), 2, "{c:#?}");
    assert!(same.iter().any(|x| x.speaker.as_deref() == Some("РБК")));
    assert!(
        same.iter()
            .any(|x| x.speaker.as_deref() == Some("Карасина"))
    );
}

#[test]
fn soglasno() {
    let c = claims("Согласно данным ООН, число беженцев превысило миллион.", L);
    check(
        &c,
        "число беженцев превысило миллион",
        Some("ООН"),
        Some("Согласно"),
        "according_to",
    );
}

#[test]
fn participle_secondary_cue() {
    let c = claims(
        "Лавров отметил, что ситуация остается сложной, добавив, что Москва открыта для переговоров.",
        L,
    );
    check(
        &c,
        "ситуация остается сложной",
        Some("Лавров"),
        Some("отметил"),
        "indirect",
    );
    check(
        &c,
        "Москва открыта для переговоров",
        Some("Лавров"),
        Some("добавив"),
        "indirect",
    );
}

#[test]
fn colon_quote_after_cue() {
    let c = claims("Захарова ответила так: «Это не наше дело».", L);
    check(
        &c,
        "Это не наше дело",
        Some("Захарова"),
        Some("ответила"),
        "direct",
    );
}

#[test]
fn no_claim_for_directives_feelings_and_objects() {
    assert!(claims("Президент призвал граждан сохранять спокойствие.", L).is_empty());
    assert!(claims("Министр выразил озабоченность ситуацией.", L).is_empty());
    assert!(claims("Глава МИД осудил нападение на посольство.", L).is_empty());
}

#[test]
fn mid_clause_attribution() {
    let c = claims(
        "После встречи в Анкаре делегация вернулась в Москву, напомнил Раттке, затем последовали новые консультации.",
        L,
    );
    check(
        &c,
        "После встречи в Анкаре делегация вернулась в Москву, напомнил Раттке, затем последовали новые консультации",
        Some("Раттке"),
        Some("напомнил"),
        "indirect",
    );
}
