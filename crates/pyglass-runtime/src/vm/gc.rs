//! The cycle collector's hooks. Container objects carry a `GcHead` (see
//! `object/header.rs`); the generational collector that links them into generations and
//! finds unreachable cycles is built on these.

use crate::object::header::{gc_bits, ObjHeader};
use std::ptr::NonNull;

/// Remove a dying object from the collector's lists (no-op when untracked).
pub(crate) fn untrack_raw(p: NonNull<ObjHeader>) {
    // SAFETY: `p` is an object being deallocated; its header is valid.
    let h = unsafe { p.as_ref() };
    if h.gc_bits() & gc_bits::TRACKED != 0 {
        h.set_gc_bits(h.gc_bits() & !gc_bits::TRACKED);
    }
}
