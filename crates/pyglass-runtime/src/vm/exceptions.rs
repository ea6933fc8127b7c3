//! The built-in exception hierarchy, raising helpers, chaining, and CPython-format
//! traceback printing (`Python/traceback.c`, `Lib/traceback.py`).

use crate::object::core::{alloc_object, vtable_of, AllocSpec};
use crate::object::{Kind, PyRef, VTable};
use crate::objects::dict::DictData;
use crate::objects::exception::{ExceptionData, TracebackData};
use crate::objects::function::CodeData;
use crate::objects::str::as_str;
use crate::objects::tuple::tuple_items;
use crate::objects::typeobject::{is_subtype, type_data, type_flags, TypeData};
use crate::sync::PyCell;
use crate::vm::context::Types;
use crate::vm::{PyErr, PyResult, Vm};
use std::cell::Cell;

/// (name, base) in definition order: CPython 3.13's hierarchy.
pub const HIERARCHY: &[(&str, &str)] = &[
    ("BaseException", "object"),
    ("BaseExceptionGroup", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("SystemExit", "BaseException"),
    ("Exception", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ExceptionGroup", "BaseExceptionGroup"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("PythonFinalizationError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("StopAsyncIteration", "Exception"),
    ("StopIteration", "Exception"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("UnicodeTranslateError", "UnicodeError"),
    ("Warning", "Exception"),
    ("BytesWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("EncodingWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("UserWarning", "Warning"),
];

macro_rules! exc_fields {
    ($($field:ident = $name:literal),* $(,)?) => {
        /// The built-in exception classes.
        pub struct ExcTypes {
            /// Every class by name, in hierarchy order.
            pub all: Vec<(&'static str, PyRef)>,
            $(pub $field: PyRef,)*
        }
        impl ExcTypes {
            pub fn new(types: &Types, new_type: &dyn Fn(&str, &'static VTable, &PyRef, u32) -> PyRef) -> ExcTypes {
                let mut all: Vec<(&'static str, PyRef)> = Vec::new();
                for (name, base) in HIERARCHY {
                    let base_t = if *base == "object" { types.object.clone() } else { all.iter().find(|(n, _)| n == base).map(|(_, t)| t.clone()).expect("base defined first") };
                    let t = new_type(name, vtable_of::<ExceptionData>(), &base_t, type_flags::BASETYPE | type_flags::MANAGED_DICT | type_flags::EXCEPTION);
                    all.push((name, t));
                }
                let get = |n: &str| all.iter().find(|(x, _)| *x == n).map(|(_, t)| t.clone()).expect("known exception");
                ExcTypes { $($field: get($name),)* all: all.clone() }
            }
            pub fn get(&self, name: &str) -> Option<PyRef> {
                self.all.iter().find(|(n, _)| *n == name).map(|(_, t)| t.clone())
            }
        }
    };
}

exc_fields!(
    base_exception = "BaseException",
    exception = "Exception",
    generator_exit = "GeneratorExit",
    keyboard_interrupt = "KeyboardInterrupt",
    system_exit = "SystemExit",
    arithmetic_error = "ArithmeticError",
    overflow_error = "OverflowError",
    zero_division_error = "ZeroDivisionError",
    assertion_error = "AssertionError",
    attribute_error = "AttributeError",
    eof_error = "EOFError",
    import_error = "ImportError",
    module_not_found_error = "ModuleNotFoundError",
    lookup_error = "LookupError",
    index_error = "IndexError",
    key_error = "KeyError",
    memory_error = "MemoryError",
    name_error = "NameError",
    unbound_local_error = "UnboundLocalError",
    os_error = "OSError",
    file_not_found_error = "FileNotFoundError",
    file_exists_error = "FileExistsError",
    is_a_directory_error = "IsADirectoryError",
    permission_error = "PermissionError",
    runtime_error = "RuntimeError",
    not_implemented_error = "NotImplementedError",
    recursion_error = "RecursionError",
    stop_iteration = "StopIteration",
    syntax_error = "SyntaxError",
    indentation_error = "IndentationError",
    tab_error = "TabError",
    system_error = "SystemError",
    type_error = "TypeError",
    value_error = "ValueError",
    unicode_decode_error = "UnicodeDecodeError",
    unicode_encode_error = "UnicodeEncodeError",
    reference_error = "ReferenceError",
    warning = "Warning",
    deprecation_warning = "DeprecationWarning",
    runtime_warning = "RuntimeWarning",
    user_warning = "UserWarning",
);


impl Vm {
    /// A new exception instance of class `typ` with `args`.
    pub fn new_exception(&self, typ: &PyRef, args: Vec<PyRef>) -> PyRef {
        let td = type_data(typ);
        let heap = td.has_flag(type_flags::HEAPTYPE);
        let args = self.ctx.new_tuple(args);
        alloc_object(
            AllocSpec { typ, managed_dict: true, owns_type: heap },
            ExceptionData {
                args: PyCell::new(args),
                traceback: PyCell::new(None),
                cause: PyCell::new(None),
                context: PyCell::new(None),
                suppress_context: Cell::new(false),
                notes: PyCell::new(None),
                suggest_ctx: PyCell::new(None),
            },
            td.nslots.get(),
        )
        .unwrap_or_else(|| crate::vm::context::oom())
    }

    /// An exception of class `typ` with one str argument (none if `msg` is empty for
    /// KeyboardInterrupt-like errors).
    pub fn new_error(&self, typ: &PyRef, msg: &str) -> PyErr {
        let args = if msg.is_empty() && (typ.is(&self.ctx.exc.keyboard_interrupt)) { vec![] } else { vec![self.ctx.new_str(msg)] };
        PyErr(self.new_exception(typ, args))
    }

    pub fn set_exc_attr(&self, e: &PyRef, name: &str, v: PyRef) {
        if let Some(slot) = e.managed_dict_slot() {
            let d = slot.take().unwrap_or_else(|| self.ctx.new_dict());
            if let Some(dd) = d.downcast::<DictData>() {
                dd.set_str_key(self.ctx.intern(name), v);
            }
            slot.set(Some(d));
        }
    }

    pub fn exc_attr(&self, e: &PyRef, name: &str) -> Option<PyRef> {
        let slot = e.managed_dict_slot()?;
        let d = slot.take();
        let r = d.as_ref().and_then(|d| d.downcast::<DictData>()).and_then(|d| d.get_str(name));
        slot.set(d);
        r
    }

    pub fn exc_data<'a>(&self, e: &'a PyRef) -> Option<&'a ExceptionData> {
        e.downcast::<ExceptionData>()
    }

    /// Prepend a traceback entry for a frame running `code` at `lasti`.
    /// `first_local` is the frame's first fast local (`self` in a method), for the
    /// "Did you mean: 'self.x'" suggestion.
    pub(crate) fn add_traceback(&self, err: &PyErr, code: &PyRef, lasti: u32, lineno: u32, first_local: Option<&PyRef>) {
        if let Some(ed) = err.0.downcast::<ExceptionData>() {
            let next = ed.traceback.take();
            if next.is_none() {
                self.record_suggestion_context(&err.0, ed, code, first_local);
            }
            let tb = self.ctx.alloc(&self.ctx.types.traceback, TracebackData { next: PyCell::new(next), code: code.clone(), lasti, lineno });
            *ed.traceback.borrow_mut() = Some(tb);
        }
    }

    /// Remember the raising frame of a NameError/AttributeError (its innermost traceback
    /// frame) for the "Did you mean" suggestions printed with the traceback.
    #[cold]
    fn record_suggestion_context(&self, exc: &PyRef, ed: &ExceptionData, code: &PyRef, first_local: Option<&PyRef>) {
        let t = exc.class();
        if !(is_subtype(&t, &self.ctx.exc.name_error) || is_subtype(&t, &self.ctx.exc.attribute_error)) {
            return;
        }
        let parts = self.frames.with(|mut records| records.next().filter(|f| f.code().is(code)).map(|f| (f.code().clone(), f.globals().clone())));
        let Some((code, globals)) = parts else { return };
        let self_arg = first_local.cloned().unwrap_or_else(|| self.ctx.none());
        let ctx = self.ctx.new_tuple(vec![code, globals, self_arg]);
        *ed.suggest_ctx.borrow_mut() = Some(ctx);
    }

    /// Implicit chaining: a new exception raised while handling another gets it as
    /// `__context__` (avoiding cycles, as CPython's `_PyErr_SetObject`).
    pub(crate) fn set_context(&self, err: &PyErr) {
        let Some(handling) = self.current_exception() else { return };
        if handling.is(&err.0) {
            return;
        }
        let Some(ed) = err.0.downcast::<ExceptionData>() else { return };
        if ed.context.borrow().is_some() {
            return;
        }
        // Break a cycle: if err appears in handling's context chain, cut it there.
        let mut o = handling.clone();
        loop {
            let next = o.downcast::<ExceptionData>().and_then(|d| d.context.borrow().clone());
            match next {
                Some(n) if n.is(&err.0) => {
                    if let Some(d) = o.downcast::<ExceptionData>() {
                        *d.context.borrow_mut() = None;
                    }
                    break;
                }
                Some(n) => o = n,
                None => break,
            }
        }
        *ed.context.borrow_mut() = Some(handling);
    }

    /// `raise exc [from cause]`: instantiate classes, validate, set the cause.
    pub(crate) fn make_raise(&self, exc: PyRef, cause: Option<PyRef>) -> PyResult<PyErr> {
        let exc = self.exception_instance(&exc, "exceptions must derive from BaseException")?;
        if let Some(c) = cause {
            let cause_v = if c.is(&self.ctx.consts.none) { None } else { Some(self.exception_instance(&c, "exception causes must derive from BaseException")?) };
            if let Some(ed) = exc.downcast::<ExceptionData>() {
                *ed.cause.borrow_mut() = cause_v;
                ed.suppress_context.set(true);
            }
        }
        Ok(PyErr(exc))
    }

    fn exception_instance(&self, v: &PyRef, msg: &str) -> PyResult {
        if let Some(td) = v.downcast::<TypeData>() {
            if td.has_flag(type_flags::EXCEPTION) {
                let inst = self.call(v, &[])?;
                if !inst.is_kind(Kind::Exception) {
                    return Err(self.type_error(&format!("calling {} should have returned an instance of BaseException, not {}", td.name(), self.type_name(&inst))));
                }
                return Ok(inst);
            }
            return Err(self.type_error(msg));
        }
        if v.is_kind(Kind::Exception) {
            return Ok(v.clone());
        }
        Err(self.type_error(msg))
    }

    /// `except typ:` matching.
    pub(crate) fn exception_matches(&self, exc: &PyRef, typ: &PyRef) -> PyResult<bool> {
        let check = |t: &PyRef| -> PyResult<bool> {
            match t.downcast::<TypeData>() {
                Some(td) if td.has_flag(type_flags::EXCEPTION) => Ok(crate::objects::typeobject::is_subtype(&exc.class(), t)),
                _ => Err(self.type_error("catching classes that do not inherit from BaseException is not allowed")),
            }
        };
        if typ.is_kind(Kind::Tuple) {
            let mut any = false;
            for t in tuple_items(typ) {
                if check(t)? {
                    any = true;
                }
            }
            return Ok(any);
        }
        check(typ)
    }

    pub fn exception_traceback(&self, exc: &PyRef) -> Option<PyRef> {
        exc.downcast::<ExceptionData>().and_then(|d| d.traceback.borrow().clone())
    }

    /// BEFORE_WITH: `(mgr.__exit__ bound, mgr.__enter__())`.
    pub(crate) fn before_with(&self, mgr: &PyRef) -> PyResult<(PyRef, PyRef)> {
        let t = mgr.class();
        let enter = crate::objects::typeobject::lookup_str(&t, "__enter__");
        let exit = crate::objects::typeobject::lookup_str(&t, "__exit__");
        let (Some(enter), Some(exit)) = (enter, exit) else {
            let missing = if crate::objects::typeobject::lookup_str(&t, "__enter__").is_none() { "" } else { " (missed __exit__ method)" };
            return Err(self.type_error(&format!("'{}' object does not support the context manager protocol{}", self.type_name(mgr), missing)));
        };
        let exit_bound = self.descr_get(&exit, Some(mgr), &t)?;
        let enter_bound = self.descr_get(&enter, Some(mgr), &t)?;
        let entered = self.call(&enter_bound, &[])?;
        Ok((exit_bound, entered))
    }

    /// `str(exc)` as the traceback's last line shows it.
    pub fn exception_str(&self, exc: &PyRef) -> String {
        match self.str_string(exc) {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".into(),
        }
    }

    /// The text of a full traceback report for `exc`, including chained exceptions, as
    /// CPython's default excepthook prints it.
    pub fn format_exception(&self, exc: &PyRef) -> String {
        let mut out = String::new();
        let mut seen: Vec<usize> = Vec::new();
        self.format_chain(exc, &mut out, &mut seen);
        out
    }

    fn format_chain(&self, exc: &PyRef, out: &mut String, seen: &mut Vec<usize>) {
        seen.push(exc.addr());
        if let Some(ed) = exc.downcast::<ExceptionData>() {
            let cause = ed.cause.borrow().clone();
            let context = ed.context.borrow().clone();
            if let Some(c) = cause {
                if !seen.contains(&c.addr()) {
                    self.format_chain(&c, out, seen);
                    out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
                }
            } else if let Some(c) = context {
                if !ed.suppress_context.get() && !seen.contains(&c.addr()) {
                    self.format_chain(&c, out, seen);
                    out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
                }
            }
        }
        self.format_single(exc, out);
    }

    fn format_single(&self, exc: &PyRef, out: &mut String) {
        if let Some(tb) = self.exception_traceback(exc) {
            out.push_str("Traceback (most recent call last):\n");
            crate::vm::traceback::format_tb(self, &tb, out);
        }
        let t = exc.class();
        let td = type_data(&t);
        let mut name = td.name();
        let module = td.dict().get_str("__module__").and_then(|m| as_str(&m).map(|s| s.to_string()));
        if let Some(m) = module {
            if m != "builtins" && m != "__main__" {
                name = format!("{m}.{name}");
            }
        }
        if crate::objects::typeobject::is_subtype(&t, &self.ctx.exc.syntax_error) {
            crate::vm::traceback::format_syntax_error_body(self, exc, out);
        }
        let is_syntax = crate::objects::typeobject::is_subtype(&t, &self.ctx.exc.syntax_error);
        let mut msg = match self.exc_attr(exc, "msg").filter(|m| is_syntax && !m.is(&self.ctx.consts.none)) {
            // The SyntaxError block shows the location above; the last line is just `msg`.
            Some(m) => self.str_string(&m).unwrap_or_default(),
            None => self.exception_str(exc),
        };
        msg.push_str(&crate::vm::traceback::suggestion_suffix(self, exc));
        if msg.is_empty() {
            out.push_str(&name);
        } else {
            out.push_str(&name);
            out.push_str(": ");
            out.push_str(&msg);
        }
        out.push('\n');
        // `__notes__` lives in the exception's __dict__ (CPython's traceback module reads it
        // with getattr): a sequence of notes, each split into lines.
        if let Some(notes) = self.getattr_opt(exc, "__notes__").ok().flatten().filter(|n| !n.is(&self.ctx.consts.none)) {
            if matches!(notes.kind(), Kind::List | Kind::Tuple) {
                for n in self.iterate(&notes).unwrap_or_default() {
                    let text = self.str_string(&n).unwrap_or_else(|_| "<note str() failed>".into());
                    for line in text.split('\n') {
                        out.push_str(line);
                        out.push('\n');
                    }
                }
            } else {
                out.push_str(&self.repr_string(&notes).unwrap_or_else(|_| "<__notes__ repr() failed>".into()));
                out.push('\n');
            }
        }
    }

    /// Print an uncaught exception to stderr (flushing stdout first).
    pub fn print_exception(&self, exc: &PyRef) {
        let text = self.format_exception(exc);
        self.ctx.stdout.borrow_mut().flush();
        use std::io::Write;
        let mut err = std::io::stderr().lock();
        let _ = err.write_all(text.as_bytes());
        let _ = err.flush();
    }

    /// The code object's filename (for tracebacks).
    pub fn code_filename(code: &PyRef) -> String {
        code.downcast::<CodeData>().map(|c| c.code.filename.clone()).unwrap_or_default()
    }
}
