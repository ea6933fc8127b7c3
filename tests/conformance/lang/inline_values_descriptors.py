# Data descriptors on the type win over instance attributes; non-data descriptors lose.

class Prop:
    def __init__(self):
        self._x = 0
    @property
    def x(self):
        return "property x=%r" % self._x
    @x.setter
    def x(self, v):
        self._x = v * 2

p = Prop()
p.x = 5
print(p.x, p.__dict__)
p.__dict__["x"] = "shadow?"
print(p.x, p.__dict__)

class ReadOnly:
    @property
    def r(self):
        return 1

ro = ReadOnly()
try:
    ro.r = 2
except AttributeError as e:
    print("AttributeError:", e)

class DataDescr:
    def __get__(self, obj, typ=None):
        return "descr"
    def __set__(self, obj, v):
        obj.__dict__["stored"] = v

class NonData:
    def __get__(self, obj, typ=None):
        return "nondata"

class H:
    d = DataDescr()
    n = NonData()
    def __init__(self):
        self.n = "instance n"

h = H()
h.d = 3
print(h.d, h.n, h.__dict__)
del h.n
print(h.n)

# __getattr__ only for missing attributes; __setattr__ hooks still see plain storage.
class G:
    def __init__(self):
        self.here = 1
    def __getattr__(self, name):
        return "fallback " + name

g = G()
print(g.here, g.missing)

class Logged:
    def __init__(self):
        self.a = 1
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)

lg = Logged()
lg.b = 2
del lg.a
print(lg.__dict__)

# __slots__ with __dict__ and weakref-able classes.
import weakref

class SlotDict:
    __slots__ = ("s", "__dict__")
    def __init__(self):
        self.s = "slot"
        self.d = "dict"

sd = SlotDict()
print(sd.s, sd.d, sd.__dict__)

class W:
    def __init__(self):
        self.v = 1

w = W()
r = weakref.ref(w)
print(r().v, r() is w)
del w
print(r())
