# List/tuple slicing with steps 1/-1/others and slice assignment (same length swaps,
# growing, shrinking, self-assignment, extended slices), with the sizes CPython reports.
import sys

a = list(range(10))
for sl in [slice(None), slice(2, 5), slice(None, None, -1), slice(7, None, -1), slice(7, 2, -1),
           slice(-3, None), slice(None, -3, -1), slice(100, None, -1), slice(-100, 100),
           slice(1, None, 3), slice(None, None, -3), slice(8, 0, -2), slice(5, 5), slice(5, 2),
           slice(0, 0, -1), slice(9, -100, -1), slice(-1, -11, -1), slice(3, 9, 2)]:
    r = a[sl]
    print(sl, r, sys.getsizeof(r), tuple(a)[sl])

t = tuple(range(6))
print(t[:] is t, t[::-1], t[1:-1], t[::2], t[5:0:-2])

# same-length assignment (fannkuch's flip)
p = list(range(8))
for first in [3, 7, 0, 5]:
    p[: first + 1] = p[first::-1]
    print(p, sys.getsizeof(p))
p[:4] = p[1:5]
print(p)

# self-assignment
a = list(range(6))
a[:] = a
print(a, sys.getsizeof(a))
a[1:3] = a
print(a, sys.getsizeof(a))
a[::-1] = a
print(a)
a = list(range(6))
a[::2] = a[1::2]
print(a)
a[2:4] = reversed(a)
print(a, sys.getsizeof(a))
a[1:] = iter(a)
print(a, sys.getsizeof(a))

# growing and shrinking
for n in range(0, 40, 7):
    b = list(range(20))
    b[5:10] = range(n)
    print(n, len(b), sys.getsizeof(b))
    c = list(range(20))
    c[3:3] = tuple(range(n))
    print(n, len(c), sys.getsizeof(c))
b = list(range(50))
b[2:48] = []
print(b, sys.getsizeof(b))
b = list(range(50))
b[10:] = "ab"
print(b, sys.getsizeof(b))

# out-of-range and reversed bounds
b = list(range(5))
b[10:20] = [1]
b[-100:1] = [7, 7]
b[4:2] = ["x"]
print(b)

# extended slices
b = list(range(10))
b[::3] = "abcd"
print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print("ValueError", e)
try:
    b[::2] = 5
except TypeError as e:
    print("TypeError", e)
b[::-1] = range(10)
print(b)
b[5:5:-1] = []
print(b)

# deletions
for sl in [slice(2, 5), slice(None, None, 2), slice(None, None, -3), slice(8, 1, -2), slice(0, 100), slice(5, 1)]:
    b = list(range(30))
    del b[sl]
    print(sl, b, sys.getsizeof(b))

# a list that shrinks while the new items are collected
b = list(range(10))
def gen():
    b.clear()
    yield "x"
    yield "y"
b[2:6] = gen()
print(b)
b = list(range(10))
def gen2():
    del b[3:]
    yield from "pqrs"
b[6:8] = gen2()
print(b)

# objects whose __del__ looks at the list during replacement
class D:
    def __init__(self, name, target):
        self.name, self.target = name, target
    def __del__(self):
        print("del", self.name, len(self.target))
c = []
c.extend([D("a", c), D("b", c), 3])
c[0:2] = [1, 2]
print(c)
c.append(D("z", c))
c[1:] = []
print(c)
c.append(D("y", c))
c[::-1] = [5, 6]
print(c)
c = [D("p", c), D("q", c), D("r", c), D("s", c), 9]
del c[1:3]
print(len(c), c[-1])
c[0:0] = [D("t", c), 8, D("u", c)]
del c[::2]
print(len(c))
c[:] = [D("v", c), 1, D("w", c), 2]
c[::-2] = "ab"
print(c[1::2], len(c))
c[:] = []
print(c)

# __index__ that empties the list while the slice is computed
b = [1, 2]
for v in [5, None]:
    try:
        b[0:1] = v
    except TypeError as e:
        print(e)
class I:
    def __index__(self):
        b.clear()
        return 1
b = list(range(5))
print(b[I():4])
b = list(range(5))
print(b[0:I()])
b = list(range(5))
b[I():3] = [7, 8]
print(b)
b = list(range(5))
del b[I():3]
print(b)
b = list(range(8))
del b[::I()]
print(b)
