//! The window's words: every message the window shows, in both languages,
//! rendered as the code fills it (the Localizer keeps what it renders while
//! the test drives the window through every panel and state: live on a lab
//! of each chrony release, then every export, setup, error, lint rule,
//! explanation, alarm and file note), names no command-line flag and leaves
//! no placeholder unfilled. Every message id the window's code names is
//! among them, so a new text cannot slip past.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use stratum::i18n::{Lang, Rendered, record_renders, take_renders};

use super::window::{RichLab, offline};
use super::{forms, tour};
use crate::common;

/// The `--word` flags a text names (after a space, a bracket or a quote:
/// an em dash or `a--b` is no flag).
pub fn flags(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for i in 0..chars.len().saturating_sub(2) {
        let starts = i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '-');
        if starts && chars[i] == '-' && chars[i + 1] == '-' && chars[i + 2].is_ascii_lowercase() {
            let word: String = chars[i..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == '-')
                .collect();
            out.push(word);
        }
    }
    out
}

/// What is wrong with a rendered text, if anything.
fn problem(r: &Rendered) -> Option<String> {
    if r.text == r.id {
        return Some("no such message".into());
    }
    if r.text.contains("{$") || r.text.contains("{ $") {
        return Some("a placeholder left unfilled".into());
    }
    let f = flags(&r.text);
    (!f.is_empty()).then(|| format!("names the flag {}", f.join(" ")))
}

/// Every message id the window's code names as a literal (those the
/// catalogue has: widget ids and field names are not messages).
fn ids_in_window_code() -> BTreeSet<String> {
    let en = stratum::i18n::Localizer::new(Lang::En);
    let mut out = BTreeSet::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src/gui")];
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            stack.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        let text = std::fs::read_to_string(&p).unwrap();
        for part in text.split('"').skip(1).step_by(2) {
            if part.contains('-')
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                && en.has(part)
            {
                out.insert(part.to_string());
            }
        }
    }
    // Said on the terminal when no window can open (it names `stratum
    // --help`, which is right there).
    out.remove("gui-cannot-open");
    // Shown when the desktop's file dialog closes with no choice: there is
    // no desktop portal under test.
    out.remove("gui-browse-nothing");
    // A table with a header and no row: no report the window reads comes
    // without rows today (an empty report is not explained).
    out.remove("gui-no-rows");
    out
}

#[test]
fn every_message_the_window_shows_is_filled_and_names_no_flag() {
    let releases = common::releases();
    if releases.is_empty() {
        return;
    }
    record_renders();
    let mut snapshot = None;
    for release in &releases {
        let lab = RichLab::start(release);
        snapshot = Some(lab.helper.snapshot());
        for lang in Lang::ALL {
            tour::live_panels(&lab, lang);
        }
    }
    let snapshot = snapshot.unwrap();
    for lang in Lang::ALL {
        let mut h = offline(lang);
        stratum::gui::help::set_open(&h.ctx, true);
        tour::states(&mut h, &snapshot);
        forms::exports(&mut h);
        forms::setups(&mut h);
        forms::editing(&mut h);
        super::plain_words::drive(&mut h);
    }
    let rendered = take_renders();
    // Each text once, with the ids it came from.
    let mut bad: BTreeMap<String, String> = BTreeMap::new();
    let mut seen: std::collections::HashMap<Lang, BTreeSet<String>> = Default::default();
    for r in &rendered {
        seen.entry(r.lang).or_default().insert(r.id.clone());
        if let Some(p) = problem(r) {
            bad.entry(format!("{} {}: {p}", r.lang.code(), r.id))
                .or_insert_with(|| r.text.clone());
        }
    }
    assert!(
        bad.is_empty(),
        "{} texts the window shows are not fit for it:\n{}",
        bad.len(),
        bad.iter()
            .map(|(k, v)| format!("{k}\n    “{v}”"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    for lang in Lang::ALL {
        let seen = &seen[&lang];
        let missing: Vec<_> = ids_in_window_code()
            .into_iter()
            .filter(|id| !seen.contains(id))
            .collect();
        assert!(
            missing.is_empty(),
            "{}: messages the window's code names but the test never saw rendered \
             (drive the window to them): {missing:?}",
            lang.code()
        );
    }
    assert!(rendered.len() > 10_000, "only {} renders", rendered.len());
}

#[test]
fn a_flag_or_an_unfilled_placeholder_is_found() {
    assert_eq!(
        flags("use --to chrony-client or --server"),
        ["--to", "--server"]
    );
    assert_eq!(flags("(stratum --help)"), ["--help"]);
    assert!(flags("a — b, 10--20, “-” and ---").is_empty());
    // The text the issue saw: the command line's, in the window.
    let cli = stratum::i18n::Localizer::new(Lang::En);
    record_renders();
    cli.tr("export-server-not-used");
    let r = take_renders();
    let p = problem(&r[0]).expect("a problem");
    assert!(p.contains("placeholder"), "{p}");
    let filled = cli.tr_args("export-server-not-used", &[("format", "ntp")]);
    assert_eq!(flags(&filled), ["--server", "--to", "--to"]);
    // The window's words for the same case name a field instead.
    let window = stratum::i18n::Localizer::window(Lang::En);
    let text = window.tr_args("export-server-not-used", &[("format", "ntp")]);
    assert!(flags(&text).is_empty(), "{text}");
}
