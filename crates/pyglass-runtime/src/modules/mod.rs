//! Built-in modules: modules implemented in Rust, and bundled modules written in Python
//! (`crates/pyglass-runtime/lib/*.py`, embedded in the binary; see [`BUNDLED`]).

pub mod collections;
pub mod functools;
pub mod gc;
pub mod io;
pub mod itertools;
pub mod math;
pub mod native;
pub mod os;
pub mod pyglass;
pub mod random;
pub mod sys;
pub mod time;
pub mod tracemalloc;
pub mod weakref;

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
        // The module's namespace *is* the builtins dict.
        "builtins" => module_with_dict(vm, vm.ctx.builtins.clone()),
        "math" => math::make(vm),
        "time" => time::make(vm),
        "_random" => random::make(vm),
        "_io" => io::make(vm),
        "_collections" => collections::make(vm),
        "posix" => os::make(vm),
        "_pyglass" => pyglass::make(vm),
        "_itertools" => itertools::make(vm),
        "_functools" => functools::make(vm),
        "_weakref" => weakref::make(vm),
        "gc" => gc::make(vm),
        "_tracemalloc" => tracemalloc::make(vm),
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

/// A module written in Python and embedded in the binary. Its code runs in a new module
/// the first time it is imported, compiled with the file name `<frozen NAME>` (what
/// CPython 3.13 shows for its frozen standard modules such as `<frozen os>`); as in
/// CPython, tracebacks show no source lines for it.
pub struct Bundled {
    pub name: &'static str,
    pub source: &'static str,
    /// A package (gets `__path__ = []`, so `from pkg import sub` finds bundled submodules).
    pub package: bool,
    /// CPython implements this module in C, so its functions show no frames in
    /// tracebacks there (see [`hidden_frame`]).
    pub native_in_cpython: bool,
}

macro_rules! bundled {
    ($($name:literal => $file:literal $(, $flag:ident)*;)*) => {
        /// The table of bundled modules (the one place that lists them). Flags:
        /// `package`, and `c` for modules that CPython implements in C.
        pub const BUNDLED: &[Bundled] = &[
            $(Bundled {
                name: $name,
                source: include_str!(concat!("../../lib/", $file)),
                package: false $(|| bundled!(@is package $flag))*,
                native_in_cpython: false $(|| bundled!(@is c $flag))*,
            },)*
        ];
    };
    (@is package package) => { true };
    (@is c c) => { true };
    (@is $want:ident $flag:ident) => { false };
}

bundled! {
    "random" => "random.py";
    "collections" => "collections/__init__.py", package;
    "collections.abc" => "collections/abc.py";
    "functools" => "functools.py";
    "itertools" => "itertools.py", c;
    "operator" => "operator.py", c;
    "string" => "string.py";
    "dataclasses" => "dataclasses.py";
    "io" => "io.py", c;
    "os" => "os.py";
    "posixpath" => "posixpath.py";
    "bisect" => "bisect.py", c;
    "heapq" => "heapq.py", c;
    "keyword" => "keyword.py";
    "copy" => "copy.py";
    "abc" => "abc.py";
    "enum" => "enum.py";
    "typing" => "typing.py";
    "weakref" => "weakref.py";
    "tracemalloc" => "tracemalloc.py";
    "types" => "types.py";
}

/// Whether a traceback frame of code from `filename` stands for code that CPython
/// implements in C (`<frozen NAME>` of a bundled module flagged `c`): CPython shows no
/// frame for it, so the traceback printer can leave it out.
pub fn hidden_frame(filename: &str) -> bool {
    filename
        .strip_prefix("<frozen ")
        .and_then(|r| r.strip_suffix('>'))
        .and_then(bundled)
        .is_some_and(|b| b.native_in_cpython)
}

/// The bundled module `name`, if there is one.
pub fn bundled(name: &str) -> Option<&'static Bundled> {
    BUNDLED.iter().find(|b| b.name == name)
}

#[cfg(test)]
mod tests {
    #[test]
    fn bundled_modules_compile() {
        for b in super::BUNDLED {
            let filename = format!("<frozen {}>", b.name);
            if let Err(e) = pyglass_compiler::compile_source(b.source, &filename, pyglass_compiler::Mode::Exec) {
                panic!("{}: {:?}", b.name, e);
            }
        }
    }

    #[test]
    fn hidden_frames() {
        assert!(super::hidden_frame("<frozen itertools>"));
        assert!(!super::hidden_frame("<frozen random>"));
        assert!(!super::hidden_frame("itertools.py"));
        assert!(super::bundled("collections").is_some_and(|b| b.package && !b.native_in_cpython));
    }

    #[test]
    fn bundled_names_are_unique() {
        let mut names: Vec<&str> = super::BUNDLED.iter().map(|b| b.name).collect();
        names.sort();
        let n = names.len();
        names.dedup();
        assert_eq!(n, names.len());
    }
}
