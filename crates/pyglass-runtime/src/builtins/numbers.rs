//! `int`, `bool` and `float`: constructors and methods.

use crate::builtins::args;
use crate::object::{Kind, PyRef};
use crate::objects::float::FloatData;
use crate::objects::instance::alloc_instance;
use crate::objects::int::{parse_int, IntData, IntValue};
use crate::objects::str::as_str;
use crate::vm::context::{classmethod, getset, method, Context};
use crate::vm::{Args, PyResult, Vm};

pub fn init(ctx: &Context) {
    let t = &ctx.types;
    ctx.set_native_new(&t.int, int_new);
    ctx.set_native_new(&t.bool_, bool_new);
    ctx.set_native_new(&t.float, float_new);
    ctx.add_methods(
        &t.int,
        &[
            method("bit_length", int_bit_length),
            method("bit_count", int_bit_count),
            method("conjugate", int_pos),
            method("__index__", int_pos),
            method("__int__", int_pos),
            method("__float__", int_float),
            method("__abs__", int_abs),
            method("__round__", int_round),
            method("__trunc__", int_pos),
            method("__floor__", int_pos),
            method("__ceil__", int_pos),
            method("__divmod__", int_divmod),
            method("__rdivmod__", int_rdivmod),
            method("is_integer", int_is_integer),
            method("as_integer_ratio", int_as_integer_ratio),
            method("__format__", num_format),
            method("__getnewargs__", int_getnewargs),
            method("to_bytes", int_to_bytes),
            classmethod("from_bytes", int_from_bytes),
        ],
    );
    ctx.add_getsets(&t.int, &[getset("real", get_real, None), getset("imag", get_imag_int, None), getset("numerator", get_real, None), getset("denominator", get_one, None)]);
    ctx.add_methods(
        &t.float,
        &[
            method("is_integer", float_is_integer),
            method("__int__", float_int),
            method("__trunc__", float_int),
            method("__float__", float_pos),
            method("__abs__", float_abs),
            method("__round__", float_round),
            method("__floor__", float_floor),
            method("__ceil__", float_ceil),
            method("__divmod__", float_divmod_m),
            method("__rdivmod__", float_rdivmod),
            method("as_integer_ratio", float_as_integer_ratio),
            method("hex", float_hex),
            method("conjugate", float_pos),
            method("__format__", num_format),
            classmethod("fromhex", float_fromhex),
        ],
    );
    ctx.add_getsets(&t.float, &[getset("real", float_real, None), getset("imag", float_imag, None)]);
    ctx.add_methods(&t.bool_, &[method("__repr__", bool_repr), method("__str__", bool_repr)]);
}

pub fn int_of(v: &PyRef) -> &IntValue {
    v.downcast::<IntData>().map(|i| i.value()).unwrap_or(&IntValue::Small(0))
}

fn new_int_of(vm: &Vm, cls: &PyRef, v: IntValue) -> PyRef {
    if cls.is(&vm.ctx.types.int) {
        vm.ctx.new_int_value(v)
    } else {
        alloc_instance(vm, cls, IntData(v))
    }
}

/// `int(x)` / `int(s, base)`.
pub fn int_new(vm: &Vm, cls: &PyRef, a: Args<'_>) -> PyResult {
    let b = args::bind(vm, "int", &a, &["x", "base"], 0)?;
    let v = match (b[0], b[1]) {
        (None, None) => IntValue::Small(0),
        (None, Some(_)) => return Err(vm.type_error("int() missing string argument")),
        (Some(x), None) => to_int(vm, x)?,
        (Some(x), Some(base)) => {
            let base = int_of(base).to_i64().unwrap_or(-1);
            if base != 0 && !(2..=36).contains(&base) {
                return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            let Some(s) = as_str(x) else {
                if x.is_kind(Kind::Bytes) {
                    let t = String::from_utf8_lossy(crate::builtins::bytes::bytes_of(x)).to_string();
                    return parse_int_limited(vm, &t, base as u32)?.map(|v| new_int_of(vm, cls, v)).ok_or_else(|| vm.value_error(&format!("invalid literal for int() with base {}: {}", base, crate::builtins::bytes::bytes_repr(t.as_bytes()))));
                }
                return Err(vm.type_error("int() can't convert non-string with explicit base"));
            };
            parse_int_limited(vm, s, base as u32)?.ok_or_else(|| vm.value_error(&format!("invalid literal for int() with base {}: {}", base, crate::objects::str::str_repr(s))))?
        }
    };
    Ok(new_int_of(vm, cls, v))
}

/// CPython's default `sys.get_int_max_str_digits()`.
pub const INT_MAX_STR_DIGITS: usize = 4300;

/// Reject decimal (non power-of-two base) conversions of more than 4300 digits.
pub fn check_str_digits(vm: &Vm, text: &str, base: u32) -> PyResult<()> {
    let t = text.trim();
    let t = t.strip_prefix(['+', '-']).unwrap_or(t);
    let lower = t.get(..2).map(|p| p.to_ascii_lowercase());
    let binary_base = match base {
        2 | 4 | 8 | 16 | 32 => true,
        0 => matches!(lower.as_deref(), Some("0x" | "0o" | "0b")),
        _ => false,
    };
    if binary_base {
        return Ok(());
    }
    let digits = t.chars().filter(|c| c.is_alphanumeric()).count();
    if digits > INT_MAX_STR_DIGITS {
        return Err(vm.value_error(&format!("Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit")));
    }
    Ok(())
}

fn parse_int_limited(vm: &Vm, s: &str, base: u32) -> PyResult<Option<IntValue>> {
    let r = parse_int(s, base);
    if r.is_some() {
        check_str_digits(vm, s, base)?;
    }
    Ok(r)
}

/// `int(x)` conversion of one object.
pub fn to_int(vm: &Vm, x: &PyRef) -> PyResult<IntValue> {
    if let Some(i) = x.downcast::<IntData>() {
        return Ok(i.value().clone());
    }
    if let Some(f) = x.downcast::<FloatData>() {
        return float_to_int(vm, f.0);
    }
    if let Some(s) = as_str(x) {
        return parse_int_limited(vm, s, 10)?.ok_or_else(|| vm.value_error(&format!("invalid literal for int() with base 10: {}", crate::objects::str::str_repr(s))));
    }
    if x.is_kind(Kind::Bytes) {
        let t = String::from_utf8_lossy(crate::builtins::bytes::bytes_of(x)).to_string();
        return parse_int_limited(vm, &t, 10)?.ok_or_else(|| vm.value_error(&format!("invalid literal for int() with base 10: {}", crate::builtins::bytes::bytes_repr(t.as_bytes()))));
    }
    let t = x.class();
    for name in ["__int__", "__index__", "__trunc__"] {
        if let Some(m) = crate::objects::typeobject::lookup_str(&t, name) {
            let r = vm.call1(&m, x)?;
            return match r.downcast::<IntData>() {
                Some(i) => Ok(i.value().clone()),
                None => Err(vm.type_error(&format!("{} returned non-int (type {})", name, vm.type_name(&r)))),
            };
        }
    }
    Err(vm.type_error(&format!("int() argument must be a string, a bytes-like object or a real number, not '{}'", vm.type_name(x))))
}

pub fn float_to_int(vm: &Vm, f: f64) -> PyResult<IntValue> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.new_error(&vm.ctx.exc.overflow_error, "cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if t.abs() < 9.0e18 {
        return Ok(IntValue::Small(t as i64));
    }
    let (m, e) = crate::objects::float::frexp(t);
    let mant = num_bigint::BigInt::from((m * (1u64 << 53) as f64) as i64);
    Ok(IntValue::from_big(if e >= 53 { mant << (e - 53) as usize } else { mant >> (53 - e) as usize }))
}

fn bool_new(vm: &Vm, _cls: &PyRef, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "bool", &a, 0, 1)?;
    Ok(vm.ctx.bool_obj(match p.first() {
        Some(v) => vm.is_true(v)?,
        None => false,
    }))
}

fn bool_repr(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__repr__", &a, 0, 0)?;
    Ok(vm.ctx.new_str(if int_of(s).is_zero() { "False" } else { "True" }))
}

/// Parse a float the way `float(str)` does.
pub fn parse_float(s: &str) -> Option<f64> {
    // Unicode decimal digits and spaces count as their ASCII forms.
    let t: String = s
        .chars()
        .map(|c| {
            if crate::builtins::strings::py_isspace(c) {
                ' '
            } else if let Some(d) = crate::builtins::unicode_props::decimal_value(c) {
                char::from_digit(d, 10).unwrap_or(c)
            } else {
                c
            }
        })
        .collect();
    let t = t.trim_matches(' ');
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let v = match lower.as_str() {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => {
            // digits [. digits] [e [sign] digits], underscores only between digits.
            let b = lower.as_bytes();
            let mut i = 0;
            let mut clean = String::with_capacity(b.len());
            let digits = |i: &mut usize, clean: &mut String| -> Option<usize> {
                let start = *i;
                while *i < b.len() {
                    if b[*i].is_ascii_digit() {
                        clean.push(b[*i] as char);
                        *i += 1;
                    } else if b[*i] == b'_' && *i > start && *i + 1 < b.len() && b[*i - 1].is_ascii_digit() && b[*i + 1].is_ascii_digit() {
                        *i += 1;
                    } else {
                        break;
                    }
                }
                Some(*i - start)
            };
            let int_len = digits(&mut i, &mut clean)?;
            let mut frac_len = 0;
            if i < b.len() && b[i] == b'.' {
                clean.push('.');
                i += 1;
                frac_len = digits(&mut i, &mut clean)?;
            }
            if int_len == 0 && frac_len == 0 {
                return None;
            }
            if i < b.len() && b[i] == b'e' {
                clean.push('e');
                i += 1;
                if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
                    clean.push(b[i] as char);
                    i += 1;
                }
                if digits(&mut i, &mut clean)? == 0 {
                    return None;
                }
            }
            if i != b.len() {
                return None;
            }
            clean.parse::<f64>().ok()?
        }
    };
    Some(if neg { -v } else { v })
}

fn float_new(vm: &Vm, cls: &PyRef, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "float", &a, 0, 1)?;
    let v = match p.first() {
        None => 0.0,
        Some(x) => to_float(vm, x)?,
    };
    Ok(if cls.is(&vm.ctx.types.float) { vm.ctx.new_float(v) } else { alloc_instance(vm, cls, FloatData(v)) })
}

pub fn to_float(vm: &Vm, x: &PyRef) -> PyResult<f64> {
    if let Some(f) = x.downcast::<FloatData>() {
        return Ok(f.0);
    }
    if let Some(i) = x.downcast::<IntData>() {
        return crate::builtins::native::int_to_f64(vm, i.value());
    }
    if let Some(s) = as_str(x) {
        return parse_float(s).ok_or_else(|| vm.value_error(&format!("could not convert string to float: {}", crate::objects::str::str_repr(s))));
    }
    let t = x.class();
    if let Some(m) = crate::objects::typeobject::lookup_str(&t, "__float__") {
        let r = vm.call1(&m, x)?;
        return match r.downcast::<FloatData>() {
            Some(f) => Ok(f.0),
            None => Err(vm.type_error(&format!("{}.__float__ returned non-float (type {})", vm.type_name(x), vm.type_name(&r)))),
        };
    }
    if let Some(m) = crate::objects::typeobject::lookup_str(&t, "__index__") {
        let r = vm.call1(&m, x)?;
        return crate::builtins::native::int_to_f64(vm, int_of(&r));
    }
    Err(vm.type_error(&format!("float() argument must be a string or a real number, not '{}'", vm.type_name(x))))
}

fn int_bit_length(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "bit_length", &a, 0, 0)?;
    Ok(vm.ctx.new_int(int_of(s).bit_length() as i64))
}
fn int_bit_count(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "bit_count", &a, 0, 0)?;
    let n = match int_of(s) {
        IntValue::Small(i) => i.unsigned_abs().count_ones() as i64,
        IntValue::Big(b) => b.magnitude().count_ones() as i64,
    };
    Ok(vm.ctx.new_int(n))
}
fn int_pos(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__int__", &a, 0, 0)?;
    Ok(vm.ctx.new_int_value(int_of(s).clone()))
}
fn int_float(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__float__", &a, 0, 0)?;
    Ok(vm.ctx.new_float(crate::builtins::native::int_to_f64(vm, int_of(s))?))
}
fn int_abs(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__abs__", &a, 0, 0)?;
    Ok(vm.ctx.new_int_value(int_of(s).abs()))
}
fn int_is_integer(vm: &Vm, _a: Args<'_>) -> PyResult {
    Ok(vm.ctx.bool_obj(true))
}
fn int_as_integer_ratio(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "as_integer_ratio", &a, 0, 0)?;
    Ok(vm.ctx.new_tuple(vec![vm.ctx.new_int_value(int_of(s).clone()), vm.ctx.new_int(1)]))
}
fn int_getnewargs(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__getnewargs__", &a, 0, 0)?;
    Ok(vm.ctx.new_tuple(vec![vm.ctx.new_int_value(int_of(s).clone())]))
}
/// `round(int, ndigits)`: round half to even at 10**-ndigits.
fn int_round(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "__round__", &a, 0, 1)?;
    let v = int_of(s).clone();
    let nd = match rest.first() {
        None => return Ok(vm.ctx.new_int_value(v)),
        Some(n) if n.is(&vm.ctx.consts.none) => return Ok(vm.ctx.new_int_value(v)),
        Some(n) => vm.index(n)?,
    };
    if !nd.is_negative() {
        return Ok(vm.ctx.new_int_value(v));
    }
    let p = IntValue::Small(10).pow(nd.neg().to_i64().unwrap_or(0) as u64);
    let q = v.floordiv(&p).unwrap_or(IntValue::Small(0));
    let r = v.modulo(&p).unwrap_or(IntValue::Small(0));
    let twice = r.mul(&IntValue::Small(2));
    let q = match twice.cmp(&p) {
        std::cmp::Ordering::Greater => q.add(&IntValue::Small(1)),
        std::cmp::Ordering::Equal if !q.bitand(&IntValue::Small(1)).is_zero() => q.add(&IntValue::Small(1)),
        _ => q,
    };
    Ok(vm.ctx.new_int_value(q.mul(&p)))
}
fn is_num(v: &PyRef) -> bool {
    matches!(v.kind(), Kind::Int | Kind::Float)
}
fn int_divmod(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "__divmod__", &a, 1, 1)?;
    if !rest[0].is_kind(Kind::Int) {
        return Ok(vm.ctx.consts.not_implemented.clone());
    }
    crate::builtins::functions::divmod_values(vm, s, &rest[0])
}
fn int_rdivmod(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "__rdivmod__", &a, 1, 1)?;
    if !rest[0].is_kind(Kind::Int) {
        return Ok(vm.ctx.consts.not_implemented.clone());
    }
    crate::builtins::functions::divmod_values(vm, &rest[0], s)
}
fn float_rdivmod(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "__rdivmod__", &a, 1, 1)?;
    if !is_num(&rest[0]) {
        return Ok(vm.ctx.consts.not_implemented.clone());
    }
    crate::builtins::functions::divmod_values(vm, &rest[0], s)
}
fn int_to_bytes(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = a.pos();
    let s = &p[0];
    let b = args::bind(vm, "to_bytes", &a.rest(), &["length", "byteorder", "signed"], 0)?;
    let length = match b[0] {
        Some(l) => vm.index(l)?.to_i64().unwrap_or(i64::MAX),
        None => 1,
    };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let length = length as usize;
    let little = byteorder_arg(vm, b[1], "to_bytes")?;
    let signed = match b[2] {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    let v = int_of(s).to_big();
    if !signed && v.sign() == num_bigint::Sign::Minus {
        return Err(vm.new_error(&vm.ctx.exc.overflow_error, "can't convert negative int to unsigned"));
    }
    let mut bytes = v.to_signed_bytes_le();
    if !signed && bytes.len() > 1 && *bytes.last().unwrap_or(&1) == 0 {
        bytes.pop();
    }
    if bytes.len() > length && !(v == num_bigint::BigInt::from(0) && length == 0) {
        return Err(vm.new_error(&vm.ctx.exc.overflow_error, "int too big to convert"));
    }
    let fill = if v.sign() == num_bigint::Sign::Minus { 0xff } else { 0 };
    bytes.resize(length, fill);
    if !little {
        bytes.reverse();
    }
    Ok(crate::builtins::bytes::new_bytes(vm, bytes))
}
fn int_from_bytes(vm: &Vm, a: Args<'_>) -> PyResult {
    let b = args::bind(vm, "from_bytes", &a.rest(), &["bytes", "byteorder", "signed"], 1)?;
    let src = b[0].expect("required");
    let mut data = match crate::builtins::bytes::buffer_of(src) {
        Some(d) => d,
        None => {
            let bobj = vm.call(&vm.ctx.types.bytes, &[src.clone()])?;
            crate::builtins::bytes::bytes_of(&bobj).to_vec()
        }
    };
    let little = byteorder_arg(vm, b[1], "from_bytes")?;
    let signed = match b[2] {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    if !little {
        data.reverse();
    }
    let v = if signed { num_bigint::BigInt::from_signed_bytes_le(&data) } else { num_bigint::BigInt::from_bytes_le(num_bigint::Sign::Plus, &data) };
    let r = vm.ctx.new_int_value(IntValue::from_big(v));
    let cls = &a.items[0];
    if cls.is(&vm.ctx.types.int) || !cls.is_kind(Kind::Type) {
        return Ok(r);
    }
    vm.call(cls, &[r])
}
/// The `byteorder` argument of to_bytes/from_bytes: whether it is "little".
fn byteorder_arg(vm: &Vm, v: Option<&PyRef>, fname: &str) -> PyResult<bool> {
    match v {
        None => Ok(false),
        Some(v) => match as_str(v) {
            Some("little") => Ok(true),
            Some("big") => Ok(false),
            Some(_) => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
            None => Err(vm.type_error(&format!("{fname}() argument 'byteorder' must be str, not {}", vm.type_name(v)))),
        },
    }
}
fn num_format(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "__format__", &a, 1, 1)?;
    let spec = as_str(&rest[0]).unwrap_or("");
    match crate::builtins::format::native_format(vm, s, spec)? {
        Some(r) => Ok(vm.ctx.new_string(r)),
        None => vm.str(s),
    }
}
fn get_real(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.ctx.new_int_value(int_of(o).clone()))
}
fn get_imag_int(vm: &Vm, _o: &PyRef) -> PyResult {
    Ok(vm.ctx.new_int(0))
}
fn get_one(vm: &Vm, _o: &PyRef) -> PyResult {
    Ok(vm.ctx.new_int(1))
}

fn fval(v: &PyRef) -> f64 {
    v.downcast::<FloatData>().map(|f| f.0).unwrap_or(0.0)
}
fn float_is_integer(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "is_integer", &a, 0, 0)?;
    let f = fval(s);
    Ok(vm.ctx.bool_obj(f.is_finite() && f.fract() == 0.0))
}
fn float_int(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__int__", &a, 0, 0)?;
    Ok(vm.ctx.new_int_value(float_to_int(vm, fval(s))?))
}
fn float_pos(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__float__", &a, 0, 0)?;
    Ok(vm.ctx.new_float(fval(s)))
}
fn float_abs(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__abs__", &a, 0, 0)?;
    Ok(vm.ctx.new_float(fval(s).abs()))
}
fn float_floor(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__floor__", &a, 0, 0)?;
    Ok(vm.ctx.new_int_value(float_to_int(vm, fval(s).floor())?))
}
fn float_ceil(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__ceil__", &a, 0, 0)?;
    Ok(vm.ctx.new_int_value(float_to_int(vm, fval(s).ceil())?))
}
fn float_divmod_m(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "__divmod__", &a, 1, 1)?;
    if !is_num(&rest[0]) {
        return Ok(vm.ctx.consts.not_implemented.clone());
    }
    crate::builtins::functions::divmod_values(vm, s, &rest[0])
}
fn float_real(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.ctx.new_float(fval(o)))
}
fn float_imag(vm: &Vm, _o: &PyRef) -> PyResult {
    Ok(vm.ctx.new_float(0.0))
}

/// Round half to even at `nd` decimal digits, exactly as CPython (via the shortest
/// correctly rounded decimal string).
pub fn round_float(x: f64, nd: i64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    if nd > 308 {
        return x;
    }
    if nd < -308 {
        return 0.0f64.copysign(x);
    }
    if nd >= 0 {
        // format! rounds the exact binary value half-to-even, which is what CPython does
        // (it rounds the exact value with correct rounding).
        let s = format!("{:.*}", nd as usize, x);
        s.parse().unwrap_or(x)
    } else {
        // Exact: round |x| / 10**k half-to-even on the exact binary value, then convert
        // N * 10**k back with correct rounding (CPython rounds via dtoa the same way).
        use num_bigint::BigInt;
        use num_integer::Integer;
        let k = (-nd) as u32;
        let (m, e) = exact_parts(x.abs());
        let p10 = num_traits::pow(BigInt::from(10), k as usize);
        let (num, den) = if e >= 0 { (BigInt::from(m) << e as usize, p10) } else { (BigInt::from(m), p10 << (-e) as usize) };
        let (q, r) = num.div_rem(&den);
        let twice = r * 2;
        let q = if twice > den || (twice == den && q.is_odd()) { q + 1 } else { q };
        let text = format!("{q}e{k}");
        let v: f64 = text.parse().unwrap_or(f64::INFINITY);
        v.copysign(x)
    }
}

/// `x = m * 2**e` exactly (x finite, non-negative).
fn exact_parts(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    }
}

/// The float nearest to `m * 2**e` (ties to even); None on overflow.
fn big_times_pow2_to_f64(m: &num_bigint::BigUint, e: i64) -> Option<f64> {
    use num_traits::{ToPrimitive, Zero};
    if m.is_zero() {
        return Some(0.0);
    }
    let nbits = m.bits() as i64;
    let top = nbits + e;
    if top > 1024 {
        return None;
    }
    let lsb = (top - 53).max(-1074);
    let shift = lsb - e;
    let q: num_bigint::BigUint = if shift > 0 {
        let s = shift as usize;
        let q = m >> s;
        let rem = m - (&q << s);
        let half = num_bigint::BigUint::from(1u8) << (s - 1);
        if rem > half || (rem == half && q.bit(0)) {
            q + 1u8
        } else {
            q
        }
    } else {
        m << (-shift) as usize
    };
    let qf = q.to_f64()?;
    // An exact power of two (powi would underflow through 1/2**1074).
    let pow2 = |e: i64| f64::from_bits(((e + 1023) as u64) << 52);
    let v = if lsb >= -1022 { qf * pow2(lsb.min(1023)) } else { (qf * pow2(lsb + 64)) * pow2(-64) };
    if v.is_infinite() {
        None
    } else {
        Some(v)
    }
}

fn float_round(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "__round__", &a, 0, 1)?;
    let x = fval(s);
    match rest.first().filter(|n| !n.is(&vm.ctx.consts.none)) {
        None => {
            let r = x.round_ties_even();
            Ok(vm.ctx.new_int_value(float_to_int(vm, r)?))
        }
        Some(n) => {
            let nd = vm.index(n)?.to_i64().unwrap_or(0);
            Ok(vm.ctx.new_float(round_float(x, nd)))
        }
    }
}
fn float_as_integer_ratio(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "as_integer_ratio", &a, 0, 0)?;
    let x = fval(s);
    if x.is_infinite() {
        return Err(vm.new_error(&vm.ctx.exc.overflow_error, "cannot convert Infinity to integer ratio"));
    }
    if x.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    let (mut m, mut e) = crate::objects::float::frexp(x);
    while m != m.floor() {
        m *= 2.0;
        e -= 1;
    }
    let num = num_bigint::BigInt::from(m as i64);
    let (n, d) = if e >= 0 { (num << e as usize, num_bigint::BigInt::from(1)) } else { (num, num_bigint::BigInt::from(1) << (-e) as usize) };
    Ok(vm.ctx.new_tuple(vec![vm.ctx.new_int_value(IntValue::from_big(n)), vm.ctx.new_int_value(IntValue::from_big(d))]))
}
fn float_hex(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "hex", &a, 0, 0)?;
    let x = fval(s);
    if x == 0.0 {
        return Ok(vm.ctx.new_str(if x.is_sign_negative() { "-0x0.0p+0" } else { "0x0.0p+0" }));
    }
    let bits = x.to_bits();
    let sign = if x < 0.0 { "-" } else { "" };
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1 << 52) - 1);
    let (lead, e) = if exp == 0 { (0, -1022) } else { (1, exp - 1023) };
    if !x.is_finite() {
        return Ok(vm.ctx.new_string(crate::objects::float::float_repr(x)));
    }
    let m = format!("{:013x}", mant);
    Ok(vm.ctx.new_string(format!("{sign}0x{lead}.{m}p{}{}", if e >= 0 { "+" } else { "-" }, e.abs())))
}
fn float_fromhex(vm: &Vm, a: Args<'_>) -> PyResult {
    let (cls, rest) = args::meth(vm, "fromhex", &a, 1, 1)?;
    let text = as_str(&rest[0]).ok_or_else(|| vm.type_error(&format!("fromhex() argument must be str, not {}", vm.type_name(&rest[0]))))?;
    let invalid = || vm.value_error("invalid hexadecimal floating-point string");
    let t = text.trim();
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = t.to_ascii_lowercase();
    let value = if lower == "inf" || lower == "infinity" {
        f64::INFINITY
    } else if lower == "nan" {
        f64::NAN
    } else {
        let body = lower.strip_prefix("0x").unwrap_or(&lower);
        let (mant, exp) = match body.split_once('p') {
            Some((m, e)) => (m, Some(e)),
            None => (body, None),
        };
        let (int_part, frac_part) = match mant.split_once('.') {
            Some((i, f)) => (i, f),
            None => (mant, ""),
        };
        if int_part.is_empty() && frac_part.is_empty() {
            return Err(invalid());
        }
        let digits = format!("{int_part}{frac_part}");
        if !digits.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(invalid());
        }
        let m = num_bigint::BigUint::parse_bytes(digits.as_bytes(), 16).unwrap_or_default();
        let e: i64 = match exp {
            Some(e) => {
                let ok = !e.is_empty() && e.trim_start_matches(['+', '-']).chars().all(|c| c.is_ascii_digit()) && e.trim_start_matches(['+', '-']).len() > 0;
                if !ok {
                    return Err(invalid());
                }
                e.parse::<i64>().unwrap_or(if e.starts_with('-') { -1_000_000 } else { 1_000_000 })
            }
            None => 0,
        };
        let e = e.saturating_sub(4 * frac_part.len() as i64);
        match big_times_pow2_to_f64(&m, e) {
            Some(v) => v,
            None => return Err(vm.new_error(&vm.ctx.exc.overflow_error, "hexadecimal value too large to represent as a float")),
        }
    };
    let value = if neg { -value } else { value };
    let f = vm.ctx.new_float(value);
    if cls.is(&vm.ctx.types.float) {
        return Ok(f);
    }
    vm.call(cls, &[f])
}
