//! Explain in both languages: the JSON has the documented shape in each,
//! a verdict is the same whatever the language it is said in, and the
//! Chinese texts read as Chinese.

use std::path::Path;

use super::explain::{corpus, dir, fixtures};
use crate::common;
use stratum::core::explain::explain;
use stratum::i18n::{Lang, Localizer};

#[test]
fn json_has_the_documented_shape_in_both_languages() {
    let f = dir().join("chronyc-sources-seed004.txt");
    for lang in ["en", "zh-CN"] {
        let out = common::stratum()
            .args(["explain", "--format", "json", "--lang", lang])
            .arg(&f)
            .output()
            .unwrap();
        assert!(out.status.success());
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["kind"], "chronyc-sources");
        let cell = &v["rows"][0][1];
        for k in ["name", "raw", "meaning", "status"] {
            assert!(cell.get(k).is_some(), "{k} missing: {cell}");
        }
        assert_eq!(cell["raw"], "*");
        assert_eq!(cell["status"], "ok");
        let findings = v["findings"].as_array().unwrap();
        assert!(findings.iter().all(|f| f.get("rule").is_some()
            && f.get("severity").is_some()
            && f.get("message").is_some()));
        if lang == "zh-CN" {
            assert!(cell["meaning"].as_str().unwrap().contains("源状态"));
        }
    }
}

/// A verdict never depends on the language it is said in: `stratum
/// explain --format json` of every fixture and paste gives, in English
/// and in Chinese, the same exit status, the same findings (rule and
/// severity, in order) and the same status of every field.
#[test]
fn verdicts_are_the_same_in_every_language() {
    use serde_json::Value;
    fn verdicts(v: &Value) -> Value {
        match v {
            Value::Array(parts) => Value::Array(parts.iter().map(verdicts).collect()),
            _ => {
                let statuses = |cells: &Value| -> Value {
                    cells
                        .as_array()
                        .map(|a| a.iter().map(|f| f["status"].clone()).collect())
                        .unwrap_or_default()
                };
                serde_json::json!({
                    "kind": v["kind"],
                    "fields": statuses(&v["fields"]),
                    "rows": v["rows"].as_array().map(|rows| rows.iter().map(statuses).collect::<Vec<_>>()),
                    "findings": v["findings"].as_array().map(|f| f.iter()
                        .map(|x| (x["rule"].clone(), x["severity"].clone()))
                        .collect::<Vec<_>>()),
                })
            }
        }
    }
    let mut files = fixtures();
    files.extend(
        std::fs::read_dir(dir().join("pastes"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt")),
    );
    let run = |f: &Path, lang: &str| {
        let out = common::stratum()
            .args(["explain", "--format", "json", "--lang", lang])
            .arg(f)
            .output()
            .unwrap();
        let v = serde_json::from_slice::<Value>(&out.stdout).map(|v| verdicts(&v));
        (out.status.code(), v.ok())
    };
    let results: Vec<(bool, Option<String>)> = std::thread::scope(|s| {
        let chunks: Vec<_> = files
            .chunks(files.len().div_ceil(4).max(1))
            .map(|chunk| {
                s.spawn(move || {
                    chunk
                        .iter()
                        .map(|f| {
                            let (en, zh) = (run(f, "en"), run(f, "zh-CN"));
                            let read = en.1.is_some();
                            (
                                read,
                                (en != zh)
                                    .then(|| format!("{}: en {en:?}, zh-CN {zh:?}", f.display())),
                            )
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        chunks.into_iter().flat_map(|h| h.join().unwrap()).collect()
    });
    // Compared as read: most inputs give a report (a few are errors).
    let read = results.iter().filter(|(read, _)| *read).count();
    assert!(read > 200, "{read} of {} inputs read", files.len());
    let bad: Vec<String> = results.into_iter().filter_map(|(_, d)| d).collect();
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// What `stratum explain --lang zh-CN` prints for every corpus file joins
/// and ends Chinese sentences with full-width punctuation, and holds no
/// unreplaced placeholder.
#[test]
fn chinese_explanations_of_every_corpus_file_read_as_chinese() {
    let tr = Localizer::new(Lang::ZhCn);
    let mut bad = Vec::new();
    for p in corpus() {
        let Ok(e) = explain(&std::fs::read_to_string(&p).unwrap()) else {
            continue;
        };
        let mut texts: Vec<String> = e
            .findings
            .iter()
            .map(|f| tr.finding_text(e.kind, f))
            .collect();
        for f in e.fields.iter().chain(e.rows.iter().flatten()) {
            let meaning = tr.field_meaning(e.kind, f.name.id());
            match &f.reason {
                Some(r) => {
                    texts.push(tr.reason_and_meaning(&tr.reason_text_in(e.kind, r), &meaning))
                }
                None => texts.push(meaning),
            }
        }
        texts.push(tr.kind_title(e.kind, e.csv));
        for t in texts {
            let chars: Vec<char> = t.chars().collect();
            let han = |c: Option<&char>| {
                c.is_some_and(|c| matches!(*c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF))
            };
            let wrong = chars.windows(2).enumerate().any(|(i, w)| {
                matches!(w[0], '.' | ',' | ';' | ':')
                    && han(i.checked_sub(1).and_then(|j| chars.get(j)))
                    && (w[1] == ' ' || han(Some(&w[1])))
            });
            if wrong || t.contains("{$") || t.contains("{ $") {
                bad.push(format!("{}: {t}", p.display()));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
