# reversed, map, filter, zip(strict=), enumerate(start=), all, any, iter(callable, sentinel), next(it, default).
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1, 2))), list(reversed(range(3))), list(reversed({"a": 1, "b": 2})))
try:
    reversed({1, 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    reversed(iter([1]))
except TypeError as e:
    print(type(e).__name__, e)
print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(pow, [2, 3], [3, 2], [5, 5])))
try:
    map(len)
except TypeError as e:
    print(type(e).__name__, e)
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(lambda v: v % 2, range(7))), list(filter(str.isdigit, "a1b2")))
print(list(zip("abc", range(3), [True] * 3)), list(zip()), list(zip([1, 2, 3], "ab")), list(zip("ab", "cd", strict=True)))
for args in (([1, 2], [1]), ([1], [1, 2]), ([1], [1], [])):
    try:
        list(zip(*args, strict=True))
    except ValueError as e:
        print(type(e).__name__, e)
print(list(enumerate("ab")), list(enumerate("ab", 1)), list(enumerate("ab", start=-1)), list(enumerate([], 5)), next(enumerate("x", 2**70)))
print(all([]), any([]), all([1, "a"]), all([1, 0]), any([0, None, "x"]), any(x > 2 for x in range(5)), all(x < 2 for x in range(5)))
def shortcircuit():
    for v in (1, 0, 2):
        print("yield", v)
        yield v
print(all(shortcircuit()))
print(any(shortcircuit()))
vals = iter([1, 2, 3, None, 4])
print(list(iter(lambda: next(vals), None)))
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 4)))
try:
    iter(5, 1)
except TypeError as e:
    print(type(e).__name__, e)
it = iter([1])
print(next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, repr(e))
try:
    next([1])
except TypeError as e:
    print(type(e).__name__, e)
m = map(abs, [-1, -2])
print(next(m), list(m), list(m))
z = zip([1, 2], [3, 4])
print(iter(z) is z, next(z), list(z))
e = enumerate("xyz")
print(next(e), list(e))
print(sum([1, 2, 3]), sum([1, 2], 10), sum([[1], [2]], []), sum([0.1] * 10), sum(range(5), start=5), sum([1.5, 2]), sum(()))
for f in (lambda: sum(["a"]), lambda: sum([1], "s"), lambda: sum([[1]], start=None)):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
print(sorted(map(len, ["aaa", "b", "cc"])), list(map(None.__class__, [])) if False else "", tuple(filter(lambda c: c in "aeiou", "education")))
print(list(zip(*[(1, "a"), (2, "b")])), dict(zip(range(3), "abc")), list(map(lambda *a: a, "ab", "cd")))
print(type(map(str, [])).__name__, type(filter(None, [])).__name__, type(zip()).__name__, type(enumerate([])).__name__, type(reversed([])).__name__, type(iter("")).__name__, type(iter(range(1))).__name__)
print(list(reversed([])), list(enumerate(reversed("ab"))))
class Seq:
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(reversed(Seq())), list(Seq()), list(enumerate(Seq())))
print(divmod(9, 4), divmod(-9, 4), divmod(9.0, 4), round(2.567, 1), round(7), format(3.5, "05.1f"), chr(0x41), ord("\n"))
print(abs(-5), abs(3.5), pow(2, 5), pow(2.0, 2), min(3, 1, 2), max("apple", "pear", key=len))
