//! The layout pass: turns the raw logos tokens into the parser's token stream, adding
//! NEWLINE / INDENT / DEDENT, joining lines inside brackets and after `\`, checking
//! bracket balance and indentation (including CPython's tab consistency check), and
//! guarding nesting depth so no later recursive pass can overflow the stack.

use crate::error::{Issue, SyntaxErrorKind};
use crate::lexer::{bad_char_message, LexErr, NumTok, Raw};
use crate::lines::LineIndex;
use crate::token::{Spanned, StrTok, Tok};
use logos::Logos;

/// CPython's tokenizer limit on open brackets.
pub const MAX_BRACKETS: usize = 200;
/// CPython's limit on indentation levels.
pub const MAX_INDENT: usize = 100;
/// Bound on the (conservatively estimated) nesting depth of one expression tree.
pub const MAX_EXPR_DEPTH: u32 = 1000;

/// A layout error that only wins if the parser gets as far as `report_from` (a token
/// index in the returned token vector), like CPython's tokenizer errors that are reported
/// through the parser rather than raised directly.
#[derive(Debug)]
pub struct SoftError {
    pub issue: Issue,
    pub report_from: usize,
    /// For "'(' was never closed": offset of the bracket (see `lib.rs` for the rule).
    pub unclosed: Option<usize>,
}

pub struct Layout {
    pub tokens: Vec<Spanned>,
    /// An error CPython's tokenizer raises directly: reported whatever the parser says.
    pub strong: Option<Issue>,
    pub soft: Option<SoftError>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    File,
    /// The expression of an f-string replacement field: newlines are insignificant.
    Field,
}

struct Lay<'a> {
    src: &'a str,
    li: &'a LineIndex,
    mode: Mode,
    out: Vec<Spanned>,
    indents: Vec<(u32, u32)>,
    parens: Vec<(Tok, usize)>,
    line_has_tokens: bool,
    base: usize,
    soft_from: Option<usize>,
}

fn unterminated_msg(li: &LineIndex, triple: bool, detected_at: usize) -> String {
    let line = if triple {
        li.last_line()
    } else {
        li.line_col(detected_at.min(li.eof_pos())).0
    };
    if triple {
        format!("unterminated triple-quoted string literal (detected at line {line})")
    } else {
        format!("unterminated string literal (detected at line {line})")
    }
}

/// Converts a lexer error at base offset `base` into an issue.
pub fn lex_issue(li: &LineIndex, src: &str, e: LexErr, base: usize, at: usize) -> Issue {
    match e {
        LexErr::Unrecognized => {
            let c = src[at..].chars().next().unwrap_or(' ');
            if c == '\0' {
                Issue::new("source code cannot contain null bytes", at, at)
            } else {
                Issue::new(bad_char_message(c), at, at)
            }
        }
        LexErr::Unterminated {
            start,
            triple,
            detected_at,
        } => {
            let msg = unterminated_msg(li, triple, base + detected_at);
            Issue::new(msg, base + start, base + start)
        }
        LexErr::Msg { msg, start, end } => Issue {
            kind: SyntaxErrorKind::SyntaxError,
            msg,
            start: base + start,
            end: end.map(|e| base + e),
            widen: false,
            zero_cols: false,
        },
    }
}

/// Runs the layout pass over `src[start..end]` of the full source `src`.
pub fn layout(
    src: &str,
    li: &LineIndex,
    start: usize,
    end: usize,
    mode: Mode,
    depth_base: u32,
) -> Layout {
    let mut lay = Lay {
        src,
        li,
        mode,
        out: Vec::new(),
        indents: vec![(0, 0)],
        parens: Vec::new(),
        line_has_tokens: false,
        base: start,
        soft_from: None,
    };
    let text = &src[start..end];
    let raw: Vec<(Result<Raw, LexErr>, usize, usize)> = Raw::lexer(text)
        .spanned()
        .map(|(r, sp)| (r, sp.start + start, sp.end + start))
        .collect();
    let (strong, soft) = match lay.run(&raw, end) {
        Ok(()) => (None, None),
        Err((issue, true)) => (Some(issue), None),
        Err((issue, false)) => {
            let n = lay.soft_from.unwrap_or(lay.out.len());
            let unclosed = lay.soft_from.map(|_| issue.start);
            (
                None,
                Some(SoftError {
                    issue,
                    report_from: n,
                    unclosed,
                }),
            )
        }
    };
    let mut result = Layout {
        tokens: lay.out,
        strong,
        soft,
    };
    if result.strong.is_none() {
        if let Err(issue) = post_pass(&mut result.tokens, mode, depth_base) {
            result.strong = Some(issue);
        }
    }
    result
}

type LayErr = (Issue, bool);

impl<'a> Lay<'a> {
    fn push(&mut self, start: usize, tok: Tok, end: usize) {
        self.out.push((start, tok, end));
    }

    fn run(
        &mut self,
        raw: &[(Result<Raw, LexErr>, usize, usize)],
        end: usize,
    ) -> Result<(), LayErr> {
        let mut i = 0;
        let mut at_bol = self.mode == Mode::File;
        while i < raw.len() {
            if at_bol && self.parens.is_empty() {
                let line_start = raw[i].1;
                let (mut col, mut alt) = (0u32, 0u32);
                let mut j = i;
                if let (Ok(Raw::Ws), s, e) = &raw[j] {
                    for b in self.src[*s..*e].bytes() {
                        match b {
                            b' ' => {
                                col += 1;
                                alt += 1;
                            }
                            b'\t' => {
                                col = (col / 8 + 1) * 8;
                                alt += 1;
                            }
                            _ => {
                                col = 0;
                                alt = 0;
                            }
                        }
                    }
                    j += 1;
                }
                match raw.get(j) {
                    None => break,
                    Some((Ok(Raw::Newline), _, _)) => {
                        i = j + 1;
                        continue;
                    }
                    Some((Ok(Raw::Comment), _, _)) => {
                        i = j + 1;
                        if matches!(raw.get(i), Some((Ok(Raw::Newline), _, _))) {
                            i += 1;
                        }
                        continue;
                    }
                    Some((_, tstart, _)) => {
                        self.indent(col, alt, line_start, *tstart)?;
                        at_bol = false;
                        i = j;
                    }
                }
            }
            let (r, s, e) = &raw[i];
            let (s, e) = (*s, *e);
            i += 1;
            let r = match r {
                Ok(r) => r,
                Err(LexErr::Unrecognized) => {
                    let c = self.src[s..].chars().next().unwrap_or(' ');
                    if c == '\0' || !crate::lexer::is_printable(c) || !c.is_ascii() {
                        return Err((
                            lex_issue(self.li, self.src, LexErr::Unrecognized, 0, s),
                            true,
                        ));
                    }
                    self.push(s, Tok::Invalid, e);
                    self.line_has_tokens = true;
                    continue;
                }
                Err(err) => {
                    return Err((
                        lex_issue(self.li, self.src, err.clone(), self.base, s),
                        true,
                    ))
                }
            };
            match r {
                Raw::Ws | Raw::Comment => {}
                Raw::Newline => {
                    if self.parens.is_empty() && self.mode == Mode::File {
                        if self.line_has_tokens {
                            let _ = e;
                            self.push(s, Tok::Newline, s);
                            self.line_has_tokens = false;
                        }
                        at_bol = true;
                    }
                }
                Raw::Continuation => {
                    let rest_blank = raw[i..].iter().all(|(r, _, _)| matches!(r, Ok(Raw::Ws)));
                    if rest_blank && self.mode == Mode::File {
                        return Err((
                            Issue::open(
                                SyntaxErrorKind::SyntaxError,
                                "unexpected EOF while parsing",
                                s + 1,
                            ),
                            false,
                        ));
                    }
                }
                Raw::Backslash => {
                    if e >= end {
                        return Err((
                            Issue::open(
                                SyntaxErrorKind::SyntaxError,
                                "unexpected EOF while parsing",
                                e,
                            ),
                            false,
                        ));
                    }
                    return Err((
                        Issue::open(
                            SyntaxErrorKind::SyntaxError,
                            "unexpected character after line continuation character",
                            e,
                        ),
                        false,
                    ));
                }
                Raw::Name => {
                    let text = &self.src[s..e];
                    let tok =
                        Tok::keyword(text).unwrap_or_else(|| Tok::Name(normalize_ident(text)));
                    self.push(s, tok, e);
                }
                Raw::Number(n) => {
                    let tok = match n {
                        NumTok::Int(v) => Tok::Int(v.clone()),
                        NumTok::Float(f) => Tok::Float(*f),
                        NumTok::Imag(f) => Tok::Imag(*f),
                    };
                    self.push(s, tok, e);
                }
                Raw::Str(info) => {
                    let st = StrTok {
                        start: s,
                        end: e,
                        prefix_len: info.prefix_len,
                        quote_len: info.quote_len,
                        raw: info.raw,
                        bytes: info.bytes,
                        fstring: info.fstring,
                        depth_base: 0,
                    };
                    self.push(s, Tok::Str(st), e);
                }
                Raw::Op(tok) => {
                    if tok.is_open_bracket() {
                        if self.parens.len() >= MAX_BRACKETS {
                            return Err((Issue::new("too many nested parentheses", s, s), true));
                        }
                        self.parens.push((tok.clone(), s));
                    } else if tok.is_close_bracket() {
                        let close = bracket_char(tok);
                        match self.parens.pop() {
                            None => {
                                if self.mode == Mode::Field {
                                    return Err((
                                        Issue::new(
                                            "f-string: unmatched ')'"
                                                .replace(')', &close.to_string()),
                                            s,
                                            s,
                                        ),
                                        true,
                                    ));
                                }
                                return Err((
                                    Issue::new(format!("unmatched '{close}'"), s, s),
                                    true,
                                ));
                            }
                            Some((open, at)) => {
                                let open_c = bracket_char(&open);
                                if matching(open_c) != close {
                                    let (ol, _) = self.li.line_col(at);
                                    let (cl, _) = self.li.line_col(s);
                                    let msg = if ol != cl {
                                        format!("closing parenthesis '{close}' does not match opening parenthesis '{open_c}' on line {ol}")
                                    } else {
                                        format!("closing parenthesis '{close}' does not match opening parenthesis '{open_c}'")
                                    };
                                    return Err((Issue::new(msg, s, s), true));
                                }
                            }
                        }
                    }
                    self.push(s, tok.clone(), e);
                }
            }
            if !matches!(r, Raw::Ws | Raw::Comment | Raw::Newline | Raw::Continuation) {
                self.line_has_tokens = true;
            }
        }
        // end of input
        if self.mode == Mode::File {
            if let Some((open, at)) = self.parens.last() {
                let c = bracket_char(open);
                let issue = Issue::open(
                    SyntaxErrorKind::SyntaxError,
                    format!("'{c}' was never closed"),
                    *at,
                );
                self.soft_from = Some(self.out.len().saturating_sub(1));
                return Err((issue, false));
            }
            let eof = self.li.eof_pos();
            if self.line_has_tokens {
                self.push(end, Tok::Newline, end);
            }
            while self.indents.len() > 1 {
                self.indents.pop();
                self.push(eof, Tok::Dedent, eof);
            }
        }
        Ok(())
    }

    fn indent(
        &mut self,
        col: u32,
        alt: u32,
        line_start: usize,
        tok_start: usize,
    ) -> Result<(), LayErr> {
        let Some(&(top, top_alt)) = self.indents.last() else {
            return Ok(());
        };
        let tab_error = || {
            (
                Issue::open(
                    SyntaxErrorKind::TabError,
                    "inconsistent use of tabs and spaces in indentation",
                    line_start,
                ),
                false,
            )
        };
        if col == top {
            if alt != top_alt {
                return Err(tab_error());
            }
        } else if col > top {
            if alt <= top_alt {
                return Err(tab_error());
            }
            if self.indents.len() >= MAX_INDENT {
                return Err((
                    Issue::open(
                        SyntaxErrorKind::IndentationError,
                        "too many levels of indentation",
                        tok_start,
                    ),
                    false,
                ));
            }
            self.indents.push((col, alt));
            self.push(tok_start, Tok::Indent, tok_start);
        } else {
            while self.indents.len() > 1 && self.indents.last().is_some_and(|&(c, _)| col < c) {
                self.indents.pop();
                self.push(tok_start, Tok::Dedent, tok_start);
            }
            let &(top, top_alt) = self.indents.last().unwrap_or(&(0, 0));
            if col != top {
                let eol = line_start + self.li.line_text(line_start).len();
                return Err((
                    Issue::open(
                        SyntaxErrorKind::IndentationError,
                        "unindent does not match any outer indentation level",
                        eol,
                    ),
                    false,
                ));
            }
            if alt != top_alt {
                return Err(tab_error());
            }
        }
        Ok(())
    }
}

fn bracket_char(t: &Tok) -> char {
    match t {
        Tok::LPar | Tok::WithLPar => '(',
        Tok::RPar => ')',
        Tok::LSqb => '[',
        Tok::RSqb => ']',
        Tok::LBrace => '{',
        _ => '}',
    }
}

fn matching(open: char) -> char {
    match open {
        '(' => ')',
        '[' => ']',
        _ => '}',
    }
}

/// Tokens that make an expression tree one level deeper (conservatively).
fn deepens(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Plus
            | Tok::Minus
            | Tok::Star
            | Tok::Slash
            | Tok::VBar
            | Tok::Amper
            | Tok::Less
            | Tok::Greater
            | Tok::Dot
            | Tok::Percent
            | Tok::EqEqual
            | Tok::NotEqual
            | Tok::LessEqual
            | Tok::GreaterEqual
            | Tok::Tilde
            | Tok::Circumflex
            | Tok::LeftShift
            | Tok::RightShift
            | Tok::DoubleStar
            | Tok::DoubleSlash
            | Tok::At
            | Tok::ColonEqual
            | Tok::Not
            | Tok::And
            | Tok::Or
            | Tok::If
            | Tok::Else
            | Tok::Await
            | Tok::Yield
            | Tok::In
            | Tok::Is
    )
}

/// Statement-level rewrites and checks over the finished token stream:
/// - `match ...:` / `type X = ...` are rejected with a clear message (unsupported);
/// - the `(` of a parenthesized with-item list becomes [`Tok::WithLPar`];
/// - the expression nesting depth is bounded (and recorded on string tokens, so that
///   f-string fields continue counting from there).
fn post_pass(toks: &mut [Spanned], mode: Mode, depth_base: u32) -> Result<(), Issue> {
    // line-level checks
    let mut line_start = 0;
    for i in 0..toks.len() {
        if matches!(toks[i].1, Tok::Newline) {
            check_line(toks, line_start, i)?;
            line_start = i + 1;
        }
    }
    // with-item parentheses
    for i in 0..toks.len() {
        if toks[i].1 == Tok::With && toks.get(i + 1).is_some_and(|t| t.1 == Tok::LPar) {
            if let Some(close) = matching_close(toks, i + 1) {
                let inner = &toks[i + 2..close];
                let colon_follows = toks.get(close + 1).is_some_and(|t| t.1 == Tok::Colon);
                let mut depth = 0i32;
                let mut plain = !inner.is_empty() && inner[0].1 != Tok::Yield;
                for t in inner {
                    if t.1.is_open_bracket() {
                        depth += 1;
                    } else if t.1.is_close_bracket() {
                        depth -= 1;
                    } else if depth == 0 && matches!(t.1, Tok::For | Tok::Async) {
                        plain = false;
                    }
                }
                if colon_follows && plain {
                    toks[i + 1].1 = Tok::WithLPar;
                }
            }
        }
    }
    // depth guard
    let mut levels: Vec<(u32, u32)> = vec![(0, 0)];
    let mut sum: u32 = 0;
    for t in toks.iter_mut() {
        let depth = depth_base + sum + levels.len() as u32;
        match &mut t.1 {
            Tok::Newline | Tok::Semi => {
                levels.truncate(1);
                levels[0] = (0, 0);
                sum = 0;
            }
            Tok::Str(s) => s.depth_base = depth,
            tok if tok.is_open_bracket() => {
                if let Some(top) = levels.last_mut() {
                    top.0 += 1;
                }
                sum += 1;
                levels.push((0, 0));
            }
            // the bracketed group itself keeps counting one level in its segment
            tok if tok.is_close_bracket() && levels.len() > 1 => {
                if let Some((c, _)) = levels.pop() {
                    sum -= c;
                }
            }
            Tok::Comma => {
                if let Some(top) = levels.last_mut() {
                    if top.1 == 0 {
                        sum -= top.0;
                        top.0 = 0;
                    }
                }
            }
            Tok::Lambda => {
                if let Some(top) = levels.last_mut() {
                    top.0 += 1;
                    top.1 += 1;
                }
                sum += 1;
            }
            Tok::Colon => {
                if let Some(top) = levels.last_mut() {
                    if top.1 > 0 {
                        top.1 -= 1;
                    }
                }
            }
            tok if deepens(tok) => {
                if let Some(top) = levels.last_mut() {
                    top.0 += 1;
                }
                sum += 1;
            }
            _ => {}
        }
        if depth_base + sum + levels.len() as u32 > MAX_EXPR_DEPTH {
            return Err(Issue::new(
                "expression too deeply nested (pyglass nesting limit exceeded)",
                t.0,
                t.2,
            ));
        }
    }
    let _ = mode;
    Ok(())
}

fn matching_close(toks: &[Spanned], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (k, t) in toks.iter().enumerate().skip(open) {
        if t.1.is_open_bracket() {
            depth += 1;
        } else if t.1.is_close_bracket() {
            depth -= 1;
            if depth == 0 {
                return Some(k);
            }
        }
    }
    None
}

/// Rejects the soft-keyword statements pyglass does not support.
fn check_line(toks: &[Spanned], start: usize, newline: usize) -> Result<(), Issue> {
    let mut f = start;
    while f < newline && matches!(toks[f].1, Tok::Indent | Tok::Dedent) {
        f += 1;
    }
    let line = &toks[f..newline];
    if let Some((s, Tok::Name(n), e)) = line.first() {
        if n == "match" && line.len() >= 3 && line.last().is_some_and(|t| t.1 == Tok::Colon) {
            return Err(Issue::new(
                "the 'match' statement is not supported by pyglass",
                *s,
                *e,
            ));
        }
        if n == "type"
            && matches!(line.get(1), Some((_, Tok::Name(_), _)))
            && matches!(line.get(2), Some((_, Tok::Equal | Tok::LSqb, _)))
        {
            return Err(Issue::new(
                "the 'type' statement is not supported by pyglass",
                *s,
                *e,
            ));
        }
    }
    Ok(())
}

/// CPython NFKC-normalizes identifiers; without Unicode tables this covers the common
/// case of fullwidth ASCII letters and digits.
fn normalize_ident(text: &str) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    text.chars()
        .map(|c| match c as u32 {
            0xFF10..=0xFF19 | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A | 0xFF3F => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            _ => c,
        })
        .collect()
}
