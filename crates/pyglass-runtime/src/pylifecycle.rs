//! Interpreter shutdown as a program sees it [Python/pylifecycle.c: `Py_FinalizeEx`,
//! `finalize_modules`]. docs/gc.md ("Shutdown") gives the steps and what a finalizer
//! can see at each.
//!
//! In short: a pre-exit collection (only when the collector is enabled; it calls
//! `gc.callbacks`), then every module leaves `sys.modules`. `__main__`'s dict is freed by
//! reference counting right there when nothing else holds it, or, as soon as the
//! program defined a function or class (its dict is then in a cycle through
//! `__globals__`), by the shutdown collection that follows: there every `__del__` runs
//! with all globals still in place, before any cycle is broken. Modules still alive
//! after that have their names set to None, then `sys`'s, then `builtins`'s; a last
//! collection runs and `gc.garbage` / `gc.callbacks` are released.

use crate::object::{self, PyRef};
use crate::objects;
use crate::objects::dict::DictData;
use crate::vm::Vm;

/// `sys` attributes `finalize_modules_delete_special` removes.
const SYS_DELETES: [&str; 10] = ["path", "argv", "ps1", "ps2", "last_exc", "last_type", "last_value", "last_traceback", "__interactivehook__", "meta_path"];

/// The pre-exit collection (`PyGC_Collect()` in `Py_FinalizeEx`): skipped when the
/// collector is disabled; calls `gc.callbacks`. Everything is still registered, so it
/// frees only what was already garbage.
pub(crate) fn pre_exit_collection(vm: &Vm) {
    if vm.ctx.gc.enabled() {
        vm.gc_collect(crate::vm::gc::NUM_GENERATIONS - 1);
    }
}

/// CPython's `finalize_modules`, with `builtins_copy` the builtins as they were at the
/// end of start-up. The caller has dropped its own reference to `__main__`.
pub(crate) fn finalize_modules(vm: &Vm, builtins_copy: PyRef) {
    let none = vm.ctx.none();
    let builtins = vm.ctx.builtins.downcast::<DictData>().expect("builtins is a dict");
    let sys_dict = vm.ctx.sys.borrow().as_ref().map(|s| vm.module_dict(s));
    delete_special(vm, builtins, sys_dict.as_ref());
    // CPython reads a traceback's source lines through `io`, which cannot be imported
    // any more from here on: tracebacks printed during the rest of shutdown have none.
    vm.ctx.sources.borrow_mut().clear();

    // Every module leaves `sys.modules` in order, its entry set to None first; a module
    // nothing else holds dies right here, and its dict with it unless that is in a cycle.
    // Weak references find the survivors afterwards. Each value is fetched as its turn
    // comes, so no module is kept alive by this loop.
    let modules = vm.ctx.modules.downcast::<DictData>().expect("sys.modules is a dict");
    let mut weak = Vec::new();
    for name in modules.keys() {
        let Some(m) = modules.get_str_key(&name) else { continue };
        if m.downcast::<objects::misc::ModuleData>().is_some() {
            weak.push(object::weakref::new_weakref(vm, &vm.ctx.types.weakref, &m, None));
            modules.set_str_key(name, none.clone());
        }
        drop(m);
    }
    modules.clear_all();

    // `finalize_restore_builtins`: what the program added to builtins goes now.
    if let Some(copy) = builtins_copy.downcast::<DictData>() {
        let old = builtins.items();
        builtins.clear_all();
        for (k, v) in copy.items() {
            builtins.set_str_key(k, v);
        }
        drop(old);
    }
    drop(builtins_copy);

    // Shutdown collection 1 (`_PyGC_CollectNoFail`): dead modules' dicts and all they
    // reach; finalizers see every dict intact.
    vm.gc_collect_shutdown();

    // Modules still alive have their names set to None, last imported first; `sys` and
    // `builtins` go last, in that order.
    for w in weak.iter().rev() {
        let Some(m) = w.downcast::<object::weakref::WeakRefData>().and_then(|w| w.get()) else { continue };
        let d = vm.module_dict(&m);
        if d.is(&vm.ctx.builtins) || sys_dict.as_ref().is_some_and(|s| s.is(&d)) {
            continue;
        }
        clear_module_dict(vm, &d);
    }
    drop(weak);
    if let Some(sd) = &sys_dict {
        clear_module_dict(vm, sd);
    }
    drop(sys_dict);
    clear_module_dict(vm, &vm.ctx.builtins);
    vm.gc_collect_shutdown();

    // `_PyGC_Fini`: `gc.garbage` and `gc.callbacks` are released after the last
    // collection, so what only they held dies by reference counting, and cycles among it
    // are not collected.
    for l in [&vm.ctx.gc.garbage, &vm.ctx.gc.callbacks] {
        if let Some(l) = l.downcast::<objects::list::ListData>() {
            <objects::list::ListData as object::PyPayload>::clear(l);
        }
    }
}

/// `finalize_modules_delete_special`: `builtins._` becomes None, some `sys` attributes
/// go (the last exception and its traceback among them), and the standard streams are
/// reset to the originals.
fn delete_special(vm: &Vm, builtins: &DictData, sys_dict: Option<&PyRef>) {
    let none = vm.ctx.none();
    builtins.set_str_key(vm.ctx.intern("_"), none.clone());
    let Some(sd) = sys_dict.and_then(|d| d.downcast::<DictData>()) else { return };
    for n in SYS_DELETES {
        drop(sd.del_str_key(&vm.ctx.intern(n)));
    }
    for (n, orig) in [("stdin", "__stdin__"), ("stdout", "__stdout__"), ("stderr", "__stderr__")] {
        let v = sd.get_str(orig).unwrap_or_else(|| none.clone());
        sd.set_str_key(vm.ctx.intern(n), v);
    }
}

/// Empty a module namespace as CPython's `_PyModule_ClearDict` does: values become None
/// and the names stay; `_name`s first, then every other name but `__builtins__`.
pub(crate) fn clear_module_dict(vm: &Vm, d: &PyRef) {
    let Some(dd) = d.downcast::<DictData>() else { return };
    let none = vm.ctx.none();
    let single_underscore = |n: &str| n.starts_with('_') && !n.starts_with("__");
    for first_pass in [true, false] {
        for k in dd.keys() {
            let n = objects::str::as_str(&k).unwrap_or("");
            let take = if first_pass { single_underscore(n) } else { n != "__builtins__" };
            if take && dd.get_str_key(&k).is_some_and(|v| !v.is(&none)) {
                dd.set_str_key(k, none.clone());
            }
        }
    }
}
