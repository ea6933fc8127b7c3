//! Fill the dicts of the built-in types: constructors, methods, attributes.

use crate::builtins::args;
use crate::object::{Kind, PyRef};
use crate::objects::dict::DictData;
use crate::objects::exception::ExceptionData;
use crate::objects::function::*;
use crate::objects::str::as_str;
use crate::objects::tuple::tuple_items;
use crate::objects::typeobject::{type_data, TypeData};
use crate::sync::PyCell;
use crate::vm::context::{classmethod, getset, method, staticmethod, Context};
use crate::vm::{Args, PyResult, Vm};

pub fn init_builtin_types(ctx: &Context) {
    let t = &ctx.types;
    // `list[int]` and friends: types.GenericAlias (PEP 585).
    for typ in [&t.list, &t.dict, &t.tuple, &t.set, &t.frozenset, &t.type_] {
        ctx.add_methods(typ, &[classmethod("__class_getitem__", class_getitem)]);
    }
    // object
    ctx.set_native_new(&t.object, crate::objects::instance::object_new);
    ctx.add_methods(
        &t.object,
        &[
            method("__init__", object_init),
            staticmethod("__new__", object_new_descr),
            method("__eq__", object_eq),
            method("__ne__", object_ne),
            method("__lt__", object_richcmp_ni),
            method("__le__", object_richcmp_ni),
            method("__gt__", object_richcmp_ni),
            method("__ge__", object_richcmp_ni),
            method("__getstate__", object_getstate),
            method("__reduce__", object_reduce_ex),
            classmethod("__subclasshook__", object_subclasshook),
            method("__hash__", object_hash),
            method("__repr__", object_repr),
            method("__str__", object_str),
            method("__format__", object_format),
            method("__getattribute__", object_getattribute),
            method("__setattr__", object_setattr),
            method("__delattr__", object_delattr),
            method("__dir__", object_dir),
            method("__sizeof__", crate::builtins::sizes::object_sizeof_method),
            method("__reduce_ex__", object_reduce_ex),
            classmethod("__init_subclass__", object_init_subclass),
        ],
    );
    ctx.add_getsets(&t.object, &[getset("__class__", get_class, Some(set_class))]);
    ctx.set_type_attr(&t.object, "__doc__", ctx.new_str("The base class of the class hierarchy."));
    // type
    ctx.set_native_new(&t.type_, crate::objects::instance::type_native_new);
    ctx.add_methods(&t.type_, &[method("__init__", type_init), staticmethod("__new__", type_new_descr), method("mro", type_mro), method("__subclasses__", type_subclasses), method("__instancecheck__", type_instancecheck), method("__subclasscheck__", type_subclasscheck), method("__repr__", type_repr), method("__call__", type_call_descr), method("__dir__", type_dir)]);
    ctx.add_getsets(
        &t.type_,
        &[
            getset("__name__", type_get_name, Some(type_set_name)),
            getset("__qualname__", type_get_qualname, Some(type_set_qualname)),
            getset("__mro__", type_get_mro, None),
            getset("__basicsize__", type_get_basicsize, None),
            getset("__itemsize__", type_get_itemsize, None),
            getset("__bases__", type_get_bases, None),
            getset("__base__", type_get_base, None),
            getset("__dict__", type_get_dict, None),
            getset("__module__", type_get_module, Some(type_set_module)),
            getset("__doc__", type_get_doc, Some(type_set_doc)),
        ],
    );
    // The singletons' types return the singleton when called, with no arguments.
    ctx.set_native_new(&t.none, none_new);
    ctx.add_methods(&t.none, &[method("__bool__", none_bool), method("__repr__", object_repr_native)]);
    ctx.add_methods(&t.ellipsis, &[method("__repr__", object_repr_native)]);
    ctx.add_methods(&t.not_implemented, &[method("__repr__", object_repr_native)]);
    ctx.set_native_new(&t.complex, complex_new);
    ctx.set_native_new(&t.ellipsis, ellipsis_new);
    ctx.set_native_new(&t.not_implemented, notimpl_new);
    crate::builtins::dunders::install(ctx);
    crate::builtins::numbers::init(ctx);
    crate::builtins::strings::init(ctx);
    crate::builtins::containers::init(ctx);
    crate::builtins::callables::init(ctx);
    crate::builtins::bytes::init(ctx);
    crate::builtins::sizes::init(ctx);
}

/// Give a heap type whose instances have a `__dict__` the `__dict__` attribute.
pub fn add_dict_descriptor(vm: &Vm, t: &PyRef) {
    let weak = type_data(t).has_flag(crate::objects::typeobject::type_flags::WEAKREFABLE);
    add_dict_descriptors(vm, t, true, weak);
}

/// Give a heap type the `__dict__` and/or `__weakref__` attributes.
pub fn add_dict_descriptors(vm: &Vm, t: &PyRef, dict: bool, weakref: bool) {
    if dict {
        vm.ctx.add_getsets(t, &[getset("__dict__", instance_get_dict, Some(instance_set_dict))]);
    }
    if weakref {
        vm.ctx.add_getsets(t, &[getset("__weakref__", instance_get_weakref, None)]);
    }
}

pub(crate) fn instance_get_dict(vm: &Vm, o: &PyRef) -> PyResult {
    vm.instance_dict(o).ok_or_else(|| vm.attribute_error(o, "__dict__"))
}
pub(crate) fn instance_set_dict(vm: &Vm, o: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let Some(v) = v else {
        // `del obj.__dict__`: every attribute goes; a new empty namespace on next use.
        if let Some(slot) = o.managed_dict_slot() {
            let old_values = crate::objects::instance::discard_inline_values(o);
            let old = slot.take();
            if let Some(d) = &old {
                crate::vm::gc::detach_managed_dict(d);
            }
            drop(old);
            drop(old_values);
            return Ok(());
        }
        return Err(vm.type_error("cannot delete __dict__"));
    };
    if !v.is_kind(Kind::Dict) {
        return Err(vm.type_error(&format!("__dict__ must be set to a dictionary, not a '{}'", vm.type_name(&v))));
    }
    if let Some(slot) = o.managed_dict_slot() {
        let old_values = crate::objects::instance::discard_inline_values(o);
        let old = slot.replace(Some(v));
        if let Some(d) = &old {
            crate::vm::gc::detach_managed_dict(d);
        }
        drop(old);
        drop(old_values);
    }
    Ok(())
}
fn type_get_basicsize(vm: &Vm, t: &PyRef) -> PyResult {
    Ok(vm.ctx.new_int(crate::builtins::sizes::basicsize(vm, t) as i64))
}
fn type_get_itemsize(vm: &Vm, t: &PyRef) -> PyResult {
    let n = match type_data(t).instance_kind {
        Kind::Int => 4,
        Kind::Tuple => 8,
        Kind::Bytes => 1,
        Kind::Type => 40,
        _ => 0,
    };
    Ok(vm.ctx.new_int(n))
}
fn instance_get_weakref(vm: &Vm, o: &PyRef) -> PyResult {
    // The head of the object's weakref list, as in CPython.
    Ok(crate::object::weakref::weakrefs_to(vm, o).into_iter().next().unwrap_or_else(|| vm.ctx.none()))
}

fn object_init(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = a.pos();
    if p.len() > 1 || a.has_kw() {
        let s = &p[0];
        let t = s.class();
        let init = crate::objects::typeobject::lookup_str(&t, "__init__");
        let new = crate::objects::typeobject::lookup_str(&t, "__new__");
        let init_overridden = init.is_some_and(|i| !i.downcast::<MethodDescrData>().is_some_and(|m| m.owner.is(&vm.ctx.types.object)));
        let new_overridden = new.is_some_and(|i| !i.downcast::<MethodDescrData>().is_some_and(|m| m.owner.is(&vm.ctx.types.object)));
        if init_overridden {
            return Err(vm.type_error("object.__init__() takes exactly one argument (the instance to initialize)"));
        }
        if !new_overridden {
            return Err(vm.type_error(&format!("{}.__init__() takes exactly one argument (the instance to initialize)", type_data(&t).name())));
        }
    }
    Ok(vm.ctx.none())
}

/// `T.__new__(S, ...)` for built-in types (CPython's `tp_new_wrapper`): the first item
/// is the owning type T, bound when the attribute was looked up.
pub fn builtin_new_wrapper(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = a.pos();
    let owner = &p[0];
    let oname = type_data(owner).name();
    let Some(sub) = p.get(1) else {
        return Err(vm.type_error(&format!("{oname}.__new__(): not enough arguments")));
    };
    let Some(std) = sub.downcast::<TypeData>() else {
        return Err(vm.type_error(&format!("{oname}.__new__(X): X is not a type object ({})", vm.type_name(sub))));
    };
    if !crate::objects::typeobject::is_subtype(sub, owner) {
        return Err(vm.type_error(&format!("{oname}.__new__({}): {} is not a subtype of {oname}", std.name(), std.name())));
    }
    check_static_base(vm, owner, sub)?;
    let f = type_data(owner).native_new.get().or_else(|| crate::objects::instance::inherited_native_new(owner));
    match f {
        Some(f) => f(vm, sub, Args::with_kw(&a.items[2..], a.kwnames)),
        None => Err(vm.type_error(&format!("cannot create '{}' instances", std.name()))),
    }
}

/// "object.__new__(int) is not safe, use int.__new__()": the nearest built-in base of
/// `sub` must construct instances the same way as `owner`.
fn check_static_base(vm: &Vm, owner: &PyRef, sub: &PyRef) -> PyResult<()> {
    let base = crate::objects::typeobject::full_mro(sub).into_iter().find(|t| !type_data(t).has_flag(crate::objects::typeobject::type_flags::HEAPTYPE));
    if let Some(base) = base {
        let bf = crate::objects::instance::inherited_native_new(&base).map(|f| f as *const () as usize);
        let of = crate::objects::instance::inherited_native_new(owner).map(|f| f as *const () as usize);
        if bf != of {
            let (on, sn, bn) = (type_data(owner).name(), type_data(sub).name(), type_data(&base).name());
            return Err(vm.type_error(&format!("{on}.__new__({sn}) is not safe, use {bn}.__new__()")));
        }
    }
    Ok(())
}

fn object_new_descr(vm: &Vm, a: Args<'_>) -> PyResult {
    // Bound to `object` (see `builtin_new_wrapper`); a direct call passes the type first.
    let p = a.pos();
    let p = if p.first().is_some_and(|o| o.is(&vm.ctx.types.object)) && p.len() >= 2 { &p[1..] } else { p };
    let Some(cls) = p.first() else { return Err(vm.type_error("object.__new__(): not enough arguments")) };
    if !cls.is_kind(Kind::Type) {
        return Err(vm.type_error(&format!("object.__new__(X): X is not a type object ({})", vm.type_name(cls))));
    }
    let is_object = |v: Option<PyRef>| v.as_ref().map_or(true, |i| i.downcast::<MethodDescrData>().is_some_and(|m| m.owner.is(&vm.ctx.types.object)));
    if (p.len() > 1 || a.has_kw()) && type_data(cls).instance_kind == Kind::Object {
        let new_is_object = is_object(crate::objects::typeobject::lookup_str(cls, "__new__"));
        if !new_is_object {
            return Err(vm.type_error("object.__new__() takes exactly one argument (the type to instantiate)"));
        }
        if is_object(crate::objects::typeobject::lookup_str(cls, "__init__")) {
            return Err(vm.type_error(&format!("{}() takes no arguments", type_data(cls).name())));
        }
    }
    // Built-in types have no `__new__` of their own here, so `int.__new__(C, v)` arrives
    // as object.__new__: construct with the nearest built-in base's constructor.
    match crate::objects::instance::inherited_native_new(cls) {
        Some(n) if type_data(cls).instance_kind != Kind::Object => n(vm, cls, Args::with_kw(&p[1..], a.kwnames)),
        _ => crate::objects::instance::object_new(vm, cls, Args::new(&[])),
    }
}

fn none_bool(vm: &Vm, _a: Args<'_>) -> PyResult {
    Ok(vm.ctx.bool_obj(false))
}
/// `__repr__` of the singletons and other natively represented objects.
fn object_repr_native(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__repr__", &a, 0, 0)?;
    let r = crate::builtins::repr::native_repr(vm, s)?.unwrap_or_else(|| crate::builtins::repr::default_repr(vm, s));
    Ok(vm.ctx.new_string(r))
}
fn singleton_new(vm: &Vm, cls: &PyRef, a: Args<'_>, v: PyRef) -> PyResult {
    if !a.items.is_empty() {
        return Err(vm.type_error(&format!("{}() takes no arguments", type_data(cls).name())));
    }
    Ok(v)
}
fn complex_new(vm: &Vm, _cls: &PyRef, _a: Args<'_>) -> PyResult {
    Err(vm.new_error(&vm.ctx.exc.not_implemented_error, "complex numbers are not supported by pyglass"))
}
fn none_new(vm: &Vm, cls: &PyRef, a: Args<'_>) -> PyResult {
    singleton_new(vm, cls, a, vm.ctx.none())
}
fn ellipsis_new(vm: &Vm, cls: &PyRef, a: Args<'_>) -> PyResult {
    singleton_new(vm, cls, a, vm.ctx.consts.ellipsis.clone())
}
fn notimpl_new(vm: &Vm, cls: &PyRef, a: Args<'_>) -> PyResult {
    singleton_new(vm, cls, a, vm.ctx.consts.not_implemented.clone())
}

fn object_eq(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "__eq__", &a, 1, 1)?;
    Ok(if s.is(&rest[0]) { vm.ctx.bool_obj(true) } else { vm.ctx.consts.not_implemented.clone() })
}

fn object_ne(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "__ne__", &a, 1, 1)?;
    let eq = crate::objects::typeobject::lookup_str(&s.class(), "__eq__");
    let r = match eq {
        Some(e) => vm.call(&e, &[s.clone(), rest[0].clone()])?,
        None => vm.ctx.consts.not_implemented.clone(),
    };
    if r.is(&vm.ctx.consts.not_implemented) {
        return Ok(r);
    }
    Ok(vm.ctx.bool_obj(!vm.is_true(&r)?))
}

fn object_richcmp_ni(vm: &Vm, a: Args<'_>) -> PyResult {
    args::meth(vm, "__lt__", &a, 1, 1)?;
    Ok(vm.ctx.consts.not_implemented.clone())
}

fn object_subclasshook(vm: &Vm, _a: Args<'_>) -> PyResult {
    Ok(vm.ctx.consts.not_implemented.clone())
}

fn object_getstate(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__getstate__", &a, 0, 0)?;
    let state = match s.managed_dict_slot() {
        Some(_) => {
            let d = vm.instance_dict(s).unwrap_or_else(|| vm.ctx.new_dict());
            if d.downcast::<DictData>().is_some_and(|d| d.is_empty()) {
                vm.ctx.none()
            } else {
                d
            }
        }
        None => vm.ctx.none(),
    };
    // The values of the set `__slots__` along the MRO (CPython: copyreg._slotnames), as
    // `(state, {name: value})`.
    let slots = vm.ctx.new_dict();
    let sd = slots.downcast::<DictData>().expect("dict");
    for c in crate::objects::typeobject::full_mro(&s.class()).iter() {
        for (k, v) in type_data(c).dict().items() {
            let Some(m) = v.downcast::<crate::objects::function::MemberDescrData>() else { continue };
            if !m.owner().is_some_and(|o| o.is(c)) {
                continue;
            }
            if let Some(val) = crate::objects::instance::slot_get(s, m.index) {
                sd.set_item(vm, k, val)?;
            }
        }
    }
    if sd.is_empty() {
        Ok(state)
    } else {
        Ok(vm.ctx.new_tuple(vec![state, slots.clone()]))
    }
}

fn object_hash(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__hash__", &a, 0, 0)?;
    let addr = s.addr();
    Ok(vm.ctx.new_int(((addr >> 4) | (addr << (usize::BITS - 4))) as isize as i64))
}

fn object_repr(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__repr__", &a, 0, 0)?;
    Ok(vm.ctx.new_string(crate::builtins::repr::default_repr(vm, s)))
}

fn object_str(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__str__", &a, 0, 0)?;
    vm.repr(s)
}

fn object_format(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "__format__", &a, 1, 1)?;
    let spec = as_str(&rest[0]).ok_or_else(|| vm.type_error("__format__() argument must be str"))?;
    if !spec.is_empty() {
        return Err(vm.type_error(&format!("unsupported format string passed to {}.__format__", vm.type_name(s))));
    }
    vm.str(s)
}

fn object_getattribute(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "__getattribute__", &a, 1, 1)?;
    if !rest[0].is_kind(Kind::Str) {
        return Err(vm.type_error(&format!("attribute name must be string, not '{}'", vm.type_name(&rest[0]))));
    }
    let name = vm.ctx.intern_obj(&rest[0]);
    vm.generic_getattr(s, &name, &s.class())
}

fn object_setattr(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "__setattr__", &a, 2, 2)?;
    let name = vm.ctx.intern_obj(&rest[0]);
    vm.generic_setattr(s, &name, Some(rest[1].clone()))?;
    Ok(vm.ctx.none())
}

fn object_delattr(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "__delattr__", &a, 1, 1)?;
    let name = vm.ctx.intern_obj(&rest[0]);
    vm.generic_setattr(s, &name, None)?;
    Ok(vm.ctx.none())
}

fn object_dir(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__dir__", &a, 0, 0)?;
    let mut names: Vec<String> = Vec::new();
    let mut add_keys = |d: &PyRef| {
        if let Some(dd) = d.downcast::<DictData>() {
            for k in dd.keys() {
                if let Some(k) = as_str(&k) {
                    if !names.iter().any(|n| n == k) {
                        names.push(k.to_string());
                    }
                }
            }
        }
    };
    if let Some(d) = vm.instance_dict(s) {
        if !s.is_kind(Kind::Type) {
            add_keys(&d);
        }
    }
    let t = s.class();
    for typ in crate::objects::typeobject::full_mro(&t) {
        add_keys(&type_data(&typ).dict);
    }
    names.sort();
    Ok(vm.ctx.new_list(names.into_iter().map(|n| vm.ctx.new_string(n)).collect()))
}

/// `type.__dir__(cls)`: the names in the class and its bases.
fn type_dir(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__dir__", &a, 0, 0)?;
    let mut names: Vec<String> = Vec::new();
    let mut seen: ahash::AHashSet<String> = ahash::AHashSet::new();
    if s.is_kind(Kind::Type) {
        for typ in crate::objects::typeobject::full_mro(s) {
            if let Some(dd) = type_data(&typ).dict.downcast::<DictData>() {
                for k in dd.keys() {
                    if let Some(k) = as_str(&k) {
                        if seen.insert(k.to_string()) {
                            names.push(k.to_string());
                        }
                    }
                }
            }
        }
    }
    names.sort();
    Ok(vm.ctx.new_list(names.into_iter().map(|n| vm.ctx.new_string(n)).collect()))
}

fn object_reduce_ex(vm: &Vm, _a: Args<'_>) -> PyResult {
    Err(vm.type_error("pickling is not supported by pyglass"))
}

fn object_init_subclass(vm: &Vm, a: Args<'_>) -> PyResult {
    if a.has_kw() {
        let name = a.items.first().and_then(|c| c.downcast::<TypeData>().map(|t| t.qualname.borrow().clone())).unwrap_or_default();
        return Err(vm.type_error(&format!("{name}.__init_subclass__() takes no keyword arguments")));
    }
    if a.pos().len() > 1 {
        return Err(vm.type_error(&format!("object.__init_subclass__() takes no arguments ({} given)", a.pos().len() - 1)));
    }
    Ok(vm.ctx.none())
}

fn get_class(_vm: &Vm, o: &PyRef) -> PyResult {
    Ok(o.class())
}

fn set_class(vm: &Vm, o: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let Some(v) = v else { return Err(vm.type_error("can't delete __class__ attribute")) };
    let Some(new) = v.downcast::<TypeData>() else {
        return Err(vm.type_error(&format!("__class__ must be set to a class, not '{}' object", vm.type_name(&v))));
    };
    let old_t = o.class();
    let old = type_data(&old_t);
    let heap = crate::objects::typeobject::type_flags::HEAPTYPE;
    let immutable = crate::objects::typeobject::type_flags::IMMUTABLETYPE;
    let both_modules = old.instance_kind == Kind::Module && new.instance_kind == Kind::Module;
    if !both_modules && (old.has_flag(immutable) || new.has_flag(immutable) || !old.has_flag(heap) || !new.has_flag(heap)) {
        return Err(vm.type_error("__class__ assignment only supported for mutable types or ModuleType subclasses"));
    }
    if old.instance_kind != new.instance_kind || old.nslots.get() != new.nslots.get() || old.has_flag(crate::objects::typeobject::type_flags::MANAGED_DICT) != new.has_flag(crate::objects::typeobject::type_flags::MANAGED_DICT) {
        return Err(vm.type_error(&format!("__class__ assignment: '{}' object layout differs from '{}'", new.name(), old.name())));
    }
    // Inline values are indexed by the old class's shared keys: the dict takes over.
    crate::objects::instance::materialize_dict(vm, o);
    crate::object::core::swap_heap_type(o, &v);
    Ok(())
}

fn type_init(vm: &Vm, a: Args<'_>) -> PyResult {
    let n = a.pos().len();
    if n != 2 && n != 4 {
        return Err(vm.type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(vm.ctx.none())
}

fn type_new_descr(vm: &Vm, a: Args<'_>) -> PyResult {
    // Bound to `type`; `type.__new__(meta, ...)` passes the bound type first.
    let a = if a.pos().len() >= 2 && a.items[0].is(&vm.ctx.types.type_) && a.items[1].is_kind(Kind::Type) { a.rest() } else { a };
    let p = a.pos();
    let Some(meta) = p.first() else { return Err(vm.type_error("type.__new__(): not enough arguments")) };
    if !meta.is_kind(Kind::Type) {
        return Err(vm.type_error(&format!("type.__new__(X): X is not a type object ({})", vm.type_name(meta))));
    }
    crate::objects::instance::type_native_new(vm, meta, Args::with_kw(&a.items[1..], a.kwnames))
}

fn type_mro(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "mro", &a, 0, 0)?;
    Ok(vm.ctx.new_list(crate::objects::typeobject::full_mro(s)))
}
fn type_subclasses(vm: &Vm, _a: Args<'_>) -> PyResult {
    Ok(vm.ctx.new_list(vec![]))
}
fn type_instancecheck(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "__instancecheck__", &a, 1, 1)?;
    Ok(vm.ctx.bool_obj(crate::objects::typeobject::is_subtype(&rest[0].class(), s)))
}
fn type_subclasscheck(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "__subclasscheck__", &a, 1, 1)?;
    Ok(vm.ctx.bool_obj(rest[0].is_kind(Kind::Type) && crate::objects::typeobject::is_subtype(&rest[0], s)))
}
fn type_repr(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__repr__", &a, 0, 0)?;
    let r = crate::builtins::repr::native_repr(vm, s)?.unwrap_or_default();
    Ok(vm.ctx.new_string(r))
}
fn type_call_descr(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = a.items;
    let Some((s, rest)) = p.split_first() else { return Err(vm.type_error("type.__call__ needs an argument")) };
    vm.type_call(s, rest, a.kwnames)
}
fn type_get_name(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.ctx.new_string(type_data(o).name()))
}
fn type_set_name(vm: &Vm, o: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    match v.as_ref().and_then(as_str) {
        Some(s) => {
            *type_data(o).name.borrow_mut() = s.to_string();
            Ok(())
        }
        None => Err(vm.type_error(&format!("can only assign string to {}.__name__, not '{}'", type_data(o).name(), v.as_ref().map(|v| vm.type_name(v)).unwrap_or_else(|| "NoneType".into())))),
    }
}
fn type_get_qualname(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.ctx.new_string(type_data(o).qualname.borrow().clone()))
}
fn type_set_qualname(vm: &Vm, o: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    match v.as_ref().and_then(as_str) {
        Some(s) => {
            *type_data(o).qualname.borrow_mut() = s.to_string();
            Ok(())
        }
        None => Err(vm.type_error(&format!("can only assign string to {}.__qualname__, not '{}'", type_data(o).name(), v.as_ref().map(|v| vm.type_name(v)).unwrap_or_else(|| "NoneType".into())))),
    }
}
fn type_get_mro(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.ctx.new_tuple(crate::objects::typeobject::full_mro(o)))
}
fn type_get_bases(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.ctx.new_tuple(type_data(o).bases.borrow().clone()))
}
fn type_get_base(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(type_data(o).base.borrow().clone().unwrap_or_else(|| vm.ctx.none()))
}
fn type_get_dict(vm: &Vm, o: &PyRef) -> PyResult {
    // A read-only live view of the type's dict (CPython's mappingproxy): it iterates over
    // the keys; the mappingproxy type exposes no mutating methods.
    Ok(vm.ctx.alloc(&vm.ctx.types.mappingproxy, crate::objects::misc::DictViewData { dict: type_data(o).dict.clone(), what: crate::objects::misc::DictIterKind::Keys }))
}
fn type_get_module(vm: &Vm, o: &PyRef) -> PyResult {
    // Static types name their module in their name (none: builtins), as CPython's
    // type_module; `type`'s own dict holds this very descriptor under `__module__`.
    match type_data(o).dict().get_str("__module__") {
        Some(m) if !m.is_kind(Kind::GetSetDescriptor) => Ok(m),
        _ => Ok(vm.ctx.intern("builtins")),
    }
}
fn type_set_module(vm: &Vm, o: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    type_data(o).dict().set_str_key(vm.ctx.intern("__module__"), v.unwrap_or_else(|| vm.ctx.none()));
    Ok(())
}
fn type_set_doc(vm: &Vm, o: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let td = type_data(o);
    if td.has_flag(crate::objects::typeobject::type_flags::IMMUTABLETYPE) {
        return Err(vm.type_error(&format!("cannot set '__doc__' attribute of immutable type '{}'", td.name())));
    }
    td.dict().set_str_key(vm.ctx.intern("__doc__"), v.unwrap_or_else(|| vm.ctx.none()));
    Ok(())
}
fn type_get_doc(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(type_data(o).dict().get_str("__doc__").unwrap_or_else(|| vm.ctx.none()))
}

/// Constructor for exceptions: `BaseException.__new__` + `__init__` store args.
pub fn exception_new(vm: &Vm, cls: &PyRef, a: Args<'_>) -> PyResult {
    let e = crate::objects::instance::alloc_instance(
        vm,
        cls,
        ExceptionData {
            args: PyCell::new(vm.ctx.new_tuple(a.pos().to_vec())),
            traceback: PyCell::new(None),
            cause: PyCell::new(None),
            context: PyCell::new(None),
            suppress_context: std::cell::Cell::new(false),
            notes: PyCell::new(None),
                suggest_ctx: PyCell::new(None),
        },
    );
    Ok(e)
}

pub fn tuple_of(v: &PyRef) -> Vec<PyRef> {
    tuple_items(v).to_vec()
}

/// `cls[item]` for built-in generic classes: a `types.GenericAlias`.
fn class_getitem(vm: &Vm, a: Args<'_>) -> PyResult {
    let (cls, rest) = args::meth(vm, "__class_getitem__", &a, 1, 1)?;
    let ga = vm.import_module("types").and_then(|m| vm.getattr_str(&m, "GenericAlias"))?;
    vm.call(&ga, &[cls.clone(), rest[0].clone()])
}
