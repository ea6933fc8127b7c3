//! `tuple` (CPython `Objects/tupleobject.c`): the items live inline after the header, as
//! in CPython's variable-size objects, so a tuple is one allocation.

use crate::object::{Kind, PyPayload, PyRef};

pub struct TupleData {
    len: usize,
}

// SAFETY: Kind::Tuple is used by no other payload type.
unsafe impl PyPayload for TupleData {
    const KIND: Kind = Kind::Tuple;
    const HAS_GC: bool = true;
    const TRAILING_REVERSED: bool = true;
    fn own_trailing(&self) -> usize {
        self.len
    }
}

impl TupleData {
    pub(crate) fn with_len(len: usize) -> TupleData {
        TupleData { len }
    }
    pub fn len(&self) -> usize {
        self.len
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// The slots of a freshly allocated tuple (all None).
///
/// # Safety
/// `t` is a tuple that nothing else has seen yet: no other reference to its slots exists
/// while the returned slice lives.
#[inline(always)]
#[allow(clippy::mut_from_ref)]
unsafe fn fresh_slots(t: &PyRef) -> &mut [Option<PyRef>] {
    let n = t.downcast::<TupleData>().map(|d| d.len).unwrap_or(0);
    let base = t.trailing::<TupleData>();
    // SAFETY: `base` points at the tuple's `n` initialised slots; the caller guarantees
    // this is the only access to them while the slice lives.
    unsafe { std::slice::from_raw_parts_mut(base, n) }
}

/// Fill a freshly allocated tuple's slots. Only the tuple constructor calls this, before
/// the tuple is visible to anything else.
pub(crate) fn init_items(t: &PyRef, items: impl IntoIterator<Item = PyRef>) {
    // SAFETY: the tuple was just allocated by our caller and is not shared yet.
    let slots = unsafe { fresh_slots(t) };
    let mut filled = 0;
    for (slot, item) in slots.iter_mut().zip(items) {
        *slot = Some(item);
        filled += 1;
    }
    debug_assert_eq!(filled, slots.len(), "tuple initialised with too few items");
}

/// Fill a freshly allocated tuple's slots by moving the values from `at` up out of
/// `stack` (`BUILD_TUPLE`): no reference count changes. Only the tuple constructor calls
/// this, before the tuple is visible to anything else.
#[inline(always)]
pub(crate) fn init_items_from_stack(t: &PyRef, stack: &mut crate::object::datastack::ValueStack<'_>, at: usize) {
    // SAFETY: as in `init_items`.
    stack.move_into(at, unsafe { fresh_slots(t) });
}

/// The items of a tuple object (empty for non-tuples).
#[inline]
pub fn tuple_items(t: &PyRef) -> &[PyRef] {
    let Some(d) = t.downcast::<TupleData>() else { return &[] };
    let base = t.trailing::<TupleData>();
    // SAFETY: a tuple's `len` trailing slots are all `Some` after construction (init_items
    // fills every slot before the tuple is shared, and tuples are never cleared), and
    // `Option<PyRef>` with `Some` has the same representation as `PyRef` (non-null
    // pointer niche). The slice lives as long as the borrow of `t` keeps the tuple alive.
    unsafe { std::slice::from_raw_parts(base as *const PyRef, d.len) }
}
