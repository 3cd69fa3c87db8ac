//! The lossless chrony.conf document: a list of lines, each kept as the exact
//! bytes it was read with plus its line terminator. Rendering concatenates
//! them, so an unedited document renders byte for byte as it was read, and an
//! edit touches only the lines it replaces, inserts or removes.

use super::directive::{Directive, ParseError};
use super::scan::{is_c_space, is_comment_start};

/// How a line ends in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineEnding {
    Lf,
    CrLf,
    /// The last line of a file that does not end with a newline.
    None,
}

impl LineEnding {
    pub fn as_bytes(self) -> &'static [u8] {
        match self {
            LineEnding::Lf => b"\n",
            LineEnding::CrLf => b"\r\n",
            LineEnding::None => b"",
        }
    }
}

/// What a line is, as chronyd sees it.
#[derive(Debug, Clone, PartialEq)]
pub enum LineKind {
    Blank,
    Comment,
    Directive(DirectiveLine),
}

/// A directive line: its name as written, its argument text (whitespace
/// normalised like chrony does) and the typed parse of it.
#[derive(Debug, Clone, PartialEq)]
pub struct DirectiveLine {
    pub name: String,
    pub args: String,
    pub parsed: Result<Directive, ParseError>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    content: Vec<u8>,
    ending: LineEnding,
    kind: LineKind,
}

impl Line {
    fn new(content: Vec<u8>, ending: LineEnding) -> Line {
        let kind = classify(&content);
        Line {
            content,
            ending,
            kind,
        }
    }

    /// The line's bytes without its terminator.
    pub fn content(&self) -> &[u8] {
        &self.content
    }

    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(&self.content)
    }

    pub fn ending(&self) -> LineEnding {
        self.ending
    }

    pub fn kind(&self) -> &LineKind {
        &self.kind
    }

    pub fn directive(&self) -> Option<&DirectiveLine> {
        match &self.kind {
            LineKind::Directive(d) => Some(d),
            _ => None,
        }
    }

    /// The typed directive, when the line is one chrony would accept.
    pub fn parsed(&self) -> Option<&Directive> {
        self.directive().and_then(|d| d.parsed.as_ref().ok())
    }

    /// Leading whitespace of the line, reused when the line is rewritten.
    fn indent(&self) -> &[u8] {
        let n = self.content.iter().take_while(|b| is_c_space(**b)).count();
        &self.content[..n]
    }
}

/// Classifies one line the way chrony's `CPS_NormalizeLine` does: leading
/// white space is skipped, a line whose first other character is one of
/// `! ; # %` is a comment, an empty one is blank.
pub fn classify(content: &[u8]) -> LineKind {
    let Some(start) = content.iter().position(|b| !is_c_space(*b)) else {
        return LineKind::Blank;
    };
    if is_comment_start(content[start]) {
        return LineKind::Comment;
    }
    let text = String::from_utf8_lossy(&content[start..]);
    let text = text.trim_end_matches(|c: char| c.is_ascii() && is_c_space(c as u8));
    let name_end = text.bytes().position(is_c_space).unwrap_or(text.len());
    let name = text[..name_end].to_string();
    let args = normalize_ws(&text[name_end..]);
    let parsed = Directive::parse(&name, &args);
    LineKind::Directive(DirectiveLine { name, args, parsed })
}

/// Collapses runs of white space to one space and trims, as chrony does
/// before it splits arguments.
fn normalize_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| c.is_ascii() && is_c_space(c as u8)) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    lines: Vec<Line>,
}

impl Document {
    /// Parses any bytes. Never fails: lines chrony would refuse are kept as
    /// they are and reported by lint.
    pub fn parse(input: impl AsRef<[u8]>) -> Document {
        let input = input.as_ref();
        let mut lines = Vec::new();
        let mut rest = input;
        while !rest.is_empty() {
            match rest.iter().position(|b| *b == b'\n') {
                Some(nl) => {
                    let (content, ending) = if nl > 0 && rest[nl - 1] == b'\r' {
                        (&rest[..nl - 1], LineEnding::CrLf)
                    } else {
                        (&rest[..nl], LineEnding::Lf)
                    };
                    lines.push(Line::new(content.to_vec(), ending));
                    rest = &rest[nl + 1..];
                }
                None => {
                    lines.push(Line::new(rest.to_vec(), LineEnding::None));
                    rest = &[];
                }
            }
        }
        Document { lines }
    }

    pub fn render(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.lines.iter().map(|l| l.content.len() + 2).sum());
        for line in &self.lines {
            out.extend_from_slice(&line.content);
            out.extend_from_slice(line.ending.as_bytes());
        }
        out
    }

    /// Rendered text, with any invalid UTF-8 replaced (for display only).
    pub fn render_lossy(&self) -> String {
        String::from_utf8_lossy(&self.render()).into_owned()
    }

    pub fn lines(&self) -> &[Line] {
        &self.lines
    }

    /// Directive lines with their 0-based line index.
    pub fn directive_lines(&self) -> impl Iterator<Item = (usize, &DirectiveLine)> {
        self.lines
            .iter()
            .enumerate()
            .filter_map(|(i, l)| l.directive().map(|d| (i, d)))
    }

    /// Typed directives chrony would accept, with their 0-based line index.
    pub fn directives(&self) -> impl Iterator<Item = (usize, &Directive)> {
        self.lines
            .iter()
            .enumerate()
            .filter_map(|(i, l)| l.parsed().map(|d| (i, d)))
    }

    /// The line ending most lines use; LF for a file with none.
    pub fn dominant_ending(&self) -> LineEnding {
        let crlf = self
            .lines
            .iter()
            .filter(|l| l.ending == LineEnding::CrLf)
            .count();
        let lf = self
            .lines
            .iter()
            .filter(|l| l.ending == LineEnding::Lf)
            .count();
        if crlf > lf {
            LineEnding::CrLf
        } else {
            LineEnding::Lf
        }
    }

    /// Inserts a new line before index `at` (`at == len` appends). The new
    /// line gets the file's own line ending; if it goes after an
    /// unterminated last line, that line gets a terminator first.
    pub fn insert_line(&mut self, at: usize, text: &str) {
        let ending = self.dominant_ending();
        let at = at.min(self.lines.len());
        if at == self.lines.len()
            && let Some(last) = self.lines.last_mut()
            && last.ending == LineEnding::None
        {
            last.ending = ending;
            self.lines
                .push(Line::new(text.as_bytes().to_vec(), LineEnding::None));
            return;
        }
        self.lines
            .insert(at, Line::new(text.as_bytes().to_vec(), ending));
    }

    /// Replaces the text of line `index`, keeping its indentation and its
    /// line ending.
    pub fn replace_line(&mut self, index: usize, text: &str) {
        let line = &self.lines[index];
        let mut content = line.indent().to_vec();
        content.extend_from_slice(text.as_bytes());
        self.lines[index] = Line::new(content, line.ending);
    }

    /// Removes line `index`. If it was the unterminated last line, the line
    /// before becomes the last one and keeps its terminator.
    pub fn remove_line(&mut self, index: usize) {
        self.lines.remove(index);
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_back_byte_for_byte() {
        for input in [
            "",
            "\n",
            "server a iburst\n",
            "server a\r\n# c\r\n\r\n",
            "  \tallow 10.0.0.0/8  \nlocal stratum 10",
            "\r",
            "a\rb\n",
            "x\n\n\n",
        ] {
            assert_eq!(Document::parse(input).render(), input.as_bytes());
        }
        let bytes = b"# \xb2\xe2\xca\xd4 gbk comment\nserver 10.0.0.1\n";
        assert_eq!(Document::parse(bytes).render(), bytes);
    }

    #[test]
    fn classifies_like_chrony() {
        let doc = Document::parse("  # c\n!c\n;c\n%c\n\t \nSERVER   a\t iburst \n");
        let kinds: Vec<_> = doc.lines().iter().map(|l| l.kind().clone()).collect();
        assert!(matches!(kinds[0], LineKind::Comment));
        assert!(matches!(kinds[3], LineKind::Comment));
        assert!(matches!(kinds[4], LineKind::Blank));
        let LineKind::Directive(d) = &kinds[5] else {
            panic!("not a directive")
        };
        assert_eq!(d.name, "SERVER");
        assert_eq!(d.args, "a iburst");
    }

    #[test]
    fn appending_terminates_an_unterminated_last_line() {
        let mut doc = Document::parse("a\r\nb");
        doc.insert_line(2, "c");
        assert_eq!(doc.render(), b"a\r\nb\r\nc");
    }
}
