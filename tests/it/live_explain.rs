//! The live snapshot explained, against a lab helper of every release: the
//! same typed rules as pasted output, with sources named as configured,
//! selectdata's rows exactly the ones `chronyc selectdata` lists, and the
//! cause of a `?` that answers taken from selectdata.
//!
//! chronyc(1), selectdata: "If the -a option is specified, all sources are
//! displayed, including those that do not have a known address yet"
//! (without it, they are not). sources, `?`: "a source which is not
//! considered to be selectable for synchronisation for other reasons";
//! "The selectdata command can be used to get more details about the
//! selection state". selectdata, `N`: "has the noselect option".

use crate::common;

use std::time::Duration;

use common::helper::HelperProc;
use common::lab::{Chronyd, free_udp_port, wait_for};
use stratum::core::cmdmon::SourceState;
use stratum::core::explain::{FieldId, Kind, Rule, Status, Why, explain_snapshot};

/// `chronyc -N selectdata`: the name column of each row.
fn chronyc_selectdata_names(chronyc: &std::path::Path, socket: &std::path::Path) -> Vec<String> {
    let out = std::process::Command::new(chronyc)
        .arg("-h")
        .arg(socket)
        .args(["-N", "selectdata"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.lines()
        .skip_while(|l| !l.starts_with("===="))
        .skip(1)
        .filter_map(|l| l.split_whitespace().nth(1).map(str::to_string))
        .collect()
}

#[test]
fn names_selectdata_rows_and_the_cause_of_unusable_come_from_chronyd() {
    for r in common::releases() {
        eprintln!("chrony {}: live explanation", r.label);
        let tmp = tempfile::tempdir().unwrap();
        let up = Chronyd::upstream(&r.chronyd, tmp.path());
        // A second upstream on another loopback address (chronyd knows a
        // source by its address), followed with noselect.
        let up2 = Chronyd::start(
            &r.chronyd,
            tmp.path(),
            "upstream2",
            "local stratum 1\nallow 127.0.0.0/8\nbindaddress 127.0.0.2",
        );
        // A name that fails in the resolver itself: no query leaves.
        let unresolved = common::netns::local_failure_name();
        let config = format!(
            "server 127.0.0.1 port {} iburst minpoll -2 maxpoll -1\n\
             server 127.0.0.2 port {} iburst minpoll -2 maxpoll -1 noselect\n\
             server {unresolved} iburst\n\
             allow 127.0.0.0/8\nlocal stratum 10\n",
            up.port, up2.port
        );
        let chronyd = r.chronyd.to_str().unwrap().to_string();
        let helper = HelperProc::start_lab_with(
            tmp.path(),
            &config,
            free_udp_port(),
            &["--chronyd", &chronyd],
        );
        let label = format!("chrony {}", r.label);
        let snap = wait_for(Duration::from_secs(30), || {
            let s = helper.snapshot();
            let selected = s.sources.iter().any(|x| x.state == SourceState::Selected);
            let answering = s
                .sources
                .iter()
                .any(|x| x.state == SourceState::Unusable && x.reach == 0o377);
            (selected && answering && s.sources.len() == 3).then_some(s)
        })
        .unwrap_or_else(|| panic!("{label}: {:?}", helper.snapshot()));
        let live = explain_snapshot(&snap);

        // Sources: named as configured, the unresolved one said so.
        let sources = &live[&Kind::ChronycSources];
        let addresses: Vec<&str> = sources
            .rows
            .iter()
            .map(|row| {
                row.iter()
                    .find(|f| f.name == FieldId::Address)
                    .unwrap()
                    .raw
                    .as_str()
            })
            .collect();
        assert_eq!(
            addresses,
            ["127.0.0.1", "127.0.0.2", unresolved.as_str()],
            "{label}"
        );
        let row = &sources.rows[2];
        let address = row.iter().find(|f| f.name == FieldId::Address).unwrap();
        assert_eq!(
            (address.status, address.reason.as_ref().map(|r| r.id)),
            (Status::Bad, Some(Why::Unresolved)),
            "{label}"
        );
        let finding = sources
            .findings
            .iter()
            .find(|f| f.rule == Rule::NameUnresolved)
            .unwrap_or_else(|| panic!("{label}: {:?}", sources.findings));
        assert!(
            finding
                .args
                .iter()
                .any(|(k, v)| *k == "sources" && v == &unresolved),
            "{label}: {finding:?}"
        );
        // Reach 377 and `?`: unusable, not unreachable; why, from selectdata.
        let noselect = &sources.rows[1];
        let state = noselect.iter().find(|f| f.name == FieldId::State).unwrap();
        let reach = noselect.iter().find(|f| f.name == FieldId::Reach).unwrap();
        assert_eq!(reach.status, Status::Ok, "{label}: {reach:?}");
        assert_eq!(
            state.reason.as_ref().map(|r| r.id),
            Some(Why::SelectNoselect),
            "{label}: {state:?}"
        );
        for rule in [
            Rule::NeverAnswered,
            Rule::SomeUnreachable,
            Rule::NoUpstreamReachable,
        ] {
            assert!(
                !sources.findings.iter().any(|f| f.rule == rule),
                "{label}: {rule} for a source that answers"
            );
        }

        // selectdata: rows exactly where chronyc selectdata lists them,
        // named as it names them with -N; never an id or 00000000.
        let socket = helper.data.join("run/chronyd/chronyd.sock");
        let chronyc = common::chronyc_for(&r.chronyd);
        let expected = chronyc_selectdata_names(&chronyc, &socket);
        let select = &live[&Kind::ChronycSelectdata];
        let ours: Vec<String> = select
            .rows
            .iter()
            .map(|row| {
                row.iter()
                    .find(|f| f.name == FieldId::Address)
                    .unwrap()
                    .raw
                    .clone()
            })
            .collect();
        assert_eq!(ours, expected, "{label}");
        for name in &ours {
            assert!(
                name != "00000000" && !name.starts_with("ID#") && !name.is_empty(),
                "{label}: {name}"
            );
        }
    }
}
