# sys.getsizeof of instances, __slots__ instances, functions, generators, and __sizeof__.
import sys

class A:
    pass

class B:
    __slots__ = ()

class C:
    __slots__ = ("x",)

class D:
    __slots__ = ("x", "y", "z")

class E:
    __slots__ = ("x", "__dict__")

class F:
    __slots__ = ("x", "__weakref__")

class G(A):
    __slots__ = ("q",)

a = A()
print(sys.getsizeof(a), a.__sizeof__())
a.x = 1
a.y = 2
print(sys.getsizeof(a), a.__sizeof__())
for cls in (B, C, D, E, F, G):
    o = cls()
    print(cls.__name__, sys.getsizeof(o), o.__sizeof__())
print(sys.getsizeof(object()), object().__sizeof__())

def f():
    pass

def g(x):
    yield x

def outer():
    v = 1
    def inner():
        return v
    return inner

print(sys.getsizeof(f), sys.getsizeof(lambda: 0), sys.getsizeof(outer()))
print(sys.getsizeof(g(1)), g(1).__sizeof__())

def g0():
    yield
def g2(a, b):
    yield a + b * (a - b)
def g3(a):
    for i in range(a):
        yield [i, i + 1, (i, a, i * a)]
def g4(*args, **kw):
    c = 1
    try:
        yield (yield c)
    finally:
        c = 2
def g5():
    yield from range(3)

for gen in (g0(), g2(1, 2), g3(1), g4(), g5(), (x for x in "ab")):
    print(gen.__name__, sys.getsizeof(gen), gen.__sizeof__())
gen = g3(3)
next(gen)
print(sys.getsizeof(gen))

class Sized:
    def __init__(self, n):
        self.n = n
    def __sizeof__(self):
        return self.n

print(sys.getsizeof(Sized(0)), sys.getsizeof(Sized(100)), Sized(7).__sizeof__())

class SlotSized:
    __slots__ = ()
    def __sizeof__(self):
        return 10

print(sys.getsizeof(SlotSized()))

class BigList(list):
    def __sizeof__(self):
        return super().__sizeof__() + 1000

print(sys.getsizeof(BigList()), sys.getsizeof(BigList([1, 2, 3])))

class IntSub(int):
    pass

class ListSub(list):
    pass

print(sys.getsizeof(IntSub(5)), sys.getsizeof(ListSub()), sys.getsizeof(ListSub([1, 2])))

class Bool:
    def __sizeof__(self):
        return True

print(sys.getsizeof(Bool()))

class Idx:
    def __index__(self):
        return 5

class RetIdx:
    def __sizeof__(self):
        return Idx()

try:
    print(sys.getsizeof(RetIdx()))
except Exception as e:
    print(type(e).__name__, e)

for bad in [-1, -10**30, "12", 1.5, None, 2**63, 2**63 - 1, 2**62, 10**30]:
    class Bad:
        def __sizeof__(self, v=bad):
            return v
    try:
        print(repr(bad), sys.getsizeof(Bad()))
    except Exception as e:
        print(repr(bad), type(e).__name__, e)
    try:
        print(repr(bad), sys.getsizeof(Bad(), "dflt"))
    except Exception as e:
        print(repr(bad), type(e).__name__, e)

class Raises:
    def __sizeof__(self):
        raise KeyError("boom")

try:
    sys.getsizeof(Raises())
except KeyError as e:
    print("KeyError", e)
try:
    sys.getsizeof(Raises(), 42)
except KeyError as e:
    print("KeyError with default", e)
print(sys.getsizeof(1, 42), sys.getsizeof([], None))

class NoSizeof:
    __sizeof__ = None

try:
    sys.getsizeof(NoSizeof())
except TypeError as e:
    print("TypeError", e)
print(sys.getsizeof(NoSizeof(), -5))

try:
    sys.getsizeof()
except TypeError as e:
    print("TypeError", e)
try:
    sys.getsizeof(1, 2, 3)
except TypeError as e:
    print("TypeError", e)
try:
    object.__sizeof__(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    [].__sizeof__(1)
except TypeError as e:
    print("TypeError", e)
print(object.__sizeof__([1, 2, 3]), list.__sizeof__([1, 2, 3]), object.__sizeof__(a))
