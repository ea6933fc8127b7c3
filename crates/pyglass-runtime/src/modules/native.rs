//! Native classes of the library modules (`collections.deque`, file objects, the
//! Mersenne Twister, ...): Rust state behind a Python class.
//!
//! All of them share one payload, [`NativeData`] (kind `NativeData`), which boxes a
//! [`NativeState`] trait object; each class downcasts to its own state type with
//! [`state`]. Their type objects are immortal and owned by the interpreter like the other
//! built-in types, but they are flagged as *heap-like* (`HEAPTYPE`): the protocol
//! functions of `vm/abstract_.rs` then find their dunders (`__repr__`, `__eq__`,
//! `__iter__`, `__add__`...) in the type dict, exactly as for a class written in Python,
//! instead of expecting native handling for a built-in payload kind.

use crate::object::core::{alloc_object, vtable_of, AllocSpec};
use crate::object::{Kind, PyPayload, PyRef};
use crate::objects::typeobject::{type_data, type_flags, NativeNew, TypeData};
use crate::sync::PyCell;
use crate::vm::context::{GetSetDef, MethodDef};
use crate::vm::{PyResult, Vm};
use std::any::Any;
use std::cell::Cell;

/// The Rust state of one native object.
pub trait NativeState: Any {
    /// Visit the strong references held (the cycle collector's tp_traverse).
    fn traverse(&self, _visit: &mut dyn FnMut(&PyRef)) {}
    /// Drop references that may form cycles (tp_clear).
    fn clear(&self) {}
    fn as_any(&self) -> &dyn Any;
}

/// Payload of the native library classes.
pub struct NativeData(pub Box<dyn NativeState>);

// SAFETY: Kind::NativeData is used by no other payload type.
unsafe impl PyPayload for NativeData {
    const KIND: Kind = Kind::NativeData;
    const HAS_GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&PyRef)) {
        self.0.traverse(visit);
    }
    fn clear(&self) {
        self.0.clear();
    }
}

/// Implement `as_any` for a state type.
#[macro_export]
macro_rules! native_state_any {
    () => {
        fn as_any(&self) -> &dyn std::any::Any {
            self
        }
    };
}

/// The state of `o` if it is a native object with state type `T`.
pub fn state<T: NativeState>(o: &PyRef) -> Option<&T> {
    o.downcast::<NativeData>()?.0.as_any().downcast_ref::<T>()
}

/// A new instance of the native class `cls` (or of a Python subclass of it).
pub fn new_object<T: NativeState>(vm: &Vm, cls: &PyRef, st: T) -> PyRef {
    crate::objects::instance::alloc_instance(vm, cls, NativeData(Box::new(st)))
}

/// Description of a native class.
pub struct ClassDef<'a> {
    pub name: &'a str,
    pub module: &'a str,
    pub methods: &'a [MethodDef],
    pub getsets: &'a [GetSetDef],
    pub new: Option<NativeNew>,
    /// Whether Python classes may subclass it.
    pub base_type: bool,
    /// Instances are unhashable (`__hash__ = None`).
    pub unhashable: bool,
}

/// Create a native class (immortal, owned by the interpreter).
pub fn new_class(vm: &Vm, def: &ClassDef<'_>) -> PyRef {
    let ctx = &vm.ctx;
    let base = ctx.types.object.clone();
    let dict = ctx.new_dict();
    let mro = vec![base.clone()];
    let mut flags = type_flags::HEAPTYPE | type_flags::IMMUTABLETYPE;
    if def.base_type {
        flags |= type_flags::BASETYPE;
    }
    let t = alloc_object(
        AllocSpec { typ: &ctx.types.type_, managed_dict: false, owns_type: false },
        TypeData {
            name: PyCell::new(def.name.to_string()),
            qualname: PyCell::new(def.name.to_string()),
            base: PyCell::new(Some(base.clone())),
            bases: PyCell::new(vec![base]),
            mro: PyCell::new(mro),
            dict,
            flags: Cell::new(flags),
            vtable: vtable_of::<NativeData>(),
            instance_kind: Kind::NativeData,
            nslots: Cell::new(0),
            inline_base: crate::objects::typeobject::inline_base(vtable_of::<NativeData>(), 0),
            native_new: Cell::new(def.new),
            version: Cell::new(0),
            shared_keys: PyCell::new(Vec::new()),
            lookup_cache: crate::objects::typeobject::LookupCache::new(),
            init_cache: Default::default(),
        },
        0,
    )
    .unwrap_or_else(|| crate::vm::context::oom());
    t.header().make_immortal();
    ctx.owned_immortals.borrow_mut().push(t.clone());
    ctx.add_methods(&t, def.methods);
    ctx.add_getsets(&t, def.getsets);
    ctx.set_type_attr(&t, "__module__", ctx.new_str(def.module));
    ctx.set_type_attr(&t, "__doc__", ctx.none());
    if def.unhashable {
        ctx.set_type_attr(&t, "__hash__", ctx.none());
    }
    let _ = type_data(&t);
    t
}

/// Argument helper: the state of `self` (first argument) or a TypeError.
pub fn self_state<'a, T: NativeState>(vm: &Vm, s: &'a PyRef, cls_name: &str, meth: &str) -> PyResult<&'a T> {
    state::<T>(s).ok_or_else(|| vm.type_error(&format!("descriptor '{meth}' requires a '{cls_name}' object but received a '{}'", vm.type_name(s))))
}

thread_local! {
    /// Native objects whose repr is in progress (CPython's `Py_ReprEnter`). The same
    /// guard as `builtins::repr`'s, which is private to that module.
    static REPR_STACK: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Run `f` unless a repr of `obj` is already in progress on this thread, in which case
/// the result is `recursive` (e.g. `[...]`).
pub fn with_repr_guard(obj: &PyRef, recursive: &str, f: impl FnOnce() -> PyResult<String>) -> PyResult<String> {
    let addr = obj.addr();
    if REPR_STACK.with(|s| s.borrow().contains(&addr)) {
        return Ok(recursive.to_string());
    }
    REPR_STACK.with(|s| s.borrow_mut().push(addr));
    let r = f();
    REPR_STACK.with(|s| {
        let mut s = s.borrow_mut();
        if let Some(p) = s.iter().rposition(|a| *a == addr) {
            s.remove(p);
        }
    });
    r
}
