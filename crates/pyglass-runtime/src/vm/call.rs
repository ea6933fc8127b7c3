//! Calling (CPython `Objects/call.c`, `ceval.c`'s argument binding, `typeobject.c`'s
//! `type_call`): dispatch on the callable's kind, bind arguments to parameters with
//! CPython's error messages, create frames and generators.

use crate::object::{Kind, PyRef};
use crate::objects::dict::DictData;
use crate::objects::function::*;
use crate::objects::str::as_str;
use crate::objects::tuple::tuple_items;
use crate::objects::typeobject::{lookup_str, type_data};
use crate::vm::eval::ArgVec;
use crate::object::datastack::{FrameSlots, ValueStack};
use crate::vm::frame::{Frame, FrameExit, FrameRefs, FrameState};
use crate::vm::{Args, NativeFn, PyResult, Vm};
use pyglass_bytecode::code_flags;

impl Vm {
    /// Call with positional arguments.
    pub fn call(&self, callable: &PyRef, args: &[PyRef]) -> PyResult {
        self.call_vector(callable, args, &[])
    }

    /// `callable(a)` with `a` borrowed, as CPython's slot functions pass their operands:
    /// the callee's frame holds the only new reference, so `sys.getrefcount` inside a
    /// dunder method agrees with CPython's.
    pub fn call1(&self, callable: &PyRef, a: &PyRef) -> PyResult {
        self.call_vector(callable, std::slice::from_ref(a), &[])
    }

    /// `callable(a, b)` with both borrowed (see [`Vm::call1`]); a function is called
    /// without building an argument vector.
    pub fn call2(&self, callable: &PyRef, a: &PyRef, b: &PyRef) -> PyResult {
        if callable.is_kind(Kind::Function) {
            return self.call_function_self(callable, a, std::slice::from_ref(b), &[]);
        }
        self.call_vector(callable, &[a.clone(), b.clone()], &[])
    }

    /// Call with positional values followed by keyword values named by `kwnames`.
    pub fn call_vector(&self, callable: &PyRef, args: &[PyRef], kwnames: &[PyRef]) -> PyResult {
        match callable.kind() {
            Kind::Function => self.call_function(callable, args, kwnames),
            Kind::BuiltinFunction => {
                let bf = callable.downcast::<BuiltinFunctionData>().expect("kind checked");
                match &bf.self_ {
                    Some(s) => {
                        let mut v: ArgVec = ArgVec::with_capacity(args.len() + 1);
                        v.push(s.clone());
                        v.extend(args.iter().cloned());
                        self.call_native(bf.func, &v, kwnames)
                    }
                    None => {
                        if bf.name == "super" && args.is_empty() && bf.module == Some("builtins") {
                            return self.zero_arg_super();
                        }
                        self.call_native(bf.func, args, kwnames)
                    }
                }
            }
            Kind::MethodDescriptor => {
                let md = callable.downcast::<MethodDescrData>().expect("kind checked");
                if md.kind == MethodKind::Instance {
                    let n = args.len() - kwnames.len();
                    if n == 0 {
                        return Err(self.type_error(&format!("unbound method {}.{}() needs an argument", type_data(&md.owner).name(), md.name)));
                    }
                    if !crate::objects::typeobject::is_subtype(&args[0].class(), &md.owner) {
                        return Err(self.type_error(&format!(
                            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                            md.name,
                            type_data(&md.owner).name(),
                            self.type_name(&args[0])
                        )));
                    }
                }
                self.call_native(md.func, args, kwnames)
            }
            Kind::BoundMethod => {
                let bm = callable.downcast::<BoundMethodData>().expect("kind checked");
                if bm.func.is_kind(Kind::Function) {
                    return self.call_function_self(&bm.func, &bm.self_, args, kwnames);
                }
                let mut v: ArgVec = ArgVec::with_capacity(args.len() + 1);
                v.push(bm.self_.clone());
                v.extend(args.iter().cloned());
                self.call_vector(&bm.func, &v, kwnames)
            }
            Kind::Type => {
                // A metaclass may override __call__ (`class M(type): def __call__...`).
                let meta = callable.class();
                if !meta.is(&self.ctx.types.type_) && type_data(&meta).has_flag(crate::objects::typeobject::type_flags::HEAPTYPE) {
                    if let Some(c) = lookup_str(&meta, "__call__") {
                        if !c.is_kind(Kind::MethodDescriptor) {
                            let mut v: ArgVec = ArgVec::with_capacity(args.len() + 1);
                            v.push(callable.clone());
                            v.extend(args.iter().cloned());
                            return self.call_vector(&c, &v, kwnames);
                        }
                    }
                }
                self.type_call(callable, args, kwnames)
            }
            _ => {
                let t = callable.class();
                match lookup_str(&t, "__call__") {
                    Some(m) if m.is_kind(Kind::Function) => {
                        // CPython reaches `__call__` through `tp_call`, which packs the
                        // arguments into a tuple (keyword values into a dict) first, and
                        // with keywords unpacks them again into a new argument array,
                        // `self` included: inside `__call__`, `sys.getrefcount` shows one
                        // reference more per argument, two with keywords. The same
                        // copies are made here.
                        let packed = self.ctx.new_tuple(args.to_vec());
                        if kwnames.is_empty() {
                            return self.call_function_self(&m, callable, tuple_items(&packed), kwnames);
                        }
                        let mut v: ArgVec = ArgVec::with_capacity(args.len() + 1);
                        v.push(callable.clone());
                        v.extend(tuple_items(&packed).iter().cloned());
                        self.call_function(&m, &v, kwnames)
                    }
                    Some(m) => {
                        let mut v: ArgVec = ArgVec::with_capacity(args.len() + 1);
                        v.push(callable.clone());
                        v.extend(args.iter().cloned());
                        self.call_vector(&m, &v, kwnames)
                    }
                    None => Err(self.type_error(&format!("'{}' object is not callable", self.type_name(callable)))),
                }
            }
        }
    }

    /// CALL (positional arguments only) of a built-in method on an exact instance of its
    /// type, as `LOAD_METHOD` leaves it (`[descriptor, self, args...]`), or of a built-in
    /// function with at least one argument (`[function, NULL, args...]`): the native code
    /// is called on the stack's own slice, with no generic dispatch (CPython's
    /// `CALL_METHOD_DESCRIPTOR_*`, `CALL_BUILTIN_*`). `list.append` on an exact list and
    /// `len` of a built-in container are done here outright (`CALL_LIST_APPEND`,
    /// `CALL_LEN`). The callable, self or NULL and the arguments are popped. `None`: not
    /// that shape, nothing done. (Zero-argument built-ins such as `locals()` are left to
    /// the eval loop, which answers some of them from the frame.) `range(n)` and
    /// `range(a, b)` of ints are made here too.
    #[inline(always)]
    pub(crate) fn call_native_fast(&self, stack: &mut ValueStack<'_>, arg: usize) -> Option<PyResult> {
        let base = stack.len().checked_sub(arg + 2)?;
        let callable = &stack[base];
        let has_self = !stack[base + 1].is(&self.ctx.consts.null);
        let r = match callable.kind() {
            Kind::MethodDescriptor if has_self => {
                let md = callable.downcast::<MethodDescrData>()?;
                if md.kind != MethodKind::Instance || stack[base + 1].class_ptr() != md.owner.as_ptr() {
                    return None;
                }
                if md.inline == InlineMethod::ListAppend && arg == 1 {
                    let item = stack.pop()?;
                    stack[base + 1].downcast::<crate::objects::list::ListData>()?.append(item);
                    stack.truncate(base);
                    return Some(Ok(self.ctx.consts.none.clone_immortal()));
                }
                let f = md.func;
                self.call_native(f, &stack[base + 1..], &[])
            }
            Kind::BuiltinFunction if !has_self && arg >= 1 => {
                let bf = callable.downcast::<BuiltinFunctionData>()?;
                if bf.self_.is_some() {
                    return None;
                }
                if bf.inline == InlineBuiltin::Len && arg == 1 {
                    // A built-in container answers without running any code.
                    let x = &stack[base + 2];
                    if crate::vm::abstract_::type_is_static(x) {
                        if let Some(n) = crate::builtins::native::native_len(x) {
                            stack.truncate(base);
                            return Some(Ok(self.ctx.new_int(n as i64)));
                        }
                    }
                }
                let f = bf.func;
                self.call_native(f, &stack[base + 2..], &[])
            }
            // `range(stop)` and `range(start, stop)` of exact ints that fit a machine
            // word: what `range_new` makes, without the type call (CPython's
            // CALL_BUILTIN_CLASS; `range` cannot be subclassed, so `callable` is it).
            Kind::Type if !has_self && (arg == 1 || arg == 2) && callable.is(&self.ctx.types.range) => Ok(self.small_range(&stack[base + 2..])?),
            _ => return None,
        };
        stack.truncate(base);
        Some(r)
    }

    /// `range(stop)` or `range(start, stop)` of exact ints that fit a machine word;
    /// `None` for other arguments. Out of line: the eval loop's code is sensitive to what
    /// is inlined into it (inline, this cost binary_trees 2%).
    #[inline(never)]
    fn small_range(&self, args: &[PyRef]) -> Option<PyRef> {
        use crate::objects::int::{IntData, IntValue};
        let int_t = self.ctx.types.int.as_ptr();
        let small = |v: &PyRef| if v.class_ptr() == int_t { v.downcast::<IntData>()?.as_small() } else { None };
        let (start, stop) = match args {
            [stop] => (0, small(stop)?),
            [start, stop] => (small(start)?, small(stop)?),
            _ => return None,
        };
        let range = crate::objects::misc::RangeData { start: IntValue::Small(start), stop: IntValue::Small(stop), step: IntValue::Small(1) };
        Some(self.ctx.alloc(&self.ctx.types.range, range))
    }

    #[inline]
    fn call_native(&self, f: NativeFn, args: &[PyRef], kwnames: &[PyRef]) -> PyResult {
        let depth = self.depth.get();
        if depth >= self.ctx.recursion_limit.get() + 50 {
            return Err(self.new_error(&self.ctx.exc.recursion_error, "maximum recursion depth exceeded"));
        }
        self.depth.set(depth + 1);
        let r = f(self, Args::with_kw(args, kwnames));
        self.depth.set(depth);
        r
    }

    /// `f(*args, **kwargs)`.
    pub fn call_ex(&self, callable: &PyRef, self_arg: Option<PyRef>, args: &PyRef, kwargs: Option<&PyRef>) -> PyResult {
        let mut v: Vec<PyRef> = Vec::new();
        if let Some(s) = self_arg {
            v.push(s);
        }
        if args.is_kind(Kind::Tuple) {
            v.extend(tuple_items(args).iter().cloned());
        } else {
            // `f(*x)` passes x as is (CPython's check_args_iterable names the callable).
            if !args.is_kind(Kind::List) && lookup_str(&args.class(), "__iter__").is_none() && lookup_str(&args.class(), "__getitem__").is_none() {
                return Err(self.type_error(&format!("{} argument after * must be an iterable, not {}", self.function_str(callable), self.type_name(args))));
            }
            v.extend(self.iterate(args)?);
        }
        let mut names = Vec::new();
        if let Some(kw) = kwargs {
            if let Some(d) = kw.downcast::<DictData>() {
                for (k, val) in d.items() {
                    names.push(k);
                    v.push(val);
                }
            }
        }
        self.call_vector(callable, &v, &names)
    }

    /// The name used in call error messages: the function's `__qualname__`.
    pub fn func_display_name(&self, f: &PyRef) -> String {
        match f.kind() {
            Kind::Function => {
                let fd = f.downcast::<FunctionData>().expect("kind checked");
                let q = fd.qualname.borrow().clone();
                format!("{}()", as_str(&q).unwrap_or("?"))
            }
            Kind::BoundMethod => self.func_display_name(&f.downcast::<BoundMethodData>().expect("kind checked").func),
            Kind::BuiltinFunction => format!("{}()", f.downcast::<BuiltinFunctionData>().expect("kind checked").name),
            Kind::Type => format!("{}()", type_data(f).name()),
            _ => format!("{} object", self.type_name(f)),
        }
    }

    /// Fill a new frame's fast slots from the call's arguments: straight into the
    /// parameter slots when the call is positional only and fits (`fill_positional`),
    /// else through the full binding rules.
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    fn fill_args(&self, fast: &mut [Option<PyRef>], func: &PyRef, fd: &FunctionData, code: &CodeData, first: Option<&PyRef>, args: &[PyRef], kwnames: &[PyRef]) -> PyResult<()> {
        if kwnames.is_empty() && self.fill_positional(fast, fd, code, first, args) {
            return Ok(());
        }
        match first {
            Some(s) => {
                let mut v: ArgVec = ArgVec::with_capacity(args.len() + 1);
                v.push(s.clone());
                v.extend(args.iter().cloned());
                self.bind_args(func, fd, code, fast, &v, kwnames)
            }
            None => self.bind_args(func, fd, code, fast, args, kwnames),
        }
    }

    /// Positional arguments only (`first`, if given, then `args`), for functions without
    /// `*args`, `**kwargs` or keyword-only parameters: exactly the positional parameters,
    /// or fewer with the rest from the last defaults (CPython's `CALL_PY_EXACT_ARGS` and
    /// `CALL_PY_WITH_DEFAULTS` shapes). The slots are filled without the general binder.
    /// False (nothing written) for any other shape.
    #[inline(always)]
    fn fill_positional(&self, fast: &mut [Option<PyRef>], fd: &FunctionData, code: &CodeData, first: Option<&PyRef>, args: &[PyRef]) -> bool {
        let co = &code.code;
        let nargs = args.len() + first.is_some() as usize;
        if !co.takes_exact_positional(nargs) {
            // Fewer arguments than parameters: the same shape but for the count.
            let argcount = co.argcount as usize;
            if nargs >= argcount || !co.takes_exact_positional(argcount) {
                return false;
            }
            return self.fill_positional_with_defaults(fast, fd, first, args, argcount - nargs);
        }
        let mut slots = fast.iter_mut();
        if let Some(s) = first {
            if let Some(slot) = slots.next() {
                *slot = Some(s.clone());
            }
        }
        for (slot, v) in slots.zip(args) {
            *slot = Some(v.clone());
        }
        true
    }

    /// [`Vm::fill_positional`] when the last `missing` parameters take their defaults
    /// (out of line: the exact-count case is the common one).
    #[inline(never)]
    fn fill_positional_with_defaults(&self, fast: &mut [Option<PyRef>], fd: &FunctionData, first: Option<&PyRef>, args: &[PyRef], missing: usize) -> bool {
        let defaults = fd.defaults.borrow();
        let Some(d) = defaults.as_ref() else { return false };
        let d = tuple_items(d);
        if d.len() < missing {
            return false;
        }
        for (slot, v) in fast.iter_mut().zip(first.into_iter().chain(args).chain(&d[d.len() - missing..])) {
            *slot = Some(v.clone());
        }
        true
    }

    /// Call a Python function. The frame borrows the function's code, globals and
    /// builtins (the caller keeps `func` alive); only generators get an owning frame.
    pub fn call_function(&self, func: &PyRef, args: &[PyRef], kwnames: &[PyRef]) -> PyResult {
        self.call_function_impl(func, None, args, kwnames)
    }

    /// `func(self_, *args)` without building an argument vector first (`__init__` from
    /// `type_call`, CPython's method-call shape).
    pub fn call_function_self(&self, func: &PyRef, self_: &PyRef, args: &[PyRef], kwnames: &[PyRef]) -> PyResult {
        self.call_function_impl(func, Some(self_), args, kwnames)
    }

    #[inline(always)]
    fn call_function_impl(&self, func: &PyRef, first: Option<&PyRef>, args: &[PyRef], kwnames: &[PyRef]) -> PyResult {
        let fd = func.downcast::<FunctionData>().expect("kind checked");
        let code = fd.code_data();
        let co = &code.code;
        let n = co.nlocalsplus();
        if co.flags & code_flags::GENERATOR != 0 {
            // The frame outlives this call: it owns a heap region.
            let mut state = FrameState { slots: FrameSlots::new_heap(n, co.stacksize as usize), ip: 0 };
            self.fill_args(state.slots.fast_mut(), func, fd, code, first, args, kwnames)?;
            let frame = Frame { code: fd.code.clone(), func: Some(func.clone()), globals: fd.globals.clone(), builtins: fd.builtins.clone(), locals: None, state };
            return Ok(crate::objects::generator::new_generator(self, frame, fd));
        }
        let mut state = FrameState { slots: self.datastack.push(n, co.stacksize as usize), ip: 0 };
        self.fill_args(state.slots.fast_mut(), func, fd, code, first, args, kwnames)?;
        self.run_function_frame(func, fd, state)
    }

    /// Run a plain (not generator) function's frame whose arguments are bound; the frame
    /// borrows the function's code, globals and builtins.
    #[inline(always)]
    pub(crate) fn run_function_frame(&self, func: &PyRef, fd: &FunctionData, mut state: FrameState<'_>) -> PyResult {
        let refs = FrameRefs { code: &fd.code, func: Some(func), globals: &fd.globals, builtins: &fd.builtins, locals: None };
        let r = self.run_frame_parts(&refs, &mut state, None);
        state.slots.finish();
        match r? {
            FrameExit::Return(v) => Ok(v),
            FrameExit::Yield(_) => Err(self.bad_bytecode("yield in a non-generator")),
        }
    }

    /// Bind call arguments to the fast slots (CPython's `initialize_locals`).
    fn bind_args(&self, func: &PyRef, fd: &FunctionData, code: &CodeData, slots: &mut [Option<PyRef>], args: &[PyRef], kwnames: &[PyRef]) -> PyResult<()> {
        let co = &code.code;
        let argcount = co.argcount as usize;
        let posonly = co.posonlyargcount as usize;
        let kwonly = co.kwonlyargcount as usize;
        let has_varargs = co.flags & code_flags::VARARGS != 0;
        let has_varkw = co.flags & code_flags::VARKEYWORDS != 0;
        let npos = args.len() - kwnames.len();
        let name = || {
            let q = fd.qualname.borrow().clone();
            as_str(&q).unwrap_or("?").to_string()
        };
        let kwdict = if has_varkw {
            let d = self.ctx.new_dict();
            let idx = argcount + kwonly + has_varargs as usize;
            slots[idx] = Some(d.clone());
            Some(d)
        } else {
            None
        };
        // Positional parameters.
        for i in 0..npos.min(argcount) {
            slots[i] = Some(args[i].clone());
        }
        if has_varargs {
            let extra: Vec<PyRef> = if npos > argcount { args[argcount..npos].to_vec() } else { Vec::new() };
            slots[argcount + kwonly] = Some(self.ctx.new_tuple(extra));
        } else if npos > argcount {
            let defaults = fd.defaults.borrow().as_ref().map(|d| tuple_items(d).len()).unwrap_or(0);
            let kw_given = kwnames.iter().filter(|k| code.varnames[argcount..argcount + kwonly].iter().any(|v| str_eq(v, k))).count();
            let takes = if defaults > 0 { format!("from {} to {}", argcount - defaults, argcount) } else { argcount.to_string() };
            let plural = if argcount == 1 && defaults == 0 { "" } else { "s" };
            let given = if kw_given > 0 {
                format!("{} positional argument{} (and {} keyword-only argument{}) were given", npos, if npos == 1 { "" } else { "s" }, kw_given, if kw_given == 1 { "" } else { "s" })
            } else {
                format!("{} {} given", npos, if npos == 1 { "was" } else { "were" })
            };
            return Err(self.type_error(&format!("{}() takes {} positional argument{} but {}", name(), takes, plural, given)));
        }
        // Keyword arguments.
        let mut posonly_as_kw: Vec<String> = Vec::new();
        for (k, v) in kwnames.iter().zip(&args[npos..]) {
            let pos = code.varnames[..argcount + kwonly].iter().position(|p| str_eq(p, k));
            match pos {
                Some(i) if i >= posonly => {
                    if slots[i].is_some() {
                        return Err(self.type_error(&format!("{}() got multiple values for argument '{}'", name(), as_str(k).unwrap_or(""))));
                    }
                    slots[i] = Some(v.clone());
                }
                other => {
                    if let Some(d) = &kwdict {
                        d.downcast::<DictData>().expect("dict").set_item(self, k.clone(), v.clone())?;
                    } else if other.is_some() {
                        posonly_as_kw.push(as_str(k).unwrap_or("").to_string());
                    } else {
                        return Err(self.type_error(&format!("{}() got an unexpected keyword argument '{}'", name(), as_str(k).unwrap_or(""))));
                    }
                }
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(self.type_error(&format!(
                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                name(),
                posonly_as_kw.join(", ")
            )));
        }
        // Defaults for missing positional parameters.
        if npos < argcount {
            let defaults = fd.defaults.borrow().clone();
            let defs = defaults.as_ref().map(tuple_items).unwrap_or(&[]);
            let first_default = argcount - defs.len();
            let mut missing = Vec::new();
            for i in npos..argcount {
                if slots[i].is_none() {
                    if i >= first_default {
                        slots[i] = Some(defs[i - first_default].clone());
                    } else {
                        missing.push(co.localsplus_names[i].clone());
                    }
                }
            }
            if !missing.is_empty() {
                return Err(self.type_error(&format!("{}() missing {} required positional argument{}: {}", name(), missing.len(), if missing.len() == 1 { "" } else { "s" }, join_names(&missing))));
            }
        }
        // Keyword-only defaults.
        if kwonly > 0 {
            let kwdefaults = fd.kwdefaults.borrow().clone();
            let mut missing = Vec::new();
            for i in argcount..argcount + kwonly {
                if slots[i].is_none() {
                    let dv = kwdefaults.as_ref().and_then(|d| d.downcast::<DictData>()).and_then(|d| d.get_str_key(&code.varnames[i]));
                    match dv {
                        Some(v) => slots[i] = Some(v),
                        None => missing.push(co.localsplus_names[i].clone()),
                    }
                }
            }
            if !missing.is_empty() {
                return Err(self.type_error(&format!("{}() missing {} required keyword-only argument{}: {}", name(), missing.len(), if missing.len() == 1 { "" } else { "s" }, join_names(&missing))));
            }
        }
        let _ = func;
        Ok(())
    }

    pub fn new_function(&self, code: PyRef, globals: PyRef, builtins: PyRef) -> PyRef {
        let (name, qualname, doc) = match code.downcast::<CodeData>() {
            Some(c) => (c.name.clone(), c.qualname.clone(), c.code.docstring.as_ref().map(|d| self.ctx.new_str(d))),
            None => (self.ctx.intern("?"), self.ctx.intern("?"), None),
        };
        let module = globals.downcast::<DictData>().and_then(|g| g.get_str("__name__"));
        self.ctx.alloc(
            &self.ctx.types.function,
            FunctionData {
                code,
                globals,
                builtins,
                name: crate::sync::PyCell::new(name),
                qualname: crate::sync::PyCell::new(qualname),
                defaults: crate::sync::PyCell::new(None),
                kwdefaults: crate::sync::PyCell::new(None),
                closure: crate::sync::PyCell::new(None),
                annotations: crate::sync::PyCell::new(None),
                doc: crate::sync::PyCell::new(doc),
                module: crate::sync::PyCell::new(module),
                dict: crate::sync::PyCell::new(None),
            },
        )
    }

    pub fn new_builtin(&self, name: &'static str, func: NativeFn, module: Option<&'static str>) -> PyRef {
        let inline = if module == Some("builtins") && name == "len" { InlineBuiltin::Len } else { InlineBuiltin::None };
        self.ctx.alloc(&self.ctx.types.builtin_function, BuiltinFunctionData { name, func, self_: None, module, doc: None, inline })
    }

    pub fn new_builtin_bound(&self, name: &'static str, func: NativeFn, self_: PyRef) -> PyRef {
        self.ctx.alloc(&self.ctx.types.builtin_function, BuiltinFunctionData { name, func, self_: Some(self_), module: None, doc: None, inline: InlineBuiltin::None })
    }

    pub fn new_cell(&self, v: Option<PyRef>) -> PyRef {
        self.ctx.alloc(&self.ctx.types.cell, CellData(crate::sync::PyCell::new(v)))
    }

    /// `cls(*args, **kw)`: `__new__` then `__init__` (CPython's `type_call`).
    pub fn type_call(&self, cls: &PyRef, args: &[PyRef], kwnames: &[PyRef]) -> PyResult {
        let td = type_data(cls);
        if cls.is(&self.ctx.types.type_) && args.len() == 1 && kwnames.is_empty() {
            return Ok(args[0].class());
        }
        // Built-in types whose instances are made whole by `__new__` (their `__init__` is
        // object's, and they cannot change): `range(n)`, `int(s)`, `str(x)`, `tuple(it)`,
        // `float(x)` go straight to the constructor, with no `__new__`/`__init__` lookups
        // (CPython's CALL_BUILTIN_CLASS).
        let t = &self.ctx.types;
        if [&t.range, &t.int, &t.str, &t.tuple, &t.float].into_iter().any(|k| cls.is(k)) {
            if let Some(nf) = td.native_new.get() {
                return nf(self, cls, Args::with_kw(args, kwnames));
            }
        }
        // A plain class: allocate and enter its Python __init__ (CPython's
        // CALL_ALLOC_AND_ENTER_INIT). Seen before, not even __new__ is looked up.
        let cached = self.cached_init(td);
        let new = if cached.is_some() { None } else { lookup_str(cls, "__new__") };
        if let Some(init) = cached.or_else(|| self.plain_init(cls, td, new.as_ref())) {
            let obj = crate::objects::instance::alloc_instance(self, cls, crate::objects::misc::ObjectData);
            let r = self.call_function_self(&init, &obj, args, kwnames)?;
            if !r.is(&self.ctx.consts.none) {
                return Err(self.type_error(&format!("__init__() should return None, not '{}'", self.type_name(&r))));
            }
            return Ok(obj);
        }
        let obj = match new {
            Some(n) if n.is_kind(Kind::StaticMethod) || n.is_kind(Kind::Function) => {
                let f = if let Some(s) = n.downcast::<StaticMethodData>() { s.func.borrow().clone().unwrap_or(n.clone()) } else { n.clone() };
                let mut v: ArgVec = ArgVec::with_capacity(args.len() + 1);
                v.push(cls.clone());
                v.extend(args.iter().cloned());
                self.call_vector(&f, &v, kwnames)?
            }
            _ => {
                let native = td.native_new.get().or_else(|| crate::objects::instance::inherited_native_new(cls));
                match native {
                    Some(nf) => nf(self, cls, Args::with_kw(args, kwnames))?,
                    None => return Err(self.type_error(&format!("cannot create '{}' instances", td.name()))),
                }
            }
        };
        // __init__ runs only for instances of cls.
        if !crate::objects::typeobject::is_subtype(&obj.class(), cls) {
            return Ok(obj);
        }
        if let Some(init) = lookup_str(cls, "__init__") {
            if init.is_kind(Kind::Function) {
                // `self` borrowed, as CPython's `slot_tp_init` passes it.
                let r = self.call_function_self(&init, &obj, args, kwnames)?;
                if !r.is(&self.ctx.consts.none) {
                    return Err(self.type_error(&format!("__init__() should return None, not '{}'", self.type_name(&r))));
                }
            } else if let Some(md) = init.downcast::<MethodDescrData>() {
                if !md.owner.is(&self.ctx.types.object) {
                    let mut v: ArgVec = ArgVec::with_capacity(args.len() + 1);
                    v.push(obj.clone());
                    v.extend(args.iter().cloned());
                    self.call_vector(&init, &v, kwnames)?;
                } else if !args.is_empty() && crate::objects::instance::uses_object_new(cls) {
                    return Err(self.type_error(&format!("{}() takes no arguments", td.name())));
                }
            } else {
                let mut v: ArgVec = ArgVec::with_capacity(args.len() + 1);
                v.push(obj.clone());
                v.extend(args.iter().cloned());
                self.call_vector(&init, &v, kwnames)?;
            }
        }
        Ok(obj)
    }

    /// `__init__` of a plain class whose outcome `plain_init` remembered in
    /// `TypeData::init_cache`, if that is still valid.
    #[inline]
    pub(crate) fn cached_init(&self, td: &crate::objects::typeobject::TypeData) -> Option<PyRef> {
        let c = td.init_cache.get();
        if c.version != td.version.get() || c.epoch != self.ctx.type_epoch.get() || c.version == 0 {
            return None;
        }
        td.dict().value_at_if_version(c.pos, c.keys_version).filter(|i| i.is_kind(Kind::Function))
    }

    /// The common case of `cls(...)`, a plain class: `__new__` (`new`) is object's and
    /// `__init__` a Python function, which is returned (object.__new__'s argument checks
    /// pass by construction: the instance kind is object's and `__init__` is overridden);
    /// None for anything else.
    #[inline]
    fn plain_init(&self, cls: &PyRef, td: &crate::objects::typeobject::TypeData, new: Option<&PyRef>) -> Option<PyRef> {
        use crate::objects::instance::{inherited_native_new, object_new};
        if td.instance_kind != Kind::Object || !new?.downcast::<MethodDescrData>()?.owner.is(&self.ctx.types.object) {
            return None;
        }
        if inherited_native_new(cls)? as *const () != object_new as *const () {
            return None;
        }
        let init = lookup_str(cls, "__init__").filter(|i| i.is_kind(Kind::Function))?;
        // Remember the outcome when `__init__` is the type's own (the usual class).
        let hash = crate::objects::str::str_hash("__init__");
        if let (keys_version, Some((pos, own))) = td.dict().str_entry("__init__", hash, None) {
            if own.is(&init) && td.version.get() != 0 {
                td.init_cache.set(crate::objects::typeobject::InitCache { epoch: self.ctx.type_epoch.get(), version: td.version.get(), pos, keys_version });
            }
        }
        Some(init)
    }

    /// `super()` with no arguments: the innermost frame's `__class__` cell and first
    /// argument.
    fn zero_arg_super(&self) -> PyResult {
        let info = self.frames.with(|mut records| records.next().map(|r| (r.extra.class_cell.borrow().clone(), r.extra.first_arg.clone())));
        let Some((class_cell, first_arg)) = info else {
            return Err(self.new_error(&self.ctx.exc.runtime_error, "super(): no current frame"));
        };
        let cls = class_cell.as_ref().and_then(|c| c.downcast::<CellData>()).and_then(|c| c.0.borrow().clone());
        let Some(cls) = cls else {
            return Err(self.new_error(&self.ctx.exc.runtime_error, "super(): __class__ cell not found"));
        };
        let Some(mut obj) = first_arg else {
            return Err(self.new_error(&self.ctx.exc.runtime_error, "super(): no arguments"));
        };
        let inner = obj.downcast::<CellData>().map(|c| c.0.borrow().clone());
        if let Some(inner) = inner {
            match inner {
                Some(v) => obj = v,
                None => return Err(self.new_error(&self.ctx.exc.runtime_error, "super(): arg[0] deleted")),
            }
        }
        crate::objects::instance::new_super(self, cls, Some(obj))
    }
}

fn str_eq(a: &PyRef, b: &PyRef) -> bool {
    a.is(b) || matches!((as_str(a), as_str(b)), (Some(x), Some(y)) if x == y)
}

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'` as in CPython's messages.
fn join_names(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        _ => format!("{}, and {}", q[..q.len() - 1].join(", "), q[q.len() - 1]),
    }
}

