//! pyglass-alloc: a small-object allocator in the design of CPython's `Objects/obmalloc.c`
//! ("pymalloc"), written from scratch for pyglass. See `docs/allocator.md` for the full
//! design; in short:
//!
//! - Requests of at most [`SMALL_REQUEST_THRESHOLD`] (512) bytes with alignment at most
//!   [`ALIGNMENT`] (16) fall into 32 size classes 16 bytes apart: class `(size - 1) / 16`
//!   (size 0 counts as 1), block size `16 * (class + 1)`.
//! - Blocks are carved from 16 KiB pools; a pool serves one class at a time and starts with
//!   a [`POOL_OVERHEAD`]-byte header. Pools are carved from 1 MiB arenas aligned to 1 MiB, so
//!   `ptr & !(POOL_SIZE - 1)` is a block's pool header and `ptr >> 20` names its arena.
//! - `usedpools[class]` lists the partially used pools of each class; a pool's free blocks
//!   form a LIFO list, so freeing a block and allocating the same class again returns the
//!   same address. Blocks are carved from the top of a pool down.
//! - The free-list head and count of each class's current pool (the head of its
//!   `usedpools` list) are kept in the allocator state (`hot`), not in the pool header, so
//!   an allocation, or a free of a block of the current pool, touches only the state and
//!   the block: pool headers, all 16 KiB-aligned, compete for the same few L1 cache sets.
//! - A pool that empties while it is the only pool on its class's list stays there as the
//!   class's spare (at most one per class), so the next allocation reuses it with no
//!   arena bookkeeping; other emptied pools go back to their arena.
//! - New pools come from the most-used arena that still has room (`usable_arenas`, kept
//!   sorted by number of free pools), so lightly used arenas drain and can be released; an
//!   arena whose pools are all free or empty spares goes back to the OS, except the one
//!   most recently freed (one free arena is kept, CPython's anti-thrashing idea,
//!   bpo-37257).
//! - Everything else goes to `std::alloc::System`. A free of memory that is not in one of
//!   this allocator's arenas is recognised through the arena map (a hash set of arena
//!   numbers; no memory is read) and forwarded to `System`.
//!
//! An [`Allocator`] is single-threaded (`!Send`, `!Sync`) and holds no global state: each
//! interpreter owns its own.
//!
//! # Unsafe code invariants
//! 1. Arena memory is owned by exactly one `Allocator`, is `ARENA_SIZE` bytes aligned to
//!    `ARENA_SIZE`, and its number is in `State::arena_map` exactly while it is mapped.
//! 2. Pool `k` of an arena (`k < ncarved`) starts with an initialised `PoolHeader` whose
//!    `arenaindex` is the arena's slot; pools at `k >= ncarved` have never been touched.
//! 3. A pool with `count > 0` has `szidx < 32`; its blocks are `class_size(szidx)` bytes at
//!    offsets `POOL_OVERHEAD + i * size` (`i < blocks_per_pool(szidx)`), carved from the
//!    top down: blocks at or above `lowoffset` are either handed out or on the pool's free
//!    list (linked through their first word), blocks below it were never handed out.
//! 4. A pool is on `usedpools[szidx]` iff it has a free block (`freeblock != null`) and
//!    `0 < count` or it is `spare[szidx]`; it is on its arena's `freepools` list iff
//!    `count == 0` and it is not a spare; a full pool (`freeblock == null`) is on no list.
//!    (4a) `spare[c]` is null or a carved pool of class `c` in a live arena; each arena's
//!    `nspare` counts its spares; an arena whose pools are all free or empty spares is
//!    `kept_free`.
//!    (4b) `usedpools[c]` is class `c`'s *current pool*. `hot[c].freeblock` is null iff
//!    `usedpools[c]` is null; otherwise `hot[c].freeblock` and `hot[c].count` are the
//!    current pool's true free-list head and count, its header's `freeblock` and `count`
//!    may be stale and are read only after `flush_class`, and `hot[c].arenaindex` equals
//!    its header's. Every change of `usedpools[c]` writes the cache back to the old head
//!    and loads it from the new one (`unlink_used`, `push_used`).
//! 5. `usable_arenas` holds the live arenas with `0 < nfreepools`, sorted by `nfreepools`
//!    ascending; `nfp2lasta[n]` is the last arena on it with `nfreepools == n`, or NONE.
//! 6. The `State` is only reached through `Allocator::with_state`, which is never entered
//!    twice at once (nothing inside calls back into the `Allocator`; the global allocator it
//!    may call for its own tables must not route to an `Allocator`).

#![deny(unsafe_op_in_unsafe_fn)]
#![warn(missing_docs)]

pub mod local;
mod os;
mod set;
mod stats;
pub mod trace;

pub use stats::{ClassStats, Stats};

use set::AddrSet;
use std::alloc::Layout;
use std::cell::UnsafeCell;
use std::marker::PhantomData;
use std::ptr::{self, NonNull};

/// Alignment of every small block, and the spacing of the size classes.
pub const ALIGNMENT: usize = 16;
const ALIGNMENT_SHIFT: u32 = ALIGNMENT.trailing_zeros();
/// Requests up to this many bytes are served from pools.
pub const SMALL_REQUEST_THRESHOLD: usize = 512;
/// Number of size classes.
pub const NB_SMALL_SIZE_CLASSES: usize = SMALL_REQUEST_THRESHOLD / ALIGNMENT;
/// Bytes per pool.
pub const POOL_SIZE: usize = 16 * 1024;
/// Bytes per arena; arenas are aligned to this.
pub const ARENA_SIZE: usize = 1024 * 1024;
const ARENA_BITS: u32 = ARENA_SIZE.trailing_zeros();
/// Pools per arena (all usable, since arenas are aligned).
pub const POOLS_PER_ARENA: usize = ARENA_SIZE / POOL_SIZE;
/// Bytes at the start of each pool taken by its header.
pub const POOL_OVERHEAD: usize = round_up(std::mem::size_of::<PoolHeader>(), ALIGNMENT);

const NONE: u32 = u32::MAX;

/// Debug builds write these into the cached fields of a current pool's header
/// (invariant 4b) so that reading them while stale is caught.
#[cfg(debug_assertions)]
const POISON_ADDR: usize = 0xDEAD_0000;
#[cfg(debug_assertions)]
const POISON_COUNT: u32 = 0xDEAD_0000;

const fn round_up(n: usize, to: usize) -> usize {
    (n + to - 1) & !(to - 1)
}

/// `layout` with a zero size raised to 1 (the system allocator needs a non-zero size).
#[inline]
fn nonzero(layout: Layout) -> Layout {
    if layout.size() == 0 {
        // 1 <= any alignment, and `align` is already a valid power of two.
        Layout::from_size_align(1, layout.align()).unwrap_or(layout)
    } else {
        layout
    }
}

/// Block size of size class `idx`.
pub const fn class_size(idx: usize) -> usize {
    (idx + 1) << ALIGNMENT_SHIFT
}

/// Size class of a request of `size` bytes with alignment `align`, or `None` when it goes
/// to the system allocator.
#[inline(always)]
pub const fn size_class(size: usize, align: usize) -> Option<usize> {
    if size <= SMALL_REQUEST_THRESHOLD && align <= ALIGNMENT {
        Some(size.saturating_sub(1) >> ALIGNMENT_SHIFT)
    } else {
        None
    }
}

/// Blocks of class `idx` that fit in one pool.
pub const fn blocks_per_pool(idx: usize) -> usize {
    (POOL_SIZE - POOL_OVERHEAD) / class_size(idx)
}

/// Allocate `layout` from the system allocator (what an [`Allocator`] does for large
/// requests and what a runtime without an installed allocator should use, so that
/// [`Allocator::free_layout`] can forward such memory back). Null when it fails.
///
/// # Safety
/// `layout.size()` must be non-zero.
#[inline]
pub unsafe fn system_alloc(layout: Layout) -> *mut u8 {
    // SAFETY: the caller guarantees a non-zero size.
    unsafe { os::system_alloc(layout) }
}

/// Release memory from [`system_alloc`].
///
/// # Safety
/// `ptr` must come from `system_alloc(layout)` (or be a large/foreign block an `Allocator`
/// forwarded there) and not have been released.
#[inline]
pub unsafe fn system_free(ptr: *mut u8, layout: Layout) {
    // SAFETY: guaranteed by the caller.
    unsafe { os::system_free(ptr, layout) }
}

/// Where arenas come from in this build: `"mmap"` or `"system"`.
pub const ARENA_SOURCE: &str = os::SOURCE;

/// The header at the start of every pool (invariants 2-4).
#[repr(C)]
struct PoolHeader {
    /// Blocks handed out.
    count: u32,
    /// Size class served (meaningful once the pool has been initialised for a class).
    szidx: u32,
    /// First free block (its first word links to the next), or null when the pool is full.
    freeblock: *mut u8,
    /// Links on `usedpools[szidx]` (doubly linked) or the arena's `freepools` (next only).
    nextpool: *mut PoolHeader,
    prevpool: *mut PoolHeader,
    /// Slot of the owning arena in `State::arenas`.
    arenaindex: u32,
    /// Offset of the lowest block handed out so far. Blocks are carved from the top of the
    /// pool down (the next never-used block is at `lowoffset - size` when that is at least
    /// `POOL_OVERHEAD`), so that the first block of a fresh pool, which a class with few
    /// live blocks keeps reusing, lies at an offset that depends on the class: carved from
    /// the bottom, it would be at offset 48 in every pool, and with pools 16 KiB-aligned
    /// those blocks would all compete for one L1 cache set.
    lowoffset: u32,
}

/// Offset of the highest block of class `idx` in a pool (the first one carved).
const fn top_offset(idx: usize) -> usize {
    POOL_OVERHEAD + (blocks_per_pool(idx) - 1) * class_size(idx)
}

/// Bookkeeping for one arena (CPython's `struct arena_object`); lives outside the arena.
struct ArenaObject {
    /// Base address (with provenance), or `None` when the slot is unused.
    base: Option<NonNull<u8>>,
    /// Pools carved so far: `0..ncarved` have headers, the rest were never touched.
    ncarved: u32,
    /// Empty pools: those on `freepools` plus the never-carved ones.
    nfreepools: u32,
    /// Carved pools that are empty now, linked through `nextpool`.
    freepools: *mut PoolHeader,
    /// Pools of this arena that are some class's spare (`State::spare`), empty or not.
    /// An empty spare is not counted in `nfreepools` nor on `freepools`.
    nspare: u32,
    /// `usable_arenas` links (for unused slots `next` links the unused-slot list).
    next: u32,
    prev: u32,
}

/// The fields of a class's current pool that every allocation and free of the class uses,
/// kept in the allocator state instead of the pool header (invariant 4b). All pool headers
/// sit at 16 KiB-aligned addresses, so they compete for the same few L1 sets; these
/// entries are contiguous (16 bytes each, 512 bytes in all).
#[derive(Clone, Copy)]
#[repr(C)]
struct Hot {
    /// First free block of the current pool; null iff the class has no current pool.
    freeblock: *mut u8,
    /// Blocks of the current pool handed out.
    count: u32,
    /// The current pool's arena slot (a copy of the header's `arenaindex`).
    arenaindex: u32,
}

impl Hot {
    const NONE: Hot = Hot {
        freeblock: ptr::null_mut(),
        count: 0,
        arenaindex: NONE,
    };
}

/// `Hot` entries by size class, aligned so that four share each cache line.
#[repr(C, align(64))]
struct HotPools([Hot; NB_SMALL_SIZE_CLASSES]);

/// Running counters (everything else in [`Stats`] is computed by walking the arenas).
#[derive(Default)]
struct Counters {
    arenas_allocated_total: u64,
    arenas_reclaimed: u64,
    arenas_current: usize,
    arenas_highwater: usize,
    small_live_blocks: usize,
    small_live_bytes: usize,
    large_live_blocks: usize,
    large_live_bytes: usize,
    large_allocs_total: u64,
    foreign_frees: u64,
}

struct State {
    /// The hot fields of each class's current pool (the head of `usedpools[class]`):
    /// allocation and, for blocks of the current pool, release use these and leave the
    /// pool header alone (invariant 4b).
    hot: HotPools,
    /// Head of each class's list of partially used pools (null: none): the class's
    /// current pool.
    usedpools: [*mut PoolHeader; NB_SMALL_SIZE_CLASSES],
    /// Each class's spare (null: none): a pool of that class that stays on
    /// `usedpools[class]` when it becomes empty, instead of going back to its arena, so
    /// that freeing its last block and allocating again costs no more than in a busy pool.
    /// A pool becomes the spare when it empties while it is the only pool on its class's
    /// list; it stays the spare (empty, partly used or full) until another pool of the
    /// class takes its place that way, or its arena is released.
    spare: [*mut PoolHeader; NB_SMALL_SIZE_CLASSES],
    /// The one arena allowed to be "free" (every pool free or an empty spare), or NONE:
    /// any other arena that becomes free is released (with its spares).
    kept_free: u32,
    arenas: Vec<ArenaObject>,
    /// Head of the list of unused `arenas` slots.
    unused_arena_objects: u32,
    /// Head of the usable-arena list (fewest free pools first).
    usable_arenas: u32,
    /// `nfp2lasta[n]`: last arena on `usable_arenas` with `n` free pools.
    nfp2lasta: [u32; POOLS_PER_ARENA + 1],
    /// Arena numbers (`base >> ARENA_BITS`) of the live arenas.
    arena_map: AddrSet,
    /// Addresses of the live large allocations.
    large: AddrSet,
    c: Counters,
}

/// What happened to an allocator's memory when it was released (see
/// [`Allocator::release`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReleaseReport {
    /// Arenas returned to the OS.
    pub arenas_freed: usize,
    /// Arenas deliberately leaked because blocks in them were still live.
    pub arenas_leaked: usize,
    /// Small blocks still live at release.
    pub small_live_blocks: usize,
    /// Large (system) allocations still live at release; they stay valid system memory.
    pub large_live_blocks: usize,
}

/// A pymalloc-style allocator. Single-threaded: it is neither `Send` nor `Sync`, and all
/// methods take `&self` (the state sits in an `UnsafeCell`), so it can be reached through a
/// shared or raw pointer from a thread-local without creating aliasing `&mut`s.
pub struct Allocator {
    state: UnsafeCell<State>,
    #[cfg(debug_assertions)]
    busy: std::cell::Cell<bool>,
    _not_send_sync: PhantomData<*mut u8>,
}

impl Default for Allocator {
    fn default() -> Self {
        Allocator::new()
    }
}

impl Allocator {
    /// An allocator with no arenas yet (the first small request maps one).
    pub fn new() -> Allocator {
        Allocator {
            state: UnsafeCell::new(State {
                hot: HotPools([Hot::NONE; NB_SMALL_SIZE_CLASSES]),
                usedpools: [ptr::null_mut(); NB_SMALL_SIZE_CLASSES],
                spare: [ptr::null_mut(); NB_SMALL_SIZE_CLASSES],
                kept_free: NONE,
                arenas: Vec::new(),
                unused_arena_objects: NONE,
                usable_arenas: NONE,
                nfp2lasta: [NONE; POOLS_PER_ARENA + 1],
                arena_map: AddrSet::new(),
                large: AddrSet::new(),
                c: Counters::default(),
            }),
            #[cfg(debug_assertions)]
            busy: std::cell::Cell::new(false),
            _not_send_sync: PhantomData,
        }
    }

    #[inline(always)]
    fn with_state<R>(&self, f: impl FnOnce(&mut State) -> R) -> R {
        #[cfg(debug_assertions)]
        assert!(
            !self.busy.replace(true),
            "pyglass_alloc::Allocator used re-entrantly"
        );
        // SAFETY: invariant 6. `Allocator` is `!Sync`, so only the current thread reaches
        // this `UnsafeCell`, and `with_state` is never nested (the closures passed to it
        // never call back into the `Allocator`), so this is the only live reference to the
        // state. Debug builds check the non-nesting with `busy`.
        let r = f(unsafe { &mut *self.state.get() });
        #[cfg(debug_assertions)]
        self.busy.set(false);
        r
    }

    /// Allocate `size` bytes aligned to 16. Null when memory is exhausted.
    #[inline]
    pub fn alloc(&self, size: usize) -> *mut u8 {
        // 16 is a valid power-of-two alignment; only an overflowing size can fail.
        match Layout::from_size_align(size.max(1), ALIGNMENT) {
            Ok(l) => self.alloc_layout(l),
            Err(_) => ptr::null_mut(),
        }
    }

    /// Allocate `layout`: small requests (<= 512 bytes, align <= 16) from pools, the rest
    /// from the system allocator. Null when memory is exhausted. A zero size is allowed
    /// (served as class 0).
    #[inline(always)]
    pub fn alloc_layout(&self, layout: Layout) -> *mut u8 {
        match size_class(layout.size(), layout.align()) {
            Some(idx) => self.with_state(|st| {
                // SAFETY: `idx < NB_SMALL_SIZE_CLASSES` by construction of `size_class`.
                let p = unsafe { st.alloc_small(idx) };
                if !p.is_null() {
                    st.c.small_live_blocks += 1;
                    st.c.small_live_bytes += layout.size();
                }
                p
            }),
            None => self.with_state(|st| st.alloc_large(layout)),
        }
    }

    /// Release `size` bytes at `ptr` (from [`alloc`](Self::alloc)), or forward `ptr` to the
    /// system allocator when it is not this allocator's.
    ///
    /// # Safety
    /// As for [`free_layout`](Self::free_layout) with `Layout(size.max(1), 16)`.
    #[inline]
    pub unsafe fn free(&self, ptr: *mut u8, size: usize) {
        if let Ok(l) = Layout::from_size_align(size.max(1), ALIGNMENT) {
            // SAFETY: forwarded contract.
            unsafe { self.free_layout(ptr, l) }
        }
    }

    /// Release `ptr`, allocated with `layout` either by this allocator or by the system
    /// allocator ([`system_alloc`]); memory that is not in this allocator's arenas is
    /// forwarded to the system allocator (and counted as a foreign free when it is not one
    /// of this allocator's large blocks).
    ///
    /// # Safety
    /// `ptr` must be live memory from `self.alloc_layout(layout)` or from
    /// `system_alloc(layout)` (the same layout), and must not be used afterwards.
    #[inline]
    pub unsafe fn free_layout(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded contract.
        if !unsafe { self.free_if_owned(ptr, layout) } {
            // SAFETY: not ours, so by the contract it came from `system_alloc(layout)`.
            unsafe { self.free_foreign(ptr, layout) }
        }
    }

    /// # Safety
    /// `ptr` is live memory from `system_alloc(layout)`, not used afterwards.
    #[cold]
    #[inline(never)]
    unsafe fn free_foreign(&self, ptr: *mut u8, layout: Layout) {
        self.with_state(|st| st.c.foreign_frees += 1);
        // SAFETY: forwarded contract.
        unsafe { os::system_free(ptr, layout) }
    }

    /// Release `ptr` if this allocator handed it out (a block in one of its arenas, or one
    /// of its live large allocations) and return true; otherwise touch nothing and return
    /// false, leaving the caller to find the owner.
    ///
    /// # Safety
    /// `ptr` must be live memory allocated with `layout` by some allocator; if it is this
    /// allocator's, it must not be used afterwards.
    #[inline(always)]
    pub unsafe fn free_if_owned(&self, ptr: *mut u8, layout: Layout) -> bool {
        match size_class(layout.size(), layout.align()) {
            Some(idx) => self.with_state(|st| {
                // SAFETY: forwarded contract; the request of `layout.size()` bytes is of
                // class `idx`.
                if !unsafe { st.free_small(ptr, idx) } {
                    return false;
                }
                st.c.small_live_blocks -= 1;
                st.c.small_live_bytes -= layout.size();
                true
            }),
            // SAFETY: forwarded contract.
            None => self.with_state(|st| unsafe { st.free_large_if_owned(ptr, layout) }),
        }
    }

    /// Whether `ptr` lies in one of this allocator's arenas (CPython's `address_in_range`).
    /// Reads no memory, so it is safe for any address.
    #[inline]
    pub fn owns_small(&self, ptr: *const u8) -> bool {
        self.with_state(|st| st.arena_map.contains((ptr as usize) >> ARENA_BITS))
    }

    /// Whether `ptr` was handed out by this allocator and not yet freed as a large block,
    /// or lies in one of its arenas.
    pub fn owns(&self, ptr: *const u8) -> bool {
        self.with_state(|st| {
            st.arena_map.contains((ptr as usize) >> ARENA_BITS) || st.large.contains(ptr as usize)
        })
    }

    /// Blocks (small and large) handed out and not yet freed.
    pub fn live_blocks(&self) -> usize {
        self.with_state(|st| st.c.small_live_blocks + st.c.large_live_blocks)
    }

    /// Requested bytes (small and large) handed out and not yet freed.
    pub fn live_bytes(&self) -> usize {
        self.with_state(|st| st.c.small_live_bytes + st.c.large_live_bytes)
    }

    /// Small blocks handed out and not yet freed (these pin arenas).
    pub fn small_live_blocks(&self) -> usize {
        self.with_state(|st| st.c.small_live_blocks)
    }

    /// Arenas currently mapped.
    pub fn arenas_current(&self) -> usize {
        self.with_state(|st| st.c.arenas_current)
    }

    /// A snapshot of the statistics (walks every arena: O(pools)).
    pub fn stats(&self) -> Stats {
        self.with_state(|st| st.stats())
    }

    /// The `sys._debugmallocstats()` report (see [`Stats::debug_malloc_stats`]).
    pub fn debug_malloc_stats(&self) -> String {
        self.stats().debug_malloc_stats()
    }

    /// Check every structural invariant (lists, counts, sort order, map); panics with a
    /// description on the first violation. O(pools + blocks); for tests and debugging.
    pub fn check_invariants(&self) {
        self.with_state(|st| st.check())
    }

    /// Release the allocator. If no small block is live, every arena goes back to the OS;
    /// otherwise the arenas are deliberately leaked (never unmapped, since live blocks may
    /// still be referenced) and counted in the report. Large allocations are system memory
    /// and stay valid either way. Dropping an `Allocator` does the same without a report.
    pub fn release(mut self) -> ReleaseReport {
        // The destructor runs `release_arenas` again; it finds no arena left and does nothing.
        self.release_arenas()
    }

    fn release_arenas(&mut self) -> ReleaseReport {
        let st = self.state.get_mut();
        let mut r = ReleaseReport {
            small_live_blocks: st.c.small_live_blocks,
            large_live_blocks: st.c.large_live_blocks,
            ..Default::default()
        };
        for a in st.arenas.iter_mut() {
            let Some(base) = a.base.take() else { continue };
            if st.c.small_live_blocks == 0 {
                // SAFETY: the arena is ours (invariant 1) and no block in it is live, so
                // nothing refers to its memory any more; `take` above makes this the only
                // release.
                unsafe { os::arena_free(base) };
                r.arenas_freed += 1;
            } else {
                r.arenas_leaked += 1;
            }
        }
        st.c.arenas_current = 0;
        r
    }
}

impl Drop for Allocator {
    fn drop(&mut self) {
        self.release_arenas();
    }
}

impl State {
    /// Pop a block of class `idx`; null only when a new arena cannot be mapped.
    ///
    /// # Safety
    /// `idx < NB_SMALL_SIZE_CLASSES`.
    #[inline(always)]
    unsafe fn alloc_small(&mut self, idx: usize) -> *mut u8 {
        let h = &mut self.hot.0[idx];
        let bp = h.freeblock;
        if bp.is_null() {
            return self.alloc_from_new_pool(idx);
        }
        // SAFETY: invariant 4b: `bp` is the first free block of class `idx`'s current pool
        // (invariant 4: it has one), so its first word is a valid free-list link.
        let next = unsafe { *(bp as *mut *mut u8) };
        h.freeblock = next;
        h.count += 1;
        if next.is_null() {
            // SAFETY: the current pool's free list just ran dry.
            unsafe { self.extend_or_unlink(idx) };
        }
        bp
    }

    /// The free list of class `idx`'s current pool just ran dry: hand it a never-used
    /// block if one fits, otherwise the pool is full and leaves `usedpools`.
    ///
    /// # Safety
    /// `usedpools[idx]` is non-null and `hot[idx].freeblock` is null (its free list is
    /// empty).
    #[cold]
    #[inline(never)]
    unsafe fn extend_or_unlink(&mut self, idx: usize) {
        let pool = self.usedpools[idx];
        // SAFETY: `pool` is a live header of class `idx` (invariant 4). Invariant 3:
        // `lowoffset >= POOL_OVERHEAD + size` means a whole never-used block lies at
        // `pool + lowoffset - size`, above the header; writing its link word is in bounds
        // and touches no live block. (`lowoffset` is not cached: the header's is current.)
        unsafe {
            let size = class_size(idx) as u32;
            let low = (*pool).lowoffset;
            if low >= POOL_OVERHEAD as u32 + size {
                let off = low - size;
                let b = (pool as *mut u8).add(off as usize);
                (*pool).lowoffset = off;
                *(b as *mut *mut u8) = ptr::null_mut();
                self.hot.0[idx].freeblock = b;
            } else {
                self.unlink_used(pool);
            }
        }
    }

    /// Write class `idx`'s cached fields back to its current pool's header, which then
    /// holds the true values (just before the pool stops being the current pool).
    #[inline]
    fn flush_class(&mut self, idx: usize) {
        let pool = self.usedpools[idx];
        if !pool.is_null() {
            let h = self.hot.0[idx];
            // SAFETY: the head of usedpools is a live header of ours (invariant 4); only
            // its cached fields are written, with their current values (invariant 4b).
            unsafe {
                (*pool).freeblock = h.freeblock;
                (*pool).count = h.count;
            }
        }
    }

    /// Fill class `idx`'s cache from its current pool's header (after the head changed;
    /// the header of a pool that was not the head is current).
    #[inline]
    fn load_class(&mut self, idx: usize) {
        let pool = self.usedpools[idx];
        self.hot.0[idx] = if pool.is_null() {
            Hot::NONE
        } else {
            // SAFETY: the head of usedpools is a live header of ours (invariant 4) that
            // was not cached until now, so its fields are current.
            unsafe {
                let h = Hot {
                    freeblock: (*pool).freeblock,
                    count: (*pool).count,
                    arenaindex: (*pool).arenaindex,
                };
                // Debug builds poison the header's cached fields, so that a read of them
                // while they are stale fails loudly instead of being wrong quietly.
                #[cfg(debug_assertions)]
                {
                    (*pool).freeblock = ptr::without_provenance_mut(POISON_ADDR);
                    (*pool).count = POISON_COUNT;
                }
                h
            }
        };
    }

    /// Free-list head and count of a carved pool of ours, from the cache when it is its
    /// class's current pool (invariant 4b).
    ///
    /// # Safety
    /// `pool` is a carved header of one of our live arenas.
    unsafe fn pool_state(&self, pool: *const PoolHeader) -> (*mut u8, u32) {
        // SAFETY: caller (invariant 2).
        let idx = unsafe { (*pool).szidx } as usize;
        if idx < NB_SMALL_SIZE_CLASSES && ptr::eq(self.usedpools[idx], pool) {
            let h = &self.hot.0[idx];
            (h.freeblock, h.count)
        } else {
            // SAFETY: caller; not a current pool, so the header is current (invariant 4b).
            unsafe { ((*pool).freeblock, (*pool).count) }
        }
    }

    /// # Safety
    /// `pool` is on `usedpools[(*pool).szidx]`.
    unsafe fn unlink_used(&mut self, pool: *mut PoolHeader) {
        // SAFETY: the neighbours on a usedpools list are live pool headers (invariant 4).
        unsafe {
            let next = (*pool).nextpool;
            let prev = (*pool).prevpool;
            if prev.is_null() {
                // The class's current pool changes (invariant 4b): write the old one's
                // cached fields back, then cache the new head's.
                let idx = (*pool).szidx as usize;
                self.flush_class(idx);
                self.usedpools[idx] = next;
                self.load_class(idx);
            } else {
                (*prev).nextpool = next;
            }
            if !next.is_null() {
                (*next).prevpool = prev;
            }
            (*pool).nextpool = ptr::null_mut();
            (*pool).prevpool = ptr::null_mut();
        }
    }

    /// # Safety
    /// `pool` is live with `count > 0` and on no list.
    unsafe fn push_used(&mut self, pool: *mut PoolHeader) {
        // SAFETY: `pool` and the current head (if any) are live pool headers (invariant 4).
        unsafe {
            let idx = (*pool).szidx as usize;
            // `pool` becomes the class's current pool (invariant 4b): write the old one's
            // cached fields back, then cache the new one's.
            self.flush_class(idx);
            let head = self.usedpools[idx];
            (*pool).nextpool = head;
            (*pool).prevpool = ptr::null_mut();
            if !head.is_null() {
                (*head).prevpool = pool;
            }
            self.usedpools[idx] = pool;
            self.load_class(idx);
        }
    }

    /// No partially used pool of class `idx` (and so no spare): take an empty pool from the
    /// most-used usable arena (mapping a new arena if there is none) and start serving
    /// `idx` from it.
    #[cold]
    #[inline(never)]
    fn alloc_from_new_pool(&mut self, idx: usize) -> *mut u8 {
        if self.usable_arenas == NONE {
            let Some(ai) = self.new_arena() else {
                return ptr::null_mut();
            };
            self.usable_arenas = ai;
            let a = &mut self.arenas[ai as usize];
            a.next = NONE;
            a.prev = NONE;
            self.nfp2lasta[a.nfreepools as usize] = ai;
        }
        let ai = self.usable_arenas;
        let nf = self.arenas[ai as usize].nfreepools as usize;
        debug_assert!(nf > 0);
        // The head has the fewest free pools; after taking one it has strictly fewer than
        // every other usable arena, so it stays first and becomes the only one with nf - 1.
        if self.nfp2lasta[nf] == ai {
            self.nfp2lasta[nf] = NONE;
        }
        if nf > 1 {
            debug_assert_eq!(self.nfp2lasta[nf - 1], NONE);
            self.nfp2lasta[nf - 1] = ai;
        }
        let a = &mut self.arenas[ai as usize];
        let base = a.base.expect("usable arena is live");
        let pool: *mut PoolHeader;
        if !a.freepools.is_null() {
            pool = a.freepools;
            // SAFETY: pools on an arena's freepools list are carved, initialised headers
            // (invariants 2 and 4).
            a.freepools = unsafe { (*pool).nextpool };
        } else {
            debug_assert!((a.ncarved as usize) < POOLS_PER_ARENA);
            // SAFETY: `ncarved < POOLS_PER_ARENA` (nfreepools > 0 and the free list is
            // empty), so the pool lies inside the arena; it was never touched, and we write
            // a full header before anything reads it (invariant 2).
            unsafe {
                pool = base.as_ptr().add(a.ncarved as usize * POOL_SIZE) as *mut PoolHeader;
                ptr::write(
                    pool,
                    PoolHeader {
                        count: 0,
                        szidx: NONE,
                        freeblock: ptr::null_mut(),
                        nextpool: ptr::null_mut(),
                        prevpool: ptr::null_mut(),
                        arenaindex: ai,
                        lowoffset: 0,
                    },
                );
            }
            a.ncarved += 1;
        }
        a.nfreepools -= 1;
        if a.nfreepools == 0 {
            // Full arena: leave usable_arenas (it is the head).
            let next = a.next;
            a.next = NONE;
            a.prev = NONE;
            self.usable_arenas = next;
            if next != NONE {
                self.arenas[next as usize].prev = NONE;
            }
        }
        // SAFETY: `pool` is an initialised header of an empty pool of our arena, on no list;
        // all block arithmetic stays inside the pool (invariant 3).
        // (Fields are reached through the raw pointer only, never a `&mut PoolHeader`, so
        // the helper calls below cannot invalidate a reference.)
        unsafe {
            (*pool).count = 1;
            let bp;
            if (*pool).szidx == idx as u32 {
                // Last served the same class: its free list is intact (it holds every
                // carved block, at least two), so reuse it LIFO.
                bp = (*pool).freeblock;
                (*pool).freeblock = *(bp as *mut *mut u8);
            } else {
                // Carve the two top blocks (at least 31 fit): hand out the first, put the
                // second on the free list.
                let size = class_size(idx);
                (*pool).szidx = idx as u32;
                bp = (pool as *mut u8).add(top_offset(idx));
                let second = bp.sub(size);
                (*pool).lowoffset = (top_offset(idx) - size) as u32;
                *(second as *mut *mut u8) = ptr::null_mut();
                (*pool).freeblock = second;
            }
            self.push_used(pool);
            if self.hot.0[idx].freeblock.is_null() {
                self.extend_or_unlink(idx);
            }
            bp
        }
    }

    /// Map a new arena and give it a slot; `None` when the OS refuses.
    fn new_arena(&mut self) -> Option<u32> {
        let base = os::arena_alloc()?;
        debug_assert_eq!(base.as_ptr() as usize & (ARENA_SIZE - 1), 0);
        let ai = if self.unused_arena_objects != NONE {
            let ai = self.unused_arena_objects;
            self.unused_arena_objects = self.arenas[ai as usize].next;
            ai
        } else {
            let ai = self.arenas.len();
            if ai >= NONE as usize {
                // SAFETY: `base` came from arena_alloc just now and nothing refers to it.
                unsafe { os::arena_free(base) };
                return None;
            }
            self.arenas.push(ArenaObject {
                base: None,
                ncarved: 0,
                nfreepools: 0,
                freepools: ptr::null_mut(),
                nspare: 0,
                next: NONE,
                prev: NONE,
            });
            ai as u32
        };
        self.arenas[ai as usize] = ArenaObject {
            base: Some(base),
            ncarved: 0,
            nfreepools: POOLS_PER_ARENA as u32,
            freepools: ptr::null_mut(),
            nspare: 0,
            next: NONE,
            prev: NONE,
        };
        let fresh = self
            .arena_map
            .insert((base.as_ptr() as usize) >> ARENA_BITS);
        debug_assert!(fresh);
        self.c.arenas_allocated_total += 1;
        self.c.arenas_current += 1;
        self.c.arenas_highwater = self.c.arenas_highwater.max(self.c.arenas_current);
        Some(ai)
    }

    /// Return `bp` to its pool and return true if it is ours; otherwise touch nothing and
    /// return false.
    ///
    /// # Safety
    /// `bp` is live memory allocated by some allocator for a request of class `idx`; if it
    /// is ours, it is not used afterwards.
    #[inline(always)]
    unsafe fn free_small(&mut self, bp: *mut u8, idx: usize) -> bool {
        let h = &mut self.hot.0[idx];
        // Same 16 KiB pool as the current pool's first free block (a null `freeblock`,
        // no current pool, never matches: arenas lie above address 1 MiB). That pool is
        // ours, so this also answers the ownership test without probing the arena map.
        if (h.freeblock.addr() ^ bp.addr()) < POOL_SIZE {
            // SAFETY: `bp` lies in class `idx`'s current pool, memory no other allocator
            // hands out, so by the caller's contract it is a live block we handed out for
            // class `idx`; its first word can hold the free-list link (16 bytes,
            // 16-aligned, no longer in use).
            unsafe {
                debug_assert_eq!(
                    (*(bp.map_addr(|a| a & !(POOL_SIZE - 1)) as *const PoolHeader)).szidx as usize,
                    idx,
                    "free with a size of another class"
                );
                *(bp as *mut *mut u8) = h.freeblock;
            }
            h.freeblock = bp;
            h.count -= 1;
            if h.count == 0 && !self.current_may_stay_empty(idx) {
                // SAFETY: the current pool of class `idx` just emptied.
                unsafe { self.current_became_empty(idx) };
            }
            return true;
        }
        // SAFETY: forwarded contract; not in the current pool.
        unsafe { self.free_other_if_owned(bp, idx) }
    }

    /// `free_small` for a block that is not in its class's current pool: test ownership
    /// with the arena map, then release through the pool header.
    ///
    /// # Safety
    /// As for `free_small`, and `bp` is not in class `idx`'s current pool.
    #[inline(never)]
    unsafe fn free_other_if_owned(&mut self, bp: *mut u8, idx: usize) -> bool {
        if !self.arena_map.contains(bp.addr() >> ARENA_BITS) {
            return false;
        }
        // SAFETY: `bp` lies in one of our arenas (invariant 1) and is live, so by the
        // caller's contract it is a block we handed out for class `idx`, not in the
        // current pool.
        unsafe { self.free_other(bp, idx) };
        true
    }

    /// Whether class `idx`'s current pool, just emptied, may stay on usedpools with no
    /// further work: it is the spare and (see `spare_may_stay_empty`) its arena is not
    /// free. Reads only the allocator state.
    #[inline(always)]
    fn current_may_stay_empty(&self, idx: usize) -> bool {
        if !ptr::eq(self.spare[idx], self.usedpools[idx]) {
            return false;
        }
        self.spare_arena_stays(self.hot.0[idx].arenaindex)
    }

    /// Whether arena `ai` needs no work when one of its spares empties: it is the kept
    /// arena, or it has a pool in use that is not a spare (so it is not free).
    #[inline(always)]
    fn spare_arena_stays(&self, ai: u32) -> bool {
        if ai == self.kept_free {
            return true;
        }
        let a = &self.arenas[ai as usize];
        ((a.nfreepools + a.nspare) as usize) < POOLS_PER_ARENA
    }

    /// # Safety
    /// Class `idx`'s current pool has just become empty.
    #[cold]
    #[inline(never)]
    unsafe fn current_became_empty(&mut self, idx: usize) {
        // (`pool_became_empty` reads only the header's links, class and arena, which are
        // not cached; if the pool leaves usedpools, `unlink_used` writes the cache back.)
        // SAFETY: the current pool is on usedpools with `count == 0`.
        unsafe { self.pool_became_empty(self.usedpools[idx]) }
    }

    /// Return a block to its pool, which is not its class's current pool, through the
    /// pool header.
    ///
    /// # Safety
    /// `bp` is a live block of class `idx` that we handed out, not in class `idx`'s current
    /// pool; it is not used afterwards.
    #[inline(always)]
    unsafe fn free_other(&mut self, bp: *mut u8, idx: usize) {
        let pool = bp.map_addr(|a| a & !(POOL_SIZE - 1)) as *mut PoolHeader;
        // SAFETY: `bp` is a live block of ours, so its pool header is initialised with
        // `count > 0` (invariants 2-3); the block is at least 16 bytes, 16-aligned, and no
        // longer in use, so its first word can hold the free-list link.
        unsafe {
            debug_assert_eq!(
                (*pool).szidx as usize,
                idx,
                "free with a size of another class"
            );
            let last = (*pool).freeblock;
            *(bp as *mut *mut u8) = last;
            (*pool).freeblock = bp;
            (*pool).count -= 1;
            if last.is_null() {
                self.pool_was_full(pool);
            } else if (*pool).count == 0 && !self.spare_may_stay_empty(pool, idx) {
                self.pool_became_empty(pool);
            }
        }
    }

    /// A block was freed in a full pool (on no list): it has room again (and, with >= 31
    /// blocks per pool, is not empty), so it goes to the front of usedpools, where the next
    /// allocation of this class takes this very block.
    ///
    /// # Safety
    /// `pool` is a live pool of ours with `count > 0`, on no list.
    #[cold]
    #[inline(never)]
    unsafe fn pool_was_full(&mut self, pool: *mut PoolHeader) {
        // SAFETY: forwarded contract.
        unsafe { self.push_used(pool) }
    }

    /// Whether `pool`, just emptied, is its class's spare and can stay on usedpools with no
    /// further work: its arena is the kept one, or has a pool in use that is not a spare
    /// (free pools plus spares do not cover it), so it is not free.
    ///
    /// # Safety
    /// `pool` is a live header of ours for class `idx`.
    #[inline(always)]
    unsafe fn spare_may_stay_empty(&self, pool: *mut PoolHeader, idx: usize) -> bool {
        if !ptr::eq(self.spare[idx], pool) {
            return false;
        }
        // SAFETY: caller.
        self.spare_arena_stays(unsafe { (*pool).arenaindex })
    }

    /// A pool became empty (and `spare_may_stay_empty` did not settle it). The class's spare
    /// stays on usedpools; a pool that is the only one on its class's list becomes the
    /// class's spare (the old spare, which is full, becomes an ordinary pool); any other
    /// pool goes back to its arena, as in CPython. Then, if the arena is now free (every
    /// pool free or an empty spare), it becomes the kept arena, and the previously kept one
    /// is released if it is still free.
    ///
    /// # Safety
    /// `pool` is on `usedpools` with `count == 0`.
    #[cold]
    #[inline(never)]
    unsafe fn pool_became_empty(&mut self, pool: *mut PoolHeader) {
        // SAFETY: `pool` is a live header of ours (invariant 2) and on usedpools (caller).
        let (idx, ai, alone) = unsafe {
            (
                (*pool).szidx as usize,
                (*pool).arenaindex,
                (*pool).nextpool.is_null() && (*pool).prevpool.is_null(),
            )
        };
        if ptr::eq(self.spare[idx], pool) {
            // Stays on usedpools.
        } else if alone {
            // The old spare is on no list (this pool is alone on the list), so it is full.
            let old = std::mem::replace(&mut self.spare[idx], pool);
            self.arenas[ai as usize].nspare += 1;
            if !old.is_null() {
                // SAFETY: spares are live headers of ours (invariant 4a).
                let oai = unsafe {
                    debug_assert!((*old).freeblock.is_null());
                    (*old).arenaindex
                };
                self.arenas[oai as usize].nspare -= 1;
            }
        } else {
            // Other pools of the class have free blocks and serve it, so this one goes
            // back to its arena.
            // SAFETY: on usedpools (caller); then on no list, empty.
            unsafe {
                self.unlink_used(pool);
                self.return_pool(pool, ai);
            }
        }
        if ai != self.kept_free && self.arena_is_free(ai) {
            let kept = std::mem::replace(&mut self.kept_free, ai);
            if kept != NONE && self.arena_is_free(kept) {
                self.release_kept(kept);
            }
        }
    }

    /// Whether every pool of live arena `ai` is free or an empty spare.
    fn arena_is_free(&self, ai: u32) -> bool {
        let a = &self.arenas[ai as usize];
        if ((a.nfreepools + a.nspare) as usize) < POOLS_PER_ARENA {
            return false;
        }
        // SAFETY: spares are live headers of ours (invariant 4a).
        self.spare.iter().all(|&sp| {
            sp.is_null() || unsafe { (*sp).arenaindex != ai || self.pool_state(sp).1 == 0 }
        })
    }

    /// Release arena `ai`, whose pools are all free or spares: drop its spares, take it
    /// off usable_arenas and unmap it.
    fn release_kept(&mut self, ai: u32) {
        for idx in 0..NB_SMALL_SIZE_CLASSES {
            let sp = self.spare[idx];
            // SAFETY: spares are live headers of ours on usedpools (invariant 4a).
            if !sp.is_null() && unsafe { (*sp).arenaindex } == ai {
                self.spare[idx] = ptr::null_mut();
                // SAFETY: as above; the arena is free, so the spare is empty and on
                // usedpools.
                unsafe { self.unlink_used(sp) };
            }
        }
        if self.kept_free == ai {
            self.kept_free = NONE;
        }
        let a = &self.arenas[ai as usize];
        // At most 32 spares, so at least 32 free pools: it is on usable_arenas.
        debug_assert!(a.nfreepools > 0);
        let (nf, next, prev) = (a.nfreepools as usize, a.next, a.prev);
        if self.nfp2lasta[nf] == ai {
            self.nfp2lasta[nf] =
                if prev != NONE && self.arenas[prev as usize].nfreepools as usize == nf {
                    prev
                } else {
                    NONE
                };
        }
        if prev == NONE {
            self.usable_arenas = next;
        } else {
            self.arenas[prev as usize].next = next;
        }
        if next != NONE {
            self.arenas[next as usize].prev = prev;
        }
        self.free_arena(ai);
    }

    /// Put an empty pool on its arena's free pools and fix the arena's place in
    /// `usable_arenas`.
    ///
    /// # Safety
    /// `pool` is a live, carved header of arena `ai` with `count == 0`, on no list.
    unsafe fn return_pool(&mut self, pool: *mut PoolHeader, ai: u32) {
        let a = &mut self.arenas[ai as usize];
        // SAFETY: `pool` is a live header of ours (caller); it joins the arena's freepools
        // (invariant 4).
        unsafe { (*pool).nextpool = a.freepools };
        a.freepools = pool;
        let old_nf = a.nfreepools as usize;
        let lastnf = self.nfp2lasta[old_nf];
        if lastnf == ai {
            // It was the last with old_nf; after it, the last is its predecessor if that
            // one has the same count.
            let p = a.prev;
            self.nfp2lasta[old_nf] =
                if p != NONE && self.arenas[p as usize].nfreepools as usize == old_nf {
                    p
                } else {
                    NONE
                };
        }
        let nf = old_nf + 1;
        let a = &mut self.arenas[ai as usize];
        a.nfreepools = nf as u32;

        // Case 2: it was full, so not on usable_arenas: it has the fewest free pools (1),
        // so it goes first.
        if nf == 1 {
            let head = self.usable_arenas;
            let a = &mut self.arenas[ai as usize];
            a.next = head;
            a.prev = NONE;
            if head != NONE {
                self.arenas[head as usize].prev = ai;
            }
            self.usable_arenas = ai;
            if self.nfp2lasta[1] == NONE {
                self.nfp2lasta[1] = ai;
            }
            return;
        }
        if self.nfp2lasta[nf] == NONE {
            self.nfp2lasta[nf] = ai;
        }
        // Case 4: it was the last with old_nf, so everything after it has >= nf: still sorted.
        if lastnf == ai {
            return;
        }
        // Case 3: move it right after `lastnf` (the old last arena with old_nf free pools),
        // ahead of the arenas with more free pools.
        let (next, prev) = (self.arenas[ai as usize].next, self.arenas[ai as usize].prev);
        debug_assert_ne!(next, NONE);
        if prev == NONE {
            self.usable_arenas = next;
        } else {
            self.arenas[prev as usize].next = next;
        }
        self.arenas[next as usize].prev = prev;
        let after = self.arenas[lastnf as usize].next;
        self.arenas[ai as usize].prev = lastnf;
        self.arenas[ai as usize].next = after;
        if after != NONE {
            self.arenas[after as usize].prev = ai;
        }
        self.arenas[lastnf as usize].next = ai;
    }

    /// Unmap arena `ai` (already off usable_arenas) and recycle its slot.
    fn free_arena(&mut self, ai: u32) {
        let a = &mut self.arenas[ai as usize];
        let base = a.base.take().expect("live arena");
        a.freepools = ptr::null_mut();
        a.ncarved = 0;
        a.nfreepools = 0;
        a.nspare = 0;
        a.prev = NONE;
        a.next = self.unused_arena_objects;
        self.unused_arena_objects = ai;
        let removed = self
            .arena_map
            .remove((base.as_ptr() as usize) >> ARENA_BITS);
        debug_assert!(removed);
        // SAFETY: every pool of the arena is empty, so no block in it is live (invariant 3);
        // it is off every list and out of the map, so nothing reaches it any more.
        unsafe { os::arena_free(base) };
        self.c.arenas_current -= 1;
        self.c.arenas_reclaimed += 1;
    }

    /// # Safety
    /// As for `Allocator::free_if_owned`.
    #[cold]
    #[inline(never)]
    unsafe fn free_large_if_owned(&mut self, ptr: *mut u8, layout: Layout) -> bool {
        if !self.large.remove(ptr as usize) {
            return false;
        }
        self.c.large_live_blocks -= 1;
        self.c.large_live_bytes -= layout.size();
        // SAFETY: the address was one of our live large allocations, which we made with
        // `system_alloc(nonzero(layout))` (the caller passes the allocation's layout).
        unsafe { os::system_free(ptr, nonzero(layout)) };
        true
    }

    #[cold]
    #[inline(never)]
    fn alloc_large(&mut self, layout: Layout) -> *mut u8 {
        // SAFETY: `nonzero` makes the size non-zero.
        let p = unsafe { os::system_alloc(nonzero(layout)) };
        if !p.is_null() {
            self.large.insert(p as usize);
            self.c.large_live_blocks += 1;
            self.c.large_live_bytes += layout.size();
            self.c.large_allocs_total += 1;
        }
        p
    }

    fn live_arenas(&self) -> impl Iterator<Item = (u32, &ArenaObject, NonNull<u8>)> + '_ {
        self.arenas
            .iter()
            .enumerate()
            .filter_map(|(i, a)| a.base.map(|b| (i as u32, a, b)))
    }

    fn stats(&self) -> Stats {
        let mut s = Stats {
            arenas_allocated_total: self.c.arenas_allocated_total,
            arenas_reclaimed: self.c.arenas_reclaimed,
            arenas_highwater: self.c.arenas_highwater,
            arenas_current: self.c.arenas_current,
            small_live_blocks: self.c.small_live_blocks,
            small_live_bytes: self.c.small_live_bytes,
            large_live_blocks: self.c.large_live_blocks,
            large_live_bytes: self.c.large_live_bytes,
            large_allocs_total: self.c.large_allocs_total,
            foreign_frees: self.c.foreign_frees,
            arena_map_bytes: self.arena_map.table_bytes(),
            ..Stats::default()
        };
        for (_, a, base) in self.live_arenas() {
            // Every empty pool, an empty spare included, is "unused" in the report, as in
            // CPython.
            s.unused_pools += POOLS_PER_ARENA - a.ncarved as usize;
            for k in 0..a.ncarved as usize {
                let pool = base.as_ptr().wrapping_add(k * POOL_SIZE) as *const PoolHeader;
                // SAFETY: pools below `ncarved` have initialised headers (invariant 2).
                let (_, count) = unsafe { self.pool_state(pool) };
                if count == 0 {
                    s.unused_pools += 1;
                    continue;
                }
                // SAFETY: as above.
                let idx = unsafe { (*pool).szidx } as usize;
                let c = &mut s.classes[idx];
                c.pools += 1;
                c.blocks_in_use += count as usize;
                c.avail_blocks += blocks_per_pool(idx) - count as usize;
            }
        }
        for (i, c) in s.classes.iter().enumerate() {
            let size = class_size(i);
            s.allocated_bytes += c.blocks_in_use * size;
            s.available_bytes += c.avail_blocks * size;
            s.pool_header_bytes += c.pools * POOL_OVERHEAD;
            s.quantization_bytes += c.pools * ((POOL_SIZE - POOL_OVERHEAD) % size);
        }
        s
    }

    /// Verify invariants 1-5.
    fn check(&self) {
        // The current pools' cached fields (4b).
        for (idx, (&head, h)) in self.usedpools.iter().zip(&self.hot.0).enumerate() {
            if head.is_null() {
                assert!(
                    h.freeblock.is_null(),
                    "class {idx}: cache without a current pool"
                );
                continue;
            }
            // SAFETY: usedpools entries are live headers (invariant 4).
            let p = unsafe { &*head };
            assert!(
                !h.freeblock.is_null(),
                "class {idx}: current pool not cached"
            );
            assert_eq!(
                h.freeblock.addr() & !(POOL_SIZE - 1),
                head.addr(),
                "class {idx}: cached free block outside the current pool"
            );
            assert_eq!(h.arenaindex, p.arenaindex, "class {idx}: cached arenaindex");
            #[cfg(debug_assertions)]
            assert_eq!(
                (p.freeblock.addr(), p.count),
                (POISON_ADDR, POISON_COUNT),
                "class {idx}: cached header fields written while cached"
            );
        }
        // Arena map and arena bookkeeping.
        let live: Vec<_> = self.live_arenas().collect();
        assert_eq!(live.len(), self.c.arenas_current, "arenas_current");
        assert_eq!(self.arena_map.len(), live.len(), "arena map size");
        let mut blocks = 0usize;
        let mut used_pools = 0usize;
        // Spares: pools of their class; an empty one is on usedpools.
        let mut spares_in = vec![0u32; self.arenas.len()];
        let mut empty_spares_in = vec![0u32; self.arenas.len()];
        for (idx, &sp) in self.spare.iter().enumerate() {
            if sp.is_null() {
                continue;
            }
            // SAFETY: spares are live headers of ours (invariant 4a).
            let p = unsafe { &*sp };
            assert_eq!(p.szidx as usize, idx, "spare of another class");
            let ai = p.arenaindex as usize;
            // SAFETY: as above.
            let (freeblock, count) = unsafe { self.pool_state(sp) };
            if count == 0 {
                assert!(!freeblock.is_null(), "empty spare without a free block");
                let mut q = self.usedpools[idx];
                while !q.is_null() && !ptr::eq(q, sp) {
                    // SAFETY: usedpools entries are live headers (invariant 4).
                    q = unsafe { (*q).nextpool };
                }
                assert!(!q.is_null(), "empty spare not on usedpools");
                empty_spares_in[ai] += 1;
            }
            assert!(self.arenas[ai].base.is_some(), "spare in a dead arena");
            let mut fp = self.arenas[ai].freepools;
            while !fp.is_null() {
                assert!(!ptr::eq(fp, sp), "spare on its arena's freepools");
                // SAFETY: freepools entries are carved headers (invariant 4).
                fp = unsafe { (*fp).nextpool };
            }
            spares_in[ai] += 1;
        }
        let mut effectively_free = Vec::new();
        for &(ai, a, base) in &live {
            assert_eq!(a.nspare, spares_in[ai as usize], "nspare");
            if (a.nfreepools + empty_spares_in[ai as usize]) as usize == POOLS_PER_ARENA {
                effectively_free.push(ai);
            }
            assert_eq!(
                base.as_ptr() as usize & (ARENA_SIZE - 1),
                0,
                "arena alignment"
            );
            assert!(
                self.arena_map
                    .contains(base.as_ptr() as usize >> ARENA_BITS),
                "arena in map"
            );
            assert!(a.ncarved as usize <= POOLS_PER_ARENA);
            let mut empty = POOLS_PER_ARENA - a.ncarved as usize;
            let mut on_free = 0;
            let mut fp = a.freepools;
            while !fp.is_null() {
                on_free += 1;
                // SAFETY: freepools entries are carved headers of this arena (invariant 4).
                let p = unsafe { &*fp };
                assert_eq!(p.count, 0, "pool on freepools has live blocks");
                assert_eq!(p.arenaindex, ai);
                fp = p.nextpool;
            }
            for k in 0..a.ncarved as usize {
                // SAFETY: invariant 2.
                let p = unsafe { &*(base.as_ptr().add(k * POOL_SIZE) as *const PoolHeader) };
                assert_eq!(p.arenaindex, ai, "pool arenaindex");
                // SAFETY: invariant 2.
                let (freeblock, count) = unsafe { self.pool_state(p) };
                if count == 0 {
                    empty += 1;
                    continue;
                }
                used_pools += 1;
                let idx = p.szidx as usize;
                assert!(idx < NB_SMALL_SIZE_CLASSES);
                let size = class_size(idx);
                let pool_addr = p as *const PoolHeader as usize;
                // Count free blocks on the list; each must be a carved block boundary.
                let low = p.lowoffset as usize;
                assert!(
                    low >= POOL_OVERHEAD
                        && low <= top_offset(idx)
                        && (low - POOL_OVERHEAD).is_multiple_of(size),
                    "lowoffset"
                );
                let mut nfree = 0usize;
                let mut b = freeblock;
                while !b.is_null() {
                    let off = b as usize - pool_addr;
                    assert!(off >= low && off <= top_offset(idx), "free block offset");
                    assert_eq!((off - POOL_OVERHEAD) % size, 0, "free block alignment");
                    nfree += 1;
                    assert!(nfree <= blocks_per_pool(idx), "free list cycle");
                    // SAFETY: free blocks hold a valid link in their first word (invariant 3).
                    b = unsafe { *(b as *const *mut u8) };
                }
                let carved = (top_offset(idx) - low) / size + 1;
                assert_eq!(carved, count as usize + nfree, "carved == used + free");
                blocks += count as usize;
                let full = freeblock.is_null();
                assert_eq!(
                    full,
                    count as usize == blocks_per_pool(idx),
                    "full iff no free block"
                );
                let on_used = {
                    let mut q = self.usedpools[idx];
                    let mut found = false;
                    while !q.is_null() {
                        if ptr::eq(q, p) {
                            found = true;
                        }
                        // SAFETY: usedpools entries are live headers (invariant 4).
                        q = unsafe { (*q).nextpool };
                    }
                    found
                };
                assert_eq!(on_used, !full, "pool on usedpools iff it has a free block");
            }
            assert_eq!(
                empty,
                (a.nfreepools + empty_spares_in[ai as usize]) as usize,
                "empty pools: free ones and empty spares"
            );
            assert_eq!(
                on_free + POOLS_PER_ARENA - a.ncarved as usize,
                a.nfreepools as usize
            );
        }
        assert_eq!(blocks, self.c.small_live_blocks, "small_live_blocks");
        // usedpools lists: doubly linked consistently.
        let mut listed = 0;
        for (idx, &head) in self.usedpools.iter().enumerate() {
            let mut prev: *mut PoolHeader = ptr::null_mut();
            let mut q = head;
            while !q.is_null() {
                // SAFETY: invariant 4.
                let p = unsafe { &*q };
                assert_eq!(p.prevpool, prev, "usedpools back link");
                assert_eq!(p.szidx as usize, idx);
                assert!(
                    // SAFETY: as above.
                    unsafe { self.pool_state(q) }.1 > 0 || ptr::eq(q, self.spare[idx]),
                    "empty pool on usedpools that is not the spare"
                );
                listed += 1;
                prev = q;
                q = p.nextpool;
            }
        }
        let nspares = self.spare.iter().filter(|p| !p.is_null()).count();
        assert!(listed <= used_pools + nspares);
        // usable_arenas: sorted ascending, nfp2lasta consistent, exactly the arenas with room.
        let mut order = Vec::new();
        let mut prev = NONE;
        let mut ai = self.usable_arenas;
        while ai != NONE {
            let a = &self.arenas[ai as usize];
            assert!(a.base.is_some(), "usable arena is live");
            assert_eq!(a.prev, prev, "usable_arenas back link");
            assert!(a.nfreepools > 0);
            order.push((ai, a.nfreepools as usize));
            prev = ai;
            ai = a.next;
        }
        assert!(
            order.windows(2).all(|w| w[0].1 <= w[1].1),
            "usable_arenas sorted: {order:?}"
        );
        let with_room = live.iter().filter(|(_, a, _)| a.nfreepools > 0).count();
        assert_eq!(
            order.len(),
            with_room,
            "usable_arenas holds every arena with room"
        );
        for n in 1..=POOLS_PER_ARENA {
            let last = order
                .iter()
                .rev()
                .find(|(_, f)| *f == n)
                .map(|(i, _)| *i)
                .unwrap_or(NONE);
            assert_eq!(self.nfp2lasta[n], last, "nfp2lasta[{n}]");
        }
        // At most one arena whose pools are all free or spares is kept: `kept_free`.
        assert!(
            effectively_free.len() <= 1,
            "more than one free arena kept: {effectively_free:?}"
        );
        if let Some(&ai) = effectively_free.first() {
            assert_eq!(ai, self.kept_free, "a free arena other than the kept one");
        }
        assert!(
            self.kept_free == NONE || self.arenas[self.kept_free as usize].base.is_some(),
            "kept arena is live"
        );
        assert_eq!(self.large.len(), self.c.large_live_blocks, "large set size");
    }
}

#[cfg(test)]
mod tests;
