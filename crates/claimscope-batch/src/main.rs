//! The `claimscope` command line.
//!
//! Arguments are parsed with `lexopt` (one small file, no dependencies, no
//! proc macros: it adds well under a second to a build on two cores, where
//! `clap` with derive adds tens of seconds), and the help texts are written by
//! hand below.

use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// mimalloc instead of the system allocator: the pipeline makes many small,
/// short-lived allocations per document, and glibc's malloc spends a tenth
/// of the time on them (and gives freed memory of long documents back to the
/// kernel only to fault it in again). See the README's figures.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use claimscope::{AnalyzeOptions, Analyzer, Document, Lang, OutputFields};
use claimscope_batch::stats::{DocSummary, OutputLine, Stats, parse_output_line};
use claimscope_batch::{BatchOptions, RecordError, analyze_batch_map, csv, input};

const HELP: &str = "\
claimscope — who said what in multilingual news

USAGE:
    claimscope extract [OPTIONS] [PATH...|-]    actors and claims, one record per document
    claimscope segment [OPTIONS] [PATH...|-]    the same with tokens and sentences
    claimscope explain [OPTIONS] [TEXT...]      how the pipeline reads one text
    claimscope stats   [OPTIONS] [PATH...|-]    actor table, speaker network, counts
    claimscope help [COMMAND] | --help | --version

Run 'claimscope COMMAND --help' for a command's options.
Exit status: 0 all went well, 1 some record failed, 2 usage or fatal error.
";

const INPUTS_HELP: &str = "\
INPUTS:
    PATH        a .txt file (one document, id = file name); a .jsonl or
                .ndjson file (one {\"id\", \"text\", \"lang\"?} object per line);
                or a directory, read recursively for those files, in path
                order. Files may be gzip or zstd compressed (.gz, .zst; told by
                their first bytes). '-' or nothing reads standard input (also
                gzip or zstd): JSON Lines when its first non-blank byte is '{',
                otherwise one plain-text document with id '-'.

    A blank line in JSON Lines is not a record and yields nothing. Every other
    line yields exactly one output record, in input order: the analysis, or an
    error record for invalid UTF-8, malformed JSON, a missing or non-string
    \"text\", an unknown \"lang\", or a line over 256 MiB.
";

const EXTRACT_HELP: &str = "\
claimscope extract — actors and claims of every document

USAGE:
    claimscope extract [OPTIONS] [PATH...|-]
    claimscope segment [OPTIONS] [PATH...|-]   (= extract --with tokens,sentences)

OPTIONS:
    -f, --format FORMAT    jsonl (default): one JSON object per input record;
                           table: a readable listing; csv: one row per claim
    -l, --lang LANG        language of every document: en, pl, ru, uk, be, de,
                           fr, or auto (default: a record's own \"lang\", else
                           detected)
    -w, --with LIST        extra jsonl fields, comma-separated: tokens,
                           sentences, text
    -a, --actors FILE      add a user actor dictionary (TSV, the gazetteer
                           format); may be given more than once
    -j, --threads N        worker threads (default 0 = one per core)
        --window N         records in flight at most (default 256); bounds memory
    -o, --output FILE      write to FILE instead of standard output
        --summary          print the one-line summary even when standard error
                           is not a terminal
    -q, --quiet            no progress bar and no summary
    -h, --help             this help

";

const OUTPUT_HELP: &str = "\
OUTPUT:
    jsonl   {id, lang, date, actors, claims} per record, offsets in Unicode
            code points [start, end) (see the project's output contract); a
            record that fails gives {\"id\", \"error\", \"line\"} in its place.
    table   per document: the actors with their mentions, then the claims.
    csv     a header, then one row per claim: document, lang, speaker_id,
            speaker_name, speaker_text, speaker_start, speaker_end, cue,
            cue_start, cue_end, kind, content, content_start, content_end,
            about (';'-separated ids), rule. Offsets in code points. Cells that
            a spreadsheet would take for a formula (=, +, -, @, tab, CR first)
            get a leading '. Failed records are reported on standard error.

PROGRESS AND SUMMARY (standard error only; standard output carries data only):
    A progress line (documents, MB, MB/s, errors) while standard error is a
    terminal. A one-line summary at the end (records = documents + errors,
    actors, claims, MB, MB/s) when standard error is a terminal, with
    --summary, or whenever a record failed. --quiet silences both.
";

const EXPLAIN_HELP: &str = "\
claimscope explain — how the pipeline reads one text

USAGE:
    claimscope explain [OPTIONS] TEXT...
    claimscope explain [OPTIONS] -          (the text from standard input)

Prints the language, tokens, sentences, actor mentions and claims with the
rule that produced each. For people, not for parsing.

OPTIONS:
    -l, --lang LANG        the text's language (default: detected)
    -a, --actors FILE      add a user actor dictionary; may be repeated
    -h, --help             this help
";

const STATS_HELP: &str = "\
claimscope stats — corpus aggregates

USAGE:
    claimscope stats [OPTIONS] [PATH...|-]

Reads claimscope's own JSONL output (from 'claimscope extract'), or raw input
(.txt files, JSON Lines with \"text\" and no \"actors\"), which it analyzes
first. A JSONL source is told by its first non-blank line. Error records count
as errors.

Prints a report on standard output: totals, per-language counts, the top
actors and the heaviest speaker → target edges. With --out-dir, also writes:
    actors.csv       id, name, type, mentions, documents, claims_made,
                     claims_about
    edges.csv        source, source_name, target, target_name, weight,
                     languages — one row per speaker → target pair; the
                     weight is the number of claims by the speaker whose
                     'about' includes the target
    languages.csv    lang, documents, actors, mentions, claims,
                     attributed_claims
    network.gexf     the network for Gephi (GEXF 1.3)
    network.graphml  the same network as GraphML

OPTIONS:
    -d, --out-dir DIR      write the files above into DIR (created if needed)
        --top N            actors and edges in the report (default 25)
    -l, --lang LANG        language of raw documents (default: detected)
    -a, --actors FILE      user actor dictionary for raw input; may be repeated
    -j, --threads N        worker threads for raw input (default: one per core)
    -h, --help             this help
";

/// A usage error (exit 2) or a request for help.
enum Cli {
    Help(String),
    Usage(String),
}

impl From<lexopt::Error> for Cli {
    fn from(e: lexopt::Error) -> Self {
        Cli::Usage(e.to_string())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Jsonl,
    Table,
    Csv,
}

/// Options shared by the commands.
#[derive(Debug, Default)]
struct Common {
    inputs: Vec<String>,
    lang: Option<Lang>,
    actors: Vec<PathBuf>,
    threads: usize,
    window: Option<usize>,
}

struct ExtractArgs {
    common: Common,
    format: Format,
    fields: OutputFields,
    output: Option<String>,
    summary: bool,
    quiet: bool,
}

struct StatsArgs {
    common: Common,
    out_dir: Option<PathBuf>,
    top: usize,
}

fn os_string(v: std::ffi::OsString, what: &str) -> Result<String, Cli> {
    v.into_string()
        .map_err(|v| Cli::Usage(format!("{what} {v:?} is not valid UTF-8")))
}

fn parse_number(v: std::ffi::OsString, what: &str) -> Result<usize, Cli> {
    let s = os_string(v, what)?;
    s.parse()
        .map_err(|_| Cli::Usage(format!("{what} takes a whole number, not {s:?}")))
}

fn parse_lang(v: std::ffi::OsString) -> Result<Option<Lang>, Cli> {
    let s = os_string(v, "--lang")?;
    if s == "auto" {
        return Ok(None);
    }
    Lang::from_code(&s)
        .map(Some)
        .map_err(|e| Cli::Usage(e.to_string()))
}

/// An argument, owned (so that the parser can be asked for its value).
enum Arg {
    Short(char),
    Long(String),
    Value(std::ffi::OsString),
}

impl Arg {
    /// The next argument, or `None` at the end.
    fn next(p: &mut lexopt::Parser) -> Result<Option<Arg>, Cli> {
        Ok(p.next()?.map(|a| match a {
            lexopt::Arg::Short(c) => Arg::Short(c),
            lexopt::Arg::Long(l) => Arg::Long(l.to_string()),
            lexopt::Arg::Value(v) => Arg::Value(v),
        }))
    }

    /// True for `-short` or `--long`.
    fn is(&self, short: char, long: &str) -> bool {
        match self {
            Arg::Short(c) => *c == short,
            Arg::Long(l) => l == long,
            Arg::Value(_) => false,
        }
    }

    fn unexpected(self) -> Cli {
        Cli::Usage(match self {
            Arg::Short(c) => format!("unknown option -{c}"),
            Arg::Long(l) => format!("unknown option --{l}"),
            Arg::Value(v) => format!("unexpected argument {v:?}"),
        })
    }
}

/// Handles an option shared by all commands; false when `arg` is not one.
fn common_arg(c: &mut Common, arg: &Arg, p: &mut lexopt::Parser) -> Result<bool, Cli> {
    match arg {
        x if x.is('l', "lang") => c.lang = parse_lang(p.value()?)?,
        x if x.is('a', "actors") => c.actors.push(PathBuf::from(p.value()?)),
        x if x.is('j', "threads") => c.threads = parse_number(p.value()?, "--threads")?,
        x if x.is(' ', "window") => {
            let w = parse_number(p.value()?, "--window")?;
            if w == 0 {
                return Err(Cli::Usage("--window must be at least 1".into()));
            }
            c.window = Some(w);
        }
        _ => return Ok(false),
    }
    Ok(true)
}

fn parse_extract(cmd: &str, p: &mut lexopt::Parser) -> Result<ExtractArgs, Cli> {
    let mut a = ExtractArgs {
        common: Common::default(),
        format: Format::Jsonl,
        fields: OutputFields::default(),
        output: None,
        summary: false,
        quiet: false,
    };
    if cmd == "segment" {
        a.fields.tokens = true;
        a.fields.sentences = true;
    }
    while let Some(arg) = Arg::next(p)? {
        if common_arg(&mut a.common, &arg, p)? {
            continue;
        }
        match arg {
            x if x.is('f', "format") => {
                a.format = match os_string(p.value()?, "--format")?.as_str() {
                    "jsonl" | "json" => Format::Jsonl,
                    "table" => Format::Table,
                    "csv" => Format::Csv,
                    other => {
                        return Err(Cli::Usage(format!(
                            "unknown format {other:?} (jsonl, table, csv)"
                        )));
                    }
                }
            }
            x if x.is('w', "with") => {
                let v = os_string(p.value()?, "--with")?;
                for f in v.split(',').map(str::trim).filter(|f| !f.is_empty()) {
                    match f {
                        "tokens" => a.fields.tokens = true,
                        "sentences" => a.fields.sentences = true,
                        "text" => a.fields.text = true,
                        other => {
                            return Err(Cli::Usage(format!(
                                "unknown field {other:?} for --with (tokens, sentences, text)"
                            )));
                        }
                    }
                }
            }
            x if x.is('o', "output") => a.output = Some(os_string(p.value()?, "--output")?),
            x if x.is(' ', "summary") => a.summary = true,
            x if x.is('q', "quiet") => a.quiet = true,
            x if x.is('h', "help") => {
                return Err(Cli::Help(format!(
                    "{EXTRACT_HELP}{INPUTS_HELP}\n{OUTPUT_HELP}"
                )));
            }
            Arg::Value(v) => a.common.inputs.push(os_string(v, "path")?),
            other => return Err(other.unexpected()),
        }
    }
    Ok(a)
}

fn parse_stats(p: &mut lexopt::Parser) -> Result<StatsArgs, Cli> {
    let mut a = StatsArgs {
        common: Common::default(),
        out_dir: None,
        top: 25,
    };
    while let Some(arg) = Arg::next(p)? {
        if common_arg(&mut a.common, &arg, p)? {
            continue;
        }
        match arg {
            x if x.is('d', "out-dir") => a.out_dir = Some(PathBuf::from(p.value()?)),
            x if x.is(' ', "top") => a.top = parse_number(p.value()?, "--top")?,
            x if x.is('h', "help") => {
                return Err(Cli::Help(format!("{STATS_HELP}\n{INPUTS_HELP}")));
            }
            Arg::Value(v) => a.common.inputs.push(os_string(v, "path")?),
            other => return Err(other.unexpected()),
        }
    }
    Ok(a)
}

/// Checks the inputs before anything runs: every path must exist, and standard
/// input must not be a terminal when it is to be read.
fn check_inputs(inputs: &mut Vec<String>) -> Result<(), String> {
    if inputs.is_empty() {
        inputs.push("-".into());
    }
    for i in inputs.iter() {
        if i == "-" {
            if std::io::stdin().is_terminal() {
                return Err(
                    "no input: give a PATH, or pipe text or JSON Lines into standard input \
                     (see --help)"
                        .into(),
                );
            }
        } else if std::fs::metadata(i).is_err() {
            return Err(format!("{i}: no such file or directory"));
        }
    }
    Ok(())
}

/// Builds the analyzer with the user's actor dictionaries. A malformed or
/// unreadable dictionary is a fatal error: its message names file and line.
fn build_analyzer(c: &Common) -> Result<Analyzer, String> {
    let mut b = Analyzer::builder();
    for f in &c.actors {
        b = b.actors_file(f).map_err(|e| e.to_string())?;
    }
    b.build().map_err(|e| e.to_string())
}

fn batch_options(c: &Common) -> BatchOptions {
    let mut o = BatchOptions {
        threads: c.threads,
        ..BatchOptions::default()
    };
    if let Some(w) = c.window {
        o.window = w;
    }
    o
}

/// The progress line on standard error, drawn at most every 200 ms, only when
/// standard error is a terminal.
struct Progress {
    enabled: bool,
    start: Instant,
    last: Instant,
}

impl Progress {
    fn new(enabled: bool) -> Self {
        let now = Instant::now();
        Progress {
            enabled,
            start: now,
            last: now,
        }
    }

    fn tick(&mut self, t: &Totals) {
        if !self.enabled || self.last.elapsed() < Duration::from_millis(200) {
            return;
        }
        self.last = Instant::now();
        let secs = self.start.elapsed().as_secs_f64();
        let mb = t.bytes as f64 / 1e6;
        eprint!(
            "\r\x1b[K{} documents  {mb:.1} MB  {:.1} MB/s  {} errors",
            t.documents,
            mb / secs.max(1e-9),
            t.errors
        );
        let _ = std::io::stderr().flush();
    }

    fn clear(&self) {
        if self.enabled {
            eprint!("\r\x1b[K");
        }
    }
}

/// Running totals of a run.
#[derive(Debug, Default)]
struct Totals {
    documents: u64,
    errors: u64,
    actors: u64,
    claims: u64,
    bytes: u64,
}

/// What a worker hands back for one record: the rendered output and counts.
struct Rendered {
    bytes: u64,
    ok: bool,
    actors: usize,
    claims: usize,
    out: Vec<u8>,
    /// An error to print on standard error (csv format).
    stderr: Option<String>,
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

fn render(
    format: Format,
    fields: OutputFields,
    bytes: u64,
    r: Result<Document, RecordError>,
) -> Rendered {
    let mut out = Vec::new();
    match r {
        Ok(doc) => {
            // Writing into a Vec cannot fail.
            let _ = match format {
                Format::Jsonl => serde_json::to_writer(&mut out, &doc.to_output(fields))
                    .map_err(std::io::Error::other)
                    .and_then(|()| writeln!(out)),
                Format::Table => write_table(&mut out, &doc),
                Format::Csv => csv::write_claims(&mut out, &doc),
            };
            Rendered {
                bytes,
                ok: true,
                actors: doc.actors.len(),
                claims: doc.claims.len(),
                out,
                stderr: None,
            }
        }
        Err(e) => {
            let stderr = match format {
                Format::Jsonl => {
                    let _ = writeln!(out, "{}", error_json(&e));
                    None
                }
                Format::Table => {
                    let _ = writeln!(out, "== {} ERROR: {e}\n", e.id);
                    None
                }
                Format::Csv => Some(format!("claimscope: {e}")),
            };
            Rendered {
                bytes,
                ok: false,
                actors: 0,
                claims: 0,
                out,
                stderr,
            }
        }
    }
}

fn summary_line(t: &Totals, secs: f64) -> String {
    let mb = t.bytes as f64 / 1e6;
    format!(
        "claimscope: {} records = {} documents + {} errors; {} actors, {} claims; {mb:.1} MB in {secs:.1} s ({:.1} MB/s)",
        t.documents + t.errors,
        t.documents,
        t.errors,
        t.actors,
        t.claims,
        mb / secs.max(1e-9)
    )
}

/// Runs `extract`/`segment`. `Ok(true)` when every record succeeded.
fn run_extract(mut args: ExtractArgs) -> Result<bool, String> {
    check_inputs(&mut args.common.inputs)?;
    let analyzer = build_analyzer(&args.common)?;
    let sink: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(std::fs::File::create(p).map_err(|e| format!("{p}: {e}"))?),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::with_capacity(1 << 16, sink);
    let lang = args.common.lang;
    let records = input::records(std::mem::take(&mut args.common.inputs)).map(move |mut r| {
        if lang.is_some() {
            r.lang = lang;
        }
        r
    });
    let (format, fields) = (args.format, args.fields);
    let tty = std::io::stderr().is_terminal();
    let mut progress = Progress::new(tty && !args.quiet);
    let mut t = Totals::default();
    let write_err = |e: std::io::Error| format!("cannot write output: {e}");
    if format == Format::Csv {
        csv::write_claims_header(&mut out).map_err(write_err)?;
    }
    let results = analyze_batch_map(
        &analyzer,
        records,
        batch_options(&args.common),
        move |bytes, r| render(format, fields, bytes, r),
    );
    let mut broken_pipe = false;
    for r in results {
        t.bytes += r.bytes;
        if r.ok {
            t.documents += 1;
            t.actors += r.actors as u64;
            t.claims += r.claims as u64;
        } else {
            t.errors += 1;
        }
        if let Some(msg) = &r.stderr {
            progress.clear();
            eprintln!("{msg}");
        }
        if let Err(e) = out.write_all(&r.out) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                broken_pipe = true;
                break;
            }
            return Err(write_err(e));
        }
        progress.tick(&t);
    }
    if !broken_pipe {
        match out.flush() {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(write_err(e)),
            _ => {}
        }
    }
    progress.clear();
    if !args.quiet && (tty || args.summary || t.errors > 0) {
        eprintln!(
            "{}",
            summary_line(&t, progress.start.elapsed().as_secs_f64())
        );
    }
    Ok(t.errors == 0)
}

/// Parses `explain`'s arguments and reads its text.
fn parse_explain(p: &mut lexopt::Parser) -> Result<(Common, String), Cli> {
    let mut c = Common::default();
    let mut words = Vec::new();
    while let Some(arg) = Arg::next(p)? {
        if common_arg(&mut c, &arg, p)? {
            continue;
        }
        match arg {
            x if x.is('h', "help") => return Err(Cli::Help(EXPLAIN_HELP.to_string())),
            Arg::Value(v) => words.push(os_string(v, "text")?),
            other => return Err(other.unexpected()),
        }
    }
    let text = if words.is_empty() || words == ["-"] {
        if std::io::stdin().is_terminal() {
            return Err(Cli::Usage(
                "explain needs a TEXT (or '-' with text on standard input)".into(),
            ));
        }
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
            .map_err(|e| Cli::Usage(format!("standard input: {e}")))?;
        s
    } else {
        words.join(" ")
    };
    Ok((c, text))
}

fn run_explain(c: &Common, text: &str) -> Result<bool, String> {
    let analyzer = build_analyzer(c)?;
    let opts = AnalyzeOptions {
        id: None,
        lang: c.lang,
    };
    let s = analyzer.explain(text, &opts).map_err(|e| e.to_string())?;
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write output: {e}"))
        }
        _ => Ok(true),
    }
}

/// One source of `stats`: already claimscope output, or raw input to analyze.
fn stats_source(
    reader: Box<dyn std::io::BufRead + Send>,
    source: String,
    st: &mut Stats,
    raw: &mut Vec<input::Records>,
) {
    let mut reader = reader;
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    let mut warned = 0usize;
    let mut first = true;
    loop {
        buf.clear();
        let (n, overflow) =
            match input::read_line_limited(&mut reader, &mut buf, input::MAX_LINE_BYTES) {
                Ok(x) => x,
                Err(e) => {
                    eprintln!("claimscope: {source}: read error: {e}");
                    st.add_error();
                    return;
                }
            };
        if n == 0 {
            return;
        }
        line_no += 1;
        let line = buf.trim_ascii();
        if line.is_empty() {
            continue;
        }
        let parsed = if overflow {
            Err("line too long".to_string())
        } else {
            parse_output_line(line)
        };
        match parsed {
            Ok(OutputLine::Raw) if first => {
                // Raw input: this line and the rest of the source go to the analyzer.
                let head = input::parse_jsonl_line(line, &source, line_no);
                let rest = input::jsonl_records_from(reader, source, line_no + 1);
                raw.push(Box::new(std::iter::once(head).chain(rest)));
                return;
            }
            Ok(OutputLine::Doc(d)) => st.add(&d),
            Ok(OutputLine::Error) => st.add_error(),
            Ok(OutputLine::Raw) => {
                st.add_error();
                if warned < 5 {
                    eprintln!(
                        "claimscope: {source}:{line_no}: raw input in a file of claimscope output; counted as an error"
                    );
                }
                warned += 1;
            }
            Err(m) => {
                st.add_error();
                if warned < 5 {
                    eprintln!("claimscope: {source}:{line_no}: {m}");
                }
                warned += 1;
            }
        }
        first = false;
    }
}

fn run_stats(mut args: StatsArgs) -> Result<bool, String> {
    check_inputs(&mut args.common.inputs)?;
    let mut st = Stats::default();
    let mut raw: Vec<input::Records> = Vec::new();
    for inp in std::mem::take(&mut args.common.inputs) {
        let files = if inp == "-" {
            let r = input::decoded(std::io::BufReader::with_capacity(1 << 16, std::io::stdin()))
                .map_err(|e| format!("standard input: {e}"))?;
            stats_source(r, "-".into(), &mut st, &mut raw);
            continue;
        } else if std::path::Path::new(&inp).is_dir() {
            let (files, errors) = input::walk(std::path::Path::new(&inp));
            for (p, m) in errors {
                eprintln!("claimscope: {}: {m}", p.display());
                st.add_error();
            }
            files
        } else {
            vec![PathBuf::from(&inp)]
        };
        for f in files {
            if input::is_jsonl(&f) {
                match input::open_decoded(&f) {
                    Ok(r) => stats_source(r, f.display().to_string(), &mut st, &mut raw),
                    Err(e) => {
                        eprintln!("claimscope: {}: {e}", f.display());
                        st.add_error();
                    }
                }
            } else {
                raw.push(input::path_records(&f));
            }
        }
    }
    if !raw.is_empty() {
        let analyzer = build_analyzer(&args.common)?;
        let lang = args.common.lang;
        let records = raw.into_iter().flatten().map(move |mut r| {
            if lang.is_some() {
                r.lang = lang;
            }
            r
        });
        let results = analyze_batch_map(&analyzer, records, batch_options(&args.common), |_, r| {
            r.map(|d| DocSummary::from_document(&d))
        });
        for r in results {
            match r {
                Ok(d) => st.add(&d),
                Err(e) => {
                    eprintln!("claimscope: {e}");
                    st.add_error();
                }
            }
        }
    }
    if let Some(dir) = &args.out_dir {
        write_stats_files(&st, dir)?;
    }
    let mut out = BufWriter::new(std::io::stdout().lock());
    st.write_report(&mut out, args.top)
        .and_then(|()| out.flush())
        .or_else(|e| {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                Ok(())
            } else {
                Err(format!("cannot write output: {e}"))
            }
        })?;
    Ok(st.errors == 0)
}

fn write_stats_files(st: &Stats, dir: &std::path::Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    type Writer = fn(&Stats, &mut dyn Write) -> std::io::Result<()>;
    let files: [(&str, Writer); 5] = [
        ("actors.csv", |s, w| s.write_actors_csv(w)),
        ("edges.csv", |s, w| s.write_edges_csv(w)),
        ("languages.csv", |s, w| s.write_langs_csv(w)),
        ("network.gexf", |s, w| s.write_gexf(w)),
        ("network.graphml", |s, w| s.write_graphml(w)),
    ];
    for (name, write) in files {
        let path = dir.join(name);
        let f = std::fs::File::create(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut w = BufWriter::new(f);
        write(st, &mut w)
            .and_then(|()| w.flush())
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

fn command_help(cmd: &str) -> Option<String> {
    Some(match cmd {
        "extract" | "segment" => format!("{EXTRACT_HELP}{INPUTS_HELP}\n{OUTPUT_HELP}"),
        "explain" => EXPLAIN_HELP.to_string(),
        "stats" => format!("{STATS_HELP}\n{INPUTS_HELP}"),
        _ => return None,
    })
}

fn finish(r: Result<bool, String>) -> ExitCode {
    match r {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(msg) => {
            eprintln!("claimscope: {msg}");
            ExitCode::from(2)
        }
    }
}

fn cli_error(e: Cli, cmd: &str) -> ExitCode {
    match e {
        Cli::Help(h) => {
            print!("{h}");
            ExitCode::SUCCESS
        }
        Cli::Usage(m) => {
            eprintln!("claimscope {cmd}: {m} (see claimscope {cmd} --help)");
            ExitCode::from(2)
        }
    }
}

fn main() -> ExitCode {
    let mut p = lexopt::Parser::from_env();
    let cmd = match p.next() {
        Ok(Some(lexopt::Arg::Value(v))) => v.to_string_lossy().into_owned(),
        Ok(Some(lexopt::Arg::Long("help") | lexopt::Arg::Short('h'))) => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Ok(Some(lexopt::Arg::Long("version") | lexopt::Arg::Short('V'))) => {
            println!("claimscope {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Ok(Some(other)) => {
            eprintln!("claimscope: {} (see claimscope --help)", other.unexpected());
            return ExitCode::from(2);
        }
        Ok(None) => {
            eprint!("{HELP}");
            return ExitCode::from(2);
        }
        Err(e) => {
            eprintln!("claimscope: {e} (see claimscope --help)");
            return ExitCode::from(2);
        }
    };
    match cmd.as_str() {
        "help" => {
            let topic = p.next().ok().flatten().and_then(|a| match a {
                lexopt::Arg::Value(v) => Some(v.to_string_lossy().into_owned()),
                _ => None,
            });
            match topic.as_deref().map(command_help) {
                None => print!("{HELP}"),
                Some(Some(h)) => print!("{h}"),
                Some(None) => {
                    eprintln!(
                        "claimscope: no command {:?} (see claimscope --help)",
                        topic.unwrap_or_default()
                    );
                    return ExitCode::from(2);
                }
            }
            ExitCode::SUCCESS
        }
        "extract" | "segment" => match parse_extract(&cmd, &mut p) {
            Ok(a) => finish(run_extract(a)),
            Err(e) => cli_error(e, &cmd),
        },
        "explain" => match parse_explain(&mut p) {
            Ok((c, text)) => finish(run_explain(&c, &text)),
            Err(e) => cli_error(e, &cmd),
        },
        "stats" => match parse_stats(&mut p) {
            Ok(a) => finish(run_stats(a)),
            Err(e) => cli_error(e, &cmd),
        },
        other => {
            eprintln!("claimscope: unknown command {other:?} (see claimscope --help)");
            ExitCode::from(2)
        }
    }
}
