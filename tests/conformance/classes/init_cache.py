# cls(...) remembers where a plain class keeps __init__; every change must be seen.
class Base:
    pass

class P(Base):
    def __init__(self, x):
        self.x = x

def show(tag, o):
    print(tag, type(o).__name__, getattr(o, "x", None), getattr(o, "y", None))

for i in range(3):
    show("plain", P(i))

def init2(self, x):
    self.y = x * 10
P.__init__ = init2
show("replaced __init__", P(4))

def base_new(cls, *args):
    print("Base.__new__", cls.__name__, args)
    return object.__new__(cls)
Base.__new__ = base_new
show("base gained __new__", P(5))
Base.__new__ = lambda cls, *args: object.__new__(cls)
show("base __new__ replaced", P(6))

class Other:
    def __init__(self, x):
        self.x = -x
P.__new__ = lambda cls, x: Other(x)
show("own __new__ returns another type", P(7))

class Q:
    def __init__(self, x):
        self.x = x
show("plain", Q(8))

del Q.__init__
try:
    Q(9)
except TypeError as e:
    print("TypeError", e)
Q.__init__ = lambda self, x: setattr(self, "x", ("lambda", x))
show("lambda __init__", Q(10))

class B2:
    def __init__(self, x):
        self.x = ("B2", x)
class C2(B2):
    pass
show("inherited __init__", C2(11))
B2.__init__ = lambda self, x: setattr(self, "x", ("B2 again", x))
show("base __init__ replaced", C2(12))

class R:
    def __init__(self):
        return 1
for _ in range(2):
    try:
        R()
    except TypeError as e:
        print("TypeError", e)

class K:
    def __init__(self, a, *, b=2):
        self.x = (a, b)
show("kwargs", K(1))
show("kwargs", K(1, b=3))
try:
    K()
except TypeError as e:
    print("TypeError", e)

class M(type):
    def __call__(cls, *a):
        print("M.__call__", a)
        return super().__call__(*a)
class WithMeta(metaclass=M):
    def __init__(self, v):
        self.x = v
show("metaclass call", WithMeta(1))
show("metaclass call", WithMeta(2))
