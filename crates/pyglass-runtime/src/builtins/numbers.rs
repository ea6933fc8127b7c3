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
                    return parse_int(&t, base as u32).map(|v| new_int_of(vm, cls, v)).ok_or_else(|| vm.value_error(&format!("invalid literal for int() with base {}: {}", base, crate::builtins::bytes::bytes_repr(t.as_bytes()))));
                }
                return Err(vm.type_error("int() can't convert non-string with explicit base"));
            };
            parse_int(s, base as u32).ok_or_else(|| vm.value_error(&format!("invalid literal for int() with base {}: {}", base, crate::objects::str::str_repr(s))))?
        }
    };
    Ok(new_int_of(vm, cls, v))
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
        return parse_int(s, 10).ok_or_else(|| vm.value_error(&format!("invalid literal for int() with base 10: {}", crate::objects::str::str_repr(s))));
    }
    if x.is_kind(Kind::Bytes) {
        let t = String::from_utf8_lossy(crate::builtins::bytes::bytes_of(x)).to_string();
        return parse_int(&t, 10).ok_or_else(|| vm.value_error(&format!("invalid literal for int() with base 10: {}", crate::builtins::bytes::bytes_repr(t.as_bytes()))));
    }
    let t = x.class();
    for name in ["__int__", "__index__", "__trunc__"] {
        if let Some(m) = crate::objects::typeobject::lookup_str(&t, name) {
            let r = vm.call(&m, &[x.clone()])?;
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
    let t = s.trim();
    if t.is_empty() || t.starts_with('_') || t.ends_with('_') || t.contains("__") {
        return None;
    }
    let clean: String = t.chars().filter(|c| *c != '_').collect();
    let lower = clean.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    let neg = lower.starts_with('-');
    let v = match body {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => {
            if !body.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | '+' | '-')) {
                return None;
            }
            return clean.parse::<f64>().ok();
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
        let r = vm.call(&m, &[x.clone()])?;
        return match r.downcast::<FloatData>() {
            Some(f) => Ok(f.0),
            None => Err(vm.type_error(&format!("{}.__float__ returned non-float (type {})", vm.type_name(x), vm.type_name(&r)))),
        };
    }
    if let Some(m) = crate::objects::typeobject::lookup_str(&t, "__index__") {
        let r = vm.call(&m, &[x.clone()])?;
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
fn int_divmod(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "__divmod__", &a, 1, 1)?;
    crate::builtins::functions::divmod_values(vm, s, &rest[0])
}
fn int_to_bytes(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = a.pos();
    let s = &p[0];
    let b = args::bind(vm, "to_bytes", &a.rest(), &["length", "byteorder", "signed"], 0)?;
    let length = b[0].map(|l| int_of(l).to_i64().unwrap_or(1)).unwrap_or(1) as usize;
    let little = b[1].and_then(as_str) == Some("little");
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
    let mut data = crate::builtins::bytes::bytes_of(b[0].expect("required")).to_vec();
    let little = b[1].and_then(as_str) == Some("little");
    let signed = match b[2] {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    if !little {
        data.reverse();
    }
    let v = if signed { num_bigint::BigInt::from_signed_bytes_le(&data) } else { num_bigint::BigInt::from_bytes_le(num_bigint::Sign::Plus, &data) };
    Ok(vm.ctx.new_int_value(IntValue::from_big(v)))
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
        let p = 10f64.powi((-nd) as i32);
        let y = x / p;
        let r = y.round();
        let r = if (y - y.trunc()).abs() == 0.5 { 2.0 * (y / 2.0).round() } else { r };
        r * p
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
    let mut m = format!("{:013x}", mant);
    while m.len() > 1 && m.ends_with('0') {
        m.pop();
    }
    Ok(vm.ctx.new_string(format!("{sign}0x{lead}.{m}p{}{}", if e >= 0 { "+" } else { "-" }, e.abs())))
}
fn float_fromhex(vm: &Vm, _a: Args<'_>) -> PyResult {
    Err(vm.new_error(&vm.ctx.exc.not_implemented_error, "float.fromhex is not supported by pyglass"))
}
