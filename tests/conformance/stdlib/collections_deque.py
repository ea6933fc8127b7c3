# collections.deque: a double-ended queue with an optional maximum length.
from collections import deque

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft("ab")
print(d, d.count(7), d.index(7), 8 in d, "z" in d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.rotate()
print(d, list(reversed(d)))
d[0] = "first"
del d[1]
print(d, d.copy(), d.copy() == d, d.copy() is d)
d.insert(2, "ins")
d.remove("ins")
d.reverse()
print(d)
d.clear()
print(d, bool(d), len(d))

m = deque(range(5), maxlen=3)
print(m, m.maxlen)
m.append(9)
print(m)
m.appendleft(-1)
print(m)
m.extend([10, 11])
print(m)
m.extendleft([20])
print(m, deque(maxlen=0), deque([1], maxlen=0))
z = deque(maxlen=0)
z.append(1)
print(z, deque().maxlen)

print(deque("abc") == deque("abc"), deque([1]) == [1], deque([1, 2]) < deque([1, 3]), deque([1]) <= deque([1]), deque([2]) > deque([1, 5]))
print(deque([1, 2]) + deque([3]), deque([1]) * 3, 2 * deque("ab"), deque([1, 2, 3], maxlen=3) * 2)
e = deque([1])
e += [2, 3]
e *= 2
print(e)
x = deque()
x.append(x)
print(x)


class D(deque):
    pass


print(D([1, 2]), D([1], 3), D([1, 2]) + D([3]), type(D([1]).copy()).__name__)

# Mutation during iteration.
it = iter(deque([1, 2, 3]))
print(next(it))
dq = deque([1, 2, 3])
it = iter(dq)
dq.append(4)
try:
    next(it)
except RuntimeError as e:
    print(e)

for bad in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1]).index(9), lambda: deque([1]).remove(9),
            lambda: deque([1])[5], lambda: deque([1])[1:2], lambda: deque([1], maxlen=1).insert(0, 1),
            lambda: deque(maxlen=-1), lambda: deque(maxlen="a"), lambda: deque([1]) + [1], lambda: deque(1),
            lambda: deque([1]).rotate("a"), lambda: deque([1], 2, 3), lambda: deque() * "a"]:
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)

# A queue for breadth-first search.
graph = {1: [2, 3], 2: [4], 3: [4, 5], 4: [6], 5: [6], 6: []}
seen, order, q = {1}, [], deque([1])
while q:
    n = q.popleft()
    order.append(n)
    for nb in graph[n]:
        if nb not in seen:
            seen.add(nb)
            q.append(nb)
print(order)
big = deque()
for i in range(100000):
    big.append(i)
while len(big) > 1:
    big.popleft()
print(big)
