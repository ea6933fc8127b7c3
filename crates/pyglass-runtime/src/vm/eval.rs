//! The eval loop (CPython `Python/ceval.c` + `bytecodes.c`): runs one frame until it
//! returns, yields or raises. Python-to-Python calls recurse through [`Vm::run_frame`]; the
//! recursion limit (`sys.getrecursionlimit()`) is enforced on entry, and the CLI runs the
//! interpreter on a thread whose stack comfortably holds that many Rust frames.

use crate::object::datastack::ValueStack;
use crate::object::PyRef;
use crate::objects::dict::DictData;
use crate::objects::function::{CellData, CodeData, FunctionData};
use crate::objects::int::IntData;
use crate::vm::frame::{Frame, FrameExit, FrameInfo, FrameRefs, FrameState};
use crate::vm::{PyErr, PyResult, Vm};
use pyglass_bytecode::{BinaryOp, CompareOp, Opcode};
use smallvec::SmallVec;
use std::sync::atomic::Ordering;

/// How an instruction's failure is treated.
enum Unwind {
    /// A new exception: add a traceback entry for this frame and set `__context__`.
    Raise(PyErr),
    /// A re-raise (bare `raise`, RERAISE): the traceback is kept as it is.
    Reraise(PyErr),
}

impl From<PyErr> for Unwind {
    fn from(e: PyErr) -> Unwind {
        Unwind::Raise(e)
    }
}

macro_rules! pop {
    ($f:expr, $vm:expr) => {
        match $f.pop() {
            Some(v) => v,
            None => return Err(Unwind::Raise($vm.bad_bytecode("stack underflow"))),
        }
    };
}

/// Pop a value that may be the NULL marker; `None` for NULL.
macro_rules! pop_opt {
    ($f:expr, $vm:expr) => {
        match $f.pop() {
            Some(v) if v.is(&$vm.ctx.consts.null) => None,
            Some(v) => Some(v),
            None => return Err(Unwind::Raise($vm.bad_bytecode("stack underflow"))),
        }
    };
}

/// The second instruction of a quickened pair, whose first one is being run (the
/// instruction pointer is at the second): moves the pointer past the pair, which makes
/// the second instruction the one running, so that errors from here on are reported there.
macro_rules! second {
    ($instrs:expr, $vm:expr) => {{
        let at = $vm.cur_instr.get();
        match $instrs.get(at) {
            Some(&second) => {
                $vm.cur_instr.set(at + 1);
                second
            }
            None => return Err(Unwind::Raise($vm.bad_bytecode("quickened pair at the end of the code"))),
        }
    }};
}

/// The value in fast slot `i`, borrowed; UnboundLocalError when it is empty.
macro_rules! local {
    ($fast:expr, $i:expr, $code:expr, $vm:expr) => {
        match &$fast[$i] {
            Some(v) => v,
            None => return Err($vm.unbound_local($code, $i).into()),
        }
    };
}

macro_rules! top {
    ($f:expr, $vm:expr) => {
        match $f.last() {
            Some(v) => v,
            None => return Err(Unwind::Raise($vm.bad_bytecode("empty stack"))),
        }
    };
}

impl Vm {
    /// Run `frame` until it returns or yields.
    pub fn run_frame(&self, frame: &mut Frame) -> PyResult<FrameExit> {
        self.run_frame_with(frame, None)
    }

    /// Run `frame`, first raising `throw` at its current instruction if given
    /// (`generator.throw`).
    pub fn run_frame_with(&self, frame: &mut Frame, throw: Option<PyErr>) -> PyResult<FrameExit> {
        let (refs, state) = frame.split();
        self.run_frame_parts(&refs, state, throw)
    }

    /// Run a frame given as borrowed references plus its changing state.
    pub(crate) fn run_frame_parts(&self, r: &FrameRefs<'_>, f: &mut FrameState<'_>, throw: Option<PyErr>) -> PyResult<FrameExit> {
        let depth = self.depth.get();
        if depth >= self.ctx.recursion_limit.get() {
            return Err(self.new_error(&self.ctx.exc.recursion_error, "maximum recursion depth exceeded"));
        }
        self.depth.set(depth + 1);
        let code = r.code.downcast::<CodeData>().expect("frame code");
        // Only methods that use zero-argument super() need their first argument and
        // `__class__` cell recorded.
        let (first_arg, class_cell) = match code.class_cell_slot {
            Some(i) => (f.slots.fast().first().cloned().flatten(), f.slots.fast().get(i).cloned().flatten()),
            None => (None, None),
        };
        let caller_instr = self.cur_instr.replace(f.ip);
        let info = FrameInfo { first_arg, class_cell: std::cell::RefCell::new(class_cell), caller_instr };
        // The loop is inlined into this function: one function entry per call, not two.
        let res = self.frames.run(r.code, r.globals, info, #[inline(always)] || {
            let mut pending = throw.map(Unwind::Raise);
            loop {
                let step = match pending.take() {
                    Some(u) => Err(u),
                    None => self.execute(r, f, code),
                };
                match step {
                    Ok(exit) => break Ok(exit),
                    Err(unwind) => {
                        let (err, new) = match unwind {
                            Unwind::Raise(e) => (e, true),
                            Unwind::Reraise(e) => (e, false),
                        };
                        // The instruction that raised (or where `throw` lands): the one
                        // before the next.
                        let lasti = f.ip.saturating_sub(1);
                        if new {
                            self.add_traceback(&err, r.code, lasti as u32, code.code.location(lasti).line, f.slots.fast().first().and_then(|v| v.as_ref()));
                            self.set_context(&err);
                        }
                        match code.code.handler_for(lasti as u32) {
                            Some(h) => {
                                let mut stack = f.slots.stack();
                                stack.truncate(h.depth as usize);
                                if h.lasti {
                                    stack.push(self.ctx.new_int(lasti as i64));
                                }
                                stack.push(err.0);
                                f.ip = h.target as usize;
                            }
                            None => break Err(err),
                        }
                    }
                }
            }
        });
        self.cur_instr.set(caller_instr);
        self.depth.set(depth);
        res
    }

    /// Mark the current `super()` information for the innermost frame (class cell updates).
    fn refresh_class_cell(&self, fast: &[Option<PyRef>], code: &CodeData) {
        let Some(i) = code.class_cell_slot else { return };
        self.frames.with(|mut records| {
            if let Some(info) = records.next() {
                let mut cell = info.extra.class_cell.borrow_mut();
                if cell.is_none() {
                    *cell = fast.get(i).cloned().flatten();
                }
            }
        });
    }

    /// Run instructions from `f.ip`; on return `f.ip` is the instruction after the one
    /// that returned, yielded or raised.
    #[inline(always)]
    fn execute(&self, r: &FrameRefs<'_>, f: &mut FrameState<'_>, code: &CodeData) -> Result<FrameExit, Unwind> {
        // The stack lives in a local while the loop runs, so the compiler can keep it in
        // registers; the instruction pointer lives in `Vm::cur_instr`. Both go back to
        // the frame on exit.
        self.cur_instr.set(f.ip);
        let (fast, mut stack) = f.slots.split();
        let res = self.execute_inner(r, fast, &mut stack, code);
        f.ip = self.cur_instr.get();
        res
    }

    /// The loop proper. The instruction pointer is `Vm::cur_instr` itself (CPython's
    /// `frame->instr_ptr`, which tracemalloc reads): the index of the *next* instruction,
    /// so one load and one store per dispatch both run the loop and publish where it is.
    #[inline(always)]
    fn execute_inner(&self, r: &FrameRefs<'_>, fast: &mut [Option<PyRef>], stack: &mut ValueStack<'_>, code: &CodeData) -> Result<FrameExit, Unwind> {
        let instrs = &code.instrs[..];
        loop {
            let ip = self.cur_instr.get();
            let Some(&ins) = instrs.get(ip) else {
                return Err(Unwind::Raise(self.bad_bytecode("ran off the end of the code")));
            };
            self.cur_instr.set(ip + 1);
            let arg = ins.arg() as usize;
            match ins.op() {
                Opcode::NOP => {}
                Opcode::POP_TOP => {
                    drop(stack.pop());
                }
                Opcode::PUSH_NULL => stack.push(self.ctx.consts.null.clone_immortal()),
                Opcode::COPY => {
                    let n = stack.len();
                    match stack.get(n.wrapping_sub(arg)) {
                        Some(v) => {
                            let v = v.clone();
                            stack.push(v);
                        }
                        None => return Err(Unwind::Raise(self.bad_bytecode("COPY out of range"))),
                    }
                }
                Opcode::SWAP => {
                    let n = stack.len();
                    if arg > n || arg == 0 {
                        return Err(Unwind::Raise(self.bad_bytecode("SWAP out of range")));
                    }
                    stack.swap(n - 1, n - arg);
                }
                Opcode::LOAD_CONST => {
                    stack.push(code.consts[arg].clone());
                }
                Opcode::LOAD_FAST => {
                    let v = local!(fast, arg, code, self).clone();
                    stack.push(v);
                }
                Opcode::STORE_FAST => {
                    let v = pop!(stack, self);
                    let old = fast[arg].replace(v);
                    drop(old);
                }
                Opcode::DELETE_FAST => {
                    if fast[arg].is_none() {
                        return Err(self.unbound_local(code, arg).into());
                    }
                    let old = fast[arg].take();
                    drop(old);
                }
                Opcode::MAKE_CELL => {
                    let v = fast[arg].take();
                    fast[arg] = Some(self.new_cell(v));
                    self.refresh_class_cell(fast, code);
                }
                Opcode::COPY_FREE_VARS => {
                    let closure = r.func.as_ref().and_then(|func| func.downcast::<FunctionData>()).and_then(|fd| fd.closure.borrow().clone());
                    if let Some(cl) = closure {
                        let cells = crate::objects::tuple::tuple_items(&cl);
                        let start = code.free_start;
                        for (i, c) in cells.iter().enumerate().take(arg) {
                            fast[start + i] = Some(c.clone());
                        }
                    }
                    self.refresh_class_cell(fast, code);
                }
                Opcode::LOAD_DEREF => {
                    let v = self.cell_get(fast, code, arg)?;
                    stack.push(v);
                }
                Opcode::STORE_DEREF => {
                    let v = pop!(stack, self);
                    self.cell_set(fast, arg, Some(v));
                }
                Opcode::DELETE_DEREF => {
                    self.cell_get(fast, code, arg)?;
                    self.cell_set(fast, arg, None);
                }
                Opcode::LOAD_CLOSURE => match &fast[arg] {
                    Some(v) => {
                        let v = v.clone();
                        stack.push(v);
                    }
                    None => return Err(Unwind::Raise(self.bad_bytecode("LOAD_CLOSURE of an empty slot"))),
                },
                Opcode::LOAD_FROM_DICT_OR_DEREF => {
                    let mapping = pop!(stack, self);
                    let name = &code.varnames[arg];
                    match self.mapping_get(&mapping, name)? {
                        Some(v) => stack.push(v),
                        None => {
                            let v = self.cell_get(fast, code, arg)?;
                            stack.push(v);
                        }
                    }
                }
                Opcode::LOAD_LOCALS => match r.locals {
                    Some(l) => {
                        let l = l.clone();
                        stack.push(l);
                    }
                    None => return Err(self.new_error(&self.ctx.exc.system_error, "no locals found").into()),
                },
                Opcode::LOAD_GLOBAL => {
                    let v = self.load_global_cached(r, code, arg)?;
                    stack.push(v);
                }
                Opcode::STORE_GLOBAL => {
                    let v = pop!(stack, self);
                    dict_of(&r.globals).set_str_key(code.names[arg].clone(), v);
                }
                Opcode::DELETE_GLOBAL => {
                    let name = &code.names[arg];
                    if dict_of(&r.globals).del_str_key(name).is_none() {
                        return Err(self.name_error(name).into());
                    }
                }
                Opcode::LOAD_NAME => {
                    let name = &code.names[arg];
                    let v = match r.locals {
                        Some(l) => self.mapping_get(l, name)?,
                        None => None,
                    };
                    let v = match v {
                        Some(v) => v,
                        None => self.load_global(r, name)?,
                    };
                    stack.push(v);
                }
                Opcode::STORE_NAME => {
                    let v = pop!(stack, self);
                    let name = code.names[arg].clone();
                    match r.locals {
                        Some(l) => self.mapping_set(l, name, v)?,
                        None => dict_of(&r.globals).set_str_key(name, v),
                    }
                }
                Opcode::DELETE_NAME => {
                    let name = &code.names[arg];
                    let target = r.locals.cloned().unwrap_or_else(|| r.globals.clone());
                    if !self.mapping_del(&target, name)? {
                        return Err(self.name_error(name).into());
                    }
                }
                Opcode::LOAD_FAST_ATTR => {
                    // `LOAD_FAST arg; LOAD_ATTR name` with the receiver borrowed from its slot.
                    let obj = local!(fast, arg, code, self);
                    let name = second!(instrs, self).arg() as usize;
                    let v = self.load_attr_cached_local(obj, code, name)?;
                    stack.push(v);
                }
                Opcode::LOAD_FAST_CONST_OP_STORE => self.fast_const_op_store(fast, code, arg)?,
                Opcode::LOAD_FAST_ATTR_STORE_FAST => {
                    let obj = local!(fast, arg, code, self);
                    let name = second!(instrs, self).arg() as usize;
                    let v = self.load_attr_cached_local(obj, code, name)?;
                    let y = second!(instrs, self).arg() as usize;
                    drop(fast[y].replace(v));
                }
                Opcode::LOAD_FAST_STORE_ATTR => {
                    let obj = local!(fast, arg, code, self);
                    let name = second!(instrs, self).arg() as usize;
                    let v = pop!(stack, self);
                    self.store_attr_cached(obj, code, name, v)?;
                }
                Opcode::LOAD_FAST_LOAD_FAST => {
                    let a = local!(fast, arg, code, self).clone();
                    let i = second!(instrs, self).arg() as usize;
                    let b = local!(fast, i, code, self).clone();
                    stack.push(a);
                    stack.push(b);
                }
                Opcode::LOAD_FAST_LOAD_CONST => {
                    let a = local!(fast, arg, code, self).clone();
                    let c = second!(instrs, self).arg() as usize;
                    stack.push(a);
                    stack.push(code.consts[c].clone());
                }
                Opcode::STORE_FAST_LOAD_FAST => {
                    let v = pop!(stack, self);
                    drop(fast[arg].replace(v));
                    let i = second!(instrs, self).arg() as usize;
                    let b = local!(fast, i, code, self).clone();
                    stack.push(b);
                }
                Opcode::LOAD_GLOBAL_NULL => {
                    let v = self.load_global_cached(r, code, arg)?;
                    stack.push(v);
                    second!(instrs, self);
                    stack.push(self.ctx.consts.null.clone_immortal());
                }
                Opcode::COMPARE_OP_JUMP => {
                    let b = pop!(stack, self);
                    let a = pop!(stack, self);
                    let op = CompareOp::from_arg(arg as u32).unwrap_or(CompareOp::Eq);
                    // Ok: a number comparison's outcome; Err: the result object to test.
                    let outcome = match self.compare_number_fast(&a, &b, op) {
                        Some(t) => Ok(t),
                        None => Err(self.rich_compare(&a, &b, op)?),
                    };
                    drop((a, b));
                    // The jump's half: from here on errors (a failing `__bool__`) are its.
                    let jump = second!(instrs, self);
                    let truth = match outcome {
                        Ok(t) => t,
                        Err(r) => self.truthy_fast(&r)?,
                    };
                    if truth == (jump.op() == Opcode::POP_JUMP_IF_TRUE) {
                        self.cur_instr.set(jump.arg() as usize);
                    }
                }
                Opcode::LOAD_CONST_LOAD_FAST => {
                    let c = code.consts[arg].clone();
                    let i = second!(instrs, self).arg() as usize;
                    let b = local!(fast, i, code, self).clone();
                    stack.push(c);
                    stack.push(b);
                }
                // `LOAD_FAST x; POP_JUMP_IF_*`. Nothing can rebind the slot while
                // `__bool__` runs (no frame object reaches it), so the slot's own reference
                // keeps the value alive.
                Opcode::LOAD_FAST_JUMP_IF_FALSE => {
                    let v = local!(fast, arg, code, self);
                    let jump = second!(instrs, self);
                    if !self.truthy_local(v)? {
                        self.cur_instr.set(jump.arg() as usize);
                    }
                }
                Opcode::LOAD_FAST_JUMP_IF_TRUE => {
                    let v = local!(fast, arg, code, self);
                    let jump = second!(instrs, self);
                    if self.truthy_local(v)? {
                        self.cur_instr.set(jump.arg() as usize);
                    }
                }
                Opcode::LOAD_FAST_JUMP_IF_NONE => {
                    let v = local!(fast, arg, code, self);
                    let jump = second!(instrs, self);
                    if v.is(&self.ctx.consts.none) {
                        self.cur_instr.set(jump.arg() as usize);
                    }
                }
                Opcode::LOAD_FAST_JUMP_IF_NOT_NONE => {
                    let v = local!(fast, arg, code, self);
                    let jump = second!(instrs, self);
                    if !v.is(&self.ctx.consts.none) {
                        self.cur_instr.set(jump.arg() as usize);
                    }
                }
                Opcode::LOAD_ATTR => {
                    let obj = pop!(stack, self);
                    let v = self.load_attr_cached(&obj, code, arg)?;
                    stack.push(v);
                }
                Opcode::LOAD_METHOD => {
                    let obj = pop!(stack, self);
                    let (m, is_unbound) = self.load_method_cached(&obj, code, arg)?;
                    stack.push(m);
                    stack.push(if is_unbound { obj } else { self.ctx.consts.null.clone_immortal() });
                }
                Opcode::STORE_ATTR => {
                    let obj = pop!(stack, self);
                    let v = pop!(stack, self);
                    self.store_attr_cached(&obj, code, arg, v)?;
                }
                Opcode::DELETE_ATTR => {
                    let obj = pop!(stack, self);
                    self.setattr(&obj, &code.names[arg], None)?;
                }
                Opcode::UNARY_NEGATIVE => {
                    let a = pop!(stack, self);
                    let r = self.neg(&a)?;
                    stack.push(r);
                }
                Opcode::UNARY_POSITIVE => {
                    let a = pop!(stack, self);
                    let r = self.pos(&a)?;
                    stack.push(r);
                }
                Opcode::UNARY_INVERT => {
                    let a = pop!(stack, self);
                    let r = self.invert(&a)?;
                    stack.push(r);
                }
                Opcode::UNARY_NOT => {
                    let a = pop!(stack, self);
                    let r = !self.is_true(&a)?;
                    stack.push(self.ctx.bool_obj(r));
                }
                Opcode::BINARY_OP => {
                    let b = pop!(stack, self);
                    let a = pop!(stack, self);
                    let r = match self.binary_fast(&a, &b, arg as u32) {
                        Some(r) => r,
                        None => self.binary_op(&a, &b, BinaryOp::from_arg(arg as u32).unwrap_or(BinaryOp::Add))?,
                    };
                    stack.push(r);
                }
                Opcode::COMPARE_OP => {
                    let b = pop!(stack, self);
                    let a = pop!(stack, self);
                    let op = CompareOp::from_arg(arg as u32).unwrap_or(CompareOp::Eq);
                    let r = match self.compare_number_fast(&a, &b, op) {
                        Some(r) => self.ctx.bool_obj(r),
                        None => self.rich_compare(&a, &b, op)?,
                    };
                    stack.push(r);
                }
                Opcode::IS_OP => {
                    let b = pop!(stack, self);
                    let a = pop!(stack, self);
                    stack.push(self.ctx.bool_obj(a.is(&b) != (arg == 1)));
                }
                Opcode::CONTAINS_OP => {
                    let b = pop!(stack, self);
                    let a = pop!(stack, self);
                    let r = self.contains(&b, &a)?;
                    stack.push(self.ctx.bool_obj(r != (arg == 1)));
                }
                Opcode::BINARY_SUBSCR => {
                    let key = pop!(stack, self);
                    let container = pop!(stack, self);
                    let r = match self.subscr_fast(&container, &key) {
                        Some(r) => r,
                        None => self.getitem(&container, &key)?,
                    };
                    stack.push(r);
                }
                Opcode::STORE_SUBSCR => {
                    let key = pop!(stack, self);
                    let container = pop!(stack, self);
                    let v = pop!(stack, self);
                    if let Some(v) = self.store_subscr_fast(&container, &key, v) {
                        self.setitem_owned(&container, key, v)?;
                    }
                }
                Opcode::DELETE_SUBSCR => {
                    let key = pop!(stack, self);
                    let container = pop!(stack, self);
                    self.delitem(&container, &key)?;
                }
                Opcode::BINARY_SLICE => {
                    let stop = pop!(stack, self);
                    let start = pop!(stack, self);
                    let container = pop!(stack, self);
                    let slice = self.new_slice(start, stop, self.ctx.none());
                    let r = self.getitem(&container, &slice)?;
                    stack.push(r);
                }
                Opcode::STORE_SLICE => {
                    let stop = pop!(stack, self);
                    let start = pop!(stack, self);
                    let container = pop!(stack, self);
                    let v = pop!(stack, self);
                    let slice = self.new_slice(start, stop, self.ctx.none());
                    self.setitem(&container, &slice, v)?;
                }
                Opcode::BUILD_SLICE => {
                    let step = if arg == 3 { pop!(stack, self) } else { self.ctx.none() };
                    let stop = pop!(stack, self);
                    let start = pop!(stack, self);
                    stack.push(self.new_slice(start, stop, step));
                }
                Opcode::BUILD_TUPLE => {
                    let at = self.pop_base(stack, arg)?;
                    let t = if at == stack.len() {
                        self.ctx.consts.empty_tuple.clone()
                    } else {
                        let t = self.ctx.alloc_tuple_slots(stack.len() - at).unwrap_or_else(|| crate::vm::context::oom());
                        crate::objects::tuple::init_items_from_stack(&t, stack, at);
                        t
                    };
                    stack.push(t);
                }
                Opcode::BUILD_LIST => {
                    let at = self.pop_base(stack, arg)?;
                    let items = stack.split_off_in(at, pyglass_alloc::local::ObAlloc);
                    stack.push(self.ctx.new_list_items(items));
                }
                Opcode::BUILD_SET => {
                    let at = self.pop_base(stack, arg)?;
                    let s = self.new_set(false);
                    for it in stack.drain_from(at) {
                        self.set_add(&s, it)?;
                    }
                    stack.push(s);
                }
                Opcode::BUILD_MAP => {
                    let at = self.pop_base(stack, arg * 2)?;
                    let d = self.ctx.new_dict();
                    let dd = dict_of(&d);
                    let mut it = stack.drain_from(at);
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        dd.set_item(self, k, v)?;
                    }
                    drop(it);
                    stack.push(d);
                }
                Opcode::BUILD_CONST_KEY_MAP => {
                    let keys = pop!(stack, self);
                    let at = self.pop_base(stack, arg)?;
                    let d = self.ctx.new_dict();
                    let dd = dict_of(&d);
                    for (k, v) in crate::objects::tuple::tuple_items(&keys).iter().zip(stack.drain_from(at)) {
                        dd.set_item(self, k.clone(), v)?;
                    }
                    stack.push(d);
                }
                Opcode::BUILD_STRING => {
                    let items = self.pop_n(stack, arg)?;
                    let mut s = String::new();
                    for it in &items {
                        s.push_str(crate::objects::str::as_str(it).unwrap_or(""));
                    }
                    stack.push(self.ctx.new_string(s));
                }
                Opcode::LIST_APPEND => {
                    let v = pop!(stack, self);
                    let n = stack.len();
                    if let Some(l) = stack.get(n.wrapping_sub(arg)).and_then(|l| l.downcast::<crate::objects::list::ListData>()) {
                        l.append(v);
                    }
                }
                Opcode::SET_ADD => {
                    let v = pop!(stack, self);
                    let s = self.stack_item(stack, arg)?;
                    self.set_add(&s, v)?;
                }
                Opcode::MAP_ADD => {
                    let v = pop!(stack, self);
                    let k = pop!(stack, self);
                    let d = self.stack_item(stack, arg)?;
                    dict_of(&d).set_item(self, k, v)?;
                }
                Opcode::LIST_EXTEND => {
                    let iterable = pop!(stack, self);
                    let l = self.stack_item(stack, arg)?;
                    self.list_extend(&l, &iterable).map_err(|e| self.fix_star_error(e, &iterable))?;
                }
                Opcode::SET_UPDATE => {
                    let iterable = pop!(stack, self);
                    let s = self.stack_item(stack, arg)?;
                    match (s.downcast::<crate::objects::set::SetData>(), iterable.downcast::<crate::objects::set::SetData>()) {
                        // CPython's set_merge: presized, table order kept.
                        (Some(sd), Some(od)) => sd.merge(self, od)?,
                        _ => {
                            for item in self.iterate(&iterable)? {
                                self.set_add(&s, item)?;
                            }
                        }
                    }
                }
                Opcode::DICT_UPDATE | Opcode::DICT_MERGE => {
                    let m = pop!(stack, self);
                    let d = self.stack_item(stack, arg)?;
                    if ins.op() == Opcode::DICT_MERGE {
                        let n = stack.len();
                        // [callable, self_or_null, args, dict]: the callable is 3 below the dict.
                        let func = stack.get(n.wrapping_sub(arg + 3)).cloned();
                        self.dict_merge_kwargs(&d, &m, func.as_ref())?;
                    } else {
                        self.dict_update_from(&d, &m).map_err(|e| self.fix_mapping_error(e, &m))?;
                    }
                }
                Opcode::LIST_TO_TUPLE => {
                    let l = pop!(stack, self);
                    let items = l.downcast::<crate::objects::list::ListData>().map(|l| l.snapshot()).unwrap_or_default();
                    stack.push(self.ctx.new_tuple(items));
                }
                Opcode::CONVERT_VALUE => {
                    let v = pop!(stack, self);
                    let r = match arg {
                        1 => self.str(&v)?,
                        2 => self.repr(&v)?,
                        _ => self.ascii(&v)?,
                    };
                    stack.push(r);
                }
                Opcode::FORMAT_SIMPLE => {
                    let v = pop!(stack, self);
                    let r = if v.class().is(&self.ctx.types.str) { v } else { self.format(&v, "")? };
                    stack.push(r);
                }
                Opcode::FORMAT_WITH_SPEC => {
                    let spec = pop!(stack, self);
                    let v = pop!(stack, self);
                    let spec_s = crate::objects::str::as_str(&spec).unwrap_or("").to_string();
                    let r = self.format(&v, &spec_s)?;
                    stack.push(r);
                }
                Opcode::JUMP_FORWARD => self.cur_instr.set(arg),
                Opcode::JUMP_BACKWARD => {
                    self.cur_instr.set(arg);
                    self.check_interrupt()?;
                }
                Opcode::POP_JUMP_IF_FALSE => {
                    let v = pop!(stack, self);
                    if !self.truthy_fast(&v)? {
                        self.cur_instr.set(arg);
                    }
                }
                Opcode::POP_JUMP_IF_TRUE => {
                    let v = pop!(stack, self);
                    if self.truthy_fast(&v)? {
                        self.cur_instr.set(arg);
                    }
                }
                Opcode::POP_JUMP_IF_NONE => {
                    let v = pop!(stack, self);
                    if v.is(&self.ctx.consts.none) {
                        self.cur_instr.set(arg);
                    }
                }
                Opcode::POP_JUMP_IF_NOT_NONE => {
                    let v = pop!(stack, self);
                    if !v.is(&self.ctx.consts.none) {
                        self.cur_instr.set(arg);
                    }
                }
                Opcode::GET_ITER => {
                    let v = pop!(stack, self);
                    let it = self.get_iter(&v)?;
                    stack.push(it);
                }
                Opcode::FOR_ITER => {
                    let it = top!(stack, self);
                    match self.next_fast(it)? {
                        Some(v) => stack.push(v),
                        None => {
                            drop(stack.pop());
                            self.cur_instr.set(arg);
                        }
                    }
                }
                Opcode::UNPACK_SEQUENCE => {
                    let seq = pop!(stack, self);
                    // An exact tuple or list of the right length (CPython's
                    // UNPACK_SEQUENCE_TUPLE/_LIST): push its items, no vector built.
                    let ct = seq.class_ptr();
                    if ct == self.ctx.types.tuple.as_ptr() {
                        let items = crate::objects::tuple::tuple_items(&seq);
                        if items.len() == arg {
                            stack.extend(items.iter().rev().cloned());
                            continue;
                        }
                    } else if ct == self.ctx.types.list.as_ptr() {
                        if let Some(l) = seq.downcast::<crate::objects::list::ListData>() {
                            let items = l.items.borrow();
                            if items.len() == arg {
                                stack.extend(items.iter().rev().cloned());
                                continue;
                            }
                        }
                    }
                    let items = self.unpack(&seq, arg)?;
                    for v in items.into_iter().rev() {
                        stack.push(v);
                    }
                }
                Opcode::UNPACK_EX => {
                    let seq = pop!(stack, self);
                    let before = arg & 0xff;
                    let after = arg >> 8;
                    let items = self.unpack_ex(&seq, before, after)?;
                    for v in items.into_iter().rev() {
                        stack.push(v);
                    }
                }
                Opcode::CALL | Opcode::CALL_KW => {
                    self.check_interrupt()?;
                    if ins.op() == Opcode::CALL {
                        if let Some(r) = self.call_py_exact_args(stack, arg) {
                            stack.push(r?);
                            continue;
                        }
                        if let Some(r) = self.call_alloc_and_enter_init(stack, arg) {
                            stack.push(r?);
                            continue;
                        }
                        if let Some(r) = self.call_native_fast(stack, arg) {
                            stack.push(r?);
                            continue;
                        }
                    }
                    let kwnames = if ins.op() == Opcode::CALL_KW { Some(pop!(stack, self)) } else { None };
                    let n = stack.len();
                    let Some(base) = n.checked_sub(arg + 2) else {
                        return Err(Unwind::Raise(self.bad_bytecode("CALL stack underflow")));
                    };
                    let r = {
                        let (callable_part, rest) = stack[base..].split_at(1);
                        let callable = &callable_part[0];
                        let args = if rest[0].is(&self.ctx.consts.null) { &rest[1..] } else { rest };
                        let names = match &kwnames {
                            Some(k) => crate::objects::tuple::tuple_items(k),
                            None => &[],
                        };
                        if names.is_empty() && callable.is_kind(crate::object::Kind::Function) {
                            self.call_function(callable, args, &[])
                        } else if args.is_empty() && names.is_empty() && callable.is_kind(crate::object::Kind::BuiltinFunction) {
                            match self.frame_introspection(callable, r, fast, code) {
                                Some(r) => r,
                                None => self.call_vector(callable, args, names),
                            }
                        } else {
                            self.call_vector(callable, args, names)
                        }
                    };
                    stack.truncate(base);
                    stack.push(r?);
                }
                Opcode::CALL_FUNCTION_EX => {
                    self.check_interrupt()?;
                    let kwargs = if arg & 1 != 0 { pop_opt!(stack, self) } else { None };
                    let args = pop!(stack, self);
                    let self_arg = pop_opt!(stack, self);
                    let callable = pop!(stack, self);
                    let r = self.call_ex(&callable, self_arg, &args, kwargs.as_ref())?;
                    stack.push(r);
                }
                Opcode::MAKE_FUNCTION => {
                    let c = pop!(stack, self);
                    let func = self.new_function(c, r.globals.clone(), r.builtins.clone());
                    stack.push(func);
                }
                Opcode::SET_FUNCTION_ATTRIBUTE => {
                    let func = pop!(stack, self);
                    let v = pop!(stack, self);
                    if let Some(fd) = func.downcast::<FunctionData>() {
                        match arg {
                            1 => *fd.defaults.borrow_mut() = Some(v),
                            2 => *fd.kwdefaults.borrow_mut() = Some(v),
                            4 => *fd.annotations.borrow_mut() = Some(v),
                            8 => *fd.closure.borrow_mut() = Some(v),
                            _ => {}
                        }
                    }
                    stack.push(func);
                }
                Opcode::LOAD_BUILD_CLASS => {
                    let b = dict_of(&r.builtins).get_str("__build_class__");
                    match b {
                        Some(b) => stack.push(b),
                        None => return Err(self.new_error(&self.ctx.exc.name_error, "__build_class__ not found").into()),
                    }
                }
                Opcode::RETURN_VALUE => {
                    let v = pop!(stack, self);
                    return Ok(FrameExit::Return(v));
                }
                Opcode::RETURN_CONST => {
                    return Ok(FrameExit::Return(code.consts[arg].clone()));
                }
                Opcode::YIELD_VALUE => {
                    let v = pop!(stack, self);
                    return Ok(FrameExit::Yield(v));
                }
                Opcode::SEND => {
                    let v = pop!(stack, self);
                    let receiver = top!(stack, self).clone();
                    match self.gen_send(&receiver, v)? {
                        crate::objects::generator::SendResult::Yield(y) => stack.push(y),
                        crate::objects::generator::SendResult::Return(r) => {
                            drop(stack.pop());
                            stack.push(r);
                            self.cur_instr.set(arg);
                        }
                    }
                }
                Opcode::GET_YIELD_FROM_ITER => {
                    let v = pop!(stack, self);
                    let it = if v.is_kind(crate::object::Kind::Generator) { v } else { self.get_iter(&v)? };
                    stack.push(it);
                }
                Opcode::RAISE_VARARGS => match arg {
                    0 => match self.current_exception() {
                        Some(e) => return Err(Unwind::Reraise(PyErr(e))),
                        None => return Err(self.new_error(&self.ctx.exc.runtime_error, "No active exception to reraise").into()),
                    },
                    1 => {
                        let e = pop!(stack, self);
                        return Err(self.make_raise(e, None)?.into());
                    }
                    _ => {
                        let cause = pop!(stack, self);
                        let e = pop!(stack, self);
                        return Err(self.make_raise(e, Some(cause))?.into());
                    }
                },
                Opcode::RERAISE => {
                    let e = pop!(stack, self);
                    if arg != 0 {
                        // The saved lasti only matters for line tracing in CPython; the
                        // handler search must use this instruction's own position.
                        drop(stack.pop());
                    }
                    return Err(Unwind::Reraise(PyErr(e)));
                }
                Opcode::PUSH_EXC_INFO => {
                    let e = pop!(stack, self);
                    let prev = self.current_exception().unwrap_or_else(|| self.ctx.none());
                    self.exc_stack.borrow_mut().push(Some(e.clone()));
                    stack.push(prev);
                    stack.push(e);
                }
                Opcode::POP_EXCEPT => {
                    drop(stack.pop());
                    let old = self.exc_stack.borrow_mut().pop();
                    drop(old);
                }
                Opcode::CHECK_EXC_MATCH => {
                    let typ = pop!(stack, self);
                    let exc = top!(stack, self).clone();
                    let m = self.exception_matches(&exc, &typ)?;
                    stack.push(self.ctx.bool_obj(m));
                }
                Opcode::LOAD_ASSERTION_ERROR => stack.push(self.ctx.exc.assertion_error.clone()),
                Opcode::BEFORE_WITH => {
                    let mgr = pop!(stack, self);
                    let (exit, entered) = self.before_with(&mgr)?;
                    stack.push(exit);
                    stack.push(entered);
                }
                Opcode::WITH_EXCEPT_START => {
                    let exc = self.stack_item(stack, 1)?;
                    let exit = self.stack_item(stack, 4)?;
                    let typ = exc.class();
                    let tb = self.exception_traceback(&exc).unwrap_or_else(|| self.ctx.none());
                    let r = self.call(&exit, &[typ, exc, tb])?;
                    stack.push(r);
                }
                Opcode::IMPORT_NAME => {
                    let fromlist = pop!(stack, self);
                    let level = pop!(stack, self);
                    let m = self.import_name(&code.names[arg], &fromlist, &level, &r.globals)?;
                    stack.push(m);
                }
                Opcode::IMPORT_FROM => {
                    let m = top!(stack, self).clone();
                    let v = self.import_from(&m, &code.names[arg])?;
                    stack.push(v);
                }
                Opcode::IMPORT_STAR => {
                    let m = pop!(stack, self);
                    let target = r.locals.cloned().unwrap_or_else(|| r.globals.clone());
                    self.import_star(&m, &target)?;
                }
                Opcode::SETUP_ANNOTATIONS => {
                    let target = r.locals.cloned().unwrap_or_else(|| r.globals.clone());
                    let key = self.ctx.intern("__annotations__");
                    if self.mapping_get(&target, &key)?.is_none() {
                        self.mapping_set(&target, key, self.ctx.new_dict())?;
                    }
                }
                Opcode::PRINT_EXPR => {
                    let v = pop!(stack, self);
                    self.display_hook(&v)?;
                }
            }
        }
    }

    /// CALL of a plain Python function with exactly its positional parameters (CPython's
    /// `CALL_PY_EXACT_ARGS`): the arguments move from this stack into the new frame's fast
    /// slots, and the callable and NULL are popped, so the call takes no references.
    /// `None`: not that shape, nothing done.
    #[inline(always)]
    fn call_py_exact_args(&self, stack: &mut ValueStack<'_>, arg: usize) -> Option<PyResult> {
        let base = stack.len().checked_sub(arg + 2)?;
        let callable = &stack[base];
        let fd = callable.downcast::<FunctionData>()?;
        let code = fd.code_data();
        let bound_self = !stack[base + 1].is(&self.ctx.consts.null);
        let nargs = arg + bound_self as usize;
        if nargs != code.exact_args {
            return None;
        }
        let slots = self.datastack.push_call(code.nlocalsplus, code.stacksize, None, stack, nargs)?;
        if !bound_self {
            stack.pop()?.release_immortal(); // the NULL
        }
        let func = stack.pop()?;
        let fd = func.downcast::<FunctionData>()?;
        Some(self.run_function_frame(&func, fd, FrameState { slots, ip: 0 }))
    }

    /// CALL of a plain class whose `__init__` is remembered (`Vm::cached_init`) and takes
    /// exactly the call's positional arguments (CPython's `CALL_ALLOC_AND_ENTER_INIT`):
    /// the instance is allocated and the arguments move from this stack into the
    /// `__init__` frame after it. `None`: not that shape, nothing done.
    #[inline(always)]
    fn call_alloc_and_enter_init(&self, stack: &mut ValueStack<'_>, arg: usize) -> Option<PyResult> {
        let base = stack.len().checked_sub(arg + 2)?;
        let cls = &stack[base];
        // Only `type` itself as the metaclass: a metaclass may define `__call__`.
        if !cls.is_kind(crate::object::Kind::Type) || cls.class_ptr() != self.ctx.types.type_.as_ptr() || !stack[base + 1].is(&self.ctx.consts.null) {
            return None;
        }
        let init = self.cached_init(crate::objects::typeobject::type_data(cls))?;
        let fd = init.downcast::<FunctionData>()?;
        let code = fd.code_data();
        if arg + 1 != code.exact_args {
            return None;
        }
        let obj = crate::objects::instance::alloc_instance(self, cls, crate::objects::misc::ObjectData);
        if let Some(plan) = code.init_stores.as_deref() {
            if self.init_without_frame(&obj, code, plan, &stack[base + 2..]) {
                stack.truncate(base); // the arguments, the NULL and the class
                return Some(Ok(obj));
            }
        }
        let slots = self.datastack.push_call(code.nlocalsplus, code.stacksize, Some(obj.clone()), stack, arg)?;
        stack.pop()?.release_immortal(); // the NULL (checked above)
        let cls = stack.pop()?;
        let r = self.run_function_frame(&init, fd, FrameState { slots, ip: 0 });
        drop(cls);
        Some(match r {
            Ok(r) if r.is(&self.ctx.consts.none) => Ok(obj),
            Ok(r) => Err(self.type_error(&format!("__init__() should return None, not '{}'", self.type_name(&r)))),
            Err(e) => Err(e),
        })
    }

    #[inline(always)]
    fn pop_n(&self, stack: &mut ValueStack<'_>, n: usize) -> Result<Vec<PyRef>, Unwind> {
        let at = self.pop_base(stack, n)?;
        Ok(stack.split_off(at))
    }

    /// Where the top `n` values of the stack start (they are about to be popped).
    #[inline(always)]
    fn pop_base(&self, stack: &ValueStack<'_>, n: usize) -> Result<usize, Unwind> {
        match stack.len().checked_sub(n) {
            Some(at) => Ok(at),
            None => Err(Unwind::Raise(self.bad_bytecode("stack underflow"))),
        }
    }

    /// The stack item `i` places from the top (1 = top), cloned.
    #[inline]
    fn stack_item(&self, stack: &[PyRef], i: usize) -> PyResult<PyRef> {
        let n = stack.len();
        match n.checked_sub(i).and_then(|k| stack.get(k)) {
            Some(v) => Ok(v.clone()),
            None => Err(self.bad_bytecode("stack item out of range")),
        }
    }

    /// LOAD_GLOBAL through the code object's cache: a hit costs two version checks and
    /// one indexed load instead of two hash-table probes.
    #[inline(always)]
    fn load_global_cached(&self, r: &FrameRefs<'_>, code: &CodeData, arg: usize) -> PyResult {
        let g = dict_of(&r.globals);
        if let Some(cell) = code.global_cache.get(arg) {
            let c = cell.get();
            if c.globals == r.globals.addr() && c.pos != usize::MAX {
                if !c.in_builtins {
                    if let Some(v) = g.value_at_if_version(c.pos, c.globals_version) {
                        return Ok(v);
                    }
                } else if g.keys_version() == c.globals_version {
                    if let Some(v) = dict_of(&r.builtins).value_at_if_version(c.pos, c.builtins_version) {
                        return Ok(v);
                    }
                }
            }
            return self.load_global_miss(r, code, arg, cell);
        }
        self.load_global(r, &code.names[arg])
    }

    #[inline(never)]
    fn load_global_miss(&self, r: &FrameRefs<'_>, code: &CodeData, arg: usize, cell: &std::cell::Cell<crate::objects::function::GlobalCache>) -> PyResult {
        let name = &code.names[arg];
        let g = dict_of(&r.globals);
        let b = dict_of(&r.builtins);
        let mut entry = crate::objects::function::GlobalCache::EMPTY;
        entry.globals = r.globals.addr();
        entry.globals_version = g.keys_version();
        entry.builtins_version = b.keys_version();
        if let Some(pos) = g.str_key_position(name) {
            entry.pos = pos;
        } else if let Some(pos) = b.str_key_position(name) {
            entry.pos = pos;
            entry.in_builtins = true;
        }
        cell.set(entry);
        self.load_global(r, name)
    }

    #[inline]
    fn load_global(&self, r: &FrameRefs<'_>, name: &PyRef) -> PyResult {
        if let Some(v) = dict_of(&r.globals).get_str_key(name) {
            return Ok(v);
        }
        if let Some(v) = dict_of(&r.builtins).get_str_key(name) {
            return Ok(v);
        }
        Err(self.name_error(name))
    }

    /// The value in cell slot `i` (LOAD_DEREF). The error is built out of line, so that
    /// the hit saves no registers.
    fn cell_get(&self, fast: &[Option<PyRef>], code: &CodeData, i: usize) -> PyResult {
        let cell = fast.get(i).and_then(|c| c.as_ref()).and_then(|c| c.downcast::<CellData>().map(|cd| cd.0.borrow().clone()));
        match cell {
            Some(Some(v)) => Ok(v),
            _ => Err(self.empty_cell(code, i)),
        }
    }

    /// The error for an empty cell: a free variable's NameError, or a local's
    /// UnboundLocalError as for an empty fast slot.
    #[cold]
    #[inline(never)]
    fn empty_cell(&self, code: &CodeData, i: usize) -> PyErr {
        if i < code.free_start {
            return self.unbound_local(code, i);
        }
        let name = local_name(code, i);
        self.new_error(&self.ctx.exc.name_error, &format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"))
    }

    /// `LOAD_FAST_CONST_OP_STORE` (out of line: see `docs/performance.md` on how the
    /// eval loop's register allocation reacts to code added to it).
    #[inline(never)]
    fn fast_const_op_store(&self, fast: &mut [Option<PyRef>], code: &CodeData, arg: usize) -> Result<(), Unwind> {
        let a = local!(fast, arg, code, self);
        // The other three instructions (LOAD_CONST, BINARY_OP, STORE_FAST), fetched with
        // one bounds check; the instruction pointer moves as `second!` would move it.
        let at = self.cur_instr.get();
        let Some(&[c, op, y]) = code.instrs.get(at..at + 3) else {
            return Err(Unwind::Raise(self.bad_bytecode("quickened run at the end of the code")));
        };
        let b = &code.consts[c.arg() as usize];
        // From here on errors are the `BINARY_OP`'s.
        self.cur_instr.set(at + 2);
        let op = op.arg();
        let r = match self.binary_fast(a, b, op) {
            Some(r) => r,
            None => {
                // The operands as the stack would hold them, so that a user-defined
                // operator sees the same reference counts.
                let (a, b) = (a.clone(), b.clone());
                self.binary_op(&a, &b, BinaryOp::from_arg(op).unwrap_or(BinaryOp::Add))?
            }
        };
        self.cur_instr.set(at + 3);
        drop(fast[y.arg() as usize].replace(r));
        Ok(())
    }

    fn cell_set(&self, fast: &[Option<PyRef>], i: usize, v: Option<PyRef>) {
        if let Some(c) = fast[i].as_ref().and_then(|c| c.downcast::<CellData>()) {
            let old = c.0.replace(v);
            drop(old);
        }
    }

    fn unbound_local(&self, code: &CodeData, i: usize) -> PyErr {
        let name = local_name(code, i);
        self.new_error(&self.ctx.exc.unbound_local_error, &format!("cannot access local variable '{name}' where it is not associated with a value"))
    }

    pub(crate) fn bad_bytecode(&self, what: &str) -> PyErr {
        self.new_error(&self.ctx.exc.system_error, &format!("pyglass: invalid bytecode ({what})"))
    }

    /// Raise KeyboardInterrupt if Ctrl-C was pressed.
    #[inline]
    pub fn check_interrupt(&self) -> PyResult<()> {
        let b = self.eval_breaker.load(Ordering::Relaxed);
        if b != 0 {
            return self.handle_eval_breaker(b);
        }
        Ok(())
    }

    #[cold]
    #[inline(never)]
    fn handle_eval_breaker(&self, b: u32) -> PyResult<()> {
        use crate::vm::breaker;
        if b & breaker::GC != 0 {
            self.eval_breaker.fetch_and(!breaker::GC, Ordering::SeqCst);
            self.gc_collect_pending();
        }
        if b & breaker::INTERRUPT != 0 {
            self.eval_breaker.fetch_and(!breaker::INTERRUPT, Ordering::SeqCst);
            return Err(self.new_error(&self.ctx.exc.keyboard_interrupt, ""));
        }
        Ok(())
    }

    /// The truth of True, False, None and exact ints, answered without a call.
    #[inline(always)]
    fn known_truth(&self, v: &PyRef) -> Option<bool> {
        if v.is(&self.ctx.consts.true_) {
            return Some(true);
        }
        if v.is(&self.ctx.consts.false_) || v.is(&self.ctx.consts.none) {
            return Some(false);
        }
        if v.class_ptr() == self.ctx.types.int.as_ptr() {
            return v.downcast::<IntData>().map(|i| !i.value().is_zero());
        }
        None
    }

    /// [`Vm::truthy_fast`] of a local borrowed from its slot (see [`Vm::is_true_local`]).
    #[inline(always)]
    fn truthy_local(&self, v: &PyRef) -> PyResult<bool> {
        match self.known_truth(v) {
            Some(t) => Ok(t),
            None => self.is_true_local(v),
        }
    }

    /// Truth test with the common cases inline.
    #[inline(always)]
    fn truthy_fast(&self, v: &PyRef) -> PyResult<bool> {
        match self.known_truth(v) {
            Some(t) => Ok(t),
            None => self.is_true(v),
        }
    }

    /// `list[i]` and `tuple[i]` for exact lists and tuples and an exact int index in range
    /// (CPython's BINARY_SUBSCR_LIST_INT / _TUPLE_INT); None for everything else.
    #[inline(always)]
    fn subscr_fast(&self, c: &PyRef, k: &PyRef) -> Option<PyRef> {
        if k.class_ptr() != self.ctx.types.int.as_ptr() {
            return None;
        }
        let i = k.downcast::<IntData>()?.as_small()?;
        let ct = c.class_ptr();
        if ct == self.ctx.types.list.as_ptr() {
            let items = c.downcast::<crate::objects::list::ListData>()?.items.borrow();
            let j = if i < 0 { i.checked_add(items.len() as i64)? } else { i };
            return items.get(usize::try_from(j).ok()?).cloned();
        }
        if ct == self.ctx.types.tuple.as_ptr() {
            let items = crate::objects::tuple::tuple_items(c);
            let j = if i < 0 { i.checked_add(items.len() as i64)? } else { i };
            return items.get(usize::try_from(j).ok()?).cloned();
        }
        None
    }

    /// `list[i] = v` for an exact list and an exact int index in range (CPython's
    /// STORE_SUBSCR_LIST_INT). Gives `v` back when the generic path must run.
    #[inline(always)]
    fn store_subscr_fast(&self, c: &PyRef, k: &PyRef, v: PyRef) -> Option<PyRef> {
        if k.class_ptr() != self.ctx.types.int.as_ptr() || c.class_ptr() != self.ctx.types.list.as_ptr() {
            return Some(v);
        }
        let (Some(i), Some(l)) = (k.downcast::<IntData>().and_then(|d| d.as_small()), c.downcast::<crate::objects::list::ListData>()) else {
            return Some(v);
        };
        let old = {
            let mut items = l.items.borrow_mut();
            let j = if i < 0 { i.checked_add(items.len() as i64) } else { Some(i) };
            match j.and_then(|j| usize::try_from(j).ok()).and_then(|j| items.get_mut(j)) {
                Some(slot) => std::mem::replace(slot, v),
                None => return Some(v),
            }
        };
        // Dropped after the borrow ends: the old item's `__del__` may touch the list.
        drop(old);
        None
    }

    /// Int and float arithmetic without any lookup (exact types only): small ints here,
    /// floats and mixed operands through `binary_number_fast`.
    #[inline(always)]
    fn binary_fast(&self, a: &PyRef, b: &PyRef, arg: u32) -> Option<PyRef> {
        // The operator is matched on the raw argument: decoding it into a `BinaryOp`
        // first would be a table lookup of its own before the jump on the operator.
        const fn n(op: BinaryOp) -> u32 {
            op as u32
        }
        const ADD: u32 = n(BinaryOp::Add);
        const IADD: u32 = n(BinaryOp::InplaceAdd);
        const SUB: u32 = n(BinaryOp::Subtract);
        const ISUB: u32 = n(BinaryOp::InplaceSubtract);
        const MUL: u32 = n(BinaryOp::Multiply);
        const IMUL: u32 = n(BinaryOp::InplaceMultiply);
        const AND: u32 = n(BinaryOp::And);
        const IAND: u32 = n(BinaryOp::InplaceAnd);
        const OR: u32 = n(BinaryOp::Or);
        const IOR: u32 = n(BinaryOp::InplaceOr);
        const XOR: u32 = n(BinaryOp::Xor);
        const IXOR: u32 = n(BinaryOp::InplaceXor);
        const MOD: u32 = n(BinaryOp::Remainder);
        const IMOD: u32 = n(BinaryOp::InplaceRemainder);
        const FDIV: u32 = n(BinaryOp::FloorDivide);
        const IFDIV: u32 = n(BinaryOp::InplaceFloorDivide);
        const RSH: u32 = n(BinaryOp::Rshift);
        const IRSH: u32 = n(BinaryOp::InplaceRshift);
        let (ta, tb) = (a.class_ptr(), b.class_ptr());
        let int_t = self.ctx.types.int.as_ptr();
        if ta == int_t && tb == int_t {
            let (x, y) = (a.downcast::<IntData>()?.as_small()?, b.downcast::<IntData>()?.as_small()?);
            let r = match arg {
                ADD | IADD => x.checked_add(y)?,
                SUB | ISUB => x.checked_sub(y)?,
                MUL | IMUL => x.checked_mul(y)?,
                AND | IAND => x & y,
                OR | IOR => x | y,
                XOR | IXOR => x ^ y,
                MOD | IMOD if y > 0 && x >= 0 => x % y,
                FDIV | IFDIV if y > 0 && x >= 0 => x / y,
                RSH | IRSH if (0..64).contains(&y) => x >> y,
                _ => return None,
            };
            return Some(self.ctx.new_int(r));
        }
        // Floats, mixed float/int and int true division: the generic path's own fast case.
        self.binary_number_fast(a, b, BinaryOp::from_arg(arg)?)
    }
}

/// The name of fast slot `i` for error messages ("?" for a slot the code does not have).
fn local_name(code: &CodeData, i: usize) -> &str {
    code.code.localsplus_names.get(i).map_or("?", |n| n.as_str())
}

#[inline(always)]
pub(crate) fn dict_of(d: &PyRef) -> &DictData {
    match d.downcast::<DictData>() {
        Some(d) => d,
        None => crate::objects::typeobject::type_data(d).dict(),
    }
}

pub(crate) type ArgVec = SmallVec<[PyRef; 8]>;

impl Vm {
    /// `locals()`, `vars()` and `dir()` without arguments read the calling frame, which
    /// only the eval loop can see (pyglass has no frame objects): a snapshot dict of the
    /// fast locals in optimized code (PEP 667), the namespace elsewhere.
    #[cold]
    fn frame_introspection(&self, callable: &PyRef, r: &FrameRefs<'_>, fast: &[Option<PyRef>], code: &CodeData) -> Option<PyResult> {
        let b = callable.downcast::<crate::objects::function::BuiltinFunctionData>()?;
        if b.self_.is_some() || b.module != Some("builtins") || !matches!(b.name, "locals" | "vars" | "dir") {
            return None;
        }
        let ns = match r.locals {
            Some(l) => l.clone(),
            None if code.code.flags & pyglass_bytecode::code_flags::OPTIMIZED == 0 => r.globals.clone(),
            None => {
                let d = self.ctx.new_dict();
                let dd = dict_of(&d);
                let kinds = &code.code.localsplus_kinds;
                for (i, name) in code.varnames.iter().enumerate() {
                    let Some(Some(v)) = fast.get(i) else { continue };
                    let cellish = kinds.get(i).is_some_and(|k| k & (pyglass_bytecode::slot_kind::CELL | pyglass_bytecode::slot_kind::FREE) != 0);
                    let v = match v.downcast::<crate::objects::function::CellData>() {
                        Some(c) if cellish => match c.0.borrow().clone() {
                            Some(inner) => inner,
                            None => continue,
                        },
                        _ => v.clone(),
                    };
                    dd.set_str_key(name.clone(), v);
                }
                d
            }
        };
        if b.name != "dir" {
            return Some(Ok(ns));
        }
        // dir(): the namespace's keys, sorted as `dir(obj)` sorts `__dir__()`.
        let keys = match ns.downcast::<DictData>() {
            Some(d) => d.keys(),
            None => match self.iterate(&ns) {
                Ok(v) => v,
                Err(e) => return Some(Err(e)),
            },
        };
        let mut keys = crate::objects::list::item_vec_from(keys);
        Some(crate::builtins::containers::sort_items(self, &mut keys, None, false).map(|_| self.ctx.new_list_items(keys)))
    }
}
