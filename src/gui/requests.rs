//! The window's requests: every one gets an id, and the backend's reply
//! comes back with it ([`AppState::on_reply`]), so an outcome lands on the
//! operation that asked and nowhere else — an Apply (one at a time, from
//! any panel; the bytes sent are what becomes applied), NTS certificates,
//! files saved and imported.

use std::path::PathBuf;

use super::backend::{Command, Contents, Event, ReadError, Request, RequestId};
use super::ops::{ApplyState, FileState, NtsState};
use super::state::AppState;
use crate::core::conf::Document;

/// The most file outcomes kept (each panel shows only its latest).
const FILES_KEPT: usize = 32;

impl AppState {
    /// Gives `command` the next request id and queues it for the backend
    /// (sent after the frame); the reply carries the id.
    pub fn ask(&mut self, command: Command) -> RequestId {
        let id = self.reserve_request();
        self.outbox.push(Request { id, command });
        id
    }

    /// An id for a request made later (a screenshot is written once the
    /// frame that takes it is drawn).
    pub fn reserve_request(&mut self) -> RequestId {
        self.next_request += 1;
        RequestId(self.next_request)
    }

    /// An Apply is under way (from whichever panel).
    pub fn applying(&self) -> bool {
        matches!(self.apply, ApplyState::Running { .. })
    }

    /// The document differs from what the helper has.
    pub fn unapplied(&self) -> bool {
        self.doc.render() != self.base
    }

    /// Sends `text` to be applied, unless an Apply is already under way
    /// or this connection may not change anything; whether it was sent.
    pub fn start_apply(&mut self, text: Vec<u8>) -> bool {
        if self.applying() || !self.may_change() {
            return false;
        }
        let id = self.ask(Command::Apply(text.clone()));
        self.apply = ApplyState::Running { id, sent: text };
        self.apply_from = Some(self.panel);
        true
    }

    /// After each frame: a success message goes once the document is
    /// edited again.
    pub fn settle(&mut self) {
        if let ApplyState::Done { edited, .. } = &self.apply
            && *edited != self.doc.render()
        {
            self.apply = ApplyState::Idle;
        }
    }

    /// Asks for NTS certificates (made or renewed), one request at a time.
    pub fn start_nts(&mut self, command: Command) {
        if matches!(self.nts, NtsState::Running(_)) {
            return;
        }
        let id = self.ask(command);
        self.nts = NtsState::Running(id);
    }

    /// Saves a file for the user; one that exists is replaced only with
    /// `overwrite` (else the user is asked). The id shows the outcome.
    pub fn save_file(&mut self, path: PathBuf, contents: Contents, overwrite: bool) -> RequestId {
        let id = self.ask(Command::WriteFile {
            path: path.clone(),
            contents,
            overwrite,
        });
        self.track_file(id, FileState::Writing(path));
        id
    }

    /// Marks a file write asked for later (a screenshot, written once the
    /// frame that takes it is drawn).
    pub fn expect_file(&mut self, id: RequestId, path: PathBuf) {
        self.track_file(id, FileState::Writing(path));
    }

    /// Imports a chrony.conf into the editor.
    pub fn read_config(&mut self, path: PathBuf) -> RequestId {
        let id = self.ask(Command::ReadConfig(path.clone()));
        self.track_file(id, FileState::Reading(path));
        id
    }

    pub fn file_state(&self, id: RequestId) -> Option<&FileState> {
        self.files.iter().find(|(i, _)| *i == id).map(|(_, f)| f)
    }

    fn track_file(&mut self, id: RequestId, state: FileState) {
        match self.files.iter_mut().find(|(i, _)| *i == id) {
            Some((_, f)) => *f = state,
            None => {
                if self.files.len() >= FILES_KEPT {
                    self.files.remove(0);
                }
                self.files.push((id, state));
            }
        }
    }

    /// The backend's answer to request `to`, given to the operation that
    /// asked; answers to requests nothing waits for are plain events.
    pub(super) fn on_reply(&mut self, to: RequestId, event: Event) {
        let apply_id = match &self.apply {
            ApplyState::Running { id, .. } => Some(*id),
            _ => None,
        };
        let nts_id = match &self.nts {
            NtsState::Running(id) => Some(*id),
            _ => None,
        };
        let is_file = self.file_state(to).is_some();
        match event {
            Event::Batch(events) => {
                for e in events {
                    self.on_reply(to, e);
                }
            }
            Event::Applied(applied) if apply_id == Some(to) => {
                if let ApplyState::Running { sent, .. } =
                    std::mem::replace(&mut self.apply, ApplyState::Idle)
                {
                    // What was sent is what the helper has now; the
                    // document may have moved on meanwhile.
                    self.base = sent;
                }
                self.apply = ApplyState::Done {
                    applied,
                    edited: self.doc.render(),
                };
            }
            Event::NtsIssued(n) if nts_id == Some(to) => self.nts = NtsState::Done(n),
            Event::Failed { code, detail } if apply_id == Some(to) => {
                self.apply = ApplyState::Failed { code, detail };
            }
            Event::Failed { code, detail } if nts_id == Some(to) => {
                self.nts = NtsState::Failed(self.tr.error_text(code, detail));
            }
            Event::Failed { code, detail } if is_file => {
                let text = self.tr.error_text(code, detail);
                self.track_file(to, FileState::Failed(text));
            }
            Event::FileWritten { path, result } if is_file => {
                let state = match result {
                    Ok(()) => FileState::Written(path),
                    Err(e) => FileState::Failed(self.tr.tr_args(
                        "cli-cannot-write",
                        &[
                            ("path", path.display().to_string()),
                            ("reason", self.tr.os_error(&e)),
                        ],
                    )),
                };
                self.track_file(to, state);
            }
            Event::FileExists { path, contents } if is_file => {
                self.track_file(to, FileState::Exists { path, contents });
            }
            Event::ConfigRead { path, result } if is_file => {
                let state = match result {
                    Ok(bytes) => {
                        self.doc = Document::parse(bytes);
                        FileState::Read(path)
                    }
                    Err(e) => {
                        let reason = self.read_error_text(e);
                        FileState::Failed(self.tr.tr_args(
                            "cli-cannot-read",
                            &[("path", path.display().to_string()), ("reason", reason)],
                        ))
                    }
                };
                self.track_file(to, state);
            }
            other => self.on_event(other),
        }
    }

    /// Why a file was not read, in the window's language.
    pub(crate) fn read_error_text(&self, e: ReadError) -> String {
        match e {
            ReadError::NotRegular => self.tr.os_error(&crate::i18n::OsError {
                kind: crate::i18n::OsErrorKind::NotRegular,
                detail: String::new(),
            }),
            ReadError::TooLarge { mib } => self
                .tr
                .tr_args("gui-file-too-large", &[("mib", mib.to_string())]),
            ReadError::Io(e) => self.tr.os_error(&e),
            ReadError::Invalid(words) => words,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::codes::ErrorCode;
    use crate::gui::settings::Settings;
    use crate::ipc::Applied;

    fn may_change(st: &mut AppState) {
        st.info = Some(crate::ipc::HelperInfo {
            protocol: crate::ipc::PROTOCOL_VERSION,
            mode: crate::ipc::Mode::Lab,
            chrony_version: None,
            chronyd_path: None,
            config_path: String::new(),
            chronyd_pid: None,
            chronyd_log: Vec::new(),
            ntp_port: 11123,
            may_change: true,
        });
    }

    fn reply(to: RequestId, event: Event) -> Event {
        Event::Reply {
            to,
            event: Box::new(event),
        }
    }

    #[test]
    fn a_reply_goes_to_the_request_that_asked_and_nowhere_else() {
        let mut st = AppState::new(Settings::default());
        may_change(&mut st);
        let sent = b"allow 10.0.0.0/8\n".to_vec();
        assert!(st.start_apply(sent.clone()));
        let ApplyState::Running { id: apply, .. } = st.apply.clone() else {
            panic!("{:?}", st.apply)
        };
        let history = st.ask(Command::SeriesList);
        // Another request's failure is not the apply's.
        st.on_event(reply(
            history,
            Event::Failed {
                code: ErrorCode::IpcTimeout,
                detail: None,
            },
        ));
        assert!(st.applying());
        assert!(st.last_error.is_some());
        // An edit while it runs; then the apply's own answer.
        st.doc = Document::parse("allow 10.0.0.0/8\nallow 10.1.0.0/16\n");
        st.on_event(reply(
            apply,
            Event::Applied(Applied {
                live: true,
                restarted: false,
                backup: None,
                unchanged: false,
            }),
        ));
        assert!(matches!(st.apply, ApplyState::Done { .. }));
        assert_eq!(st.base, sent, "what was sent is what is applied");
        assert!(st.unapplied(), "the edit made meanwhile is pending");
        // The success stays until the next edit.
        st.settle();
        assert!(matches!(st.apply, ApplyState::Done { .. }));
        st.doc = Document::parse("allow 10.2.0.0/16\n");
        st.settle();
        assert_eq!(st.apply, ApplyState::Idle);
        // A late answer to a request nothing waits for changes nothing.
        st.on_event(reply(
            apply,
            Event::Failed {
                code: ErrorCode::ApplyLint,
                detail: Some("1:bad-subnet".into()),
            },
        ));
        assert_eq!(st.apply, ApplyState::Idle);
    }

    #[test]
    fn a_save_that_finds_a_file_asks_and_keeps_what_it_would_write() {
        let mut st = AppState::new(Settings::default());
        let id = st.save_file("/tmp/x".into(), Contents::Bytes(b"new".to_vec()), false);
        assert_eq!(
            st.file_state(id),
            Some(&FileState::Writing("/tmp/x".into()))
        );
        st.on_event(reply(
            id,
            Event::FileExists {
                path: "/tmp/x".into(),
                contents: Contents::Bytes(b"new".to_vec()),
            },
        ));
        assert_eq!(
            st.file_state(id),
            Some(&FileState::Exists {
                path: "/tmp/x".into(),
                contents: Contents::Bytes(b"new".to_vec()),
            })
        );
        // Another request's answer leaves it alone.
        st.on_event(reply(
            RequestId(id.0 + 100),
            Event::FileWritten {
                path: "/tmp/x".into(),
                result: Ok(()),
            },
        ));
        assert!(matches!(st.file_state(id), Some(FileState::Exists { .. })));
    }
}
