# cls(...) of a plain class with a remembered __init__ runs the __init__ frame directly
# (arguments moved in after the new instance); everything else takes the general path.
import sys


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


for i in range(3):
    p = P(i, i * 2)
print(p.x, p.y, type(p).__name__)

arg = object()
before = sys.getrefcount(arg)
keep = [P(arg, arg) for _ in range(5)]
print("refs held", sys.getrefcount(arg) - before)
del keep
print("refs back", sys.getrefcount(arg) - before)


class Bad:
    def __init__(self, v):
        self.v = v
        return v


print(Bad(None).v)
try:
    Bad(5)
except TypeError as e:
    print("TypeError:", e)


class Raises:
    def __init__(self, n):
        if n < 0:
            raise ValueError(f"negative: {n}")
        self.n = n


print(Raises(1).n)
try:
    Raises(-1)
except ValueError as e:
    print("ValueError:", e, type(e.__traceback__.tb_next).__name__)

try:
    P(1)
except TypeError as e:
    print("TypeError:", e)
try:
    P(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
print(P(y=2, x=1).x)


class Defaults:
    def __init__(self, a, b=10):
        self.t = (a, b)


print(Defaults(1).t, Defaults(1, 2).t)


class Meta(type):
    def __call__(cls, *args):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args)


class WithMeta(metaclass=Meta):
    def __init__(self, a):
        self.a = a


for _ in range(2):
    print(WithMeta(7).a)


class Swapped:
    def __init__(self, a):
        self.a = ("first", a)


for _ in range(2):
    print(Swapped(1).a)


def other_init(self, a):
    self.a = ("second", a)


Swapped.__init__ = other_init
print(Swapped(2).a)


class Sub(P):
    pass


print(vars(Sub(3, 4)))


class Gen:
    def __init__(self, n):
        yield n


try:
    Gen(1)
except TypeError as e:
    print("TypeError:", e)
