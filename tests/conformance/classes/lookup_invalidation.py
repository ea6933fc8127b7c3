# Special-method and attribute lookups on classes must see every change to the class or
# its bases, and remembered lookups must not keep anything alive or change refcounts.
import gc
import sys


class Base:
    def greet(self):
        return "base"


class Mid(Base):
    pass


class Leaf(Mid):
    pass


obj = Leaf()
for _ in range(3):
    print(obj.greet())
Mid.greet = lambda self: "mid"
print(obj.greet())
Leaf.greet = lambda self: "leaf"
print(obj.greet())
del Mid.greet
print(obj.greet())
del Leaf.greet
print(obj.greet())
del Base.greet
print(hasattr(obj, "greet"))
Base.greet = lambda self: "base again"
print(obj.greet())

# Dunders looked up by the interpreter (not through the instance).
class V:
    def __init__(self, x):
        self.x = x

class W(V):
    pass

try:
    len(W(1))
except TypeError as e:
    print("TypeError:", e)
V.__len__ = lambda self: self.x
print(len(W(5)))
W.__len__ = lambda self: 100
print(len(W(5)))
del W.__len__
print(len(W(6)))
del V.__len__
try:
    len(W(1))
except TypeError as e:
    print("TypeError:", e)

for _ in range(3):
    print(W(1) + 1 if hasattr(W, "__add__") else "no add")
V.__add__ = lambda self, o: ("add", self.x, o)
print(W(2) + 3)
V.__radd__ = lambda self, o: ("radd", self.x, o)
print(4 + W(7))
W.__add__ = lambda self, o: ("W add", o)
print(W(2) + 3)

# __init__ and __new__ changes after instances were made.
class P:
    def __init__(self, a):
        self.a = a

ps = [P(i) for i in range(3)]
print([p.a for p in ps])
P.__init__ = lambda self, a: setattr(self, "a", a * 10)
print(P(4).a)
del P.__init__
try:
    P(1)
except TypeError as e:
    print("TypeError:", e)
print(type(P()).__name__)

class N:
    def __init__(self, a):
        self.a = a

print(N(1).a)
N.__new__ = staticmethod(lambda cls, *a: "from __new__")
print(N(1))

class Q(P):
    def __init__(self, a, b=2):
        self.a = a
        self.b = b

print(vars(Q(1)))
P.__init__ = lambda self, *a: None
print(vars(Q(1, 3)))

# Class attributes replaced in place (a counter) stay visible.
class Counter:
    n = 0
    def bump(self):
        type(self).n += 1
        return self.n

c = Counter()
print([c.bump() for _ in range(5)], Counter.n)

# Lookups hold no references: refcounts and collections are unchanged.
def make():
    class Local:
        def __init__(self):
            self.v = 1
        def m(self):
            return __class__
    for _ in range(10):
        Local().m()
    return Local

gc.collect()
for i in range(3):
    cls = make()
    before = sys.getrefcount(cls)
    for _ in range(5):
        cls()
        cls().m()
    print(sys.getrefcount(cls) - before)
    del cls
    print(gc.collect() > 0)

meth = Base.greet
print(sys.getrefcount(meth) - sys.getrefcount(Base.__dict__["greet"]))

# A class recreated with the same name gets fresh lookups.
for i in range(4):
    if i % 2:
        class R:
            def __repr__(self):
                return "R odd"
    else:
        class R:
            pass
    print(repr(R()).startswith("<__main__.R object") or repr(R()))
    del R
    gc.collect()
