//! Desktop notifications over D-Bus, against a real notification daemon
//! (dunst) on a private session bus under Xvfb: what it shows, in both
//! languages and both urgencies; an error (the status bar stays the notice)
//! when no bus or no daemon answers; a daemon that comes up later is used
//! from then on; and a notification is taken off the screen when its alarm
//! clears, by the daemon that showed it only.

use std::time::{Duration, Instant};

use stratum::gui::notify::{Notification, Notifier, NotifyError, Urgency};

use crate::common::desktop;

#[test]
fn notifications_reach_a_real_daemon_and_fail_cleanly_without_one() {
    let Some(x) = desktop::xvfb() else {
        return;
    };
    let Some(bus) = desktop::session_bus() else {
        return;
    };

    // Nothing listens at this address: an error, at once.
    let gone = tempfile::tempdir().unwrap();
    let mut nowhere = Notifier::at(&format!("unix:path={}", gone.path().join("bus").display()));
    let critical = Notification {
        summary: "Stratum: time service alarm".into(),
        body: "Alarm: chronyd is not synchronised to any source.".into(),
        urgency: Urgency::Critical,
    };
    let start = Instant::now();
    assert!(matches!(nowhere.send(&critical), Err(NotifyError::Bus(_))));
    // A bus with no notification daemon: the daemon's error, at once too
    // (no service is activated on this bus).
    let mut notifier = Notifier::at(&bus.address);
    let err = notifier.send(&critical).unwrap_err();
    assert!(matches!(err, NotifyError::Daemon(_)), "{err}");
    assert!(
        start.elapsed() < Duration::from_secs(3),
        "a missing bus or daemon took {:?}",
        start.elapsed()
    );

    // The daemon comes up: the same notifier reaches it.
    let Some(dunst) = desktop::dunst(&bus, &x) else {
        return;
    };
    let first = notifier
        .send(&critical)
        .expect("dunst takes the notification");
    let chinese = Notification {
        summary: "Stratum：时间服务警告".into(),
        body: "警报：层级 12 高于预期。".into(),
        urgency: Urgency::Normal,
    };
    let second = notifier.send(&chinese).expect("a second one");
    assert_ne!(first, second, "each notification gets its own id");
    let shown = dunst.wait_for(2, Duration::from_secs(10));
    assert_eq!(
        shown,
        [
            desktop::Shown {
                appname: "Stratum".into(),
                summary: critical.summary.clone(),
                body: critical.body.clone(),
                urgency: "CRITICAL".into(),
            },
            desktop::Shown {
                appname: "Stratum".into(),
                summary: chinese.summary.clone(),
                body: chinese.body.clone(),
                urgency: "NORMAL".into(),
            },
        ]
    );

    // The first alarm clears: its notification leaves the screen, closed
    // by our call (reason 3), and the other stays.
    assert_eq!(dunst.wait_displayed(2, Duration::from_secs(10)), 2);
    let Some(closed) = desktop::closed_signals(&bus) else {
        return;
    };
    notifier.close(&first).expect("dunst closes it");
    assert_eq!(closed.next(Duration::from_secs(10)), Some((first.id, 3)));
    assert_eq!(dunst.wait_displayed(1, Duration::from_secs(10)), 1);

    // The daemon is restarted and gives its ids again from the start: the
    // notification the old one showed is not ours to close on the new one.
    drop(dunst);
    let Some(dunst) = desktop::dunst(&bus, &x) else {
        return;
    };
    let fresh: Vec<u32> = (0..2)
        .map(|_| notifier.send(&chinese).expect("the new daemon").id)
        .collect();
    assert!(fresh.contains(&second.id), "ids {fresh:?} start again");
    assert_eq!(dunst.wait_displayed(2, Duration::from_secs(10)), 2);
    assert!(notifier.close(&second).is_err(), "the old daemon is gone");
    assert_eq!(closed.next(Duration::from_secs(1)), None);
    assert_eq!(dunst.displayed(), 2);
}
