//! Desktop notifications over D-Bus: the freedesktop Notifications
//! interface (`org.freedesktop.Notifications` on the session bus), which
//! every desktop's notification daemon serves (GNOME Shell, Plasma, dunst,
//! xfce4-notifyd, mako). Through zbus, already in the tree for AccessKit and
//! the file dialogs: no `notify-send` needed. Without a session bus or a
//! daemon the caller gets an error and the status bar line stays the notice.
//!
//! A notification that is no longer true is closed (`CloseNotification`,
//! which the specification gives for "what the notification pertains to is
//! no longer relevant"), not followed by another saying so.

use std::collections::HashMap;
use std::time::Duration;

use zbus::zvariant::Value;

/// A daemon that takes longer than this is treated as absent (the alarm
/// is in the status bar either way).
const CALL_TIMEOUT: Duration = Duration::from_secs(5);

const DESTINATION: &str = "org.freedesktop.Notifications";
const PATH: &str = "/org/freedesktop/Notifications";

/// The specification's urgency levels (the `urgency` hint, a byte).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Urgency {
    Low = 0,
    Normal = 1,
    Critical = 2,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Notification {
    pub summary: String,
    pub body: String,
    pub urgency: Urgency,
}

#[derive(Debug, thiserror::Error)]
pub enum NotifyError {
    /// No session bus to reach (no address, nothing listening there).
    #[error("no session bus: {0}")]
    Bus(#[source] zbus::Error),
    /// The bus answered but no daemon took the notification.
    #[error("no notification daemon answered: {0}")]
    Daemon(#[source] zbus::Error),
}

/// A connection to the session bus, made on first use and made again after
/// a failure (a desktop session's bus or daemon may come up after us).
pub struct Notifier {
    /// `None`: the session bus of `DBUS_SESSION_BUS_ADDRESS`.
    address: Option<String>,
    conn: Option<zbus::Connection>,
    /// Counts connections made: what was shown through an earlier one is
    /// not ours to close.
    generation: u64,
}

/// A notification the daemon took: its id and which daemon gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub id: u32,
    /// The daemon's unique bus name (`:1.7`).
    daemon: Option<String>,
    generation: u64,
}

impl Notifier {
    /// The session's bus (`DBUS_SESSION_BUS_ADDRESS`).
    pub fn session() -> Self {
        Notifier {
            address: None,
            conn: None,
            generation: 0,
        }
    }

    /// The bus at a D-Bus address (`unix:path=…`).
    pub fn at(address: &str) -> Self {
        Notifier {
            address: Some(address.to_string()),
            conn: None,
            generation: 0,
        }
    }

    /// Shows a notification; returns what [`Notifier::close`] needs to
    /// take it away.
    pub fn send(&mut self, n: &Notification) -> Result<Shown, NotifyError> {
        let conn = match self.conn.take() {
            Some(c) => c,
            None => {
                let c = self.connect()?;
                self.generation += 1;
                c
            }
        };
        let mut hints: HashMap<&str, Value> = HashMap::new();
        hints.insert("urgency", Value::U8(n.urgency as u8));
        // Lets the desktop group the notification under the app's name
        // and icon (the .desktop file's basename).
        hints.insert("desktop-entry", Value::from("org.stratum.Stratum"));
        let body = (
            "Stratum",
            0u32, // replaces no earlier notification
            "org.stratum.Stratum",
            n.summary.as_str(),
            n.body.as_str(),
            Vec::<&str>::new(), // no actions
            hints,
            -1i32, // the daemon's own expiry (critical ones stay)
        );
        let reply = pollster::block_on(conn.call_method(
            Some(DESTINATION),
            PATH,
            Some(DESTINATION),
            "Notify",
            &body,
        ))
        .map_err(NotifyError::Daemon)?;
        let id: u32 = reply.body().deserialize().map_err(NotifyError::Daemon)?;
        let daemon = reply.header().sender().map(|s| s.as_str().to_string());
        self.conn = Some(conn);
        Ok(Shown {
            id,
            daemon,
            generation: self.generation,
        })
    }

    /// Takes a notification away. Ids belong to the daemon that gave them,
    /// so the call goes to that daemon (by its unique bus name): one
    /// started since, or on a bus connected to since, has never shown it
    /// and may have given the id to another program's notification.
    /// Closing one the user dismissed already is an error of the daemon's.
    pub fn close(&mut self, shown: &Shown) -> Result<(), NotifyError> {
        if shown.generation != self.generation {
            return Ok(());
        }
        let Some(conn) = self.conn.take() else {
            return Ok(());
        };
        let to = shown.daemon.as_deref().unwrap_or(DESTINATION);
        let result = pollster::block_on(conn.call_method(
            Some(to),
            PATH,
            Some(DESTINATION),
            "CloseNotification",
            &(shown.id,),
        ));
        self.conn = Some(conn);
        result.map(drop).map_err(NotifyError::Daemon)
    }

    fn connect(&self) -> Result<zbus::Connection, NotifyError> {
        let builder = match &self.address {
            Some(a) => zbus::connection::Builder::address(a.as_str()),
            None => zbus::connection::Builder::session(),
        }
        .map_err(NotifyError::Bus)?;
        pollster::block_on(builder.method_timeout(CALL_TIMEOUT).build()).map_err(NotifyError::Bus)
    }
}
