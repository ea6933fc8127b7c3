# Collecting built-in iterators in one go (list(), list.extend, tuple(), slice assignment):
# partially consumed iterators continue from the right place, exhausted ones stay
# exhausted, and the resulting list sizes follow CPython's allocation rules.
import sys

def show(label, v):
    print(label, v, sys.getsizeof(v) if isinstance(v, list) else "")

# list iterators, partially consumed
a = list(range(10))
it = iter(a)
next(it); next(it); next(it)
show("rest", list(it))
show("again", list(it))
a.append(99)
show("after append", list(it))
print(next(it, "done"))

# reversed list iterators
it = reversed(a)
next(it); next(it)
show("rev rest", list(it))
show("rev again", list(it))
it = reversed(a)
del a[5:]
show("rev shrunk", list(it))
it = reversed(a)
a.extend([7, 8, 9])
show("rev grown", list(it))
it = reversed([])
show("rev empty", list(it))
it = reversed((1, 2, 3))
next(it)
show("rev tuple", list(it))
print(tuple(reversed((4, 5, 6))))

# tuple iterators
t = tuple("abcdef")
it = iter(t)
next(it)
show("tuple rest", list(it))
print(tuple(it))

# range iterators
for r in [range(0), range(5), range(3, 20, 4), range(10, -3, -3), range(-5, 5), range(2**62, 2**62 + 3), range(-2**63, -2**63 + 2), range(2**63 - 2, 2**63 - 1)]:
    it = iter(r)
    next(it, None)
    show("range", list(it))
    print(list(it), next(it, "end"))
show("big range", list(range(2**64, 2**64 + 3)))
show("list(range(17))", list(range(17)))
x = [1, 2]
x.extend(range(5))
show("extend range", x)
x.extend(iter(range(40)))
show("extend range iter", x)

# str iterators
s = "héllo wörld"
it = iter(s)
next(it); next(it)
show("str rest", list(it))
show("str again", list(it))
show("ascii", list("abcabc"))

# dict iterators
d = {i: str(i) for i in range(12)}
it = iter(d)
next(it)
show("keys", list(it))
it = iter(d.values())
next(it); next(it)
show("values", list(it))
it = iter(d.items())
for _ in range(10):
    next(it)
show("items", list(it))
del d[3]
del d[7]
show("keys after del", list(d))
show("items after del", list(d.items()))
it = iter(d)
d[100] = 1
try:
    list(it)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    list(it)
except RuntimeError as e:
    print("RuntimeError again", e)
show("dict iter size", list(iter({i: i for i in range(20)})))
show("dict values size", list({i: i for i in range(20)}.values()))

# set iterators
st = set(range(30))
it = iter(st)
for _ in range(5):
    next(it)
rest = list(it)
show("set rest", sorted(rest))
print(len(rest), sys.getsizeof(rest))
it = iter(st)
st.add(100)
try:
    list(it)
except RuntimeError as e:
    print("RuntimeError", e)
fs = frozenset("abc")
print(sorted(list(iter(fs))))

# extend with iterators onto non-empty lists
for n in range(0, 30, 3):
    base = list(range(n))
    base.extend(reversed(list(range(n))))
    base.extend(iter(tuple(range(n))))
    print(n, len(base), sys.getsizeof(base))
    l2 = list(range(n))
    l2 += iter(range(n))
    print(n, len(l2), sys.getsizeof(l2))

# self-extension through an iterator
a = [1, 2, 3]
a.extend(reversed(a))
show("self reversed extend", a)
a = [1, 2, 3]
a += a
show("self +=", a)

# unpacking, sorted, tuple, set, min/max from iterators
a, *b = iter([1, 2, 3, 4])
print(a, b)
print(sorted(reversed([3, 1, 2])), tuple(iter(range(4))), sorted(set(iter("hello"))))
print(max(iter([3, 9, 2])), sum(iter(range(10))), " ".join(iter(["x", "y"])))
