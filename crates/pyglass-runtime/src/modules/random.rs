//! `_random`: the Mersenne Twister MT19937 behind `random.Random`, producing the same
//! numbers as CPython for the same seed (CPython `Modules/_randommodule.c`: `init_by_array`
//! over the seed's 32-bit chunks, `genrand_res53`, `getrandbits`). The rest of the module
//! (`randrange`, `shuffle`, ...) is `lib/random.py`.

use super::native::{self, ClassDef, NativeState};
use crate::builtins::args;
use crate::object::{Kind, PyRef};
use crate::objects::int::{IntData, IntValue};
use crate::sync::PyCell;
use crate::vm::context::method;
use crate::vm::{Args, PyResult, Vm};
use num_bigint::{BigInt, BigUint, Sign};

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The generator state: 624 words and the position in them.
#[derive(Clone)]
pub struct Mt {
    mt: [u32; N],
    index: usize,
}

impl Mt {
    fn new() -> Mt {
        Mt { mt: [0; N], index: N + 1 }
    }

    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..N {
            let prev = self.mt[i - 1];
            self.mt[i] = 1_812_433_253u32.wrapping_mul(prev ^ (prev >> 30)).wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let (mut i, mut j) = (1usize, 0usize);
        let klen = key.len().max(1);
        let mut k = N.max(klen);
        while k > 0 {
            let prev = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525)).wrapping_add(key.get(j).copied().unwrap_or(0)).wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            if j >= klen {
                j = 0;
            }
            k -= 1;
        }
        k = N - 1;
        while k > 0 {
            let prev = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            k -= 1;
        }
        self.mt[0] = 0x8000_0000;
        self.index = N;
    }

    fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            if self.index == N + 1 {
                self.init_genrand(5489);
            }
            let mag = |y: u32| if y & 1 != 0 { MATRIX_A } else { 0 };
            for kk in 0..N - M {
                let y = (self.mt[kk] & UPPER_MASK) | (self.mt[kk + 1] & LOWER_MASK);
                self.mt[kk] = self.mt[kk + M] ^ (y >> 1) ^ mag(y);
            }
            for kk in N - M..N - 1 {
                let y = (self.mt[kk] & UPPER_MASK) | (self.mt[kk + 1] & LOWER_MASK);
                self.mt[kk] = self.mt[kk + M - N] ^ (y >> 1) ^ mag(y);
            }
            let y = (self.mt[N - 1] & UPPER_MASK) | (self.mt[0] & LOWER_MASK);
            self.mt[N - 1] = self.mt[M - 1] ^ (y >> 1) ^ mag(y);
            self.index = 0;
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }

    /// A float in [0, 1) with 53 random bits (`genrand_res53`).
    fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }
}

struct RandomState {
    mt: PyCell<Mt>,
}

impl NativeState for RandomState {
    crate::native_state_any!();
}

pub fn make(vm: &Vm) -> PyRef {
    let m = vm.new_module("_random");
    let cls = native::new_class(
        vm,
        &ClassDef {
            name: "Random",
            module: "_random",
            methods: &[
                method("seed", random_seed),
                method("random", random_random),
                method("getrandbits", random_getrandbits),
                method("getstate", random_getstate),
                method("setstate", random_setstate),
            ],
            getsets: &[],
            new: Some(random_new),
            base_type: true,
            unhashable: false,
        },
    );
    super::set_attr(vm, &m, "Random", cls);
    super::add_functions(vm, &m, "_random", &[("_sha512", sha512_fn)]);
    m
}

fn random_new(vm: &Vm, cls: &PyRef, _a: Args<'_>) -> PyResult {
    let mut mt = Mt::new();
    seed_from_os(&mut mt);
    Ok(native::new_object(vm, cls, RandomState { mt: PyCell::new(mt) }))
}

fn st<'a>(vm: &Vm, s: &'a PyRef, name: &str) -> PyResult<&'a RandomState> {
    native::self_state::<RandomState>(vm, s, "_random.Random", name)
}

/// Seed from the operating system's randomness (falling back to the time).
fn seed_from_os(mt: &mut Mt) {
    let mut key = vec![0u32; N];
    let mut ok = false;
    if let Ok(mut f) = std::fs::File::open("/dev/urandom") {
        use std::io::Read;
        let mut buf = vec![0u8; N * 4];
        if f.read_exact(&mut buf).is_ok() {
            for (i, c) in buf.chunks_exact(4).enumerate() {
                key[i] = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
            }
            ok = true;
        }
    }
    if !ok {
        let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
        key = vec![t as u32, (t >> 32) as u32, (t >> 64) as u32, std::process::id()];
    }
    mt.init_by_array(&key);
}

fn random_seed(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "seed", &a, 0, 1)?;
    let state = st(vm, s, "seed")?;
    let arg = rest.first().filter(|x| !x.is(&vm.ctx.consts.none));
    let mut mt = Mt::new();
    match arg {
        None => seed_from_os(&mut mt),
        Some(x) => {
            let text: Option<Vec<u8>> = match x.kind() {
                Kind::Str => crate::objects::str::as_str(x).map(|s| s.as_bytes().to_vec()),
                Kind::Bytes => Some(crate::builtins::bytes::bytes_of(x).to_vec()),
                Kind::ByteArray => x.downcast::<crate::objects::misc::ByteArrayData>().map(|b| b.0.borrow().clone()),
                _ => None,
            };
            let n: BigUint = if let Some(mut t) = text {
                // Version 2 seeding of str/bytes: int.from_bytes(a + sha512(a).digest()).
                let d = sha512(&t);
                t.extend_from_slice(&d);
                BigUint::from_bytes_be(&t)
            } else if x.is_kind(Kind::Int) {
                let v = x.downcast::<IntData>().map(|i| i.value().to_big()).unwrap_or_default();
                v.magnitude().clone()
            } else {
                let h = vm.hash(x)?;
                BigUint::from(h as u64)
            };
            let mut key = n.to_u32_digits();
            if key.is_empty() {
                key.push(0);
            }
            mt.init_by_array(&key);
        }
    }
    *state.mt.borrow_mut() = mt;
    Ok(vm.ctx.none())
}

fn random_random(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "random", &a, 0, 0)?;
    let v = st(vm, s, "random")?.mt.borrow_mut().random();
    Ok(vm.ctx.new_float(v))
}

fn random_getrandbits(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "getrandbits", &a, 1, 1)?;
    let state = st(vm, s, "getrandbits")?;
    if rest[0].is_kind(Kind::Float) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let k = vm.index(&rest[0])?;
    if k.is_negative() {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    let k = k.to_i64().ok_or_else(|| vm.new_error(&vm.ctx.exc.overflow_error, "Python int too large to convert to C int"))? as u64;
    if k == 0 {
        return Ok(vm.ctx.new_int(0));
    }
    let mut mt = state.mt.borrow_mut();
    if k <= 32 {
        let v = mt.next_u32() >> (32 - k);
        return Ok(vm.ctx.new_int(v as i64));
    }
    let words = k.div_ceil(32) as usize;
    let mut out = Vec::with_capacity(words);
    let mut left = k;
    for _ in 0..words {
        let mut r = mt.next_u32();
        if left < 32 {
            r >>= 32 - left;
        }
        out.push(r);
        left = left.saturating_sub(32);
    }
    drop(mt);
    let big = BigInt::from_biguint(Sign::Plus, BigUint::from_slice(&out));
    Ok(vm.ctx.new_int_value(IntValue::from_big(big)))
}

fn random_getstate(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "getstate", &a, 0, 0)?;
    let mt = st(vm, s, "getstate")?.mt.borrow().clone();
    let mut items: Vec<PyRef> = mt.mt.iter().map(|w| vm.ctx.new_int(*w as i64)).collect();
    items.push(vm.ctx.new_int(mt.index as i64));
    Ok(vm.ctx.new_tuple(items))
}

fn random_setstate(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "setstate", &a, 1, 1)?;
    let state = st(vm, s, "setstate")?;
    if !rest[0].is_kind(Kind::Tuple) {
        return Err(vm.type_error("state vector must be a tuple"));
    }
    let items = crate::objects::tuple::tuple_items(&rest[0]);
    if items.len() != N + 1 {
        return Err(vm.value_error("state vector is the wrong size"));
    }
    let mut mt = Mt::new();
    for (i, it) in items[..N].iter().enumerate() {
        let v = vm.index(it)?.to_i64().unwrap_or(-1);
        if !(0..=u32::MAX as i64).contains(&v) {
            return Err(vm.new_error(&vm.ctx.exc.overflow_error, "Python int too large to convert to C unsigned long"));
        }
        mt.mt[i] = v as u32;
    }
    let idx = vm.index(&items[N])?.to_i64().unwrap_or(-1);
    if idx < 0 || idx > N as i64 {
        return Err(vm.value_error("invalid state"));
    }
    mt.index = idx as usize;
    *state.mt.borrow_mut() = mt;
    Ok(vm.ctx.none())
}

/// `_sha512(data) -> bytes`: the digest `random.seed` uses for str and bytes seeds.
fn sha512_fn(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "_sha512", &a, 1, 1)?;
    let data = crate::builtins::bytes::bytes_of(&p[0]).to_vec();
    Ok(crate::builtins::bytes::new_bytes(vm, sha512(&data).to_vec()))
}

const K512: [u64; 80] = [
    0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc, 0x3956c25bf348b538, 0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118,
    0xd807aa98a3030242, 0x12835b0145706fbe, 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2, 0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235, 0xc19bf174cf692694,
    0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65, 0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5,
    0x983e5152ee66dfab, 0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4, 0xc6e00bf33da88fc2, 0xd5a79147930aa725, 0x06ca6351e003826f, 0x142929670a0e6e70,
    0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df, 0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
    0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30, 0xd192e819d6ef5218, 0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8, 0x1e376c085141ab53, 0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8, 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3,
    0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec, 0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b,
    0xca273eceea26619c, 0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178, 0x06f067aa72176fba, 0x0a637dc5a2c898a6, 0x113f9804bef90dae, 0x1b710b35131c471b,
    0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc, 0x431d67c49c100d4c, 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
];

/// SHA-512 (FIPS 180-4).
pub fn sha512(data: &[u8]) -> [u8; 64] {
    let mut h: [u64; 8] = [
        0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1, 0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
    ];
    let mut msg = data.to_vec();
    let bit_len = (data.len() as u128) * 8;
    msg.push(0x80);
    while msg.len() % 128 != 112 {
        msg.push(0);
    }
    msg.extend_from_slice(&bit_len.to_be_bytes());
    for block in msg.chunks_exact(128) {
        let mut w = [0u64; 80];
        for (i, c) in block.chunks_exact(8).enumerate() {
            w[i] = u64::from_be_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        }
        for i in 16..80 {
            let s0 = w[i - 15].rotate_right(1) ^ w[i - 15].rotate_right(8) ^ (w[i - 15] >> 7);
            let s1 = w[i - 2].rotate_right(19) ^ w[i - 2].rotate_right(61) ^ (w[i - 2] >> 6);
            w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
        }
        let mut v = h;
        for i in 0..80 {
            let s1 = v[4].rotate_right(14) ^ v[4].rotate_right(18) ^ v[4].rotate_right(41);
            let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
            let t1 = v[7].wrapping_add(s1).wrapping_add(ch).wrapping_add(K512[i]).wrapping_add(w[i]);
            let s0 = v[0].rotate_right(28) ^ v[0].rotate_right(34) ^ v[0].rotate_right(39);
            let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            let t2 = s0.wrapping_add(maj);
            v[7] = v[6];
            v[6] = v[5];
            v[5] = v[4];
            v[4] = v[3].wrapping_add(t1);
            v[3] = v[2];
            v[2] = v[1];
            v[1] = v[0];
            v[0] = t1.wrapping_add(t2);
        }
        for i in 0..8 {
            h[i] = h[i].wrapping_add(v[i]);
        }
    }
    let mut out = [0u8; 64];
    for (i, x) in h.iter().enumerate() {
        out[i * 8..i * 8 + 8].copy_from_slice(&x.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mt_matches_reference() {
        // CPython: random.seed(42); random.getrandbits(32)
        let mut mt = Mt::new();
        mt.init_by_array(&[42]);
        assert_eq!(mt.next_u32(), 2746317213);
    }

    #[test]
    fn sha512_abc() {
        let d = sha512(b"abc");
        assert_eq!(d[0], 0xdd);
        assert_eq!(d[63], 0x9f);
    }
}
