# Frames of plain calls live on the VM's data stack: deep recursion with many locals
# (crossing chunk boundaries), exceptions unwinding through it, generators (frames that
# outlive the call) interleaved with calls, and the exact-arguments call path, whose
# arguments move into the callee without reference count traffic.
import sys


def wide(n, a, b, c):
    x0 = x1 = x2 = x3 = x4 = x5 = x6 = x7 = x8 = x9 = n
    y0 = y1 = y2 = y3 = y4 = y5 = y6 = y7 = y8 = y9 = a
    if n == 0:
        return a + b + c
    r = wide(n - 1, a + 1, b, c)
    return r + x0 + x9 + y0 - y9


print("wide", wide(600, 1, 2, 3))


def boom(n):
    big = [n] * 3
    if n == 0:
        raise ValueError("bottom")
    return boom(n - 1) + big[0]


for depth in (10, 400, 700):
    try:
        boom(depth)
    except ValueError as e:
        print("caught", depth, e)
print("after unwinding", wide(50, 0, 0, 0))


def gen(n):
    for i in range(n):
        yield helper(i, n)


def helper(i, n):
    return i * n


g1 = gen(3)
g2 = gen(4)
print(next(g1), next(g2), next(g1), list(g2), list(g1))


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)


p = Point(1, 2)
for _ in range(3):
    p = p.moved(1, 1)
print(p.x, p.y)

# Arguments are moved into the callee, not copied: counts are the same after the call.
def keep(a, b):
    return a


obj = object()
before = sys.getrefcount(obj)
for _ in range(100):
    keep(obj, obj)
print("refcount unchanged", sys.getrefcount(obj) == before)
held = [keep(obj, 1) for _ in range(10)]
print("held", sys.getrefcount(obj) - before)
del held


# Not the exact shape: defaults, keywords, *args, keyword-only: the general binder.
def defaults(a, b=2, *rest, c=3, **kw):
    return (a, b, rest, c, sorted(kw))


print(defaults(1))
print(defaults(1, 5, 6, 7, c=8, z=9))
print(defaults(b=4, a=0))


def too_few(a, b):
    return a


try:
    too_few(1)
except TypeError as e:
    print(e)

# Recursion that hits the limit still reports RecursionError and leaves the stack usable.
def down(n):
    return down(n + 1)


try:
    down(0)
except RecursionError as e:
    print("RecursionError", e)
print("still fine", wide(100, 1, 1, 1))
