//! pyglass-runtime: the object model, the virtual machine and the built-in library.
//!
//! Map (CPython names in brackets):
//! - `object/`: header, refcounting, allocation, payload access [Include/object.h].
//! - `objects/`: one file per built-in type's data [Objects/*.c].
//! - `vm/`: interpreter and thread state, eval loop, calls, exceptions, imports
//!   [Python/ceval.c, Python/pystate.c, Objects/abstract.c].
//! - `builtins/`: methods of the built-in types and the `builtins` module
//!   [Python/bltinmodule.c].
//! - `modules/`: built-in modules (`sys`, `math`, `time`).
//! - `sync.rs`: the one place where the GIL / free-threaded choice lives.

pub mod builtins;
pub mod modules;
pub mod object;
pub mod objects;
pub mod sync;
pub mod vm;

use object::PyRef;
use objects::dict::DictData;
use std::rc::Rc;
pub use vm::{InterruptHandle, PyErr, PyResult, Vm};

/// The global allocator a pyglass binary should install (`#[global_allocator]`): the
/// system allocator, reporting to `tracemalloc` while it traces (see docs/tracemalloc.md).
pub use pyglass_alloc::trace::TracingSystem as TracingAllocator;

/// pyglass's own version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
/// The Python version whose behaviour pyglass follows.
pub const PYTHON_VERSION: &str = "3.13.0";
/// Upper bound for `sys.setrecursionlimit`: the CLI's interpreter thread has a stack sized
/// for this many nested Python calls.
pub const MAX_RECURSION_LIMIT: u32 = 100_000;

/// Start-up options.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// `-X` options.
    pub xoptions: Vec<String>,
    /// A REPL session.
    pub interactive: bool,
    /// Reserved for `-i`.
    pub inspect: bool,
}

/// Start-up definitions that are simplest to write in Python.
const INIT_PY: &str = r#"
import sys
class version_info(tuple):
    __slots__ = ()
    n_fields = 5
    major = property(lambda self: self[0])
    minor = property(lambda self: self[1])
    micro = property(lambda self: self[2])
    releaselevel = property(lambda self: self[3])
    serial = property(lambda self: self[4])
    def __repr__(self):
        return ("sys.version_info(major=%r, minor=%r, micro=%r, releaselevel=%r, serial=%r)" % tuple(self))
version_info.__module__ = "sys"
sys.version_info = version_info((3, 13, 0, "final", 0))
del version_info, sys
"#;

fn init_python_level(vm: &Vm) {
    let d = vm.ctx.new_dict();
    if let Some(dd) = d.downcast::<DictData>() {
        dd.set_str_key(vm.ctx.intern("__name__"), vm.ctx.intern("_pyglass_init"));
    }
    let r = vm.compile(INIT_PY, "<pyglass init>", pyglass_compiler::Mode::Exec).and_then(|c| vm.exec_code(c, &d));
    if let Err(e) = r {
        vm.print_exception(&e.0);
    }
}

/// Result of one REPL input.
#[derive(Debug, PartialEq, Eq)]
pub enum Interactive {
    Done,
    Incomplete,
    Exit(i32),
}

/// One Python interpreter (use it on one thread).
pub struct Interpreter {
    vm: Vm,
    main: PyRef,
}

impl Interpreter {
    pub fn new(config: Config) -> Interpreter {
        let ctx = Rc::new(vm::Context::new(config));
        let vm = Vm::new(ctx);
        let main = vm.enter(|vm| {
            builtins::functions::init(vm);
            let sys = modules::sys::make(vm);
            let md = vm.ctx.modules.downcast::<DictData>().expect("dict");
            md.set_str_key(vm.ctx.new_str("sys"), sys);
            let b = modules::module_with_dict(vm, vm.ctx.builtins.clone());
            md.set_str_key(vm.ctx.new_str("builtins"), b);
            let main = vm.new_module("__main__");
            md.set_str_key(vm.ctx.new_str("__main__"), main.clone());
            let d = vm.module_dict(&main);
            d.downcast::<DictData>().expect("dict").set_str_key(vm.ctx.intern("__builtins__"), vm.builtins_module());
            init_python_level(vm);
            main
        });
        Interpreter { vm, main }
    }

    pub fn vm(&self) -> &Vm {
        &self.vm
    }

    /// Run a program as `__main__`; returns the exit status.
    pub fn run_main(&self, source: &str, filename: &str) -> i32 {
        self.vm.enter(|vm| {
            let d = vm.module_dict(&self.main);
            let dd = d.downcast::<DictData>().expect("dict");
            if !filename.starts_with('<') {
                dd.set_str_key(vm.ctx.intern("__file__"), vm.ctx.new_str(filename));
                let dir = std::path::Path::new(filename).parent().map(|p| p.to_string_lossy().to_string()).unwrap_or_default();
                modules::sys::set_path0(vm, &dir);
            } else {
                modules::sys::set_path0(vm, "");
            }
            let r = vm.compile(source, filename, pyglass_compiler::Mode::Exec).and_then(|code| vm.exec_code(code, &d));
            let status = match r {
                Ok(_) => 0,
                Err(e) => self.handle_uncaught(&e),
            };
            vm.ctx.stdout.borrow_mut().flush();
            status
        })
    }

    /// Print an uncaught exception (or handle SystemExit); returns the exit status.
    fn handle_uncaught(&self, e: &PyErr) -> i32 {
        let vm = &self.vm;
        if vm.is_instance_of(&e.0, &vm.ctx.exc.system_exit) {
            let code = vm.exc_attr(&e.0, "code").unwrap_or_else(|| vm.ctx.none());
            if code.is(&vm.ctx.consts.none) {
                return 0;
            }
            if let Some(i) = code.downcast::<objects::int::IntData>() {
                return i.as_small().map(|v| v as i32).unwrap_or(-1);
            }
            vm.ctx.stdout.borrow_mut().flush();
            let text = vm.str_string(&code).unwrap_or_default();
            eprintln!("{text}");
            return 1;
        }
        vm.print_exception(&e.0);
        1
    }

    /// Run one REPL input in `__main__`.
    pub fn run_interactive(&self, source: &str) -> Interactive {
        // An open bracket, string or block (not yet closed by an empty line) asks for more.
        if pyglass_syntax::is_incomplete_input(source) {
            return Interactive::Incomplete;
        }
        self.vm.enter(|vm| {
            let d = vm.module_dict(&self.main);
            let r = vm.compile(source, "<stdin>", pyglass_compiler::Mode::Interactive).and_then(|code| vm.exec_code(code, &d));
            vm.ctx.stdout.borrow_mut().flush();
            match r {
                Ok(_) => Interactive::Done,
                Err(e) => {
                    if vm.is_instance_of(&e.0, &vm.ctx.exc.system_exit) {
                        return Interactive::Exit(self.handle_uncaught(&e));
                    }
                    self.handle_uncaught(&e);
                    Interactive::Done
                }
            }
        })
    }

    pub fn interrupt_handle(&self) -> InterruptHandle {
        self.vm.interrupt_handle()
    }

    /// Shut down: flush output and release `__main__`'s objects (running finalizers).
    pub fn finish(self) -> i32 {
        self.vm.enter(|vm| {
            vm.ctx.stdout.borrow_mut().flush();
            let d = vm.module_dict(&self.main);
            if let Some(dd) = d.downcast::<DictData>() {
                // Clear in insertion order, as CPython's module teardown does (roughly).
                let keys = dd.keys();
                for k in keys {
                    if let Some(v) = dd.del_str_key(&k) {
                        drop(v);
                    }
                }
            }
            vm.ctx.stdout.borrow_mut().flush();
        });
        0
    }
}
