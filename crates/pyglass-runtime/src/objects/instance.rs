//! Classes defined in Python (CPython `Objects/typeobject.c`: `type_new`, slots, `super`,
//! `__build_class__`): heap types, their instances, `__slots__`, and attribute
//! assignment on classes.

use crate::object::core::{alloc_object, alloc_object_with_values, inline_values, slot_cell, AllocSpec, InlineValues, PyPayload, MAX_INLINE_VALUES};
use crate::object::{Kind, PyRef};
use crate::objects::dict::DictData;
use crate::objects::function::*;
use crate::objects::misc::{ObjectData, SuperData};
use crate::objects::str::as_str;
use crate::objects::tuple::tuple_items;
use crate::objects::typeobject::{c3_mro, lookup_str, type_data, type_flags, NativeNew, TypeData};
use crate::sync::PyCell;
use crate::vm::frame::Frame;
use crate::vm::{Args, PyResult, Vm};
use std::cell::Cell;

/// Allocate an instance of `cls` (maybe a heap subclass of a built-in type) with payload T.
/// Instances of classes with inline values get one value per shared key known now.
pub fn alloc_instance<T: PyPayload>(vm: &Vm, cls: &PyRef, payload: T) -> PyRef {
    let td = type_data(cls);
    let inline_cap = if td.has_flag(type_flags::INLINE_VALUES) { td.shared_keys.borrow().len() } else { 0 };
    alloc_object_with_values(
        AllocSpec { typ: cls, managed_dict: td.has_flag(type_flags::MANAGED_DICT), owns_type: td.has_flag(type_flags::HEAPTYPE) },
        payload,
        td.nslots.get(),
        inline_cap,
    )
    .unwrap_or_else(|| {
        let _ = vm;
        crate::vm::context::oom()
    })
}

pub fn slot_get(obj: &PyRef, i: usize) -> Option<PyRef> {
    let c = slot_cell(obj, i)?;
    let v = c.take();
    c.set(v.clone());
    v
}

pub fn slot_set(obj: &PyRef, i: usize, v: Option<PyRef>) {
    if let Some(c) = slot_cell(obj, i) {
        let old = c.replace(v);
        drop(old);
    }
}

// ----- inline values (CPython 3.13's shared keys + inline values) -----
//
// An instance allocated with inline values keeps its attributes in them, indexed by its
// class's shared keys, while its managed `__dict__` slot is empty. Asking for `__dict__`
// materializes a dict with the present values in insertion order and empties the inline
// values; from then on the dict is authoritative. A store of a name whose index is beyond
// the instance's capacity (keys learnt after it was allocated) materializes too.

/// Index of `name` in the shared keys of `td`.
#[inline]
pub fn shared_key_index(vm: &Vm, td: &TypeData, name: &PyRef) -> Option<usize> {
    let keys = td.shared_keys.borrow();
    if let Some(i) = keys.iter().position(|k| k.is(name)) {
        return Some(i);
    }
    // Keys are interned exact strs: an interned exact str that is not one of them is absent.
    let sd = name.downcast::<crate::objects::str::StrData>()?;
    if sd.interned.get() && name.class_ptr() == vm.ctx.types.str.as_ptr() {
        return None;
    }
    keys.iter().position(|k| as_str(k) == Some(sd.as_str()))
}

/// Index of `name` in the shared keys of `td`, adding it if there is room.
fn shared_key_index_or_add(vm: &Vm, td: &TypeData, name: &PyRef) -> Option<usize> {
    if let Some(i) = shared_key_index(vm, td, name) {
        return Some(i);
    }
    if td.shared_keys.borrow().len() >= MAX_INLINE_VALUES || name.class_ptr() != vm.ctx.types.str.as_ptr() {
        return None;
    }
    let key = vm.ctx.intern(as_str(name)?);
    if key.class_ptr() != vm.ctx.types.str.as_ptr() {
        return None;
    }
    let mut keys = td.shared_keys.borrow_mut();
    keys.push(key);
    Some(keys.len() - 1)
}

/// The inline values of `obj` when they are authoritative (no dict materialized); lives in
/// the object core, which knows the layout.
pub use crate::object::core::live_inline_values;

/// `obj.name` from the inline values (`t` is `obj`'s class).
#[inline]
pub fn inline_get(vm: &Vm, iv: &InlineValues<'_>, t: &PyRef, name: &PyRef) -> Option<PyRef> {
    let i = shared_key_index(vm, type_data(t), name)?;
    iv.get(i)
}

/// `obj.name = value` (`del` when None) on authoritative inline values. `None`: the name
/// does not fit (the caller materializes and stores into the dict); `Some(false)`: deleting
/// an absent attribute.
pub fn inline_set(vm: &Vm, iv: &InlineValues<'_>, t: &PyRef, name: &PyRef, value: Option<PyRef>) -> Option<bool> {
    let td = type_data(t);
    match value {
        Some(v) => {
            let i = shared_key_index_or_add(vm, td, name)?;
            if i >= iv.capacity() {
                return None;
            }
            drop(iv.set(i, v));
            Some(true)
        }
        None => {
            let old = shared_key_index(vm, td, name).and_then(|i| iv.remove(i));
            let found = old.is_some();
            drop(old);
            Some(found)
        }
    }
}

/// Record `name` in the shared keys of `obj`'s class (stores that went to a dict), so that
/// later instances have room for it.
pub fn note_shared_key(vm: &Vm, t: &PyRef, name: &PyRef) {
    let td = type_data(t);
    if td.has_flag(type_flags::INLINE_VALUES) {
        shared_key_index_or_add(vm, td, name);
    }
}

/// Move `obj`'s inline values into a new managed `__dict__` (insertion order kept) and
/// return it; `None` when the object has no authoritative inline values.
pub fn materialize_dict(vm: &Vm, obj: &PyRef) -> Option<PyRef> {
    let iv = live_inline_values(obj)?;
    let slot = obj.managed_dict_slot()?;
    let t = obj.class();
    let keys = type_data(&t).shared_keys.borrow().clone();
    let d = vm.ctx.new_dict();
    let dd = d.downcast::<DictData>().expect("dict");
    for (i, v) in iv.drain() {
        // Str keys: hashing cannot fail or run Python code. Untracked, as attribute stores
        // leave a managed dict (the owner visits its items, docs/gc.md).
        let _ = dd.set_attr_item(vm, keys[i].clone(), v);
    }
    slot.set(Some(d.clone()));
    Some(d)
}

/// Empty `obj`'s inline values (its `__dict__` is being replaced): the values, for the
/// caller to drop once the new dict is in place.
pub fn discard_inline_values(obj: &PyRef) -> Vec<(usize, PyRef)> {
    match inline_values(obj) {
        Some(iv) => iv.drain(),
        None => Vec::new(),
    }
}

/// Names `self.x = ...` stores in `__init__` (`LOAD_FAST 0; STORE_ATTR x`), in order: the
/// first shared keys of a new class (CPython's compiler counts them too), so that even the
/// first instance keeps its attributes inline.
fn init_attribute_names(ns: &DictData) -> Vec<PyRef> {
    use pyglass_bytecode::Opcode;
    let mut out: Vec<PyRef> = Vec::new();
    let Some(init) = ns.get_str("__init__") else { return out };
    let Some(fd) = init.downcast::<FunctionData>() else { return out };
    let Some(cd) = fd.code.downcast::<CodeData>() else { return out };
    if cd.code.argcount == 0 {
        return out;
    }
    for w in cd.code.instructions.windows(2) {
        if w[0].op() == Opcode::LOAD_FAST && w[0].arg() == 0 && w[1].op() == Opcode::STORE_ATTR {
            if let Some(n) = cd.names.get(w[1].arg() as usize) {
                if !out.iter().any(|k| k.is(n)) && out.len() < MAX_INLINE_VALUES {
                    out.push(n.clone());
                }
            }
        }
    }
    out
}

/// The nearest native constructor along the MRO.
pub fn inherited_native_new(cls: &PyRef) -> Option<NativeNew> {
    let td = type_data(cls);
    if let Some(n) = td.native_new.get() {
        return Some(n);
    }
    td.mro.borrow().iter().find_map(|t| type_data(t).native_new.get())
}

/// Whether `cls.__new__` is `object.__new__` (for the "takes no arguments" check).
pub fn uses_object_new(cls: &PyRef) -> bool {
    // The native `__new__` first: it settles most calls (`range(n)`, `list(x)`) without a
    // lookup or a copy of a name.
    if !inherited_native_new(cls).is_some_and(|f| f as *const () as usize == object_new as *const () as usize) {
        return false;
    }
    match lookup_str(cls, "__new__") {
        Some(n) => n.downcast::<MethodDescrData>().is_some_and(|m| m.owner.kind() == Kind::Type && *type_data(&m.owner).name.borrow() == "object"),
        None => true,
    }
}

/// `object.__new__(cls)`.
pub fn object_new(vm: &Vm, cls: &PyRef, args: Args<'_>) -> PyResult {
    if !args.items.is_empty() {
        let init = lookup_str(cls, "__init__");
        let init_is_object = init.as_ref().map_or(true, |i| i.downcast::<MethodDescrData>().is_some_and(|m| m.owner.is(&vm.ctx.types.object)));
        if init_is_object {
            return Err(vm.type_error(&format!("{}() takes no arguments", type_data(cls).name())));
        }
    }
    if !type_data(cls).instance_kind.eq(&Kind::Object) {
        return Err(vm.type_error(&format!("object.__new__({}) is not safe, use {}.__new__()", type_data(cls).name(), type_data(cls).name())));
    }
    Ok(alloc_instance(vm, cls, ObjectData))
}

/// Set or delete an attribute of a heap type, keeping its flags in step.
pub fn type_set_attr(vm: &Vm, typ: &PyRef, name: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    let td = type_data(typ);
    let n = as_str(name).unwrap_or("").to_string();
    match value {
        Some(v) => td.dict().set_str_key(vm.ctx.intern(&n), v),
        None => {
            if td.dict().del_str_key(name).is_none() {
                return Err(vm.new_error(&vm.ctx.exc.attribute_error, &format!("type object '{}' has no attribute '{}'", td.name(), n)));
            }
        }
    }
    vm.ctx.type_modified(td);
    refresh_flags(vm, typ);
    Ok(())
}

/// Recompute the behaviour flags that depend on which dunders a class defines.
pub fn refresh_flags(vm: &Vm, typ: &PyRef) {
    let td = type_data(typ);
    let defined_in_heap = |name: &str| -> bool {
        crate::objects::typeobject::full_mro(typ).iter().any(|t| type_data(t).has_flag(type_flags::HEAPTYPE) && type_data(t).dict().get_str(name).is_some())
    };
    td.set_flag(type_flags::HAS_FINALIZER, defined_in_heap("__del__"));
    td.set_flag(type_flags::CUSTOM_GETATTR, defined_in_heap("__getattribute__") || defined_in_heap("__getattr__"));
    td.set_flag(type_flags::CUSTOM_SETATTR, defined_in_heap("__setattr__") || defined_in_heap("__delattr__"));
    let _ = vm;
}

/// `type(name, bases, dict)` / class statements.
pub fn type_new(vm: &Vm, meta: &PyRef, name: &str, bases: Vec<PyRef>, ns: &PyRef) -> PyResult {
    type_new_kw(vm, meta, name, bases, ns, Args::new(&[]))
}

/// `type_new` with the class keywords (passed on to `__init_subclass__`).
pub fn type_new_kw(vm: &Vm, meta: &PyRef, name: &str, bases: Vec<PyRef>, ns: &PyRef, kw: Args<'_>) -> PyResult {
    let bases = if bases.is_empty() { vec![vm.ctx.types.object.clone()] } else { bases };
    for b in &bases {
        match b.downcast::<TypeData>() {
            Some(bt) if bt.has_flag(type_flags::BASETYPE) => {}
            Some(bt) => return Err(vm.type_error(&format!("type '{}' is not an acceptable base type", bt.name()))),
            None => return Err(vm.type_error(&format!("bases must be types, not {}", vm.type_name(b)))),
        }
    }
    // The solid base decides the instance layout.
    let mut solid = bases[0].clone();
    for b in &bases {
        let (kb, ks) = (type_data(b).instance_kind, type_data(&solid).instance_kind);
        if kb != Kind::Object && ks == Kind::Object {
            solid = b.clone();
        } else if kb != Kind::Object && kb != ks {
            return Err(vm.type_error("multiple bases have instance lay-out conflict"));
        }
    }
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|x| x.is(b)) {
            return Err(vm.type_error(&format!("duplicate base class {}", type_data(b).name())));
        }
    }
    let mro = c3_mro(&bases).map_err(|m| vm.type_error(&m))?;
    let nsd = ns.downcast::<DictData>().ok_or_else(|| vm.type_error(&format!("type.__new__() argument 3 must be dict, not {}", vm.type_name(ns))))?;
    let dict = vm.ctx.new_dict();
    let dd = dict.downcast::<DictData>().expect("dict");
    for (k, v) in nsd.items() {
        dd.set_item(vm, k, v)?;
    }
    // Slots.
    // Bases that carry slots must be on one line of inheritance: the instance layout holds
    // one base's slots (CPython's `solid_base` / "lay-out conflict").
    let slot_base = |b: &PyRef| {
        // The type along `b`'s base chain that added its last slots.
        let mut t = b.clone();
        loop {
            let base = type_data(&t).base.borrow().clone();
            match base {
                Some(p) if type_data(&p).nslots.get() == type_data(&t).nslots.get() => t = p,
                _ => return t,
            }
        }
    };
    let mut slots_from: Option<PyRef> = None;
    for b in bases.iter().filter(|b| type_data(b).nslots.get() > 0) {
        let sb = slot_base(b);
        match &slots_from {
            None => slots_from = Some(sb),
            Some(cur) if crate::objects::typeobject::is_subtype(&sb, cur) => slots_from = Some(sb),
            Some(cur) if crate::objects::typeobject::is_subtype(cur, &sb) => {}
            Some(_) => return Err(vm.type_error("multiple bases have instance lay-out conflict")),
        }
    }
    let base_slots = slots_from.as_ref().map_or(0, |t| type_data(t).nslots.get());
    let mut slot_names: Vec<String> = Vec::new();
    let mut wants_dict = true;
    let mut wants_weakref = true;
    let base_has_dict = bases.iter().any(|b| type_data(b).has_flag(type_flags::MANAGED_DICT));
    let base_has_weakref = bases.iter().any(|b| type_data(b).has_flag(type_flags::WEAKREFABLE) && type_data(b).has_flag(type_flags::HEAPTYPE));
    if let Some(slots) = dd.get_str("__slots__") {
        wants_dict = false;
        wants_weakref = false;
        let items = if as_str(&slots).is_some() { vec![slots.clone()] } else { vm.iterate(&slots)? };
        let mut names = Vec::with_capacity(items.len());
        for it in &items {
            let Some(s) = as_str(it) else {
                return Err(vm.type_error(&format!("__slots__ items must be strings, not '{}'", vm.type_name(it))));
            };
            if !crate::builtins::strings::is_identifier(s) {
                return Err(vm.type_error("__slots__ must be identifiers"));
            }
            names.push(s);
        }
        // Variable-size built-in bases (int, tuple, bytes) leave no room for slots; the
        // check counts `__dict__` and `__weakref__` too, as CPython's does.
        if !names.is_empty() && matches!(type_data(&solid).instance_kind, Kind::Int | Kind::Tuple | Kind::Bytes) {
            return Err(vm.type_error(&format!("nonempty __slots__ not supported for subtype of '{}'", type_data(&solid).name())));
        }
        for s in names {
            match s {
                "__dict__" => {
                    if wants_dict || base_has_dict {
                        return Err(vm.type_error("__dict__ slot disallowed: we already got one"));
                    }
                    wants_dict = true;
                }
                "__weakref__" => {
                    if wants_weakref || base_has_weakref {
                        return Err(vm.type_error("__weakref__ slot disallowed: we already got one"));
                    }
                    wants_weakref = true;
                }
                _ => {
                    let s = pyglass_compiler::symtable::mangle(Some(name), s);
                    if dd.get_str(&s).is_some() {
                        return Err(vm.value_error(&format!("'{s}' in __slots__ conflicts with class variable")));
                    }
                    slot_names.push(s.into_owned());
                }
            }
        }
    }
    let mut flags = type_flags::HEAPTYPE | type_flags::BASETYPE;
    if wants_dict || base_has_dict {
        flags |= type_flags::MANAGED_DICT;
    }
    if wants_weakref || base_has_weakref || type_data(&solid).has_flag(type_flags::WEAKREFABLE) {
        flags |= type_flags::WEAKREFABLE;
    }
    if bases.iter().any(|b| type_data(b).has_flag(type_flags::EXCEPTION)) {
        flags |= type_flags::EXCEPTION | type_flags::MANAGED_DICT;
    }
    if flags & (type_flags::MANAGED_DICT | type_flags::EXCEPTION) == type_flags::MANAGED_DICT
        && type_data(&solid).instance_kind == Kind::Object
        && base_slots + slot_names.len() == 0
    {
        flags |= type_flags::INLINE_VALUES;
    }
    // Special methods that are implicitly static/class methods.
    if let Some(f) = dd.get_str("__new__") {
        if f.is_kind(Kind::Function) {
            dd.set_str_key(vm.ctx.intern("__new__"), vm.ctx.alloc(&vm.ctx.types.staticmethod, StaticMethodData { func: PyCell::new(Some(f)) }));
        }
    }
    for cm in ["__init_subclass__", "__class_getitem__"] {
        if let Some(f) = dd.get_str(cm) {
            if f.is_kind(Kind::Function) {
                dd.set_str_key(vm.ctx.intern(cm), vm.ctx.alloc(&vm.ctx.types.classmethod, ClassMethodData { func: PyCell::new(Some(f)) }));
            }
        }
    }
    if dd.get_str("__eq__").is_some() && dd.get_str("__hash__").is_none() {
        dd.set_str_key(vm.ctx.intern("__hash__"), vm.ctx.none());
    }
    let qualname = match dd.del_str_key(&vm.ctx.intern("__qualname__")) {
        Some(q) => as_str(&q).map(|s| s.to_string()).unwrap_or_else(|| name.to_string()),
        None => name.to_string(),
    };
    if dd.get_str("__doc__").is_none() {
        dd.set_str_key(vm.ctx.intern("__doc__"), vm.ctx.none());
    }
    let solid_td = type_data(&solid);
    let meta_heap = type_data(meta).has_flag(type_flags::HEAPTYPE);
    let t = alloc_object(
        AllocSpec { typ: meta, managed_dict: false, owns_type: meta_heap },
        TypeData {
            name: PyCell::new(name.to_string()),
            qualname: PyCell::new(qualname),
            base: PyCell::new(Some(solid.clone())),
            bases: PyCell::new(bases.clone()),
            mro: PyCell::new(mro),
            dict: dict.clone(),
            flags: Cell::new(flags),
            vtable: solid_td.vtable,
            instance_kind: solid_td.instance_kind,
            nslots: Cell::new(base_slots + slot_names.len()),
            inline_base: crate::objects::typeobject::inline_base(solid_td.vtable, base_slots + slot_names.len()),
            native_new: Cell::new(None),
            version: Cell::new(vm.ctx.new_type_version()),
            shared_keys: PyCell::new(if flags & type_flags::INLINE_VALUES != 0 { init_attribute_names(dd) } else { Vec::new() }),
            lookup_cache: crate::objects::typeobject::LookupCache::new(),
            init_cache: Default::default(),
        },
        type_data(meta).nslots.get(),
    )
    .unwrap_or_else(|| crate::vm::context::oom());
    for (i, s) in slot_names.iter().enumerate() {
        let descr = vm.ctx.alloc(
            &vm.ctx.types.member_descriptor,
            MemberDescrData { name: vm.ctx.intern(s), index: base_slots + i, owner_name: name.to_string(), owner: PyCell::new(Some(t.clone())) },
        );
        dd.set_str_key(vm.ctx.intern(s), descr);
    }
    // `__dict__` / `__weakref__` descriptors unless a base already provides them.
    let provided = |n: &str| crate::objects::typeobject::full_mro(&t).iter().skip(1).any(|b| type_data(b).dict().get_str(n).is_some());
    let add_dict = flags & type_flags::MANAGED_DICT != 0 && !provided("__dict__");
    let add_weakref = flags & type_flags::WEAKREFABLE != 0 && !provided("__weakref__");
    crate::builtins::types_init::add_dict_descriptors(vm, &t, add_dict, add_weakref);
    refresh_flags(vm, &t);
    // __set_name__ and __init_subclass__.
    for (k, v) in dd.items() {
        if let Some(p) = v.downcast::<crate::objects::function::PropertyData>() {
            if crate::vm::abstract_::type_is_static(&v) {
                *p.name.borrow_mut() = Some(k.clone());
                continue;
            }
        }
        if let Some(sn) = lookup_str(&v.class(), "__set_name__") {
            if crate::vm::abstract_::type_is_static(&v) {
                continue;
            }
            vm.call(&sn, &[v.clone(), t.clone(), k.clone()])?;
        }
    }
    let sup = new_super(vm, t.clone(), Some(t.clone()))?;
    if let Some(init_sub) = vm.getattr_opt(&sup, "__init_subclass__")? {
        vm.call_vector(&init_sub, kw.items, kw.kwnames)?;
    }
    Ok(t)
}

/// The most derived metaclass of `meta` and the types of `bases`
/// (CPython's `_PyType_CalculateMetaclass`).
pub fn calculate_metaclass(vm: &Vm, meta: &PyRef, bases: &[PyRef]) -> PyResult {
    use crate::objects::typeobject::is_subtype;
    let mut winner = meta.clone();
    for b in bases {
        let bt = b.class();
        if is_subtype(&winner, &bt) {
            continue;
        }
        if is_subtype(&bt, &winner) {
            winner = bt;
            continue;
        }
        return Err(vm.type_error("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases"));
    }
    Ok(winner)
}

/// `super(cls, obj)`.
pub fn new_super(vm: &Vm, cls: PyRef, obj: Option<PyRef>) -> PyResult {
    let obj_type = match &obj {
        Some(o) => {
            if o.is_kind(Kind::Type) && crate::objects::typeobject::is_subtype(o, &cls) {
                Some(o.clone())
            } else if crate::objects::typeobject::is_subtype(&o.class(), &cls) {
                Some(o.class())
            } else {
                let what = if o.is_kind(Kind::Type) { format!("type {}", type_data(o).name()) } else { format!("instance of {}", vm.type_name(o)) };
                return Err(vm.type_error(&format!("super(type, obj): obj ({what}) is not an instance or subtype of type ({}).", type_data(&cls).name())));
            }
        }
        None => None,
    };
    Ok(vm.ctx.alloc(&vm.ctx.types.super_, SuperData { typ: cls, obj, obj_type }))
}

/// Attribute lookup through `super`: search the MRO of the object's type after `typ`.
pub fn super_getattr(vm: &Vm, sup: &PyRef, name: &PyRef) -> PyResult {
    let sd = sup.downcast::<SuperData>().expect("super");
    if let Some(start) = &sd.obj_type {
        let mro = crate::objects::typeobject::full_mro(start);
        let pos = mro.iter().position(|t| t.is(&sd.typ)).map(|p| p + 1).unwrap_or(mro.len());
        for t in &mro[pos..] {
            if let Some(v) = type_data(t).dict().get_str_key(name) {
                let obj = sd.obj.as_ref().filter(|o| !o.is(start));
                return vm.descr_get(&v, obj, start);
            }
        }
    }
    let t = sup.class();
    if let Some(d) = crate::objects::typeobject::lookup(&t, name) {
        return vm.descr_get(&d, Some(sup), &t);
    }
    Err(vm.attribute_error(sup, as_str(name).unwrap_or("?")))
}

/// `builtins.__build_class__(func, name, *bases, metaclass=None, **kwds)`.
pub fn build_class(vm: &Vm, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    if pos.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let func = &pos[0];
    let name = as_str(&pos[1]).ok_or_else(|| vm.type_error("__build_class__: name is not a string"))?.to_string();
    let bases: Vec<PyRef> = pos[2..].to_vec();
    let mut meta: Option<PyRef> = None;
    let mut kw_names = Vec::new();
    let mut kw_values = Vec::new();
    for (k, v) in args.kw() {
        if as_str(k) == Some("metaclass") {
            meta = Some(v.clone());
        } else {
            kw_names.push(k.clone());
            kw_values.push(v.clone());
        }
    }
    // CPython's builtin___build_class__: the explicit metaclass, else the type of the
    // first base (or `type`); when that is a class, the most derived metaclass wins.
    let meta = match meta {
        Some(m) => m,
        None => bases.first().map(|b| b.class()).unwrap_or_else(|| vm.ctx.types.type_.clone()),
    };
    let meta = if meta.is_kind(Kind::Type) { calculate_metaclass(vm, &meta, &bases)? } else { meta };
    let prepare = if meta.is_kind(Kind::Type) {
        match lookup_str(&meta, "__prepare__").filter(|p| !p.is_kind(Kind::MethodDescriptor)) {
            Some(p) => Some(vm.descr_get(&p, None, &meta)?),
            None => None,
        }
    } else {
        vm.getattr_opt(&meta, "__prepare__")?
    };
    let ns = match prepare {
        Some(pf) => {
            let mut a = vec![pos[1].clone(), vm.ctx.new_tuple(bases.clone())];
            a.extend(kw_values.iter().cloned());
            vm.call_vector(&pf, &a, &kw_names)?
        }
        None => vm.ctx.new_dict(),
    };
    // Run the body with the namespace as its locals.
    let fd = func.downcast::<FunctionData>().ok_or_else(|| vm.type_error("__build_class__: func must be a function"))?;
    let code = fd.code_data();
    let _ = code;
    let mut frame = Frame::new(fd.code.clone(), Some(func.clone()), fd.globals.clone(), fd.builtins.clone(), Some(ns.clone()));
    vm.run_frame(&mut frame)?;
    drop(frame);
    let bases_t = vm.ctx.new_tuple(bases);
    let mut a = vec![pos[1].clone(), bases_t, ns.clone()];
    a.extend(kw_values);
    let cls = vm.call_vector(&meta, &a, &kw_names)?;
    let classcell = if let Some(d) = ns.downcast::<DictData>() { d.get_str("__classcell__") } else { None };
    if let Some(cell) = classcell {
        if let Some(c) = cell.downcast::<CellData>() {
            *c.0.borrow_mut() = Some(cls.clone());
        }
        if let Some(d) = cls.downcast::<TypeData>() {
            d.dict().del_str_key(&vm.ctx.intern("__classcell__"));
        }
    }
    let _ = name;
    Ok(cls)
}

/// `type.__new__(meta, name, bases, ns)` and `type(x)`.
pub fn type_native_new(vm: &Vm, meta: &PyRef, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    if pos.len() == 1 && meta.is(&vm.ctx.types.type_) {
        return Ok(pos[0].class());
    }
    if pos.len() != 3 {
        return Err(vm.type_error("type() takes 1 or 3 arguments"));
    }
    let name = as_str(&pos[0]).ok_or_else(|| vm.type_error(&format!("type.__new__() argument 1 must be str, not {}", vm.type_name(&pos[0]))))?;
    if !pos[1].is_kind(Kind::Tuple) {
        return Err(vm.type_error(&format!("type.__new__() argument 2 must be tuple, not {}", vm.type_name(&pos[1]))));
    }
    let bases = tuple_items(&pos[1]).to_vec();
    if !pos[2].is_kind(Kind::Dict) {
        return Err(vm.type_error(&format!("type.__new__() argument 3 must be dict, not {}", vm.type_name(&pos[2]))));
    }
    let meta = &calculate_metaclass(vm, meta, &bases)?;
    let kwvals = &args.items[pos.len()..];
    let t = type_new_kw(vm, meta, name, bases, &pos[2], Args::with_kw(kwvals, args.kwnames))?;
    // `__module__` from the caller's globals when the namespace lacks it.
    if let Some(td) = t.downcast::<TypeData>() {
        if td.dict().get_str("__module__").is_none() {
            td.dict().set_str_key(vm.ctx.intern("__module__"), vm.ctx.intern("__main__"));
        }
    }
    Ok(t)
}
