//! Simple statements, assignment targets and imports.

use super::{location, Compiler, Ctx};
use crate::error::CResult;
use crate::symtable::ScopeKind;
use pyglass_bytecode::{BinaryOp, Constant, Location, Opcode};
use pyglass_syntax::ast::{self, Expr, ExprKind, Loc, Stmt, StmtKind};

/// The `BINARY_OP` argument of an AST operator, in place or not.
pub(crate) fn binary_op(op: ast::BinOp, inplace: bool) -> u32 {
    let b = match op {
        ast::BinOp::Add => BinaryOp::Add,
        ast::BinOp::Sub => BinaryOp::Subtract,
        ast::BinOp::Mult => BinaryOp::Multiply,
        ast::BinOp::MatMult => BinaryOp::MatrixMultiply,
        ast::BinOp::Div => BinaryOp::TrueDivide,
        ast::BinOp::Mod => BinaryOp::Remainder,
        ast::BinOp::Pow => BinaryOp::Power,
        ast::BinOp::LShift => BinaryOp::Lshift,
        ast::BinOp::RShift => BinaryOp::Rshift,
        ast::BinOp::BitOr => BinaryOp::Or,
        ast::BinOp::BitXor => BinaryOp::Xor,
        ast::BinOp::BitAnd => BinaryOp::And,
        ast::BinOp::FloorDiv => BinaryOp::FloorDivide,
    };
    (if inplace { b.inplace() } else { b }) as u32
}

/// `a[x:y]` with no step: compiled with BINARY_SLICE / STORE_SLICE.
pub(crate) fn is_two_element_slice(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Slice { step: None, .. })
}

/// Location of the attribute name of `obj.attr` when it sits on a later line than the
/// start of the expression (so tracebacks point at the attribute), as CPython does.
pub(crate) fn attr_location(e: &Expr, attr: &str) -> Location {
    let mut loc = location(e.loc);
    if loc.line != e.loc.end_line {
        loc.line = e.loc.end_line;
        let len = attr.len() as u32;
        if len <= e.loc.end_col {
            loc.col = e.loc.end_col - len;
        } else {
            loc.col = 0;
        }
        loc.end_line = loc.end_line.max(loc.line);
        if loc.line == loc.end_line {
            loc.end_col = loc.end_col.max(loc.col);
        }
    }
    loc
}

impl<'a> Compiler<'a> {
    pub fn compile_stmt(&mut self, s: &'a Stmt) -> CResult<()> {
        let loc = location(s.loc);
        match &s.kind {
            StmtKind::FunctionDef(f) => self.compile_function_def(s, f),
            StmtKind::ClassDef(c) => self.compile_class_def(s, c),
            StmtKind::Return(v) => self.compile_return(s, v.as_ref()),
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.compile_delete(t)?;
                }
                Ok(())
            }
            StmtKind::Assign { targets, value } => {
                self.compile_expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Opcode::COPY, 1, loc);
                    }
                    self.compile_store(t)?;
                }
                Ok(())
            }
            StmtKind::AugAssign { target, op, value } => self.compile_augassign(s, target, *op, value),
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                self.compile_annassign(s, target, annotation, value.as_ref(), *simple)
            }
            StmtKind::For { target, iter, body, orelse } => self.compile_for(s, target, iter, body, orelse),
            StmtKind::While { test, body, orelse } => self.compile_while(s, test, body, orelse),
            StmtKind::If { test, body, orelse } => self.compile_if(test, body, orelse, loc),
            StmtKind::With { items, body } => self.compile_with(items, 0, body),
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.compile_expr(e)?;
                    n += 1;
                    if let Some(c) = cause {
                        self.compile_expr(c)?;
                        n += 1;
                    }
                }
                self.emit(Opcode::RAISE_VARARGS, n, loc);
                Ok(())
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                if finalbody.is_empty() {
                    self.compile_try_except(s, body, handlers, orelse)
                } else {
                    self.compile_try_finally(s, body, handlers, orelse, finalbody)
                }
            }
            StmtKind::Assert { test, msg } => {
                let end = self.new_label();
                self.compile_jump_if(test, end, true)?;
                // CPython 3.13 attributes the raise to the test expression, so tracebacks
                // mark it with carets.
                let tloc = location(test.loc);
                self.emit0(Opcode::LOAD_ASSERTION_ERROR, tloc);
                if let Some(m) = msg {
                    self.emit0(Opcode::PUSH_NULL, tloc);
                    self.compile_expr(m)?;
                    self.emit(Opcode::CALL, 1, tloc);
                }
                self.emit(Opcode::RAISE_VARARGS, 1, tloc);
                self.bind(end);
                Ok(())
            }
            StmtKind::Import(names) => self.compile_import(names, loc, s.loc),
            StmtKind::ImportFrom { module, names, level } => {
                self.compile_import_from(module.as_deref(), names, *level, loc, s.loc)
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) | StmtKind::Pass => Ok(()),
            StmtKind::Expr(e) => self.compile_expr_stmt(e, loc),
            StmtKind::Break => self.compile_break(s.loc),
            StmtKind::Continue => self.compile_continue(s.loc),
        }
    }

    fn compile_expr_stmt(&mut self, e: &'a Expr, loc: Location) -> CResult<()> {
        // Interactive input prints the value of expression statements of the top-level
        // code (also inside its loops and ifs).
        if self.mode == crate::Mode::Interactive && self.units.len() == 1 {
            self.compile_expr(e)?;
            self.emit0(Opcode::PRINT_EXPR, loc);
            return Ok(());
        }
        if self.fold.is_const(e) {
            return Ok(()); // a constant statement (docstring-like) does nothing
        }
        self.compile_expr(e)?;
        self.emit0(Opcode::POP_TOP, loc);
        Ok(())
    }

    /// The nearest enclosing class unit of the current (function) unit, for
    /// `__static_attributes__`.
    fn record_static_attribute(&mut self, value: &Expr, attr: &str) {
        if !matches!(&value.kind, ExprKind::Name { id, .. } if id == "self") {
            return;
        }
        let n = self.units.len();
        if n < 2 {
            return;
        }
        for unit in self.units[..n - 1].iter_mut().rev() {
            if unit.kind == ScopeKind::Class {
                if let Some(set) = &mut unit.static_attributes {
                    set.insert(attr.to_string());
                }
                return;
            }
        }
    }

    /// Store the value on top of the stack into `target`.
    pub fn compile_store(&mut self, target: &'a Expr) -> CResult<()> {
        let loc = location(target.loc);
        match &target.kind {
            ExprKind::Name { id, .. } => self.compile_name(id, Ctx::Store, loc, target.loc),
            ExprKind::Attribute { value, attr, .. } => {
                self.forbidden_name(attr, Ctx::Store, target.loc)?;
                self.compile_expr(value)?;
                self.record_static_attribute(value, attr);
                let aloc = attr_location(target, attr);
                self.emit_name_op(Opcode::STORE_ATTR, attr, aloc)
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.compile_expr(value)?;
                if is_two_element_slice(slice) {
                    self.compile_slice_parts(slice)?;
                    self.emit0(Opcode::STORE_SLICE, loc);
                } else {
                    self.compile_expr(slice)?;
                    self.emit0(Opcode::STORE_SUBSCR, loc);
                }
                Ok(())
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => self.compile_unpack(elts, target.loc),
            ExprKind::Starred { .. } => {
                self.error("starred assignment target must be in a list or tuple", target.loc)
            }
            _ => self.error("cannot assign to expression", target.loc),
        }
    }

    /// `a, *b, c = value`: UNPACK_SEQUENCE or UNPACK_EX, then store each item.
    fn compile_unpack(&mut self, elts: &'a [Expr], span: Loc) -> CResult<()> {
        let loc = location(span);
        let mut star: Option<usize> = None;
        for (i, e) in elts.iter().enumerate() {
            if matches!(e.kind, ExprKind::Starred { .. }) {
                if star.is_some() {
                    return self.error("multiple starred expressions in assignment", span);
                }
                star = Some(i);
            }
        }
        match star {
            Some(i) => {
                let after = elts.len() - i - 1;
                if i >= 1 << 8 || after >= 1 << 16 {
                    return self.error("too many expressions in star-unpacking assignment", span);
                }
                self.emit(Opcode::UNPACK_EX, (i | (after << 8)) as u32, loc);
            }
            None => self.emit(Opcode::UNPACK_SEQUENCE, elts.len() as u32, loc),
        }
        for e in elts {
            match &e.kind {
                ExprKind::Starred { value, .. } => self.compile_store(value)?,
                _ => self.compile_store(e)?,
            }
        }
        Ok(())
    }

    pub fn compile_delete(&mut self, target: &'a Expr) -> CResult<()> {
        let loc = location(target.loc);
        match &target.kind {
            ExprKind::Name { id, .. } => self.compile_name(id, Ctx::Del, loc, target.loc),
            ExprKind::Attribute { value, attr, .. } => {
                self.forbidden_name(attr, Ctx::Del, target.loc)?;
                self.compile_expr(value)?;
                let aloc = attr_location(target, attr);
                self.emit_name_op(Opcode::DELETE_ATTR, attr, aloc)
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.compile_expr(value)?;
                self.compile_expr(slice)?;
                self.emit0(Opcode::DELETE_SUBSCR, loc);
                Ok(())
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                for e in elts {
                    self.compile_delete(e)?;
                }
                Ok(())
            }
            _ => self.error("cannot delete expression", target.loc),
        }
    }

    /// `__debug__` can be neither assigned to nor deleted.
    pub fn forbidden_name(&self, name: &str, ctx: Ctx, loc: Loc) -> CResult<()> {
        if name == "__debug__" && ctx != Ctx::Load {
            let what = if ctx == Ctx::Del { "delete" } else { "assign to" };
            return self.error(format!("cannot {what} __debug__"), loc);
        }
        Ok(())
    }

    fn compile_augassign(&mut self, s: &Stmt, target: &'a Expr, op: ast::BinOp, value: &'a Expr) -> CResult<()> {
        let tloc = location(target.loc);
        match &target.kind {
            ExprKind::Attribute { value: obj, attr, .. } => {
                self.forbidden_name(attr, Ctx::Store, target.loc)?;
                self.compile_expr(obj)?;
                self.emit(Opcode::COPY, 1, tloc);
                self.emit_name_op(Opcode::LOAD_ATTR, attr, attr_location(target, attr))?;
            }
            ExprKind::Subscript { value: obj, slice, .. } => {
                self.compile_expr(obj)?;
                if is_two_element_slice(slice) {
                    self.compile_slice_parts(slice)?;
                    self.emit(Opcode::COPY, 3, tloc);
                    self.emit(Opcode::COPY, 3, tloc);
                    self.emit(Opcode::COPY, 3, tloc);
                    self.emit0(Opcode::BINARY_SLICE, tloc);
                } else {
                    self.compile_expr(slice)?;
                    self.emit(Opcode::COPY, 2, tloc);
                    self.emit(Opcode::COPY, 2, tloc);
                    self.emit0(Opcode::BINARY_SUBSCR, tloc);
                }
            }
            ExprKind::Name { id, .. } => self.compile_name(id, Ctx::Load, tloc, target.loc)?,
            _ => return self.error("'expression' is an illegal expression for augmented assignment", target.loc),
        }
        self.compile_expr(value)?;
        self.emit(Opcode::BINARY_OP, binary_op(op, true), location(s.loc));
        match &target.kind {
            ExprKind::Attribute { attr, .. } => {
                let aloc = attr_location(target, attr);
                self.emit(Opcode::SWAP, 2, aloc);
                self.emit_name_op(Opcode::STORE_ATTR, attr, aloc)?;
            }
            ExprKind::Subscript { slice, .. } => {
                if is_two_element_slice(slice) {
                    self.emit(Opcode::SWAP, 4, tloc);
                    self.emit(Opcode::SWAP, 3, tloc);
                    self.emit(Opcode::SWAP, 2, tloc);
                    self.emit0(Opcode::STORE_SLICE, tloc);
                } else {
                    self.emit(Opcode::SWAP, 3, tloc);
                    self.emit(Opcode::SWAP, 2, tloc);
                    self.emit0(Opcode::STORE_SUBSCR, tloc);
                }
            }
            ExprKind::Name { id, .. } => self.compile_name(id, Ctx::Store, tloc, target.loc)?,
            _ => {}
        }
        Ok(())
    }

    /// Evaluate an annotation (or, under `from __future__ import annotations`, load its
    /// source text as a string).
    pub fn compile_annotation(&mut self, ann: &'a Expr) -> CResult<()> {
        if self.future_annotations {
            let text = self.source_text(ann.loc);
            return self.emit_const(Constant::Str(text), location(ann.loc));
        }
        self.compile_expr(ann)
    }

    fn compile_annassign(
        &mut self,
        s: &Stmt,
        target: &'a Expr,
        annotation: &'a Expr,
        value: Option<&'a Expr>,
        simple: bool,
    ) -> CResult<()> {
        let loc = location(s.loc);
        if let Some(v) = value {
            self.compile_expr(v)?;
            self.compile_store(target)?;
        }
        let kind = self.unit_ref().kind;
        let at_top = matches!(kind, ScopeKind::Module | ScopeKind::Class);
        match &target.kind {
            ExprKind::Name { id, .. } => {
                self.forbidden_name(id, Ctx::Store, target.loc)?;
                if simple && at_top {
                    self.compile_annotation(annotation)?;
                    self.emit_name_op(Opcode::LOAD_NAME, "__annotations__", loc)?;
                    let mangled = crate::symtable::mangle(self.unit_ref().private.as_deref(), id).into_owned();
                    self.emit_const(Constant::Str(mangled), loc)?;
                    self.emit0(Opcode::STORE_SUBSCR, loc);
                    return Ok(());
                }
            }
            ExprKind::Attribute { value: obj, .. } => {
                if value.is_none() {
                    self.compile_expr(obj)?;
                    self.emit0(Opcode::POP_TOP, loc);
                }
            }
            ExprKind::Subscript { value: obj, slice, .. } => {
                if value.is_none() {
                    self.compile_expr(obj)?;
                    self.emit0(Opcode::POP_TOP, loc);
                    self.compile_expr(slice)?;
                    self.emit0(Opcode::POP_TOP, loc);
                }
            }
            _ => return self.error("illegal target for annotation", target.loc),
        }
        // Annotations of complex targets are evaluated (and dropped) at module and class
        // level only.
        if !simple && at_top && !self.future_annotations {
            self.compile_expr(annotation)?;
            self.emit0(Opcode::POP_TOP, loc);
        }
        Ok(())
    }

    fn compile_import(&mut self, names: &'a [ast::Alias], loc: Location, span: Loc) -> CResult<()> {
        for alias in names {
            self.emit_const(Constant::Int(0), loc)?;
            self.emit_const(Constant::None, loc)?;
            self.emit_name_op(Opcode::IMPORT_NAME, &alias.name, loc)?;
            match &alias.asname {
                Some(asname) => {
                    // `import a.b.c as d` binds d to a.b.c: walk the attributes.
                    let mut parts = alias.name.split('.');
                    parts.next();
                    let rest: Vec<&str> = parts.collect();
                    if rest.is_empty() {
                        self.compile_name(asname, Ctx::Store, loc, span)?;
                    } else {
                        for (i, attr) in rest.iter().enumerate() {
                            self.emit_name_op(Opcode::IMPORT_FROM, attr, loc)?;
                            if i + 1 < rest.len() {
                                self.emit(Opcode::SWAP, 2, loc);
                                self.emit0(Opcode::POP_TOP, loc);
                            }
                        }
                        self.compile_name(asname, Ctx::Store, loc, span)?;
                        self.emit0(Opcode::POP_TOP, loc);
                    }
                }
                None => {
                    // `import a.b.c` binds the top-level package `a`.
                    let first = alias.name.split('.').next().unwrap_or(&alias.name);
                    self.compile_name(first, Ctx::Store, loc, span)?;
                }
            }
        }
        Ok(())
    }

    fn compile_import_from(
        &mut self,
        module: Option<&str>,
        names: &'a [ast::Alias],
        level: u32,
        loc: Location,
        span: Loc,
    ) -> CResult<()> {
        self.emit_const(Constant::Int(level as i64), loc)?;
        let fromlist = names.iter().map(|a| Constant::Str(a.name.clone())).collect();
        self.emit_const(Constant::Tuple(fromlist), loc)?;
        self.emit_name_op(Opcode::IMPORT_NAME, module.unwrap_or(""), loc)?;
        if names.len() == 1 && names[0].name == "*" {
            self.emit0(Opcode::IMPORT_STAR, loc);
            return Ok(());
        }
        for alias in names {
            self.emit_name_op(Opcode::IMPORT_FROM, &alias.name, loc)?;
            let store = alias.asname.as_deref().unwrap_or(&alias.name);
            self.compile_name(store, Ctx::Store, loc, span)?;
        }
        self.emit0(Opcode::POP_TOP, loc);
        Ok(())
    }
}
