//! Disassembly snapshots of representative programs (readable references for the VM's
//! author). Regenerate with `UPDATE_SNAPSHOTS=1 cargo test -p pyglass-compiler --test
//! dis_snapshots` after an intended change, and review the diff.

mod common;

use pyglass_bytecode::dis::disassemble;
use pyglass_compiler::Mode;

const CASES: &[(&str, &str)] = &[
    ("arith", "x = 1\ny = x * 2 + 3\nprint(-y, 2 ** 10, 'a' + 'b')\n"),
    (
        "try_except_finally",
        "def f():\n    try:\n        a()\n    except E as e:\n        b(e)\n    except:\n        c()\n    else:\n        d()\n    finally:\n        g()\n",
    ),
    ("with", "def f(p):\n    with open(p) as fh, lock:\n        return fh.read()\n"),
    (
        "loops_unwind",
        "def f(xs):\n    for x in xs:\n        try:\n            if x:\n                break\n            continue\n        finally:\n            done(x)\n    else:\n        return None\n    while x:\n        x -= 1\n",
    ),
    (
        "closures_and_class",
        "def outer(a, b=1, *c, d, e=2, **f):\n    x = 1\n    class C(Base, metaclass=M):\n        \"doc\"\n        y = x\n        z: int = 3\n        def m(self):\n            self.w = 0\n            return super().m() + x\n    return [i + a for i in c if i]\n",
    ),
    ("generator", "def g(n):\n    x = yield n\n    y = yield from range(x)\n    return (i * 2 for i in range(y))\n"),
    ("calls", "f(1, *a, k=2, **kw)\no.m(1, k=2)\nf(a)(b)\n"),
    ("imports", "import a.b.c\nimport a.b.c as d\nfrom .m import x as y, z\nfrom m import *\n"),
    ("compare_bool", "x = a < b < c\nif a and not b or c is None:\n    pass\ny = not a in b\n"),
    ("unpack_aug", "a, *b, (c, d) = e\nx.y += 1\nx[i] += 2\nx[i:j] += 3\n"),
];

#[test]
fn disassembly_snapshots() {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let dir = format!("{}/tests/data/dis", env!("CARGO_MANIFEST_DIR"));
    let mut failures = Vec::new();
    for (name, src) in CASES {
        let code = common::compile_mode(src, Mode::Exec);
        let got = format!("# source:\n{}\n{}", src.lines().map(|l| format!("#   {l}\n")).collect::<String>(), disassemble(&code));
        let path = format!("{dir}/{name}.txt");
        if update {
            std::fs::write(&path, &got).expect("write snapshot");
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(expected) if expected == got => {}
            Ok(expected) => failures.push(format!("{name}: snapshot differs\n--- expected\n{expected}\n--- got\n{got}")),
            Err(_) => failures.push(format!("{name}: missing snapshot {path} (run with UPDATE_SNAPSHOTS=1)")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn interactive_mode_prints_expression_statements() {
    let code = common::compile_mode("1 + x\nfor i in y:\n    i\ndef f():\n    g()\n", Mode::Interactive);
    let ops = common::ops(&code);
    assert_eq!(ops.iter().filter(|o| **o == "PRINT_EXPR").count(), 2, "{ops:?}");
    let f = common::find_code(&code, "f");
    assert!(!common::ops(f).contains(&"PRINT_EXPR"));
    // A leading string is printed, not a docstring.
    let code = common::compile_mode("'hello'\n", Mode::Interactive);
    assert_eq!(code.docstring, None);
    assert!(common::ops(&code).contains(&"PRINT_EXPR"));
}
