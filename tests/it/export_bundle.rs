//! Export bundles as they are used: the bundle's Ansible passes
//! ansible-core's checks, and a bundle with a monitor watches its servers
//! through the files it generates.

use crate::common;

use std::path::{Path, PathBuf};
use std::time::Duration;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/export")
}

/// The bundle's Ansible passes ansible-core's syntax check and ansible-lint
/// (Debian packages ansible-core and ansible-lint), offline.
#[test]
fn the_bundles_ansible_passes_syntax_check_and_lint() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    std::fs::copy(dir().join("lab.conf"), d.join("chrony.conf")).unwrap();
    std::fs::write(
        d.join("lab.toml"),
        "config = \"chrony.conf\"\nprimary = \"10.116.0.30\"\nbackup = \"10.116.1.30\"\nclient_subnets = [\"10.116.0.0/16\"]\n",
    )
    .unwrap();
    let out = common::stratum()
        .args(["export", "bundle"])
        .arg(d.join("lab.toml"))
        .arg("--out")
        .arg(d.join("out"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ansible = d.join("out/ansible");
    let inventory = std::fs::read_to_string(ansible.join("inventory.ini")).unwrap();
    assert!(inventory.contains("backup ansible_host=10.116.1.30 stratum_role=backup"));
    for (tool, args) in [
        (
            "ansible-playbook",
            vec!["--syntax-check", "-i", "inventory.ini", "playbook.yml"],
        ),
        (
            "ansible-lint",
            vec!["--offline", "--nocolor", "playbook.yml"],
        ),
    ] {
        let run = std::process::Command::new(tool)
            .args(&args)
            .current_dir(&ansible)
            .env("HOME", d)
            .output();
        match run {
            Ok(o) => assert!(
                o.status.success(),
                "{tool}: {}{}",
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            ),
            Err(_) => {
                assert!(!common::in_ci(), "{tool} is not installed but CI=true");
                eprintln!("skipped {tool}: not installed");
            }
        }
    }
}

/// A bundle with a monitor works as written: its servers, run from the
/// bundle's own files on loopback addresses, answer the monitor's cmdmon on
/// UDP 323, and a helper watching the generated `monitor/watch` sees both.
/// The key is the same bytes in chrony.keys and in every switch's syntax.
#[test]
fn a_bundles_monitor_watches_its_servers_through_the_generated_watch_file() {
    let Some(chronyd) = common::chronyd() else {
        return;
    };
    if !rustix::process::geteuid().is_root() {
        assert!(!common::in_ci(), "binding UDP 323 needs root in CI");
        eprintln!("skipped: binding UDP 323 needs root");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(
        dir.join("chrony.conf"),
        "local stratum 8\nallow 127.0.0.0/8\nmakestep 1 3\n",
    )
    .unwrap();
    // "Lab2026" as chrony.keys' HEX: form.
    std::fs::write(
        dir.join("lab.toml"),
        "config = \"chrony.conf\"\nprimary = \"127.0.0.2\"\nbackup = \"127.0.0.3\"\nclient_subnets = [\"127.0.0.0/8\"]\nkey = \"1:sha1:HEX:4c616232303236\"\nmonitor = \"127.0.0.1\"\n\n[[switch]]\nname = \"ios\"\nvendor = \"cisco-ios\"\n[[switch]]\nname = \"vrp\"\nvendor = \"huawei-vrp\"\n[[switch]]\nname = \"comware\"\nvendor = \"h3c-comware\"\n[[switch]]\nname = \"junos\"\nvendor = \"juniper-junos\"\n[[switch]]\nname = \"eos\"\nvendor = \"arista-eos\"\n",
    )
    .unwrap();
    let out = common::stratum()
        .args(["export", "bundle"])
        .arg(dir.join("lab.toml"))
        .arg("--out")
        .arg(dir.join("out"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let b = dir.join("out");
    // The key: chrony.keys holds it, private; every switch types the same
    // bytes in its own syntax.
    let keys = std::fs::read_to_string(b.join("keys/chrony.keys")).unwrap();
    assert_eq!(keys, "1 SHA1 HEX:4c616232303236\n");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(b.join("keys/chrony.keys"))
            .unwrap()
            .permissions()
            .mode()
            & 0o777,
        0o600
    );
    for (sw, line) in [
        ("ios", "ntp authentication-key 1 hmac-sha1 Lab2026"),
        ("comware", "authentication-mode hmac-sha-1 simple Lab2026"),
        ("junos", "authentication-key 1 type sha1 value \"Lab2026\""),
        ("eos", "ntp authentication-key 1 sha1 Lab2026"),
    ] {
        let text = std::fs::read_to_string(b.join(format!("switches/{sw}.txt"))).unwrap();
        assert!(text.contains(line), "{sw}: {text}");
        assert!(!text.contains("HEX:"), "{sw}: {text}");
    }
    // Each server from its bundle file (plus the test's own ports, pid
    // file and socket), its cmdmon on its own address, port 323.
    let run = |name: &str| {
        let conf = std::fs::read_to_string(b.join(format!("{name}/chrony.conf"))).unwrap();
        assert!(conf.contains("cmdallow 127.0.0.1/32"), "{conf}");
        // The bundle's own lines; the test's machine-specific ones after.
        let body: String = conf
            .lines()
            .filter(|l| {
                !l.starts_with("keyfile") && !l.starts_with("driftfile") && !l.starts_with("peer")
            })
            .map(|l| format!("{l}\n"))
            .collect();
        common::lab::Chronyd::start(&chronyd, dir, name, &format!("{body}cmdport 323"))
    };
    let _primary = run("primary");
    let _backup = run("backup");
    let watch = b.join("monitor/watch");
    let helper_dir = dir.join("monitor");
    std::fs::create_dir_all(&helper_dir).unwrap();
    let helper = common::helper::HelperProc::start_lab_with(
        &helper_dir,
        "local stratum 10\n",
        common::lab::free_udp_port(),
        &["--watch-file", watch.to_str().unwrap()],
    );
    let rows = common::lab::wait_for(Duration::from_secs(15), || {
        let stratum::ipc::ReplyBody::Fleet { hosts } = helper
            .client()
            .ok()?
            .request(stratum::ipc::RequestBody::Fleet)
            .ok()?
        else {
            return None;
        };
        (hosts.len() == 2 && hosts.iter().all(|h| h.reachable)).then_some(hosts)
    })
    .unwrap_or_else(|| {
        panic!(
            "the monitor does not see both servers: {}",
            helper.log_text()
        )
    });
    assert!(rows.iter().all(|h| h.stratum.is_some()), "{rows:?}");
}
