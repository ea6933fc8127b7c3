//! Control flow: conditionals, loops, `try`, `with`, and leaving blocks early.
//!
//! # Handler stack layouts (what the VM sees)
//!
//! Depths below are relative to the stack depth `d` when the statement starts. An
//! exception-table entry with depth `k` and `lasti` makes the VM pop to `k` items, push
//! the raising instruction's index, then the exception.
//!
//! **try/except**
//! ```text
//!     <body>                       handler H_except: depth d, no lasti
//!     <else>; JUMP end
//! H_except:        [exc]
//!     PUSH_EXC_INFO                [prev_exc, exc]      handler H_cleanup: depth d+1, lasti
//!     LOAD type; CHECK_EXC_MATCH; POP_JUMP_IF_FALSE next   (typed clauses)
//!     STORE name | POP_TOP         [prev_exc]
//!     <clause body>                (named: handler H_name: depth d+1, lasti)
//!     POP_EXCEPT; [name = None; del name]; JUMP end
//! H_name:          [prev_exc, lasti, exc2]
//!     name = None; del name; RERAISE 1          (-> H_cleanup)
//! next: ... RERAISE 0 when no clause matched     (-> H_cleanup)
//! H_cleanup:       [prev_exc, lasti, exc2]
//!     COPY 3; POP_EXCEPT; RERAISE 1
//! end:
//! ```
//! **try/finally**
//! ```text
//!     <body>                       handler H_finally: depth d, no lasti
//!     <finally body>; JUMP exit
//! H_finally:       [exc]
//!     PUSH_EXC_INFO                [prev_exc, exc]      handler H_cleanup: depth d+1, lasti
//!     <finally body>
//!     RERAISE 0
//! H_cleanup:       [prev_exc, lasti, exc2]
//!     COPY 3; POP_EXCEPT; RERAISE 1
//! exit:
//! ```
//! **with**
//! ```text
//!     <context expr>; BEFORE_WITH  [exit, value]        handler H_with: depth d+1, lasti
//!     <store value> | POP_TOP      [exit]
//!     <body>
//!     PUSH_NULL; LOAD_CONST None x3; CALL 3; POP_TOP     (exit(None, None, None))
//!     JUMP end
//! H_with:          [exit, lasti, exc]
//!     PUSH_EXC_INFO                [exit, lasti, prev_exc, exc]   handler H_cleanup: d+3, lasti
//!     WITH_EXCEPT_START            [exit, lasti, prev_exc, exc, res]
//!     POP_JUMP_IF_TRUE suppress
//!     COPY 3; SWAP 2; RERAISE 1    (re-raise exc with the body's lasti)
//! suppress:
//!     POP_TOP; POP_EXCEPT; POP_TOP; POP_TOP; JUMP end
//! H_cleanup:       COPY 3; POP_EXCEPT; RERAISE 1
//! end:
//! ```
//!
//! # Leaving blocks early
//! `break`, `continue` and `return` walk the block stack ([`super::FBlock`]) from the
//! inside out and emit, for each block they leave, the code the block's normal exit would
//! have run: pop a `for` iterator, run a `finally` body, call `__exit__(None, None,
//! None)`, or `POP_EXCEPT` (and unbind the `as` name) when leaving an `except` clause.
//! That code is emitted with the block's handlers deactivated, so an exception in a
//! `finally` body run by `return` is not caught by the same `finally`. A return value
//! stays on top of the stack throughout (`SWAP 2` moves it above what must be popped).

use super::{location, Compiler, Ctx, FBlock, FBlockKind, NO_LOC};
use crate::error::CResult;
use crate::fold::truthy;
use crate::ir::Label;
use pyglass_bytecode::{Constant, Location, Opcode};
use pyglass_syntax::ast::{self, BoolOp, CmpOp, Expr, ExprKind, Loc, Stmt, UnaryOp};

impl<'a> Compiler<'a> {
    // ----- conditionals -------------------------------------------------------------

    pub fn compile_if(&mut self, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt], loc: Location) -> CResult<()> {
        let end = self.new_label();
        let next = if orelse.is_empty() { end } else { self.new_label() };
        self.compile_jump_if(test, next, false)?;
        self.compile_body(body)?;
        if !orelse.is_empty() {
            self.jump(end, loc);
            self.bind(next);
            self.compile_body(orelse)?;
        }
        self.bind(end);
        Ok(())
    }

    /// Evaluate `e` for its truth value and jump to `target` if it equals `cond`;
    /// otherwise fall through. Boolean operators, `not`, conditional expressions and
    /// chained comparisons become jump chains without materializing intermediate values.
    pub fn compile_jump_if(&mut self, e: &'a Expr, target: Label, cond: bool) -> CResult<()> {
        let loc = location(e.loc);
        if let Some(t) = self.fold.get(e).as_ref().and_then(truthy) {
            if t == cond {
                self.jump(target, loc);
            }
            return Ok(());
        }
        match &e.kind {
            ExprKind::UnaryOp { op: UnaryOp::Not, operand } => return self.compile_jump_if(operand, target, !cond),
            ExprKind::BoolOp { op, values } if !values.is_empty() => {
                let is_or = *op == BoolOp::Or;
                let next2 = if is_or == cond { target } else { self.new_label() };
                let (last, init) = values.split_last().expect("non-empty");
                for v in init {
                    self.compile_jump_if(v, next2, is_or)?;
                }
                self.compile_jump_if(last, target, cond)?;
                if next2 != target {
                    self.bind(next2);
                }
                return Ok(());
            }
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let next2 = self.new_label();
                self.compile_jump_if(test, next2, false)?;
                self.compile_jump_if(body, target, cond)?;
                self.jump(end, NO_LOC);
                self.bind(next2);
                self.compile_jump_if(orelse, target, cond)?;
                self.bind(end);
                return Ok(());
            }
            ExprKind::Compare { left, ops, comparators } if ops.len() > 1 && ops.len() == comparators.len() => {
                let cleanup = self.new_label();
                self.compile_expr(left)?;
                let n = ops.len() - 1;
                for i in 0..n {
                    self.compile_expr(&comparators[i])?;
                    self.emit(Opcode::SWAP, 2, loc);
                    self.emit(Opcode::COPY, 2, loc);
                    self.emit_compare(ops[i], loc);
                    self.jump_op(Opcode::POP_JUMP_IF_FALSE, cleanup, loc);
                }
                self.compile_compare_operand(ops[n], &comparators[n])?;
                self.emit_compare(ops[n], loc);
                let op = if cond { Opcode::POP_JUMP_IF_TRUE } else { Opcode::POP_JUMP_IF_FALSE };
                self.jump_op(op, target, loc);
                let end = self.new_label();
                self.jump(end, NO_LOC);
                self.bind(cleanup);
                self.emit0(Opcode::POP_TOP, loc);
                if !cond {
                    self.jump(target, NO_LOC);
                }
                self.bind(end);
                return Ok(());
            }
            ExprKind::Compare { left, ops, comparators }
                if ops.len() == 1
                    && comparators.len() == 1
                    && matches!(ops[0], CmpOp::Is | CmpOp::IsNot)
                    && matches!(comparators[0].kind, ExprKind::Constant(ast::Constant::None)) =>
            {
                // `x is None` / `x is not None`: POP_JUMP_IF_NONE / POP_JUMP_IF_NOT_NONE.
                self.compile_expr(left)?;
                let jump_if_none = (ops[0] == CmpOp::Is) == cond;
                let op = if jump_if_none { Opcode::POP_JUMP_IF_NONE } else { Opcode::POP_JUMP_IF_NOT_NONE };
                self.jump_op(op, target, loc);
                return Ok(());
            }
            _ => {}
        }
        self.compile_expr(e)?;
        let op = if cond { Opcode::POP_JUMP_IF_TRUE } else { Opcode::POP_JUMP_IF_FALSE };
        self.jump_op(op, target, loc);
        Ok(())
    }

    // ----- loops --------------------------------------------------------------------

    pub fn compile_while(&mut self, s: &'a Stmt, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> CResult<()> {
        let loc = location(s.loc);
        let start = self.new_label();
        let anchor = self.new_label();
        let end = self.new_label();
        self.bind(start);
        let hd = self.seq().handler_depth();
        self.push_fblock(FBlockKind::WhileLoop { start, exit: end }, hd, s.loc)?;
        self.compile_jump_if(test, anchor, false)?;
        self.compile_body(body)?;
        self.jump(start, loc);
        self.pop_fblock();
        self.bind(anchor);
        self.compile_body(orelse)?;
        self.bind(end);
        Ok(())
    }

    /// The iterable of a `for` loop or comprehension: a list display becomes a tuple
    /// (a constant one when possible), as CPython's optimizer does.
    pub fn compile_iterable(&mut self, iter: &'a Expr) -> CResult<()> {
        if let ExprKind::List { elts, .. } = &iter.kind {
            if !elts.iter().any(|e| matches!(e.kind, ExprKind::Starred { .. })) {
                return self.compile_tuple_of(elts, iter.loc);
            }
        }
        self.compile_expr(iter)
    }

    pub fn compile_for(
        &mut self,
        s: &'a Stmt,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CResult<()> {
        let iloc = location(iter.loc);
        let start = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.compile_iterable(iter)?;
        self.emit0(Opcode::GET_ITER, iloc);
        self.bind(start);
        self.jump_op(Opcode::FOR_ITER, cleanup, iloc);
        let hd = self.seq().handler_depth();
        self.push_fblock(FBlockKind::ForLoop { start, exit: end }, hd, s.loc)?;
        self.compile_store(target)?;
        self.compile_body(body)?;
        self.jump(start, iloc);
        self.pop_fblock();
        // FOR_ITER has popped the exhausted iterator.
        self.bind(cleanup);
        self.compile_body(orelse)?;
        self.bind(end);
        Ok(())
    }

    /// Index of the innermost loop in the current block stack.
    fn innermost_loop(&self) -> Option<usize> {
        self.unit_ref()
            .fblocks
            .iter()
            .rposition(|b| matches!(b.kind, FBlockKind::WhileLoop { .. } | FBlockKind::ForLoop { .. }))
    }

    pub fn compile_break(&mut self, span: Loc) -> CResult<()> {
        let Some(i) = self.innermost_loop() else {
            return self.error("'break' outside loop", span);
        };
        let loc = location(span);
        let saved = self.unwind_to(i + 1, false, loc)?;
        // Leave the loop itself too (pops a for loop's iterator).
        let lp = self.unit_ref().fblocks[i].clone();
        let exit = match lp.kind {
            FBlockKind::WhileLoop { exit, .. } | FBlockKind::ForLoop { exit, .. } => exit,
            _ => unreachable!("innermost_loop returns loops"),
        };
        self.unwind_one(&lp, false, loc)?;
        self.jump(exit, loc);
        self.finish_unwind(saved);
        Ok(())
    }

    pub fn compile_continue(&mut self, span: Loc) -> CResult<()> {
        let Some(i) = self.innermost_loop() else {
            return self.error("'continue' not properly in loop", span);
        };
        let loc = location(span);
        let saved = self.unwind_to(i + 1, false, loc)?;
        let start = match self.unit_ref().fblocks[i].kind {
            FBlockKind::WhileLoop { start, .. } | FBlockKind::ForLoop { start, .. } => start,
            _ => unreachable!("innermost_loop returns loops"),
        };
        self.jump(start, loc);
        self.finish_unwind(saved);
        Ok(())
    }

    pub fn compile_return(&mut self, s: &'a Stmt, value: Option<&'a Expr>) -> CResult<()> {
        if !self.unit_ref().kind.is_function_like() {
            return self.error("'return' outside function", s.loc);
        }
        let loc = location(s.loc);
        let constant = match value {
            None => Some(Constant::None),
            Some(v) => self.fold.get(v),
        };
        let preserve_tos = constant.is_none();
        if let Some(v) = value {
            if preserve_tos {
                self.compile_expr(v)?;
            }
        }
        let saved = self.unwind_to(0, preserve_tos, loc)?;
        match constant {
            Some(c) => {
                let i = self.add_const(c)?;
                self.emit(Opcode::RETURN_CONST, i, loc);
            }
            None => self.emit0(Opcode::RETURN_VALUE, loc),
        }
        self.finish_unwind(saved);
        Ok(())
    }

    // ----- unwinding ----------------------------------------------------------------

    /// Emit the exit code of every block above index `keep`, innermost first. Each block
    /// is popped before its exit code is emitted (so a `finally` body run here sees only
    /// the blocks outside it) and its handlers are deactivated. The blocks and handlers
    /// are restored by [`Self::finish_unwind`] once the jump or return has been emitted.
    fn unwind_to(&mut self, keep: usize, preserve_tos: bool, loc: Location) -> CResult<(Vec<FBlock<'a>>, Vec<u32>)> {
        let saved_handlers = self.seq().handlers_snapshot();
        let mut popped = Vec::new();
        while self.unit_ref().fblocks.len() > keep {
            let fb = self.unit().fblocks.pop().expect("length checked");
            self.unwind_one(&fb, preserve_tos, loc)?;
            popped.push(fb);
        }
        popped.reverse();
        Ok((popped, saved_handlers))
    }

    fn finish_unwind(&mut self, (blocks, handlers): (Vec<FBlock<'a>>, Vec<u32>)) {
        self.unit().fblocks.extend(blocks);
        self.seq().set_handlers(handlers);
    }

    /// Emit what leaving `fb` early requires. The caller has removed `fb` (and the blocks
    /// inside it) from the block stack.
    fn unwind_one(&mut self, fb: &FBlock<'a>, preserve_tos: bool, loc: Location) -> CResult<()> {
        // The block's own handlers no longer apply once we are leaving it.
        self.seq().truncate_handlers(fb.handler_depth);
        match &fb.kind {
            FBlockKind::WhileLoop { .. } | FBlockKind::ExceptionHandler | FBlockKind::TryExcept => {}
            FBlockKind::ForLoop { .. } | FBlockKind::PopValue => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2, loc);
                }
                self.emit0(Opcode::POP_TOP, loc);
            }
            FBlockKind::FinallyTry { body } => {
                let body: &'a [Stmt] = body;
                if preserve_tos {
                    let hd = self.seq().handler_depth();
                    self.push_fblock(FBlockKind::PopValue, hd, Loc::default())?;
                }
                self.compile_body(body)?;
                if preserve_tos {
                    self.pop_fblock();
                }
            }
            FBlockKind::FinallyEnd => {
                // [prev_exc, exc] (+ value): drop exc, restore prev_exc.
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2, loc);
                }
                self.emit0(Opcode::POP_TOP, loc);
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2, loc);
                }
                self.emit0(Opcode::POP_EXCEPT, loc);
            }
            FBlockKind::With { loc: wloc } => {
                let wloc = *wloc;
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2, wloc);
                }
                self.call_exit_with_nones(wloc)?;
                self.emit0(Opcode::POP_TOP, wloc);
            }
            FBlockKind::HandlerCleanup { name } => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2, loc);
                }
                self.emit0(Opcode::POP_EXCEPT, loc);
                if let Some(name) = name {
                    self.unbind_handler_name(name)?;
                }
            }
        }
        Ok(())
    }

    /// `exit(None, None, None)` for the bound `__exit__` on top of the stack.
    fn call_exit_with_nones(&mut self, loc: Location) -> CResult<()> {
        self.emit0(Opcode::PUSH_NULL, loc);
        for _ in 0..3 {
            self.emit_const(Constant::None, loc)?;
        }
        self.emit(Opcode::CALL, 3, loc);
        Ok(())
    }

    /// `name = None; del name` at the end of an `except ... as name:` clause.
    fn unbind_handler_name(&mut self, name: &str) -> CResult<()> {
        self.emit_const(Constant::None, NO_LOC)?;
        self.compile_name(name, Ctx::Store, NO_LOC, Loc::default())?;
        self.compile_name(name, Ctx::Del, NO_LOC, Loc::default())
    }

    /// `COPY 3; POP_EXCEPT; RERAISE 1`: the cleanup handler of an exception handler.
    fn pop_except_and_reraise(&mut self) {
        self.emit(Opcode::COPY, 3, NO_LOC);
        self.emit0(Opcode::POP_EXCEPT, NO_LOC);
        self.emit(Opcode::RERAISE, 1, NO_LOC);
    }

    // ----- try ----------------------------------------------------------------------

    pub fn compile_try_except(
        &mut self,
        s: &'a Stmt,
        body: &'a [Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [Stmt],
    ) -> CResult<()> {
        let except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();

        let outer = self.seq().handler_depth();
        self.seq().push_handler(except, false);
        self.push_fblock(FBlockKind::TryExcept, outer, s.loc)?;
        self.compile_body(body)?;
        self.pop_fblock();
        self.seq().pop_handler();
        self.compile_body(orelse)?;
        self.jump(end, NO_LOC);

        // [exc] -> [prev_exc, exc], under the cleanup handler that restores prev_exc.
        self.bind(except);
        let cleanup_h = self.seq().push_handler(cleanup, true);
        self.emit0(Opcode::PUSH_EXC_INFO, NO_LOC);
        self.push_fblock(FBlockKind::ExceptionHandler, outer, s.loc)?;
        for (i, h) in handlers.iter().enumerate() {
            let hloc = location(h.loc);
            if h.typ.is_none() && i + 1 < handlers.len() {
                return self.error("default 'except:' must be last", h.loc);
            }
            let next = self.new_label();
            if let Some(t) = &h.typ {
                self.compile_expr(t)?;
                self.emit0(Opcode::CHECK_EXC_MATCH, hloc);
                self.jump_op(Opcode::POP_JUMP_IF_FALSE, next, hloc);
            }
            match &h.name {
                Some(name) => {
                    // try: <body> finally: name = None; del name
                    let cleanup_end = self.new_label();
                    self.compile_name(name, Ctx::Store, hloc, h.loc)?;
                    self.seq().push_handler(cleanup_end, true);
                    self.push_fblock(FBlockKind::HandlerCleanup { name: Some(name.clone()) }, outer, h.loc)?;
                    self.compile_body(&h.body)?;
                    self.pop_fblock();
                    self.seq().pop_handler();
                    self.seq().pop_handler();
                    self.emit0(Opcode::POP_EXCEPT, NO_LOC);
                    self.unbind_handler_name(name)?;
                    self.jump(end, NO_LOC);
                    // An exception in the clause body: unbind the name, re-raise.
                    self.seq().reactivate_handler(cleanup_h);
                    self.bind(cleanup_end);
                    self.unbind_handler_name(name)?;
                    self.emit(Opcode::RERAISE, 1, NO_LOC);
                }
                None => {
                    self.emit0(Opcode::POP_TOP, hloc);
                    self.push_fblock(FBlockKind::HandlerCleanup { name: None }, outer, h.loc)?;
                    self.compile_body(&h.body)?;
                    self.pop_fblock();
                    self.seq().pop_handler();
                    self.emit0(Opcode::POP_EXCEPT, NO_LOC);
                    self.jump(end, NO_LOC);
                    self.seq().reactivate_handler(cleanup_h);
                }
            }
            self.bind(next);
        }
        self.pop_fblock();
        // No clause matched: re-raise (caught by the cleanup handler below).
        self.emit(Opcode::RERAISE, 0, NO_LOC);
        self.seq().pop_handler();
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(end);
        Ok(())
    }

    pub fn compile_try_finally(
        &mut self,
        s: &'a Stmt,
        body: &'a [Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) -> CResult<()> {
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();

        let outer = self.seq().handler_depth();
        self.seq().push_handler(end, false);
        self.push_fblock(FBlockKind::FinallyTry { body: finalbody }, outer, s.loc)?;
        if handlers.is_empty() {
            self.compile_body(body)?;
            self.compile_body(orelse)?;
        } else {
            self.compile_try_except(s, body, handlers, orelse)?;
        }
        self.pop_fblock();
        self.seq().pop_handler();
        self.compile_body(finalbody)?;
        self.jump(exit, NO_LOC);

        // Exceptional path: run the finally body with the exception saved.
        self.bind(end);
        self.seq().push_handler(cleanup, true);
        self.emit0(Opcode::PUSH_EXC_INFO, NO_LOC);
        self.push_fblock(FBlockKind::FinallyEnd, outer, s.loc)?;
        self.compile_body(finalbody)?;
        self.pop_fblock();
        self.emit(Opcode::RERAISE, 0, NO_LOC);
        self.seq().pop_handler();
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        Ok(())
    }

    // ----- with ---------------------------------------------------------------------

    /// `with` items nest: item `pos` wraps the rest of the items and the body.
    pub fn compile_with(&mut self, items: &'a [ast::WithItem], pos: usize, body: &'a [Stmt]) -> CResult<()> {
        let Some(item) = items.get(pos) else {
            return self.compile_body(body);
        };
        let final_ = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();

        self.compile_expr(&item.context_expr)?;
        let loc = location(item.context_expr.loc);
        self.emit0(Opcode::BEFORE_WITH, loc);
        let outer = self.seq().handler_depth();
        // [exit, value]: the handler keeps only `exit`.
        self.seq().push_handler_adjusted(final_, true, 1);
        self.push_fblock(FBlockKind::With { loc }, outer, item.context_expr.loc)?;
        match &item.optional_vars {
            Some(target) => self.compile_store(target)?,
            None => self.emit0(Opcode::POP_TOP, loc),
        }
        self.compile_with(items, pos + 1, body)?;
        self.pop_fblock();
        self.seq().pop_handler();
        // Normal exit: exit(None, None, None).
        self.call_exit_with_nones(loc)?;
        self.emit0(Opcode::POP_TOP, loc);
        self.jump(exit, loc);

        // Exceptional exit: [exit, lasti, exc].
        self.bind(final_);
        self.seq().push_handler(cleanup, true);
        self.emit0(Opcode::PUSH_EXC_INFO, loc);
        self.emit0(Opcode::WITH_EXCEPT_START, loc);
        let suppress = self.new_label();
        self.jump_op(Opcode::POP_JUMP_IF_TRUE, suppress, NO_LOC);
        // Re-raise with the lasti of the failing body instruction:
        // [exit, lasti, prev_exc, exc] -> [exit, lasti, prev_exc, lasti, exc].
        self.emit(Opcode::COPY, 3, NO_LOC);
        self.emit(Opcode::SWAP, 2, NO_LOC);
        self.emit(Opcode::RERAISE, 1, NO_LOC);
        self.bind(suppress);
        self.emit0(Opcode::POP_TOP, NO_LOC); // exc
        self.seq().pop_handler();
        self.emit0(Opcode::POP_EXCEPT, NO_LOC);
        self.emit0(Opcode::POP_TOP, NO_LOC); // lasti
        self.emit0(Opcode::POP_TOP, NO_LOC); // exit
        self.jump(exit, NO_LOC);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        Ok(())
    }

    // ----- comparisons (shared with expressions) -------------------------------------

    pub fn emit_compare(&mut self, op: CmpOp, loc: Location) {
        use pyglass_bytecode::CompareOp as C;
        let (opcode, arg) = match op {
            CmpOp::Eq => (Opcode::COMPARE_OP, C::Eq as u32),
            CmpOp::NotEq => (Opcode::COMPARE_OP, C::Ne as u32),
            CmpOp::Lt => (Opcode::COMPARE_OP, C::Lt as u32),
            CmpOp::LtE => (Opcode::COMPARE_OP, C::Le as u32),
            CmpOp::Gt => (Opcode::COMPARE_OP, C::Gt as u32),
            CmpOp::GtE => (Opcode::COMPARE_OP, C::Ge as u32),
            CmpOp::Is => (Opcode::IS_OP, 0),
            CmpOp::IsNot => (Opcode::IS_OP, 1),
            CmpOp::In => (Opcode::CONTAINS_OP, 0),
            CmpOp::NotIn => (Opcode::CONTAINS_OP, 1),
        };
        self.emit(opcode, arg, loc);
    }

    /// The right operand of the last comparison: `x in [a, b]` builds a tuple instead of
    /// a list.
    pub fn compile_compare_operand(&mut self, op: CmpOp, e: &'a Expr) -> CResult<()> {
        if matches!(op, CmpOp::In | CmpOp::NotIn) {
            return self.compile_iterable(e);
        }
        self.compile_expr(e)
    }
}

/// The comparison `not` of a single `is`/`in` test folds into (`not a is b` is
/// `a is not b`); `None` for the others, which cannot be inverted safely.
pub(crate) fn inverted_compare(op: CmpOp) -> Option<CmpOp> {
    match op {
        CmpOp::Is => Some(CmpOp::IsNot),
        CmpOp::IsNot => Some(CmpOp::Is),
        CmpOp::In => Some(CmpOp::NotIn),
        CmpOp::NotIn => Some(CmpOp::In),
        _ => None,
    }
}
