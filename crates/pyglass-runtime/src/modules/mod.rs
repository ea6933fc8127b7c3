//! Built-in modules implemented in Rust.

pub mod io;
pub mod math;
pub mod sys;
pub mod time;

use crate::object::PyRef;
use crate::objects::dict::DictData;
use crate::vm::{NativeFn, PyResult, Vm};

/// Create the built-in module `name`, if there is one.
pub fn builtin_module(vm: &Vm, name: &str) -> PyResult<Option<PyRef>> {
    Ok(Some(match name {
        "sys" => match vm.ctx.sys.borrow().clone() {
            Some(s) => s,
            None => sys::make(vm),
        },
        "builtins" => {
            let m = vm.new_module("builtins");
            if let Some(md) = m.downcast::<crate::objects::misc::ModuleData>() {
                // The module's namespace *is* the builtins dict.
                let _ = md;
            }
            return Ok(Some(module_with_dict(vm, vm.ctx.builtins.clone())));
        }
        "math" => math::make(vm),
        "time" => time::make(vm),
        _ => return Ok(None),
    }))
}

pub fn module_with_dict(vm: &Vm, dict: PyRef) -> PyRef {
    vm.ctx.alloc(&vm.ctx.types.module, crate::objects::misc::ModuleData { dict })
}

/// Add native functions to a module.
pub fn add_functions(vm: &Vm, m: &PyRef, module: &'static str, fns: &[(&'static str, NativeFn)]) {
    let d = vm.module_dict(m);
    let dd = d.downcast::<DictData>().expect("dict");
    for (name, f) in fns {
        dd.set_str_key(vm.ctx.intern(name), vm.new_builtin(name, *f, Some(module)));
    }
}

pub fn set_attr(vm: &Vm, m: &PyRef, name: &str, v: PyRef) {
    let d = vm.module_dict(m);
    d.downcast::<DictData>().expect("dict").set_str_key(vm.ctx.intern(name), v);
}
