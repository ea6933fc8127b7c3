# tuple methods and behaviour, range objects.
t = (1, 2, 3, 2)
print(t.count(2), t.index(3), t.index(2, 2), t[1:], t[::-1], t * 2, t + (5,), len(t), 2 in t, t < (1, 3), (1,) == (1,), () < (0,))
try:
    t.index(9)
except ValueError as e:
    print(type(e).__name__, e)
try:
    t[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)
print(tuple(), tuple([1, 2]), tuple("ab"), tuple({1: 2}), (1,), (), ((1,),), repr((None,)), str((1, "a")))
a, *b = t
*c, d = t
e, *f, g = t
print(a, b, c, d, e, f, g)
(h, i), j = (1, 2), 3
print(h, i, j)
try:
    x, y = (1, 2, 3)
except ValueError as ex:
    print(type(ex).__name__, ex)
try:
    x, y, z = (1, 2)
except ValueError as ex:
    print(type(ex).__name__, ex)
try:
    x, *y, z = (1,)
except ValueError as ex:
    print(type(ex).__name__, ex)
try:
    x, y = 5
except TypeError as ex:
    print(type(ex).__name__, ex)
r = range(2, 20, 3)
print(r, list(r), len(r), r[2], r[-1], r[1:3], r[::-1], 5 in r, 6 in r, r.index(8), r.count(8), range(5) == range(0, 5, 1), range(0) == range(2, 1))
print(range(10)[::2], list(range(10, 0, -3)), list(range(-5)), range(3).start, range(3).stop, range(3).step, repr(range(1, 5, 2)), reversed(range(3)).__class__.__name__, list(reversed(range(1, 10, 4))))
for f in (lambda: range(1, 2, 0), lambda: range(10)[10], lambda: range(5).index(7), lambda: range(1.5)):
    try:
        f()
    except (ValueError, IndexError, TypeError) as ex:
        print(type(ex).__name__, ex)
print(range(0, 10**20, 3)[-1], range(10**20)[-1], hash(range(3)) == hash(range(3)), bool(range(0)), max(range(4)), sum(range(101)))
print(tuple(x * x for x in range(4)), tuple(range(3)) == (0, 1, 2), (1, 2) + tuple([3]))
nested = ([1], 2)
nested[0].append(3)
print(nested)
try:
    hash(nested)
except TypeError as ex:
    print(type(ex).__name__, ex)
