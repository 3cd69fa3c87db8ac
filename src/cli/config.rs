//! `stratum config lint` and `stratum config edit`.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use lexopt::prelude::*;
use serde_json::json;

use super::common::{CliError, CliResult, parse_lang};
use super::common::{out, outln};
use crate::core::codes::ErrorCode;
use crate::core::conf::lint::{self, Diagnostic, LintOptions, Severity};
use crate::core::conf::{
    Access, AccessScope, ChronyVersion, Directive, Document, Local, SourceKind, SubnetError,
    UserSourceError, parse_user_source, parse_user_subnet,
};
use crate::fsutil;
use crate::i18n::Localizer;
use crate::includes;

pub fn run(mut parser: lexopt::Parser, tr: &Localizer) -> CliResult {
    match parser.next()? {
        Some(Value(sub)) => match sub.to_string_lossy().as_ref() {
            "lint" => lint_cmd(parser, tr),
            "edit" => edit_cmd(parser, tr),
            "apply" => apply_cmd(parser, tr),
            "init" => init_cmd(parser, tr),
            other => {
                Err(CliError::new("cli-unknown-command").arg("command", format!("config {other}")))
            }
        },
        Some(Short('h') | Long("help")) | None => {
            out!("{}", tr.tr("cli-help-config"));
            Ok(ExitCode::SUCCESS)
        }
        Some(other) => Err(other.unexpected().into()),
    }
}

fn read_file(path: &Path) -> Result<Vec<u8>, CliError> {
    std::fs::read(path).map_err(|e| {
        CliError::new("cli-cannot-read")
            .arg("path", path.display())
            .arg("reason", e)
    })
}

/// How `config lint` prints what it found.
#[derive(PartialEq)]
enum Format {
    Text,
    Json,
}

fn lint_cmd(mut parser: lexopt::Parser, tr: &Localizer) -> CliResult {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut format = Format::Text;
    let mut version: Option<ChronyVersion> = None;
    while let Some(arg) = parser.next()? {
        match arg {
            Long("format") => {
                let v = parser.value()?.to_string_lossy().into_owned();
                format = match v.as_str() {
                    "json" => Format::Json,
                    "text" => Format::Text,
                    _ => return Err(CliError::new("cli-bad-format").arg("value", v)),
                };
            }
            Long("lang") => {
                parse_lang(parser.value()?)?;
            }
            Long("chrony-version") => {
                let v = parser.value()?.to_string_lossy().into_owned();
                version = Some(
                    v.parse()
                        .map_err(|_| CliError::new("cli-bad-version").arg("value", v))?,
                );
            }
            Short('h') | Long("help") => {
                out!("{}", tr.tr("cli-help-config-lint"));
                return Ok(ExitCode::SUCCESS);
            }
            Value(v) => files.push(v.into()),
            other => return Err(other.unexpected().into()),
        }
    }
    if files.is_empty() {
        return Err(CliError::new("cli-missing-file"));
    }
    let docs = files
        .iter()
        .map(|f| read_file(f).map(Document::parse))
        .collect::<Result<Vec<_>, _>>()?;
    let version = version
        .or_else(crate::sys::installed_chrony_version)
        .unwrap_or(ChronyVersion::LATEST);
    let exists = |p: &str| Path::new(p).exists();
    let opts = LintOptions {
        version,
        path_exists: Some(&exists),
        resolves: Some(&crate::sys::resolves),
        read: Some(&crate::sys::file_facts),
        now: Some(crate::sys::now() as i64),
        trust: Some(&crate::sys::path_trust),
    };
    // Two named files may be a peer pair; numbered by named file.
    let mut pair: Vec<(usize, Diagnostic)> = Vec::new();
    if let [a, b] = docs.as_slice() {
        pair.extend(lint::lint_peer_pair(a, b).map(|d| (0, d)));
        pair.extend(lint::lint_peer_pair(b, a).map(|d| (1, d)));
    }
    let mut results: Vec<(usize, Diagnostic)> = Vec::new();
    // Each named file, then the files it includes, as chronyd reads them.
    let mut shown: Vec<PathBuf> = Vec::new();
    let mut tops = Vec::new();
    for (path, doc) in files.iter().zip(docs) {
        for file in includes::with_includes(path.clone(), doc) {
            let f = shown.len();
            if !file.included {
                tops.push(f);
            }
            let diags = if file.included {
                lint::lint_fragment(&file.doc, &opts)
            } else {
                lint::lint(&file.doc, &opts)
            };
            results.extend(diags.into_iter().chain(file.problems).map(|d| (f, d)));
            shown.push(file.path);
        }
    }
    results.extend(pair.into_iter().map(|(i, d)| (tops[i], d)));
    let files = shown;
    let errors = results
        .iter()
        .filter(|(_, d)| d.severity == Severity::Error)
        .count();
    let mut out = std::io::stdout().lock();
    let message = |d: &Diagnostic| tr.tr_args(&d.message_id(), &d.args);
    let written = match format {
        Format::Json => {
            let diags: Vec<_> = results
                .iter()
                .map(|(f, d)| {
                    let mut v = json!({
                        "rule": d.rule,
                        "severity": d.severity.as_str(),
                        "line": d.line,
                        "message": message(d),
                    });
                    if files.len() > 1 {
                        v["file"] = json!(files[*f].display().to_string());
                    }
                    v
                })
                .collect();
            let doc = json!({"diagnostics": diags, "chrony_version": version.to_string()});
            writeln!(out, "{}", serde_json::to_string_pretty(&doc).expect("json"))
        }
        Format::Text => (|| {
            for (f, d) in &results {
                let place = match d.line {
                    Some(l) => format!("{}:{l}", files[*f].display()),
                    None => files[*f].display().to_string(),
                };
                let sev = tr.tr(&format!("severity-{}", d.severity.as_str()));
                writeln!(out, "{place}: {sev} [{}] {}", d.rule, message(d))?;
            }
            let count = |s: Severity| results.iter().filter(|(_, d)| d.severity == s).count();
            writeln!(
                out,
                "{}",
                tr.tr_args(
                    "cli-lint-summary",
                    &[
                        ("errors", count(Severity::Error).to_string()),
                        ("warnings", count(Severity::Warning).to_string()),
                        ("hints", count(Severity::Hint).to_string()),
                        ("version", version.to_string()),
                    ],
                )
            )
        })(),
    };
    // A closed pipe (`| head`) is not an error worth a message.
    let _ = written;
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn source_error(e: UserSourceError, kind: SourceKind, text: &str, tr: &Localizer) -> CliError {
    match e {
        UserSourceError::Empty => CliError::new("cli-source-empty"),
        UserSourceError::ControlCharacter => {
            CliError::new("cli-source-control").arg("value", text.escape_debug())
        }
        UserSourceError::BadHost(h) => CliError::new("cli-source-bad-host").arg("host", h),
        UserSourceError::Parse(p) => {
            let args = lint::parse_error_args(kind.keyword(), &p, text);
            CliError::new("cli-source-invalid")
                .arg("value", text)
                .arg("reason", tr.tr_args(&format!("lint-{}", p.rule()), &args))
        }
    }
}

fn subnet_error(e: SubnetError, text: &str) -> CliError {
    let id = match e {
        SubnetError::Empty => "cli-subnet-empty",
        SubnetError::Syntax => "cli-subnet-syntax",
        SubnetError::PrefixTooLong { .. } => "cli-subnet-prefix",
    };
    let mut err = CliError::new(id).arg("value", text.escape_debug());
    if let SubnetError::PrefixTooLong { max, .. } = e {
        err = err.arg("max", max);
    }
    err
}

fn edit_cmd(mut parser: lexopt::Parser, tr: &Localizer) -> CliResult {
    let mut file: Option<PathBuf> = None;
    // Every argument is validated as it is read: a bad one changes nothing.
    let mut ops = Vec::new();
    let mut stratum: Option<OsString> = None;
    let mut orphan: Option<bool> = None;
    let mut distance: Option<f64> = None;
    let mut in_place = false;
    let text = |v: OsString| -> Result<String, CliError> {
        v.into_string()
            .map_err(|v| CliError::new("cli-not-unicode").arg("argument", v.to_string_lossy()))
    };
    while let Some(arg) = parser.next()? {
        match arg {
            Long(opt @ ("add-server" | "add-pool" | "add-peer")) => {
                let kind = match opt {
                    "add-pool" => SourceKind::Pool,
                    "add-peer" => SourceKind::Peer,
                    _ => SourceKind::Server,
                };
                let t = text(parser.value()?)?;
                ops.push(Op::Add(
                    parse_user_source(kind, &t).map_err(|e| source_error(e, kind, &t, tr))?,
                ));
            }
            Long("remove-server") => {
                let host = text(parser.value()?)?;
                if !crate::core::conf::edit::is_valid_host(host.trim()) {
                    return Err(
                        CliError::new("cli-source-bad-host").arg("host", host.escape_debug())
                    );
                }
                ops.push(Op::Remove(host.trim().to_string()));
            }
            Long(opt @ ("allow" | "deny")) => {
                let allow = opt == "allow";
                let net = text(parser.value()?)?;
                let target = parse_user_subnet(&net).map_err(|e| subnet_error(e, &net))?;
                ops.push(Op::Access(Access {
                    scope: AccessScope::Ntp,
                    allow,
                    all: false,
                    target,
                }));
            }
            Long("local-stratum") => stratum = Some(parser.value()?),
            Long("orphan") => orphan = Some(true),
            Long("no-orphan") => orphan = Some(false),
            Long("distance") => {
                let t = text(parser.value()?)?;
                distance = Some(
                    t.trim()
                        .parse::<f64>()
                        .ok()
                        .filter(|d| d.is_finite() && *d >= 0.0)
                        .ok_or_else(|| {
                            CliError::new("cli-bad-distance").arg("value", t.escape_debug())
                        })?,
                );
            }
            Long("makestep") => {
                let t = text(parser.value()?)?;
                let l = text(parser.value()?)?;
                ops.push(Op::Set(single("makestep", &format!("{t} {l}"), tr)?));
            }
            Long("log") => {
                // Every word after --log up to the next option.
                let words: Vec<String> = parser.values()?.map(text).collect::<Result<_, _>>()?;
                ops.push(Op::Set(single("log", &words.join(" "), tr)?));
            }
            Long("set") => {
                let t = text(parser.value()?)?;
                let (name, args) = t
                    .trim()
                    .split_once(char::is_whitespace)
                    .unwrap_or((t.trim(), ""));
                ops.push(Op::Set(single(name, args, tr)?));
            }
            Long("unset") => {
                let name = text(parser.value()?)?.trim().to_ascii_lowercase();
                if !is_single(&name) {
                    return Err(
                        CliError::new("cli-set-not-single").arg("directive", name.escape_debug())
                    );
                }
                ops.push(Op::Unset(name));
            }
            Long("in-place") => in_place = true,
            Long("lang") => {
                parse_lang(parser.value()?)?;
            }
            Short('h') | Long("help") => {
                out!("{}", tr.tr("cli-help-config-edit"));
                return Ok(ExitCode::SUCCESS);
            }
            Value(v) if file.is_none() => file = Some(v.into()),
            other => return Err(other.unexpected().into()),
        }
    }
    let file = file.ok_or_else(|| CliError::new("cli-missing-file"))?;
    let new_stratum = match stratum {
        None => None,
        Some(v) => {
            let s = v.to_string_lossy();
            match s.trim().parse::<u8>() {
                Ok(n @ 1..=15) => Some(n),
                _ => return Err(CliError::new("cli-bad-stratum").arg("value", s)),
            }
        }
    };
    let original = read_file(&file)?;
    let mut doc = Document::parse(&original);
    let mut removed_at = None;
    for op in ops {
        match op {
            Op::Add(s) => {
                doc.add_source_after_removal(&s, removed_at);
            }
            Op::Remove(host) => {
                let at = doc
                    .sources()
                    .find(|(_, s)| crate::core::conf::edit::same_host(&s.host, &host))
                    .map(|(i, _)| i);
                if doc.remove_source(&host) == 0 {
                    // Nothing is written: the user named something else.
                    return Err(CliError::new("cli-remove-none").arg("host", host));
                }
                removed_at = at;
            }
            Op::Access(a) => {
                doc.add_access(&a);
            }
            Op::Set(d) => {
                doc.set_single(d.name(), Some(&d));
            }
            Op::Unset(name) => {
                doc.set_single(&name, None);
            }
        }
    }
    // `local`: change what was asked, keep the rest of the line.
    if new_stratum.is_some() || orphan.is_some() || distance.is_some() {
        let current = doc
            .directives()
            .filter_map(|(_, d)| match d {
                Directive::Local(l) => Some(l.clone()),
                _ => None,
            })
            .last();
        let base = match (current, new_stratum) {
            (Some(l), _) => l,
            (None, Some(n)) => Local::new(n, false, None),
            (None, None) => return Err(CliError::new("cli-orphan-needs-stratum")),
        };
        doc.set_local(Some(&base.updated(new_stratum, orphan, distance)));
    }
    let edited = doc.render();
    if in_place {
        if edited != original {
            let bak = fsutil::backup_path(&file);
            std::fs::write(&bak, &original).map_err(|e| {
                CliError::new("cli-cannot-write")
                    .arg("path", bak.display())
                    .arg("reason", e)
            })?;
            fsutil::write_atomic(&file, &edited).map_err(|e| {
                CliError::new("cli-cannot-write")
                    .arg("path", file.display())
                    .arg("reason", e)
            })?;
        }
    } else {
        super::common::write_out(&edited);
    }
    Ok(ExitCode::SUCCESS)
}

enum Op {
    Add(crate::core::conf::Source),
    Remove(String),
    Access(Access),
    Set(Directive),
    Unset(String),
}

/// Directives `--set`/`--unset` manage: those a file has once (the last one
/// wins in chronyd). Sources, access rules and `local` have their own flags.
fn is_single(name: &str) -> bool {
    crate::core::conf::directive::SIMPLE_DIRECTIVES
        .iter()
        .any(|s| s.name == name)
        || matches!(
            name,
            "makestep"
                | "driftfile"
                | "log"
                | "bindaddress"
                | "bindacqaddress"
                | "bindcmdaddress"
                | "ratelimit"
                | "ntsratelimit"
                | "cmdratelimit"
                | "smoothtime"
                | "leapsecmode"
                | "authselectmode"
        )
}

/// `--set "DIRECTIVE ARGS"`: one directive chrony would accept, checked
/// before anything is written.
fn single(name: &str, args: &str, tr: &Localizer) -> Result<Directive, CliError> {
    let name = name.to_ascii_lowercase();
    if name.chars().any(char::is_control) || args.chars().any(char::is_control) {
        return Err(CliError::new("cli-source-control")
            .arg("value", format!("{name} {args}").escape_debug()));
    }
    if !is_single(&name) {
        return Err(CliError::new("cli-set-not-single").arg("directive", name.escape_debug()));
    }
    Directive::parse(&name, args).map_err(|e| {
        let lint_args = lint::parse_error_args(&name, &e, args);
        CliError::new("cli-set-invalid")
            .arg("line", format!("{name} {args}").trim().to_string())
            .arg(
                "reason",
                tr.tr_args(&format!("lint-{}", e.rule()), &lint_args),
            )
    })
}

/// `stratum config apply FILE [--socket PATH]`: hands a configuration to the
/// running helper, which checks, backs up, writes and applies it.
fn apply_cmd(mut parser: lexopt::Parser, tr: &Localizer) -> CliResult {
    let mut file: Option<PathBuf> = None;
    let mut socket: Option<String> = None;
    while let Some(arg) = parser.next()? {
        match arg {
            Long("socket" | "connect") => socket = Some(super::status::target_value(&mut parser)?),
            Long("lang") => {
                parse_lang(parser.value()?)?;
            }
            Short('h') | Long("help") => {
                out!("{}", tr.tr("cli-help-config-apply"));
                return Ok(ExitCode::SUCCESS);
            }
            Value(v) if file.is_none() => file = Some(v.into()),
            other => return Err(other.unexpected().into()),
        }
    }
    let file = file.ok_or_else(|| CliError::new("cli-missing-file"))?;
    // The file byte for byte: chrony.conf need not be UTF-8.
    let bytes = read_file(&file)?;
    let mut client = super::status::connect(socket, tr)?;
    client.set_timeout(std::time::Duration::from_secs(60));
    match client
        .request(crate::ipc::RequestBody::Apply {
            config: bytes.into(),
        })
        .map_err(|e| super::status::ipc_error(e, tr))?
    {
        crate::ipc::ReplyBody::Applied(a) => {
            let id = a.message_id();
            outln!(
                "{}",
                tr.tr_args(id, &[("backup", a.backup.unwrap_or_default())])
            );
            Ok(ExitCode::SUCCESS)
        }
        crate::ipc::ReplyBody::Error { code, detail } => {
            Err(super::status::reply_error(tr, code, detail))
        }
        _ => Err(CliError::new("cli-helper-error")
            .arg("reason", tr.error_text(ErrorCode::IpcUnexpected, None))),
    }
}

/// `stratum config init --role isolated|upstream|client|pair [fields]`: the
/// chrony.conf of a lab role, as the window's Guided setup writes it, linted
/// with the installed chronyd's rules (findings on stderr; exit 1 on an
/// error chronyd would refuse).
fn init_cmd(mut parser: lexopt::Parser, tr: &Localizer) -> CliResult {
    use crate::core::conf::roles::{Role, RoleInput, render_with_comment};
    let mut role: Option<Role> = None;
    let mut input = RoleInput::default();
    let push = |field: &mut String, v: String| {
        if !field.is_empty() {
            field.push(' ');
        }
        field.push_str(&v);
    };
    while let Some(arg) = parser.next()? {
        match arg {
            Long("role") => {
                let v = parser.value()?.to_string_lossy().into_owned();
                role = Some(match v.as_str() {
                    "isolated" => Role::Isolated,
                    "upstream" | "upstreams" => Role::Upstreams,
                    "client" => Role::Client,
                    "pair" => Role::Pair,
                    "gps" => Role::Gps,
                    _ => return Err(CliError::new("cli-bad-role").arg("value", v.escape_debug())),
                });
            }
            Long("upstream") => push(
                &mut input.upstreams,
                parser.value()?.to_string_lossy().into_owned(),
            ),
            Long("subnet") => push(
                &mut input.subnets,
                parser.value()?.to_string_lossy().into_owned(),
            ),
            Long("server") => push(
                &mut input.servers,
                parser.value()?.to_string_lossy().into_owned(),
            ),
            Long("peer") => input.peer = parser.value()?.to_string_lossy().into_owned(),
            Long("gps-device") => input.gps_device = parser.value()?.to_string_lossy().into_owned(),
            Long("pps-device") => input.pps_device = parser.value()?.to_string_lossy().into_owned(),
            Long("nmea-fallback") => input.nmea_fallback = true,
            Long("lang") => {
                parse_lang(parser.value()?)?;
            }
            Short('h') | Long("help") => {
                out!("{}", tr.tr("cli-help-config-init"));
                return Ok(ExitCode::SUCCESS);
            }
            other => return Err(other.unexpected().into()),
        }
    }
    let role = role.ok_or_else(|| CliError::new("cli-missing-option").arg("option", "--role"))?;
    // The file's comment in the user's language (chronyd reads it as bytes).
    let text = render_with_comment(role, &input, &tr.tr(&role.comment_id())).map_err(|e| {
        CliError::new("cli-role-input").arg(
            "reason",
            tr.tr_args(e.message_id(), &[("value", e.value())]),
        )
    })?;
    let doc = Document::parse(&text);
    let version = crate::sys::installed_chrony_version().unwrap_or(ChronyVersion::LATEST);
    let opts = LintOptions {
        version,
        path_exists: None,
        resolves: Some(&crate::sys::resolves),
        ..Default::default()
    };
    let diags = lint::lint(&doc, &opts);
    let mut err = std::io::stderr().lock();
    for d in &diags {
        let sev = tr.tr(&format!("severity-{}", d.severity.as_str()));
        let place = d.line.map(|l| format!("{l}: ")).unwrap_or_default();
        let _ = writeln!(
            err,
            "{place}{sev} [{}] {}",
            d.rule,
            tr.tr_args(&d.message_id(), &d.args)
        );
    }
    out!("{text}");
    let errors = diags.iter().any(|d| d.severity == Severity::Error);
    Ok(if errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
