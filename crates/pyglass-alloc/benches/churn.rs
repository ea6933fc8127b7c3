//! Allocate/free churn over the small size classes: `pyglass_alloc::Allocator` against
//! `std::alloc::System`. Run with `cargo bench -p pyglass-alloc`.
//!
//! Four patterns over the 32 size classes (request sizes 1..=512 from a fixed pseudo-random
//! sequence, 4096 allocations per iteration; times are per 4096 allocate+free pairs):
//! - `pair`: allocate one block and free it at once, with one block of every class kept
//!   live (the interpreter's temporaries: pools of common sizes always hold live objects);
//! - `pair_empty_pools`: the same with nothing else live, so every free empties its pool:
//!   the worst case of pymalloc's policy of returning empty pools to their arena at once
//!   (each allocation then takes, and usually re-initialises, a pool); pyglass keeps the
//!   emptied pool as its class's spare instead (docs/allocator.md);
//! - `window`: keep a ring of 1024 live blocks, each step freeing the oldest and allocating
//!   a new one (objects with short but overlapping lifetimes);
//! - `burst`: allocate 4096 blocks, then free them all in allocation order (building and
//!   dropping a data structure).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use pyglass_alloc::Allocator;
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;

const OPS: usize = 4096;

/// Sizes over every class: a fixed xorshift sequence in 1..=512.
fn sizes() -> Vec<usize> {
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

trait Heap {
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

struct Sys;

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

fn pair<H: Heap>(h: &H, sizes: &[usize]) {
    for &s in sizes {
        let p = h.alloc(s);
        black_box(p);
        // SAFETY: allocated just above with `s`.
        unsafe { h.free(p, s) };
    }
}

fn window<H: Heap>(h: &H, sizes: &[usize], ring: &mut [(*mut u8, usize)]) {
    for (i, &s) in sizes.iter().enumerate() {
        let slot = &mut ring[i % ring.len()];
        // SAFETY: every ring entry holds a live block with its size.
        unsafe { h.free(slot.0, slot.1) };
        *slot = (black_box(h.alloc(s)), s);
    }
}

fn burst<H: Heap>(h: &H, sizes: &[usize], live: &mut Vec<*mut u8>) {
    live.clear();
    for &s in sizes {
        live.push(black_box(h.alloc(s)));
    }
    for (&p, &s) in live.iter().zip(sizes) {
        // SAFETY: allocated above with `s`.
        unsafe { h.free(p, s) };
    }
}

fn bench_heap<H: Heap>(c: &mut Criterion, name: &str, h: &H) {
    let sizes = sizes();
    let mut g = c.benchmark_group(name);
    g.throughput(Throughput::Elements(OPS as u64));
    g.bench_function("pair_empty_pools", |b| b.iter(|| pair(h, &sizes)));
    let keep: Vec<(*mut u8, usize)> = (1..=32).map(|c| (h.alloc(c * 16), c * 16)).collect();
    g.bench_function("pair", |b| b.iter(|| pair(h, &sizes)));
    let mut ring: Vec<(*mut u8, usize)> = sizes[..1024].iter().map(|&s| (h.alloc(s), s)).collect();
    g.bench_function("window", |b| b.iter(|| window(h, &sizes, &mut ring)));
    for &(p, s) in &ring {
        // SAFETY: live blocks of the ring.
        unsafe { h.free(p, s) };
    }
    let mut live = Vec::with_capacity(OPS);
    g.bench_function("burst", |b| b.iter(|| burst(h, &sizes, &mut live)));
    for &(p, s) in &keep {
        // SAFETY: live blocks kept for `pair`.
        unsafe { h.free(p, s) };
    }
    g.finish();
}

fn churn(c: &mut Criterion) {
    let a = Allocator::new();
    bench_heap(c, "pyglass_alloc", &a);
    bench_heap(c, "system", &Sys);
}

criterion_group!(benches, churn);
criterion_main!(benches);
