//! The backend's work on this machine, whether or not a helper answers:
//! lint against the files here, settings, files the user saves or imports,
//! desktop notifications.

use std::collections::HashMap;
use std::path::Path;
use std::sync::mpsc::{Receiver, Sender};

use super::messages::{Command, Contents, Event, ReadError, Request};
use super::wake::{Wake, Waker};
use crate::core::alarm::AlarmSubject;
use crate::core::conf::Document;
use crate::core::conf::lint::{LintOptions, lint};
use crate::gui::notify::{Notifier, Shown};

/// A file the user imports is a chrony.conf: anything larger is refused
/// before it is read whole.
const MAX_IMPORT_BYTES: u64 = 4 << 20;

pub(super) fn run(
    chronyd: Option<std::path::PathBuf>,
    remote: bool,
    requests: Receiver<Request>,
    events: Sender<Event>,
    waker: Waker,
) {
    let send = |e: Event| {
        if events.send(e).is_ok() {
            waker(Wake::Event);
        }
    };
    send(Event::Machine {
        chrony_version: crate::sys::find_chronyd(chronyd.as_deref())
            .and_then(|c| crate::sys::chronyd_version(&c)),
        networks: crate::sys::local_networks(),
    });
    let mut desktop = Desktop {
        notifier: Notifier::session(),
        shown: HashMap::new(),
    };
    while let Ok(Request { id, command }) = requests.recv() {
        // Lookups can take the resolver's whole timeout: never on this
        // thread, which lints and writes files.
        if let Command::Resolve(names) = command {
            resolve_each(names, remote, &events, &waker);
            continue;
        }
        if let Command::LookUp(names) = command {
            let events = events.clone();
            let waker = waker.clone();
            std::thread::spawn(move || {
                // A name whose lookup outlived the deadline has no address
                // known here: the export says so rather than wait on it.
                let mut found = resolve(names.clone());
                for name in names.into_iter().take(MAX_LOOKUPS) {
                    if !found.iter().any(|(n, _)| *n == name) {
                        found.push((name, Vec::new()));
                    }
                }
                if events.send(Event::Addresses(found)).is_ok() {
                    waker(Wake::Event);
                }
            });
            continue;
        }
        if let Some(event) = handle(command, remote, &mut desktop) {
            send(Event::Reply {
                to: id,
                event: Box::new(event),
            });
        }
    }
}

/// Each name looked up on a thread of its own, its answer sent the moment
/// it comes: however late, it is the answer, and until then the window says
/// the name is being checked (never that it resolves). Names past the cap,
/// or all of them when chronyd runs on another machine (a lookup here says
/// nothing about there), are sent back as not looked up.
fn resolve_each(names: Vec<String>, remote: bool, events: &Sender<Event>, waker: &Waker) {
    let cap = if remote { 0 } else { MAX_LOOKUPS };
    let skipped: Vec<String> = names.iter().skip(cap).cloned().collect();
    for name in names.into_iter().take(cap) {
        let events = events.clone();
        let waker = waker.clone();
        std::thread::spawn(move || {
            let found = !crate::sys::addresses(&name).is_empty();
            if events.send(Event::Resolved(vec![(name, found)])).is_ok() {
                waker(Wake::Event);
            }
        });
    }
    if !skipped.is_empty() && events.send(Event::NotLookedUp(skipped)).is_ok() {
        waker(Wake::Event);
    }
}

/// Names looked up at once per request, at most.
const MAX_LOOKUPS: usize = 16;
/// How long the answers are waited for: a lab with no DNS server may take
/// the resolver's full timeout, and a hint that late is no use.
const RESOLVE_DEADLINE: std::time::Duration = std::time::Duration::from_secs(3);

/// Each name looked up on a thread of its own; those answered before the
/// deadline, with their addresses (none: it did not resolve).
fn resolve(names: Vec<String>) -> Vec<(String, Vec<std::net::IpAddr>)> {
    let (tx, rx) = std::sync::mpsc::channel();
    let mut asked = 0;
    for name in names.into_iter().take(MAX_LOOKUPS) {
        let tx = tx.clone();
        asked += 1;
        std::thread::spawn(move || {
            let addrs = crate::sys::addresses(&name);
            let _ = tx.send((name, addrs));
        });
    }
    drop(tx);
    let until = std::time::Instant::now() + RESOLVE_DEADLINE;
    let mut out = Vec::new();
    while out.len() < asked {
        let left = until.saturating_duration_since(std::time::Instant::now());
        match rx.recv_timeout(left) {
            Ok(x) => out.push(x),
            Err(_) => break,
        }
    }
    out
}

/// The session bus's notifications, and those on screen by alarm (the
/// window sends at most one per alarm, and withdraws it when it clears).
struct Desktop {
    notifier: Notifier,
    shown: HashMap<AlarmSubject, Shown>,
}

fn handle(command: Command, remote: bool, desktop: &mut Desktop) -> Option<Event> {
    Some(match command {
        Command::Lint { text, version } => {
            let exists = |p: &str| Path::new(p).exists();
            let read = crate::sys::file_facts;
            let diagnostics = lint(
                &Document::parse(&text),
                &LintOptions {
                    version,
                    // The helper's machine is another one: its files
                    // are not looked at here.
                    path_exists: (!remote).then_some(&exists as &dyn Fn(&str) -> bool),
                    resolves: None,
                    read: (!remote).then_some(&read as &crate::core::conf::lint::ReadFile),
                    now: Some(crate::sys::now() as i64),
                    trust: (!remote).then_some(
                        &crate::sys::path_trust as &crate::core::conf::lint::TrustPath<'_>,
                    ),
                },
            );
            Event::Linted { text, diagnostics }
        }
        Command::SaveSettings(s) => Event::Saved(s.save()),
        // Handled by `run`, off this thread.
        Command::Resolve(_) | Command::LookUp(_) => return None,
        Command::WriteFile {
            path,
            contents,
            overwrite,
        } => {
            // Something is there already (a file, a link, a directory):
            // nothing is written until the user says to replace it.
            if !overwrite && std::fs::symlink_metadata(&path).is_ok() {
                return Some(Event::FileExists { path, contents });
            }
            let result = match contents {
                Contents::Bytes(b) => crate::fsutil::write_atomic(&path, &b),
                Contents::Png(image) => {
                    png_bytes(&image).and_then(|b| crate::fsutil::write_atomic(&path, &b))
                }
            }
            .map(drop)
            .map_err(crate::i18n::OsError::from);
            Event::FileWritten { path, result }
        }
        Command::ReadConfig(path) => {
            let result = read_capped(&path);
            Event::ConfigRead { path, result }
        }
        Command::ReadBundle(path) => {
            let result = read_capped(&path)
                .and_then(|b| {
                    String::from_utf8(b)
                        .map_err(|e| io(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))
                })
                .and_then(|t| {
                    toml::from_str::<crate::core::export::bundle::LabSpec>(&t)
                        .map_err(|e| ReadError::Invalid(e.message().to_string()))
                })
                .map(|spec| (spec.roster_devices(), spec.server_addresses()));
            Event::BundleRead { path, result }
        }
        Command::Notify {
            subject,
            title,
            body,
            critical,
        } => {
            // Plain text from the first byte to the last: no control
            // character, no markup in the body (notification servers read
            // a subset of HTML there).
            let body = crate::core::text::escape_controls(&body)
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;");
            let n = crate::gui::notify::Notification {
                summary: crate::core::text::escape_controls(&title).into_owned(),
                body,
                urgency: if critical {
                    crate::gui::notify::Urgency::Critical
                } else {
                    crate::gui::notify::Urgency::Normal
                },
            };
            // No session bus or no daemon: the status bar line is the
            // notification.
            match desktop.notifier.send(&n) {
                Ok(shown) => {
                    if let Some(old) = desktop.shown.insert(subject, shown) {
                        let _ = desktop.notifier.close(&old);
                    }
                }
                Err(e) => tracing::info!("desktop notification not shown: {e}"),
            }
            return None;
        }
        Command::Withdraw(subject) => {
            if let Some(shown) = desktop.shown.remove(&subject)
                && let Err(e) = desktop.notifier.close(&shown)
            {
                // Most often the user closed it first.
                tracing::debug!("desktop notification not closed: {e}");
            }
            return None;
        }
        _ => return None,
    })
}

/// A screenshot as PNG.
pub fn png_bytes(image: &egui::ColorImage) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, image.size[0] as u32, image.size[1] as u32);
    enc.set_color(png::ColorType::Rgba);
    enc.set_depth(png::BitDepth::Eight);
    let mut w = enc.write_header().map_err(std::io::Error::other)?;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    w.write_image_data(&bytes).map_err(std::io::Error::other)?;
    w.finish().map_err(std::io::Error::other)?;
    Ok(out)
}

fn io(e: std::io::Error) -> ReadError {
    ReadError::Io(crate::i18n::OsError::from(&e))
}

fn read_capped(path: &Path) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    use std::os::unix::fs::OpenOptionsExt;
    // A FIFO or a device named by mistake must not hold this thread (and
    // every save and lint behind it): opened without waiting, then
    // refused unless it is a regular file.
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
        .open(path)
        .map_err(io)?;
    if !file.metadata().map_err(io)?.is_file() {
        return Err(ReadError::NotRegular);
    }
    let mut out = Vec::new();
    file.take(MAX_IMPORT_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(io)?;
    if out.len() as u64 > MAX_IMPORT_BYTES {
        return Err(ReadError::TooLarge {
            mib: MAX_IMPORT_BYTES >> 20,
        });
    }
    Ok(out)
}
