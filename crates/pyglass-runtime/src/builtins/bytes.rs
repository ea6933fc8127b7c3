//! `bytes` and `bytearray` (CPython `Objects/bytesobject.c`, `bytearrayobject.c`,
//! `Objects/bytes_methods.c`) and the few codecs pyglass knows (utf-8, ascii, latin-1).

use crate::builtins::args;
use crate::object::{Kind, PyRef};
use crate::objects::int::IntData;
use crate::objects::misc::{ByteArrayData, BytesData};
use crate::objects::str::as_str;
use crate::objects::tuple::tuple_items;
use crate::sync::PyCell;
use crate::vm::context::{classmethod, method, staticmethod, Context};
use crate::vm::{Args, PyResult, Vm};

pub fn bytes_of(v: &PyRef) -> &[u8] {
    v.downcast::<BytesData>().map(|b| &b.0[..]).unwrap_or(&[])
}

pub fn new_bytes(vm: &Vm, v: Vec<u8>) -> PyRef {
    vm.ctx.alloc(&vm.ctx.types.bytes, BytesData(v.into_boxed_slice()))
}

pub fn new_bytearray(vm: &Vm, v: Vec<u8>) -> PyRef {
    vm.ctx.alloc(&vm.ctx.types.bytearray, ByteArrayData(PyCell::new(v)))
}

/// The contents of a bytes-like object (bytes or bytearray), copied.
pub fn buffer_of(v: &PyRef) -> Option<Vec<u8>> {
    match v.kind() {
        Kind::Bytes => Some(bytes_of(v).to_vec()),
        Kind::ByteArray => v.downcast::<ByteArrayData>().map(|b| b.0.borrow().clone()),
        _ => None,
    }
}

/// Whether `v` is bytes or bytearray (or a subclass).
pub fn is_bytes_like(v: &PyRef) -> bool {
    matches!(v.kind(), Kind::Bytes | Kind::ByteArray)
}

fn need_buffer(vm: &Vm, v: &PyRef) -> PyResult<Vec<u8>> {
    buffer_of(v).ok_or_else(|| vm.type_error(&format!("a bytes-like object is required, not '{}'", vm.type_name(v))))
}

/// A result of the same family as `like` (bytes methods return bytes, bytearray methods
/// return bytearray).
fn same(vm: &Vm, like: &PyRef, v: Vec<u8>) -> PyRef {
    if like.is_kind(Kind::ByteArray) {
        new_bytearray(vm, v)
    } else {
        new_bytes(vm, v)
    }
}

/// `repr(b)`, CPython's quoting rules.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::from("b");
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{:02x}", c)),
        }
    }
    out.push(quote);
    out
}

/// `repr(bytearray)`.
pub fn bytearray_repr(vm: &Vm, v: &PyRef) -> String {
    let data = buffer_of(v).unwrap_or_default();
    format!("{}({})", vm.type_name(v), bytes_repr(&data))
}

// ----- codecs -----

fn normalize_encoding(e: &str) -> String {
    let e = e.trim().to_ascii_lowercase().replace('_', "-");
    match e.as_str() {
        "utf8" | "utf-8" | "u8" | "utf" | "cp65001" => "utf-8".into(),
        "ascii" | "us-ascii" | "646" => "ascii".into(),
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "l1" | "8859" | "cp819" | "latin" => "latin-1".into(),
        _ => e,
    }
}

fn unicode_error(vm: &Vm, cls: &str, enc: &str, obj: PyRef, start: usize, end: usize, reason: &str) -> crate::vm::PyErr {
    let t = vm.ctx.exc.get(cls).unwrap_or_else(|| vm.ctx.exc.value_error.clone());
    match vm.call(&t, &[vm.ctx.new_str(enc), obj, vm.ctx.new_int(start as i64), vm.ctx.new_int(end as i64), vm.ctx.new_str(reason)]) {
        Ok(e) => crate::vm::PyErr(e),
        Err(e) => e,
    }
}

fn lookup_error(vm: &Vm, enc: &str) -> crate::vm::PyErr {
    vm.new_error(&vm.ctx.exc.lookup_error, &format!("unknown encoding: {enc}"))
}

fn check_errors(vm: &Vm, errors: &str) -> PyResult<()> {
    match errors {
        "strict" | "ignore" | "replace" | "backslashreplace" | "surrogateescape" | "xmlcharrefreplace" | "surrogatepass" => Ok(()),
        other => Err(vm.new_error(&vm.ctx.exc.lookup_error, &format!("unknown error handler name '{other}'"))),
    }
}

/// `str.encode(encoding, errors)`.
pub fn encode_str(vm: &Vm, text: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let enc = normalize_encoding(encoding);
    let limit: u32 = match enc.as_str() {
        "utf-8" => return Ok(text.as_bytes().to_vec()),
        "ascii" => 0x80,
        "latin-1" => 0x100,
        _ => return Err(lookup_error(vm, encoding)),
    };
    check_errors(vm, errors)?;
    let mut out = Vec::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        match errors {
            "ignore" => {}
            "replace" => out.push(b'?'),
            "backslashreplace" => {
                let cp = c as u32;
                let s = if cp <= 0xff { format!("\\x{cp:02x}") } else if cp <= 0xffff { format!("\\u{cp:04x}") } else { format!("\\U{cp:08x}") };
                out.extend_from_slice(s.as_bytes());
            }
            "xmlcharrefreplace" => out.extend_from_slice(format!("&#{};", c as u32).as_bytes()),
            _ => {
                let mut end = i + 1;
                while end < chars.len() && (chars[end] as u32) >= limit {
                    end += 1;
                }
                let reason = if limit == 0x80 { "ordinal not in range(128)" } else { "ordinal not in range(256)" };
                return Err(unicode_error(vm, "UnicodeEncodeError", &enc, vm.ctx.new_str(text), i, end, reason));
            }
        }
        i += 1;
    }
    Ok(out)
}

/// Length of the UTF-8 sequence starting at `b[i]` if valid, else (invalid length, reason).
fn utf8_step(b: &[u8], i: usize) -> Result<usize, (usize, &'static str)> {
    let c = b[i];
    let (n, min) = match c {
        0x00..=0x7f => return Ok(1),
        0xc2..=0xdf => (2, 0x80u32),
        0xe0..=0xef => (3, 0x800),
        0xf0..=0xf4 => (4, 0x10000),
        _ => return Err((1, "invalid start byte")),
    };
    for k in 1..n {
        let Some(&cc) = b.get(i + k) else {
            return Err((k, "unexpected end of data"));
        };
        let ok = if k == 1 {
            match c {
                0xe0 => (0xa0..=0xbf).contains(&cc),
                0xed => (0x80..=0x9f).contains(&cc),
                0xf0 => (0x90..=0xbf).contains(&cc),
                0xf4 => (0x80..=0x8f).contains(&cc),
                _ => (0x80..=0xbf).contains(&cc),
            }
        } else {
            (0x80..=0xbf).contains(&cc)
        };
        if !ok {
            return Err((k, "invalid continuation byte"));
        }
    }
    let _ = min;
    Ok(n)
}

/// `bytes.decode(encoding, errors)`; `obj` is the bytes object for the error.
pub fn decode_bytes(vm: &Vm, b: &[u8], encoding: &str, errors: &str, obj: &PyRef) -> PyResult<String> {
    let enc = normalize_encoding(encoding);
    match enc.as_str() {
        "utf-8" => {
            if let Ok(s) = std::str::from_utf8(b) {
                return Ok(s.to_string());
            }
            check_errors(vm, errors)?;
            let mut out = String::with_capacity(b.len());
            let mut i = 0;
            while i < b.len() {
                match utf8_step(b, i) {
                    Ok(n) => {
                        out.push_str(std::str::from_utf8(&b[i..i + n]).unwrap_or("\u{fffd}"));
                        i += n;
                    }
                    Err((n, reason)) => {
                        match errors {
                            "ignore" => {}
                            "replace" => out.push('\u{fffd}'),
                            "backslashreplace" => {
                                for &x in &b[i..i + n] {
                                    out.push_str(&format!("\\x{x:02x}"));
                                }
                            }
                            "surrogateescape" => out.push('\u{fffd}'),
                            _ => {
                                let objb = if obj.is_kind(Kind::Bytes) { obj.clone() } else { new_bytes(vm, b.to_vec()) };
                                return Err(unicode_error(vm, "UnicodeDecodeError", "utf-8", objb, i, i + n, reason));
                            }
                        }
                        i += n;
                    }
                }
            }
            Ok(out)
        }
        "ascii" => {
            check_errors(vm, errors)?;
            let mut out = String::with_capacity(b.len());
            for (i, &x) in b.iter().enumerate() {
                if x < 0x80 {
                    out.push(x as char);
                    continue;
                }
                match errors {
                    "ignore" => {}
                    "replace" => out.push('\u{fffd}'),
                    "backslashreplace" => out.push_str(&format!("\\x{x:02x}")),
                    _ => {
                        let objb = if obj.is_kind(Kind::Bytes) { obj.clone() } else { new_bytes(vm, b.to_vec()) };
                        return Err(unicode_error(vm, "UnicodeDecodeError", "ascii", objb, i, i + 1, "ordinal not in range(128)"));
                    }
                }
            }
            Ok(out)
        }
        "latin-1" => Ok(b.iter().map(|&x| x as char).collect()),
        _ => Err(lookup_error(vm, encoding)),
    }
}

// ----- construction -----

fn byte_value(vm: &Vm, v: &PyRef, array: bool) -> PyResult<u8> {
    let i = vm.index(v)?;
    match i.to_i64() {
        Some(x) if (0..256).contains(&x) => Ok(x as u8),
        _ => Err(vm.value_error(if array { "byte must be in range(0, 256)" } else { "bytes must be in range(0, 256)" })),
    }
}

/// The bytes given to `bytes(x)` / `bytearray(x)` / `extend(x)`.
fn bytes_from_object(vm: &Vm, x: &PyRef, array: bool, ctor: &str) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer_of(x) {
        return Ok(b);
    }
    if x.is_kind(Kind::Str) {
        return Err(vm.type_error(if ctor.is_empty() { "string argument without an encoding" } else { "expected iterable of integers; got: 'str'" }));
    }
    if let Some(i) = x.downcast::<IntData>() {
        if ctor.is_empty() {
            let n = i.value().to_i64().ok_or_else(|| vm.new_error(&vm.ctx.exc.overflow_error, "cannot fit 'int' into an index-sized integer"))?;
            if n < 0 {
                return Err(vm.value_error("negative count"));
            }
            if n > 1 << 40 {
                return Err(vm.new_error(&vm.ctx.exc.memory_error, ""));
            }
            return Ok(vec![0; n as usize]);
        }
    }
    let items = match vm.iterate(x) {
        Ok(items) => items,
        Err(e) if vm.is_instance_of(&e.0, &vm.ctx.exc.type_error) => {
            if ctor.is_empty() {
                return Err(vm.type_error(&format!("cannot convert '{}' object to {}", vm.type_name(x), if array { "bytearray" } else { "bytes" })));
            }
            return Err(e);
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::with_capacity(items.len());
    for it in &items {
        out.push(byte_value(vm, it, array)?);
    }
    Ok(out)
}

fn ctor_args(vm: &Vm, a: &Args<'_>, name: &str, array: bool) -> PyResult<Vec<u8>> {
    let b = args::bind(vm, name, a, &["source", "encoding", "errors"], 0)?;
    match b[0] {
        None => {
            if b[1].is_some() || b[2].is_some() {
                return Err(vm.type_error(if b[1].is_some() { "encoding without a string argument" } else { "errors without a string argument" }));
            }
            Ok(Vec::new())
        }
        Some(src) => {
            if let Some(text) = as_str(src) {
                let Some(enc) = b[1] else {
                    return Err(vm.type_error("string argument without an encoding"));
                };
                let enc = as_str(enc).ok_or_else(|| vm.type_error(&format!("{}() argument 'encoding' must be str, not {}", name, vm.type_name(enc))))?;
                let errors = b[2].and_then(as_str).unwrap_or("strict");
                return encode_str(vm, text, enc, errors);
            }
            if b[1].is_some() {
                return Err(vm.type_error("encoding without a string argument"));
            }
            if b[2].is_some() {
                return Err(vm.type_error("errors without a string argument"));
            }
            if !array {
                if let Some(m) = crate::objects::typeobject::lookup_str(&src.class(), "__bytes__") {
                    let r = vm.call1(&m, src)?;
                    return match r.kind() {
                        Kind::Bytes => Ok(bytes_of(&r).to_vec()),
                        _ => Err(vm.type_error(&format!("__bytes__ returned non-bytes (type {})", vm.type_name(&r)))),
                    };
                }
            }
            bytes_from_object(vm, src, array, "")
        }
    }
}

fn bytes_new(vm: &Vm, cls: &PyRef, a: Args<'_>) -> PyResult {
    let data = ctor_args(vm, &a, "bytes", false)?;
    if cls.is(&vm.ctx.types.bytes) {
        return Ok(new_bytes(vm, data));
    }
    Ok(crate::objects::instance::alloc_instance(vm, cls, BytesData(data.into_boxed_slice())))
}

fn bytearray_new(vm: &Vm, cls: &PyRef, a: Args<'_>) -> PyResult {
    let data = ctor_args(vm, &a, "bytearray", true)?;
    if cls.is(&vm.ctx.types.bytearray) {
        return Ok(new_bytearray(vm, data));
    }
    Ok(crate::objects::instance::alloc_instance(vm, cls, ByteArrayData(PyCell::new(data))))
}

// ----- helpers for the methods -----

fn me(a: &Args<'_>) -> (PyRef, Vec<u8>) {
    let s = a.items[0].clone();
    let d = buffer_of(&s).unwrap_or_default();
    (s, d)
}

const WS: &[u8] = b" \t\n\r\x0b\x0c";

fn find_sub(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return if from <= hay.len() { Some(from) } else { None };
    }
    if needle.len() > hay.len() {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| &hay[i..i + needle.len()] == needle)
}

fn rfind_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len()).rev().find(|&i| &hay[i..i + needle.len()] == needle)
}

/// CPython's ADJUST_INDICES for optional start/end arguments.
fn adjust(vm: &Vm, start: Option<&PyRef>, end: Option<&PyRef>, len: usize) -> PyResult<(usize, usize)> {
    let get = |v: Option<&PyRef>, d: i64| -> PyResult<i64> {
        match v {
            None => Ok(d),
            Some(v) if v.is(&vm.ctx.consts.none) => Ok(d),
            Some(v) => {
                let i = vm.index(v).map_err(|_| vm.type_error("slice indices must be integers or None or have an __index__ method"))?;
                Ok(i.to_i64().unwrap_or(if i.is_negative() { i64::MIN / 2 } else { i64::MAX / 2 }))
            }
        }
    };
    let n = len as i64;
    let mut s = get(start, 0)?;
    let mut e = get(end, n)?;
    if e > n {
        e = n;
    } else if e < 0 {
        e = (e + n).max(0);
    }
    if s < 0 {
        s = (s + n).max(0);
    }
    Ok((s as usize, e as usize))
}

/// A sub-sequence argument: bytes-like, or an int for find/count/index.
fn sub_arg(vm: &Vm, v: &PyRef, allow_int: bool) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer_of(v) {
        return Ok(b);
    }
    if allow_int && v.is_kind(Kind::Int) {
        return Ok(vec![byte_value(vm, v, false).map_err(|_| vm.value_error("byte must be in range(0, 256)"))?]);
    }
    Err(vm.type_error(&format!("argument should be integer or bytes-like object, not '{}'", vm.type_name(v))))
}

fn find_common(vm: &Vm, a: &Args<'_>, name: &str) -> PyResult<(Vec<u8>, Vec<u8>, usize, usize)> {
    let (_, d) = me(a);
    let p = args::pos(vm, name, &a.rest(), 1, 3)?;
    let sub = sub_arg(vm, &p[0], true)?;
    let (s, e) = adjust(vm, p.get(1), p.get(2), d.len())?;
    Ok((d, sub, s, e))
}

fn do_find(vm: &Vm, a: &Args<'_>, name: &str, rev: bool) -> PyResult<Option<usize>> {
    let (d, sub, s, e) = find_common(vm, a, name)?;
    if s > e || s > d.len() {
        return Ok(None);
    }
    let hay = &d[s..e];
    let r = if rev { rfind_sub(hay, &sub) } else { find_sub(hay, &sub, 0) };
    Ok(r.map(|i| i + s))
}

fn b_find(vm: &Vm, a: Args<'_>) -> PyResult {
    Ok(vm.ctx.new_int(do_find(vm, &a, "find", false)?.map(|i| i as i64).unwrap_or(-1)))
}
fn b_rfind(vm: &Vm, a: Args<'_>) -> PyResult {
    Ok(vm.ctx.new_int(do_find(vm, &a, "rfind", true)?.map(|i| i as i64).unwrap_or(-1)))
}
fn b_index(vm: &Vm, a: Args<'_>) -> PyResult {
    match do_find(vm, &a, "index", false)? {
        Some(i) => Ok(vm.ctx.new_int(i as i64)),
        None => Err(vm.value_error("subsection not found")),
    }
}
fn b_rindex(vm: &Vm, a: Args<'_>) -> PyResult {
    match do_find(vm, &a, "rindex", true)? {
        Some(i) => Ok(vm.ctx.new_int(i as i64)),
        None => Err(vm.value_error("subsection not found")),
    }
}
fn b_count(vm: &Vm, a: Args<'_>) -> PyResult {
    let (d, sub, s, e) = find_common(vm, &a, "count")?;
    if s > e || s > d.len() {
        return Ok(vm.ctx.new_int(0));
    }
    let hay = &d[s..e];
    if sub.is_empty() {
        return Ok(vm.ctx.new_int(hay.len() as i64 + 1));
    }
    let mut n = 0;
    let mut i = 0;
    while let Some(j) = find_sub(hay, &sub, i) {
        n += 1;
        i = j + sub.len();
    }
    Ok(vm.ctx.new_int(n))
}

fn affix(vm: &Vm, a: Args<'_>, name: &str, ends: bool) -> PyResult {
    let (_, d) = me(&a);
    let p = args::pos(vm, name, &a.rest(), 1, 3)?;
    let (s, e) = adjust(vm, p.get(1), p.get(2), d.len())?;
    let cands: Vec<PyRef> = if p[0].is_kind(Kind::Tuple) { tuple_items(&p[0]).to_vec() } else { vec![p[0].clone()] };
    for c in &cands {
        let Some(x) = buffer_of(c) else {
            return Err(vm.type_error(&format!("{name} first arg must be bytes or a tuple of bytes, not {}", vm.type_name(c))));
        };
        if s > d.len() || s > e {
            continue;
        }
        let hay = &d[s..e];
        if (ends && hay.ends_with(&x)) || (!ends && hay.starts_with(&x)) {
            return Ok(vm.ctx.bool_obj(true));
        }
    }
    Ok(vm.ctx.bool_obj(false))
}
fn b_startswith(vm: &Vm, a: Args<'_>) -> PyResult {
    affix(vm, a, "startswith", false)
}
fn b_endswith(vm: &Vm, a: Args<'_>) -> PyResult {
    affix(vm, a, "endswith", true)
}

fn b_decode(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, d) = me(&a);
    let b = args::bind(vm, "decode", &a.rest(), &["encoding", "errors"], 0)?;
    let enc = match b[0] {
        Some(e) => as_str(e).ok_or_else(|| vm.type_error(&format!("decode() argument 'encoding' must be str, not {}", vm.type_name(e))))?,
        None => "utf-8",
    };
    let errors = match b[1] {
        Some(e) => as_str(e).ok_or_else(|| vm.type_error(&format!("decode() argument 'errors' must be str, not {}", vm.type_name(e))))?,
        None => "strict",
    };
    let text = decode_bytes(vm, &d, enc, errors, &s)?;
    Ok(vm.ctx.new_string(text))
}

/// `bytes.hex(sep, bytes_per_sep)`, shared with `bytearray.hex`.
pub fn hex_with_sep(vm: &Vm, d: &[u8], sep: Option<&PyRef>, per: Option<&PyRef>) -> PyResult<String> {
    let hex: Vec<String> = d.iter().map(|b| format!("{b:02x}")).collect();
    let Some(sep) = sep else { return Ok(hex.concat()) };
    let sep_s = if let Some(s) = as_str(sep) {
        s.to_string()
    } else if let Some(b) = buffer_of(sep) {
        b.iter().map(|&c| c as char).collect()
    } else {
        return Err(vm.type_error(&format!("sep must be str or bytes.")));
    };
    if sep_s.chars().count() != 1 {
        return Err(vm.value_error("sep must be length 1."));
    }
    let per = match per {
        Some(p) => vm.index(p)?.to_i64().unwrap_or(1),
        None => 1,
    };
    if per == 0 || hex.is_empty() {
        return Ok(hex.concat());
    }
    let n = per.unsigned_abs() as usize;
    let mut groups: Vec<String> = Vec::new();
    if per > 0 {
        // Groups are counted from the right.
        let mut end = hex.len();
        while end > 0 {
            let start = end.saturating_sub(n);
            groups.push(hex[start..end].concat());
            end = start;
        }
        groups.reverse();
    } else {
        let mut start = 0;
        while start < hex.len() {
            let end = (start + n).min(hex.len());
            groups.push(hex[start..end].concat());
            start = end;
        }
    }
    Ok(groups.join(&sep_s))
}

fn b_hex(vm: &Vm, a: Args<'_>) -> PyResult {
    let (_, d) = me(&a);
    let b = args::bind(vm, "hex", &a.rest(), &["sep", "bytes_per_sep"], 0)?;
    Ok(vm.ctx.new_string(hex_with_sep(vm, &d, b[0], b[1])?))
}

fn b_fromhex(vm: &Vm, a: Args<'_>) -> PyResult {
    let (cls, rest) = args::meth(vm, "fromhex", &a, 1, 1)?;
    let s = as_str(&rest[0]).ok_or_else(|| vm.type_error(&format!("fromhex() argument must be str, not {}", vm.type_name(&rest[0]))))?;
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16);
        let lo = chars.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 2;
            }
            (Some(_), None) => return Err(vm.value_error(&format!("non-hexadecimal number found in fromhex() arg at position {}", i + 1))),
            _ => return Err(vm.value_error(&format!("non-hexadecimal number found in fromhex() arg at position {i}"))),
        }
    }
    if cls.is(&vm.ctx.types.bytes) {
        return Ok(new_bytes(vm, out));
    }
    if cls.is(&vm.ctx.types.bytearray) {
        return Ok(new_bytearray(vm, out));
    }
    let b = new_bytes(vm, out);
    vm.call(cls, &[b])
}

fn b_join(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, d) = me(&a);
    let p = args::pos(vm, "join", &a.rest(), 1, 1)?;
    let items = vm.iterate(&p[0])?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&d);
        }
        match buffer_of(it) {
            Some(b) => out.extend_from_slice(&b),
            None => return Err(vm.type_error(&format!("sequence item {i}: expected a bytes-like object, {} found", vm.type_name(it)))),
        }
    }
    Ok(same(vm, &s, out))
}

fn split_common(vm: &Vm, a: &Args<'_>, name: &str) -> PyResult<(PyRef, Vec<u8>, Option<Vec<u8>>, i64)> {
    let (s, d) = me(a);
    let b = args::bind(vm, name, &a.rest(), &["sep", "maxsplit"], 0)?;
    let sep = match b[0] {
        None => None,
        Some(v) if v.is(&vm.ctx.consts.none) => None,
        Some(v) => {
            let x = need_buffer(vm, v)?;
            if x.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(x)
        }
    };
    let maxsplit = match b[1] {
        Some(m) => vm.index(m)?.to_i64().unwrap_or(i64::MAX),
        None => -1,
    };
    Ok((s, d, sep, maxsplit))
}

fn b_split(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, d, sep, maxsplit) = split_common(vm, &a, "split")?;
    let max = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    let mut parts: Vec<Vec<u8>> = Vec::new();
    match sep {
        None => {
            let mut i = 0;
            let n = d.len();
            while i < n {
                while i < n && WS.contains(&d[i]) {
                    i += 1;
                }
                if i >= n {
                    break;
                }
                if parts.len() == max {
                    parts.push(d[i..].to_vec());
                    break;
                }
                let st = i;
                while i < n && !WS.contains(&d[i]) {
                    i += 1;
                }
                parts.push(d[st..i].to_vec());
            }
        }
        Some(sep) => {
            let mut i = 0;
            while parts.len() < max {
                match find_sub(&d, &sep, i) {
                    Some(j) => {
                        parts.push(d[i..j].to_vec());
                        i = j + sep.len();
                    }
                    None => break,
                }
            }
            parts.push(d[i..].to_vec());
        }
    }
    Ok(vm.ctx.new_list(parts.into_iter().map(|p| same(vm, &s, p)).collect()))
}

fn b_rsplit(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, d, sep, maxsplit) = split_common(vm, &a, "rsplit")?;
    let max = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    let mut parts: Vec<Vec<u8>> = Vec::new();
    match sep {
        None => {
            let mut i = d.len();
            while i > 0 {
                while i > 0 && WS.contains(&d[i - 1]) {
                    i -= 1;
                }
                if i == 0 {
                    break;
                }
                if parts.len() == max {
                    parts.push(d[..i].to_vec());
                    break;
                }
                let end = i;
                while i > 0 && !WS.contains(&d[i - 1]) {
                    i -= 1;
                }
                parts.push(d[i..end].to_vec());
            }
        }
        Some(sep) => {
            let mut end = d.len();
            while parts.len() < max {
                match rfind_sub(&d[..end], &sep) {
                    Some(j) => {
                        parts.push(d[j + sep.len()..end].to_vec());
                        end = j;
                    }
                    None => break,
                }
            }
            parts.push(d[..end].to_vec());
        }
    }
    parts.reverse();
    Ok(vm.ctx.new_list(parts.into_iter().map(|p| same(vm, &s, p)).collect()))
}

fn strip_impl(vm: &Vm, a: Args<'_>, name: &str, left: bool, right: bool) -> PyResult {
    let (s, d) = me(&a);
    let p = args::pos(vm, name, &a.rest(), 0, 1)?;
    let chars: Vec<u8> = match p.first() {
        None => WS.to_vec(),
        Some(v) if v.is(&vm.ctx.consts.none) => WS.to_vec(),
        Some(v) => need_buffer(vm, v)?,
    };
    let mut st = 0;
    let mut end = d.len();
    if left {
        while st < end && chars.contains(&d[st]) {
            st += 1;
        }
    }
    if right {
        while end > st && chars.contains(&d[end - 1]) {
            end -= 1;
        }
    }
    Ok(same(vm, &s, d[st..end].to_vec()))
}
fn b_strip(vm: &Vm, a: Args<'_>) -> PyResult {
    strip_impl(vm, a, "strip", true, true)
}
fn b_lstrip(vm: &Vm, a: Args<'_>) -> PyResult {
    strip_impl(vm, a, "lstrip", true, false)
}
fn b_rstrip(vm: &Vm, a: Args<'_>) -> PyResult {
    strip_impl(vm, a, "rstrip", false, true)
}

fn map_impl(vm: &Vm, a: Args<'_>, name: &str, f: impl Fn(&[u8]) -> Vec<u8>) -> PyResult {
    args::meth(vm, name, &a, 0, 0)?;
    let (s, d) = me(&a);
    Ok(same(vm, &s, f(&d)))
}
fn b_upper(vm: &Vm, a: Args<'_>) -> PyResult {
    map_impl(vm, a, "upper", |d| d.to_ascii_uppercase())
}
fn b_lower(vm: &Vm, a: Args<'_>) -> PyResult {
    map_impl(vm, a, "lower", |d| d.to_ascii_lowercase())
}
fn b_swapcase(vm: &Vm, a: Args<'_>) -> PyResult {
    map_impl(vm, a, "swapcase", |d| d.iter().map(|&c| if c.is_ascii_lowercase() { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }).collect())
}
fn b_capitalize(vm: &Vm, a: Args<'_>) -> PyResult {
    map_impl(vm, a, "capitalize", |d| d.iter().enumerate().map(|(i, &c)| if i == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }).collect())
}
fn b_title(vm: &Vm, a: Args<'_>) -> PyResult {
    map_impl(vm, a, "title", |d| {
        let mut prev_cased = false;
        d.iter()
            .map(|&c| {
                let r = if c.is_ascii_alphabetic() {
                    if prev_cased {
                        c.to_ascii_lowercase()
                    } else {
                        c.to_ascii_uppercase()
                    }
                } else {
                    c
                };
                prev_cased = c.is_ascii_alphabetic();
                r
            })
            .collect()
    })
}

fn pred(vm: &Vm, a: Args<'_>, name: &str, f: impl Fn(&[u8]) -> bool) -> PyResult {
    args::meth(vm, name, &a, 0, 0)?;
    let (_, d) = me(&a);
    Ok(vm.ctx.bool_obj(f(&d)))
}
fn b_isalpha(vm: &Vm, a: Args<'_>) -> PyResult {
    pred(vm, a, "isalpha", |d| !d.is_empty() && d.iter().all(|c| c.is_ascii_alphabetic()))
}
fn b_isdigit(vm: &Vm, a: Args<'_>) -> PyResult {
    pred(vm, a, "isdigit", |d| !d.is_empty() && d.iter().all(|c| c.is_ascii_digit()))
}
fn b_isalnum(vm: &Vm, a: Args<'_>) -> PyResult {
    pred(vm, a, "isalnum", |d| !d.is_empty() && d.iter().all(|c| c.is_ascii_alphanumeric()))
}
fn b_isspace(vm: &Vm, a: Args<'_>) -> PyResult {
    pred(vm, a, "isspace", |d| !d.is_empty() && d.iter().all(|c| WS.contains(c)))
}
fn b_islower(vm: &Vm, a: Args<'_>) -> PyResult {
    pred(vm, a, "islower", |d| d.iter().any(|c| c.is_ascii_lowercase()) && !d.iter().any(|c| c.is_ascii_uppercase()))
}
fn b_isupper(vm: &Vm, a: Args<'_>) -> PyResult {
    pred(vm, a, "isupper", |d| d.iter().any(|c| c.is_ascii_uppercase()) && !d.iter().any(|c| c.is_ascii_lowercase()))
}
fn b_isascii(vm: &Vm, a: Args<'_>) -> PyResult {
    pred(vm, a, "isascii", |d| d.is_ascii())
}
fn b_istitle(vm: &Vm, a: Args<'_>) -> PyResult {
    pred(vm, a, "istitle", |d| {
        let mut prev_cased = false;
        let mut any = false;
        for &c in d {
            if c.is_ascii_uppercase() {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                any = true;
            } else if c.is_ascii_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                any = true;
            } else {
                prev_cased = false;
            }
        }
        any
    })
}

fn b_replace(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, d) = me(&a);
    let p = args::pos(vm, "replace", &a.rest(), 2, 3)?;
    let old = need_buffer(vm, &p[0])?;
    let new = need_buffer(vm, &p[1])?;
    let count = match p.get(2) {
        Some(c) => vm.index(c)?.to_i64().unwrap_or(i64::MAX),
        None => -1,
    };
    let max = if count < 0 { usize::MAX } else { count as usize };
    let mut out = Vec::with_capacity(d.len());
    let mut n = 0;
    if old.is_empty() {
        for (i, &c) in d.iter().enumerate() {
            if n < max {
                out.extend_from_slice(&new);
                n += 1;
            }
            out.push(c);
            let _ = i;
        }
        if n < max {
            out.extend_from_slice(&new);
        }
        return Ok(same(vm, &s, out));
    }
    let mut i = 0;
    while n < max {
        match find_sub(&d, &old, i) {
            Some(j) => {
                out.extend_from_slice(&d[i..j]);
                out.extend_from_slice(&new);
                i = j + old.len();
                n += 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&d[i..]);
    Ok(same(vm, &s, out))
}

fn partition_impl(vm: &Vm, a: Args<'_>, name: &str, rev: bool) -> PyResult {
    let (s, d) = me(&a);
    let p = args::pos(vm, name, &a.rest(), 1, 1)?;
    let sep = need_buffer(vm, &p[0])?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let found = if rev { rfind_sub(&d, &sep) } else { find_sub(&d, &sep, 0) };
    let parts = match found {
        Some(i) => [d[..i].to_vec(), sep.clone(), d[i + sep.len()..].to_vec()],
        None if rev => [Vec::new(), Vec::new(), d.clone()],
        None => [d.clone(), Vec::new(), Vec::new()],
    };
    Ok(vm.ctx.new_tuple(parts.into_iter().map(|x| same(vm, &s, x)).collect()))
}
fn b_partition(vm: &Vm, a: Args<'_>) -> PyResult {
    partition_impl(vm, a, "partition", false)
}
fn b_rpartition(vm: &Vm, a: Args<'_>) -> PyResult {
    partition_impl(vm, a, "rpartition", true)
}

fn pad_impl(vm: &Vm, a: Args<'_>, name: &str, how: char) -> PyResult {
    let (s, d) = me(&a);
    let p = args::pos(vm, name, &a.rest(), 1, 2)?;
    let width = vm.index(&p[0])?.to_i64().unwrap_or(0);
    let fill = match p.get(1) {
        None => b' ',
        Some(f) => match buffer_of(f) {
            Some(b) if b.len() == 1 => b[0],
            _ => {
                let what = if is_bytes_like(f) { format!("{} of length {}", vm.type_name(f), buffer_of(f).map(|b| b.len()).unwrap_or(0)) } else { vm.type_name(f) };
                return Err(vm.type_error(&format!("{name}() argument 2 must be a byte string of length 1, not {what}")));
            }
        },
    };
    let len = d.len() as i64;
    if width <= len {
        return Ok(same(vm, &s, d));
    }
    let n = (width - len) as usize;
    let (l, r) = match how {
        '<' => (0, n),
        '>' => (n, 0),
        _ => {
            // CPython's centring: extra space goes left when the width is odd... as str.center.
            let left = n / 2 + (n & width as usize & 1);
            (left, n - left)
        }
    };
    let mut out = vec![fill; l];
    out.extend_from_slice(&d);
    out.extend(std::iter::repeat(fill).take(r));
    Ok(same(vm, &s, out))
}
fn b_center(vm: &Vm, a: Args<'_>) -> PyResult {
    pad_impl(vm, a, "center", '^')
}
fn b_ljust(vm: &Vm, a: Args<'_>) -> PyResult {
    pad_impl(vm, a, "ljust", '<')
}
fn b_rjust(vm: &Vm, a: Args<'_>) -> PyResult {
    pad_impl(vm, a, "rjust", '>')
}
fn b_zfill(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, d) = me(&a);
    let p = args::pos(vm, "zfill", &a.rest(), 1, 1)?;
    let width = vm.index(&p[0])?.to_i64().unwrap_or(0);
    if width <= d.len() as i64 {
        return Ok(same(vm, &s, d));
    }
    let n = width as usize - d.len();
    let mut out = Vec::with_capacity(width as usize);
    let (sign, rest) = match d.first() {
        Some(&c) if c == b'+' || c == b'-' => (Some(c), &d[1..]),
        _ => (None, &d[..]),
    };
    if let Some(c) = sign {
        out.push(c);
    }
    out.extend(std::iter::repeat(b'0').take(n));
    out.extend_from_slice(rest);
    Ok(same(vm, &s, out))
}

fn b_expandtabs(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, d) = me(&a);
    let b = args::bind(vm, "expandtabs", &a.rest(), &["tabsize"], 0)?;
    let ts = match b[0] {
        Some(t) => vm.index(t)?.to_i64().unwrap_or(8),
        None => 8,
    };
    let mut out = Vec::new();
    let mut col = 0i64;
    for &c in &d {
        match c {
            b'\t' => {
                if ts > 0 {
                    let n = ts - col % ts;
                    out.extend(std::iter::repeat(b' ').take(n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(same(vm, &s, out))
}

fn b_splitlines(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, d) = me(&a);
    let b = args::bind(vm, "splitlines", &a.rest(), &["keepends"], 0)?;
    let keep = match b[0] {
        Some(k) => vm.is_true(k)?,
        None => false,
    };
    let mut parts = Vec::new();
    let mut i = 0;
    let mut st = 0;
    while i < d.len() {
        let c = d[i];
        if c == b'\n' || c == b'\r' {
            let mut eol = i + 1;
            if c == b'\r' && d.get(i + 1) == Some(&b'\n') {
                eol += 1;
            }
            parts.push(d[st..if keep { eol } else { i }].to_vec());
            st = eol;
            i = eol;
        } else {
            i += 1;
        }
    }
    if st < d.len() {
        parts.push(d[st..].to_vec());
    }
    Ok(vm.ctx.new_list(parts.into_iter().map(|p| same(vm, &s, p)).collect()))
}

fn b_translate(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, d) = me(&a);
    let b = args::bind(vm, "translate", &a.rest(), &["table", "delete"], 1)?;
    let table = b[0].expect("required");
    let table = if table.is(&vm.ctx.consts.none) {
        None
    } else {
        let t = need_buffer(vm, table)?;
        if t.len() != 256 {
            return Err(vm.value_error("translation table must be 256 characters long"));
        }
        Some(t)
    };
    let delete = match b[1] {
        Some(x) => need_buffer(vm, x)?,
        None => Vec::new(),
    };
    let out: Vec<u8> = d.iter().filter(|c| !delete.contains(c)).map(|&c| table.as_ref().map(|t| t[c as usize]).unwrap_or(c)).collect();
    Ok(same(vm, &s, out))
}

fn b_maketrans(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "maketrans", &a, 2, 2)?;
    let from = need_buffer(vm, &p[0])?;
    let to = need_buffer(vm, &p[1])?;
    if from.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut t: Vec<u8> = (0..=255u8).collect();
    for (f, x) in from.iter().zip(&to) {
        t[*f as usize] = *x;
    }
    Ok(new_bytes(vm, t))
}

fn b_removeprefix(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, d) = me(&a);
    let p = args::pos(vm, "removeprefix", &a.rest(), 1, 1)?;
    let x = need_buffer(vm, &p[0])?;
    Ok(same(vm, &s, if d.starts_with(&x) { d[x.len()..].to_vec() } else { d }))
}
fn b_removesuffix(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, d) = me(&a);
    let p = args::pos(vm, "removesuffix", &a.rest(), 1, 1)?;
    let x = need_buffer(vm, &p[0])?;
    Ok(same(vm, &s, if !x.is_empty() && d.ends_with(&x) { d[..d.len() - x.len()].to_vec() } else { d }))
}

fn b_getnewargs(vm: &Vm, a: Args<'_>) -> PyResult {
    let (_, d) = me(&a);
    Ok(vm.ctx.new_tuple(vec![new_bytes(vm, d)]))
}

fn b_mod(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "__mod__", &a, 1, 1)?;
    percent_format_bytes(vm, s, &rest[0])
}
fn b_rmod(vm: &Vm, _a: Args<'_>) -> PyResult {
    Ok(vm.ctx.consts.not_implemented.clone())
}

/// `b"..." % args`: formatted through the str implementation on the Latin-1 view.
pub fn percent_format_bytes(vm: &Vm, fmt: &PyRef, args: &PyRef) -> PyResult {
    let f: String = buffer_of(fmt).unwrap_or_default().iter().map(|&c| c as char).collect();
    let out = crate::builtins::format::percent_format_impl(vm, &f, args, true)?;
    let bytes: Vec<u8> = out.chars().map(|c| c as u32 as u8).collect();
    Ok(same(vm, fmt, bytes))
}

// ----- bytearray mutation -----

fn ba(o: &PyRef) -> &ByteArrayData {
    o.downcast::<ByteArrayData>().expect("bytearray")
}

fn ba_append(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "append", &a, 1, 1)?;
    let b = byte_value(vm, &rest[0], true)?;
    ba(s).0.borrow_mut().push(b);
    Ok(vm.ctx.none())
}
fn ba_extend(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "extend", &a, 1, 1)?;
    let data = if rest[0].is_kind(Kind::Str) {
        return Err(vm.type_error("expected iterable of integers; got: 'str'"));
    } else {
        bytes_from_object(vm, &rest[0], true, "extend")?
    };
    ba(s).0.borrow_mut().extend(data);
    Ok(vm.ctx.none())
}
fn ba_insert(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "insert", &a, 2, 2)?;
    let i = vm.index(&rest[0])?.to_i64().unwrap_or(0);
    let b = byte_value(vm, &rest[1], true)?;
    let mut v = ba(s).0.borrow_mut();
    let n = v.len() as i64;
    let pos = if i < 0 { (i + n).max(0) } else { i.min(n) };
    v.insert(pos as usize, b);
    Ok(vm.ctx.none())
}
fn ba_pop(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "pop", &a, 0, 1)?;
    let mut v = ba(s).0.borrow_mut();
    if v.is_empty() {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let i = match rest.first() {
        Some(x) => vm.index(x)?.to_i64().unwrap_or(i64::MAX),
        None => -1,
    };
    let n = v.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("pop index out of range"));
    }
    let b = v.remove(j as usize);
    Ok(vm.ctx.new_int(b as i64))
}
fn ba_remove(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "remove", &a, 1, 1)?;
    let b = byte_value(vm, &rest[0], true)?;
    let mut v = ba(s).0.borrow_mut();
    match v.iter().position(|&x| x == b) {
        Some(i) => {
            v.remove(i);
            Ok(vm.ctx.none())
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}
fn ba_reverse(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "reverse", &a, 0, 0)?;
    ba(s).0.borrow_mut().reverse();
    Ok(vm.ctx.none())
}
fn ba_clear(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "clear", &a, 0, 0)?;
    ba(s).0.borrow_mut().clear();
    Ok(vm.ctx.none())
}
fn ba_copy(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "copy", &a, 0, 0)?;
    Ok(new_bytearray(vm, ba(s).0.borrow().clone()))
}

/// `bytearray[key] = value` / `del bytearray[key]`.
pub fn bytearray_setitem(vm: &Vm, c: &PyRef, key: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    use crate::builtins::native::{norm_index, slice_indices};
    let data = ba(c);
    if let Some(sl) = key.downcast::<crate::objects::misc::SliceData>() {
        let len = data.0.borrow().len();
        let (start, stop, step, count) = slice_indices(vm, sl, len)?;
        match value {
            Some(v) => {
                let new: Vec<u8> = if let Some(b) = buffer_of(&v) {
                    b
                } else if v.is_kind(Kind::Int) || v.is_kind(Kind::Str) || crate::objects::typeobject::lookup_str(&v.class(), "__iter__").is_none() {
                    return Err(vm.type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)"));
                } else {
                    bytes_from_object(vm, &v, true, "assign")?
                };
                let mut d = data.0.borrow_mut();
                if step == 1 {
                    let stop = stop.max(start) as usize;
                    d.splice(start as usize..stop, new);
                } else if new.is_empty() {
                    // Assigning nothing to an extended slice deletes it (CPython quirk).
                    let mut pos: Vec<usize> = (0..count).map(|k| (start + k as isize * step) as usize).collect();
                    pos.sort_unstable();
                    for p in pos.into_iter().rev() {
                        d.remove(p);
                    }
                } else {
                    if new.len() != count {
                        return Err(vm.value_error(&format!("attempt to assign bytes of size {} to extended slice of size {}", new.len(), count)));
                    }
                    for (k, b) in new.into_iter().enumerate() {
                        let i = (start + k as isize * step) as usize;
                        d[i] = b;
                    }
                }
            }
            None => {
                let mut d = data.0.borrow_mut();
                let mut pos: Vec<usize> = (0..count).map(|k| (start + k as isize * step) as usize).collect();
                pos.sort_unstable();
                for p in pos.into_iter().rev() {
                    d.remove(p);
                }
            }
        }
        return Ok(());
    }
    let idx = vm.index(key).map_err(|_| vm.type_error(&format!("bytearray indices must be integers or slices, not {}", vm.type_name(key))))?;
    let mut d = data.0.borrow_mut();
    let Some(i) = norm_index(&idx, d.len()) else {
        return Err(vm.index_error("bytearray index out of range"));
    };
    match value {
        Some(v) => {
            drop(d);
            let b = byte_value(vm, &v, true)?;
            data.0.borrow_mut()[i] = b;
        }
        None => {
            d.remove(i);
        }
    }
    Ok(())
}

pub fn init(ctx: &Context) {
    let t = &ctx.types;
    ctx.set_native_new(&t.bytes, bytes_new);
    ctx.set_native_new(&t.bytearray, bytearray_new);
    for typ in [&t.bytes, &t.bytearray] {
        ctx.add_methods(
            typ,
            &[
                method("decode", b_decode),
                method("hex", b_hex),
                classmethod("fromhex", b_fromhex),
                method("join", b_join),
                method("split", b_split),
                method("rsplit", b_rsplit),
                method("strip", b_strip),
                method("lstrip", b_lstrip),
                method("rstrip", b_rstrip),
                method("upper", b_upper),
                method("lower", b_lower),
                method("swapcase", b_swapcase),
                method("capitalize", b_capitalize),
                method("title", b_title),
                method("isalpha", b_isalpha),
                method("isdigit", b_isdigit),
                method("isalnum", b_isalnum),
                method("isspace", b_isspace),
                method("islower", b_islower),
                method("isupper", b_isupper),
                method("isascii", b_isascii),
                method("istitle", b_istitle),
                method("find", b_find),
                method("rfind", b_rfind),
                method("index", b_index),
                method("rindex", b_rindex),
                method("count", b_count),
                method("startswith", b_startswith),
                method("endswith", b_endswith),
                method("replace", b_replace),
                method("partition", b_partition),
                method("rpartition", b_rpartition),
                method("center", b_center),
                method("ljust", b_ljust),
                method("rjust", b_rjust),
                method("zfill", b_zfill),
                method("expandtabs", b_expandtabs),
                method("splitlines", b_splitlines),
                method("translate", b_translate),
                staticmethod("maketrans", b_maketrans),
                method("removeprefix", b_removeprefix),
                method("removesuffix", b_removesuffix),
                method("__mod__", b_mod),
                method("__rmod__", b_rmod),
            ],
        );
    }
    ctx.add_methods(&t.bytes, &[method("__getnewargs__", b_getnewargs)]);
    ctx.add_methods(
        &t.bytearray,
        &[
            method("append", ba_append),
            method("extend", ba_extend),
            method("insert", ba_insert),
            method("pop", ba_pop),
            method("remove", ba_remove),
            method("reverse", ba_reverse),
            method("clear", ba_clear),
            method("copy", ba_copy),
        ],
    );
    ctx.set_type_attr(&t.bytearray, "__hash__", ctx.none());
}
