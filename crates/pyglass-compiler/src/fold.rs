//! Constant folding, after CPython's AST optimizer (`Python/ast_opt.c`).
//!
//! Instead of rewriting the tree, [`fold_module`] computes in one bottom-up pass a table
//! from expression nodes to the constant they fold to; the code generator consults it
//! before compiling an expression and emits a single `LOAD_CONST` for a folded node.
//!
//! What folds (all with Python semantics, and only when the result is certain):
//! * unary `-`, `+`, `~` on numbers (bools count as ints) and `not` on any constant;
//! * binary operators on int/float constants, `+`/`-`/`*` involving complex constants,
//!   `+` and `*` (repetition) on str/bytes/tuple constants;
//! * tuple displays of constants (nested tuples included);
//! * subscripting a str/bytes/tuple constant with an int;
//! * `__debug__` (always `True`: pyglass has no `-O`).
//!
//! CPython's size limits apply: int results over 128 bits from `*`, `**` and `<<` are not
//! folded, nor str/bytes repetitions over 4096 items, tuple repetitions over 256 items or
//! with more than 1024 items in total. Anything that would raise (division by zero,
//! negative shift counts, type errors, float overflow) is left for run time, so it raises
//! with a proper traceback then.

use ahash::AHashMap;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use pyglass_bytecode::Constant;
use pyglass_syntax::ast::{self, BinOp, Expr, ExprContext, ExprKind, Stmt, StmtKind, UnaryOp};

const MAX_INT_SIZE: u64 = 128;
const MAX_COLLECTION_SIZE: usize = 256;
const MAX_STR_SIZE: usize = 4096;
const MAX_TOTAL_ITEMS: usize = 1024;

/// Folded values of expression nodes (keyed by node address; only nodes that are not
/// already `Constant` literals are stored).
#[derive(Default, Debug)]
pub struct FoldTable {
    map: AHashMap<usize, Constant>,
}

impl FoldTable {
    /// The constant `e` folds to, if any (literals included).
    pub fn get(&self, e: &Expr) -> Option<Constant> {
        if let ExprKind::Constant(c) = &e.kind {
            return Some(convert_literal(c));
        }
        self.map.get(&(e as *const Expr as usize)).cloned()
    }

    /// Whether `e` is a literal or folds to a constant.
    pub fn is_const(&self, e: &Expr) -> bool {
        matches!(e.kind, ExprKind::Constant(_)) || self.map.contains_key(&(e as *const Expr as usize))
    }
}

/// Convert a literal from the AST to a code-object constant.
pub fn convert_literal(c: &ast::Constant) -> Constant {
    match c {
        ast::Constant::None => Constant::None,
        ast::Constant::True => Constant::True,
        ast::Constant::False => Constant::False,
        ast::Constant::Ellipsis => Constant::Ellipsis,
        ast::Constant::Int(ast::IntLit::Small(i)) => Constant::Int(*i),
        ast::Constant::Int(ast::IntLit::Big(s)) => int_const(parse_big(s)),
        ast::Constant::Float(f) => Constant::Float(*f),
        ast::Constant::Complex(im) => Constant::Complex(0.0, *im),
        ast::Constant::Str(s) => Constant::Str(s.clone()),
        ast::Constant::Bytes(b) => Constant::Bytes(b.clone()),
    }
}

fn parse_big(s: &str) -> BigInt {
    let digits: String = s.chars().filter(|c| *c != '_').collect();
    digits.parse::<BigInt>().unwrap_or_default()
}

/// An int constant, small when it fits in i64.
pub fn int_const(v: BigInt) -> Constant {
    match v.to_i64() {
        Some(i) => Constant::Int(i),
        None => Constant::BigInt(v.to_string()),
    }
}

/// Python truthiness of a constant (`None` for code objects).
pub fn truthy(c: &Constant) -> Option<bool> {
    Some(match c {
        Constant::None => false,
        Constant::True => true,
        Constant::False => false,
        Constant::Ellipsis => true,
        Constant::Int(i) => *i != 0,
        Constant::BigInt(s) => !s.trim_start_matches('-').trim_start_matches('0').is_empty(),
        Constant::Float(f) => *f != 0.0,
        Constant::Complex(r, i) => *r != 0.0 || *i != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
        Constant::Code(_) => return None,
    })
}

/// Compute the fold table of a module.
pub fn fold_module(module: &ast::Module) -> FoldTable {
    let mut f = Folder { table: FoldTable::default() };
    f.body(&module.body);
    f.table
}

struct Folder {
    table: FoldTable,
}

impl Folder {
    fn body(&mut self, body: &[Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn opt(&mut self, e: Option<&Expr>) {
        if let Some(e) = e {
            self.expr(e);
        }
    }

    fn args(&mut self, a: &ast::Arguments) {
        for arg in crate::symtable::all_args(a) {
            self.opt(arg.annotation.as_ref());
        }
        for d in &a.defaults {
            self.expr(d);
        }
        for d in a.kw_defaults.iter().flatten() {
            self.expr(d);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::FunctionDef(f) => {
                self.args(&f.args);
                self.body(&f.body);
                for d in &f.decorators {
                    self.expr(d);
                }
                self.opt(f.returns.as_ref());
            }
            StmtKind::ClassDef(c) => {
                for b in &c.bases {
                    self.expr(b);
                }
                for k in &c.keywords {
                    self.expr(&k.value);
                }
                self.body(&c.body);
                for d in &c.decorators {
                    self.expr(d);
                }
            }
            StmtKind::Return(v) => self.opt(v.as_ref()),
            StmtKind::Delete(ts) => {
                for t in ts {
                    self.expr(t);
                }
            }
            StmtKind::Assign { targets, value } => {
                for t in targets {
                    self.expr(t);
                }
                self.expr(value);
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target);
                self.expr(value);
            }
            StmtKind::AnnAssign { target, annotation, value, .. } => {
                self.expr(target);
                self.expr(annotation);
                self.opt(value.as_ref());
            }
            StmtKind::For { target, iter, body, orelse } => {
                self.expr(target);
                self.expr(iter);
                self.body(body);
                self.body(orelse);
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test);
                self.body(body);
                self.body(orelse);
            }
            StmtKind::With { items, body } => {
                for it in items {
                    self.expr(&it.context_expr);
                    self.opt(it.optional_vars.as_ref());
                }
                self.body(body);
            }
            StmtKind::Raise { exc, cause } => {
                self.opt(exc.as_ref());
                self.opt(cause.as_ref());
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                self.body(body);
                for h in handlers {
                    self.opt(h.typ.as_ref());
                    self.body(&h.body);
                }
                self.body(orelse);
                self.body(finalbody);
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test);
                self.opt(msg.as_ref());
            }
            StmtKind::Expr(e) => {
                self.expr(e);
            }
            StmtKind::Import(_)
            | StmtKind::ImportFrom { .. }
            | StmtKind::Global(_)
            | StmtKind::Nonlocal(_)
            | StmtKind::Pass
            | StmtKind::Break
            | StmtKind::Continue => {}
        }
    }

    fn comprehensions(&mut self, gens: &[ast::Comprehension]) {
        for g in gens {
            self.expr(&g.target);
            self.expr(&g.iter);
            for c in &g.ifs {
                self.expr(c);
            }
        }
    }

    /// Fold the children of `e`, then `e` itself; returns its constant value if any.
    fn expr(&mut self, e: &Expr) -> Option<Constant> {
        let value = match &e.kind {
            ExprKind::Constant(c) => return Some(convert_literal(c)),
            ExprKind::Name { id, ctx } => {
                if id == "__debug__" && *ctx == ExprContext::Load {
                    Some(Constant::True)
                } else {
                    None
                }
            }
            ExprKind::UnaryOp { op, operand } => {
                let v = self.expr(operand)?;
                fold_unary(*op, &v)
            }
            ExprKind::BinOp { left, op, right } => {
                let l = self.expr(left);
                let r = self.expr(right);
                fold_binop(*op, &l?, &r?)
            }
            ExprKind::Tuple { elts, ctx } => {
                let mut items = Some(Vec::with_capacity(elts.len()));
                for x in elts {
                    let v = self.expr(x);
                    match (v, &mut items) {
                        (Some(v), Some(list)) if !matches!(x.kind, ExprKind::Starred { .. }) => list.push(v),
                        _ => items = None,
                    }
                }
                if *ctx == ExprContext::Load {
                    items.map(Constant::Tuple)
                } else {
                    None
                }
            }
            ExprKind::Subscript { value, slice, ctx } => {
                let v = self.expr(value);
                let i = self.expr(slice);
                if *ctx == ExprContext::Load {
                    fold_subscript(&v?, &i?)
                } else {
                    None
                }
            }
            ExprKind::BoolOp { values, .. } => {
                for v in values {
                    self.expr(v);
                }
                None
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(target);
                self.expr(value);
                None
            }
            ExprKind::Lambda { args, body } => {
                self.args(args);
                self.expr(body);
                None
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test);
                self.expr(body);
                self.expr(orelse);
                None
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.expr(k);
                }
                for v in values {
                    self.expr(v);
                }
                None
            }
            ExprKind::Set(elts) | ExprKind::List { elts, .. } => {
                for x in elts {
                    self.expr(x);
                }
                None
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                self.expr(elt);
                self.comprehensions(generators);
                None
            }
            ExprKind::DictComp { key, value, generators } => {
                self.expr(key);
                self.expr(value);
                self.comprehensions(generators);
                None
            }
            ExprKind::Await(v) | ExprKind::YieldFrom(v) => {
                self.expr(v);
                None
            }
            ExprKind::Yield(v) => {
                self.opt(v.as_deref());
                None
            }
            ExprKind::Compare { left, comparators, .. } => {
                self.expr(left);
                for c in comparators {
                    self.expr(c);
                }
                None
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func);
                for a in args {
                    self.expr(a);
                }
                for k in keywords {
                    self.expr(&k.value);
                }
                None
            }
            ExprKind::FormattedValue { value, format_spec, .. } => {
                self.expr(value);
                self.opt(format_spec.as_deref());
                None
            }
            ExprKind::JoinedStr(values) => {
                for v in values {
                    self.expr(v);
                }
                None
            }
            ExprKind::Attribute { value, .. } | ExprKind::Starred { value, .. } => {
                self.expr(value);
                None
            }
            ExprKind::Slice { lower, upper, step } => {
                self.opt(lower.as_deref());
                self.opt(upper.as_deref());
                self.opt(step.as_deref());
                None
            }
        };
        if let Some(v) = &value {
            self.table.map.insert(e as *const Expr as usize, v.clone());
        }
        value
    }
}

// ---------------------------------------------------------------------------------------
// Operations on constants
// ---------------------------------------------------------------------------------------

/// A numeric view of a constant.
enum Num {
    Int(BigInt),
    Float(f64),
    Complex(f64, f64),
}

fn as_int(c: &Constant) -> Option<BigInt> {
    match c {
        Constant::Int(i) => Some(BigInt::from(*i)),
        Constant::BigInt(s) => Some(parse_big(s)),
        Constant::True => Some(BigInt::from(1)),
        Constant::False => Some(BigInt::zero()),
        _ => None,
    }
}

fn as_num(c: &Constant) -> Option<Num> {
    match c {
        Constant::Float(f) => Some(Num::Float(*f)),
        Constant::Complex(r, i) => Some(Num::Complex(*r, *i)),
        _ => as_int(c).map(Num::Int),
    }
}

/// Exact int to float conversion (only for ints that fit in i64, which Rust converts with
/// round-half-even exactly like Python).
fn int_to_f64(i: &BigInt) -> Option<f64> {
    i.to_i64().map(|v| v as f64)
}

fn num_const(n: Num) -> Constant {
    match n {
        Num::Int(i) => int_const(i),
        Num::Float(f) => Constant::Float(f),
        Num::Complex(r, i) => Constant::Complex(r, i),
    }
}

fn fold_unary(op: UnaryOp, v: &Constant) -> Option<Constant> {
    if op == UnaryOp::Not {
        return truthy(v).map(|t| if t { Constant::False } else { Constant::True });
    }
    let n = as_num(v)?;
    Some(num_const(match (op, n) {
        (UnaryOp::USub, Num::Int(i)) => Num::Int(-i),
        (UnaryOp::USub, Num::Float(f)) => Num::Float(-f),
        (UnaryOp::USub, Num::Complex(r, i)) => Num::Complex(-r, -i),
        (UnaryOp::UAdd, n) => n,
        (UnaryOp::Invert, Num::Int(i)) => Num::Int(-(i + BigInt::from(1))),
        _ => return None,
    }))
}

fn is_bool(c: &Constant) -> bool {
    matches!(c, Constant::True | Constant::False)
}

pub(crate) fn fold_binop(op: BinOp, l: &Constant, r: &Constant) -> Option<Constant> {
    // Sequences first.
    match (op, l, r) {
        (BinOp::Add, Constant::Str(a), Constant::Str(b)) => return Some(Constant::Str(format!("{a}{b}"))),
        (BinOp::Add, Constant::Bytes(a), Constant::Bytes(b)) => {
            return Some(Constant::Bytes([a.as_slice(), b.as_slice()].concat()))
        }
        (BinOp::Add, Constant::Tuple(a), Constant::Tuple(b)) => {
            return Some(Constant::Tuple(a.iter().chain(b).cloned().collect()))
        }
        (BinOp::Mult, Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_), n)
            if as_int(n).is_some() =>
        {
            return repeat(l, &as_int(n)?)
        }
        (BinOp::Mult, n, Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_))
            if as_int(n).is_some() =>
        {
            return repeat(r, &as_int(n)?)
        }
        _ => {}
    }
    let a = as_num(l)?;
    let b = as_num(r)?;
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => {
            let both_bool = is_bool(l) && is_bool(r);
            let res = int_binop(op, x, y)?;
            if both_bool && matches!(op, BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor) {
                return Some(num_const(res)).map(|c| match c {
                    Constant::Int(0) => Constant::False,
                    Constant::Int(_) => Constant::True,
                    other => other,
                });
            }
            Some(num_const(res))
        }
        (Num::Complex(ar, ai), b) => complex_binop(op, (ar, ai), to_complex(b)?),
        (a, Num::Complex(br, bi)) => complex_binop(op, to_complex(a)?, (br, bi)),
        (a, b) => {
            let x = to_float(a)?;
            let y = to_float(b)?;
            float_binop(op, x, y).map(Constant::Float)
        }
    }
}

fn to_float(n: Num) -> Option<f64> {
    match n {
        Num::Int(i) => int_to_f64(&i),
        Num::Float(f) => Some(f),
        Num::Complex(..) => None,
    }
}

fn to_complex(n: Num) -> Option<(f64, f64)> {
    match n {
        Num::Complex(r, i) => Some((r, i)),
        other => Some((to_float(other)?, 0.0)),
    }
}

fn complex_binop(op: BinOp, (ar, ai): (f64, f64), (br, bi): (f64, f64)) -> Option<Constant> {
    let (r, i) = match op {
        BinOp::Add => (ar + br, ai + bi),
        BinOp::Sub => (ar - br, ai - bi),
        BinOp::Mult => (ar * br - ai * bi, ar * bi + ai * br),
        _ => return None,
    };
    Some(Constant::Complex(r, i))
}

/// Python's `float.__floordiv__`/`__mod__` (`float_divmod` in `Objects/floatobject.c`).
fn float_divmod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx; // fmod
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut fd = div.floor();
        if div - fd > 0.5 {
            fd += 1.0;
        }
        fd
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

fn float_binop(op: BinOp, x: f64, y: f64) -> Option<f64> {
    match op {
        BinOp::Add => Some(x + y),
        BinOp::Sub => Some(x - y),
        BinOp::Mult => Some(x * y),
        BinOp::Div => (y != 0.0).then(|| x / y),
        BinOp::FloorDiv => (y != 0.0).then(|| float_divmod(x, y).0),
        BinOp::Mod => (y != 0.0).then(|| float_divmod(x, y).1),
        BinOp::Pow => {
            // Only the unexceptional cases: finite operands, no negative base with a
            // fractional exponent (complex result), no zero base with a negative exponent
            // (ZeroDivisionError), finite result (else OverflowError).
            if !x.is_finite() || !y.is_finite() {
                return None;
            }
            if x < 0.0 && y.fract() != 0.0 {
                return None;
            }
            if x == 0.0 && y < 0.0 {
                return None;
            }
            if x.is_sign_negative() && x == 0.0 {
                return None;
            }
            let r = x.powf(y);
            r.is_finite().then_some(r)
        }
        _ => None,
    }
}

fn int_binop(op: BinOp, x: BigInt, y: BigInt) -> Option<Num> {
    Some(Num::Int(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mult => {
            if !x.is_zero() && !y.is_zero() && x.bits() + y.bits() > MAX_INT_SIZE {
                return None;
            }
            x * y
        }
        BinOp::Div => {
            if y.is_zero() {
                return None;
            }
            // Exact operands give a correctly rounded IEEE quotient, as Python's is.
            const EXACT: i64 = 1 << 53;
            let (a, b) = (x.to_i64()?, y.to_i64()?);
            if a.abs() > EXACT || b.abs() > EXACT {
                return None;
            }
            return Some(Num::Float(a as f64 / b as f64));
        }
        BinOp::FloorDiv => {
            if y.is_zero() {
                return None;
            }
            x.div_floor(&y)
        }
        BinOp::Mod => {
            if y.is_zero() {
                return None;
            }
            x.mod_floor(&y)
        }
        BinOp::Pow => {
            if y.is_negative() {
                // int ** negative int is float ** float in Python.
                let r = float_binop(BinOp::Pow, int_to_f64(&x)?, int_to_f64(&y)?)?;
                return Some(Num::Float(r));
            }
            if x.is_zero() || y.is_zero() {
                return Some(Num::Int(if y.is_zero() { BigInt::from(1) } else { BigInt::zero() }));
            }
            let e = y.to_u64()?;
            if x.bits() > MAX_INT_SIZE / e {
                return None;
            }
            num_traits::pow::pow(x, e as usize)
        }
        BinOp::LShift => {
            if y.is_negative() {
                return None;
            }
            if x.is_zero() || y.is_zero() {
                return Some(Num::Int(x));
            }
            let n = y.to_u64()?;
            if n > MAX_INT_SIZE || x.bits() > MAX_INT_SIZE - n {
                return None;
            }
            x << (n as usize)
        }
        BinOp::RShift => {
            if y.is_negative() {
                return None;
            }
            let n = y.to_u64().unwrap_or(u64::MAX);
            if n >= x.bits() {
                // Everything shifted out: floor division by a power of two.
                if x.is_negative() { BigInt::from(-1) } else { BigInt::zero() }
            } else {
                // Floor semantics for negative numbers.
                x.div_floor(&(BigInt::from(1) << (n as usize)))
            }
        }
        BinOp::BitAnd => x & y,
        BinOp::BitOr => x | y,
        BinOp::BitXor => x ^ y,
        BinOp::MatMult => return None,
    }))
}

/// Total number of items in a (nested) tuple constant, giving up past `limit`.
fn complexity(c: &Constant, limit: isize) -> isize {
    match c {
        Constant::Tuple(items) => {
            let mut limit = limit - items.len() as isize;
            for it in items {
                if limit < 0 {
                    break;
                }
                limit = complexity(it, limit);
            }
            limit
        }
        _ => limit,
    }
}

/// `seq * n` under CPython's `safe_multiply` limits.
fn repeat(seq: &Constant, n: &BigInt) -> Option<Constant> {
    let n = n.to_i64()?;
    let size = match seq {
        Constant::Str(s) => s.chars().count(),
        Constant::Bytes(b) => b.len(),
        Constant::Tuple(t) => t.len(),
        _ => return None,
    };
    let count = if n < 0 { 0 } else { n as usize };
    let max = if matches!(seq, Constant::Tuple(_)) { MAX_COLLECTION_SIZE } else { MAX_STR_SIZE };
    if let Some(limit) = max.checked_div(size) {
        if n < 0 || count > limit {
            return None;
        }
        if let Constant::Tuple(_) = seq {
            if count > 0 && complexity(seq, (MAX_TOTAL_ITEMS / count) as isize) < 0 {
                return None;
            }
        }
    }
    Some(match seq {
        Constant::Str(s) => Constant::Str(s.repeat(if size == 0 { 0 } else { count })),
        Constant::Bytes(b) => Constant::Bytes(b.repeat(if size == 0 { 0 } else { count })),
        Constant::Tuple(t) => {
            let mut out = Vec::with_capacity(t.len() * count);
            for _ in 0..count {
                out.extend(t.iter().cloned());
            }
            Constant::Tuple(out)
        }
        _ => return None,
    })
}

fn fold_subscript(v: &Constant, idx: &Constant) -> Option<Constant> {
    let i = as_int(idx)?.to_i64()?;
    let resolve = |len: usize| -> Option<usize> {
        let len = len as i64;
        let j = if i < 0 { i + len } else { i };
        (0..len).contains(&j).then_some(j as usize)
    };
    match v {
        Constant::Str(s) => {
            let n = s.chars().count();
            let j = resolve(n)?;
            s.chars().nth(j).map(|c| Constant::Str(c.to_string()))
        }
        Constant::Bytes(b) => resolve(b.len()).map(|j| Constant::Int(b[j] as i64)),
        Constant::Tuple(t) => resolve(t.len()).map(|j| t[j].clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(i: i64) -> Constant {
        Constant::Int(i)
    }

    #[test]
    fn int_arithmetic_has_python_semantics() {
        assert_eq!(fold_binop(BinOp::FloorDiv, &int(-7), &int(2)), Some(int(-4)));
        assert_eq!(fold_binop(BinOp::Mod, &int(-7), &int(2)), Some(int(1)));
        assert_eq!(fold_binop(BinOp::Mod, &int(7), &int(-2)), Some(int(-1)));
        assert_eq!(fold_binop(BinOp::RShift, &int(-7), &int(1)), Some(int(-4)));
        assert_eq!(fold_binop(BinOp::RShift, &int(-7), &int(100)), Some(int(-1)));
        assert_eq!(fold_binop(BinOp::BitAnd, &int(-6), &int(7)), Some(int(2)));
        assert_eq!(fold_binop(BinOp::BitOr, &int(-8), &int(3)), Some(int(-5)));
        assert_eq!(fold_binop(BinOp::BitXor, &int(-1), &int(5)), Some(int(-6)));
        assert_eq!(fold_binop(BinOp::Div, &int(1), &int(0)), None);
        assert_eq!(fold_binop(BinOp::Div, &int(1), &int(2)), Some(Constant::Float(0.5)));
        assert_eq!(fold_binop(BinOp::Pow, &int(2), &int(-1)), Some(Constant::Float(0.5)));
        assert_eq!(fold_binop(BinOp::Pow, &int(2), &int(64)), Some(Constant::BigInt("18446744073709551616".into())));
        assert_eq!(fold_binop(BinOp::Pow, &int(2), &int(100)), None);
        assert_eq!(fold_binop(BinOp::Pow, &int(2), &int(200)), None);
        assert_eq!(fold_binop(BinOp::LShift, &int(1), &int(-1)), None);
        assert_eq!(fold_binop(BinOp::Add, &Constant::True, &Constant::True), Some(int(2)));
        assert_eq!(fold_binop(BinOp::BitAnd, &Constant::True, &Constant::False), Some(Constant::False));
        assert_eq!(fold_binop(BinOp::Mult, &int(i64::MAX), &int(2)), Some(Constant::BigInt("18446744073709551614".into())));
    }

    #[test]
    fn float_arithmetic_has_python_semantics() {
        assert_eq!(fold_binop(BinOp::FloorDiv, &Constant::Float(-7.0), &int(2)), Some(Constant::Float(-4.0)));
        assert_eq!(fold_binop(BinOp::Mod, &Constant::Float(-7.5), &int(2)), Some(Constant::Float(0.5)));
        assert_eq!(fold_binop(BinOp::Mod, &Constant::Float(1.0), &Constant::Float(0.0)), None);
        assert_eq!(fold_binop(BinOp::Pow, &Constant::Float(-8.0), &Constant::Float(0.5)), None);
        assert_eq!(fold_binop(BinOp::Pow, &Constant::Float(10.0), &Constant::Float(400.0)), None);
        match fold_binop(BinOp::Mod, &Constant::Float(0.0), &Constant::Float(-1.0)) {
            Some(Constant::Float(f)) => assert!(f == 0.0 && f.is_sign_negative()),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn sequences_respect_limits() {
        let s = Constant::Str("ab".into());
        assert_eq!(fold_binop(BinOp::Mult, &s, &int(3)), Some(Constant::Str("ababab".into())));
        assert_eq!(fold_binop(BinOp::Mult, &s, &int(2049)), None);
        assert_eq!(fold_binop(BinOp::Mult, &s, &int(-1)), None);
        let t = Constant::Tuple(vec![int(1), int(2)]);
        assert_eq!(fold_binop(BinOp::Mult, &int(2), &t), Some(Constant::Tuple(vec![int(1), int(2), int(1), int(2)])));
        assert_eq!(fold_binop(BinOp::Mult, &t, &int(129)), None);
        assert_eq!(fold_binop(BinOp::Mod, &s, &int(1)), None);
        assert_eq!(fold_subscript(&Constant::Str("h\u{e9}llo".into()), &int(1)), Some(Constant::Str("\u{e9}".into())));
        assert_eq!(fold_subscript(&Constant::Str("abc".into()), &int(-1)), Some(Constant::Str("c".into())));
        assert_eq!(fold_subscript(&Constant::Str("abc".into()), &int(3)), None);
    }

    #[test]
    fn unary() {
        assert_eq!(fold_unary(UnaryOp::USub, &int(i64::MIN)), Some(Constant::BigInt("9223372036854775808".into())));
        assert_eq!(fold_unary(UnaryOp::Invert, &Constant::True), Some(int(-2)));
        assert_eq!(fold_unary(UnaryOp::Not, &Constant::Str(String::new())), Some(Constant::True));
        assert_eq!(fold_unary(UnaryOp::USub, &Constant::Complex(0.0, 1.0)), Some(Constant::Complex(-0.0, -1.0)));
        assert_eq!(fold_unary(UnaryOp::USub, &Constant::Str("x".into())), None);
    }
}
