//! Property tests: long random alloc/free sequences driven by a tiny deterministic PRNG
//! (xorshift64*), checked against a model of the live blocks. Each failure prints the seed
//! and the step, so it can be replayed.

use pyglass_alloc::{
    blocks_per_pool, size_class, system_alloc, Allocator, ARENA_SIZE, NB_SMALL_SIZE_CLASSES,
};
use std::alloc::Layout;
use std::collections::BTreeMap;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

#[derive(Clone, Copy)]
struct Live {
    layout: Layout,
    /// Allocated through `system_alloc` (a "foreign" block the allocator must forward).
    foreign: bool,
    tag: u8,
}

/// The model: live blocks by address.
struct Model {
    /// Keyed by address; the pointer (with its provenance) is kept alongside.
    live: BTreeMap<usize, (*mut u8, Live)>,
    small_blocks: usize,
    bytes: usize,
}

impl Model {
    fn new() -> Model {
        Model {
            live: BTreeMap::new(),
            small_blocks: 0,
            bytes: 0,
        }
    }

    /// Record a new block and check it overlaps no live block.
    fn add(&mut self, p: *mut u8, l: Live, seed: u64, step: usize) {
        let start = p as usize;
        let end = start + l.layout.size().max(1);
        if let Some((&s, (_, prev))) = self.live.range(..=start).next_back() {
            assert!(
                s + prev.layout.size().max(1) <= start,
                "seed {seed} step {step}: {start:#x} overlaps live block at {s:#x}"
            );
        }
        if let Some((&s, _)) = self.live.range(start..).next() {
            assert!(
                end <= s,
                "seed {seed} step {step}: {start:#x}..{end:#x} overlaps live block at {s:#x}"
            );
        }
        // Fill with the tag so corruption by another block shows up at free time.
        // SAFETY: `p` is a fresh allocation of `l.layout.size()` bytes.
        unsafe { std::ptr::write_bytes(p, l.tag, l.layout.size()) };
        if !l.foreign {
            if size_class(l.layout.size(), l.layout.align()).is_some() {
                self.small_blocks += 1;
            }
            self.bytes += l.layout.size();
        }
        self.live.insert(start, (p, l));
    }

    fn remove(&mut self, p: *mut u8, seed: u64, step: usize) -> Live {
        let addr = p as usize;
        let (_, l) = self.live.remove(&addr).unwrap();
        // SAFETY: the block is live and was filled with its tag.
        let bytes = unsafe { std::slice::from_raw_parts(p, l.layout.size()) };
        assert!(
            bytes.iter().all(|&b| b == l.tag),
            "seed {seed} step {step}: block {addr:#x} was overwritten"
        );
        if !l.foreign {
            if size_class(l.layout.size(), l.layout.align()).is_some() {
                self.small_blocks -= 1;
            }
            self.bytes -= l.layout.size();
        }
        l
    }
}

fn random_layout(rng: &mut Rng) -> Layout {
    let size = match rng.below(20) {
        0 => 513 + rng.below(3000) as usize, // large
        1 => rng.below(16) as usize,         // tiny, including 0
        _ => 1 + rng.below(512) as usize,    // every size class
    };
    let align = match rng.below(50) {
        0 => 64,
        1 => 32,
        2 => 8,
        _ => 16,
    };
    Layout::from_size_align(size, align).unwrap()
}

fn check_stats(a: &Allocator, m: &Model, seed: u64, step: usize) {
    a.check_invariants();
    let s = a.stats();
    let in_use: usize = s.classes.iter().map(|c| c.blocks_in_use).sum();
    assert_eq!(
        in_use, m.small_blocks,
        "seed {seed} step {step}: blocks in use"
    );
    assert_eq!(
        s.small_live_blocks, m.small_blocks,
        "seed {seed} step {step}"
    );
    assert_eq!(
        a.live_bytes(),
        m.bytes,
        "seed {seed} step {step}: live bytes"
    );
    for (i, c) in s.classes.iter().enumerate() {
        assert_eq!(
            c.blocks_in_use + c.avail_blocks,
            c.pools * blocks_per_pool(i),
            "seed {seed} class {i}"
        );
    }
    let accounted = s.allocated_bytes
        + s.available_bytes
        + s.unused_pools * 16384
        + s.pool_header_bytes
        + s.quantization_bytes;
    assert_eq!(
        accounted,
        s.arenas_current * ARENA_SIZE,
        "seed {seed} step {step}: arena bytes"
    );
    assert!(s.arenas_current as u64 == s.arenas_allocated_total - s.arenas_reclaimed);
    assert!(s.arenas_highwater >= s.arenas_current);
}

/// One random run: phases of mostly-alloc and mostly-free so arenas fill and drain.
/// Returns (arena high-water mark, arenas reclaimed).
fn run(seed: u64, steps: usize, check_every: usize) -> (usize, u64) {
    let a = Allocator::new();
    let mut rng = Rng(seed | 1);
    let mut m = Model::new();
    let mut addrs: Vec<*mut u8> = Vec::new();
    let mut foreign_frees = 0u64;
    for step in 0..steps {
        // Alternate growth and shrink phases of ~steps/8 each.
        let growing = (step / (steps / 8).max(1)).is_multiple_of(2);
        let alloc = addrs.is_empty() || rng.below(100) < if growing { 85 } else { 20 };
        if alloc {
            let layout = random_layout(&mut rng);
            let foreign = rng.below(40) == 0 && layout.size() > 0;
            let p = if foreign {
                // SAFETY: non-zero size.
                unsafe { system_alloc(layout) }
            } else {
                a.alloc_layout(layout)
            };
            assert!(!p.is_null());
            assert_eq!(
                p as usize % layout.align().max(16),
                0,
                "seed {seed} step {step}: alignment"
            );
            if !foreign && size_class(layout.size(), layout.align()).is_some() {
                assert!(a.owns_small(p));
            } else {
                assert!(
                    !a.owns_small(p),
                    "seed {seed} step {step}: large/foreign block in an arena"
                );
            }
            m.add(
                p,
                Live {
                    layout,
                    foreign,
                    tag: (rng.next() as u8) | 1,
                },
                seed,
                step,
            );
            addrs.push(p);
        } else {
            let i = rng.below(addrs.len() as u64) as usize;
            let addr = addrs.swap_remove(i);
            let l = m.remove(addr, seed, step);
            if l.foreign {
                foreign_frees += 1;
            }
            // SAFETY: `addr` is live memory allocated with `l.layout`, by `a` or by
            // `system_alloc`; it is not used again.
            unsafe { a.free_layout(addr, l.layout) };
        }
        if step % check_every == 0 {
            check_stats(&a, &m, seed, step);
        }
    }
    check_stats(&a, &m, seed, steps);
    let before_drain = a.stats();
    // Drain everything: at most one (wholly free) arena survives.
    for addr in addrs.drain(..) {
        let l = m.remove(addr, seed, steps);
        if l.foreign {
            foreign_frees += 1;
        }
        // SAFETY: as above.
        unsafe { a.free_layout(addr, l.layout) };
    }
    check_stats(&a, &m, seed, steps);
    let s = a.stats();
    assert_eq!(s.foreign_frees, foreign_frees);
    assert_eq!(a.live_blocks(), 0);
    assert!(
        s.arenas_current <= 1,
        "seed {seed}: {} arenas left",
        s.arenas_current
    );
    let r = a.release();
    assert_eq!(r.arenas_leaked, 0);
    (before_drain.arenas_highwater, s.arenas_reclaimed)
}

#[test]
fn random_sequences() {
    let (seeds, steps, every) = if cfg!(miri) {
        (2, 600, 150)
    } else {
        (12, 60_000, 997)
    };
    let (mut highwater, mut reclaimed) = (0, 0);
    for seed in 0..seeds {
        let (h, r) = run(0x9E37_79B9 + seed * 7919, steps, every);
        highwater = highwater.max(h);
        reclaimed += r;
    }
    if !cfg!(miri) {
        // The phases are long enough to need several arenas and to release some.
        assert!(highwater >= 2, "high-water mark {highwater}");
        assert!(reclaimed > 0);
    }
}

/// Many blocks of one class at a time, so pools fill up, go full and drain in every class.
#[test]
fn per_class_fill_and_drain() {
    let a = Allocator::new();
    let mut rng = Rng(42);
    let rounds = if cfg!(miri) { 1 } else { 3 };
    for idx in 0..NB_SMALL_SIZE_CLASSES {
        let size = (idx + 1) * 16;
        let n = if cfg!(miri) {
            blocks_per_pool(idx) + 3
        } else {
            5 * blocks_per_pool(idx) + 7
        };
        // LIFO: with the class's only pool kept alive, a freed block comes straight back.
        let (x, y) = (a.alloc(size), a.alloc(size));
        // SAFETY: allocated just above with `size`.
        unsafe { a.free(x, size) };
        assert_eq!(a.alloc(size), x, "class {idx}: LIFO reuse");
        // SAFETY: as above.
        unsafe {
            a.free(x, size);
            a.free(y, size);
        }
        for _ in 0..rounds {
            let mut v: Vec<*mut u8> = (0..n).map(|_| a.alloc(size)).collect();
            let mut sorted = v.clone();
            sorted.sort();
            for w in sorted.windows(2) {
                assert!(
                    w[0] as usize + size <= w[1] as usize,
                    "class {idx}: overlap"
                );
            }
            a.check_invariants();
            // Free half in random order; the freed blocks are reused before fresh space.
            for i in (1..v.len()).rev() {
                v.swap(i, rng.below(i as u64 + 1) as usize);
            }
            let keep = v.split_off(v.len() / 2);
            for &p in &v {
                // SAFETY: allocated above with `size`, freed once.
                unsafe { a.free(p, size) };
            }
            let again = a.alloc(size);
            assert!(
                v.contains(&again),
                "class {idx}: a freed block is reused first"
            );
            // SAFETY: as above.
            unsafe { a.free(again, size) };
            for &p in &keep {
                // SAFETY: as above.
                unsafe { a.free(p, size) };
            }
            a.check_invariants();
        }
    }
    assert_eq!(a.live_blocks(), 0);
    assert!(a.arenas_current() <= 1);
}

/// A working set of many arenas, thinned out at random: arenas drain unevenly, the
/// usable-arena order is exercised with many arenas, and wholly free ones are released.
#[test]
fn many_arenas_thinned_at_random() {
    let a = Allocator::new();
    let mut rng = Rng(7);
    let (n, rounds) = if cfg!(miri) { (3_000, 1) } else { (40_000, 3) };
    let mut live: Vec<(*mut u8, usize)> = Vec::new();
    for round in 0..rounds {
        for _ in 0..n {
            let size = 1 + rng.below(512) as usize;
            live.push((a.alloc(size), size));
        }
        a.check_invariants();
        // Free a random 85%.
        let mut kept = Vec::new();
        for (p, size) in live.drain(..) {
            if rng.below(100) < 85 {
                // SAFETY: allocated above with `size`, freed once.
                unsafe { a.free(p, size) };
            } else {
                kept.push((p, size));
            }
        }
        live = kept;
        a.check_invariants();
        let s = a.stats();
        assert_eq!(s.small_live_blocks, live.len(), "round {round}");
    }
    let s = a.stats();
    if !cfg!(miri) {
        assert!(
            s.arenas_highwater >= 5,
            "high-water mark {}",
            s.arenas_highwater
        );
    }
    for (p, size) in live.drain(..) {
        // SAFETY: as above.
        unsafe { a.free(p, size) };
    }
    a.check_invariants();
    let s = a.stats();
    assert!(s.arenas_current <= 1);
    assert_eq!(
        s.arenas_reclaimed,
        s.arenas_allocated_total - s.arenas_current as u64
    );
}
