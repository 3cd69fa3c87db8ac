//! Lines of a stream fed in blocks of any size, each at most [`MAX_LINE`]
//! bytes: a longer "line" (a file of zeros, one 1 GB line) is skipped to
//! its end without being kept, so memory stays at one line whatever the
//! input. Line ends are `\n` or `\r\n`.

/// The longest line handed on (chronyd's records are about 150 bytes).
pub const MAX_LINE: usize = 4096;

#[derive(Debug, Default)]
pub struct Lines {
    /// The start of a line cut by the end of the previous block.
    carry: Vec<u8>,
    /// Inside a line already longer than `MAX_LINE`.
    skipping: bool,
    /// Lines skipped for their length.
    pub overlong: u64,
}

fn trim_cr(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\r").unwrap_or(line)
}

impl Lines {
    pub fn new() -> Lines {
        Lines::default()
    }

    /// Hands every line that `block` completes to `each`, without its end.
    pub fn feed(&mut self, block: &[u8], each: &mut impl FnMut(&[u8])) {
        let mut rest = block;
        // The line the previous block left open.
        if self.skipping || !self.carry.is_empty() {
            match memchr::memchr(b'\n', rest) {
                None => {
                    self.extend_carry(rest);
                    return;
                }
                Some(i) => {
                    if self.skipping {
                        self.skipping = false;
                    } else if self.carry.len() + i <= MAX_LINE {
                        self.carry.extend_from_slice(&rest[..i]);
                        each(trim_cr(&self.carry));
                    } else {
                        self.overlong += 1;
                    }
                    self.carry.clear();
                    rest = &rest[i + 1..];
                }
            }
        }
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', rest) {
            let line = &rest[start..end];
            if line.len() <= MAX_LINE {
                each(trim_cr(line));
            } else {
                self.overlong += 1;
            }
            start = end + 1;
        }
        self.extend_carry(&rest[start..]);
    }

    fn extend_carry(&mut self, part: &[u8]) {
        if self.skipping {
            return;
        }
        if self.carry.len() + part.len() > MAX_LINE {
            self.carry = Vec::new();
            self.skipping = true;
            self.overlong += 1;
        } else {
            self.carry.extend_from_slice(part);
        }
    }

    /// The last line when the stream does not end with a line end.
    pub fn finish(&mut self, each: &mut impl FnMut(&[u8])) {
        if !self.skipping && !self.carry.is_empty() {
            each(trim_cr(&self.carry));
        }
        self.carry = Vec::new();
        self.skipping = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(input: &[u8], block: usize) -> (Vec<Vec<u8>>, u64) {
        let mut l = Lines::new();
        let mut out = Vec::new();
        for b in input.chunks(block.max(1)) {
            l.feed(b, &mut |x| out.push(x.to_vec()));
        }
        l.finish(&mut |x| out.push(x.to_vec()));
        (out, l.overlong)
    }

    #[test]
    fn lines_are_the_same_whatever_the_blocks_and_long_ones_are_skipped() {
        let long = vec![b'x'; MAX_LINE + 1];
        let mut input = b"a\r\nbb\n\n".to_vec();
        input.extend_from_slice(&long);
        input.extend_from_slice(b"\nccc");
        for block in [1, 2, 3, 7, 100, MAX_LINE, 1 << 20] {
            let (lines, overlong) = split(&input, block);
            assert_eq!(lines, [&b"a"[..], b"bb", b"", b"ccc"], "block {block}");
            assert_eq!(overlong, 1, "block {block}");
        }
        // A stream of zeros with no line end: nothing kept, one skip.
        let (lines, overlong) = split(&vec![0u8; 3 * MAX_LINE], 1000);
        assert!(lines.is_empty());
        assert_eq!(overlong, 1);
        let exact = vec![b'y'; MAX_LINE];
        assert_eq!(split(&exact, 10).0, [exact]);
    }
}
