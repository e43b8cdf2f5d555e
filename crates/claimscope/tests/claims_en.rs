//! English attribution patterns, on news-style sentences written for this suite.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod claims_support;
use claims_support::{check, claims};
use claimscope::Lang;

const L: Lang = Lang::En;

#[test]
fn speaker_cue_that() {
    let c = claims(
        "The minister said that the talks would resume next week.",
        L,
    );
    check(
        &c,
        "the talks would resume next week",
        Some("minister"),
        Some("said"),
        "indirect",
    );
}

#[test]
fn speaker_cue_without_complementizer() {
    let c = claims("Kuleba said the offensive had stalled near the river.", L);
    check(
        &c,
        "the offensive had stalled near the river",
        Some("Kuleba"),
        Some("said"),
        "indirect",
    );
}

#[test]
fn noun_phrase_object_is_no_claim() {
    assert!(claims("The ministry announced the new sanctions on Monday.", L).is_empty());
    assert!(
        claims(
            "The president urged lawmakers to approve the aid package.",
            L
        )
        .is_empty()
    );
    assert!(claims("She condemned the attack on the convoy.", L).is_empty());
}

#[test]
fn quote_then_cue_then_speaker() {
    let c = claims(
        "“We will not give up an inch of our land,” said Zelensky.",
        L,
    );
    check(
        &c,
        "We will not give up an inch of our land",
        Some("Zelensky"),
        Some("said"),
        "direct",
    );
}

#[test]
fn quote_then_speaker_then_cue() {
    let c = claims(
        "\"The bridge is closed to all traffic,\" the governor said on Tuesday.",
        L,
    );
    check(
        &c,
        "The bridge is closed to all traffic",
        Some("governor"),
        Some("said"),
        "direct",
    );
}

#[test]
fn split_quote() {
    let c = claims(
        "“The situation is difficult,” he said, “but we are holding the line.”",
        L,
    );
    check(
        &c,
        "The situation is difficult",
        Some("he"),
        Some("said"),
        "direct",
    );
    check(
        &c,
        "but we are holding the line.",
        Some("he"),
        Some("said"),
        "direct",
    );
}

#[test]
fn colon_introduced_quote_keeps_final_period() {
    let c = claims("The spokesman added: “No decision has been made yet.”", L);
    check(
        &c,
        "No decision has been made yet.",
        Some("spokesman"),
        Some("added"),
        "direct",
    );
}

#[test]
fn according_to_initial_and_final() {
    let c = claims(
        "According to Eurostat, prices rose by 4% in March. Unemployment fell to a record low, according to the statistics office.",
        L,
    );
    check(
        &c,
        "prices rose by 4% in March",
        Some("Eurostat"),
        Some("According to"),
        "according_to",
    );
    check(
        &c,
        "Unemployment fell to a record low",
        Some("office"),
        Some("according to"),
        "according_to",
    );
}

#[test]
fn attribution_in_mid_clause_keeps_the_whole_clause() {
    let c = claims(
        "A ceasefire, the mayor explained, would allow aid convoys to enter the city.",
        L,
    );
    check(
        &c,
        "A ceasefire, the mayor explained, would allow aid convoys to enter the city",
        Some("mayor"),
        Some("explained"),
        "indirect",
    );
}

#[test]
fn participle_cue_takes_the_main_subject() {
    let c = claims(
        "Stoltenberg warned against complacency, adding that Russia was rebuilding its forces.",
        L,
    );
    check(
        &c,
        "Russia was rebuilding its forces",
        Some("Stoltenberg"),
        Some("adding"),
        "indirect",
    );
}

#[test]
fn nested_attribution_one_claim_per_level() {
    let c = claims(
        "The institute notes that Putin announced that the exercises would continue.",
        L,
    );
    check(
        &c,
        "Putin announced that the exercises would continue",
        Some("institute"),
        Some("notes"),
        "indirect",
    );
    check(
        &c,
        "the exercises would continue",
        Some("Putin"),
        Some("announced"),
        "indirect",
    );
}

#[test]
fn inverted_speaker_cue_after_clause() {
    let c = claims(
        "The vaccine will be shipped to ten countries this year, the university said in a statement.",
        L,
    );
    check(
        &c,
        "The vaccine will be shipped to ten countries this year",
        Some("university"),
        Some("said"),
        "indirect",
    );
}

#[test]
fn mixed_quote() {
    let c = claims(
        "Amer said that Trump had failed to produce \"even a single responsive document\" for the subpoena.",
        L,
    );
    check(
        &c,
        "Trump had failed to produce \"even a single responsive document\" for the subpoena",
        Some("Amer"),
        Some("said"),
        "mixed",
    );
}

#[test]
fn headline_with_dash_attribution() {
    let c = claims(
        "Peace talks at a dead end - Putin\n\nThe Kremlin did not comment further.",
        L,
    );
    check(
        &c,
        "Peace talks at a dead end",
        Some("Putin"),
        None,
        "direct",
    );
}

#[test]
fn quote_paragraph_continues_previous_speaker() {
    let t = "Hill added that the rollout would take months.\n\n“This is a three-dose vaccine given to small children. That is not a time point other vaccines use.”";
    let c = claims(t, L);
    let q = claims_support::claim(
        &c,
        "This is a three-dose vaccine given to small children. That is not a time point other vaccines use.",
    );
    assert_eq!(q.kind, "direct");
    assert_eq!(q.rule, "quote_paragraph_continuation");
    assert!(q.cue.is_none());
}

#[test]
fn unbalanced_quotes_do_not_crash() {
    let t =
        "He said “this is wrong.\n\nAnother paragraph with ” and \" and « marks, said the mayor.";
    let _ = claims(t, L);
    let long = format!("“{}", "word ".repeat(20_000));
    let _ = claims(&long, L);
}

#[test]
fn long_single_line_documents_stay_linear() {
    // One paragraph without line breaks, full of quotes and cues: a quadratic
    // scan would not finish in time here.
    let unit = "“Talks will go on,” the minister said, adding that “nothing is decided”. According to Reuters, \"the deal\" is close. ";
    let text = unit.repeat(1500);
    let start = std::time::Instant::now();
    let c = claims(&text, L);
    assert!(c.len() >= 1500, "{}", c.len());
    assert!(start.elapsed().as_secs() < 60);
}

#[test]
fn bare_clause_not_started_by_a_date() {
    let c = claims("Kuleba said Monday the offensive had stalled.", L);
    assert!(c.iter().all(|x| !x.content.starts_with("Monday")), "{c:#?}");
}
