//! The forms' part of the window's tour: every export format with its
//! fields, every setup, typing on the editing panels, every lint rule and
//! explanation of the corpora, each right and wrong.

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stratum::core::conf::Document;
use stratum::core::export::Format;
use stratum::gui::app::{App, Panel};
use stratum::i18n::{Lang, Localizer};

use super::files::{choose, save, servers, type_path};
use super::window::show;

fn files_under(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            stack.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
        } else if p.extension().is_some_and(|e| e == ext) {
            out.push(p);
        }
    }
    out.sort();
    out
}

fn data(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(rel)
}

/// Every format with every field it shows, empty and filled, right and
/// wrong.
pub fn exports(h: &mut Harness<'static, App>) {
    show(h, Panel::Export);
    for format in Format::ALL {
        for (servers, backup, peer, key, nts, ca) in [
            ("", false, "", "", false, ""),
            (
                "10.0.0.123 10.0.0.124:11123",
                false,
                "10.0.0.2",
                "1:md5:Lab-Secret1",
                true,
                "",
            ),
            (
                "10.0.0.123",
                true,
                "",
                "1:sha256:HEX:00ff",
                true,
                "/etc/chrony/ca.crt",
            ),
            ("10.0.0.123", true, "10.0.0.2:11123", "bad key", false, ""),
            ("not a host!", false, "also bad!", "", false, ""),
        ] {
            let f = &mut h.state_mut().panels.export;
            f.format = format;
            f.servers = servers.into();
            f.backup = backup;
            f.peer = peer.into();
            f.key = key.into();
            f.nts = nts;
            f.nts_ca = ca.into();
            f.source_interface = "mgmt0".into();
            f.vrf = "mgmt".into();
            h.run_steps(2);
        }
    }
    // The lab's own file with no upstream, no allow line, NTS, a key file.
    h.state_mut().state.doc = Document::parse(
        "local stratum 8\npeer lab-partner.example\nkeyfile /etc/chrony/chrony.keys\nntsservercert /etc/c.crt\nntsserverkey /etc/c.key\nmakestep 1 3\nrtcsync\nratelimit\n",
    );
    for format in Format::ALL {
        h.state_mut().panels.export.format = format;
        h.state_mut().panels.export.servers = "10.0.0.123:11123".into();
        h.run_steps(2);
    }
    // The backup of a pair whose lab servers are all this file's peers:
    // the window asks for the primary's address.
    h.state_mut().state.doc = Document::parse("peer 10.0.0.124\nlocal stratum 10 orphan\n");
    let f = &mut h.state_mut().panels.export;
    f.format = Format::ChronyServer;
    f.servers = "10.0.0.124".into();
    f.backup = true;
    f.peer = String::new();
    h.run_steps(2);
    h.state_mut().panels.export.backup = false;
    // A file saved, then the window's language switched: only its
    // comments differ, and the window says so.
    let lang = h.state().state.tr.lang();
    let other = Lang::ALL.into_iter().find(|l| *l != lang).unwrap();
    let tr = Localizer::new(lang);
    let tmp = tempfile::tempdir().unwrap();
    choose(h, &tr, Format::ChronyClient);
    servers(h, "10.0.0.123");
    type_path(h, &tmp.path().join("client.conf").display().to_string());
    save(h, &tr);
    h.state_mut().state.set_lang(other);
    h.run_steps(2);
    h.state_mut().state.set_lang(lang);
    h.run_steps(2);
}

/// Every setup with each field wrong once, then right.
pub fn setups(h: &mut Harness<'static, App>) {
    use stratum::core::conf::roles::{Role, RoleInput};
    // The name typed below does not resolve here (as a lookup would say,
    // without a DNS query leaving the machine): its hint is shown too.
    h.state_mut()
        .state
        .on_event(stratum::gui::backend::Event::Resolved(vec![(
            "ntp.example.org".into(),
            false,
        )]));
    show(h, Panel::Setup);
    for role in Role::ALL {
        h.state_mut().panels.setup.role = role;
        for input in [
            RoleInput::default(),
            RoleInput {
                upstreams: "bad host!".into(),
                ..RoleInput::default()
            },
            RoleInput {
                subnets: "10.0.0.0/33".into(),
                ..RoleInput::default()
            },
            RoleInput {
                upstreams: "ntp.example.org".into(),
                subnets: "10.0.0.0/24".into(),
                servers: "10.0.0.123".into(),
                peer: "10.0.0.124".into(),
                gps_device: "ttyS0".into(),
                ..RoleInput::default()
            },
            // Three upstreams, one of which does not resolve here: fewer
            // than the three chrony's falseticker vote needs.
            RoleInput {
                upstreams: "ntp.example.org 192.0.2.1 192.0.2.2".into(),
                subnets: "10.0.0.0/24".into(),
                peer: "10.0.0.124".into(),
                ..RoleInput::default()
            },
            RoleInput {
                upstreams: "ntp.example.org".into(),
                subnets: "10.0.0.0/24".into(),
                servers: "10.0.0.123 10.0.0.124".into(),
                peer: "10.0.0.124".into(),
                gps_device: "/dev/ttyACM0".into(),
                pps_device: "/dev/pps0".into(),
                nmea_fallback: true,
            },
        ] {
            h.state_mut().panels.setup.input = input;
            h.run_steps(2);
        }
    }
    // No chronyd known here (a first run without the package): the orphan
    // wait is said as chrony 4.7 and later's, never as a release's.
    let form = (
        h.state().panels.setup.role,
        h.state().panels.setup.input.clone(),
    );
    let kept = (
        h.state().state.local_version,
        h.state_mut().state.info.take(),
    );
    h.state_mut().state.local_version = None;
    let mut said = false;
    for role in Role::ALL {
        h.state_mut().panels.setup.role = role;
        h.state_mut().panels.setup.input = RoleInput {
            subnets: "10.0.0.0/24".into(),
            peer: "10.0.0.124".into(),
            ..RoleInput::default()
        };
        h.run_steps(2);
        said |= h.query_all_by_label_contains("chrony 4.7").next().is_some();
        let latest = format!("chrony {} ", stratum::core::conf::ChronyVersion::LATEST);
        assert!(
            h.query_all_by_label_contains(&latest).next().is_none(),
            "{role:?}: a release is claimed with no chronyd known"
        );
    }
    assert!(said, "no role's orphan line says chrony 4.7 and later");
    // Applying a setup that gives chronyd a new source (a peer), with
    // nothing of the window's configuration dropped, asks first.
    let doc = h.state().state.doc.clone();
    h.state_mut().state.doc = stratum::core::conf::Document::parse("");
    h.state_mut().panels.setup.role = Role::Pair;
    h.state_mut().panels.setup.input = RoleInput {
        upstreams: "192.0.2.1".into(),
        subnets: "10.0.0.0/24".into(),
        peer: "10.0.0.124".into(),
        ..RoleInput::default()
    };
    h.state_mut().panels.setup.confirm = Some(stratum::gui::panels::setup::Replace::Apply);
    h.run_steps(2);
    h.state_mut().panels.setup.confirm = None;
    h.state_mut().state.doc = doc;
    (h.state_mut().state.local_version, h.state_mut().state.info) = kept;
    (
        h.state_mut().panels.setup.role,
        h.state_mut().panels.setup.input,
    ) = form;
    h.run_steps(2);
}

/// Typing on the editing panels, right and wrong; pairs that follow the
/// rule and one that does not; every lint rule of the corpus; every output
/// the explain corpus holds.
pub fn editing(h: &mut Harness<'static, App>) {
    // One pool line whose name does not resolve here: up to 4 servers
    // from one line, none with an address.
    let before = h.state().state.doc.clone();
    h.state_mut().state.doc = stratum::core::conf::Document::parse("pool ntp.example.org iburst\n");
    show(h, Panel::Upstreams);
    h.state_mut().state.doc = before;
    show(h, Panel::Access);
    for subnet in ["10.0.0.0 /24", "10.0.0.0/33", "10.0.0.0/24"] {
        h.state_mut().panels.access.subnet = subnet.into();
        h.run_steps(2);
    }
    // An empty field shows no error; its text is the one the code would
    // give, all the same.
    let st = &h.state().state;
    stratum::gui::panels::access::subnet_error_text(
        st,
        &stratum::core::conf::SubnetError::Empty,
        "",
    );
    show(h, Panel::Upstreams);
    for host in ["bad host!", "a\u{7}b", "ntp.example.org"] {
        h.state_mut().panels.upstreams.host = host.into();
        h.run_steps(2);
    }
    for text in [
        "peer 10.0.0.2\nlocal stratum 10\n",
        "peer 10.0.0.2\nlocal stratum 10 orphan\n",
    ] {
        h.state_mut().state.doc = Document::parse(text);
        h.state_mut().panels.peers.partner = "10.0.0.3".into();
        show(h, Panel::Peers);
    }
    for conf in files_under(&data("chronyd"), "conf")
        .into_iter()
        .chain(files_under(&data("roundtrip"), "conf"))
    {
        h.state_mut().state.doc = Document::parse(std::fs::read(&conf).unwrap());
        show(h, Panel::Advanced);
    }
    show(h, Panel::Explain);
    for out in files_under(&data("explain"), "txt")
        .into_iter()
        .chain(files_under(&data("labs"), "txt"))
    {
        let text = String::from_utf8_lossy(&std::fs::read(&out).unwrap()).into_owned();
        h.state_mut().panels.explain.set_input(text);
        h.run_steps(2);
    }
    h.state_mut()
        .panels
        .explain
        .set_input("no report at all".into());
    h.run_steps(2);
}
