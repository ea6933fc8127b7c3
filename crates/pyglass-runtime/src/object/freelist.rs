//! Per-interpreter free lists of object memory (CPython 3.13's `_Py_freelists`, here only
//! the float one): the blocks of recently deallocated `PLAIN` objects of one payload type,
//! kept for the next allocation of that type instead of going back to the allocator.
//!
//! Floats are allocated and freed at a high rate by numeric code and live scattered over
//! many pools (a list of floats being updated frees blocks in pools that are not the size
//! class's current one), so without a free list nearly every float op goes through the
//! allocator's slower paths. With one, the steady state of a loop reuses the same few
//! blocks.
//!
//! - The list belongs to a [`Context`](crate::vm::Context); deallocation reaches it through
//!   the thread's current VM (`Vm::with_current`). With no VM running (interpreter
//!   teardown), blocks go straight back to the allocator.
//! - LIFO: the block freed last is handed out first, as the allocator itself does, so
//!   `id()` reuse looks the same.
//! - At most [`FREELIST_MAX`] blocks (CPython's `PyFloat_MAXFREELIST`, 100).
//! - Bypassed while allocation tracing is on, so `tracemalloc` sees every allocation.
//! - Dropping the list (with its `Context`) releases every block, so the leak check, which
//!   counts blocks after dropping the interpreter state, sees none of them.
//!
//! Unsafe code invariant: every pointer in `blocks[..len]` is a block obtained from
//! `obj_malloc(plain_layout::<T>())`, not in use by any object and on no other list; it is
//! owned by this list until handed out by `alloc` or released by `clear`.

use super::core::{plain_layout, PyObject, PyPayload, PyRef};
use super::header::{layout_bits, ObjHeader};
use std::cell::Cell;
use std::marker::PhantomData;
use std::ptr::NonNull;

/// Most blocks a free list keeps (CPython's `PyFloat_MAXFREELIST`).
pub const FREELIST_MAX: usize = 100;

/// Free blocks for objects of payload `T` (a `LEAF` payload of a static type).
pub struct FreeList<T: PyPayload> {
    blocks: [Cell<*mut u8>; FREELIST_MAX],
    len: Cell<usize>,
    _t: PhantomData<T>,
}

impl<T: PyPayload> Default for FreeList<T> {
    fn default() -> Self {
        FreeList::new()
    }
}

impl<T: PyPayload> FreeList<T> {
    pub fn new() -> FreeList<T> {
        FreeList { blocks: std::array::from_fn(|_| Cell::new(std::ptr::null_mut())), len: Cell::new(0), _t: PhantomData }
    }

    /// Blocks held now.
    pub fn len(&self) -> usize {
        self.len.get()
    }

    pub fn is_empty(&self) -> bool {
        self.len.get() == 0
    }

    /// A new `PLAIN` object of static type `typ` with `payload`, in a block from the list;
    /// `None` when the list is empty (or tracing is on): allocate normally then.
    #[inline(always)]
    pub fn alloc(&self, typ: &PyRef, payload: T) -> Result<PyRef, T> {
        debug_assert!(T::LEAF && !T::HAS_GC);
        let n = self.len.get();
        if n == 0 || pyglass_alloc::trace::active() {
            return Err(payload);
        }
        let base = self.blocks[n - 1].get();
        self.len.set(n - 1);
        // SAFETY: by the module invariant `base` is an unused block of
        // `plain_layout::<T>()` (size and alignment of `PyObject<T>`), now owned by us and
        // off the list; the object is written exactly as `alloc_fixed` writes a fresh one
        // (no pre-header, no trailing items, `PLAIN` layout bit, static type so no
        // reference to it is held) before any `PyRef` to it exists.
        unsafe {
            let obj = base as *mut PyObject<T>;
            std::ptr::write(obj, PyObject { header: ObjHeader::new(T::KIND as u8, layout_bits::PLAIN, typ.as_ptr()), payload });
            (*obj).payload.on_alloc();
            Ok(PyRef::from_raw(obj as *mut ObjHeader))
        }
    }

    /// Keep the block of a dead `PLAIN` object whose payload has been dropped; false when
    /// the list is full (or tracing is on) and the caller must release it.
    ///
    /// # Safety
    /// `p` is the start of a block from `obj_malloc(plain_layout::<T>())` that held a
    /// `PLAIN` object of payload `T`, already dropped; nothing uses it afterwards.
    #[inline(always)]
    pub(crate) unsafe fn push(&self, p: NonNull<ObjHeader>) -> bool {
        let n = self.len.get();
        if n == FREELIST_MAX || pyglass_alloc::trace::active() {
            return false;
        }
        self.blocks[n].set(p.as_ptr() as *mut u8);
        self.len.set(n + 1);
        true
    }

    /// Release every block to the allocator (CPython's `_PyObject_ClearFreeLists`).
    pub fn clear(&self) {
        while let Some(n) = self.len.get().checked_sub(1) {
            self.len.set(n);
            let b = self.blocks[n].replace(std::ptr::null_mut());
            // SAFETY: by the module invariant `b` came from `obj_malloc` with this layout
            // and is unused; it left the list above, so it is released exactly once.
            unsafe { crate::object::memory::obj_free(b, plain_layout::<T>()) };
        }
    }
}

impl<T: PyPayload> Drop for FreeList<T> {
    fn drop(&mut self) {
        self.clear();
    }
}
