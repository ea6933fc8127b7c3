//! Deeply nested input must give a SyntaxError or compile, never overflow the stack.

mod common;

use pyglass_compiler::{compile, depth::check_depth, verify, Mode};
use pyglass_syntax::ast::*;

fn l() -> Loc {
    Loc::new(1, 0, 1, 1)
}

fn name(id: &str) -> Expr {
    Expr { loc: l(), kind: ExprKind::Name { id: id.into(), ctx: ExprContext::Load } }
}

fn stmt(kind: StmtKind) -> Stmt {
    Stmt { loc: l(), kind }
}

/// `if x:` nested `n` deep around `pass`.
fn nested_ifs(n: usize) -> Module {
    let mut body = vec![stmt(StmtKind::Pass)];
    for _ in 0..n {
        body = vec![stmt(StmtKind::If { test: name("x"), body, orelse: vec![] })];
    }
    Module { body }
}

/// `a + a + ... + a` (left-leaning, `n` operators) as an expression statement.
fn binop_chain(n: usize) -> Module {
    let mut e = name("a");
    for _ in 0..n {
        e = Expr { loc: l(), kind: ExprKind::BinOp { left: Box::new(e), op: BinOp::Add, right: Box::new(name("a")) } };
    }
    Module { body: vec![stmt(StmtKind::Expr(e))] }
}

/// `f(f(f(...)))`.
fn nested_calls(n: usize) -> Module {
    let mut e = name("a");
    for _ in 0..n {
        e = Expr { loc: l(), kind: ExprKind::Call { func: Box::new(name("f")), args: vec![e], keywords: vec![] } };
    }
    Module { body: vec![stmt(StmtKind::Expr(e))] }
}

/// `lambda: lambda: ... a`.
fn nested_lambdas(n: usize) -> Module {
    let mut e = name("a");
    for _ in 0..n {
        e = Expr { loc: l(), kind: ExprKind::Lambda { args: Box::default(), body: Box::new(e) } };
    }
    Module { body: vec![stmt(StmtKind::Expr(e))] }
}

/// `def f(): def f(): ... pass`.
fn nested_defs(n: usize) -> Module {
    let mut body = vec![stmt(StmtKind::Pass)];
    for _ in 0..n {
        let f = FunctionDef {
            name: "f".into(),
            args: Arguments::default(),
            body,
            decorators: vec![],
            returns: None,
            is_async: false,
        };
        body = vec![stmt(StmtKind::FunctionDef(Box::new(f)))];
    }
    Module { body }
}

/// `[[... a for a in b] for a in b]`.
fn nested_comprehensions(n: usize) -> Module {
    let mut e = name("a");
    for _ in 0..n {
        let gen = Comprehension {
            target: Expr { loc: l(), kind: ExprKind::Name { id: "a".into(), ctx: ExprContext::Store } },
            iter: name("b"),
            ifs: vec![],
            is_async: false,
        };
        e = Expr { loc: l(), kind: ExprKind::ListComp { elt: Box::new(e), generators: vec![gen] } };
    }
    Module { body: vec![stmt(StmtKind::Expr(e))] }
}

/// Run `f` on a thread with a small stack (Rust's default for spawned threads is 2 MiB).
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new().stack_size(2 << 20).spawn(f).expect("spawn").join().expect("no overflow")
}

/// Run `f` on a thread with a big stack (building and dropping huge trees recurses).
fn on_big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new().stack_size(512 << 20).spawn(f).expect("spawn").join().expect("no overflow")
}

type Builder = fn(usize) -> Module;
const SHAPES: &[(&str, Builder)] = &[
    ("ifs", nested_ifs),
    ("binops", binop_chain),
    ("calls", nested_calls),
    ("lambdas", nested_lambdas),
    ("defs", nested_defs),
    ("comprehensions", nested_comprehensions),
];

#[test]
fn thousand_nested_ifs_compile() {
    let code = on_small_stack(|| {
        let m = nested_ifs(1000);
        compile(&m, "", "<deep>", Mode::Exec).map(|c| verify(&c).map(|_| c.instructions.len()))
    });
    assert!(code.expect("compiles").expect("verifies") > 1000);
}

/// The largest `n` for which `build(n)` passes the (iterative) depth check.
fn deepest_accepted(build: Builder) -> usize {
    let (mut lo, mut hi) = (1usize, 20_000usize);
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        let m = build(mid);
        let ok = check_depth(&m).is_ok();
        std::mem::forget(m); // dropping a deep tree recurses; these are test-only leaks
        if ok {
            lo = mid
        } else {
            hi = mid
        }
    }
    lo
}

#[test]
fn deepest_accepted_input_fits_a_small_stack() {
    for &(what, build) in SHAPES {
        let n = on_big_stack(move || deepest_accepted(build));
        assert!(n >= 400, "{what}: only {n} levels accepted");
        let ok = on_small_stack(move || {
            let m = build(n);
            let r = compile(&m, "", "<deep>", Mode::Exec).map(|c| verify(&c).is_ok());
            std::mem::forget(m);
            r
        });
        assert_eq!(ok, Ok(true), "{what} at {n} levels");
    }
}

#[test]
fn too_deep_input_is_a_syntax_error() {
    for &(what, build) in SHAPES {
        let err = on_big_stack(move || {
            let m = build(100_000);
            let r = compile(&m, "", "<deep>", Mode::Exec).map(|_| ());
            std::mem::forget(m);
            r
        });
        let e = err.expect_err(what);
        assert!(e.msg.contains("too many nested"), "{what}: {}", e.msg);
    }
}
