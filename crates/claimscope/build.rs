//! Inflects the built-in gazetteer at compile time (see `src/actors/generate.rs`)
//! and writes the forms to `$OUT_DIR/builtin_forms.rs` (a static table), which the library
//! embeds; building an analyzer then only reads them.
#![allow(dead_code, unreachable_pub, missing_docs)]

use std::fmt::Write as _;

mod error {
    #[derive(Debug)]
    pub enum Error {
        Data {
            file: String,
            line: usize,
            msg: String,
        },
    }
    impl std::fmt::Display for Error {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            let Error::Data { file, line, msg } = self;
            write!(f, "{file}:{line}: {msg}")
        }
    }
    impl std::error::Error for Error {}
    pub type Result<T, E = Error> = std::result::Result<T, E>;
}

mod lang {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Lang {
        En,
        Pl,
        Ru,
        Uk,
        Be,
        De,
        Fr,
        Und,
    }
    impl Lang {
        pub fn code(self) -> &'static str {
            match self {
                Lang::En => "en",
                Lang::Pl => "pl",
                Lang::Ru => "ru",
                Lang::Uk => "uk",
                Lang::Be => "be",
                Lang::De => "de",
                Lang::Fr => "fr",
                Lang::Und => "und",
            }
        }
        pub fn is_cyrillic(self) -> bool {
            matches!(self, Lang::Ru | Lang::Uk | Lang::Be)
        }
    }
}

mod model {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum ActorType {
        Person,
        Org,
        Gpe,
    }
}

mod text {
    // Keep in step with `src/text.rs`.
    pub fn is_ignorable(c: char) -> bool {
        matches!(
            c,
            '\u{00AD}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
        )
    }
}

#[path = "src/fasthash.rs"]
#[allow(dead_code)]
mod fasthash;
#[path = "src/actors/fold.rs"]
mod fold;
#[path = "src/actors/gazetteer.rs"]
mod gazetteer;
#[path = "src/actors/generate.rs"]
mod generate;
#[path = "src/actors/inflect.rs"]
mod inflect;

const FILES: &[&str] = &[
    "data/actors/countries.tsv",
    "data/actors/places.tsv",
    "data/actors/orgs.tsv",
    "data/actors/people.tsv",
    "data/actors/extra.tsv",
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    for p in [
        "build.rs",
        "src/fasthash.rs",
        "src/actors/fold.rs",
        "src/actors/gazetteer.rs",
        "src/actors/generate.rs",
        "src/actors/inflect.rs",
        "data/inflect",
        "data/actors",
    ] {
        println!("cargo:rerun-if-changed={p}");
    }
    let inf = inflect::Inflector::builtin()?;
    let mut out = String::from("&[\n");
    let mut actor = 0usize;
    let mut valid = true;
    for file in FILES {
        let content = std::fs::read_to_string(file)?;
        // Errors (and duplicate ids across files) are reported by the library at run time.
        let Ok(entries) = gazetteer::parse(file, &content) else {
            valid = false;
            break;
        };
        for e in &entries {
            for f in generate::entry_forms(&inf, e) {
                let lang = match f.lang {
                    lang::Lang::En => 0,
                    lang::Lang::Pl => 1,
                    lang::Lang::Ru => 2,
                    lang::Lang::Uk => 3,
                    lang::Lang::Be => 4,
                    lang::Lang::De => 5,
                    lang::Lang::Fr => 6,
                    lang::Lang::Und => 7,
                };
                let _ = writeln!(
                    out,
                    "({:?},{actor},{lang},{},{},{},{:?}),",
                    f.key,
                    f.inflected,
                    f.caps,
                    f.acr_len,
                    f.cs.unwrap_or_default()
                );
            }
            actor += 1;
        }
    }
    out.push_str("]\n");
    if !valid {
        out = String::from("&[]\n");
    }
    let dir = std::env::var("OUT_DIR")?;
    std::fs::write(format!("{dir}/builtin_forms.rs"), out)?;
    std::fs::write(
        format!("{dir}/builtin_forms_valid.txt"),
        if valid { "1" } else { "0" },
    )?;
    Ok(())
}
