# __init__, __new__, __repr__, __str__, __format__, __bool__, __len__.
class V:
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        return super().__new__(cls)
    def __init__(self, x, y=0):
        print("init", x, y)
        self.x, self.y = x, y
    def __repr__(self):
        return f"V({self.x!r}, {self.y!r})"
    def __str__(self):
        return f"<{self.x}, {self.y}>"
    def __format__(self, spec):
        if spec == "":
            return str(self)
        return f"V[{format(self.x, spec)}, {format(self.y, spec)}]"
    def __bool__(self):
        return bool(self.x or self.y)
    def __len__(self):
        return 2

v = V(1, 2.5)
print(v, repr(v), str(v), [v], (v,), {"k": v})
print(f"{v}", f"{v!r}", f"{v!s}", f"{v:.2f}", format(v, "08.3f"), "{:>5}".format(v), "{0!r:}".format(v))
print(bool(v), bool(V(0)), len(v), not V(0))
print("%s %r" % (v, v))

class OnlyRepr:
    def __repr__(self): return "OnlyRepr()"
print(str(OnlyRepr()), f"{OnlyRepr()}", format(OnlyRepr(), ""))
try:
    format(OnlyRepr(), "x")
except TypeError as e:
    print(type(e).__name__, e)

class LenOnly:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
print(bool(LenOnly(0)), bool(LenOnly(3)))
for bad in (-1, "x", 2**100):
    try:
        len(LenOnly(bad))
    except Exception as e:
        print(type(e).__name__, e)
try:
    bool(LenOnly(-1))
except ValueError as e:
    print(type(e).__name__, e)

class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print(type(e).__name__, e)
try:
    if BadBool(): pass
except TypeError as e:
    print(type(e).__name__, e)

class BadRepr:
    def __repr__(self): return 42
    def __str__(self): return None
for f in (repr, str):
    try:
        f(BadRepr())
    except TypeError as e:
        print(type(e).__name__, e)

class BadInit:
    def __init__(self): return 5
try:
    BadInit()
except TypeError as e:
    print(type(e).__name__, e)

class NoArgs: pass
try:
    NoArgs(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    object(1)
except TypeError as e:
    print(type(e).__name__, e)

class NewOnly:
    def __new__(cls, a):
        o = super().__new__(cls)
        o.a = a
        return o
print(NewOnly(7).a)

class InitOnly:
    def __init__(self, a): self.a = a
try:
    InitOnly()
except TypeError as e:
    print(type(e).__name__, e)

class NewReturnsOther:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(NewReturnsOther())

# default repr mentions the qualname
class Outer:
    class In: pass
r = repr(Outer.In())
print(r.startswith("<__main__.Outer.In object at 0x"), repr(Outer.In).startswith("<class '__main__.Outer.In'>"))
print(repr(int), repr(type), repr(object))

class Fmt:
    def __format__(self, spec):
        return "spec=" + spec
print(f"{Fmt():abc}", f"{Fmt():{'x'}{'y'}}", format(Fmt()), "{:q}".format(Fmt()))
class BadFmt:
    def __format__(self, spec): return 1
try:
    format(BadFmt(), "")
except TypeError as e:
    print(type(e).__name__, e)
