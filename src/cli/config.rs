//! `stratum config lint` and `stratum config edit`.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::json;

use super::args::{ApplyArgs, EditArgs, InitArgs, LintArgs};
use super::common::{CliError, CliResult};
use super::common::{out, outln};
use crate::core::codes::ErrorCode;
use crate::core::conf::edit::{Group, group_comment_id};
use crate::core::conf::lint::{self, Diagnostic, LintOptions, Severity};
use crate::core::conf::{
    Access, AccessScope, ChronyVersion, Directive, Document, Local, SourceKind, SubnetError,
    UserSourceError, parse_user_source, parse_user_subnet,
};
use crate::fsutil;
use crate::i18n::Localizer;
use crate::includes;

fn read_file(path: &Path) -> Result<Vec<u8>, CliError> {
    std::fs::read(path).map_err(|e| CliError::cannot_read(path.display(), &e))
}

/// How `config lint` prints what it found.
#[derive(PartialEq)]
enum Format {
    Text,
    Json,
}

pub(super) fn lint_cmd(a: LintArgs, tr: &Localizer) -> CliResult {
    let files = a.files;
    let format = match a.format.as_deref() {
        None | Some("text") => Format::Text,
        Some("json") => Format::Json,
        Some(v) => return Err(CliError::new("cli-bad-format").arg("value", v)),
    };
    let version: Option<ChronyVersion> = match a.chrony_version {
        None => None,
        Some(v) => Some(
            v.parse()
                .map_err(|_| CliError::new("cli-bad-version").arg("value", v))?,
        ),
    };
    if files.is_empty() {
        return Err(CliError::new("cli-missing-file"));
    }
    let docs = files
        .iter()
        .map(|f| read_file(f).map(Document::parse))
        .collect::<Result<Vec<_>, _>>()?;
    let version = known_version(version, tr)?;
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
            let diags = if file.sources {
                lint::lint_sources_file(&file.doc, &opts)
            } else if file.included {
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

/// The release whose rules lint applies: the one named, else the installed
/// chronyd's, else the newest known. Rules are known from 4.0 to
/// `ChronyVersion::LATEST`: an older release named is refused (its language
/// differs: 3.x has no `authselectmode`, other defaults), a newer one is
/// read with the newest rules known, and both are said.
pub(super) fn known_version(
    named: Option<ChronyVersion>,
    tr: &Localizer,
) -> Result<ChronyVersion, CliError> {
    let (version, by_user) = match named {
        Some(v) => (v, true),
        None => match crate::sys::installed_chrony_version() {
            Some(v) => (v, false),
            None => return Ok(ChronyVersion::LATEST),
        },
    };
    let args = |id: &str| {
        tr.tr_args(
            id,
            &[
                ("version", version.to_string()),
                ("oldest", ChronyVersion::BASE.to_string()),
                ("newest", ChronyVersion::LATEST.to_string()),
            ],
        )
    };
    if version < ChronyVersion::BASE {
        if by_user {
            return Err(CliError::new("cli-version-too-old")
                .arg("version", version.to_string())
                .arg("oldest", ChronyVersion::BASE.to_string()));
        }
        eprintln!("{}", args("cli-version-installed-too-old"));
        return Ok(ChronyVersion::BASE);
    }
    if version > ChronyVersion::LATEST {
        eprintln!("{}", args("cli-version-newer"));
        return Ok(ChronyVersion::LATEST);
    }
    Ok(version)
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

/// The edits of `config edit`, which apply in the order given.
#[derive(Clone, Copy)]
enum EditOpt {
    AddServer,
    AddPool,
    AddPeer,
    RemoveServer,
    Allow,
    Deny,
    Makestep,
    Log,
    Set,
    Unset,
}

impl EditOpt {
    /// Each with its argument's id in [`EditArgs`].
    const ALL: [(EditOpt, &'static str); 10] = [
        (EditOpt::AddServer, "add_server"),
        (EditOpt::AddPool, "add_pool"),
        (EditOpt::AddPeer, "add_peer"),
        (EditOpt::RemoveServer, "remove_server"),
        (EditOpt::Allow, "allow"),
        (EditOpt::Deny, "deny"),
        (EditOpt::Makestep, "makestep"),
        (EditOpt::Log, "log"),
        (EditOpt::Set, "set"),
        (EditOpt::Unset, "unset"),
    ];
}

/// Every edit with its values, in command-line order.
fn edits_in_order(m: &clap::ArgMatches) -> Vec<(EditOpt, Vec<OsString>)> {
    let mut out: Vec<(usize, EditOpt, Vec<OsString>)> = Vec::new();
    for (opt, id) in EditOpt::ALL {
        let (Some(occurrences), Some(indices)) = (m.get_raw_occurrences(id), m.indices_of(id))
        else {
            continue;
        };
        let mut indices = indices;
        for values in occurrences {
            let values: Vec<OsString> = values.map(OsString::from).collect();
            let first = indices.next().unwrap_or(usize::MAX);
            for _ in 1..values.len() {
                indices.next();
            }
            out.push((first, opt, values));
        }
    }
    out.sort_by_key(|(i, _, _)| *i);
    out.into_iter().map(|(_, o, v)| (o, v)).collect()
}

pub(super) fn edit_cmd(a: EditArgs, m: &clap::ArgMatches, tr: &Localizer) -> CliResult {
    // Every argument is validated as it is read: a bad one changes nothing.
    let mut ops = Vec::new();
    let stratum: Option<OsString> = a.local_stratum;
    let orphan: Option<bool> = if a.orphan {
        Some(true)
    } else if a.no_orphan {
        Some(false)
    } else {
        None
    };
    let in_place = a.in_place;
    let text = |v: OsString| -> Result<String, CliError> {
        v.into_string()
            .map_err(|v| CliError::new("cli-not-unicode").arg("argument", v.to_string_lossy()))
    };
    let distance: Option<f64> = match a.distance {
        None => None,
        Some(v) => {
            let t = text(v)?;
            Some(
                t.trim()
                    .parse::<f64>()
                    .ok()
                    .filter(|d| d.is_finite() && *d >= 0.0)
                    .ok_or_else(|| {
                        CliError::new("cli-bad-distance").arg("value", t.escape_debug())
                    })?,
            )
        }
    };
    for (opt, values) in edits_in_order(m) {
        let mut values = values.into_iter();
        let mut value = || text(values.next().unwrap_or_default());
        match opt {
            EditOpt::AddServer | EditOpt::AddPool | EditOpt::AddPeer => {
                let kind = match opt {
                    EditOpt::AddPool => SourceKind::Pool,
                    EditOpt::AddPeer => SourceKind::Peer,
                    _ => SourceKind::Server,
                };
                let t = value()?;
                ops.push(Op::Add(
                    parse_user_source(kind, &t).map_err(|e| source_error(e, kind, &t, tr))?,
                ));
            }
            EditOpt::RemoveServer => {
                let host = value()?;
                if !crate::core::conf::edit::is_valid_host(host.trim()) {
                    return Err(
                        CliError::new("cli-source-bad-host").arg("host", host.escape_debug())
                    );
                }
                ops.push(Op::Remove(host.trim().to_string()));
            }
            EditOpt::Allow | EditOpt::Deny => {
                let allow = matches!(opt, EditOpt::Allow);
                let net = value()?;
                let target = parse_user_subnet(&net).map_err(|e| subnet_error(e, &net))?;
                ops.push(Op::Access(Access {
                    scope: AccessScope::Ntp,
                    allow,
                    all: false,
                    target,
                }));
            }
            EditOpt::Makestep => {
                let t = value()?;
                let l = value()?;
                ops.push(Op::Set(single("makestep", &format!("{t} {l}"), tr)?));
            }
            EditOpt::Log => {
                // Every word after --log up to the next option.
                let words: Vec<String> = values.map(text).collect::<Result<_, _>>()?;
                ops.push(Op::Set(single("log", &words.join(" "), tr)?));
            }
            EditOpt::Set => {
                let t = value()?;
                let (name, args) = t
                    .trim()
                    .split_once(char::is_whitespace)
                    .unwrap_or((t.trim(), ""));
                ops.push(Op::Set(single(name, args, tr)?));
            }
            EditOpt::Unset => {
                let name = value()?.trim().to_ascii_lowercase();
                if !is_single(&name) {
                    return Err(
                        CliError::new("cli-set-not-single").arg("directive", name.escape_debug())
                    );
                }
                ops.push(Op::Unset(name));
            }
        }
    }
    let file = a.file;
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
                // Where the window puts it, under a comment in the CLI's
                // language when it is the first of its kind.
                let comment = crate::core::conf::comments::conf_comment(
                    &doc,
                    tr.lang(),
                    group_comment_id(Group::of_source(&s)),
                );
                doc.add_source_after_removal(&s, removed_at, &comment);
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
                let comment = crate::core::conf::comments::conf_comment(
                    &doc,
                    tr.lang(),
                    group_comment_id(Group::Access),
                );
                doc.add_access_commented(&a, &comment);
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
            std::fs::write(&bak, &original)
                .map_err(|e| CliError::cannot_write(bak.display(), &e))?;
            fsutil::write_atomic(&file, &edited)
                .map_err(|e| CliError::cannot_write(file.display(), &e))?;
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
pub(super) fn apply_cmd(a: ApplyArgs, tr: &Localizer) -> CliResult {
    let file = a.file;
    let socket = super::status::target(a.target)?;
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
pub(super) fn init_cmd(a: InitArgs, tr: &Localizer) -> CliResult {
    use crate::core::conf::roles::{Role, RoleInput, render_with_comment};
    let role = match a.role.as_deref() {
        None => None,
        Some("isolated") => Some(Role::Isolated),
        Some("upstream" | "upstreams") => Some(Role::Upstreams),
        Some("client") => Some(Role::Client),
        Some("pair") => Some(Role::Pair),
        Some("gps") => Some(Role::Gps),
        Some(v) => return Err(CliError::new("cli-bad-role").arg("value", v.escape_debug())),
    };
    let input = RoleInput {
        upstreams: a.upstream.join(" "),
        subnets: a.subnet.join(" "),
        servers: a.server.join(" "),
        peer: a.peer.unwrap_or_default(),
        gps_device: a.gps_device.unwrap_or_default(),
        pps_device: a.pps_device.unwrap_or_default(),
        nmea_fallback: a.nmea_fallback,
    };
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
