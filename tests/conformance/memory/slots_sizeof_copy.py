# sys.getsizeof of slotted objects against dict-having ones, and copy / deepcopy of
# slotted objects (copyreg's reduce passes the slot values as the second part of the state).
import copy
import sys


class Plain:
    def __init__(self):
        self.a = 1
        self.b = 2


class Two:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1
        self.b = 2


class Four:
    __slots__ = ("a", "b", "c", "d")


class NoSlots:
    __slots__ = ()


class WithWeak:
    __slots__ = ("a", "__weakref__")


class WithDict:
    __slots__ = ("a", "__dict__")


sizes = {cls.__name__: sys.getsizeof(cls()) for cls in (Plain, Two, Four, NoSlots, WithWeak, WithDict)}
for name, n in sizes.items():
    print(f"{name:8} {n}")
print("per slot:", (sizes["Four"] - sizes["Two"]) // 2)
print("two slots over none:", sizes["Two"] - sizes["NoSlots"])
print("__weakref__ slot:", sizes["WithWeak"] - sizes["NoSlots"])
print("__dict__ slot:", sizes["WithDict"] - sizes["NoSlots"])
print("slotted not larger than plain:", sizes["Two"] <= sizes["Plain"])
print("class __basicsize__:", Two.__basicsize__, Four.__basicsize__, NoSlots.__basicsize__, Plain.__basicsize__)
print("__itemsize__:", Two.__itemsize__)


class Point:
    __slots__ = ("x", "y", "tags")

    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.tags = [x, y]

    def __repr__(self):
        return f"Point({self.x}, {self.y}, {self.tags})"


p = Point(1, 2)
c = copy.copy(p)
print("copy:", c, c is not p, c.tags is p.tags)
d = copy.deepcopy(p)
print("deepcopy:", d, d.tags is not p.tags, d.tags == p.tags)

# an unset slot is left unset by the copies
q = Point.__new__(Point)
q.x = 5
cq = copy.copy(q)
print("partial copy:", cq.x, hasattr(cq, "y"), hasattr(cq, "tags"))
dq = copy.deepcopy(q)
print("partial deepcopy:", dq.x, hasattr(dq, "y"))

# slots of the base and of the subclass are both copied
class Point3(Point):
    __slots__ = ("z",)

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


p3 = Point3(1, 2, 3)
c3 = copy.copy(p3)
print("subclass copy:", type(c3).__name__, c3.x, c3.y, c3.z, c3.tags is p3.tags)
d3 = copy.deepcopy(p3)
print("subclass deepcopy:", d3.x, d3.y, d3.z, d3.tags is not p3.tags)

# slots together with a __dict__
class Mixed:
    __slots__ = ("s", "__dict__")


m = Mixed()
m.s = "slot"
m.extra = ["dict"]
cm = copy.copy(m)
print("mixed copy:", cm.s, cm.__dict__, cm.extra is m.extra)
dm = copy.deepcopy(m)
print("mixed deepcopy:", dm.s, dm.__dict__, dm.extra is not m.extra)

# the state that copy and pickle use
print("getstate:", Two().__getstate__())
m2 = Mixed()
m2.s = 1
m2.d = 2
print("getstate with a dict:", m2.__getstate__())
print("getstate partial:", Point.__new__(Point).__getstate__())
