//! `eval`, `exec` and `compile` (CPython's `builtin_eval`, `builtin_exec`,
//! `builtin_compile`). Source strings are compiled by the same compiler as modules;
//! their text is not kept for tracebacks (CPython's linecache cannot read "<string>"
//! either).

use crate::builtins::args;
use crate::object::{Kind, PyRef};
use crate::objects::dict::DictData;
use crate::vm::frame::{Frame, FrameExit};
use crate::vm::{Args, PyResult, Vm};
use pyglass_compiler::Mode;

/// `PyCF_ONLY_AST`: pyglass has no `ast` module objects.
const PYCF_ONLY_AST: i64 = 0x400;

fn source_text(vm: &Vm, v: &PyRef, what: &str) -> PyResult<String> {
    if let Some(s) = crate::objects::str::as_str(v) {
        return Ok(s.to_string());
    }
    if let Some(b) = v.downcast::<crate::objects::misc::BytesData>() {
        return String::from_utf8(b.0.to_vec()).map_err(|_| vm.new_error(&vm.ctx.exc.syntax_error, "(unicode error) 'utf-8' codec can't decode bytes"));
    }
    Err(vm.type_error(&format!("{what} arg 1 must be a string, bytes or code object")))
}

pub fn compile(vm: &Vm, a: Args<'_>) -> PyResult {
    let b = args::bind(vm, "compile", &a, &["source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"], 3)?;
    let source = b[0].expect("required");
    let fname_obj = b[1].expect("required");
    let filename = match crate::objects::str::as_str(fname_obj) {
        Some(s) => s.to_string(),
        None => match fname_obj.downcast::<crate::objects::misc::BytesData>() {
            Some(bd) => String::from_utf8_lossy(&bd.0).into_owned(),
            None => return Err(vm.type_error(&format!("expected str, bytes or os.PathLike object, not {}", vm.type_name(fname_obj)))),
        },
    };
    let mode = b[2].expect("required");
    let mode = match crate::objects::str::as_str(mode) {
        Some("exec") => Mode::Exec,
        Some("eval") => Mode::Eval,
        Some("single") => Mode::Interactive,
        Some(_) => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
        None => return Err(vm.type_error(&format!("compile() argument 'mode' must be str, not {}", vm.type_name(mode)))),
    };
    if let Some(f) = b[3] {
        let flags = vm.index(f)?.to_i64().unwrap_or(0);
        if flags & PYCF_ONLY_AST != 0 {
            return Err(vm.new_error(&vm.ctx.exc.not_implemented_error, "compile() to an AST object is not supported by pyglass"));
        }
    }
    if source.is_kind(Kind::Code) {
        return Err(vm.type_error("compile() arg 1 must be a string, bytes or AST object"));
    }
    let text = source_text(vm, source, "compile()").map_err(|_| vm.type_error("compile() arg 1 must be a string, bytes or AST object"))?;
    vm.compile_detached(&text, &filename, mode)
}

/// The namespaces of an `eval`/`exec` call: explicit ones, or the caller's.
fn namespaces(vm: &Vm, who: &str, globals: Option<&PyRef>, locals: Option<&PyRef>) -> PyResult<(PyRef, PyRef)> {
    let none = |v: Option<&PyRef>| v.filter(|v| !v.is(&vm.ctx.consts.none)).cloned();
    let (g, l) = (none(globals), none(locals));
    if let Some(g) = &g {
        if !g.is_kind(Kind::Dict) {
            let msg = if who == "exec" {
                format!("exec() globals must be a dict, not {}", vm.type_name(g))
            } else if vm.getattr_opt(g, "__getitem__")?.is_some() {
                "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
            } else {
                "globals must be a dict".to_string()
            };
            return Err(vm.type_error(&msg));
        }
    }
    if let Some(l) = &l {
        if vm.getattr_opt(l, "__getitem__")?.is_none() {
            return Err(vm.type_error(&if who == "exec" { format!("locals must be a mapping or None, not {}", vm.type_name(l)) } else { "locals must be a mapping".to_string() }));
        }
    }
    let g = match g {
        Some(g) => g,
        None => vm.current_globals().ok_or_else(|| vm.new_error(&vm.ctx.exc.system_error, &format!("{who}(): no current frame")))?,
    };
    // Without frame objects the caller's locals are its globals (see `locals()`).
    let l = l.unwrap_or_else(|| g.clone());
    Ok((g, l))
}

/// Run a code object in the given namespaces (CPython's `PyEval_EvalCode`).
fn run_code(vm: &Vm, code: PyRef, globals: &PyRef, locals: &PyRef) -> PyResult {
    let gd = globals.downcast::<DictData>().expect("checked dict");
    let builtins = match gd.get_str("__builtins__") {
        Some(b) => match b.downcast::<crate::objects::misc::ModuleData>() {
            Some(m) => m.dict.clone(),
            None if b.is_kind(Kind::Dict) => b,
            None => vm.ctx.builtins.clone(),
        },
        None => {
            gd.set_str_key(vm.ctx.intern("__builtins__"), vm.builtins_module());
            vm.ctx.builtins.clone()
        }
    };
    let locals = if locals.is(globals) { None } else { Some(locals.clone()) };
    let mut frame = Frame::new(code, None, globals.clone(), builtins, locals);
    match vm.run_frame(&mut frame)? {
        FrameExit::Return(v) | FrameExit::Yield(v) => Ok(v),
    }
}

/// The code object to run: `source` itself, or `source` compiled in `mode` (`eval()`
/// ignores leading spaces and tabs).
fn code_of(vm: &Vm, source: &PyRef, who: &str, mode: Mode) -> PyResult {
    if source.is_kind(Kind::Code) {
        return Ok(source.clone());
    }
    let text = source_text(vm, source, who)?;
    let text = if mode == Mode::Eval { text.trim_start_matches([' ', '\t']) } else { &text };
    vm.compile_detached(text, "<string>", mode)
}

pub fn eval(vm: &Vm, a: Args<'_>) -> PyResult {
    let b = args::bind(vm, "eval", &a, &["source", "globals", "locals"], 1)?;
    let (g, l) = namespaces(vm, "eval", b[1], b[2])?;
    let code = code_of(vm, b[0].expect("required"), "eval()", Mode::Eval)?;
    run_code(vm, code, &g, &l)
}

pub fn exec(vm: &Vm, a: Args<'_>) -> PyResult {
    let b = args::bind(vm, "exec", &a, &["source", "globals", "locals", "closure"], 1)?;
    let (g, l) = namespaces(vm, "exec", b[1], b[2])?;
    let code = code_of(vm, b[0].expect("required"), "exec()", Mode::Exec)?;
    run_code(vm, code, &g, &l)?;
    Ok(vm.ctx.none())
}
