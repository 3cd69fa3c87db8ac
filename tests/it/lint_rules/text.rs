//! What lint says of text that is not chrony.conf as chronyd reads it:
//! broken lines, binary data, odd and control characters.

use super::at_release::V43;
use stratum::core::conf::lint::{Rule, Severity, control_character_line, has_errors};
use stratum::core::conf::{Document, LintOptions, lint};

/// A directive written but broken is not missing: chronyd refuses the
/// line ("Missing arguments for makestep directive" for `makestep 1.0，3`,
/// whose full-width comma chrony does not split at), lint says so on that
/// line, and does not also say "no makestep, add makestep 1 3" — nor "no
/// allow" or "no local stratum" for a broken allow or local line.
#[test]
fn a_broken_directive_is_not_said_to_be_missing() {
    let v49 = LintOptions {
        version: stratum::core::conf::ChronyVersion::new(4, 9),
        ..Default::default()
    };
    let rules_49 = |text: &str| -> Vec<(Rule, Option<usize>)> {
        lint(&Document::parse(text), &v49)
            .into_iter()
            .map(|d| (d.rule, d.line))
            .collect()
    };
    let cases = [
        (
            "server 10.0.0.1 iburst\nmakestep 1.0，3\n",
            2,
            Rule::NoMakestep,
        ),
        (
            "server 10.0.0.1 iburst\nmakestep\u{3000}1 3\n",
            2,
            Rule::NoMakestep,
        ),
        (
            "server 10.0.0.1 iburst\nmakestep 1 3\nlocal stratum 10\nallow 10.0.0.0／8\n",
            4,
            Rule::NoAllow,
        ),
        (
            "server 10.0.0.1 iburst\nmakestep 1 3\nlocal stratum 10，orphan\nallow 10.0.0.0/8\n",
            3,
            Rule::NoLocalStratum,
        ),
    ];
    for (text, line, missing) in cases {
        let r = rules_49(text);
        assert!(
            r.contains(&(Rule::OddCharacter, Some(line))),
            "{text}: {r:?}"
        );
        assert!(!r.iter().any(|x| x.0 == missing), "{text}: {r:?}");
    }
    // A file that has none still hears of it.
    let r = rules_49("server 10.0.0.1 iburst\n");
    assert!(r.contains(&(Rule::NoMakestep, None)), "{r:?}");
    let r = rules_49("server 10.0.0.1 iburst\nmakestep 1 3\nlocal stratum 10\n");
    assert!(r.iter().any(|x| x.0 == Rule::NoAllow), "{r:?}");
    // A broken allow still makes this a server: "serves nobody" is not said.
    let r = rules_49("server 10.0.0.1 iburst\nmakestep 1 3\nallow 10.0.0.0／8\n");
    assert!(!r.iter().any(|x| x.0 == Rule::FewSourcesClient), "{r:?}");
}

/// Random bytes are not "UTF-16": lint says the file is not text, once,
/// and echoes none of its bytes; a file saved as UTF-16 (with or without
/// its byte order mark) is said to be UTF-16, once. chronyd refuses both
/// ("Invalid directive", tests/it/lint_vs_chronyd.rs).
#[test]
fn binary_data_is_told_from_utf16_and_never_echoed() {
    let garbage = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/chronyd/bad-binary-data.conf"),
    )
    .unwrap();
    let d = lint(&Document::parse(garbage), &LintOptions::default());
    let got: Vec<Rule> = d.iter().map(|d| d.rule).collect();
    assert_eq!(got, [Rule::NotText]);
    for lang in stratum::i18n::Lang::ALL {
        let tr = stratum::i18n::Localizer::new(lang);
        let text = tr.tr_args(&d[0].message_id(), &d[0].args);
        assert!(!text.contains("UTF-16"), "{text}");
        assert!(
            !text.chars().any(|c| c == '\u{fffd}' || c.is_control()),
            "{text}"
        );
    }
    let conf = "server 10.0.0.1 iburst\nmakestep 1 3\n";
    let le: Vec<u8> = conf.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    let marked = [&[0xFF, 0xFE][..], &le].concat();
    for bytes in [le, marked] {
        let got: Vec<Rule> = lint(&Document::parse(bytes), &LintOptions::default())
            .iter()
            .map(|d| d.rule)
            .collect();
        assert_eq!(got, [Rule::Utf16File]);
    }
    // A stray NUL in a text file is a NUL, not a UTF-16 file.
    let d = lint(
        &Document::parse("server 10.0.0.1\0 iburst\nmakestep 1 3\n"),
        &LintOptions::default(),
    );
    let nul = d.iter().find(|d| d.arg("kind") == Some("nul")).unwrap();
    let en = stratum::i18n::Localizer::new(stratum::i18n::Lang::En);
    assert!(!en.tr_args(&nul.message_id(), &nul.args).contains("UTF-16"));
}

/// An odd character's message quotes the whole line it is on (escaped,
/// cut after 60 characters), in both languages: a line behind a full-width
/// `＃` is quoted as written, not as an empty word.
#[test]
fn an_odd_characters_line_is_quoted_whole() {
    use stratum::i18n::{Lang, Localizer};
    let text_of = |conf: &str, lang: Lang| {
        let d = lint(&Document::parse(conf), &LintOptions::default());
        let odd = d
            .iter()
            .find(|d| d.rule == Rule::OddCharacter)
            .unwrap_or_else(|| panic!("{conf}: {d:?}"));
        Localizer::new(lang).tr_args(&odd.message_id(), &odd.args)
    };
    let cases = [
        ("＃ 全角井号注释\n", "＃ 全角井号注释"),
        ("server　127.0.0.1 iburst\n", "server　127.0.0.1 iburst"),
        ("makestep 1.0，3\n", "makestep 1.0，3"),
        // Control characters written out, never passed to the terminal.
        ("server　a\u{1b}[2J\n", "server　a\\u{1b}[2J"),
    ];
    for (conf, quoted) in cases {
        let zh = text_of(conf, Lang::ZhCn);
        assert!(zh.contains(&format!("这一行“{quoted}”")), "{zh}");
        let en = text_of(conf, Lang::En);
        assert!(en.contains(&format!("the line “{quoted}”")), "{en}");
    }
    let long = format!("server　{}\n", "a".repeat(100));
    let en = text_of(&long, Lang::En);
    assert!(
        en.contains(&format!("“server　{}…”", "a".repeat(53))),
        "{en}"
    );
    // Chinese puts a space between a word and a code: 第 1 列是 U+FEFF.
    let zh = text_of("\u{feff}server 10.0.0.1\n", Lang::ZhCn);
    assert!(zh.starts_with("第 1 列是 U+FEFF，"), "{zh}");
}

#[test]
fn a_character_that_only_looks_like_a_space_is_named() {
    let opts = LintOptions {
        version: V43,
        ..Default::default()
    };
    let d = lint(&Document::parse("server\u{3000}127.0.0.1 iburst\n"), &opts);
    let odd = d.iter().find(|d| d.rule == Rule::OddCharacter).unwrap();
    assert_eq!(odd.severity, Severity::Error);
    assert_eq!(odd.arg("code"), Some("U+3000"));
    assert_eq!(odd.arg("column"), Some("7"));
    // Named once, in place of "not a directive".
    assert!(!d.iter().any(|d| d.rule == Rule::UnknownDirective));
    // In a value chronyd takes it as part of the name.
    let d = lint(&Document::parse("server 127.0.0.1\u{3000}iburst\n"), &opts);
    assert!(d.iter().any(|d| d.rule == Rule::OddCharacterInValue));
    let d = lint(&Document::parse("\u{FEFF}server 127.0.0.1 iburst\n"), &opts);
    assert_eq!(
        d.iter()
            .find(|d| d.rule == Rule::OddCharacter)
            .and_then(|d| d.arg("kind")),
        Some("bom")
    );
}

#[test]
fn control_bytes_are_errors_white_space_is_not() {
    let doc = Document::parse("logdir /var/log/chrony\x1b/x\nserver a\tiburst\r\n");
    let d = lint(&doc, &LintOptions::default());
    let hits: Vec<_> = d
        .iter()
        .filter(|d| d.rule == Rule::ControlCharacter)
        .map(|d| (d.line, d.arg("char").unwrap().to_string()))
        .collect();
    assert_eq!(hits, vec![(Some(1), "U+001B".to_string())]);
    assert_eq!(control_character_line(&doc), Some(1));
    // A NUL in a value chronyd would read cuts the path short: an
    // error, and an apply refuses it before anything.
    let nul = Document::parse("logdir /var/log/chrony\0/x\n");
    let d = lint(&nul, &LintOptions::default());
    assert!(d.iter().any(|d| d.rule == Rule::ControlCharacter), "{d:?}");
    assert!(has_errors(&d));
    // Where chronyd refuses the line for it, that is said once.
    let refused = Document::parse("s\0erver a\n");
    let d = lint(&refused, &LintOptions::default());
    assert!(d.iter().all(|d| d.rule != Rule::ControlCharacter), "{d:?}");
    assert_eq!(control_character_line(&nul), Some(1));
    let esc = Document::parse("# ok\nserver a\x1b[2J\n");
    assert_eq!(control_character_line(&esc), Some(2));
}

/// chronyd refuses a misspelt directive ("Invalid directive at line 3" in
/// 4.0, "Invalid directive stratumwieght" in 4.9); lint says so and names
/// the directive one or two edits away, only among those the release
/// linted for accepts (leapseclist came with 4.6), and names none when no
/// directive is close.
#[test]
fn a_misspelt_directive_is_told_the_spelling_it_is_close_to() {
    use stratum::core::conf::ChronyVersion;
    use stratum::i18n::{Lang, Localizer};
    let said = |text: &str, v: (u16, u16), lang: Lang| -> String {
        let opts = LintOptions {
            version: ChronyVersion::new(v.0, v.1),
            ..Default::default()
        };
        let d = lint(&Document::parse(text), &opts);
        let e = d
            .iter()
            .find(|d| d.rule == Rule::UnknownDirective)
            .unwrap_or_else(|| panic!("{text}: no unknown-directive"));
        assert_eq!(e.severity, Severity::Error);
        Localizer::new(lang).tr_args(&e.message_id(), &e.args)
    };
    let typo = "server 10.0.0.1 iburst\nmakestep 1 3\nstratumwieght 0.05\n";
    for v in [(4, 0), (4, 3), (4, 6), (4, 9)] {
        let en = said(typo, v, Lang::En);
        assert!(en.contains("Did you mean “stratumweight”?"), "{en}");
        let zh = said(typo, v, Lang::ZhCn);
        assert!(zh.contains("是否应为“stratumweight”？"), "{zh}");
    }
    let en = said(
        "leapsecslist /usr/share/zoneinfo/leap-seconds.list\n",
        (4, 0),
        Lang::En,
    );
    assert!(!en.contains("Did you mean"), "{en}");
    let en = said(
        "leapsecslist /usr/share/zoneinfo/leap-seconds.list\n",
        (4, 6),
        Lang::En,
    );
    assert!(en.contains("Did you mean “leapseclist”?"), "{en}");
    let en = said("frobnicate 1\n", (4, 9), Lang::En);
    assert!(!en.contains("Did you mean"), "{en}");
}

/// chronyd refuses a misspelt option of a source line (R27's
/// `server 10.0.0.123 iburst minpol 4`: 4.0-4.6.1 "Could not parse server
/// directive", 4.9 "Invalid option in server directive"); lint names the
/// option one or two edits away among those the release's server,
/// pool, peer or refclock line takes (maxntsretry came with 4.9).
#[test]
fn a_misspelt_source_option_is_told_the_spelling_it_is_close_to() {
    use stratum::core::conf::ChronyVersion;
    use stratum::i18n::{Lang, Localizer};
    let said = |text: &str, v: (u16, u16), lang: Lang| -> String {
        let opts = LintOptions {
            version: ChronyVersion::new(v.0, v.1),
            ..Default::default()
        };
        let d = lint(&Document::parse(text), &opts);
        let e = d
            .iter()
            .find(|d| d.rule == Rule::UnknownOption)
            .unwrap_or_else(|| panic!("{text}: no unknown-option"));
        assert_eq!(e.severity, Severity::Error);
        Localizer::new(lang).tr_args(&e.message_id(), &e.args)
    };
    let typo = "server 10.0.0.123 iburst minpol 4\ndriftfile /var/lib/chrony/drift\nmakestep 1.0 3\nrtcsync\n";
    for v in [(4, 0), (4, 3), (4, 6), (4, 9)] {
        let en = said(typo, v, Lang::En);
        assert!(en.contains("Did you mean “minpoll”?"), "{en}");
        let zh = said(typo, v, Lang::ZhCn);
        assert!(zh.contains("是否应为“minpoll”？"), "{zh}");
    }
    let en = said("pool pool.example.org ibrust\n", (4, 0), Lang::En);
    assert!(en.contains("Did you mean “iburst”?"), "{en}");
    let en = said("refclock PPS /dev/pps0 refd PPS\n", (4, 3), Lang::En);
    assert!(en.contains("Did you mean “refid”?"), "{en}");
    let retry = "server 10.0.0.1 nts maxntsretri 3\n";
    assert!(!said(retry, (4, 6), Lang::En).contains("Did you mean"));
    let en = said(retry, (4, 9), Lang::En);
    assert!(en.contains("Did you mean “maxntsretry”?"), "{en}");
    let en = said("server 10.0.0.1 frobnicate\n", (4, 9), Lang::En);
    assert!(!en.contains("Did you mean"), "{en}");
}

/// A source option cut short (audit R37-F5, `server 10.0.0.2 ibu`: chronyd
/// 4.0-4.6.1 "Could not parse server directive", 4.9 "Invalid option in
/// server directive") and a file cut after `local str` are more than two
/// edits from their option but start exactly one: that one is suggested.
/// A start shared by two options (`max`: maxpoll, maxdelay, ...) or too
/// short to mean anything is not.
#[test]
fn an_option_cut_short_is_told_the_one_it_starts() {
    use stratum::core::conf::ChronyVersion;
    use stratum::i18n::{Lang, Localizer};
    let said = |text: &str, v: (u16, u16)| -> String {
        let opts = LintOptions {
            version: ChronyVersion::new(v.0, v.1),
            ..Default::default()
        };
        let d = lint(&Document::parse(text), &opts);
        let e = d
            .iter()
            .find(|d| d.rule == Rule::UnknownOption)
            .unwrap_or_else(|| panic!("{text}: no unknown-option"));
        assert_eq!(e.severity, Severity::Error);
        Localizer::new(Lang::En).tr_args(&e.message_id(), &e.args)
    };
    // The auditor's file, for every release.
    let cut = "server 10.0.0.1 iburst\nserver 10.0.0.2 ibu\n";
    for v in [(4, 0), (4, 3), (4, 6), (4, 9)] {
        let en = said(cut, v);
        assert!(
            en.contains("“ibu”") && en.contains("Did you mean “iburst”?"),
            "{en}"
        );
    }
    let en = said("allow 10.0.0.0/24\nlocal str", (4, 9));
    assert!(en.contains("Did you mean “stratum”?"), "{en}");
    for vague in ["server 10.0.0.2 max\n", "server 10.0.0.2 ib\n"] {
        let en = said(vague, (4, 9));
        assert!(!en.contains("Did you mean"), "{vague}: {en}");
    }
}

/// `opencommands tracking sourcestatus` (audit R36-2): chronyd 4.9 "Could
/// not parse opencommands directive"; chrony.conf(5) 4.7+ lists the names
/// it takes, `sourcestats` among them. Lint names the wrong word and the
/// command it is close to, and the remote-monitoring hint lists what this
/// config opens, not the default commands.
#[test]
fn opencommands_names_the_wrong_word_and_the_hint_what_is_opened() {
    use stratum::core::conf::ChronyVersion;
    use stratum::i18n::{Lang, Localizer};
    let lab = "server 10.0.0.1 iburst\nallow 10.0.0.0/24\nlocal stratum 10\nbindcmdaddress 0.0.0.0\ncmdallow 10.0.0.0/24\n";
    let said = |text: &str, rule: Rule, lang: Lang| -> Option<String> {
        let opts = LintOptions {
            version: ChronyVersion::new(4, 9),
            ..Default::default()
        };
        let d = lint(&Document::parse(text), &opts);
        d.iter()
            .find(|d| d.rule == rule)
            .map(|e| Localizer::new(lang).tr_args(&e.message_id(), &e.args))
    };
    let typo = format!("{lab}opencommands tracking sourcestatus\n");
    let en = said(&typo, Rule::UnknownOption, Lang::En).expect("an error");
    assert!(en.contains("“sourcestatus” is not a command"), "{en}");
    assert!(en.contains("Did you mean “sourcestats”?"), "{en}");
    let zh = said(&typo, Rule::UnknownOption, Lang::ZhCn).unwrap();
    assert!(zh.contains("是否应为“sourcestats”？"), "{zh}");
    let hint = said(&typo, Rule::CmdmonExposed, Lang::En).unwrap();
    assert!(
        hint.contains("(tracking, as opencommands lists them)"),
        "{hint}"
    );
    let fixed = format!("{lab}opencommands tracking sourcestats\n");
    assert!(said(&fixed, Rule::UnknownOption, Lang::En).is_none());
    let hint = said(&fixed, Rule::CmdmonExposed, Lang::En).unwrap();
    assert!(
        hint.contains("(tracking, sourcestats, as opencommands"),
        "{hint}"
    );
    // Without opencommands, chronyd's own defaults.
    let hint = said(lab, Rule::CmdmonExposed, Lang::En).unwrap();
    assert!(hint.contains("and the other monitoring commands"), "{hint}");
}

/// A chrony.conf saved with a UTF-8 byte order mark, its first line a
/// source (audit R41, in/lint/4.9/k12-bom-directive-first.conf; real
/// chronyd 4.9 exits with "Invalid directive at line 1"): the one error
/// names the BOM and says to save the file without it — a BOM cannot be
/// seen, so "retype it" is no help — and the server line chronyd refuses
/// is not also reported as "there is no time source".
#[test]
fn a_byte_order_mark_before_a_source_is_one_error_with_the_editors_fix() {
    use stratum::i18n::{Lang, Localizer};
    let conf = "\u{feff}server 10.0.0.123 iburst\ndriftfile /var/lib/chrony/drift\nmakestep 1.0 3\nrtcsync\n";
    let opts = LintOptions {
        version: stratum::core::conf::ChronyVersion::new(4, 9),
        ..Default::default()
    };
    let d = lint(&Document::parse(conf), &opts);
    let odd = d
        .iter()
        .find(|d| d.rule == Rule::OddCharacter)
        .unwrap_or_else(|| panic!("{d:?}"));
    assert_eq!((odd.line, odd.arg("kind")), (Some(1), Some("bom")));
    assert!(
        !d.iter()
            .any(|d| matches!(d.rule, Rule::NoSources | Rule::OnlyNoselectSources)),
        "{d:?}"
    );
    let en = Localizer::new(Lang::En).tr_args(&odd.message_id(), &odd.args);
    assert!(
        en.contains("Save the file as UTF-8 without a byte order mark (BOM)."),
        "{en}"
    );
    assert!(!en.contains("Retype"), "{en}");
    let zh = Localizer::new(Lang::ZhCn).tr_args(&odd.message_id(), &odd.args);
    assert!(zh.contains("不带字节序标记（BOM）的 UTF-8"), "{zh}");
    // A space from an input method is still retyped.
    let d = lint(&Document::parse("server\u{3000}10.0.0.1\n"), &opts);
    let odd = d.iter().find(|d| d.rule == Rule::OddCharacter).unwrap();
    let en = Localizer::new(Lang::En).tr_args(&odd.message_id(), &odd.args);
    assert!(en.contains("Retype it with the ASCII character."), "{en}");
}
