//! `stratum config lint` and `stratum config edit` as a user runs them.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::stratum;

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/roundtrip")
        .join(name)
}

fn run(args: &[&str]) -> Output {
    stratum()
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A scratch copy of `content` as chrony.conf.
fn scratch(content: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("chrony.conf");
    std::fs::write(&p, content).unwrap();
    (dir, p)
}

#[test]
fn edit_without_changes_prints_the_file_byte_for_byte() {
    for entry in std::fs::read_dir(corpus("")).unwrap() {
        let p = entry.unwrap().path();
        let o = run(&["config", "edit", p.to_str().unwrap()]);
        assert!(o.status.success(), "{}: {}", p.display(), stderr(&o));
        assert!(
            o.stdout == std::fs::read(&p).unwrap(),
            "{} changed",
            p.display()
        );
    }
}

#[test]
fn add_server_inserts_one_line_after_the_last_source_in_the_files_style() {
    let input = std::fs::read(corpus("odd-crlf-tabs.conf")).unwrap();
    let o = run(&[
        "config",
        "edit",
        corpus("odd-crlf-tabs.conf").to_str().unwrap(),
        "--add-server",
        "10.0.0.3 iburst minpoll 4",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8(input).unwrap();
    let mut lines: Vec<&str> = text.split_inclusive("\r\n").collect();
    // After line 3 ("  server  10.0.0.2 ..."), CRLF like the rest.
    lines.insert(3, "server 10.0.0.3 iburst minpoll 4\r\n");
    assert_eq!(stdout(&o), lines.concat());
}

#[test]
fn remove_allow_and_local_stratum_edit_only_their_lines() {
    let (_d, p) = scratch(b"# lab\nserver 10.0.0.1 iburst\nserver 10.0.0.2 iburst\nallow 10.0.0.0/24\nlocal stratum 10\nmakestep 1 3\n");
    let o = run(&[
        "config",
        "edit",
        p.to_str().unwrap(),
        "--remove-server",
        "10.0.0.1",
        "--allow",
        "192.168.10.0/24",
        "--deny",
        "10.0.0.128/25",
        "--local-stratum",
        "8",
        "--orphan",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "# lab\nserver 10.0.0.2 iburst\nallow 10.0.0.0/24\nallow 192.168.10.0/24\ndeny 10.0.0.128/25\nlocal stratum 8 orphan\nmakestep 1 3\n"
    );
}

#[test]
fn in_place_writes_atomically_and_keeps_a_backup() {
    let original = b"server 10.0.0.1 iburst\n";
    let (dir, p) = scratch(original);
    let o = run(&[
        "config",
        "edit",
        p.to_str().unwrap(),
        "--allow",
        "10.0.0.0/24",
        "--in-place",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    assert_eq!(
        std::fs::read(&p).unwrap(),
        b"server 10.0.0.1 iburst\n\n# Who may ask this server for time.\nallow 10.0.0.0/24\n"
    );
    assert_eq!(
        std::fs::read(dir.path().join("chrony.conf.bak")).unwrap(),
        original
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "left behind: {names:?}");
}

#[test]
fn bad_input_is_refused_with_one_sentence_and_changes_nothing() {
    let original = b"server 10.0.0.1 iburst\nallow 10.0.0.0/24\n";
    let cases: &[(&[&str], &str)] = &[
        (&["--allow", "10.0.0.0/33"], "at most /32"),
        (&["--deny", "fd00::/129"], "at most /128"),
        (&["--allow", "10.0.0.0/24 # lab"], "not a subnet"),
        (&["--add-server", "ntp.lab\nallow all"], "line break"),
        (&["--add-server", "bad;host iburst"], "not a host name"),
        (&["--add-server", "ntp.lab iburst;rm"], "has no option"),
        (&["--add-server", "10.0.0.9 iburst turbo"], "would refuse"),
        (&["--add-server", ""], "empty"),
        (&["--remove-server", "a b"], "not a host name"),
        (&["--local-stratum", "0"], "1 to 15"),
        (&["--local-stratum", "16"], "1 to 15"),
        (&["--orphan"], "--local-stratum"),
        (&["--frobnicate"], "Unknown option"),
    ];
    for (args, expect) in cases {
        let (dir, p) = scratch(original);
        let mut full = vec!["config", "edit", p.to_str().unwrap(), "--in-place"];
        full.extend_from_slice(args);
        let o = run(&full);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert!(err.contains(expect), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(!err.contains("panicked"));
        assert_eq!(
            std::fs::read(&p).unwrap(),
            original,
            "{args:?} changed the file"
        );
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "{args:?} wrote a file"
        );
    }
    let o = run(&["config", "edit", "/nonexistent/chrony.conf"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("Cannot read /nonexistent/chrony.conf"));
}

#[test]
fn lint_exit_codes_and_json_shape() {
    let (_d, good) = scratch(b"server 10.0.0.1 iburst\nserver 10.0.0.2 iburst\nserver 10.0.0.3 iburst\nallow 10.0.0.0/24\nlocal stratum 10\nmakestep 1 3\n");
    let o = run(&[
        "config",
        "lint",
        good.to_str().unwrap(),
        "--chrony-version",
        "4.3",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("0 errors, 0 warnings"),
        "{}",
        stdout(&o)
    );

    let (_d, bad) = scratch(b"allow 10.0.0.0/33\nnoclientlog\nratelimit interval 3 burst 8\n");
    let o = run(&[
        "config",
        "lint",
        bad.to_str().unwrap(),
        "--format",
        "json",
        "--chrony-version",
        "4.3",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let diags = v["diagnostics"].as_array().unwrap();
    let subnet = diags
        .iter()
        .find(|d| d["rule"] == "bad-subnet")
        .expect("bad-subnet");
    assert_eq!(subnet["severity"], "error");
    assert_eq!(subnet["line"], 1);
    assert!(subnet["message"].as_str().unwrap().contains("10.0.0.0/33"));
    let rl = diags
        .iter()
        .find(|d| d["rule"] == "noclientlog-ratelimit")
        .expect("noclientlog");
    assert_eq!(rl["line"], 3);
    for d in diags {
        let keys: Vec<_> = d.as_object().unwrap().keys().cloned().collect();
        assert_eq!(keys, ["rule", "severity", "line", "message"]);
    }

    let o = run(&["config", "lint", "/nonexistent.conf"]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["config", "lint", good.to_str().unwrap(), "--format", "yaml"]);
    assert_eq!(o.status.code(), Some(2));
}

/// Stratum knows the rules of chrony 4.0 to 4.9. An older release named is
/// refused in words (3.x would otherwise be told `server` needs 4.0), a newer
/// one is checked with the newest rules known and says so.
#[test]
fn lint_names_the_releases_whose_rules_it_knows() {
    let (_d, conf) = scratch(b"server 10.0.0.1 iburst\nmakestep 1 3\n");
    let path = conf.to_str().unwrap();
    let o = run(&["config", "lint", path, "--chrony-version", "3.5"]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    assert!(
        stderr(&o).contains("4.0") && stderr(&o).contains("3.5"),
        "{}",
        stderr(&o)
    );
    let o = run(&["config", "lint", path, "--chrony-version", "4.12"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("rules of chrony 4.9"), "{}", stdout(&o));
    assert!(stderr(&o).contains("4.12"), "{}", stderr(&o));
    assert!(!stdout(&o).contains("needs chrony"), "{}", stdout(&o));
}

#[test]
fn lint_speaks_chinese_by_flag_and_by_locale() {
    let (_d, p) = scratch(b"allow 10.0.0.0/33\n");
    let o = run(&["config", "lint", p.to_str().unwrap(), "--lang", "zh-CN"]);
    assert!(stdout(&o).contains("不是有效子网"), "{}", stdout(&o));
    let o = stratum()
        .env_remove("LC_ALL")
        .env("LANG", "zh_CN.UTF-8")
        .args(["config", "lint", p.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(stdout(&o).contains("错误"), "{}", stdout(&o));
    let o = stratum()
        .env("LANG", "zh_CN.UTF-8")
        .args([
            "config",
            "edit",
            p.to_str().unwrap(),
            "--allow",
            "10.0.0.0/40",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("不是有效网段"), "{}", stderr(&o));
}

/// The pair rule (chrony.conf(5), `local … orphan`): two peered servers
/// share one local configuration; the old advice of 8 on the primary and 9
/// on the backup works (the backup follows the primary) and gets a hint in
/// both files, not a warning.
#[test]
fn lint_hints_at_a_pair_at_different_strata() {
    let (_c, op) = scratch(b"peer 10.0.0.2\nlocal stratum 8 orphan\nallow 10.0.0.0/24\n");
    let (_d, ob) = scratch(b"peer 10.0.0.1\nlocal stratum 8 orphan\nallow 10.0.0.0/24\n");
    let o = run(&["config", "lint", op.to_str().unwrap(), ob.to_str().unwrap()]);
    assert!(
        !stdout(&o).contains("[peer-strata-differ]"),
        "{}",
        stdout(&o)
    );
    let (_a, primary) = scratch(b"peer 10.0.0.2\nlocal stratum 8 orphan\nallow 10.0.0.0/24\n");
    let (_b, backup) = scratch(b"peer 10.0.0.1\nlocal stratum 9 orphan\nallow 10.0.0.0/24\n");
    let o = run(&[
        "config",
        "lint",
        primary.to_str().unwrap(),
        backup.to_str().unwrap(),
    ]);
    assert_eq!(
        stdout(&o).matches("[peer-strata-differ]").count(),
        2,
        "{}",
        stdout(&o)
    );
    assert!(stdout(&o).contains("chrony.conf(5)"), "{}", stdout(&o));
    assert!(
        !stdout(&o).contains("warning [peer-strata-differ]"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn local_stratum_changes_only_what_it_names() {
    let (_d, p) = scratch(b"server 10.0.0.1 iburst\nlocal stratum 5 orphan distance 0.1\n");
    let f = p.to_str().unwrap();
    let o = run(&["config", "edit", f, "--local-stratum", "10"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "server 10.0.0.1 iburst\nlocal stratum 10 orphan distance 0.1\n"
    );
    let o = run(&["config", "edit", f, "--no-orphan", "--distance", "2"]);
    assert_eq!(
        stdout(&o),
        "server 10.0.0.1 iburst\nlocal stratum 5 distance 2\n"
    );
}

#[test]
fn set_unset_makestep_and_log_go_through_the_lossless_model() {
    let (_d, p) =
        scratch(b"# lab\nserver 10.0.0.1 iburst\nmakestep 1 3 # not chrony's\nmakestep 1.0 3\n");
    let f = p.to_str().unwrap();
    let o = run(&[
        "config",
        "edit",
        f,
        "--makestep",
        "0.5",
        "-1",
        "--log",
        "tracking",
        "measurements",
        "--set",
        "maxupdateskew 100",
        "--set",
        "driftfile /var/lib/chrony/drift",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("# lab\nserver 10.0.0.1 iburst\n"), "{out}");
    assert!(
        out.contains("makestep 0.5 -1\n") && !out.contains("makestep 1.0 3"),
        "{out}"
    );
    assert!(out.contains("log tracking measurements\n"), "{out}");
    assert!(
        out.contains("maxupdateskew 100\n") && out.contains("driftfile /var/lib/chrony/drift\n")
    );
    let o = run(&["config", "edit", f, "--unset", "makestep"]);
    assert!(!stdout(&o).contains("makestep 1.0 3"));
    // Refused, with the reason, and nothing written.
    let before = std::fs::read(&p).unwrap();
    for bad in [
        vec!["--set", "maxupdateskew lots"],
        vec!["--set", "server 10.0.0.2"],
        vec!["--set", "nosuchdirective 1"],
        vec!["--set", "driftfile /a\nallow all"],
        vec!["--makestep", "1"],
    ] {
        let mut args = vec!["config", "edit", f, "--in-place"];
        args.extend(bad.iter().copied());
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{bad:?}: {}", stdout(&o));
        assert!(!stderr(&o).trim().is_empty() && !stderr(&o).contains("panicked"));
        assert_eq!(
            std::fs::read(&p).unwrap(),
            before,
            "{bad:?} changed the file"
        );
    }
}

#[test]
fn removing_a_source_that_is_not_there_fails_and_changes_nothing() {
    let (_d, p) = scratch(b"server 10.0.0.1 iburst\n");
    let o = run(&[
        "config",
        "edit",
        p.to_str().unwrap(),
        "--in-place",
        "--remove-server",
        "10.9.9.9",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("10.9.9.9"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&p).unwrap(), b"server 10.0.0.1 iburst\n");
    assert!(!p.with_extension("conf.bak").exists());
}

#[test]
fn a_replacement_source_lands_where_the_removed_one_was() {
    // Debian's layout: each directive under its own comment.
    let text = "# Use Debian vendor zone.\npool 2.debian.pool.ntp.org iburst\n\n# Use time sources from DHCP.\nsourcedir /run/chrony-dhcp\n";
    let (_d, p) = scratch(text.as_bytes());
    let o = run(&[
        "config",
        "edit",
        p.to_str().unwrap(),
        "--remove-server",
        "2.debian.pool.ntp.org",
        "--add-server",
        "10.0.0.1 iburst",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "# Use Debian vendor zone.\nserver 10.0.0.1 iburst\n\n# Use time sources from DHCP.\nsourcedir /run/chrony-dhcp\n"
    );
}

/// The command line puts a new line where the window's panels do: a file's
/// first server, peer and allow go at the end under a comment of their own
/// (in the CLI's language), never above the first directive under another
/// line's comment; later ones follow their own kind.
#[test]
fn the_first_server_peer_and_allow_go_where_the_window_puts_them() {
    let text = "# Record the rate at which the system clock gains/losses time.\ndriftfile /var/lib/chrony/chrony.drift\n\n# Allow the system clock to be stepped.\nmakestep 1 3\n";
    let (_d, p) = scratch(text.as_bytes());
    let args = [
        "config",
        "edit",
        p.to_str().unwrap(),
        "--add-server",
        "10.0.0.1 iburst",
        "--add-peer",
        "10.0.0.9",
        "--allow",
        "10.0.0.0/24",
        "--add-server",
        "10.0.0.2 iburst",
        "--deny",
        "10.0.0.128/25",
    ];
    let o = run(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    // The window's comments (conf-comment-*), in English under LANG=C.
    let en = stratum::i18n::Localizer::new(stratum::i18n::Lang::En);
    let c = |id: &str| en.tr(id);
    assert_eq!(
        stdout(&o),
        format!(
            "{text}\n# {}\nserver 10.0.0.1 iburst\nserver 10.0.0.2 iburst\n\n\
             # {}\npeer 10.0.0.9\n\n\
             # {}\nallow 10.0.0.0/24\ndeny 10.0.0.128/25\n",
            c("conf-comment-sources"),
            c("conf-comment-peers"),
            c("conf-comment-allow"),
        )
    );
    assert!(stdout(&o).contains("# Upstream servers this server follows.\n"));
    // In Chinese, the comments are the window's Chinese ones.
    let o = stratum()
        .env_remove("LC_ALL")
        .env("LANG", "zh_CN.UTF-8")
        .args(args)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let tr = stratum::i18n::Localizer::new(stratum::i18n::Lang::ZhCn);
    for id in [
        "conf-comment-sources",
        "conf-comment-peers",
        "conf-comment-allow",
    ] {
        assert!(out.contains(&format!("# {}\n", tr.tr(id))), "{id}: {out}");
    }
    assert!(out.starts_with(text), "{out}");
}

#[test]
fn every_command_ends_quietly_on_a_closed_pipe() {
    use std::io::Read;
    use std::process::Stdio;
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/roundtrip");
    let conf = std::fs::read_dir(&fixture)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let big: String = (0..20_000).map(|i| format!("# line {i}\n")).collect();
    let (_d, p) = scratch(format!("{big}server 10.0.0.1\n").as_bytes());
    for args in [
        vec!["config", "edit", p.to_str().unwrap()],
        vec!["export", conf.to_str().unwrap(), "--to", "ntp"],
        vec!["--help"],
    ] {
        let mut child = stratum()
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Read a little, then close the pipe like `| head -2`.
        let mut out = child.stdout.take().unwrap();
        let mut buf = [0u8; 16];
        let _ = out.read(&mut buf);
        drop(out);
        let status = child.wait().unwrap();
        let mut err = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut err)
            .unwrap();
        assert!(
            !err.contains("panicked") && !err.contains("Broken pipe"),
            "{args:?}: {err}"
        );
        assert_ne!(status.code(), Some(101), "{args:?}");
    }
}
