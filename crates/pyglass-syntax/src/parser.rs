//! Glue around the lalrpop-generated parser: parser state (source, line index), the token
//! feed, and nested parses of f-string replacement fields.

use crate::actions::Top;
use crate::ast::{Expr, Loc};
use crate::error::Issue;
use crate::layout::{layout, Mode};
use crate::lines::LineIndex;
use crate::token::{Spanned, Tok};
use std::cell::{Cell, RefCell};

#[allow(clippy::all, unused_parens, unused_imports, dead_code)]
mod python {
    include!(concat!(env!("OUT_DIR"), "/python.rs"));
}

pub type PError = lalrpop_util::ParseError<usize, Tok, Issue>;

/// What grammar actions can see.
pub struct State<'s> {
    pub src: &'s str,
    pub li: &'s LineIndex,
    /// Locations of `async for` / `async with` statements (the AST has no flag for them).
    pub async_stmts: RefCell<Vec<Loc>>,
}

impl<'s> State<'s> {
    pub fn new(src: &'s str, li: &'s LineIndex) -> State<'s> {
        State {
            src,
            li,
            async_stmts: RefCell::new(Vec::new()),
        }
    }

    pub fn loc(&self, l: usize, r: usize) -> Loc {
        let (line, col) = self.li.line_col(l);
        let (end_line, end_col) = self.li.line_col(r);
        Loc {
            line,
            col,
            end_line,
            end_col,
        }
    }

    /// Byte offset of a (line, byte column) position.
    pub fn offset(&self, line: u32, col: u32) -> usize {
        self.li.line_start((line as usize).saturating_sub(1)) + col as usize
    }

    pub fn mark_async(&self, l: usize) {
        let loc = self.loc(l, l);
        self.async_stmts.borrow_mut().push(loc);
    }

    /// Parses the expression of an f-string replacement field, `src[start..end]`.
    pub fn parse_field(&self, start: usize, end: usize, depth_base: u32) -> Result<Expr, Issue> {
        let lay = layout(self.src, self.li, start, end, Mode::Field, depth_base);
        if let Some(e) = lay.strong {
            return Err(e);
        }
        if let Some(e) = lay.soft {
            return Err(e.issue);
        }
        let mut toks = Vec::with_capacity(lay.tokens.len() + 1);
        toks.push((start, Tok::StartExpr, start));
        toks.extend(lay.tokens);
        match run(self, &toks) {
            Ok(Top::Expr(e)) => Ok(e),
            Ok(Top::Module(_)) => Err(Issue::new("invalid syntax", start, end)),
            Err((err, idx)) => Err(crate::diagnose::explain(self, &toks, err, idx, Some(end))),
        }
    }
}

/// Feeds `toks` to the generated parser. On failure also returns the index of the token
/// the parser stopped at (`toks.len()` for end of input).
pub fn run(st: &State, toks: &[Spanned]) -> Result<Top, (PError, usize)> {
    let count = Cell::new(0usize);
    let iter = toks.iter().map(|t| {
        count.set(count.get() + 1);
        Ok::<Spanned, Issue>(t.clone())
    });
    python::TopParser::new().parse(st, iter).map_err(|e| {
        let idx = match &e {
            lalrpop_util::ParseError::UnrecognizedEof { .. } => toks.len(),
            _ => count.get().saturating_sub(1),
        };
        (e, idx)
    })
}
