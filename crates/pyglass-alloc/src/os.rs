//! Where arenas and large blocks come from.
//!
//! Arenas are `ARENA_SIZE` bytes aligned to `ARENA_SIZE`. On Unix (outside Miri) they are
//! anonymous `mmap` mappings: map twice the size, unmap the unaligned head and the tail,
//! so exactly one aligned arena stays mapped and `munmap` gives it straight back to the
//! kernel. Elsewhere (Miri, non-Unix, or the `system-arenas` feature) they come from
//! `System` with a 1 MiB-aligned `Layout`; see docs/allocator.md for why `mmap` is the
//! default on Linux (glibc's dynamic mmap threshold).
//!
//! Large blocks (and memory the allocator does not own) always use `std::alloc::System`.

use crate::ARENA_SIZE;
use std::alloc::{GlobalAlloc, Layout, System};
use std::ptr::NonNull;

/// Allocate `layout` from the system allocator; null when it fails.
///
/// # Safety
/// `layout.size()` must be non-zero.
#[inline]
pub(crate) unsafe fn system_alloc(layout: Layout) -> *mut u8 {
    // SAFETY: the caller guarantees a non-zero size.
    unsafe { System.alloc(layout) }
}

/// Release memory obtained from [`system_alloc`] with the same layout.
///
/// # Safety
/// `ptr` must come from `system_alloc(layout)` and not have been released.
#[inline]
pub(crate) unsafe fn system_free(ptr: *mut u8, layout: Layout) {
    // SAFETY: guaranteed by the caller.
    unsafe { System.dealloc(ptr, layout) }
}

#[cfg(all(unix, not(miri), not(feature = "system-arenas")))]
mod imp {
    use super::*;

    pub(crate) const SOURCE: &str = "mmap";

    pub(crate) fn arena_alloc() -> Option<NonNull<u8>> {
        let len = 2 * ARENA_SIZE;
        // SAFETY: an anonymous private read/write mapping at an address of the kernel's
        // choosing; it aliases nothing, and the result is checked before use.
        let p = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if p == libc::MAP_FAILED || p.is_null() {
            return None;
        }
        let p = p as *mut u8;
        let addr = p as usize;
        let head = addr.wrapping_neg() & (ARENA_SIZE - 1);
        let tail = len - head - ARENA_SIZE;
        // SAFETY: `head < ARENA_SIZE` and `head + ARENA_SIZE + tail == len`, so
        // both ranges lie inside the mapping made above and are page-aligned (mmap returns
        // page-aligned addresses; ARENA_SIZE is a multiple of the page size). Nothing else
        // refers to them yet.
        unsafe {
            if head != 0 {
                libc::munmap(p as *mut libc::c_void, head);
            }
            if tail != 0 {
                libc::munmap(p.add(head + ARENA_SIZE) as *mut libc::c_void, tail);
            }
            NonNull::new(p.add(head))
        }
    }

    /// # Safety
    /// `base` must come from [`arena_alloc`], not yet be released, and no block in it may
    /// be used again.
    pub(crate) unsafe fn arena_free(base: NonNull<u8>) {
        // SAFETY: guaranteed by the caller: `base..base + ARENA_SIZE` is exactly the
        // mapping left by `arena_alloc`.
        unsafe {
            libc::munmap(base.as_ptr() as *mut libc::c_void, ARENA_SIZE);
        }
    }
}

#[cfg(not(all(unix, not(miri), not(feature = "system-arenas"))))]
mod imp {
    use super::*;

    pub(crate) const SOURCE: &str = "system";

    const ARENA_LAYOUT: Layout = match Layout::from_size_align(ARENA_SIZE, ARENA_SIZE) {
        Ok(l) => l,
        Err(_) => panic!("bad arena layout"),
    };

    pub(crate) fn arena_alloc() -> Option<NonNull<u8>> {
        // SAFETY: ARENA_LAYOUT has a non-zero size.
        NonNull::new(unsafe { System.alloc(ARENA_LAYOUT) })
    }

    /// # Safety
    /// `base` must come from [`arena_alloc`], not yet be released, and no block in it may
    /// be used again.
    pub(crate) unsafe fn arena_free(base: NonNull<u8>) {
        // SAFETY: guaranteed by the caller; the layout is the one used to allocate.
        unsafe { System.dealloc(base.as_ptr(), ARENA_LAYOUT) }
    }
}

pub(crate) use imp::{arena_alloc, arena_free, SOURCE};
