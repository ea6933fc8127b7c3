# sys.getrefcount(self) inside special methods called by the interpreter: the
# operand is borrowed from the caller, as in CPython's slot functions, so only the
# method's frame adds a reference.
import sys
import gc

class C:
    def __add__(self, o): print("add", sys.getrefcount(self), sys.getrefcount(o)); return 1
    def __radd__(self, o): print("radd", sys.getrefcount(self)); return 1
    def __getitem__(self, k): print("getitem", sys.getrefcount(self), sys.getrefcount(k)); return 1
    def __len__(self): print("len", sys.getrefcount(self)); return 1
    def __eq__(self, o): print("eq", sys.getrefcount(self), sys.getrefcount(o)); return True
    def __lt__(self, o): print("lt", sys.getrefcount(self)); return True
    def __hash__(self): print("hash", sys.getrefcount(self)); return 1
    def __iter__(self): print("iter", sys.getrefcount(self)); return iter([])
    def __contains__(self, x): print("contains", sys.getrefcount(self)); return True
    def __call__(self): print("call", sys.getrefcount(self))
    def __bool__(self): print("bool", sys.getrefcount(self)); return True
    def __repr__(self): print("repr", sys.getrefcount(self)); return "C"
    def __str__(self): print("str", sys.getrefcount(self)); return "C"
    def __neg__(self): print("neg", sys.getrefcount(self)); return 1
    def __index__(self): print("index", sys.getrefcount(self)); return 1
    def meth(self): print("meth", sys.getrefcount(self))
    @property
    def p(self): print("property", sys.getrefcount(self)); return 1

def f(c, k):
    c + k
    1 + c
    c[k]
    len(c)
    c == k
    c < k
    hash(c)
    for x in c:
        pass
    1 in c
    c()
    if c:
        pass
    repr(c)
    str(c)
    -c
    [1, 2][c]
    c.meth()
    c.p
    (c).p

f(C(), C())

class G:
    def __getattr__(self, name): print("getattr", sys.getrefcount(self)); return 1

def g(o):
    o.missing
    (o).missing

g(G())

class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n, sys.getrefcount(self))

d = D("refcount")
del d
e = D("cycle")
e.me = e
del e
gc.collect()
