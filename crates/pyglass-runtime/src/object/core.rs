//! Strong references, typed payload access, allocation and deallocation.
//!
//! This file and `header.rs` hold the object core's unsafe code. The invariants:
//!
//! 1. A `PyRef` always points at the header of a live object (refcount >= 1 while any
//!    `PyRef` to it exists). `PyRef::clone` increments, `drop` decrements; the object is
//!    deallocated when the count reaches zero. Immortal objects (count `u32::MAX`) ignore
//!    both.
//! 2. An object is allocated by [`alloc_object`] as `pre-header + PyObject<T> + trailing
//!    items`, where `T` is the payload type named by the header's kind byte and by its type
//!    object's vtable. Nothing else writes headers.
//! 3. Payloads are only reached through `PyRef::downcast::<T>()`, which checks the kind byte,
//!    so a `&T` is never formed for the wrong `T`.
//! 4. Under the GIL an object is touched by one thread at a time; payload mutation goes
//!    through `crate::sync::PyCell`, never through `&mut` to shared memory.
//! 5. Deallocation runs in this order: finalizer (`__del__`, may resurrect), GC untracking,
//!    weakref clearing, payload drop (children decremented, depth-limited by the trashcan),
//!    type decref, memory release. A `PLAIN` object (see [`PyPayload::LEAF`]) has only the
//!    payload drop and the release to do, and takes the fast path in `dealloc`.

use super::header::*;
use crate::object::kind::Kind;
use std::alloc::Layout;
use std::cell::Cell;
use std::marker::PhantomData;
use std::ptr::NonNull;
use std::sync::atomic::Ordering::Relaxed;

/// An object: header followed by its payload.
#[repr(C)]
pub struct PyObject<T> {
    pub header: ObjHeader,
    pub payload: T,
}

/// Per-payload-type operations, reached through the type object.
pub struct VTable {
    pub kind: Kind,
    /// Drop the payload and the trailing items in place (not the memory).
    pub drop_payload: unsafe fn(NonNull<ObjHeader>, trailing: usize),
    /// Visit the strong references the payload holds (the cycle collector's tp_traverse).
    pub traverse: unsafe fn(NonNull<ObjHeader>, &mut dyn FnMut(&PyRef)),
    /// Drop the references the payload holds that could form cycles (tp_clear).
    pub clear: unsafe fn(NonNull<ObjHeader>),
    /// Number of trailing items an object carries by itself (tuples); 0 otherwise.
    pub own_trailing: unsafe fn(NonNull<ObjHeader>) -> usize,
    /// `size_of::<PyObject<T>>()`.
    pub object_size: usize,
    pub object_align: usize,
    pub has_gc: bool,
    /// Drop the payload of a `PLAIN` object and release its memory (the layout is
    /// [`plain_layout`]`::<T>()`, a constant).
    pub dealloc_plain: unsafe fn(NonNull<ObjHeader>),
}

/// A payload type: the Rust data behind one family of Python types.
///
/// # Safety
/// `KIND` must be unique to this Rust type (the kind byte is how `downcast` identifies the
/// payload).
pub unsafe trait PyPayload: Sized + 'static {
    const KIND: Kind;
    /// Whether objects with this payload can be part of reference cycles (carry a GC head).
    const HAS_GC: bool = false;
    /// Whether a new object is tracked by the collector at once (dicts start untracked and
    /// are tracked when they first hold a container, as in CPython).
    const TRACK_ON_ALLOC: bool = true;
    /// The payload holds no object references (ints, floats, strs, bytes): dropping it
    /// never deallocates another object and runs no Python code. Objects of such payloads
    /// with no pre-header, no trailing items, no inline values and a static type are
    /// marked `PLAIN` and freed by the fast path, which skips the trashcan (there is no
    /// chain to limit) and the finalizer test (static types of such payloads have no
    /// `__del__`). Setting it for a payload that holds references breaks the trashcan's
    /// guarantee that deep chains free iteratively.
    const LEAF: bool = false;
    /// The interpreter's free list for objects of this payload (`LEAF` payloads only, see
    /// `object/freelist.rs`): the block of a dead `PLAIN` object is kept there for reuse
    /// instead of going back to the allocator. `None`: no free list.
    #[inline(always)]
    fn freelist(_ctx: &crate::vm::Context) -> Option<&super::freelist::FreeList<Self>> {
        None
    }
    /// Whether [`freelist`](Self::freelist) can return a list (lets the deallocation of
    /// other payloads skip looking for the interpreter).
    const HAS_FREELIST: bool = false;
    /// Called once the payload has been moved into its object.
    fn on_alloc(&self) {}
    /// Whether `on_alloc` has run for this payload value, i.e. it lives inside an object
    /// (so [`with_payload_owner`] may find the header in front of it). Payload types that
    /// override it must only return `true` after their `on_alloc` ran.
    fn lives_in_object(&self) -> bool {
        false
    }
    /// Visit every strong reference held (for the cycle collector).
    fn traverse(&self, _visit: &mut dyn FnMut(&PyRef)) {}
    /// Drop references that may form cycles (the collector's tp_clear).
    fn clear(&self) {}
    /// Whether the trailing items are released last to first when the object dies
    /// (tuples, as CPython's `tupledealloc`; `__slots__` values go first to last).
    const TRAILING_REVERSED: bool = false;
    /// Trailing items this payload carries itself (tuple length).
    fn own_trailing(&self) -> usize {
        0
    }
}

struct VT<T>(PhantomData<T>);

impl<T: PyPayload> VT<T> {
    const V: VTable = VTable {
        kind: T::KIND,
        drop_payload: drop_payload::<T>,
        traverse: traverse_payload::<T>,
        clear: clear_payload::<T>,
        own_trailing: own_trailing::<T>,
        object_size: std::mem::size_of::<PyObject<T>>(),
        object_align: std::mem::align_of::<PyObject<T>>(),
        has_gc: T::HAS_GC,
        dealloc_plain: dealloc_plain::<T>,
    };

    /// The layout of an object of payload `T` with no pre-header, trailing items or
    /// inline values: what `layout_for(vt, 0, 0)` computes at run time.
    const PLAIN_LAYOUT: Layout = {
        let size = std::mem::size_of::<PyObject<T>>();
        let align = std::mem::align_of::<PyObject<T>>();
        let size = if size < 16 { 16 } else { size };
        let align = if align < 16 { 16 } else { align };
        match Layout::from_size_align(size, align) {
            Ok(l) => l,
            Err(_) => panic!("object layout"),
        }
    };
}

/// The layout of a `PLAIN` object of payload `T` (no pre-header, trailing items or inline
/// values), a constant: what `alloc_fixed` allocates.
#[inline(always)]
pub(crate) const fn plain_layout<T: PyPayload>() -> Layout {
    VT::<T>::PLAIN_LAYOUT
}

/// The vtable of payload type `T`.
pub fn vtable_of<T: PyPayload>() -> &'static VTable {
    &VT::<T>::V
}

unsafe fn drop_payload<T: PyPayload>(p: NonNull<ObjHeader>, trailing: usize) {
    // SAFETY: caller guarantees `p` is a dying object whose payload is `T` (invariant 2/3),
    // dropped exactly once; the trailing items lie right after `PyObject<T>`.
    unsafe {
        let obj = p.as_ptr() as *mut PyObject<T>;
        std::ptr::drop_in_place(std::ptr::addr_of_mut!((*obj).payload));
        let items = trailing_ptr::<T>(p);
        if T::TRAILING_REVERSED {
            for i in (0..trailing).rev() {
                std::ptr::drop_in_place(items.add(i));
            }
        } else {
            for i in 0..trailing {
                std::ptr::drop_in_place(items.add(i));
            }
        }
    }
}

/// The fast deallocation of a `PLAIN` object (see [`PyPayload::LEAF`]).
///
/// # Safety
/// `p` is a dead object (count 0) with payload `T` and the `PLAIN` layout bit alone in the
/// high byte of its flags; it is not used afterwards.
unsafe fn dealloc_plain<T: PyPayload>(p: NonNull<ObjHeader>) {
    debug_assert!(T::LEAF && !crate::vm::finalize::needs_finalizer(p));
    // SAFETY: caller: the object is dead and its payload `T`, dropped exactly once here;
    // `PLAIN` means it was allocated by `alloc_fixed` with `PLAIN_LAYOUT` and no pre-header,
    // so `p` is the start of the block. A leaf payload's drop runs no Python code and frees
    // no other object.
    unsafe {
        let obj = p.as_ptr() as *mut PyObject<T>;
        std::ptr::drop_in_place(std::ptr::addr_of_mut!((*obj).payload));
        // The block was allocated with `PLAIN_LAYOUT` for a `T` and its payload is gone:
        // what the free list's `push` asks for.
        if T::HAS_FREELIST && crate::vm::Vm::with_current(|vm| T::freelist(&vm.ctx).is_some_and(|fl| fl.push(p))).unwrap_or(false) {
            return;
        }
        crate::object::memory::obj_free(p.as_ptr() as *mut u8, VT::<T>::PLAIN_LAYOUT);
    }
}

unsafe fn traverse_payload<T: PyPayload>(p: NonNull<ObjHeader>, visit: &mut dyn FnMut(&PyRef)) {
    // SAFETY: `p` is a live object with payload `T` (checked by the caller via the type);
    // its trailing items (tuple items or slot values) are initialised.
    unsafe {
        let obj = &*(p.as_ptr() as *const PyObject<T>);
        obj.payload.traverse(visit);
        let n = trailing_count(p, vtable_of::<T>());
        let items = trailing_ptr::<T>(p);
        // Tuple items last to first (CPython's tupletraverse), slots in order.
        let backwards = obj.payload.own_trailing() > 0;
        for k in 0..n {
            let i = if backwards { n - 1 - k } else { k };
            if let Some(r) = &*items.add(i) {
                visit(r);
            }
        }
    }
}

unsafe fn clear_payload<T: PyPayload>(p: NonNull<ObjHeader>) {
    // SAFETY: as in traverse_payload. Slot values are taken out before being dropped, so a
    // re-entrant access during the drop sees `None`.
    unsafe {
        let obj = &*(p.as_ptr() as *const PyObject<T>);
        obj.payload.clear();
        if obj.payload.own_trailing() == 0 {
            let n = trailing_count(p, vtable_of::<T>());
            let items = trailing_ptr::<T>(p);
            for i in 0..n {
                drop((*items.add(i)).take());
            }
        }
    }
}

unsafe fn own_trailing<T: PyPayload>(p: NonNull<ObjHeader>) -> usize {
    // SAFETY: as in traverse_payload.
    let obj = unsafe { &*(p.as_ptr() as *const PyObject<T>) };
    obj.payload.own_trailing()
}

/// Address of the first trailing item of an object with payload `T`.
unsafe fn trailing_ptr<T>(p: NonNull<ObjHeader>) -> *mut Option<PyRef> {
    // SAFETY: trailing items start right after `PyObject<T>`, whose size is a multiple of
    // its alignment (>= 8), so the address is suitably aligned for `Option<PyRef>`.
    unsafe { (p.as_ptr() as *mut u8).add(std::mem::size_of::<PyObject<T>>()) as *mut Option<PyRef> }
}

/// A strong reference to a Python object.
#[repr(transparent)]
pub struct PyRef {
    ptr: NonNull<ObjHeader>,
}

impl PyRef {
    #[inline(always)]
    pub fn header(&self) -> &ObjHeader {
        // SAFETY: invariant 1: the object is alive while `self` exists.
        unsafe { self.ptr.as_ref() }
    }

    #[inline(always)]
    pub fn as_ptr(&self) -> *mut ObjHeader {
        self.ptr.as_ptr()
    }

    #[inline(always)]
    pub fn as_non_null(&self) -> NonNull<ObjHeader> {
        self.ptr
    }

    /// The object's address: `id()`.
    #[inline(always)]
    pub fn addr(&self) -> usize {
        self.ptr.as_ptr() as usize
    }

    #[inline(always)]
    pub fn is(&self, other: &PyRef) -> bool {
        self.ptr == other.ptr
    }

    #[inline(always)]
    pub fn kind(&self) -> Kind {
        Kind::from_byte(self.header().kind_byte())
    }

    /// The current reference count (immortal objects: `u32::MAX`).
    pub fn refcnt(&self) -> u32 {
        self.header().refcnt()
    }

    /// A new strong reference to this object's type.
    #[inline(always)]
    pub fn class(&self) -> PyRef {
        // SAFETY: every object's `ob_type` points at a live type object: instances of heap
        // types hold a strong reference (OWNS_TYPE_REF), static types are immortal and
        // outlive their instances (the interpreter frees instances before types).
        unsafe { PyRef::from_borrowed(self.header().type_ptr()) }
    }

    /// The type as a borrowed pointer (no refcount traffic).
    #[inline(always)]
    pub fn class_ptr(&self) -> *mut ObjHeader {
        self.header().type_ptr()
    }

    /// Build a new strong reference from a raw pointer to a live object.
    ///
    /// # Safety
    /// `p` must point at a live object.
    #[inline(always)]
    pub unsafe fn from_borrowed(p: *mut ObjHeader) -> PyRef {
        // SAFETY: the caller guarantees `p` is a live object, so it is non-null.
        let r = PyRef { ptr: unsafe { NonNull::new_unchecked(p) } };
        incref(r.header());
        r
    }

    /// Take over a reference count that the caller owns (the inverse of [`PyRef::into_raw`]).
    ///
    /// # Safety
    /// `p` must come from `into_raw` and not have been reclaimed yet.
    #[inline(always)]
    pub unsafe fn from_raw(p: *mut ObjHeader) -> PyRef {
        // SAFETY: `into_raw` only produces non-null pointers of live objects.
        PyRef { ptr: unsafe { NonNull::new_unchecked(p) } }
    }

    /// Give up the handle without decrementing.
    #[inline(always)]
    pub fn into_raw(self) -> *mut ObjHeader {
        let p = self.ptr.as_ptr();
        std::mem::forget(self);
        p
    }

    /// Another reference to an immortal object (the NULL marker, `None`...) with no code
    /// at all: an immortal's count never changes, so there is nothing to count.
    #[inline(always)]
    pub fn clone_immortal(&self) -> PyRef {
        debug_assert!(self.header().is_immortal(), "clone_immortal of a mortal object");
        PyRef { ptr: self.ptr }
    }

    /// Give up a reference to an immortal object (the NULL marker, `None`...) with no
    /// code at all: an immortal's count never changes, so there is nothing to release.
    #[inline(always)]
    pub fn release_immortal(self) {
        debug_assert!(self.header().is_immortal(), "release_immortal of a mortal object");
        std::mem::forget(self);
    }

    /// The payload if this object's kind is `T`.
    #[inline(always)]
    pub fn downcast<T: PyPayload>(&self) -> Option<&T> {
        if self.header().kind_byte() == T::KIND as u8 {
            // SAFETY: invariant 3: the kind byte names the payload type.
            Some(unsafe { &(*(self.ptr.as_ptr() as *const PyObject<T>)).payload })
        } else {
            None
        }
    }

    /// The payload, assuming the kind was already checked.
    ///
    /// # Safety
    /// `self.kind()` must be `T::KIND`.
    #[inline(always)]
    pub unsafe fn payload_unchecked<T: PyPayload>(&self) -> &T {
        debug_assert_eq!(self.header().kind_byte(), T::KIND as u8);
        // SAFETY: the caller guarantees the kind.
        unsafe { &(*(self.ptr.as_ptr() as *const PyObject<T>)).payload }
    }

    #[inline(always)]
    pub fn is_kind(&self, k: Kind) -> bool {
        self.header().kind_byte() == k as u8
    }

    /// The trailing item `i` of an object with payload `T` (tuple item or slot value).
    /// `i` must be below the object's trailing count, which the callers (tuple and slot
    /// accessors) check.
    #[inline(always)]
    pub(crate) fn trailing<T: PyPayload>(&self) -> *mut Option<PyRef> {
        debug_assert_eq!(self.header().kind_byte(), T::KIND as u8);
        // SAFETY: the kind check above (debug) and the callers' kind checks guarantee the
        // layout; the result is only dereferenced by callers within the trailing count.
        unsafe { trailing_ptr::<T>(self.ptr) }
    }

    /// The managed `__dict__` slot, if this object has one.
    #[inline]
    pub fn managed_dict_slot(&self) -> Option<&Cell<Option<PyRef>>> {
        let f = self.header().flags();
        if f & layout_bits::HAS_MANAGED_DICT == 0 {
            return None;
        }
        let off = pre_header_size_of(f);
        // SAFETY: the flag says a managed-dict word sits `off` bytes before the header, and
        // it was initialised to `None` at allocation. `Cell<Option<PyRef>>` has the layout
        // of a nullable pointer. Single-threaded access (invariant 4).
        unsafe { Some(&*((self.ptr.as_ptr() as *mut u8).sub(off) as *const Cell<Option<PyRef>>)) }
    }
}

impl Clone for PyRef {
    #[inline(always)]
    fn clone(&self) -> PyRef {
        incref(self.header());
        PyRef { ptr: self.ptr }
    }
}

impl Drop for PyRef {
    #[inline(always)]
    fn drop(&mut self) {
        let h = self.header();
        let rc = h.ob_ref_local.load(Relaxed);
        if rc == IMMORTAL_REFCNT {
            return;
        }
        debug_assert!(rc > 0, "decref of a dead object");
        h.ob_ref_local.store(rc - 1, Relaxed);
        if rc == 1 {
            dealloc(self.ptr);
        }
    }
}

impl PartialEq for PyRef {
    /// Identity (`is`), not Python equality.
    fn eq(&self, other: &PyRef) -> bool {
        self.ptr == other.ptr
    }
}
impl Eq for PyRef {}

impl std::fmt::Debug for PyRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{:?} object at {:#x}>", self.kind(), self.addr())
    }
}

#[inline(always)]
pub(crate) fn incref(h: &ObjHeader) {
    let rc = h.ob_ref_local.load(Relaxed);
    let new = rc.wrapping_add(1);
    // Immortal (u32::MAX) wraps to 0 and is skipped; a count that reaches u32::MAX
    // saturates into immortality, as CPython 3.12+ does.
    if new != 0 {
        h.ob_ref_local.store(new, Relaxed);
    }
}

/// Decrement without deallocating (for resurrection bookkeeping in the collector).
pub(crate) fn decref_no_dealloc(h: &ObjHeader) {
    let rc = h.ob_ref_local.load(Relaxed);
    if rc != IMMORTAL_REFCNT && rc > 0 {
        h.ob_ref_local.store(rc - 1, Relaxed);
    }
}

/// What a type object contributes to allocating its instances.
pub struct AllocSpec<'a> {
    /// The type of the new object (a type object).
    pub typ: &'a PyRef,
    /// Whether instances get a managed `__dict__` pre-header.
    pub managed_dict: bool,
    /// Whether the object holds a strong reference to its type (heap types).
    pub owns_type: bool,
}

/// [`layout_for`] of an object being freed: the computation succeeded when it was allocated
/// (same vtable, pre-header and trailing count), so it is repeated without the checks.
///
/// # Safety
/// `layout_for(vt, pre, trailing)` returned `Some` for the object's allocation.
#[inline(always)]
unsafe fn layout_for_freeing(vt: &VTable, pre: usize, trailing: usize) -> Layout {
    let total = pre + vt.object_size + trailing * std::mem::size_of::<usize>();
    let align = vt.object_align.max(16);
    debug_assert!(Layout::from_size_align(total.max(16), align).is_ok());
    // SAFETY: the caller's contract: the same size and alignment passed
    // `Layout::from_size_align` at allocation (a power-of-two alignment, no overflow).
    unsafe { Layout::from_size_align_unchecked(total.max(16), align) }
}

fn layout_for(vt: &VTable, pre: usize, trailing: usize) -> Option<(Layout, usize)> {
    let body = vt.object_size.checked_add(trailing.checked_mul(std::mem::size_of::<usize>())?)?;
    let total = pre.checked_add(body)?;
    let align = vt.object_align.max(16);
    Layout::from_size_align(total.max(16), align).ok().map(|l| (l, pre))
}

/// Allocate a new object of payload `T` with `trailing` trailing item slots (all `None`).
/// Returns `None` when the size overflows or memory is exhausted (callers raise
/// `MemoryError`).
#[inline]
pub fn alloc_object<T: PyPayload>(spec: AllocSpec<'_>, payload: T, trailing: usize) -> Option<PyRef> {
    if !T::HAS_GC && !spec.managed_dict && !spec.owns_type && trailing == 0 {
        return alloc_fixed(spec.typ, payload);
    }
    alloc_object_with_values(spec, payload, trailing, 0)
}

/// Allocate an instance of a static type whose payload is not a container: the object is
/// `PyObject<T>` alone, so its layout (and the allocator's size class) is a compile-time
/// constant and nothing needs zeroing. `None` when memory is exhausted.
#[inline(always)]
pub fn alloc_fixed<T: PyPayload>(typ: &PyRef, payload: T) -> Option<PyRef> {
    if T::HAS_GC {
        return alloc_object_with_values(AllocSpec { typ, managed_dict: false, owns_type: false }, payload, 0, 0);
    }
    let flags = if T::LEAF { layout_bits::PLAIN } else { 0 };
    let base = crate::object::memory::obj_malloc(VT::<T>::PLAIN_LAYOUT)?;
    // SAFETY: `base` is a fresh block of `PLAIN_LAYOUT` (size and alignment of
    // `PyObject<T>`, at least 16), with no pre-header and no trailing items; header and
    // payload are written before any `PyRef` to it exists (invariant 2). The type is static
    // (immortal), so the object holds no reference to it.
    unsafe {
        let obj = base as *mut PyObject<T>;
        std::ptr::write(obj, PyObject { header: ObjHeader::new(T::KIND as u8, flags, typ.as_ptr()), payload });
        (*obj).payload.on_alloc();
        Some(PyRef { ptr: NonNull::new_unchecked(obj as *mut ObjHeader) })
    }
}

/// Most inline attribute values an object can carry (CPython's `SHARED_KEYS_MAX_SIZE`).
pub const MAX_INLINE_VALUES: usize = 30;

/// Insertion-order bytes kept in the first meta word, after the capacity and length.
const HEAD_ORDER: usize = 6;

/// Words taken by inline values of capacity `cap`: one head word (capacity, length and the
/// first [`HEAD_ORDER`] insertion-order bytes), one word per value, then the rest of the
/// insertion order rounded up to words. (The same total as all the meta bytes rounded up
/// to words, but value `i` is at a fixed distance from the head whatever the capacity.)
fn inline_words(cap: usize) -> usize {
    1 + cap + cap.saturating_sub(HEAD_ORDER).div_ceil(8)
}

/// [`alloc_object`] with room for `inline_cap` inline attribute values after the trailing
/// items (all empty); 0 means none. Payloads that carry their own trailing items (tuples)
/// never get inline values.
pub fn alloc_object_with_values<T: PyPayload>(spec: AllocSpec<'_>, payload: T, trailing: usize, inline_cap: usize) -> Option<PyRef> {
    let inline_cap = if payload.own_trailing() == 0 { inline_cap.min(MAX_INLINE_VALUES) } else { 0 };
    let inline = if inline_cap > 0 { inline_words(inline_cap) } else { 0 };
    let vt = vtable_of::<T>();
    let mut layout_flags = 0u16;
    let mut pre = 0;
    // Instances of heap subclasses that add a `__dict__` or slots to a non-container
    // built-in (`class I(int)` with attributes) are containers too, as in CPython.
    let gc = T::HAS_GC || (spec.owns_type && (spec.managed_dict || trailing > 0));
    if gc {
        layout_flags |= layout_bits::HAS_GC_HEAD;
        pre += GC_HEAD_SIZE;
    }
    if spec.managed_dict {
        layout_flags |= layout_bits::HAS_MANAGED_DICT;
        pre += MANAGED_DICT_SIZE;
    }
    if spec.owns_type {
        layout_flags |= layout_bits::OWNS_TYPE_REF;
    }
    if inline > 0 {
        layout_flags |= layout_bits::HAS_INLINE_VALUES;
    }
    if T::LEAF && layout_flags == 0 && trailing == 0 {
        layout_flags |= layout_bits::PLAIN;
    }
    let (layout, pre) = layout_for(vt, pre, trailing.checked_add(inline)?)?;
    let base = crate::object::memory::obj_malloc(layout)?;
    // SAFETY: `base` is a fresh allocation of `layout.size()` bytes, suitably aligned (16).
    // We initialise the pre-header words, the header, the payload and every trailing slot
    // before any `PyRef` to it exists (invariant 2).
    unsafe {
        // The pre-header is at most three words (managed dict, GC links), all zero (null,
        // unlinked); written as words instead of a `memset` call of a run-time length.
        debug_assert!(pre <= 3 * std::mem::size_of::<usize>() && pre % std::mem::size_of::<usize>() == 0);
        let words = base as *mut usize;
        for i in 0..3 {
            if i * std::mem::size_of::<usize>() < pre {
                std::ptr::write(words.add(i), 0);
            }
        }
        let obj = base.add(pre) as *mut PyObject<T>;
        let typ_ptr = spec.typ.as_ptr();
        if spec.owns_type {
            incref(spec.typ.header());
        }
        std::ptr::write(
            obj,
            PyObject { header: ObjHeader::new(T::KIND as u8, layout_flags, typ_ptr), payload },
        );
        let items = trailing_ptr::<T>(NonNull::new_unchecked(obj as *mut ObjHeader));
        for i in 0..trailing {
            std::ptr::write(items.add(i), None);
        }
        if inline > 0 {
            // Head word: capacity in the first byte, length 0. Values empty. The order
            // words after the values (at most three) zeroed as words.
            let head = items.add(trailing) as *mut usize;
            std::ptr::write(head, 0);
            *(head as *mut u8) = inline_cap as u8;
            let values = items.add(trailing + 1);
            // A few values (the type's attribute count): a plain loop beats a call to
            // `memset`, which LLVM would otherwise make of it.
            for i in 0..inline_cap {
                std::ptr::write(values.add(i), None);
                std::hint::black_box(());
            }
            let tail = head.add(1 + inline_cap);
            let tail_words = inline - 1 - inline_cap;
            debug_assert!(tail_words <= 3);
            for i in 0..3 {
                if i < tail_words {
                    std::ptr::write(tail.add(i), 0);
                }
            }
        }
        let r = PyRef { ptr: NonNull::new_unchecked(obj as *mut ObjHeader) };
        (*obj).payload.on_alloc();
        if gc {
            // `object()` itself is not a container; instances of heap types are, and are
            // tracked from birth even when their base is not (a `dict` or `tuple`
            // subclass: CPython's `PyType_GenericAlloc`).
            let track = !T::HAS_GC || spec.owns_type || (T::TRACK_ON_ALLOC && T::KIND != Kind::Object);
            crate::vm::gc::on_alloc(r.ptr, track);
        }
        Some(r)
    }
}

/// Run `f` with a borrowed handle to the object that holds `payload`, if the payload
/// lives in an object (see [`PyPayload::lives_in_object`]).
pub fn with_payload_owner<T: PyPayload, R>(payload: &T, f: impl FnOnce(&PyRef) -> R) -> Option<R> {
    if !payload.lives_in_object() {
        return None;
    }
    // SAFETY: `lives_in_object` is only true after `alloc_object` moved the payload into a
    // `PyObject<T>` (trait contract), whose header sits at a fixed offset in front of the
    // payload; `payload` is borrowed, so the object is alive. The handle is never dropped.
    let r = unsafe {
        let off = std::mem::offset_of!(PyObject<T>, payload);
        let p = (payload as *const T as *const u8).sub(off) as *mut ObjHeader;
        std::mem::ManuallyDrop::new(PyRef::from_raw(p))
    };
    Some(f(&r))
}

/// Allocate an object with a null type pointer: only for bootstrapping `type`, `object`
/// and `dict`, whose type pointers are set with [`set_type_raw`] before anything else runs.
pub(crate) fn alloc_typeless<T: PyPayload>(payload: T) -> Option<PyRef> {
    let vt = vtable_of::<T>();
    let pre = if T::HAS_GC { GC_HEAD_SIZE } else { 0 };
    let flags = if T::HAS_GC { layout_bits::HAS_GC_HEAD } else { 0 };
    let (layout, pre) = layout_for(vt, pre, 0)?;
    let base = crate::object::memory::obj_malloc(layout)?;
    // SAFETY: fresh allocation of the right layout, fully initialised before use; the null
    // type pointer is replaced by the bootstrap before any code reads it.
    unsafe {
        std::ptr::write_bytes(base, 0, pre);
        let obj = base.add(pre) as *mut PyObject<T>;
        std::ptr::write(obj, PyObject { header: ObjHeader::new(T::KIND as u8, flags, std::ptr::null_mut()), payload });
        Some(PyRef { ptr: NonNull::new_unchecked(obj as *mut ObjHeader) })
    }
}

/// Point an object at a static (immortal) type without touching refcounts. Used by the
/// bootstrap and by `__class__` assignment between static layouts.
pub(crate) fn set_type_raw(obj: &PyRef, typ: &PyRef) {
    obj.header().ob_type.store(typ.as_ptr(), Relaxed);
}

/// The vtable of a live object, found through its type.
pub(crate) fn vtable_of_obj(p: NonNull<ObjHeader>) -> &'static VTable {
    // SAFETY: `ob_type` of a live object points at a live type object (see `PyRef::class`).
    let typ = unsafe { &*(p.as_ref().type_ptr()) };
    crate::objects::typeobject::vtable_of_type_header(typ)
}

/// Number of trailing items of a live object.
pub(crate) fn trailing_count(p: NonNull<ObjHeader>, vt: &VTable) -> usize {
    // SAFETY: `p` is live and its vtable matches its payload.
    let own = unsafe { (vt.own_trailing)(p) };
    if own > 0 {
        return own;
    }
    // SAFETY: as in vtable_of_obj.
    let typ = unsafe { &*(p.as_ref().type_ptr()) };
    crate::objects::typeobject::nslots_of_type_header(typ)
}

thread_local! {
    /// Trashcan: objects whose deallocation was deferred because the dealloc chain got
    /// too deep (CPython's `Py_TRASHCAN_BEGIN`). Per thread, like CPython's thread state.
    static TRASH: std::cell::RefCell<Vec<NonNull<ObjHeader>>> = const { std::cell::RefCell::new(Vec::new()) };
    static DEALLOC_DEPTH: Cell<u32> = const { Cell::new(0) };
    /// Whether `TRASH` may hold objects: the outermost dealloc looks at `TRASH` (a
    /// thread-local with a destructor, costlier to reach) only then.
    static TRASH_PENDING: Cell<bool> = const { Cell::new(false) };
}

const TRASHCAN_DEPTH: u32 = 50;

/// Deallocate an object whose refcount just reached zero.
#[inline(never)]
fn dealloc(p: NonNull<ObjHeader>) {
    // SAFETY: `p` is an object whose count just reached 0; its header and type are valid.
    let h = unsafe { p.as_ref() };
    if h.flags() & layout_bits::MASK == layout_bits::PLAIN {
        let vt = vtable_of_obj(p);
        // SAFETY: `PLAIN` alone: the object has `vt`'s payload and the plain layout.
        unsafe { (vt.dealloc_plain)(p) };
        return;
    }
    dealloc_general(p);
}

/// [`dealloc`] of anything but a `PLAIN` object: finalizer, collector, weakrefs, trashcan.
fn dealloc_general(p: NonNull<ObjHeader>) {
    let depth = DEALLOC_DEPTH.with(|d| d.get());
    if depth >= TRASHCAN_DEPTH {
        // A deferred object has a zero count: the collector must not see it.
        crate::vm::gc::untrack_raw(p);
        TRASH.with(|t| t.borrow_mut().push(p));
        TRASH_PENDING.with(|f| f.set(true));
        return;
    }
    DEALLOC_DEPTH.with(|d| d.set(depth + 1));
    dealloc_now(p);
    if depth == 0 && TRASH_PENDING.with(|f| f.get()) {
        // Outermost dealloc: drain deferred objects iteratively.
        loop {
            let next = TRASH.with(|t| t.borrow_mut().pop());
            match next {
                Some(q) => dealloc_now(q),
                None => break,
            }
        }
        TRASH_PENDING.with(|f| f.set(false));
    }
    DEALLOC_DEPTH.with(|d| d.set(depth));
}

fn dealloc_now(p: NonNull<ObjHeader>) {
    // SAFETY: `p` is an object whose count reached 0: no other PyRef to it exists.
    let h = unsafe { p.as_ref() };
    // 1. Finalizer (may resurrect the object by storing a new reference somewhere).
    if crate::vm::finalize::needs_finalizer(p) {
        h.ob_ref_local.store(1, Relaxed);
        crate::vm::finalize::call_del(p);
        let rc = h.ob_ref_local.load(Relaxed);
        if rc > 1 || rc == IMMORTAL_REFCNT {
            // Resurrected: the new references keep it alive; drop ours. A trashcan
            // deferral untracked it: the collector must see it again.
            decref_no_dealloc(h);
            if h.flags() & layout_bits::HAS_GC_HEAD != 0 {
                // SAFETY: `p` is alive again (count >= 1).
                crate::vm::gc::track(&std::mem::ManuallyDrop::new(unsafe { PyRef::from_raw(p.as_ptr()) }));
            }
            return;
        }
        h.ob_ref_local.store(0, Relaxed);
    }
    // The flags, read once (relaxed atomic loads are not merged by the compiler). Nothing
    // sets a bit of a dead object's from here on: the finalizer, which could give it weak
    // references, has run, and nothing else can reach it.
    let f = h.flags();
    // 2. Leave the collector's lists (before any Python code can run again: weakref
    //    callbacks below may reach a safe point where the collector runs).
    if f & layout_bits::HAS_GC_HEAD != 0 {
        crate::vm::gc::on_dealloc(p);
    }
    // 3. Weak references to it die now (callbacks run).
    if f & layout_bits::HAS_WEAKREFS != 0 {
        crate::vm::finalize::clear_weakrefs(p);
    }
    let vt = vtable_of_obj(p);
    let (trailing, inline_area) = if f & layout_bits::HAS_INLINE_VALUES != 0 {
        // Payloads with inline values have no trailing items of their own
        // (`alloc_object_with_values`): the type's slot count and inline base, with no
        // call to ask.
        // SAFETY: as in `vtable_of_obj` (the type is still referenced); the flag is set.
        (crate::objects::typeobject::nslots_of_type_header(unsafe { &*h.type_ptr() }), Some(unsafe { inline_head(p) }))
    } else {
        (trailing_count(p, vt), None)
    };
    let pre = pre_header_size_of(f);
    let owns_type = f & layout_bits::OWNS_TYPE_REF != 0;
    let typ = h.type_ptr();
    let managed = f & layout_bits::HAS_MANAGED_DICT != 0;
    let inline = match inline_area {
        Some((_, cap)) => inline_words(cap),
        None => 0,
    };
    // SAFETY: the object is dead (count 0, not resurrected); payload, managed dict,
    // inline values and trailing items are dropped exactly once, then the memory is
    // released with the layout it was allocated with (same vtable, pre-header size,
    // trailing count and inline capacity, which the object records itself).
    unsafe {
        if let Some((meta, cap)) = inline_area {
            let values = inline_values_ptr(meta);
            for i in 0..cap {
                std::ptr::drop_in_place(values.add(i));
            }
        }
        if managed {
            let slot = (p.as_ptr() as *mut u8).sub(pre) as *mut Option<PyRef>;
            if let Some(d) = &*slot {
                crate::vm::gc::detach_managed_dict(d);
            }
            std::ptr::drop_in_place(slot);
        }
        (vt.drop_payload)(p, trailing);
        let layout = layout_for_freeing(vt, pre, trailing + inline);
        crate::object::memory::obj_free((p.as_ptr() as *mut u8).sub(pre), layout);
        if owns_type {
            drop(PyRef::from_raw(typ));
        }
    }
}

/// Run `f` with the payload's traverse (collector and `gc.get_referents`).
pub fn traverse_object(obj: &PyRef, visit: &mut dyn FnMut(&PyRef)) {
    let vt = vtable_of_obj(obj.ptr);
    // SAFETY: `obj` is live and `vt` is its payload's vtable.
    unsafe { (vt.traverse)(obj.ptr, visit) };
    if let Some(iv) = inline_values(obj) {
        // Each value once, in shared-keys index order (empty after materialization).
        for c in iv.values {
            let v = c.take();
            if let Some(v) = &v {
                visit(v);
            }
            c.set(v);
        }
    }
    if let Some(slot) = obj.managed_dict_slot() {
        let d = slot.take();
        if let Some(d) = &d {
            if d.refcnt() == 1 && !crate::vm::gc::is_tracked(d) {
                // Held only here and untracked: its items count as the owner's (CPython's
                // inline values), so the dict is not a separate object for the collector.
                traverse_object(d, visit);
            } else {
                visit(d);
            }
        }
        slot.set(d);
    }
    if obj.header().flags() & layout_bits::OWNS_TYPE_REF != 0 {
        // Instances of heap types own a reference to their class.
        // SAFETY: the type of a live object is live.
        let t = std::mem::ManuallyDrop::new(unsafe { PyRef::from_raw(obj.class_ptr()) });
        visit(&t);
    }
}

/// Run the payload's clear (the collector's tp_clear).
pub fn clear_object(obj: &PyRef) {
    let vt = vtable_of_obj(obj.ptr);
    // SAFETY: `obj` is live and `vt` is its payload's vtable.
    unsafe { (vt.clear)(obj.ptr) };
    if let Some(iv) = inline_values(obj) {
        iv.set_len(0);
        for c in iv.values {
            drop(c.take());
        }
    }
    if let Some(slot) = obj.managed_dict_slot() {
        let d = slot.take();
        if let Some(d) = &d {
            crate::vm::gc::detach_managed_dict(d);
        }
        drop(d);
    }
}

/// View stack slots as references; empty if any slot is NULL (the compiler guarantees
/// argument ranges are not).
#[inline(always)]
pub fn slots_as_refs(slots: &[Option<PyRef>]) -> &[PyRef] {
    if slots.iter().any(|s| s.is_none()) {
        return &[];
    }
    // SAFETY: every element is `Some`, and `Option<PyRef>` has the same layout as `PyRef`
    // when it is `Some` (null-pointer niche), so the slice can be reinterpreted.
    unsafe { std::slice::from_raw_parts(slots.as_ptr() as *const PyRef, slots.len()) }
}

/// The `__slots__` value cell `i` of an object (None when out of range or when the object's
/// trailing items are tuple items, not slots).
pub fn slot_cell(obj: &PyRef, i: usize) -> Option<&Cell<Option<PyRef>>> {
    let vt = vtable_of_obj(obj.ptr);
    // SAFETY: `obj` is live; `own_trailing` reads its payload with the matching vtable.
    if unsafe { (vt.own_trailing)(obj.ptr) } != 0 {
        return None;
    }
    if i >= trailing_count(obj.ptr, vt) {
        return None;
    }
    // SAFETY: slot `i` is within the trailing area allocated for this object's type
    // (checked above), initialised at allocation; `Cell<Option<PyRef>>` has the same layout
    // as `Option<PyRef>`. Access is single-threaded (invariant 4).
    unsafe {
        let base = (obj.ptr.as_ptr() as *mut u8).add(vt.object_size) as *const Cell<Option<PyRef>>;
        Some(&*base.add(i))
    }
}

/// Where the inline values of an object start (their head word) and their capacity, found
/// through its type's `inline_base` (the live view and deallocation both use this).
///
/// # Safety
/// `p` is an object (live, or dying with its type still referenced) whose flags have
/// `HAS_INLINE_VALUES`.
#[inline(always)]
unsafe fn inline_head(p: NonNull<ObjHeader>) -> (*mut u8, usize) {
    // SAFETY: `ob_type` points at a live type object (caller; see `PyRef::class`).
    let typ = unsafe { &*(p.as_ref().type_ptr()) };
    // Inline values are only given to payloads without trailing items of their own
    // (`alloc_object_with_values`), so the trailing items are the type's `__slots__`, and
    // the area starts where the type says (`TypeData::inline_base`: payload size and slot
    // count, which `__class__` assignment keeps).
    // SAFETY: `p`'s vtable is its payload's (`vtable_of_obj`).
    debug_assert_eq!(unsafe { (vtable_of_obj(p).own_trailing)(p) }, 0);
    let base = crate::objects::typeobject::inline_base_of_type_header(typ);
    debug_assert_eq!(base, crate::objects::typeobject::inline_base(vtable_of_obj(p), crate::objects::typeobject::nslots_of_type_header(typ)));
    // SAFETY: with the flag set (caller), `alloc_object_with_values` put the head word at
    // `base` and wrote the capacity into its first byte.
    unsafe {
        let meta = (p.as_ptr() as *mut u8).add(base);
        (meta, *meta as usize)
    }
}

/// The inline attribute values of an instance (CPython 3.13's `PyDictValues` embedded in
/// the object). A head word holds the capacity, the number of present values and the
/// first six of their shared-keys indices in insertion order; the values follow it, then
/// the rest of the insertion order (capacities above six). `values[i]` is the value
/// of the class's shared key `i` (`None`: not set or deleted).
pub struct InlineValues<'a> {
    /// The head word's bytes: capacity, length, insertion order `0..HEAD_ORDER`.
    meta: &'a [Cell<u8>; 8],
    /// The values; after them, the insertion order `HEAD_ORDER..capacity` ([`Self::tail`]).
    values: &'a [Cell<Option<PyRef>>],
}

/// Where the values of an inline area (head word at `meta`) start: right after the head.
///
/// # Safety
/// `meta` comes from [`inline_head`] for a live object.
#[inline(always)]
unsafe fn inline_values_ptr(meta: *mut u8) -> *mut Option<PyRef> {
    // SAFETY: the area is `inline_words(cap)` words long, the head word first (caller).
    unsafe { meta.add(std::mem::size_of::<usize>()) as *mut Option<PyRef> }
}

/// The [`InlineValues`] view of an inline area.
///
/// # Safety
/// `meta` and `cap` come from [`inline_head`] for an object
/// that outlives `'a`.
#[inline(always)]
unsafe fn inline_values_in<'a>(meta: *mut u8, cap: usize) -> InlineValues<'a> {
    // SAFETY: the area holds `inline_words(cap)` initialised words: the head word, `cap`
    // values, then the order bytes beyond the head's (`cap - HEAD_ORDER` of them used), all
    // within the allocation and borrowed no longer than the object (caller). `Cell<u8>` /
    // `Cell<Option<PyRef>>` have the layouts of `u8` / `Option<PyRef>`; access is
    // single-threaded (invariant 4).
    unsafe {
        let values = inline_values_ptr(meta) as *const Cell<Option<PyRef>>;
        InlineValues { meta: &*(meta as *const [Cell<u8>; 8]), values: std::slice::from_raw_parts(values, cap) }
    }
}

/// The inline values of `obj`, if it was allocated with some.
#[inline]
pub fn inline_values(obj: &PyRef) -> Option<InlineValues<'_>> {
    if obj.header().flags() & layout_bits::HAS_INLINE_VALUES == 0 {
        return None;
    }
    // SAFETY: HAS_INLINE_VALUES is set (just tested). Found through the type's
    // `inline_base`: no call to the payload's `own_trailing` (the collector's traversal
    // goes through here for every instance).
    Some(unsafe { inline_values_at_type_base(obj) })
}

/// The inline values of `obj` when they are authoritative: allocated with some and no
/// `__dict__` materialized (the attribute caches' hit path; one flags read, no calls).
#[inline(always)]
pub fn live_inline_values(obj: &PyRef) -> Option<InlineValues<'_>> {
    let h = obj.header();
    // One read of the flags serves every test below (relaxed atomic loads are not merged
    // by the compiler, so each `flags()` call would be a load of its own).
    let f = h.flags();
    if f & layout_bits::HAS_INLINE_VALUES == 0 {
        return None;
    }
    if f & layout_bits::HAS_MANAGED_DICT != 0 {
        // The managed dict is the first pre-header word.
        let off = pre_header_size_of(f);
        // SAFETY: as in `managed_dict_slot`: an initialised `Option<PyRef>` word sits `off`
        // bytes before the header; it is only read here (as a nullable pointer).
        let word = unsafe { *((obj.ptr.as_ptr() as *const u8).sub(off) as *const usize) };
        if word != 0 {
            return None;
        }
    }
    // SAFETY: HAS_INLINE_VALUES is set (tested above).
    Some(unsafe { inline_values_at_type_base(obj) })
}

/// [`live_inline_values`] for the attribute caches' hit paths: `None` as well when the
/// object's pre-header is not an instance's usual one (a managed dict and a GC head), which
/// their slow paths handle. The dict word is then at a fixed place: one flags test and one
/// load decide.
#[inline(always)]
pub fn cached_inline_values(obj: &PyRef) -> Option<InlineValues<'_>> {
    const USUAL: u16 = layout_bits::HAS_INLINE_VALUES | layout_bits::HAS_MANAGED_DICT | layout_bits::HAS_GC_HEAD;
    if obj.header().flags() & USUAL != USUAL {
        return None;
    }
    // SAFETY: with both pre-header parts present, the managed dict word (an initialised
    // `Option<PyRef>`, read here as a nullable pointer) is the first of the three
    // pre-header words (`pre_header_size_of`).
    let word = unsafe { *((obj.ptr.as_ptr() as *const u8).sub(GC_HEAD_SIZE + MANAGED_DICT_SIZE) as *const usize) };
    if word != 0 {
        return None;
    }
    // SAFETY: HAS_INLINE_VALUES is set (tested above).
    Some(unsafe { inline_values_at_type_base(obj) })
}

/// The inline values of `obj`, found through its type's `inline_base`.
///
/// # Safety
/// `obj` has `HAS_INLINE_VALUES`.
#[inline(always)]
unsafe fn inline_values_at_type_base(obj: &PyRef) -> InlineValues<'_> {
    // SAFETY: `obj` is live and has HAS_INLINE_VALUES (caller); the view is borrowed no
    // longer than `obj`.
    unsafe {
        let (meta, cap) = inline_head(obj.ptr);
        inline_values_in(meta, cap)
    }
}

impl InlineValues<'_> {
    pub fn capacity(&self) -> usize {
        self.values.len()
    }
    /// Number of present values.
    pub fn len(&self) -> usize {
        self.meta[1].get() as usize
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    fn set_len(&self, n: usize) {
        self.meta[1].set(n as u8);
    }
    /// Insertion-order byte `k` (`k < capacity`).
    #[inline(always)]
    fn order_cell(&self, k: usize) -> &Cell<u8> {
        if k < HEAD_ORDER {
            &self.meta[2 + k]
        } else {
            &self.tail()[k - HEAD_ORDER]
        }
    }
    /// The insertion order beyond the head word's: right after the values.
    #[cold]
    fn tail(&self) -> &[Cell<u8>] {
        let cap = self.values.len();
        // SAFETY: the inline area is `inline_words(cap)` words: after the head and the `cap`
        // values come `cap - HEAD_ORDER` order bytes (rounded up to words), initialised at
        // allocation and part of the same object, which outlives `self`.
        unsafe { std::slice::from_raw_parts(self.values.as_ptr().add(cap) as *const Cell<u8>, cap.saturating_sub(HEAD_ORDER)) }
    }
    /// Shared-keys indices of the present values, in insertion order.
    pub fn order(&self) -> Vec<usize> {
        (0..self.len()).map(|k| self.order_cell(k).get() as usize).collect()
    }
    /// A new reference to value `i`.
    #[inline]
    pub fn get(&self, i: usize) -> Option<PyRef> {
        let c = self.values.get(i)?;
        // SAFETY: a bitwise copy that owns nothing (never dropped): single-threaded access
        // (invariant 4), and cloning it (an incref) runs no code, so the value stays in the
        // cell, alive, while the copy is used. Cloned from the copy, the pointer is not
        // read twice (the count's store could, for all the compiler knows, change the cell).
        let v = std::mem::ManuallyDrop::new(unsafe { c.as_ptr().read() });
        (*v).clone()
    }
    /// Store value `i` (in range), appending `i` to the insertion order when it was empty.
    /// Returns the old value, for the caller to drop once the object is consistent.
    #[inline]
    pub fn set(&self, i: usize, v: PyRef) -> Option<PyRef> {
        let old = self.values[i].replace(Some(v));
        if old.is_none() {
            let n = self.len();
            self.order_cell(n).set(i as u8);
            self.set_len(n + 1);
        }
        old
    }
    /// Remove value `i`, keeping the insertion order of the others.
    pub fn remove(&self, i: usize) -> Option<PyRef> {
        let old = self.values.get(i)?.take()?;
        let n = self.len();
        if let Some(pos) = (0..n).position(|k| self.order_cell(k).get() as usize == i) {
            for k in pos..n - 1 {
                self.order_cell(k).set(self.order_cell(k + 1).get());
            }
            self.set_len(n - 1);
        }
        Some(old)
    }
    /// Take every value out in insertion order (as `(index, value)`), leaving it empty.
    pub fn drain(&self) -> Vec<(usize, PyRef)> {
        let out = self.order().into_iter().filter_map(|i| self.values[i].take().map(|v| (i, v))).collect();
        self.set_len(0);
        for c in self.values {
            // Nothing is left outside the order; taken anyway so the object stays consistent.
            if let Some(v) = c.take() {
                drop(v);
            }
        }
        out
    }
}

/// `obj.__class__ = new` between heap types of identical layout: move the type reference.
pub(crate) fn swap_heap_type(obj: &PyRef, new: &PyRef) {
    let h = obj.header();
    if h.flags() & layout_bits::OWNS_TYPE_REF == 0 {
        return;
    }
    incref(new.header());
    let old = h.ob_type.swap(new.as_ptr(), Relaxed);
    // SAFETY: the object owned one reference to its old (heap) type, released here.
    drop(unsafe { PyRef::from_raw(old) });
}

/// Leak-check teardown: free immortal objects that are not types. Their types must still
/// be alive; nothing else may refer to them any more.
pub(crate) fn free_immortal(obj: PyRef) {
    let h = obj.header();
    if h.refcnt() != IMMORTAL_REFCNT {
        return;
    }
    // The interpreter owned these objects; no other reference is used after this point,
    // so the object is released through the ordinary deallocation path.
    h.ob_ref_local.store(1, Relaxed);
    drop(obj);
}

/// Leak-check teardown: free the interpreter's type objects, which refer to each other
/// (every type's type is `type`; every type's dict is a `dict`). `types` must end with
/// `object`, `type` and `dict`, and no instance of any of them may be alive except the
/// types themselves and their (already emptied) dicts.
pub(crate) fn free_static_types(types: Vec<PyRef>) {
    use crate::objects::typeobject::TypeData;
    let vt = vtable_of::<TypeData>();
    let ptrs: Vec<NonNull<ObjHeader>> = types.into_iter().map(|t| t.ptr).collect();
    // Phase 1: drop every payload (this releases each type's dict, whose deallocation
    // reads `dict`'s and `type`'s payloads: those two are dropped last).
    for p in &ptrs {
        // SAFETY: `p` is a type object (payload TypeData, checked by the kind byte below)
        // that the interpreter owned; its payload is dropped exactly once here.
        unsafe {
            if p.as_ref().kind_byte() == Kind::Type as u8 {
                (vt.drop_payload)(*p, 0);
            }
        }
    }
    // Phase 2: release the memory; nothing reads these objects any more.
    for p in &ptrs {
        // SAFETY: payload dropped above; the layout is the one `alloc_object` used (type
        // objects have no trailing items; the pre-header size comes from the flags).
        unsafe {
            let h = p.as_ref();
            if h.kind_byte() != Kind::Type as u8 {
                continue;
            }
            let pre = h.pre_header_size();
            if let Some((layout, pre)) = layout_for(vt, pre, 0) {
                crate::object::memory::obj_free((p.as_ptr() as *mut u8).sub(pre), layout);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The head word, the values and the rest of the order take as many words as the meta
    /// bytes rounded up to words plus the values (the layout before the head word), and the
    /// order after the values has room for every index beyond the head's.
    #[test]
    fn inline_words_cover_values_and_order() {
        for cap in 1..=MAX_INLINE_VALUES {
            let words = inline_words(cap);
            assert_eq!(words, (2 + cap).div_ceil(8) + cap, "cap {cap}");
            let tail_bytes = (words - 1 - cap) * std::mem::size_of::<usize>();
            assert!(tail_bytes >= cap.saturating_sub(HEAD_ORDER), "cap {cap}");
            assert!(words - 1 - cap <= 3, "cap {cap}: alloc zeroes at most three tail words");
        }
    }
}
