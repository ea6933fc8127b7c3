//! Where object memory comes from. Every object allocation and release goes through these
//! two functions, so the pymalloc-style allocator (arenas, pools, size classes) plugs in
//! here without touching the rest of the object core.

use std::alloc::Layout;

/// Allocate memory for an object; `None` when out of memory.
#[inline]
pub fn obj_malloc(layout: Layout) -> Option<*mut u8> {
    // SAFETY: `layout` has a non-zero size (the object core always asks for >= 16 bytes).
    let p = unsafe { std::alloc::alloc(layout) };
    if p.is_null() {
        None
    } else {
        Some(p)
    }
}

/// Release memory obtained from [`obj_malloc`] with the same layout.
///
/// # Safety
/// `p` must come from `obj_malloc(layout)` and not have been freed.
#[inline]
pub unsafe fn obj_free(p: *mut u8, layout: Layout) {
    // SAFETY: guaranteed by the caller.
    unsafe { std::alloc::dealloc(p, layout) }
}
