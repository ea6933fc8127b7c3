//! `_itertools`: the combinatoric iterators of `itertools` (`product`, `permutations`,
//! `combinations`, `combinations_with_replacement`) in Rust, where the per-item work is
//! index bookkeeping that would be slow in Python. The rest of the module is
//! `lib/itertools.py`. Same algorithms, hence same order of results, as CPython's
//! `Modules/itertoolsmodule.c`.

use super::native::{self, ClassDef, NativeState};
use crate::builtins::args;
use crate::object::{Kind, PyRef};
use crate::sync::PyCell;
use crate::vm::context::method;
use crate::vm::{Args, PyResult, Vm};
use std::cell::Cell;

#[derive(Clone, Copy, PartialEq, Eq)]
enum What {
    Product,
    Permutations,
    Combinations,
    CombinationsWithReplacement,
}

struct CombState {
    what: What,
    /// Product: one pool per position; the others: a single pool.
    pools: Vec<Vec<PyRef>>,
    r: usize,
    indices: PyCell<Vec<usize>>,
    cycles: PyCell<Vec<usize>>,
    started: Cell<bool>,
    done: Cell<bool>,
}

impl NativeState for CombState {
    crate::native_state_any!();
    fn traverse(&self, visit: &mut dyn FnMut(&PyRef)) {
        for p in &self.pools {
            p.iter().for_each(&mut *visit);
        }
    }
}

pub fn make(vm: &Vm) -> PyRef {
    let m = vm.new_module("_itertools");
    let defs: [(&str, crate::objects::typeobject::NativeNew); 4] = [
        ("product", product_new),
        ("permutations", permutations_new),
        ("combinations", combinations_new),
        ("combinations_with_replacement", cwr_new),
    ];
    for (name, new) in defs {
        let cls = native::new_class(
            vm,
            &ClassDef {
                name,
                module: "itertools",
                methods: &[method("__iter__", iter_self), method("__next__", comb_next)],
                getsets: &[],
                new: Some(new),
                base_type: true,
                unhashable: false,
            },
        );
        super::set_attr(vm, &m, name, cls);
    }
    m
}

fn new_state(vm: &Vm, cls: &PyRef, what: What, pools: Vec<Vec<PyRef>>, r: usize) -> PyRef {
    let n = pools.first().map(|p| p.len()).unwrap_or(0);
    let (indices, cycles) = match what {
        What::Product => (vec![0; pools.len()], vec![]),
        What::Permutations => ((0..n).collect(), (0..r).map(|i| n - i).collect()),
        What::Combinations => ((0..r).collect(), vec![]),
        What::CombinationsWithReplacement => (vec![0; r], vec![]),
    };
    let st = CombState { what, pools, r, indices: PyCell::new(indices), cycles: PyCell::new(cycles), started: Cell::new(false), done: Cell::new(false) };
    native::new_object(vm, cls, st)
}

fn int_arg(vm: &Vm, v: &PyRef) -> PyResult<i64> {
    if !v.is_kind(Kind::Int) && crate::objects::typeobject::lookup_str(&v.class(), "__index__").is_none() {
        return Err(vm.type_error(&format!("'{}' object cannot be interpreted as an integer", vm.type_name(v))));
    }
    Ok(vm.index(v)?.to_i64().unwrap_or(i64::MAX))
}

fn product_new(vm: &Vm, cls: &PyRef, a: Args<'_>) -> PyResult {
    let mut repeat = 1i64;
    for (k, v) in a.kw() {
        match crate::objects::str::as_str(k) {
            Some("repeat") => repeat = int_arg(vm, v)?,
            Some(other) => return Err(vm.type_error(&format!("product() got an unexpected keyword argument '{other}'"))),
            None => return Err(vm.type_error("keywords must be strings")),
        }
    }
    if repeat < 0 {
        return Err(vm.value_error("repeat argument cannot be negative"));
    }
    let mut base = Vec::new();
    for it in a.pos() {
        base.push(vm.iterate(it)?);
    }
    let mut pools = Vec::with_capacity(base.len() * repeat as usize);
    for _ in 0..repeat {
        pools.extend(base.iter().cloned());
    }
    Ok(new_state(vm, cls, What::Product, pools, 0))
}

fn permutations_new(vm: &Vm, cls: &PyRef, a: Args<'_>) -> PyResult {
    let b = args::bind(vm, "permutations", &a, &["iterable", "r"], 1)?;
    let pool = vm.iterate(b[0].expect("required"))?;
    let r = match b[1] {
        Some(v) if !v.is(&vm.ctx.consts.none) => {
            if !v.is_kind(Kind::Int) {
                return Err(vm.type_error("Expected int as r"));
            }
            let r = int_arg(vm, v)?;
            if r < 0 {
                return Err(vm.value_error("r must be non-negative"));
            }
            r as usize
        }
        _ => pool.len(),
    };
    let n = pool.len();
    let st = new_state(vm, cls, What::Permutations, vec![pool], if r > n { 0 } else { r });
    if r > n {
        if let Some(s) = native::state::<CombState>(&st) {
            s.done.set(true);
        }
    }
    Ok(st)
}

fn comb_common(vm: &Vm, cls: &PyRef, a: Args<'_>, name: &str, what: What) -> PyResult {
    let b = args::bind(vm, name, &a, &["iterable", "r"], 2)?;
    let pool = vm.iterate(b[0].expect("required"))?;
    let r = int_arg(vm, b[1].expect("required"))?;
    if r < 0 {
        return Err(vm.value_error("r must be non-negative"));
    }
    let r = r as usize;
    let n = pool.len();
    let empty = match what {
        What::Combinations => r > n,
        _ => n == 0 && r > 0,
    };
    let st = new_state(vm, cls, what, vec![pool], if empty { 0 } else { r });
    if empty {
        if let Some(s) = native::state::<CombState>(&st) {
            s.done.set(true);
        }
    }
    Ok(st)
}

fn combinations_new(vm: &Vm, cls: &PyRef, a: Args<'_>) -> PyResult {
    comb_common(vm, cls, a, "combinations", What::Combinations)
}

fn cwr_new(vm: &Vm, cls: &PyRef, a: Args<'_>) -> PyResult {
    comb_common(vm, cls, a, "combinations_with_replacement", What::CombinationsWithReplacement)
}

fn iter_self(_vm: &Vm, a: Args<'_>) -> PyResult {
    Ok(a.items[0].clone())
}

fn stop(vm: &Vm) -> crate::vm::PyErr {
    crate::builtins::callables::stop_iteration(vm, vm.ctx.none())
}

/// Advance to the next index tuple; false when exhausted.
fn advance(st: &CombState) -> bool {
    let mut idx = st.indices.borrow_mut();
    match st.what {
        What::Product => {
            let mut i = idx.len();
            while i > 0 {
                i -= 1;
                idx[i] += 1;
                if idx[i] < st.pools[i].len() {
                    return true;
                }
                idx[i] = 0;
            }
            false
        }
        What::Permutations => {
            let n = st.pools[0].len();
            let r = st.r;
            let mut cycles = st.cycles.borrow_mut();
            let mut i = r;
            while i > 0 {
                i -= 1;
                cycles[i] -= 1;
                if cycles[i] == 0 {
                    // Rotate indices[i:] left by one.
                    let first = idx[i];
                    for j in i..n - 1 {
                        idx[j] = idx[j + 1];
                    }
                    idx[n - 1] = first;
                    cycles[i] = n - i;
                } else {
                    let j = cycles[i];
                    idx.swap(i, n - j);
                    return true;
                }
            }
            false
        }
        What::Combinations => {
            let n = st.pools[0].len();
            let r = st.r;
            let mut i = r;
            loop {
                if i == 0 {
                    return false;
                }
                i -= 1;
                if idx[i] != i + n - r {
                    break;
                }
            }
            idx[i] += 1;
            for j in i + 1..r {
                idx[j] = idx[j - 1] + 1;
            }
            true
        }
        What::CombinationsWithReplacement => {
            let n = st.pools[0].len();
            let r = st.r;
            let mut i = r;
            loop {
                if i == 0 {
                    return false;
                }
                i -= 1;
                if idx[i] != n - 1 {
                    break;
                }
            }
            let v = idx[i] + 1;
            for j in i..r {
                idx[j] = v;
            }
            true
        }
    }
}

fn comb_next(vm: &Vm, a: Args<'_>) -> PyResult {
    let s = &a.items[0];
    let st = native::self_state::<CombState>(vm, s, "itertools iterator", "__next__")?;
    if st.done.get() {
        return Err(stop(vm));
    }
    if !st.started.get() {
        st.started.set(true);
        if st.what == What::Product && st.pools.iter().any(|p| p.is_empty()) {
            st.done.set(true);
            return Err(stop(vm));
        }
    } else if !advance(st) {
        st.done.set(true);
        return Err(stop(vm));
    }
    let idx = st.indices.borrow();
    let items: Vec<PyRef> = match st.what {
        What::Product => idx.iter().enumerate().map(|(k, &i)| st.pools[k][i].clone()).collect(),
        _ => idx[..st.r].iter().map(|&i| st.pools[0][i].clone()).collect(),
    };
    drop(idx);
    Ok(vm.ctx.new_tuple(items))
}
