//! Functions, methods, descriptors (`property`, `staticmethod`, `classmethod`, `super`),
//! generators, exceptions, cells, code objects and modules: their attributes and methods.

use crate::builtins::args;
use crate::object::{Kind, PyRef};
use crate::objects::dict::DictData;
use crate::objects::exception::ExceptionData;
use crate::objects::function::*;
use crate::objects::str::as_str;
use crate::objects::tuple::tuple_items;
use crate::sync::PyCell;
use crate::vm::context::{getset, method, Context};
use crate::vm::{Args, PyErr, PyResult, Vm};

pub fn init(ctx: &Context) {
    let t = &ctx.types;
    ctx.add_getsets(
        &t.function,
        &[
            getset("__name__", fn_name, Some(fn_set_name)),
            getset("__qualname__", fn_qualname, Some(fn_set_qualname)),
            getset("__defaults__", fn_defaults, Some(fn_set_defaults)),
            getset("__kwdefaults__", fn_kwdefaults, Some(fn_set_kwdefaults)),
            getset("__code__", fn_code, None),
            getset("__globals__", fn_globals, None),
            getset("__closure__", fn_closure, None),
            getset("__doc__", fn_doc, Some(fn_set_doc)),
            getset("__module__", fn_module, Some(fn_set_module)),
            getset("__dict__", fn_dict, None),
            getset("__annotations__", fn_annotations, Some(fn_set_annotations)),
            getset("__builtins__", fn_builtins, None),
        ],
    );
    ctx.add_methods(&t.function, &[method("__get__", fn_get), method("__repr__", any_repr), method("__call__", any_call)]);
    ctx.add_getsets(&t.bound_method, &[getset("__self__", bm_self, None), getset("__func__", bm_func, None), getset("__name__", bm_name, None), getset("__qualname__", bm_qualname, None), getset("__doc__", bm_doc, None)]);
    ctx.add_methods(&t.bound_method, &[method("__repr__", any_repr), method("__call__", any_call)]);
    ctx.add_getsets(&t.builtin_function, &[getset("__name__", bf_name, None), getset("__self__", bf_self, None), getset("__qualname__", bf_qualname, None), getset("__module__", bf_module, None), getset("__doc__", bf_doc, None)]);
    ctx.add_methods(&t.builtin_function, &[method("__repr__", any_repr), method("__call__", any_call)]);
    ctx.add_getsets(&t.method_descriptor, &[getset("__name__", md_name, None), getset("__qualname__", md_qualname, None), getset("__objclass__", md_objclass, None), getset("__doc__", bf_doc, None)]);
    ctx.add_methods(&t.method_descriptor, &[method("__get__", md_get), method("__repr__", any_repr)]);
    ctx.add_getsets(&t.classmethod_descriptor, &[getset("__name__", md_name, None)]);
    ctx.add_getsets(&t.getset_descriptor, &[getset("__name__", gs_name, None)]);
    ctx.add_methods(&t.getset_descriptor, &[method("__get__", gs_get), method("__set__", gs_set), method("__repr__", any_repr)]);
    ctx.add_getsets(
        &t.member_descriptor,
        &[getset("__name__", member_name, None), getset("__qualname__", member_qualname, None), getset("__objclass__", member_objclass, None), getset("__doc__", member_doc, None)],
    );
    ctx.add_methods(&t.member_descriptor, &[method("__get__", gs_get), method("__set__", gs_set), method("__delete__", gs_delete), method("__repr__", any_repr)]);
    // property
    ctx.set_native_new(&t.property, property_new);
    ctx.add_methods(&t.property, &[method("__init__", property_init), method("getter", property_getter), method("setter", property_setter), method("deleter", property_deleter), method("__get__", gs_get), method("__set__", gs_set), method("__delete__", gs_delete), method("__set_name__", property_set_name)]);
    ctx.add_getsets(&t.property, &[getset("fget", prop_fget, None), getset("fset", prop_fset, None), getset("fdel", prop_fdel, None), getset("__doc__", prop_doc, None), getset("__name__", prop_name, Some(prop_set_name)), getset("__isabstractmethod__", prop_isabstract, None)]);
    ctx.set_native_new(&t.staticmethod, staticmethod_new);
    ctx.add_getsets(&t.staticmethod, &[getset("__func__", sm_func, None), getset("__wrapped__", sm_func, None)]);
    ctx.add_methods(&t.staticmethod, &[method("__get__", sm_get), method("__call__", sm_call)]);
    ctx.set_native_new(&t.classmethod, classmethod_new);
    ctx.add_getsets(&t.classmethod, &[getset("__func__", cm_func, None), getset("__wrapped__", cm_func, None)]);
    ctx.add_methods(&t.classmethod, &[method("__get__", cm_get)]);
    ctx.set_native_new(&t.super_, super_new);
    ctx.add_getsets(&t.super_, &[getset("__thisclass__", super_thisclass, None), getset("__self__", super_self, None)]);
    // generators
    ctx.add_methods(&t.generator, &[method("send", gen_send_m), method("throw", gen_throw), method("close", gen_close), method("__del__", gen_del)]);
    // A suspended generator is closed when it dies (CPython's `_PyGen_Finalize`).
    crate::objects::typeobject::type_data(&t.generator).set_flag(crate::objects::typeobject::type_flags::HAS_FINALIZER, true);
    ctx.add_getsets(&t.generator, &[getset("__name__", gen_name, None), getset("__qualname__", gen_qualname, None), getset("gi_running", gen_running, None), getset("gi_frame", gen_frame, None), getset("gi_code", gen_code, None)]);
    // exceptions
    let be = &ctx.exc.base_exception;
    ctx.set_native_new(be, crate::builtins::types_init::exception_new);
    ctx.add_methods(be, &[method("__init__", exc_init), method("with_traceback", exc_with_traceback), method("add_note", exc_add_note), method("__reduce__", exc_reduce), method("__setstate__", exc_setstate)]);
    ctx.add_getsets(
        be,
        &[
            getset("args", exc_args, Some(exc_set_args)),
            getset("__traceback__", exc_tb, Some(exc_set_tb)),
            getset("__cause__", exc_cause, Some(exc_set_cause)),
            getset("__context__", exc_context, Some(exc_set_context)),
            getset("__suppress_context__", exc_suppress, Some(exc_set_suppress)),
            getset("__dict__", crate::builtins::types_init::instance_get_dict, Some(crate::builtins::types_init::instance_set_dict)),
        ],
    );
    for (name, attr) in [("StopIteration", "value"), ("SystemExit", "code")] {
        if let Some(tp) = ctx.exc.get(name) {
            ctx.add_methods(&tp, &[method("__init__", if attr == "value" { stopiter_init } else { sysexit_init })]);
        }
    }
    for name in ["NameError", "AttributeError", "ImportError"] {
        if let Some(tp) = ctx.exc.get(name) {
            ctx.add_methods(&tp, &[method("__init__", named_exc_init)]);
        }
    }
    for name in ["UnicodeDecodeError", "UnicodeEncodeError"] {
        if let Some(tp) = ctx.exc.get(name) {
            ctx.add_methods(&tp, &[method("__init__", unicode_error_init), method("__str__", unicode_error_str)]);
        }
    }
    if let Some(tp) = ctx.exc.get("UnicodeTranslateError") {
        ctx.add_methods(&tp, &[method("__init__", unicode_translate_init), method("__str__", unicode_error_str)]);
    }
    if let Some(tp) = ctx.exc.get("OSError") {
        ctx.set_native_new(&tp, oserror_new);
        ctx.add_methods(&tp, &[method("__init__", oserror_init), method("__str__", oserror_str)]);
    }
    if let Some(tp) = ctx.exc.get("SyntaxError") {
        ctx.add_methods(&tp, &[method("__init__", syntaxerror_init), method("__str__", syntaxerror_str)]);
    }
    // cells, code, modules
    ctx.add_getsets(&t.cell, &[getset("cell_contents", cell_contents, Some(cell_set_contents))]);
    ctx.add_getsets(&t.code, &[getset("co_name", code_name, None), getset("co_filename", code_filename, None), getset("co_firstlineno", code_firstlineno, None), getset("co_argcount", code_argcount, None), getset("co_varnames", code_varnames, None), getset("co_qualname", code_qualname, None), getset("co_flags", code_flags_g, None), getset("co_cellvars", code_cellvars, None), getset("co_freevars", code_freevars, None), getset("co_posonlyargcount", code_posonlyargcount, None), getset("co_kwonlyargcount", code_kwonlyargcount, None), getset("co_nlocals", code_nlocals, None), getset("co_names", code_co_names, None), getset("co_stacksize", code_stacksize, None)]);
    ctx.set_native_new(&t.module, module_new);
    ctx.add_getsets(&t.module, &[getset("__dict__", module_dict, None)]);
    ctx.add_methods(&t.module, &[method("__repr__", any_repr), method("__dir__", module_dir)]);
    ctx.add_methods(&t.traceback, &[]);
    ctx.add_getsets(&t.traceback, &[getset("tb_lineno", tb_lineno, None), getset("tb_next", tb_next, None), getset("tb_lasti", tb_lasti, None)]);
    ctx.add_getsets(&t.mappingproxy, &[]);
    ctx.add_methods(&t.mappingproxy, &[method("keys", mp_keys), method("items", mp_items), method("values", mp_values), method("get", mp_get), method("__getitem__", mp_getitem), method("__contains__", mp_contains), method("__iter__", mp_iter), method("__len__", mp_len), method("__repr__", mp_repr)]);
}

fn any_repr(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__repr__", &a, 0, 0)?;
    let r = match crate::builtins::repr::native_repr(vm, s)? {
        Some(r) => r,
        None => crate::builtins::repr::default_repr(vm, s),
    };
    Ok(vm.ctx.new_string(r))
}

fn fdata(o: &PyRef) -> &FunctionData {
    o.downcast::<FunctionData>().expect("a function")
}
fn opt(vm: &Vm, v: Option<PyRef>) -> PyRef {
    v.unwrap_or_else(|| vm.ctx.none())
}
fn not_none(vm: &Vm, v: Option<PyRef>) -> Option<PyRef> {
    v.filter(|x| !x.is(&vm.ctx.consts.none))
}
fn fn_name(_vm: &Vm, o: &PyRef) -> PyResult {
    Ok(fdata(o).name.borrow().clone())
}
fn fn_set_name(vm: &Vm, o: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    match v.filter(|v| v.is_kind(Kind::Str)) {
        Some(v) => {
            *fdata(o).name.borrow_mut() = v;
            Ok(())
        }
        None => Err(vm.type_error("__name__ must be set to a string object")),
    }
}
fn fn_qualname(_vm: &Vm, o: &PyRef) -> PyResult {
    Ok(fdata(o).qualname.borrow().clone())
}
fn fn_set_qualname(vm: &Vm, o: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    match v.filter(|v| v.is_kind(Kind::Str)) {
        Some(v) => {
            *fdata(o).qualname.borrow_mut() = v;
            Ok(())
        }
        None => Err(vm.type_error("__qualname__ must be set to a string object")),
    }
}
fn fn_defaults(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(opt(vm, fdata(o).defaults.borrow().clone()))
}
fn fn_set_defaults(vm: &Vm, o: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    if v.as_ref().is_some_and(|v| !v.is(&vm.ctx.consts.none) && !v.is_kind(Kind::Tuple)) {
        return Err(vm.type_error("__defaults__ must be set to a tuple object"));
    }
    *fdata(o).defaults.borrow_mut() = not_none(vm, v);
    Ok(())
}
fn fn_kwdefaults(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(opt(vm, fdata(o).kwdefaults.borrow().clone()))
}
fn fn_set_kwdefaults(vm: &Vm, o: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    if v.as_ref().is_some_and(|v| !v.is(&vm.ctx.consts.none) && !v.is_kind(Kind::Dict)) {
        return Err(vm.type_error("__kwdefaults__ must be set to a dict object"));
    }
    *fdata(o).kwdefaults.borrow_mut() = not_none(vm, v);
    Ok(())
}
fn fn_code(_vm: &Vm, o: &PyRef) -> PyResult {
    Ok(fdata(o).code.clone())
}
fn fn_globals(_vm: &Vm, o: &PyRef) -> PyResult {
    Ok(fdata(o).globals.clone())
}
fn fn_builtins(_vm: &Vm, o: &PyRef) -> PyResult {
    Ok(fdata(o).builtins.clone())
}
fn fn_closure(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(opt(vm, fdata(o).closure.borrow().clone()))
}
fn fn_doc(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(opt(vm, fdata(o).doc.borrow().clone()))
}
fn fn_set_doc(_vm: &Vm, o: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    *fdata(o).doc.borrow_mut() = v;
    Ok(())
}
fn fn_module(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(opt(vm, fdata(o).module.borrow().clone()))
}
fn fn_set_module(_vm: &Vm, o: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    *fdata(o).module.borrow_mut() = v;
    Ok(())
}
fn fn_dict(vm: &Vm, o: &PyRef) -> PyResult {
    vm.instance_dict(o).ok_or_else(|| vm.attribute_error(o, "__dict__"))
}
fn fn_annotations(vm: &Vm, o: &PyRef) -> PyResult {
    let mut a = fdata(o).annotations.borrow_mut();
    Ok(a.get_or_insert_with(|| vm.ctx.new_dict()).clone())
}
fn fn_set_annotations(_vm: &Vm, o: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    *fdata(o).annotations.borrow_mut() = v;
    Ok(())
}
fn fn_get(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "__get__", &a, 1, 2)?;
    if rest[0].is(&vm.ctx.consts.none) {
        return Ok(s.clone());
    }
    Ok(vm.ctx.alloc(&vm.ctx.types.bound_method, BoundMethodData { func: s.clone(), self_: rest[0].clone() }))
}
fn bm(o: &PyRef) -> &BoundMethodData {
    o.downcast::<BoundMethodData>().expect("a method")
}
fn bm_self(_vm: &Vm, o: &PyRef) -> PyResult {
    Ok(bm(o).self_.clone())
}
fn bm_func(_vm: &Vm, o: &PyRef) -> PyResult {
    Ok(bm(o).func.clone())
}
fn bm_name(vm: &Vm, o: &PyRef) -> PyResult {
    vm.getattr_str(&bm(o).func, "__name__")
}
fn bm_qualname(vm: &Vm, o: &PyRef) -> PyResult {
    vm.getattr_str(&bm(o).func, "__qualname__")
}
fn bm_doc(vm: &Vm, o: &PyRef) -> PyResult {
    vm.getattr_str(&bm(o).func, "__doc__")
}
fn bf(o: &PyRef) -> &BuiltinFunctionData {
    o.downcast::<BuiltinFunctionData>().expect("a builtin")
}
fn bf_name(vm: &Vm, o: &PyRef) -> PyResult {
    match o.downcast::<BuiltinFunctionData>() {
        Some(b) => Ok(vm.ctx.intern(b.name)),
        None => Ok(vm.ctx.none()),
    }
}
fn bf_self(vm: &Vm, o: &PyRef) -> PyResult {
    let b = bf(o);
    Ok(match &b.self_ {
        Some(s) => s.clone(),
        None if b.module == Some("builtins") => vm.builtins_module(),
        None => vm.ctx.none(),
    })
}
fn bf_qualname(vm: &Vm, o: &PyRef) -> PyResult {
    let b = bf(o);
    match &b.self_ {
        Some(s) if !s.is_kind(Kind::Module) => {
            let owner = if s.is_kind(Kind::Type) { crate::objects::typeobject::type_data(s).name() } else { vm.type_name(s) };
            Ok(vm.ctx.new_string(format!("{owner}.{}", b.name)))
        }
        _ => Ok(vm.ctx.intern(b.name)),
    }
}
fn bf_module(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(match bf(o).module {
        Some(m) => vm.ctx.intern(m),
        None => vm.ctx.none(),
    })
}
fn bf_doc(vm: &Vm, _o: &PyRef) -> PyResult {
    Ok(vm.ctx.none())
}
fn md(o: &PyRef) -> &MethodDescrData {
    o.downcast::<MethodDescrData>().expect("a method descriptor")
}
fn md_name(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.ctx.intern(md(o).name))
}
fn md_qualname(vm: &Vm, o: &PyRef) -> PyResult {
    let m = md(o);
    Ok(vm.ctx.new_string(format!("{}.{}", crate::objects::typeobject::type_data(&m.owner).name(), m.name)))
}
fn md_objclass(_vm: &Vm, o: &PyRef) -> PyResult {
    Ok(md(o).owner.clone())
}
fn md_get(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "__get__", &a, 1, 2)?;
    let obj = if rest[0].is(&vm.ctx.consts.none) { None } else { Some(&rest[0]) };
    let typ = rest.get(1).cloned().unwrap_or_else(|| rest[0].class());
    vm.descr_get(s, obj, &typ)
}
fn gs_name(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.ctx.intern(o.downcast::<GetSetDescrData>().expect("getset").name))
}
fn member_name(_vm: &Vm, o: &PyRef) -> PyResult {
    Ok(o.downcast::<MemberDescrData>().expect("member").name.clone())
}
fn member_qualname(vm: &Vm, o: &PyRef) -> PyResult {
    let m = o.downcast::<MemberDescrData>().expect("member");
    let owner = m.owner().map(|t| crate::objects::typeobject::type_data(&t).qualname.borrow().clone()).unwrap_or_else(|| m.owner_name.clone());
    Ok(vm.ctx.new_string(format!("{}.{}", owner, crate::objects::str::as_str(&m.name).unwrap_or(""))))
}
fn member_objclass(vm: &Vm, o: &PyRef) -> PyResult {
    let m = o.downcast::<MemberDescrData>().expect("member");
    m.owner().ok_or_else(|| vm.attribute_error(o, "__objclass__"))
}
fn member_doc(vm: &Vm, _o: &PyRef) -> PyResult {
    // Slots declared by a class statement carry no docstring.
    Ok(vm.ctx.none())
}
fn gs_get(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "__get__", &a, 1, 2)?;
    let obj = if rest[0].is(&vm.ctx.consts.none) { None } else { Some(&rest[0]) };
    let typ = rest.get(1).cloned().unwrap_or_else(|| rest[0].class());
    vm.descr_get(s, obj, &typ)
}
fn gs_set(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "__set__", &a, 2, 2)?;
    crate::builtins::callables::descr_set_public(vm, s, &rest[0], Some(rest[1].clone()))?;
    Ok(vm.ctx.none())
}
fn gs_delete(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "__delete__", &a, 1, 1)?;
    descr_set_public(vm, s, &rest[0], None)?;
    Ok(vm.ctx.none())
}

/// `descr.__set__(obj, value)` for the native data descriptors.
pub fn descr_set_public(vm: &Vm, d: &PyRef, obj: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    // Route through generic setattr machinery by name when possible.
    let name = match d.kind() {
        Kind::GetSetDescriptor => vm.ctx.intern(d.downcast::<GetSetDescrData>().expect("kind").name),
        // By identity, not by name: a subclass may shadow the slot with another descriptor.
        Kind::MemberDescriptor => return vm.member_descr_set(d, obj, v),
        Kind::Property => {
            let p = d.downcast::<PropertyData>().expect("kind");
            let f = if v.is_some() { p.fset.borrow().clone() } else { p.fdel.borrow().clone() };
            return match (f, v) {
                (Some(f), Some(v)) => vm.call(&f, &[obj.clone(), v]).map(drop),
                (Some(f), None) => vm.call1(&f, obj).map(drop),
                (None, v) => Err(vm.property_error(d, obj, if v.is_some() { "setter" } else { "deleter" })),
            };
        }
        _ => return Err(vm.type_error("not a data descriptor")),
    };
    vm.generic_setattr(obj, &name, v)
}

// ----- property -----

fn pdata(o: &PyRef) -> &PropertyData {
    o.downcast::<PropertyData>().expect("a property")
}
fn property_new(vm: &Vm, cls: &PyRef, _a: Args<'_>) -> PyResult {
    Ok(crate::objects::instance::alloc_instance(vm, cls, PropertyData { fget: PyCell::new(None), fset: PyCell::new(None), fdel: PyCell::new(None), doc: PyCell::new(None), name: PyCell::new(None) }))
}
fn property_init(vm: &Vm, a: Args<'_>) -> PyResult {
    let s = &a.items[0];
    let b = args::bind(vm, "property", &a.rest(), &["fget", "fset", "fdel", "doc"], 0)?;
    let p = pdata(s);
    let f = |x: Option<&PyRef>| x.filter(|v| !v.is(&vm.ctx.consts.none)).cloned();
    *p.fget.borrow_mut() = f(b[0]);
    *p.fset.borrow_mut() = f(b[1]);
    *p.fdel.borrow_mut() = f(b[2]);
    let doc = match f(b[3]) {
        Some(d) => Some(d),
        None => match f(b[0]) {
            Some(g) => vm.getattr_opt(&g, "__doc__")?.filter(|d| !d.is(&vm.ctx.consts.none)),
            None => None,
        },
    };
    *p.doc.borrow_mut() = doc;
    Ok(vm.ctx.none())
}
fn property_copy(vm: &Vm, s: &PyRef, which: usize, f: &PyRef) -> PyResult {
    let p = pdata(s);
    let mut parts = [p.fget.borrow().clone(), p.fset.borrow().clone(), p.fdel.borrow().clone(), p.doc.borrow().clone()];
    parts[which] = Some(f.clone());
    let n = vm.ctx.none();
    let args: Vec<PyRef> = parts.into_iter().map(|x| x.unwrap_or_else(|| n.clone())).collect();
    let new = vm.call(&s.class(), &args)?;
    if let Some(np) = new.downcast::<PropertyData>() {
        let name = p.name.borrow().clone();
        if name.is_some() {
            *np.name.borrow_mut() = name;
        }
    }
    Ok(new)
}
fn property_set_name(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "__set_name__", &a, 2, 2)?;
    *pdata(s).name.borrow_mut() = Some(rest[1].clone());
    Ok(vm.ctx.none())
}
fn prop_name(vm: &Vm, o: &PyRef) -> PyResult {
    match vm.property_name(o) {
        Some(n) => Ok(n),
        None => Err(vm.new_error(&vm.ctx.exc.attribute_error, "'property' object has no attribute '__name__'")),
    }
}
fn prop_set_name(vm: &Vm, o: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    *pdata(o).name.borrow_mut() = v.filter(|v| !v.is(&vm.ctx.consts.none));
    Ok(())
}
fn prop_isabstract(vm: &Vm, o: &PyRef) -> PyResult {
    let p = pdata(o);
    for f in [p.fget.borrow().clone(), p.fset.borrow().clone(), p.fdel.borrow().clone()].into_iter().flatten() {
        if let Some(v) = vm.getattr_opt(&f, "__isabstractmethod__")? {
            if vm.is_true(&v)? {
                return Ok(vm.ctx.bool_obj(true));
            }
        }
    }
    Ok(vm.ctx.bool_obj(false))
}
fn property_getter(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "getter", &a, 1, 1)?;
    property_copy(vm, s, 0, &rest[0])
}
fn property_setter(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "setter", &a, 1, 1)?;
    property_copy(vm, s, 1, &rest[0])
}
fn property_deleter(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "deleter", &a, 1, 1)?;
    property_copy(vm, s, 2, &rest[0])
}
fn prop_fget(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(opt(vm, pdata(o).fget.borrow().clone()))
}
fn prop_fset(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(opt(vm, pdata(o).fset.borrow().clone()))
}
fn prop_fdel(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(opt(vm, pdata(o).fdel.borrow().clone()))
}
fn prop_doc(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(opt(vm, pdata(o).doc.borrow().clone()))
}

fn staticmethod_new(vm: &Vm, cls: &PyRef, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "staticmethod", &a, 1, 1)?;
    Ok(crate::objects::instance::alloc_instance(vm, cls, StaticMethodData { func: PyCell::new(Some(p[0].clone())) }))
}
fn sm_func(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(opt(vm, o.downcast::<StaticMethodData>().and_then(|s| s.func.borrow().clone())))
}
fn sm_get(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__get__", &a, 1, 2)?;
    Ok(opt(vm, s.downcast::<StaticMethodData>().and_then(|s| s.func.borrow().clone())))
}
fn sm_call(vm: &Vm, a: Args<'_>) -> PyResult {
    let s = &a.items[0];
    let f = s.downcast::<StaticMethodData>().and_then(|s| s.func.borrow().clone()).ok_or_else(|| vm.type_error("uninitialized staticmethod object"))?;
    vm.call_vector(&f, &a.items[1..], a.kwnames)
}
fn classmethod_new(vm: &Vm, cls: &PyRef, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "classmethod", &a, 1, 1)?;
    Ok(crate::objects::instance::alloc_instance(vm, cls, ClassMethodData { func: PyCell::new(Some(p[0].clone())) }))
}
fn cm_func(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(opt(vm, o.downcast::<ClassMethodData>().and_then(|s| s.func.borrow().clone())))
}
fn cm_get(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "__get__", &a, 1, 2)?;
    let typ = rest.get(1).cloned().filter(|t| !t.is(&vm.ctx.consts.none)).unwrap_or_else(|| rest[0].class());
    vm.descr_get(s, None, &typ)
}
fn super_new(vm: &Vm, _cls: &PyRef, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "super", &a, 1, 2)?;
    if !p[0].is_kind(Kind::Type) {
        return Err(vm.type_error(&format!("super() argument 1 must be a type, not {}", vm.type_name(&p[0]))));
    }
    crate::objects::instance::new_super(vm, p[0].clone(), p.get(1).cloned())
}
fn super_thisclass(_vm: &Vm, o: &PyRef) -> PyResult {
    Ok(o.downcast::<crate::objects::misc::SuperData>().expect("super").typ.clone())
}
fn super_self(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(opt(vm, o.downcast::<crate::objects::misc::SuperData>().expect("super").obj.clone()))
}

// ----- generators -----

fn gen_send_m(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "send", &a, 1, 1)?;
    match crate::objects::generator::resume(vm, s, Some(rest[0].clone()), None)? {
        crate::objects::generator::SendResult::Yield(v) => Ok(v),
        crate::objects::generator::SendResult::Return(r) => Err(stop_iteration(vm, r)),
    }
}

/// A StopIteration carrying a return value.
pub fn stop_iteration(vm: &Vm, v: PyRef) -> PyErr {
    let args = if v.is(&vm.ctx.consts.none) { vec![] } else { vec![v.clone()] };
    let e = vm.new_exception(&vm.ctx.exc.stop_iteration, args);
    vm.set_exc_attr(&e, "value", v);
    PyErr(e)
}

fn gen_throw(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "throw", &a, 1, 3)?;
    let exc = if rest[0].is_kind(Kind::Type) {
        let args: Vec<PyRef> = rest.get(1).filter(|v| !v.is(&vm.ctx.consts.none)).cloned().into_iter().collect();
        vm.call(&rest[0], &args)?
    } else if rest[0].is_kind(Kind::Exception) {
        rest[0].clone()
    } else {
        return Err(vm.type_error("exceptions must be classes or instances deriving from BaseException, not ".to_string().as_str()));
    };
    match crate::objects::generator::resume(vm, s, None, Some(PyErr(exc)))? {
        crate::objects::generator::SendResult::Yield(v) => Ok(v),
        crate::objects::generator::SendResult::Return(r) => Err(stop_iteration(vm, r)),
    }
}

fn gen_close(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "close", &a, 0, 0)?;
    crate::objects::generator::gen_close(vm, s)
}
fn gen_del(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__del__", &a, 0, 0)?;
    let g = s.downcast::<crate::objects::generator::GeneratorData>().expect("generator");
    if g.started.get() && g.frame.borrow().is_some() && !g.running.get() {
        crate::objects::generator::gen_close(vm, s)?;
    }
    Ok(vm.ctx.none())
}
fn gdata(o: &PyRef) -> &crate::objects::generator::GeneratorData {
    o.downcast::<crate::objects::generator::GeneratorData>().expect("generator")
}
fn gen_name(_vm: &Vm, o: &PyRef) -> PyResult {
    Ok(gdata(o).name.borrow().clone())
}
fn gen_qualname(_vm: &Vm, o: &PyRef) -> PyResult {
    Ok(gdata(o).qualname.borrow().clone())
}
fn gen_running(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.ctx.bool_obj(gdata(o).running.get()))
}
fn gen_frame(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(if gdata(o).frame.borrow().is_some() { vm.ctx.alloc(&vm.ctx.types.frame, crate::objects::misc::ObjectData) } else { vm.ctx.none() })
}
fn gen_code(_vm: &Vm, o: &PyRef) -> PyResult {
    Ok(gdata(o).code.clone())
}

// ----- exceptions -----

fn edata(o: &PyRef) -> &ExceptionData {
    o.downcast::<ExceptionData>().expect("an exception")
}
fn exc_init(vm: &Vm, a: Args<'_>) -> PyResult {
    let s = &a.items[0];
    if a.has_kw() && crate::vm::abstract_::type_is_static(s) {
        return Err(vm.type_error(&format!("{}() takes no keyword arguments", vm.type_name(s))));
    }
    *edata(s).args.borrow_mut() = vm.ctx.new_tuple(a.rest().pos().to_vec());
    Ok(vm.ctx.none())
}
fn stopiter_init(vm: &Vm, a: Args<'_>) -> PyResult {
    exc_init(vm, a)?;
    let v = a.rest().pos().first().cloned().unwrap_or_else(|| vm.ctx.none());
    vm.set_exc_attr(&a.items[0], "value", v);
    Ok(vm.ctx.none())
}
fn sysexit_init(vm: &Vm, a: Args<'_>) -> PyResult {
    exc_init(vm, a)?;
    let p = a.rest().pos().to_vec();
    let code = match p.len() {
        0 => vm.ctx.none(),
        1 => p[0].clone(),
        _ => vm.ctx.new_tuple(p),
    };
    vm.set_exc_attr(&a.items[0], "code", code);
    Ok(vm.ctx.none())
}
fn named_exc_init(vm: &Vm, a: Args<'_>) -> PyResult {
    let s = &a.items[0];
    *edata(s).args.borrow_mut() = vm.ctx.new_tuple(a.rest().pos().to_vec());
    for (k, v) in a.kw() {
        vm.set_exc_attr(s, as_str(k).unwrap_or(""), v.clone());
    }
    for attr in ["name", "obj", "path", "msg"] {
        if vm.exc_attr(s, attr).is_none() && !(attr == "msg" && !vm.is_instance_of(s, &vm.ctx.exc.import_error)) {
            if attr == "msg" {
                let m = a.rest().pos().first().cloned().unwrap_or_else(|| vm.ctx.none());
                vm.set_exc_attr(s, attr, m);
            } else {
                vm.set_exc_attr(s, attr, vm.ctx.none());
            }
        }
    }
    Ok(vm.ctx.none())
}
fn unicode_error_init(vm: &Vm, a: Args<'_>) -> PyResult {
    let s = &a.items[0];
    let decode = vm.is_instance_of(s, &vm.ctx.exc.unicode_decode_error);
    let name = vm.type_name(s);
    let p = args::pos(vm, &name, &a.rest(), 5, 5)?;
    let check = |i: usize, ok: bool, want: &str| -> PyResult<()> {
        if ok {
            Ok(())
        } else {
            Err(vm.type_error(&format!("argument {} must be {}, not {}", i + 1, want, vm.type_name(&p[i]))))
        }
    };
    check(0, p[0].is_kind(Kind::Str), "str")?;
    if decode {
        check(1, crate::builtins::bytes::is_bytes_like(&p[1]), "bytes-like object")?;
    } else {
        check(1, p[1].is_kind(Kind::Str), "str")?;
    }
    check(2, p[2].is_kind(Kind::Int), "int")?;
    check(3, p[3].is_kind(Kind::Int), "int")?;
    check(4, p[4].is_kind(Kind::Str), "str")?;
    *edata(s).args.borrow_mut() = vm.ctx.new_tuple(p.to_vec());
    let obj = if decode && !p[1].is_kind(Kind::Bytes) { crate::builtins::bytes::new_bytes(vm, crate::builtins::bytes::buffer_of(&p[1]).unwrap_or_default()) } else { p[1].clone() };
    for (k, v) in [("encoding", p[0].clone()), ("object", obj), ("start", p[2].clone()), ("end", p[3].clone()), ("reason", p[4].clone())] {
        vm.set_exc_attr(s, k, v);
    }
    Ok(vm.ctx.none())
}
fn unicode_translate_init(vm: &Vm, a: Args<'_>) -> PyResult {
    let s = &a.items[0];
    let p = args::pos(vm, "UnicodeTranslateError", &a.rest(), 4, 4)?;
    *edata(s).args.borrow_mut() = vm.ctx.new_tuple(p.to_vec());
    for (k, v) in [("object", p[0].clone()), ("start", p[1].clone()), ("end", p[2].clone()), ("reason", p[3].clone())] {
        vm.set_exc_attr(s, k, v);
    }
    vm.set_exc_attr(s, "encoding", vm.ctx.none());
    Ok(vm.ctx.none())
}
fn unicode_error_str(vm: &Vm, a: Args<'_>) -> PyResult {
    let s = &a.items[0];
    let (Some(obj), Some(start), Some(end), Some(reason)) = (vm.exc_attr(s, "object"), vm.exc_attr(s, "start"), vm.exc_attr(s, "end"), vm.exc_attr(s, "reason")) else {
        return Ok(vm.ctx.new_str(""));
    };
    let start = start.downcast::<crate::objects::int::IntData>().and_then(|i| i.as_small()).unwrap_or(0);
    let end = end.downcast::<crate::objects::int::IntData>().and_then(|i| i.as_small()).unwrap_or(0);
    let reason = vm.str_string(&reason)?;
    let enc = vm.exc_attr(s, "encoding").filter(|e| !e.is(&vm.ctx.consts.none)).map(|e| vm.str_string(&e)).transpose()?;
    let msg = if vm.is_instance_of(s, &vm.ctx.exc.unicode_decode_error) {
        let data = crate::builtins::bytes::buffer_of(&obj).unwrap_or_default();
        let enc = enc.unwrap_or_default();
        if end == start + 1 && (start as usize) < data.len() {
            format!("'{}' codec can't decode byte 0x{:02x} in position {}: {}", enc, data[start as usize], start, reason)
        } else {
            format!("'{}' codec can't decode bytes in position {}-{}: {}", enc, start, end - 1, reason)
        }
    } else {
        let text: Vec<char> = as_str(&obj).unwrap_or("").chars().collect();
        let what = if let Some(e) = &enc { format!("'{e}' codec can't encode") } else { "can't translate".to_string() };
        if end == start + 1 && (start as usize) < text.len() {
            let cp = text[start as usize] as u32;
            let c = if cp <= 0xff { format!("\\x{cp:02x}") } else if cp <= 0xffff { format!("\\u{cp:04x}") } else { format!("\\U{cp:08x}") };
            format!("{what} character '{c}' in position {start}: {reason}")
        } else {
            format!("{what} characters in position {}-{}: {}", start, end - 1, reason)
        }
    };
    Ok(vm.ctx.new_string(msg))
}
fn oserror_init(vm: &Vm, a: Args<'_>) -> PyResult {
    let s = &a.items[0];
    let p = a.rest().pos().to_vec();
    *edata(s).args.borrow_mut() = vm.ctx.new_tuple(p.clone());
    let (errno, strerror, filename, filename2) = match p.len() {
        2..=5 => (p[0].clone(), p[1].clone(), p.get(2).cloned().unwrap_or_else(|| vm.ctx.none()), p.get(4).cloned().unwrap_or_else(|| vm.ctx.none())),
        _ => (vm.ctx.none(), vm.ctx.none(), vm.ctx.none(), vm.ctx.none()),
    };
    if p.len() >= 3 && !filename.is(&vm.ctx.consts.none) {
        // CPython keeps only (errno, strerror) in args when a filename is given.
        *edata(s).args.borrow_mut() = vm.ctx.new_tuple(p[..2].to_vec());
    }
    vm.set_exc_attr(s, "errno", errno);
    vm.set_exc_attr(s, "strerror", strerror);
    vm.set_exc_attr(s, "filename", filename);
    vm.set_exc_attr(s, "filename2", filename2);
    Ok(vm.ctx.none())
}

/// `OSError(errno, ...)` builds the subclass for well-known errno values
/// (CPython's `oserror_use_init` / errnomap).
fn oserror_new(vm: &Vm, cls: &PyRef, a: Args<'_>) -> PyResult {
    let p = a.pos();
    let mut target = cls.clone();
    if cls.is(&vm.ctx.exc.os_error) && (2..=5).contains(&p.len()) {
        if let Some(errno) = p[0].downcast::<crate::objects::int::IntData>().and_then(|i| i.as_small()) {
            let name = match errno {
                11 | 114 | 115 => Some("BlockingIOError"),
                10 => Some("ChildProcessError"),
                32 | 108 => Some("BrokenPipeError"),
                103 => Some("ConnectionAbortedError"),
                111 => Some("ConnectionRefusedError"),
                104 => Some("ConnectionResetError"),
                17 => Some("FileExistsError"),
                2 => Some("FileNotFoundError"),
                21 => Some("IsADirectoryError"),
                20 => Some("NotADirectoryError"),
                4 => Some("InterruptedError"),
                1 | 13 => Some("PermissionError"),
                3 => Some("ProcessLookupError"),
                110 => Some("TimeoutError"),
                _ => None,
            };
            if let Some(t) = name.and_then(|n| vm.ctx.exc.get(n)) {
                target = t;
            }
        }
    }
    crate::builtins::types_init::exception_new(vm, &target, a)
}
fn oserror_str(vm: &Vm, a: Args<'_>) -> PyResult {
    let s = &a.items[0];
    let errno = vm.exc_attr(s, "errno").filter(|v| !v.is(&vm.ctx.consts.none));
    let strerror = vm.exc_attr(s, "strerror").filter(|v| !v.is(&vm.ctx.consts.none));
    let filename = vm.exc_attr(s, "filename").filter(|v| !v.is(&vm.ctx.consts.none));
    if let (Some(e), Some(se)) = (errno, strerror) {
        let base = format!("[Errno {}] {}", vm.str_string(&e)?, vm.str_string(&se)?);
        let filename2 = vm.exc_attr(s, "filename2").filter(|v| !v.is(&vm.ctx.consts.none));
        return Ok(vm.ctx.new_string(match (filename, filename2) {
            (Some(f), Some(f2)) => format!("{}: {} -> {}", base, vm.repr_string(&f)?, vm.repr_string(&f2)?),
            (Some(f), None) => format!("{}: {}", base, vm.repr_string(&f)?),
            _ => base,
        }));
    }
    let r = crate::builtins::repr::base_exception_str(vm, s)?;
    Ok(vm.ctx.new_string(r))
}
fn syntaxerror_init(vm: &Vm, a: Args<'_>) -> PyResult {
    let s = &a.items[0];
    let p = a.rest().pos().to_vec();
    *edata(s).args.borrow_mut() = vm.ctx.new_tuple(p.clone());
    vm.set_exc_attr(s, "msg", p.first().cloned().unwrap_or_else(|| vm.ctx.none()));
    let details = p.get(1).map(|d| tuple_items(d).to_vec()).unwrap_or_default();
    for (i, name) in ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"].iter().enumerate() {
        vm.set_exc_attr(s, name, details.get(i).cloned().unwrap_or_else(|| vm.ctx.none()));
    }
    vm.set_exc_attr(s, "print_file_and_line", vm.ctx.none());
    Ok(vm.ctx.none())
}
fn syntaxerror_str(vm: &Vm, a: Args<'_>) -> PyResult {
    let s = &a.items[0];
    let msg = vm.exc_attr(s, "msg").map(|m| vm.str_string(&m)).transpose()?.unwrap_or_default();
    let filename = vm.exc_attr(s, "filename").and_then(|f| as_str(&f).map(|x| x.to_string()));
    let lineno = vm.exc_attr(s, "lineno").and_then(|l| l.downcast::<crate::objects::int::IntData>().and_then(|i| i.as_small()));
    let base = filename.as_deref().map(|f| std::path::Path::new(f).file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_else(|| f.to_string()));
    Ok(vm.ctx.new_string(match (base, lineno) {
        (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(l)) => format!("{msg} (line {l})"),
        (None, None) => msg,
    }))
}
fn exc_with_traceback(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "with_traceback", &a, 1, 1)?;
    *edata(s).traceback.borrow_mut() = not_none(vm, Some(rest[0].clone()));
    Ok(s.clone())
}
fn exc_add_note(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "add_note", &a, 1, 1)?;
    if !rest[0].is_kind(Kind::Str) {
        return Err(vm.type_error(&format!("note must be a str, not '{}'", vm.type_name(&rest[0]))));
    }
    let notes = match vm.getattr_opt(s, "__notes__")? {
        Some(n) => n,
        None => {
            let l = vm.ctx.new_list(vec![]);
            vm.setattr(s, &vm.ctx.intern("__notes__"), Some(l.clone()))?;
            l
        }
    };
    match notes.downcast::<crate::objects::list::ListData>() {
        Some(ld) => ld.append(rest[0].clone()),
        None => return Err(vm.type_error("Cannot add note: __notes__ is not a list")),
    }
    Ok(vm.ctx.none())
}
fn exc_setstate(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "__setstate__", &a, 1, 1)?;
    if !rest[0].is(&vm.ctx.consts.none) {
        let Some(d) = rest[0].downcast::<DictData>() else {
            return Err(vm.type_error("state is not a dictionary"));
        };
        for (k, v) in d.items() {
            vm.setattr(s, &k, Some(v))?;
        }
    }
    Ok(vm.ctx.none())
}
fn any_call(vm: &Vm, a: Args<'_>) -> PyResult {
    let Some((f, rest)) = a.items.split_first() else { return Err(vm.type_error("__call__ needs an argument")) };
    vm.call_vector(f, rest, a.kwnames)
}
fn exc_reduce(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__reduce__", &a, 0, 0)?;
    Ok(vm.ctx.new_tuple(vec![s.class(), edata(s).args.borrow().clone()]))
}
fn exc_args(_vm: &Vm, o: &PyRef) -> PyResult {
    Ok(edata(o).args.borrow().clone())
}
fn exc_set_args(vm: &Vm, o: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let v = v.ok_or_else(|| vm.type_error("args may not be deleted"))?;
    let items = vm.iterate(&v)?;
    *edata(o).args.borrow_mut() = vm.ctx.new_tuple(items);
    Ok(())
}
fn exc_tb(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(opt(vm, edata(o).traceback.borrow().clone()))
}
fn exc_set_tb(vm: &Vm, o: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    *edata(o).traceback.borrow_mut() = not_none(vm, v);
    Ok(())
}
fn exc_cause(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(opt(vm, edata(o).cause.borrow().clone()))
}
fn check_exc_or_none(vm: &Vm, v: &Option<PyRef>, what: &str) -> PyResult<()> {
    match v {
        None => Err(vm.type_error(&format!("{what} may not be deleted"))),
        Some(x) if x.is(&vm.ctx.consts.none) || x.is_kind(Kind::Exception) => Ok(()),
        Some(_) => Err(vm.type_error(&format!("exception {what} must be None or derive from BaseException"))),
    }
}
fn exc_set_cause(vm: &Vm, o: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    check_exc_or_none(vm, &v, "cause")?;
    *edata(o).cause.borrow_mut() = not_none(vm, v);
    edata(o).suppress_context.set(true);
    Ok(())
}
fn exc_context(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(opt(vm, edata(o).context.borrow().clone()))
}
fn exc_set_context(vm: &Vm, o: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    check_exc_or_none(vm, &v, "context")?;
    *edata(o).context.borrow_mut() = not_none(vm, v);
    Ok(())
}
fn exc_suppress(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.ctx.bool_obj(edata(o).suppress_context.get()))
}
fn exc_set_suppress(vm: &Vm, o: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    edata(o).suppress_context.set(match v {
        Some(v) => vm.is_true(&v)?,
        None => false,
    });
    Ok(())
}

// ----- cells, code, modules, tracebacks, mappingproxy -----

fn cell_contents(vm: &Vm, o: &PyRef) -> PyResult {
    o.downcast::<CellData>().and_then(|c| c.0.borrow().clone()).ok_or_else(|| vm.value_error("Cell is empty"))
}
fn cell_set_contents(_vm: &Vm, o: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    if let Some(c) = o.downcast::<CellData>() {
        *c.0.borrow_mut() = v;
    }
    Ok(())
}
fn cdata(o: &PyRef) -> &CodeData {
    o.downcast::<CodeData>().expect("code")
}
fn code_name(_vm: &Vm, o: &PyRef) -> PyResult {
    Ok(cdata(o).name.clone())
}
fn code_qualname(_vm: &Vm, o: &PyRef) -> PyResult {
    Ok(cdata(o).qualname.clone())
}
fn code_filename(_vm: &Vm, o: &PyRef) -> PyResult {
    Ok(cdata(o).filename.clone())
}
fn code_firstlineno(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.ctx.new_int(cdata(o).code.firstlineno as i64))
}
fn code_argcount(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.ctx.new_int(cdata(o).code.argcount as i64))
}
fn code_flags_g(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.ctx.new_int(cdata(o).code.flags as i64))
}
fn code_names_of_kind(vm: &Vm, o: &PyRef, kind: u8) -> PyResult {
    let c = cdata(o);
    let names: Vec<PyRef> = c.code.localsplus_names.iter().zip(&c.code.localsplus_kinds).filter(|(_, k)| **k & kind != 0).map(|(n, _)| vm.ctx.intern(n)).collect();
    Ok(vm.ctx.new_tuple(names))
}
fn code_cellvars(vm: &Vm, o: &PyRef) -> PyResult {
    code_names_of_kind(vm, o, pyglass_bytecode::slot_kind::CELL)
}
fn code_freevars(vm: &Vm, o: &PyRef) -> PyResult {
    code_names_of_kind(vm, o, pyglass_bytecode::slot_kind::FREE)
}
fn code_posonlyargcount(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.ctx.new_int(cdata(o).code.posonlyargcount as i64))
}
fn code_kwonlyargcount(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.ctx.new_int(cdata(o).code.kwonlyargcount as i64))
}
fn code_nlocals(vm: &Vm, o: &PyRef) -> PyResult {
    let c = cdata(o);
    Ok(vm.ctx.new_int(c.code.localsplus_kinds.iter().filter(|k| **k & pyglass_bytecode::slot_kind::LOCAL != 0).count() as i64))
}
fn code_co_names(vm: &Vm, o: &PyRef) -> PyResult {
    let c = cdata(o);
    Ok(vm.ctx.new_tuple(c.code.names.iter().map(|n| vm.ctx.intern(n)).collect()))
}
fn code_stacksize(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.ctx.new_int(cdata(o).code.stacksize as i64))
}
fn code_varnames(vm: &Vm, o: &PyRef) -> PyResult {
    let c = cdata(o);
    let names: Vec<PyRef> = c.code.localsplus_names.iter().zip(&c.code.localsplus_kinds).filter(|(_, k)| **k & pyglass_bytecode::slot_kind::LOCAL != 0).map(|(n, _)| vm.ctx.intern(n)).collect();
    Ok(vm.ctx.new_tuple(names))
}
fn module_new(vm: &Vm, _cls: &PyRef, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "module", &a, 1, 2)?;
    let name = as_str(&p[0]).ok_or_else(|| vm.type_error("module name must be str"))?;
    let m = vm.new_module(name);
    if let Some(doc) = p.get(1) {
        vm.setattr(&m, &vm.ctx.intern("__doc__"), Some(doc.clone()))?;
    }
    Ok(m)
}
fn module_dict(_vm: &Vm, o: &PyRef) -> PyResult {
    Ok(o.downcast::<crate::objects::misc::ModuleData>().expect("module").dict.clone())
}
fn module_dir(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__dir__", &a, 0, 0)?;
    let d = s.downcast::<crate::objects::misc::ModuleData>().expect("module").dict.clone();
    let mut names: Vec<String> = d.downcast::<DictData>().map(|d| d.keys().iter().filter_map(|k| as_str(k).map(|s| s.to_string())).collect()).unwrap_or_default();
    names.sort();
    Ok(vm.ctx.new_list(names.into_iter().map(|n| vm.ctx.new_string(n)).collect()))
}
fn tbd(o: &PyRef) -> &crate::objects::exception::TracebackData {
    o.downcast::<crate::objects::exception::TracebackData>().expect("traceback")
}
fn tb_lineno(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.ctx.new_int(tbd(o).lineno as i64))
}
fn tb_lasti(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.ctx.new_int(tbd(o).lasti as i64 * 2))
}
fn tb_next(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(opt(vm, tbd(o).next.borrow().clone()))
}
fn mp_dict(o: &PyRef) -> PyRef {
    o.downcast::<crate::objects::misc::DictViewData>().expect("mappingproxy").dict.clone()
}
fn mp_call(vm: &Vm, a: Args<'_>, name: &str) -> PyResult {
    let s = &a.items[0];
    let d = mp_dict(s);
    let m = vm.getattr_str(&d, name)?;
    vm.call_vector(&m, &a.items[1..], a.kwnames)
}
fn mp_keys(vm: &Vm, a: Args<'_>) -> PyResult {
    mp_call(vm, a, "keys")
}
fn mp_items(vm: &Vm, a: Args<'_>) -> PyResult {
    mp_call(vm, a, "items")
}
fn mp_values(vm: &Vm, a: Args<'_>) -> PyResult {
    mp_call(vm, a, "values")
}
fn mp_get(vm: &Vm, a: Args<'_>) -> PyResult {
    mp_call(vm, a, "get")
}
fn mp_getitem(vm: &Vm, a: Args<'_>) -> PyResult {
    mp_call(vm, a, "__getitem__")
}
fn mp_contains(vm: &Vm, a: Args<'_>) -> PyResult {
    mp_call(vm, a, "__contains__")
}
fn mp_iter(vm: &Vm, a: Args<'_>) -> PyResult {
    mp_call(vm, a, "__iter__")
}
fn mp_len(vm: &Vm, a: Args<'_>) -> PyResult {
    mp_call(vm, a, "__len__")
}
fn mp_repr(vm: &Vm, a: Args<'_>) -> PyResult {
    let s = &a.items[0];
    let r = vm.repr_string(&mp_dict(s))?;
    Ok(vm.ctx.new_string(format!("mappingproxy({r})")))
}
