//! Corpus aggregates (`claimscope stats`): an actor table, a speaker → target
//! network and per-language counts, exported as CSV, GEXF (Gephi) and GraphML.
//!
//! The network has one node per actor seen in the corpus and one directed edge
//! per (speaker, target) pair, where the speaker is the resolved actor of a
//! claim and the target any actor id in the claim's `about`. The edge weight is
//! the number of such claims; each edge also carries the set of languages of
//! the documents those claims came from. A speaker talking about itself gives
//! a self-loop.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use claimscope::{Document, OutputFields};
use serde::Deserialize;

use crate::csv::{Cell, write_row};

/// What `stats` needs from one document, from either an analyzed [`Document`]
/// or a line of claimscope's own JSONL output.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct DocSummary {
    /// Document id.
    #[serde(default)]
    pub id: String,
    /// Language code.
    #[serde(default)]
    pub lang: String,
    /// Actors with their mentions.
    #[serde(default)]
    pub actors: Vec<ActorSummary>,
    /// Claims.
    #[serde(default)]
    pub claims: Vec<ClaimSummary>,
}

/// An actor of one document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct ActorSummary {
    /// Actor id.
    pub id: String,
    /// Display name.
    #[serde(default)]
    pub name: String,
    /// `person`, `org`, `gpe`.
    #[serde(rename = "type", default)]
    pub kind: String,
    /// The number of mentions (read from the `mentions` array).
    #[serde(default, deserialize_with = "count_seq")]
    pub mentions: u64,
}

/// Deserializes a JSON array into the number of its elements, without keeping them.
fn count_seq<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    struct Count;
    impl<'de> serde::de::Visitor<'de> for Count {
        type Value = u64;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an array")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<u64, A::Error> {
            let mut n = 0;
            while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {
                n += 1;
            }
            Ok(n)
        }
    }
    d.deserialize_seq(Count)
}

/// A claim's speaker.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct SpeakerSummary {
    /// Resolved actor id.
    #[serde(default)]
    pub actor: Option<String>,
}

/// A claim of one document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct ClaimSummary {
    /// The speaker, if known.
    #[serde(default)]
    pub speaker: Option<SpeakerSummary>,
    /// Actor ids the content is about.
    #[serde(default)]
    pub about: Vec<String>,
}

impl DocSummary {
    /// The summary of an analyzed document.
    #[must_use]
    pub fn from_document(doc: &Document) -> Self {
        let o = doc.to_output(OutputFields::default());
        DocSummary {
            id: o.id.to_string(),
            lang: o.lang.to_string(),
            actors: o
                .actors
                .iter()
                .map(|a| ActorSummary {
                    id: a.id.to_string(),
                    name: a.name.to_string(),
                    kind: a.kind.to_string(),
                    mentions: a.mentions.len() as u64,
                })
                .collect(),
            claims: o
                .claims
                .iter()
                .map(|c| ClaimSummary {
                    speaker: c.speaker.as_ref().map(|s| SpeakerSummary {
                        actor: s.actor.map(str::to_string),
                    }),
                    about: c.about.to_vec(),
                })
                .collect(),
        }
    }
}

/// Corpus totals for one actor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorStats {
    /// Display name (the first one seen).
    pub name: String,
    /// Type (the first one seen); empty when the actor only occurs as a
    /// claim's speaker or target, never as a listed actor.
    pub kind: String,
    /// Mentions over the corpus.
    pub mentions: u64,
    /// Documents that mention it.
    pub documents: u64,
    /// Claims whose speaker it is.
    pub claims_made: u64,
    /// Claims whose `about` includes it.
    pub claims_about: u64,
}

/// One speaker → target edge.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EdgeStats {
    /// Number of claims by the speaker about the target.
    pub weight: u64,
    /// Languages of the documents of those claims.
    pub langs: BTreeSet<String>,
}

/// Counts per language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LangStats {
    /// Documents.
    pub documents: u64,
    /// Actor mentions.
    pub mentions: u64,
    /// Distinct actors per document, summed.
    pub actors: u64,
    /// Claims.
    pub claims: u64,
    /// Claims with a resolved speaker.
    pub attributed: u64,
}

/// The aggregates of a corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// Actors by id.
    pub actors: BTreeMap<String, ActorStats>,
    /// Edges by (speaker, target).
    pub edges: BTreeMap<(String, String), EdgeStats>,
    /// Counts by language code.
    pub langs: BTreeMap<String, LangStats>,
    /// Documents added.
    pub documents: u64,
    /// Error records seen.
    pub errors: u64,
}

impl Stats {
    /// Adds one document.
    pub fn add(&mut self, d: &DocSummary) {
        self.documents += 1;
        let ls = self.langs.entry(d.lang.clone()).or_default();
        ls.documents += 1;
        ls.actors += d.actors.len() as u64;
        ls.claims += d.claims.len() as u64;
        let mut seen = BTreeSet::new();
        for a in &d.actors {
            ls.mentions += a.mentions;
            let s = self.actors.entry(a.id.clone()).or_default();
            if s.name.is_empty() {
                s.name.clone_from(&a.name);
            }
            if s.kind.is_empty() {
                s.kind.clone_from(&a.kind);
            }
            s.mentions += a.mentions;
            if seen.insert(a.id.as_str()) {
                s.documents += 1;
            }
        }
        for c in &d.claims {
            let speaker = c.speaker.as_ref().and_then(|s| s.actor.as_deref());
            if let Some(sp) = speaker {
                ls.attributed += 1;
                self.actors.entry(sp.to_string()).or_default().claims_made += 1;
            }
            let about: BTreeSet<&str> = c.about.iter().map(String::as_str).collect();
            for t in &about {
                self.actors
                    .entry((*t).to_string())
                    .or_default()
                    .claims_about += 1;
                if let Some(sp) = speaker {
                    let e = self
                        .edges
                        .entry((sp.to_string(), (*t).to_string()))
                        .or_default();
                    e.weight += 1;
                    e.langs.insert(d.lang.clone());
                }
            }
        }
    }

    /// Counts one error record.
    pub fn add_error(&mut self) {
        self.errors += 1;
    }

    /// Actor ids sorted by mentions (descending), then id.
    #[must_use]
    pub fn actors_by_mentions(&self) -> Vec<(&String, &ActorStats)> {
        let mut v: Vec<_> = self.actors.iter().collect();
        v.sort_by(|a, b| {
            b.1.mentions
                .cmp(&a.1.mentions)
                .then(b.1.claims_made.cmp(&a.1.claims_made))
                .then(a.0.cmp(b.0))
        });
        v
    }

    fn display_name<'a>(&'a self, id: &'a str) -> &'a str {
        match self.actors.get(id) {
            Some(a) if !a.name.is_empty() => &a.name,
            _ => id,
        }
    }

    /// The actor table as CSV: id, name, type, mentions, documents,
    /// claims_made, claims_about.
    ///
    /// # Errors
    /// I/O errors of `out`.
    pub fn write_actors_csv(&self, out: &mut dyn Write) -> std::io::Result<()> {
        write_row(
            out,
            &[
                Cell::Text("id"),
                Cell::Text("name"),
                Cell::Text("type"),
                Cell::Text("mentions"),
                Cell::Text("documents"),
                Cell::Text("claims_made"),
                Cell::Text("claims_about"),
            ],
        )?;
        for (id, a) in self.actors_by_mentions() {
            write_row(
                out,
                &[
                    Cell::Text(id),
                    Cell::Text(self.display_name(id)),
                    Cell::Text(&a.kind),
                    Cell::Num(a.mentions),
                    Cell::Num(a.documents),
                    Cell::Num(a.claims_made),
                    Cell::Num(a.claims_about),
                ],
            )?;
        }
        Ok(())
    }

    /// The network's edges as CSV: source, source_name, target, target_name,
    /// weight, languages (`;`-separated).
    ///
    /// # Errors
    /// I/O errors of `out`.
    pub fn write_edges_csv(&self, out: &mut dyn Write) -> std::io::Result<()> {
        write_row(
            out,
            &[
                Cell::Text("source"),
                Cell::Text("source_name"),
                Cell::Text("target"),
                Cell::Text("target_name"),
                Cell::Text("weight"),
                Cell::Text("languages"),
            ],
        )?;
        for ((s, t), e) in &self.edges {
            let langs = e.langs.iter().cloned().collect::<Vec<_>>().join(";");
            write_row(
                out,
                &[
                    Cell::Text(s),
                    Cell::Text(self.display_name(s)),
                    Cell::Text(t),
                    Cell::Text(self.display_name(t)),
                    Cell::Num(e.weight),
                    Cell::Text(&langs),
                ],
            )?;
        }
        Ok(())
    }

    /// Per-language counts as CSV.
    ///
    /// # Errors
    /// I/O errors of `out`.
    pub fn write_langs_csv(&self, out: &mut dyn Write) -> std::io::Result<()> {
        write_row(
            out,
            &[
                Cell::Text("lang"),
                Cell::Text("documents"),
                Cell::Text("actors"),
                Cell::Text("mentions"),
                Cell::Text("claims"),
                Cell::Text("attributed_claims"),
            ],
        )?;
        for (l, s) in &self.langs {
            write_row(
                out,
                &[
                    Cell::Text(l),
                    Cell::Num(s.documents),
                    Cell::Num(s.actors),
                    Cell::Num(s.mentions),
                    Cell::Num(s.claims),
                    Cell::Num(s.attributed),
                ],
            )?;
        }
        Ok(())
    }

    /// The network as GEXF 1.3 (opens in Gephi): nodes with label, type,
    /// mentions, documents, claims made and about; directed weighted edges with
    /// their languages.
    ///
    /// # Errors
    /// I/O errors of `out`.
    pub fn write_gexf(&self, out: &mut dyn Write) -> std::io::Result<()> {
        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(
            out,
            r#"<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">"#
        )?;
        writeln!(
            out,
            "  <meta>\n    <creator>claimscope {}</creator>\n    <description>speaker → target network of attributed claims</description>\n  </meta>",
            env!("CARGO_PKG_VERSION")
        )?;
        writeln!(out, r#"  <graph mode="static" defaultedgetype="directed">"#)?;
        writeln!(out, r#"    <attributes class="node">"#)?;
        for (i, (t, ty)) in NODE_ATTRS.iter().enumerate() {
            writeln!(
                out,
                r#"      <attribute id="{i}" title="{t}" type="{}"/>"#,
                if *ty { "integer" } else { "string" }
            )?;
        }
        writeln!(out, "    </attributes>")?;
        writeln!(
            out,
            "    <attributes class=\"edge\">\n      <attribute id=\"0\" title=\"languages\" type=\"string\"/>\n    </attributes>"
        )?;
        writeln!(out, "    <nodes>")?;
        for (id, a) in &self.actors {
            writeln!(
                out,
                r#"      <node id="{}" label="{}">"#,
                xml_escape(id),
                xml_escape(self.display_name(id))
            )?;
            writeln!(out, "        <attvalues>")?;
            for (i, v) in node_values(a).iter().enumerate() {
                writeln!(
                    out,
                    r#"          <attvalue for="{i}" value="{}"/>"#,
                    xml_escape(v)
                )?;
            }
            writeln!(out, "        </attvalues>\n      </node>")?;
        }
        writeln!(out, "    </nodes>\n    <edges>")?;
        for (n, ((s, t), e)) in self.edges.iter().enumerate() {
            let langs = e.langs.iter().cloned().collect::<Vec<_>>().join(";");
            writeln!(
                out,
                r#"      <edge id="{n}" source="{}" target="{}" weight="{}">"#,
                xml_escape(s),
                xml_escape(t),
                e.weight
            )?;
            writeln!(
                out,
                "        <attvalues>\n          <attvalue for=\"0\" value=\"{}\"/>\n        </attvalues>\n      </edge>",
                xml_escape(&langs)
            )?;
        }
        writeln!(out, "    </edges>\n  </graph>\n</gexf>")
    }

    /// The network as GraphML (yEd, Gephi, NetworkX, igraph).
    ///
    /// # Errors
    /// I/O errors of `out`.
    pub fn write_graphml(&self, out: &mut dyn Write) -> std::io::Result<()> {
        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(
            out,
            r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
        )?;
        writeln!(
            out,
            r#"  <key id="label" for="node" attr.name="label" attr.type="string"/>"#
        )?;
        for (t, ty) in NODE_ATTRS {
            writeln!(
                out,
                r#"  <key id="{t}" for="node" attr.name="{t}" attr.type="{}"/>"#,
                if ty { "long" } else { "string" }
            )?;
        }
        writeln!(
            out,
            r#"  <key id="weight" for="edge" attr.name="weight" attr.type="long"/>"#
        )?;
        writeln!(
            out,
            r#"  <key id="languages" for="edge" attr.name="languages" attr.type="string"/>"#
        )?;
        writeln!(out, r#"  <graph id="claims" edgedefault="directed">"#)?;
        for (id, a) in &self.actors {
            writeln!(out, r#"    <node id="{}">"#, xml_escape(id))?;
            writeln!(
                out,
                r#"      <data key="label">{}</data>"#,
                xml_escape(self.display_name(id))
            )?;
            for ((t, _), v) in NODE_ATTRS.iter().zip(node_values(a)) {
                writeln!(out, r#"      <data key="{t}">{}</data>"#, xml_escape(&v))?;
            }
            writeln!(out, "    </node>")?;
        }
        for (n, ((s, t), e)) in self.edges.iter().enumerate() {
            let langs = e.langs.iter().cloned().collect::<Vec<_>>().join(";");
            writeln!(
                out,
                r#"    <edge id="e{n}" source="{}" target="{}">"#,
                xml_escape(s),
                xml_escape(t)
            )?;
            writeln!(
                out,
                "      <data key=\"weight\">{}</data>\n      <data key=\"languages\">{}</data>\n    </edge>",
                e.weight,
                xml_escape(&langs)
            )?;
        }
        writeln!(out, "  </graph>\n</graphml>")
    }

    /// A readable report: totals, per-language counts and the `top` actors.
    ///
    /// # Errors
    /// I/O errors of `out`.
    pub fn write_report(&self, out: &mut dyn Write, top: usize) -> std::io::Result<()> {
        let claims: u64 = self.langs.values().map(|l| l.claims).sum();
        writeln!(
            out,
            "{} documents, {} errors, {} actors, {} claims, {} speaker→target edges",
            self.documents,
            self.errors,
            self.actors.len(),
            claims,
            self.edges.len()
        )?;
        writeln!(
            out,
            "\nlang  documents   actors  mentions   claims  attributed"
        )?;
        for (l, s) in &self.langs {
            writeln!(
                out,
                "{l:<5} {:>9} {:>8} {:>9} {:>8} {:>11}",
                s.documents, s.actors, s.mentions, s.claims, s.attributed
            )?;
        }
        writeln!(
            out,
            "\n{:<28} {:<30} {:<6} {:>8} {:>5} {:>6} {:>6}",
            "actor", "name", "type", "mentions", "docs", "made", "about"
        )?;
        for (id, a) in self.actors_by_mentions().into_iter().take(top) {
            writeln!(
                out,
                "{:<28} {:<30} {:<6} {:>8} {:>5} {:>6} {:>6}",
                clip(id, 28),
                clip(self.display_name(id), 30),
                a.kind,
                a.mentions,
                a.documents,
                a.claims_made,
                a.claims_about
            )?;
        }
        if self.actors.len() > top {
            writeln!(out, "… {} more actors", self.actors.len() - top)?;
        }
        let mut edges: Vec<_> = self.edges.iter().collect();
        edges.sort_by(|a, b| b.1.weight.cmp(&a.1.weight).then(a.0.cmp(b.0)));
        if !edges.is_empty() {
            writeln!(out, "\nspeaker → target (claims, languages)")?;
            for ((s, t), e) in edges.into_iter().take(top) {
                let langs = e.langs.iter().cloned().collect::<Vec<_>>().join(",");
                writeln!(
                    out,
                    "  {} → {}  {}  [{langs}]",
                    self.display_name(s),
                    self.display_name(t),
                    e.weight
                )?;
            }
        }
        Ok(())
    }
}

/// Node attributes: (name, is a number).
const NODE_ATTRS: [(&str, bool); 5] = [
    ("type", false),
    ("mentions", true),
    ("documents", true),
    ("claims_made", true),
    ("claims_about", true),
];

fn node_values(a: &ActorStats) -> [String; 5] {
    [
        a.kind.clone(),
        a.mentions.to_string(),
        a.documents.to_string(),
        a.claims_made.to_string(),
        a.claims_about.to_string(),
    ]
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// Escapes text for an XML attribute or element. Characters that XML 1.0 does
/// not allow at all (most C0 controls, U+FFFE, U+FFFF) become U+FFFD.
#[must_use]
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// One line of claimscope's JSONL output, or something else.
#[derive(Debug)]
pub enum OutputLine {
    /// An analyzed document.
    Doc(DocSummary),
    /// An error record (`{"id", "error", ...}`).
    Error,
    /// A raw input record (has `text` but no `actors`/`claims`): analyze it first.
    Raw,
}

/// Tells what a JSON line is and reads it when it is claimscope output.
///
/// # Errors
/// A message when the line is not JSON, not an object, or has fields of the
/// wrong shape.
pub fn parse_output_line(line: &[u8]) -> Result<OutputLine, String> {
    let v: serde_json::Value =
        serde_json::from_slice(line).map_err(|e| format!("malformed JSON: {e}"))?;
    let Some(obj) = v.as_object() else {
        return Err("not a JSON object".into());
    };
    if obj.contains_key("error") && !obj.contains_key("actors") {
        return Ok(OutputLine::Error);
    }
    if obj.contains_key("actors") || obj.contains_key("claims") {
        return serde_json::from_value(v)
            .map(OutputLine::Doc)
            .map_err(|e| format!("not a claimscope output record: {e}"));
    }
    if obj.contains_key("text") {
        return Ok(OutputLine::Raw);
    }
    Err("neither claimscope output (actors, claims) nor input (text)".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &str = r#"{"id":"d1","lang":"pl","actors":[{"id":"lukashenko","name":"Alexander Lukashenko","type":"person","mentions":[{"start":0,"end":10,"text":"Łukaszenko"},{"start":50,"end":60,"text":"Łukaszenki"}]},{"id":"russia","name":"Russia","type":"gpe","mentions":[{"start":20,"end":25,"text":"Rosja"}]}],"claims":[{"speaker":{"start":0,"end":10,"text":"Łukaszenko","actor":"lukashenko"},"cue":null,"content":{"start":20,"end":40,"text":"Rosja wyśle"},"kind":"indirect","rule":"r","about":["russia"]}]}
{"id":"d2","lang":"ru","actors":[{"id":"putin","name":"Vladimir Putin","type":"person","mentions":[{"start":0,"end":5,"text":"Путин"}]},{"id":"lukashenko","name":"Alexander Lukashenko","type":"person","mentions":[{"start":9,"end":18,"text":"Лукашенко"}]}],"claims":[{"speaker":{"actor":"putin"},"cue":null,"content":{"start":1,"end":2,"text":"x"},"kind":"indirect","rule":"r","about":["lukashenko","lukashenko"]},{"speaker":null,"cue":null,"content":{"start":1,"end":2,"text":"y"},"kind":"direct","rule":"r","about":["putin"]}]}
{"id":"d3","error":"x.jsonl:3: malformed JSON","line":3}
"#;

    fn fixture_stats() -> Stats {
        let mut st = Stats::default();
        for l in FIXTURE.lines() {
            match parse_output_line(l.as_bytes()).unwrap() {
                OutputLine::Doc(d) => st.add(&d),
                OutputLine::Error => st.add_error(),
                OutputLine::Raw => panic!("raw"),
            }
        }
        st
    }

    #[test]
    fn aggregates_count_what_they_say() {
        let st = fixture_stats();
        assert_eq!(st.documents, 2);
        assert_eq!(st.errors, 1);
        let l = &st.actors["lukashenko"];
        assert_eq!(
            (l.mentions, l.documents, l.claims_made, l.claims_about),
            (3, 2, 1, 1)
        );
        let p = &st.actors["putin"];
        assert_eq!((p.mentions, p.claims_made, p.claims_about), (1, 1, 1));
        assert_eq!(st.edges.len(), 2);
        let e = &st.edges[&("putin".to_string(), "lukashenko".to_string())];
        assert_eq!(e.weight, 1, "a repeated about id counts once per claim");
        assert_eq!(e.langs.iter().collect::<Vec<_>>(), ["ru"]);
        assert_eq!(st.langs["pl"].attributed, 1);
        assert_eq!(st.langs["ru"].claims, 2);
    }

    #[test]
    fn gexf_and_graphml_parse_back() {
        let mut st = fixture_stats();
        // Hostile names must be escaped.
        st.actors.get_mut("russia").unwrap().name = "R&D <\"'>\u{1}".into();
        let mut g = Vec::new();
        st.write_gexf(&mut g).unwrap();
        let g = String::from_utf8(g).unwrap();
        let doc = roxmltree::Document::parse(&g).unwrap();
        let nodes: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("node"))
            .collect();
        assert_eq!(nodes.len(), 3);
        let russia = nodes
            .iter()
            .find(|n| n.attribute("id") == Some("russia"))
            .unwrap();
        assert_eq!(russia.attribute("label"), Some("R&D <\"'>\u{fffd}"));
        let edges: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("edge"))
            .collect();
        assert_eq!(edges.len(), 2);
        assert!(
            edges
                .iter()
                .any(|e| e.attribute("source") == Some("lukashenko")
                    && e.attribute("target") == Some("russia")
                    && e.attribute("weight") == Some("1"))
        );
        let mut m = Vec::new();
        st.write_graphml(&mut m).unwrap();
        let m = String::from_utf8(m).unwrap();
        let doc = roxmltree::Document::parse(&m).unwrap();
        assert_eq!(
            doc.descendants().filter(|n| n.has_tag_name("edge")).count(),
            2
        );
    }

    #[test]
    fn csv_tables_have_one_row_per_item() {
        let st = fixture_stats();
        let mut a = Vec::new();
        st.write_actors_csv(&mut a).unwrap();
        let a = String::from_utf8(a).unwrap();
        assert_eq!(a.lines().count(), 1 + 3);
        assert!(a.contains("lukashenko,Alexander Lukashenko,person,3,2,1,1"));
        let mut e = Vec::new();
        st.write_edges_csv(&mut e).unwrap();
        assert_eq!(String::from_utf8(e).unwrap().lines().count(), 1 + 2);
    }

    #[test]
    fn raw_and_bad_lines_are_told_apart() {
        assert!(matches!(
            parse_output_line(br#"{"id":"a","text":"Putin said."}"#),
            Ok(OutputLine::Raw)
        ));
        assert!(parse_output_line(b"{oops").is_err());
        assert!(parse_output_line(br#"{"actors":5}"#).is_err());
    }

    #[test]
    fn from_document_matches_json_round_trip() {
        let analyzer = crate::test_analyzer();
        let doc = analyzer
            .analyze(
                "Łukaszenko powiedział, że Rosja wyśle broń.",
                &claimscope::AnalyzeOptions::default(),
            )
            .unwrap();
        let json = serde_json::to_vec(&doc.to_output(OutputFields::default())).unwrap();
        let OutputLine::Doc(d) = parse_output_line(&json).unwrap() else {
            panic!("not a doc")
        };
        assert_eq!(d, DocSummary::from_document(&doc));
    }
}
