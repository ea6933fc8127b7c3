# Instances keep attributes inline, in the class's shared-keys slots, with their own
# insertion order. Orders longer than six entries, deletions across that boundary, slots
# before the inline values, and loads/stores through the attribute caches.
import copy
import sys


class Wide:
    def __init__(self):
        self.a = 1
        self.b = 2
        self.c = 3
        self.d = 4
        self.e = 5
        self.f = 6
        self.g = 7
        self.h = 8
        self.i = 9
        self.j = 10


w = Wide()
print(list(vars(Wide())))
w2 = Wide()
del w2.b
del w2.h
print(list(vars(w2)), w2.a, w2.g, w2.j)
w2.b = 20
w2.h = 80
print(list(vars(w2)))
print(vars(copy.copy(w2)))


class Reversed:
    pass


names = ["n%d" % k for k in range(30)]
r = Reversed()
for n in reversed(names):
    setattr(r, n, n.upper())
print(list(vars(r))[:8], len(vars(r)))
r2 = Reversed()
for n in names[::3]:
    setattr(r2, n, len(n))
for n in names[::6]:
    delattr(r2, n)
print(vars(r2))


class Late:
    def __init__(self, x):
        self.x = x


old = Late(1)
old.y = 2
old.z = 3
newer = Late(4)
newer.z = 5
newer.y = 6
print(vars(old), vars(newer))


class Slotted:
    __slots__ = ("s1", "s2", "__dict__")

    def __init__(self, v):
        self.s1 = v
        self.p = v + 1
        self.s2 = v + 2
        self.q = v + 3
        self.r = v + 4
        self.t = v + 5
        self.u = v + 6
        self.w = v + 7
        self.x = v + 8


def total(objs):
    t = 0
    for o in objs:
        t += o.s1 + o.p + o.s2 + o.q + o.r + o.t + o.u + o.w + o.x
    return t


objs = [Slotted(k) for k in range(50)]
print(total(objs))
for o in objs[::7]:
    o.x = -1
    del o.q
    o.q = 100
print(total(objs), list(vars(objs[0])), vars(objs[1]))


def touch(o, n):
    for k in range(n):
        o.a = o.a + k
        o.j = o.j - k
        o.h = o.a - o.j
    return o.a, o.j, o.h


print(touch(Wide(), 100))
big = Wide()
big.__dict__  # materialized: the caches' direct paths no longer apply
print(touch(big, 100), list(vars(big)))
print(sys.getsizeof(Wide()) == sys.getsizeof(Wide()))
