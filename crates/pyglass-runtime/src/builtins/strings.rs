//! `str`: constructor and methods (CPython `Objects/unicodeobject.c`).

use crate::builtins::args;
use crate::object::{Kind, PyRef};
use crate::objects::instance::alloc_instance;
use crate::objects::str::{as_str, StrData};
use crate::vm::context::{method, staticmethod, Context};
use crate::vm::{Args, PyResult, Vm};

pub fn init(ctx: &Context) {
    ctx.set_native_new(&ctx.types.str, str_new);
    ctx.add_methods(
        &ctx.types.str,
        &[
            method("join", str_join),
            method("split", str_split),
            method("rsplit", str_rsplit),
            method("strip", str_strip),
            method("lstrip", str_lstrip),
            method("rstrip", str_rstrip),
            method("upper", str_upper),
            method("lower", str_lower),
            method("replace", str_replace),
            method("startswith", str_startswith),
            method("endswith", str_endswith),
            method("find", str_find),
            method("rfind", str_rfind),
            method("index", str_index),
            method("rindex", str_rindex),
            method("count", str_count),
            method("format", str_format),
            method("format_map", str_format_map),
            method("__format__", str_format_spec),
            method("encode", str_encode),
            method("isdigit", str_isdigit),
            method("isalpha", str_isalpha),
            method("isalnum", str_isalnum),
            method("isspace", str_isspace),
            method("isupper", str_isupper),
            method("islower", str_islower),
            method("isidentifier", str_isidentifier),
            method("isdecimal", str_isdecimal),
            method("isnumeric", str_isnumeric),
            method("istitle", str_istitle),
            method("isprintable", str_isprintable),
            method("isascii", str_isascii),
            method("title", str_title),
            method("capitalize", str_capitalize),
            method("swapcase", str_swapcase),
            method("casefold", str_casefold),
            method("center", str_center),
            method("ljust", str_ljust),
            method("rjust", str_rjust),
            method("zfill", str_zfill),
            method("partition", str_partition),
            method("rpartition", str_rpartition),
            method("splitlines", str_splitlines),
            method("removeprefix", str_removeprefix),
            method("removesuffix", str_removesuffix),
            method("expandtabs", str_expandtabs),
            method("__getnewargs__", str_getnewargs),
            staticmethod("maketrans", str_maketrans),
            method("translate", str_translate),
        ],
    );
}

fn text(v: &PyRef) -> &str {
    as_str(v).unwrap_or("")
}

fn s_arg<'a>(vm: &Vm, v: &'a PyRef, what: &str) -> PyResult<&'a str> {
    as_str(v).ok_or_else(|| vm.type_error(&format!("{what} must be str, not {}", vm.type_name(v))))
}

fn new_s(vm: &Vm, s: String) -> PyResult {
    Ok(vm.ctx.new_string(s))
}

fn str_new(vm: &Vm, cls: &PyRef, a: Args<'_>) -> PyResult {
    let b = args::bind(vm, "str", &a, &["object", "encoding", "errors"], 0)?;
    let s = match (b[0], b[1]) {
        (None, _) => String::new(),
        (Some(o), None) => vm.str_string(o)?,
        (Some(o), Some(_)) => {
            if o.is_kind(Kind::Bytes) {
                String::from_utf8(crate::builtins::bytes::bytes_of(o).to_vec()).map_err(|_| vm.new_error(&vm.ctx.exc.unicode_decode_error, "'utf-8' codec can't decode bytes"))?
            } else {
                return Err(vm.type_error(&format!("decoding to str: need a bytes-like object, {} found", vm.type_name(o))));
            }
        }
    };
    if cls.is(&vm.ctx.types.str) {
        Ok(vm.ctx.new_string(s))
    } else {
        Ok(alloc_instance(vm, cls, StrData::new(s)))
    }
}

fn str_join(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "join", &a, 1, 1)?;
    let sep = text(s);
    let items = vm.iterate(&rest[0])?;
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        match as_str(it) {
            Some(t) => out.push_str(t),
            None => return Err(vm.type_error(&format!("sequence item {}: expected str instance, {} found", i, vm.type_name(it)))),
        }
    }
    new_s(vm, out)
}

fn split_args<'a>(vm: &Vm, name: &str, a: &Args<'a>) -> PyResult<(&'a PyRef, Option<&'a str>, i64)> {
    let s = &a.items[0];
    let b = args::bind(vm, name, &a.rest(), &["sep", "maxsplit"], 0)?;
    let sep = match b[0] {
        Some(v) if !v.is(&vm.ctx.consts.none) => Some(as_str(v).ok_or_else(|| vm.type_error(&format!("must be str or None, not {}", vm.type_name(v))))?),
        _ => None,
    };
    if sep == Some("") {
        return Err(vm.value_error("empty separator"));
    }
    let maxsplit = match b[1] {
        Some(v) => vm.index(v)?.to_i64().unwrap_or(-1),
        None => -1,
    };
    Ok((s, sep, maxsplit))
}

fn str_split(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, sep, maxsplit) = split_args(vm, "split", &a)?;
    let t = text(s);
    let parts: Vec<String> = match sep {
        Some(sep) => {
            if maxsplit < 0 {
                t.split(sep).map(|p| p.to_string()).collect()
            } else {
                t.splitn(maxsplit as usize + 1, sep).map(|p| p.to_string()).collect()
            }
        }
        None => {
            let mut out = Vec::new();
            let mut rest = t.trim_start_matches(py_isspace);
            let mut n = 0;
            while !rest.is_empty() {
                if maxsplit >= 0 && n >= maxsplit {
                    out.push(rest.to_string());
                    break;
                }
                let end = rest.find(py_isspace).unwrap_or(rest.len());
                out.push(rest[..end].to_string());
                rest = rest[end..].trim_start_matches(py_isspace);
                n += 1;
            }
            out
        }
    };
    Ok(vm.ctx.new_list(parts.into_iter().map(|p| vm.ctx.new_string(p)).collect()))
}

fn str_rsplit(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, sep, maxsplit) = split_args(vm, "rsplit", &a)?;
    let t = text(s);
    let mut parts: Vec<String> = match sep {
        Some(sep) => {
            if maxsplit < 0 {
                t.rsplit(sep).map(|p| p.to_string()).collect()
            } else {
                t.rsplitn(maxsplit as usize + 1, sep).map(|p| p.to_string()).collect()
            }
        }
        None => {
            let mut out = Vec::new();
            let mut rest = t.trim_end_matches(py_isspace);
            let mut n = 0;
            while !rest.is_empty() {
                if maxsplit >= 0 && n >= maxsplit {
                    out.push(rest.to_string());
                    break;
                }
                let start = rest.rfind(py_isspace).map(|i| i + rest[i..].chars().next().map(|c| c.len_utf8()).unwrap_or(1)).unwrap_or(0);
                out.push(rest[start..].to_string());
                rest = rest[..start].trim_end_matches(py_isspace);
                n += 1;
            }
            out
        }
    };
    parts.reverse();
    Ok(vm.ctx.new_list(parts.into_iter().map(|p| vm.ctx.new_string(p)).collect()))
}

fn strip_impl(vm: &Vm, a: Args<'_>, name: &str, left: bool, right: bool) -> PyResult {
    let (s, rest) = args::meth(vm, name, &a, 0, 1)?;
    let t = text(s);
    let chars: Option<Vec<char>> = match rest.first() {
        Some(c) if !c.is(&vm.ctx.consts.none) => Some(s_arg(vm, c, &format!("{name} arg"))?.chars().collect()),
        _ => None,
    };
    let pred = |c: char| match &chars {
        Some(cs) => cs.contains(&c),
        None => py_isspace(c),
    };
    let mut r = t;
    if left {
        r = r.trim_start_matches(pred);
    }
    if right {
        r = r.trim_end_matches(pred);
    }
    if r.len() == t.len() && s.class().is(&vm.ctx.types.str) {
        return Ok(s.clone());
    }
    Ok(vm.ctx.new_str(r))
}
fn str_strip(vm: &Vm, a: Args<'_>) -> PyResult {
    strip_impl(vm, a, "strip", true, true)
}
fn str_lstrip(vm: &Vm, a: Args<'_>) -> PyResult {
    strip_impl(vm, a, "lstrip", true, false)
}
fn str_rstrip(vm: &Vm, a: Args<'_>) -> PyResult {
    strip_impl(vm, a, "rstrip", false, true)
}
fn str_upper(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "upper", &a, 0, 0)?;
    new_s(vm, text(s).to_uppercase())
}
fn str_lower(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "lower", &a, 0, 0)?;
    new_s(vm, text(s).to_lowercase())
}
fn str_replace(vm: &Vm, a: Args<'_>) -> PyResult {
    let s = &a.items[0];
    let b = args::bind(vm, "replace", &a.rest(), &["old", "new", "count"], 2)?;
    let rest: Vec<PyRef> = b.iter().flatten().map(|x| (*x).clone()).collect();
    let (old, new) = (s_arg(vm, &rest[0], "replace() argument 1")?, s_arg(vm, &rest[1], "replace() argument 2")?);
    let count = match rest.get(2) {
        Some(c) => vm.index(c)?.to_i64().unwrap_or(-1),
        None => -1,
    };
    let t = text(s);
    let r = if count < 0 {
        if old.is_empty() {
            let mut out = String::from(new);
            for c in t.chars() {
                out.push(c);
                out.push_str(new);
            }
            out
        } else {
            t.replace(old, new)
        }
    } else {
        t.replacen(old, new, count as usize)
    };
    new_s(vm, r)
}

/// Resolve optional start/end arguments to a byte range of `t`.
fn char_range(vm: &Vm, t: &StrData, start: Option<&PyRef>, end: Option<&PyRef>) -> PyResult<(usize, usize)> {
    let n = t.char_len() as i64;
    let get = |v: Option<&PyRef>, is_start: bool| -> PyResult<i64> {
        match v {
            Some(x) if !x.is(&vm.ctx.consts.none) => {
                let i = vm.index(x)?.to_i64().unwrap_or(if is_start { i64::MIN } else { i64::MAX });
                // The end is clamped to the length; a start past it stays (nothing matches).
                Ok(if i < 0 { (i + n).max(0) } else if is_start { i } else { i.min(n) })
            }
            _ => Ok(if is_start { 0 } else { n }),
        }
    };
    let (s, e) = (get(start, true)?, get(end, false)?);
    Ok((s.min(i64::MAX / 2) as usize, e.max(0) as usize))
}

fn affix(vm: &Vm, a: Args<'_>, name: &str, starts: bool) -> PyResult {
    let (s, rest) = args::meth(vm, name, &a, 1, 3)?;
    let sd = s.downcast::<StrData>().expect("str");
    let (st, en) = char_range(vm, sd, rest.get(1), rest.get(2))?;
    let empty = st > en;
    let t = if empty { "" } else { sd.substring(st, en) };
    let check = |p: &str| !empty && if starts { t.starts_with(p) } else { t.ends_with(p) };
    if rest[0].is_kind(Kind::Tuple) {
        for p in crate::objects::tuple::tuple_items(&rest[0]) {
            if check(s_arg(vm, p, "tuple for startswith must only contain str")?) {
                return Ok(vm.ctx.bool_obj(true));
            }
        }
        return Ok(vm.ctx.bool_obj(false));
    }
    let p = as_str(&rest[0]).ok_or_else(|| vm.type_error(&format!("{name} first arg must be str or a tuple of str, not {}", vm.type_name(&rest[0]))))?;
    Ok(vm.ctx.bool_obj(check(p)))
}
fn str_startswith(vm: &Vm, a: Args<'_>) -> PyResult {
    affix(vm, a, "startswith", true)
}
fn str_endswith(vm: &Vm, a: Args<'_>) -> PyResult {
    affix(vm, a, "endswith", false)
}

fn find_impl(vm: &Vm, a: &Args<'_>, name: &str, reverse: bool) -> PyResult<i64> {
    let (s, rest) = args::meth(vm, name, a, 1, 3)?;
    let sd = s.downcast::<StrData>().expect("str");
    let sub = s_arg(vm, &rest[0], "must be str")?;
    let (st, en) = char_range(vm, sd, rest.get(1), rest.get(2))?;
    if st > sd.char_len() || st > en {
        return Ok(-1);
    }
    let hay = sd.substring(st, en);
    let found = if reverse { hay.rfind(sub) } else { hay.find(sub) };
    Ok(match found {
        Some(b) => (st + hay[..b].chars().count()) as i64,
        None => -1,
    })
}
fn str_find(vm: &Vm, a: Args<'_>) -> PyResult {
    Ok(vm.ctx.new_int(find_impl(vm, &a, "find", false)?))
}
fn str_rfind(vm: &Vm, a: Args<'_>) -> PyResult {
    Ok(vm.ctx.new_int(find_impl(vm, &a, "rfind", true)?))
}
fn str_index(vm: &Vm, a: Args<'_>) -> PyResult {
    match find_impl(vm, &a, "index", false)? {
        -1 => Err(vm.value_error("substring not found")),
        i => Ok(vm.ctx.new_int(i)),
    }
}
fn str_rindex(vm: &Vm, a: Args<'_>) -> PyResult {
    match find_impl(vm, &a, "rindex", true)? {
        -1 => Err(vm.value_error("substring not found")),
        i => Ok(vm.ctx.new_int(i)),
    }
}
fn str_count(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "count", &a, 1, 3)?;
    let sd = s.downcast::<StrData>().expect("str");
    let sub = s_arg(vm, &rest[0], "must be str")?;
    let (st, en) = char_range(vm, sd, rest.get(1), rest.get(2))?;
    if st > en {
        return Ok(vm.ctx.new_int(0));
    }
    let hay = sd.substring(st, en);
    let n = if sub.is_empty() { hay.chars().count() + 1 } else { hay.matches(sub).count() };
    Ok(vm.ctx.new_int(n as i64))
}

fn str_format(vm: &Vm, a: Args<'_>) -> PyResult {
    let s = &a.items[0];
    let r = crate::builtins::strformat::format_method(vm, text(s), a.rest())?;
    new_s(vm, r)
}
fn str_format_map(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "format_map", &a, 1, 1)?;
    let r = crate::builtins::strformat::format_map(vm, text(s), &rest[0])?;
    new_s(vm, r)
}
fn str_format_spec(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "__format__", &a, 1, 1)?;
    let spec = s_arg(vm, &rest[0], "format spec")?;
    let sp = crate::builtins::format::parse_spec(vm, spec)?;
    new_s(vm, crate::builtins::format::format_str(vm, text(s), &sp)?)
}
fn str_encode(vm: &Vm, a: Args<'_>) -> PyResult {
    let s = &a.items[0];
    let b = args::bind(vm, "encode", &a.rest(), &["encoding", "errors"], 0)?;
    let enc = match b[0] {
        Some(e) => as_str(e).ok_or_else(|| vm.type_error(&format!("encode() argument 'encoding' must be str, not {}", vm.type_name(e))))?,
        None => "utf-8",
    };
    let errors = match b[1] {
        Some(e) => as_str(e).ok_or_else(|| vm.type_error(&format!("encode() argument 'errors' must be str, not {}", vm.type_name(e))))?,
        None => "strict",
    };
    let bytes = crate::builtins::bytes::encode_str(vm, text(s), enc, errors)?;
    Ok(crate::builtins::bytes::new_bytes(vm, bytes))
}

fn pred(vm: &Vm, a: Args<'_>, name: &str, f: impl Fn(&str) -> bool) -> PyResult {
    let (s, _) = args::meth(vm, name, &a, 0, 0)?;
    Ok(vm.ctx.bool_obj(f(text(s))))
}
use crate::builtins::unicode_props as up;

fn has(c: char, flags: u8) -> bool {
    up::props(c) & flags != 0
}
/// Python's `str.isspace` for one character (includes U+001C..U+001F).
pub fn py_isspace(c: char) -> bool {
    has(c, up::SPACE)
}
fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase() || up::is_titlecase(c)
}
fn str_isdigit(vm: &Vm, a: Args<'_>) -> PyResult {
    pred(vm, a, "isdigit", |t| !t.is_empty() && t.chars().all(|c| has(c, up::DIGIT)))
}
fn str_isdecimal(vm: &Vm, a: Args<'_>) -> PyResult {
    pred(vm, a, "isdecimal", |t| !t.is_empty() && t.chars().all(|c| has(c, up::DECIMAL)))
}
fn str_isnumeric(vm: &Vm, a: Args<'_>) -> PyResult {
    pred(vm, a, "isnumeric", |t| !t.is_empty() && t.chars().all(|c| has(c, up::NUMERIC)))
}
fn str_isalpha(vm: &Vm, a: Args<'_>) -> PyResult {
    pred(vm, a, "isalpha", |t| !t.is_empty() && t.chars().all(|c| has(c, up::ALPHA)))
}
fn str_isalnum(vm: &Vm, a: Args<'_>) -> PyResult {
    pred(vm, a, "isalnum", |t| !t.is_empty() && t.chars().all(|c| has(c, up::ALPHA | up::DECIMAL | up::DIGIT | up::NUMERIC)))
}
fn str_isspace(vm: &Vm, a: Args<'_>) -> PyResult {
    pred(vm, a, "isspace", |t| !t.is_empty() && t.chars().all(py_isspace))
}
fn str_isupper(vm: &Vm, a: Args<'_>) -> PyResult {
    pred(vm, a, "isupper", |t| {
        let mut cased = false;
        for c in t.chars() {
            if c.is_lowercase() || up::is_titlecase(c) {
                return false;
            }
            cased |= c.is_uppercase();
        }
        cased
    })
}
fn str_islower(vm: &Vm, a: Args<'_>) -> PyResult {
    pred(vm, a, "islower", |t| {
        let mut cased = false;
        for c in t.chars() {
            if c.is_uppercase() || up::is_titlecase(c) {
                return false;
            }
            cased |= c.is_lowercase();
        }
        cased
    })
}
fn str_isascii(vm: &Vm, a: Args<'_>) -> PyResult {
    pred(vm, a, "isascii", |t| t.is_ascii())
}
fn str_isprintable(vm: &Vm, a: Args<'_>) -> PyResult {
    pred(vm, a, "isprintable", |t| t.chars().all(|c| has(c, up::PRINTABLE)))
}
/// `str.isidentifier` (XID_Start or '_', then XID_Continue).
pub fn is_identifier(t: &str) -> bool {
    let mut cs = t.chars();
    match cs.next() {
        Some(c) if has(c, up::XID_START) => cs.all(|c| has(c, up::XID_CONTINUE)),
        _ => false,
    }
}
fn str_isidentifier(vm: &Vm, a: Args<'_>) -> PyResult {
    pred(vm, a, "isidentifier", is_identifier)
}
fn str_istitle(vm: &Vm, a: Args<'_>) -> PyResult {
    pred(vm, a, "istitle", |t| {
        let mut prev_cased = false;
        let mut any = false;
        for c in t.chars() {
            if c.is_uppercase() || up::is_titlecase(c) {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                any = true;
            } else if c.is_lowercase() {
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

/// Case-ignorable characters (an approximation of the Unicode property: the word-internal
/// punctuation CPython's tables list, modifier letters and combining marks).
fn is_case_ignorable(c: char) -> bool {
    matches!(c, '\'' | '.' | ':' | '^' | '`' | '\u{a8}' | '\u{ad}' | '\u{af}' | '\u{b4}' | '\u{b7}' | '\u{b8}' | '\u{2018}' | '\u{2019}' | '\u{2024}' | '\u{2027}')
        || ('\u{300}'..='\u{36f}').contains(&c)
        || ('\u{2b0}'..='\u{2ff}').contains(&c)
}

/// Lowercase `cs[i]` into `out`, with the Final_Sigma rule for U+03A3 (CPython's
/// `handle_capital_sigma`).
fn push_lower_at(out: &mut String, cs: &[char], i: usize) {
    let c = cs[i];
    if c != '\u{3a3}' {
        out.extend(c.to_lowercase());
        return;
    }
    let before = cs[..i].iter().rev().find(|c| !is_case_ignorable(**c));
    let mut final_sigma = before.is_some_and(|c| is_cased(*c));
    if final_sigma {
        let after = cs[i + 1..].iter().find(|c| !is_case_ignorable(**c));
        final_sigma = after.map_or(true, |c| !is_cased(*c));
    }
    out.push(if final_sigma { '\u{3c2}' } else { '\u{3c3}' });
}

fn title_case(t: &str) -> String {
    let cs: Vec<char> = t.chars().collect();
    let mut out = String::with_capacity(t.len());
    let mut prev_cased = false;
    for (i, &c) in cs.iter().enumerate() {
        if prev_cased {
            push_lower_at(&mut out, &cs, i);
        } else {
            up::push_title(&mut out, c);
        }
        prev_cased = is_cased(c);
    }
    out
}

/// `str.casefold` (full case folding).
fn casefold(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        up::push_fold(&mut out, c);
    }
    out
}

fn str_casefold(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "casefold", &a, 0, 0)?;
    new_s(vm, casefold(text(s)))
}
fn str_title(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "title", &a, 0, 0)?;
    new_s(vm, title_case(text(s)))
}
fn str_capitalize(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "capitalize", &a, 0, 0)?;
    let cs: Vec<char> = text(s).chars().collect();
    let mut r = String::with_capacity(text(s).len());
    for i in 0..cs.len() {
        if i == 0 {
            up::push_title(&mut r, cs[0]);
        } else {
            push_lower_at(&mut r, &cs, i);
        }
    }
    new_s(vm, r)
}
fn str_swapcase(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "swapcase", &a, 0, 0)?;
    let t = text(s);
    let cs: Vec<char> = t.chars().collect();
    let mut r = String::with_capacity(t.len());
    for (i, &c) in cs.iter().enumerate() {
        if c.is_uppercase() {
            push_lower_at(&mut r, &cs, i);
        } else if c.is_lowercase() {
            r.extend(c.to_uppercase());
        } else {
            r.push(c);
        }
    }
    new_s(vm, r)
}
fn justify(vm: &Vm, a: Args<'_>, name: &str, mode: char) -> PyResult {
    let (s, rest) = args::meth(vm, name, &a, 1, 2)?;
    let width = vm.index(&rest[0])?.to_i64().unwrap_or(0).max(0) as usize;
    let fill = match rest.get(1) {
        Some(f) => {
            let fs = s_arg(vm, f, "fill character")?;
            let mut it = fs.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => c,
                _ => return Err(vm.type_error("The fill character must be exactly one character long")),
            }
        }
        None => ' ',
    };
    let t = text(s);
    let n = t.chars().count();
    if n >= width {
        return Ok(s.clone());
    }
    let pad = width - n;
    let f = |k: usize| std::iter::repeat(fill).take(k).collect::<String>();
    let r = match mode {
        '<' => format!("{t}{}", f(pad)),
        '>' => format!("{}{t}", f(pad)),
        _ => {
            let left = pad / 2 + (pad & width & 1);
            format!("{}{t}{}", f(left), f(pad - left))
        }
    };
    new_s(vm, r)
}
fn str_center(vm: &Vm, a: Args<'_>) -> PyResult {
    justify(vm, a, "center", '^')
}
fn str_ljust(vm: &Vm, a: Args<'_>) -> PyResult {
    justify(vm, a, "ljust", '<')
}
fn str_rjust(vm: &Vm, a: Args<'_>) -> PyResult {
    justify(vm, a, "rjust", '>')
}
fn str_zfill(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "zfill", &a, 1, 1)?;
    let width = vm.index(&rest[0])?.to_i64().unwrap_or(0).max(0) as usize;
    let t = text(s);
    let n = t.chars().count();
    if n >= width {
        return Ok(s.clone());
    }
    let zeros = "0".repeat(width - n);
    let r = if t.starts_with(['+', '-']) { format!("{}{}{}", &t[..1], zeros, &t[1..]) } else { format!("{zeros}{t}") };
    new_s(vm, r)
}
fn partition_impl(vm: &Vm, a: Args<'_>, name: &str, rev: bool) -> PyResult {
    let (s, rest) = args::meth(vm, name, &a, 1, 1)?;
    let sep = s_arg(vm, &rest[0], "sep")?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let t = text(s);
    let found = if rev { t.rfind(sep) } else { t.find(sep) };
    let parts = match found {
        Some(i) => [t[..i].to_string(), sep.to_string(), t[i + sep.len()..].to_string()],
        None if rev => [String::new(), String::new(), t.to_string()],
        None => [t.to_string(), String::new(), String::new()],
    };
    Ok(vm.ctx.new_tuple(parts.into_iter().map(|p| vm.ctx.new_string(p)).collect()))
}
fn str_partition(vm: &Vm, a: Args<'_>) -> PyResult {
    partition_impl(vm, a, "partition", false)
}
fn str_rpartition(vm: &Vm, a: Args<'_>) -> PyResult {
    partition_impl(vm, a, "rpartition", true)
}
fn str_splitlines(vm: &Vm, a: Args<'_>) -> PyResult {
    let s = &a.items[0];
    let b = args::bind(vm, "splitlines", &a.rest(), &["keepends"], 0)?;
    let keep = match b[0] {
        Some(k) => vm.is_true(k)?,
        None => false,
    };
    let t = text(s);
    let mut out = Vec::new();
    let mut start = 0;
    let cs: Vec<(usize, char)> = t.char_indices().collect();
    let mut i = 0;
    while i < cs.len() {
        let (bi, c) = cs[i];
        let is_break = matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}');
        if is_break {
            let mut end = bi + c.len_utf8();
            if c == '\r' && i + 1 < cs.len() && cs[i + 1].1 == '\n' {
                end += 1;
                i += 1;
            }
            out.push(if keep { t[start..end].to_string() } else { t[start..bi].to_string() });
            start = end;
        }
        i += 1;
    }
    if start < t.len() {
        out.push(t[start..].to_string());
    }
    Ok(vm.ctx.new_list(out.into_iter().map(|p| vm.ctx.new_string(p)).collect()))
}
fn str_removeprefix(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "removeprefix", &a, 1, 1)?;
    let p = s_arg(vm, &rest[0], "removeprefix() argument")?;
    Ok(vm.ctx.new_str(text(s).strip_prefix(p).unwrap_or(text(s))))
}
fn str_removesuffix(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "removesuffix", &a, 1, 1)?;
    let p = s_arg(vm, &rest[0], "removesuffix() argument")?;
    Ok(vm.ctx.new_str(text(s).strip_suffix(p).unwrap_or(text(s))))
}
fn str_expandtabs(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "expandtabs", &a, 0, 1)?;
    let ts = match rest.first() {
        Some(t) => vm.index(t)?.to_i64().unwrap_or(8),
        None => 8,
    };
    let mut out = String::new();
    let mut col = 0i64;
    for c in text(s).chars() {
        match c {
            '\t' => {
                if ts > 0 {
                    let n = ts - col % ts;
                    out.extend(std::iter::repeat(' ').take(n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    new_s(vm, out)
}
fn str_getnewargs(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__getnewargs__", &a, 0, 0)?;
    Ok(vm.ctx.new_tuple(vec![vm.ctx.new_str(text(s))]))
}
fn str_maketrans(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "maketrans", &a, 1, 3)?;
    let d = vm.ctx.new_dict();
    let dd = d.downcast::<crate::objects::dict::DictData>().expect("dict");
    if p.len() == 1 {
        for (k, v) in p[0].downcast::<crate::objects::dict::DictData>().ok_or_else(|| vm.type_error("if you give only one argument to maketrans it must be a dict"))?.items() {
            let key = match as_str(&k) {
                Some(ks) => vm.ctx.new_int(ks.chars().next().map(|c| c as i64).unwrap_or(0)),
                None => k,
            };
            dd.set_item(vm, key, v)?;
        }
    } else {
        let (x, y) = (text(&p[0]).chars().collect::<Vec<_>>(), text(&p[1]).chars().collect::<Vec<_>>());
        if x.len() != y.len() {
            return Err(vm.value_error("the first two maketrans arguments must have equal length"));
        }
        for (a, b) in x.iter().zip(&y) {
            dd.set_item(vm, vm.ctx.new_int(*a as i64), vm.ctx.new_int(*b as i64))?;
        }
        if let Some(z) = p.get(2) {
            for c in text(z).chars() {
                dd.set_item(vm, vm.ctx.new_int(c as i64), vm.ctx.none())?;
            }
        }
    }
    Ok(d)
}
fn str_translate(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "translate", &a, 1, 1)?;
    let mut out = String::new();
    for c in text(s).chars() {
        match vm.getitem(&rest[0], &vm.ctx.new_int(c as i64)) {
            Ok(v) => {
                if v.is(&vm.ctx.consts.none) {
                    continue;
                }
                if let Some(t) = as_str(&v) {
                    out.push_str(t);
                } else if let Some(i) = v.downcast::<crate::objects::int::IntData>().and_then(|i| i.as_small()) {
                    out.push(char::from_u32(i as u32).unwrap_or(c));
                }
            }
            Err(e) if vm.is_instance_of(&e.0, &vm.ctx.exc.lookup_error) => out.push(c),
            Err(e) => return Err(e),
        }
    }
    new_s(vm, out)
}
