# Zero-argument super() in methods, classmethods, __init_subclass__, __new__ and properties.
class A:
    def __init__(self, x):
        self.x = x
        self.log = ["A.__init__"]
    def f(self):
        return "A.f"
    @classmethod
    def make(cls):
        return f"A.make({cls.__name__})"
    @staticmethod
    def st():
        return "A.st"
    @property
    def p(self):
        return "A.p"

class B(A):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
        self.log.append("B.__init__")
    def f(self):
        return "B.f>" + super().f()
    @classmethod
    def make(cls):
        return "B.make>" + super().make()
    @staticmethod
    def st():
        return "B.st>" + super(B, B).st()
    @property
    def p(self):
        return "B.p>" + super().p

b = B(1, 2)
print(b.x, b.y, b.log)
print(b.f(), B.make(), b.make(), B.st(), b.p)

class Registry:
    subclasses = []
    def __init_subclass__(cls, /, tag=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.tag = tag
        Registry.subclasses.append(cls.__name__)

class R1(Registry, tag="one"): pass
class R2(R1): pass
class R3(Registry, tag="three"):
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        cls.extra = True
class R4(R3, tag="four"): pass
print(Registry.subclasses, R1.tag, R2.tag, R3.tag, R4.tag, R4.extra)
try:
    class R5(object, badkw=1): pass
except TypeError as e:
    print(type(e).__name__, e)

class Single:
    _inst = None
    def __new__(cls, *args):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        self.v = v
s1 = Single(1); s2 = Single(2)
print(s1 is s2, s1.v)

# super() with explicit args
class C(B):
    def f(self):
        return "C.f>" + super(B, self).f()
print(C(0, 0).f())
sup = super(B, b)
print(type(sup).__name__, sup.f())

# super() in nested function does not work without args
class D:
    def m(self):
        def inner():
            return super().m()
        try:
            return inner()
        except RuntimeError as e:
            return f"RuntimeError {e}"
print(D().m())

# __class__ cell
class E:
    def cls(self):
        return __class__
print(E().cls() is E)

try:
    super(int, "x")
except TypeError as e:
    print(type(e).__name__, e)

# super through multiple inheritance: cooperative init
class Root:
    def __init__(self, **kw):
        self.order = ["Root"]
class L(Root):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.order.append("L")
class Rr(Root):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.order.append("R")
class Bot(L, Rr):
    def __init__(self):
        super().__init__()
        self.order.append("Bot")
print(Bot().order)
