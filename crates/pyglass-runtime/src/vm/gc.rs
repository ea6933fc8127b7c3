//! The cycle collector (CPython `Python/gc.c`, the 3.13 generational design).
//!
//! Container objects carry a [`GcHead`] in front of their header. A *tracked* object is
//! linked into one of three generation lists (plus the permanent generation of
//! `gc.freeze`); [`GcState`] owns the list heads and belongs to one interpreter.
//!
//! How a collection of generation `g` works (the names are CPython's):
//! 1. the younger lists are merged into `g`'s list (`young`);
//! 2. `update_refs`: each object's scratch count `gc_refs` (kept in the header's `ob_tid`
//!    word, as CPython's free-threaded collector does; it is 0 under the GIL and restored
//!    to 0 afterwards) is set to its refcount, and the `COLLECTING` bit is set;
//! 3. `subtract_refs`: every reference from one young object to another decrements the
//!    referent's `gc_refs` (each payload's `traverse` visits what it owns);
//! 4. `move_unreachable`: objects left with `gc_refs > 0` are referenced from outside the
//!    set, so they and everything they reach are alive; the rest move to `unreachable`;
//! 5. survivors are promoted (tuples and dicts of atomic items are untracked);
//! 6. weak references to the garbage are cleared, and callbacks of weakrefs that are not
//!    garbage themselves run; `__del__` runs once per object (PEP 442);
//! 7. objects resurrected by finalizers are found by repeating 2–4 on `unreachable`;
//! 8. `tp_clear` breaks the remaining cycles and reference counting frees the objects.
//!
//! Collections run only at safe points of the eval loop (CPython 3.12+ schedules them
//! from allocation and runs them from the eval breaker), never inside native code, so a
//! payload is never borrowed while the collector traverses or clears it.
//!
//! Soundness rests on `traverse` never visiting a reference its object does not own: an
//! under-visit only keeps garbage alive, an over-visit could free a live object.
//!
//! In the free-threaded mode (docs/threading.md) the lists go away: a stop-the-world
//! collector walks the allocator's pools instead, as CPython 3.13t does with mimalloc's
//! heaps; the `gc_refs` scratch word stays where it is.

use crate::object::header::{gc_bits, layout_bits, GcHead, ObjHeader, GC_HEAD_SIZE, IMMORTAL_REFCNT};
use crate::object::{Kind, PyRef};
use crate::vm::Vm;
use std::cell::Cell;
use std::ptr::NonNull;
use std::sync::atomic::Ordering::Relaxed;

pub const NUM_GENERATIONS: usize = 3;
const PERMANENT: usize = 3;

/// `gc.DEBUG_*` flags.
pub mod debug_flags {
    pub const STATS: u32 = 1;
    pub const COLLECTABLE: u32 = 2;
    pub const UNCOLLECTABLE: u32 = 4;
    pub const SAVEALL: u32 = 32;
    pub const LEAK: u32 = COLLECTABLE | UNCOLLECTABLE | SAVEALL;
}

/// Per-generation statistics (`gc.get_stats()`).
#[derive(Default, Clone, Copy, Debug)]
pub struct GenStats {
    pub collections: usize,
    pub collected: usize,
    pub uncollectable: usize,
}

/// The collector's state: one per interpreter (CPython's `struct _gc_runtime_state`).
pub struct GcState {
    /// List heads: generations 0..3 and the permanent generation. Boxed so their
    /// addresses stay fixed while objects point at them.
    heads: Box<[GcHead; 4]>,
    count: [Cell<usize>; NUM_GENERATIONS],
    threshold: [Cell<usize>; NUM_GENERATIONS],
    enabled: Cell<bool>,
    collecting: Cell<bool>,
    /// A collection was scheduled by an allocation; the eval loop runs it at its next
    /// safe point.
    pending: Cell<bool>,
    debug: Cell<u32>,
    stats: [Cell<GenStats>; NUM_GENERATIONS],
    long_lived_total: Cell<usize>,
    long_lived_pending: Cell<usize>,
    /// `gc.garbage` and `gc.callbacks` (lists).
    pub garbage: PyRef,
    pub callbacks: PyRef,
}

fn head_init(h: &GcHead) {
    let a = h as *const GcHead as usize;
    h.prev.store(a, Relaxed);
    h.next.store(a, Relaxed);
}

// ---- raw list operations (CPython's gc_list_*) ----
//
// SAFETY (for every function below): nodes are the `GcHead`s of live objects linked into
// a list, or list heads owned by a `GcState`/the running collection. Lists are only
// touched by the interpreter's thread (GIL model).

fn next_of(n: *const GcHead) -> *const GcHead {
    // SAFETY: see above.
    unsafe { (*n).next.load(Relaxed) as *const GcHead }
}
fn prev_of(n: *const GcHead) -> *const GcHead {
    // SAFETY: see above.
    unsafe { (*n).prev.load(Relaxed) as *const GcHead }
}
fn set_next(n: *const GcHead, v: *const GcHead) {
    // SAFETY: see above.
    unsafe { (*n).next.store(v as usize, Relaxed) }
}
fn set_prev(n: *const GcHead, v: *const GcHead) {
    // SAFETY: see above.
    unsafe { (*n).prev.store(v as usize, Relaxed) }
}
fn list_is_empty(l: *const GcHead) -> bool {
    next_of(l) == l
}
fn list_append(node: *const GcHead, list: *const GcHead) {
    let last = prev_of(list);
    set_prev(node, last);
    set_next(last, node);
    set_next(node, list);
    set_prev(list, node);
}
fn list_unlink(node: *const GcHead) {
    let p = prev_of(node);
    let n = next_of(node);
    set_next(p, n);
    set_prev(n, p);
    set_next(node, std::ptr::null());
    set_prev(node, std::ptr::null());
}
fn list_move(node: *const GcHead, list: *const GcHead) {
    let p = prev_of(node);
    let n = next_of(node);
    set_next(p, n);
    set_prev(n, p);
    list_append(node, list);
}
fn list_merge(from: *const GcHead, to: *const GcHead) {
    if !list_is_empty(from) {
        let to_tail = prev_of(to);
        let from_head = next_of(from);
        let from_tail = prev_of(from);
        set_next(to_tail, from_head);
        set_prev(from_head, to_tail);
        set_next(from_tail, to);
        set_prev(to, from_tail);
    }
    set_next(from, from);
    set_prev(from, from);
}
fn list_len(l: *const GcHead) -> usize {
    let mut n = 0;
    let mut g = next_of(l);
    while g != l {
        n += 1;
        g = next_of(g);
    }
    n
}

fn obj_of(node: *const GcHead) -> NonNull<ObjHeader> {
    // SAFETY: a GC head sits GC_HEAD_SIZE bytes before its object's header (object/core.rs
    // allocation layout); list heads are never passed here.
    unsafe { NonNull::new_unchecked((node as *mut u8).add(GC_HEAD_SIZE) as *mut ObjHeader) }
}
fn head_of(p: NonNull<ObjHeader>) -> *const GcHead {
    // SAFETY: only called for objects with HAS_GC_HEAD (checked by callers).
    unsafe { (p.as_ptr() as *const u8).sub(GC_HEAD_SIZE) as *const GcHead }
}
fn hdr<'a>(p: NonNull<ObjHeader>) -> &'a ObjHeader {
    // SAFETY: `p` is a live object (on a GC list or reached through a live reference).
    unsafe { &*p.as_ptr() }
}
fn has_gc_head(h: &ObjHeader) -> bool {
    h.flags() & layout_bits::HAS_GC_HEAD != 0
}
fn gc_refs(h: &ObjHeader) -> usize {
    h.ob_tid.load(Relaxed)
}
fn set_gc_refs(h: &ObjHeader, v: usize) {
    h.ob_tid.store(v, Relaxed)
}

/// The collector's per-collection marks.
const SCRATCH: u8 = gc_bits::COLLECTING | gc_bits::UNREACHABLE;

/// Clear `bits` and the scratch count of every object on `list`; returns how many there
/// are (one walk where a count is wanted too: each walk of a list of garbage is a chain of
/// cache misses).
fn clear_bits(list: *const GcHead, bits: u8) -> usize {
    let mut count = 0;
    let mut n = next_of(list);
    while n != list {
        let h = hdr(obj_of(n));
        h.set_gc_bits(h.gc_bits() & !bits);
        set_gc_refs(h, 0);
        count += 1;
        n = next_of(n);
    }
    count
}

/// Unlink every object of `list` and mark it untracked (a list head about to go away).
fn untrack_all(list: *const GcHead) {
    while !list_is_empty(list) {
        let n = next_of(list);
        let h = hdr(obj_of(n));
        h.set_gc_bits(h.gc_bits() & !(gc_bits::TRACKED | SCRATCH));
        set_gc_refs(h, 0);
        list_unlink(n);
    }
}

/// Run `f` with a borrowed handle to the live object `p` (no refcount traffic).
fn with_obj<R>(p: NonNull<ObjHeader>, f: impl FnOnce(&PyRef) -> R) -> R {
    // SAFETY: `p` is live; the handle is never dropped, so the count is untouched.
    let r = std::mem::ManuallyDrop::new(unsafe { PyRef::from_raw(p.as_ptr()) });
    f(&r)
}

/// Whether an object could ever be tracked (CPython's `_PyObject_GC_MAY_BE_TRACKED`):
/// a container, except tuples the collector already found to hold only atomic items.
pub fn may_be_tracked(o: &PyRef) -> bool {
    let h = o.header();
    if !has_gc_head(h) || h.is_immortal() {
        return false;
    }
    if o.is_kind(Kind::Tuple) {
        return h.gc_bits() & gc_bits::TRACKED != 0;
    }
    true
}

pub fn is_tracked(o: &PyRef) -> bool {
    o.header().gc_bits() & gc_bits::TRACKED != 0
}

pub fn is_finalized(o: &PyRef) -> bool {
    o.header().gc_bits() & gc_bits::FINALIZED != 0
}

/// Remove a dying object from the collector's lists (no-op when untracked).
pub(crate) fn untrack_raw(p: NonNull<ObjHeader>) {
    let h = hdr(p);
    if h.gc_bits() & gc_bits::TRACKED != 0 {
        list_unlink(head_of(p));
        h.set_gc_bits(h.gc_bits() & !(gc_bits::TRACKED | SCRATCH));
    }
}

/// Stop tracking a live object (CPython's `PyObject_GC_UnTrack`).
pub fn untrack(o: &PyRef) {
    untrack_raw(NonNull::new(o.as_ptr()).expect("live object"));
}

/// Called from allocation for every container object.
#[inline]
pub(crate) fn on_alloc(p: NonNull<ObjHeader>, track: bool) {
    Vm::with_current(|vm| {
        if vm.ctx.gc.link_new(p, track) {
            vm.eval_breaker.fetch_or(crate::vm::breaker::GC, Relaxed);
        }
    });
}

/// Called from deallocation of every container object (after its finalizer ran).
#[inline]
pub(crate) fn on_dealloc(p: NonNull<ObjHeader>) {
    untrack_raw(p);
    Vm::with_current(|vm| {
        let c = &vm.ctx.gc.count[0];
        c.set(c.get().saturating_sub(1));
    });
}

/// Track a live container in the current interpreter's youngest generation (no-op if it
/// is tracked already or no interpreter runs on this thread).
pub fn track(o: &PyRef) {
    if !has_gc_head(o.header()) || is_tracked(o) || o.header().is_immortal() {
        return;
    }
    let p = NonNull::new(o.as_ptr()).expect("live object");
    Vm::with_current(|vm| vm.ctx.gc.link(p, 0));
}

/// Track a dict if it now holds something that may be tracked (CPython's
/// `MAINTAIN_TRACKING`).
#[inline]
pub fn maintain_dict_tracking(d: &PyRef, key: &PyRef, value: &PyRef) {
    if is_tracked(d) {
        return;
    }
    if may_be_tracked(value) || may_be_tracked(key) {
        track(d);
    }
}

/// A managed `__dict__` that outlives its owner becomes an independent object: track it
/// if it holds containers (its contents were visited through the owner until now).
pub(crate) fn detach_managed_dict(d: &PyRef) {
    if d.refcnt() > 1 && !is_tracked(d) {
        if let Some(dd) = d.downcast::<crate::objects::dict::DictData>() {
            if dd.items().iter().any(|(k, v)| may_be_tracked(k) || may_be_tracked(v)) {
                track(d);
            }
        }
    }
}

impl GcState {
    /// `stress` (`-X gcstress` or `PYGLASS_GC_STRESS=1`) sets the youngest generation's
    /// threshold to 1: a collection at every safe point after an allocation.
    pub fn new(garbage: PyRef, callbacks: PyRef, stress: bool) -> GcState {
        let heads: Box<[GcHead; 4]> = Box::new(std::array::from_fn(|_| GcHead { prev: 0.into(), next: 0.into() }));
        heads.iter().for_each(head_init);
        GcState {
            heads,
            count: Default::default(),
            threshold: [Cell::new(if stress { 1 } else { 2000 }), Cell::new(10), Cell::new(10)],
            enabled: Cell::new(true),
            collecting: Cell::new(false),
            pending: Cell::new(false),
            debug: Cell::new(0),
            stats: Default::default(),
            long_lived_total: Cell::new(0),
            long_lived_pending: Cell::new(0),
            garbage,
            callbacks,
        }
    }

    fn head(&self, g: usize) -> *const GcHead {
        &self.heads[g] as *const GcHead
    }

    fn link(&self, p: NonNull<ObjHeader>, g: usize) {
        let h = hdr(p);
        list_append(head_of(p), self.head(g));
        h.set_gc_bits(h.gc_bits() | gc_bits::TRACKED);
    }

    /// Count (and track) a new container; true when this schedules a collection.
    #[inline]
    fn link_new(&self, p: NonNull<ObjHeader>, track: bool) -> bool {
        let c = self.count[0].get() + 1;
        self.count[0].set(c);
        if track {
            self.link(p, 0);
        }
        let t = self.threshold[0].get();
        if c > t && t != 0 && self.enabled.get() && !self.collecting.get() && !self.pending.get() {
            self.pending.set(true);
            return true;
        }
        false
    }

    /// Whether the eval loop should run [`Vm::gc_collect_pending`] at its next safe point.
    #[inline(always)]
    pub fn is_pending(&self) -> bool {
        self.pending.get()
    }

    pub fn enabled(&self) -> bool {
        self.enabled.get()
    }
    pub fn set_enabled(&self, on: bool) {
        self.enabled.set(on);
    }
    pub fn is_collecting(&self) -> bool {
        self.collecting.get()
    }
    pub fn debug(&self) -> u32 {
        self.debug.get()
    }
    pub fn set_debug(&self, d: u32) {
        self.debug.set(d);
    }
    pub fn counts(&self) -> [usize; NUM_GENERATIONS] {
        std::array::from_fn(|i| self.count[i].get())
    }
    pub fn thresholds(&self) -> [usize; NUM_GENERATIONS] {
        std::array::from_fn(|i| self.threshold[i].get())
    }
    pub fn set_threshold(&self, i: usize, v: usize) {
        self.threshold[i].set(v);
    }
    pub fn stats(&self) -> [GenStats; NUM_GENERATIONS] {
        std::array::from_fn(|i| self.stats[i].get())
    }

    /// Tracked objects of generation `g` (3 = permanent), oldest first.
    pub fn objects(&self, g: usize) -> Vec<PyRef> {
        snapshot(self.head(g))
    }

    /// Number of objects in generation `g` (3 = permanent).
    pub fn len(&self, g: usize) -> usize {
        list_len(self.head(g))
    }

    /// `gc.freeze()`: move every tracked object to the permanent generation.
    pub fn freeze(&self) {
        for g in 0..NUM_GENERATIONS {
            list_merge(self.head(g), self.head(PERMANENT));
            self.count[g].set(0);
        }
    }

    /// `gc.unfreeze()`: back into the oldest generation.
    pub fn unfreeze(&self) {
        list_merge(self.head(PERMANENT), self.head(NUM_GENERATIONS - 1));
    }
}

impl Drop for GcState {
    fn drop(&mut self) {
        // Objects that outlive the interpreter (leaks, or ones freed later) must not point
        // at our list heads: unlink everything.
        for g in 0..4 {
            untrack_all(self.head(g));
        }
    }
}

// ---- the collection ----

/// Set `gc_refs` to the refcount and mark `COLLECTING` for every object of `list`;
/// immortal objects are untracked instead.
fn update_refs(list: *const GcHead) {
    let mut n = next_of(list);
    while n != list {
        let next = next_of(n);
        let p = obj_of(n);
        let h = hdr(p);
        if h.refcnt() == IMMORTAL_REFCNT {
            untrack_raw(p);
        } else {
            set_gc_refs(h, h.refcnt() as usize);
            h.set_gc_bits(h.gc_bits() | gc_bits::COLLECTING);
        }
        n = next;
    }
}

fn visit_decref(r: &PyRef) {
    let h = r.header();
    if has_gc_head(h) && h.gc_bits() & gc_bits::COLLECTING != 0 {
        let v = gc_refs(h);
        // A count below zero would mean a traverse visited a reference it does not own;
        // saturating keeps the object alive instead of freeing a live object.
        set_gc_refs(h, v.saturating_sub(1));
    }
}

fn subtract_refs(list: *const GcHead) {
    let mut n = next_of(list);
    while n != list {
        with_obj(obj_of(n), |o| crate::object::traverse_object(o, &mut |r| visit_decref(r)));
        n = next_of(n);
    }
}

/// Split `young` into reachable (left in `young`) and unreachable (moved to
/// `unreachable`, marked `UNREACHABLE`, still `COLLECTING`), in list order.
///
/// `survivor` sees each reachable object once its marks are cleared, in the order the
/// objects end up in `young` (objects found reachable late were moved to its end and are
/// scanned there), which is the order a separate walk over `young` afterwards would see
/// them in; when it answers true the object is untracked. That walk is what CPython does
/// to untrack tuples and count the survivors; done here it costs no extra pass over the
/// list.
fn move_unreachable(young: *const GcHead, unreachable: *const GcHead, survivor: &mut impl FnMut(NonNull<ObjHeader>) -> bool) {
    let mut n = next_of(young);
    while n != young {
        let p = obj_of(n);
        let h = hdr(p);
        if gc_refs(h) > 0 {
            // Reachable: everything it refers to in the set is reachable too.
            with_obj(p, |o| {
                crate::object::traverse_object(o, &mut |r| {
                    let rh = r.header();
                    if !has_gc_head(rh) || rh.gc_bits() & gc_bits::COLLECTING == 0 {
                        return;
                    }
                    let rp = NonNull::new(r.as_ptr()).expect("live");
                    if rh.gc_bits() & gc_bits::UNREACHABLE != 0 {
                        // Tentatively unreachable: back to the end of `young`, to be
                        // scanned again.
                        list_move(head_of(rp), young);
                        rh.set_gc_bits(rh.gc_bits() & !gc_bits::UNREACHABLE);
                        set_gc_refs(rh, 1);
                    } else if gc_refs(rh) == 0 {
                        set_gc_refs(rh, 1);
                    }
                })
            });
            h.set_gc_bits(h.gc_bits() & !gc_bits::COLLECTING);
            set_gc_refs(h, 0);
            let next = next_of(n);
            if survivor(p) {
                untrack_raw(p);
            }
            n = next;
        } else {
            let next = next_of(n);
            list_move(n, unreachable);
            h.set_gc_bits(h.gc_bits() | gc_bits::UNREACHABLE);
            n = next;
        }
    }
}

/// Steps 2-4 of a collection (docs/gc.md); `survivor` as in [`move_unreachable`].
fn deduce_unreachable(young: *const GcHead, unreachable: *const GcHead, survivor: &mut impl FnMut(NonNull<ObjHeader>) -> bool) {
    update_refs(young);
    subtract_refs(young);
    move_unreachable(young, unreachable, survivor);
}

/// Whether `o` is an instance of a class defined in Python (it owns a reference to its
/// type), such as a subclass of `tuple` or `dict`.
fn of_heap_type(o: &PyRef) -> bool {
    o.header().flags() & layout_bits::OWNS_TYPE_REF != 0
}

/// Whether `o` is an exact tuple whose items can never be part of a cycle (CPython's
/// `_PyTuple_MaybeUntrack`: a subclass instance stays tracked; it refers to its class).
fn atomic_tuple(o: &PyRef) -> bool {
    o.is_kind(Kind::Tuple) && !of_heap_type(o) && crate::objects::tuple::tuple_items(o).iter().all(|i| !may_be_tracked(i))
}

/// Whether `o` is an exact dict holding only atomic keys and values (CPython's
/// `_PyDict_MaybeUntrack`, which leaves subclass instances alone).
fn atomic_dict(o: &PyRef) -> bool {
    !of_heap_type(o)
        && o.downcast::<crate::objects::dict::DictData>()
            .is_some_and(|d| d.table.try_borrow().is_some_and(|t| t.iter().all(|e| !may_be_tracked(&e.key) && !may_be_tracked(&e.value))))
}

/// Strong references to every object on `list`, in order.
fn snapshot(list: *const GcHead) -> Vec<PyRef> {
    let mut out = Vec::new();
    let mut n = next_of(list);
    while n != list {
        // SAFETY: objects on a list are alive.
        out.push(unsafe { PyRef::from_borrowed(obj_of(n).as_ptr()) });
        n = next_of(n);
    }
    out
}

/// What one walk over the garbage finds (`unmark_and_pick_weak`).
struct GarbageScan {
    /// Strong references to the weakrefs and the weakly referenced objects, in order.
    weakly_involved: Vec<PyRef>,
    /// How many objects the garbage holds.
    count: usize,
    /// Whether any of them has a `__del__` still to run.
    any_finalizer: bool,
}

/// One walk over the garbage once `move_unreachable` is done with it: drop every
/// `UNREACHABLE` mark (`COLLECTING` stays: it tells a weakref in the garbage; the scratch
/// counts are already 0), hold the objects weakref handling needs (most garbage is
/// neither a weakref nor weakly referenced, and walking the list costs less than taking
/// and dropping a reference each), count, and note whether a finalizer must run.
fn unmark_and_pick_weak(list: *const GcHead) -> GarbageScan {
    let mut scan = GarbageScan { weakly_involved: Vec::new(), count: 0, any_finalizer: false };
    let mut n = next_of(list);
    while n != list {
        let p = obj_of(n);
        let h = hdr(p);
        h.set_gc_bits(h.gc_bits() & !gc_bits::UNREACHABLE);
        if h.kind_byte() == Kind::WeakRef as u8 || h.flags() & layout_bits::HAS_WEAKREFS != 0 {
            // SAFETY: objects on a list are alive.
            scan.weakly_involved.push(unsafe { PyRef::from_borrowed(p.as_ptr()) });
        }
        scan.any_finalizer |= crate::vm::finalize::needs_finalizer(p);
        scan.count += 1;
        n = next_of(n);
    }
    scan
}

/// A list head for the duration of one collection (boxed: objects point at it).
struct TempList(Box<GcHead>);

impl TempList {
    fn new() -> TempList {
        let h = Box::new(GcHead { prev: 0.into(), next: 0.into() });
        head_init(&h);
        TempList(h)
    }
    fn ptr(&self) -> *const GcHead {
        &*self.0 as *const GcHead
    }
}

impl Drop for TempList {
    fn drop(&mut self) {
        // Every collection empties its temporary lists before returning; anything left
        // (cannot happen) is unlinked rather than left pointing at freed memory.
        untrack_all(self.ptr());
    }
}

impl Vm {
    /// Run the collection an allocation scheduled (called at eval-loop safe points).
    #[cold]
    pub(crate) fn gc_collect_pending(&self) {
        let g = &self.ctx.gc;
        g.pending.set(false);
        if !g.enabled.get() || g.collecting.get() {
            return;
        }
        // CPython's gc_collect_generations: the oldest generation over its threshold,
        // full collections only when enough long-lived objects are pending.
        for i in (0..NUM_GENERATIONS).rev() {
            if g.count[i].get() > g.threshold[i].get() {
                if i == NUM_GENERATIONS - 1 && g.long_lived_pending.get() < g.long_lived_total.get() / 4 {
                    continue;
                }
                self.gc_collect_with_callbacks(i);
                break;
            }
        }
    }

    /// `gc.collect(generation)`: returns the number of unreachable objects found.
    pub fn gc_collect(&self, generation: usize) -> usize {
        if self.ctx.gc.collecting.get() {
            return 0;
        }
        self.gc_collect_with_callbacks(generation)
    }

    fn gc_collect_with_callbacks(&self, generation: usize) -> usize {
        self.gc_collect_flagged(generation, true)
    }

    /// A collection under the `collecting` flag, which covers the callbacks too: code
    /// they run must not start another collection.
    fn gc_collect_flagged(&self, generation: usize, callbacks: bool) -> usize {
        let g = &self.ctx.gc;
        g.collecting.set(true);
        if callbacks {
            self.gc_invoke_callbacks("start", generation, 0, 0);
        }
        let (collected, uncollectable) = self.gc_collect_main(generation);
        if callbacks {
            self.gc_invoke_callbacks("stop", generation, collected, uncollectable);
        }
        g.collecting.set(false);
        g.pending.set(false);
        collected + uncollectable
    }

    fn gc_invoke_callbacks(&self, phase: &str, generation: usize, collected: usize, uncollectable: usize) {
        let cbs = self.ctx.gc.callbacks.downcast::<crate::objects::list::ListData>().map(|l| l.snapshot()).unwrap_or_default();
        if cbs.is_empty() {
            return;
        }
        let info = self.ctx.new_dict();
        if let Some(d) = info.downcast::<crate::objects::dict::DictData>() {
            d.set_str_key(self.ctx.intern("generation"), self.ctx.new_int(generation as i64));
            d.set_str_key(self.ctx.intern("collected"), self.ctx.new_int(collected as i64));
            d.set_str_key(self.ctx.intern("uncollectable"), self.ctx.new_int(uncollectable as i64));
        }
        let phase = self.ctx.new_str(phase);
        for cb in cbs {
            if let Err(e) = self.call2(&cb, &phase, &info) {
                self.write_unraisable(&e, Some(&cb), "Exception ignored in garbage collector callback");
            }
        }
    }

    fn gc_debug_write(&self, text: &str) {
        self.ctx.stdout.borrow_mut().flush();
        let sys = self.ctx.sys.borrow().clone();
        if let Some(write) = sys.and_then(|s| self.getattr_str(&s, "stderr").ok()).and_then(|e| self.getattr_str(&e, "write").ok()) {
            if self.call(&write, &[self.ctx.new_str(text)]).is_ok() {
                return;
            }
        }
        use std::io::Write;
        let _ = std::io::stderr().write_all(text.as_bytes());
    }

    /// One collection of `generation` and the younger ones; returns (collected,
    /// uncollectable). CPython's `gc_collect_main`.
    fn gc_collect_main(&self, generation: usize) -> (usize, usize) {
        let g = &self.ctx.gc;
        let debug = g.debug.get();
        let t0 = std::time::Instant::now();
        if debug & debug_flags::STATS != 0 {
            let sizes: Vec<String> = (0..NUM_GENERATIONS).map(|i| list_len(g.head(i)).to_string()).collect();
            self.gc_debug_write(&format!(
                "gc: collecting generation {generation}...\ngc: objects in each generation: {}\ngc: objects in permanent generation: {}\n",
                sizes.join(" "),
                list_len(g.head(PERMANENT))
            ));
        }
        if generation + 1 < NUM_GENERATIONS {
            let c = &g.count[generation + 1];
            c.set(c.get() + 1);
        }
        for i in 0..=generation {
            g.count[i].set(0);
        }
        for i in 0..generation {
            list_merge(g.head(i), g.head(generation));
        }
        let young = g.head(generation);
        let old = if generation + 1 < NUM_GENERATIONS { g.head(generation + 1) } else { young };

        let unreachable = TempList::new();
        // The survivors are counted, and atomic tuples untracked, as they are found
        // (CPython walks them again for each). A full collection also untracks atomic
        // dicts, as CPython does (only there, which avoids quadratic dict build-up): they
        // are noted now and decided after every tuple is, as in CPython's separate passes.
        let full = young == old;
        let mut survivors = 0;
        let mut dicts = Vec::new();
        deduce_unreachable(young, unreachable.ptr(), &mut |p| {
            with_obj(p, |o| {
                if atomic_tuple(o) {
                    return true;
                }
                survivors += 1;
                if full && o.is_kind(Kind::Dict) {
                    dicts.push(p);
                }
                false
            })
        });
        for p in dicts {
            // Still alive and tracked: nothing ran since it was noted.
            if with_obj(p, atomic_dict) {
                untrack_raw(p);
                survivors -= 1;
            }
        }
        if !full {
            if generation == NUM_GENERATIONS - 2 {
                g.long_lived_pending.set(g.long_lived_pending.get() + survivors);
            }
            list_merge(young, old);
        } else {
            g.long_lived_pending.set(0);
            g.long_lived_total.set(survivors);
        }
        // From here on `unreachable` is a plain list (no tentative moves).
        let scan = unmark_and_pick_weak(unreachable.ptr());

        let collectable_debug = debug & debug_flags::COLLECTABLE != 0;
        if collectable_debug {
            for o in snapshot(unreachable.ptr()) {
                self.gc_debug_cycle("collectable", &o);
            }
        }

        // Weak references to the garbage die now; callbacks of weakrefs that are not
        // garbage themselves run.
        let callbacks_ran = self.gc_handle_weakrefs(scan.weakly_involved);

        // __del__, once per object (PEP 442). Each object moves to `seen` before its
        // finalizer runs, so the walk survives objects freed by finalizers. (If Python
        // code ran, a class may have gained a `__del__` since the scan: walk then too.)
        let mut code_ran = callbacks_ran || collectable_debug;
        if scan.any_finalizer || code_ran {
            let seen = TempList::new();
            while !list_is_empty(unreachable.ptr()) {
                let n = next_of(unreachable.ptr());
                list_move(n, seen.ptr());
                let p = obj_of(n);
                if crate::vm::finalize::needs_finalizer(p) {
                    // SAFETY: `p` is alive (on a list); the handle keeps it alive during the call.
                    let o = unsafe { PyRef::from_borrowed(p.as_ptr()) };
                    let h = o.header();
                    h.set_gc_bits(h.gc_bits() | gc_bits::FINALIZED);
                    crate::vm::finalize::run_del(self, &o);
                    drop(o);
                    code_ran = true;
                }
            }
            list_merge(seen.ptr(), unreachable.ptr());
        }

        let final_unreachable = TempList::new();
        let collected = if code_ran {
            // Python code ran (finalizers, callbacks, or `sys.stderr.write` for the debug
            // output) and may have resurrected objects: whatever is now reachable from
            // outside goes to the old generation; the rest is garbage for sure.
            // No marks need clearing around this second pass (CPython clears the same
            // way): before it, the objects left carry COLLECTING, no UNREACHABLE and a
            // scratch count of 0 (Python code cannot start a collection: `collecting` is
            // set), and `update_refs` sets both the count and COLLECTING anew; after it,
            // `move_unreachable` has cleared the marks and counts of the ones that survive.
            deduce_unreachable(unreachable.ptr(), final_unreachable.ptr(), &mut |_| false);
            list_merge(unreachable.ptr(), old);
            clear_bits(final_unreachable.ptr(), gc_bits::UNREACHABLE)
        } else {
            // No Python code ran since the garbage was found, so nothing can have been
            // resurrected: the second pass would find the same objects in the same order
            // with the same marks. (CPython 3.13 always runs it.)
            list_merge(unreachable.ptr(), final_unreachable.ptr());
            scan.count
        };
        // Break the cycles: tp_clear each object (or save it in gc.garbage).
        let fl = final_unreachable.ptr();
        while !list_is_empty(fl) {
            let n = next_of(fl);
            let p = obj_of(n);
            // SAFETY: `p` is alive (on a list); the handle keeps it alive during clear.
            let o = unsafe { PyRef::from_borrowed(p.as_ptr()) };
            if debug & debug_flags::SAVEALL != 0 {
                if let Some(l) = self.ctx.gc.garbage.downcast::<crate::objects::list::ListData>() {
                    if !o.is(&self.ctx.gc.garbage) {
                        l.append(o.clone());
                    }
                }
            } else {
                crate::object::clear_object(&o);
            }
            // Still alive and still on the list: something else keeps it; it survives.
            if next_of(fl) == n {
                let h = o.header();
                h.set_gc_bits(h.gc_bits() & !SCRATCH);
                set_gc_refs(h, 0);
                list_move(n, old);
            }
            drop(o);
        }

        let uncollectable = 0;
        if debug & debug_flags::STATS != 0 {
            let secs = t0.elapsed().as_secs_f64();
            self.gc_debug_write(&format!("gc: done, {} unreachable, {uncollectable} uncollectable, {secs:.4}s elapsed\n", collected + uncollectable));
        }
        let mut s = g.stats[generation].get();
        s.collections += 1;
        s.collected += collected;
        s.uncollectable += uncollectable;
        g.stats[generation].set(s);
        (collected, uncollectable)
    }

    fn gc_debug_cycle(&self, msg: &str, o: &PyRef) {
        let tn = self.type_name(o).to_string();
        self.gc_debug_write(&format!("gc: {msg} <{tn} {:#x}>\n", o.addr()));
    }

    /// CPython's `handle_weakrefs` over `involved`, the garbage's weakrefs and weakly
    /// referenced objects (`unmark_and_pick_weak`): clear every weakref to an unreachable
    /// object; a weakref that is itself unreachable never calls back; the others'
    /// callbacks run after all are cleared. Returns whether any callback ran (Python code,
    /// which may resurrect garbage).
    fn gc_handle_weakrefs(&self, involved: Vec<PyRef>) -> bool {
        let mut calls = Vec::new();
        for o in involved {
            if let Some(w) = o.downcast::<crate::object::weakref::WeakRefData>() {
                // A weakref in the garbage: clear it so its callback can never run.
                crate::object::weakref::detach(self, w);
            }
            if o.header().flags() & layout_bits::HAS_WEAKREFS == 0 {
                continue;
            }
            for wr in crate::object::weakref::clear_for_gc(self, o.addr()) {
                let wh = wr.header();
                if has_gc_head(wh) && wh.gc_bits() & gc_bits::COLLECTING != 0 {
                    continue; // garbage itself: its callback never runs
                }
                let cb = wr.downcast::<crate::object::weakref::WeakRefData>().and_then(|d| d.callback.take());
                if let Some(cb) = cb {
                    calls.push((wr, cb));
                }
            }
        }
        let any = !calls.is_empty();
        for (wr, cb) in calls {
            if let Err(e) = self.call(&cb, &[wr]) {
                self.write_unraisable(&e, Some(&cb), "Exception ignored while calling weakref callback");
            }
        }
        any
    }

    /// `_PyGC_CollectNoFail`: a full collection at shutdown: runs even when the collector
    /// is disabled, and calls no `gc.callbacks`.
    pub fn gc_collect_shutdown(&self) {
        if !self.ctx.gc.collecting.get() {
            self.gc_collect_flagged(NUM_GENERATIONS - 1, false);
        }
    }

    /// Shutdown: collect until nothing more is found.
    pub fn gc_collect_final(&self) {
        for _ in 0..8 {
            if self.gc_collect(NUM_GENERATIONS - 1) == 0 {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    //! The collector on object graphs built from Rust (no Python source involved).
    use super::*;
    use crate::objects::list::ListData;
    use crate::Interpreter;

    fn list_of(vm: &Vm, items: Vec<PyRef>) -> PyRef {
        vm.ctx.new_list(items)
    }
    fn push(l: &PyRef, v: &PyRef) {
        l.downcast::<ListData>().unwrap().append(v.clone());
    }

    #[test]
    fn self_cycle_and_ring_are_collected() {
        let interp = Interpreter::new(crate::Config::default());
        interp.vm().enter(|vm| {
            vm.gc_collect(2);
            let a = list_of(vm, vec![]);
            push(&a, &a);
            assert!(is_tracked(&a));
            drop(a);
            assert_eq!(vm.gc_collect(2), 1);
            // A ring of 1000 lists.
            let first = list_of(vm, vec![]);
            let mut cur = first.clone();
            for _ in 1..1000 {
                let n = list_of(vm, vec![]);
                push(&cur, &n);
                cur = n;
            }
            push(&cur, &first);
            drop(cur);
            drop(first);
            assert_eq!(vm.gc_collect(0), 1000);
            assert_eq!(vm.gc_collect(2), 0);
        });
    }

    #[test]
    fn externally_referenced_cycles_survive_and_are_promoted() {
        let interp = Interpreter::new(crate::Config::default());
        interp.vm().enter(|vm| {
            vm.gc_collect(2);
            let a = list_of(vm, vec![]);
            let b = list_of(vm, vec![a.clone()]);
            push(&a, &b);
            // `a` is held from Rust: nothing is garbage, and both move to generation 1.
            assert_eq!(vm.gc_collect(0), 0);
            let gen1 = vm.ctx.gc.objects(1);
            assert!(gen1.iter().any(|o| o.is(&a)) && gen1.iter().any(|o| o.is(&b)));
            drop(gen1);
            assert_eq!(a.refcnt(), 2);
            assert_eq!(b.refcnt(), 2);
            assert_eq!(a.header().ob_tid.load(Relaxed), 0, "scratch count restored");
            drop(b);
            drop(a);
            assert_eq!(vm.gc_collect(1), 2);
        });
    }

    #[test]
    fn counts_thresholds_and_scheduling() {
        let interp = Interpreter::new(crate::Config::default());
        interp.vm().enter(|vm| {
            let g = &vm.ctx.gc;
            vm.gc_collect(2);
            assert_eq!(g.counts(), [0, 0, 0]);
            let keep: Vec<PyRef> = (0..5).map(|_| list_of(vm, vec![])).collect();
            assert_eq!(g.counts()[0], 5);
            drop(keep);
            assert_eq!(g.counts()[0], 0, "freeing a container lowers the count");
            g.set_threshold(0, 3);
            let keep: Vec<PyRef> = (0..4).map(|_| list_of(vm, vec![])).collect();
            assert!(g.is_pending(), "crossing the threshold schedules a collection");
            vm.gc_collect_pending();
            assert!(!g.is_pending());
            assert_eq!(g.counts(), [0, 1, 0]);
            assert_eq!(g.stats()[0].collections, 1);
            drop(keep);
            g.set_threshold(0, 2000);
        });
    }

    #[test]
    fn full_collection_untracks_dicts_after_tuples_and_counts_what_stays() {
        let interp = Interpreter::new(crate::Config::default());
        interp.vm().enter(|vm| {
            vm.gc_collect(2);
            // The dict comes before the tuple it holds on the generation list: it can only
            // be untracked if the tuple's decision is made first.
            let d = vm.ctx.new_dict();
            let t = vm.ctx.new_tuple(vec![vm.ctx.new_int(1), vm.ctx.new_str("x")]);
            vm.setitem(&d, &vm.ctx.new_str("t"), t.clone()).unwrap();
            let kept = vm.ctx.new_dict();
            vm.setitem(&kept, &vm.ctx.new_str("l"), list_of(vm, vec![])).unwrap();
            assert!(is_tracked(&d) && is_tracked(&t) && is_tracked(&kept));
            vm.gc_collect(0);
            assert!(!is_tracked(&t), "a young collection untracks the tuple");
            assert!(is_tracked(&d), "but leaves dicts alone");
            vm.gc_collect(2);
            assert!(!is_tracked(&d), "a full collection untracks the dict");
            assert!(is_tracked(&kept), "a dict holding a list stays tracked");
            let g = &vm.ctx.gc;
            assert_eq!(g.long_lived_total.get(), g.objects(2).len(), "the untracking walk's count");
        });
    }

    #[test]
    fn plain_garbage_needs_no_second_pass_and_leaves_no_marks() {
        let interp = Interpreter::new(crate::Config::default());
        interp.vm().enter(|vm| {
            vm.gc_collect(2);
            // Plain cycles: no Python code runs during the collection (no second pass).
            for _ in 0..3 {
                let a = list_of(vm, vec![]);
                let b = list_of(vm, vec![a.clone()]);
                push(&a, &b);
            }
            assert_eq!(vm.gc_collect(2), 6);
            assert_eq!(vm.gc_collect(2), 0);
            assert!(vm.ctx.gc.objects(2).iter().all(|o| o.header().gc_bits() & SCRATCH == 0 && gc_refs(o.header()) == 0), "no marks left on survivors");
        });
    }

    #[test]
    fn atomic_tuples_untracked_and_frozen_objects_skipped() {
        let interp = Interpreter::new(crate::Config::default());
        interp.vm().enter(|vm| {
            vm.gc_collect(2);
            let atomic = vm.ctx.new_tuple(vec![vm.ctx.new_int(1), vm.ctx.new_str("x")]);
            let holder = vm.ctx.new_tuple(vec![list_of(vm, vec![])]);
            assert!(is_tracked(&atomic) && is_tracked(&holder));
            vm.gc_collect(0);
            assert!(!is_tracked(&atomic));
            assert!(is_tracked(&holder));
            let a = list_of(vm, vec![]);
            push(&a, &a);
            vm.ctx.gc.freeze();
            drop(a);
            assert_eq!(vm.gc_collect(2), 0, "frozen objects are never collected");
            vm.ctx.gc.unfreeze();
            assert_eq!(vm.gc_collect(2), 1);
        });
    }
}
