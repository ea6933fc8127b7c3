//! The virtual machine: interpreter state ([`Context`]), thread state ([`Vm`]), errors,
//! native calling convention, and the submodules that implement the abstract object
//! protocols, calls, the eval loop and exceptions.

pub mod abstract_;
pub mod attr_cache;
pub mod call;
pub mod context;
pub mod eval;
pub mod exceptions;
pub mod finalize;
pub mod frame;
pub mod gc;
pub mod import;
pub mod traceback;
pub mod tracemalloc;

use crate::object::PyRef;
pub use context::Context;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

/// A raised Python exception: a reference to the exception instance.
#[derive(Clone, Debug)]
pub struct PyErr(pub PyRef);

pub type PyResult<T = PyRef> = Result<T, PyErr>;

/// Arguments of a native call in the vectorcall shape: positional values followed by
/// keyword values, with `kwnames` naming the trailing `kwnames.len()` values.
#[derive(Clone, Copy)]
pub struct Args<'a> {
    pub items: &'a [PyRef],
    pub kwnames: &'a [PyRef],
}

impl<'a> Args<'a> {
    pub fn new(items: &'a [PyRef]) -> Args<'a> {
        Args { items, kwnames: &[] }
    }
    pub fn with_kw(items: &'a [PyRef], kwnames: &'a [PyRef]) -> Args<'a> {
        Args { items, kwnames }
    }
    /// Positional arguments.
    #[inline]
    pub fn pos(&self) -> &'a [PyRef] {
        &self.items[..self.items.len() - self.kwnames.len()]
    }
    /// Keyword arguments as (name, value) pairs.
    pub fn kw(&self) -> impl Iterator<Item = (&'a PyRef, &'a PyRef)> {
        let n = self.items.len() - self.kwnames.len();
        self.kwnames.iter().zip(&self.items[n..])
    }
    pub fn has_kw(&self) -> bool {
        !self.kwnames.is_empty()
    }
    /// The keyword argument `name`, if given.
    pub fn kwarg(&self, name: &str) -> Option<&'a PyRef> {
        self.kw().find(|(k, _)| crate::objects::str::as_str(k) == Some(name)).map(|(_, v)| v)
    }
    /// Positional arguments after dropping the first (self).
    pub fn rest(&self) -> Args<'a> {
        Args { items: &self.items[1..], kwnames: self.kwnames }
    }
}

/// A function implemented in Rust.
pub type NativeFn = fn(&Vm, Args<'_>) -> PyResult;

/// Handle to make running code raise KeyboardInterrupt (Ctrl-C).
#[derive(Clone)]
pub struct InterruptHandle(pub(crate) Arc<AtomicU32>);

impl InterruptHandle {
    pub fn interrupt(&self) {
        self.0.fetch_or(breaker::INTERRUPT, Ordering::SeqCst);
    }
}

/// Bits of `Vm::eval_breaker` (CPython's eval breaker): reasons for the eval loop to leave
/// its fast path at the next safe point.
pub mod breaker {
    /// Ctrl-C: raise KeyboardInterrupt.
    pub const INTERRUPT: u32 = 1;
    /// An allocation scheduled a collection.
    pub const GC: u32 = 2;
}

/// Per-thread interpreter state (CPython's `PyThreadState`). Methods take `&self`:
/// finalizers (`__del__`) and weakref callbacks re-enter the VM from deep inside
/// deallocation, so nothing here may be exclusively borrowed across a call.
pub struct Vm {
    pub ctx: Rc<Context>,
    /// Python call depth (frames of Python functions plus native re-entries).
    pub(crate) depth: Cell<u32>,
    /// Exceptions being handled (`sys.exception()`), innermost last.
    pub(crate) exc_stack: RefCell<Vec<Option<PyRef>>>,
    /// Set asynchronously (Ctrl-C); checked at backward jumps and calls.
    pub(crate) eval_breaker: Arc<AtomicU32>,
    /// Fast locals and value stacks of running calls (CPython's datastack), so plain
    /// calls allocate nothing.
    pub(crate) datastack: crate::object::datastack::DataStack,
    /// Code objects of the running frames with their current instruction (for `super()`
    /// and warnings); innermost last.
    pub(crate) frames: crate::object::frames::FrameRecords<frame::FrameInfo>,
    /// The innermost frame's instruction pointer: the index of the instruction after the
    /// one it is running (the eval loop's own `ip`, so publishing it costs nothing; the
    /// callers' are in `FrameInfo::caller_instr`).
    pub(crate) cur_instr: Cell<usize>,
    /// `tracemalloc`'s trace table and settings (see `vm/tracemalloc.rs`).
    pub(crate) tracemalloc: RefCell<tracemalloc::Tracer>,
}

/// Leaves one level of recursion when dropped (see [`Vm::enter_recursive`]).
pub struct RecursionGuard<'a> {
    vm: &'a Vm,
}

impl Drop for RecursionGuard<'_> {
    fn drop(&mut self) {
        self.vm.depth.set(self.vm.depth.get().saturating_sub(1));
    }
}

thread_local! {
    /// The VM running on this thread (CPython's `_PyThreadState_GET()`): finalizers invoked
    /// from deallocation find it here.
    static CURRENT_VM: Cell<*const Vm> = const { Cell::new(std::ptr::null()) };
}

impl Vm {
    pub fn new(ctx: Rc<Context>) -> Vm {
        Vm {
            ctx,
            depth: Cell::new(0),
            exc_stack: RefCell::new(Vec::new()),
            eval_breaker: Arc::new(AtomicU32::new(0)),
            datastack: crate::object::datastack::DataStack::new(),
            frames: Default::default(),
            cur_instr: Cell::new(0),
            tracemalloc: RefCell::new(tracemalloc::Tracer::default()),
        }
    }

    /// Run `f` with this VM installed as the thread's current VM.
    pub fn enter<R>(&self, f: impl FnOnce(&Vm) -> R) -> R {
        // An `Interpreter` installed its own allocator before creating its first object;
        // a bare `Vm` gets a per-thread one on first entry.
        crate::object::memory::ensure_thread_allocator();
        let prev = CURRENT_VM.with(|c| c.replace(self as *const Vm));
        let r = f(self);
        CURRENT_VM.with(|c| c.set(prev));
        r
    }

    /// Call `f` with the thread's current VM, if one is running.
    pub fn with_current<R>(f: impl FnOnce(&Vm) -> R) -> Option<R> {
        let p = CURRENT_VM.with(|c| c.get());
        if p.is_null() {
            return None;
        }
        // SAFETY: `enter` installs a pointer to a `Vm` that outlives the closure it runs and
        // restores the previous value afterwards, so a non-null pointer is live. `Vm` is
        // only used through shared references.
        Some(f(unsafe { &*p }))
    }

    /// CPython's `Py_EnterRecursiveCall`: count one level of native recursion (repr of
    /// nested containers, comparisons, hashing) against the recursion limit, so deep data
    /// raises RecursionError instead of exhausting the Rust stack.
    #[inline]
    pub fn enter_recursive(&self, where_: &str) -> PyResult<RecursionGuard<'_>> {
        let d = self.depth.get();
        if d >= self.ctx.recursion_limit.get() {
            return Err(self.new_error(&self.ctx.exc.recursion_error, &format!("maximum recursion depth exceeded{where_}")));
        }
        self.depth.set(d + 1);
        Ok(RecursionGuard { vm: self })
    }

    /// Drop every object reference the thread state holds (handled exceptions, frame
    /// records): the leak check's teardown.
    pub(crate) fn release_thread_state(&self) {
        // Taken out first: dropping an exception may run `__del__` code that reads the stack.
        let handled = std::mem::take(&mut *self.exc_stack.borrow_mut());
        drop(handled);
        // (Frame records live in the running frames' own Rust calls and hold their
        // references only while those run: nothing to release here.)
    }

    pub fn interrupt_handle(&self) -> InterruptHandle {
        InterruptHandle(self.eval_breaker.clone())
    }

    /// The exception currently being handled (`sys.exception()`).
    pub fn current_exception(&self) -> Option<PyRef> {
        self.exc_stack.borrow().iter().rev().flatten().next().cloned()
    }
}
