//! Expressions and calls.
//!
//! Calls follow the `[callable, self_or_null, args...]` convention: a method call
//! `obj.m(x)` is `LOAD obj; LOAD_METHOD m; LOAD x; CALL 1`, any other call loads the
//! callable then `PUSH_NULL`. Keyword arguments add a constant tuple of names and use
//! `CALL_KW`; any `*args` or `**kwargs` switch to `CALL_FUNCTION_EX` with a real tuple
//! (built with `BUILD_LIST`/`LIST_EXTEND`/`LIST_TO_TUPLE`) and, when there are keywords, a
//! fresh dict (built with `BUILD_MAP`/`DICT_MERGE`).

use super::flow::inverted_compare;
use super::stmt::{attr_location, binary_op, is_two_element_slice};
use super::{location, Compiler, Ctx};
use crate::error::CResult;
use pyglass_bytecode::{Constant, Location, Opcode};
use pyglass_syntax::ast::{BoolOp, Expr, ExprKind, Keyword, Loc, UnaryOp};

/// Above this many items, displays are built incrementally (CPython's
/// `STACK_USE_GUIDELINE`).
const STACK_USE_GUIDELINE: usize = 30;

fn is_starred(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Starred { .. })
}

/// Which sequence a display builds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SeqKind {
    List,
    Tuple,
    Set,
}

impl<'a> Compiler<'a> {
    pub fn compile_expr(&mut self, e: &'a Expr) -> CResult<()> {
        let loc = location(e.loc);
        // pyglass leaves complex numbers out; say so where one appears.
        if matches!(e.kind, ExprKind::Constant(pyglass_syntax::ast::Constant::Complex(_))) {
            return self.error("complex numbers are not supported by pyglass", e.loc);
        }
        if !matches!(e.kind, ExprKind::Constant(_)) {
            if let Some(c) = self.fold.get(e) {
                if contains_complex(&c) {
                    return self.error("complex numbers are not supported by pyglass", e.loc);
                }
                return self.emit_const(c, loc);
            }
        }
        match &e.kind {
            ExprKind::BoolOp { op, values } => {
                let end = self.new_label();
                let jump = if *op == BoolOp::And { Opcode::POP_JUMP_IF_FALSE } else { Opcode::POP_JUMP_IF_TRUE };
                let Some((last, init)) = values.split_last() else {
                    return self.error("empty boolean operation", e.loc);
                };
                for v in init {
                    self.compile_expr(v)?;
                    self.emit(Opcode::COPY, 1, loc);
                    self.jump_op(jump, end, loc);
                    self.emit0(Opcode::POP_TOP, loc);
                }
                self.compile_expr(last)?;
                self.bind(end);
            }
            ExprKind::NamedExpr { target, value } => {
                self.compile_expr(value)?;
                self.emit(Opcode::COPY, 1, loc);
                self.compile_store(target)?;
            }
            ExprKind::BinOp { left, op, right } => {
                self.compile_expr(left)?;
                self.compile_expr(right)?;
                self.emit(Opcode::BINARY_OP, binary_op(*op, false), loc);
            }
            ExprKind::UnaryOp { op, operand } => {
                // `not a is b` -> `a is not b` (also for in / not in).
                if *op == UnaryOp::Not {
                    if let ExprKind::Compare { left, ops, comparators } = &operand.kind {
                        if ops.len() == 1 && comparators.len() == 1 {
                            if let Some(inv) = inverted_compare(ops[0]) {
                                self.compile_expr(left)?;
                                self.compile_compare_operand(inv, &comparators[0])?;
                                self.emit_compare(inv, location(operand.loc));
                                return Ok(());
                            }
                        }
                    }
                }
                self.compile_expr(operand)?;
                let opcode = match op {
                    UnaryOp::Invert => Opcode::UNARY_INVERT,
                    UnaryOp::Not => Opcode::UNARY_NOT,
                    UnaryOp::UAdd => Opcode::UNARY_POSITIVE,
                    UnaryOp::USub => Opcode::UNARY_NEGATIVE,
                };
                self.emit0(opcode, loc);
            }
            ExprKind::Lambda { args, body } => self.compile_lambda(e, args, body)?,
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let next = self.new_label();
                self.compile_jump_if(test, next, false)?;
                self.compile_expr(body)?;
                self.jump(end, loc);
                self.bind(next);
                self.compile_expr(orelse)?;
                self.bind(end);
            }
            ExprKind::Dict { keys, values } => self.compile_dict(keys, values, loc)?,
            ExprKind::Set(elts) => self.compile_sequence(elts, SeqKind::Set, loc)?,
            ExprKind::List { elts, ctx } => match Ctx::from(*ctx) {
                Ctx::Load => self.compile_sequence(elts, SeqKind::List, loc)?,
                Ctx::Store => self.compile_store(e)?,
                Ctx::Del => self.compile_delete(e)?,
            },
            ExprKind::Tuple { elts, ctx } => match Ctx::from(*ctx) {
                Ctx::Load => self.compile_sequence(elts, SeqKind::Tuple, loc)?,
                Ctx::Store => self.compile_store(e)?,
                Ctx::Del => self.compile_delete(e)?,
            },
            ExprKind::ListComp { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::DictComp { .. }
            | ExprKind::GeneratorExp { .. } => self.compile_comprehension(e)?,
            ExprKind::Await(_) => {
                let msg = if self.unit_ref().kind.is_function_like() {
                    "'await' outside async function"
                } else {
                    "'await' outside function"
                };
                return self.error(msg, e.loc);
            }
            ExprKind::Yield(value) => {
                if !self.unit_ref().kind.is_function_like() {
                    return self.error("'yield' outside function", e.loc);
                }
                match value {
                    Some(v) => self.compile_expr(v)?,
                    None => self.emit_const(Constant::None, loc)?,
                }
                self.emit0(Opcode::YIELD_VALUE, loc);
            }
            ExprKind::YieldFrom(value) => {
                if !self.unit_ref().kind.is_function_like() {
                    return self.error("'yield from' outside function", e.loc);
                }
                self.compile_expr(value)?;
                self.emit0(Opcode::GET_YIELD_FROM_ITER, loc);
                self.emit_const(Constant::None, loc)?;
                self.compile_yield_from_loop(loc);
            }
            ExprKind::Compare { left, ops, comparators } => {
                if ops.is_empty() || ops.len() != comparators.len() {
                    return self.error("malformed comparison", e.loc);
                }
                self.compile_expr(left)?;
                let n = ops.len() - 1;
                if n == 0 {
                    self.compile_compare_operand(ops[0], &comparators[0])?;
                    self.emit_compare(ops[0], loc);
                } else {
                    // a < b < c: [a, b] -> [b, a < b]; stop early with the false result.
                    let cleanup = self.new_label();
                    for i in 0..n {
                        self.compile_expr(&comparators[i])?;
                        self.emit(Opcode::SWAP, 2, loc);
                        self.emit(Opcode::COPY, 2, loc);
                        self.emit_compare(ops[i], loc);
                        self.emit(Opcode::COPY, 1, loc);
                        self.jump_op(Opcode::POP_JUMP_IF_FALSE, cleanup, loc);
                        self.emit0(Opcode::POP_TOP, loc);
                    }
                    self.compile_compare_operand(ops[n], &comparators[n])?;
                    self.emit_compare(ops[n], loc);
                    let end = self.new_label();
                    self.jump(end, loc);
                    self.bind(cleanup);
                    self.emit(Opcode::SWAP, 2, loc);
                    self.emit0(Opcode::POP_TOP, loc);
                    self.bind(end);
                }
            }
            ExprKind::Call { func, args, keywords } => self.compile_call(e, func, args, keywords)?,
            ExprKind::FormattedValue { value, conversion, format_spec } => {
                self.compile_expr(value)?;
                let conv = match u8::try_from(*conversion).ok() {
                    Some(b's') => 1,
                    Some(b'r') => 2,
                    Some(b'a') => 3,
                    _ => 0,
                };
                if conv != 0 {
                    self.emit(Opcode::CONVERT_VALUE, conv, loc);
                }
                match format_spec {
                    Some(spec) => {
                        self.compile_expr(spec)?;
                        self.emit0(Opcode::FORMAT_WITH_SPEC, loc);
                    }
                    None => self.emit0(Opcode::FORMAT_SIMPLE, loc),
                }
            }
            ExprKind::JoinedStr(values) => {
                for v in values {
                    self.compile_expr(v)?;
                }
                match values.len() {
                    0 => self.emit_const(Constant::Str(String::new()), loc)?,
                    1 if matches!(values[0].kind, ExprKind::FormattedValue { .. })
                        || matches!(values[0].kind, ExprKind::Constant(_)) => {}
                    n => self.emit(Opcode::BUILD_STRING, n as u32, loc),
                }
            }
            ExprKind::Constant(c) => self.emit_const(crate::fold::convert_literal(c), loc)?,
            ExprKind::Attribute { value, attr, ctx } => match Ctx::from(*ctx) {
                Ctx::Load => {
                    self.compile_expr(value)?;
                    self.emit_name_op(Opcode::LOAD_ATTR, attr, attr_location(e, attr))?;
                }
                Ctx::Store => self.compile_store(e)?,
                Ctx::Del => self.compile_delete(e)?,
            },
            ExprKind::Subscript { value, slice, ctx } => match Ctx::from(*ctx) {
                Ctx::Load => {
                    self.compile_expr(value)?;
                    if is_two_element_slice(slice) {
                        self.compile_slice_parts(slice)?;
                        self.emit0(Opcode::BINARY_SLICE, loc);
                    } else {
                        self.compile_expr(slice)?;
                        self.emit0(Opcode::BINARY_SUBSCR, loc);
                    }
                }
                Ctx::Store => self.compile_store(e)?,
                Ctx::Del => self.compile_delete(e)?,
            },
            ExprKind::Starred { ctx, .. } => {
                let msg = if Ctx::from(*ctx) == Ctx::Store {
                    "starred assignment target must be in a list or tuple"
                } else {
                    "can't use starred expression here"
                };
                return self.error(msg, e.loc);
            }
            ExprKind::Name { id, ctx } => self.compile_name(id, Ctx::from(*ctx), loc, e.loc)?,
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(p) => self.compile_expr(p)?,
                        None => self.emit_const(Constant::None, loc)?,
                    }
                }
                let mut n = 2;
                if let Some(st) = step {
                    self.compile_expr(st)?;
                    n = 3;
                }
                self.emit(Opcode::BUILD_SLICE, n, loc);
            }
        }
        Ok(())
    }

    /// `[receiver, value]` -> `[result]`: the delegation loop of `yield from`.
    ///
    /// While suspended at the loop's `YIELD_VALUE` (always directly after the `SEND`) the
    /// sub-iterator is on top of the stack; the VM uses that to forward `throw()` and
    /// `close()` to it.
    pub fn compile_yield_from_loop(&mut self, loc: Location) {
        let send = self.new_label();
        let exit = self.new_label();
        self.bind(send);
        self.jump_op(Opcode::SEND, exit, loc);
        self.emit0(Opcode::YIELD_VALUE, loc);
        self.jump(send, loc);
        self.bind(exit);
    }

    /// Lower and upper bound of a two-element slice (None when omitted).
    pub fn compile_slice_parts(&mut self, slice: &'a Expr) -> CResult<()> {
        let loc = location(slice.loc);
        if let ExprKind::Slice { lower, upper, .. } = &slice.kind {
            for part in [lower, upper] {
                match part {
                    Some(p) => self.compile_expr(p)?,
                    None => self.emit_const(Constant::None, loc)?,
                }
            }
        }
        Ok(())
    }

    /// A tuple of `elts` (constant when every element folds).
    pub fn compile_tuple_of(&mut self, elts: &'a [Expr], span: Loc) -> CResult<()> {
        self.compile_sequence(elts, SeqKind::Tuple, location(span))
    }

    /// Constant values of all of `elts`, if each one is constant.
    fn all_const(&self, elts: &[Expr]) -> Option<Vec<Constant>> {
        elts.iter().map(|e| if is_starred(e) { None } else { self.fold.get(e) }).collect()
    }

    /// List, tuple and set displays, with `*iterable` unpacking.
    fn compile_sequence(&mut self, elts: &'a [Expr], kind: SeqKind, loc: Location) -> CResult<()> {
        let (build, add, extend) = match kind {
            SeqKind::List | SeqKind::Tuple => (Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND),
            SeqKind::Set => (Opcode::BUILD_SET, Opcode::SET_ADD, Opcode::SET_UPDATE),
        };
        let n = elts.len();
        if let Some(values) = self.all_const(elts) {
            if kind == SeqKind::Tuple {
                return self.emit_const(Constant::Tuple(values), loc);
            }
            if n > 2 {
                self.emit(build, 0, loc);
                let c = if kind == SeqKind::Set { Constant::FrozenSet(values) } else { Constant::Tuple(values) };
                self.emit_const(c, loc)?;
                self.emit(extend, 1, loc);
                return Ok(());
            }
        }
        let starred = elts.iter().any(is_starred);
        let big = n > STACK_USE_GUIDELINE;
        if !starred && !big {
            for e in elts {
                self.compile_expr(e)?;
            }
            let op = if kind == SeqKind::Tuple { Opcode::BUILD_TUPLE } else { build };
            self.emit(op, n as u32, loc);
            return Ok(());
        }
        self.compile_unpacking_sequence(elts, 0, build, add, extend, loc)?;
        if kind == SeqKind::Tuple {
            self.emit0(Opcode::LIST_TO_TUPLE, loc);
        }
        Ok(())
    }

    /// Build a list/set from `elts` (which may contain `*x`) on top of `pushed` items
    /// already on the stack that belong at its start.
    fn compile_unpacking_sequence(
        &mut self,
        elts: &'a [Expr],
        pushed: u32,
        build: Opcode,
        add: Opcode,
        extend: Opcode,
        loc: Location,
    ) -> CResult<()> {
        let mut built = false;
        if elts.len() + pushed as usize > STACK_USE_GUIDELINE {
            self.emit(build, pushed, loc);
            built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let ExprKind::Starred { value, .. } = &e.kind {
                if !built {
                    self.emit(build, i as u32 + pushed, loc);
                    built = true;
                }
                self.compile_expr(value)?;
                self.emit(extend, 1, loc);
            } else {
                self.compile_expr(e)?;
                if built {
                    self.emit(add, 1, loc);
                }
            }
        }
        if !built {
            self.emit(build, elts.len() as u32 + pushed, loc);
        }
        Ok(())
    }

    /// `{k: v, **m}` displays.
    fn compile_dict(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr], loc: Location) -> CResult<()> {
        if keys.len() != values.len() {
            return self.error("malformed dict display", Loc::default());
        }
        let mut have_dict = false;
        let mut start = 0;
        let n = values.len();
        for i in 0..=n {
            let unpack = i < n && keys[i].is_none();
            let flush = i == n || unpack || (i - start) * 2 > STACK_USE_GUIDELINE;
            if flush && i > start {
                self.compile_subdict(&keys[start..i], &values[start..i], loc)?;
                if have_dict {
                    self.emit(Opcode::DICT_UPDATE, 1, loc);
                }
                have_dict = true;
                start = i;
            }
            if unpack {
                if !have_dict {
                    self.emit(Opcode::BUILD_MAP, 0, loc);
                    have_dict = true;
                }
                self.compile_expr(&values[i])?;
                self.emit(Opcode::DICT_UPDATE, 1, loc);
                start = i + 1;
            }
        }
        if !have_dict {
            self.emit(Opcode::BUILD_MAP, 0, loc);
        }
        Ok(())
    }

    /// A dict of plain `key: value` items (no unpacking).
    fn compile_subdict(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr], loc: Location) -> CResult<()> {
        let n = keys.len();
        let const_keys: Option<Vec<Constant>> = keys
            .iter()
            .map(|k| match k.as_ref().and_then(|k| self.fold.get(k)) {
                Some(c @ Constant::Str(_)) => Some(c),
                _ => None,
            })
            .collect();
        if let Some(ck) = const_keys {
            if n > 1 {
                for v in values {
                    self.compile_expr(v)?;
                }
                self.emit_const(Constant::Tuple(ck), loc)?;
                self.emit(Opcode::BUILD_CONST_KEY_MAP, n as u32, loc);
                return Ok(());
            }
        }
        for (k, v) in keys.iter().zip(values) {
            if let Some(k) = k {
                self.compile_expr(k)?;
            }
            self.compile_expr(v)?;
        }
        self.emit(Opcode::BUILD_MAP, n as u32, loc);
        Ok(())
    }

    // ----- calls ----------------------------------------------------------------------

    /// `keyword argument repeated: x` and `__debug__` checks.
    fn validate_keywords(&self, keywords: &[Keyword]) -> CResult<()> {
        for (i, k) in keywords.iter().enumerate() {
            let Some(name) = &k.arg else { continue };
            self.forbidden_name(name, Ctx::Store, k.loc)?;
            if keywords[i + 1..].iter().any(|o| o.arg.as_deref() == Some(name)) {
                let dup = keywords[i + 1..].iter().find(|o| o.arg.as_deref() == Some(name)).map_or(k.loc, |o| o.loc);
                return self.error(format!("keyword argument repeated: {name}"), dup);
            }
        }
        Ok(())
    }

    fn compile_call(&mut self, e: &'a Expr, func: &'a Expr, args: &'a [Expr], keywords: &'a [Keyword]) -> CResult<()> {
        self.validate_keywords(keywords)?;
        let loc = location(e.loc);
        let simple = !args.iter().any(is_starred) && keywords.iter().all(|k| k.arg.is_some());
        match &func.kind {
            ExprKind::Attribute { value, attr, ctx: pyglass_syntax::ast::ExprContext::Load }
                if simple && !self.fold.is_const(func) =>
            {
                self.compile_expr(value)?;
                self.emit_name_op(Opcode::LOAD_METHOD, attr, attr_location(func, attr))?;
            }
            _ => {
                self.compile_expr(func)?;
                self.emit0(Opcode::PUSH_NULL, location(func.loc));
            }
        }
        self.compile_call_args(args, keywords, 0, loc)
    }

    /// Arguments and the call itself, with `pushed` positional arguments already on the
    /// stack (class definitions push the body function and the name).
    pub fn compile_call_args(
        &mut self,
        args: &'a [Expr],
        keywords: &'a [Keyword],
        pushed: u32,
        loc: Location,
    ) -> CResult<()> {
        let simple = !args.iter().any(is_starred) && keywords.iter().all(|k| k.arg.is_some());
        if simple {
            for a in args {
                self.compile_expr(a)?;
            }
            let n = pushed + args.len() as u32 + keywords.len() as u32;
            if keywords.is_empty() {
                self.emit(Opcode::CALL, n, loc);
            } else {
                for k in keywords {
                    self.compile_expr(&k.value)?;
                }
                let names = keywords.iter().map(|k| Constant::Str(k.arg.clone().unwrap_or_default())).collect();
                self.emit_const(Constant::Tuple(names), loc)?;
                self.emit(Opcode::CALL_KW, n, loc);
            }
            return Ok(());
        }
        // Positional arguments as a tuple; a lone `*x` is passed as is (CPython 3.13:
        // CALL_FUNCTION_EX turns it into a tuple and names the callable on error).
        match args {
            [Expr { kind: ExprKind::Starred { value, .. }, .. }] if pushed == 0 => self.compile_expr(value)?,
            _ => {
                self.compile_unpacking_sequence(args, pushed, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, loc)?;
                self.emit0(Opcode::LIST_TO_TUPLE, loc);
            }
        }
        // Keyword arguments as a dict.
        if !keywords.is_empty() {
            let mut have_dict = false;
            let mut start = 0;
            for i in 0..=keywords.len() {
                let unpack = i < keywords.len() && keywords[i].arg.is_none();
                if (unpack || i == keywords.len()) && i > start {
                    self.compile_subkwargs(&keywords[start..i], loc)?;
                    if have_dict {
                        self.emit(Opcode::DICT_MERGE, 1, loc);
                    }
                    have_dict = true;
                }
                if unpack {
                    if !have_dict {
                        self.emit(Opcode::BUILD_MAP, 0, loc);
                        have_dict = true;
                    }
                    self.compile_expr(&keywords[i].value)?;
                    self.emit(Opcode::DICT_MERGE, 1, loc);
                    start = i + 1;
                }
            }
        }
        self.emit(Opcode::CALL_FUNCTION_EX, !keywords.is_empty() as u32, loc);
        Ok(())
    }

    /// A dict of named keyword arguments.
    fn compile_subkwargs(&mut self, keywords: &'a [Keyword], loc: Location) -> CResult<()> {
        let n = keywords.len();
        if n > 1 {
            for k in keywords {
                self.compile_expr(&k.value)?;
            }
            let names = keywords.iter().map(|k| Constant::Str(k.arg.clone().unwrap_or_default())).collect();
            self.emit_const(Constant::Tuple(names), loc)?;
            self.emit(Opcode::BUILD_CONST_KEY_MAP, n as u32, loc);
        } else {
            for k in keywords {
                self.emit_const(Constant::Str(k.arg.clone().unwrap_or_default()), loc)?;
                self.compile_expr(&k.value)?;
            }
            self.emit(Opcode::BUILD_MAP, n as u32, loc);
        }
        Ok(())
    }
}

fn contains_complex(c: &pyglass_bytecode::Constant) -> bool {
    match c {
        pyglass_bytecode::Constant::Complex(..) => true,
        pyglass_bytecode::Constant::Tuple(items) => items.iter().any(contains_complex),
        _ => false,
    }
}
