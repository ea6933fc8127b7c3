//! Compile a broad corpus of programs and verify every code object produced.

mod common;

use common::{all_code, compile_mode, compile_ok};
use pyglass_compiler::Mode;

#[test]
fn corpus_files_compile_and_verify() {
    let dir = format!("{}/tests/data/corpus", env!("CARGO_MANIFEST_DIR"));
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("corpus dir") {
        let path = entry.expect("entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("py") {
            continue;
        }
        let src = std::fs::read_to_string(&path).expect("read");
        let code = compile_ok(&src);
        n += all_code(&code).len();
    }
    assert!(n > 50, "only {n} code objects");
}

/// Small programs, one construct (or one tricky combination) each.
const SNIPPETS: &[&str] = &[
    "",
    "pass",
    "x = 1",
    "'just a docstring'",
    "1\n2.5\n's'\n",
    "x = y = z = f()",
    "a, b = b, a",
    "a, (b, [c, *d]), e = f",
    "first, *rest = items",
    "*init, last = items",
    "x.y = 1\nx[0] = 2\nx[1:2] = 3\nx[::2] = 4\nx[a, b] = 5",
    "del x\ndel x.y, x[0], x[1:2], (a, b), [c]",
    "x += 1\nx.y -= 1\nx[i] *= 2\nx[i:j] /= 3\nx[a:b:c] **= 4",
    "x @= m\nx //= 2\nx %= 3\nx <<= 1\nx >>= 1\nx &= 1\nx |= 1\nx ^= 1",
    "if a: b\nelif c: d\nelse: e",
    "if a and b or not c: pass",
    "if (a if b else c): pass",
    "if a < b < c: x()\nelse: y()",
    "if not a < b < c: x()",
    "if x is None: pass\nif x is not None: pass\nif not x is None: pass",
    "while x: x -= 1\nelse: done()",
    "while True:\n    if x: break\n    continue",
    "while 1: pass",
    "while False: pass\nelse: x()",
    "for i in range(10): pass\nelse: print(i)",
    "for i in [1, 2, 3]: print(i)",
    "for i in [a, b]: print(i)",
    "for i, j in pairs: pass",
    "for x.a in y: pass",
    "for x[0] in y: pass",
    "for i in x:\n    for j in y:\n        if j: break\n        if i: continue\n    else:\n        pass",
    "try: a()\nexcept: pass",
    "try: a()\nexcept E: pass\nexcept (F, G) as e: print(e)\nelse: b()",
    "try: a()\nfinally: b()",
    "try: a()\nexcept E as e: pass\nfinally: b()",
    "try:\n    pass\nexcept E as e:\n    del e",
    "try:\n    try: a()\n    finally: b()\nexcept: c()",
    "with a: pass",
    "with a as b: pass",
    "with a as b, c as d: pass",
    "with a as (b, c): pass",
    "with a() as x.y: pass",
    "with a:\n    with b:\n        raise E",
    "raise",
    "raise E",
    "raise E from F",
    "raise E(1) from None",
    "assert x",
    "assert x, 'msg'",
    "import a",
    "import a.b.c",
    "import a.b.c as d",
    "import a as b, c.d as e",
    "from a import b",
    "from a import b as c, d",
    "from . import x",
    "from .. import y as z",
    "from .a.b import c",
    "from a import *",
    "global x\nx = 1",
    "print(*a)\nprint(*a, *b)\nprint(**k)\nprint(a, *b, c=1, **d, e=2)",
    "f(a)(b)(c)",
    "o.m(1, 2, k=3)\no.m(*a)\no.m(**k)",
    "x = [1, 2, 3]\ny = {1, 2, 3}\nz = (1, 2, 3)\nw = {'a': 1, 'b': 2}",
    "x = [a, *b, c, *d]\ny = {*a, b}\nz = (*a, b)\nw = {**a, 'b': 1, **c}",
    "x = {}\ny = []\nz = ()\nw = set()",
    "x = f'{a}'\ny = f'{a!r:>{w}}'\nz = f'a{b}c{d!s}e{f!a:g}'",
    "x = a if b else c",
    "x = (y := 5) + y",
    "x = lambda: 0\ny = lambda a, *b, c=1, **d: (a, b, c, d)",
    "x = [i for i in range(3)]",
    "x = {i: j for i, j in items if i if j}",
    "x = {i for i in a for j in b}",
    "x = (i for i in a)",
    "x = sum(i for i in a)",
    "x = [[j for j in i] for i in m]",
    "x = [y for y in [f()]]",
    "def f(): return [y := 1 for _ in range(2)], y",
    "def f(): pass",
    "def f(): return",
    "def f(): return 1",
    "def f(a, b=1, *c, d, e=2, **f): return a",
    "def f(a, /, b): pass",
    "def f(*, a=1): pass",
    "def f(x: int) -> int: return x",
    "def f():\n    'doc'\n    return 1",
    "def g():\n    yield\n    yield 1\n    x = yield 2\n    yield from h()",
    "def g():\n    return (yield)",
    "def f(x):\n    def g():\n        return x\n    return g",
    "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n    return g",
    "def f():\n    x = 1\n    del x",
    "def f():\n    def g(): return x\n    x = 1\n    del x\n    return g",
    "def f():\n    global g\n    g = 1",
    "@d\ndef f(): pass",
    "@a\n@b(c)\n@d.e\ndef f(): pass",
    "class C: pass",
    "class C(B): x = 1",
    "class C(B, metaclass=M): pass",
    "class C(*bs, **kw): pass",
    "class C:\n    'doc'\n    x: int = 1\n    y: str",
    "class C:\n    def m(self): return super().m()",
    "class C:\n    def m(self): return __class__",
    "class C:\n    def __init__(self): self.a = 1; self.__b = 2",
    "@d\nclass C: pass",
    "def f(v):\n    class C:\n        x = v\n        def m(self): return v\n    return C",
    "def f():\n    x = 1\n    class C:\n        x = 2\n        def m(self): return x\n    return C",
    "class C:\n    x = 1\n    y = [x for _ in range(3)]",
    "class A:\n    class B:\n        def m(self): return super()",
    "x: int\ny: list = []\nz.a: int\nw[0]: int = 1",
    "def f():\n    x: int\n    y: int = 1\n    z.a: int = 2",
    "if x:\n    a: int = 1",
    "def f():\n    try:\n        return 1\n    finally:\n        return 2",
    "def f():\n    for x in y:\n        try:\n            continue\n        finally:\n            break",
    "def f():\n    with a:\n        return b",
    "def f():\n    with a:\n        with b:\n            return c()",
    "def f():\n    for x in y:\n        with a:\n            break\n        with b:\n            continue",
    "def f():\n    try:\n        pass\n    except E as e:\n        return e\n    except:\n        return 2",
    "def f():\n    while True:\n        try:\n            break\n        except E:\n            continue",
    "def f():\n    for x in y:\n        try:\n            pass\n        except E as e:\n            break",
    "def f():\n    try:\n        yield 1\n    finally:\n        yield 2",
    "def f():\n    with a:\n        yield from b",
    "x = 2 ** 100\ny = 10 ** -2\nz = 1 / 0\nw = 'a' * 10000\nv = (1,) * 1000",
    "x = -(-(-1))\ny = not not 0\nz = ~~5",
    "x = 'abc'[5]\ny = (1, 2)[1]\nz = b'xy'[0]",
    "x = __debug__\nif not __debug__: y()",
    "x = 9223372036854775807 + 1\ny = -9223372036854775808 - 1\nz = 123456789012345678901234567890",
    "x = 0.0\ny = -0.0\nz = 0\nw = False",
    "f(a for a in b)",
    "def f():\n    return lambda: (yield)",
    "def f(a=[x for x in y], *, b={z: 1 for z in w}): pass",
    "x = [lambda: i for i in range(3)]",
    "def outer():\n    a = 1\n    def mid():\n        def inner():\n            return a\n        return inner\n    return mid",
    "x = a[1:2]\ny = a[:]\nz = a[1:]\nw = a[:2]\nv = a[::]",
    "x = a.b.c.d.e",
    "x = (\n    a\n    .b\n    .c()\n)",
];

#[test]
fn snippets_compile_and_verify() {
    for src in SNIPPETS {
        compile_ok(src);
    }
}

#[test]
fn snippets_compile_interactively() {
    for src in SNIPPETS {
        if src.contains("import *") {
            continue;
        }
        compile_mode(src, Mode::Interactive);
    }
}

/// Generated stress: every combination of nesting loop/try/with/except around every way
/// of leaving the blocks.
#[test]
fn block_nesting_combinations_verify() {
    let wrappers: &[(&str, &str)] = &[
        ("for i in x:", ""),
        ("while c:", ""),
        ("try:", "finally:\n    fin()"),
        ("try:", "except E as e:\n    handle(e)"),
        ("try:", "except:\n    pass\nelse:\n    other()"),
        ("with m as v:", ""),
        ("try:\n    pass\nexcept E as e:", ""),
        ("try:\n    pass\nfinally:", ""),
        ("try:\n    pass\nexcept E:", ""),
    ];
    let exits = ["break", "continue", "return", "return value()", "raise", "pass", "yield 1"];
    let indent = |s: &str, n: usize| -> String {
        s.lines().map(|l| format!("{}{l}\n", "    ".repeat(n))).collect()
    };
    let mut count = 0;
    for (o_head, o_tail) in wrappers {
        for (i_head, i_tail) in wrappers {
            for exit in exits {
                let mut src = String::from("def f():\n    for outer in seq:\n");
                src += &indent(o_head, 2);
                src += &indent(i_head, 3);
                src += &indent(&format!("if cond():\n    {exit}\nwork()"), 4);
                if !i_tail.is_empty() {
                    src += &indent(i_tail, 3);
                }
                if !o_tail.is_empty() {
                    src += &indent(o_tail, 2);
                }
                compile_ok(&src);
                count += 1;
            }
        }
    }
    assert_eq!(count, wrappers.len() * wrappers.len() * exits.len());
}
