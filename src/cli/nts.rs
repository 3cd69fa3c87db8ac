//! `stratum nts init|renew|show`: certificates for an NTS server (a small
//! private CA and the server's pair), the chrony.conf lines they imply, and
//! what a certificate file says.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use lexopt::prelude::*;

use super::common::{CliError, CliResult, out, outln, parse_lang, parse_number};
use crate::core::nts::{self, CertInfo, IssueRequest, NtsError, Pem};
use crate::i18n::Localizer;
use crate::ntsfiles::{self, KeyAccess};

fn nts_error(e: NtsError) -> CliError {
    CliError::new(e.message_id()).arg("value", e.value())
}

fn io_error(path: &Path, e: std::io::Error) -> CliError {
    CliError::new("cli-cannot-write")
        .arg("path", path.display())
        .arg("reason", e)
}

/// A directory refused by the trust rule, or one that cannot be made.
fn dir_error(dir: &Path, e: crate::fsutil::dir::DirError) -> CliError {
    match e {
        crate::fsutil::dir::DirError::Untrusted(d) => CliError::new("nts-out-untrusted")
            .arg("dir", dir.display())
            .arg("path", crate::core::text::escape_controls(&d.path))
            .arg("why", d.kind.id())
            .arg("owner", d.owner.unwrap_or_default()),
        crate::fsutil::dir::DirError::Io(e) => io_error(dir, e),
    }
}

fn days_value(parser: &mut lexopt::Parser) -> Result<i64, CliError> {
    let v = parser.value()?.to_string_lossy().into_owned();
    v.parse::<i64>()
        .ok()
        .filter(|d| d.abs() <= 36_500)
        .ok_or_else(|| CliError::new("nts-bad-days").arg("value", v.escape_debug()))
}

/// Who reads the server key: `--group NAME`, else (as root) chrony's user's
/// group, else only the owner.
fn key_access(group: Option<String>) -> Result<KeyAccess, CliError> {
    if let Some(g) = group {
        return crate::sys::group_id(&g)
            .map(KeyAccess::Group)
            .ok_or_else(|| CliError::new("nts-unknown-group").arg("value", g));
    }
    if rustix::process::geteuid().is_root()
        && let Some(u) = crate::sys::chrony_user()
        && let Ok(Some(user)) = nix::unistd::User::from_name(&u)
    {
        return Ok(KeyAccess::Group(user.gid.as_raw()));
    }
    Ok(KeyAccess::Owner)
}

fn absolute(p: PathBuf) -> PathBuf {
    std::path::absolute(&p).unwrap_or(p)
}

pub fn run(mut parser: lexopt::Parser, tr: &Localizer) -> CliResult {
    let sub = match parser.next()? {
        Some(Value(v)) => v.to_string_lossy().into_owned(),
        Some(Short('h') | Long("help")) | None => {
            out!("{}", tr.tr("cli-help-nts"));
            return Ok(ExitCode::SUCCESS);
        }
        Some(other) => return Err(other.unexpected().into()),
    };
    match sub.as_str() {
        "init" => init(parser, tr, false),
        "renew" => init(parser, tr, true),
        "show" => show(parser, tr),
        other => Err(CliError::new("cli-unknown-command").arg("command", other)),
    }
}

/// `init`: a CA (new, or `--ca CERT KEY`) and a server pair in `--out`;
/// `renew`: a new server pair from the CA and the names already in `--out`.
fn init(mut parser: lexopt::Parser, tr: &Localizer, renew: bool) -> CliResult {
    let mut names: Vec<String> = Vec::new();
    let mut out_dir: Option<PathBuf> = None;
    let mut days = nts::SERVER_DAYS;
    let mut ca_files: Option<(PathBuf, PathBuf)> = None;
    let mut group = None;
    let mut dump_dir = PathBuf::from("/var/lib/chrony");
    let mut ntsport = None;
    while let Some(arg) = parser.next()? {
        match arg {
            Long("name") if !renew => names.push(parser.value()?.to_string_lossy().into_owned()),
            Long("out") => out_dir = Some(parser.value()?.into()),
            Long("days") => days = days_value(&mut parser)?,
            Long("ca") if !renew => {
                let cert: PathBuf = parser.value()?.into();
                let key: PathBuf = parser.value()?.into();
                ca_files = Some((cert, key));
            }
            Long("group") => group = Some(parser.value()?.to_string_lossy().into_owned()),
            Long("dump-dir") => dump_dir = parser.value()?.into(),
            Long("ntsport") => {
                ntsport = Some(parse_number(parser.value()?, "--ntsport", |p: &u16| {
                    *p > 0
                })?)
            }
            Long("lang") => {
                parse_lang(parser.value()?)?;
            }
            Short('h') | Long("help") => {
                out!("{}", tr.tr("cli-help-nts"));
                return Ok(ExitCode::SUCCESS);
            }
            other => return Err(other.unexpected().into()),
        }
    }
    let dir = absolute(
        out_dir.ok_or_else(|| CliError::new("cli-missing-option").arg("option", "--out"))?,
    );
    let read = |p: &Path| {
        ntsfiles::read_pem(p).map_err(|e| {
            CliError::new("cli-cannot-read")
                .arg("path", p.display())
                .arg("reason", e)
        })
    };
    // The output directory first: nothing is read from or written to one
    // that another user could change.
    let out_dir = ntsfiles::open_dir(&dir).map_err(|e| dir_error(&dir, e))?;
    let cannot_read = |name: &str, e: std::io::Error| {
        CliError::new("cli-cannot-read")
            .arg("path", out_dir.join(name).display())
            .arg("reason", e)
    };
    let ca = if renew {
        // The names and the CA of the certificate being renewed.
        let old = ntsfiles::read_server_cert(&out_dir)
            .map_err(|e| cannot_read(ntsfiles::SERVER_CERT, e))?;
        let info = nts::parse_cert(&old).ok_or_else(|| nts_error(NtsError::BadCertificate))?;
        names = info.names;
        let ca = ntsfiles::read_ca(&out_dir)
            .and_then(|c| c.ok_or_else(|| std::io::ErrorKind::NotFound.into()))
            .map_err(|e| cannot_read(ntsfiles::CA_KEY, e))?;
        Some(ca)
    } else {
        match &ca_files {
            Some((c, k)) => Some(Pem {
                cert: read(c)?,
                key: read(k)?,
            }),
            None => None,
        }
    };
    let access = key_access(group)?;
    let issued = nts::issue(&IssueRequest {
        names: &names,
        days,
        ca: ca.as_ref(),
        now: crate::sys::now() as i64,
    })
    .map_err(nts_error)?;
    // A CA given from elsewhere is copied beside the server's pair, so that
    // the directory has what its clients trust.
    let copy_ca = !renew && !issued.new_ca;
    let written = ntsfiles::write_issued(&out_dir, &issued, access, copy_ca)
        .map_err(|e| io_error(&out_dir.path, e))?;
    let dir = out_dir.path.clone();
    for f in &written.files {
        eprintln!(
            "stratum: {}",
            tr.tr_args("nts-wrote", &[("path", f.display().to_string())])
        );
    }
    for b in &written.backups {
        eprintln!(
            "stratum: {}",
            tr.tr_args("nts-backup", &[("path", b.display().to_string())])
        );
    }
    let info = nts::parse_cert(&issued.server.cert).expect("a certificate just made");
    print_info(tr, &dir.join(ntsfiles::SERVER_CERT), &info);
    outln!("# {}", tr.tr("nts-lines-server"));
    out!("{}", ntsfiles::server_lines(&dir, &dump_dir, ntsport));
    outln!("# {}", tr.tr("nts-lines-client"));
    out!("{}", ntsfiles::client_lines(&dir, &info.names[0], ntsport));
    if renew {
        eprintln!("stratum: {}", tr.tr("nts-renew-restart"));
    }
    Ok(ExitCode::SUCCESS)
}

fn print_info(tr: &Localizer, path: &Path, info: &CertInfo) {
    let now = crate::sys::now() as i64;
    let date = |t: i64| {
        let (y, mo, d, h, mi, _) = crate::core::civil_from_unix(t);
        format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02} UTC")
    };
    let id = if info.expired(now) {
        "nts-cert-expired-on"
    } else {
        "nts-cert-valid-until"
    };
    outln!(
        "# {}",
        tr.tr_args(
            id,
            &[
                ("path", path.display().to_string()),
                ("names", info.names.join(", ")),
                ("date", date(info.not_after)),
                ("days", info.days_left(now).abs().to_string()),
            ],
        )
    );
}

/// `show FILE`: names, validity, days left; exit 1 when expired.
fn show(mut parser: lexopt::Parser, tr: &Localizer) -> CliResult {
    let mut file: Option<PathBuf> = None;
    while let Some(arg) = parser.next()? {
        match arg {
            Value(v) if file.is_none() => file = Some(v.into()),
            Long("lang") => {
                parse_lang(parser.value()?)?;
            }
            Short('h') | Long("help") => {
                out!("{}", tr.tr("cli-help-nts"));
                return Ok(ExitCode::SUCCESS);
            }
            other => return Err(other.unexpected().into()),
        }
    }
    let file = file.ok_or_else(|| CliError::new("cli-missing-option").arg("option", "FILE"))?;
    let text = ntsfiles::read_pem(&file).map_err(|e| {
        CliError::new("cli-cannot-read")
            .arg("path", file.display())
            .arg("reason", e)
    })?;
    let info = nts::parse_cert(&text).ok_or_else(|| nts_error(NtsError::BadCertificate))?;
    print_info(tr, &file, &info);
    let now = crate::sys::now() as i64;
    Ok(if info.expired(now) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
