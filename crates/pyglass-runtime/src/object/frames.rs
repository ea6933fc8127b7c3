//! The records of the running frames, innermost last (CPython walks its frame chain,
//! `_PyInterpreterFrame.previous`, for the same purposes): what `super()`, `globals()`,
//! warnings, tracebacks' suggestions and `tracemalloc` need to know about the frames
//! below the current one.
//!
//! A record names its frame's code object and globals without owning a reference to
//! them: a frame is entered on every Python call, and two reference count round trips
//! per call are measurable. This is sound because a record only exists while its frame
//! runs, and a running frame's code and globals are kept alive by their owner (the
//! function object the caller holds, or the owning `Frame`).
//!
//! Unsafe code invariant: every record in the list was pushed by a [`FrameRecords::run`]
//! call that has not returned yet, with `code` and `globals` borrowed for the whole call;
//! `run` truncates the list back to its own entry's index when it returns or unwinds, so
//! no record outlives the borrow it was made from. Records can be read and their `extra`
//! changed in place, but not taken out of the list or added to it any other way.

use super::core::PyRef;
use super::header::ObjHeader;
use std::cell::{Ref, RefCell, RefMut};
use std::ptr::NonNull;

/// One running frame: its code object, its globals and what the interpreter adds (`X`).
pub struct FrameRecord<X> {
    code: NonNull<ObjHeader>,
    globals: NonNull<ObjHeader>,
    pub extra: X,
}

impl<X> FrameRecord<X> {
    /// The frame's code object.
    #[inline]
    pub fn code(&self) -> &PyRef {
        // SAFETY: `PyRef` is `repr(transparent)` over `NonNull<ObjHeader>`, so a pointer to
        // the field is a valid `&PyRef`; the object is alive while the record exists (module
        // invariant); a `&PyRef` can be cloned (taking a reference) but never dropped.
        unsafe { &*(&self.code as *const NonNull<ObjHeader> as *const PyRef) }
    }

    /// The frame's globals.
    #[inline]
    pub fn globals(&self) -> &PyRef {
        // SAFETY: as in `code`.
        unsafe { &*(&self.globals as *const NonNull<ObjHeader> as *const PyRef) }
    }
}

/// The list of records (see the module documentation).
pub struct FrameRecords<X> {
    list: RefCell<Vec<FrameRecord<X>>>,
}

impl<X> Default for FrameRecords<X> {
    fn default() -> Self {
        FrameRecords { list: RefCell::new(Vec::new()) }
    }
}

/// Truncates the list to its length before a `run`'s push.
struct Truncate<'a, X> {
    records: &'a FrameRecords<X>,
    len: usize,
}

impl<X> Drop for Truncate<'_, X> {
    fn drop(&mut self) {
        self.truncate();
    }
}

impl<X> Truncate<'_, X> {
    #[inline(always)]
    fn truncate(&mut self) {
        // The record is dropped after the list is released: dropping its `extra` may free
        // an object whose `__del__` runs Python code (new frames). Nested runs have
        // removed theirs, so there is normally exactly one to take (none after `clear`).
        let rec = {
            let mut list = self.records.list.borrow_mut();
            if list.len() > self.len + 1 {
                // Not expected; dropped here anyway rather than left behind.
                list.truncate(self.len + 1);
            }
            if list.len() > self.len {
                list.pop()
            } else {
                None
            }
        };
        drop(rec);
    }
}

impl<X> FrameRecords<X> {
    /// Run `f` with a record for a frame of `code` and `globals` on top of the list.
    #[inline(always)]
    pub fn run<R>(&self, code: &PyRef, globals: &PyRef, extra: X, f: impl FnOnce() -> R) -> R {
        let len = {
            let mut list = self.list.borrow_mut();
            let len = list.len();
            list.push(FrameRecord { code: code.as_non_null(), globals: globals.as_non_null(), extra });
            len
        };
        let truncate = Truncate { records: self, len };
        let r = f();
        // The normal return truncates inline; the guard's `Drop` covers unwinding.
        std::mem::ManuallyDrop::new(truncate).truncate();
        r
    }

    /// The records, innermost last.
    pub fn borrow(&self) -> Ref<'_, [FrameRecord<X>]> {
        Ref::map(self.list.borrow(), |v| v.as_slice())
    }

    /// As `borrow`, or `None` while the list is being changed.
    pub fn try_borrow(&self) -> Option<Ref<'_, [FrameRecord<X>]>> {
        self.list.try_borrow().ok().map(|r| Ref::map(r, |v| v.as_slice()))
    }

    /// The records for changing their `extra` in place.
    pub fn borrow_mut(&self) -> RefMut<'_, [FrameRecord<X>]> {
        RefMut::map(self.list.borrow_mut(), |v| v.as_mut_slice())
    }

    /// Drop every record's `extra` references (teardown, when no frame runs).
    pub fn clear(&self) {
        let all = std::mem::take(&mut *self.list.borrow_mut());
        drop(all);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Interpreter;

    #[test]
    fn records_live_exactly_as_long_as_their_run() {
        let interp = Interpreter::new(crate::Config::default());
        interp.vm().enter(|vm| {
            let records: FrameRecords<u32> = FrameRecords::default();
            let code = vm.ctx.new_list(vec![]);
            let globals = vm.ctx.new_dict();
            let (c0, g0) = (code.refcnt(), globals.refcnt());
            let inner_len = records.run(&code, &globals, 1, || {
                // A record takes no references.
                assert_eq!((code.refcnt(), globals.refcnt()), (c0, g0));
                records.borrow_mut()[0].extra = 7;
                records.run(&globals, &code, 2, || {
                    let list = records.borrow();
                    assert!(list[0].code().is(&code) && list[1].code().is(&globals));
                    assert_eq!(list[0].extra, 7);
                    list.len()
                })
            });
            assert_eq!(inner_len, 2);
            assert!(records.borrow().is_empty());
            // Cleared in the middle: the outer run's truncation finds less and does no harm.
            records.run(&code, &globals, 3, || {
                records.clear();
                records.run(&code, &globals, 4, || assert_eq!(records.borrow().len(), 1));
            });
            assert!(records.try_borrow().is_some_and(|l| l.is_empty()));
        });
    }
}
