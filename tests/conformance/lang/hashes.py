# Hash values match CPython for ints, floats, tuples, frozensets; set iteration order of ints and tuples.
for v in (0, 1, -1, -2, 2**61 - 1, 2**61, 2**62, -2**61, 2**100, -2**100, 10**20, 123456789, True, False):
    print(v, hash(v))
for v in (0.0, -0.0, 0.5, 1.5, -1.5, 1e10, 1e-10, 3.141592653589793, 2.0**70, 1e300, -2.5):
    print(v, hash(v))
for v in ((), (1,), (1, 2), (1, (2, 3)), (-1,), (None,) if False else (0, 0), ((),), (2**64, -5), (1.5, 2)):
    print(v, hash(v))
print(hash(frozenset()), hash(frozenset({1})), hash(frozenset({1, 2, 3})), hash(frozenset({(1, 2), 3})))
print(hash(None) == hash(None), hash(...) == hash(...))
print(set([5, 3, 1000, 2**40, -7, 64, 1025]))
print({(1, 2), (3, 4), (0, 0), (-1, 5), (2, 1)})
print({0.5, 1.5, 100.25, -3.75})
print(set(range(20, 0, -3)), {x * 37 % 101 for x in range(15)})
print({2**64: "a", 2**65: "b", 1: "c"})
s = {frozenset({1, 2}), frozenset({3}), frozenset()}
print(len(s), frozenset({1, 2}) in s)
print(sorted(s, key=lambda f: sorted(f)))
print({(i, -i) for i in range(6)})
print(frozenset([9, 8, 7, 300, 10**6]))
