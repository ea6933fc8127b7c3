# __contains__, __iter__/__next__, __getitem__/__setitem__/__delitem__, __reversed__.
class Seq:
    def __init__(self, data):
        self.data = list(data)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return ("slice", i.start, i.stop, i.step)
        return self.data[i]
    def __setitem__(self, i, v):
        print("set", i, v)
        self.data[i] = v
    def __delitem__(self, i):
        print("del", i)
        del self.data[i]
    def __len__(self):
        return len(self.data)

s = Seq("abc")
print(s[0], s[-1], s[1:2], s[::2], s[1:], s[:, 1] if False else "")
s[0] = "z"
del s[1]
print(s.data, list(s), "z" in s, "q" in s, len(s))
print(list(reversed(s)))
for x in s:
    print("iter", x)
print(sorted(Seq([3, 1, 2])), max(Seq([3, 9, 2])), sum(Seq([1, 2])))
a, b = Seq([10, 20])
print(a, b)
try:
    s[10]
except IndexError as e:
    print(type(e).__name__, e)

class Keyed:
    def __getitem__(self, k):
        if k == "missing":
            raise KeyError(k)
        return k * 2
k = Keyed()
print(k["ab"], k[3], k[1, 2], k[1:2, ...])
try:
    k["missing"]
except KeyError as e:
    print(type(e).__name__, e)

class Contains:
    def __contains__(self, item):
        print("contains", item)
        return item == 3
c = Contains()
print(3 in c, 4 in c, 4 not in c)
class ContainsTruthy:
    def __contains__(self, item):
        return [1]
print(1 in ContainsTruthy())

class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(Countdown(3)), 1 in Countdown(3), list(zip(Countdown(2), "ab")))
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))

class IterOnly:
    def __iter__(self):
        yield from [1, 2, 3]
print(list(IterOnly()), 2 in IterOnly(), [x * 2 for x in IterOnly()])

class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__, e)
try:
    for _ in BadIter(): pass
except TypeError as e:
    print(type(e).__name__, e)

class NotIterable:
    __iter__ = None
try:
    iter(NotIterable())
except TypeError as e:
    print(type(e).__name__, e)
class Empty: pass
for op in ("iter", "in", "len", "getitem", "setitem", "delitem", "reversed", "next"):
    try:
        e = Empty()
        if op == "iter": iter(e)
        elif op == "in": 1 in e
        elif op == "len": len(e)
        elif op == "getitem": e[0]
        elif op == "setitem": e[0] = 1
        elif op == "delitem": del e[0]
        elif op == "reversed": reversed(e)
        elif op == "next": next(e)
    except TypeError as ex:
        print(op, type(ex).__name__, ex)

class Rev:
    def __reversed__(self):
        return iter("zyx")
print(list(reversed(Rev())))

# __missing__ in dict subclasses
class DefaultDict(dict):
    def __missing__(self, key):
        return f"missing:{key}"
d = DefaultDict(a=1)
print(d["a"], d["b"], d.get("b"), "b" in d)

# __index__ used for indexing
class Idx:
    def __init__(self, i): self.i = i
    def __index__(self): return self.i
print([10, 20, 30][Idx(1)], "abc"[Idx(-1)], [1, 2, 3, 4][Idx(1):Idx(3)], range(10)[Idx(2)])
try:
    [1][Idx(5)]
except IndexError as e:
    print(type(e).__name__, e)
try:
    lst = [1]; lst["x"]
except TypeError as e:
    print(type(e).__name__, e)
try:
    tup = (1,); tup[1.0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    st = "s"; st[None]
except TypeError as e:
    print(type(e).__name__, e)
try:
    {}[[]]
except TypeError as e:
    print(type(e).__name__, e)
