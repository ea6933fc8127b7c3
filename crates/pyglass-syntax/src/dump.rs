//! Renders an AST exactly like CPython 3.13's `ast.dump(tree)` (no attributes, empty
//! lists and `None` fields omitted), and a compact location listing for tests.

use crate::ast::*;
use std::fmt::Write;

/// `ast.dump(tree)` of CPython 3.13.
pub fn dump(m: &Module) -> String {
    let mut d = Dumper { out: String::new() };
    d.node("Module", |d| d.stmts("body", &m.body));
    d.out
}

struct Dumper {
    out: String,
}

/// Accumulates the fields of one node.
struct Fields<'a> {
    d: &'a mut Dumper,
    first: bool,
}

impl Dumper {
    fn node(&mut self, name: &str, f: impl FnOnce(&mut Fields)) {
        self.out.push_str(name);
        self.out.push('(');
        let mut fl = Fields {
            d: self,
            first: true,
        };
        f(&mut fl);
        self.out.push(')');
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::BoolOp { op, values } => self.node("BoolOp", |f| {
                f.raw("op", if *op == BoolOp::And { "And()" } else { "Or()" });
                f.exprs("values", values);
            }),
            ExprKind::NamedExpr { target, value } => self.node("NamedExpr", |f| {
                f.expr("target", target);
                f.expr("value", value);
            }),
            ExprKind::BinOp { left, op, right } => self.node("BinOp", |f| {
                f.expr("left", left);
                f.raw("op", binop_name(*op));
                f.expr("right", right);
            }),
            ExprKind::UnaryOp { op, operand } => self.node("UnaryOp", |f| {
                let n = match op {
                    UnaryOp::Invert => "Invert()",
                    UnaryOp::Not => "Not()",
                    UnaryOp::UAdd => "UAdd()",
                    UnaryOp::USub => "USub()",
                };
                f.raw("op", n);
                f.expr("operand", operand);
            }),
            ExprKind::Lambda { args, body } => self.node("Lambda", |f| {
                f.field("args", |d| d.arguments(args));
                f.expr("body", body);
            }),
            ExprKind::IfExp { test, body, orelse } => self.node("IfExp", |f| {
                f.expr("test", test);
                f.expr("body", body);
                f.expr("orelse", orelse);
            }),
            ExprKind::Dict { keys, values } => self.node("Dict", |f| {
                f.list("keys", keys, |d, k| match k {
                    Some(k) => d.expr(k),
                    None => d.out.push_str("None"),
                });
                f.exprs("values", values);
            }),
            ExprKind::Set(elts) => self.node("Set", |f| f.exprs("elts", elts)),
            ExprKind::ListComp { elt, generators } => self.node("ListComp", |f| {
                f.expr("elt", elt);
                f.comps(generators);
            }),
            ExprKind::SetComp { elt, generators } => self.node("SetComp", |f| {
                f.expr("elt", elt);
                f.comps(generators);
            }),
            ExprKind::GeneratorExp { elt, generators } => self.node("GeneratorExp", |f| {
                f.expr("elt", elt);
                f.comps(generators);
            }),
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.node("DictComp", |f| {
                f.expr("key", key);
                f.expr("value", value);
                f.comps(generators);
            }),
            ExprKind::Await(v) => self.node("Await", |f| f.expr("value", v)),
            ExprKind::Yield(v) => self.node("Yield", |f| f.opt_expr("value", v.as_deref())),
            ExprKind::YieldFrom(v) => self.node("YieldFrom", |f| f.expr("value", v)),
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.node("Compare", |f| {
                f.expr("left", left);
                f.list("ops", ops, |d, op| d.out.push_str(cmpop_name(*op)));
                f.exprs("comparators", comparators);
            }),
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.node("Call", |f| {
                f.expr("func", func);
                f.exprs("args", args);
                f.list("keywords", keywords, |d, k| {
                    d.node("keyword", |f| {
                        if let Some(a) = &k.arg {
                            f.raw("arg", &py_str(a));
                        }
                        f.expr("value", &k.value);
                    })
                });
            }),
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => self.node("FormattedValue", |f| {
                f.expr("value", value);
                f.raw("conversion", &conversion.to_string());
                f.opt_expr("format_spec", format_spec.as_deref());
            }),
            ExprKind::JoinedStr(values) => self.node("JoinedStr", |f| f.exprs("values", values)),
            ExprKind::Constant(c) => self.node("Constant", |f| f.raw("value", &constant_repr(c))),
            ExprKind::Attribute { value, attr, ctx } => self.node("Attribute", |f| {
                f.expr("value", value);
                f.raw("attr", &py_str(attr));
                f.raw("ctx", ctx_name(*ctx));
            }),
            ExprKind::Subscript { value, slice, ctx } => self.node("Subscript", |f| {
                f.expr("value", value);
                f.expr("slice", slice);
                f.raw("ctx", ctx_name(*ctx));
            }),
            ExprKind::Starred { value, ctx } => self.node("Starred", |f| {
                f.expr("value", value);
                f.raw("ctx", ctx_name(*ctx));
            }),
            ExprKind::Name { id, ctx } => self.node("Name", |f| {
                f.raw("id", &py_str(id));
                f.raw("ctx", ctx_name(*ctx));
            }),
            ExprKind::List { elts, ctx } => self.node("List", |f| {
                f.exprs("elts", elts);
                f.raw("ctx", ctx_name(*ctx));
            }),
            ExprKind::Tuple { elts, ctx } => self.node("Tuple", |f| {
                f.exprs("elts", elts);
                f.raw("ctx", ctx_name(*ctx));
            }),
            ExprKind::Slice { lower, upper, step } => self.node("Slice", |f| {
                f.opt_expr("lower", lower.as_deref());
                f.opt_expr("upper", upper.as_deref());
                f.opt_expr("step", step.as_deref());
            }),
        }
    }

    fn arguments(&mut self, a: &Arguments) {
        self.node("arguments", |f| {
            f.list("posonlyargs", &a.posonlyargs, |d, x| d.arg(x));
            f.list("args", &a.args, |d, x| d.arg(x));
            if let Some(x) = &a.vararg {
                f.field("vararg", |d| d.arg(x));
            }
            f.list("kwonlyargs", &a.kwonlyargs, |d, x| d.arg(x));
            f.list("kw_defaults", &a.kw_defaults, |d, x| match x {
                Some(e) => d.expr(e),
                None => d.out.push_str("None"),
            });
            if let Some(x) = &a.kwarg {
                f.field("kwarg", |d| d.arg(x));
            }
            f.exprs("defaults", &a.defaults);
        })
    }

    fn arg(&mut self, a: &Arg) {
        self.node("arg", |f| {
            f.raw("arg", &py_str(&a.name));
            f.opt_expr("annotation", a.annotation.as_ref());
        })
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::FunctionDef(fd) => self.node(
                if fd.is_async {
                    "AsyncFunctionDef"
                } else {
                    "FunctionDef"
                },
                |f| {
                    f.raw("name", &py_str(&fd.name));
                    f.field("args", |d| d.arguments(&fd.args));
                    f.stmts("body", &fd.body);
                    f.exprs("decorator_list", &fd.decorators);
                    f.opt_expr("returns", fd.returns.as_ref());
                },
            ),
            StmtKind::ClassDef(c) => self.node("ClassDef", |f| {
                f.raw("name", &py_str(&c.name));
                f.exprs("bases", &c.bases);
                f.list("keywords", &c.keywords, |d, k| {
                    d.node("keyword", |f| {
                        if let Some(a) = &k.arg {
                            f.raw("arg", &py_str(a));
                        }
                        f.expr("value", &k.value);
                    })
                });
                f.stmts("body", &c.body);
                f.exprs("decorator_list", &c.decorators);
            }),
            StmtKind::Return(v) => self.node("Return", |f| f.opt_expr("value", v.as_ref())),
            StmtKind::Delete(t) => self.node("Delete", |f| f.exprs("targets", t)),
            StmtKind::Assign { targets, value } => self.node("Assign", |f| {
                f.exprs("targets", targets);
                f.expr("value", value);
            }),
            StmtKind::AugAssign { target, op, value } => self.node("AugAssign", |f| {
                f.expr("target", target);
                f.raw("op", binop_name(*op));
                f.expr("value", value);
            }),
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.node("AnnAssign", |f| {
                f.expr("target", target);
                f.expr("annotation", annotation);
                f.opt_expr("value", value.as_ref());
                f.raw("simple", if *simple { "1" } else { "0" });
            }),
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => self.node("For", |f| {
                f.expr("target", target);
                f.expr("iter", iter);
                f.stmts("body", body);
                f.stmts("orelse", orelse);
            }),
            StmtKind::While { test, body, orelse } => self.node("While", |f| {
                f.expr("test", test);
                f.stmts("body", body);
                f.stmts("orelse", orelse);
            }),
            StmtKind::If { test, body, orelse } => self.node("If", |f| {
                f.expr("test", test);
                f.stmts("body", body);
                f.stmts("orelse", orelse);
            }),
            StmtKind::With { items, body } => self.node("With", |f| {
                f.list("items", items, |d, it| {
                    d.node("withitem", |f| {
                        f.expr("context_expr", &it.context_expr);
                        f.opt_expr("optional_vars", it.optional_vars.as_ref());
                    })
                });
                f.stmts("body", body);
            }),
            StmtKind::Raise { exc, cause } => self.node("Raise", |f| {
                f.opt_expr("exc", exc.as_ref());
                f.opt_expr("cause", cause.as_ref());
            }),
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => self.node("Try", |f| {
                f.stmts("body", body);
                f.list("handlers", handlers, |d, h| {
                    d.node("ExceptHandler", |f| {
                        f.opt_expr("type", h.typ.as_ref());
                        if let Some(n) = &h.name {
                            f.raw("name", &py_str(n));
                        }
                        f.stmts("body", &h.body);
                    })
                });
                f.stmts("orelse", orelse);
                f.stmts("finalbody", finalbody);
            }),
            StmtKind::Assert { test, msg } => self.node("Assert", |f| {
                f.expr("test", test);
                f.opt_expr("msg", msg.as_ref());
            }),
            StmtKind::Import(names) => self.node("Import", |f| f.aliases(names)),
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => self.node("ImportFrom", |f| {
                if let Some(m) = module {
                    f.raw("module", &py_str(m));
                }
                f.aliases(names);
                f.raw("level", &level.to_string());
            }),
            StmtKind::Global(names) => self.node("Global", |f| {
                f.list("names", names, |d, n| d.out.push_str(&py_str(n)))
            }),
            StmtKind::Nonlocal(names) => self.node("Nonlocal", |f| {
                f.list("names", names, |d, n| d.out.push_str(&py_str(n)))
            }),
            StmtKind::Expr(e) => self.node("Expr", |f| f.expr("value", e)),
            StmtKind::Pass => self.out.push_str("Pass()"),
            StmtKind::Break => self.out.push_str("Break()"),
            StmtKind::Continue => self.out.push_str("Continue()"),
        }
    }
}

impl<'a> Fields<'a> {
    fn field(&mut self, name: &str, f: impl FnOnce(&mut Dumper)) {
        if !self.first {
            self.d.out.push_str(", ");
        }
        self.first = false;
        self.d.out.push_str(name);
        self.d.out.push('=');
        f(self.d);
    }
    fn raw(&mut self, name: &str, v: &str) {
        self.field(name, |d| d.out.push_str(v));
    }
    fn expr(&mut self, name: &str, e: &Expr) {
        self.field(name, |d| d.expr(e));
    }
    fn opt_expr(&mut self, name: &str, e: Option<&Expr>) {
        if let Some(e) = e {
            self.expr(name, e);
        }
    }
    fn list<T>(&mut self, name: &str, items: &[T], mut f: impl FnMut(&mut Dumper, &T)) {
        if items.is_empty() {
            return;
        }
        self.field(name, |d| {
            d.out.push('[');
            for (k, x) in items.iter().enumerate() {
                if k > 0 {
                    d.out.push_str(", ");
                }
                f(d, x);
            }
            d.out.push(']');
        });
    }
    fn exprs(&mut self, name: &str, items: &[Expr]) {
        self.list(name, items, |d, e| d.expr(e));
    }
    fn stmts(&mut self, name: &str, items: &[Stmt]) {
        self.list(name, items, |d, s| d.stmt(s));
    }
    fn comps(&mut self, gens: &[Comprehension]) {
        self.list("generators", gens, |d, c| {
            d.node("comprehension", |f| {
                f.expr("target", &c.target);
                f.expr("iter", &c.iter);
                f.exprs("ifs", &c.ifs);
                f.raw("is_async", if c.is_async { "1" } else { "0" });
            })
        });
    }
    fn aliases(&mut self, names: &[Alias]) {
        self.list("names", names, |d, a| {
            d.node("alias", |f| {
                f.raw("name", &py_str(&a.name));
                if let Some(s) = &a.asname {
                    f.raw("asname", &py_str(s));
                }
            })
        });
    }
}

fn ctx_name(c: ExprContext) -> &'static str {
    match c {
        ExprContext::Load => "Load()",
        ExprContext::Store => "Store()",
        ExprContext::Del => "Del()",
    }
}

fn binop_name(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "Add()",
        BinOp::Sub => "Sub()",
        BinOp::Mult => "Mult()",
        BinOp::MatMult => "MatMult()",
        BinOp::Div => "Div()",
        BinOp::Mod => "Mod()",
        BinOp::Pow => "Pow()",
        BinOp::LShift => "LShift()",
        BinOp::RShift => "RShift()",
        BinOp::BitOr => "BitOr()",
        BinOp::BitXor => "BitXor()",
        BinOp::BitAnd => "BitAnd()",
        BinOp::FloorDiv => "FloorDiv()",
    }
}

fn cmpop_name(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "Eq()",
        CmpOp::NotEq => "NotEq()",
        CmpOp::Lt => "Lt()",
        CmpOp::LtE => "LtE()",
        CmpOp::Gt => "Gt()",
        CmpOp::GtE => "GtE()",
        CmpOp::Is => "Is()",
        CmpOp::IsNot => "IsNot()",
        CmpOp::In => "In()",
        CmpOp::NotIn => "NotIn()",
    }
}

/// Python's `repr()` of a constant.
pub fn constant_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::True => "True".into(),
        Constant::False => "False".into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Int(IntLit::Small(v)) => v.to_string(),
        Constant::Int(IntLit::Big(s)) => s.clone(),
        Constant::Float(f) => float_repr(*f, true),
        Constant::Complex(f) => format!("{}j", float_repr(*f, false)),
        Constant::Str(s) => py_str(s),
        Constant::Bytes(b) => py_bytes(b),
    }
}

/// Python's `repr(float)` (`add_dot_0`: append ".0" to integral values, as float repr does;
/// complex repr does not).
pub fn float_repr(f: f64, add_dot_0: bool) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        let z = if f.is_sign_negative() { "-0" } else { "0" };
        return if add_dot_0 {
            format!("{z}.0")
        } else {
            z.into()
        };
    }
    let sci = format!("{:e}", f);
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let decpt = exp + 1;
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if -4 < decpt && decpt <= 16 {
        if decpt <= 0 {
            out.push_str("0.");
            out.push_str(&"0".repeat((-decpt) as usize));
            out.push_str(&digits);
        } else if decpt as usize >= digits.len() {
            out.push_str(&digits);
            out.push_str(&"0".repeat(decpt as usize - digits.len()));
            if add_dot_0 {
                out.push_str(".0");
            }
        } else {
            out.push_str(&digits[..decpt as usize]);
            out.push('.');
            out.push_str(&digits[decpt as usize..]);
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let e = decpt - 1;
        let _ = write!(out, "e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs());
    }
    out
}

fn py_printable(c: char) -> bool {
    crate::lexer::is_printable(c)
        && !matches!(c as u32, 0xAD | 0x7F..=0x9F | 0xFDD0..=0xFDEF | 0xE000..=0xF8FF | 0xF0000..)
        && (c as u32) & 0xFFFE != 0xFFFE
}

/// Python's `repr(str)`.
pub fn py_str(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            _ if c == q => {
                out.push('\\');
                out.push(c);
            }
            _ if (c as u32) < 0x20 || c as u32 == 0x7F => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            _ if c.is_ascii() || py_printable(c) => out.push(c),
            _ if (c as u32) < 0x100 => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            _ if (c as u32) < 0x10000 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            _ => {
                let _ = write!(out, "\\U{:08x}", c as u32);
            }
        }
    }
    out.push(q);
    out
}

/// Python's `repr(bytes)`.
pub fn py_bytes(b: &[u8]) -> String {
    let q = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::from("b");
    out.push(q as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            _ if c == q => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7E => out.push(c as char),
            _ => {
                let _ = write!(out, "\\x{:02x}", c);
            }
        }
    }
    out.push(q as char);
    out
}

/// Pre-order listing of node locations, `Type@line:col-end_line:end_col` separated by
/// spaces (f-string internals other than the field expressions are skipped). Used by the
/// tests to compare with CPython.
pub fn dump_locations(m: &Module) -> String {
    let mut out = Vec::new();
    for s in &m.body {
        loc_stmt(s, &mut out);
    }
    out.join(" ")
}

fn push_loc(out: &mut Vec<String>, name: &str, l: &Loc) {
    out.push(format!(
        "{name}@{}:{}-{}:{}",
        l.line, l.col, l.end_line, l.end_col
    ));
}

fn loc_args(a: &Arguments, out: &mut Vec<String>) {
    let arg = |x: &Arg, out: &mut Vec<String>| {
        push_loc(out, "arg", &x.loc);
        if let Some(t) = &x.annotation {
            loc_expr(t, out);
        }
    };
    for x in a.posonlyargs.iter().chain(&a.args) {
        arg(x, out);
    }
    if let Some(x) = &a.vararg {
        arg(x, out);
    }
    for x in &a.kwonlyargs {
        arg(x, out);
    }
    for d in a.kw_defaults.iter().flatten() {
        loc_expr(d, out);
    }
    if let Some(x) = &a.kwarg {
        arg(x, out);
    }
    for d in &a.defaults {
        loc_expr(d, out);
    }
}

fn loc_stmt(s: &Stmt, out: &mut Vec<String>) {
    let name = match &s.kind {
        StmtKind::FunctionDef(f) if f.is_async => "AsyncFunctionDef",
        StmtKind::FunctionDef(_) => "FunctionDef",
        StmtKind::ClassDef(_) => "ClassDef",
        StmtKind::Return(_) => "Return",
        StmtKind::Delete(_) => "Delete",
        StmtKind::Assign { .. } => "Assign",
        StmtKind::AugAssign { .. } => "AugAssign",
        StmtKind::AnnAssign { .. } => "AnnAssign",
        StmtKind::For { .. } => "For",
        StmtKind::While { .. } => "While",
        StmtKind::If { .. } => "If",
        StmtKind::With { .. } => "With",
        StmtKind::Raise { .. } => "Raise",
        StmtKind::Try { .. } => "Try",
        StmtKind::Assert { .. } => "Assert",
        StmtKind::Import(_) => "Import",
        StmtKind::ImportFrom { .. } => "ImportFrom",
        StmtKind::Global(_) => "Global",
        StmtKind::Nonlocal(_) => "Nonlocal",
        StmtKind::Expr(_) => "Expr",
        StmtKind::Pass => "Pass",
        StmtKind::Break => "Break",
        StmtKind::Continue => "Continue",
    };
    push_loc(out, name, &s.loc);
    let es = |v: &[Expr], out: &mut Vec<String>| v.iter().for_each(|e| loc_expr(e, out));
    let ss = |v: &[Stmt], out: &mut Vec<String>| v.iter().for_each(|s| loc_stmt(s, out));
    match &s.kind {
        StmtKind::FunctionDef(f) => {
            loc_args(&f.args, out);
            ss(&f.body, out);
            es(&f.decorators, out);
            if let Some(r) = &f.returns {
                loc_expr(r, out);
            }
        }
        StmtKind::ClassDef(c) => {
            es(&c.bases, out);
            for k in &c.keywords {
                push_loc(out, "keyword", &k.loc);
                loc_expr(&k.value, out);
            }
            ss(&c.body, out);
            es(&c.decorators, out);
        }
        StmtKind::Return(v) => v.iter().for_each(|e| loc_expr(e, out)),
        StmtKind::Delete(t) => es(t, out),
        StmtKind::Assign { targets, value } => {
            es(targets, out);
            loc_expr(value, out);
        }
        StmtKind::AugAssign { target, value, .. } => {
            loc_expr(target, out);
            loc_expr(value, out);
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            ..
        } => {
            loc_expr(target, out);
            loc_expr(annotation, out);
            value.iter().for_each(|e| loc_expr(e, out));
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
        } => {
            loc_expr(target, out);
            loc_expr(iter, out);
            ss(body, out);
            ss(orelse, out);
        }
        StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
            loc_expr(test, out);
            ss(body, out);
            ss(orelse, out);
        }
        StmtKind::With { items, body } => {
            for it in items {
                loc_expr(&it.context_expr, out);
                it.optional_vars.iter().for_each(|e| loc_expr(e, out));
            }
            ss(body, out);
        }
        StmtKind::Raise { exc, cause } => {
            exc.iter()
                .chain(cause.iter())
                .for_each(|e| loc_expr(e, out));
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            ss(body, out);
            for h in handlers {
                push_loc(out, "ExceptHandler", &h.loc);
                h.typ.iter().for_each(|e| loc_expr(e, out));
                ss(&h.body, out);
            }
            ss(orelse, out);
            ss(finalbody, out);
        }
        StmtKind::Assert { test, msg } => {
            loc_expr(test, out);
            msg.iter().for_each(|e| loc_expr(e, out));
        }
        StmtKind::Import(names) | StmtKind::ImportFrom { names, .. } => {
            for a in names {
                push_loc(out, "alias", &a.loc);
            }
        }
        StmtKind::Expr(e) => loc_expr(e, out),
        _ => {}
    }
}

fn expr_type_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::BoolOp { .. } => "BoolOp",
        ExprKind::NamedExpr { .. } => "NamedExpr",
        ExprKind::BinOp { .. } => "BinOp",
        ExprKind::UnaryOp { .. } => "UnaryOp",
        ExprKind::Lambda { .. } => "Lambda",
        ExprKind::IfExp { .. } => "IfExp",
        ExprKind::Dict { .. } => "Dict",
        ExprKind::Set(_) => "Set",
        ExprKind::ListComp { .. } => "ListComp",
        ExprKind::SetComp { .. } => "SetComp",
        ExprKind::DictComp { .. } => "DictComp",
        ExprKind::GeneratorExp { .. } => "GeneratorExp",
        ExprKind::Await(_) => "Await",
        ExprKind::Yield(_) => "Yield",
        ExprKind::YieldFrom(_) => "YieldFrom",
        ExprKind::Compare { .. } => "Compare",
        ExprKind::Call { .. } => "Call",
        ExprKind::FormattedValue { .. } => "FormattedValue",
        ExprKind::JoinedStr(_) => "JoinedStr",
        ExprKind::Constant(_) => "Constant",
        ExprKind::Attribute { .. } => "Attribute",
        ExprKind::Subscript { .. } => "Subscript",
        ExprKind::Starred { .. } => "Starred",
        ExprKind::Name { .. } => "Name",
        ExprKind::List { .. } => "List",
        ExprKind::Tuple { .. } => "Tuple",
        ExprKind::Slice { .. } => "Slice",
    }
}

fn loc_expr(e: &Expr, out: &mut Vec<String>) {
    push_loc(out, expr_type_name(e), &e.loc);
    let es = |v: &[Expr], out: &mut Vec<String>| v.iter().for_each(|e| loc_expr(e, out));
    let comps = |g: &[Comprehension], out: &mut Vec<String>| {
        for c in g {
            loc_expr(&c.target, out);
            loc_expr(&c.iter, out);
            es(&c.ifs, out);
        }
    };
    match &e.kind {
        ExprKind::BoolOp { values, .. } => es(values, out),
        ExprKind::NamedExpr { target, value } => {
            loc_expr(target, out);
            loc_expr(value, out);
        }
        ExprKind::BinOp { left, right, .. } => {
            loc_expr(left, out);
            loc_expr(right, out);
        }
        ExprKind::UnaryOp { operand, .. } => loc_expr(operand, out),
        ExprKind::Lambda { args, body } => {
            loc_args(args, out);
            loc_expr(body, out);
        }
        ExprKind::IfExp { test, body, orelse } => {
            loc_expr(test, out);
            loc_expr(body, out);
            loc_expr(orelse, out);
        }
        ExprKind::Dict { keys, values } => {
            keys.iter().flatten().for_each(|k| loc_expr(k, out));
            es(values, out);
        }
        ExprKind::Set(elts) => es(elts, out),
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            loc_expr(elt, out);
            comps(generators, out);
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            loc_expr(key, out);
            loc_expr(value, out);
            comps(generators, out);
        }
        ExprKind::Await(v) | ExprKind::YieldFrom(v) => loc_expr(v, out),
        ExprKind::Yield(v) => v.iter().for_each(|e| loc_expr(e, out)),
        ExprKind::Compare {
            left, comparators, ..
        } => {
            loc_expr(left, out);
            es(comparators, out);
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            loc_expr(func, out);
            es(args, out);
            for k in keywords {
                push_loc(out, "keyword", &k.loc);
                loc_expr(&k.value, out);
            }
        }
        ExprKind::JoinedStr(values) => {
            // only the field expressions (CPython's f-string part locations are quirky)
            for v in values {
                fstring_fields(v, out);
            }
        }
        ExprKind::FormattedValue { .. } => fstring_fields(e, out),
        ExprKind::Attribute { value, .. } => loc_expr(value, out),
        ExprKind::Subscript { value, slice, .. } => {
            loc_expr(value, out);
            loc_expr(slice, out);
        }
        ExprKind::Starred { value, .. } => loc_expr(value, out),
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => es(elts, out),
        ExprKind::Slice { lower, upper, step } => {
            lower
                .iter()
                .chain(upper.iter())
                .chain(step.iter())
                .for_each(|e| loc_expr(e, out));
        }
        ExprKind::Constant(_) | ExprKind::Name { .. } => {}
    }
}

fn fstring_fields(e: &Expr, out: &mut Vec<String>) {
    match &e.kind {
        ExprKind::FormattedValue {
            value, format_spec, ..
        } => {
            loc_expr(value, out);
            if let Some(spec) = format_spec {
                fstring_fields(spec, out);
            }
        }
        ExprKind::JoinedStr(values) => values.iter().for_each(|v| fstring_fields(v, out)),
        _ => {}
    }
}
