//! `str` (CPython `Objects/unicodeobject.c`): immutable UTF-8 text with a cached hash and a
//! cached length in code points (indexing by code point is O(1) for ASCII strings).

use crate::object::{Kind, PyPayload};
use std::cell::Cell;

pub struct StrData {
    s: Box<str>,
    /// Cached hash; -1 until computed.
    hash: Cell<isize>,
    char_len: usize,
    pub(crate) interned: Cell<bool>,
}

// SAFETY: Kind::Str is used by no other payload type.
unsafe impl PyPayload for StrData {
    const KIND: Kind = Kind::Str;
    const LEAF: bool = true;
}

/// The hash of a str's text. Deterministic across runs (CPython randomises str hashes per
/// process, so no program can depend on their values).
#[inline]
pub fn str_hash(s: &str) -> isize {
    // FNV-1a, 64-bit, with a final avalanche so that small strings spread over the table.
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.as_bytes() {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51afd7ed558ccd);
    h ^= h >> 33;
    let h = h as isize;
    if h == -1 {
        -2
    } else {
        h
    }
}

impl StrData {
    pub fn new(s: impl Into<Box<str>>) -> StrData {
        let s: Box<str> = s.into();
        let char_len = if s.is_ascii() { s.len() } else { s.chars().count() };
        StrData { s, hash: Cell::new(-1), char_len, interned: Cell::new(false) }
    }

    #[inline(always)]
    pub fn as_str(&self) -> &str {
        &self.s
    }

    #[inline(always)]
    pub fn hash(&self) -> isize {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = str_hash(&self.s);
        self.hash.set(h);
        h
    }

    /// Length in code points.
    #[inline(always)]
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    #[inline(always)]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.s.len()
    }

    /// The code point at index `i` (0 <= i < char_len).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            self.s.as_bytes().get(i).map(|b| *b as char)
        } else {
            self.s.chars().nth(i)
        }
    }

    /// Byte offset of code point index `i` (i may equal char_len).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i.min(self.s.len())
        } else {
            self.s.char_indices().nth(i).map(|(b, _)| b).unwrap_or(self.s.len())
        }
    }

    /// Substring by code point range.
    pub fn substring(&self, start: usize, end: usize) -> &str {
        let a = self.byte_offset(start);
        let b = self.byte_offset(end);
        &self.s[a..b.max(a)]
    }

    /// The largest code point (for CPython's size classes: 1, 2 or 4 bytes per char).
    pub fn max_char(&self) -> u32 {
        if self.is_ascii() {
            0x7f
        } else {
            self.s.chars().map(|c| c as u32).max().unwrap_or(0)
        }
    }
}

/// Whether `c` is printable in CPython's sense (`str.isprintable`): not in the Unicode
/// categories Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs (except the ASCII space).
pub fn is_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    let cp = c as u32;
    // Common format characters (Cf) and private use / unassigned areas we can identify
    // cheaply.
    !matches!(cp,
        0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E
        | 0x2060..=0x2064 | 0x2066..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB | 0xE000..=0xF8FF
        | 0xF0000..=0x10FFFF | 0xFFFE | 0xFFFF)
}

/// `repr()` of a str, following CPython's quoting and escaping rules.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x7f => out.push(c),
            c if is_printable(c) => out.push(c),
            c if (c as u32) <= 0xff => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) <= 0xffff => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_quotes_like_cpython() {
        assert_eq!(str_repr("abc"), "'abc'");
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("a'b\"c"), "'a\\'b\"c'");
        assert_eq!(str_repr("tab\there\n"), "'tab\\there\\n'");
        assert_eq!(str_repr("\x00\x7f"), "'\\x00\\x7f'");
        assert_eq!(str_repr("héllo €"), "'héllo €'");
        assert_eq!(str_repr("\u{200b}"), "'\\u200b'");
    }

    #[test]
    fn char_indexing() {
        let s = StrData::new("aé€x");
        assert_eq!(s.char_len(), 4);
        assert_eq!(s.char_at(2), Some('€'));
        assert_eq!(s.substring(1, 3), "é€");
    }
}

/// The text of a str object (None for other objects).
#[inline(always)]
pub fn as_str(o: &crate::object::PyRef) -> Option<&str> {
    o.downcast::<StrData>().map(|s| s.as_str())
}
