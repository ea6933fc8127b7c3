//! Exceptions and tracebacks (CPython `Objects/exceptions.c`, `Python/traceback.c`).
//! Subclass-specific attributes (`StopIteration.value`, `KeyError` args, `OSError.errno`,
//! `NameError.name`...) live in the instance `__dict__`: every exception has one.

use crate::object::{Kind, PyPayload, PyRef};
use crate::sync::PyCell;
use std::cell::Cell;

pub struct ExceptionData {
    /// `args`: a tuple.
    pub args: PyCell<PyRef>,
    pub traceback: PyCell<Option<PyRef>>,
    pub cause: PyCell<Option<PyRef>>,
    pub context: PyCell<Option<PyRef>>,
    pub suppress_context: Cell<bool>,
    pub notes: PyCell<Option<PyRef>>,
    /// For NameError/AttributeError: `(code, globals, self-or-None)` of the frame that
    /// raised it, recorded when the first traceback entry is added; the traceback printer
    /// uses it for "Did you mean" suggestions (CPython reads `tb_frame`).
    pub suggest_ctx: PyCell<Option<PyRef>>,
}

// SAFETY: Kind::Exception is used by no other payload type.
unsafe impl PyPayload for ExceptionData {
    const KIND: Kind = Kind::Exception;
    const HAS_GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&PyRef)) {
        if let Some(a) = self.args.try_borrow() {
            visit(&a);
        }
        for c in [&self.traceback, &self.cause, &self.context, &self.notes, &self.suggest_ctx] {
            if let Some(b) = c.try_borrow() {
                if let Some(r) = b.as_ref() {
                    visit(r);
                }
            }
        }
    }
    fn clear(&self) {
        for c in [&self.traceback, &self.cause, &self.context, &self.notes, &self.suggest_ctx] {
            drop(c.take());
        }
    }
}

/// One traceback entry (`tb_next` chain from the outermost frame to the innermost).
pub struct TracebackData {
    pub next: PyCell<Option<PyRef>>,
    /// The code object of the frame.
    pub code: PyRef,
    /// Index of the instruction that raised.
    pub lasti: u32,
    pub lineno: u32,
}

// SAFETY: Kind::Traceback is used by no other payload type.
unsafe impl PyPayload for TracebackData {
    const KIND: Kind = Kind::Traceback;
    const HAS_GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&PyRef)) {
        visit(&self.code);
        if let Some(b) = self.next.try_borrow() {
            if let Some(r) = b.as_ref() {
                visit(r);
            }
        }
    }
    fn clear(&self) {
        drop(self.next.take());
    }
}
