//! The thread-local routing layer (`pyglass_alloc::local`). Every test runs on its own
//! thread, so each starts with no allocator installed.

use pyglass_alloc::{local, system_alloc, system_free, ReleaseReport};
use std::alloc::Layout;

fn l(size: usize) -> Layout {
    Layout::from_size_align(size, 16).unwrap()
}

#[test]
fn without_an_allocator_the_system_is_used() {
    assert!(!local::is_installed());
    assert!(local::current_stats().is_none());
    // SAFETY: non-zero size; freed once with the same layout.
    unsafe {
        let p = local::alloc(l(40));
        assert!(!p.is_null());
        local::free(p, l(40));
    }
}

#[test]
fn install_routes_to_the_allocator_and_forwards_older_memory() {
    // SAFETY: non-zero size.
    let before = unsafe { local::alloc(l(64)) }; // system memory
    let g = local::install();
    assert!(local::is_installed());
    // SAFETY: as above.
    let mine = unsafe { local::alloc(l(64)) };
    assert!(g.allocator().owns_small(mine));
    assert!(!g.allocator().owns_small(before));
    // SAFETY: both live, freed once with their layouts.
    unsafe {
        local::free(before, l(64)); // forwarded to the system allocator
        local::free(mine, l(64));
    }
    let s = local::current_stats().unwrap();
    assert_eq!(s.foreign_frees, 1);
    assert_eq!(s.small_live_blocks, 0);
    // id([]) == id([]): free then allocate the same class gives the same address.
    // SAFETY: as above.
    unsafe {
        let a = local::alloc(l(56));
        local::free(a, l(56));
        let b = local::alloc(l(50));
        assert_eq!(a, b);
        local::free(b, l(50));
    }
    drop(g);
    assert!(!local::is_installed());
    assert_eq!(local::retired_count(), 0);
}

#[test]
fn guard_dropped_with_live_blocks_retires_the_allocator() {
    let g = local::install();
    // SAFETY: non-zero sizes.
    let (p, big) = unsafe { (local::alloc(l(24)), local::alloc(l(4000))) };
    drop(g);
    assert!(!local::is_installed());
    assert_eq!(local::retired_count(), 1);
    assert_eq!(
        local::last_retirement(),
        Some(ReleaseReport {
            arenas_freed: 0,
            arenas_leaked: 1,
            small_live_blocks: 1,
            large_live_blocks: 1
        })
    );
    // The block is still good memory, and freeing it reaches the retired allocator,
    // which then has no live small block and is destroyed.
    // SAFETY: `p` is live (its arena was kept), 24 bytes.
    unsafe {
        std::ptr::write_bytes(p, 1, 24);
        local::free(p, l(24));
    }
    assert_eq!(local::retired_count(), 0);
    // The large block is system memory and still valid.
    // SAFETY: live, allocated with this layout.
    unsafe { local::free(big, l(4000)) };
}

#[test]
fn guards_dropped_out_of_order() {
    let g1 = local::install();
    // SAFETY: non-zero size.
    let p1 = unsafe { local::alloc(l(32)) };
    let g2 = local::install();
    // SAFETY: non-zero size.
    let p2 = unsafe { local::alloc(l(32)) };
    assert!(g1.allocator().owns_small(p1));
    assert!(g2.allocator().owns_small(p2));
    // An outer allocator's block freed while an inner one is current.
    // SAFETY: live, freed once.
    unsafe { local::free(p1, l(32)) };
    assert_eq!(g1.allocator().live_blocks(), 0);
    // SAFETY: non-zero size.
    let p1 = unsafe { local::alloc(l(32)) }; // from g2 now
    assert!(g2.allocator().owns_small(p1));
    drop(g1); // not the innermost: g2 stays current
    assert!(local::is_installed());
    assert_eq!(local::retired_count(), 0, "g1 had no live block");
    // SAFETY: non-zero size.
    let p3 = unsafe { local::alloc(l(200)) };
    assert!(g2.allocator().owns_small(p3));
    drop(g2); // retired: p1, p2, p3 live
    assert_eq!(local::retired_count(), 1);
    let g3 = local::install();
    // SAFETY: all live, freed once; they reach the retired allocator through the slow path.
    unsafe {
        local::free(p1, l(32));
        local::free(p2, l(32));
        assert_eq!(local::retired_count(), 1);
        local::free(p3, l(200));
    }
    assert_eq!(local::retired_count(), 0);
    assert_eq!(g3.allocator().stats().foreign_frees, 0);
    drop(g3);
}

#[test]
fn ensure_installed_is_lazy_and_idempotent() {
    assert!(!local::is_installed());
    local::ensure_installed();
    assert!(local::is_installed());
    // SAFETY: non-zero size.
    let p = unsafe { local::alloc(l(100)) };
    local::ensure_installed();
    assert_eq!(local::current_live(), Some((1, 100)));
    // SAFETY: live, freed once.
    unsafe { local::free(p, l(100)) };
    assert_eq!(local::current_live(), Some((0, 0)));
}

#[test]
fn explicit_guard_prevents_lazy_install() {
    let g = local::install();
    local::ensure_installed();
    // SAFETY: non-zero size.
    let p = unsafe { local::alloc(l(16)) };
    assert!(
        g.allocator().owns_small(p),
        "ensure_installed did not stack another allocator"
    );
    // SAFETY: live, freed once.
    unsafe { local::free(p, l(16)) };
}

#[test]
fn threads_have_their_own_allocators() {
    let handles: Vec<_> = (0..3)
        .map(|i| {
            std::thread::spawn(move || {
                local::ensure_installed();
                let mut v = Vec::new();
                for k in 0..200 {
                    let size = 16 + (k * 7 + i) % 400;
                    // SAFETY: non-zero size.
                    v.push((unsafe { local::alloc(l(size)) }, size));
                }
                let s = local::current_stats().unwrap();
                assert_eq!(s.small_live_blocks, 200);
                for (p, size) in v {
                    // SAFETY: live, freed once.
                    unsafe { local::free(p, l(size)) };
                }
                // A system block from before is still forwarded correctly.
                // SAFETY: non-zero size; freed once.
                unsafe {
                    let f = system_alloc(l(48));
                    local::free(f, l(48));
                }
                local::current_live().unwrap()
            })
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), (0, 0));
    }
}

#[test]
fn system_memory_freed_without_allocator() {
    // SAFETY: non-zero size; freed once.
    unsafe {
        let f = system_alloc(l(700));
        system_free(f, l(700));
    }
}
