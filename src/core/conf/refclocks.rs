//! The reference clocks a configuration declares, with the refid chronyd
//! gives each (its `refid` option or the default, refclock.c: the driver's
//! first three letters and the clock's index), and the `offset` edit that
//! calibration proposes.

use super::directive::{Directive, OptValue};
use super::document::Document;
use super::lint::syntax::options_of;

#[derive(Debug, Clone, PartialEq)]
pub struct RefclockLine {
    /// The line's index in the document.
    pub index: usize,
    pub driver: String,
    pub refid: String,
    pub lock: Option<String>,
    /// The `offset` option (0 when absent).
    pub offset: f64,
    pub noselect: bool,
}

pub fn refclocks(doc: &Document) -> Vec<RefclockLine> {
    let mut out: Vec<RefclockLine> = Vec::new();
    for (index, d) in doc.directives() {
        let Directive::Other { spec, args } = d else {
            continue;
        };
        if spec.name != "refclock" {
            continue;
        }
        let driver = args.first().cloned().unwrap_or_default();
        let n = out.len();
        let mut id: Vec<char> = driver.chars().take(3).collect();
        id.push(char::from(b'0' + (n % 10) as u8));
        if n >= 10 && id.len() == 4 {
            id[2] = char::from(b'0' + (n / 10 % 10) as u8);
        }
        let mut line = RefclockLine {
            index,
            driver,
            refid: id.into_iter().collect(),
            lock: None,
            offset: 0.0,
            noselect: false,
        };
        for (_, s, v) in options_of(d) {
            match (s.name, v) {
                ("refid", OptValue::Word(w)) => line.refid = w.chars().take(4).collect(),
                ("lock", OptValue::Word(w)) => line.lock = Some(w.chars().take(4).collect()),
                // A `local` clock numbers its own seconds (locked to itself).
                ("local", _) => line.lock = Some(line.refid.clone()),
                ("offset", v) => line.offset = v.as_f64().unwrap_or(0.0),
                ("noselect", _) => line.noselect = true,
                _ => {}
            }
        }
        out.push(line);
    }
    out
}

/// The document with the refclock at `index` given `offset` (replacing
/// the option or appending it); every other line as it was, byte for byte.
pub fn with_offset(doc: &Document, index: usize, offset: f64) -> Vec<u8> {
    let mut out = doc.clone();
    let Some(line) = doc.lines().get(index) else {
        return out.render();
    };
    let text = line.text();
    let words: Vec<&str> = text.split_whitespace().collect();
    let value = format!("{offset:.6}");
    let mut new: Vec<String> = Vec::new();
    let mut k = 0;
    let mut done = false;
    while k < words.len() {
        // Options start after the driver and its parameter.
        if k >= 3 && words[k] == "offset" && k + 1 < words.len() {
            new.push("offset".into());
            new.push(value.clone());
            done = true;
            k += 2;
            continue;
        }
        new.push(words[k].to_string());
        k += 1;
    }
    if !done {
        new.push("offset".into());
        new.push(value);
    }
    // Keeps the line's indentation and ending.
    out.replace_line(index, &new.join(" "));
    out.render()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refids_and_offsets_are_read_as_chronyd_reads_them() {
        let doc = Document::parse(
            "server a iburst\nrefclock SHM 0 offset 0.5 delay 0.2 refid NMEA noselect\nrefclock PPS /dev/pps0 lock NMEA\nrefclock SOCK /run/x.sock\n",
        );
        let r = refclocks(&doc);
        assert_eq!(r.len(), 3);
        assert_eq!(
            (r[0].refid.as_str(), r[0].offset, r[0].noselect),
            ("NMEA", 0.5, true)
        );
        assert_eq!(
            (r[1].refid.as_str(), r[1].lock.as_deref()),
            ("PPS1", Some("NMEA"))
        );
        assert_eq!(r[2].refid, "SOC2");
    }

    #[test]
    fn the_offset_edit_touches_only_its_line() {
        // A Latin-1 comment and an indented line stay as they were.
        let doc = Document::parse(
            b"# c\xe9\nrefclock SHM 0 offset 0.5 refid NMEA\r\n  refclock SOCK /s refid GPS\n",
        );
        assert_eq!(
            with_offset(&doc, 1, 0.0312),
            b"# c\xe9\nrefclock SHM 0 offset 0.031200 refid NMEA\r\n  refclock SOCK /s refid GPS\n"
        );
        assert_eq!(
            with_offset(&doc, 2, -0.001),
            b"# c\xe9\nrefclock SHM 0 offset 0.5 refid NMEA\r\n  refclock SOCK /s refid GPS offset -0.001000\n"
        );
    }
}
