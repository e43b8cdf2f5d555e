//! Ukrainian attribution patterns, on news-style sentences written for this suite.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod claims_support;
use claims_support::{check, claims};
use claimscope::Lang;

const L: Lang = Lang::Uk;

#[test]
fn speaker_cue_complementizer() {
    let c = claims("Зеленський заявив, що Україна не піде на поступки.", L);
    check(
        &c,
        "Україна не піде на поступки",
        Some("Зеленський"),
        Some("заявив"),
        "indirect",
    );
}

#[test]
fn quote_dash_cue_speaker() {
    let c = claims("«Ми не відступимо», – заявив Зеленський.", L);
    check(
        &c,
        "Ми не відступимо",
        Some("Зеленський"),
        Some("заявив"),
        "direct",
    );
}

#[test]
fn za_slovamy() {
    let c = claims(
        "За словами Кулеби, переговори продовжаться наступного тижня.",
        L,
    );
    check(
        &c,
        "переговори продовжаться наступного тижня",
        Some("Кулеби"),
        Some("За словами"),
        "according_to",
    );
}

#[test]
fn za_yoho_slovamy() {
    let c = claims(
        "За його словами, ситуація на фронті залишається стабільною.",
        L,
    );
    check(
        &c,
        "ситуація на фронті залишається стабільною",
        Some("його"),
        Some("За його словами"),
        "according_to",
    );
}

#[test]
fn back_reference_with_role_and_name() {
    let c = claims(
        "Уночі ворог атакував Київ ударними дронами. Про це повідомив речник Повітряних сил Юрій Ігнат.",
        L,
    );
    check(
        &c,
        "Уночі ворог атакував Київ ударними дронами",
        Some("Ігнат"),
        Some("повідомив"),
        "indirect",
    );
}

#[test]
fn outlet_tag() {
    let c = claims("Вибухи пролунали в Одесі, передає Укрінформ.", L);
    check(
        &c,
        "Вибухи пролунали в Одесі",
        Some("Укрінформ"),
        Some("передає"),
        "indirect",
    );
}

#[test]
fn pronoun_speaker() {
    let c = claims(
        "Міністр прибув до Брюсселя. Він заявив, що допомога надійде до кінця місяця.",
        L,
    );
    check(
        &c,
        "допомога надійде до кінця місяця",
        Some("Він"),
        Some("заявив"),
        "indirect",
    );
}

#[test]
fn yak_povidomlyaye() {
    let c = claims(
        "Як повідомляє Reuters, делегації зустрінуться в Стамбулі.",
        L,
    );
    check(
        &c,
        "делегації зустрінуться в Стамбулі",
        Some("Reuters"),
        Some("Як повідомляє"),
        "according_to",
    );
}

#[test]
fn impersonal_report_wording() {
    let c = claims(
        "У доповіді зазначається, що ціни зросли на 12 відсотків.",
        L,
    );
    check(
        &c,
        "ціни зросли на 12 відсотків",
        None,
        Some("зазначається"),
        "indirect",
    );
}

#[test]
fn participle_secondary_cue() {
    let c = claims(
        "Генсек НАТО наголосив на єдності союзників, додавши, що Вашингтон підтвердив свої зобов'язання.",
        L,
    );
    check(
        &c,
        "Вашингтон підтвердив свої зобов'язання",
        Some("НАТО"),
        Some("додавши"),
        "indirect",
    );
}

#[test]
fn no_claim_for_directives_and_asides() {
    assert!(
        claims(
            "Президент закликав партнерів прискорити постачання зброї.",
            L
        )
        .is_empty()
    );
    assert!(claims("Нагадаємо, що раніше в Києві лунали вибухи.", L).is_empty());
    assert!(claims("Міністр наголосив на важливості співпраці.", L).is_empty());
}

#[test]
fn multi_paragraph_quote_is_one_claim() {
    let t = "«Ворог зосередив сили на сході.\n\n«Ми готові до будь-якого розвитку подій», – сказав командувач.";
    let c = claims(t, L);
    check(
        &c,
        "Ворог зосередив сили на сході.\n\n«Ми готові до будь-якого розвитку подій",
        Some("командувач"),
        Some("сказав"),
        "direct",
    );
}
