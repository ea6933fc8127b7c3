//! `float` (CPython `Objects/floatobject.c`): repr in the shortest round-trip form, and
//! CPython's numeric hash.

use crate::object::{Kind, PyPayload};
use crate::objects::int::{HASH_BITS, HASH_INF, HASH_MODULUS};

pub struct FloatData(pub f64);

// SAFETY: Kind::Float is used by no other payload type.
unsafe impl PyPayload for FloatData {
    const KIND: Kind = Kind::Float;
    const LEAF: bool = true;
    const HAS_FREELIST: bool = true;
    #[inline(always)]
    fn freelist(ctx: &crate::vm::Context) -> Option<&crate::object::freelist::FreeList<Self>> {
        Some(&ctx.float_freelist)
    }
}

/// `repr(x)` for a float, identical to CPython's (`float_repr`, mode 'r').
/// The shortest digit string that round-trips to `x` (finite, non-zero, non-negative)
/// and its decimal exponent (`d.ddd * 10**exp`), choosing among equally short strings
/// the correctly rounded one (ties to even), as David Gay's dtoa mode 0 does.
pub fn shortest_digits(x: f64) -> (String, i64) {
    let sci = format!("{:e}", x);
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    // Rust picks one of the shortest candidates; the correctly rounded candidate of the
    // same length is preferred when it also round-trips.
    let n = digits.len();
    if n > 1 {
        let exact = format!("{:.*e}", n - 1, x);
        if exact.parse::<f64>().ok() == Some(x) {
            let (m2, e2) = exact.split_once('e').unwrap_or((&exact, "0"));
            let d2: String = m2.chars().filter(|c| c.is_ascii_digit()).collect();
            let d2 = d2.trim_end_matches('0').to_string();
            if !d2.is_empty() {
                return (d2, e2.parse().unwrap_or(exp));
            }
        }
    }
    (digits, exp)
}

pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    let neg = x.is_sign_negative();
    let (digits, exp) = shortest_digits(x.abs());
    let exp = exp as i32;
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if (-4..16).contains(&exp) {
        let decpt = exp + 1; // digits before the decimal point
        if decpt <= 0 {
            out.push_str("0.");
            for _ in 0..(-decpt) {
                out.push('0');
            }
            out.push_str(&digits);
        } else if decpt as usize >= digits.len() {
            out.push_str(&digits);
            for _ in 0..(decpt as usize - digits.len()) {
                out.push('0');
            }
            out.push_str(".0");
        } else {
            out.push_str(&digits[..decpt as usize]);
            out.push('.');
            out.push_str(&digits[decpt as usize..]);
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    out
}

/// frexp: x = m * 2**e with 0.5 <= |m| < 1.
pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(x * (1u64 << 54) as f64);
        return (m, e - 54);
    }
    let e = exp - 1022;
    let m_bits = (bits & !(0x7ffu64 << 52)) | (1022u64 << 52);
    (f64::from_bits(m_bits), e)
}

/// CPython's `_Py_HashDouble` for finite and infinite values (NaN hashes by identity, which
/// the caller handles).
pub fn float_hash(v: f64) -> isize {
    if v.is_infinite() {
        return if v > 0.0 { HASH_INF } else { -HASH_INF };
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | (x >> (HASH_BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let e = if e >= 0 { e % HASH_BITS as i32 } else { HASH_BITS as i32 - 1 - ((-1 - e) % HASH_BITS as i32) };
    let e = e as u32;
    x = ((x << e) & HASH_MODULUS) | (x >> (HASH_BITS - e));
    let r = (x as i64) * sign;
    if r == -1 {
        -2
    } else {
        r as isize
    }
}

/// Python's float floor division and modulo (`float_divmod`); `None` for a zero divisor.
pub fn float_divmod(vx: f64, wx: f64) -> Option<(f64, f64)> {
    if wx == 0.0 {
        return None;
    }
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    Some((floordiv, m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_cpython() {
        let cases = [
            (0.1 + 0.2, "0.30000000000000004"),
            (1e16, "1e+16"),
            (1.5e-7, "1.5e-07"),
            (123456789012345.0, "123456789012345.0"),
            (1234567890123456.0, "1234567890123456.0"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (2.5, "2.5"),
            (-3.0, "-3.0"),
            (1e22, "1e+22"),
            (3.3333333333333335, "3.3333333333333335"),
            (f64::MAX, "1.7976931348623157e+308"),
            (5e-324, "5e-324"),
        ];
        for (x, want) in cases {
            assert_eq!(float_repr(x), want);
        }
    }

    #[test]
    fn hash_matches_cpython() {
        assert_eq!(float_hash(1.0), 1);
        assert_eq!(float_hash(0.5), 1152921504606846976);
        assert_eq!(float_hash(-1.0), -2);
        assert_eq!(float_hash(1.5), 1152921504606846977);
        assert_eq!(float_hash(1e100), 1822893315824342674);
    }

    #[test]
    fn divmod_signs() {
        assert_eq!(float_divmod(-7.0, 2.0), Some((-4.0, 1.0)));
        assert_eq!(float_divmod(7.0, -2.0), Some((-4.0, -1.0)));
        assert_eq!(float_divmod(1.0, 0.0), None);
    }
}
