//! File I/O. Text files are not part of the core interpreter yet.

use crate::vm::{Args, PyResult, Vm};

/// `open()`: not built yet; raises a clear error instead of misbehaving.
pub fn open(vm: &Vm, _a: Args<'_>) -> PyResult {
    Err(vm.new_error(&vm.ctx.exc.not_implemented_error, "open() is not supported by pyglass yet"))
}
