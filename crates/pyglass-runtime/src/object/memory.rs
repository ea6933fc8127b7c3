//! Where object memory comes from. Every object allocation and release goes through
//! [`obj_malloc`] and [`obj_free`], which route to the current interpreter's small-object
//! allocator (`pyglass-alloc`, CPython's pymalloc design; see docs/allocator.md).
//!
//! The allocator in use is the thread's *current* one (`pyglass_alloc::local`): a
//! thread-local pointer set by [`install_allocator`] (the returned guard owns the allocator
//! and uninstalls it when dropped) or lazily by [`ensure_thread_allocator`], which
//! `Vm::enter` calls. With none installed, objects come from the system allocator; that is
//! what happens during `Context::new`, before the first `Vm::enter`. [`obj_free`] works for
//! memory from either source: an allocator recognises its own blocks by address (a hash of
//! its arena numbers) and forwards anything else to the system allocator.
//!
//! Lifetime: objects may be freed after the last `Vm::enter` returns (when the interpreter
//! is dropped), so an allocator is never destroyed while any of its small blocks is live.
//! A guard dropped with live blocks *retires* its allocator (arenas stay mapped, frees
//! still reach it; it is destroyed when its last block goes); see
//! `pyglass_alloc::local`.

use std::alloc::Layout;

pub use pyglass_alloc::local::AllocatorGuard;
pub use pyglass_alloc::{ReleaseReport, Stats};

/// Allocate memory for an object; `None` when out of memory.
#[inline(always)]
pub fn obj_malloc(layout: Layout) -> Option<*mut u8> {
    // SAFETY: `layout` has a non-zero size (the object core always asks for >= 16 bytes).
    let p = unsafe { pyglass_alloc::local::alloc(layout) };
    if p.is_null() {
        None
    } else {
        Some(p)
    }
}

/// Release memory obtained from [`obj_malloc`] with the same layout.
///
/// # Safety
/// `p` must come from `obj_malloc(layout)` on this thread and not have been freed.
#[inline(always)]
pub unsafe fn obj_free(p: *mut u8, layout: Layout) {
    // SAFETY: guaranteed by the caller (objects are allocated and freed on the
    // interpreter's thread).
    unsafe { pyglass_alloc::local::free(p, layout) }
}

/// Install a new allocator for this thread; objects allocated while the guard lives come
/// from it. Dropping the guard restores the previously installed allocator (or none).
pub fn install_allocator() -> AllocatorGuard {
    pyglass_alloc::local::install()
}

/// Make sure this thread has an allocator: installs a per-thread one on first use (kept
/// until the thread exits) unless one is already installed.
#[inline]
pub fn ensure_thread_allocator() {
    pyglass_alloc::local::ensure_installed();
}

/// Statistics of the current allocator (`None` when objects come from the system).
pub fn current_stats() -> Option<Stats> {
    pyglass_alloc::local::current_stats()
}

/// `(live blocks, live bytes)` of the current allocator, for leak checks.
pub fn current_live() -> Option<(usize, usize)> {
    pyglass_alloc::local::current_live()
}

/// The `sys._debugmallocstats()` report of the current allocator (an empty one's when
/// none is installed).
pub fn debug_malloc_stats() -> String {
    current_stats().unwrap_or_default().debug_malloc_stats()
}
