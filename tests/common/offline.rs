//! A lab with no DNS, for certain: processes started in a network namespace
//! of their own whose only interface is loopback. A name looked up there
//! fails at once, and nothing (no DNS query, no NTP packet) leaves the
//! machine, whatever network the test machine has. Their Unix sockets are
//! files, reachable from outside.

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// Names that never resolve in such a lab: the lab notes' upstreams, a pool
/// (chronyd gives it several ids), and a name under `.invalid` (RFC 2606).
pub const UNRESOLVED_SERVER: &str = "ntp.aliyun.com";
pub const UNRESOLVED_POOL: &str = "cn.pool.ntp.org";
pub const INVALID_SERVER: &str = "time.stratum-lab.invalid";

/// A name the resolver refuses before asking anyone (a 64-byte label is
/// longer than DNS allows): for machines where namespaces are not allowed,
/// it does not resolve and sends nothing.
pub fn local_failure_name() -> String {
    format!("{}.invalid", "a".repeat(64))
}

/// `unshare` arguments that give a network namespace with loopback up, as
/// this user may have one (root: `-n`; others: with a user namespace,
/// `-rn`); `None` where neither works.
fn unshare_args() -> Option<&'static [&'static str]> {
    static ARGS: OnceLock<Option<&'static [&'static str]>> = OnceLock::new();
    *ARGS.get_or_init(|| {
        let candidates: [&'static [&'static str]; 2] = [&["-n"], &["-r", "-n"]];
        candidates.into_iter().find(|args| {
            Command::new("unshare")
                .args(*args)
                .args(["--", "sh", "-c", "ip link set lo up"])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        })
    })
}

/// `program` run with no network but loopback (up), or `None` where this
/// machine allows no namespace (the caller then uses names that fail
/// locally only, and says so).
pub fn isolated(program: &Path) -> Option<Command> {
    let args = unshare_args()?;
    let mut c = Command::new("unshare");
    c.args(args)
        .args(["--", "sh", "-c", "ip link set lo up && exec \"$0\" \"$@\""])
        .arg(program);
    Some(c)
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

/// Whether isolated processes can be started here.
pub fn available() -> bool {
    unshare_args().is_some()
}
