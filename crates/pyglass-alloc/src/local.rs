//! The thread's current allocator: how a runtime routes its object allocations to the
//! allocator of the interpreter running on this thread without any process-global state.
//!
//! - [`install`] creates an [`Allocator`], makes it the thread's current one and returns an
//!   [`AllocatorGuard`] that owns it. Guards nest; dropping one (in any order) makes the
//!   innermost remaining one current again, or none.
//! - [`alloc`] uses the current allocator, or the system allocator when there is none.
//! - [`free`] gives a block back to whichever of the thread's allocators owns it (the
//!   current one first: one hash probe), or to the system allocator when none does — so
//!   memory allocated before an allocator was installed is released correctly.
//! - A guard dropped while small blocks of its allocator are still live does not destroy
//!   the allocator: its arenas must stay mapped while anything may refer to them. The
//!   allocator is *retired* instead (kept on a per-thread list, its arenas counted as
//!   leaked in [`last_retirement`]); frees of its blocks still reach it, and once its last
//!   small block is freed it is destroyed and its arenas go back to the OS.
//! - [`ensure_installed`] lazily installs a per-thread allocator owned by a thread-local;
//!   it is dropped (or retired) when the thread exits.
//!
//! All of this is per thread: the lists are thread-locals, the guard is `!Send`, and an
//! allocator is only ever used by the thread that installed it.

use crate::{os, trace, Allocator, ReleaseReport, Stats};
use std::alloc::Layout;
use std::cell::{Cell, RefCell};
use std::marker::PhantomData;
use std::ptr;

/// An installed allocator, on this thread's `STACK` or `RETIRED` list.
struct Node {
    alloc: Allocator,
    next: *mut Node,
}

thread_local! {
    /// The innermost installed allocator (`STACK`'s head), or null: the one `alloc` uses.
    static CURRENT: Cell<*const Allocator> = const { Cell::new(ptr::null()) };
    /// Installed allocators, innermost first, linked through `Node::next`. Each node is
    /// owned by a live `AllocatorGuard`.
    static STACK: Cell<*mut Node> = const { Cell::new(ptr::null_mut()) };
    /// Retired allocators (guard dropped with live blocks), linked through `Node::next`;
    /// owned by this list.
    static RETIRED: Cell<*mut Node> = const { Cell::new(ptr::null_mut()) };
    /// What the last retirement left behind.
    static LAST_RETIREMENT: Cell<Option<ReleaseReport>> = const { Cell::new(None) };
    /// The allocator installed by `ensure_installed`, dropped at thread exit.
    static LAZY: RefCell<Option<AllocatorGuard>> = const { RefCell::new(None) };
}

// Invariants of this module's unsafe code:
// (L1) Every node on STACK or RETIRED is a live `Box<Node>` leaked with `Box::into_raw`,
//      on exactly one list, and only reached from the thread that created it.
// (L2) CURRENT is null or `&(*STACK.head).alloc`.
// (L3) No `&Allocator` obtained from a node outlives the function call that made it, and
//      no user code runs while one exists (so no guard can be dropped under it).

/// Owns an installed allocator; dropping it uninstalls the allocator (see the module docs).
/// Not `Send`: it must be dropped on the thread that installed it.
pub struct AllocatorGuard {
    node: *mut Node,
    _not_send: PhantomData<*const ()>,
}

/// Install a new allocator as this thread's current one.
pub fn install() -> AllocatorGuard {
    let node = Box::into_raw(Box::new(Node {
        alloc: Allocator::new(),
        next: STACK.get(),
    }));
    STACK.set(node);
    // SAFETY: `node` was just created from a Box and is live (L1).
    CURRENT.set(unsafe { &(*node).alloc });
    AllocatorGuard {
        node,
        _not_send: PhantomData,
    }
}

impl AllocatorGuard {
    /// The allocator this guard owns.
    pub fn allocator(&self) -> &Allocator {
        // SAFETY: the node stays on STACK, alive, as long as the guard exists (L1); the
        // returned reference borrows the guard, so it cannot outlive it.
        unsafe { &(*self.node).alloc }
    }
}

impl Drop for AllocatorGuard {
    fn drop(&mut self) {
        // Unlink our node from STACK, wherever it is (guards may be dropped out of order).
        let mut link: *mut *mut Node = ptr::null_mut();
        let mut cur = STACK.get();
        while !cur.is_null() && cur != self.node {
            link = cur_next_ptr(cur);
            // SAFETY: nodes on STACK are live (L1).
            cur = unsafe { (*cur).next };
        }
        assert!(
            !cur.is_null(),
            "AllocatorGuard dropped on a thread that did not install it"
        );
        // SAFETY: `self.node` is live and on STACK (found above); `link` is null (it is the
        // head) or the `next` field of the live node before it.
        unsafe {
            let next = (*self.node).next;
            if link.is_null() {
                STACK.set(next);
            } else {
                *link = next;
            }
            (*self.node).next = ptr::null_mut();
        }
        let head = STACK.get();
        // SAFETY: `head` is null or a live node on STACK (L1); this restores (L2).
        CURRENT.set(if head.is_null() {
            ptr::null()
        } else {
            unsafe { &(*head).alloc }
        });
        // SAFETY: the node is off STACK and owned by this guard alone (L1).
        let node = unsafe { Box::from_raw(self.node) };
        if node.alloc.small_live_blocks() == 0 {
            drop(node); // unmaps the arenas
        } else {
            LAST_RETIREMENT.set(Some(ReleaseReport {
                arenas_freed: 0,
                arenas_leaked: node.alloc.arenas_current(),
                small_live_blocks: node.alloc.small_live_blocks(),
                large_live_blocks: node.alloc.live_blocks() - node.alloc.small_live_blocks(),
            }));
            let node = Box::into_raw(node);
            // SAFETY: `node` is live and on no list; it joins RETIRED (L1).
            unsafe { (*node).next = RETIRED.get() };
            RETIRED.set(node);
        }
    }
}

fn cur_next_ptr(n: *mut Node) -> *mut *mut Node {
    // SAFETY: `n` is a live node (callers walk the lists, L1); this only computes the field
    // address.
    unsafe { ptr::addr_of_mut!((*n).next) }
}

/// Allocate `layout` from the current allocator, or from the system allocator when none is
/// installed. Null when memory is exhausted.
///
/// # Safety
/// `layout.size()` must be non-zero when no allocator is installed (allocators accept 0).
#[inline(always)]
pub unsafe fn alloc(layout: Layout) -> *mut u8 {
    if trace::active() {
        // SAFETY: forwarded contract.
        return unsafe { alloc_traced(layout) };
    }
    // SAFETY: forwarded contract.
    unsafe { alloc_untraced(layout) }
}

/// [`alloc`] while tracing is on: the allocator's own bookkeeping (which may use the
/// global allocator) is not reported, the block is.
#[cold]
#[inline(never)]
unsafe fn alloc_traced(layout: Layout) -> *mut u8 {
    let p = {
        let _g = trace::suspend();
        // SAFETY: forwarded contract.
        unsafe { alloc_untraced(layout) }
    };
    if !p.is_null() {
        trace::emit(&[trace::Event::Alloc {
            ptr: p as usize,
            size: layout.size(),
        }]);
    }
    p
}

#[inline(always)]
unsafe fn alloc_untraced(layout: Layout) -> *mut u8 {
    let cur = CURRENT.get();
    if cur.is_null() {
        // SAFETY: the caller guarantees a non-zero size here.
        unsafe { os::system_alloc(layout) }
    } else {
        // SAFETY: (L2) a non-null CURRENT points into a live node; (L3) the reference ends
        // with this call, which runs no user code.
        unsafe { (*cur).alloc_layout(layout) }
    }
}

/// Free `p`, allocated with `layout` by [`alloc`] (under any allocator installed on this
/// thread, or none): the owning allocator takes it back, or the system allocator when no
/// allocator of this thread owns it.
///
/// # Safety
/// `p` must be live memory from [`alloc`] with this `layout` on this thread (or from
/// `system_alloc(layout)`), and must not be used afterwards.
#[inline(always)]
pub unsafe fn free(p: *mut u8, layout: Layout) {
    if trace::active() {
        // SAFETY: forwarded contract.
        return unsafe { free_traced(p, layout) };
    }
    // SAFETY: forwarded contract.
    unsafe { free_untraced(p, layout) }
}

/// [`free`] while tracing is on (see [`alloc_traced`]).
#[cold]
#[inline(never)]
unsafe fn free_traced(p: *mut u8, layout: Layout) {
    trace::emit(&[trace::Event::Free { ptr: p as usize }]);
    let _g = trace::suspend();
    // SAFETY: forwarded contract.
    unsafe { free_untraced(p, layout) }
}

#[inline(always)]
unsafe fn free_untraced(p: *mut u8, layout: Layout) {
    let cur = CURRENT.get();
    // SAFETY: (L2)/(L3) as in `alloc`; the caller's contract is `free_if_owned`'s.
    if !cur.is_null() && unsafe { (*cur).free_if_owned(p, layout) } {
        return;
    }
    // SAFETY: forwarded contract.
    unsafe { free_slow(p, layout, cur) }
}

/// `p` is not the current allocator's: try the outer installed ones and the retired ones,
/// then the system.
#[cold]
#[inline(never)]
unsafe fn free_slow(p: *mut u8, layout: Layout, cur: *const Allocator) {
    let mut n = STACK.get();
    while !n.is_null() {
        // SAFETY: STACK nodes are live (L1); (L3).
        let a = unsafe { &(*n).alloc };
        // SAFETY: the caller's contract.
        if !ptr::eq(a, cur) && unsafe { a.free_if_owned(p, layout) } {
            return;
        }
        // SAFETY: as above.
        n = unsafe { (*n).next };
    }
    let mut link: *mut *mut Node = ptr::null_mut();
    let mut n = RETIRED.get();
    while !n.is_null() {
        // SAFETY: RETIRED nodes are live (L1); (L3).
        let a = unsafe { &(*n).alloc };
        // SAFETY: the caller's contract.
        if unsafe { a.free_if_owned(p, layout) } {
            if a.small_live_blocks() == 0 {
                // Its last small block: nothing can refer to its arenas any more.
                // SAFETY: `n` is live and on RETIRED; `link` is null (head) or the `next`
                // field of the live node before it. After unlinking, the list no longer
                // owns it, so rebuilding the Box is the only owner (L1).
                unsafe {
                    let next = (*n).next;
                    if link.is_null() {
                        RETIRED.set(next);
                    } else {
                        *link = next;
                    }
                    drop(Box::from_raw(n));
                }
            }
            return;
        }
        link = cur_next_ptr(n);
        // SAFETY: as above.
        n = unsafe { (*n).next };
    }
    if cur.is_null() {
        // SAFETY: nobody on this thread owns `p`, so by the contract it is system memory.
        unsafe { os::system_free(p, layout) }
    } else {
        // SAFETY: (L2)/(L3); `free_layout` forwards foreign memory to the system (and
        // counts it).
        unsafe { (*cur).free_layout(p, layout) }
    }
}

/// Install a per-thread allocator (owned by a thread-local and dropped, or retired, when
/// the thread exits) unless some allocator is already installed on this thread.
#[inline]
pub fn ensure_installed() {
    if !CURRENT.get().is_null() {
        return;
    }
    install_lazy();
}

#[cold]
fn install_lazy() {
    // During thread-local destruction the slot may be gone: then stay on the system
    // allocator.
    let _ = LAZY.try_with(|slot| {
        if let Ok(mut s) = slot.try_borrow_mut() {
            if s.is_none() {
                *s = Some(install());
            }
        }
    });
}

/// Whether an allocator is installed on this thread.
pub fn is_installed() -> bool {
    !CURRENT.get().is_null()
}

/// Statistics of the current allocator.
pub fn current_stats() -> Option<Stats> {
    let cur = CURRENT.get();
    // SAFETY: (L2)/(L3).
    (!cur.is_null()).then(|| unsafe { (*cur).stats() })
}

/// `(live blocks, live bytes)` of the current allocator.
pub fn current_live() -> Option<(usize, usize)> {
    let cur = CURRENT.get();
    // SAFETY: (L2)/(L3).
    (!cur.is_null()).then(|| unsafe { ((*cur).live_blocks(), (*cur).live_bytes()) })
}

/// Allocators retired on this thread and still holding live blocks.
pub fn retired_count() -> usize {
    let mut k = 0;
    let mut n = RETIRED.get();
    while !n.is_null() {
        k += 1;
        // SAFETY: RETIRED nodes are live (L1).
        n = unsafe { (*n).next };
    }
    k
}

/// What the last guard dropped with live blocks on this thread left behind (its arenas,
/// kept mapped, are `arenas_leaked`).
pub fn last_retirement() -> Option<ReleaseReport> {
    LAST_RETIREMENT.get()
}

/// [`alloc`]/[`free`] as an `allocator_api2` allocator, for item arrays that should come
/// from the interpreter's small-object allocator the way CPython's `PyMem_Malloc` domain
/// does (a list's item array: `Vec<PyRef, ObAlloc>`). A zero-sized type: which allocator
/// serves a request is decided per call, by the thread's current allocator.
///
/// Like every block from [`alloc`], an array must be freed on the thread that allocated it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ObAlloc;

// SAFETY: `allocate` returns a fresh block of at least `layout.size()` bytes aligned to
// `layout.align()` (the current allocator's or the system's) or an error; `deallocate`
// returns a block to whichever of this thread's allocators owns it (`free`), which is
// valid for any block `allocate` handed out on this thread with the same layout. The
// type is a ZST, so every copy of it can free every other copy's blocks, as required.
unsafe impl allocator_api2::alloc::Allocator for ObAlloc {
    #[inline]
    fn allocate(&self, layout: Layout) -> Result<ptr::NonNull<[u8]>, allocator_api2::alloc::AllocError> {
        if layout.size() == 0 {
            return Ok(dangling(layout));
        }
        // SAFETY: the size is non-zero, as `alloc` requires when no allocator is installed.
        let p = unsafe { alloc(layout) };
        match ptr::NonNull::new(p) {
            Some(p) => Ok(ptr::NonNull::slice_from_raw_parts(p, layout.size())),
            None => Err(allocator_api2::alloc::AllocError),
        }
    }

    #[inline]
    unsafe fn deallocate(&self, p: ptr::NonNull<u8>, layout: Layout) {
        if layout.size() != 0 {
            // SAFETY: the trait's contract: `p` came from `allocate(layout)` on this thread
            // (a non-zero size, so from `alloc`) and is not used again.
            unsafe { free(p.as_ptr(), layout) }
        }
    }

    /// Shrinking to nothing (a list popped empty, as CPython's `list_resize(0)`) frees
    /// the block; the trait's default would allocate an empty block and copy into it.
    #[inline]
    unsafe fn shrink(&self, p: ptr::NonNull<u8>, old: Layout, new: Layout) -> Result<ptr::NonNull<[u8]>, allocator_api2::alloc::AllocError> {
        if new.size() == 0 {
            // SAFETY: the trait's contract: `p` is a live block of `old` from this
            // allocator, not used after a successful shrink.
            unsafe { self.deallocate(p, old) };
            return Ok(dangling(new));
        }
        let q = self.allocate(new)?;
        // SAFETY: `q` is a fresh block of at least `new.size()` bytes, which is at most
        // `old.size()` (the trait's contract), and does not overlap the live block `p`;
        // `p` is then released as the trait expects of a successful shrink.
        unsafe {
            ptr::copy_nonoverlapping(p.as_ptr(), q.as_ptr() as *mut u8, new.size());
            self.deallocate(p, old);
        }
        Ok(q)
    }
}

/// An empty block for a zero-sized request: a dangling pointer with the layout's
/// alignment and no provenance (never dereferenced, never freed).
#[inline(always)]
fn dangling(layout: Layout) -> ptr::NonNull<[u8]> {
    // An alignment is a power of two, so never 0.
    let align = std::num::NonZeroUsize::new(layout.align()).unwrap_or(std::num::NonZeroUsize::MIN);
    ptr::NonNull::slice_from_raw_parts(ptr::NonNull::without_provenance(align), 0)
}
