//! systemd's `timedatectl`: `status` (older systemd's words too), `show`
//! (properties) and `timesync-status` (systemd-timesyncd).

use super::checks::*;
use super::model::{Explained, Field, Kind};
use super::ntpd::{judge, system_offset};
use super::verdict::{Reason, Status, Why};

const TIMEDATECTL: &[(&str, &str)] = &[
    ("Local time", "local-time"),
    ("Universal time", "universal-time"),
    ("RTC time", "rtc-time"),
    ("Time zone", "time-zone"),
    ("System clock synchronized", "clock-synchronized"),
    ("NTP service", "ntp-service"),
    ("RTC in local TZ", "rtc-local"),
    ("DST active", "dst-active"),
];
/// `timedatectl show` (properties, systemd 239+).
const TIMEDATECTL_SHOW: &[(&str, &str)] = &[
    ("Timezone", "time-zone"),
    ("LocalRTC", "rtc-local"),
    ("CanNTP", "can-ntp"),
    ("NTP", "ntp-service"),
    ("NTPSynchronized", "clock-synchronized"),
    ("TimeUSec", "local-time"),
    ("RTCTimeUSec", "rtc-time"),
];
/// `timedatectl timesync-status` (systemd-timesyncd).
const TIMESYNC_STATUS: &[(&str, &str)] = &[
    ("Server", "server"),
    ("Poll interval", "poll-interval"),
    ("Leap", "leap"),
    ("Version", "version"),
    ("Stratum", "stratum"),
    ("Reference", "refid"),
    ("Precision", "precision"),
    ("Root distance", "root-distance"),
    ("Offset", "offset"),
    ("Delay", "delay"),
    ("Jitter", "jitter"),
    ("Packet count", "packet-count"),
    ("Frequency", "frequency"),
];

/// A kiss-o'-death: stratum 0 and a four-letter code as the reference
/// (RFC 5905, 7.4: RATE, DENY, …; timedatectl prints the reference as
/// text at stratum 0 and 1). Its leap and stratum are no server state.
/// INIT is no refusal: RFC 5905, 7.4: "The association has not yet
/// synchronized for the first time" — the server's own unsynchronised state,
/// which its leap (3) and stratum (0) then say.
fn kiss_of_death(stratum: Option<&str>, reference: Option<&str>) -> bool {
    stratum == Some("0")
        && reference.is_some_and(|r| {
            (2..=4).contains(&r.len()) && r.chars().all(|c| c.is_ascii_uppercase()) && r != "INIT"
        })
}

/// `timedatectl show-timesync` (systemd-timesyncd's properties; the last
/// answer's fields inside `NTPMessage={ … }`).
const SHOW_TIMESYNC: &[(&str, &str)] = &[
    // timesyncd.conf(5): servers from the network (link), NTP= (system)
    // and the bus (runtime) take precedence over FallbackNTP=.
    ("LinkNTPServers", "link-ntp-servers"),
    ("SystemNTPServers", "system-ntp-servers"),
    ("RuntimeNTPServers", "runtime-ntp-servers"),
    ("FallbackNTPServers", "fallback-ntp-servers"),
    ("ServerName", "server"),
    ("ServerAddress", "server-address"),
    ("PollIntervalUSec", "poll-interval"),
    ("Leap", "leap"),
    ("Stratum", "stratum"),
    ("Reference", "refid"),
    ("RootDelay", "root-delay"),
    ("RootDispersion", "root-dispersion"),
    ("Ignored", "ignored"),
    ("PacketCount", "packet-count"),
    ("Jitter", "jitter"),
    ("Frequency", "frequency"),
];

pub(super) fn fields() -> Vec<(Kind, &'static [&'static str])> {
    fn names(t: &[(&str, &'static str)]) -> &'static [&'static str] {
        Box::leak(
            t.iter()
                .map(|(_, n)| *n)
                .collect::<Vec<_>>()
                .into_boxed_slice(),
        )
    }
    vec![
        (Kind::Timedatectl, names(TIMEDATECTL)),
        (Kind::TimedatectlShow, names(TIMEDATECTL_SHOW)),
        (Kind::TimedatectlTimesyncStatus, names(TIMESYNC_STATUS)),
        (Kind::TimedatectlShowTimesync, names(SHOW_TIMESYNC)),
    ]
}

pub(super) fn parse(lines: &[&str]) -> Option<Explained> {
    // timedatectl show: KEY=value properties.
    let props: Vec<(&str, &str)> = lines
        .iter()
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.trim(), v.trim()))
        .collect();
    if props
        .iter()
        .any(|(k, _)| *k == "NTPSynchronized" || *k == "CanNTP")
    {
        let mut e = Explained::new(Kind::TimedatectlShow);
        for (key, name) in TIMEDATECTL_SHOW {
            if let Some((_, v)) = props.iter().find(|(k, _)| k == key) {
                let mut f = Field::info(name, *v);
                judge(&mut f, None);
                e.fields.push(f);
            }
        }
        return Some(e);
    }
    if props
        .iter()
        .any(|(k, _)| matches!(*k, "ServerName" | "PollIntervalUSec" | "NTPMessage"))
    {
        return Some(show_timesync(&props));
    }
    // timedatectl timesync-status.
    let colon: Vec<(&str, &str)> = lines
        .iter()
        .filter_map(|l| l.split_once(": "))
        .map(|(k, v)| (k.trim(), v.trim()))
        .collect();
    let has = |key: &str| colon.iter().any(|(k, _)| *k == key);
    // Before the first answer timedatectl prints Server, Poll interval and
    // "Packet count: 0" only (timedatectl.c, print_ntp_status_info: "if
    // (i->packet_count == 0) … return 0").
    let no_answer_yet = has("Server") && has("Poll interval") && has("Packet count");
    if (has("Root distance") && (has("Packet count") || has("Server"))) || no_answer_yet {
        let mut e = Explained::new(Kind::TimedatectlTimesyncStatus);
        let get = |key: &str| colon.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
        let kiss = kiss_of_death(get("Stratum"), get("Reference"));
        for (key, name) in TIMESYNC_STATUS {
            if let Some((_, v)) = colon.iter().find(|(k, _)| k == key) {
                let mut f = Field::info(name, *v);
                match *name {
                    "refid" if kiss => set(
                        &mut f,
                        Status::Bad,
                        Reason::new(Why::KissCode).arg("code", *v),
                    ),
                    "leap" | "stratum" if kiss => {}
                    // "(null)" / "n/a" is no address: the name has none yet.
                    "server" if unresolved(v).is_some() => set(
                        &mut f,
                        Status::Warn,
                        Reason::new(Why::TimesyncUnresolved)
                            .arg("name", unresolved(v).unwrap_or_default()),
                    ),
                    "packet-count" if *v == "0" => {
                        set(&mut f, Status::Warn, Reason::new(Why::TimesyncNoAnswer))
                    }
                    "root-distance" => root_distance(&mut f),
                    // timesyncd prints "+14us", "1min 4s".
                    "offset" => {
                        if let Some(secs) = seconds(v) {
                            system_offset(&mut f, secs);
                        }
                    }
                    _ => judge(&mut f, None),
                }
                e.fields.push(f);
            }
        }
        server_reference(&mut e);
        return Some(e);
    }
    // timedatectl status.
    let kvs: Vec<(&str, &str)> = lines
        .iter()
        .filter_map(|l| l.split_once(": "))
        .map(|(k, v)| (k.trim(), v.trim()))
        .collect();
    if kvs
        .iter()
        .any(|(k, _)| *k == "System clock synchronized" || *k == "NTP synchronized")
    {
        let mut e = Explained::new(Kind::Timedatectl);
        for (label, name) in TIMEDATECTL {
            // Older systemd (CentOS 7) says "NTP synchronized" and
            // "NTP enabled"; some "Network time on".
            let found = kvs.iter().find(|(k, _)| {
                *k == *label
                    || (*label == "System clock synchronized" && *k == "NTP synchronized")
                    || (*label == "NTP service" && (*k == "Network time on" || *k == "NTP enabled"))
            });
            if let Some((_, v)) = found {
                let mut f = Field::info(name, *v);
                judge(&mut f, None);
                e.fields.push(f);
            }
        }
        return Some(e);
    }
    None
}

/// `Root distance: 6.512s (max: 5s)`: the max is timesyncd's
/// RootDistanceMaxSec=; timesyncd.conf(5): "If the current server does not
/// satisfy this limit, systemd-timesyncd will switch to a different
/// server." Above it the server is refused, whatever the size.
fn root_distance(f: &mut Field) {
    let raw = f.raw.clone();
    let (value, max) = match raw.split_once("(max:") {
        Some((v, m)) => (seconds(v), seconds(m.trim_end_matches(')'))),
        None => (seconds(&raw), None),
    };
    match (value, max) {
        (Some(v), Some(m)) if v > m => set(
            f,
            Status::Bad,
            Reason::new(Why::RootDistanceOverMax)
                .arg("value", human(v))
                .arg("max", human(m)),
        ),
        _ => judge(f, None),
    }
}

/// `timedatectl show-timesync` (timedatectl(1): "Show properties of
/// systemd-timesyncd"). `NTPMessage` is the last answer, its fields
/// `Leap=…, Stratum=…, Reference=…, Ignored=…` as in timesync-status;
/// `Frequency` is the kernel's, in ppm scaled by 2^16 (adjtimex(2)).
fn show_timesync(props: &[(&str, &str)]) -> Explained {
    let mut e = Explained::new(Kind::TimedatectlShowTimesync);
    let mut all: Vec<(&str, &str)> = props.to_vec();
    // `NTPMessage={}` is no message: timedatectl prints the empty
    // structure before the first answer, as it leaves the property out.
    let mut answered = false;
    if let Some((_, msg)) = props.iter().find(|(k, _)| *k == "NTPMessage") {
        let inner = msg.trim().trim_start_matches('{').trim_end_matches('}');
        let before = all.len();
        all.extend(
            inner
                .split(',')
                .filter_map(|kv| kv.split_once('='))
                .map(|(k, v)| (k.trim(), v.trim())),
        );
        answered = all.len() > before;
    }
    let get = |key: &str| all.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
    let kiss = kiss_of_death(get("Stratum"), get("Reference"));
    for (key, name) in SHOW_TIMESYNC {
        let Some(v) = get(key) else { continue };
        let mut f = Field::info(*name, v);
        match *key {
            "Reference" if kiss => set(
                &mut f,
                Status::Bad,
                Reason::new(Why::KissCode).arg("code", v),
            ),
            "Leap" | "Stratum" if kiss => {}
            "Ignored" => {
                if v.eq_ignore_ascii_case("yes") {
                    set(&mut f, Status::Warn, Reason::new(Why::TimesyncIgnored));
                } else if v.eq_ignore_ascii_case("no") {
                    f.status = Status::Ok;
                }
            }
            "Frequency" => {
                if let Ok(scaled) = v.parse::<f64>() {
                    let ppm_value = scaled / 65536.0;
                    let mut ppm = Field::info(*name, format!("{ppm_value:.3}"));
                    check_frequency(&mut ppm);
                    f.status = ppm.status;
                    // The sign says which way the kernel corrects (a
                    // slow clock is sped up): kept, as timedatectl.c's
                    // own "%+.3fppm" prints it.
                    f.reason = ppm.reason.map(|mut r| {
                        for (k, v) in &mut r.args {
                            if *k == "ppm" {
                                *v = format!("{ppm_value:+.3}");
                            }
                        }
                        r
                    });
                }
            }
            "RootDispersion" => {}
            _ => judge(&mut f, None),
        }
        e.fields.push(f);
    }
    // No answer yet: no NTPMessage, or an empty one - the same state
    // timesync-status shows as "Packet count: 0".
    if !answered {
        let mut f = Field::info("packet-count", "0");
        let why = if no_server(props) {
            Why::TimesyncNoServer
        } else {
            Why::TimesyncNoAnswer
        };
        set(&mut f, Status::Warn, Reason::new(why));
        e.fields.push(f);
    }
    server_reference(&mut e);
    e
}

/// timesyncd.conf(5): servers come from the link (network), NTP= (system),
/// the bus (runtime), else FallbackNTP=. With every list shown empty and no
/// server picked, timesyncd has nobody to ask.
fn no_server(props: &[(&str, &str)]) -> bool {
    const LISTS: [&str; 4] = [
        "LinkNTPServers",
        "SystemNTPServers",
        "RuntimeNTPServers",
        "FallbackNTPServers",
    ];
    let value = |key: &str| props.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
    let shown: Vec<&str> = LISTS.iter().filter_map(|k| value(k)).collect();
    !shown.is_empty()
        && shown.iter().all(|v| v.is_empty())
        && value("ServerName").is_none_or(str::is_empty)
        && value("ServerAddress").is_none_or(str::is_empty)
}

/// timesyncd's Reference is the reference of the server's last answer,
/// not this machine's: 7F7F0101 (chronyc(1) tracking: "127.127.1.1 when
/// the computer is not synchronised to any source but local reference mode
/// is enabled") or ntpd's LOCL says that server serves its own clock, so
/// nothing ties this one to true time - as ntpq's and switches' rows of
/// such an upstream say.
fn server_reference(e: &mut Explained) {
    if let Some(f) = e
        .fields
        .iter_mut()
        .find(|f| f.reason.as_ref().is_some_and(|r| r.id == Why::RefidLocal))
    {
        set(f, Status::Warn, Reason::new(Why::UpstreamLocalClock));
    }
}

/// The name of timesync-status' `Server: (null) (NAME)`: timesyncd has no
/// address for NAME yet (older timedatectl.c prints the address with "%s",
/// glibc writes "(null)" for none; newer ones print "n/a", strna()).
pub(super) fn unresolved(server: &str) -> Option<&str> {
    let s = server.trim();
    let rest = s
        .strip_prefix("(null)")
        .or_else(|| s.strip_prefix("n/a"))?
        .trim();
    let name = rest.strip_prefix('(')?.strip_suffix(')')?.trim();
    (!name.is_empty()).then_some(name)
}
