//! Explain: every fixture is recognised as its kind, every field's value
//! and verdict matches its golden file (written by hand-checked runs), the
//! catalogue covers every field in both languages, real chronyc output is
//! explained without unknown fields, and garbage is refused cleanly. The
//! two languages: `explain_languages`.

mod cases;
mod coverage;
mod fixtures;
mod real_chronyc;

use std::path::{Path, PathBuf};

use stratum::core::explain::Explained;

pub(crate) fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/explain")
}

fn render(e: &Explained) -> String {
    let f = |x: &stratum::core::explain::Field| {
        format!(
            "{} = {:?} [{}{}]",
            x.name,
            x.raw,
            x.status.as_str(),
            x.reason
                .as_ref()
                .map(|r| format!(" {}", r.id))
                .unwrap_or_default()
        )
    };
    let mut out = format!("kind: {}\n", e.kind_name());
    for x in &e.fields {
        out.push_str(&format!("{}\n", f(x)));
    }
    for (i, row) in e.rows.iter().enumerate() {
        out.push_str(&format!("row {}\n", i + 1));
        for x in row {
            out.push_str(&format!("  {}\n", f(x)));
        }
    }
    for x in &e.findings {
        out.push_str(&format!("finding: {} [{}]\n", x.rule, x.severity.as_str()));
    }
    out
}

pub(crate) fn fixtures() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    v
}

/// Every output file the tests hold: the explain fixtures and the outputs
/// captured from real chrony labs (tests/data/labs).
pub(crate) fn corpus() -> Vec<PathBuf> {
    let mut v = fixtures();
    let labs = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/labs");
    let mut stack = vec![labs];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                v.push(p);
            }
        }
    }
    v.sort();
    v
}
