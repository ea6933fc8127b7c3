# `__init__` bodies that only store parameters and constants on self. pyglass runs
# them without a frame once the attribute cache knows the stores (after the first
# calls); nothing here may be able to tell the difference.
import gc
import sys
import weakref


class Node:
    def __init__(self, left, right, value):
        self.left = left
        self.right = right
        self.value = value


class Ring:
    def __init__(self, value):
        self.value = value
        self.next = None
        self.prev = None


class Empty:
    def __init__(self):
        pass


class Me:
    def __init__(self, tag):
        self.me = self
        self.tag = tag


def show(o):
    return sorted((k, v if isinstance(v, (int, str, type(None))) else type(v).__name__) for k, v in vars(o).items())


# Warm the caches, then the same again on the cached path.
for round in range(3):
    n = Node(None, None, round)
    print(round, list(vars(n)), n.value, n.left is None)
    r = Ring(round)
    print(list(vars(r)), r.value, r.next, r.prev)
    print(vars(Empty()))
    m = Me("t%d" % round)
    print(m.me is m, m.tag, list(vars(m)))

# Insertion order of the stores, with constants between parameters.
class Mixed:
    def __init__(self, a, b):
        self.z = a
        self.y = 1.5
        self.x = b
        self.w = "w"

for _ in range(3):
    print(list(vars(Mixed(1, 2)).items()))

# Reference counts: each stored argument gains one reference, an unused one none.
class Two:
    def __init__(self, a, b):
        self.a = a

x, y = [], []
for _ in range(3):
    before = (sys.getrefcount(x), sys.getrefcount(y))
    t = Two(x, y)
    print(sys.getrefcount(x) - before[0], sys.getrefcount(y) - before[1])
    del t

# An unused argument that dies with the call: its __del__ runs before the next line.
class Loud:
    def __del__(self):
        print("Loud.__del__")

def make_two():
    for i in range(3):
        Two(1, Loud())
        print("after call", i)

make_two()

# A cycle through self is collected.
refs = [weakref.ref(Me("cycle")) for _ in range(3)]
print("alive before collecting", [r() is not None for r in refs])
gc.collect()
print("alive after", [r() is not None for r in refs])

# A property added to the class afterwards: its setter runs from then on.
for _ in range(3):
    Ring(0)

def set_value(self, v):
    print("setter", v)
    self.__dict__["value"] = v * 10

Ring.value = property(lambda self: self.__dict__["value"], set_value)
r = Ring(4)
print(r.value, list(vars(r)))
del Ring.value
r = Ring(5)
print(r.value, list(vars(r)))

# __setattr__ added afterwards (on a subclass and on the class itself).
class Sub(Node):
    pass

for _ in range(3):
    Sub(1, 2, 3)

def noisy(self, name, value):
    print("setattr", name, value)
    object.__setattr__(self, name, value)

Sub.__setattr__ = noisy
s = Sub(1, 2, 3)
print(list(vars(s)))
Node.__setattr__ = noisy
n = Node(7, 8, 9)
print(list(vars(n)))
del Node.__setattr__
del Sub.__setattr__
print(list(vars(Node(1, 2, 3))))

# An error in a store still has the __init__ frame in its traceback.
class Guarded:
    def __init__(self, v):
        self.v = v

for _ in range(3):
    Guarded(1)

def refuse(self, v):
    raise ValueError("no %r" % (v,))

Guarded.v = property(None, refuse)
try:
    Guarded(2)
except ValueError as e:
    tb = e.__traceback__
    lines = []
    while tb is not None:
        lines.append(tb.tb_lineno)
        tb = tb.tb_next
    print("ValueError", e, lines)

# __init__ replaced.
class Swap:
    def __init__(self, a):
        self.a = a

for _ in range(3):
    Swap(1)

def other_init(self, a):
    self.b = a
    print("other_init")

Swap.__init__ = other_init
print(list(vars(Swap(2))))

# __slots__: the slot descriptors are data descriptors.
class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b

for i in range(3):
    s = Slotted(i, -i)
    print(s.a, s.b, hasattr(s, "__dict__"))

# More attributes than a fresh instance has room for, learnt over time.
class Growing:
    def __init__(self, a):
        self.a = a

g = Growing(0)
for i in range(40):
    setattr(g, "k%d" % i, i)
for i in range(3):
    h = Growing(i)
    print(h.a, len(vars(h)), len(vars(g)))

# Wrong argument counts still raise from the call.
for args in [(), (1, 2)]:
    try:
        Ring(*args)
    except TypeError as e:
        print("TypeError", e)

# The recursion limit counts the __init__ call.
sys.setrecursionlimit(60)

def deep(n):
    try:
        Ring(n)
    except RecursionError:
        return n
    return deep(n + 1)

first = deep(0)
print("RecursionError at the same depth again:", deep(0) == first)

# One `__init__` shared by two classes whose instances keep the same names in different
# places, alternating: each class's stores must go to its own places.
def shared_init(self, a, b):
    self.a = a
    self.b = b


class BA:
    def __init__(self):
        self.b = "b first"
        self.a = "a second"


class AB:
    pass


BA()  # BA's instances hold b before a; AB's will hold a before b.
BA.__init__ = shared_init
AB.__init__ = shared_init
for i in range(4):
    for cls in (BA, AB, AB, BA):
        o = cls(i, -i)
        print(cls.__name__, o.a, o.b, list(vars(o)))
