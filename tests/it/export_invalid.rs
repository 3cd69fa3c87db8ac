//! `stratum export` of a lab chrony.conf that chronyd refuses to start with
//! (audit R37-F1): real chronyd 4.0 and 4.9 end with "Fatal error : Bad
//! subnet in 10.0.0.0/33" and "Could not parse local directive" / "Invalid
//! option in local directive" for these files, so no switch or firewall
//! configuration may come from them. The export says lint's errors, exits 2
//! and writes nothing.

use crate::common::stratum;

const BAD_SUBNET: &str = "server 192.0.2.1 iburst\nallow 10.0.0.0/33\nlocal stratum 10\n";
/// A file copied while it was being written: cut after `local str`.
const CUT: &str = "server 192.0.2.1 iburst\nallow 10.0.0.0/24\nlocal str";

#[test]
fn a_lab_file_chronyd_refuses_is_not_exported() {
    let tmp = tempfile::tempdir().unwrap();
    let cases = [
        (
            "bad33.conf",
            BAD_SUBNET,
            "cisco-ios",
            ":2: error [bad-subnet]",
        ),
        ("bad33.conf", BAD_SUBNET, "ufw", ":2: error [bad-subnet]"),
        (
            "bad33.conf",
            BAD_SUBNET,
            "h3c-comware",
            ":2: error [bad-subnet]",
        ),
        ("cut.conf", CUT, "nftables", ":3: error [unknown-option]"),
        ("cut.conf", CUT, "firewalld", ":3: error [unknown-option]"),
        (
            "cut.conf",
            CUT,
            "chrony-client",
            ":3: error [unknown-option]",
        ),
    ];
    for (name, text, to, said) in cases {
        let conf = tmp.path().join(name);
        std::fs::write(&conf, text).unwrap();
        let out = tmp.path().join(format!("{to}.out"));
        let o = stratum()
            .arg("export")
            .arg(&conf)
            .args([
                "--to",
                to,
                "--server",
                "10.0.0.123",
                "--lang",
                "en",
                "--out",
            ])
            .arg(&out)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{name} {to}: {err}");
        assert!(err.contains(said), "{name} {to}: {err}");
        assert!(err.contains("nothing was exported"), "{name} {to}: {err}");
        // ufw's note that there is no allow line would be false: there is
        // one, and it is invalid.
        assert!(!err.contains("allows no client subnet"), "{err}");
        assert!(!out.exists(), "{name} {to}: a file was written");
        assert!(o.stdout.is_empty(), "{name} {to}: something was exported");
    }
    // The same file with a valid subnet exports (the refusal is the
    // subnet's, not the format's).
    let good = tmp.path().join("good.conf");
    std::fs::write(&good, BAD_SUBNET.replace("/33", "/24")).unwrap();
    let o = stratum()
        .arg("export")
        .arg(&good)
        .args(["--to", "ufw", "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("10.0.0.0/24"));
    // In Chinese, the same refusal.
    let conf = tmp.path().join("bad33.conf");
    let o = stratum()
        .arg("export")
        .arg(&conf)
        .args(["--to", "ufw", "--lang", "zh-CN"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err.contains("错误 [bad-subnet]") && err.contains("没有导出任何内容"),
        "{err}"
    );
}
