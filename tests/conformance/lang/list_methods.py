# list: slicing with steps, slice assignment/deletion, methods, sort stability/key/reverse.
L = list(range(10))
print(L[::2], L[1::3], L[::-1], L[-2::-2], L[8:2:-2], L[100:], L[-100:2], L[5:1], L[::-3], L[2:8:-1])
try:
    L[::0]
except ValueError as e:
    print(type(e).__name__, e)
a = list(range(10))
a[2:5] = ["x"]
print(a)
a[1:1] = [7, 8, 9]
print(a)
a[:] = "abc"
print(a)
b = list(range(10))
b[::2] = "ABCDE"
print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
b[::-3] = [0, 0, 0, 0]
print(b)
c = list(range(10))
del c[::3]
print(c)
del c[1:3]
print(c)
del c[-1]
print(c)
del c[:]
print(c)
d = [1, 2, 3]
d[len(d):] = [4, 5]
d[-1:] = []
print(d)
try:
    d[0:1] = 5
except TypeError as e:
    print(type(e).__name__, e)
x = [3, 1, 2]
x.append(4); x.extend([5, 6]); x.extend(range(2)); x.insert(0, -1); x.insert(100, 99); x.insert(-2, "m")
print(x)
print(x.pop(), x.pop(0), x.pop(-2), x)
x.remove("m")
print(x, x.index(5), x.index(1, 2), x.count(1), len(x))
for f in (lambda: x.remove("zz"), lambda: x.index("zz"), lambda: [].pop(), lambda: [1].pop(5), lambda: x.index(3, 5, 6)):
    try:
        f()
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
y = x.copy(); y.reverse(); y.clear()
print(y, x)
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True), sorted(words, reverse=True))
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b"), (2, "c"), (1, "c")]
print(sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[0], reverse=True))
pairs.sort(key=lambda p: p[1]); print(pairs)
nums = [5, -3, 2, -8, 0]
nums.sort(key=abs); print(nums)
nums.sort(reverse=True); print(nums)
try:
    [1, "a", 2].sort()
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([1], cmp=None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    [].sort(None)
except TypeError as e:
    print(type(e).__name__, e)
print([1, 2] == [1, 2], [1, 2] < [1, 3], [1] < [1, 0], [] < [0], [2] > [1, 9], [1, 2] != [2, 1])
print([[1]] * 3, list("ab") * 2, [0] * -1, 3 in [1, 2, 3], [1, [2]] + [[3]])
m = [[0] * 2] * 2
m[0][0] = 1
print(m)
print(list(), list((1, 2)), list({"a": 1}), list(range(3)), list("xy"), list(reversed([1, 2])))
print(repr([1, "a", None, [2.5, (3,)]]), str([]), [1, 2].__len__(), [4, 5].__getitem__(1))
r = [1, 2]
r.append(r)
print(r)
print([i for i in range(3)][-1], [].copy(), [1, 2, 3][-1:-4:-1])
lst = [1, 2, 3]
lst[1] = 20
lst[-1] += 5
print(lst)
try:
    lst[5] = 0
except IndexError as e:
    print(type(e).__name__, e)
try:
    del lst[5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    list(5)
except TypeError as e:
    print(type(e).__name__, e)
print(sorted([3, 1, 2], key=None), sorted("cba"), sorted({3: 0, 1: 0}), sorted((2, 1)))
big = list(range(1000))
big.sort(key=lambda v: (v % 7, -v))
print(big[:10], big[-5:])
print(max([3, 1, 4], key=lambda v: -v), min("hello"), max([], default="empty"), min([], key=len, default=None), max(1, 2, 3), min((4, 2), (3, 5)))
for f in (lambda: max([]), lambda: min(), lambda: max(1), lambda: max([1], [2], default=0)):
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(max([(1, "b"), (1, "a")]), max(["a", "B"], key=str.lower), min([2, 1, 1.0]), max([1, 1.0]))
