//! The churn patterns shared by `benches/churn.rs` (criterion) and
//! `examples/churn_loop.rs` (fixed loops for valgrind): the request sizes, the two heaps
//! and one iteration of each pattern.

use pyglass_alloc::Allocator;
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;

pub const OPS: usize = 4096;

/// Sizes over every class: a fixed xorshift sequence in 1..=512.
pub fn sizes() -> Vec<usize> {
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    (0..OPS)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            1 + (x % 512) as usize
        })
        .collect()
}

pub trait Heap {
    fn alloc(&self, size: usize) -> *mut u8;
    /// # Safety
    /// `p` came from `self.alloc(size)`.
    unsafe fn free(&self, p: *mut u8, size: usize);
}

impl Heap for Allocator {
    #[inline]
    fn alloc(&self, size: usize) -> *mut u8 {
        Allocator::alloc(self, size)
    }
    #[inline]
    unsafe fn free(&self, p: *mut u8, size: usize) {
        // SAFETY: forwarded contract.
        unsafe { Allocator::free(self, p, size) }
    }
}

pub struct Sys;

impl Heap for Sys {
    #[inline]
    fn alloc(&self, size: usize) -> *mut u8 {
        // SAFETY: sizes are 1..=512, non-zero.
        unsafe { System.alloc(Layout::from_size_align_unchecked(size, 16)) }
    }
    #[inline]
    unsafe fn free(&self, p: *mut u8, size: usize) {
        // SAFETY: forwarded contract; same layout as `alloc`.
        unsafe { System.dealloc(p, Layout::from_size_align_unchecked(size, 16)) }
    }
}

pub fn pair<H: Heap>(h: &H, sizes: &[usize]) {
    for &s in sizes {
        let p = h.alloc(s);
        black_box(p);
        // SAFETY: allocated just above with `s`.
        unsafe { h.free(p, s) };
    }
}

pub fn window<H: Heap>(h: &H, sizes: &[usize], ring: &mut [(*mut u8, usize)]) {
    for (i, &s) in sizes.iter().enumerate() {
        let slot = &mut ring[i % ring.len()];
        // SAFETY: every ring entry holds a live block with its size.
        unsafe { h.free(slot.0, slot.1) };
        *slot = (black_box(h.alloc(s)), s);
    }
}

pub fn burst<H: Heap>(h: &H, sizes: &[usize], live: &mut Vec<*mut u8>) {
    live.clear();
    for &s in sizes {
        live.push(black_box(h.alloc(s)));
    }
    for (&p, &s) in live.iter().zip(sizes) {
        // SAFETY: allocated above with `s`.
        unsafe { h.free(p, s) };
    }
}
