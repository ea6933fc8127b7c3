# The VM runs `LOAD_FAST; LOAD_ATTR`, `LOAD_FAST; STORE_ATTR` and `LOAD_FAST; LOAD_FAST`
# as one step; errors must still point at the instruction that failed.
import sys

class C:
    def __init__(self):
        self.a = 1

def show(exc):
    tb = exc.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print(type(exc).__name__, exc, "line", tb.tb_lineno)

def attr_missing(c):
    return (c
            .missing)

def unbound_receiver():
    if False:
        c = None
    return c.a

def unbound_second(a):
    if False:
        b = 1
    return a, b

def unbound_first(b):
    if False:
        a = 1
    return a, b

def store(c, v):
    c.b = v
    return c.b

class Slotted:
    __slots__ = ("x",)

def store_bad(s):
    s.y = 2

def prop_raises(o):
    return o.p

class P:
    @property
    def p(self):
        raise KeyError("inside property")

for f, args in [(attr_missing, (C(),)), (unbound_receiver, ()), (unbound_second, (1,)),
                (unbound_first, (1,)), (store_bad, (Slotted(),)), (prop_raises, (P(),))]:
    try:
        f(*args)
    except Exception as e:
        show(e)

print(store(C(), 5))

def loop_jump(xs):
    # A jump back to the second half of a pair runs it alone.
    total = 0
    for x in xs:
        total = total + x
    return total
print(loop_jump([1, 2, 3]))

def deleted_between(c):
    d = c
    del c
    try:
        return c.a
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    return d.a
print(deleted_between(C()))

class BadBool:
    def __bool__(self):
        raise ValueError("no truth")

class Cmp:
    def __init__(self, result):
        self.result = result
    def __lt__(self, other):
        if self.result is None:
            raise TypeError("cannot compare")
        return self.result

def compare_jump(x):
    if x < 1:
        return "less"
    return "not less"

def compare_jump_true(x):
    while not (x < 1):
        return "loop"
    return "done"

for arg in [0, 5, 0.5, float("nan"), Cmp(True), Cmp(False), Cmp(0), Cmp([1]),
            Cmp(BadBool()), Cmp(None)]:
    try:
        print(compare_jump(arg), compare_jump_true(arg))
    except Exception as e:
        show(e)

def store_then_load():
    a = 1
    b = a
    if False:
        c = 2
    d = b
    return c

def missing_global():
    return undefined_function(1)

for f in [store_then_load, missing_global]:
    try:
        f()
    except Exception as e:
        show(e)

def const_pair(n):
    return n + 1, n - 2.5, n * "ab" if isinstance(n, int) else None
print(const_pair(3))

def final(c):
    return (c
            .nope)
final(C())
