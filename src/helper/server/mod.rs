//! The helper's Unix socket: an async listener, one task per connection.
//! A peer must finish its hello within a deadline, each request frame once
//! begun within another, and a connection with nothing to do is closed.
//! Connections are capped per uid (before any user lookup), with room kept
//! for root, the helper's user and the admin group. A connection has at most one subscription, fed
//! from a bounded broadcast: a subscriber that does not read is dropped,
//! never waited on. No lock is held across a socket write.

mod access;
mod handle;
mod slots;

pub use slots::{MAX_PER_UID, MAX_PRIVILEGED, MAX_UNPRIVILEGED, Slot, Slots};

use std::io;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use tokio::io::AsyncWriteExt;
use tokio::net::unix::OwnedWriteHalf;
use tokio::net::{UnixListener, UnixStream};
use tokio::sync::{broadcast, mpsc};

use super::auth::{Access, Peer};
use super::state::Shared;
use crate::core::codes::ErrorCode;
use crate::ipc::frame::{FrameError, encode_frame, read_frame_async};
use crate::ipc::{ClientMessage, PROTOCOL_VERSION, ServerMessage};
use access::peer_access;
use handle::{Handled, Pending, handle};

/// The whole hello frame must arrive within this.
pub const HELLO_DEADLINE: Duration = Duration::from_secs(5);
/// A request frame, once its first byte came, must be complete within this.
pub const FRAME_DEADLINE: Duration = Duration::from_secs(10);
/// Each reply or push must be written within this.
pub const WRITE_DEADLINE: Duration = Duration::from_secs(5);
/// A connection without a subscription that sends nothing for this long.
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(120);
/// Applies and actions waiting for the supervisor beyond the one it runs.
pub const QUEUED_CHANGES: usize = 4;
/// Pushes a subscriber may fall behind before it is dropped.
pub const PUSH_BACKLOG: usize = 8;

/// Binds the socket (replacing a stale one), reachable by everyone who can
/// reach its directory: access control is per request.
pub fn bind(path: &Path) -> io::Result<UnixListener> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    if std::fs::symlink_metadata(path).is_ok() {
        // A helper that still answers owns it; a dead one left it behind.
        if std::os::unix::net::UnixStream::connect(path).is_ok() {
            return Err(io::Error::new(
                io::ErrorKind::AddrInUse,
                "another helper is running",
            ));
        }
        std::fs::remove_file(path)?;
    }
    // Reachable by everyone from its first moment, without a chmod by
    // path after it.
    let l = crate::fsutil::sock::bind_listener(path, 0o666)?;
    l.set_nonblocking(true)?;
    UnixListener::from_std(l)
}

/// How often the socket's file is checked to still be the one listened on.
const SOCKET_CHECK: Duration = Duration::from_secs(2);

/// The identity of the socket file at `path`, if there is one.
pub fn socket_identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::symlink_metadata(path)
        .ok()
        .map(|m| (m.dev(), m.ino()))
}

/// Accepts until the task is dropped. Should the socket file (or its
/// directory, say a cleaned-up `/run`) disappear, it is made again: a
/// helper nobody can reach is a helper that is down.
pub async fn serve(mut listener: UnixListener, path: std::path::PathBuf, shared: Arc<Shared>) {
    let slots = Arc::new(Slots::default());
    let mut bound = socket_identity(&path);
    let mut check = tokio::time::interval(SOCKET_CHECK);
    check.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        let accepted = tokio::select! {
            a = listener.accept() => a,
            _ = check.tick() => {
                if socket_identity(&path) != bound {
                    match bind(&path) {
                        Ok(l) => {
                            tracing::warn!(socket = %path.display(), "the socket was removed: listening again");
                            listener = l;
                            bound = socket_identity(&path);
                        }
                        Err(e) => tracing::warn!(error = %e, socket = %path.display(), "the socket was removed and cannot be made again"),
                    }
                }
                continue;
            }
        };
        let stream = match accepted {
            Ok((s, _)) => s,
            Err(e) => {
                // Out of file descriptors: wait instead of spinning.
                tracing::warn!(error = %e, "accept failed");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let Ok(cred) = rustix::net::sockopt::socket_peercred(&stream) else {
            continue;
        };
        let peer = Peer {
            uid: cred.uid.as_raw(),
            gid: cred.gid.as_raw(),
        };
        // The uid's share before anything else, right here: a user who
        // floods the socket is refused at the cost of one getsockopt and
        // one write that never waits, with no task, lookup or thread.
        let Some(mut slot) = slots.take_uid(peer.uid, shared.policy.is_owner(peer)) else {
            refuse_now(&stream, ErrorCode::IpcBusy);
            continue;
        };
        let shared = Arc::clone(&shared);
        let slots = Arc::clone(&slots);
        tokio::spawn(async move {
            let access = peer_access(&shared, peer).await;
            if !slots.take_pool(&mut slot, access == Access::Change) {
                refuse(stream, ErrorCode::IpcBusy).await;
                return;
            }
            if let Err(e) = connection(stream, &shared, peer, access).await {
                tracing::debug!(uid = peer.uid, code = %e.code(), "connection ended");
            }
            drop(slot);
        });
    }
}

/// Says why to a peer refused at the door, if its socket takes the frame
/// at once (never waited for).
fn refuse_now(stream: &UnixStream, code: ErrorCode) {
    if let Ok(frame) = encode_frame(&ServerMessage::Fatal { code }) {
        let _ = stream.try_write(&frame);
    }
}

async fn refuse(mut stream: UnixStream, code: ErrorCode) {
    if let Ok(frame) = encode_frame(&ServerMessage::Fatal { code }) {
        let _ = tokio::time::timeout(Duration::from_secs(1), stream.write_all(&frame)).await;
    }
}

async fn write(w: &mut OwnedWriteHalf, frame: &[u8]) -> Result<(), FrameError> {
    match tokio::time::timeout(WRITE_DEADLINE, w.write_all(frame)).await {
        Ok(r) => r.map_err(FrameError::from),
        Err(_) => Err(FrameError::Io(io::Error::new(
            io::ErrorKind::TimedOut,
            "peer does not read",
        ))),
    }
}

async fn write_msg(w: &mut OwnedWriteHalf, msg: &ServerMessage) -> Result<(), FrameError> {
    write(w, &encode_frame(msg)?).await
}

async fn fatal(w: &mut OwnedWriteHalf, code: ErrorCode) {
    if let Ok(frame) = encode_frame(&ServerMessage::Fatal { code }) {
        let _ = tokio::time::timeout(Duration::from_millis(200), w.write_all(&frame)).await;
    }
}

async fn connection(
    stream: UnixStream,
    shared: &Arc<Shared>,
    peer: Peer,
    access: Access,
) -> Result<(), FrameError> {
    let (mut rd, mut wr) = stream.into_split();
    let hello = tokio::time::timeout(
        HELLO_DEADLINE,
        read_frame_async::<_, ClientMessage>(&mut rd, HELLO_DEADLINE),
    )
    .await;
    match hello {
        Ok(Ok(ClientMessage::Hello { protocol })) if protocol == PROTOCOL_VERSION => {
            write_msg(
                &mut wr,
                &ServerMessage::Hello {
                    protocol: PROTOCOL_VERSION,
                    info: shared.info(access),
                },
            )
            .await?;
        }
        Ok(Ok(ClientMessage::Hello { .. })) => {
            fatal(&mut wr, ErrorCode::IpcVersion).await;
            return Ok(());
        }
        Ok(Ok(_)) => {
            fatal(&mut wr, ErrorCode::IpcNoHello).await;
            return Ok(());
        }
        Ok(Err(e)) => {
            fatal(&mut wr, e.code()).await;
            return Err(e);
        }
        Err(_) => {
            fatal(&mut wr, ErrorCode::IpcTimeout).await;
            return Ok(());
        }
    }

    // Frames are read by their own task so that a half-read frame is never
    // lost to the select below; one request waits at a time.
    let (req_tx, mut requests) = mpsc::channel::<Result<ClientMessage, FrameError>>(1);
    let reader = tokio::spawn(async move {
        loop {
            let msg = read_frame_async::<_, ClientMessage>(&mut rd, FRAME_DEADLINE).await;
            let stop = msg.is_err();
            if req_tx.send(msg).await.is_err() || stop {
                return;
            }
        }
    });
    let _reader = AbortOnDrop(reader);

    let mut subscription: Option<broadcast::Receiver<Arc<super::state::Encoded>>> = None;
    let mut pending: Option<(u64, Pending)> = None;
    loop {
        tokio::select! {
            msg = requests.recv(), if pending.is_none() => {
                let msg = match msg {
                    None | Some(Err(FrameError::Closed)) => return Ok(()),
                    Some(Err(e)) => {
                        fatal(&mut wr, e.code()).await;
                        return Err(e);
                    }
                    Some(Ok(m)) => m,
                };
                let ClientMessage::Request { id, body } = msg else {
                    fatal(&mut wr, ErrorCode::IpcSecondHello).await;
                    return Ok(());
                };
                match handle(shared, peer, access, id, body, &mut subscription).await {
                    Handled::Frame(f) => write(&mut wr, &f).await?,
                    Handled::Reply(body) => {
                        write_msg(&mut wr, &ServerMessage::Reply { id, body: *body }).await?
                    }
                    Handled::Later(fut) => pending = Some((id, fut)),
                }
            }
            body = async { pending.as_mut().expect("guarded").1.as_mut().await }, if pending.is_some() => {
                let (id, _) = pending.take().expect("guarded");
                write_msg(&mut wr, &ServerMessage::Reply { id, body }).await?;
            }
            push = async { subscription.as_mut().expect("guarded").recv().await }, if subscription.is_some() => {
                match push {
                    Ok(encoded) => write(&mut wr, encoded.push_frame(access >= Access::Read)).await?,
                    Err(broadcast::error::RecvError::Lagged(_)) => {
                        fatal(&mut wr, ErrorCode::IpcLagging).await;
                        return Ok(());
                    }
                    Err(broadcast::error::RecvError::Closed) => return Ok(()),
                }
            }
            _ = tokio::time::sleep(IDLE_TIMEOUT), if subscription.is_none() && pending.is_none() => {
                fatal(&mut wr, ErrorCode::IpcIdle).await;
                return Ok(());
            }
        }
    }
}

struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}
