//! The gazetteer: actor rows from TSV files (schema in `data/actors/README.md`).

use std::collections::HashMap;

use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::model::ActorType;

/// Languages with a name column, in column order.
pub const NAME_LANGS: [Lang; 7] = [
    Lang::En,
    Lang::Pl,
    Lang::Ru,
    Lang::Uk,
    Lang::Be,
    Lang::De,
    Lang::Fr,
];

/// How an alias is to be treated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    /// The name, nominative, words separated by single spaces.
    pub text: String,
    /// Its language.
    pub lang: Lang,
    /// Never inflect (`@indecl`, `@noinfl`).
    pub indecl: bool,
    /// Match only with this exact capitalization (`@cs`).
    pub cs: bool,
    /// An explicit irregular form (`~Kijowa`): added as is, not inflected.
    pub form: bool,
}

/// A role with its validity (`president@russia:2012-05-07..`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// The role (`president`).
    pub role: String,
    /// Of what (`russia`).
    pub of: String,
    /// ISO start date, if given.
    pub from: Option<String>,
    /// ISO end date, if given.
    pub to: Option<String>,
}

/// One actor row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Stable id.
    pub id: String,
    /// Person, org or gpe.
    pub kind: ActorType,
    /// Wikidata QID.
    pub qid: Option<String>,
    /// `m`, `f` or none.
    pub female: bool,
    /// English display name (first `en` alias, else the first alias).
    pub name: String,
    /// All aliases.
    pub aliases: Vec<Alias>,
    /// Roles.
    pub roles: Vec<Role>,
}

/// Normalizes the whitespace of a name: single spaces, trimmed.
#[must_use]
pub fn clean_name(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Parses one gazetteer file. Either the whole file parses or an error names
/// the first bad line.
///
/// # Errors
/// [`Error::Data`] with the file name and 1-based line number.
pub fn parse(file: &str, content: &str) -> Result<Vec<Entry>> {
    let mut out = Vec::new();
    let mut header: Option<HashMap<String, usize>> = None;
    let mut ids: HashMap<String, usize> = HashMap::new();
    for (i, raw) in content.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim_end_matches('\r');
        let err = |msg: String| Error::Data {
            file: file.to_string(),
            line: line_no,
            msg,
        };
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let Some(h) = &header else {
            let map: HashMap<String, usize> = cols
                .iter()
                .enumerate()
                .map(|(k, c)| (c.trim().to_lowercase(), k))
                .collect();
            for need in ["id", "type"] {
                if !map.contains_key(need) {
                    return Err(err(format!("header lacks the {need:?} column")));
                }
            }
            if !NAME_LANGS.iter().any(|l| map.contains_key(l.code())) {
                return Err(err(
                    "header has no name column (en, pl, ru, uk, be, de, fr)".into(),
                ));
            }
            header = Some(map);
            continue;
        };
        let get = |name: &str| -> &str {
            h.get(name)
                .and_then(|&k| cols.get(k))
                .map_or("", |s| s.trim())
        };
        if cols.len() > h.len() {
            return Err(err(format!(
                "{} columns, the header has {}",
                cols.len(),
                h.len()
            )));
        }
        let id = get("id");
        if id.is_empty() || id.chars().any(char::is_whitespace) {
            return Err(err(format!("bad id {id:?}")));
        }
        if let Some(prev) = ids.insert(id.to_string(), line_no) {
            return Err(err(format!("duplicate id {id:?} (first on line {prev})")));
        }
        let kind = match get("type") {
            "person" => ActorType::Person,
            "org" => ActorType::Org,
            "gpe" => ActorType::Gpe,
            other => {
                return Err(err(format!(
                    "type must be person, org or gpe, not {other:?}"
                )));
            }
        };
        let female = match get("gender") {
            "f" | "F" => true,
            "" | "m" | "M" => false,
            other => return Err(err(format!("gender must be m, f or empty, not {other:?}"))),
        };
        let qid = get("qid");
        let qid_ok = qid.is_empty()
            || (qid.starts_with('Q')
                && qid.len() > 1
                && qid[1..].bytes().all(|b| b.is_ascii_digit()));
        if !qid_ok {
            return Err(err(format!("bad QID {qid:?}")));
        }
        let mut aliases = Vec::new();
        for lang in NAME_LANGS {
            let cell = get(lang.code());
            if cell.is_empty() {
                continue;
            }
            for a in cell.split('|') {
                let a = a.trim();
                if a.is_empty() {
                    continue;
                }
                aliases.push(parse_alias(a, lang).map_err(&err)?);
            }
        }
        if aliases.is_empty() {
            return Err(err(format!("actor {id:?} has no name")));
        }
        let name = aliases
            .iter()
            .find(|a| a.lang == Lang::En && !a.form)
            .or_else(|| aliases.iter().find(|a| !a.form))
            .map_or_else(|| id.to_string(), |a| a.text.clone());
        let mut roles = Vec::new();
        for r in get("roles")
            .split(';')
            .map(str::trim)
            .filter(|r| !r.is_empty())
        {
            roles.push(parse_role(r).map_err(&err)?);
        }
        out.push(Entry {
            id: id.to_string(),
            kind,
            qid: (!qid.is_empty()).then(|| qid.to_string()),
            female,
            name,
            aliases,
            roles,
        });
    }
    if header.is_none() && !out.is_empty() {
        return Err(Error::Data {
            file: file.to_string(),
            line: 0,
            msg: "no header".into(),
        });
    }
    Ok(out)
}

fn parse_alias(a: &str, lang: Lang) -> std::result::Result<Alias, String> {
    let mut text = a;
    let mut form = false;
    if let Some(rest) = text.strip_prefix('~') {
        form = true;
        text = rest;
    }
    let mut indecl = false;
    let mut cs = false;
    loop {
        if let Some(rest) = text
            .strip_suffix("@indecl")
            .or_else(|| text.strip_suffix("@noinfl"))
        {
            indecl = true;
            text = rest;
        } else if let Some(rest) = text.strip_suffix("@cs") {
            cs = true;
            text = rest;
        } else {
            break;
        }
    }
    if let Some(at) = text.rfind('@') {
        let tag = &text[at..];
        if !tag.contains(' ') && tag.len() > 1 {
            return Err(format!("unknown alias annotation {tag:?} in {a:?}"));
        }
    }
    let text = clean_name(text);
    if text.is_empty() {
        return Err(format!("empty alias {a:?}"));
    }
    Ok(Alias {
        text,
        lang,
        indecl,
        cs,
        form,
    })
}

fn parse_role(r: &str) -> std::result::Result<Role, String> {
    let (head, dates) = match r.split_once(':') {
        Some((h, d)) => (h, Some(d)),
        None => (r, None),
    };
    let (role, of) = head
        .split_once('@')
        .ok_or_else(|| format!("role {r:?} must look like role@org:from..to"))?;
    let (from, to) = match dates {
        None => (None, None),
        Some(d) => {
            let (f, t) = d
                .split_once("..")
                .ok_or_else(|| format!("role dates {d:?} must look like from..to"))?;
            let ok = |s: &str| {
                s.is_empty() || (s.len() >= 4 && s.bytes().all(|b| b.is_ascii_digit() || b == b'-'))
            };
            if !ok(f) || !ok(t) {
                return Err(format!("bad role dates {d:?}"));
            }
            (
                (!f.is_empty()).then(|| f.to_string()),
                (!t.is_empty()).then(|| t.to_string()),
            )
        }
    };
    Ok(Role {
        role: role.trim().to_string(),
        of: of.trim().to_string(),
        from,
        to,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "id\ttype\tqid\tgender\ten\tpl\tru\tuk\tbe\tde\tfr\troles\n";

    #[test]
    fn parses_row() {
        let t = format!(
            "# c\n{HEAD}lukashenko\tperson\tQ30208\tm\tAlexander Lukashenko | Lukashenko\tAleksandr Łukaszenka | Łukaszenko\tАлександр Лукашенко\tЛукашенко\t\t\t\tpresident@belarus:1994-07-20..\n"
        );
        let e = parse("t.tsv", &t).expect("parse");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].name, "Alexander Lukashenko");
        assert_eq!(e[0].aliases.len(), 6);
        assert_eq!(e[0].roles[0].from.as_deref(), Some("1994-07-20"));
    }

    #[test]
    fn annotations() {
        let t = format!("{HEAD}ap\torg\t\t\tAP@cs | Associated Press\t~Kijowa\t\t\t\t\t\t\n");
        let e = parse("t.tsv", &t).expect("parse");
        assert!(e[0].aliases[0].cs);
        assert!(e[0].aliases[2].form);
        assert_eq!(e[0].aliases[2].text, "Kijowa");
    }

    #[test]
    fn errors_name_the_line() {
        for bad in [
            "x\tthing\t\t\tX\t\t\t\t\t\t\t\n",
            "x\tperson\tQ1\tz\tX\t\t\t\t\t\t\t\n",
            "x\tperson\tbad\t\tX\t\t\t\t\t\t\t\n",
            "x\tperson\t\t\t\t\t\t\t\t\t\t\n",
            "x\tperson\t\t\tX@foo\t\t\t\t\t\t\t\n",
            "x\tperson\t\t\tX\t\t\t\t\t\t\tpresident\n",
        ] {
            let t = format!("{HEAD}{bad}");
            match parse("u.tsv", &t) {
                Err(Error::Data { file, line, .. }) => {
                    assert_eq!(file, "u.tsv");
                    assert_eq!(line, 2, "{bad}");
                }
                other => panic!("{bad}: {other:?}"),
            }
        }
        let dup = format!("{HEAD}x\tgpe\t\t\tX\n\nx\tgpe\t\t\tY\n");
        assert!(matches!(
            parse("d.tsv", &dup),
            Err(Error::Data { line: 4, .. })
        ));
    }
}
