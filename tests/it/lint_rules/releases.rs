//! What each chrony release refuses, accepts and ignores, through `lint`
//! (the tests were the lint module's own; they call its entry point, so
//! they live here).

use super::at_release::{V43, errors, rules};
use stratum::core::conf::ChronyVersion;
use stratum::core::conf::lint::Rule;

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
    // chrony.conf(5) rtcautotrim: "effective only with the rtcfile
    // directive": chronyd starts, the line does nothing.
    let has_trim = |text: &str| {
        rules(text, V43)
            .iter()
            .any(|(r, _)| *r == Rule::RtcautotrimNoRtcfile)
    };
    assert!(has_trim("rtcsync\nrtcautotrim 30\n"));
    assert!(!has_trim("rtcfile /var/lib/chrony/rtc\nrtcautotrim 30\n"));
    assert!(errors("rtcsync\nrtcautotrim 30\n", V43).is_empty());
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
    assert!(rules(text, ChronyVersion::new(4, 0)).contains(&(Rule::DuplicateDirective, Some(1))));
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
    assert!(rules(text, ChronyVersion::new(4, 0)).contains(&(Rule::DuplicateDirective, Some(1))));
    assert!(
        !rules(text, ChronyVersion::new(4, 1))
            .iter()
            .any(|(r, _)| *r == Rule::DuplicateDirective)
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
