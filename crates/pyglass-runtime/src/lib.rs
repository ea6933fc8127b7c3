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
//! - `pylifecycle.rs`: interpreter shutdown [Python/pylifecycle.c].
//! - `sync.rs`: the one place where the GIL / free-threaded choice lives.

pub mod builtins;
pub mod modules;
pub mod object;
pub mod objects;
mod pylifecycle;
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
    /// The builtins as they were at the end of start-up (see `finish`).
    builtins_copy: PyRef,
    /// The interpreter's small-object allocator: every object it creates, from the
    /// built-in types on, comes from here. Declared last: dropped after everything else.
    alloc: object::memory::AllocatorGuard,
}

impl Interpreter {
    pub fn new(config: Config) -> Interpreter {
        // Installed on this thread before the first object exists (see docs/allocator.md).
        let alloc = object::memory::install_allocator();
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
        // CPython's `interp->builtins_copy`: restored at shutdown, so that what a
        // program adds to builtins dies with the program's objects.
        let builtins_copy = vm.enter(|vm| {
            let c = vm.ctx.new_dict();
            let (cd, bd) = (c.downcast::<DictData>().expect("dict"), vm.ctx.builtins.downcast::<DictData>().expect("dict"));
            for (k, v) in bd.items() {
                cd.set_str_key(k, v);
            }
            c
        });
        Interpreter { vm, main, builtins_copy, alloc }
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
                dd.set_str_key(vm.ctx.intern("__cached__"), vm.ctx.none());
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
            // As CPython's `_PyRun_SimpleFileObject`: the names go once the script is done
            // (a finalizer run at exit no longer sees them).
            if !filename.starts_with('<') {
                drop(dd.del_str_key(&vm.ctx.intern("__file__")));
                drop(dd.del_str_key(&vm.ctx.intern("__cached__")));
            }
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

    /// Shut down as CPython's `Py_FinalizeEx` does (see [`pylifecycle`]): finalizers
    /// of objects still alive run in CPython's order and see what CPython's see.
    pub fn finish(mut self) -> i32 {
        let main = std::mem::replace(&mut self.main, self.vm.ctx.none());
        let builtins_copy = std::mem::replace(&mut self.builtins_copy, self.vm.ctx.none());
        self.vm.enter(|vm| {
            vm.ctx.stdout.borrow_mut().flush();
            pylifecycle::pre_exit_collection(vm);
            drop(main);
            pylifecycle::finalize_modules(vm, builtins_copy);
            vm.ctx.stdout.borrow_mut().flush();
        });
        if self.vm.ctx.config.xoptions.iter().any(|x| x == "leakcheck") {
            return self.leakcheck();
        }
        0
    }

    /// `-X leakcheck`: tear the interpreter down completely (modules, then every object it
    /// owns, immortal ones included) and count the allocator's blocks still in use: any
    /// is a leak. Prints a report on stderr and returns 1 when something leaked.
    fn leakcheck(self) -> i32 {
        self.vm.enter(|vm| self.release_remaining_modules(vm));
        let Interpreter { vm, main, builtins_copy, alloc } = self;
        drop(builtins_copy);
        let (others, types, leftovers) = vm.enter(|vm| {
            drop(main);
            vm.gc_collect_final();
            for l in [&vm.ctx.gc.garbage, &vm.ctx.gc.callbacks] {
                if let Some(l) = l.downcast::<objects::list::ListData>() {
                    <objects::list::ListData as object::PyPayload>::clear(l);
                }
            }
            vm.release_thread_state();
            let (others, types) = vm.ctx.immortal_objects();
            // Empty the types (their dicts hold descriptors and functions that refer back).
            for t in &types {
                if let Some(td) = t.downcast::<objects::typeobject::TypeData>() {
                    <objects::typeobject::TypeData as object::PyPayload>::clear(td);
                }
            }
            vm.gc_collect_final();
            let mut leftovers: std::collections::BTreeMap<String, usize> = Default::default();
            for g in 0..4 {
                for o in vm.ctx.gc.objects(g) {
                    *leftovers.entry(vm.type_name(&o).to_string()).or_default() += 1;
                }
            }
            (others, types, leftovers)
        });
        if Rc::strong_count(&vm.ctx) != 1 {
            eprintln!("leakcheck: the interpreter state is still shared; cannot tear down");
            return 1;
        }
        drop(vm);
        for o in others {
            object::core::free_immortal(o);
        }
        object::core::free_static_types(types);
        let live = object::memory::current_live().unwrap_or((0, 0));
        drop(alloc);
        if live.0 == 0 {
            return 0;
        }
        let mut msg = format!("leakcheck: {} blocks ({} bytes) still allocated after shutdown", live.0, live.1);
        if !leftovers.is_empty() {
            let kinds: Vec<String> = leftovers.iter().map(|(k, n)| format!("{k}: {n}")).collect();
            msg.push_str(&format!("; live containers by type: {}", kinds.join(", ")));
        }
        eprintln!("{msg}");
        1
    }

    /// For the leak check, after `finish`: empty whatever module namespaces are still
    /// registered, then `sys.modules`, `sys` and `builtins`, and let go of `sys`,
    /// collecting cycles along the way.
    fn release_remaining_modules(&self, vm: &Vm) {
        let md = vm.ctx.modules.downcast::<DictData>().expect("dict");
        let mods: Vec<PyRef> = md.values();
        for m in mods.iter().rev() {
            if m.is(&self.main) {
                continue;
            }
            let Some(d) = m.downcast::<objects::misc::ModuleData>().map(|m| m.dict.clone()) else { continue };
            if d.is(&vm.ctx.builtins) {
                continue;
            }
            pylifecycle::clear_module_dict(vm, &d);
        }
        drop(mods);
        md.clear_all();
        vm.gc_collect_final();
        if let Some(sys) = vm.ctx.sys.borrow_mut().take() {
            if let Some(d) = sys.downcast::<objects::misc::ModuleData>().map(|m| m.dict.clone()) {
                pylifecycle::clear_module_dict(vm, &d);
            }
        }
        pylifecycle::clear_module_dict(vm, &vm.ctx.builtins);
        vm.gc_collect_final();
    }
}


