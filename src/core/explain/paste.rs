//! Reading what admins paste: the encoding a file was saved in (a Windows
//! editor's UTF-16, with or without its byte order mark), the prompts that
//! separate the commands of a terminal session, and the blank lines that
//! separate outputs — or the records of one output, which stay together.

use super::model::{ExplainError, Kind};

/// The text of a pasted file: UTF-8 (a byte order mark dropped), or
/// UTF-16 little- or big-endian, told by its byte order mark or, without
/// one, by the zero bytes ASCII text has in every other place. Anything
/// else is refused with a word about the encoding, not "not recognised".
pub fn decode(bytes: &[u8]) -> Result<String, ExplainError> {
    use crate::core::text::{Encoding, encoding};
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8(rest.to_vec()).map_err(|_| ExplainError::Encoding);
    }
    match encoding(bytes) {
        Encoding::Utf8 => String::from_utf8(bytes.to_vec()).map_err(|_| ExplainError::Encoding),
        Encoding::Utf16 { big_endian, mark } => {
            let body = if mark { &bytes[2..] } else { bytes };
            let unit = if big_endian {
                u16::from_be_bytes
            } else {
                u16::from_le_bytes
            };
            utf16(body, unit)
        }
        Encoding::OtherText => Err(ExplainError::Encoding),
        Encoding::Binary => Err(ExplainError::NotRecognised),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, ExplainError> {
    if bytes.len() % 2 != 0 {
        return Err(ExplainError::Encoding);
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|_| ExplainError::Encoding)
}

/// One command's output as pasted: the prompt line that ran it (if the
/// paste shows one) and the lines it printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Segment {
    pub(super) prompt: Option<String>,
    pub(super) lines: Vec<String>,
}

impl Segment {
    /// The segment as one text, its prompt line first (the prompt tells
    /// devices apart: Junos's `user@router>` from EOS's `switch#`).
    pub(super) fn text(&self) -> String {
        let mut t = String::new();
        if let Some(p) = &self.prompt {
            t.push_str(p);
            t.push('\n');
        }
        for l in &self.lines {
            t.push_str(l);
            t.push('\n');
        }
        t
    }

    /// The output split at blank lines, each part with the prompt line.
    pub(super) fn blocks(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut current: Vec<&str> = Vec::new();
        let mut flush = |current: &mut Vec<&str>| {
            if current.iter().any(|l| !l.trim().is_empty()) {
                let mut t = self.prompt.clone().map(|p| p + "\n").unwrap_or_default();
                for l in current.iter() {
                    t.push_str(l);
                    t.push('\n');
                }
                out.push(t);
            }
            current.clear();
        };
        for l in &self.lines {
            if l.trim().is_empty() {
                flush(&mut current);
            } else {
                current.push(l);
            }
        }
        flush(&mut current);
        out
    }
}

/// Splits cleaned lines at every prompt line (`is_prompt`): an interactive
/// `chronyc>` session, or commands run one after another in a shell or on
/// a switch, become one segment per command.
pub(super) fn segments(lines: &[String], is_prompt: impl Fn(&str) -> bool) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut current = Segment {
        prompt: None,
        lines: Vec::new(),
    };
    for l in lines {
        if is_prompt(l) {
            if current.prompt.is_some() || current.lines.iter().any(|l| !l.trim().is_empty()) {
                out.push(Segment {
                    prompt: current.prompt.take(),
                    lines: std::mem::take(&mut current.lines),
                });
            }
            current.prompt = Some(l.clone());
        } else {
            current.lines.push(l.clone());
        }
    }
    if current.prompt.is_some() || current.lines.iter().any(|l| !l.trim().is_empty()) {
        out.push(current);
    }
    out
}

/// The reports of chronyc a report's first line opens (its header, or the
/// `-v` legend above it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Report {
    Tracking,
    Sources,
    Sourcestats,
    Clients,
    Selectdata,
    Authdata,
    Serverstats,
    Activity,
    Ntpdata,
}

/// The report `lines[i]` opens, if it is a report's first line (chronyc's
/// client.c prints each report's header, or its first label, first).
fn report_start(lines: &[String], i: usize) -> Option<Report> {
    let t = lines[i].trim_start();
    let prev = lines[..i]
        .iter()
        .rev()
        .find(|l| !l.trim().is_empty())
        .map(|l| l.trim());
    let label = |name: &str| {
        t.strip_prefix(name)
            .is_some_and(|r| r.trim_start().starts_with(':'))
    };
    Some(if label("Reference ID") {
        // ntpdata has a Reference ID too, after its Root dispersion.
        if prev.is_some_and(|p| p.starts_with("Root dispersion")) {
            return None;
        }
        Report::Tracking
    } else if t.starts_with("MS Name/IP address") {
        Report::Sources
    } else if t.starts_with("Name/IP Address") && t.contains(" NP ") {
        Report::Sourcestats
    } else if t.starts_with("Hostname") && t.contains("NTP") && t.contains("Drop") {
        Report::Clients
    } else if t.starts_with("S Name/IP Address") {
        Report::Selectdata
    } else if t.starts_with("Name/IP address") && t.contains("KeyID") {
        Report::Authdata
    } else if label("NTP packets received") {
        Report::Serverstats
    } else if label("Remote address") {
        Report::Ntpdata
    } else if (t == "200 OK"
        && lines[i + 1..]
            .iter()
            .find(|l| !l.trim().is_empty())
            .is_some_and(|l| l.trim_end().ends_with("sources online")))
        || (t.ends_with("sources online") && prev != Some("200 OK"))
    {
        // activity: its "200 OK", or its first count when pasted without.
        Report::Activity
    } else {
        return None;
    })
}

/// Outputs of chronyc pasted one after another without prompts (`chronyc
/// tracking; chronyc sources`, or commands piped into one chronyc): split
/// where each report's first line is, its `-v` legend going with it. The
/// blocks of one `ntpdata` (one per source) stay one output.
pub(super) fn split_reports(segment: Segment) -> Vec<Segment> {
    let lines = &segment.lines;
    let mut starts: Vec<usize> = Vec::new();
    let mut current: Option<Report> = None;
    for i in 0..lines.len() {
        let Some(r) = report_start(lines, i) else {
            continue;
        };
        if !(r == Report::Ntpdata && current == Some(Report::Ntpdata)) {
            // The legend above a header belongs to it.
            let mut s = i;
            while s > 0 && {
                let p = lines[s - 1].trim();
                p.starts_with(['.', '/', '|', '\\'])
            } {
                s -= 1;
            }
            starts.push(s);
        }
        current = Some(r);
    }
    if starts.is_empty() {
        starts = csv_starts(lines);
    }
    // Only blank lines above the first report: nothing to split off.
    starts.retain(|s| lines[..*s].iter().any(|l| !l.trim().is_empty()));
    starts.dedup();
    if starts.is_empty() {
        return vec![segment];
    }
    let mut out = Vec::new();
    let mut from = 0;
    let mut prompt = segment.prompt.clone();
    for s in starts.into_iter().chain([lines.len()]) {
        if s > from {
            out.push(Segment {
                prompt: prompt.take(),
                lines: lines[from..s].to_vec(),
            });
        }
        from = s;
    }
    out
}

/// `chronyc -c -m sources selectdata authdata`: chronyc(1), "-m … Each
/// argument will be interpreted as a whole command", and -c prints each
/// report's rows as CSV with no header, so the reports follow one another
/// unmarked. A report starts where a line's shape (column count and field
/// shapes, chronyc::csv_kind) changes; every line must be a report's row.
fn csv_starts(lines: &[String]) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut current = None;
    let mut first_row: Option<Vec<&str>> = None;
    for (i, l) in lines.iter().enumerate() {
        if l.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = l.split(',').collect();
        let Some(kind) = (cols.len() > 1)
            .then(|| super::chronyc::csv_kind(&cols))
            .flatten()
        else {
            // The paste may end inside the last report's last row: a
            // shorter line, read with its report (chronyc::csv).
            let last = lines[i + 1..].iter().all(|l| l.trim().is_empty());
            if last
                && cols.len() > 1
                && first_row.as_ref().is_some_and(|f: &Vec<&str>| {
                    cols.len() < f.len() && super::chronyc::row_prefix(f, &cols)
                })
            {
                break;
            }
            return Vec::new();
        };
        let shape = Some((kind, cols.len()));
        if current.is_some() && current != shape {
            starts.push(i);
        }
        if current != shape {
            first_row = Some(cols);
        }
        current = shape;
    }
    starts
}

/// Outputs made of records separated by blank lines: one session or
/// association per block, all under the one command (Huawei and H3C
/// `display ntp-service sessions [verbose]`, Cisco `show ntp associations
/// detail`). Blocks of these read alone would each look like the whole
/// output ("no server answers" for every block but the one that does).
pub(super) fn is_record_kind(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::HuaweiNtpServiceSessions
            | Kind::H3cNtpServiceSessions
            | Kind::CiscoShowNtpAssociationsDetail
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str, bom: bool) -> Vec<u8> {
        let mut v = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
        for u in s.encode_utf16() {
            v.extend_from_slice(&u.to_le_bytes());
        }
        v
    }

    #[test]
    fn windows_encodings_are_decoded() {
        let text = "Reference ID    : 7F000001 (127.0.0.1)\r\nStratum         : 3\r\n";
        assert_eq!(decode(&utf16le(text, true)).unwrap(), text);
        assert_eq!(decode(&utf16le(text, false)).unwrap(), text);
        let mut be = vec![0xFE, 0xFF];
        for u in text.encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&be).unwrap(), text);
        let mut bom8 = b"\xEF\xBB\xBF".to_vec();
        bom8.extend_from_slice(text.as_bytes());
        assert_eq!(decode(&bom8).unwrap(), text);
        // Chinese in UTF-16 with its mark, and in UTF-8 without one.
        let zh = "时钟状态：已同步\n";
        assert_eq!(decode(&utf16le(zh, true)).unwrap(), zh);
        assert_eq!(decode(zh.as_bytes()).unwrap(), zh);
        // GBK (a Chinese Windows "ANSI" file) is neither: said so.
        assert_eq!(
            decode(b"\xca\xb1\xd6\xd3 ok\n"),
            Err(ExplainError::Encoding)
        );
        // A broken surrogate, an odd length.
        assert_eq!(
            decode(&[0xFF, 0xFE, 0x00, 0xD8]),
            Err(ExplainError::Encoding)
        );
        assert_eq!(decode(&[0xFF, 0xFE, 0x41]), Err(ExplainError::Encoding));
    }

    #[test]
    fn a_session_splits_at_every_prompt() {
        let lines: Vec<String> = [
            "chronyc> tracking",
            "Stratum : 3",
            "chronyc> sources",
            "^* a",
            "",
            "chronyc> sourcestats",
            "a 1",
            "chronyc>",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let s = segments(&lines, |l| l.starts_with("chronyc>"));
        let prompts: Vec<Option<&str>> = s.iter().map(|x| x.prompt.as_deref()).collect();
        assert_eq!(
            prompts,
            [
                Some("chronyc> tracking"),
                Some("chronyc> sources"),
                Some("chronyc> sourcestats"),
                Some("chronyc>")
            ]
        );
        assert_eq!(s[1].lines, ["^* a", ""]);
        assert_eq!(s[1].blocks(), ["chronyc> sources\n^* a\n"]);
        assert!(s[3].blocks().is_empty());
    }
}
