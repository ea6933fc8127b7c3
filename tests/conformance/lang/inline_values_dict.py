# Instance attributes of plain classes: __dict__ order, materialization, then mutation
# through the dict and through attributes, deletion, __dict__ assignment, vars(), dir().

class P:
    def __init__(self, a, b, flag):
        if flag:
            self.b = b
            self.a = a
        else:
            self.a = a
            self.b = b

p = P(1, 2, False)
q = P(1, 2, True)
print(p.__dict__, q.__dict__)
print(list(vars(q)), p.a, q.b)

# Materialize, then mutate through the dict and through attributes.
d = p.__dict__
d["c"] = 3
print(p.c, p.__dict__ is d)
p.a = 10
print(d)
del d["b"]
print(hasattr(p, "b"), d)
p.b = 20
print(d, vars(p) is d)
d.clear()
print(hasattr(p, "a"), vars(p))

# Deletion leaves a hole; re-adding goes to the end.
r = P(1, 2, False)
r.c = 3
del r.a
try:
    r.a
except AttributeError as e:
    print("AttributeError:", e)
try:
    del r.a
except AttributeError as e:
    print("AttributeError:", e)
r.a = 4
print(r.__dict__)

# __dict__ assignment replaces every attribute.
s = P(1, 2, False)
s.__dict__ = {"z": 26, "a": 0}
print(s.z, s.a, hasattr(s, "b"), s.__dict__)
s.y = 25
print(s.__dict__)
try:
    s.__dict__ = [1]
except TypeError as e:
    print("TypeError:", e)
del s.__dict__
print(hasattr(s, "z"), s.__dict__)
s.w = 1
print(s.__dict__, vars(s))

# dir() and vars() see instance attributes.
t = P(5, 6, True)
t.extra = 7
print([n for n in dir(t) if not n.startswith("__")])
print(vars(t))

# Class attributes are shadowed by instance values and come back after deletion.
class C:
    x = "class"
    def m(self):
        return "method"

c = C()
print(c.x, c.m())
c.x = "instance"
c.m = lambda: "instance callable"
print(c.x, c.m(), C.x)
del c.x, c.m
print(c.x, c.m())

# Attributes set from outside, in different orders per instance.
class E:
    pass

objs = [E() for _ in range(4)]
for i, o in enumerate(objs):
    names = ["p", "q", "r"]
    for k in range(3):
        setattr(o, names[(i + k) % 3], k)
print([o.__dict__ for o in objs])
print(getattr(objs[1], "p"), getattr(objs[1], "zz", "missing"))

# Non-interned and str-subclass attribute names.
class S(str):
    pass

n = "".join(["dyn", "amic"])
o = E()
setattr(o, n, 1)
setattr(o, S("sub"), 2)
print(o.dynamic, getattr(o, "sub"), o.__dict__)
