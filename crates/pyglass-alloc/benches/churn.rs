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

mod common;

use common::{burst, pair, sizes, window, Heap, Sys, OPS};

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
