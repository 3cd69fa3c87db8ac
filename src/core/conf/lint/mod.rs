//! Lint: what chronyd would refuse (errors), what silently does not do what
//! a lab admin meant (warnings) and what could be better (hints).
//!
//! Errors are exactly the refusals of the chronyd version linted for: the
//! reading of the file (`conf.c`) and the start-up checks after it ("Bad
//! subnet", noclientlog with rate limiting, rtcfile with rtcsync, uneven NTS
//! certificates and keys, refclock drivers). Diagnostics carry a rule id and
//! arguments; the text comes from the Fluent catalogue (`lint-<rule>`).

mod chars;
mod ignored;
mod keys;
mod lab;
mod leap;
mod limits;
mod model;
mod nts;
mod ranges;
mod releases;
pub mod rules;
mod sources_file;
mod startup;
pub(crate) mod syntax;
mod trust;
mod updates;

pub use rules::{Rule, Severity};
pub use sources_file::lint_sources_file;

use super::document::Document;

use lab::lab_checks;
pub use lab::lint_peer_pair;
use model::Linter;
pub use model::{Diagnostic, FileFacts, LintOptions, ReadFile, TrustPath};
use startup::startup_checks;
pub use syntax::parse_error_args;
use syntax::{lines, versions_and_ranges};
pub use trust::control_character_line;

/// Lints one document.
pub fn lint(doc: &Document, opts: &LintOptions) -> Vec<Diagnostic> {
    run(doc, opts, false)
}

/// Lints a file that another one pulls in with `include` or `confdir`:
/// what chronyd refuses directive by directive (it reads the file in place
/// of the `include` line), without the checks that need the whole
/// configuration.
pub fn lint_fragment(doc: &Document, opts: &LintOptions) -> Vec<Diagnostic> {
    run(doc, opts, true)
}

fn run(doc: &Document, opts: &LintOptions, fragment: bool) -> Vec<Diagnostic> {
    if let Some(rule) = chars::unreadable_file(doc) {
        return vec![Diagnostic::new(rule, None, Vec::new())];
    }
    let mut l = Linter {
        doc,
        opts,
        fragment,
        out: Vec::new(),
    };
    lines(&mut l);
    trust::control_characters(&mut l);
    trust::untrusted_paths(&mut l);
    versions_and_ranges(&mut l);
    releases::release_checks(&mut l);
    startup_checks(&mut l);
    ranges::useful_ranges(&mut l);
    if !fragment {
        lab_checks(&mut l);
        ignored::ignored_lines(&mut l);
        limits::unreachable_limits(&mut l);
        updates::maxchange_at_start(&mut l);
        keys::authentication(&mut l);
        nts::nts_files(&mut l);
        leap::leap_list(&mut l);
        leap::leapsectz_zone(&mut l);
        leap::smoothtime_serving(&mut l);
        updates::makestep_limit(&mut l);
        leap::refclock_pairs(&mut l);
    }
    l.out.sort_by_key(|d| (d.line.unwrap_or(0), d.severity));
    l.out
}

pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::conf::guard::{Distrust, DistrustKind, PathClass};
    use crate::core::conf::version::ChronyVersion;

    fn rules(text: &str, version: ChronyVersion) -> Vec<(Rule, Option<usize>)> {
        let opts = LintOptions {
            version,
            path_exists: None,
            resolves: None,
            ..Default::default()
        };
        lint(&Document::parse(text), &opts)
            .into_iter()
            .map(|d| (d.rule, d.line))
            .collect()
    }

    const V43: ChronyVersion = ChronyVersion::new(4, 3);

    fn errors(text: &str, version: ChronyVersion) -> Vec<Rule> {
        let opts = LintOptions {
            version,
            path_exists: None,
            resolves: None,
            ..Default::default()
        };
        lint(&Document::parse(text), &opts)
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.rule)
            .collect()
    }

    #[test]
    fn what_chronyd_refuses_at_start() {
        assert_eq!(errors("allow 10.0.0.0/33\n", V43), [Rule::BadSubnet]);
        assert_eq!(errors("cmddeny ::/129\n", V43), [Rule::BadSubnet]);
        assert_eq!(
            errors("noclientlog\nratelimit interval 3 burst 8\n", V43),
            [Rule::NoclientlogRatelimit]
        );
        assert_eq!(errors("local stratum 20\n", V43), [Rule::LocalStratumRange]);
        assert_eq!(
            errors("rtcsync\nrtcfile /var/lib/chrony/rtc\n", V43),
            [Rule::RtcfileRtcsync]
        );
        assert_eq!(errors("ntsservercert /a.crt\n", V43), [Rule::NtsUneven]);
        assert_eq!(errors("refclock GPS /dev/x\n", V43), [Rule::RefclockDriver]);
        assert_eq!(
            errors("allow 10.0.0.0/24 # lab\n", V43),
            [Rule::TrailingComment]
        );
        assert_eq!(errors("driftfile\n", V43), [Rule::MissingArguments]);
        assert_eq!(
            errors(&format!("# {}\n", "x".repeat(2046)), V43),
            [Rule::LineTooLong]
        );
        assert!(errors(&format!("# {}\n", "x".repeat(2044)), V43).is_empty());
    }

    #[test]
    fn lint_follows_the_chrony_version() {
        let text = "local stratum 10 waitsynced 60\n";
        assert_eq!(errors(text, V43), [Rule::UnsupportedOption]);
        assert!(errors(text, ChronyVersion::new(4, 7)).is_empty());
        assert_eq!(errors("refresh 60\n", V43), [Rule::UnsupportedDirective]);
        // Clamped before 4.7, refused from 4.7 on.
        let text = "server 127.0.0.1 iburst minpoll 99\nmakestep 1 3\n";
        assert!(errors(text, V43).is_empty());
        assert!(rules(text, V43).contains(&(Rule::Clamped, Some(1))));
        assert!(
            errors("server 127.0.0.1 maxpoll 99\n", ChronyVersion::new(4, 7)) == [Rule::OutOfRange]
        );
        // minpoll: read unchecked by 4.7 and 4.8, refused from 4.9 on.
        assert!(errors(text, ChronyVersion::new(4, 8)).is_empty());
        assert_eq!(errors(text, ChronyVersion::new(4, 9)), [Rule::OutOfRange]);
        assert!(rules("ratelimit interval 30\n", V43).contains(&(Rule::Clamped, Some(1))));
    }

    /// What each release's own source accepts (conf.c, cmdparse.c and NEWS
    /// at the tag named beside each case).
    #[test]
    fn each_release_accepts_what_its_source_accepts() {
        let v = ChronyVersion::new;
        let v461 = ChronyVersion::point(4, 6, 1);
        // NEWS 4.6.1: "Add ntsaeads directive".
        assert_eq!(
            errors("ntsaeads 30\n", v(4, 6)),
            [Rule::UnsupportedDirective]
        );
        assert!(errors("ntsaeads 30\n", v461).is_empty());
        // conf.c 4.7 parse_driftfile.
        let drift = "driftfile /var/lib/chrony/drift interval 3600\n";
        assert_eq!(errors(drift, v461), [Rule::UnsupportedOption]);
        assert!(errors(drift, v(4, 9)).is_empty());
        // conf.c 4.4 parse_hwtimestamp (NEWS 4.4).
        assert_eq!(
            errors("hwtimestamp * maxpoll 2\n", V43),
            [Rule::UnsupportedOption]
        );
        assert!(errors("hwtimestamp * maxpoll 2\n", v(4, 4)).is_empty());
        // conf.c 4.2: ptpport; 4.3: log selection; 4.2: rxfilter ptp.
        assert_eq!(
            errors("ptpport 319\n", v(4, 1)),
            [Rule::UnsupportedDirective]
        );
        assert!(errors("ptpport 319\n", v(4, 2)).is_empty());
        assert_eq!(
            errors("log selection\n", v(4, 2)),
            [Rule::UnsupportedOption]
        );
        assert!(errors("log selection\n", V43).is_empty());
        assert_eq!(
            errors("hwtimestamp * rxfilter ptp\n", v(4, 1)),
            [Rule::UnsupportedOption]
        );
        // conf.c 4.1 parse_ntstrustedcerts: a certificate set.
        assert_eq!(
            errors("ntstrustedcerts 1 /etc/ca.crt\n", v(4, 0)),
            [Rule::TooManyArguments]
        );
        assert!(errors("ntstrustedcerts 1 /etc/ca.crt\n", v(4, 1)).is_empty());
        // cmdparse.c: F323 from 4.2, F324 from 4.5, 010A in 4.9.
        let ef = |f: &str, ver| errors(&format!("server a iburst extfield {f}\n"), ver);
        assert!(ef("F323", V43).is_empty());
        assert_eq!(ef("F324", V43), [Rule::ExtfieldValue]);
        assert!(ef("F324", v461).is_empty());
        assert_eq!(ef("10A", v461), [Rule::ExtfieldValue]);
        assert!(ef("10A", v(4, 9)).is_empty());
        // conf.c 4.7 parse_int: strtol over the whole word.
        assert!(errors("port 123abc\n", v461).is_empty());
        assert_eq!(errors("port 123abc\n", v(4, 7)), [Rule::NotAnInteger]);
        assert_eq!(errors("port 4294967297\n", v(4, 9)), [Rule::OutOfRange]);
        // conf.c 4.6 parse_pidfile: "/" turns the PID file off.
        assert_eq!(errors("pidfile /\n", V43), [Rule::PidfileOff]);
        assert!(errors("pidfile /\n", v(4, 6)).is_empty());
        // refclock.c 4.7: the RTC driver.
        assert_eq!(
            errors("refclock RTC /dev/rtc0\n", v461),
            [Rule::RefclockDriver]
        );
        assert!(errors("refclock RTC /dev/rtc0\n", v(4, 7)).is_empty());
    }

    #[test]
    fn two_certificates_and_one_key_are_refused_from_4_1_only() {
        let text = "ntsservercert /a.crt\nntsservercert /b.crt\nntsserverkey /b.key\n";
        // 4.0 keeps the last certificate and the last key: a pair.
        assert!(errors(text, ChronyVersion::new(4, 0)).is_empty());
        assert!(
            rules(text, ChronyVersion::new(4, 0)).contains(&(Rule::DuplicateDirective, Some(1)))
        );
        assert_eq!(errors(text, ChronyVersion::new(4, 1)), [Rule::NtsUneven]);
        // A certificate without any key: 4.0 starts without NTS-KE.
        assert!(
            rules("ntsservercert /a.crt\n", ChronyVersion::new(4, 0))
                .contains(&(Rule::NtsUnpaired, Some(1)))
        );
    }

    #[test]
    fn a_client_log_limit_under_noclientlog_is_said_to_do_nothing() {
        // chrony.conf(5): noclientlog "specifies that client accesses are
        // not to be logged"; clientloglimit sizes that log. chronyd starts.
        let text = "noclientlog\nclientloglimit 1048576\n";
        for v in [ChronyVersion::new(4, 0), V43, ChronyVersion::new(4, 9)] {
            assert!(errors(text, v).is_empty());
            assert!(rules(text, v).contains(&(Rule::ClientloglimitUnused, Some(2))));
        }
        assert!(
            !rules("clientloglimit 1048576\n", V43)
                .iter()
                .any(|(r, _)| *r == Rule::ClientloglimitUnused)
        );
    }

    #[test]
    fn a_second_trusted_certificate_file_replaces_the_first_in_4_0_only() {
        // conf.c 4.0 reads ntstrustedcerts with parse_string (one file);
        // 4.1's parse_ntstrustedcerts keeps a set of them.
        let text = "ntstrustedcerts /a.crt\nntstrustedcerts /b.crt\n";
        assert!(
            rules(text, ChronyVersion::new(4, 0)).contains(&(Rule::DuplicateDirective, Some(1)))
        );
        assert!(
            !rules(text, ChronyVersion::new(4, 1))
                .iter()
                .any(|(r, _)| *r == Rule::DuplicateDirective)
        );
    }

    #[test]
    fn a_character_that_only_looks_like_a_space_is_named() {
        let opts = LintOptions {
            version: V43,
            ..Default::default()
        };
        let d = lint(&Document::parse("server\u{3000}127.0.0.1 iburst\n"), &opts);
        let odd = d.iter().find(|d| d.rule == Rule::OddCharacter).unwrap();
        assert_eq!(odd.severity, Severity::Error);
        assert_eq!(odd.arg("code"), Some("U+3000"));
        assert_eq!(odd.arg("column"), Some("7"));
        // Named once, in place of "not a directive".
        assert!(!d.iter().any(|d| d.rule == Rule::UnknownDirective));
        // In a value chronyd takes it as part of the name.
        let d = lint(&Document::parse("server 127.0.0.1\u{3000}iburst\n"), &opts);
        assert!(d.iter().any(|d| d.rule == Rule::OddCharacterInValue));
        let d = lint(&Document::parse("\u{FEFF}server 127.0.0.1 iburst\n"), &opts);
        assert_eq!(
            d.iter()
                .find(|d| d.rule == Rule::OddCharacter)
                .and_then(|d| d.arg("kind")),
            Some("bom")
        );
    }

    #[test]
    fn minsources_beyond_the_sources_and_orphans_wait_on_4_7() {
        let r = rules(
            "server 10.0.0.1 iburst\nserver 10.0.0.2 iburst noselect\nminsources 2\nmakestep 1 3\n",
            V43,
        );
        assert!(r.contains(&(Rule::MinsourcesUnreachable, Some(3))), "{r:?}");
        let ok = rules(
            "pool pool.ntp.org iburst\nminsources 3\nmakestep 1 3\n",
            V43,
        );
        assert!(!ok.iter().any(|r| r.0 == Rule::MinsourcesUnreachable));
        let orphan = "local stratum 10 orphan\nallow 10.0.0.0/8\n";
        assert!(
            !rules(orphan, ChronyVersion::point(4, 6, 1))
                .iter()
                .any(|r| r.0 == Rule::OrphanWaits)
        );
        assert!(rules(orphan, ChronyVersion::new(4, 7)).contains(&(Rule::OrphanWaits, Some(1))));
        let waits_none = "local stratum 10 orphan waitunsynced 0\nallow 10.0.0.0/8\n";
        assert!(
            !rules(waits_none, ChronyVersion::new(4, 9))
                .iter()
                .any(|r| r.0 == Rule::OrphanWaits)
        );
    }

    #[test]
    fn sources_chronyd_can_never_authenticate_are_warned_of() {
        let d05 = "pool localhost iburst maxsources 2\nminsources 2\nauthselectmode require\n";
        assert!(rules(d05, V43).contains(&(Rule::AuthRequiredNoneAuthenticated, Some(3))));
        for fine in [
            "server a iburst key 1\nserver b iburst\nkeyfile /k\nauthselectmode require\n",
            "server a iburst nts\nauthselectmode require\n",
            "server a iburst\nrefclock PHC /dev/ptp0\nauthselectmode require\n",
            "server a iburst\nauthselectmode require\nauthselectmode mix\n",
        ] {
            assert!(
                !rules(fine, V43)
                    .iter()
                    .any(|r| r.0 == Rule::AuthRequiredNoneAuthenticated),
                "{fine}"
            );
        }
        let d06 = "server 127.0.0.1 key 7\n";
        assert!(rules(d06, V43).contains(&(Rule::KeyMissing, Some(1))));
        let keys = |text: &'static str| {
            move |_: &str| {
                Some(FileFacts {
                    bytes: text.as_bytes().to_vec(),
                    mode: 0o640,
                })
            }
        };
        let with = |read: &ReadFile| -> Vec<Rule> {
            let opts = LintOptions {
                read: Some(read),
                ..Default::default()
            };
            lint(
                &Document::parse("server a iburst key 7\nkeyfile /k\n"),
                &opts,
            )
            .into_iter()
            .map(|d| d.rule)
            .collect()
        };
        assert!(with(&keys("1 SHA1 HEX:00\n# 7 MD5 x\n")).contains(&Rule::KeyMissing));
        assert!(!with(&keys("1 SHA1 HEX:00\n  7 MD5 secret\n")).contains(&Rule::KeyMissing));
        // A key file lint cannot read (another machine's) says nothing.
        assert!(
            !rules("server a iburst key 7\nkeyfile /k\n", V43)
                .iter()
                .any(|r| r.0 == Rule::KeyMissing)
        );
    }

    #[test]
    fn template_placeholders_and_commented_allow_lines_say_what_to_fix() {
        // The lab notes' template: the address is to be filled in, it is not
        // an option named "ntp".
        let r = rules(
            "peer <slave ntp server ip> iburst prefer\nallow <client ip subnet>\n",
            V43,
        );
        assert!(r.contains(&(Rule::Placeholder, Some(1))), "{r:?}");
        assert!(r.contains(&(Rule::Placeholder, Some(2))), "{r:?}");
        assert!(!r.iter().any(|x| x.0 == Rule::UnknownOption), "{r:?}");
        // 4.0 reads the subnet before the comment and serves it: one
        // warning about later releases, no "serves nobody".
        let v40 = ChronyVersion::new(4, 0);
        let text = "local stratum 10\nallow 10.0.0.0/24   # lab\n";
        let r = rules(text, v40);
        assert!(r.contains(&(Rule::AccessLenientComment, Some(2))), "{r:?}");
        assert!(!r.iter().any(|x| x.0 == Rule::NoAllow), "{r:?}");
        // 4.3 refuses the line: the comment is the error.
        let r = rules(text, V43);
        assert!(r.contains(&(Rule::TrailingComment, Some(2))), "{r:?}");
    }

    #[test]
    fn lab_warnings() {
        // An isolated server with no local stratum.
        let r = rules(
            "server 192.168.0.5 iburst\nallow 10.20.0.0/16\nmakestep 1 3\n",
            V43,
        );
        assert!(r.contains(&(Rule::NoLocalStratum, Some(2))));
        assert!(r.contains(&(Rule::FewSources, None)));
        // A client letting only its server ask for its time serves no one.
        for text in [
            "server 10.0.0.1 iburst\nallow 10.0.0.1\n",
            "server ntp.lab iburst\nallow ntp.lab\n",
        ] {
            assert!(
                !rules(text, V43).iter().any(|r| r.0 == Rule::NoLocalStratum),
                "{text}"
            );
        }
        let r = rules(
            "server 10.0.0.1 iburst\nallow 10.0.0.1\nallow 10.0.0.9\n",
            V43,
        );
        assert!(r.contains(&(Rule::NoLocalStratum, Some(2))));
        let r = rules("local stratum 10\n", V43);
        assert!(r.contains(&(Rule::NoAllow, Some(1))));
        let r = rules(
            "peer 10.0.0.2 iburst\nlocal stratum 8\nallow 10.0.0.0/24\n",
            V43,
        );
        assert!(r.contains(&(Rule::PeerBurst, Some(1))));
        assert!(r.contains(&(Rule::PeerNoOrphan, Some(2))));
        let r = rules(
            "server a iburst\nserver a iburst\nserver b iburst\nmakestep 1 3\n",
            V43,
        );
        assert!(r.contains(&(Rule::DuplicateSource, Some(2))));
        assert!(rules("cmdallow 10.0.0.0/8\n", V43).contains(&(Rule::CmdallowNoBind, Some(1))));
        assert!(
            !rules("cmdallow 10.0.0.0/8\nbindcmdaddress 0.0.0.0\n", V43)
                .iter()
                .any(|r| r.0 == Rule::CmdallowNoBind)
        );
        assert!(rules("pool p iburst\n", V43).contains(&(Rule::NoMakestep, None)));
        assert!(
            rules("driftfile /a\ndriftfile /b\n", V43)
                .contains(&(Rule::DuplicateDirective, Some(1)))
        );
    }

    #[test]
    fn a_client_of_one_server_gets_a_hint_and_one_address_is_one_source() {
        let client = rules("server 10.0.0.123 iburst\nmakestep 1 3\n", V43);
        assert!(
            client.contains(&(Rule::FewSourcesClient, None)),
            "{client:?}"
        );
        assert!(!client.iter().any(|r| r.0 == Rule::FewSources));
        let server = rules(
            "server 10.0.0.123 iburst\nmakestep 1 3\nallow 10.0.0.0/24\n",
            V43,
        );
        assert!(server.contains(&(Rule::FewSources, None)));
        let both = rules("server 10.0.0.2 iburst\npeer 10.0.0.2\n", V43);
        assert!(both.contains(&(Rule::DuplicateSource, Some(2))), "{both:?}");
    }

    #[test]
    fn an_allowed_name_that_does_not_resolve_is_an_error() {
        let doc = Document::parse("allow lab-clients.example\nallow localhost\nlocal stratum 10\n");
        let resolves = |h: &str| h == "localhost";
        let opts = LintOptions {
            version: V43,
            path_exists: None,
            resolves: Some(&resolves),
            ..Default::default()
        };
        let d = lint(&doc, &opts);
        let rules: Vec<(Rule, Option<usize>)> = d.iter().map(|d| (d.rule, d.line)).collect();
        assert!(
            rules.contains(&(Rule::AllowHostUnresolved, Some(1))),
            "{rules:?}"
        );
        assert!(rules.contains(&(Rule::AllowHostname, Some(2))));
    }

    #[test]
    fn a_pair_follows_the_orphan_rule() {
        // chrony.conf(5): the same local configuration on every server of
        // the group, in orphan mode.
        let oa = Document::parse("peer 10.0.0.2\nlocal stratum 8 orphan\n");
        let ob = Document::parse("peer 10.0.0.1\nlocal stratum 8 orphan\n");
        assert_eq!(lint_peer_pair(&oa, &ob), None);
        // Different strata (the old "8 and 9" advice) break it, either way.
        let nine = Document::parse("peer 10.0.0.1\nlocal stratum 9 orphan\n");
        let d = lint_peer_pair(&oa, &nine).expect("a finding");
        assert_eq!(d.rule, Rule::PeerStrataDiffer);
        assert_eq!(d.line, Some(2));
        assert_eq!(
            d.args,
            vec![("stratum", "8".to_string()), ("other", "9".to_string())]
        );
        assert!(lint_peer_pair(&nine, &oa).is_some());
        // A partner without local at all differs too.
        let bare = Document::parse("peer 10.0.0.1\n");
        assert!(lint_peer_pair(&oa, &bare).is_some());
        // Each file says itself that orphan is missing.
        let rules: Vec<Rule> = lint(
            &Document::parse("peer 10.0.0.2\nlocal stratum 8\n"),
            &LintOptions::default(),
        )
        .into_iter()
        .map(|d| d.rule)
        .collect();
        assert!(rules.contains(&Rule::PeerNoOrphan), "{rules:?}");
    }

    // Reference clocks that depend on one another.
    fn refclock_rules(text: &str) -> Vec<Rule> {
        let opts = LintOptions {
            version: ChronyVersion::new(4, 9),
            ..Default::default()
        };
        lint(&Document::parse(text), &opts)
            .into_iter()
            .map(|d| d.rule)
            .filter(|r| matches!(r, Rule::RefclockLockUnknown | Rule::RefclockPpsUnnumbered))
            .collect()
    }

    #[test]
    fn a_pps_clock_needs_a_clock_or_source_to_number_its_seconds() {
        assert_eq!(
            refclock_rules("refclock PPS /dev/pps0\n"),
            [Rule::RefclockPpsUnnumbered]
        );
        // chrony.conf(5)'s example pair: the PPS locked to the NMEA clock.
        let pair = "refclock SHM 0 refid NMEA noselect\nrefclock PPS /dev/pps0 lock NMEA\n";
        assert!(refclock_rules(pair).is_empty());
        // Without a refid the SHM clock is SHM0, its default.
        assert!(refclock_rules("refclock SHM 0\nrefclock PPS /dev/pps0 lock SHM0\n").is_empty());
        assert!(refclock_rules("refclock PPS /dev/pps0\npool pool.ntp.org iburst\n").is_empty());
        assert!(refclock_rules("refclock PPS /dev/pps0 local\n").is_empty());
    }

    #[test]
    fn a_lock_naming_no_clock_is_reported() {
        let text = "refclock SHM 0 refid GPS\nrefclock PPS /dev/pps0 lock NMEA\n";
        assert_eq!(refclock_rules(text), [Rule::RefclockLockUnknown]);
    }

    #[test]
    fn control_bytes_are_errors_white_space_is_not() {
        let doc = Document::parse("logdir /var/log/chrony\x1b/x\nserver a\tiburst\r\n");
        let d = lint(&doc, &LintOptions::default());
        let hits: Vec<_> = d
            .iter()
            .filter(|d| d.rule == Rule::ControlCharacter)
            .map(|d| (d.line, d.arg("char").unwrap().to_string()))
            .collect();
        assert_eq!(hits, vec![(Some(1), "U+001B".to_string())]);
        assert_eq!(trust::control_character_line(&doc), Some(1));
        // A NUL in a value chronyd would read cuts the path short: an
        // error, and an apply refuses it before anything.
        let nul = Document::parse("logdir /var/log/chrony\0/x\n");
        let d = lint(&nul, &LintOptions::default());
        assert!(d.iter().any(|d| d.rule == Rule::ControlCharacter), "{d:?}");
        assert!(has_errors(&d));
        // Where chronyd refuses the line for it, that is said once.
        let refused = Document::parse("s\0erver a\n");
        let d = lint(&refused, &LintOptions::default());
        assert!(d.iter().all(|d| d.rule != Rule::ControlCharacter), "{d:?}");
        assert_eq!(trust::control_character_line(&nul), Some(1));
        let esc = Document::parse("# ok\nserver a\x1b[2J\n");
        assert_eq!(trust::control_character_line(&esc), Some(2));
    }

    #[test]
    fn a_path_the_rule_refuses_is_an_error_that_says_why() {
        let trust = |p: &str, class: PathClass| {
            (p.starts_with("/run/chrony/") && class == PathClass::Names).then(|| Distrust {
                path: "/run/chrony".into(),
                kind: DistrustKind::Owner,
                owner: Some("_chrony".into()),
            })
        };
        let opts = LintOptions {
            trust: Some(&trust),
            ..Default::default()
        };
        let d = lint(
            &Document::parse("include /run/chrony/*.conf\npidfile /run/chrony/x.pid\n"),
            &opts,
        );
        let found: Vec<_> = d.iter().filter(|d| d.rule == Rule::PathUntrusted).collect();
        assert_eq!(found.len(), 1, "{d:?}");
        assert_eq!(found[0].line, Some(1));
        assert_eq!(found[0].arg("owner"), Some("_chrony"));
        assert_eq!(found[0].arg("why"), Some("owner"));
    }
}
