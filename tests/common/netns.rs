//! A private network namespace for the part of a lab that needs loopback
//! addresses of its own: ntpsec's ntpd has no port option, so it and the
//! lab server both need port 123, and ntpd sends only from an address it
//! listens on. Inside, only `lo` exists (nothing leaves 127.0.0.0/8 and
//! ::1), the lab server takes 127.0.0.1 and the ntpd host 127.0.0.2. The
//! namespace ends with its last process; Unix sockets reach across it, so
//! a test talks to a helper inside as usual.

use std::path::Path;
use std::process::{Command, Stdio};

/// The ntpd host's address inside.
pub const NTPD_HOST: &str = "127.0.0.2";

/// Run inside before the first program: loopback up, 127.0.0.2 on it
/// (ntpd opens the addresses an interface has), and packets to 127.0.0.1
/// sent from 127.0.0.2 unless a socket is bound (the kernel would pick
/// 127.0.0.1, which ntpd does not listen on, and it would refuse the server).
const SETUP: &str = "ip link set lo up \
    && ip addr add 127.0.0.2/8 dev lo \
    && ip route replace local 127.0.0.1 dev lo table local proto kernel scope host src 127.0.0.2";

/// Whether this process may make one (root, util-linux's unshare,
/// iproute2's ip): the reason when not.
pub fn unusable() -> Option<String> {
    if !rustix::process::geteuid().is_root() {
        return Some("a network namespace needs root".into());
    }
    let ok = Command::new("unshare")
        .args(["--net", "sh", "-c", SETUP])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    (!ok).then(|| "unshare --net or ip (iproute2) does not work here".into())
}

/// `program` as the first process of a new namespace (its pid is the
/// program's: unshare and sh exec it).
pub fn first(program: &Path) -> Command {
    let mut c = Command::new("unshare");
    c.args(["--net", "--", "sh", "-c"])
        .arg(format!("{SETUP} && exec \"$0\" \"$@\""))
        .arg(program);
    c
}

/// `program` in the namespace of the process `pid` (nsenter execs it).
pub fn enter(pid: u32, program: &str) -> Command {
    let mut c = Command::new("nsenter");
    c.arg(format!("--net=/proc/{pid}/ns/net"))
        .arg("--")
        .arg(program);
    c
}
