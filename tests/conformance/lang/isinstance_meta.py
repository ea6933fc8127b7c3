# isinstance/issubclass, __instancecheck__/__subclasscheck__, type(name, bases, dict), metaclasses.
print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, int)), isinstance(1, (str, (float, int))))
print(issubclass(bool, int), issubclass(int, (str, object)), issubclass(int, int))
for args in ((1, 1), (1, (int, 2)), (int, "x")):
    try:
        isinstance(*args)
    except TypeError as e:
        print(type(e).__name__, e)
for args in ((1, int), (int, 1)):
    try:
        issubclass(*args)
    except TypeError as e:
        print(type(e).__name__, e)
print(isinstance(None, type(None)), isinstance(int, type), isinstance(type, type), isinstance(type, object))
print(type(type), type(object), type(None).__name__, type(...).__name__, type(NotImplemented).__name__)

class Meta(type):
    def __instancecheck__(cls, inst):
        print("instancecheck", cls.__name__, inst)
        return inst == "magic"
    def __subclasscheck__(cls, sub):
        print("subclasscheck", cls.__name__, sub.__name__)
        return sub is int
class Magic(metaclass=Meta): pass
print(isinstance("magic", Magic), isinstance(5, Magic), issubclass(int, Magic), issubclass(str, Magic))
print(isinstance(Magic(), Magic))
print(isinstance("magic", (str, Magic)), isinstance(5, (Magic, int)))

# type() with three arguments
def init(self, v): self.v = v
Dyn = type("Dyn", (object,), {"__init__": init, "double": lambda self: self.v * 2, "k": 1})
d = Dyn(21)
print(Dyn.__name__, Dyn.__qualname__, Dyn.__module__, d.double(), d.k, type(d) is Dyn, Dyn.__bases__)
Sub = type("Sub", (Dyn,), {})
print(Sub(2).double(), Sub.__mro__ == (Sub, Dyn, object))
Empty = type("Empty", (), {})
print(Empty.__bases__, Empty.__mro__[-1] is object)
for args in (("X",), ("X", (), {}, 1), (1, (), {}), ("X", [], {}), ("X", (), [])):
    try:
        type(*args)
    except TypeError as e:
        print(type(e).__name__, e)
print(type(5) is int, type("") is str)

# metaclass __new__, __init__, __call__, __prepare__
class Tracing(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", mcs.__name__, name, [b.__name__ for b in bases], kw)
        return {"injected": 42}
    def __new__(mcs, name, bases, ns, **kw):
        print("meta new", name, sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcs, name, bases, ns)
        cls.created_by = mcs.__name__
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("meta init", name)
        super().__init__(name, bases, ns)

class Traced(metaclass=Tracing, flag=True):
    def __init__(self, a):
        self.a = a
    def method(self): pass
t = Traced(5)
print(t.a, Traced.injected, Traced.created_by, type(Traced).__name__, isinstance(Traced, Tracing))
class TracedChild(Traced):
    pass
print(type(TracedChild).__name__, TracedChild(1).a)

class OrderedMeta(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        class Recorder(dict):
            def __setitem__(self, k, v):
                if not k.startswith("__"):
                    print("ns set", k)
                super().__setitem__(k, v)
        return Recorder()
class Recorded(metaclass=OrderedMeta):
    a = 1
    def f(self): pass
    b = 2

# metaclass conflict
class M1(type): pass
class M2(type): pass
class A(metaclass=M1): pass
class B(metaclass=M2): pass
try:
    class C(A, B): pass
except TypeError as e:
    print(type(e).__name__, e)
class M3(M1, M2): pass
class D(A, B, metaclass=M3): pass
print(type(D).__name__)

# metaclass methods and attributes visible on class, not instance
class WithClassProp(type):
    def describe(cls):
        return "I am " + cls.__name__
    kind = "meta attr"
class W(metaclass=WithClassProp): pass
print(W.describe(), W.kind, hasattr(W(), "describe"))

# a function as metaclass
def func_meta(name, bases, ns):
    ns["made_by_func"] = True
    return type(name, bases, ns)
class FM(metaclass=func_meta): pass
print(FM.made_by_func, type(FM).__name__)

# __init_subclass__ and __set_name__ ordering with metaclass
class Plugin:
    registry = {}
    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        Plugin.registry[name or cls.__name__] = cls
class P1(Plugin, name="first"): pass
class P2(Plugin): pass
print(sorted(Plugin.registry))

# __class__ assignment
class X1: pass
class X2: pass
x = X1()
x.__class__ = X2
print(type(x).__name__, isinstance(x, X2))
try:
    x.__class__ = int
except TypeError as e:
    print(type(e).__name__, e)
