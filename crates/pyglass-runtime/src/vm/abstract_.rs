//! The abstract object protocols (CPython `Objects/abstract.c`, `object.c`):
//! attributes, truth, hashing, comparison, operators, subscripts, iteration.
//!
//! Every protocol first handles exact built-in types natively (a `match` on the payload
//! kind), then falls back to looking the dunder method up on the type, which also finds
//! the native descriptors of built-in bases for subclasses.

use crate::object::{Kind, PyRef};
use crate::objects::dict::DictData;
use crate::objects::float::FloatData;
use crate::objects::function::*;
use crate::objects::int::IntData;
use crate::objects::list::ListData;
use crate::objects::str::{as_str, StrData};
use crate::objects::tuple::tuple_items;
use crate::objects::typeobject::{lookup, lookup_str, type_data, type_flags, TypeData};
use crate::vm::{PyErr, PyResult, Vm};
use pyglass_bytecode::{BinaryOp, CompareOp};

/// Whether a type is a built-in (static) type whose behaviour is fully native.
#[inline(always)]
pub fn is_static_type(t: &PyRef) -> bool {
    !type_data(t).has_flag(type_flags::HEAPTYPE)
}

/// Whether `v`'s type is a static (built-in) type; no reference count traffic.
#[inline(always)]
pub fn type_is_static(v: &PyRef) -> bool {
    !crate::objects::typeobject::type_data_of_obj(v).has_flag(type_flags::HEAPTYPE)
}

impl Vm {
    // ----- errors -----

    pub fn type_error(&self, msg: &str) -> PyErr {
        self.new_error(&self.ctx.exc.type_error, msg)
    }
    pub fn value_error(&self, msg: &str) -> PyErr {
        self.new_error(&self.ctx.exc.value_error, msg)
    }
    pub fn index_error(&self, msg: &str) -> PyErr {
        self.new_error(&self.ctx.exc.index_error, msg)
    }
    pub fn attribute_error(&self, obj: &PyRef, name: &str) -> PyErr {
        let msg = if let Some(td) = obj.downcast::<TypeData>() {
            format!("type object '{}' has no attribute '{}'", td.name(), name)
        } else if obj.is_kind(Kind::Module) {
            let mname = self.module_name(obj);
            format!("module '{mname}' has no attribute '{name}'")
        } else {
            format!("'{}' object has no attribute '{}'", self.type_name(obj), name)
        };
        let e = self.new_error(&self.ctx.exc.attribute_error, &msg);
        self.set_exc_attr(&e.0, "name", self.ctx.new_str(name));
        self.set_exc_attr(&e.0, "obj", obj.clone());
        e
    }
    pub fn name_error(&self, name: &PyRef) -> PyErr {
        let n = as_str(name).unwrap_or("?");
        let e = self.new_error(&self.ctx.exc.name_error, &format!("name '{n}' is not defined"));
        self.set_exc_attr(&e.0, "name", name.clone());
        e
    }

    pub fn type_name(&self, obj: &PyRef) -> String {
        type_data(&obj.class()).name()
    }

    fn module_name(&self, m: &PyRef) -> String {
        m.downcast::<crate::objects::misc::ModuleData>()
            .and_then(|md| md.dict.downcast::<DictData>().and_then(|d| d.get_str("__name__")))
            .and_then(|n| as_str(&n).map(|s| s.to_string()))
            .unwrap_or_else(|| "?".into())
    }

    /// Whether `e` is an instance of exception class `cls`.
    pub fn is_instance_of(&self, e: &PyRef, cls: &PyRef) -> bool {
        crate::objects::typeobject::is_subtype(&e.class(), cls)
    }

    // ----- truth, hash, equality -----

    #[inline]
    pub fn is_true(&self, v: &PyRef) -> PyResult<bool> {
        // Exact ints first, by type pointer (no type reference taken, no call).
        if v.class_ptr() == self.ctx.types.int.as_ptr() {
            if let Some(i) = v.downcast::<IntData>() {
                return Ok(!i.value().is_zero());
            }
        }
        self.is_true_general(v)
    }

    /// [`Vm::is_true`] of a value borrowed from a local's slot (`LOAD_FAST;
    /// POP_JUMP_IF_*` run as one): a reference is taken first, standing for the one the
    /// value stack would hold, so that `__bool__` / `__len__` see CPython's count.
    #[inline(never)]
    pub(crate) fn is_true_local(&self, v: &PyRef) -> PyResult<bool> {
        // Built-in types run no code: no reference needed (`while stack:` on a list).
        if let Some(t) = self.static_truth(v) {
            return Ok(t);
        }
        let v = v.clone();
        self.is_true_hooks(&v)
    }

    #[inline(never)]
    fn is_true_general(&self, v: &PyRef) -> PyResult<bool> {
        match self.static_truth(v) {
            Some(t) => Ok(t),
            None => self.is_true_hooks(v),
        }
    }

    /// The truth of an instance of a built-in type whose truth is its payload's (CPython's
    /// `TO_BOOL_LIST`, `TO_BOOL_STR`... shapes); `None` for anything that may run code.
    #[inline(always)]
    fn static_truth(&self, v: &PyRef) -> Option<bool> {
        if !type_is_static(v) {
            return None;
        }
        match v.kind() {
            Kind::Int => Some(!v.downcast::<IntData>().is_some_and(|i| i.value().is_zero())),
            Kind::Float => Some(v.downcast::<FloatData>().is_some_and(|f| f.0 != 0.0)),
            Kind::Str => Some(v.downcast::<StrData>().is_some_and(|s| !s.as_str().is_empty())),
            Kind::List => Some(v.downcast::<ListData>().is_some_and(|l| !l.is_empty())),
            Kind::Tuple => Some(!tuple_items(v).is_empty()),
            Kind::Dict => Some(v.downcast::<DictData>().is_some_and(|d| !d.is_empty())),
            _ if v.is(&self.ctx.consts.none) => Some(false),
            _ => None,
        }
    }

    /// Truth through `__bool__` / `__len__` (out of line: the common cases above need no
    /// saved registers).
    #[inline(never)]
    fn is_true_hooks(&self, v: &PyRef) -> PyResult<bool> {
        let t = v.class();
        if let Some(m) = lookup_str(&t, "__bool__") {
            let r = self.call1(&m, v)?;
            if !r.class().is(&self.ctx.types.bool_) {
                return Err(self.type_error(&format!("__bool__ should return bool, returned {}", self.type_name(&r))));
            }
            return Ok(r.is(&self.ctx.consts.true_));
        }
        if let Some(m) = lookup_str(&t, "__len__") {
            let r = self.call1(&m, v)?;
            return Ok(self.len_result(&r)? > 0);
        }
        Ok(true)
    }

    pub fn hash(&self, v: &PyRef) -> PyResult<isize> {
        match v.kind() {
            Kind::Str if type_is_static(v) => return Ok(v.downcast::<StrData>().map(|s| s.hash()).unwrap_or(0)),
            Kind::Int if type_is_static(v) => return Ok(v.downcast::<IntData>().map(|i| i.value().hash()).unwrap_or(0)),
            _ => {}
        }
        let t = v.class();
        if is_static_type(&t) {
            if let Some(h) = crate::builtins::native::native_hash(self, v)? {
                return Ok(h);
            }
        }
        match lookup_str(&t, "__hash__") {
            Some(h) if !h.is(&self.ctx.consts.none) => {
                let r = self.call1(&h, v)?;
                match r.downcast::<IntData>() {
                    // CPython uses a result that fits in Py_ssize_t as it is (-1 becomes
                    // -2), and the int's own hash otherwise.
                    Some(i) => Ok(match i.as_small() {
                        Some(-1) => -2,
                        Some(h) => h as isize,
                        None => crate::objects::int::IntValue::hash(i.value()),
                    }),
                    None => Err(self.type_error("__hash__ method should return an integer")),
                }
            }
            _ => Err(self.type_error(&format!("unhashable type: '{}'", self.type_name(v)))),
        }
    }

    /// `a == b` as a bool (identity first, as containers do).
    pub fn eq(&self, a: &PyRef, b: &PyRef) -> PyResult<bool> {
        if a.is(b) {
            return Ok(true);
        }
        self.compare_bool(a, b, CompareOp::Eq)
    }

    pub fn compare_bool(&self, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult<bool> {
        let r = self.rich_compare(a, b, op)?;
        if r.is(&self.ctx.consts.true_) {
            return Ok(true);
        }
        if r.is(&self.ctx.consts.false_) {
            return Ok(false);
        }
        self.is_true(&r)
    }

    /// `a <op> b` with CPython's reflection rules.
    pub fn rich_compare(&self, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
        if let Some(r) = self.compare_number_fast(a, b, op) {
            return Ok(self.ctx.bool_obj(r));
        }
        let _guard = self.enter_recursive(" in comparison")?;
        let (ta, tb) = (a.class(), b.class());
        let native = if is_static_type(&ta) && is_static_type(&tb) { crate::builtins::native::native_compare(self, a, b, op)? } else { None };
        if let Some(r) = native {
            return Ok(self.ctx.bool_obj(r));
        }
        // Heap types, and built-in types whose comparison is a method (weakref, ...).
        if !(is_static_type(&ta) && is_static_type(&tb)) || has_own_compare(&ta, op) || has_own_compare(&tb, op.swapped()) {
            let ni = self.ctx.consts.not_implemented.clone();
            let mut tried_reflected = false;
            if !ta.is(&tb) && crate::objects::typeobject::is_subtype(&tb, &ta) {
                if let Some(m) = lookup_str(&tb, op.swapped().dunder()) {
                    tried_reflected = true;
                    let r = self.call2(&m, b, a)?;
                    if !r.is(&ni) {
                        return Ok(r);
                    }
                }
            }
            if let Some(m) = lookup_str(&ta, op.dunder()) {
                let r = self.call2(&m, a, b)?;
                if !r.is(&ni) {
                    return Ok(r);
                }
            }
            if !tried_reflected {
                if let Some(m) = lookup_str(&tb, op.swapped().dunder()) {
                    let r = self.call2(&m, b, a)?;
                    if !r.is(&ni) {
                        return Ok(r);
                    }
                }
            }
        }
        match op {
            CompareOp::Eq => Ok(self.ctx.bool_obj(a.is(b))),
            CompareOp::Ne => Ok(self.ctx.bool_obj(!a.is(b))),
            _ => Err(self.type_error(&format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                self.type_name(a),
                self.type_name(b)
            ))),
        }
    }

    // ----- attributes -----

    pub fn getattr_str(&self, obj: &PyRef, name: &str) -> PyResult {
        let n = self.ctx.intern(name);
        self.getattr(obj, &n)
    }

    /// `getattr(obj, name)` returning `None` for AttributeError.
    pub fn getattr_opt(&self, obj: &PyRef, name: &str) -> PyResult<Option<PyRef>> {
        match self.getattr_str(obj, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.is_instance_of(&e.0, &self.ctx.exc.attribute_error) => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub fn getattr(&self, obj: &PyRef, name: &PyRef) -> PyResult {
        let t = obj.class();
        let td = type_data(&t);
        let r = if td.has_flag(type_flags::CUSTOM_GETATTR) { self.slot_getattr(obj, name, &t) } else { self.generic_getattr(obj, name, &t) };
        if let Err(e) = &r {
            self.set_attribute_error_context(e, obj, name);
        }
        r
    }

    /// An AttributeError escaping `getattr` records the object and the name when it does
    /// not already (CPython's `set_attribute_error_context`), for the traceback's
    /// suggestions.
    #[cold]
    fn set_attribute_error_context(&self, e: &PyErr, obj: &PyRef, name: &PyRef) {
        if !self.is_instance_of(&e.0, &self.ctx.exc.attribute_error) {
            return;
        }
        let unset = |n: &str| self.exc_attr(&e.0, n).map_or(true, |v| v.is(&self.ctx.consts.none));
        if unset("name") && unset("obj") {
            self.set_exc_attr(&e.0, "name", name.clone());
            self.set_exc_attr(&e.0, "obj", obj.clone());
        }
    }

    fn slot_getattr(&self, obj: &PyRef, name: &PyRef, t: &PyRef) -> PyResult {
        let getattribute = lookup_str(t, "__getattribute__");
        let r = match getattribute {
            Some(ga) if !ga.is_kind(Kind::MethodDescriptor) => self.call2(&ga, obj, name),
            _ => self.generic_getattr(obj, name, t),
        };
        match r {
            Err(e) if self.is_instance_of(&e.0, &self.ctx.exc.attribute_error) => match lookup_str(t, "__getattr__") {
                Some(ga) => {
                    // The AttributeError (which refers to `obj`) is gone before
                    // `__getattr__` runs, as CPython clears it first.
                    drop(e);
                    self.call2(&ga, obj, name)
                }
                None => Err(e),
            },
            r => r,
        }
    }

    /// PyObject_GenericGetAttr, plus the type and module variants.
    pub fn generic_getattr(&self, obj: &PyRef, name: &PyRef, t: &PyRef) -> PyResult {
        if obj.is_kind(Kind::Type) {
            return self.type_getattr(obj, name, t);
        }
        if obj.is_kind(Kind::Super) && !as_str(name).is_some_and(|n| n == "__class__") {
            return crate::objects::instance::super_getattr(self, obj, name);
        }
        let descr = lookup(t, name);
        if let Some(d) = &descr {
            if self.is_data_descriptor(d) {
                return self.descr_get(d, Some(obj), t);
            }
        }
        if let Some(v) = self.instance_attr_get(obj, name, t) {
            return Ok(v);
        }
        if let Some(d) = descr {
            return self.descr_get(&d, Some(obj), t);
        }
        if obj.is_kind(Kind::Module) {
            if let Some(md) = obj.downcast::<crate::objects::misc::ModuleData>() {
                if let Some(ga) = md.dict.downcast::<DictData>().and_then(|d| d.get_str("__getattr__")) {
                    return self.call1(&ga, name);
                }
            }
        }
        // A bound method forwards what its type lacks to the function (CPython's
        // method_getattro): `__module__`, `__defaults__`, function attributes...
        if let Some(bm) = obj.downcast::<crate::objects::function::BoundMethodData>() {
            let func = bm.func.clone();
            return self.getattr(&func, name);
        }
        Err(self.attribute_error(obj, as_str(name).unwrap_or("?")))
    }

    /// Look `name` up in the object's own namespace (managed `__dict__`, module dict,
    /// function `__dict__`).
    pub fn instance_dict_get(&self, obj: &PyRef, name: &PyRef) -> Option<PyRef> {
        self.instance_attr_get(obj, name, &obj.class())
    }

    /// [`Vm::instance_dict_get`] with `obj`'s class at hand: inline values first.
    #[inline]
    pub fn instance_attr_get(&self, obj: &PyRef, name: &PyRef, t: &PyRef) -> Option<PyRef> {
        if let Some(slot) = obj.managed_dict_slot() {
            let d = slot.take();
            if d.is_none() {
                return crate::object::inline_values(obj).and_then(|iv| crate::objects::instance::inline_get(self, &iv, t, name));
            }
            let r = d.as_ref().and_then(|d| d.downcast::<DictData>()).and_then(|d| d.get_str_key(name));
            slot.set(d);
            return r;
        }
        match obj.kind() {
            Kind::Module => obj.downcast::<crate::objects::misc::ModuleData>().and_then(|m| m.dict.downcast::<DictData>()?.get_str_key(name)),
            Kind::Function => {
                let fd = obj.downcast::<FunctionData>()?;
                let d = fd.dict.borrow().clone()?;
                d.downcast::<DictData>()?.get_str_key(name)
            }
            _ => None,
        }
    }

    /// The object's `__dict__`, created on first use; `None` if it has none.
    pub fn instance_dict(&self, obj: &PyRef) -> Option<PyRef> {
        if let Some(d) = crate::objects::instance::materialize_dict(self, obj) {
            return Some(d);
        }
        if let Some(slot) = obj.managed_dict_slot() {
            let d = slot.take();
            let d = d.unwrap_or_else(|| self.ctx.new_dict());
            slot.set(Some(d.clone()));
            return Some(d);
        }
        match obj.kind() {
            Kind::Module => obj.downcast::<crate::objects::misc::ModuleData>().map(|m| m.dict.clone()),
            Kind::Function => {
                let fd = obj.downcast::<FunctionData>()?;
                let mut slot = fd.dict.borrow_mut();
                Some(slot.get_or_insert_with(|| self.ctx.new_dict()).clone())
            }
            Kind::Type => Some(type_data(obj).dict.clone()),
            _ => None,
        }
    }

    pub fn is_data_descriptor(&self, d: &PyRef) -> bool {
        match d.kind() {
            Kind::Property | Kind::GetSetDescriptor | Kind::MemberDescriptor => true,
            Kind::Function | Kind::MethodDescriptor | Kind::StaticMethod | Kind::ClassMethod | Kind::Int | Kind::Str => false,
            _ => {
                let t = d.class();
                !is_static_type(&t) && (lookup_str(&t, "__set__").is_some() || lookup_str(&t, "__delete__").is_some())
            }
        }
    }

    /// `descr.__get__(obj, typ)` for the descriptor kinds, or the value itself.
    pub fn descr_get(&self, d: &PyRef, obj: Option<&PyRef>, typ: &PyRef) -> PyResult {
        match d.kind() {
            Kind::Function => match obj {
                Some(o) => Ok(self.ctx.alloc(&self.ctx.types.bound_method, BoundMethodData { func: d.clone(), self_: o.clone() })),
                None => Ok(d.clone()),
            },
            Kind::MethodDescriptor => {
                let md = d.downcast::<MethodDescrData>().expect("kind checked");
                match md.kind {
                    MethodKind::Instance => match obj {
                        Some(o) => Ok(self.new_builtin_bound(md.name, md.func, o.clone())),
                        None => Ok(d.clone()),
                    },
                    MethodKind::Class => Ok(self.new_builtin_bound(md.name, md.func, typ.clone())),
                    // `__new__` of a built-in type is bound to its owner (tp_new_wrapper).
                    MethodKind::Static if md.name == "__new__" => Ok(self.new_builtin_bound(md.name, md.func, md.owner.clone())),
                    MethodKind::Static => Ok(self.new_builtin(md.name, md.func, None)),
                }
            }
            Kind::StaticMethod => Ok(d.downcast::<StaticMethodData>().and_then(|s| s.func.borrow().clone()).unwrap_or_else(|| self.ctx.none())),
            Kind::ClassMethod => {
                let f = d.downcast::<ClassMethodData>().and_then(|s| s.func.borrow().clone()).unwrap_or_else(|| self.ctx.none());
                Ok(self.ctx.alloc(&self.ctx.types.bound_method, BoundMethodData { func: f, self_: typ.clone() }))
            }
            Kind::Property => match obj {
                None => Ok(d.clone()),
                Some(o) => {
                    let p = d.downcast::<PropertyData>().expect("kind checked");
                    let fget = p.fget.borrow().clone();
                    match fget {
                        Some(g) => self.call1(&g, o),
                        None => Err(self.property_error(d, o, "getter")),
                    }
                }
            },
            Kind::GetSetDescriptor => match obj {
                None => Ok(d.clone()),
                Some(o) => {
                    let g = d.downcast::<GetSetDescrData>().expect("kind checked");
                    (g.get)(self, o)
                }
            },
            Kind::MemberDescriptor => match obj {
                None => Ok(d.clone()),
                Some(o) => {
                    let m = d.downcast::<MemberDescrData>().expect("kind checked");
                    self.member_check(m, o)?;
                    match crate::objects::instance::slot_get(o, m.index) {
                        Some(v) => Ok(v),
                        None => Err(self.new_error(&self.ctx.exc.attribute_error, &format!("'{}' object has no attribute '{}'", self.type_name(o), as_str(&m.name).unwrap_or("")))),
                    }
                }
            },
            _ => {
                let t = d.class();
                if is_static_type(&t) {
                    return Ok(d.clone());
                }
                match lookup_str(&t, "__get__") {
                    Some(g) => self.call(&g, &[d.clone(), obj.cloned().unwrap_or_else(|| self.ctx.none()), typ.clone()]),
                    None => Ok(d.clone()),
                }
            }
        }
    }

    /// A property's name: the one given by `__set_name__`, else its getter's `__name__`
    /// (CPython 3.13's `property_name`).
    pub fn property_name(&self, p: &PyRef) -> Option<PyRef> {
        let pd = p.downcast::<PropertyData>()?;
        if let Some(n) = pd.name.borrow().clone() {
            return Some(n);
        }
        let g = pd.fget.borrow().clone()?;
        self.getattr_opt(&g, "__name__").ok().flatten()
    }

    /// "property 'x' of 'C' object has no setter" (CPython 3.13's wording).
    pub fn property_error(&self, p: &PyRef, obj: &PyRef, what: &str) -> PyErr {
        let qual = type_data(&obj.class()).qualname.borrow().clone();
        let qual = crate::objects::str::str_repr(&qual);
        let msg = match self.property_name(p) {
            Some(n) => {
                let nr = self.repr_string(&n).unwrap_or_default();
                format!("property {nr} of {qual} object has no {what}")
            }
            None => format!("property of {qual} object has no {what}"),
        };
        self.new_error(&self.ctx.exc.attribute_error, &msg)
    }

    fn type_getattr(&self, typ: &PyRef, name: &PyRef, meta: &PyRef) -> PyResult {
        let meta_attr = lookup(meta, name);
        if let Some(ma) = &meta_attr {
            if self.is_data_descriptor(ma) {
                return self.descr_get(ma, Some(typ), meta);
            }
        }
        if let Some(attr) = lookup(typ, name) {
            return match attr.kind() {
                Kind::Function | Kind::Property | Kind::GetSetDescriptor | Kind::MemberDescriptor => Ok(attr),
                Kind::MethodDescriptor => {
                    let md = attr.downcast::<MethodDescrData>().expect("kind checked");
                    if md.kind == MethodKind::Instance {
                        Ok(attr)
                    } else {
                        self.descr_get(&attr, None, typ)
                    }
                }
                _ => self.descr_get(&attr, None, typ),
            };
        }
        if let Some(ma) = meta_attr {
            return self.descr_get(&ma, Some(typ), meta);
        }
        Err(self.attribute_error(typ, as_str(name).unwrap_or("?")))
    }

    /// LOAD_METHOD: `(function, true)` when `obj.name` is a plain method found on the type
    /// (call it with obj as first argument), else `(obj.name, false)`.
    pub fn load_method(&self, obj: &PyRef, name: &PyRef) -> PyResult<(PyRef, bool)> {
        let t = obj.class();
        let td = type_data(&t);
        if !td.has_flag(type_flags::CUSTOM_GETATTR) && !matches!(obj.kind(), Kind::Type | Kind::Module | Kind::Super) {
            if let Some(d) = lookup(&t, name) {
                let is_method = match d.kind() {
                    Kind::Function => true,
                    Kind::MethodDescriptor => d.downcast::<MethodDescrData>().is_some_and(|m| m.kind == MethodKind::Instance),
                    _ => false,
                };
                if is_method {
                    if let Some(v) = self.instance_attr_get(obj, name, &t) {
                        return Ok((v, false));
                    }
                    return Ok((d, true));
                }
            }
        }
        Ok((self.getattr(obj, name)?, false))
    }

    /// `setattr(obj, name, value)`, or `delattr` when value is None.
    pub fn setattr(&self, obj: &PyRef, name: &PyRef, value: Option<PyRef>) -> PyResult<()> {
        let t = obj.class();
        let td = type_data(&t);
        if td.has_flag(type_flags::CUSTOM_SETATTR) {
            let (hook, args) = match &value {
                Some(v) => ("__setattr__", vec![obj.clone(), name.clone(), v.clone()]),
                None => ("__delattr__", vec![obj.clone(), name.clone()]),
            };
            if let Some(m) = lookup_str(&t, hook) {
                if !m.is_kind(Kind::MethodDescriptor) {
                    self.call(&m, &args)?;
                    return Ok(());
                }
            }
        }
        self.generic_setattr(obj, name, value)
    }

    pub fn generic_setattr(&self, obj: &PyRef, name: &PyRef, value: Option<PyRef>) -> PyResult<()> {
        let t = obj.class();
        let n = as_str(name).unwrap_or("?").to_string();
        if let Some(tdata) = obj.downcast::<TypeData>() {
            if let Some(d) = lookup(&t, name) {
                if self.is_data_descriptor(&d) {
                    return self.descr_set(&d, obj, value);
                }
            }
            if tdata.has_flag(type_flags::IMMUTABLETYPE) {
                return Err(self.type_error(&format!("cannot set '{}' attribute of immutable type '{}'", n, tdata.name())));
            }
            return crate::objects::instance::type_set_attr(self, obj, name, value);
        }
        if let Some(d) = lookup(&t, name) {
            if self.is_data_descriptor(&d) {
                return self.descr_set(&d, obj, value);
            }
        }
        if let Some(iv) = crate::objects::instance::live_inline_values(obj) {
            match crate::objects::instance::inline_set(self, &iv, &t, name, value.clone()) {
                Some(true) => return Ok(()),
                Some(false) => return Err(self.attribute_error(obj, &n)),
                // No room: the dict below takes over.
                None => {}
            }
        }
        if let Some(dict) = self.instance_dict(obj) {
            let dd = dict.downcast::<DictData>().expect("dict");
            if value.is_some() && obj.managed_dict_slot().is_some() {
                crate::objects::instance::note_shared_key(self, &t, name);
            }
            match value {
                Some(v) if obj.managed_dict_slot().is_some() => dd.set_attr_item(self, name.clone(), v)?,
                Some(v) => dd.set_item(self, name.clone(), v)?,
                None => {
                    if dd.del_item(self, name)?.is_none() {
                        return Err(self.attribute_error(obj, &n));
                    }
                }
            }
            return Ok(());
        }
        if lookup(&t, name).is_some() {
            return Err(self.new_error(&self.ctx.exc.attribute_error, &format!("'{}' object attribute '{}' is read-only", self.type_name(obj), n)));
        }
        // The same message for a deletion, as in CPython 3.13.
        let msg = format!("'{}' object has no attribute '{}' and no __dict__ for setting new attributes", self.type_name(obj), n);
        Err(self.new_error(&self.ctx.exc.attribute_error, &msg))
    }

    /// A slot descriptor only applies to instances of its class (CPython's `descr_check`).
    fn member_check(&self, m: &MemberDescrData, obj: &PyRef) -> PyResult<()> {
        let Some(owner) = m.owner() else { return Ok(()) };
        let t = obj.class();
        if t.is(&owner) || crate::objects::typeobject::is_subtype(&t, &owner) {
            return Ok(());
        }
        Err(self.type_error(&format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            as_str(&m.name).unwrap_or(""),
            m.owner_name,
            self.type_name(obj)
        )))
    }

    /// `descr.__set__(obj, value)` / `descr.__delete__(obj)` (value `None`) of a slot
    /// descriptor, called directly.
    pub fn member_descr_set(&self, d: &PyRef, obj: &PyRef, value: Option<PyRef>) -> PyResult<()> {
        self.descr_set(d, obj, value)
    }

    fn descr_set(&self, d: &PyRef, obj: &PyRef, value: Option<PyRef>) -> PyResult<()> {
        match d.kind() {
            Kind::Property => {
                let p = d.downcast::<PropertyData>().expect("kind checked");
                let f = if value.is_some() { p.fset.borrow().clone() } else { p.fdel.borrow().clone() };
                match (f, value) {
                    (Some(f), Some(v)) => self.call(&f, &[obj.clone(), v]).map(drop),
                    (Some(f), None) => self.call1(&f, obj).map(drop),
                    (None, v) => Err(self.property_error(d, obj, if v.is_some() { "setter" } else { "deleter" })),
                }
            }
            Kind::GetSetDescriptor => {
                let g = d.downcast::<GetSetDescrData>().expect("kind checked");
                match g.set {
                    Some(s) => s(self, obj, value),
                    None => Err(self.new_error(&self.ctx.exc.attribute_error, &format!("attribute '{}' of '{}' objects is not writable", g.name, self.type_name(obj)))),
                }
            }
            Kind::MemberDescriptor => {
                let m = d.downcast::<MemberDescrData>().expect("kind checked");
                self.member_check(m, obj)?;
                let old = crate::objects::instance::slot_get(obj, m.index);
                if value.is_none() && old.is_none() {
                    return Err(self.new_error(&self.ctx.exc.attribute_error, as_str(&m.name).unwrap_or("")));
                }
                crate::objects::instance::slot_set(obj, m.index, value);
                Ok(())
            }
            _ => {
                let t = d.class();
                let (hook, args) = match &value {
                    Some(v) => ("__set__", vec![d.clone(), obj.clone(), v.clone()]),
                    None => ("__delete__", vec![d.clone(), obj.clone()]),
                };
                match lookup_str(&t, hook) {
                    Some(m) => self.call(&m, &args).map(drop),
                    None => Err(self.new_error(&self.ctx.exc.attribute_error, &format!("__{}__", hook))),
                }
            }
        }
    }

    // ----- operators -----

    fn unary(&self, v: &PyRef, dunder: &'static str, sym: &str) -> PyResult {
        let t = v.class();
        if is_static_type(&t) {
            if let Some(r) = crate::builtins::native::native_unary(self, v, dunder)? {
                return Ok(r);
            }
        }
        match lookup_str(&t, dunder) {
            Some(m) => self.call1(&m, v),
            None => Err(self.type_error(&format!("bad operand type for unary {}: '{}'", sym, self.type_name(v)))),
        }
    }
    pub fn neg(&self, v: &PyRef) -> PyResult {
        let tp = v.class_ptr();
        if tp == self.ctx.types.float.as_ptr() {
            if let Some(f) = v.downcast::<FloatData>() {
                return Ok(self.ctx.new_float(-f.0));
            }
        } else if tp == self.ctx.types.int.as_ptr() {
            if let Some(x) = v.downcast::<IntData>().and_then(|i| i.as_small()).and_then(i64::checked_neg) {
                return Ok(self.ctx.new_int(x));
            }
        }
        self.unary(v, "__neg__", "-")
    }
    pub fn pos(&self, v: &PyRef) -> PyResult {
        self.unary(v, "__pos__", "+")
    }
    pub fn invert(&self, v: &PyRef) -> PyResult {
        self.unary(v, "__invert__", "~")
    }

    /// `a <op> b` including the in-place forms, with CPython's reflection rules.
    pub fn binary_op(&self, a: &PyRef, b: &PyRef, op: BinaryOp) -> PyResult {
        if let Some(r) = self.binary_number_fast(a, b, op) {
            return Ok(r);
        }
        let (ta, tb) = (a.class(), b.class());
        let ni = &self.ctx.consts.not_implemented;
        if op.is_inplace() {
            if is_static_type(&ta) {
                if let Some(r) = crate::builtins::native::native_inplace(self, a, b, op)? {
                    return Ok(r);
                }
            } else if let Some(m) = lookup_str(&ta, inplace_dunder(op)) {
                let r = self.call2(&m, a, b)?;
                if !r.is(ni) {
                    return Ok(r);
                }
            }
        }
        let base = op.base();
        if is_static_type(&ta) && is_static_type(&tb) {
            if let Some(r) = crate::builtins::native::native_binop(self, a, b, base)? {
                return Ok(r);
            }
            if base == BinaryOp::Or && (a.is_kind(Kind::Type) || b.is_kind(Kind::Type)) {
                // `int | None`: type.__or__ makes a types.UnionType.
                let union = self.import_module("types").and_then(|m| self.getattr_str(&m, "_union"))?;
                let r = self.call2(&union, a, b)?;
                if !r.is(ni) {
                    return Ok(r);
                }
            }
            return Err(self.binop_type_error(a, b, op));
        }
        let (name, rname) = binop_dunders(base);
        match self.binary_dunder(a, b, name, rname)? {
            Some(r) => Ok(r),
            None => Err(self.binop_type_error(a, b, op)),
        }
    }

    /// `a <op> b` for exact ints and floats whose comparison is exact in f64 or i64: two
    /// small ints, two floats, or a float and an int of at most 53 bits (converted
    /// exactly, so this is CPython's float_richcompare). `None`: take the general path.
    #[inline(always)]
    pub(crate) fn compare_number_fast(&self, a: &PyRef, b: &PyRef, op: CompareOp) -> Option<bool> {
        use std::cmp::Ordering as O;
        let (ta, tb) = (a.class_ptr(), b.class_ptr());
        let (int_t, float_t) = (self.ctx.types.int.as_ptr(), self.ctx.types.float.as_ptr());
        const EXACT: u64 = 1 << 53;
        let as_f64 = |v: &PyRef, t: *mut crate::object::ObjHeader| -> Option<f64> {
            if t == float_t {
                Some(v.downcast::<FloatData>()?.0)
            } else if t == int_t {
                let i = v.downcast::<IntData>()?.as_small()?;
                (i.unsigned_abs() <= EXACT).then_some(i as f64)
            } else {
                None
            }
        };
        let ord = if ta == int_t && tb == int_t {
            Some(a.downcast::<IntData>()?.as_small()?.cmp(&b.downcast::<IntData>()?.as_small()?))
        } else if ta == float_t || tb == float_t {
            as_f64(a, ta)?.partial_cmp(&as_f64(b, tb)?)
        } else {
            return None;
        };
        // A NaN operand (`ord` None) is unordered: only != holds.
        Some(match (op, ord) {
            (CompareOp::Ne, None) => true,
            (_, None) => false,
            (CompareOp::Lt, Some(o)) => o == O::Less,
            (CompareOp::Le, Some(o)) => o != O::Greater,
            (CompareOp::Eq, Some(o)) => o == O::Equal,
            (CompareOp::Ne, Some(o)) => o != O::Equal,
            (CompareOp::Gt, Some(o)) => o == O::Greater,
            (CompareOp::Ge, Some(o)) => o != O::Less,
        })
    }

    /// `a <op> b` for an exact float with an exact int or float, or two exact small ints
    /// divided, when the result is a float computed the way `float_binop` would (no error
    /// possible): no type lookups, no dispatch on kinds. `None`: take the general path.
    #[inline(always)]
    pub(crate) fn binary_number_fast(&self, a: &PyRef, b: &PyRef, op: BinaryOp) -> Option<PyRef> {
        let (ta, tb) = (a.class_ptr(), b.class_ptr());
        let (int_t, float_t) = (self.ctx.types.int.as_ptr(), self.ctx.types.float.as_ptr());
        // An int operand is converted as `int_to_f64` does (round half to even, which is
        // what `as f64` does for any i64); big ints take the general path (overflow).
        let as_f64 = |v: &PyRef, t: *mut crate::object::ObjHeader| -> Option<f64> {
            if t == float_t {
                Some(v.downcast::<FloatData>()?.0)
            } else if t == int_t {
                Some(v.downcast::<IntData>()?.as_small()? as f64)
            } else {
                None
            }
        };
        if ta != float_t && tb != float_t {
            // int / int: exact when both fit in 53 bits (`int_true_divide`'s own fast case).
            if ta == int_t && tb == int_t && op.base() == BinaryOp::TrueDivide {
                let x = a.downcast::<IntData>()?.as_small()?;
                let y = b.downcast::<IntData>()?.as_small()?;
                if y != 0 && x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                    return Some(self.ctx.new_float(x as f64 / y as f64));
                }
            }
            return None;
        }
        let (x, y) = (as_f64(a, ta)?, as_f64(b, tb)?);
        let r = match op.base() {
            BinaryOp::Add => x + y,
            BinaryOp::Subtract => x - y,
            BinaryOp::Multiply => x * y,
            BinaryOp::TrueDivide if y != 0.0 => x / y,
            _ => return None,
        };
        Some(self.ctx.new_float(r))
    }

    /// `a <op> b` through `__op__`/`__rop__` with CPython's rules (`binary_op1` and
    /// `SLOT1BINFULL`): a subclass's reflected method goes first when it overrides the
    /// base's; `Ok(None)` when both sides return NotImplemented.
    pub fn binary_dunder(&self, a: &PyRef, b: &PyRef, name: &'static str, rname: &'static str) -> PyResult<Option<PyRef>> {
        let (ta, tb) = (a.class(), b.class());
        let ni = &self.ctx.consts.not_implemented;
        let fa = lookup_str(&ta, name);
        let mut fb = if ta.is(&tb) { None } else { lookup_str(&tb, rname) };
        if let Some(m) = &fb {
            if crate::objects::typeobject::is_subtype(&tb, &ta) {
                let overrides = is_static_type(&ta) || !lookup_str(&ta, rname).is_some_and(|x| x.is(m));
                if overrides {
                    let r = self.call(m, &[b.clone(), a.clone()])?;
                    if !r.is(ni) {
                        return Ok(Some(r));
                    }
                    fb = None;
                }
            }
        }
        if let Some(m) = fa {
            let r = self.call2(&m, a, b)?;
            if !r.is(ni) {
                return Ok(Some(r));
            }
        }
        if let Some(m) = fb {
            let r = self.call2(&m, b, a)?;
            if !r.is(ni) {
                return Ok(Some(r));
            }
        }
        Ok(None)
    }

    fn binop_type_error(&self, a: &PyRef, b: &PyRef, op: BinaryOp) -> PyErr {
        let base = op.base();
        let (na, nb) = (self.type_name(a), self.type_name(b));
        if base == BinaryOp::Add {
            if matches!(a.kind(), Kind::Bytes | Kind::ByteArray) && type_is_static(a) {
                return self.type_error(&format!("can't concat {nb} to {na}"));
            }
            if matches!(a.kind(), Kind::Str | Kind::List | Kind::Tuple) && type_is_static(a) {
                return self.type_error(&format!("can only concatenate {na} (not \"{nb}\") to {na}"));
            }
        }
        if base == BinaryOp::Multiply {
            let seq = |x: &PyRef| matches!(x.kind(), Kind::Str | Kind::List | Kind::Tuple | Kind::Bytes | Kind::ByteArray);
            if seq(a) && !b.is_kind(Kind::Int) {
                return self.type_error(&format!("can't multiply sequence by non-int of type '{nb}'"));
            }
            if seq(b) && !a.is_kind(Kind::Int) {
                return self.type_error(&format!("can't multiply sequence by non-int of type '{na}'"));
            }
        }
        if base == BinaryOp::Power && b.is_kind(Kind::Int) && !a.is_kind(Kind::Int) && !a.is_kind(Kind::Float) {
            // fallthrough to the generic message
        }
        let sym = if op.is_inplace() { op.symbol() } else { base.symbol() };
        let sym = if base == BinaryOp::Power && !op.is_inplace() { "** or pow()" } else { sym };
        self.type_error(&format!("unsupported operand type(s) for {sym}: '{na}' and '{nb}'"))
    }

    // ----- containers -----

    pub fn len(&self, v: &PyRef) -> PyResult<usize> {
        let t = v.class();
        if is_static_type(&t) {
            if let Some(n) = crate::builtins::native::native_len(v) {
                return Ok(n);
            }
        }
        match lookup_str(&t, "__len__") {
            Some(m) => {
                let r = self.call1(&m, v)?;
                self.len_result(&r)
            }
            None => Err(self.type_error(&format!("object of type '{}' has no len()", self.type_name(v)))),
        }
    }

    fn len_result(&self, r: &PyRef) -> PyResult<usize> {
        match r.downcast::<IntData>() {
            Some(i) => {
                if i.value().is_negative() {
                    return Err(self.value_error("__len__() should return >= 0"));
                }
                i.as_small().map(|n| n as usize).ok_or_else(|| self.new_error(&self.ctx.exc.overflow_error, "cannot fit 'int' into an index-sized integer"))
            }
            None => Err(self.type_error(&format!("'{}' object cannot be interpreted as an integer", self.type_name(r)))),
        }
    }

    pub fn contains(&self, container: &PyRef, item: &PyRef) -> PyResult<bool> {
        let t = container.class();
        if is_static_type(&t) {
            if let Some(r) = crate::builtins::native::native_contains(self, container, item)? {
                return Ok(r);
            }
        }
        if let Some(m) = lookup_str(&t, "__contains__") {
            let r = self.call2(&m, container, item)?;
            return self.is_true(&r);
        }
        // Fall back to iteration.
        if lookup_str(&t, "__iter__").is_none() && lookup_str(&t, "__getitem__").is_none() {
            return Err(self.type_error(&format!("argument of type '{}' is not iterable", self.type_name(container))));
        }
        let it = self.get_iter(container)?;
        while let Some(v) = self.next_fast(&it)? {
            if self.eq(&v, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    pub fn getitem(&self, container: &PyRef, key: &PyRef) -> PyResult {
        // An exact dict (no `__missing__`, no overridden `__getitem__`): straight to it.
        if container.class_ptr() == self.ctx.types.dict.as_ptr() {
            if let Some(d) = container.downcast::<DictData>() {
                return match d.get_item(self, key)? {
                    Some(v) => Ok(v),
                    None => Err(self.key_error(key)),
                };
            }
        }
        let t = container.class();
        if is_static_type(&t) {
            if let Some(r) = crate::builtins::native::native_getitem(self, container, key)? {
                return Ok(r);
            }
        }
        if let Some(m) = lookup_str(&t, "__getitem__") {
            return self.call2(&m, container, key);
        }
        if container.is_kind(Kind::Type) {
            if let Some(m) = lookup_str(container, "__class_getitem__") {
                let f = self.descr_get(&m, None, container)?;
                return self.call1(&f, key);
            }
            return Err(self.type_error(&format!("type '{}' is not subscriptable", type_data(container).name())));
        }
        Err(self.type_error(&format!("'{}' object is not subscriptable", self.type_name(container))))
    }

    pub fn setitem(&self, container: &PyRef, key: &PyRef, value: PyRef) -> PyResult<()> {
        self.setitem_owned(container, key.clone(), value)
    }

    /// `container[key] = value` taking the key too (`STORE_SUBSCR` pops it): a Python
    /// `__setitem__` gets the container borrowed and the key and value moved, as CPython's
    /// slot passes its operands, so `sys.getrefcount` inside it agrees with CPython's.
    pub fn setitem_owned(&self, container: &PyRef, key: PyRef, value: PyRef) -> PyResult<()> {
        if container.class_ptr() == self.ctx.types.dict.as_ptr() {
            if let Some(d) = container.downcast::<DictData>() {
                return d.set_item(self, key, value);
            }
        }
        let t = container.class();
        if is_static_type(&t) {
            if crate::builtins::native::native_setitem(self, container, &key, Some(value.clone()))? {
                return Ok(());
            }
        }
        match lookup_str(&t, "__setitem__") {
            Some(m) if m.is_kind(Kind::Function) => self.call_function_self(&m, container, &[key, value], &[]).map(drop),
            Some(m) => self.call(&m, &[container.clone(), key, value]).map(drop),
            None => Err(self.type_error(&format!("'{}' object does not support item assignment", self.type_name(container)))),
        }
    }

    pub fn delitem(&self, container: &PyRef, key: &PyRef) -> PyResult<()> {
        let t = container.class();
        if is_static_type(&t) {
            if crate::builtins::native::native_setitem(self, container, key, None)? {
                return Ok(());
            }
        }
        match lookup_str(&t, "__delitem__") {
            Some(m) => self.call2(&m, container, key).map(drop),
            None => Err(self.type_error(&format!("'{}' object doesn't support item deletion", self.type_name(container)))),
        }
    }

    // ----- iteration -----

    pub fn get_iter(&self, v: &PyRef) -> PyResult {
        let t = v.class();
        if is_static_type(&t) {
            if let Some(it) = crate::builtins::native::native_iter(self, v)? {
                return Ok(it);
            }
        }
        if let Some(m) = lookup_str(&t, "__iter__") {
            if m.is(&self.ctx.consts.none) {
                return Err(self.type_error(&format!("'{}' object is not iterable", self.type_name(v))));
            }
            let it = self.call1(&m, v)?;
            if lookup_str(&it.class(), "__next__").is_none() && !it.is_kind(Kind::Iterator) && !it.is_kind(Kind::Generator) {
                return Err(self.type_error(&format!("iter() returned non-iterator of type '{}'", self.type_name(&it))));
            }
            return Ok(it);
        }
        if lookup_str(&t, "__getitem__").is_some() {
            return Ok(crate::objects::iter::new_seq_iter(self, v.clone()));
        }
        Err(self.type_error(&format!("'{}' object is not iterable", self.type_name(v))))
    }

    /// `next(it)`: `Ok(None)` when exhausted. Range iterators are answered inline.
    #[inline]
    pub fn next_fast(&self, it: &PyRef) -> PyResult<Option<PyRef>> {
        if let Some(v) = crate::objects::iter::range_next(self, it) {
            return Ok(v);
        }
        self.next_general(it)
    }

    #[inline(never)]
    fn next_general(&self, it: &PyRef) -> PyResult<Option<PyRef>> {
        match it.kind() {
            Kind::Iterator if type_is_static(it) => crate::objects::iter::iter_next(self, it),
            Kind::Generator if type_is_static(it) => crate::objects::generator::gen_next(self, it),
            _ => {
                let t = it.class();
                match lookup_str(&t, "__next__") {
                    Some(m) => match self.call1(&m, it) {
                        Ok(v) => Ok(Some(v)),
                        Err(e) if self.is_instance_of(&e.0, &self.ctx.exc.stop_iteration) => Ok(None),
                        Err(e) => Err(e),
                    },
                    None => Err(self.type_error(&format!("'{}' object is not an iterator", self.type_name(it)))),
                }
            }
        }
    }

    /// Collect an iterable into a Vec.
    pub fn iterate(&self, v: &PyRef) -> PyResult<Vec<PyRef>> {
        match v.kind() {
            Kind::List if type_is_static(v) => return Ok(v.downcast::<ListData>().map(|l| l.snapshot()).unwrap_or_default()),
            Kind::Tuple if type_is_static(v) => return Ok(tuple_items(v).to_vec()),
            _ => {}
        }
        let it = self.get_iter(v)?;
        let mut out = Vec::new();
        self.collect_iter(&it, &mut out)?;
        Ok(out)
    }

    /// Append what iterator `it` has left to `out`: built-in iterators over built-in
    /// containers hand over everything at once, others item by item.
    fn collect_iter(&self, it: &PyRef, out: &mut Vec<PyRef>) -> PyResult<()> {
        if crate::objects::iter::drain_builtin_into(self, it, out) {
            return Ok(());
        }
        while let Some(x) = self.next_fast(it)? {
            out.push(x);
        }
        Ok(())
    }

    pub fn unpack(&self, seq: &PyRef, n: usize) -> PyResult<Vec<PyRef>> {
        let items = match seq.kind() {
            Kind::Tuple | Kind::List if type_is_static(seq) => self.iterate(seq)?,
            _ => {
                let it = self.get_iter(seq).map_err(|e| {
                    if self.is_instance_of(&e.0, &self.ctx.exc.type_error) {
                        self.type_error(&format!("cannot unpack non-iterable {} object", self.type_name(seq)))
                    } else {
                        e
                    }
                })?;
                let mut out = Vec::with_capacity(n);
                while let Some(x) = self.next_fast(&it)? {
                    out.push(x);
                    if out.len() > n {
                        return Err(self.value_error(&format!("too many values to unpack (expected {n})")));
                    }
                }
                out
            }
        };
        if items.len() < n {
            return Err(self.value_error(&format!("not enough values to unpack (expected {}, got {})", n, items.len())));
        }
        if items.len() > n {
            return Err(self.value_error(&format!("too many values to unpack (expected {n})")));
        }
        Ok(items)
    }

    pub fn unpack_ex(&self, seq: &PyRef, before: usize, after: usize) -> PyResult<Vec<PyRef>> {
        let items = self.iterate(seq).map_err(|e| {
            if self.is_instance_of(&e.0, &self.ctx.exc.type_error) {
                self.type_error(&format!("cannot unpack non-iterable {} object", self.type_name(seq)))
            } else {
                e
            }
        })?;
        if items.len() < before + after {
            return Err(self.value_error(&format!("not enough values to unpack (expected at least {}, got {})", before + after, items.len())));
        }
        let mut out = Vec::with_capacity(before + after + 1);
        out.extend(items[..before].iter().cloned());
        let mid = items[before..items.len() - after].to_vec();
        out.push(self.ctx.new_list(mid));
        out.extend(items[items.len() - after..].iter().cloned());
        Ok(out)
    }

    /// `list.extend` (CPython's `list_extend`), with CPython's allocation pattern so that
    /// `sys.getsizeof` agrees: exact lists and tuples are copied in one resize (or an exact
    /// preallocation for a list with no items array yet), sets, dicts and dict views in one
    /// resize, and
    /// other iterables are sized by their length hint (default 8), grown item by item past
    /// it, and cut back at the end.
    pub fn list_extend(&self, list: &PyRef, iterable: &PyRef) -> PyResult<()> {
        let t = iterable.class();
        let ty = &self.ctx.types;
        let fast = t.is(&ty.list) || t.is(&ty.tuple) || iterable.is(list);
        let sized = t.is(&ty.set) || t.is(&ty.frozenset) || t.is(&ty.dict) || (iterable.is_kind(Kind::DictView) && is_static_type(&t));
        if fast && !iterable.is(list) {
            // Copy straight from the source's items (no Python code runs meanwhile).
            let Some(l) = list.downcast::<ListData>() else { return Ok(()) };
            let src_list = iterable.downcast::<ListData>().map(|s| s.items.borrow());
            let src: &[PyRef] = match &src_list {
                Some(b) => b,
                None => tuple_items(iterable),
            };
            let n = src.len();
            if n == 0 {
                return Ok(());
            }
            let mut v = l.items.borrow_mut();
            ListData::grow_for_extend(&mut v, n);
            v.extend_from_slice(src);
            return Ok(());
        }
        let hint = if fast || sized { 0 } else { self.length_hint(iterable, 8)? };
        let items = if fast || sized {
            self.iterate(iterable)?
        } else {
            let it = self.get_iter(iterable)?;
            let mut buf = Vec::new();
            let unallocated = |l: &PyRef| l.downcast::<ListData>().is_some_and(|l| l.items.borrow().capacity() == 0);
            if hint > 0 && unallocated(list) {
                // A list with no item array yet (`list(iterator)`): CPython preallocates
                // exactly the hint, rounded up to even; collect straight into such an array
                // and adopt it when the items fit (no Python code ran, so the list is still
                // unallocated).
                let want = (hint + 1) & !1usize;
                buf.reserve_exact(want);
                if crate::objects::iter::drain_builtin_into(self, &it, &mut buf) && buf.len() <= want && buf.capacity() == want {
                    if let Some(l) = list.downcast::<ListData>() {
                        let mut v = l.items.borrow_mut();
                        if v.capacity() == 0 {
                            let mut exact = crate::objects::list::item_vec_with_capacity(want);
                            exact.extend(buf);
                            *v = exact;
                            let len = v.len();
                            if len < v.capacity() {
                                ListData::resize(&mut v, len, len);
                            }
                            return Ok(());
                        }
                    }
                }
            }
            self.collect_iter(&it, &mut buf)?;
            buf
        };
        let Some(l) = list.downcast::<ListData>() else { return Ok(()) };
        let mut v = l.items.borrow_mut();
        let m = v.len();
        let n = items.len();
        if fast {
            if n == 0 {
                return Ok(());
            }
            ListData::grow_for_extend(&mut v, n);
            v.extend(items);
        } else if sized {
            ListData::resize(&mut v, m, m + n);
            v.extend(items);
        } else {
            if v.capacity() == 0 {
                if hint > 0 {
                    ListData::preallocate_exact(&mut v, hint);
                }
            } else {
                ListData::resize(&mut v, m, m + hint);
            }
            if items.len() <= v.capacity() - v.len() {
                v.extend(items);
            } else {
                for it in items {
                    if v.len() == v.capacity() {
                        let len = v.len();
                        ListData::resize(&mut v, len, len + 1);
                    }
                    v.push(it);
                }
            }
            if v.len() < v.capacity() {
                let len = v.len();
                ListData::resize(&mut v, len, len);
            }
        }
        Ok(())
    }

    /// CPython's `PyObject_LengthHint`: `len(o)` when the type has `__len__`, else
    /// `o.__length_hint__()` (built-in iterators report what they have left), else
    /// `default`.
    pub fn length_hint(&self, o: &PyRef, default: usize) -> PyResult<usize> {
        use crate::objects::misc::{IterData, IterState};
        match o.kind() {
            Kind::List | Kind::Tuple | Kind::Str | Kind::Dict | Kind::Set | Kind::Bytes | Kind::ByteArray | Kind::Range => return self.len(o),
            Kind::Iterator => {
                if let Some(it) = o.downcast::<IterData>() {
                    let st = it.state.borrow();
                    let seq_len = |seq: &PyRef| match seq.kind() {
                        Kind::List | Kind::Tuple | Kind::Str => self.len(seq).ok(),
                        _ => None,
                    };
                    let r = match &*st {
                        IterState::Seq { seq, index } => seq_len(seq).map(|n| n.saturating_sub(*index)),
                        IterState::Reversed { seq, index } => seq_len(seq).map(|n| if *index < 0 || (*index as usize) >= n { 0 } else { *index as usize + 1 }),
                        IterState::Range { next, stop, step } => Some(if *step > 0 && next < stop {
                            ((*stop as i128 - *next as i128 + *step as i128 - 1) / *step as i128) as usize
                        } else if *step < 0 && next > stop {
                            ((*next as i128 - *stop as i128 - *step as i128 - 1) / (-*step as i128)) as usize
                        } else {
                            0
                        }),
                        // dictiter_len / setiter_len: what is left while the size is
                        // unchanged, else 0.
                        IterState::Dict { dict, pos, len, .. } => dict.downcast::<crate::objects::dict::DictData>().map(|d| {
                            let t = d.table.borrow();
                            if t.len() == *len {
                                t.entries.get(*pos..).unwrap_or_default().iter().flatten().count()
                            } else {
                                0
                            }
                        }),
                        IterState::Set { set, pos, len } => set.downcast::<crate::objects::set::SetData>().map(|s| if s.len() == *len { s.count_from(*pos) } else { 0 }),
                        IterState::Exhausted => Some(0),
                        _ => None,
                    };
                    return Ok(r.unwrap_or(default));
                }
                return Ok(default);
            }
            _ => {}
        }
        let t = o.class();
        if lookup_str(&t, "__len__").is_some() {
            return self.len(o);
        }
        if let Some(m) = lookup_str(&t, "__length_hint__") {
            let r = self.call1(&m, o)?;
            if r.is(&self.ctx.consts.not_implemented) {
                return Ok(default);
            }
            let v = self.index(&r)?;
            if v.is_negative() {
                return Err(self.value_error("__length_hint__() should return >= 0"));
            }
            return Ok(v.to_i64().unwrap_or(i64::MAX) as usize);
        }
        Ok(default)
    }

    pub(crate) fn fix_star_error(&self, e: PyErr, iterable: &PyRef) -> PyErr {
        if self.is_instance_of(&e.0, &self.ctx.exc.type_error) && lookup_str(&iterable.class(), "__iter__").is_none() && !matches!(iterable.kind(), Kind::List | Kind::Tuple) {
            return self.type_error(&format!("Value after * must be an iterable, not {}", self.type_name(iterable)));
        }
        e
    }

    pub(crate) fn fix_mapping_error(&self, e: PyErr, m: &PyRef) -> PyErr {
        if self.is_instance_of(&e.0, &self.ctx.exc.attribute_error) {
            return self.type_error(&format!("'{}' object is not a mapping", self.type_name(m)));
        }
        e
    }

    /// `dict.update(mapping)` for dict literals.
    pub fn dict_update_from(&self, d: &PyRef, m: &PyRef) -> PyResult<()> {
        let dd = d.downcast::<DictData>().expect("dict");
        if let Some(src) = m.downcast::<DictData>() {
            for (k, v) in src.items() {
                dd.set_item(self, k, v)?;
            }
            return Ok(());
        }
        let keys = self.getattr_str(m, "keys")?;
        let keys = self.call(&keys, &[])?;
        for k in self.iterate(&keys)? {
            let v = self.getitem(m, &k)?;
            dd.set_item(self, k, v)?;
        }
        Ok(())
    }

    /// How call errors name a callable: `module.qualname()` (CPython's
    /// `_PyObject_FunctionStr`).
    pub fn function_str(&self, f: &PyRef) -> String {
        let qual = match self.getattr_opt(f, "__qualname__") {
            Ok(Some(q)) => q,
            _ => return self.str_string(f).unwrap_or_default(),
        };
        let qual = self.str_string(&qual).unwrap_or_default();
        match self.getattr_opt(f, "__module__") {
            Ok(Some(m)) if !m.is(&self.ctx.consts.none) => {
                let m = self.str_string(&m).unwrap_or_default();
                if m == "builtins" {
                    format!("{qual}()")
                } else {
                    format!("{m}.{qual}()")
                }
            }
            _ => format!("{qual}()"),
        }
    }

    /// `f(**m)` merging: duplicate keys are an error naming the function.
    pub fn dict_merge_kwargs(&self, d: &PyRef, m: &PyRef, func: Option<&PyRef>) -> PyResult<()> {
        let dd = d.downcast::<DictData>().expect("dict");
        let pairs: Vec<(PyRef, PyRef)> = if let Some(src) = m.downcast::<DictData>() {
            src.items()
        } else {
            let keys = match self.getattr_opt(m, "keys")? {
                Some(k) => k,
                None => {
                    let fname = func.map(|f| self.function_str(f)).unwrap_or_default();
                    return Err(self.type_error(&format!("{} argument after ** must be a mapping, not {}", fname, self.type_name(m))));
                }
            };
            let keys = self.call(&keys, &[])?;
            let mut v = Vec::new();
            for k in self.iterate(&keys)? {
                let val = self.getitem(m, &k)?;
                v.push((k, val));
            }
            v
        };
        for (k, v) in pairs {
            if !k.is_kind(Kind::Str) {
                return Err(self.type_error("keywords must be strings"));
            }
            if dd.get_item(self, &k)?.is_some() {
                let fname = func.map(|f| self.function_str(f)).unwrap_or_default();
                return Err(self.type_error(&format!("{} got multiple values for keyword argument '{}'", fname, as_str(&k).unwrap_or(""))));
            }
            dd.set_item(self, k, v)?;
        }
        Ok(())
    }

    // ----- mappings used as namespaces -----

    pub fn mapping_get(&self, m: &PyRef, key: &PyRef) -> PyResult<Option<PyRef>> {
        if let Some(d) = m.downcast::<DictData>() {
            if type_is_static(m) {
                return Ok(d.get_str_key(key));
            }
        }
        match self.getitem(m, key) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.is_instance_of(&e.0, &self.ctx.exc.key_error) => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub fn mapping_set(&self, m: &PyRef, key: PyRef, v: PyRef) -> PyResult<()> {
        if let Some(d) = m.downcast::<DictData>() {
            if type_is_static(m) {
                d.set_str_key(key, v);
                return Ok(());
            }
        }
        self.setitem(m, &key, v)
    }

    pub fn mapping_del(&self, m: &PyRef, key: &PyRef) -> PyResult<bool> {
        if let Some(d) = m.downcast::<DictData>() {
            if type_is_static(m) {
                return Ok(d.del_str_key(key).is_some());
            }
        }
        match self.delitem(m, key) {
            Ok(()) => Ok(true),
            Err(e) if self.is_instance_of(&e.0, &self.ctx.exc.key_error) => Ok(false),
            Err(e) => Err(e),
        }
    }

    // ----- conversions to text -----

    pub fn repr(&self, v: &PyRef) -> PyResult {
        let s = self.repr_string(v)?;
        Ok(self.ctx.new_string(s))
    }

    pub fn repr_string(&self, v: &PyRef) -> PyResult<String> {
        let _guard = self.enter_recursive(" while getting the repr of an object")?;
        let t = v.class();
        if is_static_type(&t) {
            if let Some(s) = crate::builtins::repr::native_repr(self, v)? {
                return Ok(s);
            }
        }
        match lookup_str(&t, "__repr__") {
            Some(m) if !m.is_kind(Kind::MethodDescriptor) || !is_static_type(&t) => {
                let r = self.call1(&m, v)?;
                match as_str(&r) {
                    Some(s) => Ok(s.to_string()),
                    None => Err(self.type_error(&format!("__repr__ returned non-string (type {})", self.type_name(&r)))),
                }
            }
            _ => Ok(crate::builtins::repr::default_repr(self, v)),
        }
    }

    pub fn str(&self, v: &PyRef) -> PyResult {
        if v.class().is(&self.ctx.types.str) {
            return Ok(v.clone());
        }
        let s = self.str_string(v)?;
        Ok(self.ctx.new_string(s))
    }

    pub fn str_string(&self, v: &PyRef) -> PyResult<String> {
        let _guard = self.enter_recursive(" while getting the str of an object")?;
        let t = v.class();
        if let Some(s) = v.downcast::<StrData>() {
            if is_static_type(&t) {
                return Ok(s.as_str().to_string());
            }
        }
        if is_static_type(&t) {
            if let Some(s) = crate::builtins::repr::native_str(self, v)? {
                return Ok(s);
            }
        }
        match lookup_str(&t, "__str__") {
            Some(m) if !(m.is_kind(Kind::MethodDescriptor) && m.downcast::<MethodDescrData>().is_some_and(|d| d.owner.is(&self.ctx.types.object))) => {
                let r = self.call1(&m, v)?;
                match as_str(&r) {
                    Some(s) => Ok(s.to_string()),
                    None => Err(self.type_error(&format!("__str__ returned non-string (type {})", self.type_name(&r)))),
                }
            }
            _ => self.repr_string(v),
        }
    }

    pub fn ascii(&self, v: &PyRef) -> PyResult {
        let s = self.repr_string(v)?;
        let mut out = String::new();
        for c in s.chars() {
            if c.is_ascii() {
                out.push(c);
            } else if (c as u32) <= 0xff {
                out.push_str(&format!("\\x{:02x}", c as u32));
            } else if (c as u32) <= 0xffff {
                out.push_str(&format!("\\u{:04x}", c as u32));
            } else {
                out.push_str(&format!("\\U{:08x}", c as u32));
            }
        }
        Ok(self.ctx.new_string(out))
    }

    /// `format(v, spec)`.
    pub fn format(&self, v: &PyRef, spec: &str) -> PyResult {
        let t = v.class();
        if is_static_type(&t) {
            if let Some(s) = crate::builtins::format::native_format(self, v, spec)? {
                return Ok(self.ctx.new_string(s));
            }
        }
        match lookup_str(&t, "__format__") {
            Some(m) if !(m.is_kind(Kind::MethodDescriptor) && m.downcast::<MethodDescrData>().is_some_and(|d| d.owner.is(&self.ctx.types.object))) => {
                let r = self.call(&m, &[v.clone(), self.ctx.new_str(spec)])?;
                if !r.is_kind(Kind::Str) {
                    return Err(self.type_error(&format!("__format__ must return a str, not {}", self.type_name(&r))));
                }
                Ok(r)
            }
            _ => {
                if !spec.is_empty() {
                    return Err(self.type_error(&format!("unsupported format string passed to {}.__format__", self.type_name(v))));
                }
                self.str(v)
            }
        }
    }

    /// `operator.index(v)`: an int for use as an index.
    pub fn index(&self, v: &PyRef) -> PyResult<crate::objects::int::IntValue> {
        if let Some(i) = v.downcast::<IntData>() {
            return Ok(i.value().clone());
        }
        if let Some(m) = lookup_str(&v.class(), "__index__") {
            let r = self.call1(&m, v)?;
            if let Some(i) = r.downcast::<IntData>() {
                return Ok(i.value().clone());
            }
            return Err(self.type_error(&format!("__index__ returned non-int (type {})", self.type_name(&r))));
        }
        Err(self.type_error(&format!("'{}' object cannot be interpreted as an integer", self.type_name(v))))
    }
}

/// Whether a type's `op` dunder is something other than `object`'s default (the only
/// type without a base).
fn has_own_compare(t: &PyRef, op: CompareOp) -> bool {
    match lookup_str(t, op.dunder()) {
        Some(m) => !m.downcast::<MethodDescrData>().is_some_and(|d| type_data(&d.owner).base.borrow().is_none()),
        None => false,
    }
}

pub fn binop_dunders(op: BinaryOp) -> (&'static str, &'static str) {
    match op.base() {
        BinaryOp::Add => ("__add__", "__radd__"),
        BinaryOp::And => ("__and__", "__rand__"),
        BinaryOp::FloorDivide => ("__floordiv__", "__rfloordiv__"),
        BinaryOp::Lshift => ("__lshift__", "__rlshift__"),
        BinaryOp::MatrixMultiply => ("__matmul__", "__rmatmul__"),
        BinaryOp::Multiply => ("__mul__", "__rmul__"),
        BinaryOp::Remainder => ("__mod__", "__rmod__"),
        BinaryOp::Or => ("__or__", "__ror__"),
        BinaryOp::Power => ("__pow__", "__rpow__"),
        BinaryOp::Rshift => ("__rshift__", "__rrshift__"),
        BinaryOp::Subtract => ("__sub__", "__rsub__"),
        BinaryOp::TrueDivide => ("__truediv__", "__rtruediv__"),
        _ => ("__xor__", "__rxor__"),
    }
}

pub fn inplace_dunder(op: BinaryOp) -> &'static str {
    match op.base() {
        BinaryOp::Add => "__iadd__",
        BinaryOp::And => "__iand__",
        BinaryOp::FloorDivide => "__ifloordiv__",
        BinaryOp::Lshift => "__ilshift__",
        BinaryOp::MatrixMultiply => "__imatmul__",
        BinaryOp::Multiply => "__imul__",
        BinaryOp::Remainder => "__imod__",
        BinaryOp::Or => "__ior__",
        BinaryOp::Power => "__ipow__",
        BinaryOp::Rshift => "__irshift__",
        BinaryOp::Subtract => "__isub__",
        BinaryOp::TrueDivide => "__itruediv__",
        _ => "__ixor__",
    }
}
