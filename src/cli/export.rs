//! `stratum export FILE --to FORMAT ...` and `stratum export bundle LAB.toml
//! --out DIR`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use lexopt::prelude::*;

use super::common::{CliError, CliResult, parse_lang, parse_number};
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
            tr.tr_args("export-note-line", &[("text", tr.tr_args(n.id, &n.args))])
        );
    }
}

pub fn header(tr: &Localizer, file: &Path, format: Format) -> String {
    tr.export_header(&file.display().to_string(), format)
}

pub fn run(mut parser: lexopt::Parser, tr: &Localizer) -> CliResult {
    let mut file: Option<PathBuf> = None;
    let mut format: Option<Format> = None;
    let mut opts = Options::default();
    let mut out: Option<PathBuf> = None;
    let mut is_bundle = false;
    while let Some(arg) = parser.next()? {
        match arg {
            Long("to") => {
                let v = parser.value()?.to_string_lossy().into_owned();
                format = Some(
                    v.parse()
                        .map_err(|_| CliError::new("export-bad-format").arg("value", v))?,
                );
            }
            Long("server") => opts
                .servers
                .push(parser.value()?.to_string_lossy().trim().to_string()),
            Long("role") => {
                opts.role = match parser.value()?.to_string_lossy().as_ref() {
                    "primary" => Role::Primary,
                    "backup" => Role::Backup,
                    other => return Err(CliError::new("export-bad-role").arg("value", other)),
                }
            }
            Long("peer") => opts.peer = Some(parser.value()?.to_string_lossy().trim().to_string()),
            Long("source-interface") => {
                opts.source_interface = Some(parser.value()?.to_string_lossy().into_owned())
            }
            Long("key") => {
                let v = parser.value()?.to_string_lossy().into_owned();
                opts.key = Some(v.parse::<Key>().map_err(option_error)?);
            }
            Long("vrf") => opts.vrf = Some(parser.value()?.to_string_lossy().into_owned()),
            Long("nts") => opts.nts = true,
            Long("ca") => opts.nts_ca = Some(parser.value()?.to_string_lossy().into_owned()),
            Long("ntpd-version") => {
                let v = parser.value()?.to_string_lossy().into_owned();
                opts.ntpd = Some(v.parse().map_err(|_| {
                    CliError::new("cli-bad-ntpd-version").arg("value", v.escape_debug())
                })?);
            }
            Long("out") => out = Some(parser.value()?.into()),
            Long("lang") => {
                parse_lang(parser.value()?)?;
            }
            Short('h') | Long("help") => {
                // The formats by id and by name.
                let formats: String = crate::core::export::Format::ALL
                    .iter()
                    .map(|f| format!("  {:<15} {}\n", f.name(), tr.tr(&f.title_id())))
                    .collect();
                out!("{}", tr.tr_args("cli-help-export", &[("formats", formats)]));
                return Ok(ExitCode::SUCCESS);
            }
            Value(v) if file.is_none() && !is_bundle && v == "bundle" => is_bundle = true,
            Value(v) if file.is_none() && !is_bundle && v == "alerts" => {
                return run_alerts(parser, tr);
            }
            Value(v) if file.is_none() => file = Some(v.into()),
            other => return Err(other.unexpected().into()),
        }
    }
    let file = file.ok_or_else(|| CliError::new("cli-missing-file"))?;
    if is_bundle {
        let out = out.ok_or_else(|| CliError::new("export-bundle-needs-out"))?;
        return run_bundle(&file, &out, tr);
    }
    let format = format.ok_or_else(|| CliError::new("export-needs-format"))?;
    let text = std::fs::read(&file).map_err(|e| {
        CliError::new("cli-cannot-read")
            .arg("path", file.display())
            .arg("reason", e)
    })?;
    let doc = Document::parse(text);
    let e = export(&doc, format, &opts, &header(tr, &file, format)).map_err(option_error)?;
    match out {
        Some(path) => crate::fsutil::write_atomic(&path, e.text.as_bytes())
            .map_err(|err| {
                CliError::new("cli-cannot-write")
                    .arg("path", path.display())
                    .arg("reason", err)
            })
            .map(|_| ())?,
        None => out!("{}", e.text),
    }
    print_notes(tr, &e.notes, "");
    Ok(ExitCode::SUCCESS)
}

fn run_bundle(lab: &Path, out: &Path, tr: &Localizer) -> CliResult {
    let text = std::fs::read_to_string(lab).map_err(|e| {
        CliError::new("cli-cannot-read")
            .arg("path", lab.display())
            .arg("reason", e)
    })?;
    let spec: LabSpec = toml::from_str(&text).map_err(|e| {
        CliError::new("export-bad-lab")
            .arg("path", lab.display())
            .arg("reason", e.message().to_string())
    })?;
    let conf = lab.parent().unwrap_or(Path::new(".")).join(&spec.config);
    let doc = Document::parse(std::fs::read(&conf).map_err(|e| {
        CliError::new("cli-cannot-read")
            .arg("path", conf.display())
            .arg("reason", e)
    })?);
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
    let files = bundle::build(&spec, &doc, &|f| header(tr, &conf, f), nts.as_ref()).map_err(
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
            std::fs::create_dir_all(dir).map_err(|e| {
                CliError::new("cli-cannot-write")
                    .arg("path", dir.display())
                    .arg("reason", e)
            })?;
        }
        let written = if private {
            crate::fsutil::write_atomic_private(&path, text.as_bytes())
        } else {
            crate::fsutil::write_atomic(&path, text.as_bytes())
        };
        written.map(|_| ()).map_err(|e| {
            CliError::new("cli-cannot-write")
                .arg("path", path.display())
                .arg("reason", e)
        })
    };
    let mut readme = tr.tr_args("bundle-readme-title", &[("primary", spec.primary.as_str())]);
    readme.push_str("\n\n");
    for f in &files {
        write(&f.path, &f.text, f.private)?;
        let what = tr.tr(&bundle_readme_id(&f.path));
        readme.push_str(&format!("- `{}`: {}\n", f.path, what));
        for n in &f.notes {
            readme.push_str(&format!("  - {}\n", tr.tr_args(n.id, &n.args)));
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

/// `stratum export alerts --to prometheus [thresholds] [--out FILE]`.
fn run_alerts(mut parser: lexopt::Parser, tr: &Localizer) -> CliResult {
    use crate::core::export::alerts::{Thresholds, prometheus_rules};
    let mut t = Thresholds::default();
    let mut to: Option<String> = None;
    let mut out: Option<PathBuf> = None;
    let number = |parser: &mut lexopt::Parser, option: &str, max: f64| -> Result<f64, CliError> {
        parse_number(parser.value()?, option, |x: &f64| {
            x.is_finite() && *x > 0.0 && *x <= max
        })
    };
    while let Some(arg) = parser.next()? {
        match arg {
            Long("to") => to = Some(parser.value()?.to_string_lossy().into_owned()),
            Long("offset-warn") => t.offset_warn = number(&mut parser, "--offset-warn", 1e6)?,
            Long("offset-crit") => t.offset_crit = number(&mut parser, "--offset-crit", 1e6)?,
            Long("max-stratum") => {
                t.max_stratum = number(&mut parser, "--max-stratum", 15.0)? as u8
            }
            Long("cert-days") => t.cert_days = number(&mut parser, "--cert-days", 3650.0)? as u32,
            Long("leap-days") => t.leap_days = number(&mut parser, "--leap-days", 3650.0)? as u32,
            Long("silent-minutes") => {
                t.silent_minutes = number(&mut parser, "--silent-minutes", 10_080.0)? as u32
            }
            Long("out") => out = Some(parser.value()?.into()),
            Long("lang") => {
                parse_lang(parser.value()?)?;
            }
            Short('h') | Long("help") => {
                out!("{}", tr.tr("cli-help-export-alerts"));
                return Ok(ExitCode::SUCCESS);
            }
            other => return Err(other.unexpected().into()),
        }
    }
    match to.as_deref() {
        Some("prometheus") => {}
        Some(v) => return Err(CliError::new("export-bad-format").arg("value", v)),
        None => return Err(CliError::new("export-needs-format")),
    }
    let text = prometheus_rules(&t);
    match out {
        Some(path) => {
            crate::fsutil::write_atomic(&path, text.as_bytes()).map_err(|e| {
                CliError::new("cli-cannot-write")
                    .arg("path", path.display())
                    .arg("reason", e)
            })?;
        }
        None => out!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}
