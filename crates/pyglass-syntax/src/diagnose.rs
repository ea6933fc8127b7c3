//! Turning a parser failure into CPython's error message. CPython's PEG parser has
//! dedicated "invalid_*" rules; here the same messages are derived from the failing token,
//! the tokens around it and the parser's expected-token set.

use crate::error::{Issue, SyntaxErrorKind};
use crate::parser::{PError, State};
use crate::token::{Spanned, Tok};
use lalrpop_util::ParseError;

/// `field_end`: for f-string field parses, the end of the expression text.
pub fn explain(
    st: &State,
    toks: &[Spanned],
    err: PError,
    idx: usize,
    field_end: Option<usize>,
) -> Issue {
    let expected = match err {
        ParseError::User { error } => return error,
        ParseError::InvalidToken { location } => {
            return Issue::new("invalid syntax", location, location + 1)
        }
        ParseError::ExtraToken { token } => return Issue::new("invalid syntax", token.0, token.2),
        ParseError::UnrecognizedEof { expected, .. } => expected,
        ParseError::UnrecognizedToken { expected, .. } => expected,
    };
    let has = |s: &str| expected.iter().any(|e| e == s);
    let eof = field_end.unwrap_or_else(|| st.li.eof_pos());
    let tok = toks.get(idx);

    if let Some(end) = field_end {
        if tok.is_none() {
            return Issue::new(
                "f-string: expecting '=', or '!', or ':', or '}'",
                end,
                end + 1,
            );
        }
    }
    // unexpected indent
    if let Some((s, Tok::Indent, _)) = tok {
        let first = toks.get(idx + 1).map_or(*s, |t| t.0);
        return Issue::open(
            SyntaxErrorKind::IndentationError,
            "unexpected indent",
            first.saturating_sub(1),
        );
    }
    // expected an indented block
    if has("INDENT")
        && !matches!(tok, Some((_, Tok::Indent, _)))
        && idx >= 2
        && toks[idx - 1].1 == Tok::Newline
    {
        if let Some((what, line)) = block_header(st, toks, idx - 1) {
            let msg = format!("expected an indented block after {what} on line {line}");
            let real = toks[idx..]
                .iter()
                .find(|t| !matches!(t.1, Tok::Dedent | Tok::Newline));
            let mut issue = match real {
                Some((s, _, e)) => Issue::new(msg, *s, *e),
                None => Issue::open(SyntaxErrorKind::IndentationError, msg, eof),
            };
            issue.kind = SyntaxErrorKind::IndentationError;
            if real.is_some() && matches!(tok, Some((_, Tok::Dedent, _))) {
                issue.zero_cols = true;
                issue.end = Some(issue.start);
            }
            return issue;
        }
    }
    // try without except/finally
    if has("\"except\"") && has("\"finally\"") {
        let msg = "expected 'except' or 'finally' block";
        let real = toks[idx.min(toks.len())..]
            .iter()
            .find(|t| !matches!(t.1, Tok::Dedent | Tok::Newline));
        return match real {
            Some((s, _, e)) => Issue::new(msg, *s, *e),
            None => Issue::open(SyntaxErrorKind::SyntaxError, msg, eof),
        };
    }
    let (start, end) = match tok {
        Some((s, _, e)) => (*s, *e),
        None => (eof, eof),
    };
    let generic = || Issue::new("invalid syntax", start, end).widened();
    let line_first = logical_line_start(toks, idx);
    let first_tok = toks.get(line_first).map(|t| &t.1);
    let compound_kw = matches!(
        first_tok,
        Some(
            Tok::If
                | Tok::Elif
                | Tok::Else
                | Tok::While
                | Tok::For
                | Tok::With
                | Tok::Def
                | Tok::Class
                | Tok::Try
                | Tok::Except
                | Tok::Finally
                | Tok::Async
        )
    );
    // if x = 1:
    if matches!(tok, Some((_, Tok::Equal, _)))
        && matches!(first_tok, Some(Tok::If | Tok::Elif | Tok::While))
        && has("\":\"")
        && idx == line_first + 2
        && matches!(toks.get(line_first + 1).map(|t| &t.1), Some(Tok::Name(_)))
    {
        let rhs_end = expr_end(toks, idx + 1);
        return Issue::new(
            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            toks[line_first + 1].0,
            rhs_end,
        );
    }
    // `(y = 1)`, `[x = 1]`: an assignment where an expression is required
    // (CPython's invalid_named_expression).
    if matches!(tok, Some((_, Tok::Equal, _)))
        && idx >= 2
        && matches!(toks[idx - 1].1, Tok::Name(_))
        && matches!(toks[idx - 2].1, Tok::LPar | Tok::LSqb | Tok::LBrace | Tok::Comma)
        && bracket_depth(toks, idx) > 0
        && !matches!(toks.get(idx + 1).map(|t| &t.1), Some(Tok::Equal))
    {
        let rhs_end = expr_end(toks, idx + 1);
        return Issue::new(
            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            toks[idx - 1].0,
            rhs_end,
        );
    }
    // `import` with nothing after it
    if matches!(tok, Some((_, Tok::Newline, _))) && idx > 0 && toks[idx - 1].1 == Tok::Import {
        return Issue::new("Expected one or more names after 'import'", start, start);
    }
    // `f(*)`
    if idx > 0
        && toks[idx - 1].1 == Tok::Star
        && !tok.is_some_and(|t| t.1.starts_expr())
        && bracket_depth(toks, idx) > 0
    {
        return Issue::new("Invalid star expression", start, end).widened();
    }
    // `{1: 2, 3}`
    if matches!(tok, Some((_, Tok::RBrace | Tok::Comma, _))) && has("\":\"") {
        if let Some(ob) = innermost_open(toks, idx) {
            if toks[ob].1 == Tok::LBrace {
                let a = expr_start(toks, idx);
                return Issue::open(
                    SyntaxErrorKind::SyntaxError,
                    "':' expected after dictionary key",
                    toks[a].0,
                );
            }
        }
    }
    // missing colon
    if matches!(tok, Some((_, Tok::Newline, _))) && has("\":\"") && compound_kw {
        return Issue::new("expected ':'", start, end).widened();
    }
    // `a if b` without else
    if has("\"else\"") && !matches!(tok, Some((_, Tok::Else, _))) {
        if let Some(if_at) = find_back(toks, idx, |t| *t == Tok::If) {
            let body_start = expr_start(toks, if_at);
            let prev_end = toks[idx - 1].2;
            return Issue::new(
                "expected 'else' after 'if' expression",
                toks[body_start].0,
                prev_end,
            );
        }
    }
    if let Some((_, t, _)) = tok {
        let prev = idx.checked_sub(1).and_then(|p| toks.get(p));
        // print "x"
        if let Some((ps, Tok::Name(n), _)) = prev {
            if (n == "print" || n == "exec")
                && idx - 1 == line_first
                && t.starts_expr()
                && *t != Tok::LPar
            {
                let e = stmt_end(toks, idx);
                return Issue::new(
                    format!("Missing parentheses in call to '{n}'. Did you mean {n}(...)?"),
                    *ps,
                    e,
                );
            }
        }
        // [a b]
        if let Some(issue) = forgot_comma(toks, idx, field_end.is_some()) {
            return issue;
        }
    }
    generic()
}

/// Index of the first token of the logical line containing token `idx`.
fn logical_line_start(toks: &[Spanned], idx: usize) -> usize {
    let mut k = idx.min(toks.len());
    while k > 0 {
        if matches!(
            toks[k - 1].1,
            Tok::Newline | Tok::Indent | Tok::Dedent | Tok::StartFile | Tok::StartExpr
        ) {
            break;
        }
        k -= 1;
    }
    k
}

/// Describes the block header ending with the NEWLINE at `nl` ("'if' statement", line).
fn block_header(st: &State, toks: &[Spanned], nl: usize) -> Option<(String, u32)> {
    let first = logical_line_start(toks, nl);
    let mut k = first;
    if toks.get(k).map(|t| &t.1) == Some(&Tok::Async) {
        k += 1;
    }
    let t = toks.get(k)?;
    let what = match &t.1 {
        Tok::If => "'if' statement",
        Tok::Elif => "'elif' statement",
        Tok::Else => "'else' statement",
        Tok::While => "'while' statement",
        Tok::For => "'for' statement",
        Tok::With => "'with' statement",
        Tok::Try => "'try' statement",
        Tok::Except => {
            if toks.get(k + 1).map(|t| &t.1) == Some(&Tok::Star) {
                "'except*' statement"
            } else {
                "'except' statement"
            }
        }
        Tok::Finally => "'finally' statement",
        Tok::Def => "function definition",
        Tok::Class => "class definition",
        _ => return None,
    };
    let (line, _) = st.li.line_col(toks[first].0);
    Some((what.to_string(), line))
}

/// Bracket depth just before token `idx`.
fn bracket_depth(toks: &[Spanned], idx: usize) -> i32 {
    let start = logical_line_start(toks, idx);
    let mut d = 0;
    for t in &toks[start..idx] {
        if t.1.is_open_bracket() {
            d += 1;
        } else if t.1.is_close_bracket() {
            d -= 1;
        }
    }
    d
}

/// Tokens that can appear inside a disjunction (an operand of "forgot a comma").
fn interior(t: &Tok) -> bool {
    t.starts_expr()
        || t.ends_expr()
        || matches!(
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
                | Tok::Circumflex
                | Tok::LeftShift
                | Tok::RightShift
                | Tok::DoubleStar
                | Tok::DoubleSlash
                | Tok::At
                | Tok::Not
                | Tok::And
                | Tok::Or
                | Tok::Is
                | Tok::In
        )
}

/// Start index of the expression ending just before `idx` (scanning back over balanced
/// brackets and operators).
fn expr_start(toks: &[Spanned], idx: usize) -> usize {
    let mut k = idx;
    let mut depth = 0i32;
    while k > 0 {
        let t = &toks[k - 1].1;
        if t.is_close_bracket() {
            depth += 1;
        } else if t.is_open_bracket() {
            if depth == 0 {
                break;
            }
            depth -= 1;
        } else if depth == 0 && !interior(t) {
            break;
        }
        k -= 1;
    }
    k
}

/// End offset of the expression starting at `idx`.
fn expr_end(toks: &[Spanned], idx: usize) -> usize {
    let mut depth = 0i32;
    let mut end = toks.get(idx).map_or(0, |t| t.2);
    for t in &toks[idx.min(toks.len())..] {
        if t.1.is_open_bracket() {
            depth += 1;
        } else if t.1.is_close_bracket() {
            if depth == 0 {
                break;
            }
            depth -= 1;
        } else if depth == 0 && !(interior(&t.1) || matches!(t.1, Tok::If | Tok::Else)) {
            break;
        }
        end = t.2;
    }
    end
}

/// End offset of the simple statement containing token `idx`.
fn stmt_end(toks: &[Spanned], idx: usize) -> usize {
    let mut depth = 0i32;
    let mut end = toks.get(idx).map_or(0, |t| t.2);
    for t in &toks[idx..] {
        if t.1.is_open_bracket() {
            depth += 1;
        } else if t.1.is_close_bracket() {
            depth -= 1;
        } else if depth == 0 && matches!(t.1, Tok::Newline | Tok::Semi | Tok::Equal) {
            break;
        }
        end = t.2;
    }
    end
}

/// Finds, on the same logical line and bracket level, the last token before `idx`
/// satisfying `pred`.
fn find_back(toks: &[Spanned], idx: usize, pred: impl Fn(&Tok) -> bool) -> Option<usize> {
    let start = logical_line_start(toks, idx);
    let mut depth = 0i32;
    let mut k = idx;
    while k > start {
        k -= 1;
        let t = &toks[k].1;
        if t.is_close_bracket() {
            depth += 1;
        } else if t.is_open_bracket() {
            if depth == 0 {
                return None;
            }
            depth -= 1;
        } else if depth == 0 && pred(t) {
            return Some(k);
        }
    }
    None
}

/// CPython's "invalid syntax. Perhaps you forgot a comma?": two expressions side by side
/// inside brackets (not in a parameter list).
pub fn forgot_comma(toks: &[Spanned], idx: usize, in_field: bool) -> Option<Issue> {
    let t = &toks.get(idx)?.1;
    let pt = &toks.get(idx.checked_sub(1)?)?.1;
    if !(t.starts_expr() && pt.ends_expr()) {
        return None;
    }
    let inside = match innermost_open(toks, idx) {
        Some(ob) => !(ob >= 2 && toks[ob - 2].1 == Tok::Def),
        None => in_field,
    };
    if !inside {
        return None;
    }
    let a = expr_start(toks, idx);
    let soft_kw = matches!(&toks[a].1, Tok::Name(n) if matches!(n.as_str(), "match" | "case" | "type" | "_") && a + 1 == idx);
    let name_string = matches!(toks[a].1, Tok::Name(_))
        && matches!(toks.get(a + 1).map(|x| &x.1), Some(Tok::Str(_)));
    if name_string && a + 1 == idx {
        // CPython skips `NAME STRING` and retries one token later
        let next = toks.get(idx + 1)?;
        if next.1.starts_expr() {
            return Some(Issue::new(
                "invalid syntax. Perhaps you forgot a comma?",
                toks[idx].0,
                expr_end(toks, idx + 1),
            ));
        }
        return None;
    }
    if soft_kw || a >= idx {
        return None;
    }
    Some(Issue::new(
        "invalid syntax. Perhaps you forgot a comma?",
        toks[a].0,
        expr_end(toks, idx),
    ))
}

/// Index of the innermost bracket still open before token `idx` (same logical line).
fn innermost_open(toks: &[Spanned], idx: usize) -> Option<usize> {
    let start = logical_line_start(toks, idx);
    let mut depth = 0i32;
    let mut k = idx;
    while k > start {
        k -= 1;
        let t = &toks[k].1;
        if t.is_close_bracket() {
            depth += 1;
        } else if t.is_open_bracket() {
            if depth == 0 {
                return Some(k);
            }
            depth -= 1;
        }
    }
    None
}
