//! Allocation tracing hooks (what CPython's `tracemalloc` installs with
//! `PyMem_SetAllocator`): when a thread turns tracing on, every allocation, reallocation
//! and release made on that thread through [`crate::local`] (object memory) or through
//! [`TracingSystem`] (the process's `#[global_allocator]`, i.e. every `Vec`, `Box` and
//! hash table) is reported to the thread's hook.
//!
//! - Off, the cost is one read of a thread-local flag per allocation and release.
//! - The hook runs with tracing suspended on its thread, so whatever the hook allocates
//!   for itself (its trace table, its own bookkeeping) is not reported back to it: the
//!   re-entrancy guard and the on/off flag are the same `Cell<bool>`.
//! - The flag and the hook are per thread; what the hook does with the events (and where
//!   it keeps its table) is up to the runtime, which keeps it on its thread state.
//!
//! Sizes are the sizes the caller asked for (as in CPython), not the rounded block sizes.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// One allocation event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// `size` bytes were allocated at `ptr`.
    Alloc {
        /// Start of the new block.
        ptr: usize,
        /// Requested size.
        size: usize,
    },
    /// The block at `ptr` was released.
    Free {
        /// Start of the released block.
        ptr: usize,
    },
}

/// The function tracing reports to. It must not unwind.
pub type Hook = fn(Event);

thread_local! {
    /// Tracing is on for this thread and no hook is running. The only thing the fast
    /// paths read.
    static ACTIVE: Cell<bool> = const { Cell::new(false) };
    /// The hook, while tracing is on (kept while it runs, unlike `ACTIVE`).
    static HOOK: Cell<Option<Hook>> = const { Cell::new(None) };
}

/// Turn tracing on for this thread with `hook` (replacing any previous hook), or off with
/// `None`. Returns the previous hook.
pub fn set_hook(hook: Option<Hook>) -> Option<Hook> {
    let prev = HOOK.replace(hook);
    ACTIVE.set(hook.is_some());
    prev
}

/// The hook installed on this thread, if tracing is on.
pub fn hook() -> Option<Hook> {
    HOOK.get()
}

/// Whether allocations made now on this thread are reported (tracing on and not inside
/// the hook or a [`suspend`] guard).
#[inline(always)]
pub fn active() -> bool {
    // `try_with`: the global allocator may run while thread-locals are being destroyed.
    ACTIVE.try_with(Cell::get).unwrap_or(false)
}

/// Stops reporting on this thread until dropped (then restores the previous state).
pub struct Suspended {
    was: bool,
}

impl Drop for Suspended {
    fn drop(&mut self) {
        let _ = ACTIVE.try_with(|a| a.set(self.was));
    }
}

/// Suspend reporting on this thread while the guard lives (re-entrancy guard; also used by
/// the runtime around work on its trace table).
#[inline]
pub fn suspend() -> Suspended {
    Suspended {
        was: ACTIVE.try_with(|a| a.replace(false)).unwrap_or(false),
    }
}

/// Report `events` to the hook, with reporting suspended while it runs.
#[cold]
#[inline(never)]
pub fn emit(events: &[Event]) {
    let _g = suspend();
    if let Some(h) = HOOK.try_with(Cell::get).ok().flatten() {
        for &e in events {
            h(e);
        }
    }
}

/// A `#[global_allocator]` that delegates to [`System`] and reports to the thread's hook
/// while tracing is on (CPython's `PyMem_Malloc` domain, which its tracemalloc also sees).
pub struct TracingSystem;

// SAFETY: every method forwards to `System` with the caller's arguments unchanged; the
// reporting only reads the returned pointers and never touches the memory.
unsafe impl GlobalAlloc for TracingSystem {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded contract.
        let p = unsafe { System.alloc(layout) };
        if active() && !p.is_null() {
            emit(&[Event::Alloc {
                ptr: p as usize,
                size: layout.size(),
            }]);
        }
        p
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded contract.
        let p = unsafe { System.alloc_zeroed(layout) };
        if active() && !p.is_null() {
            emit(&[Event::Alloc {
                ptr: p as usize,
                size: layout.size(),
            }]);
        }
        p
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if active() {
            emit(&[Event::Free { ptr: ptr as usize }]);
        }
        // SAFETY: forwarded contract.
        unsafe { System.dealloc(ptr, layout) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded contract.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if active() && !p.is_null() {
            emit(&[
                Event::Free { ptr: ptr as usize },
                Event::Alloc {
                    ptr: p as usize,
                    size: new_size,
                },
            ]);
        }
        p
    }
}
