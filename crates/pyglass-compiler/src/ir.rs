//! The code generator's instruction sequence and the assembler that turns it into final
//! bytecode.
//!
//! # Labels and jumps
//! Jumps refer to [`Label`]s bound to positions in the sequence. Unconditional jumps are
//! emitted as the pseudo-op [`IrOp::Jump`] and become `JUMP_FORWARD` or `JUMP_BACKWARD`
//! once positions are final.
//!
//! # Exception handling
//! Protected regions are *lexical*: the code generator keeps a stack of active handlers
//! and every instruction records the innermost one when it is emitted. A region starts
//! with the pseudo-op [`IrOp::Setup`] (CPython's `SETUP_FINALLY`/`SETUP_CLEANUP`/
//! `SETUP_WITH`): the stack depth at that point becomes the handler's depth, i.e. the
//! depth the VM unwinds to before pushing `lasti` (when requested) and the exception.
//! Code that leaves a region early (`break`, `return` through a `finally`, ...) is emitted
//! after temporarily popping the handlers it leaves, so it is not covered by them.
//!
//! # Assembly
//! [`InstrSeq::assemble`] runs a stack-depth flow analysis from the entry point, following
//! jumps and, for every reachable instruction covered by a handler, the handler's target.
//! It checks that the depth never underflows and agrees at every merge point, drops
//! unreachable code and the pseudo-ops, removes jumps to the next instruction, resolves
//! labels to absolute indices and builds the exception table from runs of instructions
//! with the same handler.

use crate::error::{CResult, CompileError};
use crate::stack_effect::{is_jump, is_terminator, pops_pushes};
use pyglass_bytecode::{ExceptionEntry, Instr, Location, Opcode, MAX_ARG};
use pyglass_syntax::ast::Loc;

/// A jump target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IrOp {
    /// A real instruction. For jump opcodes the argument is a label number.
    Op(Opcode),
    /// Unconditional jump to label `arg`.
    Jump,
    /// Start of the protected region of handler `arg`.
    Setup,
}

#[derive(Clone, Copy, Debug)]
pub struct IrInstr {
    pub op: IrOp,
    pub arg: u32,
    pub loc: Location,
    /// Innermost active handler, or [`NO_HANDLER`].
    pub handler: u32,
}

pub const NO_HANDLER: u32 = u32::MAX;
const UNBOUND: u32 = u32::MAX;

/// An exception handler: where to go and whether the VM pushes the raising instruction's
/// index (`lasti`) below the exception.
#[derive(Clone, Copy, Debug)]
pub struct Handler {
    pub target: Label,
    pub lasti: bool,
    /// Items on top of the stack at the `Setup` point that are not part of the handler's
    /// depth (1 for `with`: the `__enter__` result above the bound `__exit__`).
    pub adjust: u32,
}

/// Instructions of one code unit under construction.
#[derive(Default, Debug)]
pub struct InstrSeq {
    pub instrs: Vec<IrInstr>,
    labels: Vec<u32>,
    handlers: Vec<Handler>,
    handler_stack: Vec<u32>,
}

/// The result of assembling a unit.
pub struct Assembled {
    pub instructions: Vec<Instr>,
    pub locations: Vec<Location>,
    pub exception_table: Vec<ExceptionEntry>,
    pub stacksize: u32,
}

fn internal(msg: String) -> CompileError {
    CompileError::new(format!("internal compiler error: {msg}"), Loc::default())
}

impl InstrSeq {
    pub fn new_label(&mut self) -> Label {
        self.labels.push(UNBOUND);
        Label(self.labels.len() as u32 - 1)
    }

    /// Bind `label` to the next instruction emitted.
    pub fn bind(&mut self, label: Label) {
        self.labels[label.0 as usize] = self.instrs.len() as u32;
    }

    fn current_handler(&self) -> u32 {
        self.handler_stack.last().copied().unwrap_or(NO_HANDLER)
    }

    pub fn emit(&mut self, op: Opcode, arg: u32, loc: Location) {
        let handler = self.current_handler();
        self.instrs.push(IrInstr { op: IrOp::Op(op), arg, loc, handler });
    }

    /// A conditional jump or other jump-carrying opcode (`FOR_ITER`, `SEND`).
    pub fn emit_jump_op(&mut self, op: Opcode, target: Label, loc: Location) {
        self.emit(op, target.0, loc);
    }

    /// Unconditional jump.
    pub fn emit_jump(&mut self, target: Label, loc: Location) {
        let handler = self.current_handler();
        self.instrs.push(IrInstr { op: IrOp::Jump, arg: target.0, loc, handler });
    }

    /// Start a protected region handled at `target`. Returns the handler id.
    pub fn push_handler(&mut self, target: Label, lasti: bool) -> u32 {
        self.push_handler_adjusted(target, lasti, 0)
    }

    /// Like [`Self::push_handler`], with the handler's depth `adjust` items below the
    /// current depth.
    pub fn push_handler_adjusted(&mut self, target: Label, lasti: bool, adjust: u32) -> u32 {
        let id = self.handlers.len() as u32;
        self.handlers.push(Handler { target, lasti, adjust });
        let handler = self.current_handler();
        self.instrs.push(IrInstr { op: IrOp::Setup, arg: id, loc: Location::default(), handler });
        self.handler_stack.push(id);
        id
    }

    /// End the innermost protected region.
    pub fn pop_handler(&mut self) {
        self.handler_stack.pop();
    }

    /// Make an already set-up handler the innermost one again (it keeps its depth).
    pub fn reactivate_handler(&mut self, id: u32) {
        self.handler_stack.push(id);
    }

    /// The active handlers, innermost last.
    pub fn handlers_snapshot(&self) -> Vec<u32> {
        self.handler_stack.clone()
    }

    pub fn set_handlers(&mut self, handlers: Vec<u32>) {
        self.handler_stack = handlers;
    }

    /// Number of active handlers (to restore after temporarily leaving regions).
    pub fn handler_depth(&self) -> usize {
        self.handler_stack.len()
    }

    /// Deactivate the handlers above `depth`.
    pub fn truncate_handlers(&mut self, depth: usize) {
        self.handler_stack.truncate(depth);
    }

    /// Renumber the operands of fast-slot instructions (`new_index[old] = new`).
    pub fn remap_local_operands(&mut self, new_index: &[u32]) {
        for ins in &mut self.instrs {
            if let IrOp::Op(op) = ins.op {
                if op.arg_kind() == pyglass_bytecode::ArgKind::Local {
                    if let Some(&n) = new_index.get(ins.arg as usize) {
                        ins.arg = n;
                    }
                }
            }
        }
    }

    fn label_pos(&self, l: u32) -> CResult<usize> {
        match self.labels.get(l as usize) {
            Some(&p) if p != UNBOUND => Ok(p as usize),
            _ => Err(internal(format!("unbound label {l}"))),
        }
    }

    /// Produce final bytecode; see the module documentation.
    pub fn assemble(&self) -> CResult<Assembled> {
        let n = self.instrs.len();
        let mut depth: Vec<Option<u32>> = vec![None; n];
        let mut hdepth: Vec<Option<u32>> = vec![None; self.handlers.len()];
        let mut handler_used = vec![false; self.handlers.len()];
        let mut work: Vec<usize> = Vec::new();
        let mut max_depth: u32 = 0;

        fn schedule(
            depth: &mut [Option<u32>],
            work: &mut Vec<usize>,
            max_depth: &mut u32,
            pos: usize,
            d: u32,
        ) -> CResult<()> {
            let Some(slot) = depth.get_mut(pos) else {
                return Err(internal(format!("control flow falls off the end at {pos}")));
            };
            match *slot {
                None => {
                    *slot = Some(d);
                    *max_depth = (*max_depth).max(d);
                    work.push(pos);
                }
                Some(old) if old != d => {
                    return Err(internal(format!("inconsistent stack depth at {pos}: {old} vs {d}")))
                }
                Some(_) => {}
            }
            Ok(())
        }

        if n == 0 {
            return Err(internal("empty code".into()));
        }
        schedule(&mut depth, &mut work, &mut max_depth, 0, 0)?;
        while let Some(i) = work.pop() {
            let ins = self.instrs[i];
            let d = depth[i].unwrap_or(0);
            if ins.handler != NO_HANDLER {
                let h = ins.handler as usize;
                let Some(hd) = hdepth[h] else {
                    return Err(internal(format!("instruction {i} covered by a handler that was never set up")));
                };
                if !handler_used[h] {
                    handler_used[h] = true;
                    let handler = self.handlers[h];
                    let target = self.label_pos(handler.target.0)?;
                    schedule(&mut depth, &mut work, &mut max_depth, target, hd + 1 + handler.lasti as u32)?;
                }
            }
            match ins.op {
                IrOp::Setup => {
                    let h = ins.arg as usize;
                    let Some(d) = d.checked_sub(self.handlers[h].adjust) else {
                        return Err(internal(format!("handler {h} set up below its adjustment")));
                    };
                    match hdepth[h] {
                        None => hdepth[h] = Some(d),
                        Some(old) if old != d => {
                            return Err(internal(format!("handler {h} set up at depths {old} and {d}")))
                        }
                        Some(_) => {}
                    }
                    schedule(&mut depth, &mut work, &mut max_depth, i + 1, d + self.handlers[h].adjust)?;
                }
                IrOp::Jump => {
                    let target = self.label_pos(ins.arg)?;
                    schedule(&mut depth, &mut work, &mut max_depth, target, d)?;
                }
                IrOp::Op(op) => {
                    let (pops, pushes) = pops_pushes(op, ins.arg, false);
                    if d < pops {
                        return Err(internal(format!("stack underflow at {i} ({})", op.name())));
                    }
                    if is_jump(op) {
                        let (jpops, jpushes) = pops_pushes(op, ins.arg, true);
                        let target = self.label_pos(ins.arg)?;
                        schedule(&mut depth, &mut work, &mut max_depth, target, d - jpops + jpushes)?;
                    }
                    if !is_terminator(op) {
                        schedule(&mut depth, &mut work, &mut max_depth, i + 1, d - pops + pushes)?;
                    }
                    // Account for the transient peak of instructions that push more than
                    // they pop.
                    max_depth = max_depth.max(d - pops + pushes);
                }
            }
        }

        // Which IR instructions survive: reachable real instructions.
        let mut keep: Vec<bool> =
            (0..n).map(|i| depth[i].is_some() && !matches!(self.instrs[i].op, IrOp::Setup)).collect();
        // Drop unconditional jumps to the next surviving instruction, to a fixpoint.
        loop {
            let index = prefix_index(&keep);
            let mut changed = false;
            for i in 0..n {
                if keep[i] && self.instrs[i].op == IrOp::Jump {
                    let target = self.label_pos(self.instrs[i].arg)?;
                    // Several such jumps can go at once: each lands where the next one
                    // would have taken it anyway.
                    if index[target] == index[i] + 1 {
                        keep[i] = false;
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }
        let index = prefix_index(&keep);
        let total = index[n] as usize;
        if total as u64 > MAX_ARG as u64 {
            return Err(CompileError::new("code object too large", Loc::default()));
        }

        let mut instructions = Vec::with_capacity(total);
        let mut locations = Vec::with_capacity(total);
        let mut handler_of = Vec::with_capacity(total);
        for i in 0..n {
            if !keep[i] {
                continue;
            }
            let ins = self.instrs[i];
            let here = index[i];
            let (op, arg) = match ins.op {
                IrOp::Jump => {
                    let t = index[self.label_pos(ins.arg)?];
                    (if t > here { Opcode::JUMP_FORWARD } else { Opcode::JUMP_BACKWARD }, t)
                }
                IrOp::Op(op) if is_jump(op) => (op, index[self.label_pos(ins.arg)?]),
                IrOp::Op(op) => (op, ins.arg),
                IrOp::Setup => continue,
            };
            if arg > MAX_ARG {
                return Err(CompileError::new("instruction argument too large", Loc::default()));
            }
            instructions.push(Instr::new(op, arg));
            locations.push(ins.loc);
            handler_of.push(ins.handler);
        }

        let mut exception_table = Vec::new();
        let mut start = 0usize;
        while start < handler_of.len() {
            let h = handler_of[start];
            let mut end = start + 1;
            while end < handler_of.len() && handler_of[end] == h {
                end += 1;
            }
            if h != NO_HANDLER {
                let handler = self.handlers[h as usize];
                let target = index[self.label_pos(handler.target.0)?];
                let Some(d) = hdepth[h as usize] else {
                    return Err(internal(format!("handler {h} without depth")));
                };
                exception_table.push(ExceptionEntry {
                    start: start as u32,
                    end: end as u32,
                    target,
                    depth: d,
                    lasti: handler.lasti,
                });
            }
            start = end;
        }

        Ok(Assembled { instructions, locations, exception_table, stacksize: max_depth })
    }
}

/// `index[i]` = number of kept instructions before position `i` (so a removed position
/// maps to the next kept instruction); `index[n]` is the total.
fn prefix_index(keep: &[bool]) -> Vec<u32> {
    let mut index = Vec::with_capacity(keep.len() + 1);
    let mut count = 0u32;
    for &k in keep {
        index.push(count);
        count += k as u32;
    }
    index.push(count);
    index
}
