# staticmethod, classmethod, property and user-defined descriptors.
class C:
    def __init__(self):
        self._x = 0
    @property
    def x(self):
        "The x property."
        return self._x
    @x.setter
    def x(self, v):
        self._x = v * 2
    @x.deleter
    def x(self):
        print("deleting x")
        self._x = None
    @property
    def ro(self):
        return "read-only"
    def _get_y(self): return "y"
    y = property(_get_y, doc="y doc")
    wo = property(None, lambda self, v: print("set wo", v))
    @staticmethod
    def s(a, b=2):
        return a + b
    @classmethod
    def c(cls, n):
        return (cls.__name__, n)

o = C()
o.x = 5
print(o.x)
del o.x
print(o.x)
print(C.x.__doc__, C.y.__doc__, C.ro.__doc__)
print(type(C.x).__name__, C.x.fget.__name__, C.x.fset.__name__, C.x.fdel.__name__)
print(C.ro.fset, C.ro.fdel)
for action in ("set", "del", "getwo"):
    try:
        if action == "set":
            o.ro = 1
        elif action == "del":
            del o.ro
        else:
            o.wo
    except AttributeError as e:
        print(type(e).__name__, e)
o.wo = 3
print(C.s(1), o.s(1, 5), C.c(3), o.c(4))
print(type(C.__dict__["s"]).__name__, type(C.__dict__["c"]).__name__)
print(C.__dict__["s"].__func__ is C.s, C.__dict__["c"].__func__.__name__)
sm = staticmethod(len)
print(sm("abc"), callable(sm))
class D(C): pass
print(D.c(1), D().c(2))

# property subclass/copy semantics
p1 = property(lambda self: 1)
p2 = p1.setter(lambda self, v: None)
print(p1 is p2, p1.fset, p2.fset is not None)
p3 = p2.getter(lambda self: 3)
print(p3.fget(None), p3.fset is p2.fset)

# property error messages
class E:
    @property
    def val(self): return 1
e = E()
try:
    e.val = 2
except AttributeError as ex:
    print(ex)
try:
    del e.val
except AttributeError as ex:
    print(ex)
class F:
    nog = property()
try:
    F().nog
except AttributeError as ex:
    print(ex)
try:
    F().nog = 1
except AttributeError as ex:
    print(ex)
anon = property(lambda s: 1)
class G: pass
G.anon = anon
try:
    G().anon = 1
except AttributeError as ex:
    print(ex)

# custom descriptors: data and non-data
class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = "_" + name
        print("set_name", owner.__name__, name)
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name[1:]} must be {self.kind.__name__}")
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print("delete", self.name)

class Point:
    x = Typed(int)
    y = Typed(int)
    def __init__(self, x, y):
        self.x = x; self.y = y
p = Point(1, 2)
print(p.x, p.y, sorted(vars(p).items()))
try:
    p.x = "a"
except TypeError as ex:
    print(type(ex).__name__, ex)
del p.x
print(type(Point.x).__name__)

class NonData:
    def __get__(self, obj, objtype=None):
        return ("nondata", obj is None, objtype.__name__)
class H:
    nd = NonData()
h = H()
print(h.nd, H.nd)
h.__dict__["nd"] = "instance wins"
print(h.nd)

class Data:
    def __get__(self, obj, objtype=None):
        return "data wins"
    def __set__(self, obj, v):
        raise AttributeError("nope")
class I:
    d = Data()
i = I()
i.__dict__["d"] = "instance"
print(i.d)
try:
    i.d = 5
except AttributeError as ex:
    print(ex)

# classmethod wrapping a property-like chain and staticmethod called via class/instance
class J:
    @classmethod
    def cm(cls, *a, **k):
        return cls.__name__, a, k
print(J.cm(1, b=2), J().cm())
print(J.cm.__self__ is J, J.cm.__func__.__name__)
