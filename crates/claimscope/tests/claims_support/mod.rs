//! Shared helpers for the per-language claim suites.
#![allow(dead_code)]

use claimscope::{AnalyzeOptions, Analyzer, Claim, Document, Lang};

/// A claim as text, for readable assertions.
#[derive(Debug, Clone)]
pub struct C {
    pub speaker: Option<String>,
    pub actor: Option<String>,
    pub cue: Option<String>,
    pub content: String,
    pub kind: &'static str,
    pub rule: String,
}

static ANALYZER: std::sync::LazyLock<Analyzer> =
    std::sync::LazyLock::new(|| Analyzer::new().expect("analyzer"));

pub fn analyze(text: &str, lang: Lang) -> Document {
    ANALYZER
        .analyze(
            text,
            &AnalyzeOptions {
                id: None,
                lang: Some(lang),
            },
        )
        .expect("analyze")
}

fn to_c(doc: &Document, c: &Claim) -> C {
    let t = &doc.text;
    C {
        speaker: c
            .speaker
            .as_ref()
            .and_then(|s| s.span.map(|sp| sp.slice(t).to_string())),
        actor: c.speaker.as_ref().and_then(|s| s.actor.clone()),
        cue: c.cue.map(|s| s.slice(t).to_string()),
        content: c.content.slice(t).to_string(),
        kind: c.kind.as_str(),
        rule: c.rule.clone(),
    }
}

pub fn claims(text: &str, lang: Lang) -> Vec<C> {
    let doc = analyze(text, lang);
    doc.claims.iter().map(|c| to_c(&doc, c)).collect()
}

/// The claim with exactly this content; panics listing all claims otherwise.
pub fn claim(all: &[C], content: &str) -> C {
    all.iter()
        .find(|c| c.content == content)
        .cloned()
        .unwrap_or_else(|| panic!("no claim with content {content:?}; claims: {all:#?}"))
}

/// Asserts one claim: speaker span text (None = no span), cue, kind.
pub fn check(all: &[C], content: &str, speaker: Option<&str>, cue: Option<&str>, kind: &str) {
    let c = claim(all, content);
    match speaker {
        Some(s) => assert!(
            c.speaker.as_deref().is_some_and(|x| x.contains(s)),
            "speaker of {content:?}: expected {s:?}, got {:?} ({c:?})",
            c.speaker
        ),
        None => assert!(
            c.speaker.is_none(),
            "speaker of {content:?} should have no span: {c:?}"
        ),
    }
    assert_eq!(c.cue.as_deref(), cue, "cue of {content:?}: {c:?}");
    assert_eq!(c.kind, kind, "kind of {content:?}: {c:?}");
}
