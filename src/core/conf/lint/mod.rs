//! Lint: what chronyd would refuse (errors), what silently does not do what
//! a lab admin meant (warnings) and what could be better (hints).
//!
//! Errors are exactly the refusals of the chronyd version linted for: the
//! reading of the file (`conf.c`) and the start-up checks after it ("Bad
//! subnet", noclientlog with rate limiting, rtcfile with rtcsync, uneven NTS
//! certificates and keys, refclock drivers). Diagnostics carry a rule id and
//! arguments; the text comes from the Fluent catalogue (`lint-<rule>`).

mod lab;
mod leap;
mod model;
mod nts;
mod releases;
pub mod rules;
mod startup;
pub(crate) mod syntax;
mod trust;

pub use rules::{Rule, Severity};

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
    startup_checks(&mut l);
    if !fragment {
        lab_checks(&mut l);
        nts::nts_files(&mut l);
        leap::leap_list(&mut l);
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

    #[test]
    fn lab_warnings() {
        // An isolated server with no local stratum.
        let r = rules(
            "server 192.168.0.5 iburst\nallow 10.20.0.0/16\nmakestep 1 3\n",
            V43,
        );
        assert!(r.contains(&(Rule::NoLocalStratum, Some(2))));
        assert!(r.contains(&(Rule::FewSources, None)));
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
    fn peer_pair_with_same_stratum() {
        // Without orphan the pair should differ so clients prefer one...
        let a = Document::parse("peer 10.0.0.2\nlocal stratum 8\n");
        let b = Document::parse("peer 10.0.0.1\nlocal stratum 8\n");
        let c = Document::parse("peer 10.0.0.1\nlocal stratum 9\n");
        assert_eq!(
            lint_peer_pair(&a, &b).map(|d| d.rule),
            Some(Rule::PeerSameStratum)
        );
        assert_eq!(lint_peer_pair(&a, &c), None);
        // ...with orphan chrony.conf(5) asks for the same local configuration.
        let oa = Document::parse("peer 10.0.0.2\nlocal stratum 8 orphan\n");
        let ob = Document::parse("peer 10.0.0.1\nlocal stratum 8 orphan\n");
        assert_eq!(lint_peer_pair(&oa, &ob), None);
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
        let doc = Document::parse("logdir /var/log/chrony\0/x\nserver a\tiburst\r\n");
        let d = lint(&doc, &LintOptions::default());
        let hits: Vec<_> = d
            .iter()
            .filter(|d| d.rule == Rule::ControlCharacter)
            .map(|d| (d.line, d.arg("char").unwrap().to_string()))
            .collect();
        assert_eq!(hits, vec![(Some(1), "U+0000".to_string())]);
        assert_eq!(trust::control_character_line(&doc), Some(1));
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
