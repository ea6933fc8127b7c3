//! The records of the running frames, innermost first (CPython walks its frame chain,
//! `_PyInterpreterFrame.previous`, for the same purposes): what `super()`, `globals()`,
//! warnings, tracebacks' suggestions and `tracemalloc` need to know about the frames
//! below the current one.
//!
//! A record lives in the Rust stack frame of the [`FrameRecords::run`] call that runs its
//! frame, linked to the record below it: entering a frame writes the record and one
//! pointer, leaving it writes the pointer back (no list to grow, no borrow flag). A record
//! names its frame's code object and globals without owning a reference to them: a frame
//! is entered on every Python call, and two reference count round trips per call are
//! measurable. This is sound because a record only exists while its frame runs, and a
//! running frame's code and globals are kept alive by their owner (the function object
//! the caller holds, or the owning `Frame`).
//!
//! Unsafe code invariant: `top` is null or points at the record of the innermost `run`
//! call still running, and each record's `prev` at the record of the `run` call it runs
//! inside (or null). `run` makes its record the top for exactly the duration of its
//! closure, restoring the previous top when the closure returns or unwinds, so every
//! record reachable from `top` is alive. Readers only see records inside [`FrameRecords::with`],
//! whose closure cannot keep a reference past its own return, and a record cannot die
//! while a reader runs: the reader runs inside every `run` whose record it can reach.

use super::core::PyRef;
use super::header::ObjHeader;
use std::cell::Cell;
use std::marker::PhantomData;
use std::ptr::NonNull;

/// One running frame: its code object, its globals and what the interpreter adds (`X`).
pub struct FrameRecord<X> {
    code: NonNull<ObjHeader>,
    globals: NonNull<ObjHeader>,
    prev: *const FrameRecord<X>,
    pub extra: X,
}

impl<X> FrameRecord<X> {
    /// The frame's code object.
    #[inline]
    pub fn code(&self) -> &PyRef {
        // SAFETY: `PyRef` is `repr(transparent)` over `NonNull<ObjHeader>`, so a pointer to
        // the field is a valid `&PyRef`; the object is alive while the record exists (module
        // documentation); a `&PyRef` can be cloned (taking a reference) but never dropped.
        unsafe { &*(&self.code as *const NonNull<ObjHeader> as *const PyRef) }
    }

    /// The frame's globals.
    #[inline]
    pub fn globals(&self) -> &PyRef {
        // SAFETY: as in `code`.
        unsafe { &*(&self.globals as *const NonNull<ObjHeader> as *const PyRef) }
    }
}

/// The chain of records (see the module documentation).
pub struct FrameRecords<X> {
    top: Cell<*const FrameRecord<X>>,
}

impl<X> Default for FrameRecords<X> {
    fn default() -> Self {
        FrameRecords { top: Cell::new(std::ptr::null()) }
    }
}

/// Puts the previous top back when a `run`'s closure unwinds.
struct Restore<'a, X> {
    records: &'a FrameRecords<X>,
    prev: *const FrameRecord<X>,
}

impl<X> Drop for Restore<'_, X> {
    fn drop(&mut self) {
        self.records.top.set(self.prev);
    }
}

/// The records, innermost first, as [`FrameRecords::with`] shows them.
pub struct Records<'r, X> {
    next: *const FrameRecord<X>,
    /// The innermost record, where `total` starts counting.
    first: *const FrameRecord<X>,
    _life: PhantomData<&'r FrameRecord<X>>,
}

impl<'r, X> Iterator for Records<'r, X> {
    type Item = &'r FrameRecord<X>;
    #[inline]
    fn next(&mut self) -> Option<&'r FrameRecord<X>> {
        if self.next.is_null() {
            return None;
        }
        // SAFETY: every record reachable from the top is alive while the reader runs
        // (module invariant); `'r` cannot outlive the `with` call.
        let r = unsafe { &*self.next };
        self.next = r.prev;
        Some(r)
    }
}

impl<X> Records<'_, X> {
    /// How many frames run (all of them, whatever has been iterated): counted along the
    /// chain, as CPython's tracemalloc counts `total_nframe`, so that entering and leaving
    /// a frame keeps no count.
    pub fn total(&self) -> usize {
        Records::<X> { next: self.first, first: self.first, _life: PhantomData }.count()
    }
}

impl<X> FrameRecords<X> {
    /// Run `f` with a record for a frame of `code` and `globals` on top of the chain.
    #[inline(always)]
    pub fn run<R>(&self, code: &PyRef, globals: &PyRef, extra: X, f: impl FnOnce() -> R) -> R {
        let prev = self.top.get();
        let rec = FrameRecord { code: code.as_non_null(), globals: globals.as_non_null(), prev, extra };
        self.top.set(&rec);
        let restore = Restore { records: self, prev };
        let r = f();
        // The normal return restores inline; the guard's `Drop` covers unwinding. The
        // record (and its `extra`) is dropped after it left the chain: dropping `extra`
        // may free an object whose `__del__` runs Python code (new frames).
        drop(restore);
        drop(rec);
        r
    }

    /// Call `f` with the records, innermost first.
    #[inline]
    pub fn with<R>(&self, f: impl for<'r> FnOnce(Records<'r, X>) -> R) -> R {
        let top = self.top.get();
        f(Records { next: top, first: top, _life: PhantomData })
    }

    /// How many frames run.
    pub fn len(&self) -> usize {
        self.with(|records| records.total())
    }

    pub fn is_empty(&self) -> bool {
        self.top.get().is_null()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Interpreter;
    use std::cell::Cell;

    #[test]
    fn records_live_exactly_as_long_as_their_run() {
        let interp = Interpreter::new(crate::Config::default());
        interp.vm().enter(|vm| {
            let records: FrameRecords<Cell<u32>> = FrameRecords::default();
            let code = vm.ctx.new_list(vec![]);
            let globals = vm.ctx.new_dict();
            let (c0, g0) = (code.refcnt(), globals.refcnt());
            let inner_len = records.run(&code, &globals, Cell::new(1), || {
                // A record takes no references.
                assert_eq!((code.refcnt(), globals.refcnt()), (c0, g0));
                records.with(|mut it| it.next().expect("a record").extra.set(7));
                records.run(&globals, &code, Cell::new(2), || {
                    records.with(|it| {
                        let list: Vec<_> = it.collect();
                        assert!(list[0].code().is(&globals) && list[1].code().is(&code));
                        assert_eq!((list[0].extra.get(), list[1].extra.get()), (2, 7));
                        list.len()
                    })
                })
            });
            assert_eq!(inner_len, 2);
            assert!(records.is_empty());
            records.with(|mut it| assert!(it.next().is_none()));
            // A panic inside a run takes its record off the chain.
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                records.run(&code, &globals, Cell::new(3), || panic!("unwind"));
            }));
            assert!(r.is_err());
            assert_eq!(records.len(), 0);
            records.with(|it| assert_eq!(it.total(), 0));
        });
    }
}
