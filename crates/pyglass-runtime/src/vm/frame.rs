//! Frames: the state of one running code object. Locals (`localsplus`) and the value stack
//! share one buffer: slots `0..nlocalsplus` are the fast locals, the rest is the stack.
//! Buffers are recycled through the VM's frame pool so that a plain call allocates nothing.

use crate::object::PyRef;
use std::io::Write;

pub struct Frame {
    /// The code object (payload `CodeData`).
    pub code: PyRef,
    /// The function being run (None for module and exec code).
    pub func: Option<PyRef>,
    pub globals: PyRef,
    pub builtins: PyRef,
    /// The locals mapping of module and class bodies (LOAD_NAME/STORE_NAME).
    pub locals: Option<PyRef>,
    pub slots: Vec<Option<PyRef>>,
    pub nlocalsplus: usize,
    /// Next instruction to run.
    pub ip: usize,
    /// Instruction being run (for tracebacks and exception handlers).
    pub lasti: usize,
}

/// What the traceback machinery and `super()` need to know about a running frame.
#[derive(Clone)]
pub struct FrameInfo {
    pub code: PyRef,
    pub globals: PyRef,
    /// The first argument's value at entry (for zero-argument `super()`), and the
    /// `__class__` cell if the code has one.
    pub first_arg: Option<PyRef>,
    pub class_cell: Option<PyRef>,
}

/// Outcome of running a frame until it stops.
pub enum FrameExit {
    Return(PyRef),
    Yield(PyRef),
}

/// Buffered standard output: print() writes here; flushed at exit, before reading input,
/// before writing to stderr, and when large.
#[derive(Default)]
pub struct OutBuf {
    pub buf: Vec<u8>,
}

impl OutBuf {
    pub fn write(&mut self, s: &str) {
        self.buf.extend_from_slice(s.as_bytes());
        if self.buf.len() > 1 << 16 {
            self.flush();
        }
    }
    pub fn flush(&mut self) {
        if !self.buf.is_empty() {
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(&self.buf);
            let _ = out.flush();
            self.buf.clear();
        }
    }
}
