# Iterable unpacking, starred targets and unpacking errors.
a, b = 1, 2
print(a, b)
(a, b), c = (3, 4), 5
print(a, b, c)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
head, *middle, tail = range(6)
print(head, middle, tail)
x, *empty = [1]
print(x, empty)
[p, q] = "pq"
print(p, q)
for i, (name, score) in enumerate([("ann", 9), ("bob", 7)]):
    print(i, name, score)
for k, *vals in [(1, 2, 3), (4,)]:
    print(k, vals)
print(*[1, 2], *"ab", *range(2))
combined = [*range(3), *[7, 8]]
print(combined, (*"xy", 0), {*[1, 1, 2]})
print({**{"a": 1}, **{"b": 2}})
for bad in [(1, 2, 3), (1,)]:
    try:
        u, v = bad
    except ValueError as e:
        print("ValueError:", e)
try:
    m, n, *o = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    r, s = 5
except TypeError as e:
    print("TypeError:", e)
