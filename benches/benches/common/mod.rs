//! The benchmark corpus: the `# text =` lines of the UD treebanks in
//! `../shared/data/ud` (dev and test files), one text per language; when that
//! directory is absent, the example documents in `examples/data`.
#![allow(dead_code)]

use claimscope::Lang;

const TREEBANKS: [(&str, Lang); 6] = [
    ("en_ewt", Lang::En),
    ("pl_pdb", Lang::Pl),
    ("ru_gsd", Lang::Ru),
    ("uk_iu", Lang::Uk),
    ("be_hse", Lang::Be),
    ("de_gsd", Lang::De),
];

/// One text per language. Sentences are joined by a space, and every tenth
/// sentence ends a paragraph (a blank line), like running news text.
pub fn corpus() -> Vec<(Lang, String)> {
    let ud = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data/ud");
    let mut out = Vec::new();
    for (name, lang) in TREEBANKS {
        let mut text = String::new();
        for split in ["dev", "test"] {
            let path = format!("{ud}/{name}-ud-{split}.conllu");
            let Ok(data) = std::fs::read_to_string(&path) else {
                continue;
            };
            for (i, line) in data
                .lines()
                .filter_map(|l| l.strip_prefix("# text = "))
                .enumerate()
            {
                text.push_str(line);
                text.push_str(if i % 10 == 9 { "\n\n" } else { " " });
            }
        }
        if !text.is_empty() {
            out.push((lang, text));
        }
    }
    if out.is_empty() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/data");
        let mut s = String::new();
        if let Ok(rd) = std::fs::read_dir(dir) {
            for e in rd.flatten() {
                s.push_str(&std::fs::read_to_string(e.path()).unwrap_or_default());
            }
        }
        out.push((Lang::En, s));
    }
    out
}

/// Total size in bytes.
pub fn size(corpus: &[(Lang, String)]) -> usize {
    corpus.iter().map(|(_, t)| t.len()).sum()
}
