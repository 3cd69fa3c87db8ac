//! Lookups on the machine, in one place: which chronyd runs and its version,
//! users and groups (through NSS, so LDAP/SSSD members count), the systemd
//! unit of the distribution's chronyd. The CLI, the GUI and the helper all
//! ask here.

use std::path::{Path, PathBuf};

use crate::core::conf::ChronyVersion;

/// Environment variable naming the chronyd to use when no `--chronyd` is
/// given (a build in /usr/local, a newer release, a container's).
pub const CHRONYD_ENV: &str = "STRATUM_CHRONYD";

/// The chronyd that would run: `explicit` (from `--chronyd` or a setting),
/// then `$STRATUM_CHRONYD`, then the distribution's places, then PATH.
pub fn find_chronyd(explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = explicit {
        return Some(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os(CHRONYD_ENV).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    [
        "/usr/sbin/chronyd",
        "/sbin/chronyd",
        "/usr/local/sbin/chronyd",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.is_file())
    .or_else(|| {
        std::env::var_os("PATH").and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|d| d.join("chronyd"))
                .find(|p| p.is_file())
        })
    })
}

/// `chronyd -v` of that binary: the version whose rules apply.
pub fn chronyd_version(chronyd: &Path) -> Option<ChronyVersion> {
    let out = std::process::Command::new(chronyd)
        .arg("-v")
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    ChronyVersion::from_chronyd_banner(&String::from_utf8_lossy(&out.stdout))
}

/// The version of the chronyd `find_chronyd(None)` finds.
pub fn installed_chrony_version() -> Option<ChronyVersion> {
    chronyd_version(&find_chronyd(None)?)
}

/// A user's name (NSS).
pub fn user_name(uid: u32) -> Option<String> {
    nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(uid))
        .ok()
        .flatten()
        .map(|u| u.name)
}

/// Whether a user of that name exists (NSS).
pub fn user_exists(name: &str) -> bool {
    nix::unistd::User::from_name(name).ok().flatten().is_some()
}

/// A group's id (NSS).
pub fn group_id(name: &str) -> Option<u32> {
    nix::unistd::Group::from_name(name)
        .ok()
        .flatten()
        .map(|g| g.gid.as_raw())
}

/// Every group a user is in, primary and supplementary, as NSS says now
/// (a member removed from the group loses access on the next request).
pub fn groups_of(uid: u32, primary_gid: u32) -> Vec<u32> {
    let mut out = vec![primary_gid];
    if let Some(name) = user_name(uid)
        && let Ok(cname) = std::ffi::CString::new(name)
        && let Ok(groups) =
            nix::unistd::getgrouplist(&cname, nix::unistd::Gid::from_raw(primary_gid))
    {
        out.extend(groups.into_iter().map(|g| g.as_raw()));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The name of the user this process runs as, for chronyd's `-u`.
pub fn current_user_name() -> String {
    user_name(rustix::process::geteuid().as_raw())
        .or_else(|| std::env::var("USER").ok())
        .unwrap_or_else(|| "root".into())
}

/// The user the distribution's chronyd drops to (`_chrony` on
/// Debian/Ubuntu, `chrony` on RHEL/Fedora/Arch), when it exists.
pub fn chrony_user() -> Option<String> {
    ["_chrony", "chrony"]
        .iter()
        .find(|u| user_exists(u))
        .map(|u| u.to_string())
}

/// The extra chronyd options a distribution's service passes, from the file
/// beside its configuration: RHEL/Fedora keep `OPTIONS` in
/// `/etc/sysconfig/chronyd` (beside `/etc/chrony.conf`), Debian/Ubuntu
/// `DAEMON_OPTS` in `/etc/default/chrony` (beside `/etc/chrony/`). A
/// configuration elsewhere has none.
pub fn distribution_options(config: &Path) -> Vec<String> {
    let Some(etc) = config.parent() else {
        return Vec::new();
    };
    let (file, var) = match config.file_name().and_then(|n| n.to_str()) {
        Some("chrony.conf") if etc.file_name().is_some_and(|n| n == "chrony") => (
            etc.parent().map(|e| e.join("default/chrony")),
            "DAEMON_OPTS",
        ),
        Some("chrony.conf") => (Some(etc.join("sysconfig/chronyd")), "OPTIONS"),
        _ => (None, ""),
    };
    file.and_then(|f| std::fs::read_to_string(f).ok())
        .map(|text| shell_assignment(&text, var))
        .unwrap_or_default()
}

/// The words of `VAR="..."` in an environment file, as the service uses
/// them: the shell's value (quotes removed, the last assignment wins), then
/// split at white space as systemd splits an unbraced `$VAR` on ExecStart.
pub fn shell_assignment(text: &str, var: &str) -> Vec<String> {
    let mut value = None;
    for line in text.lines() {
        let line = line.trim();
        let line = line.strip_prefix("export ").unwrap_or(line);
        if let Some(v) = line.strip_prefix(var).and_then(|r| r.strip_prefix('=')) {
            value = Some(v.to_string());
        }
    }
    let Some(v) = value else { return Vec::new() };
    let mut plain = String::new();
    let mut quote: Option<char> = None;
    for c in v.chars() {
        match (quote, c) {
            (None, '#') if plain.ends_with(char::is_whitespace) || plain.is_empty() => break,
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (_, c) => plain.push(c),
        }
    }
    plain.split_whitespace().map(str::to_string).collect()
}

/// The systemd unit of the distribution's chronyd, when systemd runs.
pub fn systemd_unit() -> Option<String> {
    if !Path::new("/run/systemd/system").exists() {
        return None;
    }
    ["chrony", "chronyd"].iter().find_map(|u| {
        let found = [
            "/lib/systemd/system",
            "/usr/lib/systemd/system",
            "/etc/systemd/system",
        ]
        .iter()
        .any(|d| Path::new(d).join(format!("{u}.service")).exists());
        found.then(|| u.to_string())
    })
}

/// Whether a host name resolves here, as chronyd would resolve an `allow`
/// name at start (through the system's resolver).
pub fn resolves(host: &str) -> bool {
    use std::net::ToSocketAddrs;
    (host, 0)
        .to_socket_addrs()
        .map(|mut a| a.next().is_some())
        .unwrap_or(false)
}

/// The addresses a host name has here, through the system's resolver (as
/// chronyd resolves a name), in the resolver's order, each once. A name
/// under `.invalid` is never looked up: RFC 6761 6.4 reserves it to fail,
/// without a query.
pub fn addresses(host: &str) -> Vec<std::net::IpAddr> {
    use std::net::ToSocketAddrs;
    let tld = host.trim_end_matches('.').rsplit('.').next().unwrap_or("");
    if tld.eq_ignore_ascii_case("invalid") {
        return Vec::new();
    }
    let mut out: Vec<std::net::IpAddr> = Vec::new();
    for a in (host, 0).to_socket_addrs().into_iter().flatten() {
        if !out.contains(&a.ip()) {
            out.push(a.ip());
        }
    }
    out
}

/// The system clock as Unix seconds.
pub fn now() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0)
}

/// IPv4 networks of this machine's interfaces (from the routing table),
/// loopback and the default route left out: the GUI's allow presets.
pub fn local_networks() -> Vec<String> {
    // A routing table is small; the cap keeps a strange /proc harmless.
    let Ok(text) = std::fs::read_to_string("/proc/net/route") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for line in text.lines().skip(1).take(4096) {
        let f: Vec<&str> = line.split_whitespace().collect();
        if f.len() < 8 || f[0] == "lo" {
            continue;
        }
        let (Ok(dest), Ok(mask)) = (u32::from_str_radix(f[1], 16), u32::from_str_radix(f[7], 16))
        else {
            continue;
        };
        if mask == 0 {
            continue;
        }
        let dest = std::net::Ipv4Addr::from(u32::from_be(dest));
        let bits = u32::from_be(mask).count_ones();
        let net = format!("{dest}/{bits}");
        if !out.contains(&net) {
            out.push(net);
        }
    }
    out
}

/// A `pre_exec` hook: the child gets SIGTERM when the thread that forked it
/// ends (its parent died, however: SIGKILL, SIGTERM, a crash). If the parent
/// is already gone by the time the hook runs, the child exits at once.
pub fn die_with_parent() -> impl FnMut() -> std::io::Result<()> + Send + Sync + 'static {
    let parent = rustix::process::getpid();
    move || {
        rustix::process::set_parent_process_death_signal(Some(rustix::process::Signal::TERM))?;
        if rustix::process::getppid() != Some(parent) {
            return Err(std::io::Error::other("parent exited"));
        }
        Ok(())
    }
}

/// A file chronyd would read, for lint: a regular file of at most 1 MiB,
/// its bytes and permission bits. Never blocks: a FIFO or a device there is
/// no file (`None`).
pub fn file_facts(path: &str) -> Option<crate::core::conf::lint::FileFacts> {
    use crate::fsutil::open::{Links, open_regular, read_all};
    use std::os::unix::fs::PermissionsExt;
    const CAP: u64 = 1 << 20;
    let f = open_regular(Path::new(path), Links::Follow, CAP).ok()?;
    let mode = f.metadata().ok()?.permissions().mode() & 0o7777;
    let bytes = read_all(f, CAP).ok()?;
    Some(crate::core::conf::lint::FileFacts { bytes, mode })
}

/// A path a directive names, judged by the trust rule as root would judge
/// it for chronyd: whose files are trusted for reading as configuration
/// (root and this process's user), and for what chronyd writes (chronyd's
/// own user too, when it exists here).
pub fn path_trust(
    path: &str,
    class: crate::core::conf::guard::PathClass,
) -> Option<crate::core::conf::guard::Distrust> {
    use crate::fsutil::trust::{Owners, judge};
    let owners = Owners::root_and_me();
    let chronyd = chrony_user()
        .and_then(|u| nix::unistd::User::from_name(&u).ok().flatten())
        .map_or(owners.clone(), |u| {
            owners.clone().and_user(u.uid.as_raw(), u.gid.as_raw())
        });
    judge(path, class, &owners, &chronyd)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_is_looked_up_through_nss() {
        assert_eq!(user_name(0).as_deref(), Some("root"));
        assert!(groups_of(0, 0).contains(&0));
        assert_eq!(group_id("root"), Some(0));
        assert!(user_name(u32::MAX - 7).is_none());
    }

    #[test]
    fn distribution_options_are_read_like_the_shell_reads_them() {
        assert_eq!(
            shell_assignment("# comment\nOPTIONS=\"-F 2\"\n", "OPTIONS"),
            vec!["-F", "2"]
        );
        assert_eq!(
            shell_assignment(
                "DAEMON_OPTS='-F 1'\nDAEMON_OPTS=\"-u _chrony -F 1\"\n",
                "DAEMON_OPTS"
            ),
            vec!["-u", "_chrony", "-F", "1"]
        );
        assert!(shell_assignment("OPTIONS=\n", "OPTIONS").is_empty());
        assert!(shell_assignment("OTHER=x\n", "OPTIONS").is_empty());
        let t = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(t.path().join("sysconfig")).unwrap();
        std::fs::write(t.path().join("sysconfig/chronyd"), "OPTIONS=\"-F 2\"\n").unwrap();
        assert_eq!(
            distribution_options(&t.path().join("chrony.conf")),
            vec!["-F", "2"]
        );
        assert!(distribution_options(&t.path().join("chrony/chrony.conf")).is_empty());
    }

    #[test]
    fn an_explicit_chronyd_wins() {
        let p = Path::new("/opt/chrony-4.9/sbin/chronyd");
        assert_eq!(find_chronyd(Some(p)).as_deref(), Some(p));
    }
}
