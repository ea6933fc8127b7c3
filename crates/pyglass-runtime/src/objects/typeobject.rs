//! `type` (CPython `Objects/typeobject.c`): type objects, the MRO, attribute lookup on
//! types, and the layout facts the object core needs (payload vtable, slot count).

use crate::object::core::{PyObject, VTable};
use crate::object::header::ObjHeader;
use crate::object::{Kind, PyPayload, PyRef};
use crate::sync::PyCell;
use crate::vm::{Args, PyResult, Vm};
use std::cell::Cell;

/// Type flags (a subset of CPython's `Py_TPFLAGS_*`, our own bit values).
pub mod type_flags {
    pub const HEAPTYPE: u32 = 1 << 0;
    pub const BASETYPE: u32 = 1 << 1;
    /// Instances have a managed `__dict__` pre-header.
    pub const MANAGED_DICT: u32 = 1 << 2;
    /// Instances can be weakly referenced.
    pub const WEAKREFABLE: u32 = 1 << 3;
    /// Some class in the MRO defines `__del__`.
    pub const HAS_FINALIZER: u32 = 1 << 4;
    /// Subclass of BaseException.
    pub const EXCEPTION: u32 = 1 << 5;
    /// Instances are immutable (no attribute assignment on the type itself: static types).
    pub const IMMUTABLETYPE: u32 = 1 << 6;
    /// The type overrides `__getattribute__`/`__getattr__`/`__setattr__` in Python.
    pub const CUSTOM_GETATTR: u32 = 1 << 7;
    pub const CUSTOM_SETATTR: u32 = 1 << 8;
    /// The type (or a base) defines `__eq__` but no `__hash__`: instances are unhashable.
    pub const UNHASHABLE: u32 = 1 << 9;
    /// Instances keep their attributes inline, indexed by the class's shared keys, until
    /// their `__dict__` is materialized (CPython 3.13's `Py_TPFLAGS_INLINE_VALUES`): heap
    /// classes with a `__dict__`, no `__slots__` values and no built-in base.
    pub const INLINE_VALUES: u32 = 1 << 10;
}

/// Native constructor (`tp_new` + `tp_init` for built-in types): called as
/// `new(vm, cls, args)` where `cls` is the type being instantiated (maybe a subclass).
pub type NativeNew = fn(&Vm, &PyRef, Args<'_>) -> PyResult;

pub struct TypeData {
    pub name: PyCell<String>,
    pub qualname: PyCell<String>,
    /// The solid base (`__base__`); None only for `object`.
    pub base: PyCell<Option<PyRef>>,
    pub bases: PyCell<Vec<PyRef>>,
    /// The MRO *without* the type itself (so a type does not own a reference to itself);
    /// `__mro__` prepends it.
    pub mro: PyCell<Vec<PyRef>>,
    /// The attribute dict (a `dict` object).
    pub dict: PyRef,
    pub flags: Cell<u32>,
    /// Payload vtable of instances.
    pub vtable: &'static VTable,
    /// Payload kind of instances.
    pub instance_kind: Kind,
    /// Number of `__slots__` values trailing each instance.
    pub nslots: Cell<usize>,
    /// Native constructor inherited from the nearest built-in base.
    pub native_new: Cell<Option<NativeNew>>,
    /// Bumped whenever the type or a base changes (attribute caches check it).
    pub version: Cell<u64>,
    /// Shared keys of instances with inline values (CPython's `ht_cached_keys`): attribute
    /// names (interned exact strs) in the order they were first seen, at most
    /// `MAX_INLINE_VALUES`. Only grows; new instances get one inline value per key.
    pub shared_keys: PyCell<Vec<PyRef>>,
}

// SAFETY: Kind::Type is used by no other payload type.
unsafe impl PyPayload for TypeData {
    const KIND: Kind = Kind::Type;
    const HAS_GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&PyRef)) {
        visit(&self.dict);
        if let Some(b) = self.base.try_borrow() {
            if let Some(b) = b.as_ref() {
                visit(b);
            }
        }
        if let Some(bs) = self.bases.try_borrow() {
            bs.iter().for_each(&mut *visit);
        }
        if let Some(m) = self.mro.try_borrow() {
            m.iter().for_each(&mut *visit);
        }
    }
    fn clear(&self) {
        drop(self.mro.take());
        drop(self.bases.take());
        drop(self.base.take());
        self.dict.downcast::<crate::objects::dict::DictData>().map(|d| d.clear_all());
    }
}

/// The payload vtable of instances of the type whose header is `typ`.
pub(crate) fn vtable_of_type_header(typ: &ObjHeader) -> &'static VTable {
    // SAFETY: `typ` is the header of a type object (every `ob_type` points at one), whose
    // payload is `TypeData`.
    let t = unsafe { &(*(typ as *const ObjHeader as *const PyObject<TypeData>)).payload };
    t.vtable
}

/// Trailing `__slots__` count of instances of the type whose header is `typ`.
pub(crate) fn nslots_of_type_header(typ: &ObjHeader) -> usize {
    // SAFETY: as in vtable_of_type_header.
    let t = unsafe { &(*(typ as *const ObjHeader as *const PyObject<TypeData>)).payload };
    t.nslots.get()
}

impl TypeData {
    pub fn has_flag(&self, f: u32) -> bool {
        self.flags.get() & f != 0
    }
    pub fn set_flag(&self, f: u32, on: bool) {
        let v = self.flags.get();
        self.flags.set(if on { v | f } else { v & !f });
    }
    pub fn name(&self) -> String {
        self.name.borrow().clone()
    }
    pub fn dict(&self) -> &crate::objects::dict::DictData {
        self.dict.downcast().expect("type dict is a dict")
    }
}

/// The TypeData of a type object. Every `class()` is a type, so this never fails for those.
#[inline(always)]
pub fn type_data(t: &PyRef) -> &TypeData {
    match t.downcast::<TypeData>() {
        Some(d) => d,
        None => unreachable_type(),
    }
}

#[cold]
fn unreachable_type() -> ! {
    // Only reachable if a non-type object is passed where the object core guarantees a
    // type (an interpreter bug, not bad input).
    panic!("pyglass internal error: expected a type object")
}

/// `__name__` of an object's type.
pub fn type_name_of(obj: &PyRef) -> String {
    type_data(&obj.class()).name()
}

/// Look `name` up along the MRO of `typ` (type itself first). `name` should be an
/// interned str object.
pub fn lookup(typ: &PyRef, name: &PyRef) -> Option<PyRef> {
    let td = type_data(typ);
    if let Some(v) = td.dict().get_str_key(name) {
        return Some(v);
    }
    let mro = td.mro.borrow();
    for t in mro.iter() {
        if let Some(v) = type_data(t).dict().get_str_key(name) {
            return Some(v);
        }
    }
    None
}

/// Look a `&str` name up along the MRO.
pub fn lookup_str(typ: &PyRef, name: &str) -> Option<PyRef> {
    let td = type_data(typ);
    if let Some(v) = td.dict().get_str(name) {
        return Some(v);
    }
    let mro = td.mro.borrow();
    for t in mro.iter() {
        if let Some(v) = type_data(t).dict().get_str(name) {
            return Some(v);
        }
    }
    None
}

/// `issubclass(a, b)` by MRO (no `__subclasscheck__`).
pub fn is_subtype(a: &PyRef, b: &PyRef) -> bool {
    if a.is(b) {
        return true;
    }
    type_data(a).mro.borrow().iter().any(|t| t.is(b))
}

/// The full MRO including the type itself.
pub fn full_mro(t: &PyRef) -> Vec<PyRef> {
    let mut v = vec![t.clone()];
    v.extend(type_data(t).mro.borrow().iter().cloned());
    v
}

/// C3 linearisation (CPython's `mro_implementation`). Returns the MRO *without* `t` itself
/// (the caller prepends it), or an error message for an inconsistent hierarchy.
pub fn c3_mro(bases: &[PyRef]) -> Result<Vec<PyRef>, String> {
    let mut seqs: Vec<Vec<PyRef>> = bases.iter().map(full_mro).collect();
    seqs.push(bases.to_vec());
    let mut result = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(result);
        }
        let mut found = None;
        for s in &seqs {
            let cand = &s[0];
            if !seqs.iter().any(|other| other[1..].iter().any(|x| x.is(cand))) {
                found = Some(cand.clone());
                break;
            }
        }
        let Some(c) = found else {
            let mut names: Vec<String> = Vec::new();
            for s in &seqs {
                let n = type_data(&s[0]).name();
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            return Err(format!(
                "Cannot create a consistent method resolution order (MRO) for bases {}",
                names.join(", ")
            ));
        };
        for s in seqs.iter_mut() {
            if s[0].is(&c) {
                s.remove(0);
            }
        }
        result.push(c);
    }
}
