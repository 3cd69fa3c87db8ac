//! Chinese all the way: the window in zh-CN on a real lab (each chrony
//! release) shows no English word on any panel, values included; the files
//! it makes for chrony speak Chinese, the ones for devices are ASCII.

use std::collections::BTreeSet;
use std::time::Duration;

use egui_kittest::kittest::{NodeT, Queryable};
use stratum::core::export::Format;
use stratum::gui::app::Panel;
use stratum::i18n::{Lang, SOURCES};

use super::window::{RichLab, live, offline, show, shown_texts, wait_until};
use crate::common;

/// The words of every message of `lang` (placeables left out). An English
/// term a Chinese text quotes with its gloss (`Not synchronised（未同步）`,
/// chronyc's own words explained) is not a word of that language.
fn vocabulary(lang: Lang) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (l, _, text) in SOURCES {
        if *l != lang {
            continue;
        }
        for line in text.lines().filter(|l| !l.trim_start().starts_with('#')) {
            let value = match line.split_once(" = ") {
                Some((id, v)) if !id.starts_with(' ') => v,
                _ => line,
            };
            out.extend(words(&without_glossed_terms(value)));
        }
    }
    out
}

/// The words of a text a person reads: whitespace-separated pieces that
/// are not addresses, paths, names or code (a dot, slash, colon, digit…),
/// split into runs of three or more ASCII letters, lower case.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .filter(|chunk| {
            !chunk.contains(|c: char| c.is_ascii_digit() || "/.:_=@#$[]{}<>|*+%~".contains(c))
        })
        .flat_map(|chunk| {
            chunk
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| w.len() >= 3)
                .map(str::to_ascii_lowercase)
                .collect::<Vec<_>>()
        })
        .collect()
}

fn without_glossed_terms(text: &str) -> String {
    let parts: Vec<&str> = text.split('（').collect();
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        // A gloss in Chinese follows: the ASCII words before it are the
        // term it explains.
        let glossed = parts.get(i + 1).is_some_and(|next| {
            next.split('）')
                .next()
                .is_some_and(|g| g.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)))
        });
        let keep = if glossed {
            part.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == ' ' || c == '/')
        } else {
            part
        };
        out.push_str(keep);
        out.push(' ');
    }
    out
}

/// Words only the English texts use: what a Chinese window must never
/// show (the words both languages share, such as chrony's keywords and the
/// names of tools, are left out).
fn english_only() -> BTreeSet<String> {
    let zh = vocabulary(Lang::ZhCn);
    vocabulary(Lang::En)
        .into_iter()
        .filter(|w| !zh.contains(w))
        .collect()
}

/// The texts shown that carry an English-only word, with the word.
fn english_in(texts: &[String], english: &BTreeSet<String>) -> Vec<(String, String)> {
    texts
        .iter()
        .flat_map(|t| {
            words(&without_glossed_terms(t))
                .into_iter()
                .filter(|w| english.contains(w))
                .map(move |w| (w, t.clone()))
        })
        .collect()
}

#[test]
fn english_words_are_found_and_data_is_not_taken_for_them() {
    let english = english_only();
    for w in ["synchronised", "normal", "reachable", "healthy"] {
        assert!(english.contains(w), "{w}");
    }
    for w in ["chronyd", "iburst", "orphan", "ntp"] {
        assert!(!english.contains(w), "{w}");
    }
    let shown = vec![
        "未同步".to_string(),
        "Not synchronised".to_string(),
        "/var/lib/chrony/healthy.drift".to_string(),
    ];
    let found = english_in(&shown, &english);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "Not synchronised");
}

#[test]
fn every_panel_in_chinese_on_a_live_lab_shows_no_english() {
    let english = english_only();
    for release in common::releases() {
        let lab = RichLab::start(&release);
        let mut h = live(Lang::ZhCn, &lab.helper.socket);
        wait_until(&mut h, Duration::from_secs(20), "the helper's data", &|a| {
            a.state
                .snapshot
                .as_ref()
                .is_some_and(|s| !s.clients.is_empty() && s.tracking.is_some())
        });
        stratum::gui::help::set_open(&h.ctx, true);
        let mut found = Vec::new();
        for p in Panel::ALL {
            show(&mut h, p);
            match p {
                Panel::Overview => {
                    for title in ["gui-serverstats", "gui-activity"] {
                        let t = h.state().state.t(title);
                        h.get_by_label(&t).click_accesskit();
                        h.run_steps(2);
                    }
                }
                Panel::Plots => wait_until(&mut h, Duration::from_secs(20), "history", &|a| {
                    a.state.history.values().any(|v| !v.is_empty())
                }),
                Panel::Statistics => {
                    wait_until(&mut h, Duration::from_secs(20), "statistics", &|a| {
                        a.state.stats.is_some()
                    })
                }
                _ => {}
            }
            h.run_steps(2);
            let texts = shown_texts(&h);
            assert!(texts.len() > 5, "{p:?}: {texts:?}");
            found.extend(
                english_in(&texts, &english)
                    .into_iter()
                    .map(|(w, t)| format!("{p:?}: “{w}” in “{t}”")),
            );
        }
        found.sort();
        found.dedup();
        assert!(
            found.is_empty(),
            "chrony {}: English in the Chinese window:\n{}",
            release.label,
            found.join("\n")
        );
    }
}

/// The files the window makes: chrony's speak the window's language
/// (chronyd reads comments as bytes), a switch's or firewall's are ASCII,
/// and the line under the preview says why their comments are English.
#[test]
fn chrony_files_speak_chinese_and_device_files_are_ascii() {
    let mut h = offline(Lang::ZhCn);
    show(&mut h, Panel::Export);
    let preview = h.state().state.t("gui-export-preview");
    let zh = stratum::i18n::Localizer::window(Lang::ZhCn);
    for format in Format::ALL {
        {
            let f = &mut h.state_mut().panels.export;
            f.format = format;
            f.servers = "10.0.0.123 10.0.0.124".into();
            f.source_interface = "Loopback0".into();
        }
        h.run_steps(2);
        let text = h
            .get_by_label(&preview)
            .accesskit_node()
            .value()
            .unwrap_or_default();
        assert!(text.contains("Stratum"), "{format}: {text}");
        let notice = zh.tr_args(
            "export-ascii-only",
            &[("format", zh.tr(&format.title_id()))],
        );
        let said = h.query_by_label(&notice).is_some();
        if format.ascii_only() {
            assert!(text.is_ascii(), "{format}: {text}");
            assert!(said, "{format}: no “{notice}”");
        } else {
            assert!(text.contains("由 Stratum 生成"), "{format}: {text}");
            assert!(!said, "{format}: “{notice}”");
            assert!(
                h.query_by_label_contains("只接受 ASCII").is_none(),
                "{format}"
            );
        }
    }
    // In English the comments are the window's language: nothing to say.
    let mut en = offline(Lang::En);
    show(&mut en, Panel::Export);
    en.state_mut().panels.export.format = Format::HuaweiVrp;
    en.state_mut().panels.export.servers = "10.0.0.123".into();
    en.run_steps(2);
    assert!(
        en.query_by_label_contains("ASCII characters only")
            .is_none()
    );
    // Guided setup's file starts with what it is, in Chinese.
    show(&mut h, Panel::Setup);
    assert!(
        h.query_by_label_contains("# 隔离的实验服务器：向实验环境提供自己的时钟。")
            .is_some()
    );
}

/// Every character of the Chinese texts has a glyph in the fonts the app
/// ships (the CJK subset in assets/fonts, egui's own): a machine with no
/// CJK font installed shows no empty boxes.
#[test]
fn every_chinese_character_is_in_the_shipped_fonts() {
    assert_every_character_has_a_glyph("zh-CN");
}

/// The English texts too: a sign only the monospace font has (Hack's ●)
/// shows as an empty box in the window's proportional text.
#[test]
fn every_english_character_has_a_glyph_in_the_window_font() {
    assert_every_character_has_a_glyph("en");
}

/// Every character of a language's texts has a glyph in the fonts of the
/// window's proportional family (what labels, buttons and most values use).
fn assert_every_character_has_a_glyph(lang: &str) {
    let defaults = egui::FontDefinitions::default();
    let shipped: &[u8] = include_bytes!("../../assets/fonts/DroidSansFallback-Stratum-subset.ttf");
    let mut faces: Vec<ttf_parser::Face> = vec![ttf_parser::Face::parse(shipped, 0).unwrap()];
    for name in &defaults.families[&egui::FontFamily::Proportional] {
        let data = &defaults.font_data[name];
        if let Ok(f) = ttf_parser::Face::parse(&data.font, data.index) {
            faces.push(f);
        }
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("i18n")
        .join(lang);
    let mut missing = std::collections::BTreeMap::<char, String>::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for line in text.lines().filter(|l| !l.trim_start().starts_with('#')) {
            for c in line.chars().filter(|c| !c.is_ascii()) {
                if !faces.iter().any(|f| f.glyph_index(c).is_some()) {
                    missing.entry(c).or_insert_with(|| line.trim().to_string());
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "{} characters without a glyph (add them to the subset, assets/fonts/README.md): {}",
        missing.len(),
        missing
            .iter()
            .map(|(c, l)| format!("{c} U+{:04X} in “{l}”", *c as u32))
            .collect::<Vec<_>>()
            .join("\n")
    );
}
