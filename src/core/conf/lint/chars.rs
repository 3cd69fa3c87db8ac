//! Characters chrony does not see as what they look like: chrony splits
//! words at ASCII white space only (`CPS_SplitWord` and `CPS_NormalizeLine`
//! use `isspace` in the C locale), so the ideographic space a Chinese input
//! method types, a no-break space pasted from a web page or the byte order
//! mark a Windows editor writes become part of a word; a full-width `／`
//! or `：` is not the ASCII one either.

use crate::core::conf::document::Document;
use crate::core::text::{Encoding, encoding};

use super::rules::Rule;

/// A file chronyd cannot read as text at all: UTF-16 (a Windows editor's
/// "Unicode"), or binary data. Said once for the whole file: line by line
/// each would be "not a directive", its bytes echoed back.
pub(super) fn unreadable_file(doc: &Document) -> Option<Rule> {
    match encoding(&doc.render()) {
        Encoding::Utf16 { .. } => Some(Rule::Utf16File),
        Encoding::Binary => Some(Rule::NotText),
        Encoding::Utf8 | Encoding::OtherText => None,
    }
}

/// What an odd character is, for the message that names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum OddKind {
    /// The ideographic space U+3000 a Chinese input method types.
    Ideographic,
    /// Looks like a space.
    Space,
    /// Shows as nothing at all.
    ZeroWidth,
    /// U+FEFF at the start of a file.
    ByteOrderMark,
    /// A full-width form of an ASCII character (U+FF01..U+FF5E).
    FullWidth,
    /// A NUL byte (in a file that is not UTF-16, which is said for the
    /// whole file): chronyd's line ends there.
    Nul,
}

impl OddKind {
    pub(super) fn id(self) -> &'static str {
        match self {
            OddKind::Ideographic => "ideographic",
            OddKind::Space => "space",
            OddKind::ZeroWidth => "zero-width",
            OddKind::ByteOrderMark => "bom",
            OddKind::FullWidth => "full-width",
            OddKind::Nul => "nul",
        }
    }
}

/// The first odd character of a line: the character, its column (1-based,
/// in characters) and what it is.
pub(super) fn first_odd(line: &str) -> Option<(char, usize, OddKind)> {
    line.chars().enumerate().find_map(|(i, c)| {
        let kind = match c {
            '\u{FEFF}' => OddKind::ByteOrderMark,
            '\0' => OddKind::Nul,
            '\u{3000}' => OddKind::Ideographic,
            '\u{00A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => {
                OddKind::Space
            }
            '\u{200B}'..='\u{200D}' | '\u{2028}' | '\u{2029}' | '\u{2060}' => OddKind::ZeroWidth,
            '\u{FF01}'..='\u{FF5E}' => OddKind::FullWidth,
            _ => return None,
        };
        Some((c, i + 1, kind))
    })
}

/// The ASCII character a full-width one stands for, or a space.
pub(super) fn ascii_for(c: char) -> char {
    crate::core::text::fullwidth_ascii(c).unwrap_or(' ')
}

/// Message arguments naming the character.
pub(super) fn args(c: char, column: usize, kind: OddKind) -> Vec<(&'static str, String)> {
    vec![
        ("code", format!("U+{:04X}", c as u32)),
        ("kind", kind.id().to_string()),
        ("column", column.to_string()),
        // The character itself, visible only for full-width forms.
        ("char", c.to_string()),
        ("ascii", ascii_for(c).to_string()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_chinese_input_method_or_a_windows_editor_leaves() {
        assert_eq!(
            first_odd("server\u{3000}127.0.0.1"),
            Some(('\u{3000}', 7, OddKind::Ideographic))
        );
        assert_eq!(
            first_odd("\u{FEFF}server a"),
            Some(('\u{FEFF}', 1, OddKind::ByteOrderMark))
        );
        assert_eq!(
            first_odd("allow 10.0.0.0／24"),
            Some(('／', 15, OddKind::FullWidth))
        );
        assert_eq!(ascii_for('／'), '/');
        assert_eq!(ascii_for('：'), ':');
        assert_eq!(first_odd("server 10.0.0.1 iburst"), None);
        assert_eq!(first_odd("s\0e\0r\0"), Some(('\0', 2, OddKind::Nul)));
        // Chinese text in a value is not odd in itself.
        assert_eq!(first_odd("driftfile /home/实验/drift"), None);
    }
}
