//! One request of a connection: answered now, from a frame encoded once,
//! or later by the supervisor.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use tokio::sync::{broadcast, oneshot};

use super::access::peer_access;
use crate::core::codes::ErrorCode;
use crate::helper::apply::config_text;
use crate::helper::auth::{Access, Peer};
use crate::helper::state::Shared;
use crate::helper::supervisor::SupMsg;
use crate::helper::types::lock;
use crate::ipc::{ReplyBody, RequestBody};

pub(super) type Pending = Pin<Box<dyn Future<Output = ReplyBody> + Send>>;

pub(super) enum Handled {
    /// An encoded frame (snapshots are encoded once per poll).
    Frame(Vec<u8>),
    Reply(Box<ReplyBody>),
    /// Waits for the supervisor.
    Later(Pending),
}

fn error(code: ErrorCode, detail: Option<String>) -> Handled {
    Handled::Reply(Box::new(ReplyBody::error(code, detail)))
}

pub(super) async fn handle(
    shared: &Arc<Shared>,
    peer: Peer,
    hello_access: Access,
    id: u64,
    body: RequestBody,
    subscription: &mut Option<broadcast::Receiver<Arc<crate::helper::state::Encoded>>>,
) -> Handled {
    // Privileged requests look the peer up again: group changes count now.
    let access = match &body {
        RequestBody::GetConfig
        | RequestBody::Apply { .. }
        | RequestBody::Action { .. }
        | RequestBody::Roster { .. } => peer_access(shared, peer).await,
        _ => hello_access,
    };
    match body {
        RequestBody::Info => Handled::Reply(Box::new(ReplyBody::Info(shared.info(access)))),
        RequestBody::Snapshot => match shared.latest.borrow().as_ref() {
            Some(s) => Handled::Frame(s.reply_frame(id, access >= Access::Read)),
            None => error(ErrorCode::NoSnapshotYet, None),
        },
        RequestBody::History(q) => {
            let points =
                lock(&shared.history).query(&q.series, q.since, q.until, q.max_points.min(100_000));
            Handled::Reply(Box::new(ReplyBody::History {
                series: q.series,
                points,
            }))
        }
        RequestBody::SeriesList => Handled::Reply(Box::new(ReplyBody::SeriesList {
            series: lock(&shared.history).names(),
        })),
        RequestBody::GetConfig if access < Access::Read => error(ErrorCode::NotAuthorised, None),
        RequestBody::GetConfig => {
            // A file read (by the trust rule, never blocking on a FIFO)
            // off the runtime thread, as a reply that comes later.
            let fixed = shared.fixed.clone();
            Handled::Later(Box::pin(async move {
                let path = fixed.paths.config.display().to_string();
                match tokio::task::spawn_blocking(move || config_text(&fixed)).await {
                    Ok(Ok(text)) => ReplyBody::Config {
                        text: text.into(),
                        path,
                    },
                    Ok(Err(e)) => ReplyBody::error(e.code, e.detail),
                    Err(_) => ReplyBody::error(ErrorCode::HelperIo, None),
                }
            }))
        }
        r if r.is_change() && access < Access::Change => error(ErrorCode::NotAuthorised, None),
        // The verdicts come from the client log: who may read it.
        RequestBody::Roster { .. } if access < Access::Read => {
            error(ErrorCode::NotAuthorised, None)
        }
        RequestBody::Roster { op } => {
            let roster = Arc::clone(&shared.roster);
            Handled::Later(Box::pin(async move {
                match roster.handle(op).await {
                    Ok(state) => ReplyBody::Roster(Box::new(state)),
                    Err((code, detail)) => ReplyBody::error(code, detail),
                }
            }))
        }
        RequestBody::Apply { config } => {
            let (reply, rx) = oneshot::channel();
            let msg = SupMsg::Apply {
                text: config.into_bytes(),
                uid: peer.uid,
                reply,
            };
            later(shared, msg, async move {
                match rx.await {
                    Ok(Ok(a)) => ReplyBody::Applied(a),
                    Ok(Err(e)) => ReplyBody::error(e.code, e.detail),
                    Err(_) => ReplyBody::error(ErrorCode::HelperIo, None),
                }
            })
        }
        RequestBody::Action { action } => {
            let (reply, rx) = oneshot::channel();
            let msg = SupMsg::Action {
                action,
                uid: peer.uid,
                reply,
            };
            later(shared, msg, async move {
                match rx.await {
                    Ok(Ok(())) => ReplyBody::Done,
                    Ok(Err(e)) => ReplyBody::error(e.code, e.detail),
                    Err(_) => ReplyBody::error(ErrorCode::HelperIo, None),
                }
            })
        }
        RequestBody::NtsIssue { .. } | RequestBody::NtsRenew { .. } => {
            let (names, days, renew) = match body {
                RequestBody::NtsIssue { names, days } => (names, days, false),
                RequestBody::NtsRenew { days } => (Vec::new(), days, true),
                _ => unreachable!("matched above"),
            };
            let (reply, rx) = oneshot::channel();
            let msg = SupMsg::Nts {
                names,
                days,
                renew,
                uid: peer.uid,
                reply,
            };
            later(shared, msg, async move {
                match rx.await {
                    Ok(Ok(n)) => ReplyBody::NtsIssued(n),
                    Ok(Err(e)) => ReplyBody::error(e.code, e.detail),
                    Err(_) => ReplyBody::error(ErrorCode::HelperIo, None),
                }
            })
        }
        RequestBody::Fleet => {
            // Who follows each watched server, as the roster's replies say
            // (for those who may read the roster).
            let hosts = lock(&shared.fleet)
                .iter()
                .map(|w| {
                    let mut row = w.row();
                    if access >= Access::Read {
                        row.roster_followers =
                            w.address.and_then(|ip| shared.roster.followers_of(ip));
                    }
                    row
                })
                .collect();
            Handled::Reply(Box::new(ReplyBody::Fleet { hosts }))
        }
        RequestBody::FleetHost { host } => {
            let fleet = lock(&shared.fleet);
            match fleet.iter().find(|w| w.host == host) {
                Some(w) => Handled::Reply(Box::new(ReplyBody::Snapshot(Box::new(
                    crate::core::snapshot::Snapshot {
                        time: w.last_ok.unwrap_or(0.0),
                        tracking: w.tracking.clone(),
                        sources: w.sources.clone(),
                        error: w.error,
                        ..Default::default()
                    },
                )))),
                None => error(ErrorCode::FleetUnknownHost, Some(host.to_string())),
            }
        }
        RequestBody::Subscribe => {
            // One per connection: subscribing again changes nothing.
            if subscription.is_none() {
                *subscription = Some(shared.pushes.subscribe());
            }
            Handled::Reply(Box::new(ReplyBody::Subscribed))
        }
    }
}

/// Queues a change for the supervisor; a full queue is a clear "busy".
fn later(
    shared: &Arc<Shared>,
    msg: SupMsg,
    answer: impl Future<Output = ReplyBody> + Send + 'static,
) -> Handled {
    match shared.supervisor.try_send(msg) {
        Ok(()) => Handled::Later(Box::pin(answer)),
        Err(_) => error(ErrorCode::ApplyBusy, None),
    }
}
