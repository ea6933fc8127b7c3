//! `int` and `bool` (CPython `Objects/longobject.c`, `boolobject.c`): arbitrary precision
//! with a machine-word fast path. Values that fit in `i64` are always `Small`; `Big` only
//! holds values outside that range (the representation is canonical).

use crate::object::{Kind, PyPayload};
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IntValue {
    Small(i64),
    Big(Box<BigInt>),
}

pub struct IntData(pub IntValue);

// SAFETY: Kind::Int is used by no other payload type.
unsafe impl PyPayload for IntData {
    const KIND: Kind = Kind::Int;
    const LEAF: bool = true;
    const HAS_FREELIST: bool = true;
    #[inline(always)]
    fn freelist(ctx: &crate::vm::Context) -> Option<&crate::object::freelist::FreeList<Self>> {
        Some(&ctx.int_freelist)
    }
}

impl IntData {
    #[inline(always)]
    pub fn value(&self) -> &IntValue {
        &self.0
    }
    #[inline(always)]
    pub fn as_small(&self) -> Option<i64> {
        match self.0 {
            IntValue::Small(i) => Some(i),
            IntValue::Big(_) => None,
        }
    }
}

/// Modulus of CPython's numeric hash (`_PyHASH_MODULUS`, 2**61 - 1).
pub const HASH_MODULUS: u64 = (1 << 61) - 1;
pub const HASH_BITS: u32 = 61;
pub const HASH_INF: isize = 314159;

impl IntValue {
    pub fn from_big(b: BigInt) -> IntValue {
        match b.to_i64() {
            Some(i) => IntValue::Small(i),
            None => IntValue::Big(Box::new(b)),
        }
    }

    pub fn to_big(&self) -> BigInt {
        match self {
            IntValue::Small(i) => BigInt::from(*i),
            IntValue::Big(b) => (**b).clone(),
        }
    }

    pub fn is_zero(&self) -> bool {
        matches!(self, IntValue::Small(0))
    }

    pub fn is_negative(&self) -> bool {
        match self {
            IntValue::Small(i) => *i < 0,
            IntValue::Big(b) => b.is_negative(),
        }
    }

    pub fn to_i64(&self) -> Option<i64> {
        match self {
            IntValue::Small(i) => Some(*i),
            IntValue::Big(_) => None,
        }
    }

    /// Conversion to float with CPython's rounding; `None` on overflow.
    pub fn to_f64(&self) -> Option<f64> {
        match self {
            IntValue::Small(i) => Some(*i as f64),
            IntValue::Big(b) => {
                let f = b.to_f64()?;
                if f.is_finite() {
                    Some(f)
                } else {
                    None
                }
            }
        }
    }

    pub fn add(&self, o: &IntValue) -> IntValue {
        if let (IntValue::Small(a), IntValue::Small(b)) = (self, o) {
            if let Some(r) = a.checked_add(*b) {
                return IntValue::Small(r);
            }
        }
        IntValue::from_big(self.to_big() + o.to_big())
    }

    pub fn sub(&self, o: &IntValue) -> IntValue {
        if let (IntValue::Small(a), IntValue::Small(b)) = (self, o) {
            if let Some(r) = a.checked_sub(*b) {
                return IntValue::Small(r);
            }
        }
        IntValue::from_big(self.to_big() - o.to_big())
    }

    pub fn mul(&self, o: &IntValue) -> IntValue {
        if let (IntValue::Small(a), IntValue::Small(b)) = (self, o) {
            if let Some(r) = a.checked_mul(*b) {
                return IntValue::Small(r);
            }
        }
        IntValue::from_big(self.to_big() * o.to_big())
    }

    /// Floor division; `None` for division by zero.
    pub fn floordiv(&self, o: &IntValue) -> Option<IntValue> {
        if o.is_zero() {
            return None;
        }
        if let (IntValue::Small(a), IntValue::Small(b)) = (self, o) {
            if !(*a == i64::MIN && *b == -1) {
                return Some(IntValue::Small(a.div_euclid(*b) - if (a.rem_euclid(*b) != 0) && (*b < 0) { 1 } else { 0 }));
            }
        }
        Some(IntValue::from_big(self.to_big().div_floor(&o.to_big())))
    }

    /// Python modulo (sign of the divisor); `None` for division by zero.
    pub fn modulo(&self, o: &IntValue) -> Option<IntValue> {
        if o.is_zero() {
            return None;
        }
        if let (IntValue::Small(a), IntValue::Small(b)) = (self, o) {
            if *b == -1 {
                return Some(IntValue::Small(0));
            }
            let r = a % b;
            return Some(IntValue::Small(if r != 0 && ((r < 0) != (*b < 0)) { r + b } else { r }));
        }
        Some(IntValue::from_big(self.to_big().mod_floor(&o.to_big())))
    }

    pub fn neg(&self) -> IntValue {
        match self {
            IntValue::Small(i) => match i.checked_neg() {
                Some(r) => IntValue::Small(r),
                None => IntValue::from_big(-BigInt::from(*i)),
            },
            IntValue::Big(b) => IntValue::from_big(-(**b).clone()),
        }
    }

    pub fn abs(&self) -> IntValue {
        if self.is_negative() {
            self.neg()
        } else {
            self.clone()
        }
    }

    pub fn invert(&self) -> IntValue {
        // ~x == -(x+1)
        self.add(&IntValue::Small(1)).neg()
    }

    /// `self ** exp` for a non-negative exponent.
    pub fn pow(&self, exp: u64) -> IntValue {
        if let IntValue::Small(b) = self {
            if exp <= u32::MAX as u64 {
                if let Some(r) = b.checked_pow(exp as u32) {
                    return IntValue::Small(r);
                }
            }
        }
        let mut result = BigInt::one();
        let mut base = self.to_big();
        let mut e = exp;
        while e > 0 {
            if e & 1 == 1 {
                result *= &base;
            }
            e >>= 1;
            if e > 0 {
                base = &base * &base;
            }
        }
        IntValue::from_big(result)
    }

    /// Modular exponentiation (`pow(b, e, m)`, e >= 0, m != 0), result with m's sign.
    pub fn pow_mod(&self, exp: &IntValue, m: &IntValue) -> IntValue {
        let m_big = m.to_big();
        let r = self.to_big().modpow(&exp.to_big(), &m_big.abs());
        let r = if m_big.is_negative() && !r.is_zero() { r + &m_big } else { r };
        IntValue::from_big(r)
    }

    pub fn lshift(&self, n: u64) -> IntValue {
        if let IntValue::Small(a) = self {
            if *a == 0 {
                return IntValue::Small(0);
            }
            if n < 63 {
                let r = a.checked_shl(n as u32).filter(|r| r >> n == *a);
                if let Some(r) = r {
                    return IntValue::Small(r);
                }
            }
        }
        IntValue::from_big(self.to_big() << n)
    }

    pub fn rshift(&self, n: u64) -> IntValue {
        match self {
            IntValue::Small(a) => IntValue::Small(if n >= 64 { if *a < 0 { -1 } else { 0 } } else { a >> n }),
            IntValue::Big(b) => {
                // Floor semantics for negatives, like Python.
                let b = (**b).clone();
                if b.is_negative() {
                    let one = BigInt::one();
                    IntValue::from_big(-(((-b) - &one) >> n) - one)
                } else {
                    IntValue::from_big(b >> n)
                }
            }
        }
    }

    pub fn bitand(&self, o: &IntValue) -> IntValue {
        if let (IntValue::Small(a), IntValue::Small(b)) = (self, o) {
            return IntValue::Small(a & b);
        }
        IntValue::from_big(self.to_big() & o.to_big())
    }
    pub fn bitor(&self, o: &IntValue) -> IntValue {
        if let (IntValue::Small(a), IntValue::Small(b)) = (self, o) {
            return IntValue::Small(a | b);
        }
        IntValue::from_big(self.to_big() | o.to_big())
    }
    pub fn bitxor(&self, o: &IntValue) -> IntValue {
        if let (IntValue::Small(a), IntValue::Small(b)) = (self, o) {
            return IntValue::Small(a ^ b);
        }
        IntValue::from_big(self.to_big() ^ o.to_big())
    }

    #[inline]
    pub fn cmp(&self, o: &IntValue) -> std::cmp::Ordering {
        match (self, o) {
            (IntValue::Small(a), IntValue::Small(b)) => a.cmp(b),
            _ => self.to_big().cmp(&o.to_big()),
        }
    }

    /// CPython's int hash: value mod 2**61-1 with the sign kept; -1 becomes -2.
    pub fn hash(&self) -> isize {
        let h: i64 = match self {
            IntValue::Small(i) => {
                let m = HASH_MODULUS as i128;
                let v = (*i as i128).abs() % m;
                if *i < 0 {
                    -(v as i64)
                } else {
                    v as i64
                }
            }
            IntValue::Big(b) => {
                let m = BigInt::from(HASH_MODULUS);
                let v = b.abs().mod_floor(&m).to_i64().unwrap_or(0);
                if b.is_negative() {
                    -v
                } else {
                    v
                }
            }
        };
        if h == -1 {
            -2
        } else {
            h as isize
        }
    }

    pub fn bit_length(&self) -> u64 {
        match self {
            IntValue::Small(i) => 64 - i.unsigned_abs().leading_zeros() as u64,
            IntValue::Big(b) => b.bits(),
        }
    }

    /// Number of 30-bit digits CPython would use (for `sys.getsizeof`); 0 for zero.
    pub fn cpython_digits(&self) -> u64 {
        let bits = self.bit_length();
        bits.div_ceil(30)
    }

    pub fn to_string_radix(&self, radix: u32) -> String {
        match self {
            IntValue::Small(i) if radix == 10 => i.to_string(),
            _ => self.to_big().to_str_radix(radix),
        }
    }

    pub fn sign(&self) -> Sign {
        match self {
            IntValue::Small(i) => match i.cmp(&0) {
                std::cmp::Ordering::Less => Sign::Minus,
                std::cmp::Ordering::Equal => Sign::NoSign,
                std::cmp::Ordering::Greater => Sign::Plus,
            },
            IntValue::Big(b) => b.sign(),
        }
    }
}

impl std::fmt::Display for IntValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IntValue::Small(i) => write!(f, "{i}"),
            IntValue::Big(b) => write!(f, "{b}"),
        }
    }
}

/// Parse an int literal the way `int(text, base)` does: optional sign, optional base
/// prefix (when base is 0 or matches), underscores between digits, surrounding whitespace.
pub fn parse_int(text: &str, base: u32) -> Option<IntValue> {
    let s = text.trim_matches(|c: char| c.is_whitespace());
    let (neg, mut s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let mut base = base;
    let lower = s.to_ascii_lowercase();
    let prefixed = |p: &str| lower.starts_with(p);
    if (base == 0 || base == 16) && prefixed("0x") {
        base = 16;
        s = &s[2..];
        s = s.strip_prefix('_').unwrap_or(s);
    } else if (base == 0 || base == 8) && prefixed("0o") {
        base = 8;
        s = &s[2..];
        s = s.strip_prefix('_').unwrap_or(s);
    } else if (base == 0 || base == 2) && prefixed("0b") {
        base = 2;
        s = &s[2..];
        s = s.strip_prefix('_').unwrap_or(s);
    } else if base == 0 {
        // Decimal; leading zeros only allowed for zero itself.
        let digits: String = s.chars().filter(|c| *c != '_').collect();
        if digits.len() > 1 && digits.starts_with('0') && digits.chars().any(|c| c != '0') {
            return None;
        }
        base = 10;
    }
    if s.is_empty() || s.starts_with('_') || s.ends_with('_') || s.contains("__") {
        return None;
    }
    let mut clean = String::with_capacity(s.len());
    for c in s.chars() {
        if c == '_' {
            continue;
        }
        let d = if c.is_ascii() { c.to_digit(36) } else { c.to_digit(10).or_else(|| unicode_decimal(c)) };
        match d {
            Some(d) if d < base => clean.push(std::char::from_digit(d, base).unwrap_or('0')),
            _ => return None,
        }
    }
    let v = if clean.len() <= 18 && base == 10 {
        IntValue::Small(clean.parse::<i64>().ok()?)
    } else {
        IntValue::from_big(BigInt::parse_bytes(clean.as_bytes(), base)?)
    };
    Some(if neg { v.neg() } else { v })
}

fn unicode_decimal(c: char) -> Option<u32> {
    // Fullwidth and other common Unicode decimal digits (Nd) blocks start at ...0.
    let cp = c as u32;
    for start in [0x0660u32, 0x06F0, 0x0966, 0x09E6, 0xFF10] {
        if (start..start + 10).contains(&cp) {
            return Some(cp - start);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(i: i64) -> IntValue {
        IntValue::Small(i)
    }

    #[test]
    fn floor_division_and_modulo_follow_python() {
        assert_eq!(s(-7).floordiv(&s(2)), Some(s(-4)));
        assert_eq!(s(7).floordiv(&s(-2)), Some(s(-4)));
        assert_eq!(s(-7).modulo(&s(2)), Some(s(1)));
        assert_eq!(s(7).modulo(&s(-2)), Some(s(-1)));
        assert_eq!(s(i64::MIN).floordiv(&s(-1)).unwrap().to_string(), "9223372036854775808");
        assert_eq!(s(1).floordiv(&s(0)), None);
    }

    #[test]
    fn overflow_promotes_and_demotes() {
        let big = s(i64::MAX).add(&s(1));
        assert!(matches!(big, IntValue::Big(_)));
        assert_eq!(big.sub(&s(1)), s(i64::MAX));
        assert_eq!(s(2).pow(100).to_string(), "1267650600228229401496703205376");
        assert_eq!(s(1).lshift(70).rshift(70), s(1));
        assert_eq!(s(-16).rshift(2), s(-4));
        assert_eq!(s(-1).lshift(100).rshift(99), s(-2));
    }

    #[test]
    fn hashes_match_cpython() {
        assert_eq!(s(-1).hash(), -2);
        assert_eq!(s(1 << 61).hash(), 1);
        assert_eq!(s((1 << 61) - 1).hash(), 0);
        assert_eq!(s(-5).hash(), -5);
    }

    #[test]
    fn parse_like_int_builtin() {
        assert_eq!(parse_int(" 1_000 ", 10), Some(s(1000)));
        assert_eq!(parse_int("0x_ff", 0), Some(s(255)));
        assert_eq!(parse_int("ff", 16), Some(s(255)));
        assert_eq!(parse_int("012", 0), None);
        assert_eq!(parse_int("000", 0), Some(s(0)));
        assert_eq!(parse_int("1__0", 10), None);
        assert_eq!(parse_int("z", 36), Some(s(35)));
        assert_eq!(parse_int("", 10), None);
    }
}
