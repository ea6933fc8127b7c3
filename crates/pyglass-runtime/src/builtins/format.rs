//! The format-spec mini-language (`format()`, f-strings, `str.format`) for int, float and
//! str, and printf-style `%` formatting (CPython `Python/formatter_unicode.c`,
//! `Objects/unicodeobject.c`'s `PyUnicode_Format`).

use crate::object::{Kind, PyRef};
use crate::objects::float::{float_repr, FloatData};
use crate::objects::int::{IntData, IntValue};
use crate::objects::str::as_str;
use crate::objects::tuple::tuple_items;
use crate::vm::{PyResult, Vm};

#[derive(Default, Debug)]
pub struct Spec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub alt: bool,
    pub zero: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
    /// 'z': coerce negative zero to positive after rounding (PEP 682).
    pub z: bool,
}

pub fn parse_spec(vm: &Vm, spec: &str) -> PyResult<Spec> {
    parse_spec_for(vm, spec, "str")
}

/// Parse a format spec for an object of type `tyname` (named in error messages).
pub fn parse_spec_for(vm: &Vm, spec: &str, tyname: &str) -> PyResult<Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let mut s = Spec::default();
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = Some(chars[0]);
        s.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = Some(chars[0]);
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        s.sign = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == 'z' {
        s.z = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '#' {
        s.alt = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        s.width = chars[start..i].iter().collect::<String>().parse().ok();
    }
    if i < chars.len() && matches!(chars[i], ',' | '_') {
        s.grouping = Some(chars[i]);
        i += 1;
        if i < chars.len() && matches!(chars[i], ',' | '_') {
            return Err(vm.value_error(if chars[i] == s.grouping.unwrap_or(',') { if chars[i] == ',' { "Cannot specify ',' with ','." } else { "Cannot specify '_' with '_'." } } else { "Cannot specify both ',' and '_'." }));
        }
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return Err(vm.value_error("Format specifier missing precision"));
        }
        s.precision = chars[start..i].iter().collect::<String>().parse().ok();
    }
    if i < chars.len() {
        s.ty = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() {
        return Err(vm.value_error(&format!("Invalid format specifier '{spec}' for object of type '{tyname}'")));
    }
    if let (Some(g), Some(t)) = (s.grouping, s.ty) {
        let ok = match t {
            'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' => true,
            'b' | 'o' | 'x' | 'X' => g == '_',
            _ => false,
        };
        if !ok {
            return Err(vm.value_error(&format!("Cannot specify '{g}' with '{t}'.")));
        }
    }
    Ok(s)
}

/// Pad `body` (with an optional sign/prefix part for '=' alignment) to the spec's width.
fn pad(s: &Spec, prefix: &str, body: &str, default_align: char) -> String {
    let width = s.width.unwrap_or(0);
    let len = prefix.chars().count() + body.chars().count();
    let (fill, align) = if s.zero && s.align.is_none() { ('0', '=') } else { (s.fill.unwrap_or(' '), s.align.unwrap_or(default_align)) };
    if len >= width {
        return format!("{prefix}{body}");
    }
    let n = width - len;
    let f = |k: usize| std::iter::repeat(fill).take(k).collect::<String>();
    match align {
        '<' => format!("{prefix}{body}{}", f(n)),
        '^' => format!("{}{prefix}{body}{}", f(n / 2), f(n - n / 2)),
        '=' => format!("{prefix}{}{body}", f(n)),
        _ => format!("{}{prefix}{body}", f(n)),
    }
}

fn group_digits(digits: &str, sep: char, every: usize) -> String {
    let mut out: Vec<char> = Vec::new();
    for (i, c) in digits.chars().rev().enumerate() {
        if i > 0 && i % every == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out.into_iter().rev().collect()
}

fn sign_str(neg: bool, s: &Spec) -> &'static str {
    if neg {
        "-"
    } else {
        match s.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

pub fn format_int(vm: &Vm, v: &IntValue, s: &Spec) -> PyResult<String> {
    if let Some(t) = s.ty {
        if matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
            let f = crate::builtins::native::int_to_f64(vm, v)?;
            return format_float(vm, f, s);
        }
    }
    if s.precision.is_some() {
        return Err(vm.value_error("Precision not allowed in integer format specifier"));
    }
    let neg = v.is_negative();
    let a = v.abs();
    let (digits, prefix) = match s.ty {
        None | Some('d') | Some('n') => (a.to_string(), ""),
        Some('b') => (a.to_string_radix(2), "0b"),
        Some('o') => (a.to_string_radix(8), "0o"),
        Some('x') => (a.to_string_radix(16), "0x"),
        Some('X') => (a.to_string_radix(16).to_uppercase(), "0X"),
        Some('c') => {
            let c = v.to_i64().and_then(|c| u32::try_from(c).ok()).and_then(char::from_u32).ok_or_else(|| vm.new_error(&vm.ctx.exc.overflow_error, "%c arg not in range(0x110000)"))?;
            return Ok(pad(s, "", &c.to_string(), '<'));
        }
        Some(t) => return Err(vm.value_error(&format!("Unknown format code '{}' for object of type 'int'", t))),
    };
    let digits = match s.grouping {
        Some(g) => {
            let every = if matches!(s.ty, Some('b' | 'o' | 'x' | 'X')) { 4 } else { 3 };
            group_digits(&digits, g, every)
        }
        None => digits,
    };
    let mut pre = sign_str(neg, s).to_string();
    if s.alt {
        pre.push_str(prefix);
    }
    Ok(pad(s, &pre, &digits, '>'))
}

/// Scientific notation with Python's exponent format (sign, at least two digits).
fn sci(x: f64, prec: usize, upper: bool, alt: bool) -> String {
    let r = format!("{:.*e}", prec, x);
    let (m, e) = r.split_once('e').unwrap_or((&r, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    let mut m = m.to_string();
    if alt && !m.contains('.') {
        m.push('.');
    }
    format!("{}{}{}{:02}", m, if upper { 'E' } else { 'e' }, if e < 0 { '-' } else { '+' }, e.abs())
}

/// '%g' style: `prec` significant digits, trailing zeros removed unless `alt`.
fn general(x: f64, prec: usize, upper: bool, alt: bool, repr_style: bool) -> String {
    let p = if prec == 0 { 1 } else { prec };
    if x == 0.0 {
        let z = if x.is_sign_negative() { "-0" } else { "0" };
        return if repr_style { format!("{z}.0") } else if alt { format!("{z}.{}", "0".repeat(p - 1)) } else { z.to_string() };
    }
    let r = format!("{:.*e}", p - 1, x);
    let exp: i32 = r.split_once('e').map(|(_, e)| e.parse().unwrap_or(0)).unwrap_or(0);
    let use_sci = if repr_style { exp < -4 || exp >= p as i32 } else { exp < -4 || exp >= p as i32 };
    if use_sci {
        let s = sci(x, p - 1, upper, alt);
        if alt {
            return s;
        }
        let (m, e) = s.split_once(if upper { 'E' } else { 'e' }).unwrap_or((&s, ""));
        let m = if m.contains('.') { m.trim_end_matches('0').trim_end_matches('.') } else { m };
        let m = if repr_style && !m.contains('.') { format!("{m}") } else { m.to_string() };
        format!("{}{}{}", m, if upper { 'E' } else { 'e' }, e)
    } else {
        let decimals = (p as i32 - 1 - exp).max(0) as usize;
        let s = format!("{:.*}", decimals, x);
        if alt {
            return if s.contains('.') { s } else { format!("{s}.") };
        }
        let t = if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_string() } else { s };
        if repr_style && !t.contains('.') {
            format!("{t}.0")
        } else {
            t
        }
    }
}

pub fn format_float(vm: &Vm, x: f64, s: &Spec) -> PyResult<String> {
    let neg = x.is_sign_negative() && !(x == 0.0 && false);
    let a = x.abs();
    let upper = matches!(s.ty, Some('E' | 'F' | 'G'));
    let mut body = if a.is_nan() {
        "nan".to_string()
    } else if a.is_infinite() {
        "inf".to_string()
    } else {
        match s.ty {
            Some('f') | Some('F') => {
                let p = s.precision.unwrap_or(6);
                let r = format!("{:.*}", p, a);
                if s.alt && p == 0 { format!("{r}.") } else { r }
            }
            Some('e') | Some('E') => sci(a, s.precision.unwrap_or(6), upper, s.alt),
            Some('g') | Some('G') => general(a, s.precision.unwrap_or(6), upper, s.alt, false),
            Some('%') => {
                let p = s.precision.unwrap_or(6);
                format!("{:.*}%", p, a * 100.0)
            }
            None => match s.precision {
                None => float_repr(a),
                Some(p) => general(a, p, false, s.alt, true),
            },
            Some('n') => general(a, s.precision.unwrap_or(6), false, s.alt, false),
            Some(t) => return Err(vm.value_error(&format!("Unknown format code '{}' for object of type 'float'", t))),
        }
    };
    if upper {
        body = body.to_uppercase();
    }
    if let Some(g) = s.grouping {
        let (int_part, rest) = match body.find(|c: char| !c.is_ascii_digit()) {
            Some(i) => (body[..i].to_string(), body[i..].to_string()),
            None => (body.clone(), String::new()),
        };
        body = format!("{}{}", group_digits(&int_part, g, 3), rest);
    }
    let mut neg = neg && !(a.is_nan());
    if neg && s.z && !body.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        // PEP 682: a negative value that rounds to zero is shown as positive zero.
        neg = false;
    }
    Ok(pad(s, sign_str(neg, s), &body, '>'))
}

pub fn format_str(vm: &Vm, text: &str, s: &Spec) -> PyResult<String> {
    if let Some(t) = s.ty {
        if t != 's' {
            return Err(vm.value_error(&format!("Unknown format code '{}' for object of type 'str'", t)));
        }
    }
    if s.sign.is_some() {
        return Err(vm.value_error("Sign not allowed in string format specifier"));
    }
    if s.alt {
        return Err(vm.value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if let Some(g) = s.grouping {
        return Err(vm.value_error(&format!("Cannot specify '{g}' with 's'.")));
    }
    if s.align == Some('=') {
        return Err(vm.value_error("'=' alignment not allowed in string format specifier"));
    }
    let t: String = match s.precision {
        Some(p) => text.chars().take(p).collect(),
        None => text.to_string(),
    };
    Ok(pad(s, "", &t, '<'))
}

/// `format(v, spec)` for built-in types; `Ok(None)` for other types.
pub fn native_format(vm: &Vm, v: &PyRef, spec: &str) -> PyResult<Option<String>> {
    match v.kind() {
        Kind::Int if !v.class().is(&vm.ctx.types.bool_) || !spec.is_empty() => {
            let s = parse_spec_for(vm, spec, "int")?;
            if s.z && !matches!(s.ty, Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) {
                return Err(vm.value_error("Negative zero coercion (z) not allowed in integer format specifier"));
            }
            Ok(Some(format_int(vm, v.downcast::<IntData>().expect("kind checked").value(), &s)?))
        }
        Kind::Float => {
            let s = parse_spec_for(vm, spec, "float")?;
            Ok(Some(format_float(vm, v.downcast::<FloatData>().expect("kind checked").0, &s)?))
        }
        Kind::Str => {
            if spec.is_empty() {
                return Ok(as_str(v).map(|s| s.to_string()));
            }
            let s = parse_spec(vm, spec)?;
            Ok(Some(format_str(vm, as_str(v).unwrap_or(""), &s)?))
        }
        _ => {
            if spec.is_empty() {
                return Ok(None);
            }
            // Other built-ins format their str() with a string spec; object.__format__
            // rejects non-empty specs.
            if matches!(v.kind(), Kind::List | Kind::Tuple | Kind::Dict | Kind::Set | Kind::Object | Kind::Function | Kind::Type) || v.is(&vm.ctx.consts.none) {
                return Err(vm.type_error(&format!("unsupported format string passed to {}.__format__", vm.type_name(v))));
            }
            Ok(None)
        }
    }
}

/// `text % args`.
pub fn percent_format(vm: &Vm, fmt: &PyRef, args: &PyRef) -> PyResult {
    let out = percent_format_impl(vm, as_str(fmt).unwrap_or(""), args, false)?;
    Ok(vm.ctx.new_string(out))
}

/// printf-style formatting of `fmt` (for bytes, `fmt` is the Latin-1 view of the bytes
/// and the result is encoded back by the caller).
pub fn percent_format_impl(vm: &Vm, fmt: &str, args: &PyRef, bytes_mode: bool) -> PyResult<String> {
    let f: Vec<char> = fmt.chars().collect();
    let is_mapping = args.is_kind(Kind::Dict) || (!args.is_kind(Kind::Tuple) && !args.is_kind(Kind::Str) && crate::objects::typeobject::lookup_str(&args.class(), "__getitem__").is_some() && !args.is_kind(Kind::List));
    let items: Vec<PyRef> = if args.is_kind(Kind::Tuple) { tuple_items(args).to_vec() } else { vec![args.clone()] };
    let mut next = 0usize;
    let mut out = String::new();
    let mut i = 0;
    let mut used_mapping = false;
    while i < f.len() {
        let c = f[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        if i >= f.len() {
            return Err(vm.value_error("incomplete format"));
        }
        // Mapping key.
        let mut value: Option<PyRef> = None;
        if f[i] == '(' {
            let mut depth = 1;
            let start = i + 1;
            i += 1;
            while i < f.len() && depth > 0 {
                if f[i] == '(' {
                    depth += 1;
                } else if f[i] == ')' {
                    depth -= 1;
                }
                i += 1;
            }
            let key: String = f[start..i - 1].iter().collect();
            if !is_mapping {
                return Err(vm.type_error("format requires a mapping"));
            }
            used_mapping = true;
            value = Some(vm.getitem(args, &vm.ctx.new_string(key))?);
        }
        let mut spec = Spec::default();
        while i < f.len() && matches!(f[i], '-' | '+' | ' ' | '#' | '0') {
            match f[i] {
                '-' => spec.align = Some('<'),
                '+' => spec.sign = Some('+'),
                ' ' => {
                    if spec.sign.is_none() {
                        spec.sign = Some(' ')
                    }
                }
                '#' => spec.alt = true,
                _ => spec.zero = true,
            }
            i += 1;
        }
        let mut take_arg = |vm: &Vm| -> PyResult<PyRef> {
            let v = items.get(next).cloned().ok_or_else(|| vm.type_error("not enough arguments for format string"))?;
            next += 1;
            Ok(v)
        };
        if i < f.len() && f[i] == '*' {
            let w = take_arg(vm)?;
            let w = w.downcast::<IntData>().and_then(|x| x.as_small()).ok_or_else(|| vm.type_error("* wants int"))?;
            if w < 0 {
                spec.align = Some('<');
            }
            spec.width = Some(w.unsigned_abs() as usize);
            i += 1;
        } else {
            let start = i;
            while i < f.len() && f[i].is_ascii_digit() {
                i += 1;
            }
            if i > start {
                spec.width = f[start..i].iter().collect::<String>().parse().ok();
            }
        }
        if i < f.len() && f[i] == '.' && f.get(i + 1) == Some(&'*') {
            let p = take_arg(vm)?;
            let p = p.downcast::<IntData>().and_then(|x| x.as_small()).ok_or_else(|| vm.type_error("* wants int"))?;
            spec.precision = Some(p.max(0) as usize);
            i += 2;
        } else if i < f.len() && f[i] == '.' {
            i += 1;
            let start = i;
            while i < f.len() && f[i].is_ascii_digit() {
                i += 1;
            }
            spec.precision = Some(f[start..i].iter().collect::<String>().parse().unwrap_or(0));
        }
        if i >= f.len() {
            return Err(vm.value_error("incomplete format"));
        }
        let conv = f[i];
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        if spec.align == Some('<') {
            spec.zero = false;
        }
        let v = match value {
            Some(v) => v,
            None => {
                if is_mapping && !args.is_kind(Kind::Tuple) {
                    used_mapping = true;
                    args.clone()
                } else {
                    take_arg(vm)?
                }
            }
        };
        let piece = match conv {
            's' | 'r' | 'a' | 'b' if bytes_mode => {
                let text: String = match conv {
                    's' | 'b' => {
                        let data = match crate::builtins::bytes::buffer_of(&v) {
                            Some(b) => b,
                            None => match crate::objects::typeobject::lookup_str(&v.class(), "__bytes__") {
                                Some(m) => {
                                    let r = vm.call(&m, &[v.clone()])?;
                                    crate::builtins::bytes::buffer_of(&r).unwrap_or_default()
                                }
                                None => return Err(vm.type_error(&format!("%b requires a bytes-like object, or an object that implements __bytes__, not '{}'", vm.type_name(&v)))),
                            },
                        };
                        data.iter().map(|&c| c as char).collect()
                    }
                    _ => as_str(&vm.ascii(&v)?).unwrap_or("").to_string(),
                };
                let text: String = match spec.precision {
                    Some(p) => text.chars().take(p).collect(),
                    None => text,
                };
                spec.precision = None;
                spec.zero = false;
                pad(&spec, "", &text, '>')
            }
            'c' if bytes_mode => {
                let ch = match crate::builtins::bytes::buffer_of(&v) {
                    Some(b) if b.len() == 1 => b[0] as char,
                    Some(_) => return Err(vm.type_error("%c requires an integer in range(256) or a single byte")),
                    None => {
                        let n = percent_int(vm, &v, 'c').map_err(|_| vm.type_error("%c requires an integer in range(256) or a single byte"))?;
                        match n.to_i64() {
                            Some(c) if (0..256).contains(&c) => c as u8 as char,
                            _ => return Err(vm.new_error(&vm.ctx.exc.overflow_error, "%c arg not in range(256)")),
                        }
                    }
                };
                pad(&spec, "", &ch.to_string(), '>')
            }
            's' | 'r' | 'a' => {
                let text = match conv {
                    's' => vm.str_string(&v)?,
                    'r' => vm.repr_string(&v)?,
                    _ => as_str(&vm.ascii(&v)?).unwrap_or("").to_string(),
                };
                let text: String = match spec.precision {
                    Some(p) => text.chars().take(p).collect(),
                    None => text,
                };
                spec.precision = None;
                spec.zero = false;
                pad(&spec, "", &text, '>')
            }
            'd' | 'i' | 'u' => {
                let n = percent_int(vm, &v, conv)?;
                let prec = spec.precision.take();
                let mut digits = n.abs().to_string();
                if let Some(p) = prec {
                    while digits.len() < p {
                        digits.insert(0, '0');
                    }
                }
                pad(&spec, sign_str(n.is_negative(), &spec), &digits, '>')
            }
            'x' | 'X' | 'o' => {
                let n = percent_int(vm, &v, conv)?;
                let radix = if conv == 'o' { 8 } else { 16 };
                let mut digits = n.abs().to_string_radix(radix);
                if conv == 'X' {
                    digits = digits.to_uppercase();
                }
                let mut pre = sign_str(n.is_negative(), &spec).to_string();
                if spec.alt {
                    pre.push_str(match conv {
                        'x' => "0x",
                        'X' => "0X",
                        _ => "0o",
                    });
                }
                spec.precision = None;
                pad(&spec, &pre, &digits, '>')
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let x = match (v.downcast::<FloatData>(), v.downcast::<IntData>()) {
                    (Some(fv), _) => fv.0,
                    (None, Some(iv)) => crate::builtins::native::int_to_f64(vm, iv.value())?,
                    _ => {
                        let r = vm.call(&vm.ctx.types.float, &[v.clone()]).map_err(|_| vm.type_error(&format!("must be real number, not {}", vm.type_name(&v))))?;
                        r.downcast::<FloatData>().map(|f| f.0).unwrap_or(0.0)
                    }
                };
                spec.ty = Some(conv);
                if spec.precision.is_none() {
                    spec.precision = Some(6);
                }
                format_float(vm, x, &spec)?
            }
            'c' => {
                let ch = if let Some(s) = as_str(&v) {
                    if s.chars().count() != 1 {
                        return Err(vm.type_error("%c requires int or char"));
                    }
                    s.to_string()
                } else {
                    let n = percent_int(vm, &v, 'c')?;
                    n.to_i64().and_then(|c| u32::try_from(c).ok()).and_then(char::from_u32).map(|c| c.to_string()).ok_or_else(|| vm.new_error(&vm.ctx.exc.overflow_error, "%c arg not in range(0x110000)"))?
                };
                pad(&spec, "", &ch, '>')
            }
            other => {
                return Err(vm.value_error(&format!("unsupported format character '{}' (0x{:x}) at index {}", other, other as u32, i - 1)));
            }
        };
        out.push_str(&piece);
    }
    if next < items.len() && !used_mapping && !(is_mapping && !args.is_kind(Kind::Tuple)) {
        return Err(vm.type_error(if bytes_mode { "not all arguments converted during bytes formatting" } else { "not all arguments converted during string formatting" }));
    }
    Ok(out)
}

fn percent_int(vm: &Vm, v: &PyRef, conv: char) -> PyResult<IntValue> {
    if let Some(i) = v.downcast::<IntData>() {
        return Ok(i.value().clone());
    }
    if let Some(f) = v.downcast::<FloatData>() {
        if matches!(conv, 'd' | 'i' | 'u') {
            if !f.0.is_finite() {
                return Err(vm.new_error(&vm.ctx.exc.overflow_error, "cannot convert float infinity to integer"));
            }
            return Ok(IntValue::from_big(num_bigint::BigInt::from(f.0.trunc() as i128)));
        }
        return Err(vm.type_error(&format!("%{} format: an integer is required, not float", conv)));
    }
    match vm.index(v) {
        Ok(i) => Ok(i),
        Err(_) => Err(vm.type_error(&format!("%{} format: a real number is required, not {}", conv, vm.type_name(v)))),
    }
}
