//! The object header and the raw memory layout of every Python object.
//!
//! ```text
//!            ┌──────────────────────────┐  only for instances of heap types with a __dict__
//!  -24/-8    │ managed dict: PyRef|null │  (CPython 3.12+ "managed dict" pre-header)
//!            ├──────────────────────────┤  only for container types (GC-tracked kinds)
//!  -16       │ gc_prev, gc_next         │  (CPython's PyGC_Head)
//!            ├──────────────────────────┤ <- PyRef points here
//!   0        │ ob_tid        (8)        │  owner thread (free-threaded mode), 0 under the GIL
//!   8        │ ob_flags (2) ob_mutex (1)│  payload kind + layout bits; per-object lock;
//!            │ ob_gc_bits (1)           │  collector bits
//!  12        │ ob_ref_local  (4)        │  THE refcount under the GIL; owner's count when
//!            │                          │  free-threaded; u32::MAX = immortal (PEP 683)
//!  16        │ ob_ref_shared (8)        │  other threads' count (biased refcounting, PEP 703)
//!  24        │ ob_type       (8)        │  the object's type (a type object)
//!            ├──────────────────────────┤
//!  32        │ payload T                │  e.g. ListData, IntData ...
//!            ├──────────────────────────┤
//!            │ trailing items           │  tuple items or __slots__ values: [Option<PyRef>]
//!            ├──────────────────────────┤  only with HAS_INLINE_VALUES:
//!            │ inline values head (8)   │  capacity (u8), length (u8), insertion order
//!            │                          │  of the first 6 values ([u8; 6])
//!            │ inline values            │  [Option<PyRef>; capacity], indexed like the
//!            │                          │  class's shared keys (value i at head + 8 + 8i)
//!            │ rest of the order        │  capacity > 6 only: [u8; capacity - 6], padded
//!            └──────────────────────────┘  to whole words
//! ```
//!
//! The header mirrors CPython 3.13's free-threaded `PyObject` so that switching modes at
//! start-up needs no second layout. All fields are atomics accessed with `Relaxed` loads and
//! stores (plain moves on x86/ARM) so that the same header is sound when several threads
//! read it later; under the GIL only the owner touches them.

use std::sync::atomic::{AtomicIsize, AtomicPtr, AtomicU16, AtomicU32, AtomicU8, AtomicUsize, Ordering::Relaxed};

/// Refcount value of immortal objects (CPython 3.13: `_Py_IMMORTAL_REFCNT`, reported by
/// `sys.getrefcount` as 4294967295).
pub const IMMORTAL_REFCNT: u32 = u32::MAX;

/// Layout bits kept in the high byte of `ob_flags` (the low byte is the payload kind).
pub mod layout_bits {
    /// A `GcHead` precedes the header.
    pub const HAS_GC_HEAD: u16 = 1 << 8;
    /// A managed `__dict__` pointer precedes the GC head (or the header).
    pub const HAS_MANAGED_DICT: u16 = 1 << 9;
    /// The object has (or had) weak references registered in the interpreter's table.
    pub const HAS_WEAKREFS: u16 = 1 << 10;
    /// The object's type is a heap type that it holds a strong reference to.
    pub const OWNS_TYPE_REF: u16 = 1 << 11;
    /// Inline attribute values follow the trailing `__slots__` items (CPython 3.13's
    /// `Py_TPFLAGS_INLINE_VALUES`, per object here: the capacity is stored in the object).
    pub const HAS_INLINE_VALUES: u16 = 1 << 12;
    /// None of the above, a static type and a payload that holds no references
    /// (`PyPayload::LEAF`): the whole object is `PyObject<T>`, freed by the fast path
    /// (`object/core.rs`, `dealloc_plain`). Set at allocation only; setting any other
    /// bit later (weak references) sends the object down the general path.
    pub const PLAIN: u16 = 1 << 13;
    /// All layout bits (the high byte of `ob_flags`).
    pub const MASK: u16 = 0xFF00;
}

/// Bits of `ob_gc_bits` (CPython 3.13t: `_PyGC_BITS_*`).
pub mod gc_bits {
    pub const TRACKED: u8 = 1 << 0;
    /// `__del__` already ran (PEP 442).
    pub const FINALIZED: u8 = 1 << 1;
    pub const UNREACHABLE: u8 = 1 << 2;
    pub const FROZEN: u8 = 1 << 3;
    /// In the generation being collected (the collector's scratch mark).
    pub const COLLECTING: u8 = 1 << 4;
}

/// The common head of every object.
#[repr(C)]
pub struct ObjHeader {
    pub(crate) ob_tid: AtomicUsize,
    pub(crate) ob_flags: AtomicU16,
    pub(crate) ob_mutex: AtomicU8,
    pub(crate) ob_gc_bits: AtomicU8,
    pub(crate) ob_ref_local: AtomicU32,
    pub(crate) ob_ref_shared: AtomicIsize,
    pub(crate) ob_type: AtomicPtr<ObjHeader>,
}

const _: () = assert!(std::mem::size_of::<ObjHeader>() == 32);

/// The collector's links (CPython's `PyGC_Head`): a doubly linked list per generation.
#[repr(C)]
pub struct GcHead {
    pub(crate) prev: AtomicUsize,
    pub(crate) next: AtomicUsize,
}

pub const GC_HEAD_SIZE: usize = std::mem::size_of::<GcHead>();
pub const MANAGED_DICT_SIZE: usize = std::mem::size_of::<usize>();

impl ObjHeader {
    pub(crate) fn new(kind: u8, layout: u16, typ: *mut ObjHeader) -> ObjHeader {
        ObjHeader {
            ob_tid: AtomicUsize::new(0),
            ob_flags: AtomicU16::new(kind as u16 | layout),
            ob_mutex: AtomicU8::new(0),
            ob_gc_bits: AtomicU8::new(0),
            ob_ref_local: AtomicU32::new(1),
            ob_ref_shared: AtomicIsize::new(0),
            ob_type: AtomicPtr::new(typ),
        }
    }

    #[inline(always)]
    pub fn kind_byte(&self) -> u8 {
        self.ob_flags.load(Relaxed) as u8
    }

    #[inline(always)]
    pub fn flags(&self) -> u16 {
        self.ob_flags.load(Relaxed)
    }

    #[inline(always)]
    pub(crate) fn set_flag(&self, bit: u16) {
        self.ob_flags.store(self.flags() | bit, Relaxed);
    }

    #[inline(always)]
    pub fn refcnt(&self) -> u32 {
        self.ob_ref_local.load(Relaxed)
    }

    #[inline(always)]
    pub fn is_immortal(&self) -> bool {
        self.refcnt() == IMMORTAL_REFCNT
    }

    pub(crate) fn make_immortal(&self) {
        self.ob_ref_local.store(IMMORTAL_REFCNT, Relaxed);
    }

    #[inline(always)]
    pub fn gc_bits(&self) -> u8 {
        self.ob_gc_bits.load(Relaxed)
    }

    #[inline(always)]
    pub(crate) fn set_gc_bits(&self, bits: u8) {
        self.ob_gc_bits.store(bits, Relaxed);
    }

    #[inline(always)]
    pub fn type_ptr(&self) -> *mut ObjHeader {
        self.ob_type.load(Relaxed)
    }

    /// Bytes in front of the header (GC head, managed dict).
    #[inline]
    pub fn pre_header_size(&self) -> usize {
        pre_header_size_of(self.flags())
    }
}

/// Bytes in front of the header of an object with flags `f` (GC head, managed dict).
#[inline(always)]
pub fn pre_header_size_of(f: u16) -> usize {
    let mut n = 0;
    if f & layout_bits::HAS_GC_HEAD != 0 {
        n += GC_HEAD_SIZE;
    }
    if f & layout_bits::HAS_MANAGED_DICT != 0 {
        n += MANAGED_DICT_SIZE;
    }
    n
}
