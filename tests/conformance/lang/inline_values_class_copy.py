# __class__ assignment, copy/deepcopy, __getstate__, dataclasses, exceptions and built-in
# subclasses with attributes.
import copy
import dataclasses

class A:
    def __init__(self):
        self.a = 1
        self.b = [1, 2]

class B:
    def __init__(self):
        self.x = "x"

o = A()
o.__class__ = B
print(type(o).__name__, o.__dict__, o.a)
o.x = "now B"
print(vars(o))
o.__class__ = A
print(o.__dict__)

a = A()
c1 = copy.copy(a)
c2 = copy.deepcopy(a)
print(c1.__dict__, c2.__dict__, c1.b is a.b, c2.b is a.b)
a.b.append(3)
print(c1.b, c2.b)
print(A().__getstate__(), object.__getstate__(B()))

class Empty:
    pass

print(Empty().__getstate__())

@dataclasses.dataclass
class Point:
    x: int
    y: int = 0

pt = Point(1, 2)
print(pt, dataclasses.asdict(pt), pt == Point(1, 2), vars(pt))
pt2 = dataclasses.replace(pt, y=5)
print(pt2)

class MyErr(Exception):
    def __init__(self, msg):
        super().__init__(msg)
        self.code = 42

try:
    raise MyErr("boom")
except MyErr as e:
    e.extra = "more"
    print(e, e.code, e.extra, e.__dict__)

class L(list):
    pass

l = L([1, 2])
l.tag = "t"
print(l, l.tag, l.__dict__)

class I(int):
    pass

i = I(7)
i.unit = "cm"
print(i + 1, i.unit, vars(i))

class D(dict):
    pass

d = D(a=1)
d.attr = 2
print(d, d.attr, d.__dict__)
