# __getattr__, __getattribute__, __setattr__, __delattr__, __dir__.
class Lazy:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        if name.startswith("x"):
            return "computed " + name
        raise AttributeError(f"no {name}")
l = Lazy()
print(l.real, l.xyz, getattr(l, "xa"), hasattr(l, "nope"), getattr(l, "nope", "dflt"))
try:
    l.nope
except AttributeError as e:
    print(type(e).__name__, e)

class Logged:
    def __getattribute__(self, name):
        if name == "secret":
            raise AttributeError("hidden")
        v = object.__getattribute__(self, name)
        return ("got", v) if not callable(v) else v
    def __getattr__(self, name):
        return "fallback " + name
    def meth(self):
        return "meth"
g = Logged()
g.a = 1
print(g.a, g.secret, g.other, g.meth())

class Guard:
    def __setattr__(self, name, value):
        print("setattr", name, value)
        if name == "frozen":
            raise AttributeError("can't set frozen")
        super().__setattr__(name, value * 2)
    def __delattr__(self, name):
        print("delattr", name)
        object.__delattr__(self, name)
gg = Guard()
gg.x = 5
print(gg.x, gg.__dict__)
try:
    gg.frozen = 1
except AttributeError as e:
    print(type(e).__name__, e)
del gg.x
print(gg.__dict__)
try:
    del gg.x
except AttributeError as e:
    print(type(e).__name__, e)
setattr(gg, "y", 2)
delattr(gg, "y")

class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
    def __getattr__(self, name):
        return getattr(self._target, name)
    def __setattr__(self, name, value):
        setattr(self._target, name, value)
class Target: pass
t = Target()
p = Proxy(t)
p.val = 10
print(t.val, p.val, "val" in vars(p), vars(p).keys() == {"_target"})

class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
s = Slotted()
print(s.a, hasattr(s, "b"), hasattr(s, "__dict__"))
try:
    s.c = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    s.b
except AttributeError as e:
    print(type(e).__name__, e)

class WithDir:
    def __dir__(self):
        return ["zeta", "alpha", "mid"]
print(dir(WithDir()))
class Plain:
    cls_attr = 1
    def method(self): pass
pl = Plain()
pl.inst = 2
print([n for n in dir(pl) if not n.startswith("__")])
print([n for n in dir(Plain) if not n.startswith("__")])
print(dir(pl) == sorted(dir(pl)))
print("__init__" in dir(pl), "__class__" in dir(pl), "__dict__" in dir(pl), "__module__" in dir(pl))
print([n for n in dir(int) if not n.startswith("_")])
print([n for n in dir(str) if not n.startswith("_")])
print([n for n in dir(list) if not n.startswith("_")])
print([n for n in dir(dict) if not n.startswith("_")])
print(sorted(set(dir(object))))

# getattr / setattr / delattr / hasattr builtins
class Obj: pass
o = Obj()
setattr(o, "k", 1)
print(getattr(o, "k"), hasattr(o, "k"), hasattr(o, "j"))
delattr(o, "k")
print(hasattr(o, "k"))
for args in ((o, 1), (o, "missing")):
    try:
        getattr(*args)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
try:
    setattr(o, 5, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    delattr(o, "missing")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    hasattr(o)
except TypeError as e:
    print(type(e).__name__, e)

class RaisesOther:
    @property
    def boom(self):
        raise ValueError("not attr error")
try:
    hasattr(RaisesOther(), "boom")
except ValueError as e:
    print(type(e).__name__, e)
print(getattr(RaisesOther(), "nothing", None))

# __getattr__ on a property raising AttributeError falls back
class PropFallback:
    @property
    def p(self):
        raise AttributeError("inner")
    def __getattr__(self, name):
        return "fallback for " + name
print(PropFallback().p)
