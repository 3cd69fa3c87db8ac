//! What admins paste, read as they paste it: interactive `chronyc>` sessions
//! and shell sessions of several commands, files saved by a Windows editor
//! (UTF-16, CRLF), switch outputs made of one block per session, every
//! message ntpstat prints, `ntpq -c as`, ntpsec's `rv`.
//!
//! Each input in tests/data/explain/pastes has an `.expect` file: what the
//! reading must give, each expectation beside the sentence of the tool's
//! manual (or source) it follows, written before the readers were run on
//! the input. Inputs are the vendor's command-reference examples, or live
//! captures of every release (tests/data/labs, made by tests/it/labs.rs)
//! put together as a session, or an audit's captures of one situation on
//! every release (tests/data/explain/captures/RELEASE).

use std::path::{Path, PathBuf};

use stratum::core::explain::{ExplainError, Explained, Status, decode, explain_all};
use stratum::i18n::{Lang, Localizer};

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}

/// One `.expect` file: its directives, with their line numbers.
struct Expect {
    name: String,
    lines: Vec<(usize, Vec<String>)>,
}

impl Expect {
    fn read(path: &Path) -> Expect {
        let text = std::fs::read_to_string(path).unwrap();
        let lines = text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .map(|(i, l)| (i + 1, l.split_whitespace().map(str::to_string).collect()))
            .collect();
        Expect {
            name: path.file_name().unwrap().to_string_lossy().into_owned(),
            lines,
        }
    }

    fn directive(&self, word: &str) -> Option<&[String]> {
        self.lines
            .iter()
            .find(|(_, w)| w[0] == word)
            .map(|(_, w)| &w[1..])
    }
}

/// The bytes a Windows editor (or a terminal) would have written.
fn encode(text: &str, how: &[String]) -> Vec<u8> {
    let mut text = text.to_string();
    if how.iter().any(|h| h == "crlf") {
        text = text.replace('\n', "\r\n");
    }
    let units = || text.encode_utf16().collect::<Vec<u16>>();
    for h in how {
        match h.as_str() {
            "utf16le" | "utf16le-bom" => {
                let mut v = if h == "utf16le-bom" {
                    vec![0xFF, 0xFE]
                } else {
                    Vec::new()
                };
                v.extend(units().iter().flat_map(|u| u.to_le_bytes()));
                return v;
            }
            "utf16be-bom" => {
                let mut v = vec![0xFE, 0xFF];
                v.extend(units().iter().flat_map(|u| u.to_be_bytes()));
                return v;
            }
            "utf8-bom" => {
                let mut v = b"\xEF\xBB\xBF".to_vec();
                v.extend_from_slice(text.as_bytes());
                return v;
            }
            "crlf" => {}
            other => panic!("unknown encoding {other}"),
        }
    }
    text.into_bytes()
}

/// The statuses of a field named `name` in a report's fields or a row.
fn status_of(fields: &[stratum::core::explain::Field], name: &str) -> Option<Status> {
    fields
        .iter()
        .find(|f| f.name.id() == name)
        .map(|f| f.status)
}

fn check(e: &Expect, label: &str, got: Result<Vec<Explained>, ExplainError>) -> Vec<String> {
    let mut bad = Vec::new();
    let mut fail =
        |line: usize, what: String| bad.push(format!("{}:{line} ({label}): {what}", e.name));
    let parts = match (&got, e.directive("error")) {
        (Err(err), Some(want)) => {
            if err.message_id() != want[0] {
                fail(
                    0,
                    format!("error {} instead of {}", err.message_id(), want[0]),
                );
            }
            return bad;
        }
        (Ok(_), Some(want)) => {
            fail(0, format!("read, but {} was expected", want[0]));
            return bad;
        }
        (Err(err), None) => {
            fail(0, format!("not read: {err}"));
            return bad;
        }
        (Ok(p), None) => p,
    };
    let part = |line: usize, i: &str, fail: &mut dyn FnMut(usize, String)| -> Option<&Explained> {
        let n: usize = i.parse().unwrap();
        let p = parts.get(n);
        if p.is_none() {
            fail(line, format!("no part {n} (of {})", parts.len()));
        }
        p
    };
    for (line, w) in &e.lines {
        let line = *line;
        let status = |s: &str| match s {
            "ok" => Status::Ok,
            "warn" => Status::Warn,
            "bad" => Status::Bad,
            "info" => Status::Info,
            other => panic!("{}:{line}: status {other}", e.name),
        };
        match w[0].as_str() {
            "parts" => {
                let n: usize = w[1].parse().unwrap();
                if parts.len() != n {
                    let kinds: Vec<String> = parts.iter().map(Explained::kind_name).collect();
                    fail(line, format!("{} parts {kinds:?}, not {n}", parts.len()));
                }
            }
            "kind" => {
                if let Some(p) = part(line, &w[1], &mut fail)
                    && p.kind_name() != w[2]
                {
                    fail(line, format!("kind {}, not {}", p.kind_name(), w[2]));
                }
            }
            "rows" => {
                if let Some(p) = part(line, &w[1], &mut fail)
                    && p.rows.len().to_string() != w[2]
                {
                    fail(line, format!("{} rows, not {}", p.rows.len(), w[2]));
                }
            }
            "finding" | "no-finding" => {
                if let Some(p) = part(line, &w[1], &mut fail) {
                    let has = p.findings.iter().any(|f| f.rule.id() == w[2]);
                    if has != (w[0] == "finding") {
                        let rules: Vec<&str> = p.findings.iter().map(|f| f.rule.id()).collect();
                        fail(line, format!("{} {}: findings are {rules:?}", w[0], w[2]));
                    }
                }
            }
            // A finding's level: `severity PART RULE ok|warn|bad|info`.
            "severity" => {
                if let Some(p) = part(line, &w[1], &mut fail) {
                    let got = p
                        .findings
                        .iter()
                        .find(|f| f.rule.id() == w[2])
                        .map(|f| f.severity);
                    if got != Some(status(&w[3])) {
                        fail(line, format!("{} is {got:?}, not {}", w[2], w[3]));
                    }
                }
            }
            "field" => {
                if let Some(p) = part(line, &w[1], &mut fail) {
                    let got = status_of(&p.fields, &w[2]);
                    if got != Some(status(&w[3])) {
                        fail(line, format!("field {} is {got:?}, not {}", w[2], w[3]));
                    }
                }
            }
            "row" => {
                if let Some(p) = part(line, &w[1], &mut fail) {
                    let r: usize = w[2].parse().unwrap();
                    let got = p.rows.get(r - 1).and_then(|row| status_of(row, &w[3]));
                    if got != Some(status(&w[4])) {
                        fail(line, format!("row {r} {} is {got:?}, not {}", w[3], w[4]));
                    }
                }
            }
            // The sources a finding names, in order: `names PART RULE a,b`.
            "names" => {
                if let Some(p) = part(line, &w[1], &mut fail) {
                    let got = p
                        .findings
                        .iter()
                        .find(|f| f.rule.id() == w[2])
                        .and_then(|f| f.args.iter().find(|(k, _)| *k == "sources"))
                        .map(|(_, v)| v.replace(' ', ""));
                    if got.as_deref() != Some(w[3].as_str()) {
                        fail(line, format!("{} names {got:?}, not {}", w[2], w[3]));
                    }
                }
            }
            // What a finding's text says, in a language: `says PART RULE
            // LANG WORDS…` (`lacks`: the text exists and does not say them).
            "says" | "lacks" => {
                if let Some(p) = part(line, &w[1], &mut fail) {
                    let lang = Lang::parse(&w[3]).expect("a language code");
                    let tr = Localizer::new(lang);
                    let text = p
                        .findings
                        .iter()
                        .find(|f| f.rule.id() == w[2])
                        .map(|f| tr.finding_text(p.kind, f));
                    let words = w[4..].join(" ");
                    let has = text.as_deref().is_some_and(|t| t.contains(&words));
                    if w[0] == "says" && !has {
                        fail(
                            line,
                            format!("{} in {}: {text:?} lacks {words}", w[2], w[3]),
                        );
                    }
                    if w[0] == "lacks" && (text.is_none() || has) {
                        fail(line, format!("{} in {}: {text:?} says {words}", w[2], w[3]));
                    }
                }
            }
            // Why a report's field got its verdict, in a language: `reason
            // PART FIELD LANG WORDS…` (the first row's, for a table);
            // `reason-lacks` the same, for words it must not say.
            "reason" | "reason-lacks" => {
                if let Some(p) = part(line, &w[1], &mut fail) {
                    let tr = Localizer::new(Lang::parse(&w[3]).expect("a language code"));
                    let fields = p.rows.first().filter(|_| p.fields.is_empty());
                    let text = fields
                        .map_or(&p.fields[..], Vec::as_slice)
                        .iter()
                        .find(|f| f.name.id() == w[2])
                        .and_then(|f| f.reason.as_ref())
                        .map(|r| tr.reason_text_in(p.kind, r));
                    let words = w[4..].join(" ");
                    let says = text.as_deref().is_some_and(|t| t.contains(&words));
                    if text.is_none() || says != (w[0] == "reason") {
                        fail(
                            line,
                            format!("{} {} in {}: {text:?}, {words}", w[0], w[2], w[3]),
                        );
                    }
                }
            }
            // The same for a row of a table: `row-reason PART ROW FIELD
            // LANG WORDS…` (rows counted from 1, as `row`).
            "row-reason" | "row-reason-lacks" => {
                if let Some(p) = part(line, &w[1], &mut fail) {
                    let tr = Localizer::new(Lang::parse(&w[4]).expect("a language code"));
                    let r: usize = w[2].parse().unwrap();
                    let text = p
                        .rows
                        .get(r - 1)
                        .and_then(|row| row.iter().find(|f| f.name.id() == w[3]))
                        .and_then(|f| f.reason.as_ref())
                        .map(|r| tr.reason_text_in(p.kind, r));
                    let words = w[5..].join(" ");
                    let says = text.as_deref().is_some_and(|t| t.contains(&words));
                    if text.is_none() || says != (w[0] == "row-reason") {
                        fail(
                            line,
                            format!("{} row {r} {} in {}: {text:?}, {words}", w[0], w[3], w[4]),
                        );
                    }
                }
            }
            // What a field of the report means, in a language: `meaning
            // PART FIELD LANG WORDS…` (`meaning-lacks`: words it must not
            // say). The meaning is the report's, whatever the value.
            "meaning" | "meaning-lacks" => {
                if let Some(p) = part(line, &w[1], &mut fail) {
                    let tr = Localizer::new(Lang::parse(&w[3]).expect("a language code"));
                    let shown = p.fields.iter().any(|f| f.name.id() == w[2]);
                    let text = tr.field_meaning(p.kind, &w[2]);
                    let words = w[4..].join(" ");
                    if !shown || text.contains(&words) != (w[0] == "meaning") {
                        fail(
                            line,
                            format!("{} {} in {}: {text:?}, {words}", w[0], w[2], w[3]),
                        );
                    }
                }
            }
            "encode" | "source" | "session" | "csv-m" | "each-release" | "error" => {}
            other => panic!("{}:{line}: unknown directive {other}", e.name),
        }
    }
    bad
}

/// The inputs of one expect file: (label, bytes).
fn inputs(e: &Expect, path: &Path) -> Vec<(String, Vec<u8>)> {
    let how = e
        .directive("encode")
        .map(<[String]>::to_vec)
        .unwrap_or_default();
    if let Some(words) = e.directive("session") {
        // An interactive chronyc session over each release's captures, as
        // the terminal shows it, and the same with CRLF line ends.
        let (dir, commands) = (&words[0], &words[1..]);
        let mut out = Vec::new();
        for release in ["4.0", "4.3", "4.6.1", "4.9"] {
            let d = data().join(dir.replace("RELEASE", release));
            let mut text = String::new();
            for c in commands {
                text.push_str(&format!("chronyc> {c}\n"));
                text.push_str(&std::fs::read_to_string(d.join(format!("{c}.txt"))).unwrap());
            }
            text.push_str("chronyc> ");
            out.push((format!("chrony {release}"), encode(&text, &how)));
            let crlf = [how.clone(), vec!["crlf".to_string()]].concat();
            out.push((format!("chrony {release}, CRLF"), encode(&text, &crlf)));
        }
        return out;
    }
    if let Some(words) = e.directive("csv-m") {
        // `chronyc -c -m CMD…` of each release: the reports' CSV rows one
        // after another, no header (each release's captures of one lab).
        let (dir, commands) = (&words[0], &words[1..]);
        return ["4.0", "4.3", "4.6.1", "4.9"]
            .iter()
            .map(|release| {
                let d = data().join(dir.replace("RELEASE", release));
                let text: String = commands
                    .iter()
                    .map(|c| std::fs::read_to_string(d.join(format!("{c}.csv"))).unwrap())
                    .collect();
                (format!("chrony {release}"), encode(&text, &how))
            })
            .collect();
    }
    if let Some(words) = e.directive("each-release") {
        // One capture of each release, the same situation on each
        // (`each-release explain/captures/RELEASE/lab/file.txt`).
        return ["4.0", "4.3", "4.6.1", "4.9"]
            .iter()
            .map(|release| {
                let path = data().join(words[0].replace("RELEASE", release));
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|err| panic!("{}: {err}", path.display()));
                (format!("chrony {release}"), encode(&text, &how))
            })
            .collect();
    }
    let file = match e.directive("source") {
        Some(s) => data().join(&s[0]),
        None => path.with_extension("txt"),
    };
    let bytes = std::fs::read(&file).unwrap();
    let bytes = match String::from_utf8(bytes.clone()) {
        Ok(text) if !how.is_empty() => encode(&text, &how),
        _ => bytes,
    };
    vec![(how.join("+"), bytes)]
}

#[test]
fn pastes_are_read_as_their_manuals_say() {
    let dir = data().join("explain/pastes");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "expect"))
        .collect();
    files.sort();
    assert!(files.len() >= 10, "{} expect files", files.len());
    let mut bad = Vec::new();
    for path in &files {
        let e = Expect::read(path);
        for (label, bytes) in inputs(&e, path) {
            let got = decode(&bytes).and_then(|text| explain_all(&text));
            bad.extend(check(&e, &label, got));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// A Cisco switch following a lab server that serves its own clock
/// (127.127.1.1): `show ntp status` says "synchronized", and the reading
/// says to what, never "nothing to fix" under its own warning; and with
/// one server it asks for the lab's other server, not for three.
#[test]
fn a_switch_synchronised_to_a_local_clock_is_not_told_nothing_to_fix() {
    let text = "\
Switch#show ntp associations

  address         ref clock       st   when   poll reach  delay  offset   disp
*~10.0.0.123      127.127.1.1     10     33     64   377  0.712  -0.215  1.923
 * sys.peer, # selected, + candidate, - outlyer, x falseticker, ~ configured

Switch#show ntp status
Clock is synchronized, stratum 11, reference is 10.0.0.123
";
    let parts = explain_all(text).unwrap();
    let findings = |lang| {
        let tr = Localizer::new(lang);
        parts
            .iter()
            .flat_map(|e| e.findings.iter().map(move |f| (e.kind, f)))
            .map(|(k, f)| (f.rule.id(), f.severity, tr.finding_text(k, f)))
            .collect::<Vec<_>>()
    };
    let en = findings(Lang::En);
    assert!(
        en.iter().any(|(r, _, _)| *r == "upstream-local-clock"),
        "{en:#?}"
    );
    let (_, severity, synced) = en
        .iter()
        .find(|(r, _, _)| *r == "synchronised")
        .expect("the status part's synchronised finding");
    assert_ne!(*severity, Status::Ok, "{synced}");
    assert!(
        !synced.contains("nothing to fix") && synced.contains("its own local clock"),
        "{synced}"
    );
    let zh = findings(Lang::ZhCn);
    let (_, _, synced) = zh.iter().find(|(r, _, _)| *r == "synchronised").unwrap();
    assert!(
        !synced.contains("无需处理") && synced.contains("本地时钟"),
        "{synced}"
    );
    // One lab server: the device's other one of a pair, not "three".
    let (_, _, single) = en
        .iter()
        .find(|(r, _, _)| *r == "single-source")
        .expect("one server");
    assert!(
        !single.contains("at least three") && single.contains("pair"),
        "{single}"
    );
}
