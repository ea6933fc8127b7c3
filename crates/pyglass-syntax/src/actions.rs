//! Helpers called from the grammar actions: node construction, target validation
//! (expression contexts) and CPython's error messages for invalid constructs.

use crate::ast::*;
use crate::error::Issue;
use crate::parser::State;

type R<T> = Result<T, lalrpop_util::ParseError<usize, crate::token::Tok, Issue>>;

pub fn user<T>(i: Issue) -> R<T> {
    Err(lalrpop_util::ParseError::User { error: i })
}

/// Result of the single parser entry point.
pub enum Top {
    Module(Vec<Stmt>),
    Expr(Expr),
}

/// One item of a call's argument list.
pub enum ArgItem {
    Pos(Expr),
    /// `name=value`: (start, end of the `=`, key expression, value, end)
    Kw(usize, usize, Expr, Expr, usize),
    Star(Expr),
    DStar(usize, Expr, usize),
    /// A bare generator expression argument (its span without the call's parentheses).
    Gen(Expr),
}

/// One item of a parameter list.
pub enum ParamItem {
    Plain(Arg, Option<Expr>),
    Slash(usize, usize),
    /// `*` or `*name`; the last field is the offset of a (forbidden) `=`.
    Star(usize, Option<Arg>, Option<usize>),
    DStar(Arg, Option<usize>),
}

impl<'s> State<'s> {
    pub fn expr(&self, l: usize, r: usize, kind: ExprKind) -> Expr {
        Expr {
            loc: self.loc(l, r),
            kind,
        }
    }
    pub fn stmt(&self, l: usize, r: usize, kind: StmtKind) -> Stmt {
        Stmt {
            loc: self.loc(l, r),
            kind,
        }
    }
    /// A compound statement from `l` to the end of its last block.
    pub fn block_stmt(&self, l: usize, last: &[Stmt], kind: StmtKind) -> Stmt {
        let mut loc = self.loc(l, l);
        if let Some(s) = last.last() {
            loc.end_line = s.loc.end_line;
            loc.end_col = s.loc.end_col;
        }
        Stmt { loc, kind }
    }
    pub fn name(&self, l: usize, r: usize, id: String) -> Expr {
        self.expr(
            l,
            r,
            ExprKind::Name {
                id,
                ctx: ExprContext::Load,
            },
        )
    }
    pub fn constant(&self, l: usize, r: usize, c: Constant) -> Expr {
        self.expr(l, r, ExprKind::Constant(c))
    }
    pub fn binop(&self, l: usize, r: usize, left: Expr, op: BinOp, right: Expr) -> Expr {
        self.expr(
            l,
            r,
            ExprKind::BinOp {
                left: Box::new(left),
                op,
                right: Box::new(right),
            },
        )
    }
    pub fn unary(&self, l: usize, r: usize, op: UnaryOp, operand: Expr) -> Expr {
        self.expr(
            l,
            r,
            ExprKind::UnaryOp {
                op,
                operand: Box::new(operand),
            },
        )
    }
    pub fn boolop(&self, l: usize, r: usize, op: BoolOp, first: Expr, rest: Vec<Expr>) -> Expr {
        let mut values = vec![first];
        values.extend(rest);
        self.expr(l, r, ExprKind::BoolOp { op, values })
    }
    pub fn tuple(&self, l: usize, r: usize, elts: Vec<Expr>) -> Expr {
        self.expr(
            l,
            r,
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
        )
    }
    pub fn tuple_of(&self, l: usize, r: usize, first: Expr, rest: Vec<Expr>) -> Expr {
        let mut elts = vec![first];
        elts.extend(rest);
        self.tuple(l, r, elts)
    }
    pub fn starred(&self, l: usize, r: usize, value: Expr) -> Expr {
        self.expr(
            l,
            r,
            ExprKind::Starred {
                value: Box::new(value),
                ctx: ExprContext::Load,
            },
        )
    }
    pub fn compare(&self, l: usize, r: usize, left: Expr, rest: Vec<(CmpOp, Expr)>) -> Expr {
        let (ops, comparators) = rest.into_iter().unzip();
        self.expr(
            l,
            r,
            ExprKind::Compare {
                left: Box::new(left),
                ops,
                comparators,
            },
        )
    }
    pub fn arg(&self, l: usize, r: usize, name: String, annotation: Option<Expr>) -> Arg {
        Arg {
            name,
            annotation,
            loc: self.loc(l, r),
        }
    }
    pub fn alias(&self, l: usize, r: usize, name: String, asname: Option<String>) -> Alias {
        Alias {
            name,
            asname,
            loc: self.loc(l, r),
        }
    }
    pub fn issue(&self, msg: impl Into<String>, e: &Expr) -> Issue {
        Issue::new(
            msg,
            self.offset(e.loc.line, e.loc.col),
            self.offset(e.loc.end_line, e.loc.end_col),
        )
    }
}

/// CPython's name for an expression kind in error messages (`_PyPegen_get_expr_name`).
pub fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant(Constant::None) => "None",
        ExprKind::Constant(Constant::True) => "True",
        ExprKind::Constant(Constant::False) => "False",
        ExprKind::Constant(Constant::Ellipsis) => "ellipsis",
        ExprKind::Constant(_) => "literal",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    Star,
    For,
    Del,
}

/// The sub-expression that makes `e` an invalid target (`_PyPegen_get_invalid_target`).
pub fn invalid_target(e: &Expr, kind: TargetKind) -> Option<&Expr> {
    match &e.kind {
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            elts.iter().find_map(|x| invalid_target(x, kind))
        }
        ExprKind::Starred { value, .. } => {
            if kind == TargetKind::Del {
                Some(e)
            } else {
                invalid_target(value, kind)
            }
        }
        ExprKind::Compare { left, ops, .. } => {
            if kind == TargetKind::For && ops.first() == Some(&CmpOp::In) {
                invalid_target(left, kind)
            } else {
                Some(e)
            }
        }
        ExprKind::Name { .. } | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
        _ => Some(e),
    }
}

/// Sets `ctx` on a (valid) target, recursively through tuples, lists and starred.
pub fn set_ctx(e: &mut Expr, ctx: ExprContext) {
    match &mut e.kind {
        ExprKind::Name { ctx: c, .. }
        | ExprKind::Attribute { ctx: c, .. }
        | ExprKind::Subscript { ctx: c, .. } => *c = ctx,
        ExprKind::Starred { value, ctx: c } => {
            *c = ctx;
            set_ctx(value, ctx);
        }
        ExprKind::List { elts, ctx: c } | ExprKind::Tuple { elts, ctx: c } => {
            *c = ctx;
            for x in elts {
                set_ctx(x, ctx);
            }
        }
        _ => {}
    }
}

/// Validates and marks a store target of `for`, `with ... as`, comprehensions.
pub fn store_target(st: &State, mut e: Expr, kind: TargetKind) -> R<Expr> {
    if let Some(bad) = invalid_target(&e, kind) {
        return user(st.issue(format!("cannot assign to {}", expr_name(bad)), bad));
    }
    set_ctx(&mut e, ExprContext::Store);
    Ok(e)
}

fn bitwise_or_level(e: &Expr) -> bool {
    !matches!(
        e.kind,
        ExprKind::Compare { .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::UnaryOp {
                op: UnaryOp::Not,
                ..
            }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::NamedExpr { .. }
            | ExprKind::Starred { .. }
    )
}

fn starts_at(st: &State, e: &Expr, l: usize) -> bool {
    let loc = st.loc(l, l);
    e.loc.line == loc.line && e.loc.col == loc.col
}

/// `a = b = value`
pub fn assign(st: &State, l: usize, r: usize, first: Expr, rest: Vec<Expr>) -> R<Stmt> {
    let mut all = vec![first];
    all.extend(rest);
    let value = all
        .pop()
        .unwrap_or_else(|| st.constant(l, r, Constant::None));
    let n = all.len();
    let mut targets = Vec::with_capacity(n);
    for (k, mut t) in all.into_iter().enumerate() {
        let unparenthesized = k > 0 || starts_at(st, &t, l);
        if matches!(t.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)) && unparenthesized {
            return user(st.issue("assignment to yield expression not possible", &t));
        }
        if let Some(bad) = invalid_target(&t, TargetKind::Star) {
            let rhs_simple = n == 1
                && bitwise_or_level(&value)
                && !matches!(
                    value.kind,
                    ExprKind::Tuple { .. } | ExprKind::Yield(_) | ExprKind::YieldFrom(_)
                );
            let here = std::ptr::eq(bad, &t)
                && rhs_simple
                && bitwise_or_level(&t)
                && !matches!(
                    t.kind,
                    ExprKind::List { .. }
                        | ExprKind::Tuple { .. }
                        | ExprKind::GeneratorExp { .. }
                        | ExprKind::Constant(Constant::True | Constant::False | Constant::None)
                );
            let msg = if here {
                format!(
                    "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                    expr_name(bad)
                )
            } else {
                format!("cannot assign to {}", expr_name(bad))
            };
            return user(st.issue(msg, bad));
        }
        set_ctx(&mut t, ExprContext::Store);
        targets.push(t);
    }
    Ok(st.stmt(l, r, StmtKind::Assign { targets, value }))
}

pub fn aug_assign(
    st: &State,
    l: usize,
    r: usize,
    mut target: Expr,
    op: BinOp,
    value: Expr,
) -> R<Stmt> {
    if !matches!(
        target.kind,
        ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
    ) {
        let msg = format!(
            "'{}' is an illegal expression for augmented assignment",
            expr_name(&target)
        );
        return user(st.issue(msg, &target));
    }
    set_ctx(&mut target, ExprContext::Store);
    Ok(st.stmt(l, r, StmtKind::AugAssign { target, op, value }))
}

pub fn ann_assign(
    st: &State,
    l: usize,
    r: usize,
    mut target: Expr,
    annotation: Expr,
    value: Option<Expr>,
) -> R<Stmt> {
    let simple = matches!(target.kind, ExprKind::Name { .. }) && starts_at(st, &target, l);
    match &target.kind {
        ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
        ExprKind::Tuple { .. } => {
            return user(st.issue("only single target (not tuple) can be annotated", &target))
        }
        ExprKind::List { .. } => {
            return user(st.issue("only single target (not list) can be annotated", &target))
        }
        _ => return user(st.issue("illegal target for annotation", &target)),
    }
    set_ctx(&mut target, ExprContext::Store);
    Ok(st.stmt(
        l,
        r,
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            simple,
        },
    ))
}

pub fn delete(st: &State, l: usize, r: usize, targets: Vec<Expr>) -> R<Stmt> {
    let mut out = Vec::with_capacity(targets.len());
    for mut t in targets {
        if let Some(bad) = invalid_target(&t, TargetKind::Del) {
            return user(st.issue(format!("cannot delete {}", expr_name(bad)), bad));
        }
        set_ctx(&mut t, ExprContext::Del);
        out.push(t);
    }
    Ok(st.stmt(l, r, StmtKind::Delete(out)))
}

pub fn walrus(st: &State, l: usize, r: usize, mut target: Expr, value: Expr) -> R<Expr> {
    if !matches!(target.kind, ExprKind::Name { .. }) {
        return user(st.issue(
            format!(
                "cannot use assignment expressions with {}",
                expr_name(&target)
            ),
            &target,
        ));
    }
    set_ctx(&mut target, ExprContext::Store);
    Ok(st.expr(
        l,
        r,
        ExprKind::NamedExpr {
            target: Box::new(target),
            value: Box::new(value),
        },
    ))
}

/// Splits an argument list into positional args and keywords, enforcing CPython's order rules.
pub fn split_args(
    st: &State,
    items: Vec<ArgItem>,
    allow_gen: bool,
) -> R<(Vec<Expr>, Vec<Keyword>)> {
    let n = items.len();
    let mut args = Vec::new();
    let mut keywords: Vec<Keyword> = Vec::new();
    let mut seen_kw = false;
    let mut seen_dstar = false;
    for item in items {
        match item {
            ArgItem::Pos(e) => {
                let after = st.offset(e.loc.end_line, e.loc.end_col);
                if seen_dstar {
                    return user(Issue::new(
                        "positional argument follows keyword argument unpacking",
                        after,
                        after + 1,
                    ));
                }
                if seen_kw {
                    return user(Issue::new(
                        "positional argument follows keyword argument",
                        after,
                        after + 1,
                    ));
                }
                args.push(e);
            }
            ArgItem::Gen(e) => {
                if n > 1 || !allow_gen {
                    return user(st.issue("Generator expression must be parenthesized", &e));
                }
                args.push(e);
            }
            ArgItem::Star(e) => {
                if seen_dstar {
                    return user(st.issue(
                        "iterable argument unpacking follows keyword argument unpacking",
                        &e,
                    ));
                }
                args.push(e);
            }
            ArgItem::Kw(l, eq_end, key, value, r) => {
                let name = match key.kind {
                    ExprKind::Name { id, .. } => id,
                    ExprKind::Constant(Constant::True | Constant::False | Constant::None) => {
                        let msg = format!("cannot assign to {}", expr_name(&key));
                        return user(Issue::new(msg, l, eq_end));
                    }
                    _ => {
                        return user(Issue::new(
                            "expression cannot contain assignment, perhaps you meant \"==\"?",
                            l,
                            eq_end,
                        ))
                    }
                };
                seen_kw = true;
                keywords.push(Keyword {
                    arg: Some(name),
                    value,
                    loc: st.loc(l, r),
                });
            }
            ArgItem::DStar(l, value, r) => {
                seen_dstar = true;
                keywords.push(Keyword {
                    arg: None,
                    value,
                    loc: st.loc(l, r),
                });
            }
        }
    }
    Ok((args, keywords))
}

pub fn call(st: &State, l: usize, r: usize, func: Expr, items: Vec<ArgItem>) -> R<Expr> {
    let (mut args, keywords) = split_args(st, items, true)?;
    // a sole generator argument spans the call's parentheses
    if args.len() == 1 && keywords.is_empty() {
        if let ExprKind::GeneratorExp { .. } = args[0].kind {
            let paren = st.loc(func_end(st, &func), r);
            if args[0].loc.line > paren.line
                || (args[0].loc.line == paren.line && args[0].loc.col > paren.col)
            {
                args[0].loc.line = paren.line;
                args[0].loc.col = paren.col;
                args[0].loc.end_line = paren.end_line;
                args[0].loc.end_col = paren.end_col;
            }
        }
    }
    Ok(st.expr(
        l,
        r,
        ExprKind::Call {
            func: Box::new(func),
            args,
            keywords,
        },
    ))
}

fn func_end(st: &State, func: &Expr) -> usize {
    st.offset(func.loc.end_line, func.loc.end_col)
}

/// Builds `Arguments` from a flat parameter list, with CPython's ordering errors.
pub fn arguments(st: &State, items: Vec<ParamItem>) -> R<Arguments> {
    let mut a = Arguments::default();
    let mut seen_slash = false;
    let mut seen_star = false;
    let mut seen_default = false;
    let mut bare_star: Option<usize> = None;
    let mut seen_dstar = false;
    let arg_issue = |msg: &str, arg: &Arg| {
        Issue::new(
            msg,
            st.offset(arg.loc.line, arg.loc.col),
            st.offset(arg.loc.end_line, arg.loc.end_col),
        )
    };
    for item in items {
        if seen_dstar {
            let at = match &item {
                ParamItem::Plain(arg, _)
                | ParamItem::DStar(arg, _)
                | ParamItem::Star(_, Some(arg), _) => {
                    arg_issue("arguments cannot follow var-keyword argument", arg)
                }
                ParamItem::Slash(l, r) | ParamItem::Star(l, None, Some(r)) => {
                    Issue::new("arguments cannot follow var-keyword argument", *l, *r)
                }
                ParamItem::Star(l, None, None) => {
                    Issue::new("arguments cannot follow var-keyword argument", *l, *l + 1)
                }
            };
            return user(at);
        }
        match item {
            ParamItem::Plain(arg, default) => {
                if seen_star {
                    bare_star = None;
                    a.kwonlyargs.push(arg);
                    a.kw_defaults.push(default);
                } else {
                    match default {
                        Some(d) => {
                            seen_default = true;
                            a.defaults.push(d);
                        }
                        None if seen_default => {
                            return user(arg_issue(
                                "parameter without a default follows parameter with a default",
                                &arg,
                            ));
                        }
                        None => {}
                    }
                    a.args.push(arg);
                }
            }
            ParamItem::Slash(l, r) => {
                if seen_slash {
                    return user(Issue::new("/ may appear only once", l, r));
                }
                if seen_star {
                    return user(Issue::new("/ must be ahead of *", l, r));
                }
                if a.args.is_empty() {
                    return user(Issue::new("at least one argument must precede /", l, r));
                }
                seen_slash = true;
                a.posonlyargs = std::mem::take(&mut a.args);
            }
            ParamItem::Star(l, arg, eq) => {
                if seen_star {
                    return user(Issue::new("* argument may appear only once", l, l + 1));
                }
                if let Some(eq) = eq {
                    return user(Issue::new(
                        "var-positional argument cannot have default value",
                        eq,
                        eq + 1,
                    ));
                }
                seen_star = true;
                if arg.is_none() {
                    bare_star = Some(l);
                }
                a.vararg = arg;
            }
            ParamItem::DStar(arg, eq) => {
                if let Some(eq) = eq {
                    return user(Issue::new(
                        "var-keyword argument cannot have default value",
                        eq,
                        eq + 1,
                    ));
                }
                if let Some(l) = bare_star {
                    return user(Issue::new("named arguments must follow bare *", l, l + 1));
                }
                seen_dstar = true;
                a.kwarg = Some(arg);
            }
        }
    }
    if let Some(l) = bare_star {
        return user(Issue::new("named arguments must follow bare *", l, l + 1));
    }
    Ok(a)
}

pub fn funcdef(
    st: &State,
    l: usize,
    is_async: bool,
    name: String,
    params: Option<Vec<ParamItem>>,
    returns: Option<Expr>,
    body: Vec<Stmt>,
) -> R<Stmt> {
    let args = arguments(st, params.unwrap_or_default())?;
    let kind = StmtKind::FunctionDef(Box::new(FunctionDef {
        name,
        args,
        body: Vec::new(),
        decorators: Vec::new(),
        returns,
        is_async,
    }));
    let mut s = st.block_stmt(l, &body, kind);
    if let StmtKind::FunctionDef(f) = &mut s.kind {
        f.body = body;
    }
    Ok(s)
}

pub fn classdef(
    st: &State,
    l: usize,
    name: String,
    args: Option<Vec<ArgItem>>,
    body: Vec<Stmt>,
) -> R<Stmt> {
    let args = args.unwrap_or_default();
    for a in &args {
        if let ArgItem::Gen(g) = a {
            if let ExprKind::GeneratorExp { elt, .. } = &g.kind {
                // point at the `for` keyword, as CPython does
                let from = st.offset(elt.loc.end_line, elt.loc.end_col);
                let skip = st.src[from..].len() - st.src[from..].trim_start().len();
                let at = from + skip;
                return user(Issue::new("invalid syntax", at, at + 3));
            }
        }
    }
    let (bases, keywords) = split_args(st, args, false)?;
    let mut s = st.block_stmt(l, &body, StmtKind::Pass);
    s.kind = StmtKind::ClassDef(Box::new(ClassDef {
        name,
        bases,
        keywords,
        body,
        decorators: Vec::new(),
    }));
    Ok(s)
}

pub fn decorate(mut s: Stmt, decorators: Vec<Expr>) -> Stmt {
    match &mut s.kind {
        StmtKind::FunctionDef(f) => f.decorators = decorators,
        StmtKind::ClassDef(c) => c.decorators = decorators,
        _ => {}
    }
    s
}

pub fn if_stmt(
    st: &State,
    l: usize,
    test: Expr,
    body: Vec<Stmt>,
    elifs: Vec<(usize, Expr, Vec<Stmt>)>,
    orelse: Option<Vec<Stmt>>,
) -> Stmt {
    let mut tail = orelse.unwrap_or_default();
    for (el, etest, ebody) in elifs.into_iter().rev() {
        let last = if tail.is_empty() { &ebody } else { &tail };
        let mut s = st.block_stmt(el, last, StmtKind::Pass);
        s.kind = StmtKind::If {
            test: etest,
            body: ebody,
            orelse: tail,
        };
        tail = vec![s];
    }
    let last = if tail.is_empty() { &body } else { &tail };
    let mut s = st.block_stmt(l, last, StmtKind::Pass);
    s.kind = StmtKind::If {
        test,
        body,
        orelse: tail,
    };
    s
}

/// The span end of a statement with a body and optional else block.
pub fn with_blocks(st: &State, l: usize, body: &[Stmt], orelse: &[Stmt]) -> Stmt {
    st.block_stmt(
        l,
        if orelse.is_empty() { body } else { orelse },
        StmtKind::Pass,
    )
}

pub fn comprehension(
    st: &State,
    is_async: bool,
    target: Expr,
    iter: Expr,
    ifs: Vec<Expr>,
) -> R<Comprehension> {
    let target = store_target(st, target, TargetKind::For)?;
    Ok(Comprehension {
        target,
        iter,
        ifs,
        is_async,
    })
}

pub fn with_item(st: &State, context_expr: Expr, var: Option<Expr>) -> R<WithItem> {
    let optional_vars = match var {
        Some(v) => Some(store_target(st, v, TargetKind::Star)?),
        None => None,
    };
    Ok(WithItem {
        context_expr,
        optional_vars,
    })
}

pub fn paren_expr(st: &State, e: Expr) -> R<Expr> {
    if matches!(e.kind, ExprKind::Starred { .. }) {
        return user(st.issue("cannot use starred expression here", &e));
    }
    Ok(e)
}

pub fn dict(st: &State, l: usize, r: usize, items: Vec<(Option<Expr>, Expr)>) -> Expr {
    let (keys, values) = items.into_iter().unzip();
    st.expr(l, r, ExprKind::Dict { keys, values })
}

pub fn lambda(
    st: &State,
    l: usize,
    r: usize,
    params: Option<Vec<ParamItem>>,
    body: Expr,
) -> R<Expr> {
    let args = arguments(st, params.unwrap_or_default())?;
    Ok(st.expr(
        l,
        r,
        ExprKind::Lambda {
            args: Box::new(args),
            body: Box::new(body),
        },
    ))
}

pub fn import_from(
    st: &State,
    l: usize,
    r: usize,
    dots: Option<u32>,
    module: Option<String>,
    import_kw: (usize, usize),
    names: Vec<Alias>,
) -> R<Stmt> {
    if dots.is_none() && module.is_none() {
        return user(Issue::new("invalid syntax", import_kw.0, import_kw.1));
    }
    Ok(st.stmt(
        l,
        r,
        StmtKind::ImportFrom {
            module,
            names,
            level: dots.unwrap_or(0),
        },
    ))
}

pub fn slice(
    st: &State,
    l: usize,
    r: usize,
    lower: Option<Expr>,
    upper: Option<Expr>,
    step: Option<Option<Expr>>,
) -> Expr {
    st.expr(
        l,
        r,
        ExprKind::Slice {
            lower: lower.map(Box::new),
            upper: upper.map(Box::new),
            step: step.flatten().map(Box::new),
        },
    )
}
