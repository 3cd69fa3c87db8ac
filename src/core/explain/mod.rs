//! Explain pasted output of chronyc, ntpd tools and network switches: find
//! what it is, read every field, judge each value (ok / warn / bad / info,
//! with a reason) and diagnose problems across fields with cause and fix.
//! Texts (field meanings, reasons, findings) live in the Fluent catalogue:
//! `field-<name>`, `why-<reason>`, `finding-<rule>`.

mod checks;
mod chronyc;
mod chronyc_other;
mod chronyd_log;
mod chronyd_messages;
mod chronyd_once;
mod command;
mod cross;
mod diagnose;
pub mod field;
mod follows;
mod judge;
mod keyed;
mod labelled;
mod live;
mod local;
mod mikrotik;
mod model;
mod ntpd;
mod ntpstat;
mod paste;
mod reply;
mod switch;
mod sysinfo;
mod timedatectl;
pub mod verdict;
mod version;

pub use field::{FieldId, Value};
pub use live::explain_snapshot;
pub use model::*;
pub use paste::decode;
pub use verdict::{Finding, Reason, Rule, Status, Why};

/// Inputs above this size are refused rather than scanned.
pub const MAX_INPUT: usize = 4 << 20;

/// Removes what terminals and editors add around output: ANSI escape
/// sequences, carriage returns, a byte order mark, quote marks. Prompt
/// lines stay: they separate the commands of a session.
pub fn clean(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for raw in text.split('\n') {
        let mut line = String::with_capacity(raw.len());
        let mut chars = raw.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\u{1b}' {
                // CSI: ESC [ ... final byte in @..~
                if chars.peek() == Some(&'[') {
                    chars.next();
                    for d in chars.by_ref() {
                        if ('@'..='~').contains(&d) {
                            break;
                        }
                    }
                }
                // OSC: ESC ] ... ended by BEL or ESC \ (a terminal title).
                if chars.peek() == Some(&']') {
                    while let Some(d) = chars.next() {
                        if d == '\u{7}' {
                            break;
                        }
                        if d == '\u{1b}' {
                            if chars.peek() == Some(&'\\') {
                                chars.next();
                            }
                            break;
                        }
                    }
                }
                continue;
            }
            if c == '\r' || (c.is_control() && c != '\t') {
                continue;
            }
            // Web pages, blogs and chat apps copy the tools' spaces as
            // U+00A0 (or other Unicode spaces): the columns are spaces.
            if c != '\t' && c.is_whitespace() {
                line.push(' ');
                continue;
            }
            // Chinese input methods and chat apps (WeChat, DingTalk) turn
            // `:` and `,` into `：` and `，`; the tools print ASCII only.
            // (Not so in chrony.conf: chronyd refuses them, lint says so.)
            if let Some(a) = crate::core::text::fullwidth_ascii(c) {
                line.push(a);
                // `Stratum：3`: the colon's width was its space.
                if a == ':' && chars.peek().is_some_and(|n| !n.is_whitespace()) {
                    line.push(' ');
                }
                continue;
            }
            if matches!(
                c,
                '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
            ) {
                continue;
            }
            line.push(c);
        }
        // chronyc(1) -e (4.4+): "each chronyc response will end with a line
        // containing a single dot": the end of a report, like a blank line.
        // A Markdown code fence (```` ``` ````, ```` ```text ````, `~~~`)
        // around a paste is the editor's, and ends a block the same way.
        let line = if line.trim() == "." || is_fence(&line) || is_watch_header(&line) {
            ""
        } else {
            line.trim_end()
        };
        out.push(line.to_string());
    }
    undouble(&mut out);
    unquote(&mut out);
    dedent(&mut out);
    for l in out.iter_mut().filter(|l| is_bare_prompt(l)) {
        l.clear();
    }
    out
}

/// A shell's or a device's prompt with nothing typed after it (`root@c2:~#`,
/// `(base) [admin@web03 ~]$`, `switch#`, `<Huawei>`): the terminal showed it
/// after the output and it was copied with it. No output of the tools is
/// such a line, so it ends the output like a blank line.
fn is_bare_prompt(line: &str) -> bool {
    let t = line.trim();
    if t.starts_with('<') && t.ends_with('>') {
        return t.len() > 2 && !t.contains(' ');
    }
    let Some(head) = t.strip_suffix(['#', '$', '>']) else {
        return false;
    };
    // A virtualenv's or conda's name in front: `(base) [admin@web03 ~]$`.
    let head = head
        .strip_prefix('(')
        .and_then(|r| r.split_once(") "))
        .map_or(head, |(_, h)| h)
        .trim_end();
    if head.is_empty() || matches!(head, "chronyc" | "ntpq") {
        return false;
    }
    let bracketed = head.starts_with('[') && head.ends_with(']') && head.contains(['@', ' ']);
    let word = !head.contains(' ')
        && head
            .chars()
            .all(|c| c.is_alphanumeric() || "@:~/._-()".contains(c));
    bracketed || word
}

/// The header `watch` prints above each screen (procps watch(1): `Every
/// 2.0s: COMMAND  HOST: DATE`): it separates the screens like a blank line.
fn is_watch_header(line: &str) -> bool {
    line.strip_prefix("Every ")
        .and_then(|r| r.split_once("s: "))
        .is_some_and(|(n, _)| !n.is_empty() && n.parse::<f64>().is_ok())
}

/// A Markdown code fence line: three or more backticks or tildes, and an
/// info string of one word (`bash`, `text`, `console`) or none.
fn is_fence(line: &str) -> bool {
    let t = line.trim();
    ["```", "~~~"].iter().any(|f| {
        t.strip_prefix(f).is_some_and(|rest| {
            let info = rest.trim_start_matches(&f[..1]).trim();
            info.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-+_.".contains(c))
        })
    })
}

/// A paste with a blank line after every line (some web and chat editors
/// turn each line into a paragraph): one blank line between two lines is
/// the editor's, a run of them was a blank line of the output.
fn undouble(lines: &mut Vec<String>) {
    let blank = |l: &String| l.trim().is_empty();
    let text = lines.iter().filter(|l| !blank(l)).count();
    let adjacent = lines.windows(2).any(|w| !blank(&w[0]) && !blank(&w[1]));
    if text < 3 || adjacent {
        return;
    }
    let mut out: Vec<String> = Vec::with_capacity(text * 2);
    let mut run = 0;
    for l in lines.drain(..) {
        if blank(&l) {
            run += 1;
            continue;
        }
        if run >= 2 && !out.is_empty() {
            out.push(String::new());
        }
        run = 0;
        out.push(l);
    }
    *lines = out;
}

/// Output indented as a whole (a Markdown code block, an editor): the
/// common indentation goes, in steps of four spaces, so that a table's
/// first column (ntpq's tally, Cisco's two-character mark) is where the
/// tool printed it. Tools' own leading spaces are fewer than four.
fn dedent(lines: &mut [String]) {
    let indent = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0)
        / 4
        * 4;
    if indent > 0 {
        for l in lines.iter_mut().filter(|l| l.len() >= indent) {
            l.drain(..indent);
        }
    }
}

/// Output quoted in notes, mail or chat: every line behind `> ` (or `#`,
/// as in a commented script). The quote marks go; the output stays. A reply
/// to a reply quotes again (`>> `, `> > `): every level goes, up to a few.
fn unquote(lines: &mut [String]) {
    const MAX_LEVELS: usize = 8;
    for _ in 0..MAX_LEVELS {
        if !unquote_once(lines) {
            return;
        }
    }
}

/// Strips one quote level; false when the lines are not (or no longer) quoted.
fn unquote_once(lines: &mut [String]) -> bool {
    let mut quoted = lines.iter().filter(|l| !l.trim().is_empty()).peekable();
    if quoted.peek().is_none() {
        return false;
    }
    // A reference clock's row of chronyc sources starts with its mode `#`
    // (`#,*,GPS,…` with -c, `#* GPS …` without): that is no quote mark.
    let refclock_row = |l: &str| {
        let mut c = l.trim_start().chars().skip(1);
        match (c.next(), c.next()) {
            (Some(','), _) => true,
            (Some(s), Some(' ')) => "*+-?x~".contains(s),
            _ => false,
        }
    };
    for mark in ['>', '#'] {
        if lines
            .iter()
            .filter(|l| !l.trim().is_empty())
            .all(|l| l.trim_start().starts_with(mark) && !(mark == '#' && refclock_row(l)))
        {
            for l in lines.iter_mut() {
                let t = l.trim_start();
                if let Some(rest) = t.strip_prefix(mark) {
                    *l = rest.strip_prefix(' ').unwrap_or(rest).to_string();
                }
            }
            return true;
        }
    }
    false
}

/// A shell or device prompt followed by a command, e.g.
/// `[root@host ~]# chronyc sources`, `<Huawei>display ntp-service status`,
/// `user@router> show ntp status`, `switch# show ntp associations`.
pub fn prompt_command(line: &str) -> Option<&str> {
    let l = line.trim_start();
    // chronyc's and ntpq's interactive prompts, with any command or none.
    if let Some(rest) = l
        .strip_prefix("chronyc>")
        .or_else(|| l.strip_prefix("ntpq>"))
    {
        return Some(rest.trim());
    }
    if let Some(rest) = l.strip_prefix('<') {
        return rest.split_once('>').map(|(_, c)| c.trim());
    }
    // VRP's and Comware's system view: `[HUAWEI]display ntp-service …`
    // (not a sessions row's `[12345]10.0.0.1`).
    if let Some((_, cmd)) = l.strip_prefix('[').and_then(|r| r.split_once(']'))
        && ["display", "dis "]
            .iter()
            .any(|k| cmd.trim_start().starts_with(k))
    {
        return Some(cmd.trim());
    }
    // Switches print no space after the prompt: `switch#show ntp status`.
    for sep in ["# ", "> ", "$ ", "#", ">"] {
        if let Some(i) = l.find(sep) {
            let (head, cmd) = (&l[..i], l[i + sep.len()..].trim());
            let promptish = !head.contains(' ') || head.starts_with('[') || head.contains('@');
            let known = [
                "chronyc",
                "ntpq",
                "ntpstat",
                "timedatectl",
                // Its version only: `chronyd -q`'s line is read with its
                // output (chronyd_once).
                "chronyd -v",
                "chronyd --version",
                "show",
                "display",
                "dis ",
                "/system ",
            ]
            .iter()
            .any(|k| cmd.starts_with(k));
            if promptish && known {
                return Some(cmd);
            }
        }
    }
    None
}

/// Explains one pasted output.
pub fn explain(text: &str) -> Result<Explained, ExplainError> {
    if text.len() > MAX_INPUT {
        return Err(ExplainError::TooLarge);
    }
    let lines = clean(text);
    // Whole prompt lines: the prompt tells devices apart (Junos's
    // `user@router>` from EOS's `switch#`).
    let commands: Vec<String> = lines
        .iter()
        .filter(|l| prompt_command(l).is_some())
        .cloned()
        .collect();
    let content: Vec<&str> = lines
        .iter()
        .map(String::as_str)
        .filter(|l| prompt_command(l).is_none() && !l.trim().is_empty())
        .collect();
    if content.is_empty() {
        return Err(ExplainError::Empty);
    }
    // The chronyc command the prompt shows (its replies mean something
    // of their own: makestep's 500, settime's 505).
    let typed = commands
        .last()
        .and_then(|l| prompt_command(l))
        .and_then(command::parse);
    // chronyc's status lines ("501 Not authorised" under the header of
    // the report asked for, "506 Cannot talk to daemon") and its own
    // messages ("Unrecognized command"): what chronyd or chronyc said
    // instead of the report, never an empty report.
    let (replies, content): (Vec<&str>, Vec<&str>) = content
        .into_iter()
        .partition(|l| reply::status_line(l).is_some());
    if let Some(e) = chronyc_other::accepted(&content) {
        return Ok(e);
    }
    if let Some(e) = reply::usage(&content) {
        return Ok(e);
    }
    if let Some(e) = chronyd_once::explain(&content) {
        return Ok(e);
    }
    let parsed = chronyc::parse(&content)
        .or_else(|| chronyc_other::parse(&content))
        .or_else(|| version::parse(&content))
        .or_else(|| sysinfo::parse(&content))
        .or_else(|| ntpd::parse(&content, &commands))
        .or_else(|| timedatectl::parse(&content))
        .or_else(|| mikrotik::parse(&content))
        .or_else(|| switch::parse(&content, &commands));
    if !replies.is_empty() {
        let report = parsed.as_ref().map(|e| e.kind);
        match parsed {
            Some(mut e) if !(e.fields.is_empty() && e.rows.is_empty()) => {
                judge_and_diagnose(&mut e);
                e.findings.extend(
                    replies
                        .iter()
                        .filter_map(|l| reply::finding(l, report, typed.as_ref())),
                );
                return Ok(e);
            }
            _ => {
                // Its findings are made with it: nothing else to judge.
                let r = reply::explain(&replies, report, typed.as_ref())
                    .ok_or(ExplainError::NotRecognised)?;
                // chronyd's log above chronyc's "could not talk": the fatal
                // line it logged is why, not a check still to make.
                return Ok(match chronyd_messages::fatal(&content) {
                    Some(fatal) if report.is_none() => {
                        let mut log = chronyd_messages::explain(&content)
                            .unwrap_or_else(|| Explained::new(Kind::ChronydMessages));
                        for f in r.findings {
                            if f.rule == Rule::DaemonUnreachable {
                                let reply = f.args.iter().find(|(k, _)| *k == "reply");
                                log.findings.push(
                                    Finding::new(Rule::ChronydNotStarted)
                                        .arg("reply", reply.map_or("-", |(_, v)| v.as_str()))
                                        .arg("message", &fatal),
                                );
                            } else {
                                log.findings.push(f);
                            }
                        }
                        log
                    }
                    _ => r,
                });
            }
        }
    }
    let parsed = parsed.or_else(|| {
        // chronyd's statistics logs are `stats`'s; its messages are read here.
        match not_recognised(text) {
            ExplainError::ChronydLog(_) => None,
            _ => chronyd_messages::explain(&content),
        }
    });
    let mut e = parsed.ok_or_else(|| not_recognised(text))?;
    if e.kind == Kind::ChronydMessages {
        return Ok(e);
    }
    if e.fields.is_empty() && e.rows.is_empty() {
        // A legend without its table: nothing to judge, and the table is
        // not known to be empty.
        if e.cut {
            e.findings.push(diagnose::paste_cut(&e));
            return Ok(e);
        }
        // A table with its header and no row says something: nobody yet.
        let empty = match e.kind {
            Kind::ChronycClients => Some(Rule::NoClientsYet),
            // A lab server on its own clock lists no source either: the
            // table alone cannot tell it from a server left unconfigured.
            Kind::ChronycSources
            | Kind::ChronycSourcestats
            | Kind::ChronycSelectdata
            | Kind::ChronycAuthdata => Some(Rule::NoSourcesOrLocal),
            Kind::NtpqPeers | Kind::NtpqAssociations => Some(Rule::NoSources),
            _ => None,
        };
        match empty {
            Some(rule) => e.findings.push(checks::empty_table(rule)),
            None => return Err(ExplainError::NotRecognised),
        }
        return Ok(e);
    }
    judge_and_diagnose(&mut e);
    Ok(e)
}

/// Why a text is not read: chronyd's own log lines (tracking.log and the
/// others, with or without their banner) are named, as `stats` reads them.
fn not_recognised(text: &str) -> ExplainError {
    match crate::core::chronylog::detect(text.as_bytes(), true).0 {
        crate::core::chronylog::Content::Log(kind) => ExplainError::ChronydLog(kind),
        _ if lone_name(text) => ExplainError::LoneName,
        _ => ExplainError::NotRecognised,
    }
}

/// One word that is an IP address or a dotted host name (RFC 1123
/// characters, at most 253), as `chronyc sourcename` prints it; a lone
/// word without a dot is too likely anything else.
fn lone_name(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let (Some(w), None) = (words.next(), words.next()) else {
        return false;
    };
    w.parse::<std::net::IpAddr>().is_ok()
        || (w.len() <= 253
            && w.contains(|c: char| c.is_ascii_alphabetic())
            && w.contains('.')
            && w.split('.').all(|l| {
                !l.is_empty()
                    && l.len() <= 63
                    && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            }))
}

/// The verdicts on a read report: each value, then each row and the whole,
/// then the findings that account for every flagged value.
fn judge_and_diagnose(e: &mut Explained) {
    judge::judge_all(e);
    diagnose::diagnose(e);
}

/// Explains a paste that may hold several outputs one after another: the
/// commands of a terminal session (split at every prompt: `chronyc>`, a
/// shell's or a switch's), and within one command's output the blocks
/// separated by blank lines (`stratum status` prints tracking, the sources
/// and the clients this way; people paste `chronyc tracking` and `chronyc
/// sources` together). The records of one output (a switch's sessions, one
/// block each) stay together, and a paste that is one output is read whole.
pub fn explain_all(text: &str) -> Result<Vec<Explained>, ExplainError> {
    // Outputs pasted together explain each other's rows (a `?` source by
    // its selectdata or ntpdata).
    // chronyd's own messages in the paste name a source's cause; tracking
    // is read against the sources pasted with it.
    explain_outputs(text)
        .map(cross::reference)
        .map(|mut parts| {
            chronyd_log::apply(text, &mut parts);
            let log = chronyd_log::Log::read(text);
            follows::apply(&mut parts.iter_mut().collect::<Vec<_>>(), &log);
            parts.iter_mut().for_each(diagnose::not_updated_yet);
            chronyd_log::name_nts_cause(text, &mut parts);
            chronyd_messages::apply(text, &mut parts);
            local::synchronised_to_local_clock(&mut parts);
            parts
        })
}

fn explain_outputs(text: &str) -> Result<Vec<Explained>, ExplainError> {
    if text.len() > MAX_INPUT {
        return Err(ExplainError::TooLarge);
    }
    let lines = clean(text);
    let segments: Vec<paste::Segment> = paste::segments(&lines, |l| prompt_command(l).is_some())
        .into_iter()
        .flat_map(paste::split_reports)
        .collect();
    if segments.len() <= 1 {
        return explain_segment(text, segments.first());
    }
    let mut out = Vec::new();
    for s in &segments {
        if let Ok(parts) = explain_segment(&s.text(), Some(s)) {
            out.extend(parts);
        }
    }
    if out.is_empty() {
        return explain(text).map(|e| vec![e]);
    }
    Ok(out)
}

/// One command's output (`text`, its prompt line first when there is one).
fn explain_segment(
    text: &str,
    segment: Option<&paste::Segment>,
) -> Result<Vec<Explained>, ExplainError> {
    let whole = explain(text);
    let blocks = segment.map(paste::Segment::blocks).unwrap_or_default();
    // Each block that is an output; neighbours that are records of one
    // output of the same kind are joined (and read once, below).
    let mut parts: Vec<(Explained, Option<String>)> = Vec::new();
    for b in blocks {
        let Ok(e) = explain(&b) else { continue };
        match parts.last_mut() {
            Some((last, joined)) if last.kind == e.kind && paste::is_record_kind(e.kind) => {
                let j = joined.get_or_insert_with(String::new);
                j.push('\n');
                j.push_str(&b);
            }
            _ => parts.push((e, Some(b))),
        }
    }
    // One output (its own blank lines or legend aside): read whole.
    match (&whole, parts.len()) {
        (Ok(w), n) if n <= 1 => Ok(vec![w.clone()]),
        (_, 0) => whole.map(|w| vec![w]),
        _ => Ok(parts
            .into_iter()
            .map(|(e, joined)| match joined {
                Some(j) if paste::is_record_kind(e.kind) => explain(&j).unwrap_or(e),
                _ => e,
            })
            .collect()),
    }
}

/// Every field name the parsers can emit, per kind: the catalogue the
/// translation tests hold to.
pub fn catalogue() -> Vec<(Kind, &'static [&'static str])> {
    let mut v = chronyc::fields();
    v.extend(chronyc_other::fields());
    v.extend(ntpd::fields());
    v.extend(sysinfo::fields());
    v.extend(version::fields());
    v.extend(timedatectl::fields());
    v.extend(switch::fields());
    v.extend(mikrotik::fields());
    v
}

pub use checks::{human, seconds as duration_seconds};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prompts_with_and_without_a_space_are_recognised() {
        let cases = [
            ("[root@lab ~]# chronyc sources", Some("chronyc sources")),
            ("user@router> show ntp status", Some("show ntp status")),
            (
                "switch#show ntp associations",
                Some("show ntp associations"),
            ),
            ("leaf1>show ntp status", Some("show ntp status")),
            ("chronyc> sources -v", Some("sources -v")),
            ("chronyc>", Some("")),
            ("ntpq> as", Some("as")),
            (
                "<Huawei>display ntp-service status",
                Some("display ntp-service status"),
            ),
            // chronyc's legend is not a prompt.
            (
                "  / .- Source mode  '^' = server, '=' = peer, '#' = local clock.",
                None,
            ),
            (
                "^* 10.0.0.1  2   6   377    12   +10us[ +12us] +/-  1ms",
                None,
            ),
        ];
        for (line, want) in cases {
            assert_eq!(prompt_command(line), want, "{line}");
        }
    }

    #[test]
    fn unicode_spaces_of_a_web_or_chat_copy_are_spaces() {
        // U+00A0 from a web page, U+3000 and U+2002 from an editor, a
        // zero-width space from a chat app.
        assert_eq!(
            clean("Stratum\u{a0}\u{a0}:\u{3000}3\u{200b}\u{2002}x"),
            ["Stratum  : 3 x"]
        );
    }

    #[test]
    fn full_width_forms_of_an_input_method_are_ascii() {
        // `：` takes the space its width showed; one already there stays one.
        assert_eq!(
            clean("clock status：synchronized\nStratum　　：　３\n^，*，a"),
            ["clock status: synchronized", "Stratum  : 3", "^,*,a"]
        );
    }

    #[test]
    fn a_double_spaced_paste_is_read_single_spaced() {
        let got = clean("a\n\nb\n\nc\n\n\n\nd\n\n");
        assert_eq!(got, ["a", "b", "c", "", "d"]);
        // A paste with lines side by side keeps its blank lines.
        assert_eq!(clean("a\nb\n\nc"), ["a", "b", "", "c"]);
    }

    #[test]
    fn markdown_fences_end_a_block_like_a_blank_line() {
        assert_eq!(
            clean("```text\n^,*,a\n^,+,b\n```\n~~~~\nc\nd\n~~~\n``` not a fence"),
            [
                "",
                "^,*,a",
                "^,+,b",
                "",
                "",
                "c",
                "d",
                "",
                "``` not a fence"
            ]
        );
    }

    #[test]
    fn a_terminal_title_sequence_is_dropped_whole() {
        // OSC 0 (set the window title), ended by BEL or by ESC \.
        assert_eq!(clean("bad\u{1b}]0;pwned\u{7}host"), ["badhost"]);
        assert_eq!(clean("a\u{1b}]2;t\u{1b}\\b\u{1b}[31mc"), ["abc"]);
    }

    #[test]
    fn the_prompt_tells_junos_from_arista() {
        let table = "     remote           refid      st t when poll reach   delay   offset  jitter\n\
            ==============================================================================\n\
            *10.1.1.1        .GPS.            1 u   33   64  377    1.234   -0.123   0.045\n";
        let kind = |prompt: &str| explain(&format!("{prompt}\n{table}")).unwrap().kind;
        assert_eq!(
            kind("user@router> show ntp associations"),
            Kind::JunosShowNtpAssociations
        );
        assert_eq!(
            kind("leaf1#show ntp associations"),
            Kind::AristaShowNtpAssociations
        );
        assert_eq!(kind("$ ntpq -pn"), Kind::NtpqPeers);
    }
}
