# sys.getrefcount inside Python dunder methods: the operands arrive as CPython's slots
# pass them (borrowed, moved, or packed into an argument tuple), so the counts match.
import sys

class C:
    def __setitem__(self, k, v):
        print("setitem", sys.getrefcount(self), sys.getrefcount(k), sys.getrefcount(v))
    def __getitem__(self, k):
        print("getitem", sys.getrefcount(self), sys.getrefcount(k))
        return 1
    def __delitem__(self, k):
        print("delitem", sys.getrefcount(self), sys.getrefcount(k))
    def __call__(self, a, b=None, *, kw=None):
        print("call", sys.getrefcount(self), sys.getrefcount(a), sys.getrefcount(kw))
    def __add__(self, o):
        print("add", sys.getrefcount(self), sys.getrefcount(o))
        return self
    def __contains__(self, o):
        print("contains", sys.getrefcount(self), sys.getrefcount(o))
        return True
    def __eq__(self, o):
        print("eq", sys.getrefcount(self), sys.getrefcount(o))
        return True
    __hash__ = object.__hash__

c = C()
k = object()
v = object()
c[k] = v
c[k] += 1
c[k]
del c[k]
c(k)
c(k, kw=v)
c(a=k)
c + k
k in c
c == k

class D(dict):
    def __setitem__(self, k, v):
        print("dict setitem", sys.getrefcount(k), sys.getrefcount(v))
        super().__setitem__(k, v)

d = D()
d[k] = v
print("stored", sys.getrefcount(k), sys.getrefcount(v))
d[k] = None
print("replaced", sys.getrefcount(v))

# __init__ after a Python __new__ (type.__call__'s own path), and __lt__ from sorted().
class N:
    def __new__(cls, *a):
        o = object.__new__(cls)
        print("new", sys.getrefcount(o))
        return o
    def __init__(self, a):
        print("init", sys.getrefcount(self))

N(k)

class L:
    def __lt__(self, o):
        print("lt", sys.getrefcount(self), sys.getrefcount(o))
        return False

l1, l2 = L(), L()
s = sorted([l1, l2])
s = sorted([l1, l2], key=lambda x: x)
