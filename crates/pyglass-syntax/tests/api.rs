//! Behaviour specific to pyglass (unsupported features, REPL helper, limits) and a few
//! properties not covered by the CPython snippet comparison.

use pyglass_syntax::ast::{Constant, ExprKind, IntLit, StmtKind};
use pyglass_syntax::{is_incomplete_input, parse_module, SyntaxErrorKind};

fn err(src: &str) -> pyglass_syntax::SyntaxError {
    parse_module(src, "<t>").expect_err(src)
}

#[test]
fn unsupported_statements_are_clean_errors() {
    let e = err("match x:\n    case 1:\n        pass\n");
    assert_eq!(e.msg, "the 'match' statement is not supported by pyglass");
    assert_eq!((e.lineno, e.offset, e.end_offset), (1, 1, 6));
    let e = err("x = 1\nmatch (x):\n    case _: pass\n");
    assert_eq!(
        (e.lineno, e.msg.as_str()),
        (2, "the 'match' statement is not supported by pyglass")
    );
    let e = err("type X = int");
    assert_eq!(e.msg, "the 'type' statement is not supported by pyglass");
    let e = err("try:\n    pass\nexcept* E:\n    pass\n");
    assert_eq!(e.msg, "'except*' is not supported by pyglass");
    assert_eq!(e.lineno, 3);
}

#[test]
fn soft_keywords_stay_identifiers() {
    for src in [
        "match = 1",
        "match.x = 2",
        "match(x)",
        "match[x]",
        "case = 1",
        "type = 1",
        "type(x)",
        "_ = 1",
        "match(x)\nmatch = [1]\nprint(match)",
        "def match(case): return case",
        "x = match if case else type",
    ] {
        assert!(parse_module(src, "<t>").is_ok(), "{src}");
    }
}

#[test]
fn async_statements() {
    let ok = "async def f():\n    async for x in y:\n        pass\n    async with a as b:\n        pass\n";
    let m = parse_module(ok, "<t>").expect("inside async def");
    let StmtKind::FunctionDef(f) = &m.body[0].kind else {
        panic!()
    };
    assert!(f.is_async);
    assert!(matches!(f.body[0].kind, StmtKind::For { .. }));
    let e = err("async for x in y:\n    pass\n");
    assert_eq!(e.msg, "'async for' outside async function");
    let e = err("def f():\n    async with a:\n        pass\n");
    assert_eq!(e.msg, "'async with' outside async function");
    assert_eq!(e.lineno, 2);
    let m = parse_module("async def f(): return [await x async for x in y]", "<t>").expect("ok");
    let StmtKind::FunctionDef(f) = &m.body[0].kind else {
        panic!()
    };
    let StmtKind::Return(Some(e)) = &f.body[0].kind else {
        panic!()
    };
    let ExprKind::ListComp { elt, generators } = &e.kind else {
        panic!()
    };
    assert!(generators[0].is_async);
    assert!(matches!(elt.kind, ExprKind::Await(_)));
}

#[test]
fn big_integers_become_decimal_text() {
    let cases = [
        ("0xffffffffffffffffffff", "1208925819614629174706175"),
        ("0o7777777777777777777777777", "37778931862957161709567"),
        (
            "0b1_0000000000000000000000000000000000000000000000000000000000000000",
            "18446744073709551616",
        ),
        ("9223372036854775808", "9223372036854775808"),
        ("00000000000000000000000", "0"),
    ];
    for (src, want) in cases {
        let m = parse_module(src, "<t>").expect(src);
        let StmtKind::Expr(e) = &m.body[0].kind else {
            panic!()
        };
        let got = match &e.kind {
            ExprKind::Constant(Constant::Int(IntLit::Big(s))) => s.clone(),
            ExprKind::Constant(Constant::Int(IntLit::Small(v))) => v.to_string(),
            other => panic!("{other:?}"),
        };
        assert_eq!(got, want, "{src}");
    }
}

#[test]
fn incomplete_input_for_the_repl() {
    for src in [
        "if x:",
        "if x:\n",
        "if x:\n    pass",
        "if x:\n    pass\n",
        "def f():\n    return 1\n",
        "x = (",
        "x = [1,\n2",
        "foo(a,\n",
        "s = '''abc",
        "s = '''abc\n",
        "x = 1 + \\",
        "x = 1 + \\\n",
        "class A:\n",
        "for i in x:\n  if i:\n",
        "@dec",
        "@dec\n",
        "try:\n    pass\n",
        "if x: pass",
        "with a:\n    pass\n",
    ] {
        assert!(is_incomplete_input(src), "should be incomplete: {src:?}");
    }
    for src in [
        "x = 1",
        "x = 1\n",
        "if x:\n    pass\n\n",
        "x = )",
        "if x:\npass",
        "1 +* 2",
        "s = 'abc",
        "def f():\n    return 1\n\n",
        "print(1)\n",
        "if x:\n    1 +* 2\n",
        "",
    ] {
        assert!(
            !is_incomplete_input(src),
            "should be complete or a real error: {src:?}"
        );
    }
}

#[test]
fn error_text_and_kinds() {
    let e = err("x = 1\n  y = 2\n");
    assert_eq!(e.kind, SyntaxErrorKind::IndentationError);
    assert_eq!(e.text.as_deref(), Some("  y = 2"));
    assert_eq!(e.filename, "<t>");
    let e = err("if x:\n\tpass\n        pass\n");
    assert_eq!(e.kind, SyntaxErrorKind::TabError);
    let e = err("x = 'héllo' €");
    assert_eq!(e.msg, "invalid character '€' (U+20AC)");
    assert_eq!(e.offset, 13, "character (not byte) column");
    let e = err("x = 1\x00");
    assert_eq!(e.msg, "source code cannot contain null bytes");
}

#[test]
fn locations_are_byte_columns() {
    let m = parse_module("é = ñ(x)", "<t>").expect("ok");
    let StmtKind::Assign { targets, value } = &m.body[0].kind else {
        panic!()
    };
    assert_eq!((targets[0].loc.col, targets[0].loc.end_col), (0, 2));
    assert_eq!((value.loc.col, value.loc.end_col), (5, 10));
}

#[test]
fn fstring_nested_same_quotes() {
    let m = parse_module("f\"{', '.join(f\"{x!r}\" for x in y)}\"", "<t>").expect("ok");
    assert_eq!(m.body.len(), 1);
    let e = err("f'{x:{y:{z:{w}}}}'");
    assert_eq!(e.msg, "f-string: expressions nested too deeply");
}
