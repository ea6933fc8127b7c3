//! A fixed loop of one churn pattern of `benches/churn.rs`, for instruction and cache-miss
//! counts under valgrind, which are not disturbed by other load on the machine:
//!
//! ```text
//! cargo build --release -p pyglass-alloc --example churn_loop
//! valgrind --tool=callgrind --cache-sim=yes --toggle-collect='churn_loop::run*' \
//!     target/release/examples/churn_loop pyglass pair 100
//! ```
//!
//! Arguments: `pyglass` or `system`, the pattern (`pair`, `pair_empty_pools`, `window`,
//! `burst`), and the number of iterations of 4096 allocate+free pairs (default 100). As in
//! the bench, one block of every class stays live for `pair`, `window` and `burst`. Set-up
//! (those blocks, the ring of `window`, one warm-up iteration) runs outside the `run_*`
//! functions, so `--toggle-collect` counts the measured iterations only.

use pyglass_alloc::Allocator;

#[path = "../benches/common/mod.rs"]
mod common;

use common::{burst, pair, sizes, window, Heap, Sys, OPS};

#[inline(never)]
fn run_pair<H: Heap>(h: &H, sizes: &[usize], n: usize) {
    for _ in 0..n {
        pair(h, sizes);
    }
}

#[inline(never)]
fn run_window<H: Heap>(h: &H, sizes: &[usize], ring: &mut [(*mut u8, usize)], n: usize) {
    for _ in 0..n {
        window(h, sizes, ring);
    }
}

#[inline(never)]
fn run_burst<H: Heap>(h: &H, sizes: &[usize], live: &mut Vec<*mut u8>, n: usize) {
    for _ in 0..n {
        burst(h, sizes, live);
    }
}

fn go<H: Heap>(h: &H, pattern: &str, n: usize) {
    let sizes = sizes();
    if pattern == "pair_empty_pools" {
        pair(h, &sizes);
        run_pair(h, &sizes, n);
        return;
    }
    // As in the bench: one block of every class stays live for the other patterns.
    let keep: Vec<(*mut u8, usize)> = (1..=32).map(|c| (h.alloc(c * 16), c * 16)).collect();
    match pattern {
        "pair" => {
            pair(h, &sizes);
            run_pair(h, &sizes, n);
        }
        "window" => {
            let mut ring: Vec<(*mut u8, usize)> =
                sizes[..1024].iter().map(|&s| (h.alloc(s), s)).collect();
            window(h, &sizes, &mut ring);
            run_window(h, &sizes, &mut ring, n);
            for &(p, s) in &ring {
                // SAFETY: live blocks of the ring.
                unsafe { h.free(p, s) };
            }
        }
        "burst" => {
            let mut live = Vec::with_capacity(OPS);
            burst(h, &sizes, &mut live);
            run_burst(h, &sizes, &mut live, n);
        }
        _ => panic!("unknown pattern {pattern}"),
    }
    for &(p, s) in &keep {
        // SAFETY: live blocks kept for the patterns.
        unsafe { h.free(p, s) };
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let heap = args.get(1).map(String::as_str).unwrap_or("pyglass");
    let pattern = args.get(2).map(String::as_str).unwrap_or("pair");
    let n: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(100);
    let t = std::time::Instant::now();
    match heap {
        "pyglass" => go(&Allocator::new(), pattern, n),
        "system" => go(&Sys, pattern, n),
        _ => panic!("unknown heap {heap}"),
    }
    let dt = t.elapsed();
    eprintln!(
        "{heap} {pattern}: {:.2} ns per pair ({n} x {OPS})",
        dt.as_nanos() as f64 / (n * OPS) as f64
    );
}
