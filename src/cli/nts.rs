//! `stratum nts init|renew|show`: certificates for an NTS server (a small
//! private CA and the server's pair), the chrony.conf lines they imply, and
//! what a certificate file says.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::args::{NtsFiles, NtsShowArgs};

use super::common::{CliError, CliResult, out, outln, parse_number};
use crate::core::nts::{self, CertInfo, IssueRequest, NtsError, Pem};
use crate::i18n::Localizer;
use crate::ntsfiles::{self, KeyAccess};

fn nts_error(e: NtsError) -> CliError {
    CliError::new(e.message_id()).arg("value", e.value())
}

fn io_error(path: &Path, e: std::io::Error) -> CliError {
    CliError::cannot_write(path.display(), &e)
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

fn days_value(v: std::ffi::OsString) -> Result<i64, CliError> {
    let v = v.to_string_lossy().into_owned();
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

/// `init`: a CA (new, or `--ca CERT KEY`) and a server pair in `--out`;
/// `renew`: a new server pair from the CA and the names already in `--out`.
pub(super) fn init(
    a: NtsFiles,
    names: Vec<String>,
    ca: Vec<PathBuf>,
    renew: bool,
    tr: &Localizer,
) -> CliResult {
    let mut names = names;
    let out_dir = a.out;
    let days = match a.days {
        Some(v) => days_value(v)?,
        None => nts::SERVER_DAYS,
    };
    let ca_files: Option<(PathBuf, PathBuf)> = match <[PathBuf; 2]>::try_from(ca) {
        Ok([cert, key]) => Some((cert, key)),
        Err(_) => None,
    };
    let group = a.group;
    let dump_dir = a
        .dump_dir
        .unwrap_or_else(|| PathBuf::from("/var/lib/chrony"));
    let ntsport = a
        .ntsport
        .map(|v| parse_number(v, "--ntsport", |p: &u16| *p > 0))
        .transpose()?;
    let dir = absolute(
        out_dir.ok_or_else(|| CliError::new("cli-missing-option").arg("option", "--out"))?,
    );
    let read = |p: &Path| ntsfiles::read_pem(p).map_err(|e| CliError::cannot_read(p.display(), &e));
    // The output directory first: nothing is read from or written to one
    // that another user could change.
    let out_dir = ntsfiles::open_dir(&dir).map_err(|e| dir_error(&dir, e))?;
    let cannot_read =
        |name: &str, e: std::io::Error| CliError::cannot_read(out_dir.join(name).display(), &e);
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
    let (id, days) = if info.expired(now) {
        ("nts-cert-expired-on", info.days_left(now).abs())
    } else if info.not_yet_valid(now) {
        ("nts-cert-not-yet-valid", info.days_until_valid(now))
    } else if info.days_left(now) <= nts::WARN_DAYS {
        // The threshold `export alerts --cert-days` and the window warn at.
        ("nts-cert-expiring", info.days_left(now))
    } else {
        ("nts-cert-valid-until", info.days_left(now))
    };
    outln!(
        "# {}",
        tr.tr_args(
            id,
            &[
                ("path", path.display().to_string()),
                ("names", tr.list(&info.names)),
                ("date", date(info.not_after)),
                ("from", date(info.not_before)),
                ("days", days.to_string()),
                ("warn", nts::WARN_DAYS.to_string()),
            ],
        )
    );
}

/// `show FILE`: names, validity, days left; exit 1 when expired or not
/// valid yet (clients refuse it either way). One within WARN_DAYS of its
/// end is warned about but exits 0: clients still accept it, as the
/// alert rule's warning (not critical) says.
pub(super) fn show(a: NtsShowArgs, tr: &Localizer) -> CliResult {
    let file = a.file;
    let file = file.ok_or_else(|| CliError::new("cli-missing-option").arg("option", "FILE"))?;
    let text = ntsfiles::read_pem(&file).map_err(|e| CliError::cannot_read(file.display(), &e))?;
    let info = nts::parse_cert(&text).ok_or_else(|| nts_error(NtsError::BadCertificate))?;
    print_info(tr, &file, &info);
    let now = crate::sys::now() as i64;
    Ok(if info.expired(now) || info.not_yet_valid(now) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
