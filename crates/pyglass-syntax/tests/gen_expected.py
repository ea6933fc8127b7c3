"""Generates tests/data/snippets.expected from CPython 3.13 (run with
`PYENV_VERSION=3.13.0 python3 crates/pyglass-syntax/tests/gen_expected.py`).

For each snippet: either the ast.dump (no attributes) plus a pre-order location listing,
or the SyntaxError's type, msg, lineno, offset, end_lineno, end_offset (-1 written as 0).
The Rust test `tests/snippets.rs` renders pyglass's result the same way and compares.
"""
import ast, json, os, sys, warnings

assert sys.version_info[:2] == (3, 13), "run with CPython 3.13"

# One snippet per line; lines that continue a compound statement are grouped by `group`.
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "ok_snippets.txt"), encoding="utf-8") as _f:
    OK = _f.read().split('\n')


# Multi-line snippets must be grouped: a line starting with whitespace, 'else', 'elif',
# 'except', 'finally', '@' (decorator followed by def), or a closing bracket continues the
# previous snippet. Simpler: group explicitly with a marker.
def group(lines):
    out = []
    cur = None
    for line in lines:
        if line == '':
            continue
        if cur is not None:
            last = cur.split('\n')[-1]
            depth = sum(cur.count(c) for c in '([{') - sum(cur.count(c) for c in ')]}')
            cont = (line[0] in ' \t' or line.split(':')[0].split(' ')[0] in ('else', 'elif', 'except', 'finally')
                    or last.startswith('@') or last.endswith('\\') or depth > 0
                    or cur.count("'''") % 2 == 1 or cur.count('"""') % 2 == 1)
            if cont:
                cur += '\n' + line
                continue
            out.append(cur)
        cur = line
    if cur is not None:
        out.append(cur)
    return out

OK_SNIPPETS = group(OK)
# snippets whose grouping the heuristic above would get wrong
OK_SNIPPETS += [
    "x = 1\ny = 2\n",
    "x = 1\n\ny = 2\n",
    "\x0cx = 1\n",
    "if x:\n    pass\n\n\n",
    "if x:\n    pass\n# trailing comment",
    "if x:\n    pass\n    # indented trailing comment\n",
    "  # c\nx = 1",
    "    \nx = 1\n",
    "x = 1\r\ny = 2\r\n",
    "x = 1\ry = 2\r",
    "if x:\r\n    pass\r\n",
    "def f():\n    return 1\n",
    "def f():\n  x = 1\n  return x",
    "@d\nasync def f(a, *b, c=1, **d) -> int: pass",
    "class A:\n    pass\nclass B(A):\n    pass\n",
    "for i in range(10):\n    if i:\n        continue\n    break\n",
    "x = '''\nabc\n'''\n",
    "x = f'''\n{a}\n{b!r}\n'''\n",
    "def f():\n    '''doc'''\n    return\n",
    "try:\n    pass\nexcept E:\n    pass\nexcept:\n    pass\n",
    "while 1:\n    pass\nelse:\n    pass\n",
    "if 1:\n    pass\nelif 2:\n    pass\n",
    "with a, b: pass",
    "async def f():\n    [x async for x in y]\n",
    "x = 1 if 2 else 3 if 4 else 5",
    "x = 'a' \\\n    'b'",
    "f(\n    a,\n    b=1,\n)",
    "x = [i\n     for i in y\n     if i]",
    "def f(a, b):\n\treturn a\n",
    "if a:\n\tif b:\n\t\tpass\n\telse:\n\t\tpass\n",
    "x = 1\n" * 3,
    "",
    "\n",
    "# only a comment",
    "   ",
    "\n\n\n",
    "x",
    "x\n",
    "pass;",
    "f'{x}' 'y' f'{z!r}'",
    "f'{x:{y}}' f'{z}'",
    "x = f'{a}' f'{b}' 'c'",
    "'\\N{GREEK SMALL LETTER ALPHA}\\N{GREEK CAPITAL LETTER OMEGA}\\N{greek small letter sigma}'",
]

ERR = [
    "a b", "a 1", "a.b c", "a = b c", "x = 1 2", "x = 'a' 1", "x = $", "a = 1; ;", "else:", "x = 1 +",
    "[a b]", "f(a, b c)", "print(1 2)", "(a b)", "{a b}", "f(a b, c)", "[1, 2 3]", "{1: a b}",
    "print 'x'", "print x, y", "print(1)\nprint 2", "exec 'x'",
    "if x\n  pass", "class A", "for x in y", "while x", "with x", "try", "def f()\n pass", "def f() -> int\n pass",
    "if x:\n pass\nelif y\n pass", "if x:\n pass\nelse\n pass",
    "if x:\npass", "for x in range(3):\nprint(x)", "try:\n  pass\nexcept:\nx", "class A:\n\n", "while 1:\n# c\n",
    "if 1:\n  pass\nelse:\n", "with a:\n", "if True:\n", "def f():\nreturn", "try:\npass", "try:\n pass\nfinally:\npass",
    "if x:\n  if y:\nz", "for x in y:\n", "def f():\n\n\n", "elif x:", "x = 1\n    y = 2",
    "  x = 1", "a = 1\n\n\n   b = 2", "\tif x:\n\tpass", "  \n x", "if x:\n    a\n  b", "def f():\n  x = 1\n y = 2",
    "if x:\n  pass\n else:\n  pass", "if x:\n\tpass\n        pass", "def f(x):\n\treturn x\n        return 2",
    "(", "x = (", "x = (1,\n", "def f(", "f(\n", "x = [1, 2", "x = [1,\n2,\n", "foo(a b", "foo(a, b\nx = 1", "{",
    "a)", "(a]", "[a)", "{a)", "x = (1,\n2]", "]", "x = }",
    "x = '''abc", "x = 'abc", '"""abc\n\ndef', "x = ''' \n\n", "def f():\n  '''doc", "'abc\n'", "x = 'a\\\n", "b'abc",
    "1__0", "1_", "0x", "012", "1abc", "0b2", "0o8", "1e", "1.e5x", "x = 0777", "x = 0_7", "0x1g", "0b", "1e+", "1_000_", "0o",
    "x = 1 €", "x = a€", "x = \\ 1", "x = 1\\", "\\", "x = \\\n", "x = \u00a0", "a b\n\\ x",
    "f(a=1, b)", "f(**a, b)", "f(a+1=2)", "f(True=1)", "f(x for x in y, 1)", "f(1, x for x in y)",
    "def f(a=1, b): pass", "lambda x=1, y: x", "def f(*, **k): pass", "def f(/, a): pass", "def f(a, /, /): pass",
    "def f(*a, *b): pass", "def f(**k, a): pass", "def f(*a=1): pass", "def f(*): pass", "def f(a, *, /): pass",
    "f() = 1", "'a' 'b' = 1", "f(a)(b) = 1", "(yield) = 1", "x + 1 = 2", "-a = 1", "[x for x in y] = 1", "None = 1",
    "True = 1", "a if b else c = 1", "lambda: 1 = 1", "x = yield = 1", "a < b = 1", "not a = 1", "a and b = 1",
    "[a, f()] = 1", "(a, 1) = 2", "{a: b} = 1", "{a} = 1", "... = 1", "f'{x}' = 1", "a, b += 1", "[a, b] += 1",
    "a + b += 1", "x.y += 1\nf() += 1", "f() += 1", "1 += 1", "del f()", "del 1", "del (a, f())", "del a + b",
    "del [a, 1]", "for f() in x: pass", "for 1 in x: pass", "with a as f(): pass", "with a as 1: pass",
    "[x for f() in y]", "(a, b): int", "[a, b]: int", "a + b: int", "f(): int",
    "x := 1", "if x = 1: pass", "while x = 1: pass", "(a.b := 1)", "(a[0] := 1)", "(f() := 1)",
    "x = 1 if 2", "x = 1 if 2 else", "x = {1: 2, 3}", "x[]", "f(**)", "@x\nclass", "import a.b as", "from m import a,",
    "from import x", "import", "from . import", "def f(True): pass", "x = (1 for x in y, 2)", "'abc' b'def'", "b'a' 'b'",
    "f'{x' 'y}'", "f'{}'", "f'}'", "f'{x!z}'", "f'{x!}'", "f'{!r}'", "f'{x}}'", "f'{lambda x: 1}'",
    "f'{x:{y:{z:{w}}}}'", "f'{x!r=}'", "f'{x'", "f'{a b}'", "f'{x:'", "f'{'", "f'{)}'",
    '"\\N{foo}"', "b'é'", "x = '\\x4'", "'\\N{DASH}'", "'\\u12'", "'\\U0011ffff'", "b'\\x4'",
    "try:\n pass\nexcept A, B:\n pass", "except*", "class A(x for x in y): pass", "a b\nfoo(", "a b\nx = 'abc",
    "a b\nx = 1 €", "foo(\nx = 'abc", "f() = 1\nx = 'ab", "a b\n  x", "a b\nif x:\n    a\n  b",
    "x = (\n1 +\n)", "def f(x):\n  return\n\ndef", "x = [1,\n2\n3]", "if x:\n  pass\n  else: pass",
    "return return", "x = import", "def def(): pass", "class 1: pass", "import 1", "from a import 1",
    "global 1", "x = 1 = 2", "a = b = f() = 1", "for x in: pass", "for in x: pass", "while: pass", "if: pass",
    "assert", "raise from e", "lambda x: yield", "x = *a", "x = ()()", "print(", "print(a,", "f(a,,b)", "f(,)",
    "x = ,", "[,]", "{,}", "(,)", "x = 1,,", "def f(a,,b): pass", "def f(a b): pass", "class A(B C): pass",
    "x = a if b else", "x = a if else b", "x = not", "x = -", "x = a.", "x = a.1", "x = a[", "x = a[1", "x = .",
    "@\ndef f(): pass", "@d\nx = 1", "async x", "async def f()", "await", "x = yield from", "nonlocal",
    "(*a)", "f(*)", "x = [*]", "*a", "a = *b", "del *a",
    "x = 1\n  y = 2\nz = 3", "try:\n    pass\n", "try:\n    pass\nx = 1", "try:\n    pass\nelse:\n    pass", "if x:\n\n  \n pass\n  pass",
]

# Errors where pyglass intentionally differs (unsupported features) are tested in Rust only.

def fmt_locs(tree):
    out = []
    def walk(n, in_fstring=False):
        if isinstance(n, ast.JoinedStr):
            out.append(f"JoinedStr@{n.lineno}:{n.col_offset}-{n.end_lineno}:{n.end_col_offset}")
            def fields(v):
                if isinstance(v, ast.FormattedValue):
                    walk(v.value)
                    if v.format_spec is not None:
                        fields(v.format_spec)
                elif isinstance(v, ast.JoinedStr):
                    for x in v.values:
                        fields(x)
            for v in n.values:
                fields(v)
            return
        if hasattr(n, 'lineno') and n.lineno is not None and not isinstance(n, ast.arguments):
            out.append(f"{type(n).__name__}@{n.lineno}:{n.col_offset}-{n.end_lineno}:{n.end_col_offset}")
        for f in n._fields:
            v = getattr(n, f)
            if isinstance(v, list):
                for x in v:
                    if isinstance(x, ast.AST):
                        walk(x)
            elif isinstance(v, ast.AST):
                walk(v)
    for s in tree.body:
        walk(s)
    return " ".join(out)

def main():
    if os.environ.get('SHOW'):
        for x in OK_SNIPPETS: print(repr(x))
        return
    here = os.path.dirname(os.path.abspath(__file__))
    lines = []
    n_ok = n_err = 0
    for src in OK_SNIPPETS + ERR:
        lines.append("### " + json.dumps(src))
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                tree = compile(src, "<s>", "exec", ast.PyCF_ONLY_AST)
            lines.append("OK " + ast.dump(tree))
            lines.append("LOC " + fmt_locs(tree))
            n_ok += 1
        except SyntaxError as e:
            eo = e.end_offset if e.end_offset is not None and e.end_offset >= 0 else 0
            lines.append(f"ERR {type(e).__name__}|{e.msg}|{e.lineno}|{e.offset}|{e.end_lineno}|{eo}")
            n_err += 1
        except (ValueError, MemoryError, RecursionError) as e:
            lines.append(f"EXC {type(e).__name__}")
    with open(os.path.join(here, "data", "snippets.expected"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{n_ok} ok, {n_err} errors")

main()
