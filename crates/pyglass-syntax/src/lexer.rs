//! The raw lexer (logos) and the hand-written scanners it calls for numbers and string
//! literals. It knows nothing about indentation; see `layout.rs` for that.
//!
//! All offsets here are byte offsets relative to the text given to the lexer; the layout
//! pass adds the base offset when a substring (an f-string field) is lexed.

use crate::ast::IntLit;
use crate::token::Tok;
use logos::Logos;

/// Deepest nesting of f-strings inside f-string replacement fields.
pub const MAX_FSTRING_NESTING: u32 = 32;

/// A lexical error. `strong` errors are the ones CPython's tokenizer raises itself (they
/// win over a parse error earlier in the file); the others only matter when the parser
/// reaches them.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum LexErr {
    /// No token matches here (the layout pass looks at the character).
    #[default]
    Unrecognized,
    /// A string literal runs to a newline or the end of the input. `detected_at` is the
    /// offset where that was noticed (the layout pass turns it into a line number).
    Unterminated {
        start: usize,
        triple: bool,
        detected_at: usize,
    },
    /// Any other error with a fixed message; `end == None` means "no end column".
    Msg {
        msg: String,
        start: usize,
        end: Option<usize>,
    },
}

impl LexErr {
    fn msg(msg: impl Into<String>, start: usize, end: Option<usize>) -> LexErr {
        LexErr::Msg {
            msg: msg.into(),
            start,
            end,
        }
    }
    fn point(msg: impl Into<String>, at: usize) -> LexErr {
        LexErr::Msg {
            msg: msg.into(),
            start: at,
            end: Some(at),
        }
    }
}

/// Kind and shape of a string literal token.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StrInfo {
    pub prefix_len: usize,
    pub quote_len: usize,
    pub raw: bool,
    pub bytes: bool,
    pub fstring: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum NumTok {
    Int(IntLit),
    Float(f64),
    Imag(f64),
}

#[derive(Logos, Debug, Clone, PartialEq)]
#[logos(error = LexErr)]
pub enum Raw {
    #[regex(r"[ \t\x0C]+")]
    Ws,
    #[regex(r"#[^\r\n]*")]
    Comment,
    #[regex(r"\r\n|\r|\n")]
    Newline,
    #[regex(r"\\(\r\n|\r|\n)")]
    Continuation,
    #[token("\\")]
    Backslash,
    #[regex(r"[A-Za-z_\x{80}-\x{10FFFF}][A-Za-z0-9_\x{80}-\x{10FFFF}]*", lex_name)]
    Name,
    #[regex(r"[0-9]|\.[0-9]", lex_number)]
    Number(NumTok),
    #[regex(r#"([rRbBuUfF]|[rR][bBfF]|[bBfF][rR])?["']"#, lex_string)]
    Str(StrInfo),
    #[token("(", |_| Tok::LPar)]
    #[token(")", |_| Tok::RPar)]
    #[token("[", |_| Tok::LSqb)]
    #[token("]", |_| Tok::RSqb)]
    #[token("{", |_| Tok::LBrace)]
    #[token("}", |_| Tok::RBrace)]
    #[token(":", |_| Tok::Colon)]
    #[token(",", |_| Tok::Comma)]
    #[token(";", |_| Tok::Semi)]
    #[token("+", |_| Tok::Plus)]
    #[token("-", |_| Tok::Minus)]
    #[token("*", |_| Tok::Star)]
    #[token("/", |_| Tok::Slash)]
    #[token("|", |_| Tok::VBar)]
    #[token("&", |_| Tok::Amper)]
    #[token("<", |_| Tok::Less)]
    #[token(">", |_| Tok::Greater)]
    #[token("=", |_| Tok::Equal)]
    #[token(".", |_| Tok::Dot)]
    #[token("%", |_| Tok::Percent)]
    #[token("==", |_| Tok::EqEqual)]
    #[token("!=", |_| Tok::NotEqual)]
    #[token("<=", |_| Tok::LessEqual)]
    #[token(">=", |_| Tok::GreaterEqual)]
    #[token("~", |_| Tok::Tilde)]
    #[token("^", |_| Tok::Circumflex)]
    #[token("<<", |_| Tok::LeftShift)]
    #[token(">>", |_| Tok::RightShift)]
    #[token("**", |_| Tok::DoubleStar)]
    #[token("+=", |_| Tok::PlusEqual)]
    #[token("-=", |_| Tok::MinEqual)]
    #[token("*=", |_| Tok::StarEqual)]
    #[token("/=", |_| Tok::SlashEqual)]
    #[token("%=", |_| Tok::PercentEqual)]
    #[token("&=", |_| Tok::AmperEqual)]
    #[token("|=", |_| Tok::VBarEqual)]
    #[token("^=", |_| Tok::CircumflexEqual)]
    #[token("<<=", |_| Tok::LeftShiftEqual)]
    #[token(">>=", |_| Tok::RightShiftEqual)]
    #[token("**=", |_| Tok::DoubleStarEqual)]
    #[token("//", |_| Tok::DoubleSlash)]
    #[token("//=", |_| Tok::DoubleSlashEqual)]
    #[token("@", |_| Tok::At)]
    #[token("@=", |_| Tok::AtEqual)]
    #[token("->", |_| Tok::RArrow)]
    #[token("...", |_| Tok::Ellipsis)]
    #[token(":=", |_| Tok::ColonEqual)]
    #[token("!", |_| Tok::Exclamation)]
    Op(Tok),
}

// ---------------------------------------------------------------------------------------
// Names

fn is_id_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_id_continue(c: char) -> bool {
    c == '_' || c.is_alphanumeric() || is_combining(c)
}

/// Marks and connector punctuation that XID_Continue has but `is_alphanumeric` lacks
/// (an approximation: the common combining blocks).
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
        | 0x200C | 0x200D | 0x203F | 0x2040 | 0x0900..=0x0DFF | 0x00B7 | 0xFE00..=0xFE0F | 0xE0100..=0xE01EF)
}

/// Whether CPython would call `c` printable (approximation without Unicode tables).
pub fn is_printable(c: char) -> bool {
    !(c.is_control()
        || (c.is_whitespace() && c != ' ')
        || matches!(c as u32, 0xFEFF | 0x200B..=0x200F | 0x2028..=0x202E | 0x2060..=0x206F))
}

/// The message CPython gives for a character that cannot appear in source.
pub fn bad_char_message(c: char) -> String {
    if is_printable(c) {
        format!("invalid character '{}' (U+{:04X})", c, c as u32)
    } else {
        format!("invalid non-printable character U+{:04X}", c as u32)
    }
}

fn lex_name(lex: &mut logos::Lexer<Raw>) -> Result<(), LexErr> {
    let start = lex.span().start;
    let text = lex.slice();
    if text.is_ascii() {
        return Ok(());
    }
    for (i, c) in text.char_indices() {
        let ok = if i == 0 {
            is_id_start(c)
        } else {
            is_id_continue(c)
        };
        if !ok && !c.is_ascii() {
            return Err(LexErr::point(bad_char_message(c), start + i));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Numbers

fn lex_number(lex: &mut logos::Lexer<Raw>) -> Result<NumTok, LexErr> {
    let start = lex.span().start;
    let (end, tok) = scan_number(lex.source().as_bytes(), start)?;
    lex.bump(end - lex.span().end);
    Ok(tok)
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// After a number: an identifier character is an error unless a keyword starts there
/// (CPython accepts `1if x else y` with a warning).
fn check_number_end(s: &[u8], i: usize, last: usize, what: &str) -> Result<(), LexErr> {
    match s.get(i) {
        Some(&b) if is_ident_byte(b) => {
            for kw in ["and", "else", "for", "if", "in", "is", "not", "or"] {
                if s[i..].starts_with(kw.as_bytes()) {
                    return Ok(());
                }
            }
            Err(LexErr::point(format!("invalid {what} literal"), last))
        }
        _ => Ok(()),
    }
}

/// Scans digits (of `radix`) with single underscores between them, starting at `i`.
/// Returns the end offset; errors on a misplaced underscore.
fn scan_digits(s: &[u8], mut i: usize, radix: u32, what: &str) -> Result<usize, LexErr> {
    loop {
        match s.get(i) {
            Some(&b) if (b as char).is_digit(radix) => i += 1,
            Some(b'_') => {
                if s.get(i + 1).is_some_and(|&b| (b as char).is_digit(radix)) {
                    i += 1;
                } else {
                    return Err(LexErr::point(format!("invalid {what} literal"), i));
                }
            }
            _ => return Ok(i),
        }
    }
}

pub fn scan_number(s: &[u8], start: usize) -> Result<(usize, NumTok), LexErr> {
    let mut i = start;
    if s[i] == b'0' && matches!(s.get(i + 1), Some(b'x' | b'X' | b'o' | b'O' | b'b' | b'B')) {
        let (radix, what) = match s[i + 1] {
            b'x' | b'X' => (16, "hexadecimal"),
            b'o' | b'O' => (8, "octal"),
            _ => (2, "binary"),
        };
        i += 2;
        if s.get(i) == Some(&b'_') {
            i += 1;
        }
        let digits_start = i;
        if !s.get(i).is_some_and(|&b| (b as char).is_digit(radix)) {
            if let Some(&b) = s.get(i) {
                if b.is_ascii_digit() {
                    return Err(LexErr::point(
                        format!("invalid digit '{}' in {what} literal", b as char),
                        i,
                    ));
                }
            }
            return Err(LexErr::point(format!("invalid {what} literal"), i - 1));
        }
        i = scan_digits(s, i, radix, what)?;
        if let Some(&b) = s.get(i) {
            if b.is_ascii_digit() {
                return Err(LexErr::point(
                    format!("invalid digit '{}' in {what} literal", b as char),
                    i,
                ));
            }
        }
        check_number_end(s, i, i - 1, what)?;
        let digits: Vec<u8> = s[digits_start..i]
            .iter()
            .copied()
            .filter(|&b| b != b'_')
            .collect();
        return Ok((i, NumTok::Int(int_from_digits(&digits, radix))));
    }
    let mut is_float = false;
    if s[i] != b'.' {
        i = scan_digits(s, i, 10, "decimal")?;
    }
    let int_end = i;
    if s.get(i) == Some(&b'.') {
        is_float = true;
        i += 1;
        if s.get(i).is_some_and(|b| b.is_ascii_digit()) {
            i = scan_digits(s, i, 10, "decimal")?;
        }
    }
    if matches!(s.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(s.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        if s.get(j).is_some_and(|b| b.is_ascii_digit()) {
            i = scan_digits(s, j, 10, "decimal")?;
            is_float = true;
        } else {
            return Err(LexErr::point(
                "invalid decimal literal",
                if j > i + 1 { j - 1 } else { i - 1 },
            ));
        }
    }
    if matches!(s.get(i), Some(b'j' | b'J')) {
        let text: String = s[start..i]
            .iter()
            .filter(|&&b| b != b'_')
            .map(|&b| b as char)
            .collect();
        i += 1;
        check_number_end(s, i, i - 1, "imaginary")?;
        return Ok((i, NumTok::Imag(text.parse().unwrap_or(f64::INFINITY))));
    }
    check_number_end(s, i, i - 1, "decimal")?;
    if is_float {
        let text: String = s[start..i]
            .iter()
            .filter(|&&b| b != b'_')
            .map(|&b| b as char)
            .collect();
        return Ok((i, NumTok::Float(text.parse().unwrap_or(f64::INFINITY))));
    }
    let digits: Vec<u8> = s[start..int_end]
        .iter()
        .copied()
        .filter(|&b| b != b'_')
        .collect();
    if digits.len() > 1 && digits[0] == b'0' {
        if let Some(nz) = s[start..int_end]
            .iter()
            .position(|&b| b != b'0' && b != b'_')
        {
            return Err(LexErr::msg(
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                start,
                Some(start + nz),
            ));
        }
    }
    Ok((i, NumTok::Int(int_from_digits(&digits, 10))))
}

/// Converts ASCII digits in `radix` to an [`IntLit`], falling back to decimal text for
/// values beyond i64 (base-1e9 limbs, no bigint crate).
fn int_from_digits(digits: &[u8], radix: u32) -> IntLit {
    let mut small: Option<i64> = Some(0);
    for &d in digits {
        let v = (d as char).to_digit(radix).unwrap_or(0) as i64;
        small = small
            .and_then(|acc| acc.checked_mul(radix as i64))
            .and_then(|acc| acc.checked_add(v));
        if small.is_none() {
            break;
        }
    }
    if let Some(v) = small {
        return IntLit::Small(v);
    }
    // little-endian limbs of 10^9
    let mut limbs: Vec<u64> = vec![0];
    for &d in digits {
        let mut carry = (d as char).to_digit(radix).unwrap_or(0) as u64;
        for limb in limbs.iter_mut() {
            let v = *limb * radix as u64 + carry;
            *limb = v % 1_000_000_000;
            carry = v / 1_000_000_000;
        }
        while carry > 0 {
            limbs.push(carry % 1_000_000_000);
            carry /= 1_000_000_000;
        }
    }
    let mut out = String::new();
    for (k, limb) in limbs.iter().rev().enumerate() {
        if k == 0 {
            out.push_str(&limb.to_string());
        } else {
            out.push_str(&format!("{limb:09}"));
        }
    }
    IntLit::Big(out)
}

// ---------------------------------------------------------------------------------------
// Strings

fn lex_string(lex: &mut logos::Lexer<Raw>) -> Result<StrInfo, LexErr> {
    let span = lex.span();
    let s = lex.source().as_bytes();
    let prefix = &s[span.start..span.end - 1];
    let quote = s[span.end - 1];
    let info = string_info(prefix, quote, s, span.end);
    let body = span.start + info.prefix_len + info.quote_len;
    let end = scan_string(s, body, quote, info, span.start, 0)?;
    lex.bump(end - span.end);
    Ok(info)
}

/// Kind of a string from its prefix; `after_quote` is the offset after the first quote.
pub fn string_info(prefix: &[u8], quote: u8, s: &[u8], after_quote: usize) -> StrInfo {
    let has = |c: u8| prefix.iter().any(|b| b.eq_ignore_ascii_case(&c));
    let triple = s.get(after_quote) == Some(&quote) && s.get(after_quote + 1) == Some(&quote);
    StrInfo {
        prefix_len: prefix.len(),
        quote_len: if triple { 3 } else { 1 },
        raw: has(b'r'),
        bytes: has(b'b'),
        fstring: has(b'f'),
    }
}

fn is_prefix(word: &[u8]) -> bool {
    let lower: Vec<u8> = word.iter().map(|b| b.to_ascii_lowercase()).collect();
    matches!(
        &lower[..],
        b"r" | b"u" | b"b" | b"f" | b"rb" | b"br" | b"rf" | b"fr"
    )
}

fn newline_len(s: &[u8], i: usize) -> usize {
    if s[i] == b'\r' && s.get(i + 1) == Some(&b'\n') {
        2
    } else {
        1
    }
}

/// Finds the end of a string literal whose body starts at `i`; returns the offset just past
/// the closing quote(s). For f-strings, replacement fields are skipped structurally so that
/// nested strings (even with the same quote, as in 3.12+) are handled.
pub fn scan_string(
    s: &[u8],
    mut i: usize,
    q: u8,
    info: StrInfo,
    tok_start: usize,
    depth: u32,
) -> Result<usize, LexErr> {
    let triple = info.quote_len == 3;
    loop {
        let Some(&c) = s.get(i) else {
            return Err(LexErr::Unterminated {
                start: tok_start,
                triple,
                detected_at: i,
            });
        };
        match c {
            b'\\' => {
                i += 1;
                match s.get(i) {
                    None => {}
                    Some(b'{' | b'}') if info.fstring => {}
                    Some(b'N') if info.fstring && !info.raw && s.get(i + 1) == Some(&b'{') => {
                        while i < s.len() && s[i] != b'}' && s[i] != q && s[i] != b'\n' {
                            i += 1;
                        }
                        if s.get(i) == Some(&b'}') {
                            i += 1;
                        }
                    }
                    Some(b'\r' | b'\n') => i += newline_len(s, i),
                    Some(_) => i += 1,
                }
            }
            b'\n' | b'\r' if !triple => {
                return Err(LexErr::Unterminated {
                    start: tok_start,
                    triple,
                    detected_at: i,
                });
            }
            _ if c == q => {
                if !triple {
                    return Ok(i + 1);
                }
                if s.get(i + 1) == Some(&q) && s.get(i + 2) == Some(&q) {
                    return Ok(i + 3);
                }
                i += 1;
            }
            b'{' if info.fstring => {
                if s.get(i + 1) == Some(&b'{') {
                    i += 2;
                } else {
                    i = scan_field(s, i + 1, q, info, depth, 0)?;
                }
            }
            b'}' if info.fstring => {
                if s.get(i + 1) == Some(&b'}') {
                    i += 2;
                } else {
                    return Err(LexErr::point("f-string: single '}' is not allowed", i));
                }
            }
            _ => i += 1,
        }
    }
}

/// Where a replacement field's expression part ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldStop {
    /// `}`
    Close,
    /// `!` conversion
    Bang,
    /// `:` format spec
    Colon,
    /// `=` debug marker
    Equal,
}

/// Scans the expression part of a replacement field starting at `i` (just after `{`)
/// up to its terminator at bracket depth 0. Returns (offset of the terminator, which).
/// Nested strings are skipped with [`scan_string`].
pub fn scan_field_expr(
    s: &[u8],
    mut i: usize,
    q: u8,
    outer: StrInfo,
    depth: u32,
) -> Result<(usize, FieldStop), LexErr> {
    let triple = outer.quote_len == 3;
    let mut level = 0usize;
    loop {
        let Some(&c) = s.get(i) else {
            return Err(LexErr::point("f-string: expecting '}'", i));
        };
        match c {
            b'(' | b'[' | b'{' => {
                level += 1;
                i += 1;
            }
            b')' | b']' => {
                level = level.saturating_sub(1);
                i += 1;
            }
            b'}' => {
                if level == 0 {
                    return Ok((i, FieldStop::Close));
                }
                level -= 1;
                i += 1;
            }
            b':' if level == 0 => return Ok((i, FieldStop::Colon)),
            b'!' | b'=' | b'<' | b'>' if s.get(i + 1) == Some(&b'=') => i += 2,
            b'!' if level == 0 => return Ok((i, FieldStop::Bang)),
            b'=' if level == 0 => return Ok((i, FieldStop::Equal)),
            b'#' => {
                while i < s.len() && s[i] != b'\n' && s[i] != b'\r' {
                    i += 1;
                }
            }
            b'\'' | b'"' => {
                i = skip_nested_string(s, i, i, c, q, triple, depth)?;
            }
            b'\\' => {
                i += 1;
                if i < s.len() && (s[i] == b'\n' || s[i] == b'\r') {
                    i += newline_len(s, i);
                }
            }
            _ if is_ident_byte(c) && !c.is_ascii_digit() => {
                let w = i;
                while i < s.len() && is_ident_byte(s[i]) {
                    i += 1;
                }
                if i - w <= 2 && is_prefix(&s[w..i]) && matches!(s.get(i), Some(b'\'' | b'"')) {
                    let qc = s[i];
                    i = skip_nested_string(s, w, i, qc, q, triple, depth)?;
                }
            }
            _ => i += 1,
        }
    }
}

fn skip_nested_string(
    s: &[u8],
    start: usize,
    qpos: usize,
    qc: u8,
    outer_q: u8,
    outer_triple: bool,
    depth: u32,
) -> Result<usize, LexErr> {
    if depth + 1 > MAX_FSTRING_NESTING {
        return Err(LexErr::point("too many nested f-strings", start));
    }
    let info = string_info(&s[start..qpos], qc, s, qpos + 1);
    let body = qpos + info.quote_len;
    match scan_string(s, body, qc, info, start, depth + 1) {
        Ok(end) => Ok(end),
        Err(LexErr::Unterminated { .. }) if qc == outer_q || outer_triple => {
            Err(LexErr::point("f-string: expecting '}'", qpos))
        }
        Err(e) => Err(e),
    }
}

/// Skips a whole replacement field whose expression starts at `i`; returns the offset after
/// its closing `}`.
fn scan_field(
    s: &[u8],
    i: usize,
    q: u8,
    info: StrInfo,
    depth: u32,
    spec_depth: u32,
) -> Result<usize, LexErr> {
    let (mut i, stop) = scan_field_expr(s, i, q, info, depth)?;
    let mut stop = stop;
    if stop == FieldStop::Equal {
        i += 1;
        while i < s.len() && matches!(s[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') {
            i += 1;
        }
        stop = match s.get(i) {
            Some(b'!') => FieldStop::Bang,
            Some(b':') => FieldStop::Colon,
            Some(b'}') => FieldStop::Close,
            _ => return Err(LexErr::point("f-string: expecting '}'", i)),
        };
    }
    if stop == FieldStop::Bang {
        i += 1;
        while i < s.len() && is_ident_byte(s[i]) {
            i += 1;
        }
        while i < s.len() && matches!(s[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') {
            i += 1;
        }
        stop = match s.get(i) {
            Some(b':') => FieldStop::Colon,
            Some(b'}') => FieldStop::Close,
            _ => {
                return Err(LexErr::msg(
                    "f-string: expecting ':' or '}'",
                    i,
                    Some(i + 1),
                ))
            }
        };
    }
    if stop == FieldStop::Colon {
        if spec_depth >= 2 {
            return Err(LexErr::point("f-string: expressions nested too deeply", i));
        }
        return scan_spec(s, i + 1, q, info, depth, spec_depth + 1);
    }
    Ok(i + 1)
}

/// Skips a format spec (literal text with nested fields) up to and past the `}` that closes
/// the field it belongs to.
fn scan_spec(
    s: &[u8],
    mut i: usize,
    q: u8,
    info: StrInfo,
    depth: u32,
    spec_depth: u32,
) -> Result<usize, LexErr> {
    let triple = info.quote_len == 3;
    let expecting =
        |i: usize| LexErr::msg("f-string: expecting '}', or format specs", i, Some(i + 1));
    loop {
        let Some(&c) = s.get(i) else {
            return Err(expecting(i));
        };
        match c {
            b'\\' if !info.raw => i += 2,
            b'\n' | b'\r' if !triple => return Err(expecting(i)),
            _ if c == q && (!triple || (s.get(i + 1) == Some(&q) && s.get(i + 2) == Some(&q))) => {
                return Err(expecting(i));
            }
            b'{' => i = scan_field(s, i + 1, q, info, depth, spec_depth)?,
            b'}' => return Ok(i + 1),
            _ => i += 1,
        }
    }
}
