//! What a configuration makes root's chronyd read or write. In system mode
//! the helper runs chronyd for anyone in the admin group; a directive with a
//! path (`include /etc/shadow`, `pidfile /etc/passwd`, `user root`) would
//! turn that into reading or writing any file. Each such path must lie under
//! the distribution's chrony directories or one the administrator allowed.

use std::path::{Component, Path};

use super::document::Document;
use super::scan::Words;

/// Whether chronyd reads or writes a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathUse {
    Read,
    Write,
}

/// The directories each use is allowed under.
#[derive(Debug, Clone, Default)]
pub struct PathPolicy {
    pub read: Vec<String>,
    pub write: Vec<String>,
    /// Users chronyd may drop to (`user`), besides the file's current one.
    pub users: Vec<String>,
}

/// The distribution's own places: Debian/Ubuntu and RHEL/Fedora/Arch.
pub const DISTRIBUTION_WRITE: &[&str] = &[
    "/var/lib/chrony",
    "/var/log/chrony",
    "/run/chrony",
    "/var/run/chrony",
];
pub const DISTRIBUTION_READ: &[&str] = &[
    "/etc/chrony",
    "/etc/chrony.conf",
    "/etc/chrony.keys",
    "/etc/chrony.d",
    "/run/chrony-dhcp",
    "/var/lib/chrony",
    "/usr/share/zoneinfo",
    "/etc/ssl/certs",
    "/etc/pki/tls/certs",
    "/sys/class",
];

/// Devices chronyd opens, by name prefix (`/dev/pps0`, `/dev/ptp1`,
/// `/dev/rtc0`): never `/dev` itself, where `/dev/shm` is anyone's.
pub const DEVICE_READ: &[&str] = &["/dev/pps", "/dev/ptp", "/dev/rtc"];

/// gpsd's sockets for `refclock SOCK` (`/run/chrony.ttyS0.sock`), which
/// chronyd creates.
const REFCLOCK_SOCKETS: &[(&str, &str)] =
    &[("/run/chrony.", ".sock"), ("/var/run/chrony.", ".sock")];

/// A device or socket name part: no directory, nothing hidden.
fn plain_name(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
        && !s.starts_with('.')
}

impl PathPolicy {
    /// The distribution's directories plus `extra` (read and write).
    pub fn distribution(extra: &[String], users: Vec<String>) -> PathPolicy {
        let own = |base: &[&str]| {
            base.iter()
                .map(|s| s.to_string())
                .chain(extra.iter().cloned())
                .collect()
        };
        PathPolicy {
            read: own(DISTRIBUTION_READ),
            write: own(DISTRIBUTION_WRITE),
            users,
        }
    }

    /// Whether chronyd may use `path` so. Only absolute paths without `..`
    /// (and, for a resolved path, without symlinks: the caller checks the
    /// canonical form too).
    pub fn allows(&self, path: &str, use_: PathUse) -> bool {
        let p = Path::new(path);
        if !p.is_absolute() || p.components().any(|c| c == Component::ParentDir) {
            return false;
        }
        let under = |dirs: &[String]| dirs.iter().any(|dir| p.starts_with(dir));
        let device = DEVICE_READ
            .iter()
            .any(|d| path.strip_prefix(d).is_some_and(plain_name));
        let socket = REFCLOCK_SOCKETS.iter().any(|(pre, suf)| {
            path.strip_prefix(pre)
                .and_then(|r| r.strip_suffix(suf))
                .is_some_and(plain_name)
        });
        match use_ {
            PathUse::Read => under(&self.read) || under(&self.write) || device,
            PathUse::Write => under(&self.write) || socket,
        }
    }
}

/// A path (or user) the policy does not allow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// 1-based line.
    pub line: usize,
    pub directive: String,
    pub value: String,
}

crate::id_enum! {
    /// How far root must trust a path a directive names before chronyd
    /// (started by root) may use it. The rule itself is `fsutil::trust`.
    pub enum PathClass {
        /// Read as configuration or a secret (`keyfile`, NTS files,
        /// `tempcomp` sensor and point files, `leapseclist`): the file and
        /// every directory above it belong to root and nobody else can
        /// write them.
        Config = "config",
        /// A directory or glob whose entries are read as configuration
        /// (`include`, `confdir`, `sourcedir`): as `Config`, and its
        /// directory is closed to everybody else even while nothing matches
        /// (or anyone could add a file later).
        Names = "names",
        /// Written by chronyd (pid, drift, log and dump files and their
        /// directories): as `Config`, except that chronyd's own user may
        /// own them too.
        Chronyd = "chronyd",
        /// A device chronyd opens (`/dev/pps0`): only where it lies counts.
        Device = "device",
    }
}

crate::id_enum! {
    /// Why a path is not trusted.
    pub enum DistrustKind {
        /// It, or a directory or link on the way, belongs to another user.
        Owner = "owner",
        /// Another user can write it (or add names to the directory).
        Writable = "writable",
        /// Not a regular file or directory (a FIFO, a device, a socket).
        Special = "special",
        /// Too many symbolic links on the way.
        Loop = "loop",
    }
}

/// A path root must not trust, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Distrust {
    /// Where the walk stopped: the path itself or an entry on the way.
    pub path: String,
    pub kind: DistrustKind,
    /// The owner's name (or uid) for [`DistrustKind::Owner`].
    pub owner: Option<String>,
}

/// The paths a directive names, with how far root must trust each (the
/// trust rule's view of [`paths_of`]).
pub fn trust_paths<'a>(name: &str, args: &'a str) -> Vec<(&'a str, PathClass)> {
    paths_of(name, args)
        .into_iter()
        .map(|(p, use_)| {
            let class = match (name, use_) {
                ("include" | "confdir" | "sourcedir", _) => PathClass::Names,
                ("rtcdevice" | "refclock", PathUse::Read) => PathClass::Device,
                (_, PathUse::Write) => PathClass::Chronyd,
                (_, PathUse::Read) => PathClass::Config,
            };
            (p, class)
        })
        .collect()
}

/// The paths a directive names, with how chronyd uses them.
pub fn paths_of<'a>(name: &str, args: &'a str) -> Vec<(&'a str, PathUse)> {
    let words: Vec<&str> = Words::new(args).collect_words();
    let first = words.first().copied();
    match name {
        "include" | "confdir" | "sourcedir" => words.iter().map(|w| (*w, PathUse::Read)).collect(),
        "keyfile" | "ntsservercert" | "ntsserverkey" | "leapseclist" => {
            first.map(|w| (w, PathUse::Read)).into_iter().collect()
        }
        // `ntstrustedcerts [SET-ID] FILE|DIR`
        "ntstrustedcerts" => words
            .last()
            .map(|w| (*w, PathUse::Read))
            .into_iter()
            .collect(),
        // `tempcomp SENSOR INTERVAL T0 K0 K1 K2` or
        // `tempcomp SENSOR INTERVAL POINTS-FILE`: chronyd reads both files.
        "tempcomp" => {
            let points = (words.len() == 3).then(|| words[2]);
            first
                .into_iter()
                .chain(points)
                .map(|w| (w, PathUse::Read))
                .collect()
        }
        "pidfile" | "driftfile" | "logdir" | "dumpdir" | "ntsdumpdir" | "ntscachedir"
        | "rtcfile" | "hwclockfile" => first.map(|w| (w, PathUse::Write)).into_iter().collect(),
        // A Unix command socket is created (and its directory checked).
        "bindcmdaddress" => first
            .filter(|w| w.starts_with('/'))
            .map(|w| (w, PathUse::Write))
            .into_iter()
            .collect(),
        "rtcdevice" => first.map(|w| (w, PathUse::Read)).into_iter().collect(),
        // `refclock SOCK /path` creates a socket; PPS/PHC/SHM read devices.
        "refclock" => match (first, words.get(1)) {
            (Some(d), Some(p)) if d.eq_ignore_ascii_case("sock") => vec![(*p, PathUse::Write)],
            (Some(d), Some(p)) if !d.eq_ignore_ascii_case("shm") => vec![(*p, PathUse::Read)],
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// Every directive of `doc` that names a path or user the policy does not
/// allow. `leapsectz` names are checked for climbing out of zoneinfo.
pub fn refused_paths(
    doc: &Document,
    policy: &PathPolicy,
    current_user: Option<&str>,
) -> Vec<Refused> {
    let mut out = Vec::new();
    for (i, line) in doc.lines().iter().enumerate() {
        let Some(d) = line.directive() else { continue };
        let name = d.name.to_ascii_lowercase();
        let refuse = |value: &str| Refused {
            line: i + 1,
            directive: name.clone(),
            value: value.to_string(),
        };
        for (path, use_) in paths_of(&name, &d.args) {
            if !policy.allows(path, use_) {
                out.push(refuse(path));
            }
        }
        match name.as_str() {
            "user" => {
                let u = Words::new(&d.args).next_word().unwrap_or("");
                let known = policy.users.iter().any(|k| k == u) || current_user == Some(u);
                if !known {
                    out.push(refuse(u));
                }
            }
            "leapsectz" => {
                let tz = Words::new(&d.args).next_word().unwrap_or("");
                if tz.starts_with('/') || tz.split('/').any(|c| c == "..") {
                    out.push(refuse(tz));
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy() -> PathPolicy {
        PathPolicy::distribution(&["/srv/time".into()], vec!["_chrony".into()])
    }

    #[test]
    fn the_distribution_files_pass() {
        let debian = "confdir /etc/chrony/conf.d\nsourcedir /run/chrony-dhcp\nsourcedir /etc/chrony/sources.d\nkeyfile /etc/chrony/chrony.keys\ndriftfile /var/lib/chrony/chrony.drift\nntsdumpdir /var/lib/chrony\nlogdir /var/log/chrony\nleapsectz right/UTC\nuser _chrony\n";
        let rhel = "driftfile /var/lib/chrony/drift\nkeyfile /etc/chrony.keys\nntsdumpdir /var/lib/chrony\nlogdir /var/log/chrony\ninclude /etc/chrony.d/*.conf\nbindcmdaddress /run/chrony/chronyd.sock\nrefclock PHC /dev/ptp0\n";
        for text in [debian, rhel] {
            assert_eq!(
                refused_paths(&Document::parse(text), &policy(), None),
                vec![]
            );
        }
        let allowed = "pidfile /srv/time/chronyd.pid\nrefclock PPS /dev/pps0 lock NMEA\nrefclock SOCK /run/chrony.ttyS0.sock refid PPS\nrtcdevice /dev/rtc0\n";
        assert!(refused_paths(&Document::parse(allowed), &policy(), None).is_empty());
    }

    #[test]
    fn paths_outside_chrony_and_other_users_are_refused() {
        let text = "include /etc/shadow\npidfile /etc/passwd\nlogdir /var/log/chrony/../../../root\nuser root\ndriftfile drift\nbindcmdaddress /tmp/x.sock\nleapsectz ../../../etc/shadow\nrefclock SOCK /etc/cron.d/x\nntstrustedcerts 1 /root/ca.pem\n";
        let refused = refused_paths(&Document::parse(text), &policy(), Some("_chrony"));
        let lines: Vec<usize> = refused.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![1, 2, 3, 4, 5, 6, 7, 8, 9]);
        assert_eq!(refused[0].value, "/etc/shadow");
        assert_eq!(refused[3].directive, "user");
        // /dev is not a place to read from: /dev/shm is anyone's.
        for text in [
            "include /dev/shm/x.conf\n",
            "confdir /dev/shm\n",
            "keyfile /dev/stdin\n",
            "refclock PPS /dev/pps0/../shm/x\n",
            "refclock SOCK /run/chrony.x/../../etc/x.sock\n",
            "refclock SOCK /run/x.sock\n",
        ] {
            let r = refused_paths(&Document::parse(text), &policy(), None);
            assert_eq!(r.len(), 1, "{text}");
        }
        // A read-only place is not a place to write.
        let w = refused_paths(
            &Document::parse("driftfile /etc/chrony/drift\n"),
            &policy(),
            None,
        );
        assert_eq!(w.len(), 1);
        // The file's own user is kept.
        assert!(
            refused_paths(&Document::parse("user chrony\n"), &policy(), Some("chrony")).is_empty()
        );
    }
}
