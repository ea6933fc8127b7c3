# Sets of small ints (their order is deterministic) and set algebra.
s = {3, 1, 2}
print(s, len(s), 2 in s, 5 in s)
s.add(4)
s.add(1)
s.discard(10)
s.remove(3)
print(s)
a, b = {1, 2, 3, 4}, {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print({1, 2} <= a, {1, 2} < {1, 2}, a >= {1}, a.isdisjoint({7, 8}), {1}.issubset(a))
print(set(), len(set()), set([1, 1, 1]), {0, 0.0, False})
f = frozenset([1, 2, 3])
print(f, f | {4}, type(f | {4}).__name__, 2 in f)
print({(1, 2), (1, 2)}, {frozenset([1])})
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", e)
t = {5, 6}
print(t.pop() in {5, 6}, len(t))
u = {1, 2}
u |= {3}
u -= {1}
print(u, sorted({"b", "a", "c"}))
print(set(range(10)), {10, 20, 30})
