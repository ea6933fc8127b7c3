//! pyglass-syntax: source text to AST.
//!
//! Pipeline:
//! 1. [`lexer`] (logos) splits the text into raw tokens; hand-written scanners handle
//!    numbers and string literals (including the structure of f-strings, so the end of an
//!    f-string with nested quotes is found correctly).
//! 2. [`layout`] turns raw tokens into the parser's tokens: NEWLINE / INDENT / DEDENT,
//!    implicit line joining inside brackets, `\` continuations, bracket and indentation
//!    checks, and a bound on expression nesting depth (so no recursive pass over the AST,
//!    including `Drop`, can overflow the stack).
//! 3. The lalrpop LR(1) parser (grammar in `grammar/python.lalrpop`, glue in [`parser`])
//!    builds the [`ast::Module`]; the actions live in [`actions`] and string literals are
//!    decoded in [`fstring`] / [`literal`] (f-string fields re-enter the parser on the source
//!    substring, so their nodes carry real source positions).
//! 4. On failure, [`diagnose`] turns the parser's error into CPython's message.
//!
//! Entry points: [`parse_module`], [`is_incomplete_input`]; [`dump`] renders an AST like
//! CPython's `ast.dump`.

pub mod ast;
pub mod error;

mod actions;
mod diagnose;
pub mod dump;
mod fstring;
mod layout;
mod lexer;
mod lines;
mod literal;
mod parser;
mod token;

pub use dump::{dump, dump_locations};
pub use error::{SyntaxError, SyntaxErrorKind};

use actions::Top;
use ast::{Module, Stmt, StmtKind};
use error::Issue;
use lines::LineIndex;
use token::Tok;

/// Parses a whole module (file or interactive input).
pub fn parse_module(source: &str, filename: &str) -> Result<Module, SyntaxError> {
    let li = LineIndex::new(source);
    parse_inner(source, &li).map_err(|i| i.into_error(&li, filename))
}

fn parse_inner(source: &str, li: &LineIndex) -> Result<Module, Issue> {
    let lay = layout::layout(source, li, 0, source.len(), layout::Mode::File, 0);
    if let Some(e) = lay.strong {
        return Err(e);
    }
    let st = parser::State::new(source, li);
    let mut toks = Vec::with_capacity(lay.tokens.len() + 1);
    toks.push((0, Tok::StartFile, 0));
    toks.extend(lay.tokens);
    match parser::run(&st, &toks) {
        Ok(Top::Module(body)) => {
            if let Some(soft) = lay.soft {
                return Err(soft.issue);
            }
            check_async(&st, &body, false)?;
            Ok(Module { body })
        }
        Ok(Top::Expr(_)) => Err(Issue::new("invalid syntax", 0, 0)),
        Err((err, idx)) => {
            let issue = diagnose::explain(&st, &toks, err, idx, None);
            if let Some(soft) = lay.soft {
                if let Some(at) = soft.unclosed {
                    // CPython reports the unclosed bracket when its parser reached the end of
                    // the input: a failure after the bracket that spans a newline, or a
                    // "forgot a comma" on the very last token.
                    let fail_at = toks.get(idx).map_or(usize::MAX, |t| t.0);
                    let spans_newline = source[at..].contains(['\n', '\r']);
                    let comma_at_end =
                        idx + 1 >= toks.len() && issue.msg.contains("forgot a comma");
                    if fail_at > at && (spans_newline || comma_at_end || idx >= toks.len()) {
                        return Err(soft.issue);
                    }
                } else if idx > soft.report_from {
                    // +1: the synthetic START_FILE token
                    return Err(soft.issue);
                }
            }
            Err(issue)
        }
    }
}

/// `async for` / `async with` outside an `async def` (CPython reports these when compiling;
/// the AST has no flag for them, so they are checked here).
fn check_async(st: &parser::State, body: &[Stmt], in_async: bool) -> Result<(), Issue> {
    if st.async_stmts.borrow().is_empty() {
        return Ok(());
    }
    for s in body {
        let marked = || {
            st.async_stmts
                .borrow()
                .iter()
                .any(|l| l.line == s.loc.line && l.col == s.loc.col)
        };
        match &s.kind {
            StmtKind::FunctionDef(f) => check_async(st, &f.body, f.is_async)?,
            StmtKind::ClassDef(c) => check_async(st, &c.body, false)?,
            StmtKind::For { body, orelse, .. } => {
                if !in_async && marked() {
                    return Err(Issue::new(
                        "'async for' outside async function",
                        st.offset(s.loc.line, s.loc.col),
                        st.offset(s.loc.end_line, s.loc.end_col),
                    ));
                }
                check_async(st, body, in_async)?;
                check_async(st, orelse, in_async)?;
            }
            StmtKind::With { body, .. } => {
                if !in_async && marked() {
                    return Err(Issue::new(
                        "'async with' outside async function",
                        st.offset(s.loc.line, s.loc.col),
                        st.offset(s.loc.end_line, s.loc.end_col),
                    ));
                }
                check_async(st, body, in_async)?;
            }
            StmtKind::While { body, orelse, .. } | StmtKind::If { body, orelse, .. } => {
                check_async(st, body, in_async)?;
                check_async(st, orelse, in_async)?;
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                check_async(st, body, in_async)?;
                for h in handlers {
                    check_async(st, &h.body, in_async)?;
                }
                check_async(st, orelse, in_async)?;
                check_async(st, finalbody, in_async)?;
            }
            _ => {}
        }
    }
    Ok(())
}

/// For the REPL: true when `source` (interactive input so far) could still become valid by
/// adding lines: it ends inside an open bracket, a triple-quoted string, after a `\`, or
/// inside a compound statement whose block has not yet been closed by an empty line.
pub fn is_incomplete_input(source: &str) -> bool {
    let li = LineIndex::new(source);
    match parse_inner(source, &li) {
        Ok(m) => {
            let body = source
                .strip_suffix("\r\n")
                .or_else(|| source.strip_suffix('\n'))
                .unwrap_or(source);
            let last_line_blank = body.rsplit('\n').next().unwrap_or("").trim().is_empty();
            let compound = m.body.last().is_some_and(|s| {
                matches!(
                    s.kind,
                    StmtKind::If { .. }
                        | StmtKind::For { .. }
                        | StmtKind::While { .. }
                        | StmtKind::With { .. }
                        | StmtKind::Try { .. }
                        | StmtKind::FunctionDef(_)
                        | StmtKind::ClassDef(_)
                )
            });
            compound && !last_line_blank
        }
        Err(e) => {
            let at_eof = e.start >= li.eof_pos();
            e.msg
                .starts_with("unterminated triple-quoted string literal")
                || e.msg.ends_with("was never closed")
                || e.msg == "unexpected EOF while parsing"
                || ((e.msg.starts_with("expected an indented block")
                    || e.msg == "expected 'except' or 'finally' block")
                    && at_eof)
                || (at_eof
                    && e.msg == "invalid syntax"
                    && source
                        .lines()
                        .rev()
                        .find(|l| !l.trim().is_empty())
                        .is_some_and(|l| l.trim_start().starts_with('@')))
        }
    }
}
