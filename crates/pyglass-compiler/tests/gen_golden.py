#!/usr/bin/env python3
"""Generate the golden data files of the pyglass-compiler tests from CPython.

    python3.11 tests/gen_golden.py symtable   # -> tests/data/symtable.golden
    python3.13 tests/gen_golden.py errors     # -> tests/data/errors.golden
    python3.13 tests/gen_golden.py behaviour  # -> tests/data/behaviour.golden

The behaviour cases are run by the small reference interpreter of the tests
(tests/minivm) and must print what CPython prints; they use only the builtins it has
(print, range, len, list, tuple, a few exception types and the context manager `cm`
defined in BEHAVIOUR_PRELUDE). Symbol tables come from CPython 3.11, the last version whose comprehensions are separate
function scopes (pyglass does not inline them, PEP 709); error messages from 3.13.
The tests read only the generated files, never CPython.

File format: records separated by a line `=== <name>`; the source follows, then a line
`---`, then the expected output.
"""
import os
import sys
import symtable

HERE = os.path.dirname(os.path.abspath(__file__))

SYMTABLE_CASES = {
    "module_names": "import os, a.b as c\nfrom m import x as y\nz = 1\nprint(z, os)\n",
    "function_locals": "def f(a, b=1, *args, c, d=2, **kw):\n    x = a\n    del b\n    for i in args: pass\n    return x\n",
    "posonly": "def f(a, b, /, c):\n    return a + b + c\n",
    "closure": "def outer():\n    x = 1\n    def inner():\n        return x\n    return inner\n",
    "closure_param": "def outer(x):\n    def inner():\n        return x\n    return inner\n",
    "three_levels": "def a():\n    v = 1\n    def b():\n        def c():\n            return v\n        return c\n    return b\n",
    "nonlocal": "def f():\n    x = 0\n    def g():\n        nonlocal x\n        x += 1\n    g()\n    return x\n",
    "global_decl": "x = 1\ndef f():\n    global x\n    x = 2\n    def g():\n        return x\n    return g\n",
    "global_hides_outer": "def h():\n    x = 1\n    def f():\n        global x\n        def g():\n            return x\n        return g\n    return f\n",
    "class_body": "class C(B):\n    x = 1\n    y = x + 1\n    def m(self):\n        return x\n",
    "class_in_function": "def f():\n    x = 1\n    class C:\n        y = x\n        def m(self):\n            return x\n    return C\n",
    "class_free_class": "def f():\n    x = 1\n    class C:\n        x = 2\n        def m(self):\n            return x\n    return C\n",
    "super": "class C(B):\n    def m(self):\n        return super().m()\n    def n(self):\n        return __class__\n",
    "super_nested": "class C:\n    def m(self):\n        def inner():\n            return super()\n        return inner\n",
    "listcomp": "def f(xs, a):\n    return [x + a for x in xs if x]\n",
    "nested_comp": "def f(m):\n    return [[y for y in row] for row in m]\n",
    "genexpr": "g = (x * y for x in range(3) for y in range(x))\n",
    "dictcomp_setcomp": "d = {k: v for k, v in items}\ns = {i for i in range(3)}\n",
    "comp_in_class": "class C:\n    xs = [1, 2]\n    ys = [x for x in xs]\n    zs = [xs for _ in range(2)]\n",
    "walrus_comp_function": "def f(xs):\n    if any((last := x) > 1 for x in xs):\n        return last\n",
    "walrus_comp_module": "[(y := x) for x in range(3)]\nprint(y)\n",
    "walrus_nested_comp": "def f(m):\n    return [[(t := c) for c in r] for r in m], t\n",
    "walrus_plain": "def f():\n    if (n := 10) > 5:\n        return n\n",
    "lambda": "f = lambda a, b=2, *c, **d: a + b + e\n",
    "lambda_closure": "def f(x):\n    return lambda y: x + y\n",
    "generator": "def g():\n    x = yield 1\n    yield from range(x)\n",
    "try_except_names": "def f():\n    try:\n        pass\n    except E as e:\n        print(e)\n",
    "with_names": "def f():\n    with open(p) as fh, g() as (a, b):\n        return fh, a, b\n",
    "annotations": "x: int = 1\ny: str\ndef f(a: int) -> str:\n    z: float = 1.0\n    w: int\n    return str(a)\nclass C:\n    q: int\n",
    "import_in_function": "def f():\n    import os.path\n    from a import b as c\n    return os, c\n",
    "decorators": "@dec(arg)\ndef f(x=default):\n    pass\n@cdec\nclass C:\n    pass\n",
    "unbound_local": "x = 1\ndef f():\n    print(x)\n    x = 2\n",
    "class_nonlocal": "def f():\n    x = 1\n    class C:\n        nonlocal x\n        x = 2\n    return x\n",
    "mangling": "class Foo:\n    __x = 1\n    def __m(self, __a):\n        self.__y = __a\n        return __x\n",
    "mangling_underscores": "class __:\n    __x = 1\nclass _A:\n    def f(self):\n        __z = 1\n        return __z\n",
    "deep_pass_through": "def a():\n    x = 1\n    class B:\n        def c(self):\n            def d():\n                return x\n            return d\n    return B\n",
    "comprehension_outer_iter": "def f(x):\n    return [x for x in x]\n",
    "del_and_free": "def f():\n    x = 1\n    def g():\n        return x\n    del x\n    return g\n",
    "global_in_class": "class C:\n    global g\n    g = 1\n    def m(self):\n        return g\n",
}

ERROR_CASES = {
    "return_outside": "return 1\n",
    "return_in_class": "class C:\n    return 1\n",
    "yield_outside": "yield 1\n",
    "yield_in_class": "class C:\n    x = yield\n",
    "yield_from_outside": "x = yield from y\n",
    "break_outside": "break\n",
    "break_in_function_in_loop": "for x in y:\n    def f():\n        break\n",
    "continue_outside": "if x:\n    continue\n",
    "await_outside": "await x\n",
    "param_and_global": "def f(a):\n    global a\n",
    "param_and_nonlocal": "def f(a):\n    def g(a):\n        nonlocal a\n",
    "global_after_use": "def f():\n    print(x)\n    global x\n",
    "global_after_assign": "def f():\n    x = 1\n    global x\n",
    "nonlocal_after_use": "def f():\n    x = 1\n    def g():\n        print(x)\n        nonlocal x\n",
    "nonlocal_after_assign": "def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x\n",
    "nonlocal_module": "x = 1\nnonlocal x\n",
    "nonlocal_no_binding": "def f():\n    def g():\n        nonlocal x\n",
    "nonlocal_global_binding": "x = 1\ndef f():\n    nonlocal x\n",
    "nonlocal_class_binding": "class C:\n    x = 1\n    def f(self):\n        nonlocal x\n",
    "duplicate_argument": "def f(a, b, a):\n    pass\n",
    "duplicate_kwonly": "def f(a, *, a):\n    pass\n",
    "duplicate_lambda": "lambda x, x: 1\n",
    "annotated_global": "def f():\n    global x\n    x: int = 1\n",
    "import_star_function": "def f():\n    from os import *\n",
    "import_star_class": "class C:\n    from os import *\n",
    "keyword_repeated": "f(a=1, b=2, a=3)\n",
    "keyword_repeated_class": "class C(x=1, x=2):\n    pass\n",
    "starred_target_alone": "*a = 1\n",
    "multiple_starred": "a, *b, *c = d\n",
    "starred_load": "x = *a\n",
    "starred_load_return": "def f():\n    return *a\n",
    "yield_in_listcomp": "def f():\n    return [(yield x) for x in y]\n",
    "yield_in_genexp": "def f():\n    return ((yield x) for x in y)\n",
    "walrus_rebind_iter": "[x := 1 for x in y]\n",
    "walrus_in_class_comp": "class C:\n    [(y := 1) for x in z]\n",
    "walrus_in_iterable": "[x for x in (y := [1, 2])]\n",
    "nested_blocks": "".join("    " * i + "for x%d in y:\n" % i for i in range(22)) + "    " * 22 + "pass\n",
    "nested_blocks_ok": "".join("    " * i + "for x%d in y:\n" % i for i in range(21)) + "    " * 21 + "pass\n",
    "nested_while": "".join("    " * i + "while x:\n" for i in range(22)) + "    " * 22 + "pass\n",
    "nested_with": "".join("    " * i + "with x:\n" for i in range(22)) + "    " * 22 + "pass\n",
    "nested_try": "".join("    " * i + "try:\n" for i in range(22)) + "    " * 22 + "pass\n" + "".join("    " * i + "finally:\n" + "    " * (i + 1) + "pass\n" for i in reversed(range(22))),
    "future_late": "import os\nfrom __future__ import annotations\n",
    "future_unknown": "from __future__ import spam\n",
    "future_braces": "from __future__ import braces\n",
    "async_comp": "def f():\n    return [x async for x in y]\n",
    "debug_assign": "__debug__ = 1\n",
    "debug_param": "def f(__debug__):\n    pass\n",
    "debug_keyword": "f(__debug__=1)\n",
    "debug_del": "del __debug__\n",
    "debug_attr": "x.__debug__ = 1\n",
    "default_except_not_last": "try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n",
    "yield_outside_in_comp_module": "x = [(yield) for i in y]\n",
}


BEHAVIOUR_PRELUDE = """
class cm:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name
    def __exit__(self, t, e, tb):
        print("exit", self.name, "None" if e is None else "%s(%s)" % (type(e).__name__, e))
        return bool(self.suppress and e is not None)
"""

BEHAVIOUR_CASES = {
    "loops": """
total = 0
for i in range(10):
    if i == 2:
        continue
    if i == 7:
        break
    total = total + i
else:
    print("no")
print(total)
n = 0
while n < 5:
    n += 1
else:
    print("while else", n)
for x in []:
    pass
else:
    print("for else")
""",
    "try_except_basic": """
def f(x):
    try:
        if x == 1:
            raise ValueError("one")
        if x == 2:
            raise KeyError("two")
        if x == 3:
            raise TypeError("three")
        print("body", x)
    except ValueError as e:
        print("value", e)
    except (KeyError, ZeroDivisionError):
        print("key")
    else:
        print("else", x)
    finally:
        print("finally", x)
    return x
for i in range(4):
    try:
        print("ret", f(i))
    except TypeError as e:
        print("outer caught", e)
""",
    "finally_return_paths": """
def a():
    try:
        return 1
    finally:
        print("a finally")
def b():
    try:
        return 1
    finally:
        return 2
def c():
    for i in range(3):
        try:
            if i == 1:
                break
        finally:
            print("c finally", i)
    return i
def d():
    for i in range(3):
        try:
            continue
        finally:
            print("d finally", i)
    return "d done"
def e():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(a(), b(), c(), d(), e())
""",
    "nested_finally_unwind": """
def f(mode):
    for i in range(3):
        try:
            try:
                if mode == 0:
                    return i
                if mode == 1:
                    break
                if mode == 2:
                    continue
                if mode == 3:
                    raise ValueError("v")
            finally:
                print("inner", mode, i)
        finally:
            print("outer", mode, i)
    return "end"
for m in range(4):
    try:
        print(f(m))
    except ValueError as e:
        print("caught", e)
""",
    "with_paths": """
def f(mode):
    with cm("a") as x:
        print("got", x)
        if mode == 1:
            return "returned"
        if mode == 2:
            raise ValueError("boom")
    return "normal"
for m in range(3):
    try:
        print(f(m))
    except ValueError as e:
        print("caught", e)
with cm("s", True):
    raise KeyError("suppressed")
print("after suppress")
with cm("x"), cm("y", True):
    raise ValueError("inner")
print("after nested")
for i in range(3):
    with cm("loop"):
        if i == 0:
            continue
        if i == 1:
            break
print("loop done", i)
""",
    "except_unbinds_name": """
def f():
    e = "before"
    try:
        raise ValueError("x")
    except ValueError as e:
        print("in handler", e)
    try:
        print(e)
    except Exception as err:
        print("unbound")
f()
""",
    "reraise_and_context": """
def f():
    try:
        try:
            raise ValueError("first")
        except ValueError:
            print("handling")
            raise
    except ValueError as e:
        print("reraised", e)
    try:
        try:
            raise ValueError("a")
        except ValueError:
            raise KeyError("b")
    except KeyError as e:
        print("new", e)
f()
""",
    "return_in_except_and_loops": """
def f(xs):
    for x in xs:
        try:
            if x == 0:
                raise ValueError("zero")
            if x == 1:
                raise KeyError("one")
        except ValueError as e:
            print("skip", e)
            continue
        except KeyError:
            print("stop")
            break
        finally:
            print("fin", x)
        print("done", x)
    return "ok"
print(f([2, 0, 3, 1, 4]))
def g():
    try:
        raise ValueError("v")
    except ValueError as e:
        return "from handler"
    finally:
        print("g finally")
print(g())
""",
    "closures": """
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter()
c()
c()
print(c())
def adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in adders()])
def outer(a):
    def mid(b):
        def inner(c):
            return a + b + c
        return inner
    return mid
print(outer(1)(2)(3))
x = 5
def readglobal():
    return x * 2
print(readglobal())
def setglobal():
    global x
    x = 7
setglobal()
print(x)
""",
    "comprehensions": """
xs = [1, 2, 3, 4]
print([x * x for x in xs if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[y for y in range(x)] for x in range(3)])
def f(k):
    return [x + k for x in xs]
print(f(10))
print([y for x in xs for y in [x * 10]])
print(tuple([x for x in (1, 2, 3)]))
""",
    "unpacking_and_chained": """
a, b = 1, 2
a, b = b, a
print(a, b)
(c, (d, e)), f = (1, (2, 3)), 4
print(c, d, e, f)
x = y = z = 9
print(x, y, z)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 == 2, not 1 == 1)
print(1 if 0 else 2, 0 or 3, 2 and 5, 0 and 6, None is None, 1 in [1, 2], 3 not in (1, 2))
def g(*args):
    return len(args)
print(g(*[1, 2], 3, *(4,)))
""",
    "break_in_with_in_try": """
def f():
    for i in range(5):
        try:
            with cm("w%d" % i if False else "w"):
                if i == 1:
                    continue
                if i == 3:
                    break
                print("body", i)
        finally:
            print("f", i)
    return i
print(f())
""",
    "finally_runs_on_exception_in_handler": """
def f():
    try:
        try:
            raise ValueError("a")
        except ValueError:
            raise TypeError("b")
        finally:
            print("inner finally")
    except TypeError as e:
        print("outer", e)
f()
""",
    "assert_and_raise_from": """
def f(x):
    assert x > 0, "must be positive"
    return x
try:
    f(-1)
except Exception as e:
    print("assert", e)
try:
    raise ValueError("v") from KeyError("k")
except ValueError as e:
    print("from", e)
""",
    "return_through_with_in_loop": """
def f(xs):
    for x in xs:
        with cm("a"):
            with cm("b"):
                try:
                    if x == 2:
                        return ("found", x)
                finally:
                    print("fin", x)
    return "none"
print(f([1, 2, 3]))
print(f([]))
""",
    "exception_in_named_handler": """
def f():
    try:
        try:
            raise ValueError("a")
        except ValueError as e:
            print("got", e)
            raise TypeError("from handler")
    except TypeError as t:
        print("outer", t)
    try:
        print(e)
    except Exception:
        print("e unbound")
f()
""",
    "continue_in_finally": """
out = []
for i in range(4):
    try:
        if i == 2:
            raise ValueError("dropped")
        out.append(i)
    finally:
        continue
print(out)
""",
    "exception_in_finally_replaces": """
def f():
    try:
        try:
            raise ValueError("first")
        finally:
            raise KeyError("second")
    except KeyError as e:
        print("caught", e)
    except ValueError:
        print("wrong")
f()
""",
    "while_else_break_in_except": """
def f(n):
    i = 0
    while i < n:
        try:
            i += 1
            if i == 3:
                raise ValueError("three")
        except ValueError as e:
            print("break at", i, e)
            break
    else:
        print("completed", i)
    return i
print(f(2), f(5))
""",
    "with_suppress_in_loop_and_return_value": """
def f():
    total = 0
    for i in range(4):
        with cm("s", True):
            if i % 2:
                raise ValueError("odd %s" if False else "odd")
            total += i
    return total
print(f())
def g():
    with cm("g"):
        return [x * 2 for x in range(3)]
print(g())
""",
    "generators": """
def gen(n):
    for i in range(n):
        try:
            yield i
        finally:
            print("after", i)
    return "done"
print(list(gen(3)))
def deleg():
    r = yield from gen(2)
    print("delegated result", r)
    yield from [10, 20]
    x = yield 99
    print("x", x)
print(list(deleg()))
def g2():
    with cm("gen"):
        yield 1
        yield 2
print(list(g2()))
print(list(x * 2 for x in range(4) if x))
print(tuple(y for x in [[1, 2], [3]] for y in x))
lam = lambda: (yield 5)
print(list(lam()))
def gen_exc():
    try:
        yield 1
        raise ValueError("in gen")
    except ValueError as e:
        yield "caught"
    finally:
        yield "finally"
print(list(gen_exc()))
def early(xs):
    for x in xs:
        if x > 1:
            return
        yield x
print(list(early([0, 1, 2, 3])))
""",
    "uncaught": """
def f():
    try:
        raise ValueError("escapes")
    finally:
        print("cleanup")
f()
""",
}


def run_behaviour(src):
    import contextlib
    import io
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        g = {}
        exec(BEHAVIOUR_PRELUDE, g)
        try:
            exec(compile(src, "<case>", "exec"), g)
        except Exception as e:
            print("uncaught %s: %s" % (type(e).__name__, e))
    return out.getvalue().rstrip("\n")


def scope_name(st):
    return {symtable.SymbolTable: None}.get(type(st), None)


def dump_symtable(src):
    out = []

    def walk(t):
        kind = t.get_type()
        kind = getattr(kind, "value", kind)
        out.append("%s %s" % (kind, t.get_name()))
        for s in sorted(t.get_symbols(), key=lambda s: s.get_name()):
            scope = s._Symbol__scope
            flags = s._Symbol__flags
            name = {1: "LOCAL", 2: "GLOBAL_EXPLICIT", 3: "GLOBAL_IMPLICIT", 4: "FREE", 5: "CELL"}.get(scope, "?")
            extra = []
            if s.is_parameter():
                extra.append("param")
            if flags & 64:
                extra.append("free_class")
            out.append("  %s %s%s" % (s.get_name(), name, "".join(" " + e for e in extra)))
        for c in t.get_children():
            walk(c)

    walk(symtable.symtable(src, "<case>", "exec"))
    return "\n".join(out)


def dump_error(src):
    try:
        compile(src, "<case>", "exec")
    except SyntaxError as e:
        return "%s\n%s %s" % (e.msg, e.lineno, e.offset)
    return "OK"


def write(path, cases, fn):
    with open(path, "w") as f:
        for name, src in cases.items():
            assert not src.startswith("===") and "\n---\n" not in src
            f.write("=== %s\n%s---\n%s\n" % (name, src, fn(src)))
    print("wrote", path)


def main():
    what = sys.argv[1] if len(sys.argv) > 1 else ""
    if what == "symtable":
        if sys.version_info[:2] != (3, 11):
            sys.exit("run the symtable generation with CPython 3.11")
        write(os.path.join(HERE, "data", "symtable.golden"), SYMTABLE_CASES, dump_symtable)
    elif what == "behaviour":
        if sys.version_info[:2] != (3, 13):
            sys.exit("run the behaviour generation with CPython 3.13")
        write(os.path.join(HERE, "data", "behaviour.golden"), {k: v.lstrip("\n") for k, v in BEHAVIOUR_CASES.items()}, run_behaviour)
    elif what == "errors":
        if sys.version_info[:2] != (3, 13):
            sys.exit("run the error generation with CPython 3.13")
        write(os.path.join(HERE, "data", "errors.golden"), ERROR_CASES, dump_error)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
