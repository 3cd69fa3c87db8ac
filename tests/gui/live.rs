//! The live panels on real lab helpers: an Apply shows the new server, the
//! Fleet panel who follows whom, Plots' CSV, Clients' columns, Statistics.

use super::*;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use stratum::gui::app::{App, ApplyState, Panel};
use stratum::gui::backend::Backend;
use stratum::gui::settings::Settings;
use stratum::i18n::Lang;

#[test]
fn apply_through_a_lab_helper_shows_the_new_server() {
    let Some(chronyd) = common::chronyd() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let up = common::lab::Chronyd::upstream(&chronyd, tmp.path());
    let helper = common::helper::HelperProc::start_lab(
        tmp.path(),
        "local stratum 10 orphan\nallow 127.0.0.0/8\nmakestep 1 3\n",
        common::lab::free_udp_port(),
    );
    let backend = Backend::start(Some(helper.socket.clone()), None, no_waker());
    let mut h = harness(App::headless(settings(), backend));
    wait(&mut h, "the helper's configuration", &|a| {
        a.state.may_change() && String::from_utf8_lossy(&a.state.base).contains("local stratum 10")
    });
    h.get_by_label("Upstream servers").click();
    h.run();
    h.get_by_role(Role::TextInput).focus();
    h.run();
    h.get_by_role(Role::TextInput).type_text("127.0.0.1");
    h.run();
    // Port and poll interval through the form's fields.
    {
        let f = &mut h.state_mut().panels.upstreams;
        f.port = Some(i64::from(up.port));
        f.minpoll = Some(-2);
        f.maxpoll = Some(-1);
    }
    h.run();
    h.get_by_role_and_label(Role::Button, "Add").click();
    h.run();
    h.get_by_label("Apply").click();
    h.step();
    wait(&mut h, "the lint", &|a| a.state.lint.diagnostics.is_some());
    h.run();
    h.get_by_role_and_label(Role::Button, "Apply to chronyd")
        .click();
    // The spinner animates while the apply runs: step, do not settle.
    h.step();
    wait(&mut h, "the apply", &|a| {
        matches!(
            a.state.apply,
            ApplyState::Done { .. } | ApplyState::Failed { .. }
        )
    });
    assert!(
        matches!(h.state().state.apply, ApplyState::Done { .. }),
        "{:?}",
        h.state().state.apply
    );
    let conf = std::fs::read_to_string(helper.data.join("chrony.conf")).unwrap();
    // The file's first upstream: at the end, under a comment of its own.
    assert!(
        conf.ends_with(&format!(
            "\n\n# Upstream servers this server follows.\nserver 127.0.0.1 iburst port {} minpoll -2 maxpoll -1\n",
            up.port
        )),
        "{conf}"
    );
    h.get_by_label("Sources").click();
    h.run();
    wait(&mut h, "the source in the live table", &|a| {
        a.state
            .live
            .get(&stratum::core::explain::Kind::ChronycSources)
            .is_some_and(|e| {
                e.rows
                    .iter()
                    .any(|r| r.iter().any(|f| f.raw == "127.0.0.1"))
            })
    });
    h.run();
    assert!(h.query_all_by_label("127.0.0.1").count() >= 1);
}

#[test]
fn the_fleet_panel_shows_each_server_and_who_follows_whom() {
    use stratum::gui::backend::Event;
    use stratum::ipc::FleetRow;
    let mut h = offline();
    let row = |host: &str, stratum: u16, reference: &str| FleetRow {
        host: host.parse().unwrap(),
        reachable: true,
        stratum: Some(stratum),
        reference: Some(reference.into()),
        system_time: Some(1.5e-6),
        frequency: Some(-3.2),
        skew: Some(0.01),
        leap: Some("Normal".into()),
        selected: None,
        sources: Some(1),
        error: None,
        roster_followers: None,
    };
    let dead = FleetRow {
        reachable: false,
        stratum: None,
        reference: None,
        system_time: None,
        frequency: None,
        error: Some(stratum::ipc::ErrorCode::ChronydTimeout),
        ..row("10.0.0.9:323", 0, "")
    };
    h.state_mut().state.on_event(Event::Fleet(vec![
        FleetRow {
            roster_followers: Some(vec!["pc-7".into(), "sw-core".into()]),
            ..row("10.0.0.1:323", 1, "GPS")
        },
        row("10.0.0.2:323", 2, "10.0.0.1"),
        row("10.0.0.3:323", 10, "7F7F0101"),
        dead,
    ]));
    h.get_by_label("Fleet").click();
    h.run();
    assert_eq!(h.state().state.panel, Panel::Fleet);
    for text in ["10.0.0.1:323", "10.0.0.2:323", "10.0.0.9:323"] {
        assert!(h.query_all_by_label(text).count() >= 1, "{text}");
    }
    // The silent host: what its silence means, said about that host.
    assert!(
        h.query_by_label_contains("no answer on its command port (UDP 323)")
            .is_some()
    );
    // 10.0.0.2 follows 10.0.0.1: the topology column names it.
    assert_eq!(h.query_all_by_label("10.0.0.1:323").count(), 2);
    // Two roster devices keep 10.0.0.1's time.
    assert!(h.query_by_label("Roster devices following it").is_some());
    assert!(h.query_by_label("pc-7, sw-core").is_some());
    // A server on `local stratum` serves its own clock (chronyd's 127.127.1.1).
    assert!(h.query_by_label("its own clock (local stratum)").is_some());
    // chronyd's correction of +1.5 µs is a clock behind: minus under
    // "Offset", as on its plot (+ ahead) and for the sources.
    assert_eq!(h.query_all_by_label("-1.5 µs").count(), 3);
    assert!(h.query_by_label("+1.5 µs").is_none());
}

/// The Plots panel's CSV gives the system clock ahead of NTP time
/// positive, from chronyd's correction: a clock 5 s behind is -5 under
/// system.clock_ahead (what `stratum stats` reads back as the offset); the
/// last offset, not plotted there, is not exported under that name.
#[test]
fn the_plots_csv_gives_the_clock_ahead_from_chronyds_correction() {
    use stratum::core::series::{Field, SeriesId};
    use stratum::gui::backend::Event;
    let mut h = offline();
    h.state_mut().state.on_event(Event::History(vec![
        (SeriesId::system(Field::Correction), vec![(100.0, 5.0, 5.0)]),
        (SeriesId::system(Field::Offset), vec![(100.0, 0.001, 0.001)]),
        (
            SeriesId::system(Field::Frequency),
            vec![(100.0, -3.5, -3.5)],
        ),
    ]));
    let csv = stratum::gui::panels::plots::history_csv(&h.state().state);
    assert_eq!(
        csv,
        "series,time,min,max\nsystem.clock_ahead,100.000,-5e0,-5e0\nsystem.frequency,100.000,-3.5e0,-3.5e0\n"
    );
}

/// In Chinese, the live tables show Chinese column names, never chronyc's
/// machine ids.
#[test]
fn chinese_tables_show_chinese_column_names() {
    let mut h = offline_with(Settings {
        lang: Some(Lang::ZhCn),
        ..Settings::default()
    });
    let text = "MS Name/IP address         Stratum Poll Reach LastRx Last sample\n===============================================================================\n^* 192.168.10.1                  2   6   377    35   -215us[ -301us] +/-   12ms\n";
    h.state_mut().panels.explain.set_input(text.into());
    h.state_mut().state.panel = Panel::Explain;
    h.run();
    for zh in ["偏移", "可达性（八进制）", "层级", "距上次应答"] {
        assert!(h.query_all_by_label(zh).count() >= 1, "{zh} missing");
    }
    for id in ["sample-offset", "last-rx", "reach", "measured-offset"] {
        assert!(h.query_by_label(id).is_none(), "machine id {id} shown");
    }
}

/// The Clients table names its columns in the chosen language (the meaning
/// in the tooltip), a click on a name sorts by it, and the count agrees in number.
#[test]
fn client_columns_have_names_and_sort_on_click() {
    use std::net::{IpAddr, Ipv4Addr};
    use stratum::core::cmdmon::Client;
    use stratum::gui::backend::Event;
    let mut h = offline();
    let client = |last: u8, hits: u32| Client {
        address: IpAddr::V4(Ipv4Addr::new(10, 0, 0, last)),
        ntp_hits: hits,
        ntp_drops: 0,
        ntp_interval: Some(6),
        ntp_interval_limit: None,
        ntp_last: Some(3),
        cmd_hits: 0,
        cmd_drops: 0,
        cmd_interval: None,
        cmd_last: None,
        nts_ke_hits: 0,
        nts_ke_drops: 0,
        nts_ke_interval: None,
        nts_ke_last: None,
    };
    let snapshot = |clients: Vec<Client>| {
        let now = stratum::sys::now();
        Event::Snapshot(Box::new(stratum::ipc::Snapshot {
            time: now,
            tracking: Some(tracking(now)),
            clients,
            ..Default::default()
        }))
    };
    h.state_mut().state.on_event(snapshot(vec![client(1, 5)]));
    h.get_by_label("Clients").click();
    h.run();
    assert!(h.query_by_label("1 client").is_some());
    h.state_mut()
        .state
        .on_event(snapshot(vec![client(1, 5), client(2, 50)]));
    h.run();
    assert!(h.query_by_label("2 clients").is_some());
    for name in [
        "Address ⏶",
        "NTP requests",
        "NTP dropped",
        "Since last request",
    ] {
        assert!(h.query_by_label(name).is_some(), "{name}");
    }
    assert!(h.query_by_label("ntp-hits").is_none());
    h.get_by_label("NTP requests").click();
    h.run();
    assert_eq!(h.state().panels.clients.sort, 1);
    assert!(h.query_by_label("NTP requests ⏶").is_some());
}

#[test]
fn the_statistics_panel_shows_summary_histogram_and_deviations() {
    use stratum::core::series::{Field, SeriesId};
    use stratum::gui::backend::{Event, StatsResult};
    for (lang, sigma, noise) in [(Lang::En, "σ", "white FM"), (Lang::ZhCn, "σ", "白频率噪声")]
    {
        let mut h = offline_with(Settings {
            lang: Some(lang),
            ..Settings::default()
        });
        // A random walk of phase (white FM), 2048 points a second apart.
        let mut x = 0.0;
        let mut seed = 12345u64;
        let points: Vec<(f64, f64)> = (0..2048)
            .map(|i| {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                x += ((seed >> 33) as f64 / (1u64 << 31) as f64 - 0.5) * 1e-6;
                (i as f64, x)
            })
            .collect();
        let series = SeriesId::system(Field::Offset);
        let analysis = stratum::core::stats::analyse(Field::Offset, points);
        assert!(analysis.deviations.is_some());
        h.state_mut()
            .state
            .on_event(Event::Stats(Box::new(StatsResult {
                series,
                window: 3600.0,
                analysis,
            })));
        h.state_mut().state.panel = Panel::Statistics;
        h.run();
        assert!(h.query_by_label(sigma).is_some(), "{lang:?}: no σ row");
        assert!(
            h.query_by_label_contains(noise).is_some(),
            "{lang:?}: no noise type"
        );
        assert!(h.query_all_by_label_contains("OADEV").next().is_some());
    }
}

/// Lab note 000 in a lab with no DNS, then a peer that never answers, as
/// the Sources panel and the Overview show it: nothing says a source
/// answers, the selection's reason is in words, and chronyd's initial
/// values (0 s offsets, 2000 ppm skew, 4 s deviation) show as "–".
#[test]
fn a_lab_where_nothing_answers_shows_no_answer_and_no_numbers() {
    use stratum::core::cmdmon::{
        LOCAL_REFID, SelectData, SourceMode, SourceStats, WireAddr, WireAddrSer,
    };
    use stratum::gui::backend::Event;
    let peer = WireAddr::Ip("10.0.0.124".parse().unwrap());
    let src = crate::common::cmdmon::silent_source;
    let stats = |addr: WireAddr| SourceStats {
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
    };
    let now = stratum::sys::now();
    let mut t = tracking(now);
    t.ref_id = LOCAL_REFID;
    t.address = None;
    t.stratum = 10;
    t.system_time = 0.0;
    t.frequency_ppm = 0.0;
    t.skew_ppm = 0.0;
    let snapshot = stratum::ipc::Snapshot {
        time: now,
        tracking: Some(t),
        sources: vec![
            src(WireAddr::Id(1), "ntp.aliyun.com", SourceMode::Server),
            src(WireAddr::Id(2), "ntp1.aliyun.com", SourceMode::Server),
            src(peer, "10.0.0.124", SourceMode::Peer),
        ],
        sourcestats: vec![stats(WireAddr::Id(1)), stats(WireAddr::Id(2)), stats(peer)],
        selectdata: vec![SelectData {
            ref_id: 0,
            address: WireAddrSer(peer),
            state: 'M',
            authenticated: false,
            leap: 3,
            configured_options: 0,
            effective_options: 0,
            last_sample_ago: 0,
            score: 1.0,
            lo_limit: 0.0,
            hi_limit: 0.0,
        }],
        ..Default::default()
    };
    for (lang, answers, unsynced, reason) in [
        (
            Lang::En,
            "Sources answer but none is selected",
            "10.0.0.124 answers but is not synchronised",
            "10.0.0.124 cannot be selected now: no measurement at all",
        ),
        (
            Lang::ZhCn,
            "时间源有应答但都未被选中",
            "10.0.0.124 有应答但自身未同步",
            "10.0.0.124 目前不能被选择：完全没有测量",
        ),
    ] {
        // First the two names alone (the first Apply), then with the peer.
        let mut names_only = snapshot.clone();
        names_only.sources.truncate(2);
        names_only.sourcestats.truncate(2);
        names_only.selectdata.clear();
        for s in [names_only, snapshot.clone()] {
            let mut h = offline_with(Settings {
                lang: Some(lang),
                ..Settings::default()
            });
            h.state_mut().state.on_event(Event::Snapshot(Box::new(s)));
            for panel in [Panel::Overview, Panel::Sources] {
                h.state_mut().state.panel = panel;
                h.run();
                assert!(h.query_by_label_contains(answers).is_none(), "{panel:?}");
                assert!(h.query_by_label_contains(unsynced).is_none(), "{panel:?}");
            }
        }
        let mut h = offline_with(Settings {
            lang: Some(lang),
            ..Settings::default()
        });
        h.state_mut()
            .state
            .on_event(Event::Snapshot(Box::new(snapshot.clone())));
        h.state_mut().state.panel = Panel::Sources;
        h.run();
        assert!(h.query_by_label_contains(reason).is_some(), "{reason}");
        assert!(h.query_by_label_contains("beside").is_none());
        for placeholder in ["2000.000", "4.000 s"] {
            assert!(
                h.query_by_label(placeholder).is_none(),
                "{placeholder} shown as data"
            );
        }
        // Offset, measured, error of 3 sources; 4 sourcestats values of 3.
        let dashes = h.query_all_by_label("–").count();
        assert!(dashes >= 3 * 3 + 3 * 4, "{dashes} placeholders shown");
    }
}
