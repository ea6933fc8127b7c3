//! The `math` module.

use crate::builtins::args;
use crate::object::{Kind, PyRef};
use crate::objects::int::{IntData, IntValue};
use crate::vm::{Args, PyResult, Vm};
use num_traits::{One, Zero};

pub fn make(vm: &Vm) -> PyRef {
    let m = vm.new_module("math");
    super::add_functions(
        vm,
        &m,
        "math",
        &[
            ("sqrt", sqrt), ("floor", floor), ("ceil", ceil), ("trunc", trunc), ("fabs", fabs), ("exp", exp), ("log", log),
            ("log2", log2), ("log10", log10), ("log1p", log1p), ("expm1", expm1), ("pow", pow), ("sin", sin), ("cos", cos), ("tan", tan), ("asin", asin),
            ("acos", acos), ("atan", atan), ("atan2", atan2), ("sinh", sinh), ("cosh", cosh), ("tanh", tanh), ("hypot", hypot),
            ("degrees", degrees), ("radians", radians), ("copysign", copysign), ("fmod", fmod), ("isnan", isnan),
            ("isinf", isinf), ("isfinite", isfinite), ("isclose", isclose), ("gcd", gcd), ("lcm", lcm), ("factorial", factorial),
            ("comb", comb), ("perm", perm), ("isqrt", isqrt), ("prod", prod), ("fsum", fsum), ("modf", modf), ("frexp", frexp),
            ("ldexp", ldexp), ("dist", dist),
        ],
    );
    for (n, v) in [("pi", std::f64::consts::PI), ("e", std::f64::consts::E), ("tau", std::f64::consts::TAU), ("inf", f64::INFINITY), ("nan", f64::NAN)] {
        super::set_attr(vm, &m, n, vm.ctx.new_float(v));
    }
    m
}

/// A float argument (CPython's `PyFloat_AsDouble`, the `d` converter): a float, an int
/// (OverflowError when too large), or an object with `__float__` or `__index__`; strings
/// are refused, unlike `float()`.
#[inline]
fn real(vm: &Vm, x: &PyRef) -> PyResult<f64> {
    if let Some(f) = x.downcast::<crate::objects::float::FloatData>() {
        return Ok(f.0);
    }
    if let Some(i) = x.downcast::<IntData>() {
        return crate::builtins::native::int_to_f64(vm, i.value());
    }
    real_slow(vm, x)
}

#[cold]
fn real_slow(vm: &Vm, x: &PyRef) -> PyResult<f64> {
    let t = x.class();
    if let Some(m) = crate::objects::typeobject::lookup_str(&t, "__float__") {
        let r = vm.call1(&m, x)?;
        return match r.downcast::<crate::objects::float::FloatData>() {
            Some(f) => Ok(f.0),
            None => Err(vm.type_error(&format!("{}.__float__ returned non-float (type {})", vm.type_name(x), vm.type_name(&r)))),
        };
    }
    if crate::objects::typeobject::lookup_str(&t, "__index__").is_some() {
        return crate::builtins::native::int_to_f64(vm, &vm.index(x)?);
    }
    Err(vm.type_error(&format!("must be real number, not {}", vm.type_name(x))))
}

fn one(vm: &Vm, a: &Args<'_>, name: &str) -> PyResult<f64> {
    let p = args::pos(vm, name, a, 1, 1)?;
    real(vm, &p[0])
}

fn domain(vm: &Vm) -> crate::vm::PyErr {
    vm.value_error("math domain error")
}

fn checked(vm: &Vm, x: f64, r: f64) -> PyResult {
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(vm.new_error(&vm.ctx.exc.overflow_error, "math range error"));
    }
    Ok(vm.ctx.new_float(r))
}

macro_rules! unary_float {
    ($($name:ident => $f:expr;)*) => {
        $(fn $name(vm: &Vm, a: Args<'_>) -> PyResult {
            let x = one(vm, &a, stringify!($name))?;
            let f: fn(f64) -> f64 = $f;
            checked(vm, x, f(x))
        })*
    };
}

unary_float! {
    exp => f64::exp;
    expm1 => f64::exp_m1;
    sin => f64::sin;
    cos => f64::cos;
    tan => f64::tan;
    atan => f64::atan;
    sinh => f64::sinh;
    cosh => f64::cosh;
    tanh => f64::tanh;
    fabs => f64::abs;
    degrees => f64::to_degrees;
    radians => f64::to_radians;
}

fn sqrt(vm: &Vm, a: Args<'_>) -> PyResult {
    let x = one(vm, &a, "sqrt")?;
    if x < 0.0 {
        return Err(domain(vm));
    }
    Ok(vm.ctx.new_float(x.sqrt()))
}
fn asin(vm: &Vm, a: Args<'_>) -> PyResult {
    let x = one(vm, &a, "asin")?;
    if !(-1.0..=1.0).contains(&x) {
        return Err(domain(vm));
    }
    Ok(vm.ctx.new_float(x.asin()))
}
fn acos(vm: &Vm, a: Args<'_>) -> PyResult {
    let x = one(vm, &a, "acos")?;
    if !(-1.0..=1.0).contains(&x) {
        return Err(domain(vm));
    }
    Ok(vm.ctx.new_float(x.acos()))
}
fn int_result(vm: &Vm, p: &PyRef, name: &str, f: fn(f64) -> f64) -> PyResult {
    if let Some(i) = p.downcast::<IntData>() {
        return Ok(vm.ctx.new_int_value(i.value().clone()));
    }
    if p.is_kind(Kind::Float) {
        let x = real(vm, p)?;
        return Ok(vm.ctx.new_int_value(crate::builtins::numbers::float_to_int(vm, f(x))?));
    }
    let dunder = format!("__{name}__");
    if let Some(m) = crate::objects::typeobject::lookup_text(&p.class(), &dunder) {
        return vm.call1(&m, p);
    }
    let x = real(vm, p)?;
    Ok(vm.ctx.new_int_value(crate::builtins::numbers::float_to_int(vm, f(x))?))
}
fn floor(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "floor", &a, 1, 1)?;
    int_result(vm, &p[0], "floor", f64::floor)
}
fn ceil(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "ceil", &a, 1, 1)?;
    int_result(vm, &p[0], "ceil", f64::ceil)
}
fn trunc(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "trunc", &a, 1, 1)?;
    int_result(vm, &p[0], "trunc", f64::trunc)
}
fn log(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "log", &a, 1, 2)?;
    let ln = |v: &PyRef| -> PyResult<f64> {
        if let Some(i) = v.downcast::<IntData>() {
            if i.value().is_negative() || i.value().is_zero() {
                return Err(domain(vm));
            }
            if let IntValue::Big(b) = i.value() {
                // log of a huge int: scale down by a power of two first.
                let bits = b.bits();
                let shift = bits.saturating_sub(60);
                let top: num_bigint::BigInt = (&**b) >> shift as usize;
                let f = num_traits::ToPrimitive::to_f64(&top).unwrap_or(1.0);
                return Ok(f.ln() + shift as f64 * std::f64::consts::LN_2);
            }
        }
        let x = real(vm, v)?;
        if x <= 0.0 {
            return Err(domain(vm));
        }
        Ok(x.ln())
    };
    let num = ln(&p[0])?;
    match p.get(1) {
        Some(b) => {
            let d = ln(b)?;
            if d == 0.0 {
                return Err(vm.new_error(&vm.ctx.exc.zero_division_error, "float division by zero"));
            }
            Ok(vm.ctx.new_float(num / d))
        }
        None => Ok(vm.ctx.new_float(num)),
    }
}
fn log2(vm: &Vm, a: Args<'_>) -> PyResult {
    let x = one(vm, &a, "log2")?;
    if x <= 0.0 {
        return Err(domain(vm));
    }
    Ok(vm.ctx.new_float(x.log2()))
}
fn log10(vm: &Vm, a: Args<'_>) -> PyResult {
    let x = one(vm, &a, "log10")?;
    if x <= 0.0 {
        return Err(domain(vm));
    }
    Ok(vm.ctx.new_float(x.log10()))
}
fn log1p(vm: &Vm, a: Args<'_>) -> PyResult {
    let x = one(vm, &a, "log1p")?;
    if x <= -1.0 {
        return Err(domain(vm));
    }
    Ok(vm.ctx.new_float(x.ln_1p()))
}
fn two(vm: &Vm, a: &Args<'_>, name: &str) -> PyResult<(f64, f64)> {
    let p = args::pos(vm, name, a, 2, 2)?;
    Ok((real(vm, &p[0])?, real(vm, &p[1])?))
}
fn pow(vm: &Vm, a: Args<'_>) -> PyResult {
    let (x, y) = two(vm, &a, "pow")?;
    if x == 0.0 && y < 0.0 {
        return Err(domain(vm));
    }
    if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
        return Err(domain(vm));
    }
    checked(vm, x, x.powf(y))
}
fn atan2(vm: &Vm, a: Args<'_>) -> PyResult {
    let (y, x) = two(vm, &a, "atan2")?;
    Ok(vm.ctx.new_float(y.atan2(x)))
}
fn hypot(vm: &Vm, a: Args<'_>) -> PyResult {
    let mut acc = 0.0f64;
    for v in a.pos() {
        let x = real(vm, v)?;
        acc = acc.hypot(x);
    }
    Ok(vm.ctx.new_float(acc))
}
fn dist(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "dist", &a, 2, 2)?;
    let (x, y) = (vm.iterate(&p[0])?, vm.iterate(&p[1])?);
    if x.len() != y.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut acc = 0.0f64;
    for (a, b) in x.iter().zip(&y) {
        acc = acc.hypot(real(vm, a)? - real(vm, b)?);
    }
    Ok(vm.ctx.new_float(acc))
}
fn copysign(vm: &Vm, a: Args<'_>) -> PyResult {
    let (x, y) = two(vm, &a, "copysign")?;
    Ok(vm.ctx.new_float(x.copysign(y)))
}
fn fmod(vm: &Vm, a: Args<'_>) -> PyResult {
    let (x, y) = two(vm, &a, "fmod")?;
    if y == 0.0 || x.is_infinite() {
        return Err(domain(vm));
    }
    Ok(vm.ctx.new_float(x % y))
}
fn isnan(vm: &Vm, a: Args<'_>) -> PyResult {
    let x = one(vm, &a, "isnan")?;
    Ok(vm.ctx.bool_obj(x.is_nan()))
}
fn isinf(vm: &Vm, a: Args<'_>) -> PyResult {
    let x = one(vm, &a, "isinf")?;
    Ok(vm.ctx.bool_obj(x.is_infinite()))
}
fn isfinite(vm: &Vm, a: Args<'_>) -> PyResult {
    let x = one(vm, &a, "isfinite")?;
    Ok(vm.ctx.bool_obj(x.is_finite()))
}
fn isclose(vm: &Vm, a: Args<'_>) -> PyResult {
    let b = args::bind(vm, "isclose", &a, &["a", "b", "rel_tol", "abs_tol"], 2)?;
    let x = real(vm, b[0].expect("required"))?;
    let y = real(vm, b[1].expect("required"))?;
    let rel = b[2].map(|v| real(vm, v)).transpose()?.unwrap_or(1e-9);
    let abs_tol = b[3].map(|v| real(vm, v)).transpose()?.unwrap_or(0.0);
    if rel < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(vm.ctx.bool_obj(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(vm.ctx.bool_obj(false));
    }
    let diff = (y - x).abs();
    Ok(vm.ctx.bool_obj(diff <= (rel * y).abs() || diff <= (rel * x).abs() || diff <= abs_tol))
}
fn ints(vm: &Vm, a: &Args<'_>) -> PyResult<Vec<num_bigint::BigInt>> {
    a.pos().iter().map(|v| vm.index(v).map(|i| i.to_big())).collect()
}
fn gcd(vm: &Vm, a: Args<'_>) -> PyResult {
    let mut acc = num_bigint::BigInt::zero();
    for v in ints(vm, &a)? {
        acc = num_integer::Integer::gcd(&acc, &v);
    }
    Ok(vm.ctx.new_int_value(IntValue::from_big(acc)))
}
fn lcm(vm: &Vm, a: Args<'_>) -> PyResult {
    let mut acc = num_bigint::BigInt::one();
    for v in ints(vm, &a)? {
        if v.is_zero() {
            return Ok(vm.ctx.new_int(0));
        }
        acc = num_integer::Integer::lcm(&acc, &v);
    }
    Ok(vm.ctx.new_int_value(IntValue::from_big(acc)))
}
fn factorial(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "factorial", &a, 1, 1)?;
    if p[0].is_kind(Kind::Float) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = vm.index(&p[0])?;
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let n = n.to_i64().ok_or_else(|| vm.new_error(&vm.ctx.exc.overflow_error, "factorial() argument should not exceed 9223372036854775807"))?;
    let mut acc = num_bigint::BigInt::one();
    for i in 2..=n {
        acc *= i;
    }
    Ok(vm.ctx.new_int_value(IntValue::from_big(acc)))
}
fn comb(vm: &Vm, a: Args<'_>) -> PyResult {
    let v = ints(vm, &a)?;
    if v.len() != 2 {
        return Err(vm.type_error(&format!("comb expected 2 arguments, got {}", v.len())));
    }
    let (n, k) = (&v[0], &v[1]);
    if n < &num_bigint::BigInt::zero() || k < &num_bigint::BigInt::zero() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k > n {
        return Ok(vm.ctx.new_int(0));
    }
    let k = std::cmp::min(k.clone(), n - k);
    let mut acc = num_bigint::BigInt::one();
    let mut i = num_bigint::BigInt::zero();
    while i < k {
        acc = acc * (n - &i) / (&i + 1);
        i += 1;
    }
    Ok(vm.ctx.new_int_value(IntValue::from_big(acc)))
}
fn perm(vm: &Vm, a: Args<'_>) -> PyResult {
    let v = ints(vm, &a)?;
    let n = v.first().cloned().unwrap_or_default();
    let k = v.get(1).cloned().unwrap_or_else(|| n.clone());
    if k > n {
        return Ok(vm.ctx.new_int(0));
    }
    let mut acc = num_bigint::BigInt::one();
    let mut i = num_bigint::BigInt::zero();
    while i < k {
        acc *= &n - &i;
        i += 1;
    }
    Ok(vm.ctx.new_int_value(IntValue::from_big(acc)))
}
fn isqrt(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "isqrt", &a, 1, 1)?;
    let n = vm.index(&p[0])?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(vm.ctx.new_int_value(IntValue::from_big(n.to_big().sqrt())))
}
fn prod(vm: &Vm, a: Args<'_>) -> PyResult {
    let b = args::bind(vm, "prod", &a, &["iterable", "start"], 1)?;
    let mut acc = b[1].cloned().unwrap_or_else(|| vm.ctx.new_int(1));
    for x in vm.iterate(b[0].expect("required"))? {
        acc = vm.binary_op(&acc, &x, pyglass_bytecode::BinaryOp::Multiply)?;
    }
    Ok(acc)
}
/// Exact float summation (Shewchuk's algorithm, as CPython's `math.fsum`).
fn fsum(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "fsum", &a, 1, 1)?;
    let mut partials: Vec<f64> = Vec::new();
    // Infinities and NaNs are summed apart (CPython's special_sum / inf_sum).
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    for v in vm.iterate(&p[0])? {
        let mut x = real(vm, &v)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // Either an intermediate overflow or an inf/nan summand.
                if xsave.is_finite() {
                    return Err(vm.new_error(&vm.ctx.exc.overflow_error, "intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.value_error("-inf + inf in fsum"));
        }
        return Ok(vm.ctx.new_float(special_sum));
    }
    let mut hi = 0.0;
    if let Some(mut n) = partials.len().checked_sub(1) {
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(vm.ctx.new_float(hi))
}
fn modf(vm: &Vm, a: Args<'_>) -> PyResult {
    let x = one(vm, &a, "modf")?;
    let i = x.trunc();
    Ok(vm.ctx.new_tuple(vec![vm.ctx.new_float((x - i).copysign(x)), vm.ctx.new_float(i)]))
}
fn frexp(vm: &Vm, a: Args<'_>) -> PyResult {
    let x = one(vm, &a, "frexp")?;
    let (m, e) = crate::objects::float::frexp(x);
    Ok(vm.ctx.new_tuple(vec![vm.ctx.new_float(m), vm.ctx.new_int(e as i64)]))
}
fn ldexp(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "ldexp", &a, 2, 2)?;
    let x = real(vm, &p[0])?;
    let e = vm.index(&p[1])?.to_i64().unwrap_or(0).clamp(-10000, 10000);
    checked(vm, x, x * 2f64.powi(e as i32))
}
