//! Exports of a lab server's intent (its chrony.conf) for the other
//! machines of the lab: the server itself or its backup, clients (chrony or
//! ntpd), network switches of six vendors, and firewalls. What a target
//! cannot express is reported as a note, never dropped silently.

pub mod alerts;
pub mod ansible;
pub mod bundle;
mod chrony;
mod firewall;
mod intent;
mod ntp;
mod options;
mod switches;

use crate::core::conf::Document;

pub use intent::*;
pub use options::*;

/// The words an export writes into its file, in the user's language: the
/// caller translates, the core names message ids.
pub trait Words {
    /// The first comment lines: who made the file, from what.
    fn header(&self, format: Format) -> String;
    /// A comment above the lines it explains.
    fn comment(&self, format: Format, c: &Note) -> String;
}

/// Untranslated (tests, tools): the header as given, comments as their
/// message id and arguments.
impl Words for str {
    fn header(&self, _: Format) -> String {
        self.to_string()
    }
    fn comment(&self, _: Format, c: &Note) -> String {
        c.to_string()
    }
}

/// A header per format, comments untranslated.
impl<F: Fn(Format) -> String> Words for F {
    fn header(&self, format: Format) -> String {
        self(format)
    }
    fn comment(&self, _: Format, c: &Note) -> String {
        c.to_string()
    }
}

/// Exports `doc` (the lab server's chrony.conf) to `format`, with `words`
/// for its comments (the header first).
pub fn export(
    doc: &Document,
    format: Format,
    opts: &Options,
    words: &(impl Words + ?Sized),
) -> Result<Export, OptionError> {
    opts.check(format)?;
    let intent = Intent::from_document(doc);
    let mut notes = Vec::new();
    if opts.nts && matches!(format, Format::Ntp | Format::NtpClient) {
        notes.push(Note::new("export-note-nts-ntpd"));
    }
    // `port 0`: chronyd answers no NTP (chrony.conf(5) port), so what
    // points at it gets nothing. A server's own file carries it as is.
    if !intent.serves_ntp() && !matches!(format, Format::ChronyServer | Format::Ntp) {
        notes.push(Note::new("export-note-port-zero"));
    }
    let body = match format {
        Format::ChronyServer => chrony::server(doc, &intent, opts, &mut notes),
        Format::ChronyClient => chrony::client(&intent, opts, &mut notes, &|n| {
            comment_lines(format, &words.comment(format, n))
        }),
        Format::Ntp => ntp::ntp_conf(&intent, opts, &mut notes),
        Format::NtpClient => ntp::client(&intent, opts, &mut notes),
        Format::Firewalld | Format::Ufw | Format::Nftables => {
            firewall::rules(format, &intent, opts, &mut notes)
        }
        f => switches::config(f, &intent, opts, &mut notes, &|n| {
            comment_lines(format, &words.comment(format, n))
        }),
    };
    // Each remark once (a port note per server says the same thing).
    let mut seen = Vec::new();
    notes.retain(|n| {
        let new = !seen.contains(n);
        if new {
            seen.push(n.clone());
        }
        new
    });
    let mut text = comment_lines(format, &words.header(format));
    // The ntpd release the file is written for, in it and on screen: its
    // access control differs (ntpd 4.2.6, CentOS 7, has no
    // `restrict source`).
    if let Some(n) = ntpd_release(format, opts) {
        text.push_str(&comment_lines(format, &words.comment(format, &n)));
        notes.insert(0, n);
    }
    text.push_str(&body);
    if format.ascii_only() && !text.is_ascii() {
        // The last guard: a device never gets a byte it may mangle.
        text = text
            .chars()
            .map(|c| if c.is_ascii() { c } else { '?' })
            .collect();
    }
    Ok(Export { text, notes })
}

/// Which ntpd an ntp.conf is for: 4.2.7 and later unless an older
/// release was asked for.
fn ntpd_release(format: Format, opts: &Options) -> Option<Note> {
    if !matches!(format, Format::Ntp | Format::NtpClient) {
        return None;
    }
    Some(match opts.ntpd {
        Some(v) if v < options::NtpdVersion::RESTRICT_SOURCE => {
            Note::new("export-note-ntpd-old").arg("version", format!("{}.{}.{}", v.0, v.1, v.2))
        }
        _ => Note::new("export-note-ntpd-new"),
    })
}

/// `text` as comment lines of `format`'s syntax (each on its own line:
/// chrony refuses a comment after a directive).
fn comment_lines(format: Format, text: &str) -> String {
    let c = format.comment();
    text.lines().map(|l| format!("{c} {l}\n")).collect()
}

/// Every comment id exports can write, for the translation tests.
pub const COMMENT_IDS: &[&str] = &[
    "export-comment-client-answers",
    "export-comment-allow-resolved",
    "export-comment-server-resolved",
];

/// Every note id exports can emit, for the translation tests.
pub const NOTE_IDS: &[&str] = &[
    "export-note-client-answers",
    "export-note-nts-no-server",
    "export-note-nts-and-key",
    "export-note-nts-ca",
    "export-note-nts-system-store",
    "export-note-nts-switch",
    "export-note-nts-ntpd",
    "export-note-option-dropped",
    "export-note-makestep-ntp",
    "export-note-rtcsync-ntp",
    "export-note-ratelimit-ntp",
    "export-note-orphan-ntp",
    "export-note-no-upstream",
    "export-note-allow-all",
    "export-note-key-file",
    "export-note-peer-name",
    "export-note-switch-source",
    "export-note-ntp-port",
    "export-note-key-type",
    "export-note-junos-source",
    "export-note-pair-rule",
    "export-note-no-allow",
    "export-note-peer-orphan",
    "export-note-port",
    "export-note-old-ntpd-names",
    "export-note-pool-old-ntpd",
    "export-note-peer-port-ntp",
    "export-note-key-not-text",
    "export-note-key-file-ntpd",
    "export-note-server-port-ntpd",
    "export-note-port-zero",
    "export-note-allow-name-unknown",
    "export-note-switch-name-unknown",
    "export-note-switch-dns",
    "export-note-port-huawei",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Options with every field a format uses filled, the others empty.
    fn used(format: Format) -> Options {
        let on = |f: Field| format.uses(f);
        Options {
            servers: if on(Field::Servers) {
                vec!["10.0.0.123".into()]
            } else {
                vec![]
            },
            role: if on(Field::Role) {
                Role::Backup
            } else {
                Role::Primary
            },
            peer: on(Field::Peer).then(|| "10.0.0.124".into()),
            source_interface: on(Field::SourceInterface).then(|| "Loopback0".into()),
            key: on(Field::Key).then(|| "1:md5:Lab-Secret1".parse().unwrap()),
            vrf: on(Field::Vrf).then(|| "mgmt".into()),
            nts: on(Field::Nts),
            ..Options::default()
        }
    }

    #[test]
    fn the_fields_a_format_uses_never_block_it() {
        let doc = Document::parse(
            "server 192.0.2.1 iburst\nallow 10.0.0.0/24\nlocal stratum 10 orphan\n",
        );
        for format in Format::ALL {
            let e = export(&doc, format, &used(format), "header");
            assert!(e.is_ok(), "{format}: {e:?}");
        }
    }

    #[test]
    fn a_device_gets_ascii_whatever_the_header_says() {
        let doc = Document::parse("allow 10.0.0.0/24\nlocal stratum 10 orphan\n");
        for format in Format::ALL {
            let e = export(&doc, format, &used(format), "由 Stratum 生成").unwrap();
            if format.ascii_only() {
                assert!(e.text.is_ascii(), "{format}: {}", e.text);
            } else {
                // chrony and ntpd read comments as bytes: the language stays.
                assert!(e.text.contains("由 Stratum 生成"), "{format}: {}", e.text);
            }
        }
        assert!(Format::HuaweiVrp.ascii_only() && Format::Nftables.ascii_only());
        assert!(!Format::ChronyServer.ascii_only() && !Format::Ntp.ascii_only());
    }

    /// The pair rule: the backup's local line is the primary's.
    #[test]
    fn the_backup_of_a_pair_has_the_primarys_local_line() {
        let doc = Document::parse("server 192.0.2.1 iburst\nallow 10.0.0.0/24\nlocal stratum 7\n");
        let backup = Options {
            role: Role::Backup,
            peer: Some("10.0.0.123".into()),
            ..Options::default()
        };
        let e = export(&doc, Format::ChronyServer, &backup, "h").unwrap();
        assert!(e.text.contains("\nlocal stratum 7 orphan\n"), "{}", e.text);
        assert!(e.notes.iter().any(|n| n.id == "export-note-pair-rule"));
        let ntp = export(&doc, Format::Ntp, &backup, "h").unwrap();
        assert!(ntp.text.contains("\ntos orphan 7\n"), "{}", ntp.text);
    }
}
