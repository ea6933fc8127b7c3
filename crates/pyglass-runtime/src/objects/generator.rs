//! Generators (CPython `Objects/genobject.c`): a suspended frame that `send`/`next`
//! resumes. The exceptions a generator is handling while suspended are saved with it, so
//! the caller's `sys.exception()` is not disturbed.

use crate::object::{Kind, PyPayload, PyRef};
use crate::objects::function::FunctionData;
use crate::sync::PyCell;
use crate::vm::frame::{Frame, FrameExit};
use crate::vm::{PyErr, PyResult, Vm};
use std::cell::Cell;

pub struct GeneratorData {
    pub frame: PyCell<Option<Box<Frame>>>,
    pub running: Cell<bool>,
    pub started: Cell<bool>,
    pub name: PyCell<PyRef>,
    pub qualname: PyCell<PyRef>,
    pub code: PyRef,
    /// Exceptions being handled inside the generator while it is suspended.
    pub saved_exc: PyCell<Vec<Option<PyRef>>>,
}

// SAFETY: Kind::Generator is used by no other payload type.
unsafe impl PyPayload for GeneratorData {
    const KIND: Kind = Kind::Generator;
    const HAS_GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&PyRef)) {
        visit(&self.code);
        if let Some(f) = self.frame.try_borrow() {
            if let Some(f) = f.as_ref() {
                f.traverse(visit);
            }
        }
    }
    fn clear(&self) {
        drop(self.frame.take());
    }
}

pub enum SendResult {
    Yield(PyRef),
    Return(PyRef),
}

pub fn new_generator(vm: &Vm, frame: Frame, fd: &FunctionData) -> PyRef {
    let code = frame.code.clone();
    vm.ctx.alloc(
        &vm.ctx.types.generator,
        GeneratorData {
            frame: PyCell::new(Some(Box::new(frame))),
            running: Cell::new(false),
            started: Cell::new(false),
            name: PyCell::new(fd.name.borrow().clone()),
            qualname: PyCell::new(fd.qualname.borrow().clone()),
            code,
            saved_exc: PyCell::new(Vec::new()),
        },
    )
}

/// Resume a generator with `value` (or by throwing `throw` into it).
pub fn resume(vm: &Vm, gen: &PyRef, value: Option<PyRef>, throw: Option<PyErr>) -> PyResult<SendResult> {
    let g = gen.downcast::<GeneratorData>().expect("generator");
    if g.running.get() {
        return Err(vm.value_error("generator already executing"));
    }
    let Some(mut frame) = g.frame.take() else {
        // Finished generator.
        return match throw {
            Some(e) => Err(e),
            None => Ok(SendResult::Return(vm.ctx.none())),
        };
    };
    let mut throw = throw;
    let mut skip_push = false;
    if throw.is_some() && g.started.get() {
        if let Some((yf, send_target)) = delegate_of(&frame) {
            // Suspended in `yield from`: throw()/close() go to the sub-iterator first
            // (CPython's `gen_throw` with `_PyGen_yf`).
            let exc = throw.take().expect("checked");
            g.running.set(true);
            let r = throw_into_delegate(vm, &yf, &exc);
            g.running.set(false);
            match r {
                Some(Ok(SendResult::Yield(v))) => {
                    *g.frame.borrow_mut() = Some(frame);
                    return Ok(SendResult::Yield(v));
                }
                Some(Ok(SendResult::Return(val))) => {
                    let mut stack = frame.state.slots.stack();
                    drop(stack.pop());
                    stack.push(val);
                    frame.state.ip = send_target;
                    skip_push = true;
                }
                Some(Err(e)) => throw = Some(e),
                None => throw = Some(exc),
            }
        }
    }
    if !g.started.get() {
        if let Some(v) = &value {
            if !v.is(&vm.ctx.consts.none) && throw.is_none() {
                *g.frame.borrow_mut() = Some(frame);
                return Err(vm.type_error("can't send non-None value to a just-started generator"));
            }
        }
    } else if throw.is_none() && !skip_push {
        frame.state.slots.stack().push(value.unwrap_or_else(|| vm.ctx.none()));
    }
    g.started.set(true);
    g.running.set(true);
    let base = vm.exc_stack.borrow().len();
    {
        let saved = std::mem::take(&mut *g.saved_exc.borrow_mut());
        vm.exc_stack.borrow_mut().extend(saved);
    }
    let r = vm.run_frame_with(&mut frame, throw);
    let leftover: Vec<Option<PyRef>> = {
        let mut st = vm.exc_stack.borrow_mut();
        if st.len() > base {
            st.drain(base..).collect()
        } else {
            Vec::new()
        }
    };
    g.running.set(false);
    match r {
        Ok(FrameExit::Yield(v)) => {
            *g.saved_exc.borrow_mut() = leftover;
            *g.frame.borrow_mut() = Some(frame);
            Ok(SendResult::Yield(v))
        }
        Ok(FrameExit::Return(v)) => {
            drop(leftover);
            drop(frame);
            Ok(SendResult::Return(v))
        }
        Err(e) => {
            drop(leftover);
            drop(frame);
            if vm.is_instance_of(&e.0, &vm.ctx.exc.stop_iteration) {
                let re = vm.new_error(&vm.ctx.exc.runtime_error, "generator raised StopIteration");
                if let Some(d) = re.0.downcast::<crate::objects::exception::ExceptionData>() {
                    *d.cause.borrow_mut() = Some(e.0.clone());
                    *d.context.borrow_mut() = Some(e.0);
                    d.suppress_context.set(true);
                }
                return Err(re);
            }
            Err(e)
        }
    }
}

/// The sub-iterator of a frame suspended at a delegating yield (`SEND; YIELD_VALUE`, see
/// the compiler's conventions) and the SEND's exit target.
fn delegate_of(frame: &Frame) -> Option<(PyRef, usize)> {
    use pyglass_bytecode::Opcode;
    let code = frame.code.downcast::<crate::objects::function::CodeData>()?;
    let ins = &code.code.instructions;
    let y = frame.state.ip.checked_sub(1)?;
    let s = y.checked_sub(1)?;
    if ins.get(y)?.op() != Opcode::YIELD_VALUE || ins.get(s)?.op() != Opcode::SEND {
        return None;
    }
    Some((frame.state.slots.stack_values().last()?.clone(), ins[s].arg() as usize))
}

/// Forward a thrown exception to a `yield from` sub-iterator. `None`: throw it into the
/// delegating frame itself (GeneratorExit after closing the sub-iterator, or a
/// sub-iterator without `throw`).
fn throw_into_delegate(vm: &Vm, yf: &PyRef, exc: &PyErr) -> Option<PyResult<SendResult>> {
    if vm.is_instance_of(&exc.0, &vm.ctx.exc.generator_exit) {
        return match close_iter(vm, yf) {
            Ok(()) => None,
            Err(e) => Some(Err(e)),
        };
    }
    if yf.is_kind(Kind::Generator) && crate::vm::abstract_::type_is_static(yf) {
        return Some(resume(vm, yf, None, Some(exc.clone())));
    }
    let t = match vm.getattr_opt(yf, "throw") {
        Ok(Some(t)) => t,
        Ok(None) => return None,
        Err(e) => return Some(Err(e)),
    };
    Some(match vm.call(&t, &[exc.0.clone()]) {
        Ok(v) => Ok(SendResult::Yield(v)),
        Err(e) if vm.is_instance_of(&e.0, &vm.ctx.exc.stop_iteration) => Ok(SendResult::Return(vm.stop_iteration_value(&e.0))),
        Err(e) => Err(e),
    })
}

/// `close()` a sub-iterator (generators natively, others through their `close` method).
fn close_iter(vm: &Vm, yf: &PyRef) -> PyResult<()> {
    if yf.is_kind(Kind::Generator) && crate::vm::abstract_::type_is_static(yf) {
        return gen_close(vm, yf).map(drop);
    }
    if let Some(c) = vm.getattr_opt(yf, "close")? {
        vm.call(&c, &[])?;
    }
    Ok(())
}

/// `gen.close()`: throw GeneratorExit in; returns the generator's return value (3.13).
pub fn gen_close(vm: &Vm, gen: &PyRef) -> PyResult {
    let g = gen.downcast::<GeneratorData>().expect("generator");
    if g.running.get() {
        return Err(vm.value_error("generator already executing"));
    }
    if !g.started.get() || g.frame.borrow().is_none() {
        drop(g.frame.take());
        return Ok(vm.ctx.none());
    }
    // Suspended outside any try/with block and not delegating: nothing can observe the
    // GeneratorExit, so just drop the frame (as CPython 3.12+ does).
    let trivial = {
        let f = g.frame.borrow();
        f.as_ref().is_some_and(|f| {
            let code = f.code.downcast::<crate::objects::function::CodeData>();
            let at = f.state.ip.saturating_sub(1) as u32;
            code.is_some_and(|c| c.code.handler_for(at).is_none()) && delegate_of(f).is_none()
        })
    };
    if trivial {
        let f = g.frame.take();
        drop(f);
        return Ok(vm.ctx.none());
    }
    let exc = vm.new_exception(&vm.ctx.exc.generator_exit, vec![]);
    match resume(vm, gen, None, Some(PyErr(exc))) {
        Ok(SendResult::Yield(_)) => Err(vm.new_error(&vm.ctx.exc.runtime_error, "generator ignored GeneratorExit")),
        Ok(SendResult::Return(v)) => Ok(v),
        Err(e) if vm.is_instance_of(&e.0, &vm.ctx.exc.generator_exit) || vm.is_instance_of(&e.0, &vm.ctx.exc.stop_iteration) => Ok(vm.ctx.none()),
        Err(e) => Err(e),
    }
}

/// `next(gen)`: `Ok(None)` when it returns.
pub fn gen_next(vm: &Vm, gen: &PyRef) -> PyResult<Option<PyRef>> {
    match resume(vm, gen, None, None)? {
        SendResult::Yield(v) => Ok(Some(v)),
        SendResult::Return(_) => Ok(None),
    }
}

impl Vm {
    /// SEND: `receiver.send(v)` (or `next` when v is None) for `yield from`.
    pub fn gen_send(&self, receiver: &PyRef, v: PyRef) -> PyResult<SendResult> {
        if receiver.is_kind(Kind::Generator) && crate::vm::abstract_::type_is_static(receiver) {
            return resume(self, receiver, Some(v), None);
        }
        let r = if v.is(&self.ctx.consts.none) {
            match self.next_fast(receiver) {
                Ok(Some(x)) => return Ok(SendResult::Yield(x)),
                Ok(None) => return Ok(SendResult::Return(self.ctx.none())),
                Err(e) => Err(e),
            }
        } else {
            let send = self.getattr_str(receiver, "send")?;
            self.call(&send, &[v])
        };
        match r {
            Ok(x) => Ok(SendResult::Yield(x)),
            Err(e) if self.is_instance_of(&e.0, &self.ctx.exc.stop_iteration) => {
                let val = self.stop_iteration_value(&e.0);
                Ok(SendResult::Return(val))
            }
            Err(e) => Err(e),
        }
    }

    /// The `value` of a StopIteration.
    pub fn stop_iteration_value(&self, e: &PyRef) -> PyRef {
        if let Some(v) = self.exc_attr(e, "value") {
            return v;
        }
        e.downcast::<crate::objects::exception::ExceptionData>()
            .and_then(|d| crate::objects::tuple::tuple_items(&d.args.borrow()).first().cloned())
            .unwrap_or_else(|| self.ctx.none())
    }
}
