//! Frames: the state of one running code object. Its `FrameSlots` hold the fast locals
//! (`localsplus`: arguments, locals, cells, free variables; `None` = unbound) and the value
//! stack, whose entries are never absent: CPython's NULL stack entries (pushed by PUSH_NULL
//! and LOAD_METHOD) are the interpreter's immortal NULL marker object. A plain call takes
//! its slots from the VM's data stack (`object/datastack.rs`), so it allocates nothing.

use crate::object::datastack::FrameSlots;
use crate::object::PyRef;
use std::io::Write;

/// A frame that owns its references: module and class bodies, `exec`, and generators
/// (whose frame outlives the call that made it). Plain function calls don't build one:
/// they borrow the function's references ([`FrameRefs`]) and own only a [`FrameState`].
pub struct Frame {
    /// The code object (payload `CodeData`).
    pub code: PyRef,
    /// The function being run (None for module and exec code).
    pub func: Option<PyRef>,
    pub globals: PyRef,
    pub builtins: PyRef,
    /// The locals mapping of module and class bodies (LOAD_NAME/STORE_NAME).
    pub locals: Option<PyRef>,
    pub state: FrameState<'static>,
}

/// The references a running frame reads and never changes (CPython's `f_executable`,
/// `f_funcobj`, `f_globals`, `f_builtins`, `f_locals`). For a plain call they are borrowed
/// from the function object, which the caller's value stack keeps alive for the whole call
/// (a function's code, globals and builtins are immutable), so a call takes no reference.
#[derive(Clone, Copy)]
pub struct FrameRefs<'a> {
    pub code: &'a PyRef,
    pub func: Option<&'a PyRef>,
    pub globals: &'a PyRef,
    pub builtins: &'a PyRef,
    pub locals: Option<&'a PyRef>,
}

/// What a running frame changes: fast locals, value stack and instruction position. The
/// slots borrow the VM's data stack for `'a` (a plain call) or own a heap region
/// (`'static`: generators, module and class bodies).
pub struct FrameState<'a> {
    pub slots: FrameSlots<'a>,
    /// Next instruction to run; the one before it is the frame's last instruction (for
    /// tracebacks and exception handlers).
    pub ip: usize,
}

impl Frame {
    /// A frame for `code` with `nlocalsplus` empty fast slots and room for its stack.
    pub fn new(code: PyRef, func: Option<PyRef>, globals: PyRef, builtins: PyRef, locals: Option<PyRef>) -> Frame {
        let (n, depth) = match code.downcast::<crate::objects::function::CodeData>() {
            Some(c) => (c.code.nlocalsplus(), c.code.stacksize as usize),
            None => (0, 0),
        };
        let state = FrameState { slots: FrameSlots::new_heap(n, depth), ip: 0 };
        Frame { code, func, globals, builtins, locals, state }
    }

    /// Borrow the references and the state separately (the eval loop reads one and
    /// changes the other).
    pub fn split(&mut self) -> (FrameRefs<'_>, &mut FrameState<'static>) {
        let refs = FrameRefs { code: &self.code, func: self.func.as_ref(), globals: &self.globals, builtins: &self.builtins, locals: self.locals.as_ref() };
        (refs, &mut self.state)
    }

    /// Every strong reference the frame holds (for the collector and generators).
    pub fn traverse(&self, visit: &mut dyn FnMut(&PyRef)) {
        visit(&self.code);
        visit(&self.globals);
        visit(&self.builtins);
        if let Some(f) = &self.func {
            visit(f);
        }
        if let Some(l) = &self.locals {
            visit(l);
        }
        self.state.slots.fast().iter().flatten().for_each(&mut *visit);
        self.state.slots.stack_values().iter().for_each(visit);
    }
}

/// What the interpreter records about each running frame besides its code and globals
/// (the record, `object/frames.rs`, names those without owning them).
pub struct FrameInfo {
    /// The first argument's value at entry (for zero-argument `super()`), and the
    /// `__class__` cell if the code has one.
    pub first_arg: Option<PyRef>,
    /// Set late when the frame's MAKE_CELL / COPY_FREE_VARS make the cell.
    pub class_cell: std::cell::RefCell<Option<PyRef>>,
    /// The calling frame's instruction pointer when this one was entered (the caller's
    /// `Vm::cur_instr`, the index after the instruction it was running; restored when
    /// this frame leaves): how `tracemalloc` finds the line of every frame, not only the
    /// innermost one.
    pub caller_instr: usize,
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
