//! The page in Prometheus text format: families in name order, each with
//! its help and type, label values escaped, and a size cap.

use std::collections::BTreeMap;
use std::fmt::Write as _;

/// One metric family: help, type, samples (labels, value).
struct Family {
    help: &'static str,
    kind: &'static str,
    samples: Vec<(Vec<(&'static str, String)>, f64)>,
}

/// The `server` label every sample carries.
pub(super) fn server(s: &str) -> Vec<(&'static str, String)> {
    vec![("server", s.to_string())]
}

#[derive(Default)]
pub(crate) struct Page {
    families: BTreeMap<&'static str, Family>,
}

impl Page {
    pub(crate) fn add(
        &mut self,
        name: &'static str,
        help: &'static str,
        kind: &'static str,
        labels: Vec<(&'static str, String)>,
        value: f64,
    ) {
        self.families
            .entry(name)
            .or_insert(Family {
                help,
                kind,
                samples: Vec::new(),
            })
            .samples
            .push((labels, value));
    }

    pub(super) fn render(&self, cap: usize) -> String {
        let mut out = String::new();
        let mut left_out = 0usize;
        for (name, f) in &self.families {
            let _ = writeln!(out, "# HELP {name} {}", f.help);
            let _ = writeln!(out, "# TYPE {name} {}", f.kind);
            for (labels, v) in &f.samples {
                if out.len() >= cap {
                    left_out += 1;
                    continue;
                }
                let l: Vec<String> = labels
                    .iter()
                    .map(|(k, v)| format!("{k}=\"{}\"", escape(v)))
                    .collect();
                let _ = writeln!(out, "{name}{{{}}} {}", l.join(","), number(*v));
            }
        }
        if left_out > 0 {
            let _ = writeln!(
                out,
                "# {left_out} samples left out: the page is capped at {cap} bytes"
            );
        }
        out
    }
}

/// A label value as the text format writes it; any other control
/// character (a name from a watched host or a remote helper) becomes
/// U+FFFD, never raw bytes on a scraper's screen or an escape it rejects.
fn escape(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for c in v.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c if crate::core::text::is_unsafe(c) => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

fn number(v: f64) -> String {
    if v.is_finite() {
        format!("{v}")
    } else if v.is_nan() {
        "NaN".into()
    } else if v > 0.0 {
        "+Inf".into()
    } else {
        "-Inf".into()
    }
}
