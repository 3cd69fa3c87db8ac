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

/// The ASCII character a full-width form (U+FF01..U+FF5E: `：` `，` `＃`,
/// full-width letters and digits) stands for: what a Chinese input method
/// or a chat app made of the ASCII one.
pub fn fullwidth_ascii(c: char) -> Option<char> {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21),
        _ => None,
    }
}

/// `s` as a quotation: unsafe characters escaped (as [`escape_controls`])
/// and at most `max` characters, an ellipsis marking a cut.
pub fn quote(s: &str, max: usize) -> String {
    let escaped = escape_controls(s.trim());
    match escaped.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &escaped[..at]),
        None => escaped.into_owned(),
    }
}

/// What a file's bytes are, before they are read as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (or plain ASCII), with or without a byte order mark.
    Utf8,
    /// UTF-16 as a Windows editor saves "Unicode": told by its byte order
    /// mark, or by the zero byte ASCII text has in every other place.
    Utf16 { big_endian: bool, mark: bool },
    /// Text in another encoding (GBK, Latin-1): no control bytes.
    OtherText,
    /// Not text at all: control bytes where text has none.
    Binary,
}

/// Tells UTF-8, UTF-16 and other text from binary data. Random bytes are
/// binary even though they hold zero bytes: UTF-16 without a mark needs
/// them in every other place, and text between them.
pub fn encoding(bytes: &[u8]) -> Encoding {
    match bytes {
        [0xFF, 0xFE, ..] => {
            return Encoding::Utf16 {
                big_endian: false,
                mark: true,
            };
        }
        [0xFE, 0xFF, ..] => {
            return Encoding::Utf16 {
                big_endian: true,
                mark: true,
            };
        }
        _ => {}
    }
    if let Some(big_endian) = utf16_without_mark(bytes) {
        return Encoding::Utf16 {
            big_endian,
            mark: false,
        };
    }
    if std::str::from_utf8(bytes).is_ok() {
        return Encoding::Utf8;
    }
    // Control bytes other than tab, line ends, form feed and ESC (a
    // terminal's colours): not text.
    if bytes
        .iter()
        .any(|b| *b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
    {
        Encoding::Binary
    } else {
        Encoding::OtherText
    }
}

/// UTF-16 without a byte order mark: of the first bytes, nearly every
/// other one is zero (ASCII and Latin text) — on the odd places for
/// little-endian (`Some(false)`), on the even ones for big-endian — and the
/// others are nearly never zero. UTF-8 text has no zero bytes at all.
fn utf16_without_mark(bytes: &[u8]) -> Option<bool> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let zeros = |offset: usize| {
        head.iter()
            .skip(offset)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    // Chinese text has few zero bytes; then the mark or UTF-8 decides.
    if odd * 10 >= pairs * 3 && even * 20 < pairs {
        Some(false)
    } else if even * 10 >= pairs * 3 && odd * 20 < pairs {
        Some(true)
    } else {
        None
    }
}

/// Optimal string alignment distance, a typo's measure: insertions,
/// deletions, changes and swaps of two neighbours, one edit each.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_told_from_utf16_and_from_binary_data() {
        let text = "server 10.0.0.1 iburst\n";
        let utf16le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let utf16be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(encoding(text.as_bytes()), Encoding::Utf8);
        assert_eq!(encoding("# 注释\n".as_bytes()), Encoding::Utf8);
        let (le, be) = (
            Encoding::Utf16 {
                big_endian: false,
                mark: false,
            },
            Encoding::Utf16 {
                big_endian: true,
                mark: false,
            },
        );
        assert_eq!(encoding(&utf16le), le);
        assert_eq!(encoding(&utf16be), be);
        let marked = [&[0xFF, 0xFE][..], &utf16le].concat();
        assert!(matches!(
            encoding(&marked),
            Encoding::Utf16 { mark: true, .. }
        ));
        // GBK: not UTF-8, but text.
        assert_eq!(encoding(b"# \xca\xb1\xd6\xd3\n"), Encoding::OtherText);
        // Random bytes (a fixed xorshift stream): zero bytes here and there,
        // control bytes, invalid UTF-8 — binary, never "UTF-16".
        let mut x: u32 = 0x9E37_79B9;
        let random: Vec<u8> = (0..4096)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                x as u8
            })
            .collect();
        assert!(random.contains(&0));
        assert_eq!(encoding(&random), Encoding::Binary);
    }

    #[test]
    fn a_quote_is_escaped_and_capped() {
        assert_eq!(quote("  ＃ 注释 ", 20), "＃ 注释");
        assert_eq!(quote("a\u{1b}[2Jb", 20), "a\\u{1b}[2Jb");
        assert_eq!(quote(&"x".repeat(100), 10), format!("{}…", "x".repeat(10)));
    }

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
