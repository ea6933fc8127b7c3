//! Syntax errors, carrying what CPython's `SyntaxError` carries.

/// Which exception class the error is raised as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl SyntaxErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
        }
    }
}

/// A syntax error: message and position as CPython reports them.
/// `lineno` is 1-based; `offset`/`end_offset` are 1-based *character* columns as in
/// `SyntaxError.offset` (0 when unknown). `text` is the offending source line without its
/// newline (None when there is none, e.g. at end of file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub filename: String,
    pub lineno: u32,
    pub offset: u32,
    pub end_lineno: u32,
    pub end_offset: u32,
    pub text: Option<String>,
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} ({}, line {})", self.kind.name(), self.msg, self.filename, self.lineno)
    }
}

impl std::error::Error for SyntaxError {}

/// An error inside the crate, positioned by byte offsets; turned into a [`SyntaxError`]
/// once at the end (see [`Issue::into_error`]).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Issue {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    /// Byte offset of the reported position.
    pub start: usize,
    /// Byte offset of the end (exclusive); `None` gives `end_offset == 0`.
    pub end: Option<usize>,
    /// For zero-width spans that CPython reports one character wide (a NEWLINE at EOF).
    pub widen: bool,
    /// Report offset 0 / end_offset 0 (CPython's position for a DEDENT token).
    pub zero_cols: bool,
}

impl Issue {
    pub fn new(msg: impl Into<String>, start: usize, end: usize) -> Issue {
        Issue {
            kind: SyntaxErrorKind::SyntaxError,
            msg: msg.into(),
            start,
            end: Some(end),
            widen: false,
            zero_cols: false,
        }
    }
    pub fn open(kind: SyntaxErrorKind, msg: impl Into<String>, start: usize) -> Issue {
        Issue {
            kind,
            msg: msg.into(),
            start,
            end: None,
            widen: false,
            zero_cols: false,
        }
    }
    pub fn widened(mut self) -> Issue {
        self.widen = true;
        self
    }

    pub fn into_error(self, li: &crate::lines::LineIndex, filename: &str) -> SyntaxError {
        let (lineno, _) = li.line_col(self.start);
        let offset = li.char_col(self.start) + 1;
        let (end_lineno, end_offset) = match self.end {
            Some(e) => {
                let (el, _) = li.line_col(e);
                let mut eo = li.char_col(e) + 1;
                if self.widen && e == self.start {
                    eo += 1;
                }
                (el, eo)
            }
            None => (lineno, 0),
        };
        let (offset, end_offset) = if self.zero_cols {
            (0, 0)
        } else {
            (offset, end_offset)
        };
        SyntaxError {
            kind: self.kind,
            msg: self.msg,
            filename: filename.to_string(),
            lineno,
            offset,
            end_lineno,
            end_offset,
            text: Some(li.line_text(self.start).to_string()),
        }
    }
}
