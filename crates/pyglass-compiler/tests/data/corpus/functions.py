"""Module docstring."""
from __future__ import annotations
import os.path as osp
from . import sibling
from ..pkg.mod import a as b, c
from mod import *


def plain(a, b=1, *args, c, d=2, **kw):
    """Function docstring.

    More text.
    """
    return a, b, args, c, d, kw


def posonly(a, b=2, /, c=3, *, d):
    return a + b + c + d


def annotated(x: int, *ys: str, z: "List[int]" = None, **kw: float) -> dict[str, int]:
    v: int = 1
    w: list
    return {}


def decorated():
    @staticmethod
    @functools.wraps(plain)
    def inner(*a, **k):
        return plain(*a, **k)

    return inner


def closures(x):
    y = 2

    def f(z):
        nonlocal y
        y += z
        return x + y

    def g():
        def h():
            return x, y
        return h

    return f, g, lambda q: q + x


def counter():
    count = 0

    def inc():
        nonlocal count
        count += 1
        return count

    return inc


def globals_():
    global G
    G = 1
    del G


def generators(n):
    x = yield
    y = yield n
    z = yield from range(n)
    return x, y, z


gen_lambda = lambda: (yield 1)


def calls(f, obj, args, kwargs):
    f()
    f(1, 2)
    f(a=1)
    f(1, b=2, c=3)
    f(*args)
    f(1, *args, 2)
    f(**kwargs)
    f(*args, **kwargs)
    f(1, *args, x=1, **kwargs, y=2)
    obj.method()
    obj.method(1, k=2)
    obj.method(*args)
    obj.a.b.c(1)
    f(x for x in args)
    return f(lambda: 1)(2)


def comprehensions(xs, ys, k):
    a = [x for x in xs]
    b = [x * y for x in xs if x for y in ys if y if x != y]
    c = {x: y for x, y in zip(xs, ys)}
    d = {x % k for x in xs}
    e = (x + k for x in xs)
    f = [[y + k for y in row] for row in xs]
    g = [y for x in xs for y in [x * 2]]
    h = [(last := x) for x in xs]
    i = [x for x in [1, 2, 3]]
    return a, b, c, d, e, f, g, h, i, last


class Base:
    pass


class Meta(type):
    pass


class Simple:
    "Class docstring."
    attr = 1
    other: int = 2

    def method(self):
        return self.attr

    @property
    def prop(self):
        return self._p

    @prop.setter
    def prop(self, value):
        self._p = value


class WithSuper(Base, metaclass=Meta):
    def __init__(self, x):
        super().__init__()
        self.x = x
        self.__private = x

    def get(self):
        return __class__

    @classmethod
    def make(cls):
        return cls(1)

    def uses_comprehension(self):
        return [super().get() for _ in range(2)]


def class_in_function(v):
    class Local(Base):
        value = v
        items = [v for _ in range(3)]

        def m(self):
            return v

    return Local


class Outer:
    class Inner:
        def method(self):
            return 1

    def __mangled(self):
        return self.__x


class Starred(*bases, **options):
    pass


@decorator
class Decorated:
    pass
