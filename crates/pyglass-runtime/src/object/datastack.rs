//! Frame memory: the fast locals and value stack of every running frame (CPython's
//! per-thread "datastack", `_PyThreadState_PushFrame` / `_PyThreadState_PopFrame` in
//! `Python/pystate.c`).
//!
//! A plain Python call takes `nlocalsplus + stacksize` slots from the top of its VM's
//! [`DataStack`], a list of big chunks used as one stack: taking a frame is a pointer bump
//! and releasing it moves the pointer back, so a call allocates nothing and touches no
//! lock or pool. Frames that outlive the call that made them (generators) and frames that
//! are not calls (module and class bodies, `exec`) own a heap region of the same shape.
//!
//! The region of one frame ([`FrameSlots`]):
//!
//! ```text
//!   [fast 0] .. [fast nfast-1] [stack 0] .. [stack cap-1]
//!    Option<PyRef>, None = unbound    PyRef, only the first `len` initialised
//! ```
//!
//! If a frame's value stack ever needs more than `cap` entries (the compiler's `stacksize`
//! is verified to be enough, so this is a safety net, not a path) it moves to a heap
//! buffer of its own; the region is unchanged.
//!
//! Unsafe code invariants:
//! 1. A chunk is `cap` slots from `alloc_slots`, freed only when the `DataStack` drops;
//!    `start <= top <= limit` are pointers into the current chunk (all null before the
//!    first frame). Chunks below the current one are in use up to their saved top.
//! 2. Regions are handed out in stack order and never overlap: a region is
//!    `[old top, old top + total)`, and the top only moves back when the region that ends
//!    exactly at it is released. A region released out of order is leaked (debug builds
//!    assert), never reused while a frame above it lives.
//! 3. `FrameSlots` initialises its `nfast` fast slots when made and owns them and its
//!    `stack.len` stack entries until it drops (a `ValueStack` cursor takes the entries,
//!    leaving `stack.len` 0, and puts them back when it drops); `FrameSlots<'a>` borrows
//!    the `DataStack` for `'a`, so the chunk memory outlives every region taken from it.
//! 4. Slots are `Option<PyRef>`; the value stack reads the same memory as `PyRef`
//!    (`PyRef` is `repr(transparent)` over `NonNull`, so both are one non-null-or-null
//!    pointer, same size and alignment; only initialised (`Some`) stack slots are read).

use super::core::PyRef;
use std::alloc::{alloc, dealloc, handle_alloc_error, Layout};
use std::cell::{Cell, RefCell};
use std::mem::{size_of, ManuallyDrop};
use std::ptr::NonNull;

type Slot = Option<PyRef>;

/// Slots in an ordinary chunk (128 KiB): a few hundred typical frames.
const CHUNK_SLOTS: usize = 16 * 1024;

const _: () = assert!(size_of::<Slot>() == size_of::<PyRef>() && std::mem::align_of::<Slot>() == std::mem::align_of::<PyRef>());

fn slots_layout(n: usize) -> Layout {
    Layout::array::<Slot>(n).unwrap_or_else(|_| handle_alloc_error(Layout::new::<Slot>()))
}

/// `n > 0` uninitialised slots from the system heap.
fn alloc_slots(n: usize) -> NonNull<Slot> {
    debug_assert!(n > 0);
    let layout = slots_layout(n);
    // SAFETY: the layout has non-zero size (n > 0 slots of a pointer-sized type).
    let p = unsafe { alloc(layout) } as *mut Slot;
    match NonNull::new(p) {
        Some(p) => p,
        None => handle_alloc_error(layout),
    }
}

/// Free slots from `alloc_slots(n)` (their contents already dropped).
///
/// # Safety
/// `p` came from `alloc_slots(n)` with this `n` and is not used afterwards.
unsafe fn free_slots(p: NonNull<Slot>, n: usize) {
    // SAFETY: the caller's contract: same pointer and layout as the allocation.
    unsafe { dealloc(p.as_ptr() as *mut u8, slots_layout(n)) }
}

/// Write `None` into `n` slots from `p`.
///
/// # Safety
/// `p..p + n` is valid for writes and holds nothing that needs dropping.
#[inline(always)]
unsafe fn init_unbound(p: *mut Slot, n: usize) {
    // Frames have few locals: a plain loop beats a call to `memset`.
    let mut i = 0;
    while i < n {
        // SAFETY: `i < n` (caller's contract).
        unsafe { p.add(i).write(None) };
        i += 1;
        std::hint::black_box(());
    }
}

struct Chunk {
    mem: NonNull<Slot>,
    cap: usize,
}

/// One VM's frame memory (see the module documentation).
pub struct DataStack {
    chunks: RefCell<Vec<Chunk>>,
    /// The top of each chunk below the current one, saved when the next one was started
    /// (so the current chunk is `chunks[saved.len()]`).
    saved: RefCell<Vec<*mut Slot>>,
    start: Cell<*mut Slot>,
    top: Cell<*mut Slot>,
    limit: Cell<*mut Slot>,
}

impl Default for DataStack {
    fn default() -> Self {
        DataStack::new()
    }
}

impl DataStack {
    pub fn new() -> DataStack {
        let null = std::ptr::null_mut();
        DataStack { chunks: RefCell::new(Vec::new()), saved: RefCell::new(Vec::new()), start: Cell::new(null), top: Cell::new(null), limit: Cell::new(null) }
    }

    /// A region for a frame with `nfast` fast slots (all unbound) and room for `cap`
    /// stack values, from the top of the stack.
    #[inline(always)]
    pub fn push(&self, nfast: usize, cap: usize) -> FrameSlots<'_> {
        let base = self.take(nfast + cap);
        // SAFETY: invariant 2: the region is ours alone; all `nfast` fast slots are
        // written before anything reads them.
        unsafe {
            init_unbound(base.as_ptr(), nfast);
            FrameSlots::init(base, nfast, cap, Some(self))
        }
    }

    /// A region for a call: `first` (if given) goes into fast slot 0 and the top `nargs`
    /// values of `args` (a caller's value stack) move into the fast slots after it; the
    /// other fast slots are unbound. `None` (and nothing moved; `first` dropped) if the
    /// arguments do not fit in `nfast` or `args` holds fewer than `nargs` values.
    #[inline(always)]
    pub fn push_call(&self, nfast: usize, cap: usize, first: Option<PyRef>, args: &mut ValueStack<'_>, nargs: usize) -> Option<FrameSlots<'_>> {
        let skip = first.is_some() as usize;
        if nargs + skip > nfast || nargs > args.len {
            return None;
        }
        let base = self.take(nfast + cap);
        let from = args.len - nargs;
        args.len = from;
        // SAFETY: the region is ours alone (invariant 2) and does not overlap the caller's
        // stack buffer (a different region or a heap buffer); `first` and the `nargs`
        // values above `from` (initialised) are moved in (the caller's length was lowered
        // first); the remaining fast slots are initialised unbound.
        unsafe {
            if let Some(v) = first {
                base.as_ptr().write(Some(v));
            }
            // A few arguments: a plain loop beats a call to `memcpy`.
            let src = args.ptr.as_ptr().add(from) as *const Slot;
            let dst = base.as_ptr().add(skip);
            let mut i = 0;
            while i < nargs {
                dst.add(i).write(src.add(i).read());
                i += 1;
                std::hint::black_box(());
            }
            init_unbound(dst.add(nargs), nfast - nargs - skip);
            Some(FrameSlots::init(base, nfast, cap, Some(self)))
        }
    }

    /// `total` slots from the top (invariant 2).
    #[inline(always)]
    fn take(&self, total: usize) -> NonNull<Slot> {
        if total == 0 {
            return NonNull::dangling();
        }
        let top = self.top.get();
        let room = (self.limit.get().addr() - top.addr()) / size_of::<Slot>();
        let base = if room >= total { top } else { self.next_chunk(total) };
        // SAFETY: `base..base + total` lies inside the current chunk (invariant 1:
        // either `room` slots were free above `top`, or `next_chunk` made the current
        // chunk one of at least `total` slots starting at `base`).
        self.top.set(unsafe { base.add(total) });
        // SAFETY: `base` points into a chunk, so it is not null.
        unsafe { NonNull::new_unchecked(base) }
    }

    /// Start (or reuse) the chunk after the current one, with at least `total` slots, and
    /// make it current. Returns its start.
    #[cold]
    #[inline(never)]
    fn next_chunk(&self, total: usize) -> *mut Slot {
        let mut chunks = self.chunks.borrow_mut();
        let next = if chunks.is_empty() {
            0
        } else {
            let mut saved = self.saved.borrow_mut();
            saved.push(self.top.get());
            saved.len()
        };
        let cap = total.max(CHUNK_SLOTS);
        if next == chunks.len() {
            chunks.push(Chunk { mem: alloc_slots(cap), cap });
        } else if chunks[next].cap < total {
            // A spare chunk too small for this frame: replace it.
            let old = std::mem::replace(&mut chunks[next], Chunk { mem: alloc_slots(cap), cap });
            // SAFETY: a chunk above the current one holds no live region (invariant 1).
            unsafe { free_slots(old.mem, old.cap) };
        }
        self.enter_chunk(&chunks[next]);
        chunks[next].mem.as_ptr()
    }

    /// Make `c` the current chunk, with `top` at its start.
    fn enter_chunk(&self, c: &Chunk) {
        self.start.set(c.mem.as_ptr());
        self.top.set(c.mem.as_ptr());
        // SAFETY: one past the end of the chunk's allocation.
        self.limit.set(unsafe { c.mem.as_ptr().add(c.cap) });
    }

    /// Give back the region `base..base + total` (its contents already dropped).
    #[inline(always)]
    fn release(&self, base: NonNull<Slot>, total: usize) {
        if total == 0 {
            return;
        }
        let base = base.as_ptr();
        let start = self.start.get();
        if base.addr() < start.addr() || base.addr() + total * size_of::<Slot>() != self.top.get().addr() {
            debug_assert!(false, "frame regions released out of order");
            return; // leaked, never reused (invariant 2)
        }
        self.top.set(base);
        if base == start {
            self.prev_chunk();
        }
    }

    /// The current chunk is empty again: continue in the one below, if any.
    #[cold]
    #[inline(never)]
    fn prev_chunk(&self) {
        let mut saved = self.saved.borrow_mut();
        if let Some(top) = saved.pop() {
            self.enter_chunk(&self.chunks.borrow()[saved.len()]);
            self.top.set(top);
        }
    }

    /// Slots in use now (for tests and statistics).
    pub fn used(&self) -> usize {
        let chunks = self.chunks.borrow();
        if chunks.is_empty() {
            return 0;
        }
        let below: usize = self.saved.borrow().iter().zip(chunks.iter()).map(|(t, c)| (t.addr() - c.mem.as_ptr().addr()) / size_of::<Slot>()).sum();
        below + (self.top.get().addr() - self.start.get().addr()) / size_of::<Slot>()
    }
}

impl Drop for DataStack {
    fn drop(&mut self) {
        for c in self.chunks.get_mut().drain(..) {
            // SAFETY: no region outlives the `DataStack` (invariant 3), so no chunk is in
            // use; each came from `alloc_slots(c.cap)`.
            unsafe { free_slots(c.mem, c.cap) };
        }
    }
}

/// A frame's value stack storage: `len` initialised values at `ptr`, room for `cap`.
/// While a [`ValueStack`] has the values, `len` is 0 here.
struct StackBuf {
    ptr: NonNull<PyRef>,
    len: usize,
    cap: usize,
    /// The buffer is a heap `Vec` allocation of its own (after outgrowing the region).
    heap: bool,
}

/// The fast locals and value stack of one frame (see the module documentation).
pub struct FrameSlots<'a> {
    fast: NonNull<Slot>,
    nfast: usize,
    /// Slots of the region (`nfast` + the stack's initial capacity).
    total: usize,
    stack: StackBuf,
    /// Where the region came from; `None`: a heap region this value owns.
    origin: Option<&'a DataStack>,
}

impl FrameSlots<'static> {
    /// A frame region on the heap (generators, module and class bodies, `exec`).
    pub fn new_heap(nfast: usize, cap: usize) -> FrameSlots<'static> {
        let total = nfast + cap;
        let base = if total == 0 { NonNull::dangling() } else { alloc_slots(total) };
        // SAFETY: a fresh allocation of `total` slots (or an empty region); its fast
        // slots are initialised unbound first.
        unsafe {
            init_unbound(base.as_ptr(), nfast);
            FrameSlots::init(base, nfast, cap, None)
        }
    }
}

impl<'a> FrameSlots<'a> {
    /// # Safety
    /// `base` is valid for `nfast + cap` slots that nothing else uses while this value
    /// lives, the first `nfast` initialised (and, for `origin: None`, it came from
    /// `alloc_slots(nfast + cap)`).
    #[inline(always)]
    unsafe fn init(base: NonNull<Slot>, nfast: usize, cap: usize, origin: Option<&'a DataStack>) -> FrameSlots<'a> {
        // SAFETY: `nfast <= total`, so this is inside or one past the region.
        let stack = unsafe { NonNull::new_unchecked(base.as_ptr().add(nfast) as *mut PyRef) };
        FrameSlots { fast: base, nfast, total: nfast + cap, stack: StackBuf { ptr: stack, len: 0, cap, heap: false }, origin }
    }

    /// The fast locals (`None` = unbound).
    #[inline(always)]
    pub fn fast(&self) -> &[Option<PyRef>] {
        // SAFETY: the first `nfast` slots are initialised and owned by `self` (invariant 3).
        unsafe { std::slice::from_raw_parts(self.fast.as_ptr(), self.nfast) }
    }

    #[inline(always)]
    pub fn fast_mut(&mut self) -> &mut [Option<PyRef>] {
        // SAFETY: as in `fast`; `&mut self` makes the access unique.
        unsafe { std::slice::from_raw_parts_mut(self.fast.as_ptr(), self.nfast) }
    }

    /// The values on the stack, bottom first.
    #[inline(always)]
    pub fn stack_values(&self) -> &[PyRef] {
        // SAFETY: the first `len` entries of the stack buffer are initialised (invariant 3).
        unsafe { std::slice::from_raw_parts(self.stack.ptr.as_ptr(), self.stack.len) }
    }

    #[inline(always)]
    pub fn stack(&mut self) -> ValueStack<'_> {
        ValueStack::take(&mut self.stack)
    }

    /// The fast locals and the value stack at once (the eval loop changes both).
    #[inline(always)]
    pub fn split(&mut self) -> (&mut [Option<PyRef>], ValueStack<'_>) {
        // SAFETY: as in `fast_mut`; the fast slots and the stack buffer never overlap.
        let fast = unsafe { std::slice::from_raw_parts_mut(self.fast.as_ptr(), self.nfast) };
        (fast, ValueStack::take(&mut self.stack))
    }
}

impl FrameSlots<'_> {
    /// Drop the values and give the region back now: what dropping does, as a call the
    /// hot call path can have inlined.
    #[inline(always)]
    pub fn finish(self) {
        let mut this = ManuallyDrop::new(self);
        this.release_now();
    }

    #[inline(always)]
    fn release_now(&mut self) {
        // Values first, then the memory: dropping a value may run `__del__`, whose frames
        // are taken above this region and released before it.
        self.stack().truncate(0);
        if self.stack.heap {
            // SAFETY: a heap stack buffer is a `Vec<PyRef>` allocation of `cap` (see
            // `grow_buffer`), now empty.
            drop(unsafe { Vec::from_raw_parts(self.stack.ptr.as_ptr(), 0, self.stack.cap) });
            self.stack.heap = false;
        }
        let n = std::mem::replace(&mut self.nfast, 0);
        let mut i = 0;
        while i < n {
            // SAFETY: the fast slots are initialised and owned (invariant 3); `nfast` was
            // reset first and each slot is read out once, so none is dropped twice (if a
            // drop unwinds, the rest are leaked).
            drop(unsafe { self.fast.as_ptr().add(i).read() });
            i += 1;
        }
        match self.origin {
            Some(ds) => ds.release(self.fast, self.total),
            None if self.total > 0 => {
                // SAFETY: a heap region from `alloc_slots(total)`, contents dropped.
                unsafe { free_slots(self.fast, self.total) }
            }
            None => {}
        }
        self.total = 0;
    }
}

impl Drop for FrameSlots<'_> {
    fn drop(&mut self) {
        self.release_now();
    }
}

/// Move `len` values from `old` (a buffer of `cap`; a heap `Vec` buffer if `heap`) to a new
/// heap buffer with room for twice as many; returns it and its capacity.
///
/// # Safety
/// `old` holds `len <= cap` initialised values, which are moved out.
#[cold]
#[inline(never)]
unsafe fn grow_buffer(old: NonNull<PyRef>, len: usize, cap: usize, heap: bool) -> (NonNull<PyRef>, usize) {
    let mut v: ManuallyDrop<Vec<PyRef>> = ManuallyDrop::new(Vec::with_capacity((cap * 2).max(8)));
    // SAFETY: the new buffer has room for `len` and does not overlap the old one; the
    // values are moved, not duplicated (caller's contract).
    unsafe { std::ptr::copy_nonoverlapping(old.as_ptr(), v.as_mut_ptr(), len) };
    if heap {
        // SAFETY: the old heap buffer is a `Vec<PyRef>` allocation of `cap`, its values
        // moved out.
        drop(unsafe { Vec::from_raw_parts(old.as_ptr(), 0, cap) });
    }
    // SAFETY: a `Vec`'s buffer pointer is never null.
    (unsafe { NonNull::new_unchecked(v.as_mut_ptr()) }, v.capacity())
}

/// A frame's value stack while it is being changed: `Vec`-like push and pop; the values
/// read as a slice, bottom first. It takes the values from its [`FrameSlots`] (whose count
/// reads 0 meanwhile) and gives them back when dropped, so its pointer and length can
/// live in registers while the eval loop runs; if it is leaked instead, so are the values
/// (never dropped twice).
pub struct ValueStack<'s> {
    ptr: NonNull<PyRef>,
    len: usize,
    cap: usize,
    home: &'s mut StackBuf,
}

impl<'s> ValueStack<'s> {
    #[inline(always)]
    fn take(home: &'s mut StackBuf) -> ValueStack<'s> {
        let len = std::mem::replace(&mut home.len, 0);
        ValueStack { ptr: home.ptr, len, cap: home.cap, home }
    }

    #[inline(always)]
    pub fn push(&mut self, v: PyRef) {
        if self.len == self.cap {
            // SAFETY: the buffer holds `len` values; the home's record of the buffer is
            // updated at once, so it frees the right one.
            let (p, cap) = unsafe { grow_buffer(self.ptr, self.len, self.cap, self.home.heap) };
            self.ptr = p;
            self.cap = cap;
            self.home.ptr = p;
            self.home.cap = cap;
            self.home.heap = true;
        }
        // SAFETY: `len < cap`, so the slot is inside the buffer and not initialised.
        unsafe { self.ptr.as_ptr().add(self.len).write(v) };
        self.len += 1;
    }

    #[inline(always)]
    pub fn pop(&mut self) -> Option<PyRef> {
        if self.len == 0 {
            return None;
        }
        self.len -= 1;
        // SAFETY: the entry at the old `len - 1` is initialised; lowering `len` first
        // hands its ownership to the caller.
        Some(unsafe { self.ptr.as_ptr().add(self.len).read() })
    }

    /// Drop the values above the first `n`, bottom first (a call's callable, then its
    /// arguments in order, as CPython releases them). The loop is inline: the calls that
    /// use this drop two to four values, for which an out-of-line slice drop cost more
    /// than the decrements themselves.
    #[inline(always)]
    pub fn truncate(&mut self, n: usize) {
        let old = self.len;
        if n >= old {
            return;
        }
        // The values leave the stack before any is dropped: a `__del__` run by a drop
        // sees (and a collection traverses) only the first `n`.
        self.len = n;
        for i in n..old {
            // SAFETY: entry `i` (`n <= i < old len`) was initialised and is no longer
            // counted; it is read exactly once, here.
            drop(unsafe { self.ptr.as_ptr().add(i).read() });
        }
    }

    #[inline(always)]
    pub fn extend<I: IntoIterator<Item = PyRef>>(&mut self, values: I) {
        for v in values {
            self.push(v);
        }
    }

    /// Remove the values from `at` up and return them, bottom first (`at` is clamped to
    /// the length).
    #[inline(always)]
    pub fn split_off(&mut self, at: usize) -> Vec<PyRef> {
        let at = at.min(self.len);
        let n = self.len - at;
        let mut out = Vec::with_capacity(n);
        // SAFETY: entries `at..len` are initialised; they are moved into `out` (which has
        // room for `n`) and stop being counted by the stack.
        unsafe {
            std::ptr::copy_nonoverlapping(self.ptr.as_ptr().add(at), out.as_mut_ptr(), n);
            out.set_len(n);
        }
        self.len = at;
        out
    }

    /// Move the values from `at` up out of the stack, bottom first, with no vector in
    /// between (`BUILD_TUPLE`'s items). The stack cannot be used until the iterator is
    /// gone; values it has not yielded by then are dropped.
    #[inline(always)]
    pub fn drain_from(&mut self, at: usize) -> Drain<'_> {
        let at = at.min(self.len);
        let end = self.len;
        // The values stop being counted by the stack: the iterator owns them now.
        self.len = at;
        Drain { ptr: self.ptr, pos: at, end, _stack: std::marker::PhantomData }
    }

    /// Move the values from `at` up into `dst`, bottom first, and stop counting them
    /// (`BUILD_TUPLE`: the slots of a fresh tuple). `dst` must have exactly one slot per
    /// value (panics otherwise, moving nothing); what the slots held before is
    /// overwritten without being dropped, so they should be empty.
    #[inline(always)]
    pub fn move_into(&mut self, at: usize, dst: &mut [Option<PyRef>]) {
        assert!(at <= self.len && dst.len() == self.len - at, "move_into: slot count differs from the values taken");
        // SAFETY: entries `at..len` are initialised and `dst` has room for exactly those
        // `len - at` values (checked above); a `PyRef` and a `Some(PyRef)` have the same
        // representation (invariant 4), the regions do not overlap (`dst` is borrowed
        // mutably while `self` is too), and the values stop being counted by the stack,
        // so each has one owner.
        unsafe {
            std::ptr::copy_nonoverlapping(self.ptr.as_ptr().add(at) as *const Slot, dst.as_mut_ptr(), dst.len());
        }
        self.len = at;
    }

    /// [`split_off`](Self::split_off) into a vector of allocator `alloc` with room for
    /// exactly the values taken (`BUILD_LIST`'s item array).
    #[inline(always)]
    pub fn split_off_in<A: allocator_api2::alloc::Allocator>(&mut self, at: usize, alloc: A) -> allocator_api2::vec::Vec<PyRef, A> {
        let at = at.min(self.len);
        let n = self.len - at;
        let mut out = allocator_api2::vec::Vec::with_capacity_in(n, alloc);
        // SAFETY: as in `split_off`: entries `at..len` are initialised and moved into `out`
        // (room for `n`), and stop being counted by the stack.
        unsafe {
            std::ptr::copy_nonoverlapping(self.ptr.as_ptr().add(at), out.as_mut_ptr(), n);
            out.set_len(n);
        }
        self.len = at;
        out
    }
}

/// The values [`ValueStack::drain_from`] moves out, bottom first.
pub struct Drain<'a> {
    ptr: NonNull<PyRef>,
    pos: usize,
    end: usize,
    _stack: std::marker::PhantomData<&'a mut PyRef>,
}

impl Iterator for Drain<'_> {
    type Item = PyRef;
    #[inline(always)]
    fn next(&mut self) -> Option<PyRef> {
        if self.pos == self.end {
            return None;
        }
        // SAFETY: entries `pos..end` are initialised and owned by the iterator (the stack
        // stopped counting them); advancing `pos` first hands this one to the caller.
        let v = unsafe { self.ptr.as_ptr().add(self.pos).read() };
        self.pos += 1;
        Some(v)
    }
    #[inline(always)]
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.end - self.pos, Some(self.end - self.pos))
    }
}

impl ExactSizeIterator for Drain<'_> {}

impl Drop for Drain<'_> {
    fn drop(&mut self) {
        let rest: *mut [PyRef] = std::ptr::slice_from_raw_parts_mut(
            // SAFETY: `pos <= end`, inside the buffer.
            unsafe { self.ptr.as_ptr().add(self.pos) },
            self.end - self.pos,
        );
        self.pos = self.end;
        // SAFETY: entries `pos..end` were initialised and not yielded; dropped once here.
        unsafe { std::ptr::drop_in_place(rest) };
    }
}

impl Drop for ValueStack<'_> {
    #[inline(always)]
    fn drop(&mut self) {
        self.home.len = self.len;
    }
}

impl std::ops::Deref for ValueStack<'_> {
    type Target = [PyRef];
    #[inline(always)]
    fn deref(&self) -> &[PyRef] {
        // SAFETY: the first `len` entries are initialised (invariant 3).
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }
}

impl std::ops::DerefMut for ValueStack<'_> {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut [PyRef] {
        // SAFETY: as in `deref`; `&mut self` makes the access unique.
        unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.len) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Interpreter;

    #[test]
    fn frames_nest_and_release_in_order() {
        let ds = DataStack::new();
        assert_eq!(ds.used(), 0);
        {
            let mut a = ds.push(3, 4);
            assert_eq!(a.fast().len(), 3);
            assert!(a.fast().iter().all(|s| s.is_none()));
            assert_eq!(ds.used(), 7);
            {
                let b = ds.push(2, 2);
                assert_eq!(ds.used(), 11);
                drop(b);
            }
            assert_eq!(ds.used(), 7);
            assert!(a.stack().is_empty());
        }
        assert_eq!(ds.used(), 0);
    }

    #[test]
    fn deep_and_big_frames_span_chunks() {
        let ds = DataStack::new();
        fn nest(ds: &DataStack, depth: usize, want: usize) {
            let f = ds.push(100, 28);
            assert_eq!(ds.used(), want + 128);
            if depth > 0 {
                nest(ds, depth - 1, want + 128);
            }
            drop(f);
            assert_eq!(ds.used(), want);
        }
        // 400 frames of 128 slots: about three chunks.
        nest(&ds, 400, 0);
        // A frame bigger than a chunk gets a chunk of its own, and the stack goes back.
        let small = ds.push(1, 1);
        let big = ds.push(CHUNK_SLOTS * 2, 0);
        assert_eq!(ds.used(), 2 + CHUNK_SLOTS * 2);
        drop(big);
        assert_eq!(ds.used(), 2);
        drop(small);
        assert_eq!(ds.used(), 0);
    }

    #[test]
    fn drain_moves_values_out_and_drops_the_rest() {
        let interp = Interpreter::new(crate::Config::default());
        interp.vm().enter(|vm| {
            let ds = DataStack::new();
            let obj = vm.ctx.new_list(vec![]);
            let base = obj.refcnt();
            let mut f = ds.push(0, 2);
            {
                let mut st = f.stack();
                for _ in 0..5 {
                    st.push(obj.clone());
                }
                assert_eq!(obj.refcnt(), base + 5);
                let mut d = st.drain_from(2);
                assert_eq!(d.len(), 3);
                // Moved, not copied: the count is unchanged until the value is dropped.
                let first = d.next().unwrap();
                assert_eq!(obj.refcnt(), base + 5);
                drop(first);
                assert_eq!(obj.refcnt(), base + 4);
                // The two values not taken are dropped with the iterator.
                drop(d);
                assert_eq!(obj.refcnt(), base + 2);
                assert_eq!(st.len(), 2);
                // The stack is usable again, above the values it kept.
                st.push(obj.clone());
                assert_eq!(st.len(), 3);
                let all: Vec<PyRef> = st.drain_from(0).collect();
                assert_eq!(all.len(), 3);
                assert_eq!(st.len(), 0);
                assert_eq!(obj.refcnt(), base + 3);
            }
            // `all` is gone, and the stack holds nothing.
            assert_eq!(obj.refcnt(), base);
            drop(f);
        });
    }

    #[test]
    fn move_into_moves_the_top_values_without_count_changes() {
        let interp = Interpreter::new(crate::Config::default());
        interp.vm().enter(|vm| {
            let ds = DataStack::new();
            let a = vm.ctx.new_list(vec![]);
            let b = vm.ctx.new_dict();
            let (ra, rb) = (a.refcnt(), b.refcnt());
            let mut f = ds.push(0, 4);
            let mut slots: Vec<Option<PyRef>> = vec![None, None];
            {
                let mut st = f.stack();
                st.push(a.clone());
                st.push(a.clone());
                st.push(b.clone());
                st.move_into(1, &mut slots);
                assert_eq!(st.len(), 1);
                // Moved: one reference each in `slots`, none added or lost.
                assert_eq!((a.refcnt(), b.refcnt()), (ra + 2, rb + 1));
                assert!(slots[0].as_ref().is_some_and(|v| v.is(&a)) && slots[1].as_ref().is_some_and(|v| v.is(&b)));
                // A slot count that differs from the values taken is refused, nothing moved.
                let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| st.move_into(0, &mut [None, None])));
                assert!(r.is_err());
                assert_eq!(st.len(), 1);
            }
            drop(slots);
            drop(f);
            assert_eq!((a.refcnt(), b.refcnt()), (ra, rb));
        });
    }

    #[test]
    fn values_are_owned_and_dropped() {
        let interp = Interpreter::new(crate::Config::default());
        interp.vm().enter(|vm| {
            let ds = DataStack::new();
            let obj = vm.ctx.new_list(vec![]);
            let base = obj.refcnt();
            {
                let mut f = ds.push(2, 1);
                f.fast_mut()[1] = Some(obj.clone());
                {
                    let (fast, mut stack) = f.split();
                    assert!(fast[0].is_none());
                    // Past the capacity the stack moves to a heap buffer of its own.
                    for _ in 0..10 {
                        stack.push(obj.clone());
                    }
                    assert_eq!(stack.len(), 10);
                    assert_eq!(obj.refcnt(), base + 11);
                    let top = stack.split_off(7);
                    assert_eq!(top.len(), 3);
                    drop(top);
                    stack.truncate(5);
                    assert!(stack.pop().is_some());
                    assert_eq!(stack.len(), 4);
                }
                // The values went back to the frame when the cursor dropped.
                assert_eq!(f.stack_values().len(), 4);
                // A leaked cursor leaks its values (counts stay up) rather than letting
                // the frame drop them twice.
                let mut s = f.stack();
                s.push(obj.clone());
                std::mem::forget(s);
                assert!(f.stack_values().is_empty());
                assert_eq!(obj.refcnt(), base + 6);
            }
            // Only the five values of the leaked cursor are left.
            assert_eq!(obj.refcnt(), base + 5);
            assert_eq!(ds.used(), 0);
            let mut h = FrameSlots::new_heap(1, 0);
            h.fast_mut()[0] = Some(obj.clone());
            h.stack().push(obj.clone());
            assert_eq!(obj.refcnt(), base + 5 + 2);
            drop(h);
            assert_eq!(obj.refcnt(), base + 5);
        });
    }
}
