//! The command line's one declaration, seen from outside: `--help` of every
//! command in both languages lists every option and argument the parser
//! accepts, `stratum completions bash` sourced in a real bash completes
//! commands and options, and `man -l` renders stratum(1) and
//! stratum-helper(8).

use std::process::Command;

use stratum::i18n::{Lang, Localizer};

use crate::common::{self, stratum};

/// Every visible command's words, its long options and its positional
/// arguments' value names, from the declaration the parser uses.
fn commands(
    cmd: &clap::Command,
    path: &mut Vec<String>,
    out: &mut Vec<(Vec<String>, Vec<String>)>,
) {
    let mut words: Vec<String> = cmd
        .get_arguments()
        .filter_map(|a| a.get_long().map(|l| format!("--{l}")))
        .collect();
    words.extend(cmd.get_positionals().filter_map(|a| {
        a.get_value_names()
            .and_then(|v| v.first())
            .map(|v| v.to_string())
    }));
    out.push((path.clone(), words));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        path.push(sub.get_name().to_string());
        commands(sub, path, out);
        path.pop();
    }
}

fn all_commands(cmd: clap::Command) -> Vec<(Vec<String>, Vec<String>)> {
    let mut cmd = cmd;
    cmd.build();
    let mut out = Vec::new();
    commands(&cmd, &mut Vec::new(), &mut out);
    out
}

#[test]
fn help_in_both_languages_lists_every_option_the_parser_accepts() {
    for (lang, code, heading, not) in [
        (Lang::En, "en", "\nOptions:\n", "选项"),
        // Chinese text takes full-width punctuation: "选项：" as "用法：".
        (Lang::ZhCn, "zh-CN", "\n选项：\n", "Options:"),
    ] {
        let tr = Localizer::new(lang);
        let cmds = all_commands(stratum::cli::command(&tr));
        assert!(cmds.len() > 20, "{} commands", cmds.len());
        for (path, words) in &cmds {
            let out = stratum()
                .args(path)
                .args(["--help", "--lang", code])
                .output()
                .unwrap();
            let help = String::from_utf8_lossy(&out.stdout);
            assert!(out.status.success(), "stratum {path:?} --help");
            assert!(help.contains(heading), "{code} {path:?}:\n{help}");
            assert!(!help.contains(not), "{code} {path:?}:\n{help}");
            for half_width in ["命令:", "参数:", "选项:", "用法:"] {
                assert!(!help.contains(half_width), "{code} {path:?}:\n{help}");
            }
            // An escaped line break is a list printed as one line.
            assert!(!help.contains("\\n"), "{code} {path:?}:\n{help}");
            if path == &["export"] {
                // Each format on its own line, as `--to` takes it.
                for f in stratum::core::export::Format::ALL {
                    let line = format!("\n  {} ", f.name());
                    assert!(help.contains(&line), "{code}: {line:?} in\n{help}");
                }
            }
            for w in words {
                assert!(
                    help.contains(w.as_str()),
                    "{code}: {w} missing from stratum {} --help:\n{help}",
                    path.join(" ")
                );
            }
        }
        // The helper follows the locale.
        let locale = if lang == Lang::En { "C" } else { "zh_CN.UTF-8" };
        let out = Command::new(env!("CARGO_BIN_EXE_stratum-helper"))
            .env("LANG", locale)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .arg("--help")
            .output()
            .unwrap();
        assert!(out.status.success());
        let help = String::from_utf8_lossy(&out.stdout);
        let helper = all_commands(stratum::cli::helper_args::command(&tr));
        for w in &helper[0].1 {
            assert!(
                help.contains(w.as_str()),
                "{code}: {w} missing from stratum-helper --help:\n{help}"
            );
        }
        assert!(help.contains(heading), "{code}:\n{help}");
    }
    // A misspelt option is refused in the user's language, exit 2.
    let out = stratum()
        .args(["config", "edit", "--add-sever", "x", "--lang", "zh-CN"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--add-sever") && err.contains("未知选项"),
        "{err}"
    );
}

/// What bash offers for `words` with the cursor on the last one.
fn bash_complete(script: &std::path::Path, words: &[&str]) -> Vec<String> {
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let cword = words.len() - 1;
    let prev = if cword > 0 { words[cword - 1] } else { "" };
    let program = format!(
        "source '{}'\nCOMP_WORDS=({})\nCOMP_CWORD={cword}\nCOMP_LINE='{}'\nCOMP_POINT=${{#COMP_LINE}}\n\
         _stratum stratum '{}' '{prev}'\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        script.display(),
        quoted.join(" "),
        words.join(" "),
        words[cword],
    );
    let out = Command::new("bash")
        .args(["--norc", "--noprofile", "-c", &program])
        .output()
        .expect("bash");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn bash_completes_commands_and_options_and_every_shell_gets_a_script() {
    let tmp = tempfile::tempdir().unwrap();
    let script = tmp.path().join("stratum.bash");
    let out = stratum().args(["completions", "bash"]).output().unwrap();
    assert!(out.status.success());
    std::fs::write(&script, &out.stdout).unwrap();

    assert_eq!(bash_complete(&script, &["stratum", "con"]), ["config"]);
    let subs = bash_complete(&script, &["stratum", "config", ""]);
    for s in ["lint", "edit", "apply", "init"] {
        assert!(subs.contains(&s.to_string()), "{subs:?}");
    }
    assert_eq!(
        bash_complete(&script, &["stratum", "config", "edit", "--add-s"]),
        ["--add-server"]
    );
    let export = bash_complete(&script, &["stratum", "export", "--"]);
    for o in ["--to", "--server", "--ntpd-version", "--out"] {
        assert!(export.contains(&o.to_string()), "{export:?}");
    }
    // The roster's actions are commands of their own, each with its options
    // (and where the roster is, which every action takes).
    let roster = bash_complete(&script, &["stratum", "roster", ""]);
    for s in ["add", "remove", "list", "probe", "import"] {
        assert!(roster.contains(&s.to_string()), "{roster:?}");
    }
    let add = bash_complete(&script, &["stratum", "roster", "add", "--"]);
    for o in ["--kind", "--file", "--socket", "--connect"] {
        assert!(add.contains(&o.to_string()), "{add:?}");
    }
    assert!(!add.contains(&"--json".to_string()), "add takes no --json");
    assert_eq!(
        bash_complete(&script, &["stratum", "roster", "list", "--j"]),
        ["--json"]
    );
    assert!(
        bash_complete(&script, &["stratum", "nts", "renew", "--"])
            .iter()
            .all(|o| o != "--name"),
        "renew takes no --name"
    );

    for (shell, marker) in [("zsh", "#compdef stratum"), ("fish", "complete -c stratum")] {
        let out = stratum().args(["completions", shell]).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success() && text.contains(marker), "{shell}");
        assert!(text.contains("add-server"), "{shell}");
    }
    let out = stratum().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("tcsh"));
}

#[test]
fn man_renders_stratum_1_and_stratum_helper_8() {
    if !std::path::Path::new("/usr/bin/man").exists() {
        assert!(!common::in_ci(), "man is not installed but CI=true");
        eprintln!("skipped: man is not installed (apt-get install man-db)");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    for (page, file, wants) in [
        (
            "stratum",
            "stratum.1",
            vec!["STRATUM(1)", "config", "completions", "--lang"],
        ),
        (
            "stratum-helper",
            "stratum-helper.8",
            vec![
                "stratum-helper(8)",
                "--metrics-listen",
                "--chronyd-arg",
                "--lab",
            ],
        ),
    ] {
        let out = stratum().args(["man", page]).output().unwrap();
        assert!(out.status.success(), "{page}");
        let path = tmp.path().join(file);
        std::fs::write(&path, &out.stdout).unwrap();
        let shown = Command::new("man")
            .arg("-l")
            .arg(&path)
            .env("MANPAGER", "cat")
            .env("MANWIDTH", "100")
            .env("LANG", "C.UTF-8")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&shown.stdout);
        assert!(
            shown.status.success(),
            "{}",
            String::from_utf8_lossy(&shown.stderr)
        );
        for w in wants {
            assert!(
                text.to_lowercase().contains(&w.to_lowercase()),
                "{w} missing from {page}:\n{text}"
            );
        }
        assert!(
            String::from_utf8_lossy(&shown.stderr).trim().is_empty(),
            "man warns: {}",
            String::from_utf8_lossy(&shown.stderr)
        );
    }
}

/// The statistics table names a value as `stats --help` does: the excess
/// kurtosis (0 for a normal distribution, core::stats::summary), 超额峰度
/// in Chinese — one term, not 峰度 in the table and 超额峰度 in the help.
#[test]
fn the_stats_table_names_kurtosis_as_its_help_does() {
    let log =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/stats/refclocks-4.9.log");
    for (lang, term) in [("zh-CN", "超额峰度"), ("en", "excess kurtosis")] {
        let help = stratum()
            .args(["stats", "--help", "--lang", lang])
            .output()
            .unwrap();
        assert!(
            String::from_utf8_lossy(&help.stdout).contains(term),
            "{lang}"
        );
        let table = stratum()
            .arg("stats")
            .arg(&log)
            .args(["--lang", lang])
            .output()
            .unwrap();
        let table = String::from_utf8_lossy(&table.stdout);
        let row = table
            .lines()
            .find(|l| l.trim_start().starts_with(term))
            .unwrap_or_else(|| panic!("{lang}: no {term} row in\n{table}"));
        assert!(row.trim_end().ends_with(char::is_numeric), "{row}");
    }
}
