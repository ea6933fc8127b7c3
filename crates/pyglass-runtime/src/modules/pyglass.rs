//! `_pyglass`: support functions for the bundled Python modules (code generation for
//! `namedtuple` and `dataclasses`, the calling module's name).

use crate::builtins::args;
use crate::object::PyRef;
use crate::objects::dict::DictData;
use crate::objects::str::as_str;
use crate::vm::{Args, PyResult, Vm};

pub fn make(vm: &Vm) -> PyRef {
    let m = vm.new_module("_pyglass");
    super::add_functions(vm, &m, "_pyglass", &[("exec", exec), ("caller_module", caller_module)]);
    m
}

/// `exec(source, globals, filename='<string>')`: run module-level code in `globals`.
fn exec(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "exec", &a, 2, 3)?;
    let src = as_str(&p[0]).ok_or_else(|| vm.type_error("exec() source must be str"))?;
    if p[1].downcast::<DictData>().is_none() {
        return Err(vm.type_error("exec() globals must be a dict"));
    }
    let filename = p.get(2).and_then(as_str).unwrap_or("<string>").to_string();
    let code = vm.compile(src, &filename, pyglass_compiler::Mode::Exec)?;
    if filename.starts_with('<') {
        // Like CPython, generated code has no source lines in tracebacks.
        vm.ctx.sources.borrow_mut().remove(&filename);
    }
    vm.exec_code(code, &p[1])?;
    Ok(vm.ctx.none())
}

/// `caller_module(depth)`: `__name__` of the module of the Python frame `depth` levels
/// up from the caller of this function (0 = the caller itself).
fn caller_module(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "caller_module", &a, 0, 1)?;
    let depth = match p.first() {
        Some(d) => vm.index(d)?.to_i64().unwrap_or(0).max(0) as usize,
        None => 0,
    };
    let name = vm.frames.with(|mut records| {
        let info = records.nth(depth)?;
        info.globals().downcast::<DictData>().and_then(|d| d.get_str("__name__"))
    });
    Ok(name.unwrap_or_else(|| vm.ctx.none()))
}
