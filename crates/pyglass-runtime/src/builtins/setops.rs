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

fn is_set(v: &PyRef) -> bool {
    v.is_kind(crate::object::Kind::Set)
}

/// `set_update_internal`: add everything from `other` (a set, a dict, or any iterable).
pub fn update_internal(vm: &Vm, so: &PyRef, other: &PyRef) -> PyResult<()> {
    if is_set(other) {
        return sd(so).merge(vm, sd(other));
    }
    if other.class().is(&vm.ctx.types.dict) {
        if let Some(d) = other.downcast::<crate::objects::dict::DictData>() {
            let keys = d.keys();
            let (fill, used, mask) = sd(so).counts();
            if (fill + keys.len()) * 5 >= mask * 3 {
                sd(so).resize_for((used + keys.len()) * 2);
            }
            for k in keys {
                sd(so).add(vm, k)?;
            }
            return Ok(());
        }
    }
    for x in vm.iterate(other)? {
        sd(so).add(vm, x)?;
    }
    Ok(())
}

/// A copy of `so` as its base type (`make_new_set_basetype(type(so), so)`).
pub fn copy_set(vm: &Vm, so: &PyRef) -> PyResult {
    let out = new_like(vm, so);
    sd(&out).merge(vm, sd(so))?;
    Ok(out)
}

/// `set_intersection`: iterates the smaller set (or the iterable).
pub fn intersection(vm: &Vm, so: &PyRef, other: &PyRef) -> PyResult {
    if so.is(other) {
        return copy_set(vm, so);
    }
    let result = new_like(vm, so);
    if is_set(other) {
        let (mut a, mut b) = (so, other);
        if sd(b).len() > sd(a).len() {
            std::mem::swap(&mut a, &mut b);
        }
        for (k, h) in sd(b).entries() {
            if sd(a).contains_hashed(vm, &k, h)? {
                sd(&result).add_hashed(vm, k, h)?;
            }
        }
        return Ok(result);
    }
    for k in vm.iterate(other)? {
        let h = vm.hash(&k)?;
        if sd(so).contains_hashed(vm, &k, h)? {
            sd(&result).add_hashed(vm, k, h)?;
        }
    }
    Ok(result)
}

/// `set_difference_update_internal`.
pub fn difference_update_internal(vm: &Vm, so: &PyRef, other: &PyRef) -> PyResult<()> {
    if so.is(other) {
        sd(so).clear_all();
        return Ok(());
    }
    if is_set(other) {
        let other = if (sd(other).len() >> 3) > sd(so).len() { intersection(vm, so, other)? } else { other.clone() };
        for (k, h) in sd(&other).entries() {
            sd(so).discard_hashed(vm, &k, h)?;
        }
    } else {
        for k in vm.iterate(other)? {
            sd(so).discard(vm, &k)?;
        }
    }
    let (fill, used, mask) = sd(so).counts();
    if fill - used > mask / 4 {
        sd(so).resize_for(if used > 50000 { used * 2 } else { used * 4 });
    }
    Ok(())
}

/// `set_difference`.
pub fn difference(vm: &Vm, so: &PyRef, other: &PyRef) -> PyResult {
    let other_size = if is_set(other) {
        sd(other).len()
    } else if other.class().is(&vm.ctx.types.dict) {
        other.downcast::<crate::objects::dict::DictData>().map(|d| d.len()).unwrap_or(0)
    } else {
        let r = copy_set(vm, so)?;
        difference_update_internal(vm, &r, other)?;
        return Ok(r);
    };
    if (sd(so).len() >> 2) > other_size {
        let r = copy_set(vm, so)?;
        difference_update_internal(vm, &r, other)?;
        return Ok(r);
    }
    let result = new_like(vm, so);
    for (k, h) in sd(so).entries() {
        let present = if is_set(other) {
            sd(other).contains_hashed(vm, &k, h)?
        } else {
            other.downcast::<crate::objects::dict::DictData>().map(|d| d.get_item(vm, &k)).transpose()?.flatten().is_some()
        };
        if !present {
            sd(&result).add_hashed(vm, k, h)?;
        }
    }
    Ok(result)
}

/// `set_symmetric_difference_update`.
pub fn symmetric_difference_update(vm: &Vm, so: &PyRef, other: &PyRef) -> PyResult<()> {
    if so.is(other) {
        sd(so).clear_all();
        return Ok(());
    }
    let otherset = if is_set(other) {
        other.clone()
    } else {
        let o = new_like(vm, so);
        update_internal(vm, &o, other)?;
        o
    };
    for (k, h) in sd(&otherset).entries() {
        if !sd(so).discard_hashed(vm, &k, h)? {
            sd(so).add_hashed(vm, k, h)?;
        }
    }
    Ok(())
}

/// `set_symmetric_difference`: a set built from `other`, updated with `so`.
pub fn symmetric_difference(vm: &Vm, so: &PyRef, other: &PyRef) -> PyResult {
    let result = new_like(vm, so);
    update_internal(vm, &result, other)?;
    symmetric_difference_update(vm, &result, so)?;
    Ok(result)
}

/// `set_intersection_update`: the intersection replaces the set's table.
pub fn intersection_update(vm: &Vm, so: &PyRef, other: &PyRef) -> PyResult<()> {
    let tmp = intersection(vm, so, other)?;
    sd(so).swap_bodies(sd(&tmp));
    Ok(())
}

pub fn set_binop(vm: &Vm, a: &PyRef, b: &PyRef, op: BinaryOp) -> PyResult {
    match op {
        BinaryOp::Or => {
            let r = copy_set(vm, a)?;
            if !a.is(b) {
                update_internal(vm, &r, b)?;
            }
            Ok(r)
        }
        BinaryOp::And => intersection(vm, a, b),
        BinaryOp::Subtract => difference(vm, a, b),
        _ => symmetric_difference(vm, a, b),
    }
}

pub fn set_inplace(vm: &Vm, a: &PyRef, b: &PyRef, op: BinaryOp) -> PyResult<()> {
    match op {
        BinaryOp::Or => update_internal(vm, a, b),
        BinaryOp::And => intersection_update(vm, a, b),
        BinaryOp::Subtract => difference_update_internal(vm, a, b),
        _ => symmetric_difference_update(vm, a, b),
    }
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
