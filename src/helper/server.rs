//! The helper's Unix socket: one thread per connection (bounded), a
//! handshake first, then requests with ids. Reads are open to any peer that
//! can reach the socket; changes need root, the helper's own user, or the
//! admin group (SO_PEERCRED).

use std::io;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::service::{Helper, HelperError, Subscriber};
use crate::ipc::frame::{FrameError, read_frame, write_frame};
use crate::ipc::{ClientMessage, PROTOCOL_VERSION, ReplyBody, RequestBody, ServerMessage};

/// Connections served at once; more are told "busy" and closed.
pub const MAX_CONNECTIONS: usize = 32;
/// A connection that sends nothing for this long is closed.
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(300);

/// Who may change things.
#[derive(Debug, Clone)]
pub struct Policy {
    pub own_uid: u32,
    /// Members of this group (by gid or by name in /etc/group) may change.
    pub admin_group: Option<(u32, Vec<String>)>,
}

impl Policy {
    pub fn for_group(own_uid: u32, group: Option<&str>) -> Policy {
        let admin_group = group.and_then(|g| {
            let text = std::fs::read_to_string("/etc/group").ok()?;
            text.lines().find_map(|l| {
                let f: Vec<&str> = l.split(':').collect();
                (f.len() >= 4 && f[0] == g).then(|| {
                    (
                        f[2].parse().unwrap_or(u32::MAX),
                        f[3].split(',')
                            .filter(|s| !s.is_empty())
                            .map(String::from)
                            .collect(),
                    )
                })
            })
        });
        Policy {
            own_uid,
            admin_group,
        }
    }

    pub fn may_change(&self, uid: u32, gid: u32) -> bool {
        if uid == 0 || uid == self.own_uid {
            return true;
        }
        let Some((admin_gid, members)) = &self.admin_group else {
            return false;
        };
        if gid == *admin_gid {
            return true;
        }
        user_name(uid).is_some_and(|n| members.contains(&n))
    }
}

fn user_name(uid: u32) -> Option<String> {
    let text = std::fs::read_to_string("/etc/passwd").ok()?;
    text.lines().find_map(|l| {
        let f: Vec<&str> = l.split(':').collect();
        (f.len() > 2 && f[2] == uid.to_string()).then(|| f[0].to_string())
    })
}

/// Binds the socket (replacing a stale one), readable and writable by
/// everyone who can reach its directory: access control is per request.
pub fn bind(path: &Path) -> io::Result<UnixListener> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    if path.exists() {
        // A helper that still answers owns it; a dead one left it behind.
        if UnixStream::connect(path).is_ok() {
            return Err(io::Error::new(
                io::ErrorKind::AddrInUse,
                "another helper is running",
            ));
        }
        std::fs::remove_file(path)?;
    }
    let l = UnixListener::bind(path)?;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o666))?;
    Ok(l)
}

pub fn serve(listener: UnixListener, helper: Arc<Helper>, policy: Arc<Policy>) {
    let active = Arc::new(AtomicUsize::new(0));
    listener.set_nonblocking(true).ok();
    while !helper.stop.load(Ordering::Relaxed) {
        let stream = match listener.accept() {
            Ok((s, _)) => s,
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(50));
                continue;
            }
            Err(_) => continue,
        };
        let _ = stream.set_nonblocking(false);
        if active.load(Ordering::SeqCst) >= MAX_CONNECTIONS {
            let mut s = stream;
            let _ = s.set_write_timeout(Some(Duration::from_secs(1)));
            let _ = write_frame(
                &mut s,
                &ServerMessage::Fatal {
                    code: "ipc-busy".into(),
                },
            );
            continue;
        }
        active.fetch_add(1, Ordering::SeqCst);
        let (helper, policy, active) = (
            Arc::clone(&helper),
            Arc::clone(&policy),
            Arc::clone(&active),
        );
        std::thread::spawn(move || {
            let _ = connection(stream, &helper, &policy);
            active.fetch_sub(1, Ordering::SeqCst);
        });
    }
}

fn connection(mut stream: UnixStream, helper: &Helper, policy: &Policy) -> Result<(), FrameError> {
    stream.set_read_timeout(Some(IDLE_TIMEOUT))?;
    stream.set_write_timeout(Some(Duration::from_secs(5)))?;
    let cred = rustix::net::sockopt::socket_peercred(&stream).map_err(io::Error::from)?;
    let may_change = policy.may_change(cred.uid.as_raw(), cred.gid.as_raw());

    // The first message must be a hello of our protocol version; a short
    // deadline keeps silent peers from holding a slot.
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    match read_frame::<_, ClientMessage>(&mut stream) {
        Ok(ClientMessage::Hello { protocol }) if protocol == PROTOCOL_VERSION => {
            write_frame(
                &mut stream,
                &ServerMessage::Hello {
                    protocol: PROTOCOL_VERSION,
                    info: helper.info(may_change),
                },
            )?;
        }
        Ok(ClientMessage::Hello { .. }) => {
            return write_frame(
                &mut stream,
                &ServerMessage::Fatal {
                    code: "ipc-version".into(),
                },
            );
        }
        Ok(_) => {
            return write_frame(
                &mut stream,
                &ServerMessage::Fatal {
                    code: "ipc-no-hello".into(),
                },
            );
        }
        Err(e) => {
            let _ = write_frame(
                &mut stream,
                &ServerMessage::Fatal {
                    code: e.code().into(),
                },
            );
            return Err(e);
        }
    }
    stream.set_read_timeout(Some(IDLE_TIMEOUT))?;

    // Pushes go through a shared handle so that they do not interleave with
    // replies on the same stream.
    let writer = Arc::new(Subscriber {
        stream: Mutex::new(stream.try_clone()?),
    });
    loop {
        let msg = match read_frame::<_, ClientMessage>(&mut stream) {
            Ok(m) => m,
            Err(FrameError::Closed) => return Ok(()),
            Err(e) => {
                let mut w = writer.stream.lock().unwrap();
                let _ = write_frame(
                    &mut *w,
                    &ServerMessage::Fatal {
                        code: e.code().into(),
                    },
                );
                return Err(e);
            }
        };
        let ClientMessage::Request { id, body } = msg else {
            let mut w = writer.stream.lock().unwrap();
            return write_frame(
                &mut *w,
                &ServerMessage::Fatal {
                    code: "ipc-second-hello".into(),
                },
            );
        };
        let reply = if body.is_change() && !may_change {
            ReplyBody::error("not-authorised", None)
        } else {
            handle(helper, &body, &writer)
        };
        let mut w = writer.stream.lock().unwrap();
        write_frame(&mut *w, &ServerMessage::Reply { id, body: reply })?;
    }
}

fn err(e: HelperError) -> ReplyBody {
    ReplyBody::Error {
        code: e.code.to_string(),
        detail: e.detail,
    }
}

fn handle(helper: &Helper, body: &RequestBody, writer: &Arc<Subscriber>) -> ReplyBody {
    match body {
        RequestBody::Info => ReplyBody::Info(helper.info(false)),
        RequestBody::Snapshot => match &helper.state.lock().unwrap().snapshot {
            Some(s) => ReplyBody::Snapshot(s.clone()),
            None => ReplyBody::error("no-snapshot-yet", None),
        },
        RequestBody::History(q) => {
            let points = helper.state.lock().unwrap().history.query(
                &q.series,
                q.since,
                q.until,
                q.max_points.min(100_000),
            );
            ReplyBody::History {
                series: q.series.clone(),
                points,
            }
        }
        RequestBody::SeriesList => ReplyBody::SeriesList {
            series: helper.state.lock().unwrap().history.names(),
        },
        RequestBody::GetConfig => match helper.config_text() {
            Ok(text) => ReplyBody::Config {
                text,
                path: helper.paths.config.display().to_string(),
            },
            Err(e) => err(e),
        },
        RequestBody::Apply { config } => match helper.apply(config) {
            Ok(a) => ReplyBody::Applied(a),
            Err(e) => err(e),
        },
        RequestBody::Action { action } => match helper.action(action) {
            Ok(()) => ReplyBody::Done,
            Err(e) => err(e),
        },
        RequestBody::Subscribe => {
            helper
                .state
                .lock()
                .unwrap()
                .subscribers
                .push(Arc::clone(writer));
            ReplyBody::Subscribed
        }
    }
}
