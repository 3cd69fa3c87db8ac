//! selectdata's selected source that stopped answering (diagnose/select.rs),
//! through explain() (a child module's tests may not import explain, its
//! ancestor).
use stratum::core::explain::{Rule, explain};

const HEAD: &str = "S Name/IP Address        Auth COpts EOpts Last Score     Interval  Leap\n=======================================================================\n";

fn stale(rows: &str) -> bool {
    let e = explain(&format!("{HEAD}{rows}")).unwrap();
    e.findings.iter().any(|f| f.rule == Rule::SelectedStale)
}

#[test]
fn a_selected_source_unmeasured_while_another_answers_is_said() {
    // chrony 4.9, a `prefer` primary stopped 70 s before.
    assert!(stale(
        "* 127.0.0.81                N -P--- -P---   65   1.0 -2923ns +2524ns  N\n\
         P 127.0.0.82                N ----- -----    0   1.0   -23us   +28us  N\n"
    ));
}

#[test]
fn sources_polled_alike_and_slowly_are_not_stale() {
    // Three sources at maxpoll 10 (1024 s): Last spreads over a poll.
    assert!(!stale(
        "* 10.0.0.1                  N ----- -----  900   1.0   -23us   +28us  N\n\
         + 10.0.0.2                  N ----- -----  300   1.0   -23us   +28us  N\n\
         + 10.0.0.3                  N ----- -----    0   1.0   -23us   +28us  N\n"
    ));
    // Within chrony's shortest default polling interval.
    assert!(!stale(
        "* 10.0.0.1                  N ----- -----   60   1.0   -23us   +28us  N\n\
         + 10.0.0.2                  N ----- -----    0   1.0   -23us   +28us  N\n"
    ));
}
