//! String literal tokens to AST: escape decoding, adjacent-literal concatenation and
//! f-string replacement fields (whose expressions are parsed by re-entering the parser
//! on the source substring, so node locations are real source positions).

use crate::actions::user;
use crate::ast::*;
use crate::error::Issue;
use crate::layout::lex_issue;
use crate::lexer::{scan_field_expr, FieldStop, StrInfo};
use crate::literal::{decode_bytes, decode_escape, decode_str, push_code_points, EscapeError};
use crate::parser::{PError, State};
use crate::token::StrTok;

enum Part {
    Lit(String),
    Val(Expr),
}

fn info_of(t: &StrTok) -> StrInfo {
    StrInfo {
        prefix_len: t.prefix_len,
        quote_len: t.quote_len,
        raw: t.raw,
        bytes: t.bytes,
        fstring: t.fstring,
    }
}

fn escape_issue(t: &StrTok, e: EscapeError, bytes: bool) -> Issue {
    let msg = if bytes {
        format!("(value error) invalid \\x escape at position {}", e.from)
    } else {
        format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {}",
            e.from, e.to, e.msg
        )
    };
    Issue::new(msg, t.start, t.end)
}

/// The action for `STRING+`.
pub fn strings(st: &State, l: usize, r: usize, toks: Vec<StrTok>) -> Result<Expr, PError> {
    let any_bytes = toks.iter().any(|t| t.bytes);
    if any_bytes && toks.iter().any(|t| !t.bytes) {
        return user(Issue::new("cannot mix bytes and nonbytes literals", r, r).widened());
    }
    if any_bytes {
        let mut out = Vec::new();
        for t in &toks {
            let (a, b) = t.body();
            match decode_bytes(&st.src[a..b], t.raw) {
                Ok(v) => out.extend(v),
                Err(None) => {
                    return user(Issue::new(
                        "bytes can only contain ASCII literal characters",
                        t.start,
                        t.end,
                    ))
                }
                Err(Some(e)) => return user(escape_issue(t, e, true)),
            }
        }
        return Ok(st.constant(l, r, Constant::Bytes(out)));
    }
    if !toks.iter().any(|t| t.fstring) {
        let mut out = String::new();
        for t in &toks {
            let (a, b) = t.body();
            match decode_str(&st.src[a..b], t.raw) {
                Ok(s) => out.push_str(&s),
                Err(e) => return user(escape_issue(t, e, false)),
            }
        }
        return Ok(st.constant(l, r, Constant::Str(out)));
    }
    let mut parts: Vec<Part> = Vec::new();
    for t in &toks {
        let (a, b) = t.body();
        if t.fstring {
            let mut w = Walker {
                st,
                tok: t,
                info: info_of(t),
                q: st.src.as_bytes()[b],
                end: b,
            };
            w.literal(a, false, 0, &mut parts)
                .map_err(|e| lalrpop_util::ParseError::User { error: e })?;
        } else {
            match decode_str(&st.src[a..b], t.raw) {
                Ok(s) => parts.push(Part::Lit(s)),
                Err(e) => return user(escape_issue(t, e, false)),
            }
        }
    }
    let loc = st.loc(l, r);
    Ok(Expr {
        loc,
        kind: ExprKind::JoinedStr(merge(parts, loc)),
    })
}

/// Merges adjacent literal parts and drops empty ones.
fn merge(parts: Vec<Part>, loc: Loc) -> Vec<Expr> {
    let mut out = Vec::new();
    let mut buf: Option<String> = None;
    for p in parts {
        match p {
            Part::Lit(s) => buf.get_or_insert_with(String::new).push_str(&s),
            Part::Val(e) => {
                if let Some(s) = buf.take() {
                    if !s.is_empty() {
                        out.push(Expr {
                            loc,
                            kind: ExprKind::Constant(Constant::Str(s)),
                        });
                    }
                }
                out.push(e);
            }
        }
    }
    if let Some(s) = buf.take() {
        if !s.is_empty() {
            out.push(Expr {
                loc,
                kind: ExprKind::Constant(Constant::Str(s)),
            });
        }
    }
    out
}

struct Walker<'a, 's> {
    st: &'a State<'s>,
    tok: &'a StrTok,
    info: StrInfo,
    /// The quote character of this f-string.
    q: u8,
    /// Offset of the closing quote(s).
    end: usize,
}

impl<'a, 's> Walker<'a, 's> {
    /// Literal text from `i`; in a format spec stops at the field's `}` (returning its
    /// offset), otherwise at the end of the body.
    fn literal(
        &mut self,
        mut i: usize,
        in_spec: bool,
        spec_depth: u32,
        out: &mut Vec<Part>,
    ) -> Result<usize, Issue> {
        let src = self.st.src;
        let s = src.as_bytes();
        let mut buf = String::new();
        let mut cps = Vec::new();
        loop {
            if i >= self.end {
                if in_spec {
                    return Err(Issue::new("f-string: expecting '}'", i, i));
                }
                break;
            }
            let c = s[i];
            if c == b'}' && in_spec {
                break;
            }
            match c {
                b'{' if !in_spec && s.get(i + 1) == Some(&b'{') => {
                    buf.push('{');
                    i += 2;
                }
                b'}' if s.get(i + 1) == Some(&b'}') => {
                    buf.push('}');
                    i += 2;
                }
                b'}' => return Err(Issue::new("f-string: single '}' is not allowed", i, i)),
                b'{' => {
                    if !buf.is_empty() {
                        out.push(Part::Lit(std::mem::take(&mut buf)));
                    }
                    i = self.field(i, spec_depth, out)?;
                }
                b'\\' if !self.info.raw && !matches!(s.get(i + 1), Some(b'{' | b'}')) => {
                    cps.clear();
                    i = decode_escape(&src[..self.end], i, false, &mut cps).map_err(|e| {
                        let (a, _) = self.tok.body();
                        let e = EscapeError { from: e.from - a, to: e.to - a, ..e };
                        Issue::new(
                            format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {}", e.from, e.to, e.msg),
                            self.tok.start,
                            self.tok.end,
                        )
                    })?;
                    push_code_points(&mut buf, &cps);
                }
                _ => {
                    let ch = src[i..].chars().next().unwrap_or('\u{FFFD}');
                    buf.push(ch);
                    i += ch.len_utf8();
                }
            }
        }
        if !buf.is_empty() {
            out.push(Part::Lit(buf));
        }
        Ok(i)
    }

    /// A replacement field starting at `open` (the `{`); returns the offset after its `}`.
    fn field(&mut self, open: usize, spec_depth: u32, out: &mut Vec<Part>) -> Result<usize, Issue> {
        let st = self.st;
        let src = st.src;
        let s = src.as_bytes();
        let start = open + 1;
        let (e_end, stop) = scan_field_expr(&s[..self.end], start, self.q, self.info, 0)
            .map_err(|e| lex_issue(st.li, src, e, 0, start))?;
        let text = &src[start..e_end];
        if text.trim().is_empty() {
            let which = match stop {
                FieldStop::Close => '}',
                FieldStop::Bang => '!',
                FieldStop::Colon => ':',
                FieldStop::Equal => '=',
            };
            return Err(Issue::new(
                format!("f-string: valid expression required before '{which}'"),
                e_end,
                e_end + 1,
            ));
        }
        let value = match st.parse_field(start, e_end, self.tok.depth_base + 2) {
            Ok(v) => v,
            Err(e) => {
                if text.trim_start().starts_with("lambda") {
                    return Err(Issue::new(
                        "f-string: lambda expressions are not allowed without parentheses",
                        start,
                        e_end + 1,
                    ));
                }
                return Err(e);
            }
        };
        let mut i = e_end;
        let mut stop = stop;
        let mut debug: Option<String> = None;
        if stop == FieldStop::Equal {
            i += 1;
            while i < self.end && matches!(s[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') {
                i += 1;
            }
            debug = Some(src[start..i].to_string());
            stop = match s.get(i) {
                Some(b'!') => FieldStop::Bang,
                Some(b':') => FieldStop::Colon,
                Some(b'}') if i < self.end => FieldStop::Close,
                _ => return Err(Issue::new("f-string: expecting '}'", i, i)),
            };
        }
        let mut conversion = -1;
        if stop == FieldStop::Bang {
            let bang = i;
            i += 1;
            let cstart = i;
            while i < self.end && (s[i].is_ascii_alphanumeric() || s[i] == b'_' || s[i] >= 0x80) {
                i += 1;
            }
            let name = &src[cstart..i];
            while i < self.end && matches!(s[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') {
                i += 1;
            }
            if name.is_empty() {
                return Err(Issue::new(
                    "f-string: missing conversion character",
                    bang + 1,
                    bang + 2,
                ));
            }
            conversion = match name {
                "s" | "r" | "a" => name.as_bytes()[0] as i32,
                _ => {
                    return Err(Issue::new(
                        format!("f-string: invalid conversion character '{name}': expected 's', 'r', or 'a'"),
                        cstart,
                        i,
                    ))
                }
            };
            stop = match s.get(i) {
                Some(b':') if i < self.end => FieldStop::Colon,
                Some(b'}') if i < self.end => FieldStop::Close,
                _ => return Err(Issue::new("f-string: expecting ':' or '}'", i, i + 1)),
            };
        }
        let mut format_spec = None;
        if stop == FieldStop::Colon {
            if spec_depth >= 2 {
                return Err(Issue::new("f-string: expressions nested too deeply", i, i));
            }
            let mut parts = Vec::new();
            let close = self.literal(i + 1, true, spec_depth + 1, &mut parts)?;
            let loc = st.loc(i + 1, close);
            format_spec = Some(Box::new(Expr {
                loc,
                kind: ExprKind::JoinedStr(merge(parts, loc)),
            }));
            i = close;
        }
        if s.get(i) != Some(&b'}') || i >= self.end {
            return Err(Issue::new("f-string: expecting '}'", i, i));
        }
        if let Some(d) = debug {
            out.push(Part::Lit(d));
            if conversion == -1 && format_spec.is_none() {
                conversion = b'r' as i32;
            }
        }
        let loc = st.loc(open, i + 1);
        out.push(Part::Val(Expr {
            loc,
            kind: ExprKind::FormattedValue {
                value: Box::new(value),
                conversion,
                format_spec,
            },
        }));
        Ok(i + 1)
    }
}
