# sys.getsizeof of lists as they grow, tuples, dicts and sets.
import sys

print("list append")
l = []
prev = None
for n in range(70):
    s = sys.getsizeof(l)
    if s != prev:
        print(n, s, l.__sizeof__())
        prev = s
    l.append(n)
print("list pop")
while l:
    l.pop()
    s = sys.getsizeof(l)
    if s != prev:
        print(len(l), s)
        prev = s
print("list forms")
for n in range(0, 40, 3):
    print(n, sys.getsizeof(list(range(n))), sys.getsizeof([0] * n), sys.getsizeof([i for i in range(n)]),
          sys.getsizeof(list(x for x in range(n))), sys.getsizeof(list("a" * n)), sys.getsizeof(list(tuple(range(n)))))
print(sys.getsizeof([]), sys.getsizeof([1]), sys.getsizeof([1, 2]), sys.getsizeof([1, 2, 3]), sys.getsizeof([1, 2, 3, 4, 5, 6, 7, 8, 9]))
print([].__sizeof__(), [1, 2].__sizeof__(), list.__sizeof__([1]))
l = [1, 2, 3]
l.extend(range(10))
print(sys.getsizeof(l))
l += [1] * 30
print(sys.getsizeof(l))
l = list(range(20))
l.insert(0, 5)
print(sys.getsizeof(l))
del l[5:]
print(sys.getsizeof(l))
l.clear()
print(sys.getsizeof(l))
l = list(range(10))
print(sys.getsizeof(l[:]), sys.getsizeof(l[2:5]), sys.getsizeof(l + l), sys.getsizeof(l * 3), sys.getsizeof(sorted(l)))
print(sys.getsizeof(l.copy()), sys.getsizeof([*l]), sys.getsizeof([*l, 1]))

print("tuple")
for n in range(0, 12):
    print(n, sys.getsizeof(tuple(range(n))), tuple(range(n)).__sizeof__())
print(sys.getsizeof(()), sys.getsizeof((1,)), sys.getsizeof((1, 2)), ().__sizeof__())

print("dict str keys")
d = {}
prev = None
for n in range(101):
    s = sys.getsizeof(d)
    if s != prev:
        print(n, s, d.__sizeof__())
        prev = s
    d["k%d" % n] = n
print("dict int keys")
d = {}
prev = None
for n in range(101):
    s = sys.getsizeof(d)
    if s != prev:
        print(n, s, d.__sizeof__())
        prev = s
    d[n] = n
print("dict mixed")
d = {"a": 1}
print(sys.getsizeof(d))
d[1] = 2
print(sys.getsizeof(d))
print("dict forms")
print(sys.getsizeof({}), sys.getsizeof(dict()), sys.getsizeof({"a": 1}), sys.getsizeof({1: 1}))
print(sys.getsizeof(dict(a=1, b=2)), sys.getsizeof({"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6}))
for n in range(0, 30, 3):
    print(n, sys.getsizeof({i: i for i in range(n)}), sys.getsizeof(dict.fromkeys(range(n))),
          sys.getsizeof(dict(zip(range(n), range(n)))))
d = dict.fromkeys(range(50))
for i in range(45):
    del d[i]
print(sys.getsizeof(d))
d.clear()
print(sys.getsizeof(d), {}.__sizeof__(), dict.__sizeof__({1: 2}))

print("set")
s = set()
prev = None
for n in range(200):
    z = sys.getsizeof(s)
    if z != prev:
        print(n, z, s.__sizeof__())
        prev = z
    s.add(n)
for n in range(0, 40, 4):
    print(n, sys.getsizeof(set(range(n))), sys.getsizeof(frozenset(range(n))), sys.getsizeof({i for i in range(n)}))
print(sys.getsizeof(set()), sys.getsizeof(frozenset()), sys.getsizeof({1, 2, 3}), set().__sizeof__(), frozenset({1}).__sizeof__())
