//! A helper on another machine, reached over SSH the way virt-manager
//! reaches libvirtd: a real sshd on 127.0.0.1 with generated keys runs
//! `stratum-helper --stdio` for each session, joined to the lab helper there.
//! Snapshot, apply, history and the roster go through it.

use crate::common;

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::helper::HelperProc;
use common::lab::{Chronyd, free_tcp_port, free_udp_port, wait_for};
use stratum::ipc::{HistoryQuery, ReplyBody, RequestBody};

struct Sshd(Child);

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn a_remote_helper_answers_over_ssh() {
    let Some(chronyd) = common::chronyd() else {
        return;
    };
    let sshd = std::path::Path::new("/usr/sbin/sshd");
    if !sshd.exists() || !rustix::process::geteuid().is_root() {
        assert!(
            !common::in_ci(),
            "sshd (openssh-server) and root are needed in CI"
        );
        eprintln!("skipped: needs openssh-server and root");
        return;
    }
    // sshd's privilege-separation directory, normally made by its unit.
    std::fs::create_dir_all("/run/sshd").unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    for key in ["host", "user"] {
        let ok = Command::new("ssh-keygen")
            .args(["-q", "-t", "ed25519", "-N", "", "-f"])
            .arg(d.join(key))
            .status()
            .unwrap();
        assert!(ok.success());
    }
    std::fs::copy(d.join("user.pub"), d.join("authorized_keys")).unwrap();
    let port = free_tcp_port();
    let config = format!(
        "Port {port}\nListenAddress 127.0.0.1\nHostKey {h}\nAuthorizedKeysFile {a}\nStrictModes no\nPidFile {p}\nPasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM no\nPermitRootLogin prohibit-password\n",
        h = d.join("host").display(),
        a = d.join("authorized_keys").display(),
        p = d.join("sshd.pid").display(),
    );
    std::fs::write(d.join("sshd_config"), config).unwrap();
    let _sshd = Sshd(
        Command::new(sshd)
            .args(["-D", "-e", "-f"])
            .arg(d.join("sshd_config"))
            .stdin(Stdio::null())
            .stderr(std::fs::File::create(d.join("sshd.log")).unwrap())
            .spawn()
            .unwrap(),
    );
    wait_for(Duration::from_secs(10), || {
        std::net::TcpStream::connect(("127.0.0.1", port)).ok()
    })
    .expect("sshd listens");

    let up = Chronyd::upstream(&chronyd, d);
    let base = format!(
        "server 127.0.0.1 port {} iburst minpoll -2 maxpoll -1\nallow 127.0.0.0/8\nlocal stratum 10 orphan\n",
        up.port
    );
    let helper_ntp_port = free_udp_port();
    let helper = HelperProc::start_lab(d, &base, helper_ntp_port);
    let url = format!(
        "ssh://{}@127.0.0.1:{port}{}",
        common::user_name(),
        helper.socket.display()
    );
    let ssh = format!(
        "ssh -i {} -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes -o LogLevel=ERROR",
        d.join("user").display()
    );
    let cli = |args: &[&str]| {
        common::stratum()
            .args(args)
            .env("STRATUM_SSH", &ssh)
            .env(
                "STRATUM_REMOTE_HELPER",
                env!("CARGO_BIN_EXE_stratum-helper"),
            )
            .env("LANG", "C")
            .output()
            .unwrap()
    };
    // A snapshot, as `stratum status` gives it locally.
    let snap = wait_for(Duration::from_secs(20), || {
        let o = cli(&["status", "--json", "--connect", &url]);
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).ok()?;
        (o.status.success() && v["sources"][0]["state"] == "*").then_some(v)
    })
    .unwrap_or_else(|| {
        let o = cli(&["status", "--json", "--connect", &url]);
        panic!(
            "no snapshot over ssh: {}{}\nsshd: {}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr),
            std::fs::read_to_string(d.join("sshd.log")).unwrap_or_default()
        )
    });
    assert_eq!(snap["tracking"]["stratum"], 2);

    // An apply, checked and backed up by the remote helper.
    let file = d.join("new.conf");
    std::fs::write(&file, format!("{base}allow 10.20.0.0/16\n")).unwrap();
    let o = cli(&["config", "apply", file.to_str().unwrap(), "--connect", &url]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        std::fs::read_to_string(helper.data.join("chrony.conf")).unwrap(),
        format!("{base}allow 10.20.0.0/16\n")
    );

    // History, through the library the window uses.
    // SAFETY: tests in this file run one at a time in this process.
    unsafe {
        std::env::set_var("STRATUM_SSH", &ssh);
        std::env::set_var(
            "STRATUM_REMOTE_HELPER",
            env!("CARGO_BIN_EXE_stratum-helper"),
        );
    }
    let mut c = stratum::ipc::client::connect_to(&url, Duration::from_secs(15)).unwrap();
    assert_eq!(c.info.mode, stratum::ipc::Mode::Lab);
    let points = wait_for(Duration::from_secs(10), || {
        match c
            .request(RequestBody::History(HistoryQuery {
                series: "system.offset".parse().unwrap(),
                since: 0.0,
                until: f64::MAX,
                max_points: 100,
            }))
            .ok()?
        {
            ReplyBody::History { points, .. } if !points.is_empty() => Some(points),
            _ => None,
        }
    });
    assert!(points.is_some(), "no history over ssh");

    // The roster, kept and judged by the remote helper: a client made by
    // the client export follows it, and says so through the tunnel.
    let client_conf = cli(&[
        "export",
        helper.data.join("chrony.conf").to_str().unwrap(),
        "--to",
        "chrony-client",
        "--server",
        &format!("127.0.0.1:{}", helper_ntp_port),
    ]);
    assert!(client_conf.status.success());
    let pc = Chronyd::start(
        &chronyd,
        d,
        "pc",
        &format!(
            "{}\nbindaddress 127.0.0.5\nbindacqaddress 127.0.0.5\n",
            String::from_utf8_lossy(&client_conf.stdout)
        ),
    );
    let address = format!("127.0.0.5:{}", pc.port);
    let o = cli(&[
        "roster",
        "add",
        "pc",
        &address,
        "--kind",
        "chrony",
        "--connect",
        &url,
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(String::from_utf8_lossy(&o.stdout), "pc is on the roster.\n");
    let roster = wait_for(Duration::from_secs(60), || {
        let _ = cli(&["roster", "probe", "pc", "--connect", &url]);
        let o = cli(&["roster", "list", "--json", "--connect", &url]);
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).ok()?;
        (v["devices"][0]["verdict"] == "follows-us").then_some(v)
    })
    .unwrap_or_else(|| {
        let o = cli(&["roster", "list", "--json", "--connect", &url]);
        panic!("{}", String::from_utf8_lossy(&o.stdout))
    });
    assert_eq!(roster["following"], 1);
    assert_eq!(roster["devices"][0]["address"], address.as_str());
    let o = cli(&["roster", "list", "--connect", &url]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("1 of 1 device follows this server") && text.contains("pc"),
        "{text}"
    );
    drop(pc);

    // A dropped connection is an error, not a hang.
    drop(_sshd);
    let o = cli(&["status", "--connect", &url]);
    assert_eq!(o.status.code(), Some(2));
}
