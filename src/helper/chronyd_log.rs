//! chronyd's own words: the tail of its stderr (with the helper's notes of
//! each start and stop), and from it why chronyd stopped, said once and,
//! in system mode, without repeating what it read.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use super::types::{Mode, lock};

const LOG_LINES: usize = 40;

/// chronyd's last stderr lines, shared with the info replies.
pub type LogTail = Arc<Mutex<VecDeque<String>>>;

pub fn note(log: &LogTail, line: String) {
    let mut log = lock(log);
    if log.len() >= LOG_LINES {
        log.pop_front();
    }
    log.push_back(line);
}

/// The helper's own notes in chronyd's log tail.
pub(super) const NOTE_STARTED: &str = "started chronyd (pid ";
pub(super) const NOTE_STOPPED: &str = "chronyd stopped: ";

/// Why chronyd stopped, said once: the signal that ended it, else the line
/// of its own log that says why, else its exit status.
pub fn stop_reason(lines: &[String], mode: Mode, status: std::process::ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    if let Some(sig) = status.signal() {
        let name = match sig {
            1 => " (SIGHUP)",
            2 => " (SIGINT)",
            3 => " (SIGQUIT)",
            6 => " (SIGABRT)",
            9 => " (SIGKILL)",
            11 => " (SIGSEGV)",
            13 => " (SIGPIPE)",
            15 => " (SIGTERM)",
            31 => " (SIGSYS)",
            _ => "",
        };
        return format!("killed by signal {sig}{name}");
    }
    exit_reason(lines, mode).unwrap_or_else(|| status.to_string())
}

/// The line of chronyd's log that says why it stopped. In system mode
/// chronyd runs as root and may quote what it read from any file a line
/// pointed it to: only where it stopped is repeated, never what it read.
pub fn exit_reason(log: &[String], mode: Mode) -> Option<String> {
    let line = log
        .iter()
        .rev()
        .find(|l| l.contains("Fatal error") || l.contains("Could not"))?;
    if mode == Mode::System {
        if let Some(at) = line.find(" at line ") {
            return Some(format!("Fatal error{}", &line[at..]));
        }
        // "Could not open FILE : REASON": the reason would tell whether a
        // file exists where the user may not look (No such file vs
        // Permission denied); the line says only what failed.
        if let Some(at) = line.find("Could not") {
            let what = &line[at..];
            let what = what.split(" : ").next().unwrap_or(what);
            return Some(what.trim_end().to_string());
        }
    }
    Some(line.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_mode_never_repeats_what_chronyd_read() {
        let log = vec![
            "started chronyd (pid 7)".to_string(),
            "Fatal error : Invalid directive root:$y$j9T$secret at line 1 in file /etc/chrony/x.conf".to_string(),
        ];
        let r = exit_reason(&log, Mode::System).unwrap();
        assert_eq!(r, "Fatal error at line 1 in file /etc/chrony/x.conf");
        assert!(!r.contains("secret"));
        // Missing or forbidden: the same words.
        let missing = vec!["Could not open /root/x : No such file or directory".to_string()];
        let denied = vec!["Could not open /root/x : Permission denied".to_string()];
        assert_eq!(
            exit_reason(&missing, Mode::System),
            exit_reason(&denied, Mode::System)
        );
        assert_eq!(
            exit_reason(&missing, Mode::System).as_deref(),
            Some("Could not open /root/x")
        );
        assert!(
            exit_reason(&log, Mode::Lab)
                .unwrap()
                .contains("Invalid directive")
        );
    }
}
