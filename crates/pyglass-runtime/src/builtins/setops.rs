//! Set algebra shared by the operators and the named methods of set/frozenset.

use crate::object::PyRef;
use crate::objects::set::SetData;
use crate::vm::{PyResult, Vm};
use pyglass_bytecode::{BinaryOp, CompareOp};

fn sd(v: &PyRef) -> &SetData {
    v.downcast::<SetData>().expect("a set")
}

/// A new set of the same kind as `like` (set or frozenset).
pub fn new_like(vm: &Vm, like: &PyRef) -> PyRef {
    vm.new_set(like.class().is(&vm.ctx.types.frozenset))
}

pub fn set_binop(vm: &Vm, a: &PyRef, b: &PyRef, op: BinaryOp) -> PyResult {
    let out = new_like(vm, a);
    let (x, y) = (sd(a).items(), sd(b));
    match op {
        BinaryOp::Or => {
            for k in x {
                vm.set_add(&out, k)?;
            }
            for k in y.items() {
                vm.set_add(&out, k)?;
            }
        }
        BinaryOp::And => {
            for k in x {
                if y.contains(vm, &k)? {
                    vm.set_add(&out, k)?;
                }
            }
        }
        BinaryOp::Subtract => {
            for k in x {
                if !y.contains(vm, &k)? {
                    vm.set_add(&out, k)?;
                }
            }
        }
        _ => {
            for k in x {
                if !y.contains(vm, &k)? {
                    vm.set_add(&out, k)?;
                }
            }
            let xa = sd(a);
            for k in y.items() {
                if !xa.contains(vm, &k)? {
                    vm.set_add(&out, k)?;
                }
            }
        }
    }
    Ok(out)
}

pub fn set_inplace(vm: &Vm, a: &PyRef, b: &PyRef, op: BinaryOp) -> PyResult<()> {
    let (x, y) = (sd(a), sd(b));
    match op {
        BinaryOp::Or => {
            for k in y.items() {
                x.add(vm, k)?;
            }
        }
        BinaryOp::And => {
            for k in x.items() {
                if !y.contains(vm, &k)? {
                    x.discard(vm, &k)?;
                }
            }
        }
        BinaryOp::Subtract => {
            for k in y.items() {
                x.discard(vm, &k)?;
            }
        }
        _ => {
            for k in y.items() {
                if x.contains(vm, &k)? {
                    x.discard(vm, &k)?;
                } else {
                    x.add(vm, k)?;
                }
            }
        }
    }
    Ok(())
}

pub fn is_subset(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult<bool> {
    let (x, y) = (sd(a), sd(b));
    if x.len() > y.len() {
        return Ok(false);
    }
    for k in x.items() {
        if !y.contains(vm, &k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

pub fn set_compare(vm: &Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult<bool> {
    let (la, lb) = (sd(a).len(), sd(b).len());
    Ok(match op {
        CompareOp::Eq => la == lb && is_subset(vm, a, b)?,
        CompareOp::Ne => !(la == lb && is_subset(vm, a, b)?),
        CompareOp::Le => is_subset(vm, a, b)?,
        CompareOp::Lt => la < lb && is_subset(vm, a, b)?,
        CompareOp::Ge => is_subset(vm, b, a)?,
        CompareOp::Gt => la > lb && is_subset(vm, b, a)?,
    })
}

/// CPython's `frozenset_hash`.
pub fn frozenset_hash(vm: &Vm, v: &PyRef) -> PyResult<isize> {
    let s = sd(v);
    if s.hash.get() != -1 {
        return Ok(s.hash.get());
    }
    let shuffle = |h: u64| -> u64 { ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167) };
    let mut hash: u64 = 0;
    for k in s.items() {
        hash ^= shuffle(vm.hash(&k)? as u64);
    }
    if s.len() & 1 == 1 {
        hash ^= shuffle(0);
    }
    hash ^= ((s.len() as u64).wrapping_add(1)).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    let mut h = hash as isize;
    if h == -1 {
        h = 590923713;
    }
    s.hash.set(h);
    Ok(h)
}
