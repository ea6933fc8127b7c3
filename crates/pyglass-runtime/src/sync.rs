//! The one synchronisation module: everything that differs between the GIL build and the
//! free-threaded mode is decided here.
//!
//! Today pyglass runs one thread per interpreter with the GIL model: payload mutation uses
//! [`PyCell`], a checked cell (a `RefCell`). The rule that keeps it sound and panic-free:
//! never call back into Python code while a borrow is held (copy what you need out first,
//! as CPython does around `list.sort`). In the free-threaded mode `PyCell` will take the
//! header's one-byte per-object mutex instead, and `PyRef` refcounting becomes biased
//! (owner thread plain, others atomic on `ob_ref_shared`). See docs/threading.md.

use std::cell::{Ref, RefCell, RefMut};

/// Interior mutability for object payloads.
#[derive(Default)]
pub struct PyCell<T>(RefCell<T>);

impl<T> PyCell<T> {
    pub const fn new(v: T) -> PyCell<T> {
        PyCell(RefCell::new(v))
    }
    #[inline(always)]
    pub fn borrow(&self) -> Ref<'_, T> {
        self.0.borrow()
    }
    #[inline(always)]
    pub fn try_borrow(&self) -> Option<Ref<'_, T>> {
        self.0.try_borrow().ok()
    }
    #[inline(always)]
    pub fn borrow_mut(&self) -> RefMut<'_, T> {
        self.0.borrow_mut()
    }
    /// A mutable borrow, or `None` if the value is being read or written right now
    /// (re-entrant mutation from Python code; callers raise RuntimeError).
    #[inline(always)]
    pub fn try_borrow_mut(&self) -> Option<RefMut<'_, T>> {
        self.0.try_borrow_mut().ok()
    }
    pub fn replace(&self, v: T) -> T {
        self.0.replace(v)
    }
    pub fn into_inner(self) -> T {
        self.0.into_inner()
    }
    /// The value, through exclusive access (no borrow flag: none can be outstanding).
    pub fn get_mut(&mut self) -> &mut T {
        self.0.get_mut()
    }
}

impl<T: Default> PyCell<T> {
    pub fn take(&self) -> T {
        self.0.take()
    }
}
