//! Finalizers run from deallocation: `__del__` (PEP 442: at most once per object) and the
//! death of weak references.

use crate::object::header::{gc_bits, ObjHeader};
use crate::object::PyRef;
use crate::objects::typeobject::{type_flags, TypeData};
use std::ptr::NonNull;

/// Whether the object's type defines `__del__` and it has not run yet.
pub(crate) fn needs_finalizer(p: NonNull<ObjHeader>) -> bool {
    // SAFETY: `p` is an object being deallocated; its header and type are still valid.
    let h = unsafe { p.as_ref() };
    if h.gc_bits() & gc_bits::FINALIZED != 0 {
        return false;
    }
    // SAFETY: every live object's type pointer is a live type object.
    let typ = unsafe { &*(h.type_ptr() as *const crate::object::PyObject<TypeData>) };
    typ.payload.flags.get() & type_flags::HAS_FINALIZER != 0
}

/// Run `__del__` on an object whose refcount was temporarily set to 1 by the caller.
pub(crate) fn call_del(p: NonNull<ObjHeader>) {
    // SAFETY: the caller holds the object alive with a temporary count of 1, which this
    // handle stands for: it takes no reference of its own and never drops one, so
    // `__del__` sees the count CPython's `slot_tp_finalize` shows (1, plus its frame's).
    let obj = std::mem::ManuallyDrop::new(unsafe { PyRef::from_raw(p.as_ptr()) });
    let h = obj.header();
    h.set_gc_bits(h.gc_bits() | gc_bits::FINALIZED);
    crate::vm::Vm::with_current(|vm| run_del(vm, &obj));
}

/// Call the object's `__del__`, reporting an exception as unraisable.
pub(crate) fn run_del(vm: &crate::vm::Vm, obj: &PyRef) {
    let t = obj.class();
    if let Some(del) = crate::objects::typeobject::lookup_str(&t, "__del__") {
        if let Err(e) = vm.call1(&del, obj) {
            vm.write_unraisable(&e, Some(&del), "Exception ignored in");
        }
    }
}

/// Clear the weak references to a dying object and run their callbacks.
pub(crate) fn clear_weakrefs(p: NonNull<ObjHeader>) {
    crate::vm::Vm::with_current(|vm| vm.clear_weakrefs_of(p.as_ptr() as usize));
}

impl crate::vm::Vm {
    /// Clear the weak references to a dying object (see `object/weakref.rs`).
    pub(crate) fn clear_weakrefs_of(&self, addr: usize) {
        crate::object::weakref::clear_weakrefs(self, addr);
    }

    /// Report an exception that cannot propagate (from `__del__`, callbacks), as CPython's
    /// `PyErr_WriteUnraisable` does.
    pub fn write_unraisable(&self, e: &crate::vm::PyErr, obj: Option<&PyRef>, what: &str) {
        // No `sys.stderr` (late in shutdown): nothing is printed, as in CPython.
        if self.sys_attr("stderr").is_none_or(|s| s.is(&self.ctx.consts.none)) {
            return;
        }
        self.ctx.stdout.borrow_mut().flush();
        let objrepr = obj.map(|o| self.repr_string(o).unwrap_or_else(|_| "<object repr() failed>".into()));
        let mut text = match objrepr {
            Some(r) => format!("{what}: {r}\n"),
            None => format!("{what}\n"),
        };
        text.push_str(&self.format_exception(&e.0));
        use std::io::Write;
        let _ = std::io::stderr().lock().write_all(text.as_bytes());
    }
}
