//! `stratum export FILE --to FORMAT ...` and `stratum export bundle LAB.toml
//! --out DIR`.

use std::ffi::OsString;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::args::{AlertsArgs, BundleArgs, ExportArgs};

use super::common::{CliError, CliResult, parse_number};
use super::common::{out, outln};
use crate::core::conf::Document;
use crate::core::export::bundle::{self, BundleError, LabSpec};
use crate::core::export::{Format, Key, Note, OptionError, Options, Role, export};
use crate::i18n::Localizer;

fn option_error(e: OptionError) -> CliError {
    e.args()
        .into_iter()
        .fold(CliError::new(e.id()), |err, (k, v)| err.arg(k, v))
}

fn print_notes(tr: &Localizer, notes: &[Note], prefix: &str) {
    let mut err = std::io::stderr().lock();
    for n in notes {
        let _ = writeln!(
            err,
            "{}{}",
            prefix,
            tr.tr_args(
                "export-note-line",
                &[("text", tr.export_note(n.id, &n.args))]
            )
        );
    }
}

/// An export's comments in the user's language (English where the target
/// reads ASCII only): the header names the lab file it came from.
pub struct Translated<'a> {
    pub tr: &'a Localizer,
    pub file: String,
    /// The file is a pair's backup server's (its header says so).
    pub backup: bool,
}

impl crate::core::export::Words for Translated<'_> {
    fn header(&self, format: Format) -> String {
        self.tr.export_header(&self.file, format, self.backup)
    }

    fn comment(&self, format: Format, c: &crate::core::export::Note) -> String {
        self.tr.export_comment(format, c.id, &c.args)
    }
}

fn words<'a>(tr: &'a Localizer, file: &Path, backup: bool) -> Translated<'a> {
    Translated {
        tr,
        file: file.display().to_string(),
        backup,
    }
}

pub fn run(a: ExportArgs, tr: &Localizer) -> CliResult {
    let file = a.file;
    let format: Option<Format> = match a.to {
        None => None,
        Some(v) => Some(
            v.parse()
                .map_err(|_| CliError::new("export-bad-format").arg("value", v))?,
        ),
    };
    let mut opts = Options {
        servers: a.server.iter().map(|s| s.trim().to_string()).collect(),
        peer: a.peer.map(|p| p.trim().to_string()),
        source_interface: a.source_interface,
        vrf: a.vrf,
        nts: a.nts,
        nts_ca: a.ca,
        ..Options::default()
    };
    if let Some(r) = a.role {
        opts.role = match r.as_str() {
            "primary" => Role::Primary,
            "backup" => Role::Backup,
            other => return Err(CliError::new("export-bad-role").arg("value", other)),
        };
    }
    if let Some(k) = a.key {
        opts.key = Some(k.parse::<Key>().map_err(option_error)?);
    }
    if let Some(v) = a.ntpd_version {
        opts.ntpd =
            Some(v.parse().map_err(|_| {
                CliError::new("cli-bad-ntpd-version").arg("value", v.escape_debug())
            })?);
    }
    let out = a.out;
    let file = file.ok_or_else(|| CliError::new("cli-missing-file"))?;
    let format = format.ok_or_else(|| CliError::new("export-needs-format"))?;
    let text = std::fs::read(&file).map_err(|e| CliError::cannot_read(file.display(), &e))?;
    let doc = Document::parse(text);
    refuse_invalid(&doc, &file, tr)?;
    // Names are looked up here, on the machine that makes the file: a
    // client's `allow` and the devices that take addresses only need the
    // address, and the core does no IO.
    for name in opts.names() {
        opts.set_addresses(&name, crate::sys::addresses(&name));
    }
    let e = export(
        &doc,
        format,
        &opts,
        &words(tr, &file, opts.role == Role::Backup),
    )
    .map_err(option_error)?;
    match out {
        Some(path) => crate::fsutil::write_atomic(&path, e.text.as_bytes())
            .map_err(|err| CliError::cannot_write(path.display(), &err))
            .map(|_| ())?,
        None => out!("{}", e.text),
    }
    print_notes(tr, &e.notes, "");
    if let Some(notice) = tr.export_ascii_notice(format) {
        let _ = writeln!(
            std::io::stderr(),
            "{}",
            tr.tr_args("export-note-line", &[("text", notice)])
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// A lab file chronyd refuses to start with (`allow 10.0.0.0/33`, a file
/// cut mid-line) would give switches and firewalls rules for a server that
/// never runs: lint's errors are said, as `config lint` says them, and
/// nothing is written. Only the document's own rules apply (no paths,
/// names or certificates of this machine): the lab runs elsewhere.
fn refuse_invalid(doc: &Document, file: &Path, tr: &Localizer) -> Result<(), CliError> {
    use crate::core::conf::lint::{self, LintOptions, Severity};
    let opts = LintOptions {
        version: super::config::known_version(None, tr)?,
        path_exists: None,
        resolves: None,
        read: None,
        now: None,
        trust: None,
    };
    let errors: Vec<_> = lint::lint(doc, &opts)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    if errors.is_empty() {
        return Ok(());
    }
    let mut err = std::io::stderr().lock();
    let sev = tr.tr("severity-error");
    for d in &errors {
        let place = match d.line {
            Some(l) => format!("{}:{l}", file.display()),
            None => file.display().to_string(),
        };
        let msg = tr.tr_args(&d.message_id(), &d.args);
        let _ = writeln!(err, "{place}: {sev} [{}] {msg}", d.rule);
    }
    Err(CliError::new("export-invalid-lab")
        .arg("path", file.display())
        .arg("errors", errors.len())
        .arg("version", opts.version))
}

/// `stratum export bundle LAB.toml --out DIR`.
pub fn run_bundle(a: BundleArgs, tr: &Localizer) -> CliResult {
    let lab = a.lab.ok_or_else(|| CliError::new("cli-missing-file"))?;
    let out = a
        .out
        .ok_or_else(|| CliError::new("export-bundle-needs-out"))?;
    let (lab, out) = (lab.as_path(), out.as_path());
    let text =
        std::fs::read_to_string(lab).map_err(|e| CliError::cannot_read(lab.display(), &e))?;
    let spec: LabSpec = toml::from_str(&text).map_err(|e| {
        CliError::new("export-bad-lab")
            .arg("path", lab.display())
            .arg("reason", e.message().to_string())
    })?;
    let conf = lab.parent().unwrap_or(Path::new(".")).join(&spec.config);
    let doc = Document::parse(
        std::fs::read(&conf).map_err(|e| CliError::cannot_read(conf.display(), &e))?,
    );
    refuse_invalid(&doc, &conf, tr)?;
    // NTS: a CA and a certificate per server, made now (365 days).
    let nts = if spec.nts {
        let now = crate::sys::now() as i64;
        let issue = |name: &str, ca: Option<&crate::core::nts::Pem>| {
            crate::core::nts::issue(&crate::core::nts::IssueRequest {
                names: &[name.to_string()],
                days: crate::core::nts::SERVER_DAYS,
                ca,
                now,
            })
            .map_err(|e| CliError::new(e.message_id()).arg("value", e.value()))
        };
        let primary = issue(&spec.primary, None)?;
        let backup = match &spec.backup {
            Some(b) => Some(issue(b, Some(&primary.ca))?.server),
            None => None,
        };
        Some(bundle::BundleNts {
            ca_cert: primary.ca.cert.clone(),
            primary: primary.server,
            backup,
        })
    } else {
        None
    };
    let files = bundle::build(&spec, &doc, &words(tr, &conf, false), nts.as_ref()).map_err(
        |e| match e {
            BundleError::Option(o) => option_error(o),
            BundleError::Subnet(s) => CliError::new("cli-subnet-syntax").arg("value", s),
            BundleError::Vendor(v) => CliError::new("export-bad-format").arg("value", v),
            BundleError::Name(n) => CliError::new("export-bad-switch-name").arg("value", n),
        },
    )?;
    let write = |rel: &str, text: &str, private: bool| -> Result<(), CliError> {
        let path = out.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| CliError::cannot_write(dir.display(), &e))?;
        }
        let written = if private {
            crate::fsutil::write_atomic_private(&path, text.as_bytes())
        } else {
            crate::fsutil::write_atomic(&path, text.as_bytes())
        };
        written
            .map(|_| ())
            .map_err(|e| CliError::cannot_write(path.display(), &e))
    };
    let mut readme = tr.tr_args("bundle-readme-title", &[("primary", spec.primary.as_str())]);
    readme.push_str("\n\n");
    for f in &files {
        write(&f.path, &f.text, f.private)?;
        let what = tr.tr(&bundle_readme_id(&f.path));
        readme.push_str(&format!("- `{}`: {}\n", f.path, what));
        for n in &f.notes {
            readme.push_str(&format!("  - {}\n", tr.export_note(n.id, &n.args)));
        }
    }
    write("README.md", &readme, false)?;
    outln!(
        "{}",
        tr.tr_args(
            "bundle-written",
            &[
                ("count", (files.len() + 1).to_string()),
                ("dir", out.display().to_string())
            ]
        )
    );
    Ok(ExitCode::SUCCESS)
}

/// The README line id for a bundle file.
fn bundle_readme_id(path: &str) -> String {
    let key = match path.split('/').next().unwrap_or("") {
        "primary" => "primary",
        "backup" => "backup",
        "clients" => "clients",
        "firewall" => "firewall",
        "ansible" => "ansible",
        "monitor" => "monitor",
        "keys" => "keys",
        "nts" => "nts",
        _ => "switch",
    };
    format!("bundle-readme-{key}")
}

/// `stratum export alerts [--to prometheus] [thresholds] [--out FILE]`:
/// prometheus is the only format, so it is the default.
pub fn run_alerts(a: AlertsArgs, tr: &Localizer) -> CliResult {
    use crate::core::export::alerts::{Thresholds, prometheus_rules};
    let mut t = Thresholds::default();
    let number = |v: Option<OsString>, option: &str, max: f64| -> Result<Option<f64>, CliError> {
        v.map(|v| parse_number(v, option, |x: &f64| x.is_finite() && *x > 0.0 && *x <= max))
            .transpose()
    };
    if let Some(v) = number(a.offset_warn, "--offset-warn", 1e6)? {
        t.offset_warn = v;
    }
    if let Some(v) = number(a.offset_crit, "--offset-crit", 1e6)? {
        t.offset_crit = v;
    }
    // The rule fires for a stratum above this one and below 16 (16 is
    // "unsynchronised", its own alert): 1 to 15 leaves something to warn of.
    if let Some(v) = a.max_stratum {
        t.max_stratum = parse_number(v.clone(), "--max-stratum", |x: &u8| (1..=15).contains(x))
            .map_err(|_| {
                CliError::new("cli-number-range")
                    .arg("option", "--max-stratum")
                    .arg("min", 1)
                    .arg("max", 15)
                    .arg("value", v.to_string_lossy().escape_debug())
            })?;
    }
    if let Some(v) = number(a.cert_days, "--cert-days", 3650.0)? {
        t.cert_days = v as u32;
    }
    if let Some(v) = number(a.leap_days, "--leap-days", 3650.0)? {
        t.leap_days = v as u32;
    }
    if let Some(v) = number(a.silent_minutes, "--silent-minutes", 10_080.0)? {
        t.silent_minutes = v as u32;
    }
    // A critical alert below its warning fires first, and the warning never
    // comes before it: refused before anything is written.
    if t.offset_crit <= t.offset_warn {
        return Err(CliError::new("export-alerts-offset-order")
            .arg("warn", t.offset_warn.to_string())
            .arg("crit", t.offset_crit.to_string()));
    }
    let (to, out) = (a.to, a.out);
    match to.as_deref() {
        None | Some("prometheus") => {}
        Some(v) => return Err(CliError::new("export-bad-format").arg("value", v)),
    }
    let text = prometheus_rules(&t, &tr.tr("alerts-header"), |r| tr.alert_summary(r));
    match out {
        Some(path) => {
            crate::fsutil::write_atomic(&path, text.as_bytes())
                .map_err(|e| CliError::cannot_write(path.display(), &e))?;
        }
        None => out!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}
