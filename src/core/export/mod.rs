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
    fn comment(&self, c: &Note) -> String;
}

/// Untranslated (tests, tools): the header as given, comments as their
/// message id and arguments.
impl Words for str {
    fn header(&self, _: Format) -> String {
        self.to_string()
    }
    fn comment(&self, c: &Note) -> String {
        c.to_string()
    }
}

/// A header per format, comments untranslated.
impl<F: Fn(Format) -> String> Words for F {
    fn header(&self, format: Format) -> String {
        self(format)
    }
    fn comment(&self, c: &Note) -> String {
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
    let body = match format {
        Format::ChronyServer => chrony::server(doc, &intent, opts, &mut notes),
        Format::ChronyClient => chrony::client(&intent, opts, &mut notes, &|n| {
            comment_lines(format, &words.comment(n))
        }),
        Format::Ntp => ntp::ntp_conf(&intent, opts, &mut notes),
        Format::NtpClient => ntp::client(opts, &mut notes),
        Format::Firewalld | Format::Ufw | Format::Nftables => {
            firewall::rules(format, &intent, opts, &mut notes)
        }
        f => switches::config(f, opts, &mut notes),
    };
    let mut text = comment_lines(format, &words.header(format));
    text.push_str(&body);
    Ok(Export { text, notes })
}

/// `text` as comment lines of `format`'s syntax (each on its own line:
/// chrony refuses a comment after a directive).
fn comment_lines(format: Format, text: &str) -> String {
    let c = format.comment();
    text.lines().map(|l| format!("{c} {l}\n")).collect()
}

/// Every comment id exports can write, for the translation tests.
pub const COMMENT_IDS: &[&str] = &["export-comment-client-answers"];

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
    "export-note-backup-stratum",
    "export-note-no-allow",
    "export-note-peer-orphan",
    "export-note-port",
];
