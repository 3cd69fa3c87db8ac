//! Every user-visible text exists in en and zh-CN: the Fluent files have the
//! same message ids, every lint rule and every CLI error has its message.

use std::collections::BTreeSet;
use std::path::Path;

use stratum::core::conf::lint::Rule;
use stratum::i18n::{Lang, Localizer, SOURCES, message_ids};

fn ids(lang: Lang) -> BTreeSet<String> {
    SOURCES
        .iter()
        .filter(|(l, _, _)| *l == lang)
        .flat_map(|(_, _, text)| message_ids(text))
        .collect()
}

#[test]
fn en_and_zh_cn_have_the_same_message_ids() {
    let (en, zh) = (ids(Lang::En), ids(Lang::ZhCn));
    let only_en: Vec<_> = en.difference(&zh).collect();
    let only_zh: Vec<_> = zh.difference(&en).collect();
    assert!(
        only_en.is_empty() && only_zh.is_empty(),
        "only en: {only_en:?}, only zh-CN: {only_zh:?}"
    );
    // Each file exists in both languages.
    let files = |lang| {
        SOURCES
            .iter()
            .filter(move |(l, _, _)| *l == lang)
            .map(|(_, f, _)| *f)
    };
    assert_eq!(
        files(Lang::En).collect::<Vec<_>>(),
        files(Lang::ZhCn).collect::<Vec<_>>()
    );
    // And the files on disk are the ones embedded.
    for lang in Lang::ALL {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("i18n")
            .join(lang.code());
        let on_disk = std::fs::read_dir(dir).unwrap().count();
        assert_eq!(
            on_disk,
            files(lang).count(),
            "{} has files that are not embedded",
            lang.code()
        );
    }
}

/// Chinese has no plural forms: CLDR gives it only the category "other",
/// so a `[one]` variant is never chosen and one source would read as many
/// ("都…原因相同"). A count of exactly one is written `[1]`.
#[test]
fn chinese_texts_choose_one_by_the_number_not_by_a_plural_category() {
    for (lang, file, text) in SOURCES.iter() {
        if *lang != Lang::ZhCn {
            continue;
        }
        for (n, line) in text.lines().enumerate() {
            for category in ["[zero]", "[one]", "[two]", "[few]", "[many]"] {
                assert!(
                    !line
                        .trim_start()
                        .trim_start_matches('*')
                        .starts_with(category),
                    "{file}:{}: {category} is never chosen in Chinese: {line}",
                    n + 1
                );
            }
        }
    }
}

#[test]
fn every_lint_rule_has_text_in_both_languages() {
    for lang in Lang::ALL {
        let tr = Localizer::new(lang);
        for rule in Rule::ALL {
            let sev = rule.severity();
            assert!(
                tr.has(&format!("lint-{rule}")),
                "{}: lint-{rule}",
                lang.code()
            );
            assert!(tr.has(&format!("severity-{}", sev.as_str())));
        }
    }
}

/// Message ids the code refers to as string literals ("cli-…", "helper-…").
#[test]
fn every_message_id_used_in_the_code_exists() {
    let en = ids(Lang::En);
    let mut used = BTreeSet::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            stack.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        let text = std::fs::read_to_string(&p).unwrap();
        for part in text.split('"').skip(1).step_by(2) {
            let is_id = ["cli-", "helper-", "export-", "bundle-", "status-", "gui-"]
                .iter()
                .any(|pre| part.starts_with(pre))
                && part.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
            if is_id {
                used.insert(part.to_string());
            }
        }
    }
    assert!(used.len() > 15, "found only {used:?}");
    let missing: Vec<_> = used
        .difference(&en)
        .filter(|id| stratum::ipc::ErrorCode::from_id(id).is_none())
        // Explain's field names are ids too (field-<name>).
        .filter(|id| !en.contains(&format!("field-{id}")))
        .collect();
    assert!(
        missing.is_empty(),
        "used in src but not in i18n: {missing:?}"
    );
}

#[test]
fn every_helper_error_code_has_text() {
    // The codes are an enum: every one the code can send is in ALL.
    for lang in Lang::ALL {
        let tr = Localizer::new(lang);
        for code in stratum::ipc::ErrorCode::ALL {
            assert!(
                tr.has(&format!("err-{code}")),
                "{}: err-{code}",
                lang.code()
            );
        }
    }
}

#[test]
fn every_export_note_has_text() {
    for lang in Lang::ALL {
        let tr = Localizer::new(lang);
        for id in stratum::core::export::NOTE_IDS
            .iter()
            .chain(stratum::core::export::COMMENT_IDS)
        {
            assert!(tr.has(id), "{}: {id}", lang.code());
        }
    }
}

/// Guided setup's question agrees in number: one dropped line is "it",
/// several are "they".
#[test]
fn the_dropped_lines_question_agrees_in_number() {
    let tr = Localizer::new(Lang::En);
    let one = tr.tr_args("gui-setup-drops", &[("count", "1")]);
    assert!(
        one.contains("this line of it is not in the setup: it would be dropped"),
        "{one}"
    );
    assert!(!one.contains("they"), "{one}");
    let three = tr.tr_args("gui-setup-drops", &[("count", "3")]);
    assert!(
        three.contains("these 3 lines of it are not in the setup: they would be dropped"),
        "{three}"
    );
}

/// An export note follows "note: " (export-note-line): it starts in lower
/// case as the others do, unless it starts with a product's name.
#[test]
fn export_notes_start_in_lower_case_after_note() {
    let names = [
        "Junos", "VRP", "NTS", "NTS-KE", "IOS", "NX-OS", "EOS", "RouterOS",
    ];
    let tr = Localizer::new(Lang::En);
    for id in stratum::core::export::NOTE_IDS {
        let text = tr.tr(id);
        let first = text.split([' ', ',', ':']).next().unwrap_or_default();
        assert!(
            names.contains(&first) || !first.starts_with(|c: char| c.is_ascii_uppercase()),
            "{id}: {text}"
        );
    }
}

/// No user-visible text is hard-coded in the app: every literal given to a
/// widget is a chrony keyword, an example value, or has no words.
#[test]
fn no_ui_string_is_hard_coded() {
    let allowed = [
        "iburst",
        "prefer",
        "noselect",
        "nts",
        "port",
        "minpoll",
        "maxpoll",
        "maxsources",
        "makestep",
        "rtcsync",
        "noclientlog",
        "log",
        "ratelimit",
        "measurements",
        "statistics",
        "tracking",
        "leapsectz",
        "stratumweight",
        "logdir",
        "ntp.example.org",
        "10.0.0.0/24",
        "10.0.0.2",
        "10.0.0.123 10.0.0.124",
        "Loopback0",
        "1:md5:secret",
        "chronyc sources -v",
        "offsets.csv",
        "plots.png",
        "/etc/chrony/chrony.conf",
        "Stratum",
        "English",
        "简体中文",
    ];
    let calls = [
        ".label(\"",
        "Button::new(\"",
        ".heading(\"",
        ".checkbox(",
        ".selectable_label(",
        ".selectable_value(",
        "hover_text(\"",
        "hint_text(\"",
        ".strong(\"",
        ".colored_label(",
        "RichText::new(\"",
        ".monospace(\"",
    ];
    let mut bad = Vec::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src/gui")];
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            stack.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        let text = std::fs::read_to_string(&p).unwrap();
        for call in calls {
            let mut rest = text.as_str();
            while let Some(i) = rest.find(call) {
                rest = &rest[i + call.len()..];
                // The first string literal of the call, if it is on the
                // same line and before the closing parenthesis.
                let line = rest.split('\n').next().unwrap_or("");
                let start = if call.ends_with('"') {
                    0
                } else {
                    let Some(q) = line.find('"') else { continue };
                    // A message id given to the translator is no literal text.
                    if line[..q].contains(')')
                        || line[..q].contains("t(")
                        || line[..q].contains("ta(")
                    {
                        continue;
                    }
                    q + 1
                };
                let lit: String = line[start..].chars().take_while(|c| *c != '"').collect();
                let wordy = lit.chars().any(|c| c.is_alphabetic());
                if wordy && !allowed.contains(&lit.as_str()) {
                    bad.push(format!("{}: {lit:?}", p.display()));
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "hard-coded UI text (put it in i18n/): {bad:#?}"
    );
}

/// Every message's text (`id = text` and its continuation lines), without
/// the Fluent placeables.
fn messages(lang: Lang) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for (l, _, text) in SOURCES {
        if *l != lang {
            continue;
        }
        for line in text.lines() {
            if line.starts_with('#') {
                continue;
            }
            if let Some((id, value)) = line.split_once(" = ")
                && !id.starts_with(' ')
            {
                out.push((id.trim().to_string(), value.to_string()));
            } else if line.starts_with(' ')
                && let Some(last) = out.last_mut()
            {
                last.1.push('\n');
                last.1.push_str(line.trim());
            }
        }
    }
    // Placeables and selectors are code, not prose.
    for (_, v) in &mut out {
        let mut plain = String::new();
        let mut depth = 0;
        for c in v.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ if depth == 0 => plain.push(c),
                _ => {}
            }
        }
        *v = plain;
    }
    out
}

#[test]
fn no_user_visible_text_names_an_internal_document() {
    for lang in Lang::ALL {
        for (id, text) in messages(lang) {
            let lower = text.to_lowercase();
            for bad in ["seed 0", "seed0", "示例 0", "示例0", "seeds/", "lab notes"] {
                assert!(
                    !lower.contains(bad),
                    "{}: {id} names “{bad}”: {text}",
                    lang.code()
                );
            }
        }
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x3000..=0x303F | 0xFF00..=0xFFEF)
}

#[test]
fn chinese_sentences_use_full_width_punctuation() {
    let mut bad = Vec::new();
    for (id, text) in messages(Lang::ZhCn) {
        let chars: Vec<char> = text.chars().collect();
        for (i, c) in chars.iter().enumerate() {
            if !",.;:?!()".contains(*c) {
                continue;
            }
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + 1).copied();
            // A Chinese character (not full-width punctuation, which may
            // precede a symbol such as chronyc's `?`).
            let cjk_before =
                before.is_some_and(|b| matches!(b as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF));
            let ends = after.is_none_or(|a| a == ' ' || a == '\n');
            // Punctuation that ends or joins Chinese text is full width
            // (。，；：？！（）); ASCII stays inside literals the user types or
            // reads as code (`ID:类型`, `.GPS.`, the `?` state symbol).
            let wrong = match c {
                ',' | ';' => cjk_before || after.is_some_and(is_cjk),
                '.' | ':' | '?' | '!' => cjk_before && ends,
                '(' => after.is_some_and(is_cjk),
                ')' => cjk_before,
                _ => false,
            };
            if wrong {
                bad.push(format!("{id}: “{c}” in {text}"));
                break;
            }
        }
    }
    assert!(
        bad.is_empty(),
        "{} zh-CN messages with ASCII punctuation:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

/// Every field the explanations produce has a human name in both languages
/// (the window shows it instead of the machine id).
#[test]
fn every_field_has_a_label_in_both_languages() {
    for lang in Lang::ALL {
        let tr = Localizer::new(lang);
        for id in ids(lang).iter().filter(|id| id.starts_with("field-")) {
            let label = format!("label-{}", &id["field-".len()..]);
            assert!(tr.has(&label), "{}: {label}", lang.code());
        }
    }
}
