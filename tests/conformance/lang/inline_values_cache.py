# Attribute access in loops stays right when classes change under it: a property or a
# data descriptor added to the class or to a base, __setattr__ added, __class__ changed,
# classes created and dropped repeatedly.

class Base:
    pass

class K(Base):
    def __init__(self, v):
        self.v = v
        self.w = 0

def read_all(objs):
    return [o.v for o in objs]

def write_all(objs, x):
    for o in objs:
        o.w = x
    return [o.w for o in objs]

objs = [K(i) for i in range(3)]
print(read_all(objs), write_all(objs, 1))
K.v = property(lambda self: "prop")
print(read_all(objs))
del K.v
print(read_all(objs))
Base.w = property(lambda self: "base prop", lambda self, x: None)
try:
    print(write_all(objs, 2))
finally:
    del Base.w
print(write_all(objs, 3))

def logging_setattr(self, name, value):
    print("setattr", name, value)
    object.__setattr__(self, name, value)

K.__setattr__ = logging_setattr
print(write_all(objs[:1], 4))
del K.__setattr__
print(write_all(objs[:1], 5))

class Other:
    def __init__(self):
        self.w = "other w"
        self.v = "other v"

objs[0].__class__ = Other
print(read_all(objs), write_all(objs, 6))

# New classes (maybe at a freed class's address) with the same attribute names.
def make(n):
    class T:
        def __init__(self):
            if n % 2:
                self.b = "b%d" % n
                self.v = "v%d" % n
            else:
                self.v = "v%d" % n
    return T()

print([make(i).v for i in range(6)])

# Holes: attribute deleted on some instances only.
ks = [K(i) for i in range(4)]
del ks[1].v
out = []
for k in ks:
    try:
        out.append(k.v)
    except AttributeError as e:
        out.append(str(e))
print(out)

# __getattr__ fallback for missing values; instance value shadowing a method.
class F:
    def __init__(self):
        self.a = 1
    def __getattr__(self, name):
        return "fallback"
    def meth(self):
        return "meth"

fs = [F(), F()]
fs[1].meth = lambda: "shadowed"
del fs[0].a
print([f.a for f in fs], [f.meth() for f in fs])
