//! The format-spec mini-language (`format()`, f-strings, `str.format`) for int, float and
//! str, and printf-style `%` formatting (CPython `Python/formatter_unicode.c`,
//! `Python/pystrtod.c`, `Objects/unicodeobject.c`'s `PyUnicode_Format`), ported rule for
//! rule: spec parsing and validation, number field widths with zero padding inside the
//! digit grouping, and `PyOS_double_to_string`'s digit layout.

use crate::object::{Kind, PyRef};
use crate::objects::float::FloatData;
use crate::objects::int::{IntData, IntValue};
use crate::objects::str::as_str;
use crate::objects::tuple::tuple_items;
use crate::vm::{PyResult, Vm};

/// A parsed format spec (CPython's `InternalFormatSpec`).
#[derive(Debug, Clone)]
pub struct FormatSpec {
    pub fill: char,
    pub align: char,
    pub sign: char,
    pub alternate: bool,
    pub no_neg_0: bool,
    pub width: i64,
    /// ',' or '_' (None: no grouping).
    pub grouping: Option<char>,
    /// '_' every four digits (binary, octal and hex).
    pub group4: bool,
    pub precision: i64,
    /// '\0' when omitted.
    pub ty: char,
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

fn get_integer(vm: &Vm, chars: &[char], pos: &mut usize) -> PyResult<Option<i64>> {
    let start = *pos;
    let mut v: i64 = 0;
    while *pos < chars.len() && chars[*pos].is_ascii_digit() {
        v = v.checked_mul(10).and_then(|v| v.checked_add(chars[*pos] as i64 - '0' as i64)).ok_or_else(|| vm.value_error("Too many decimal digits in format string"))?;
        *pos += 1;
    }
    Ok(if *pos == start { None } else { Some(v) })
}

fn sep_type_error(vm: &Vm, sep: char, ty: char) -> crate::vm::PyErr {
    if (ty as u32) > 32 && (ty as u32) < 128 {
        vm.value_error(&format!("Cannot specify '{sep}' with '{ty}'."))
    } else {
        vm.value_error(&format!("Cannot specify '{sep}' with '\\x{:x}'.", ty as u32))
    }
}

/// CPython's `parse_internal_render_format_spec`.
pub fn parse_format_spec(vm: &Vm, spec: &str, default_type: char, default_align: char, tyname: &str) -> PyResult<FormatSpec> {
    let chars: Vec<char> = spec.chars().collect();
    let end = chars.len();
    let mut pos = 0;
    let mut f = FormatSpec { fill: ' ', align: default_align, sign: '\0', alternate: false, no_neg_0: false, width: -1, grouping: None, group4: false, precision: -1, ty: default_type };
    let mut fill_specified = false;
    let mut align_specified = false;
    if end - pos >= 2 && is_align(chars[pos + 1]) {
        f.align = chars[pos + 1];
        f.fill = chars[pos];
        fill_specified = true;
        align_specified = true;
        pos += 2;
    } else if end - pos >= 1 && is_align(chars[pos]) {
        f.align = chars[pos];
        align_specified = true;
        pos += 1;
    }
    if pos < end && matches!(chars[pos], '+' | '-' | ' ') {
        f.sign = chars[pos];
        pos += 1;
    }
    if pos < end && chars[pos] == 'z' {
        f.no_neg_0 = true;
        pos += 1;
    }
    if pos < end && chars[pos] == '#' {
        f.alternate = true;
        pos += 1;
    }
    if !fill_specified && pos < end && chars[pos] == '0' {
        f.fill = '0';
        if !align_specified && default_align == '>' {
            f.align = '=';
        }
        pos += 1;
    }
    if let Some(w) = get_integer(vm, &chars, &mut pos)? {
        f.width = w;
    }
    if pos < end && chars[pos] == ',' {
        f.grouping = Some(',');
        pos += 1;
    }
    if pos < end && chars[pos] == '_' {
        if f.grouping.is_some() {
            return Err(vm.value_error("Cannot specify both ',' and '_'."));
        }
        f.grouping = Some('_');
        pos += 1;
    }
    if pos < end && chars[pos] == ',' && f.grouping == Some('_') {
        return Err(vm.value_error("Cannot specify both ',' and '_'."));
    }
    if pos < end && chars[pos] == '.' {
        pos += 1;
        match get_integer(vm, &chars, &mut pos)? {
            Some(p) => f.precision = p,
            None => return Err(vm.value_error("Format specifier missing precision")),
        }
    }
    if end - pos > 1 {
        return Err(vm.value_error(&format!("Invalid format specifier '{spec}' for object of type '{tyname}'")));
    }
    if end - pos == 1 {
        f.ty = chars[pos];
    }
    if let Some(g) = f.grouping {
        match f.ty {
            'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => {}
            'b' | 'o' | 'x' | 'X' if g == '_' => f.group4 = true,
            t => return Err(sep_type_error(vm, g, t)),
        }
    }
    Ok(f)
}

/// Parse a spec for `str` (default type 's', left aligned).
pub fn parse_spec(vm: &Vm, spec: &str) -> PyResult<FormatSpec> {
    parse_format_spec(vm, spec, 's', '<', "str")
}

fn unknown_code(vm: &Vm, ty: char, tyname: &str) -> crate::vm::PyErr {
    if (ty as u32) > 32 && (ty as u32) < 128 {
        vm.value_error(&format!("Unknown format code '{ty}' for object of type '{tyname}'"))
    } else {
        vm.value_error(&format!("Unknown format code '\\x{:x}' for object of type '{tyname}'", ty as u32))
    }
}

/// Group `digits` with `sep` every `every` digits, zero-padding (inside the grouping) to
/// `min_width` characters (CPython's `_PyUnicode_InsertThousandsGrouping`).
fn group_with_min_width(digits: &str, sep: Option<char>, every: usize, min_width: i64) -> String {
    let d: Vec<char> = digits.chars().collect();
    let mut remaining = d.len() as i64;
    let mut min_width = min_width.max(0);
    let mut pieces: Vec<String> = Vec::new();
    let mut pos = d.len();
    let take = |n_chars: i64, n_zeros: i64, pos: &mut usize| -> String {
        let mut s = String::new();
        for _ in 0..n_zeros {
            s.push('0');
        }
        let start = *pos - n_chars as usize;
        s.extend(&d[start..*pos]);
        *pos = start;
        s
    };
    let seplen = if sep.is_some() { 1 } else { 0 };
    let mut broke = false;
    if let Some(_) = sep {
        loop {
            let len = (every as i64).min(remaining.max(min_width).max(1));
            let n_zeros = (len - remaining).max(0);
            let n_chars = remaining.min(len).max(0);
            pieces.push(take(n_chars, n_zeros, &mut pos));
            remaining -= n_chars;
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                broke = true;
                break;
            }
            min_width -= seplen;
        }
    }
    if !broke {
        let len = remaining.max(min_width).max(1);
        let n_zeros = (len - remaining).max(0);
        let n_chars = remaining.min(len).max(0);
        pieces.push(take(n_chars, n_zeros, &mut pos));
    }
    pieces.reverse();
    let sep_s = sep.map(|c| c.to_string()).unwrap_or_default();
    pieces.join(&sep_s)
}

/// Lay out a number (CPython's `calc_number_widths` + `fill_number`): `sign_char` is '-'
/// or '\0', `prefix` e.g. "0x", `digits` the integer digits, `rest` the decimal point,
/// fraction and exponent (already formatted).
fn layout_number(f: &FormatSpec, sign_char: char, prefix: &str, digits: &str, rest: &str, upper: bool) -> String {
    let sign = match f.sign {
        '+' => Some(if sign_char == '-' { '-' } else { '+' }),
        ' ' => Some(if sign_char == '-' { '-' } else { ' ' }),
        _ => {
            if sign_char == '-' {
                Some('-')
            } else {
                None
            }
        }
    };
    let n_sign = sign.is_some() as i64;
    let n_prefix = prefix.chars().count() as i64;
    let n_rest = rest.chars().count() as i64;
    let non_digit = n_sign + n_prefix + n_rest;
    let min_width = if f.fill == '0' && f.align == '=' { f.width - non_digit } else { 0 };
    let sep = f.grouping.filter(|_| true);
    let every = if f.group4 { 4 } else { 3 };
    let grouped = if digits.is_empty() { String::new() } else { group_with_min_width(digits, sep, every, min_width) };
    let n_grouped = grouped.chars().count() as i64;
    let padding = f.width - (non_digit + n_grouped);
    let (mut lpad, mut spad, mut rpad) = (0, 0, 0);
    if padding > 0 {
        match f.align {
            '<' => rpad = padding,
            '^' => {
                lpad = padding / 2;
                rpad = padding - lpad;
            }
            '=' => spad = padding,
            _ => lpad = padding,
        }
    }
    let fill = |n: i64| std::iter::repeat(f.fill).take(n.max(0) as usize).collect::<String>();
    let mut out = fill(lpad);
    if let Some(c) = sign {
        out.push(c);
    }
    if upper {
        out.push_str(&prefix.to_uppercase());
    } else {
        out.push_str(prefix);
    }
    out.push_str(&fill(spad));
    if upper {
        out.push_str(&grouped.to_uppercase());
    } else {
        out.push_str(&grouped);
    }
    out.push_str(rest);
    out.push_str(&fill(rpad));
    out
}

/// `format(int, spec)` for a parsed spec (CPython's `format_long_internal`, and the float
/// conversion for e/f/g/%).
pub fn format_int(vm: &Vm, v: &IntValue, f: &FormatSpec, tyname: &str) -> PyResult<String> {
    match f.ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let x = crate::builtins::native::int_to_f64(vm, v)?;
            return format_float(vm, x, f, "float");
        }
        t => return Err(unknown_code(vm, t, tyname)),
    }
    if f.precision != -1 {
        return Err(vm.value_error("Precision not allowed in integer format specifier"));
    }
    if f.no_neg_0 {
        return Err(vm.value_error("Negative zero coercion (z) not allowed in integer format specifier"));
    }
    if f.ty == 'c' {
        if f.sign != '\0' {
            return Err(vm.value_error("Sign not allowed with integer format specifier 'c'"));
        }
        if f.alternate {
            return Err(vm.value_error("Alternate form (#) not allowed with integer format specifier 'c'"));
        }
        let c = v.to_i64().filter(|c| (0..=0x10ffff).contains(c)).and_then(|c| char::from_u32(c as u32));
        let Some(c) = c else {
            return Err(vm.new_error(&vm.ctx.exc.overflow_error, "%c arg not in range(0x110000)"));
        };
        // The character is all "remainder": no grouping, no zero padding of digits.
        return Ok(layout_number(&FormatSpec { grouping: None, ..f.clone() }, '\0', "", "", &c.to_string(), false));
    }
    let (radix, prefix) = match f.ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' | 'X' => (16, "0x"),
        _ => (10, ""),
    };
    let a = v.abs();
    let digits = if radix == 10 { crate::builtins::repr::int_to_decimal(vm, &a)? } else { a.to_string_radix(radix) };
    let prefix = if f.alternate { prefix } else { "" };
    Ok(layout_number(f, if v.is_negative() { '-' } else { '\0' }, prefix, &digits, "", f.ty == 'X'))
}

/// Digits of `x` (finite, non-negative) as `_Py_dg_dtoa` returns them: (digits without
/// trailing zeros, decimal point position). Mode 0: shortest; 2: `n` significant digits;
/// 3: `n` digits after the point.
fn dtoa(x: f64, mode: u8, n: i64) -> (String, i64) {
    if x == 0.0 {
        return (String::new(), 1);
    }
    let (mant, exp) = match mode {
        0 => {
            let (d, e) = crate::objects::float::shortest_digits(x);
            (d, e + 1)
        }
        2 => {
            let p = (n.max(1) - 1) as usize;
            let s = format!("{:.*e}", p, x);
            let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
            (m.replace('.', ""), e.parse::<i64>().unwrap_or(0) + 1)
        }
        _ => {
            let p = n.max(0) as usize;
            let s = format!("{:.*}", p, x);
            let (ip, fp) = s.split_once('.').unwrap_or((&s, ""));
            let all = format!("{ip}{fp}");
            let lead = all.len() - all.trim_start_matches('0').len();
            let digits = all.trim_start_matches('0').to_string();
            if digits.is_empty() {
                return (String::new(), -(p as i64));
            }
            (digits, ip.len() as i64 - lead as i64)
        }
    };
    let digits = mant.trim_end_matches('0').to_string();
    if digits.is_empty() {
        return (String::new(), exp);
    }
    (digits, exp)
}

/// CPython's `PyOS_double_to_string` (code: e, E, f, F, g, G or r).
pub fn double_to_string(x: f64, code: char, precision: i64, alt: bool, add_dot_0: bool, no_neg_0: bool, always_sign: bool) -> String {
    let upper = code.is_ascii_uppercase();
    let mut code = code.to_ascii_lowercase();
    let mut precision = precision;
    let mode = match code {
        'e' => {
            precision += 1;
            2
        }
        'f' => 3,
        'g' => {
            if precision == 0 {
                precision = 1;
            }
            2
        }
        _ => {
            code = 'r';
            0
        }
    };
    let mut neg = x.is_sign_negative();
    let mut out = String::new();
    if !x.is_finite() {
        if x.is_nan() {
            neg = false;
        }
        if neg {
            out.push('-');
        } else if always_sign {
            out.push('+');
        }
        let t = if x.is_nan() { "nan" } else { "inf" };
        out.push_str(&if upper { t.to_uppercase() } else { t.to_string() });
        return out;
    }
    let (digits, decpt) = dtoa(x.abs(), mode, precision);
    // A zero result: _Py_dg_dtoa returns "0" with decpt 1.
    let digits = if digits.is_empty() { "0".to_string() } else { digits };
    let (digits, mut decpt) = if digits == "0" { (digits, 1) } else { (digits, decpt) };
    if no_neg_0 && neg && digits.bytes().all(|b| b == b'0') {
        neg = false;
    }
    let digits_len = digits.len() as i64;
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            if decpt <= -4 || decpt > (if add_dot_0 { precision - 1 } else { precision }) {
                use_exp = true;
            }
            if alt {
                vdigits_end = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && add_dot_0 {
        vdigits_end = if vdigits_end > decpt { vdigits_end } else { decpt + 1 };
    } else {
        vdigits_end = if vdigits_end > decpt { vdigits_end } else { decpt };
    }
    if neg {
        out.push('-');
    } else if always_sign {
        out.push('+');
    }
    let zeros = |n: i64| "0".repeat(n.max(0) as usize);
    if decpt <= 0 {
        out.push_str(&zeros(decpt - vdigits_start));
        out.push('.');
        out.push_str(&zeros(-decpt));
    } else {
        out.push_str(&zeros(-vdigits_start));
    }
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    } else {
        out.push_str(&digits);
    }
    if digits_len < decpt {
        out.push_str(&zeros(decpt - digits_len));
        out.push('.');
        out.push_str(&zeros(vdigits_end - decpt));
    } else {
        out.push_str(&zeros(vdigits_end - digits_len));
    }
    if out.ends_with('.') && !alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    out
}

/// `format(float, spec)` for a parsed spec (CPython's `format_float_internal`).
pub fn format_float(vm: &Vm, x: f64, f: &FormatSpec, tyname: &str) -> PyResult<String> {
    let mut ty = f.ty;
    match ty {
        '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%' => {}
        t => return Err(unknown_code(vm, t, tyname)),
    }
    let mut precision = f.precision;
    let mut default_precision = 6;
    let mut add_dot_0 = false;
    if ty == '\0' {
        add_dot_0 = true;
        ty = 'r';
        default_precision = 0;
    }
    if ty == 'n' {
        ty = 'g';
    }
    let mut val = x;
    let mut add_pct = false;
    if ty == '%' {
        ty = 'f';
        val *= 100.0;
        add_pct = true;
    }
    if precision < 0 {
        precision = default_precision;
    } else if ty == 'r' {
        ty = 'g';
    }
    if precision > i32::MAX as i64 {
        return Err(vm.value_error("precision too big"));
    }
    let mut buf = double_to_string(val, ty, precision, f.alternate, add_dot_0, f.no_neg_0, false);
    if add_pct {
        buf.push('%');
    }
    let (sign_char, body) = match buf.strip_prefix('-') {
        Some(b) => ('-', b.to_string()),
        None => ('\0', buf),
    };
    // Split the integer digits from the rest (decimal point, fraction, exponent, "inf").
    let ndig = body.bytes().take_while(|b| b.is_ascii_digit()).count();
    let (digits, rest) = body.split_at(ndig);
    Ok(layout_number(f, sign_char, "", digits, rest, false))
}

/// `format(str, spec)` (CPython's `format_string_internal`).
pub fn format_str(vm: &Vm, text: &str, f: &FormatSpec) -> PyResult<String> {
    if f.ty != 's' {
        return Err(unknown_code(vm, f.ty, "str"));
    }
    if f.sign != '\0' {
        return Err(vm.value_error(if f.sign == ' ' { "Space not allowed in string format specifier" } else { "Sign not allowed in string format specifier" }));
    }
    if f.no_neg_0 {
        return Err(vm.value_error("Negative zero coercion (z) not allowed in string format specifier"));
    }
    if f.alternate {
        return Err(vm.value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if f.align == '=' {
        return Err(vm.value_error("'=' alignment not allowed in string format specifier"));
    }
    let mut chars: Vec<char> = text.chars().collect();
    if f.precision >= 0 && chars.len() as i64 > f.precision {
        chars.truncate(f.precision as usize);
    }
    let len = chars.len() as i64;
    let total = f.width.max(len);
    let lpad = match f.align {
        '>' => total - len,
        '^' => (total - len) / 2,
        _ => 0,
    };
    let rpad = total - len - lpad;
    let mut out = String::new();
    out.extend(std::iter::repeat(f.fill).take(lpad as usize));
    out.extend(chars);
    out.extend(std::iter::repeat(f.fill).take(rpad as usize));
    Ok(out)
}

/// `format(v, spec)` for built-in types; `Ok(None)` for other types.
pub fn native_format(vm: &Vm, v: &PyRef, spec: &str) -> PyResult<Option<String>> {
    match v.kind() {
        Kind::Int => {
            if spec.is_empty() {
                return Ok(None);
            }
            let tyname = vm.type_name(v);
            let f = parse_format_spec(vm, spec, 'd', '>', &tyname)?;
            Ok(Some(format_int(vm, v.downcast::<IntData>().expect("kind checked").value(), &f, &tyname)?))
        }
        Kind::Float => {
            if spec.is_empty() {
                return Ok(None);
            }
            let tyname = vm.type_name(v);
            let f = parse_format_spec(vm, spec, '\0', '>', &tyname)?;
            Ok(Some(format_float(vm, v.downcast::<FloatData>().expect("kind checked").0, &f, &tyname)?))
        }
        Kind::Str => {
            if spec.is_empty() {
                return Ok(as_str(v).map(|s| s.to_string()));
            }
            let f = parse_spec(vm, spec)?;
            Ok(Some(format_str(vm, as_str(v).unwrap_or(""), &f)?))
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

// ----- printf-style formatting (CPython's `PyUnicode_Format`, `_PyBytes_FormatEx`) -----

const F_LJUST: u8 = 1;
const F_SIGN: u8 = 2;
const F_BLANK: u8 = 4;
const F_ALT: u8 = 8;
const F_ZERO: u8 = 16;

/// `text % args`.
pub fn percent_format(vm: &Vm, fmt: &PyRef, args: &PyRef) -> PyResult {
    let out = percent_format_impl(vm, as_str(fmt).unwrap_or(""), args, false)?;
    Ok(vm.ctx.new_string(out))
}

/// Whether `%` treats `args` as a mapping for `%(name)s` (CPython's `PyMapping_Check`:
/// any type with item access other than tuple and str; bytes formatting also excludes
/// bytes and bytearray).
fn percent_is_mapping(vm: &Vm, args: &PyRef, bytes_mode: bool) -> bool {
    match args.kind() {
        Kind::Tuple | Kind::Str => false,
        Kind::Bytes | Kind::ByteArray if bytes_mode => false,
        Kind::Dict | Kind::List | Kind::Bytes | Kind::ByteArray | Kind::Range => true,
        _ => crate::objects::typeobject::lookup_str(&args.class(), "__getitem__").is_some() && !(args.is_kind(Kind::DictView) && !args.class().is(&vm.ctx.types.mappingproxy)),
    }
}

/// printf-style formatting of `fmt` (for bytes, `fmt` is the Latin-1 view of the bytes
/// and the result is encoded back by the caller).
pub fn percent_format_impl(vm: &Vm, fmt: &str, args: &PyRef, bytes_mode: bool) -> PyResult<String> {
    let f: Vec<char> = fmt.chars().collect();
    let (arglen, mut argidx): (i64, i64) = if args.is_kind(Kind::Tuple) { (tuple_items(args).len() as i64, 0) } else { (-1, -2) };
    let dict = if percent_is_mapping(vm, args, bytes_mode) { Some(args.clone()) } else { None };
    let not_all = if bytes_mode { "not all arguments converted during bytes formatting" } else { "not all arguments converted during string formatting" };
    let mut cur_args = args.clone();
    let mut cur_arglen = arglen;
    let mut out = String::new();
    let mut pos = 0usize;
    while pos < f.len() {
        if f[pos] != '%' {
            out.push(f[pos]);
            pos += 1;
            continue;
        }
        pos += 1;
        if pos >= f.len() {
            return Err(vm.value_error("incomplete format"));
        }
        if f[pos] == '%' {
            out.push('%');
            pos += 1;
            continue;
        }
        // Mapping key.
        if f[pos] == '(' {
            let Some(d) = &dict else {
                return Err(vm.type_error("format requires a mapping"));
            };
            let mut depth = 1;
            pos += 1;
            let start = pos;
            while pos < f.len() && depth > 0 {
                if f[pos] == '(' {
                    depth += 1;
                } else if f[pos] == ')' {
                    depth -= 1;
                }
                pos += 1;
            }
            if depth > 0 {
                return Err(vm.value_error("incomplete format key"));
            }
            let key: String = f[start..pos - 1].iter().collect();
            let keyobj = if bytes_mode { crate::builtins::bytes::new_bytes(vm, key.chars().map(|c| c as u32 as u8).collect()) } else { vm.ctx.new_string(key) };
            cur_args = vm.getitem(d, &keyobj)?;
            cur_arglen = -1;
            argidx = -2;
        }
        // Flags.
        let mut flags = 0u8;
        let mut ch = '\0';
        let mut have = false;
        while pos < f.len() {
            ch = f[pos];
            pos += 1;
            have = true;
            match ch {
                '-' => flags |= F_LJUST,
                '+' => flags |= F_SIGN,
                ' ' => flags |= F_BLANK,
                '#' => flags |= F_ALT,
                '0' => flags |= F_ZERO,
                _ => break,
            }
            have = false;
        }
        if !have {
            return Err(vm.value_error("incomplete format"));
        }
        // Width.
        let mut width: i64 = -1;
        let mut incomplete = false;
        if ch == '*' {
            let v = next_arg(vm, &cur_args, cur_arglen, &mut argidx)?;
            let Some(w) = v.downcast::<IntData>() else { return Err(vm.type_error("* wants int")) };
            let w = w.value().to_i64().ok_or_else(|| vm.new_error(&vm.ctx.exc.overflow_error, "Python int too large to convert to C ssize_t"))?;
            if w < 0 {
                flags |= F_LJUST;
            }
            width = w.abs();
            if pos < f.len() {
                ch = f[pos];
                pos += 1;
            } else {
                incomplete = true;
            }
        } else if ch.is_ascii_digit() {
            width = ch as i64 - '0' as i64;
            incomplete = true;
            while pos < f.len() {
                ch = f[pos];
                pos += 1;
                if !ch.is_ascii_digit() {
                    incomplete = false;
                    break;
                }
                width = width.checked_mul(10).and_then(|w| w.checked_add(ch as i64 - '0' as i64)).ok_or_else(|| vm.value_error("width too big"))?;
            }
        }
        // Precision.
        let mut prec: i64 = -1;
        if !incomplete && ch == '.' {
            prec = 0;
            if pos < f.len() {
                ch = f[pos];
                pos += 1;
                if ch == '*' {
                    let v = next_arg(vm, &cur_args, cur_arglen, &mut argidx)?;
                    let Some(p) = v.downcast::<IntData>() else { return Err(vm.type_error("* wants int")) };
                    prec = p.value().to_i64().filter(|p| (i32::MIN as i64..=i32::MAX as i64).contains(p)).ok_or_else(|| vm.new_error(&vm.ctx.exc.overflow_error, "Python int too large to convert to C int"))?.max(0);
                    if pos < f.len() {
                        ch = f[pos];
                        pos += 1;
                    } else {
                        incomplete = true;
                    }
                } else if ch.is_ascii_digit() {
                    prec = ch as i64 - '0' as i64;
                    incomplete = true;
                    while pos < f.len() {
                        ch = f[pos];
                        pos += 1;
                        if !ch.is_ascii_digit() {
                            incomplete = false;
                            break;
                        }
                        prec = prec.checked_mul(10).and_then(|p| p.checked_add(ch as i64 - '0' as i64)).filter(|p| *p <= i32::MAX as i64).ok_or_else(|| vm.value_error("precision too big"))?;
                    }
                }
            } else {
                incomplete = true;
            }
        }
        if !incomplete && matches!(ch, 'h' | 'l' | 'L') {
            if pos < f.len() {
                ch = f[pos];
                pos += 1;
            } else {
                incomplete = true;
            }
        }
        if incomplete {
            return Err(vm.value_error("incomplete format"));
        }
        let v = next_arg(vm, &cur_args, cur_arglen, &mut argidx)?;
        // Format the argument: `text` plus whether it is signed (numbers).
        let mut signed = false;
        let text: String = match ch {
            's' | 'r' | 'a' | 'b' if bytes_mode => match ch {
                's' | 'b' => {
                    let data = match crate::builtins::bytes::buffer_of(&v) {
                        Some(b) => b,
                        None => match crate::objects::typeobject::lookup_str(&v.class(), "__bytes__") {
                            Some(m) => {
                                let r = vm.call1(&m, &v)?;
                                crate::builtins::bytes::buffer_of(&r).unwrap_or_default()
                            }
                            None => return Err(vm.type_error(&format!("%b requires a bytes-like object, or an object that implements __bytes__, not '{}'", vm.type_name(&v)))),
                        },
                    };
                    data.iter().map(|&c| c as char).collect()
                }
                _ => as_str(&vm.ascii(&v)?).unwrap_or("").to_string(),
            },
            's' => vm.str_string(&v)?,
            'r' => vm.repr_string(&v)?,
            'a' => as_str(&vm.ascii(&v)?).unwrap_or("").to_string(),
            'i' | 'd' | 'u' | 'o' | 'x' | 'X' => {
                signed = true;
                let n = percent_int(vm, &v, ch)?;
                let mut digits = match ch {
                    'o' => n.abs().to_string_radix(8),
                    'x' => n.abs().to_string_radix(16),
                    'X' => n.abs().to_string_radix(16).to_uppercase(),
                    _ => crate::builtins::repr::int_to_decimal(vm, &n.abs())?,
                };
                if prec > digits.len() as i64 {
                    digits = format!("{}{}", "0".repeat(prec as usize - digits.len()), digits);
                }
                let prefix = if flags & F_ALT != 0 {
                    match ch {
                        'o' => "0o",
                        'x' => "0x",
                        'X' => "0X",
                        _ => "",
                    }
                } else {
                    ""
                };
                format!("{}{}{}", if n.is_negative() { "-" } else { "" }, prefix, digits)
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                signed = true;
                let x = match (v.downcast::<FloatData>(), v.downcast::<IntData>()) {
                    (Some(fv), _) => fv.0,
                    (None, Some(iv)) => crate::builtins::native::int_to_f64(vm, iv.value())?,
                    _ => match crate::objects::typeobject::lookup_str(&v.class(), "__float__").or_else(|| crate::objects::typeobject::lookup_str(&v.class(), "__index__")) {
                        Some(_) => {
                            let r = vm.call(&vm.ctx.types.float, &[v.clone()])?;
                            r.downcast::<FloatData>().map(|f| f.0).unwrap_or(0.0)
                        }
                        None => {
                            let what = if bytes_mode { "float argument required" } else { "must be real number" };
                            return Err(vm.type_error(&format!("{what}, not {}", vm.type_name(&v))));
                        }
                    },
                };
                double_to_string(x, ch, if prec < 0 { 6 } else { prec }, flags & F_ALT != 0, false, false, false)
            }
            'c' => {
                let c: char = if bytes_mode {
                    match crate::builtins::bytes::buffer_of(&v) {
                        Some(b) if b.len() == 1 => b[0] as char,
                        Some(_) => return Err(vm.type_error("%c requires an integer in range(256) or a single byte")),
                        None => match v.downcast::<IntData>().map(|i| i.value().clone()).or_else(|| vm.index(&v).ok()) {
                            Some(n) => match n.to_i64() {
                                Some(c) if (0..256).contains(&c) => c as u8 as char,
                                _ => return Err(vm.new_error(&vm.ctx.exc.overflow_error, "%c arg not in range(256)")),
                            },
                            None => return Err(vm.type_error("%c requires an integer in range(256) or a single byte")),
                        },
                    }
                } else if let Some(s) = as_str(&v) {
                    let mut it = s.chars();
                    match (it.next(), it.next()) {
                        (Some(c), None) => c,
                        _ => return Err(vm.type_error("%c requires int or char")),
                    }
                } else {
                    let n = match v.downcast::<IntData>() {
                        Some(i) => i.value().clone(),
                        None => match crate::objects::typeobject::lookup_str(&v.class(), "__index__") {
                            Some(_) => vm.index(&v)?,
                            None => return Err(vm.type_error("%c requires int or char")),
                        },
                    };
                    match n.to_i64().filter(|c| (0..=0x10ffff).contains(c)).and_then(|c| char::from_u32(c as u32)) {
                        Some(c) => c,
                        None => return Err(vm.new_error(&vm.ctx.exc.overflow_error, "%c arg not in range(0x110000)")),
                    }
                };
                c.to_string()
            }
            other => {
                let shown = if (31..=126).contains(&(other as u32)) { other } else { '?' };
                return Err(vm.value_error(&format!("unsupported format character '{}' (0x{:x}) at index {}", shown, other as u32, pos - 1)));
            }
        };
        out.push_str(&percent_output(&text, ch, flags, width, prec, signed));
        if dict.is_some() && argidx < cur_arglen {
            return Err(vm.type_error(not_all));
        }
    }
    if argidx < arglen && dict.is_none() && cur_arglen == arglen {
        return Err(vm.type_error(not_all));
    }
    Ok(out)
}

/// The next value to format (CPython's `unicode_format_getnextarg`).
fn next_arg(vm: &Vm, cur_args: &PyRef, cur_arglen: i64, argidx: &mut i64) -> PyResult<PyRef> {
    if *argidx < cur_arglen {
        let i = *argidx;
        *argidx += 1;
        if cur_arglen < 0 {
            return Ok(cur_args.clone());
        }
        return Ok(tuple_items(cur_args)[i as usize].clone());
    }
    Err(vm.type_error("not enough arguments for format string"))
}

/// CPython's `unicode_format_arg_output`: sign, zero padding after the sign and the
/// 0x/0o prefix, precision truncation of strings, justification.
fn percent_output(text: &str, ch: char, flags: u8, width: i64, prec: i64, signed: bool) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut len = chars.len() as i64;
    let mut width = width;
    let mut sign = signed;
    let fill = if sign && flags & F_ZERO != 0 { '0' } else { ' ' };
    if (width == -1 || width <= len) && (prec == -1 || prec >= len) && flags & (F_SIGN | F_BLANK) == 0 {
        return text.to_string();
    }
    if matches!(ch, 's' | 'r' | 'a' | 'b') && prec >= 0 && len > prec {
        len = prec;
    }
    let mut pindex = 0usize;
    let mut signchar = '\0';
    if sign {
        let c = chars.first().copied().unwrap_or('\0');
        if c == '-' || c == '+' {
            signchar = c;
            len -= 1;
            pindex += 1;
        } else if flags & F_SIGN != 0 {
            signchar = '+';
        } else if flags & F_BLANK != 0 {
            signchar = ' ';
        } else {
            sign = false;
        }
    }
    if width < len {
        width = len;
    }
    let mut out = String::new();
    if sign {
        if fill != ' ' {
            out.push(signchar);
        }
        if width > len {
            width -= 1;
        }
    }
    let alt_prefix = flags & F_ALT != 0 && matches!(ch, 'x' | 'X' | 'o');
    if alt_prefix {
        if fill != ' ' {
            out.extend(&chars[pindex..pindex + 2]);
            pindex += 2;
        }
        width = (width - 2).max(0);
        len -= 2;
    }
    if width > len && flags & F_LJUST == 0 {
        out.extend(std::iter::repeat(fill).take((width - len) as usize));
        width = len;
    }
    if fill == ' ' {
        if sign {
            out.push(signchar);
        }
        if alt_prefix {
            out.extend(&chars[pindex..pindex + 2]);
            pindex += 2;
        }
    }
    if len > 0 {
        out.extend(&chars[pindex..pindex + len as usize]);
    }
    if width > len {
        out.extend(std::iter::repeat(' ').take((width - len) as usize));
    }
    out
}

/// The integer for `%d`/`%x`... (CPython's `mainformatlong`).
fn percent_int(vm: &Vm, v: &PyRef, conv: char) -> PyResult<IntValue> {
    let wrong = || {
        if matches!(conv, 'o' | 'x' | 'X') {
            vm.type_error(&format!("%{} format: an integer is required, not {}", conv, vm.type_name(v)))
        } else {
            vm.type_error(&format!("%{} format: a real number is required, not {}", conv, vm.type_name(v)))
        }
    };
    if let Some(i) = v.downcast::<IntData>() {
        return Ok(i.value().clone());
    }
    let t = v.class();
    let has = |n: &'static str| crate::objects::typeobject::lookup_str(&t, n).is_some();
    let is_number = v.is_kind(Kind::Float) || has("__index__") || has("__int__") || has("__float__");
    if !is_number {
        return Err(wrong());
    }
    let r = if matches!(conv, 'o' | 'x' | 'X') { vm.index(v) } else { crate::builtins::numbers::to_int(vm, v) };
    r.map_err(|e| if vm.is_instance_of(&e.0, &vm.ctx.exc.type_error) { wrong() } else { e })
}
