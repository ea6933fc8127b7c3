# set and frozenset: operators, methods, set of frozensets, comparisons.
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b, a <= b, {3} <= b, {3} < b, b > {3}, a >= a, a > a, a == {4, 3, 2, 1})
print(a.union(b, [9]), a.intersection(b, range(4)), a.difference(b, {1}), a.symmetric_difference([4, 6]), a.issubset(range(10)), a.issuperset([1]), a.isdisjoint({7}))
s = set()
s.add(1); s.add(1); s.update([2, 3], (4,)); s.discard(10); s.discard(4); s.remove(3)
print(s, len(s), 2 in s, 7 not in s)
try:
    s.remove(99)
except KeyError as e:
    print(type(e).__name__, e)
p = {5}
print(p.pop(), p)
try:
    p.pop()
except KeyError as e:
    print(type(e).__name__, e)
c = {1, 2, 3}
c |= {4}; c &= {1, 2, 4, 5}; c -= {1}; c ^= {2, 9}
print(c)
c.intersection_update([4, 9, 10]); print(c)
c.difference_update({4}); print(c)
c.symmetric_difference_update({1, 9}); print(c)
c.clear(); print(c, set(), frozenset())
f = frozenset([3, 1, 2])
print(f, f | {9}, type(f | {9}).__name__, type({9} | f).__name__, f & {1}, f - {1}, f.union([7]), f.copy() is f, hash(f) == hash(frozenset([1, 2, 3])))
print(frozenset() == set(), {1} == frozenset([1]), f < {1, 2, 3, 4}, frozenset("aa"))
ss = {frozenset({1, 2}), frozenset({2, 1}), frozenset()}
print(len(ss), frozenset({1, 2}) in ss, {1, 2} in ss if False else "")
try:
    {{1}}
except TypeError as e:
    print(type(e).__name__, e)
try:
    {1} < [1]
except TypeError as e:
    print(type(e).__name__, e)
try:
    {1} | [2]
except TypeError as e:
    print(type(e).__name__, e)
try:
    {1}.add([])
except TypeError as e:
    print(type(e).__name__, e)
try:
    frozenset([1]).add(2)
except AttributeError as e:
    print(type(e).__name__, e)
print(set("abcab") == {"a", "b", "c"}, sorted(set("hello")), set(range(5)), {x % 3 for x in range(10)}, set([1, 1.0, True]))
print({1, 2}.__len__(), repr(set()), repr(frozenset()), repr({0}), repr(frozenset({0})), str({-1}))
t = {1, 2, 3}
try:
    for x in t:
        t.add(x + 10)
except RuntimeError as e:
    print(type(e).__name__, e)
print(set([3, 2, 1]) - {2}, {1, 2} ^ frozenset({2, 3}), min({4, 2, 8}), max(frozenset({4, 2})), sum({1, 2, 3}), sorted({3, 1, 2}, reverse=True))
s1 = {1, 2}
s2 = s1.copy()
s2.add(3)
print(s1, s2, s1.isdisjoint([]), set().issubset(set()), {1}.union(), {1, 2}.intersection())
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return 1
    def __eq__(self, o): return self.v == o.v
print(len({K(1), K(2), K(1)}))
