//! The document model is lossless: every config in tests/data renders back
//! byte for byte, render∘parse is the identity on any input, and edits
//! leave every line they do not concern untouched.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use stratum::core::conf::lint::{LintOptions, Severity, lint};
use stratum::core::conf::{
    Access, AccessScope, ChronyVersion, Directive, Document, LineEnding, Local, Source, SourceKind,
    parse_user_source, parse_user_subnet,
};

fn data_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            data_files(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[test]
fn every_corpus_file_renders_back_byte_identical() {
    let mut files = Vec::new();
    data_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data"),
        &mut files,
    );
    let confs = files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "conf"))
        .count();
    assert!(confs >= 100, "corpus has {confs} configs");
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        let doc = Document::parse(&bytes);
        assert!(doc.render() == bytes, "{} does not round-trip", f.display());
    }
    // The corpus covers the line-ending and spacing cases it claims to.
    let all: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    assert!(all.iter().any(|b| b.windows(2).any(|w| w == b"\r\n")));
    assert!(all.iter().any(|b| b.contains(&b'\t')));
    assert!(all.iter().any(|b| !b.is_empty() && !b.ends_with(b"\n")));
    assert!(all.iter().any(|b| std::str::from_utf8(b).is_err()));
}

fn read(name: &str) -> Document {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/roundtrip")
        .join(name);
    Document::parse(std::fs::read(p).unwrap())
}

fn lint43(doc: &Document) -> Vec<(&'static str, Severity, Option<usize>)> {
    // By id, as the lint texts are keyed.
    let opts = LintOptions {
        version: ChronyVersion::new(4, 3),
        path_exists: None,
        resolves: None,
        ..Default::default()
    };
    lint(doc, &opts)
        .into_iter()
        .map(|d| (d.rule.id(), d.severity, d.line))
        .collect()
}

#[test]
fn seed_configs_are_read_as_chrony_reads_them() {
    let doc = read("seed004-primary.conf");
    let hosts: Vec<_> = doc
        .sources()
        .map(|(_, s)| (s.kind, s.host.clone()))
        .collect();
    assert_eq!(
        hosts[..3],
        [
            (SourceKind::Server, "ntp.cloud.aliyuncs.com".to_string()),
            (SourceKind::Server, "ntp1.aliyun.com".to_string()),
            (SourceKind::Server, "ntp2.aliyun.com".to_string()),
        ]
    );
    assert_eq!(doc.local().unwrap().1.stratum(), 8);
    let diags = lint43(&doc);
    // The placeholders the blog post left in are refused by chronyd, and
    // named as placeholders to fill in.
    let errors: Vec<_> = diags.iter().filter(|d| d.1 == Severity::Error).collect();
    assert_eq!(errors.len(), 3, "{diags:?}");
    assert!(errors.iter().all(|d| d.0 == "placeholder"), "{errors:?}");

    // Seed 001: the lab server that served stratum 0 until `local` was added.
    let mut doc = Document::parse("allow 10.20.0.0/16\nserver 192.168.0.5 iburst\nmakestep 1 3\n");
    assert!(lint43(&doc).iter().any(|d| d.0 == "no-local-stratum"));
    doc.set_local(Some(&Local::new(10, true, Some(0.1))));
    assert!(!lint43(&doc).iter().any(|d| d.0 == "no-local-stratum"));
    assert!(
        doc.render_lossy()
            .contains("local stratum 10 orphan distance 0.1\n")
    );

    // Trailing comments round-trip but chronyd refuses them.
    let doc = read("odd-trailing-comments.conf");
    let trailing = lint43(&doc)
        .iter()
        .filter(|d| d.0 == "trailing-comment")
        .count();
    assert_eq!(trailing, 4);

    let doc = read("debian12-default.conf");
    assert!(lint43(&doc).iter().all(|d| d.1 != Severity::Error));
    // `driftfile FILE [interval N]` (chrony.conf(5)): the file is its
    // first word, whatever follows it.
    let drift = match doc.last_directive("driftfile").map(|(_, d)| d) {
        Some(Directive::Other { args, .. }) => args.first().cloned(),
        _ => None,
    };
    assert_eq!(drift.as_deref(), Some("/var/lib/chrony/chrony.drift"));
}

// ---- property tests ----

fn ws() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(vec![" ", "\t", "  "]), 1..3)
        .prop_map(|v| v.concat())
}

fn line_text() -> impl Strategy<Value = String> {
    prop_oneof![
        // comments of every style, with any text
        (
            prop::sample::select(vec!["#", "!", ";", "%"]),
            "[^\r\n]{0,30}"
        )
            .prop_map(|(c, t)| format!("{c}{t}")),
        // blank or white space only
        prop::sample::select(vec!["", " ", "\t", "  \t "]).prop_map(String::from),
        // directives with odd spacing
        (
            ws(),
            prop::sample::select(vec!["server", "pool", "peer", "SERVER"]),
            ws(),
            prop::sample::select(vec!["10.0.0.1", "10.0.0.2", "ntp.lab", "a.example"]),
            prop::sample::select(vec![
                "",
                " iburst",
                "\tiburst prefer",
                " minpoll 4 maxpoll 6"
            ])
        )
            .prop_map(|(a, d, b, h, o)| format!("{a}{d}{b}{h}{o}")),
        (
            prop::sample::select(vec!["allow", "deny", "cmdallow"]),
            prop::sample::select(vec!["", " 10.0.0.0/24", " all", " 192.168", " 10.0.0.0/33"])
        )
            .prop_map(|(d, n)| format!("{d}{n}")),
        prop::sample::select(vec![
            "local stratum 10",
            "local stratum 8 orphan",
            "local",
            "makestep 1 3",
            "rtcsync",
            "driftfile /var/lib/chrony/drift",
            "allow 10.0.0.0/24 # lab",
            "frobnicate 3"
        ])
        .prop_map(String::from),
        // anything at all on one line
        "[^\r\n]{0,40}",
    ]
}

fn document_text() -> impl Strategy<Value = String> {
    (
        prop::collection::vec((line_text(), prop::bool::ANY), 0..14),
        prop::bool::ANY,
    )
        .prop_map(|(lines, final_newline)| {
            let mut out = String::new();
            let n = lines.len();
            for (i, (l, crlf)) in lines.into_iter().enumerate() {
                out.push_str(&l);
                if i + 1 < n || final_newline {
                    out.push_str(if crlf { "\r\n" } else { "\n" });
                }
            }
            out
        })
}

#[derive(Debug, Clone)]
enum EditOp {
    AddSource(SourceKind, String),
    RemoveSource(String),
    AddAccess(bool, String),
    SetLocal(Option<(u8, bool)>),
}

fn edit_op() -> impl Strategy<Value = EditOp> {
    let host = prop::sample::select(vec!["10.0.0.1", "10.0.0.9", "ntp.lab", "time.example.com"]);
    prop_oneof![
        (
            prop::sample::select(vec![SourceKind::Server, SourceKind::Pool, SourceKind::Peer]),
            host.clone(),
            prop::sample::select(vec!["", " iburst", " iburst minpoll 4"])
        )
            .prop_map(|(k, h, o)| EditOp::AddSource(k, format!("{h}{o}"))),
        host.prop_map(|h| EditOp::RemoveSource(h.to_string())),
        (
            prop::bool::ANY,
            prop::sample::select(vec!["10.0.0.0/24", "192.168.1", "fd00::/64", "all"])
        )
            .prop_map(|(a, n)| EditOp::AddAccess(a, n.to_string())),
        prop::option::of((1u8..=15, prop::bool::ANY)).prop_map(EditOp::SetLocal),
    ]
}

/// Whether an (old or new) line is one the edit may touch.
fn concerned(op: &EditOp, d: Option<&Directive>) -> bool {
    match (op, d) {
        (EditOp::AddSource(k, t), Some(Directive::Source(s))) => {
            let host = t.split_whitespace().next().unwrap();
            s.kind == *k && s.host.eq_ignore_ascii_case(host)
        }
        (EditOp::RemoveSource(h), Some(Directive::Source(s))) => s.host.eq_ignore_ascii_case(h),
        (EditOp::AddAccess(allow, n), Some(Directive::Access(a))) => {
            a.scope == AccessScope::Ntp
                && a.allow == *allow
                && a.target == parse_user_subnet(n).unwrap()
        }
        (EditOp::SetLocal(_), Some(Directive::Local(_))) => true,
        _ => false,
    }
}

fn apply(doc: &mut Document, op: &EditOp) {
    match op {
        EditOp::AddSource(k, t) => {
            doc.add_source(&parse_user_source(*k, t).unwrap());
        }
        EditOp::RemoveSource(h) => {
            doc.remove_source(h);
        }
        EditOp::AddAccess(allow, n) => {
            let a = Access {
                scope: AccessScope::Ntp,
                allow: *allow,
                all: false,
                target: parse_user_subnet(n).unwrap(),
            };
            doc.add_access(&a);
        }
        EditOp::SetLocal(l) => {
            doc.set_local(l.map(|(s, o)| Local::new(s, o, None)).as_ref());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn render_parse_is_identity_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let doc = Document::parse(&bytes);
        prop_assert_eq!(doc.render(), bytes);
    }

    #[test]
    fn render_parse_is_identity_on_config_like_text(text in document_text()) {
        let doc = Document::parse(&text);
        prop_assert_eq!(doc.render_lossy(), text.clone());
        prop_assert_eq!(Document::parse(doc.render()), doc);
    }

    #[test]
    fn edits_keep_untouched_lines_identical(text in document_text(), ops in prop::collection::vec(edit_op(), 1..4)) {
        let mut doc = Document::parse(&text);
        for op in &ops {
            let before = doc.clone();
            apply(&mut doc, op);
            // Lines the edit does not concern, with their endings; the
            // last line's ending may change when a line is appended after
            // it, so it is not compared.
            let keep = |d: &Document| -> Vec<(Vec<u8>, Option<LineEnding>)> {
                let n = d.len();
                d.lines().iter().enumerate()
                    .filter(|(_, l)| !concerned(op, l.parsed()))
                    .map(|(i, l)| (l.content().to_vec(), (i + 1 < n).then(|| l.ending())))
                    .collect()
            };
            let (kb, ka) = (keep(&before), keep(&doc));
            prop_assert_eq!(kb.len(), ka.len(), "edit {:?} added or removed other lines", op);
            for (b, a) in kb.iter().zip(&ka) {
                prop_assert_eq!(&b.0, &a.0, "edit {:?} changed a line it does not concern", op);
                if let (Some(eb), Some(ea)) = (b.1, a.1) {
                    prop_assert_eq!(eb, ea, "edit {:?} changed a line ending", op);
                }
            }
            // The edit did what it says.
            match op {
                EditOp::AddSource(k, t) => {
                    let want: Source = parse_user_source(*k, t).unwrap();
                    prop_assert!(doc.sources().any(|(_, s)| *s == want));
                }
                EditOp::RemoveSource(h) => prop_assert!(!doc.sources().any(|(_, s)| s.host.eq_ignore_ascii_case(h))),
                EditOp::AddAccess(allow, n) => {
                    let target = parse_user_subnet(n).unwrap();
                    prop_assert!(doc.access_rules(AccessScope::Ntp).any(|(_, a)| a.allow == *allow && a.target == target));
                }
                EditOp::SetLocal(l) => {
                    let locals = doc.directives().filter(|(_, d)| matches!(d, Directive::Local(_))).count();
                    match l {
                        None => prop_assert_eq!(locals, 0),
                        Some((s, o)) => {
                            prop_assert_eq!(locals, 1);
                            let cur = doc.local().unwrap().1;
                            prop_assert_eq!((cur.stratum(), cur.orphan()), (i64::from(*s), *o));
                        }
                    }
                }
            }
            // The edited document is itself lossless.
            prop_assert_eq!(Document::parse(doc.render()).render(), doc.render());
        }
    }
}
