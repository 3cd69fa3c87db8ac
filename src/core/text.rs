//! Text that came from outside (a gpsd's driver name, a source name from a
//! remote helper, a path in a refusal) shown to a person: control
//! characters are written out, never passed to the terminal, the window or
//! a notification, where they could clear the screen, set the title, write
//! the clipboard (OSC 52) or forge a line.

use std::borrow::Cow;
use std::fmt::Write;

/// Whether `c` would act on a terminal or reorder text rather than show:
/// C0 and C1 controls, DEL, and the bidirectional overrides and isolates.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// `s` with every unsafe character written as an escape (`\n`, `\t`,
/// `\u{1b}`); text without any comes back as it is.
pub fn escape_controls(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if is_unsafe(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_sequences_are_written_out_and_plain_text_kept() {
        assert!(matches!(escape_controls("u-blox 中文"), Cow::Borrowed(_)));
        let osc52 = "x\u{1b}]52;c;ZXZpbA==\u{7}y";
        assert_eq!(escape_controls(osc52), "x\\u{1b}]52;c;ZXZpbA==\\u{7}y");
        assert_eq!(escape_controls("a\nrefclock SHM 0"), "a\\nrefclock SHM 0");
        assert_eq!(escape_controls("\u{9b}2J\u{202e}"), "\\u{9b}2J\\u{202e}");
        for s in ["\u{0}", "\u{7f}", "\u{85}", "\u{2066}"] {
            assert!(!escape_controls(s).chars().any(is_unsafe), "{s:?}");
        }
    }
}
