//! Private network namespaces whose only interface is loopback, for the
//! labs that need one:
//!
//! - a lab with no DNS, for certain ([`Loopback::Only`]): a name looked up
//!   there fails at once, and nothing (no DNS query, no NTP packet) leaves
//!   the machine, whatever network the test machine has. Root makes it with
//!   `unshare --net`, another user inside a user namespace of their own.
//! - the roster's ntpd lab ([`Loopback::NtpdHost`]): ntpsec's ntpd has no
//!   port option, so it and the lab server both need port 123, and ntpd
//!   sends only from an address it listens on. The lab server takes
//!   127.0.0.1 and the ntpd host [`NTPD_HOST`]. It needs root (ntpd is
//!   started in it with `nsenter` and `setpriv`).
//!
//! A namespace ends with its last process; Unix sockets are files, so a
//! test talks to a helper inside as usual.

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// The ntpd host's address inside a [`Loopback::NtpdHost`] namespace.
pub const NTPD_HOST: &str = "127.0.0.2";

/// Names that never resolve in a [`Loopback::Only`] lab: the lab notes'
/// upstreams, a pool (chronyd gives it several ids), and a name under
/// `.invalid` (RFC 2606).
pub const UNRESOLVED_SERVER: &str = "ntp.aliyun.com";
pub const UNRESOLVED_POOL: &str = "cn.pool.ntp.org";
pub const INVALID_SERVER: &str = "time.stratum-lab.invalid";

/// What the namespace's loopback carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loopback {
    /// `lo` up, nothing else.
    Only,
    /// `lo` up with 127.0.0.2 on it (ntpd opens the addresses an interface
    /// has), and packets to 127.0.0.1 sent from 127.0.0.2 unless a socket
    /// is bound (the kernel would pick 127.0.0.1, which ntpd does not
    /// listen on, and it would refuse the server).
    NtpdHost,
}

impl Loopback {
    /// Run inside before the first program.
    fn setup(self) -> &'static str {
        match self {
            Loopback::Only => "ip link set lo up",
            Loopback::NtpdHost => {
                "ip link set lo up \
                 && ip addr add 127.0.0.2/8 dev lo \
                 && ip route replace local 127.0.0.1 dev lo table local proto kernel scope host src 127.0.0.2"
            }
        }
    }

    /// `unshare`'s arguments for it as this process may have them, tried
    /// once per run; the reason when there are none.
    fn unshare_args(self) -> Result<&'static [&'static str], &'static str> {
        static ONLY: OnceLock<Result<&'static [&'static str], &'static str>> = OnceLock::new();
        static NTPD: OnceLock<Result<&'static [&'static str], &'static str>> = OnceLock::new();
        let root = rustix::process::geteuid().is_root();
        let (cell, candidates): (_, &[&'static [&'static str]]) = match self {
            // A user namespace where root's plain one is not allowed.
            Loopback::Only => (&ONLY, &[&["--net"], &["--map-root-user", "--net"]]),
            Loopback::NtpdHost if !root => return Err("a network namespace needs root"),
            Loopback::NtpdHost => (&NTPD, &[&["--net"]]),
        };
        *cell.get_or_init(|| {
            candidates
                .iter()
                .copied()
                .find(|args| {
                    Command::new("unshare")
                        .args(*args)
                        .args(["--", "sh", "-c", self.setup()])
                        .stdin(Stdio::null())
                        .stdout(Stdio::null())
                        .stderr(Stdio::null())
                        .status()
                        .is_ok_and(|s| s.success())
                })
                .ok_or("unshare --net or ip (iproute2) does not work here")
        })
    }
}

/// Why this process cannot make a `loopback` namespace, if it cannot.
pub fn unusable(loopback: Loopback) -> Option<String> {
    loopback.unshare_args().err().map(str::to_string)
}

/// Whether this process can make a `loopback` namespace.
pub fn available(loopback: Loopback) -> bool {
    unusable(loopback).is_none()
}

/// `program` as the first process of a new `loopback` namespace (its pid
/// is the program's: unshare and sh exec it), or `None` where this process
/// may make none (see [`unusable`]).
pub fn first(loopback: Loopback, program: &Path) -> Option<Command> {
    let args = loopback.unshare_args().ok()?;
    let mut c = Command::new("unshare");
    c.args(args)
        .args(["--", "sh", "-c"])
        .arg(format!("{} && exec \"$0\" \"$@\"", loopback.setup()))
        .arg(program);
    Some(c)
}

/// `program` in the namespace of the process `pid` (nsenter execs it).
pub fn enter(pid: u32, program: &str) -> Command {
    let mut c = Command::new("nsenter");
    c.arg(format!("--net=/proc/{pid}/ns/net"))
        .arg("--")
        .arg(program);
    c
}

/// A name the resolver refuses before asking anyone (a 64-byte label is
/// longer than DNS allows): for machines where namespaces are not allowed,
/// it does not resolve and sends nothing.
pub fn local_failure_name() -> String {
    format!("{}.invalid", "a".repeat(64))
}

/// The configured names a no-DNS lab uses here: the lab notes' own when
/// the lab is isolated, else only one that fails locally.
pub fn unresolved_names(isolated: bool) -> Vec<String> {
    if isolated {
        vec![
            UNRESOLVED_SERVER.to_string(),
            UNRESOLVED_POOL.to_string(),
            INVALID_SERVER.to_string(),
        ]
    } else {
        eprintln!("no network namespace here: only a name that fails locally is used");
        vec![local_failure_name()]
    }
}
