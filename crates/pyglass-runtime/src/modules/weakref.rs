//! `_weakref`: the native half of `weakref` (the `ref` type and counting functions); the
//! rest of the module is bundled Python (`lib/weakref.py`).

use crate::builtins::args;
use crate::object::weakref::{new_weakref, weakrefs_to, WeakRefData};
use crate::object::PyRef;
use crate::objects::typeobject::{type_data, type_flags};
use crate::vm::context::{getset, method};
use crate::vm::{Args, PyResult, Vm};

pub fn make(vm: &Vm) -> PyRef {
    let t = &vm.ctx.types.weakref;
    if type_data(t).dict().get_str("__callback__").is_none() {
        vm.ctx.set_native_new(t, ref_new);
        vm.ctx.add_methods(t, &[method("__call__", ref_call), method("__hash__", ref_hash), method("__eq__", ref_eq), method("__ne__", ref_ne), method("__repr__", ref_repr)]);
        vm.ctx.add_getsets(t, &[getset("__callback__", ref_callback, None)]);
        vm.ctx.set_type_attr(t, "__module__", vm.ctx.new_str("weakref"));
    }
    let m = vm.new_module("_weakref");
    super::add_functions(vm, &m, "_weakref", &[("getweakrefcount", getweakrefcount), ("getweakrefs", getweakrefs)]);
    super::set_attr(vm, &m, "ref", t.clone());
    super::set_attr(vm, &m, "ReferenceType", t.clone());
    m
}

fn weakrefable(vm: &Vm, obj: &PyRef) -> PyResult<()> {
    if type_data(&obj.class()).has_flag(type_flags::WEAKREFABLE) {
        Ok(())
    } else {
        Err(vm.type_error(&format!("cannot create weak reference to '{}' object", vm.type_name(obj))))
    }
}

fn ref_new(vm: &Vm, cls: &PyRef, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "ref", &a, 1, 2)?;
    let obj = &p[0];
    weakrefable(vm, obj)?;
    let callback = p.get(1).filter(|c| !c.is(&vm.ctx.consts.none)).cloned();
    // Without a callback, an existing plain reference is shared (as CPython does).
    if callback.is_none() && cls.is(&vm.ctx.types.weakref) {
        for w in weakrefs_to(vm, obj) {
            if w.class().is(cls) && w.downcast::<WeakRefData>().is_some_and(|d| d.callback.borrow().is_none()) {
                return Ok(w);
            }
        }
    }
    Ok(new_weakref(vm, cls, obj, callback))
}

fn data(o: &PyRef) -> &WeakRefData {
    o.downcast::<WeakRefData>().expect("a weakref")
}

fn ref_call(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__call__", &a, 0, 0)?;
    Ok(data(s).get().unwrap_or_else(|| vm.ctx.none()))
}

fn ref_hash(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__hash__", &a, 0, 0)?;
    let d = data(s);
    if d.hash.get() != -1 {
        return Ok(vm.ctx.new_int(d.hash.get() as i64));
    }
    match d.get() {
        Some(o) => {
            let h = vm.hash(&o)?;
            d.hash.set(h);
            Ok(vm.ctx.new_int(h as i64))
        }
        None => Err(vm.type_error("weak object has gone away")),
    }
}

fn ref_eq(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "__eq__", &a, 1, 1)?;
    let Some(o) = rest[0].downcast::<WeakRefData>() else { return Ok(vm.ctx.consts.not_implemented.clone()) };
    match (data(s).get(), o.get()) {
        (Some(x), Some(y)) => vm.rich_compare(&x, &y, pyglass_bytecode::CompareOp::Eq),
        _ => Ok(vm.ctx.bool_obj(s.is(&rest[0]))),
    }
}

fn ref_ne(vm: &Vm, a: Args<'_>) -> PyResult {
    let r = ref_eq(vm, a)?;
    if r.is(&vm.ctx.consts.not_implemented) {
        return Ok(r);
    }
    Ok(vm.ctx.bool_obj(!vm.is_true(&r)?))
}

fn ref_repr(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__repr__", &a, 0, 0)?;
    let text = match data(s).get() {
        Some(o) => format!("<weakref at {:#x}; to '{}' at {:#x}>", s.addr(), vm.type_name(&o), o.addr()),
        None => format!("<weakref at {:#x}; dead>", s.addr()),
    };
    Ok(vm.ctx.new_string(text))
}

fn ref_callback(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(data(o).callback.borrow().clone().unwrap_or_else(|| vm.ctx.none()))
}

fn getweakrefcount(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "getweakrefcount", &a, 1, 1)?;
    Ok(vm.ctx.new_int(weakrefs_to(vm, &p[0]).len() as i64))
}

fn getweakrefs(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "getweakrefs", &a, 1, 1)?;
    Ok(vm.ctx.new_list(weakrefs_to(vm, &p[0])))
}
