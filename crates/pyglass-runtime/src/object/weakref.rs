//! Weak references (CPython `Objects/weakrefobject.c`), part of the object core because
//! they hold non-owning pointers.
//!
//! Invariants:
//! 1. A weakref object stores its referent's address, never a strong reference. The
//!    interpreter's registry maps each referent address to the addresses of its live
//!    weakref objects, and the referent's header has `HAS_WEAKREFS` set.
//! 2. A referent clears every weakref to it (address set to 0) from its deallocation,
//!    before its memory is released, so a non-zero address always names a live object.
//! 3. A weakref object removes itself from the registry when it dies, so every address in
//!    the registry names a live weakref object.
//!    Under these rules upgrading an address to a `PyRef` is sound (single-threaded access,
//!    invariant 4 of `core.rs`).

use crate::object::header::layout_bits;
use crate::object::{Kind, PyPayload, PyRef};
use crate::sync::PyCell;
use crate::vm::Vm;
use std::cell::Cell;

pub struct WeakRefData {
    /// Address of the referent; 0 once it has died.
    referent: Cell<usize>,
    pub callback: PyCell<Option<PyRef>>,
    /// Cached hash of the referent (-1 until computed).
    pub hash: Cell<isize>,
}

// SAFETY: Kind::WeakRef is used by no other payload type.
unsafe impl PyPayload for WeakRefData {
    const KIND: Kind = Kind::WeakRef;
    const HAS_GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&PyRef)) {
        if let Some(cb) = self.callback.try_borrow() {
            if let Some(c) = cb.as_ref() {
                visit(c);
            }
        }
    }
    fn clear(&self) {
        drop(self.callback.take());
    }
}

impl Drop for WeakRefData {
    fn drop(&mut self) {
        let referent = self.referent.get();
        if referent == 0 {
            return;
        }
        // Invariant 3: a dying weakref leaves the registry.
        Vm::with_current(|vm| self.leave_registry(vm, referent));
    }
}

impl WeakRefData {
    /// Remove this weakref from `referent`'s registry entry (invariant 3). The weakref's
    /// own address is not known from its payload, so the entry is matched by the (unique,
    /// still registered) payload address.
    fn leave_registry(&self, vm: &Vm, referent: usize) {
        let me = self as *const WeakRefData as usize;
        let mut reg = vm.ctx.weakrefs.borrow_mut();
        if let Some(list) = reg.get_mut(&referent) {
            list.retain(|(_, payload)| *payload != me);
            if list.is_empty() {
                reg.remove(&referent);
            }
        }
    }

    /// The referent, if it is still alive.
    pub fn get(&self) -> Option<PyRef> {
        let a = self.referent.get();
        if a == 0 {
            return None;
        }
        // SAFETY: invariant 2: a non-zero address names a live object.
        Some(unsafe { PyRef::from_borrowed(a as *mut crate::object::ObjHeader) })
    }

    pub fn is_dead(&self) -> bool {
        self.referent.get() == 0
    }
}

/// Create a weak reference of type `cls` to `obj` and register it.
pub fn new_weakref(vm: &Vm, cls: &PyRef, obj: &PyRef, callback: Option<PyRef>) -> PyRef {
    let wr = crate::objects::instance::alloc_instance(vm, cls, WeakRefData { referent: Cell::new(obj.addr()), callback: PyCell::new(callback), hash: Cell::new(-1) });
    let payload = wr.downcast::<WeakRefData>().map(|p| p as *const WeakRefData as usize).unwrap_or(0);
    vm.ctx.weakrefs.borrow_mut().entry(obj.addr()).or_default().push((wr.addr(), payload));
    obj.header().set_flag(layout_bits::HAS_WEAKREFS);
    wr
}

/// The live weakref objects to `obj`, oldest first.
pub fn weakrefs_to(vm: &Vm, obj: &PyRef) -> Vec<PyRef> {
    let reg = vm.ctx.weakrefs.borrow();
    match reg.get(&obj.addr()) {
        // SAFETY: invariant 3: registered addresses name live weakref objects.
        Some(list) => list.iter().map(|(a, _)| unsafe { PyRef::from_borrowed(*a as *mut crate::object::ObjHeader) }).collect(),
        None => Vec::new(),
    }
}

/// Called from the referent's deallocation (invariant 2): clear every weakref to `addr`,
/// then run their callbacks, as CPython's `PyObject_ClearWeakRefs` does.
pub fn clear_weakrefs(vm: &Vm, addr: usize) {
    let list = vm.ctx.weakrefs.borrow_mut().remove(&addr).unwrap_or_default();
    let mut pending = Vec::new();
    for (wa, _) in list {
        // SAFETY: invariant 3: registered addresses name live weakref objects.
        let wr = unsafe { PyRef::from_borrowed(wa as *mut crate::object::ObjHeader) };
        if let Some(d) = wr.downcast::<WeakRefData>() {
            d.referent.set(0);
            if let Some(cb) = d.callback.take() {
                pending.push((wr.clone(), cb));
            }
        }
    }
    // Callbacks run newest first, as in CPython.
    for (wr, cb) in pending.into_iter().rev() {
        if let Err(e) = vm.call(&cb, &[wr]) {
            vm.write_unraisable(&e, Some(&cb), "Exception ignored while calling weakref callback");
        }
    }
}

/// The collector found `wr` (a weakref) in the garbage: detach it from its referent so its
/// callback can never run (CPython's `_PyWeakref_ClearRef`).
pub(crate) fn detach(vm: &Vm, w: &WeakRefData) {
    let referent = w.referent.get();
    if referent != 0 {
        w.referent.set(0);
        w.leave_registry(vm, referent);
    }
}

/// The collector clears the weakrefs to a garbage object without running callbacks yet:
/// returns the weakrefs, newest first (the order callbacks run in). Their callbacks stay
/// in place: the collector takes those of weakrefs that are not garbage themselves.
pub(crate) fn clear_for_gc(vm: &Vm, addr: usize) -> Vec<PyRef> {
    let list = vm.ctx.weakrefs.borrow_mut().remove(&addr).unwrap_or_default();
    let mut out = Vec::new();
    for (wa, _) in list.into_iter().rev() {
        // SAFETY: invariant 3: registered addresses name live weakref objects.
        let wr = unsafe { PyRef::from_borrowed(wa as *mut crate::object::ObjHeader) };
        if let Some(d) = wr.downcast::<WeakRefData>() {
            d.referent.set(0);
        }
        out.push(wr);
    }
    out
}
