//! `_collections`: `deque` (CPython `Modules/_collectionsmodule.c`), a ring buffer with
//! an optional maximum length, and its iterators. The rest of `collections` is
//! `lib/collections/__init__.py`.

use super::native::{self, ClassDef, NativeState};
use crate::builtins::args;
use crate::object::{Kind, PyRef};
use crate::objects::typeobject::type_data;
use crate::sync::PyCell;
use crate::vm::context::{classmethod, getset, method};
use crate::vm::{Args, PyResult, Vm};
use pyglass_bytecode::CompareOp;
use std::cell::Cell;
use std::collections::VecDeque;

pub struct DequeState {
    items: PyCell<VecDeque<PyRef>>,
    maxlen: Cell<Option<usize>>,
    /// Bumped by every change of length, so that iterators notice mutation.
    state: Cell<u64>,
}

impl NativeState for DequeState {
    crate::native_state_any!();
    fn traverse(&self, visit: &mut dyn FnMut(&PyRef)) {
        if let Some(items) = self.items.try_borrow() {
            items.iter().for_each(visit);
        }
    }
    fn clear(&self) {
        let old = std::mem::take(&mut *self.items.borrow_mut());
        drop(old);
    }
}

impl DequeState {
    fn bump(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }
    fn snapshot(&self) -> Vec<PyRef> {
        self.items.borrow().iter().cloned().collect()
    }
    fn len(&self) -> usize {
        self.items.borrow().len()
    }
    /// Append on the right, dropping from the left when full; returns what was dropped.
    fn push_back(&self, v: PyRef) -> Option<PyRef> {
        self.bump();
        let mut items = self.items.borrow_mut();
        match self.maxlen.get() {
            Some(0) => Some(v),
            Some(m) if items.len() >= m => {
                let old = items.pop_front();
                items.push_back(v);
                old
            }
            _ => {
                items.push_back(v);
                None
            }
        }
    }
    fn push_front(&self, v: PyRef) -> Option<PyRef> {
        self.bump();
        let mut items = self.items.borrow_mut();
        match self.maxlen.get() {
            Some(0) => Some(v),
            Some(m) if items.len() >= m => {
                let old = items.pop_back();
                items.push_front(v);
                old
            }
            _ => {
                items.push_front(v);
                None
            }
        }
    }
}

struct DequeIterState {
    deque: PyRef,
    index: Cell<usize>,
    state: u64,
    reverse: bool,
    done: Cell<bool>,
}

impl NativeState for DequeIterState {
    crate::native_state_any!();
    fn traverse(&self, visit: &mut dyn FnMut(&PyRef)) {
        visit(&self.deque);
    }
}

/// The classes of the module, looked up from the module when needed.
fn module_class(vm: &Vm, name: &str) -> PyResult<PyRef> {
    let m = vm.import_module("_collections")?;
    vm.getattr_str(&m, name)
}

pub fn make(vm: &Vm) -> PyRef {
    let m = vm.new_module("_collections");
    let deque = native::new_class(
        vm,
        &ClassDef {
            name: "deque",
            module: "collections",
            methods: &[
                method("__init__", deque_init),
                method("append", deque_append),
                method("appendleft", deque_appendleft),
                method("pop", deque_pop),
                method("popleft", deque_popleft),
                method("extend", deque_extend),
                method("extendleft", deque_extendleft),
                method("rotate", deque_rotate),
                method("clear", deque_clear),
                method("copy", deque_copy),
                method("__copy__", deque_copy),
                method("count", deque_count),
                method("index", deque_index),
                method("insert", deque_insert),
                method("remove", deque_remove),
                method("reverse", deque_reverse),
                method("__len__", deque_len),
                method("__getitem__", deque_getitem),
                method("__setitem__", deque_setitem),
                method("__delitem__", deque_delitem),
                method("__contains__", deque_contains),
                method("__iter__", deque_iter),
                method("__reversed__", deque_reversed),
                method("__repr__", deque_repr),
                method("__eq__", deque_eq),
                method("__ne__", deque_ne),
                method("__lt__", deque_lt),
                method("__le__", deque_le),
                method("__gt__", deque_gt),
                method("__ge__", deque_ge),
                method("__add__", deque_add),
                method("__iadd__", deque_iadd),
                method("__mul__", deque_mul),
                method("__rmul__", deque_mul),
                method("__imul__", deque_imul),
                method("__reduce__", deque_reduce),
                classmethod("__class_getitem__", class_getitem),
            ],
            getsets: &[getset("maxlen", deque_maxlen, None)],
            new: Some(deque_new),
            base_type: true,
            unhashable: true,
        },
    );
    super::set_attr(vm, &m, "deque", deque);
    for (name, rev) in [("_deque_iterator", false), ("_deque_reverse_iterator", true)] {
        let it = native::new_class(
            vm,
            &ClassDef {
                name,
                module: "collections",
                methods: &[method("__iter__", iter_self), method("__next__", iter_next), method("__length_hint__", iter_length_hint)],
                getsets: &[],
                new: None,
                base_type: false,
                unhashable: false,
            },
        );
        let _ = rev;
        super::set_attr(vm, &m, name, it);
    }
    m
}

fn deque_new(vm: &Vm, cls: &PyRef, _a: Args<'_>) -> PyResult {
    Ok(native::new_object(vm, cls, DequeState { items: PyCell::new(VecDeque::new()), maxlen: Cell::new(None), state: Cell::new(0) }))
}

fn dq<'a>(vm: &Vm, s: &'a PyRef, name: &str) -> PyResult<&'a DequeState> {
    native::self_state::<DequeState>(vm, s, "collections.deque", name)
}

fn new_like(vm: &Vm, s: &PyRef, items: Vec<PyRef>, maxlen: Option<usize>) -> PyResult {
    // Exact deques are built directly; subclasses through their constructor.
    let cls = s.class();
    let base = module_class(vm, "deque")?;
    if cls.is(&base) {
        let d = native::new_object(vm, &cls, DequeState { items: PyCell::new(VecDeque::new()), maxlen: Cell::new(maxlen), state: Cell::new(0) });
        let st = native::state::<DequeState>(&d).expect("deque");
        for it in items {
            st.push_back(it);
        }
        return Ok(d);
    }
    let list = vm.ctx.new_list(items);
    match maxlen {
        Some(m) => {
            let kw = [vm.ctx.intern("maxlen")];
            vm.call_vector(&cls, &[list, vm.ctx.new_int(m as i64)], &kw)
        }
        None => vm.call(&cls, &[list]),
    }
}

fn deque_init(vm: &Vm, a: Args<'_>) -> PyResult {
    let s = &a.items[0];
    let rest = a.rest();
    let p = rest.pos();
    if p.len() + rest.kwnames.len() > 2 {
        return Err(vm.type_error(&format!("deque() takes at most 2 arguments ({} given)", p.len() + rest.kwnames.len())));
    }
    let b = args::bind(vm, "deque", &rest, &["iterable", "maxlen"], 0)?;
    let d = dq(vm, s, "__init__")?;
    let maxlen = match b[1] {
        Some(m) if !m.is(&vm.ctx.consts.none) => {
            if !m.is_kind(Kind::Int) {
                return Err(vm.type_error("an integer is required"));
            }
            let v = vm.index(m)?;
            if v.is_negative() {
                return Err(vm.value_error("maxlen must be non-negative"));
            }
            Some(v.to_i64().unwrap_or(i64::MAX) as usize)
        }
        _ => None,
    };
    d.maxlen.set(maxlen);
    if d.len() > 0 {
        d.bump();
        let old = std::mem::take(&mut *d.items.borrow_mut());
        drop(old);
    }
    if let Some(it) = b[0] {
        let items = vm.iterate(it)?;
        for v in items {
            d.push_back(v);
        }
    }
    Ok(vm.ctx.none())
}

fn deque_maxlen(vm: &Vm, o: &PyRef) -> PyResult {
    let d = dq(vm, o, "maxlen")?;
    Ok(match d.maxlen.get() {
        Some(m) => vm.ctx.new_int(m as i64),
        None => vm.ctx.none(),
    })
}

fn deque_append(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "append", &a, 1, 1)?;
    let old = dq(vm, s, "append")?.push_back(rest[0].clone());
    drop(old);
    Ok(vm.ctx.none())
}

fn deque_appendleft(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "appendleft", &a, 1, 1)?;
    let old = dq(vm, s, "appendleft")?.push_front(rest[0].clone());
    drop(old);
    Ok(vm.ctx.none())
}

fn deque_pop(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "pop", &a, 0, 0)?;
    let d = dq(vm, s, "pop")?;
    let v = d.items.borrow_mut().pop_back();
    d.bump();
    v.ok_or_else(|| vm.index_error("pop from an empty deque"))
}

fn deque_popleft(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "popleft", &a, 0, 0)?;
    let d = dq(vm, s, "popleft")?;
    let v = d.items.borrow_mut().pop_front();
    d.bump();
    v.ok_or_else(|| vm.index_error("pop from an empty deque"))
}

fn deque_extend(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "extend", &a, 1, 1)?;
    let d = dq(vm, s, "extend")?;
    let items = if rest[0].is(s) { d.snapshot() } else { vm.iterate(&rest[0])? };
    let mut dropped = Vec::new();
    for v in items {
        dropped.extend(d.push_back(v));
    }
    drop(dropped);
    Ok(vm.ctx.none())
}

fn deque_extendleft(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "extendleft", &a, 1, 1)?;
    let d = dq(vm, s, "extendleft")?;
    let items = if rest[0].is(s) { d.snapshot() } else { vm.iterate(&rest[0])? };
    let mut dropped = Vec::new();
    for v in items {
        dropped.extend(d.push_front(v));
    }
    drop(dropped);
    Ok(vm.ctx.none())
}

fn deque_iadd(vm: &Vm, a: Args<'_>) -> PyResult {
    deque_extend(vm, a)?;
    Ok(a.items[0].clone())
}

fn deque_rotate(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "rotate", &a, 0, 1)?;
    let d = dq(vm, s, "rotate")?;
    let n = match rest.first() {
        Some(v) => {
            if v.is_kind(Kind::Float) {
                return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
            }
            vm.index(v)?.to_i64().unwrap_or(0)
        }
        None => 1,
    };
    let mut items = d.items.borrow_mut();
    let len = items.len() as i64;
    if len > 1 {
        let k = n.rem_euclid(len) as usize;
        items.rotate_right(k);
    }
    Ok(vm.ctx.none())
}

fn deque_clear(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "clear", &a, 0, 0)?;
    let d = dq(vm, s, "clear")?;
    d.bump();
    let old = std::mem::take(&mut *d.items.borrow_mut());
    drop(old);
    Ok(vm.ctx.none())
}

fn deque_copy(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "copy", &a, 0, 0)?;
    let d = dq(vm, s, "copy")?;
    new_like(vm, s, d.snapshot(), d.maxlen.get())
}

fn deque_count(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "count", &a, 1, 1)?;
    let d = dq(vm, s, "count")?;
    let st = d.state.get();
    let mut n = 0;
    for it in d.snapshot() {
        if vm.eq(&it, &rest[0])? {
            n += 1;
        }
        if d.state.get() != st {
            return Err(vm.new_error(&vm.ctx.exc.runtime_error, "deque mutated during iteration"));
        }
    }
    Ok(vm.ctx.new_int(n))
}

fn index_arg(vm: &Vm, v: &PyRef, len: usize) -> PyResult<usize> {
    let i = vm.index(v).map_err(|_| vm.type_error("slice indices must be integers or have an __index__ method"))?;
    let i = i.to_i64().unwrap_or(if i.is_negative() { i64::MIN / 2 } else { i64::MAX / 2 });
    let len = len as i64;
    let j = if i < 0 { (i + len).max(0) } else { i.min(len) };
    Ok(j as usize)
}

fn deque_index(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "index", &a, 1, 3)?;
    let d = dq(vm, s, "index")?;
    let items = d.snapshot();
    let start = match rest.get(1) {
        Some(v) => index_arg(vm, v, items.len())?,
        None => 0,
    };
    let stop = match rest.get(2) {
        Some(v) => index_arg(vm, v, items.len())?,
        None => items.len(),
    };
    let st = d.state.get();
    for (i, it) in items.iter().enumerate().take(stop).skip(start) {
        if vm.eq(it, &rest[0])? {
            return Ok(vm.ctx.new_int(i as i64));
        }
        if d.state.get() != st {
            return Err(vm.new_error(&vm.ctx.exc.runtime_error, "deque mutated during iteration"));
        }
    }
    Err(vm.value_error(&format!("{} is not in deque", vm.repr_string(&rest[0])?)))
}

fn deque_insert(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "insert", &a, 2, 2)?;
    let d = dq(vm, s, "insert")?;
    let len = d.len();
    if d.maxlen.get() == Some(len) {
        return Err(vm.index_error("deque already at its maximum size"));
    }
    let i = vm.index(&rest[0])?.to_i64().unwrap_or(0);
    let len = len as i64;
    let j = if i < 0 { (i + len).max(0) } else { i.min(len) };
    d.bump();
    d.items.borrow_mut().insert(j as usize, rest[1].clone());
    Ok(vm.ctx.none())
}

fn deque_remove(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "remove", &a, 1, 1)?;
    let d = dq(vm, s, "remove")?;
    let items = d.snapshot();
    for (i, it) in items.iter().enumerate() {
        let found = vm.eq(it, &rest[0])?;
        if d.len() != items.len() {
            return Err(vm.index_error("deque mutated during remove()."));
        }
        if found {
            d.bump();
            let old = d.items.borrow_mut().remove(i);
            drop(old);
            return Ok(vm.ctx.none());
        }
    }
    Err(vm.value_error(&format!("{} is not in deque", vm.repr_string(&rest[0])?)))
}

fn deque_reverse(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "reverse", &a, 0, 0)?;
    let d = dq(vm, s, "reverse")?;
    d.items.borrow_mut().make_contiguous().reverse();
    Ok(vm.ctx.none())
}

fn deque_len(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__len__", &a, 0, 0)?;
    Ok(vm.ctx.new_int(dq(vm, s, "__len__")?.len() as i64))
}

/// The position of an integer index, or IndexError.
fn item_index(vm: &Vm, key: &PyRef, len: usize) -> PyResult<usize> {
    if !key.is_kind(Kind::Int) && crate::objects::typeobject::lookup_str(&key.class(), "__index__").is_none() {
        return Err(vm.type_error(&format!("sequence index must be integer, not '{}'", vm.type_name(key))));
    }
    let i = vm.index(key)?;
    crate::builtins::native::norm_index(&i, len).ok_or_else(|| vm.index_error("deque index out of range"))
}

fn deque_getitem(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "__getitem__", &a, 1, 1)?;
    let d = dq(vm, s, "__getitem__")?;
    let i = item_index(vm, &rest[0], d.len())?;
    let v = d.items.borrow().get(i).cloned();
    v.ok_or_else(|| vm.index_error("deque index out of range"))
}

fn deque_setitem(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "__setitem__", &a, 2, 2)?;
    let d = dq(vm, s, "__setitem__")?;
    let i = item_index(vm, &rest[0], d.len())?;
    let old = std::mem::replace(&mut d.items.borrow_mut()[i], rest[1].clone());
    drop(old);
    Ok(vm.ctx.none())
}

fn deque_delitem(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "__delitem__", &a, 1, 1)?;
    let d = dq(vm, s, "__delitem__")?;
    let i = item_index(vm, &rest[0], d.len())?;
    d.bump();
    let old = d.items.borrow_mut().remove(i);
    drop(old);
    Ok(vm.ctx.none())
}

fn deque_contains(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "__contains__", &a, 1, 1)?;
    let d = dq(vm, s, "__contains__")?;
    let st = d.state.get();
    for it in d.snapshot() {
        if vm.eq(&it, &rest[0])? {
            return Ok(vm.ctx.bool_obj(true));
        }
        if d.state.get() != st {
            return Err(vm.new_error(&vm.ctx.exc.runtime_error, "deque mutated during iteration"));
        }
    }
    Ok(vm.ctx.bool_obj(false))
}

fn make_iter(vm: &Vm, s: &PyRef, reverse: bool) -> PyResult {
    let d = dq(vm, s, "__iter__")?;
    let cls = module_class(vm, if reverse { "_deque_reverse_iterator" } else { "_deque_iterator" })?;
    Ok(native::new_object(vm, &cls, DequeIterState { deque: s.clone(), index: Cell::new(0), state: d.state.get(), reverse, done: Cell::new(false) }))
}

fn deque_iter(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__iter__", &a, 0, 0)?;
    make_iter(vm, s, false)
}

fn deque_reversed(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__reversed__", &a, 0, 0)?;
    make_iter(vm, s, true)
}

fn iter_self(_vm: &Vm, a: Args<'_>) -> PyResult {
    Ok(a.items[0].clone())
}

fn iter_next(vm: &Vm, a: Args<'_>) -> PyResult {
    let s = &a.items[0];
    let it = native::self_state::<DequeIterState>(vm, s, "_deque_iterator", "__next__")?;
    let d = native::state::<DequeState>(&it.deque).expect("deque");
    if it.done.get() {
        return Err(crate::builtins::callables::stop_iteration(vm, vm.ctx.none()));
    }
    if d.state.get() != it.state {
        it.done.set(true);
        return Err(vm.new_error(&vm.ctx.exc.runtime_error, "deque mutated during iteration"));
    }
    let i = it.index.get();
    let items = d.items.borrow();
    let v = if it.reverse { items.len().checked_sub(i + 1).and_then(|j| items.get(j).cloned()) } else { items.get(i).cloned() };
    drop(items);
    match v {
        Some(v) => {
            it.index.set(i + 1);
            Ok(v)
        }
        None => {
            it.done.set(true);
            Err(crate::builtins::callables::stop_iteration(vm, vm.ctx.none()))
        }
    }
}

fn iter_length_hint(vm: &Vm, a: Args<'_>) -> PyResult {
    let s = &a.items[0];
    let it = native::self_state::<DequeIterState>(vm, s, "_deque_iterator", "__length_hint__")?;
    let d = native::state::<DequeState>(&it.deque).expect("deque");
    let n = if it.done.get() { 0 } else { d.len().saturating_sub(it.index.get()) };
    Ok(vm.ctx.new_int(n as i64))
}

fn deque_repr(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__repr__", &a, 0, 0)?;
    let d = dq(vm, s, "__repr__")?;
    let name = type_data(&s.class()).name();
    let text = native::with_repr_guard(s, "[...]", || {
        let mut out = format!("{name}([");
        for (i, it) in d.snapshot().iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&vm.repr_string(it)?);
        }
        out.push(']');
        if let Some(m) = d.maxlen.get() {
            out.push_str(&format!(", maxlen={m}"));
        }
        out.push(')');
        Ok(out)
    })?;
    Ok(vm.ctx.new_string(text))
}

fn compare(vm: &Vm, a: Args<'_>, op: CompareOp) -> PyResult {
    let s = &a.items[0];
    let Some(other) = a.items.get(1) else { return Err(vm.type_error("expected 1 argument")) };
    let d = dq(vm, s, op.dunder())?;
    let Some(o) = native::state::<DequeState>(other) else { return Ok(vm.ctx.consts.not_implemented.clone()) };
    let (x, y) = (d.snapshot(), o.snapshot());
    // Lexicographic, like sequences.
    let mut i = 0;
    while i < x.len() && i < y.len() {
        if !vm.eq(&x[i], &y[i])? {
            break;
        }
        i += 1;
    }
    if i >= x.len() || i >= y.len() {
        let r = match op {
            CompareOp::Eq => x.len() == y.len(),
            CompareOp::Ne => x.len() != y.len(),
            CompareOp::Lt => x.len() < y.len(),
            CompareOp::Le => x.len() <= y.len(),
            CompareOp::Gt => x.len() > y.len(),
            CompareOp::Ge => x.len() >= y.len(),
        };
        return Ok(vm.ctx.bool_obj(r));
    }
    match op {
        CompareOp::Eq => Ok(vm.ctx.bool_obj(false)),
        CompareOp::Ne => Ok(vm.ctx.bool_obj(true)),
        _ => vm.rich_compare(&x[i], &y[i], op),
    }
}

fn deque_eq(vm: &Vm, a: Args<'_>) -> PyResult {
    compare(vm, a, CompareOp::Eq)
}
fn deque_ne(vm: &Vm, a: Args<'_>) -> PyResult {
    compare(vm, a, CompareOp::Ne)
}
fn deque_lt(vm: &Vm, a: Args<'_>) -> PyResult {
    compare(vm, a, CompareOp::Lt)
}
fn deque_le(vm: &Vm, a: Args<'_>) -> PyResult {
    compare(vm, a, CompareOp::Le)
}
fn deque_gt(vm: &Vm, a: Args<'_>) -> PyResult {
    compare(vm, a, CompareOp::Gt)
}
fn deque_ge(vm: &Vm, a: Args<'_>) -> PyResult {
    compare(vm, a, CompareOp::Ge)
}

fn deque_add(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "__add__", &a, 1, 1)?;
    let d = dq(vm, s, "__add__")?;
    let Some(o) = native::state::<DequeState>(&rest[0]) else {
        return Err(vm.type_error(&format!("can only concatenate deque (not \"{}\") to deque", vm.type_name(&rest[0]))));
    };
    let mut items = d.snapshot();
    items.extend(o.snapshot());
    new_like(vm, s, items, d.maxlen.get())
}

fn repeat_count(vm: &Vm, n: &PyRef) -> PyResult<Option<i64>> {
    if !n.is_kind(Kind::Int) && crate::objects::typeobject::lookup_str(&n.class(), "__index__").is_none() {
        return Ok(None);
    }
    Ok(Some(vm.index(n)?.to_i64().unwrap_or(i64::MAX)))
}

fn deque_mul(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "__mul__", &a, 1, 1)?;
    let d = dq(vm, s, "__mul__")?;
    let Some(n) = repeat_count(vm, &rest[0])? else {
        return Err(vm.type_error(&format!("can't multiply sequence by non-int of type '{}'", vm.type_name(&rest[0]))));
    };
    let base = d.snapshot();
    let mut items = Vec::new();
    let keep = d.maxlen.get().unwrap_or(usize::MAX);
    for _ in 0..n.max(0) {
        items.extend(base.iter().cloned());
        if items.len() > keep.saturating_mul(2) {
            let cut = items.len() - keep;
            items.drain(..cut);
        }
        if base.is_empty() {
            break;
        }
    }
    new_like(vm, s, items, d.maxlen.get())
}

fn deque_imul(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "__imul__", &a, 1, 1)?;
    let d = dq(vm, s, "__imul__")?;
    let Some(n) = repeat_count(vm, &rest[0])? else {
        return Err(vm.type_error(&format!("can't multiply sequence by non-int of type '{}'", vm.type_name(&rest[0]))));
    };
    let base = d.snapshot();
    if n <= 0 {
        d.bump();
        let old = std::mem::take(&mut *d.items.borrow_mut());
        drop(old);
    } else {
        let mut dropped = Vec::new();
        for _ in 1..n {
            for v in &base {
                dropped.extend(d.push_back(v.clone()));
            }
            dropped.clear();
            if base.is_empty() {
                break;
            }
        }
    }
    Ok(s.clone())
}

fn deque_reduce(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__reduce__", &a, 0, 0)?;
    let d = dq(vm, s, "__reduce__")?;
    let list = vm.ctx.new_list(d.snapshot());
    let args = match d.maxlen.get() {
        Some(m) => vm.ctx.new_tuple(vec![list, vm.ctx.new_int(m as i64)]),
        None => vm.ctx.new_tuple(vec![list]),
    };
    Ok(vm.ctx.new_tuple(vec![s.class(), args]))
}

fn class_getitem(vm: &Vm, a: Args<'_>) -> PyResult {
    // `deque[int]`: the class itself stands in for a generic alias.
    Ok(a.items.first().cloned().unwrap_or_else(|| vm.ctx.none()))
}
