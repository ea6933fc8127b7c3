//! The tracing hooks (`pyglass_alloc::trace`). Every test runs on its own thread, so the
//! per-thread flag and hook start off.

use pyglass_alloc::local;
use pyglass_alloc::trace::{self, Event, TracingSystem};
use std::alloc::{GlobalAlloc, Layout};
use std::cell::RefCell;

thread_local! {
    static SEEN: RefCell<Vec<Event>> = const { RefCell::new(Vec::new()) };
}

/// Records the events; its own allocations (the Vec growing) must not come back to it.
fn record(e: Event) {
    assert!(!trace::active(), "hook re-entered");
    SEEN.with(|s| s.borrow_mut().push(e));
    // Allocate inside the hook on purpose.
    let v: Vec<u64> = Vec::with_capacity(8);
    drop(v);
}

fn take() -> Vec<Event> {
    SEEN.with(|s| std::mem::take(&mut *s.borrow_mut()))
}

fn l(size: usize) -> Layout {
    Layout::from_size_align(size, 16).unwrap()
}

#[test]
fn off_by_default_and_nothing_reported() {
    assert!(!trace::active());
    assert!(trace::hook().is_none());
    // SAFETY: non-zero size; freed once with the same layout.
    unsafe {
        let p = local::alloc(l(48));
        local::free(p, l(48));
    }
    assert!(take().is_empty());
}

#[test]
fn object_memory_is_reported_with_requested_sizes() {
    let _g = local::install();
    trace::set_hook(Some(record));
    assert!(trace::active());
    // SAFETY: non-zero sizes; each freed once with its layout.
    let (a, b) = unsafe { (local::alloc(l(40)), local::alloc(l(4000))) };
    unsafe {
        local::free(a, l(40));
        local::free(b, l(4000));
    }
    trace::set_hook(None);
    assert_eq!(
        take(),
        vec![
            Event::Alloc {
                ptr: a as usize,
                size: 40
            },
            Event::Alloc {
                ptr: b as usize,
                size: 4000
            },
            Event::Free { ptr: a as usize },
            Event::Free { ptr: b as usize },
        ]
    );
    assert!(!trace::active());
}

#[test]
fn suspend_hides_and_restores() {
    trace::set_hook(Some(record));
    {
        let _s = trace::suspend();
        assert!(!trace::active());
        // SAFETY: non-zero size, freed once.
        unsafe { local::free(local::alloc(l(16)), l(16)) };
    }
    assert!(trace::active());
    trace::set_hook(None);
    assert!(take().is_empty());
}

#[test]
fn global_allocator_wrapper_reports_realloc_as_free_then_alloc() {
    trace::set_hook(Some(record));
    let a = TracingSystem;
    // SAFETY: GlobalAlloc contract: non-zero sizes, matching layouts.
    let (p, q) = unsafe {
        let p = a.alloc(l(64));
        let q = a.realloc(p, l(64), 100_000);
        a.dealloc(q, Layout::from_size_align(100_000, 16).unwrap());
        (p, q)
    };
    trace::set_hook(None);
    assert_eq!(
        take(),
        vec![
            Event::Alloc {
                ptr: p as usize,
                size: 64
            },
            Event::Free { ptr: p as usize },
            Event::Alloc {
                ptr: q as usize,
                size: 100_000
            },
            Event::Free { ptr: q as usize },
        ]
    );
}
