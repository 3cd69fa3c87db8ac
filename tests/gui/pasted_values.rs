//! Explain in the reader's language: a pasted value keeps the tool's
//! English (it is the paste) and its reading in the window's language
//! stands beside it; a healthy switch status is called synchronised, not
//! only given a note. At 1024×700, in both languages.

use egui_kittest::kittest::Queryable;
use stratum::core::explain::{Rule, explain_all};
use stratum::gui::app::Panel;
use stratum::i18n::{Lang, Localizer};

use super::window::{offline, show, shown_texts};

/// A Cisco switch's `show ntp status` from the lab notes: stratum 3,
/// offset −0.16 ms.
const CISCO: &str = "Clock is synchronized, stratum 3, reference is 192.168.0.30
nominal freq is 250.000 Hz, actual freq is 250.000 Hz, precision is 2**19
reference time is EB4FF42E.F6A01F88 (02:53:34.000 UTC Fri, Feb 7, 2025)
clock offset is -0.00016 sec, root delay is 0.00742 sec
root dispersion is 0.01616 msec, peer dispersion is 0.00404 msec
system poll interval is 64, last update was 51 sec ago
system time(GMT) is EB4FF463.176A24DF (02:54:27.000 GMT Fri, Feb 7, 2025)
";

/// chronyc tracking of a chronyd that has synchronised to nothing yet.
const TRACKING: &str = "Reference ID    : 00000000 ()
Stratum         : 0
Ref time (UTC)  : Thu Jan 01 00:00:00 1970
System time     : 0.000000000 seconds fast of NTP time
Last offset     : +0.000000000 seconds
RMS offset      : 0.000000000 seconds
Frequency       : 0.000 ppm slow
Residual freq   : +0.000 ppm
Skew            : 0.000 ppm
Root delay      : 1.000000000 seconds
Root dispersion : 1.000000000 seconds
Update interval : 0.0 seconds
Leap status     : Not synchronised
";

#[test]
fn pasted_values_keep_their_words_and_read_in_the_windows_language() {
    for lang in Lang::ALL {
        let tr = Localizer::window(lang);
        let mut h = offline(lang);
        show(&mut h, Panel::Explain);
        h.state_mut().panels.explain.set_input(CISCO.into());
        h.run();
        // The paste, as pasted.
        for raw in ["51 sec ago", "0.00742 sec", "synchronized"] {
            assert!(h.query_by_label(raw).is_some(), "{lang:?}: {raw}");
        }
        let ago = tr.tr_args("value-ago", &[("value", "51 s")]);
        let fast = tr.tr_args("why-clock-fast", &[("value", "0 ns")]);
        let slow_ppm = tr.tr_args("value-ppm-slow", &[("value", "0.000")]);
        match lang {
            // Its reading beside it, in Chinese.
            Lang::ZhCn => {
                assert_eq!(ago, "51 s前");
                assert!(h.query_by_label(&ago).is_some(), "{:?}", shown_texts(&h));
                assert!(
                    h.query_by_label("7.420 ms").is_some(),
                    "{:?}",
                    shown_texts(&h)
                );
                assert!(h.query_by_label(&tr.tr("value-synchronized")).is_some());
            }
            // An English reader reads the paste: nothing repeated.
            Lang::En => {
                assert!(h.query_by_label(&ago).is_none(), "{:?}", shown_texts(&h));
                assert!(h.query_by_label("7.420 ms").is_none());
            }
        }
        // Synchronised at stratum 3, 160 µs off: said as the summary.
        let e = explain_all(CISCO).unwrap();
        let kind = e[0].kind;
        let synced = e[0]
            .findings
            .iter()
            .find(|f| f.rule == Rule::Synchronised)
            .expect("a synchronised finding");
        let text = tr.finding_text(kind, synced);
        assert!(text.contains("3") && text.contains("160.0 µs"), "{text}");
        assert!(
            h.query_by_label(&text).is_some(),
            "{lang:?}: {:?}",
            shown_texts(&h)
        );

        h.state_mut().panels.explain.set_input(TRACKING.into());
        h.run();
        assert!(
            h.query_by_label("0.000000000 seconds fast of NTP time")
                .is_some()
        );
        assert!(h.query_by_label("0.000 ppm slow").is_some());
        let read = h.query_by_label(&fast).is_some() && h.query_by_label(&slow_ppm).is_some();
        assert_eq!(read, lang == Lang::ZhCn, "{lang:?}: {:?}", shown_texts(&h));
    }
}

/// W7-9: note 004's `chronyc sources -v` on a cloud VM whose public NTP
/// servers (120.25.115.20, 203.107.6.88) never answer. The advice leads
/// with the way out (route, outbound UDP 123), not with the allow of a
/// server the reader does not run.
#[test]
fn silent_public_servers_lead_with_the_way_out_not_their_allow() {
    let paste = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/explain/chronyc-sources-seed004.txt"
    ))
    .expect("note 004's sources paste");
    for lang in Lang::ALL {
        let mut h = offline(lang);
        show(&mut h, Panel::Explain);
        h.state_mut().panels.explain.set_input(paste.clone());
        for _ in 0..4 {
            h.run();
        }
        let (public, allow) = match lang {
            Lang::En => ("These are public servers", "accheck"),
            _ => ("它们是公共服务器", "accheck"),
        };
        assert!(
            h.query_by_label_contains(public).is_some(),
            "{lang:?}: {:?}",
            shown_texts(&h)
        );
        assert!(
            h.query_by_label_contains(allow).is_none(),
            "{lang:?}: the allow advice is still given"
        );
    }
}

/// The lab notes' `systemctl status chrony` (note 004): chronyd 4.3 refused
/// `ratelimit` with `noclientlog` and exited. The window reads the log
/// alone: the fatal message and its fix, in the window's language.
#[test]
fn a_pasted_systemctl_status_says_why_chronyd_did_not_start() {
    let paste = include_str!("../data/explain/pastes/chronyd-status-noclientlog-note004.txt");
    for lang in Lang::ALL {
        let tr = Localizer::window(lang);
        let mut h = offline(lang);
        show(&mut h, Panel::Explain);
        h.state_mut().panels.explain.set_input(paste.into());
        h.run();
        let e = explain_all(paste).unwrap();
        let fatal = e[0]
            .findings
            .iter()
            .find(|f| f.rule == Rule::ChronydFatal)
            .expect("the fatal message is a finding");
        let text = tr.finding_text(e[0].kind, fatal);
        let fix = match lang {
            Lang::ZhCn => "删除其中一个",
            Lang::En => "Remove one of them",
        };
        assert!(text.contains(fix), "{lang:?}: {text}");
        let shown = shown_texts(&h);
        assert!(
            shown.iter().any(|t| t.contains(&text)),
            "{lang:?}: {shown:?}"
        );
        assert!(
            !shown
                .iter()
                .any(|t| t.contains(&tr.tr("explain-not-recognised"))),
            "{lang:?}: {shown:?}"
        );
    }
}
