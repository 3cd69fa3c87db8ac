//! Export's window says what a file cannot, in both languages: a client's
//! server given by name is looked up on this machine (off the UI thread)
//! and allowed by its address, or left out with the reason; the lab
//! server's port reaches the client's file and ntpd's note; an IPv6
//! server gets VRP's IPv6 command (Huawei "ntp-service unicast-server
//! ipv6 ipv6-address").

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use stratum::core::conf::Document;
use stratum::core::export::Format;
use stratum::gui::app::{App, Panel};
use stratum::i18n::{Lang, Localizer};

use super::files::{choose, servers};
use super::window::{offline, show, shown_texts};

fn preview(h: &Harness<'static, App>, tr: &Localizer) -> String {
    h.get_by_label(&tr.tr("gui-export-preview"))
        .accesskit_node()
        .value()
        .unwrap_or_default()
        .to_string()
}

/// A note line as the panel shows it.
fn note(tr: &Localizer, id: &str, args: &[(&str, &str)]) -> String {
    tr.tr_args("export-note-line", &[("text", tr.tr_args(id, args))])
}

#[test]
fn the_export_panel_looks_names_up_and_says_what_a_file_cannot() {
    // `localhost` resolves from the hosts file; a name under `.invalid`
    // never does and is never queried (RFC 6761).
    let local = stratum::sys::addresses("localhost");
    assert!(!local.is_empty(), "localhost does not resolve here");
    for lang in Lang::ALL {
        let tr = Localizer::new(lang);
        let mut h = offline(lang);
        show(&mut h, Panel::Export);
        h.state_mut().state.doc =
            Document::parse("allow 10.0.0.0/24\nlocal stratum 10\nport 1123\n");
        choose(&mut h, &tr, Format::ChronyClient);
        servers(&mut h, "localhost ntp.lab.invalid");
        super::wait(&mut h, "the names looked up", &|a| {
            ["localhost", "ntp.lab.invalid"]
                .iter()
                .all(|n| a.state.addresses.contains_key(*n))
        });
        h.run();
        let text = preview(&h, &tr);
        assert!(
            text.contains("\nserver localhost port 1123 iburst prefer\n"),
            "{lang:?}: {text}"
        );
        for a in &local {
            assert!(text.contains(&format!("\nallow {a}\n")), "{lang:?}: {text}");
        }
        assert!(!text.contains("allow localhost") && !text.contains("allow ntp.lab"));
        let unknown = note(
            &tr,
            "export-note-allow-name-unknown",
            &[("host", "ntp.lab.invalid")],
        );
        assert!(
            h.query_by_label(&unknown).is_some(),
            "{lang:?}: {:?}",
            shown_texts(&h)
        );
        // ntpd cannot follow the port: the window says so.
        choose(&mut h, &tr, Format::NtpClient);
        let port = note(
            &tr,
            "export-note-ntp-port",
            &[("server", "localhost"), ("port", "1123")],
        );
        assert!(
            h.query_by_label(&port).is_some(),
            "{lang:?}: {:?}",
            shown_texts(&h)
        );
        // An IPv6 server on VRP: its IPv6 command, and its port option.
        choose(&mut h, &tr, Format::HuaweiVrp);
        servers(&mut h, "2001:db8::1");
        let text = preview(&h, &tr);
        assert!(
            text.contains("\nntp-service unicast-server ipv6 2001:db8::1 port 1123\n"),
            "{lang:?}: {text}"
        );
    }
}

/// A client export with NTS from a server without a certificate says
/// where the window makes one (the NTS panel's button), not which
/// command-line subcommand would.
#[test]
fn the_nts_note_names_the_nts_panel_not_a_command() {
    for lang in Lang::ALL {
        let tr = Localizer::new(lang);
        let mut h = offline(lang);
        show(&mut h, Panel::Export);
        h.state_mut().state.doc = Document::parse("allow 10.0.0.0/24\nlocal stratum 10\n");
        choose(&mut h, &tr, Format::ChronyClient);
        servers(&mut h, "127.0.0.1");
        h.get_by_label(&tr.tr("gui-export-nts")).click();
        h.run();
        let texts = shown_texts(&h);
        let want = note(&tr, "gui-export-note-nts-no-server", &[]);
        assert!(texts.contains(&want), "{lang:?}: {texts:?}");
        assert!(
            want.contains(&tr.tr("gui-nts-create-button")),
            "{lang:?}: {want}"
        );
        assert!(
            !texts.iter().any(|t| t.contains("stratum nts")),
            "{lang:?}: {texts:?}"
        );
    }
}
