//! Compile errors.
//!
//! Internally every pass reports a [`CompileError`]: a message and the AST span it is about.
//! The public entry points turn it into a [`SyntaxError`] with the columns converted from
//! the AST's 0-based UTF-8 byte offsets to the 1-based character offsets that
//! `SyntaxError.offset` uses, and with `text` set to the offending source line.

use pyglass_syntax::ast::Loc;
use pyglass_syntax::{SyntaxError, SyntaxErrorKind};

/// An error found while compiling: CPython's message and the span it points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub msg: String,
    pub loc: Loc,
}

impl CompileError {
    pub fn new(msg: impl Into<String>, loc: Loc) -> CompileError {
        CompileError { msg: msg.into(), loc }
    }

    /// Convert to the public error type, filling positions and text from `source`.
    pub fn into_syntax_error(self, source: &str, filename: &str) -> SyntaxError {
        let line_text = source_line(source, self.loc.line);
        let offset = char_offset(line_text, self.loc.col);
        let end_line_text =
            if self.loc.end_line == self.loc.line { line_text } else { source_line(source, self.loc.end_line) };
        let end_offset = if self.loc.end_line == 0 { 0 } else { char_offset(end_line_text, self.loc.end_col) };
        SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: self.msg,
            filename: filename.to_string(),
            lineno: self.loc.line,
            offset: if self.loc.line == 0 { 0 } else { offset },
            end_lineno: self.loc.end_line,
            end_offset,
            text: line_text.map(|s| s.to_string()),
        }
    }
}

pub type CResult<T> = Result<T, CompileError>;

/// Line `lineno` (1-based) of `source` without its line terminator.
fn source_line(source: &str, lineno: u32) -> Option<&str> {
    if lineno == 0 {
        return None;
    }
    let line = source.split('\n').nth(lineno as usize - 1)?;
    Some(line.strip_suffix('\r').unwrap_or(line))
}

/// 1-based character offset of the 0-based byte column `col` in `line` (the byte column
/// itself plus one when there is no line text).
fn char_offset(line: Option<&str>, col: u32) -> u32 {
    match line {
        None => col + 1,
        Some(text) => {
            let col = col as usize;
            if col >= text.len() {
                // Past the end (e.g. an end column at the end of the line).
                return (text.chars().count() + (col - text.len())) as u32 + 1;
            }
            let mut end = col;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            text[..end].chars().count() as u32 + 1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_characters() {
        let src = "x = \"\u{e9}\u{e9}\"; return 1\nnext";
        let e = CompileError::new("m", Loc::new(1, 12, 1, 20)).into_syntax_error(src, "f.py");
        assert_eq!(e.offset, 11);
        assert_eq!(e.end_offset, 19);
        assert_eq!(e.text.as_deref(), Some("x = \"\u{e9}\u{e9}\"; return 1"));
        assert_eq!(e.lineno, 1);
    }
}
