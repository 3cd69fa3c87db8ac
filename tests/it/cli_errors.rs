//! What the command line says when the system refuses a file: in the
//! user's language, from the kind of error (not the C library's English,
//! "No such file or directory (os error 2)"), with exit code 2 and nothing
//! written — for explain, config lint, config edit, stats and export.

use std::process::Output;

use crate::common::stratum;

fn run(lang: &str, args: &[&str]) -> Output {
    stratum()
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .args(args)
        .args(["--lang", lang])
        .output()
        .unwrap()
}

#[test]
fn refused_files_are_said_in_the_users_language() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("missing.conf");
    let missing = missing.to_str().unwrap();
    let dir = tmp.path().to_str().unwrap();
    let conf = tmp.path().join("chrony.conf");
    std::fs::write(&conf, "server 10.0.0.1 iburst\n").unwrap();
    let conf = conf.to_str().unwrap();
    let nowhere = tmp.path().join("no/such/dir/out.txt");
    let nowhere = nowhere.to_str().unwrap();
    // (arguments, the path named, Chinese words, English words)
    let not_found = ("文件或目录不存在", "no such file or directory");
    let a_dir = ("这是一个目录，不是文件", "it is a directory, not a file");
    let cases: Vec<(Vec<&str>, &str, (&str, &str))> = vec![
        (vec!["explain", missing], missing, not_found),
        (vec!["explain", dir], dir, a_dir),
        (vec!["config", "lint", missing], missing, not_found),
        (vec!["config", "lint", dir], dir, a_dir),
        (
            vec!["config", "edit", missing, "--allow", "10.0.0.0/8"],
            missing,
            not_found,
        ),
        (vec!["stats", missing], missing, not_found),
        (vec!["export", missing, "--to", "ntp"], missing, not_found),
        (
            vec!["export", conf, "--to", "chrony-server", "--out", nowhere],
            nowhere,
            not_found,
        ),
    ];
    for (args, path, (zh, en)) in cases {
        for (lang, words, read_or_write) in [
            ("zh-CN", zh, ["无法读取", "无法写入"]),
            ("en", en, ["Cannot read", "Cannot write"]),
        ] {
            let o = run(lang, &args);
            let err = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(2), "{lang} {args:?}: {err}");
            assert!(
                read_or_write
                    .iter()
                    .any(|w| err.contains(&format!("{w} {path}"))),
                "{lang} {args:?}: {err}"
            );
            assert!(err.contains(words), "{lang} {args:?}: {err}");
            assert!(!err.contains("os error"), "{lang} {args:?}: {err}");
            assert_eq!(err.trim_end().lines().count(), 1, "{lang} {args:?}: {err}");
        }
    }
    assert!(!std::path::Path::new(nowhere).exists());
    assert!(!std::path::Path::new(missing).exists());
}
