//! CSV output (RFC 4180), safe to open in a spreadsheet.
//!
//! Text cells that a spreadsheet would read as a formula — starting with `=`,
//! `+`, `-`, `@`, a tab or a carriage return — get a leading `'`, the usual
//! neutralization against formula injection (news text is attacker-controlled).
//! Numbers we write ourselves ([`Cell::Num`]) are left alone.

use std::io::Write;

use claimscope::{Document, OutputFields};

/// One cell of a row.
#[derive(Debug, Clone, Copy)]
pub enum Cell<'a> {
    /// Text from the data: quoted as needed and neutralized.
    Text(&'a str),
    /// A number.
    Num(u64),
    /// An empty cell.
    Empty,
}

/// True when a spreadsheet could take a cell starting like `s` for a formula.
#[must_use]
pub fn is_formula_like(s: &str) -> bool {
    matches!(
        s.chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '＝' | '＋' | '－' | '＠')
    )
}

/// Writes one text cell: quoted when it holds a comma, quote, CR or LF (or was
/// neutralized), with a `'` in front when it looks like a formula.
///
/// # Errors
/// I/O errors of `out`.
pub fn write_text_cell(out: &mut dyn Write, s: &str) -> std::io::Result<()> {
    let neutralize = is_formula_like(s);
    let quote = neutralize || s.contains([',', '"', '\n', '\r']);
    if !quote {
        return out.write_all(s.as_bytes());
    }
    out.write_all(b"\"")?;
    if neutralize {
        out.write_all(b"'")?;
    }
    let mut rest = s;
    while let Some(i) = rest.find('"') {
        out.write_all(&rest.as_bytes()[..=i])?;
        out.write_all(b"\"")?;
        rest = &rest[i + 1..];
    }
    out.write_all(rest.as_bytes())?;
    out.write_all(b"\"")
}

/// Writes one row, ending it with CRLF as RFC 4180 says.
///
/// # Errors
/// I/O errors of `out`.
pub fn write_row(out: &mut dyn Write, cells: &[Cell<'_>]) -> std::io::Result<()> {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        match c {
            Cell::Text(s) => write_text_cell(out, s)?,
            Cell::Num(n) => write!(out, "{n}")?,
            Cell::Empty => {}
        }
    }
    out.write_all(b"\r\n")
}

/// Header of the claims CSV (`claimscope extract --format csv`).
pub const CLAIMS_HEADER: &[&str] = &[
    "document",
    "lang",
    "speaker_id",
    "speaker_name",
    "speaker_text",
    "speaker_start",
    "speaker_end",
    "cue",
    "cue_start",
    "cue_end",
    "kind",
    "content",
    "content_start",
    "content_end",
    "about",
    "rule",
];

/// Writes the header of the claims CSV.
///
/// # Errors
/// I/O errors of `out`.
pub fn write_claims_header(out: &mut dyn Write) -> std::io::Result<()> {
    let cells: Vec<Cell<'_>> = CLAIMS_HEADER.iter().map(|h| Cell::Text(h)).collect();
    write_row(out, &cells)
}

/// Writes one row per claim of `doc`, offsets in code points (as in JSON).
/// `about` is the `;`-separated list of actor ids.
///
/// # Errors
/// I/O errors of `out`.
pub fn write_claims(out: &mut dyn Write, doc: &Document) -> std::io::Result<()> {
    fn opt_text(s: Option<&str>) -> Cell<'_> {
        s.map_or(Cell::Empty, Cell::Text)
    }
    let o = doc.to_output(OutputFields::default());
    for c in &o.claims {
        let speaker_id = c.speaker.as_ref().and_then(|s| s.actor);
        let speaker_name = speaker_id
            .and_then(|id| o.actors.iter().find(|a| a.id == id))
            .map(|a| a.name);
        let about = c.about.join(";");
        let opt_num = |n: Option<usize>| n.map_or(Cell::Empty, |n| Cell::Num(n as u64));
        let row = [
            Cell::Text(o.id),
            Cell::Text(o.lang),
            opt_text(speaker_id),
            opt_text(speaker_name),
            opt_text(c.speaker.as_ref().and_then(|s| s.text)),
            opt_num(c.speaker.as_ref().and_then(|s| s.start)),
            opt_num(c.speaker.as_ref().and_then(|s| s.end)),
            opt_text(c.cue.as_ref().map(|s| s.text)),
            opt_num(c.cue.as_ref().map(|s| s.start)),
            opt_num(c.cue.as_ref().map(|s| s.end)),
            Cell::Text(c.kind),
            Cell::Text(c.content.text),
            Cell::Num(c.content.start as u64),
            Cell::Num(c.content.end as u64),
            Cell::Text(&about),
            Cell::Text(c.rule),
        ];
        write_row(out, &row)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[Cell<'_>]) -> String {
        let mut v = Vec::new();
        write_row(&mut v, cells).unwrap();
        String::from_utf8(v).unwrap()
    }

    #[test]
    fn plain_cells_are_left_alone() {
        assert_eq!(
            row(&[Cell::Text("Łukaszenko"), Cell::Num(12), Cell::Empty]),
            "Łukaszenko,12,\r\n"
        );
    }

    #[test]
    fn quoting_follows_rfc4180() {
        assert_eq!(
            row(&[
                Cell::Text("a,b"),
                Cell::Text("say \"no\""),
                Cell::Text("x\ny")
            ]),
            "\"a,b\",\"say \"\"no\"\"\",\"x\ny\"\r\n"
        );
    }

    #[test]
    fn formula_cells_are_neutralized() {
        for bad in [
            "=HYPERLINK(\"http://evil\",\"x\")",
            "+1+2",
            "-2+3",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
            "＝1",
        ] {
            let r = row(&[Cell::Text(bad)]);
            assert!(r.starts_with("\"'"), "{bad:?} gave {r:?}");
            // The content is kept after the quote mark.
            let inner = &r[2..r.len() - 3];
            assert_eq!(inner.replace("\"\"", "\""), bad);
        }
        // Not at the start: harmless, untouched.
        assert_eq!(row(&[Cell::Text("a=b")]), "a=b\r\n");
        // Numbers we write are not text and stay numbers.
        assert_eq!(row(&[Cell::Num(5)]), "5\r\n");
    }

    #[test]
    fn claims_rows_have_the_header_width() {
        let analyzer = crate::test_analyzer();
        let doc = analyzer
            .analyze(
                "=cmd| said Putin. «Мы не отступим», — заявил Песков.",
                &claimscope::AnalyzeOptions::default(),
            )
            .unwrap();
        let mut v = Vec::new();
        write_claims_header(&mut v).unwrap();
        write_claims(&mut v, &doc).unwrap();
        let s = String::from_utf8(v).unwrap();
        let first = s.lines().next().unwrap();
        assert_eq!(first.split(',').count(), CLAIMS_HEADER.len());
        assert!(!s.contains("\n=") && !s.contains(",="));
    }
}
