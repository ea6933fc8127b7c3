//! Small payloads: plain objects, modules, ranges, slices, cells of built-in iterators.

use crate::object::{Kind, PyPayload, PyRef};
use crate::objects::int::IntValue;
use crate::sync::PyCell;

/// `object()` and instances of classes with no built-in base: no payload (attributes live
/// in the managed `__dict__` or in trailing `__slots__`).
pub struct ObjectData;

// SAFETY: Kind::Object is used by no other payload type.
unsafe impl PyPayload for ObjectData {
    const KIND: Kind = Kind::Object;
    const HAS_GC: bool = true;
}

/// A module: its namespace dict.
pub struct ModuleData {
    pub dict: PyRef,
}

// SAFETY: Kind::Module is used by no other payload type.
unsafe impl PyPayload for ModuleData {
    const KIND: Kind = Kind::Module;
    const HAS_GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&PyRef)) {
        visit(&self.dict);
    }
}

/// `range(start, stop, step)`.
pub struct RangeData {
    pub start: IntValue,
    pub stop: IntValue,
    pub step: IntValue,
}

// SAFETY: Kind::Range is used by no other payload type.
unsafe impl PyPayload for RangeData {
    const KIND: Kind = Kind::Range;
    const LEAF: bool = true;
}

impl RangeData {
    /// Number of items.
    pub fn len(&self) -> IntValue {
        let (lo, hi, step) = (&self.start, &self.stop, &self.step);
        if !step.is_negative() {
            if lo.cmp(hi) != std::cmp::Ordering::Less {
                return IntValue::Small(0);
            }
            // (hi - lo - 1) // step + 1
            hi.sub(lo).sub(&IntValue::Small(1)).floordiv(step).map(|q| q.add(&IntValue::Small(1))).unwrap_or(IntValue::Small(0))
        } else {
            if hi.cmp(lo) != std::cmp::Ordering::Less {
                return IntValue::Small(0);
            }
            lo.sub(hi).sub(&IntValue::Small(1)).floordiv(&step.neg()).map(|q| q.add(&IntValue::Small(1))).unwrap_or(IntValue::Small(0))
        }
    }

    /// Item `i` (0 <= i < len).
    pub fn item(&self, i: &IntValue) -> IntValue {
        self.start.add(&i.mul(&self.step))
    }
}

/// `slice(start, stop, step)`.
pub struct SliceData {
    pub start: PyRef,
    pub stop: PyRef,
    pub step: PyRef,
}

// SAFETY: Kind::Slice is used by no other payload type.
unsafe impl PyPayload for SliceData {
    const KIND: Kind = Kind::Slice;
}

/// State of the built-in iterator types (one payload for all of them; the type object
/// says which one it is).
pub enum IterState {
    /// `iter(seq)` over `__getitem__`, and list/tuple/str iterators.
    Seq { seq: PyRef, index: usize },
    /// `reversed(seq)`.
    Reversed { seq: PyRef, index: isize },
    Range { next: i64, stop: i64, step: i64 },
    /// Big-int ranges.
    BigRange { next: IntValue, remaining: IntValue, step: IntValue },
    /// dict keys/values/items iterators: position in the entry table, the dict's size at
    /// creation (to raise "dictionary changed size during iteration").
    Dict { dict: PyRef, pos: usize, len: usize, what: DictIterKind },
    /// Set iterator: position in the table and the size at creation.
    Set { set: PyRef, pos: usize, len: usize },
    /// `iter(callable, sentinel)`.
    Callable { func: PyRef, sentinel: PyRef },
    Enumerate { iter: PyRef, count: IntValue },
    Zip { iters: Vec<PyRef>, strict: bool },
    Map { func: PyRef, iters: Vec<PyRef> },
    Filter { func: Option<PyRef>, iter: PyRef },
    Exhausted,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictIterKind {
    Keys,
    Values,
    Items,
}

pub struct IterData {
    pub state: PyCell<IterState>,
}

// SAFETY: Kind::Iterator is used by no other payload type.
unsafe impl PyPayload for IterData {
    const KIND: Kind = Kind::Iterator;
    const HAS_GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&PyRef)) {
        let Some(s) = self.state.try_borrow() else { return };
        match &*s {
            IterState::Seq { seq, .. } | IterState::Reversed { seq, .. } => visit(seq),
            IterState::Dict { dict, .. } => visit(dict),
            IterState::Set { set, .. } => visit(set),
            IterState::Callable { func, sentinel } => {
                visit(func);
                visit(sentinel);
            }
            IterState::Enumerate { iter, .. } => visit(iter),
            IterState::Zip { iters, .. } => iters.iter().for_each(visit),
            IterState::Map { func, iters } => {
                visit(func);
                iters.iter().for_each(visit);
            }
            IterState::Filter { func, iter } => {
                if let Some(f) = func {
                    visit(f);
                }
                visit(iter);
            }
            IterState::Range { .. } | IterState::BigRange { .. } | IterState::Exhausted => {}
        }
    }
    fn clear(&self) {
        drop(self.state.replace(IterState::Exhausted));
    }
}

/// `dict.keys()`, `.values()`, `.items()` views.
pub struct DictViewData {
    pub dict: PyRef,
    pub what: DictIterKind,
}

// SAFETY: Kind::DictView is used by no other payload type.
unsafe impl PyPayload for DictViewData {
    const KIND: Kind = Kind::DictView;
    const HAS_GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&PyRef)) {
        visit(&self.dict);
    }
}

/// `super(type, obj)`.
pub struct SuperData {
    pub typ: PyRef,
    pub obj: Option<PyRef>,
    /// The type used to search from (`type(obj)` or obj itself for class methods).
    pub obj_type: Option<PyRef>,
}

// SAFETY: Kind::Super is used by no other payload type.
unsafe impl PyPayload for SuperData {
    const KIND: Kind = Kind::Super;
    const HAS_GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&PyRef)) {
        visit(&self.typ);
        if let Some(o) = &self.obj {
            visit(o);
        }
        if let Some(o) = &self.obj_type {
            visit(o);
        }
    }
}

/// `bytes`.
pub struct BytesData(pub Box<[u8]>);

// SAFETY: Kind::Bytes is used by no other payload type.
unsafe impl PyPayload for BytesData {
    const KIND: Kind = Kind::Bytes;
    const LEAF: bool = true;
}

/// `bytearray`.
pub struct ByteArrayData(pub PyCell<Vec<u8>>);

// SAFETY: Kind::ByteArray is used by no other payload type.
unsafe impl PyPayload for ByteArrayData {
    const KIND: Kind = Kind::ByteArray;
    const LEAF: bool = true;
}
