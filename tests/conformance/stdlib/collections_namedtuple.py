# collections.namedtuple.
from collections import namedtuple

P = namedtuple("Point", "x y")
p = P(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=5), P._make([3, 4]), P._fields, type(p), P.__name__)
x, y = p
print(x + y, p == (1, 2), p == P(1, 2), isinstance(p, tuple), len(p), p + (3,), p[::-1])
Q = namedtuple("Q", ["a", "b", "c"], defaults=[9, 8])
print(Q(1), Q(1, 2, 3), Q._field_defaults, Q.__doc__, P.__doc__)
print(P.__new__.__qualname__, namedtuple("One", "a")(5))
for bad in [lambda: P(1), lambda: P(1, 2, 3), lambda: P(1, 2, x=3), lambda: P._make([1]), lambda: p._replace(z=1)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
for args in [("1a", "x"), ("A", "class"), ("A", "_x"), ("A", "x x"), ("A", "x", [1, 2])]:
    try:
        if len(args) == 3:
            namedtuple(args[0], args[1], defaults=args[2])
        else:
            namedtuple(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
R = namedtuple("R", "a _b class a", rename=True)
print(R._fields, R(1, 2, 3, 4))
try:
    p.x = 5
except AttributeError:
    print("AttributeError")


class PP(P):
    def norm(self):
        return self.x + self.y


print(PP(1, 2).norm(), PP(1, 2), P.__module__, P.__qualname__)
people = [P("b", 2), P("a", 3), P("c", 1)]
print(sorted(people), sorted(people, key=lambda q: q.y), max(people, key=lambda q: q.y).x)
Emp = namedtuple("Emp", "name, dept salary")
e = Emp("ann", "eng", 100)
print(e, e._fields, {**e._asdict()}, Emp(*"xyz"))
