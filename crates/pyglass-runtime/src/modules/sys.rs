//! The `sys` module.

use crate::builtins::args;
use crate::object::{Kind, PyRef};
use crate::objects::dict::DictData;
use crate::objects::misc::ObjectData;
use crate::objects::str::as_str;
use crate::vm::context::method;
use crate::vm::{Args, PyResult, Vm};

pub fn make(vm: &Vm) -> PyRef {
    let m = vm.new_module("sys");
    super::add_functions(
        vm,
        &m,
        "sys",
        &[
            ("getrecursionlimit", getrecursionlimit),
            ("setrecursionlimit", setrecursionlimit),
            ("getrefcount", getrefcount),
            ("getsizeof", getsizeof),
            ("exit", exit),
            ("intern", intern),
            ("exc_info", exc_info),
            ("exception", exception),
            ("_is_gil_enabled", is_gil_enabled),
            ("displayhook", displayhook),
            ("getdefaultencoding", getdefaultencoding),
            ("_debugmallocstats", debugmallocstats),
        ],
    );
    let set = |n: &str, v: PyRef| super::set_attr(vm, &m, n, v);
    set("argv", vm.ctx.new_list(vm.ctx.config.argv.iter().map(|a| vm.ctx.new_str(a)).collect()));
    set("path", vm.ctx.new_list(vec![]));
    set("modules", vm.ctx.modules.clone());
    set("version", vm.ctx.new_str(&format!("{} (pyglass {})", crate::PYTHON_VERSION, crate::VERSION)));
    let vi: Vec<PyRef> = vec![vm.ctx.new_int(3), vm.ctx.new_int(13), vm.ctx.new_int(0), vm.ctx.new_str("final"), vm.ctx.new_int(0)];
    set("version_info", vm.ctx.new_tuple(vi));
    set("hexversion", vm.ctx.new_int(0x030d00f0));
    set("platform", vm.ctx.new_str("linux"));
    set("byteorder", vm.ctx.new_str(if cfg!(target_endian = "little") { "little" } else { "big" }));
    set("maxsize", vm.ctx.new_int(i64::MAX));
    set("maxunicode", vm.ctx.new_int(0x10ffff));
    set("executable", vm.ctx.new_str(&std::env::current_exe().map(|p| p.to_string_lossy().to_string()).unwrap_or_default()));
    set("builtin_module_names", vm.ctx.new_tuple(["builtins", "math", "sys", "time"].iter().map(|s| vm.ctx.new_str(s)).collect()));
    set("ps1", vm.ctx.new_str(">>> "));
    set("ps2", vm.ctx.new_str("... "));
    let out_t = vm.ctx.new_builtin_type("TextIOWrapper", &vm.ctx.types.object);
    vm.ctx.add_methods(&out_t, &[method("write", stdout_write), method("flush", stdout_flush)]);
    vm.ctx.set_type_attr(&out_t, "__module__", vm.ctx.new_str("_io"));
    let err_t = vm.ctx.new_builtin_type("TextIOWrapper", &vm.ctx.types.object);
    vm.ctx.add_methods(&err_t, &[method("write", stderr_write), method("flush", stdout_flush)]);
    vm.ctx.set_type_attr(&err_t, "__module__", vm.ctx.new_str("_io"));
    let stdout = vm.ctx.alloc(&out_t, ObjectData);
    let stderr = vm.ctx.alloc(&err_t, ObjectData);
    set("stdout", stdout.clone());
    set("stderr", stderr.clone());
    set("__stdout__", stdout);
    set("__stderr__", stderr);
    *vm.ctx.sys.borrow_mut() = Some(m.clone());
    m
}

fn getrecursionlimit(vm: &Vm, a: Args<'_>) -> PyResult {
    args::pos(vm, "getrecursionlimit", &a, 0, 0)?;
    Ok(vm.ctx.new_int(vm.ctx.recursion_limit.get() as i64))
}

fn setrecursionlimit(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "setrecursionlimit", &a, 1, 1)?;
    if p[0].is_kind(Kind::Float) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = vm.index(&p[0])?.to_i64().unwrap_or(i64::MAX);
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    // The interpreter thread's stack is sized for the default; very large limits are
    // capped so that deep recursion still ends in RecursionError, not a crash.
    let cap = crate::MAX_RECURSION_LIMIT as i64;
    vm.ctx.recursion_limit.set(n.min(cap) as u32);
    Ok(vm.ctx.none())
}

fn getrefcount(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "getrefcount", &a, 1, 1)?;
    Ok(vm.ctx.new_int(p[0].refcnt() as i64))
}

/// `sys._debugmallocstats()`: the small-object allocator's report, on stderr.
fn debugmallocstats(vm: &Vm, a: Args<'_>) -> PyResult {
    args::pos(vm, "_debugmallocstats", &a, 0, 0)?;
    let report = crate::object::memory::debug_malloc_stats();
    vm.ctx.stdout.borrow_mut().flush();
    use std::io::Write;
    let _ = std::io::stderr().lock().write_all(report.as_bytes());
    Ok(vm.ctx.none())
}

fn getsizeof(vm: &Vm, a: Args<'_>) -> PyResult {
    let b = if a.has_kw() {
        args::bind(vm, "getsizeof", &a, &["object", "default"], 1)?
    } else {
        let p = a.pos();
        if p.is_empty() {
            return Err(vm.type_error("getsizeof() missing required argument 'object' (pos 1)"));
        }
        if p.len() > 2 {
            return Err(vm.type_error(&format!("getsizeof() takes at most 2 arguments ({} given)", p.len())));
        }
        p.iter().map(Some).collect()
    };
    let o = b[0].expect("required argument");
    crate::builtins::sizes::getsizeof(vm, o, b.get(1).copied().flatten())
}

fn exit(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "exit", &a, 0, 1)?;
    // Like CPython's PyErr_SetObject: None means no arguments, a tuple is the arguments.
    let args: Vec<PyRef> = match p.first() {
        None => vec![],
        Some(v) if v.is(&vm.ctx.consts.none) => vec![],
        Some(v) if v.is_kind(Kind::Tuple) => crate::objects::tuple::tuple_items(v).to_vec(),
        Some(v) => vec![v.clone()],
    };
    let e = vm.call(&vm.ctx.exc.system_exit, &args)?;
    if let Some(v) = p.first() {
        vm.set_exc_attr(&e, "code", v.clone());
    }
    Err(crate::vm::PyErr(e))
}

fn intern(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "intern", &a, 1, 1)?;
    if !p[0].class().is(&vm.ctx.types.str) {
        return Err(vm.type_error(&format!("intern() argument must be str, not {}", vm.type_name(&p[0]))));
    }
    Ok(vm.ctx.intern_obj(&p[0]))
}

fn exc_info(vm: &Vm, _a: Args<'_>) -> PyResult {
    Ok(match vm.current_exception() {
        Some(e) => {
            let tb = vm.exception_traceback(&e).unwrap_or_else(|| vm.ctx.none());
            vm.ctx.new_tuple(vec![e.class(), e, tb])
        }
        None => vm.ctx.new_tuple(vec![vm.ctx.none(), vm.ctx.none(), vm.ctx.none()]),
    })
}

fn exception(vm: &Vm, _a: Args<'_>) -> PyResult {
    Ok(vm.current_exception().unwrap_or_else(|| vm.ctx.none()))
}

fn is_gil_enabled(vm: &Vm, _a: Args<'_>) -> PyResult {
    Ok(vm.ctx.bool_obj(true))
}

fn displayhook(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "displayhook", &a, 1, 1)?;
    vm.display_hook(&p[0])?;
    Ok(vm.ctx.none())
}

fn getdefaultencoding(vm: &Vm, _a: Args<'_>) -> PyResult {
    Ok(vm.ctx.new_str("utf-8"))
}

fn stdout_write(vm: &Vm, a: Args<'_>) -> PyResult {
    let (_, rest) = args::meth(vm, "write", &a, 1, 1)?;
    let s = as_str(&rest[0]).ok_or_else(|| vm.type_error(&format!("write() argument must be str, not {}", vm.type_name(&rest[0]))))?;
    vm.ctx.stdout.borrow_mut().write(s);
    Ok(vm.ctx.new_int(s.chars().count() as i64))
}

fn stderr_write(vm: &Vm, a: Args<'_>) -> PyResult {
    let (_, rest) = args::meth(vm, "write", &a, 1, 1)?;
    let s = as_str(&rest[0]).ok_or_else(|| vm.type_error(&format!("write() argument must be str, not {}", vm.type_name(&rest[0]))))?;
    vm.ctx.stdout.borrow_mut().flush();
    use std::io::Write;
    let _ = std::io::stderr().lock().write_all(s.as_bytes());
    Ok(vm.ctx.new_int(s.chars().count() as i64))
}

fn stdout_flush(vm: &Vm, _a: Args<'_>) -> PyResult {
    vm.ctx.stdout.borrow_mut().flush();
    Ok(vm.ctx.none())
}

/// Set `sys.path[0]` and friends for running a script.
pub fn set_path0(vm: &Vm, dir: &str) {
    if let Some(sys) = vm.ctx.sys.borrow().clone() {
        let d = vm.module_dict(&sys);
        if let Some(p) = d.downcast::<DictData>().and_then(|d| d.get_str("path")) {
            if let Some(l) = p.downcast::<crate::objects::list::ListData>() {
                l.items.borrow_mut().insert(0, vm.ctx.new_str(dir));
            }
        }
    }
}
