//! The window's findings over snapshots like the lab's: each rule
//! fires only on the facts it rests on (reach, state, samples,
//! resolved or not), so no two contradict each other.

use stratum::core::cmdmon::{LOCAL_REFID, WireAddrSer};
use stratum::core::cmdmon::{
    SelectData, SourceData, SourceMode, SourceState, SourceStats, Tracking, WireAddr,
};
use stratum::core::explain::field::FieldId as F;
use stratum::core::explain::{Explained, Kind, explain_snapshot};
use stratum::core::explain::{Rule, Status, Why};
use stratum::core::snapshot::Snapshot;
use stratum::i18n::{Lang, Localizer};

fn src(addr: WireAddr, name: &str, mode: SourceMode, reach: u16) -> SourceData {
    SourceData {
        address: WireAddrSer(addr),
        poll: 6,
        stratum: if reach == 0 { 0 } else { 3 },
        state: SourceState::Unusable,
        mode,
        flags: 0,
        reach,
        last_rx: if reach == 0 { u32::MAX } else { 12 },
        offset: 0.0,
        measured_offset: 0.0,
        error: 0.0,
        name: Some(name.into()),
    }
}

/// chronyd's initial sourcestats for a source never sampled.
fn no_stats(addr: WireAddr) -> SourceStats {
    SourceStats {
        ref_id: 0,
        address: WireAddrSer(addr),
        samples: 0,
        runs: 0,
        span: 0,
        frequency_ppm: 0.0,
        freq_skew_ppm: 2000.0,
        offset: 0.0,
        std_dev: 4.0,
        offset_error: 0.0,
    }
}

/// Serving its own clock at stratum 10 (chrony.conf(5): `local
/// stratum 10`), nothing measured.
fn own_clock() -> Tracking {
    Tracking {
        ref_id: LOCAL_REFID,
        stratum: 10,
        ..Tracking::default()
    }
}

fn peer_ip() -> WireAddr {
    WireAddr::Ip("10.0.0.124".parse().unwrap())
}

/// Lab note 000 in a lab with no DNS: two upstream names that do not
/// resolve, local stratum 10; then a peer 10.0.0.124 that never answers.
fn lab(with_peer: bool) -> Snapshot {
    let mut s = Snapshot {
        tracking: Some(own_clock()),
        sources: vec![
            src(WireAddr::Id(1), "ntp.aliyun.com", SourceMode::Server, 0),
            src(WireAddr::Id(2), "ntp1.aliyun.com", SourceMode::Server, 0),
        ],
        sourcestats: vec![no_stats(WireAddr::Id(1)), no_stats(WireAddr::Id(2))],
        ..Snapshot::default()
    };
    if with_peer {
        s.sources
            .push(src(peer_ip(), "10.0.0.124", SourceMode::Peer, 0));
        s.sourcestats.push(no_stats(peer_ip()));
        // chronyc(1), selectdata: "M" "it does not have enough
        // measurements"; chronyd's initial leap "not synchronised".
        s.selectdata.push(SelectData {
            ref_id: 0,
            address: WireAddrSer(peer_ip()),
            state: 'M',
            authenticated: false,
            leap: 3,
            configured_options: 0,
            effective_options: 0,
            last_sample_ago: 0,
            score: 1.0,
            lo_limit: 0.0,
            hi_limit: 0.0,
        });
    }
    s
}

fn rules(e: &Explained) -> Vec<Rule> {
    e.findings.iter().map(|f| f.rule).collect()
}

fn texts(e: &Explained, lang: Lang) -> Vec<String> {
    let tr = Localizer::new(lang);
    e.findings
        .iter()
        .map(|f| tr.finding_text(e.kind, f))
        .collect()
}

/// chronyc(1), sources: Reach 0 is no answer to any of the last eight
/// polls; activity: "sources with unknown address" are "not resolved
/// to an address yet". Neither answers, so "Sources answer but none is
/// selected" cannot be said of them.
#[test]
fn nothing_answers_so_none_is_said_to_answer() {
    for peer in [false, true] {
        let live = explain_snapshot(&lab(peer));
        let sources = &live[&Kind::ChronycSources];
        assert!(
            !rules(sources).contains(&Rule::NoneSelected),
            "peer {peer}: {:?}",
            rules(sources)
        );
        for lang in [Lang::En, Lang::ZhCn] {
            for t in texts(sources, lang) {
                assert!(!t.contains("Sources answer"), "{t}");
                assert!(!t.contains("有应答但都未被选中"), "{t}");
                // True of every release chronyd runs: no release named.
                assert!(!t.contains("chrony 4.0"), "{t}");
            }
        }
    }
    // One source that answers (reach 377) and is not selected: now
    // the finding holds.
    let mut s = lab(false);
    s.sources.push(src(
        WireAddr::Ip("10.0.0.1".parse().unwrap()),
        "10.0.0.1",
        SourceMode::Server,
        0o377,
    ));
    let live = explain_snapshot(&s);
    assert!(rules(&live[&Kind::ChronycSources]).contains(&Rule::NoneSelected));
}

/// A peer that never answered: selectdata's "M" with no measurement at
/// all is the reason, said in words (never "not enough measurements
/// yet", which says waiting helps); its leap "not
/// synchronised" is chronyd's initial value, so "answers but is not
/// synchronised itself" is never said, and its last sample, score and
/// limits are placeholders.
#[test]
fn a_peer_that_never_answered_is_not_said_to_answer() {
    let live = explain_snapshot(&lab(true));
    let select = &live[&Kind::ChronycSelectdata];
    assert!(
        !rules(select).contains(&Rule::UpstreamUnsynchronised),
        "{:?}",
        rules(select)
    );
    let row = &select.rows[0];
    for name in [F::Leap, F::LastSample, F::LoLimit, F::HiLimit, F::Score] {
        let f = row.iter().find(|f| f.name == name).unwrap();
        assert!(f.placeholder(), "{name:?}: {f:?}");
        assert_eq!(f.status, Status::Info, "{name:?}");
    }
    let en = texts(select, Lang::En).join("\n");
    assert!(
        en.contains("10.0.0.124 cannot be selected now: no measurement at all"),
        "{en}"
    );
    assert!(!en.contains("beside it"), "{en}");
    assert!(!en.contains("answers but"), "{en}");
    assert!(!en.contains("not enough measurements"), "{en}");
    let zh = texts(select, Lang::ZhCn).join("\n");
    assert!(zh.contains("完全没有测量"), "{zh}");
}

/// Placeholders: chronyc(1) prints 0 for a source's last sample until
/// one arrives, and sourcestats starts at "Freq Skew" 2000 ppm and
/// "Std Dev" 4 s with "NP" 0 ("the number of sample points currently
/// being retained"): no sample, no measurement.
#[test]
fn values_without_a_sample_are_placeholders() {
    let live = explain_snapshot(&lab(true));
    for row in &live[&Kind::ChronycSources].rows {
        for name in [F::SampleOffset, F::MeasuredOffset, F::Error] {
            let f = row.iter().find(|f| f.name == name).unwrap();
            assert!(f.placeholder(), "{name:?}: {f:?}");
        }
    }
    for row in &live[&Kind::ChronycSourcestats].rows {
        for name in [F::FreqSkew, F::StdDev, F::EstOffset, F::Frequency] {
            let f = row.iter().find(|f| f.name == name).unwrap();
            assert!(f.placeholder(), "{name:?}: {f:?}");
        }
    }
    // A source that answers has measurements.
    let mut s = lab(false);
    s.sources.push(src(
        WireAddr::Ip("10.0.0.1".parse().unwrap()),
        "10.0.0.1",
        SourceMode::Server,
        0o377,
    ));
    let live = explain_snapshot(&s);
    let row = live[&Kind::ChronycSources].rows.last().unwrap().clone();
    assert!(row.iter().all(|f| !f.placeholder()), "{row:?}");
}

/// Lab note 001's three `pool` lines in a lab with no DNS: chronyd
/// keeps 8 placeholder sources per line, all alike. One row per name,
/// "×8", in sources and sourcestats; the headline counts the same 8.
#[test]
fn a_pool_that_does_not_resolve_is_one_row() {
    let mut s = Snapshot {
        tracking: Some(own_clock()),
        ..Snapshot::default()
    };
    let mut id = 0;
    for name in ["ntp1.aliyun.com", "ntp2.aliyun.com", "ntp3.aliyun.com"] {
        for _ in 0..8 {
            id += 1;
            s.sources
                .push(src(WireAddr::Id(id), name, SourceMode::Server, 0));
            s.sourcestats.push(no_stats(WireAddr::Id(id)));
        }
    }
    let live = explain_snapshot(&s);
    for kind in [Kind::ChronycSources, Kind::ChronycSourcestats] {
        let names: Vec<&str> = live[&kind]
            .rows
            .iter()
            .map(|r| {
                r.iter()
                    .find(|f| f.name == F::Address)
                    .unwrap()
                    .raw
                    .as_str()
            })
            .collect();
        assert_eq!(
            names,
            [
                "ntp1.aliyun.com ×8",
                "ntp2.aliyun.com ×8",
                "ntp3.aliyun.com ×8"
            ],
            "{kind:?}"
        );
    }
    s.health = stratum::core::health::verdict(&s, &Default::default());
    let headline = Localizer::new(Lang::En).health_headline(&s, &s.health);
    assert!(
        headline
            .contains("ntp1.aliyun.com does not resolve (one pool line: chronyd keeps 8 places"),
        "{headline}"
    );
}

/// W8 finding 5: note 001's single `pool ntp1.aliyun.com iburst` line,
/// shown as "ntp1.aliyun.com ×8", is not "only one source": a pool gives
/// up to maxsources servers. A single `server` line still is.
#[test]
fn one_pool_line_is_not_a_single_source() {
    let single = |s: &Snapshot| {
        explain_snapshot(s)[&Kind::ChronycSources]
            .findings
            .iter()
            .any(|f| f.rule == Rule::SingleSource)
    };
    let mut s = Snapshot {
        tracking: Some(own_clock()),
        ..Snapshot::default()
    };
    for id in 1..=8 {
        s.sources.push(src(
            WireAddr::Id(id),
            "ntp1.aliyun.com",
            SourceMode::Server,
            0,
        ));
        s.sourcestats.push(no_stats(WireAddr::Id(id)));
    }
    assert!(!single(&s), "one pool line read as a single source");
    s.sources.truncate(1);
    s.sourcestats.truncate(1);
    assert!(single(&s), "one server line is a single source");
}

/// chronyc(1), tracking: "System time ... the current offset between
/// the NTP clock and the system clock". On its own clock (or
/// unsynchronised) there is no NTP clock: the numbers are neutral, not
/// green; synchronised to a server they are judged.
#[test]
fn no_reference_no_green_numbers() {
    let unsynced = Tracking {
        ref_id: 0,
        stratum: 0,
        leap_status: 3,
        ..Tracking::default()
    };
    for t in [own_clock(), unsynced] {
        let s = Snapshot {
            tracking: Some(t),
            ..Snapshot::default()
        };
        let live = explain_snapshot(&s);
        for f in &live[&Kind::ChronycTracking].fields {
            if matches!(
                f.name,
                F::SystemTime | F::LastOffset | F::RmsOffset | F::Frequency | F::Skew
            ) {
                assert_ne!(f.status, Status::Ok, "{:?}", f.name);
                assert_eq!(f.reason.as_ref().map(|r| r.id), Some(Why::NoReference));
            }
        }
    }
    let synced = Snapshot {
        tracking: Some(Tracking {
            ref_id: 0x0A00_0001,
            address: Some("10.0.0.1".parse().unwrap()),
            stratum: 3,
            ..Tracking::default()
        }),
        ..Snapshot::default()
    };
    let live = explain_snapshot(&synced);
    let f = live[&Kind::ChronycTracking]
        .fields
        .iter()
        .find(|f| f.name == F::SystemTime)
        .unwrap();
    assert_eq!(f.status, Status::Ok);
}

/// The window reads tracking against the sources as a paste of both is
/// read (chronyc(1), tracking: the reference is "the server to which the
/// computer is currently synchronised"; sources: `*` "the best source
/// which is currently selected", Reach 0 no answer to the last eight
/// polls): a reference gone silent is a clock on its last estimate, and a
/// selected source that answers is not followed for a reason no firewall
/// explains (chrony.conf(5), maxchange).
#[test]
fn tracking_is_read_against_the_sources_as_in_a_paste() {
    let ip: std::net::IpAddr = "127.0.0.224".parse().unwrap();
    let mut silent = src(WireAddr::Ip(ip), "127.0.0.224", SourceMode::Server, 0);
    silent.last_rx = 95;
    let coasting = Snapshot {
        tracking: Some(Tracking {
            ref_id: 0x7F00_00E0,
            address: Some(ip),
            stratum: 3,
            ..Tracking::default()
        }),
        sources: vec![silent],
        ..Snapshot::default()
    };
    let live = explain_snapshot(&coasting);
    let tracking = &live[&Kind::ChronycTracking];
    assert!(
        rules(tracking).contains(&Rule::ReferenceLost),
        "{:?}",
        rules(tracking)
    );
    let en = texts(tracking, Lang::En).join("\n");
    assert!(en.contains("runs on its last estimate"), "{en}");
    // The sources' finding leaves that to tracking: said once.
    let sources = texts(&live[&Kind::ChronycSources], Lang::En).join("\n");
    assert!(!sources.contains("last estimate"), "{sources}");

    let mut selected = src(WireAddr::Ip(ip), "127.0.0.224", SourceMode::Server, 0o377);
    selected.state = SourceState::Selected;
    selected.offset = -2.0;
    let ignoring = Snapshot {
        tracking: Some(Tracking {
            ref_id: 0,
            stratum: 0,
            leap_status: 3,
            ..Tracking::default()
        }),
        sources: vec![selected],
        ..Snapshot::default()
    };
    let live = explain_snapshot(&ignoring);
    let tracking = &live[&Kind::ChronycTracking];
    for lang in [Lang::En, Lang::ZhCn] {
        let t = texts(tracking, lang).join("\n");
        assert!(t.contains("maxchange"), "{t}");
        assert!(!t.contains("UDP 123"), "{t}");
    }
}

/// A source with no measurement (selectdata M or s, leap `?`) is "waiting
/// will not help" only once chronyd has sent it a reach register's worth
/// of requests; before that, or in chronyd's first minutes when the count
/// is unknown, it has not answered *yet*. Neither text blames a release
/// for the letter: the same chronyd shows M at one time and s at another.
#[test]
fn no_measurement_is_final_only_after_eight_requests() {
    let select_texts = |s: &Snapshot, lang: Lang| {
        texts(&explain_snapshot(s)[&Kind::ChronycSelectdata], lang).join("\n")
    };
    for letter in ['M', 's'] {
        let mut s = lab(true);
        s.selectdata[0].state = letter;
        // Two requests out (ntpdata Total TX), as 17 s into an iburst.
        s.sent = vec![("10.0.0.124".into(), 2)];
        let (en, zh) = (select_texts(&s, Lang::En), select_texts(&s, Lang::ZhCn));
        assert!(en.contains("no answer yet"), "{letter}: {en}");
        assert!(!en.contains("waiting will not help"), "{letter}: {en}");
        assert!(zh.contains("还没有应答"), "{letter}: {zh}");
        assert!(!zh.contains("等待不会改善"), "{letter}: {zh}");
        for t in [&en, &zh] {
            assert!(!t.contains("chrony 4.3"), "{t}");
        }
        // Unknown count, chronyd up 20 s: still early.
        s.sent.clear();
        s.chronyd_up = Some(20.0);
        assert!(select_texts(&s, Lang::En).contains("no answer yet"));
        // Nine requests and no answer: final.
        s.chronyd_up = Some(600.0);
        s.sent = vec![("10.0.0.124".into(), 9)];
        let (en, zh) = (select_texts(&s, Lang::En), select_texts(&s, Lang::ZhCn));
        assert!(en.contains("waiting will not help"), "{letter}: {en}");
        assert!(!en.contains("no answer yet"), "{letter}: {en}");
        assert!(zh.contains("等待不会改善"), "{letter}: {zh}");
    }
}
