//! Runs the built `claimscope` binary: record accounting, formats, compressed
//! and directory inputs, stats, help and errors.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_claimscope"))
}

fn run_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut sin = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = sin.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("claimscope-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn lines(out: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8(out.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Parses "N records = D documents + E errors; A actors, C claims; ..." from stderr.
fn summary_counts(stderr: &[u8]) -> (u64, u64, u64) {
    let s = String::from_utf8_lossy(stderr);
    let line = s
        .lines()
        .find(|l| l.contains(" records = "))
        .unwrap_or_else(|| panic!("no summary in {s:?}"));
    let nums: Vec<u64> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| !w.is_empty())
        .take(3)
        .map(|w| w.parse().unwrap())
        .collect();
    (nums[0], nums[1], nums[2])
}

/// A mix of every kind of bad line, with their expected outcome (None = blank, no record).
/// Per input line: `None` for a blank line, else the expected id or error text.
type Expected = Vec<Option<Result<String, &'static str>>>;

fn mixed_corpus() -> (Vec<u8>, Expected) {
    let mut data = Vec::new();
    let mut want = Vec::new();
    let mut push = |line: &[u8], w: Option<Result<String, &'static str>>| {
        data.extend_from_slice(line);
        data.push(b'\n');
        want.push(w);
    };
    push(
        r#"{"id":"pl1","text":"Łukaszenko powiedział, że Rosja wyśle broń."}"#.as_bytes(),
        Some(Ok("pl1".into())),
    );
    push(b"{not json at all", Some(Err("malformed JSON")));
    push(b"", None);
    push(
        b"{\"id\":\"bad-utf8\",\"text\":\"caf\xff\"}",
        Some(Err("invalid UTF-8")),
    );
    push(br#"{"id":"no-text","title":"x"}"#, Some(Err("no \"text\"")));
    push(
        br#"{"id":"num-text","text":42}"#,
        Some(Err("must be a string")),
    );
    push(b"   \t ", None);
    push(br#"["an","array"]"#, Some(Err("must be an object")));
    push(
        r#"{"id":"ru1","text":"Песков заявил, что переговоры провалились.","lang":"ru"}"#
            .as_bytes(),
        Some(Ok("ru1".into())),
    );
    push(
        br#"{"id":"badlang","text":"x","lang":"xx"}"#,
        Some(Err("unknown language")),
    );
    // Huge lines: a 2 MB document, analyzed, and a 20 MB line that is not
    // JSON (an unterminated string), which must still give one error record.
    let unit = "Rada Najwyższa obradowała. Зеленский сказал «да». ";
    let mut big = br#"{"id":"big","text":""#.to_vec();
    while big.len() < 2 << 20 {
        big.extend_from_slice(unit.as_bytes());
    }
    big.extend_from_slice(br#""}"#);
    push(&big, Some(Ok("big".into())));
    let mut huge = br#"{"id":"huge","text":""#.to_vec();
    while huge.len() < 20 << 20 {
        huge.extend_from_slice(unit.as_bytes());
    }
    push(&huge, Some(Err("malformed JSON")));
    push(br#"{"text":"no id, Putin said."}"#, Some(Ok("-:13".into())));
    // The last line without a newline: still a record.
    data.extend_from_slice(br#"{"id":"last","text":"Koniec."}"#);
    want.push(Some(Ok("last".into())));
    (data, want)
}

#[test]
fn every_input_record_gives_exactly_one_output_record_in_order() {
    let (data, want) = mixed_corpus();
    for threads in ["1", "2"] {
        let out = run_stdin(
            &[
                "extract",
                "--summary",
                "--threads",
                threads,
                "--window",
                "3",
            ],
            &data,
        );
        assert_eq!(out.status.code(), Some(1), "some records failed");
        let got = lines(&out.stdout);
        let expected: Vec<_> = want
            .iter()
            .enumerate()
            .filter_map(|(i, w)| w.as_ref().map(|w| (i + 1, w)))
            .collect();
        assert_eq!(
            got.len(),
            expected.len(),
            "one output line per non-blank input line"
        );
        for (g, (line, w)) in got.iter().zip(&expected) {
            match w {
                Ok(id) => {
                    assert_eq!(g["id"], id.as_str(), "{g}");
                    assert!(g.get("error").is_none(), "{g}");
                    assert!(g["actors"].is_array() && g["claims"].is_array());
                }
                Err(msg) => {
                    let e = g["error"].as_str().unwrap_or_else(|| panic!("{g}"));
                    assert!(e.contains(msg), "{e:?} should say {msg:?}");
                    assert_eq!(g["line"], *line as u64, "{g}");
                }
            }
        }
        let n_err = expected.iter().filter(|(_, w)| w.is_err()).count() as u64;
        let (records, docs, errors) = summary_counts(&out.stderr);
        assert_eq!(records, got.len() as u64);
        assert_eq!(docs + errors, records);
        assert_eq!(errors, n_err);
    }
}

#[test]
fn all_good_input_exits_zero_and_is_silent_on_stderr() {
    let data = "{\"id\":\"a\",\"text\":\"Zełenski zaapelował do NATO.\"}\n{\"id\":\"b\",\"text\":\"Лукашенко сказал, что Беларусь готова.\"}\n";
    let out = run_stdin(&["extract"], data.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ids: Vec<_> = lines(&out.stdout).iter().map(|v| v["id"].clone()).collect();
    assert_eq!(ids, ["a", "b"]);
}

#[test]
fn thread_count_does_not_change_the_output() {
    let mut data = String::new();
    for i in 0..60 {
        let t = match i % 3 {
            0 => "Putin said the talks had failed. \\\"We will not retreat,\\\" he added.",
            1 => "Łukaszenko powiedział, że Rosja wyśle broń na Białoruś.",
            _ => "«Мы не отступим», — заявил Песков журналистам.",
        };
        data.push_str(&format!("{{\"id\":\"d{i}\",\"text\":\"{t}\"}}\n"));
    }
    let one = run_stdin(&["extract", "-j", "1"], data.as_bytes());
    let two = run_stdin(&["extract", "-j", "2", "--window", "2"], data.as_bytes());
    assert_eq!(one.status.code(), Some(0));
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(lines(&one.stdout).len(), 60);
}

#[test]
fn gzip_zstd_and_plain_give_the_same_output() {
    let dir = tmpdir("compressed");
    let data = "{\"id\":\"a\",\"text\":\"Zełenski zaapelował do NATO.\"}\n\n{\"id\":\"b\",\"text\":\"Лукашенко сказал, что Беларусь готова.\"}\n";
    let plain = dir.join("c.jsonl");
    std::fs::write(&plain, data).unwrap();
    let gz = dir.join("c.jsonl.gz");
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(data.as_bytes()).unwrap();
    std::fs::write(&gz, enc.finish().unwrap()).unwrap();
    let zst = dir.join("c.jsonl.zst");
    std::fs::write(&zst, zstd::encode_all(data.as_bytes(), 3).unwrap()).unwrap();
    // One run over the three files: the same records three times over.
    let all = bin()
        .arg("extract")
        .args([&plain, &gz, &zst])
        .output()
        .unwrap();
    assert_eq!(all.status.code(), Some(0));
    let v = lines(&all.stdout);
    assert_eq!(v.len(), 6);
    assert_eq!(v[0..2], v[2..4]);
    assert_eq!(v[0..2], v[4..6]);
    let a = String::from_utf8(all.stdout).unwrap();
    let a = a.lines().take(2).collect::<Vec<_>>().join("\n") + "\n";
    // Compressed standard input too.
    let z = run_stdin(&["extract"], &std::fs::read(&gz).unwrap());
    assert_eq!(a.as_bytes(), z.stdout);
}

#[test]
fn a_directory_is_read_recursively_in_path_order() {
    let dir = tmpdir("dir");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(
        dir.join("b.txt"),
        "Зеленский заявил, что Украина не сдастся.",
    )
    .unwrap();
    std::fs::write(
        dir.join("a.txt"),
        "Premier Tusk powiedział, że Polska jest gotowa.",
    )
    .unwrap();
    std::fs::write(dir.join("sub/c.jsonl"), "{\"id\":\"c1\",\"text\":\"x\"}\n").unwrap();
    std::fs::write(dir.join("ignored.md"), "# not read").unwrap();
    std::fs::write(dir.join("bad.txt"), b"\xff\xfe").unwrap();
    let out = bin().arg("extract").arg(&dir).output().unwrap();
    let v = lines(&out.stdout);
    let ids: Vec<_> = v
        .iter()
        .map(|v| v["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["a.txt", "b.txt", "bad.txt", "c1"]);
    assert_eq!(v[0]["lang"], "pl");
    assert!(v[2]["error"].as_str().unwrap().contains("UTF-8"));
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn csv_output_has_a_header_and_neutralizes_formulas() {
    let data = concat!(
        "{\"id\":\"=HYPERLINK(\\\"http://x\\\")\",\"text\":\"=1+2 said Putin. \\\"=cmd|' /C calc'!A0\\\", Putin said.\"}\n",
        "{\"id\":\"b\",\"text\":\"Łukaszenko powiedział, że Rosja wyśle broń.\"}\n",
        "{bad\n"
    );
    let out = run_stdin(&["extract", "--format", "csv"], data.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.starts_with("document,lang,speaker_id,speaker_name,"));
    for line in s.lines() {
        for cell in line.split(',') {
            let c = cell.trim_start_matches('"');
            assert!(
                !c.starts_with(['=', '+', '@']),
                "unsafe cell {cell:?} in {line:?}"
            );
        }
    }
    // The failed record is reported on stderr, not in the CSV.
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("-:3: malformed JSON"), "{err}");
}

#[test]
fn table_output_lists_each_document() {
    let out = bin()
        .args(["extract", "--format", "table"])
        .arg(examples())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let s = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        s.matches("\n== ").count() + usize::from(s.starts_with("== ")),
        2
    );
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/data")
}

#[test]
fn stats_on_the_examples_writes_valid_gexf_graphml_and_csv() {
    let dir = tmpdir("stats");
    let extracted = bin().arg("extract").arg(examples()).output().unwrap();
    assert_eq!(extracted.status.code(), Some(0));
    let jsonl = dir.join("out.jsonl");
    std::fs::write(&jsonl, &extracted.stdout).unwrap();
    let docs = lines(&extracted.stdout);
    let out = bin()
        .arg("stats")
        .arg(&jsonl)
        .arg("--out-dir")
        .arg(dir.join("net"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(
        report.starts_with(&format!("{} documents, 0 errors", docs.len())),
        "{report}"
    );

    let gexf = std::fs::read_to_string(dir.join("net/network.gexf")).unwrap();
    let g = roxmltree::Document::parse(&gexf).unwrap();
    assert_eq!(g.root_element().tag_name().name(), "gexf");
    let node_ids: Vec<&str> = g
        .descendants()
        .filter(|n| n.has_tag_name("node"))
        .map(|n| n.attribute("id").unwrap())
        .collect();
    // Every actor of the extraction is a node, and nothing else is.
    let mut want: Vec<String> = docs
        .iter()
        .flat_map(|d| d["actors"].as_array().unwrap().iter())
        .map(|a| a["id"].as_str().unwrap().to_string())
        .chain(
            docs.iter()
                .flat_map(|d| d["claims"].as_array().unwrap().iter())
                .flat_map(|c| {
                    c["about"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|a| a.as_str().unwrap().to_string())
                        .chain(c["speaker"]["actor"].as_str().map(str::to_string))
                        .collect::<Vec<_>>()
                }),
        )
        .collect();
    want.sort();
    want.dedup();
    assert_eq!(node_ids, want);
    // Both seed articles (en, pl) are about Putin and Lukashenko: one node
    // each, linked across the languages, with both documents counted.
    for (id, label) in [("putin", "Putin"), ("lukashenko", "Lukashenko")] {
        let node = g
            .descendants()
            .find(|n| n.has_tag_name("node") && n.attribute("id") == Some(id))
            .unwrap_or_else(|| panic!("no node {id} in {node_ids:?}"));
        assert!(node.attribute("label").unwrap().contains(label));
        let docs_attr = node
            .descendants()
            .find(|n| n.has_tag_name("attvalue") && n.attribute("for") == Some("2"))
            .unwrap();
        assert_eq!(docs_attr.attribute("value"), Some("2"), "{id} documents");
    }
    // Putin and Lukashenko both speak in the seed articles: each is the
    // source of at least one speaker → target edge.
    for speaker in ["putin", "lukashenko"] {
        assert!(
            g.descendants()
                .any(|e| e.has_tag_name("edge") && e.attribute("source") == Some(speaker)),
            "no edge from {speaker}"
        );
    }
    // Every edge joins two nodes and has a positive weight.
    for e in g.descendants().filter(|n| n.has_tag_name("edge")) {
        assert!(node_ids.contains(&e.attribute("source").unwrap()));
        assert!(node_ids.contains(&e.attribute("target").unwrap()));
        assert!(e.attribute("weight").unwrap().parse::<u64>().unwrap() >= 1);
    }
    let graphml = std::fs::read_to_string(dir.join("net/network.graphml")).unwrap();
    let m = roxmltree::Document::parse(&graphml).unwrap();
    assert_eq!(
        m.descendants().filter(|n| n.has_tag_name("node")).count(),
        node_ids.len()
    );
    let actors_csv = std::fs::read_to_string(dir.join("net/actors.csv")).unwrap();
    assert_eq!(actors_csv.lines().count(), 1 + node_ids.len());
    let langs = std::fs::read_to_string(dir.join("net/languages.csv")).unwrap();
    assert!(
        langs.contains("\r\nen,1,") && langs.contains("\r\npl,1,"),
        "{langs}"
    );

    // Raw input gives the same aggregates as the extracted output: .txt files,
    // and raw JSON Lines on standard input.
    let raw = bin().arg("stats").arg(examples()).output().unwrap();
    assert_eq!(String::from_utf8(raw.stdout).unwrap(), report);
    let mut files: Vec<_> = std::fs::read_dir(examples())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut jsonl = String::from("\n");
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let id = f.file_name().unwrap().to_string_lossy().into_owned();
        jsonl.push_str(&serde_json::json!({"id": id, "text": text}).to_string());
        jsonl.push('\n');
    }
    let raw = run_stdin(&["stats"], jsonl.as_bytes());
    assert_eq!(String::from_utf8(raw.stdout).unwrap(), report);
}

#[test]
fn help_exists_for_every_command() {
    for cmd in ["extract", "segment", "explain", "stats"] {
        let out = bin().args([cmd, "--help"]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{cmd}");
        let s = String::from_utf8(out.stdout).unwrap();
        assert!(s.contains("USAGE") && s.contains("OPTIONS"), "{cmd}: {s}");
        let out = bin().args(["help", cmd]).output().unwrap();
        assert_eq!(String::from_utf8(out.stdout).unwrap(), s);
    }
    let out = bin().arg("--help").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn usage_errors_are_one_line_with_status_2() {
    for args in [
        &["extract", "--bogus"][..],
        &["extract", "--threads", "many"],
        &["extract", "--format", "xml"],
        &["extract", "/no/such/file.jsonl"],
        &["extract", "--actors", "/no/such/actors.tsv", "-"],
        &["frobnicate"],
    ] {
        let out = run_stdin(args, b"{\"text\":\"x\"}\n");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("claimscope"), "{err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn a_malformed_actor_dictionary_is_one_error_line_with_file_and_line() {
    let dir = tmpdir("actors");
    let bad = dir.join("my-actors.tsv");
    std::fs::write(
        &bad,
        "id\ttype\tqid\tgender\ten\tpl\tru\tuk\tbe\tde\tfr\troles\n\
         kowalski\tperson\t\tm\tJan Kowalski\tJan Kowalski | Kowalski\t\t\t\t\t\t\n\
         zorg\tthing\t\t\tZorg\t\t\t\t\t\t\t\n",
    )
    .unwrap();
    let out = bin()
        .args(["extract", "--actors"])
        .arg(&bad)
        .arg(examples())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("my-actors.tsv:3:"), "{err}");
}

#[test]
fn a_user_actor_dictionary_is_used() {
    let dir = tmpdir("actors-ok");
    let good = dir.join("actors.tsv");
    std::fs::write(
        &good,
        "id\ttype\tqid\tgender\ten\tpl\tru\tuk\tbe\tde\tfr\troles\n\
         zbigniew-kowalczyk\tperson\t\tm\tZbigniew Kowalczyk\tZbigniew Kowalczyk | Kowalczyk\t\t\t\t\t\t\n",
    )
    .unwrap();
    let data = "{\"id\":\"a\",\"text\":\"Zbigniew Kowalczyk powiedział, że Polska jest gotowa. Kowalczyka nie było w Sejmie.\",\"lang\":\"pl\"}\n";
    let out = run_stdin(
        &["extract", "--actors", good.to_str().unwrap()],
        data.as_bytes(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = lines(&out.stdout);
    let ids: Vec<&str> = v[0]["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"zbigniew-kowalczyk"), "{ids:?}");
}

#[test]
fn explain_prints_the_pipeline_view() {
    let out = bin()
        .args([
            "explain",
            "--lang",
            "pl",
            "Łukaszenko powiedział, że Rosja wyśle broń.",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.starts_with("language: pl"), "{s}");
    assert!(s.contains("Łukaszenko"));
    let out = run_stdin(
        &["explain", "-"],
        "Песков заявил, что мы не отступим и что это было ошибкой.".as_bytes(),
    );
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .starts_with("language: ru")
    );
}
