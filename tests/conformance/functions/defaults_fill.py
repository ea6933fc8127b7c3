# Positional calls that leave trailing parameters to their defaults, through every way a
# Python function is called: plain, bound method, `cls(...)` with `__init__`, and from
# built-ins (sorted's key, map). The defaults are read at call time.

def f(a, b=10, c=20):
    return a, b, c

print(f(1), f(1, 2), f(1, 2, 3))

class C:
    def __init__(self, x, y=[]):
        self.x = x
        self.y = y
    def m(self, p, q="q"):
        return self.x, p, q

c1, c2 = C(1), C(2)
print(c1.y is c2.y, c1.m(5), C.m(c2, 6), c1.m(7, 8))

def g(a, b=0):
    return a + b
print(sorted([3, 1, 2], key=g), list(map(g, [1, 2])))

f.__defaults__ = (100, 200)
print(f(1))
f.__defaults__ = (300,)
print(f(1, 2))
try:
    f(1)
except TypeError as e:
    print("TypeError", e)
f.__defaults__ = None
try:
    f(1, 2)
except TypeError as e:
    print("TypeError", e)

def h(a, b=1, *, k=2):
    return a, b, k
print(h(0))

def gen(a, b=5):
    yield a
    yield b
print(list(gen(1)))

def nothing_left(a=1, b=2):
    return a, b
print(nothing_left(), nothing_left(9))

def recurse(n, acc=0):
    if n == 0:
        return acc
    return recurse(n - 1, acc + n)
print(recurse(10))
