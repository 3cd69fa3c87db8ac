//! The help of a command line declared with clap, in the user's language:
//! every command's description and every argument's text come from the
//! Fluent catalogue by the declaration's ids, so what `--help`, the man
//! pages and the completions list is what the parser accepts.
//!
//! Keys: `cli-about-PATH` (a command; `PATH` is its words after the
//! program's name joined by `-`, `stratum` for the top), `cli-after-PATH`
//! (notes under the options, optional), and `cli-arg-PATH-ID` or, for an
//! option many commands share, `cli-arg-ID` (`ID` is the argument's id in
//! kebab case).

use clap::{Arg, ArgAction, Command};

use crate::i18n::Localizer;

/// Every Fluent key the help of `cmd` reads (resolved with `has`, as
/// [`localize`] does); for the tests that check both languages have them.
pub fn keys(cmd: &Command, has: impl Fn(&str) -> bool) -> Vec<String> {
    let mut out: Vec<String> = [
        "cli-heading-usage",
        "cli-heading-options",
        "cli-heading-arguments",
        "cli-heading-commands",
        "cli-arg-help",
        "cli-arg-version",
    ]
    .map(String::from)
    .to_vec();
    walk(
        cmd,
        &mut vec![cmd.get_name().to_string()],
        &mut |path, c| {
            out.push(format!("cli-about-{}", key_path(path)));
            for a in c.get_arguments().filter(|a| !is_builtin(a)) {
                out.push(arg_key(path, a, &has));
            }
        },
    );
    out
}

/// Walks `cmd` and its visible subcommands, with their paths.
fn walk(cmd: &Command, path: &mut Vec<String>, f: &mut impl FnMut(&[String], &Command)) {
    f(path, cmd);
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        path.push(sub.get_name().to_string());
        walk(sub, path, f);
        path.pop();
    }
}

/// `stratum`'s subcommands are keyed by their words alone
/// (`config-edit`), another program's by its name first.
fn key_path(path: &[String]) -> String {
    match path {
        [root] => root.clone(),
        [root, rest @ ..] if root == "stratum" => rest.join("-"),
        _ => path.join("-"),
    }
}

fn is_builtin(a: &Arg) -> bool {
    matches!(a.get_id().as_str(), "help" | "version")
}

/// The argument's key: its own (`cli-arg-PATH-ID`) if the catalogue has
/// it, else the first a shorter path has (`cli-arg-nts-out` for both `nts
/// init` and `nts renew`, `cli-arg-socket` for every command's).
fn arg_key(path: &[String], a: &Arg, has: impl Fn(&str) -> bool) -> String {
    let id = a.get_id().as_str().replace('_', "-");
    let words = key_path(path);
    let words: Vec<&str> = words.split('-').collect();
    let own = format!("cli-arg-{}-{id}", words.join("-"));
    (0..words.len())
        .rev()
        .map(|n| {
            if n == 0 {
                format!("cli-arg-{id}")
            } else {
                format!("cli-arg-{}-{id}", words[..n].join("-"))
            }
        })
        .find(|k| has(k))
        .filter(|_| !has(&own))
        .unwrap_or(own)
}

/// `cmd` with every text in `tr`'s language: descriptions, argument texts,
/// headings, and `-h/--help` (and `-V/--version` at the top) of its own.
pub fn localize(cmd: Command, tr: &Localizer) -> Command {
    let root = vec![cmd.get_name().to_string()];
    localize_at(cmd, tr, &root)
}

/// "Usage: " or "用法：" (a full-width colon needs no space after it).
fn usage_heading(tr: &Localizer) -> String {
    let h = tr.tr("cli-heading-usage");
    if h.ends_with(':') { format!("{h} ") } else { h }
}

/// The help's layout, its headings written here: clap ends a heading with
/// an ASCII colon, and Chinese text takes the full-width "：" (as 用法：).
fn help_template(cmd: &Command, tr: &Localizer) -> String {
    let heading = |id: &str| tr.tr_args("cli-heading-line", &[("heading", tr.tr(id))]);
    let mut t = format!("{{about-with-newline}}\n{}{{usage}}\n", usage_heading(tr));
    if cmd.get_positionals().any(|a| !a.is_hide_set()) {
        t.push_str(&format!(
            "\n{}\n{{positionals}}\n",
            heading("cli-heading-arguments")
        ));
    }
    if cmd.has_subcommands() && cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        t.push_str(&format!(
            "\n{}\n{{subcommands}}\n",
            heading("cli-heading-commands")
        ));
    }
    // Every command has -h/--help. clap starts the after-help with its
    // own blank line.
    t.push_str(&format!(
        "\n{}\n{{options}}",
        heading("cli-heading-options")
    ));
    t.push_str(if cmd.get_after_help().is_some() {
        "{after-help}"
    } else {
        "\n"
    });
    t
}

fn localize_at(mut cmd: Command, tr: &Localizer, path: &[String]) -> Command {
    let options = tr.tr("cli-heading-options");
    let arguments = tr.tr("cli-heading-arguments");
    let has = |k: &str| tr.has(k);
    let ids: Vec<(String, String, bool)> = cmd
        .get_arguments()
        .filter(|a| !is_builtin(a))
        .map(|a| {
            (
                a.get_id().to_string(),
                arg_key(path, a, has),
                a.is_positional(),
            )
        })
        .collect();
    for (n, (id, key, positional)) in ids.into_iter().enumerate() {
        let text = tr.tr(&key);
        let heading = if positional { &arguments } else { &options };
        cmd = cmd.mut_arg(id, |a| {
            let a = a.help(text).help_heading(heading.clone());
            // Under a heading of its own clap sorts what has no order by
            // name; arguments are listed in the order they are given.
            if positional { a.display_order(n) } else { a }
        });
    }
    let top = path.len() == 1;
    cmd = cmd
        .about(tr.tr(&format!("cli-about-{}", key_path(path))))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .display_order(1001)
                .help(tr.tr("cli-arg-help"))
                .help_heading(options.clone()),
        )
        .subcommand_help_heading(tr.tr("cli-heading-commands"));
    let after = format!("cli-after-{}", key_path(path));
    if tr.has(&after) {
        // `export` lists its formats, by id and by name.
        let formats: String = crate::core::export::Format::ALL
            .iter()
            .map(|f| format!("  {:<15} {}\n", f.name(), tr.tr(&f.title_id())))
            .collect();
        // Arguments are escaped (no control characters from outside), so
        // the list, which is ours and spans lines, goes in after rendering.
        const SLOT: &str = "@formats@";
        let text = tr.tr_args(&after, &[("formats", SLOT)]);
        cmd = cmd.after_help(text.replace(SLOT, formats.trim_end()));
    }
    if top {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .display_order(1002)
                .help(tr.tr("cli-arg-version"))
                .help_heading(options),
        );
    }
    let template = help_template(&cmd, tr);
    cmd = cmd.help_template(template);
    let names: Vec<String> = cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let mut sub_path = path.to_vec();
        sub_path.push(name.clone());
        cmd = cmd.mut_subcommand(&name, |s| localize_at(s, tr, &sub_path));
    }
    cmd
}
