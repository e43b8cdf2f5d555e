//! The `claimscope` command line.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use claimscope::{Analyzer, Document, Lang, OutputFields};
use claimscope_batch::{BatchOptions, RecordError, analyze_batch, input};

const HELP: &str = "\
claimscope — who said what in multilingual news

USAGE:
    claimscope extract [PATH...|-] [OPTIONS]
    claimscope segment [PATH...|-] [OPTIONS]     (= extract --with tokens,sentences)
    claimscope --help | --version

INPUTS:
    PATH        a .txt file (one document, id = file name), a .jsonl file
                ({\"id\", \"text\", \"lang\"?} per line), or a directory (read
                recursively for .txt and .jsonl files). '-' or nothing reads
                standard input: JSON Lines when it starts with '{', otherwise
                one plain-text document.

OPTIONS:
    --format jsonl|table   output format (default: jsonl)
    --lang auto|LANG       language of every document (en, pl, ru, uk, be, de, fr);
                           default: a record's own \"lang\", else detected
    --with LIST            extra fields, comma-separated: tokens, sentences, text
    --threads N            worker threads (default: one per core)
    -o, --output FILE      write to FILE instead of standard output
    -h, --help             this help
    -V, --version          the version

OUTPUT:
    jsonl: one JSON object per input record, in input order: {id, lang, date,
    actors, claims} with Unicode code-point offsets [start, end); a record that
    cannot be read gives {\"id\", \"error\", \"line\"} in its place.
    The exit status is 1 when any record failed, 2 on a usage error.
";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Jsonl,
    Table,
}

struct Args {
    inputs: Vec<String>,
    format: Format,
    lang: Option<Lang>,
    fields: OutputFields,
    threads: usize,
    output: Option<String>,
}

fn parse_args(cmd: &str, mut it: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut a = Args {
        inputs: Vec::new(),
        format: Format::Jsonl,
        lang: None,
        fields: OutputFields::default(),
        threads: 0,
        output: None,
    };
    if cmd == "segment" {
        a.fields.tokens = true;
        a.fields.sentences = true;
    }
    while let Some(arg) = it.next() {
        let (key, inline) = match arg.split_once('=') {
            Some((k, v)) if k.starts_with("--") => (k.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            inline
                .clone()
                .or_else(|| it.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match key.as_str() {
            "--format" => {
                a.format = match value("--format")?.as_str() {
                    "jsonl" | "json" => Format::Jsonl,
                    "table" => Format::Table,
                    other => return Err(format!("unknown format {other:?} (jsonl, table)")),
                }
            }
            "--lang" => {
                let v = value("--lang")?;
                a.lang = if v == "auto" {
                    None
                } else {
                    Some(Lang::from_code(&v).map_err(|e| e.to_string())?)
                };
            }
            "--with" => {
                for f in value("--with")?
                    .split(',')
                    .map(str::trim)
                    .filter(|f| !f.is_empty())
                {
                    match f {
                        "tokens" => a.fields.tokens = true,
                        "sentences" => a.fields.sentences = true,
                        "text" => a.fields.text = true,
                        other => {
                            return Err(format!(
                                "unknown field {other:?} for --with (tokens, sentences, text)"
                            ));
                        }
                    }
                }
            }
            "--threads" => {
                a.threads = value("--threads")?
                    .parse()
                    .map_err(|_| "--threads takes a whole number".to_string())?;
            }
            "-o" | "--output" => a.output = Some(value("--output")?),
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with('-') && s != "-" => return Err(format!("unknown option {s}")),
            _ => a.inputs.push(arg),
        }
    }
    if a.inputs.is_empty() {
        a.inputs.push("-".into());
    }
    Ok(a)
}

fn error_json(e: &RecordError) -> String {
    let v = serde_json::json!({"id": e.id, "error": e.to_string(), "line": e.line});
    v.to_string()
}

fn write_table(out: &mut dyn Write, doc: &Document) -> std::io::Result<()> {
    let o = doc.to_output(OutputFields::default());
    writeln!(
        out,
        "== {} [{}]{}",
        o.id,
        o.lang,
        o.date.map(|d| format!(" {d}")).unwrap_or_default()
    )?;
    writeln!(out, "actors:")?;
    for a in &o.actors {
        let forms: Vec<&str> = a.mentions.iter().map(|m| m.text).collect();
        writeln!(
            out,
            "  {:<28} {:<6} {:>3}×  {}",
            a.id,
            a.kind,
            a.mentions.len(),
            forms.join(", ")
        )?;
    }
    writeln!(out, "claims:")?;
    for c in &o.claims {
        let speaker = c
            .speaker
            .as_ref()
            .map(|s| s.actor.or(s.text).unwrap_or("?").to_string())
            .unwrap_or_else(|| "?".into());
        let cue = c.cue.as_ref().map_or("—", |c| c.text);
        writeln!(
            out,
            "  [{}] {} / {}: {}",
            c.kind, speaker, cue, c.content.text
        )?;
    }
    writeln!(out)
}

fn run(cmd: &str, args: Args) -> Result<bool, String> {
    let analyzer = Analyzer::new().map_err(|e| e.to_string())?;
    let sink: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(std::fs::File::create(p).map_err(|e| format!("{p}: {e}"))?),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::new(sink);
    let lang = args.lang;
    let records = input::records(args.inputs).map(move |mut r| {
        if lang.is_some() {
            r.lang = lang;
        }
        r
    });
    let opts = BatchOptions {
        threads: args.threads,
        ..BatchOptions::default()
    };
    let mut failed = 0usize;
    let mut total = 0usize;
    for result in analyze_batch(&analyzer, records, opts) {
        total += 1;
        let w = match (&result, args.format) {
            (Ok(doc), Format::Jsonl) => {
                serde_json::to_writer(&mut out, &doc.to_output(args.fields))
                    .map_err(std::io::Error::other)
                    .and_then(|()| writeln!(out))
            }
            (Ok(doc), Format::Table) => write_table(&mut out, doc),
            (Err(e), Format::Jsonl) => {
                failed += 1;
                writeln!(out, "{}", error_json(e))
            }
            (Err(e), Format::Table) => {
                failed += 1;
                writeln!(out, "== {} ERROR: {e}\n", e.id)
            }
        };
        w.map_err(|e| format!("{cmd}: cannot write output: {e}"))?;
    }
    out.flush()
        .map_err(|e| format!("{cmd}: cannot write output: {e}"))?;
    if failed > 0 {
        eprintln!("claimscope: {failed} of {total} records failed");
    }
    Ok(failed == 0)
}

fn main() -> ExitCode {
    let mut argv = std::env::args().skip(1);
    let Some(cmd) = argv.next() else {
        eprint!("{HELP}");
        return ExitCode::from(2);
    };
    match cmd.as_str() {
        "-h" | "--help" | "help" => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        "-V" | "--version" => {
            println!("claimscope {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        "extract" | "segment" => match parse_args(&cmd, argv) {
            Err(msg) if msg.is_empty() => {
                print!("{HELP}");
                ExitCode::SUCCESS
            }
            Err(msg) => {
                eprintln!("claimscope: {msg} (see claimscope --help)");
                ExitCode::from(2)
            }
            Ok(args) => match run(&cmd, args) {
                Ok(true) => ExitCode::SUCCESS,
                Ok(false) => ExitCode::from(1),
                Err(msg) => {
                    eprintln!("claimscope: {msg}");
                    ExitCode::from(2)
                }
            },
        },
        other => {
            eprintln!("claimscope: unknown command {other:?} (see claimscope --help)");
            ExitCode::from(2)
        }
    }
}
