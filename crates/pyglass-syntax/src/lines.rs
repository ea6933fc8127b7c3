//! Byte offset <-> (line, column) conversion.

/// Start offsets of every line of a source text (`\n`, `\r\n` and `\r` all end a line).
pub struct LineIndex {
    src: String,
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(src: &str) -> LineIndex {
        let b = src.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\n' => starts.push(i + 1),
                b'\r' => {
                    if b.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i + 1);
                }
                _ => {}
            }
            i += 1;
        }
        LineIndex {
            src: src.to_string(),
            starts,
        }
    }

    /// Byte offset where 0-based line `idx` starts (clamped to the last line).
    pub fn line_start(&self, idx: usize) -> usize {
        self.starts
            .get(idx)
            .copied()
            .unwrap_or_else(|| self.starts.last().copied().unwrap_or(0))
    }

    /// 0-based index of the line containing `offset`.
    pub fn line_index(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// (1-based line, 0-based byte column).
    pub fn line_col(&self, offset: usize) -> (u32, u32) {
        let li = self.line_index(offset);
        ((li + 1) as u32, (offset - self.starts[li]) as u32)
    }

    /// 0-based column of `offset` in characters.
    pub fn char_col(&self, offset: usize) -> u32 {
        let li = self.line_index(offset);
        let start = self.starts[li];
        let end = offset.min(self.src.len());
        self.src
            .get(start..end)
            .map_or((end - start) as u32, |t| t.chars().count() as u32)
    }

    /// The text of the line containing `offset`, without its line break.
    pub fn line_text(&self, offset: usize) -> &str {
        let li = self.line_index(offset);
        let start = self.starts[li];
        let end = self.starts.get(li + 1).copied().unwrap_or(self.src.len());
        self.src
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
    }

    /// 1-based number of the line holding the end of the input, not counting the empty
    /// "line" after a final newline (CPython's "detected at line N").
    pub fn last_line(&self) -> u32 {
        let (l, _) = self.line_col(self.eof_pos());
        l
    }

    /// Where CPython puts the end-of-input token: the end of the last line's content.
    pub fn eof_pos(&self) -> usize {
        let b = self.src.as_bytes();
        let n = b.len();
        if n >= 2 && b[n - 2] == b'\r' && b[n - 1] == b'\n' {
            n - 2
        } else if n >= 1 && (b[n - 1] == b'\n' || b[n - 1] == b'\r') {
            n - 1
        } else {
            n
        }
    }
}
