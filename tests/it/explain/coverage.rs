//! The catalogue: every field, reason and finding in both languages, every
//! reader's field name known, every flagged value over every corpus file
//! given a finding.

use std::collections::BTreeSet;

use stratum::core::explain::{FieldId, Rule, Why, catalogue, explain};
use stratum::i18n::{Lang, Localizer};

use super::*;

#[test]
fn catalogue_has_every_field_reason_and_finding_in_both_languages() {
    for lang in Lang::ALL {
        let tr = Localizer::new(lang);
        let mut names = BTreeSet::new();
        for (_, fields) in catalogue() {
            names.extend(fields.iter().copied());
        }
        for n in names {
            assert!(tr.has(&format!("field-{n}")), "{}: field-{n}", lang.code());
        }
        for r in Why::ALL {
            assert!(tr.has(&format!("why-{r}")), "{}: why-{r}", lang.code());
        }
        for f in Rule::ALL {
            assert!(
                tr.has(&format!("finding-{f}")),
                "{}: finding-{f}",
                lang.code()
            );
        }
    }
    // Every field a fixture produced is in its kind's catalogue.
    for p in fixtures() {
        let e = explain(&std::fs::read_to_string(&p).unwrap()).unwrap();
        let known: Vec<&str> = catalogue()
            .into_iter()
            .filter(|(k, _)| *k == e.kind)
            .flat_map(|(_, f)| f.iter().copied())
            .collect();
        for f in e.fields.iter().chain(e.rows.iter().flatten()) {
            assert!(
                known.contains(&f.name.id()),
                "{}: {} not in the catalogue of {}",
                p.display(),
                f.name,
                e.kind.name()
            );
        }
    }
}

/// The rule of explain, over every corpus file: a value marked warn or bad
/// always comes with a finding that accounts for it (its cause and fix).
#[test]
fn every_flagged_value_has_a_finding_over_every_corpus() {
    let mut bad = Vec::new();
    let files = corpus();
    assert!(
        files
            .iter()
            .filter(|p| p.to_string_lossy().contains("/labs/"))
            .count()
            >= 100,
        "the captured lab outputs are missing"
    );
    for p in files {
        let e = match explain(&std::fs::read_to_string(&p).unwrap()) {
            Ok(e) => e,
            // Every output captured from a real chronyd is read.
            Err(err) => {
                bad.push(format!("{}: {err}", p.display()));
                continue;
            }
        };
        for f in e.fields.iter().chain(e.rows.iter().flatten()) {
            if !matches!(
                f.status,
                stratum::core::explain::Status::Warn | stratum::core::explain::Status::Bad
            ) {
                continue;
            }
            let Some(r) = &f.reason else {
                bad.push(format!(
                    "{}: {} = {:?} flagged without a reason",
                    p.display(),
                    f.name,
                    f.raw
                ));
                continue;
            };
            let rules = r.id.rules();
            if !e.findings.iter().any(|x| rules.contains(&x.rule)) {
                bad.push(format!(
                    "{}: {} = {:?} [{}] has no finding",
                    p.display(),
                    f.name,
                    f.raw,
                    r.id
                ));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// Every name a reader gives a field is one the rules can match on (a new
/// column needs its FieldId variant, and its texts).
#[test]
fn every_reader_name_is_a_field_id() {
    for (kind, names) in catalogue() {
        for n in names {
            let id = FieldId::of(n);
            assert!(
                !matches!(id, FieldId::Other(_)),
                "{}: {n} has no FieldId",
                kind.name()
            );
            assert_eq!(id.id(), *n);
        }
    }
    for id in FieldId::ALL {
        assert_eq!(FieldId::of(id.id()), *id);
    }
}
