# Keyword-only and positional-only parameters, defaults, *args/**kwargs, unpacking in calls.
def f(a, b, /, c, d=4, *, e, f=6, **kw):
    return (a, b, c, d, e, f, kw)
print(f(1, 2, 3, e=5), f(1, 2, c=3, e=5, d=0, z=9), f(1, 2, 3, 4, e=5, f=0))
for call in (lambda: f(1, 2, 3), lambda: f(1, b=2, c=3, e=5), lambda: f(1, 2, 3, 4, 5, e=1), lambda: f(1, 2, 3, c=3, e=1), lambda: f(), lambda: f(1, 2, e=5)):
    try:
        call()
    except TypeError as ex:
        print(type(ex).__name__, ex)
def g(a, b=2, *args, c, **kwargs):
    return a, b, args, c, kwargs
print(g(1, c=3), g(1, 2, 3, 4, c=5, x=6), g(*[1, 2, 3], c=0, **{"y": 1}))
def posonly(a, b, /):
    return a + b
try:
    posonly(1, b=2)
except TypeError as ex:
    print(type(ex).__name__, ex)
def posonly_kw(a, /, **kw):
    return a, kw
print(posonly_kw(1, a=2))
def kwonly(*, x, y=1):
    return x, y
for call in (lambda: kwonly(1), lambda: kwonly(), lambda: kwonly(x=1, z=2)):
    try:
        call()
    except TypeError as ex:
        print(type(ex).__name__, ex)
print(kwonly(x=0))
def many(a, b, c, d):
    return a, b, c, d
print(many(*"ab", *[3], 4), many(1, *(), *(2, 3), **{"d": 4}), many(**{"a": 1, "b": 2}, c=3, d=4), many(*range(4)))
for call in (lambda: many(*[1, 2]), lambda: many(1, 2, 3, 4, 5), lambda: many(1, 2, 3, a=1)):
    try:
        call()
    except TypeError as ex:
        print(type(ex).__name__, ex)
def defaults(a, lst=[]):
    lst.append(a)
    return lst
print(defaults(1), defaults(2), defaults.__defaults__)
def kwdefaults(*, k=1): pass
print(kwdefaults.__kwdefaults__, f.__code__.co_argcount, f.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount, f.__code__.co_varnames)
def ann(a: int, b: "str" = "x") -> bool: pass
print(ann.__annotations__)
def one(a): pass
def two(a, b): pass
def dflt(a, b=1): pass
for call in (lambda: one(), lambda: one(1, 2), lambda: two(1), lambda: two(), lambda: dflt(), lambda: dflt(1, 2, 3), lambda: one(b=1), lambda: one(1, a=1)):
    try:
        call()
    except TypeError as ex:
        print(type(ex).__name__, ex)
def three(a, b, c): pass
try:
    three()
except TypeError as ex:
    print(type(ex).__name__, ex)
class M:
    def meth(self, x): pass
try:
    M().meth()
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    M().meth(1, 2)
except TypeError as ex:
    print(type(ex).__name__, ex)
# unpacking in literals
a = [1, 2]
b = {"k": 1}
print([*a, *"cd", 0], (*a,), {*a, 3}, {**b, "j": 2}, [*range(2), *{}], {**{}, **b})
first, *rest = "hello"
*init, last = [1]
print(first, rest, init, last)
[p, q], r = "ab", 3
print(p, q, r)
for x, *ys in [(1, 2, 3), (4,)]:
    print(x, ys)
print(*[1, 2], sep="-")
print(*"abc", **{"sep": "|"})
def kw_only_after_var(*args, last):
    return args, last
print(kw_only_after_var(1, 2, last=3))
def keywords(**kw):
    return sorted(kw.items())
print(keywords(**{"b": 1}, a=2), keywords())
