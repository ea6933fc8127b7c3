# Tuples: packing, single-element tuples, indexing, methods, immutability.
t = (1, 2, 3)
single = (1,)
not_a_tuple = (1)
empty = ()
packed = 4, 5, 6
print(t, single, not_a_tuple, empty, packed, type(single).__name__, type(not_a_tuple).__name__)
print(t[0], t[-1], t[1:], t[::-1], len(t), t.index(2), t.count(3), 3 in t)
print(t + (4,), t * 2, (0,) * 3, tuple([1, 2]) == (1, 2))
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), max((4, 1), (3, 9)))
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
holder = ([1], [2])
holder[0].append(100)
print(holder)
a, b, c = t
print(a, b, c)
x, y = 1, 2
x, y = y, x
print(x, y)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested))
print(tuple("abc"), tuple(range(3)), hash((1, 2)) == hash((1, 2)))
