//! Unit tests with access to the allocator's internals. Randomised tests are in
//! `tests/prop.rs`.

use super::*;

fn arena_of(p: *mut u8) -> usize {
    p as usize >> ARENA_BITS
}

fn pool_of(p: *mut u8) -> usize {
    p as usize & !(POOL_SIZE - 1)
}

/// Allocate `n` blocks of class `idx`.
fn fill(a: &Allocator, idx: usize, n: usize) -> Vec<*mut u8> {
    (0..n)
        .map(|_| {
            let p = a.alloc(class_size(idx));
            assert!(!p.is_null());
            p
        })
        .collect()
}

fn free_all(a: &Allocator, idx: usize, ps: impl IntoIterator<Item = *mut u8>) {
    for p in ps {
        // SAFETY: every pointer came from `a.alloc(class_size(idx))` and is freed once.
        unsafe { a.free(p, class_size(idx)) };
    }
}

#[test]
fn constants() {
    assert_eq!(POOL_OVERHEAD, 48);
    assert_eq!(POOLS_PER_ARENA, 64);
    assert_eq!(NB_SMALL_SIZE_CLASSES, 32);
    assert_eq!(blocks_per_pool(0), (16384 - 48) / 16);
    assert_eq!(blocks_per_pool(31), 31);
    for idx in 0..NB_SMALL_SIZE_CLASSES {
        assert!(blocks_per_pool(idx) >= 31);
    }
}

#[test]
fn size_classes() {
    assert_eq!(size_class(0, 16), Some(0));
    assert_eq!(size_class(1, 8), Some(0));
    assert_eq!(size_class(16, 16), Some(0));
    assert_eq!(size_class(17, 16), Some(1));
    for size in 1..=512 {
        assert_eq!(size_class(size, 16), Some((size - 1) / 16));
        assert!(class_size(size_class(size, 16).unwrap()) >= size);
    }
    assert_eq!(size_class(512, 16), Some(31));
    assert_eq!(size_class(513, 16), None);
    assert_eq!(size_class(64, 32), None);
}

#[test]
fn every_class_is_aligned_and_pooled() {
    let a = Allocator::new();
    let mut ps = Vec::new();
    for size in (0..=512).step_by(if cfg!(miri) { 47 } else { 1 }) {
        let p = a.alloc(size);
        assert!(!p.is_null());
        assert_eq!(p as usize % 16, 0, "size {size}");
        assert!(a.owns_small(p));
        let off = p as usize - pool_of(p);
        assert!(off >= POOL_OVERHEAD && off + size.max(1) <= POOL_SIZE);
        // SAFETY: `p` is a fresh block of at least `size` bytes.
        unsafe { ptr::write_bytes(p, 0xAB, size) };
        ps.push((p, size));
    }
    a.check_invariants();
    for (p, size) in ps {
        // SAFETY: allocated above with this size, freed once.
        unsafe { a.free(p, size) };
    }
    a.check_invariants();
    assert_eq!(a.live_blocks(), 0);
}

#[test]
fn lifo_reuse_same_address() {
    let a = Allocator::new();
    let keep = a.alloc(48); // keeps the pool non-empty
    let p = a.alloc(40);
    // SAFETY: allocated above.
    unsafe { a.free(p, 40) };
    // Any size of the same class gets the block back.
    let q = a.alloc(33);
    assert_eq!(p, q);
    // SAFETY: allocated above.
    unsafe {
        a.free(q, 33);
        a.free(keep, 48);
    }
    a.check_invariants();
}

#[test]
fn lifo_reuse_after_pool_became_empty() {
    // `id([]) == id([])`: the only block of a pool is freed (the pool goes back to its
    // arena) and the next request of the class gets the same address.
    let a = Allocator::new();
    for size in [16, 56, 200, 512] {
        let p = a.alloc(size);
        // SAFETY: allocated above.
        unsafe { a.free(p, size) };
        let q = a.alloc(size);
        assert_eq!(p, q, "size {size}");
        // SAFETY: allocated above.
        unsafe { a.free(q, size) };
    }
    a.check_invariants();
}

#[test]
fn free_list_is_lifo() {
    let a = Allocator::new();
    let ps = fill(&a, 3, 5);
    // SAFETY: blocks of class 3 from `fill`.
    unsafe {
        a.free(ps[1], 64);
        a.free(ps[3], 64);
    }
    assert_eq!(a.alloc(64), ps[3]);
    assert_eq!(a.alloc(64), ps[1]);
    free_all(&a, 3, ps);
    a.check_invariants();
}

#[test]
fn full_pool_goes_to_front_when_a_block_is_freed() {
    let a = Allocator::new();
    let idx = 31;
    let n = blocks_per_pool(idx);
    let first = fill(&a, idx, n);
    assert!(
        first.iter().all(|&p| pool_of(p) == pool_of(first[0])),
        "one pool holds them all"
    );
    let second = a.alloc(512);
    assert_ne!(
        pool_of(second),
        pool_of(first[0]),
        "full pool: next block from a new pool"
    );
    a.check_invariants();
    // SAFETY: from `fill`.
    unsafe { a.free(first[7], 512) };
    a.check_invariants();
    assert_eq!(
        a.alloc(512),
        first[7],
        "the freed block of the full pool is reused first"
    );
    free_all(&a, idx, first);
    free_all(&a, idx, [second]);
    a.check_invariants();
}

#[test]
fn empty_pool_is_kept_as_the_class_spare() {
    // The only pool of class 0 empties: it stays class 0's spare, so another class gets a
    // fresh pool and the next class-0 request gets the freed block back.
    let a = Allocator::new();
    let p = a.alloc(16);
    // SAFETY: allocated above.
    unsafe { a.free(p, 16) };
    a.check_invariants();
    let s = a.stats();
    assert_eq!(
        s.classes[0].pools, 0,
        "a spare is an unused pool in the report"
    );
    assert_eq!(s.unused_pools, POOLS_PER_ARENA);
    let q = a.alloc(300);
    assert_ne!(
        pool_of(p),
        pool_of(q),
        "the spare is not given to another class"
    );
    assert_eq!(a.alloc(16), p, "the spare serves its class again");
    a.check_invariants();
    // SAFETY: allocated above.
    unsafe {
        a.free(p, 16);
        a.free(q, 300);
    }
    a.check_invariants();
}

#[test]
fn pool_is_reinitialised_for_another_class() {
    // Two pools of class 0 empty: the second becomes the spare and the first goes back to
    // its arena, where the next new pool (for class 18) is taken from and re-initialised.
    let a = Allocator::new();
    let ps = fill(&a, 0, blocks_per_pool(0) + 1);
    let (first, second) = (pool_of(ps[0]), pool_of(ps[blocks_per_pool(0)]));
    assert_ne!(first, second);
    free_all(&a, 0, ps);
    a.check_invariants();
    let q = a.alloc(300);
    assert_eq!(pool_of(q), first, "the returned pool is reused");
    // Re-initialised: blocks are carved from the top of the pool down.
    let top = POOL_OVERHEAD + (blocks_per_pool(18) - 1) * class_size(18);
    assert_eq!(q as usize - pool_of(q), top);
    let r = a.alloc(16);
    assert_eq!(pool_of(r), second, "the spare still serves class 0");
    a.check_invariants();
    let s = a.stats();
    assert_eq!(s.classes[0].pools, 1);
    assert_eq!(s.classes[size_class(300, 16).unwrap()].pools, 1);
    // SAFETY: allocated above.
    unsafe {
        a.free(q, 300);
        a.free(r, 16);
    }
}

#[test]
#[cfg_attr(miri, ignore = "maps several arenas; slow under Miri")]
fn arena_holding_only_spares_is_released() {
    // Arena 0 ends up holding nothing but spares (classes 0..4); when arena 1 becomes free
    // in turn, arena 0 is released with its spares and arena 1 is the one kept.
    let a = Allocator::new();
    let small: Vec<(usize, *mut u8)> = (0..4).map(|i| (i, a.alloc(class_size(i)))).collect();
    let big = fill_arenas(&a, 1); // the rest of arena 0, then spills into arena 1
    let arena0 = arena_of(small[0].1);
    let in1: Vec<*mut u8> = big
        .iter()
        .copied()
        .filter(|&p| arena_of(p) != arena0)
        .collect();
    let in0: Vec<*mut u8> = big
        .iter()
        .copied()
        .filter(|&p| arena_of(p) == arena0)
        .collect();
    assert!(!in1.is_empty());
    assert_eq!(a.arenas_current(), 2);
    free_all(&a, 31, in0);
    for &(i, p) in &small {
        // SAFETY: allocated above.
        unsafe { a.free(p, class_size(i)) };
        a.check_invariants();
    }
    // Arena 0: free pools plus the spares of classes 0..4 (class 31's spare may be there
    // too). It is the kept arena.
    assert_eq!(a.arenas_current(), 2);
    free_all(&a, 31, in1);
    a.check_invariants();
    let s = a.stats();
    assert_eq!(s.arenas_current, 1, "one free arena is kept");
    assert_eq!(s.arenas_reclaimed, 1);
    assert_eq!(s.unused_pools, POOLS_PER_ARENA);
    // The spares of classes 0..4 went with arena 0: a new class-0 block comes from the
    // kept arena.
    let p = a.alloc(16);
    assert_ne!(arena_of(p), arena0);
    // SAFETY: allocated above.
    unsafe { a.free(p, 16) };
    a.check_invariants();
}

/// Blocks of class 31 filling `arenas` whole arenas.
fn fill_arenas(a: &Allocator, arenas: usize) -> Vec<*mut u8> {
    fill(a, 31, arenas * POOLS_PER_ARENA * blocks_per_pool(31))
}

#[test]
#[cfg_attr(miri, ignore = "maps several arenas; slow under Miri")]
fn empty_arenas_are_released_but_one_is_kept() {
    let a = Allocator::new();
    let ps = fill_arenas(&a, 3);
    assert_eq!(a.arenas_current(), 3);
    a.check_invariants();
    free_all(&a, 31, ps);
    a.check_invariants();
    let s = a.stats();
    assert_eq!(s.arenas_allocated_total, 3);
    assert_eq!(
        s.arenas_current, 1,
        "one wholly free arena is kept (bpo-37257)"
    );
    assert_eq!(s.arenas_reclaimed, 2);
    assert_eq!(s.arenas_highwater, 3);
    assert_eq!(s.unused_pools, POOLS_PER_ARENA);
    // The kept arena serves the next request without mapping a new one.
    let p = a.alloc(100);
    assert_eq!(a.stats().arenas_allocated_total, 3);
    // SAFETY: allocated above.
    unsafe { a.free(p, 100) };
    assert_eq!(
        a.release(),
        ReleaseReport {
            arenas_freed: 1,
            ..Default::default()
        }
    );
}

#[test]
#[cfg_attr(miri, ignore = "maps several arenas; slow under Miri")]
fn new_pools_come_from_the_most_used_arena() {
    let a = Allocator::new();
    let bpp = blocks_per_pool(31);
    let mut ps = fill_arenas(&a, 3);
    let arenas: Vec<usize> = {
        let mut v: Vec<usize> = ps.iter().map(|&p| arena_of(p)).collect();
        v.dedup();
        v
    };
    assert_eq!(arenas.len(), 3);
    // Empty 5 pools of arena 0, 2 pools of arena 1, 9 pools of arena 2.
    for (k, n) in [(0usize, 5usize), (1, 2), (2, 9)] {
        let start = k * POOLS_PER_ARENA * bpp;
        let victims: Vec<*mut u8> = ps.drain(start..start + n * bpp).collect();
        free_all(&a, 31, victims.iter().copied());
        ps.splice(start..start, std::iter::repeat_n(ptr::null_mut(), n * bpp));
        a.check_invariants();
    }
    // Arena 1 has the fewest free pools, so it is the most used: new pools come from it.
    let mut fresh = Vec::new();
    for idx in 0..2 {
        let p = a.alloc(class_size(idx));
        assert_eq!(arena_of(p), arenas[1], "class {idx}");
        fresh.push((p, class_size(idx)));
    }
    // Arena 1 is now full; the next pool comes from arena 0 (5 free) rather than 2 (9 free).
    let p = a.alloc(class_size(2));
    assert_eq!(arena_of(p), arenas[0]);
    fresh.push((p, class_size(2)));
    a.check_invariants();
    for (p, size) in fresh {
        // SAFETY: allocated above.
        unsafe { a.free(p, size) };
    }
    free_all(&a, 31, ps.into_iter().filter(|p| !p.is_null()));
    a.check_invariants();
    assert_eq!(a.arenas_current(), 1);
}

#[test]
fn foreign_pointers_are_forwarded_to_the_system() {
    let a = Allocator::new();
    let mine = a.alloc(32);
    let layout = Layout::from_size_align(32, 16).unwrap();
    // SAFETY: non-zero size.
    let foreign = unsafe { system_alloc(layout) };
    assert!(!foreign.is_null());
    assert!(!a.owns_small(foreign));
    assert!(a.owns_small(mine));
    // SAFETY: `foreign` is live system memory of this layout; `free_if_owned` must decline.
    assert!(!unsafe { a.free_if_owned(foreign, layout) });
    // SAFETY: same; `free_layout` forwards it to the system allocator (Miri checks that the
    // deallocation matches the allocation).
    unsafe { a.free_layout(foreign, layout) };
    let s = a.stats();
    assert_eq!(s.foreign_frees, 1);
    assert_eq!(s.small_live_blocks, 1);
    // A foreign large block too.
    let big = Layout::from_size_align(4096, 16).unwrap();
    // SAFETY: non-zero size.
    let f2 = unsafe { system_alloc(big) };
    // SAFETY: live system memory of this layout.
    unsafe { a.free_layout(f2, big) };
    assert_eq!(a.stats().foreign_frees, 2);
    // SAFETY: allocated above.
    unsafe { a.free(mine, 32) };
    a.check_invariants();
    assert_eq!(a.live_blocks(), 0);
}

#[test]
fn large_and_overaligned_requests_use_the_system() {
    let a = Allocator::new();
    let big = a.alloc(513);
    assert!(!a.owns_small(big));
    assert!(a.owns(big));
    let over = Layout::from_size_align(64, 64).unwrap();
    let o = a.alloc_layout(over);
    assert_eq!(o as usize % 64, 0);
    assert!(!a.owns_small(o));
    assert_eq!(a.live_blocks(), 2);
    assert_eq!(a.live_bytes(), 513 + 64);
    assert_eq!(a.stats().large_allocs_total, 2);
    assert_eq!(a.arenas_current(), 0, "no arena for large requests");
    // SAFETY: allocated above with these layouts.
    unsafe {
        a.free(big, 513);
        a.free_layout(o, over);
    }
    assert_eq!(a.live_blocks(), 0);
    assert_eq!(a.live_bytes(), 0);
    assert_eq!(a.stats().foreign_frees, 0);
    a.check_invariants();
}

#[test]
fn live_counters() {
    let a = Allocator::new();
    let p = a.alloc(10);
    let q = a.alloc(100);
    let r = a.alloc(1000);
    assert_eq!(a.live_blocks(), 3);
    assert_eq!(a.live_bytes(), 1110);
    assert_eq!(a.small_live_blocks(), 2);
    // SAFETY: allocated above.
    unsafe {
        a.free(p, 10);
        a.free(q, 100);
        a.free(r, 1000);
    }
    assert_eq!(a.live_blocks(), 0);
    assert_eq!(a.live_bytes(), 0);
}

#[test]
fn stats_table() {
    let a = Allocator::new();
    let ps = fill(&a, 0, 3);
    let qs = fill(&a, 31, 40);
    let s = a.stats();
    assert_eq!(
        s.classes[0],
        ClassStats {
            pools: 1,
            blocks_in_use: 3,
            avail_blocks: blocks_per_pool(0) - 3
        }
    );
    assert_eq!(
        s.classes[31],
        ClassStats {
            pools: 2,
            blocks_in_use: 40,
            avail_blocks: 62 - 40
        }
    );
    assert_eq!(s.arenas_current, 1);
    assert_eq!(s.unused_pools, 61);
    let text = s.debug_malloc_stats();
    let expected_head = "Small block threshold = 512, in 32 size classes.\n\
                         \n\
                         class   size   num pools   blocks in use  avail blocks\n\
                         -----   ----   ---------   -------------  ------------\n\
                         \x20   0     16           1               3          1018\n\
                         \x20  31    512           2              40            22\n\
                         \n\
                         # arenas allocated total           =                    1\n\
                         # arenas reclaimed                 =                    0\n\
                         # arenas highwater mark            =                    1\n\
                         # arenas allocated current         =                    1\n\
                         1 arenas * 1048576 bytes/arena     =            1,048,576\n\
                         \n";
    assert!(text.starts_with(expected_head), "{text}");
    // The breakdown adds up to the arena bytes.
    assert!(
        text.ends_with("Total                              =            1,048,576\n"),
        "{text}"
    );
    let total = s.allocated_bytes
        + s.available_bytes
        + s.unused_pools * POOL_SIZE
        + s.pool_header_bytes
        + s.quantization_bytes;
    assert_eq!(total, ARENA_SIZE);
    free_all(&a, 0, ps);
    free_all(&a, 31, qs);
}

#[test]
#[cfg_attr(miri, ignore = "leaks an arena on purpose, which Miri reports")]
fn release_with_live_blocks_leaks_the_arenas() {
    let a = Allocator::new();
    let p = a.alloc(24);
    let big = a.alloc(2000);
    let r = a.release();
    assert_eq!(
        r,
        ReleaseReport {
            arenas_freed: 0,
            arenas_leaked: 1,
            small_live_blocks: 1,
            large_live_blocks: 1
        }
    );
    // The leaked arena is still mapped: the block stays usable memory.
    // SAFETY: the arena was deliberately not unmapped; `p` is 24 writable bytes.
    unsafe { ptr::write_bytes(p, 7, 24) };
    // The large block is ordinary system memory; give it back.
    // SAFETY: allocated by the allocator's large path as `system_alloc(Layout(2000, 16))`.
    unsafe { system_free(big, Layout::from_size_align(2000, 16).unwrap()) };
}

#[test]
fn release_without_live_blocks_unmaps_everything() {
    let a = Allocator::new();
    let p = a.alloc(24);
    // SAFETY: allocated above.
    unsafe { a.free(p, 24) };
    assert_eq!(
        a.release(),
        ReleaseReport {
            arenas_freed: 1,
            ..Default::default()
        }
    );
}

#[test]
fn drop_is_release() {
    // Dropping with no live blocks unmaps (checked by Miri's leak detector).
    let a = Allocator::new();
    let ps = fill(&a, 7, 100);
    free_all(&a, 7, ps);
    drop(a);
}

#[test]
#[cfg(debug_assertions)]
#[cfg_attr(miri, ignore = "the panic leaves the arena leaked, which Miri reports")]
#[should_panic(expected = "free with a size of another class")]
fn debug_build_catches_wrong_size() {
    let a = Allocator::new();
    let p = a.alloc(24);
    let _keep = a.alloc(24);
    // SAFETY: deliberately wrong size; the debug assertion fires before anything is
    // modified.
    unsafe { a.free(p, 200) };
}

#[test]
fn oballoc_vec_uses_the_current_allocator() {
    use crate::local::{install, ObAlloc};
    use allocator_api2::vec::Vec as AVec;
    let g = install();
    let before = g.allocator().small_live_blocks();
    {
        let mut v: AVec<u64, ObAlloc> = AVec::new_in(ObAlloc);
        for i in 0..10 {
            v.push(i);
        }
        // One item array, from the pools (80 bytes).
        assert_eq!(g.allocator().small_live_blocks(), before + 1);
        assert!(g.allocator().owns_small(v.as_ptr() as *const u8));
        v.truncate(1);
        v.shrink_to_fit();
        assert_eq!(v[0], 0);
        v.shrink_to(0);
        v.clear();
        v.shrink_to_fit();
        assert_eq!(g.allocator().small_live_blocks(), before);
        // Large arrays go to the system allocator and come back.
        let big: AVec<u64, ObAlloc> = AVec::with_capacity_in(1000, ObAlloc);
        assert!(!g.allocator().owns_small(big.as_ptr() as *const u8));
    }
    assert_eq!(g.allocator().small_live_blocks(), before);
    // With no allocator installed, the system allocator serves.
    drop(g);
    let mut v: AVec<u8, ObAlloc> = AVec::new_in(ObAlloc);
    v.extend_from_slice(b"abc");
    assert_eq!(&v[..], b"abc");
}
