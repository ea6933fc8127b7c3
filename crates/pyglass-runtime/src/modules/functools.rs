//! `_functools`: `reduce` and the `lru_cache` wrapper in Rust (CPython
//! `Modules/_functoolsmodule.c`). As in CPython they add no Python frame: a memoised
//! recursive function recurses as deep as a plain one, and tracebacks do not show them.
//! The rest of `functools` is `lib/functools.py`.

use super::native::{self, ClassDef, NativeState};
use crate::builtins::args;
use crate::object::PyRef;
use crate::objects::dict::DictData;
use crate::vm::context::method;
use crate::vm::{Args, PyResult, Vm};
use std::cell::Cell;

pub fn make(vm: &Vm) -> PyRef {
    let m = vm.new_module("_functools");
    super::add_functions(vm, &m, "functools", &[("reduce", reduce)]);
    let cls = native::new_class(
        vm,
        &ClassDef {
            name: "_lru_cache_wrapper",
            module: "functools",
            methods: &[method("__call__", lru_call), method("cache_info", lru_cache_info), method("cache_clear", lru_cache_clear)],
            getsets: &[],
            new: Some(lru_new),
            base_type: true,
            unhashable: false,
        },
    );
    super::set_attr(vm, &m, "_lru_cache_wrapper", cls);
    super::set_attr(vm, &m, "_kwd_mark", vm.ctx.new_tuple(vec![vm.ctx.alloc(&vm.ctx.types.object, crate::objects::misc::ObjectData)]));
    m
}

/// Call `f` without counting the native frame that runs this code against the
/// recursion limit (CPython's C functions do not count as Python frames either).
fn call_through(vm: &Vm, f: &PyRef, args: &[PyRef], kwnames: &[PyRef]) -> PyResult {
    let d = vm.depth.get();
    vm.depth.set(d.saturating_sub(1));
    let r = vm.call_vector(f, args, kwnames);
    vm.depth.set(d);
    r
}

/// `reduce(function, iterable[, initial])`.
fn reduce(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "reduce", &a, 2, 3)?;
    let it = vm.get_iter(&p[1]).map_err(|e| {
        if vm.is_instance_of(&e.0, &vm.ctx.exc.type_error) {
            vm.type_error("reduce() arg 2 must support iteration")
        } else {
            e
        }
    })?;
    let mut acc = match p.get(2) {
        Some(v) => v.clone(),
        None => match vm.next_fast(&it)? {
            Some(v) => v,
            None => return Err(vm.type_error("reduce() of empty iterable with no initial value")),
        },
    };
    while let Some(x) = vm.next_fast(&it)? {
        acc = call_through(vm, &p[0], &[acc, x], &[])?;
    }
    Ok(acc)
}

struct LruState {
    func: PyRef,
    /// None: unbounded.
    maxsize: Option<usize>,
    typed: bool,
    cache: PyRef,
    info_type: PyRef,
    kwd_mark: PyRef,
    hits: Cell<u64>,
    misses: Cell<u64>,
}

impl NativeState for LruState {
    crate::native_state_any!();
    fn traverse(&self, visit: &mut dyn FnMut(&PyRef)) {
        visit(&self.func);
        visit(&self.cache);
        visit(&self.info_type);
        visit(&self.kwd_mark);
    }
    fn clear(&self) {
        if let Some(d) = self.cache.downcast::<DictData>() {
            d.clear_all();
        }
    }
}

/// `_lru_cache_wrapper(user_function, maxsize, typed, cache_info_type, kwd_mark)`.
fn lru_new(vm: &Vm, cls: &PyRef, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "_lru_cache_wrapper", &a, 5, 5)?;
    if !crate::builtins::functions::is_callable(&p[0]) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let maxsize = if p[1].is(&vm.ctx.consts.none) {
        None
    } else {
        let v = vm.index(&p[1])?;
        Some(if v.is_negative() { 0 } else { v.to_i64().unwrap_or(i64::MAX) as usize })
    };
    let typed = vm.is_true(&p[2])?;
    let st = LruState {
        func: p[0].clone(),
        maxsize,
        typed,
        cache: vm.ctx.new_dict(),
        info_type: p[3].clone(),
        kwd_mark: p[4].clone(),
        hits: Cell::new(0),
        misses: Cell::new(0),
    };
    Ok(native::new_object(vm, cls, st))
}

fn lru<'a>(vm: &Vm, s: &'a PyRef) -> PyResult<&'a LruState> {
    native::self_state::<LruState>(vm, s, "functools._lru_cache_wrapper", "__call__")
}

/// The cache key of a call (CPython's `_make_key`).
fn make_key(vm: &Vm, st: &LruState, a: &Args<'_>) -> PyRef {
    let pos = a.pos();
    let kw: Vec<(&PyRef, &PyRef)> = a.kw().collect();
    if kw.is_empty() && !st.typed && pos.len() == 1 {
        let c = pos[0].class();
        if c.is(&vm.ctx.types.int) || c.is(&vm.ctx.types.str) {
            return pos[0].clone();
        }
    }
    let mut key: Vec<PyRef> = pos.to_vec();
    if !kw.is_empty() {
        key.push(st.kwd_mark.clone());
        for (k, v) in &kw {
            key.push((*k).clone());
            key.push((*v).clone());
        }
    }
    if st.typed {
        key.extend(pos.iter().map(|x| x.class()));
        key.extend(kw.iter().map(|(_, v)| v.class()));
    }
    vm.ctx.new_tuple(key)
}

fn lru_call(vm: &Vm, a: Args<'_>) -> PyResult {
    let s = &a.items[0];
    let st = lru(vm, s)?;
    let rest = a.rest();
    let call_args = &a.items[1..];
    if st.maxsize == Some(0) {
        st.misses.set(st.misses.get() + 1);
        return call_through(vm, &st.func, call_args, a.kwnames);
    }
    let key = make_key(vm, st, &rest);
    let cache = st.cache.downcast::<DictData>().expect("dict");
    let hash = vm.hash(&key)?;
    if let Some(v) = cache.get_item_hashed(vm, &key, hash)? {
        st.hits.set(st.hits.get() + 1);
        if st.maxsize.is_some() {
            // Most recently used: move to the end of the (insertion-ordered) dict.
            cache.del_item(vm, &key)?;
            cache.set_item_hashed(vm, key, hash, v.clone())?;
        }
        return Ok(v);
    }
    st.misses.set(st.misses.get() + 1);
    let result = call_through(vm, &st.func, call_args, a.kwnames)?;
    if cache.get_item_hashed(vm, &key, hash)?.is_some() {
        // The call itself cached this key (recursion): keep that entry.
        return Ok(result);
    }
    if let Some(max) = st.maxsize {
        while cache.len() >= max {
            let first = cache.table.borrow().iter().next().map(|e| e.key.clone());
            match first {
                Some(k) => {
                    cache.del_item(vm, &k)?;
                }
                None => break,
            }
        }
    }
    cache.set_item_hashed(vm, key, hash, result.clone())?;
    Ok(result)
}

fn lru_cache_info(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "cache_info", &a, 0, 0)?;
    let st = lru(vm, s)?;
    let maxsize = match st.maxsize {
        Some(m) => vm.ctx.new_int(m as i64),
        None => vm.ctx.none(),
    };
    let cur = st.cache.downcast::<DictData>().map(|d| d.len()).unwrap_or(0);
    vm.call(&st.info_type, &[vm.ctx.new_int(st.hits.get() as i64), vm.ctx.new_int(st.misses.get() as i64), maxsize, vm.ctx.new_int(cur as i64)])
}

fn lru_cache_clear(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "cache_clear", &a, 0, 0)?;
    let st = lru(vm, s)?;
    st.hits.set(0);
    st.misses.set(0);
    let old: Vec<(PyRef, PyRef)> = st.cache.downcast::<DictData>().map(|d| d.items()).unwrap_or_default();
    if let Some(d) = st.cache.downcast::<DictData>() {
        d.clear_all();
    }
    drop(old);
    Ok(vm.ctx.none())
}
