//! The chronyc command a pasted prompt ran (`chronyc> settime 12:00`, or
//! `$ chronyc -h /run/chrony/chronyd.sock makestep`): chronyd's status
//! codes mean different things for different commands (cmdmon.c: `500
//! Failure` is a step refused to makestep, a time refused to settime; `505
//! Facility not enabled` names manual for settime, smoothtime for
//! smoothing), so the reply is read with the command that got it.

/// Longest command word or argument kept from a paste (quoted in texts).
const MAX_WORD: usize = 64;

/// The chronyc commands whose replies mean something of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Makestep,
    Settime,
    Manual,
    Smoothing,
    Smoothtime,
    Rtcdata,
    Trimrtc,
    Writertc,
    Doffset,
    Add,
    Delete,
    Clients,
}

impl Command {
    /// The command of a word as chronyc reads it (client.c compares
    /// with strcmp: case matters).
    fn from_word(w: &str) -> Option<Command> {
        use Command::*;
        Some(match w {
            "makestep" => Makestep,
            "settime" => Settime,
            "manual" => Manual,
            "smoothing" => Smoothing,
            "smoothtime" => Smoothtime,
            "rtcdata" => Rtcdata,
            "trimrtc" => Trimrtc,
            "writertc" => Writertc,
            "doffset" => Doffset,
            "add" => Add,
            "delete" => Delete,
            "clients" => Clients,
            _ => return None,
        })
    }

    /// The chrony.conf directive (or chronyc command) that enables the
    /// facility the command needs, when chronyd answers 505 or 513:
    /// chronyc(1) settime "if this option has been configured into chronyd
    /// (… with the manual directive in the configuration file, or with
    /// the manual command of chronyc)"; smoothing and smoothtime need
    /// chrony.conf's smoothtime; the RTC commands its rtcfile.
    pub fn facility(self) -> Option<&'static str> {
        match self {
            Command::Settime | Command::Manual => Some("manual"),
            Command::Smoothing | Command::Smoothtime => Some("smoothtime"),
            Command::Rtcdata | Command::Trimrtc | Command::Writertc => Some("rtcfile"),
            _ => None,
        }
    }
}

/// Every command chronyc 4.0 to 4.9 knows (client.c, `process_line`, and
/// its tab completion), for the nearest one to a mistyped word.
const KNOWN: &[&str] = &[
    "accheck",
    "activity",
    "add",
    "allow",
    "authdata",
    "burst",
    "clients",
    "cmdaccheck",
    "cmdallow",
    "cmddeny",
    "cyclelogs",
    "delete",
    "deny",
    "dfreq",
    "dns",
    "doffset",
    "dump",
    "exit",
    "help",
    "keygen",
    "local",
    "makestep",
    "manual",
    "maxdelay",
    "maxdelaydevratio",
    "maxdelayratio",
    "maxpoll",
    "maxupdateskew",
    "minpoll",
    "minstratum",
    "ntpdata",
    "offline",
    "offset",
    "online",
    "onoffline",
    "polltarget",
    "quit",
    "refresh",
    "rekey",
    "reload",
    "reselect",
    "reselectdist",
    "reset",
    "retries",
    "rtcdata",
    "selectdata",
    "selectopts",
    "serverstats",
    "settime",
    "shutdown",
    "smoothing",
    "smoothtime",
    "sourcename",
    "sources",
    "sourcestats",
    "timeout",
    "tracking",
    "trimrtc",
    "waitsync",
    "writertc",
];

/// A chronyc command as typed: its word, what it is (when its replies
/// mean something of their own) and its first argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Typed {
    pub word: String,
    pub command: Option<Command>,
    pub argument: Option<String>,
    /// chronyc's `-h` host, as typed (capped).
    pub host: Option<String>,
    /// chronyc's `-p` command port, when it is a port number.
    pub port: Option<u16>,
}

impl Typed {
    /// Whether chronyc knows the word as a command (of some release).
    pub fn known(&self) -> bool {
        KNOWN.contains(&self.word.as_str())
    }

    /// The known command nearest to a mistyped word (at most two edits
    /// away), as `trackin` is to `tracking`.
    pub fn nearest(&self) -> Option<&'static str> {
        if self.known() {
            return None;
        }
        KNOWN
            .iter()
            .map(|k| (crate::core::text::edit_distance(&self.word, k), *k))
            .filter(|(d, _)| *d <= 2)
            .min_by_key(|(d, _)| *d)
            .map(|(_, k)| k)
    }
}

fn capped(s: &str) -> String {
    s.chars().take(MAX_WORD).collect()
}

/// The command of a prompt line's command text (`prompt_command`'s):
/// `chronyc [OPTION]... COMMAND [ARG]...` from a shell, or the bare
/// command after `chronyc>`. `-m` runs several commands, one per
/// argument: which one a reply belongs to is not known then.
pub fn parse(text: &str) -> Option<Typed> {
    let mut words = text.split_whitespace().peekable();
    let (mut host, mut port) = (None, None);
    // A shell's `chronyc …`, maybe by its path (/usr/bin/chronyc).
    if words
        .peek()
        .is_some_and(|w| w.rsplit('/').next() == Some("chronyc"))
    {
        words.next();
        loop {
            match words.peek().copied() {
                // getopt of client.c: "+46acdef:h:mnNp:u:vw".
                Some("-m") => return None,
                Some("-h") => {
                    words.next();
                    host = words.next().map(capped);
                }
                Some("-p") => {
                    words.next();
                    port = words.next().and_then(|p| p.parse().ok());
                }
                Some("-f" | "-u") => {
                    words.next();
                    words.next();
                }
                Some(w) if w.starts_with('-') && w.len() > 1 => {
                    words.next();
                }
                _ => break,
            }
        }
    }
    let word = words.next()?;
    // A pipe or a redirection is the shell's, not chronyc's.
    if word.starts_with(['|', '>', '<', ';', '&']) {
        return None;
    }
    let argument = words
        .next()
        .filter(|a| !a.starts_with(['|', '>', '<', ';', '&']))
        .map(capped);
    Some(Typed {
        word: capped(word),
        command: Command::from_word(word),
        argument,
        host,
        port,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_is_found_behind_chronycs_options() {
        let t = parse("chronyc -h /run/chrony/chronyd.sock makestep").unwrap();
        assert_eq!(t.command, Some(Command::Makestep));
        let t = parse("/usr/bin/chronyc -n -h 127.0.0.1 -p 323 delete 10.0.0.1").unwrap();
        assert_eq!(
            (t.command, t.argument.as_deref()),
            (Some(Command::Delete), Some("10.0.0.1"))
        );
        assert_eq!((t.host.as_deref(), t.port), (Some("127.0.0.1"), Some(323)));
        let t = parse("settime 12:00:00").unwrap();
        assert_eq!(t.command, Some(Command::Settime));
        let t = parse("chronyc -h [::1] -p 25999 tracking").unwrap();
        assert_eq!((t.host.as_deref(), t.port), (Some("[::1]"), Some(25999)));
        assert_eq!(parse("chronyc -p 99999 tracking").unwrap().port, None);
        assert_eq!(parse("chronyc -m tracking sources"), None);
        assert_eq!(parse("chronyc"), None);
        assert_eq!(parse("chronyc | grep x"), None);
    }

    #[test]
    fn a_mistyped_command_has_its_nearest() {
        let near = |w: &str| parse(w).unwrap().nearest();
        assert_eq!(near("trackin"), Some("tracking"));
        assert_eq!(near("soruces"), Some("sources"));
        assert_eq!(near("tracking"), None);
        assert_eq!(near("frobnicate"), None);
        // A hostile word is capped before it is measured or quoted.
        let long = "x".repeat(10_000);
        assert_eq!(parse(&long).unwrap().word.len(), MAX_WORD);
    }
}
