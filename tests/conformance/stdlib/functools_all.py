# functools: partial, reduce, lru_cache/cache, wraps, cmp_to_key, total_ordering.
import functools


def f(a, b, c=3):
    return a + b + c


p = functools.partial(f, 1, c=5)
print(p(2), p.func is f, p.args, p.keywords, p(2, c=0))
print(repr(functools.partial(len)), repr(functools.partial(max, 1, key=abs)))
p2 = functools.partial(p, 10)
print(p2(), p2.args, p2.keywords, p2.func is f)


class C:
    pass


print(repr(functools.partial(C, 1, x=2)), type(p).__name__, isinstance(p, functools.partial))
try:
    functools.partial(5)
except TypeError as e:
    print(e)


@functools.lru_cache(maxsize=2)
def g(x):
    return x * 2


g(1), g(2), g(1), g(3), g(2)
print(g.cache_info(), g.__name__, g.__wrapped__(21), g.cache_parameters())
g.cache_clear()
print(g.cache_info())


@functools.lru_cache
def h(x, y=0):
    return x + y


h(1), h(1), h(1, y=2), h(1, y=2), h(x=1)
print(h.cache_info())


@functools.cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(100), fib.cache_info())


@functools.lru_cache(maxsize=0)
def nocache(x):
    return x


nocache(1), nocache(1)
print(nocache.cache_info())

calls = []


@functools.lru_cache(maxsize=3)
def sq(n):
    calls.append(n)
    return n * n


for n in [1, 2, 3, 1, 4, 2, 5, 1]:
    sq(n)
print(calls, sq.cache_info())

print(functools.reduce(lambda a, b: a * b, [1, 2, 3, 4]), functools.reduce(lambda a, b: a + b, [], 7), functools.reduce(max, [3, 9, 2]))
try:
    functools.reduce(lambda a, b: a + b, [])
except TypeError as e:
    print(e)

print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
print(sorted(["bb", "a", "ccc"], key=functools.cmp_to_key(lambda a, b: len(a) - len(b))))


@functools.total_ordering
class V:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

    def __lt__(self, o):
        return self.v < o.v


print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2), V(2) >= V(2), sorted([V(3), V(1)])[0].v)


@functools.total_ordering
class W:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

    def __gt__(self, o):
        return self.v > o.v


print(W(1) < W(2), W(1) <= W(1), W(2) >= W(3))
try:
    @functools.total_ordering
    class Nothing:
        pass
except ValueError as e:
    print(e)


def deco(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        return fn(*a, **k)
    return wrapper


@deco
def named(x):
    "A docstring."
    return x


print(named.__name__, named.__doc__, named.__wrapped__.__name__, named.__qualname__, named(5))


def plain():
    pass


def other():
    "other doc"


functools.update_wrapper(plain, other)
print(plain.__name__, plain.__doc__)


class Circle:
    def __init__(self, r):
        self.r = r

    @functools.cached_property
    def area(self):
        print("computing")
        return 3 * self.r * self.r


c = Circle(2)
print(c.area, c.area, "area" in c.__dict__)
