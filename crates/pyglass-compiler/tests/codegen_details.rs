//! Targeted checks of code-object details: constants, docstrings, names, flags, slots.

mod common;

use common::{compile_ok, find_code, ops};
use pyglass_bytecode::{code_flags, slot_kind, Constant};

#[test]
fn constants_are_deduplicated_by_value_and_type() {
    let code = compile_ok("a = 1\nb = 1.0\nc = True\nd = 0.0\ne = -0.0\nf = 1\ng = 'x'\nh = 'x'\n");
    let consts: Vec<String> = code.constants.iter().map(pyglass_bytecode::dis::const_repr).collect();
    assert_eq!(consts, ["1", "1.0", "True", "0.0", "-0.0", "\"x\"", "None"]);
}

#[test]
fn docstrings_are_constant_zero_and_cleaned() {
    let code = compile_ok("'''Mod\n    doc'''\ndef f():\n    '''Doc.\n\n    Indented.\n    '''\n    return 1\ndef g():\n    return 2\nclass C:\n    'cdoc'\n");
    assert_eq!(code.docstring.as_deref(), Some("Mod\ndoc"));
    let f = find_code(&code, "f");
    assert_eq!(f.docstring.as_deref(), Some("Doc.\n\nIndented.\n"));
    assert_eq!(f.constants[0], Constant::Str("Doc.\n\nIndented.\n".into()));
    let g = find_code(&code, "g");
    assert_eq!(g.docstring, None);
    assert_eq!(g.constants[0], Constant::None);
    let c = find_code(&code, "C");
    assert_eq!(c.docstring.as_deref(), Some("cdoc"));
    assert_eq!(c.constants[0], Constant::Str("cdoc".into()));
}

#[test]
fn qualnames_follow_cpython() {
    let code = compile_ok(
        "def f():\n    def g():\n        return lambda: [x for x in ()]\n    class C:\n        def m(self):\n            pass\n    return g, C\nclass D:\n    def n(self):\n        global h\n        def h(): pass\n",
    );
    for q in ["f", "f.<locals>.g", "f.<locals>.g.<locals>.<lambda>", "f.<locals>.g.<locals>.<lambda>.<locals>.<listcomp>", "f.<locals>.C", "f.<locals>.C.m", "D.n", "h"] {
        find_code(&code, q);
    }
    // A comprehension is not a function for qualname purposes (no `<locals>`).
    let code = compile_ok("x = [lambda: 1 for _ in ()]\n");
    find_code(&code, "<listcomp>.<lambda>");
}

#[test]
fn flags_and_argument_counts() {
    let code = compile_ok("def f(a, b, /, c, *d, e, **g):\n    yield\ndef h():\n    def i(): pass\n");
    let f = find_code(&code, "f");
    assert_eq!((f.argcount, f.posonlyargcount, f.kwonlyargcount), (3, 2, 1));
    let want = code_flags::OPTIMIZED | code_flags::NEWLOCALS | code_flags::VARARGS | code_flags::VARKEYWORDS | code_flags::GENERATOR;
    assert_eq!(f.flags, want);
    assert_eq!(f.localsplus_names, ["a", "b", "c", "e", "d", "g"]);
    let i = find_code(&code, "h.<locals>.i");
    assert!(i.flags & code_flags::NESTED != 0);
    assert_eq!(code.flags, 0);
}

#[test]
fn slots_are_args_locals_cells_frees() {
    let code = compile_ok("def f(a, b):\n    x = 1\n    y = 2\n    def g():\n        return a, y, z\n    z = 3\n    return g\n");
    let f = find_code(&code, "f");
    assert_eq!(f.localsplus_names, ["a", "b", "x", "g", "y", "z"]);
    assert_eq!(
        f.localsplus_kinds,
        [slot_kind::LOCAL | slot_kind::CELL, slot_kind::LOCAL, slot_kind::LOCAL, slot_kind::LOCAL, slot_kind::CELL, slot_kind::CELL]
    );
    assert_eq!(&ops(f)[..3], ["MAKE_CELL", "MAKE_CELL", "MAKE_CELL"]);
    let g = find_code(&code, "f.<locals>.g");
    assert_eq!(g.localsplus_names, ["a", "y", "z"]);
    assert_eq!(g.nfreevars(), 3);
    assert_eq!(ops(g)[0], "COPY_FREE_VARS");
}

#[test]
fn class_cell_protocol_and_static_attributes() {
    let code = compile_ok("class C:\n    def __init__(self):\n        self.b = 1\n        self.a = 2\n        self.a += 1\n        super().__init__()\n");
    let c = find_code(&code, "C");
    let o = ops(c);
    assert_eq!(&o[o.len() - 4..], ["LOAD_CLOSURE", "COPY", "STORE_NAME", "RETURN_VALUE"]);
    assert!(c.names.contains(&"__classcell__".to_string()));
    assert!(c.constants.contains(&Constant::Tuple(vec![Constant::Str("a".into()), Constant::Str("b".into())])));
    let init = find_code(&code, "C.__init__");
    assert_eq!(init.localsplus_names, ["self", "__class__"]);
}

#[test]
fn folding_and_iterable_tuples() {
    let code = compile_ok("x = 2 ** 8 - 1\ny = a in [1, 2, 3]\nfor i in [4, 5]: pass\nz = __debug__\nw = (1, (2, 'three'))\n");
    assert!(code.constants.contains(&Constant::Int(255)));
    assert!(code.constants.contains(&Constant::Tuple(vec![Constant::Int(1), Constant::Int(2), Constant::Int(3)])));
    assert!(code.constants.contains(&Constant::Tuple(vec![Constant::Int(4), Constant::Int(5)])));
    assert!(code.constants.contains(&Constant::True));
    assert!(!ops(&code).contains(&"BUILD_LIST"));
    assert!(!ops(&code).contains(&"BINARY_OP"));
    let code = compile_ok("x = 1 / 0\ny = 'a' % 1\nz = 2 ** 1000\n");
    assert_eq!(ops(&code).iter().filter(|o| **o == "BINARY_OP").count(), 3);
}

#[test]
fn big_ints_and_mangling() {
    let code = compile_ok("x = 123456789012345678901234567890 * 2\nclass _K:\n    __p = 1\n    def m(self):\n        return self.__q\n");
    assert!(code.constants.contains(&Constant::BigInt("246913578024691357802469135780".into())));
    let k = find_code(&code, "_K");
    assert!(k.names.contains(&"_K__p".to_string()));
    let m = find_code(&code, "_K.m");
    assert!(m.names.contains(&"_K__q".to_string()));
}

#[test]
fn every_instruction_has_a_location() {
    let code = compile_ok("def f(x):\n    try:\n        return g(x)\n    except E as e:\n        raise\n    finally:\n        h()\n");
    for c in common::all_code(&code) {
        assert_eq!(c.locations.len(), c.instructions.len());
    }
    let f = find_code(&code, "f");
    let call = f.instructions.iter().position(|i| i.op() == pyglass_bytecode::Opcode::CALL).expect("a call");
    let loc = f.locations[call];
    assert_eq!((loc.line, loc.col, loc.end_line, loc.end_col), (3, 15, 3, 19));
}
