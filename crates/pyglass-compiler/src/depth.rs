//! A non-recursive pre-pass that bounds the nesting depth of the AST.
//!
//! Every later pass (constant folding, symbol table, code generation) recurses over the
//! tree, so an adversarially deep tree (a 100 000-deep `a+a+...` chain built by hand, or
//! thousands of nested blocks) could overflow the native stack. This walk uses an explicit
//! work list, so it cannot overflow itself, and rejects trees nested beyond
//! [`MAX_NESTING`] with a SyntaxError before any recursive pass runs.
//!
//! Nesting is measured in stack-cost units: each level adds the weight of its node
//! ([`weight_stmt`], [`weight_expr`]), roughly proportional to the native stack the
//! recursive passes use for it (about 400 bytes a unit in an `opt-level = 1` build).
//! So an expression chain may be 2500 levels deep, `if` blocks 1250, `def`s 500 — far
//! beyond what the parser produces from source (100 indentation levels, 200 brackets) —
//! and the deepest accepted tree compiles within a 2 MiB thread stack (the default of
//! spawned Rust threads, the smallest pyglass runs on).

use crate::error::{CResult, CompileError};
use pyglass_syntax::ast::*;

/// Largest total weight of nested statements and expressions the compiler accepts.
pub const MAX_NESTING: usize = 2500;

/// Stack-cost weight of a statement.
pub fn weight_stmt(s: &Stmt) -> usize {
    match s.kind {
        StmtKind::FunctionDef(_) | StmtKind::ClassDef(_) => 5,
        _ => 2,
    }
}

/// Stack-cost weight of an expression.
pub fn weight_expr(e: &Expr) -> usize {
    match e.kind {
        ExprKind::Lambda { .. }
        | ExprKind::ListComp { .. }
        | ExprKind::SetComp { .. }
        | ExprKind::DictComp { .. }
        | ExprKind::GeneratorExp { .. } => 5,
        ExprKind::Call { .. } => 3,
        _ => 1,
    }
}

/// The message CPython uses when compilation recurses too deeply.
pub const TOO_DEEP: &str = "too many nested expressions and statements (maximum recursion depth exceeded during compilation)";

enum Node<'a> {
    Stmt(&'a Stmt),
    Expr(&'a Expr),
}

/// Fail if the statements and expressions are nested beyond [`MAX_NESTING`].
pub fn check_depth(module: &Module) -> CResult<()> {
    // Each entry is a node and the total weight of its ancestors.
    let mut work: Vec<(Node<'_>, usize)> = module.body.iter().map(|s| (Node::Stmt(s), 0)).collect();
    while let Some((node, above)) = work.pop() {
        let (loc, d) = match node {
            Node::Stmt(s) => (s.loc, above + weight_stmt(s)),
            Node::Expr(e) => (e.loc, above + weight_expr(e)),
        };
        if d > MAX_NESTING {
            return Err(CompileError::new(TOO_DEEP, loc));
        }
        match node {
            Node::Stmt(s) => push_stmt_children(s, d, &mut work),
            Node::Expr(e) => push_expr_children(e, d, &mut work),
        }
    }
    Ok(())
}

fn push_args<'a>(a: &'a Arguments, d: usize, w: &mut Vec<(Node<'a>, usize)>) {
    for arg in a.posonlyargs.iter().chain(&a.args).chain(&a.kwonlyargs).chain(&a.vararg).chain(&a.kwarg) {
        if let Some(ann) = &arg.annotation {
            w.push((Node::Expr(ann), d));
        }
    }
    for e in &a.defaults {
        w.push((Node::Expr(e), d));
    }
    for e in a.kw_defaults.iter().flatten() {
        w.push((Node::Expr(e), d));
    }
}

fn push_stmt_children<'a>(s: &'a Stmt, d: usize, w: &mut Vec<(Node<'a>, usize)>) {
    let e = |x: &'a Expr, w: &mut Vec<(Node<'a>, usize)>| w.push((Node::Expr(x), d));
    let body = |b: &'a [Stmt], w: &mut Vec<(Node<'a>, usize)>| {
        for s in b {
            w.push((Node::Stmt(s), d));
        }
    };
    match &s.kind {
        StmtKind::FunctionDef(f) => {
            push_args(&f.args, d, w);
            for x in &f.decorators {
                e(x, w);
            }
            if let Some(r) = &f.returns {
                e(r, w);
            }
            body(&f.body, w);
        }
        StmtKind::ClassDef(c) => {
            for x in &c.bases {
                e(x, w);
            }
            for k in &c.keywords {
                e(&k.value, w);
            }
            for x in &c.decorators {
                e(x, w);
            }
            body(&c.body, w);
        }
        StmtKind::Return(v) => {
            if let Some(v) = v {
                e(v, w);
            }
        }
        StmtKind::Delete(ts) => {
            for t in ts {
                e(t, w);
            }
        }
        StmtKind::Assign { targets, value } => {
            for t in targets {
                e(t, w);
            }
            e(value, w);
        }
        StmtKind::AugAssign { target, value, .. } => {
            e(target, w);
            e(value, w);
        }
        StmtKind::AnnAssign { target, annotation, value, .. } => {
            e(target, w);
            e(annotation, w);
            if let Some(v) = value {
                e(v, w);
            }
        }
        StmtKind::For { target, iter, body: b, orelse } => {
            e(target, w);
            e(iter, w);
            body(b, w);
            body(orelse, w);
        }
        StmtKind::While { test, body: b, orelse } | StmtKind::If { test, body: b, orelse } => {
            e(test, w);
            body(b, w);
            body(orelse, w);
        }
        StmtKind::With { items, body: b } => {
            for it in items {
                e(&it.context_expr, w);
                if let Some(v) = &it.optional_vars {
                    e(v, w);
                }
            }
            body(b, w);
        }
        StmtKind::Raise { exc, cause } => {
            for x in exc.iter().chain(cause.iter()) {
                e(x, w);
            }
        }
        StmtKind::Try { body: b, handlers, orelse, finalbody } => {
            body(b, w);
            for h in handlers {
                if let Some(t) = &h.typ {
                    e(t, w);
                }
                body(&h.body, w);
            }
            body(orelse, w);
            body(finalbody, w);
        }
        StmtKind::Assert { test, msg } => {
            e(test, w);
            if let Some(m) = msg {
                e(m, w);
            }
        }
        StmtKind::Expr(x) => e(x, w),
        StmtKind::Import(_)
        | StmtKind::ImportFrom { .. }
        | StmtKind::Global(_)
        | StmtKind::Nonlocal(_)
        | StmtKind::Pass
        | StmtKind::Break
        | StmtKind::Continue => {}
    }
}

fn push_comprehensions<'a>(gens: &'a [Comprehension], d: usize, w: &mut Vec<(Node<'a>, usize)>) {
    for g in gens {
        w.push((Node::Expr(&g.target), d));
        w.push((Node::Expr(&g.iter), d));
        for i in &g.ifs {
            w.push((Node::Expr(i), d));
        }
    }
}

fn push_expr_children<'a>(x: &'a Expr, d: usize, w: &mut Vec<(Node<'a>, usize)>) {
    let e = |x: &'a Expr, w: &mut Vec<(Node<'a>, usize)>| w.push((Node::Expr(x), d));
    match &x.kind {
        ExprKind::BoolOp { values, .. } => {
            for v in values {
                e(v, w);
            }
        }
        ExprKind::NamedExpr { target, value } => {
            e(target, w);
            e(value, w);
        }
        ExprKind::BinOp { left, right, .. } => {
            e(left, w);
            e(right, w);
        }
        ExprKind::UnaryOp { operand, .. } => e(operand, w),
        ExprKind::Lambda { args, body } => {
            push_args(args, d, w);
            e(body, w);
        }
        ExprKind::IfExp { test, body, orelse } => {
            e(test, w);
            e(body, w);
            e(orelse, w);
        }
        ExprKind::Dict { keys, values } => {
            for k in keys.iter().flatten() {
                e(k, w);
            }
            for v in values {
                e(v, w);
            }
        }
        ExprKind::Set(elts) | ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            for v in elts {
                e(v, w);
            }
        }
        ExprKind::JoinedStr(values) => {
            for v in values {
                e(v, w);
            }
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            e(elt, w);
            push_comprehensions(generators, d, w);
        }
        ExprKind::DictComp { key, value, generators } => {
            e(key, w);
            e(value, w);
            push_comprehensions(generators, d, w);
        }
        ExprKind::Await(v) | ExprKind::YieldFrom(v) => e(v, w),
        ExprKind::Yield(v) => {
            if let Some(v) = v {
                e(v, w);
            }
        }
        ExprKind::Compare { left, comparators, .. } => {
            e(left, w);
            for c in comparators {
                e(c, w);
            }
        }
        ExprKind::Call { func, args, keywords } => {
            e(func, w);
            for a in args {
                e(a, w);
            }
            for k in keywords {
                e(&k.value, w);
            }
        }
        ExprKind::FormattedValue { value, format_spec, .. } => {
            e(value, w);
            if let Some(s) = format_spec {
                e(s, w);
            }
        }
        ExprKind::Attribute { value, .. } | ExprKind::Starred { value, .. } => e(value, w),
        ExprKind::Subscript { value, slice, .. } => {
            e(value, w);
            e(slice, w);
        }
        ExprKind::Slice { lower, upper, step } => {
            for v in [lower, upper, step].into_iter().flatten() {
                e(v, w);
            }
        }
        ExprKind::Constant(_) | ExprKind::Name { .. } => {}
    }
}
